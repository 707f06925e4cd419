"""A live blog's entries: each stamp ("09h10 – ...", "Mardi 14/03 – 18h05") starts a story of its own, dated by its
stamp's day, else by the day of the entries before it; a day named inside one entry does not carry into the next.
Texts written for these tests."""

from __future__ import annotations

import importlib.util

import pytest

from recoupe.analyze import nlp as nlp_mod
from recoupe.analyze.runner import Analyzer
from recoupe.model import Document, EventCue


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _cue(cues: list[EventCue], trigger: str) -> EventCue:
    found = [c for c in cues if c.span.text == trigger]
    assert found, [(c.span.text, c.type) for c in cues]
    return found[0]


def _cues_of(analyzer: Analyzer, text: str, published: str, language: str = "fr") -> list[EventCue]:
    doc = Document(id="lb", source="t.txt", text=text, language=language, published=published, published_precision="day")
    return analyzer.analyze(doc).event_cues


def _day(c: EventCue) -> str | None:
    return c.time.value[:10] if c.time is not None and c.time.value else c.attrs.get("ref_date")


FR_BLOG = ("EN DIRECT – Inondations dans le Gard\n\n"
           "09h10 – La préfecture a ouvert un centre d'accueil à Alès. Lundi, le maire avait lancé un appel aux dons.\n\n"
           "11h45 – Les pompiers ont évacué une école à Anduze.\n\n"
           "14h30 – Le ministre est arrivé à Nîmes en début d'après-midi.\n")


def test_a_day_named_in_one_entry_does_not_date_the_next(analyzer: Analyzer) -> None:
    cues = _cues_of(analyzer, FR_BLOG, "2024-03-13")
    assert _day(_cue(cues, "évacué")) == "2024-03-13"
    assert _day(_cue(cues, "arrivé")) == "2024-03-13"


FR_DAYS = ("DIRECT | Tempête sur la Bretagne\n\n"
           "Mardi 12/03 – 22h40\nLes vents ont atteint 150 km/h à Brest.\n\n"
           "Mercredi 13/03 – 07h15\nLe ministre de l'Intérieur est arrivé à Quimper.\n\n"
           "Mercredi 13/03 – 09h30\nLa SNCF a suspendu la circulation des trains.\n")


def test_an_entry_is_dated_by_its_stamps_day(analyzer: Analyzer) -> None:
    cues = _cues_of(analyzer, FR_DAYS, "2024-03-14")
    assert _day(_cue(cues, "arrivé")) == "2024-03-13"


def test_one_stamped_line_is_no_live_blog(analyzer: Analyzer) -> None:
    text = ("Mardi 12/03 – 22h40\nLes vents ont atteint 150 km/h à Brest. Lundi, le ministre est arrivé à Quimper. "
            "Le cortège a quitté la ville dans la soirée.\n")
    cues = _cues_of(analyzer, text, "2024-03-14")
    # the narrative's day, not a stamp's: the departure tells the day the text named just before
    assert _day(_cue(cues, "quitté")) == "2024-03-11"


@pytest.mark.skipif(importlib.util.find_spec(nlp_mod.MODELS["en"]) is None, reason="English model not installed")
def test_english_entries_reset_the_day(analyzer: Analyzer) -> None:
    text = ("LIVE: Floods in the valley\n\n"
            "09:10 - The county opened a shelter in Riverton. On Monday the mayor had called for donations.\n\n"
            "11:45 - Firefighters evacuated a school in Millbrook.\n")
    cues = _cues_of(analyzer, text, "2024-03-13", "en")
    assert _day(_cue(cues, "evacuated")) == "2024-03-13"
