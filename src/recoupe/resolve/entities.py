"""Entity resolution: one entity per real-world thing, across every document of the dossier.

Mentions are grouped in this order, each stage using only general rules and what the corpus teaches:
1. countries by their ISO code (names in French or English, formal names), equipment by its noun;
2. other names by a transliteration-insensitive key ("Kim Jong-un" = "Kim Jong Un", "Choïgou" = "Choïgu");
3. person names whose tokens differ by one close variant ("Kim Jung-un") are merged, blocked by surname;
4. surnames and titled forms ("Poutine", "M. Kim", "V. Poutine") join the full name they abbreviate,
   in the same article first, then in the dossier;
5. acronyms join their expansion when the text defines them ("RPDC [République ...]");
   (2b. a thing's name with its class noun, "cyclone X", "groupe X", "X Group", joins the bare name's)
6. epithets ("le président russe") join the person an apposition taught them for, in the same article
   first, then in the dossier, or the one subject just named when nothing known of them contradicts it (in two
   passes, so that a named body's leader learned so in one article holds in the others); an epithet nobody
   was named by stays out of the entities; descriptions join the name beside them, else the entity of their
   class named before;
7. metonymy, one rule: a capital that acts (subject of a verb, "selon Washington", "Pour Paris,")
   stands for its country's government, so the mention joins the country entity; "à Washington" stays
   the city.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from recoupe.lang.fr.lexicon import Lexicon
from recoupe.lang.fr.names import NameWords
from recoupe.model.text import fold, translit_key
from recoupe.model import Entity, Mention, Span, make_id
from recoupe.resolve.registry import ResolveContext, step

_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.\s*)+")
# mentions that describe an entity named elsewhere: they join it, never name it or make one
DESCRIBING = ("epithet", "description")


@dataclass
class Cluster:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    merged_into: Cluster | None = None
    # its mentions by document, remade when mentions were added (read per article many times: never a scan of all)
    _by_doc: tuple[int, dict[str, list[Mention]]] | None = field(default=None, repr=False, compare=False)

    def in_doc(self, doc: str) -> list[Mention]:
        """Its mentions in one document, in their order among its mentions."""
        idx = self._by_doc
        if idx is None or idx[0] != len(self.mentions):
            by_doc: dict[str, list[Mention]] = defaultdict(list)
            for m in self.mentions:
                by_doc[m.span.doc].append(m)
            idx = self._by_doc = (len(self.mentions), by_doc)
        return idx[1].get(doc, [])

    def root(self) -> Cluster:
        c = self
        while c.merged_into is not None:
            c = c.merged_into
        return c

    def labels(self) -> Counter[str]:
        return Counter(m.label for m in self.mentions if m.kind not in DESCRIBING)


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


@step("entities", version="26", assigns=("entities",))
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

    descriptions: list[Mention] = []
    propagated = _propagate_names(ctx, lx)
    # 1-2. group names by country code, equipment noun, or transliteration key
    for a in ctx.analyses:
        for m in a.mentions + propagated.get(a.doc, []):
            if m.kind == "epithet":
                epithets.append(m)
                continue
            if m.kind == "group":
                continue  # "les deux dirigeants" is its members, not an entity (ResolveContext.entities_at)
            if m.label == "country" and m.attrs.get("country"):
                c = cluster("country:" + m.attrs["country"])
                c.country = m.attrs["country"]
            elif m.kind == "description":
                descriptions.append(m)
                continue
            elif m.attrs.get("seat_place"):
                c = cluster("seat:" + _translit_key(m.span.text))  # "au Kremlin": the building, apart from the government
            elif m.head and m.head.startswith("body:"):
                c = cluster(m.head)  # "l'armée israélienne", "Armée israélienne": one body of one country
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

    # 2b. "le cyclone X", "the X Group", "le porte-conteneurs X": a thing's name with its class noun is the bare name
    _join_class_named(clusters, ctx.pack.names, _word_classes(ctx))

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
    particles = _particle_words(ctx)
    for m_cluster in list(clusters.values()):
        if m_cluster.merged_into is not None or m_cluster.key.startswith(("country:", "equipment:")):
            continue
        if len(m_cluster.key.split()) != 1 and not (person_like(m_cluster) and _particled_surname(m_cluster, particles)):
            continue  # (a place may start with an article that is a particle elsewhere: "La Paz")
        token = m_cluster.key.split()[-1]  # "von der Leyen": a surname with its particles is looked up by its last word
        is_person = person_like(m_cluster)
        moved: set[int] = set()
        for m in list(m_cluster.mentions):
            if m.attrs.get("capital_of") or m.kind == "acronym":
                continue
            _, initial = strip_titles(m.span.text, lx.honorifics)
            target = _pick_full(token, initial, [c for c in full_by_doc.get((m.span.doc, token), []) if c is not m_cluster],
                                m.span.doc, stats)
            if target is None and is_person:  # across the dossier only when the name is a person's
                target = _pick_full(token, initial, [c for c in full_all.get(token, []) if c is not m_cluster], None, stats)
            if target is not None:
                moved.add(id(m))
                stats.append(target.root(), m)
                where[id(m)] = target.root()
        if moved:
            # the mentions of a cluster are distinct spans, so dropping the moved ones by identity does what
            # one list.remove per mention did, without rescanning the list each time
            m_cluster.mentions[:] = [m for m in m_cluster.mentions if id(m) not in moved]
            stats.forget(m_cluster)

    # 4b. "le pont Key" in the article that names "le pont Francis Scott Key": a thing named with its class noun, then
    # with fewer of its words, is one thing
    _join_shorter_class_named(clusters, ctx.pack.names)

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
    nw_here = ctx.pack.names

    def named_person(c: Cluster) -> bool:
        # (not a thing some article introduces with its class noun, though the recogniser read it as a person: "le
        # porte-conteneurs Dali", "le navire X")
        return person_like(c) and not any(
            nw_here.class_labels.get(cl) not in (None, "person") for m in c.mentions if m.kind not in DESCRIBING
            for cue in m.attrs.get("cues", ()) for cl in nw_here.description_class.get(cue, ()))

    present = _PersonsInDoc(clusters, named_person)
    epithets.sort(key=lambda x: (x.span.doc, x.span.start))
    # two passes: what one article teaches of a body's leader by coreference ("X a dit. Le chef de Sokol a ajouté")
    # is known to every article of the dossier in the second
    pending = [e for e in epithets if not e.attrs.get("apposed")]
    for _pass in range(2):
        left: list[Mention] = []
        for e in pending:
            target, via_subject = _resolve_epithet(e, ctx, lx, where, learned_doc, learned_all, by_id, present)
            if target is None:
                left.append(e)
                continue
            by_id[target].root().mentions.append(e)
            if not e.attrs.get("possessive"):
                # what the article has called someone ("le président russe") is what its bare role means later
                # in it ("le président"), before the holders the dossier knows from elsewhere
                for k in _epithet_keys(e, learning=True):
                    learned_doc[(e.span.doc, k)][target] += 1
                if via_subject and e.attrs.get("complement") and not e.attrs.get("country"):
                    # a role of one named body ("le chef de Sokol") has one holder in the whole dossier
                    for k in _epithet_keys(e):
                        learned_all[k][target] += 1
        if len(left) == len(pending):
            break
        pending = left

    # 6b. definite descriptions ("le navire", "la ville", "le groupe") join the entity of their class the article
    # named last before them
    _resolve_descriptions(descriptions, clusters, where, ctx.pack.names, lx.country_by_capital, _word_classes(ctx))

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

    # write the entities; two groups that come out with the same natural key (the same name and type) are one
    seen: set[int] = set()
    by_key: dict[str, Cluster] = {}
    for key in sorted(clusters):
        c = clusters[key].root()
        if id(c) in seen or not c.mentions:
            continue
        seen.add(id(c))
        ent = _entity(c, lx, ctx.pack.names)
        if ent is None:
            continue
        if ent.id in by_key:
            by_key[ent.id] = _merge(by_key[ent.id], c)
        else:
            by_key[ent.id] = c
    for c in by_key.values():
        ent = _entity(c, lx, ctx.pack.names)
        if ent is None:
            continue
        if not c.country:  # a country keeps its code's id; any other entity is named after its first name mention
            ent.id = make_id("ent", *ctx.founder((m.span.doc, m.span.start, m.span.end)
                                                 for m in c.mentions if m.kind not in DESCRIBING))
        ctx.entities.append(ent)
        for m in c.mentions:
            ctx.mention_entity[(m.span.doc, m.span.start, m.span.end)] = ent.id


def _resolve_epithet(e: Mention, ctx: ResolveContext, lx: Lexicon, where: dict[int, Cluster],
                     learned_doc: dict[tuple[str, str], Counter[int]], learned_all: dict[str, Counter[int]],
                     by_id: dict[int, Cluster], present: _PersonsInDoc) -> tuple[int | None, bool]:
    """The person (id of a root cluster) an epithet no apposition names stands for, and whether it was found as the
    subject just named (coreference) rather than from what the article or the dossier learned."""
    if e.attrs.get("possessive"):
        # a possessive epithet ("son ministre de la Défense") is relative to its possessor, which may change from
        # one sentence to the next: only an apposition names its holder, but for a counterpart ("son homologue
        # chinois"), who holds the possessor's position on the other side
        if e.attrs.get("role") in lx.counterpart_roles:
            return _counterpart(e, ctx, where, learned_all, by_id, present), False
        return _countrys_own(e, ctx, where, learned_doc, learned_all, by_id), False
    for k in _epithet_keys(e):
        target = _unique(learned_doc.get((e.span.doc, k))) or (None if _weak(k) else _unique(learned_all.get(k)))
        if target is not None:
            return target, False
    if e.attrs.get("role") in lx.relational_roles:
        return None, False
    # the holders of this role the dossier knows, among the people this article names
    target = _holder_in_article(e, learned_all, by_id, present, learned_doc)
    if target is not None:
        return target, False
    # "X revient en France. Le président chinois...": the one person named just before, when nothing known of them
    # contradicts the epithet; what it teaches holds in the article (and in the dossier for a role of a named body)
    target = _just_named(e, learned_all, by_id, present)
    if target is not None:
        by_id.setdefault(target, present.cluster(target))  # type: ignore[arg-type]
    return target, target is not None


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
    body_group = e.attrs.get("body_group")
    if body_group and comp:
        keys.append(f"group:{body_group}||{comp}")  # "le patron de Wagner" = "le chef de Wagner"
    if learning:
        keys.append(f"role:{role}")  # what "le président" alone is looked up by, among the people an article names
        if group:
            keys.append(f"group:{group}")
    return keys


class _PersonsInDoc:
    """Where each person entity is named in each article: (start, sentence, cluster) by document, sorted; made on
    first use, after names and appositions have been grouped."""

    def __init__(self, clusters: dict[str, Cluster], person_like: Callable[[Cluster], bool]) -> None:
        self.clusters, self.person_like = clusters, person_like
        self._by_doc: dict[str, list[tuple[int, int, Cluster]]] | None = None

    def of(self, doc: str) -> list[tuple[int, int, Cluster]]:
        if self._by_doc is None:
            by_doc: dict[str, list[tuple[int, int, Cluster]]] = defaultdict(list)
            seen: set[int] = set()
            for c0 in self.clusters.values():
                c = c0.root()
                if id(c) in seen or not self.person_like(c) or not _full_person_name(c):
                    continue
                seen.add(id(c))
                for m in c.mentions:
                    # (a byline's or a photo credit's name is the page's furniture: no one the text speaks of)
                    if m.kind in ("name", "acronym") and not m.attrs.get("furniture"):
                        by_doc[m.span.doc].append((m.span.start, m.sentence, c))
            for rows in by_doc.values():
                rows.sort(key=lambda r: (r[0], r[1]))
            self._by_doc = by_doc
        return self._by_doc.get(doc, [])

    def cluster(self, i: int) -> Cluster | None:
        """The person entity (root cluster) of this id, if the articles name it."""
        for rows in (self._by_doc or {}).values():
            for _, _, c in rows:
                if id(c.root()) == i:
                    return c.root()
        return None


def _full_person_name(c: Cluster) -> bool:
    """Whether a person entity is named by a full name somewhere (given name and surname): what an epithet can be
    resolved to in an article (a lone capitalised word the recogniser called a person may be a group or a storm)."""
    return any(m.kind == "name" and len(strip_titles(m.span.text, ())[0].split()) >= 2 and _person_name_form(m.span.text)
               for m in c.mentions)


SALIENCE_SENTENCES = 3  # how far back an epithet or description looks for the one entity it can stand for


def _pick_salient(e: Mention, candidates: set[int], rows: list[tuple[int, int, Cluster]]) -> int | None:
    """Among candidate entities (ids of root clusters) named in the article, the one an epithet or description
    stands for: the only one named in the article, else the only one named in the few sentences before it, else
    none (an ambiguous description stays unresolved rather than guessed)."""
    named = {id(c.root()) for _, _, c in rows if id(c.root()) in candidates}
    if len(named) == 1:
        return named.pop()
    recent = {id(c.root()) for start, sent, c in rows
              if id(c.root()) in candidates and start < e.span.start and e.sentence - sent <= SALIENCE_SENTENCES}
    if len(recent) == 1:
        return recent.pop()
    return None


def _holder_keys(e: Mention) -> list[str]:
    """The keys under which the holders of an epithet's role were learned: by role or role group, with the
    epithet's country or complement when it has one."""
    role, country, comp = (e.head or "||").split("|", 2)
    group = e.attrs.get("role_group")
    if comp and not country and not any(c.isupper() for c in e.span.text[len(e.span.text) - len(comp):]):
        # "le préfet de l'archipel", "le maire de la ville": a complement that names nothing places the role where
        # the article already is; its holders are the bare role's
        comp = ""
    if country or comp:
        keys = [e.head or ""]
        if group and country:
            keys.append(f"group:{group}|{country}")
        if e.attrs.get("body_group") and comp:
            keys.append(f"group:{e.attrs['body_group']}||{comp}")
        return keys
    keys = [f"role:{role}"]
    if group:
        keys.append(f"group:{group}")
    return keys


