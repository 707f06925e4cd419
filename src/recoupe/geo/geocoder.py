"""Geocoding: put place and country entities on the map, choosing among homonyms by the context of their mentions."""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Callable
from typing import Any, Protocol

from rapidfuzz import fuzz

from recoupe.model import Entity, Span
from recoupe.model.text import fold
from recoupe.geo.gazetteer import (ALTERNATE, INDEX_VERSION, Gazetteer, Place, name_key,
                                       open_gazetteer, skeleton)

GEO_TYPES = ("place", "country")
# entity types never geocoded, even when a category word stands before them, unless only places take their mentions
NEVER = ("person",)
READ_AS_PLACES = ("person", "organization")  # types whose names may be places by the words before them
# supplements that hold sites of a category; other categories resolve to their locality
SITE_FEATURES = {"spaceport": ("spaceport",), "seaport": ("seaport",), "airport": ("airport", "military_base"),
                 "military_base": ("military_base",)}
SITES = frozenset(f for fs in SITE_FEATURES.values() for f in fs)
# categories of sites that stand inside a town (a natural feature does not: "à 1 450 km à l'est du cap X")
TOWN_SITES = ("landmark",)
BIG_TOWN = 100_000  # people: a town this big is known by its name alone
DOMINANT = 20  # times bigger than every namesake: the name is that town's
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " ", "\u202f": " "})


class PlaceWords(Protocol):
    """The words of a language that geocoding reads around names; a language pack's `geo` supplies them (this
    package never imports one: resolution passes them in)."""

    articles: tuple[str, ...]
    categories: list[tuple[str, str]]  # (category word, category), longest word first
    region_words: tuple[str, ...]
    state_forms: tuple[str, ...]  # "Fédération de": the formal name of a state before its short name
    not_places: tuple[str, ...]
    country_names: dict[str, str]  # abbreviation or long form of a country's name -> ISO code
    near_km: dict[str, float]
    before_category: re.Pattern[str]  # "... cosmodrome de" right before a name
    before_region: re.Pattern[str]  # "... région de l'" right before a name
    name_category: re.Pattern[str]  # "gare de X" as a whole name
    name_region: re.Pattern[str]
    name_category_after: re.Pattern[str]  # "X Airport" as a whole name, in a language whose category word follows
    after_category: re.Pattern[str]  # " airport" right after a name
    name_region_after: re.Pattern[str]  # "X region" as a whole name, in a language whose region word follows
    possessive_before: re.Pattern[str]  # "Rome's " right before a site's name: its town
    after_located: re.Pattern[str]  # ", en" / "dans le" / "(" right after a name
    before_equipment: re.Pattern[str]  # "les nouveaux lanceurs " right before a name: a model, not a place
    article_before: re.Pattern[str]  # a definite article, bare or contracted, right before a name
    range_before: re.Pattern[str]  # "de X" before a name: "de X au Y" is a range
    range_after: tuple[str, ...]
    near_words: tuple[str, ...]  # "près de Y"
    town_articles: tuple[str, ...]  # "Le " of "Le Havre"
    locality_after: re.Pattern[str]  # ", à " right after a site's name: the town it stands in follows
    place_before: re.Pattern[str]  # "à " right before a name: only a place stands there
    article_town_categories: tuple[str, ...]  # site categories that stand in their article's town when none is named
    nationalities: dict[str, str]  # folded nationality adjective or noun -> ISO code
    country_names_in_english: bool  # the language's names of countries are GeoNames' English ones
    zone_before: re.Pattern[str]  # "à l'heure de " right before a town: it names a clock's time zone
    zone_after: re.Pattern[str]  # " time" right after a town ("Moscow time")
    located_before: re.Pattern[str]  # "à ", "sur ", "le nord de " right before a name: something is there

    def category_of(self, word: str) -> str: ...

    def respell(self, key: str) -> str: ...


class Lexicon:
    """A language's place words with the gazetteer keys of those it looks names up by."""

    def __init__(self, words: PlaceWords) -> None:
        self.words = words
        self.not_places = frozenset(name_key(w) for w in words.not_places)
        self.country_names = {name_key(k): v for k, v in words.country_names.items()}
        self.state_keys = tuple(name_key(f) + " " for f in words.state_forms)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.words, name)


_LEXICONS: dict[int, tuple[PlaceWords, Lexicon]] = {}


def lexicon(words: PlaceWords) -> Lexicon:
    """The keyed lexicon of these words, made once per words object."""
    got = _LEXICONS.get(id(words))
    if got is None or got[0] is not words:
        got = _LEXICONS[id(words)] = (words, Lexicon(words))
    return got[1]


@dataclass
class Query:
    """What one entity asks the gazetteer: a locality name, an optional category, and what the text says about it."""

    entity: Entity
    name: str  # the locality, stripped of articles and category words
    alts: list[str] = field(default_factory=list)  # the entity's other names, tried when `name` finds nothing
    category: str | None = None  # a site category, "region", or None for a plain place
    within: list[tuple[str, str]] = field(default_factory=list)  # (country, admin1 or "") the text puts it in
    # the same after a bare comma ("Springfield, Illinois"): a list of names ("Kyiv, Kharkiv and Odesa") reads
    # alike, so it only narrows the candidates when some of them lie there
    comma_within: list[tuple[str, str]] = field(default_factory=list)
    # places the text puts it near ("près de X"): each group holds every town X may be
    near: list[list[Place]] = field(default_factory=list)
    sentences: set[tuple[str, int]] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    # most mentions follow a definite article ("la Maison-Blanche", "le Kremlin"): French names towns
    # without one, so such a name is a country, a region or a building, not a town
    articled: bool = False
    respell: Callable[[str], str] = str  # a name key as the English transliteration spells it (PlaceWords.respell)
    localities: list[str] = field(default_factory=list)  # towns the text puts a site in ("le pont X, à Baltimore")
    from_person: bool = False  # a name the recogniser called a person, read as a place by the words before it
    lex: Lexicon | None = None  # the language its names are read in (that of most of its mentions)
    # found only as the region its name's first words name ("Lipetsk region"): placed when its article names
    # its country, never on the name alone ("the Coast Guard's First District" is no region of Yemen)
    region_by_word: bool = False
    town_word: bool = False  # named as a town by the word before it ("la ville de X", "the town of X")
    approx: bool = False  # placed at the area its articles centre on, being in no dataset
    unknown_within: bool = False  # the text puts it in a place no dataset has ("X, en Cisjordanie")


