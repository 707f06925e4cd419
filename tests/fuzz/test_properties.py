"""Property tests (Hypothesis) on every reader and normaliser: any bytes, any file name, any JSON. Each property
holds for every input: no exception escapes, every file gives at least one item, what is printed is one safe
line, what is stored is valid Unicode. Kept quick (a few seconds in all) for the default suite; RECOUPE_FUZZ_EXAMPLES=5000
runs a longer campaign."""

from __future__ import annotations

import importlib
import json
import os
import tempfile
import unicodedata
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoupe import ingest
from recoupe.errors import IngestError
from recoupe.ingest.dedup import NUM_PERM, NearDuplicateIndex, signature
from recoupe.ingest.language import detect_language
from recoupe.ingest.normalize import clean_field, normalize_text, shown, split_sections

readers = importlib.import_module("recoupe.ingest.readers")

FAST = settings(max_examples=int(os.environ.get("RECOUPE_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [".txt", ".html", ".jsonl"]
# any code point, lone surrogates included
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=300)
ARTICLE_TEXT = st.text(st.characters(codec="utf-8"), min_size=0, max_size=400)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "title", "id", "url", "outlet", "published", "x"]) | ANY_TEXT, inner, max_size=5),
    max_leaves=12,
)


def _one_line(s: str) -> bool:
    s.encode("utf-8")
    return "\n" not in s and "\r" not in s and not any(unicodedata.category(c) == "Cc" for c in s)


def _check_items(items: list, source: str) -> None:
    assert items, "a file gave no item at all"
    for item in items:
        if isinstance(item, IngestError):
            assert item.source.startswith(source)
            assert _one_line(shown(item.source)) and _one_line(shown(item.reason))
        else:
            for v in (item.source, item.title, item.outlet, item.url):
                if v is not None:
                    v.encode("utf-8")
                    assert not any(unicodedata.category(c) == "Cc" for c in v)


@FAST
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_reader(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"f{suffix}"
        p.write_bytes(data)
        _check_items(list(ingest.read_file(p, str(p))), str(p))


@FAST
@given(name=st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")),
       suffix=st.sampled_from(SUFFIXES + [".png", ""]))
def test_any_file_name(name: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        full = os.fsencode(d) + b"/" + name + suffix.encode()
        try:
            with open(full, "wb") as f:
                f.write("Le ministre a annoncé une réforme des retraites à Paris.".encode())
        except OSError:  # a name the file system refuses (too long)
            return
        passed: list[tuple[str, str]] = []
        for entry in ingest.iter_files([d], passed):
            assert not isinstance(entry, IngestError)
            path, source = entry
            assert _one_line(source)
            _check_items(list(ingest.read_file(path, source)), source)
        for source, reason in passed:
            assert _one_line(source) and _one_line(reason)


@FAST
@given(records=st.lists(JSON, min_size=1, max_size=6))
def test_any_json_lines(records: list) -> None:
    lines = [json.dumps(r, ensure_ascii=bool(i % 2)) for i, r in enumerate(records)]
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "f.jsonl"
        p.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        items = list(ingest.read_file(p, str(p)))
    _check_items(items, str(p))
    # one item per line that holds something, in order, each naming its own line
    expected = [n for n, line in enumerate(lines, 1) if line.strip()]
    got = [int((i.where if not isinstance(i, IngestError) else i.source).rsplit(":", 1)[1]) for i in items
           if isinstance(i, IngestError) or i.where]
    assert got == expected or (not expected and len(items) == 1)
    for item, record in zip((i for i in items if not isinstance(i, IngestError)), (r for r in records if isinstance(r, dict) and isinstance(r.get("text"), str) and r["text"].strip())):
        assert item.text == record["text"]


@FAST
@given(text=ANY_TEXT)
def test_normalize_text_gives_clean_nfc(text: str) -> None:
    out = normalize_text(text)
    out.encode("utf-8")
    assert unicodedata.is_normalized("NFC", out)
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in out)
    assert out == out.strip() and "\n\n\n" not in out


@FAST
@given(text=ANY_TEXT)
def test_fields_and_printing(text: str) -> None:
    field = clean_field(text)
    if field is not None:
        field.encode("utf-8")
        assert not any(unicodedata.category(c) == "Cc" for c in field)
    assert _one_line(shown(text)) and len(shown(text, 50)) <= 50


@FAST
@given(text=st.text(st.sampled_from("ab .\n"), max_size=600), limit=st.integers(5, 120))
def test_split_sections_covers_the_text_within_the_limit(text: str, limit: int) -> None:
    text = normalize_text(text)
    pieces = split_sections(text, limit)
    assert all(0 < b - a <= limit for a, b in pieces)
    assert all(a2 >= b1 for (_, b1), (a2, _) in zip(pieces, pieces[1:]))
    assert [c for c in text if not c.isspace()] == [c for a, b in pieces for c in text[a:b] if not c.isspace()]


@FAST
@given(text=ARTICLE_TEXT)
def test_language_and_signature_of_any_text(text: str) -> None:
    text = normalize_text(text)
    lang = detect_language(text)
    assert lang is None or (isinstance(lang, str) and 2 <= len(lang) <= 3)
    sig = signature(text)
    assert sig.shape == (NUM_PERM,) and np.issubdtype(sig.dtype, np.unsignedinteger)
    index = NearDuplicateIndex()
    index.add("a", sig)
    assert index.find(sig) == "a" and index.find(sig, skip={"a"}) is None
    index.remove("a")
    assert "a" not in index and index.find(sig) is None


@FAST
@given(raw=ARTICLE_TEXT)
def test_to_document_either_reads_or_says_why(raw: str) -> None:
    try:
        doc = ingest.to_document(readers.RawArticle(source="s", text=raw))
    except IngestError as e:
        assert _one_line(e.reason)
        return
    doc.text.encode("utf-8")
    assert doc.id.startswith("doc-") and doc.published is None or doc.published_from is not None
