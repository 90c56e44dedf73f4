DROP INDEX actions_meeting;
DROP INDEX actions_decision;
DROP INDEX decisions_created;
DROP INDEX decisions_body_created;
