#!/usr/bin/env bash
# src/db/schema.rs against `diesel print-schema` of a fresh PostgreSQL database migrated with the
# diesel CLI from migrations/postgres (diesel.toml), compared by .ci/schema_check.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! command -v diesel >/dev/null; then
    cargo install diesel_cli --no-default-features --features postgres --locked --quiet
fi
name="schema_check_$$"
url="${PG_URL%/*}/$name"
psql "$PG_URL" -qc "CREATE DATABASE $name"
trap 'psql "$PG_URL" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"' EXIT
mkdir -p target
diesel migration run --database-url "$url"
diesel print-schema --database-url "$url" > target/print-schema.rs
python3 .ci/schema_check.py target/print-schema.rs src/db/schema.rs
