DROP INDEX feedback_theme_id;
CREATE INDEX feedback_theme_id ON feedback (theme_id);
