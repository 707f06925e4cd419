"""Search over documents indexes the article, not its page furniture (migration 0011): bylines, "Lire aussi" lines,
footers and notes are found by no search, on either engine, while the stored text stays exactly as read."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recoupe.model import Document
from recoupe.store import open_store
from recoupe.store.migrations_postgres import POSTGRES_MIGRATIONS
from recoupe.store import migrations

At = Callable[[str], str]
ENGINE_MIGRATIONS = {"sqlite": ("recoupe.store.sqlite.MIGRATIONS", migrations.MIGRATIONS),
                     "postgresql": ("recoupe.store.postgres.POSTGRES_MIGRATIONS", POSTGRES_MIGRATIONS)}

TEXT = ("Par Hélène Exemplaire\n\n"
        "Le syndicat intercommunal a voté jeudi la construction d'une station d'épuration pour les huit communes "
        "de la vallée, après deux ans de débats.\n\n"
        "Lire aussi : La piscine municipale rouvre ses bassins\n\n"
        "Abonnez-vous à notre lettre quotidienne\n\n"
        "Notes\n\n[1] Rapport du bureau d'études Hydrolaval, 2023.")


def _doc(text: str = TEXT, i: str = "d1") -> Document:
    return Document(id=i, source=f"{i}.txt", text=text, language="fr", content_hash=i)


@pytest.mark.parametrize("query, found", [
    ("épuration", True), ("vallée communes", True),
    ("Hélène", False), ("piscine", False), ("abonnez", False), ("Hydrolaval", False),
])
def test_store_search_finds_the_article_not_its_furniture(store_at: At, query: str, found: bool) -> None:
    with open_store(store_at("s.db")) as s:
        s.add_document(_doc(), None)
        assert bool(s.search_documents(query)) is found
        assert next(iter(s.documents())).text == TEXT  # stored as read


def test_store_search_snippets_come_from_the_article(store_at: At) -> None:
    with open_store(store_at("s.db")) as s:
        s.add_document(_doc(), None)
        ((doc_id, snippet),) = s.search_documents("station")
        assert doc_id == "d1" and "[station]" in snippet and "Hélène" not in snippet


def test_store_written_before_the_article_text_is_indexed_anew(store_at: At, engine: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db = store_at("old.db")
    where, steps = ENGINE_MIGRATIONS[engine]
    monkeypatch.setattr(where, [m for m in steps if m[0] < "0011"])
    with open_store(db) as s:
        # a document as an older recoupe wrote it (no `search_text` column yet), whose index held the furniture
        with s.transaction() as c:  # type: ignore[attr-defined]
            s._in(c, "INSERT INTO documents(id, source, text, language, content_hash, added_at) "  # type: ignore[attr-defined]
                  "VALUES ('d1', 'd1.txt', ?, 'fr', 'd1', '2024-01-01')", (TEXT,))
    monkeypatch.undo()
    with open_store(db) as s:
        assert "0011_search_article_text" in s.migrations()
        assert s.search_documents("épuration") and not s.search_documents("piscine")
        assert next(iter(s.documents())).text == TEXT
