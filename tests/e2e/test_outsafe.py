"""Safety of the user's files (SPEC §6, §8; issue 11 points 1-7 and 11): no
output over the database, an input, the configuration or another output;
demo never deletes a database it did not make; several outputs are written
all or none; permission bits survive; a file-size limit, an existing file or
an odd target gives a Dutch message and leaves no temporary file; single-
valued options may not repeat; a chart folder only loses the files
pijlermonitor wrote there."""
import hashlib
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import time

from pmtest import BIN, SRC, Workdir, check, done

EPOCH = "1767225600"  # 2026-01-01
ENV = {"SOURCE_DATE_EPOCH": EPOCH}
PERIOD = "2025-Q4"

w = Workdir()
r = w.run("demo", os.path.join(w.path, "demo"), db=False)
assert r.code == 0, r
DB = os.path.join(w.path, "demo", "pijlermonitor.db")
w.db = DB


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def temps(folder):
    """Temporary files of pijlermonitor (".pm-XXXXXX", and the old
    "*.tmp-XXXXXX") and libxlsxwriter's ("tmp.XXXXXXXXXX")."""
    return [n for n in os.listdir(folder)
            if n.startswith(".pm-") or ".tmp-" in n or n.startswith("tmp.")]


def listing(folder):
    return sorted(os.listdir(folder))


def report(*args, env=ENV, preexec=None, cwd=None):
    """report on the demo database, from folder cwd (default w.path)."""
    full = [BIN, "--db", DB, "report", "--period", PERIOD] + [str(a) for a in args]
    e = dict(os.environ)
    e.update(env)
    cp = subprocess.run(full, cwd=cwd or w.path, capture_output=True, text=True, env=e,
                        timeout=600, preexec_fn=preexec)
    return cp


ENGLISH = ("Device or resource", "No such file", "Permission denied", "Is a directory",
           "File too large", "File exists", "Not a directory", "too long")


def dutch(stderr):
    """Our own lines are Dutch. (libxlsxwriter prints its own English
    "[ERROR]" lines to stderr; those are the library's, not ours.)"""
    ours = [l for l in stderr.splitlines() if l.startswith("pijlermonitor:")]
    return ours and not any(e in l for l in ours for e in ENGLISH)


# ---- 1. no output over a protected file or another output ---------------

db_before = digest(DB)
cfg = w.file("pm.toml", "min_cell = 5\n")
cfg_before = digest(cfg)
os.link(DB, os.path.join(w.path, "harde-koppeling.db"))
os.symlink(DB, os.path.join(w.path, "koppeling.db"))
cases = [
    ("database", ["--xlsx", DB], "de database"),
    ("database_via_dot_slash", ["--pdf", "./demo/pijlermonitor.db"], "de database"),
    ("database_via_dotdot", ["--pdf", "demo/../demo/pijlermonitor.db"], "de database"),
    ("database_wal", ["--xlsx", DB + "-wal"], "van de database"),
    ("database_shm", ["--pdf", DB + "-shm"], "van de database"),
    ("database_hard_link", ["--xlsx", "harde-koppeling.db"], "de database"),
    ("database_symlink", ["--pdf", "koppeling.db"], "de database"),
    ("config", ["--config", "pm.toml", "--xlsx", "./pm.toml"], "het configuratiebestand"),
    ("same_output_twice", ["--xlsx", "r.out", "--pdf", "r.out"], "--xlsx r.out"),
    ("same_output_other_spelling", ["--xlsx", "r.out", "--pdf", "./r.out"], "--pdf ./r.out"),
    ("png_folder_is_the_workbook", ["--xlsx", "r.out", "--png", "r.out"], "--png r.out"),
]
for name, args, other in cases:
    before = listing(w.path)
    cp = report(*args)
    named = args[-1] in cp.stderr and other in cp.stderr and "hetzelfde bestand" in cp.stderr
    check(cp.returncode == 1 and named, f"output_over_{name}_is_a_usage_error_naming_both",
          cp.stderr)
    check(digest(DB) == db_before and digest(cfg) == cfg_before and
          listing(w.path) == before and not temps(os.path.join(w.path, "demo")),
          f"output_over_{name}_changes_nothing", (listing(w.path), before))

# A file an earlier import read (recorded in the database) is an input too:
# the user's source spreadsheet is never a report's target.
w2 = Workdir()
w2.init()
src = os.path.join(w2.path, "organisaties.csv")
assert w2.run("sjabloon", "organisaties", src, db=False).code == 0
assert w2.run("import", "organisaties.csv").code == 0
src_before = digest(src)
r = w2.run("report", "--period", PERIOD, "--xlsx", "./organisaties.csv")
check(r.code == 1 and "het ingelezen bestand organisaties.csv" in r.err and
      digest(src) == src_before and not temps(w2.path),
      "output_over_an_imported_file_is_a_usage_error_and_changes_nothing", r)

