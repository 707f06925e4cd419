"""French noun phrases for summaries: the article a country or a common-noun place takes, and contracted prepositions."""

from __future__ import annotations

from typing import Any

from recoupe.lexicon import lexicon
from recoupe.model.text import fold


class Phrasing:
    """Articles and prepositions from a language's `summary_words` (data/<lang>/event_triggers.json)."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.words = words
        self.vowels = str(words.get("vowels", "aeiouy"))
        self.contractions: dict[str, str] = dict(words.get("contractions", {}))
        self.elided: dict[str, str] = dict(words.get("elided", {}))
        self.no_article = {fold(n) for n in words.get("countries_without_article", [])}
        self.masculine = {fold(n) for n in words.get("masculine_in_e", [])}
        self.singular = {fold(n) for n in words.get("singular_in_s", [])}
        self.feminine_endings = tuple(words.get("feminine_endings", ("e",)))
        self.place_genders: dict[str, str] = {fold(k): v for k, v in words.get("place_noun_genders", {}).items()}

    # -- what a name is ----------------------------------------------------------------------------

    def gender(self, name: str) -> str | None:
        """"f", "m", "fp", "mp" for a country or a place headed by a known common noun; None for other names."""
        if not name:
            return None
        first = name.replace("-", " ").split()[0]
        if name[:1].islower():
            return self.place_genders.get(fold(first))
        if not self._is_country(name) or fold(name) in self.no_article:
            return None
        word = fold(name.split()[0])  # "États-Unis", "Pays-Bas": the hyphenated word carries the number
        head = fold(first)
        if word.endswith(("s", "x")) and word not in self.singular and head not in self.singular:
            return "mp"
        if head.endswith(self.feminine_endings) and head not in self.masculine:
            return "f"
        return "m"

    def _is_country(self, name: str) -> bool:
        return fold(name) in lexicon().country_by_name

    def _starts_with_vowel(self, name: str) -> bool:
        return name[:1].lower() in self.vowels

    # -- phrases ---------------------------------------------------------------------------------

    def with_article(self, name: str) -> str:
        """"Russie" -> "la Russie", "Iran" -> "l'Iran", "États-Unis" -> "les États-Unis"; a person stays as is."""
        g = self.gender(name)
        if g is None:
            return name
        if g.endswith("p"):
            return f"les {name}"
        if self._starts_with_vowel(name):
            return f"{self.elided.get('le', 'l')}{name}"
        return f"{'la' if g == 'f' else 'le'} {name}"

    def of(self, name: str, de: str = "de") -> str:
        """"de Vladimir Poutine", "d'Anne", "de la Russie", "du Japon", "des États-Unis", "de l'Iran"."""
        return self.join(de, self.with_article(name))

    def to(self, name: str, a: str = "à") -> str:
        """"à la Russie", "au Japon", "aux États-Unis", "à Cuba" (a recipient)."""
        return self.join(a, self.with_article(name))

    def location(self, name: str, a: str = "à") -> str:
        """Where: "en Russie", "en Iran", "au Japon", "aux États-Unis", "à Pyongyang", "à la gare de X"."""
        g = self.gender(name)
        if g is not None and name[:1].isupper() and not g.endswith("p") and (g == "f" or self._starts_with_vowel(name)):
            return f"en {name}"
        return self.join(a, self.with_article(name))

    def origin(self, name: str, de: str = "de") -> str:
        """Where from: "de Russie", "d'Iran", "du Japon", "des États-Unis", "de Pyongyang", "du cosmodrome de X"."""
        g = self.gender(name)
        if g is not None and name[:1].isupper() and not g.endswith("p") and (g == "f" or self._starts_with_vowel(name)):
            return self.join(de, name)  # "il part de Russie", not "de la Russie"
        return self.join(de, self.with_article(name))

    def join(self, prep: str, phrase: str) -> str:
        """A preposition before a phrase, contracted ("à le" -> "au", "de les" -> "des") or elided ("d'Iran")."""
        low = phrase.lower()
        for art in ("les", "le"):
            if low.startswith(art + " ") and f"{prep} {art}" in self.contractions:
                return f"{self.contractions[f'{prep} {art}']} {phrase[len(art) + 1:]}"
        if prep in self.elided and self._starts_with_vowel(phrase):
            return f"{self.elided[prep]}{phrase}"
        return f"{prep} {phrase}"

    def contract(self, phrase: str) -> str:
        """A phrase taken from the text with its preposition and article apart ("à le cosmodrome") made French."""
        low = phrase.lower()
        for src, dst in self.contractions.items():
            if low.startswith(src + " "):
                return dst + phrase[len(src):]
        return phrase
