#!/usr/bin/env python3
"""run_indicators.py: how long `pijlermonitor indicators` takes on a big store.

    bench/indicators.sh [--repeat 3] [--seed 1] [--period 2025-Q4 --period 2026-Q1]
                        [--bin build/pijlermonitor] [--workdir bench/work] [--keep]
                        [--fresh] [--no-queries] [--perf] [N ...]
                                                      (default N: 100000 1000000)

For every N (number of hulpvragen) a database is made once: gen.py writes the
nine datasets in the iso dialect, `pijlermonitor --db X init` + `import` loads
them (not timed as part of this benchmark; the time is printed), the files are
removed. With --keep the database stays in --workdir, named by N and seed,
with a small .json beside it (gen.py's checksum, rows per dataset, import
time); a later run reuses it when all of that still matches (--fresh: never).

Timed, for every --period:

    pijlermonitor --db X indicators --period P --format json --audience intern

with stdout to /dev/null: one warm-up run (its JSON goes to a file and is
checked), then --repeat runs, the median counts. The warm-up leaves the
database in the page cache, so these are warm-cache numbers: what a user sees
who runs indicators twice, or right after an import. Peak RSS from
/usr/bin/time -f %M (or os.wait4), the highest of the timed runs. The ratio
time(N) / time(first N) shows the growth: linear is N / first N (10 for
100k → 1M), less is better. The goal is < 2 s at 1M hulpvragen.

Then, per indicator (unless --no-queries), where the time goes: the SQL
constants of every indicators/*.c module are read from the source and run
with Python's sqlite3 (same SQLite library as the binary) against the same
database, inside one read transaction with the TEMP TABLE kalender that
indicators/report.c builds (rebuilt here from the same rules: weekends, the
Atw holidays, the decree days listed in engine/calendar.c), with the same
binds: per statement the median of --repeat executions after one warm-up,
rows returned and EXPLAIN QUERY PLAN. Fetching rows into Python costs a
little more than stepping them in C, so these are upper bounds per query.
R1's cumulatief teller and noemer from those rows are compared with the
binary's JSON: equal means the kalender and binds here are the engine's.
--perf (automatic when the largest N misses the goal) adds a `perf record
--call-graph dwarf` profile of one indicators run at the largest N: the share of
the samples per source file (each indicator module, the JSON writer) and the
hottest symbols: the same split as above, but measured in the binary itself.

All runs use a copy of the binary taken at the start (a rebuild meanwhile
changes nothing). The table is printed and written to
bench/results/indicators.md. Standard library only (plus /usr/bin/time and,
for --perf, perf).
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import re
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
import run_import as ri  # noqa: E402  (bench/run_import.py: measuring, environment)

GOAL_SECONDS = 2.0
GOAL_N = 1000000
EPOCH = dt.date(1970, 1, 1)
PROGRAMMA_START = dt.date(2024, 7, 1)  # engine/config.c pm_config_defaults
CALENDAR_MARGIN = 60                   # indicators/report.c
INDICATOR_IDS = ["R1", "R2", "R3", "R4", "R5", "R6", "B"]

log = ri.log


# ---- measuring ----------------------------------------------------------------

def measure_to(argv, stdout_path=None):
    """Runs argv with stdout to stdout_path (None: /dev/null), stderr captured;
    returns (seconds, peak RSS in KiB, stderr, returncode). Like run_import's
    measure, but the output never goes through a pipe into Python: the JSON of
    a 1M store is megabytes, and reading it would be timed too."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    try:
        with tempfile.TemporaryFile() as err:
            if os.access(ri.GNU_TIME, os.X_OK):
                with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
                    t0 = time.perf_counter()
                    p = subprocess.run([ri.GNU_TIME, "-f", "%M", "-o", rss.name] + argv,
                                       stdin=subprocess.DEVNULL, stdout=out, stderr=err)
                    secs = time.perf_counter() - t0
                    text = rss.read().strip().splitlines()
                    kib = int(text[-1]) if text and text[-1].isdigit() else 0
                rc = p.returncode
            else:
                t0 = time.perf_counter()
                p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
                _, status, ru = os.wait4(p.pid, 0)
                secs = time.perf_counter() - t0
                kib, rc = ru.ru_maxrss, os.waitstatus_to_exitcode(status)
            err.seek(0)
            return secs, kib, err.read().decode(errors="replace"), rc
    finally:
        if stdout_path:
            out.close()


