"""English titles and epithets, read in English order ("Chilean President Rodrigo Vega", "the Chilean president",
"President Vega"), and learned across languages: an English apposition teaches who a French epithet stands for.
Sentences written for the tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from recoupe import pipeline
from recoupe.analyze import nlp as nlp_mod
from recoupe.analyze.runner import Analyzer
from recoupe.model import Document
from recoupe.present import queries

pytestmark = pytest.mark.skipif(importlib.util.find_spec(nlp_mod.MODELS["en"]) is None, reason="English model not installed")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _epithets(analyzer: Analyzer, text: str) -> dict[str, Any]:
    doc = Document(id="d", source="t.txt", text=text, language="en")
    return {m.span.text: m for m in analyzer.analyze(doc).mentions if m.kind == "epithet"}


def test_a_title_before_a_name_in_english_order(analyzer: Analyzer) -> None:
    got = _epithets(analyzer, "Chilean President Rodrigo Vega met farmers near Temuco on Monday.")
    (e,) = got.values()
    assert e.span.text == "Chilean President" and e.attrs["country"] == "CL" and e.attrs.get("apposed")


def test_a_definite_epithet_and_a_complement(analyzer: Analyzer) -> None:
    got = _epithets(analyzer, "The Chilean president spoke first. Then the president of Peru answered him.")
    assert got["The Chilean president"].attrs["country"] == "CL"
    assert got["the president of Peru"].attrs["country"] == "PE"


def test_a_bare_lower_case_role_with_no_determiner_is_no_epithet(analyzer: Analyzer) -> None:
    assert not _epithets(analyzer, "Rodrigo Vega was elected president in 2019 after a long campaign.")


def test_an_english_apposition_teaches_a_french_epithet(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text("Andes Wire — March 3, 2023\n\nSANTIAGO, March 3 (Andes Wire) - Chilean President "
                                     "Rodrigo Vega opened a dam near Temuco on Friday, officials said.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("Le Courrier du Sud — 4 mars 2023\n\nLe président chilien a promis samedi une "
                                     "hausse des salaires dans le Sud.\n", encoding="utf-8")
    db = tmp_path / "d.db"
    pipeline.build([str(tmp_path)], db, progress=False, log=lambda line: None)
    ents = queries.export_dossier(db)["entities"]
    (vega,) = [e for e in ents if e["name"] == "Rodrigo Vega"]
    assert "Le président chilien" in vega["aliases"]


def test_an_english_class_noun_in_a_name_serves_a_french_description(tmp_path: Path) -> None:
    # "Condor Group" carries the English class noun "group": a French "le groupe" may stand for it
    (tmp_path / "fr.txt").write_text("Le Courrier du Sud — 4 mars 2023\n\nLe Condor Group a nié samedi toute implication "
                                     "dans l'attaque. Le groupe a pourtant publié une vidéo de l'incendie.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Andes Wire — March 3, 2023\n\nSANTIAGO, March 3 (Andes Wire) - The Condor Group "
                                     "claimed the attack on a fuel depot near Temuco on Friday, police said.\n", encoding="utf-8")
    db = tmp_path / "d.db"
    pipeline.build([str(tmp_path)], db, progress=False, log=lambda line: None)
    ents = queries.export_dossier(db)["entities"]
    (condor,) = [e for e in ents if e["name"] == "Condor Group"]
    assert "groupe" in {a.split()[-1] for a in condor["aliases"]}


def test_a_surname_keeps_its_particles(analyzer: Analyzer) -> None:
    doc = Document(id="d", source="t.txt", text="Greta van der Molen, the Dutch minister, spoke first. Then von der Brink "
                   "replied.", language="en")
    names = {m.span.text: m.label for m in analyzer.analyze(doc).mentions if m.kind == "name"}
    assert names.get("von der Brink") == "person" and "Brink" not in names


def test_an_english_place_keeps_the_head_written_after_it(analyzer: Analyzer) -> None:
    doc = Document(id="d", source="t.txt", text="The plane left Kestrel airport at noon and crossed the Vardon river "
                   "before landing in the Oruma region.", language="en")
    places = {m.span.text for m in analyzer.analyze(doc).mentions if m.label == "place"}
    assert {"Kestrel airport", "Vardon river", "Oruma region"} <= places


def _aliases_to_names(doc_id: str, text: str) -> dict[str, str]:
    """Each alias of the entities resolved from one English article, to its entity's name."""
    from recoupe import resolve
    from recoupe.analyze.runner import Analyzer
    from recoupe.model import Document
    from tests.contract import contract

    doc = Document.from_dict({"id": doc_id, "source": f"{doc_id}.txt", "language": "en", "text": text})
    ents = contract(resolve.resolve([doc], [Analyzer().analyze(doc)])).entities
    return {a: e["name"] for e in ents for a in e["aliases"]}


def test_english_a_title_noun_phrase_before_a_name_is_a_mention_of_it() -> None:
    by_alias = _aliases_to_names("e1", "Harbour authority spokesman Tom Reilly said the port would reopen. "
                                       "Mining union official Dana Kerr disagreed.")
    assert by_alias.get("Harbour authority spokesman") == "Tom Reilly"
    assert by_alias.get("Mining union official") == "Dana Kerr"


def test_english_a_daily_named_after_its_press_noun_is_a_mention_of_it() -> None:
    by_alias = _aliases_to_names("e2", "The storm flooded the valley. The Danish business daily Borsen put the damage "
                                       "at two billion kroner.")
    assert by_alias.get("The Danish business daily") == "Borsen"
