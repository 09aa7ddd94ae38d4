-- PostgreSQL gets trigram indexes for word search here; SQLite reads the service's rows
-- (fast enough at 100,000 feedback: docs/benchmarks.md), so nothing changes.
SELECT 1;
