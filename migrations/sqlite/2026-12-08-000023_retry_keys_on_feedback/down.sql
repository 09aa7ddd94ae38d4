DROP INDEX feedback_keyed_created;
ALTER TABLE feedback DROP COLUMN request_hash;
ALTER TABLE feedback DROP COLUMN idempotency_key;
