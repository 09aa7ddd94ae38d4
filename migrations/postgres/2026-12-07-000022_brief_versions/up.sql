-- The design brief's versions: every save of a backlog item's design (the to-be journey and the
-- decisions on what citizens want, as JSON) is a new numbered version, never changed afterwards.
CREATE TABLE brief_versions (
    id BIGSERIAL PRIMARY KEY,
    backlog_item_id BIGINT NOT NULL REFERENCES backlog_items (id),
    number INTEGER NOT NULL,
    design TEXT NOT NULL,
    changes TEXT NOT NULL,
    staff_id BIGINT REFERENCES staff_users (id),
    saved_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (backlog_item_id, number)
);
-- A quarterly review says which version of the brief it reviewed.
ALTER TABLE backlog_reviews ADD COLUMN brief_version INTEGER;
