-- Client systems that may submit through Open311 (keys are stored hashed).
CREATE TABLE api_clients (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    key_prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

-- Where the citizen was (Open311 location) and which client system sent it.
ALTER TABLE feedback ADD COLUMN address_text TEXT;
ALTER TABLE feedback ADD COLUMN lat_e6 BIGINT;
ALTER TABLE feedback ADD COLUMN long_e6 BIGINT;
ALTER TABLE feedback ADD COLUMN api_client_id BIGINT REFERENCES api_clients (id);
CREATE INDEX feedback_created_at ON feedback (created_at);
