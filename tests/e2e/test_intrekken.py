"""`pijlermonitor intrekken` (SPEC §8, issue 11 point 8): withdrawn rows leave
every figure and the fingerprint, are kept with reason and time, references
block, a failed or trial call changes no byte, --bestand takes one recorded
import file, --wissen leaves no trace of the text in the database file, and a
version 2 database migrates."""
import json
import os
import shutil
import sqlite3

from pmtest import (Workdir, base, check, computed_sums, csv_text, done, fingerprint,
                    stored_sums)

REQUESTS = [
    ["id", "organisatie", "ontvangen", "eerste_contact", "specialist"],
    ["HV1", "GM0363", "2025-04-17", "2025-04-25", "SP01"],  # on time
    ["HV2", "GM0363", "2025-04-17", "2025-04-28", ""],      # late
    ["HV3", "GM0363", "2025-04-30", "2025-05-08", ""],      # on time
    ["HV4", "GM0344", "2025-05-28", "2025-06-06", ""],      # on time
    ["HV5", "GM0344", "2025-05-28", "2025-06-09", ""],      # late
    ["HV7", "SOB001", "2025-06-16", "", ""],                # late
    ["HV10", "GM0363", "2025-04-02", "2025-04-02", ""],     # on time
]
INZET = [
    ["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"],
    ["IZ1", "SP01", "2025-04-25", "2", "HV1", "intake"],
]
EVALUATIES = [
    ["id", "organisatie", "datum", "soort", "score", "hulpvraag"],
    ["EV1", "GM0363", "2025-05-01", "ondersteuning", "8", "HV3"],
]

w = Workdir()
base(w)
hv = w.file("hv.csv", csv_text(REQUESTS))
iz = w.file("inzet.csv", csv_text(INZET))
ev = w.file("ev.csv", csv_text(EVALUATIES))
r = w.run("import", hv, iz, ev)
check(r.code == 0, "fixture_imports", r)


def r1(wd=w):
    r = wd.run("indicators", "--period", "2025-Q2", "--format", "json")
    assert r.code == 0, r
    doc = json.loads(r.out)
    return next(i for i in doc["indicatoren"] if i["id"] == "R1")["periode"]


def db_bytes(wd=w):
    """The database file and its -wal (if any), as bytes."""
    out = b""
    for suffix in ("", "-wal"):
        p = wd.db + suffix
        if os.path.exists(p):
            with open(p, "rb") as f:
                out += f.read()
    return out


before = r1()
check(before["teller"] == 4 and before["noemer"] == 7, "r1_before_is_4_of_7", before)
fp_before = fingerprint(stored_sums(w))

# ---- refusals change nothing --------------------------------------------------------

snap = db_bytes()
r = w.run("intrekken", "hulpvragen", "HV3", "HV99", "--reden", "tikfout")
check(r.code == 2 and "hulpvragen: 'HV99' bestaat niet" in r.err
      and "er is niets gewijzigd" in r.err, "unknown_id_exits_2_naming_dataset_and_id", r)
check(db_bytes() == snap and w.count("hulpvragen") == 7,
      "unknown_id_leaves_the_database_byte_identical_also_for_the_valid_ids")

r = w.run("intrekken", "organisaties", "GM0344", "--reden", "test")
check(r.code == 2 and "organisaties 'GM0344' kan niet worden ingetrokken: hulpvragen "
      "HV4, HV5 verwijzen ernaar" in r.err, "referenced_organisation_is_refused_naming_"
      "the_requests", r)
check(db_bytes() == snap, "refused_withdrawal_leaves_the_database_byte_identical")

r = w.run("intrekken", "hulpvragen", "HV1", "--reden", "test")
check(r.code == 2 and "hulpvragen 'HV1' kan niet worden ingetrokken: inzet IZ1 "
      "verwijst ernaar" in r.err, "request_with_inzet_is_refused_naming_the_inzet", r)
r = w.run("intrekken", "specialisten", "SP01", "--reden", "test")
check(r.code == 2 and "hulpvragen HV1 verwijst ernaar" in r.err
      and "inzet IZ1 verwijst ernaar" in r.err,
      "specialist_is_refused_naming_requests_and_inzet", r)

