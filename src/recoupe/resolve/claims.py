"""Resolution of quotes and claims: speakers and sources linked to entities, claims clustered across articles.

Two claims from different articles join one cluster when they have the same kind of predicate (blocking
key), are about the same kind of thing or the same entities, and read alike (lemma overlap, rapidfuzz
token-set ratio) with no conflicting dates. Candidate pairs come only from blocks (predicate class x
entity, predicate class x object class), and an oversized block compares each claim with its neighbours
in publication order only, so the cost stays near-linear in the number of claims.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from rapidfuzz import fuzz

from recoupe import lang
from recoupe.model import Analysis, ClaimRec, Document, QuoteRec, Span, make_id
from recoupe.model.identity import arrival
from recoupe.resolve.registry import ResolveContext, step
from recoupe.resolve.sources import independent_sources

BLOCK_CAP = 120  # a block larger than this compares each claim with its WINDOW neighbours only
WINDOW = 40


class _EntityLookup:
    """Span -> entity id through the entity step's mention map, indexed per document for containment lookups."""

    def __init__(self, ctx: ResolveContext) -> None:
        self.ctx = ctx
        # role mentions ("le chef du Comité"): they name the title's holder, never what is named inside them
        self.epithets = {(a.doc, m.span.start, m.span.end) for a in ctx.analyses for m in a.mentions if m.kind == "epithet"}
        self.countries = {str(e.attrs["country_code"]): e.id for e in ctx.entities if e.attrs.get("country_code") and e.type == "country"}
        self.places = {e.id: True for e in ctx.entities if e.type == "place"}
        self.by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for (doc, s, e), eid in ctx.mention_entity.items():
            self.by_doc[doc].append((s, e, eid))
        for rows in self.by_doc.values():
            rows.sort()
        self.starts = {doc: [r[0] for r in rows] for doc, rows in self.by_doc.items()}

    def at(self, span: Span | None) -> str | None:
        if span is None:
            return None
        eid = self.ctx.mention_entity.get((span.doc, span.start, span.end))
        if eid is not None or (span.doc, span.start, span.end) in self.epithets:
            return eid
        rows = self.by_doc.get(span.doc, [])
        i = bisect.bisect_right(self.starts.get(span.doc, []), span.start)
        best: tuple[int, str] | None = None
        for s, e, ent in rows[max(0, i - 16):i]:
            if s <= span.start and span.end <= e and (best is None or e - s < best[0]):
                best = (e - s, ent)
        if best is None:  # the speaker words contain a mention ("le ministre Sergueï Lavrov")
            j = bisect.bisect_left(self.starts.get(span.doc, []), span.start)
            inside = [(e - s, ent) for s, e, ent in rows[j:j + 16] if span.start <= s and e <= span.end]
            if inside:
                best = max(inside)
        return best[1] if best else None

    def inside(self, doc: str, start: int, end: int) -> list[tuple[int, int, str]]:
        rows = self.by_doc.get(doc, [])
        j = bisect.bisect_left(self.starts.get(doc, []), start)
        out = []
        while j < len(rows) and rows[j][0] < end:
            if rows[j][1] <= end:
                out.append(rows[j])
            j += 1
        return out


def _lookup(ctx: ResolveContext) -> _EntityLookup:
    lk = ctx.state.get("_claims_entity_lookup")
    if lk is None or lk.ctx is not ctx:
        lk = ctx.state["_claims_entity_lookup"] = _EntityLookup(ctx)
    return lk


def _ordered(ctx: ResolveContext) -> list[Analysis]:
    return sorted(ctx.analyses, key=lambda a: a.doc)


@step("quotes", version="3", requires=("entities",), assigns=("quotes",))
def resolve_quotes(ctx: ResolveContext) -> None:
    """One contract quote per quotation, its speaker linked to an entity when the speaker words name one."""
    lk = _lookup(ctx)
    people = {e.id for e in ctx.entities if e.type == "person"}
    for a in _ordered(ctx):
        doc = ctx.docs_by_id.get(a.doc)
        quoted = [(q.span.start, q.span.end) for q in a.quotes]
        for q in sorted(a.quotes, key=lambda q: q.span.start):
            speaker = lk.at(q.speaker_span)
            if speaker is None and doc is not None and _bare_he(q, doc):
                speaker = _only_person_before(lk, people, doc, q, quoted)
            ctx.dossier.quotes.append({
                "id": make_id("quote", q.span.doc, q.span.start, q.span.end),
                "speaker": speaker,
                "speaker_text": q.speaker_text,
                "text": q.span.text,
                "span": q.span.to_dict(),
                "attribution": q.attribution.to_dict() if q.attribution else None,
                "speaker_span": q.speaker_span.to_dict() if q.speaker_span else None,
            })


