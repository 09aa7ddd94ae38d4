DROP INDEX feedback_provenance_id;
ALTER TABLE feedback DROP COLUMN provenance_id;
DROP TABLE intake_sources;
DROP TABLE staff_districts;
