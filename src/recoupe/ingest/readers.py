"""Readers: turn files of each supported format into raw articles (text plus whatever metadata they carry).

No file can crash or hang a build: only regular files are opened (without blocking, so a named pipe is refused,
never waited on), at most `MAX_BYTES` are read, a JSONL file is read line by line with bounds per line, file names
that are not UTF-8 are kept with surrogate escapes and shown as bytes, and every field is cleaned before use."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recoupe.errors import IngestError
from recoupe.ingest import pubdate
from recoupe.lang import pages as sources
from recoupe.ingest.normalize import clean_field, shown
from recoupe.registry import REGISTRY

# Limits (stated in the README): a .txt or .html file; one JSONL line; the nesting of one JSONL record.
MAX_BYTES = 50 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_INT_DIGITS = 100  # a longer integer in a JSONL record is kept as its digits, never converted

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


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
    author: str | None = None
    where: str | None = None  # file and line it was read from, for messages (JSONL records)
    notes: list[str] = field(default_factory=list)  # fields that were present but unusable, and why


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


def path_source(path: Path | str) -> str:
    """The source name of a file: its path, a name that is not UTF-8 or holds control characters written with
    escapes (so it prints safely and stores as valid UTF-8); the same file always gets the same name."""
    return shown(os.fsdecode(os.fspath(path)), limit=1 << 30)


def _open_regular(path: Path, source: str) -> io.BufferedReader:
    """Open a regular file for reading, without ever blocking: anything else (a named pipe, a device, a socket,
    a folder) is refused, whatever a symbolic link pointed at."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise IngestError(source, _os_reason(e, path)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a file")
            raise IngestError(source, f"not a regular file ({kind}): not read")
        return io.open(fd, "rb", buffering=1 << 16, closefd=True)  # noqa: SIM115 (the caller closes it)
    except BaseException:
        os.close(fd)
        raise


def _os_reason(e: OSError, path: Path) -> str:
    if e.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "no such file or folder"
    return f"unreadable ({e.strerror or e})"


def _read_bytes(path: Path, source: str) -> bytes:
    """The whole file, at most MAX_BYTES of it: the limit holds for the bytes actually read, whatever the size
    the file system states."""
    with _open_regular(path, source) as f:
        try:
            data = f.read(MAX_BYTES + 1)
        except OSError as e:
            raise IngestError(source, f"unreadable ({e.strerror or e})") from None
    if len(data) > MAX_BYTES:
        raise IngestError(source, f"file too large (over {MAX_BYTES} bytes)")
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
    if not text.strip():
        raise IngestError(source, "empty file")
    return text


@reader(".txt", ".text", ".md")
def read_txt(path: Path, source: str) -> Iterator[RawArticle | IngestError]:
    """A text file: an optional ` date YYYY-MM-DD` header or `---` front matter (title, outlet, url, published,
    author), else what a manifest beside it (manifest.csv or manifest.json) says of the file."""
    raw = _decode(_read_bytes(path, source), source)
    meta, cut = sources.front_matter(raw)
    published, precision, cut2 = pubdate.parse_header(raw[cut:])
    body = raw[cut + cut2:]
    if not body.strip():
        raise IngestError(source, "empty file (no text after the date header)")
    notes: list[str] = []
    listed = _manifest(path.parent).get(path.name, {})
    meta = {**listed, **meta}
    from_meta = None
    if not published and meta.get("published"):
        published, precision = pubdate.parse_iso(meta["published"])
        if published is None:
            notes.append(f"'published' is not an ISO date ({shown(meta['published'], 40)}): left undated")
        from_meta = "metadata" if published else None
    title = clean_field(meta["title"]) if meta.get("title") else None
    if title is None:
        for line in body.lstrip().splitlines()[:6]:
            if line.startswith("#"):
                title = clean_field(line.lstrip("#"))
                break
    yield RawArticle(source=source, text=body, title=title, published=published, published_precision=precision,
                     published_from="header" if published and not from_meta else from_meta,
                     outlet=_opt(meta.get("outlet")), url=_opt(meta.get("url")), author=_opt(meta.get("author")),
                     notes=notes)


def _opt(v: str | None) -> str | None:
    return clean_field(v) if v else None


MANIFESTS = ("manifest.json", "manifest.csv")


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    """file name -> its fields (title, outlet, url, published, author) from a manifest in this folder: a CSV with a
    header row, or a JSON list of objects (or an object keyed by file name). A broken manifest gives nothing."""
    try:
        key = (str(folder.resolve()), tuple(_mtime(folder / m) for m in MANIFESTS))
    except OSError:
        return {}
    cached = _MANIFEST_CACHE.get(key[0])
    if cached is not None and cached[0] == key[1]:
        return cached[1]
    out: dict[str, dict[str, str]] = {}
    for name in MANIFESTS:
        p = folder / name
        if not p.is_file():
            continue
        try:
            text = _decode(_read_bytes(p, str(p)), str(p))
            rows: Any = json.loads(text) if name.endswith(".json") else list(csv.DictReader(io.StringIO(text)))
        except (IngestError, ValueError, csv.Error):
            continue
        if isinstance(rows, dict):
            rows = [{**v, "file": k} for k, v in rows.items() if isinstance(v, dict)]
        for row in rows if isinstance(rows, list) else []:
            if not isinstance(row, dict) or not isinstance(row.get("file"), str):
                continue
            fields = {k: str(v) for k, v in row.items() if k in sources.FIELDS and isinstance(v, (str, int)) and str(v).strip()}
            if "date" in row and "published" not in fields and isinstance(row["date"], str):
                fields["published"] = row["date"]
            out.setdefault(Path(row["file"]).name, fields)
        break
    _MANIFEST_CACHE[key[0]] = (key[1], out)
    return out


