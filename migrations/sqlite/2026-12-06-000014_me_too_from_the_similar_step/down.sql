DROP TABLE me_too_refusals;
-- SQLite cannot drop a column that holds a foreign key: the table is rebuilt as it was.
CREATE TABLE me_too_before (
    id INTEGER PRIMARY KEY NOT NULL,
    feedback_id BIGINT NOT NULL REFERENCES feedback (id),
    browser_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (feedback_id, browser_key)
);
INSERT INTO me_too_before (id, feedback_id, browser_key, created_at)
    SELECT id, feedback_id, browser_key, created_at FROM me_too;
DROP TABLE me_too;
ALTER TABLE me_too_before RENAME TO me_too;