def _holder_in_article(e: Mention, learned_all: dict[str, Counter[int]], by_id: dict[int, Cluster],
                       present: _PersonsInDoc,
                       learned_doc: dict[tuple[str, str], Counter[int]] | None = None) -> int | None:
    """"le président", "le chef de l'État": the one person the article itself has called so before ("le président
    russe"), else the one person of the article the dossier knows to hold the role; unless someone the dossier knows
    nothing of was named after them, just before (who may hold it too)."""
    own: set[int] = set()
    for k in _holder_keys(e):
        own |= {id(by_id[i].root()) for i in (learned_doc or {}).get((e.span.doc, k), ()) if i in by_id}
    rows = present.of(e.span.doc)
    holders = {id(by_id[i].root()) for k in _holder_keys(e) for i in learned_all.get(k, ())}
    if len(own) == 1:
        got: int | None = own.pop()
        if {id(c.root()) for start, _, c in rows if start < e.span.start} & holders - {got}:
            # another holder the dossier knows is named before it: "le président russe" told them apart (one named
            # only after it is not yet in the reader's mind)
            return None
        # (their last mention here, an epithet that joined them included: "le locataire de l'Élysée")
        last = max((m.sentence for m in by_id[got].root().mentions if m.span.doc == e.span.doc and m.span.start < e.span.start),
                   default=-1)
        if e.sentence - last > SALIENCE_SENTENCES and any(
                id(c.root()) != got and start < e.span.start and e.sentence - sent <= SALIENCE_SENTENCES for start, sent, c in rows):
            return None  # named long before, and someone else named just before: either may be meant
        # the article set the role on them itself: only someone named since as the subject may take it over
        rows = [(start, sent, c) for start, sent, c in rows if id(c.root()) == got or _subject_at(c, e.span.doc, start)]
    else:
        got = _pick_salient(e, holders, rows) if holders else None
        if got is None and len(holders) == 1 and not any(start < e.span.start for start, _, _ in rows) \
                and not {id(c.root()) for _, _, c in rows} & holders:
            # "Le préfet a réclamé ...", in an article that names no one before it: the one holder of the role the
            # dossier knows
            got = next(iter(holders))
    if got is None:
        return None
    known = _with_roles(learned_all, by_id)
    last = max((start for start, _, c in rows if id(c.root()) == got and start < e.span.start), default=-1)
    if any(last < start < e.span.start and id(c.root()) not in known for start, sent, c in rows):
        return None  # someone named since, of whom the dossier knows no role, may be the one meant
    return got


