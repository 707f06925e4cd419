"""French grammar as code, in one place: the tense, mood and negation read from spaCy's morphology and parse (named
in the one `Tense` vocabulary of `recoupe.model.vocab`), and the one dateline rule that dates an article."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from recoupe.model.vocab import Tense

if TYPE_CHECKING:
    from recoupe.lang.fr import FrenchPack

_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "cop", "aux:caus")
_NE = ("ne", "n'", "n’")
_NEGATIVE_PRONOUNS = ("rien", "personne")
_NI = "ni"
_TENSE_AUXILIARIES = ("avoir", "être")
_FUTURE_ENDINGS = ("ront", "rons", "rez", "rai", "ras", "ra")
_CONDITIONAL_ENDINGS = ("raient", "rions", "riez", "rais", "rait")
_CONDITIONAL_ENDINGS_3P = ("raient", "rait")  # the third persons news reports use, read leniently
DATELINE_WINDOW = 400  # characters at the top of an article where a dated dateline or byline can stand
WEEKDAY_DATELINE_WINDOW = 300  # ... and where a weekday dateline without its year can


class Grammar:
    """Reads French verbs on a spaCy parse; built by the pack from its time words and event lexicon."""

    # the tenses a dispatch tells its own news in, undated ("a signé", "signe"): dated to the article's day;
    # those that tell the past of a story ("avait signé", "signait", "signa"): never bounded by the article's month;
    # those that tell what came just before the news: dated to the article's month only (none in French)
    news_tenses = frozenset({Tense.COMPOUND_PAST, Tense.PRESENT})
    history_tenses: frozenset[Tense] = frozenset({Tense.PLUPERFECT, Tense.IMPERFECT, Tense.SIMPLE_PAST})
    before_news_tenses: frozenset[Tense] = frozenset()
    # the passé composé narrates the story's days, its speakers' words included ("Mardi, X a accueilli Y ... X s'est
    # dit très heureux"): an undated statement takes the narrative's day like any cue
    speech_on_report_day = False

    def __init__(self, pack: FrenchPack) -> None:
        self.pack = pack
        self._stamp: re.Pattern[str] | None = None

    # -- tense -------------------------------------------------------------------------------------

    def clause_tense(self, tok: Any, depth: int = 0) -> tuple[Tense, str]:
        """(tense, time reference: past|present|future|none) of the predicate an expression hangs on: an infinitive
        takes its governing verb's ("doit partir" is a periphrastic future), a participle its auxiliary's."""
        time = self.pack.time.lex
        if tok is None or depth > 4:
            return Tense.UNKNOWN, "none"
        children = list(tok.children)
        vf = tok.morph.get("VerbForm")
        tense = tok.morph.get("Tense")
        if "Inf" in vf:
            head = tok.head
            if head is not tok and head.pos_ in ("VERB", "AUX"):
                name, ref = self._finite(head)
                if head.lemma_ in time.future_modals and ref in ("present", "future"):
                    return Tense.PERIPHRASTIC_FUTURE, "future"
                if ref != "none":
                    return name, ref
                return self.clause_tense(head, depth + 1)
            return Tense.INFINITIVE, "none"
        if "Part" in vf and "Past" in tense:
            tense_aux = [c for c in children if c.dep_ in ("aux:tense", "aux")]
            reflexive = any("Yes" in c.morph.get("Reflex") for c in children)
            if (tense_aux and tense_aux[0].lemma_ == "être" and tok.lemma_ not in time.etre_verbs and not reflexive
                    and not any(c.dep_ == "aux:pass" for c in children)):
                # "est attendu dimanche", "sont prévus lundi": être with a verb that builds its past with avoir is a
                # passive (the parser sometimes labels it a tense auxiliary); its tense is être's own
                return self._finite(tense_aux[0])
            if tense_aux:
                a = tense_aux[0].morph
                if "Fut" in a.get("Tense"):
                    return Tense.FUTURE_PERFECT, "future"
                if "Cnd" in a.get("Mood"):
                    return Tense.PAST_CONDITIONAL, "past"
                if "Imp" in a.get("Tense"):
                    return Tense.PLUPERFECT, "past"
                return Tense.COMPOUND_PAST, "past"
            pass_aux = [c for c in children if c.dep_ == "aux:pass"]
            if pass_aux:
                if tok.lemma_ in time.etre_verbs or reflexive:
                    # the parser labels être + participle passive; for these verbs it is a compound past
                    name, _ = self._finite(pass_aux[0])
                    return {Tense.FUTURE: (Tense.FUTURE_PERFECT, "future"), Tense.IMPERFECT: (Tense.PLUPERFECT, "past"),
                            Tense.CONDITIONAL: (Tense.PAST_CONDITIONAL, "past")}.get(name, (Tense.COMPOUND_PAST, "past"))
                return self._finite(pass_aux[0])
            if tok.pos_ == "VERB" and tok.dep_ == "ROOT" and tok.morph.get("Person"):
                return Tense.SIMPLE_PAST, "past"
            return Tense.PARTICIPLE, "past"
        if "Fin" in vf:
            return self._finite(tok)
        # a noun or adjective predicate: the tense is on its copula or auxiliary
        for c in children:
            if c.dep_ in _AUX_DEPS and "Fin" in c.morph.get("VerbForm"):
                return self._finite(c)
        if tok.head is not tok and tok.pos_ not in ("VERB", "AUX"):
            return self.clause_tense(tok.head, depth + 1)
        return Tense.UNKNOWN, "none"

    def _finite(self, tok: Any) -> tuple[Tense, str]:
        m = tok.morph
        if "Cnd" in m.get("Mood"):
            return Tense.CONDITIONAL, "future"
        if "Sub" in m.get("Mood"):
            return Tense.SUBJUNCTIVE, "none"
        t = m.get("Tense")
        if "Fut" in t:
            return Tense.FUTURE, "future"
        if "Imp" in t:
            return Tense.IMPERFECT, "past"
        if "Past" in t:
            return Tense.SIMPLE_PAST, "past"
        if "Pres" in t:
            if tok.lemma_ in self.pack.time.lex.future_modals and any(c.morph.get("VerbForm") == ["Inf"] for c in tok.children):
                return Tense.PERIPHRASTIC_FUTURE, "future"
            return Tense.PRESENT, "present"
        return Tense.UNKNOWN, "none"

    def verb_tense(self, tok: Any, auxes: list[Any]) -> Tense:
        """The tense of a verb form itself, with its tense auxiliaries (no climbing to a governing verb)."""
        m = str(tok.morph)
        tense_aux = [a for a in auxes if a.dep_ in ("aux:tense", "aux") and a.lemma_.lower() in _TENSE_AUXILIARIES]
        if tense_aux:
            am = str(tense_aux[0].morph)
            if "Tense=Imp" in am:
                return Tense.PLUPERFECT
            if "Tense=Fut" in am:
                return Tense.FUTURE_PERFECT
            if "Mood=Cnd" in am:
                return Tense.PAST_CONDITIONAL
            return Tense.COMPOUND_PAST
        if "VerbForm=Inf" in m:
            return Tense.INFINITIVE
        if "VerbForm=Part" in m:
            # no participle ends like a future ("rejoindra" tagged as a participle): the future the form says
            return Tense.FUTURE if self._future_ending(tok) else Tense.PARTICIPLE
        if "Tense=Fut" in m:
            return Tense.FUTURE
        if "Tense=Imp" in m:
            return Tense.IMPERFECT
        if "Tense=Past" in m:
            return Tense.SIMPLE_PAST
        if "Tense=Pres" in m:
            return Tense.PRESENT
        return Tense.UNKNOWN

    # -- mood --------------------------------------------------------------------------------------

    def _future_ending(self, t: Any) -> bool:
        """Whether a word is its lemma's future stem (or an irregular one) plus a future ending."""
        stems = self.pack.triggers.status["irregular_future_stems"]
        low, lemma = t.lower_, t.lemma_.lower()
        for end in _FUTURE_ENDINGS:
            if low.endswith(end):
                stem = low[: -len(end) + 1]
                return stem == _future_stem(lemma) or stem in stems
        return False

    def future_form(self, tok: Any, auxes: list[Any]) -> bool:
        """A future the tagger missed: the future stem (infinitive, or an irregular stem) plus a future ending."""
        for t in [tok, *auxes]:
            if "VerbForm=Fin" not in str(t.morph) and not ("VerbForm=Part" in str(t.morph) and not auxes):
                continue  # (a participle with no auxiliary may be a future the tagger misread: "rejoindra")
            if any(t.lower_.endswith(end) for end in _FUTURE_ENDINGS):
                return self._future_ending(t)
        return False

    def conditional_form(self, tok: Any, auxes: list[Any], lenient: bool = False) -> bool:
        """The conditional: the tagger's Mood=Cnd, or a conditional ending on the verb's future stem.

        `lenient` also reads forms the tagger got wrong (tagged as a noun or adjective, lemmatised to themselves:
        "chercherait"): what the claims read, where one mistagged verb decides a whole sentence's modality."""
        if lenient:
            return any(self._lenient_conditional(t) for t in [tok, *auxes])
        stems = self.pack.triggers.status["irregular_future_stems"]
        for t in [tok, *auxes]:
            m = str(t.morph)
            if "Mood=Cnd" in m:
                return True
            if "VerbForm=Fin" not in m:
                continue
            low = t.lower_
            for end in _CONDITIONAL_ENDINGS:
                if low.endswith(end):
                    stem = low[: -len(end) + 1]  # keep the future's "r"
                    if stem == _future_stem(t.lemma_.lower()) or stem in stems:
                        return True
                    break
        return False

    def _lenient_conditional(self, tok: Any) -> bool:
        if "Cnd" in tok.morph.get("Mood"):
            return True
        if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
            return False
        low = tok.lower_
        sp = self.pack.speech
        irregular = sp.modality["conditional_irregular_stems"]
        for ending in _CONDITIONAL_ENDINGS_3P:
            if not low.endswith(ending):
                continue
            stem = low[: len(low) - len(ending) + 1]  # "rendrait" -> "rendr", "chercherait" -> "chercher"
            lem = sp.lemma(tok)
            if stem in irregular and (irregular[stem] in (lem, low, stem) or lem == low):
                return True
            if stem in self.pack.triggers.status["irregular_future_stems"] and lem == low:
                return True
            if lem in (stem, stem + "e") and lem.endswith(("er", "ir", "re")):
                return True
            if lem == low and len(stem) > 4 and stem.endswith(("er", "ir")):  # the lemmatizer gave up: trust the form
                return True
        return False

    # -- negation ----------------------------------------------------------------------------------

    def negated(self, tok: Any) -> bool:
        """Whether a predicate is negated: a negation adverb, a negative determiner on its subject or object, or
        "ne" with "rien"/"personne"."""
        st = self.pack.triggers
        neg, neg_det = st.words("negation_words"), st.words("negative_determiners")
        # a "ne" after the verb negates the infinitive that follows it ("a dit ne rien savoir"), not the verb
        post_ne = min((c.i for c in tok.children if c.lower_ in _NE and c.i > tok.i), default=None)
        children = [c for c in tok.children if post_ne is None or c.i < post_ne]
        for c in children:
            if c.dep_ == "advmod" and (c.lower_ in neg or "Polarity=Neg" in str(c.morph) and c.lower_ not in _NE):
                return True
            if c.dep_ in ("nsubj", "nsubj:pass", "obj") and any(d.dep_ == "det" and d.lower_ in neg_det for d in c.children):
                return True
            if c.dep_ in ("nsubj", "nsubj:pass", "obj") and c.lower_ in _NEGATIVE_PRONOUNS and any(d.lower_ in _NE for d in children):
                return True
        # "ne … ni X ni Y": "ne" on the verb, "ni" coordinating what it governs
        if any(c.lower_ in _NE for c in children) and any(
                g.lower_ == _NI and g.dep_ == "cc" for c in children if not c.dep_.startswith(("ccomp", "advcl", "acl", "parataxis"))
                for g in c.subtree):
            return True
        return False

    # -- the dateline ------------------------------------------------------------------------------

    def _stamp_re(self) -> re.Pattern[str]:
        """A numeric publication stamp ("Publié le 25/06/2023", "Mis à jour le 01/12/2023") from time.json's markers."""
        if self._stamp is None:
            markers = sorted(self.pack.data("time.json").get("publication_markers", ()), key=len, reverse=True)
            alt = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in markers) or r"(?!)"
            self._stamp = re.compile(rf"(?<!\w)(?:{alt})\s+(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})(?!\d)", re.IGNORECASE)
        return self._stamp

    def dateline(self, text: str, published: str | None, precision: str | None) -> tuple[str | None, str | None, str | None]:
        """The publication date completed from a dateline near the top of the article: (value, precision, how), how
        being "dateline" when the dateline gave or completed it, else None (value and precision unchanged).

        A full date ("lundi 18 septembre 2023", "1er mars 2022") in the first lines gives the date of an undated
        article, or the day of one dated only to its month or year when it falls in that month or year. Failing
        that, a dated-to-the-month article is completed by a weekday dateline without its year ("mardi 12 mars"),
        when its weekday fits the header's month and only one such day is written there."""
        t = self.pack.time
        stamp = self._stamp_re().search(text[:DATELINE_WINDOW])
        if stamp is not None:
            # "Publié le 25/06/2023 à 08h14": the page's own publication stamp, day first
            try:
                day = date(int(stamp.group("y")), int(stamp.group("m")), int(stamp.group("d"))).isoformat()
            except ValueError:
                day = None
            if day and (published is None or (precision != "day" and day.startswith(published))):
                return day, "day", "dateline"
        for m in t.dateline_re.finditer(text[:DATELINE_WINDOW]):
            if not m.group("y"):
                continue
            if _opens_a_sentence(text, m.start(), m.end()):
                continue  # "Le 30 juillet 2023, au terme d'un sommet, ...": the time of what the article tells
            try:
                day = date(int(m.group("y")), t.months[_key(m.group("m"), t.months)], t.day(m.group("d"))).isoformat()
            except ValueError:
                continue
            if published is None or (precision != "day" and day.startswith(published)):
                return day, "day", "dateline"
            break  # the first full date decides
        if precision not in ("month", "year") or not published:
            return published, precision, None
        year = int(published[:4])
        days: set[date] = set()
        for m in t.dateline_re.finditer(text[:WEEKDAY_DATELINE_WINDOW]):
            if not m.group("wd") or (m.group("y") and int(m.group("y")) != year):
                continue
            try:
                d = date(year, t.months[_key(m.group("m"), t.months)], t.day(m.group("d")))
            except ValueError:
                continue
            if d.weekday() == t.weekdays[m.group("wd").lower()] and d.isoformat().startswith(published):
                days.add(d)
        if len(days) == 1:
            return days.pop().isoformat(), "day", "dateline"
        return published, precision, None


_SENTENCE_ARTICLE = re.compile(r"(?:^|\n|[.!?]\s)\s*Le\s+$")
_SENTENCE_GOES_ON = re.compile(r",\s+(?!par\b|mis\b|mise\b|publié)[a-zà-ÿ]")


def _opens_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether a full date opens a sentence that goes on ("Le 30 juillet 2023, au terme de ..."): an article's
    account, not its dateline or byline ("Publié le 30 juillet 2023", "lundi 18 septembre 2023, par X")."""
    return bool(_SENTENCE_ARTICLE.search(text[max(0, start - 40):start]) and _SENTENCE_GOES_ON.match(text, end))


def _future_stem(lemma: str) -> str:
    """The stem French builds its future and conditional on: the infinitive, less the -e of -re verbs."""
    return lemma if lemma.endswith(("er", "ir")) else lemma[:-1] if lemma.endswith("re") else lemma


def _key(s: str, table: dict[str, Any]) -> str:
    s = s.lower()
    for k in (s, s.replace("’", "'"), s.replace("'", "’")):
        if k in table:
            return k
    raise KeyError(s)
