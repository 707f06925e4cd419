"""Name normalisation shared by resolution steps."""

from __future__ import annotations

import re
import unicodedata

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case-folded, accent-free, apostrophe- and space-normalised form of a name."""
    text = unicodedata.normalize("NFKD", text.translate(_APOS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text.casefold()).strip()
