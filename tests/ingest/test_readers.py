"""Each input format read into documents, and each kind of bad file reported and skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoupe import ingest
from recoupe.errors import IngestError
from recoupe.ingest.normalize import normalize_text

BODY = "Le ministre a annoncé mercredi une réforme des retraites. Les syndicats ont réagi aussitôt à Paris."


def _read(path: Path) -> list:
    return list(ingest.read_file(path, str(path)))


def test_readers_txt_with_month_header(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(f" date 2023-09 {BODY}", encoding="utf-8")
    [raw] = _read(p)
    assert raw.published == "2023-09" and raw.published_precision == "month"
    assert raw.text.strip() == BODY  # the prefix is kept out of the body


def test_readers_txt_with_day_header(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(f" date 2023-09-12\n{BODY}", encoding="utf-8")
    [raw] = _read(p)
    assert (raw.published, raw.published_precision) == ("2023-09-12", "day")


def test_readers_txt_without_header(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(BODY, encoding="utf-8")
    [raw] = _read(p)
    assert raw.published is None and raw.text == BODY


def test_readers_txt_legacy_encoding(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(BODY.encode("cp1252"))
    [raw] = _read(p)
    assert "annoncé" in raw.text


def test_readers_html_with_metadata(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    para = " ".join([BODY] * 4)
    p.write_text(
        f"""<html><head><title>Réforme annoncée</title>
        <meta property="og:site_name" content="Le Quotidien">
        <meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
        <body><nav>Accueil | Politique</nav><article><h1>Réforme annoncée</h1><p>{para}</p><p>{para}</p></article>
        <footer>Mentions légales</footer></body></html>""",
        encoding="utf-8",
    )
    [raw] = _read(p)
    assert raw.title == "Réforme annoncée"
    assert raw.outlet == "Le Quotidien"
    assert (raw.published, raw.published_precision) == ("2024-03-05", "day")
    assert "réforme des retraites" in raw.text and "Mentions légales" not in raw.text


def test_readers_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"text": BODY, "title": "T1", "url": "https://example.org/1", "published": "2023-09-12", "outlet": "Ex"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"text": BODY + " Deuxième article.", "published": "2023"}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    items = _read(p)
    good = [i for i in items if not isinstance(i, IngestError)]
    bad = [i for i in items if isinstance(i, IngestError)]
    assert [g.source for g in good] == ["https://example.org/1", f"{p}:6"]
    assert good[0].outlet == "Ex" and good[0].published == "2023-09-12"
    assert good[1].published_precision == "year"
    assert [b.source for b in bad] == [f"{p}:2", f"{p}:3", f"{p}:4"]
    assert "malformed JSON" in bad[0].reason and "no 'text'" in bad[1].reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n  ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("noise.txt", bytes(range(1, 32)) * 50, "undecodable"),
        ("header_only.txt", b" date 2023-09 ", "empty file"),
        ("picture.png", b"\x89PNG", "unsupported file type"),
        ("page.html", b"just words, no markup at all", "malformed HTML"),
        ("empty_page.html", b"<html><body><script>1</script></body></html>", "no article text"),
    ],
)
def test_readers_bad_files_give_one_clear_error(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    [err] = _read(p)
    assert isinstance(err, IngestError)
    assert reason in err.reason
    assert str(p) in str(err) and "\n" not in str(err)


def test_readers_missing_file(tmp_path: Path) -> None:
    [err] = _read(tmp_path / "nope.txt")
    assert isinstance(err, IngestError) and "no such file" in err.reason


def test_readers_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "locked.txt"
    p.write_text(BODY)
    p.chmod(0)
    try:
        items = _read(p)
    finally:
        p.chmod(0o644)
    if items and not isinstance(items[0], IngestError):
        pytest.skip("running as a user that ignores file permissions")
    assert "unreadable" in items[0].reason


def test_readers_folder_walk_ignores_other_types(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BODY)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "README").write_text("notes")
    (tmp_path / ".hidden.txt").write_text(BODY)
    passed: list[tuple[str, str]] = []
    files = [s for _, s in ingest.iter_files([str(tmp_path)], passed)]
    assert files == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]
    assert passed == [(str(tmp_path / ".hidden.txt"), "hidden file: not read"), (str(tmp_path / "README"), "other file type: not read")]


def test_normalize_text_repairs_mojibake_and_spaces() -> None:
    raw = "Le pr\u00c3\u00a9sident\u00a0a dit\u202f: \u00ab\u00a0non\u00a0\u00bb.\r\n\r\n\r\n\r\nFin."
    assert normalize_text(raw) == "Le président a dit : « non ».\n\nFin."
