"""Places read in each article's own language: English category words after a site's name ("Moi airport"), a town
in the possessive before it, datelines from two places, a country's capital named by its nationality ("la capitale
kényane", "the Kenyan capital"), and names the recogniser glued to a heading. The texts are written for the tests."""

from __future__ import annotations

import importlib.util
import re
from typing import Any

import pytest

from recoupe import lang, pipeline
from recoupe.analyze import nlp as nlp_mod
from recoupe.analyze.names import clean_span
from recoupe.geo.geocoder import _parse_name, lexicon
from recoupe.present.export import validate
from recoupe.present import queries

needs_model = pytest.mark.skipif(importlib.util.find_spec(nlp_mod.MODELS["en"]) is None, reason="English model not installed")

FR = """Le Courrier de l'Ouest — 3 avril 2023

La ministre kényane des Transports, Amina Wekesa, est arrivée lundi à Nairobi pour un conseil des ministres.
Dans la capitale kényane, elle a promis de nouvelles lignes de bus avant la fin de l'année.
"""

EN = """Coastline Herald — April 4, 2023

MOMBASA/NAIROBI, April 4 (Coastline Herald) - Transport minister Amina Wekesa flew out of Nairobi on Tuesday and
landed at Mombasa's Moi airport two hours later, officials said. Back in the Kenyan capital, her deputy said the
new bus lines would be ready by December.
"""


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("places")
    (d / "fr.txt").write_text(FR, encoding="utf-8")
    (d / "en.txt").write_text(EN, encoding="utf-8")
    db = d / "places.db"
    pipeline.build([str(d)], db, progress=False, log=lambda line: None)
    out: dict[str, Any] = queries.export_dossier(db)
    validate(out)
    return out


def _entity(dossier: dict[str, Any], name: str) -> dict[str, Any]:
    found = [e for e in dossier["entities"] if e["name"] == name or name in e["aliases"]]
    assert len(found) == 1, (name, [e["name"] for e in found])
    return found[0]


@needs_model
def test_a_capital_named_by_its_nationality_is_that_capital_in_either_language(dossier: dict[str, Any]) -> None:
    nairobi = _entity(dossier, "Nairobi")
    assert {"capitale kényane", "Kenyan capital"} <= {re.sub(r"^(?:la|the) ", "", a) for a in nairobi["aliases"]}
    assert nairobi["geo"] and nairobi["country_code"] == "KE"


@needs_model
def test_an_english_site_takes_its_category_from_the_word_after_its_name(dossier: dict[str, Any]) -> None:
    moi = next(e for e in dossier["entities"] if e["name"].startswith("Moi"))
    assert moi["type"] == "place" and moi["geo"]["source"].startswith("airports:")
    assert moi.get("category") == "airport" and moi["country_code"] == "KE"


@needs_model
def test_a_dateline_from_two_places_names_both(dossier: dict[str, Any]) -> None:
    en = next(d for d in dossier["documents"] if (d.get("language") or "").startswith("en"))
    top = EN.index("MOMBASA/")
    for name in ("Mombasa", "Nairobi"):
        e = _entity(dossier, name)
        assert any(m["doc"] == en["id"] and m["start"] < top + 20 for m in e["mentions"]), name


def test_english_category_words_follow_the_name() -> None:
    lex = lexicon(lang.pack("en").geo)
    assert _parse_name("Harlan Memorial Bridge", lex) == ("Harlan Memorial", "landmark")
    assert _parse_name("Kestrel International Airport", lex)[1] == "airport"
    assert _parse_name("Bridgetown", lex) == ("Bridgetown", None)
    # French puts the category word first, never last
    fr = lexicon(lang.pack("fr").geo)
    assert _parse_name("pont de Kestrel", fr) == ("Kestrel", "landmark")
    assert _parse_name("Kestrel pont", fr)[1] is None


def test_a_name_never_runs_over_a_line_break_or_a_rubric_bar() -> None:
    det = re.compile(r"the ")
    text = "Crash near Varnholm\n\nAnalysis | Northern Review"
    s, e = clean_span(text, 11, text.index(" |"), det)
    assert text[s:e] == "Varnholm"
    text = "WORLD | Baltic States"
    s, e = clean_span(text, 0, len(text), det)
    assert text[s:e] == "Baltic States"
    text = "en bref\n\nToute la nuit"  # two plain lines: no name at all
    s, e = clean_span(text, 0, len(text), det)
    assert e <= s


def test_a_region_is_placed_at_the_centre_of_the_area_its_towns_cover() -> None:
    from recoupe.geo.gazetteer import area_center

    # a square region 4 degrees wide, with a crowd of towns round its capital in one corner
    spread = [(50.0 + i, 30.0 + j) for i in range(5) for j in range(5)]
    crowd = [(50.0 + i / 100, 30.0 + j / 100) for i in range(10) for j in range(10)]
    lat, lon = area_center(spread + crowd)
    assert abs(lat - 52.0) < 0.3 and abs(lon - 32.0) < 0.3  # the mean of the towns would be near (50.4, 30.4)
    # across the 180th meridian: the centre is on the meridian, not on the other side of the globe
    lat, lon = area_center([(66.0, 178.0), (66.0, 179.5), (66.0, -179.5), (66.0, -178.0)])
    assert abs(abs(lon) - 180.0) < 1.0
