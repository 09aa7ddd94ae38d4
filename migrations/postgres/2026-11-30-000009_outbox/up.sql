-- The email outbox: every message is written here in the same transaction as the
-- change that causes it, and a worker inside `serve` sends it. `data` is the
-- template context (JSON); the message is rendered when it is sent.
-- state: queued -> sent, or failed (parked after too many attempts), or skipped
-- (the address unsubscribed before it went out).
CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    locale TEXT NOT NULL,
    data TEXT NOT NULL,
    service_id BIGINT REFERENCES services (id),
    staff_id BIGINT REFERENCES staff_users (id),
    dedupe_key TEXT UNIQUE,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_staff ON outbox (staff_id, kind, created_at);

-- Addresses that asked for no more updates, as SHA-256 (never the address itself).
CREATE TABLE unsubscribes (
    address_hash TEXT PRIMARY KEY NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Secrets generated on first start when none is configured (shared by every app server).
CREATE TABLE app_secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
