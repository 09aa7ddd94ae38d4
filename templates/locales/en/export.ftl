# Backlog exports (CSV, XLSX, JSON): messages for a bad export query.
error-export-status = Choose a status: identified, designing, approved, building, live, dropped or candidate
error-export-category = Choose roadmap category 1, 2 or none
error-export-year = Write the fiscal year as 2026-27
error-export-table = Choose a table: backlog, themes, weights or parameters
