-- The day an open action next needs a look from the worker's reminder step
-- (a reminder, an escalation, or a new week overdue). A new or changed
-- action gets the default, a day long past, so the next tick looks at it
-- and writes the real day; a tick reads only the open actions due a look,
-- through the index, instead of every open action.
ALTER TABLE actions ADD COLUMN next_reminder_on DATE NOT NULL DEFAULT '2000-01-01';
CREATE INDEX actions_next_reminder ON actions (status, next_reminder_on);
