-- Daily jobs that must run once across every app server (retention): the first server to
-- insert the day's row runs it; the others see the row and skip.
CREATE TABLE job_runs (
    name TEXT NOT NULL,
    day DATE NOT NULL,
    started_at TIMESTAMP NOT NULL,
    PRIMARY KEY (name, day)
);
CREATE INDEX outbox_sent_at ON outbox (sent_at);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
