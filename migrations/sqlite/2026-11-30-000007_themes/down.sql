DROP TABLE service_counts;
DROP TABLE me_too;
ALTER TABLE feedback DROP COLUMN forgotten_at;
ALTER TABLE feedback DROP COLUMN theme_pinned;
ALTER TABLE feedback DROP COLUMN extra_voices;
ALTER TABLE feedback DROP COLUMN has_personal_data;
ALTER TABLE feedback DROP COLUMN public_body;
DROP TABLE themes;
