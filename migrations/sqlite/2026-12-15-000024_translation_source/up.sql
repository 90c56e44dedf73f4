-- The English a Welsh text was written from (a SHA-256 digest of it), so
-- that a change to the English after translation shows the Welsh as out of
-- date until a translator checks it. NULL for texts written before this.
ALTER TABLE translations ADD COLUMN source_digest TEXT;
