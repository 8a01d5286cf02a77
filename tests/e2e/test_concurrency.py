"""Concurrent use (issue 6, point 3): readers while an import runs, two imports
at once, an import against a held write lock, and an import while another
process holds a long read.

- While a large import runs (several rounds), `indicators --format json` and
  `check` run over and over in two threads, and one `report --xlsx` runs in the
  middle: every run exits 0 (never "database is locked"), none hangs
  (timeouts), and each sees one snapshot: the figures of every indicator (teller
  and noemer, period and cumulative), the row counts and warning total of
  `check`, and the row counts and data fingerprint in the workbook's
  Definities sheet each equal the before-state or the after-state, never a mix.
- Two imports into the same database at once: the second waits on BEGIN
  IMMEDIATE (busy timeout 10 s) and succeeds after the first; no row is lost
  (the final counts are the union of both).
- An import while another process holds the write lock longer than the busy
  timeout: exit 3 after about 10 s with a Dutch message that names the
  database; nothing written; the same import afterwards succeeds. Held for 2 s:
  the import waits and succeeds.
- An import while a Python sqlite3 connection holds a read transaction: WAL
  lets it through at once; the reader keeps its old snapshot until it ends."""
import json
import os
import re
import sqlite3
import subprocess
import threading
import time

import openpyxl

import robust
from pmtest import BIN, Workdir, check, csv_text, done

N_BIG = robust.requests(30000, 8000)
N_SMALL = 2000 if not robust.SANITIZED else 800
N_EXTRA = 10000 if not robust.SANITIZED else 3000
ROUNDS = 3 if not robust.SANITIZED else 2
PERIOD = "2025-Q4"
TIMEOUT = 120  # seconds; a run that needs longer counts as hanging

w = Workdir()
big = robust.generate(N_BIG, 7, os.path.join(w.path, "big"))
small = robust.generate(N_SMALL, 3, os.path.join(w.path, "small"))
base = os.path.join(w.path, "base.db")
assert robust.run(["--db", base, "init"])[0] == 0
code, out, err = robust.run(["--db", base, "import"] + small)
assert code == 0, err

# A second import with its own ids: requests and hours of an existing
# organisation and specialist, so it can go in before or after the big one.
with open(small[0], encoding="utf-8") as f:
    org = f.read().splitlines()[1].split(",")[0]
extra = [
    w.file("extra_hulpvragen.csv", csv_text(
        [["id", "organisatie", "ontvangen", "eerste_contact", "status"]] +
        [[f"CB-{i:06d}", org, "2025-11-03", "2025-11-04", "lopend"] for i in range(N_EXTRA)])),
    w.file("extra_inzet.csv", csv_text(
        [["id", "specialist", "datum", "uren", "hulpvraag"]] +
        [[f"CI-{i:06d}", "SP01", "2025-11-05", "1,5", f"CB-{i:06d}"] for i in range(N_EXTRA)])),
]


def figures(json_text):
    """Every indicator's teller and noemer, period and cumulative."""
    d = json.loads(json_text)
    return tuple((i["id"], i["periode"]["teller"], i["periode"]["noemer"],
                  i["cumulatief"]["teller"], i["cumulatief"]["noemer"])
                 for i in d["indicatoren"])


def check_state(out):
    """The row counts line and the warning total of `check`."""
    rows = re.search(r"^Rijen: (.*)$", out, re.M)
    total = re.search(r"^(\d+) waarschuwing", out, re.M)
    return (rows.group(1) if rows else None, total.group(1) if total else None)


def toelichting(path):
    """Row counts per dataset and the data fingerprint from the workbook."""
    ws = openpyxl.load_workbook(path, read_only=True)["Definities"]
    rows = [r[:2] for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "Gegevensbestand")
    counts = tuple(rows[start + 1 + k] for k in range(len(robust.DATA_TABLES)))
    fp = next(r[1] for r in rows if r[0] == "Gegevensvingerafdruk")
    return counts, fp


