-- The meeting record: attendance, declarations, decisions and actions.
CREATE TABLE attendance (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL,
    substitute_for_user_id TEXT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
);

-- What was said on an item, typed live by the secretariat.
CREATE TABLE item_notes (
    item_id TEXT PRIMARY KEY NOT NULL REFERENCES agenda_items (id),
    notes TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE declarations (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    interest TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX declarations_meeting ON declarations (meeting_id);

CREATE TABLE decisions (
    id TEXT PRIMARY KEY NOT NULL,
    body_id TEXT NOT NULL REFERENCES bodies (id),
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    exempt BOOLEAN NOT NULL,
    idempotency_key TEXT UNIQUE,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (body_id, year, number)
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);

CREATE TABLE actions (
    id TEXT PRIMARY KEY NOT NULL,
    body_id TEXT NOT NULL REFERENCES bodies (id),
    meeting_id TEXT REFERENCES meetings (id),
    item_id TEXT REFERENCES agenda_items (id),
    decision_id TEXT REFERENCES decisions (id),
    description TEXT NOT NULL,
    owner_user_id TEXT NOT NULL REFERENCES users (id),
    owner_organisation_id TEXT NOT NULL REFERENCES organisations (id),
    due_on DATE NOT NULL,
    status TEXT NOT NULL,
    dropped_reason TEXT,
    closed_on DATE,
    exempt BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    idempotency_key TEXT UNIQUE,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX actions_body_status ON actions (body_id, status, due_on);
CREATE INDEX actions_owner ON actions (owner_user_id, status);
CREATE INDEX actions_org ON actions (owner_organisation_id);

CREATE TABLE action_events (
    id TEXT PRIMARY KEY NOT NULL,
    action_id TEXT NOT NULL REFERENCES actions (id),
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    old_due_on DATE,
    new_due_on DATE,
    status TEXT,
    author_user_id TEXT,
    author TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX action_events_action ON action_events (action_id, created_at);

CREATE TABLE minutes (
    meeting_id TEXT PRIMARY KEY NOT NULL REFERENCES meetings (id),
    status TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    exempt_markdown TEXT NOT NULL,
    version INTEGER NOT NULL,
    circulated_at TIMESTAMP,
    approved_at TIMESTAMP,
    approved_at_meeting_id TEXT REFERENCES meetings (id),
    updated_at TIMESTAMP NOT NULL
);
