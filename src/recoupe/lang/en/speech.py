"""The English speech and modality lexicons: the French reference loader over the English data files, with the
English function words the speaker finder reads, English claim patterns ("it is possible that", "according to X")
and English verb inflection (for when the lemmatizer misses)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from recoupe.lang.fr.speech import SpeechLexicon, _alt
from recoupe.lang.fr.speech import load as _load


class EnglishSpeechLexicon(SpeechLexicon):
    complement_prepositions = ("of", "for", "to", "at")  # "the minister of X": X is no speaker
    articles = ("the",)  # "the spokesman": a bare title that refers back
    clause_leads = ("", "mr.", "mrs.", "ms.", "dr.", "the")
    marker_at_start = re.compile(r"(?i)(for|according\s+to)\s+")
    marker_anywhere = re.compile(r"(?i)\b(according\s+to)\s+(?!which\b|whom\b)")
    leading_article = re.compile(r"(?i)^the\s+")
    plural_article = "the "
    # "the report", "a call", "her post": an English noun is no speech verb (the tagger tells them apart)
    not_verb_tags = SpeechLexicon.not_verb_tags + ("NOUN",)
    comma_inside_quotes = True  # "“…,” she said"
    incise_subject_first = True  # "“…,” the minister said" as well as "said the minister"


def load(data: Callable[[str], Any]) -> SpeechLexicon:
    return _load(data, cls=EnglishSpeechLexicon, patterns=_patterns, inflect=verb_forms)


def _patterns(sp: dict[str, Any], mo: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """The claim finder's patterns in English syntax, from the word lists."""
    that = _alt(mo["claim_words"]["complementizers"])
    impersonal = (rf"\bit\s+(?:is|was|would\s+be|seems|seemed|remains|appears)\s+(?:not\s+)?(?:(?:{_alt(mo['intensifiers'])})\s+)*"
                  rf"(?:{_alt(mo['epistemic_adjectives'])})\s+(?:{that}|whether)")
    gap = rf"\s+(?:(?:\w+ly|{_alt(mo.get('interposed_adverbs', []) or ['x'])})\s+)?"  # "may thus have", "is widely believed to"
    phrases = rf"(?<!\w)(?:{_gapped(mo['hedge_phrases'], gap)})(?!\w)"
    hedge_noun = rf"(?<!\w)(?:the|a|this)\s+(?:{_alt(mo['hedge_nouns'])})\s+(?:{that})"
    relative = sp["relative_pronouns"]
    return {
        "hedge_phrase": re.compile(rf"(?i){impersonal}|{phrases}|{hedge_noun}"),
        "reported_marker": re.compile(rf"(?i)(?:{_alt(mo['reported_proposition_markers'])})(?!\w)"),
        "embedded_proposition": re.compile(rf"(?i)(?<!\w)(?:{_alt(mo['reported_proposition_markers'])})(?!\w)|{hedge_noun}"),
        "source_marker": re.compile(rf"(?i)(?<!\w)(?:{_alt(mo['source_markers'])})\s+(?!(?:{_alt(relative)})(?!\w))"),
        "relative_before": re.compile(rf"(?i)\b(?:{_alt(relative)})\s+\w+\s*,\s*$"),
        "opinion_marker": re.compile(rf"(?i)(?:{_alt(mo['opinion_markers'])})\s+"),
        "conditional_marker": re.compile(rf"(?i)(?<!\w)(?:{_gapped(mo.get('conditional_markers', []), gap)})(?!\w)")
        if mo.get("conditional_markers") else re.compile(r"(?!x)x"),
    }


def _gapped(phrases: list[str], gap: str) -> str:
    """`_alt` of the phrases, with `gap` (an optional adverb) allowed between their words."""
    alts = _alt(phrases).split("|")
    return "|".join(a.replace(r"\s+", gap) for a in alts)


def verb_forms(verbs: list[str]) -> dict[str, str]:
    """Regular English inflections ("says", "warned", "denying") -> lemma, plus the common irregular speech verbs."""
    out: dict[str, str] = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
                           "spoken": "speak", "thought": "think", "swore": "swear", "sworn": "swear", "felt": "feel", "found": "find"}
    for v in verbs:
        if " " in v:
            continue
        stem = v[:-1] if v.endswith("e") else v
        forms = {v + "s", stem + "ed", stem + "ing"}
        if v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
            forms |= {v[:-1] + "ies", v[:-1] + "ied"}
        if v.endswith(("s", "sh", "ch", "x", "z")):
            forms.add(v + "es")
        for f in forms:
            out.setdefault(f, v)
    return out
