"""The demo data set: `demo` imports every fixture file with zero errors into
a fresh database, the row counts match the files, and a second import of the
same files replaces every row and adds none."""
import glob
import json
import os

from pmtest import Workdir, check, done, SRC

EXPECTED = {"organisaties": 74, "specialisten": 14, "hulpvragen": 550, "inzet": 1977,
            "evaluaties": 443, "kennisproducten": 9, "mijlpalen": 16, "begroting": 42,
            "uitgaven": 35}

w = Workdir()
out = os.path.join(w.path, "demo")
r = w.run("demo", out, db=False)
check(r.code == 0, "demo_exits_0", r)
check("fout" not in r.err.lower(), "demo_import_reports_no_errors", r)
check("Import voltooid: 3160 rijen in 9 bestanden (3160 nieuw, 0 vervangen)" in r.out,
      "demo_imports_all_3160_rows_as_new", r)
# The demo runs the checks but says them in one line (issue 13 point 9).
check("28 waarschuwingen over de gegevens; zie `pijlermonitor check`" in r.out,
      "demo_runs_check_and_summarises_it_in_one_line", r)
w.db = os.path.join(out, "pijlermonitor.db")
# The main job writes the reports of the last complete quarter of the data
# (2026-Q1: requests run through 31-03-2026) for both audiences.
files = sorted(os.listdir(out))
want = [f"rapportage-2026-Q1-{a}.{e}" for a in ("extern", "intern") for e in ("pdf", "xlsx")]
check(all(f in files for f in want), "demo_writes_workbook_and_pdf_for_both_audiences", files)
pngs = os.listdir(os.path.join(out, "grafieken-2026-Q1")) if "grafieken-2026-Q1" in files else []
check(len(pngs) >= 10 and "r3-specialisten.png" not in pngs,
      "demo_writes_extern_charts_as_png_without_personal_ones", pngs)
check(all(os.path.getsize(os.path.join(out, f)) > 10000 for f in want),
      "demo_reports_are_not_empty", [os.path.getsize(os.path.join(out, f)) for f in want])
check("Rapportages over 1e kwartaal 2026 (peildatum 31-03-2026)" in r.out, "demo_says_which_period", r.out)
counts = {t: w.count(t) for t in EXPECTED}
check(counts == EXPECTED, "demo_row_counts_match_the_fixture_files", counts)

# The dialects really are mixed, as the issue asks.
fx = os.path.join(SRC, "fixtures", "demo")
raw = {os.path.basename(p): open(p, "rb").read() for p in glob.glob(fx + "/*")}
check(raw["organisaties.csv"].startswith(b"\xef\xbb\xbf") and b"\r\n" in raw["inzet.csv"]
      and b";" in raw["inzet.csv"].split(b"\r\n")[0], "some_fixtures_are_dutch_excel_csv")
check(b"\r\n" not in raw["hulpvragen.csv"] and raw["hulpvragen.csv"].startswith(b"id,"),
      "some_fixtures_are_comma_iso_csv")
check(isinstance(json.loads(raw["evaluaties.json"]), list), "one_fixture_is_json")

# Running the demo again gives a fresh database, not a doubled one.
r = w.run("demo", out, db=False)
check(r.code == 0 and {t: w.count(t) for t in EXPECTED} == EXPECTED,
      "demo_twice_starts_from_a_fresh_database", r)

# Re-importing the fixtures into the demo database is idempotent.
before = w.query("SELECT * FROM hulpvragen ORDER BY id")
files = sorted(glob.glob(fx + "/*.csv") + glob.glob(fx + "/*.json"))
r = w.run("import", *files)
check(r.code == 0 and "(0 nieuw, 3160 vervangen)" in r.out,
      "reimport_of_fixtures_replaces_every_row", r)
after = w.query("SELECT id, organisatie, ontvangen, eerste_contact, onderwerp, specialist, "
                "status, afgerond_op FROM hulpvragen ORDER BY id")
check([row[:8] for row in before] == after, "reimport_leaves_values_identical")
check({t: w.count(t) for t in EXPECTED} == EXPECTED, "reimport_keeps_row_counts")
done()
