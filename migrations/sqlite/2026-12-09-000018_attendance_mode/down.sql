ALTER TABLE declarations DROP COLUMN left_room;
ALTER TABLE attendance DROP COLUMN mode;
