-- Votes on decisions: the count, and, where the body records votes by
-- name, each member's vote. NULL counts: no vote was recorded.
ALTER TABLE decisions ADD COLUMN votes_for INTEGER;
ALTER TABLE decisions ADD COLUMN votes_against INTEGER;
ALTER TABLE decisions ADD COLUMN votes_abstain INTEGER;
CREATE TABLE decision_votes (
    decision_id TEXT NOT NULL REFERENCES decisions (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    vote TEXT NOT NULL,
    PRIMARY KEY (decision_id, user_id)
);
ALTER TABLE bodies ADD COLUMN votes_by_name BOOLEAN NOT NULL DEFAULT false;

-- Arrivals and departures during a meeting: someone arrives in time for an
-- item (in person or remotely, NULL: as recorded for the meeting), or
-- leaves before it. One movement per person per item.
CREATE TABLE attendance_moves (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    movement TEXT NOT NULL,
    mode TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (item_id, user_id)
);
CREATE INDEX attendance_moves_meeting ON attendance_moves (meeting_id);

-- The rapid decision note: published within a number of working days of
-- the meeting, from the record; the secretariat is reminded before.
ALTER TABLE bodies ADD COLUMN decision_note_working_days INTEGER NOT NULL DEFAULT 2;
CREATE TABLE decision_notes (
    meeting_id TEXT PRIMARY KEY NOT NULL REFERENCES meetings (id),
    -- When the secretariat was reminded that it falls due.
    reminded_at TIMESTAMP,
    published_at TIMESTAMP,
    -- Who published it: a person's name, or Quorate when it fell due.
    published_by TEXT
);