# A chart in the --png folder may not be another output either.
png_dir = os.path.join(w.path, "png-botsing")
cp = report("--png", png_dir, "--pdf", os.path.join(png_dir, "r1-regio.png"))
check(cp.returncode == 1 and "hetzelfde bestand" in cp.stderr and
      not os.path.exists(png_dir), "a_chart_of_the_png_folder_may_not_be_another_output",
      cp.stderr)

# ---- 2. demo never deletes a database it did not make -------------------

user = os.path.join(w.path, "werkmap")
os.mkdir(user)
real = os.path.join(user, "pijlermonitor.db")
with open(real, "wb") as f:
    f.write(open(DB, "rb").read())
real_before = digest(real)
r = w.run("demo", user, db=False)
check(r.code == 1 and "kies een lege of nieuwe map" in r.err and
      "pijlermonitor demo pijlermonitor-demo" in r.err,
      "demo_refuses_a_folder_with_a_users_database_and_says_how_to_proceed", r)
check(digest(real) == real_before and listing(user) == ["pijlermonitor.db"],
      "demo_leaves_the_users_database_byte_for_byte", listing(user))
notes = os.path.join(w.path, "notities")
os.mkdir(notes)
w.file("notities/mijn.txt", "eigen aantekeningen")
r = w.run("demo", notes, db=False)
check(r.code == 1 and listing(notes) == ["mijn.txt"],
      "demo_refuses_a_folder_with_any_file_it_did_not_make", r)
r = w.run("demo", "pijlermonitor-demo", db=False)  # the default name, from the cwd
check(r.code == 0, "demo_accepts_a_new_folder", r)
own = os.path.join(w.path, "pijlermonitor-demo")
os.remove(os.path.join(own, "pijlermonitor.db"))  # as a user might, then again
r = w.run("demo", db=False)
check(r.code == 0 and os.path.exists(os.path.join(own, "pijlermonitor.db")) and
      os.path.exists(os.path.join(own, ".pijlermonitor-demo")),
      "demo_accepts_and_refreshes_its_own_earlier_folder", r)
w.file("pijlermonitor-demo/.pm-Ab12cD", "")  # left by a demo killed while writing
r = w.run("demo", db=False)
check(r.code == 0, "demo_accepts_its_own_folder_with_a_temporary_of_a_killed_run", r)
w.file("pijlermonitor-demo/mijn.txt", "x")
r = w.run("demo", db=False)
check(r.code == 1 and "pijlermonitor-demo-2" in r.err and
      os.path.exists(os.path.join(own, "mijn.txt")),
      "demo_refuses_its_own_folder_once_a_user_put_a_file_in_it", r)
empty = os.path.join(w.path, "leeg")
os.mkdir(empty)
r = w.run("demo", empty, db=False)
check(r.code == 0 and not temps(empty), "demo_accepts_an_empty_folder", r)

# ---- 3. all or none ------------------------------------------------------

ok = os.path.join(w.path, "ok.xlsx")
cp = report("--audience", "intern", "--xlsx", ok)
assert cp.returncode == 0, cp.stderr
ok_before = digest(ok)
cp = report("--xlsx", ok, "--pdf", os.path.join(w.path, "ontbreekt", "x.pdf"))
check(cp.returncode == 3 and "ontbreekt" in cp.stderr and dutch(cp.stderr),
      "a_pdf_into_a_missing_folder_fails_in_dutch", cp.stderr)
check(digest(ok) == ok_before and not temps(w.path),
      "a_failed_pdf_leaves_the_workbook_of_the_same_run_as_it_was")
blocked = os.path.join(w.path, "grafieken-bezet")
os.mkdir(blocked)
os.mkdir(os.path.join(blocked, "r1-regio.png"))  # a folder where a chart must go
new_pdf = os.path.join(w.path, "nieuw.pdf")
cp = report("--xlsx", ok, "--pdf", new_pdf, "--png", blocked)
check(cp.returncode == 3 and digest(ok) == ok_before and not os.path.exists(new_pdf) and
      not temps(w.path) and listing(blocked) == ["r1-regio.png"],
      "a_chart_failing_after_workbook_and_pdf_were_written_leaves_every_file_as_it_was",
      cp.stderr)
cp = report("--xlsx", ok, "--png", os.path.join(w.path, "nieuw", "diep", "png"),
            "--pdf", os.path.join(w.path, "ontbreekt", "x.pdf"))
check(cp.returncode == 3 and not os.path.exists(os.path.join(w.path, "nieuw")),
      "a_failed_run_removes_the_folders_it_made")

