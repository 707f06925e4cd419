"""The English language pack: its data files load under the French pack's schemas, its time expressions, tenses,
datelines, quotes, claims' modality and summaries read English; written for these tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from recoupe import lang
from recoupe.analyze import nlp as nlp_mod
from recoupe.model import Document
from recoupe.model.vocab import Tense

EN = lang.pack("en")
needs_model = pytest.mark.skipif(importlib.util.find_spec(nlp_mod.MODELS["en"]) is None, reason="English model not installed")


def test_every_english_data_file_has_the_french_files_schema() -> None:
    fr_dir = Path(lang.pack("fr").__class__.__module__.replace(".", "/"))
    root = Path(__file__).parents[2] / "src"
    fr_files = {p.name for p in (root / fr_dir / "data").iterdir()}
    en_files = {p.name for p in (root / "recoupe/lang/en/data").iterdir()}
    assert fr_files == en_files
    for name in sorted(en_files):
        if name.endswith(".schema.json"):
            assert (root / "recoupe/lang/en/data" / name).read_text() == (root / fr_dir / "data" / name).read_text(), name
        else:
            EN.data(name)  # validated against its schema


def test_every_member_of_the_protocol_builds() -> None:
    assert isinstance(EN, lang.LanguagePack)
    for member in ("lexicon", "grammar", "time", "triggers", "speech", "quantities", "names", "phrasing", "geo"):
        assert getattr(EN, member) is not None


@pytest.mark.parametrize("text,rule,groups", [
    ("The ferry sank on Thursday, March 7, 2019 near the cape.", "date", {"wd": "Thursday", "m": "March", "d": "7", "y": "2019"}),
    ("talks resumed on 22 June", "date", {"d": "22", "m": "June"}),
    ("it opened in Feb. 2020", "month_year", {"m": "Feb.", "y": "2020"}),
    ("the strike came two weeks ago", "ago", {"n": "two", "u": "weeks"}),
    ("rain fell late last week", "cal_rel", {"dir": "last", "u": "week"}),
    ("they will meet next Monday", "wd_rel", {"dir": "next", "wd": "Monday"}),
    ("she left yesterday evening", "day_word", {"dw": "yesterday", "part": "evening"}),
    ("in the 1980s the port grew", "decade", {"y": "1980"}),
])
def test_english_time_expressions(text: str, rule: str, groups: dict[str, str]) -> None:
    found = EN.time.candidates(text)
    assert [c.rule for c in found] == [rule]
    assert {k: found[0].groups[k] for k in groups} == groups


def test_may_the_modal_is_no_month() -> None:
    assert EN.time.candidates("The envoy may travel soon.") == []
    assert [c.rule for c in EN.time.candidates("The envoy left in May.")] == ["month"]


def test_numbers_in_words() -> None:
    assert [EN.time.number(s) for s in ("three", "twenty-four", "12", "several", "dozen")] == [3, 24, 12, 3, None]


def test_english_datelines() -> None:
    g = EN.grammar
    assert g.dateline("OSLO, October 2, 2021 - The board met.", None, None) == ("2021-10-02", "day", "dateline")
    assert g.dateline("LIMA, 3 Nov 2022 (Wire) - Storms hit.", "2022-11", "month") == ("2022-11-03", "day", "dateline")
    assert g.dateline("OSLO, October 2, 2021 - x", "2024-01-01", "day") == ("2024-01-01", "day", None)


def test_summaries_in_english() -> None:
    s = EN.phrasing.summary("meeting", "planned", ["Ana Ruiz", "Tom Berg"], "Lisbon", "2022-05-09")
    assert s == "Meeting (planned) between Ana Ruiz and Tom Berg in Lisbon, 9 May 2022"
    assert EN.phrasing.summary("departure", "happened", ["Ana Ruiz"], "Porto", None) == "Departure of Ana Ruiz from Porto"


def test_nationality_adjectives_and_their_peoples() -> None:
    nat = EN.lexicon.nationality
    assert nat["canadian"] == nat["canadians"] == "CA"
    assert nat["japanese"] == "JP" and "japaneses" not in nat


@needs_model
@pytest.mark.parametrize("sentence,verb,tense", [
    ("The minister signed the accord.", "signed", Tense.SIMPLE_PAST),
    ("The minister has signed the accord.", "signed", Tense.COMPOUND_PAST),
    ("The minister had signed the accord.", "signed", Tense.PLUPERFECT),
    ("The minister will sign the accord.", "sign", Tense.FUTURE),
    ("The minister would sign the accord.", "sign", Tense.CONDITIONAL),
    ("The minister would have signed the accord.", "signed", Tense.PAST_CONDITIONAL),
    ("The minister signs the accord.", "signs", Tense.PRESENT),
])
def test_english_tenses(sentence: str, verb: str, tense: Tense) -> None:
    doc = nlp_mod.load("en")(sentence)
    tok = next(t for t in doc if t.text == verb)
    assert EN.grammar.clause_tense(tok)[0] == tense


@needs_model
def test_negation() -> None:
    doc = nlp_mod.load("en")("The navy did not deploy the frigate.")
    assert EN.grammar.negated(next(t for t in doc if t.text == "deploy"))
    doc = nlp_mod.load("en")("The navy deployed the frigate.")
    assert not EN.grammar.negated(next(t for t in doc if t.text == "deployed"))


def _analyze(text: str, language: str = "en", published: str = "2022-05-10") -> dict[str, Any]:
    from recoupe.analyze.runner import Analyzer

    doc = Document.from_dict({"id": "t1", "source": "t1.txt", "text": text, "language": language,
                              "published": published, "precision": "day"})
    return Analyzer().analyze(doc).to_dict()


@needs_model
def test_an_english_document_is_read_with_the_english_pack_and_model() -> None:
    text = ("LISBON, May 10 (Wire) - Portuguese Prime Minister Ana Ruiz met Norwegian envoy Tom Berg in Lisbon on "
            "Monday, her office said. \"We found common ground on fisheries,\" Ruiz told reporters after the talks. "
            "Berg will reportedly travel to Porto next week.")
    a = _analyze(text)
    names = {(m["span"]["text"], m["label"]) for m in a["mentions"]}
    assert {("Ana Ruiz", "person"), ("Tom Berg", "person"), ("Lisbon", "place")} <= names
    times = {t["span"]["text"]: t["value"] for t in a["times"]}
    assert times.get("May 10") == "2022-05-10" and times.get("on Monday") == "2022-05-09"
    quote = next(q for q in a["quotes"] if "common ground" in q["span"]["text"])
    assert quote["speaker_text"] and "Ruiz" in quote["speaker_text"]
    assert any(c["type"] == "meeting" for c in a["event_cues"])


@needs_model
def test_hedges_and_denials_set_an_english_claims_modality() -> None:
    a = _analyze("The freighter was reportedly carrying fertiliser to the port. The company denied that the cargo was unsafe.")
    by_text = {c["text"]: c for c in a["claims"]}
    carrying = next(c for t, c in by_text.items() if "carrying" in t)
    assert carrying["modality"] in ("speculative", "reported", "conditional")
    denied = next((c for t, c in by_text.items() if "unsafe" in t), None)
    assert denied is not None and denied["modality"] == "denied"


def test_a_missing_model_keeps_the_document_unanalysed(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from recoupe.analyze import runner

    def missing(code: str = "fr") -> Any:
        if code == "en":
            raise nlp_mod.ModelMissing("spaCy model x (en) is not installed: run `pip install -r requirements-en.txt`")
        return real(code)

    real = nlp_mod.load
    monkeypatch.setattr(runner.nlp_mod, "load", missing)
    az = runner.Analyzer()
    docs = [Document.from_dict({"id": f"d{i}", "source": f"d{i}.txt", "text": "The ship left port.", "language": "en"}) for i in range(2)]
    out = list(az.analyze_many(docs))
    assert [a.doc for a in out] == ["d0", "d1"]
    assert all("requirements-en.txt" in a.attrs["errors"][0]["error"] for a in out)
    assert capsys.readouterr().err.count("requirements-en.txt") == 1  # said once, not per document


@needs_model
@pytest.mark.parametrize("sentence,modality", [
    ("The spokeswoman told reporters that the inquiry would be closed.", "reported"),  # the future of a past report
    ("The ceasefire would collapse without new funding.", "conditional"),
    ("Engineers said a valve might have failed during the test.", "conditional"),
    ("The ministry could not confirm the number of passengers.", "asserted"),  # a past ability, not a hypothesis
])
def test_english_modals_in_claims(sentence: str, modality: str) -> None:
    claims = _analyze(sentence)["claims"]
    assert [c["modality"] for c in claims] == [modality]


@needs_model
@pytest.mark.parametrize("text,speaker", [
    ('The board met on Friday. "The merger is off the table," Carla Voss told reporters.', "Carla Voss"),
    ('"We will rebuild the bridge by spring," the mayor said on Sunday.', "the mayor"),
    ('"Nothing has been decided," said Omar Haddad.', "Omar Haddad"),
])
def test_english_incises_name_the_speaker(text: str, speaker: str) -> None:
    quotes = _analyze(text)["quotes"]
    assert len(quotes) == 1 and quotes[0]["speaker_text"] == speaker


@needs_model
@pytest.mark.parametrize("text,trigger,etype", [
    ("The rebels of Valmoria released four sailors on Monday.", "released", "transfer"),
    ("A cargo plane of Aerolac Airways crashed near Brionne on Tuesday.", "crashed", "other"),
    ("Rescuers evacuated the village of Brionne on Friday.", "evacuated", "other"),
    ("Soldiers seized the airport of Brionne on Sunday.", "seized", "military_action"),
    ("The mutiny of the Valmorian guard ended on Sunday.", "mutiny", "military_action"),
    ("President Ana Ruiz hosted a state banquet for Tom Berg in Lisbon on Monday.", "banquet", "meeting"),
])
def test_english_widened_triggers(text: str, trigger: str, etype: str) -> None:
    cues = [c for c in _analyze(text)["event_cues"] if c["span"]["text"] == trigger]
    assert cues and cues[0]["type"] == etype, _analyze(text)["event_cues"]
