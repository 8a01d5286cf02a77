"""Crash safety (issue 6, point 2; SPEC §8 "never a half-written database or a
half-written output file"): `import` and `report` killed with SIGKILL at many
moments.

Import: a database holding a committed small import gets a large import of
all nine generated files (bench/gen.py), killed
  - at times spread over the reading and checking phase,
  - while SQLite writes the transaction to the WAL (triggered by the WAL's
    size, so the moments fall inside the commit whatever the machine's speed),
  - after the commit, while the WAL is checkpointed into the database.
One uninterrupted import is timed and measured first. After every kill the
database opens (`check` exits 0), passes PRAGMA integrity_check and
foreign_key_check, and holds exactly the before-state or the complete
after-state (row counts and the rows per imported file).

Report: `report --audience intern --xlsx --pdf` killed at times spread over
its run: a file under a final name is always complete (the workbook a valid
zip, testzip() None; the PDF passes qpdf --check); temporary files
(".pm-XXXXXX") may remain after SIGKILL and are listed. A kill never spoils
an older report under the same name, nor the database."""
import os
import re
import signal
import subprocess
import time

import robust
from pmtest import BIN, Workdir, check, done

N_BIG = robust.requests(30000, 8000)
N_SMALL = 2000 if not robust.SANITIZED else 800
PERIOD = "2025-Q4"

w = Workdir()
big = robust.generate(N_BIG, 7, os.path.join(w.path, "big"))
small = robust.generate(N_SMALL, 3, os.path.join(w.path, "small"))
base = os.path.join(w.path, "base.db")
code, out, err = robust.run(["--db", base, "init"])
assert code == 0, err
code, out, err = robust.run(["--db", base, "import"] + small)
assert code == 0, err
before = robust.signature(base)

# ---- the uninterrupted import, timed, with the WAL's growth -----------------

ref = os.path.join(w.path, "after.db")
robust.fresh_copy(base, ref)
t0 = time.monotonic()
p = subprocess.Popen([BIN, "--db", ref, "import"] + big, stdout=subprocess.DEVNULL,
                     stderr=subprocess.PIPE, env=robust.san_env())
t_wal_first = None  # the first frame in the WAL: the commit starts
t_wal_full = None   # the WAL stops growing: the checkpoint runs
wal_max = 0
while p.poll() is None:
    s = robust.wal_size(ref)
    now = time.monotonic() - t0
    if s > 32 and t_wal_first is None:
        t_wal_first = now
    if s > wal_max:
        wal_max = s
        t_wal_full = now
    time.sleep(0.0005)
t_end = time.monotonic() - t0
calib_err = p.stderr.read().decode()
p.stderr.close()
check(p.returncode == 0, "the_uninterrupted_import_succeeds", calib_err)
after = robust.signature(ref)
check(after["hulpvragen"] > before["hulpvragen"] and after["imports"] == before["imports"] + 1,
      "the_after_state_differs_from_the_before_state", f"{before}\n{after}")
if t_wal_first is None:  # too fast to see: fall back to fractions of the run
    t_wal_first, t_wal_full, wal_max = 0.85 * t_end, 0.92 * t_end, 0
print(f"# import of {N_BIG} requests: {t_end:.2f} s; WAL from {t_wal_first:.3f} s, "
      f"full ({wal_max} bytes) at {t_wal_full:.3f} s")


# ---- kills ------------------------------------------------------------------

def kill_import(when):
    """Starts the import on a fresh copy of base and kills it when `when`
    says so; returns (was it still running at the kill, the moment)."""
    db = os.path.join(w.path, "kill.db")
    robust.fresh_copy(base, db)
    t0 = time.monotonic()
    proc = subprocess.Popen([BIN, "--db", db, "import"] + big, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=robust.san_env())
    deadline = t0 + 10 * t_end + 5
    while proc.poll() is None and not when(db, time.monotonic() - t0):
        if time.monotonic() > deadline:
            break
        time.sleep(0.0003)
    running = proc.poll() is None
    moment = time.monotonic() - t0
    try:
        os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    return db, running, moment


scenarios = []
# Reading and checking the files, before any page is written.
for i in range(12):
    d = t_wal_first * (0.02 + 0.96 * i / 11)
    scenarios.append((f"reading_{i:02d}", lambda db, t, d=d: t >= d))
