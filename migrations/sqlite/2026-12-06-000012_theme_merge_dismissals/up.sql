-- Pairs of themes a designer said are not the same: never offered as "merge these?"
-- again. The lower theme id comes first. A pair means nothing once either theme is
-- gone (merged away, or ended by a regroup), so it goes with it.
CREATE TABLE theme_merge_dismissals (
    theme_a BIGINT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    theme_b BIGINT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    dismissed_by BIGINT REFERENCES staff_users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (theme_a, theme_b),
    CHECK (theme_a < theme_b)
);
CREATE INDEX theme_merge_dismissals_theme_b ON theme_merge_dismissals (theme_b);
