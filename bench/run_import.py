#!/usr/bin/env python3
"""run_import.py: import throughput of pijlermonitor against the sqlite3 shell.

    bench/import.sh [--repeat 3] [--seed 1] [--bin build/pijlermonitor]
                    [--workdir bench/work] [--keep] [N ...]      (default N: 10000 100000)

For every N (number of hulpvragen) the nine datasets are generated once by gen.py
in the iso dialect (',' LF YYYY-MM-DD 1.5), then measured, each --repeat times,
alternating, the median counts:

  ours     `pijlermonitor --db X init` + `pijlermonitor --db X import <nine files>`
           into a fresh database: parse, validate every field and row rule, convert
           dates to day numbers and money to cents, upsert, check references.
  sqlite3  the Debian sqlite3 shell, `.import --csv --skip 1` of the same rows into
           the same tables in a fresh database: same columns, same primary keys and
           indexes, same page size and pragmas (WAL, synchronous=NORMAL, and the
           cache_size the store sets), all nine files in one transaction, but no CHECK or FOREIGN
           KEY constraints and the date/money/score/hours columns untyped, because
           the shell stores the text as it is. That is the cost of "just getting the
           bytes into SQLite"; ratio = (our rows/s) / (shell rows/s), goal >= 2 (issue 17:
           at most half the shell's time; it was >= 0.5 before).

Timed: the wall clock of the processes (init + import, or one sqlite3 run that
creates the tables and imports); not the generation of the files. Peak RSS comes
from /usr/bin/time -f %M when present, otherwise from os.wait4 on the child.

The table is printed and written to bench/results/import.md. Standard library only.
"""

import argparse
import csv
import datetime as dt
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen  # noqa: E402  (bench/gen.py)

GNU_TIME = "/usr/bin/time"

# Columns whose stored value is converted by pijlermonitor (engine/dataset.c:
# PM_F_DATE, PM_F_MONEY, PM_F_SCORE, PM_F_HOURS); the baseline leaves them
# untyped, so the shell keeps the CSV text unchanged without a type affinity.
CONVERTED = {
    "start", "einde", "ontvangen", "eerste_contact", "afgerond_op", "datum",
    "gepubliceerd", "gepland", "gereed",
    "uurtarief_cent", "uren_x100", "score_x10", "bedrag_cent",
}
# CSV field name -> table column, where they differ (dataset.c's second name).
COLUMN_OF_FIELD = {"uurtarief": "uurtarief_cent", "uren": "uren_x100",
                   "score": "score_x10", "bedrag": "bedrag_cent"}
# Columns that only the importer fills: the provenance of every row.
PROVENANCE = {"bestand": "0", "regel": "0"}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---- running and measuring ------------------------------------------------

