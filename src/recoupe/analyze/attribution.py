"""Shared attribution machinery for quotes and claims: finding who speaks (the words come from the language pack)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from recoupe.lang.fr.speech import SpeechLexicon as Lexicon
from recoupe.model import Mention
from recoupe.model.text import fold


SPEAKER_LABELS = ("person", "organization", "country")  # mention labels that can speak


def is_speech_verb(tok: Any, lex: Lexicon, governing: bool = False) -> bool:
    """A verb (any tense, participle included) whose lemma is a speech verb, or the head of a multiword one.

    With `governing`, uses that are not speech ("relever de", "lancer une offensive") are refused: they
    only matter when the verb precedes what it would govern, not in an incise ("a lancé le ministre").
    """
    if tok.pos_ in lex.not_verb_tags or not tok.is_lower:
        return False
    lem = lex.lemma(tok)
    if governing and lem in lex.speech["speech_verb_exclusions"] and tok.i + 1 < len(tok.doc):
        if tok.doc[tok.i + 1].lower_ in lex.speech["speech_verb_exclusions"][lem] and not _passive_before_name(tok):
            return False
    return lem in lex.speech_verbs or _multiword_at(tok, lex)


def _passive_before_name(tok: Any) -> bool:
    """"des scènes de joie sont rapportées à Ramallah": a passive whose preposition introduces a name (a place) is the
    speech verb still, not the use the exclusion is for ("le chiffre est rapporté à la population")."""
    doc = tok.doc
    return any(c.dep_ in ("aux:pass", "auxpass") for c in tok.children) and tok.i + 2 < len(doc) \
        and doc[tok.i + 2].pos_ == "PROPN" and doc[tok.i + 2].text[:1].isupper()


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
            if "." in word.strip(".") and _LOWER_NEXT.match(text, i + 1):
                continue  # a dotted abbreviation the sentence goes on after: "at 9 a.m. on Tuesday"
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


_LOWER_NEXT = re.compile(r"[ \t]+[a-zà-ÿ]")
# the closing mark may be a straight or curly single or double quote used as quotation marks ("… dans les bras.' Les …")
_CLOSE_THEN_CAPITAL = re.compile(r"[\s*]*([»”\"'’])\s+(?=[A-ZÀ-ÖØ-Þ«])")
# a full stop, or one glued to the next sentence's capital after a lower-case word ("au Kremlin.Le porte-parole";
# not "M.Dupont", not "lemonde.fr"; an elided article too, "a-t-il dit.L'accord"), or before a footnote marker
# ("….[4] The"), or a line end
_SENT_END = re.compile(r"[.!?…](?=[\s»”*)\]]|[\"'’]\s|\[\d+\]|$)|(?<=[a-zà-ÿ]{2})[.!?…](?=[A-ZÀ-ÖØ-Þ](?:[a-zà-ÿ]|['’][A-ZÀ-ÖØ-Þa-zà-ÿ]))|\n")


def _multiword_at(tok: Any, lex: Lexicon) -> bool:
    doc = tok.doc
    lem = lex.lemma(tok)  # once, not once per multiword verb
    for words in lex.multiword_speech:
        if lem != words[0]:
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
        # proper names only: epithets ("le maire") and equipment are found as noun phrases by the finder itself, and a
        # phrase in apposition ("X, le fondateur de Y") is read with the name it describes
        mentions = [m for m in mentions if m.kind not in ("epithet", "equipment") and not m.attrs.get("apposition")]
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
                 text: str | None = None, nationality: dict[str, str] | None = None,
                 countries: dict[str, str] | None = None) -> None:
        self.nationality = nationality or {}  # folded nationality adjective -> country code
        self.countries = countries or {}  # folded country name or abbreviation ("u.s.") -> country code
        self.sdoc = sdoc
        # `text` when the caller has it already: spaCy rebuilds `sdoc.text` from the tokens on every access
        self.text: str = sdoc.text if text is None else text
        self.mi = MentionIndex(mentions)
        self.epithets = sorted((m for m in mentions if m.kind == "epithet"), key=lambda m: m.span.start)
        self.epithet_starts = [m.span.start for m in self.epithets]
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
            nxt = self._next(tok)
            if low in lex.articles and nxt is not None and nxt.is_lower and nxt.lower_ in lex.skip_words \
                    and nxt.pos_ == "NOUN" and self.mi.covering(tok.idx, nxt.idx + len(nxt)) is None:
                tok = self._next(nxt)  # "prédisait la veille un habitant": a time phrase, then the speaker
                continue
            if low in lex.speech["addressee_prepositions"]:
                nxt = self._skip_addressee(tok, limit)
                if nxt is None:
                    nxt = self._skip_phrase(tok, limit)
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
            sp = self._name_speaker(m, limit)
            if m.kind in ("name", "acronym") or sp is None:
                return sp
            # a description mention ("le journal") is the head of a longer phrase ("le journal local"): keep it whole
            np = self._title_np(tok, limit) if tok.pos_ in ("DET", "NOUN", "ADJ") else None
            if np is not None and np.end > sp.end:
                return np
            if m.kind == "description" and self._bare(sp.text):
                # "a ajouté l'agence": a bare description refers back, as a bare title does, to who it describes
                sp.pronoun = True
            return sp
        if tok.pos_ in ("DET", "NOUN", "PROPN", "ADJ") or tok.is_title:
            return self._title_np(tok, limit)
        return None

    def _next(self, tok: Any) -> Any | None:
        return self.sdoc[tok.i + 1] if tok.i + 1 < len(self.sdoc) else None

    def _skip_phrase(self, tok: Any, limit: int) -> Any | None:
        """Skip a short prepositional phrase with no determiner ("à New York", "depuis Kiev") when a determined noun
        phrase follows it: "a averti à New York le secrétaire général"."""
        j = tok.i + 1
        while j < len(self.sdoc) and j < tok.i + 5 and self.sdoc[j].idx < limit and self.sdoc[j].pos_ in ("PROPN", "NOUN", "NUM") \
                and not self.sdoc[j].is_punct:
            j += 1
        if j == tok.i + 1 or j >= len(self.sdoc) or self.sdoc[j].idx >= limit:
            return None
        nxt = self.sdoc[j]
        return nxt if nxt.pos_ == "DET" or nxt.lower_ in self.lex.articles else None

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
        extra: dict[str, Any] = {"label": m.label}
        if m.attrs.get("epithets"):  # "Dmitri Peskov, porte-parole du Kremlin": the roles an apposition gave the name
            extra["epithets"] = " ".join(str(e).replace("|", " ") for e in m.attrs["epithets"])
        return Speaker(start, end, self.text[start:end], extra=extra)

    def _title_np(self, tok: Any, limit: int) -> Speaker | None:
        """A title phrase ("le porte-parole du Kremlin", "l'agence"), or the name set beside it."""
        start = tok.idx
        end = start
        t = tok
        last_mention: Mention | None = None
        prev_word = ""
        prev_end = start
        head_end = -1  # where the title's own words end, before a complement naming something else ("le chef | du Comité")
        while t is not None and t.idx < limit:
            low = t.lower_
            before = t.doc[t.i - 1] if t.i > 0 else None
            if t.text == "." and before is not None and before.text in self.lex.abbreviations \
                    and t.idx == before.idx + len(before) and t.idx > start:
                end = t.idx + 1  # "Lt. Gen. Jane Roe": the full stop of an abbreviated title
                t = self._next(t)
                continue
            if t.is_punct and t.text not in ("-", "'", "’") or (low in self.lex.stop_words and t.idx > start):
                break
            if t.pos_ in ("VERB", "AUX") and t.idx > start and self.mi.covering(t.idx, t.idx + len(t)) is None \
                    and not ("Part" in t.morph.get("VerbForm") and t.lower_ in self.lex.speaker_heads):
                break  # but a speaker noun shaped like a participle, tagged a verb: "les élus", "le principal intéressé"
            if self.in_mask(t.idx) or (t.pos_ == "PRON" and t.idx > start):
                break
            m = self.mi.covering(t.idx, t.idx + len(t))
            if m is not None:
                last_mention = m if prev_word not in self.lex.complement_prepositions else None
                if last_mention is None and head_end < 0:
                    head_end = prev_end
                end = max(end, m.span.end)
                nxt = self.token_at(m.span.end)
                prev_word = ""
                t = nxt
                continue
            if not (prev_word in self.lex.complement_prepositions and (low in self.lex.articles or t.pos_ == "DET")):
                prev_end = end
                prev_word = low  # "de l'Élysée": the preposition still governs what follows the article
            end = t.idx + len(t)
            t = self._next(t)
        # an apposed name right after a comma: "le conseiller à la sécurité nationale, Jake Sullivan"
        rest = self.text[end:limit]
        mm = re.match(r"\s*,\s*", rest)
        if mm:
            m2 = self.mi.covering(end + mm.end(), end + mm.end() + 1)
            after = self.text[m2.span.end:m2.span.end + 2] if m2 is not None else ""
            if m2 is not None and m2.span.start == end + mm.end() and (after[:1] in (",", ".", ";", "") or after == "\n"):
                return Speaker(m2.span.start, m2.span.end, m2.span.text, extra={"label": m2.label, "title": self.text[start:end]})
        if last_mention is not None and last_mention.span.end == end and last_mention.label == "person":
            group = self._plural_head_end(tok, last_mention.span.start)
            if group is not None:  # "les avocats de la famille X", "les proches du président X": they speak, not X
                last_mention, head_end = None, group
        if last_mention is not None and last_mention.span.end == end:
            if last_mention.span.text[:1].islower():  # the recogniser cut a name in two: "le ministère | qatari des …"
                return Speaker(start, end, self.text[start:end], extra={"label": last_mention.label, "title": self.text[start:end]})
            return Speaker(last_mention.span.start, last_mention.span.end, last_mention.span.text,
                           extra={"label": last_mention.label, "title": self.text[start:last_mention.span.start].strip()})
        phrase = self.text[start:end]
        if not phrase.strip():
            return None
        bare = self._bare(phrase)
        extra: dict[str, Any] = {"title": phrase}
        # the words that stand for the title's holder: the role mention the names component found there, else the title
        # without its complement ("le chef" of "le chef du Comité": the person, never the organisation named inside)
        ep = self.epithet_at(start, end)
        if ep is not None:
            extra["anchor"] = (ep.span.start, ep.span.end)
        elif head_end > start:
            extra["anchor"] = (start, head_end)
        return Speaker(start, end, phrase, pronoun=bool(bare) and not any(c.isupper() for c in phrase[2:]), extra=extra)

    def _plural_head_end(self, tok: Any, stop: int) -> int | None:
        """Where the head of "les avocats de …", "des proches du …" ends: a plural article, a plural noun and a
        complement preposition right after it, before `stop`; None for any other phrase."""
        if tok.pos_ != "DET" or "Plur" not in tok.morph.get("Number"):
            return None
        head = self._next(tok)
        if head is None or head.pos_ != "NOUN" or "Plur" not in head.morph.get("Number"):
            return None
        prep = self._next(head)
        if prep is None or prep.idx >= stop or prep.lower_ not in self.lex.complement_prepositions:
            return None
        return head.idx + len(head)

    def _bare(self, phrase: str) -> bool:
        """An article and one noun ("le porte-parole", "l'agence"): a title that refers back to who holds it."""
        words = phrase.replace("’", "' ").replace("'", "' ").split()
        return len(words) == 2 and words[0].lower() in self.lex.articles

    def epithet_at(self, start: int, end: int) -> Mention | None:
        """The role mention ("le porte-parole du Kremlin") that starts a phrase and lies inside it, if any."""
        i = bisect.bisect_left(self.epithet_starts, start)
        if i < len(self.epithets):
            m = self.epithets[i]
            if m.span.start < start + 4 and m.span.end <= end + 1:
                return m
        return None

    def subject_of(self, verb: Any, clause_start: int) -> Speaker | None:
        """The subject of a speech verb that comes before it: its nsubj, a relative's antecedent, or the clause's first phrase."""
        cands = [c for c in verb.children if c.dep_.startswith("nsubj") and c.idx < verb.idx]
        marks = [c for c in verb.children if c.dep_ == "mark" and c.pos_ == "SCONJ" and c.idx < verb.idx]
        if not cands and marks:
            # "…, tandis que le syndicat en annonçait": a subordinate clause has its own subject, never the main one's
            m0 = marks[-1]
            after = max([m0.idx + len(m0)] + [f.idx + len(f) for f in m0.children if f.dep_ == "fixed"])
            sp = self._clause_head_np(after, verb.idx)
            if sp is not None:
                return sp
        if not cands:
            # the parse lost the subject: a subordinate clause's own first phrase, read from the words ("…, tandis que
            # X en annonçait"), before the main clause's subject
            k = verb.i - 1
            while k >= 0 and self.sdoc[k].idx >= clause_start and not (self.sdoc[k].pos_ == "SCONJ" or self.sdoc[k].text in (",", ";")):
                k -= 1
            if k >= 0 and self.sdoc[k].idx >= clause_start and self.sdoc[k].pos_ == "SCONJ":
                sp = self._clause_head_np(self.sdoc[k].idx + len(self.sdoc[k]), verb.idx)
                if sp is not None:
                    return sp
        if not cands and verb.dep_ in ("advcl", "acl") and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
            # a participle clause ("…, tout en jugeant « … »", "…, ajoutant que"): its subject is the sentence's main one,
            # never that of the clause it is attached to; past a quotation, the incise's ("« … », a dit X, ajoutant")
            for anc in (verb.sent.root, verb.head):
                cands = [c for c in anc.children if c.dep_.startswith("nsubj") and c.idx < verb.idx and not self.in_mask(c.idx)]
                if cands:
                    break
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
        # a subject carries no preposition: "autour de François Bayrou" tagged nsubj is a parse error
        # nor is it inside quoted words ("« La ville est prête », a affirmé X, « … »": the quote's own subject)
        cands = [c for c in cands if c.idx >= clause_start and not any(k.dep_ == "case" for k in c.children)
                 and not self.in_mask(c.idx)]
        if cands:
            subj = cands[0]
            if subj.text == "-t" or subj.text in self.lex.inverted:
                nxt = self._next(subj) if subj.text == "-t" else subj
                if nxt is not None and nxt.text in self.lex.inverted:
                    return Speaker(nxt.idx, nxt.idx + len(nxt), nxt.text, pronoun=True)
                return None
            if subj.lower_ in self.lex.relative and verb.dep_.startswith("acl") or subj.lower_ in self.lex.relative:
                head = verb.head if verb.dep_.startswith("acl") else None
                if head is not None:
                    m = self.mi.covering(head.idx, head.idx + len(head))
                    if m is not None:
                        return self._name_speaker(m, verb.idx)
                    # the relative's antecedent noun phrase, nearest mention before the pronoun
                if head is not None and head.pos_ == "NOUN":  # "une foule qui scandait": the antecedent noun phrase
                    inner = [m for m in self.mi.inside(min(t.idx for t in head.subtree), head.idx + len(head))
                             if m.label in SPEAKER_LABELS]
                    if inner:  # "du chef de X, qui revendique": the mention that holds the antecedent
                        return self._name_speaker(inner[-1], verb.idx)
                    left = self.token_at(min(t.idx for t in head.subtree if t.i <= head.i and t.dep_ not in ("case", "punct")))
                    if left is not None and left.i < head.i and not self.in_mask(left.idx):
                        return self._title_np(left, head.idx + len(head))
                # else the nearest mention before the pronoun that can speak (never a place named in between)
                before = [m for m in self.mi.before(subj.idx) if m.span.start >= clause_start and m.label in SPEAKER_LABELS]
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
            conj = [c for c in subj.children if c.dep_ == "conj" and c.idx > subj.idx]
            if conj and not self.is_speaker_noun(subj) and self.sdoc[conj[0].i - 1].text == ",":
                # "Le même jour, A et B ont averti": a fronted phrase the parse took for the subject, its names for conjuncts
                sp = self._clause_head_np(clause_start, verb.idx)
                if sp is not None:
                    return sp
            # the phrase's first word: not a quotation mark the parse hung on it ("“…,” a witness said")
            left = min((t.idx for t in subj.subtree if not (t.is_punct or self.in_mask(t.idx))), default=subj.idx)
            return self._title_np(self.token_at(left), verb.idx)
        return self._clause_head_np(clause_start, verb.idx)

    def issuer(self, sp: Speaker) -> Speaker:
        """A document said to speak ("indique le communiqué", "selon la lettre du ministère") stands for who issued it:
        the complement that names the issuer, else an earlier speaker (marked to be taken up like a pronoun)."""
        if sp.extra.get("label") in SPEAKER_LABELS:
            return sp
        head = next((t for t in self.tokens(sp.start, sp.end) if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or not (self.lex.lemma(head) in self.lex.document_nouns or head.lower_ in self.lex.document_nouns):
            return sp
        for t in self.tokens(head.idx + len(head), sp.end):
            if t.lower_ in self.lex.complement_prepositions:
                nxt = self._next(t)
                inner = self.np_after(nxt.idx, sp.end) if nxt is not None and nxt.idx < sp.end else None
                if inner is not None and not inner.pronoun:
                    inner.attribution, inner.kind = sp.attribution, sp.kind
                    inner.extra["document"] = sp.text
                    return inner
                break
        return Speaker(sp.start, sp.end, sp.text, sp.attribution, True, sp.kind, {**sp.extra, "document": sp.text})

    def nationality_of(self, sp: Speaker) -> str | None:
        """The country a group speaks for: "des responsables américains", "les autorités russes" (a plural phrase of
        speaker nouns qualified by a nationality adjective); None for a name or a single title."""
        if sp.extra.get("label") or self.is_pronoun(sp):
            return None
        toks = self.tokens(sp.start, sp.end)
        officials = self.lex.modality.get("official_nouns", ())
        # the head: the first noun of the phrase ("des responsables américains"), past the adjectives that stand before
        # it where the language puts them there ("American officials", "senior Russian diplomats")
        heads = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
        head = next((t for t in heads if t.lower_ in officials or self.lex.lemma(t) in officials), None)
        if head is None or head is not heads[0] and any(h.pos_ == "NOUN" and h.i < head.i for h in heads) \
                or "Plur" not in head.morph.get("Number"):
            return None
        for t in toks:
            if t.pos_ == "ADJ" and t.i != head.i and (t.i > head.i or t.head.i == head.i):
                code = self.nationality.get(fold(t.text))
                if code:
                    return code
        # a country's name set before the noun: "U.S. officials", "United States diplomats"
        k = head.i
        while k - 1 >= 0 and self.sdoc[k - 1].pos_ == "PROPN" and self.sdoc[k - 1].idx >= sp.start:
            k -= 1
        if k < head.i:
            return self.countries.get(fold(self.text[self.sdoc[k].idx:self.sdoc[head.i - 1].idx + len(self.sdoc[head.i - 1])]))
        return None

    def inverted_subject(self, verb: Any, limit: int) -> Speaker | None:
        """The subject the parse puts after an incise verb ("a averti à New York le secrétaire général")."""
        for c in verb.children:
            if c.dep_.startswith("nsubj") and verb.idx < c.idx < limit and not self.in_mask(c.idx):
                if c.text in self.lex.inverted or c.text == "-t":
                    return None
                left = min(t.idx for t in c.subtree if t.idx > verb.idx)
                return self.np_after(left, limit)
        return None

    @staticmethod
    def passive(tok: Any) -> bool:
        """A passive participle ("une intervention serait considérée comme …"): its subject does not speak."""
        return any(c.dep_ in ("aux:pass", "auxpass") for c in tok.children) or tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm") \
            and "Past" in tok.morph.get("Tense")

    # -- who speaks in a clause ------------------------------------------------------------------

    def speaking_subject(self, verb: Any, clause_start: int) -> Speaker | None:
        """The subject of `verb` when it is someone who can speak: a name of a person, organisation or country, a
        pronoun, a relative pronoun's antecedent, or a phrase headed by a role or a speaker noun ("le recteur",
        "les habitants"); None for "le robot", "le bilan"."""
        subj = next((c for c in verb.children if c.dep_.startswith("nsubj") and not self.in_mask(c.idx)
                     and not any(k.dep_ == "case" for k in c.children)), None)
        if subj is None or subj.idx < clause_start:
            return None
        if subj.lower_ in self.lex.relative:
            if verb.dep_.startswith("acl") and verb.head.i != verb.i:
                subj = verb.head
            else:
                return None
        if subj.lower_ in self.lex.anaphoric or subj.text in self.lex.inverted:
            return Speaker(subj.idx, subj.idx + len(subj), subj.text, pronoun=True)
        m = self.mi.covering(subj.idx, subj.idx + len(subj))
        if m is not None and m.label in SPEAKER_LABELS:
            return self._name_speaker(m, verb.idx if verb.idx > subj.idx else subj.idx + 200)
        if m is None and subj.text[:1].isupper():  # "la Communauté économique … (CEDEAO)": the name its acronym gives
            right = max(t.idx + len(t) for t in subj.subtree) + 2
            for inner in self.mi.inside(subj.idx, right):
                if inner.label in SPEAKER_LABELS and self.text[inner.span.start - 1:inner.span.start] == "(":
                    return self._name_speaker(inner, inner.span.end)
        if subj.pos_ in ("NOUN", "PROPN") and self.is_speaker_noun(subj):
            left = min([t.idx for t in subj.subtree if not self.in_mask(t.idx)] + [self._compound_start(subj).idx])
            tok = self.token_at(left)
            end = verb.idx if verb.idx > subj.idx else self.sentence_limit(subj)
            return self._title_np(tok, end) if tok is not None else None
        return None

    def is_pronoun(self, sp: Speaker) -> bool:
        """A personal pronoun ("il", "-t-elle"), not a bare title ("le gouvernement") that may also refer back."""
        return sp.text.lower() in self.lex.anaphoric or sp.text in self.lex.inverted

    def gender(self, sp: Speaker) -> str | None:
        """"Fem" or "Masc" when the words naming a speaker (or the title just before them) show it ("la ministre",
        "l'ex-directrice X", "le porte-parole"); None for a bare name."""
        toks = self.tokens(sp.start, sp.end)  # the words themselves first ("une foule"), then a title just before a name
        first = self.token_at(sp.start)
        k = first.i - 1 if first is not None else -1
        while k >= 0 and first is not None and k >= first.i - 4 and self.sdoc[k].sent == first.sent \
                and self.sdoc[k].pos_ in ("DET", "NOUN", "ADJ", "PROPN") and not self.in_mask(self.sdoc[k].idx):
            toks.append(self.sdoc[k])
            k -= 1
        for t in toks:
            if t.pos_ in ("DET", "NOUN"):
                for g in ("Fem", "Masc"):
                    if g in t.morph.get("Gender"):
                        return g
        return None

    def plural(self, sp: Speaker) -> bool:
        """Whether the words naming a speaker are a plural phrase ("the three leaders", "les habitants"), not a name."""
        if sp.extra.get("label") and "title" not in sp.extra:
            return False
        head = next((t for t in reversed(self.tokens(sp.start, sp.end)) if t.pos_ == "NOUN"), None)
        return head is not None and "Plur" in head.morph.get("Number")

    def is_speaker_noun(self, tok: Any) -> bool:
        """A noun naming someone who can speak: a role, an organisation word, a speaker noun (data); a hyphenated one
        the tokenizer split ("état - major") is read whole."""
        if self.lex.lemma(tok) in self.lex.speaker_heads or tok.lower_ in self.lex.speaker_heads:
            return True
        first = self._compound_start(tok)
        return first.i != tok.i and self.text[first.idx:tok.idx + len(tok)].lower() in self.lex.speaker_heads

    def _compound_start(self, tok: Any) -> Any:
        """The first word of the hyphenated compound `tok` ends ("major" of "état-major"), else `tok`."""
        doc = tok.doc
        k = tok.i
        while k >= 2 and doc[k - 1].text == "-" and doc[k - 1].idx == doc[k - 2].idx + len(doc[k - 2]) \
                and doc[k].idx == doc[k - 1].idx + 1 and doc[k - 2].is_alpha:
            k -= 2
        return doc[k]

    def sentence_limit(self, tok: Any) -> int:
        return tok.sent.end_char

    def agent_of(self, verb: Any, limit: int) -> Speaker | None:
        """The agent of a passive participle: "voulue « … » par l'Élysée" (the parse often misses obl:agent)."""
        if "Part" not in verb.morph.get("VerbForm"):
            return None
        agents = [c for c in verb.children if c.dep_ == "obl:agent"]
        if agents:
            left = min(t.idx for t in agents[0].subtree)
            tok = self.token_at(left)
            if tok is not None and tok.lower_ in self.lex.agent_markers:
                tok = self._next(tok)
        else:
            j = verb.i + 1
            while j < len(self.sdoc) and j < verb.i + 8 and (self.in_mask(self.sdoc[j].idx) or self.sdoc[j].is_punct and self.sdoc[j].text != ","):
                j += 1
            tok = self.sdoc[j + 1] if j + 1 < len(self.sdoc) and self.sdoc[j].lower_ in self.lex.agent_markers else None
        if tok is None or tok.idx >= limit:
            return None
        sp = self.np_after(tok.idx, limit)
        if sp is None or self.is_pronoun(sp):
            return None
        m = self.mi.covering(sp.start, sp.end)
        if m is not None and m.label in SPEAKER_LABELS:
            return sp
        head = self.token_at(sp.start)
        while head is not None and head.idx < sp.end and head.pos_ not in ("NOUN", "PROPN"):
            head = self._next(head)
        return sp if head is not None and head.idx < sp.end and self.is_speaker_noun(head) else None

    def comme_source(self, start: int, end: int) -> Speaker | None:
        """"Comme l'a souligné X, …", "…, comme le rappelle X": the source named in a comparative incise."""
        for tok in self.tokens(start, end):
            if tok.lower_ not in self.lex.comparative_markers or self.in_mask(tok.idx):
                continue
            t = self._next(tok)
            steps = 0
            while t is not None and steps < 4 and (t.lower_ in self.lex.incise_clitics or t.pos_ == "AUX"):
                t = self._next(t)
                steps += 1
            if t is None or t.idx >= end or not is_speech_verb(t, self.lex):
                continue
            limit = self.text.find(",", t.idx, end)
            sp = self.np_after(t.idx + len(t), end if limit < 0 else limit)
            if sp is not None:
                sp.attribution = (tok.idx, sp.end)
                return sp
        return None

    def _clause_head_np(self, start: int, end: int) -> Speaker | None:
        """When the parse gives no subject: the clause's first noun phrase, after a fronted "En juillet," if any."""
        tok = self.token_at(start)
        while tok is not None and tok.idx < end and (tok.pos_ in ("NUM", "PUNCT", "SYM") or tok.like_num):
            tok = self._next(tok)  # a live blog's time stamp: "22h10 – …"
        if tok is not None and tok.pos_ in ("ADP", "ADV", "SCONJ") and self.mi.covering(tok.idx, tok.idx + 1) is None:
            comma = self.text.find(",", tok.idx, end)
            if comma < 0:
                return None
            tok = self.token_at(comma + 1)
        for _ in range(3):  # "Le dimanche 15 décembre, au lendemain du cyclone, X a …": fronted phrases, skipped
            if tok is None:
                break
            comma = self.text.find(",", tok.idx, end)
            if comma < 0:
                break
            seg = self.tokens(tok.idx, comma)
            adverbial = tok.pos_ in ("ADP", "ADV", "SCONJ") and self.mi.covering(tok.idx, tok.idx + 1) is None
            if not adverbial and (any(t.pos_ in ("VERB", "AUX") for t in seg) or self.mi.inside(tok.idx, comma)):
                break  # a clause, or a name heading the sentence ("Pyongyang, soumis à …, a démenti")
            tok = self.token_at(comma + 1)
        if tok is None or tok.idx >= end or self.in_mask(tok.idx):
            return None  # quoted words never name who says them
        if tok.pos_ in ("PRON",) and tok.lower_ in self.lex.anaphoric:
            return Speaker(tok.idx, tok.idx + len(tok), tok.text, pronoun=True)
        m = self.mi.covering(tok.idx, tok.idx + len(tok))
        if m is not None:
            return self._name_speaker(m, end)
        if tok.pos_ in ("DET", "NOUN", "PROPN"):
            return self._title_np(tok, end)
        nxt = self._next(tok)
        if tok.text[:1].isupper() and tok.is_alpha and nxt is not None and nxt.pos_ in ("AUX", "VERB"):
            return self._title_np(tok, end)  # a name the tagger took for an adjective: "OceanGate a assuré"
        return None
