"""Text folding and name keys shared by every stage: the one place where "the same word" is decided."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def fold(text: str, *, hyphens: bool = False) -> str:
    """Case-folded, accent-free, apostrophe- and space-normalised form of a name; with `hyphens`, hyphens and
    dashes count as spaces too ("Rostov-sur-le-Don" = "rostov sur le don"). Cached: every stage folds the same
    words and names over and over (a pure function of its arguments)."""
    text = text.translate(_APOS)
    if hyphens:
        text = text.replace("-", " ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text.casefold()).strip()


# Transliteration-insensitive key: French, English and German renderings of Cyrillic, Korean and Arabic
# names differ in a few regular ways (tch/ch, zh/j, kh/h, ou/u, y/i, doubled letters, hyphens).
_TRANSLIT = [("tch", "ch"), ("tsch", "ch"), ("sch", "ch"), ("sh", "ch"), ("zh", "j"), ("dj", "j"), ("dzh", "j"), ("kh", "h"),
             ("ou", "u"), ("oo", "u"), ("w", "v"), ("y", "i"), ("ck", "k"), ("q", "k"), ("ph", "f"), ("ie", "i"), ("ei", "i")]


def translit_key(text: str) -> str:
    k = fold(text).replace("-", " ").replace("'", " ").replace(".", " ")
    k = _SPACES.sub(" ", k).strip()
    for a, b in _TRANSLIT:
        k = k.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", k)
