"""`pijlermonitor sjabloon KIND FILE.xlsx` (issue 17 point 3): a workbook a
specialist fills in with drop-downs, date and number validation and Dutch
messages, read back with openpyxl as Excel would show it."""
import csv
import os
import shutil
import subprocess

import openpyxl

from pmtest import BIN, SRC, Workdir, check, done

# The fixed lists of engine/dataset.c, field by field, in its order. A list
# changed there must be changed here: the template offers what the import
# takes. uitgaven.post leaves out 'inhuur', which its row rule refuses.
POSTEN = ["inhuur", "kennisproducten", "website", "bijeenkomsten", "communicatie",
          "overig"]
EXPERTISES = ["sturing-bekostiging", "bedrijfsvoering", "bestuurlijke-sturing",
              "juridisch", "participatieketen"]
LISTS = {
    "organisaties": {"type": ["gemeente", "sob", "opdrachtgever"],
                     "regio": ["Noord-West", "Noord", "Midden", "Oost", "Zuid-West",
                               "Zuid"]},
    "specialisten": {"rol": ["expert", "specialist", "regioadviseur"],
                     "expertise": EXPERTISES},
    "hulpvragen": {"onderwerp": EXPERTISES, "status": ["open", "lopend", "afgerond"]},
    "inzet": {},
    "evaluaties": {"soort": ["ondersteuning", "specialist", "opdrachtgever"]},
    "kennisproducten": {"soort": ["handleiding", "factsheet", "webinar", "podcast",
                                  "kennisbijeenkomst", "publicatie", "overig"],
                        "pijler": ["2", "3", "2+3"]},
    "mijlpalen": {"resultaat": ["R4", "R5"]},
    "begroting": {"post": POSTEN},
    "uitgaven": {"post": POSTEN[1:]},
}
DATES = {"specialisten": ["start", "einde"],
         "hulpvragen": ["ontvangen", "eerste_contact", "afgerond_op"],
         "inzet": ["datum"], "evaluaties": ["datum"],
         "kennisproducten": ["gepubliceerd"], "mijlpalen": ["gepland", "gereed"],
         "uitgaven": ["datum"]}
# field: (validation type, minimum, maximum); a number with decimals is a
# custom formula that also counts them (see DECIMALS below)
NUMBERS = {("evaluaties", "score"): ("custom", "1", "10", 1),
           ("inzet", "uren"): ("custom", "0.01", "24", 2),
           ("specialisten", "uurtarief"): ("custom", "0.01", "1000", 2),
           ("begroting", "bedrag"): ("custom", "0", "100000000", 2),
           ("uitgaven", "bedrag"): ("custom", "-100000000", "100000000", 2),
           ("begroting", "jaar"): ("whole", 2000, 2100),
           ("begroting", "kwartaal"): ("whole", 1, 4),
           ("kennisproducten", "bereik"): ("whole", 0, 1000000000)}
# The id and reference columns: text, so Excel keeps GM0363's zeros.
IDS = {"organisaties": ["id"], "hulpvragen": ["id", "organisatie", "specialist"],
       "inzet": ["id", "specialist", "hulpvraag"],
       "evaluaties": ["id", "organisatie", "specialist", "hulpvraag"]}


def col_of(header, name):
    return openpyxl.utils.get_column_letter(header.index(name) + 1)


def validation_of(ws, letter):
    """The data validation covering column letter from row 2, or None."""
    for dv in ws.data_validations.dataValidation:
        if str(dv.sqref) == f"{letter}2:{letter}1048576":
            return dv
    return None


def range_values(wb, formula):
    """The values a list validation's range formula points at."""
    sheet, ref = formula.lstrip("=").split("!")
    cells = wb[sheet.strip("'")][ref.replace("$", "")]
    return [row[0].value for row in cells]


w = Workdir()
w.init()
gemeenten = list(csv.reader(open(os.path.join(SRC, "engine", "gemeenten.csv"),
                                 encoding="utf-8")))
