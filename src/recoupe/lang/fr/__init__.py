"""The French language pack: every French word, pattern and rule recoupe uses, in one folder.

`data/` holds the lexicons (each with its JSON Schema beside it); the modules turn them into what the stages read:
`lexicon` (general lexicons), `grammar` (tense, mood, negation, the dateline rule), `time` (time words and the
patterns of time expressions), `triggers` (events), `speech` (quotes and claims), `quantities`, `names`,
`phrasing` (event summaries) and `geo` (words around place names). Nothing is read before it is asked for.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from recoupe.lang import datafiles
from recoupe.registry import register

if TYPE_CHECKING:
    from recoupe.lang.fr.geo import GeoWords
    from recoupe.lang.fr.grammar import Grammar
    from recoupe.lang.fr.lexicon import Lexicon
    from recoupe.lang.fr.names import NameWords
    from recoupe.lang.fr.phrasing import Phrasing
    from recoupe.lang.fr.quantities import QuantityWords
    from recoupe.lang.fr.speech import SpeechLexicon
    from recoupe.lang.fr.time import TimeWords
    from recoupe.lang.fr.triggers import Triggers

DATA = "recoupe.lang.fr.data"


@lru_cache(maxsize=None)
def read(name: str) -> Any:
    """A French data file, validated against its schema on first read (then kept). (Not named `data`: importing the
    `data` folder's resources would shadow it.)"""
    return datafiles.load(DATA, name)


@register("language", "fr")
class FrenchPack:
    """The French `LanguagePack`; get it from `recoupe.lang.pack("fr")`."""

    code = "fr"

    def data(self, name: str) -> Any:
        return read(name)

    @cached_property
    def lexicon(self) -> Lexicon:
        from recoupe.lang.fr.lexicon import load

        return load(self.data)

    @cached_property
    def grammar(self) -> Grammar:
        from recoupe.lang.fr.grammar import Grammar

        return Grammar(self)

    @cached_property
    def time(self) -> TimeWords:
        from recoupe.lang.fr.time import load

        return load(self.data)

    @cached_property
    def triggers(self) -> Triggers:
        from recoupe.lang.fr.triggers import load

        return load(self.data)

    @cached_property
    def speech(self) -> SpeechLexicon:
        from recoupe.lang.fr.speech import load

        return load(self.data)

    @cached_property
    def quantities(self) -> QuantityWords:
        from recoupe.lang.fr.quantities import load

        return load(self.data, self.time)

    @cached_property
    def names(self) -> NameWords:
        from recoupe.lang.fr.names import load

        return load(self.data, self.lexicon, self.time)

    @cached_property
    def phrasing(self) -> Phrasing:
        from recoupe.lang.fr.phrasing import Phrasing

        return Phrasing(self.triggers, self.lexicon, self.time.month_names)

    @cached_property
    def geo(self) -> GeoWords:
        from recoupe.lang.fr.geo import load

        return load(self.data, self.lexicon)

    def __repr__(self) -> str:
        return "<LanguagePack fr>"
