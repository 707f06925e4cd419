"""English grammar as code: tense, mood and negation read from spaCy's English tags and parse (named in the one
`Tense` vocabulary of `recoupe.model.vocab`), and the dateline rule that dates an article."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from recoupe.model.vocab import Tense

if TYPE_CHECKING:
    from recoupe.lang.en import EnglishPack

_AUX_DEPS = ("aux", "auxpass")
_FUTURE_AUX = ("will", "shall", "'ll", "’ll")
_CONDITIONAL_AUX = ("would", "could", "might", "should", "'d", "’d")
_PERFECT_AUX = "have"
_HYPOTHETICAL = ("could", "might")
_WOULD = ("would", "'d", "’d")
DATELINE_WINDOW = 400  # characters at the top of an article where a dated dateline or byline can stand


class Grammar:
    """Reads English verbs on a spaCy parse (Penn tags: VBD past, VBZ/VBP present, MD modals, VBN participles)."""

    # the tenses a dispatch tells its own news in, undated ("signed", "has signed", "signs"): dated to the
    # article's day; a past perfect ("had signed") tells what came just before the news: its month only.
    # No English tense is a history tense by itself: history is told with a date ("in 2018 it warned")
    news_tenses = frozenset({Tense.SIMPLE_PAST, Tense.COMPOUND_PAST, Tense.PRESENT, Tense.PLUPERFECT})
    history_tenses: frozenset[Tense] = frozenset()
    before_news_tenses: frozenset[Tense] = frozenset({Tense.PLUPERFECT})
    # a dispatch attributes in the news tense from its own day ("..., a spokesman told reporters"): an undated
    # statement is dated by the article's day, not by the day of the happening told before it
    speech_on_report_day = True

    def __init__(self, pack: EnglishPack) -> None:
        self.pack = pack
        self._stamp: re.Pattern[str] | None = None

    def _auxes(self, tok: Any) -> list[Any]:
        return [c for c in tok.children if c.dep_ in _AUX_DEPS]

    def clause_tense(self, tok: Any, depth: int = 0) -> tuple[Tense, str]:
        """(tense, time reference) of the predicate an expression hangs on; an infinitive ("to visit") or a
        participle without auxiliary takes its governing verb's, a nominal predicate its copula's."""
        if tok is None or depth > 4:
            return Tense.UNKNOWN, "none"
        auxes = self._auxes(tok)
        if tok.tag_ in ("VB", "VBN", "VBG") and not auxes and tok.head is not tok and tok.dep_ in ("xcomp", "ccomp", "acl", "advcl", "conj", "relcl"):
            head = tok.head
            if head.pos_ in ("VERB", "AUX"):
                name, ref = self._tense(head, self._auxes(head))
                if head.lemma_.lower() in self.pack.time.lex.future_modals or (head.lemma_ == "go" and head.tag_ == "VBG"):
                    return Tense.PERIPHRASTIC_FUTURE, "future"
                if ref != "none":
                    return name, ref
                return self.clause_tense(head, depth + 1)
        if tok.pos_ in ("VERB", "AUX"):
            return self._tense(tok, auxes)
        for c in tok.children:  # a noun or adjective predicate: the tense is on its copula
            if c.dep_ in ("cop", "aux", "auxpass") or (c.lemma_ == "be" and c.pos_ == "AUX"):
                return self._tense(c, [a for a in tok.children if a.dep_ in _AUX_DEPS and a is not c])
        if tok.head is not tok:
            return self.clause_tense(tok.head, depth + 1)
        return Tense.UNKNOWN, "none"

    def _tense(self, tok: Any, auxes: list[Any]) -> tuple[Tense, str]:
        t = self.verb_tense(tok, auxes)
        ref = {Tense.PRESENT: "present", Tense.SIMPLE_PAST: "past", Tense.COMPOUND_PAST: "past", Tense.PLUPERFECT: "past",
               Tense.FUTURE: "future", Tense.FUTURE_PERFECT: "future", Tense.PERIPHRASTIC_FUTURE: "future",
               Tense.CONDITIONAL: "future", Tense.PAST_CONDITIONAL: "past", Tense.PARTICIPLE: "past"}.get(t, "none")
        return t, ref

    def verb_tense(self, tok: Any, auxes: list[Any]) -> Tense:
        """The tense of a verb with its auxiliaries: "will sign" future, "would sign" conditional, "would have
        signed" past conditional, "has signed" compound past, "had signed" pluperfect, "signed" simple past."""
        low = [a.lower_ for a in auxes]
        perfect = [a for a in auxes if a.lemma_.lower() == _PERFECT_AUX]
        if any(a in _FUTURE_AUX for a in low):
            return Tense.FUTURE_PERFECT if perfect else Tense.FUTURE
        if any(a in _CONDITIONAL_AUX for a in low):
            return Tense.PAST_CONDITIONAL if perfect else Tense.CONDITIONAL
        if any(a.lemma_ == "go" and a.tag_ == "VBG" for a in auxes):
            return Tense.PERIPHRASTIC_FUTURE
        if perfect:
            return Tense.PLUPERFECT if perfect[0].tag_ == "VBD" else Tense.COMPOUND_PAST
        finite = [a for a in auxes if a.tag_ in ("VBD", "VBZ", "VBP")] or [tok]
        tag = finite[0].tag_
        if tag == "VBD":
            return Tense.SIMPLE_PAST
        if tag in ("VBZ", "VBP"):
            return Tense.PRESENT
        if tag == "MD":
            return Tense.CONDITIONAL if finite[0].lower_ in _CONDITIONAL_AUX else Tense.PRESENT
        if tag == "VBN":
            return Tense.PARTICIPLE
        if tag == "VB":
            return Tense.INFINITIVE
        return Tense.UNKNOWN

    def future_form(self, tok: Any, auxes: list[Any]) -> bool:
        """English marks its future with an auxiliary ("will", "shall"), never with an ending."""
        return any(a.lower_ in _FUTURE_AUX for a in auxes)

    def conditional_form(self, tok: Any, auxes: list[Any], lenient: bool = False) -> bool:
        """The conditional. "could"/"might" carry the hypothesis themselves (the modal token, and the verb it builds,
        unless negated: "could not verify" is a past ability); "would" marks the verb it builds, so that under a
        past report ("said the case would be dropped") it reads as the future in the past it is; "should" is an
        obligation, not a hypothesis."""
        low = tok.lower_
        if low in _HYPOTHETICAL:
            return not self.negated(tok.head if tok.dep_ in _AUX_DEPS else tok)
        if low in _WOULD:
            return False
        kids = [*auxes, *self._auxes(tok)]
        if any(a.lower_ in _WOULD for a in kids):
            return True
        return any(a.lower_ in _HYPOTHETICAL for a in kids) and not self.negated(tok)

    def negated(self, tok: Any) -> bool:
        """Whether a predicate is negated: "not"/"n't"/"never" on it, or a negative determiner on its subject or object."""
        st = self.pack.triggers
        neg, neg_det = st.words("negation_words"), st.words("negative_determiners")
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in neg):
                return True
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ in neg_det for d in c.children):
                return True
        return False

    def dateline(self, text: str, published: str | None, precision: str | None) -> tuple[str | None, str | None, str | None]:
        """The publication date completed from the page: (value, precision, how), how being "dateline" when the page
        gave or completed it, else None.

        The first full date near the top ("September 18, 2023", "18 September 2023", "Sept. 18, 2023") gives an
        undated article its day, or completes a month or year it falls in (as the French rule does); failing that,
        a publication stamp line ("Published 25 Nov 2023 23:58 GMT", at the top or the foot of the page) does the
        same; failing that, an agency dateline without its year ("BOSTON, June 21 (Agency) -") completes a month
        or year header it falls in."""
        t = self.pack.time
        for m in t.dateline_re.finditer(text[:DATELINE_WINDOW]):
            day = self._day(m, None)
            if day is None:
                continue
            if published is None or (precision != "day" and day.startswith(published)):
                return day, "day", "dateline"
            break
        for m in self._stamp_re().finditer(text):
            d = t.dateline_re.match(text, m.end())
            day = self._day(d, None) if d is not None else None
            if day is not None:
                if published is None or (precision != "day" and day.startswith(published)):
                    return day, "day", "dateline"
                break
        if precision in ("month", "year") and published:
            for m in t.dateline_re.finditer(text[:DATELINE_WINDOW]):
                if m.group("y") or m.group("y2") or not _AGENCY_DATELINE.match(text, m.end()):
                    continue
                line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
                if not _DATELINE_PLACE.fullmatch(line):
                    continue
                day = self._day(m, int(published[:4]))
                if day is not None and day.startswith(published):
                    return day, "day", "dateline"
                break
        return published, precision, None

    def _day(self, m: Any, year: int | None) -> str | None:
        """The ISO day a dateline match writes, its year written or given; None if it has none or is no day."""
        t = self.pack.time
        d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("m") else (m.group("d2"), m.group("m2"), m.group("y2"))
        y = y or (str(year) if year else None)
        if not y:
            return None
        try:
            return date(int(y), t.months[mo.lower()], t.day(d)).isoformat()
        except (ValueError, KeyError):
            return None

    def _stamp_re(self) -> Any:
        """A publication stamp line opening with a marker of time.json ("Published", "Updated on")."""
        if self._stamp is None:
            markers = sorted(self.pack.data("time.json").get("publication_markers", ()), key=len, reverse=True)
            alt = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in markers) or r"(?!)"
            self._stamp = re.compile(rf"^[ \t*_]*(?:{alt})\b[ \t]*(?:on[ \t]+|:[ \t]*)?", re.IGNORECASE | re.MULTILINE)
        return self._stamp


# a dateline's place opens its line ("BOSTON, ", "MAMOUDZOU, Mayotte, "), its agency follows the date ("(Reuters) -")
_DATELINE_PLACE = re.compile(r"[A-Z][^\n()]{1,60},\s*")
_AGENCY_DATELINE = re.compile(r"\s*\([^()\n]{1,40}\)\s*[-–—]")
