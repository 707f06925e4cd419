"""The `names` component: mentions of people, organisations, places, countries and equipment.

spaCy's recogniser gives the proper names; this component cleans them (edges, leading articles, photo
credits, glued names), types them with general lexicons (countries, seats of power, organisation words),
and adds what the recogniser misses: epithets and titles ("le président russe", "son ministre de la
Défense") with the appositions that teach who they are, acronyms with their expansion, and equipment.
"""

from __future__ import annotations

from collections.abc import Callable

import bisect
import re
from functools import lru_cache
from typing import Any

from recoupe.analyze.registry import Context, component
from recoupe.lang.fr.lexicon import Lexicon
from recoupe.lang.fr.names import NameWords, plural_pattern as _plural_pattern, unaccent as _unaccent
from recoupe.model.text import fold
from recoupe.model import Mention, Span

# the recognisers' label schemes (WikiNER for the French model, OntoNotes for the English one) -> recoupe's labels;
# OntoNotes' NORP (nationalities), dates, numbers and titles of works are not names of entities
LABELS = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "other",
          "PERSON": "person", "GPE": "place", "FAC": "place", "PRODUCT": "other"}
_STRIP = " \t\n,;:.!?«»\"'“”‘’()[]{}-–—*#"
_CAP = r"[A-ZÀ-ÖØ-Þ]"
_BREAK = re.compile(r"\n|\s[|¦]\s")
_OPENERS = "\n.!?:;|–—-\"«“([#*"  # what ends the text before a sentence's or a heading's first word
_CREDIT_SEP = re.compile(r"(\s+[/-]\s+|,\s+|\s+/|/\s+)")


def clean_span(text: str, start: int, end: int, leading_det: re.Pattern[str]) -> tuple[int, int]:
    """Trim punctuation and spaces that the recogniser sometimes includes at a span's edges, and a leading article
    (`leading_det`, the language's) before a capitalised name."""
    start, end = _strip_edges(text, start, end)
    if _BREAK.search(text, start, end):
        # a name never runs over a line break or a rubric bar ("Kuzhenkino\n\nAnalysis", "WORLD | Middle"): the
        # recogniser glued a heading to the line next to it; the longest piece is the name
        cuts = [start, *(x for m in _BREAK.finditer(text, start, end) for x in m.span()), end]
        pieces = list(zip(cuts[::2], cuts[1::2]))
        named = [p for p in pieces if _name_like(text[p[0]:p[1]].strip(_STRIP))]
        if not named or any(q in text[start:end] for q in "“”«»\""):  # (a title in quotes across lines: no name)
            return start, start  # a heading and a line, no name: nothing
        start, end = _strip_edges(text, *max(named, key=lambda p: (sum(c.isalpha() for c in text[p[0]:p[1]]), -p[0])))
    if text[start:end].endswith(("’s", "'s")):
        end -= 2
    m = leading_det.match(text[start:end])
    if m and end - start - m.end() > 1 and text[start + m.end()].isupper():
        start += m.end()
    return start, end


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _article_and_common_words(surface: str, leading_det: re.Pattern[str]) -> bool:
    """Whether a span is a leading article and lower-case words only ("Le même jour"): no proper name in it."""
    det = leading_det.match(surface)
    return bool(det) and not any(c.isupper() for c in surface[det.end():])


def _join_particles(text: str, out: list[Mention], nw: NameWords) -> None:
    """A person's name the recogniser cut after its particle ("Ursula von der" + "Leyen", "Mohammed bin" + "Salman"):
    the two mentions are one name."""
    out.sort(key=lambda m: m.span.start)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        words = a.span.text.split()
        if (a.kind == "name" and b.kind == "name" and a.label == "person" and words and fold(words[-1]) in nw.particles
                and text[a.span.end:b.span.start] == " " and b.span.text[:1].isupper() and b.label != "country"):
            out[i] = Mention(span=Span(a.span.doc, a.span.start, b.span.end, text[a.span.start:b.span.end]), label="person",
                             kind="name", sentence=a.sentence, attrs={**b.attrs, **a.attrs})
            del out[i + 1]
            continue
        i += 1
    # "von der" dropped before "Brink": a surname's particles, when one of them is not also a plain preposition
    for j, m in enumerate(out):
        if m.kind != "name" or m.label != "person":
            continue
        start = m.span.start
        while (w := re.search(r"(?:^|(?<=\s))([a-zà-ÿ]+)\s$", text[max(0, start - 8):start])) and fold(w.group(1)) in nw.particles:
            start -= len(w.group(0))
        lead = fold(text[start:m.span.start]).split()
        if start < m.span.start and any(p in nw.strong_particles for p in lead) and len(lead) <= 3:
            out[j] = Mention(span=Span(m.span.doc, start, m.span.end, text[start:m.span.end]), label="person", kind="name",
                             sentence=m.sentence, attrs=m.attrs)


def _join_dangling_links(text: str, out: list[Mention], nw: NameWords) -> None:
    """A span the recogniser ended on a linking word, right before another name ("épave du" + "Titanic", "Council
    for" + "X"): the two are one name, the first one's head with its complement (of the second's type when the first
    is no type of its own)."""
    out.sort(key=lambda m: m.span.start)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        if a.kind == "name" and b.kind == "name" and nw.patterns["dangling_link"].search(a.span.text) \
                and text[a.span.end:b.span.start] in (" ", "") and a.span.end <= b.span.start:
            label = a.label if a.label != "other" else b.label
            out[i] = Mention(span=Span(a.span.doc, a.span.start, b.span.end, text[a.span.start:b.span.end]), label=label,
                             kind="name", sentence=a.sentence, attrs={**b.attrs, **a.attrs})
            del out[i + 1]
            continue
        i += 1


def _name_like(piece: str) -> bool:
    """Whether a piece of text reads as a name: capitalised words, with at most short particles between them."""
    words = piece.split()
    return sum(c.isalpha() for c in piece) >= 2 and words[0][:1].isupper() \
        and all(w[:1].isupper() or len(w) <= 3 and w.isalpha() for w in words)


def _trim_time_words(text: str, start: int, end: int, time_words: frozenset[str]) -> int:
    """A name does not end with a weekday or a month written in lower case; cut them off."""
    words = text[start:end].split(" ")
    while len(words) > 1 and words[-1].islower() and fold(words[-1].strip(",.;")) in time_words:
        words.pop()
    return start + len(" ".join(words))


