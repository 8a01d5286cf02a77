"""The CSV rules of SPEC §2 through the real import: both dialects, the date
and decimal forms, header names, RFC 4180 quoting and line numbers, encodings,
odd files, and values that must be stored exactly as given."""
import datetime
import re
import shutil
import zipfile

from pmtest import Workdir, check, done, base, csv_text, computed_sums, stored_sums, \
    fingerprint

ORG_H = ["id", "naam", "type", "regio"]
SP_H = ["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"]
HV_H = ["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp", "specialist",
        "status", "afgerond_op"]
IZ_H = ["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"]
EV_H = ["id", "organisatie", "datum", "soort", "score", "specialist", "hulpvraag"]
UG_H = ["id", "datum", "post", "bedrag", "omschrijving"]
BG_H = ["id", "jaar", "kwartaal", "post", "bedrag"]


def day(y, m, d):
    return (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days


def data_counts(w):
    c = w.counts()
    c.pop("imports")
    return c


def rejected_at(w, fname, line, field, r, before):
    prefix = f"{fname}:{line}: veld '{field}':" if field else f"{fname}:{line}:"
    return r.code == 2 and prefix in r.err and w.counts() == before


check(day(2025, 3, 4) == 20151, "day_numbers_count_from_1970_01_01")

w = Workdir()
base(w)

# ---- the two dialects --------------------------------------------------

dutch = ("\ufeff" + "id;naam;rol;expertise;uurtarief;start;einde\r\n"
         "SP10;Cor Bakker;regioadviseur;bedrijfsvoering;112,50;01-07-2024;31-12-2025\r\n"
         "SP11;Dirk Smit;expert;juridisch;98,75;15-09-2024;\r\n")
w.file("nl_excel.csv", dutch)
r = w.run("import", "nl_excel.csv")
got = w.query("SELECT id, naam, uurtarief_cent, start, einde FROM specialisten "
              "WHERE id IN ('SP10','SP11') ORDER BY id")
check(r.code == 0 and got == [("SP10", "Cor Bakker", 11250, day(2024, 7, 1), day(2025, 12, 31)),
                              ("SP11", "Dirk Smit", 9875, day(2024, 9, 15), None)],
      "dutch_excel_file_bom_semicolon_crlf_dd_mm_yyyy_decimal_comma_is_imported",
      f"{got}\n{r!r}")
check(w.query("SELECT naam FROM specialisten WHERE id = 'SP10'") == [("Cor Bakker",)]
      and not w.query("SELECT id FROM specialisten WHERE id LIKE '%\ufeff%'"),
      "bom_is_not_part_of_the_first_column_or_value")

intl = ("id,organisatie,datum,soort,score,specialist,hulpvraag\n"
        "EV-20,GM0363,2025-04-15,ondersteuning,7.5,,\n"
        "EV-21,GM0344,2025-04-16,specialist,9,SP01,HV-OUD\n")
w.file("intl.csv", intl)
r = w.run("import", "intl.csv")
got = w.query("SELECT id, datum, score_x10, specialist, hulpvraag FROM evaluaties "
              "ORDER BY id")
check(r.code == 0 and got == [("EV-20", day(2025, 4, 15), 75, None, None),
                              ("EV-21", day(2025, 4, 16), 90, "SP01", "HV-OUD")],
      "comma_lf_iso_dates_and_decimal_point_file_is_imported", f"{got}\n{r!r}")

w.file("dmy.csv", csv_text([HV_H, ["HV-D1", "GM0363", "4-3-2025", "5-3-2025", "", "", "",
                                   ""]]))
r = w.run("import", "dmy.csv")
got = w.query("SELECT ontvangen, eerste_contact FROM hulpvragen WHERE id = 'HV-D1'")
check(r.code == 0 and got == [(20151, 20152)],
      "d_m_yyyy_dates_without_leading_zeros_are_accepted", f"{got}\n{r!r}")

w.file("dt.csv", csv_text([HV_H, ["HV-T1", "GM0363", "2025-03-04T17:30", "2025-03-05 09:00",
                                  "", "", "", ""]]))
r = w.run("import", "dt.csv")
got = w.query("SELECT ontvangen, eerste_contact FROM hulpvragen WHERE id = 'HV-T1'")
check(r.code == 0 and got == [(20151, 20152)],
      "date_time_is_stored_as_its_date_day_20151", f"{got}\n{r!r}")

w.file("hdr.csv", "\ufeff Id ; NAAM ;Type;  REGIO \r\nGM0014;Groningen;gemeente;Noord\r\n")
r = w.run("import", "hdr.csv")
got = w.query("SELECT naam, type, regio FROM organisaties WHERE id = 'GM0014'")
check(r.code == 0 and got == [("Groningen", "gemeente", "Noord")] and "waarschuwing" not in r.err,
      "header_names_in_mixed_case_with_spaces_are_accepted", f"{got}\n{r!r}")
w.file("hdrq.csv", '"ID";" Naam ";"TYPE";"Regio"\nGM0034;Almere;gemeente;Midden\n')
r = w.run("import", "hdrq.csv")
check(r.code == 0 and w.query("SELECT naam FROM organisaties WHERE id = 'GM0034'")
      == [("Almere",)], "quoted_header_names_are_trimmed_and_case_insensitive", r)

w.file("trim.csv", csv_text([ORG_H, ["  GM0050 ", " Zeewolde  ", " gemeente", "Midden "]]))
r = w.run("import", "trim.csv")
check(r.code == 0 and w.query("SELECT id, naam, type, regio FROM organisaties "
                              "WHERE naam LIKE '%Zeewolde%'")
      == [("GM0050", "Zeewolde", "gemeente", "Midden")],
      "spaces_around_unquoted_values_are_trimmed", r)

w.file("dupcol.csv", "id;naam;type;Naam;regio\r\nGM0014;Groningen;gemeente;X;Noord\r\n")
before = w.counts()
r = w.run("import", "dupcol.csv")
check(rejected_at(w, "dupcol.csv", 1, "naam", r, before) and "twee keer" in r.err,
      "column_named_twice_in_the_header_is_an_error", r)

# ---- quoting -------------------------------------------------------------

texts = {"IZ-Q1": "overleg; daarna verslag",
         "IZ-Q2": 'hij zei "ja" en "nee"',
         "IZ-Q3": "regel een\r\nregel twee\r\nregel drie",
         "IZ-Q4": "alleen LF\nhier",
         "IZ-Q5": '"; \r\n;"'}
rows = [IZ_H] + [[k, "SP01", "05-03-2025", "1", "", v] for k, v in texts.items()]
w.file("quoted.csv", csv_text(rows))
r = w.run("import", "quoted.csv")
got = dict(w.query("SELECT id, omschrijving FROM inzet WHERE id LIKE 'IZ-Q%'"))
check(r.code == 0 and got == texts,
      "quoted_fields_with_delimiter_doubled_quotes_and_newlines_are_stored_exactly",
      f"{got}\n{r!r}")
got = w.query("SELECT id, regel FROM inzet WHERE id LIKE 'IZ-Q%' ORDER BY id")
check(got == [("IZ-Q1", 2), ("IZ-Q2", 3), ("IZ-Q3", 4), ("IZ-Q4", 7), ("IZ-Q5", 9)],
      "rows_after_multi_line_fields_are_stored_with_their_physical_line", got)

# Lines: 1 header, 2-4 a three-line field, 5 good, 6 bad.
ml = csv_text([IZ_H, ["IZ-M1", "SP01", "05-03-2025", "1", "", "a\r\nb\r\nc"],
               ["IZ-M2", "SP01", "05-03-2025", "2", "", "ok"],
               ["IZ-M3", "SP01", "05-03-2025", "25", "", "te veel"]])
w.file("multiline_bad.csv", ml)
before = w.counts()
r = w.run("import", "multiline_bad.csv")
check(rejected_at(w, "multiline_bad.csv", 6, "uren", r, before)
      and "multiline_bad.csv:5:" not in r.err,
      "error_line_after_a_multi_line_field_is_the_physical_line", r)

# A quoted field with 100 000 line breaks spans many read chunks.
big_ml = "x\r\n" * 100000
ml2 = csv_text([IZ_H, ["IZ-B1", "SP01", "05-03-2025", "1", "", big_ml],
                ["IZ-B2", "SP01", "05-03-2025", "0", "", "nul uren"]])
w.file("multiline_big.csv", ml2)
before = w.counts()
r = w.run("import", "multiline_big.csv")
check(rejected_at(w, "multiline_big.csv", 100003, "uren", r, before),
      "line_numbers_stay_right_after_a_field_with_100000_line_breaks", r)

w.file("afterquote.csv", 'id;naam;type;regio\r\nGM0014;"Gron"ingen;gemeente;Noord\r\n')
before = w.counts()
r = w.run("import", "afterquote.csv")
check(rejected_at(w, "afterquote.csv", 2, "naam", r, before),
      "text_after_a_closing_quote_is_an_error_naming_line_and_field", r)

w.file("unterminated.csv", 'id;naam;type;regio\r\nGM0014;"Groningen;gemeente;Noord\r\n')
before = w.counts()
r = w.run("import", "unterminated.csv")
check(r.code == 2 and "unterminated.csv" in r.err and "aanhalingsteken" in r.err
      and "regel 2" in r.err and w.counts() == before,
      "unterminated_quote_is_an_error_naming_where_it_began", r)

# ---- blank rows and line ends ------------------------------------------

blank = ("\ufeffid;naam;type;regio\r\n;;;\r\nGM0014;Groningen;gemeente;Noord\r\n"
         ";;;\r\n\r\n; ; ;\r\nGM0034;Almere;gemeente;Midden\r\n;;;\r\n;;;\r\n")
w.file("blank.csv", blank)
r = w.run("import", "blank.csv")
check(r.code == 0 and "blank.csv: organisaties, 2 rijen" in r.out,
      "excel_empty_rows_are_skipped", r)
got = w.query("SELECT id, regel FROM organisaties WHERE id IN ('GM0014','GM0034') "
              "ORDER BY id")
check(got == [("GM0014", 3), ("GM0034", 7)], "lines_after_empty_rows_keep_their_number", got)
w.file("blank_bad.csv", "id;naam;type;regio\r\n;;;\r\n;;;\r\nGM0014;Groningen;stad;Noord\r\n")
before = w.counts()
r = w.run("import", "blank_bad.csv")
check(rejected_at(w, "blank_bad.csv", 4, "type", r, before),
      "error_after_empty_rows_names_the_physical_line", r)

w.file("cr.csv", "id;naam;type;regio\rGM0059;Achtkarspelen;gemeente;Noord\r"
       "GM0060;Ameland;gemeente;Noord\r")
r = w.run("import", "cr.csv")
got = w.query("SELECT id, naam, regio, regel FROM organisaties WHERE id IN "
              "('GM0059','GM0060') ORDER BY id")
check(r.code == 0 and got == [("GM0059", "Achtkarspelen", "Noord", 2),
                              ("GM0060", "Ameland", "Noord", 3)],
      "lone_cr_line_ends_are_accepted", f"{got}\n{r!r}")
w.file("cr_bad.csv", "id;naam;type;regio\rGM0072;Harlingen;gemeente;Noord\r"
       "GM0074;Heerenveen;gemeente;Noordelijk\r")
before = w.counts()
r = w.run("import", "cr_bad.csv")
check(rejected_at(w, "cr_bad.csv", 3, "regio", r, before),
      "error_line_number_is_right_with_lone_cr_line_ends", r)
w.file("noeol.csv", "id;naam;type;regio\nGM0080;Leeuwarden;gemeente;Noord")
r = w.run("import", "noeol.csv")
check(r.code == 0 and w.query("SELECT regio FROM organisaties WHERE id = 'GM0080'")
      == [("Noord",)], "last_row_without_line_end_is_imported", r)

# ---- large and strange values ---------------------------------------------

huge = ("Overleg met de wethouder over € en é; " * 300000)[:10 * 1024 * 1024]
w.file("huge.csv", csv_text([UG_H, ["UG-HUGE", "20-05-2025", "website", "10,00", huge]]))
r = w.run("import", "huge.csv")
got = w.query("SELECT length(omschrijving), length(CAST(omschrijving AS BLOB)), "
              "omschrijving = ? FROM uitgaven WHERE id = 'UG-HUGE'", huge)
check(r.code == 0 and got == [(len(huge), len(huge.encode()), 1)],
      "a_10_mb_omschrijving_is_stored_intact",
      f"{got} expected {len(huge)}/{len(huge.encode())}\n{r.code}\n{r.err[:500]}")

latin1 = "id;naam;type;regio\r\nGM0014;Groningen;gemeente;Noord\r\n".encode() + \
    b"GM0034;Caf\xe9 Almere;gemeente;Midden\r\n"
w.file("latin1.csv", latin1)
before = w.counts()
r = w.run("import", "latin1.csv")
check(rejected_at(w, "latin1.csv", 3, "naam", r, before) and "CSV UTF-8" in r.err,
      "invalid_utf8_is_rejected_with_line_field_and_a_csv_utf8_hint", r)

nul = b"id;naam;type;regio\r\nGM0014;Gron\x00ingen;gemeente;Noord\r\n"
w.file("nul.csv", nul)
before = w.counts()
r = w.run("import", "nul.csv")
check(rejected_at(w, "nul.csv", 2, "naam", r, before) and "NUL" in r.err,
      "nul_byte_in_a_field_is_rejected_naming_line_and_field", r)

evil = "x'); DROP TABLE hulpvragen;--"
w.file("evil.csv", csv_text([HV_H, [evil, "GM0363", "03-03-2025", "", "", "", "", ""]]))
r = w.run("import", "evil.csv")
got = w.query("SELECT id FROM hulpvragen WHERE id = ?", evil)
check(r.code == 0 and got == [(evil,)] and w.count("hulpvragen") >= 3,
      "sql_in_an_id_is_stored_as_plain_data", f"{got}\n{r!r}")

w.file("utf16.csv", "id;naam;type;regio\r\nGM0014;Groningen;gemeente;Noord\r\n"
       .encode("utf-16"))
before = w.counts()
r = w.run("import", "utf16.csv")
check(r.code == 2 and "utf16.csv" in r.err and "UTF-16" in r.err and w.counts() == before,
      "utf16_file_is_rejected_with_a_clear_message", r)
w.file("utf16be.csv", "\ufeffid;naam;type;regio\r\n".encode("utf-16-be"))
r = w.run("import", "utf16be.csv")
check(r.code == 2 and "UTF-16" in r.err, "utf16_big_endian_file_is_rejected_too", r)

w.file("empty.csv", b"")
before = w.counts()
r = w.run("import", "empty.csv")
check(r.code == 2 and "empty.csv" in r.err and "leeg" in r.err and w.counts() == before,
      "empty_file_is_rejected", r)
w.file("bomonly.csv", b"\xef\xbb\xbf\r\n\r\n")
r = w.run("import", "bomonly.csv")
check(r.code == 2 and "leeg" in r.err, "file_with_only_a_bom_and_blank_lines_is_empty", r)

w.file("header_only.csv", csv_text([ORG_H]))
before = data_counts(w)
r = w.run("import", "header_only.csv")
check(r.code == 0 and "0 rijen" in r.out and data_counts(w) == before,
      "header_only_file_is_accepted_with_0_rows", r)

before = w.counts()
r = w.run("import", "bestaat_niet.csv")
check(r.code in (2, 3) and "bestaat_niet.csv" in r.err and w.counts() == before,
      "missing_file_is_refused_naming_the_file", r)
check(r.code == 3, "missing_file_exits_3_as_a_file_failure", r)
r = w.run("import", "header_only.csv", "bestaat_niet.csv")
check(r.code == 3 and "bestaat_niet.csv" in r.err and w.counts() == before,
      "missing_second_file_exits_3_and_writes_nothing", r)

w.file("toomany.csv", "id;naam;type;regio\r\nGM0014;Groningen;gemeente;Noord\r\n"
       "GM0034;Almere;gemeente;Midden;extra\r\n")
before = w.counts()
r = w.run("import", "toomany.csv")
check(r.code == 2 and "toomany.csv:3:" in r.err and "velden" in r.err
      and w.counts() == before, "row_with_more_fields_than_the_header_is_an_error", r)
w.file("trailing_delim.csv", "id;naam;type;regio\r\nGM0086;Opsterland;gemeente;Noord;\r\n")
r = w.run("import", "trailing_delim.csv")
check(r.code == 0, "trailing_empty_field_beyond_the_header_is_ignored", r)
w.file("fewer.csv", "id;naam;type;regio\r\nVNG2;Andere opdrachtgever;opdrachtgever\r\n")
r = w.run("import", "fewer.csv")
check(r.code == 0 and w.query("SELECT regio FROM organisaties WHERE id = 'VNG2'") == [(None,)],
      "row_with_fewer_fields_reads_the_rest_as_empty", r)

w.file("euro.csv", csv_text([BG_H, ["BG-E1", "2025", "", "website", "€ 1.234,56"],
                             ["BG-E2", "2025", "2", "overig", "€1234,5"],
                             ["BG-E3", "2025", "3", "communicatie", "1.234.567,00"]]))
r = w.run("import", "euro.csv")
got = w.query("SELECT id, bedrag_cent FROM begroting WHERE id LIKE 'BG-E%' ORDER BY id")
check(r.code == 0 and got == [("BG-E1", 123456), ("BG-E2", 123450), ("BG-E3", 123456700)],
      "euro_amounts_with_thousands_separators_are_stored_in_cents", f"{got}\n{r!r}")
# ---- the data fingerprint's sums, kept by the import --------------------
# pmtest recomputes them from the rows as engine/store.c's full
# recomputation does; the import must keep exactly those.

kept, real = stored_sums(w), computed_sums(w)
check(kept == real, "fingerprint_sums_after_every_import_above_equal_those_of_the_rows",
      f"{kept}\n{real}")

f = Workdir()
f.init()
check(stored_sums(f) == {t: (0, 0) for t in computed_sums(f)},
      "a_new_store_has_zero_sums_for_all_nine_datasets", stored_sums(f))
base(f)
KP_H = ["id", "titel", "soort", "gepubliceerd", "pijler", "kanalen", "bereik"]
f.file("hv.csv", csv_text([
    HV_H,
    ["HV1", "GM0363", "03-03-2025", "04-03-2025", "juridisch", "SP01", "open", ""],
    ["HV2", "GM0344", "2025-03-05", "", "", "", "", ""],
    ["HV3", "SOB001", "05-03-2025", "05-03-2025", "bedrijfsvoering", "SP02", "afgerond",
     "20-03-2025"],
]))
f.file("kp.csv", csv_text([
    KP_H,
    ["KP1", "Handreiking; met \"quotes\"", "handleiding", "12-11-2024", "", " website | ", ""],
    ["KP2", "Webinar", "webinar", "", "2+3", "", "850"],
]))
r = f.run("import", "hv.csv", "kp.csv")
kept, real = stored_sums(f), computed_sums(f)
check(r.code == 0 and kept == real and real["hulpvragen"][1] == 3
      and real["kennisproducten"][1] == 2,
      "fingerprint_sums_after_a_fresh_import_equal_those_of_the_rows", f"{kept}\n{real}\n{r!r}")

before = stored_sums(f)
f.file("hv2.csv", csv_text([
    HV_H,
    ["HV1", "GM0363", "03-03-2025", "06-03-2025", "juridisch", "SP01", "lopend", ""],
    ["HV3", "SOB001", "05-03-2025", "05-03-2025", "bedrijfsvoering", "SP02", "afgerond",
     "20-03-2025"],
    ["HV4", "GM0363", "07-03-2025", "", "", "", "", ""],
]))
r = f.run("import", "hv2.csv")
kept, real = stored_sums(f), computed_sums(f)
check(r.code == 0 and "1 nieuw, 2 vervangen" in r.out, "reimport_counts_new_and_replaced_rows",
      r)
check(kept == real and kept["hulpvragen"] != before["hulpvragen"]
      and kept["hulpvragen"][1] == 4,
      "fingerprint_sums_after_a_reimport_that_replaces_rows_with_changed_values_are_right",
      f"{before}\n{kept}\n{real}")
r = f.run("import", "hv2.csv")
check(r.code == 0 and stored_sums(f) == kept,
      "reimporting_the_same_rows_leaves_the_fingerprint_sums_as_they_were", r)

before = stored_sums(f)
f.file("hv_bad.csv", csv_text([
    HV_H,
    ["HV1", "GM0363", "03-03-2025", "", "participatieketen", "SP02", "open", ""],
    ["HV9", "GM0363", "31-02-2025", "", "", "", "", ""],
]))
for args, name in ((["hv_bad.csv"], "a_failed_import"),
                   (["--dry-run", "hv.csv"], "a_dry_run")):
    r = f.run("import", *args)
    check(r.code == (2 if name == "a_failed_import" else 0) and stored_sums(f) == before
          and computed_sums(f) == before, f"{name}_leaves_the_fingerprint_sums_unchanged", r)

f.file("ev.json", '[{"id": "EV1", "organisatie": "GM0363", "datum": "2025-03-10", '
       '"soort": "ondersteuning", "score": 7.5}, {"id": "EV2", "organisatie": "VNG", '
       '"datum": "10-03-2025", "soort": "opdrachtgever", "score": 8, "hulpvraag": null}]')
r = f.run("import", "ev.json")
kept, real = stored_sums(f), computed_sums(f)
check(r.code == 0 and kept == real and real["evaluaties"][1] == 2,
      "fingerprint_sums_after_a_json_import_equal_those_of_the_rows", f"{kept}\n{real}\n{r!r}")

r = f.run("report", "--period", "2025-Q1", "--xlsx", "r.xlsx")
text = ""
if r.code == 0:
    with zipfile.ZipFile(f"{f.path}/r.xlsx") as z:
        text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
shown = set(re.findall(r"[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}", text))
check(shown == {fingerprint(computed_sums(f))},
      "report_shows_the_fingerprint_of_the_full_recomputation", f"{shown}\n{r!r}")

# A version 1 store (before the sums were kept) is migrated and gets the sums
# of the data it holds.
v1 = Workdir()
shutil.copy(f.db, v1.db)
con = __import__("sqlite3").connect(v1.db)
con.execute("DROP TABLE vingerafdruk")
con.execute("DROP TABLE ingetrokken")  # version 3's table
con.execute("DROP TABLE verzonden")  # version 4's table
con.execute("DROP TABLE kolommen")  # version 5's table
con.execute("PRAGMA user_version = 1")
con.commit()
con.close()
r = v1.run("check")
kept, real = stored_sums(v1), computed_sums(v1)
check(r.code == 0 and v1.query("PRAGMA user_version") == [(7,)] and kept == real
      and real["hulpvragen"][1] == 4,
      "a_version_1_store_is_migrated_with_the_sums_of_its_rows", f"{kept}\n{real}\n{r!r}")
done()
