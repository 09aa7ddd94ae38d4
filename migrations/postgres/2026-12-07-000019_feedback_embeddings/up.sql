-- Sentence embeddings of feedback texts (public text), from the optional embeddings service
-- (NAGORIK_EMBEDDINGS_URL): the pain classifier reads them beside the words. One encoded vector
-- per feedback (version byte, scale, 384 signed bytes); dropped when a designer redacts the text.
CREATE TABLE feedback_embeddings (
    feedback_id BIGINT PRIMARY KEY REFERENCES feedback (id) ON DELETE CASCADE,
    embedding BYTEA NOT NULL,
    created_at TIMESTAMP NOT NULL
);