# ---- the database of one N ------------------------------------------------------

def file_sha(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()[:16]


def table_rows(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return {t: con.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0]
                for t in gen.DATASETS}
    finally:
        con.close()


def db_header(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return [con.execute("PRAGMA %s" % p).fetchone()[0]
                for p in ("application_id", "user_version")]
    finally:
        con.close()


def reusable(db, meta_path, n, seed, gen_sha):
    """The meta of a kept database when it still fits N, seed and gen.py."""
    if not (os.path.exists(db) and os.path.exists(meta_path)):
        return None
    try:
        with open(meta_path, encoding="utf-8") as fh:
            meta = json.load(fh)
        if (meta.get("n"), meta.get("seed"), meta.get("gen_sha")) != (n, seed, gen_sha):
            return None
        if db_header(db) != meta.get("header") or table_rows(db) != meta.get("rows"):
            return None
        return meta
    except (OSError, ValueError, sqlite3.Error):
        return None


def prepare_db(n, args, gen_sha):
    """A database with the data of N hulpvragen: kept from an earlier --keep run
    when it still matches, else generated and imported. Returns (path, meta)."""
    db = os.path.join(args.workdir, "indicators-%d-seed%d.db" % (n, args.seed))
    meta_path = db + ".json"
    meta = None if args.fresh else reusable(db, meta_path, n, args.seed, gen_sha)
    if meta:
        log("N=%d: reusing %s (imported in %.1f s on %s)" % (
            n, os.path.relpath(db, ROOT), meta["import_s"], meta["imported_on"]))
        return db, dict(meta, reused=True)
    ri.fresh(db)
    if os.path.exists(meta_path):
        os.remove(meta_path)
    data = os.path.join(args.workdir, "indicators-data-%d" % n)
    t0 = time.perf_counter()
    files = gen.generate(n, args.seed, data, "iso")
    log("N=%d: files generated in %.1f s" % (n, time.perf_counter() - t0))
    expected = {t: r for t, (_, r) in files.items()}
    total = sum(expected.values())
    init = [args.run_bin, "--db", db, "init"]
    imp = [args.run_bin, "--db", db, "import"] + [p for p, _ in files.values()]
    s1, _, out, err, rc = ri.measure(init)
    if rc:
        ri.fail("init", init, out, err, rc)
    s2, _, out, err, rc = ri.measure(imp)
    if rc:
        ri.fail("import", imp[:4] + ["..."], out, err, rc)
    if "Import voltooid: %d rijen" % total not in out:
        ri.fail("import did not count %d rows" % total, imp[:4], out, err, rc)
    shutil.rmtree(data, ignore_errors=True)
    os.sync()   # the import's writeback must not run into the timed runs
    rows = table_rows(db)
    if rows != expected:
        raise SystemExit("N=%d: rows in the store %s, generated %s" % (n, rows, expected))
    log("N=%d: init + import of %d rows took %.1f s (not part of this benchmark)"
        % (n, total, s1 + s2))
    meta = {"n": n, "seed": args.seed, "gen_sha": gen_sha, "rows": rows,
            "header": db_header(db), "import_s": round(s1 + s2, 3),
            "imported_on": dt.date.today().isoformat()}
    if args.keep:
        with open(meta_path, "w", encoding="utf-8") as fh:
            json.dump(meta, fh, indent=1)
    return db, dict(meta, reused=False)


# ---- timing the indicators command ------------------------------------------------

def indicators_argv(args, db, period):
    return [args.run_bin, "--db", db, "indicators", "--period", period, "--format", "json",
            "--audience", "intern"]


def check_json(path, n, period):
    """The warm-up's output must be a report with every indicator. Returns R1's
    cumulatief (teller, noemer), or None when the JSON has no such place."""
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except ValueError as e:
        raise SystemExit("N=%d %s: the JSON does not parse: %s" % (n, period, e))
    text = json.dumps(doc)
    missing = [i for i in INDICATOR_IDS if '"%s"' % i not in text]
    if missing:
        raise SystemExit("N=%d %s: no %s in the JSON" % (n, period, ", ".join(missing)))
    try:
        r1 = next(i for i in doc["indicatoren"] if i.get("id") == "R1")["cumulatief"]
        return (r1["teller"], r1["noemer"])
    except (KeyError, TypeError, StopIteration):
        return None


def time_period(args, db, n, period):
    argv = indicators_argv(args, db, period)
    out = os.path.join(args.workdir, "indicators-%d-%s.json" % (n, period))
    secs, _, err, rc = measure_to(argv, out)            # warm-up, output checked
    if rc:
        ri.fail("indicators", argv, "", err, rc)
    r1 = check_json(out, n, period)
    json_bytes = os.path.getsize(out)
    os.remove(out)
    runs, rss = [], []
    for rep in range(args.repeat):
        s, kib, err, rc = measure_to(argv)
        if rc:
            ri.fail("indicators", argv, "", err, rc)
        runs.append(s)
        rss.append(kib)
    log("N=%d %s: warm-up %.3f s, runs %s s" % (n, period, secs,
                                                ", ".join("%.3f" % x for x in runs)))
    return {"secs": statistics.median(runs), "all": runs, "warmup": secs,
            "rss": max(rss), "json_bytes": json_bytes, "r1": r1}


# ---- per indicator: the modules' SQL in Python's sqlite3 ---------------------------

C_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
SQL_CONST = re.compile(r'static\s+const\s+char\s+(\w+)\s*\[\s*\]\s*=\s*'
                       r'((?:\s*"(?:[^"\\\n]|\\.)*")+)\s*;')


def c_unescape(s):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def module_sql(path):
    """{name: sql} of the `static const char name[] = "..." "...";` constants
    of one module that hold SQL."""
    with open(path, encoding="utf-8") as fh:
        src = fh.read()
    out = {}
    for m in SQL_CONST.finditer(src):
        text = "".join(c_unescape(s) for s in C_STRING.findall(m.group(2)))
        if re.match(r"\s*(SELECT|WITH)\b", text, re.I):
            out[m.group(1)] = text
    return out


def day(d):
    return (d - EPOCH).days


def from_day(n):
    return EPOCH + dt.timedelta(n)


def quarter_index(d):
    return d.year * 4 + (d.month - 1) // 3


def quarter_first(q):
    return dt.date(q // 4, (q % 4) * 3 + 1, 1)


def quarter_last(q):
    return quarter_first(q + 1) - dt.timedelta(1)


def parse_period(p):
    """(start, end) of '2025-Q4', '2025-10' or '2025' (engine/period.c's forms)."""
    m = re.fullmatch(r"(\d{4})-[Qq]([1-4])", p)
    if m:
        q = int(m.group(1)) * 4 + int(m.group(2)) - 1
        return quarter_first(q), quarter_last(q)
    m = re.fullmatch(r"(\d{4})-(\d{2})", p)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, 1), dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(1)
    m = re.fullmatch(r"(\d{4})", p)
    if m:
        return dt.date(int(p), 1, 1), dt.date(int(p), 12, 31)
    raise SystemExit("--period %s: this benchmark knows 2025-Q4, 2025-10 and 2025" % p)


def easter(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return dt.date(year, month, (h + l - 7 * m + 114) % 31 + 1)


def closed_days(first, last):
    """Atw holidays (engine/calendar.c year_holidays) and the shipped decree
    days (read from engine/calendar.c) between first and last."""
    out = set()
    for y in range(first.year, last.year + 1):
        e = easter(y)
        kd = dt.date(y, 4, 27)
        if kd.isoweekday() == 7:
            kd -= dt.timedelta(1)
        out |= {dt.date(y, 1, 1), kd, dt.date(y, 5, 5), dt.date(y, 12, 25),
                dt.date(y, 12, 26), e + dt.timedelta(1), e + dt.timedelta(39),
                e + dt.timedelta(50)}
    with open(os.path.join(ROOT, "engine", "calendar.c"), encoding="utf-8") as fh:
        src = fh.read()
    table = src[src.index("decree_days[]"):]
    table = table[:table.index("};")]
    out |= {from_day(int(x)) for x in re.findall(r"\{\s*(\d+)\s*,", table)}
    return out


def kalender_rows(first, last):
    """(dag, nr, deadline, kwartaal) as indicators/report.c load_calendar."""
    closed = closed_days(first, last)
    days = [first + dt.timedelta(i) for i in range((last - first).days + 1)]
    work = [d.isoweekday() <= 5 and d not in closed for d in days]
    rows, nr = [], 0
    for i, d in enumerate(days):
        nr += work[i]
        deadline, counted = None, 0
        for j in range(i + 1, len(days)):
            counted += work[j]
            if counted == 5:
                deadline = day(days[j])
                break
        rows.append((day(d), nr, deadline, quarter_index(d)))
    return rows


class Ranges:
    """indicators/report.c set_ranges for the default configuration."""

    def __init__(self, period):
        start, end = parse_period(period)
        self.peil = end
        self.per_from, self.per_to = day(start), day(min(end, self.peil))
        self.cum_from, self.cum_to = day(PROGRAMMA_START), day(self.peil)
        self.lo = min(self.per_from, self.cum_from)
        self.quarters = []
        if self.peil >= PROGRAMMA_START:
            for q in range(quarter_index(PROGRAMMA_START), quarter_index(self.peil) + 1):
                self.quarters.append((max(day(quarter_first(q)), self.cum_from),
                                      min(day(quarter_last(q)), self.cum_to)))
        first = min(start, PROGRAMMA_START, self.peil) - dt.timedelta(7)
        self.kalender = (first, self.peil + dt.timedelta(CALENDAR_MARGIN))


# What each module runs, in order: (module file, statement, binds). binds(r) gives
# one tuple per execution (R3's sql_active runs once per trend quarter). Since
# R1, R2 and B count in C over plain scans (commit 440e244), their statements
# here are those scans: the seconds are what SQLite spends reading the rows,
# and the rest of the module's time (the command's perf profile) is C.
def _lo_peil(r):
    return [(r.lo, day(r.peil))]


def _five(r):
    return [(r.per_from, r.per_to, r.cum_from, day(r.peil), r.lo)]


PLAN = [
    ("R1", "r1.c", "sql_r1", _lo_peil),
    ("R2", "r2.c", "sql_r2", _lo_peil),
    ("R3", "r3.c", "sql_specialists",
     lambda r: [(r.per_from, r.per_to, r.cum_from, r.cum_to)]),
    ("R3", "r3.c", "sql_active", lambda r: list(r.quarters)),
    ("R3", "r3.c", "sql_scores", _five),
    ("R4", "r4.c", "sql_milestones", lambda r: [("R4", r.lo, day(r.peil))]),
    ("R4", "r4.c", "sql_scores", _lo_peil),
    ("R5", "r4.c", "sql_milestones", lambda r: [("R5", r.lo, day(r.peil))]),
    ("R6", "r6.c", "sql_r6", _lo_peil),
    ("B", "b.c", "sql_begroting", lambda r: [()]),
    ("B", "b.c", "sql_rates", lambda r: [()]),
    ("B", "b.c", "sql_inzet", _lo_peil),
    ("B", "b.c", "sql_uitgaven", _lo_peil),
]


def load_plan():
    """The SQL of every PLAN entry, from the sources; complains about a
    statement the plan does not know (a new query this benchmark misses)."""
    sql, modules = {}, set()
    for f in sorted(os.listdir(os.path.join(ROOT, "indicators"))):
        if not f.endswith(".c"):
            continue
        path = os.path.join(ROOT, "indicators", f)
        with open(path, encoding="utf-8") as fh:
            if re.search(r"const\s+pm_indicator\s+pm_indicator_", fh.read()):
                modules.add(f)  # an indicator module, not a helper or exporter
        for name, text in module_sql(path).items():
            sql[(f, name)] = text
    known = {(f, s) for _, f, s, _ in PLAN}
    for key in sorted(k for k in set(sql) - known if k[0] in modules):
        log("note: %s %s is not in run_indicators.py's PLAN and is not timed" % key)
    for key in sorted(known - set(sql)):
        raise SystemExit("indicators/%s has no %s any more: update PLAN in "
                         "run_indicators.py" % key)
    return sql


def run_statement(con, sql, binds, keep=None):
    rows = 0
    for b in binds:
        got = con.execute(sql, b).fetchall()
        rows += len(got)
        if keep is not None:
            keep[:] = got
    return rows


def r1_cumulatief(rows, r, kal):
    """R1's cumulatief (teller, noemer) from the rows of sql_r1 (organisatie,
    ontvangen, eerste_contact, onderwerp), classified as r1.c classify does:
    a contact known on the peildatum is on time when not after the deadline,
    else late; no known contact is late once the deadline has passed, else
    pending (left out)."""
    deadline = {k[0]: k[2] for k in kal}
    peil = day(r.peil)
    on_time = late = 0
    for _, received, contact, _ in rows:
        if received < r.cum_from:
            continue
        due = deadline[received]
        if contact and contact <= peil:
            if contact <= due:
                on_time += 1
            else:
                late += 1
        elif peil > due:
            late += 1
    return (on_time, on_time + late)


def query_plan(con, sql, binds):
    lines = con.execute("EXPLAIN QUERY PLAN " + sql, binds[0] if binds else ()).fetchall()
    depth = {0: 0}
    out = []
    for node, parent, _, detail in lines:
        depth[node] = depth.get(parent, 0) + 1
        out.append("  " * (depth[node] - 1) + detail)
    return out


def profile_queries(db, period, repeat):
    """Per statement of every module: median seconds, rows, plan. Plus the
    report's own work (kalender, count(*) of the nine tables)."""
    sql = load_plan()
    r = Ranges(period)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA cache_size = -65536")   # engine/store.c
    con.execute("BEGIN")
    results = []

    def timed(fn):
        fn()                                        # warm-up
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t0)
        return statistics.median(times), out

    kal = kalender_rows(*r.kalender)

    def load_kalender():
        con.execute("DROP TABLE IF EXISTS temp.kalender")
        con.execute("CREATE TEMP TABLE kalender (dag INTEGER PRIMARY KEY, "
                    "nr INTEGER NOT NULL, deadline INTEGER, kwartaal INTEGER NOT NULL)")
        con.executemany("INSERT INTO temp.kalender VALUES (?, ?, ?, ?)", kal)
        return len(kal)

    secs, rows = timed(load_kalender)
    results.append({"module": "report", "stmt": "kalender (%d days)" % rows,
                    "secs": secs, "rows": rows, "plan": []})
    counts = ['SELECT count(*) FROM "%s"' % t for t in gen.DATASETS]
    secs, _ = timed(lambda: [con.execute(s).fetchone() for s in counts])
    results.append({"module": "report", "stmt": "count(*) of the nine tables",
                    "secs": secs, "rows": 9,
                    "plan": query_plan(con, counts[gen.DATASETS.index("inzet")], [()])})
    r1_rows = []
    for module, f, name, binds in PLAN:
        text = sql[(f, name)]
        b = binds(r)
        keep = r1_rows if (f, name) == ("r1.c", "sql_r1") else None
        secs, rows = timed(lambda: run_statement(con, text, b, keep))
        label = "%s %s" % (f, name) + (" ×%d" % len(b) if len(b) > 1 else "")
        results.append({"module": module, "stmt": label, "secs": secs, "rows": rows,
                        "plan": query_plan(con, text, b)})
    con.execute("COMMIT")
    con.close()
    return results, r1_cumulatief(r1_rows, r, kal)


# ---- perf -----------------------------------------------------------------------------

def perf_profile(args, db, n, period):
    """One indicators run under `perf record --call-graph dwarf` (libsqlite3 has
    no frame pointers). Returns {"files": [(source file, % of samples in it and
    what it calls)], "self": [perf report lines, self time by symbol]}."""
    perf = shutil.which("perf")
    if not perf:
        log("perf is not installed: no profile")
        return None
    data = os.path.join(args.workdir, "indicators-%d.perf.data" % n)
    argv = [perf, "record", "-q", "-F", "500", "--call-graph", "dwarf,16384", "-o", data,
            "--"] + indicators_argv(args, db, period)
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode:
        log("perf record failed: %s" % p.stderr.decode(errors="replace")[-500:])
        return None

    def report(*extra):
        return subprocess.run([perf, "report", "-i", data, "--stdio", "-g", "none"]
                              + list(extra), capture_output=True, text=True).stdout

    # Children by symbol and source line: each line of one of our functions
    # that is on the stack (a call site), e.g. "compute  r1.c:196". A function's
    # share is the sum over its lines; a file's, that of its outermost function
    # (the highest sum: the others run inside it). "compute" is static in every
    # module, so the file tells them apart.
    funcs = {}
    dso = re.escape(os.path.basename(args.run_bin))
    line = re.compile(r"\s*([\d.]+)%\s+[\d.]+%\s+" + dso +
                      r"\s+\[\.\]\s+(\S+).*?\s(\w+\.c):\d+\s*$")
    for ln in report("--children", "--sort", "dso,sym,srcline", "--percent-limit",
                     "0.1").splitlines():
        m = line.match(ln)
        if m and m.group(2) != "main":
            key = (m.group(3), m.group(2))
            funcs[key] = funcs.get(key, 0.0) + float(m.group(1))
    files = {}
    for (f, _), pct in funcs.items():
        files[f] = min(100.0, max(files.get(f, 0.0), pct))
    selfs = [ln.rstrip() for ln in report("--no-children", "--sort", "dso,sym",
                                          "--percent-limit", "2").splitlines()
             if ln.strip() and not ln.startswith("#")]
    if not args.keep:
        os.remove(data)
    return {"files": sorted(files.items(), key=lambda x: -x[1]),
            "self": selfs[:20]}


# ---- report ---------------------------------------------------------------------------

def mib(kib):
    return "%.1f MiB" % (kib / 1024)


def main_table(results, periods):
    base = results[0]
    lines = ["| N (hulpvragen) | rows (nine tables) | periode | median s | peak RSS "
             "| × time vs N=%d | linear would be | goal < %.0f s at %d |"
             % (base["n"], GOAL_SECONDS, GOAL_N),
             "|---:|---:|---|---:|---:|---:|---:|---|"]
    for r in results:
        rows = sum(r["rows"].values())
        for p in periods:
            m = r["periods"][p]
            ratio = m["secs"] / base["periods"][p]["secs"]
            goal = ""
            if r["n"] >= GOAL_N:
                goal = "✓" if m["secs"] < GOAL_SECONDS else "✗"
            lines.append("| %d | %d | %s | %.3f | %s | %s | %s | %s |" % (
                r["n"], rows, p, m["secs"], mib(m["rss"]),
                "%.2f" % ratio if r is not base else "1", "%g" % (r["n"] / base["n"]),
                goal))
    return lines


def rows_table(results):
    lines = ["| N | " + " | ".join(gen.DATASETS) + " | total |",
             "|---:|" + "---:|" * (len(gen.DATASETS) + 1)]
    for r in results:
        lines.append("| %d | %s | %d |" % (r["n"], " | ".join(
            str(r["rows"][t]) for t in gen.DATASETS), sum(r["rows"].values())))
    return lines


def module_totals(queries):
    tot = {}
    for q in queries:
        tot[q["module"]] = tot.get(q["module"], 0.0) + q["secs"]
    return tot


def indicator_table(results, period):
    """Seconds per module at every N, with the growth against the first N."""
    have = [r for r in results if r.get("queries", {}).get(period)]
    if not have:
        return []
    tots = [module_totals(r["queries"][period]) for r in have]
    modules = list(tots[0])
    head = "| module | " + " | ".join("s at N=%d" % r["n"] for r in have)
    if len(have) > 1:
        head += " | × N=%d vs N=%d" % (have[-1]["n"], have[0]["n"])
    lines = [head + " |", "|---|" + "---:|" * (len(have) + (len(have) > 1))]
    for m in modules + ["sum"]:
        vals = [sum(t.values()) if m == "sum" else t[m] for t in tots]
        row = "| %s | %s" % (m, " | ".join("%.3f" % v for v in vals))
        if len(have) > 1:
            row += " | %s" % ("%.1f" % (vals[-1] / vals[0]) if vals[0] > 0.0005 else "–")
        lines.append(row + " |")
    return lines


def query_table(queries, total):
    lines = ["| module | statement | s | share of the command | rows out | plan |",
             "|---|---|---:|---:|---:|---|"]
    for q in queries:
        plan = "<br>".join(ln.replace("|", "\\|").replace(" ", "&nbsp;", len(ln) -
                                                           len(ln.lstrip()))
                           for ln in q["plan"])
        lines.append("| %s | %s | %.3f | %.0f%% | %d | %s |" % (
            q["module"], q["stmt"], q["secs"], 100 * q["secs"] / total, q["rows"],
            plan or "–"))
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="*", type=int, default=[100000, 1000000],
                    help="numbers of hulpvragen (default: 100000 1000000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs (median)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--period", action="append",
                    help="periods to report on (default: 2025-Q4 and 2026-Q1)")
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "pijlermonitor"))
    ap.add_argument("--workdir", default=os.path.join(HERE, "work"),
                    help="databases (default bench/work, git-ignored)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the databases for the next run (reused when they match)")
    ap.add_argument("--fresh", action="store_true", help="never reuse a kept database")
    ap.add_argument("--no-queries", action="store_true",
                    help="skip the per-indicator query timing")
    ap.add_argument("--perf", action="store_true",
                    help="profile one run at the largest N with perf (automatic when "
                         "it misses the goal)")
    ap.add_argument("--out", default=os.path.join(HERE, "results", "indicators.md"))
    args = ap.parse_args(argv)
    args.bin = os.path.abspath(args.bin)
    args.workdir = os.path.abspath(args.workdir)
    args.sqlite3 = shutil.which("sqlite3") or "/usr/bin/sqlite3"   # for ri.environment
    periods = args.period or ["2025-Q4", "2026-Q1"]
    sizes = sorted(set(args.n))
    if not os.access(args.bin, os.X_OK):
        raise SystemExit("%s is missing; build first: ninja -C build" % args.bin)
    os.makedirs(args.workdir, exist_ok=True)
    gen_sha = file_sha(os.path.join(HERE, "gen.py"))
    # Every run uses a copy of the binary taken now: a rebuild during the
    # minutes this takes must not swap the program between runs.
    args.run_bin = os.path.join(args.workdir, "pijlermonitor-indicators-bench")
    shutil.copy2(args.bin, args.run_bin)

    results = []
    for n in sizes:
        db, meta = prepare_db(n, args, gen_sha)
        r = {"n": n, "rows": meta["rows"], "import_s": meta["import_s"],
             "reused": meta["reused"], "periods": {}, "queries": {}}
        for p in periods:
            r["periods"][p] = time_period(args, db, n, p)
        if not args.no_queries:
            for p in periods:
                log("N=%d %s: timing the indicator queries" % (n, p))
                r["queries"][p], r1 = profile_queries(db, p, args.repeat)
                # The same R1 figures as the binary: the kalender and binds here
                # are the engine's, so the timings are of the same work.
                if r1 != tuple(r["periods"][p]["r1"] or ()):
                    log("WARNING: N=%d %s: R1 cumulatief here %s, pijlermonitor %s; the "
                        "kalender or binds of run_indicators.py differ from the engine"
                        % (n, p, r1, r["periods"][p]["r1"]))
                r["r1_check"] = r.get("r1_check", True) and \
                    r1 == tuple(r["periods"][p]["r1"] or ())
        biggest = n == sizes[-1]
        slow = r["periods"][periods[0]]["secs"] >= GOAL_SECONDS and n >= GOAL_N
        if biggest and (args.perf or slow):
            log("N=%d: perf record" % n)
            r["perf"] = perf_profile(args, db, n, periods[0])
        if not args.keep:
            ri.fresh(db)
        results.append(r)

    md = ["# Indicators benchmark", "",
          "`bench/indicators.sh %s` on %s." % (" ".join(str(n) for n in sizes),
                                               dt.date.today().isoformat()), ""]
    env = ri.environment(args)
    env[1] += ", built %s" % dt.datetime.fromtimestamp(
        os.path.getmtime(args.run_bin)).strftime("%Y-%m-%d %H:%M")
    os.remove(args.run_bin)
    env[-1] = ("median of %d runs after one warm-up run (page cache warm), seed %d, "
               "iso dialect, databases in %s" % (args.repeat, args.seed,
                                                 os.path.relpath(args.workdir, ROOT)))
    md += ["- " + e for e in env]
    imported = ", ".join(
        "N=%d %s in %.1f s" % (r["n"], "was imported earlier" if r["reused"] else "imported",
                               r["import_s"]) for r in results)
    md += ["", "Timed: `pijlermonitor --db X indicators --period P --format json "
           "--audience intern > /dev/null`, the whole process (open, the kalender, every "
           "indicator's queries, the JSON). The peildatum is the period's last day. "
           "Not timed: generating and importing the data (%s). × time = time(N) / "
           "time(N=%d): linear growth would be N / %d, less is better."
           % (imported, sizes[0], sizes[0]), ""]
    md += main_table(results, periods)
    md += ["", "Rows per dataset:", ""] + rows_table(results)
    md += ["", "All runs (s) and the size of the JSON:", ""]
    for r in results:
        for p in periods:
            m = r["periods"][p]
            md.append("- N=%d %s: warm-up %.3f; %s; JSON %.1f MB" % (
                r["n"], p, m["warmup"], ", ".join("%.3f" % x for x in m["all"]),
                m["json_bytes"] / 1e6))
    if not args.no_queries:
        big = results[-1]
        md += ["", "## Per indicator", "",
               "The SQL of each indicators/*.c module run with Python's sqlite3 (SQLite %s, "
               "the library the binary uses) on the same database, with the same binds, "
               "inside one read transaction with TEMP TABLE kalender, `cache_size` as the "
               "store sets it; median of %d after one warm-up. Seconds include fetching the "
               "rows into Python, so they are a little above what the C code spends. "
               "'report' is indicators/report.c's own work. Check: R1's cumulatief "
               "teller and noemer from these rows %s those in pijlermonitor's JSON."
               % (sqlite3.sqlite_version, args.repeat,
                  "equal" if all(r.get("r1_check") for r in results)
                  else "do NOT all equal (see the log)"), ""]
        for p in periods:
            md += ["### %s: seconds per module" % p, ""] + indicator_table(results, p) + [""]
        for p in periods:
            total = big["periods"][p]["secs"]
            md += ["### %s at N=%d: every statement (the command took %.3f s)"
                   % (p, big["n"], total), ""]
            md += query_table(big["queries"][p], total) + [""]
    prof = results[-1].get("perf")
    if prof:
        total = results[-1]["periods"][periods[0]]["secs"]
        md += ["## perf at N=%d, %s" % (results[-1]["n"], periods[0]), "",
               "One run under `perf record -F 500 --call-graph dwarf`. Per source file of "
               "pijlermonitor: the share of the samples with that file's code on the stack "
               "(`perf report --children --sort dso,sym,srcline`: a function's call sites "
               "added up, the file's outermost function), and that share of the median "
               "%.3f s. cli.c holds the whole command and report.c every indicator (each "
               "rN.c/b.c); json.c is the JSON output." % total, "",
               "| source file | share | ≈ s |", "|---|---:|---:|"]
        md += ["| %s | %.1f%% | %.2f |" % (f, pct, pct / 100 * total)
               for f, pct in prof["files"]]
        md += ["", "Self time by symbol (`perf report --no-children --sort dso,sym`, "
               "≥ 2%; libsqlite3 without debug symbols shows bare addresses):", "", "```"]
        md += prof["self"] + ["```", ""]
    text = "\n".join(md).rstrip("\n") + "\n"
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("\n".join(main_table(results, periods)))
    if not args.no_queries:
        for p in periods:
            print("\n%s, seconds per module:" % p)
            print("\n".join(indicator_table(results, p)))
    log("written: %s" % os.path.relpath(args.out, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
