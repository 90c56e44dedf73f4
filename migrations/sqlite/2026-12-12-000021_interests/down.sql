DROP TABLE interest_policies;
DROP TABLE interests;
