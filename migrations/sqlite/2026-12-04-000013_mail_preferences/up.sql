-- What each person wants Quorate to email them: routine mail as it happens
-- or once a day in a digest, and the routine topics they have turned off.
-- Statutory notices and mail about a person's own work are always sent.
CREATE TABLE mail_preferences (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id),
    delivery TEXT NOT NULL DEFAULT 'immediate',
    topics_off TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL
);

-- The recipient's account, where the address is one; the routine topic a
-- List-Unsubscribe link on the message turns off; whether the message is
-- held for its recipient's daily digest, and the digest that carried it.
ALTER TABLE outbox ADD COLUMN user_id TEXT;
ALTER TABLE outbox ADD COLUMN unsubscribe TEXT;
ALTER TABLE outbox ADD COLUMN held BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE outbox ADD COLUMN digest_id TEXT;
CREATE INDEX outbox_held ON outbox (held, created_at);