for ds in LISTS:
    path = os.path.join(w.path, f"{ds}.xlsx")
    r = w.run("sjabloon", ds, path, db=False)
    check(r.code == 0 and f"geschreven naar {path}" in r.out and os.path.exists(path),
          f"{ds}: sjabloon FILE.xlsx writes a workbook", r)
    if r.code:
        continue
    csv_header = w.run("sjabloon", ds, db=False).out.lstrip("\ufeff").strip().split(";")
    wb = openpyxl.load_workbook(path)
    name = ds.capitalize()
    check(wb.sheetnames[0] == name and wb.active.title == name,
          f"{ds}: the first and active sheet is named {name}", wb.sheetnames)
    ws = wb[name]
    header = [c.value for c in ws[1]]
    check(header == csv_header, f"{ds}: the header equals the CSV template's", header)
    check(ws.freeze_panes == "A2", f"{ds}: the header row is frozen", ws.freeze_panes)
    check(ws.max_row == 1, f"{ds}: the template has no rows below the header")

    # Required columns: bold, and an asterisk shown by the format, not typed
    # into the name the import reads.
    uitleg = wb["Uitleg"]
    required = {row[0]: row[1] for row in uitleg.iter_rows(min_row=2, values_only=True)
                if row[0] in header}
    marks_ok = all(c.font.b for c in ws[1]) and all(
        ('" *"' in c.number_format) == (required[c.value] == "ja") for c in ws[1])
    check(marks_ok, f"{ds}: required columns are marked '*' in the header, others not",
          [(c.value, c.number_format) for c in ws[1]])

    widths = [ws.column_dimensions[col_of(header, h)].width or 0 for h in header]
    check(all(wd >= len(h) + 2 for wd, h in zip(widths, header)),
          f"{ds}: every column is at least as wide as its header", widths)

    for field, values in LISTS[ds].items():
        letter = col_of(header, field)
        dv = validation_of(ws, letter)
        got = range_values(wb, dv.formula1) if dv and dv.type == "list" else None
        check(got == values and dv.showDropDown in (None, False),
              f"{ds}.{field}: a drop-down list with dataset.c's values", (dv, got))
        check(all(ws.column_dimensions[letter].width >= len(v) for v in values),
              f"{ds}.{field}: the column is as wide as its longest value")
    for field in DATES.get(ds, []):
        letter = col_of(header, field)
        dv = validation_of(ws, letter)
        fmt = ws.column_dimensions[letter].number_format
        check(dv is not None and dv.type == "date" and fmt == "dd-mm-yyyy"
              and "DD-MM-JJJJ" in (dv.error or ""),
              f"{ds}.{field}: date validation and format DD-MM-YYYY", (dv, fmt))
    for (d, field), (kind, lo, hi, *digits) in NUMBERS.items():
        if d != ds:
            continue
        letter = col_of(header, field)
        dv = validation_of(ws, letter)
        if kind == "custom":
            c = f"{letter}2"
            want = (f"AND(ISNUMBER({c}),{c}>={lo},{c}<={hi},"
                    f"ABS({c}-ROUND({c},{digits[0]}))<=1E-9*MAX(1,ABS({c})))")
            ok = (dv is not None and dv.type == "custom" and dv.formula1 == want
                  and dv.errorStyle in (None, "stop") and dv.error)
        else:
            ok = (dv is not None and dv.type == kind and dv.operator in (None, "between")
                  and float(dv.formula1) == lo and float(dv.formula2) == hi
                  and dv.errorStyle in (None, "stop") and dv.error)
        check(ok, f"{ds}.{field}: {kind} validation {lo}..{hi} with a Dutch message",
              dv)
    for field in IDS.get(ds, []):
        fmt = ws.column_dimensions[col_of(header, field)].number_format
        check(fmt == "@", f"{ds}.{field}: text format, so leading zeros stay", fmt)

    dvs = ws.data_validations.dataValidation
    check(len({str(dv.sqref) for dv in dvs}) == len(header)
          and all(dv.prompt and len(dv.prompt) <= 255 and dv.promptTitle
                  and len(dv.promptTitle) <= 32 for dv in dvs)
          and all(len(dv.error or "") <= 255 for dv in dvs),
          f"{ds}: every column has a Dutch input message within Excel's limits",
          [(dv.promptTitle, dv.prompt) for dv in dvs])

    rows = [row for row in uitleg.iter_rows(min_row=2, values_only=True)]
    fields = [row[0] for row in rows[:len(header)]]
    check([c.value for c in uitleg[1]] == ["kolom", "verplicht", "type",
                                           "toegestane waarden", "voorbeeld",
                                           "toelichting"]
          and fields == header and rows[len(header)][0] is None,
          f"{ds}: Uitleg has one row per field, in the header's order", rows)
    for field, values in LISTS[ds].items():
        row = rows[header.index(field)]
        check(row[3] == ", ".join(values),
              f"{ds}.{field}: Uitleg names the same values as the drop-down", row)

    check(wb["Lijsten"].sheet_state == "hidden" or not LISTS[ds],
          f"{ds}: the sheet of lists is hidden")
    if ds in ("organisaties", "hulpvragen"):
        g = [list(row) for row in wb["Gemeenten"].iter_rows(values_only=True)]
        check(len(g) == 343 and g == gemeenten,
              f"{ds}: the Gemeenten sheet holds the 342 gemeenten of gemeenten.csv",
              g[:3])
        field = "id" if ds == "organisaties" else "organisatie"
        dv = validation_of(ws, col_of(header, field))
        check(dv is not None and dv.type == "list"
              and dv.formula1 == "Gemeenten!$A$2:$A$343" and dv.errorStyle == "warning",
              f"{ds}.{field}: picks from Gemeenten, warning (an SOB has its own id)", dv)
    else:
        check("Gemeenten" not in wb.sheetnames, f"{ds}: no Gemeenten sheet")

