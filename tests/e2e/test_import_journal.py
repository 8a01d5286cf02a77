"""The first load into a store is written with a rollback journal (issue 17
point 5, fourth pass; engine/store.h pm_store_bulk_begin): in WAL mode every
page is written twice, to the WAL and again at the checkpoint. Only a store
without any import takes that path, as nobody can be reading its data yet;
every later import keeps the WAL, so readers keep their snapshot
(test_concurrency).

Checked here, by watching the store's side files while the import runs:
- the first load writes a -journal and no -wal; afterwards the store is in
  WAL mode again (header and PRAGMA), nothing is left beside it, and it holds
  exactly the rows that the WAL path stores for the same files;
- a later import uses the WAL and no journal;
- a first load that fails (a bad row at the end) or is killed leaves the
  store empty, intact and in WAL mode;
- a first load beside a reader that holds the empty store open does not wait
  for it (the switch does not wait) and goes on in WAL mode;
- a command started during the first load waits for it (or says "bezet" after
  the busy timeout), and a reader of another program is kept out, so it cannot
  stall the load;
- a dry run keeps the WAL."""
import os
import signal
import sqlite3
import subprocess
import threading
import time

import robust
from pmtest import BIN, Workdir, check, computed_sums, done, stored_sums

N = robust.requests(20000, 4000)
w = Workdir()
files = robust.generate(N, 11, os.path.join(w.path, "data"))
organisaties = [f for f in files if os.path.basename(f) == "organisaties.csv"]
rest = [f for f in files if os.path.basename(f) != "organisaties.csv"]


class Watch:
    """Polls db-journal and db-wal while a command runs."""

    def __init__(self, db):
        self.db = db
        self.journal = False
        self.wal_max = -1
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop)

    def loop(self):
        while not self.stop.is_set():
            if os.path.exists(self.db + "-journal"):
                self.journal = True
            self.wal_max = max(self.wal_max, robust.wal_size(self.db))
            time.sleep(0.001)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def fresh_store(name):
    db = os.path.join(w.path, name)
    code, _, err = robust.run(["--db", db, "init"])
    assert code == 0, err
    return db


def run_watched(db, args, env=None):
    with Watch(db) as watch:
        res = robust.run(["--db", db] + args, env=env, timeout=600)
    return res, watch


def header_mode(db):
    """Bytes 18 and 19 of the file: 2 for WAL, 1 for a rollback journal."""
    with open(db, "rb") as f:
        head = f.read(20)
    return head[18], head[19]


