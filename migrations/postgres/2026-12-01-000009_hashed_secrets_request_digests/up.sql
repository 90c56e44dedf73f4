-- Calendar feed links are now stored as the SHA-256 of their secret, never
-- the secret itself. Links made before this change held the secret in plain
-- text; they are turned off, and their owners make a new link on their
-- account page.
UPDATE users SET calendar_secret = NULL;

-- An idempotency key replays its first request only when it is sent with
-- the same request again; the digest of that first request is kept beside
-- the key, so the same key with a different request is refused (409).
ALTER TABLE decisions ADD COLUMN idempotency_digest TEXT;
ALTER TABLE declarations ADD COLUMN idempotency_digest TEXT;
ALTER TABLE actions ADD COLUMN idempotency_digest TEXT;