r = w.run("intrekken", "hulpvragen", "HV3", "--reden", "test", "--dry-run")
check(r.code == 0 and "1 rij zou worden ingetrokken uit hulpvragen: HV3" in r.out
      and "niets gewijzigd" in r.out, "dry_run_reports_what_would_be_withdrawn", r)
check(db_bytes() == snap, "dry_run_leaves_the_database_byte_identical")

for args, name in ((["hulpvragen", "HV3"], "missing_reden"),
                   (["hulpvragen", "HV3", "--reden", "  "], "blank_reden"),
                   (["hulpvraag", "HV3", "--reden", "x"], "unknown_dataset"),
                   (["hulpvragen", "--reden", "x"], "dataset_without_ids"),
                   (["hulpvragen", "HV3", "--bestand", "hv.csv", "--reden", "x"],
                    "ids_and_bestand_together"),
                   (["--reden", "x"], "nothing_named")):
    r = w.run("intrekken", *args)
    check(r.code == 1 and "Gebruik:" in r.err, f"usage_error_exits_1_{name}", r)
check(db_bytes() == snap, "usage_errors_leave_the_database_byte_identical")

# ---- a withdrawal ---------------------------------------------------------------

# HV3 is named by evaluation EV1's hulpvraag, which is no checked reference.
r = w.run("intrekken", "hulpvragen", "HV3", "--reden", "dubbel ingevoerd",
          env={"SOURCE_DATE_EPOCH": "1767268800"})
check(r.code == 0 and "1 rij ingetrokken uit hulpvragen: HV3" in r.out,
      "withdrawing_a_request_named_only_by_an_evaluation_works", r)
after = r1()
check(after["noemer"] == before["noemer"] - 1 and after["teller"] == before["teller"] - 1,
      "withdrawn_request_leaves_r1s_teller_and_noemer", after)
rec = w.query("SELECT dataset, id, rij, reden, tijd, gewist, bestand, regel "
              "FROM ingetrokken")
row = json.loads(rec[0][2]) if len(rec) == 1 and rec[0][2] else {}
check(len(rec) == 1 and rec[0][:2] == ("hulpvragen", "HV3")
      and rec[0][3:6] == ("dubbel ingevoerd", "2026-01-01T12:00:00Z", 0)
      and rec[0][7] == 4 and row.get("organisatie") == "GM0363"
      and row.get("id") == "HV3",
      "withdrawn_row_is_kept_as_json_with_reason_run_time_file_and_line", rec)
kept, real = stored_sums(w), computed_sums(w)
check(kept == real and fingerprint(kept) != fp_before,
      "fingerprint_sums_follow_the_withdrawal", f"{kept}\n{real}")

fresh = Workdir()
base(fresh)
r = fresh.run("import", fresh.file("hv.csv", csv_text([x for x in REQUESTS
                                                      if x[0] != "HV3"])),
              fresh.file("inzet.csv", csv_text(INZET)), fresh.file("ev.csv",
                                                                   csv_text(EVALUATIES)))
check(r.code == 0 and fingerprint(stored_sums(fresh)) == fingerprint(kept),
      "fingerprint_equals_that_of_a_fresh_database_with_the_same_rows", r)

r = w.run("check")
check(r.code == 0 and "Ingetrokken rijen: 1" in r.out
      and "ingetrokken: hulpvragen HV3 op 01-01-2026 12:00 UTC, uit " in r.out
      and "hv.csv:4; reden: dubbel ingevoerd" in r.out
      and "hulpvragen 6," in r.out, "check_lists_the_withdrawal", r)

r = w.run("intrekken", "hulpvragen", "HV3", "--reden", "nogmaals")
check(r.code == 2 and "al ingetrokken" in r.err, "withdrawing_twice_says_it_is_withdrawn", r)

# Importing the row again stores it anew; the record stays as history.
r = w.run("import", hv)
check(r.code == 0 and "1 nieuw" in r.out, "reimport_stores_the_withdrawn_row_anew", r)
check(r1() == before, "reimport_restores_the_figure", r1())
check(fingerprint(stored_sums(w)) == fp_before and stored_sums(w) == computed_sums(w),
      "reimport_restores_the_fingerprint")
check(w.count("ingetrokken") == 1, "the_withdrawal_record_stays_after_reimport")

# ---- several datasets in one call, bounded lists --------------------------------

