-- Registers of interests: each person's employment, contracts, land,
-- memberships, and gifts and hospitality over their organisation's
-- threshold, with the dates each began and ended. An interest may name an
-- organisation in Quorate: agendas then warn of likely conflicts.
CREATE TABLE interests (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations (id),
    value_pence INTEGER,
    starts_on DATE NOT NULL,
    ends_on DATE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interests_user ON interests (user_id);
CREATE INDEX interests_organisation ON interests (organisation_id);

-- Each organisation's policy for its people's registers: the value from
-- which gifts and hospitality are registered, and whether the registers
-- are published on their public profiles. No row: the defaults.
CREATE TABLE interest_policies (
    organisation_id TEXT PRIMARY KEY NOT NULL REFERENCES organisations (id),
    gift_threshold_pence INTEGER NOT NULL,
    publish BOOLEAN NOT NULL
);
