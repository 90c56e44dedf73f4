ALTER TABLE decisions DROP COLUMN withdrawn_at;
ALTER TABLE decisions DROP COLUMN withdrawn_reason;
