#!/usr/bin/env python3
"""Figures for the web layer: handler sizes, the largest file, and how often
handlers reach the database directly. Run from the repository root:
    python3 scripts/web-figures.py [path-to-src]
"""
import os
import re
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "src"
web = os.path.join(src, "web")
files = []
for root, _, names in os.walk(web):
    files += [os.path.join(root, n) for n in names if n.endswith(".rs")]

sizes = []
db_calls = 0
largest = (0, "")
for f in sorted(files):
    text = open(f).read()
    lines = text.split("\n")
    largest = max(largest, (len(lines), f))
    # Handlers: async fns at the top level of a file, to their closing brace.
    for i, line in enumerate(lines):
        m = re.match(r"(pub(\(crate\))? )?async fn (\w+)", line)
        if m:
            for j in range(i + 1, len(lines)):
                if lines[j] == "}":
                    sizes.append((j - i + 1, f"{f}::{m.group(3)}"))
                    break
    # Direct database use: a call through a module imported from crate::db,
    # or a crate::db:: path.
    code = "\n".join(l.split("//")[0] for l in lines if not l.strip().startswith("//"))
    imported = set()
    for m in re.finditer(r"use crate::db::\{([^}]*)\}", code):
        for item in m.group(1).split(","):
            item = item.strip()
            if item and item[0].islower():
                imported.add(item.split(" as ")[-1].split("::")[0].strip())
    for m in re.finditer(r"use crate::db::(\w+)(::\{self(?: as (\w+))?)?", code):
        if m.group(2):
            imported.add(m.group(3) or m.group(1))
    for m in re.finditer(r"use crate::db::\{?([^;]*?)\{self as (\w+)", code):
        imported.add(m.group(2))
    imported.discard("self")
    calls = len(re.findall(r"crate::db::\w+::\w+\(|crate::db::\w+\(", code))
    for name in imported:
        calls += len(re.findall(r"(?<![\w:])" + re.escape(name) + r"::\w+\(", code))
    db_calls += calls

sizes.sort(reverse=True)
print(f"handlers (async fns in web/): {len(sizes)}")
print(f"  over 30 lines: {sum(1 for s, _ in sizes if s > 30)}")
print(f"  over 60 lines: {sum(1 for s, _ in sizes if s > 60)}")
print(f"  lines in all: {sum(s for s, _ in sizes)}")
print("  longest: " + ", ".join(f"{n.split('/')[-1]} {s}" for s, n in sizes[:5]))
print(f"largest web file: {largest[1]} ({largest[0]} lines)")
print(f"direct database calls from web/: {db_calls}")
