"""The `claims` component: the propositions an article puts forward, each with its source and its modality.

One claim per sentence (two when a sentence joins two finite clauses with "mais"/"et"); captions,
bylines, headings, questions and reference lists are skipped. Modality, strongest first: denied (a
denial verb, or the main verb negated), conditional (main verb in the conditional: the tagger's
Mood=Cnd, or a -rait/-raient form whose stem fits the lemma), speculative (a hedge, a belief or fear
frame, "sembler"), reported (attributed to a source: a speech verb, "selon X", a quotation), asserted.
"""

from __future__ import annotations

import re
from typing import Any

from recoupe import lang
from recoupe.analyze.attribution import Lexicon, Speaker, SpeakerFinder, is_speech_verb, sentence_ends, word_count
from recoupe.analyze.quotes import scan_marks
from recoupe.analyze.registry import Context, component
from recoupe.model import ClaimRec, Mention, QuoteRec, Span

_TERMINAL = (".", "!", "…", "»", "”", ")", "*", "]", '"')
_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
_RELATIVE_BEFORE = re.compile(r"\b(?:qui|que|dont|lequel|laquelle)\s+\w+\s*,\s*$")


@component("claims", requires=("spacy", "sentences", "mentions", "quotes"), assigns=("claims",), version="3")
def claims(ctx: Context) -> dict[str, list[Any]]:
    return {"claims": find_claims(ctx.document.id, ctx.sdoc, ctx.analysis.mentions, ctx.analysis.quotes, ctx.pack,
                                  ctx.document.text)}


def is_conditional(tok: Any, lex: Lexicon) -> bool:
    """Conditional mood: the tagger's Mood=Cnd, or a -rait/-raient ending whose stem is the verb's future stem."""
    if "Cnd" in tok.morph.get("Mood"):
        return True
    if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        return False
    low = tok.lower_
    mo = lex.modality
    for ending in sorted(mo["conditional_endings"], key=len, reverse=True):
        if not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending) + 1]  # "rendrait" -> "rendr", "chercherait" -> "chercher"
        lem = lex.lemma(tok)
        if stem in mo["conditional_irregular_stems"] and mo["conditional_irregular_stems"][stem] in (lem, low, stem):
            return True
        if stem in mo["conditional_irregular_stems"] and lem == low:
            return True
        if lem in (stem, stem + "e") and lem.endswith(("er", "ir", "re")):
            return True
        if lem == low and len(stem) > 4 and stem.endswith(("er", "ir")):  # the lemmatizer gave up: trust the form
            return True
    return False


