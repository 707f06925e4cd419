#!/usr/bin/env python3
"""Compare two dossier exports (`recoupe export --format json`) record by record.

    python3 scripts/compare_exports.py BEFORE.json AFTER.json [--show 5] [--ignore documents.source]

Prints, per table, how many records are only in one export and how many differ, and for the differing
ones which fields changed (with a few examples). Exit code 0 when the two are equal (key order and the
`generator` line aside), 1 otherwise. Used to check that a change of structure changes no output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

TABLES = ("documents", "entities", "events", "quotes", "claims", "contradictions", "discrepancies", "quantities", "dates")


def _load(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def compare(a: dict[str, Any], b: dict[str, Any], show: int = 3, ignore: tuple[str, ...] = ()) -> list[str]:
    """Lines describing every difference between two exports (empty when they are equal); `ignore` names
    fields left out of the comparison, as TABLE.FIELD (a build of the same files from another folder)."""
    out: list[str] = []
    skip = {tuple(x.split(".", 1)) for x in ignore if "." in x}
    for key in sorted(set(a) | set(b)):
        if key in TABLES or key == "generator":
            continue
        if a.get(key) != b.get(key):
            out.append(f"top-level {key!r}: {a.get(key)!r} -> {b.get(key)!r}")
    for table in TABLES:
        gone = {f for t, f in skip if t == table}
        ra = {r["id"]: {k: v for k, v in r.items() if k not in gone} for r in a.get(table, [])}
        rb = {r["id"]: {k: v for k, v in r.items() if k not in gone} for r in b.get(table, [])}
        only_a = sorted(set(ra) - set(rb))
        only_b = sorted(set(rb) - set(ra))
        changed = [i for i in ra if i in rb and ra[i] != rb[i]]
        if not (only_a or only_b or changed):
            if [r["id"] for r in a.get(table, [])] != [r["id"] for r in b.get(table, [])]:
                out.append(f"{table}: same records in another order")
            continue
        out.append(f"{table}: {len(only_a)} removed, {len(only_b)} added, {len(changed)} changed "
                   f"(of {len(ra)} -> {len(rb)})")
        for i in only_a[:show]:
            out.append(f"  - {i}: {_brief(ra[i])}")
        for i in only_b[:show]:
            out.append(f"  + {i}: {_brief(rb[i])}")
        fields: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        for i in changed:
            for f in sorted(set(ra[i]) | set(rb[i])):
                if ra[i].get(f) != rb[i].get(f):
                    fields[f] += 1
                    ex = examples.setdefault(f, [])
                    if len(ex) < show:
                        ex.append(f"{i}: {_short(ra[i].get(f))} -> {_short(rb[i].get(f))}")
        for f, n in fields.most_common():
            out.append(f"  ~ {f}: {n} record(s)")
            out += [f"      {e}" for e in examples[f]]
    return out


def _brief(rec: dict[str, Any]) -> str:
    for k in ("name", "summary", "text", "about", "source"):
        if rec.get(k):
            return _short(rec[k])
    return _short(rec)


def _short(v: Any, n: int = 100) -> str:
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True)
    return s if len(s) <= n else s[:n] + "…"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("before")
    p.add_argument("after")
    p.add_argument("--show", type=int, default=3, help="examples per kind of difference")
    p.add_argument("--ignore", action="append", default=[], metavar="TABLE.FIELD", help="leave this field out")
    args = p.parse_args()
    lines = compare(_load(args.before), _load(args.after), args.show, tuple(args.ignore))
    print("\n".join(lines) if lines else "equal")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
