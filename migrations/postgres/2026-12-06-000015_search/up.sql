-- Full-text search. One row per thing that can be found (a paper, an agenda
-- item, a decision, an action, a meeting's minutes), written by the same
-- transaction that changes it, with what decides who may find it: the body,
-- whether the public may, whether it is exempt, and the people named on it.
CREATE TABLE search_documents (
    id BIGSERIAL PRIMARY KEY,
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
    -- The english configuration (stemmed, common words left out); the title
    -- weighs more in the ranking than the text.
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', content), 'B')
    ) STORED,
    UNIQUE (kind, ref_id)
);
CREATE INDEX search_documents_meeting ON search_documents (meeting_id);
CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv);