def _subject_at(c: Cluster, doc: str, start: int) -> bool:
    """Whether the mention of `c` at `start` in `doc` is the subject of its verb."""
    return any(m.span.start == start and m.attrs.get("agentive") for m in c.in_doc(doc))


def _with_roles(learned_all: dict[str, Counter[int]], by_id: dict[int, Cluster]) -> set[int]:
    """The people the dossier has learned some role of (ids of root clusters)."""
    return {id(by_id[i].root()) for cnt in learned_all.values() for i in cnt}


def _just_named(e: Mention, learned_all: dict[str, Counter[int]], by_id: dict[int, Cluster],
                present: _PersonsInDoc) -> int | None:
    """The one person named in the epithet's sentence before it, or in the sentence before, if what the dossier
    knows of them (their roles, their country) does not contradict the epithet."""
    role, country, comp = (e.head or "||").split("|", 2)
    body = bool(comp and e.attrs.get("body_group"))  # "le chef de Sokol": the leader of a body the text names
    bare = not country and not comp  # "le Premier ministre": only someone not known to hold another role
    rows = [(start, sent, c) for start, sent, c in present.of(e.span.doc)
            if start < e.span.start and 0 <= e.sentence - sent <= 1]
    near = {id(c.root()) for _, _, c in rows}
    if len(near) != 1 or not any(m.attrs.get("agentive") for _, _, c in rows for m in c.in_doc(e.span.doc)
                                 if 0 <= e.sentence - m.sentence <= 1 and m.span.start < e.span.start):
        return None  # the one person named just before, and as the subject: the topic the epithet continues
    got = near.pop()
    group = e.attrs.get("role_group") or e.attrs.get("body_group")
    if bare:
        if _holds_another_role(got, role, group, learned_all, by_id):
            return None  # known to hold another role: "le ministre" just after the president named is someone else
        if any(not _holds_another_role(i, role, group, learned_all, by_id) for i in {
                id(c.root()) for start, sent, c in present.of(e.span.doc)
                if start < e.span.start and e.sentence - sent <= SALIENCE_SENTENCES and _subject_at(c, e.span.doc, start)} - {got}):
            # someone else named as a subject in the sentences before may hold it as well (not one known in another
            # role: "le gouverneur X" named before "Y parle. Le président..."; nor one only named as an object)
            return None
    for k, cnt in learned_all.items():
        if not any(id(by_id[i].root()) == got for i in cnt) or k.startswith(("role:", "group:")) and "|" not in k:
            continue
        parts = k.split("|")
        if k.startswith("group:"):
            same = group is not None and parts[0] == f"group:{group}"
        else:
            same = parts[0] == role
        if same and ((country and parts[1] and parts[1] != country) or (comp and len(parts) > 2 and parts[2] and parts[2] != comp)):
            return None  # they hold the same role elsewhere, of another country or body
        if same and body and not country and parts[1]:
            return None  # a country's leader ("le président russe") is not the leader of a body
    return got


