"""The `quotes` component: direct quotations with their speaker, found before, after or around the quoted words.

An interrupted quotation (« A », a dit X, « B ») gives two quotes that share the speaker and the
attributing words; nested marks stay inside the outer quote; scare quotes of one or two words are kept
only when someone is said to have said them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from recoupe import lang
from recoupe.analyze.attribution import Lexicon, Speaker, SpeakerFinder, is_speech_verb, sentence_ends, word_count
from recoupe.analyze.registry import Context, component
from recoupe.model import Mention, QuoteRec, Span

_STRIP = " \t\n*_"


@dataclass
class _Quote:
    open: int  # index of the opening mark
    close: int  # index of the closing mark
    start: int  # the quoted words, marks and markup excluded
    end: int
    speaker: Speaker | None = None


@component("quotes", requires=("spacy", "sentences", "mentions"), assigns=("quotes",), version="3")
def quotes(ctx: Context) -> dict[str, list[Any]]:
    return {"quotes": find_quotes(ctx.document.id, ctx.sdoc, ctx.analysis.mentions, ctx.pack, ctx.document.text)}


def scan_marks(text: str, pairs: dict[str, str]) -> list[tuple[int, int]]:
    """(open, close) offsets of the outermost quotation marks; nested pairs stay inside; an unclosed mark dies at a line end."""
    closers = {v: k for k, v in pairs.items() if k != v}
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    # only marks and line ends change the state, so visit only them rather than every character
    for found in _marks_or_line_ends("".join(sorted(set(pairs) | set(closers)))).finditer(text):
        i, ch = found.start(), found.group()
        if ch == "\n":
            stack = []
        elif ch in pairs and pairs[ch] == ch:  # a straight mark opens or closes depending on the stack
            if stack and stack[-1][0] == ch:
                o = stack.pop()[1]
                if not stack:
                    out.append((o, i))
            elif not (i > 0 and text[i - 1].isalnum() and i + 1 < len(text) and text[i + 1].isalnum()):
                stack.append((ch, i))
        elif ch in pairs:
            stack.append((ch, i))
        elif ch in closers:
            opener = closers[ch]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == opener:
                    o = stack[k][1]
                    del stack[k:]
                    if not stack:
                        out.append((o, i))
                    break
    return out


@lru_cache(maxsize=8)
def _marks_or_line_ends(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}\n]")


_MARKUP = re.compile(r"[\s*_]*(?:\[\d+\][\s*_]*)?")  # what may follow a closing mark before the text goes on


class _Finder:
    def __init__(self, doc_id: str, sdoc: Any, mentions: list[Mention], lex: Lexicon, text: str | None = None) -> None:
        self.doc_id = doc_id
        self.text: str = sdoc.text if text is None else text
        self.sdoc = sdoc
        self.lex = lex
        self.mentions = mentions
        pairs = lex.speech["quote_marks"]
        self.quotes: list[_Quote] = []
        for o, c in scan_marks(self.text, pairs):
            s, e = o + 1, c
            while s < e and self.text[s] in _STRIP:
                s += 1
            while e > s and self.text[e - 1] in _STRIP:
                e -= 1
            if e > s and not self._reference_line(o):
                self.quotes.append(_Quote(o, c, s, e))
        self.masks = [(q.open, q.close + 1) for q in self.quotes]
        self.sf = SpeakerFinder(sdoc, mentions, lex, self.masks, self.text)
        # sentence ends outside the quoted words: quotes spanning sentences stay in one
        self.ends = sentence_ends(self.text, lex.abbreviations, self.sf.in_mask)

    def _reference_line(self, pos: int) -> bool:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        line = self.text[a:b if b >= 0 else len(self.text)]
        return any(m in line for m in self.lex.speech["reference_markers"]) or re.match(r"\s*\[\d+\]", line) is not None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.ends, pos)
        start = self.ends[i - 1] + 1 if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        while start < end and self.text[start] in " \n\t":
            start += 1
        return start, end

    def sentence_no(self, pos: int) -> int:
        return bisect.bisect_left(self.ends, pos)

    # -- the patterns, tried in order ------------------------------------------------------------

    def attribute(self, q: _Quote) -> Speaker | None:
        for fn in (self._incise_after, self._colon_before, self._marker_at_start, self._marker_anywhere,
                   self._governing_verb, self._incise_at_end):
            sp = fn(q)
            if sp is not None:
                return sp
        return None

    def _after_close(self, q: _Quote) -> int:
        j = q.close + 1
        m = _MARKUP.match(self.text, j)
        return m.end() if m else j

    def _limit(self, pos: int) -> int:
        lim = self.sentence(pos)[1]
        nxt = bisect.bisect_left(self.masks, (pos, 0))
        if nxt < len(self.masks):
            lim = min(lim, self.masks[nxt][0])
        return lim

    def _incise_after(self, q: _Quote) -> Speaker | None:
        """« … », a déclaré X / dit-il à l'AFP / a-t-il ajouté / estime l'expert; « … » pour citer X."""
        j = self._after_close(q)
        rest = self.text[j:j + 80]
        for phrase in self.lex.speech["citation_phrases"]:
            if rest.lower().startswith(phrase):
                sp = self.sf.np_after(j + len(phrase), self._limit(j + len(phrase)))
                if sp is not None:
                    sp.attribution, sp.kind = (j, sp.end), "incise"
                return sp
        if not rest.startswith(","):
            return None
        return self._incise_from(j + 1)

    def _incise_at_end(self, q: _Quote) -> Speaker | None:
        """« … » des résolutions de l'ONU, estime l'expert: an incise closing the sentence after the quote."""
        start, end = self.sentence(q.close)
        for m in reversed(list(re.finditer(",", self.text[q.close:end]))):
            pos = q.close + m.start()
            if self.sf.in_mask(pos):
                continue
            sp = self._incise_from(pos + 1)
            if sp is not None and sp.attribution is not None and not self.text[sp.attribution[1]:end].strip(" ,.*").count(" ") > 6:
                return sp
            break
        return None

    def _incise_from(self, pos: int) -> Speaker | None:
        limit = self._limit(pos)
        tok = self.sf.token_at(pos)
        first = tok
        pronoun: Any = None
        steps = 0
        while tok is not None and tok.idx < limit and steps < 6:
            if is_speech_verb(tok, self.lex):
                break
            if tok.text in self.lex.inverted or tok.text == "-t":
                pronoun = tok if tok.text != "-t" else pronoun
            elif not (tok.pos_ in ("AUX", "ADV") or tok.lower_ in self.lex.skip_words):
                return None
            tok = self.sf._next(tok)
            steps += 1
        else:
            return None
        if tok is None or tok.idx >= limit or first is None:
            return None
        verb = tok
        after = self.sf._next(verb)
        if after is not None and after.text == "-t":  # "note-t-il" comes as note, -t, -il
            after = self.sf._next(after)
        if pronoun is None and after is not None and after.text in self.lex.inverted:
            pronoun = after
        if pronoun is not None:
            sp = Speaker(pronoun.idx, pronoun.idx + len(pronoun), pronoun.text, pronoun=True)
        else:
            vend = verb.idx + len(verb)
            for words in self.lex.multiword_speech:  # "a mis en garde X"
                if verb.lemma_.lower() == words[0]:
                    t = verb
                    for _ in words[1:]:
                        t = self.sf._next(t) if t is not None else None
                    if t is not None and t.lower_ == words[-1]:
                        vend = t.idx + len(t)
            sp = self.sf.np_after(vend, limit)
            if sp is None:
                return None
        sp.attribution = (first.idx, max(sp.end, verb.idx + len(verb)))
        sp.kind = "incise"
        return sp

    def _colon_before(self, q: _Quote) -> Speaker | None:
        """X a déclaré : « … »; X a mis en garde Moscou : « … »."""
        k = q.open - 1
        while k >= 0 and self.text[k] in " \t*_":
            k -= 1
        if k < 0 or self.text[k] != ":":
            return None
        start = self.sentence(k)[0]
        prev = [c for o, c in self.masks if start <= c < k]
        if prev:
            start = prev[-1] + 1
        verbs = [t for t in self.sf.tokens(start, k) if t.pos_ == "VERB" or is_speech_verb(t, self.lex)]
        speech = [t for t in verbs if is_speech_verb(t, self.lex)]
        verb = speech[-1] if speech else (verbs[0] if verbs else None)
        sp = self.sf.subject_of(verb, start) if verb is not None else None
        if sp is None:
            ms = [m for m in self.sf.mi.inside(start, k) if m.label in ("person", "organization")]
            if not ms:
                return None
            sp = self.sf._name_speaker(ms[0], k)
        b = k
        while b > 0 and self.text[b - 1] in " \t":
            b -= 1
        sp.attribution = (min(sp.start, verb.idx if verb is not None else sp.start), b)
        sp.kind = "colon"
        return sp

    def _marker_at_start(self, q: _Quote) -> Speaker | None:
        """Pour X, « … » / Selon X, … « … »: the source named at the head of the sentence."""
        start = self.sentence(q.open)[0]
        m = self.lex.marker_at_start.match(self.text[start:q.open])
        if not m:
            return None
        comma = self.text.find(",", start + m.end(), q.open)
        if comma < 0:
            return None
        sp = self.sf.np_after(start + m.end(), comma)
        if sp is None:
            return None
        sp.attribution, sp.kind = (start, sp.end), "marker"
        return sp

    def _marker_anywhere(self, q: _Quote) -> Speaker | None:
        """… « … » dans les jours à venir, selon le porte-parole; Pyongyang pourrait, selon lui, …"""
        start, end = self.sentence(q.open)
        best: Speaker | None = None
        for m in self.lex.marker_anywhere.finditer(self.text[start:end]):
            pos = start + m.start()
            if self.sf.in_mask(pos):
                continue
            sp = self.sf.np_after(start + m.end(), self._limit(start + m.end()))
            if sp is None:
                continue
            sp.attribution, sp.kind = (pos, sp.end), "marker"
            if best is None or abs(pos - q.open) < abs(best.attribution[0] - q.open):  # type: ignore[index]
                best = sp
        return best

    def _governing_verb(self, q: _Quote) -> Speaker | None:
        """X a déclaré que … « … »; X a salué … son « ferme soutien »: the nearest speech verb before the quote."""
        start = self.sentence(q.open)[0]
        verbs = [t for t in self.sf.tokens(start, q.open) if is_speech_verb(t, self.lex, governing=True) and not self.sf.in_mask(t.idx)]
        for verb in reversed(verbs):
            sp = self.sf.subject_of(verb, start)
            if sp is not None:
                a = min(sp.start, verb.idx)
                if verb.idx - sp.end > 40:  # a long stretch between subject and verb: point at the verb group only
                    auxes = [c.idx for c in verb.children if c.dep_.startswith("aux") and c.idx < verb.idx]
                    a = min(auxes) if auxes else verb.idx
                sp.attribution, sp.kind = (a, verb.idx + len(verb)), "verb"
                return sp
        return None

    # -- passes over the whole document ----------------------------------------------------------

    def run(self) -> list[QuoteRec]:
        for q in self.quotes:
            q.speaker = self.attribute(q)
        self._share_within_sentence()
        self._carry_over()
        self._resolve_back_references()
        self._carry_over()
        out: list[QuoteRec] = []
        for q in self.quotes:
            if not self._keep(q):
                continue
            sp = q.speaker
            out.append(QuoteRec(
                span=self._span(q.start, q.end),
                speaker_text=sp.text if sp else None,
                speaker_span=self._span(sp.start, sp.end) if sp else None,
                attribution=self._span(*sp.attribution) if sp and sp.attribution else None,
            ))
        return out

    def _share_within_sentence(self) -> None:
        """« A » et « B », a déclaré X: every quote of the sentence gets the incise's speaker."""
        for i, q in enumerate(self.quotes):
            if q.speaker is not None:
                continue
            sent = self.sentence(q.open)
            mates = [p for p in self.quotes if p is not q and p.speaker is not None and p.speaker.kind != "shared"
                     and self.sentence(p.open) == sent]
            if mates:
                src = min(mates, key=lambda p: (0 if p.open > q.open else 1, abs(p.open - q.open))).speaker
                assert src is not None
                q.speaker = Speaker(src.start, src.end, src.text, src.attribution, src.pronoun, "shared", dict(src.extra))

    def _resolve_back_references(self) -> None:
        """"dit-il", "selon lui", "a ajouté l'agence": the nearest earlier speaker (or person, for pronouns)."""
        done: list[_Quote] = []
        for q in self.quotes:
            sp = q.speaker
            if sp is not None and sp.pronoun:
                at = sp.attribution[0] if sp.attribution else sp.start
                bare_title = sp.text.lower() not in self.lex.anaphoric and sp.text not in self.lex.inverted
                cands: list[tuple[int, Speaker]] = []
                for p in done:
                    if p.speaker is not None and not p.speaker.pronoun and p.close < at:
                        cands.append((p.close, p.speaker))
                if not bare_title:
                    for m in self.sf.mi.before(at):
                        if m.label == "person" and not self.sf.in_mask(m.span.start):
                            cands.append((m.span.end, Speaker(m.span.start, m.span.end, m.span.text)))
                if bare_title:
                    # "a ajouté l'agence", "estime l'expert": a speaker of the last sentences described by that noun
                    noun = self.lex.leading_article.sub("", sp.text.lower()).strip()
                    cands = [(pos, s) for pos, s in cands if self.sentence_no(at) - self.sentence_no(pos) <= 3
                             and noun in (s.extra.get("title", "") + " " + self.text[s.end:s.end + 60]).lower()]
                    if sp.kind != "incise" or sp.text.lower().startswith(self.lex.plural_article):
                        cands = []
                if cands:
                    _, ante = max(cands, key=lambda c: c[0])
                    q.speaker = Speaker(ante.start, ante.end, ante.text, sp.attribution, False, sp.kind,
                                        {**ante.extra, "refers_by": sp.text})
                elif bare_title:
                    sp.pronoun = False
            done.append(q)

    def _carry_over(self) -> None:
        """A quote with no attribution right after another one continues the same speaker."""
        prev: _Quote | None = None
        for q in self.quotes:
            if q.speaker is None and prev is not None and prev.speaker is not None and not prev.speaker.pronoun:
                gap = self.sentence_no(q.open) - self.sentence_no(prev.close)
                after = max(prev.close, prev.speaker.attribution[1] if prev.speaker.attribution else 0)
                if gap <= 1 and not self._other_speech_between(after, q.open):
                    src = prev.speaker
                    q.speaker = Speaker(src.start, src.end, src.text, None, False, "carried", dict(src.extra))
            prev = q

    def _other_speech_between(self, a: int, b: int) -> bool:
        return any(is_speech_verb(t, self.lex, governing=True) and not self.sf.in_mask(t.idx) for t in self.sf.tokens(a, b))

    def _keep(self, q: _Quote) -> bool:
        words = self.text[q.start:q.end]
        n = word_count(words)
        # a scare quote counts only when someone is said to have said it, not "elle confirme le « grand jeu »"
        said = q.speaker is not None and q.speaker.kind != "carried" and not q.speaker.extra.get("refers_by", "").lower() in self.lex.anaphoric
        if n <= self.lex.speech["scare_quote_max_words"] and not said:
            return False
        toks = self.sf.tokens(q.start, q.end)
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in toks)
        capitalised = [w for w in words.split() if len(w) > 3]
        title_case = bool(capitalised) and sum(w[:1].isupper() for w in capitalised) * 2 > len(capitalised)
        if q.speaker is None and not has_verb and words[:1].isupper() and (n <= self.lex.speech["term_quote_max_words"] or title_case):
            return False  # a name or title in quotes: « Jour de la Victoire »
        lowered = {w.lower() for w in re.findall(r"\w+['’]?", words)}
        if q.speaker is None and n >= 3 and not lowered & self.lex.function_words:
            return False  # a title in another language, as in a reference list
        return True

    def _span(self, start: int, end: int) -> Span:
        return Span(self.doc_id, start, end, self.text[start:end])


def find_quotes(doc_id: str, sdoc: Any, mentions: list[Mention], pack: lang.LanguagePack | None = None,
                text: str | None = None) -> list[QuoteRec]:
    """The direct quotations of one parsed document, each with its speaker when the text names one.

    `text` is the parsed text when the caller has it (spaCy rebuilds `sdoc.text` from the tokens on each access)."""
    return _Finder(doc_id, sdoc, mentions, (pack or lang.pack()).speech, text).run()
