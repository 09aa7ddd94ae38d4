ALTER TABLE backlog_reviews DROP COLUMN brief_version;
DROP TABLE brief_versions;
