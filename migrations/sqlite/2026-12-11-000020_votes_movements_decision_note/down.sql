DROP TABLE decision_notes;
ALTER TABLE bodies DROP COLUMN decision_note_working_days;
DROP TABLE attendance_moves;
ALTER TABLE bodies DROP COLUMN votes_by_name;
DROP TABLE decision_votes;
ALTER TABLE decisions DROP COLUMN votes_abstain;
ALTER TABLE decisions DROP COLUMN votes_against;
ALTER TABLE decisions DROP COLUMN votes_for;
