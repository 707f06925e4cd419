"""Resolution of quotes and claims: entity links, clusters across articles, independent sources."""

from __future__ import annotations

from typing import Any

from tests.contract import contract
from recoupe.model import Analysis, ClaimRec, Document, QuoteRec, Span
from recoupe.resolve import resolve
from recoupe.resolve.claims import contested

TEXTS = {
    "a": "Le Chili pourrait vendre des drones à la Bolivie.",
    "b": "Selon La Paz, le Chili a vendu des drones à la Bolivie.",
    "c": "Le Chili a démenti avoir vendu des drones à la Bolivie.",
    "d": "Le Chili pourrait vendre des drones à la Bolivie.",
    "e": "La Bolivie organise un festival de musique à Sucre.",
}


def _span(doc: str, words: str) -> Span:
    start = TEXTS[doc].index(words)
    return Span(doc, start, start + len(words), words)


def _mention(doc: str, words: str, label: str = "country") -> Any:
    from recoupe.model import Mention

    return Mention(span=_span(doc, words), label=label)


def _claim(doc: str, modality: str, pclass: str | None, objects: list[str], source: str | None = None) -> ClaimRec:
    text = TEXTS[doc]
    attrs: dict[str, Any] = {"predicate_class": pclass, "object_classes": objects, "lemmas": ["chili", "vendre", "drone", "bolivie"]}
    if source:
        attrs["source_name"] = _span(doc, source).to_dict()
    return ClaimRec(span=Span(doc, 0, len(text), text), text=text, modality=modality, predicate="vendre", attrs=attrs)


