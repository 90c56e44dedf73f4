ALTER TABLE translations DROP COLUMN source_digest;
