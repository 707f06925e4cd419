"""Named schema migrations, applied in order and recorded in the store's `migrations` table."""

from __future__ import annotations

# the dossier tables as they stood at migration 0012 (frozen: a later table gets its columns when created)
DOSSIER_TABLES_0012 = ("entities", "events", "quotes", "claims", "contradictions", "quantities", "dates", "discrepancies",
                       "sources", "source_groups")

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
    (
        "0004_corrections",
        # Analyst corrections (merge entities, split an alias off, confirm/reject a claim or contradiction).
        # Kept apart from the resolved tables, which every build rewrites, so corrections survive a rebuild;
        # they are applied when the dossier is presented (see recoupe.present.corrections).
        """
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            other TEXT,
            value TEXT,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX corrections_target ON corrections(target);
        """,
    ),
    (
        "0005_facts_search",
        # Full-text search over facts (entity names and aliases, quotes, claims, event summaries,
        # contradictions), accents folded. Kept in step with the resolved tables by triggers, so every
        # write of the dossier re-indexes it without Python code. rowid = source rowid * 8 + kind code,
        # so a delete finds its row by rowid instead of scanning.
        """
        CREATE VIRTUAL TABLE facts_fts USING fts5(
            kind UNINDEXED, ref UNINDEXED, body,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER entities_fts_ai AFTER INSERT ON entities BEGIN
            INSERT INTO facts_fts(rowid, kind, ref, body) VALUES (new.rowid * 8 + 1, 'entity', new.id,
                new.name || ' ; ' || coalesce((SELECT group_concat(value, ' ; ') FROM json_each(new.data, '$.aliases') WHERE value != new.name), ''));
        END;
        CREATE TRIGGER entities_fts_ad AFTER DELETE ON entities BEGIN
            DELETE FROM facts_fts WHERE rowid = old.rowid * 8 + 1;
        END;
        CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO facts_fts(rowid, kind, ref, body) VALUES (new.rowid * 8 + 2, 'quote', new.id,
                coalesce(json_extract(new.data, '$.text'), '') || ' ; ' || coalesce(json_extract(new.data, '$.speaker_text'), ''));
        END;
        CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
            DELETE FROM facts_fts WHERE rowid = old.rowid * 8 + 2;
        END;
        CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
            INSERT INTO facts_fts(rowid, kind, ref, body) VALUES (new.rowid * 8 + 3, 'claim', new.id,
                coalesce(json_extract(new.data, '$.text'), ''));
        END;
        CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
            DELETE FROM facts_fts WHERE rowid = old.rowid * 8 + 3;
        END;
        CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
            INSERT INTO facts_fts(rowid, kind, ref, body) VALUES (new.rowid * 8 + 4, 'event', new.id,
                coalesce(json_extract(new.data, '$.summary'), ''));
        END;
        CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
            DELETE FROM facts_fts WHERE rowid = old.rowid * 8 + 4;
        END;
        CREATE TRIGGER contradictions_fts_ai AFTER INSERT ON contradictions BEGIN
            INSERT INTO facts_fts(rowid, kind, ref, body) VALUES (new.rowid * 8 + 5, 'contradiction', new.id,
                coalesce(json_extract(new.data, '$.about'), '') || ' ; ' || coalesce(json_extract(new.data, '$.explanation'), ''));
        END;
        CREATE TRIGGER contradictions_fts_ad AFTER DELETE ON contradictions BEGIN
            DELETE FROM facts_fts WHERE rowid = old.rowid * 8 + 5;
        END;
        INSERT INTO facts_fts(rowid, kind, ref, body) SELECT rowid * 8 + 1, 'entity', id,
            name || ' ; ' || coalesce((SELECT group_concat(value, ' ; ') FROM json_each(entities.data, '$.aliases') WHERE value != entities.name), '') FROM entities;
        INSERT INTO facts_fts(rowid, kind, ref, body) SELECT rowid * 8 + 2, 'quote', id,
            coalesce(json_extract(data, '$.text'), '') || ' ; ' || coalesce(json_extract(data, '$.speaker_text'), '') FROM quotes;
        INSERT INTO facts_fts(rowid, kind, ref, body) SELECT rowid * 8 + 3, 'claim', id, coalesce(json_extract(data, '$.text'), '') FROM claims;
        INSERT INTO facts_fts(rowid, kind, ref, body) SELECT rowid * 8 + 4, 'event', id, coalesce(json_extract(data, '$.summary'), '') FROM events;
        INSERT INTO facts_fts(rowid, kind, ref, body) SELECT rowid * 8 + 5, 'contradiction', id,
            coalesce(json_extract(data, '$.about'), '') || ' ; ' || coalesce(json_extract(data, '$.explanation'), '') FROM contradictions;
        """,
    ),
    (
        "0006_dates",
        # writing days inferred across articles, and the expressions they let us read (resolve.reference)
        """
        CREATE TABLE dates (id TEXT PRIMARY KEY, kind TEXT, doc TEXT, data TEXT NOT NULL);
        CREATE INDEX dates_doc ON dates(doc);
        """,
    ),
    (
        "0007_document_order",
        # `seq`: the order documents were read, an insertion sequence numbered by a trigger whoever inserts, for
        # the choices that follow reading order (which exact copy is the first version; which copy takes a
        # retracted first version's place). Documents are listed, resolved and exported by id (a hash of the
        # text), never by `added_at`, whose one-second resolution let two fresh builds of the same input differ.
        """
        ALTER TABLE documents ADD COLUMN seq INTEGER;
        UPDATE documents SET seq = o.n FROM (SELECT id, row_number() OVER (ORDER BY added_at, id) AS n FROM documents) AS o
            WHERE o.id = documents.id;
        CREATE INDEX documents_seq ON documents(seq);
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
        CREATE TRIGGER documents_seq_ai AFTER INSERT ON documents WHEN new.seq IS NULL BEGIN
            UPDATE documents SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM documents) WHERE rowid = new.rowid;
        END;
        """,
    ),
    (
        "0008_discrepancies",
        # statements that differ but may all be true (a plan and its outcome, counts on different days), shown apart
        # from the contradictions (resolve.checks)
        """
        CREATE TABLE discrepancies (id TEXT PRIMARY KEY, kind TEXT, data TEXT NOT NULL);
        """,
    ),
    (
        "0009_sources",
        # who published each document (its address and author beside the outlet and title it had), and the
        # dossier's source tables: one row per document (outlet, credits, furniture zones, group) and one per group
        # of documents that count as one source (resolve.sources)
        """
        ALTER TABLE documents ADD COLUMN url TEXT;
        ALTER TABLE documents ADD COLUMN author TEXT;
        CREATE TABLE sources (id TEXT PRIMARY KEY, doc TEXT, source_group TEXT, data TEXT NOT NULL);
        CREATE TABLE source_groups (id TEXT PRIMARY KEY, label TEXT, data TEXT NOT NULL);
        """,
    ),
    (
        "0010_redirects",
        # ids a rebuild retired -> the record holding their members now (model.identity), so corrections and links
        # made against an older dossier still find their record
        """
        CREATE TABLE redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
        """,
    ),
    (
        "0011_search_article_text",
        # Search indexes the article without its page furniture: `search_text` is the text with the furniture
        # blanked (lang.pages.article_text, written with the document; NULL when it has none), and the index reads
        # it through a view, so snippets come from what was indexed. The stored text is unchanged.
        """
        ALTER TABLE documents ADD COLUMN search_text TEXT;
        DROP TRIGGER documents_ai;
        DROP TRIGGER documents_ad;
        DROP TRIGGER documents_au;
        DROP TABLE documents_fts;
        CREATE VIEW documents_article AS SELECT rowid AS rid, title, coalesce(search_text, text) AS text FROM documents;
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents_article', content_rowid='rid',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, coalesce(new.search_text, new.text));
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, coalesce(old.search_text, old.text));
        END;
        CREATE TRIGGER documents_au AFTER UPDATE OF title, text, search_text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, coalesce(old.search_text, old.text));
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, coalesce(new.search_text, new.text));
        END;
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
        """,
    ),
    (
        "0012_dossier_rows",
        # A dossier table's rows are written row by row (sql.SQLStore.write_dossier): `pos` keeps their order as
        # the dossier gives it, `digest` the hash of a row's JSON, so a rebuild rewrites only the rows that changed.
        # Rows written before keep their order (their rowid) and get their digest at the next write.
        "\n".join(f"ALTER TABLE {t} ADD COLUMN pos INTEGER;\nALTER TABLE {t} ADD COLUMN digest TEXT;\nUPDATE {t} SET pos = rowid;"
                  for t in DOSSIER_TABLES_0012),
    ),
]
