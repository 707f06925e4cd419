"""Text normalisation done once at ingest: mojibake repaired, Unicode NFC, whitespace tidied; the cleaning of
metadata fields and of anything printed; long texts cut into sections at paragraph breaks."""

from __future__ import annotations

import re
import unicodedata

import ftfy

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# control characters (C0 but tab and newline, DEL, C1) that remain after ftfy; form and line feeds become breaks
_BREAKS = str.maketrans({"\f": "\n\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n\n", "\u0085": "\n"})
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# what is escaped when printed: controls, line and paragraph separators, bidirectional overrides, lone surrogates
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_FIELD_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Return the canonical form of an article body that every span will index into.

    Non-breaking and thin spaces (common before French punctuation) become plain spaces so that
    searches and patterns see one kind of space; paragraphs (blank lines) are kept. Lone surrogates
    become U+FFFD and control characters are dropped (form feeds and Unicode line separators are breaks).
    """
    text = _valid_unicode(text)
    # keep typographic quotes and apostrophes as written: quotes detection needs to tell “ ” from " "
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    text = _CONTROLS.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANKS.sub("\n\n", text)
    return text.strip()


def clean_field(value: str) -> str | None:
    """A metadata field (title, outlet, URL, id) as stored: valid Unicode, NFC, no control characters, spaces
    collapsed; None when nothing is left."""
    value = unicodedata.normalize("NFC", _valid_unicode(value))
    value = _FIELD_SPACES.sub(" ", _CONTROLS.sub(" ", value.translate(_BREAKS))).strip()
    return value or None


def shown(value: str, limit: int = 300) -> str:
    """`value` safe to print on one terminal line: control characters, separators, bidirectional overrides and
    lone surrogates written as escapes (a file name that is not UTF-8 shows its bytes as \\xNN), cut at `limit`."""
    out = _UNPRINTABLE.sub(_escape, value)
    return out if len(out) <= limit else out[:limit - 1] + "…"


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    if 0xDC80 <= c <= 0xDCFF:  # a byte that was not UTF-8, kept by the surrogateescape error handler
        return f"\\x{c - 0xDC00:02x}"
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def _valid_unicode(text: str) -> str:
    """Surrogate pairs joined, lone surrogates (from JSON escapes such as "\\udfff") replaced by U+FFFD."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def split_sections(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut a normalised text into pieces of at most `limit` characters, as (start, end) offsets into it: at the
    last paragraph break before the limit, else the last line break, sentence end or space, else at the limit.
    The pieces cover the text but for the whitespace at the cuts, and each starts and ends on a non-space."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        while start < n and text[start].isspace():
            start += 1
        if start >= n:
            break
        end = min(start + limit, n)
        if end < n:
            window = text[start:end + 1]  # a break right at the limit still counts
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep, limit // 2)
                if cut > 0:
                    end = start + cut + (1 if sep == ". " else 0)
                    break
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        out.append((start, stop))
        start = end
    return out
