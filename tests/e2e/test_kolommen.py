"""The indicators' rows in memory (indicators/columns.c, issue 14 point 5):
R1, R2 and B read hulpvragen, the ondersteuning evaluaties and inzet once per
command as integer rows sorted by day; PIJLERMONITOR_GEEN_KOLOMMEN=1 makes
them scan the store as before. Both ways must give the same JSON byte for
byte: on the demo (every audience, quarters, a year, a custom range, a
peildatum inside a quarter, a follow-up target period) and on seeded random
stores of bench/gen.py. The columns are kept in table kolommen by import and
intrekken, built by the migration from schema v4, used only while they
belong to the current data, and verified by `check` (exit 3 when they
differ from the tables). And the cheaper eerder runs (each reads only its own
quarter) still give each trend point's figures as a run of that quarter on
its own last day gives them."""
import glob
import json
import os
import shutil
import sqlite3
import tempfile

import robust
from pmtest import Workdir, check, done, SRC

FX = os.path.join(SRC, "fixtures", "demo")
SCAN = {"PIJLERMONITOR_GEEN_KOLOMMEN": "1"}


def both_ways(w, label, *args):
    """Runs indicators --format json with and without the columns; checks
    they agree byte for byte and returns the parsed JSON."""
    a = w.run("indicators", "--format", "json", *args)
    b = w.run("indicators", "--format", "json", *args, env=SCAN)
    ok = a.code == 0 and b.code == 0
    check(ok and a.out == b.out,
          f"{label}_json_is_byte_identical_from_memory_and_from_the_store",
          a if not ok else first_difference(a.out, b.out))
    return json.loads(a.out) if a.code == 0 else {}


def first_difference(x, y):
    for i, (p, q) in enumerate(zip(x, y)):
        if p != q:
            return f"at {i}: {x[max(0, i - 80):i + 80]!r}\nvs   {y[max(0, i - 80):i + 80]!r}"
    return f"lengths {len(x)} and {len(y)}"


# ---- the demo -----------------------------------------------------------------
w = Workdir()
w.init()
files = sorted(glob.glob(os.path.join(FX, "*.csv")) + glob.glob(os.path.join(FX, "*.json")))
r = w.run("import", *files)
check(r.code == 0, "demo_fixtures_import", r)
w.file("vervolg.json", json.dumps(
    {"vervolg": [{"tot": "2026-12-31", "doelen": {"R6": 4, "R1": 0.95}}]}))

cases = [
    ("demo_2025_q4_intern", "--period", "2025-Q4", "--audience", "intern"),
    ("demo_2025_q4_extern", "--period", "2025-Q4", "--audience", "extern"),
    ("demo_2026_q1", "--period", "2026-Q1"),
    ("demo_2025", "--period", "2025"),
    ("demo_custom_range", "--period", "2024-11-15..2025-08-20"),
    ("demo_peildatum_inside_the_quarter", "--period", "2025-Q3", "--peildatum",
     "2025-08-14"),
    ("demo_before_the_programme", "--period", "2024-Q1"),
    ("demo_follow_up_target_period", "--period", "2026-Q1", "--config", "vervolg.json"),
]
demo = {}
for label, *args in cases:
    demo[label] = both_ways(w, label, *args)


# ---- eerder: each trend point as a run of its own quarter on its last day -------
def by_id(js):
    return {i["id"]: i for i in js.get("indicatoren", [])}


KEYS = {"R1": ("teller", "noemer"), "R2": ("teller", "noemer"), "R3": ("teller", "noemer",
        "actief"), "R6": ("aantal", "status", "reden"), "B": ("realisatie", "begroting")}
main = by_id(demo["demo_2026_q1"])
points = main.get("R1", {}).get("trend", [])
check(len(points) >= 4, "demo_2026_q1_has_a_trend_of_several_quarters", len(points))
for t in points[:-1]:
    q = t["kwartaal"]
    own = by_id(json.loads(w.run("indicators", "--format", "json", "--period", q,
                                 "--peildatum", t["tot"]).out or "{}"))
    for ind, keys in KEYS.items():
        e = next(p for p in main[ind]["trend"] if p["kwartaal"] == q)["eerder"]
        got = {k: e.get(k) for k in keys}
        want = {k: own.get(ind, {}).get("periode", {}).get(k) for k in keys}
        check(got == want, f"eerder_{ind}_{q}_is_the_quarter_as_known_on_its_last_day",
              (got, want))


# ---- kept by import and intrekken, built by the migration, verified by check ---
def kolommen(wd):
    return dict((n, r) for n, r in wd.query("SELECT naam, rijen FROM kolommen"))


