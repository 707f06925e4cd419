"""The `recoupe` command: a thin layer over recoupe.api."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from recoupe import __version__
from recoupe.errors import RecoupeError

DB_OPTION = click.option("--db", default="recoupe.db", show_default=True, type=click.Path(dir_okay=False),
                         help="The store file (SQLite).")


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
def build(sources: tuple[str, ...], db: str, jobs: int, progress: bool | None) -> None:
    """Read SOURCES (files or folders of .txt, .html, .jsonl) into the store and resolve the dossier.

    Rebuilding the same input changes nothing; new files add only their own work; an interrupted
    build resumes where it stopped. Unreadable files are reported one per line and skipped.
    Exit code: 0 when every file was read, 1 when some were skipped.
    """
    from recoupe import api

    report = api.build(list(sources), db, jobs=jobs, progress=progress)
    _print_report(report)
    sys.exit(0 if report.ok else 1)


@main.command()
@DB_OPTION
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Analysis processes.")
def demo(db: str, jobs: int) -> None:
    """Build the bundled sample corpus (five French articles) and print a summary."""
    from recoupe import api

    click.echo(f"Building the sample corpus ({api.sample_corpus()}) into {db} ...", err=True)
    report, s = api.demo(db, jobs=jobs)
    _print_report(report)
    click.echo("")
    click.echo(f"Dossier: {Path(db).resolve()}")
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
    click.echo(f"  recoupe export --db {db} --format json --out dossier.json   # the whole dossier as JSON")
    click.echo(f"  recoupe build MORE_ARTICLES/ --db {db}                      # add your own articles")
    sys.exit(0 if report.ok else 1)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True, help="Export format.")
@click.option("--out", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@click.option("--no-check", is_flag=True, help="Skip validating the dossier against the contract's JSON Schema.")
def export(db: str, fmt: str, out: str | None, no_check: bool) -> None:
    """Write the dossier in the contract's JSON form (CONTRACT.md), validated against its schema."""
    from recoupe import api

    obj = api.export_dossier(db, check=not no_check)
    text = api.write_json(obj, out)
    if out:
        click.echo(f"wrote {out} ({len(obj['documents'])} documents, {len(obj['entities'])} entities)", err=True)
    else:
        click.echo(text)


@main.command()
@DB_OPTION
@click.option("--kind", type=click.Choice(["distance", "date", "number", "duration", "fact", "other"]), help="Only this kind.")
@click.option("--min-certainty", default=0.0, show_default=True, type=click.FloatRange(0, 1), help="Hide less certain ones.")
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON (the contract's Contradiction objects).")
def check(db: str, kind: str | None, min_certainty: float, as_json: bool) -> None:
    """Print the contradictions found between sources (and against the map), most certain first.

    Each shows what conflicts, the statements as quoted in their articles, and the computed value
    when there is one. Exit code: 0 (whether or not anything conflicts).
    """
    from recoupe import api

    rows = api.contradictions(db, kind=kind, min_certainty=min_certainty)
    if as_json:
        click.echo(api.write_json(rows, None))
        return
    if not rows:
        click.echo("no contradictions found")
        return
    labels = api.document_labels(db)
    for i, c in enumerate(rows, 1):
        click.echo(f"{i}. [{c['kind']}, certainty {c.get('certainty', 0):.2f}] {c['about']}")
        click.echo(f"   {c['explanation']}")
        contexts = c.get("contexts") or [None] * len(c["statements"])
        for s, ctx_span in zip(c["statements"], contexts):
            click.echo(f"   - “{s['text']}” ({labels.get(s['doc'], s['doc'])}, characters {s['start']}–{s['end']})")
            if ctx_span and ctx_span["text"] != s["text"]:
                click.echo(f"     in: {_shorten(ctx_span['text'], s['start'] - ctx_span['start'], len(s['text']))}")
        exp = c.get("expected")
        if exp:
            click.echo(f"   expected: {exp['value']} {exp.get('unit') or ''} ({exp['method']})".replace("  (", " ("))


def _shorten(sentence: str, at: int, length: int, width: int = 160) -> str:
    """The sentence cut to about `width` characters around the statement at [at:at+length]."""
    sentence = " ".join(sentence.split()) if len(sentence) <= width else sentence
    if len(sentence) <= width:
        return sentence
    start = max(0, at - (width - length) // 2)
    end = min(len(sentence), start + width)
    return ("… " if start else "") + " ".join(sentence[start:end].split()) + (" …" if end < len(sentence) else "")


def _print_report(report) -> None:  # type: ignore[no-untyped-def]
    parts = [f"{report.read} read", f"{report.added} added", f"{report.unchanged} unchanged"]
    if report.replaced:
        parts.append(f"{report.replaced} replaced")
    parts += [f"{report.duplicates} duplicates", f"{report.analyzed} analyzed", f"{len(report.skipped)} skipped"]
    if report.ignored:
        parts.append(f"{report.ignored} other files ignored")
    click.echo("build: " + ", ".join(parts) + f" -> {report.db}", err=True)
    for reason, n in sorted(report.skipped_by_reason().items()):
        click.echo(f"  skipped {n} x {reason}", err=True)


if __name__ == "__main__":
    main()