def _holds_another_role(cid: int, role: str, group: str | None, learned_all: dict[str, Counter[int]],
                        by_id: dict[int, Cluster]) -> bool:
    """Whether the dossier knows the person (id of a root cluster) in some role, and in none that is this one or of
    this role's group."""
    held = {p for k, cnt in learned_all.items() if any(id(by_id[i].root()) == cid for i in cnt)
            and not k.startswith(("role:", "group:")) for p in [k.split("|")[0]]}
    groups = {k[6:].split("|")[0] for k, cnt in learned_all.items() if k.startswith("group:")
              and any(id(by_id[i].root()) == cid for i in cnt)}
    return bool(held) and role not in held and (group is None or group not in groups)


def _counterpart(e: Mention, ctx: ResolveContext, where: dict[int, Cluster], learned_all: dict[str, Counter[int]],
                 by_id: dict[int, Cluster], present: _PersonsInDoc) -> int | None:
    """"son homologue (chinois)": someone else of the article holding the possessor's role (or role group), of the
    country the epithet names if it names one."""
    pos = e.attrs.get("possessor")
    owner_m = _find_mention(ctx, e.span.doc, pos[0], pos[1]) if pos else None
    if owner_m is None or id(owner_m) not in where:
        return None
    owner = where[id(owner_m)].root()
    wanted = {k for k, cnt in learned_all.items() if k.startswith(("role:", "group:")) and "|" not in k
              and any(by_id[i].root() is owner for i in cnt)}
    country = (e.head or "||").split("|", 2)[1]
    if country:
        wanted = {f"group:{k[6:]}|{country}" if k.startswith("group:") else f"{k[5:]}|{country}|" for k in wanted}
    holders = {id(by_id[i].root()) for k in wanted for i in learned_all.get(k, ())} - {id(owner)}
    return _pick_salient(e, holders, present.of(e.span.doc)) if holders else None


