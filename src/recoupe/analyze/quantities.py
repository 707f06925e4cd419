"""The `quantities` component: numbers with their unit, bound and context (places, subject) as spans, French first."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from text_to_num import text2num

from recoupe import lang as languages
from recoupe.analyze.clock import clock_times, words_after
from recoupe.analyze.nlp import text_of
from recoupe.analyze.registry import Context, component
from recoupe.lang.fr.quantities import QuantityWords as Lexicon
from recoupe.model import Mention, QuantityRec, Span
from recoupe.model.text import fold

_APOS = str.maketrans({"’": "'", "‘": "'"})
_APOSTROPHE = "'"


# digits with French separators: "1 500", "1.500", "86,4", "1 500 000"; never glued to a word before
# ("Su-27", "T90", "KN-09") so model names and codes are not numbers.
_DIGITS = re.compile(r"(?<![\w.,/\-–])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+)(?:[,.](\d+))?(?!\d)")


@dataclass
class _Num:
    start: int
    end: int
    value: float
    value_max: float | None = None
    bound: str = "exact"
    vague: bool = False  # "des dizaines", "un millier": the value is an order of magnitude
    scaled: bool = False  # a multiplier or vague noun was read, so "de" + unit may follow
    words: bool = False
    attrs: dict[str, Any] = field(default_factory=dict)


def parse_number_words(text: str, pack: languages.LanguagePack | None = None) -> float | None:
    """Value of French number words ("deux millions", "mille deux cents"); None when not a number.

    text2num is wrapped because it raises on some valid inputs and mangles decimals with multipliers.
    """
    pack = pack or languages.pack()
    t = re.sub(r"\s+", " ", text.strip().lower())
    lex = pack.quantities
    t = lex.conjunction_edges_re.sub("", t).strip()
    if not t or t == lex.conjunction:
        return None
    try:
        return float(text2num(t, pack.code))
    except (ValueError, TypeError):
        pass
    # "trois cent mille millions": split off a trailing multiplier and retry the head
    parts = t.split(" ")
    if len(parts) > 1 and parts[-1] in lex.multipliers:
        head = parse_number_words(" ".join(parts[:-1]), pack)
        if head is not None:
            return head * lex.multipliers[parts[-1]]
    return None


def _digits_value(whole: str, frac: str | None) -> float:
    intpart = re.sub(r"[ \u00a0\u202f.]", "", whole)
    return float(f"{intpart}.{frac}") if frac else float(intpart)


def _match_multiplier(text: str, pos: int, lex: Lexicon) -> tuple[int, float] | None:
    """A multiplier right after a number: "millions", "milliards", "Mds"; abbreviations must match their case."""
    m = re.match(r"[ \u00a0\u202f]?([^\W\d_]+)", text[pos:pos + 14])
    if not m:
        return None
    word = m.group(1)
    if word in lex.case_sensitive:
        key = word
    elif word.lower() not in lex.case_sensitive:
        key = word.lower()
    else:
        return None
    if key not in lex.multipliers:
        return None
    end = pos + m.end()
    if end < len(text) and (text[end].isalpha() or (key in lex.case_sensitive and text[end] == ".")):
        return None  # "5 M. Dupont": an abbreviation followed by a full stop is a title, not a million
    return end, lex.multipliers[key]


def _match_unit(text: str, pos: int, lex: Lexicon, allow_de: bool) -> tuple[int, str] | None:
    """The unit written at `pos` (after optional spaces, and "de"/"d'" when a multiplier came first)."""
    m = _SPACES.match(text, pos)  # at pos: slicing text[pos:] copied the rest of the document for every number
    p = m.end() if m else pos
    if allow_de:
        d = lex.of_re.match(text[p:p + 4].translate(_APOS))
        if d:
            p += d.end()
    window = text[p:p + 40].translate(_APOS)
    low = window.lower()
    for form, unit, cs in lex.unit_forms:
        hay = window if cs else low
        f = form if cs else form.lower()
        if hay.startswith(f):
            e = p + len(f)
            nxt = text[e] if e < len(text) else " "
            if nxt.isalnum() or nxt in "-_":
                continue
            # a bare "m"/"t"/"h" after a space is a unit only before a non-word; "à 14 h 30" is a time of day
            if unit == "h" and re.match(r"\s?\d", text[e:e + 2]):
                return None
            return e, unit
    return None


_SPACES = re.compile(r"[ \u00a0\u202f]*")


def _preceding_words(text: str, start: int, n: int = 30) -> str:
    return text[max(0, start - n):start].translate(_APOS).lower()


def _approx_before(text: str, start: int, lex: Lexicon) -> tuple[int, str] | None:
    before = _preceding_words(text, start, 32)
    for form, bound in lex.approx_before:
        f = form.lower()
        sep = "" if f.endswith("'") else " "
        if before.endswith(f + sep) or (sep and before.endswith(f + "\u00a0")):
            s = start - len(f) - len(sep)
            if s == 0 or not text[s - 1].isalnum():
                return s, bound
    return None


def _approx_after(text: str, end: int, lex: Lexicon) -> tuple[int, str] | None:
    after = text[end:end + 16].lower()
    for form, bound in lex.approx_after:
        m = re.match(rf"\s*,?\s*{re.escape(form)}(?!\w)", after)
        if m:
            return end + m.end(), bound
    return None


def _candidates(text: str, lex: Lexicon, pack: languages.LanguagePack) -> list[_Num]:
    """Every number in the text, digits, words or vague nouns, without units yet."""
    out: list[_Num] = []
    taken: list[tuple[int, int]] = []
    for m in lex.vague_re.finditer(text):
        det, noun, plural = m.group(1).lower(), m.group(2).lower(), m.group(3)
        single, low, high = lex.vague[noun]
        if det in lex.magnitude_prepositions and not plural:
            continue  # "en dizaine" is no order of magnitude; "se compter en dizaines" is
        if det in lex.singular_determiners and not plural:
            n = _Num(m.start(), m.end(), single, bound="approx", vague=True, scaled=True)
        else:
            n = _Num(m.start(), m.end(), low, high, bound="range", vague=True, scaled=True)
        if det in lex.magnitude_prepositions and _word_before(text, m.start()) in lex.negation_before:
            n.attrs["negated"] = True  # "en dizaines et pas en milliers": not thousands
        # "des dizaines de millions": the vague noun scales a following multiplier
        mm = lex.multiplier_after_of_re.match(text, m.end(), m.end() + 20)
        if mm:
            k = lex.multipliers.get(mm.group(1).lower(), 1000.0)
            n.value *= k
            n.value_max = n.value_max * k if n.value_max is not None else None
            n.end = mm.end()
        out.append(n)
        taken.append((n.start, n.end))
    low = text.translate(_APOS).lower()
    for form, value, unit in lex.fixed_quantities:  # "une demi-heure", "half an hour": a quantity by itself
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            n = _Num(m.start(), m.end(), value, words=True)
            n.attrs["fixed_unit"] = unit
            out.append(n)
            taken.append((n.start, n.end))
    for m in _DIGITS.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        n = _Num(m.start(), m.end(), _digits_value(m.group(1), m.group(2)))
        n.attrs["digits"] = m.group(0)
        mult = _match_multiplier(text, m.end(), lex)
        if mult:
            n.end, k = mult
            n.value *= k
            n.scaled = True
            n.attrs["scale"] = k
        out.append(n)
        taken.append((n.start, n.end))
    for m in lex.word_number_re.finditer(text):
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        words = m.group(0)
        # trim a dangling conjunction at either end ("vingt et" in "vingt et un" is kept whole by the regex)
        edges = list(lex.conjunction_edges_re.finditer(words))
        lead = next((e.end() for e in edges if e.start() == 0 and e.end() < len(words)), 0)
        trail = next((e.end() - e.start() for e in edges if e.end() == len(words) and e.start() > 0), 0)
        s, e = m.start() + lead, m.end() - trail
        if e <= s:
            continue
        value = parse_number_words(text[s:e], pack)
        if value is None:
            continue
        n = _Num(s, e, value, words=True)
        tail = re.search(r"(millions?|milliards?)$", text[s:e], re.I)
        n.scaled = tail is not None
        if tail:
            n.attrs["scale"] = lex.multipliers[tail.group(1).lower()]
        out.append(n)
    out.sort(key=lambda n: n.start)
    return out


def _count_noun(sdoc: Any, pos: int, lex: Lexicon, allow_de: bool, starts: list[int] | None = None) -> tuple[int, str, str] | None:
    """The counted noun after `pos` ("180 usines" -> usine), skipping "derniers", "de"; (end, lemma, text)."""
    if sdoc is None:
        return None
    tok = _token_at(sdoc, pos, starts)
    steps = 0
    while tok is not None and steps < 3:
        low = tok.text.lower().translate(_APOS)
        if low in lex.adjectives_between or (allow_de and low in lex.of_words):
            tok = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            steps += 1
            continue
        break
    if tok is None or tok.pos_ != "NOUN" or not tok.text.isalpha():
        return None
    lemma = tok.lemma_.lower()
    # the lemmatiser strips the "s" of invariable nouns ("obus" -> "obu"); keep the word it knows
    vocab = tok.vocab
    if lemma != tok.lower_ and not vocab.has_vector(lemma) and vocab.has_vector(tok.lower_):
        lemma = tok.lower_
    if lemma in lex.months or tok.text.lower() in lex.months:
        return None
    # a counted noun with its complement: "membres d'équipage" counts a crew, not members
    if tok.i + 2 < len(tok.doc):
        of, comp = tok.nbor(1).lower_.translate(_APOS), tok.nbor(2)
        compound = f"{lemma} {of}{'' if of.endswith(_APOSTROPHE) else ' '}{comp.lower_}"
        if of in lex.of_words and compound in lex.noun_groups:
            return comp.idx + len(comp.text), compound, tok.text
    return tok.idx + len(tok.text), lemma, tok.text


_CLOSING_QUOTES = "»”\""
_OPENING_QUOTES = "«“"


def _noun_after_quote(text: str, pos: int, sdoc: Any, lex: Lexicon, starts: list[int] | None) -> tuple[int, str, str] | None:
    """The counted noun written after the closing quotation mark of a quoted figure: « plusieurs centaines » de
    morts — the press quotes the number and puts the noun outside the marks."""
    window = text[pos:pos + 160]
    k = next((i for i, ch in enumerate(window) if ch in _CLOSING_QUOTES), -1)
    if k < 0 or any(ch in _OPENING_QUOTES or ch in ".!?\n" for ch in window[:k]):
        return None
    m = lex.of_re.match(window[k + 1:].lstrip().translate(_APOS))
    if not m:
        return None
    return _count_noun(sdoc, pos + k + 1, lex, allow_de=True, starts=starts)


def _measured_noun(text: str, pos: int, lex: Lexicon) -> tuple[int, str] | None:
    """What a length measures when the text says it right after the unit: "2 000 mètres d'altitude" -> altitude."""
    after = text[pos:pos + 30].translate(_APOS)
    m = re.match(r"\s*", after)
    rest = after[m.end():] if m else after
    d = lex.of_re.match(rest)
    if not d:
        return None
    w = re.match(r"[^\W\d_]+", rest[d.end():])
    if not w or w.group(0).lower() not in lex.measured_nouns:
        return None
    return pos + (m.end() if m else 0) + d.end() + w.end(), lex.measured_nouns[w.group(0).lower()]


def _token_at(sdoc: Any, pos: int, starts: list[int] | None = None) -> Any:
    """The first non-space token starting at or after `pos` (binary search over token offsets)."""
    starts = starts if starts is not None else sdoc.to_array("IDX").tolist()
    i = bisect.bisect_left(starts, pos)
    while i < len(sdoc) and sdoc[i].is_space:
        i += 1
    return sdoc[i] if i < len(sdoc) else None


def find_quantities(text: str, sdoc: Any = None, pack: languages.LanguagePack | None = None) -> list[_Num]:
    """Quantities in `text` with value, unit, bound and span (no context yet); dates, years and codes skipped."""
    pack = pack or languages.pack()
    lex = pack.quantities
    cands = _candidates(text, lex, pack)
    starts = sdoc.to_array("IDX").tolist() if sdoc is not None else None
    found: list[_Num] = []
    for n in cands:
        if _skipped_before(text, n.start, lex):
            continue
        # "2 millions de", but also "3 000 000 de personnes": French puts "de" after a round million
        allow_de = n.scaled or n.value >= 1_000_000
        unit_m = (n.end, n.attrs["fixed_unit"]) if "fixed_unit" in n.attrs else _match_unit(text, n.end, lex, allow_de=allow_de)
        unit: str | None = None
        end = n.end
        if unit_m:
            end, unit = unit_m
            frac = _fraction_after(text, end, lex) if "fixed_unit" not in n.attrs else None
            if frac is not None:  # "une heure et demie"
                end, n.value = frac[0], n.value + frac[1]
        elif n.end < len(text) and (text[n.end].isalpha() or text[n.end] in "°²³"):
            continue  # a glued suffix: an ordinal ("3e", "1er"), a time ("14h30"), a code ("1990s")
        else:
            noun = _count_noun(sdoc, n.end, lex, allow_de=allow_de, starts=starts)
            if noun is None and (n.vague or n.scaled):
                noun = _noun_after_quote(text, n.end, sdoc, lex, starts)
                if noun is not None:
                    n.attrs["noun_end"] = noun[0]
                    noun = (n.end, noun[1], noun[2])  # the span stays the quoted figure
            if noun is not None and not (re.fullmatch(r"\d{4}", n.attrs.get("digits", "")) and noun[2][:1].isupper()):
                end, lemma, word = noun
                unit = _unit_for_word(word, lex) or lemma
        if _is_date_like(text, n, unit, lex):
            continue
        if n.words and n.value == 1 and not n.scaled and unit not in lex.dimensions:
            continue  # "un homme": "un" is an article
        if unit in lex.dimensions and lex.dimensions[unit] == "duration" and _time_of_day(text, n, unit, lex):
            continue
        n.attrs["unit"] = unit
        n.end = end
        if unit in lex.dimensions and lex.dimensions[unit] == "length":
            mn = _measured_noun(text, end, lex)
            if mn:
                n.attrs["measure"] = mn[1]
        found.append(n)  # bare numbers are kept until ranges are merged ("entre 5 et 10 km")
    merged = _merge_ranges(text, found, lex)
    for n in merged:
        ap = _approx_before(text, n.start, lex)
        if ap and n.bound in ("exact", "approx"):
            n.start, n.bound = ap[0], ap[1]
        elif n.bound == "exact":
            aa = _approx_after(text, n.end, lex)
            if aa:
                n.end, n.bound = aa
        if n.bound == "exact" and n.vague:
            n.bound = "approx"
    return merged


def _fraction_after(text: str, pos: int, lex: Lexicon) -> tuple[int, float] | None:
    """A fraction of the unit written after it: "une heure et demie" (end, fraction)."""
    return words_after(text, pos, lex.unit_fractions, r"\s+")


def _unit_for_word(word: str, lex: Lexicon) -> str | None:
    low = word.lower()
    for form, unit, cs in lex.unit_forms:
        if (form == word) if cs else (form.lower() == low):
            return unit
    return None


def _skipped_before(text: str, start: int, lex: Lexicon) -> bool:
    before = _preceding_words(text, start, 16).rstrip()
    last = before.split(" ")[-1] if before else ""
    if last in lex.skip_before or last.rstrip(".") + "." in lex.skip_before:
        return True
    # a footnote call "[1]"
    return start > 0 and text[start - 1] == "[" and text[start:start + 4].split("]")[0].isdigit()


def _is_date_like(text: str, n: _Num, unit: str | None, lex: Lexicon) -> bool:
    after = text[n.end:n.end + 14].lower()
    first = re.match(rf"\s*(?:{lex.day_ordinal}\s+)?([^\W\d_]+)", after)
    if first and first.group(1) in lex.months and n.value <= 31:
        return True  # "13 septembre", "1er mai"
    if n.words or n.scaled:
        return False
    digits = n.attrs.get("digits", "")
    if unit is None and re.fullmatch(r"\d{4}", digits) and 1000 <= n.value <= 2199:
        return True  # a year
    if re.fullmatch(r"\d{4}", digits) and 1000 <= n.value <= 2199 and re.match(r"\s*[-–]\s*\d{4}", text[n.end:n.end + 8]):
        return True  # "1950-1953"
    before = _preceding_words(text, n.start, 14)
    if unit in ("year", "month", "d", "week") and any(before.endswith(c + " ") for c in lex.relative_date_before):
        return True  # "il y a 75 ans" is a date, not a measured duration
    return False


def _time_of_day(text: str, n: _Num, unit: str | None, lex: Lexicon) -> bool:
    if unit != "h" or n.value > 24:
        return False
    before = _preceding_words(text, n.start, 12).rstrip()
    last = before.split(" ")[-1] if before else ""
    return last in lex.time_of_day_before


def _merge_ranges(text: str, found: list[_Num], lex: Lexicon) -> list[_Num]:
    """"entre 5 et 10 km", "de 5 à 10 km", "5-10 km": one quantity from the first to the second value."""
    out: list[_Num] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and lex.range_join_re.match(text[a.end:b.start]) and a.attrs.get("unit") in (None, b.attrs.get("unit")):
            before = _preceding_words(text, a.start, 8)
            joiner = text[a.end:b.start].strip().lower()
            opener, need = lex.range_joiners.get(joiner, ("", "none"))
            opened = bool(opener) and before.endswith(opener + " ")
            ok = need == "none" or opened or (need == "optional" and a.attrs.get("unit") is None)
            if ok and "scale" in b.attrs and "scale" not in a.attrs and a.value < b.attrs["scale"]:
                a.value *= b.attrs["scale"]  # "deux à trois millions": the multiplier is shared
            if ok and b.value >= a.value:
                start = a.start - (len(opener) + 1 if opened else 0)
                r = _Num(start, b.end, a.value, b.value_max or b.value, bound="range", vague=a.vague or b.vague, scaled=b.scaled)
                r.attrs = dict(b.attrs)
                out.append(r)
                i += 2
                continue
        if a.attrs.get("unit") is not None or a.scaled or a.vague:
            out.append(a)
        i += 1
    return [n for n in out if n.attrs.get("unit") is not None or n.scaled or n.vague]


# --- context: what the quantity measures --------------------------------------------------------


def _segment(text: str, start: int, limit: int, lex: Lexicon) -> tuple[int, int]:
    """From `start`, the words up to the first stop (comma, conjunction, clause word) before `limit`."""
    end = limit
    low = text[start:limit].lower()
    for stop in lex.segment_stops:
        k = low.find(stop)
        if k >= 0:
            end = min(end, start + k)
    return start, end


_NEAR = 12  # a place "right after" a preposition: at most an article or a short common noun away


def _places_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    # overlap, not containment: the recogniser sometimes swallows the preposition ("de Lille")
    return [m for m in mentions if m.label != "person" and m.span.start < end and start < m.span.end]


def _span_dict(m: Mention) -> dict[str, Any]:
    return {"start": m.span.start, "end": m.span.end, "text": m.span.text, "label": m.label}


def place_context(text: str, sent: tuple[int, int], q_start: int, q_end: int, mentions: list[Mention], lex: Lexicon) -> dict[str, Any]:
    """The places a distance, speed or duration refers to, read from the words around it in its sentence.

    Patterns: "entre X et Y", "séparant X de Y", "de X à Y", "à N km de X" (the other end is the place
    named just before, when there is one), and the cues "à vol d'oiseau" (geodesic) or a route (train, road).
    """
    s_start, s_end = sent
    sentence = text[s_start:s_end]
    low = sentence.lower().translate(_APOS)
    attrs: dict[str, Any] = {}
    words: list[str] = []
    places: list[dict[str, Any]] = []
    rel_after = low[q_end - s_start:]
    # "à vol d'oiseau" right after the quantity or anywhere in the sentence
    for cue in lex.geodesic_cues:
        if cue in low:
            attrs["geodesic"] = True
            words.append(cue)
            break
    for cue in lex.route_cues:
        if re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", low):
            attrs["route"] = True
            words.append(cue)
            break
    # the words right after the quantity: "[à vol d'oiseau] de X" / "séparant X de Y" / "entre X et Y"
    m_after = lex.after_distance_re.match(rel_after)
    m_sep = lex.separating_re.match(rel_after)
    if m_sep:
        seg_start = q_end + m_sep.start(1)
        seg = text[seg_start:s_end]
        j = lex.pair_joiner_re.search(seg.translate(_APOS))
        if j:
            a0, a1 = seg_start, seg_start + j.start()
            b0, b1 = _segment(text, seg_start + j.end(), s_end, lex)
            pa, pb = _places_in(mentions, a0, a1), _places_in(mentions, b0, b1)
            words.append(text[q_end:b1].strip())
            if pa and pb:
                places = [{"role": "from", **_span_dict(pa[0])}, {"role": "to", **_span_dict(pb[0])}]
    elif m_after:
        seg = _segment(text, q_end + m_after.end(), s_end, lex)
        words.append(text[q_end:seg[1]].strip())
        attrs["target"] = text[seg[0]:seg[1]].strip()  # "la frontière coréenne": kept even when it names no place
        pb = _places_in(mentions, *seg)
        # the other end: the last place named before the quantity in the sentence ("Vostotchny, à 1 000 km de X");
        # kept when the far end is no place name ("à 600 km de la capitale"), for resolution to complete
        before = [m for m in _places_in(mentions, s_start, q_start)]
        if pb:
            places.append({"role": "to", **_span_dict(pb[0])})
            if before:
                places.insert(0, {"role": "from", **_span_dict(before[-1])})
                words.insert(0, before[-1].span.text)
        # the near end, for resolution to complete when the far end names no known place ("de la capitale")
        if before and attrs.get("target"):
            attrs["from_place"] = _span_dict(before[-1])
    if not places and not m_after and not m_sep:
        # "la distance entre X et Y est de N km": the pair named anywhere in the sentence
        em = lex.between_re.search(low)
        if em:
            a0, a1 = s_start + em.start(1), s_start + em.end(1)
            b0, b1 = _segment(text, s_start + em.start(2), s_end, lex)
            pa = [m for m in _places_in(mentions, a0, a1) if m.span.start - a0 <= _NEAR]
            pb = [m for m in _places_in(mentions, b0, b1) if m.span.start - b0 <= _NEAR]
            if pa and pb:
                places = [{"role": "from", **_span_dict(pa[0])}, {"role": "to", **_span_dict(pb[0])}]
                words.append(text[s_start + em.start():b1])
    if not places and not m_after and not m_sep:
        # a journey stated in the sentence: "de X à Y", "depuis X jusqu'à Y", each place right after its preposition
        for jm in lex.journey_re.finditer(low):
            a0 = s_start + jm.start(1)
            a1 = s_start + jm.end(1)
            b0, b1 = _segment(text, s_start + jm.start(2), s_end, lex)
            pa = [m for m in _places_in(mentions, a0, a1) if m.span.start - a0 <= _NEAR]
            pb = [m for m in _places_in(mentions, b0, b1) if m.span.start - b0 <= _NEAR]
            if pa and pb and pa[0].span.start != pb[0].span.start:
                places = [{"role": "from", **_span_dict(pa[0])}, {"role": "to", **_span_dict(pb[0])}]
                attrs["journey"] = True
                words.append(text[s_start + jm.start():b1])
                break
    if places:
        attrs["places"] = places
    if words:
        attrs["place_words"] = list(dict.fromkeys(words))
    return attrs


_MAX_SUBJECT = 60


def subject_context(sdoc: Any, q_start: int, q_end: int) -> dict[str, Any]:
    """The grammatical subject and verb the quantity belongs to ("La Corée du Nord possède N obus")."""
    if sdoc is None:
        return {}
    span = sdoc.char_span(q_start, q_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return {}
    # climb to the top of the quantity's own words, then one step: the verb it is an argument of
    top = span[-1]
    # (spaCy makes a new Token object on each access: compare indices, never identity)
    while top.head.i != top.i and span.start <= top.head.i < span.end:
        top = top.head
    tok = top.head
    if tok.i == top.i or tok.pos_ not in ("VERB", "AUX"):
        return {}
    out: dict[str, Any] = {"verb": tok.lemma_.lower()}
    if top.dep_ not in ("obj", "xcomp", "nsubj:pass"):
        return out  # the quantity hangs off a complement ("entre les deux pays"): the subject is not what it counts
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubj:pass"):
            toks = list(child.subtree)
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if child.pos_ == "PRON" or e - s > _MAX_SUBJECT or (s <= q_start and q_end <= e):
                break  # a pronoun, a long clause or the quantity itself: not a subject we can match across sources
            out["subject"] = {"start": s, "end": e, "text": text_of(sdoc)[s:e]}
            break
    return out


def _about(text: str, n: _Num, unit: str | None, lex: Lexicon, attrs: dict[str, Any]) -> str | None:
    dim = lex.dimensions.get(unit or "")
    places = attrs.get("places") or []
    if dim == "length" and places:
        names = [p["text"] for p in places]
        return "distance " + " – ".join(names) if len(names) > 1 else f"distance to {names[0]}"
    if dim in ("speed", "duration") and len(places) == 2 and attrs.get("journey"):
        what = "speed" if dim == "speed" else "duration"
        return f"{what} {places[0]['text']} – {places[1]['text']}"
    if dim is None and unit:
        subj = attrs.get("subject", {}).get("text")
        return f"{subj}: {unit}" if subj else None
    return None


# --- context: what a count counts, who or what it belongs to, and how it is told ------------------------


_CLIMB = 4  # steps up the parse when looking for a governing plan, denial or predicate


def _tokens(sdoc: Any, start: int, end: int) -> Any:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _top(span: Any) -> Any:
    """The token of a quantity's words that the rest of the sentence governs (the counted noun, the unit)."""
    top = span[-1]
    while top.head.i != top.i and span.start <= top.head.i < span.end:
        top = top.head
    return top


