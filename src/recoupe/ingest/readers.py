"""Readers: turn files of each supported format into raw articles (text plus whatever metadata they carry)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from recoupe.errors import IngestError
from recoupe.registry import REGISTRY
from recoupe.ingest import pubdate

MAX_BYTES = 50 * 1024 * 1024


@dataclass(slots=True)
class RawArticle:
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_from: str | None = None
    url: str | None = None


Reader = Callable[[Path, str], Iterator["RawArticle | IngestError"]]


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes in the one registry (kind "reader", one entry per suffix); built-ins
    use the same hook a plugin would."""

    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            REGISTRY.add("reader", s, fn)
        return fn

    return deco


def readers() -> dict[str, Reader]:
    """File suffix -> reader, for every registered reader."""
    return {name: e.obj for name, e in REGISTRY.entries("reader").items()}


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(source, f"file too large ({size} bytes, limit {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(source, f"unreadable ({e.strerror or e})") from None
    if not data.strip():
        raise IngestError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise IngestError(source, "binary file (contains NUL bytes)")
    return data


def _decode(data: bytes, source: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Legacy single-byte encoding (common in older French sites); accepted only if it reads as text.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise IngestError(source, "undecodable: neither UTF-8 nor Windows-1252") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(2, len(text) * 0.01):
        raise IngestError(source, "undecodable: control characters, looks binary")
    return text


@reader(".txt", ".text", ".md")
def read_txt(path: Path, source: str) -> Iterator[RawArticle | IngestError]:
    raw = _decode(_read_bytes(path, source), source)
    published, precision, cut = pubdate.parse_header(raw)
    body = raw[cut:]
    if not body.strip():
        raise IngestError(source, "empty file (no text after the date header)")
    title = None
    for line in body.lstrip().splitlines()[:6]:
        if line.startswith("#"):
            title = line.lstrip("#").strip() or None
            break
    yield RawArticle(source=source, text=body, title=title, published=published,
                     published_precision=precision, published_from="header" if published else None)


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, source: str) -> Iterator[RawArticle | IngestError]:
    import trafilatura

    raw = _decode(_read_bytes(path, source), source)
    if "<" not in raw:
        raise IngestError(source, "malformed HTML: no markup found")
    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        raise IngestError(source, "no article text found in the HTML")
    published, precision = pubdate.parse_iso(doc.date)
    yield RawArticle(source=source, text=doc.text, title=doc.title or None, outlet=doc.sitename or None,
                     published=published, published_precision=precision,
                     published_from="metadata" if published else None, url=doc.url or None)


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path, source: str) -> Iterator[RawArticle | IngestError]:
    raw = _decode(_read_bytes(path, source), source)
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(obj, dict):
            yield IngestError(where, "malformed record: expected a JSON object")
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield IngestError(where, "record has no 'text'")
            continue
        published, precision = pubdate.parse_iso(obj.get("published") if isinstance(obj.get("published"), str) else None)
        ident = obj.get("url") or obj.get("id")
        yield RawArticle(
            source=str(ident) if ident else where, text=text, title=_str(obj.get("title")),
            outlet=_str(obj.get("outlet")), published=published, published_precision=precision,
            published_from="metadata" if published else None, url=_str(obj.get("url")),
        )


def _str(v: object) -> str | None:
    return v.strip() or None if isinstance(v, str) else None


def iter_files(paths: list[str], ignored: list[str] | None = None) -> Iterator[tuple[Path, str]]:
    """Every file under the given paths (folders recursively, in a stable order), with its source name.

    Inside folders, files of a type no reader handles (a README, a NOTICE, images) are passed over and
    listed in `ignored`; a file named explicitly is always read, so an unsupported one is reported.
    """
    known = readers()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith("."):
                        continue
                    fp = Path(root) / f
                    if fp.suffix.lower() not in known:
                        if ignored is not None:
                            ignored.append(str(fp))
                        continue
                    yield fp, str(fp)
        else:
            yield path, str(path)


def read_file(path: Path, source: str) -> Iterator[RawArticle | IngestError]:
    """Raw articles from one file; a problem comes back as an IngestError item, never an exception."""
    if not path.exists():
        yield IngestError(source, "no such file or folder")
        return
    known = readers()
    fn = known.get(path.suffix.lower())
    if fn is None:
        yield IngestError(source, f"unsupported file type '{path.suffix or '(none)'}' (expected one of {', '.join(sorted(known))})")
        return
    try:
        yield from fn(path, source)
    except IngestError as e:
        yield e
    except Exception as e:  # a reader bug or a library failure on odd input: skip the file, say why
        yield IngestError(source, f"could not be read ({type(e).__name__}: {e})".splitlines()[0])
