"""Page reading (recoupe.lang.pages): credits, datelines, furniture zones, titles, outlets, front matter. Every line
here is written for the tests."""

from __future__ import annotations

import json

import pytest

from recoupe.lang import pages


def kinds(text: str, code: str = "fr") -> list[tuple[str, str]]:
    return [(z.kind, text[z.start:z.end]) for z in pages.zones(text, code) if z.kind != "markdown"]


def cred(text: str, code: str = "fr") -> list[tuple[str, str]]:
    return [(c.kind, c.source) for c in pages.credits(text, code)]


BODY = "Le conseil municipal a voté mardi une hausse du budget consacré aux écoles de la commune, après un long débat."


@pytest.mark.parametrize("line, expected", [
    ("LYON, 3 mars (AFP) - " + BODY, [("dateline", "AFP")]),
    ("BRUXELLES, 4 avril 2022 (Reuters) - " + BODY, [("dateline", "Reuters")]),
    ("GENÈVE, 9 juin (Agence Alpine) - " + BODY, [("dateline", "Agence Alpine")]),
    ("(AFP/Reuters) - " + BODY, [("credit", "AFP"), ("credit", "Reuters")]),
    (BODY + "\n\nPar Jeanne Exemple, avec AFP", [("credit", "AFP")]),
    (BODY + " (AP)", [("credit", "Associated Press")]),
])
def test_wire_credits_and_datelines(line: str, expected: list[tuple[str, str]]) -> None:
    assert cred(line) == expected


@pytest.mark.parametrize("line, source", [
    ("Le port a été fermé dimanche, selon une dépêche de l'agence Kyodo.", "Kyodo"),
    ("Trois navires ont quitté la rade, a rapporté l'agence Yonhap.", "Yonhap"),
    ("« Rien n'est décidé », a déclaré à l'AFP un conseiller.", "AFP"),
    ("Le dossier serait clos, selon le quotidien Gazette Boréale.", "Gazette Boréale"),
    ("Le chantier a pris du retard, selon Le Monde.", "Le Monde"),
])
def test_citations_of_an_agency_or_outlet(line: str, source: str) -> None:
    assert ("cites", source) in cred(line)


def test_an_acronym_glossed_in_the_text_is_no_credit() -> None:
    text = "L'Agence France-Presse (AFP) a ouvert un bureau dans la ville, où travaillent une dizaine de personnes."
    assert [k for k, _ in cred(text) if k in ("credit", "dateline")] == []


@pytest.mark.parametrize("line, kind", [
    ("Lire aussi : Le marché couvert rouvre ses portes", "related"),
    ("À lire aussi – notre dossier sur les transports", "related"),
    ("Photo : la place du marché un jour de foire", "photo"),
    ("PHOTO MARIE EXEMPLE, AFP", "photo"),
    ("© Studio Exemple", "photo"),
    ("Par Paul Exemple", "byline"),
    ("Par Anne-Sophie EXEMPLE, envoyée spéciale à Lille", "byline"),
    ("Publié le 12/05/2024 à 10h00 | Mis à jour le 12/05/2024", "published"),
    ("Partager sur les réseaux", "footer"),
    ("Laisser un commentaire", "footer"),
    ("Notre confrère Marc Exemple, à Rome, a contribué à cet article.", "contributed"),
    ("[2] Rapport annuel de la chambre régionale, 2021.", "footnote"),
])
def test_furniture_lines(line: str, kind: str) -> None:
    text = BODY + "\n\n" + line + "\n\n" + BODY
    assert kinds(text) == [(kind, line)]


def test_a_sentence_opening_like_furniture_is_text() -> None:
    text = BODY + "\n\nPar ailleurs, la commune a annoncé un nouveau plan de circulation pour le centre-ville.\n"
    assert kinds(text) == []


