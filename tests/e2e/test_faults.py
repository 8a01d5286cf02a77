"""A faulty environment (issue 6, point 4; SPEC §8 exit codes): each fault gives
a Dutch message that names the file, the documented exit code, and loses
nothing already stored (the database's rows, an older report under the same
name).

Faults, and how they are made:
- unwritable output folder: a path below a regular file (root ignores chmod),
  a folder that does not exist, a folder as the output name, a read-only
  tmpfs (when `mount` works here) and EROFS injected by tests/faultinject/
  pmfault.c (always, when cc works);
- a full disk while writing a report: a tiny tmpfs that is nearly full (when
  `mount` works) and ENOSPC injected after N bytes by pmfault.c;
- a full disk during import: the database on a tmpfs with little room (when
  `mount` works) and ENOSPC injected into the database and its WAL after N
  bytes, from the first write to the checkpoint after the commit;
- a read-only database: `chattr +i` on the file (when it works), a read-only
  bind mount of its folder (when `mount` works), and EROFS on opening the file
  for writing (pmfault.c);
- a file that is not SQLite, a SQLite database of another program, a database
  of a newer schema version (user_version 99), a database path that is a
  folder, a database that does not exist;
- demo with a missing fixture folder (PIJLERMONITOR_FIXTURES=/nope); a missing
  and an invalid --config; an unknown --audience."""
import atexit
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys

import robust
from pmtest import Workdir, check, done

PERIOD = "2025-Q4"
N_SMALL = 1500 if not robust.SANITIZED else 600
N_IMPORT = robust.requests(6000, 2500)

w = Workdir()
small = robust.generate(N_SMALL, 3, os.path.join(w.path, "small"))
extra = robust.generate(N_IMPORT, 11, os.path.join(w.path, "extra"))
base = os.path.join(w.path, "base.db")
assert robust.run(["--db", base, "init"])[0] == 0
code, out, err = robust.run(["--db", base, "import"] + small)
assert code == 0, err
BEFORE = robust.signature(base)
shim = robust.build_shim("pmfault", w.path)


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def copy_base(name):
    db = os.path.join(w.path, name)
    robust.fresh_copy(base, db)
    return db


def expect(res, code, name, names=(), must=(), what=""):
    """One check: exit `code`, a Dutch message naming each of `names`, and
    each word of `must` in it."""
    rc, out, err = res
    text = out + err
    missing = [n for n in names if n not in text]
    lacking = [m for m in must if m not in text]
    ok = rc == code and (code == 0 or robust.dutch(err)) and not missing and not lacking
    check(ok, name, f"{what}\nexit {rc} (want {code}); not named: {missing}; "
                    f"lacking: {lacking}\n--- stderr\n{err[-1500:]}\n--- stdout\n{out[-500:]}")
    return ok


# ---- mounting -----------------------------------------------------------------

mounts = []


def unmount_all():
    for m in reversed(mounts):
        subprocess.run(["umount", m], capture_output=True)
        if os.path.ismount(m):
            subprocess.run(["umount", "-l", m], capture_output=True)
    mounts.clear()


atexit.register(unmount_all)  # runs before Workdir's removal (registered later)
# meson's timeout ends a test with SIGTERM: unmount then too.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))


def mount_tmpfs(name, size, ro=False):
    """A tmpfs of `size` at a new folder; None when mounting is not allowed."""
    d = os.path.join(w.path, name)
    os.makedirs(d, exist_ok=True)
    opts = f"size={size}" + (",ro" if ro else "")
    try:
        cp = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", d],
                            capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if cp.returncode != 0 or not os.path.ismount(d):
        return None
    mounts.append(d)
    return d


def unmount(d):
    subprocess.run(["umount", d], capture_output=True)
    if d in mounts:
        mounts.remove(d)


# PM_FAULTS_NO_MOUNT=1 runs the tests as where mounting is not allowed.
probe = None if os.environ.get("PM_FAULTS_NO_MOUNT") else mount_tmpfs("probe", "64k")
CAN_MOUNT = probe is not None
if CAN_MOUNT:
    unmount(probe)
