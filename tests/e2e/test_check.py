"""`pijlermonitor check`: each consistency warning names the file and line
of the row, warnings exit 0, and a damaged store exits 3."""
import os
import sqlite3
import subprocess

from pmtest import Workdir, check, done, base, csv_text

w = Workdir()
base(w)
r = w.run("check")
check(r.code == 0 and "0 waarschuwingen" in r.out, "clean_store_has_no_warnings", r)
check("Integriteit van de database: in orde" in r.out, "check_reports_integrity_ok", r)

spec = w.file("spec-duur.csv", csv_text([
    ["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"],
    ["SP09", "Duur Adviesbureau", "specialist", "juridisch", "125,00", "01-01-2025",
     "30-06-2025"],
]))
hv = w.file("hv.csv", csv_text([
    ["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp", "specialist",
     "status", "afgerond_op"],
    ["HV1", "GM0363", "03-03-2025", "04-03-2025", "juridisch", "", "open", ""],
    ["HV2", "GM0363", "03-03-2025", "04-03-2025", "", "SP01", "lopend", ""],
    ["HV3", "GM0344", "05-03-2025", "05-03-2025", "juridisch", "SP01", "afgerond", ""],
    ["HV4", "GM0344", "05-03-2025", "05-03-2025", "juridisch", "SP01", "lopend",
     "20-03-2025"],
]))
inz = w.file("inzet.csv", csv_text([
    ["id", "specialist", "datum", "uren", "hulpvraag"],
    ["IZ1", "SP09", "01-07-2025", "2", "HV2"],
    ["IZ2", "SP09", "15-12-2024", "2", "HV2"],
]))
ev = w.file("ev.csv", csv_text([
    ["id", "organisatie", "datum", "soort", "score", "hulpvraag"],
    ["EV1", "GM0363", "10-03-2025", "ondersteuning", "8", "HV-ONBEKEND"],
]))
r = w.run("import", spec, hv, inz, ev)
check(r.code == 0, "warning_material_imports_without_errors", r)
r = w.run("check")
check(r.code == 0, "warnings_exit_0", r)
out = r.out
check("spec-duur.csv:2: uurtarief van specialist SP09 is € 125,00, boven het maximum van "
      "€ 120,00" in out, "tariff_above_cap_named_with_file_line_and_euros", out)
check("hv.csv:2: hulpvraag HV1 (status open) heeft geen specialist" in out,
      "request_without_specialist_is_named", out)
check("hv.csv:3: hulpvraag HV2 heeft geen onderwerp" in out,
      "request_without_subject_is_named", out)
check("ev.csv:2: evaluatie EV1 noemt hulpvraag 'HV-ONBEKEND', die niet bestaat" in out,
      "evaluation_of_unknown_request_is_named", out)
check("inzet.csv:2: inzet IZ1 van specialist SP09 op 01-07-2025 valt buiten" in out,
      "inzet_after_einde_is_named", out)
check("inzet.csv:3: inzet IZ2 van specialist SP09 op 15-12-2024 valt buiten" in out,
      "inzet_before_start_is_named", out)
check("lijken dubbel" in out and "HV3" in out and "HV4" in out,
      "duplicate_looking_requests_are_named", out)
check("hulpvraag HV3 heeft status 'afgerond' maar geen afgerond_op" in out,
      "done_without_date_is_named", out)
check("hulpvraag HV4 heeft een afgerond_op maar status 'lopend'" in out,
      "date_without_done_is_named", out)
check("9 waarschuwingen" in out, "warning_count_is_exact", out)

# Damage: overwrite the middle of the file with garbage.
d = Workdir()
base(d)
con = sqlite3.connect(d.db)
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
con.close()
size = os.path.getsize(d.db)
with open(d.db, "r+b") as f:
    f.seek(4096 * 3)
    f.write(b"\xff\x00\xa5" * ((size - 4096 * 3) // 3))
r = d.run("check")
check(r.code == 3, "damaged_store_exits_3", r)
check("beschadigd" in r.err or "kan niet worden gelezen" in r.err,
      "damaged_store_message_is_dutch", r)
# Rows changed outside pijlermonitor (here with the sqlite3 shell) no longer
# match the fingerprint sums the import kept: check says so and exits 3, as
# for other integrity failures; undoing the change makes the store whole.
x = Workdir()
base(x)
x.file("hv.csv", csv_text([
    ["id", "organisatie", "ontvangen", "onderwerp", "specialist", "status"],
    ["HV1", "GM0363", "03-03-2025", "juridisch", "SP01", "open"],
    ["HV2", "GM0344", "04-03-2025", "juridisch", "SP02", "lopend"],
]))
r = x.run("import", "hv.csv")
r = x.run("check")
check(r.code == 0 and "in orde" in r.out, "store_written_only_by_imports_passes_check", r)


def shell(sql):
    subprocess.run(["sqlite3", x.db, sql], check=True, capture_output=True)


for sql, undo, name, rows in (
        ("UPDATE hulpvragen SET status = 'afgerond' WHERE id = 'HV2'",
         "UPDATE hulpvragen SET status = 'lopend' WHERE id = 'HV2'",
         "a_value_changed", "nu 2 rijen, volgens de imports 2"),
        ("DELETE FROM organisaties WHERE id = 'SOB001'",
         "INSERT INTO organisaties SELECT 'SOB001', 'Werkbedrijf Rivierenland', 'sob', "
         "'Oost', bestand, regel FROM organisaties WHERE id = 'GM0363'",
         "a_row_deleted", "nu 3 rijen, volgens de imports 4")):
    shell(sql)
    r = x.run("check")
    table = "hulpvragen" if "hulpvragen" in sql else "organisaties"
    check(r.code == 3 and f"fout: tabel {table} is buiten pijlermonitor gewijzigd ({rows})"
          in r.out and "buiten pijlermonitor gewijzigd" in r.err
          and "in orde" not in r.out,
          f"check_exits_3_naming_the_table_when_{name}_with_the_sqlite3_shell", r)
    shell(undo)
    r = x.run("check")
    check(r.code == 0 and "in orde" in r.out, f"check_passes_again_when_{name}_is_undone", r)

done()