@dataclass
class Context:
    """Countries and regions named around each mention, filled as places get resolved."""

    by_sentence: dict[tuple[str, int], set[str]] = field(default_factory=lambda: defaultdict(set))
    by_doc: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    dossier: set[str] = field(default_factory=set)
    regions: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    # countries an article names only through a nationality ("un avion canadien", "les garde-côtes américains")
    adjectival: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    countries: dict[str, Place] = field(default_factory=dict)  # each placed at its capital

    def capital(self, p: Place) -> bool:
        """Whether this town is its country's capital."""
        c = self.countries.get(p.country_code)
        return p.feature == "town" and c is not None and _near(p, c, 10)

    def add(self, cc: str, sentences: set[tuple[str, int]], admin1: str | None = None) -> None:
        if not cc:
            return
        self.dossier.add(cc)
        for doc, s in sentences:
            self.by_sentence[(doc, s)].add(cc)
            self.by_doc[doc].add(cc)
            if admin1:
                self.regions[doc].add((cc, admin1))

    def support(self, q: Query, cc: str) -> int:
        """3 when a country is named in the same sentence, 2 in the same article (or its nationality is), 1 in the
        dossier, else 0."""
        if any(cc in self.by_sentence.get(s, ()) for s in q.sentences):
            return 3
        if any(cc in self.by_doc.get(d, ()) or cc in self.adjectival.get(d, ()) for d in q.docs):
            return 2
        return 1 if cc in self.dossier else 0

    def in_region(self, q: Query, p: Place) -> bool:
        return any((p.country_code, p.admin1) in self.regions.get(d, ()) for d in q.docs)


def geocode_entities(entities: list[Entity], texts: dict[str, str], sentences: dict[str, list[tuple[int, int]]],
                     gaz: Gazetteer, words: PlaceWords, doc_words: dict[str, PlaceWords] | None = None) -> None:
    """Geocode these entities in place, reading the texts around their mentions: each document in the words of its
    own language (`doc_words`, by document id), else in `words`."""
    default = lexicon(words)
    lexes = {doc: lexicon(w) for doc, w in (doc_words or {}).items()}

    def lex_of(doc: str) -> Lexicon:
        return lexes.get(doc, default)

    starts = {doc: [s for s, _ in sents] for doc, sents in sentences.items()}
    queries = [q for e in entities if (q := _query(e, texts, starts, lex_of)) is not None]
    for q in queries:
        _read_after(q, texts, gaz, lex_of)
    context = Context(countries=gaz.countries())
    for doc, text in texts.items():
        context.adjectival[doc] = _nationalities(text, lex_of(doc))
    pending: list[tuple[Query, list[Place]]] = []
    seats = [q for q in queries if q.category == SEAT]
    # sites of a category no dataset holds ("le pont X", "le cimetière Y"): read once the towns are known
    unheld = [q for q in queries if q.category not in (None, "region", SEAT) and q.category not in SITE_FEATURES]
    queries = [q for q in queries if q.category in (None, "region") or q.category in SITE_FEATURES]
    # a site of a held category ("Seagirt Marine Terminal") found only as a small town through one of its
    # alternate names ("Sea Girt") is placed once the article's towns are known: at the one the article names
    # most, when a site of that category stands there and the namesake lies elsewhere
    respelt: list[tuple[Query, Place]] = []
    # pass 1: countries, continents and towns that need no context; they become the context of the rest
    for q in queries:
        cands = _candidates(q, gaz, q.lex)
        sure = _sure(q, cands)
        if sure is not None and _respelt_site(q, sure):
            respelt.append((q, sure))
        elif sure is not None:
            _resolve(q, sure, context, gaz, q.lex)
        else:
            pending.append((q, cands))
    # passes 2 and 3: the rest, with the countries and places resolved so far as context
    for _ in range(2):
        still = []
        for q, cands in pending:
            choice = _choose(q, cands, context)
            if choice is not None and _respelt_site(q, choice):
                respelt.append((q, choice))
            elif choice is not None:
                _resolve(q, choice, context, gaz, q.lex)
            else:
                still.append((q, cands))
        if len(still) == len(pending):
            break
        pending = still
    # a seat of power ("le Kremlin", "l'Élysée") stands in its country's capital: placed first, the building is
    # one of the places its article centres on
    for q in seats:
        country = gaz.countries().get(q.entity.attrs.get("seat_of") or "")
        if country is not None:
            # the country is placed at its capital: the town there names the locality
            near = gaz.sites_near("town", country.lat, country.lon, 5)
            name = max(near, key=lambda h: h[1].population)[1].name if near else country.name
            _resolve(q, dataclasses.replace(country, feature="town", name=name), context, gaz, q.lex)
    # sites no dataset has ("le pont X", "le cimetière Y", "la gare de Z"): placed at the town their name gives,
    # unless the text puts them in another ("le pont X, à Baltimore"), else at the area their articles' places
    # centre on, marked site-approx; never at a namesake far from where the text puts them
    towns = _article_towns(entities, texts, lex_of)
    local = _local_mentions(towns, texts, lex_of)
    for q, choice in respelt:
        hint = _locality(q, gaz, context, towns, q.lex, article_town=True)
        km = q.lex.near_km.get(q.category or "", 0.0)
        if (hint is not None and not _near(choice, hint, 50)
                and any(gaz.sites_near(f, hint.lat, hint.lon, km) for f in SITE_FEATURES[q.category or ""])):
            choice = hint
        _resolve(q, choice, context, gaz, q.lex)
    still = []
    for q in unheld:
        cands = _candidates(q, gaz, q.lex)
        choice = _sure(q, cands) or _choose(q, cands, context)
        if choice is not None and choice.feature in ("country", "continent"):
            choice = None  # "l'ambassade de Chine": the country whose site it is, not where it stands
        hint = _locality(q, gaz, context, towns, q.lex)
        if hint is None and choice is None and q.category in TOWN_SITES and not q.unknown_within:
            # no area its articles centre on: the local place its sentence names before it ("À Belgrade, ...
            # le bombardement de l'ambassade de X")
            hint = _sentence_place(q, local, starts)
        if hint is not None and (choice is None or not _near(choice, hint, 50)):
            choice = hint
        if choice is not None:
            _resolve(q, choice, context, gaz, q.lex)
        else:
            still.append((q, cands))
    for q, cands in pending:
        if q.category and q.category not in (None, "region") and (p := _locality(q, gaz, context, towns, q.lex)) is not None:
            _resolve(q, p, context, gaz, q.lex)
        else:
            still.append((q, cands))
    # the sites placed so far are places of their articles too ("the Elysee Palace" for a name beside it)
    towns = _article_towns(entities, texts, lex_of)
    local = _local_mentions(towns, texts, lex_of)
    for q, cands in still:
        if (q.entity.type == "place" and q.category is None and not q.from_person and _reads_as_locality(q, texts, lex_of)
                and not any(_plausible(q, p, _score(q, p, context)[1]) for p in cands)
                and (hint := _locality(q, gaz, context, towns, q.lex, article_town=True)) is not None
                and _named_nearby(q, hint, local)):
            # a place no dataset has, nor any namesake the text admits ("à Kawéni", a village under 500
            # inhabitants): at the area its articles centre on, when a place of that area is named near it,
            # marked site-approx, rather than off the map
            q.approx = True
            _resolve(q, hint, context, gaz, q.lex)
        else:
            _unresolved(q, cands, context)


