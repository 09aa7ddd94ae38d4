#!/usr/bin/env bash
# Bulk-import benchmark: a CSV of 100,000 varied feedback rows (Bangla and English
# texts built from the demo phrases, 140 real charter services, districts, TCV
# numbers in Bangla or ASCII digits, dates) is dry-run and then imported with
# `nagorik import-feedback` into the demo catalogue, then dry-run again (every row
# is now a duplicate). Usage: bench/import.sh   (ROWS=100000;
# DB=postgres://postgres@127.0.0.1:5432/bench_import to run on PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${ROWS:-100000}"
tmp="$(mktemp -d)"
DB="${DB:-sqlite://$tmp/import.db}"
trap 'rm -rf "$tmp"' EXIT

cargo build --release -q
BIN=target/release/nagorik
export NAGORIK_DATABASE_URL="$DB" NAGORIK_LOG=warn

if [[ "$DB" == postgres* ]]; then
    admin="${DB%/*}/postgres"
    name="${DB##*/}"
    psql "$admin" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" -qc "CREATE DATABASE $name"
fi
$BIN demo-data --services 809 --feedback 0 >/dev/null

python3 - "$ROWS" >"$tmp/workshop.csv" <<'PY'
import csv, random, sys
rows = int(sys.argv[1])
rnd = random.Random(2026)
services = [r["service_code"] for r in csv.DictReader(open("src/demo/catalogue.csv", encoding="utf-8"))]
phrases = {"bn": [], "en": []}
for r in csv.DictReader(open("src/demo/feedback_phrases.csv", encoding="utf-8")):
    phrases.setdefault(r["lang"], []).append(r["text"])
districts = [r.split(",")[0] for r in open("src/domain/districts.csv", encoding="utf-8").read().splitlines()[1:]]
kinds = ["complaint", "expectation", "suggestion", "অভিযোগ", "প্রত্যাশা", "পরামর্শ"]
fill = {"office": "অফিস", "service": "সেবা", "days": "৩০", "cost": "৫০০", "visits": "৩", "document": "সনদ"}
bn_digits = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
out = csv.writer(sys.stdout)
out.writerow(["service", "kind", "text", "days", "cost", "visits", "district", "date"])
for i in range(rows):
    lang = rnd.choice(["bn", "bn", "en", "mixed"])
    text = " ".join(rnd.sample(phrases[lang], 3))
    for k, v in fill.items():
        text = text.replace("{" + k + "}", v)
    text = text.replace("{", "").replace("}", "") + f" ({rnd.randint(1, 999)})"
    days = str(rnd.randint(1, 120)) if rnd.random() < 0.6 else ""
    if days and rnd.random() < 0.5:
        days = days.translate(bn_digits)
    cost = str(rnd.randint(0, 5000)) if rnd.random() < 0.5 else ""
    visits = str(rnd.randint(1, 9)) if rnd.random() < 0.5 else ""
    date = f"2026-{rnd.randint(1, 11):02d}-{rnd.randint(1, 28):02d}"
    out.writerow([rnd.choice(services), rnd.choice(kinds), text, days, cost, visits, rnd.choice(districts), date])
PY
echo "$(wc -l <"$tmp/workshop.csv") lines, $(du -h "$tmp/workshop.csv" | cut -f1)"

timed() {
    local label="$1"; shift
    local start; start=$(date +%s.%N)
    "$@" >"$tmp/out.txt"
    echo "$label: $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s; $(grep -E "^(Dry run|Imported)" "$tmp/out.txt" | head -c 200)"
}
timed "dry run" $BIN import-feedback "$tmp/workshop.csv" --source "bench workshop" --dry-run
timed "import" $BIN import-feedback "$tmp/workshop.csv" --source "bench workshop"
timed "dry run again" $BIN import-feedback "$tmp/workshop.csv" --source "bench workshop" --dry-run
timed "import again" $BIN import-feedback "$tmp/workshop.csv" --source "bench workshop"
