#!/usr/bin/env python3
"""Checks that src/db/schema.rs agrees with what `diesel print-schema` prints for a PostgreSQL
database migrated with migrations/postgres: the same tables, the same columns, the same SQL types
(diesel's aliases read as one: Int8 = BigInt, Int4 = Integer, ...) and the same nullability.
Order, doc comments and formatting may differ (schema.rs documents every table).

Usage: schema_check.py PRINTED.rs src/db/schema.rs"""
import re
import sys

ALIASES = {"Int8": "BigInt", "Int4": "Integer", "Int2": "SmallInt", "Float8": "Double", "Float4": "Float",
           "Bool": "Bool", "Varchar": "Text", "Timestamptz": "Timestamptz", "Bpchar": "Text", "Bytea": "Binary"}


def tables(text):
    text = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
    out = {}
    for m in re.finditer(r"diesel::table!\s*\{(.*?)\n\}", text, re.S):
        body = m.group(1)
        head = re.search(r"(\w+)\s*\(([^)]*)\)\s*\{", body)
        name, key = head.group(1), head.group(2).replace(" ", "")
        cols = {}
        for col, ty in re.findall(r"(\w+)\s*->\s*([\w<>]+)\s*,", body[head.end():]):
            nullable = ty.startswith("Nullable<")
            base = ty[len("Nullable<"):-1] if nullable else ty
            cols[col] = (ALIASES.get(base, base), nullable)
        out[name] = (key, cols)
    return out


printed, ours = (tables(open(p).read()) for p in sys.argv[1:3])
problems = []
for name in sorted(set(printed) | set(ours)):
    if name not in ours:
        problems.append(f"table {name} is in the database but not in schema.rs")
    elif name not in printed:
        problems.append(f"table {name} is in schema.rs but not in the database")
    else:
        (pk, pc), (ok, oc) = printed[name], ours[name]
        if pk != ok:
            problems.append(f"{name}: primary key ({pk}) in the database, ({ok}) in schema.rs")
        for col in sorted(set(pc) | set(oc)):
            if pc.get(col) != oc.get(col):
                problems.append(f"{name}.{col}: database {pc.get(col)}, schema.rs {oc.get(col)}")
if problems:
    print("src/db/schema.rs disagrees with diesel print-schema:\n  " + "\n  ".join(problems))
    sys.exit(1)
print(f"src/db/schema.rs agrees with diesel print-schema: {len(ours)} tables")