# --- reading the entity and its mentions ---------------------------------------------------------


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _nationalities(text: str, lex: Lexicon) -> set[str]:
    """The countries a text names through a nationality adjective or noun ("le navire canadien", "un Russe")."""
    nat = getattr(lex.words, "nationalities", None) or {}
    return {cc for w in set(_WORD.findall(text)) if (cc := nat.get(fold(w)))}


def _strip_article(name: str, lex: Lexicon) -> str:
    low = name.lower()
    for a in lex.articles:
        if a.endswith("'") and low.startswith(a):
            return name[len(a):].lstrip()
        if low.startswith(a + " "):
            return name[len(a) + 1:].lstrip()
    return name


def _parse_name(text: str, lex: Lexicon) -> tuple[str, str | None]:
    """A name's locality and the category its words give: "la gare de X" -> ("X", "rail_station")."""
    name = _strip_article(text.translate(_APOS).strip(), lex)
    if name_key(name).startswith(lex.state_keys):
        return name, None  # "République de X" names a country, not a region
    if m := lex.name_category.match(name):
        return _strip_article(name[m.end():], lex), lex.category_of(m.group(1))
    if m := lex.name_region.match(name):
        return _strip_article(name[m.end():], lex), "region"
    if (m := lex.name_category_after.search(name)) and any(c.isupper() for c in name[:m.start()]):
        if lex.category_of(m.group(1)) == TOWN:
            return name, None  # "Mexico City", "Gaza City": a town's own name
        return name[:m.start()].strip(), lex.category_of(m.group(1))
    return name, None


def _usable(name: str, lex: Lexicon) -> bool:
    return any(c.isupper() for c in name) and name_key(name) not in lex.not_places