def journal_mode(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        con.close()


def dump(db):
    class W:
        pass
    v = W()
    v.query = lambda sql, *p: sqlite3.connect(db).execute(sql, p).fetchall()
    data = {t: v.query(f"SELECT * FROM {t} ORDER BY id") for t in
            ("organisaties", "specialisten", "hulpvragen", "inzet", "evaluaties")}
    return data, stored_sums(v), computed_sums(v)


def side_files(db):
    return [s for s in ("-journal",) if os.path.exists(db + s)]


# ---- the first load, and the same files by the WAL path -----------------------

first = fresh_store("first.db")
(code, out, err), watch = run_watched(first, ["import"] + files)
check(code == 0, "the_first_load_succeeds", err[-500:])
check(watch.journal and watch.wal_max <= 0,
      "the_first_load_writes_a_rollback_journal_and_no_wal",
      f"journal seen {watch.journal}, largest -wal {watch.wal_max} bytes")
check(journal_mode(first) == "wal" and header_mode(first) == (2, 2),
      "after_the_first_load_the_store_is_in_wal_mode_again",
      (journal_mode(first), header_mode(first)))
check(side_files(first) == [] and robust.integrity(first) == "ok",
      "no_journal_is_left_and_the_store_is_intact", (side_files(first),
                                                      robust.integrity(first)))

later = fresh_store("later.db")
code1, _, err1 = robust.run(["--db", later, "import"] + organisaties)
(code2, _, err2), watch2 = run_watched(later, ["import"] + rest)
check(code1 == 0 and code2 == 0, "the_same_files_in_two_imports_succeed", err1 + err2)
check(not watch2.journal and watch2.wal_max > 0,
      "an_import_into_a_store_with_data_keeps_the_wal",
      f"journal seen {watch2.journal}, largest -wal {watch2.wal_max} bytes")
d_first, d_later = dump(first), dump(later)
check(d_first[0] == d_later[0], "both_paths_store_the_same_rows")
check(d_first[1] == d_first[2] and d_later[1] == d_later[2] and d_first[1] == d_later[1],
      "both_paths_keep_fingerprint_sums_that_match_the_rows")

# ---- a first load that fails, and one that is killed ---------------------------

bad = os.path.join(w.path, "bad")
os.makedirs(bad)
bad_files = []
for f in files:
    dst = os.path.join(bad, os.path.basename(f))
    with open(f, encoding="utf-8") as src:
        text = src.read()
    if os.path.basename(f) == "inzet.csv":  # the largest file: fails at its end
        lines = text.rstrip("\n").split("\n")
        cells = lines[-1].split(",")
        cells[2] = "2025-02-30"
        lines[-1] = ",".join(cells)
        text = "\n".join(lines) + "\n"
    with open(dst, "w", encoding="utf-8") as out_f:
        out_f.write(text)
    bad_files.append(dst)

failed = fresh_store("failed.db")
before = robust.signature(failed)
(code, out, err), watch = run_watched(failed, ["import"] + bad_files)
check(code == 2 and "2025-02-30" in err, "a_first_load_with_a_bad_last_row_is_refused",
      f"exit {code}\n{err[-400:]}")
check(watch.journal, "the_refused_first_load_had_taken_the_journal_path",
      f"journal seen {watch.journal}")
check(robust.signature(failed) == before and robust.integrity(failed) == "ok",
      "the_refused_first_load_leaves_the_store_empty_and_intact")
check(journal_mode(failed) == "wal" and side_files(failed) == [],
      "the_refused_first_load_leaves_the_store_in_wal_mode",
      (journal_mode(failed), side_files(failed)))
code, _, err = robust.run(["--db", failed, "import"] + files, timeout=600)
check(code == 0, "the_good_files_import_after_the_refusal", err[-300:])

killed = fresh_store("killed.db")
proc = subprocess.Popen([BIN, "--db", killed, "import"] + files, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL, env=robust.san_env())
deadline = time.monotonic() + 120
while not os.path.exists(killed + "-journal") and proc.poll() is None \
        and time.monotonic() < deadline:
    time.sleep(0.001)
time.sleep(0.05)  # into the writing
was_running = proc.poll() is None
proc.send_signal(signal.SIGKILL)
proc.wait()
if was_running:
    code, _, err = robust.run(["--db", killed, "check"])
    counts = robust.signature(killed)
    check(code == 0 and all(v in (0, ()) for v in counts.values()),
          "after_a_killed_first_load_the_store_is_empty_again",
          f"exit {code}\n{err[-300:]}\n{counts}")
    check(robust.integrity(killed) == "ok" and journal_mode(killed) == "wal"
          and side_files(killed) == [],
          "after_a_killed_first_load_the_store_is_intact_and_in_wal_mode",
          (robust.integrity(killed), journal_mode(killed), side_files(killed)))
else:
    check(True, "after_a_killed_first_load_the_store_is_empty_again "
          "# SKIP the import ended before it could be killed")
    check(True, "after_a_killed_first_load_the_store_is_intact_and_in_wal_mode "
          "# SKIP the import ended before it could be killed")

# ---- a reader holds the empty store open --------------------------------------

held = fresh_store("held.db")
con = sqlite3.connect(held, isolation_level=None, timeout=30)
con.execute("BEGIN")
n_before = con.execute("SELECT count(*) FROM hulpvragen").fetchone()[0]
t0 = time.monotonic()
(code, _, err), watch = run_watched(held, ["import"] + files)
secs = time.monotonic() - t0
n_during = con.execute("SELECT count(*) FROM hulpvragen").fetchone()[0]
con.execute("COMMIT")
n_after = con.execute("SELECT count(*) FROM hulpvragen").fetchone()[0]
con.close()
# A wait for the reader would be the 10 s busy timeout and then exit 3: the
# reader holds its read until the import has returned.
check(code == 0, "a_first_load_beside_a_reader_does_not_wait_for_it",
      f"exit {code} after {secs:.1f} s\n{err[-300:]}")
check(not watch.journal and watch.wal_max > 0,
      "a_first_load_beside_a_reader_keeps_the_wal",
      f"journal seen {watch.journal}, largest -wal {watch.wal_max}")
check(n_before == 0 and n_during == 0 and n_after == N,
      "the_reader_keeps_its_snapshot_of_the_empty_store", (n_before, n_during, n_after))

# ---- others during the first load ------------------------------------------------
# The load holds the store alone (BEGIN EXCLUSIVE): a command started during it
# waits for it, and either goes on once the load has committed or, after the
# 10 s busy timeout, stops with the Dutch "bezet" message. A reader of another
# program is kept out the same way, so it cannot stall the load (in rollback
# mode a reader let in would hold up every page the load writes out).

def start_load(db):
    proc = subprocess.Popen([BIN, "--db", db, "import"] + files, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=robust.san_env())
    deadline = time.monotonic() + 120
    while not os.path.exists(db + "-journal") and proc.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.001)
    return proc, proc.poll() is None


