#!/usr/bin/env python3
"""Checks corpus files: python3 check.py raw/SERVICE.csv ... (all of raw/ when none given)."""
import collections, csv, glob, sys

COLUMNS = ["service", "theme", "category", "kind", "lang", "pair", "dup", "text"]
KINDS = {"complaint", "expectation", "suggestion"}
LANGS = {"bn", "en", "mixed", "roman"}
themes = {(r["service"], r["theme"]): r["category"] for r in csv.DictReader(open(__file__.rsplit("/", 1)[0] + "/themes.csv"))}
bad = 0
for path in sys.argv[1:] or sorted(glob.glob(__file__.rsplit("/", 1)[0] + "/raw/*.csv")):
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    if rows[0] != COLUMNS:
        print(f"{path}: header must be {','.join(COLUMNS)}"); bad += 1; continue
    per_theme, langs, pairs, texts = collections.Counter(), collections.defaultdict(collections.Counter), collections.defaultdict(set), collections.Counter()
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(COLUMNS):
            print(f"{path}:{i}: {len(r)} fields, expected {len(COLUMNS)}"); bad += 1; continue
        d = dict(zip(COLUMNS, r))
        if d["theme"] in ("off_topic", "spam"):
            if d["category"] != "other": print(f"{path}:{i}: {d['theme']} rows have category other"); bad += 1
        elif themes.get((d["service"], d["theme"])) != d["category"]:
            print(f"{path}:{i}: unknown service/theme or wrong category: {d['service']} {d['theme']} {d['category']}"); bad += 1
        if d["kind"] not in KINDS: print(f"{path}:{i}: kind {d['kind']!r}"); bad += 1
        if d["lang"] not in LANGS: print(f"{path}:{i}: lang {d['lang']!r}"); bad += 1
        if not d["text"].strip() or len(d["text"]) > 4000: print(f"{path}:{i}: empty or too long text"); bad += 1
        texts[d["text"].strip()] += 1
        per_theme[d["theme"]] += 1
        langs[d["theme"]][d["lang"]] += 1
        if d["pair"]: pairs[d["pair"]].add((d["theme"], d["lang"]))
    for t, n in texts.items():
        if n > 1: print(f"{path}: exact duplicate text: {t[:60]}"); bad += 1
    for p, members in pairs.items():
        if len({m[0] for m in members}) != 1: print(f"{path}: pair {p} spans themes"); bad += 1
        if len(members) < 2: print(f"{path}: pair {p} needs texts in 2+ languages"); bad += 1
    print(f"{path}: {len(rows) - 1} rows; " + "; ".join(f"{t} {n} ({dict(langs[t])})" for t, n in sorted(per_theme.items())))
sys.exit(1 if bad else 0)
