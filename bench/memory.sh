#!/usr/bin/env bash
# Memory benchmark: a SQLite database of 300,000 feedback over 10 services, then `serve`'s
# resident memory idle, at its peak during concurrent staff pages and backlog exports, and
# once the load has stopped. Usage: bench/memory.sh   (FEEDBACK=300000 REQUESTS=600 PARALLEL=8;
# DB_FILE=/tmp/memory.db keeps the database between runs and loads it only when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

FEEDBACK="${FEEDBACK:-300000}"
REQUESTS="${REQUESTS:-600}"
PARALLEL="${PARALLEL:-8}"
PORT=18913
tmp="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

cargo build --release -q
BIN=target/release/nagorik
DB_FILE="${DB_FILE:-$tmp/memory.db}"
export NAGORIK_DATABASE_URL="sqlite://$DB_FILE" NAGORIK_LOG=warn
if [ ! -e "$DB_FILE" ]; then
    start=$(date +%s.%N)
    $BIN demo-data --services 10 --feedback "$FEEDBACK" >/dev/null
    echo "loaded $FEEDBACK feedback over 10 services in $(python3 -c "print(round($(date +%s.%N)-$start,1))") s"
    echo "ferry lantern mango 42 kite" | $BIN create-staff --email bench@demo.nagorik.test --name Bench --role cabinet-admin \
        --password-stdin >/dev/null
fi
$BIN serve --bind "127.0.0.1:$PORT" >"$tmp/serve.log" 2>&1 &
server=$!
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 200); do curl -fsS -o /dev/null "$base/health" 2>/dev/null && break; sleep 0.05; done
curl -s -c "$tmp/jar" -o /dev/null --data-urlencode "email=bench@demo.nagorik.test" \
    --data-urlencode "password=ferry lantern mango 42 kite" -d "next=/staff" "$base/staff/login"
rss() { awk '/^VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status"; }
curl -s -b "$tmp/jar" -o /dev/null "$base/staff"
echo "idle after the first page: $(rss)"

# The staff pages of every service with feedback, its themes, the backlog and the exports.
curl -s -b "$tmp/jar" "$base/staff" | grep -o 'href="/staff/services/[^"?]*"' | sed 's/href="//; s/"//' | sort -u >"$tmp/paths"
for service in $(cat "$tmp/paths"); do
    curl -s -b "$tmp/jar" "$base$service" | grep -o 'href="/staff/themes/[0-9]*"' | sed 's/href="//; s/"//' | head -5
    echo "$service?page=20"
done >>"$tmp/paths"
printf '%s\n' /staff/backlog /staff/apa /staff/backlog/export.csv?candidates=1 /staff/backlog/export.xlsx?candidates=1 \
    /staff/backlog/export.json?candidates=1 "/staff/backlog/export.xlsx?table=themes" >>"$tmp/paths"
python3 - "$tmp/paths" "$REQUESTS" >"$tmp/urls" <<'PY'
import sys
paths = [p.strip() for p in open(sys.argv[1]) if p.strip()]
for i in range(int(sys.argv[2])):
    print(paths[i % len(paths)])
PY
echo "$(wc -l <"$tmp/paths") distinct pages and exports, $REQUESTS requests, $PARALLEL at a time"
started=$(date +%s.%N)
xargs -P "$PARALLEL" -I{} curl -s -b "$tmp/jar" -o /dev/null -w "%{http_code}\n" "$base{}" <"$tmp/urls" >"$tmp/codes"
echo "load took $(python3 -c "print(round($(date +%s.%N)-$started,1))") s; answers: $(sort "$tmp/codes" | uniq -c | tr '\n' ' ')"
echo "peak during the load (VmHWM): $(awk '/^VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status")"
echo "straight after the load: $(rss)"
# Free pages go back every few seconds: wait for the next hand-back.
sleep 6
echo "6 s after the load: $(rss)"