def views(db, tag):
    """What each reader shows of db: (indicators, check, workbook)."""
    code, out, err = robust.run(["--db", db, "indicators", "--period", PERIOD,
                                 "--format", "json"])
    assert code == 0, err
    ind = figures(out)
    code, out, err = robust.run(["--db", db, "check"])
    assert code == 0, err
    chk = check_state(out)
    x = os.path.join(w.path, f"ref-{tag}.xlsx")
    code, out, err = robust.run(["--db", db, "report", "--period", PERIOD, "--xlsx", x])
    assert code == 0, err
    return ind, chk, toelichting(x)


ref_after = os.path.join(w.path, "after.db")
robust.fresh_copy(base, ref_after)
t0 = time.monotonic()
code, out, err = robust.run(["--db", ref_after, "import"] + big)
t_import = time.monotonic() - t0
assert code == 0, err
before_sig, after_sig = robust.signature(base), robust.signature(ref_after)
BEFORE, AFTER = views(base, "before"), views(ref_after, "after")
check(all(BEFORE[k] != AFTER[k] for k in range(3)),
      "every_reader_tells_the_before_state_from_the_after_state", f"{BEFORE}\n{AFTER}")
print(f"# import of {N_BIG} requests alone: {t_import:.2f} s")

# ---- readers during an import -------------------------------------------------


def timed(args):
    t = time.monotonic()
    try:
        cp = subprocess.run([BIN] + args, capture_output=True, text=True,
                            env=robust.san_env(), timeout=TIMEOUT)
        return cp.returncode, cp.stdout, cp.stderr, time.monotonic() - t
    except subprocess.TimeoutExpired:
        return None, "", "timeout", time.monotonic() - t


runs = []  # (kind, exit, stderr, seconds, state: before/after/mixed)
lock = threading.Lock()


def reader(db, kind, importer):
    """Runs `kind` until the import has ended, then once more."""
    last = False
    while True:
        finished = importer.poll() is not None
        if kind == "indicators":
            code, out, err, secs = timed(["--db", db, "indicators", "--period", PERIOD,
                                          "--format", "json"])
            seen = figures(out) if code == 0 else None
            state = ("before" if seen == BEFORE[0] else "after" if seen == AFTER[0]
                     else "mixed")
        else:
            code, out, err, secs = timed(["--db", db, "check"])
            seen = check_state(out) if code == 0 else None
            state = ("before" if seen == BEFORE[1] else "after" if seen == AFTER[1]
                     else "mixed")
        with lock:
            runs.append((kind, code, err, secs, state if code == 0 else "failed", seen))
        if last:
            return
        last = finished


reports = []
for rnd in range(ROUNDS):
    db = os.path.join(w.path, f"live{rnd}.db")
    robust.fresh_copy(base, db)
    importer = subprocess.Popen([BIN, "--db", db, "import"] + big, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=robust.san_env())
    threads = [threading.Thread(target=reader, args=(db, k, importer))
               for k in ("indicators", "check")]
    for t in threads:
        t.start()
    # One report in the middle of the import (later each round).
    time.sleep(t_import * (0.3 + 0.3 * rnd))
    x = os.path.join(w.path, f"live{rnd}.xlsx")
    code, out, err, secs = timed(["--db", db, "report", "--period", PERIOD, "--xlsx", x])
    try:
        seen = toelichting(x) if code == 0 else None
    except Exception as e:  # an unreadable workbook is a failure below
        seen = f"onleesbaar: {e}"
    state = ("before" if seen == BEFORE[2] else "after" if seen == AFTER[2] else "mixed")
    reports.append((code, err, secs, state if code == 0 else "failed"))
    try:
        _, imp_err = importer.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        importer.kill()
        _, imp_err = importer.communicate()
    for t in threads:
        t.join(TIMEOUT)
    check(importer.returncode == 0 and robust.signature(db) == after_sig,
          f"round_{rnd}_the_import_completes_beside_the_readers", imp_err)

failed = [r for r in runs if r[1] != 0]
locked = [r for r in runs + [(None,) + tuple(x) for x in reports]
          if "locked" in str(r[2]) or "bezet" in str(r[2])]
mixed = [r for r in runs if r[4] == "mixed"]
states = {k: {s: sum(1 for r in runs if r[0] == k and r[4] == s)
              for s in ("before", "after", "mixed", "failed")}
          for k in ("indicators", "check")}
