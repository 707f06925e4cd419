"""Entity resolution on sentences written for the tests: variants, epithets, metonymy, acronyms, titles."""

from __future__ import annotations

import pytest

from tests.contract import contract
from recoupe import resolve
from recoupe.analyze.runner import Analyzer
from recoupe.ingest import RawArticle, to_document


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _dossier(analyzer: Analyzer, *texts: str) -> list[dict]:
    docs = [to_document(RawArticle(source=f"t{i}.txt", text=t)) for i, t in enumerate(texts)]
    return contract(resolve.resolve(docs, [analyzer.analyze(d) for d in docs])).entities


def _entity_of(ents: list[dict], alias: str) -> dict:
    found = [e for e in ents if alias in e["aliases"]]
    assert found, f"no entity has the alias {alias!r}: {[e['aliases'] for e in ents]}"
    assert len(found) == 1, f"{alias!r} is in several entities"
    return found[0]


def test_entities_transliteration_variants_merge(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le gouverneur Mikhaïl Tchernychev a inauguré lundi un pont à Kazan devant des centaines d'habitants.",
                    "Mikhail Chernyshev a promis mardi de nouveaux investissements dans la région de Kazan.")
    e = _entity_of(ents, "Mikhaïl Tchernychev")
    assert "Mikhail Chernyshev" in e["aliases"] and e["type"] == "person"


def test_entities_epithet_learned_from_apposition(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le président brésilien Paulo Mendes a reçu jeudi une délégation d'industriels à Brasilia. "
                    "Le président brésilien a ensuite promis des baisses d'impôts.",
                    "Le président brésilien s'est rendu vendredi à Lisbonne pour une visite officielle.")
    e = _entity_of(ents, "Paulo Mendes")
    assert {"Le président brésilien", "le président brésilien"} & set(e["aliases"])
    # the second article never names him: the epithet is resolved through the dossier
    assert any(m["doc"] != e["mentions"][0]["doc"] for m in e["mentions"])


def test_entities_spokesperson_apposition_after_the_name(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Marta Silva, porte-parole de la Commission européenne, a refusé de commenter. "
                    "Plus tard, la porte-parole de la Commission européenne a publié un communiqué.")
    e = _entity_of(ents, "Marta Silva")
    assert any("porte-parole de la Commission" in a for a in e["aliases"])


def test_entities_surname_and_title_join_the_full_name(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "La chancelière Angela Weber a rencontré lundi les syndicats à Berlin. "
                    "Mme Weber a jugé la réunion constructive. Weber doit revenir en mars.")
    e = _entity_of(ents, "Angela Weber")
    assert "Mme Weber" in e["aliases"] and "Weber" in e["aliases"]


def test_entities_relatives_with_one_surname_stay_apart(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Lee Sung-min a succédé en 2011 à son père Lee Sung-ho à la tête du groupe. "
                    "Lee Sung-min dirige depuis l'entreprise familiale.")
    a, b = _entity_of(ents, "Lee Sung-min"), _entity_of(ents, "Lee Sung-ho")
    assert a["id"] != b["id"]


def test_entities_metonymy_capital_that_acts_is_its_country(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Ottawa a annoncé mercredi de nouvelles sanctions contre le régime. "
                    "La ministre s'est ensuite rendue à Ottawa pour rencontrer des diplomates.")
    canada = [e for e in ents if e["type"] == "country" and "Ottawa" in e["aliases"]]
    city = [e for e in ents if e["type"] == "place" and "Ottawa" in e["aliases"]]
    assert canada and city and canada[0]["name"] == "Canada"
    assert len(canada[0]["mentions"]) == 1 and len(city[0]["mentions"]) == 1


def test_entities_acronym_joins_its_expansion(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "L'Organisation mondiale du commerce (OMC) a publié mardi ses prévisions. "
                    "Selon l'OMC, les échanges ralentiront l'an prochain.")
    e = _entity_of(ents, "OMC")
    assert "Organisation mondiale du commerce" in e["aliases"]
    assert e["name"] == "Organisation mondiale du commerce"


def test_entities_countries_merge_across_languages_and_formal_names(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "La Fédération de Russie a signé l'accord. La Russie avait longtemps hésité.",
                    "Russia signed the agreement on Monday in Geneva.")
    e = _entity_of(ents, "Fédération de Russie")
    assert e["type"] == "country" and e["name"] == "Russie" and "Russia" in e["aliases"]


def test_entities_photo_credits_are_furniture_and_editorial_notes_are_not_entities(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le maire de Lyon a inauguré la ligne de tramway.\n\nPHOTO JEAN DUPONT, AGENCE FRANCE-PRESSE\n\n"
                    "Les travaux [du tramway, NDLR] ont duré trois ans.")
    names = {a for e in ents for a in e["aliases"]}
    assert not any("NDLR" in n for n in names)
    # the photographer a credit names is kept, marked as page furniture (not an actor of the story), as a byline is
    (photographer,) = [e for e in ents if "JEAN DUPONT" in e["aliases"]]
    assert photographer["type"] == "person" and photographer["page_furniture"] == ["photo"]


def test_entities_equipment_mentions(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "L'armée a reçu des drones et des chars d'assaut, ainsi que des missiles S-400.")
    equipment = {e["name"] for e in ents if e["type"] == "equipment"}
    assert {"S-400"} <= equipment and any("drone" in n for n in equipment) and any("char" in n for n in equipment)