# Never overwrites: neither an earlier template nor any other file.
path = os.path.join(w.path, "hulpvragen.xlsx")
before = open(path, "rb").read()
r = w.run("sjabloon", "hulpvragen", path, db=False)
check(r.code == 3 and "bestaat al" in r.err and open(path, "rb").read() == before,
      "an existing template is not overwritten (exit 3)", r)
other = w.file("lijst.xlsx", "mijn eigen werk")
r = w.run("sjabloon", "inzet", other, db=False)
check(r.code == 3 and open(other).read() == "mijn eigen werk"
      and not [f for f in os.listdir(w.path) if f.startswith(".")],
      "a file of the user's is not overwritten, and no temporary stays behind", r)
victim = w.file("victim.txt", "niet aankomen")
os.symlink(victim, os.path.join(w.path, "link.xlsx"))
r = w.run("sjabloon", "inzet", os.path.join(w.path, "link.xlsx"), db=False)
check(r.code == 3 and open(victim).read() == "niet aankomen"
      and os.path.islink(os.path.join(w.path, "link.xlsx")),
      "a symlink at the name is not followed or replaced (exit 3)", r)
os.mkdir(os.path.join(w.path, "map.xlsx"))
r = w.run("sjabloon", "inzet", os.path.join(w.path, "map.xlsx"), db=False)
check(r.code == 3 and os.listdir(os.path.join(w.path, "map.xlsx")) == [],
      "a folder named FILE.xlsx exits 3 and stays empty", r)
r = w.run("sjabloon", "inzet", os.path.join(w.path, "geen-map", "x.xlsx"), db=False)
check(r.code == 3 and not os.path.exists(os.path.join(w.path, "geen-map")),
      "a template into a missing folder exits 3", r)
r = w.run("sjabloon", "peren", os.path.join(w.path, "p.xlsx"), db=False)
check(r.code == 1 and not os.path.exists(os.path.join(w.path, "p.xlsx")),
      "an unknown kind exits 1 and writes nothing", r)
r = w.run("sjabloon", "inzet", os.path.join(w.path, "HOOFDLETTERS.XLSX"), db=False)
wb = openpyxl.load_workbook(os.path.join(w.path, "HOOFDLETTERS.XLSX")) if r.code == 0 \
    else None
check(wb is not None and wb.sheetnames[0] == "Inzet",
      "the extension .XLSX in capitals also gives a workbook", r)
r = w.run("--help", db=False)
check("BESTAND.xlsx" in r.out + r.err, "the help names the .xlsx template", r)
r = w.run("sjabloon", "inzet", os.path.join(w.path, "inzet.csv"), db=False)
check(r.code == 0 and open(os.path.join(w.path, "inzet.csv"), "rb").read().startswith(
    b"\xef\xbb\xbfid;"), "a .csv name still gives the CSV template", r)
# No leak or memory error of ours (tests/valgrind.supp holds libxlsxwriter's
# own leak of list-validation formulas, and nothing more).
# Valgrind runs on the normal build only: a sanitizer binary cannot run
# under it (as tests/e2e/test_valgrind.py).
image = open(BIN, "rb").read()
if b"__asan_init" in image or b"__ubsan_handle" in image:
    check(True, "valgrind: the template writer leaks nothing of ours # SKIP sanitizer build")
elif shutil.which("valgrind"):
    out = os.path.join(w.path, "vg.xlsx")
    vg = subprocess.run(["valgrind", "-q", "--leak-check=full",
                         "--errors-for-leak-kinds=definite,indirect", "--error-exitcode=9",
                         "--suppressions=" + os.path.join(SRC, "tests", "valgrind.supp"),
                         BIN, "sjabloon", "organisaties", out],
                        capture_output=True, text=True, timeout=300)
    check(vg.returncode == 0 and os.path.exists(out),
          "valgrind: the template writer leaks nothing of ours", vg.stderr[-3000:])
done()