def test_a_bibliography_takes_the_rest_of_the_page() -> None:
    text = BODY + "\n\nBibliographie\nDupont J., Les ponts de la région, 1998.\nMartin L., Histoire du canal, 2004."
    (kind, zone), = kinds(text)
    assert kind == "bibliography" and zone.startswith("Bibliographie") and zone.endswith("2004.")


def test_markdown_marks_are_furniture_inside_lines() -> None:
    text = "## Un titre de section\n\n" + BODY + " Voir **la carte** et [le plan](https://exemple.org/plan)."
    marks = [text[z.start:z.end] for z in pages.zones(text) if z.kind == "markdown"]
    assert marks == ["## ", "**", "**", "](https://exemple.org/plan)"]


def test_zones_index_the_text_as_stored() -> None:
    text = BODY + "\n\nLire aussi : Un autre sujet\n\nPHOTO X, AFP"
    for z in pages.zones(text):
        assert 0 <= z.start < z.end <= len(text)


def test_english_credits_and_furniture() -> None:
    text = "LONDON, May 3 (Reuters) - The council approved the plan on Tuesday after a long debate in the chamber.\n\nRead more: another story\n\nBy Jane Example"
    assert cred(text, "en")[0] == ("dateline", "Reuters")
    assert [k for k, _ in kinds(text, "en")] == ["related", "byline"]


@pytest.mark.parametrize("text, title", [
    ("Le pont rouvrira au printemps prochain\n\n" + BODY, "Le pont rouvrira au printemps prochain"),
    ("RÉGION\nLe pont rouvrira au printemps\nPar Paul Exemple\n\n" + BODY, "Le pont rouvrira au printemps"),
    ("Publié le 12/05/2024\n\nLe pont rouvrira au printemps\n\n" + BODY, "Le pont rouvrira au printemps"),
    ("# Le pont rouvrira\n\n" + BODY, "Le pont rouvrira"),
    (BODY + "\n\n" + BODY, None),
    ("LYON, 3 mars (AFP) –\n\n" + BODY, None),
    ("Le pont rouvrira-t-il au printemps ?\n\n" + BODY, "Le pont rouvrira-t-il au printemps ?"),  # a question alone
    ("Qui paiera ?\nLe conseil en débat.\n\n" + BODY, None),  # a question opening a paragraph
])
def test_title_from_the_first_line(text: str, title: str | None) -> None:
    assert pages.first_line_title(text, pages.zones(text)) == title


def test_byline_author() -> None:
    text = "Le pont rouvrira\n\nPar Paul EXEMPLE, à Lille\n\n" + BODY
    assert pages.byline_author(text, pages.zones(text)) == "Paul EXEMPLE"


@pytest.mark.parametrize("outlet, url, name", [
    ("lemonde.fr", None, "Le Monde"),
    (None, "https://www.lemonde.fr/international/article/2024/01/01/x.html", "Le Monde"),
    (None, "https://edition.cnn.com/2024/x", "CNN"),
    (None, "https://www.gazette-exemple.fr/a/b", "gazette-exemple.fr"),
    ("Gazette Exemple", "https://www.gazette-exemple.fr/a", "Gazette Exemple"),
    ("Agence France-Presse", None, "AFP"),
    (None, None, None),
])
def test_outlet_names(outlet: str | None, url: str | None, name: str | None) -> None:
    assert pages.outlet_name(outlet, url) == name


def test_users_extend_the_outlets(tmp_path, monkeypatch) -> None:
    extra = tmp_path / "outlets.json"
    extra.write_text(json.dumps({"hosts": {"gazette-exemple.fr": "La Gazette d'Exemple"},
                                 "agencies": [{"name": "Agence Alpine", "aliases": ["AAL"]}]}), "utf-8")
    monkeypatch.setenv(pages.OUTLETS_ENV, str(extra))
    assert pages.outlet_name(None, "https://gazette-exemple.fr/x") == "La Gazette d'Exemple"
    assert cred("(AAL) - " + BODY) == [("credit", "Agence Alpine")]