def _query(e: Entity, texts: dict[str, str], starts: dict[str, list[int]], lex_of: Callable[[str], Lexicon]) -> Query | None:
    # the entity's names are read in the language most of its mentions are in; each mention's context in its own
    by_id = {id(lx): lx for lx in (lex_of(sp.doc) for sp in e.mentions)}
    langs = Counter(id(lex_of(sp.doc)) for sp in e.mentions)
    lex = by_id[langs.most_common(1)[0][0]] if langs else lex_of("")
    if e.type in ("place", "organization") and e.attrs.get("seat_of"):
        # a seat of power: the building ("au Kremlin"), or the government it stands for ("le Kremlin a dit"),
        # which sits there; either is placed in its country's capital, the government staying an organisation
        return Query(entity=e, name=e.name, category=SEAT, docs={sp.doc for sp in e.mentions}, lex=lex)
    from_person = e.type in READ_AS_PLACES and _reads_as_place(e, texts, lex_of)
    if e.type in NEVER and not from_person:
        return None
    if e.type in GEO_TYPES and _names_equipment(e, texts, lex_of):
        # "les lanceurs Ariane": a model named like a place (or not), never put on the map
        e.type = "equipment"
        e.attrs["geo_status"] = "not a place"
        return None
    name, category = _parse_name(e.name, lex)
    # other names the entity goes by: tried when its canonical (fullest) name finds nothing
    alts: list[str] = []
    for alias in e.aliases:
        alt, alt_cat = _parse_name(alias, lex)
        category = category or alt_cat
        if _usable(alt, lex) and name_key(alt) != name_key(name) and name_key(alt) not in map(name_key, alts):
            alts.append(alt)
    if category is None:
        # a category word right before most mentions ("le cosmodrome de X", "la région de l'X") names what X is
        votes: dict[str, int] = defaultdict(int)
        for sp in e.mentions:
            before = texts.get(sp.doc, "")[max(0, sp.start - 60):sp.start].translate(_APOS)
            after = texts.get(sp.doc, "")[sp.end:sp.end + 40]
            ml = lex_of(sp.doc)
            if mc := ml.before_category.search(before):
                votes[ml.category_of(mc.group(1))] += 1
            elif mc := ml.after_category.match(after):
                votes[ml.category_of(mc.group(1))] += 1
            elif ml.before_region.search(before) or (
                    (listed := getattr(ml.words, "before_region_list", None)) is not None and listed.search(before)):
                votes["region"] += 1
        if votes:
            best = max(votes, key=lambda c: votes[c])
            if 2 * votes[best] >= len(e.mentions):
                category = best
    # "la ville de X", "the town of X": a town, whatever type the recogniser gave the name
    town_word = category == TOWN
    if town_word:
        category = None
    if e.type not in GEO_TYPES and category in (None, "region") and not from_person and not town_word:
        return None
    if not _usable(name, lex):
        if not alts:
            return None
        name, alts = alts[0], alts[1:]
    if any(_OWN_S.match(texts.get(sp.doc, ""), sp.end) for sp in e.mentions):
        # "in St. John's;": an 's that no noun follows is no possessive but the end of the name, tried first
        name, alts = name + "'s", [name, *alts]
    q = Query(entity=e, name=name, category=category, alts=alts, respell=lex.respell, from_person=from_person, lex=lex,
              town_word=town_word)
    arts = sum(1 for sp in e.mentions if lex_of(sp.doc).article_before.search(texts.get(sp.doc, "")[max(0, sp.start - 6):sp.start]
                                                                .translate(_APOS)))
    q.articled = category is None and 2 * arts > len(e.mentions)
    for sp in e.mentions:
        q.docs.add(sp.doc)
        st = starts.get(sp.doc)
        if st:
            q.sentences.add((sp.doc, max(0, bisect.bisect_right(st, sp.start) - 1)))
    return q


SEAT = "seat_of_power"
TOWN = "town"  # the category of the words that name a town as such ("la ville de", "the town of")
# an 's right after a name with no word after it ("St. John's;", "St. John's."): part of the name
_OWN_S = re.compile(r"['’]s(?=\s*(?:[;:,.!?)\]]|$))")


def _reads_as_place(e: Entity, texts: dict[str, str], lex_of: Callable[[str], Lexicon]) -> bool:
    """A name the recogniser called a person that only places take: no epithet or title ever named it, and most of
    its mentions follow a preposition of place ("à Sderot", "près d'Ofakim")."""
    if e.attrs.get("epithets") or any(len(a.split()) > 3 for a in e.aliases):
        return False
    hits = sum(1 for sp in e.mentions
               if lex_of(sp.doc).place_before.search(texts.get(sp.doc, "")[max(0, sp.start - 30):sp.start].translate(_APOS)))
    return hits > 0 and 3 * hits >= len(e.mentions)


# what an article's places may centre on: towns, sites (a site placed at its town stands for that town) and
# second-level regions (départements, counties: small enough to stand for where a site of theirs is)
LOCAL_PRECISIONS = ("town", "site", "site-approx")
CLUSTER_KM = 30.0  # places this close together are one area of the article


def _article_towns(entities: list[Entity], texts: dict[str, str],
                   lex_of: Callable[[str], Lexicon]) -> dict[str, list[tuple[int, Entity]]]:
    """Per article, the local places it names (resolved), most mentioned first: where a site of that article may
    stand. A town named for a clock's time zone ("à l'heure de Paris") is not counted there."""
    out: dict[str, dict[str, tuple[int, Entity]]] = defaultdict(dict)
    for e in entities:
        local = e.attrs.get("precision") in LOCAL_PRECISIONS or (
            e.attrs.get("precision") == "region" and str((e.geo or {}).get("source", "")).startswith("geonames-admin2:"))
        if not local or not e.geo or e.type != "place" or e.attrs.get("category") == "region":
            continue  # a government named by its seat ("le Kremlin a dit") is no place of the article
        counts: dict[str, int] = defaultdict(int)
        for sp in e.mentions:
            if not _names_zone(sp, texts.get(sp.doc, ""), lex_of(sp.doc)):
                counts[sp.doc] += 1
        for doc, n in counts.items():
            out[doc][e.id] = (n, e)
    return {doc: sorted(v.values(), key=lambda x: (-x[0], x[1].name)) for doc, v in out.items()}


@lru_cache(maxsize=1 << 16)
def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from recoupe.geo.distance import distance_km

    return distance_km(lat1, lon1, lat2, lon2)


def _names_zone(sp: Span, text: str, lex: Lexicon) -> bool:
    """Whether this mention names a clock's time zone ("à l'heure de Paris", "Moscow time")."""
    zb, za = getattr(lex.words, "zone_before", None), getattr(lex.words, "zone_after", None)
    return bool((zb is not None and zb.search(text, max(0, sp.start - 16), sp.start))
                or (za is not None and za.match(text, sp.end)))


