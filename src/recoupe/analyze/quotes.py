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
from collections.abc import Iterable
from typing import Any

from recoupe import lang
from recoupe.analyze.attribution import SPEAKER_LABELS, Lexicon, Speaker, SpeakerFinder, is_speech_verb, sentence_ends, word_count
from recoupe.analyze.registry import Context, component
from recoupe.model import Mention, QuoteRec, Span
from recoupe.model.text import fold

_STRIP = " \t\n*_"


@dataclass
class _Quote:
    open: int  # index of the opening mark
    close: int  # index of the closing mark
    start: int  # the quoted words, marks and markup excluded
    end: int
    speaker: Speaker | None = None


@component("quotes", requires=("spacy", "sentences", "mentions"), assigns=("quotes",), version="18")
def quotes(ctx: Context) -> dict[str, list[Any]]:
    return {"quotes": find_quotes(ctx.document.id, ctx.sdoc, ctx.analysis.mentions, ctx.pack, ctx.document.text)}


def scan_marks(text: str, pairs: dict[str, str], apostrophes: Iterable[str] = (), family: Iterable[str] = (),
               min_unclosed_words: int = 0) -> list[tuple[int, int]]:
    """(open, close) offsets of the outermost quotation marks; nested pairs stay inside.

    `apostrophes` are marks that also write the apostrophe ("l'État"): one opens only after a space or a
    punctuation mark and before a word, and closes only after a word and before no letter. Marks in `family`
    close one another (“…», «…”: a mismatched pair is still a pair). An open mark survives a line end when the
    next line goes on with the quotation (its first quotation mark closes, or it opens with the continuation
    mark); otherwise an asymmetric mark left open with `min_unclosed_words` words or more after it gives a quote
    that ends with its line (the closing mark was lost), and the rest dies with the line."""
    closers = {v: k for k, v in pairs.items() if k != v}
    apos = frozenset(apostrophes)
    fam = frozenset(family)
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    n = len(text)
    skip_until = -1  # a continuation mark opening the next line, already accounted for
    for found in _marks_or_line_ends("".join(sorted(set(pairs) | set(closers)))).finditer(text):
        i, ch = found.start(), found.group()
        if i < skip_until:
            continue
        if ch == "\n":
            if not stack:
                continue
            cont = _continues(text, i, pairs, closers, apos) if pairs.get(stack[0][0]) != stack[0][0] else None
            if cont is not None:
                skip_until = cont
                continue
            o = next((p for m, p in stack if pairs.get(m) != m), None)
            if o is not None and min_unclosed_words and len(_WORDS.findall(text, o + 1, i)) >= min_unclosed_words:
                out.append((o, i))
            stack = []
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch in apos:
            closing = bool(stack) and (stack[-1][0] == ch or closers.get(ch) == stack[-1][0])
            if closing and not prev.isspace() and not nxt.isalnum():
                o = stack.pop()[1]
                if not stack:
                    out.append((o, i))
            elif ch in pairs and not prev.isalnum() and not nxt.isspace() and nxt != ch:
                stack.append((ch, i))
            continue
        if ch in pairs and pairs[ch] == ch:  # a straight mark opens or closes depending on the stack
            if stack and stack[-1][0] == ch:
                o = stack.pop()[1]
                if not stack:
                    out.append((o, i))
            elif not (prev.isalnum() and nxt.isalnum()):
                stack.append((ch, i))
        elif ch in pairs:
            stack.append((ch, i))
        elif ch in closers:
            opener = closers[ch]
            k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
            if k is None and ch in fam:
                k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] in fam), None)
            if k is not None:
                o = stack[k][1]
                del stack[k:]
                if not stack:
                    out.append((o, i))
    return out


def _continues(text: str, nl: int, pairs: dict[str, str], closers: dict[str, str], apos: frozenset[str]) -> int | None:
    """Whether the quotation open at the line end `nl` goes on on the next line: the offset to resume scanning from
    (past a continuation mark opening that line), else None. Straight marks never cross a line."""
    j = nl
    while j < len(text) and text[j] in " \t\n":
        j += 1
    if j >= len(text):
        return None
    if text[j] in pairs and pairs[text[j]] != text[j]:  # « opening each paragraph of a long quotation
        return j + 1
    end = text.find("\n", j)
    line = text[j:end if end >= 0 else len(text)]
    for k, c in enumerate(line):
        if c in closers and c not in apos:
            return j  # the closing mark is on this line
        if c in pairs:
            return None
    return None


def quote_marks(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """`scan_marks` with the language's marks: its pairs, the marks that also write the apostrophe, the ones that
    close one another, and how many words a quotation left open needs."""
    sp = lex.speech
    return scan_marks(text, sp["quote_marks"], sp.get("apostrophe_marks", ()), sp.get("interchangeable_marks", ()),
                      sp.get("unclosed_quote_min_words", 0))


@lru_cache(maxsize=8)
def _marks_or_line_ends(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}\n]")


_WORDS = re.compile(r"\w+")
_CLAUSE_STOP = re.compile(r"[,;:.]")  # where a phrase after a marker ends


