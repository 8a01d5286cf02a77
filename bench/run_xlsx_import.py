#!/usr/bin/env python3
"""run_xlsx_import.py: the .xlsx import against the CSV import of the same
rows (issue 17 point 5: within 2x).

    bench/xlsx_import.sh [--repeat 3] [--seed 1] [--bin build/pijlermonitor]
                         [--workdir bench/work] [N ...]     (default N: 100000)

For every N gen.py writes the nine datasets (iso dialect) and xlsx_of_csv.py
the same rows as one workbook (date cells, numbers, inline text; inzet beyond
1,048,576 rows on a second sheet). Then, --repeat times, alternating:
`init` + `import <nine CSV files>` and `init` + `import <the workbook>`, each
into a fresh database; the medians count, the ratio is xlsx / csv (goal <= 2).
Both databases must end with the same fingerprint, or the run fails.
Written to bench/results/xlsx_import.md. Standard library only."""
import argparse
import os
import platform
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen  # noqa: E402
import run_import as ri  # noqa: E402  (measure, fresh, fail, log)
import xlsx_of_csv  # noqa: E402


def run(n, a):
    data = os.path.join(a.workdir, "xlsx-%d" % n)
    os.makedirs(data, exist_ok=True)
    t0 = time.perf_counter()
    files = gen.generate(n, a.seed, data, "iso")
    csvs = [p for p, _ in files.values()]
    book = os.path.join(data, "alles.xlsx")
    sheets = xlsx_of_csv.convert(book, csvs)
    ri.log("N=%d: files and workbook (%s) in %.1f s" % (n, ", ".join(sheets),
                                                     time.perf_counter() - t0))
    rows = sum(r for _, r in files.values())
    times = {"csv": [], "xlsx": []}
    rss = {"csv": [], "xlsx": []}
    prints = {}
    for _ in range(a.repeat):
        for kind, inputs in (("csv", csvs), ("xlsx", [book])):
            db = os.path.join(data, kind + ".db")
            ri.fresh(db)
            argv = [a.bin, "--db", db, "init"]
            s0, _, out, err, rc = ri.measure(argv)
            if rc:
                ri.fail("init", argv, out, err, rc)
            argv = [a.bin, "--db", db, "import"] + inputs
            s1, kib, out, err, rc = ri.measure(argv)
            if rc:
                ri.fail("import " + kind, argv, out, err, rc)
            times[kind].append(s0 + s1)
            rss[kind].append(kib)
            prints[kind] = ri.measure(["sqlite3", db, "SELECT dataset, som, rijen FROM "
                                       "vingerafdruk ORDER BY dataset"])[2]
            ri.log("  %s: %.2f s, %d MiB" % (kind, s0 + s1, kib // 1024))
    if prints["csv"] != prints["xlsx"]:
        ri.log("FAILED: the workbook's database differs from the CSV's")
        sys.exit(1)
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"n": n, "rows": rows, "csv": med["csv"], "xlsx": med["xlsx"],
            "ratio": med["xlsx"] / med["csv"],
            "rss_csv": max(rss["csv"]) // 1024, "rss_xlsx": max(rss["xlsx"]) // 1024,
            "size": os.path.getsize(book) // (1 << 20)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "pijlermonitor"))
    ap.add_argument("--workdir", default=os.path.join(HERE, "work"))
    a = ap.parse_args()
    res = [run(n, a) for n in a.sizes]
    load = os.getloadavg()
    md = ["# .xlsx import against CSV import (issue 17 point 5)", "",
          "`bench/xlsx_import.sh %s` on %s, %d cores, load average %.1f/%.1f/%.1f; median "
          "of %d alternating runs, seed %d." % (" ".join(map(str, a.sizes)), platform.node(),
                                                os.cpu_count(), *load, a.repeat, a.seed), "",
          "| N | rows | CSV import | .xlsx import | ratio (goal <= 2) | peak RSS csv / xlsx "
          "| workbook |", "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res:
        md.append("| %d | %d | %.2f s | %.2f s | **%.2f** | %d / %d MiB | %d MiB |" % (
            r["n"], r["rows"], r["csv"], r["xlsx"], r["ratio"], r["rss_csv"], r["rss_xlsx"],
            r["size"]))
    md += ["", "Both imports end with the same `vingerafdruk` (checked every run)."]
    text = "\n".join(md) + "\n"
    print(text)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "xlsx_import.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
