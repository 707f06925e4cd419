"""Entity resolution: one entity per real-world thing, across every document of the dossier.

Mentions are grouped in this order, each stage using only general rules and what the corpus teaches:
1. countries by their ISO code (names in French or English, formal names), equipment by its noun;
2. other names by a transliteration-insensitive key ("Kim Jong-un" = "Kim Jong Un", "Choïgou" = "Choïgu");
3. person names whose tokens differ by one close variant ("Kim Jung-un") are merged, blocked by surname;
4. surnames and titled forms ("Poutine", "M. Kim", "V. Poutine") join the full name they abbreviate,
   in the same article first, then in the dossier;
5. acronyms join their expansion when the text defines them ("RPDC [République ...]");
6. epithets ("le président russe") join the person an apposition taught them for, in the same article
   first, then in the dossier; an epithet nobody was named by stays out of the entities;
7. metonymy, one rule: a capital that acts (subject of a verb, "selon Washington", "Pour Paris,")
   stands for its country's government, so the mention joins the country entity; "à Washington" stays
   the city.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from recoupe.lang.fr.lexicon import Lexicon
from recoupe.model.text import fold, translit_key
from recoupe.model import Entity, Mention, make_id
from recoupe.resolve.registry import ResolveContext, step

_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.\s*)+")


@dataclass
class Cluster:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    merged_into: Cluster | None = None

    def root(self) -> Cluster:
        c = self
        while c.merged_into is not None:
            c = c.merged_into
        return c

    def labels(self) -> Counter[str]:
        return Counter(m.label for m in self.mentions if m.kind != "epithet")


@lru_cache(maxsize=1 << 16)
def strip_titles(surface: str, honorifics: tuple[str, ...]) -> tuple[str, str | None]:
    """'M. Kim' -> ('Kim', None); 'V. Poutine' -> ('Poutine', 'v'); leading articles dropped too.

    Cached: a dossier names the same people in the same words many times."""
    s = surface.strip()
    for h in _honorifics_longest_first(honorifics):
        if s.startswith(h + " ") or (h.endswith(".") and s.startswith(h) and len(s) > len(h) and s[len(h)].isupper()):
            s = s[len(h):].strip()
            break
    initial = None
    m = _INITIAL.match(s)
    if m and len(s) > m.end():
        initial = fold(s[0])
        s = s[m.end():].strip()
    return s, initial


@lru_cache(maxsize=4)
def _honorifics_longest_first(honorifics: tuple[str, ...]) -> list[str]:
    return sorted(honorifics, key=len, reverse=True)


# translit_key is pure and asked of the same surface forms again and again across a dossier
_translit_key = lru_cache(maxsize=1 << 16)(translit_key)


def _merge(a: Cluster, b: Cluster) -> Cluster:
    a, b = a.root(), b.root()
    if a is b:
        return a
    # keep the larger as the root so that chains stay short
    if len(b.mentions) > len(a.mentions):
        a, b = b, a
    a.mentions.extend(b.mentions)
    b.mentions = []
    b.merged_into = a
    a.country = a.country or b.country
    return a


def _similar_person(a: list[str], b: list[str]) -> bool:
    """Token-wise: same number of tokens, all equal but at most one close variant ("jong"/"jung")."""
    if len(a) != len(b) or len(a) < 2:
        return False
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diffs) <= 1 and all(len(x) >= 3 and fuzz.ratio(x, y) >= 75 for x, y in diffs)


@step("entities", version="5", assigns=("entities",))
def resolve_entities(ctx: ResolveContext) -> None:
    lx = ctx.pack.lexicon
    clusters: dict[str, Cluster] = {}
    where: dict[int, Cluster] = {}  # id(mention) -> its (initial) cluster
    epithets: list[Mention] = []

    def cluster(key: str) -> Cluster:
        c = clusters.get(key)
        if c is None:
            c = clusters[key] = Cluster(key)
        return c

    # 1-2. group names by country code, equipment noun, or transliteration key
    for a in ctx.analyses:
        for m in a.mentions:
            if m.kind == "epithet":
                epithets.append(m)
                continue
            if m.kind == "group":
                continue  # "les deux dirigeants" is its members, not an entity (ResolveContext.entities_at)
            if m.label == "country" and m.attrs.get("country"):
                c = cluster("country:" + m.attrs["country"])
                c.country = m.attrs["country"]
            elif m.label == "equipment":
                c = cluster("equipment:" + (m.head or fold(m.span.text)))
            else:
                base, _ = strip_titles(m.span.text, lx.honorifics)
                key = _translit_key(base) or _translit_key(m.span.text)
                c = cluster(key)
            c.mentions.append(m)
            where[id(m)] = c

    def person_like(c: Cluster) -> bool:
        lab = c.labels()
        return bool(lab) and lab.most_common(1)[0][0] == "person"

    # 3. close variants of full person names, blocked by their last token's first letters
    blocks: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters.values():
        toks = c.key.split()
        if person_like(c) and len(toks) >= 2 and not c.key.startswith(("country:", "equipment:")):
            blocks[toks[0][:3]].append(c)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if a.root() is not b.root() and _similar_person(a.key.split(), b.key.split()):
                    _merge(a, b)

    # 4. surnames and titled forms join a full name: same article first, then the dossier
    full_by_doc: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
    for c in clusters.values():
        if c.merged_into is None and person_like(c) and len(c.key.split()) >= 2:
            toks = c.key.split()
            for doc in {m.span.doc for m in c.mentions}:
                for t in {toks[0], toks[-1]}:
                    full_by_doc[(doc, t)].append(c)
    full_all: dict[str, list[Cluster]] = defaultdict(list)  # first or last token -> full names (an index, not a scan)
    for c in clusters.values():
        if c.merged_into is None and person_like(c) and len(c.key.split()) >= 2:
            toks = c.key.split()
            for t in {toks[0], toks[-1]}:
                full_all[t].append(c)
    stats = _FullNameStats()
    for m_cluster in list(clusters.values()):
        if m_cluster.merged_into is not None or len(m_cluster.key.split()) != 1 or m_cluster.key.startswith(("country:", "equipment:")):
            continue
        token = m_cluster.key
        is_person = person_like(m_cluster)
        moved: set[int] = set()
        for m in list(m_cluster.mentions):
            if m.attrs.get("capital_of") or m.kind == "acronym":
                continue
            _, initial = strip_titles(m.span.text, lx.honorifics)
            target = _pick_full(token, initial, full_by_doc.get((m.span.doc, token), []), m.span.doc, stats)
            if target is None and is_person:  # across the dossier only when the name is a person's
                target = _pick_full(token, initial, full_all.get(token, []), None, stats)
            if target is not None:
                moved.add(id(m))
                stats.append(target.root(), m)
                where[id(m)] = target.root()
        if moved:
            # the mentions of a cluster are distinct spans, so dropping the moved ones by identity does what
            # one list.remove per mention did, without rescanning the list each time
            m_cluster.mentions[:] = [m for m in m_cluster.mentions if id(m) not in moved]
            stats.forget(m_cluster)

    # 5. acronyms join their expansion
    for a in ctx.analyses:
        for m in a.mentions:
            exp = m.attrs.get("expansion")
            if exp and id(m) in where:
                other = clusters.get(_translit_key(exp))
                if other is not None:
                    _merge(where[id(m)], other)

    # 6. epithets: learned from appositions, resolved in the article first, then the dossier
    learned_doc: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    learned_all: dict[str, Counter[int]] = defaultdict(Counter)
    by_id: dict[int, Cluster] = {}
    for e in epithets:
        ap = e.attrs.get("apposed")
        if not ap:
            continue
        holder = _find_mention(ctx, e.span.doc, ap[0], ap[1])
        if holder is None or id(holder) not in where:
            continue
        c = _owner_of_mention(holder, where)
        by_id[id(c)] = c
        for k in _epithet_keys(e, learning=True):
            learned_doc[(e.span.doc, k)][id(c)] += 1
            learned_all[k][id(c)] += 1
        c.mentions.append(e)
    for e in epithets:
        if e.attrs.get("apposed") or e.attrs.get("possessive"):
            # a possessive epithet ("son ministre de la Défense") is relative to its possessor, which may
            # change from one sentence to the next: only an apposition names its holder
            continue
        target = None
        for k in _epithet_keys(e):
            target = _unique(learned_doc.get((e.span.doc, k))) or (None if _weak(k) else _unique(learned_all.get(k)))
            if target is not None:
                break
        if target is not None:
            by_id[target].root().mentions.append(e)

    # 7. metonymy: a capital that acts stands for its country
    for c in list(clusters.values()):
        before = list(c.mentions)
        leaving: set[int] = set()
        for m in before:
            code = m.attrs.get("capital_of")
            if code and m.attrs.get("agentive") and m.label == "place":
                owner = _owner_of_mention(m, where)
                if owner is c:
                    leaving.add(id(m))  # dropped from c below, in one pass rather than one list.remove each
                else:
                    owner.mentions.remove(m)
                country = cluster("country:" + code).root()
                country.country = code
                country.mentions.append(m)
                where[id(m)] = country
        if leaving:
            # what was there before loses the leaving mentions (distinct spans: identity is what list.remove
            # matched); what joined c meanwhile (c being their country) stays at the end, in order
            c.mentions[:] = [m for m in c.mentions[:len(before)] if id(m) not in leaving] + c.mentions[len(before):]

    # write the entities
    seen: set[int] = set()
    for key in sorted(clusters):
        c = clusters[key].root()
        if id(c) in seen or not c.mentions:
            continue
        seen.add(id(c))
        ent = _entity(c, lx)
        if ent is None:
            continue
        ctx.entities.append(ent)
        for m in c.mentions:
            ctx.mention_entity[(m.span.doc, m.span.start, m.span.end)] = ent.id


@dataclass
class _Counts:
    labels: Counter[str]  # as Cluster.labels(): mentions only ever join, so the keys keep the same order
    per_doc: Counter[str]
    size: int
    person_name: bool  # whether one of its name forms looks like a person's name


class _FullNameStats:
    """What `_pick_full` reads of a candidate full name, counted once per cluster and kept up to date as mentions
    join it, rather than recounted over all its mentions for every single-token mention looked up (which made
    step 4 quadratic in the size of the dossier)."""

    def __init__(self) -> None:
        self._counts: dict[int, _Counts] = {}

    def of(self, c: Cluster) -> _Counts:
        counts = self._counts.get(id(c))
        if counts is None:
            counts = self._counts[id(c)] = _Counts(c.labels(), Counter(m.span.doc for m in c.mentions), len(c.mentions),
                                                   _looks_like_person_name(c))
        return counts

    def append(self, c: Cluster, m: Mention) -> None:
        """Add the mention to the cluster, and to its counts when they were taken."""
        c.mentions.append(m)
        counts = self._counts.get(id(c))
        if counts is not None:
            if m.kind != "epithet":
                counts.labels[m.label] += 1
            counts.per_doc[m.span.doc] += 1
            counts.size += 1
            counts.person_name = counts.person_name or (m.kind == "name" and _person_name_form(m.span.text))

    def forget(self, c: Cluster) -> None:
        """Drop the counts of a cluster whose mentions changed otherwise."""
        self._counts.pop(id(c), None)


def _pick_full(token: str, initial: str | None, candidates: list[Cluster], doc: str | None, stats: _FullNameStats) -> Cluster | None:
    """The full name this single token abbreviates: it must be its first or last token; the most mentioned wins
    when it clearly dominates (so that "Kim" is Kim Jong-un where he is the story, not his father)."""
    scored = []
    for c in {id(x.root()): x.root() for x in candidates}.values():
        toks = c.key.split()
        if token not in (toks[0], toks[-1]):
            continue
        counts = stats.of(c)
        if not counts.labels or counts.labels.most_common(1)[0][0] != "person":
            continue
        if not counts.person_name:
            continue  # "Poutine-Kim de Vostotchny" is a title the recogniser took for a name
        if initial and token == toks[-1] and not toks[0].startswith(initial):
            continue
        n = counts.size if doc is None else counts.per_doc[doc]
        scored.append((n, c.key, c))
    if not scored:
        return None
    scored.sort(key=lambda x: (-x[0], x[1]))
    if len(scored) == 1 or scored[0][0] >= 2 * scored[1][0]:
        return scored[0][2]
    return None


def _looks_like_person_name(c: Cluster) -> bool:
    return any(_person_name_form(m.span.text) for m in c.mentions if m.kind == "name")


def _person_name_form(form: str) -> bool:
    return len(form.split()) <= 4 and not re.search(r"[A-Z]\w+-[A-Z]\w{2,}", form) and " de " not in form


def _epithet_keys(e: Mention, learning: bool = False) -> list[str]:
    """The exact key, then looser ones: same role group and country ("le numéro un nord-coréen" =
    "le dirigeant nord-coréen"), then role and complement without the country."""
    role, country, comp = (e.head or "||").split("|", 2)
    keys = [e.head or ""]
    group = e.attrs.get("role_group")
    if group and country:
        keys.append(f"group:{group}|{country}")
    if comp and country and learning:
        keys.append(f"{role}||{comp}")  # what "son ministre de la Défense" (no country) is looked up by
    return keys


def _weak(key: str) -> bool:
    """A bare role ("le dirigeant") says too little to resolve across articles."""
    role, country, comp = (key.split("|", 2) + ["", ""])[:3]
    return not key.startswith("group:") and not country and not comp


def _unique(counter: Counter[int] | None) -> int | None:
    if not counter:
        return None
    top = counter.most_common(2)
    if len(top) == 1 or top[0][1] >= 2 * top[1][1]:
        return top[0][0]
    return None


def _find_mention(ctx: ResolveContext, doc: str, start: int, end: int) -> Mention | None:
    index = ctx.state.setdefault("_mentions_by_pos", {})
    if not index:
        for a in ctx.analyses:
            for m in a.mentions:
                index[(m.span.doc, m.span.start, m.span.end)] = m
    return index.get((doc, start, end))


def _owner_of_mention(m: Mention, where: dict[int, Cluster]) -> Cluster:
    """The cluster that holds this mention now (mentions that move update `where`)."""
    return where[id(m)].root()


def _entity(c: Cluster, lx: Lexicon) -> Entity | None:
    names = [m for m in c.mentions if m.kind != "epithet"]
    if not names:
        return None  # epithets alone do not make an entity
    labels = c.labels()
    etype = "country" if c.country else labels.most_common(1)[0][0]
    if etype == "other" and len(labels) > 1:
        etype = max((k for k in labels if k != "other"), key=lambda k: (labels[k], k))  # "other" is no type, only a fallback
    if etype == "person" and labels.get("place", 0) + labels.get("organization", 0) > labels["person"]:
        etype = labels.most_common(1)[0][0]
    forms = Counter(m.span.text for m in c.mentions)
    if c.country:
        # a country is named by its common name, in the corpus' language when the corpus uses it
        country_forms = [m.span.text for m in names if m.label == "country"]
        fr_name = lx.country_name_fr[c.country]
        seen = {fold(f) for f in country_forms}
        name_forms = Counter({fr_name: 1}) if fold(fr_name) in seen or not seen else Counter(country_forms)
    else:
        name_forms = Counter(strip_titles(m.span.text, lx.honorifics)[0] for m in names if m.kind != "acronym") or Counter(m.span.text for m in names)
    # the fullest proper name: most words, then most frequent, then longest; ties broken by text
    name = max(name_forms, key=lambda f: (len(re.split(r"[\s-]+", f)), name_forms[f], len(f), f)) if not c.country else \
        max(name_forms, key=lambda f: (name_forms[f], f))
    mentions = sorted((m.span for m in c.mentions), key=lambda s: (s.doc, s.start, s.end))
    key = ("country:" + c.country) if c.country else f"{etype}:{_translit_key(name)}"
    attrs: dict[str, object] = {"mention_count": len(mentions)}
    if c.country:
        attrs["country_code"] = c.country
    roles = sorted({m.span.text for m in c.mentions if m.kind == "epithet"})
    if roles:
        attrs["epithets"] = roles
    return Entity(id=make_id("ent", key), name=name, type=etype, aliases=sorted(forms), mentions=mentions, attrs=attrs)
