ALTER TABLE themes DROP COLUMN published_at;