# Writing the transaction into the WAL.
if wal_max:
    for f in (0.0, 0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 0.99):
        size = 33 + int(f * (wal_max - 33))
        scenarios.append((f"wal_write_{round(f * 100):02d}pct",
                          lambda db, t, size=size: robust.wal_size(db) >= size))
else:
    for f in (0.86, 0.88, 0.9, 0.92):
        scenarios.append((f"late_{round(f * 100):02d}pct", lambda db, t, d=f * t_end: t >= d))
# Committed; the WAL is being copied into the database (and then removed).
span = max(t_end - t_wal_full, 0.004)
for f in (0.0, 0.2, 0.45, 0.7):
    def after_full(db, t, f=f, state={}):
        if "full" not in state and robust.wal_size(db) >= wal_max > 0:
            state["full"] = t
        return "full" in state and t >= state["full"] + f * span
    scenarios.append((f"checkpoint_{round(f * 100):02d}pct", after_full))

outcomes = {"before": 0, "after": 0}
killed_running = 0
for name, when in scenarios:
    db, running, moment = kill_import(when)
    killed_running += running
    code, out, err = robust.run(["--db", db, "check"])
    ok_open = code == 0
    integ = robust.integrity(db) if ok_open else "not opened"
    sig = robust.signature(db) if ok_open else None
    state = "before" if sig == before else "after" if sig == after else "partial"
    if state in outcomes:
        outcomes[state] += 1
    print(f"# kill {name}: at {moment:.3f} s, running {running}, state {state}")
    check(ok_open and integ == "ok" and state != "partial",
          f"import_killed_{name}_leaves_a_whole_database",
          f"killed at {moment:.3f} s (running: {running}); check exit {code}\n{err}\n"
          f"integrity: {integ}\nstate: {state}\n{sig}")
print(f"# {len(scenarios)} kills, {killed_running} while running: "
      f"{outcomes['before']} x none of the import, {outcomes['after']} x all of it")
check(len(scenarios) >= 20 and killed_running >= len(scenarios) // 2,
      "at_least_20_kills_and_most_of_them_hit_a_running_import",
      f"{len(scenarios)} kills, {killed_running} while running")
check(outcomes["before"] >= 1, "some_kills_leave_none_of_the_import", outcomes)

# ---- report -------------------------------------------------------------------

rdir = os.path.join(w.path, "rapport")
os.makedirs(rdir)
xlsx = os.path.join(rdir, "r.xlsx")
pdf = os.path.join(rdir, "r.pdf")
args = [BIN, "--db", ref, "report", "--period", PERIOD, "--audience", "intern",
        "--xlsx", xlsx, "--pdf", pdf]
# Timed twice: the first run also fills the font caches.
for _ in range(2):
    t0 = time.monotonic()
    cp = subprocess.run(args, capture_output=True, text=True, env=robust.san_env(),
                        timeout=300)
    t_report = time.monotonic() - t0
check(cp.returncode == 0 and robust.xlsx_problem(xlsx) is None and robust.pdf_problem(pdf) is None,
      "the_uninterrupted_report_writes_a_valid_workbook_and_pdf", cp.stderr)
print(f"# report --xlsx --pdf (intern): {t_report:.2f} s")
good_xlsx = open(xlsx, "rb").read()
good_pdf = open(pdf, "rb").read()


