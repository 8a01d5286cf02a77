#!/usr/bin/env python3
"""run_pipeline.py: the whole pipeline against the tools a user would otherwise use.

    bench/run [N ...] [--repeat 3] [--repeat-big 3] [--period 2025-Q4] [--seed 1]
              [--bin build/pijlermonitor] [--workdir bench/work] [--clean]
              [--no-baselines] [--profile] [--out docs/PERFORMANCE.md]
                                         (default N: 10k 100k 1M; 1M, 250k, 10000 all work)

Issue 7 (and the benchmarks of issue 4 point 7 and issue 5 point 7). For every
N (number of hulpvragen), with the nine iso CSVs of bench/gen.py made once and
kept in --workdir (reused while N, seed and gen.py match; --clean removes them
at the end), it measures wall time and peak RSS of each step of pijlermonitor:

  import      `init` + `import` of the nine files into a fresh database
  indicators  `indicators --period P --format json --audience extern` (stdout to a file)
  workbook    `report --period P --audience intern --xlsx F` (with the row-level sheets)
  PDF         `report --period P --audience intern --pdf F`

and in the same run the baselines:

  (a) sqlite3     the sqlite3 shell's `.import` of the same rows into the same tables
                  and indexes (bench/run_import.py's baseline; the import's ceiling)
  (b) pandas      bench/baseline_pandas.py: pandas reads the CSVs, computes R1 and R2
                  for P, XlsxWriter (constant_memory) writes P's row-level sheets and a
                  matplotlib chart: what a data analyst would otherwise write
  (c) XlsxWriter  bench/baseline_xlsxwriter.py: the very cells of our workbook's
                  row-level sheets written by Python's XlsxWriter (issue 4 point 7);
                  at N <= 100000 checked cell by cell against our workbook (openpyxl)

Each measurement is the median of --repeat runs (default 3); at N >= 1000000 the
import (with its sqlite3 baseline), the pandas script and the XlsxWriter script run
--repeat-big times (default 3): each takes half a minute to minutes. The report
steps run on the database the (last) import made, after a `sync`, so their page
cache is warm, as for a user who reports right after importing; the indicators
step has one untimed warm-up run whose JSON is checked (R1 and R2 must equal the
pandas script's). Every run uses a copy of the binary taken at the start.

The table (ours, the baseline, ours/baseline for time and RSS), the targets of
issue 7 with ✓/✗, the environment, the commands and every single run are printed
and written into --out between the markers `<!-- bench/run: begin -->` and
`<!-- bench/run: end -->`; the text around them (the hand-written profile notes)
stays. Missing Debian packages python3-pandas, python3-xlsxwriter,
python3-matplotlib and python3-openpyxl are installed with apt-get (said on stderr).
"""

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen  # noqa: E402
import run_import as ri  # noqa: E402  (baseline schema and copies, measuring)
import run_indicators as rind  # noqa: E402  (measure_to, file_sha)
import run_dashboard as rdash  # noqa: E402  (the dashboard steps of issue 14)

PYTHON = "/usr/bin/python3"  # the Debian Python, which the Debian packages serve
PACKAGES = {"pandas": "python3-pandas", "xlsxwriter": "python3-xlsxwriter",
            "matplotlib": "python3-matplotlib", "openpyxl": "python3-openpyxl"}
BIG = 1000000
CHECK_MAX_N = 100000      # the openpyxl cell check of baseline (c) up to this N
BEGIN, END = "<!-- bench/run: begin -->", "<!-- bench/run: end -->"
LINEAR_SLACK = 1.1        # "linear or better": time(1M)/time(100k) <= 10 × this
FLAT_SLACK_KIB = 8 * 1024  # "memory flat": workbook's extra RSS may grow this much
DASHBOARD_STEPS = ["dashboard", "dashboard vorige", "dashboard per regio"]

log = ri.log


# ---- setup -------------------------------------------------------------------------

def ensure_packages():
    """Installs the Debian packages of the Python baselines when missing."""
    probe = "import importlib.util, sys; print(' '.join(m for m in sys.argv[1:] " \
            "if importlib.util.find_spec(m) is None))"
    missing = subprocess.run([PYTHON, "-c", probe] + list(PACKAGES), capture_output=True,
                             text=True).stdout.split()
    if not missing:
        return []
    pkgs = [PACKAGES[m] for m in missing]
    apt = shutil.which("apt-get")
    if not apt or os.geteuid() != 0:
        raise SystemExit("bench/run needs the Debian packages %s: "
                         "sudo apt-get install %s" % (", ".join(pkgs), " ".join(pkgs)))
    log("bench/run: installing the missing Debian packages %s with apt-get"
        % " ".join(pkgs))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    argv = [apt, "install", "-y", "--no-install-recommends"] + pkgs
    if subprocess.run(argv, env=env, stdout=subprocess.DEVNULL).returncode:
        subprocess.run([apt, "update"], env=env, stdout=subprocess.DEVNULL)
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return pkgs


def parse_n(text):
    m = re.fullmatch(r"(\d+)([kKmM]?)", text)
    if not m:
        raise argparse.ArgumentTypeError("%s: a number like 10000, 10k or 1M" % text)
    return int(m.group(1)) * {"": 1, "k": 1000, "m": 1000000}[m.group(2).lower()]


