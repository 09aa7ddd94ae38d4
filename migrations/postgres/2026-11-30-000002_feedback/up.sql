-- One citizen's message about one service.
CREATE TABLE feedback (
    id BIGSERIAL PRIMARY KEY,
    tracking_code TEXT NOT NULL UNIQUE,
    service_id BIGINT NOT NULL REFERENCES services (id),
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    charter_step TEXT,
    days_taken INTEGER,
    cost_bdt BIGINT,
    visits INTEGER,
    district TEXT NOT NULL,
    channel TEXT NOT NULL,
    contact_name TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    consent_updates BOOLEAN NOT NULL,
    locale TEXT NOT NULL,
    moderation TEXT NOT NULL,
    theme_id BIGINT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX feedback_service_created ON feedback (service_id, created_at);
CREATE INDEX feedback_theme_id ON feedback (theme_id);