orgs = w.file("test-org.csv", csv_text([
    ["id", "naam", "type", "regio"], ["SOBT", "Testorganisatie", "sob", "Zuid"]]))
many = w.file("test-hv.csv", csv_text(
    [["id", "organisatie", "ontvangen"]]
    + [[f"T{k:02d}", "SOBT", "2025-05-01"] for k in range(1, 18)]))
r = w.run("import", orgs, many)
check(r.code == 0, "test_material_imports", r)
r = w.run("intrekken", "organisaties", "SOBT", "--reden", "test")
check(r.code == 2 and "hulpvragen T01, T02, T03, T04, T05 en 12 andere verwijzen" in r.err,
      "referring_rows_are_named_in_a_bounded_list", r)
ids = [f"T{k:02d}" for k in range(1, 18)]
r = w.run("intrekken", "organisaties", "SOBT", "hulpvragen", *ids, "--reden", "testdata")
check(r.code == 0 and "1 rij ingetrokken uit organisaties: SOBT" in r.out
      and "17 rijen ingetrokken uit hulpvragen: T01, T02" in r.out
      and "en 7 andere" in r.out,
      "organisation_and_its_requests_withdraw_together", r)
check(w.count("organisaties") == 4 and r1() == before
      and stored_sums(w) == computed_sums(w), "withdrawn_test_material_leaves_no_figure")

# ---- --bestand --------------------------------------------------------------------

os.makedirs(os.path.join(w.path, "a"))
os.makedirs(os.path.join(w.path, "b"))
ka = w.file("a/kp.csv", csv_text([["id", "titel", "soort", "gepubliceerd", "kanalen"],
                                  ["KP1", "Handleiding", "handleiding", "2025-05-01",
                                   "website"],
                                  ["KP2", "Factsheet", "factsheet", "2025-05-02",
                                   "website"]]))
kb = w.file("b/kp.csv", csv_text([["id", "titel", "soort", "gepubliceerd", "kanalen"],
                                  ["KP3", "Webinar", "webinar", "2025-05-03", "website"]]))
r = w.run("import", "a/kp.csv", "b/kp.csv")
check(r.code == 0, "two_files_with_one_name_import", r)
snap = db_bytes()
r = w.run("intrekken", "--bestand", "kp.csv", "--reden", "test")
# (whether the import records a/kp.csv or only kp.csv, the listing shows it)
files = w.query("SELECT id, pad FROM import_bestanden WHERE pad LIKE '%kp.csv' "
                "ORDER BY id")
check(r.code == 2 and len(files) == 2 and f"#{files[0][0]} {files[0][1]} (" in r.err
      and f"#{files[1][0]} {files[1][1]} (" in r.err and "nog 2 rijen" in r.err
      and db_bytes() == snap, "ambiguous_file_name_exits_2_listing_the_files", r)
r = w.run("intrekken", "--bestand", "nergens.csv", "--reden", "test")
check(r.code == 2 and "geen bestand 'nergens.csv'" in r.err, "unknown_file_exits_2", r)
r = w.run("intrekken", "--bestand", f"#{files[0][0]}", "--reden", "verkeerde map")
check(r.code == 0 and "2 rijen ingetrokken uit kennisproducten: KP1, KP2" in r.out
      and w.query("SELECT id FROM kennisproducten") == [("KP3",)],
      "bestand_by_number_withdraws_every_row_of_that_recorded_file", r)
r = w.run("intrekken", "--bestand", "kp.csv", "--reden", "test", "--dry-run")
check(r.code == 0 and "1 rij zou worden ingetrokken uit kennisproducten: KP3" in r.out,
      "a_file_that_delivers_no_rows_any_more_no_longer_makes_a_name_ambiguous", r)
r = w.run("intrekken", "--bestand", "kp.csv", "--reden", "test")
check(r.code == 0 and w.count("kennisproducten") == 0,
      "bestand_by_name_withdraws_that_file", r)
r = w.run("intrekken", "--bestand", "kp.csv", "--reden", "test")
check(r.code == 2 and "levert geen rijen meer" in r.err,
      "a_file_without_rows_left_is_refused", r)
