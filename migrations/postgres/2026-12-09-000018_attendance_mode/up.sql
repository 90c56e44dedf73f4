-- How someone attended: in person or remotely (NULL: not recorded, read as
-- in person). Whether remote attendance counts towards quorum is for the
-- body's rules. A member who declares an interest on an item may leave the
-- room for it: they do not count towards that item's quorum.
ALTER TABLE attendance ADD COLUMN mode TEXT;
ALTER TABLE declarations ADD COLUMN left_room BOOLEAN NOT NULL DEFAULT false;
