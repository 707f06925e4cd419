"""The `recoupe` command: a thin layer over the Python API (recoupe.api builds, recoupe.present.queries reads)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from recoupe.version import __version__
from recoupe.errors import RecoupeError
from recoupe.present.labels import available as label_languages

DB_OPTION = click.option("--db", default="recoupe.db", show_default=True, type=click.Path(dir_okay=False),
                         help="The store: a file path (SQLite) or a postgresql://USER@HOST[:PORT]/DATABASE URL "
                              "(PostgreSQL; the database is created when missing and the server allows it).")
AS_BUILT = click.option("--as-built", is_flag=True,
                        help="The dossier as the last build wrote it, without the analyst's corrections.")


class Group(click.Group):
    """Turn recoupe's own errors into one line on stderr and exit code 2, instead of a traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except RecoupeError as e:
            click.echo(f"recoupe: error: {e}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("recoupe: interrupted; finished work is saved, run the same command again to resume", err=True)
            sys.exit(130)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="recoupe")
def main() -> None:
    """recoupe: cross-check a news story across its sources.

    Build a dossier from articles (`build`), then read it: `export` writes the dossier as JSON
    (CONTRACT.md); `demo` does all of it on the bundled sample corpus.
    """


@main.command()
@click.argument("sources", nargs=-1, required=True)
@DB_OPTION
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Analysis processes.")
@click.option("--progress/--no-progress", default=None, help="Show progress bars (default: for more than a few documents).")
@click.option("--executor", type=click.Choice(["process", "dask"]), default="process", show_default=True,
              help="Where analysis runs: this process (or --jobs forked ones), or a Dask cluster "
                   "(a local one of --jobs workers unless --scheduler is given).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --executor dask: the address of a running Dask scheduler (e.g. tcp://127.0.0.1:8786).")
def build(sources: tuple[str, ...], db: str, jobs: int, progress: bool | None, executor: str, scheduler: str | None) -> None:
    """Read SOURCES (files or folders of .txt, .html, .jsonl) into the store and resolve the dossier.

    Rebuilding the same input changes nothing; new files add only their own work; an interrupted
    build resumes where it stopped. Unreadable files are reported one per line and skipped.
    Exit code: 0 when every file was read, 1 when some were skipped.
    """
    from recoupe import api
    from recoupe.present import queries

    report = api.build(list(sources), db, jobs=jobs, progress=progress, executor=executor, scheduler=scheduler)
    _print_report(report)
    sys.exit(0 if report.ok else 1)


@main.command()
@DB_OPTION
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Analysis processes.")
def demo(db: str, jobs: int) -> None:
    """Build the bundled sample corpus (five French articles) and print a summary."""
    from recoupe import api
    from recoupe.present import queries

    click.echo(f"Building the sample corpus ({api.sample_corpus()}) into {db} ...", err=True)
    report = api.build_sample(db, jobs=jobs)
    s = queries.summary(db)
    _print_report(report)
    click.echo("")
    from recoupe.store import is_database_url, shown_address

    click.echo(f"Dossier: {shown_address(db) if is_database_url(db) else Path(db).resolve()}")
    click.echo(f"  documents      {s.documents} ({s.dated} dated, {s.duplicates} duplicates; languages: "
               + ", ".join(f"{k} {v}" for k, v in sorted(s.languages.items())) + ")")
    click.echo(f"  entities       {s.entities} (" + ", ".join(f"{k} {v}" for k, v in sorted(s.entities_by_type.items())) + ")")
    click.echo(f"  events {s.events}, quotes {s.quotes}, claims {s.claims}, contradictions {s.contradictions}")
    if s.top_names:
        click.echo("  most mentioned:")
        for name, typ, n in s.top_names:
            click.echo(f"    {n:4d}  {name}  [{typ}]")
    click.echo("")
    click.echo("Next:")
    for cmd, what in [
        (f"recoupe serve --db {db}", "explore it in a browser (http://127.0.0.1:8000/)"),
        (f"recoupe entities --db {db} --type person", "who is in the story, with every name used"),
        (f"recoupe timeline --db {db}", "the dated items in order"),
        (f"recoupe events --db {db}", "what happened, merged across sources"),
        (f"recoupe claims --db {db} --contested", "claims some sources deny"),
        (f"recoupe check --db {db}", "contradictions between sources and with the map"),
        (f"recoupe export --db {db} --format json --out dossier.json", "the whole dossier as JSON"),
        (f"recoupe build MORE_ARTICLES/ --db {db}", "add your own articles"),
    ]:
        click.echo(f"  {cmd:<58} # {what}")
    sys.exit(0 if report.ok else 1)


