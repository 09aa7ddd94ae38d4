DROP TABLE backlog_snapshots;
DROP TABLE score_weights;
DROP TABLE backlog_reviews;
DROP TABLE backlog_moves;
DROP TABLE backlog_themes;
DROP TABLE backlog_items;
