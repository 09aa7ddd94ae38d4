#!/usr/bin/env bash
# Backlog ranking and export benchmark: the 809-service catalogue with counters for
# 1,000,000 feedback, 223 backlog items, then the ranking of every service and the
# all-ministries exports, on SQLite and on PostgreSQL.
# Usage: bench/export.sh   (FEEDBACK=1000000 PG_URL=postgres://postgres@127.0.0.1:5432/postgres to change;
# PG_URL= to skip PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."

FEEDBACK="${FEEDBACK:-1000000}"
PG_URL="${PG_URL-postgres://postgres@127.0.0.1:5432/postgres}"
cargo build --release --bin bench_export -q
BIN=target/release/bench_export

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
$BIN --feedback "$FEEDBACK" --check
if [ -n "$PG_URL" ]; then
    name="bench_export_$$"
    base="${PG_URL%/*}"
    cleanup() { psql "$PG_URL" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true; }
    trap cleanup EXIT
    psql "$PG_URL" -qc "CREATE DATABASE $name"
    $BIN --feedback "$FEEDBACK" --database-url "$base/$name" --check
fi
