#!/usr/bin/env bash
# Intake benchmark: storage and framework baselines, then Nagorik's submission
# throughput and latency on SQLite and on PostgreSQL, all on this machine.
# Usage: bench/run.sh   (DURATION=10 CONNS=256 HALF_CONNS=48 PG_URL=postgres://… to change)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10}"
CONNS="${CONNS:-256}"
HALF_CONNS="${HALF_CONNS:-48}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
PORT=18911
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
cargo build --release --bins -q
BIN=target/release
tmp="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

source bench/wrk.sh

start_nagorik() {
    NAGORIK_DATABASE_URL="$1" $BIN/nagorik import-services tests/fixtures/services.csv >/dev/null
    NAGORIK_DATABASE_URL="$1" NAGORIK_LOG=warn NAGORIK_SUBMIT_RATE_PER_MINUTE=0 \
        $BIN/nagorik serve --bind "127.0.0.1:$PORT" >"$tmp/serve.log" 2>&1 &
    server=$!
    wait_port /health
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# Full load, then half of that rate (each of HALF_CONNS connections paced).
intake_runs() {
    local label="$1" full half delay
    full=($(measure "$CONNS" -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    # Keyed right after unkeyed: each run grows the database, so the two compared runs are adjacent.
    kfull=($(KEYED=1 measure "$CONNS" -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    # Each connection waits `delay` ms after each answer, so C connections make about
    # C/(delay + latency) per ms: a short trial run measures the latency, then the real run.
    delay=$(python3 -c "print(max(1, round(1000 * $HALF_CONNS / (${full[0]} / 2) - 1)))")
    trial=($(DURATION=3 WRK_DELAY_MS=$delay measure "$HALF_CONNS" -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    delay=$(python3 -c "print(max(1, round(1000 * $HALF_CONNS / (${full[0]} / 2) - ${trial[1]})))")
    half=($(WRK_DELAY_MS=$delay measure "$HALF_CONNS" -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    ffull=($(FORM=1 measure "$CONNS" -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    fhalf=($(FORM=1 WRK_DELAY_MS=$delay measure "$HALF_CONNS" -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    khalf=($(KEYED=1 WRK_DELAY_MS=$delay measure "$HALF_CONNS" -s bench/feedback.lua "http://127.0.0.1:$PORT"))
    printf '| %s API, full load | %s/s | %s ms | %s ms | %s |\n' "$label" "${full[@]}"
    printf '| %s API, half load | %s/s | %s ms | %s ms | %s |\n' "$label" "${half[@]}"
    printf '| %s form, full load | %s/s | %s ms | %s ms | %s |\n' "$label" "${ffull[@]}"
    printf '| %s form, half load | %s/s | %s ms | %s ms | %s |\n' "$label" "${fhalf[@]}"
    printf '| %s API with Idempotency-Key, full load | %s/s | %s ms | %s ms | %s |\n' "$label" "${kfull[@]}"
    printf '| %s API with Idempotency-Key, half load | %s/s | %s ms | %s ms | %s |\n' "$label" "${khalf[@]}"
    echo "${full[0]}" >"$tmp/$label.full"
    echo "${kfull[0]}" >"$tmp/$label.keyed"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
raw_sqlite=$($BIN/bench_baseline sqlite-inserts "$tmp/raw.db" "$DURATION")
echo "raw SQLite single-row inserts (WAL, synchronous=NORMAL): $raw_sqlite/s"

$BIN/bench_baseline hello "127.0.0.1:$PORT" & server=$!
wait_port /
hello=($(measure "$CONNS" "http://127.0.0.1:$PORT/"))
stop_server
echo "actix-web hello world: ${hello[0]} requests/s"

echo
echo "| run | throughput | p50 | p99 | non-2xx/3xx |"
echo "|---|---|---|---|---|"
start_nagorik "sqlite://$tmp/nagorik.db"
intake_runs SQLite
stop_server

pg_base="${PG_URL%/*}"
psql "$PG_URL" -qc "DROP DATABASE IF EXISTS bench_raw WITH (FORCE)" -c "CREATE DATABASE bench_raw" \
     -c "DROP DATABASE IF EXISTS bench_nagorik WITH (FORCE)" -c "CREATE DATABASE bench_nagorik"
raw_pg=$($BIN/bench_baseline pg-inserts "$pg_base/bench_raw" "$DURATION")
start_nagorik "$pg_base/bench_nagorik"
intake_runs PostgreSQL
stop_server
psql "$PG_URL" -qc "DROP DATABASE bench_raw WITH (FORCE)" -c "DROP DATABASE bench_nagorik WITH (FORCE)"

echo
echo "raw PostgreSQL, one commit per row: $raw_pg/s"
python3 - "$raw_sqlite" "$(cat "$tmp/SQLite.full")" "$raw_pg" "$(cat "$tmp/PostgreSQL.full")" "${hello[0]}" \
    "$(cat "$tmp/SQLite.keyed")" "$(cat "$tmp/PostgreSQL.keyed")" <<'PY'
import sys
raw_sqlite, nag_sqlite, raw_pg, nag_pg, hello, keyed_sqlite, keyed_pg = map(float, sys.argv[1:])
print(f"SQLite: Nagorik API / raw inserts = {nag_sqlite / raw_sqlite:.2f} (target >= 0.5)")
print(f"PostgreSQL: Nagorik API / one-commit-per-row = {nag_pg / raw_pg:.2f} (target >= 6)")
print(f"Nagorik API on SQLite / actix hello world = {nag_sqlite / hello:.2f}")
print(f"SQLite: keyed / unkeyed API = {keyed_sqlite / nag_sqlite:.2f} (target >= 0.8)")
print(f"PostgreSQL: keyed / unkeyed API = {keyed_pg / nag_pg:.2f} (target >= 0.8)")
PY
