DROP TABLE minutes;
DROP TABLE action_events;
DROP TABLE actions;
DROP TABLE decisions;
DROP TABLE declarations;
DROP TABLE item_notes;
DROP TABLE attendance;