print(f"# readers during {ROUNDS} imports: {states}; reports: "
      f"{[(r[3], round(r[2], 2)) for r in reports]}")
check(len(runs) >= 6 * ROUNDS and not failed,
      "every_indicators_and_check_run_during_an_import_exits_0",
      "\n".join(f"{r[0]}: exit {r[1]} after {r[3]:.1f} s: {r[2][-300:]}" for r in failed))
check(not locked, "no_reader_reports_a_locked_database",
      "\n".join(str(r[:3]) for r in locked))
check(max(r[3] for r in runs) < TIMEOUT and all(r[0] is not None for r in reports),
      "no_reader_hangs", f"slowest: {max(r[3] for r in runs):.1f} s")
check(not [r for r in runs if r[0] == "indicators" and r[4] == "mixed"],
      "each_indicators_run_sees_all_of_the_import_or_none",
      "\n".join(str(r[5]) for r in mixed if r[0] == "indicators"))
check(not [r for r in runs if r[0] == "check" and r[4] == "mixed"],
      "each_check_run_sees_all_of_the_import_or_none",
      "\n".join(str(r[5]) for r in mixed if r[0] == "check"))
check(states["indicators"]["before"] >= 1 and states["indicators"]["after"] >= 1,
      "readers_saw_both_the_state_before_and_after_the_import", states)
check(all(r[0] == 0 and r[3] in ("before", "after") for r in reports),
      "each_report_during_an_import_exits_0_and_its_workbook_shows_one_snapshot",
      "\n".join(f"exit {r[0]}, {r[3]}: {r[1][-300:]}" for r in reports))

# ---- a reader stopped in the middle while an import commits -----------------------
# The pause shim stops the reader at one SQL statement; the whole big import
# runs and commits; then the reader goes on. What it shows must still be the
# state it started from: one snapshot for the whole run.

pause = robust.build_shim("pmpause", w.path)


def paused_reader(args, sql, tag):
    db = os.path.join(w.path, f"pause-{tag}.db")
    robust.fresh_copy(base, db)
    flag = os.path.join(w.path, f"pause-{tag}.flag")
    release = os.path.join(w.path, f"pause-{tag}.release")
    env = {"LD_PRELOAD": pause, "PMPAUSE_SQL": sql, "PMPAUSE_FLAG": flag,
           "PMPAUSE_RELEASE": release}
    r = subprocess.Popen([BIN, "--db", db] + args, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=robust.san_env(env))
    t0 = time.monotonic()
    while not os.path.exists(flag) and r.poll() is None and time.monotonic() - t0 < TIMEOUT:
        time.sleep(0.005)
    was_paused = os.path.exists(flag)
    imp = robust.run(["--db", db, "import"] + big, timeout=TIMEOUT)
    open(release, "w").close()
    out, err = r.communicate(timeout=TIMEOUT)
    return was_paused, imp, r.returncode, out, err


if pause:
    cases = [
        ("indicators", ["indicators", "--period", PERIOD, "--format", "json"],
         "FROM specialisten s ORDER BY s.id", "between_R2_and_R3",
         lambda out, path: figures(out), 0),
        ("check", ["check"], 'SELECT count(*) FROM "inzet"', "between_two_row_counts",
         lambda out, path: check_state(out), 1),
        ("report", ["report", "--period", PERIOD, "--xlsx", "PATH"],
         "SELECT som, rijen FROM vingerafdruk", "before_the_fingerprint",
         lambda out, path: toelichting(path), 2),
    ]
    for kind, args, sql, where, read, k in cases:
        path = os.path.join(w.path, f"pause-{kind}.xlsx")
        args = [path if a == "PATH" else a for a in args]
        was_paused, imp, code, out, err = paused_reader(args, sql, kind)
        seen = read(out, path) if code == 0 else None
        state = "before" if seen == BEFORE[k] else "after" if seen == AFTER[k] else "mixed"
        print(f"# {kind} paused {where} while an import committed: exit {code}, {state}")
        check(was_paused and imp[0] == 0 and code == 0 and state == "before",
              f"{kind}_paused_{where}_while_an_import_commits_shows_the_state_it_started_from",
              f"paused: {was_paused}; import exit {imp[0]} {imp[2][-200:]}; exit {code}; "
              f"state {state}\nseen:   {seen}\nbefore: {BEFORE[k]}\nafter:  {AFTER[k]}\n{err[-300:]}")