class _ClaimFinder:
    def __init__(self, doc_id: str, sdoc: Any, mentions: list[Mention], quotes: list[QuoteRec], lex: Lexicon, preds: dict[str, Any],
                 text: str | None = None) -> None:
        self.doc_id = doc_id
        self.sdoc = sdoc
        self.text: str = sdoc.text if text is None else text
        self.lex = lex
        self.mo = lex.modality
        self.quotes = sorted(quotes, key=lambda q: q.span.start)
        marks = scan_marks(self.text, lex.speech["quote_marks"])
        self.masks = sorted([(o, c + 1) for o, c in marks])
        self.sf = SpeakerFinder(sdoc, mentions, lex, self.masks, self.text)
        self.ends = sentence_ends(self.text, lex.abbreviations, self.sf.in_mask)
        self.mentions = mentions
        self.pred_class = {w: cls for cls, words in preds["predicate_classes"].items() for w in words}
        self.noun_class = {w: cls for cls, words in preds["noun_classes"].items() for w in words}
        self.multiword_nouns = [(w, cls) for w, cls in self.noun_class.items() if " " in w]
        self._conditional_at: dict[int, bool] = {}
        self.hedges = [h.lower() for h in self.mo["hedge_words"]]
        self.hedge_phrases = [h.lower() for h in self.mo["hedge_phrases"]]

    # -- units -----------------------------------------------------------------------------------

    def units(self) -> list[tuple[int, int]]:
        out = []
        start = 0
        for e in self.ends + [len(self.text)]:
            end = e + 1 if e < len(self.text) and self.text[e] in ".!?…" else e
            s = start
            while s < end and self.text[s] in " \t\n":
                s += 1
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
        if any(p.lower() in line.lower() for p in self.mo["byline_phrases"]):
            return True
        if any(m in line for m in self.lex.speech["reference_markers"]) or re.match(r"\s*\[\d+\]", line):
            return True
        if word_count(sent) < self.mo["min_claim_words"]:
            return True
        if not any("Fin" in t.morph.get("VerbForm") or self._is_conditional(t)
                   or t.pos_ in ("VERB", "AUX") and not t.morph.get("VerbForm")
                   or t.lower_ in self.lex.speech_forms and t.i > 0 and t.doc[t.i - 1].pos_ != "ADP" for t in toks):
            return True  # captions and headings have no finite verb
        if line == sent.strip() and not sent.rstrip().endswith(_TERMINAL):
            return True  # a line of its own without a full stop: a heading
        return False

    # -- one claim -------------------------------------------------------------------------------

    def run(self) -> list[ClaimRec]:
        out: list[ClaimRec] = []
        prev: ClaimRec | None = None
        for s, e in self.units():
            toks = self.sf.tokens(s, e)
            if not toks or self.skip(s, e, toks):
                continue
            for a, b in self._split(s, e, toks):
                rec = self.claim(a, b, self.sf.tokens(a, b), prev)
                if rec is not None:
                    out.append(rec)
                    prev = rec
        return out

    def _split(self, s: int, e: int, toks: list[Any]) -> list[tuple[int, int]]:
        """Two finite clauses joined by "mais"/"et" after a comma are two claims."""
        ids = {t.i for t in toks}
        for t in toks:
            if t.dep_ != "conj" or t.head.i not in ids or not self._finite_group(t) or self.sf.in_mask(t.idx):
                continue
            cc = [c for c in t.children if c.dep_ == "cc" and c.idx < t.idx]
            if not cc or cc[0].lower_ not in ("mais", "et"):
                continue
            cut = cc[0].idx
            before = self.text[s:cut].rstrip()
            if before.endswith(",") and word_count(before) >= self.mo["min_claim_words"]:
                b_end = s + len(before.rstrip(","))
                return [(s, b_end), (cut, e)]
        return [(s, e)]

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
        denial_lemmas = set(self.mo["denial_verbs"])
        belief = set(self.mo["belief_verbs"])
        for t in outside:
            lem = self.lex.lemma(t)
            if t.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or not t.is_lower:
                continue
            if lem in denial_lemmas or lem in belief or is_speech_verb(t, self.lex, governing=True):
                if t.dep_ in ("ROOT", "parataxis") or t.i == pred.i or t.head.i not in ids or self._is_incise(t) or (
                        t.dep_ == "conj" and t.head.dep_ == "ROOT"):
                    frame = t
                    break
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
        # the source
        source = self._source(s, e, toks, frame)
        # modality, strongest first
        modality = "asserted"
        sent_low = self.text[s:e].lower()
        refers_previous = False
        if frame is not None and self.lex.lemma(frame) in denial_lemmas or self._negated(group) or self._negated(frame_group) or any(
                self.lex.lemma(t) in denial_lemmas and t.dep_ in ("ROOT", "conj") for t in outside):
            modality = "denied"
            objs = [c for c in (frame.children if frame is not None else []) if c.dep_ == "obj"]
            for o in objs:
                dets = [d.lower_ for d in o.children if d.dep_ == "det"]
                if o.lemma_.lower() in self.mo["claim_nouns"] or o.lower_ in self.mo["claim_nouns"]:
                    if any(d in ("ces", "cette", "ce", "cet") for d in dets):  # "ces affirmations", not "les affirmations selon lesquelles"
                        refers_previous = True
        elif self._conditional(toks, group, frame, frame_group):
            modality = "conditional"
        elif self._hedged(toks, group, sent_low, frame):
            modality = "speculative"
        elif source is not None:
            modality = "reported"
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
        if refers_previous and prev is not None:
            attrs["refers_to"] = {"start": prev.span.start, "end": prev.span.end}
            attrs["predicate_class"] = prev.attrs.get("predicate_class")
            attrs["object_classes"] = prev.attrs.get("object_classes", [])
            attrs["lemmas"] = sorted(set(content) | set(prev.attrs.get("lemmas", [])))
        text = self.text[s:e]
        return ClaimRec(
            span=Span(self.doc_id, s, e, text), text=text, modality=modality,
            source_text=self.text[source.attribution[0]:source.attribution[1]] if source and source.attribution else None,
            source_span=Span(self.doc_id, source.attribution[0], source.attribution[1], self.text[source.attribution[0]:source.attribution[1]])
            if source and source.attribution else None,
            predicate=pred_word, attrs=attrs,
        )

    def _conditional(self, toks: list[Any], group: list[Any], frame: Any, frame_group: list[Any]) -> bool:
        """A conditional in the main clause (or the frame: "aurait répondu"), not a future-in-the-past after a past frame."""
        if any(self._is_conditional(t) for t in frame_group):
            return True
        ids = {t.i for t in toks}
        cands = [t for t in toks if self._is_conditional(t) and self._in_main_clause(t, ids)]
        if not cands:
            return False
        if frame is not None and self._past(frame_group):
            # "a dit qu'il se rendrait": the future of a past report, unless a modal or a compound conditional
            return any(self.lex.lemma(t) in ("pouvoir", "devoir") or t.dep_.startswith("aux") for t in cands)
        return True

    def _is_conditional(self, tok: Any) -> bool:
        """`is_conditional`, remembered per token: the checks of one sentence ask it of the same tokens again."""
        known = self._conditional_at.get(tok.i)
        if known is None:
            known = self._conditional_at[tok.i] = is_conditional(tok, self.lex)
        return known

    def _in_main_clause(self, tok: Any, ids: set[int]) -> bool:
        """Not inside a relative or "si"/"lorsque" clause: the nearest marker before it, back to a comma, decides.

        Read from the words rather than the parse, which often attaches a clause to the wrong sentence.
        """
        if tok.dep_ == "acl:relcl":
            return False
        markers = {"qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "si", "s'", "s’", "lorsque", "quand", "puisque"}
        j = tok.i - 1
        while j >= 0 and j in ids:
            w = tok.doc[j]
            if w.text in (",", ";", ":", "«", "»", "(", ")", "–", "—"):
                return True
            if w.lower_ in markers:
                if w.lower_ in ("s'", "s’") and tok.doc[j + 1].lower_ not in ("il", "ils"):
                    j -= 1
                    continue  # the reflexive of "s'agirait", not "s'il"
                return False
            j -= 1
        return True

    def _past(self, group: list[Any]) -> bool:
        """A past report: compound past, imperfect or simple past (a bare participle-looking "dit" is not enough)."""
        return any(t.dep_.startswith("aux") for t in group) or any(
            "Imp" in t.morph.get("Tense") or ("Past" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm")) for t in group)

    def _clause_before(self, frame: Any, s: int) -> bool:
        """Whether a full clause (a finite verb, or a quotation) comes before the incise's comma."""
        own = {c.i for c in frame.children if c.dep_.startswith("aux")}
        return any("Fin" in t.morph.get("VerbForm") or t.text in ("»", "”", '"')
                   for t in self.sf.tokens(s, frame.idx) if t.i not in own)

    def _is_incise(self, tok: Any) -> bool:
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        while prev is not None and prev.pos_ == "AUX":
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

    def _negated(self, group: list[Any]) -> bool:
        words = set(self.mo["negation_words"])
        for v in group:
            kids = list(v.children)
            has_ne = any(k.lower_ in ("ne", "n'", "n’") for k in kids)
            if not has_ne:
                continue
            if any(k.lower_ in words for k in kids) or any(g.lower_ in ("ni",) for k in kids for g in k.children):
                return True
            for k in kids:  # "aucun accord n'a été signé"
                if k.dep_.startswith("nsubj") and any(d.lower_ in ("aucun", "aucune", "nul", "nulle", "personne", "rien") for d in k.subtree):
                    return True
            if v.lower_ in words:
                return True
        return False

    def _hedged(self, toks: list[Any], group: list[Any], low: str, frame: Any) -> bool:
        if any(p in low for p in self.hedge_phrases):
            return True
        gids = {t.i for t in group} | ({frame.i} if frame is not None else set())
        for t in toks:
            if t.lower_ in self.hedges and (t.head.i in gids or t.head.head.i in gids and t.head.pos_ in ("AUX",)):
                return True
        for h in self.hedges:  # multiword hedges: "sans doute", "semble-t-il"
            if " " in h or "-" in h:
                if h in low:
                    return True
        if any(self.lex.lemma(t) in self.mo["hedge_verbs"] for t in group):
            return True
        if frame is not None and self.lex.lemma(frame) in self.mo["belief_verbs"]:
            return True
        return False

    def _source(self, s: int, e: int, toks: list[Any], frame: Any) -> Speaker | None:
        """Who the article attributes the claim to, as written: "selon X", "X a déclaré que", a quotation's speaker."""
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
                return sp
        # "selon X", "d'après X", "Pour X," at the head of the sentence
        for m in re.finditer(r"(?i)\b(selon|d['’]après|de l['’]avis de|aux yeux de)\s+(?!lequel|laquelle|lesquel|que\b|qu['’])", self.text[s:e]):
            pos = s + m.start()
            if self.sf.in_mask(pos) or _RELATIVE_BEFORE.search(self.text, max(s, pos - 40), pos):
                continue  # "… Poutine qui pourrait, selon Washington, …": the source of a relative clause only
            sp = self.sf.np_after(s + m.end(), e)
            if sp is not None:
                sp.extra["name_span"] = Span(self.doc_id, sp.start, sp.end, sp.text).to_dict()
                sp.attribution = (pos, sp.end)
                return sp
        m = re.match(r"(?i)pour\s+", self.text[s:e])
        if m:
            comma = self.text.find(",", s, e)
            sp = self.sf.np_after(s + m.end(), comma) if comma > 0 else None
            if sp is not None and (sp.extra.get("label") or sp.text.split()[0].lower() in ("les", "des", "certains", "plusieurs", "de")):
                sp.extra["name_span"] = Span(self.doc_id, sp.start, sp.end, sp.text).to_dict()
                sp.attribution = (s, sp.end)
                return sp
        if frame is None:
            return None
        # the frame verb's subject, before it ("Peskov a déclaré que") or after it in an incise ("estiment les analystes")
        incise = self._is_incise(frame) and self._clause_before(frame, s)
        if incise or not any(c.dep_.startswith("nsubj") and c.idx < frame.idx for c in frame.children):
            after = frame.doc[frame.i + 1] if frame.i + 1 < len(frame.doc) else None
            if after is not None and after.text == "-t":
                after = frame.doc[after.i + 1] if after.i + 1 < len(frame.doc) else None
            if after is not None and (after.text in self.lex.inverted):
                sp = Speaker(after.idx, after.idx + len(after), after.text, pronoun=True)
            else:
                sp = self.sf.np_after(frame.idx + len(frame), e) if incise else None
            if sp is not None:
                auxes = [c.idx for c in frame.children if c.dep_.startswith("aux") and c.idx < frame.idx]
                sp.attribution = (min(auxes + [frame.idx]), sp.end)
                sp.extra["name_span"] = Span(self.doc_id, sp.start, sp.end, sp.text).to_dict()
                return sp
        sp = self.sf.subject_of(frame, s)
        if sp is None:
            return None
        end = frame.idx + len(frame)
        nxt = frame.doc[frame.i + 1] if frame.i + 1 < len(frame.doc) else None
        if nxt is not None and nxt.lower_ in ("que", "qu'", "qu’"):
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
        sp.extra["name_span"] = Span(self.doc_id, sp.start, sp.end, sp.text).to_dict()
        return sp

    def _predicate(self, pred: Any) -> str:
        tok = pred
        if self.lex.lemma(tok) in self.mo["modal_verbs"]:
            inner = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if inner:
                tok = inner[0]
        if self.lex.lemma(tok) in ("être", "avoir") and tok.dep_ in ("cop", "aux"):
            tok = tok.head
        return self.lex.lemma(tok)


def find_claims(doc_id: str, sdoc: Any, mentions: list[Mention], quotes: list[QuoteRec], pack: lang.LanguagePack | None = None,
                text: str | None = None) -> list[ClaimRec]:
    """The claims of one parsed document, with modality, source and predicate.

    `text` is the parsed text when the caller has it (spaCy rebuilds `sdoc.text` from the tokens on each access)."""
    lex = (pack or lang.pack()).speech
    preds = lex.claim_predicates
    return _ClaimFinder(doc_id, sdoc, mentions, quotes, lex, preds, text).run()
