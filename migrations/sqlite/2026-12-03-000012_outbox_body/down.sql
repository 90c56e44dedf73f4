DROP INDEX outbox_body;
ALTER TABLE outbox DROP COLUMN body_id;