@lru_cache(maxsize=8)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases as whole words, case aside, apostrophes either way, spaces as any run of spaces."""
    forms = sorted({f for p in phrases for f in (p, p.replace("'", "’"))}, key=len, reverse=True)
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?:(?<=['’])|(?!\w))")


def _present_participle(tok: Any) -> bool:
    return "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")
_MARKUP = re.compile(r"[\s*_]*(?:\[\d+\][\s*_]*)?")  # what may follow a closing mark before the text goes on


class _Finder:
    def __init__(self, doc_id: str, sdoc: Any, mentions: list[Mention], lex: Lexicon, text: str | None = None,
                 grammar: Any = None) -> None:
        self.doc_id = doc_id
        self.grammar = grammar  # the pack's reader of mood (the journalistic conditional), when the caller has the pack
        self.text: str = sdoc.text if text is None else text
        self.sdoc = sdoc
        self.lex = lex
        self.mentions = mentions
        self.quotes: list[_Quote] = []
        for o, c in quote_marks(self.text, lex):
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
        """The speaker named by the attributing patterns, strongest first (a speech verb or a source marker)."""
        for fn in (self._incise_after, self._colon_before, self._speech_noun_colon, self._speech_noun_owner,
                   self._utterance_colon, self._marker_at_start, self._marker_anywhere,
                   self._incise_at_end, self._governing_verb, self._comme_incise, self._incise_inside):
            sp = fn(q)
            if sp is not None:
                return sp
        return None

    def attribute_weakly(self, q: _Quote) -> Speaker | None:
        """When no speech verb or marker names the speaker: a colon after a clause, or the clause's own subject."""
        for fn in (self._colon_after_clause, self._clause_subject):
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
        if rest.startswith(","):
            return self._incise_from(j + 1)
        # the comma inside the marks ("“…,” she said", "“…!” they shouted"), where the language puts it there
        if self.lex.comma_inside_quotes and self.text[q.start:q.end].rstrip().endswith((",", "!", "?")):
            return self._incise_from(j)
        return None

    def _incise_inside(self, q: _Quote) -> Speaker | None:
        """« … le résultat est le même, confiait-il il y a des années. … »: an incise left inside the marks (the writer
        did not close them before it); only an inverted pronoun after a speech verb marks it there."""
        for m in re.finditer(",", self.text[q.start:q.end]):
            sp = self._incise_from(q.start + m.start() + 1)
            if sp is not None and sp.pronoun and sp.text in self.lex.inverted:
                return sp
        return None

    def _incise_at_end(self, q: _Quote) -> Speaker | None:
        """« … » des résolutions de l'ONU, estime l'expert: an incise closing the sentence after the quote."""
        start, end = self.sentence(q.close)
        commas = [q.close + m.start() for m in re.finditer(",", self.text[q.close:end])]
        for pos in list(reversed([c for c in commas if not self.sf.in_mask(c)]))[:4]:
            sp = self._incise_from(pos + 1)
            if sp is not None and sp.attribution is not None and self._closes_sentence(sp.attribution[1], end):
                return sp
        return None

    def _closes_sentence(self, pos: int, end: int) -> bool:
        """Whether what follows an incise ends its sentence (or its clause, at a semicolon): a few words, or a
        participle clause ("…, précisant que")."""
        semi = self.text.find(";", pos, end)
        if semi >= 0 and not self.sf.in_mask(semi):
            end = semi
        toks = [t for t in self.sf.tokens(pos, end) if not self.sf.in_mask(t.idx) and not t.is_punct]
        if len(toks) <= 7:
            return True
        if toks[0].pos_ == "ADP" and "," in self.text[pos:toks[0].idx]:
            return True  # "…, a prévenu le préfet, au lendemain du passage du cyclone": a phrase set off after it
        # a participle clause: "…, précisant que", "…, tout en prévenant"
        return any(_present_participle(t) for t in toks[:3])

    def _incise_from(self, pos: int) -> Speaker | None:
        limit = self._limit(pos)
        if self.lex.incise_subject_first:
            sp = self._subject_incise(pos, limit)
            if sp is not None:
                return sp
        tok = self.sf.token_at(pos)
        first = tok
        pronoun: Any = None
        steps = 0
        while tok is not None and tok.idx < limit and steps < 6:
            if is_speech_verb(tok, self.lex):
                break
            if tok.text in self.lex.inverted or tok.text == "-t":
                pronoun = tok if tok.text != "-t" else pronoun
            elif not (tok.pos_ in ("AUX", "ADV") or tok.lower_ in self.lex.skip_words or tok.lower_ in self.lex.incise_clitics
                      or steps == 0 and tok.lower_ in self.lex.comparative_markers):
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
        if pronoun is None and first is verb and _present_participle(verb):
            return None  # "« … », invoquant une menace": a participle clause of the subject before, never an incise
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
            if self.lex.lemma(verb) in self.lex.addressee_verbs:
                return None  # "told reporters": who is told, never who speaks
            sp = self.sf.np_after(vend, limit)
            subj = self.sf.inverted_subject(verb, limit)
            if subj is not None and (sp is None or subj.start > sp.start and sp.extra.get("label") not in SPEAKER_LABELS):
                sp = subj  # "a averti à New York le secrétaire général": the parse's subject, past the place
            if sp is None:
                return None
        sp.attribution = (first.idx, max(sp.end, verb.idx + len(verb)))
        sp.kind = "incise"
        return sp

    def _subject_incise(self, pos: int, limit: int) -> Speaker | None:
        """"…,” the minister said / Smith told reporters / she added": a subject, then the speech verb, where the
        language writes its incises subject first."""
        toks = [t for t in self.sf.tokens(pos, limit) if not t.is_space][:16]
        if toks and toks[0].pos_ in ("CCONJ", "SCONJ"):
            return None  # "…”, and the ministry said": a clause of its own, not an incise
        commas = False  # "one passenger, who gave his name as Paul, told reporters": a subject with its own incise
        for k, tok in enumerate(toks):
            if tok.text == "," and k > 0:
                commas = True
                continue
            if tok.is_punct and tok.text not in ("'", "’") and not self._abbreviation_stop(tok):
                return None
            if k >= 8 and not commas:
                return None
            if is_speech_verb(tok, self.lex):
                if commas and tok.dep_ in ("relcl", "acl", "acl:relcl"):
                    continue  # the verb of the subject's own relative clause ("who asked to be named")
                subj = [c for c in tok.children if c.dep_.startswith("nsubj") and pos <= c.idx < tok.idx]
                if not subj or commas and min(t.idx for t in subj[0].subtree if t.idx >= pos) != toks[0].idx:
                    return None
                sp = self.sf.subject_of(tok, pos)
                if sp is None:
                    return None
                sp.attribution = (max(pos, min(t.idx for t in subj[0].subtree)), max(sp.end, tok.idx + len(tok)))
                sp.kind = "incise"
                return sp
        return None

    def _abbreviation_stop(self, tok: Any) -> bool:
        """The full stop of an abbreviation ("Sgt.", "Gen."), glued to it: no end of anything."""
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return tok.text == "." and prev is not None and prev.text in self.lex.abbreviations and tok.idx == prev.idx + len(prev)

    def _colon_before(self, q: _Quote) -> Speaker | None:
        """X a déclaré : « … »; X a mis en garde Moscou : « … » (a speech verb before the colon)."""
        return self._colon(q, speech_only=True)

    def _colon_after_clause(self, q: _Quote) -> Speaker | None:
        """X, devant la presse : « … »: the colon after a clause with no speech verb gives its subject or first name."""
        return self._colon(q, speech_only=False)

    def _colon_before_mark(self, q: _Quote) -> int | None:
        """The offset of the colon that introduces the quote ("… : « … »"), None when none stands right before it."""
        k = q.open - 1
        while k >= 0 and self.text[k] in " \t*_":
            k -= 1
        return k if k >= 0 and self.text[k] == ":" else None

    def _colon(self, q: _Quote, speech_only: bool) -> Speaker | None:
        k = self._colon_before_mark(q)
        if k is None:
            return None
        start = self.sentence(k)[0]
        prev = [c for o, c in self.masks if start <= c < k]
        verbs: list[Any] = []
        for s0 in ([prev[-1] + 1] if prev else []) + [start]:
            verbs = [t for t in self.sf.tokens(s0, k) if (t.pos_ == "VERB" or is_speech_verb(t, self.lex)) and not self.sf.in_mask(t.idx)]
            if verbs:
                start = s0
                break
        speech = [t for t in verbs if is_speech_verb(t, self.lex)]
        if speech_only and not speech:
            return None
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

    def _speech_noun_colon(self, q: _Quote) -> Speaker | None:
        """"Réaction du ministre : « … »"; "Confirmation de X dans un message : ses troupes sont « … »": the quote
        stands after the colon of a verbless clause headed by a speech noun."""
        start = self.sentence(q.open)[0]
        colon = next((c for c in range(q.open - 1, start - 1, -1) if self.text[c] == ":" and not self.sf.in_mask(c)), None)
        if colon is None or any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                                for t in self.sf.tokens(start, colon) if not self.sf.in_mask(t.idx)):
            return None
        return self._speech_noun_source(start, colon)

    def _speech_noun_source(self, start: int, colon: int) -> Speaker | None:
        """"Réaction du ministre : « … »", "Confirmation du principal intéressé dans un message : « … »": in a clause
        with no verb, a speech noun's complement, when it names someone who can speak."""
        toks = [t for t in self.sf.tokens(start, colon) if not self.sf.in_mask(t.idx)]
        for k, t in enumerate(toks):
            if t.pos_ not in ("NOUN", "PROPN") or self.lex.lemma(t) not in self.lex.speech_nouns and t.lower_ not in self.lex.speech_nouns:
                continue
            j = k + 1
            while j < len(toks) and toks[j].pos_ == "ADJ":  # "Réaction immédiate du syndicat"
                j += 1
            if j >= len(toks) or toks[j].lower_ not in self.lex.complement_prepositions:
                return None
            nxt = toks[j]
            sp = self.sf.np_after(nxt.idx + len(nxt), colon)
            if sp is None or sp.pronoun or not self._can_speak(sp):
                return None
            sp.attribution, sp.kind = (t.idx, colon), "colon"
            return sp
        return None

    def _utterance_colon(self, q: _Quote) -> Speaker | None:
        """"Puis, selon des témoins, cette phrase : « … »", "Then, reporters said, these words: “…”": a clause with no
        verb of its own (a relative clause aside) that presents the quote by a demonstrative and an utterance noun goes
        on with the speaker of the quote just before (in the two sentences before); a "selon X" in that clause names
        who heard or reports the words, not who said them. The speaker is taken up once the quote before has its own
        (a placeholder that refers back, like a pronoun)."""
        colon = self._colon_before_mark(q)
        if colon is None or not self.lex.utterance_nouns:
            return None
        start = self.sentence(colon)[0]
        toks = [t for t in self.sf.tokens(start, colon) if not self.sf.in_mask(t.idx)]
        relative = {d.i for t in toks if t.dep_ in ("acl:relcl", "relcl") for d in t.subtree}
        demonstratives = self.lex.claim_words.get("demonstratives", ())
        noun = None
        for k, t in enumerate(toks):
            if t.lower_ not in demonstratives or t.i in relative:
                continue
            j = k + 1
            while j < len(toks) and j <= k + 2 and toks[j].pos_ == "ADJ":  # "cette petite phrase"
                j += 1
            if j < len(toks) and toks[j].pos_ == "NOUN" and (self.lex.lemma(toks[j]) in self.lex.utterance_nouns
                                                            or toks[j].lower_ in self.lex.utterance_nouns):
                noun = (t, toks[j])
                break
        if noun is None:
            return None
        # no verb of its own, but one the utterance is the subject of ("Then came this line", "Puis est venue cette phrase",
        # whose inverted subject the parse may take for an object when the verb has no other subject)
        head = noun[1]
        said = head.head if head.dep_.startswith("nsubj") or head.dep_ in ("obj", "dobj") and head.head.i < head.i \
            and "Imp" not in head.head.morph.get("Mood") and not any(c.dep_.startswith("nsubj") for c in head.head.children) \
            else None
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.i not in relative
               and not (said is not None and (t.i == said.i or t.head.i == said.i and t.dep_.startswith("aux"))) for t in toks):
            return None
        here = self.sentence_no(q.open)
        before = [i for i, p in enumerate(self.quotes) if p.close < start and here - self.sentence_no(p.close) <= 2]
        if not before:
            return None
        det, head = noun
        end = head.idx + len(head)
        close = colon
        while close > det.idx and self.text[close - 1] in " \t":
            close -= 1
        return Speaker(det.idx, end, self.text[det.idx:end], (det.idx, close), True, "utterance",
                       {"utterance_of": before[-1]})

    def _speech_noun_owner(self, q: _Quote) -> Speaker | None:
        """"l'appel de X à une « trêve »", "la demande de X d'une « pause »": words quoted right after a speech noun's
        named complement (a preposition and an article between) are that complement's, not the clause subject's."""
        start = self.sentence(q.open)[0]
        toks = [t for t in self.sf.tokens(start, q.open) if not self.sf.in_mask(t.idx) and not t.is_space][-10:]
        i, between = len(toks) - 1, 0
        while i >= 0 and toks[i].pos_ in ("DET", "ADP") and between < 3:
            i, between = i - 1, between + 1
        if i < 2 or not any(t.pos_ == "ADP" for t in toks[i + 1:]):
            return None
        if toks[i - 1].tag_ == "POS" and self._speech_noun(toks[i]):  # "X's call for an “…”": the possessive owner
            m = self.sf.mi.covering(toks[i - 2].idx, toks[i - 2].idx + len(toks[i - 2]))
            if m is None or m.label not in SPEAKER_LABELS or m.kind not in ("name", "acronym"):
                return None
            sp = self.sf._name_speaker(m, q.open)
            sp.attribution, sp.kind = (m.span.start, toks[i].idx + len(toks[i])), "owner"
            return sp
        m = self.sf.mi.covering(toks[i].idx, toks[i].idx + len(toks[i]))
        if m is None or m.label not in SPEAKER_LABELS or m.kind not in ("name", "acronym"):
            return None
        k = max((j for j in range(i + 1) if toks[j].idx < m.span.start), default=-1)
        if k > 0 and toks[k].lower_ in self.lex.articles and toks[k - 1].lower_ in self.lex.complement_prepositions:
            k -= 1  # "de la Croix-Rouge"
        if k < 1 or toks[k].lower_ not in self.lex.complement_prepositions:
            return None
        noun = toks[k - 1]
        if not self._speech_noun(noun):
            return None
        sp = self.sf._name_speaker(m, q.open)
        sp.attribution, sp.kind = (noun.idx, m.span.end), "owner"
        return sp

    def _speech_noun(self, tok: Any) -> bool:
        """A noun of a speech act ("l'appel", "la demande", "call", "plea"), from the pack's speech nouns."""
        return tok.pos_ == "NOUN" and (self.lex.lemma(tok) in self.lex.speech_nouns or tok.lower_ in self.lex.speech_nouns)

    def _can_speak(self, sp: Speaker) -> bool:
        """A name of a person, organisation or country, or a phrase headed by a speaker noun ("le syndicat")."""
        if sp.extra.get("label"):
            return sp.extra["label"] in SPEAKER_LABELS
        return any(self.sf.is_speaker_noun(t) for t in self.sf.tokens(sp.start, sp.end) if not t.is_punct)

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
            if pos < q.open and self._other_speech_between(sp.end, q.open):
                continue  # "16 selon X, tandis que Y en annonçait « … »": Y's words
            sp.attribution, sp.kind = (pos, sp.end), "marker"
            if best is None or abs(pos - q.open) < abs(best.attribution[0] - q.open):  # type: ignore[index]
                best = sp
        return best

    def _governing_verb(self, q: _Quote) -> Speaker | None:
        """X a déclaré que … « … »; X a salué … son « ferme soutien »: the nearest speech verb before the quote."""
        start = self.sentence(q.open)[0]
        verbs = [t for t in self.sf.tokens(start, q.open) if is_speech_verb(t, self.lex, governing=True) and not self.sf.in_mask(t.idx)
                 and not self.sf.passive(t)]
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

    def _comme_incise(self, q: _Quote) -> Speaker | None:
        """Comme l'a souligné X, … « … »; … « … », comme l'a rappelé X: the source named in a "comme" incise."""
        start, end = self.sentence(q.open)
        sp = self.sf.comme_source(start, end)
        if sp is not None:
            sp.kind = "marker"
        return sp

    def _clause_subject(self, q: _Quote) -> Speaker | None:
        """X a salué un homme « talentueux »; une formule voulue « personnelle » par X: words quoted inside a
        clause are those of its subject (or of the passive agent), when that subject is someone who can speak."""
        start, end = self.sentence(q.open)
        inside = self.sf.tokens(q.start, q.end)
        if not inside:
            return None
        ids = {t.i for t in inside}
        tops = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
        if not tops:
            return None
        top = tops[0]
        if top.pos_ in ("VERB", "AUX"):  # « condamné la tentative »: the quoted words hold the verb, the subject is outside
            sp = self.sf.speaking_subject(top, start)
            if sp is None and top.head.is_punct and top.head.i != top.i:  # the parse hung the clause on the mark
                sp = self.sf.speaking_subject(top.head, start)
            if sp is not None:
                sp.attribution, sp.kind = (sp.start, sp.end), "subject"
                return sp
        if top.head.i == top.i or self.sf.in_mask(top.head.idx):
            return None
        tok = top.head
        for _ in range(6):
            if tok.idx < start or tok.idx >= end:
                return None
            sp = self.sf.agent_of(tok, end) or self.sf.speaking_subject(tok, start)
            if sp is None and tok.pos_ == "VERB" and "Fin" in tok.morph.get("VerbForm") and not any(
                    c.dep_.startswith("nsubj") for c in tok.children):
                head = self.sf._clause_head_np(start, tok.idx)  # the parse lost the subject: the clause's first name
                sp = head if head is not None and head.extra.get("label") in SPEAKER_LABELS else None
            if sp is not None:
                sp.attribution = (sp.start, sp.end)
                sp.kind = "subject"
                sp.extra["clause_verb"] = tok.i  # the verb it is the subject of (a relative's, for its antecedent)
                return sp
            if tok.head.i == tok.i or tok.dep_ in ("acl:relcl",):
                return None
            tok = tok.head
        return None

    # -- passes over the whole document ----------------------------------------------------------

    def run(self) -> list[QuoteRec]:
        for q in self.quotes:
            sp = self.attribute(q)
            q.speaker = self.sf.issuer(sp) if sp is not None else None
        self._share_within_sentence()
        for q in self.quotes:
            if q.speaker is None:
                q.speaker = self.attribute_weakly(q)
        self._share_within_sentence()
        self._carry_over()
        self._resolve_back_references()
        self._spokesperson_for_body()
        self._group_for_body()
        self._reported_account()
        self._carry_over()
        self._headline_from_body()
        out: list[QuoteRec] = []
        for q in self.quotes:
            if not self._keep(q):
                continue
            sp = q.speaker
            out.append(QuoteRec(
                span=self._span(q.start, q.end),
                speaker_text=sp.text if sp else None,
                speaker_span=self._span(*sp.extra.get("anchor", (sp.start, sp.end))) if sp else None,
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
        """"dit-il", "selon lui", "a ajouté l'agence": the nearest earlier speaker (or person, for pronouns).

        A subject pronoun after a quotation most often takes up who spoke last: the speaker of an earlier quote or
        of reported speech ("Selon X, …", "X a déclaré que …") in the last two sentences comes before a person
        merely mentioned nearer ("…, en référence à Y. « … », a-t-il ajouté": the speaker, not Y)."""
        done: list[_Quote] = []
        events = self._speech_events()
        for q in self.quotes:
            sp = q.speaker
            if sp is not None and sp.pronoun and "utterance_of" in sp.extra:  # "cette phrase : « … »": the quote before's
                src = self.quotes[sp.extra["utterance_of"]].speaker
                q.speaker = None if src is None or src.pronoun else Speaker(
                    src.start, src.end, src.text, sp.attribution, False, sp.kind, {**src.extra, "refers_by": sp.text})
            elif sp is not None and sp.pronoun:
                at = sp.attribution[0] if sp.attribution else sp.start
                document = bool(sp.extra.get("document"))
                bare_title = sp.text.lower() not in self.lex.anaphoric and sp.text not in self.lex.inverted and not document
                cands: list[tuple[int, Speaker]] = []
                subject_sentences = {self.sentence_no(pos) for pos, _ in self._subjects()}
                for p in done:
                    if p.speaker is not None and not p.speaker.pronoun and p.close < at and not (
                            p.speaker.kind == "owner" and self.sentence_no(p.open) in subject_sentences):
                        cands.append((p.close, p.speaker))  # "X backed Y's call for a “…”. He said": X, the subject
                cands += [(pos, e) for pos, e in events if pos < at and not (sp.start <= pos <= sp.end)]
                here = self.sentence_no(at)
                ordinal = self.lex.ordinal_refs.get(" ".join(sp.text.lower().split()))
                member = self._enumeration_member(at, ordinal) if ordinal is not None else None
                if member is not None:  # "A et B sont arrivés. « … », a lâché le premier": A
                    q.speaker = Speaker(member.start, member.end, member.text, sp.attribution, False, sp.kind,
                                        {**member.extra, "refers_by": sp.text})
                    done.append(q)
                    continue
                own = self._own_subject(sp, at) if sp.kind == "marker" and not bare_title and not document else None
                if own is not None:  # "X a annoncé se retirer afin, selon lui, d'éviter « … »": X
                    q.speaker = Speaker(own.start, own.end, own.text, sp.attribution, False, sp.kind,
                                        {**own.extra, "refers_by": sp.text})
                    done.append(q)
                    continue
                if bare_title:
                    # "a ajouté l'agence", "estime l'expert": a speaker of the last sentences described by that noun
                    noun = self.lex.leading_article.sub("", sp.text.lower()).strip()
                    cands = [(pos, s) for pos, s in cands if here - self.sentence_no(pos) <= 3
                             and noun in (s.extra.get("title", "") + " " + s.extra.get("epithets", "") + " "
                                          + self.text[s.end:s.end + 60]).lower()]
                    if sp.kind != "incise" or sp.text.lower().startswith(self.lex.plural_article):
                        cands = []
                    cands = [(pos, s) for pos, s in cands if not self.sf.plural(s)]  # "l'expert": one, not "des experts"
                else:
                    subjects = [(pos, e) for pos, e in self._subjects() if pos < at and not (sp.start <= pos <= sp.end)]
                    feminine = sp.text.lower().lstrip("-t") in self.lex.feminine_pronouns
                    if feminine:  # "elle": not a speaker the words show masculine
                        cands = [(pos, e) for pos, e in cands if self.sf.gender(e) != "Masc"]
                        subjects = [(pos, e) for pos, e in subjects if self.sf.gender(e) != "Masc"]
                    elif sp.text.lower() in self.lex.masculine_pronouns:  # "il": not "une foule", "la ministre"
                        cands = [(pos, e) for pos, e in cands if self.sf.gender(e) != "Fem"]
                        subjects = [(pos, e) for pos, e in subjects if self.sf.gender(e) != "Fem"]
                    if feminine or sp.text.lower() in self.lex.masculine_pronouns:  # "she": one, not "the three leaders"
                        cands = [(pos, e) for pos, e in cands if not self.sf.plural(e)]
                        subjects = [(pos, e) for pos, e in subjects if not self.sf.plural(e)]
                    # a pronoun stands for someone who can speak, never for a place named nearer
                    cands = [(pos, e) for pos, e in cands if e.extra.get("label", "person") in SPEAKER_LABELS]
                    subjects = [(pos, e) for pos, e in subjects if e.extra.get("label", "person") in SPEAKER_LABELS]
                    # a document takes up who spoke before, else who acted; a pronoun either
                    tiers = [cands, subjects] if document else [cands + subjects]
                    para = self.text.rfind("\n\n", 0, at)
                    for tier in tiers:
                        recent = [(pos, s) for pos, s in tier if here - self.sentence_no(pos) <= 2]
                        same = [(pos, s) for pos, s in recent if pos > para]
                        cands = same or recent
                        if cands:
                            break
                    if not cands and not document:
                        # a person named before, last, in its paragraph or the one before; for "elle", one the words show feminine
                        # ("la ministre X"): "elle" stands for a country, a body, a meeting far more often
                        for m in self.sf.mi.before(at):  # in its paragraph or the one before, never further
                            if m.label == "person" and m.kind == "name" and not self.sf.in_mask(m.span.start) \
                                    and self.text.count("\n\n", m.span.end, at) <= 1:
                                named = self.sf._name_speaker(m, at)
                                if named is not None and not (feminine and self.sf.gender(named) != "Fem"):
                                    cands.append((m.span.end, named))
                if cands:
                    _, ante = max(cands, key=lambda c: c[0])
                    q.speaker = Speaker(ante.start, ante.end, ante.text, sp.attribution, False, sp.kind,
                                        {**ante.extra, "refers_by": sp.text})
                elif bare_title or document:
                    sp.pronoun = False
            done.append(q)

    def _spokesperson_for_body(self) -> None:
        """"Son porte-parole a accusé …", "its spokesman said": an unnamed spokesperson of a body named before speaks
        for it; the body is the last named subject of the two sentences before that is not a person."""
        nouns = {w.lower() for w in self.lex.speech.get("spokesperson_nouns", ())}
        if not nouns:
            return
        for q in self.quotes:
            sp = q.speaker
            if sp is None or sp.pronoun:
                continue
            words = [t for t in self.sf.tokens(sp.start, sp.end) if not t.is_punct]
            body_after = self._spokesperson_of(sp, words, nouns)
            if body_after is not None:  # "un porte-parole du bureau régional": the body its complement names
                q.speaker = body_after
                continue
            if len(words) < 2 or "Yes" not in words[0].morph.get("Poss") or self.text[words[1].idx:sp.end].lower() not in nouns:
                continue
            at = sp.attribution[0] if sp.attribution else sp.start
            here = self.sentence_no(at)
            bodies = [(pos, e) for pos, e in self._subjects() if pos < sp.start and here - self.sentence_no(pos) <= 2
                      and self._body(e)]
            if not bodies:
                continue
            _, body = max(bodies, key=lambda c: c[0])
            q.speaker = Speaker(body.start, body.end, body.text, sp.attribution, False, sp.kind,
                                {**body.extra, "refers_by": sp.text})

    def _group_for_body(self) -> None:
        """"… a lu un communiqué au nom d'un Comité pour le renouveau (CRV). Les mutins y dénoncent « … »": what is said
        or issued on behalf of a body (a behalf marker in a sentence with a speech verb or a document noun) is the
        body's, and an unnamed group that speaks in the two sentences around it (a plural phrase of a body's members with
        no name in it, `behalf_groups`: "les mutins", "des soldats") speaks for that body. Two bodies named so there: no
        guess."""
        bodies = self._behalf_bodies()
        if not bodies:
            return
        for q in self.quotes:
            sp = q.speaker
            if sp is None or sp.pronoun or not self._unnamed_group(sp):
                continue
            at = sp.attribution[0] if sp.attribution else sp.start
            here = self.sentence_no(at)
            near = {m.span.text: m for pos, m in bodies if abs(self.sentence_no(pos) - here) <= 2}
            if len(near) != 1:
                continue
            body = self.sf._name_speaker(next(iter(near.values())), at)
            q.speaker = Speaker(body.start, body.end, body.text, sp.attribution, False, sp.kind,
                                {**body.extra, "refers_by": sp.text})

    def _behalf_bodies(self) -> list[tuple[int, Mention]]:
        """(offset, mention) of each body named after a behalf marker ("au nom du comité", "on behalf of the council")
        in a sentence that says or issues something before it (a speech verb, a document noun); the acronym set in
        brackets after the name when there is one (the recogniser often cuts a long name short)."""
        if not self.lex.behalf_markers:
            return []
        out: list[tuple[int, Mention]] = []
        for found in _phrase_pattern(self.lex.behalf_markers).finditer(self.text):
            pos = found.start()
            if self.sf.in_mask(pos):
                continue
            start, end = self.sentence(pos)
            if not any(not self.sf.in_mask(t.idx) and (is_speech_verb(t, self.lex) or self.lex.lemma(t) in self.lex.document_nouns)
                       for t in self.sf.tokens(start, pos)):
                continue
            stop = _CLAUSE_STOP.search(self.text, found.end(), end)
            names = [m for m in self.sf.mi.inside(found.end(), stop.start() if stop else end)
                     if m.label == "organization" and m.kind in ("name", "acronym")]
            if not names or len(self.text[found.end():names[0].span.start].split()) > 1:
                continue  # the body must follow the marker (an article at most between)
            acronym = next((m for m in names[1:] if m.kind == "acronym" and self.text[m.span.start - 1:m.span.start] == "("), None)
            out.append((pos, acronym or names[0]))
        return out

    def _unnamed_group(self, sp: Speaker) -> bool:
        """A plural phrase headed by a noun of a body's members with no name in it ("les mutins", "des soldats", "the
        officials"; never the public: "les habitants", "the protesters")."""
        if sp.extra.get("label") or self.sf.mi.inside(sp.start, sp.end) or not self.sf.plural(sp):
            return False
        head = next((t for t in reversed(self.sf.tokens(sp.start, sp.end)) if t.pos_ == "NOUN"), None)
        return head is not None and (self.lex.lemma(head) in self.lex.behalf_groups or head.lower_ in self.lex.behalf_groups)

    def _headline_from_body(self) -> None:
        """"Brionne : « Je ne suis pas le coupable », le maire …": a quote in the headline, whose speaker the headline
        does not name, takes the speaker of the body's quote that holds the same words ('cries 'lie'' then "an absolute
        lie", said the Kremlin)."""
        line_end = self._headline_end()
        if line_end is None:
            return
        for q in self.quotes:
            if q.open >= line_end:
                break
            if q.speaker is not None and not q.speaker.pronoun:
                continue
            words = _folded_words(self.text[q.start:q.end])
            if not words:
                continue
            for p in self.quotes:
                if p.open <= line_end or p.speaker is None or p.speaker.pronoun:
                    continue
                body = _folded_words(self.text[p.start:p.end])
                if _contains(body, words) or _contains(words, body) and len(body) >= 3:
                    src = p.speaker
                    q.speaker = Speaker(src.start, src.end, src.text, None, False, "headline", dict(src.extra))
                    break

    def _headline_end(self) -> int | None:
        """Where the headline ends: the first line of text (a header line " date …" aside) when a blank line follows it
        and it does not end as a sentence does; None when the text opens with no headline."""
        pos = 0
        for line in self.text.split("\n")[:4]:
            end = pos + len(line)
            pos = end + 1
            if not line.strip() or line.startswith((" ", "\t")):
                continue
            blank_after = not self.text[end + 1:self.text.find("\n", end + 1) if "\n" in self.text[end + 1:] else None].strip()
            return end if blank_after and not line.rstrip().endswith((".", "!", ":")) else None
        return None

    def _reported_account(self) -> None:
        """"Selon X, tout s'est joué au téléphone. Y aurait alors pris une décision « cruelle »": words quoted inside a
        clause in the journalistic conditional go on with the account the sentence before attributes to X (a "selon X",
        a speech verb's subject, in the same paragraph); they are X's, not those of the clause's own subject Y."""
        if self.grammar is None:
            return
        events: list[tuple[int, Speaker]] | None = None
        for q in self.quotes:
            sp = q.speaker
            if sp is None or sp.kind != "subject" or not self._conditional_clause(sp):
                continue
            if events is None:
                events = self._speech_events()
            start = self.sentence(q.open)[0]
            para = self.text.rfind("\n", 0, start)
            here = self.sentence_no(start)
            before = [(pos, e) for pos, e in events if para < pos < start and here - self.sentence_no(pos) == 1
                      and not (sp.start <= pos <= sp.end)]
            if not before:
                continue
            _, src = max(before, key=lambda c: c[0])
            q.speaker = Speaker(src.start, src.end, src.text, src.attribution, False, "reported",
                                {**src.extra, "refers_by": sp.text})

    def _conditional_clause(self, sp: Speaker) -> bool:
        """Whether the verb a clause subject is the subject of is in the conditional ("X aurait pris", "les délégués,
        qui auraient assuré être prêts à « … »")."""
        if "clause_verb" in sp.extra:
            verb = self.sdoc[sp.extra["clause_verb"]]
            return bool(self.grammar.conditional_form(verb, [c for c in verb.children if c.dep_.startswith("aux")]))
        tok = self.sf.token_at(sp.start)
        for _ in range(4):
            if tok is None or tok.head.i == tok.i and tok.pos_ not in ("VERB", "AUX"):
                return False
            if tok.pos_ in ("VERB", "AUX") and tok.idx >= sp.end:
                auxes = [c for c in tok.children if c.dep_.startswith("aux")]
                return bool(self.grammar.conditional_form(tok, auxes))
            tok = tok.head
        return False

    def _spokesperson_of(self, sp: Speaker, words: list[Any], nouns: set[str]) -> Speaker | None:
        """"a indiqué un porte-parole du bureau régional": an unnamed spokesperson whose complement names a body (an
        organisation word, no person, no role) speaks for that body, as "le porte-parole du Kremlin" does for the
        Kremlin; None for any other phrase ("le porte-parole du ministre" is the minister's, a person's)."""
        if sp.extra.get("label") or len(words) < 3 or words[0].pos_ != "DET":
            return None
        k = next((k for k in range(2, min(len(words), 4)) if self.text[words[1].idx:words[k - 1].idx + len(words[k - 1])].lower()
                  in nouns), None)
        if k is None or k >= len(words) or words[k].lower_ not in self.lex.complement_prepositions:
            return None
        first = self.sf.token_at(words[k].idx + len(words[k]))
        body = self.sf._title_np(first, sp.end) if first is not None and first.idx < sp.end else None
        if body is None or body.extra.get("label") or self._head_plural(body) \
                or any(m.label == "person" for m in self.sf.mi.inside(body.start, body.end)):
            return None
        head = next((t for t in self.sf.tokens(body.start, body.end) if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or self.lex.lemma(head) not in self.lex.body_heads and head.lower_ not in self.lex.body_heads:
            return None
        return Speaker(body.start, body.end, body.text, sp.attribution, False, sp.kind,
                       {**{k2: v for k2, v in body.extra.items() if k2 != "anchor"}, "refers_by": sp.text})

    def _body(self, sp: Speaker) -> bool:
        """Whether a speaker is a body (an organisation, a country, "la junte"), not a person, a role ("le ministre")
        or a group ("les pilotes")."""
        if sp.extra.get("label"):
            return sp.extra["label"] in SPEAKER_LABELS and sp.extra["label"] != "person"
        if "anchor" in sp.extra or any(m.label == "person" for m in self.sf.mi.inside(sp.start, sp.end)):
            return False  # a role: the person who holds it
        return not self._head_plural(sp)

    def _head_plural(self, sp: Speaker) -> bool:
        """Whether the noun heading the words naming a speaker is plural ("la direction des pompiers" is not)."""
        toks = self.sf.tokens(sp.start, sp.end)
        ids = {t.i for t in toks}
        head = next((t for t in toks if t.pos_ in ("NOUN", "PROPN") and t.head.i not in ids), None)
        return head is not None and "Plur" in head.morph.get("Number")

    def _own_subject(self, sp: Speaker, at: int) -> Speaker | None:
        """Who "selon lui" stands for when it comes after its clause's main verb: that verb's subject, when it is
        someone who can speak, named before the marker, and of the pronoun's gender and number."""
        tok = self.sf.token_at(at)
        if tok is None:
            return None
        root = tok.sent.root
        if root.idx >= at or self.sf.in_mask(root.idx):
            return None
        subj = self.sf.speaking_subject(root, tok.sent.start_char)
        if subj is None or self.sf.is_pronoun(subj) or subj.end > at or subj.extra.get("document") \
                or subj.extra.get("label", "person") not in SPEAKER_LABELS:
            return None
        low = sp.text.lower().lstrip("-t")
        if low in self.lex.feminine_pronouns and self.sf.gender(subj) == "Masc" \
                or low in self.lex.masculine_pronouns and self.sf.gender(subj) == "Fem":
            return None
        if (low in self.lex.feminine_pronouns or low in self.lex.masculine_pronouns) and self._head_plural(subj):
            return None  # "selon lui": one, not a group
        return subj

    def _enumeration_member(self, at: int, index: int) -> Speaker | None:
        """The member `index` of the last enumeration of names in the two sentences before `at` ("les ministres A et B",
        "A, B et C"); for the last member (-1) with no enumeration, the name mentioned last ("ce dernier")."""
        here = self.sentence_no(at)
        names = [m for m in self.sf.mi.before(at) if m.kind == "name" and m.label in SPEAKER_LABELS
                 and not self.sf.in_mask(m.span.start) and here - self.sentence_no(m.span.start) <= 2]
        groups: list[list[Mention]] = []
        for m in names:
            if groups:
                between = self.text[groups[-1][-1].span.end:m.span.start].replace(",", " ").split()
                if len(between) <= 4 and (not between or between[0].lower() in self.lex.enumeration_joiners):
                    groups[-1].append(m)
                    continue
            groups.append([m])
        enum = next((g for g in reversed(groups) if len(g) >= 2), None)
        if enum is not None and -len(enum) <= index < len(enum):
            return self.sf._name_speaker(enum[index], at)
        if index == -1 and names:
            return self.sf._name_speaker(names[-1], at)
        return None

    def _subjects(self) -> list[tuple[int, Speaker]]:
        """(offset, speaker) of the named people and organisations that are the subject of a sentence's main verb."""
        cached = getattr(self, "_subject_cache", None)
        if cached is None:
            cached = []
            for sent in self.sdoc.sents:
                root = sent.root
                sp = self.sf.speaking_subject(root, sent.start_char) if not self.sf.in_mask(root.idx) else None
                if sp is not None and not self.sf.is_pronoun(sp):
                    cached.append((sp.end, sp))
            self._subject_cache = cached
        return cached

    def _speech_events(self) -> list[tuple[int, Speaker]]:
        """(offset, speaker) of the reported speech outside quotations: the subject of a speech verb, the source of
        "selon X"; what a later "il a ajouté" can take up."""
        out: list[tuple[int, Speaker]] = []
        for t in self.sdoc:
            if self.sf.in_mask(t.idx) or not is_speech_verb(t, self.lex, governing=True) or self.sf.passive(t):
                continue
            k = t.i - 1
            while k >= 0 and self.sdoc[k].pos_ == "AUX":
                k -= 1
            if k >= 0 and self.sdoc[k].text == ",":
                continue  # an incise: its subject follows it, and is a quote's speaker
            sp = self.sf.speaking_subject(t, self.sentence(t.idx)[0])
            if sp is not None and not self.sf.is_pronoun(sp) and sp.start < t.idx:  # "X a déclaré": an inverted subject is a quote's
                out.append((t.idx, sp))
        for m in self.lex.marker_anywhere.finditer(self.text):
            if self.sf.in_mask(m.start()):
                continue
            sp = self.sf.np_after(m.end(), self._limit(m.end()))
            if sp is not None and not self.sf.is_pronoun(sp):
                out.append((sp.end, sp))
        return out

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
        # a scare quote counts only when someone is said to have said it (a pronoun will do: "selon lui, « trahi »"),
        # not when it merely follows another quote
        if n <= self.lex.speech["scare_quote_max_words"] and (q.speaker is None or q.speaker.kind == "carried") \
                and not (q.speaker is not None and self._said_in_passive(q)):
            return False
        toks = self.sf.tokens(q.start, q.end)
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in toks)
        capitalised = [w for w in words.split() if len(w) > 3]
        title_case = bool(capitalised) and sum(w[:1].isupper() for w in capitalised) * 2 > len(capitalised)
        unsaid = q.speaker is None or q.speaker.kind == "subject"
        if unsaid and not has_verb and words[:1].isupper() and (n <= self.lex.speech["term_quote_max_words"] or title_case):
            return False  # a name or title in quotes: « Jour de la Victoire »
        lowered = {w.lower() for w in re.findall(r"\w+['’]?", words)}
        if q.speaker is None and n >= 3 and not lowered & self.lex.function_words:
            return False  # a title in another language, as in a reference list
        return True

    def _said_in_passive(self, q: _Quote) -> bool:
        """« … » governed by a passive verb of speech or judgement with no agent ("the data were judged « not final »"):
        someone is said to have said the words, and the speaker of the quote before is who."""
        inside = self.sf.tokens(q.start, q.end)
        ids = {t.i for t in inside}
        tok = next((t for t in inside if t.head.i not in ids), None)
        mo = self.lex.modality
        for _ in range(3):
            if tok is None or tok.head.i == tok.i:
                return False
            tok = tok.head
            lem = self.lex.lemma(tok)
            if tok.pos_ == "VERB" and self.sf.passive(tok) and (is_speech_verb(tok, self.lex) or lem in mo["belief_verbs"]
                                                                or lem in mo["verdict_verbs"]):
                return self.sf.agent_of(tok, self.sentence(tok.idx)[1]) is None
        return False

    def _span(self, start: int, end: int) -> Span:
        return Span(self.doc_id, start, end, self.text[start:end])


def _folded_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(text))]


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether `part` stands in `words` as a run of whole words."""
    n = len(part)
    return n > 0 and any(words[i:i + n] == part for i in range(len(words) - n + 1))


def find_quotes(doc_id: str, sdoc: Any, mentions: list[Mention], pack: lang.LanguagePack | None = None,
                text: str | None = None) -> list[QuoteRec]:
    """The direct quotations of one parsed document, each with its speaker when the text names one.

    `text` is the parsed text when the caller has it (spaCy rebuilds `sdoc.text` from the tokens on each access)."""
    pk = pack or lang.pack()
    return _Finder(doc_id, sdoc, mentions, pk.speech, text, pk.grammar).run()
