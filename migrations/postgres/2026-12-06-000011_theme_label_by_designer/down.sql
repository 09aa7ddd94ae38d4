ALTER TABLE themes DROP COLUMN label_by_designer;