def _countrys_own(e: Mention, ctx: ResolveContext, where: dict[int, Cluster],
                  learned_doc: dict[tuple[str, str], Counter[int]], learned_all: dict[str, Counter[int]],
                  by_id: dict[int, Cluster]) -> int | None:
    """"La France a décidé de rappeler son ambassadeur": a possessive epithet whose possessor is a country, the
    subject just named, is that country's holder of the role, the one the article (else the dossier) knows."""
    pos = e.attrs.get("possessor")
    owner_m = _find_mention(ctx, e.span.doc, pos[0], pos[1]) if pos else None
    if owner_m is None or id(owner_m) not in where or not owner_m.attrs.get("agentive"):
        return None
    code = where[id(owner_m)].root().country
    if not code:
        return None
    role = e.attrs.get("role")
    for learned in ({k: cnt for (doc, k), cnt in learned_doc.items() if doc == e.span.doc}, learned_all):
        held = {id(by_id[i].root()) for k, cnt in learned.items() if k.split("|")[:2] == [role, code]
                for i in cnt if i in by_id}
        if len(held) == 1:
            return held.pop()
        if held:
            return None
    return None


def _resolve_descriptions(descriptions: list[Mention], clusters: dict[str, Cluster], where: dict[int, Cluster],
                          nw: NameWords, capital_names: dict[str, str] | None = None,
                          word_classes: dict[str, tuple[str, ...]] | None = None) -> None:
    """Join each definite description to the entity it stands for: of its kind for "la ville" (a place) and "le
    pays" (a country); else named with a noun of its class ("le pont" after "le pont Francis Scott Key", "l'armée"
    after "l'armée israélienne", "le navire" after "le porte-conteneurs Dali" or "le Dali, un navire"); the one
    such entity the article names, or the only one named in the sentences just before."""
    if not descriptions:
        return
    # the class words each entity is named with: inside its names, as their head, or right before them
    rows: dict[str, list[tuple[int, int, Cluster, frozenset[str]]]] = defaultdict(list)
    seen: set[int] = set()
    words_of: dict[int, set[str]] = defaultdict(set)
    heads_of: dict[int, set[str]] = defaultdict(set)  # the head nouns of descriptions apposed to each entity
    # class words of every language the dossier's articles are in: "Wagner Group" in English says that Wagner is
    # what a French "le groupe" describes
    classes_of_word = word_classes if word_classes is not None else nw.description_class
    for c0 in clusters.values():
        c = c0.root()
        if id(c) in seen or not c.mentions:
            continue
        seen.add(id(c))
        for m in c.mentions:
            if m.kind in DESCRIBING:
                continue
            for w in fold(m.span.text, hyphens=False).replace("'", " ").split():
                if w in classes_of_word:
                    words_of[id(c)].add(w)
            for w in m.attrs.get("cues", ()):
                words_of[id(c)].add(w)
            if m.attrs.get("head"):
                words_of[id(c)].add(m.attrs["head"])
    for c0 in clusters.values():
        c = c0.root()
        for m in c.mentions:
            if m.kind not in DESCRIBING:
                rows[m.span.doc].append((m.span.start, m.sentence, c, frozenset({m.label})))
    for r in rows.values():
        r.sort(key=lambda x: (x[0], x[1]))
    # each entity's type, counted once: descriptions joining below count in no entity's type (DESCRIBING), and
    # counting it again for every description and candidate grew with the square of the corpus
    tops: dict[int, str] = {}

    def fits(label: str, c: Cluster) -> bool:
        root = c.root()
        top = tops.get(id(root))
        if top is None:
            top = tops[id(root)] = _top_label(root, nw)
        return _label_fits(label, root, top)

    capitals: dict[str, Counter[int]] = defaultdict(Counter)  # country -> the entities named as its capital
    for c0 in clusters.values():
        for m in c0.root().mentions:
            # the capital's own name ("Moscou"), not a region or a site named after it ("la région de Moscou")
            if m.kind not in DESCRIBING and m.attrs.get("capital_of") and fold(m.span.text) in (capital_names or {}):
                capitals[m.attrs["capital_of"]][id(c0.root())] += 1
    by_root = {id(c.root()): c.root() for c in clusters.values()}
    at: dict[tuple[str, int, int], tuple[Cluster, Mention]] = {}  # where each name is: what an apposed description joins
    for c in by_root.values():
        for m in c.mentions:
            if m.kind not in DESCRIBING:
                at[(m.span.doc, m.span.start, m.span.end)] = (c, m)
    # the sites each head noun names in the dossier ("hôpital" -> the entity of "l'hôpital de X"), by their names'
    # first word (where the language writes the class noun first) or last
    site_named: dict[str, set[int]] = defaultdict(set)
    for c in by_root.values():
        for m in c.mentions:
            if m.kind == "name" and m.label == "place" and " " in m.span.text.strip():
                words = fold(m.span.text, hyphens=False).split()
                for w in {words[0], words[-1]}:
                    if set(classes_of_word.get(w, ())) & set(SITE_CLASSES):
                        site_named[w].add(id(c))
    owners = {(m.span.doc, m.span.start, m.span.end): c for c in by_root.values() for m in c.mentions}
    def join(d: Mention, target: Cluster) -> None:
        """The description is a mention of this entity from now on (the descriptions after it see it there)."""
        target.mentions.append(d)
        where[id(d)] = target

    for d in descriptions:
        if d.attrs.get("possessive"):
            # "son armée", "leur pays": the body or the country of whom the possessive points at, when the dossier
            # knows that one's country (a country, or a person its epithets give one country)
            target_c = _through_possessor(d, owners, clusters)
            if target_c is not None:
                join(d, target_c)
            continue
        classes = d.attrs.get("classes") or []
        ap = d.attrs.get("apposed")
        named = at.get((d.span.doc, ap[0], ap[1])) if ap else None
        if named is not None and (d.attrs.get("apposition") or fits(d.label, named[0]) or d.head in named[1].attrs.get("cues", ())):
            # "le navire canadien X", "Le navire, le X,": the description of the name beside it (whatever type the
            # recogniser gave a name its own class noun introduces)
            join(d, named[0].root())
            if d.head and classes:
                # "X, navire océanographique": X is what a later "le navire" describes (that noun, not its whole class:
                # a research ship is no "paquebot")
                heads_of[id(named[0].root())].add(d.head)
            continue
        if CAPITAL in classes:
            # "la capitale nigérienne", "the Serbian capital": the capital of the country its nationality names,
            # wherever the dossier names it; "la capitale": the capital the article named last
            target = _capital(d, capitals, [(s0, sent, c) for s0, sent, c, _ in rows.get(d.span.doc, []) if s0 < d.span.start])
            if target is not None:
                join(d, by_root[target])
            continue
        kinds = {nw.kind_classes[c] for c in classes if c in nw.kind_classes}
        wanted = set(classes)
        cands: set[int] = set()
        doc_rows = [r for r in rows.get(d.span.doc, []) if r[0] < d.span.start]
        for _, _, c, labels in doc_rows:
            if id(c.root()) in cands:
                continue
            if not fits(d.label, c) and not (labels & kinds and fits(next(iter(labels)), c)):
                continue  # ("l'île" may be a country as well as a place: the kinds its class stands for)
            ws = words_of[id(c)]
            of_class = [bool(wanted.intersection(classes_of_word.get(w, ()))) for w in ws]
            if (kinds and labels & kinds and all(of_class)) or any(of_class) or d.head in heads_of[id(c.root())]:
                if d.attrs.get("country") and c.country and c.country != d.attrs["country"]:
                    continue
                cands.add(id(c.root()))
        if cands and d.attrs.get("indefinite"):
            continue  # "un navire" after a ship was named: another one
        if not cands and GROUP_CLASS in classes:
            # "X accuse le Hamas ; le mouvement islamiste le nie": a group's description with nothing of its class named
            # is the one organisation named before it in its sentence or the one before (not further: "la junte" is
            # no "Élysée" named paragraphs before)
            same = {id(c.root()) for s0, sent, c, labels in doc_rows if 0 <= d.sentence - sent <= 1 and fits("organization", c)
                    and tops.get(id(c.root())) == "organization"}
            if len(same) == 1:
                target_id = same.pop()
                join(d, by_root[target_id])
                continue
        if not cands:
            # nothing of its class named before it (a headline's "le navire", "les garde-côtes" before "les garde-côtes
            # américains"): the one entity of its class the whole article names
            doc_rows = rows.get(d.span.doc, [])
            cands = {id(c.root()) for _, _, c, labels in doc_rows if fits(d.label, c) and (any(
                     wanted.intersection(classes_of_word.get(w, ())) for w in words_of[id(c)]) or d.head in heads_of[id(c.root())])}
        target = _pick_salient(d, cands, [(s0, sent, c) for s0, sent, c, _ in doc_rows])
        if not cands and d.label == "place" and d.head and len(site_named.get(d.head, ())) == 1:
            # "L'hôpital est touché", in an article that names no site of its class: the one site the dossier names
            # with that very noun ("l'hôpital de X" in another article)
            target = next(iter(site_named[d.head]))
        if target is not None:
            join(d, by_root[target])
        elif d.attrs.get("body") and (body := clusters.get(f"body:{d.attrs['body']}")) is not None:
            # "L'armée précise..." after the country was named: that country's army, as the dossier names it
            join(d, body.root())


