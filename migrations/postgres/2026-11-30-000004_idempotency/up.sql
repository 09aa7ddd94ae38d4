-- Client retries with the same Idempotency-Key get the first answer again.
CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY NOT NULL,
    request_hash TEXT NOT NULL,
    tracking_code TEXT NOT NULL REFERENCES feedback (tracking_code),
    created_at TIMESTAMP NOT NULL
);
