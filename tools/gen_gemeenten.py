#!/usr/bin/python3
"""Writes engine/gemeenten.c from engine/gemeenten.csv (the CBS list of the
342 gemeenten; see engine/gemeenten.SOURCE.md). Run after the list changes."""
import csv
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
rows = list(csv.DictReader(open(root / "engine/gemeenten.csv", encoding="utf-8")))
rows.sort(key=lambda r: r["code"])


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


out = [
    "/* gemeenten.c — the 342 CBS gemeente codes, names and provinces, generated",
    " * by tools/gen_gemeenten.py from engine/gemeenten.csv; do not edit by hand. */",
    '#include "dataset.h"',
    "",
    "#include <stdlib.h>",
    "#include <string.h>",
    "",
    "static const pm_gemeente gemeenten[] = {",
]
for r in rows:
    out.append(f"    {{{c_str(r['code'])}, {c_str(r['naam'])}, {c_str(r['provincie'])}}},")
out += [
    "};",
    "",
    "static int compare_code(const void *key, const void *elem)",
    "{",
    "    return strcmp(key, ((const pm_gemeente *)elem)->code);",
    "}",
    "",
    "/* The table is sorted by code, so a binary search finds a code. */",
    "bool pm_gemeente_known(const char *code)",
    "{",
    "    return bsearch(code, gemeenten, sizeof gemeenten / sizeof gemeenten[0],",
    "                   sizeof gemeenten[0], compare_code) != NULL;",
    "}",
    "",
    "const pm_gemeente *pm_gemeenten(size_t *n)",
    "{",
    "    *n = sizeof gemeenten / sizeof gemeenten[0];",
    "    return gemeenten;",
    "}",
    "",
]
(root / "engine/gemeenten.c").write_text("\n".join(out), encoding="utf-8")
print(f"engine/gemeenten.c: {len(rows)} gemeenten")
