"""Sortable, filterable tables of the dossier's records with CSV and JSON downloads, in the spirit of Datasette:
the events page and the quotes page. Rows are the tables of recoupe.present.tables (the CSV export's), so a
download holds the same columns as `recoupe export --format csv`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import Response

from recoupe.model.text import fold
from recoupe.present import tables
from recoupe.present.export_tables import csv_bytes
from recoupe.present.read import ReadModel, evidence_url

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A column shown; its heading is the label `web.columns.KEY`; `terms`: the labels group naming its values
    (event types, statuses), so that a cell shows a value in the reader's language."""

    key: str
    numeric: bool = False
    terms: str = ""


@dataclass(frozen=True)
class Listing:
    """One table: its columns shown, how to make its rows from the view, the filters it takes (name -> a test of
    a row against the parameter's value), and its default sort."""

    name: str
    columns: tuple[Column, ...]
    rows: Callable[[ReadModel], list[Row]]
    filters: dict[str, Callable[[Row, str], bool]]
    sort: str
    desc: bool = False
    link: str = ""  # the column whose cells link to the row's evidence (`url`); the title is `web.titles.NAME`

    def query(self, v: ReadModel, params: dict[str, str]) -> list[Row]:
        """The rows that pass every filter given, sorted by `sort` (a column key), descending with `desc`."""
        rows = v.memo(("listing", self.name), lambda: self.rows(v))
        active = [(f, params[k].strip()) for k, f in self.filters.items() if params.get(k, "").strip()]
        if active:
            rows = [r for r in rows if all(f(r, val) for f, val in active)]
        key, desc = self.order(params)
        present = [r for r in rows if r.get(key) not in (None, "")]
        missing = [r for r in rows if r.get(key) in (None, "")]
        present.sort(key=lambda r: (_sortable(r[key]), r["id"]), reverse=desc)
        return present + missing  # empty cells last, whatever the direction

    def order(self, params: dict[str, str]) -> tuple[str, bool]:
        """The column sorted by and whether descending (numbers sort largest first unless asked otherwise)."""
        key = params.get("sort") or self.sort
        if key not in {c.key for c in self.columns}:
            key = self.sort
        default = self.desc if key == self.sort else self._numeric(key)
        return key, params["desc"] in ("1", "true") if params.get("desc") else default

    def sort_link(self, params: dict[str, str], key: str) -> str:
        """The address that sorts by `key` (the other way round when it is already sorted by it)."""
        current, desc = self.order(params)
        q = {k: v for k, v in params.items() if v and k not in ("sort", "desc", "page")}
        q.update(sort=key, desc=("0" if desc else "1") if key == current else ("1" if self._numeric(key) else "0"))
        return "?" + urlencode(q)

    def download_link(self, params: dict[str, str], fmt: str) -> str:
        q = {k: v for k, v in params.items() if v and k != "page"}
        return f"/{self.name}.{fmt}" + ("?" + urlencode(q) if q else "")

    def download(self, rows: list[Row], fmt: str) -> Response:
        cols = [k for k in rows[0]] if rows else []
        if fmt == "csv":
            return Response(csv_bytes(rows), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{self.name}.csv"'})
        body = json.dumps({"columns": cols, "rows": rows, "total": len(rows)}, ensure_ascii=False)
        return Response(body, media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{self.name}.json"'})

    def _numeric(self, key: str) -> bool:
        return any(c.key == key and c.numeric for c in self.columns)


def _sortable(v: Any) -> Any:
    return fold(v) if isinstance(v, str) else v


def _contains(field: str) -> Callable[[Row, str], bool]:
    return lambda r, q: fold(q) in fold(str(r.get(field) or ""))


def _entity(*fields: str) -> Callable[[Row, str], bool]:
    """An entity filter: its id among the row's ids, or its name (accents and case aside) among the row's names."""
    def test(r: Row, q: str) -> bool:
        key = fold(q)
        return any(q in str(r.get(f) or "").split(tables.SEP) or any(key == fold(n) for n in str(r.get(f) or "").split(tables.SEP))
                   for f in fields)
    return test


def _names(v: ReadModel) -> tables.Names:
    return tables.Names(v.entity_name, v.doc_by_id.get)


def _event_rows(v: ReadModel) -> list[Row]:
    names = _names(v)
    out = []
    for ev in v.events:
        r = tables.event_row(ev, names)
        r["url"] = evidence_url((ev.get("sources") or [None])[0])
        out.append(r)
    return out


def _quote_rows(v: ReadModel) -> list[Row]:
    names = _names(v)
    out = []
    for q in v.quotes:
        r = tables.quote_row(q, names)
        r["url"] = evidence_url(q["span"])
        r["length"] = len(q["span"]["text"])
        out.append(r)
    return out


EVENTS = Listing(
    "events",
    (Column("date"), Column("type", terms="event_types"), Column("status", terms="web.event_status"), Column("summary"),
     Column("place_name"), Column("participant_names"), Column("independent_sources", numeric=True),
     Column("sources", numeric=True)),
    _event_rows,
    {"q": _contains("summary"), "type": lambda r, x: r["type"] == x, "status": lambda r, x: r["status"] == x,
     "entity": _entity("participants", "participant_names", "place", "place_name"),
     "start": lambda r, x: bool(r["date"]) and r["date"] >= x[: len(r["date"])],
     "end": lambda r, x: bool(r["date"]) and r["date"][: len(x)] <= x,
     "min_sources": lambda r, x: x.isdigit() and (r["independent_sources"] or 0) >= int(x)},
    sort="date", link="summary",
)

QUOTES = Listing(
    "quotes",
    (Column("published"), Column("outlet"), Column("speaker_name"), Column("text"), Column("length", numeric=True)),
    _quote_rows,
    {"q": _contains("text"), "speaker": _entity("speaker", "speaker_name", "speaker_text"),
     "outlet": lambda r, x: (r["outlet"] or "") == x},
    sort="published", link="text",
)
