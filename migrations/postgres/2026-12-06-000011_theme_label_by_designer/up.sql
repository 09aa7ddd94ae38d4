-- A theme's label is automatic (made from its feedback, remade as the feedback
-- changes) until a designer renames it; from then on nothing automatic changes it.
-- Themes renamed before this column existed count as automatic.
ALTER TABLE themes ADD COLUMN label_by_designer BOOLEAN NOT NULL DEFAULT FALSE;