def _focus(ranked: list[tuple[int, Entity]]) -> tuple[int, Place] | None:
    """The area an article's local places centre on: the place with the most mentions of places within CLUSTER_KM
    of it (its own included), when that is two or more and at least twice those of any place beyond; returned with
    that count."""
    distance_km = _distance_km  # memoised: every article of a story names the same places (a geodesic is ~0.1 ms)
    pts = [(n, e, float(e.geo["lat"]), float(e.geo["lon"])) for n, e in ranked if e.geo]
    if not pts:
        return None

    def support(la: float, lo: float) -> int:
        return sum(n for n, _, la2, lo2 in pts if distance_km(la, lo, la2, lo2) <= CLUSTER_KM)

    scored = sorted(((support(la, lo), n, e.name, e, la, lo) for n, e, la, lo in pts), key=lambda x: (-x[0], -x[1], x[2]))
    best, _, _, e, la, lo = scored[0]
    rival = max((sup for sup, _, _, _, la2, lo2 in scored if distance_km(la, lo, la2, lo2) > CLUSTER_KM), default=0)
    if best < 2 or best < 2 * rival:
        return None
    return best, _point(e)


def _reads_as_locality(q: Query, texts: dict[str, str], lex_of: Callable[[str], Lexicon]) -> bool:
    """Whether a name no dataset has reads as a locality: a capitalised name (not a heading in capitals, not a
    nationality, no figure, no compass word: "Atlantique Nord" is a sea) that a third of its mentions or more put
    something at ("à X", "sur X", "le nord de X"). A name after "selon" or "par" is a source, one after "de" anything."""
    name = q.name
    words = re.findall(r"[\w']+", name)
    if (not name[:1].isupper() or name.isupper() or any(c.isdigit() for c in name) or q.entity.attrs.get("epithets")
            or fold(name) in (q.lex.nationalities if q.lex else {})
            or any(name_key(w) in (q.lex.not_places if q.lex else ()) for w in words)):
        return False
    hits = 0
    for sp in q.entity.mentions:
        pat = getattr(lex_of(sp.doc).words, "located_before", None)
        if pat is not None and pat.search(texts.get(sp.doc, "")[max(0, sp.start - 30):sp.start].translate(_APOS)):
            hits += 1
    return hits > 0 and 3 * hits >= len(q.entity.mentions)  # "appartenaient au Titan" once in twenty: a vessel


NEARBY_CHARS = 300  # a place of the area named this close to a mention: the text is there


def _local_mentions(towns: dict[str, list[tuple[int, Entity]]], texts: dict[str, str],
                    lex_of: Callable[[str], Lexicon]) -> dict[str, list[tuple[int, Entity]]]:
    """Per article, where each of its local places is named (not for a clock's time zone): (offset, entity)."""
    by_doc: dict[int, dict[str, list[Span]]] = {}  # each entity's mentions by article, made once (not per article)
    for ranked in towns.values():
        for _, e in ranked:
            if id(e) not in by_doc:
                grouped: dict[str, list[Span]] = defaultdict(list)
                for sp in e.mentions:
                    grouped[sp.doc].append(sp)
                by_doc[id(e)] = grouped
    return {doc: sorted(((sp.start, e) for _, e in ranked for sp in by_doc[id(e)].get(doc, ())
                         if not _names_zone(sp, texts.get(doc, ""), lex_of(doc))),
                        key=lambda x: (x[0], x[1].id))
            for doc, ranked in towns.items()}


def _sentence_place(q: Query, local: dict[str, list[tuple[int, Entity]]], starts: dict[str, list[int]]) -> Place | None:
    """The local place named last before one of the entity's mentions in the same sentence, nearest first."""
    near = []
    for sp in q.entity.mentions:
        st = starts.get(sp.doc) or [0]
        s0 = st[max(0, bisect.bisect_right(st, sp.start) - 1)]
        near += [(sp.start - start, start, e) for start, e in local.get(sp.doc, [])
                 if e is not q.entity and s0 <= start < sp.start]
    if not near:
        return None
    return _point(min(near, key=lambda x: (x[0], x[1]))[2])


def _named_nearby(q: Query, area: Place, local: dict[str, list[tuple[int, Entity]]]) -> bool:
    """Whether a place of this area is named within NEARBY_CHARS of one of the entity's mentions: the area an
    article centres on is not where every name of it lies ("au large de X" in an article about a town elsewhere)."""
    return any(e is not q.entity and e.geo and abs(start - sp.start) <= NEARBY_CHARS and _near(area, _point(e), CLUSTER_KM)
               for sp in q.entity.mentions for start, e in local.get(sp.doc, []))


def _point(e: Entity) -> Place:
    """Where a resolved entity is, as a town named after its locality (a site placed at its town: that town)."""
    geo = e.geo or {}
    return Place(source=str(geo.get("source")), name=str(e.attrs.get("locality") or e.attrs.get("geo_name") or e.name),
                 lat=float(geo["lat"]), lon=float(geo["lon"]), country_code=str(e.attrs.get("country_code") or ""),
                 population=0, feature="town")


def _respelt_site(q: Query, p: Place) -> bool:
    """Whether a site of a category a dataset holds was found only as a small town, by one of its alternate names
    or a respelling of its name."""
    return (q.category in SITE_FEATURES and p.feature == "town" and p.population < BIG_TOWN
            and (p.match != "exact" or p.alias_kind == ALTERNATE))


def _locality(q: Query, gaz: Gazetteer, context: Context, towns: dict[str, list[tuple[int, Entity]]],
              lex: Lexicon, article_town: bool = False) -> Place | None:
    """The town a site stands in: the one the text names after it ("X, à Baltimore"), else the one its article
    names most (and clearly more than any other), in the country the text puts the site in if it says; the
    article's town only for categories that stand in one, or when `article_town`."""
    article_town = article_town or q.category in lex.article_town_categories
    if not article_town and not q.localities:
        return None
    for name in q.localities:
        cands = [p for p in gaz.lookup(name, features=("town",), fuzzy=False) if _fits(q, p)]
        if cands:
            scored = sorted(((*_score(q, p, context), p) for p in cands), key=lambda x: -x[0])
            if _plausible(q, scored[0][2], scored[0][1]):
                return scored[0][2]
    if not article_town or q.unknown_within:
        return None
    # each article the site is named in votes for the area its places centre on, by the site's mentions there
    per_doc = Counter(sp.doc for sp in q.entity.mentions)
    votes: list[tuple[int, Place]] = []
    for doc in sorted(q.docs):
        ranked = [(n, e) for n, e in towns.get(doc, []) if not q.within or e.attrs.get("country_code") in {c for c, _ in q.within}]
        if (got := _focus(ranked)) is not None:
            votes.append((per_doc[doc], got[1]))
    groups = [(sum(n for n, p in votes if _near(p, f, CLUSTER_KM)), i, f) for i, (_, f) in enumerate(votes)]
    if not groups:
        return None
    best, _, place = max(groups, key=lambda g: (g[0], -g[1]))
    return place if 2 * best > sum(n for n, _ in votes) else None


