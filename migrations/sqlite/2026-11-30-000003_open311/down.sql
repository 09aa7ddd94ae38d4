DROP INDEX feedback_created_at;
ALTER TABLE feedback DROP COLUMN api_client_id;
ALTER TABLE feedback DROP COLUMN long_e6;
ALTER TABLE feedback DROP COLUMN lat_e6;
ALTER TABLE feedback DROP COLUMN address_text;
DROP TABLE api_clients;
