"""No folder of the machine in any output (SPEC §7, issue 11 point 12): a
source file is named by its file name, so the same data give the same files
on every machine. The demo (which imports its fixtures by absolute path) and
an import by absolute paths are run in a temporary folder, and every output
is searched for that folder, the source tree and /tmp/, /work/, /home/:
the workbooks' XML parts, the PDFs' text, metadata and bytes, the PNGs'
bytes, `indicators` as JSON, table and CSV, and `check`. A database made
before this rule (full paths in import_bestanden) shows only file names too;
messages about the files of an import still name them as the user typed."""
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import zipfile

import openpyxl

from pmtest import SRC, Workdir, base, check, csv_text, done

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01 00:00 UTC
PERIOD = "2025-Q4"
OLD_FOLDER = "/home/gebruiker/Documenten/pijler2/"

w = Workdir()
NEEDLES = sorted({w.path, os.path.realpath(w.path), SRC, os.path.realpath(SRC),
                  "/tmp/", "/work/", "/home/", "Documenten/pijler2"})


def hits(text, where):
    return [(where, n) for n in NEEDLES if n in text]


def scan_outputs(files, pngs):
    """Every needle found in the given workbooks, PDFs and PNGs."""
    found = []
    for f in files:
        if f.endswith(".xlsx"):
            with zipfile.ZipFile(f) as z:
                for part in z.namelist():
                    found += hits(z.read(part).decode("utf-8", "replace"),
                                  f"{os.path.basename(f)}:{part}")
        elif f.endswith(".pdf"):
            for tool in (["pdftotext", "-enc", "UTF-8", f, "-"], ["pdfinfo", f]):
                cp = subprocess.run(tool, capture_output=True, text=True)
                assert cp.returncode == 0, cp.stderr
                found += hits(cp.stdout, f"{os.path.basename(f)}:{tool[0]}")
            with open(f, "rb") as fh:
                found += hits(fh.read().decode("latin-1"), f"{os.path.basename(f)}:bytes")
    for p in pngs:
        with open(p, "rb") as fh:
            found += hits(fh.read().decode("latin-1"), os.path.basename(p))
    return found


def scan_commands(wd):
    """Every needle in what `indicators` and `check` print."""
    found = []
    for aud in ("intern", "extern"):
        for fmt in ("json", "table", "csv"):
            r = wd.run("indicators", "--period", PERIOD, "--audience", aud, "--format", fmt,
                       env=ENV)
            assert r.code == 0, r
            found += hits(r.out + r.err, f"indicators {aud} {fmt}")
    # check's first line repeats the --db argument the user typed: an echo
    # of the command line, not an output; its warnings are what counts.
    r = wd.run("check")
    lines = (r.out + r.err).splitlines()
    assert lines[0] == f"Controle van {wd.db}", lines[:1]
    found += hits("\n".join(lines[1:]), "check")
    return found


def reports(wd, tag):
    """Intern and extern workbook, PDF and charts of wd into wd's folder."""
    files, pngs = [], []
    for aud in ("intern", "extern"):
        x = os.path.join(wd.path, f"{tag}-{aud}.xlsx")
        p = os.path.join(wd.path, f"{tag}-{aud}.pdf")
        d = os.path.join(wd.path, f"{tag}-png-{aud}")
        r = wd.run("report", "--period", PERIOD, "--audience", aud, "--xlsx", x, "--pdf", p,
                   "--png", d, env=ENV)
        assert r.code == 0, r
        files += [x, p]
        pngs += glob.glob(os.path.join(d, "*.png"))
    return files, pngs


def bron_column(ws):
    """The values under the header "Bron" of a row-level sheet (its header
    is in the first row, or the second under the intern mark)."""
    for hr in (1, 2):
        head = [c.value for c in ws[hr]]
        if "Bron" in head:
            col = head.index("Bron") + 1
            return [ws.cell(r, col).value for r in range(hr + 1, ws.max_row + 1)]
    return []


# ---- the demo: fixtures imported by their absolute path ----------------------

demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False, env=ENV)
check(r.code == 0, "demo_runs", r)
files = sorted(glob.glob(os.path.join(demo, "*.xlsx")) + glob.glob(os.path.join(demo, "*.pdf")))
pngs = glob.glob(os.path.join(demo, "*", "*.png"))
# Four reports and seven dashboards (national and one per regio).
check(len(files) == 11 and pngs, "demo_writes_workbooks_pdfs_and_charts", (files, len(pngs)))
found = scan_outputs(files, pngs)
check(not found, "demo_outputs_hold_no_folder_of_the_machine", found[:20])
w.db = os.path.join(demo, "pijlermonitor.db")
pads = [p for (p,) in w.query("SELECT pad FROM import_bestanden")]
check(pads and all("/" not in p for p in pads),
      "demo_database_records_the_file_names_of_the_fixtures_only", pads)
