ALTER TABLE agenda_items DROP COLUMN exempt_public_interest;
ALTER TABLE papers DROP COLUMN exempt_public_interest;
ALTER TABLE bodies DROP COLUMN remote_attendance_counts;
ALTER TABLE bodies DROP COLUMN rules;
