#!/usr/bin/env bash
# Designer-page benchmark: one service with 100,000 feedback (demo texts, themed
# on arrival as in production), then the latency of the pages a designer opens:
# dashboard, service page (counts, charts, themes, quotes, first list page),
# filtered lists, a theme page, the staff API's stats, and the backlog, an item and the
# APA targets (the ranking of every service). Sequential requests,
# p50/p95 per page. Usage: bench/workspace.sh   (FEEDBACK=100000 ROUNDS=100
# DB=sqlite:///tmp/x.db or DB=postgres://postgres@127.0.0.1:5432/bench_ws to change)
set -euo pipefail
cd "$(dirname "$0")/.."

FEEDBACK="${FEEDBACK:-100000}"
ROUNDS="${ROUNDS:-100}"
PORT=18912
tmp="$(mktemp -d)"
DB="${DB:-sqlite://$tmp/workspace.db}"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

cargo build --release -q
BIN=target/release/nagorik
export NAGORIK_DATABASE_URL="$DB" NAGORIK_LOG=warn

if [[ "$DB" == postgres* ]]; then
    admin="${DB%/*}/postgres"
    name="${DB##*/}"
    psql "$admin" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" -qc "CREATE DATABASE $name"
fi
start=$(date +%s.%N)
$BIN demo-data --services 1 --feedback "$FEEDBACK" >/dev/null
# A live database has its statistics; PostgreSQL's autovacuum would gather them within a minute.
if [[ "$DB" == postgres* ]]; then psql "$DB" -qc "ANALYZE"; fi
echo "loaded $FEEDBACK feedback for one service in $(python3 -c "print(round($(date +%s.%N)-$start,1))") s (themes assigned on arrival)"
echo "ferry lantern mango 42 kite" | $BIN create-staff --email bench@demo.nagorik.test --name Bench --role cabinet-admin \
    --password-stdin >/dev/null
$BIN serve --bind "127.0.0.1:$PORT" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null && break; sleep 0.05; done
base="http://127.0.0.1:$PORT"
curl -s -c "$tmp/jar" -o /dev/null --data-urlencode "email=bench@demo.nagorik.test" \
    --data-urlencode "password=ferry lantern mango 42 kite" -d "next=/staff" "$base/staff/login"
code=$(curl -s -b "$tmp/jar" "$base/staff" | grep -o 'href="/staff/services/[^"]*"' | head -1 | sed 's/.*services\///; s/"//')
theme=$(curl -s -b "$tmp/jar" "$base/staff/services/$code" | grep -o 'href="/staff/themes/[0-9]*"' | head -1 | sed 's/.*themes\///; s/"//')
echo "service $code, biggest theme $theme; $ROUNDS sequential requests per page"

measure() {
    local label="$1" path="$2"
    for _ in $(seq 1 "$ROUNDS"); do
        curl -s -b "$tmp/jar" -o /dev/null -w "%{http_code} %{time_total}\n" "$base$path"
    done | python3 -c "
import sys
rows = [l.split() for l in sys.stdin]
bad = sum(1 for s, _ in rows if s != '200')
t = sorted(float(x) * 1000 for _, x in rows)
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f'{sys.argv[1]:<34} p50 {p(0.50):7.1f} ms   p95 {p(0.95):7.1f} ms' + (f'   {bad} non-200!' if bad else ''))
" "$label"
}

measure "dashboard" "/staff"
measure "service page" "/staff/services/$code"
measure "service page, kind+district" "/staff/services/$code?kind=complaint&district=dhaka"
measure "service page, theme filter" "/staff/services/$code?theme=$theme"
measure "service page, category filter" "/staff/services/$code?category=time"
measure "service page, text search (bn)" "/staff/services/$code?q=%E0%A6%A6%E0%A6%BE%E0%A6%B2%E0%A6%BE%E0%A6%B2"
measure "service page, page 40" "/staff/services/$code?page=40"
measure "theme page" "/staff/themes/$theme"
measure "staff API stats" "/api/v1/staff/services/$code/stats"
# The ranking of every service: cached while no counter, category or window changed.
measure "backlog" "/staff/backlog"
item=$(curl -s -b "$tmp/jar" "$base/staff/backlog" | grep -o 'href="/staff/backlog/items/[0-9]*"' | head -1 | sed 's/.*items\///; s/"//')
if [ -n "$item" ]; then measure "backlog item" "/staff/backlog/items/$item"; fi
measure "APA targets" "/staff/apa"
