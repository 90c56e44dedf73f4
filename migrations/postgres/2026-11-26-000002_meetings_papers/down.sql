DROP TABLE holiday_imports;
DROP TABLE paper_versions;
DROP TABLE papers;
DROP TABLE meetings;
