CREATE TABLE idempotency_keys_rowid (
    key TEXT PRIMARY KEY NOT NULL,
    request_hash TEXT NOT NULL,
    tracking_code TEXT NOT NULL REFERENCES feedback (tracking_code),
    created_at TIMESTAMP NOT NULL
);
INSERT INTO idempotency_keys_rowid (key, request_hash, tracking_code, created_at)
    SELECT key, request_hash, tracking_code, created_at FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_rowid RENAME TO idempotency_keys;
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