def label(n):
    return "%dM" % (n // BIG) if n % BIG == 0 else "%dk" % (n // 1000) \
        if n % 1000 == 0 else str(n)


def build_phases(args, name="report_phases", without="no phase split"):
    """bench/NAME (not built by default) in the build folder of --bin,
    copied to the work folder like the binary. None when it cannot be built."""
    build = os.path.dirname(args.bin)
    p = subprocess.run(["ninja", "-C", build, "bench/" + name], capture_output=True,
                       text=True)
    src = os.path.join(build, "bench", name)
    if p.returncode or not os.access(src, os.X_OK):
        log("bench/%s could not be built (%s): %s"
            % (name, (p.stdout + p.stderr).strip()[-300:], without))
        return None
    dst = os.path.join(args.workdir, name + "-run-bench")
    shutil.copy2(src, dst)
    return dst


# ---- data ----------------------------------------------------------------------------

def prepare_data(n, args, gen_sha, columns):
    """The nine iso files of N (kept from an earlier run when N, seed and gen.py
    match and the files are whole) and the sqlite3 shell's copies of them.
    Returns ({dataset: (path, rows)}, [(table, shell copy)], reused)."""
    data = os.path.join(args.workdir, "pipeline-data-%d-seed%d" % (n, args.seed))
    shell = data + "-sqlite3"
    meta_path = data + ".json"
    meta = None
    try:
        with open(meta_path, encoding="utf-8") as fh:
            meta = json.load(fh)
        ok = (meta["n"], meta["seed"], meta["gen_sha"]) == (n, args.seed, gen_sha) and all(
            os.path.getsize(os.path.join(data, d + ".csv")) == meta["bytes"][d]
            for d in gen.DATASETS)
        if not ok:
            meta = None
    except (OSError, ValueError, KeyError):
        meta = None
    reused = meta is not None
    if not meta:
        for p in (data, shell):
            shutil.rmtree(p, ignore_errors=True)
        t0 = time.perf_counter()
        made = gen.generate(n, args.seed, data, "iso")
        log("N=%s: files generated in %.1f s" % (label(n), time.perf_counter() - t0))
        meta = {"n": n, "seed": args.seed, "gen_sha": gen_sha,
                "rows": {d: r for d, (_, r) in made.items()},
                "bytes": {d: os.path.getsize(p) for d, (p, _) in made.items()}}
        with open(meta_path, "w", encoding="utf-8") as fh:
            json.dump(meta, fh, indent=1)
    else:
        log("N=%s: reusing the files in %s" % (label(n), os.path.relpath(data, ROOT)))
    files = {d: (os.path.join(data, d + ".csv"), meta["rows"][d]) for d in gen.DATASETS}
    # The shell's copies depend on the table columns of the current binary.
    stamp = os.path.join(shell, "columns.json")
    want = {"columns": columns, "gen_sha": gen_sha, "bytes": meta["bytes"]}
    try:
        with open(stamp, encoding="utf-8") as fh:
            fresh_copies = json.load(fh) != want
    except (OSError, ValueError):
        fresh_copies = True
    if fresh_copies:
        shutil.rmtree(shell, ignore_errors=True)
        os.makedirs(shell)
        t0 = time.perf_counter()
        for table, (path, _) in files.items():
            ri.baseline_copy(path, os.path.join(shell, table + ".csv"), columns[table])
        with open(stamp, "w", encoding="utf-8") as fh:
            json.dump(want, fh)
        log("N=%s: copies for the sqlite3 shell written in %.1f s"
            % (label(n), time.perf_counter() - t0))
    shell_files = [(t, os.path.join(shell, t + ".csv")) for t in gen.DATASETS]
    return files, shell_files, reused


# ---- measuring -------------------------------------------------------------------------

def run(argv, what, stdout_path=None):
    """One measured run: (seconds, peak RSS KiB). Stops the benchmark on failure."""
    secs, kib, err, rc = rind.measure_to(argv, stdout_path)
    if rc:
        ri.fail(what, argv, "", err, rc)
    return secs, kib


class Step:
    """The runs of one step at one N."""

    def __init__(self, name):
        self.name, self.secs, self.rss, self.note = name, [], [], ""

    def add(self, secs, kib):
        self.secs.append(secs)
        self.rss.append(kib)

    @property
    def t(self):
        return statistics.median(self.secs) if self.secs else None

    @property
    def m(self):
        return max(self.rss) if self.rss else None

    def runs(self):
        return ", ".join("%.3f" % s for s in self.secs)


def import_step(n, args, files, shell_files, ddl, db):
    """ours (init + import into a fresh db) and the sqlite3 shell, alternating."""
    script = os.path.join(args.workdir, "pipeline-shell-%d.sql" % n)
    ri.shell_script(ddl, shell_files, script)
    shell_db = os.path.join(args.workdir, "pipeline-shell-%d.db" % n)
    total = sum(r for _, r in files.values())
    paths = [p for p, _ in files.values()]
    ours, base = Step("import"), Step("sqlite3 .import")
    reps = args.repeat_big if n >= BIG else args.repeat
    for rep in range(reps):
        ri.fresh(db)
        init = [args.run_bin, "--db", db, "init"]
        imp = [args.run_bin, "--db", db, "import"] + paths
        s1, k1, out, err, rc = ri.measure(init)
        if rc:
            ri.fail("init", init, out, err, rc)
        s2, k2, out, err, rc = ri.measure(imp)
        if rc or "Import voltooid: %d rijen" % total not in out:
            ri.fail("import of %d rows" % total, imp[:4] + ["..."], out, err, rc or 1)
        ours.add(s1 + s2, max(k1, k2))
        ri.fresh(shell_db)
        argv = [args.sqlite3, shell_db]
        s, k, out, err, rc = ri.measure(argv, stdin_path=script)
        if rc or err.strip():
            ri.fail("sqlite3 .import", argv, out, err, rc or 1)
        base.add(s, k)
        if rep == 0 and (ri.count_rows(db), ri.count_rows(shell_db)) != (total, total):
            raise SystemExit("N=%d: rows differ after the import" % n)
        log("N=%s import %d/%d: ours %.2f s, sqlite3 %.2f s" % (label(n), rep + 1, reps,
                                                               s1 + s2, s))
    ri.fresh(shell_db)
    os.remove(script)
    os.sync()   # the import's writeback must not run into the next steps
    return ours, base


def r_figures(doc):
    """{R1: (teller, noemer), R2: ...} of the periode in pijlermonitor's JSON."""
    out = {}
    for i in doc["indicatoren"]:
        if i.get("id") in ("R1", "R2"):
            out[i["id"]] = (int(i["periode"]["teller"]), int(i["periode"]["noemer"]))
    return out


def bench_one(n, args, gen_sha, ddl, columns):
    res = {"n": n, "steps": {}, "checks": [], "notes": []}
    files, shell_files, reused = prepare_data(n, args, gen_sha, columns)
    res["rows"] = sum(r for _, r in files.values())
    res["reused"] = reused
    db = os.path.join(args.workdir, "pipeline-%d.db" % n)
    S = res["steps"]
    S["import"], S["sqlite3"] = import_step(n, args, files, shell_files, ddl, db)
    P = args.period
    reps = args.repeat
    reps_big = args.repeat_big if n >= BIG else args.repeat

    # indicators: a checked warm-up, then the timed runs
    ind = [args.run_bin, "--db", db, "indicators", "--period", P, "--format", "json",
           "--audience", "extern"]
    out_json = os.path.join(args.workdir, "pipeline-%d.json" % n)
    run(ind, "indicators", out_json)
    with open(out_json, encoding="utf-8") as fh:
        ours_r = r_figures(json.load(fh))
    step = S["indicators"] = Step("indicators")
    for _ in range(reps):
        step.add(*run(ind, "indicators", out_json))
    os.remove(out_json)
    log("N=%s indicators: %s s" % (label(n), step.runs()))

    # the dashboard (issue 14 point 5), against the indicators of the same run;
    # skipped while the command (or --vergelijk, --per) does not exist yet
    d = rdash.dashboard_steps(args.run_bin, db, P, reps, args.workdir, log=log,
                              only=DASHBOARD_STEPS)
    for name in DASHBOARD_STEPS:
        x = d.get(name)
        if x and x["skipped"]:
            res["checks"].append("%s: skipped (%s)" % (name, x["skipped"]))
        elif x:
            step = S[name] = Step(name)
            for secs, kib in zip(x["secs"], x["kib"]):
                step.add(secs, kib)
    shutil.rmtree(d["_folder"], ignore_errors=True)

    # the workbook and the PDF
    xlsx = os.path.join(args.workdir, "pipeline-%d.xlsx" % n)
    pdf = os.path.join(args.workdir, "pipeline-%d.pdf" % n)
    wb = [args.run_bin, "--db", db, "report", "--period", P, "--audience", "intern",
          "--xlsx", xlsx]
    pd_ = [args.run_bin, "--db", db, "report", "--period", P, "--audience", "intern",
           "--pdf", pdf]
    step = S["workbook"] = Step("workbook")
    for _ in range(reps):
        step.add(*run(wb, "report --xlsx"))
    res["xlsx_bytes"] = os.path.getsize(xlsx)
    log("N=%s workbook: %s s" % (label(n), step.runs()))
    step = S["pdf"] = Step("PDF")
    for _ in range(reps):
        step.add(*run(pd_, "report --pdf"))
    res["pdf_bytes"] = os.path.getsize(pdf)
    os.remove(pdf)
    log("N=%s PDF: %s s" % (label(n), step.runs()))
    # the quarterly report as a user makes it: one command, workbook and PDF
    rp = [args.run_bin, "--db", db, "report", "--period", P, "--audience", "intern",
          "--xlsx", xlsx, "--pdf", pdf]
    step = S["report"] = Step("report")
    for _ in range(reps):
        step.add(*run(rp, "report --xlsx --pdf"))
    os.remove(pdf)
    log("N=%s report --xlsx --pdf: %s s" % (label(n), step.runs()))

    # the same report in one process, phase by phase (bench/report_phases.c)
    if args.phases_bin:
        px = os.path.join(args.workdir, "pipeline-%d-phases.xlsx" % n)
        pp = os.path.join(args.workdir, "pipeline-%d-phases.pdf" % n)
        out = os.path.join(args.workdir, "pipeline-%d-phases.out" % n)
        argv = [args.phases_bin, db, P, "intern", px, pp]
        runs = []
        for _ in range(reps_big):
            run(argv, "report_phases", out)
            with open(out, encoding="utf-8") as fh:
                runs.append(json.load(fh))
        res["phases"] = runs
        for p in (px, pp, out):
            os.remove(p)
        log("N=%s phases: %s" % (label(n), ", ".join(
            "%s %.2f s" % (k, statistics.median(r[k]["s"] for r in runs))
            for k in runs[0] if k not in ("open", "total"))))

    # libxlsxwriter alone writing the row-level cells from memory (bench/xlsx_floor.c)
    if args.floor_bin:
        fx = os.path.join(args.workdir, "pipeline-%d-floor.xlsx" % n)
        out = os.path.join(args.workdir, "pipeline-%d-floor.out" % n)
        runs = []
        for _ in range(reps_big):
            run([args.floor_bin, db, P, fx], "xlsx_floor", out)
            with open(out, encoding="utf-8") as fh:
                runs.append(json.load(fh))
        res["floor"] = {"s": statistics.median(r["total_s"] for r in runs),
                        "cells": runs[0]["cells"], "rows": runs[0]["rows"]}
        for p in (fx, out):
            os.remove(p)
        log("N=%s libxlsxwriter alone: %s s" % (label(n), ", ".join(
            "%.2f" % r["total_s"] for r in runs)))

    if not args.no_baselines:
        # (c) the same cells by XlsxWriter; checked against ours up to 100k
        pyx = os.path.join(args.workdir, "pipeline-%d-xlsxwriter.xlsx" % n)
        argv = [PYTHON, os.path.join(HERE, "baseline_xlsxwriter.py"), "--db", db,
                "--period", P, "--out", pyx]
        out = os.path.join(args.workdir, "pipeline-%d-xlsxwriter.out" % n)
        if n <= CHECK_MAX_N:
            run(argv + ["--check", xlsx], "baseline_xlsxwriter.py --check", out)
            with open(out, encoding="utf-8") as fh:
                chk = json.load(fh)["check"]
            res["checks"].append(
                "(c) the XlsxWriter workbook has the same %d cells (value and number "
                "format) in the row-level sheets as ours: %s"
                % (chk["cells"], "yes" if not chk["differences"] else
                   "NO: " + "; ".join(chk["differences"])))
            if chk["differences"]:
                log("WARNING: N=%d: baseline (c) cells differ: %s" % (n, chk["differences"]))
        step = S["xlsxwriter"] = Step("XlsxWriter same cells")
        inside = []
        for _ in range(reps_big):
            step.add(*run(argv, "baseline_xlsxwriter.py", out))
            with open(out, encoding="utf-8") as fh:
                info = json.load(fh)
            inside.append(info["seconds"]["xlsxwriter"])
        step.note = "of which in XlsxWriter's calls: %s s" % ", ".join("%.3f" % x
                                                                      for x in inside)
        res["xlsxwriter_inside"] = statistics.median(inside)
        res["sheet_rows"] = info["rows"]
        for p in (pyx, out):
            os.remove(p)
        log("N=%s XlsxWriter same cells: %s s" % (label(n), step.runs()))

        # (b) the pandas script
        pdx = os.path.join(args.workdir, "pipeline-%d-pandas.xlsx" % n)
        out = os.path.join(args.workdir, "pipeline-%d-pandas.out" % n)
        argv = [PYTHON, os.path.join(HERE, "baseline_pandas.py"), "--data",
                os.path.dirname(files["hulpvragen"][0]), "--period", P, "--out", pdx]
        step = S["pandas"] = Step("pandas script")
        phases = []
        for _ in range(reps_big):
            step.add(*run(argv, "baseline_pandas.py", out))
            with open(out, encoding="utf-8") as fh:
                info = json.load(fh)
            phases.append(info["seconds"])
        step.note = "phases (s): " + "; ".join(
            ", ".join("%s %.2f" % (k, v) for k, v in ph.items() if k != "total")
            for ph in phases)
        theirs = {k: (info[k]["teller"], info[k]["noemer"]) for k in ("R1", "R2")}
        res["checks"].append(
            "(b) R1 and R2 of the pandas script equal pijlermonitor's (%s): %s" % (
                ", ".join("%s %d/%d" % (k, *ours_r[k]) for k in sorted(ours_r)),
                "yes" if theirs == ours_r else "NO: pandas %s" % theirs))
        if theirs != ours_r:
            log("WARNING: N=%d: pandas R1/R2 %s, ours %s" % (n, theirs, ours_r))
        res["pandas_rows"] = info["rows"]
        for p in (pdx, out):
            os.remove(p)
        log("N=%s pandas script: %s s" % (label(n), step.runs()))
    os.remove(xlsx)
    if args.profile and n == args.sizes[-1]:
        res["profile"] = profile(args, db, n)
    if args.clean:
        shutil.rmtree(os.path.dirname(files["hulpvragen"][0]), ignore_errors=True)
        shutil.rmtree(os.path.dirname(shell_files[0][1]), ignore_errors=True)
    ri.fresh(db)
    return res


# ---- profile -------------------------------------------------------------------------------

PHASES = [("pm_report_compute", "indicators (pm_report_compute)"),
          ("pm_store_fingerprint", "data fingerprint (pm_store_fingerprint)"),
          ("pm_check_warnings", "check warnings for Toelichting (pm_check_warnings)"),
          ("integrity", "  of which PRAGMA integrity_check"),
          ("pm_xlsx_write", "workbook writer (pm_xlsx_write)"),
          ("pm_rows_next", "  of which reading rows (pm_rows_next)"),
          ("workbook_close", "  of which zip/deflate at close (workbook_close)"),
          ("pm_pdf_write", "PDF writer (pm_pdf_write)")]


def profile(args, db, n):
    """`report --xlsx --pdf` once under perf record: the share of each phase."""
    perf = shutil.which("perf")
    if not perf:
        log("perf is not installed: no profile")
        return None
    data = os.path.join(args.workdir, "pipeline-%d.perf.data" % n)
    xlsx = os.path.join(args.workdir, "pipeline-prof.xlsx")
    pdf = os.path.join(args.workdir, "pipeline-prof.pdf")
    argv = [args.run_bin, "--db", db, "report", "--period", args.period, "--audience",
            "intern", "--xlsx", xlsx, "--pdf", pdf]
    log("N=%s: perf record of report --xlsx --pdf" % label(n))
    t0 = time.perf_counter()
    p = subprocess.run([perf, "record", "-q", "-F", "49", "--call-graph", "dwarf,16384",
                        "-o", data, "--"] + argv, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    secs = time.perf_counter() - t0
    for f in (xlsx, pdf):
        if os.path.exists(f):
            os.remove(f)
    if p.returncode:
        log("perf record failed: %s" % p.stderr.decode(errors="replace")[-500:])
        return None
    rep = subprocess.run([perf, "report", "-i", data, "--stdio", "--children", "--sort",
                          "sym", "-g", "none", "--percent-limit", "0.5"],
                         capture_output=True, text=True).stdout
    os.remove(data)
    share = {}
    for ln in rep.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+[\d.]+%\s+\[\.\]\s+(\S+)", ln)
        if m and m.group(2) not in share:
            share[m.group(2)] = float(m.group(1))
    return {"secs": secs, "phases": [(lbl, share.get(sym, 0.0)) for sym, lbl in PHASES]}


# ---- the report ---------------------------------------------------------------------------

def mib(kib):
    return "%.1f MiB" % (kib / 1024) if kib is not None else "–"


def sec(s):
    return "%.3f" % s if s is not None else "–"


def ratio(a, b):
    return "%.3g" % (a / b) if a is not None and b else "–"


def combined(res, names):
    """(seconds, peak RSS) of steps run one after the other."""
    steps = [res["steps"].get(k) for k in names]
    if any(s is None or s.t is None for s in steps):
        return None, None
    return sum(s.t for s in steps), max(s.m for s in steps)


def main_table(results):
    lines = ["| N | step | ours s | ours peak RSS | baseline | baseline s | baseline peak RSS "
             "| time ours/baseline | RSS ours/baseline |",
             "|---:|---|---:|---:|---|---:|---:|---:|---:|"]
    for r in results:
        S = r["steps"]
        pand = S.get("pandas")
        rows = [("import", S["import"].t, S["import"].m, "(a) sqlite3 .import", S["sqlite3"]),
                ("indicators", S["indicators"].t, S["indicators"].m, "", None),
                ("workbook", S["workbook"].t, S["workbook"].m, "(c) XlsxWriter same cells",
                 S.get("xlsxwriter")),
                ("PDF", S["pdf"].t, S["pdf"].m, "", None)]
        for name in DASHBOARD_STEPS:
            if S.get(name):
                rows.append((name, S[name].t, S[name].m, "indicators (same computation)",
                             S["indicators"]))
        t, m = combined(r, ["report"])
        rows.append(("**quarterly report** (`report --xlsx --pdf`, one command)", t, m,
                     "(b) pandas script", pand))
        t, m = combined(r, ["import", "report"])
        rows.append(("**whole pipeline** (import + quarterly report)", t, m,
                     "(b) pandas script", pand))
        for name, t, m, bname, b in rows:
            lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                label(r["n"]), name, sec(t), mib(m), bname or "–",
                sec(b.t) if b else "–", mib(b.m) if b else "–",
                ratio(t, b.t) if b else "–", ratio(m, b.m) if b else "–"))
    return lines


