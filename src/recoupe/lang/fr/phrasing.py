"""The phrasing of French event summaries: the article a country or a common-noun place takes, contracted
prepositions, status words that agree with their noun, dates written out ("13 septembre 2023")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recoupe.model.event_types import family
from recoupe.model.text import fold

if TYPE_CHECKING:
    from recoupe.lang.fr.lexicon import Lexicon
    from recoupe.lang.fr.triggers import Triggers


class Phrasing:
    """Summaries, articles and prepositions from the event lexicon's `summary_words` (data/event_triggers.json)."""

    def __init__(self, triggers: Triggers, lexicon: Lexicon, months: tuple[str, ...]) -> None:
        words = triggers.summary_words
        self.triggers = triggers
        self.lexicon = lexicon
        self.months = months  # the twelve month names, January first, as a date is written out
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
        return fold(name) in self.lexicon.country_by_name

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

    # -- summaries -------------------------------------------------------------------------------

    def summary(self, etype: str, status: str, participants: list[str], place: str | None, value: str | None,
                historical: bool = False, recipients: list[str] | None = None) -> str:
        """One French line: "Rencontre entre A et B au cosmodrome de X, 13 septembre 2023"."""
        lex = self.triggers
        w = self.words
        out = lex.summary_nouns.get(etype, etype)
        gender = w.get("noun_genders", {}).get(etype)
        forms = w.get("status_forms", {}).get(status)
        # the status agrees with the noun ("Visite (prévue)", "Sanctions (prévues)") when the lexicon says how
        marker = forms.get(gender) if isinstance(forms, dict) and gender else lex.summary_status.get(status, "")
        if marker:
            out += f" ({marker})"
        de, et = w.get("of", "de"), w.get("and", "et")
        if len(participants) >= 2:
            shown = participants[:3]
            # "entre A et B" for what two sides do together; "de A et de B" for what they do alike (a journey, a transfer)
            if family(etype) in ("meeting", "agreement"):
                named = [self.with_article(p) for p in shown]
                out += f" {w.get('between', 'entre')} " + ", ".join(named[:-1]) + f" {et} {named[-1]}"
            elif any(self.gender(p) for p in shown):
                named = [self.of(p, de) for p in shown]  # "de la Russie et de l'Iran": each country keeps its article
                out += " " + ", ".join(named[:-1]) + f" {et} {named[-1]}"
            else:
                out += " " + _de(de, ", ".join(shown[:-1]) + f" {et} {shown[-1]}")
        elif participants:
            out += " " + self.of(participants[0], de)
        if recipients:
            out += " " + f" {et} ".join(self.to(r, w.get("to", "à")) for r in recipients[:2])
        if place:
            low = place.lower()
            known = lex.places["destination_prepositions"] | lex.places["origin_prepositions"]
            # a phrase from the text keeps its own preposition ("au cosmodrome de X", "d'Hanoï")
            has_prep = any(low.startswith(p + " ") or (p[-1:] in "'’" and low.startswith(p)) for p in known)
            if has_prep:
                out += " " + self.contract(place)
            elif family(etype) == "departure":
                out += " " + self.origin(place, w.get("from", "de"))  # one leaves from a place
            else:
                out += " " + self.location(place, w.get("in", "à"))
        if value:
            out += ", " + self.human_date(value)
        return out

    def human_date(self, value: str) -> str:
        """ "2023-09-13" -> "13 septembre 2023"."""
        months = self.months
        parts = value.split("-")
        if len(months) != 12 or len(parts) == 1:
            return value
        if not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
            return value
        month = months[int(parts[1]) - 1]
        if len(parts) == 2 or not parts[2][:2].isdigit():
            return f"{month} {parts[0]}"
        day = int(parts[2][:2])
        return f"{'1er' if day == 1 else day} {month} {parts[0]}"


def _de(de: str, name: str) -> str:
    if de == "de" and name[:1].lower() in "aeiouyhéèêàâîôû":
        return f"d'{name}"
    return f"{de} {name}"
