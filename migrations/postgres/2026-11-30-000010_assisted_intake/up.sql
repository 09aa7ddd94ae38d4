-- Assisted and bulk intake. Operators at Union Digital Centres are scoped to
-- districts (staff_districts). Feedback that the citizen did not type themselves
-- points to where it came from (provenance): one intake_sources row per assisted
-- entry (operator, centre, consent asked, how the citizen was reached) and one
-- per imported file (source label, file name, its SHA-256, who imported it).
CREATE TABLE staff_districts (
    staff_id BIGINT NOT NULL REFERENCES staff_users (id),
    district TEXT NOT NULL,
    PRIMARY KEY (staff_id, district)
);

CREATE TABLE intake_sources (
    id BIGSERIAL PRIMARY KEY,
    channel TEXT NOT NULL,
    operator_id BIGINT REFERENCES staff_users (id),
    centre TEXT,
    consent_asked BOOLEAN,
    reached_by TEXT,
    source_label TEXT,
    source_file TEXT,
    file_sha256 TEXT,
    imported_by BIGINT REFERENCES staff_users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX intake_sources_operator ON intake_sources (operator_id, created_at);

ALTER TABLE feedback ADD COLUMN provenance_id BIGINT REFERENCES intake_sources (id);
CREATE INDEX feedback_provenance_id ON feedback (provenance_id);
