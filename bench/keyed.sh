#!/usr/bin/env bash
# Keyed against unkeyed intake on SQLite, alternately on one server and database (each run grows
# the database, so adjacent runs compare fairly): three rounds of an unkeyed then a keyed
# full-load run (non-2xx answers: bench/run.sh). Usage: bench/keyed.sh   (DURATION=10 ROUNDS=3 BIN=target/release to change)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
BIN="${BIN:-target/release}"; PORT=18913; DURATION=${DURATION:-10}; ROUNDS=${ROUNDS:-3}
[ "$BIN" = target/release ] && cargo build --release --bins -q
tmp=$(mktemp -d); server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
source bench/wrk.sh
NAGORIK_DATABASE_URL="sqlite://$tmp/n.db" $BIN/nagorik import-services tests/fixtures/services.csv >/dev/null
NAGORIK_DATABASE_URL="sqlite://$tmp/n.db" NAGORIK_LOG=warn NAGORIK_SUBMIT_RATE_PER_MINUTE=0 \
    $BIN/nagorik serve --bind 127.0.0.1:$PORT >"$tmp/serve.log" 2>&1 &
server=$!
wait_port /health
for r in $(seq 1 "$ROUNDS"); do
    u=($(measure 256 -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    k=($(KEYED=1 measure 256 -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    echo "round $r: unkeyed ${u[0]}/s (p99 ${u[2]} ms) | keyed ${k[0]}/s (p99 ${k[2]} ms) | keyed/unkeyed $(python3 -c "print(round(${k[0]} / ${u[0]}, 2))")"
done
