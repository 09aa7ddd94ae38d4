DROP TABLE feedback_embeddings;
