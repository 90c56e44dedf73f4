-- How to attend a meeting remotely (a link and instructions). In Wales it is
-- part of the notice: the agenda cannot be published without it.
ALTER TABLE meetings ADD COLUMN remote_access TEXT NOT NULL DEFAULT '';