def _through_possessor(d: Mention, owners: dict[tuple[str, int, int], Cluster], clusters: dict[str, Cluster]) -> Cluster | None:
    """The entity a possessive description stands for: the possessor's country ("leur pays") or its national body of
    the description's noun ("son armée" = "l'armée française"), if the dossier names it so; the possessor's country is
    its own, or the one country its epithets give it ("le président bélarusse")."""
    pos = d.attrs.get("possessor")
    owner = owners.get((d.span.doc, pos[0], pos[1])) if pos else None
    if owner is None:
        return None
    owner = owner.root()
    codes = {owner.country} if owner.country else {m.attrs["country"] for m in owner.mentions
                                                   if m.kind == "epithet" and m.attrs.get("country")}
    if len(codes) != 1:
        return None
    code = codes.pop()
    key = f"country:{code}" if d.label == "country" else f"body:{(d.head or '').rstrip('s')}|{code}"
    target = clusters.get(key)
    return target.root() if target is not None else None


def _join_shorter_class_named(clusters: dict[str, Cluster], nw: NameWords) -> None:
    """In one article, a name made of a class noun and words ("pont Key", "base aérienne 101") joins the longer name
    of that class noun that holds all its words and ends as it does ("pont Francis Scott Key"): the article names one
    thing twice, the second time shorter. People are not joined so (step 4 does it)."""
    groups: dict[tuple[str, str, str], list[tuple[int, frozenset[str], Cluster]]] = defaultdict(list)
    seen: set[tuple[int, str]] = set()
    for c0 in clusters.values():
        c = c0.root()
        for m in c.mentions:
            if m.kind != "name" or m.label == "person" or (id(c), m.span.doc) in seen:
                continue
            words = fold(m.span.text).split()
            if len(words) >= 2 and words[0] in nw.description_class:
                seen.add((id(c), m.span.doc))
                groups[(m.span.doc, words[0], words[-1])].append((len(words), frozenset(words), c))
    for rows in groups.values():
        rows.sort(key=lambda r: -r[0])
        n, longest, c = rows[0]
        for k, words, other in rows[1:]:
            if k < n and words < longest and other.root() is not c.root():
                c = _merge(c, other)


