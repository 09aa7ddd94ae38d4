-- Pain-point themes of a service, "me too" voices, the text citizens may see
-- (personal data masked), and counters kept per service so designer pages never
-- scan a service's feedback to count it.
CREATE TABLE themes (
    id INTEGER PRIMARY KEY NOT NULL,
    service_id BIGINT NOT NULL REFERENCES services (id),
    label_bn TEXT NOT NULL,
    label_en TEXT NOT NULL,
    category TEXT NOT NULL,
    category_by_designer BOOLEAN NOT NULL,
    category_votes TEXT NOT NULL,
    confirmed BOOLEAN NOT NULL,
    centroid TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX themes_service_updated ON themes (service_id, updated_at);

ALTER TABLE feedback ADD COLUMN public_body TEXT;
ALTER TABLE feedback ADD COLUMN has_personal_data BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE feedback ADD COLUMN extra_voices INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feedback ADD COLUMN theme_pinned BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE feedback ADD COLUMN forgotten_at TIMESTAMP;

CREATE TABLE me_too (
    id INTEGER PRIMARY KEY NOT NULL,
    feedback_id BIGINT NOT NULL REFERENCES feedback (id),
    browser_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (feedback_id, browser_key)
);

CREATE TABLE service_counts (
    service_id BIGINT NOT NULL REFERENCES services (id),
    dimension TEXT NOT NULL,
    bucket TEXT NOT NULL,
    feedback BIGINT NOT NULL,
    voices BIGINT NOT NULL,
    PRIMARY KEY (service_id, dimension, bucket)
);
CREATE INDEX service_counts_dimension ON service_counts (dimension, bucket);

-- A theme's most recent members (quotes, similar feedback) and a service's newest feedback
-- (the designer's list) are index walks that stop after a page, never sorts.
DROP INDEX feedback_theme_id;
CREATE INDEX feedback_theme_recent ON feedback (theme_id, id) WHERE theme_id IS NOT NULL;
DROP INDEX feedback_service_created;
CREATE INDEX feedback_service_created ON feedback (service_id, created_at, id);
