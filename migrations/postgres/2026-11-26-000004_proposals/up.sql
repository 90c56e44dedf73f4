CREATE TABLE proposals (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    proposer_user_id TEXT NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    item_type TEXT NOT NULL,
    presenting_organisation_id TEXT NOT NULL REFERENCES organisations (id),
    priority_id TEXT REFERENCES priorities (id),
    no_priority_reason TEXT NOT NULL,
    minutes_estimate INTEGER,
    status TEXT NOT NULL,
    outcome_reason TEXT,
    deferred_to_meeting_id TEXT REFERENCES meetings (id),
    paper_id TEXT REFERENCES papers (id),
    decided_by TEXT,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX proposals_meeting ON proposals (meeting_id);
CREATE INDEX proposals_proposer ON proposals (proposer_user_id);
