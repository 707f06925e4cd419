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

    # French function words and patterns the speaker finder reads (class attributes: grammar, not lexicon data)
    complement_prepositions = ("de", "du", "des", "d'", "d’", "à", "au", "aux")  # "le ministre de X": X is no speaker
    articles = ("le", "la", "l'", "les")  # "le porte-parole": a bare title that refers back
    clause_leads = ("", "m.", "mme", "le", "la", "l'", "l’", "les")  # what may stand before a name heading a clause
    marker_at_start = re.compile(r"(?i)(pour|selon|d['’]après)\s+")  # "Pour X, « … »"
    marker_anywhere = re.compile(r"(?i)\b(selon|d['’]après)\s+(?!lequel|laquelle|lesquel|que\b|qu['’])")
    leading_article = re.compile(r"^(?:le|la|l['’])\s*")
    plural_article = "les "

    def lemma(self, tok: Any) -> str:
        """The token's lemma, lower-cased; a known verb's lemma when the lemmatizer returned the form itself ("estime")."""
        lem = str(tok.lemma_).lower()
        if lem == tok.lower_ and lem in self.form_lemma:
            return self.form_lemma[lem]
        return lem


def load(data: Callable[[str], Any]) -> SpeechLexicon:
    """The speech lexicon from the pack's data files (each validated by its schema)."""
    sp = data("speech.json")
    mo = data("modality.json")
    preds = data("claim_predicates.json")
    verbs = [v.lower() for v in sp["speech_verbs"]]
    forms = verb_forms(verbs + mo["belief_verbs"] + mo["denial_verbs"] + mo["hedge_verbs"]
                       + [w for ws in preds["predicate_classes"].values() for w in ws])
    return SpeechLexicon(
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
    )


def verb_forms(verbs: list[str]) -> dict[str, str]:
    """Common inflected forms of regular -er verbs, for when the lemmatizer misses ("estime" -> "estime")."""
    out: dict[str, str] = {}
    for v in verbs:
        if v.endswith("er") and " " not in v:
            st = v[:-2]
            for e in ("e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "a", "ant", "èrent", "era", "erait"):
                out.setdefault(st + e, v)
    return out