def _bare_he(q: QuoteRec, doc: Document) -> bool:
    """Whether the quote's speaker is a singular masculine pronoun the analysis left unresolved ("confiait-il",
    "he said"); "elle" and the plurals stand for bodies, countries, groups too often to be taken up here."""
    if q.speaker_span is None or not q.speaker_text:
        return False
    speech = lang.pack(doc.language or lang.DEFAULT).speech
    return q.speaker_text.lower() in speech.masculine_pronouns


def _only_person_before(lk: _EntityLookup, people: set[str], doc: Document, q: QuoteRec,
                        quoted: list[tuple[int, int]]) -> str | None:
    """The one person the article names, outside quotation marks, between the start of the paragraph before the
    attribution and the attribution: the pronoun's antecedent when the recogniser missed the name in this article
    but the dossier found it again (a name recognised in another article). Two people there: no guess."""
    at = (q.attribution or q.speaker_span or q.span).start
    para = doc.text.rfind("\n\n", 0, at)
    if para > 0:
        para = doc.text.rfind("\n\n", 0, para)
    named = {eid for s, e, eid in lk.inside(doc.id, max(para, 0), at)
             if eid in people and not any(qs <= s and e <= qe for qs, qe in quoted)}
    return named.pop() if len(named) == 1 else None


@dataclass
class _Item:
    rec: ClaimRec
    id: str
    doc: str
    origin: str  # the original document when this one is a copy
    published: str
    pclass: str
    objects: frozenset[str]
    entities: frozenset[str]
    lemmas: frozenset[str]
    times: frozenset[str] = field(default_factory=frozenset)
    source_entity: str | None = None
    language: str | None = None  # its article's: lemmas and wording compare only within one language


@step("claims", version="7", requires=("entities",), assigns=("claims",))
def resolve_claims(ctx: ResolveContext) -> None:
    """Contract claims with their source entity, clustered across articles, with independent sources per cluster."""
    lk = _lookup(ctx)
    docs = ctx.docs_by_id
    items: list[_Item] = []
    for a in _ordered(ctx):
        doc = docs.get(a.doc)
        origin = (doc.duplicate_of or doc.id) if doc else a.doc
        for c in sorted(a.claims, key=lambda c: c.span.start):
            src = c.attrs.get("source_name")
            src_span = Span.from_dict(src) if src else None
            ents = {eid for _, _, eid in lk.inside(a.doc, c.span.start, c.span.end)}
            ents.update(ctx.groups_in(a.doc, c.span.start, c.span.end))  # "les deux hommes ont signé": both
            src_ent = lk.at(src_span)
            if c.attrs.get("source_country"):  # "des responsables américains": their country, whatever else is inside
                src_ent = lk.countries.get(str(c.attrs["source_country"]))
            if src_ent is not None and lk.places.get(src_ent) and src_span is not None and (
                    src_span.doc, src_span.start, src_span.end) in lk.epithets:
                src_ent = None  # a role or a group ("les agences russes") never stands for a place
            times = {t.value for t in a.times if t.value and c.span.start <= t.span.start < c.span.end}
            items.append(_Item(
                rec=c, id=make_id("claim", c.span.doc, c.span.start, c.span.end), doc=a.doc, origin=origin,
                published=(doc.published or "") if doc else "",
                pclass=c.attrs.get("predicate_class") or f"lemma:{c.predicate or ''}",
                objects=frozenset(c.attrs.get("object_classes") or ()),
                entities=frozenset(ents - ({src_ent} if src_ent else set())),
                lemmas=frozenset(c.attrs.get("lemmas") or ()),
                times=frozenset(times), source_entity=src_ent, language=doc.language if doc else None,
            ))
    at = {(it.doc, it.rec.span.start, it.rec.span.end): i for i, it in enumerate(items)}
    links = []
    for i, it in enumerate(items):
        ref = it.rec.attrs.get("refers_to")
        if ref and (it.doc, ref["start"], ref["end"]) in at:
            links.append((at[(it.doc, ref["start"], ref["end"])], i))
    clusters = cluster_claims(items, links)
    sources = _independent_sources(items, clusters, docs)
    for i, it in enumerate(items):
        c = it.rec
        cid = clusters[i]
        ctx.dossier.claims.append({
            "id": it.id,
            "text": c.text,
            "span": c.span.to_dict(),
            "attributed_to": it.source_entity,
            "modality": c.modality,
            "cluster": cid,
            "independent_sources": sources[cid],
            "source_text": c.source_text,
            "source_span": c.source_span.to_dict() if c.source_span else None,
            "predicate": c.predicate,
            "entities": sorted(it.entities),
            "hedge_kind": (c.attrs.get("hedge") or {}).get("kind"),
            "hedge_span": _hedge_span(c),
        })


def _hedge_span(c: ClaimRec) -> dict[str, object] | None:
    h = c.attrs.get("hedge")
    return Span(c.span.doc, h["start"], h["end"], h["text"]).to_dict() if h else None


