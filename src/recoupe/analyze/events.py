"""The `events` component: event cues (trigger, type, participants, place, time, status) from the parse and the lexicon."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Any

from recoupe.analyze import clock
from recoupe.analyze.registry import Context, component
from recoupe.chrono import period_bounds, shift_day
from recoupe.lang.fr.triggers import Triggers
from recoupe.model import EventCue, Mention, Span, TimeExpr
from recoupe.model.text import fold
from recoupe.model.event_types import family
from recoupe.model.vocab import Tense

PARTICIPANT_LABELS = frozenset({"person", "organization", "country"})
PLACE_LABELS = frozenset({"place", "country", "other"})
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
# Dependents that open another clause: their words belong to that clause's event, not this one.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "xcomp", "acl", "conj"})
NOMINAL_UP = frozenset({"obj", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "nsubj", "nsubj:pass", "appos", "iobj", "conj"})
CLIMB = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl"})
COUNTED_UNITS = frozenset({"day", "week", "month", "year"})  # "two days after": the counts a date moves by
OFFSET_REACH = 160  # characters after "two days after" that can name the event counted from
OFFSET_BOUNDARY = re.compile(r"[,;(\n—–]|[.!?](?=\s+[A-Z\W]|\s*$)")  # where the event's words end (not "a.m.")
RELATIVE_DEPS = frozenset({"acl:relcl", "relcl"})  # a relative clause's verb (French UD, English ClearNLP labels)
DIRECT_OBJECT = frozenset({"obj", "dobj"})  # a verb's direct object, French UD and English ClearNLP labels
OBJECT_DEPS = frozenset({"obj", "nsubj:pass", "obl:arg", "obl:mod", "obl", "dobj", "nsubjpass", "pobj"})  # what a verb acts on
REFLEXIVE_DEPS = frozenset({"expl:comp", "expl:pv", "expl:pass", "obj", "iobj", "expl"})  # what a reflexive "se" hangs by
BOUNDARY = frozenset({",", ";", ":", "(", ")", "«", "»", "—", "–", "\n"})
DATELINE_TOP = 400  # characters at the top of an article where its dateline stands
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PROGRAMME_PARAGRAPHS = 1  # an announced event without a day of its own takes the programme's day this many paragraphs on
NARRATIVE_REACH = 400  # characters back to the place a "y", "sur place" or "there" stands for
NARRATIVE_DAYS = 3  # a day the article names this close before its publication is the day its narrative tells
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "obj", "dobj", "parataxis"})  # a speech verb's complement: what is said
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})  # any verb's clause complement: a proposition, not its own phrase
STAMP_HEAD = 40  # at most this many characters of a line's start make a live blog entry's stamp ("Jeudi 30/11 – 06h55")
STAMP_SEPARATORS = ("–", "—", "-", "|", ":")  # what ends a stamp written before the entry's text on its line
HISTORICAL_DAYS = 366  # an event dated more than a year before publication is history, not news
# the classes of an area's description ("le pays", "l'enclave", "the territory") and the labels of the names it may
# stand for when no class word names it ("quitter le territoire": a country). Not an island's ("l'île", "l'archipel"):
# the text does not say which places are islands, and the latest place before it is as often a town on it
AREA_CLASSES = {"country": frozenset({"country"}), "enclave": frozenset({"place", "country"}),
                "region": frozenset({"place", "country"})}
ISLAND_CLASSES = frozenset({"island"})  # the description classes of an island or an archipelago
ISLAND_MENTIONS = 2  # how often an article names a place before it is the island its "l'île" stands for
AREA_CANDIDATES = 4  # how many places named before an area's description it may stand for, the latest first
# how a noun trigger hangs on the verb of its clause when it is that clause's happening ("où il effectue une visite",
# "où a eu lieu la rencontre"), not a happening the clause only dates or qualifies ("au lendemain de son arrivée")
ARGUMENT_DEPS = frozenset({"obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass"})
MOMENT_TYPES = frozenset({"statement", "arrival", "departure"})  # what happens at one moment, never "since" a day
# families where a plural noun names a series ("ses visites", "les essais") rather than one happening; deliveries,
# sanctions and agreements come in the plural even when one is meant
SERIES_FAMILIES = frozenset({"meeting", "visit", "arrival", "departure", "launch", "military_action"})


@dataclass
class _Found:
    """What the parse says about one trigger, before it becomes an EventCue."""

    token: Any
    type: str
    pos: str  # "verb" | "noun"
    participants: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    place_phrase: str | None = None
    status: str = "unknown"
    attrs: dict[str, Any] = field(default_factory=dict)


@component("events", requires=("spacy", "mentions"), assigns=("event_cues",), version="54")
def events(ctx: Context) -> dict[str, list[Any]]:
    """Event cues of one document; uses `times` when an earlier component filled them."""
    return {"event_cues": _Finder(ctx, ctx.pack.triggers).run()}


class _Finder:
    def __init__(self, ctx: Context, lex: Triggers) -> None:
        self.ctx = ctx
        self.lex = lex
        self.grammar = ctx.pack.grammar
        self.month_names = frozenset(m.lower() for m in ctx.pack.time.month_names)
        self.doc = ctx.sdoc
        self.text = ctx.document.text
        self.doc_id = ctx.document.id
        self.mentions = _as_persons(sorted(ctx.analysis.mentions, key=lambda m: (m.span.start, m.span.end)))
        self.mention_starts = [m.span.start for m in self.mentions]
        self.sent_starts = [s.start_char for s in self.doc.sents]
        self.times = sorted((t for t in ctx.analysis.times if t.value), key=lambda t: t.span.start)
        # and those the dossier can read later ("on Tuesday" under a dateline with no year): a cue picks its time
        # among both by the same rules; an unread one travels with the cue as `pending_time` for resolution
        pub = ctx.document
        later = not pub.published or len(pub.published) < 10 or (pub.published_precision or "day") != "day"
        self.reads_later = later
        self.set_for = frozenset(getattr(ctx.pack.time.lex, "target_prepositions", ()))  # "pour le 23 décembre"
        self.presupposing = lex.words("presupposing_markers")  # "after protesters attacked": taken for granted
        self.readable = sorted((t for t in ctx.analysis.times if t.value or (later and "groups" in t.attrs)),
                               key=lambda t: t.span.start)
        # every time expression, resolved or not ("dimanche soir" in an undated article): for the parse repairs
        self.time_spans = [(t.span.start, t.span.end) for t in ctx.analysis.times]
        self.all_times = sorted(ctx.analysis.times, key=lambda t: t.span.start)
        self.quotes = [q for q in ctx.analysis.quotes if q.speaker_span is not None]
        self.published = ctx.document.published
        self.neg = lex.words("negation_words")
        self.neg_det = lex.words("negative_determiners")
        # spaCy's sentences can run across paragraph breaks; a line break always ends a clause here
        self.para_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        self.trigger_ids: set[int] = set()
        self.participles, self.trigger_lemmas, self.trigger_forms = _tables(lex)
        self.source_markers = lex.clause_words("source_markers")
        self.pronouns = lex.clause_words("personal_pronouns")
        # "du", "au", "aux", "des": an article fused with a preposition (parsed as the preposition) is a determiner
        self.contracted = lex.clause_words("contracted_articles")
        self.contracted_definite = lex.clause_words("contracted_definite")
        self.placeless = frozenset({"departure", "invitation", "transfer", "sanction"})
        self._dateline: tuple[tuple[Mention, str] | None] | None = None
        self._dateline_stop: int | None = None
        self._datelines: list[Any] | None = None
        self.by_token: dict[int, _Found] = {}
        # nouns for people: a verb's object or subject that is someone though unnamed ("39 prisonniers", "les responsables")
        self.people = lex.clause_words("person_nouns") | frozenset(ctx.pack.speech.speech.get("speaker_nouns", ()))

    # -- driver ----------------------------------------------------------------------------------

    def run(self) -> list[EventCue]:
        found: list[_Found] = []
        lemmas, forms = self.trigger_lemmas, self.trigger_forms
        for tok in self.doc:
            # only a word whose lemma or form the lexicon lists can be a trigger (_trigger returns None for any other)
            if tok.lemma_.lower() not in lemmas and tok.lower_ not in forms:
                continue
            f = self._trigger(tok)
            if f is not None:
                found.append(f)
        found = self._drop_light_duplicates(found)
        self.trigger_ids = {f.token.i for f in found}
        cues: list[EventCue] = []
        for f in found:
            self._arguments(f)
        by_token = {f.token.i: f for f in found}
        self.by_token = by_token
        for f in found:
            if f.type == "departure" and f.place is None:
                # "au lendemain de son arrivée en Russie, avant de repartir": one leaves the place one arrived at
                came = [a for a in found if a.type == "arrival" and a.place is not None and a.token.sent == f.token.sent
                        and a.token.i < f.token.i and self._same_para(a.token, f.token)
                        and (not a.participants or not f.participants or set(map(id, a.participants)) & set(map(id, f.participants))
                             or {m.span.text for m in a.participants} & {m.span.text for m in f.participants})]
                if came:
                    f.place, f.place_phrase = came[-1].place, came[-1].place.span.text
                    f.attrs["place_from"] = "arrival"
        for f in found:
            if f.pos == "verb" and f.place is None and f.type != "statement":
                # "prolonger la pause humanitaire dans la bande de Gaza": what is done to an event happens where it does
                held = [by_token[c.i] for c in f.token.children if c.dep_ in DIRECT_OBJECT and c.i in by_token
                        and by_token[c.i].place is not None]
                if held:
                    f.place, f.place_phrase = held[0].place, held[0].place_phrase
                    f.attrs["place_from"] = "the event it acts on"
        for f in found:
            head = by_token.get(f.token.head.i)
            if (f.type == "departure" and f.place is None and f.token.dep_ in ("advcl", "conj") and head is not None
                    and head.place is not None and not self._has_own_date(f.token)):
                # "il s'est entretenu avec X au cosmodrome, avant de repartir": one leaves from where the main event was
                f.place, f.place_phrase = head.place, head.place_phrase
                f.attrs["place_from"] = "governing clause"
        for f in found:
            f.status, reason = self._status(f)
            f.attrs["status_reason"] = reason
            cue = self._cue(f)
            if cue is not None:
                cues.append(cue)
        return self._planned_weekdays(self._counted_back(self._narrative_days(self._link_anaphora(cues) + self._speech_cues(cues))))

    def _planned_weekdays(self, cues: list[EventCue]) -> list[EventCue]:
        """A bare weekday read as the nearest one dates a planned event the coming week: "X is
        expected to meet Y on Friday" is the next Friday, not the one gone."""
        pub = (self.published or "")[:10]
        if len(pub) != 10:
            return cues
        for c in cues:
            t = c.time
            if (c.status == "planned" and t is not None and t.attrs.get("rule") == "weekday"
                    and t.attrs.get("weekday_rule") == "nearest" and t.value and len(t.value) == 10 and t.value < pub):
                moved = shift_day(t.value, 1, "week")
                if moved is not None:
                    c.time = replace(t, value=moved[0], attrs={**t.attrs, "weekday_rule": "next (planned)"})
        return cues

    def _counted_back(self, cues: list[EventCue]) -> list[EventCue]:
        """An event named after a duration and "after" ("a week after a coup toppled the president", "deux jours
        après la marche") happened that long before the time of the clause it hangs on, which is the time the cue
        took from its sentence: the cue's date is moved back (or, after "before", on) by it. A time of the event's
        own words ("two days after the vote of 5 May") is its own and stays. A time still unread, or the article's
        day still to be inferred, carries the count (`time_offset`) to resolution."""
        words = self.ctx.pack.time
        pattern = getattr(words, "duration_relative_re", None)
        if pattern is None or not cues:
            return cues
        for m in pattern.finditer(self.text):
            n, unit = words.number(m.group("n")), words.units.get(m.group("u").lower())
            sign = words.lex.duration_relations.get(m.group("rel").lower())
            if not n or unit not in COUNTED_UNITS or sign is None:
                continue
            # the event's words: from the relation to the end of its clause
            stop = OFFSET_BOUNDARY.search(self.text, m.end())
            end = min(len(self.text), m.end() + OFFSET_REACH, stop.start() if stop else len(self.text))
            for c in cues:
                if not m.end() <= c.span.start < end or "time_offset" in c.attrs:
                    continue
                own = c.time is not None and m.start() <= c.time.span.start < end
                pending = c.attrs.get("pending_time")
                if own or (pending and m.start() <= int(pending[0]) < end):
                    continue
                offset = {"n": sign * n, "unit": unit, "span": [m.start(), m.end()]}
                base = c.time
                if base is None and not pending:
                    # the time counted from is the clause's: that of the sentence's other cues, outside these words
                    # (a time written inside the event's words, "after X struck a pier on 26 March, killing ...", is
                    # the event's own, whichever cue took it: never the clause's it is counted from)
                    mates = [o for o in cues if o is not c and o.sentence == c.sentence and "time_offset" not in o.attrs
                             and not m.start() <= o.span.start < end and (o.time is not None or o.attrs.get("pending_time"))
                             and not (o.time is not None and m.start() <= o.time.span.start < end)
                             and not (o.attrs.get("pending_time") and m.start() <= int(o.attrs["pending_time"][0]) < end)]
                    if mates:
                        mate = min(mates, key=lambda o: abs(o.span.start - m.start()))
                        base = mate.time
                        if base is None:
                            c.attrs["pending_time"] = mate.attrs["pending_time"]
                if base is not None:
                    moved = shift_day(base.value, sign * n, unit)
                    if moved is None:
                        continue
                    c.time = TimeExpr(span=Span(self.doc_id, m.start(), m.end(), m.group(0)), value=moved[0],
                                      precision=moved[1], kind="event_relative", anchor=c.span.start,
                                      attrs={"rule": "duration_relative", "offset": offset, "from": base.span.to_dict(),
                                             "tense": base.attrs.get("tense", "unknown"),
                                             "time_ref": base.attrs.get("time_ref", "none")})
                    c.attrs["time_source"] = "text"
                    for k in ("ref_date", "ref_pending", "time_from"):
                        c.attrs.pop(k, None)
                elif c.attrs.get("ref_date") and not c.attrs.get("pending_time"):
                    moved = shift_day(c.attrs["ref_date"], sign * n, unit)
                    if moved is None:
                        continue
                    c.attrs["ref_date"] = moved[0]
                c.attrs["time_offset"] = offset
        return cues

    def _narrative_days(self, cues: list[EventCue]) -> list[EventCue]:
        """A cue of the article's narrative that names no time of its own happens on the day its story last named
        ("Mardi, X a accueilli Y. Le couple a atterri vers midi ..."): the day of the nearest dated cue before it in
        the article, when that day is the article's recent news (at most NARRATIVE_DAYS before publication, never
        after it), else the publication day. A weak reference: never the date of an event whose sources give one.
        Not inside quoted words, not for what the text tells as history nor for what is announced; a pluperfect
        only takes a day the text names."""
        if not self.published or len(self.published) < 7:
            return cues
        # an article dated to its month only (a note, a digest) has no day of its own: its narrative starts with
        # the first day it names within that month
        by_day = len(self.published) >= 10
        pub: str | None = self.published[:10] if by_day else None
        try:
            bound = self.published[:10] if by_day else period_bounds(self.published[:7])[1].isoformat()
        except ValueError:
            return cues
        last: str | None = pub
        named = False
        stamps = self._entry_stamps()
        entry_day, k = pub, 0
        said: str | None = pub  # the day the story's speakers last spoke on: a statement's own track
        # the day a programme last set what is announced for ("Lundi, X recevra Y ... Suivra un entretien"): the
        # track of announced events, from the paragraph that names that day to the next one
        planned: tuple[str, int] | None = None
        filled = [p for p in self.para_starts if self.text[p:p + 1] not in ("\n", "")]  # paragraphs with words
        for c in sorted(cues, key=lambda c: c.span.start):
            while k < len(stamps) and stamps[k][0] <= c.span.start:
                # a live blog's entry starts its own story: its stamp's day, else the day of the entries before it
                if stamps[k][1] is not None and stamps[k][1] <= bound:
                    entry_day = stamps[k][1]
                last, named, said, k, planned = entry_day, stamps[k][1] is not None, entry_day, k + 1, None
            t = c.time
            para = bisect.bisect_right(filled, c.span.start)
            if t is not None and c.status == "planned" and not self._in_quote(c.span.start):
                value = t.value or ""
                ahead = t.precision == "day" and _ISO_DAY.match(value) and value[:10] > bound
                planned = (value[:10], para) if ahead else None
            if t is None and c.status == "planned" and planned is not None and not self._in_quote(c.span.start):
                if para - planned[1] <= PROGRAMME_PARAGRAPHS:
                    c.attrs["ref_date"] = planned[0]
                    c.attrs["time_source"] = "reference"
                    c.attrs["time_from"] = "programme"
                continue
            if t is not None:
                value = t.value or ""
                recent = (0 <= _days_before(t, self.published) <= NARRATIVE_DAYS) if by_day else value.startswith(self.published[:7])
                # the day a point or a period starts on; a period open at its start ("by Wednesday") names no day
                if (t.precision == "day" and _ISO_DAY.match(value) and value[:10] <= bound and not c.attrs.get("historical")
                        and recent and not self._in_quote(c.span.start) and not self._aside_participle(c)):
                    last, named = value[:10], True
                    if c.type == "statement":
                        said = last
                continue
            if (c.type == "statement" and said is not None and self.grammar.speech_on_report_day and not self._in_quote(c.span.start)
                    and c.status != "planned" and c.attrs.get("tense") not in self.grammar.before_news_tenses
                    and self._attributes(c)):
                # in a language whose news attributes from the article's day (the pack says so), who said what is
                # dated by that day (or the last day a speaker was said to speak), not by the day of what they speak
                # about: "X crashed on Wednesday. ... 'Y', a spokesman told reporters"
                c.attrs["ref_date"] = said
                c.attrs["time_source"] = "reference"
                c.attrs["time_from"] = "narrative"
                continue
            if last is None or c.attrs.get("historical") or c.attrs.get("attributive") or self._in_quote(c.span.start):
                continue
            if c.status == "planned":
                continue  # what is announced happens later than any day the article tells
            if c.attrs.get("tense") == Tense.PLUPERFECT and not named:
                continue  # a pluperfect happened before the time of its story: only a day the text names
            c.attrs["ref_date"] = last
            c.attrs["time_source"] = "reference"
            c.attrs["time_from"] = "narrative"
        return cues

    def _aside_participle(self, c: EventCue) -> bool:
        """Whether a cue is a participle set on a noun ("La trêve, prolongée lundi, expire jeudi"): a detail told in
        passing, whose day does not move the narrative's day."""
        span = self.doc.char_span(c.span.start, c.span.end, alignment_mode="expand")
        return (span is not None and len(span) > 0 and c.attrs.get("tense") == Tense.PARTICIPLE
                and span.root.dep_ in ("acl", "appos", "amod"))

    def _attributes(self, c: EventCue) -> bool:
        """Whether a statement cue attributes words to a source (a saying with what is said, in a clause or in
        quoted words of its sentence: "investigators said the ship lost power"), rather than telling a call or an
        order of the story ("the pilot made a radio call for tugs", "ordered the anchor dropped")."""
        span = self.doc.char_span(c.span.start, c.span.end, alignment_mode="expand")
        if span is None or not len(span):
            return True
        tok = span.root
        if any(ch.dep_ in REPORTED_DEPS for ch in tok.children) or tok.dep_ in REPORTED_DEPS:
            return True
        return any(tok.sent.start_char <= q.span.start < tok.sent.end_char for q in self.ctx.analysis.quotes)

    def _entry_stamps(self) -> list[tuple[int, str | None]]:
        """The entries of a live blog: lines that open with a stamp of clock time and day words only ("06h05 – C'est
        fait : ...", "Jeudi 30/11 – 06h55", "17:30 GMT - ..."), as (where the entry starts, the day its stamp names or
        None). A document with fewer than two such lines is no live blog."""
        w = clock.words(self.ctx.pack.code)
        out: list[tuple[int, str | None]] = []
        for lo in self.para_starts:
            hi = self.text.find("\n", lo)
            line = self.text[lo:hi if hi >= 0 else len(self.text)]
            head = line[:STAMP_HEAD]
            cut = min((i for i in (head.find(f" {sep} ") for sep in STAMP_SEPARATORS) if i > 0), default=-1)
            if cut < 0 and len(line.strip()) > STAMP_HEAD:
                continue
            stamp = head[:cut] if cut > 0 else line
            rest = line[cut:] if cut > 0 else ""
            # the stamp and what stands between its separator and the entry's words may both hold the clock time
            zone = stamp + (rest[:12] if not any(rx.search(stamp) for rx in w.clock) else "")
            if not any(rx.search(zone) for rx in w.clock):
                continue
            left = zone
            for rx in w.clock:
                left = rx.sub(" ", left)
            day = None
            for t in self.times:
                if lo <= t.span.start and t.span.end <= lo + len(zone):
                    left = left.replace(t.span.text, " ")
                    if t.precision == "day" and t.value and len(t.value) >= 10:
                        day = t.value[:10]
            if any(ch.isalpha() for ch in left):
                continue  # words other than the clock and the day: a line of text, not a stamp
            out.append((lo, day))
        return out if len(out) >= 2 else []

    def _speech_cues(self, cues: list[EventCue]) -> list[EventCue]:
        """Statements the speech components found and no trigger did: a quote's named speaker, a claim's named source
        ("selon X", an incise after the quoted words). The cue's span is the words naming who speaks; its sentence
        is the attribution's."""
        said = [(c.sentence or c.span) for c in cues if c.type == "statement"]
        spans: list[tuple[Span, str]] = [(q.speaker_span, "quote") for q in self.ctx.analysis.quotes if q.speaker_span is not None]
        spans += [(c.source_span, "claim") for c in self.ctx.analysis.claims if c.source_span is not None]
        out: list[EventCue] = []
        seen: set[tuple[int, int]] = set()
        for sp, origin in sorted(spans, key=lambda x: (x[0].start, x[0].end)):
            if sp.doc != self.doc_id or not sp.text:
                continue
            named = [m for m in self._mentions_between(sp.start - 200, sp.end) if m.label in PARTICIPANT_LABELS
                     and m.kind == "name" and sp.start <= m.span.start and m.span.end <= sp.end]
            if not named:
                continue  # "a indiqué un porte-parole": nobody named
            span = self.doc.char_span(sp.start, sp.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            sent = span.root.sent
            plo, phi = self._para(sp.start)
            s_start, s_end = max(sent.start_char, plo), min(sent.end_char, phi)
            if (s_start, s_end) in seen or any(x.start < s_end and s_start < x.end for x in said):
                continue
            seen.add((s_start, s_end))
            trimmed = self.text[s_start:s_end]
            lead = len(trimmed) - len(trimmed.lstrip())
            s_start, s_end = s_start + lead, s_start + len(trimmed.rstrip())
            # a time tied to another event's word is that event's; one tied to the attribution's own words
            # ("», expliquait le 3 mars X") is the saying's
            times = [t for t in self.times if s_start <= t.span.start < s_end
                     and (t.anchor not in {self.doc[i].idx for i in self.trigger_ids} or sp.start <= (t.anchor or -1) < sp.end)
                     and not self._other_clause(t, span.root)
                     and not t.attrs.get("target") and not (t.value or "").endswith("/..")]
            time = min(times, key=lambda t: abs(t.span.start - sp.start)) if times else None
            attrs: dict[str, Any] = {"pos": "speaker", "from": origin, "status_reason": f"{origin} attribution"}
            if time is not None:
                attrs["time_source"] = "text"
                attrs["time_from"] = "sentence"
            elif not self._in_quote(sp.start):
                self._refer(attrs, "day")
            where = self._place_of_sentence(span.root, named, speaker=True)
            if where is not None:
                attrs["place_phrase"], attrs["place_from"] = where[1], "sentence"
            elif not self._in_quote(sp.start):
                where = self._dateline_place()
                if where is not None:
                    attrs["place_phrase"], attrs["place_from"] = where[1], "dateline"
            out.append(EventCue(span=Span(self.doc_id, sp.start, sp.end, sp.text), type="statement",
                                sentence=Span(self.doc_id, s_start, s_end, self.text[s_start:s_end]), status="happened",
                                time=time, participants=[m.span for m in _unique(named)],
                                place=where[0].span if where is not None else None, attrs=attrs))
        return out

    def _para(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.para_starts, offset) - 1
        end = self.para_starts[i + 1] - 1 if i + 1 < len(self.para_starts) else len(self.text)
        return self.para_starts[i], end

    def _same_para(self, a: Any, b: Any) -> bool:
        return self._para(a.idx) == self._para(b.idx)

    # -- triggers --------------------------------------------------------------------------------

    def _trigger(self, tok: Any) -> _Found | None:
        lemma = tok.lemma_.lower()
        tensed_adj = (tok.pos_ == "ADJ" and tok.lower_ in self.participles and "VerbForm=Part" not in str(tok.morph)
                      and any(c.dep_ == "aux:tense" for c in tok.children))
        if tensed_adj:
            lemma = self.participles[tok.lower_]  # "a gelé les avoirs": a participle with its auxiliary, tagged ADJ
        elif tok.pos_ in ("VERB", "AUX") and lemma not in self.lex.verbs and tok.lower_ in self.participles:
            lemma = self.participles[tok.lower_]  # "réclame" lemmatised as the noun: its regular verb
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and "VerbForm=Part" in str(tok.morph)) or tensed_adj:
            spec = self.lex.verbs.get(lemma)
            light = self.lex.statement_constructions.get(lemma)
            if light and any(c.dep_ in ("obj", "dobj", "xcomp") and (c.lemma_.lower() in light or _compound_of(c) in light)
                             for c in tok.children):
                # "prendre la parole", "rompre le silence", "faire savoir": a statement said with a light verb
                return _Found(tok, "statement", "verb", attrs={"trigger": lemma, "construction": True, "needs_participant": True})
            if spec is None:
                return None
            if spec.get("particles"):
                # "took off", "touched down", "flew out": a phrasal verb's particle gives its reading
                prt = next((c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod", "compound:prt")
                            and 0 < c.i - tok.i <= 2 and c.lower_ in spec["particles"]), None)
                if prt is not None:
                    alt = spec["particles"][prt]
                    if alt.get("intransitive") and any(c.dep_ in DIRECT_OBJECT for c in tok.children):
                        return None  # "she took off her coat"
                    return _alternative(tok, alt, f"{lemma} {prt}", object_is_origin=bool(alt.get("object_is_origin")))
                if spec.get("only_with_particle") and not (spec.get("passive_type") and self._passive(tok)):
                    return None
            # the parser labels a reflexive "se" several ways, "s'effondre" often as a passive marker (expl:pass)
            # ("s'y est posé": the parser may take the elided "s'" before "y" for a subordinator, its lemma says "se")
            reflexive = any(c.lower_ in self.lex.reflexive_pronouns and (c.dep_ in REFLEXIVE_DEPS or (
                c.dep_ == "mark" and c.lemma_.lower() in self.lex.reflexive_pronouns and c.i < tok.i)) for c in tok.children)
            if spec.get("not_reflexive") and reflexive:
                return None  # "se livrer à des provocations" is no delivery
            if (spec.get("reflexive") and not reflexive and not (spec.get("passive_type") and self._passive(tok))
                    and not (spec.get("or_person_object") and self._has_person_object(tok))):
                return None  # ("réunis à X, les dirigeants ...": a passive participle of a reflexive verb is its state)
            hazard = bool(spec.get("by_hazard") or spec.get("needs_hazard")) and self._vehicle_subject(tok, "natural_hazards")
            if spec.get("by_hazard") and hazard:
                # "le cyclone a frappé le nord du pays", "the storm hit the coast": a hazard striking is a disaster
                return _alternative(tok, spec["by_hazard"], lemma)
            if spec.get("needs_hazard") and not hazard:
                return None  # "balayer une objection", "hit a record": only a storm or a quake sweeps a coast
            alt = spec.get("by_object")
            if alt and self._object_lemma_in(tok, alt["object_lemmas"]):
                # "suspendre son aide", "freeze the assets", "opened fire": what the verb acts on gives its reading
                return _alternative(tok, alt, lemma)
            if spec.get("object_lemmas") and not self._object_lemma_in(tok, spec["object_lemmas"]):
                return None
            if spec.get("passive_type") and self._passive(tok):
                if spec.get("passive_needs_place") and not self._place_argument(tok):
                    return None  # "le rapport est attendu": expected, but nobody arrives anywhere
                # "X, reçu par une délégation à la gare de Y": being received somewhere is arriving there; "X est
                # attendu jeudi à Y": an arrival planned (`passive_status`)
                attrs = {"trigger": lemma, "passive": True}
                if spec.get("passive_status"):
                    attrs["lexical_status"] = spec["passive_status"]
                return _Found(tok, spec["passive_type"], "verb", attrs=attrs)
            if spec.get("only_passive"):
                return None  # "attendre des renforts" is waiting, not anyone's arrival
            if spec.get("needs_place") and not (self._place_argument(tok, deps=("obl", "obl:arg", "obl:mod", "prep"))
                                                and self._someone_subject(tok)
                                                and not any(c.dep_ in ("prt", "compound:prt") for c in tok.children)):
                return None  # "X ira au Bélarus" is a journey; "ça va mieux à X", "prices went up in X" are not
            if spec.get("needs_person_object") and not self._has_person_object(tok):
                return None
            if spec.get("needs_joint_subject") and not self._joint_subject(tok):
                return None  # "the two sides agreed" is an agreement; "he agreed" is an opinion
            if spec.get("not_after") and tok.i > 0 and self.doc[tok.i - 1].lower_ in spec["not_after"]:
                return None
            if spec.get("exclude_obl_lemmas") and any(c.lemma_.lower() in spec["exclude_obl_lemmas"] for c in tok.children):
                return None
            if spec.get("by_vehicle") and self._vehicle_subject(tok):
                # "the ship struck a pier", "le cargo a heurté la pile": a vehicle hitting something is an accident
                return _alternative(tok, spec["by_vehicle"], lemma)
            if spec.get("by_crowd") and self._vehicle_subject(tok, "civilian_crowds"):
                # "protesters attacked the embassy", "des manifestants ont envahi le parlement": a crowd's violence is
                # unrest, not a military action
                return _alternative(tok, spec["by_crowd"], lemma)
            return _Found(tok, spec["type"], "verb", attrs=_spec_attrs(spec, {"trigger": lemma, "object_is_origin": bool(spec.get("object_is_origin")),
                                                                               "subject_receives": bool(spec.get("subject_receives"))}))
        if tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper() and tok.lower_ in self.participles and self._clause_initial(tok):
            # "Parti dimanche de X, ..." : a clause-initial participle the tagger took for a name
            lemma = self.participles[tok.lower_]
            return _Found(tok, self.lex.verbs[lemma]["type"], "verb", attrs={"trigger": lemma, "initial_participle": True,
                                                                              "object_is_origin": bool(self.lex.verbs[lemma].get("object_is_origin"))})
        light_object = (tok.pos_ == "ADJ" and tok.dep_ in DIRECT_OBJECT and tok.head.lemma_.lower() in self.lex.light_verbs
                        and tok.lower_ in self.lex.nouns)  # "a fait escale": the tagger's adjective is the light verb's noun
        if tok.pos_ in ("NOUN", "PROPN") or light_object:
            if light_object:
                lemma = tok.lower_
            spec = self.lex.nouns.get(lemma) or self.lex.nouns.get(tok.lower_)
            if spec is None:
                return None
            alt = spec.get("by_nmod")
            if alt and any(c.lemma_.lower() in alt["nmod_lemmas"] for c in tok.subtree if c.i != tok.i):
                # "une opération de récupération des corps": what the noun's complement names gives its reading
                return _alternative(tok, alt, lemma, pos="noun")
            if spec.get("needs_nmod_lemmas") and not any(c.lemma_.lower() in spec["needs_nmod_lemmas"] for c in tok.subtree if c.i != tok.i):
                return None
            return _Found(tok, spec["type"], "noun", attrs=_spec_attrs(spec, {"trigger": lemma, "subject_receives": bool(spec.get("subject_receives"))}))
        return None

    def _passive(self, tok: Any) -> bool:
        m = str(tok.morph)
        if "Voice=Pass" in m or any(c.dep_ in ("aux:pass", "auxpass") for c in tok.children):  # UD, ClearNLP
            return True
        bare = not any(c.dep_ in ("aux", "aux:tense") for c in tok.children)  # "a reçu X" is active
        return ("VerbForm=Part" in m and "Tense=Past" in m and bare
                and (tok.dep_ in ("acl", "advcl") or any(c.dep_ == "obl:agent" for c in tok.children)))

    def _has_own_date(self, tok: Any) -> bool:
        """Whether a clause names its own day or month ("avant de repartir le 17 septembre"), times component or not."""
        months = self.month_names
        own = self._own_tokens(tok)
        if any(self._time_in(t) for t in own):
            return True
        return any(t.lower_ in months or (t.pos_ == "NUM" and t.dep_ in ("obj", "obl", "obl:mod", "nmod")) for t in own)

    def _time_in(self, tok: Any) -> bool:
        return any(t.span.start <= tok.idx < t.span.end for t in self.times)

    def _clause_initial(self, tok: Any) -> bool:
        return tok.i == tok.sent.start or self.text[self._para(tok.idx)[0]:tok.idx].strip() == "" or self.doc[tok.i - 1].text in BOUNDARY

    def _object_lemma_in(self, tok: Any, lemmas: list[str]) -> bool:
        if tok.dep_.startswith("acl") and "VerbForm=Part" in str(tok.morph) and tok.head.lemma_.lower() in lemmas:
            return True  # "la trêve, prolongée lundi": the noun a participle describes is what it acts on
        # French UD labels and the English model's (ClearNLP: "dobj", "nsubjpass", a preposition's "pobj")
        kids = [g for c in tok.children for g in ([c] if c.dep_ != "prep" else [x for x in c.children if x.dep_ == "pobj"])]
        for c in kids:
            if c.dep_ in OBJECT_DEPS:
                if c.lemma_.lower() in lemmas or any(g.lemma_.lower() in lemmas for g in c.children if g.dep_ == "nmod"):
                    return True
        return False

    def _has_person_object(self, tok: Any) -> bool:
        """Whether a verb acts on someone: a pronoun, a named participant, or a noun for people (the pack's
        `person_nouns` and speaker nouns: "39 prisonniers", "the hostages", "les responsables")."""
        for c in tok.children:
            if c.dep_ in ("obj", "iobj", "dobj", "dative"):
                if c.pos_ == "PRON" or any(m.label in PARTICIPANT_LABELS for m in self._mentions_in(self._core(c))):
                    return True
                if self._person_noun(c):
                    return True
        return False

    def _person_noun(self, tok: Any) -> bool:
        return tok.pos_ == "NOUN" and (tok.lemma_.lower() in self.people or tok.lower_ in self.people)

    def _drop_light_duplicates(self, found: list[_Found]) -> list[_Found]:
        """A noun trigger that is the object of a verb trigger of its own family ("signer un accord") is that verb's event."""
        verbs = {f.token.i: f for f in found if f.pos == "verb"}
        nouns = {f.token.i: f for f in found if f.pos == "noun"}
        out = []
        for f in found:
            if f.pos == "noun" and f.token.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass") and f.token.head.i in verbs and family(verbs[f.token.head.i].type) == family(f.type):
                continue
            if f.pos == "noun" and f.token.dep_ == "nmod" and f.token.head.i in nouns and family(nouns[f.token.head.i].type) == family(f.type):
                continue  # "la signature d'un accord": one agreement
            out.append(f)
        return out

    # -- participants and place ------------------------------------------------------------------

    def _arguments(self, f: _Found) -> None:
        tok = f.token
        parts: list[Mention] = []
        places: list[tuple[int, Mention, str]] = []  # (rank, mention, phrase)
        own = self._own_tokens(tok)
        if f.pos == "verb":
            subj = self._subject_mentions(tok, f)
            if not subj and f.attrs.get("initial_participle"):
                subj = self._right_context_mentions(tok)
                if subj:
                    f.attrs["participants_from"] = "main_clause"
            if not subj:
                subj = self._left_context_mentions(tok)
                if subj:
                    f.attrs["participants_from"] = "left_context"
            if (f.type in ("other", "military_action") and tok.dep_ == "acl" and "VerbForm=Part" in str(tok.morph)
                    and "Tense=Past" in str(tok.morph)):
                # "Mayotte dévastée", "la ville assiégée": the place a past participle describes is what befell it
                hit = [m for m in subj if m.label in ("place", "country")]
                places.extend((0, m, m.span.text) for m in hit)
                subj = [m for m in subj if m not in hit]
            if f.attrs.get("subject_is_venue"):
                # "le col X a accueilli le président", "the stadium hosted the summit": a site or a town that receives
                # someone is where they meet (a country or a body receiving acts)
                venue = [m for m in subj if m.label == "place"]
                places.extend((0, m, m.span.text) for m in venue)
                subj = [m for m in subj if m not in venue]
            parts.extend(subj)
            if f.attrs.get("subject_receives") and subj:
                f.attrs.setdefault("recipients", []).extend([m.span.start, m.span.end] for m in subj)
        else:
            parts.extend(self._noun_inherited(tok, f))
        for m in self._mentions_in(own):
            if m in parts:
                continue
            if m.span.start < tok.idx + len(tok.text) and tok.idx < m.span.end:
                # a name that swallowed the trigger ("Parti dimanche de X" taken for an organisation): the place it
                # ends with, when the article names that place on its own elsewhere
                tail = self._swallowed_place(m, tok)
                if tail is not None:
                    prep, same = tail
                    self._classify(f, same, prep, same.span.start, parts, places)
                    if places and places[-1][1] is same:
                        places[-1] = (places[-1][0], same, f"{prep} {same.span.text}" if prep[-1:] not in "'’" else prep + same.span.text)
                        f.attrs["place_from"] = "same name elsewhere in the article"
                continue
            prep, phrase_start, nested, under = self._preposition(m, tok, origin_of=f.type == "departure")
            self._classify(f, m, prep, phrase_start, parts, places, nested, under)
        if f.pos == "verb" and tok.dep_ == "acl:relcl" and any(c.lower_ in self.lex.clause_words("relative_place_words") for c in tok.children):
            # "le cosmodrome où il s'est entretenu avec X": the place is the noun the clause hangs on
            head = tok.head
            case = [c for c in head.children if c.dep_ == "case" and c.i < head.i]
            start = min(c.idx for c in case) if case else head.idx
            for m in self._mentions_in(self._core(head, with_nmod=True)):
                if m.label in PLACE_LABELS:
                    places.append((1, m, self.text[min(start, m.span.start):m.span.end]))
        where = self._relative_place(f)
        if where is not None:
            places.append((1, where, where.span.text))
        if f.pos == "noun" and tok.dep_ in DIRECT_OBJECT and tok.head.lemma_.lower() in self.lex.light_verbs:
            # "effectuer une visite en Russie": the place may hang on the light verb
            for m in self._mentions_in(self._own_tokens(tok.head)):
                if m in parts:
                    continue
                prep, phrase_start, _, _ = self._preposition(m, tok.head)
                if m.label in PLACE_LABELS and prep in self.lex.places["destination_prepositions"]:
                    places.append((3, m, self.text[phrase_start:m.span.end]))
        if (f.pos == "noun" and not places and tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")
                and tok.head.pos_ == "VERB" and tok.head.i not in self.trigger_ids and f.type in ("transfer", "travel")):
            # "les convois franchissent le terminal de X", "les camions sont entrés dans X": a shipment or a journey
            # is where the verb it is the subject of takes it (its direct object, or a place it goes into or to)
            for m in self._mentions_in(self._own_tokens(tok.head)):
                if m in parts or m.label not in ("place",) or self._inside(m, {t.i for t in tok.subtree}):
                    continue
                prep, phrase_start, nested, _ = self._preposition(m, tok.head)
                if not nested and (prep is None or prep in self.lex.places["destination_prepositions"]):
                    places.append((0, m, self.text[phrase_start:m.span.end]))
        parts.extend(self._between_pairs(parts))
        f.participants = self._split_pairs(self._drop_role_complements(_unique(parts)))
        # the dateline's place ("X, 4 mars (Agence) - ...", however the parser hung it) is where the dispatch was filed
        filed = self._dateline_end()
        places = self._named_places([p for p in places if not self._quoted_apart(p[1], tok) and p[1].span.end > filed])
        if places:
            # a site a dataset holds ("Rome's Ciampino airport", "l'aéroport de X") before the town it is at
            places.sort(key=lambda p: (p[0] - (p[0] == 0 and self._names_site(p[1])), p[1].span.start))
            f.place, f.place_phrase = places[0][1], places[0][2]
            if len(f.place_phrase) > len(f.place.span.text) + 30:
                f.place_phrase = f.place.span.text  # a long garbled phrase reads worse in a summary than the bare name

    def _between_pairs(self, parts: list[Mention]) -> list[Mention]:
        """"entre A et B" where the parser took B for the subject of what follows: the name right after "A et"."""
        out = []
        for m in parts:
            if not any(w in self.text[max(0, m.span.start - 12):m.span.start].lower() for w in self.lex.clause_words("pair_markers")):
                continue
            nxt = self._mentions_between(m.span.end, m.span.end + 20)
            for o in nxt:
                gap = self.text[m.span.end:o.span.start].strip().lower().split()
                if gap[:1] and gap[0] in self.lex.clause_words("pair_conjunctions") and len(gap) <= 2 and o.label in PARTICIPANT_LABELS and o not in parts:
                    out.append(o)
                break
        return out

    def _swallowed_place(self, m: Mention, tok: Any) -> tuple[str, Mention] | None:
        """For a name that starts with the trigger ("Parti dimanche soir de X"): its last preposition and a place
        mention elsewhere in the article with the name that follows it."""
        rest = self.text[tok.idx + len(tok.text):m.span.end]
        words = rest.replace("’", "'").replace("'", "' ").split()
        preps = self.lex.places["origin_prepositions"] | self.lex.places["destination_prepositions"]
        cut = max((i for i, w in enumerate(words) if w.lower() in preps), default=None)
        if cut is None or cut + 1 >= len(words):
            return None
        name = " ".join(words[cut + 1:])
        same = [o for o in self.mentions if o.span.text == name and o.label in PLACE_LABELS]
        if not same:
            return None
        return words[cut].lower(), min(same, key=lambda o: abs(o.span.start - m.span.start))

    def _split_pairs(self, ms: list[Mention]) -> list[Mention]:
        """"Poutine-Kim" as one recognised name is two participants when each half is named elsewhere in the article."""
        out: list[Mention] = []
        for m in ms:
            # "Poutine-Kim de Vostotchny" read as one name: the pair is its capitalised head
            words = m.span.text.split()
            head = " ".join(words[:next((i for i, w in enumerate(words) if i and not w[:1].isupper()), len(words))])
            halves = [h.strip() for h in head.split("-")] if head.count("-") == 1 else []
            found = []
            for h in halves:
                if not h[:1].isupper():
                    break
                # the person named by that half elsewhere, the nearest before it, else (a headline) the first after it
                same = [o for o in self.mentions if o is not m and o.label == "person" and h in o.span.text.replace("-", " ").split()
                        and not (m.span.start <= o.span.start < m.span.end)]
                if not same:
                    break
                before = [o for o in same if o.span.start < m.span.start]
                found.append(before[-1] if before else same[0])
            out.extend(found if halves and len(found) == len(halves) else [m])
        return _unique(out)

    def _classify(self, f: _Found, m: Mention, prep: str | None, phrase_start: int, parts: list[Mention],
                  places: list[tuple[int, Mention, str]], nested: bool = False, under: Any = None) -> None:
        dest = self.lex.places["destination_prepositions"]
        origin = self.lex.places["origin_prepositions"]
        phrase = self.text[phrase_start:m.span.end]
        before = self.text[max(0, phrase_start - 12):phrase_start].lower().split()
        heading = f.type == "departure" and prep in self.lex.clause_words("departure_heading") and phrase_start > f.token.idx  # "parti pour X"
        if not heading and (prep in self.source_markers or (before and before[-1] in self.source_markers)):
            return  # "selon Washington": who reports the event, not who takes part
        if f.attrs.get("subject_receives") and prep in self.lex.clause_words("supplier_prepositions"):
            if m.label in PARTICIPANT_LABELS or m.label == "place":
                parts.append(m)  # "acheter des obus à la Corée": who sells, not where
            return
        recipient = f.type == "transfer" and prep in self.lex.places["recipient_prepositions"]
        if recipient and (m.label in PARTICIPANT_LABELS or m.label == "place"):
            parts.append(m)  # "livrer des armes à la Russie": the receiving side, not a place
            f.attrs.setdefault("recipients", []).append([m.span.start, m.span.end])
            return
        if m.label in ("person", "organization"):
            if under is not None and under.lemma_.lower() in self.lex.places["place_heads"]:
                return  # "la visite d'une usine X", "l'université X": the name of a site, not someone taking part
            if under is not None and (under.lemma_.lower() in self.lex.relation_nouns or under.lower_ in self.lex.relation_nouns):
                return  # "X, père et prédécesseur de Y": Y is who X is related to, not who acts
            if prep is None or prep in self.lex.places["participant_prepositions"]:
                parts.append(m)
            return
        if m.label not in PLACE_LABELS or nested:
            return  # a place inside a measure ("à mille km de X") is not where the event is
        if self._compared_to(m):
            return  # "une surface plus vaste que l'État X": a yardstick
        if f.type == "invitation":
            return  # "invité à Pyongyang": where the invited visit would be, not where the invitation was made
        if under is not None and under.lemma_.lower() in self.lex.group_nouns and (prep is None or prep in self.lex.places["participant_prepositions"]):
            parts.append(m)  # "l'arrivée d'une délégation de X": X acts through the group that travels
            return
        rank = 2 if m.label == "country" else 0  # a city or a site before a country; then the first named
        if f.type == "departure":
            if prep in origin or (prep is None and f.attrs.get("object_is_origin")):
                places.append((rank, m, phrase))
            elif prep in self.lex.places.get("heading_prepositions", frozenset()) and "destination" not in f.attrs:
                # "parti pour la Russie": where the journey leads, kept apart from where it starts (the event's place)
                f.attrs["destination"] = [m.span.start, m.span.end]
                f.attrs["destination_phrase"] = phrase
            return
        if prep in dest:
            places.append((rank, m, phrase))
        elif f.type == "statement" and self._spoken_from(m, prep):
            places.append((rank, m, phrase))  # "a déclaré X depuis Y", "said from Y": one speaks from where one is
        elif prep is None and f.type in ("visit", "travel", "arrival") and f.pos == "verb":
            places.append((rank, m, phrase))  # "visiter la Corée", "rallier Moscou"
        elif prep is None and m.label == "place" and f.type in ("military_action", "other") and f.pos == "verb":
            places.append((rank, m, phrase))  # "bombarder le port de X", "struck a pier of the X bridge": the site hit
        elif (prep in self.lex.places.get("object_prepositions", ()) and f.pos == "noun" and m.label == "place"
              and f.type in ("military_action", "other") and self._names_a_site(m, under)):
            places.append((rank, m, phrase))  # "l'effondrement du pont X", "the bombing of the X embassy": the site hit
        elif prep in origin and f.pos == "noun" and f.type in ("meeting", "visit"):
            places.append((rank + 1, m, phrase))  # "la rencontre de Vostotchny"
        elif under is None and (prep in self.lex.clause_words("counterpart_prepositions") or (m.label == "country" and prep is None)):
            # a country acting ("un sommet entre la Russie et la Corée"); not one that only qualifies a noun
            # ("les chefs d'États X et Y": the heads of state meet)
            parts.append(m)  # "un sommet entre la Russie et la Corée": countries, even tagged as places, acting

    def _subject_mentions(self, tok: Any, f: _Found, depth: int = 0) -> list[Mention]:
        for c in tok.children:
            if c.dep_ in SUBJECT_DEPS:
                if c.dep_ == "expl:subj" and c.lower_ not in self.pronouns:
                    continue
                ms = self._resolve_argument(c, f)
                if ms:
                    return ms
        if depth < 3 and tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.i != tok.i:
            if "VerbForm=Inf" in str(tok.morph) and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.lex.object_control:
                # "X accuse Y de fournir", "X a invité Y à visiter": the object does what the infinitive says
                for c in tok.head.children:
                    if c.dep_ in ("obj", "iobj") and c.i < tok.i:
                        ms = self._resolve_argument(c, f) if c.pos_ != "PRON" or c.lower_ in self.pronouns else []
                        if ms:
                            return ms
            return self._subject_mentions(tok.head, f, depth + 1)
        if tok.dep_ == "acl" and tok.head.i != tok.i:
            return [m for m in self._mentions_in(self._core(tok.head)) if m.label in PARTICIPANT_LABELS]
        opening_participle = "VerbForm=Part" in str(tok.morph) and not any(c.dep_.startswith("aux") for c in tok.children)
        if (tok.dep_ == "ROOT" and opening_participle) or depth >= 3:
            # a participle opening the sentence ("Parti de X, Kim ...") has the main clause's subject; a verb with
            # its auxiliary ("s'est rendu") is a clause of its own, whatever spaCy made of its subject
            for c in tok.children:
                if c.dep_ in ("acl:relcl",) or c.pos_ == "VERB":
                    for g in c.children:
                        if g.dep_ in SUBJECT_DEPS and g.pos_ != "PRON":
                            ms = self._resolve_argument(g, f)
                            if ms:
                                return ms
        return []

    def _resolve_argument(self, c: Any, f: _Found) -> list[Mention]:
        if "PronType=Rel" in str(c.morph) and c.head.dep_ == "acl:relcl":
            c = c.head.head  # "Poutine, qui ..." -> the noun the relative clause hangs on
        elif c.pos_ == "PRON" and c.lower_ in self.pronouns:
            m = self._infer_person(c.idx, c)
            if m is not None:
                f.attrs["participants_from"] = "pronoun"
                return [m]
            return []
        # a capital or a country as subject acts for its government ("Pyongyang a démenti")
        ms = [m for m in self._mentions_in(self._core(c)) if m.label in PARTICIPANT_LABELS or m.label == "place"]
        if not ms and c.lemma_.lower() in self.lex.vehicle_nouns:
            ms = self._passengers(c)
            if ms:
                f.attrs["participants_from"] = "vehicle"
        return ms

    def _enacted_by_saying(self, f: _Found) -> bool:
        """Whether a trigger is a decision its speaker takes by announcing it: an infinitive of a sanction or a
        decision ("suspendre ses aides", "lever le couvre-feu") that a speech verb governs ("a annoncé suspendre")."""
        tok = f.token
        return (tok.dep_ == "xcomp" and "VerbForm=Inf" in str(tok.morph) and tok.head.pos_ in ("VERB", "AUX")
                and tok.head.lemma_.lower() in self.lex.status["speech_governors"]
                and (f.type == "sanction" or f.attrs.get("subtype") == "decision") and self._same_para(tok, tok.head))

    def _shares_head_time(self, tok: Any) -> bool:
        """Whether a verb is told with the verb it hangs on, in one stretch of time: a coordinated verb, or a
        participle adjunct with no conjunction of its own ("flew in on Thursday, declaring a day of mourning")."""
        if tok.head.i == tok.i or tok.head.pos_ not in ("VERB", "AUX") or not self._same_para(tok, tok.head):
            return False
        if tok.dep_ == "conj":
            return True
        return (tok.dep_ == "advcl" and not any(c.dep_ == "mark" for c in tok.children)
                and ("VerbForm=Part" in str(tok.morph) or "VerbForm=Ger" in str(tok.morph)))

    def _names_site(self, m: Mention) -> bool:
        """Whether a place mention names an airport, a port or a station by its category word."""
        heads = self.ctx.pack.names.site_heads
        return any(fold(w) in heads for w in m.span.text.split())

    def _organisation_place(self, f: _Found) -> tuple[Mention, bool] | None:
        """A mention the recogniser read as a body that may say where the cue happens, and whether it names the
        body's seat: after a preposition of place in the trigger's own phrase, a seat when the pack's
        `seat_prepositions` ("devant", "outside") or a statement's "depuis"/"from" say so; or opening the sentence
        before a comma ("À l'Assemblée, ...", "At the White House, ..."), a seat."""
        tok = f.token
        seat_words = self.lex.places.get("seat_prepositions", frozenset())
        dest = self.lex.places["destination_prepositions"]
        taken = {id(m) for m in f.participants}
        own = [m for m in self._mentions_in(self._own_tokens(tok)) if m.label == "organization" and id(m) not in taken
               and not (m.span.start <= tok.idx < m.span.end)]
        loose = None
        for m in own:
            prep, _, nested, _ = self._preposition(m, tok)
            if nested or self._quoted_apart(m, tok):
                continue
            prep = prep or self._word_before(m)
            if prep in seat_words or (f.type == "statement" and self._spoken_from(m, prep)):
                return m, True
            if prep in dest and loose is None:
                loose = m
        lo = max(min(tok.sent.start_char, self._punct_start(tok.idx)), self._para(tok.idx)[0])
        for m in self._mentions_between(lo, tok.idx):
            if m.label != "organization":
                continue  # (a participant too: "à" also introduces who takes part, and the parse may say so)
            head = self.text[lo:m.span.start].strip().replace("’", "'")
            words = head.lower().replace("'", "' ").split()
            if len(words) in (1, 2) and words[0] in dest and self.text[m.span.end:m.span.end + 1] == ",":
                return m, True  # "À l'Assemblée, ...": a fronted place of the whole sentence
        return (loose, False) if loose is not None else None

    def _area_antecedents(self, d: Mention) -> list[Mention]:
        """The places a description of an area may stand for ("le pays", "l'enclave", "the territory"), the latest
        first: those the article names before it as a place (after a preposition of place: "au Niger", "à Gaza",
        "from X"; not "la France a dit", nor "le président de la France"), of a label the class allows, whose name
        carries no class word of another kind ("le pont X" is no territory). Resolution knows which kind each is."""
        classes = [c for c in d.attrs.get("classes") or () if c in AREA_CLASSES]
        if not classes:
            return []
        labels = set().union(*(AREA_CLASSES[c] for c in classes))
        class_of = self.ctx.pack.names.description_class
        out: list[Mention] = []
        for a in reversed(self._mentions_between(0, d.span.start)):
            if len(out) >= AREA_CANDIDATES:
                break
            if a.span.end > d.span.start or a.label not in labels or a.kind in ("description", "epithet"):
                continue
            other = [cl for w in fold(a.span.text, hyphens=False).replace("'", " ").split() for cl in class_of.get(w, ())]
            if other and not set(other) & set(classes):
                continue  # "le pont X", "la place X": a site of another kind
            if self._in_name_of_someone(a) or not self._named_as_place(a):
                continue
            out.append(a)
        return out

    def _island_told(self, d: Mention) -> Mention | None:
        """The island an island's description ("l'île", "l'archipel", "the island") stands for: the place the article
        names most often before it (at least ISLAND_MENTIONS times, by its name, outside quoted words), its latest
        mention; the latest place named is as often a town on the island, which a description of the island is not."""
        counts: dict[str, list[Mention]] = {}
        for a in self._mentions_between(0, d.span.start):
            if (a.span.end > d.span.start or a.kind != "name" or a.label not in ("place", "country")
                    or self._in_quote(a.span.start) or self._in_name_of_someone(a)):
                continue
            counts.setdefault(fold(a.span.text, hyphens=False), []).append(a)
        if not counts:
            return None
        best = max(counts.values(), key=lambda ms: (len(ms), -ms[0].span.start))
        tied = [ms for ms in counts.values() if len(ms) == len(best)]
        if len(best) < ISLAND_MENTIONS or len(tied) > 1:
            return None
        return best[-1]

    def _named_as_place(self, m: Mention) -> bool:
        """Whether a mention is told as a place: after a preposition of place ("au Niger", "in Gaza", "de Gaza" after
        a verb), not as an actor ("la France a dit") nor as what a noun belongs to ("le président de la France")."""
        span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        i = span.start - 1
        while i >= 0 and self.doc[i].pos_ == "DET":
            i -= 1
        if i < 0:
            return False
        prep = self.doc[i]
        word = prep.lower_
        places = self.lex.places
        if word in places["destination_prepositions"] or word in self.lex.clause_words("near_words"):
            return prep.pos_ == "ADP" or prep.text[:1].isupper()  # "A Gaza," with the accent lost
        if word in places["origin_prepositions"] and prep.pos_ == "ADP":
            before = self.doc[i - 1] if i > 0 else None
            return before is None or before.pos_ not in ("NOUN", "PROPN", "PRON", "NUM")
        return False

    def _relative_place(self, f: _Found) -> Mention | None:
        """The place a relative adverb of place in the trigger's clause stands for, when it follows the place's name
        ("X, où il devait partager un repas", "vers X, d'où il s'est envolé"), however the parser hung the clause:
        "d'où" (from where) is where a departure, a launch or a strike starts; a bare "où" is where anything else
        happens."""
        verb = f.token
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            if f.pos == "noun" and verb.dep_ not in ARGUMENT_DEPS:
                return None  # "où il s'est entretenu …, au lendemain de son arrivée": a happening of its own
            verb = verb.head
        clause = [verb] + ([verb.head] if verb.dep_ == "xcomp" and verb.head.i != verb.i else [])
        words = self.lex.clause_words("relative_place_words")
        origin = self.lex.places["origin_prepositions"]
        for v in clause:
            for w in v.children:
                if w.lower_ not in words or w.i > f.token.i:
                    continue
                prev = self.doc[w.i - 1] if w.i > 0 else None
                from_where = prev is not None and prev.lower_ in origin  # "d'où", "from where"
                start = prev.idx if from_where else w.idx
                if from_where and f.type not in ("departure", "launch", "military_action"):
                    return None  # "d'où il a appelé": where the speaker came from, not where the call was
                if not from_where and f.type == "departure":
                    return None  # "X, où il est reparti": where the journey led
                before = [m for m in self._mentions_between(start - 120, start) if m.span.end <= start
                          and m.label in ("place", "country") and re.fullmatch(r"[\s,]*", self.text[m.span.end:start])]
                return before[-1] if before else None
        return None

    def _named_places(self, places: list[tuple[int, Mention, str]]) -> list[tuple[int, Mention, str]]:
        """A cue's places, each said by its most precise words: a description by the name it is given ("l'aéroport
        moscovite de X", "the headquarters of the X": X, at the description's rank, since a description stands
        for an entity only when the dossier can tell which); a place that qualifies another ("Baltimore's X
        Bridge") gives way to the one it qualifies."""
        out: list[tuple[int, Mention, str]] = []
        roots = {id(p[1]): self._root(p[1].span) for p in places}
        for rank, m, phrase in places:
            root = roots[id(m)]
            if root is None:
                out.append((rank, m, phrase))
                continue
            if m.kind == "description":
                # the name inside the description's own phrase, not across a clause ("l'aéroport, où X ...")
                inner = [t for t in root.subtree if t.i != root.i and not any(
                    a.pos_ in ("VERB", "AUX") for a in t.ancestors if a.i != root.i and root in a.ancestors)]
                names = [n for n in self._mentions_in(inner) if n.label == "place" and n.kind != "description"
                         and n.span.start > m.span.start]
                if names:
                    rank = rank - (rank == 0 and self._names_site(m))  # the site keeps its precedence over its town
                    lo = m.span.end - len(phrase)  # a phrase ends with its mention: "de l'aéroport"
                    out.append((rank, names[0], self.text[lo:names[0].span.end]))
                    continue
            head = root.head
            if head.i != root.i and root.dep_ in ("poss", "nmod:poss", "compound") and any(
                    o is not m and o.kind != "description" and o.span.start <= head.idx < o.span.end for _, o, _ in places):
                continue  # "Baltimore's X Bridge": the bridge, which is at Baltimore
            out.append((rank, m, phrase))
        return _unique_places(out)

    def _names_a_site(self, m: Mention, under: Any) -> bool:
        """Whether a place is named as a site by a noun of the pack's `place_heads`, in its own words ("le pont X")
        or as the noun it hangs on ("l'ambassade de X"): a thing that can be hit, not a capital that can act."""
        heads = self.lex.places["place_heads"]
        if under is not None:
            return under.lemma_.lower() in heads
        return any(w.lower() in heads for w in re.findall(r"\w+", m.span.text))

    def _possessive(self, m: Mention) -> bool:
        """Whether a mention is a possessive determiner of a noun ("China's embassy")."""
        root = self._root(m.span)
        return root is not None and root.dep_ in ("poss", "nmod:poss") and root.head.i != root.i

    def _spoken_from(self, m: Mention, prep: str | None) -> bool:
        """Whether a mention follows a preposition of speaking from somewhere ("depuis", "from"), its own or, when
        the parser hung the phrase on another word ("Y depuis le X" read as Y's), the word before it."""
        return (prep or self._word_before(m)) in self.lex.clause_words("speaking_from")

    def _word_before(self, m: Mention) -> str | None:
        """The preposition right before a mention (its articles aside), whatever word the parser hung it on."""
        span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        i = span.start - 1 if span is not None and len(span) else -1
        while i >= 0 and self.doc[i].pos_ == "DET":
            i -= 1
        return self.doc[i].lower_ if i >= 0 and self.doc[i].pos_ == "ADP" else None

    def _in_name_of_someone(self, m: Mention) -> bool:
        """Whether a place mention lies inside the mention of a person or a body ("le maire de X", "the governor of
        X"): it says whose role it is, and where it happens only when nothing else says."""
        return any(o is not m and o.label in ("person", "organization") and o.span.start <= m.span.start
                   and m.span.end <= o.span.end and (o.span.start, o.span.end) != (m.span.start, m.span.end)
                   for o in self._mentions_between(m.span.start - 200, m.span.start + 1))

    def _quoted_apart(self, m: Mention, tok: Any) -> bool:
        """Whether a mention lies inside quoted words that do not hold the trigger: what someone says ("« elle est
        en X », s'est réjoui Y"), not where the saying or anything else the trigger names happens."""
        return any(q.span.start <= m.span.start < q.span.end and not q.span.start <= tok.idx < q.span.end
                   for q in self.ctx.analysis.quotes)

    def _zone_of_clock(self, m: Mention) -> bool:
        """Whether a place names the time zone of a clock time given in brackets ("(6 h 30 à X)", "(7.30 in X)")."""
        before = self.text[max(0, m.span.start - 24):m.span.start]
        k = before.rfind("(")
        if k < 0 or ")" in before[k:]:
            return False
        inner = before[k + 1:].strip()
        words = clock.words(self.ctx.pack.code)
        for rx in words.clock:
            c = rx.match(inner)
            if c and re.fullmatch(r"\s*\w+", inner[c.end():]):
                return True  # the clock time, then one word (its preposition), then the place
        return False

    def _root(self, s: Span) -> Any | None:
        """The head token of the words a span covers, or None when no token lies there."""
        span = self.doc.char_span(s.start, s.end, alignment_mode="expand")
        return span.root if span is not None and len(span) > 0 else None

    def _inside(self, m: Mention, ids: set[int]) -> bool:
        """Whether a mention's words are among these tokens."""
        root = self._root(m.span) if ids else None
        return root is not None and root.i in ids

    def _other_clause(self, t: TimeExpr | Mention, tok: Any) -> bool:
        """Whether a time expression (or a mention) belongs to a clause that does not hold the word `tok`: a
        relative clause on another word, or a clause across a semicolon."""
        lo, hi = sorted((t.span.start, tok.idx))
        if ";" in self.text[lo:hi]:
            return True
        root = self._root(t.span)
        if root is None:
            return False
        holders = {a.i for a in tok.ancestors} | {tok.i}
        return any(_relative(a) and a.i not in holders for a in [root, *root.ancestors])

    def _modifies(self, t: TimeExpr, verb: Any) -> bool:
        """Whether a time expression hangs on the verb itself (directly, or through its preposition: "on Friday",
        "lundi"), or outside the verb's clause altogether, rather than inside one of the verb's arguments."""
        root = self._root(t.span)
        if root is None:
            return True
        if not any(a.i == verb.i for a in root.ancestors):
            return True
        head = root.head
        return head.i == verb.i or (head.pos_ == "ADP" and head.head.i == verb.i)

    def _vehicle_subject(self, tok: Any, words: str = "civil_vehicles") -> bool:
        """Whether a verb's subject is a civil vehicle (the pack's `civil_vehicles`: a warship or a jet striking is
        an attack): its noun ("the freighter"), or a name the text calls one ("the container ship Dali"); through a
        conjoined verb's subject ("Dali lost power and struck ..."). With `words`, another class of subjects (the
        pack's `civilian_crowds`: "protesters", "rioters")."""
        vehicles = self.lex.clause_words(words)
        subj = _subjects(tok, ("nsubj", "nsubj:pass"))
        for c in subj:
            # "hundreds of protesters", "des milliers de manifestants": the noun a quantity counts
            counted = [g for g in c.subtree if g.dep_ in ("nmod", "pobj") and (g.head.i == c.i or g.head.head.i == c.i)
                       and g.head.i - c.i <= 2 and (c.like_num or c.pos_ in ("NUM", "NOUN"))]
            if any(w.lemma_.lower() in vehicles for w in [c, *counted]):
                return True
            for m in self._mentions_in(self._core(c)):
                if any(cue in vehicles or cue.split()[-1] in vehicles for cue in m.attrs.get("cues", ())):
                    return True
        return False

    def _someone_subject(self, tok: Any) -> bool:
        """Whether a verb's subject is someone: a named person, body or country, a personal pronoun, or a noun for
        people."""
        for c in _subjects(tok):
            if c.pos_ == "PRON" and c.lower_ in self.pronouns:
                return True
            if self._person_noun(c):
                return True
            if any(m.label in PARTICIPANT_LABELS for m in self._mentions_in(self._core(c))):
                return True
        return False

    def _speaking_noun(self, tok: Any) -> bool:
        """Whether a verb's subject is someone the text does not name but sets apart, who can speak or publish: a
        determined noun of the pack's speakers, roles, bodies or documents ("les autorités", "le pilote", "le
        parquet", "le rapport"); through a conjoined verb's subject ("le pilote réclame un remorqueur, lance
        l'alerte")."""
        heads = self.ctx.pack.speech.speaker_heads | self.ctx.pack.speech.document_nouns
        if tok.dep_.startswith(("acl", "relcl")) or any(c.lower_ in self.lex.reflexive_pronouns and c.dep_ in REFLEXIVE_DEPS
                                                      for c in tok.children):
            return False  # "ce que disent les autorités" names what they say; "les tests se sont révélés" says nothing
        subj = _subjects(tok)
        return any(c.pos_ == "NOUN" and (c.lemma_.lower() in heads or c.lower_ in heads)
                   and any(d.dep_ == "det" for d in c.children) for c in subj)

    def _joint_subject(self, tok: Any) -> bool:
        """Whether a verb's subject is several parties acting together, the sign that agreeing or pledging is a
        settlement between them rather than one actor's opinion: coordinated names ("Kyiv and Warsaw agreed"), a
        count above one or a word of the pack's `joint_words` on the subject ("the two sides", "both leaders",
        "les deux pays"), or a party the verb names with a counterpart preposition ("X agreed with Y", "X est
        convenu avec Y"). Through a conjoined verb's subject, as for vehicles."""
        joint = self.lex.clause_words("joint_words")
        subj = _subjects(tok)
        for c in subj:
            if any(g.dep_ == "conj" for g in c.children):
                return True
            for w in [c, *(g for g in c.children if g.dep_ in ("nummod", "det", "predet", "amod", "quantmod"))]:
                if w.lower_ in joint or (w.text.isdigit() and int(w.text) > 1):
                    return True
        preps = self.lex.clause_words("counterpart_prepositions")
        for c in tok.children:
            # English hangs the party on its preposition ("with" -> pobj), French on the noun ("avec" is its case)
            objs = [g for g in c.children if g.dep_ == "pobj"] if c.lower_ in preps else (
                [c] if c.dep_ in ("obl", "obl:arg", "obl:mod") and any(g.dep_ == "case" and g.lower_ in preps for g in c.children) else [])
            if any(m.label in PARTICIPANT_LABELS for o in objs for m in self._mentions_in(self._core(o))):
                return True
        return False

    def _passengers(self, vehicle: Any) -> list[Mention]:
        """Who travels in a vehicle that is the subject ("le train a quitté X"): the person its own phrase names
        ("le train de X", "un avion transportant X"), the owner of "son train", or the person an earlier mention of
        the same vehicle names in this article."""
        def named(tok: Any) -> list[Mention]:
            near = [t for t in tok.subtree if t.sent == tok.sent and 0 <= t.i - tok.i <= 12]
            return [m for m in self._mentions_in(near) if m.label == "person"]
        own = named(vehicle)
        if own:
            return own
        if any(c.dep_ == "det" and "Poss=Yes" in str(c.morph) for c in vehicle.children):
            m = self._infer_person(vehicle.idx)
            return [m] if m is not None else []
        lemma = vehicle.lemma_.lower()
        for i in range(vehicle.i - 1, max(-1, vehicle.i - 600), -1):
            t = self.doc[i]
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN":
                earlier = named(t)
                if earlier:
                    return earlier
        return []

    def _noun_inherited(self, tok: Any, f: _Found) -> list[Mention]:
        """Participants a noun trigger gets from its context: a light verb's subject or a possessive ("sa visite")."""
        out: list[Mention] = []
        head = tok.head
        light = tok.dep_ in DIRECT_OBJECT and head.lemma_.lower() in self.lex.light_verbs
        purpose = tok.dep_.startswith("obl") and any(c.dep_ == "case" and c.lower_ in self.lex.words("purpose_markers") for c in tok.children)
        poss = any(c.dep_ == "det" and "Poss=Yes" in str(c.morph) for c in tok.children)
        if (light or purpose or poss) and head.pos_ in ("VERB", "AUX") and self._same_para(tok, head):
            out.extend(self._subject_mentions(head, f))
            if out:
                f.attrs["participants_from"] = "light_verb" if light else "purpose" if purpose else "possessive"
        # "leur offensive": a plural possessor ("les Russes") is no one person
        plural_owner = any(c.dep_ == "det" and "Poss=Yes" in str(c.morph) and c.lower_ in self.lex.clause_words("plural_possessives") for c in tok.children)
        if not out and poss and not plural_owner:
            out.extend(self._controller(head))
            if out:
                f.attrs["participants_from"] = "possessive"
        if not out and poss and not plural_owner:
            m = self._infer_person(tok.idx)
            if m is not None:
                out.append(m)
                f.attrs["participants_from"] = "possessive"
        return out

    def _controller(self, verb: Any) -> list[Mention]:
        """Who an infinitive's unexpressed subject is ("il permet à X d'inscrire son périple", "ils soupçonnent X de
        vouloir ... soutenir son offensive"): the object of the first finite verb above it, else nobody."""
        cur = verb
        for _ in range(4):
            if cur.pos_ != "VERB" or "VerbForm=Inf" not in str(cur.morph) or cur.head.i == cur.i or not self._same_para(cur, cur.head):
                break
            cur = cur.head
        if cur is verb or cur.pos_ not in ("VERB", "AUX"):
            return []
        for c in cur.children:
            if c.dep_ in ("obj", "iobj", "obl:arg") and c.i < verb.i:
                ms = [m for m in self._mentions_in(self._core(c)) if m.label in PARTICIPANT_LABELS or m.label == "place"]
                if ms:
                    return ms
        return []

    def _infer_person(self, offset: int, pronoun: Any = None) -> Mention | None:
        """Who a 3rd-person pronoun most likely names, among mentions of agreeing gender: a person in this or the
        previous sentence (a subject first), else a person subject up to four sentences back, else a country or
        organisation that was a subject nearby ("La Corée exporte... Elle en a vendu"), else the last person named."""
        s = max(0, bisect.bisect_right(self.sent_starts, offset) - 1)
        want = _gender(pronoun) if pronoun is not None else None
        close = self.sent_starts[max(0, s - 1)]
        # spaCy splits sentences inside a badly parsed one ("Le président kényan | X | a quitté ..."): the previous
        # sentence as the punctuation says is "close" too
        own = self._punct_start(offset)
        close = min(close, self._punct_start(max(0, own - 2)))
        near = self.sent_starts[max(0, s - 2)]
        far = self.sent_starts[max(0, s - 4)]
        close_subject = close_person = far_subject = other = last = weak = None
        # inside a quotation, "il" is never the person quoted ("« ... il atterrit en X », a déclaré Y")
        speakers = {q.speaker_span.text.split()[-1] for q in self.quotes
                    if q.speaker_span is not None and q.speaker_span.text and q.span.start <= offset < q.span.end}
        for m in self._mentions_between(far, offset):
            if (m.label not in PARTICIPANT_LABELS and m.label != "place") or m.kind != "name":
                continue
            if m.label == "person" and speakers and m.span.text.split()[-1] in speakers:
                continue
            if m.label == "person" and m.span.start < self.sent_starts[s] and any(
                    q.speaker_span is not None and q.speaker_span.start <= m.span.start < q.speaker_span.end
                    and q.speaker_span.start >= q.span.end for q in self.quotes):
                # who was quoted in an incise after the quote ("..., a indiqué X.") reported; the next sentence's "son" or
                # "il" is rarely them (a speaker who opens the sentence, "X décrit : « … ». Il …", is its subject)
                last = last or m
                continue
            span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            if want and root is not None and _gender(root) and _gender(root) != want:
                continue
            if want == "Fem" and m.label == "person" and (root is None or _gender(root) != "Fem"):
                # "elle" is far more often a country or an organisation than a person whose gender nothing shows
                weak = m
                continue
            while root is not None and root.dep_ in ("appos", "flat:name", "conj") and root.head.i != root.i:
                root = root.head
            is_subject = root is not None and root.dep_ in SUBJECT_DEPS or self._opens_sentence(m)
            if m.label == "person":
                last = m
                if m.span.start >= close:
                    close_person = m
                    if is_subject:
                        close_subject = m
                elif is_subject:
                    far_subject = m
            elif is_subject and m.span.start >= near:
                other = m
        return close_subject or close_person or far_subject or other or last or weak

    def _drop_role_complements(self, parts: list[Mention]) -> list[Mention]:
        """"le secrétaire général de l'ONU", "le porte-parole du Kremlin": the organisation only qualifies the role;
        the person holding it takes part, not the organisation."""
        titles = [m.span for m in self.mentions if m.kind == "epithet"]
        return [m for m in parts if m.kind == "epithet" or m.label == "person"
                or not any(t.start < m.span.start and m.span.end <= t.end for t in titles)]

    def _punct_start(self, pos: int) -> int:
        """Where the sentence holding `pos` starts, by punctuation and line breaks only."""
        cut = max(self.text.rfind(". ", 0, pos), self.text.rfind("! ", 0, pos), self.text.rfind("? ", 0, pos),
                  self.text.rfind("\n", 0, pos))
        return cut + 1 if cut >= 0 else 0

    def _opens_sentence(self, m: Mention) -> bool:
        """A name that opens its sentence after at most an article ("La Suède est...") is its subject, whatever the
        parse (spaCy's sentences and parses go astray around paragraph breaks)."""
        lo = self._para(m.span.start)[0]
        before = self.text[lo:m.span.start]
        cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
        head = before[cut + 1:] if cut >= 0 else before
        if head.strip().lower() in self.lex.clause_words("sentence_openers") | {""}:
            return True
        # "Le président kényan X a quitté ...": a title apposed to the name opens the sentence for it
        start = m.span.start - len(head) + (len(head) - len(head.lstrip()))
        return any(e.kind == "epithet" and e.span.start == start and 0 <= m.span.start - e.span.end <= 1
                   for e in self._mentions_between(start, m.span.start))

    def _left_context_mentions(self, tok: Any) -> list[Mention]:
        """When the parse gives no subject, the names just before the verb, back to a clause boundary."""
        # not bounded by spaCy's sentence: it sometimes splits inside a name ("Kim Jong | Un se sont rencontrés")
        para = self.doc.char_span(self._para(tok.idx)[0], tok.idx + len(tok.text), alignment_mode="expand")
        start = max(para.start if para is not None else tok.sent.start, tok.i - 30)
        i = tok.i - 1
        while i >= start:
            t = self.doc[i]
            if t.text in BOUNDARY or t.text in (".", "!", "?") or (t.pos_ == "VERB" and t.dep_ not in ("aux", "aux:tense", "aux:pass")) or t.dep_ == "mark":
                break
            i -= 1
        lo = self.doc[i + 1].idx if i + 1 <= tok.i else tok.idx
        return [m for m in self._mentions_between(lo, tok.idx) if m.label in PARTICIPANT_LABELS]

    def _right_context_mentions(self, tok: Any) -> list[Mention]:
        """For a clause-initial participle ("Parti de X, Kim ..."), the first name after the comma."""
        _, pend = self._para(tok.idx)
        end = min(tok.sent.end_char, pend)
        comma = self.text.find(",", tok.idx, end)
        if comma < 0:
            return []
        for m in self._mentions_between(comma, end):
            if m.label in PARTICIPANT_LABELS:
                return [m]
        return []

    def _own_tokens(self, tok: Any) -> list[Any]:
        """The trigger's subtree minus nested clauses and other triggers (they describe other events), in its paragraph."""
        lo, hi = self._para(tok.idx)
        out: list[Any] = []
        stack = [tok]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if not lo <= c.idx < hi:
                    continue
                if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"):
                    continue
                if c.pos_ == "VERB" and ("VerbForm=Inf" in str(c.morph) or "VerbForm=Fin" in str(c.morph)):
                    continue  # "afin de renforcer les liens entre X et Y": an infinitive or finite verb opens its own clause
                if c.dep_ in SUBJECT_DEPS and t.i == tok.i:
                    continue  # subjects are handled (and resolved) apart
                if c.i in self.trigger_ids:
                    continue
                stack.append(c)
        return out

    def _core(self, tok: Any, with_nmod: bool = False) -> list[Any]:
        """A noun phrase's naming tokens: itself, its flat names, appositions and coordinated nouns."""
        out: list[Any] = []
        stack = [tok]
        keep = {"flat:name", "flat", "appos", "fixed", "compound", "conj", "nmod"} if with_nmod else {"flat:name", "flat", "appos", "fixed", "compound", "conj"}
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ in keep)
        return out

    def _mentions_in(self, tokens: list[Any]) -> list[Mention]:
        spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
        if not spans:
            return []
        out = []
        lo = min(s for s, _ in spans)
        hi = max(e for _, e in spans)
        for m in self._mentions_between(lo - 200, hi):
            if any(m.span.start < e and s < m.span.end for s, e in spans):
                out.append(m)
        return _unique(out)

    def _mentions_between(self, lo: int, hi: int) -> list[Mention]:
        i = bisect.bisect_left(self.mention_starts, max(0, lo))
        out = []
        while i < len(self.mentions) and self.mentions[i].span.start < hi:
            out.append(self.mentions[i])
            i += 1
        return out

    def _preposition(self, m: Mention, trigger: Any, origin_of: bool = False) -> tuple[str | None, int, bool, Any]:
        """The preposition of the argument that holds a mention ("au cosmodrome de X" -> "au"), where that phrase
        starts, whether the mention sits in a measure ("à mille kilomètres de X": X is not where it happens), and
        the common noun it hangs on when it does not head its argument ("l'usine X", "les chefs d'États X")."""
        span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None, m.span.start, False, None
        # a name the parser split into pieces hung on different words ("l'aéroport de Tarbes-Lourdes-Pyrénées", its
        # hyphens taken for objects of the verb): the argument is read from its first word hung outside it
        outside = [t for t in span if not (span.start <= t.head.i < span.end) and not t.is_punct]
        root = outside[0] if len(outside) > 1 else span.root
        head = root.head
        if (head.i == span.start - 1 and head.pos_ in ("NOUN", "PROPN", "X") and head.text[:1].isupper()
                and head.lower_ in self.lex.places["destination_prepositions"]):
            # a sentence's first word, a preposition the tagger took for a name or a noun ("A Kiev, ...", an
            # unaccented capital): it is still the mention's preposition
            return head.lower_, head.idx, False, None
        cur = root
        measured = False
        under = None
        own_case = None
        measures = self.lex.places["measure_nouns"]
        for _ in range(8):
            if cur.i != root.i and (cur.lemma_.lower() in measures or any(c.dep_ == "nummod" for c in cur.children)):
                measured = True
            if cur.i != root.i and under is None and cur.pos_ == "NOUN" and not self._mentions_in([cur]):
                under = cur
            case = [c for c in cur.children if c.dep_ == "case" and c.i < cur.i]
            if case:
                first = min(case, key=lambda c: c.i)
                own_case = own_case or first
                origin = first.lower_ in self.lex.places["origin_prepositions"]
                # "au cosmodrome de X", "sur la base de lancement du X": X's "de" ties it to a noun of the argument;
                # the argument's own preposition says what X is to the event
                if not origin or cur.head.i == trigger.i or cur.head.i == cur.i:
                    return first.lower_, min(first.idx, m.span.start), measured, under
                if self._time_word(cur.head):
                    # "Parti dimanche soir de X": the parser hangs "de X" on the day, it belongs to the verb
                    return first.lower_, min(first.idx, m.span.start), measured, under
            if cur.head.i == trigger.i or cur.head.i == cur.i:
                break
            cur = cur.head
        prev = self.doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.pos_ == "ADP" and cur.i == root.i:
            return prev.lower_, prev.idx, measured, under
        if (origin_of and cur.i != root.i and cur.pos_ == "ADP" and cur.dep_ == "prep" and cur.head.i == trigger.i
                and cur.lower_ in self.lex.places["origin_prepositions"]):
            # English hangs the argument on its preposition ("departed from X": from -> pobj X): where a departure
            # starts (`origin_of`; the other prepositions are read by the role the parse gives the argument)
            return cur.lower_, min(cur.idx, m.span.start), measured, under
        start = m.span.start
        if m.span.text[:1].islower() and own_case is not None and own_case.i == span.start - 1:
            start = own_case.idx  # "du cosmodrome de X": a summary needs the article a common noun carries
        elif m.span.text[:1].islower() and prev is not None and prev.dep_ == "det" and prev.head.i == root.i:
            start = prev.idx
        return None, start, measured, under

    def _time_word(self, tok: Any) -> bool:
        """A day, month or part of the day, or a word inside a time expression."""
        if tok.lower_ in self.lex.time_nouns or tok.lemma_.lower() in self.lex.time_nouns:
            return True
        return any(s <= tok.idx < e for s, e in self.time_spans)

    # -- status ----------------------------------------------------------------------------------

    def _status(self, f: _Found) -> tuple[str, str]:
        tok = f.token
        st = self.lex.status
        if f.pos == "noun":
            occurs = set(st.get("occurrence_verbs", ()))
            # the relative clause may hang on the noun's complement ("une réunion entre leurs dirigeants qui aurait lieu")
            # (the parser may hang the complement on the verb): a relative clause right after the noun phrase
            rels = [t for t in self.doc[tok.i + 1:min(len(self.doc), tok.i + 10)]
                    if t.dep_ == "acl:relcl" and tok.i <= t.head.i < t.i
                    and not any(x.pos_ in ("VERB", "AUX") or x.text in BOUNDARY for x in self.doc[tok.i + 1:t.head.i + 1])]
            for c in rels:
                lemma = c.lemma_.lower()
                if c.dep_ == "acl:relcl" and (lemma in occurs or any(f"{lemma} {o.lemma_.lower()}" in occurs for o in c.children if o.dep_ in DIRECT_OBJECT)):
                    # "une réunion qui aurait lieu ce mois-ci": the clause that says when it takes place says whether
                    said, reason = self._clause_status(c, f, level=0, via="")
                    if said != "happened":
                        return said, f"relative clause: {reason}"
            for c in tok.children:
                low = c.lemma_.lower()
                if c.dep_ == "det" and (low in self.neg_det or c.lower_ in self.neg_det):
                    return "denied", f"determiner {c.text}"
                if c.dep_ == "det" and c.lower_ in st["hypothetical_determiners"]:
                    return "possible", f"determiner {c.text}"  # "toute vente d'armes": any sale, none in particular
                if c.dep_ in ("amod", "nmod") and low in st["possible_adjectives"]:
                    return "possible", f"adjective {c.text}"
                if c.dep_ == "amod" and low in st["planned_adjectives"]:
                    return "planned", f"adjective {c.text}"
                if c.dep_ == "case" and c.lower_ in st["purpose_markers"] and tok.dep_.startswith("obl"):
                    return "planned", f"purpose {c.text}"
            if tok.dep_ in ("nsubj", "nsubj:pass"):
                # a subject is presupposed ("la rencontre pourrait porter sur..."): only a predicate like "possible" qualifies it
                low = tok.head.lemma_.lower()
                # the predicate as written, its agreement dropped ("la cérémonie est prévue": "prévu")
                said = {low, tok.head.lower_, tok.head.lower_.rstrip("s").rstrip("e")}
                if said & set(st["possible_adjectives"]):
                    return "possible", f"predicate {tok.head.text}"
                if said & set(st["planned_adjectives"]):
                    return "planned", f"predicate {tok.head.text}"
                return "unknown", "subject"
            # climb to the verb the noun depends on ("pourrait déboucher sur un accord")
            cur = tok
            for _ in range(4):
                if cur.dep_ not in NOMINAL_UP or cur.head.i == cur.i or not self._same_para(cur, cur.head):
                    break
                if cur.dep_ == "conj" and cur.head.pos_ not in ("NOUN", "PROPN"):
                    break
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX"):
                    break
                low = cur.lemma_.lower()
                if low in st["denial_governors"]:
                    return "denied", f"governed by {cur.text}"
                if any(c.dep_ == "amod" and c.lemma_.lower() in st["possible_adjectives"] for c in cur.children):
                    return "possible", f"adjective on {cur.text}"
            if cur.pos_ not in ("VERB", "AUX"):
                return "unknown", "no verb"
            return self._clause_status(cur, f, level=1, via="noun")
        if f.attrs.get("lexical_status"):
            said, reason = self._clause_status(tok, f, level=0, via="")
            # what the verb itself says ("est attendu": expected) unless the clause denies or doubts it
            return (said, reason) if said in ("denied", "possible") else (f.attrs["lexical_status"], f"expected {tok.text}")
        return self._clause_status(tok, f, level=0, via="")

    def _place_argument(self, tok: Any, deps: tuple[str, ...] | None = None) -> bool:
        """Whether a verb has an argument naming a place ("attendu à Y", "expected in Y", "sur l'île"): any but its
        subject, or only those of `deps`."""
        for c in tok.children:
            if (c.dep_ in deps) if deps is not None else (c.dep_ not in SUBJECT_DEPS and c.dep_ not in ("nsubj:pass", "nsubjpass", "punct")):
                if any(m.label in PLACE_LABELS for m in self._mentions_in(list(c.subtree))):
                    return True
        return False

    def _clause_status(self, tok: Any, f: _Found, level: int, via: str) -> tuple[str, str]:
        st = self.lex.status
        cur = tok
        prev = None  # the clause climbed from
        for depth in range(6):
            lemma = cur.lemma_.lower()
            gov = level + depth > 0 and not (via == "noun" and depth == 0)
            auxes = [c for c in cur.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
            morph = [str(cur.morph)] + [str(a.morph) for a in auxes]
            negated = self.grammar.negated(cur)
            if depth == 0:
                f.attrs["tense"] = self.grammar.verb_tense(cur, auxes)
            if negated:
                if (depth == 0 and via == "noun" and f.token.head.i == cur.i and f.token.dep_ not in DIRECT_OBJECT
                        and lemma not in self.lex.light_verbs and lemma not in st.get("outcome_governors", ())):
                    # "il n'a pas été interrogé sur le déplacement de X": the negation is about the question, the trip
                    # itself is taken for granted; a negated light verb, object or outcome denies it ("n'a pas fait de
                    # visite", "n'a pas abouti à un accord")
                    return "unknown", f"presupposed under negated {cur.text}"
                if depth == 0 or via == "xcomp":
                    return "denied", f"negation on {cur.text}"
                return "possible", f"negated governor {cur.text}"
            if gov and lemma in st["denial_governors"]:
                return "denied", f"governed by {cur.text}"
            if gov and lemma in st["planned_governors"]:
                if prev is not None and ((via == "ccomp" and _is_past(prev)) or (via == "xcomp" and _perfect(prev))):
                    # "annonce que X a accepté", "a annoncé avoir libéré", "announced that the talks had ended": a
                    # past told, not a plan
                    return "happened", f"past under {cur.text}"
                return "planned", f"governed by {cur.text}"
            if gov and lemma == st["possible_modal"]:
                if any("Tense=Past" in m or "Tense=Imp" in m for m in morph[1:]) and not self.grammar.conditional_form(cur, auxes):
                    return "happened", f"past {cur.text}"
                return "possible", f"modal {cur.text}"
            if gov and lemma in st["possible_governors"]:
                return "possible", f"governed by {cur.text}"
            if self.grammar.conditional_form(cur, auxes):
                head = cur.head
                # "il a dit qu'il viendrait" is a future seen from the past; "il aurait quitté" is a hedge
                if (cur.dep_ == "ccomp" and head.lemma_.lower() in st["speech_governors"] and _is_past(head)
                        and self.grammar.conditional_form(cur, [])):
                    return "planned", f"future in the past {cur.text}"
                return "possible", f"conditional {cur.text}"
            if any("Tense=Fut" in m for m in morph) or self.grammar.future_form(cur, auxes):
                return "planned", f"future {cur.text}"
            if any("Mood=Sub" in m for m in morph):
                return "possible", f"subjunctive {cur.text}"
            for c in cur.children:
                if c.dep_ == "advmod" and (c.lemma_.lower() in st["hedge_adverbs"] or c.lower_ in st["hedge_adverbs"]):
                    return "possible", f"hedge {c.text}"
                if c.dep_ in ("mark", "case") and c.lower_ in st["purpose_markers"] and cur.dep_ in ("advcl", "acl", "xcomp"):
                    return "planned", f"purpose {c.text}"
            if (cur.dep_ in CLIMB and _is_past(cur)
                    and any(c.dep_ in ("mark", "case") and c.lower_ in self.presupposing for c in cur.children)):
                # "decided to evacuate after protesters attacked the embassy": a past clause told as what came before
                # (or as the cause) is taken for granted, whatever governs the sentence's main verb
                return "happened", f"presupposed {cur.text}"
            if cur.dep_ in CLIMB and cur.head.i != cur.i and self._same_para(cur, cur.head):
                via = cur.dep_
                prev = cur
                cur = cur.head
                # a participle on a noun ("des obus vendus à X"): the noun's own clause decides
                for _ in range(4):
                    if cur.pos_ in ("VERB", "AUX") or cur.dep_ not in NOMINAL_UP or cur.head.i == cur.i \
                            or not self._same_para(cur, cur.head):
                        break
                    cur = cur.head
                    via = "noun"
                if cur.pos_ not in ("VERB", "AUX"):
                    break
                continue
            break
        return "happened", "asserted"

    # -- time and the record ---------------------------------------------------------------------

    def _time(self, f: _Found) -> TimeExpr | None:
        tok = f.token
        sent = tok.sent
        plo, phi = self._para(tok.idx)
        # a paragraph bounds it too: a photo caption's date after the sentence is not the sentence's
        cands = [t for t in self.readable if sent.start_char <= t.span.start < sent.end_char and plo <= t.span.start < phi]
        stop = self._dateline_end()
        if stop:
            cands = [t for t in cands if t.span.start >= stop]  # the dateline's date is the dispatch's, not the event's
        if f.pos == "verb":
            # "declared a day of mourning for Dec. 23": the date is the mourning's, not the declaring's
            cands = [t for t in cands if not t.attrs.get("target")]
        if f.type in MOMENT_TYPES:
            # "son troisième voyage depuis le 7 octobre", "the strongest since 1934": a period open since a day counts
            # what came after it; a saying, an arrival or a departure happens at one moment, not since then
            cands = [t for t in cands if not (t.value or "").endswith("/..")]
        if f.pos == "noun":
            # "la visite de X à Y en juillet annonçait une rencontre": a time inside another event noun's phrase is
            # that event's, not one of a noun elsewhere in the sentence
            claimed = self._other_event_spans(tok)
            cands = [t for t in cands if not any(a <= t.span.start < b for a, b in claimed)]
        if not cands:
            return None
        anchors = {tok.idx}
        if f.pos == "noun" and tok.dep_ in DIRECT_OBJECT and tok.head.lemma_.lower() in self.lex.light_verbs:
            anchors.add(tok.head.idx)
        own = self._own_tokens(tok)
        own_spans = [(t.idx, t.idx + len(t.text)) for t in own]
        if f.pos == "noun" and tok.dep_ in DIRECT_OBJECT and tok.head.lemma_.lower() in self.lex.light_verbs:
            own_spans += [(t.idx, t.idx + len(t.text)) for t in self._own_tokens(tok.head)]
        anchored = [t for t in cands if t.anchor in anchors]
        if f.pos == "verb" and anchored:
            # "arrived on the anniversary of the bombing of X on May 7, 1999": the times component ties a time to
            # the verb above its phrase, but a time inside the phrase of an event noun the verb governs is that noun's
            claimed = [(u.idx, u.idx + len(u.text)) for i in self.trigger_ids if self.doc[i].pos_ in ("NOUN", "PROPN")
                       and tok in self.doc[i].ancestors for u in self._own_tokens(self.doc[i])]
            anchored = [t for t in anchored if not any(s <= t.span.start < e for s, e in claimed)]
        # an expression inside the trigger's own phrase ("la visite de X en octobre") belongs to it, unless the
        # times component tied it to another event's word (one the trigger's phrase hangs on does not count: the
        # component ties a time to the verb above a noun's phrase)
        others = {self.doc[i].idx for i in self.trigger_ids} - anchors
        above = {a.idx for a in tok.ancestors} if f.pos == "noun" else set()
        inside = [t for t in cands if (t.anchor not in others or t.anchor in above)
                  and any(s <= t.span.start < e for s, e in own_spans)]
        if f.pos == "noun" and own_spans:
            # "la première rencontre de X avec Y en 2019": a date right after the noun's phrase, however parsed
            end = max(e for _, e in own_spans)
            # (a date set for, "un référendum pour le 23 décembre", is the noun's even when the parse hangs it on the verb)
            inside += [t for t in cands if (t.anchor not in others or t.attrs.get("target")) and t not in inside
                       and end <= t.span.start
                       and self.text[end:t.span.start].strip().lower() in self.lex.clause_words("date_glue") | {""} | self.set_for]
        pool = anchored or inside
        if not pool and f.pos == "noun" and tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX"):
            # "le 10 août, un nouveau sommet a ordonné ...": an event that does something was going on when it did
            # (the active verb's time, even when that verb is a trigger of its own)
            acted = [t for t in cands if t.anchor == tok.head.idx and not t.attrs.get("target") and not self._other_clause(t, tok)]
            if acted:
                f.attrs["time_from"] = "its verb"
                pool = acted
        if not pool and f.pos == "verb" and tok.dep_ == "amod":
            # "the demolition of a collapsed span followed on 13 May": a participle describing a noun names a state
            # the clause finds, not a happening it dates; only a time of its own words would date it
            f.attrs["attributive"] = True
            return None
        if f.pos == "noun" and any(t.attrs.get("target") for t in pool):
            pool = [t for t in pool if t.attrs.get("target")]  # "a annoncé jeudi un référendum pour le 23 décembre"
        if not pool:
            # the sentence's own expression, when no other event's word holds it ("Lundi, devant des militaires, X
            # avait reconnu ..."): what the clause says happened then
            # nor a time of another clause: a relative clause on some other word ("the Games, which run from
            # July 26"), or across a semicolon, which joins sentences
            free = [t for t in cands if t.anchor not in others and not self._other_clause(t, tok)]
            if not free and f.pos == "verb" and self._shares_head_time(tok):
                # "flew into X on Thursday, declaring ...", "arrived on Monday and met ...": the verb it is told
                # with gives its time
                free = [t for t in cands if t.anchor == tok.head.idx and not t.attrs.get("target")]
            if not free and f.pos == "verb" and self._enacted_by_saying(f):
                # "a annoncé samedi suspendre ses aides": a decision takes effect as it is announced, on that day
                free = [t for t in cands if t.anchor == tok.head.idx and not t.attrs.get("target")]
                if free:
                    f.attrs["time_from"] = "its announcement"
            if (not free and f.pos == "verb" and tok.dep_ in ("acl", "appos") and "VerbForm=Part" in str(tok.morph)
                    and tok.head.dep_ == "nsubj" and tok.head.head.pos_ in ("VERB", "AUX") and self._same_para(tok, tok.head.head)):
                # "L'avion, parti de X, s'est écrasé mercredi": a participle set on the subject tells of its subject
                # on the day of the clause it stands in
                free = [t for t in cands if t.anchor == tok.head.head.idx and not t.attrs.get("target")
                        and not self._other_clause(t, tok.head.head)]
                if free:
                    f.attrs["time_from"] = "the clause it describes"
            if f.type == "statement" and f.pos == "verb":
                # what is said has its own times ("saying 340 trucks had entered since Friday"): not when it was said
                said = [(sub.idx, sub.idx + len(sub.text)) for c in tok.children if c.dep_.split(":")[0] in CONTENT_DEPS
                        for sub in c.subtree]
                free = [t for t in free if not any(a <= t.span.start < b for a, b in said)]
            if f.pos == "verb":
                # nor is a time inside one of the verb's arguments when it happened ("thanked X for measures
                # opened in January", "a inauguré une usine ouverte en 2019")
                free = [t for t in free if self._modifies(t, tok)]
            if not free and f.pos == "verb":
                # "lost power and struck a pier at 1:29 a.m. on 26 March": a time closing a coordination of verbs
                # tells when they all happened (one written before the later verb, "and on Tuesday met", is its own)
                later = [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and self._same_para(tok, c)]
                free = [t for t in cands for c in later if t.anchor == c.idx and t.span.start > c.idx
                        and not t.attrs.get("target") and not self._other_clause(t, c)]
            if not free:
                return None
            f.attrs.setdefault("time_from", "sentence")
            pool = free
        rank = {"day": 0, "month": 1, "year": 2, "decade": 3}
        return min(pool, key=lambda t: (abs(t.span.start - tok.idx), rank.get(t.precision or "", 9)))

    def _cue(self, f: _Found) -> EventCue | None:
        tok = f.token
        if f.pos == "verb" and self._capability(tok):
            return None  # "des missiles conçus pour cibler X", "capable of striking X": what a thing can do, no happening
        if f.attrs.get("needs_participant") and not f.participants:
            if not self._speaking_noun(tok):
                return None  # a statement is someone's: "il a été dit" is no event on a timeline
            f.attrs["unnamed_speaker"] = True  # "les autorités régionales ont fait savoir", "a annoncé le parquet"
        time = self._time(f)
        if time is None:
            time = self._told_in_present(f)
        if time is not None and not time.value:
            # a time the dossier reads once it infers the article's day: the cue's time then, by these same rules
            f.attrs["pending_time"] = [time.span.start, time.span.end]
        elif time is None and self.reads_later:
            f.attrs["pending_time"] = None  # analysis chose: no unread time is the cue's (resolution adds none)
        if f.place is None and f.type != "invitation":
            self._anaphoric_place(f)
        if f.place is None and f.type == "departure":
            self._leavers_place(f)
        if f.place is None and f.type not in self.placeless:
            self._sentence_place(f)
        if f.place is not None and f.place.kind == "description" and ISLAND_CLASSES & set(f.place.attrs.get("classes") or ()):
            told = self._island_told(f.place)
            if told is not None:
                f.place, f.place_phrase = told, f.place_phrase or told.span.text
                f.attrs["place_from"] = "island of the article"
        if f.place is not None and f.place.kind == "description" and (
                f.attrs.get("place_from") is None or self._named_as_place(f.place)):
            antes = self._area_antecedents(f.place)
            if antes:
                # "arrivé dans le pays", "quitté le territoire": resolution takes the first whose kind fits the class
                # (a country for "le pays", no town for "le territoire"), when no entity is the description's own
                f.attrs["place_antecedents"] = [[a.span.start, a.span.end] for a in antes]
                f.attrs["place_classes"] = [c for c in f.place.attrs.get("classes") or () if c in AREA_CLASSES]
        has_args = bool(f.participants or f.place or time or f.attrs.get("place_seat"))
        det = [c for c in tok.children if c.dep_ == "det" or (c.dep_ == "case" and c.lower_ in self.contracted)]
        if f.pos == "noun" and not det and time is None and not f.attrs.get("participants_from") == "light_verb":
            return None  # a bare noun names a topic ("fournitures d'armes", "transfert de technologie"), not a happening
        if f.pos == "noun" and not has_args:
            definite = any("Definite=Def" in str(d.morph) or "PronType=Dem" in str(d.morph) or "Poss=Yes" in str(d.morph)
                           or d.lower_ in self.contracted_definite for d in det)
            if not definite:
                if not (tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") and _is_past(tok.head)):
                    return None  # "sous sanctions", "un accord" with nothing attached: not a reportable event
                # "une explosion a retenti", "un nouveau sommet a ordonné ...": a happening that did something is one
                f.attrs["unanchored"] = True
            else:
                f.attrs["anaphoric"] = True
                if any(c.dep_ in ("amod", "nmod", "acl") for c in tok.children):
                    f.attrs["described"] = True
        elif f.pos == "verb" and not has_args:
            f.attrs["anaphoric"] = True
        sent = tok.sent
        plo, phi = self._para(tok.idx)
        s_start, s_end = max(sent.start_char, plo), min(sent.end_char, phi)
        while s_start < s_end and self.text[s_start].isspace():
            s_start += 1
        while s_end > s_start and self.text[s_end - 1].isspace():
            s_end -= 1
        if self.text[s_start:s_end].rstrip(" »\"*").endswith("?"):
            return None  # a question ("Que signifierait un accord ?") asks, it reports nothing
        if self._not_a_happening(f, time):
            return None
        if f.place_phrase:
            f.attrs["place_phrase"] = f.place_phrase
        f.attrs["pos"] = f.pos
        if time is not None and not time.value:
            time = None
        if time is None and f.status == "happened" and f.attrs.get("tense") in self.ctx.pack.grammar.news_tenses and not f.attrs.get("attributive"):
            # a verb in a tense the language tells its news in ("a signé", "signed") with no date of its own, in the
            # article's narrative: what the dispatch reports as news, dated to its day; inside quoted words, only to
            # its month (a safe bound); in a tense that tells what came just before the news ("had signed"), its month
            now = not self._in_quote(tok.idx) and f.attrs.get("tense") not in self.ctx.pack.grammar.before_news_tenses
            self._refer(f.attrs, "day" if now else "month")
        elif time is not None:
            f.attrs["time_source"] = "text"
            if self.published and _days_before(time, self.published) > HISTORICAL_DAYS:
                f.attrs["historical"] = True
        return EventCue(
            span=Span(self.doc_id, tok.idx, tok.idx + len(tok.text), tok.text), type=f.type,
            sentence=Span(self.doc_id, s_start, s_end, self.text[s_start:s_end]), status=f.status, time=time,
            participants=[m.span for m in f.participants], place=f.place.span if f.place else None, attrs=f.attrs,
        )

    def _told_in_present(self, f: _Found) -> TimeExpr | None:
        """A cue told in the present with no time of its own, in a paragraph that tells its story in the present
        from a day it names ("Puis vient la nuit du 26. ... Le pilote réclame un remorqueur"): that day, when the last
        time expression before it in the paragraph names a day and hangs on a verb in the present too."""
        tok = f.token
        if f.status == "planned" or self._in_quote(tok.idx):
            return None
        verb = tok if f.pos == "verb" else tok.head
        if f.pos == "verb" and f.attrs.get("tense") != Tense.PRESENT:
            return None
        if f.pos != "verb" and not (verb.pos_ in ("VERB", "AUX") and "Tense=Pres" in str(verb.morph)
                                    and "VerbForm=Fin" in str(verb.morph)):
            return None
        lo = max(self._para(tok.idx)[0], self._dateline_end())
        before = [t for t in self.all_times if lo <= t.span.start and t.span.end <= tok.idx]
        if not before:
            return None
        t = before[-1]
        if (t.precision != "day" or not _ISO_DAY.fullmatch(t.value or "") or t.attrs.get("tense") != Tense.PRESENT
                or t.anchor == tok.idx):
            return None
        f.attrs["time_from"] = "historical present"
        return t

    def _refer(self, attrs: dict[str, Any], precision: str) -> None:
        """Date a cue weakly by the article's day (or month): its publication date, or, for an article that gives
        none, the writing day the dossier infers (`ref_pending` says to which precision, resolve.events reads it)."""
        attrs["time_source"] = "reference"
        if self.published:
            attrs["ref_date"] = self.published[:10] if precision == "day" else self.published[:7]
        else:
            attrs["ref_pending"] = precision

    def _dateline_place(self) -> tuple[Mention, str] | None:
        """The place of the article's dateline ("MOSCOU, 24 août (Agence) -"): where a dispatch's speakers speak,
        when their sentence names no place of its own."""
        if self._dateline is None:
            self._dateline = (None,)
            for m in self._dateline_matches():
                lo, hi = m.span("place")
                at_line_start = lo == 0 or self.text[lo - 1] == "\n"
                if not (at_line_start or m.group("country")):
                    continue
                same = [x for x in self._mentions_between(lo - 1, hi + 1) if x.label in ("place", "country")
                        and x.span.start < hi and lo < x.span.end]
                if same:
                    self._dateline = ((same[0], same[0].span.text),)
                    break
        return self._dateline[0]

    def _dateline_matches(self) -> list[Any]:
        """The pack's dateline pattern over the top of the article, read once."""
        if self._datelines is None:
            pattern = self.ctx.pack.names.patterns.get("dateline")
            self._datelines = list(pattern.finditer(self.text, 0, DATELINE_TOP)) if pattern is not None else []
        return self._datelines

    def _dateline_end(self) -> int:
        """Where the article's dateline ends ("MOSCOU, 24 août (Agence) -", "BALTIMORE, March 27 -"), 0 when it has
        none: its date tells when the dispatch was filed, never when what its first sentence tells happened."""
        if self._dateline_stop is None:
            self._dateline_stop = 0
            for m in self._dateline_matches():
                lo = m.start("place")
                if lo == 0 or self.text[lo - 1] == "\n":
                    line_end = self.text.find("\n", lo)
                    dash = re.search(r"\s[-–—]\s", self.text[m.start():line_end if line_end >= 0 else len(self.text)])
                    if dash is not None and dash.start() <= 60:
                        self._dateline_stop = m.start() + dash.end()
                    break
        return self._dateline_stop

    def _in_quote(self, offset: int) -> bool:
        return any(q.span.start <= offset < q.span.end for q in self.ctx.analysis.quotes)

    def _anaphoric_place(self, f: _Found) -> None:
        """A verb whose place is a word standing for one ("s'y est posé", "retrouvés sur les lieux", "landed there",
        "at the scene"; the pack's `place_anaphors`) takes the place the text named last before it, in its paragraph
        or the one before, when that is a name told as a place."""
        tok = f.token
        if f.pos != "verb":
            return
        words = self.lex.clause_words("place_anaphors")
        phrases = {fold(w, hyphens=False) for w in self.lex.clause_words("place_anaphor_phrases")}
        said = any((c.lower_ in words and c.dep_ in ("iobj", "obl", "obl:arg", "obl:mod", "advmod", "expl:comp"))
                   or fold(" ".join(t.text for t in c.subtree), hyphens=False) in phrases for c in tok.children)
        if not said:
            return
        scenes = {fold(w, hyphens=False) for w in self.lex.clause_words("scene_anaphor_phrases")}
        if any(fold(" ".join(t.text for t in c.subtree), hyphens=False) in scenes for c in tok.children):
            # "retrouvés sur les lieux", "at the scene": where the last accident or attack the article told happened
            hit = [h for h in self.by_token.values() if h.token.i < tok.i and h.place is not None
                   and h.type in ("other", "military_action") and h is not f]
            if hit:
                last = max(hit, key=lambda h: h.token.i)
                f.place, f.place_phrase = last.place, last.place_phrase
                f.attrs["place_from"] = "scene"
                return
        lo = self._para(max(0, self._para(tok.idx)[0] - 1))[0]
        for m in reversed(self._mentions_between(max(lo, tok.idx - NARRATIVE_REACH), tok.idx)):
            if m.span.end <= tok.idx and m.kind == "name" and (m.label == "place" or (m.label == "country" and self._named_as_place(m))):
                f.place, f.place_phrase = m, m.span.text
                f.attrs["place_from"] = "anaphor"
                return

    def _leavers_place(self, f: _Found) -> None:
        """A departure with no place of its own leaves from where its subject is said to be by a clause on it ("les
        soldats déployés au Mali partiront", "les unités qui s'y étaient déployées ont quitté ..."): the place of that
        clause's cue."""
        for s in _subjects(f.token):
            for c in s.children:
                held = self.by_token.get(c.i)
                if c.dep_ in ("acl", "acl:relcl", "relcl") and held is not None and held.place is not None:
                    f.place, f.place_phrase = held.place, held.place_phrase
                    f.attrs["place_from"] = "where the leavers were"
                    return

    def _sentence_place(self, f: _Found) -> None:
        """A cue whose own phrase names no place takes the place its sentence names, when the sentence names one and
        no other event of it holds that place ("A Kiev, le président a assuré que ..."): a place in a measure ("à
        600 km de X"), after a source marker, or that is a participant, does not count."""
        speaker = f.type == "statement"
        org = self._organisation_place(f)
        if org is not None:
            # "devant l'Assemblée nationale", "À la Maison Blanche, ...", "à X" with X read as a body: resolution
            # takes it when its entity is a place, or, at a body's seat, the body (before a dateline, or nothing)
            f.attrs["place_org"] = [org[0].span.start, org[0].span.end]
            f.attrs["place_seat"] = org[1]
        found = self._place_of_sentence(f.token, f.participants, speaker)
        if found is None and speaker and not self._in_quote(f.token.idx):
            found = self._dateline_place()
            if found is not None:
                f.attrs["place_from"] = "dateline"
        if found is not None:
            f.place, f.place_phrase = found
            f.attrs.setdefault("place_from", "sentence")

    def _place_of_sentence(self, tok: Any, participants: list[Mention], speaker: bool = False) -> tuple[Mention, str] | None:
        plo, phi = self._para(tok.idx)
        # spaCy's sentence may start after a fronted place ("A X, le ministre ..."): punctuation says where it starts
        lo, hi = max(min(tok.sent.start_char, self._punct_start(tok.idx)), plo), min(tok.sent.end_char, phi)
        taken = {id(m) for m in participants}
        # what the cue's verb says or reports ("a assuré que l'Ukraine ...") is not where it happens
        content = {t.i for c in tok.children if c.dep_ in (CONTENT_DEPS if speaker else REPORTED_DEPS) for t in c.subtree}
        cands = []
        claimed = self._other_event_spans(tok) if tok.pos_ in ("NOUN", "PROPN") else []
        if not speaker:
            # "X a perdu le contact, ont indiqué les garde-côtes lors d'un point de presse à Y": Y is where the source
            # speaks, in the incise that attributes the cue, not where the cue happens
            claimed += [(u.idx, u.idx + len(u.text)) for c in tok.children if c.dep_ in ("parataxis", "advcl") and c.i > tok.i
                        and c.i in self.by_token and self.by_token[c.i].type == "statement" for u in c.subtree]
        filed = self._dateline_end()
        for m in self._mentions_between(lo, hi):
            if m.label not in ("place", "country") or id(m) in taken or m.span.end > hi:
                continue
            if m.span.end <= filed:
                continue  # "X, 4 mars (Agence) - ...": where the dispatch was filed, no place its sentence names
            if any(m.span.start <= t.idx < m.span.end for t in [tok]):
                continue
            if self._zone_of_clock(m):
                continue  # "(6 h 30 à X)": the time it was at X, not where it happens
            if m.label == "country" and self._possessive(m):
                continue  # "China's embassy", "Russia's defence ministry": whose it is, not where it is
            if self._compared_to(m):
                continue  # "une surface plus vaste que l'État X", "larger than X": a yardstick, not where it happens
            if any(a <= m.span.start < b for a, b in claimed):
                continue  # "la visite de X à Y annonçait une rencontre": Y is the visit's place
            prep, start, nested, under = self._preposition(m, tok)
            before = self.text[max(0, start - 12):start].lower().split()
            if nested or prep in self.source_markers or (before and before[-1] in self.source_markers):
                continue
            near = self.text[max(0, start - 14):start].lower().split()
            if near and near[-1] in self.lex.clause_words("near_words"):
                prep = None  # "près de X", "au large de X": X is where it happens, near enough
            elif prep is not None and prep in self.lex.clause_words("speaking_from") and speaker:
                prep = None  # "a déclaré X depuis Y": one speaks from where one is
            if prep is not None and prep not in self.lex.places["destination_prepositions"]:
                continue  # "de Moscou", "depuis Kiev": where someone comes from, not where this happens
            if under is not None and under.lemma_.lower() not in self.lex.places["place_heads"]:
                continue  # "le président de la Russie": a place qualifying a noun
            # a place in a relative clause on another word ("X, où ...") or in what the verb says
            # ("a assuré que l'Ukraine ...") is taken only when the sentence names no other
            # ... and so is a place inside the name of a role or a body ("le maire de X a fait état de victimes à Y")
            aside = self._other_clause(m, tok) or self._inside(m, content) or self._in_name_of_someone(m)
            cands.append((aside, m.label == "country", start, abs(m.span.start - tok.idx), m, self.text[start:m.span.end]))
        if not cands:
            return None
        # "à X, sur Y, ...", "near X, in the Y region": a place phrase set right after another one's name locates it
        # (an island, a region the town is in); the town it follows is the more precise
        ends = {c[4].span.end for c in cands}
        cands = [(c[0], c[1], any(re.fullmatch(r"\s*,\s*", self.text[e:c[2]]) for e in ends if e <= c[2]), c[3], c[4], c[5])
                 for c in cands]
        *_, m, phrase = min(cands, key=lambda c: c[:4])
        return m, phrase if len(phrase) <= len(m.span.text) + 30 else m.span.text

    def _capability(self, tok: Any) -> bool:
        """Whether a verb is the infinitive that says what something is made or able to do: its head is one of the
        pack's `capability_words` ("conçus pour cibler", "capables de frapper", "designed to strike")."""
        words = self.lex.clause_words("capability_words")
        if not ("VerbForm=Inf" in str(tok.morph) or tok.tag_ == "VB"):
            return False
        head = tok.head
        if head.i != tok.i and (head.lemma_.lower() in words or head.lower_ in words):
            return True
        # the parser may hang the infinitive elsewhere ("des missiles conçus pour cibler X" on the main verb): the
        # word right before its preposition says it
        before = [t for t in self.doc[max(tok.sent.start, tok.i - 3):tok.i] if not t.is_punct]
        return len(before) >= 2 and before[-1].pos_ in ("ADP", "PART", "SCONJ") and (
            before[-2].lemma_.lower() in words or before[-2].lower_ in words)

    def _other_event_spans(self, tok: Any) -> list[tuple[int, int]]:
        """The character spans of the phrases of other event nouns that are the subject of a verb the token depends
        on ("la visite de X à Y en juillet annonçait une rencontre": the visit's time and place), those whose phrase
        does not hold the token itself; the nouns' own words left out."""
        heads = {a.i for a in tok.ancestors}
        out: list[tuple[int, int]] = []
        for i in self.trigger_ids:
            other = self.doc[i]
            if i == tok.i or other.pos_ not in ("NOUN", "PROPN") or other.sent != tok.sent:
                continue
            if other.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass") or other.head.i not in heads:
                continue
            own = self._own_tokens(other)
            if any(u.i == tok.i for u in own):
                continue
            out.extend((u.idx, u.idx + len(u.text)) for u in own if u.i != other.i)
        return out

    def _compared_to(self, m: Mention) -> bool:
        """Whether a place is what something is compared with: after one of the pack's `comparison_words` and the
        word it needs after it ("plus vaste que", "la taille de", "twice the size of", "larger than") within a few words
        before it; a superlative ("le plus violent de X") compares nothing with X."""
        words = fold(self.text[max(0, m.span.start - 60):m.span.start], hyphens=False).replace("'", "' ").split()
        before = words[-7:]  # with the word before the window's first, for a superlative's article
        pairs = self.lex.clause.get("comparison_words", {})  # a word, and the words that must follow it ("plus ... que")
        superlative = self.lex.clause_words("superlative_markers")
        last = len(before) - 3  # the word linking to the place stands right before it, but for an article
        for i, w in enumerate(before):
            if i == 0 or w not in pairs or before[i - 1] in superlative:
                continue  # "le plus violent que X ait connu" compares nothing with X
            if (not pairs[w] and i >= last) or any(x in pairs[w] for x in before[max(i + 1, last):]):
                return True
        return False

    def _not_a_happening(self, f: _Found, time: TimeExpr | None) -> bool:
        """A series, a kind or a habit rather than one event: "ses essais de missiles" (a plural with no date or
        place), "une rencontre au sommet est un signe..." (an indefinite subject of a present), "lorsque X arrive à Y,
        ..." (a present under "lorsque")."""
        tok = f.token
        if time is not None:
            return False
        if (f.pos == "noun" and f.place is None and "Number=Plur" in str(tok.morph) and not tok.lemma_.endswith("s")
                and family(f.type) in SERIES_FAMILIES):
            return True
        if f.pos == "noun" and tok.dep_ in ("nsubj", "nsubj:pass") and _indefinite(tok) and _plain_present(tok.head):
            return True
        if f.pos == "verb" and f.attrs.get("tense") == Tense.PRESENT:
            marked = [c for c in tok.children if c.dep_ == "mark"]
            # "lorsque X parcourt le monde, il atterrit en Y": the "lorsque" clause before the verb, however parsed
            marked += [m for m in tok.sent if m.i < tok.i and m.dep_ == "mark" and m.head.dep_ == "advcl" and m.head.i < tok.i]
            if any(m.lower_ in self.lex.habitual_markers for m in marked):
                return True
        return False

    def _link_anaphora(self, cues: list[EventCue]) -> list[EventCue]:
        """A bare "la rencontre" or "cette visite" is the last event of its family that had participants; else its own."""
        out: list[EventCue] = []
        last: dict[str, EventCue] = {}
        for c in cues:
            fam = family(c.type)
            if c.attrs.get("anaphoric"):
                ante = last.get(fam)
                if ante is None:
                    if c.attrs.get("pos") == "noun" and not c.attrs.get("described"):
                        continue  # a bare "la rencontre" with nothing to stand for
                    # no earlier event for it to stand for: a clause that reports a happening with no name in it ("le
                    # couple a atterri vers midi"), or a description ("l'entretien téléphonique entre les deux
                    # présidents", "la visite d'État"), is its own event
                    del c.attrs["anaphoric"]
                    c.attrs["unanchored"] = True
                else:
                    c.attrs["antecedent"] = ante.span.start
            elif c.participants and not c.attrs.get("historical") and c.attrs.get("tense") != Tense.PLUPERFECT:
                last[fam] = c
            out.append(c)
        return out


_TABLES: dict[int, tuple[Triggers, tuple[dict[str, str], frozenset[str], frozenset[str]]]] = {}


def _tables(lex: Triggers) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Built once per lexicon: its participle table, the lemmas that can make a token a trigger (verbs, light-verb
    constructions, nouns) and the lower-case forms that can (participles, nouns)."""
    hit = _TABLES.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    participles = _participle_table(lex)
    lemmas = frozenset(lex.verbs) | frozenset(lex.statement_constructions) | frozenset(lex.nouns)
    forms = frozenset(participles) | frozenset(lex.nouns)
    _TABLES[id(lex)] = (lex, (participles, lemmas, forms))
    return participles, lemmas, forms


def _participle_table(lex: Triggers) -> dict[str, str]:
    """Regular past participles of the trigger verbs (parti, arrivée, quittés...) and their regular finite forms of
    the third person (the pack's `finite_endings`: réclame, réclament, réclamait) -> their lemma."""
    out: dict[str, str] = {}
    endings = lex.clause.get("participle_endings", {})
    finite = lex.clause.get("finite_endings", {})
    for lemma in lex.verbs:
        ending = next((e for e in endings if lemma.endswith(e)), None)
        if ending is None:
            continue
        stem = lemma[:-len(ending)] + endings[ending]
        for end in lex.clause.get("participle_agreements", ()):
            out[stem + end] = lemma
        for end in finite.get(ending, ()):
            out.setdefault(lemma[:-len(ending)] + end, lemma)
    return out


def _compound_of(tok: Any) -> str:
    """A noun with its compound modifiers, lower case ("press conference")."""
    return " ".join([c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.lemma_.lower()])


def _subjects(tok: Any, deps: tuple[str, ...] = ("nsubj", "nsubj:pass", "nsubjpass")) -> list[Any]:
    """A verb's subjects, or those of the verb it is conjoined to ("X lost power and struck ...": X), up to three
    verbs back; none when the chain ends without one."""
    verb = tok
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in deps]
        if subj or verb.dep_ != "conj":
            return subj
        verb = verb.head
    return []


def _alternative(tok: Any, alt: dict[str, Any], trigger: str, pos: str = "verb", **attrs: Any) -> _Found:
    """A trigger read by one of its entry's alternative readings (`by_object`, `by_hazard`, a particle ...)."""
    return _Found(tok, alt["type"], pos, attrs=_spec_attrs(alt, {"trigger": trigger, **attrs}))


def _spec_attrs(spec: dict[str, Any], attrs: dict[str, Any]) -> dict[str, Any]:
    """The attributes a trigger's lexicon entry passes on to its cue: the subtype of an `other` event, whether a
    statement needs a named actor."""
    if spec.get("subtype"):
        attrs["subtype"] = spec["subtype"]
    if spec.get("needs_participant"):
        attrs["needs_participant"] = True
    if spec.get("subject_is_venue"):
        attrs["subject_is_venue"] = True
    return attrs


def _indefinite(tok: Any) -> bool:
    return any(c.dep_ == "det" and "Definite=Ind" in str(c.morph) for c in tok.children)


def _plain_present(pred: Any) -> bool:
    """Whether a clause's predicate is a simple present ("est un signe", "fait partie"), not a compound past."""
    verbs = [pred] if pred.pos_ in ("VERB", "AUX") else [c for c in pred.children if c.dep_ == "cop"]
    if not verbs or any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in pred.children):
        return False
    return all("Tense=Pres" in str(v.morph) and "Mood=Ind" in str(v.morph) for v in verbs)


def _gender(tok: Any) -> str | None:
    g = tok.morph.get("Gender")
    return g[0] if g else None


def _unique_places(places: list[tuple[int, Mention, str]]) -> list[tuple[int, Mention, str]]:
    """Each place once, at its best rank."""
    best: dict[int, tuple[int, Mention, str]] = {}
    for p in places:
        if id(p[1]) not in best or p[0] < best[id(p[1])][0]:
            best[id(p[1])] = p
    return [p for p in places if best[id(p[1])] is p]


def _unique(ms: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m in ms:
        key = (m.span.start, m.span.end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _is_past(tok: Any) -> bool:
    if "Tense=Past" in str(tok.morph) or "Tense=Imp" in str(tok.morph):
        return True
    return any(c.dep_ in ("aux", "aux:tense") for c in tok.children)


def _perfect(verb: Any) -> bool:
    """A past participle with its auxiliary ("avoir libéré", "to have freed"): done before the clause's time."""
    return "Tense=Past" in str(verb.morph) and any(c.dep_ in ("aux", "aux:tense") for c in verb.children)


def _relative(verb: Any) -> bool:
    """Whether a word heads a relative clause: so labelled, or a clause the parser hung on the verb whose relative
    pronoun says it is one ("X, où il ...")."""
    return verb.dep_ in RELATIVE_DEPS or (verb.dep_ == "advcl" and any(
        c.i < verb.i and "Rel" in c.morph.get("PronType") for c in verb.children))


def _days_before(t: TimeExpr, published: str) -> int:
    """Days between the end of the expression's period and the publication date (positive when before)."""
    value = t.end or t.value or ""
    try:
        end = period_bounds(value)[1]
        pub = period_bounds(published)[1]
    except ValueError:
        return 0
    return (pub - end).days


def _as_persons(ms: list[Mention]) -> list[Mention]:
    """A place or "other" mention that is the surname of a person named in the same article is that person ("la
    visite de X" after "Sergueï X"): the recogniser labels a lone surname from its context alone."""
    surnames = {m.span.text.split()[-1] for m in ms if m.label == "person" and m.kind == "name" and " " in m.span.text
                and all(w[:1].isupper() for w in m.span.text.split())}
    return [replace(m, label="person") if m.label in ("place", "other") and m.span.text in surnames else m for m in ms]