else:
    check(True, "readers_paused_while_an_import_commits # SKIP no C compiler for the pause shim")

# ---- two imports at once ------------------------------------------------------


def holds_write_lock(db):
    """True when another connection has the write lock: BEGIN IMMEDIATE
    without waiting fails (when it succeeds, it is let go at once)."""
    if not os.path.exists(db + "-wal"):
        return False
    con = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        con.close()


db = os.path.join(w.path, "two.db")
robust.fresh_copy(base, db)
t0 = time.monotonic()
a = subprocess.Popen([BIN, "--db", db, "import"] + big, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, env=robust.san_env())
while not holds_write_lock(db) and a.poll() is None:  # until a has BEGIN IMMEDIATE
    time.sleep(0.002)
a_held = a.poll() is None
t_b = time.monotonic()
b = subprocess.Popen([BIN, "--db", db, "import"] + extra, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, env=robust.san_env())
b_out, b_err = b.communicate(timeout=TIMEOUT)
t_b_end = time.monotonic()
a_out, a_err = a.communicate(timeout=TIMEOUT)
sig = robust.signature(db)
want = dict(after_sig)
print(f"# two imports: the big one exit {a.returncode}, the second exit {b.returncode} "
      f"after {t_b_end - t_b:.2f} s (the big one alone: {t_import:.2f} s)")
# The second import waits at most the 10 s busy timeout: on a machine so
# loaded that the big import alone takes longer, giving up with exit 3 is
# the designed outcome (tested below), so this case cannot be judged there.
if t_import > 8.0 and a.returncode == 0 and b.returncode == 3:
    check(True, "two_imports_at_once_both_succeed_the_second_waits_for_the_first # SKIP "
          f"the big import alone took {t_import:.1f} s, near the 10 s busy timeout")
else:
    check(a.returncode == 0 and b.returncode == 0,
          "two_imports_at_once_both_succeed_the_second_waits_for_the_first",
          f"first: {a.returncode} {a_err[-300:]}\nsecond: {b.returncode} {b_err[-300:]}")
check(a_held and t_b_end - t_b >= 0.3 * t_import,
      "the_second_import_waited_on_the_write_lock",
      f"first held the lock: {a_held}; second took {t_b_end - t_b:.2f} s")
second_done = b.returncode == 0
check(sig["hulpvragen"] == after_sig["hulpvragen"] + (N_EXTRA if second_done else 0)
      and sig["inzet"] == after_sig["inzet"] + (N_EXTRA if second_done else 0)
      and sig["imports"] == after_sig["imports"] + (1 if second_done else 0)
      and all(sig[t] == after_sig[t] for t in robust.DATA_TABLES
              if t not in ("hulpvragen", "inzet")),
      "two_imports_at_once_lose_no_row", f"{sig}\nafter the big one alone: {after_sig}")
check(robust.integrity(db) == "ok", "two_imports_at_once_leave_an_intact_database")

# ---- an import against a write lock held by another process -------------------


def hold_write_lock(db, seconds, ready):
    con = sqlite3.connect(db, isolation_level=None, timeout=30)
    con.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    con.execute("ROLLBACK")
    con.close()


HOLD = 14.0  # seconds: longer than the busy timeout of 10 s, with room for a slow start
db = os.path.join(w.path, "held.db")
robust.fresh_copy(base, db)
ready = threading.Event()
holder = threading.Thread(target=hold_write_lock, args=(db, HOLD, ready))
holder.start()
ready.wait()
t0 = time.monotonic()
code, out, err = robust.run(["--db", db, "import"] + extra, timeout=TIMEOUT)
secs = time.monotonic() - t0
holder.join()
print(f"# import against a write lock held {HOLD} s: exit {code} after {secs:.1f} s: "
      f"{err.strip()}")