def growth_table(results):
    """time and RSS of each step per N, and the growth between consecutive sizes."""
    names = [("import", "import"), ("indicators", "indicators"), ("workbook", "workbook"),
             ("pdf", "PDF"), ("report", "report (xlsx + PDF)"),
             ("dashboard", "dashboard"), ("dashboard vorige", "dashboard --vergelijk vorige"),
             ("dashboard per regio", "dashboard --per regio"), ("sqlite3", "(a) sqlite3"), ("xlsxwriter", "(c) XlsxWriter"),
             ("pandas", "(b) pandas")]
    head = "| step | " + " | ".join("s at %s" % label(r["n"]) for r in results)
    head += " | " + " | ".join("RSS at %s" % label(r["n"]) for r in results)
    pairs = list(zip(results, results[1:]))
    head += "".join(" | × s %s→%s (linear %g)" % (label(a["n"]), label(b["n"]),
                                                 b["n"] / a["n"]) for a, b in pairs)
    lines = [head + " |", "|---|" + "---:|" * (2 * len(results) + len(pairs))]
    for key, name in names:
        steps = [r["steps"].get(key) for r in results]
        if all(s is None for s in steps):
            continue
        row = "| %s | " % name + " | ".join(sec(s.t) if s else "–" for s in steps)
        row += " | " + " | ".join(mib(s.m) if s else "–" for s in steps)
        for (a, b), (sa, sb) in zip(pairs, zip(steps, steps[1:])):
            row += " | %s" % (ratio(sb.t, sa.t) if sa and sb else "–")
        lines.append(row + " |")
    return lines