@component("names", requires=("spacy",), assigns=("mentions",), version="42")
def names(ctx: Context) -> dict[str, list[Any]]:
    doc_id, text = ctx.document.id, ctx.document.text
    lx, nw = ctx.pack.lexicon, ctx.pack.names
    # Matching is done on a folded copy of the text for accents and case; folding keeps offsets only
    # when it keeps length, so we fold character by character.
    ftext = _unaccent(text)
    sent_starts = [s for s, _ in ctx.analysis.sentences]
    tok_starts = ctx.sdoc.to_array("IDX").tolist()  # token offsets, for bisecting instead of scanning tokens
    out: list[Mention] = []

    def add(start: int, end: int, label: str, kind: str = "name", **attrs: Any) -> Mention:
        m = Mention(span=Span(doc_id, start, end, text[start:end]), label=label, kind=kind,
                    sentence=max(0, bisect.bisect_right(sent_starts, start) - 1), attrs=dict(attrs))
        out.append(m)
        return m

    # 1. proper names from the recogniser, cleaned and typed
    placed: set[str] = set()  # names a locative rule made places: so they are everywhere in the article
    for ent in ctx.sdoc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = clean_span(text, ent.start_char, ent.end_char, nw.patterns["leading_det"])
        end = _trim_time_words(text, start, end, nw.time_words)  # "Charm el-Cheikh jeudi": the recogniser took the day along
        end = _toponym_end(text, start, end, nw)  # "Rostov" + "-sur-le-Don", "Charleville-sur-la" + "-Meuse"
        if (rest := re.match(rf"(?:-{_CAP}[\w’']*)+", text[end:end + 40])) is not None \
                and fold(text[start:end]) not in lx.country_by_name:
            end += rest.end()  # "Proche" + "-Orient": a compound of capitalised parts cut at its hyphen (split below
            # when each part stands alone elsewhere in the text: "Poutine-Kim"; not after a country: "China-EU")
        # a name cut at a hyphen: "Kim Jung" + "-un"
        tail = re.match(r"-[a-z]{1,4}\b", text[end:end + 6])
        if tail and label == "person":
            end += tail.end()
        elif label == "person":
            end = _extend_proper(ctx.sdoc, ent.end, end)
        cut = _extend_cut_name(ctx.sdoc, ent.end, end, nw.time_words)  # "Benyamin" + "Nétanyahou"
        if cut != end:
            end, label = cut, "person"  # a given name and a surname, whatever type the recogniser gave the half
        surface = text[start:end]
        if end <= start or not any(c.isalpha() for c in surface) or _is_credit(text, start, end, nw) or fold(surface) in lx.not_names:
            continue
        if fold(surface) in nw.time_words:
            continue  # "Vendredi, le ministre...": a weekday or a month the recogniser took for a name
        if _rubric(text, start, end):
            continue  # "Analysis | Baltic Review": a section's label before the bar of a rubric line
        if _article_and_common_words(surface, nw.patterns["leading_det"]):
            continue  # "Le même jour", "La veille": an article and common words, no proper name
        if len(surface.split()) > 7 or any(q in surface for q in "“”«»\""):
            continue  # a title or a quotation the recogniser took for a name
        if fold(surface) in lx.nationality:
            continue  # "les Russes", "les Sud-Coréens": a people, not a place
        first = ctx.sdoc.char_span(start, end, alignment_mode="expand")
        if first is not None and len(first) and first[0].is_sent_start and first[0].pos_ in ("VERB", "ADV", "AUX", "ADP", "NOUN", "ADJ") \
                and (len(first) == 1 or first[0].pos_ in ("VERB", "ADV", "AUX", "ADP")):
            continue  # a capitalised common word opening a sentence ("Rapidement", "Parti dimanche soir de ...")
        if first is not None and len(first) and _common_opening(text, start, surface, first):
            continue  # "18h35 – Rebondissement.", "Lire aussi : Otages français : ...": a kicker or a heading's words
        model = lx.model_pattern.fullmatch(surface)
        if model and not (surface.split("-")[0].isupper() and len(surface.split("-")[0]) > 3):
            add(start, end, "equipment", kind="equipment").head = fold(surface)
            continue
        if label == "person" and " " not in surface and (_after_locative(ftext, start, nw) or _fronted_locative(text, start, end, ctx.sdoc, nw)):
            label = "place"  # "à 120 kilomètres au nord d'Ismaïlia", "À Tarnów, ...": a lone name where only a place can stand
            placed.add(surface)
        for s, e in _split_glued(text, start, end, nw):
            label2, attrs = _retype(text[s:e], label, lx)
            attrs.update(_agentive(ctx.sdoc, text, s, e, nw))
            add(s, e, label2, **attrs)

    _join_particles(text, out, nw)
    _join_dangling_links(text, out, nw)
    for m in out:  # a name the recogniser itself places after a preposition of place ("à X", "près de X")
        if m.label == "place" and m.kind == "name" and " " not in m.span.text \
                and nw.patterns["place_before"].search(text, max(0, m.span.start - 16), m.span.start):
            placed.add(m.span.text)
    # a name enumerated with a place ("vers X et Y", "à X, Y ou Z") that nothing shows to be a person is a place too
    by_start = {m.span.start: m for m in out}
    for m in sorted(out, key=lambda m: m.span.start):
        if m.label == "place" and m.kind == "name" or m.span.text in placed:
            j = nw.patterns["enum_join"].match(text, m.span.end)
            nxt = by_start.get(j.end()) if j else None
            if nxt is not None and nxt.label in ("person", "other") and nxt.kind == "name" and not nxt.attrs.get("agentive") \
                    and not nxt.attrs.get("cues") and not _starts_clause(ctx.sdoc, text, nxt.span.end):
                placed.add(nxt.span.text)
    for m in out:
        if m.label in ("person", "other") and m.kind == "name" and m.span.text in placed:
            m.label = "place"
        elif m.label in ("person", "organization", "other") and m.kind == "name" and nw.patterns["toponym"].fullmatch(m.span.text):
            m.label = "place"  # "Villeneuve-sur-Lot" taken for an organisation: its joining word makes it a place

    # 1b. page furniture that names someone: datelines ("BALTIMORE (États-Unis), 26 mars (AFP) -"), bylines ("Par
    # CLAIRE MARTIN"); then the region or facility head before a place name ("la région de Tver", "la rivière X")
    # joins the name
    _furniture(text, out, lx, nw, add)
    taken = [(m.span.start, m.span.end) for m in out]
    for m in nw.patterns["country"].finditer(text):
        if not _overlaps(taken, m.start(), m.end()):
            label, attrs = _retype(m.group(0), "place", lx)
            if label == "country":
                add(m.start(), m.end(), label, **attrs, **_agentive(ctx.sdoc, text, m.start(), m.end(), nw))
    _extend_heads(ftext, text, out, nw)

    # 2. epithets and titles, with the appositions that name their holder
    names_by_start = sorted((m.span.start, m.span.end, m) for m in out if m.label == "person")
    epithet_spans = []
    for m in nw.patterns["epithet"].finditer(ftext):
        det = m.group("det") or ""
        if nw.nationality_first and not det and not m.group("nat") and not m.group("role")[:1].isupper():
            continue  # "was elected president": a bare lower-case role with no determiner names no one
        contracted = fold(det.strip()) in nw.contracted
        start = m.start("role") if contracted else m.start()
        end = m.end()
        end = _extend_adjectives(ctx.sdoc, tok_starts, end)
        key, attrs = _epithet_key(m, lx, ftext[m.end():end])
        if fold(det.strip()) in nw.possessive:
            attrs["possessive"] = True  # "son ministre": someone's minister, whoever "son" points at
            if (owner := _possessor(out, start)) is not None:
                attrs["possessor"] = [owner.span.start, owner.span.end]
        em = add(start, end, "person", kind="epithet", **attrs)
        for x in out:
            # "le vice-ministre de la Défense Iounous-Bek Evkourov": the recogniser glued the complement's last word to
            # the holder's name; the name starts after the epithet
            if x.kind == "name" and start < x.span.start < end < x.span.end and x.label in ("person", "other", "organization") \
                    and text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
                x.span, x.label = Span(x.span.doc, end + 1, x.span.end, text[end + 1:x.span.end]), "person"
                names_by_start = sorted((m.span.start, m.span.end, m) for m in out if m.label == "person" and m.kind == "name")
        em.head = key
        epithet_spans.append((start, end))
        # "le président russe Vladimir Poutine" / "le porte-parole du Kremlin, Dmitri Peskov"
        after = _next_name(names_by_start, end, text, max_gap=2)
        if after is not None and "," in text[end:after.span.start] and not _comma_apposition(ctx.sdoc, text, start, after):
            after = None  # "Selon le président X, Dupont et ses hommes...": the comma closes the phrase
        if after is None and not contracted:
            after = _unrecognised_holder(text, end, out, lx, nw, add)  # the recogniser often misses a name after a title
            if after is not None:
                names_by_start = sorted((*names_by_start, (after.span.start, after.span.end, after)), key=lambda r: r[:2])
        if after is not None:
            em.attrs["apposed"] = [after.span.start, after.span.end]
            after.attrs.setdefault("epithets", []).append(key)
    # "Dmitri Peskov, porte-parole du Kremlin" (no determiner after the comma)
    for s, e, nm in names_by_start:
        rest = re.match(r"\s*,\s*", text[e:e + 4])
        if not rest or nm.attrs.get("furniture") == "photo":
            continue  # (a photo credit lists names: "JANE DOE, NORTH PRESS" is no apposition)
        pos = e + rest.end()
        if any(a <= pos < b for a, b in epithet_spans):
            # "S. Lavrov, le ministre des Affaires étrangères": the epithet after the comma names him
            for em in out:
                if em.kind == "epithet" and em.span.start == pos and not em.attrs.get("apposed"):
                    em.attrs["apposed"] = [s, e]
                    nm.attrs.setdefault("epithets", []).append(em.head)
            continue
        next_word = fold(text[pos:pos + 30]).split(" ")[0].strip(",.;:")
        if next_word in lx.org_heads:  # "Le Rodong Sinmun, journal officiel du parti": a name of an organisation
            nm.label = "organization"
            continue
        m = nw.patterns["bare_role"].match(ftext, pos)
        if m is None:
            continue
        end2 = _extend_adjectives(ctx.sdoc, tok_starts, m.end())
        if _next_name(names_by_start, end2, text, max_gap=1) is not None or nw.patterns["holder"].match(text, end2):
            continue  # "le ministre A, gouverneur B": an enumeration, the second title is B's
        key, attrs = _epithet_key(m, lx, ftext[m.end():end2])
        em = add(m.start("role"), end2, "person", kind="epithet", **attrs)
        em.head = key
        em.attrs["apposed"] = [s, e]
        nm.attrs.setdefault("epithets", []).append(key)
    # drop recogniser names lying inside an epithet ("ministre de la Défense" tagged as an organisation, "État
    # français" in "le chef de l'État français"): a role's own words, or a generic word, name no one
    role_words = _first_words(lx.roles)

    def generic(m: Mention) -> bool:
        first = fold(m.span.text).split(" ")[0]
        return first in role_words or first in lx.not_names

    out[:] = [m for m in out if m.kind == "epithet" or not any(
              a < m.span.end and m.span.start < b and generic(m) for a, b in epithet_spans)]
    # "le ministère kényan de l'Agriculture": the recogniser kept only "Agriculture" (as a place); the whole phrase
    # is the organisation
    for m in nw.patterns["org_phrase"].finditer(ftext):
        s0, e0 = m.start(), _extend_adjectives(ctx.sdoc, tok_starts, m.end())  # "des Affaires étrangères"
        inner = [x for x in out if s0 <= x.span.start and x.span.end <= e0 and x.kind == "name"]
        # (or nothing at all: the recogniser often misses the whole phrase in a long paragraph)
        if all(x.span.start > s0 for x in inner) and not any(
                x.span.start < e0 and s0 < x.span.end and not (s0 <= x.span.start and x.span.end <= e0) for x in out):
            out[:] = [x for x in out if x not in inner]
            add(s0, e0, "organization", **_retype(text[s0:e0], "organization", lx)[1])
    _institutions(ctx.sdoc, text, out, lx, nw, add)
    # "le quotidien Bild", "l'agence sud-coréenne Yonhap": a name after an organisation noun is that organisation
    for m in out:
        if (m.kind == "name" and m.label in ("other", "place", "person") and _after_org_head(ftext, m.span.start, lx)
                and not nw.patterns["toponym"].fullmatch(m.span.text)):
            m.label = "organization"

    # a seat of power after a preposition of place ("au Kremlin", "à l'Élysée") is the building, not the government
    for m in out:
        if m.attrs.get("seat_of_power") and not m.attrs.get("agentive") \
                and nw.patterns["place_before"].search(text, max(0, m.span.start - 16), m.span.start):
            m.label = "place"
            m.attrs["seat_place"] = True

    # 3. acronyms defined in the text: "l'Organisation des Nations unies (ONU)", "RPDC [République ...]"
    for pat in ("acr_before", "acr_after"):
        for m in nw.patterns[pat].finditer(text):
            acr, long = m.group("acr"), m.group("long").strip()
            long = _best_expansion(acr, nw.patterns["leading_det"].sub("", long), nw.acronym_stop)
            if long is None:
                continue
            ls = m.start("long") + m.group("long").index(long)
            label, attrs = _retype(long, "organization", lx)
            existing = [x for x in out if x.span.start == m.start("acr") and x.span.end == m.end("acr")]
            for x in existing:
                x.attrs["expansion"] = long
                x.kind = "acronym"
            if not existing:
                add(m.start("acr"), m.end("acr"), label, kind="acronym", expansion=long, **attrs)
            le = ls + len(long)
            cut = [x for x in out if x.span.start == ls and x.span.end < le and x.kind == "name"]
            if cut and not any(ls < x.span.start < le < x.span.end for x in out):
                # "Conseil national" of "Conseil national pour la sauvegarde de la patrie (CNSP)": the recogniser
                # cut the name its acronym spells out
                for x in cut:
                    x.span, x.label = Span(x.span.doc, ls, le, text[ls:le]), label
                    x.attrs.update(attrs)
                out[:] = [x for x in out if x in cut[:1] or not (ls <= x.span.start and x.span.end <= le and x.kind == "name")]
            elif not any(x.span.start == ls for x in out):
                add(ls, le, label, **attrs)

    # 4. equipment: general nouns of weapons and vehicles, and model designations ("Su-27SK")
    taken = [(x.span.start, x.span.end) for x in out]
    for m in nw.patterns["equipment"].finditer(ftext):
        if not _overlaps(taken, m.start(), m.end()):
            em = add(m.start(), m.end(), "equipment", kind="equipment")
            em.head = _equipment_head(m.group(0), lx)
    # "des missiles de croisière Taurus", "les drones Shahed": a name right after a weapon noun is its model
    gear_ends = {x.span.end for x in out if x.kind == "equipment"}
    for x in out:
        if x.kind == "name" and x.label in ("organization", "other", "place") and text[x.span.start - 1:x.span.start] == " " \
                and x.span.start - 1 in gear_ends:
            x.label, x.kind, x.head = "equipment", "equipment", fold(x.span.text)
    for m in lx.model_pattern.finditer(text):
        head = m.group(0).split("-")[0]
        if head.isupper() and len(head) > 3:
            continue  # "COVID-19": an all-capital word, not a designation
        if not _overlaps([(x.span.start, x.span.end) for x in out if x.label != "other"], m.start(), m.end()):
            out[:] = [x for x in out if not (x.span.start <= m.start() and m.end() <= x.span.end and x.label == "other")]
            add(m.start(), m.end(), "equipment", kind="equipment").head = fold(m.group(0))

    # 5a. "le gouvernement hongrois" (a country), "l'armée israélienne" (one national body), "le navire", "la ville"
    # (a description standing for an entity named before: resolution finds which)
    _descriptions(ftext, text, out, lx, nw, add, ctx.sdoc, tok_starts)
    # "un avion canadien", "battant pavillon singapourien": the country a vehicle or a flag belongs to
    taken = [(x.span.start, x.span.end) for x in out]
    for m in nw.patterns["vehicle_nationality"].finditer(ftext):
        code = lx.nationality.get(fold(m.group("nat")))
        if code and not _overlaps(taken, m.start("nat"), m.end("nat")):
            add(m.start("nat"), m.end("nat"), "country", kind="description", country=code)
    # 5b. proper nouns the recogniser left out ("near the town of Yelets", "published by Flightradar24")
    _unrecognised_proper(ctx.sdoc, text, out, lx, nw, add)

    # 5c. "X, le fondateur de Y", "le patron de Y, X": a noun phrase in apposition to a name stands for what it names
    _appositions(ctx.sdoc, text, out, lx, nw, add)

    # 5. "les deux dirigeants": a group standing for the last two people named just before
    for m in nw.patterns["pair"].finditer(ftext):
        members = _last_two_people(out, m.start(), max(0, bisect.bisect_right(sent_starts, m.start()) - 1) - PAIR_REACH)
        if members:
            add(m.start(), m.end(), "person", kind="group", members=[[x.span.start, x.span.end] for x in members])

    out.sort(key=lambda x: (x.span.start, x.span.end))
    return {"mentions": out}


