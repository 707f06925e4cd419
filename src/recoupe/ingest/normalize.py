"""Text normalisation done once at ingest: mojibake repaired, Unicode NFC, whitespace tidied."""

from __future__ import annotations

import re
import unicodedata

import ftfy

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


def normalize_text(text: str) -> str:
    """Return the canonical form of an article body that every span will index into.

    Non-breaking and thin spaces (common before French punctuation) become plain spaces so that
    searches and patterns see one kind of space; paragraphs (blank lines) are kept.
    """
    # keep typographic quotes and apostrophes as written: quotes detection needs to tell “ ” from " "
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANKS.sub("\n\n", text)
    return text.strip()