print(f"# mount -t tmpfs: {'allowed' if CAN_MOUNT else 'not allowed here'}; "
      f"LD_PRELOAD shim: {'built' if shim else 'not available'}")
if not CAN_MOUNT:
    check(True, "faults_on_tmpfs_and_read_only_mounts # SKIP mount is not permitted here; "
                "the LD_PRELOAD shim stands in")
if not shim:
    check(True, "faults_injected_with_the_LD_PRELOAD_shim # SKIP no C compiler")


def fault_env(mode, marker, limit=0, suffix=False):
    e = {"LD_PRELOAD": shim, "PMFAULT_MODE": mode, "PMFAULT_MARKER": marker,
         "PMFAULT_LIMIT": str(limit)}
    if suffix:
        e["PMFAULT_SUFFIX"] = "1"
    return e


def report_args(db, xlsx=None, pdf=None, png=None, audience="intern"):
    a = ["--db", db, "report", "--period", PERIOD]
    if audience:
        a += ["--audience", audience]
    if xlsx:
        a += ["--xlsx", xlsx]
    if pdf:
        a += ["--pdf", pdf]
    if png:
        a += ["--png", png]
    return a


# ---- unwritable output folder -----------------------------------------------------

plain = w.file("gewoon-bestand.txt", "ik ben geen map\n")
for kind in ("xlsx", "pdf"):
    target = os.path.join(plain, f"r.{kind}")
    res = robust.run(report_args(base, **{kind: target}))
    expect(res, 3, f"report_{kind}_below_a_regular_file_exits_3_naming_the_file",
           names=[target], must=["geen map"])
target = os.path.join(plain, "grafieken")
expect(robust.run(report_args(base, png=target)), 3,
       "report_png_below_a_regular_file_exits_3_naming_the_folder", names=[plain])
target = os.path.join(w.path, "bestaat-niet", "r.xlsx")
expect(robust.run(report_args(base, xlsx=target)), 3,
       "report_into_a_missing_folder_exits_3_naming_the_file", names=[target],
       must=["bestaat niet"])
folder = os.path.join(w.path, "een-map.xlsx")
os.makedirs(folder)
expect(robust.run(report_args(base, xlsx=folder)), 3,
       "report_onto_a_folder_exits_3_naming_it", names=[folder], must=["map"])
check(robust.temp_files(w.path) == [] and os.listdir(folder) == [],
      "failed_reports_leave_no_temporary_file", robust.temp_files(w.path))

if CAN_MOUNT:
    ro = mount_tmpfs("ro-uitvoer", "256k", ro=True)
    for kind in ("xlsx", "pdf"):
        target = os.path.join(ro, f"r.{kind}")
        expect(robust.run(report_args(base, **{kind: target})), 3,
               f"report_{kind}_into_a_read_only_mount_exits_3_naming_the_file",
               names=[target], must=["alleen-lezen"])
    unmount(ro)
if shim:
    rodir = os.path.join(w.path, "ro-shim")
    os.makedirs(rodir)
    for kind in ("xlsx", "pdf"):
        target = os.path.join(rodir, f"r.{kind}")
        res = robust.run(report_args(base, **{kind: target}), env=fault_env("rofs", rodir))
        expect(res, 3, f"report_{kind}_into_a_folder_failing_with_EROFS_exits_3_naming_the_file",
               names=[target], must=["alleen-lezen"])
    check(os.listdir(rodir) == [], "a_read_only_folder_gets_no_file", os.listdir(rodir))

# ---- a full disk while writing a report -----------------------------------------

good = os.path.join(w.path, "goed")
os.makedirs(good)
code, out, err = robust.run(report_args(base, os.path.join(good, "r.xlsx"),
                                        os.path.join(good, "r.pdf"), audience="extern"))
assert code == 0, err