PAIR_REACH = 2  # sentences back where "les deux hommes" finds its two people
TOP = 400  # characters at the top of an article where a dateline or a rubric stands


def _furniture(text: str, out: list[Mention], lx: Lexicon, nw: NameWords, add: Callable[..., Mention]) -> None:
    """Names the page furniture gives in capitals, which the recogniser misses or the credit filter drops: the place
    of a dateline and its agency, the rubric line naming a place, the author of a byline, the photographer and
    agency of a photo credit (marked furniture: resolution keeps them as the page's, not the story's)."""
    spans = [(m.span.start, m.span.end) for m in out]
    exact = {(m.span.start, m.span.end): m for m in out}

    def put(s: int, e: int, label: str, how: str) -> None:
        while s < e and text[s] in " -–/,":
            s += 1
        while e > s and text[e - 1] in " -–/,.":
            e -= 1
        if how == "dateline" and (m := exact.get((s, e))) is not None and m.label not in ("country", label):
            m.label = label  # the recogniser's name is the dateline's place or agency: that is what it is
            return
        cut = [m for m in out if m.span.start == s and m.span.end < e and m.kind == "name"]
        if how == "byline" and cut and not any(m.span.start < e < m.span.end or s < m.span.start < e for m in out):
            # "Par Étienne VAUTRIN": the recogniser read the given name only; the byline names the whole author
            m = cut[0]
            m.span, m.label = Span(m.span.doc, s, e, text[s:e]), label
            m.attrs["furniture"] = how
            return
        if e - s < 2 or _overlaps(spans, s, e) or fold(text[s:e]) in nw.credit_generic:
            return
        label2, attrs = _retype(text[s:e], label, lx)
        add(s, e, label2, furniture=how, **attrs)
        spans.append((s, e))

    for m in nw.patterns["dateline"].finditer(text, 0, TOP):
        at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        if sum(c.isalpha() for c in m.group("place")) < 3 or not (at_line_start or m.group("country")):
            continue
        at = m.start("place")
        for piece in m.group("place").split("/"):  # "PARIS/BERLIN, 3 mai": a dispatch from two places
            if sum(c.isalpha() for c in piece) >= 3:
                put(at, at + len(piece), "place", "dateline")
            at += len(piece) + 1
        if m.group("agency"):
            put(m.start("agency"), m.end("agency"), "organization", "dateline")
    for m in nw.patterns["rubric"].finditer(text, 0, TOP):
        if sum(c.isalpha() for c in m.group("place")) >= 5 and fold(m.group("place")) not in lx.not_names:
            put(m.start("place"), m.end("place"), "place", "rubric")
    for m in nw.patterns["byline"].finditer(text):
        put(m.start("name"), m.end("name"), "person", "byline")
    for m in nw.patterns["photo_credit"].finditer(text):
        # "PHOTO JANE DOE / NORTH PRESS": each name of the credit (a photographer, an agency), kept as furniture
        at = m.start("credit")
        for piece in _CREDIT_SEP.split(m.group("credit")):
            s0 = at + len(piece) - len(piece.lstrip())
            name = piece.strip(" ,.;:")
            if len(name) >= 2 and _name_like(name) and fold(name) not in nw.credit_generic:
                words = name.split()
                person = 2 <= len(words) <= 3 and all(w.isalpha() or "-" in w for w in words) \
                    and not any(fold(w) in lx.org_heads for w in words)
                put(s0, s0 + len(name), "person" if person else "organization", "photo")
            at += len(piece)


