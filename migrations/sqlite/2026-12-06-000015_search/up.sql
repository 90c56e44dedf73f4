-- Full-text search. One row per thing that can be found (a paper, an agenda
-- item, a decision, an action, a meeting's minutes), written by the same
-- transaction that changes it, with what decides who may find it: the body,
-- whether the public may, whether it is exempt, and the people named on it.
CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL,
    body_id TEXT NOT NULL,
    meeting_id TEXT,
    day DATE NOT NULL,
    public BOOLEAN NOT NULL,
    exempt BOOLEAN NOT NULL,
    named TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);
CREATE INDEX search_documents_meeting ON search_documents (meeting_id);

-- The FTS5 index over it (Porter stemming, accents folded), kept in step by
-- triggers, so it never disagrees with the rows it indexes.
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, content,
    content = 'search_documents', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts (rowid, title, content) VALUES (new.id, new.title, new.content);
END;
CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, content) VALUES ('delete', old.id, old.title, old.content);
END;
CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, content) VALUES ('delete', old.id, old.title, old.content);
    INSERT INTO search_fts (rowid, title, content) VALUES (new.id, new.title, new.content);
END;
