-- Rule profiles: the law a body runs under (england, wales, wales-psb,
-- scotland, nhs-1960), which sets its notice period, its catalogue of exempt
-- paragraphs, its quorum rule and whether remote attendance counts. Where a
-- profile leaves remote attendance to standing orders, the body's flag says.
-- In Wales a confidential item records its public interest test.
ALTER TABLE bodies ADD COLUMN rules TEXT NOT NULL DEFAULT 'england';
ALTER TABLE bodies ADD COLUMN remote_attendance_counts BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE papers ADD COLUMN exempt_public_interest TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN exempt_public_interest TEXT NOT NULL DEFAULT '';