def _extend_heads(ftext: str, text: str, out: list[Mention], nw: NameWords) -> None:
    """"la région de Tver", "la rivière Patapsco", "le port de Rajin": a place name keeps the region or facility
    head written before it (what geocoding needs: the region, not its capital; the port, not the town)."""
    taken = sorted((m.span.start, m.span.end) for m in out)
    for m in out:
        if m.kind != "name" or m.attrs.get("furniture"):
            continue
        h = None if m.label == "person" else nw.patterns["extend_head"].search(ftext, max(0, m.span.start - 40), m.span.start)
        if h is None or not ftext[h.start("head"):h.end("head")][:1].islower():
            t = nw.patterns["extend_tail"].match(ftext, m.span.end)
            if t is None or not t.group("head")[:1].islower() or m.label == "person" and m.attrs.get("epithets"):
                continue  # ("X airport" is a place even where the recogniser read a person's name)
            e = t.end("head")  # "Sheremetyevo airport", "the Lipetsk region": the head after the name
            if any(m.span.end < b and a < e for a, b in taken if (a, b) != (m.span.start, m.span.end)):
                continue
            head = fold(t.group("head"))
            m.span = Span(m.span.doc, m.span.start, e, text[m.span.start:e])
            m.label = "place"
            m.attrs.pop("country", None)
            m.attrs["head"] = head
            continue
        head = fold(h.group("head"))
        classes = nw.description_class.get(head, ("region",))
        if m.label == "country" and set(classes) & {"region", "island", "district"}:
            continue  # "le territoire de l'Ukraine" is the country
        s = h.start("head")
        if any(a < m.span.start and s < b for a, b in taken if (a, b) != (m.span.start, m.span.end)):
            continue
        m.span = Span(m.span.doc, s, m.span.end, text[s:m.span.end])
        m.label = "place"
        m.attrs.pop("country", None)
        m.attrs["head"] = head


def _descriptions(ftext: str, text: str, out: list[Mention], lx: Lexicon, nw: NameWords,
                  add: Callable[..., Mention], sdoc: Any, tok_starts: list[int]) -> None:
    """Definite descriptions: "le gouvernement hongrois" (a mention of Hungary), "l'armée israélienne" (one body of
    one country), and "le navire", "la ville", "le groupe" (a description that resolution joins to the entity of its
    class named before it in the article)."""
    taken = [(m.span.start, m.span.end) for m in out]

    def free(s: int, e: int) -> bool:
        return not _overlaps(taken, s, e)

    for m in nw.patterns["government"].finditer(ftext):
        code = lx.nationality.get(fold(m.group("nat")))
        s = m.start("head")
        if code and free(s, m.end()):
            add(s, m.end(), "country", kind="description", country=code)
            taken.append((s, m.end()))
    for m in nw.patterns["body"].finditer(ftext):
        code = lx.nationality.get(fold(m.group("nat")))
        if code and free(m.start(), m.end()):
            head = fold(m.group("head")).rstrip("s")
            add(m.start(), m.end(), "organization", body=f"{head}|{code}").head = f"body:{head}|{code}"
            taken.append((m.start(), m.end()))
    country_nouns = nw.class_words.get("country", frozenset())
    for m in nw.patterns["possessive_description"].finditer(ftext):
        # "son armée", "leur pays": relative to whom the possessive points at (resolution finds that one's country)
        owner = _possessor(out, m.start())
        if owner is not None and owner.attrs.get("agentive") and free(m.start(), m.end()):
            # (the subject just named: "La Norvège protège son armée"; not "arrivé aux États-Unis, selon son pays")
            head = fold(m.group("head"))
            d = add(m.start(), m.end(), "country" if head in country_nouns else "organization", kind="description",
                    possessive=True, possessor=[owner.span.start, owner.span.end])
            d.head = head
            taken.append((m.start(), m.end()))
    for x in out:
        if x.kind == "name":
            cues = {fold(h.group("head")) for h in (nw.patterns["cue_before"].search(ftext, max(0, x.span.start - 40), x.span.start),
                                                   nw.patterns["cue_after"].match(ftext, x.span.end)) if h
                    and _cue_ok(sdoc, tok_starts, h, x)}
            if cues:
                x.attrs["cues"] = sorted(cues)
    # "le cyclone Chido", "le groupe Sokol", "le navire Dali": a name the recogniser called a person is what its class
    # noun says, wherever the article writes it
    retyped: dict[str, str] = {}
    for x in out:
        if x.kind == "name" and x.label == "person" and x.attrs.get("cues"):
            # (not to equipment: a vessel's name keeps grouping by its name across articles, not by a weapon noun)
            kinds = {nw.class_labels.get(c) for cue in x.attrs["cues"] for c in nw.description_class.get(cue, ())} & {"other", "organization", "place"}
            if len(kinds) == 1:
                retyped[x.span.text] = kinds.pop()
        elif x.kind == "name" and x.label != "country" and " " in x.span.text:
            head, rest = x.span.text.split(" ", 1)  # "cyclone Chido": the bare "Chido" is the same storm
            kinds = {nw.class_labels.get(c) for c in nw.description_class.get(fold(head), ())} & {"other", "organization"}
            if len(kinds) == 1 and rest[:1].isupper():
                x.label = kinds.pop()
                retyped.setdefault(rest, x.label)
            elif x.label in ("organization", "person", "other"):
                # "Seagirt Marine Terminal", "Carmelite Monastery", "Aéroport Charles-de-Gaulle": a name whose
                # class word (where the language writes it) is a site's is a place; the rest alone is not the site
                # ("Ben Gourion" of "aéroport Ben Gourion" is a person)
                word = x.span.text.rsplit(" ", 1)[1] if nw.class_word_last else head
                if {nw.class_labels.get(c) for c in nw.description_class.get(fold(word), ())} == {"place"}:
                    x.label = "place"
    for x in out:
        if x.kind == "name" and x.label == "person" and x.span.text in retyped:
            x.label = retyped[x.span.text]
    names_at = {x.span.start: x for x in out if x.kind == "name" and not x.attrs.get("furniture")}
    for m in nw.patterns["description"].finditer(ftext):
        s, e = m.start("head"), m.end()
        head = fold(m.group("head"))
        if not free(s, e):
            continue
        e = _extend_adjectives(sdoc, tok_starts, e)  # "le navire océanographique": the description with its adjectives
        nxt = text[e:e + 24]
        # "le navire canadien X", "Le navire, le X, long de...": the description stands beside the name of what it
        # describes (right after it, or in an apposition closed by a comma)
        named = _apposed_name(text, e, names_at, nw)
        if named is None and re.match(rf"\s+{_CAP}|-\w|\s*\(", nxt):
            continue  # "le navire Dali": a name with its category word; "l'Etat-major"
        if (size := _MEASURE.match(text, e)) is not None and free(s, size.end()) \
                and _class_label(nw.description_class.get(head, ()), nw) in ("equipment", "place", "other"):
            # "le navire de 289 mètres", "l'ouvrage de 2,5 km": the size of a thing or a site, not what it is (not
            # "le groupe de 30 pays")
            e = size.end()
        elif re.match(r"\s+(?:d[e'’u]s?|d’)\b", nxt, re.IGNORECASE):
            continue  # "le port de pêche", "le groupe de travail": a complement makes it another thing
        classes = nw.description_class.get(head, ())
        if not classes:
            continue
        label = _class_label(classes, nw)
        indefinite = fold(m.group("det")) in nw.indefinite
        if indefinite and (label != "equipment" or m.group("nat") or m.group("pre")):
            continue  # "une ville", "un avion canadien": some town, some plane; "un porte-conteneurs" may be the one named
        if indefinite and re.search(r",\s*$", text[max(0, m.start() - 4):m.start()]):
            continue  # "le X, un porte-conteneurs battant pavillon de Y": an apposition (the parser's, 5c)
        nat = m.group("nat") or m.group("pre")
        attrs: dict[str, Any] = {"classes": list(classes)}
        if indefinite:
            attrs["indefinite"] = True
        if nat and lx.nationality.get(fold(nat)):
            attrs["country"] = lx.nationality[fold(nat)]
        if fold(m.group("det")) not in nw.contracted:
            s = m.start()  # "le navire" with its article; "du navire" from the noun on
        if named is not None:
            attrs["apposed"] = [named.span.start, named.span.end]
        d = add(s, e, label, kind="description", **attrs)
        d.head = head
        taken.append((s, e))
        if head in nw.national_bodies and "country" not in attrs and named is None:
            # "Les otages sont arrivés en Israël. L'armée précise...": a national body with no nationality is the
            # body of the one country named in its sentence or the one before
            before = [x for x in out if x.label == "country" and x.attrs.get("country") and x.span.start < s]
            codes = {x.attrs["country"] for x in before if d.sentence - x.sentence <= 1} \
                or {x.attrs["country"] for x in before}  # (else the one country the article has named)
            if len(codes) == 1:
                d.attrs["body"] = f"{head.rstrip('s')}|{codes.pop()}"  # (unless resolution finds it by its class)


