-- Staff accounts (designers, ministry admins, cabinet admins), the ministries
-- each may see, their log-in sessions and API tokens, failed log-ins (for
-- throttling across app servers) and the audit log of every staff change.
CREATE TABLE staff_users (
    id INTEGER PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    locale TEXT NOT NULL,
    digest_opt_in BOOLEAN NOT NULL,
    disabled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE staff_ministries (
    staff_id BIGINT NOT NULL REFERENCES staff_users (id),
    ministry_id BIGINT NOT NULL REFERENCES ministries (id),
    PRIMARY KEY (staff_id, ministry_id)
);

CREATE TABLE staff_sessions (
    id INTEGER PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    staff_id BIGINT NOT NULL REFERENCES staff_users (id),
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX staff_sessions_staff_id ON staff_sessions (staff_id);

CREATE TABLE staff_tokens (
    id INTEGER PRIMARY KEY NOT NULL,
    staff_id BIGINT NOT NULL REFERENCES staff_users (id),
    name TEXT NOT NULL,
    token_prefix TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX staff_tokens_staff_id ON staff_tokens (staff_id);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY NOT NULL,
    subject TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, created_at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY NOT NULL,
    staff_id BIGINT REFERENCES staff_users (id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id BIGINT,
    ministry_id BIGINT,
    before_json TEXT,
    after_json TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_created_at ON audit_log (created_at);
CREATE INDEX audit_log_ministry ON audit_log (ministry_id, created_at);
CREATE INDEX audit_log_staff ON audit_log (staff_id, created_at);