def _phrase(tok: Any, before: int | None = None) -> dict[str, Any]:
    """A noun with its determiners and complements, cut before `before` (a quantity inside its phrase) and at the
    first punctuation after the noun."""
    toks = [t for t in tok.subtree if before is None or t.idx < before]
    cut = next((k for k, t in enumerate(toks) if t.i > tok.i and t.is_punct), None)
    toks = toks[:cut] if cut is not None else toks
    while toks and (toks[-1].is_punct or toks[-1].pos_ == "ADP"):
        toks.pop()
    while len(toks) > 1 and toks[0].dep_ == "case":
        toks.pop(0)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return {"start": s, "end": e, "text": text_of(tok.doc)[s:e]}


def clause_context(sdoc: Any, start: int, end: int, unit: str | None, lex: Lexicon, pack: languages.LanguagePack,
                   set_units: tuple[str, ...] = (), mentions: list[Mention] | None = None) -> dict[str, Any]:
    """How the sentence tells a quantity: the predicate it counts ("libérés", "la libération de", "tués") and its
    group, the groups of its counted noun, the thing it belongs to ("le col X, à N mètres"; "un marin du Dali"),
    whether it is planned or expected (future, conditional, "prévoir"), denied ("je démens que nous ayons N")
    or a part of a larger count ("N autres", "dont N")."""
    if sdoc is None:
        return {}
    span = _tokens(sdoc, start, end)
    if span is None:
        return {}
    top = _top(span)
    out: dict[str, Any] = {}
    # the predicate: a participle on the counted noun ("12 otages libérés"), the noun it complements ("la
    # libération de 50 otages"), or the verb it is an argument of
    pred = top if top.pos_ in ("VERB", "ADJ") and top.lemma_.lower() in lex.predicate_groups else None  # "aucun n'était blessé"
    for c in top.children if pred is None else ():
        if c.dep_ in ("acl", "amod") and c.pos_ in ("VERB", "ADJ") and c.lemma_.lower() in lex.predicate_groups:
            pred = c
            break
    if pred is None and top.head.i != top.i:
        h = top.head
        if h.pos_ == "NOUN" and h.lemma_.lower() in lex.predicate_groups:
            pred = h
        elif h.pos_ in ("VERB", "AUX", "ADJ"):
            pred = h
    if pred is not None:
        out["predicate"] = pred.lemma_.lower()
        group = lex.predicate_groups.get(pred.lemma_.lower()) or lex.predicate_groups.get(pred.lower_)
        if group:
            out["predicate_group"] = group
    # what a duration measures: the activity its predicate or noun names ("après avoir volé une heure": a flight)
    if unit and lex.dimensions.get(unit) == "duration" and lex.activities:
        t, steps = top, 0
        while t.head.i != t.i and steps < 3:
            t, steps = t.head, steps + 1
            act = lex.activities.get(t.lemma_.lower()) or lex.activities.get(t.lower_)
            if act:
                out["activity"] = act
                break
    # what the count counts, in normalised groups; a generic noun ("personnes") counts what its predicate says
    if unit and unit not in lex.dimensions:
        groups = [g for u in [unit, *set_units] for g in lex.noun_groups.get(u, ())]
        if unit in lex.generic_counted and out.get("predicate_group") in lex.casualty_groups:
            groups.insert(0, out["predicate_group"])  # "trois personnes tuées" count the dead
        if groups:
            out["groups"] = list(dict.fromkeys(groups))
    # a part of a larger count: "cinq autres passagers", "dont trois membres d'équipage"
    words = {t.lower_ for t in span} | {t.lower_ for t in top.children if t.dep_ in ("amod", "det")}
    after = text_of(sdoc)[end:end + 20].lower().translate(_APOS).lstrip()
    if words & lex.partial_words or _word_before(text_of(sdoc), start) in lex.partial_words or after.startswith(lex.partial_after):
        out["partial"] = True
    # "les deux hommes": a definite small count stands for people named before, it states no figure
    dets = [t for t in span if t.dep_ == "det" and t.i < top.i] + [t for t in top.children if t.dep_ == "det" and t.i < span.start]
    if any(t.lower_ in lex.definite_determiners for t in dets):
        out["definite"] = True
    # a nationality counted ("10 Thaïlandais") is a group of people of that country
    if unit and fold(unit) in pack.lexicon.nationality:
        out["nationality"] = pack.lexicon.nationality[fold(unit)]
    # a count for one place ("deux victimes à X") is a part of the count for all
    for t in [top, *([pred] if pred is not None else [])] if unit and unit not in lex.dimensions else []:
        for c in t.children:
            if (c.dep_.startswith("obl") or c.dep_ == "nmod") and c.pos_ == "PROPN" and any(
                    g.dep_ == "case" and g.lower_ in lex.locative_prepositions for g in c.children):
                out["where"] = _phrase(c)
                break
        if "where" in out:
            break
    if "where" not in out and unit and unit not in lex.dimensions and mentions:
        # the parser missed the name: a place mention after a locative preposition in the predicate's clause
        head = pred if pred is not None else top
        lo, hi = min(t.idx for t in head.subtree), max(t.idx + len(t) for t in head.subtree)
        for m in mentions:
            if m.label == "place" and lo <= m.span.start < hi and m.span.start > start and \
                    _word_before(text_of(sdoc), m.span.start) in lex.locative_prepositions:
                out["where"] = {"start": m.span.start, "end": m.span.end, "text": m.span.text}
                break
    # what the measure belongs to: the noun a quantity phrase complements ("le col X, à N mètres d'altitude"), or a
    # proper noun complementing the counted noun ("un marin du Dali"); through an apposition to the name it describes
    # ("X, père de deux enfants")
    if top.dep_ in ("nmod", "appos", "acl") and top.head.pos_ in ("NOUN", "PROPN") and top.head.i < top.i and \
            top.head.lemma_.lower() not in lex.predicate_groups and top.head.lemma_.lower() not in lex.planned_predicates:
        h = top.head
        if h.dep_ == "appos" and h.head.pos_ == "PROPN":
            h = h.head
        out["holder"] = _phrase(h, before=start)
    else:
        for c in top.children:
            if c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i > top.i and not any(
                    g.dep_ == "case" and g.lower_ in lex.locative_prepositions for g in c.children):
                out["holder"] = _phrase(c)
                break
    # planned or expected, denied, negated: climb the governing predicates; a denial verb opening the clause ("je
    # démens que nous ayons N disparus") denies it even when the parser hangs the clause elsewhere
    for t in top.sent:
        if t.i >= top.i:
            break
        if t.lemma_.lower() in lex.denial_verbs and any(
                x.lower_.translate(_APOS) in lex.complementizers for x in sdoc[t.i + 1:top.i]):
            out["status"] = "denied"
            return out
    tok, steps = top, 0
    grammar = pack.grammar
    while steps < _CLIMB:
        lemma = tok.lemma_.lower()
        if lemma in lex.denial_verbs and tok.i != top.i:
            out["status"] = "denied"
            break
        if steps <= 1 and lemma in lex.bound_verbs:
            out["bound_verb"] = lex.bound_verbs[lemma]  # "ont dépassé 220 km/h"
        if lemma in lex.planned_predicates or tok.lower_ in lex.planned_predicates:
            out["status"] = "planned"
            break
        if tok.pos_ in ("VERB", "AUX"):
            tense, ref = grammar.clause_tense(tok)
            if (ref == "future" and tense.value not in ("future_perfect",)) or (tense.value == "imperfect" and grammar.conditional_form(tok, [])):
                out["status"] = "forecast"
                break
            if grammar.negated(tok) and steps == 1 and not set_units and unit is not None and start not in zero_starts(sdoc, lex):
                out["negated"] = True
        if tok.head.i == tok.i:
            break
        tok, steps = tok.head, steps + 1
    return out