def _blocks(items: list[_Item]) -> dict[tuple[str, str], list[int]]:
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if not it.pclass or it.pclass == "lemma:":
            continue
        for e in it.entities:
            blocks[(it.pclass, "e:" + e)].append(i)
        for o in it.objects:
            blocks[(it.pclass, "o:" + o)].append(i)
    return blocks


def _pairs(items: list[_Item], blocks: dict[tuple[str, str], list[int]]) -> Iterator[tuple[int, int]]:
    """Each candidate pair once, (smaller, larger). Pairs from the same original article are left out here, where
    it is cheap: `same_claim` refuses them first thing, and copies of one article fill the blocks with them."""
    seen: set[int] = set()  # i * n + j: an int per pair, not a tuple (millions of pairs in a large dossier)
    n = len(items)
    origin = [it.origin for it in items]
    for key in sorted(blocks):
        idx = blocks[key]
        width = len(idx)
        if len(idx) > BLOCK_CAP:
            idx = sorted(idx, key=lambda i: (items[i].published, items[i].doc, i))
            width = WINDOW
        for a, i in enumerate(idx):
            for j in idx[a + 1:a + 1 + width]:
                if origin[i] == origin[j]:
                    continue
                lo, hi = (i, j) if i < j else (j, i)
                code = lo * n + hi
                if code not in seen:
                    seen.add(code)
                    yield lo, hi


def same_claim(a: _Item, b: _Item) -> bool:
    """Whether two claims from different articles state the same thing."""
    if a.origin == b.origin or a.pclass != b.pclass:
        return False
    if a.times and b.times and not any(x.startswith(y) or y.startswith(x) for x in a.times for y in b.times):
        return False  # different dates: not the same fact
    shared = len(a.entities & b.entities)
    if a.pclass.startswith("lemma:"):  # an unclassed predicate ("avoir", "souligner"): wording and participants must agree
        lem0 = len(a.lemmas & b.lemmas) / max(1, len(a.lemmas | b.lemmas))
        wording0 = fuzz.token_set_ratio(a.rec.text, b.rec.text)
        # one shared participant is enough when the two say it in nearly the same words ("X aurait perdu 1,5 milliard
        # de récoltes" / "X n'a pas perdu 1,5 milliard de récoltes")
        return (shared >= 2 and (lem0 >= 0.25 or wording0 >= 75)) or (shared >= 1 and lem0 >= 0.5)
    objects = bool(a.objects & b.objects)
    if a.language and b.language and a.language != b.language:
        # a claim and its translation: their words cannot be compared, what they are about can: the same class of
        # predicate (above), the same participants (every one named by either), the same kind of object if any
        return shared >= 2 and (a.entities == b.entities or objects)
    lem = len(a.lemmas & b.lemmas) / max(1, len(a.lemmas | b.lemmas))
    if objects and (shared >= 1 or lem >= 0.15):  # the same verb alone is the block, not evidence
        return True
    wording = fuzz.token_set_ratio(a.rec.text, b.rec.text)
    if objects and wording >= 55:
        return True
    return shared >= 2 and (lem >= 0.25 or wording >= 75)


def cluster_claims(items: list[_Item], links: list[tuple[int, int]] | None = None) -> list[str]:
    """A cluster id per claim (union-find over linked pairs; the id is derived from its first claim in arrival order).

    `links` are pairs known to be about the same thing whatever they say, e.g. a denial of "ces
    affirmations" and the claim it refers to.
    """
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links or []:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    for i, j in _pairs(items, _blocks(items)):
        ri, rj = find(i), find(j)
        if ri != rj and same_claim(items[i], items[j]):  # two already in one cluster need no comparing
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[find(i)].append(i)
    out = [""] * len(items)
    for root, idx in members.items():
        first = min(idx, key=lambda i: (arrival(items[i].published, items[i].doc), items[i].rec.span.start, items[i].rec.span.end))
        cid = make_id("cluster", items[first].id)  # named after its founding claim (model.identity)
        for i in idx:
            out[i] = cid
    return out


def _independent_sources(items: list[_Item], clusters: list[str], docs: dict[str, Document]) -> dict[str, int]:
    """Independent sources per cluster: the groups of resolve.sources (copies, one outlet, one dispatch count once)."""
    by_cluster: dict[str, set[str]] = defaultdict(set)
    for it, cid in zip(items, clusters):
        by_cluster[cid].add(it.doc)
    return {cid: independent_sources(docs, ids) for cid, ids in by_cluster.items()}


def contested(modalities: list[str]) -> bool:
    """A cluster is contested when some of its claims deny what others assert, report or suppose."""
    return "denied" in modalities and any(m != "denied" for m in modalities)


__all__ = ["cluster_claims", "contested", "resolve_claims", "resolve_quotes", "same_claim"]
