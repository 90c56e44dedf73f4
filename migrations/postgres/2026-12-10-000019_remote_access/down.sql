ALTER TABLE meetings DROP COLUMN remote_access;