during = fresh_store("during.db")
load, running = start_load(during)
t0 = time.monotonic()
code_c, out_c, err_c = robust.run(["--db", during, "check"], timeout=120)
secs_c = time.monotonic() - t0
load_ended_first = load.poll() is not None
load_out, load_err = load.communicate(timeout=600)
if running:
    check(load.returncode == 0 and ((code_c == 0 and load_ended_first) or
                                    (code_c == 3 and secs_c >= 9.0 and "bezet" in err_c
                                     and robust.dutch(err_c))),
          "a_command_during_the_first_load_waits_for_it_or_says_bezet_after_10_s",
          f"load exit {load.returncode} {load_err[-300:]}\n"
          f"check exit {code_c} after {secs_c:.1f} s\n{err_c[-300:]}")
    n_after = sqlite3.connect(during).execute("SELECT count(*) FROM hulpvragen").fetchone()[0]
    check(n_after == N and robust.integrity(during) == "ok",
          "the_first_load_beside_a_waiting_command_is_whole", (n_after, N))
else:
    check(True, "a_command_during_the_first_load_waits_for_it_or_says_bezet_after_10_s "
          "# SKIP the load ended before the command started")
    check(True, "the_first_load_beside_a_waiting_command_is_whole # SKIP as above")

blocked = fresh_store("blocked.db")
load, running = start_load(blocked)
con = sqlite3.connect(blocked, isolation_level=None, timeout=0.2)
kept_out = False
try:
    con.execute("BEGIN")
    con.execute("SELECT count(*) FROM hulpvragen").fetchone()
    time.sleep(15)  # a reader that got in would hold its read this long
    con.execute("COMMIT")
except sqlite3.OperationalError as e:
    kept_out = "locked" in str(e)
con.close()
code_l = load.wait(timeout=600)
if running:
    check(kept_out and code_l == 0, "a_reader_of_another_program_is_kept_out_of_the_first_load",
          f"kept out {kept_out}, load exit {code_l}")
else:
    check(True, "a_reader_of_another_program_is_kept_out_of_the_first_load "
          "# SKIP the load ended before the reader started")

# ---- a dry run ------------------------------------------------------------------

dry = fresh_store("dry.db")
(code, _, err), watch = run_watched(dry, ["import", "--dry-run"] + files)
check(code == 0 and not watch.journal and header_mode(dry) == (2, 2),
      "a_dry_run_keeps_the_wal", f"exit {code}, journal seen {watch.journal}\n{err[-300:]}")

done()