def total_noun(sdoc: Any, start: int, end: int, lex: Lexicon) -> str | None:
    """The counted noun of a bare order of magnitude told of a total: "le nombre de victimes se compterait en
    dizaines" counts victims."""
    span = _tokens(sdoc, start, end) if sdoc is not None else None
    if span is None:
        return None
    top = _top(span)
    verb = top.head.head if top.dep_ == "conj" else top.head  # "en dizaines et pas en milliers"
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubj:pass") and c.lemma_.lower() in lex.total_nouns:
            for n in c.children:
                if n.dep_ == "nmod" and n.pos_ == "NOUN":
                    return str(n.lemma_.lower())
    return None


def parsed_counts(sdoc: Any, found: list[_Num], lex: Lexicon) -> list[_Num]:
    """Counts that only the parse shows: a zero ("aucun blessé", "aucun n'était blessé": none of the set counted
    just before) and a casualty of one ("un marin a été blessé"), which a number reader takes for an article."""
    if sdoc is None:
        return []
    taken = [(n.start, n.end) for n in found]
    out: list[_Num] = []
    for tok in sdoc:
        low = tok.lower_
        if low in lex.zero_words:
            if tok.dep_ == "det" and tok.head.pos_ == "NOUN" and tok.head.i == tok.i + 1:
                noun = tok.head
                n = _Num(tok.idx, noun.idx + len(noun.text), 0.0)
                n.attrs["unit"] = noun.lemma_.lower()
            elif tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.i > tok.i:
                pred = tok.head
                n = _Num(tok.idx, pred.idx + len(pred.text), 0.0)
                # "aucun" stands for the set counted last in its sentence ("les 22 membres ... aucun n'était blessé")
                sent = tok.sent
                before = [q for q in found if sent.start_char <= q.start < tok.idx and q.attrs.get("unit") not in lex.dimensions]
                n.attrs["unit"] = before[-1].attrs.get("unit") if before else None
                # coordinated sets count together: "les 22 membres d'équipage ainsi que les deux pilotes"
                heads = {_top(sp).head.i for q in before[-1:] if (sp := _tokens(sdoc, q.start, q.end)) is not None}
                n.attrs["set_units"] = tuple(q.attrs.get("unit") for q in before
                                             if (sp := _tokens(sdoc, q.start, q.end)) is not None and _top(sp).head.i in heads)
            else:
                continue
        elif low in lex.singular_determiners and tok.dep_ == "det" and tok.head.pos_ == "NOUN" and tok.head.i == tok.i + 1:
            noun = tok.head
            if noun.dep_ not in ("nsubj", "nsubj:pass") or noun.head.lemma_.lower() not in lex.predicate_groups:
                continue
            if lex.predicate_groups[noun.head.lemma_.lower()] not in lex.casualty_groups or noun.lemma_.lower() not in lex.noun_groups:
                continue
            n = _Num(tok.idx, noun.idx + len(noun.text), 1.0, words=True)
            n.attrs["unit"] = noun.lemma_.lower()
        else:
            continue
        if any(s < n.end and n.start < e for s, e in taken):
            continue
        n.attrs["parsed"] = True
        out.append(n)
        taken.append((n.start, n.end))
    return out