# Interrupted (Ctrl-C, kill) while writing: the temporaries and the folders
# the run made go with it; the old workbook stays.
for sig in (signal.SIGINT, signal.SIGTERM):
    stop = os.path.join(w.path, "onderbroken")
    os.mkdir(stop)
    old = os.path.join(stop, "r.xlsx")
    with open(ok, "rb") as f, open(old, "wb") as g:
        g.write(f.read())
    e = dict(os.environ, **ENV)
    proc = subprocess.Popen([BIN, "--db", DB, "report", "--period", PERIOD, "--audience",
                             "intern", "--xlsx", old, "--pdf", os.path.join(stop, "r.pdf"),
                             "--png", os.path.join(stop, "nieuw", "png")],
                            cwd=w.path, env=e, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    seen = False
    while proc.poll() is None and time.monotonic() - t0 < 60:
        big = [n for n in os.listdir(stop) if n.startswith(".pm-") and
               os.stat(os.path.join(stop, n)).st_size > 4096]
        if big:
            seen = True
            proc.send_signal(sig)
            break
        time.sleep(0.002)
    code = proc.wait()
    # libxlsxwriter makes each sheet's temporary as "tmp.XXXXXXXXXX" and
    # unlinks it at once; a signal in between leaves it, empty (as in
    # test_crash.py). Its name is the library's, so no handler can know it.
    left = [n for n in listing(stop) if not (re.fullmatch(r"tmp\.[A-Za-z0-9]{10}", n) and
                                             os.path.getsize(os.path.join(stop, n)) == 0)]
    check(seen and code == -sig and left == ["r.xlsx"] and digest(old) == ok_before,
          f"a_report_stopped_by_{signal.Signals(sig).name}_leaves_no_temporary_and_no_new_folder",
          (seen, code, listing(stop)))
    shutil.rmtree(stop)

# ---- 4. permission bits ----------------------------------------------------

os.chmod(ok, 0o600)
cp = report("--audience", "intern", "--xlsx", ok, env={"SOURCE_DATE_EPOCH": "1767312000"})
mode = stat.S_IMODE(os.stat(ok).st_mode)
check(cp.returncode == 0 and digest(ok) != ok_before and mode == 0o600,
      "replacing_a_0600_workbook_keeps_it_0600", (cp.stderr, oct(mode)))
fresh = os.path.join(w.path, "vers.pdf")
cp = report("--pdf", fresh, preexec=lambda: os.umask(0o027))
mode = stat.S_IMODE(os.stat(fresh).st_mode)
check(cp.returncode == 0 and mode == 0o640, "a_new_output_gets_0666_minus_the_umask",
      oct(mode))

# ---- 5. a file-size limit --------------------------------------------------


def limit(nbytes):
    def f():
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))
    return f


lim = os.path.join(w.path, "limiet")
os.mkdir(lim)
for what in ("xlsx", "pdf"):
    cp = report(f"--{what}", os.path.join(lim, f"r.{what}"), "--audience", "intern",
                preexec=limit(40000))
    check(cp.returncode == 3 and "groter dan is toegestaan" in cp.stderr and
          dutch(cp.stderr), f"a_file_size_limit_on_the_{what}_exits_3_in_dutch",
          (cp.returncode, cp.stderr))
    check(listing(lim) == [], f"a_file_size_limit_on_the_{what}_leaves_no_file",
          listing(lim))
cp = report("--png", os.path.join(lim, "png"), preexec=limit(40000))
check(cp.returncode == 3 and "groter dan is toegestaan" in cp.stderr and
      listing(lim) == [],
      "a_file_size_limit_on_a_chart_exits_3_and_leaves_nothing", cp.stderr)

# ---- 6. sjabloon, OS errors in Dutch, long names ---------------------------

mine = w.file("mijn.csv", "van de gebruiker\n")
r = w.run("sjabloon", "inzet", mine, db=False)
check(r.code == 3 and "bestaat al" in r.err and
      open(mine).read() == "van de gebruiker\n" and not temps(w.path),
      "sjabloon_refuses_an_existing_file_and_leaves_no_temporary", r)
cp = report("--pdf", "/")
check(cp.returncode == 3 and "map" in cp.stderr and dutch(cp.stderr),
      "a_pdf_onto_the_root_folder_is_refused_in_dutch", cp.stderr)
# Not /dev/null itself: a binary without this rule, run as root, renames a
# PDF over the machine's /dev/null (it happened while writing this test).
fifo = os.path.join(w.path, "pijp")
os.mkfifo(fifo)
cp = report("--pdf", fifo)
check(cp.returncode == 3 and "geen gewoon bestand" in cp.stderr and
      stat.S_ISFIFO(os.stat(fifo).st_mode),
      "a_pipe_or_device_is_never_replaced_by_an_output", cp.stderr)
