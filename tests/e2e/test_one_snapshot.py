"""One read transaction per command (issue 12 point 2): the top layer opens
the snapshot once, so every report of a command reads the same data.

The demo writes the extern and then the intern report. The pause shim stops
it as the extern report loads its working-day calendar; an import into the demo's
database commits meanwhile; then the demo goes on. Both workbooks must show
the data of before the import (the same fingerprint and row counts), and the
import must be in the database afterwards. With a transaction per report,
the intern workbook would show the import and the extern one would not."""
import os
import sqlite3
import subprocess
import time

import openpyxl

import robust
from pmtest import BIN, Workdir, check, csv_text, done

TIMEOUT = 120
w = Workdir()
pause = robust.build_shim("pmpause", w.path)


def toelichting(path):
    """Row counts per dataset and the data fingerprint from a workbook."""
    ws = openpyxl.load_workbook(path, read_only=True)["Definities"]
    rows = [r[:2] for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "Gegevensbestand")
    counts = tuple(rows[start + 1 + k] for k in range(len(robust.DATA_TABLES)))
    fp = next(r[1] for r in rows if r[0] == "Gegevensvingerafdruk")
    return counts, fp


if not pause:
    check(True, "both_demo_reports_read_one_snapshot # SKIP no C compiler for the pause shim")
    done()

demo = os.path.join(w.path, "demo")
db = os.path.join(demo, "pijlermonitor.db")
flag = os.path.join(w.path, "pause.flag")
release = os.path.join(w.path, "pause.release")
env = {"LD_PRELOAD": pause, "PMPAUSE_SQL": "INSERT INTO temp.kalender",
       "PMPAUSE_FLAG": flag, "PMPAUSE_RELEASE": release,
       "SOURCE_DATE_EPOCH": "1767225600"}
p = subprocess.Popen([BIN, "demo", demo], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     text=True, env=robust.san_env(env))
t0 = time.monotonic()
while not os.path.exists(flag) and p.poll() is None and time.monotonic() - t0 < TIMEOUT:
    time.sleep(0.01)
was_paused = os.path.exists(flag)

imported = (None, "", "not run")
if was_paused:
    # Requests of an organisation the demo knows, under ids of their own.
    with sqlite3.connect(db) as con:
        org = con.execute("SELECT organisatie FROM hulpvragen LIMIT 1").fetchone()[0]
    extra = w.file("extra_hulpvragen.csv", csv_text(
        [["id", "organisatie", "ontvangen", "eerste_contact", "status"]] +
        [[f"SNAP-{i:04d}", org, "2026-02-03", "2026-02-04", "lopend"] for i in range(25)]))
    imported = robust.run(["--db", db, "import", extra], timeout=TIMEOUT)
open(release, "w").close()
out, err = p.communicate(timeout=TIMEOUT)

ok = was_paused and imported[0] == 0 and p.returncode == 0
check(ok, "the_demo_paused_in_its_extern_report_while_an_import_committed",
      f"paused {was_paused}; import {imported[0]} {imported[2][-300:]}; "
      f"demo exit {p.returncode}: {err[-500:]}")
if ok:
    ext = toelichting(os.path.join(demo, "rapportage-2026-Q1-extern.xlsx"))
    intern = toelichting(os.path.join(demo, "rapportage-2026-Q1-intern.xlsx"))
    after = os.path.join(w.path, "after.xlsx")
    code, _, rerr = robust.run(["--db", db, "report", "--period", "2026-Q1", "--xlsx", after])
    now = toelichting(after) if code == 0 else None
    check(ext == intern, "extern_and_intern_workbooks_of_one_demo_read_the_same_snapshot",
          f"extern {ext}\nintern {intern}")
    check(now is not None and now != ext,
          "the_import_is_in_the_database_after_the_demo_and_not_in_its_reports",
          f"after {now} {rerr[-300:]}\ndemo {ext}")
done()
