-- Services are also found by their names written without spaces (`জন্মনিবন্ধন`):
-- the search text gains a copy of itself with the spaces taken out, as
-- domain::text::service_search_text writes it for new and updated services.
UPDATE services SET search_text = search_text || ' ' || REPLACE(search_text, ' ', '');
