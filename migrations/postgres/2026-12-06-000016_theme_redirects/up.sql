-- A merged theme's old address leads to the theme it joined (links in mail, bookmarks,
-- the backlog). A redirect goes with the theme it points to.
CREATE TABLE theme_redirects (
    old_id BIGINT PRIMARY KEY NOT NULL,
    new_id BIGINT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX theme_redirects_new_id ON theme_redirects (new_id);
