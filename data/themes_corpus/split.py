#!/usr/bin/env python3
"""Joins raw/*.csv into dev.csv (60%, tunes and trains) and test.csv (40%, reported only).

Texts telling the same complaint in several languages (`pair`) and near-duplicates (`dup`)
stay together, so no text has a twin on the other side. Per service and theme the units are
ordered by a SHA-256 of their first text and taken for the test part until it holds 40%.
Deterministic: the same raw files give the same split."""
import collections, csv, glob, hashlib, os

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["service", "theme", "category", "kind", "lang", "pair", "dup", "text"]
TEST_SHARE = 0.4

rows = []
for path in sorted(glob.glob(os.path.join(HERE, "raw", "*.csv"))):
    with open(path, newline="", encoding="utf-8") as f:
        rows.extend(csv.DictReader(f))

parent = list(range(len(rows)))
def find(i):
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
for key in ("pair", "dup"):
    first = {}
    for i, r in enumerate(rows):
        k = (r["service"], r[key])
        if r[key]:
            if k in first:
                parent[find(i)] = find(first[k])
            else:
                first[k] = i

units = collections.defaultdict(list)
for i in range(len(rows)):
    units[find(i)].append(i)
by_theme = collections.defaultdict(list)
for members in units.values():
    r = rows[members[0]]
    by_theme[(r["service"], r["theme"])].append(members)

test = set()
for key, theme_units in sorted(by_theme.items()):
    theme_units.sort(key=lambda m: hashlib.sha256(rows[m[0]]["text"].encode()).hexdigest())
    total, taken = sum(len(u) for u in theme_units), 0
    for u in theme_units:
        if taken + len(u) / 2 <= TEST_SHARE * total:
            test.update(u)
            taken += len(u)

for name, keep in (("dev.csv", lambda i: i not in test), ("test.csv", lambda i: i in test)):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        n = 0
        for i, r in enumerate(rows):
            if keep(i):
                w.writerow({c: r[c] for c in COLUMNS})
                n += 1
    print(f"{name}: {n} rows")
