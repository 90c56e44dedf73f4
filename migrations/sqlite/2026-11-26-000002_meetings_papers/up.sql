CREATE TABLE meetings (
    id TEXT PRIMARY KEY NOT NULL,
    body_id TEXT NOT NULL REFERENCES bodies (id),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    location TEXT NOT NULL,
    status TEXT NOT NULL,
    cancel_reason TEXT,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX meetings_body_start ON meetings (body_id, starts_at);

CREATE TABLE papers (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    author_user_id TEXT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    item_type TEXT,
    presenting_organisation_id TEXT REFERENCES organisations (id),
    presenter_user_id TEXT REFERENCES users (id),
    sponsor_user_id TEXT REFERENCES users (id),
    purpose TEXT NOT NULL,
    summary TEXT NOT NULL,
    recommendations TEXT NOT NULL,
    implications_financial TEXT NOT NULL,
    implications_legal TEXT NOT NULL,
    implications_risk TEXT NOT NULL,
    implications_equality TEXT NOT NULL,
    equality_assessment TEXT,
    implications_environment TEXT NOT NULL,
    consulted_organisation_ids TEXT NOT NULL,
    priority_id TEXT REFERENCES priorities (id),
    no_priority_reason TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    exempt_category INTEGER,
    exempt_reason TEXT NOT NULL,
    minutes_allocated INTEGER,
    late BOOLEAN NOT NULL,
    late_reason TEXT,
    late_decision TEXT,
    late_decision_note TEXT,
    late_decided_by TEXT REFERENCES users (id),
    late_decided_at TIMESTAMP,
    signed_off_by TEXT REFERENCES users (id),
    signed_off_at TIMESTAMP,
    submitted_at TIMESTAMP,
    returned_reason TEXT,
    withdrawn_reason TEXT,
    accepted_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX papers_meeting ON papers (meeting_id);
CREATE INDEX papers_author ON papers (author_user_id);

CREATE TABLE paper_versions (
    id TEXT PRIMARY KEY NOT NULL,
    paper_id TEXT NOT NULL REFERENCES papers (id),
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TIMESTAMP NOT NULL,
    UNIQUE (paper_id, version)
);

CREATE TABLE holiday_imports (
    id TEXT PRIMARY KEY NOT NULL,
    content TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TIMESTAMP NOT NULL
);