def _names_equipment(e: Entity, texts: dict[str, str], lex_of: Callable[[str], Lexicon]) -> bool:
    """Whether most mentions follow an equipment noun ("les lanceurs X", "le sous-marin X")."""
    hits = sum(1 for sp in e.mentions
               if lex_of(sp.doc).before_equipment.search(texts.get(sp.doc, "")[max(0, sp.start - 60):sp.start].translate(_APOS)))
    return hits > 0 and 2 * hits >= len(e.mentions)


def _read_after(q: Query, texts: dict[str, str], gaz: Gazetteer, lex_of: Callable[[str], Lexicon]) -> None:
    """What the words right after a mention say: "X en Russie", "X (Chine)", "X dans le kraï de Y", "X, près de Y"."""
    for sp in q.entity.mentions:
        lex = lex_of(sp.doc)
        after = texts.get(sp.doc, "")[sp.end:sp.end + 80].translate(_APOS)
        if q.category and (own := lex.possessive_before.search(texts.get(sp.doc, "")[max(0, sp.start - 40):sp.start])):
            q.localities.append(own.group(1))
        if (loc := lex.locality_after.match(after)):  # read for sites, and for names no dataset has
            town = re.match(r"[\w'-]+(?:\s+[A-ZÀ-Þ][\w'-]+){0,2}", after[loc.end():])
            if town:
                q.localities.append(town.group(0))
        m = lex.after_located.match(after)
        if not m:
            continue
        before = texts.get(sp.doc, "")[max(0, sp.start - 12):sp.start].translate(_APOS).lower()
        prep = m.group(0).strip(" ,(").lower()
        if (prep in lex.range_after and "," not in m.group(0) and lex.range_before.search(before)):
            continue  # "de X au Y", "de X en Y": a range from X to Y, not X inside Y
        near = any(w in m.group(0).lower() for w in lex.near_words)
        rest = after[m.end():]
        region = lex.name_region.match(rest)
        words = re.findall(r"[\w'-]+", _strip_article(rest[region.end():] if region else rest, lex))[:5]
        if (words and words[0][:1].isupper() and m.group(0).strip() != "," and not near
                and not any(gaz.lookup(" ".join(words[:n]), fuzzy=False) for n in range(len(words), 0, -1))):
            # "la prison X, en Cisjordanie": the text puts it in a place the gazetteer does not know, so not
            # at the area its article centres on
            q.unknown_within = True
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            if not phrase[:1].isupper():
                continue
            found = gaz.lookup(phrase, features=("country", "region") if not region else ("town", "region"),
                               fuzzy=False)
            if not found and near:
                found = [p for p in gaz.lookup(phrase, features=("town",), fuzzy=False) if p.population >= 1_000]
                if found:
                    q.near.append(found)
                    break
            if not found:
                continue
            top = max(found, key=lambda p: p.population)
            into = q.comma_within if m.group(0).strip() == "," else q.within
            if top.feature == "country":
                into.append((top.country_code, ""))
            elif region or top.feature == "region":
                into.append((top.country_code, top.admin1))
            break


# --- candidates and choices ---------------------------------------------------------------------


def _in_comma_region(q: Query, p: Place) -> bool:
    return any(p.country_code == cc and (not admin1 or p.feature != "town" or p.admin1 == admin1)
               for cc, admin1 in q.comma_within)


def _candidates(q: Query, gaz: Gazetteer, lex: Lexicon) -> list[Place]:
    for name in [q.name, *q.alts]:
        if found := _candidates_for(q, name, gaz, lex):
            # "Springfield, Illinois": the ones in the region after the comma, when there are any
            return [p for p in found if _in_comma_region(q, p)] or found
    if q.category is None:
        # "Lipetsk region", "Kherson Oblast": a name that finds nothing whole (as "Czech Republic" does) and ends
        # in a region word, in a language that puts it after the name, is the region its first words name
        for name in [q.name, *q.alts]:
            m = getattr(lex.words, "name_region_after", None)
            m = m.search(name) if m is not None else None
            if m and any(c.isupper() for c in name[:m.start()]):
                found = [p for p in gaz.lookup(name[:m.start()].strip(), features=("region",), fuzzy=False)
                         if _fits(q, p)]
                if found:
                    q.region_by_word = True
                    return found
    return []