def _institutions(sdoc: Any, text: str, out: list[Mention], lx: Lexicon, nw: NameWords,
                  add: Callable[..., Mention]) -> None:
    """"le Comité d'enquête", "la Direction générale des douanes et droits indirects", "le Bureau de la sécurité des
    transports du Canada": where the language writes an institution's name with one capital (`nw.institution_links`),
    a capitalised organisation noun inside a sentence, with its lower-case adjectives and complements (joined by those
    words, to a name that may close them), is one organisation. The recogniser's names inside it ("Canada",
    "Afrique de l'Ouest") are its words; its own name of the head alone ("Comité") is widened. Nothing is done when
    no lower-case word follows the head, or a mention runs over the phrase's edge or is an epithet or a description
    inside it."""
    if not nw.institution_links:
        return
    toks = list(sdoc)
    n = len(toks)
    for t in toks:
        if not t.text[:1].isupper() or t.text.isupper() or fold(t.text) not in lx.org_heads:
            continue
        if t.is_sent_start and not any(m.span.start == t.idx and m.kind == "name" for m in out):
            continue  # (a capital opening a sentence says nothing, unless the recogniser read a name there)
        last, lower, j = t.i, False, t.i + 1
        while j < n:
            k = toks[j]
            if k.pos_ == "ADJ" and k.text.islower() and k.is_alpha and toks[j - 1].whitespace_:
                last, lower, j = j, True, j + 1
                continue
            if fold(k.text) not in nw.institution_links or not toks[j - 1].whitespace_ and j - 1 != last:
                break
            i = j + 1
            while i < n and fold(toks[i].text) in nw.institution_links and i - j < 3:
                i += 1  # "de la", "de l'"
            if i >= n or toks[i].pos_ not in ("NOUN", "PROPN") or not toks[i].is_alpha and "-" not in toks[i].text:
                break
            last, j = i, i + 1
            if toks[i].text[:1].islower():
                lower = True
                continue
            while j < n and toks[j].pos_ == "PROPN" and toks[j].text[:1].isupper() and toks[j - 1].whitespace_:
                last, j = j, j + 1  # "du Burkina Faso"
            # a name closes the complements ("du Canada"), unless another capitalised complement follows ("de l'Afrique
            # de l'Ouest")
            nxt = j
            while nxt < n and fold(toks[nxt].text) in nw.institution_links and nxt - j < 3:
                nxt += 1
            if not (nxt > j and nxt < n and toks[nxt].text[:1].isupper() and toks[nxt].pos_ in ("PROPN", "NOUN")):
                break
        if not lower:
            continue
        s0, e0 = t.idx, toks[last].idx + len(toks[last].text)
        if "\n" in text[s0:e0]:
            continue
        over = [m for m in out if m.span.start < e0 and s0 < m.span.end]
        if any(not (s0 <= m.span.start and m.span.end <= e0) or m.kind not in ("name", "acronym") for m in over):
            continue
        label, attrs = _retype(text[s0:e0], "organization", lx)
        head = next((m for m in over if m.span.start == s0), None)
        out[:] = [m for m in out if m not in over or m is head]
        if head is not None:
            head.span, head.label = Span(head.span.doc, s0, e0, text[s0:e0]), label
            head.attrs.update(attrs, institution=True)
        else:
            add(s0, e0, label, institution=True, **attrs)


_MEASURE = re.compile(r"\s+d[e'’]\s*\d+(?:[.,\s]\d+)*\s*[^\W\d]{1,12}\b(?![-'’])")  # a size after a noun ("de 2,5 km")


def _unrecognised_proper(sdoc: Any, text: str, out: list[Mention], lx: Lexicon, nw: NameWords,
                         add: Callable[..., Mention]) -> None:
    """A run of capitalised proper nouns the recogniser gave no entity, and that nothing else took ("near the town of
    Yelets", "published by Flightradar24", "Rostov-on-Don"): a name of unknown type, unless the lexicon knows it. At
    the start of a sentence only a run of two capitalised words counts (a capitalised first word is no sign)."""
    taken = [(m.span.start, m.span.end) for m in out]
    role_words = _first_words(lx.roles)
    toks = list(sdoc)
    i, n = 0, len(toks)

    def proper(t: Any) -> bool:
        # a proper noun, or a word shaped as a name whatever the tagger says ("TASR", "Flightradar24")
        if not t.text[:1].isupper():
            return False
        if t.pos_ == "PROPN":
            return True
        # (not a word of a phrase in capitals: "À SUIVRE", "REVUE DE PRESSE")
        caps = any(0 <= t.i + d < n and toks[t.i + d].text.isupper() and toks[t.i + d].is_alpha for d in (-1, 1))
        return t.pos_ not in _FUNCTION_POS and _name_shaped(t.text) and not caps

    while i < n:
        t = toks[i]
        if not proper(t):
            i += 1
            continue
        j = i
        while True:
            # glued by hyphens: "Rostov-on-Don"
            k = j
            while k + 2 < n and toks[k].whitespace_ == "" and toks[k + 1].text == "-" and toks[k + 1].whitespace_ == "":
                k += 2
            if k > j and toks[k].text[:1].isupper():
                j = k
                continue
            if j + 1 < n and proper(toks[j + 1]) and toks[j].whitespace_:
                j += 1
                continue
            break
        s, e = t.idx, toks[j].idx + len(toks[j].text)
        run = j - i + 1
        i = j + 1
        before = text[max(0, s - 40):s]
        opening = t.is_sent_start or _opening_at(text, s)
        glued = run >= 3 and all(toks[k].text == "-" or toks[k].text[:1].isupper() for k in range(t.i, j + 1))
        if opening and not (run >= 2 and toks[t.i + 1].text[:1].isupper()) and not glued:
            # "Recovery was staged.", "Analysis | ...": a capitalised first word is no sign of a name, but a compound
            # of capitalised parts is ("Proche-Orient : ...", where "Porte-parole" would not be)
            continue
        inside = nw.patterns["inside_name"].search(before)
        if inside and (inside.group("link") or not _opening_at(text, s - len(before) + inside.start())):
            continue  # "la Maison Blanche", "l'Afrique de l'Ouest", "Council for the Safeguard": the tail of a longer name
        surface = text[s:e]
        words = fold(surface).split()
        line = text[text.rfind("\n", 0, s) + 1:text.find("\n", e) % (len(text) + 1)]
        if _overlaps(taken, s, e) or not any(c.isalpha() for c in surface) or _BREAK.search(surface) \
                or _BREAK.search(line) or _is_credit(text, s, e, nw):
            continue  # (a rubric line, "Analysis | Ocean Programme", is the page's furniture)
        if fold(surface) in lx.not_names or fold(surface) in nw.time_words or words[0] in role_words \
                or any(w in nw.time_words for w in words) or any(fold(p) in lx.nationality for p in surface.split("-")) \
                or text[e:e + 1] == "." and len(surface) <= 3 and not surface.isupper():
            continue  # a weekday, a role, a people ("Russo-Israélien"), an abbreviated title ("Lt.")
        label, attrs = _retype(surface, "other", lx)
        add(s, e, label, unrecognised=True, **attrs)
        taken.append((s, e))


APPOSITION_TOKENS = 16  # the longest noun phrase in apposition read as a description of the name beside it