if CAN_MOUNT:
    tiny = mount_tmpfs("64k", "64k")
    xlsx, pdf = os.path.join(tiny, "r.xlsx"), os.path.join(tiny, "r.pdf")
    res = robust.run(report_args(base, xlsx, pdf))
    expect(res, 3, "report_into_a_64_kb_tmpfs_exits_3_naming_the_file", names=[xlsx],
           must=["schijf is vol"])
    check(os.listdir(tiny) == [], "a_64_kb_tmpfs_keeps_no_partial_and_no_temporary_file",
          os.listdir(tiny))
    # The charts: the first PNG (about 35 KB) fits, the next one does not.
    # All or none (issue 11 point 3): the chart folder this run made goes
    # again, with the charts that did fit.
    pngs = os.path.join(tiny, "grafieken")
    expect(robust.run(report_args(base, png=pngs)), 3,
           "report_png_into_a_64_kb_tmpfs_exits_3", names=[pngs], must=["schijf is vol"])
    check(os.listdir(tiny) == [], "a_full_disk_leaves_no_chart_and_not_the_new_chart_folder",
          os.listdir(tiny))
    unmount(tiny)

    full = mount_tmpfs("vol", "320k")
    # An older report under the final names, then filler up to 16 KB of room.
    for kind in ("xlsx", "pdf"):
        shutil.copyfile(os.path.join(good, f"r.{kind}"), os.path.join(full, f"r.{kind}"))
    old = {k: sha(os.path.join(full, f"r.{k}")) for k in ("xlsx", "pdf")}
    st = os.statvfs(full)
    room = st.f_bavail * st.f_frsize
    with open(os.path.join(full, "vulling"), "wb") as f:
        f.write(b"\0" * max(0, room - 16384))
    for kind, args in (("xlsx", dict(xlsx=os.path.join(full, "r.xlsx"))),
                       ("pdf", dict(pdf=os.path.join(full, "r.pdf"))),
                       ("png", dict(png=os.path.join(full, "grafieken")))):
        target = list(args.values())[0]
        res = robust.run(report_args(base, **args))
        expect(res, 3, f"report_{kind}_on_a_full_disk_exits_3_naming_the_file",
               names=[target], must=["schijf is vol"])
        if kind == "xlsx" and "[ERROR]" in res[2]:
            print("# libxlsxwriter itself also prints English [ERROR] lines on stderr")
    check(robust.temp_files(full) == [], "a_full_disk_keeps_no_temporary_report_file",
          robust.temp_files(full))
    check(all(sha(os.path.join(full, f"r.{k}")) == old[k] for k in old),
          "the_older_report_under_the_same_name_is_unchanged_after_a_full_disk")
    unmount(full)

if shim:
    sdir = os.path.join(w.path, "shim-vol")
    os.makedirs(sdir)
    for kind in ("xlsx", "pdf"):
        shutil.copyfile(os.path.join(good, f"r.{kind}"), os.path.join(sdir, f"r.{kind}"))
    old = {k: sha(os.path.join(sdir, f"r.{k}")) for k in ("xlsx", "pdf")}
    for kind in ("xlsx", "pdf"):
        for limit in (0, 4096, 40000):
            target = os.path.join(sdir, f"r.{kind}")
            res = robust.run(report_args(base, **{kind: target}),
                             env=fault_env("full", sdir, limit))
            expect(res, 3, f"report_{kind}_with_ENOSPC_after_{limit}_bytes_exits_3_naming_the_file",
                   names=[target], must=["schijf is vol"])
    check(robust.temp_files(sdir) == [] and
          all(sha(os.path.join(sdir, f"r.{k}")) == old[k] for k in old),
          "injected_short_writes_leave_no_temporary_file_and_the_older_report_intact",
          os.listdir(sdir))

check(robust.signature(base) == BEFORE, "report_faults_leave_the_database_as_it_was")

# ---- a full disk during import ----------------------------------------------------


