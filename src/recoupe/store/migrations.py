"""Named schema migrations, applied in order and recorded in the store's `migrations` table."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            language TEXT,
            published TEXT,
            published_precision TEXT,
            published_from TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT,
            signature BLOB,
            added_at TEXT NOT NULL
        );
        CREATE INDEX documents_hash ON documents(content_hash);
        CREATE INDEX documents_source ON documents(source);
        CREATE TABLE analyses (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE skipped (
            source TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
    (
        "0002_dossier_tables",
        # The resolved dossier: one row per record, its contract form as JSON, plus columns to query by.
        """
        CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL);
        CREATE INDEX entities_type ON entities(type);
        CREATE TABLE events (id TEXT PRIMARY KEY, type TEXT, date TEXT, data TEXT NOT NULL);
        CREATE TABLE quotes (id TEXT PRIMARY KEY, speaker TEXT, data TEXT NOT NULL);
        CREATE TABLE claims (id TEXT PRIMARY KEY, cluster TEXT, modality TEXT, data TEXT NOT NULL);
        CREATE TABLE contradictions (id TEXT PRIMARY KEY, kind TEXT, data TEXT NOT NULL);
        CREATE TABLE quantities (id TEXT PRIMARY KEY, unit TEXT, data TEXT NOT NULL);
        """,
    ),
    (
        "0003_search",
        # Full-text search over article text with accents folded (remove_diacritics 2).
        """
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """,
    ),
]
