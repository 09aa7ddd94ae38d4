#!/usr/bin/env bash
# Fuzz every /api/v1 operation with schemathesis (default checks) against a
# Nagorik started on a fresh SQLite database with the fixture catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install --quiet schemathesis
[ -x target/debug/nagorik ] || cargo build

work="$(mktemp -d)"
port="${FUZZ_PORT:-18777}"
db="sqlite://$work/fuzz.db"
target/debug/nagorik --database-url "$db" import-services tests/fixtures/services.csv >/dev/null
# The per-address limit would turn most generated requests into 429s; it has tests of its own.
NAGORIK_LOG=warn NAGORIK_SUBMIT_RATE_PER_MINUTE=0 target/debug/nagorik --database-url "$db" serve --bind "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done

# The staff operations need a bearer token this run does not have yet (issue 16 asks
# for a staff token on fresh demo data): without one they only answer 401, so they
# are left out rather than counted as fuzzed.
python3 -m schemathesis.cli run "http://127.0.0.1:$port/api/openapi.json" --no-color --max-examples 100 \
    --exclude-path-regex '^/api/v1/staff/'
