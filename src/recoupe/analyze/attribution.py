"""Shared attribution machinery for quotes and claims: finding who speaks (the words come from the language pack)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from recoupe.lang.fr.speech import SpeechLexicon as Lexicon
from recoupe.model import Mention


def is_speech_verb(tok: Any, lex: Lexicon, governing: bool = False) -> bool:
    """A verb (any tense, participle included) whose lemma is a speech verb, or the head of a multiword one.

    With `governing`, uses that are not speech ("relever de", "lancer une offensive") are refused: they
    only matter when the verb precedes what it would govern, not in an incise ("a lancé le ministre").
    """
    if tok.pos_ in ("DET", "ADP", "PUNCT", "PROPN", "PRON", "CCONJ", "SCONJ") or not tok.is_lower:
        return False
    lem = lex.lemma(tok)
    if governing and lem in lex.speech["speech_verb_exclusions"] and tok.i + 1 < len(tok.doc):
        if tok.doc[tok.i + 1].lower_ in lex.speech["speech_verb_exclusions"][lem]:
            return False
    return lem in lex.speech_verbs or _multiword_at(tok, lex)


def sentence_ends(text: str, abbreviations: frozenset[str], masked: Any = None) -> list[int]:
    """Offsets of sentence-final marks and line ends, skipping abbreviations, initials and marks inside quotes."""
    out = []
    for m in _SENT_END.finditer(text):
        i = m.start()
        if text[i] == "." :
            w = re.search(r"([\w.-]+)$", text[max(0, i - 12):i])
            word = w.group(1) if w else ""
            if word in abbreviations or (len(word) <= 2 and word[:1].isupper() and word.isalpha() and word.isupper()):
                continue
        if masked is not None and masked(i):
            # « … se termine ici. » Une autre phrase: the quotation closed the sentence
            m = _CLOSE_THEN_CAPITAL.match(text, i + 1)
            if m is None or text[i] == "\n":
                continue
            i = m.start(1)
        if out and not text[out[-1] + 1:i].strip():
            continue  # a blank line after a full stop ends one sentence, not three
        out.append(i)
    return out


_CLOSE_THEN_CAPITAL = re.compile(r"[\s*]*([»”])\s+(?=[A-ZÀ-ÖØ-Þ«])")
_SENT_END = re.compile(r"[.!?…](?=[\s»”*)\]]|$)|\n")


def _multiword_at(tok: Any, lex: Lexicon) -> bool:
    doc = tok.doc
    for words in lex.multiword_speech:
        if lex.lemma(tok) != words[0]:
            continue
        rest = words[1:]
        if all(tok.i + 1 + k < len(doc) and doc[tok.i + 1 + k].lower_ == w for k, w in enumerate(rest)):
            return True
    return False


@dataclass
class Speaker:
    """Who is said to speak: the words naming them (a name, a title, a pronoun) and the attributing words."""

    start: int
    end: int
    text: str
    attribution: tuple[int, int] | None = None
    pronoun: bool = False  # the words are a pronoun or a bare title that refers back to an earlier speaker
    kind: str = ""  # which pattern found it: incise, colon, marker, verb, carried, shared
    extra: dict[str, Any] = field(default_factory=dict)


class MentionIndex:
    """The document's name mentions, sorted, for "which mention covers or starts at this offset" lookups."""

    def __init__(self, mentions: list[Mention]) -> None:
        # proper names only: epithets ("le maire") and equipment are found as noun phrases by the finder itself
        mentions = [m for m in mentions if m.kind not in ("epithet", "equipment")]
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, -m.span.end))
        self.starts = [m.span.start for m in self.mentions]

    def covering(self, start: int, end: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, start)
        best: Mention | None = None
        for m in self.mentions[max(0, i - 8):i]:
            if m.span.start <= start and end <= m.span.end and (best is None or m.span.end - m.span.start < best.span.end - best.span.start):
                best = m
        return best

    def inside(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].span.start < end:
            if self.mentions[i].span.end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def before(self, pos: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, pos)
        return [m for m in self.mentions[:i] if m.span.end <= pos]


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


