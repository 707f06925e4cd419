"""Independence of sources (resolve.sources) on a small corpus written for the tests: one dispatch run by three
outlets with edits, one outlet's follow-up, two truly independent reports, and an exact copy."""

from __future__ import annotations

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
