"""Independence of sources (resolve.sources) on a small corpus written for the tests: one dispatch run by three
outlets with edits, one outlet's follow-up, two truly independent reports, and an exact copy."""

from __future__ import annotations

import pytest

from recoupe import lang
from recoupe.lang import pages
from recoupe.model import Analysis, ClaimRec, Document, Span
from recoupe.resolve import resolve
from recoupe.resolve.sources import group_documents, independent_sources

DISPATCH = ("Le conseil régional a adopté jeudi un plan de rénovation des lycées de la région, doté de 40 millions "
            "d'euros sur cinq ans. Les travaux commenceront à la rentrée dans douze établissements, a précisé la "
            "présidente de l'assemblée, qui a qualifié le vote d'étape décisive pour l'enseignement public.")


def docs() -> list[Document]:
    return [
        Document(id="a1", source="a1", outlet="Gazette du Nord", language="fr",
                 text="LILLE, 4 mai (AFP) - " + DISPATCH),
        Document(id="a2", source="a2", outlet="Écho de l'Ouest", language="fr",
                 text="Le plan lycées adopté\n\n" + DISPATCH.replace("jeudi", "ce jeudi") + "\n\nPar Marc Exemple, avec AFP"),
        Document(id="a3", source="a3", outlet="Le Courrier Exemple", language="fr",
                 text=DISPATCH + " L'opposition a dénoncé un calendrier trop lent."),
        Document(id="b1", source="b1", outlet="Gazette du Nord", language="fr",
                 text="Lycées : les syndicats attendent des précisions\n\nUne semaine après le vote, les syndicats "
                      "d'enseignants réclament la liste des établissements concernés et un calendrier détaillé."),
        Document(id="c1", source="c1", outlet="Radio Exemple", language="fr",
                 text="Dans un lycée de Roubaix, les élèves ont découvert mardi des salles de classe dont les "
                      "fenêtres ne ferment plus. La direction dit attendre les travaux depuis trois ans."),
        Document(id="d1", source="d1", outlet="Revue Exemple", language="fr",
                 text="Le financement des lycées pèse sur le budget régional depuis dix ans, selon une étude publiée "
                      "lundi par un laboratoire universitaire qui a comparé six régions."),
        Document(id="e1", source="e1", outlet="Agrégateur Exemple", language="fr", duplicate_of="d1",
                 text="Le financement des lycées pèse sur le budget régional depuis dix ans, selon une étude publiée "
                      "lundi par un laboratoire universitaire qui a comparé six régions. "),
    ]


def grouped():
    ds = docs()
    zones = {d.id: pages.zones(d.text, "fr") for d in ds}
    credits = {d.id: pages.credits(d.text, "fr", zones[d.id]) for d in ds}
    return group_documents(ds, zones, credits)


def test_groups_and_their_reasons() -> None:
    ind = grouped()
    g = ind.group_of
    assert g["a1"] == g["a2"] == g["a3"] == g["b1"]  # one dispatch (credited, or its text repeated) and a follow-up
    assert g["d1"] == g["e1"]  # a copy
    assert len({g["a1"], g["c1"], g["d1"]}) == 3
    why = {r["why"] for r in ind.reasons[g["a1"]]}
    assert why == {"same_dispatch", "shared_text", "same_outlet"}
    assert ind.labels[g["a1"]] == "AFP"
    assert [r["why"] for r in ind.reasons[g["d1"]]] == ["copy"]


def test_independent_counts() -> None:
    ind = grouped()
    assert ind.count(["a1", "a2", "a3"]) == 1
    assert ind.count(["a1", "b1", "c1"]) == 2
    assert ind.count(["a1", "a2", "a3", "b1", "c1", "d1", "e1"]) == 3
    by_id = {d.id: d for d in docs()}
    # without groups: a copy counts as its first version, an outlet once
    assert independent_sources(by_id, ["a1", "b1", "d1", "e1"]) == 2


def _claim(doc: Document, needle: str) -> ClaimRec:
    start = doc.text.index(needle)
    return ClaimRec(span=Span(doc.id, start, start + len(needle), needle), text=needle, modality="asserted",
                    attrs={"predicate_class": "adopt", "object_classes": ["plan"], "lemmas": ["plan", "lycée", "adopter"]})


