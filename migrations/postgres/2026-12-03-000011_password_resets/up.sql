-- Self-service password reset: a single-use link, valid for a short time,
-- kept only as a hash of its token (like invitations). Counting the recent
-- rows per person limits how many links one account can be sent.
CREATE TABLE password_resets (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX password_resets_user ON password_resets (user_id, created_at);
