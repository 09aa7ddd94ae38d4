# Backlog exports (CSV, XLSX, JSON): messages for a bad export query.
error-export-status = Choose a status: identified, designing, approved, building, live, dropped or candidate
error-export-category = Choose roadmap category 1, 2 or none
error-export-year = Write the fiscal year as 2026-27
error-export-table = Choose a table: backlog, themes, weights or parameters
error-export-lang = Choose the language of the headings: bn (Bangla) or en (English)
export-yes = yes
export-no = no
export-weights-national = national
export-weights-ministry = the ministry's own
export-unit-utc = UTC
export-unit-rows = rows
export-unit-bdt-per-day-of-waiting = BDT per day of waiting
export-unit-bdt-per-visit-to-an-office = BDT per visit to an office
export-unit-hours-per-visit = hours per visit
export-unit-voices-largest-of-all-services = voices, largest of all services
export-unit-bdt-a-year-largest-of-all-services = BDT a year, largest of all services
export-unit-bdt-per-application-largest-of-all-services = BDT per application, largest of all services
