"""robust — shared helpers of the robustness tests (test_crash, test_concurrency,
test_faults; issue 6 points 2-4): big generated input from bench/gen.py, a
signature of the stored data that tells "all of an import" from "none of it",
validity checks of report files, and the scale of the run.

Scale: a sanitizer build is several times slower, so the tests use less data
there. PM_SANITIZED=1 (set by the test runner for build-san) or an
AddressSanitizer symbol in the binary selects the small scale;
PM_ROBUST_REQUESTS overrides the number of generated requests."""
import glob
import re
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile

from pmtest import BIN, SRC

sys.path.insert(0, os.path.join(SRC, "bench"))
import gen  # noqa: E402  (bench/gen.py: gen.generate(n, seed, out, dialect))

DATA_TABLES = ["organisaties", "specialisten", "hulpvragen", "inzet", "evaluaties",
               "kennisproducten", "mijlpalen", "begroting", "uitgaven"]


def sanitized():
    if os.environ.get("PM_SANITIZED") not in (None, "", "0"):
        return True
    try:
        with open(BIN, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


SANITIZED = sanitized()


def requests(normal, small):
    """The number of requests to generate: `normal`, or `small` under a sanitizer."""
    env = os.environ.get("PM_ROBUST_REQUESTS")
    if env:
        return int(env)
    return small if SANITIZED else normal


def san_env(extra=None):
    """The environment for a run of the binary; an LD_PRELOAD shim needs ASan
    told not to insist on being first in the library list."""
    e = dict(os.environ)
    if extra:
        e.update(extra)
    if "LD_PRELOAD" in e:
        opts = e.get("ASAN_OPTIONS", "")
        e["ASAN_OPTIONS"] = (opts + ":" if opts else "") + "verify_asan_link_order=0"
    return e


def generate(n, seed, out):
    """The nine files of bench/gen.py for n requests; returns their paths."""
    res = gen.generate(n, seed, out, "iso")
    return [res[d][0] for d in gen.DATASETS]


def fresh_copy(src, dst):
    """Copies a closed database (no -wal/-shm) to dst, removing any old
    dst, dst-wal and dst-shm first."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(dst + suffix)
        except FileNotFoundError:
            pass
    shutil.copyfile(src, dst)


def connect(db):
    return sqlite3.connect(db, timeout=30)


def signature(db):
    """What is stored, coarsely but import-exactly: the row count of every
    table, and per data table how many rows came from each imported file. A
    partly applied import could not produce the same signature as the
    before- or the after-state."""
    con = connect(db)
    try:
        sig = {}
        for t in DATA_TABLES + ["imports", "import_bestanden"]:
            sig[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in DATA_TABLES:
            sig[t + "/bestand"] = tuple(con.execute(
                f"SELECT bestand, count(*) FROM {t} GROUP BY bestand ORDER BY bestand"
            ).fetchall())
        return sig
    finally:
        con.close()


def integrity(db):
    """PRAGMA integrity_check and foreign_key_check, as one string ('ok')."""
    con = connect(db)
    try:
        ic = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    if ic == ["ok"] and not fk:
        return "ok"
    return f"integrity_check={ic[:5]} foreign_key_check={fk[:5]}"


def run(args, env=None, timeout=120, cwd=None):
    """Runs the binary; returns (exit code, stdout, stderr)."""
    cp = subprocess.run([BIN] + [str(a) for a in args], capture_output=True, text=True,
                        env=san_env(env), timeout=timeout, cwd=cwd)
    return cp.returncode, cp.stdout, cp.stderr


def xlsx_problem(path):
    """None when path is a complete workbook, else what is wrong."""
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            names = z.namelist()
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        return f"geen geldige zip: {e}"
    if bad is not None:
        return f"beschadigd deel {bad}"
    for need in ("[Content_Types].xml", "xl/workbook.xml"):
        if need not in names:
            return f"{need} ontbreekt"
    return None


def pdf_problem(path):
    """None when qpdf --check finds no error or warning, else its output."""
    cp = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    if cp.returncode == 0:
        return None
    return f"qpdf exit {cp.returncode}: {(cp.stdout + cp.stderr)[-400:]}"


def temp_files(folder):
    """Names in folder that are temporary files of pijlermonitor (its output
    set's ".pm-XXXXXX"; ".tmp-" was the older form)."""
    return sorted(n for n in os.listdir(folder) if n.startswith(".pm-") or ".tmp-" in n)


ENGLISH = ("unable", "error", "failed", "cannot", "denied", "no such", "read-only",
           "readonly", "locked", "full", "disk", "permission")
DUTCH = ("niet", "geen", "bestaat", "schijf", "bestand", "onbekend", "ongeldig",
         "alleen-lezen", "opgeslagen", "bezet", "geschreven", "gelezen", "map",
         "sleutel", "schemaversie", "kies")


def pm_lines(stderr):
    """The lines pijlermonitor itself wrote ("pijlermonitor: ..."), without the
    quoted detail of a library in parentheses ("(SQLite: ...)")."""
    out = []
    for line in stderr.splitlines():
        if not line.startswith("pijlermonitor:"):
            continue
        out.append(re.sub(r"\((SQLite|libxlsxwriter): [^)]*\)", "", line))
    return out


def dutch(stderr):
    """True when pijlermonitor's own message lines are Dutch: each has a Dutch
    word and, apart from a library's quoted detail, no English error words."""
    lines = pm_lines(stderr)
    if not lines:
        return False
    for line in lines:
        # File names are the user's, not our words: leave out every word
        # with a slash in it and everything between single quotes.
        low = re.sub(r"'[^']*'", " ", line.lower())
        low = " ".join(t for t in low.split() if "/" not in t)
        if not any(w in low for w in DUTCH):
            return False
        if any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in ENGLISH):
            return False
    return True


def wal_size(db):
    try:
        return os.path.getsize(db + "-wal")
    except OSError:
        return -1


def leftovers(folder, pattern="*"):
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(folder, pattern)))


def build_shim(name, folder):
    """Compiles tests/faultinject/NAME.c into folder/NAME.so with cc; returns
    its path, or None (with the compiler's complaint printed as a TAP
    comment) when there is no working compiler."""
    src = os.path.join(SRC, "tests", "faultinject", name + ".c")
    out = os.path.join(folder, name + ".so")
    cc = os.environ.get("CC", "cc")
    try:
        cp = subprocess.run([cc, "-shared", "-fPIC", "-O1", "-o", out, src, "-ldl"],
                            capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"# {name}: no compiler: {e}")
        return None
    if cp.returncode != 0:
        print(f"# {name}: cc failed: {cp.stderr[-500:]}")
        return None
    return out
