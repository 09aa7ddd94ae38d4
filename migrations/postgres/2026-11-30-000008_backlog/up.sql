-- The e-service backlog: one item per service, its linked themes, every status move,
-- quarterly reviews, the scoring weights (national default and per ministry) and a
-- snapshot of the ranking per fiscal quarter.
CREATE TABLE backlog_items (
    id BIGSERIAL PRIMARY KEY,
    service_id BIGINT NOT NULL UNIQUE REFERENCES services (id),
    problem_bn TEXT NOT NULL,
    problem_en TEXT NOT NULL,
    status TEXT NOT NULL,
    drop_reason TEXT,
    target_year TEXT,
    owner_office_id BIGINT REFERENCES offices (id),
    created_by BIGINT REFERENCES staff_users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX backlog_items_status ON backlog_items (status);

CREATE TABLE backlog_themes (
    backlog_item_id BIGINT NOT NULL REFERENCES backlog_items (id),
    theme_id BIGINT NOT NULL REFERENCES themes (id),
    PRIMARY KEY (backlog_item_id, theme_id)
);

CREATE TABLE backlog_moves (
    id BIGSERIAL PRIMARY KEY,
    backlog_item_id BIGINT NOT NULL REFERENCES backlog_items (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL,
    staff_id BIGINT REFERENCES staff_users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX backlog_moves_item ON backlog_moves (backlog_item_id, id);

CREATE TABLE backlog_reviews (
    id BIGSERIAL PRIMARY KEY,
    backlog_item_id BIGINT NOT NULL REFERENCES backlog_items (id),
    quarter TEXT NOT NULL,
    progress TEXT NOT NULL,
    status TEXT NOT NULL,
    next_step TEXT NOT NULL,
    staff_id BIGINT REFERENCES staff_users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX backlog_reviews_item ON backlog_reviews (backlog_item_id, created_at);

-- ministry_id NULL is the national default that a cabinet admin sets.
CREATE TABLE score_weights (
    id BIGSERIAL PRIMARY KEY,
    ministry_id BIGINT UNIQUE REFERENCES ministries (id),
    demand INTEGER NOT NULL,
    burden INTEGER NOT NULL,
    gap INTEGER NOT NULL,
    severity INTEGER NOT NULL,
    readiness INTEGER NOT NULL,
    updated_by BIGINT REFERENCES staff_users (id),
    updated_at TIMESTAMP NOT NULL
);

-- Scores are kept in thousandths so both backends store them as integers.
CREATE TABLE backlog_snapshots (
    quarter TEXT NOT NULL,
    service_id BIGINT NOT NULL REFERENCES services (id),
    in_backlog BOOLEAN NOT NULL,
    status TEXT,
    target_year TEXT,
    rank INTEGER NOT NULL,
    score_milli BIGINT NOT NULL,
    taken_at TIMESTAMP NOT NULL,
    PRIMARY KEY (quarter, service_id)
);
