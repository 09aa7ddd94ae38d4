-- Other names citizens use for a service (romanised, short, common English), '|'-separated,
-- written by the catalogue import; the search text reads them.
ALTER TABLE services ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