_MANIFEST_CACHE: dict[str, tuple[tuple[float, ...], dict[str, dict[str, str]]]] = {}


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return -1.0


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, source: str) -> Iterator[RawArticle | IngestError]:
    import trafilatura
    from trafilatura.utils import load_html

    raw = _decode(_read_bytes(path, source), source)
    if "<" not in raw:
        raise IngestError(source, "malformed HTML: no markup found")
    tree = load_html(raw)
    if tree is None:
        raise IngestError(source, "malformed HTML: could not be parsed")
    published, precision = _html_date(tree)
    # trafilatura's own date (htmldate) is not used: past the metadata it guesses from the text, even a day from a
    # bare year; the narrow search spares it the cost of the guess
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, favor_recall=True,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        raise IngestError(source, "no article text found in the HTML")
    yield RawArticle(source=source, text=doc.text, title=_field(doc.title), outlet=_field(doc.sitename),
                     published=published, published_precision=precision,
                     published_from="metadata" if published else None, url=_field(doc.url), author=_field(doc.author))


def _html_date(tree: Any) -> tuple[str | None, str | None]:
    """The publication date a page states in its metadata, with the precision it states: a `<meta>` of the
    publication-date names htmldate knows, JSON-LD `datePublished`, or a `<time>` marked as the publication's.
    Nothing is read from the text or the address; a value that is not an ISO date is not used."""
    from htmldate.core import DATE_ATTRIBUTES, ITEMPROP_ATTRS_ORIGINAL

    candidates: list[str] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        prop = (meta.get("itemprop") or "").strip().lower()
        if key in DATE_ATTRIBUTES or prop in ITEMPROP_ATTRS_ORIGINAL:
            candidates.append(meta.get("content") or meta.get("datetime") or "")
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            candidates.extend(_json_ld_dates(script.text))
    for t in tree.iter("time"):
        if t.get("pubdate") is not None or (t.get("itemprop") or "").strip().lower() == "datepublished":
            candidates.append(t.get("datetime") or "")
    for value in candidates:
        published, precision = pubdate.parse_iso(value)
        if published:
            return published, precision
    return None, None


def _json_ld_dates(text: str) -> list[str]:
    try:
        data = json.loads(text[:MAX_LINE_BYTES], parse_int=_bounded_int)
    except (ValueError, RecursionError):
        return []
    out: list[str] = []
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack and len(out) < 10:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                out.append(value)
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in reversed(node) if isinstance(v, (dict, list)))
    return out


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path, source: str) -> Iterator[RawArticle | IngestError]:
    """One record per line, each line on its own: a bad line (malformed, too long, too deep) is reported with its
    number and loses only itself. Lines end at a newline only, so U+2028, U+2029 and U+0085 inside strings are
    text, not line ends."""
    yielded = False
    with _open_regular(path, source) as f:
        for n, line in _lines(f, source):
            where = f"{source}:{n}"
            if isinstance(line, IngestError):
                item: RawArticle | IngestError = line
            else:
                if n == 1 and "\x00" in line:
                    raise IngestError(source, "binary file (contains NUL bytes)")
                if not line.strip():
                    continue
                try:
                    item = _record(line, where)
                except Exception as e:  # a bug on odd input: lose this line only, say why
                    item = IngestError(where, f"could not be read ({type(e).__name__}: {e})".splitlines()[0])
            yielded = True
            yield item
    if not yielded:
        raise IngestError(source, "empty file (no records, only blank lines)")


def _lines(f: io.BufferedReader, source: str) -> Iterator[tuple[int, str | IngestError]]:
    """(line number, decoded line or the error that lost it), a line being at most MAX_LINE_BYTES."""
    n = 0
    while True:
        try:
            chunk = f.readline(MAX_LINE_BYTES + 1)
        except OSError as e:
            raise IngestError(source, f"unreadable ({e.strerror or e})") from None
        if not chunk:
            return
        n += 1
        if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):  # pass over the rest of the line
                chunk = f.readline(1 << 20)
            yield n, IngestError(f"{source}:{n}", f"line too long (over {MAX_LINE_BYTES} bytes)")
            continue
        if n == 1 and chunk.startswith(b"\xef\xbb\xbf"):
            chunk = chunk[3:]
        chunk = chunk.rstrip(b"\n").rstrip(b"\r")
        try:
            yield n, chunk.decode("utf-8")
        except UnicodeDecodeError:
            try:
                yield n, chunk.decode("cp1252")
            except UnicodeDecodeError:
                yield n, IngestError(f"{source}:{n}", "undecodable line: neither UTF-8 nor Windows-1252")