cp = report("--pdf", os.path.join(w.path, "x" * 300 + ".pdf"))
check(cp.returncode == 3 and "te lang" in cp.stderr and dutch(cp.stderr),
      "a_name_beyond_the_system_limit_is_refused_in_dutch", cp.stderr)
long_name = "l" * 246 + ".pdf"  # 250 characters
cp = report("--pdf", os.path.join(w.path, long_name))
check(cp.returncode == 0 and os.path.getsize(os.path.join(w.path, long_name)) > 1000,
      "a_250_character_output_name_works", cp.stderr)
long_csv = os.path.join(w.path, "s" * 246 + ".csv")
r = w.run("sjabloon", "inzet", long_csv, db=False)
check(r.code == 0 and os.path.exists(long_csv), "sjabloon_writes_a_250_character_name", r)

# ---- 7. single-valued options given twice ---------------------------------

D = ["--db", DB]
twice = [
    ("--xlsx", D + ["report", "--xlsx", "a.xlsx", "--xlsx", "b.xlsx"]),
    ("--pdf", D + ["report", "--pdf", "a.pdf", "--pdf=b.pdf"]),
    ("--png", D + ["report", "--png", "a", "--png", "b"]),
    ("--db", D + D + ["report", "--xlsx", "a.xlsx"]),
    ("--period", D + ["--period", PERIOD, "report", "--period", "2025-Q3", "--xlsx",
                      "a.xlsx"]),
    ("--peildatum", D + ["indicators", "--peildatum", "2025-12-31", "--peildatum",
                         "2025-12-30"]),
    ("--config", D + ["check", "--config", "pm.toml", "--config", "pm.toml"]),
    ("--format", D + ["indicators", "--format", "json", "--format", "csv"]),
    ("--audience", D + ["indicators", "--audience", "intern", "--audience", "extern"]),
    ("--kind", D + ["import", "--kind", "inzet", "--kind", "evaluaties", "x.csv"]),
]
for opt, args in twice:
    cp = subprocess.run([BIN] + args, cwd=w.path, capture_output=True, text=True,
                        timeout=600)
    check(cp.returncode == 1 and f"'{opt}' is twee keer gegeven" in cp.stderr,
          f"option_{opt[2:]}_given_twice_is_a_usage_error", cp.stderr[:300])
check(not os.path.exists(os.path.join(w.path, "a.xlsx")) and
      not os.path.exists(os.path.join(w.path, "b.xlsx")),
      "a_repeated_option_writes_nothing")
cp = subprocess.run([BIN, "--db", DB, "import", "--dry-run", "--dry-run",
                     os.path.join(SRC, "fixtures", "demo", "organisaties.csv")],
                    cwd=w.path, capture_output=True, text=True, timeout=600)
check(cp.returncode == 0 and "--dry-run" in cp.stdout, "dry_run_twice_is_harmless",
      cp.stdout + cp.stderr)

# ---- 11. a chart folder belongs to pijlermonitor --------------------------

charts = os.path.join(w.path, "website")
os.mkdir(charts)
w.file("website/mijn.txt", "van de gebruiker")
victim = w.file("slachtoffer.png", "buiten de map")
cp = report("--audience", "intern", "--png", charts)
intern = set(listing(charts))
check(cp.returncode == 0 and "r3-specialisten.png" in intern and
      ".pijlermonitor-grafieken" in intern, "an_intern_run_writes_its_charts_and_manifest",
      cp.stderr)
manifest = open(os.path.join(charts, ".pijlermonitor-grafieken")).read().split("\n")
check("r3-specialisten.png" in manifest and "mijn.txt" not in manifest,
      "the_manifest_lists_the_files_pijlermonitor_wrote_only")
# A tampered manifest may not reach outside the folder nor follow a link.
with open(os.path.join(charts, ".pijlermonitor-grafieken"), "a") as f:
    f.write("../slachtoffer.png\nkoppeling.png\ndata.db\n")
os.symlink(victim, os.path.join(charts, "koppeling.png"))
os.link(DB, os.path.join(charts, "data.db"))  # the database, by another name
cp = report("--audience", "extern", "--png", charts)
extern = set(listing(charts))
check(cp.returncode == 0 and "r3-specialisten.png" not in extern and
      "r1-regio.png" in extern, "an_extern_run_leaves_no_intern_chart_behind",
      sorted(extern))
check(open(os.path.join(charts, "mijn.txt")).read() == "van de gebruiker",
      "a_users_own_file_in_the_chart_folder_survives")
check(open(victim).read() == "buiten de map" and
      os.path.islink(os.path.join(charts, "koppeling.png")),
      "the_manifest_never_removes_outside_the_folder_nor_a_symlink")
check(os.path.exists(os.path.join(charts, "data.db")) and digest(DB) == db_before,
      "the_manifest_never_removes_the_database")
check(not temps(charts), "the_chart_folder_has_no_temporary_files", listing(charts))

done()
