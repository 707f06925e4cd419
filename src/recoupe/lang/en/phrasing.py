"""The phrasing of English event summaries: "Meeting between A and B in X, 13 September 2023"; English names take
no article and prepositions never contract, so the French reference class is kept with those rules turned off."""

from __future__ import annotations

from recoupe.lang.fr.phrasing import Phrasing as _Reference


class Phrasing(_Reference):
    """Summaries from the English event lexicon's `summary_words`."""

    def gender(self, name: str) -> str | None:
        return None  # English has no grammatical gender for places: no article, no agreement

    def with_article(self, name: str) -> str:
        return name

    def location(self, name: str, a: str = "in") -> str:
        return f"{a} {name}"

    def origin(self, name: str, de: str = "from") -> str:
        return f"{de} {name}"

    def join(self, prep: str, phrase: str) -> str:
        return f"{prep} {phrase}"

    def contract(self, phrase: str) -> str:
        return phrase

    def human_date(self, value: str) -> str:
        """ "2023-09-13" -> "13 September 2023"."""
        parts = value.split("-")
        if len(self.months) != 12 or len(parts) == 1 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
            return value
        month = self.months[int(parts[1]) - 1].capitalize()
        if len(parts) == 2 or not parts[2][:2].isdigit():
            return f"{month} {parts[0]}"
        return f"{int(parts[2][:2])} {month} {parts[0]}"
