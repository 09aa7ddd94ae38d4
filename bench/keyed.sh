#!/usr/bin/env bash
# Keyed against unkeyed intake on SQLite, alternately on one server and database (each run grows
# the database, so adjacent runs compare fairly): three rounds of an unkeyed then a keyed
# full-load run. Usage: bench/keyed.sh   (DURATION=10 ROUNDS=3 BIN=target/release to change)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
BIN="${BIN:-target/release}"; PORT=18913; DURATION=${DURATION:-10}; ROUNDS=${ROUNDS:-3}
[ "$BIN" = target/release ] && cargo build --release --bins -q
tmp=$(mktemp -d); server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
measure() {
    local out
    out="$(wrk -t2 -c"$1" -d"${DURATION}s" --latency "${@:2}")"
    python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(f"{rps:.0f} p99={p99:.1f}ms bad={bad.group(1) if bad else 0}")
PY
}
NAGORIK_DATABASE_URL="sqlite://$tmp/n.db" $BIN/nagorik import-services tests/fixtures/services.csv >/dev/null
NAGORIK_DATABASE_URL="sqlite://$tmp/n.db" NAGORIK_LOG=warn NAGORIK_SUBMIT_RATE_PER_MINUTE=0 \
    $BIN/nagorik serve --bind 127.0.0.1:$PORT >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null && break; sleep 0.05; done
for r in $(seq 1 "$ROUNDS"); do
    u=$(measure 256 -s bench/feedback.lua "http://127.0.0.1:$PORT")
    k=$(KEYED=1 measure 256 -s bench/feedback.lua "http://127.0.0.1:$PORT")
    echo "round $r: unkeyed $u | keyed $k | keyed/unkeyed $(python3 -c "print(round(${k%% *} / ${u%% *}, 2))")"
done
