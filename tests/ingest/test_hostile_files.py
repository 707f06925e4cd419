"""Regression tests for the hostile inputs of issue 21: no file crashes, hangs or silently loses records."""

from __future__ import annotations

import importlib
import json
import os
import threading
from pathlib import Path

import pytest

from recoupe import ingest
from recoupe.errors import IngestError
from recoupe.ingest.normalize import clean_field, normalize_text, shown, split_sections

readers = importlib.import_module("recoupe.ingest.readers")  # the module (`recoupe.ingest.readers` names a function)
BODY = "Le ministre a annoncé mercredi une réforme des retraites. Les syndicats ont réagi aussitôt à Paris."


def _read(path: Path) -> list:
    return list(ingest.read_file(path, readers.path_source(path)))


def _good(items: list) -> list:
    return [i for i in items if not isinstance(i, IngestError)]


def _bad(items: list) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def _printable(s: str) -> bool:
    s.encode("utf-8")  # no lone surrogate
    return not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" for c in s)


def test_a_file_name_that_is_not_utf8_is_read_and_shown_as_bytes(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9 \x1b[31mrouge.txt"
    with open(name, "wb") as f:
        f.write(BODY.encode())
    [(path, source)] = list(ingest.iter_files([str(tmp_path)]))
    assert source.endswith("caf\\xe9 \\x1b[31mrouge.txt") and _printable(source)
    [raw] = _read(path)
    assert raw.text == BODY and raw.source == source


def test_a_lone_surrogate_in_any_jsonl_field_is_replaced(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "' + BODY + ' \\udfff", "title": "T\\udfff", "id": "x\\udfff", "outlet": "\\ud800O"}\n', encoding="utf-8")
    [raw] = _read(p)
    for value in (raw.source, raw.title, raw.outlet, normalize_text(raw.text)):
        value.encode("utf-8")
    assert raw.source == "x\ufffd" and raw.title == "T\ufffd"


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    out: list = []
    t = threading.Thread(target=lambda: out.extend(_read(p)), daemon=True)
    t.start()
    t.join(10)
    assert not t.is_alive(), "reading a FIFO hung"
    [err] = out
    assert isinstance(err, IngestError) and "not a regular file (a named pipe)" in err.reason


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "zero.txt"
    p.symlink_to("/dev/zero")
    [err] = _read(p)
    assert "not a regular file (a character device)" in err.reason


def test_the_size_limit_holds_for_the_bytes_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_text(BODY * 20)
    [err] = _read(p)
    assert "file too large (over 1000 bytes)" in err.reason


def test_a_broken_symlink_is_named_so(tmp_path: Path) -> None:
    p = tmp_path / "gone.txt"
    p.symlink_to(tmp_path / "nowhere.txt")
    [err] = _read(p)
    assert err.reason == "broken symbolic link"


def _jsonl(tmp_path: Path, lines: list[str]) -> list:
    p = tmp_path / "feed.jsonl"
    p.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return _read(p)


def test_a_deeply_nested_line_loses_only_itself(tmp_path: Path) -> None:
    items = _jsonl(tmp_path, [json.dumps({"text": BODY}), "[" * 100_000, '{"text": "x", "a": ' + "[" * 70 + "]" * 70 + "}",
                              json.dumps({"text": BODY + " Fin."})])
    assert [g.text for g in _good(items)] == [BODY, BODY + " Fin."]
    assert [(Path(b.source).name, "nested deeper" in b.reason) for b in _bad(items)] == [("feed.jsonl:2", True), ("feed.jsonl:3", True)]


def test_a_number_of_thousands_of_digits_loses_nothing(tmp_path: Path) -> None:
    items = _jsonl(tmp_path, ['{"text": "' + BODY + '", "n": ' + "9" * 5000 + "}", '{"text": "' + BODY + '", "id": ' + "7" * 200 + "}",
                              json.dumps({"text": BODY + " Fin."})])
    good = _good(items)
    assert len(good) == 3 and not _bad(items)
    assert good[1].source == "7" * 200  # a long integer id is kept as its digits


def test_line_separators_inside_json_strings_are_text_and_line_numbers_exact(tmp_path: Path) -> None:
    text = BODY + "\u2028Suite.\u2029Fin\u0085."
    items = _jsonl(tmp_path, [json.dumps({"text": text}, ensure_ascii=False), "{oops", json.dumps({"text": BODY}, ensure_ascii=False)])
    good, bad = _good(items), _bad(items)
    assert [g.text for g in good] == [text, BODY]
    assert [Path(b.source).name for b in bad] == ["feed.jsonl:2"]
    assert Path(good[0].source).name == "feed.jsonl:1" and Path(good[1].source).name == "feed.jsonl:3"


def test_a_line_over_the_size_bound_loses_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 500)
    items = _jsonl(tmp_path, [json.dumps({"text": BODY}), json.dumps({"text": BODY * 10}), json.dumps({"text": BODY + " Fin."})])
    assert [g.text for g in _good(items)] == [BODY, BODY + " Fin."]
    [err] = _bad(items)
    assert Path(err.source).name == "feed.jsonl:2" and "line too long" in err.reason


def test_a_whitespace_only_jsonl_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "blank.jsonl"
    p.write_text("\u3000\n \n\u00a0\n", encoding="utf-8")
    [err] = _read(p)
    assert "empty file" in err.reason


def test_ids_with_terminal_escapes_are_cleaned_and_printed_safely(tmp_path: Path) -> None:
    items = _jsonl(tmp_path, [json.dumps({"text": BODY, "id": "\x1b]0;pwned\x07\x1b[2J"}), json.dumps({"title": "\x1b[31m"})])
    [raw] = _good(items)
    assert _printable(raw.source)
    assert _printable(shown("a\x1b[2Jb\u202e\udce9\n"))
    assert shown("a\x1bb\udce9") == "a\\x1bb\\xe9"


def test_fields_of_the_wrong_type_are_noted_not_used(tmp_path: Path) -> None:
    [raw] = _good(_jsonl(tmp_path, [json.dumps({"text": BODY, "title": 5, "url": ["x"], "published": "12/09/2023"})]))
    assert raw.title is None and raw.url is None and raw.published is None
    assert raw.notes == ["'title' is not a string: ignored", "'url' is not a string: ignored",
                         "'published' is not an ISO date (12/09/2023): left undated"]


def test_hidden_entries_and_links_to_folders_are_reported(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "b.txt").write_text(BODY)
    (tmp_path / "in" / "a.txt").write_text(BODY)
    (tmp_path / "in" / ".draft.txt").write_text(BODY)
    (tmp_path / "in" / ".git").mkdir()
    (tmp_path / "in" / "link").symlink_to(tmp_path / "other")
    passed: list[tuple[str, str]] = []
    files = [s for _, s in ingest.iter_files([str(tmp_path / "in")], passed)]
    assert [Path(f).name for f in files] == ["a.txt"]
    assert sorted((Path(p).name, why.split(":")[0]) for p, why in passed) == [
        (".draft.txt", "hidden file"), (".git", "hidden folder"), ("link", "symbolic link to a folder")]
    # named explicitly, a link to a folder is read
    assert [Path(s).name for _, s in ingest.iter_files([str(tmp_path / "in" / "link")])] == ["b.txt"]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path) -> None:
    d = tmp_path / "in" / "locked"
    d.mkdir(parents=True)
    (d / "a.txt").write_text(BODY)
    d.chmod(0)
    try:
        if os.access(d, os.R_OK):
            pytest.skip("running as a user that ignores file permissions")
        items = list(ingest.iter_files([str(tmp_path / "in")]))
    finally:
        d.chmod(0o755)
    [err] = items
    assert isinstance(err, IngestError) and "folder not read" in err.reason


