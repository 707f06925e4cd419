"""The French speech and modality lexicons (data/speech.json, modality.json, claim_predicates.json) as sets ready
for lookups: speech verbs, source markers, hedges, denials, conditional endings; quotes and claims read them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SpeechLexicon:
    """The speech and modality word lists of one language, as sets ready for lookups."""

    speech: dict[str, Any]
    modality: dict[str, Any]
    speech_verbs: frozenset[str]
    multiword_speech: tuple[tuple[str, ...], ...]
    skip_words: frozenset[str]
    addressees: frozenset[str]
    stop_words: frozenset[str]
    inverted: frozenset[str]
    anaphoric: frozenset[str]
    relative: frozenset[str]
    function_words: frozenset[str]
    abbreviations: frozenset[str]
    speech_forms: frozenset[str]
    claim_predicates: dict[str, Any] = field(default_factory=dict)
    form_lemma: dict[str, str] = field(default_factory=dict)  # inflected form -> lemma, for when the lemmatizer misses
    speaker_heads: frozenset[str] = frozenset()  # nouns naming someone who can speak: roles, organisations, speaker nouns
    body_heads: frozenset[str] = frozenset()  # organisation head words ("ministère", "agence"): a body, never a person
    agent_markers: frozenset[str] = frozenset()  # what introduces a passive agent ("par")
    comparative_markers: frozenset[str] = frozenset()  # "comme l'a dit X"
    claim_words: dict[str, Any] = field(default_factory=dict)  # the function words the claim finder reads
    reporting_verbs: frozenset[str] = frozenset()  # "situer", "recenser": attribute a proposition to their subject
    hedge_phrase: re.Pattern[str] = re.compile(r"(?!x)x")  # "il est tout à fait possible que", "censé", …
    embedded_proposition: re.Pattern[str] = re.compile(r"(?!x)x")  # "selon lesquelles X", "la possibilité que X"
    reported_marker: re.Pattern[str] = re.compile(r"(?!x)x")  # "selon lesquelles": what a source noun reports follows
    source_marker: re.Pattern[str] = re.compile(r"(?!x)x")  # "selon X", "d'après X" (not "selon lesquelles")
    relative_before: re.Pattern[str] = re.compile(r"(?!x)x")  # "… qui pourrait, selon X": the relative's own source
    opinion_marker: re.Pattern[str] = re.compile(r"(?!x)x")  # "Pour X, …" at the head of a sentence
    conditional_marker: re.Pattern[str] = re.compile(r"(?!x)x")  # "reportedly", "is expected to": a conditional in words
    feminine_pronouns: frozenset[str] = frozenset()  # "elle", "-t-elle"
    document_nouns: frozenset[str] = frozenset()  # "le communiqué", "le rapport": who issued them speaks
    speech_nouns: frozenset[str] = frozenset()  # "Réaction de X : « … »": the noun's complement speaks
    utterance_nouns: frozenset[str] = frozenset()  # "cette phrase : « … »": the quote before's speaker goes on
    behalf_markers: tuple[str, ...] = ()  # "au nom de X": X speaks what is said or issued there
    behalf_groups: frozenset[str] = frozenset()  # "les putschistes": a body's members, who may speak for it
    incise_clitics: frozenset[str] = frozenset()  # object and reflexive clitics before an incise verb ("l'ont imploré")
    ordinal_refs: dict[str, int] = field(default_factory=dict)  # "le premier": 0, "ce dernier": -1 (of an enumeration)
    masculine_pronouns: frozenset[str] = frozenset()  # "il", "-t-il"
    enumeration_joiners: frozenset[str] = frozenset()  # "et", "ou": names.json's list, the one names also reads
    addressee_verbs: frozenset[str] = frozenset()  # "tell": its object is who is spoken to, not the speaker

    # French function words and patterns the speaker finder reads (class attributes: grammar, not lexicon data)
    complement_prepositions = ("de", "du", "des", "d'", "d’", "à", "au", "aux")  # "le ministre de X": X is no speaker
    articles = ("le", "la", "l'", "les")  # "le porte-parole": a bare title that refers back
    clause_leads = ("", "m.", "mme", "le", "la", "l'", "l’", "les")  # what may stand before a name heading a clause
    marker_at_start = re.compile(r"(?i)(pour|selon|d['’]après)\s+")  # "Pour X, « … »"
    marker_anywhere = re.compile(r"(?i)\b(selon|d['’]après)\s+(?!lequel|laquelle|lesquel|que\b|qu['’])")
    leading_article = re.compile(r"^(?:le|la|l['’])\s*")
    plural_article = "les "
    # tags that never make a speech verb (the French tagger often takes a verb for a noun: nouns are not among them)
    not_verb_tags = ("DET", "ADP", "PUNCT", "PROPN", "PRON", "CCONJ", "SCONJ")
    comma_inside_quotes = False  # "« … », a-t-il dit": the incise's comma stands after the closing mark
    incise_subject_first = False  # an incise inverts its subject ("a déclaré le ministre")

    def lemma(self, tok: Any) -> str:
        """The token's lemma, lower-cased; a known verb's lemma when the lemmatizer returned the form itself ("estime")."""
        lem = str(tok.lemma_).lower()
        if lem == tok.lower_ and lem in self.form_lemma:
            return self.form_lemma[lem]
        return lem


def load(data: Callable[[str], Any], *, cls: type[SpeechLexicon] | None = None,
         patterns: Callable[[dict[str, Any], dict[str, Any]], dict[str, re.Pattern[str]]] | None = None,
         inflect: Callable[[list[str]], dict[str, str]] | None = None) -> SpeechLexicon:
    """The speech lexicon from the pack's data files (each validated by its schema). Another language passes its
    own class (its function words), claim patterns and verb inflection; French is the default."""
    cls, patterns, inflect = cls or SpeechLexicon, patterns or _patterns, inflect or verb_forms
    sp = data("speech.json")
    mo = data("modality.json")
    preds = data("claim_predicates.json")
    roles = data("roles.json")["roles"]
    orgs = data("organizations.json")["head_words"]
    verbs = [v.lower() for v in sp["speech_verbs"]]
    forms = inflect(verbs + mo["belief_verbs"] + mo["denial_verbs"] + mo["hedge_verbs"] + mo["object_denial_verbs"]
                       + mo["reporting_verbs"] + [w for ws in preds["predicate_classes"].values() for w in ws])
    return cls(
        speech=sp, modality=mo,
        speech_verbs=frozenset(v for v in verbs if " " not in v),
        multiword_speech=tuple(tuple(v.split()) for v in verbs if " " in v),
        skip_words=frozenset(w.lower() for w in sp["skip_words"]),
        addressees=frozenset(w.lower() for w in sp["addressees"]),
        stop_words=frozenset(w.lower() for w in sp["speaker_stop_words"]),
        inverted=frozenset(sp["inverted_pronouns"]),
        anaphoric=frozenset(sp["anaphoric_pronouns"]),
        relative=frozenset(sp["relative_pronouns"]),
        function_words=frozenset(sp["function_words"]),
        abbreviations=frozenset(sp["abbreviations"]),
        speech_forms=frozenset(forms), claim_predicates=preds, form_lemma=forms,
        speaker_heads=frozenset(w.lower() for w in [r.split()[0] for r in roles] + orgs + sp["speaker_nouns"]),
        body_heads=frozenset(w.lower() for w in orgs),
        agent_markers=frozenset(sp["agent_markers"]), comparative_markers=frozenset(sp["comparative_markers"]),
        feminine_pronouns=frozenset(p.lstrip("-t").lower() for p in mo["claim_words"]["feminine_pronouns"]),
        claim_words=mo["claim_words"], reporting_verbs=frozenset(mo["reporting_verbs"]), **patterns(sp, mo),
        incise_clitics=frozenset(sp["incise_clitics"]), document_nouns=frozenset(w.lower() for w in sp["document_nouns"]),
        speech_nouns=frozenset(w.lower() for w in sp.get("speech_nouns", [])),
        utterance_nouns=frozenset(w.lower() for w in sp.get("utterance_nouns", [])),
        behalf_markers=tuple(w.lower() for w in sp.get("behalf_markers", [])),
        behalf_groups=frozenset(w.lower() for w in sp.get("behalf_groups", [])),
        ordinal_refs={k.lower(): int(v) for k, v in sp.get("ordinal_references", {}).items()},
        masculine_pronouns=frozenset(p.lower() for p in sp.get("masculine_pronouns", [])),
        enumeration_joiners=frozenset(w.lower() for w in data("names.json")["enumeration_joiners"]),
        addressee_verbs=frozenset(w.lower() for w in sp.get("addressee_verbs", [])),
    )


def _alt(words: list[str]) -> str:
    """A regex alternation of words, longest first, apostrophes either way, spaces as any run of spaces."""
    forms: set[str] = set()
    for w in words:
        for v in (w, w.replace("'", "’"), w.replace("’", "'")):
            forms.add(v)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True))


def _patterns(sp: dict[str, Any], mo: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """The claim finder's patterns, built from the word lists (the syntax of each lives here, the words in data)."""
    relative = sp["relative_pronouns"] + mo["claim_words"]["complementizers"]
    que = _alt(mo["claim_words"]["complementizers"])
    # "il est possible que", "il serait tout à fait plausible qu'", "il n'est pas exclu que"
    impersonal = (rf"\bil\s+(?:n['’]\s*)?(?:est|serait|était|semble|paraît|reste|demeure)\s+(?:(?:{_alt(mo['intensifiers'])})\s+)*"
                  rf"(?:{_alt(mo['epistemic_adjectives'])})\s+(?:{que})")
    phrases = rf"(?<!\w)(?:{_alt(mo['hedge_phrases'])})(?!\w)"
    dets = _alt(mo["claim_words"]["determiners"] + ["une", "un", "des", "cette"])
    hedge_noun = rf"(?<!\w)(?:{dets})\s*(?:{_alt(mo['hedge_nouns'])})\s+(?:{que})"
    return {
        "hedge_phrase": re.compile(rf"(?i){impersonal}|{phrases}|{hedge_noun}"),
        "reported_marker": re.compile(rf"(?i)(?:{_alt(mo['reported_proposition_markers'])})(?!\w)"),
        "embedded_proposition": re.compile(rf"(?i)(?<!\w)(?:{_alt(mo['reported_proposition_markers'])})(?!\w)|{hedge_noun}"),
        "source_marker": re.compile(rf"(?i)(?<!\w)(?:{_alt(mo['source_markers'])})\s+(?!(?:{_alt(relative)})(?!\w))"),
        "relative_before": re.compile(rf"(?i)\b(?:{_alt(sp['relative_pronouns'] + ['que', 'dont'])})\s+\w+\s*,\s*$"),
        "opinion_marker": re.compile(rf"(?i)(?:{_alt(mo['opinion_markers'])})\s+"),
    }


def verb_forms(verbs: list[str]) -> dict[str, str]:
    """Common inflected forms of regular -er verbs, for when the lemmatizer misses ("estime" -> "estime")."""
    out: dict[str, str] = {}
    for v in verbs:
        if v.endswith("er") and " " not in v:
            st = v[:-2]
            for e in ("e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "a", "ant", "èrent", "era", "erait"):
                out.setdefault(st + e, v)
    return out
