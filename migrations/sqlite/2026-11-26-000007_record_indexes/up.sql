-- The decisions register (newest first, per body) and the actions of a
-- decision or a meeting were full scans on a large data set.
CREATE INDEX decisions_body_created ON decisions (body_id, created_at);
CREATE INDEX decisions_created ON decisions (created_at);
CREATE INDEX actions_decision ON actions (decision_id);
CREATE INDEX actions_meeting ON actions (meeting_id);