def import_outcome(db, res, name, names):
    """Exit 3 with nothing stored, or exit 0 with all of it: never between."""
    rc, out, err = res
    integ = robust.integrity(db)
    sig = robust.signature(db) if integ == "ok" else None
    if rc == 3:
        expect(res, 3, name + "_exits_3_naming_the_database", names=names,
               must=["niets opgeslagen"])
        check(integ == "ok" and sig == BEFORE, name + "_stores_nothing",
              f"integrity {integ}")
    else:
        check(rc == 0 and integ == "ok" and sig is not None
              and sig["imports"] == BEFORE["imports"] + 1,
              name + "_either_fails_or_stores_all", f"exit {rc}; integrity {integ}\n{err}")


if CAN_MOUNT:
    room = os.path.getsize(base) + 300 * 1024
    d = mount_tmpfs("vol-db", str(room))
    db = os.path.join(d, "pm.db")
    shutil.copyfile(base, db)
    res = robust.run(["--db", db, "import"] + extra)
    check(res[0] == 3, "import_onto_a_full_tmpfs_fails", res)
    import_outcome(db, res, "import_onto_a_full_tmpfs", [db])
    expect(robust.run(["--db", db, "check"]), 0, "the_database_on_the_full_tmpfs_still_checks_out")
    unmount(d)

if shim:
    # The WAL of this import is a few MB; the limits fall on opening (shm),
    # at the start and in the middle of the commit, and in the checkpoint.
    for limit in (0, 40000, 400000, 2000000, 6000000, 9000000):
        db = copy_base(f"enospc-{limit}.db")
        res = robust.run(["--db", db, "import"] + extra, env=fault_env("full", db, limit))
        if limit == 0:  # the database cannot even be opened: nothing to lose
            expect(res, 3, "import_with_ENOSPC_from_the_first_byte_exits_3_naming_the_database",
                   names=[db])
            check(robust.signature(db) == BEFORE, "import_with_ENOSPC_from_the_first_byte_stores_nothing")
        else:
            print(f"# ENOSPC after {limit} bytes: import exit {res[0]}")
            import_outcome(db, res, f"import_with_ENOSPC_after_{limit}_bytes", [db])

if shim:
    # The first load into an empty store goes through a rollback journal, not
    # the WAL (docs/DESIGN.md, "Issue 17 point 5, fourth pass"); the marker
    # matches the store and its -journal. Exit 3 with the store still empty,
    # or exit 0 with all of it; intact, and in WAL mode after the next command.
    empty = os.path.join(w.path, "leeg.db")
    assert robust.run(["--db", empty, "init"])[0] == 0
    EMPTY = robust.signature(empty)
    for limit in (40000, 400000, 2000000, 6000000):
        db = os.path.join(w.path, f"eerste-{limit}.db")
        robust.fresh_copy(empty, db)
        rc, out, err = robust.run(["--db", db, "import"] + extra,
                                  env=fault_env("full", db, limit))
        print(f"# first load, ENOSPC after {limit} bytes: import exit {rc}")
        name = f"first_load_with_ENOSPC_after_{limit}_bytes"
        integ = robust.integrity(db)
        sig = robust.signature(db) if integ == "ok" else None
        if rc == 3:
            expect((rc, out, err), 3, name + "_exits_3_naming_the_database", names=[db],
                   must=["niets opgeslagen"])
            check(integ == "ok" and sig == EMPTY, name + "_stores_nothing",
                  f"integrity {integ}")
        else:
            check(rc == 0 and integ == "ok" and sig["imports"] == 1,
                  name + "_either_fails_or_stores_all", f"exit {rc}; integrity {integ}\n{err}")
        # The switch back may itself have met the full disk; then the next
        # command's open makes it.
        code_chk = robust.run(["--db", db, "check"])[0]
        mode = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
        check(code_chk == 0 and mode == "wal" and not os.path.exists(db + "-journal"),
              name + "_then_checks_out_in_wal_mode", (code_chk, mode))

# ---- a read-only database -----------------------------------------------------------

