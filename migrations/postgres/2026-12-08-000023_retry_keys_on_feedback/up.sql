-- A retried submission is now found by its tracking code: a submission sent with a retry key
-- (`Idempotency-Key`, the form's submission id) gets a code derived from the key with a server
-- secret, so a retry derives the same code and meets the first row through the tracking code's
-- own unique index. The key and the request's hash are kept on the row (not indexed) to tell a
-- retry from another key that derived the same code, and erased after 24 hours. The separate
-- key table cost every keyed submission one more random b-tree write (docs/benchmarks.md); it is
-- only read now, until its last keys expire.
ALTER TABLE feedback ADD COLUMN idempotency_key TEXT;
ALTER TABLE feedback ADD COLUMN request_hash TEXT;
-- What the daily retention job erases: keyed rows only, in arrival order (each insert appends).
CREATE INDEX feedback_keyed_created ON feedback (created_at) WHERE idempotency_key IS NOT NULL;