GROUP_CLASS = "group"  # the description class of a group, a movement, a junta ("le mouvement", "the junta")
# the description classes of sites ("l'hôpital", "le port", "le pont") that the one site of that noun the dossier names
# may stand for, in an article naming none (not towns, regions, waters: "la ville", "la région" are any)
SITE_CLASSES = ("seaport", "rail_station", "airport", "bridge", "crossing", "building")
THING_LABELS = ("other", "organization", "equipment")  # what a class noun glued to a name may make it, not a place


def _join_class_named(clusters: dict[str, Cluster], nw: NameWords, word_classes: dict[str, tuple[str, ...]]) -> None:
    """A name made of a class noun of things and a name ("cyclone X", "groupe X", "X Group", "porte-conteneurs X")
    joins the cluster of the bare name, when the dossier names it so too; places keep their head ("la rivière X",
    "X Bridge" are not the town X)."""
    for c in list(clusters.values()):
        if c.key.startswith(("country:", "seat:", "body:")):
            continue
        for m in c.mentions:
            if m.kind != "name":
                continue
            words = m.span.text.split()
            if len(words) < 2:
                continue
            for cls_word, rest in ((words[0], " ".join(words[1:])), (words[-1], " ".join(words[:-1]))):
                labels = {nw.class_labels.get(k) for k in word_classes.get(fold(cls_word), ())}
                if not labels or not labels <= set(THING_LABELS) or not rest[:1].isupper():
                    continue
                other = clusters.get(_translit_key(rest)) or clusters.get("equipment:" + fold(rest))
                if other is not None and other.root() is not c.root():
                    _merge(c, other)
                break


def _particle_words(ctx: ResolveContext) -> frozenset[str]:
    """The name particles ("von", "van", "bin") of every language recoupe has a pack for."""
    from recoupe import lang

    return frozenset().union(*(lang.pack(code).names.particles for code in lang.known()))


def _particled_surname(c: Cluster, particles: frozenset[str]) -> bool:
    """Whether every name of a cluster is a surname with its particles only ("von der Leyen", "van Dijk")."""
    names = [m.span.text.split() for m in c.mentions if m.kind not in DESCRIBING]
    return bool(names) and all(len(w) >= 2 and all(fold(x) in particles for x in w[:-1]) and w[-1][:1].isupper()
                               for w in names)


def _word_classes(ctx: ResolveContext) -> dict[str, tuple[str, ...]]:
    """Folded class word -> its description classes, in every language of the dossier's articles."""
    from recoupe import lang

    codes = {ctx.pack.code} | {c for d in ctx.documents if (c := (d.language or "").split("-")[0].lower()) in lang.known()}
    out: dict[str, tuple[str, ...]] = dict(ctx.pack.names.description_class)
    for code in sorted(codes - {ctx.pack.code}):
        for w, cl in lang.pack(code).names.description_class.items():
            out[w] = tuple(dict.fromkeys(out.get(w, ()) + tuple(cl)))
    return out


CAPITAL = "capital"  # the description class of a country's capital city ("la capitale", "the capital")


def _capital(d: Mention, capitals: dict[str, Counter[int]], rows: list[tuple[int, int, Cluster]]) -> int | None:
    code = d.attrs.get("country")
    if code:
        named = capitals.get(code)
        if not named:
            return None
        in_article = {id(c.root()) for _, _, c in rows} & set(named)
        pool = in_article or set(named)
        best = max(pool, key=lambda i: (named[i], -i))
        return best if len(pool) == 1 or named[best] > max(named[i] for i in pool - {best}) else None
    cands = {i for named in capitals.values() for i in named}
    return _pick_salient(d, cands, rows)


def _top_label(c: Cluster, nw: NameWords | None = None) -> str:
    """An entity's type as descriptions see it: its commonest label ("country" for a country), or what the class
    nouns introducing a one-word name say it is (`_cued_label`)."""
    if c.country:
        return "country"
    lab = c.labels()
    top = lab.most_common(1)[0][0] if lab else "other"
    if top == "person" and nw is not None:
        top = _cued_label([m for m in c.mentions if m.kind not in DESCRIBING], nw) or top
    return top


def _label_fits(label: str, c: Cluster, top: str | None = None) -> bool:
    """Whether an entity may be what a description of this type describes: a place is no person, an organisation no
    place; things (equipment, storms) are often read as people or places by the recogniser."""
    top = top or _top_label(c)
    if label in ("equipment", "other"):
        return top in ("equipment", "other", "person", "place")
    return top == label or label == "organization" and top == "other"