# The recorded name, with or without folders, is found by itself, by its last
# component, and a bare recorded name from a path.
con = sqlite3.connect(w.db)
con.execute("UPDATE import_bestanden SET pad = 'inzet.csv' WHERE pad LIKE '%inzet.csv'")
con.execute("UPDATE import_bestanden SET pad = '/home/coord/export/ev.csv' "
            "WHERE pad LIKE '%ev.csv'")
con.commit()
con.close()
for name, want, label in (("/elders/inzet.csv", "inzet: IZ1", "bare_recorded_name"),
                          ("/home/coord/export/ev.csv", "evaluaties: EV1",
                           "recorded_path"),
                          ("ev.csv", "evaluaties: EV1", "last_component_of_recorded_path")):
    r = w.run("intrekken", "--bestand", name, "--reden", "test", "--dry-run")
    check(r.code == 0 and want in r.out, f"bestand_matches_{label}", r)

# ---- --wissen -----------------------------------------------------------------------

NAME_OLD = "Quirijntje Zandvoort-Oldambtster"
NAME_NEW = "Quirijntje Zandvoort-Oldambt"
s1 = w.file("sp-a.csv", csv_text([
    ["id", "naam", "rol", "expertise", "uurtarief", "start"],
    ["SPQ", NAME_OLD, "specialist", "juridisch", "100", "2025-01-01"]]))
s2 = w.file("sp-b.csv", csv_text([
    ["id", "naam", "rol", "expertise", "uurtarief", "start"],
    ["SPQ", NAME_NEW, "specialist", "juridisch", "100", "2025-01-01"]]))
# A second connection keeps the database open, so the WAL outlives each run
# (as beside a report being made); it also writes without secure_delete, as
# an SQLite built without that default does: a replaced name stays behind in
# the free space of the file.
hold = sqlite3.connect(w.db, isolation_level=None)
hold.execute("PRAGMA secure_delete = OFF")
hold.execute("SELECT count(*) FROM specialisten").fetchall()
assert w.run("import", s1).code == 0
r = w.run("intrekken", "specialisten", "SPQ", "--reden", "verkeerd ingevoerd")
check(r.code == 0 and NAME_OLD in (w.query("SELECT rij FROM ingetrokken WHERE id = 'SPQ'")
                                   or [("",)])[0][0],
      "without_wissen_the_copy_keeps_the_name", r)
assert w.run("import", s1).code == 0
assert w.run("import", s2).code == 0
hold.execute("UPDATE specialisten SET naam = 'Quirijntje X' WHERE id = 'SPQ'")
hold.execute("UPDATE specialisten SET naam = ? WHERE id = 'SPQ'", (NAME_NEW,))
raw = db_bytes()
check(b"Quirijntje X" in raw and NAME_OLD.encode() in raw,
      "the_names_are_in_the_files_before_wissen")
r = w.run("intrekken", "specialisten", "SPQ", "--reden", "AVG-verzoek", "--wissen")
check(r.code == 0 and "voorgoed gewist" in r.out and "1 eerdere intrekking" in r.out,
      "wissen_withdraws_and_erases", r)
rec = w.query("SELECT dataset, id, rij, bestand, regel, reden, gewist FROM ingetrokken "
              "WHERE id = 'SPQ' ORDER BY nr")
check(len(rec) == 2 and all(x[:2] == ("specialisten", "SPQ") and x[2:5] == (None,) * 3
                            and x[6] == 1 for x in rec) and rec[1][5] == "AVG-verzoek",
      "wissen_keeps_only_dataset_id_reason_and_time_also_of_earlier_copies", rec)
raw = db_bytes()
check(b"Quirijntje" not in raw,
      "after_wissen_the_name_is_in_no_byte_of_the_database_or_its_wal", len(raw))
hold.close()  # the last connection: SQLite checkpoints and removes the WAL
raw = db_bytes()
check(b"Quirijntje" not in raw and not os.path.exists(w.db + "-wal"),
      "after_the_last_checkpoint_the_name_is_in_no_byte_of_the_database")
check(stored_sums(w) == computed_sums(w) and w.run("check").code == 0,
      "after_wissen_the_database_checks_out")

# An AVG request after an ordinary withdrawal: the id is no longer stored,
# but --wissen erases the kept copy.
s3 = w.file("sp-c.csv", csv_text([
    ["id", "naam", "rol", "expertise", "uurtarief", "start"],
    ["SPR", "Reinoudina Vlasblom-Terpstra", "specialist", "juridisch", "100",
     "2025-01-01"]]))
