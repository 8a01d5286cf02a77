"""Schema v7 (engine/schema_v7.c, issue 17 point 5): every CHECK (x IN (...))
of three or more values became an equivalent chain of x = 'a' OR x = 'b'
(SQLite 3.40 built a temporary table for each IN list on every inserted
row). A v6 store is migrated by copying the tables: every row keeps its
rowid and id, the figures stay byte for byte the same, `check` passes, and
every value the old CHECK refused is refused by the new one, every value it
accepted is accepted."""
import glob
import os
import re
import shutil
import sqlite3

from pmtest import Workdir, check, done, SRC

FX = os.path.join(SRC, "fixtures", "demo")
REBUILT = ["organisaties", "specialisten", "hulpvragen", "evaluaties",
           "kennisproducten", "begroting", "uitgaven"]
IN_LIST = re.compile(r"(\w+) IN \(([^()]*)\)")


def or_to_in(sql):
    """A v7 table's SQL written the v6 way: every OR chain of one column's
    constants back into an IN list (the form schema v1 created)."""
    def one(m):
        parts = re.findall(r"(\w+) = ('[^']*')", m.group(1))
        if len(parts) < 3 or len({c for c, _ in parts}) != 1:
            return m.group(0)
        return "CHECK (%s IN (%s))" % (parts[0][0], ",".join(v for _, v in parts))
    return re.sub(r"CHECK \(((?:\s*(?:OR\s+)?\w+ = '[^']*'\s*)+)\)", one, sql)


def dump(db):
    """Every row of every data table with its rowid, and the bookkeeping."""
    con = sqlite3.connect(db)
    out = {t: con.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall()
           for t in REBUILT + ["inzet", "mijlpalen", "kolommen", "import_bestanden"]}
    out["vingerafdruk"] = con.execute("SELECT * FROM vingerafdruk ORDER BY 1").fetchall()
    con.close()
    return out


def table_sql(db):
    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table'"))
    idx = sorted(con.execute("SELECT name, tbl_name, sql FROM sqlite_schema "
                             "WHERE type = 'index' AND sql IS NOT NULL"))
    con.close()
    return rows, idx


# ---- a fresh store has no IN list in its CHECKs ---------------------------------
w = Workdir()
r = w.init()
check(r.code == 0 and w.query("PRAGMA user_version") == [(7,)],
      "init_creates_schema_version_7", r)
fresh_sql, fresh_idx = table_sql(w.db)
with_in = [t for t in REBUILT if IN_LIST.search(fresh_sql[t])]
check(not with_in, "no_table_of_a_fresh_store_has_a_check_with_an_in_list", with_in)

files = sorted(glob.glob(os.path.join(FX, "*.csv")) + glob.glob(os.path.join(FX, "*.json")))
r = w.run("import", *files)
check(r.code == 0, "demo_fixtures_import_into_v7", r)
want = {p: w.run("indicators", "--format", "json", "--period", p, "--audience", a).out
        for p in ("2025-Q4", "2026-Q1") for a in ("intern", "extern")}
before = dump(w.db)

# ---- the same store as version 6: the IN lists back, user_version 6 ------------
v6 = Workdir()
shutil.copy(w.db, v6.db)
con = sqlite3.connect(v6.db)
con.execute("PRAGMA writable_schema = ON")
for t in REBUILT:
    con.execute("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?",
                (or_to_in(fresh_sql[t]), t))
con.execute("PRAGMA writable_schema = OFF")
con.execute("PRAGMA user_version = 6")
con.commit()
con.close()
old_sql, _ = table_sql(v6.db)
lists = {(t, m.group(1)): [v.strip().strip("'") for v in m.group(2).split(",")]
         for t in REBUILT for m in IN_LIST.finditer(old_sql[t])}
check(len(lists) == 11 and all(len(v) >= 3 for v in lists.values()),
      "the_v6_store_has_the_eleven_in_lists_of_schema_v1", sorted(lists))
check(sqlite3.connect(v6.db).execute("PRAGMA integrity_check").fetchall() == [("ok",)],
      "the_v6_store_is_sound", None)

r = v6.run("check")
check(r.code == 0 and v6.query("PRAGMA user_version") == [(7,)],
      "a_v6_store_is_migrated_to_v7_and_check_passes", r)
new_sql, new_idx = table_sql(v6.db)
check(not [t for t in REBUILT if IN_LIST.search(new_sql[t])],
      "after_the_migration_no_check_has_an_in_list", new_sql)
check(new_idx == fresh_idx, "the_migration_recreates_every_index_by_name_and_definition",
      (new_idx, fresh_idx))
after = dump(v6.db)
check(after == before, "the_migration_keeps_every_row_with_its_rowid_and_id",
      [t for t in before if before[t] != after.get(t)])
