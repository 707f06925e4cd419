"""Publication dates: from a text header, from metadata, or from a dateline near the top of the text."""

from __future__ import annotations

import re
from datetime import date

_MONTHS_FR = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH_RE = "|".join(sorted({*_MONTHS_FR, *_MONTHS_EN}, key=len, reverse=True))

# " date 2023-09" or " date 2023-09-12" opening a .txt file
HEADER_RE = re.compile(r"\A\s*date\s+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=\s)", re.IGNORECASE)
# "lundi 18 septembre 2023" / "18 septembre 2023" / "September 18, 2023" in the first lines
_DATELINE_RE = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAYS})\s+)?(?P<d>[0-3]?\d)(?:er)?\s+(?P<m>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b"
    rf"|\b(?P<m2>{_MONTH_RE})\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ISO_RE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def parse_header(raw: str) -> tuple[str | None, str | None, int]:
    """Read a ` date YYYY[-MM[-DD]]` prefix: (iso value, precision, length of the prefix to drop)."""
    m = HEADER_RE.match(raw)
    if not m:
        return None, None, 0
    value, precision = _iso(m.group(1), m.group(2), m.group(3))
    if value is None:
        return None, None, 0
    return value, precision, m.end()


def parse_iso(value: str | None) -> tuple[str | None, str | None]:
    """Normalise an ISO-like date string from metadata to (value, precision); bad input gives (None, None)."""
    if not value:
        return None, None
    m = _ISO_RE.match(value.strip())
    if not m:
        return None, None
    return _iso(m.group(1), m.group(2), m.group(3))


def _iso(y: str, m: str | None, d: str | None) -> tuple[str | None, str | None]:
    year = int(y)
    if not 1800 <= year <= 2200:
        return None, None
    if m is None:
        return f"{year:04d}", "year"
    month = int(m)
    if not 1 <= month <= 12:
        return None, None
    if d is None:
        return f"{year:04d}-{month:02d}", "month"
    try:
        day = date(year, month, int(d))
    except ValueError:
        return f"{year:04d}-{month:02d}", "month"
    return day.isoformat(), "day"


def find_dateline(text: str, window: int = 400) -> str | None:
    """A full date written near the top of the article (a dateline or a byline date), as ISO day."""
    head = text[:window]
    for m in _DATELINE_RE.finditer(head):
        if m.group("y"):
            d, mo, y = m.group("d"), m.group("m"), m.group("y")
        else:
            d, mo, y = m.group("d2"), m.group("m2"), m.group("y2")
        month = _MONTHS_FR.get(mo.lower()) or _MONTHS_EN.get(mo.lower())
        try:
            return date(int(y), month or 0, int(d)).isoformat()
        except ValueError:
            continue
    return None


def refine(published: str | None, precision: str | None, text: str) -> tuple[str | None, str | None, str | None]:
    """Combine a header/metadata date with a dateline: the dateline gives the day when it agrees.

    Returns (value, precision, how) where how names the evidence used, or None when nothing changed.
    """
    dateline = find_dateline(text)
    if dateline is None:
        return published, precision, None
    if published is None:
        return dateline, "day", "dateline"
    if precision != "day" and dateline.startswith(published):
        return dateline, "day", "dateline"
    return published, precision, None