def test_entities_names_geocoded_to_one_place_are_one_entity() -> None:
    from recoupe.model import Entity, Span
    from recoupe.resolve.merge_places import merge_places
    from recoupe.resolve.registry import ResolveContext

    def ent(i: str, name: str, n: int, source: str | None, etype: str = "place") -> Entity:
        spans = [Span("d", 10 * k + int(i), 10 * k + int(i) + 1, "x") for k in range(n)]
        return Entity(id=i, name=name, type=etype, aliases=[name], mentions=spans,
                      geo={"lat": 0.0, "lon": 0.0, "source": source} if source else None)

    ctx = ResolveContext(documents=[], analyses=[])
    ctx.entities = [ent("1", "Pékin", 3, "geonames:1"), ent("2", "Beijing", 1, "geonames:1"),
                    ent("3", "Lyon", 2, "geonames:2"), ent("4", "Nowhere", 1, None), ent("5", "Nowhere2", 1, None)]
    merge_places(ctx)
    names = {e.name: e for e in ctx.entities}
    assert set(names) == {"Pékin", "Lyon", "Nowhere", "Nowhere2"}
    assert names["Pékin"].aliases == ["Beijing", "Pékin"] and len(names["Pékin"].mentions) == 4
    assert ctx.mention_entity[("d", 2, 3)] == "1"


def test_entities_possessive_epithet_is_not_guessed(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer,
                    "Le président chilien est venu avec son ministre de l'Intérieur. "
                    "Plus tard, le président argentin Luis Pardo a reçu son ministre de l'Intérieur, Ana Ruiz, à Buenos Aires.")
    ruiz = _entity_of(ents, "Ana Ruiz")
    # the apposed mention is hers; the Chilean minister (never named) is not
    assert [m["text"] for m in ruiz["mentions"] if "ministre" in m["text"]] == ["son ministre de l'Intérieur"]


def test_entities_other_is_only_a_fallback_type() -> None:
    from recoupe.model import Analysis, Document, Mention, Span
    from recoupe.resolve import resolve

    text = "Il est arrivé à Port-Vila. Il a quitté Port-Vila jeudi. Port-Vila attend."
    def at(i: int, label: str) -> Mention:
        s = [k for k in range(len(text)) if text.startswith("Port-Vila", k)][i]
        return Mention(span=Span("d", s, s + 9, "Port-Vila"), label=label)
    analyses = [Analysis(doc="d", version="t", mentions=[at(0, "place"), at(1, "other"), at(2, "other")])]
    dossier = contract(resolve([Document(id="d", source="t", text=text)], analyses, steps=["entities"]))
    assert [e["type"] for e in dossier.entities] == ["place"]


def test_entities_a_surname_with_its_particle_joins_the_full_name(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le ministre Pieter van Dijk a démissionné mardi. Selon van Dijk, la décision est définitive.")
    e = _entity_of(ents, "Pieter van Dijk")
    assert "van Dijk" in e["aliases"]
    assert not [x for x in ents if x["name"] == "van Dijk"]


def test_entities_a_name_after_a_hyphen_that_ends_a_name_is_found_again(analyzer: Analyzer) -> None:
    # "Israël-Hezbollah": the country's name ends at the hyphen, and the name after it is the one the dossier knows
    ents = _dossier(analyzer, "EN DIRECT | Guerre Israël-Hezbollah : la trêve tient",
                    "Le Hezbollah a tiré des roquettes lundi. Le Hezbollah a démenti mardi.")
    e = _entity_of(ents, "Hezbollah")
    assert len({m["doc"] for m in e["mentions"]}) == 2


def test_entities_a_long_name_the_recogniser_cut_elsewhere_is_found_whole(analyzer: Analyzer) -> None:
    from recoupe.model import Mention, Span

    long = "Conseil national pour la défense de la république"
    texts = (f"La junte a formé un {long} (CNDR) lundi à Bamako.",
             f"La junte a formé un {long} (CNDR) lundi. Le {long} a pris le pouvoir à Bamako.")
    docs = [to_document(RawArticle(source=f"t{i}.txt", text=t)) for i, t in enumerate(texts)]
    analyses = [analyzer.analyze(d) for d in docs]
    # the recogniser read only "Conseil national" in the second article's second sentence
    at = texts[1].rindex(long)
    analyses[1].mentions.append(Mention(span=Span(docs[1].id, at, at + len("Conseil national"), "Conseil national"),
                                        label="organization", kind="name", sentence=1))
    ents = contract(resolve.resolve(docs, analyses)).entities
    e = _entity_of(ents, long)
    assert sum(m["text"] == long for m in e["mentions"]) == 3


def test_entities_a_thing_named_with_its_class_noun_and_fewer_words_is_the_same_thing(analyzer: Analyzer) -> None:
    ents = _dossier(analyzer, "Le pont Jean Moulin Varda s'est effondré lundi à Brionne. Les travaux du pont Varda "
                              "avaient commencé en mai. Les plongeurs fouillent la rivière sous le pont.")
    e = _entity_of(ents, "pont Varda")
    assert "pont Jean Moulin Varda" in e["aliases"]
