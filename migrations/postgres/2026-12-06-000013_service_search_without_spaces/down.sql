-- Back to names and code only (lower-cased by the database; a re-import writes it exactly).
UPDATE services SET search_text = LOWER(name_bn || ' ' || name_en || ' ' || code);
