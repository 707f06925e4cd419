"""The English language pack, a beginning: its calendar words and the dateline rule ("September 18, 2023"), so
that an English article is dated as before. Its other members are not written yet and say so when asked for."""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property
from typing import Any, NoReturn

from recoupe.errors import RecoupeError
from recoupe.lang import datafiles
from recoupe.registry import register

DATA = "recoupe.lang.en.data"
DATELINE_WINDOW = 400


class EnglishGrammar:
    """English grammar, so far the dateline rule only."""

    def __init__(self, weekdays: dict[str, int], months: dict[str, int]) -> None:
        alt = lambda ws: "|".join(sorted(ws, key=len, reverse=True))  # noqa: E731
        wd, mo = alt(weekdays), alt(months)
        self.months = months
        # "Monday 18 September 2023", "September 18, 2023"
        self.dateline_re = re.compile(
            rf"\b(?:(?:{wd})\s+)?(?P<d>[0-3]?\d)\s+(?P<m>{mo})\s+(?P<y>(?:19|20)\d\d)\b"
            rf"|\b(?P<m2>{mo})\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>(?:19|20)\d\d)\b", re.IGNORECASE)

    def dateline(self, text: str, published: str | None, precision: str | None) -> tuple[str | None, str | None, str | None]:
        """The first full date near the top gives an undated article its day, or completes a month or year that
        it falls in (see the French rule, `recoupe.lang.fr.grammar.Grammar.dateline`)."""
        for m in self.dateline_re.finditer(text[:DATELINE_WINDOW]):
            d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("y") else (m.group("d2"), m.group("m2"), m.group("y2"))
            try:
                day = date(int(y), self.months[mo.lower()], int(d)).isoformat()
            except ValueError:
                continue
            if published is None or (precision != "day" and day.startswith(published)):
                return day, "day", "dateline"
            break
        return published, precision, None


@register("language", "en")
class EnglishPack:
    """The English `LanguagePack`, partial: `data`, `grammar.dateline`."""

    code = "en"

    def data(self, name: str) -> Any:
        return datafiles.load(DATA, name)

    @cached_property
    def grammar(self) -> EnglishGrammar:
        t = self.data("time.json")
        return EnglishGrammar(t["weekdays"], t["months"])

    def _missing(self, what: str) -> NoReturn:
        raise RecoupeError(f"the English language pack has no {what} yet; analysis reads English with the French pack")

    lexicon = property(lambda self: self._missing("lexicon"))
    time = property(lambda self: self._missing("time words"))
    triggers = property(lambda self: self._missing("event lexicon"))
    speech = property(lambda self: self._missing("speech lexicon"))
    quantities = property(lambda self: self._missing("quantity lexicon"))
    names = property(lambda self: self._missing("name patterns"))
    phrasing = property(lambda self: self._missing("phrasing"))
    geo = property(lambda self: self._missing("geo words"))
