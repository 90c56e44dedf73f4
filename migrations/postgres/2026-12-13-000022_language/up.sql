-- A person's language for pages and emails: 'en', 'cy', or NULL (not chosen:
-- pages follow the browser, emails go in both languages).
ALTER TABLE users ADD COLUMN language TEXT;