PHASE_NAMES = [("indicators", "indicators (pm_report_compute)"),
               ("fingerprint", "data fingerprint (pm_store_fingerprint)"),
               ("check", "check, for the workbook's warnings (pm_check_warnings)"),
               ("workbook", "workbook writer (pm_xlsx_write)"),
               ("pdf", "PDF writer (pm_pdf_write)"),
               ("total", "total")]


def phase_table(results):
    """Seconds (median) and peak RSS after each phase of report, per N."""
    have = [r for r in results if r.get("phases")]
    if not have:
        return []
    lines = ["| phase | " + " | ".join("s at %s" % label(r["n"]) for r in have) + " | " +
             " | ".join("RSS added at %s" % label(r["n"]) for r in have) + " | " +
             " | ".join("peak RSS so far, %s" % label(r["n"]) for r in have) + " |",
             "|---|" + "---:|" * (3 * len(have))]
    for key, name in PHASE_NAMES:
        lines.append("| %s | %s | %s | %s |" % (
            name, " | ".join("%.3f" % phase_s(r, key) for r in have),
            " | ".join(mib(added_kib(r, key)) if key != "total" else "–" for r in have),
            " | ".join(mib(max(x[key]["peak_rss_kib"] for x in r["phases"])) for r in have)))
    return lines