def _candidates_for(q: Query, name: str, gaz: Gazetteer, lex: Lexicon) -> list[Place]:
    key = name_key(name)
    found: list[Place] = []
    features = SITE_FEATURES.get(q.category or "")
    if features:
        found = gaz.lookup(name, features=features)
    if not found and key in lex.country_names:
        country = gaz.countries().get(lex.country_names[key])
        found = [dataclasses.replace(country, french=True)] if country else []
    if not found:
        found = gaz.lookup(name, features=("country",), fuzzy=False)
        if found and not any(p.french for p in found) and not getattr(lex.words, "country_names_in_english", False):
            # a country's English name that is also a big town's name is the town in French ("Mexico"); not in
            # a language whose names of countries are the English ones ("Grenada" is no Granada)
            towns = [p for p in gaz.lookup(name, features=("town",), fuzzy=False) if p.population >= BIG_TOWN]
            found = towns or found
        if not found:
            for form, fkey in zip(lex.state_forms, lex.state_keys):  # "Fédération de Russie" -> "Russie"
                if key.startswith(fkey):
                    rest = _strip_article(name[len(form):].strip(), lex)
                    # "l'État de Floride", "la république de Bachkirie": a federation's state, when no country
                    found = (gaz.lookup(rest, features=("country",), fuzzy=False)
                             or [p for p in gaz.lookup(rest, features=("region",), fuzzy=False) if p.match == "exact"])
                    break
    if not found and q.articled:
        # "au Mans", "du Havre", "le Caire": a town takes an article only when its name has one
        for art in lex.town_articles:
            found += [dataclasses.replace(p, articled=True)
                      for p in gaz.lookup(art + name, features=("town",), fuzzy=False)]
    if not found:
        feats: tuple[str, ...] = (("town",) if q.category not in (None, "region") or q.town_word
                                  else ("town", "region", "continent"))
        found = gaz.lookup(name, features=feats)
        if q.category is None and not any(p.match == "exact" for p in found):
            found = _town_and_site(name, gaz) or found
    found = [p for p in found if _fits(q, p)]
    if q.category == "region" and any(p.feature == "region" for p in found):
        found = [p for p in found if p.feature == "region"]  # "le kraï de X": the region, not its capital
    elif q.category is None:
        # a bare name shared by a region and a town inside it is the town ("Kherson"), and so is one shared by a
        # region and a big city of its country ("Kiev"); French names the region as such ("la région de Kherson").
        # Only a town the region shares its name with counts (not "X City" beside the region X), and only one the
        # text admits
        towns = {(p.country_code, p.admin1, name_key(p.name)) for p in found if p.feature == "town"}
        cities = {p.country_code for p in found if p.feature == "town" and p.population >= 500_000}
        found = [p for p in found if p.feature != "region" or ((p.country_code, p.admin1, name_key(p.name)) not in towns
                                                               and p.country_code not in cities)]
    return found


def _town_and_site(name: str, gaz: Gazetteer) -> list[Place]:
    """A site named after its town, then by its own name ("Town-Name" for an airport, as French names them): the
    site of the second part, by its exact name, when a town of the first part lies within 50 km of it. Never a
    bare town of either part."""
    parts = name.split("-")
    for i in range(1, len(parts)):
        head, tail = "-".join(parts[:i]), "-".join(parts[i:])
        if len(name_key(head)) < 3 or len(name_key(tail)) < 4:
            continue
        sites = [p for p in gaz.lookup(tail, features=tuple(SITES), fuzzy=False) if p.match == "exact"]
        if not sites:
            continue
        towns = gaz.lookup(head, features=("town",), fuzzy=False)
        if near := [p for p in sites if any(_near(p, t, 50) for t in towns)]:
            return near
    return []


def _fits(q: Query, p: Place) -> bool:
    """Whether a candidate agrees with where the text says the place is."""
    distance_km = _distance_km
    if p.feature in ("country", "continent", "region"):
        return True  # "X en Y" places towns and sites; a country is not inside another
    if q.articled and p.feature == "town" and not p.articled:
        return False
    # in one of the countries the text puts it in (its mentions may name several, one of them read wrongly:
    # "X, dans le Maryland" and "l'heure de X (Paris)"), and in that country's region when the text names one
    if q.within and p.country_code not in {cc for cc, _ in q.within}:
        return False
    for cc, admin1 in q.within:
        if p.country_code == cc and admin1 and p.feature == "town" and p.admin1 != admin1:
            return False
    return all(any(distance_km(p.lat, p.lon, n.lat, n.lon) <= 150 for n in group) for group in q.near)


def _sure(q: Query, cands: list[Place]) -> Place | None:
    """A choice that needs no context: a country or continent by name, a site by name, or a big town with no rival."""
    if not cands or q.from_person or q.region_by_word:
        return None
    if len(cands) == 1 and cands[0].feature in ("country", "continent", "region", "spaceport") and cands[0].match == "exact":
        return cands[0]
    top = max(cands, key=lambda p: p.population)
    rivals = [p for p in cands if p is not top and p.feature == top.feature]
    # a town found through another language's spelling of its name ("Zagrab" for Zagreb) waits for context:
    # its country must be named somewhere in the dossier (see _plausible)
    if (top.feature == "town" and top.match == "exact" and not _respelling(q, top) and top.population >= BIG_TOWN
            and all(p.population * DOMINANT < top.population for p in rivals)):
        return top
    return None


def _respelling(q: Query, p: Place) -> bool:
    """Whether the name matched only one of the place's alternate names, and one that merely respells its own
    name ("Zagrab" for Zagreb): another language's form, as likely a namesake's as this place's.
    A distinct exonym ("Pékin" for Beijing) is not a respelling; French names (CLDR's) never count as one."""
    if p.alias_kind != ALTERNATE:
        return False
    own = skeleton(name_key(p.name))
    for n in (q.name, *q.alts):
        key = name_key(n)
        # French transliteration that our rules map onto the place's name ("Koursk" -> Kursk) is French
        if 75 <= fuzz.ratio(skeleton(key), own) < 100 and skeleton(q.respell(key)) != own:
            return True
    return False


