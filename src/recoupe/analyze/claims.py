"""The `claims` component: the propositions an article puts forward, each with its source and its modality.

One claim per sentence (two when a sentence joins two finite clauses with a coordinating conjunction after a comma,
or opens a contrastive subordinate after one, "…, while X denied it"; one more for a proposition that a source noun
introduces, "les informations selon lesquelles …", or that a relative clause reports, "…, which officials say is
closed"); captions,
bylines, headings, questions and reference lists are skipped. Modality, strongest first:

- denied: an actor denies it (a denial verb governing it and not itself negated, "dément", "nie", "rejette les
  accusations"; a falsity word in a speech or judgement frame, "qualifie de mensonge", "juge inexactes"); a plain
  negation ("n'a pas été confirmé", "n'a pas dit") is not a denial;
- conditional: the predicate (or the reporting frame) in the conditional (the grammar's reader), "devrait", "pourrait",
  or the conditional in words where the language has it so ("reportedly", "is expected to");
- speculative: a hedge word or phrase, a belief or fear frame, "sembler";
- reported: attributed to a source (a speech verb, "selon X", a quotation) that is not itself negated; a request
  ("X urged Y to act") reports no proposition;
- asserted.

The source and the hedge are kept apart from the modality (`source_*`, `attrs["hedge"]`), so a conditional with a
source ("aurait livré des obus, selon Séoul") keeps both.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from recoupe import lang
from recoupe.analyze.attribution import Speaker, SpeakerFinder, is_speech_verb, sentence_ends, word_count
from recoupe.analyze.quotes import quote_marks
from recoupe.analyze.registry import Context, component
from recoupe.model import ClaimRec, Mention, QuoteRec, Span
from recoupe.model.text import fold

_TERMINAL = (".", "!", "…", "»", "”", ")", "*", "]", '"', "'")
_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
_FOOTNOTE = re.compile(r"(?:\[\d+\])+\s+")
_CLOSING_STARS = re.compile(r"\*+(?=\s)")


@component("claims", requires=("spacy", "sentences", "mentions", "quotes"), assigns=("claims",), version="8")
def claims(ctx: Context) -> dict[str, list[Any]]:
    return {"claims": find_claims(ctx.document.id, ctx.sdoc, ctx.analysis.mentions, ctx.analysis.quotes, ctx.pack,
                                  ctx.document.text)}


class _ClaimFinder:
    def __init__(self, doc_id: str, sdoc: Any, mentions: list[Mention], quotes: list[QuoteRec], pack: lang.LanguagePack,
                 text: str | None = None) -> None:
        lex = pack.speech
        self.doc_id = doc_id
        self.sdoc = sdoc
        self.text: str = sdoc.text if text is None else text
        self.lex = lex
        self.grammar = pack.grammar
        self.mo = lex.modality
        self.cw = lex.claim_words
        preds = lex.claim_predicates
        self.quotes = sorted(quotes, key=lambda q: q.span.start)
        marks = quote_marks(self.text, lex)
        self.masks = sorted([(o, c + 1) for o, c in marks])
        self.sf = SpeakerFinder(sdoc, mentions, lex, self.masks, self.text, pack.lexicon.nationality, _countries(pack))
        self.ends = sentence_ends(self.text, lex.abbreviations, self.sf.in_mask)
        self.mentions = mentions
        self.pred_class = {w: cls for cls, words in preds["predicate_classes"].items() for w in words}
        self.noun_class = {w: cls for cls, words in preds["noun_classes"].items() for w in words}
        self.multiword_nouns = [(w, cls) for w, cls in self.noun_class.items() if " " in w]
        self._conditional_at: dict[int, bool] = {}
        self.hedges = [h.lower() for h in self.mo["hedge_words"]]
        self.denial_lemmas = frozenset(self.mo["denial_verbs"])
        self.object_denials = frozenset(self.mo["object_denial_verbs"])
        self.belief = frozenset(self.mo["belief_verbs"])
        self.falsity = frozenset(w.lower() for w in self.mo["falsity_words"])
        self.estimates = frozenset(self.mo["estimate_nouns"])
        self.claim_nouns = frozenset(self.mo["claim_nouns"])
        self._participle_units: dict[int, int] = {}  # a participle clause's start -> its sentence's start
        self._relative_units: dict[int, int] = {}  # a closing relative clause's start -> its sentence's start
        self._recent_sources: list[Span] = []  # the named sources of the claims so far, for pronouns
        self._recent_subjects: list[Span] = []  # the named subjects of the claims so far, for pronouns and documents

    # -- units -----------------------------------------------------------------------------------

    def units(self) -> list[tuple[int, int]]:
        out = []
        start = 0
        for e in self.ends + [len(self.text)]:
            end = e + 1 if e < len(self.text) and self.text[e] in ".!?…" else e
            s = start
            while s < end:
                if self.text[s] in " \t\n":
                    s += 1
                    continue
                m = _CLOSING_STARS.match(self.text, s, end)  # "**Verdict.** La …": the bold's closing marks
                if m is None:
                    break
                s = m.end()
            m = _FOOTNOTE.match(self.text, s, end)  # "[4] The same year": the previous sentence's footnote marker
            if m:
                s = m.end()
            t = end
            while t > s and self.text[t - 1] in " \t\n":
                t -= 1
            if t > s:
                out.append((s, t))
            start = e + 1
        return out

    def _line(self, pos: int) -> str:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return self.text[a:b if b >= 0 else len(self.text)]

    def skip(self, s: int, e: int, toks: list[Any]) -> bool:
        sent = self.text[s:e]
        line = self._line(s).strip()
        if sent.rstrip(" *").endswith("?"):
            return True  # a question puts nothing forward
        if any(line.startswith(p) for p in self.mo["non_claim_prefixes"]):
            return True
        if self._byline(line):
            return True
        if any(p.lower() in line.lower() for p in self.mo["byline_phrases"]):
            return True
        if any(m in line for m in self.lex.speech["reference_markers"]) or re.match(r"\s*\[\d+\]", line):
            return True
        if word_count(sent) < self.mo["min_claim_words"]:
            return True
        if not any("Fin" in t.morph.get("VerbForm") or self._is_conditional(t)
                   or t.pos_ in ("VERB", "AUX") and not t.morph.get("VerbForm")
                   or t.lower_ in self.lex.speech_forms and t.i > 0 and t.doc[t.i - 1].pos_ != "ADP" for t in toks) \
                and not self._after_sentence(s, toks):
            return True  # captions and headings have no finite verb
        if line == sent.strip() and not sent.rstrip().endswith(_TERMINAL) and word_count(sent) <= self.mo["heading_max_words"]:
            return True  # a short line of its own without a full stop: a heading (a long one lost its stop)
        return False

    def _after_sentence(self, s: int, toks: list[Any]) -> bool:
        """A sentence that follows a full stop on its own line, with a verb the parse took for a participle ("….L'aveu
        rompt avec …"): captions and headings are lines of their own, this one is no heading."""
        before = self.text[self.text.rfind("\n", 0, s) + 1:s].strip()  # a sentence, not a tag ("DIRECT.")
        return word_count(before) >= self.mo["min_claim_words"] and before.endswith((".", "!", "…")) \
            and any(t.pos_ in ("VERB", "AUX") for t in toks)

    def _byline(self, line: str) -> bool:
        """"Par Julien FAVRE", "par la rédaction": a short line naming who wrote; not "Par ailleurs, le préfet a …"."""
        words = line.split()
        if not words or words[0] not in self.mo["byline_prefixes"] or len(words) > self.mo["byline_max_words"]:
            return False
        rest = words[1:]
        return bool(rest) and not line.rstrip().endswith(".") and (rest[0][:1].isupper() or rest[0].lower() in self.cw["determiners"])

    # -- one claim -------------------------------------------------------------------------------

    def run(self) -> list[ClaimRec]:
        out: list[ClaimRec] = []
        prev: ClaimRec | None = None
        for s, e in self.units():
            toks = self.sf.tokens(s, e)
            if not toks or self.skip(s, e, toks):
                continue
            parts: list[ClaimRec] = []
            for a, b in self._split(s, e, toks):
                rec = self.claim(a, b, self.sf.tokens(a, b), prev)
                if rec is not None:
                    parts.append(rec)
                    prev = rec
            self._share_closing_incise(parts, e)
            self._share_with_participle(parts)
            out.extend(parts)
        return out

    def _share_closing_incise(self, parts: list[ClaimRec], e: int) -> None:
        """"A happened, and B happened, the coastguard said": an incise closing the sentence attributes every clause
        before it, not only the last one it was cut with."""
        if len(parts) < 2 or parts[-1].source_span is None:
            return
        last = parts[-1]
        src = last.source_span
        before = self.text[last.span.start:src.start].rstrip()
        if not before.endswith(",") or word_count(self.text[src.end:e]) > self.mo["incise_tail_max_words"]:
            return
        for rec in parts[:-1]:
            if rec.modality == "asserted" and rec.source_span is None:
                rec.modality = "reported"
                rec.source_text, rec.source_span = last.source_text, src
                for key in ("source_name", "source_country"):
                    if key in last.attrs:
                        rec.attrs[key] = last.attrs[key]

    def _share_with_participle(self, parts: list[ClaimRec]) -> None:
        """"« … », a dit X, précisant que B": a participle clause of speech whose own subject the parse lost says what
        the source of the clause it follows says."""
        for before, rec in zip(parts, parts[1:]):
            if rec.span.start in self._participle_units and rec.source_span is None and before.source_span is not None:
                rec.source_text, rec.source_span = before.source_text, before.source_span
                if rec.modality == "asserted":
                    rec.modality = "reported"
                for key in ("source_name", "source_country"):
                    if key in before.attrs:
                        rec.attrs[key] = before.attrs[key]

    def _split(self, s: int, e: int, toks: list[Any]) -> list[tuple[int, int]]:
        """The propositions of one sentence: clauses a semicolon separates; two finite clauses joined by "mais"/"et"
        after a comma; a participle clause of speech after a comma ("…, ajoutant que …", "tout en jugeant …"); a source
        noun and the proposition it introduces ("les informations | selon lesquelles X aurait …")."""
        for i in range(s, e):
            if self.text[i] == ";" and not self.sf.in_mask(i):
                left, right = (s, self._trim(s, i)), (self._skip_space(i + 1, e), e)
                if all(self._has_finite(a, b) and word_count(self.text[a:b]) >= self.mo["min_claim_words"] for a, b in (left, right)):
                    return self._split(*left, self.sf.tokens(*left)) + self._split(*right, self.sf.tokens(*right))
        for i in range(s, e):  # "Le bilan pourrait être lourd : la plupart des maisons sont en bois"
            if self.text[i] == ":" and self.text[i + 1:i + 2].isspace() and not self.sf.in_mask(i):  # not "6:15"
                left, right = (s, self._trim(s, i)), (self._skip_space(i + 1, e), e)
                if self._colon_cut(left, right):
                    return [left] + self._split(*right, self.sf.tokens(*right))
                break
        ids = {t.i for t in toks}
        for t in toks:
            if t.dep_ != "conj" or t.head.i not in ids or not self._finite_group(t) or self.sf.in_mask(t.idx):
                continue
            # the conjunction hangs on the second clause (French parse) or on the first, before the second (English)
            cc = [c for c in t.children if c.dep_ == "cc" and c.idx < t.idx] or \
                [c for c in t.head.children if c.dep_ == "cc" and t.head.idx < c.idx < t.idx][-1:]
            if not cc or cc[0].lower_ not in self.cw["split_conjunctions"]:
                continue
            cut = cc[0].idx
            before = self.text[s:cut].rstrip()
            if before.endswith(",") and word_count(before) >= self.mo["min_claim_words"]:
                b_end = s + len(before.rstrip(","))
                return [(s, b_end), (cut, e)]
        cut = self._subordinate_cut(s, e, toks)
        if cut is not None:  # "…, while the ministry denied it", "…, which officials say is closed"
            return [(s, self._trim(s, cut))] + self._split(cut, e, self.sf.tokens(cut, e))
        for t in toks:  # "…, précisant que", "…, tout en jugeant « inexactes » les informations"
            if not ("Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")) or self.sf.in_mask(t.idx):
                continue
            if not self._frame_word(t):
                continue
            k = t.i - 1
            while k >= 0 and self.sdoc[k].idx >= s and (self.sdoc[k].lower_ in self.cw["gerund_markers"]
                                                        or self.sdoc[k].lower_ in self.lex.incise_clitics):
                k -= 1  # "…, tout en jugeant", "…, lui reprochant"
            if k < 0 or self.sdoc[k].text != "," or self.sdoc[k].idx <= s:
                continue
            cut = self.sdoc[k + 1].idx
            if word_count(self.text[s:cut]) >= self.mo["min_claim_words"] and self._has_finite(s, cut):
                self._participle_units[cut] = s
                return [(s, self._trim(s, cut))] + self._split(cut, e, self.sf.tokens(cut, e))
        m = self.lex.embedded_proposition.search(self.text, s, e)
        if m is not None and not self.sf.in_mask(m.start()):
            cut = m.start()
            # the proposition itself: after "selon lesquelles"; a hedge noun ("la possibilité que") stays with it
            inner = self._skip_space(m.end(), e) if self.lex.reported_marker.match(self.text, cut) else cut
            if word_count(self.text[s:cut]) >= self.mo["min_claim_words"] and self._has_finite(inner, e):
                return [(s, self._trim(s, cut)), (inner, e)]
        return [(s, e)]

    def _colon_cut(self, left: tuple[int, int], right: tuple[int, int]) -> bool:
        """Whether a colon joins two propositions of their own: two finite clauses, the first introducing no speech
        (no speech, belief or reporting verb, no speech noun, no source) and the clause after it no quotation, and
        only one of them hedged or conditional."""
        if not all(self._has_finite(a, b) and word_count(self.text[a:b]) >= self.mo["min_claim_words"] for a, b in (left, right)):
            return False
        if self.sf.in_mask(right[0]) or self.text[right[0]:right[0] + 1] in ("«", "“", '"'):
            return False
        ltoks = self.sf.tokens(*left)
        if any(self._frame_word(t) or self.lex.lemma(t) in self.lex.speech_nouns or t.lower_ in self.lex.speech_nouns
               for t in ltoks if not self.sf.in_mask(t.idx)):
            return False
        if self.lex.source_marker.search(self.text, *left) is not None:
            return False
        return self._marked(*left) != self._marked(*right)

    def _subordinate_cut(self, s: int, e: int, toks: list[Any]) -> int | None:
        """Where a proposition of its own starts inside a sentence: a contrastive subordinate after a comma ("…, while
        the ministry dismissed it"), or a relative clause that reports what someone says of its antecedent ("…, which
        officials say is closed", "whose closure sources say is near", "a mutiny that he said had reached the city")."""
        openers = self.cw.get("split_subordinators", ())
        for t in toks:
            if self.sf.in_mask(t.idx) or t.idx <= s:
                continue
            prev = t.doc[t.i - 1] if t.i > 0 else None
            if t.lower_ in openers and prev is not None and prev.text == "," and self._finite_group(t.head) \
                    and t.head.idx > t.idx:
                cut = t.idx
            elif t.lower_ in self.lex.relative or t.lower_ in self.cw.get("relative_possessives", ()) \
                    or t.lower_ in self.cw.get("closing_relatives", ()):
                cut = self._reported_relative(t, e) if t.lower_ not in self.cw.get("closing_relatives", ()) else None
                if cut is None:
                    cut = self._closing_relative(t, s, e)
                if cut is None:
                    continue
            else:
                continue
            if word_count(self.text[s:cut]) >= self.mo["min_claim_words"] and self._has_finite(s, cut) \
                    and word_count(self.text[cut:e]) >= self.mo["min_claim_words"]:
                return cut
        return None

    def _closing_relative(self, rel: Any, s: int, e: int) -> int | None:
        """`rel` opens a relative clause set off by a comma that closes the sentence ("…, dont la population est de
        300 000 habitants", "…, qui revendique 3 000 adhérents", "…, which had claimed to command 5,000 men"): what it
        says of its antecedent is a proposition of its own, with its own modality and source. The offset it starts
        at, else None (a relative inside the sentence, "X, qui …, a dit", stays in its clause)."""
        prev = rel.doc[rel.i - 1] if rel.i > 0 else None
        if prev is None or prev.text != "," or prev.idx <= s:
            return None
        # read from the words, the parse often hangs the clause elsewhere: the relative's own finite verb before any
        # later comma, and after one no finite verb but that of another subordinate ("…, qui …, où …")
        pieces: list[list[Any]] = [[]]
        for t in self.sf.tokens(rel.idx, e):
            if t.text == "," and not self.sf.in_mask(t.idx):
                pieces.append([])
            elif not t.is_punct:
                pieces[-1].append(t)
        def finite(ws: list[Any]) -> bool:
            return any((self._finite_group(t) or self._is_conditional(t)) and not self.sf.in_mask(t.idx) for t in ws)
        if not finite(pieces[0]):
            return None
        markers = self.cw["subordinate_markers"]
        if any(finite(p) and not (p and p[0].lower_ in markers) for p in pieces[1:]):
            return None
        if self._marked(s, rel.idx) == self._marked(rel.idx, e):
            return None  # nothing sets the two apart: one proposition, as the sentence is written
        self._relative_units[rel.idx] = s
        return rel.idx

    def _marked(self, a: int, b: int) -> bool:
        """Whether the words from a to b carry a modality of their own: a conditional, a hedge, a speech, belief,
        denial or reporting verb (not a passive judgement: "une information jugée sérieuse")."""
        if self.lex.hedge_phrase.search(self.text, a, b) is not None:
            return True
        m = self.lex.source_marker.search(self.text, a, b)  # "selon X"
        if m is not None and not self.sf.in_mask(m.start()):
            return True
        for t in self.sf.tokens(a, b):
            if self.sf.in_mask(t.idx):
                continue
            if self._is_conditional(t) or t.lower_ in self.hedges:
                return True
            if t.pos_ in ("VERB", "AUX") and self._frame_word(t) and not (
                    self.sf.passive(t) and (self.lex.lemma(t) in self.belief or not is_speech_verb(t, self.lex))):
                return True
        return False

    def _reported_relative(self, rel: Any, e: int) -> int | None:
        """`rel` opens a relative clause whose verb is a speech verb with its own subject and a bare complement clause
        ("which officials say is closed"): the offset it starts at, else None."""
        for v in rel.doc[rel.i + 1:rel.i + 7]:
            if v.idx >= e or v.is_punct:
                return None
            if not is_speech_verb(v, self.lex, governing=True):
                continue
            subj = [c for c in v.children if c.dep_.startswith("nsubj") and rel.i < c.i < v.i]
            nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
            bare = nxt is not None and (nxt.pos_ in ("AUX", "VERB") or self.sf.in_mask(nxt.idx) or nxt.is_quote)
            return rel.idx if subj and bare else None
        return None

    def _skip_space(self, i: int, e: int) -> int:
        while i < e and self.text[i] in " \t\n":
            i += 1
        return i

    def _has_finite(self, a: int, b: int) -> bool:
        return any(self._finite_group(t) or self._is_conditional(t) for t in self.sf.tokens(a, b) if not self.sf.in_mask(t.idx))

    def _frame_word(self, t: Any) -> bool:
        """A speech, belief, denial or reporting verb: what makes a clause report a proposition."""
        lem = self.lex.lemma(t)
        if lem in self.cw.get("reflexive_non_frames", ()) and any(c.dep_.startswith("expl") for c in t.children):
            return False  # "le choix s'explique par …": the reflexive reports nothing
        return lem in self.denial_lemmas or lem in self.belief or is_speech_verb(t, self.lex, governing=True) \
            or lem in self.lex.reporting_verbs or lem in self.object_denials and self._denies_object(t)

    def _directive(self, frame: Any) -> bool:
        """A request made of someone: a directive verb with an object and an infinitive, and no clause it reports."""
        if self.lex.lemma(frame) not in self.mo.get("directive_verbs", ()):
            return False
        deps = {c.dep_ for c in frame.children}
        return bool(deps & {"obj", "dobj", "iobj", "dative"}) and "xcomp" in deps and not deps & {"ccomp", "parataxis"}

    def _trim(self, s: int, e: int) -> int:
        while e > s and self.text[e - 1] in " ,;":
            e -= 1
        return e

    def _finite_group(self, t: Any) -> bool:
        return "Fin" in t.morph.get("VerbForm") or any("Fin" in c.morph.get("VerbForm") for c in t.children if c.dep_.startswith("aux"))

    def claim(self, s: int, e: int, toks: list[Any], prev: ClaimRec | None) -> ClaimRec | None:
        outside = [t for t in toks if not self.sf.in_mask(t.idx)]
        ids = {t.i for t in toks}
        roots = [t for t in toks if (t.head.i not in ids or t.head.i == t.i) and not t.is_punct]
        finite = [t for t in roots if self._finite_group(t) or any(self._is_conditional(x) for x in self._verb_group(t))]
        verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
        pred = (finite or verbs or roots or toks)[0]
        # the frame: a speech, belief or denial verb that governs the proposition (not one in a subordinate clause)
        frame: Any = None
        for t in outside:
            lem = self.lex.lemma(t)
            if t.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or not t.is_lower:
                continue
            if self.sf.passive(t) and (lem in self.belief or not is_speech_verb(t, self.lex)):
                continue  # "une information jugée non concluante", "est attendu": nobody judges or expects here
            if self._frame_word(t):
                if t.dep_ in ("ROOT", "parataxis") or t.i == pred.i or t.head.i not in ids or self._is_incise(t) or (
                        t.dep_ == "conj" and t.head.dep_ == "ROOT"):
                    frame = t
                    break
        if frame is not None and self._directive(frame):
            frame = None  # "X urged Y to act": the request is the fact stated, nobody's proposition is reported
        if frame is not None and frame.i == pred.i:
            inner = [c for c in frame.children if c.dep_ in ("ccomp", "xcomp", "parataxis") and c.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and c.i in ids]
            if inner:
                pred = inner[0]
            else:
                others = [t for t in finite + verbs if t.i != frame.i]
                if others:
                    pred = others[0]
        group = self._verb_group(pred)
        frame_group = self._verb_group(frame) if frame is not None else []
        subj = self.sf.speaking_subject(frame if frame is not None else pred, s)
        if subj is not None and not self.sf.is_pronoun(subj) and not subj.extra.get("document"):
            self._recent_subjects.append(self._span(*subj.extra.get("anchor", (subj.start, subj.end))))
        frame_negated = frame is not None and any(self.grammar.negated(t) for t in frame_group)
        source = self._source(s, e, toks, frame)
        if source is not None and frame_negated and source.extra.get("via") in ("frame", "passive"):
            source = None  # "X n'a pas commenté", "n'a pas précisé": nobody asserts anything
        # modality, strongest first; the hedge is kept whatever wins
        denial = self._denial(frame, frame_negated, outside, toks)
        cond = self._conditional(toks, group, frame, frame_group)
        hedge = self._hedge(toks, group, s, e, frame)
        refers_previous = False
        if denial is not None:
            modality = "denied"
            objs = [c for c in (frame.children if frame is not None else []) if c.dep_ == "obj"]
            for o in objs:
                dets = [d.lower_ for d in o.children if d.dep_ == "det"]
                if (o.lemma_.lower() in self.claim_nouns or o.lower_ in self.claim_nouns) and any(
                        d in self.cw["demonstratives"] for d in dets):
                    refers_previous = True  # "ces affirmations", not "les affirmations selon lesquelles"
        elif cond is not None:
            modality = "conditional"
        elif hedge is not None:
            modality = "speculative"
        elif source is not None:
            modality = "reported"
        else:
            modality = "asserted"
        pred_word = self._predicate(pred)
        content = sorted({self.lex.lemma(t) for t in toks if t.pos_ in _CONTENT_POS and t.is_alpha and len(t) > 2
                          and (frame is None or t.i != frame.i)})
        classes = sorted({self.noun_class[w] for w in content if w in self.noun_class}
                         | {self.noun_class[t.lower_] for t in toks if t.lower_ in self.noun_class})
        low_text = self.text[s:e].lower()
        classes = sorted(set(classes) | {c for w, c in self.multiword_nouns if w in low_text})
        attrs: dict[str, Any] = {
            "lemmas": content,
            "predicate_class": self.pred_class.get(pred_word),
            "object_classes": classes,
        }
        if source is not None and source.extra.get("name_span"):
            attrs["source_name"] = source.extra["name_span"]
            if not self.sf.is_pronoun(source) or source.extra["name_span"]["start"] != source.start:
                self._recent_sources.append(Span.from_dict(source.extra["name_span"]))
            if source.extra.get("country"):
                attrs["source_country"] = source.extra["country"]
        # the hedge the claim carries, apart from its modality: the conditional, else the hedge word or frame
        if cond is not None:
            attrs["hedge"] = {"kind": "conditional", **self._span(cond.idx, cond.idx + len(cond)).to_dict()}
        elif hedge is not None:
            attrs["hedge"] = {"kind": "speculative", **self._span(*hedge).to_dict()}
        if denial is not None:
            attrs["denial"] = self._span(*denial).to_dict()
        if refers_previous and prev is not None:
            attrs["refers_to"] = {"start": prev.span.start, "end": prev.span.end}
            attrs["predicate_class"] = prev.attrs.get("predicate_class")
            attrs["object_classes"] = prev.attrs.get("object_classes", [])
            attrs["lemmas"] = sorted(set(content) | set(prev.attrs.get("lemmas", [])))
        text = self.text[s:e]
        return ClaimRec(
            span=Span(self.doc_id, s, e, text), text=text, modality=modality,
            source_text=self.text[source.attribution[0]:source.attribution[1]] if source and source.attribution else None,
            source_span=self._span(*source.attribution) if source and source.attribution else None,
            predicate=pred_word, attrs=attrs,
        )

    def _span(self, a: int, b: int) -> Span:
        return Span(self.doc_id, a, b, self.text[a:b])

    # -- denial ----------------------------------------------------------------------------------

    def _denies_object(self, verb: Any) -> bool:
        """"rejette les accusations", "écarte la piste": a verb that denies only what its object says is a claim."""
        for c in verb.children:
            if c.dep_ in ("obj", "nsubj:pass") and (self.lex.lemma(c) in self.claim_nouns or c.lower_ in self.claim_nouns):
                return True
        return False

    def _denial(self, frame: Any, frame_negated: bool, outside: list[Any], toks: list[Any]) -> tuple[int, int] | None:
        """The words by which an actor denies the proposition, or None. A negated denial ("n'a pas démenti") denies
        nothing, and a plain negation is no denial."""
        if frame is not None and not frame_negated:
            lem = self.lex.lemma(frame)
            if lem in self.denial_lemmas or lem in self.object_denials and self._denies_object(frame):
                return frame.idx, frame.idx + len(frame)
        for t in outside:  # "… et le nie", "le mouvement dément": a denial verb heading a clause of the sentence
            if self.lex.lemma(t) in self.denial_lemmas and t.dep_ in ("ROOT", "conj") and not self.grammar.negated(t):
                return t.idx, t.idx + len(t)
        # a falsity word said or judged of the proposition: "qualifie de « mensonge »", "juge « inexactes »", "C'est faux"
        for t in toks:
            if t.lower_ in self.falsity or self.lex.lemma(t) in self.falsity:
                if frame is not None and not frame_negated and self._said_by(t, frame) or any(c.dep_ == "cop" for c in t.children):
                    return t.idx, t.idx + len(t)
        return None

    @staticmethod
    def _said_by(tok: Any, frame: Any) -> bool:
        """Whether the frame says or judges `tok`: not a word of a relative or adverbial clause hung elsewhere ("X accused
        Y of Z, a charge W dismissed as false": X's frame does not call anything false)."""
        t = tok
        while t.i != t.head.i:
            if t.i == frame.i:
                return True
            if t.dep_ in ("relcl", "acl:relcl", "advcl") or t.dep_ == "appos" and t.head.i != frame.i:
                return False
            t = t.head
        return t.i == frame.i

    # -- conditional -----------------------------------------------------------------------------

    def _conditional(self, toks: list[Any], group: list[Any], frame: Any, frame_group: list[Any]) -> Any:
        """The conditional in the main clause (or the frame: "aurait répondu"), not a future-in-the-past after a past
        frame; the token, or None."""
        for t in frame_group:
            if self._is_conditional(t):
                return t
        ids = {t.i for t in toks}
        cands = [t for t in toks if self._is_conditional(t) and self._in_main_clause(t, ids)]
        if not cands and toks:
            # the conditional in words ("reportedly", "is expected to"), in the main clause
            for m in self.lex.conditional_marker.finditer(self.text, toks[0].idx, toks[-1].idx + len(toks[-1])):
                tok = self.sf.token_at(m.start())
                if tok is not None and not self.sf.in_mask(tok.idx) and self._in_main_clause(tok, ids):
                    return tok
            return None
        gerund = frame is not None and "Part" in frame.morph.get("VerbForm") and "Pres" in frame.morph.get("Tense")
        if frame is not None and (self._past(frame_group) or gerund):  # "…, ajoutant que X serait": as its sentence
            # "a dit qu'il se rendrait": the future of a past report, unless a modal or a compound conditional
            # ("serait rendue", a passive, is the future of "sera rendue": no compound conditional)
            return next((t for t in cands if self.lex.lemma(t) in self.cw["epistemic_modals"]
                         or t.dep_.startswith("aux") and t.dep_ not in ("aux:pass", "auxpass")), None)
        return cands[0]

    def _is_conditional(self, tok: Any) -> bool:
        """The grammar's conditional, remembered per token: the checks of one sentence ask it of the same tokens again."""
        known = self._conditional_at.get(tok.i)
        if known is None:
            known = self._conditional_at[tok.i] = self.grammar.conditional_form(tok, [], lenient=True)
        return known

    def _in_main_clause(self, tok: Any, ids: set[int]) -> bool:
        """Not inside a relative or "si"/"lorsque" clause: the nearest marker before it, back to a comma, decides.

        Read from the words rather than the parse, which often attaches a clause to the wrong sentence.
        """
        own_relative = bool(ids) and tok.doc[min(ids)].idx in self._relative_units  # the unit is a closing relative
        if tok.dep_ in ("acl:relcl", "relcl") and not own_relative:
            return False
        markers = self.cw["subordinate_markers"]
        j = tok.i - 1
        while j >= 0 and j in ids:
            w = tok.doc[j]
            if w.text in (",", ";", ":", "«", "»", "(", ")", "–", "—"):
                return True
            if w.lower_ in markers and w.idx not in self._relative_units:  # a closing relative is its own clause
                return False
            if w.lower_ in self.cw["elided_si"] and tok.doc[j + 1].lower_ in self.cw["elided_si"][w.lower_]:
                return False  # "s'il", not the reflexive of "s'agirait"
            j -= 1
        return True

    def _past(self, group: list[Any]) -> bool:
        """A past report: compound past, imperfect or simple past (a bare participle-looking "dit" is not enough)."""
        return any(t.dep_.startswith("aux") for t in group) or any(
            "Imp" in t.morph.get("Tense") or ("Past" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm")) for t in group)

    def _clause_before(self, frame: Any, s: int) -> bool:
        """Whether what the incise attributes comes before its comma: a clause (a finite verb, a quotation) or a
        verbless answer of a few words ("Entre vingt et trente personnes, a affirmé un employé")."""
        own = {c.i for c in frame.children if c.dep_.startswith("aux")}
        before = [t for t in self.sf.tokens(s, frame.idx) if t.i not in own and not t.is_punct]
        if any("Fin" in t.morph.get("VerbForm") or t.text in ("»", "”", '"') for t in self.sf.tokens(s, frame.idx) if t.i not in own):
            return True
        # not an apposed name before the verb: "La ministre, Agnès Roche, a annoncé" is the verb's own subject; nor an
        # apposed title after the subject: "Paul Lamb, a police spokesman, said" (the parse's subject stands before)
        if any(c.dep_.startswith("nsubj") and s <= c.idx < frame.idx and not self.sf.in_mask(c.idx) for c in frame.children):
            return False
        return len(before) >= 2 and before[-1].pos_ != "PROPN" and self.sf.mi.covering(before[-1].idx, before[-1].idx + 1) is None

    def _multiword_end(self, verb: Any) -> Any:
        """The last word of a multiword speech verb ("a fait savoir"), else the verb."""
        for words in self.lex.multiword_speech:
            if self.lex.lemma(verb) == words[0]:
                t = verb
                ok = True
                for w in words[1:]:
                    t = self.sf._next(t) if t is not None else None
                    if t is None or t.lower_ != w:
                        ok = False
                        break
                if ok and t is not None:
                    return t
        return verb

    def _is_incise(self, tok: Any) -> bool:
        """A verb right after a comma, past its auxiliary and an inverted pronoun ("…, a-t-il ajouté")."""
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        while prev is not None and (prev.pos_ == "AUX" or prev.text == "-t" or prev.text in self.lex.inverted):
            prev = tok.doc[prev.i - 1] if prev.i > 0 else None
        return prev is not None and prev.text == ","

    def _verb_group(self, tok: Any) -> list[Any]:
        """The verb with its auxiliaries and copula, and the modal it depends on ("pourrait fournir")."""
        if tok is None:
            return []
        out = [tok] + [c for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
        if tok.dep_ == "xcomp" and self.lex.lemma(tok.head) in self.mo["modal_verbs"]:
            out += [tok.head] + [c for c in tok.head.children if c.dep_.startswith("aux")]
        return out

    # -- hedges ----------------------------------------------------------------------------------

    def _hedge(self, toks: list[Any], group: list[Any], s: int, e: int, frame: Any) -> tuple[int, int] | None:
        """The words that hedge the proposition (a hedge phrase, word or verb, a belief frame), or None."""
        m = self.lex.hedge_phrase.search(self.text, s, e)
        if m is not None:
            return m.start(), m.end()
        lead = [t for t in toks[:2] if t.lower_ not in self.cw["split_conjunctions"]][:1]
        if lead and lead[0].lower_ in self.cw.get("question_openers", ()):  # "… and whether the report will fault X": an open question
            return lead[0].idx, lead[0].idx + len(lead[0])
        gids = {t.i for t in group} | ({frame.i} if frame is not None else set())
        for t in toks:
            if t.lower_ in self.hedges and (t.head.i in gids or t.head.head.i in gids and t.head.pos_ in ("AUX",)):
                return t.idx, t.idx + len(t)
        low = self.text[s:e].lower()
        for h in self.hedges:  # multiword hedges: "sans doute", "semble-t-il"
            if (" " in h or "-" in h) and h in low:
                i = low.index(h)
                return s + i, s + i + len(h)
        for t in group:
            if self.lex.lemma(t) in self.mo["hedge_verbs"]:
                return t.idx, t.idx + len(t)
        for t in toks:  # "d'autres estimations le situent …": an estimate
            if self.lex.lemma(t) in self.estimates and t.dep_.startswith("nsubj") and (t.head.i in gids or t.head.i == group[0].i if group else False):
                return t.idx, t.idx + len(t)
        if frame is not None and self.lex.lemma(frame) in self.belief and not self._verdict(frame):
            return frame.idx, frame.idx + len(frame)
        return None

    def _verdict(self, frame: Any) -> bool:
        """"X a jugé le coup de force « illégitime »": a judgement verb with an object and its attribute states a
        verdict (reported), unlike "X estime que …" (a belief)."""
        if self.lex.lemma(frame) not in self.mo["verdict_verbs"]:
            return False
        kids = {c.dep_ for c in frame.children}
        nxt = self.sf._next(frame)
        return "obj" in kids and "ccomp" not in kids and not (nxt is not None and nxt.lower_ in self.cw["complementizers"])

    # -- source ----------------------------------------------------------------------------------

    def _source(self, s: int, e: int, toks: list[Any], frame: Any) -> Speaker | None:
        """Who the article attributes the claim to, as written: "selon X", "X a déclaré que", a quotation's speaker."""
        sp = self._source_words(s, e, toks, frame)
        if sp is not None and self.sf.is_pronoun(sp):
            ante = self._antecedent(sp)
            if ante is not None:
                sp.extra["name_span"] = ante.to_dict()
        if sp is not None:
            issued = self.sf.issuer(sp)
            if issued is not sp:  # "Un rapport de l'ONU a souligné": the issuer; "le communiqué précise": who issued it before
                if issued.pronoun:
                    ante = self._antecedent(issued)
                    if ante is not None:
                        issued.extra["name_span"] = ante.to_dict()
                else:
                    issued.extra["name_span"] = self._span(*issued.extra.get("anchor", (issued.start, issued.end))).to_dict()
                issued.extra.setdefault("via", sp.extra.get("via"))
                sp = issued
            country = self.sf.nationality_of(sp)
            if country:
                sp.extra["country"] = country
        return sp

    def _antecedent(self, sp: Speaker) -> Span | None:
        """Who "il", "selon lui", "a-t-elle ajouté" stands for: the speaker the quotes component found for the same
        words, else the source of one of the last claims, else the last person named."""
        for q in self.quotes:
            if q.attribution is not None and q.attribution.start <= sp.start < q.attribution.end and q.speaker_span is not None \
                    and not (q.speaker_span.start <= sp.start < q.speaker_span.end):
                return q.speaker_span
        recent = [n for n in self._recent_sources[-2:] + self._recent_subjects[-2:] if n.end <= sp.start]
        if sp.text.lower() in self.cw["feminine_pronouns"]:
            # "elle" stands for a country, an organisation, a visit far more often than for a person whose gender
            # nothing shows: only words marked feminine ("la ministre") are taken up
            recent = [n for n in recent if any("Fem" in t.morph.get("Gender") and t.pos_ in ("DET", "NOUN")
                                               for t in self.sf.tokens(n.start, n.end))]
            return max(recent, key=lambda n: n.end) if recent else None
        if recent:
            return max(recent, key=lambda n: n.end)
        before = [m for m in self.sf.mi.before(sp.start) if m.label == "person" and not self.sf.in_mask(m.span.start)]
        return before[-1].span if before else None

    def _source_words(self, s: int, e: int, toks: list[Any], frame: Any) -> Speaker | None:
        # a quotation covering most of the sentence: its speaker
        for q in self.quotes:
            if q.span.end <= s or q.span.start >= e:
                continue
            overlap = min(e, q.span.end) - max(s, q.span.start)
            own_incise = q.attribution is not None and s <= q.attribution.start and q.attribution.end <= e
            if q.speaker_span is not None and (overlap >= 0.4 * (e - s) or own_incise and q.span.start <= s + 3):
                sp = Speaker(q.speaker_span.start, q.speaker_span.end, q.speaker_text or "", attribution=(q.speaker_span.start, q.speaker_span.end))
                if q.attribution is not None and s <= q.attribution.start and q.attribution.end <= e:
                    sp.attribution = (q.attribution.start, q.attribution.end)
                sp.extra["name_span"] = q.speaker_span.to_dict()
                sp.extra["via"] = "quote"
                return sp
        # "selon X", "d'après X" (not the source of a relative clause only: "… qui pourrait, selon X, …")
        for m in self.lex.source_marker.finditer(self.text, s, e):
            pos = m.start()
            if self.sf.in_mask(pos) or self.lex.relative_before.search(self.text, max(s, pos - 40), pos):
                continue
            sp = self.sf.np_after(m.end(), e)
            if sp is not None:
                sp.extra["name_span"] = self._span(sp.start, sp.end).to_dict()
                sp.attribution = (pos, sp.end)
                sp.extra["via"] = "marker"
                return sp
        # "Comme l'a souligné X, …"
        sp = self.sf.comme_source(s, e)
        if sp is not None:
            sp.extra["name_span"] = self._span(sp.start, sp.end).to_dict()
            sp.extra["via"] = "marker"
            return sp
        m = self.lex.opinion_marker.match(self.text, s, e)
        if m:
            comma = self.text.find(",", s, e)
            sp = self.sf.np_after(m.end(), comma) if comma > 0 else None
            if sp is not None and (sp.extra.get("label") or sp.text.split()[0].lower() in self.cw["group_determiners"]):
                sp.extra["name_span"] = self._span(sp.start, sp.end).to_dict()
                sp.attribution = (s, sp.end)
                sp.extra["via"] = "marker"
                return sp
        if frame is None:
            return None
        # the frame verb's subject, before it ("Peskov a déclaré que") or after it in an incise ("estiment les analystes")
        incise = self._is_incise(frame) and self._clause_before(frame, s) and s not in self._participle_units
        if self.sf.passive(frame):  # "des scènes sont rapportées", "une mesure réclamée par les élus"
            sp = self.sf.agent_of(frame, e)
            if sp is None:
                sp = Speaker(frame.idx, frame.idx + len(frame), "", attribution=(frame.idx, frame.idx + len(frame)))
                sp.extra["via"] = "passive"
                return sp
            sp.attribution = (frame.idx, sp.end)
            sp.extra["name_span"] = self._span(sp.start, sp.end).to_dict()
            sp.extra["via"] = "frame"
            return sp
        if incise or not any(c.dep_.startswith("nsubj") and c.idx < frame.idx for c in frame.children):
            last = self._multiword_end(frame)
            after = frame.doc[last.i + 1] if last.i + 1 < len(frame.doc) else None
            if after is not None and after.text == "-t":
                after = frame.doc[after.i + 1] if after.i + 1 < len(frame.doc) else None
            before = frame.doc[frame.i - 1] if frame.i > 0 else None  # "…, a-t-il ajouté": before the participle
            if after is not None and (after.text in self.lex.inverted):
                sp = Speaker(after.idx, after.idx + len(after), after.text, pronoun=True)
            elif incise and before is not None and before.text in self.lex.inverted:
                sp = Speaker(before.idx, before.idx + len(before), before.text, pronoun=True)
            else:
                sp = self.sf.np_after(last.idx + len(last), e) if incise else None
            if sp is not None:
                auxes = [c.idx for c in frame.children if c.dep_.startswith("aux") and c.idx < frame.idx]
                sp.attribution = (min(auxes + [frame.idx]), max(sp.end, last.idx + len(last)))
                sp.extra["name_span"] = self._span(sp.start, sp.end).to_dict()
                sp.extra["via"] = "frame"
                return sp
        # "X, gouverneur de Y, confirme que": the subject, whatever the parse said; a participle clause ("…, ajoutant
        # que") has its sentence's subject
        sp = self.sf.subject_of(frame, self._participle_units.get(s, self._relative_units.get(s, s)))
        if sp is None:
            return None
        end = frame.idx + len(frame)
        nxt = frame.doc[frame.i + 1] if frame.i + 1 < len(frame.doc) else None
        if nxt is not None and nxt.lower_ in self.cw["complementizers"]:
            end = nxt.idx + len(nxt)
        start = sp.start if 0 <= frame.idx - sp.end <= 60 else min([c.idx for c in frame.children if c.dep_.startswith("aux")] + [frame.idx])
        if start == sp.start:  # keep the title before the name: "Le ministre Luc Bernard a déclaré que"
            tok = self.sf.token_at(sp.start)
            k = tok.i - 1 if tok is not None else -1
            while k >= 0 and frame.doc[k].idx >= s and frame.doc[k].pos_ in ("DET", "NOUN", "ADJ") and (
                    frame.doc[k].is_lower or frame.doc[k].pos_ == "DET" or k == 0 or frame.doc[k].idx == s):
                start = frame.doc[k].idx
                k -= 1
        sp.attribution = (min(start, frame.idx), end)
        sp.extra["name_span"] = self._span(*sp.extra.get("anchor", (sp.start, sp.end))).to_dict()
        sp.extra["via"] = "frame"
        return sp

    def _predicate(self, pred: Any) -> str:
        tok = pred
        if self.lex.lemma(tok) in self.mo["modal_verbs"]:
            inner = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if inner:
                tok = inner[0]
        if self.lex.lemma(tok) in self.cw["auxiliary_verbs"] and tok.dep_ in ("cop", "aux"):
            tok = tok.head
        return self.lex.lemma(tok)


@lru_cache(maxsize=4)
def _countries(pack: lang.LanguagePack) -> dict[str, str]:
    """Folded country names and the abbreviations the pack's news use ("U.S.") -> ISO code."""
    out = {fold(k): str(v) for k, v in pack.geo.country_names.items() if not k.startswith("_")}
    for name, code in pack.lexicon.country_by_name.items():
        out.setdefault(fold(name), code)
    return out


def find_claims(doc_id: str, sdoc: Any, mentions: list[Mention], quotes: list[QuoteRec], pack: lang.LanguagePack | None = None,
                text: str | None = None) -> list[ClaimRec]:
    """The claims of one parsed document, with modality, source, hedge and predicate.

    `text` is the parsed text when the caller has it (spaCy rebuilds `sdoc.text` from the tokens on each access)."""
    return _ClaimFinder(doc_id, sdoc, mentions, quotes, pack or lang.pack(), text).run()
