-- Every keyed submission writes one row here, so the row is kept lean: the table is its
-- primary key (WITHOUT ROWID: one b-tree, not a table plus a unique index), and the index on
-- created_at goes: the daily retention job reads the table once a day to drop day-old keys,
-- cheaper than an index write for every submission.
CREATE TABLE idempotency_keys_lean (
    key TEXT PRIMARY KEY NOT NULL,
    request_hash TEXT NOT NULL,
    tracking_code TEXT NOT NULL REFERENCES feedback (tracking_code),
    created_at TIMESTAMP NOT NULL
) WITHOUT ROWID;
INSERT INTO idempotency_keys_lean (key, request_hash, tracking_code, created_at)
    SELECT key, request_hash, tracking_code, created_at FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_lean RENAME TO idempotency_keys;
