-- The body a message is about, where it is about one: the body's
-- secretariat sees that mail on its mail page (/bodies/{slug}/mail).
ALTER TABLE outbox ADD COLUMN body_id TEXT;
CREATE INDEX outbox_body ON outbox (body_id, created_at);
