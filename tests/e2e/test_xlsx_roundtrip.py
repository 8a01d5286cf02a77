"""Issue 17 point 4, the round trip: a template of `sjabloon KIND FILE.xlsx`
filled in as a person would (tests/e2e/xlsx_fill.py: dates as date cells,
numbers as numbers, ids as text) imports to exactly the rows typed — the
same stored rows as the same text imported as CSV, for all nine datasets in
one call; the same after LibreOffice saved the filled workbooks again (when
soffice is on the machine); and fixtures/demo/demo.xlsx imports to the same
database fingerprint and rows as the demo's CSV and JSON files."""
import csv
import io
import json
import os
import re
import shutil
import subprocess
from decimal import Decimal

import openpyxl

from pmtest import (SRC, Workdir, check, csv_text, done, fingerprint, stored_sums,
                    computed_sums, DATASETS)
from xlsx_fill import NUMBER_FORMATS, column_formats, fill

FX = os.path.join(SRC, "fixtures", "demo")
SOURCES = {d: (f"{d}.json" if d == "evaluaties" else f"{d}.csv") for d in DATASETS}


def read_fixture(name):
    raw = open(os.path.join(FX, name), "rb").read().decode("utf-8-sig")
    if name.endswith(".json"):
        return [{k: v for k, v in r.items()} for r in json.loads(raw)]
    sep = ";" if raw.split("\n", 1)[0].count(";") else ","
    return list(csv.DictReader(io.StringIO(raw, newline=""), delimiter=sep))


def dutch(value, fmt):
    """The text a Dutch user types for a fixture value in a column of format fmt."""
    if value is None or value == "":
        return ""
    if isinstance(value, list):
        return "|".join(value)
    text = str(value)
    if fmt == "dd-mm-yyyy":
        # A date-time counts as its date (SPEC §2): a person types the date.
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        return f"{m[3]}-{m[2]}-{m[1]}" if m else text
    if fmt in NUMBER_FORMATS:
        n = Decimal(text.replace(".", "").replace(",", ".")) if "," in text else Decimal(text)
        return format(n.normalize(), "f").replace(".", ",")
    return text


def rows_of(w, table):
    """The stored rows without their provenance (bestand, regel), sorted."""
    return sorted(map(tuple, (r[:-2] for r in w.query(f"SELECT * FROM {table}"))),
                  key=repr)


# ---- the typed rows: the demo's organisations and specialists, and a slice of
# the other datasets whose references stay inside what is typed --------------
fixture = {d: read_fixture(SOURCES[d]) for d in DATASETS}
hv = fixture["hulpvragen"][:40]
hv_ids = {r["id"] for r in hv}
typed = {
    "organisaties": fixture["organisaties"],
    "specialisten": fixture["specialisten"],
    "hulpvragen": hv,
    "inzet": [r for r in fixture["inzet"] if r.get("hulpvraag", "") in hv_ids | {""}][:60],
    "evaluaties": [r for r in fixture["evaluaties"]
                   if r.get("hulpvraag", "") in hv_ids | {""}][:40],
    "kennisproducten": fixture["kennisproducten"],
    "mijlpalen": fixture["mijlpalen"],
    "begroting": fixture["begroting"],
    "uitgaven": fixture["uitgaven"],
}

w = Workdir()
filled, as_csv = [], []
for kind in DATASETS:
    tpl = os.path.join(w.path, f"sjabloon-{kind}.xlsx")
    r = w.run("sjabloon", kind, tpl, db=False)
    assert r.code == 0, r
    ws = openpyxl.load_workbook(tpl).worksheets[0]
    header = [c.value for c in ws[1]]
    fmts = dict(zip(header, column_formats(ws, len(header))))
    text_rows = [{f: dutch(row.get(f), fmts[f]) for f in header} for row in typed[kind]]
    out = os.path.join(w.path, f"{kind}-ingevuld.xlsx")
    fill(tpl, out, text_rows)
    filled.append(out)
    as_csv.append(w.file(f"{kind}.csv", csv_text(
        [header] + [[row[f] for f in header] for row in text_rows])))

by_csv = Workdir()
by_csv.init()
r = by_csv.run("import", *as_csv)
check(r.code == 0, "the typed rows import as CSV (the reference)", r)

by_xlsx = Workdir()
by_xlsx.init()
r = by_xlsx.run("import", *filled)
check(r.code == 0, "nine filled templates import in one call", r)
for kind in DATASETS:
    got, want = rows_of(by_xlsx, kind), rows_of(by_csv, kind)
    check(got == want and len(got) == len(typed[kind]) > 0,
          f"{kind}: the filled template imports to exactly the rows typed ({len(want)})",
          [x for x in got if x not in want][:3] + ["…"] + [x for x in want if x not in got][:3])
stored = by_xlsx.query("SELECT DISTINCT b.pad FROM hulpvragen h"
                       " JOIN import_bestanden b ON b.id = h.bestand")
check(len(stored) == 1 and stored[0][0].endswith("hulpvragen-ingevuld.xlsx[Hulpvragen]"),
      "the stored rows name the workbook and its sheet", stored)

# ---- LibreOffice saves the filled workbooks again ---------------------------
if shutil.which("soffice"):
    lo = os.path.join(w.path, "lo")
    os.mkdir(lo)
    cp = subprocess.run(["soffice", "--headless", "--norestore",
                         "-env:UserInstallation=file://" + os.path.join(w.path, "lo-profiel"),
                         "--convert-to", "xlsx", "--outdir", lo] + filled,
                        capture_output=True, text=True, timeout=600)
    saved = [os.path.join(lo, os.path.basename(f)) for f in filled]
    check(cp.returncode == 0 and all(map(os.path.exists, saved)),
          "LibreOffice saves the nine filled workbooks", cp.stderr)
    by_lo = Workdir()
    by_lo.init()
    r = by_lo.run("import", *saved)
    same = [k for k in DATASETS if rows_of(by_lo, k) == rows_of(by_csv, k)]
    check(r.code == 0 and same == DATASETS,
          "saved by LibreOffice, the filled templates import to exactly the rows typed",
          (r, [k for k in DATASETS if k not in same]))
else:
    check(True, "LibreOffice round trip # SKIP soffice is not installed")

# ---- fixtures/demo/demo.xlsx against the CSV and JSON fixtures --------------
demo_csv = Workdir()
demo_csv.init()
r = demo_csv.run("import", *[os.path.join(FX, SOURCES[d]) for d in DATASETS])
assert r.code == 0, r
demo_xlsx = Workdir()
demo_xlsx.init()
r = demo_xlsx.run("import", os.path.join(FX, "demo.xlsx"))
check(r.code == 0, "fixtures/demo/demo.xlsx imports", r)
a, b = stored_sums(demo_csv), stored_sums(demo_xlsx)
check(a == b and fingerprint(a) == fingerprint(b) == fingerprint(computed_sums(demo_xlsx)),
      f"demo.xlsx gives the same database fingerprint as the CSV and JSON fixtures "
      f"({fingerprint(b)})", (fingerprint(a), fingerprint(b)))
check(all(rows_of(demo_csv, k) == rows_of(demo_xlsx, k) for k in DATASETS),
      "demo.xlsx stores the same rows as the CSV and JSON fixtures, dataset by dataset")
done()