db = copy_base("onveranderlijk.db")
h = sha(db)
cp = subprocess.run(["chattr", "+i", db], capture_output=True, text=True) \
    if shutil.which("chattr") else None
if cp is not None and cp.returncode == 0:
    try:
        res = robust.run(["--db", db, "import"] + extra)
        expect(res, 3, "import_into_an_immutable_database_exits_3_naming_it", names=[db],
               must=["alleen-lezen"])
        res = robust.run(["--db", db, "indicators", "--period", PERIOD, "--format", "json"])
        check(res[0] == 0, "indicators_still_read_an_immutable_database", res[2])
    finally:
        subprocess.run(["chattr", "-i", db])
    check(sha(db) == h and robust.signature(db) == BEFORE,
          "an_immutable_database_is_unchanged")
else:
    check(True, "import_into_an_immutable_database # SKIP chattr +i does not work here")

if CAN_MOUNT:
    src = os.path.join(w.path, "ro-bron")
    os.makedirs(src)
    db_src = os.path.join(src, "pm.db")
    shutil.copyfile(base, db_src)
    h = sha(db_src)
    mnt = os.path.join(w.path, "ro-db")
    os.makedirs(mnt)
    ok = subprocess.run(["mount", "--bind", src, mnt], capture_output=True).returncode == 0
    if ok:
        mounts.append(mnt)
        ok = subprocess.run(["mount", "-o", "remount,bind,ro", mnt],
                            capture_output=True).returncode == 0
    if ok:
        db = os.path.join(mnt, "pm.db")
        expect(robust.run(["--db", db, "import"] + extra), 3,
               "import_into_a_database_on_a_read_only_mount_exits_3_naming_it", names=[db],
               must=["alleen-lezen"])
        expect(robust.run(["--db", db, "indicators", "--period", PERIOD]), 3,
               "indicators_on_a_read_only_mount_exit_3_and_say_why", names=[db],
               must=["alleen-lezen"])
    if mnt in mounts:
        unmount(mnt)
    check(sha(db_src) == h, "a_database_on_a_read_only_mount_is_unchanged")

if shim:
    db = copy_base("erofs.db")
    h = sha(db)
    res = robust.run(["--db", db, "import"] + extra, env=fault_env("rofs", db, suffix=True))
    expect(res, 3, "import_into_a_database_that_opens_only_read_only_exits_3_naming_it",
           names=[db], must=["alleen-lezen"])
    check(sha(db) == h, "a_database_that_opens_only_read_only_is_unchanged")

# ---- files that are not (our) database ----------------------------------------------

text = w.file("tekst.db", "Dit is een boodschappenlijst, geen database.\n" * 20)
h = sha(text)
for args, code, name in ((["import"] + small, 3, "import"), (["check"], 3, "check"),
                         (["indicators", "--period", PERIOD], 3, "indicators"),
                         (["init"], 3, "init")):
    expect(robust.run(["--db", text] + args), code,
           f"{name}_on_a_file_that_is_not_sqlite_exits_3_naming_it", names=[text],
           must=["geen SQLite-database"])
check(sha(text) == h, "a_file_that_is_not_sqlite_is_never_changed")

other = os.path.join(w.path, "ander-programma.db")
con = sqlite3.connect(other)
con.execute("CREATE TABLE adressen (naam TEXT)")
con.execute("INSERT INTO adressen VALUES ('Jan')")
con.commit()
con.close()
h = sha(other)
expect(robust.run(["--db", other, "import"] + small), 3,
       "import_into_another_programs_sqlite_database_exits_3_naming_it", names=[other],
       must=["ander programma"])
check(sha(other) == h, "another_programs_database_is_never_changed")