def added_kib(r, key):
    """What a phase adds to the resident set: its highest RSS minus the RSS
    it began with (the largest over the runs)."""
    return max(x[key]["phase_peak_kib"] - x[key]["rss_before_kib"] for x in r["phases"])


def phase_s(r, key):
    return statistics.median(x[key]["s"] for x in r["phases"])


def by_n(results, n):
    return next((r for r in results if r["n"] == n), None)


def mark(ok):
    """✓ or ✗, – for a goal not measured."""
    return "–" if ok is None else "✓" if ok else "✗"


def targets(results):
    """[(target, value text, ok or None)] for the goals of issue 7 (and 4.7, 5.7)."""
    out = []
    big = by_n(results, BIG) or results[-1]
    at = "at %s" % label(big["n"]) + ("" if big["n"] == BIG else " (the goal is at 1M)")
    S = big["steps"]
    pand = S.get("pandas")
    pipe_t, pipe_m = combined(big, ["import", "report"])
    rep_t, _ = combined(big, ["report"])
    if pand:
        out.append(("whole pipeline ≥ 5× faster than the pandas script, %s" % at,
                    "%.2f× (%.1f s vs %.1f s)" % (pand.t / pipe_t, pipe_t, pand.t),
                    pand.t / pipe_t >= 5))
        out.append(("whole pipeline peak RSS ≤ ¼ of the pandas script's, %s" % at,
                    "%.2f (%s vs %s)" % (pipe_m / pand.m, mib(pipe_m), mib(pand.m)),
                    pipe_m * 4 <= pand.m))
        out.append(("quarterly report from a loaded store ≥ 10× faster than the pandas "
                    "script, %s" % at,
                    "%.2f× (%.1f s vs %.1f s)" % (pand.t / rep_t, rep_t, pand.t),
                    pand.t / rep_t >= 10))
        if big.get("floor"):
            fl = big["floor"]
            out.append(("libxlsxwriter alone writing the %d row-level cells from memory "
                        "(bench/xlsx_floor, no SQLite, none of our code) fits in the 10× "
                        "budget of the whole report, %s" % (fl["cells"], at),
                        "%.1f s vs a budget of %.1f s" % (fl["s"], pand.t / 10),
                        fl["s"] <= pand.t / 10))
    for r in results:
        a, b = r["steps"]["import"], r["steps"]["sqlite3"]
        # Issue 17 point 5: at most half the time of the shell's .import, both
        # measured in this run (alternating), so the ratio survives a busy machine.
        out.append(("import ≤ 0.5× the time of the sqlite3 shell's .import, at %s"
                    % label(r["n"]), "%.2f× (%.2f s vs %.2f s)" % (a.t / b.t, a.t, b.t),
                    a.t / b.t <= 0.5))
    t = S["indicators"].t
    out.append(("indicators < 2 s, %s" % at, "%.3f s" % t, t < 2.0))
    for name, goal in rdash.TARGETS.items():
        if S.get(name):
            t = S[name].t
            out.append(("%s < %.1f s from a cold process (issue 14), %s" % (name, goal, at),
                        "%.3f s" % t, t < goal))
        else:
            out.append(("%s < %.1f s (issue 14), %s" % (name, goal, at),
                        "not measured: the command does not exist yet", None))
    r100, r1m = by_n(results, 100000), by_n(results, BIG)
    if r100 and r1m:
        w0, w1 = r100["steps"]["workbook"], r1m["steps"]["workbook"]
        p0, p1 = r100["steps"]["pdf"], r1m["steps"]["pdf"]
        extra0, extra1 = w0.m - p0.m, w1.m - p1.m
        out.append(("workbook memory flat in rows, 100k → 1M: what the workbook adds to "
                    "the same report (RSS of `report --xlsx` − RSS of `report --pdf`) does "
                    "not grow (by more than %d MiB)" % (FLAT_SLACK_KIB // 1024),
                    "%s → %s (the whole process: %s → %s, ×%.2f for ×10 rows)" % (
                        mib(extra0), mib(extra1), mib(w0.m), mib(w1.m), w1.m / w0.m),
                    extra1 - extra0 <= FLAT_SLACK_KIB))
    for r in results:
        t = r["steps"]["pdf"].t
        out.append(("PDF < 0.5 s, at %s" % label(r["n"]), "%.3f s" % t, t < 0.5))
    for r in results:
        if r.get("phases"):
            t = phase_s(r, "pdf")
            out.append(("PDF writer alone (pm_pdf_write, from the computed report; "
                        "bench/report_phases) < 0.5 s, at %s" % label(r["n"]),
                        "%.3f s" % t, t < 0.5))
    if r100 and r1m and r100.get("phases") and r1m.get("phases"):
        a0, a1 = added_kib(r100, "workbook"), added_kib(r1m, "workbook")
        out.append(("workbook writer memory flat in rows, 100k → 1M: the highest RSS "
                    "during pm_xlsx_write minus the RSS before it (bench/report_phases) "
                    "does not grow (by more than %d MiB)" % (FLAT_SLACK_KIB // 1024),
                    "%s → %s" % (mib(a0), mib(a1)), a1 - a0 <= FLAT_SLACK_KIB))
    for r in results:
        x, w = r["steps"].get("xlsxwriter"), r["steps"]["workbook"]
        if not x or (r["n"] < 100000 and r is not results[-1]):
            continue
        xi = r["xlsxwriter_inside"]
        out.append(("workbook (`report --xlsx`, the whole command) ≥ 4× faster than Python "
                    "XlsxWriter writing the same row-level cells (issue 4.7; the Python "
                    "process, its SQLite reads included), at %s" % label(r["n"]),
                    "%.2f× (%.2f s vs %.2f s)" % (x.t / w.t, w.t, x.t), x.t / w.t >= 4))
        if r.get("phases"):
            wt = phase_s(r, "workbook")
            out.append(("our workbook writer (pm_xlsx_write: every sheet, its reads of the "
                        "rows included) ≥ 4× faster than the time spent inside XlsxWriter's "
                        "calls for the row-level cells alone (issue 4.7, strict), at %s"
                        % label(r["n"]),
                        "%.2f× (%.2f s vs %.2f s)" % (xi / wt, wt, xi), xi / wt >= 4))
    if r100 and r1m:
        for key, name in [("import", "import"), ("indicators", "indicators"),
                          ("workbook", "workbook"), ("pdf", "PDF"),
                          ("report", "report (xlsx + PDF)")]:
            g = r1m["steps"][key].t / r100["steps"][key].t
            out.append(("%s linear or better, 100k → 1M (× time ≤ 10; ✓ up to %.0f for "
                        "noise)" % (name, 10 * LINEAR_SLACK),
                        "×%.2f" % g, g <= 10 * LINEAR_SLACK))
    return out


def environment(args, installed, load):
    env = ri.environment(args)
    env[1] += ", copied to the work folder at the start"
    env[-1] = "seed %d, iso dialect, files and databases in %s" % (
        args.seed, os.path.relpath(args.workdir, ROOT))

    def pkg(name):
        p = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", name],
                           capture_output=True, text=True)
        return p.stdout.strip() or "?"
    vers = subprocess.run([PYTHON, "-c", "import sys, pandas, numpy, xlsxwriter, "
                           "matplotlib; print(sys.version.split()[0], pandas.__version__, "
                           "numpy.__version__, xlsxwriter.__version__, "
                           "matplotlib.__version__)"], capture_output=True,
                          text=True).stdout.split()
    if len(vers) == 5:
        env.append("Python %s, pandas %s, numpy %s, XlsxWriter %s, matplotlib %s (Debian "
                   "packages%s)" % (*vers, "; installed by this run: " + " ".join(installed)
                                    if installed else ""))
    env.append("libxlsxwriter %s, cairo %s, pango %s" % (
        pkg("libxlsxwriter1") if pkg("libxlsxwriter1") != "?" else pkg("libxlsxwriter-dev"),
        pkg("libcairo2"), pkg("libpango-1.0-0")))
    env.append("load average (1 min) at the start %.2f, at the end %.2f: the machine is "
               "shared, so compare the ratios, which come from the same run" % load)
    return env


def write_doc(path, results, args, installed, load, started, elapsed):
    md = [BEGIN, "",
          "## Results of `bench/run`", "",
          "`bench/run %s` on %s, %.0f minutes." % (
              " ".join(label(n) for n in args.sizes) +
              ("" if args.repeat == 3 else " --repeat %d" % args.repeat) +
              ("" if args.repeat_big == 3 else " --repeat-big %d" % args.repeat_big),
              started, elapsed / 60), ""]
    md += ["- " + e for e in environment(args, installed, load)]
    md += ["- median of %d runs per step; at 1M the import and its sqlite3 baseline, the "
           "pandas script and the XlsxWriter script ran %d time%s (minutes each)"
           % (args.repeat, args.repeat_big, "" if args.repeat_big == 1 else "s"), ""]
    md += ["ours/baseline < 1 means we are faster (or smaller). The quarterly report is "
           "one `report --xlsx --pdf` command, as a user makes it (the workbook and PDF rows "
           "above it are the same report as two commands, each computing the indicators "
           "again). The whole pipeline adds up the medians of the import and the report and "
           "takes the higher peak RSS (separate processes, one after the other).", ""]
    md += main_table(results)
    md += ["", "### Targets", "", "| target | measured | |", "|---|---|---|"]
    md += ["| %s | %s | %s |" % (t, v, mark(ok)) for t, v, ok in targets(results)]
    md += ["", "### Growth with N", ""] + growth_table(results)
    pt = phase_table(results)
    if pt:
        md += ["", "### The report's phases", "",
               "`bench/report_phases DB %s intern X.xlsx X.pdf` (bench/report_phases.c): "
               "what `report --xlsx --pdf` does, in the order and with the calls of "
               "cli/cli.c write_reports, each phase timed in the process; both files in "
               "one run, so the report is computed once. Median of the runs. RSS added: the "
               "highest resident set during the phase minus the resident set it began with "
               "(the high-water mark is reset at each phase, Linux `clear_refs`); peak RSS so "
               "far: the process's, as `/usr/bin/time` would report it at that point."
               % args.period, ""] + pt
    md += ["", "### Checks", ""]
    for r in results:
        md += ["- N=%s: %s" % (label(r["n"]), c) for c in r["checks"]]
    md += ["", "### Commands", "",
           "Timed, each as its own process (wall clock; peak RSS from `/usr/bin/time -f %M`):",
           "", "```",
           "# import (fresh database each run)",
           "pijlermonitor --db X init",
           "pijlermonitor --db X import organisaties.csv specialisten.csv hulpvragen.csv "
           "inzet.csv evaluaties.csv kennisproducten.csv mijlpalen.csv begroting.csv "
           "uitgaven.csv",
           "# (a) the same rows into the same tables and indexes (bench/run_import.py)",
           "sqlite3 Y < import.sql     # PRAGMAs, CREATE TABLE/INDEX, BEGIN, "
           ".import --csv --skip 1 ×9, COMMIT",
           "# the quarterly report, on the database of the last import",
           "pijlermonitor --db X indicators --period %s --format json --audience extern "
           "> out.json" % args.period,
           "pijlermonitor --db X report --period %s --audience intern --xlsx out.xlsx"
           % args.period,
           "pijlermonitor --db X report --period %s --audience intern --pdf out.pdf"
           % args.period,
           "pijlermonitor --db X report --period %s --audience intern --xlsx out.xlsx "
           "--pdf out.pdf     # the quarterly report" % args.period,
           "# (b) what an analyst would write: pandas + XlsxWriter + matplotlib",
           "python3 bench/baseline_pandas.py --data DIR --period %s --out b.xlsx" % args.period,
           "# (c) the cells of our row-level sheets by Python's XlsxWriter",
           "python3 bench/baseline_xlsxwriter.py --db X --period %s --out c.xlsx" % args.period,
           "```", "",
           "Rows in the nine files, rows of the quarter's row-level sheets and file sizes:", ""]
    for r in results:
        md.append("- N=%s: %d rows in the nine files (%s); sheets %s; workbook %.1f MB, "
                  "PDF %.0f kB" % (
                      label(r["n"]), r["rows"],
                      "kept from an earlier run" if r["reused"] else "generated",
                      ", ".join("%s %d" % kv for kv in r.get("sheet_rows", {}).items()) or "–",
                      r["xlsx_bytes"] / 1e6, r["pdf_bytes"] / 1e3))
    md += ["", "### All runs (seconds)", ""]
    for r in results:
        for key, s in r["steps"].items():
            md.append("- N=%s %s: %s; peak RSS %s%s" % (
                label(r["n"]), s.name, s.runs(), ", ".join(mib(k) for k in s.rss),
                "; " + s.note if s.note else ""))
    prof = results[-1].get("profile")
    if prof:
        md += ["", "### Where the report's time goes (`--profile`), N=%s" % label(
            results[-1]["n"]), "",
            "`report --xlsx --pdf` (both files in one run) under `perf record -F 49 "
            "--call-graph dwarf`, %.1f s with perf; share of the samples with the function "
            "on the stack:" % prof["secs"], "", "| phase | share |", "|---|---:|"]
        md += ["| %s | %.1f%% |" % (lbl.replace("  ", "&nbsp;&nbsp;"), pct)
               for lbl, pct in prof["phases"]]
    md += ["", END]
    block = "\n".join(md) + "\n"
    old = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            old = fh.read()
    # The markers on lines of their own: the prose above may quote them.
    b = re.search("^" + re.escape(BEGIN) + "$", old, re.M)
    e = re.search("^" + re.escape(END) + "$", old, re.M)
    if b and e and b.start() < e.start():
        text = old[:b.start()] + block.rstrip("\n") + old[e.end():]
    else:
        text = (old.rstrip("\n") + "\n\n" if old else "# Performance\n\n") + block
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return md


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=parse_n, metavar="N",
                    help="numbers of hulpvragen (default: 10k 100k 1M)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per step (median)")
    ap.add_argument("--repeat-big", type=int, default=3,
                    help="runs at N >= 1M of the import, the pandas and the XlsxWriter script")
    ap.add_argument("--period", default="2025-Q4")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "pijlermonitor"))
    ap.add_argument("--sqlite3", default=shutil.which("sqlite3") or "/usr/bin/sqlite3")
    ap.add_argument("--workdir", default=os.path.join(HERE, "work"),
                    help="generated files and databases (default bench/work, git-ignored)")
    ap.add_argument("--clean", action="store_true",
                    help="remove the generated files at the end (default: keep for next time)")
    ap.add_argument("--no-baselines", action="store_true",
                    help="skip the pandas and XlsxWriter baselines (the sqlite3 one stays)")
    ap.add_argument("--profile", action="store_true",
                    help="perf profile of report --xlsx --pdf at the largest N")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "PERFORMANCE.md"))
    args = ap.parse_args(argv)
    args.sizes = sorted(set(args.sizes or [10000, 100000, BIG]))
    args.bin = os.path.abspath(args.bin)
    args.workdir = os.path.abspath(args.workdir)
    if not os.access(args.bin, os.X_OK):
        raise SystemExit("%s is missing; build first: ninja -C build" % args.bin)
    if not os.access(args.sqlite3, os.X_OK):
        raise SystemExit("the sqlite3 shell is missing; install the Debian package sqlite3")
    installed = [] if args.no_baselines else ensure_packages()
    os.makedirs(args.workdir, exist_ok=True)
    started = dt.date.today().isoformat()
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    args.run_bin = os.path.join(args.workdir, "pijlermonitor-run-bench")
    shutil.copy2(args.bin, args.run_bin)
    args.phases_bin = build_phases(args)
    args.floor_bin = build_phases(args, "xlsx_floor", "no libxlsxwriter floor")
    try:
        gen_sha = rind.file_sha(os.path.join(HERE, "gen.py"))
        ddl, columns = ri.baseline_schema(args.run_bin, args.workdir)
        results = [bench_one(n, args, gen_sha, ddl, columns) for n in args.sizes]
    finally:
        os.remove(args.run_bin)
        if args.phases_bin:
            os.remove(args.phases_bin)
        if args.floor_bin:
            os.remove(args.floor_bin)
    write_doc(args.out, results, args, installed, (load0, os.getloadavg()[0]), started,
                   time.perf_counter() - t0)
    print("\n".join(main_table(results)))
    print()
    print("\n".join("%s %s: %s" % (mark(ok), t, v) for t, v, ok in targets(results)))
    log("written: %s (%.1f min)" % (os.path.relpath(args.out, ROOT),
                                    (time.perf_counter() - t0) / 60))
    return 0


if __name__ == "__main__":
    sys.exit(main())
