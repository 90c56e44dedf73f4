-- Bilingual bodies (Welsh Language Standards): a body whose policy says
-- `bilingual` holds what people write in Welsh and English. English stays in
-- each record's own columns; the Welsh version of each field is a row here,
-- with its status ('translated' or 'approved'; a field with no row is
-- awaiting translation, one whose English is empty needs none).
ALTER TABLE bodies ADD COLUMN bilingual BOOLEAN NOT NULL DEFAULT FALSE;
-- T: working days between the translation deadline and publication.
ALTER TABLE bodies ADD COLUMN translation_working_days INTEGER NOT NULL DEFAULT 3;
UPDATE bodies SET bilingual = TRUE WHERE rules IN ('wales', 'wales-psb');

-- The cover sheet's Welsh language impact section: the effects on
-- opportunities to use Welsh and on treating it no less favourably.
ALTER TABLE papers ADD COLUMN implications_welsh_language TEXT NOT NULL DEFAULT '';

-- The chair's reason for publishing a bilingual body's agenda before every
-- translation is done, in English and Welsh (shown publicly in both).
ALTER TABLE meetings ADD COLUMN translation_urgency_en TEXT;
ALTER TABLE meetings ADD COLUMN translation_urgency_cy TEXT;
ALTER TABLE meetings ADD COLUMN translation_urgency_by TEXT;

CREATE TABLE translations (
    id TEXT PRIMARY KEY NOT NULL,
    -- paper, agenda_item, decision, action or minutes
    subject_kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    field TEXT NOT NULL,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX translations_field ON translations (subject_kind, subject_id, field, lang);

-- Members who wish to speak Welsh at a meeting: when 10% or more do, the
-- secretariat arranges simultaneous translation.
CREATE TABLE welsh_speakers (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
);
