"""End to end: build, rebuild, add, duplicates, bad files, interruption; contract validity of the export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from recoupe import api, pipeline
from recoupe.present import queries
from recoupe.errors import RecoupeError
from recoupe.present.export import validate
from recoupe.store import open_store

A = ("Le ministre français de l'Économie, Bruno Marchand, a rencontré mardi à Berlin son homologue allemande "
     "Anna Keller. Les deux responsables ont évoqué la politique industrielle de l'Union européenne.")
B = ("La société Nordwind a annoncé jeudi la fermeture de son usine de Lille. Selon la direction, "
     "la décision touche trois cents salariés. Le maire de Lille, Paul Girard, a dénoncé un choix brutal.")
C = ("Des inondations ont frappé la région de Valence en Espagne. Les secours espagnols ont évacué "
     "plusieurs villages pendant la nuit, selon la protection civile.")


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(" date 2024-02-13 " + A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    return d


def _rows(db: Path) -> dict[str, list]:
    with open_store(db) as s:
        return {t: list(s.conn.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in
                ("documents", "analyses", "entities", "events", "quotes", "claims", "contradictions", "quantities", "meta")}


def test_pipeline_rebuild_changes_nothing(tmp_path: Path) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    first = pipeline.build([str(d)], db, progress=False)
    assert (first.added, first.analyzed, first.ok) == (2, 2, True)
    before = _rows(db)
    again = pipeline.build([str(d)], db, progress=False)
    assert (again.added, again.unchanged, again.analyzed, again.dossier_written) == (0, 2, 0, False)
    assert _rows(db) == before


def test_pipeline_adding_a_file_adds_only_its_work(tmp_path: Path) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    pipeline.build([str(d)], db, progress=False)
    (d / "c.txt").write_text(C, encoding="utf-8")
    report = pipeline.build([str(d)], db, progress=False)
    assert (report.added, report.unchanged, report.analyzed) == (1, 2, 1)


def test_pipeline_changed_source_replaces_its_document(tmp_path: Path) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    pipeline.build([str(d)], db, progress=False)
    (d / "b.txt").write_text(C, encoding="utf-8")
    report = pipeline.build([str(d)], db, progress=False)
    assert (report.added, report.replaced) == (1, 1)
    with open_store(db) as s:
        assert s.count_documents() == 2


def test_pipeline_exact_and_near_duplicates_are_marked(tmp_path: Path) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    long = " ".join([B, C, A.replace("mardi", "lundi")])  # a dispatch long enough for shingles to tell
    (d / "b.txt").write_text(long, encoding="utf-8")
    shutil.copy(d / "b.txt", d / "b_copy.txt")
    (d / "b_wire.txt").write_text("(AFP) " + long.replace("jeudi", "jeudi matin"), encoding="utf-8")
    report = pipeline.build([str(d)], db, progress=False)
    assert report.added == 4 and report.duplicates == 2
    with open_store(db) as s:
        docs = {Path(x.source).name: x for x in s.documents()}
    assert docs["b_copy.txt"].duplicate_of == docs["b.txt"].id
    assert docs["b_wire.txt"].duplicate_of == docs["b.txt"].id
    assert docs["a.txt"].duplicate_of is None


def test_pipeline_bad_files_are_skipped_and_counted(tmp_path: Path) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    (d / "empty.txt").write_bytes(b"")
    (d / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (d / "broken.jsonl").write_text('{"text": "' + C + '"}\n{oops\n', encoding="utf-8")
    lines: list[str] = []
    report = pipeline.build([str(d)], db, progress=False, log=lines.append)
    assert report.added == 3 and not report.ok
    assert sorted(Path(s.split(":")[0]).name for s, _ in report.skipped) == ["bin.txt", "broken.jsonl", "empty.txt"]
    assert all(line.startswith("skipped ") and "\n" not in line for line in lines)
    with open_store(db) as s:
        assert len(s.skipped()) == 3


def test_pipeline_interrupted_analysis_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    (d / "c.txt").write_text(C, encoding="utf-8")
    real = pipeline.analyze.analyze_stream

    def dies_after_one(docs, jobs=1, names=None, **kw):  # type: ignore[no-untyped-def]
        for i, a in enumerate(real(docs, jobs=jobs, names=names, **kw)):
            if i == 1:
                raise KeyboardInterrupt
            yield a

    monkeypatch.setattr(pipeline.analyze, "analyze_stream", dies_after_one)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build([str(d)], db, progress=False)
    monkeypatch.setattr(pipeline.analyze, "analyze_stream", real)
    with open_store(db) as s:
        assert s.count_documents() == 3
        done = len(list(s.analyses()))
    assert done == 1  # the finished analysis was kept
    report = pipeline.build([str(d)], db, progress=False)
    assert report.analyzed == 2 and report.added == 0


def test_pipeline_two_processes_give_the_same_dossier(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    (d / "c.txt").write_text(C, encoding="utf-8")
    one, two = tmp_path / "1.db", tmp_path / "2.db"
    pipeline.build([str(d)], one, progress=False, jobs=1)
    pipeline.build([str(d)], two, progress=False, jobs=2)
    a, b = queries.export_dossier(one), queries.export_dossier(two)
    assert a["entities"] == b["entities"]


def test_export_sample_is_contract_valid(sample_dossier: dict) -> None:
    validate(sample_dossier)  # schema, spans that slice exactly, references
    assert len(sample_dossier["documents"]) == 5
    for key in ("events", "quotes", "claims", "contradictions", "quantities"):
        assert isinstance(sample_dossier[key], list)
    texts = {d["id"]: d["text"] for d in sample_dossier["documents"]}
    spans = [m for e in sample_dossier["entities"] for m in e["mentions"]]
    assert spans and all(texts[s["doc"]][s["start"]:s["end"]] == s["text"] for s in spans)


def test_export_sample_publication_dates(sample_dossier: dict) -> None:
    by_name = {Path(d["source"]).name: d for d in sample_dossier["documents"]}
    assert by_name["001_886fcfc335350b73.txt"]["published"] == "2023-09"
    assert by_name["001_886fcfc335350b73.txt"]["published_precision"] == "month"
    assert by_name["004_e12afab5c1ee620f.txt"]["published"] == "2023-09-18"  # from its dateline
    assert not by_name["001_886fcfc335350b73.txt"]["text"].startswith("date")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["entities"][0]["mentions"][0].update(text="not the text"),
        lambda d: d["entities"][0]["mentions"][0].update(start=-1),
        lambda d: d.pop("quotes"),
        lambda d: d["entities"][0].update(type="alien"),
        lambda d: d["documents"][0].update(published="12/09/2023"),
    ],
)
def test_export_validate_rejects_broken_dossiers(sample_dossier: dict, mutate) -> None:  # type: ignore[no-untyped-def]
    broken = json.loads(json.dumps(sample_dossier))
    mutate(broken)
    with pytest.raises(RecoupeError):
        validate(broken)


def test_store_migrations_recorded(sample_db: Path) -> None:
    with open_store(sample_db) as s:
        assert s.migrations()[0] == "0001_initial"


def test_store_search_folds_accents(sample_db: Path) -> None:
    with open_store(sample_db) as s:
        assert s.search_documents("Seoul") and s.search_documents("Séoul")
        assert s.search_documents('"; DROP TABLE documents; --') == []
        assert s.count_documents() == 5


def test_store_rejects_a_non_store_file(tmp_path: Path) -> None:
    p = tmp_path / "not.db"
    p.write_text("hello, I am not SQLite " * 100)
    with pytest.raises(RecoupeError, match="not a recoupe store"):
        open_store(p)


def test_pipeline_dateline_completes_a_month_publication_date(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(" date 2024-02 Lyon, mardi 13 février – " + A, encoding="utf-8")
    db = tmp_path / "x.db"
    pipeline.build([str(d)], db, progress=False)
    with open_store(db) as s:
        [doc] = list(s.documents())
    assert (doc.published, doc.published_precision, doc.published_from) == ("2024-02-13", "day", "dateline")
    before = _rows(db)
    pipeline.build([str(d)], db, progress=False)
    assert _rows(db) == before


def test_pipeline_a_failing_component_loses_only_its_own_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from recoupe.analyze import registry

    d, db = _corpus(tmp_path), tmp_path / "x.db"
    comp = registry.components()["quantities"]

    def boom(ctx):  # type: ignore[no-untyped-def]
        if "Nordwind" in ctx.document.text:
            raise ValueError("odd text")
        return comp.obj(ctx)

    monkeypatch.setitem(registry.components(), "quantities", dataclasses.replace(comp, obj=boom))
    report = pipeline.build([str(d)], db, progress=False)
    assert report.analyzed == 2 and not report.ok
    assert len(report.analysis_errors) == 1 and "quantities: ValueError: odd text" in report.analysis_errors[0][1]
    with open_store(db) as s:
        broken = [a for a in s.analyses() if a.attrs.get("errors")]
    assert len(broken) == 1 and broken[0].mentions  # the other components' results are kept


def test_pipeline_text_over_the_analysis_limit_is_skipped(tmp_path: Path) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    (d / "huge.txt").write_text("mot " * 300_000, encoding="utf-8")
    report = pipeline.build([str(d)], db, progress=False)
    assert report.added == 2 and [Path(s).name for s, _ in report.skipped] == ["huge.txt"]
    assert "too long" in report.skipped[0][1]


# --- issue 21: the store stays true under edits and shared ids; builds are deterministic ------------------------

def _dangling(db: Path) -> list:
    with open_store(db) as s:
        return list(s.conn.execute("SELECT id, duplicate_of FROM documents d WHERE duplicate_of IS NOT NULL "
                                   "AND NOT EXISTS (SELECT 1 FROM documents o WHERE o.id = d.duplicate_of)"))


def test_pipeline_an_edited_article_retracts_its_old_version_cleanly(tmp_path: Path) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    long = " ".join([B, C, A])
    (d / "b.txt").write_text(long, encoding="utf-8")
    pipeline.build([str(d)], db, progress=False)
    (d / "b.txt").write_text(long.replace("jeudi", "vendredi"), encoding="utf-8")  # an edit: a near-copy of itself
    report = pipeline.build([str(d)], db, progress=False)
    assert (report.added, report.replaced, report.duplicates) == (1, 1, 0)
    with open_store(db) as s:
        docs = {Path(x.source).name: x for x in s.documents()}
    assert len(docs) == 2 and docs["b.txt"].duplicate_of is None and "vendredi" in docs["b.txt"].text
    assert not _dangling(db)


def test_pipeline_records_sharing_a_url_are_two_documents_and_stay_so(tmp_path: Path) -> None:
    d, db = tmp_path / "in", tmp_path / "x.db"
    d.mkdir()
    rows = [{"text": A, "url": "https://ex.org/a"}, {"text": C, "url": "https://ex.org/a"}, {"text": A, "url": "https://ex.org/a"}]
    (d / "f.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    lines: list[str] = []
    first = pipeline.build([str(d)], db, progress=False, log=lines.append)
    assert (first.added, first.replaced, len(first.shared_source), len(first.repeated)) == (2, 0, 1, 1)
    assert first.ok and any("f.jsonl:2: another document has the source https://ex.org/a" in line for line in lines)
    before = _rows(db)
    again = pipeline.build([str(d)], db, progress=False)
    assert (again.added, again.unchanged, again.replaced) == (0, 2, 0)  # no "replaced" again
    assert _rows(db) == before
    # editing one of them replaces only that one
    rows[1]["text"] = B
    (d / "f.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    edited = pipeline.build([str(d)], db, progress=False)
    assert (edited.added, edited.unchanged, edited.replaced) == (1, 1, 1)
    with open_store(db) as s:
        assert sorted(x.text[:10] for x in s.documents()) == sorted([A[:10], B[:10]])


def test_pipeline_fresh_builds_export_the_same_bytes_whatever_the_history(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    (d / "c.txt").write_text(C, encoding="utf-8")
    one, two = tmp_path / "1.db", tmp_path / "2.db"
    pipeline.build([str(d)], one, progress=False)
    pipeline.build([str(d / "c.txt")], two, progress=False)  # another order, in two builds
    pipeline.build([str(d)], two, progress=False)
    a, b = queries.export_dossier(one), queries.export_dossier(two)
    assert json.dumps(a, sort_keys=False) == json.dumps(b, sort_keys=False)


def test_pipeline_a_fixed_file_leaves_the_skipped_list(tmp_path: Path) -> None:
    d, db = _corpus(tmp_path), tmp_path / "x.db"
    (d / "f.jsonl").write_text('{"text": "' + C + '"}\n{oops\n{"text": "Bref.", "id": "court"}\n', encoding="utf-8")
    first = pipeline.build([str(d)], db, progress=False)
    assert sorted(Path(s).name for s, _ in first.skipped) == ["f.jsonl:2", "f.jsonl:3"]  # a record by its line
    (d / "f.jsonl").write_text('{"text": "' + C + '"}\n', encoding="utf-8")
    report = pipeline.build([str(d)], db, progress=False)
    assert report.ok
    with open_store(db) as s:
        assert s.skipped() == []


def test_pipeline_a_long_text_is_read_as_sections_with_exact_spans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_SECTION_CHARS", 400)
    d, db = tmp_path / "in", tmp_path / "x.db"
    d.mkdir()
    text = "# Le dossier\n\nParis, mardi 13 février 2024 – " + "\n\n".join([A, B, C, A.replace("mardi", "lundi")])
    (d / "long.txt").write_text(text, encoding="utf-8")
    report = pipeline.build([str(d)], db, progress=False)
    [(source, n)] = report.sections
    assert report.ok and source == str(d / "long.txt") and n >= 3 and report.added == n
    out = queries.export_dossier(db)  # validated: every span slices its section's text exactly
    docs = sorted(out["documents"], key=lambda x: x["title"])
    assert [x["title"] for x in docs] == [f"Le dossier (part {k} of {n})" for k in range(1, n + 1)]
    assert all(len(x["text"]) <= 400 for x in docs)
    assert {x["source"] for x in docs} == {str(d / "long.txt")}
    assert {x["published"] for x in docs} == {"2024-02-13"}  # the article's dateline, for every section
    again = pipeline.build([str(d)], db, progress=False)
    assert (again.added, again.unchanged, again.replaced, len(again.shared_source)) == (0, n, 0, 0)


def test_pipeline_hostile_names_and_ids_print_safely(tmp_path: Path) -> None:
    import os

    d, db = _corpus(tmp_path), tmp_path / "x.db"
    with open(os.fsencode(d) + b"/bad\xff\x1b[2J.txt", "wb") as f:
        f.write(b"")
    (d / "f.jsonl").write_text(json.dumps({"id": "\x1b]0;x\x07", "title": "t"}) + "\n", encoding="utf-8")
    lines: list[str] = []
    report = pipeline.build([str(d)], db, progress=False, log=lines.append)
    assert len(report.skipped) == 2
    for line in lines:
        line.encode("utf-8")
        assert "\x1b" not in line and "\x07" not in line
    assert any("bad\\xff\\x1b[2J.txt: empty file" in line for line in lines)
