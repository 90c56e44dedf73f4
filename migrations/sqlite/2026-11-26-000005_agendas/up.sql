-- The working agenda of a meeting, its published versions, and generated packs.
CREATE TABLE agendas (
    meeting_id TEXT PRIMARY KEY NOT NULL REFERENCES meetings (id),
    version INTEGER NOT NULL,
    published_number INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE agenda_items (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    item_type TEXT,
    paper_id TEXT REFERENCES papers (id),
    presenter_user_id TEXT REFERENCES users (id),
    organisation_id TEXT REFERENCES organisations (id),
    minutes_allocated INTEGER NOT NULL,
    verbal_reason TEXT,
    to_note BOOLEAN NOT NULL,
    exempt_category INTEGER,
    referred_from_item_id TEXT REFERENCES agenda_items (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE UNIQUE INDEX agenda_items_paper ON agenda_items (paper_id);

CREATE TABLE agenda_versions (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    number INTEGER NOT NULL,
    published_at TIMESTAMP NOT NULL,
    published_by TEXT NOT NULL,
    late_reason TEXT,
    supplement_reason TEXT,
    snapshot TEXT NOT NULL,
    UNIQUE (meeting_id, number)
);

CREATE TABLE packs (
    id TEXT PRIMARY KEY NOT NULL,
    agenda_version_id TEXT NOT NULL REFERENCES agenda_versions (id),
    audience TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    error TEXT,
    sha256 TEXT,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (agenda_version_id, audience)
);

-- A referral arrives at the other body as a proposal linked to its origin.
ALTER TABLE proposals ADD COLUMN referred_from_item_id TEXT;

-- An optional text attachment (an .ics invitation) on a queued message.
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment_content TEXT;

-- A secret for each person's calendar feed (revocable by replacing it).
ALTER TABLE users ADD COLUMN calendar_secret TEXT;
