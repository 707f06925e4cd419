"""Language packs: all that recoupe knows of one language (lexicons, grammar, time words, phrasing), behind one
protocol. Stages hold no word of any language: they receive a pack (analysis through its `Context`, resolution
through its `ResolveContext`, ingest as an argument) and read what they need from it.

A pack loads lazily, once per process: importing `recoupe.lang` or a stage reads no data file. `pack(code)` is
the one lookup; a new language is a new folder `lang/<code>/` with a class implementing `LanguagePack`,
registered in the one registry (kind "language", `@register("language", code)`) and named in the package's
entry points (`[project.entry-points."recoupe.languages"]`), as a plugin would.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from recoupe.errors import RecoupeError
from recoupe.registry import REGISTRY

if TYPE_CHECKING:  # the French pack's shapes are the reference ones; another language fills the same shapes
    from recoupe.lang.fr.geo import GeoWords
    from recoupe.lang.fr.grammar import Grammar
    from recoupe.lang.fr.lexicon import Lexicon
    from recoupe.lang.fr.names import NameWords
    from recoupe.lang.fr.phrasing import Phrasing
    from recoupe.lang.fr.quantities import QuantityWords
    from recoupe.lang.fr.speech import SpeechLexicon
    from recoupe.lang.fr.time import TimeWords
    from recoupe.lang.fr.triggers import Triggers

DEFAULT = "fr"

@runtime_checkable
class LanguagePack(Protocol):
    """What a stage may ask of a language. Every member is built on first use and cached by the pack."""

    code: str  # ISO 639-1

    def data(self, name: str) -> Any:
        """One of the pack's data files (`lang/<code>/data/NAME`), validated against its schema."""

    @property
    def lexicon(self) -> Lexicon:
        """General lexicons: countries by name and capital, nationalities, roles, organisation words, equipment."""

    @property
    def grammar(self) -> Grammar:
        """The one reader of tense, mood and negation on a parse, and the one dateline rule."""

    @property
    def time(self) -> TimeWords:
        """Time words and the patterns of time expressions; the vocabulary `recoupe.chrono` reads them with."""

    @property
    def triggers(self) -> Triggers:
        """The event lexicon: trigger verbs and nouns, status words, place prepositions."""

    @property
    def speech(self) -> SpeechLexicon:
        """Speech verbs, source markers, modality words and claim predicates, for quotes and claims."""

    @property
    def quantities(self) -> QuantityWords:
        """Units, number words, approximators and the patterns of measured quantities."""

    @property
    def names(self) -> NameWords:
        """The patterns of epithets, acronyms, equipment and the words that edge names."""

    @property
    def phrasing(self) -> Phrasing:
        """How event summaries are phrased: articles, prepositions, contractions, status words."""

    @property
    def geo(self) -> GeoWords:
        """The words geocoding reads around place names, and the gazetteer's designators and spelling rules."""


def pack(code: str = DEFAULT) -> LanguagePack:
    """The pack of language `code` ("fr", "fr-CA"), one instance per process; its data loads on first use."""
    return _pack((code or DEFAULT).split("-")[0].lower())


def known() -> list[str]:
    """The codes of the installed language packs."""
    return REGISTRY.names("language")


@lru_cache(maxsize=None)
def _pack(code: str) -> LanguagePack:
    entry = REGISTRY.entries("language").get(code)
    if entry is None:
        raise RecoupeError(f"no language pack for {code!r}; known: {', '.join(known())}")
    made: LanguagePack = entry.obj()
    return made


__all__ = ["DEFAULT", "LanguagePack", "known", "pack"]
