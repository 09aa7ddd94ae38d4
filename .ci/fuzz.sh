#!/usr/bin/env bash
# Fuzz every described operation (the public API, the staff API with a staff token, and
# Open311's JSON side with a client key) with schemathesis: every check, the stateful phase
# over the declared links, against a Nagorik started on fresh demo data (SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install --quiet schemathesis
[ -x target/debug/nagorik ] || cargo build

work="$(mktemp -d)"
port="${FUZZ_PORT:-18777}"
db="sqlite://$work/fuzz.db"
nagorik() { NAGORIK_LOG=error target/debug/nagorik --database-url "$db" "$@"; }
nagorik demo-data --services 140 --feedback 1500 >/dev/null
printf 'quiet-heron-mango-lattice-71\n' |
    nagorik create-staff --email fuzz@example.org --name "Fuzz Tester" --role ministry-admin --ministry LGD --password-stdin >/dev/null
export NAGORIK_FUZZ_TOKEN="$(nagorik staff-tokens issue --email fuzz@example.org --name fuzz | tail -1)"
export NAGORIK_FUZZ_KEY="$(nagorik api-keys issue --client fuzz | tail -1)"
# The per-address limit would turn most generated requests into 429s; it has tests of its own.
NAGORIK_LOG=warn NAGORIK_SUBMIT_RATE_PER_MINUTE=0 target/debug/nagorik --database-url "$db" serve --bind "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done

PYTHONPATH=.ci python3 -m schemathesis.cli --config-file .ci/schemathesis.toml run "http://127.0.0.1:$port/api/openapi.json" \
    --no-color --checks all --max-examples "${FUZZ_EXAMPLES:-100}"
