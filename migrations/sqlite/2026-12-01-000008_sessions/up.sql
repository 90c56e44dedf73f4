-- Server-side sessions: the cookie names a session; signing out deletes it,
-- so a copied cookie stops working. Stored by the SHA-256 of the cookie's
-- random session token, never the token itself.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    client TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
