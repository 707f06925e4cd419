"""Temporal expressions: finding, news-convention normalisation, tense, anchors."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze import nlp
from recoupe.analyze.registry import DEFAULT_PIPELINE, resolve_pipeline
from recoupe.analyze.temporal import extract
from recoupe.lang.fr.time import lexicon_from_dict
from recoupe.errors import RecoupeError
from recoupe.model import TimeExpr


@pytest.fixture(scope="module")
def parse() -> Any:
    return nlp.load()


def times_of(parse: Any, text: str, published: str | None, precision: str | None) -> list[TimeExpr]:
    found = extract("t", text, parse(text), published, precision)
    for t in found:
        assert text[t.span.start:t.span.end] == t.span.text
    return found


def one(parse: Any, text: str, expr: str, published: str | None = "2024-03-20", precision: str | None = "day") -> TimeExpr:
    found = [t for t in times_of(parse, text, published, precision) if t.span.text == expr]
    assert found, f"{expr!r} not found in {[t.span.text for t in times_of(parse, text, published, precision)]}"
    return found[0]


# 2024-03-20 is a Wednesday.
@pytest.mark.parametrize(("text", "expr", "value", "precision", "kind"), [
    # absolute and numeric dates
    ("La ministre a signé l'accord le 4 février 2021 à Lyon.", "4 février 2021", "2021-02-04", "day", "date"),
    ("Le contrat daté du 03/05/2022 a été annulé.", "03/05/2022", "2022-05-03", "day", "date"),
    ("La grève a commencé en novembre 2019 dans les usines.", "novembre 2019", "2019-11", "month", "date"),
    # partial dates: the year from publication, the reading closest to it
    ("Le maire a inauguré le pont le 2 mars.", "2 mars", "2024-03-02", "day", "date"),
    ("La chorale chantera le 24 mars à Rouen.", "24 mars", "2024-03-24", "day", "date"),
    ("Les fouilles ont repris en février.", "en février", "2024-02", "month", "date"),
    # history
    ("Le mur est tombé en 1989 après des semaines de manifestations.", "1989", "1989", "year", "date"),
    ("Le quartier s'est vidé dans les années 1980.", "dans les années 1980", "198", "decade", "date"),
    # relative expressions
    ("Le conseil s'est réuni hier à Dijon.", "hier", "2024-03-19", "day", "relative"),
    ("Le préfet l'a annoncé aujourd'hui.", "aujourd'hui", "2024-03-20", "day", "relative"),
    ("La cour se prononcera demain.", "demain", "2024-03-21", "day", "relative"),
    ("Les syndicats ont manifesté la semaine dernière à Lille.", "la semaine dernière", "2024-W11", "week", "relative"),
    ("L'usine a fermé il y a trois ans.", "il y a trois ans", "2021", "year", "relative"),
    ("Le salon ouvrira le mois prochain.", "le mois prochain", "2024-04", "month", "relative"),
    ("La chanteuse était en tournée en juillet dernier.", "juillet dernier", "2023-07", "month", "relative"),
    ("Le 13 septembre dernier, l'entreprise a licencié 200 salariés.", "13 septembre dernier", "2023-09-13", "day", "relative"),
    ("Les ventes ont chuté l'an dernier.", "l'an dernier", "2023", "year", "relative"),
    ("Le club a gagné samedi dernier.", "samedi dernier", "2024-03-16", "day", "relative"),
    # durations and periods
    ("Les prix ont doublé au cours des 17 derniers mois.", "au cours des 17 derniers mois", "2022-10/2024-03", "month", "duration"),
    ("Le fleuve a débordé entre février et décembre 2022.", "entre février et décembre 2022", "2022-02/2022-12", "month", "period"),
    ("La galerie est fermée depuis 2019.", "depuis 2019", "2019/..", "year", "period"),
    ("Le festival a eu lieu du 10 au 17 février.", "du 10 au 17 février", "2024-02-10/2024-02-17", "day", "period"),
    ("Le peintre (1887-1968) a vécu à Arles.", "1887-1968", "1887/1968", "year", "period"),
    ("Le navire a coulé il y a une semaine.", "il y a une semaine", "2024-W11", "week", "relative"),
    ("Les récoltes ont gelé pendant trois jours.", "pendant trois jours", None, None, "duration"),
    # seasons ('a été' is the verb, not summer)
    ("L'hôtel a été rénové l'été dernier.", "l'été dernier", "2023-06/2023-08", "month", "relative"),
    ("Au printemps 2022, la grève a commencé.", "Au printemps 2022", "2022-03/2022-05", "month", "period"),
    ("Le chantier reprendra à l'automne.", "à l'automne", "2024-09/2024-11", "month", "period"),
])
def test_temporal_kinds(parse: Any, text: str, expr: str, value: str | None, precision: str | None, kind: str) -> None:
    found = {t.span.text: t for t in times_of(parse, text, "2024-03-20", "day")}
    assert expr in found, list(found)
    t = found[expr]
    assert (t.value, t.precision, t.kind) == (value, precision, kind)


def test_temporal_period_and_week_bounds(parse: Any) -> None:
    t = one(parse, "Les syndicats ont manifesté la semaine dernière.", "la semaine dernière")
    assert (t.start, t.end) == ("2024-03-11", "2024-03-17")
    p = one(parse, "Le fleuve a débordé entre février et décembre 2022.", "entre février et décembre 2022")
    assert (p.start, p.end) == ("2022-02", "2022-12")
    s = one(parse, "La galerie est fermée depuis 2019.", "depuis 2019")
    assert (s.start, s.end, s.attrs["open"]) == ("2019", None, "end")


# Weekdays by news convention: this week's, back for past tenses, forward for future ones (pub: Wed 2024-03-20).
@pytest.mark.parametrize(("text", "expr", "value", "time_ref"), [
    ("Le maire de Rennes a démissionné lundi.", "lundi", "2024-03-18", "past"),  # passé composé
    ("La navigatrice est arrivée mardi à Brest.", "mardi", "2024-03-19", "past"),  # passé composé with être
    ("La délégation se trouvait mardi à Genève.", "mardi", "2024-03-19", "past"),  # imparfait
    ("Le juge avait convoqué les témoins dimanche.", "dimanche", "2024-03-17", "past"),  # plus-que-parfait
    ("La police a arrêté le suspect mercredi.", "mercredi", "2024-03-20", "past"),  # the publication day itself
    ("Le maire de Rennes démissionnera vendredi.", "vendredi", "2024-03-22", "future"),  # futur
    ("La délégation doit arriver samedi à Genève.", "samedi", "2024-03-23", "future"),  # doit + infinitive
    ("Le tribunal devrait rendre son verdict jeudi.", "jeudi", "2024-03-21", "future"),  # devrait + infinitive
    ("La ministre rencontrera les agriculteurs lundi.", "lundi", "2024-03-25", "future"),  # futur, next week's Monday
])
def test_temporal_weekday_follows_tense(parse: Any, text: str, expr: str, value: str, time_ref: str) -> None:
    t = one(parse, text, expr)
    assert (t.value, t.precision, t.attrs["time_ref"]) == (value, "day", time_ref)
    assert t.attrs["tense"]


def test_temporal_part_of_day_keeps_day_precision(parse: Any) -> None:
    t = one(parse, "Parti samedi soir de Marseille, le navigateur a rejoint Tunis.", "samedi soir")
    assert (t.value, t.precision, t.attrs["part_of_day"]) == ("2024-03-16", "day", "evening")
    d = one(parse, "Les négociateurs se retrouveront demain matin.", "demain matin")
    assert (d.value, d.attrs["part_of_day"]) == ("2024-03-21", "morning")


def test_temporal_durations_keep_their_length(parse: Any) -> None:
    t = one(parse, "Les récoltes ont gelé pendant trois jours.", "pendant trois jours")
    assert t.attrs["duration"] == "P3D"
    assert one(parse, "Les prix ont doublé au cours des 17 derniers mois.", "au cours des 17 derniers mois").attrs["duration"] == "P17M"


@pytest.mark.parametrize(("text", "expr", "value"), [
    # a month or a date with no year: the closest reading, unless a clear tense puts it on the other side
    ("La loi entrera en vigueur en juillet.", "en juillet", "2024-07"),
    ("La loi est entrée en vigueur en juillet.", "en juillet", "2023-07"),
    ("Les ventes ont chuté en mars.", "en mars", "2024-03"),  # the current month is not 'last year' for a past tense
    ("Le sommet, prévu le 4 janvier, a lieu à Oslo.", "4 janvier", "2024-01-04"),  # a bare participle says nothing
    ("Il reviendra en mars prochain.", "mars prochain", "2025-03"),
])
def test_temporal_partial_dates_follow_clear_tenses(parse: Any, text: str, expr: str, value: str) -> None:
    assert one(parse, text, expr).value == value


@pytest.mark.parametrize(("published", "text", "expr", "value"), [
    ("2024-01-03", "Les pompiers sont intervenus le 28 décembre à Nantes.", "28 décembre", "2023-12-28"),
    ("2023-12-29", "Le sommet se tiendra le 4 janvier à Oslo.", "4 janvier", "2024-01-04"),
    ("2024-01-03", "Les soldes avaient commencé en décembre.", "en décembre", "2023-12"),
    ("2024-01-08", "La cérémonie a eu lieu vendredi.", "vendredi", "2024-01-05"),
    ("2024-01-03", "Le musée a rouvert le mois dernier.", "le mois dernier", "2023-12"),
])
def test_temporal_year_boundaries(parse: Any, published: str, text: str, expr: str, value: str) -> None:
    assert one(parse, text, expr, published, "day").value == value


@pytest.mark.parametrize(("text", "expr"), [
    ("Le maire de Rennes a démissionné lundi.", "lundi"),
    ("Le conseil s'est réuni hier à Dijon.", "hier"),
    ("Les syndicats ont manifesté la semaine dernière.", "la semaine dernière"),
    ("L'usine a fermé il y a trois ans.", "il y a trois ans"),
    ("La chanteuse était en tournée en juillet dernier.", "juillet dernier"),
    ("Le maire a inauguré le pont le 2 mars.", "2 mars"),
    ("Les prix ont doublé au cours des 17 derniers mois.", "au cours des 17 derniers mois"),
])
def test_temporal_no_publication_date_leaves_relatives_unresolved(parse: Any, text: str, expr: str) -> None:
    t = one(parse, text, expr, None, None)
    assert t.value is None and t.precision is None
    assert t.attrs["unresolved"] == "no publication date"


def test_temporal_no_publication_date_still_resolves_absolute_dates(parse: Any) -> None:
    text = "La navigatrice est partie le 3 mai 2018 de Lorient avant de revenir le 9 mai, puis en 2020."
    found = {t.span.text: t for t in times_of(parse, text, None, None)}
    assert found["3 mai 2018"].value == "2018-05-03"
    assert found["9 mai"].value == "2018-05-09"  # the year the same sentence gave
    assert found["9 mai"].attrs["year_from"] == "sentence"
    assert found["2020"].value == "2020"


def test_temporal_undated_text_lends_its_named_year_to_later_day_months(parse: Any) -> None:
    # an undated note that names a full date: a day-month of a later sentence takes that year (the nearest
    # reading), and a period too; one before any such date stays unread
    text = ("Le 8 avril, les pêcheurs ont bloqué la rade. Le 12 avril 2021, le conseil régional a adopté le plan. "
            "Le 14 avril, la préfète l'a suspendu. Du 20 au 22 avril, les syndicats ont manifesté.")
    found = {t.span.text: t for t in times_of(parse, text, None, None)}
    assert found["8 avril"].value is None
    assert found["14 avril"].value == "2021-04-14" and found["14 avril"].attrs["year_from"] == "text"
    assert found["Du 20 au 22 avril"].value == "2021-04-20/2021-04-22"


def test_temporal_a_bare_day_of_the_month_is_read_in_the_month_last_named(parse: Any) -> None:
    # "la nuit du 13": the day of the month the narrative is in, whatever the publication's month
    text = "Le 12 mai 2019, la tempête approche de la côte. Puis vient la nuit du 13, et la digue cède."
    t = one(parse, text, "la nuit du 13")
    assert (t.value, t.attrs["part_of_day"], t.attrs["month_from"]) == ("2019-05-13", "night", "text")
    # with no day named before it, the publication's month (the nearest reading on the tense's side)
    assert one(parse, "La digue a cédé dans la soirée du 3.", "la soirée du 3").value == "2024-03-03"


def test_temporal_a_month_and_year_named_in_passing_lends_no_year(parse: Any) -> None:
    # "en mars 2019" recalls a background month; a later bare month or day-month is not read in that year
    text = ("Le traité, signé en mars 2019, reste contesté. Lors de sa tournée en mai, le ministre a rencontré "
            "les maires. Le 9 mai, il a quitté la capitale.")
    found = {t.span.text: t for t in times_of(parse, text, None, None)}
    assert found["mars 2019"].value == "2019-03"
    assert found["en mai"].value is None and found["9 mai"].value is None


def test_temporal_sept_before_a_noun_counts_it(parse: Any) -> None:
    # "sept" is also the number seven: "près de sept nœuds" counts, it names no month
    found = times_of(parse, "Le cargo filait encore à près de sept nœuds.", "2024-03-20", "day")
    assert not [t for t in found if "sept" in t.span.text]


def test_temporal_sentence_year_wins_over_publication(parse: Any) -> None:
    text = "Le festival, ouvert le 25 juillet 2019, avait fermé le 3 août."
    assert one(parse, text, "3 août").value == "2019-08-03"
    assert one(parse, "Le festival avait fermé le 3 août.", "3 août").value == "2023-08-03"


@pytest.mark.parametrize(("text", "expr", "value", "precision"), [
    ("Le maire de Rennes a démissionné lundi.", "lundi", None, None),  # which Monday of March is unknown
    ("Les syndicats ont manifesté la semaine dernière.", "la semaine dernière", None, None),
    ("Le conseil s'est réuni hier à Dijon.", "hier", None, None),
    ("Le musée a rouvert le mois dernier.", "le mois dernier", "2024-02", "month"),
    ("Les ventes ont chuté l'an dernier.", "l'an dernier", "2023", "year"),
    ("La ministre sera vendredi 8 mars à Metz.", "vendredi 8 mars", "2024-03-08", "day"),
    ("Les prix ont doublé au cours des 17 derniers mois.", "au cours des 17 derniers mois", "2022-10/2024-03", "month"),
])
def test_temporal_month_precision_publication(parse: Any, text: str, expr: str, value: str | None, precision: str | None) -> None:
    t = one(parse, text, expr, "2024-03", "month")
    assert (t.value, t.precision) == (value, precision)
    if value is None:
        assert t.attrs["unresolved"] == "publication day unknown"


@pytest.mark.parametrize("text", [
    "Le doyen du village a 75 ans.",  # an age, not 1949
    "Sa sœur vit à Lyon avec sa fille.",  # 'sa' is not samedi
    "Le discours a été lu à Nantes par la ministre.",  # 'lu' is not lundi
    "La sonde a atterri sur Mars en douceur.",  # the planet
    "L'armée a perdu 2461 chars dont 1589 détruits.",  # counts
    "Le convoi a parcouru 1500 km.",
    "Entre 1500 et 2000 soldats ont été déployés.",
    "Le lundi, la boulangerie est fermée.",  # a habit
    "Les lignes de faille d'hier sont devenues des poudrières.",  # a figure of speech
])
def test_temporal_false_positives_are_not_dates(parse: Any, text: str) -> None:
    assert times_of(parse, text, "2024-03-20", "day") == []


def test_temporal_anchor_is_the_verb(parse: Any) -> None:
    text = "Selon la presse, le maire de Rennes a démissionné lundi."
    t = one(parse, text, "lundi")
    assert t.anchor == text.index("démissionné")


def test_temporal_lexicon_is_checked() -> None:
    from recoupe import lang

    raw = lang.pack("fr").data("time.json")
    lexicon_from_dict(raw)  # the shipped file is valid
    broken = dict(raw, weekdays={k: v for k, v in raw["weekdays"].items() if v != 3})
    with pytest.raises(RecoupeError, match="weekdays"):
        lexicon_from_dict(broken)
    with pytest.raises(RecoupeError, match="parts_of_day"):
        lexicon_from_dict(dict(raw, parts_of_day={"soir": "teatime"}))


def test_temporal_registered_after_names() -> None:
    assert DEFAULT_PIPELINE.index("times") > DEFAULT_PIPELINE.index("names")
    comps = {c.name: c for c in resolve_pipeline(list(DEFAULT_PIPELINE))}
    assert comps["times"].assigns == ("times",)