found = scan_commands(w)
check(not found, "indicators_json_table_csv_and_check_hold_no_folder", found[:20])

# The intern workbook's Bron column says file:line, with the fixture's name.
wb = openpyxl.load_workbook(next(f for f in files if f.endswith("intern.xlsx")))
bron = bron_column(wb["Hulpvragen"])
check(bron and all(re.fullmatch(r"hulpvragen\.csv:\d+", b) for b in bron),
      "intern_bron_column_names_file_and_line_without_folder", bron[:3])

# ---- an import by absolute paths, from a folder of its own -----------------------

u = Workdir()
u.init()
folder = os.path.join(u.path, "invoer", "2025")
os.makedirs(folder)
fixtures = os.path.join(SRC, "fixtures", "demo")
paths = []
for name in sorted(os.listdir(fixtures)):
    if name.endswith((".csv", ".json")):
        shutil.copy(os.path.join(fixtures, name), folder)
        paths.append(os.path.join(folder, name))
r = u.run("import", *paths)
check(r.code == 0, "import_by_absolute_paths_succeeds", r)
pads = [p for (p,) in u.query("SELECT pad FROM import_bestanden ORDER BY id")]
check(pads == [os.path.basename(p) for p in paths],
      "import_records_each_file_by_its_file_name", pads)
files, pngs = reports(u, "abs")
found = scan_outputs(files, pngs) + scan_commands(u)
check(not found, "outputs_of_an_absolute_import_hold_no_folder_of_the_machine", found[:20])

# Same data from another folder: the same files, byte for byte.
v = Workdir()
v.init()
other = os.path.join(v.path, "elders", "map met spaties")
os.makedirs(other)
for p in paths:
    shutil.copy(p, other)
r = v.run("import", *[os.path.join(other, os.path.basename(p)) for p in paths])
assert r.code == 0, r
files_v, _ = reports(v, "abs")
same = []
for a, b in zip(files, files_v):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        same.append(fa.read() == fb.read())
check(len(same) == 4 and all(same),
      "the_same_files_imported_from_another_folder_give_byte_identical_reports",
      list(zip([os.path.basename(f) for f in files], same)))

# ---- a database made before the rule: full paths stored ----------------------------

con = sqlite3.connect(u.db)
con.execute("UPDATE import_bestanden SET pad = ? || pad", (OLD_FOLDER,))
con.commit()
con.close()
check(all(p.startswith(OLD_FOLDER) for (p,) in u.query("SELECT pad FROM import_bestanden")),
      "old_database_holds_full_paths")
files, pngs = reports(u, "old")
found = scan_outputs(files, pngs) + scan_commands(u)
check(not found, "outputs_of_an_old_database_show_file_names_only", found[:20])
wb = openpyxl.load_workbook(next(f for f in files if f.endswith("intern.xlsx")))
bron = bron_column(wb["Inzet"])
check(bron and all(re.fullmatch(r"inzet\.csv:\d+", b) for b in bron),
      "old_database_bron_column_shows_the_file_name", bron[:3])

# ---- messages still name a file of this import as it was given ----------------------

m = Workdir()
base(m)
sub = os.path.join(m.path, "sub")
os.makedirs(sub)
HV = ["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp", "specialist",
      "status", "afgerond_op"]
row = ["HV-1", "GM0363", "01-10-2025", "", "juridisch", "SP01", "open", ""]
m.file("sub/a.csv", csv_text([HV, row]))
m.file("sub/b.csv", csv_text([HV, row]))
r = m.run("import", "sub/a.csv", "sub/b.csv")
check(r.code == 2 and "sub/b.csv:2: veld 'id':" in r.err and "(sub/a.csv:2)" in r.err,
      "duplicate_id_message_names_both_files_as_given", r)
m.file("sub/c.csv", csv_text([HV, ["HV-2", "GM9999", "01-10-2025", "", "juridisch", "SP01",
                                    "open", ""]]))
r = m.run("import", os.path.join(sub, "c.csv"))
check(r.code == 2 and f"{sub}/c.csv:2: veld 'organisatie':" in r.err,
      "reference_error_names_the_file_as_given", r)

done()
