-- Publishing a theme on the citizens' page is its own choice (it used to follow confirming).
-- Themes confirmed before this change were shown to citizens: they stay published.
ALTER TABLE themes ADD COLUMN published_at TIMESTAMP;
UPDATE themes SET published_at = updated_at WHERE confirmed;
