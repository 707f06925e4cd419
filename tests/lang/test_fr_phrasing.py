"""Event summaries read as French: articles of country names, contracted prepositions, a status that agrees."""

from __future__ import annotations

import pytest

from recoupe import lang

PHRASING = lang.pack("fr").phrasing


@pytest.mark.parametrize("args, kw, expected", [
    # countries take their article, and "de"/"à" contract with it
    (("transfer", "possible", ["États-Unis"], None, None), {"recipients": ["Portugal"]}, "Transfert (possible) des États-Unis au Portugal"),
    (("transfer", "happened", ["Iran"], None, "2024-03"), {"recipients": ["Arménie"]}, "Transfert de l'Iran à l'Arménie, mars 2024"),
    (("meeting", "happened", ["France", "Japon"], None, "2024-03-02"), {}, "Rencontre entre la France et le Japon, 2 mars 2024"),
    (("transfer", "happened", ["Suède", "Norvège"], None, None), {}, "Transfert de la Suède et de la Norvège"),
    # a country without an article, a person: as written
    (("visit", "happened", ["Anne Dupont"], "Cuba", None), {}, "Visite d'Anne Dupont à Cuba"),
    # where: en / au / aux / à
    (("visit", "planned", ["Anne Dupont"], "Pérou", None), {}, "Visite (prévue) d'Anne Dupont au Pérou"),
    (("visit", "planned", ["Anne Dupont"], "Pays-Bas", None), {}, "Visite (prévue) d'Anne Dupont aux Pays-Bas"),
    (("visit", "happened", ["Olaf Berger"], "Équateur", None), {}, "Visite d'Olaf Berger en Équateur"),
    (("arrival", "happened", ["Olaf Berger"], "Lisbonne", None), {}, "Arrivée d'Olaf Berger à Lisbonne"),
    (("visit", "happened", ["Olaf Berger"], "Royaume-Uni", None), {}, "Visite d'Olaf Berger au Royaume-Uni"),
    (("visit", "happened", ["Olaf Berger"], "Émirats arabes unis", None), {}, "Visite d'Olaf Berger aux Émirats arabes unis"),
    # a place named by a common noun gets its article
    (("travel", "happened", ["Olaf Berger"], "cosmodrome de Kourou", None), {}, "Voyage d'Olaf Berger au cosmodrome de Kourou"),
    (("arrival", "happened", ["Olaf Berger"], "gare de Brest", None), {}, "Arrivée d'Olaf Berger à la gare de Brest"),
    (("visit", "happened", ["Olaf Berger"], "le port de Gdansk", None), {}, "Visite d'Olaf Berger au port de Gdansk"),
    # one leaves from a place
    (("departure", "happened", ["Olaf Berger"], "Lisbonne", "2024-03-05"), {}, "Départ d'Olaf Berger de Lisbonne, 5 mars 2024"),
    (("departure", "happened", ["Olaf Berger"], "Chili", None), {}, "Départ d'Olaf Berger du Chili"),
    (("departure", "happened", ["Olaf Berger"], "Italie", None), {}, "Départ d'Olaf Berger d'Italie"),
    # the status agrees with the noun
    (("sanction", "planned", ["Canada"], None, None), {}, "Sanctions (prévues) du Canada"),
    (("agreement", "denied", ["Anne Dupont", "Olaf Berger"], None, None), {}, "Accord (démenti) entre Anne Dupont et Olaf Berger"),
    (("meeting", "denied", ["Anne Dupont", "Olaf Berger"], None, None), {}, "Rencontre (démentie) entre Anne Dupont et Olaf Berger"),
])
def test_events_summary_reads_as_french(args: tuple, kw: dict, expected: str) -> None:
    etype, status, parts, place, value = args
    assert PHRASING.summary(etype, status, parts, place, value, **kw) == expected
