"""R3's activity rows (engine/columns_activity.c, schema v6, issue 14 point 5
third pass): under a filter R3 marks a specialist active from the inzet on
requests of the filter's organisations, read from the kept column
'activiteit' (distinct day, specialist, organisation) instead of joining
inzet with hulpvragen in SQL per run. PIJLERMONITOR_GEEN_KOLOMMEN=1 computes
the same figures the SQL way; both must give the same JSON byte for byte for
every regio, both types, a few organisations (the SQL's "from the set"
path), comparisons, a year, a custom range and a peildatum inside a quarter,
on the demo (which has inzet without a request) and on seeded generated
stores. The column is built by import and intrekken and by the migration
from schema v5, verified by `check` (exit 3 when it differs), and not used
when it does not fit (the figures stay those of the store)."""
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
    """indicators --format json from the columns and from the store: byte
    for byte the same; returns the parsed JSON."""
    a = w.run("indicators", "--format", "json", *args)
    b = w.run("indicators", "--format", "json", *args, env=SCAN)
    ok = a.code == 0 and b.code == 0
    check(ok and a.out == b.out, f"{label}_json_is_byte_identical_from_the_activity_rows"
          "_and_from_the_store", a if not ok else (a.err, b.err))
    return json.loads(a.out) if a.code == 0 else {}


def sql(db, *stmts):
    con = sqlite3.connect(db)
    for st in stmts:
        con.execute(st)
    con.commit()
    con.close()


def filtered_cases(w, prefix, periods):
    regios = [r for (r,) in w.query(
        "SELECT DISTINCT regio FROM organisaties WHERE regio IS NOT NULL ORDER BY 1")]
    check(len(regios) >= 2, f"{prefix}_has_several_regios", regios)
    orgs = [o for (o,) in w.query(
        "SELECT organisatie FROM hulpvragen h WHERE EXISTS (SELECT 1 FROM inzet i"
        " WHERE i.hulpvraag = h.id) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3")]
    for period in periods:
        for aud in ("intern", "extern"):
            for r in regios:
                both_ways(w, f"{prefix}_{period}_{aud}_regio_{r}", "--period", period,
                          "--audience", aud, "--regio", r)
            for t in ("gemeente", "sob"):
                both_ways(w, f"{prefix}_{period}_{aud}_type_{t}", "--period", period,
                          "--audience", aud, "--type", t)
        org_args = [a for o in orgs for a in ("--organisatie", o)]
        js = both_ways(w, f"{prefix}_{period}_three_organisations", "--period", period,
                       "--audience", "intern", *org_args)
        r3 = next((i for i in js.get("indicatoren", []) if i["id"] == "R3"), {})
        check(r3.get("cumulatief", {}).get("actief", 0) > 0,
              f"{prefix}_{period}_three_organisations_have_active_specialists", r3)
    return regios


# ---- the demo -------------------------------------------------------------------
w = Workdir()
w.init()
files = sorted(glob.glob(os.path.join(FX, "*.csv")) + glob.glob(os.path.join(FX, "*.json")))
r = w.run("import", *files)
check(r.code == 0, "demo_fixtures_import", r)
check(w.query("SELECT count(*) FROM inzet WHERE hulpvraag IS NULL")[0][0] > 0,
      "demo_has_inzet_without_a_request", None)
regios = filtered_cases(w, "demo", ["2025-Q4", "2026-Q1", "2025"])
reg = regios[0]
for label, *args in [
        ("vorige", "--period", "2025-Q4", "--vergelijk", "vorige"),
        ("vorigjaar_intern", "--period", "2025-Q4", "--vergelijk", "vorigjaar",
         "--audience", "intern"),
        ("custom_range", "--period", "2024-11-15..2025-08-20", "--audience", "intern"),
        ("peildatum_inside_the_quarter", "--period", "2025-Q3", "--peildatum",
         "2025-08-14", "--audience", "intern"),
        ("two_regios_and_a_type", "--period", "2025-Q4", "--regio", regios[-1],
         "--type", "sob", "--audience", "intern")]:
    both_ways(w, f"demo_regio_{label}", "--regio", reg, *args)

# The kept rows: one per distinct (day, specialist, organisation of the request).
want_rows = w.query(
    "SELECT count(*) FROM (SELECT DISTINCT i.datum, i.specialist, o.id FROM inzet i"
    " LEFT JOIN hulpvragen h ON h.id = i.hulpvraag"
    " LEFT JOIN organisaties o ON o.id = h.organisatie"
    " WHERE i.specialist IN (SELECT id FROM specialisten))")[0][0]
