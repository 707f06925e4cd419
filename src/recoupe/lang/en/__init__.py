"""The English language pack: every English word, pattern and rule recoupe uses, in one folder.

`data/` holds the lexicons, each with the same JSON Schema as the French pack's file of that name (one protocol,
one set of shapes). Where the French pack's module is only a loader over its data (lexicon, triggers, quantities,
names, geo), the English pack reuses it over the English files; where the language is in the code (grammar, time
patterns, speech function words and claim patterns, phrasing) it has its own module. Nothing is read before it is
asked for.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from recoupe.lang import datafiles
from recoupe.lang.fr import FrenchPack
from recoupe.registry import register

if TYPE_CHECKING:
    from recoupe.lang.en.grammar import Grammar
    from recoupe.lang.en.phrasing import Phrasing
    from recoupe.lang.en.time import EnglishTimeWords
    from recoupe.lang.fr.lexicon import Lexicon
    from recoupe.lang.fr.speech import SpeechLexicon

DATA = "recoupe.lang.en.data"


@lru_cache(maxsize=None)
def read(name: str) -> Any:
    """An English data file, validated against its schema on first read (then kept)."""
    return datafiles.load(DATA, name)


def nationality_forms(adjective: str) -> set[str]:
    """"Russian" -> {"Russian", "Russians"}: an English adjective and the plural noun of its people."""
    forms = {adjective}
    if not adjective.endswith(("ese", "ss", "ch", "sh", "i")) or adjective.endswith("i") and adjective[-2:] in ("li", "ki", "ni", "ri", "di"):
        forms.add(adjective + "s")
    return forms


@register("language", "en")
class EnglishPack(FrenchPack):
    """The English `LanguagePack`; get it from `recoupe.lang.pack("en")`. The members whose French module is only
    a loader (triggers, quantities, names, geo) are inherited and read the English data files."""

    code = "en"

    def data(self, name: str) -> Any:
        return read(name)

    @cached_property
    def lexicon(self) -> Lexicon:
        from recoupe.lang.fr.lexicon import load

        return load(self.data, forms=nationality_forms, where="recoupe/lang/en/data")

    @cached_property
    def grammar(self) -> Grammar:  # type: ignore[override]
        from recoupe.lang.en.grammar import Grammar

        return Grammar(self)

    @cached_property
    def time(self) -> EnglishTimeWords:
        from recoupe.lang.en.time import load

        return load(self.data)

    @cached_property
    def speech(self) -> SpeechLexicon:
        from recoupe.lang.en.speech import load

        return load(self.data)

    @cached_property
    def phrasing(self) -> Phrasing:  # type: ignore[override]
        from recoupe.lang.en.phrasing import Phrasing

        return Phrasing(self.triggers, self.lexicon, self.time.month_names)

    def __repr__(self) -> str:
        return "<LanguagePack en>"