def _propagate_names(ctx: ResolveContext, lx: Lexicon) -> dict[str, list[Mention]]:
    """Names the recogniser found somewhere in the dossier, found again wherever it missed them (a title, a heading,
    a sentence start, a name in capitals): one new mention per uncovered occurrence, of the name's usual type. A
    single word must have been recognised twice, so that a misreading is not spread."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for a in ctx.analyses:
        for m in a.mentions:
            if m.kind in ("name", "acronym") and m.label != "equipment" and not m.attrs.get("furniture") \
                    and not m.attrs.get("unrecognised"):
                counts[m.span.text][m.label] += 1
    by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for form, labels in counts.items():
        words = form.split()
        f = fold(form)
        if len(form) < 3 or not form[:1].isupper() or "\n" in form or f in lx.not_names or f in lx.nationality \
                or f in lx.country_by_name and labels.most_common(1)[0][0] != "country":
            continue
        if len(words) == 1 and sum(labels.values()) < 2:
            continue
        label = labels.most_common(1)[0][0]
        by_first[words[0]].append((form, label))
        if len(form) >= 4 and not form.isupper():
            by_first[words[0].upper()].append((form.upper(), label))
    for forms in by_first.values():
        forms.sort(key=lambda x: -len(x[0]))
    # the surnames of the people each article names in full: found alone where the recogniser missed them there ("##
    # 5. X réapparaît" in the article naming "Y X")
    surnames: dict[str, set[str]] = defaultdict(set)
    for a in ctx.analyses:
        for m in a.mentions:
            words = m.span.text.split()
            if m.kind == "name" and m.label == "person" and len(words) >= 2 and not m.attrs.get("furniture") \
                    and len(words[-1]) >= 4 and words[-1][:1].isupper() and not words[-1].isupper() \
                    and fold(words[-1]) not in lx.not_names:
                surnames[a.doc].add(words[-1])
    out: dict[str, list[Mention]] = defaultdict(list)
    texts = ctx.docs_by_id
    word = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]*")
    for a in ctx.analyses:
        doc = texts.get(a.doc)
        if doc is None or not a.mentions:
            continue
        text = doc.text
        taken = sorted((m.span.start, m.span.end) for m in a.mentions)
        starts = [s0 for s0, _ in a.sentences]
        ends = {e0 for _, e0 in taken}
        for w in _word_starts(word, text, ends):
            pos = w.start()
            if pos and (text[pos - 1].isalnum() or text[pos - 1] == "-" and pos > 1 and text[pos - 2].islower()
                        and pos - 1 not in ends):
                continue
            keys = dict.fromkeys((w.group(0), w.group(0).split("-")[0]))
            own = [(w.group(0), "person")] if w.group(0) in surnames.get(a.doc, ()) else []
            for form, label in sorted([*(f for k in keys for f in by_first.get(k, ())), *own], key=lambda f: -len(f[0])):
                end = pos + len(form)
                if not text.startswith(form, pos) or (end < len(text) and (text[end].isalnum()
                                                                          or text[end] == "-" and text[end + 1:end + 2].islower())):
                    continue
                i = bisect.bisect_left(taken, (end, -1))
                near = [(s0, e0) for s0, e0 in taken[max(0, i - 8):i + 1] if s0 < end and pos < e0]
                if near and (len(form.split()) < 3 or not all(s0 == pos and e0 < end for s0, e0 in near)):
                    break  # (a long name the recogniser cut here, "Conseil national" of a longer one, is found whole)
                sent = max(0, bisect.bisect_right(starts, pos) - 1)
                m = Mention(span=Span(a.doc, pos, end, text[pos:end]), label=label, kind="name", sentence=sent,
                            attrs={"propagated": True})
                out[a.doc].append(m)
                bisect.insort(taken, (pos, end))
                break
    return out


def _word_starts(word: re.Pattern[str], text: str, ends: set[int]) -> list[re.Match[str]]:
    """The capitalised words of a text, and the capitalised parts after a hyphen that ends a mention ("Israël-Hamas":
    "Hamas" after the country's name), where a name may start."""
    out: list[re.Match[str]] = []
    for w in word.finditer(text):
        out.append(w)
        at = w.start()
        while (h := text.find("-", at, w.end())) != -1:
            if h in ends and (sub := word.match(text, h + 1)) is not None:
                out.append(sub)
            at = h + 1
    return out


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


def _cued_label(names: list[Mention], nw: NameWords) -> str | None:
    """The one type the class nouns right before or after a one-word name give it, if no form of it has two words."""
    if any(" " in m.span.text.strip() for m in names):
        return None  # "Evguéni Prigojine": a person's full name
    kinds = {nw.class_labels.get(cl) for m in names for cue in m.attrs.get("cues", ())
             for cl in nw.description_class.get(cue, ())} - {None, "person"}
    return kinds.pop() if len(kinds) == 1 and kinds <= {"organization", "other"} else None


def _entity(c: Cluster, lx: Lexicon, nw: NameWords | None = None) -> Entity | None:
    names = [m for m in c.mentions if m.kind not in DESCRIBING]
    if not names:
        return None  # epithets alone do not make an entity
    labels = c.labels()
    etype = "country" if c.country else labels.most_common(1)[0][0]
    if etype == "person" and nw is not None and (cued := _cued_label(names, nw)):
        # a one-word name that some article introduces with a class noun ("le groupe Wagner", "le cyclone X") is
        # that kind of thing in every article, though the recogniser read it as a surname elsewhere
        etype = cued
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
    seats = Counter(lx.seat_country[fold(m.span.text)] for m in names if m.attrs.get("seat_of_power") and fold(m.span.text) in lx.seat_country)
    if seats and etype in ("organization", "place"):
        attrs["seat_of"] = seats.most_common(1)[0][0]  # "le Kremlin": placed in Moscow by geocoding
    if c.country:
        attrs["country_code"] = c.country
    roles = sorted({m.span.text for m in c.mentions if m.kind == "epithet"})
    if roles:
        attrs["epithets"] = roles
    return Entity(id=make_id("ent", key), name=name, type=etype, aliases=sorted(forms), mentions=mentions, attrs=attrs)