def sql(db, *stmts):
    con = sqlite3.connect(db)
    for st in stmts:
        con.execute(st)
    con.commit()
    con.close()


k = kolommen(w)
check(k.get("hulpvragen") == w.count("hulpvragen") and "inzet" in k and "bron" in k
      and k.get("ondersteuning") == w.query(
          "SELECT count(*) FROM evaluaties WHERE soort = 'ondersteuning'")[0][0]
      and k.get("beoordelingen") == w.query(
          "SELECT count(*) FROM evaluaties WHERE soort = 'specialist'")[0][0],
      "import_keeps_a_column_per_big_table", k)
r = w.run("check")
check(r.code == 0, "check_accepts_the_columns_the_import_kept", r)

before = w.count("hulpvragen")
ids = [i for (i,) in w.query(
    "SELECT id FROM hulpvragen h WHERE NOT EXISTS (SELECT 1 FROM inzet WHERE hulpvraag = h.id)"
    " AND NOT EXISTS (SELECT 1 FROM evaluaties WHERE hulpvraag = h.id) ORDER BY id LIMIT 2")]
r = w.run("intrekken", "hulpvragen", *ids, "--reden", "test")
check(r.code == 0 and kolommen(w).get("hulpvragen") == before - 2,
      "intrekken_keeps_the_columns_in_step", (r, kolommen(w)))
both_ways(w, "demo_after_intrekken", "--period", "2025-Q4")
r = w.run("check")
check(r.code == 0, "check_accepts_the_columns_after_intrekken", r)

# A store of schema v4 (before the columns) gets them when opened.
v4 = Workdir()
shutil.copy(w.db, v4.db)
sql(v4.db, "DROP TABLE kolommen", "PRAGMA user_version = 4")
r = v4.run("indicators", "--format", "json", "--period", "2025-Q4")
want = w.run("indicators", "--format", "json", "--period", "2025-Q4")
check(r.code == 0 and r.out == want.out and v4.query("PRAGMA user_version") == [(7,)]
      and kolommen(v4) == kolommen(w),
      "a_version_4_store_migrates_to_6_and_builds_its_columns", (r, kolommen(v4)))

# Columns changed behind pijlermonitor's back: check says so (exit 3, Dutch).
bad = Workdir()
shutil.copy(w.db, bad.db)
sql(bad.db, "UPDATE kolommen SET data = zeroblob(length(data)) WHERE naam = 'hulpvragen'")
r = bad.run("check")
check(r.code == 3 and "kolommen" in r.err and "passen niet bij de gegevens" in r.err,
      "check_fails_with_exit_3_when_a_kept_column_differs_from_the_tables", r)

# Columns of other data (their stamp does not match the fingerprint sums) or
# of the wrong size are not used: the figures stay those of the tables.
for label, stmt in [
        ("stale_stamp", "UPDATE kolommen SET data = zeroblob(length(data)) WHERE naam = 'bron'"),
        ("short_blob", "UPDATE kolommen SET data = x'00' WHERE naam = 'inzet'"),
        ("org_index_out_of_range",
         "UPDATE kolommen SET data = x'ffffff7f' || substr(data, 5) WHERE naam = 'ondersteuning'"),
        ("missing_row", "DELETE FROM kolommen WHERE naam = 'beoordelingen'")]:
    wd = Workdir()
    shutil.copy(w.db, wd.db)
    sql(wd.db, stmt)
    r = wd.run("indicators", "--format", "json", "--period", "2025-Q4")
    scan = wd.run("indicators", "--format", "json", "--period", "2025-Q4", env=SCAN)
    check(r.code == 0 and r.out == scan.out and r.out == want.out,
          f"columns_with_{label}_are_not_used_and_the_figures_stay_right", r)
    r = wd.run("check")
    check(r.code == 3 and "kolommen" in r.err,
          f"check_fails_on_columns_with_{label}", r)


# ---- seeded random stores -------------------------------------------------------
for seed in (1, 2, 3):
    g = Workdir()
    g.init()
    src = tempfile.mkdtemp(dir=g.path)
    r = g.run("import", *robust.generate(2500, seed, src))
    check(r.code == 0, f"generated_seed_{seed}_imports", r)
    for period in ("2025-Q4", "2026-Q1", "2025", "2024-08-01..2025-02-14"):
        both_ways(g, f"generated_seed_{seed}_{period}", "--period", period)
    both_ways(g, f"generated_seed_{seed}_extern", "--period", "2025-Q2", "--audience",
              "extern")

done()
