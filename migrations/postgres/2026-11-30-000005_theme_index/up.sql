-- Most feedback has no theme yet (and none at intake until themes exist): index only the rest,
-- so accepting feedback does not pay for an index entry it does not need.
DROP INDEX feedback_theme_id;
CREATE INDEX feedback_theme_id ON feedback (theme_id) WHERE theme_id IS NOT NULL;