def _score(q: Query, p: Place, context: Context) -> tuple[float, int]:
    # where the text itself puts the place ("X, en France", "X, près de Y") is the strongest context
    support = (3 if any(p.country_code == cc for cc, _ in q.within) or q.near or _in_comma_region(q, p)
               else context.support(q, p.country_code))
    score = math.log10(p.population + 10) + 1.5 * support
    if context.in_region(q, p):
        score += 2.0
    score -= {"exact": 0.0, "variant": 0.5, "fuzzy": 1.5}[p.match]
    if p.feature in SITES:
        score += 3.0  # a site of the category the text names beats a town of the same name
    if p.match == "exact" and support and context.capital(p):
        # a bare "Washington" is the capital, not one of the towns named after it, once the dossier names its country
        score += 1.0
    return score, support


def _plausible(q: Query, p: Place, support: int) -> bool:
    """Enough evidence to put a name there: size, or countries named around it, more for loose spellings."""
    if q.from_person and p.feature not in SITES and (p.feature != "town" or support < 2 or p.match == "fuzzy"):
        # a name read as a person by the recogniser: a town of a country its article names, or a site of the
        # category its words give ("at Nikola Tesla airport")
        return False
    if q.region_by_word and support < 2:
        return False
    if p.feature in ("country", "continent", "region") or p.feature in SITES:
        return p.match != "fuzzy" or support >= 2
    if p.match == "exact":
        # a respelling of a town's name, in a country the dossier never names: not enough for the map
        if support == 0 and _respelling(q, p):
            return False
        return p.population >= BIG_TOWN or support >= 2
    if p.match == "variant":
        # a respelling must land in a country the same article names, never in one named only elsewhere
        return support >= 2
    return support >= 3 and p.score >= 93 and p.population >= 1_000


def _choose(q: Query, cands: list[Place], context: Context) -> Place | None:
    if not cands:
        return None
    scored = sorted(((*_score(q, p, context), p) for p in cands), key=lambda x: -x[0])
    best_score, support, best = scored[0]
    if (big := _prominent(q, best, support, scored)) is not None:
        return big
    if not _plausible(q, best, support):
        return None
    if len(scored) > 1 and best_score - scored[1][0] < 1.0 and not _same_place(best, scored[1][2]):
        return None
    return best


def _prominent(q: Query, best: Place, support: int, scored: list[tuple[float, int, Place]]) -> Place | None:
    """A big town twenty times bigger than the small namesake that context alone prefers: a city of half a million
    is not lost to a village named after it because the village's country is named elsewhere in the article (the
    rule `_sure` applies without context). Not when the text puts the place in that country or near a town, or names
    the country in the same sentence (support 3). Else None."""
    if best.feature != "town" or support >= 3 or q.within or q.near:
        return None
    towns = [(sup, p) for _, sup, p in scored if p.feature == "town"]
    big_support, big = max(towns, key=lambda c: c[1].population)
    if (big.match != "exact" or big.population < BIG_TOWN or big.population < DOMINANT * best.population
            or _same_place(big, best) or _respelling(q, big)):
        return None
    return big if _plausible(q, big, big_support) else None


def _near(a: Place, b: Place, km: float) -> bool:
    return _distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def _same_place(a: Place, b: Place) -> bool:
    from recoupe.geo.distance import distance_km

    return distance_km(a.lat, a.lon, b.lat, b.lon) < 10


# --- writing the result -------------------------------------------------------------------------


def _precision(q: Query, p: Place) -> str:
    if q.category == SEAT or q.approx:
        return SITE_APPROX
    if p.feature == "country":
        return "country"
    if p.feature in ("continent", "region") or q.category == "region":
        return "region"
    if p.feature in SITES:
        return "site"
    if q.category:
        return SITE_APPROX  # "la gare de X", "le cimetière Y": the site is in no dataset, its town is
    return "town"


SITE_APPROX = "site-approx"


def _resolve(q: Query, p: Place, context: Context, gaz: Gazetteer, lex: Lexicon) -> None:
    e = q.entity
    site = p
    features = SITE_FEATURES.get(q.category or "")
    if features and p.feature == "town":
        # "le port de X": the port of that category nearest to the town X, when there is one close by
        km = lex.near_km.get(q.category or "", 0.0)  # categories too varied to snap (bases) are not listed
        near = sorted((hit for f in features for hit in gaz.sites_near(f, p.lat, p.lon, km)), key=lambda h: h[0])
        if near:
            site = near[0][1]
    e.geo = {"lat": round(site.lat, 5), "lon": round(site.lon, 5), "source": site.source}
    e.attrs["country_code"] = site.country_code or None
    e.attrs["precision"] = _precision(q, site)
    e.attrs["geo_status"] = "resolved"
    e.attrs["geo_match"] = p.match
    e.attrs["geo_name"] = site.name
    if q.category and q.category != SEAT:
        e.attrs["category"] = q.category
    if e.attrs["precision"] == SITE_APPROX:
        e.attrs["locality"] = site.name
    e.attrs.pop("candidates", None)
    if q.category == SEAT:
        return  # a seat of power stays the organisation it names, placed where it sits
    if p.feature == "country" and e.type == "place":
        e.type = "country"
    elif e.type not in GEO_TYPES:
        e.type = "place"  # a named site ("le cosmodrome de X") or a town the recogniser filed as a thing or a person
    context.add(p.country_code, q.sentences, p.admin1 if q.category == "region" or p.feature == "region" else None)


def _unresolved(q: Query, cands: list[Place], context: Context) -> None:
    e = q.entity
    if e.type not in GEO_TYPES:
        return  # only a site that was found turns a thing (or a person) into a place
    e.geo = None
    if q.category:
        e.attrs["category"] = q.category
    ranked = sorted(cands, key=lambda p: -_score(q, p, context)[0])[:5]
    plausible = [p for p in ranked if _plausible(q, p, _score(q, p, context)[1])]
    e.attrs["geo_status"] = "ambiguous" if len(plausible) > 1 else "unresolved"
    if ranked:
        e.attrs["candidates"] = [p.to_dict() for p in ranked]