HTML_NO_DATE = """<html><head><title>Réforme</title></head><body><article>
<p>PARA</p><p>En 2021 déjà, le gouvernement avait promis une réforme. PARA</p></article></body></html>"""


def test_an_html_page_without_a_date_gets_none(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(HTML_NO_DATE.replace("PARA", " ".join([BODY] * 4)), encoding="utf-8")
    [raw] = _read(p)
    assert raw.published is None and raw.published_from is None


@pytest.mark.parametrize(("head", "expected"), [
    ('<meta property="article:published_time" content="2023-09">', ("2023-09", "month")),  # no day invented
    ('<meta name="date" content="2023-09-12T08:00:00+02:00">', ("2023-09-12", "day")),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2022-03-04"}]}</script>', ("2022-03-04", "day")),
    ('<meta itemprop="datePublished" content="2021">', ("2021", "year")),
    ('<meta name="copyright" content="2019">', (None, None)),
])
def test_an_html_date_comes_from_metadata_with_its_own_precision(tmp_path: Path, head: str, expected: tuple) -> None:
    p = tmp_path / "a.html"
    p.write_text(HTML_NO_DATE.replace("</head>", head + "</head>").replace("PARA", " ".join([BODY] * 4)), encoding="utf-8")
    [raw] = _read(p)
    assert (raw.published, raw.published_precision) == expected
    assert raw.published_from == ("metadata" if expected[0] else None)


def test_normalize_text_drops_controls_and_keeps_breaks() -> None:
    # (ftfy takes terminal escapes out whole and makes U+2029 a line break)
    assert normalize_text("a\x00b\x1b[2Jc\x7fd\fe\u2028f\u2029g\x9d") == "abcd\n\ne\nf\ng"
    assert clean_field("  Le\tMonde\x1b \n ") == "Le Monde" and clean_field("\x07") is None


def test_split_sections_cuts_at_paragraphs_within_the_limit() -> None:
    text = "\n\n".join(f"Paragraphe {i}. " + "mot " * 30 for i in range(40))
    text = normalize_text(text)
    pieces = split_sections(text, 1000)
    assert all(0 < b - a <= 1000 for a, b in pieces)
    assert all(text[a:b].startswith("Paragraphe") for a, b in pieces)  # cut at a paragraph break
    assert [c for c in text if not c.isspace()] == [c for a, b in pieces for c in text[a:b] if not c.isspace()]
    assert split_sections("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]  # no break: cut at the limit


def test_the_readme_states_the_limits_in_force() -> None:
    from recoupe import pipeline

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    limits = readme[readme.index("### Limits"):readme.index("### Store")]
    assert f"| {readers.MAX_BYTES // 2**20} MiB" in limits and f"| {readers.MAX_LINE_BYTES // 2**20} MiB" in limits
    assert f"| {readers.MAX_DEPTH} levels" in limits
    assert f"| {pipeline.MAX_SECTION_CHARS:,} characters".replace(",", " ") in limits
    assert f"| {ingest.MAX_CHARS:,} characters".replace(",", " ") in limits