def _appositions(sdoc: Any, text: str, out: list[Mention], lx: Lexicon, nw: NameWords,
                 add: Callable[..., Mention]) -> None:
    """A noun phrase the parser attaches to a name as its apposition, set off by a comma, stands for what the name
    names: after it ("X, le fondateur de Y", "X, 77 ans, ancien officier de marine et expert de Z") or before it ("le
    patron de Y, X"). The phrase is its noun's subtree from its determiner or first modifier, cut at the next comma;
    it is a description apposed to the name (resolution joins it to the name's entity). Not a plural phrase (a group,
    a count: "les patrons de X", "quelque 100 000 personnes"), not a clause with a subject of its own ("une mesure qui
    vise X"), not a phrase coordinated with another before the name ("le président et son épouse, X"), not a
    reference's description ("[2] X, communiqué du ..."). An epithet or a description already found on the
    phrase's noun and apposed to nothing else is widened to the whole phrase; a mention running over the phrase's
    edge stops the rule. (Mentions inside the phrase stay mentions of their own: "du Premier ministre", "de Y".)"""
    toks = list(sdoc)
    spans = [(m.span.start, m.span.end) for m in out]
    describing = _describing_nouns(lx, nw)
    for nm in [m for m in out if m.kind == "name" and not m.attrs.get("furniture")]:
        s0, e0 = nm.span.start, nm.span.end
        span = sdoc.char_span(s0, e0, alignment_mode="expand")
        inside = list(span) if span is not None else []
        line_start = text.rfind("\n", 0, s0) + 1
        lead = text[line_start:s0]
        if not inside or lead.strip() and not any(c.isalpha() for c in lead):
            continue  # (a name after a reference's or a list's marker: "[2] X, communiqué du ...")
        found: list[tuple[Any, list[Any]]] = []
        root = next((t for t in inside if not s0 <= t.head.idx < e0 or t.head.i == t.i), inside[0])
        for t in toks[inside[-1].i + 1:inside[-1].i + 10]:
            # the parser's apposition, or a second object of the name's verb right after it ("a rejoint X, une
            # commune de Y": no verb takes two objects so)
            twin = t.dep_ == root.dep_ and t.head.i == root.head.i != root.i and t.dep_ in _TWIN_RELATIONS
            if (t.dep_ == "appos" and s0 <= t.head.idx < e0 or twin) and t.pos_ == "NOUN":
                sub = [k for k in t.subtree]
                stop = next((k.i for k in sub if k.text == "," and k.i > t.i), None)
                sub = [k for k in sub if stop is None or k.i < stop]
                if re.fullmatch(r"\s*,\s*(?:\d+\s+\w+\s*,\s*)?", text[e0:sub[0].idx]):
                    found.append((t, sub))  # (right after the comma, or after an age: "X, 77 ans, ...")
        first = inside[0]
        h = first.head
        while h.pos_ == "PROPN" and h.dep_ == "nmod" and h.head.i < h.i:
            h = h.head  # "un conseiller de Y, X": the parser hangs X on the name inside the phrase, Y
        if first.dep_ != "appos" and root.dep_.startswith("nsubj"):
            # "Son navire de soutien, le X, a perdu...": two subjects of one verb, the phrase and the name
            h = next((t for t in reversed(toks[max(0, first.i - APPOSITION_TOKENS):first.i]) if t.dep_ == root.dep_
                      and t.head.i == root.head.i != root.i), first)
        if (first.dep_ == "appos" or h.i != first.i) and h.pos_ == "NOUN" and h.idx < s0 \
                and not any(k.dep_ == "conj" for k in h.children):
            comma = text.rfind(",", h.idx, s0)
            sub = [k for k in h.subtree if k.idx < comma]
            between = text[sub[-1].idx + len(sub[-1].text):s0].strip() if sub else ""
            article = between[1:].strip()
            if between[:1] == "," and (not article or (d := nw.patterns["leading_det"].match(article + "X")) is not None
                                       and d.end() == len(article)) and not any(k.text == "," for k in sub):
                found.append((h, sub))  # (the name may keep its article out: "..., le X")
        pre = _premodifier(toks, first, nw, describing) if nm.label not in ("place", "country") else None
        for head, sub in found + ([pre] if pre else []):
            while sub and sub[0].pos_ not in _PHRASE_OPENERS and (head, sub) != pre:
                sub = sub[1:]  # "tout comme le patron de X": the phrase opens at its determiner
            if not sub or not head.text[:1].islower() or "Plur" in head.morph.get("Number") or len(sub) > APPOSITION_TOKENS \
                    or (head, sub) != pre and any(k.dep_.startswith("nsubj") and k.i != head.i for k in sub) or sub[0].pos_ == "NUM":
                continue
            a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            if b - a < 3 or "\n" in text[a:b]:
                continue
            over = [m for m in out if m.span.start < b and a < m.span.end and m is not nm]
            mine = [m for m in over if m.kind in ("epithet", "description") and a <= m.span.start and m.span.end <= b
                    and m.span.start <= head.idx < m.span.end and m.attrs.get("apposed") in (None, [s0, e0])]
            if any(m not in mine and not (a <= m.span.start and m.span.end <= b) for m in over):
                continue
            if mine:
                m = max(mine, key=lambda x: x.span.end - x.span.start)
                m.span = Span(m.span.doc, a, b, text[a:b])
                m.attrs["apposed"] = [s0, e0]
            elif (a, b) not in spans:
                d = add(a, b, nm.label, kind="description", apposed=[s0, e0], apposition=True)
                if (classes := nw.description_class.get(fold(head.text))):
                    d.head, d.attrs["classes"] = fold(head.text), list(classes)  # what the name is: "un porte-conteneurs"
                spans.append((a, b))


_DESCRIBING: dict[tuple[int, int], frozenset[str]] = {}


def _describing_nouns(lx: Lexicon, nw: NameWords) -> frozenset[str]:
    """The nouns that say what a person, a body or a thing is: the words of roles, the head nouns of descriptions,
    organisation words, equipment nouns (folded; once per pack)."""
    key = (id(lx), id(nw))
    if key not in _DESCRIBING:
        _DESCRIBING[key] = frozenset({fold(w) for r in lx.roles for w in r.split()} | set(nw.description_class)
                                     | {fold(h) for h in lx.org_heads} | {fold(n) for n in lx.equipment})
    return _DESCRIBING[key]


def _premodifier(toks: list[Any], first: Any, nw: NameWords, describing: frozenset[str]) -> tuple[Any, list[Any]] | None:
    """A noun phrase written right before the name of a person, a body or a thing, with no comma, that says what it
    is: "son fondateur X", "l'agence slovaque X", "Kremlin spokesman X", "Qatar's foreign ministry spokesman X",
    "the Canadian vessel X". Its words are determiners, adjectives, nouns, names and possessive marks only, the last
    a lower-case noun or adjective, its head noun (the last lower-case one) a noun of roles, descriptions,
    organisations or equipment (not "une rencontre X-Y", "la presse X"); it opens at its determiner, or after a word
    that cannot start a complement (not "of", "de"); no weekday or month ("a reçu lundi X")."""
    i = first.i - 1
    if i < 0 or not toks[i].text[:1].islower() or toks[i].pos_ not in ("NOUN", "ADJ") or toks[i].whitespace_ == "":
        return None
    words: list[Any] = []
    while i >= 0 and toks[i].pos_ in _PREMODIFIER_POS and "\n" not in toks[i].whitespace_ and len(words) < 7:
        words.insert(0, toks[i])
        if toks[i].pos_ in ("DET", "PRON"):
            break
        i -= 1
    opened = words and words[0].pos_ in ("DET", "PRON")
    if not words or not opened and i >= 0 and toks[i].pos_ in ("ADP", "DET", "PRON", "NUM", "ADJ", "NOUN", "PROPN"):
        return None  # ("l'homme d'affaires britannique X": a piece of a longer phrase)
    nouns = [t for t in words if t.pos_ == "NOUN" and t.text[:1].islower()]
    if not nouns or fold(nouns[-1].text) not in describing or any(fold(t.text) in nw.time_words for t in words):
        return None
    return nouns[-1], words


_PREMODIFIER_POS = ("DET", "PRON", "ADJ", "NOUN", "PROPN", "PART", "NUM")
_PHRASE_OPENERS = ("DET", "ADJ", "NOUN", "NUM", "PROPN")
_TWIN_RELATIONS = ("obj", "nsubj", "nsubj:pass")  # (a verb takes one of each; obliques and modifiers may repeat)


def _rubric(text: str, start: int, end: int) -> bool:
    """Whether a span lies before the first bar of a rubric line at the top of an article ("Analysis | Baltic
    Review", "MONDE | Proche-Orient"): a section's label, no name."""
    if start > TOP:
        return False
    ls = text.rfind("\n", 0, start) + 1
    bar = _BREAK.search(text, ls, text.find("\n", start) % (len(text) + 1))
    return bar is not None and end <= bar.start() and bar.group(0) != "\n"


_FUNCTION_POS = ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT")


def _name_shaped(word: str) -> bool:
    """An acronym of two letters or more ("TASR"), or letters and digits in one word ("Flightradar24", "M62")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and (word.isupper() or any(c.isdigit() for c in word)) and word.isalnum()


def _opening_at(text: str, pos: int) -> bool:
    """Whether the word at `pos` opens the text, a line, a sentence or a heading's phrase."""
    before = text[max(0, pos - 40):pos].rstrip(" \t")
    return not before or before[-1] in _OPENERS


def _apposed_name(text: str, end: int, names_at: dict[int, Mention], nw: NameWords) -> Mention | None:
    """The name a description ending at `end` stands beside: right after it ("le navire canadien X"), or after a
    comma and an article, itself closed by punctuation ("Le navire, le X, long de 300 mètres")."""
    m = re.match(r"\s+", text[end:end + 3])
    if m:
        pos = end + m.end()
        art = nw.patterns["leading_det"].match(text[pos:pos + 6])  # "le navire L'Atalante"
        x = names_at.get(pos) or (names_at.get(pos + art.end()) if art else None)
        if x is not None:
            return x
    m = re.match(r",\s*", text[end:end + 4])
    if m is None:
        return None
    pos = end + m.end()
    art = nw.patterns["leading_det"].match(text[pos:pos + 6])
    x = names_at.get(pos + art.end()) if art else None
    x = x or names_at.get(pos)
    if x is not None and re.match(r"\s*[,;.:)]", text[x.span.end:x.span.end + 2]):
        return x
    return None


