DROP TABLE welsh_speakers;
DROP TABLE translations;
ALTER TABLE meetings DROP COLUMN translation_urgency_by;
ALTER TABLE meetings DROP COLUMN translation_urgency_cy;
ALTER TABLE meetings DROP COLUMN translation_urgency_en;
ALTER TABLE papers DROP COLUMN implications_welsh_language;
ALTER TABLE bodies DROP COLUMN translation_working_days;
ALTER TABLE bodies DROP COLUMN bilingual;
