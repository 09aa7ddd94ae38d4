-- Every keyed submission writes one row here: the index on created_at goes (the daily
-- retention job reads the table once a day to drop day-old keys, cheaper than an index write
-- for every submission). SQLite also makes the table its primary key (WITHOUT ROWID).
DROP INDEX idempotency_keys_created_at;