assert w.run("import", s3).code == 0
assert w.run("intrekken", "specialisten", "SPR", "--reden", "fout").code == 0
r = w.run("intrekken", "specialisten", "SPR", "--reden", "AVG-verzoek", "--wissen")
raw = db_bytes()
check(r.code == 0 and b"Vlasblom" not in raw
      and w.query("SELECT count(*) FROM ingetrokken WHERE id = 'SPR' AND rij IS NULL "
                  "AND gewist = 1") == [(1,)],
      "wissen_of_an_already_withdrawn_row_erases_its_copy", r)

# A reader in the middle of a transaction keeps the WAL's old frames alive:
# the clean-up cannot finish, the withdrawal stands, exit 3 says what to do,
# and the same command given again cleans the file.
s4 = w.file("sp-d.csv", csv_text([
    ["id", "naam", "rol", "expertise", "uurtarief", "start"],
    ["SPS", "Sjoukje Wijnaldum-Hoekstra", "specialist", "juridisch", "100",
     "2025-01-01"]]))
assert w.run("import", s4).code == 0
reader = sqlite3.connect(w.db, isolation_level=None)
reader.execute("BEGIN")
reader.execute("SELECT count(*) FROM specialisten").fetchall()
r = w.run("intrekken", "specialisten", "SPS", "--reden", "AVG-verzoek", "--wissen")
check(r.code == 3 and "ingetrokken en gewist" in r.err and "opnieuw" in r.err
      and w.count("specialisten") == 2 and "1 rij ingetrokken" in r.out,
      "a_clean_up_blocked_by_a_reader_exits_3_and_the_withdrawal_stands", r)
reader.execute("COMMIT")
reader.close()
r = w.run("intrekken", "specialisten", "SPS", "--reden", "AVG-verzoek", "--wissen")
check(r.code == 0 and "opgeschoond" in r.out and b"Wijnaldum" not in db_bytes(),
      "the_same_command_again_cleans_the_file", r)

# Another process writing (an import) holds the lock past the busy timeout.
writer = sqlite3.connect(w.db, isolation_level=None)
writer.execute("BEGIN IMMEDIATE")
n_before = w.count("hulpvragen")
r = w.run("intrekken", "hulpvragen", "HV2", "--reden", "test")
writer.execute("ROLLBACK")
writer.close()
check(r.code == 3 and "bezet" in r.err and "niets gewijzigd" in r.err
      and w.count("hulpvragen") == n_before,
      "a_locked_database_exits_3_with_nothing_withdrawn", r)

r = w.run("intrekken", "hulpvragen", "HV2", "--reden", "regel een\nregel twee")
check(r.code == 1 and "één regel" in r.err, "a_reason_with_a_line_break_is_refused", r)

n = w.count("ingetrokken")
r = w.run("check")
listed = [ln for ln in r.out.splitlines() if ln.startswith("ingetrokken: ")]
check(r.code == 0 and n > 20 and f"Ingetrokken rijen: {n} (waarvan" in r.out
      and listed[0] == f"ingetrokken: ... {n - 20} eerdere niet getoond"
      and len(listed) == 21 and "specialisten SPS" in listed[-1]
      and "gewist; reden: AVG-verzoek" in listed[-1],
      "check_counts_every_withdrawal_and_lists_the_latest_20", r)

# ---- a version 2 database is migrated -----------------------------------------------

v2 = Workdir()
base(v2)
assert v2.run("import", v2.file("hv.csv", csv_text(REQUESTS))).code == 0
con = sqlite3.connect(v2.db)
con.execute("DROP TABLE ingetrokken")
con.execute("DROP TABLE verzonden")  # version 4's table
con.execute("DROP TABLE kolommen")  # version 5's table
con.execute("PRAGMA user_version = 2")
con.commit()
con.close()
r = v2.run("intrekken", "hulpvragen", "HV10", "--reden", "test")
check(r.code == 0 and v2.query("PRAGMA user_version") == [(7,)]
      and v2.count("hulpvragen") == 6 and v2.count("ingetrokken") == 1
      and stored_sums(v2) == computed_sums(v2),
      "a_version_2_database_migrates_and_withdraws", r)

done()
