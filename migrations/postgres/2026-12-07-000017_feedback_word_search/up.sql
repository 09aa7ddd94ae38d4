-- Word search in a service's feedback (the staff list's `q`) matches `lower(text) LIKE '%word%'`;
-- a trigram index answers it on the public (masked) text, what designers search, without reading
-- the whole service (Bangla words too: pg_trgm hashes their trigrams). Searching the original text
-- (staff allowed to see personal data) still reads the service's rows: a second index would cost
-- intake another tenth (docs/benchmarks.md). pg_trgm is a trusted extension: the database's owner
-- may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX feedback_public_body_words ON feedback USING gin (lower(COALESCE(public_body, '')) gin_trgm_ops);
