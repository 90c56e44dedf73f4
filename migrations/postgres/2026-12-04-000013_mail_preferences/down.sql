DROP INDEX outbox_held;
ALTER TABLE outbox DROP COLUMN digest_id;
ALTER TABLE outbox DROP COLUMN held;
ALTER TABLE outbox DROP COLUMN unsubscribe;
ALTER TABLE outbox DROP COLUMN user_id;
DROP TABLE mail_preferences;
