"""The command line of SPEC §8: usage errors, exit codes, the database path
rules and the refusal to touch files that are not ours."""
import os
import sqlite3

from pmtest import Workdir, check, done, base

w = Workdir()

r = w.run(db=False)
check(r.code == 1 and "Gebruik" in r.err, "no_command_is_usage_error_with_dutch_help", r)
r = w.run("bestaatniet", db=False)
check(r.code == 1 and "onbekende opdracht" in r.err, "unknown_command_exits_1", r)
r = w.run("import", "--wat", "x.csv")
check(r.code == 1 and "onbekende optie" in r.err, "unknown_option_exits_1", r)
r = w.run("--help", db=False)
check(r.code == 0 and "pijlermonitor [--db BESTAND] import" in r.out, "help_lists_commands", r)
r = w.run("import", "--kind", "appels", "x.csv")
check(r.code == 1 and "onbekende soort" in r.err, "unknown_kind_exits_1", r)

r = w.run("check")
check(r.code == 3 and "bestaat niet" in r.err and "init" in r.err,
      "check_on_missing_database_exits_3_and_says_init", r)
check(not os.path.exists(w.db), "check_on_missing_database_creates_nothing")

r = w.init()
check(r.code == 0 and os.path.exists(w.db), "init_creates_the_database", r)
con = sqlite3.connect(w.db)
ver = con.execute("PRAGMA user_version").fetchone()[0]
app = con.execute("PRAGMA application_id").fetchone()[0]
mode = con.execute("PRAGMA journal_mode").fetchone()[0]
ngem = con.execute("SELECT count(*) FROM gemeenten").fetchone()[0]
con.close()
check(ver == 7, "init_sets_schema_version_7", ver)
check(app == 0x504D4F4E, "init_sets_application_id", app)
check(mode == "wal", "database_is_in_wal_mode", mode)
check(ngem == 342, "init_loads_the_342_cbs_gemeenten", ngem)
r = w.run("init")
check(r.code == 0 and "bestaat al" in r.out, "init_twice_changes_nothing", r)

# The database path: --db, else $PIJLERMONITOR_DB, else pijlermonitor.db.
r = w.run("init", db=False, env={"PIJLERMONITOR_DB": "env.db"})
check(r.code == 0 and os.path.exists(os.path.join(w.path, "env.db")),
      "pijlermonitor_db_environment_variable_names_the_database", r)
r = w.run("init", db=False, env={"PIJLERMONITOR_DB": ""})
check(r.code == 0 and os.path.exists(os.path.join(w.path, "pijlermonitor.db")),
      "default_database_is_pijlermonitor_db", r)

# Not ours: a text file, and an SQLite database of another program.
txt = w.file("notities.db", "dit is geen database\n" * 100)
before = open(txt, "rb").read()
r = w.run("--db", txt, "check", db=False)
check(r.code == 3 and "geen SQLite-database" in r.err, "text_file_as_database_exits_3", r)
r = w.run("--db", txt, "init", db=False)
check(r.code == 3 and open(txt, "rb").read() == before,
      "init_never_overwrites_a_file_that_is_not_sqlite", r)
other = os.path.join(w.path, "ander.db")
con = sqlite3.connect(other)
con.execute("CREATE TABLE klanten(id)")
con.commit()
con.close()
r = w.run("--db", other, "init", db=False)
check(r.code == 3 and "ander programma" in r.err, "foreign_sqlite_database_exits_3", r)

# A newer schema version is refused, never downgraded.
newer = os.path.join(w.path, "nieuwer.db")
base_w = Workdir()
base(base_w)
con = sqlite3.connect(base_w.db)
con.execute("PRAGMA user_version = 99")
con.commit()
con.close()
r = base_w.run("check")
check(r.code == 3 and "schemaversie 99" in r.err, "newer_schema_version_exits_3", r)

# Progress: on a terminal a long import shows rows and percentage on stderr;
# through a pipe it prints none. `script` gives the program a terminal.
import shutil
import subprocess
from pmtest import BIN, csv_text, BASE_ORGANISATIES
p = Workdir()
p.init()
org = p.file("org.csv", csv_text(BASE_ORGANISATIES))
rows = [["id", "organisatie", "ontvangen"]] + [[f"HV{i}", "GM0363", "2025-03-04"]
                                              for i in range(60000)]
big = p.file("groot.csv", csv_text(rows, sep=",", crlf=False, bom=False))
r = p.run("import", org, big)
check(r.code == 0 and "rijen (" not in r.err and "%" not in r.err,
      "import_through_a_pipe_shows_no_progress", r)
if shutil.which("script"):
    cmd = f"{BIN} --db {p.db} import {org} {big}"
    cp = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True,
                        text=True, cwd=p.path, timeout=300)
    check(cp.returncode == 0 and "groot.csv: 60000 rijen (100%)" in cp.stdout,
          "import_on_a_terminal_shows_rows_and_percentage", cp.stdout[-500:])
else:
    check(False, "import_on_a_terminal_shows_rows_and_percentage", "script not found")

r = w.run("report")
check(r.code == 1 and "--xlsx" in r.err, "report_without_an_output_is_a_usage_error", r)
done()