def _export_formats() -> list[str]:
    from recoupe.present.export import exporters

    return sorted(exporters())


def _export_epilog() -> str:
    from recoupe.present.export import exporters

    return "\b\nFormats:\n" + "\n".join(f"  {name:<18} {e.meta.get('description', '')}" for name, e in sorted(exporters().items()))


@main.command(epilog=_export_epilog())
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(_export_formats()), default="json", show_default=True,
              help="Export format (each registered exporter; see the list below).")
@click.option("--out", "-o", type=click.Path(), help="Write to this file instead of standard output (csv: a .zip file, or "
              "a folder when OUT is a directory or ends with /).")
@click.option("--no-check", is_flag=True, help="Skip validating the dossier against the contract's JSON Schema.")
@AS_BUILT
def export(db: str, fmt: str, out: str | None, no_check: bool, as_built: bool) -> None:
    """Write the dossier in one of the export formats: json (the contract's form, CONTRACT.md, validated
    against its schema), geojson, ftm, graphml, gexf, csv, jsonl (see below), and any format a plugin registers.
    The analyst's corrections are applied unless --as-built.
    """
    from recoupe.present import queries
    from recoupe.present.export import export as run_export

    obj = queries.export_dossier(db, check=not no_check, as_built=as_built)
    done = run_export(obj, fmt)
    if out and done.files is not None and (out.endswith(("/", "\\")) or Path(out).is_dir()):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in done.files.items():
            (folder / name).write_bytes(data)
        click.echo(f"wrote {len(done.files)} files into {folder}/ ({done.summary})", err=True)
    elif out:
        if Path(out).is_dir():
            raise RecoupeError(f"--out {out} is a folder; the {fmt} export is one file")
        data = done.content.encode("utf-8") if isinstance(done.content, str) else done.content
        Path(out).write_bytes(data)
        click.echo(f"wrote {out} ({done.summary})", err=True)
    elif isinstance(done.content, bytes):
        raise RecoupeError(f"the {fmt} export is binary: write it to a file with --out")
    else:
        click.echo(done.content, nl=False)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True,
              help="Markdown, one self-contained HTML file (with charts), or PDF (made from the HTML).")
@click.option("--out", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of standard output (needed for pdf).")
@click.option("--lang", "language", metavar="LANG", help="Language of the briefing (default: the corpus language; "
              "one with a labels file, else English).")
@click.option("--reader-url", default="http://127.0.0.1:8000", show_default=True, metavar="URL",
              help="Where `recoupe serve` answers: each note links to its sentence in that reader.")
@AS_BUILT
def brief(db: str, fmt: str, out: str | None, language: str | None, reader_url: str, as_built: bool) -> None:
    """Write a briefing of the dossier: the story in dated events, the actors, who said what, what several
    independent sources confirm, what rests on one source, what is contested or denied, the contradictions
    and the sources. Extractive (no language model): every sentence cites its evidence [n], each note quoting
    the exact words of its article with the outlet and date. The analyst's corrections apply unless --as-built.
    """
    from recoupe.present import brief as briefs
    from recoupe.present import queries

    if fmt == "pdf" and not out:
        raise RecoupeError("the pdf briefing is binary: write it to a file with --out")
    b = queries.briefing(db, language=language, reader=reader_url, as_built=as_built)
    if out:
        n = briefs.write(b, fmt, out)
        click.echo(f"wrote {out} ({fmt}, {n // 1024} KB, {len(b.notes)} notes, {sum(len(s.sentences) for s in b.sections)} sentences)", err=True)
    else:
        click.echo(briefs.render(b, fmt), nl=False)


@main.command()
@DB_OPTION
@click.option("--from", "date_from", metavar="DATE", help="Only items on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Only items on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--width", default=160, show_default=True, type=click.IntRange(40, 10000), help="Cut each sentence to about this many characters.")
def timeline(db: str, date_from: str | None, date_to: str | None, width: int) -> None:
    """Print the dated expressions of the dossier in date order, each with its sentence ([[expression]] marked) and source.

    Only expressions the publication date and the text allow to resolve are listed, at the precision the
    text gives (day, week, month, year, decade); periods show first/last day. An article with no publication
    day is placed by the events it shares with dated articles; what that lets us read is marked.
    """
    from recoupe import api
    from recoupe.present import queries

    items = queries.timeline(db, date_from, date_to)
    for it in items:
        text = " ".join(it.text.split())
        how = "  [writing day inferred across articles]" if it.attrs.get("reference") == "inferred" else ""
        click.echo(f"{it.value:<22} {it.precision or '-':<7} {it.kind:<9} {text}  ({Path(it.source).name}){how}")
        click.echo("    " + " ".join(it.marked(width=width).split()))
    click.echo(f"{len(items)} dated items", err=True)


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it local: there is no login).")
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--tiles", default=None, metavar="URL",
              help="Map tiles to draw under the bundled country outlines, e.g. https://HOST/{z}/{x}/{y}.png "
                   "(default: none; the maps then contact no server).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A name this server answers to in the Host header besides localhost, 127.0.0.1, ::1 and the --host "
                   "address (repeatable; '*' for any). Other names are refused, so that no other site can reach the "
                   "API through DNS rebinding.")