def test_claim_clusters_count_groups_and_mark_a_single_source() -> None:
    ds = docs()
    needle = "un plan de rénovation des lycées de la région"
    analyses = [Analysis(doc=d.id, version="t", claims=[_claim(d, needle)]) for d in ds if needle in d.text]
    dossier = resolve(ds, analyses, pack=lang.pack("fr")).to_contract()
    claims = dossier["claims"]
    assert len(claims) == 3 and len({c["cluster"] for c in claims}) == 1
    assert {c["independent_sources"] for c in claims} == {1}  # three articles, one dispatch
    assert all(c["single_source"] and c["rests_on"] == "AFP" for c in claims)
    assert {s["doc"] for s in dossier["sources"]} == {d.id for d in ds}
    assert sum(len(g["documents"]) for g in dossier["source_groups"]) == len(ds)


def test_furniture_is_kept_out_of_the_analysis() -> None:
    text = DISPATCH + "\n\nLire aussi : Le lycée Exemple fermé jeudi à Lille"
    d = Document(id="f1", source="f1", outlet="Gazette", language="fr", text=text)
    inside = text.index("Lille", len(DISPATCH))
    a = Analysis(doc="f1", version="t", claims=[_claim(d, "Le lycée Exemple fermé jeudi")])
    dossier = resolve([d], [a], pack=lang.pack("fr")).to_contract()
    assert dossier["claims"] == []
    kinds = [f["kind"] for f in dossier["sources"][0]["furniture"]]
    assert kinds == ["related"] and dossier["sources"][0]["furniture"][0]["span"]["end"] > inside


# -- what events rest on; notes as a claim's source; captions as weak evidence ------------------------------------

from recoupe.model import EventCue, Mention, TimeExpr  # noqa: E402

DAY = "2024-03-04"


def _doc(i: str, outlet: str | None, text: str) -> Document:
    return Document(id=i, source=i, outlet=outlet, language="fr", text=text, published="2024-03-05")


def _sp(d: Document, needle: str, after: int = 0) -> Span:
    start = d.text.index(needle, after)
    return Span(d.id, start, start + len(needle), needle)


def _arrival(d: Document, sentence: str, place: str | None = None) -> Analysis:
    """An analysis giving one arrival on DAY, told in `sentence` (and at `place`, named there)."""
    sent = _sp(d, sentence)
    trig = _sp(d, "accosté")
    day = _sp(d, "lundi 4 mars 2024")
    t = TimeExpr(span=day, value=DAY, precision="day")
    mentions = [Mention(span=_sp(d, place), label="place")] if place else []
    cue = EventCue(span=trig, type="arrival", sentence=sent, status="happened", time=t,
                   place=mentions[0].span if mentions else None)
    return Analysis(doc=d.id, version="t", sentences=[(sent.start, sent.end)], mentions=mentions, times=[t],
                    event_cues=[cue])


def _events(ds: list[Document], analyses: list[Analysis]) -> list[dict]:
    return resolve(ds, analyses, pack=lang.pack("fr")).to_contract()["events"]


WORDED = ["Le cargo a accosté lundi 4 mars 2024 au terminal sud{}.",
          "Un cargo géant a accosté lundi 4 mars 2024 après dix jours de mer{}.",
          "Au terminal, le navire a accosté lundi 4 mars 2024 sous la pluie{}."]


@pytest.mark.parametrize("outlets, tail, single, rests_on, count", [
    (["Gazette du Nord", "Radio Exemple", "Revue Exemple"], ", selon Kyodo", True, "Kyodo", 3),  # one cited agency
    (["Gazette du Nord", "Radio Exemple", "Revue Exemple"], "", False, None, 3),  # three independent reports
    (["Gazette du Nord", "Gazette du Nord", "Gazette du Nord"], "", True, "Gazette du Nord", 1),  # one outlet
])
def test_an_event_resting_on_one_original_source_is_marked(outlets: list[str], tail: str, single: bool,
                                                          rests_on: str | None, count: int) -> None:
    ds = [_doc(f"p{i}", o, w.format(tail)) for i, (o, w) in enumerate(zip(outlets, WORDED))]
    (ev,) = _events(ds, [_arrival(d, d.text) for d in ds])
    assert (ev["single_source"], ev["rests_on"], ev["independent_sources"]) == (single, rests_on, count)


def test_an_event_told_on_one_speakers_word_rests_on_that_speaker() -> None:
    ds = [_doc(f"s{i}", o, "Le ministère Exemple a annoncé que " + w.format("").lower())
          for i, (o, w) in enumerate(zip(["Gazette du Nord", "Radio Exemple"], WORDED))]
    analyses = []
    for d in ds:
        a = _arrival(d, d.text)
        who = _sp(d, "Le ministère Exemple")
        a.mentions.append(Mention(span=who, label="organization"))
        start = d.text.index("que ") + 4
        clause = Span(d.id, start, len(d.text) - 1, d.text[start:-1])
        a.claims.append(ClaimRec(span=clause, text=clause.text, modality="reported", source_span=who,
                                 attrs={"source_name": who.to_dict(), "predicate_class": "arrive"}))
        analyses.append(a)
    (ev,) = _events(ds, analyses)
    assert ev["independent_sources"] == 2 and ev["single_source"] and ev["rests_on"] == "Le ministère Exemple"