def _dossier(outlets: dict[str, str | None], duplicates: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    docs = [Document(id=d, source=f"{d}.txt", text=t, outlet=outlets.get(d), duplicate_of=(duplicates or {}).get(d)) for d, t in TEXTS.items()]
    analyses = []
    for d in TEXTS:
        mentions = [_mention(d, "Bolivie")] + ([_mention(d, "Chili")] if "Chili" in TEXTS[d] else [])
        if d == "b":
            mentions.append(_mention(d, "La Paz", "place"))
        claims = [_claim(d, {"a": "conditional", "b": "reported", "c": "denied", "d": "conditional", "e": "asserted"}[d],
                         "supply" if d != "e" else None, ["weapons"] if d != "e" else [], "La Paz" if d == "b" else None)]
        quotes = [QuoteRec(span=_span(d, "des drones"), speaker_text="Chili", speaker_span=_span(d, "Chili"))] if d == "a" else []
        analyses.append(Analysis(doc=d, version="t", mentions=mentions, claims=claims, quotes=quotes))
    return contract(resolve(docs, analyses))


def test_resolve_claims_cluster_across_articles_with_their_modality_mix() -> None:
    dossier = _dossier({"a": "Le Courrier", "b": "La Gazette", "c": "Le Soir", "d": None, "e": "Le Soir"})
    by_doc = {c["span"]["doc"]: c for c in dossier.claims}
    cluster = {by_doc[d]["cluster"] for d in "abcd"}
    assert len(cluster) == 1
    assert by_doc["e"]["cluster"] not in cluster
    assert contested([by_doc[d]["modality"] for d in "abcd"])


def test_resolve_claims_independent_sources_collapse_outlets_and_copies() -> None:
    # a and b share an outlet; d is a copy of c; e is unrelated
    dossier = _dossier({"a": "Le Courrier", "b": "le courrier", "c": None, "d": None}, duplicates={"d": "c"})
    by_doc = {c["span"]["doc"]: c for c in dossier.claims}
    assert by_doc["a"]["independent_sources"] == 2  # Le Courrier (a, b) + document c (d counts as c)
    assert by_doc["e"]["independent_sources"] == 1


def test_resolve_claims_copies_never_link_to_their_original_alone() -> None:
    dossier = _dossier({}, duplicates={"d": "a"})
    by_doc = {c["span"]["doc"]: c for c in dossier.claims}
    assert by_doc["d"]["cluster"] == by_doc["a"]["cluster"]  # joined through the other articles
    assert by_doc["a"]["independent_sources"] == 3  # a (with its copy d), b, c


def test_resolve_claims_source_resolved_to_an_entity_and_ids_are_stable() -> None:
    first = _dossier({})
    second = _dossier({})
    b = next(c for c in first.claims if c["span"]["doc"] == "b")
    place = next(e for e in first.entities if e["name"] == "La Paz")
    assert b["attributed_to"] == place["id"]
    assert [c["id"] for c in first.claims] == [c["id"] for c in second.claims]
    assert [c["cluster"] for c in first.claims] == [c["cluster"] for c in second.claims]


def test_resolve_quotes_speaker_linked_to_entity() -> None:
    dossier = _dossier({})
    (q,) = dossier.quotes
    chile = next(e for e in dossier.entities if e["name"] == "Chili")
    assert q["speaker"] == chile["id"] and q["speaker_text"] == "Chili" and q["text"] == "des drones"
    assert q["attribution"] is None


def test_resolve_claims_contested_needs_a_denial_and_something_else() -> None:
    assert contested(["denied", "reported"])
    assert not contested(["denied", "denied"])
    assert not contested(["conditional", "reported"])


def test_resolve_claims_same_verb_and_object_class_alone_is_no_corroboration() -> None:
    from recoupe.resolve.claims import _Item, same_claim

    def item(doc: str, text: str, entities: set[str], lemmas: set[str]) -> _Item:
        rec = ClaimRec(span=Span(doc, 0, len(text), text), text=text, modality="asserted", predicate="recevoir")
        return _Item(rec=rec, id=doc, doc=doc, origin=doc, published="", pclass="receive", objects=frozenset({"ammunition"}),
                     entities=frozenset(entities), lemmas=frozenset(lemmas))

    host = item("a", "La présidente a reçu lundi à Quito son homologue, venu demander des munitions.", {"P1", "P2", "Quito"},
                {"présidente", "recevoir", "lundi", "quito", "homologue", "demander", "munition"})
    pledge = item("b", "Lima aurait reçu des garanties sur la livraison d'obus d'ici à juin.", {"Pérou"},
                  {"lima", "recevoir", "garantie", "livraison", "obus", "juin"})
    assert not same_claim(host, pledge)
    again = item("c", "La présidente a reçu à Quito son homologue, venu demander des munitions.", {"P1", "Quito"},
                 {"présidente", "recevoir", "quito", "homologue", "demander", "munition"})
    assert same_claim(host, again)


def test_resolve_claims_one_shared_actor_and_the_same_words_is_one_claim() -> None:
    from recoupe.resolve.claims import _Item, same_claim

    def item(doc: str, text: str, lemmas: set[str], entities: set[str]) -> _Item:
        rec = ClaimRec(span=Span(doc, 0, len(text), text), text=text, modality="asserted", predicate="perdre")
        return _Item(rec=rec, id=doc, doc=doc, origin=doc, published="", pclass="lemma:perdre", objects=frozenset(),
                     entities=frozenset(entities), lemmas=frozenset(lemmas))

    said = item("a", "Le Ghana aurait perdu 2 milliards de dollars de cacao.", {"ghana", "perdre", "milliard", "dollar", "cacao"}, {"GH"})
    denied = item("b", "Le Ghana n'a pas perdu 2 milliards de dollars de cacao.", {"ghana", "perdre", "milliard", "dollar", "cacao"}, {"GH", "X"})
    other = item("c", "Le Ghana a perdu son match contre le Togo.", {"ghana", "perdre", "match", "togo"}, {"GH", "TG"})
    assert same_claim(said, denied)
    assert not same_claim(said, other)


def _one_doc(text: str, mentions: list[Any], claims: list[ClaimRec], quotes: list[QuoteRec] | None = None):  # type: ignore[no-untyped-def]
    docs = [Document(id="z", source="z.txt", text=text)]
    return contract(resolve(docs, [Analysis(doc="z", version="t", mentions=mentions, claims=claims, quotes=quotes or [])]))


def _sp(text: str, words: str) -> Span:
    i = text.index(words)
    return Span("z", i, i + len(words), words)


def test_resolve_claims_a_nationality_group_is_attributed_to_its_country() -> None:
    from recoupe.model import Mention

    text = "Le Pérou a fermé sa frontière. Des responsables péruviens ont affirmé que le col était bloqué."
    claim = ClaimRec(span=_sp(text, text[31:]), text=text[31:], modality="reported",
                     attrs={"source_name": _sp(text, "Des responsables péruviens").to_dict(), "source_country": "PE"})
    dossier = _one_doc(text, [Mention(span=_sp(text, "Pérou"), label="country")], [claim])
    peru = next(e for e in dossier.entities if e["name"] == "Pérou")
    assert dossier.claims[0]["attributed_to"] == peru["id"]


def test_resolve_claims_export_the_hedge_apart_from_the_modality() -> None:
    text = "La digue aurait cédé, selon la préfecture."
    hedge = {"kind": "conditional", **_sp(text, "aurait").to_dict()}
    claim = ClaimRec(span=_sp(text, text), text=text, modality="conditional", source_text="selon la préfecture",
                     source_span=_sp(text, "selon la préfecture"), attrs={"hedge": hedge})
    c = _one_doc(text, [], [claim]).claims[0]
    assert c["modality"] == "conditional" and c["source_text"] == "selon la préfecture"
    assert c["hedge_kind"] == "conditional" and c["hedge_span"]["text"] == "aurait"


def test_resolve_quotes_a_title_never_resolves_to_the_organisation_inside_it() -> None:
    from recoupe.model import Mention

    text = "« Rien n'est décidé », a dit le chef du Comité des routes."
    epithet = Mention(span=_sp(text, "le chef du Comité des routes"), label="person", kind="epithet")
    org = Mention(span=_sp(text, "Comité des routes"), label="organization")
    q = QuoteRec(span=_sp(text, "Rien n'est décidé"), speaker_text="le chef du Comité des routes",
                 speaker_span=_sp(text, "le chef du Comité des routes"))
    dossier = _one_doc(text, [epithet, org], [], [q])
    comite = next(e for e in dossier.entities if e["name"] == "Comité des routes")
    assert dossier.quotes[0]["speaker"] != comite["id"]


def _two_docs(first: str, second: str, first_mentions: list[Any], second_mentions: list[Any],
              quotes: list[QuoteRec]):  # type: ignore[no-untyped-def]
    docs = [Document(id="y", source="y.txt", text=first), Document(id="z", source="z.txt", text=second)]
    return contract(resolve(docs, [Analysis(doc="y", version="t", mentions=first_mentions),
                                   Analysis(doc="z", version="t", mentions=second_mentions, quotes=quotes)]))


def test_resolve_quotes_a_bare_il_takes_the_one_person_the_dossier_finds_before() -> None:
    from recoupe.model import Mention

    first = "Le guide Lucien Marchetti a conduit la cordée jusqu'au sommet."
    second = ("À Chamonix, Lucien Marchetti, 61 ans, a gravi le sommet plus de cent fois.\n\n"
              "Il restait prudent. « La montagne ne pardonne rien », disait-il souvent.")
    y = Span("y", first.index("Lucien"), first.index("Lucien") + len("Lucien Marchetti"), "Lucien Marchetti")
    town = _sp(second, "Chamonix")
    q = QuoteRec(span=_sp(second, "La montagne ne pardonne rien"), speaker_text="-il", speaker_span=_sp(second, "-il"),
                 attribution=_sp(second, "disait-il"))
    dossier = _two_docs(first, second, [Mention(span=y, label="person")], [Mention(span=town, label="place")], [q])
    guide = next(e for e in dossier.entities if e["name"] == "Lucien Marchetti")
    assert dossier.quotes[0]["speaker"] == guide["id"]


def test_resolve_quotes_a_bare_il_with_two_people_before_stays_unresolved() -> None:
    from recoupe.model import Mention

    first = "Le guide Lucien Marchetti a conduit la cordée avec Paul Rivière jusqu'au sommet."
    second = ("À Chamonix, Lucien Marchetti a gravi le sommet avec Paul Rivière.\n\n"
              "Il restait prudent. « La montagne ne pardonne rien », disait-il souvent.")
    ments = [Mention(span=Span("y", first.index(w), first.index(w) + len(w), w), label="person")
             for w in ("Lucien Marchetti", "Paul Rivière")]
    q = QuoteRec(span=_sp(second, "La montagne ne pardonne rien"), speaker_text="-il", speaker_span=_sp(second, "-il"),
                 attribution=_sp(second, "disait-il"))
    dossier = _two_docs(first, second, ments, [Mention(span=_sp(second, "Chamonix"), label="place")], [q])
    assert dossier.quotes[0]["speaker"] is None
