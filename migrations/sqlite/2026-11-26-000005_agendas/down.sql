ALTER TABLE users DROP COLUMN calendar_secret;
ALTER TABLE outbox DROP COLUMN attachment_content;
ALTER TABLE outbox DROP COLUMN attachment_name;
ALTER TABLE proposals DROP COLUMN referred_from_item_id;
DROP TABLE packs;
DROP TABLE agenda_versions;
DROP TABLE agenda_items;
DROP TABLE agendas;