def test_front_matter() -> None:
    raw = "---\ntitle: Le pont rouvrira\noutlet: Gazette Exemple\nurl: https://exemple.org/pont\ndate: 2024-05-02\nautre: x\n---\n" + BODY
    meta, cut = pages.front_matter(raw)
    assert meta == {"title": "Le pont rouvrira", "outlet": "Gazette Exemple", "url": "https://exemple.org/pont", "published": "2024-05-02"}
    assert raw[cut:] == BODY


NOTED = ("Le port a doublé ses exportations de céréales en un an [1]. La mairie y voit un succès (2). Les dockers "
         "dénoncent des cadences intenables³.\n\n## Notes\n\n[1] Le Monde, 12 mars 2024.\n\n"
         "(2) Claire Exemple, « Le port et sa ville », Revue portuaire, 2023.\n\n"
         "³ Dépêche de l'AFP du 3 mars.\n\n[4] Voir la carte en fin d'ouvrage.")


def test_notes_give_their_cited_source() -> None:
    notes = pages.notes(NOTED, "fr")
    got = {n: (note.source, NOTED[note.start:note.end] if note.start >= 0 else None) for n, note in notes.items()}
    assert got == {"1": ("Le Monde", "Le Monde"), "2": ("Claire Exemple", "Claire Exemple"), "3": ("AFP", "AFP"),
                   "4": (None, None)}


def test_an_address_in_a_note_names_its_outlet() -> None:
    text = BODY + " [1]\n\nNotes\n\n[1] Article du 2 mai : <https://www.lemonde.fr/economie/article/x.html>"
    note = pages.notes(text, "fr")["1"]
    assert note.source == "Le Monde" and text[note.start:note.end].startswith("<https://www.lemonde.fr")


@pytest.mark.parametrize("sentence, calls", [
    ("Le port a doublé ses exportations [1].", ["1"]),
    ("Le port a doublé ses exportations[12].", ["12"]),
    ("La mairie y voit un succès (2).", ["2"]),
    ("Les dockers dénoncent des cadences intenables³.", ["3"]),
    ("« Nous tiendrons », dit-elle¹².", ["12"]),
    ("Le budget (2024) est voté.", []),  # a year in brackets after a space is no call of a note numbered that way
    ("Les trois ports (Sète, Brest) ont voté.", []),
])
def test_note_calls(sentence: str, calls: list[str]) -> None:
    assert pages.note_calls(sentence, 0, len(sentence)) == calls


def test_article_text_blanks_the_furniture_and_keeps_every_offset() -> None:
    text = ("Par Jeanne Exemple\n\n" + BODY + " **Tout** est dit.\n\nLire aussi : La piscine rouvre ses bassins\n\n"
            "Partagez cet article sur les réseaux")
    searched = pages.article_text(text, "fr")
    assert len(searched) == len(text) and searched.count("\n") == text.count("\n")
    assert BODY in searched and "Tout" in searched and "**" not in searched
    assert not any(w in searched for w in ("Jeanne", "piscine", "Partagez"))
    assert pages.article_text(BODY, "fr") == BODY
    assert pages.article_text(text, "xx") == searched  # a language without a pack is read with the default one


@pytest.mark.parametrize("text, words, called", [
    ("Le port a doublé ses exportations [1]. La mairie y voit un succès.", "Le port a doublé", "1"),
    ("Le port a doublé ses exportations [1]. La mairie y voit un succès.", "La mairie y voit", None),
    ("Le port a doublé ses exportations. [1] La mairie y voit un succès.", "Le port a doublé", "1"),
    ("Selon une étude [2], le port a doublé ses exportations.", "le port a doublé", "2"),
    ("Le port a doublé ses exportations.\n\nLa mairie y voit un succès [3].", "Le port a doublé", None),
    ("Le port a doublé [1], la mairie y voit un succès [2].", "la mairie y voit", "2"),
])
def test_the_note_some_words_call(text: str, words: str, called: str | None) -> None:
    start = text.index(words)
    assert pages.note_called(text, start, start + len(words), (0, len(text))) == called
