-- A theme's label is automatic (made from its feedback, remade as the feedback
-- changes) until a designer renames it; from then on nothing automatic changes it.
ALTER TABLE themes ADD COLUMN label_by_designer BOOLEAN NOT NULL DEFAULT FALSE;

-- Themes a designer edited before this column existed keep their labels: the audit log
-- does not say whether an edit changed the label or only the category or confirmation,
-- so every edited theme counts as named by a designer.
UPDATE themes SET label_by_designer = TRUE
WHERE id IN (SELECT target_id FROM audit_log WHERE action = 'theme.edit' AND target_kind = 'theme');
