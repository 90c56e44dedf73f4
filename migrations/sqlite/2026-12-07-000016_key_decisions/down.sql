ALTER TABLE papers DROP COLUMN key_decision;
ALTER TABLE proposals DROP COLUMN exempt_category;
ALTER TABLE proposals DROP COLUMN key_decision;
