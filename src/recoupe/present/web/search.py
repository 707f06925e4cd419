"""Names across languages and transliterations: a query is matched against every entity's name, aliases and
gazetteer name (geo_name: "Vostochny Cosmodrome" for "Vostotchny") by the one transliteration key of
recoupe.model.text ("Putin" = "Poutine" up to a final letter, "Vostochny" = "Vostotchny"), so that the French forms
the articles use are found from an English or a transliterated spelling."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from recoupe.model.text import fold, translit_key
from recoupe.present.read import ReadModel

MAX_HITS = 20
# A query's cost grows with its words (FTS5 scores and cuts a snippet for every word in every document found):
# only the first MAX_TERMS distinct words are searched, each cut to MAX_TERM_CHARS.
MAX_TERMS = 8
MAX_TERM_CHARS = 40
MIN_KEY = 4  # shorter keys would match too much
CLOSE = 88.0  # rapidfuzz ratio above which two keys are one name spelled two ways


def bounded_query(query: str) -> tuple[str, bool]:
    """The words of `query` that are searched (the first MAX_TERMS distinct ones, case and accents aside, each cut
    to MAX_TERM_CHARS), and whether anything was left out."""
    kept: list[str] = []
    seen: set[str] = set()
    words = query.split()
    cut = False
    for w in words:
        if len(w) > MAX_TERM_CHARS:
            w, cut = w[:MAX_TERM_CHARS], True
        key = fold(w)
        if key in seen:
            continue
        if len(kept) == MAX_TERMS:
            cut = True
            break
        seen.add(key)
        kept.append(w)
    return " ".join(kept), cut


def _index(v: ReadModel) -> list[tuple[str, str, str, str]]:
    """(key, folded form, form, entity id) for every name of every entity."""
    out = []
    for e in v.entities:
        forms = {e["name"], *e.get("aliases", [])}
        if e.get("geo_name"):
            forms.add(e["geo_name"])
        for f in forms:
            out.append((translit_key(f), fold(f), f, e["id"]))
    return out


def entity_matches(v: ReadModel, query: str) -> list[tuple[dict[str, Any], str]]:
    """Entities one of whose names matches `query` across transliterations, with the name that matched; best first
    (exact key, then a word of the name, then a close spelling), more mentioned first."""
    q = translit_key(query)
    if len(q.replace(" ", "")) < MIN_KEY:
        return []
    index = v.memo("translit_index", lambda: _index(v))
    best: dict[str, tuple[int, str]] = {}
    for key, _, form, eid in index:
        if key == q:
            rank = 0
        elif f" {q} " in f" {key} ":
            rank = 1
        elif abs(len(key) - len(q)) <= 3 and fuzz.ratio(key, q) >= CLOSE:
            rank = 2
        elif len(q) >= 5 and any(w.startswith(q) and len(w) - len(q) <= 2 for w in key.split()):
            rank = 2  # "putin" for "putine" (Poutine)
        else:
            continue
        if eid not in best or rank < best[eid][0]:
            best[eid] = (rank, form)
    hits = [(v.ent_by_id[e], form, rank) for e, (rank, form) in best.items() if e in v.ent_by_id]
    hits.sort(key=lambda h: (h[2], -len(h[0].get("mentions", [])), h[0]["name"]))
    return [(e, form) for e, form, _ in hits[:MAX_HITS]]