def _cue_ok(sdoc: Any, tok_starts: list[int], h: re.Match[str], x: Mention) -> bool:
    """A class noun before a name names its class only when nothing but an adjective stands between them ("le navire
    océanographique X", not "l'avion transportant X")."""
    if h.start() >= x.span.start:
        return True  # after the name, in an apposition
    i = bisect.bisect_left(tok_starts, h.end("head"))
    j = bisect.bisect_left(tok_starts, x.span.start)
    return all(sdoc[k].pos_ == "ADJ" for k in range(i, j))


def _class_label(classes: tuple[str, ...], nw: NameWords) -> str:
    """The type of entity a description of these classes stands for (the first class's)."""
    return next((nw.class_labels[c] for c in classes if c in nw.class_labels), "organization")


def _last_two_people(out: list[Mention], before: int, first_sentence: int) -> list[Mention]:
    """The two most recent people named before `before` (from `first_sentence` on), as two different people: a
    name, or an epithet that no name is apposed to; one name per surname."""
    picked: list[Mention] = []
    keys: set[str] = set()
    for x in sorted((x for x in out if x.label == "person" and x.span.end <= before and x.sentence >= first_sentence
                     and x.kind in ("name", "epithet")), key=lambda x: -x.span.start):
        if x.kind == "epithet" and (x.attrs.get("apposed") or x.attrs.get("possessive")):
            continue
        key = fold(x.span.text).split(" ")[-1] if x.kind == "name" else f"epithet:{x.head}"
        if key in keys or any(a.span.start <= x.span.start < a.span.end for a in picked):
            continue
        keys.add(key)
        picked.append(x)
        if len(picked) == 2:
            return list(reversed(picked))
    return []


def _retype(surface: str, label: str, lx: Lexicon) -> tuple[str, dict[str, Any]]:
    """Correct the recogniser's type with general lexicons; returns (label, attrs)."""
    f = fold(surface)
    if f in lx.country_by_name:
        return "country", {"country": lx.country_by_name[f]}
    if f.startswith(_honorific_prefixes(lx.honorifics)):
        return "person", {}
    words0 = f.split(" ")
    if words0[0] in lx.site_words and len(words0) > 1:  # "cosmodrome de Vostotchny", "gare de Khassan"
        return "place", {"site": words0[0]}
    if words0[0] in lx.state_words:  # "Fédération de Russie": the state named by its formal name
        for i in range(1, len(words0)):
            tail = " ".join(words0[i:])
            if tail in lx.country_by_name:
                return "country", {"country": lx.country_by_name[tail]}
    if f in lx.seats_of_power:
        return "organization", {"seat_of_power": True}
    words = f.replace("'", " ").replace("’", " ").split()
    if words and (words[0] in lx.org_heads or (len(words) > 1 and words[-1] in lx.org_heads and label != "person")):
        return "organization", {}
    if f in lx.country_by_capital:
        return "place", {"capital_of": lx.country_by_capital[f]}
    return label, {}


def _common_opening(text: str, start: int, surface: str, first: Any) -> bool:
    """Whether a span is common words capitalised only because they open a line, a sentence or a phrase after a
    colon ("18h35 – Rebondissement.", "**Hypothèse.**", "Lire aussi : Crash en Russie", "Six autres otages sont
    ..."): no capital after its first letter, and a first word the tagger reads as no proper noun."""
    if any(c.isupper() for c in surface[1:]) or first[0].pos_ == "PROPN":
        return False
    line = text[text.rfind("\n", 0, start) + 1:start]
    return first[0].is_sent_start or not re.search(r"[^\W\dhH]", line) or line.rstrip().endswith(":")


def _after_locative(ftext: str, start: int, nw: NameWords) -> bool:
    """Whether the words right before `start` say where something lies ("au nord d'", "près de")."""
    return nw.locative_re.search(ftext, max(0, start - 40), start) is not None


def _fronted_locative(text: str, start: int, end: int, sdoc: Any, nw: NameWords) -> bool:
    """"À Tarnów, les écoles ont fermé": a lone name after a preposition of place opening the sentence, closed by a
    comma, is where the sentence happens."""
    tok = sdoc.char_span(start, end, alignment_mode="expand")
    if tok is None or tok.start == 0 or text[end:end + 1] != ",":
        return False
    prep = sdoc[tok.start - 1]
    return prep.is_sent_start and nw.patterns["fronted_place"].fullmatch(prep.text) is not None


def _after_org_head(ftext: str, start: int, lx: Lexicon) -> bool:
    """Whether an organisation noun, maybe with one lower-case adjective, stands right before `start` ("le quotidien
    X", "l'agence sud-coréenne X"); `ftext` is the folded text."""
    before = ftext[max(0, start - 40):start]
    if not before.endswith(" "):
        return False
    words = re.split(r"[\s'’]+", before.strip())
    if words and fold(words[-1]) in lx.org_heads:
        return True
    return len(words) >= 2 and words[-1].islower() and fold(words[-2]) in lx.org_heads


def _starts_clause(sdoc: Any, text: str, end: int) -> bool:
    """Whether the words after a name make it a subject: a verb, an auxiliary or a clitic pronoun follows it."""
    span = sdoc.char_span(end, min(len(text), end + 30), alignment_mode="expand")
    first = next((t for t in span if not t.is_space), None) if span is not None else None
    return first is not None and (first.pos_ in ("VERB", "AUX", "PRON") or "Neg" in first.morph.get("Polarity"))


