ALTER TABLE services DROP COLUMN aliases;
