#!/usr/bin/env python3
"""run_dashboard.py: the dashboard's speed (issue 14 point 5) on one store.

    bench/run_dashboard.py --db STORE [--bin build/pijlermonitor] [--period 2025-Q4]
                           [--repeat 3] [--reference JSON] [--workdir bench/work]

Each step runs --repeat times as a new process (the page cache warm, as for a
user right after an import; the process itself cold), wall time and peak RSS,
median reported:

  indicators        `indicators --period P --format json` (the same computation as
                    the dashboard; the baseline of the ratios below)
  dashboard         `dashboard --period P --pdf F` (one page)          target < 0.3 s at 1M
  dashboard vorige  `dashboard --period P --vergelijk vorige --pdf F`  target < 0.3 s at 1M
  dashboard per     `dashboard --period P --per regio DIR` (six pages) target < 1.5 s at 1M

A dashboard step whose first run fails with exit 1 (the command or option does
not exist yet) is skipped, and said so. --reference: a JSON of `indicators
--period P --format json` saved earlier; the step's output must equal it byte
for byte (the figures stay exactly equal). bench/run calls dashboard_steps()
for its own table. Prints a Markdown table; exit 1 when a reference differs."""

import argparse
import os
import shutil
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import run_indicators as rind  # noqa: E402  (measure_to)

TARGETS = {"dashboard": 0.3, "dashboard vorige": 0.3, "dashboard per regio": 1.5}


def steps(binary, db, period, out):
    """[(name, argv, stdout path or None)] of the dashboard steps."""
    pdf = os.path.join(out, "dashboard.pdf")
    per = os.path.join(out, "per-regio")
    return [
        ("indicators", [binary, "--db", db, "indicators", "--period", period, "--format",
                        "json"], os.path.join(out, "indicators.json")),
        ("dashboard", [binary, "--db", db, "dashboard", "--period", period, "--pdf", pdf],
         None),
        ("dashboard vorige", [binary, "--db", db, "dashboard", "--period", period,
                              "--vergelijk", "vorige", "--pdf", pdf], None),
        ("dashboard per regio", [binary, "--db", db, "dashboard", "--period", period,
                                 "--per", "regio", per], None),
    ]


def dashboard_steps(binary, db, period, repeat, workdir, log=print, only=None):
    """Measures every step (or those named in only); returns {name: {"secs": [...], "kib": [...], "skipped": why,
    "stdout": path}}. The per-regio folder is emptied before each run."""
    out = tempfile.mkdtemp(prefix="dashboard-", dir=workdir)
    res = {}
    for name, argv, stdout in steps(binary, db, period, out):
        if only and name not in only:
            continue
        r = res[name] = {"secs": [], "kib": [], "skipped": None, "stdout": stdout,
                         "argv": argv}
        for i in range(repeat):
            if name == "dashboard per regio":
                shutil.rmtree(argv[-1], ignore_errors=True)
                os.makedirs(argv[-1])
            secs, kib, err, rc = rind.measure_to(argv, stdout)
            if rc and i == 0 and name != "indicators" and rc == 1:
                r["skipped"] = "exit 1: %s" % (err.strip().splitlines() or ["?"])[0]
                log("%s skipped (%s)" % (name, r["skipped"]))
                break
            if rc:
                raise SystemExit("%s failed (exit %d): %s" % (" ".join(argv), rc, err))
            r["secs"].append(secs)
            r["kib"].append(kib)
        if r["secs"]:
            log("%s: %s s" % (name, ", ".join("%.3f" % s for s in r["secs"])))
    res["_folder"] = out
    return res


def table(res, n_requests=None):
    base = statistics.median(res["indicators"]["secs"])
    lines = ["| step | median s | runs (s) | peak RSS | time / indicators | target |",
             "|---|---:|---|---:|---:|---|"]
    for name, r in res.items():
        if name.startswith("_"):
            continue
        if r["skipped"]:
            lines.append("| %s | – | skipped: %s | – | – | – |" % (name, r["skipped"]))
            continue
        t = statistics.median(r["secs"])
        goal = TARGETS.get(name)
        mark = "–" if goal is None else "< %.1f s: %s" % (goal, "✓" if t < goal else "✗")
        lines.append("| %s | %.3f | %s | %.1f MiB | %.2f | %s |" % (
            name, t, ", ".join("%.3f" % s for s in r["secs"]), max(r["kib"]) / 1024,
            t / base, mark))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "pijlermonitor"))
    ap.add_argument("--period", default="2025-Q4")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reference", help="saved indicators JSON the output must equal")
    ap.add_argument("--workdir", default=os.path.join(ROOT, "bench", "work"))
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    # A copy of the binary, so a rebuild during the run does not change it.
    binary = os.path.join(args.workdir, "pijlermonitor-dashboard-bench")
    shutil.copy2(args.bin, binary)
    res = dashboard_steps(binary, os.path.abspath(args.db), args.period, args.repeat,
                          args.workdir, log=lambda s: print(s, file=sys.stderr))
    print("\n".join(table(res)))
    bad = False
    if args.reference:
        with open(args.reference, "rb") as a, open(res["indicators"]["stdout"], "rb") as b:
            same = a.read() == b.read()
        print("\nindicators JSON equals %s byte for byte: %s"
              % (args.reference, "yes" if same else "NO"))
        bad = not same
    shutil.rmtree(res["_folder"], ignore_errors=True)
    os.remove(binary)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