def enumerated_counts(text: str, sdoc: Any, sents: list[tuple[int, int]], found: list[_Num], lex: Lexicon,
                      pack: languages.LanguagePack) -> list[_Num]:
    """Figures each followed by its source after a total named before a colon: "Le nombre d'accords varie selon les
    sources : 16 selon le gouvernement, 18 pour d'autres médias" counts agreements twice, by two sources (kept in
    `source_words`); a bare figure elsewhere counts nothing we can name."""
    markers = sorted(pack.triggers.clause_words("source_markers"), key=len, reverse=True)
    if sdoc is None or not markers:
        return []
    alt = "|".join(re.escape(m) for m in markers)
    rx = re.compile(rf"(?<![\w.,])(\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+)(?:[,.](\d+))?\s+(?:{alt})\s+([^,;.:()]+)", re.I)
    taken = [(n.start, n.end) for n in found]
    out: list[_Num] = []
    for s0, s1 in sents:
        colon = text.find(":", s0, s1)
        if colon < 0:
            continue
        head = _tokens(sdoc, s0, colon)
        noun = None
        for t in head if head is not None else ():
            if t.lemma_.lower() in lex.total_nouns:
                noun = next((c.lemma_.lower() for c in t.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None)
                if noun:
                    break
        if noun is None:
            continue
        for m in rx.finditer(text, colon, s1):
            if any(s < m.end(1) and m.start(1) < e for s, e in taken):
                continue
            n = _Num(m.start(1), m.end(1), _digits_value(m.group(1), m.group(2)))
            n.attrs["unit"] = noun
            n.attrs["source_words"] = m.group(3).strip()
            out.append(n)
    return out


def elevation_context(text: str, sent: tuple[int, int], n: _Num, unit: str | None, attrs: dict[str, Any],
                      mentions: list[Mention], lex: Lexicon) -> dict[str, Any]:
    """"Là-haut, à 2 000 mètres": a height in metres with no place of its own, told of the place just named."""
    if attrs.get("measure") or attrs.get("places") or attrs.get("target") or lex.factors.get(unit or "", 1) >= 0.01:
        return {}
    head = text[sent[0]:n.start].lower().translate(_APOS)
    if not any(head.lstrip().startswith(a) for a in lex.elevation_anaphors):
        return {}
    places = [m for m in mentions if m.label == "place" and m.span.end <= sent[0] and sent[0] - m.span.end < 400]
    if not places:
        return {}
    p = places[-1]
    return {"measure": "altitude", "holder": {"start": p.span.start, "end": p.span.end, "text": p.span.text}}


def zero_starts(sdoc: Any, lex: Lexicon) -> set[int]:
    """Offsets of the zero words of a text ("aucun"): a count of none is no negated count."""
    return {t.idx for t in sdoc if t.lower_ in lex.zero_words}


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 24):start].translate(_APOS).lower().split()
    return before[-1] if before else ""