@click.option("--lang", "language", type=click.Choice(label_languages()), default=None,
              help="Language the pages are labelled in (default: the corpus language, as the briefing's); each reader "
                   "can switch it in the page header (remembered in a cookie). Article text is never translated.")
def serve(db: str, host: str, port: int, tiles: str | None, allowed_hosts: tuple[str, ...], language: str | None) -> None:
    """Serve the browser UI over the dossier in DB: overview, timeline, map, entity graph, claims board,
    article reader with highlighted evidence, search, and analyst corrections. Stop with Ctrl-C.
    The JSON API is under /api/ (described at /openapi.json)."""
    import uvicorn

    from recoupe.present.web import create_app

    app = create_app(db, tiles=tiles, warm=True, allowed_hosts=[host, *allowed_hosts], language=language)
    click.echo(f"recoupe: serving {db} on http://{host}:{port}/  (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@DB_OPTION
@click.option("--kind", type=click.Choice(["distance", "date", "number", "duration", "fact", "other"]), help="Only this kind.")
@click.option("--min-certainty", default=0.0, show_default=True, type=click.FloatRange(0, 1), help="Hide less certain ones.")
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON (the contract's Contradiction objects).")
@click.option("--discrepancies", "apart", is_flag=True,
              help="Print the discrepancies instead: statements that differ but may all be true (a plan and its outcome, "
                   "counts on different days, a part and the whole).")
@AS_BUILT
def check(db: str, kind: str | None, min_certainty: float, as_json: bool, apart: bool, as_built: bool) -> None:
    """Print the contradictions found between sources (and against the map), most certain first; then how many
    discrepancies (differing statements that may all be true) are kept apart, listed by --discrepancies.

    Each shows what conflicts, the statements side by side with their sources and the values each allows, and the
    computed value when there is one. Exit code: 0 (whether or not anything conflicts).
    """
    from recoupe import api
    from recoupe.present import queries

    if apart:
        rows = queries.discrepancies(db, kind=kind, as_built=as_built)
    else:
        rows = queries.contradictions(db, kind=kind, min_certainty=min_certainty, as_built=as_built)
    if as_json:
        click.echo(queries.write_json(rows, None))
        return
    others = [] if apart else queries.discrepancies(db, kind=kind, as_built=as_built)
    if not rows:
        click.echo("no discrepancies found" if apart else "no contradictions found")
    labels = queries.document_labels(db)
    for i, c in enumerate(rows, 1):
        head = f"reason: {c['reason'].replace('_', ' ')}" if apart else f"certainty {c.get('certainty', 0):.2f}"
        click.echo(f"{i}. [{c['kind']}, {head}] {c['about']}")
        click.echo(f"   {c['explanation']}")
        contexts = c.get("contexts") or [None] * len(c["statements"])
        sides = {(s["statement"]["doc"], s["statement"]["start"]): s for s in c.get("sides") or []}
        for s, ctx_span in zip(c["statements"], contexts):
            side = sides.get((s["doc"], s["start"]))
            who = f"{side['source']}, " if side and side.get("source") != side.get("outlet") else ""
            click.echo(f"   - “{s['text']}” ({who}{labels.get(s['doc'], s['doc'])}, characters {s['start']}–{s['end']})")
            if ctx_span and ctx_span["text"] != s["text"]:
                click.echo(f"     in: {_shorten(ctx_span['text'], s['start'] - ctx_span['start'], len(s['text']))}")
        exp = c.get("expected")
        if exp:
            click.echo(f"   expected: {exp['value']} {exp.get('unit') or ''} ({exp['method']})".replace("  (", " ("))
    if others:
        click.echo(f"\n{len(others)} discrepancies (statements that differ but may all be true) are kept apart: "
                   f"recoupe check --db {db} --discrepancies")


def _shorten(sentence: str, at: int, length: int, width: int = 160) -> str:
    """The sentence cut to about `width` characters around the statement at [at:at+length]."""
    sentence = " ".join(sentence.split()) if len(sentence) <= width else sentence
    if len(sentence) <= width:
        return sentence
    start = max(0, at - (width - length) // 2)
    end = min(len(sentence), start + width)
    return ("… " if start else "") + " ".join(sentence[start:end].split()) + (" …" if end < len(sentence) else "")


def _print_report(report) -> None:  # type: ignore[no-untyped-def]
    from recoupe.ingest.normalize import shown

    parts = [f"{report.read} read", f"{report.added} added", f"{report.unchanged} unchanged"]
    if report.replaced:
        parts.append(f"{report.replaced} replaced (old versions retracted)")
    parts += [f"{report.duplicates} duplicates", f"{report.analyzed} analyzed", f"{len(report.skipped)} skipped"]
    if report.ignored:
        parts.append(f"{report.ignored} other files ignored")
    if report.passed_over:
        parts.append(f"{len(report.passed_over)} passed over")
    click.echo("build: " + ", ".join(parts) + f" -> {shown(report.db)}", err=True)
    if report.dossier_rows:
        r = report.dossier_rows
        click.echo(f"  dossier rows: {r.get('added', 0)} added, {r.get('replaced', 0)} changed, {r.get('deleted', 0)} "
                   f"deleted, {r.get('kept', 0) + r.get('moved', 0)} unchanged", err=True)
    for reason, n in sorted(report.skipped_by_reason().items()):
        click.echo(f"  skipped {n} x {shown(reason)}", err=True)
    if report.shared_source:
        click.echo(f"  {len(report.shared_source)} documents share their source with another one (different texts, kept apart)", err=True)
    if report.repeated:
        click.echo(f"  {len(report.repeated)} records repeat an earlier one (same source and text, read once)", err=True)
    if report.notes:
        click.echo(f"  {len(report.notes)} fields left out (see the notes above)", err=True)
    for source, n in report.sections:
        click.echo(f"  {shown(source)}: longer than one analysis takes, read as {n} sections", err=True)
    for doc_id, err in report.analysis_errors:
        click.echo(f"  analysis error in {doc_id} ({shown(err)}); its other results are kept", err=True)


@main.command()
@DB_OPTION
@click.option("--all", "show_all", is_flag=True, help="Also list places that could not be located.")
@AS_BUILT
def places(db: str, show_all: bool, as_built: bool) -> None:
    """List the dossier's places and countries with coordinates, precision, country and source.

    Places that context could not settle are shown with their candidates (with --all).
    """
    from recoupe import api
    from recoupe.present import queries

    rows = queries.places(db, as_built=as_built)
    for r in rows:
        g = r["geo"]
        if g:
            what = r["precision"] or "?"
            if r["category"] and r["category"] != r["precision"]:
                what += f" ({r['category']})"
            click.echo(f"{r['name'][:32]:32}  {g['lat']:9.4f} {g['lon']:10.4f}  {r['country_code'] or '--':2}  "
                       f"{what:24} {g['source']}  [{r['geo_name']}]")
        elif show_all:
            cands = ", ".join(f"{c['name']} ({c['country_code']})" for c in r["candidates"][:4])
            click.echo(f"{r['name'][:32]:32}  {'-':>9} {'-':>10}  --  {r['geo_status'] or 'not a place':24} "
                       + (f"candidates: {cands}" if cands else ""))
    located = sum(1 for r in rows if r["geo"])
    click.echo(f"{located} of {len(rows)} places located", err=True)


@main.command()
@DB_OPTION
@click.option("--contested", is_flag=True, help="Only clusters where some claims deny what others state.")
@click.option("--entity", "-e", metavar="E", help="Only clusters about this entity (id, name or alias).")
@click.option("--min-size", default=1, show_default=True, type=click.IntRange(1), help="Only clusters with at least this many claims.")
@click.option("--json", "as_json", is_flag=True, help="Print the clusters as JSON.")
@AS_BUILT
def claims(db: str, contested: bool, entity: str | None, min_size: int, as_json: bool, as_built: bool) -> None:
    """List claim clusters: what is claimed, by whom, how firmly (modality mix) and by how many independent outlets."""
    from recoupe import api
    from recoupe.present import queries

    clusters = queries.claim_clusters(db, contested=contested, entity=entity, min_size=min_size, as_built=as_built)
    if as_json:
        click.echo(queries.write_json([c.__dict__ for c in clusters], None))
        return
    m = queries.model(db, as_built=as_built)
    for c in clusters:
        mix = ", ".join(f"{m} {n}" for m, n in sorted(c.modalities.items()))
        one = m.single_source_of(c.claims[0], [cl["span"]["doc"] for cl in c.claims]) if c.claims else None
        click.echo(f"{c.id}  {len(c.claims)} claim(s), {c.independent_sources} independent source(s)  [{mix}]"
                   + (f"  single source: {one}" if one else "") + ("  CONTESTED" if c.contested else ""))
        click.echo(f"  sources: {'; '.join(c.sources)}")
        for cl in c.claims:
            who = f" ({cl['source_text']})" if cl.get("source_text") else ""
            click.echo(f"  - {cl['modality']:<11} {cl['text'][:160]}{who}")
    click.echo(f"{len(clusters)} cluster(s)", err=True)


@main.command()
@DB_OPTION
@click.option("--speaker", "-s", metavar="E", help="Only quotes by this speaker (entity id, name, alias or speaker words).")
@click.option("--json", "as_json", is_flag=True, help="Print the quotes as JSON.")
@AS_BUILT
def quotes(db: str, speaker: str | None, as_json: bool, as_built: bool) -> None:
    """List direct quotations with their speaker and the words that attribute them."""
    from recoupe import api
    from recoupe.present import queries

    rows = queries.list_quotes(db, speaker=speaker, as_built=as_built)
    if as_json:
        click.echo(queries.write_json(rows, None))
        return
    for q in rows:
        who = q["speaker_name"] or q["speaker_text"] or "(unattributed)"
        click.echo(f"{who}: « {q['text'][:200]} »")
        if q["attribution"]:
            click.echo(f"    ({q['attribution']['text']})")
    click.echo(f"{len(rows)} quote(s)", err=True)


@main.command("eval-quotes")
@DB_OPTION
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold annotation (JSON) of quotes and claims.")
@click.option("--errors/--no-errors", default=False, help="Also list every miss and wrong speaker or modality.")
def eval_quotes(db: str, gold: str, errors: bool) -> None:
    """Score quotes (recall, speaker accuracy) and claims (recall, modality accuracy) against a gold file."""
    from recoupe import api
    from recoupe.present import queries

    report = queries.evaluate_quotes_claims(db, gold)
    if not errors:
        report = {k: v for k, v in report.items() if k != "errors"}
    click.echo(queries.write_json(report, None))


@main.command("entities")
@DB_OPTION
@click.option("--type", "etype", type=click.Choice(["person", "organization", "place", "country", "equipment", "other"]), help="Only this type.")
@click.option("--name", help="Only entities whose name or an alias contains this (accents and case ignored).")
@click.option("--limit", default=50, show_default=True, help="How many to list (0 for all).")
@AS_BUILT
def entities_cmd(db: str, etype: str | None, name: str | None, limit: int, as_built: bool) -> None:
    """List entities with their type, mention and alias counts, most mentioned first."""
    from recoupe import api
    from recoupe.present import queries

    ents = queries.entities(db, type=etype, name=name, as_built=as_built)
    for e in ents[: limit or None]:
        click.echo(f"{len(e['mentions']):5d}  {e['type']:<12} {e['name']}  ({len(e['aliases'])} aliases: {', '.join(e['aliases'][:6])}{'…' if len(e['aliases']) > 6 else ''})  {e['id']}")
    click.echo(f"{len(ents)} entities", err=True)


@main.command()
@click.argument("entity")
@DB_OPTION
@AS_BUILT
def show(entity: str, db: str, as_built: bool) -> None:
    """Show ENTITY (an id or a name) with every mention in context."""
    from recoupe import api
    from recoupe.present import queries

    ent, rows = queries.entity_mentions(db, entity, as_built=as_built)
    click.echo(f"{ent['name']} [{ent['type']}] {ent['id']}")
    click.echo("aliases: " + ", ".join(ent["aliases"]))
    if ent.get("geo"):
        click.echo(f"geo: {ent['geo']}")
    for source, before, text, after in rows:
        click.echo(f"  {Path(source).name}: …{before}[{text}]{after}…")


@main.command("eval")
@DB_OPTION
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="A hand-annotated gold file.")
def eval_cmd(db: str, gold: str) -> None:
    """Score the dossier against a gold file (entities: B-cubed P/R/F1 and alias recall)."""
    from recoupe import api
    from recoupe.present import queries

    res = queries.evaluate(db, gold)
    for k, v in res.items():
        if isinstance(v, list):
            click.echo(f"{k}:")
            for item in v:
                click.echo(f"  {item}")
        else:
            click.echo(f"{k}: {v}")


@main.command("sources")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the listing as JSON.")
def sources_cmd(db: str, as_json: bool) -> None:
    """List who published the documents and how independent they are.

    Outlets, the agencies whose dispatches the articles rest on, what they cite, then each group of documents that
    counts as one independent source, with its documents and why they count as one (copies, one outlet, one
    dispatch, shared text).
    """
    from recoupe import api
    from recoupe.ingest.normalize import shown
    from recoupe.present import queries

    listing = queries.sources(db)
    if as_json:
        click.echo(queries.write_json(listing.__dict__, None))
        return

    def counts(d: dict[str, int]) -> str:
        return ", ".join(f"{k} ({n})" for k, n in d.items()) or "none"

    unknown = sum(1 for g in listing.groups for d in g["documents"] if not d.get("outlet"))
    known = counts(listing.outlets) if listing.outlets else ""
    total = sum(len(g["documents"]) for g in listing.groups)
    click.echo("outlets: " + ", ".join(x for x in (known, f"unknown for {unknown} of {total} document(s)" if unknown else "") if x))
    click.echo(f"rest on agencies: {counts(listing.agencies)}")
    click.echo(f"cite: {counts(listing.cited)}")
    click.echo(f"{listing.independent} independent source(s) among {sum(len(g['documents']) for g in listing.groups)} documents")
    for g in listing.groups:
        click.echo(f"\n{g['label']}  ({len(g['documents'])} document(s))")
        for d in g["documents"]:
            extra = "; ".join(x for x in (
                f"rests on {', '.join(d['rests_on'])}" if d["rests_on"] else "",
                f"cites {', '.join(d['cites'])}" if d["cites"] else "",
                f"by {d['author']}" if d["author"] else "") if x)
            click.echo(f"  - {shown(d['label'], 140)}" + (f"  [{shown(extra, 120)}]" if extra else ""))
        for r in g["reasons"]:
            click.echo(f"    = {r['docs'][0]} and {r['docs'][1]}: {queries.reason_text(r)}")


@main.command("events")
@DB_OPTION
@click.option("--entity", "-e", help="Only events whose participants or place include this entity (id, name or alias).")
@click.option("--type", "-t", "etype", help="Only events of this type (meeting, visit, arrival, departure, transfer, ...).")
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON (contract records) instead of lines.")
@AS_BUILT
def events_cmd(db: str, entity: str | None, etype: str | None, as_json: bool, as_built: bool) -> None:
    """List the dossier's events, one per real-world happening, in date order.

    Each line: date, status, type, summary, and the number of independent sources (copies of one
    dispatch and articles of one outlet count once), with the one original source an event rests on when every
    report of it does (one agency or outlet they cite, one speaker, one group of documents). Undated events come last.
    """
    from recoupe import api
    from recoupe.present import queries

    evs = queries.events(db, entity=entity, type=etype, as_built=as_built)
    if as_json:
        click.echo(queries.write_json(evs, None))
        return
    m = queries.model(db, as_built=as_built)
    for e in evs:
        rest = m.single_source_of(e)
        one = f"; single source: {rest}" if rest else ""
        click.echo(f"{e['date'] or '?':10}  {e['status']:8}  {e['type']:15}  {e['summary']}  [{e['independent_sources']} src{one}]")
    click.echo(f"{len(evs)} events", err=True)


if __name__ == "__main__":
    main()