kept = dict(w.query("SELECT naam, rijen FROM kolommen"))
check(kept.get("activiteit") == want_rows and want_rows > 0,
      "import_keeps_one_activity_row_per_day_specialist_and_organisation",
      (kept, want_rows))
r = w.run("check")
check(r.code == 0, "check_accepts_the_activity_rows_the_import_kept", r)

# intrekken keeps them in step: withdraw inzet rows, the figures follow.
ids = [i for (i,) in w.query("SELECT id FROM inzet WHERE hulpvraag IS NOT NULL"
                             " ORDER BY datum DESC, id LIMIT 40")]
r = w.run("intrekken", "inzet", *ids, "--reden", "test")
check(r.code == 0 and w.run("check").code == 0,
      "intrekken_of_inzet_keeps_the_activity_rows_and_check_accepts_them", r)
both_ways(w, "demo_after_intrekken_regio", "--period", "2025-Q4", "--regio", reg)
want = w.run("indicators", "--format", "json", "--period", "2025-Q4", "--regio", reg)


# ---- schema v5 (without the activity rows) migrates to v6 --------------------------
v5 = Workdir()
shutil.copy(w.db, v5.db)
sql(v5.db, "DELETE FROM kolommen WHERE naam = 'activiteit'", "PRAGMA user_version = 5")
r = v5.run("indicators", "--format", "json", "--period", "2025-Q4", "--regio", reg)
check(r.code == 0 and r.out == want.out and v5.query("PRAGMA user_version") == [(7,)]
      and dict(v5.query("SELECT naam, rijen FROM kolommen")) ==
      dict(w.query("SELECT naam, rijen FROM kolommen"))
      and v5.query("SELECT data FROM kolommen WHERE naam = 'activiteit'") ==
      w.query("SELECT data FROM kolommen WHERE naam = 'activiteit'"),
      "a_version_5_store_migrates_to_6_and_builds_its_activity_rows", r)
r = v5.run("check")
check(r.code == 0, "check_accepts_the_migrated_store", r)


# ---- activity rows that do not fit: not used; check says so ------------------------
ROW = 12
for label, stmt in [
        ("zeroed", "UPDATE kolommen SET data = zeroblob(length(data))"
                   " WHERE naam = 'activiteit'"),
        ("short_blob", "UPDATE kolommen SET data = x'00' WHERE naam = 'activiteit'"),
        ("specialist_out_of_range",
         "UPDATE kolommen SET data = substr(data, 1, 4) || x'ffffff7f' || substr(data, 9)"
         " WHERE naam = 'activiteit'"),
        ("organisation_out_of_range",
         "UPDATE kolommen SET data = substr(data, 1, 8) || x'ffffff7f' || substr(data, 13)"
         " WHERE naam = 'activiteit'"),
        ("days_out_of_order",
         "UPDATE kolommen SET data = substr(data, %d) || substr(data, 1, %d)"
         " WHERE naam = 'activiteit'" % (ROW + 1, ROW)),
        ("missing_row", "DELETE FROM kolommen WHERE naam = 'activiteit'")]:
    wd = Workdir()
    shutil.copy(w.db, wd.db)
    sql(wd.db, stmt)
    r = wd.run("check")
    check(r.code == 3 and "kolommen" in r.err and "passen niet bij de gegevens" in r.err,
          f"check_fails_with_exit_3_on_activity_rows_{label}", r)
    if label == "zeroed":
        continue  # plausible rows of other data: only check can tell
    r = wd.run("indicators", "--format", "json", "--period", "2025-Q4", "--regio", reg)
    check(r.code == 0 and r.out == want.out,
          f"activity_rows_{label}_are_not_used_and_the_figures_stay_right", r)


# ---- seeded generated stores --------------------------------------------------------
for seed in (1, 2):
    g = Workdir()
    g.init()
    src = tempfile.mkdtemp(dir=g.path)
    r = g.run("import", *robust.generate(2500, seed, src))
    check(r.code == 0, f"generated_seed_{seed}_imports", r)
    filtered_cases(g, f"generated_seed_{seed}", ["2025-Q4", "2024-08-01..2025-02-14"])
    both_ways(g, f"generated_seed_{seed}_regio_vorige", "--period", "2025-Q4", "--regio",
              "Oost", "--vergelijk", "vorige")

done()
