"""The briefing: extractive, in the corpus language, every sentence citing evidence whose span slices its
article exactly, written as Markdown, one self-contained HTML file and PDF."""

from __future__ import annotations

import ast
import re
import shutil
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from recoupe import api
from recoupe.cli import main
from recoupe.errors import RecoupeError
from recoupe.present import brief, queries, read
from recoupe.present.brief import Briefing
from recoupe.present.labels import available, labels
from recoupe.store import open_store
from tests.present.web.dossier_fixture import make_store
from tests.present.web.hostile import IMG, SCRIPT, make_hostile_store

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset" / "txt"


class _Html(HTMLParser):
    """What the HTML file holds: tags with their attributes, the notes' quoted spans, the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.quotes: list[dict[str, Any]] = []
        self._q: dict[str, Any] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "q":
            self._q = {**a, "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag == "q" and self._q is not None:
            self.quotes.append(self._q)
            self._q = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._q is not None:
            self._q["text"] += data


def check_briefing(b: Briefing, dossier: dict[str, Any]) -> None:
    """Every citation's span slices its document exactly; every sentence cites; every note is cited and
    appears, exactly quoted, in the Markdown and the HTML."""
    texts = {d["id"]: d["text"] for d in dossier["documents"]}
    assert b.notes, "a briefing with no evidence"
    for n in b.notes:
        assert texts[n.doc][n.start:n.end] == n.text, n
        assert n.url.endswith(f"/doc/{n.doc}?start={n.start}&end={n.end}#focus")
    numbers = {n.n for n in b.notes}
    cited = set()
    for sec in b.sections:
        for s in sec.sentences:
            assert s.notes and set(s.notes) <= numbers, (sec.key, s)
            cited.update(s.notes)
    assert cited == numbers
    md = brief.markdown(b)
    for n in b.notes:
        assert brief.md_escape(n.text) in md
    page = _Html()
    page.feed(brief.html(b))
    marks = b.lab.raw("quote_marks")
    assert len(page.quotes) == len(b.notes)
    for q in page.quotes:
        assert q["text"] == marks.format(texts[q["data-doc"]][int(q["data-start"]):int(q["data-end"])])
    # self-contained: no script, no stylesheet or image fetched, links only to its own notes and to the reader
    for tag, a in page.tags:
        assert tag not in ("script", "link", "img", "iframe", "object"), tag
        assert "src" not in a and not any(k.startswith("on") for k in a)
        if tag == "a":
            assert a["href"].startswith("#note-") or re.match(r"^http://127\.0\.0\.1:8000/doc/", a["href"]), a


def test_brief_of_the_sample_cites_exact_spans(sample_db: Path, sample_dossier: dict[str, Any]) -> None:
    b = queries.briefing(sample_db)
    assert b.language == "fr" and b.title == labels("fr")("title")
    check_briefing(b, sample_dossier)
    keys = [s.key for s in b.sections]
    assert keys == ["story", "actors", "quotes", "confirmed", "single", "contested", "contradictions"]
    for key in ("story", "actors", "quotes", "contested", "contradictions"):
        assert b.section(key).sentences, key
    assert [c.key for c in b.charts] == ["per_day", "timeline", "map"]
    story = b.section("story").sentences
    assert any("13 septembre 2023" in s.text for s in story)  # the summit, inside the densest period
    # the distance contradiction with its computation
    assert any("1\u202f442 km" in s.text for s in b.section("contradictions").sentences)


def test_brief_html_is_one_file_with_inline_charts(sample_db: Path) -> None:
    html = brief.html(queries.briefing(sample_db))
    assert html.count("<svg") == 3 and "<script" not in html and "@import" not in html
    assert 'lang="fr"' in html


def test_brief_pdf(sample_db: Path, tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint", exc_type=ImportError)
    out = tmp_path / "b.pdf"
    r = CliRunner().invoke(main, ["brief", "--db", str(sample_db), "--format", "pdf", "--out", str(out)])
    if r.exit_code and "Pango" in r.output:
        pytest.skip("the system's Pango is missing (scripts/install_pdf_libs.sh)")
    assert r.exit_code == 0, r.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    doc = weasyprint.HTML(string=brief.html(queries.briefing(sample_db))).render()
    assert len(doc.pages) >= 2
    links = [link for page in doc.pages for link in page.links]
    assert any(kind == "external" and "/doc/" in target for kind, target, *_ in links)


def test_brief_cli_md_to_stdout_and_formats(sample_db: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["brief", "--db", str(sample_db)])
    assert r.exit_code == 0 and r.stdout.startswith("# Note de synthèse")
    r = CliRunner().invoke(main, ["brief", "--db", str(sample_db), "--format", "pdf"])
    assert r.exit_code == 2 and "--out" in r.output
    out = tmp_path / "b.html"
    r = CliRunner().invoke(main, ["brief", "--db", str(sample_db), "--format", "html", "--out", str(out),
                                  "--reader-url", "http://localhost:9000/"])
    assert r.exit_code == 0 and "http://localhost:9000/doc/" in out.read_text("utf-8")


def test_brief_in_english_on_request(sample_db: Path, sample_dossier: dict[str, Any]) -> None:
    b = queries.briefing(sample_db, language="en")
    assert b.language == "en" and b.title == "Briefing" and b.section("story").title == "The story in dates"
    check_briefing(b, sample_dossier)
    assert queries.briefing(sample_db, language="xx").language == "en"  # no labels file: English


def _keys(d: dict[str, Any], prefix: str = "") -> set[str]:
    return {prefix + k for k in d} | {x for k, v in d.items() if isinstance(v, dict) for x in _keys(v, prefix + k + ".")}


def test_brief_every_language_has_every_label() -> None:
    langs = available()
    assert {"fr", "en"} <= set(langs)
    ref = _keys(labels("en").data)
    for lang in langs:
        assert _keys(labels(lang).data) == ref, lang


def test_brief_no_words_of_either_language_in_the_code() -> None:
    """The sentences come from the labels files: no word of theirs is in a string of the Python that builds them
    (docstrings, comments and error messages aside)."""
    literals = []
    for f in ("brief.py", "charts.py", "story.py", "labels.py"):
        tree = ast.parse(resources.files("recoupe.present").joinpath(f).read_text("utf-8"))
        docs = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
                and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        errors = {id(c) for r in ast.walk(tree) if isinstance(r, ast.Raise) for c in ast.walk(r)}  # messages to the user of the CLI
        literals += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                     and id(n) not in docs and id(n) not in errors]
    keys = {part for k in _keys(labels("fr").data) for part in [k, *k.split(".")]}
    code = "\n".join(x for x in literals if x.strip(".") not in keys)  # label keys ("corrections") are not words

    def strings(node: Any) -> list[str]:
        if isinstance(node, dict):
            return [s for v in node.values() for s in strings(v)]
        if isinstance(node, list):
            return [s for v in node for s in strings(v)]
        return [node] if isinstance(node, str) else []

    for s in strings(labels("fr").data):  # French words (of five letters or more: "sans-serif" is a font)
        for w in re.findall(r"[^\W\d_]{5,}", re.sub(r"\{[^}]*\}", " ", s)):
            assert w == "recoupe" or not re.search(rf"\b{re.escape(w)}\b", code), ("fr", w)
    for s in strings(labels("en").data):  # English phrases (single words are also the contract's field names)
        for piece in re.split(r"\{[^}]*\}|[:;,.()—–]", s):
            if len(piece.split()) >= 2:
                assert piece.strip() not in code, ("en", piece)


def test_brief_applies_corrections_unless_as_built(tmp_path: Path) -> None:
    db = make_store(tmp_path / "c.db")
    d = queries.export_dossier(db)
    b = queries.briefing(db)
    confirmed = " ".join(s.text for s in b.section("confirmed").sentences)
    assert "les deux dirigeants signeront un accord mardi" in confirmed
    with open_store(db) as store:
        store.add_correction("mark_claim", "cl-sign-a", None, "rejected", note="test")
        store.add_correction("mark_claim", "cl-sign-b", None, "rejected", note="test")
        store.add_correction("merge_entities", "ent-dube", "ent-reyes", note="test")
    fixed = queries.briefing(db)
    check_briefing(fixed, d)
    assert "signeront" not in " ".join(s.text for s in fixed.section("confirmed").sentences)
    actors = " ".join(s.text for s in fixed.section("actors").sentences)
    assert "Tomás Reyes (" not in actors and "Hélène Dubé" in actors
    assert fixed.corrections  # says corrections were applied
    raw = queries.briefing(db, as_built=True)
    assert "Tomás Reyes (" in " ".join(s.text for s in raw.section("actors").sentences) and not raw.corrections


def test_brief_of_a_hostile_article_is_inert(tmp_path: Path) -> None:
    db = make_hostile_store(tmp_path / "h.db")
    b = queries.briefing(db)
    html, md = brief.html(b), brief.markdown(b)
    assert SCRIPT not in html and IMG not in html and "&lt;script&gt;" in html
    rendered = _Html()  # what a Markdown viewer makes of it: text, and only the tags the briefing writes
    rendered.feed(MarkdownIt("commonmark").render(md))
    assert {t for t, _ in rendered.tags} <= {"h1", "h2", "p", "em", "ol", "ul", "li", "a"}
    assert all(a["href"].startswith("http://127.0.0.1:8000/doc/") for t, a in rendered.tags if t == "a")
    assert SCRIPT in "".join(rendered.text)


def test_brief_notes_must_match_their_article(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    shutil.copy(sample_db, db)
    with open_store(db) as store:
        b = brief.build(store, read.load(store))
        bad = b.notes[0]
        with pytest.raises(RecoupeError, match="does not match"):
            brief._check_notes(store, [brief.Note(1, bad.doc, bad.start, bad.end + 1, bad.text, "", "", "")])


@pytest.fixture(scope="module")
def devset_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("devset") / "dev.db"
    report = api.build([str(DEVSET)], db, progress=False, log=lambda _: None)
    assert report.ok
    return db


@pytest.mark.slow
def test_brief_of_the_development_corpus(devset_db: Path, tmp_path: Path) -> None:
    d = queries.export_dossier(devset_db)
    b = queries.briefing(devset_db)
    assert b.language == "fr"
    check_briefing(b, d)
    for fmt in ("md", "html", "pdf"):
        try:
            n = brief.write(b, fmt, tmp_path / f"dev.{fmt}")
        except RecoupeError as e:
            if fmt == "pdf" and "Pango" in str(e):
                continue
            raise
        assert n > 5_000
    assert len(b.section("story").sentences) >= 5 and len(b.section("actors").sentences) >= 5