@component("quantities", requires=("spacy", "mentions"), assigns=("quantities",), version="8")
def quantities(ctx: Context) -> dict[str, list[Any]]:
    text = ctx.document.text
    if (ctx.document.language or ctx.pack.code) != ctx.pack.code:
        return {"quantities": []}  # "1,500" means 1.5 in French and 1500 in English: never read with the wrong lexicon
    lex = ctx.pack.quantities
    sents = ctx.analysis.sentences or [(0, len(text))]
    starts = [s for s, _ in sents]
    out: list[QuantityRec] = []
    found = find_quantities(text, ctx.sdoc, ctx.pack)
    found = sorted(found + parsed_counts(ctx.sdoc, found, lex), key=lambda n: n.start)
    found = sorted(found + enumerated_counts(text, ctx.sdoc, sents, found, lex, ctx.pack), key=lambda n: n.start)
    for n in found:
        unit = n.attrs.pop("unit", None)
        if unit is None and n.vague:
            unit = total_noun(ctx.sdoc, n.start, n.end, lex)
        si = max(0, bisect.bisect_right(starts, n.start) - 1)
        sent = sents[si]
        attrs: dict[str, Any] = {"sentence": si, "dimension": lex.dimensions.get(unit or "", "count" if unit else None)}
        if n.vague:
            attrs["vague"] = True
        for key in ("negated", "measure", "parsed", "source_words"):
            if n.attrs.get(key):
                attrs[key] = n.attrs[key]
        if attrs["dimension"] in ("length", "speed", "duration"):
            sent_mentions = [m for m in ctx.analysis.mentions if sent[0] <= m.span.start < sent[1]]
            attrs.update(place_context(text, sent, n.start, n.end, sent_mentions, lex))
        attrs.update(subject_context(ctx.sdoc, n.start, n.end))
        context = clause_context(ctx.sdoc, n.start, n.end, unit, lex, ctx.pack, tuple(n.attrs.get("set_units") or ()),
                                 [m for m in ctx.analysis.mentions if sent[0] <= m.span.start < sent[1]])
        if n.attrs.get("source_words"):
            context.pop("holder", None)  # "16 selon X, 18 pour Y": the parse hangs them on the sources, not a holder
        bverb = context.pop("bound_verb", None)
        if bverb and n.bound == "exact":
            n.bound = bverb
        if context.pop("definite", False) and n.value < 10 and not n.attrs.get("parsed"):
            context["anaphoric"] = True
        if attrs.get("measure"):
            for key in ("places", "target", "place_words"):
                attrs.pop(key, None)  # a height or a depth is told of one thing, not between two places
        if "holder" in context and attrs["dimension"] == "length" and not attrs.get("measure"):
            context.pop("holder")  # a distance belongs to its places
        attrs.update({k: v for k, v in context.items() if k not in attrs})
        if attrs["dimension"] == "length" and "holder" not in attrs:
            attrs.update(elevation_context(text, sent, n, unit, attrs, ctx.analysis.mentions, lex))
        if attrs.get("target") and attrs["target"].lower().split()[-1] in lex.capital_nouns:
            attrs["target_capital"] = True
        out.append(QuantityRec(
            span=Span(ctx.document.id, n.start, n.end, text[n.start:n.end]), value=n.value, unit=unit,
            bound=n.bound, value_max=n.value_max, about=_about(text, n, unit, lex, attrs), attrs=attrs,
        ))
    taken = [(q.span.start, q.span.end) for q in out]

    def told(start: int, end: int) -> str | None:
        return clause_context(ctx.sdoc, start, end, None, lex, ctx.pack).get("status")

    # parts of the day come from the times component when it ran before (the default pipeline runs it first)
    for q in clock_times(ctx.document.id, text, ctx.sdoc, ctx.pack, sents, list(ctx.analysis.times or []), told):
        if not any(s < q.span.end and q.span.start < e for s, e in taken):
            out.append(q)
    out.sort(key=lambda q: q.span.start)
    return {"quantities": out}
