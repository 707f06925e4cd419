"""Ingest: read sources into normalised Documents (text, date, outlet, language, duplicates)."""

from __future__ import annotations

import hashlib

from recoupe import lang
from recoupe.errors import IngestError
from recoupe.lang import pages as sources
from recoupe.ingest.language import detect_language
from recoupe.ingest.normalize import normalize_text
from recoupe.ingest.readers import RawArticle, iter_files, read_file, reader, readers
from recoupe.model import Document, make_id

__all__ = ["IngestError", "RawArticle", "iter_files", "read_file", "reader", "readers", "to_document"]

MIN_CHARS = 20
MAX_CHARS = 1_000_000  # spaCy's own limit for one text; longer ones are not articles but dumps


def to_document(raw: RawArticle, pack: lang.LanguagePack | None = None) -> Document:
    """Normalise a raw article into a Document; its id is a hash of its text (rebuilds give the same id).

    The publication date is completed here, once, by the dateline rule of `pack` (by default the pack of the
    language detected, French when recoupe has none for it): analysis reads the date as ingest leaves it."""
    text = normalize_text(raw.text)
    if len(text) < MIN_CHARS or not any(c.isalpha() for c in text):
        raise IngestError(raw.source, f"no usable text ({len(text)} characters after normalisation)")
    if len(text) > MAX_CHARS:
        raise IngestError(raw.source, f"text too long to analyze ({len(text)} characters; the limit is {MAX_CHARS}): split it into articles")
    language = detect_language(text)
    if pack is None:
        pack = lang.pack(language if language in lang.known() else lang.DEFAULT)
    published, precision, how = pack.grammar.dateline(text, raw.published, raw.published_precision)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    # who published it: the outlet named from its host, the title and author from the text when nothing else says
    code = pack.code if pack.code in lang.known() else lang.DEFAULT
    zs = sources.zones(text, code)
    return Document(
        id=make_id("doc", content_hash),
        source=raw.source,
        text=text,
        title=raw.title or sources.first_line_title(text, zs),
        outlet=sources.outlet_name(raw.outlet, raw.url or (raw.source if "://" in raw.source else None)),
        url=raw.url or (raw.source if raw.source.startswith(("http://", "https://")) else None),
        author=raw.author or sources.byline_author(text, zs, code),
        language=language,
        published=published,
        published_precision=precision,
        published_from=how or raw.published_from,
        content_hash=content_hash,
    )