check(v6.query("PRAGMA foreign_key_check") == [] and
      v6.query("PRAGMA integrity_check") == [("ok",)],
      "the_migrated_store_passes_the_integrity_and_foreign_key_checks", None)
got = {p: v6.run("indicators", "--format", "json", "--period", p, "--audience", a).out
       for p in ("2025-Q4", "2026-Q1") for a in ("intern", "extern")}
check(got == want and all(got.values()),
      "figures_after_the_migration_are_byte_identical", None)
r = v6.run("import", *files)
check(r.code == 0 and "vervangen" in r.out, "the_migrated_store_takes_a_reimport", r)

# ---- the new CHECKs refuse what the old ones refused ----------------------------
# One row per table with every column valid, then each listed column set to
# each allowed value (accepted) and to near misses (refused), with the sqlite3
# API directly, not through the importer.
con = sqlite3.connect(v6.db)
con.execute("PRAGMA foreign_keys = OFF")
samples = {t: con.execute(f"SELECT * FROM {t} LIMIT 1").fetchone() for t in REBUILT}
check(all(samples.values()), "every_rebuilt_table_has_a_sample_row", samples)
cols = {t: [c[1] for c in con.execute(f"PRAGMA table_info({t})")] for t in REBUILT}
wrong = []
for (t, col), allowed in sorted(lists.items()):
    row = samples[t]
    if row is None:
        continue
    for value in allowed + [a.upper() for a in allowed] + [" " + allowed[0], "", "x"]:
        vals = list(row)
        vals[cols[t].index("id")] = "V7-TEST"
        vals[cols[t].index(col)] = value
        if t == "evaluaties" and col == "soort":
            vals[cols[t].index("specialist")] = "SP-ANY"
        if t == "organisaties" and col == "regio":
            vals[cols[t].index("type")] = "gemeente"
        try:
            con.execute("SAVEPOINT s")
            con.execute(f"INSERT INTO {t} VALUES ({','.join('?' * len(vals))})", vals)
            accepted = True
        except sqlite3.IntegrityError as e:
            accepted = False
            if "CHECK constraint failed" not in str(e):
                wrong.append((t, col, value, str(e)))
        con.execute("ROLLBACK TO s")
        con.execute("RELEASE s")
        if accepted != (value in allowed):
            wrong.append((t, col, value, accepted))
con.close()
check(not wrong, "every_listed_value_is_accepted_and_every_other_refused_by_the_v7_check",
      wrong)
# NULL in a nullable listed column passes, as it did (NULL IN (...) is NULL).
con = sqlite3.connect(v6.db)
con.execute("PRAGMA foreign_keys = OFF")
vals = list(samples["hulpvragen"])
vals[cols["hulpvragen"].index("id")] = "V7-NULL"
vals[cols["hulpvragen"].index("onderwerp")] = None
try:
    con.execute(f"INSERT INTO hulpvragen VALUES ({','.join('?' * len(vals))})", vals)
    null_ok = ""
except sqlite3.IntegrityError as e:
    null_ok = str(e)
con.rollback()
con.close()
check(null_ok == "", "null_onderwerp_is_accepted_as_before", null_ok)

# The sqlite3 shell, as a user editing the store by hand would: refused.
sh = shutil.which("sqlite3")
if sh:
    import subprocess
    p = subprocess.run([sh, v6.db, "UPDATE hulpvragen SET status = 'klaar' WHERE rowid = "
                        "(SELECT min(rowid) FROM hulpvragen)"], capture_output=True,
                       text=True)
    check(p.returncode != 0 and "CHECK constraint failed" in p.stderr,
          "the_sqlite3_shell_cannot_store_a_status_outside_the_list", p.stderr)

# A failing migration leaves version 6 as it was: a row that breaks the new
# CHECK (written while the CHECKs were off) stops the copy, and the store
# keeps its old schema and every row.
bad = Workdir()
shutil.copy(v6.db, bad.db)
con = sqlite3.connect(bad.db)
con.execute("PRAGMA writable_schema = ON")
for t in REBUILT:
    con.execute("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?",
                (or_to_in(fresh_sql[t]), t))
con.execute("PRAGMA writable_schema = OFF")
con.execute("PRAGMA user_version = 6")
con.execute("PRAGMA ignore_check_constraints = ON")
con.execute("UPDATE hulpvragen SET status = 'klaar' WHERE rowid = "
            "(SELECT min(rowid) FROM hulpvragen)")
con.commit()
con.close()
rows_before = bad.count("hulpvragen")
r = bad.run("check")
check(r.code != 0 and bad.query("PRAGMA user_version") == [(6,)]
      and bad.count("hulpvragen") == rows_before
      and IN_LIST.search(table_sql(bad.db)[0]["hulpvragen"]),
      "a_migration_that_fails_leaves_the_v6_store_unchanged", r)
check("CHECK" in r.err and "database" in r.err, "the_failed_migration_says_why", r)
done()
