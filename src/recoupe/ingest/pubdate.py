"""Publication dates from a text header or from metadata (a dateline in the text is the language pack's rule:
`LanguagePack.grammar.dateline`, applied by `recoupe.ingest.to_document`)."""

from __future__ import annotations

import re
from datetime import date

# " date 2023-09" or " date 2023-09-12" opening a .txt file
HEADER_RE = re.compile(r"\A\s*date\s+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=\s)", re.IGNORECASE)
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