def _record(line: str, where: str) -> RawArticle | IngestError:
    try:
        obj = json.loads(line, parse_int=_bounded_int)
    except json.JSONDecodeError as e:
        return IngestError(where, f"malformed JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        return IngestError(where, f"malformed record: nested deeper than {MAX_DEPTH} levels")
    if not isinstance(obj, dict):
        return IngestError(where, "malformed record: expected a JSON object")
    if _deeper_than(obj, MAX_DEPTH):
        return IngestError(where, f"malformed record: nested deeper than {MAX_DEPTH} levels")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestError(where, "record has no 'text'" if text is None or isinstance(text, str) else "record's 'text' is not a string")
    notes: list[str] = []
    title, outlet, url, author = (_string(obj, k, notes) for k in ("title", "outlet", "url", "author"))
    ident = url or _string(obj, "id", notes, numbers=True)
    published, precision = None, None
    raw_date = _string(obj, "published", notes)
    if raw_date:
        published, precision = pubdate.parse_iso(raw_date)
        if published is None:
            notes.append(f"'published' is not an ISO date ({shown(raw_date, 40)}): left undated")
    return RawArticle(
        source=ident or where, text=text, title=title, outlet=outlet, published=published,
        published_precision=precision, published_from="metadata" if published else None, url=url, author=author,
        where=where, notes=notes,
    )


def _string(obj: dict[str, Any], key: str, notes: list[str], *, numbers: bool = False) -> str | None:
    """A record's field as a clean string; a value of another type is noted and left out."""
    v = obj.get(key)
    if v is None:
        return None
    if numbers and isinstance(v, int) and not isinstance(v, bool):
        v = str(v)
    if not isinstance(v, str):
        notes.append(f"'{key}' is not a string: ignored")
        return None
    return clean_field(v)


def _field(v: object) -> str | None:
    return clean_field(v) if isinstance(v, str) else None


class _Digits(str):
    """An integer too long to convert (Python refuses over 4 300 digits): kept as its digits."""


def _bounded_int(s: str) -> int | str:
    return int(s) if len(s) <= MAX_INT_DIGITS else _Digits(s)


def _deeper_than(obj: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


def iter_files(paths: list[str], passed: list[tuple[str, str]] | None = None) -> Iterator[tuple[Path, str] | IngestError]:
    """Every file under the given paths (folders recursively, in a stable order), with its source name, or the
    error that keeps a path from being read (a folder that cannot be listed).

    Inside folders, entries that are not read are listed in `passed` with the reason: files of a type no reader
    handles (a README, a NOTICE, images), hidden files and folders (names starting with "."), and symbolic links
    to folders (not followed, so no loop). A path named explicitly is always read, so an unsupported file, a
    hidden one or a link is read or reported."""
    known = readers()

    def note(p: Path | str, reason: str) -> None:
        if passed is not None:
            passed.append((path_source(p), reason))

    for p in paths:
        path = Path(p)
        if not path.is_dir():
            yield path, path_source(path)
            continue
        errors: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=errors.append):
            while errors:
                e = errors.pop()
                yield IngestError(path_source(e.filename or root), f"folder not read ({e.strerror or e})")
            keep = []
            for d in sorted(dirs):
                full = os.path.join(root, d)
                if d.startswith("."):
                    note(full, "hidden folder: not read")
                elif os.path.islink(full):
                    note(full, "symbolic link to a folder: not followed (name it to read it)")
                else:
                    keep.append(d)
            dirs[:] = keep
            for f in sorted(files):
                fp = Path(root) / f
                if f.startswith("."):
                    note(fp, "hidden file: not read")
                elif fp.suffix.lower() not in known:
                    note(fp, "other file type: not read")
                else:
                    yield fp, path_source(fp)
        while errors:
            e = errors.pop()
            yield IngestError(path_source(e.filename or path), f"folder not read ({e.strerror or e})")


def read_file(path: Path, source: str) -> Iterator[RawArticle | IngestError]:
    """Raw articles from one file; a problem comes back as an IngestError item, never an exception. Every file
    gives at least one item: an article or the reason it gave none."""
    try:
        os.stat(path)
    except OSError as e:
        yield IngestError(source, _os_reason(e, path))
        return
    except ValueError:  # a NUL in the name
        yield IngestError(source, "no such file or folder")
        return
    known = readers()
    fn = known.get(path.suffix.lower())
    if fn is None:
        suffix = shown(path.suffix, 40) or "(none)"
        yield IngestError(source, f"unsupported file type '{suffix}' (expected one of {', '.join(sorted(known))})")
        return
    produced = False
    try:
        for item in fn(path, source):
            produced = True
            yield item
    except IngestError as e:
        produced = True
        yield e
    except Exception as e:  # a reader bug or a library failure on odd input: skip the file, say why
        produced = True
        yield IngestError(source, f"could not be read ({type(e).__name__}: {e})".splitlines()[0])
    if not produced:
        yield IngestError(source, "nothing read from the file")
