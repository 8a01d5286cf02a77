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

# The listing names the first max_listed (20) rows in the order (ontvangen,
# id) whatever the file order, and still counts every row. R05 and R06 share
# the 20th place's day; the smaller id is named, though R06 comes first in
# the file.
cap = Workdir()
base(cap)
rows = [["id", "organisatie", "ontvangen", "onderwerp", "specialist", "status"]]
for k in range(25, 0, -1):
    day = 1 + (25 - k) if k != 5 else 1 + (25 - 6)
    rows.append([f"R{k:02d}", "GM0363", f"{day:02d}-03-2025",
                 "bedrijfsvoering" if k == 5 else "juridisch", "", "open"])
r = cap.run("import", cap.file("cap.csv", csv_text(rows)))
check(r.code == 0, "cap_material_imports", r)
r = cap.run("check")
named = [ln.split("hulpvraag ")[1].split(" ")[0] for ln in r.out.splitlines()
         if "heeft geen specialist" in ln]
want = [f"R{k:02d}" for k in range(25, 6, -1)] + ["R05"]
check(named == want, "listing_names_first_20_by_date_then_id", f"{named}\n{r.out}")
check("waarschuwing: ... en nog 5 van deze soort" in r.out,
      "listing_cap_counts_the_rest_exactly", r.out)
check("25 waarschuwingen" in r.out, "capped_kind_counts_every_row_in_total", r.out)

# Probable duplicates: one group per (organisatie, ontvangen, onderwerp), a
# missing onderwerp being a value of its own and listed first; ids in import
# order (a re-import keeps a row's place but gives it its new file and line);
# the line named is that of the group's first row.
dup = Workdir()
base(dup)
hdr = ["id", "organisatie", "ontvangen", "onderwerp", "specialist", "status"]
a = dup.file("a.csv", csv_text([
    hdr,
    ["D-B", "GM0363", "03-03-2025", "juridisch", "SP01", "open"],
    ["D-Z", "GM0363", "04-03-2025", "juridisch", "SP01", "open"],
    ["N1", "GM0363", "03-03-2025", "", "SP01", "open"],
    ["N2", "GM0363", "03-03-2025", "", "SP01", "open"],
]))
b = dup.file("b.csv", csv_text([
    hdr,
    ["D-A", "GM0363", "03-03-2025", "juridisch", "SP01", "open"],
    ["O1", "GM0363", "03-03-2025", "bedrijfsvoering", "SP01", "open"],
    ["E1", "GM0344", "03-03-2025", "juridisch", "SP01", "open"],
]))
c = dup.file("c.csv", csv_text([
    hdr,
    ["D-Z", "GM0363", "03-03-2025", "juridisch", "SP01", "open"],
    ["D-B", "GM0363", "03-03-2025", "juridisch", "SP01", "open"],
]))
r = dup.run("import", a, b)
check(r.code == 0, "duplicate_material_imports", r)
r = dup.run("import", c)
check(r.code == 0, "duplicate_reimport_imports", r)
r = dup.run("check")
lines = [ln for ln in r.out.splitlines() if "lijken dubbel" in ln]
want = [
    "waarschuwing: a.csv:4: hulpvragen N1, N2 lijken dubbel: zelfde organisatie "
    "(GM0363), dag (03-03-2025) en onderwerp",
    "waarschuwing: c.csv:3: hulpvragen D-B, D-Z, D-A lijken dubbel: zelfde organisatie "
    "(GM0363), dag (03-03-2025) en onderwerp",
]
got = [ln.replace(dup.path + "/", "") for ln in lines]
check(got == want, "duplicates_grouped_by_subject_in_import_order_first_row_named",
      f"{got}\n{r.out}")
check("4 waarschuwingen" in r.out, "duplicate_groups_count_once_each", r.out)

# More groups than are listed, and one group of 120 requests: 20 named, the
# rest counted, the big group one warning whose line is cut, not the count.
many = Workdir()
base(many)
rows = [hdr]
for k in range(22):
    for j in range(2):
        rows.append([f"P{k:02d}-{j}", "GM0344", f"{k + 1:02d}-04-2025", "juridisch",
                     "SP01", "open"])
for j in range(120):
    rows.append([f"BIG-{j:03d}", "GM0363", "30-04-2025", "juridisch", "SP01", "open"])
r = many.run("import", many.file("many.csv", csv_text(rows)))
check(r.code == 0, "many_duplicates_import", r)
r = many.run("check")
lines = [ln for ln in r.out.splitlines() if "lijken dubbel" in ln]
check(len(lines) == 20 and "P00-0, P00-1 " in lines[0] and "P19-0, P19-1 " in lines[19],
      "duplicate_listing_names_first_20_groups_by_day", r.out)
check("waarschuwing: ... en nog 3 van deze soort" in r.out,
      "duplicate_listing_counts_the_rest_exactly", r.out)
check("23 waarschuwingen" in r.out, "big_group_is_one_warning", r.out)

# Damage: overwrite the middle of the file with garbage.
d = Workdir()
base(d)
con = sqlite3.connect(d.db)
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
con.close()
size = os.path.getsize(d.db)
con = sqlite3.connect(d.db)
page = con.execute("PRAGMA page_size").fetchone()[0]  # 16 KiB for a new store
con.close()
with open(d.db, "r+b") as f:
    f.seek(page * 3)  # past the schema page: the data pages are damaged
    f.write(b"\xff\x00\xa5" * ((size - page * 3) // 3))
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
