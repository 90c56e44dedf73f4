DROP INDEX actions_next_reminder;
ALTER TABLE actions DROP COLUMN next_reminder_on;