def run_measured(argv, stdin_path=None):
    """Runs argv under /usr/bin/time; returns (seconds, peak RSS in KiB, stdout,
    stderr, returncode)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
            t0 = time.perf_counter()
            p = subprocess.run([GNU_TIME, "-f", "%M", "-o", rss.name] + argv,
                               stdin=stdin, capture_output=True)
            secs = time.perf_counter() - t0
            text = rss.read().strip().splitlines()
            kib = int(text[-1]) if text and text[-1].isdigit() else 0
    finally:
        if stdin_path:
            stdin.close()
    return secs, kib, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace"), \
        p.returncode


def run_measured_wait4(argv, stdin_path=None):
    """Like run_measured without /usr/bin/time: the child's own rusage via wait4.
    (Output goes to files, so no pipe needs draining before the wait.)"""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        secs = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if stdin_path:
            stdin.close()
        out.seek(0)
        err.seek(0)
        return secs, ru.ru_maxrss, out.read().decode(errors="replace"), \
            err.read().decode(errors="replace"), p.returncode


def measure(argv, stdin_path=None):
    if os.access(GNU_TIME, os.X_OK):
        return run_measured(argv, stdin_path)
    return run_measured_wait4(argv, stdin_path)


def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def fail(what, argv, out, err, rc):
    log("FAILED: %s (exit %d): %s" % (what, rc, " ".join(argv)))
    log(out[-2000:])
    log(err[-2000:])
    sys.exit(1)


# ---- the baseline schema and files ------------------------------------------

def baseline_schema(binary, work):
    """DDL for the shell: the tables of a fresh pijlermonitor database, read back
    from SQLite itself, minus CHECK and FOREIGN KEY constraints, converted columns
    untyped. Returns (ddl, {table: [columns]})."""
    db = os.path.join(work, "schema.db")
    fresh(db)
    subprocess.run([binary, "--db", db, "init"], check=True, capture_output=True)
    con = sqlite3.connect(db)
    # The page size of a new store (engine/store.c): set before the first
    # table, as it only takes effect on an empty file.
    ddl = ["PRAGMA page_size = %d;" % con.execute("PRAGMA page_size").fetchone()[0]]
    columns = {}
    for table in gen.DATASETS:
        cols = con.execute("SELECT name, type, \"notnull\", dflt_value, pk "
                           "FROM pragma_table_info(?) ORDER BY cid", (table,)).fetchall()
        parts = []
        for name, typ, notnull, dflt, pk in cols:
            decl = name
            if name not in CONVERTED and typ:
                decl += " " + typ
            if pk:
                decl += " PRIMARY KEY"
            if notnull:
                decl += " NOT NULL"
            if dflt is not None:
                decl += " DEFAULT " + dflt
            parts.append(decl)
        ddl.append("CREATE TABLE %s (%s);" % (table, ", ".join(parts)))
        columns[table] = [c[0] for c in cols]
        for (sql,) in con.execute("SELECT sql FROM sqlite_schema WHERE type = 'index' "
                                  "AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
                                  (table,)):
            ddl.append(sql + ";")
    con.close()
    fresh(db)
    return "\n".join(ddl), columns


def baseline_copy(src, dst, table_cols):
    """Writes src with its columns in the table's order, bestand and regel 0.

    Why a copy: `.import` into an existing table binds every table column by
    position. A row with fewer fields than the table gets NULL for the rest (and
    a warning on stderr per row), which NOT NULL bestand/regel reject, and a
    DEFAULT is never used. Dropping bestand/regel from the baseline tables would
    make them narrower than ours. So the shell gets the same rows, reordered where
    needed (gen.py already writes the table order), with the two provenance
    columns filled in; writing the copy is not timed."""
    with open(src, encoding="utf-8-sig", newline="") as fin, \
            open(dst, "w", encoding="utf-8", newline="", buffering=1 << 20) as fout:
        rd = csv.reader(fin)
        header = [h.strip().lower() for h in next(rd)]
        index = {COLUMN_OF_FIELD.get(h, h): i for i, h in enumerate(header)}
        missing = [c for c in table_cols if c not in index and c not in PROVENANCE]
        if missing:
            raise SystemExit("%s: no column for %s" % (src, ", ".join(missing)))
        wr = csv.writer(fout, lineterminator="\n")
        wr.writerow(table_cols)
        order = [index.get(c) for c in table_cols]
        if order[:len(header)] == list(range(len(header))) and \
                all(c in PROVENANCE for c in table_cols[len(header):]):
            tail = [PROVENANCE[c] for c in table_cols[len(header):]]
            for row in rd:                      # the common case: append only
                wr.writerow(row + tail)
        else:
            const = {i: PROVENANCE[c] for i, c in enumerate(table_cols) if c in PROVENANCE}
            for row in rd:
                wr.writerow([row[j] if j is not None else const[i]
                             for i, j in enumerate(order)])


def shell_script(ddl, files, path):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(".bail on\n")
        fh.write(ddl + "\n")  # first: it sets the page size of the empty file
        fh.write("PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\n"
                 "PRAGMA cache_size = -65536;\n")
        fh.write("BEGIN;\n")
        for table, csv_path in files:
            fh.write(".import --csv --skip 1 '%s' %s\n" % (csv_path.replace("'", "''"), table))
        fh.write("COMMIT;\n")


def count_rows(db):
    con = sqlite3.connect(db)
    n = sum(con.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0] for t in gen.DATASETS)
    con.close()
    return n


# ---- one N ------------------------------------------------------------------

def bench_one(n, args, ddl, columns):
    data = os.path.join(args.workdir, "data-%d" % n)
    base = os.path.join(args.workdir, "baseline-%d" % n)
    os.makedirs(base, exist_ok=True)
    t0 = time.perf_counter()
    files = gen.generate(n, args.seed, data, "iso")
    log("N=%d: files generated in %.1f s" % (n, time.perf_counter() - t0))
    rows = sum(r for _, r in files.values())
    shell_files = []
    for table, (path, _) in files.items():
        dst = os.path.join(base, table + ".csv")
        baseline_copy(path, dst, columns[table])
        shell_files.append((table, dst))
    script = os.path.join(base, "import.sql")
    shell_script(ddl, shell_files, script)

    ours_db = os.path.join(args.workdir, "ours-%d.db" % n)
    shell_db = os.path.join(args.workdir, "shell-%d.db" % n)
    paths = [p for p, _ in files.values()]
    ours_t, ours_rss, shell_t, shell_rss = [], [], [], []
    for rep in range(args.repeat):
        # ours: init + import
        fresh(ours_db)
        init = [args.bin, "--db", ours_db, "init"]
        imp = [args.bin, "--db", ours_db, "import"] + paths
        s1, r1, out, err, rc = measure(init)
        if rc:
            fail("init", init, out, err, rc)
        s2, r2, out, err, rc = measure(imp)
        if rc:
            fail("import", imp[:4] + ["..."], out, err, rc)
        if "Import voltooid: %d rijen" % rows not in out:
            fail("import did not count %d rows" % rows, imp[:4], out, err, rc)
        ours_t.append(s1 + s2)
        ours_rss.append(max(r1, r2))
        # the sqlite3 shell
        fresh(shell_db)
        argv = [args.sqlite3, shell_db]
        s, r, out, err, rc = measure(argv, stdin_path=script)
        if rc or err.strip():
            fail("sqlite3 .import", argv, out, err, rc or 1)
        shell_t.append(s)
        shell_rss.append(r)
        if rep == 0:
            got_ours, got_shell = count_rows(ours_db), count_rows(shell_db)
            if got_ours != rows or got_shell != rows:
                raise SystemExit("rows: expected %d, ours %d, sqlite3 %d"
                                 % (rows, got_ours, got_shell))
        log("N=%d run %d/%d: ours %.3f s, sqlite3 %.3f s" % (n, rep + 1, args.repeat,
                                                            s1 + s2, s))
    fresh(ours_db)
    fresh(shell_db)
    if not args.keep:
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(base, ignore_errors=True)
    ours = statistics.median(ours_t)
    shell = statistics.median(shell_t)
    return {"n": n, "rows": rows, "ours": ours, "shell": shell,
            "ours_rss": max(ours_rss), "shell_rss": max(shell_rss),
            "ours_all": ours_t, "shell_all": shell_t}


# ---- report -----------------------------------------------------------------

def environment(args):
    def cmd(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True,
                                  cwd=ROOT).stdout.strip()
        except OSError:
            return ""
    cpu = ""
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh
                        if ln.startswith("model name")), "")
    except OSError:
        pass
    buildtype = ""
    cfg = os.path.join(os.path.dirname(os.path.abspath(args.bin)), "meson-info",
                       "intro-buildoptions.json")
    if os.path.exists(cfg):
        import json
        with open(cfg) as fh:
            buildtype = next((o["value"] for o in json.load(fh) if o["name"] == "buildtype"),
                             "")
    return [
        "commit %s%s" % (cmd(["git", "rev-parse", "--short", "HEAD"]) or "?",
                         " (with local changes)" if cmd(["git", "status", "--porcelain",
                                                         "--untracked-files=no"]) else ""),
        "binary %s (buildtype %s)" % (os.path.relpath(args.bin, ROOT), buildtype or "?"),
        "SQLite library %s, shell %s" % (sqlite3.sqlite_version,
                                         cmd([args.sqlite3, "--version"]).split(" ")[0]),
        "%s, %d CPUs, %s" % (cpu or platform.machine(), os.cpu_count() or 0,
                             platform.platform()),
        "median of %d runs, seed %d, iso dialect, database files in %s"
        % (args.repeat, args.seed, os.path.relpath(args.workdir, ROOT)),
    ]


def table(results):
    lines = ["| N (hulpvragen) | rows | ours s | ours rows/s | sqlite3 s | sqlite3 rows/s "
             "| ratio | ours peak RSS | sqlite3 peak RSS |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        ratio = r["shell"] / r["ours"]
        lines.append("| %d | %d | %.3f | %.0f | %.3f | %.0f | %.2f%s | %.1f MiB | %.1f MiB |" % (
            r["n"], r["rows"], r["ours"], r["rows"] / r["ours"], r["shell"],
            r["rows"] / r["shell"], ratio, "" if ratio >= 2 else " ✗",
            r["ours_rss"] / 1024, r["shell_rss"] / 1024))
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="*", type=int, default=[10000, 100000],
                    help="numbers of hulpvragen (default: 10000 100000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "pijlermonitor"))
    ap.add_argument("--sqlite3", default=shutil.which("sqlite3") or "/usr/bin/sqlite3")
    ap.add_argument("--workdir", default=os.path.join(HERE, "work"),
                    help="generated files and databases (default bench/work, git-ignored)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--out", default=os.path.join(HERE, "results", "import.md"))
    args = ap.parse_args(argv)
    args.bin = os.path.abspath(args.bin)
    args.workdir = os.path.abspath(args.workdir)
    if not os.access(args.bin, os.X_OK):
        raise SystemExit("%s is missing; build first: ninja -C build" % args.bin)
    if not os.access(args.sqlite3, os.X_OK):
        raise SystemExit("the sqlite3 shell is missing; install the Debian package sqlite3")
    os.makedirs(args.workdir, exist_ok=True)

    ddl, columns = baseline_schema(args.bin, args.workdir)
    results = [bench_one(n, args, ddl, columns) for n in args.n]

    md = ["# Import benchmark", "",
          "`bench/import.sh %s` on %s." % (" ".join(str(n) for n in args.n),
                                           dt.date.today().isoformat()), ""]
    md += ["- " + e for e in environment(args)]
    md += ["", "ours = `pijlermonitor init` + `import` of the nine files; sqlite3 = "
           "`.import --csv` of the same rows into the same tables and indexes without "
           "CHECK/FOREIGN KEY and without conversion, one transaction. ratio = "
           "(ours rows/s) / (sqlite3 rows/s); goal ≥ 2, i.e. at most half the shell's "
           "time (issue 17; ✗ = below).", ""]
    md += table(results)
    md += ["", "All runs (s):", ""]
    for r in results:
        md.append("- N=%d: ours %s; sqlite3 %s" % (
            r["n"], ", ".join("%.3f" % x for x in r["ours_all"]),
            ", ".join("%.3f" % x for x in r["shell_all"])))
    text = "\n".join(md) + "\n"
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("\n".join(table(results)))
    log("written: %s" % os.path.relpath(args.out, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