def _agentive(sdoc: Any, text: str, start: int, end: int, nw: NameWords) -> dict[str, Any]:
    """Whether the name acts (subject of a verb, 'selon X', 'pour X,'): what makes a capital its government."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return {}
    root = span.root
    before = fold(text[max(0, start - 10):start]).split()
    if root.dep_ in ("nsubj", "nsubj:pass") or (before and before[-1] in nw.agentive_before):
        return {"agentive": True}
    if before and before[-1] in nw.agentive_before_comma and text[end:end + 1] == ",":
        return {"agentive": True}
    i = span[0].i
    if i >= 2 and sdoc[i - 1].lower_ in nw.agentive_passive and "Part" in sdoc[i - 2].morph.get("VerbForm"):
        return {"agentive": True}  # "l'opération lancée par Paris"
    return {}


def _comma_apposition(sdoc: Any, text: str, start: int, name: Mention) -> bool:
    """Whether "EPITHET, NAME" is an apposition: the name is closed by punctuation, or the epithet is no
    prepositional phrase (in "Selon le président X, Dupont et ses hommes sont libres", the comma closes the phrase
    and Dupont is the subject of what follows)."""
    nxt = text[name.span.end:name.span.end + 2].lstrip(" ")
    if not nxt or nxt[0] in ",;.:)!?»\n":
        return True
    span = sdoc.char_span(start, name.span.start, alignment_mode="expand")
    if span is None:
        return True
    return not any(c.dep_ == "case" and c.i < span.root.i for c in span.root.children)


def _possessor(out: list[Mention], start: int) -> Mention | None:
    """Whom "son X" is relative to: the last person or country named before it in its sentence, if any."""
    best = None
    for m in out:
        if m.span.end <= start and m.label in ("person", "country") and m.kind in ("name", "epithet") \
                and (best is None or m.span.start > best.span.start):
            best = m
    if best is None or start - best.span.end > 200:
        return None
    return best


def _unrecognised_holder(text: str, end: int, out: list[Mention], lx: Lexicon, nw: NameWords,
                         add: Callable[..., Mention]) -> Mention | None:
    """Two to four capitalised words right after an epithet that no mention covers ("le président kényan William
    Ruto"): the holder's name, unless the words are a country, a people or a known generic word."""
    m = nw.patterns["holder"].match(text, end)
    if m is None:
        return None
    s, e = m.start("name"), m.end("name")
    words = [fold(w) for w in m.group("name").split()]
    folded = fold(m.group("name"))
    if folded in lx.country_by_name or folded in lx.nationality or any(w in lx.not_names or w in lx.org_heads for w in words):
        return None
    inside = [x for x in out if x.span.start < e and s < x.span.end]
    if inside:
        # the recogniser kept only the surname ("Ingrid [Dahl]"): the whole name, if that is all it found there
        if len(inside) == 1 and inside[0].label == "person" and inside[0].kind == "name" and s < inside[0].span.start \
                and inside[0].span.end == e:
            inside[0].span = Span(inside[0].span.doc, s, e, text[s:e])
            inside[0].attrs["recovered"] = "after_epithet"
            return inside[0]
        return None
    return add(s, e, "person", recovered="after_epithet")


@lru_cache(maxsize=8)
def _first_words(roles: tuple[str, ...]) -> frozenset[str]:
    """The folded first words of the roles ("ministre" of "ministre de la Défense")."""
    return frozenset(fold(r).split(" ")[0] for r in roles)


@lru_cache(maxsize=8)
def _honorific_prefixes(honorifics: tuple[str, ...]) -> tuple[str, ...]:
    """What a folded name starting with an honorific starts with: the honorific and a space or a full stop."""
    return tuple(fold(h) + sep for h in honorifics for sep in (" ", "."))


def _is_credit(text: str, start: int, end: int, nw: NameWords) -> bool:
    """Photo credits and bylines in capitals ("PHOTO JANE DOE, ASSOCIATED PRESS") are read by `_furniture`, not
    by the recogniser."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return _is_credit_line(text[line_start:line_end if line_end >= 0 else len(text)], nw.patterns["credit_line"])


@lru_cache(maxsize=4096)
def _is_credit_line(line: str, credit: re.Pattern[str]) -> bool:
    # cached: a paragraph is one line, and every name in it asked the same question of the whole paragraph
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(line.split()) >= 2:
        return True
    return bool(credit.match(line)) and len(line) < 120


def _split_glued(text: str, start: int, end: int, nw: NameWords) -> list[tuple[int, int]]:
    """Undo names the recogniser glued: "Kim Kim Jong-il" (a stutter), "Poutine-Kim" (two names)."""
    surface = text[start:end]
    words = surface.split(" ")
    if len(words) >= 3 and words[0] == words[1]:
        return [(start + len(words[0]) + 1, end)]
    m = re.fullmatch(rf"({_CAP}[A-Za-zà-öø-ÿ]{{2,}})-({_CAP}[A-Za-zà-öø-ÿ]{{2,}})", surface)
    if m:
        # both halves capitalised words of their own: split if each half stands alone elsewhere in the text
        a, b = m.group(1), m.group(2)
        if all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in (a, b)):
            return [(start, start + len(a)), (start + len(a) + 1, end)]
    m = nw.patterns["glued_and"].fullmatch(surface)
    if m and m.group(2)[:1].isupper():
        return [(start, start + len(m.group(1))), (start + m.start(2), end)]
    return [(start, end)]


def _toponym_end(text: str, start: int, end: int, nw: NameWords) -> int:
    """The end of a hyphenated place name the recogniser cut at or after its joining word ("Rostov" + "-sur-le-Don",
    "Charleville-sur-la" + "-Meuse", "ROSTOV" + "-SUR-LE-DON" in a dateline)."""
    for m in nw.patterns["toponym_tail"].finditer(text, start, min(len(text), end + 60)):
        if m.start() > end:
            break
        if m.end() > end and " " not in text[m.start():end]:
            return m.end()
    return end


def _extend_proper(sdoc: Any, tok_end: int, end: int) -> int:
    """Carry a person's name over capitalised proper nouns the recogniser left out ("Kim Jong" + "Un")."""
    i = tok_end
    # Korean and Chinese given names end in short syllables the tagger reads as words ("Un", "Il")
    while i < len(sdoc) and sdoc[i].idx == end + 1 and sdoc[i].text[:1].isupper() and sdoc[i].text.isalpha() \
            and sdoc[i].ent_iob_ != "B" and len(sdoc[i].text) <= 3:
        end = sdoc[i].idx + len(sdoc[i].text)
        i += 1
    return end


def _extend_cut_name(sdoc: Any, tok_end: int, end: int, time_words: frozenset[str]) -> int:
    """A name the recogniser cut before its last word ("Benyamin" + "Nétanyahou"): one capitalised proper noun
    right after it (one space between), which no other name takes, belongs to it (even where the parser wrongly
    starts a sentence there)."""
    if tok_end >= len(sdoc) or tok_end == 0:
        return end
    tok, last = sdoc[tok_end], sdoc[tok_end - 1]
    if tok.idx == end + 1 and last.idx + len(last.text) == end and tok.pos_ == "PROPN" and tok.ent_iob_ == "O" \
            and tok.text[:1].isupper() and not tok.text.isupper() and tok.text.isalpha() and len(tok.text) > 3 \
            and fold(tok.text) not in time_words:
        return tok.idx + len(tok.text)
    return end


def _extend_adjectives(sdoc: Any, tok_starts: list[int], end: int) -> int:
    """Carry an epithet over the adjectives that follow it ("des Affaires étrangères").

    `tok_starts` are the tokens' offsets (sorted), so the first token at or after `end` is found by bisection."""
    for i in range(bisect.bisect_left(tok_starts, end), len(tok_starts)):
        tok = sdoc[i]
        if tok.idx - end <= 1 and tok.pos_ == "ADJ" and tok.text[:1].islower():
            end = tok.idx + len(tok.text)
            continue
        break
    return end


def _next_name(names: list[tuple[int, int, Mention]], pos: int, text: str, max_gap: int) -> Mention | None:
    i = bisect.bisect_left(names, (pos, -1))
    if i < len(names):
        s, _, m = names[i]
        gap = text[pos:s]
        if len(gap) <= max_gap and gap.strip() in ("", ","):
            return m
    return None


def _epithet_key(m: re.Match[str], lx: Lexicon, tail: str = "") -> tuple[str, dict[str, Any]]:
    role = fold(m.group("role"))
    nat = m.group("nat") or m.group("nat2")
    country = lx.nationality.get(fold(nat)) if nat else None
    if country is None:  # a nationality among the adjectives the epithet was extended over
        country = next((lx.nationality[w] for w in fold(tail).split() if w in lx.nationality), None)
    comp = fold(m.group("comp")).replace("’", "'") if m.group("comp") else ""
    if country is None and comp:
        # "le président du Bélarus", "le maître du Kremlin": a complement naming a country or its seat of power
        tail = comp.split(" ", 1)[1] if " " in comp else comp.split("'", 1)[-1]
        for t in (tail, tail.split("'", 1)[-1], tail.split(" ", 1)[-1]):
            country = lx.country_by_name.get(t) or lx.seat_country.get(t)
            if country:
                break
    group = lx.role_group.get(role)
    if country is None and comp and group:
        # "l'homme fort de Minsk", "le maître de Damas": a leader's complement naming a capital names its country
        tail = comp.split(" ", 1)[1] if " " in comp else comp.split("'", 1)[-1]
        country = lx.country_by_capital.get(tail.split("'", 1)[-1])
    key = "|".join([role, country or "", comp])
    # a leader's role with a complement naming no country ("le chef de Wagner") leads that body, not a country: the
    # group joins its synonyms for that body only ("le patron de Wagner")
    attrs = {"role": role, "country": country, "complement": comp or None, "role_group": group if not comp or country else None}
    if group and comp and not country:
        attrs["body_group"] = group
    return key, attrs


def _best_expansion(acr: str, long: str, stop: frozenset[str]) -> str | None:
    """The shortest tail of `long` whose initials spell the acronym (exactly, else as a subsequence); `stop` are the
    short words the initials skip."""
    words = long.split(" ")
    fallback = None
    for i in range(len(words) - 1, -1, -1):
        tail = " ".join(words[i:])
        if (el := re.match(r"[dl]['’](?=[A-ZÀ-Þ])", tail)) is not None:
            tail = tail[el.end():]  # "l'Union africaine (UA)": the name after its elided article
        if not tail[:1].isupper():
            continue
        if _initials_match(acr, tail, stop, exact=True):
            return tail
        if fallback is None and _initials_match(acr, tail, stop):
            fallback = tail
    return fallback


def _initials_match(acr: str, long: str, stop: frozenset[str], exact: bool = False) -> bool:
    """Whether the initials of `long`'s words (but the short words of `stop`) spell the acronym; exactly, the short
    words may give their initial too ("CEDEAO" of "Communauté économique des États de l'Afrique de l'Ouest"); an
    acronym written as a word ("Cédéao") is read in capitals."""
    acr = fold(acr).upper()
    every = [w for w in re.split(r"[\s'’-]+", long) if w]
    words = [w for w in every if fold(w) not in stop]
    initials = "".join(fold(w[0]).upper() for w in words)
    if exact:
        return len(words) >= 2 and (initials == acr or _spelled(acr, tuple(fold(w) for w in every), stop))
    it = iter(initials)
    return len(words) >= 2 and initials[:1] == acr[:1] and all(c in it for c in acr)


def _spelled(acr: str, words: tuple[str, ...], stop: frozenset[str]) -> bool:
    """Whether the folded words spell the acronym by their initials, every word but a short word of `stop` giving
    its initial, and a short word giving it or not."""
    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(acr)
        hit = i < len(acr) and acr[i] == words[j][0].upper() and go(i + 1, j + 1)
        return hit or (words[j] in stop and go(i, j + 1))
    return go(0, 0)


def _equipment_head(surface: str, lx: Lexicon) -> str:
    f = fold(surface).replace("’", "'")
    for head, pattern in _equipment_patterns(lx.equipment):
        if pattern.fullmatch(f):
            return head
    return f


@lru_cache(maxsize=8)
def _equipment_patterns(nouns: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each equipment noun, folded, with its compiled singular-or-plural pattern (in the lexicon's order)."""
    return tuple((fold(n), re.compile(_plural_pattern(fold(n)))) for n in nouns)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
