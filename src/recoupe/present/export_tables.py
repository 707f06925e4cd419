"""Table exports: csv (one file per table, zipped or in a folder) and jsonl (one record per line, every table)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from recoupe.present.export import Exported, exporter
from recoupe.present.tables import tables

ZIP_DATE = (2000, 1, 1, 0, 0, 0)  # a fixed date in the archive, so the same dossier gives the same bytes


def csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    """Rows as CSV (UTF-8 with a byte-order mark, which spreadsheets need to read accents); the columns are the
    first row's keys. A list or dict in a cell is written as JSON."""
    out = io.StringIO()
    if rows:
        w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()})
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@exporter("csv", suffix=".zip", media_type="application/zip",
          description="one CSV file per table (documents, entities, aliases, mentions, events, quotes, claims, ...): "
                      "a zip archive, or a folder when --out names a directory")
def export_csv(dossier: dict[str, Any]) -> Exported:
    files = {f"{name}.csv": csv_bytes(rows) for name, rows in tables(dossier).items()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return Exported(buf.getvalue(), f"{len(files)} tables", files)


@exporter("jsonl", suffix=".jsonl", media_type="application/x-ndjson",
          description='every record of the dossier on its own line, with the name of its table under "table"')
def export_jsonl(dossier: dict[str, Any]) -> Exported:
    lines = [json.dumps({"table": "dossier", "format": dossier["format"], "generator": dossier["generator"]}, ensure_ascii=False)]
    n = 0
    for table in ("documents", "entities", "events", "quotes", "claims", "contradictions", "quantities", "dates"):
        for rec in dossier.get(table, []):
            lines.append(json.dumps({"table": table, **rec}, ensure_ascii=False))
            n += 1
    return Exported("\n".join(lines) + "\n", f"{n} records")