def kill_report(when):
    """Starts the report and kills it when when(t) is true (or it ended)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=robust.san_env())
    while proc.poll() is None and not when(time.monotonic() - t0):
        time.sleep(0.0005)
    running = proc.poll() is None
    try:
        os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    return running


MAGIC = {"r.xlsx": b"PK", "r.pdf": b"%PDF"}


def temp_of(name, min_size=0):
    """A trigger: a temporary file of `name` exists with at least min_size
    bytes. The temporaries have short names (".pm-XXXXXX"), so which output
    one holds is told by its first bytes; an empty one (min_size 0) is any."""
    def when(t):
        for n in robust.temp_files(rdir):
            try:
                p = os.path.join(rdir, n)
                if min_size == 0:
                    return True
                with open(p, "rb") as f:
                    head = f.read(4)
                if head.startswith(MAGIC[name]) and os.path.getsize(p) >= min_size:
                    return True
            except OSError:
                pass
        return False
    return when


def libxlsxwriter_temps():
    """libxlsxwriter (constant_memory, tmpdir beside the target) makes each
    worksheet's temporary file as "tmp.XXXXXXXXXX" and unlinks it at once; a
    SIGKILL in between leaves it behind, empty. Those are allowed here, as
    long as they are empty."""
    return [n for n in os.listdir(rdir) if re.fullmatch(r"tmp\.[A-Za-z0-9]{10}", n)
            and os.path.getsize(os.path.join(rdir, n)) == 0]


def final_files_whole():
    """(ok, detail): each final name absent or a complete file."""
    problems = []
    present = []
    if os.path.exists(xlsx):
        present.append("xlsx")
        pr = robust.xlsx_problem(xlsx)
        if pr:
            problems.append(f"r.xlsx: {pr}")
    if os.path.exists(pdf):
        present.append("pdf")
        pr = robust.pdf_problem(pdf)
        if pr:
            problems.append(f"r.pdf: {pr}")
    return not problems, present, problems


report_scenarios = []
for i in range(12):
    delay = t_report * (0.03 + 0.97 * i / 11)
    report_scenarios.append((f"time_{i:02d}", delay, lambda t, d=delay: t >= d))
report_scenarios += [
    ("xlsx_temp_created", None, temp_of("r.xlsx")),
    ("xlsx_temp_written", None, temp_of("r.xlsx", 20000)),
    ("pdf_temp_created", None, temp_of("r.pdf")),
    ("pdf_temp_written", None, temp_of("r.pdf", 8192)),
]
report_kills = len(report_scenarios)
seen_temps = set()
seen_lib_temps = set()
report_running = 0
for name, delay, when in report_scenarios:
    for f in (xlsx, pdf):
        if os.path.exists(f):
            os.remove(f)
    running = kill_report(when)
    report_running += running
    ok, present, problems = final_files_whole()
    temps = robust.temp_files(rdir)
    seen_temps.update(temps)
    lib_temps = libxlsxwriter_temps()
    seen_lib_temps.update(lib_temps)
    others = [n for n in os.listdir(rdir) if n not in ("r.xlsx", "r.pdf")
              and n not in temps and n not in lib_temps]
    print(f"# report kill {name}: running {running}, final files {present}, temporary {temps}")
    check(ok and not others,
          f"report_killed_{name}_leaves_no_partial_file_under_a_final_name",
          f"running: {running}; present: {present}; problems: {problems}; "
          f"other files: {others}")
    for t in temps + lib_temps:
        os.remove(os.path.join(rdir, t))
print(f"# empty temporary files of libxlsxwriter left by SIGKILL: {sorted(seen_lib_temps) or 'none'}")
print(f"# {report_kills} report kills, {report_running} while running; temporary files "
      f"left by SIGKILL: {sorted(seen_temps) or 'none'}")
check(report_running >= report_kills // 2, "most_report_kills_hit_a_running_report",
      f"{report_running} of {report_kills}")

# An older report under the final names survives a killed run whole.
with open(xlsx, "wb") as f:
    f.write(good_xlsx)
with open(pdf, "wb") as f:
    f.write(good_pdf)
spoiled = []
for trigger in (lambda t: t >= 0.3 * t_report, temp_of("r.xlsx", 20000),
                temp_of("r.pdf", 8192)):
    kill_report(trigger)
    ok, present, problems = final_files_whole()
    if not ok or present != ["xlsx", "pdf"]:
        spoiled.append((present, problems))
check(not spoiled, "a_killed_report_never_spoils_the_previous_report_under_the_same_name",
      spoiled)
for t in robust.temp_files(rdir) + libxlsxwriter_temps():
    os.remove(os.path.join(rdir, t))

code, out, err = robust.run(["--db", ref, "check"])
check(code == 0 and robust.integrity(ref) == "ok" and robust.signature(ref) == after,
      "killed_reports_leave_the_database_as_it_was", err)

cp = subprocess.run(args, capture_output=True, text=True, env=robust.san_env(), timeout=300)
check(cp.returncode == 0 and robust.xlsx_problem(xlsx) is None
      and robust.pdf_problem(pdf) is None and not robust.temp_files(rdir),
      "a_report_after_the_kills_writes_valid_files_and_no_temporary_file", cp.stderr)

done()
