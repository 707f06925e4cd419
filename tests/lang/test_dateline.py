"""The one dateline rule (a pack's `grammar.dateline`), applied once, by ingest: a date written near the top of an
article gives or completes its publication date."""

from __future__ import annotations

import pytest

from recoupe import ingest, lang
from recoupe.ingest import RawArticle

FR = lang.pack("fr").grammar
EN = lang.pack("en").grammar


@pytest.mark.parametrize(("text", "expected"), [
    ("lundi 18 septembre 2023, par X", "2023-09-18"),
    ("Publié le 1er mars 2022 à 10h", "2022-03-01"),
    ("Aucune date ici", None),
    ("le 31 février 2023", None),
    ("LYON, 7 nov 2022 (Agence) - Le préfet", "2022-11-07"),
    ("BREST, 3 sept 2021 (Agence) - Texte", "2021-09-03"),
    ("NANTES, 21 déc. 2020 (Agence) - Texte", "2020-12-21"),
])
def test_dateline_gives_an_undated_article_its_day(text: str, expected: str | None) -> None:
    assert FR.dateline(text, None, None)[0] == expected


def test_dateline_english_pack_reads_an_english_dateline() -> None:
    assert EN.dateline("PARIS, September 5, 2021 - The minister", None, None) == ("2021-09-05", "day", "dateline")


def test_dateline_completes_a_month_header_it_agrees_with() -> None:
    assert FR.dateline("Séoul, mardi 12 septembre 2023 - texte", "2023-09", "month") == ("2023-09-12", "day", "dateline")
    # a dateline that disagrees with the header does not override it
    assert FR.dateline("Séoul, mardi 12 septembre 2023 - texte", "2023-10", "month") == ("2023-10", "month", None)


def test_dateline_weekday_without_year_completes_a_month_header() -> None:
    text = "Genève, mardi 12 mars –\n\nLe conseil a voté lundi la loi sur l'eau."
    assert FR.dateline(text, "2024-03", "month") == ("2024-03-12", "day", "dateline")


@pytest.mark.parametrize(("text", "published", "precision"), [
    ("Genève, mercredi 12 mars –\n\nLe conseil a voté.", "2024-03", "month"),  # 12 March 2024 is a Tuesday
    ("Genève, mardi 12 mars –\n\nLe conseil a voté.", "2024-03-12", "day"),  # already known to the day
    ("Genève, mardi 12 mars –\n\nLe conseil a voté.", "2024-04", "month"),  # another month
    ("Genève, mardi 12 mars, puis jeudi 14 mars –\n\nLe conseil a voté.", "2024-03", "month"),  # two days: ambiguous
])
def test_dateline_leaves_the_date_alone_unless_unambiguous(text: str, published: str, precision: str) -> None:
    assert FR.dateline(text, published, precision) == (published, precision, None)


def test_dateline_is_applied_by_ingest_so_analysis_reads_the_completed_day() -> None:
    text = "Genève, mardi 12 mars –\n\nLe conseil a voté lundi la loi sur l'eau après un long débat."
    doc = ingest.to_document(RawArticle(source="a.txt", text=text, published="2024-03", published_precision="month"))
    assert (doc.published, doc.published_precision, doc.published_from) == ("2024-03-12", "day", "dateline")


def test_english_publication_stamp_at_the_foot_of_the_page_dates_the_article() -> None:
    text = "Harbour strike ends\n\nLISBON, Oct 3 (Wire) - Dockers voted on Monday to return.\n\nPublished 3 Oct 2022 18:02 GMT"
    assert EN.dateline(text, None, None) == ("2022-10-03", "day", "dateline")
    assert EN.dateline("Talks stall\n\nUpdated: March 9, 2021\n\nThe envoys left.", None, None) == ("2021-03-09", "day", "dateline")
    # a stamp that disagrees with a month header does not override it; a "published" inside a sentence is no stamp
    assert EN.dateline("Talks stall\n\nPublished 9 March 2021", "2021-04", "month") == ("2021-04", "month", None)
    far = "The envoys met again. " * 30 + "A study published March 9, 2021 found gaps."
    assert EN.dateline(far, None, None) == (None, None, None)


def test_english_agency_dateline_without_year_completes_a_month_header() -> None:
    text = "OSLO, Oct 3 (Northwire) - The board met on Monday."
    assert EN.dateline(text, "2022-10", "month") == ("2022-10-03", "day", "dateline")
    assert EN.dateline(text, "2022-11", "month") == ("2022-11", "month", None)  # another month: left alone
    assert EN.dateline(text, None, None) == (None, None, None)  # no year anywhere: nothing to complete


def test_dateline_sept_without_a_day_is_the_number() -> None:
    assert FR.dateline("Il y a sept ans 2015 fut une autre année", None, None)[0] is None


@pytest.mark.parametrize("text", [
    "Note n° 7 — Le port\n\nLe 12 avril 2022, au terme d'une longue séance, le conseil a voté la fermeture du quai.",
    "Bilan. Le 3 mai 2021, les équipes ont rouvert la route.",
])
def test_a_full_date_opening_a_sentence_is_no_dateline(text: str) -> None:
    # the time of what the article tells, not the day it was written
    assert FR.dateline(text, None, None) == (None, None, None)
