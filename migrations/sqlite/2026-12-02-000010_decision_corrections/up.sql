-- A decision recorded in error can be withdrawn by the secretariat before
-- the minutes are approved. It keeps its number (the register has no gaps)
-- and says why it was withdrawn.
ALTER TABLE decisions ADD COLUMN withdrawn_reason TEXT;
ALTER TABLE decisions ADD COLUMN withdrawn_at TIMESTAMP;
