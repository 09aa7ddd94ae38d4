DROP INDEX idempotency_keys_created_at;
DROP INDEX outbox_sent_at;
DROP TABLE job_runs;