def test_a_claim_calling_a_note_takes_the_notes_source() -> None:
    text = ("Le port a doublé ses exportations de céréales en un an [1]. La mairie, selon Radio Exemple, y voit un "
            "succès [1].\n\n## Notes\n\n[1] Le Monde, 12 mars 2024.")
    d = _doc("n1", "Revue Exemple", text)
    first, second = "Le port a doublé ses exportations de céréales en un an", "y voit un succès"
    a = Analysis(doc="n1", version="t", sentences=[(0, text.index("[1]") + 4), (text.index("La mairie"), text.index("\n"))],
                 claims=[ClaimRec(span=_sp(d, first), text=first, modality="asserted"),
                         ClaimRec(span=_sp(d, second), text=second, modality="asserted", source_text="Radio Exemple",
                                  source_span=_sp(d, "Radio Exemple"))])
    claims = {c["text"]: c for c in resolve([d], [a], pack=lang.pack("fr")).to_contract()["claims"]}
    noted = claims[first]
    assert noted["source_text"] == "Le Monde"
    assert noted["source_span"]["start"] > text.index("## Notes") and noted["source_span"]["text"] == "Le Monde"
    assert claims[second]["source_text"] == "Radio Exemple"  # the sentence names its source: the note is not it


@pytest.mark.parametrize("caption_day, confirmed", [("lundi 4 mars 2024", True), ("samedi 9 mars 2024", False)])
def test_a_caption_confirms_an_events_date_and_never_sets_it(caption_day: str, confirmed: bool) -> None:
    text = (WORDED[0].format("") + "\n\nPhoto : le cargo à quai au terminal sud, " + caption_day + ".")
    d = _doc("c1", "Gazette du Nord", text)
    a = _arrival(d, WORDED[0].format(""))
    cap = _sp(d, caption_day, text.index("Photo"))
    value = DAY if confirmed else "2024-03-09"
    a.times.append(TimeExpr(span=cap, value=value, precision="day"))
    cap_trig = _sp(d, "à quai")  # a cue inside the caption makes no event
    a.event_cues.append(EventCue(span=cap_trig, type="arrival", status="happened", time=a.times[-1]))
    (ev,) = _events([d], [a])
    assert ev["date"] == DAY
    evidence = ev.get("caption_evidence", [])
    assert [(e["kind"], e["span"]["text"]) for e in evidence] == ([("date", caption_day)] if confirmed else [])


def test_a_caption_confirms_an_events_place() -> None:
    told = "Le cargo a accosté lundi 4 mars 2024 à Portmerle."
    d = _doc("c2", "Gazette du Nord", told + "\n\nPhoto : le cargo à quai à Portmerle.")
    a = _arrival(d, told, place="Portmerle")
    a.mentions.append(Mention(span=_sp(d, "Portmerle", len(told)), label="place"))
    (ev,) = _events([d], [a])
    assert ev["place"] and [(e["kind"], e["span"]["start"] > len(told)) for e in ev["caption_evidence"]] == [("place", True)]


def test_a_statement_does_not_rest_on_its_own_speaker() -> None:
    ds = [_doc(f"t{i}", o, "Le ministère Exemple a déclaré lundi 4 mars 2024 que le port restait ouvert" + tail + ".")
          for i, (o, tail) in enumerate([("Gazette du Nord", ""), ("Radio Exemple", " aux navires")])]
    analyses = []
    for d in ds:
        who, said = _sp(d, "Le ministère Exemple"), _sp(d, "déclaré")
        t = TimeExpr(span=_sp(d, "lundi 4 mars 2024"), value=DAY, precision="day")
        start = d.text.index("que ") + 4
        clause = Span(d.id, start, len(d.text) - 1, d.text[start:-1])
        analyses.append(Analysis(
            doc=d.id, version="t", sentences=[(0, len(d.text))], mentions=[Mention(span=who, label="organization")],
            times=[t], event_cues=[EventCue(span=said, type="statement", sentence=Span(d.id, 0, len(d.text), d.text),
                                            status="happened", time=t, participants=[who])],
            claims=[ClaimRec(span=clause, text=clause.text, modality="reported", source_span=who,
                             attrs={"source_name": who.to_dict(), "predicate_class": "open"})]))
    evs = [e for e in _events(ds, analyses) if e["type"] == "statement"]
    assert len(evs) == 1 and evs[0]["independent_sources"] == 2 and not evs[0]["single_source"]