newer = copy_base("nieuwer.db")
con = sqlite3.connect(newer)
con.execute("PRAGMA user_version = 99")
con.commit()
con.close()
h = sha(newer)
for args, name in ((["import"] + extra, "import"), (["check"], "check"),
                   (["indicators", "--period", PERIOD], "indicators"),
                   (["init"], "init"),
                   (report_args(newer, xlsx=os.path.join(w.path, "n.xlsx"))[2:], "report")):
    expect(robust.run(["--db", newer] + args), 3,
           f"{name}_on_a_database_of_schema_version_99_exits_3_naming_it", names=[newer],
           must=["schemaversie 99"])
check(sha(newer) == h and not os.path.exists(os.path.join(w.path, "n.xlsx")),
      "a_newer_database_is_never_changed_and_no_report_is_written")

folder_db = os.path.join(w.path, "map.db")
os.makedirs(folder_db)
for args, name in ((["init"], "init"), (["import"] + small, "import"), (["check"], "check"),
                   (report_args(folder_db, xlsx=os.path.join(w.path, "m.xlsx"))[2:], "report")):
    expect(robust.run(["--db", folder_db] + args), 3,
           f"{name}_with_a_folder_as_database_exits_3_naming_it", names=[folder_db],
           must=["is een map"])
check(os.listdir(folder_db) == [], "a_folder_given_as_database_stays_empty")

missing = os.path.join(w.path, "bestaat-niet.db")
expect(robust.run(["--db", missing, "import"] + small), 3,
       "import_into_a_missing_database_exits_3_naming_it", names=[missing],
       must=["bestaat niet"])
check(not os.path.exists(missing), "a_missing_database_is_not_created_by_import")

# ---- demo without fixtures --------------------------------------------------------

demo = os.path.join(w.path, "demo")
os.makedirs(demo)
kept = os.path.join(demo, "pijlermonitor.db")
shutil.copyfile(base, kept)
h = sha(kept)
expect(robust.run(["demo", demo], env={"PIJLERMONITOR_FIXTURES": "/nope"}), 3,
       "demo_with_a_missing_fixture_folder_exits_3_naming_it", names=["/nope"],
       must=["demogegevens"])
check(sha(kept) == h, "demo_without_fixtures_keeps_the_database_already_in_its_folder")

# ---- configuration and options --------------------------------------------------------

nocfg = os.path.join(w.path, "geen-config.json")
for args, name in ((["indicators", "--period", PERIOD], "indicators"), (["check"], "check"),
                   (report_args(base, xlsx=os.path.join(w.path, "c.xlsx"))[2:], "report")):
    expect(robust.run(["--db", base] + args + ["--config", nocfg]), 3,
           f"{name}_with_a_missing_config_file_exits_3_naming_it", names=[nocfg],
           must=["bestaat niet"])
unknown_key = w.file("config-sleutel.json", '{"programa_start": "2024-07-01"}\n')
broken = w.file("config-kapot.json", '{"naam": "Pijler 2",\n')
for cfg, what in ((unknown_key, "an_unknown_key"), (broken, "broken_json")):
    for args, name in ((["indicators", "--period", PERIOD], "indicators"),
                       (report_args(base, xlsx=os.path.join(w.path, "c.xlsx"))[2:], "report")):
        expect(robust.run(["--db", base] + args + ["--config", cfg]), 2,
               f"{name}_with_a_config_with_{what}_exits_2_naming_it", names=[cfg])
check(not os.path.exists(os.path.join(w.path, "c.xlsx")),
      "no_report_is_written_with_a_bad_config")

for args, name in ((["indicators", "--period", PERIOD], "indicators"),
                   (report_args(base, xlsx=os.path.join(w.path, "a.xlsx"),
                                audience=None)[2:], "report")):
    expect(robust.run(["--db", base] + args + ["--audience", "publiek"]), 1,
           f"{name}_with_an_unknown_audience_exits_1_naming_it", names=["publiek"],
           must=["intern of extern"])
check(not os.path.exists(os.path.join(w.path, "a.xlsx")),
      "no_report_is_written_for_an_unknown_audience")

check(robust.signature(base) == BEFORE and robust.integrity(base) == "ok",
      "after_every_fault_the_stored_data_is_all_there")
done()
