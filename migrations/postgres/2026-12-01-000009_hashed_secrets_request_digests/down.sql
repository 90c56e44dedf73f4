-- Hashed links cannot be turned back into secrets: feeds stay off.
UPDATE users SET calendar_secret = NULL;
ALTER TABLE actions DROP COLUMN idempotency_digest;
ALTER TABLE declarations DROP COLUMN idempotency_digest;
ALTER TABLE decisions DROP COLUMN idempotency_digest;
