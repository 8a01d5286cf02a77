"""The template's number validation counts decimals (issue 17 point 3): a
score has at most one decimal, uren and bedragen at most two. Excel's DECIMAL
validation checks only the bounds, so it took 7,25 as a score that the import
then refused; the template now writes a custom formula. The formula is read
from the sheet's XML, and evaluated here as Excel would for values on both
sides of every rule; the import, given the same values in the filled
template, accepts exactly those the formula accepts."""
import csv
import datetime
import html
import os
import re
import shutil
import subprocess
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import openpyxl

from pmtest import Workdir, base, check, done

FORMULA = re.compile(r"AND\(ISNUMBER\(([A-Z]+2)\),\1&gt;=(-?[\d.]+),\1&lt;=(-?[\d.]+),"
                     r"ABS\(\1-ROUND\(\1,(\d)\)\)&lt;=1E-9\*MAX\(1,ABS\(\1\)\)\)")


def sheet_xml(path):
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml").decode()


def excel_round(x, digits):
    """Excel's ROUND: half away from zero, on the number as Excel shows it."""
    q = Decimal(1).scaleb(-digits)
    d = Decimal(repr(abs(x))).quantize(q, rounding=ROUND_HALF_UP)
    return float(d) if x >= 0 else -float(d)


def formula_accepts(m, x):
    lo, hi, digits = float(m.group(2)), float(m.group(3)), int(m.group(4))
    return lo <= x <= hi and abs(x - excel_round(x, digits)) <= 1e-9 * max(1, abs(x))


D = datetime.date(2025, 4, 15)
# kind, field, the other values of a row (by field name), the values tried
CASES = [
    ("evaluaties", "score",
     {"organisatie": "GM0363", "datum": D, "soort": "ondersteuning"},
     [7.25, 7.2, 7.1000000000000005, 7.15, 10, 10.05, 1, 0.95, 6.999999999999999, 8.0]),
    ("inzet", "uren", {"specialist": "SP01", "datum": D},
     [1.5, 1.255, 0.005, 0.01, 24, 24.01, 0.1 + 0.2, 2.675, 0]),
    ("uitgaven", "bedrag", {"datum": D, "post": "website"},
     [12.345, 450000, -4350.25, 0.001, 121.00000000000001, 99999999.99, 100000000.01]),
]

w = Workdir()
base(w)
lo_rows = []  # (value, the formula for its cell, what the import said)
for kind, field, others, values in CASES:
    path = os.path.join(w.path, f"{kind}.xlsx")
    r = w.run("sjabloon", kind, path, db=False)
    xml = sheet_xml(path)
    check(r.code == 0 and 'type="decimal"' not in xml,
          f"{kind}: no DECIMAL validation, which cannot count decimals", r)
    wb = openpyxl.load_workbook(path)
    ws = wb[kind.capitalize()]
    header = [c.value for c in ws[1]]
    letter = openpyxl.utils.get_column_letter(header.index(field) + 1)
    dv = re.search(r'<dataValidation type="custom"[^>]*sqref="' + letter +
                   r'2:[A-Z]+1048576"[^>]*>\s*<formula1>(.*?)</formula1>', xml)
    m = FORMULA.fullmatch(dv.group(1)) if dv else None
    check(m is not None and m.group(1) == f"{letter}2",
          f"{kind}.{field}: a custom formula validation counting decimals, relative to "
          f"row 2", dv and dv.group(1))
    if not m:
        continue
    digits = {"score": 1}.get(field, 2)
    check(int(m.group(4)) == digits, f"{kind}.{field}: {digits} decimal(s)", m.group(0))

    # The same values typed into the template, and imported.
    for i, v in enumerate(values):
        row = dict(others, id=f"X{i}", **{field: v})
        for c, name in enumerate(header):
            if name in row:
                ws.cell(row=i + 2, column=c + 1, value=row[name])
    filled = os.path.join(w.path, f"{kind}-ingevuld.xlsx")
    wb.save(filled)
    r = w.run("import", "--dry-run", filled)
    refused = {int(n) - 2 for n in re.findall(
        re.escape(f"[{kind.capitalize()}]!{letter}") + r"(\d+): veld '" + field, r.err)}
    by_formula = {i for i, v in enumerate(values) if not formula_accepts(m, v)}
    check(refused == by_formula and by_formula,
          f"{kind}.{field}: the import refuses exactly the values the template's "
          f"validation refuses",
          f"import refuses {sorted(values[i] for i in refused)}, formula refuses "
          f"{sorted(values[i] for i in by_formula)}\n{r!r}")
    text = html.unescape(m.group(0))
    lo_rows += [(v, re.sub(rf"\b{letter}2\b", "{r}", text), i not in refused)
                for i, v in enumerate(values)]
    if kind == "evaluaties":
        check(values.index(7.25) in by_formula and values.index(7.2) not in by_formula,
              "a_score_of_7_25_is_refused_and_7_2_accepted")

# LibreOffice computes the same formulas (as a cell's formula, which its
# validity evaluates alike) and gets the import's answers.
if shutil.which("soffice") and lo_rows:
    book = openpyxl.Workbook()
    for r, (v, f, _) in enumerate(lo_rows, 1):
        book.active.cell(row=r, column=1, value=v)
        book.active.cell(row=r, column=2, value="=" + f.replace("{r}", f"A{r}"))
    src = os.path.join(w.path, "formules.xlsx")
    book.save(src)
    cp = subprocess.run(["soffice", "--headless", "--norestore",
                         "-env:UserInstallation=file://" + os.path.join(w.path, "lo-profiel"),
                         "--convert-to", "csv", "--outdir", w.path, src],
                        capture_output=True, text=True, timeout=600)
    out = os.path.join(w.path, "formules.csv")
    got = [row[1].upper() == "TRUE" for row in csv.reader(open(out))] if os.path.exists(out) else []
    want = [ok for _, _, ok in lo_rows]
    check(got == want, "libreoffice_evaluates_the_validation_formulas_as_the_import_decides",
          (cp.stderr, [(v, g, x) for (v, _, x), g in zip(lo_rows, got) if g != x]))
else:
    check(True, "libreoffice_evaluates_the_formulas # SKIP soffice is not installed")

done()
