"""The words of what recoupe writes for a reader (the briefing), one file per language in `labels/` (fr.json,
en.json): no sentence of a briefing is written in Python, so another language is one more file."""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

from recoupe.errors import RecoupeError

FALLBACK = "en"


class Labels:
    """One language's labels: `lab("sections.story")`, `lab("event", summary=...)`, `lab.plural("mentions", 3)`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.language: str = data["language"]

    def raw(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise RecoupeError(f"labels/{self.language}.json has no {key!r}")
            node = node[part]
        return node

    def __call__(self, key: str, **values: Any) -> str:
        return str(self.raw(key)).format(**values)

    def plural(self, key: str, n: int, **values: Any) -> str:
        forms = self.raw(key)
        one = n == 1 or (n == 0 and self.data.get("zero_is_singular"))
        return str(forms["one" if one else "other"]).format(n=n, **values)

    def get(self, key: str, default: str) -> str:
        try:
            return str(self.raw(key))
        except RecoupeError:
            return default

    def term(self, group: str, value: str | None) -> str:
        """The label of a value of a vocabulary (`term("event_types", "meeting")`), the value itself when the group
        has none for it."""
        if value is None:
            return ""
        node = self.data
        for part in group.split("."):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return str(node[value]) if isinstance(node, dict) and value in node else str(value)

    def date(self, iso: str | None) -> str:
        """An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) in words."""
        if not iso:
            return self("undated")
        parts = iso.split("-")
        try:
            y = int(parts[0])
            if len(parts) == 1:
                return self("date_year", y=y)
            month = self.raw("months")[int(parts[1]) - 1]
            if len(parts) == 2:
                return self("date_month", month=month, y=y)
            d = int(parts[2])
        except (ValueError, IndexError):
            return iso
        return self("date_first_day" if d == 1 else "date_day", d=d, month=month, y=y)


def available() -> list[str]:
    """The languages that have a labels file."""
    return sorted(p.name.removesuffix(".json") for p in resources.files("recoupe.present").joinpath("labels").iterdir()
                  if p.name.endswith(".json"))


@lru_cache(maxsize=8)
def labels(language: str | None) -> Labels:
    """The labels of `language`, or English when it has no labels file."""
    lang = language if language in available() else FALLBACK
    text = resources.files("recoupe.present").joinpath("labels", f"{lang}.json").read_text("utf-8")
    return Labels(json.loads(text))


def corpus_language(docs: list[dict[str, Any]]) -> str:
    """The language most of the documents are written in (English when none says)."""
    counts = Counter(d.get("language") for d in docs if d.get("language"))
    return counts.most_common(1)[0][0] if counts else FALLBACK