class SpeakerFinder:
    """Finds the words naming a speaker around a speech verb or a source marker, over one parsed document."""

    def __init__(self, sdoc: Any, mentions: list[Mention], lex: Lexicon, masked: list[tuple[int, int]] | None = None,
                 text: str | None = None) -> None:
        self.sdoc = sdoc
        # `text` when the caller has it already: spaCy rebuilds `sdoc.text` from the tokens on every access
        self.text: str = sdoc.text if text is None else text
        self.mi = MentionIndex(mentions)
        self.lex = lex
        self.masked = sorted(masked or [])  # character ranges (quoted words) that never hold a speaker
        self.tok_starts: list[int] = sdoc.to_array("IDX").tolist()

    # -- tokens ----------------------------------------------------------------------------------

    def token_at(self, pos: int) -> Any | None:
        """The first token starting at or after `pos`."""
        i = bisect.bisect_left(self.tok_starts, pos)
        return self.sdoc[i] if i < len(self.sdoc) else None

    def tokens(self, start: int, end: int) -> list[Any]:
        """The tokens starting in [start, end)."""
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end, lo=i)
        return [self.sdoc[k] for k in range(i, j)]

    def in_mask(self, pos: int) -> bool:
        i = bisect.bisect_right(self.masked, (pos, 10**12)) - 1
        return i >= 0 and self.masked[i][0] <= pos < self.masked[i][1]

    # -- noun phrases ----------------------------------------------------------------------------

    def np_after(self, pos: int, limit: int) -> Speaker | None:
        """The speaker phrase starting at or after `pos` (before `limit`): skips time words and "à la presse"."""
        tok = self.token_at(pos)
        lex = self.lex
        while tok is not None and tok.idx < limit:
            low = tok.lower_
            if tok.text in lex.inverted or low in lex.anaphoric and tok.pos_ == "PRON":
                break
            if low in lex.skip_words or tok.pos_ in ("ADV", "NUM") and self.mi.covering(tok.idx, tok.idx + len(tok)) is None:
                tok = self._next(tok)
                continue
            if low in lex.speech["addressee_prepositions"]:
                nxt = self._skip_addressee(tok, limit)
                if nxt is None:
                    return None
                tok = nxt
                continue
            break
        if tok is None or tok.idx >= limit or tok.is_punct:
            return None
        if tok.text in lex.inverted or tok.lower_ in lex.anaphoric:
            return Speaker(tok.idx, tok.idx + len(tok), tok.text, pronoun=True)
        m = self.mi.covering(tok.idx, tok.idx + len(tok))
        if m is not None and m.span.start >= pos - 3:
            return self._name_speaker(m, limit)
        if tok.pos_ in ("DET", "NOUN", "PROPN", "ADJ") or tok.is_title:
            return self._title_np(tok, limit)
        return None

    def _next(self, tok: Any) -> Any | None:
        return self.sdoc[tok.i + 1] if tok.i + 1 < len(self.sdoc) else None

    def _skip_addressee(self, tok: Any, limit: int) -> Any | None:
        """Skip "à l'AFP", "aux médias russes", "devant la presse"; None when the preposition starts no addressee."""
        j = tok.i + 1
        end = min(len(self.sdoc), tok.i + 5)
        while j < end and self.sdoc[j].idx < limit:
            t = self.sdoc[j]
            if t.lower_ in self.lex.addressees or t.lemma_.lower() in self.lex.addressees:
                j += 1
                while j < len(self.sdoc) and self.sdoc[j].pos_ == "ADJ" and self.sdoc[j].is_lower:
                    j += 1
                return self.sdoc[j] if j < len(self.sdoc) else None
            if t.pos_ not in ("DET", "ADJ"):
                return None
            j += 1
        return None

    def _name_speaker(self, m: Mention, limit: int) -> Speaker:
        start, end = m.span.start, m.span.end
        # "AFP Yang Moo-jin": the recogniser glued the addressee to the name
        words = m.span.text.split()
        if len(words) > 1 and words[0].lower() in self.lex.addressees:
            start = start + m.span.text.index(words[1])
        return Speaker(start, end, self.text[start:end], extra={"label": m.label})

    def _title_np(self, tok: Any, limit: int) -> Speaker | None:
        """A title phrase ("le porte-parole du Kremlin", "l'agence"), or the name set beside it."""
        start = tok.idx
        end = start
        t = tok
        last_mention: Mention | None = None
        prev_word = ""
        while t is not None and t.idx < limit:
            low = t.lower_
            if t.is_punct and t.text not in ("-", "'", "’") or (low in self.lex.stop_words and t.idx > start):
                break
            if t.pos_ in ("VERB", "AUX") and t.idx > start and self.mi.covering(t.idx, t.idx + len(t)) is None:
                break
            if self.in_mask(t.idx) or (t.pos_ == "PRON" and t.idx > start):
                break
            m = self.mi.covering(t.idx, t.idx + len(t))
            if m is not None:
                last_mention = m if prev_word not in self.lex.complement_prepositions else None
                end = max(end, m.span.end)
                nxt = self.token_at(m.span.end)
                prev_word = ""
                t = nxt
                continue
            end = t.idx + len(t)
            prev_word = low
            t = self._next(t)
        # an apposed name right after a comma: "le conseiller à la sécurité nationale, Jake Sullivan"
        rest = self.text[end:limit]
        mm = re.match(r"\s*,\s*", rest)
        if mm:
            m2 = self.mi.covering(end + mm.end(), end + mm.end() + 1)
            after = self.text[m2.span.end:m2.span.end + 2] if m2 is not None else ""
            if m2 is not None and m2.span.start == end + mm.end() and (after[:1] in (",", ".", ";", "") or after == "\n"):
                return Speaker(m2.span.start, m2.span.end, m2.span.text, extra={"label": m2.label, "title": self.text[start:end]})
        if last_mention is not None and last_mention.span.end == end:
            return Speaker(last_mention.span.start, last_mention.span.end, last_mention.span.text,
                           extra={"label": last_mention.label, "title": self.text[start:last_mention.span.start].strip()})
        phrase = self.text[start:end]
        if not phrase.strip():
            return None
        words = phrase.replace("’", "' ").replace("'", "' ").split()
        bare = len(words) == 2 and words[0].lower() in self.lex.articles
        return Speaker(start, end, phrase, pronoun=bool(bare) and not any(c.isupper() for c in phrase[2:]), extra={"title": phrase})

    def subject_of(self, verb: Any, clause_start: int) -> Speaker | None:
        """The subject of a speech verb that comes before it: its nsubj, a relative's antecedent, or the clause's first phrase."""
        cands = [c for c in verb.children if c.dep_.startswith("nsubj") and c.idx < verb.idx]
        if not cands:
            for anc in [verb.head] if verb.dep_ in ("conj", "xcomp", "advcl") else []:
                cands = [c for c in anc.children if c.dep_.startswith("nsubj") and c.idx < verb.idx]
        if not cands:
            root = verb.sent.root
            cands = [c for c in root.children if c.dep_.startswith("nsubj") and c.idx < verb.idx]
        # "Cheong Seong-chang, chercheur à l'Institut Sejong, dit": the name heading the clause, then its apposition
        head_names = [m for m in self.mi.inside(clause_start, verb.idx) if m.label in ("person", "organization", "country")]
        if head_names:
            m0 = head_names[0]
            lead = self.text[clause_start:m0.span.start].strip().lower()
            if lead in self.lex.clause_leads and self.text[m0.span.end:m0.span.end + 1] == ",":
                return self._name_speaker(m0, verb.idx)
        cands = [c for c in cands if c.idx >= clause_start]
        if cands:
            subj = cands[0]
            if subj.lower_ in self.lex.relative and verb.dep_.startswith("acl") or subj.lower_ in self.lex.relative:
                head = verb.head if verb.dep_.startswith("acl") else None
                if head is not None:
                    m = self.mi.covering(head.idx, head.idx + len(head))
                    if m is not None:
                        return self._name_speaker(m, verb.idx)
                    # the relative's antecedent noun phrase, nearest mention before the pronoun
                before = [m for m in self.mi.before(subj.idx) if m.span.start >= clause_start]
                if before:
                    return self._name_speaker(before[-1], verb.idx)
                return None
            if subj.lower_ in self.lex.anaphoric and subj.i > 0 and subj.doc[subj.i - 1].text == ",":
                return self._clause_head_np(clause_start, verb.idx)
            if subj.lower_ in self.lex.anaphoric:
                return Speaker(subj.idx, subj.idx + len(subj), subj.text, pronoun=True)
            m = self.mi.covering(subj.idx, subj.idx + len(subj))
            if m is not None:
                return self._name_speaker(m, verb.idx)
            for c in subj.children:  # "Son porte-parole, Dmitri Peskov, a déclaré"
                if c.dep_ == "appos":
                    m = self.mi.covering(c.idx, c.idx + len(c))
                    if m is not None:
                        return self._name_speaker(m, verb.idx)
            left = min(t.idx for t in subj.subtree)
            return self._title_np(self.token_at(left), verb.idx)
        return self._clause_head_np(clause_start, verb.idx)

    def _clause_head_np(self, start: int, end: int) -> Speaker | None:
        """When the parse gives no subject: the clause's first noun phrase, after a fronted "En juillet," if any."""
        tok = self.token_at(start)
        if tok is not None and tok.pos_ in ("ADP", "ADV", "SCONJ") and self.mi.covering(tok.idx, tok.idx + 1) is None:
            comma = self.text.find(",", tok.idx, end)
            if comma < 0:
                return None
            tok = self.token_at(comma + 1)
        if tok is None or tok.idx >= end:
            return None
        if tok.pos_ in ("PRON",) and tok.lower_ in self.lex.anaphoric:
            return Speaker(tok.idx, tok.idx + len(tok), tok.text, pronoun=True)
        m = self.mi.covering(tok.idx, tok.idx + len(tok))
        if m is not None:
            return self._name_speaker(m, end)
        if tok.pos_ in ("DET", "NOUN", "PROPN"):
            return self._title_np(tok, end)
        return None
