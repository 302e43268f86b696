#!/usr/bin/env python3
"""Derive data/cameo_plover.tsv from PLOVER's CAMEO2PLOVER-2021.txt.

Usage: python3 scripts/derive_plover.py [PATH/TO/CAMEO2PLOVER-2021.txt] > data/cameo_plover.tsv

Source: openeventdata/PLOVER @5e0c24f, CC BY-SA 4.0 (see NOTICE.md). The output keeps,
for every CAMEO code, the PLOVER category, mode and context (first mapping wins when the
table lists a code twice). Root lines ("03: AGREE") map the two-digit root.
"""
import os
import sys

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data", "plover", "CAMEO2PLOVER-2021.txt")


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    seen = {}
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.split("#", 1)[0].strip()
            if not line or ":" not in line:
                continue
            code, rest = line.split(":", 1)
            code = code.strip()
            if not code.isdigit() or code in seen:
                continue
            fields = [field.strip() for field in rest.split(",", 2)]
            while len(fields) < 3:
                fields.append("")
            category, mode, context = fields
            context = " ".join(part.strip() for part in context.split(";") if part.strip())
            seen[code] = (category, mode, context.replace(" ", ";"))
    print("# cameo\tplover\tmode\tcontext  (derived by scripts/derive_plover.py from PLOVER CAMEO2PLOVER-2021.txt, CC BY-SA 4.0)")
    for code in sorted(seen):
        category, mode, context = seen[code]
        print(f"{code}\t{category}\t{mode}\t{context}")


if __name__ == "__main__":
    main()