check(code == 3 and 9.5 <= secs < HOLD, "an_import_gives_up_after_the_10_s_busy_timeout_with_exit_3",
      f"exit {code} after {secs:.1f} s\n{err}")
check(robust.dutch(err) and "bezet" in err and db in err,
      "the_message_says_in_dutch_that_the_named_database_is_busy", err)
check(robust.signature(db) == before_sig, "an_import_that_gave_up_wrote_nothing")
code, out, err = robust.run(["--db", db, "import"] + extra)
sig = robust.signature(db)
check(code == 0 and sig["hulpvragen"] == before_sig["hulpvragen"] + N_EXTRA,
      "the_same_import_succeeds_once_the_lock_is_gone", err)

ready = threading.Event()
holder = threading.Thread(target=hold_write_lock, args=(db, 2.0, ready))
robust.fresh_copy(base, db)
holder.start()
ready.wait()
t0 = time.monotonic()
code, out, err = robust.run(["--db", db, "import"] + extra, timeout=TIMEOUT)
secs = time.monotonic() - t0
holder.join()
check(code == 0 and secs >= 1.5 and robust.signature(db)["hulpvragen"]
      == before_sig["hulpvragen"] + N_EXTRA,
      "an_import_waits_for_a_short_write_lock_and_succeeds", f"exit {code} after {secs:.1f} s\n{err}")

# ---- an import while another process holds a long read ---------------------------

db = os.path.join(w.path, "read.db")
robust.fresh_copy(base, db)
con = sqlite3.connect(db, isolation_level=None, timeout=30)
con.execute("BEGIN")
n0 = con.execute("SELECT count(*) FROM hulpvragen").fetchone()[0]
t0 = time.monotonic()
code, out, err = robust.run(["--db", db, "import"] + extra, timeout=TIMEOUT)
secs = time.monotonic() - t0
n_during = con.execute("SELECT count(*) FROM hulpvragen").fetchone()[0]
con.execute("COMMIT")
n_after = con.execute("SELECT count(*) FROM hulpvragen").fetchone()[0]
code_chk, out_chk, err_chk = robust.run(["--db", db, "check"])
con.close()
# Blocked by the reader, it could never finish (the reader holds its read
# until the import has returned), so it would give up after the 10 s busy
# timeout with exit 3: exit 0 is the proof. No bound on the time: under ASan
# on a loaded machine the import alone takes 12-15 s.
check(code == 0, "an_import_proceeds_while_another_process_holds_a_read",
      f"exit {code} after {secs:.1f} s\n{err}")
check(n_during == n0 and n_after == n0 + N_EXTRA,
      "the_reader_keeps_its_snapshot_and_sees_the_import_after_its_transaction",
      f"{n0} -> {n_during} -> {n_after}")
check(code_chk == 0 and robust.integrity(db) == "ok",
      "the_database_is_intact_after_import_beside_a_long_read", err_chk)

# ---- two processes upgrading the same old database at once -------------------------
# Both read schema version 1 before either holds the write lock; the second
# must find the migration done under the lock, not run it again.

old_db = os.path.join(w.path, "v1.db")
assert robust.run(["--db", old_db, "init"])[0] == 0
assert robust.run(["--db", old_db, "import"] + small)[0] == 0
con = sqlite3.connect(old_db, isolation_level=None)
con.execute("DROP TABLE vingerafdruk")
con.execute("DROP TABLE ingetrokken")  # version 3's table
con.execute("DROP TABLE verzonden")  # version 4's table
con.execute("DROP TABLE kolommen")  # version 5's table
con.execute("PRAGMA user_version = 1")
con.execute("BEGIN IMMEDIATE")
procs = [subprocess.Popen([BIN, "--db", old_db, "check"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) for _ in range(2)]
time.sleep(1.0)  # both have read version 1 and wait for the lock
con.execute("COMMIT")
con.close()
results = [(p.wait(timeout=TIMEOUT), p.communicate()[1]) for p in procs]
version = sqlite3.connect(old_db).execute("PRAGMA user_version").fetchone()[0]
check(all(code == 0 for code, _ in results) and version == 7,
      "two_processes_opening_an_old_database_at_once_both_succeed_and_migrate_once",
      (results, version))

done()
