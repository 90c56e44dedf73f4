-- Key decisions: a flag on proposals and papers, so the forward plan can give
-- 28 clear days' public notice of them. A proposal may also be confidential
-- (a Schedule 12A paragraph): the forward plan then shows only its category.
ALTER TABLE proposals ADD COLUMN key_decision BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE proposals ADD COLUMN exempt_category INTEGER;
ALTER TABLE papers ADD COLUMN key_decision BOOLEAN NOT NULL DEFAULT false;
