"""Import of .xlsx workbooks (SPEC §12, issue 17 points 1-2): every sheet named
after a dataset or with a dataset's header, cells as CSV text would be (shared
and inline strings, numbers, date serials of the 1900 and 1904 systems, cached
formula values), booleans and error cells refused, errors as
FILE[Blad]!C14, provenance FILE[Blad] and the sheet row, and hostile files
refused with exit 2 and nothing written."""
import datetime
import zipfile
import io

import openpyxl

from pmtest import Workdir, check, done, base, csv_text, computed_sums, stored_sums
from xlsxmake import Raw, date, formula, workbook, set_declared_size

D = datetime.date
# Every dataset, as Python values (openpyxl writes dates as date cells and
# numbers as numbers) and as the CSV text a user would have typed.
DATA = {
    "organisaties": [["id", "naam", "type", "regio"],
                     ["GM0363", "Amsterdam", "gemeente", "Noord-West"],
                     ["VNG", "Vereniging", "opdrachtgever", None]],
    "specialisten": [["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"],
                     ["SP01", "Anna", "specialist", "juridisch", 112.5, D(2024, 7, 1), None]],
    "hulpvragen": [["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp",
                    "specialist", "status", "afgerond_op"],
                   ["HV1", "GM0363", D(2025, 3, 3), D(2025, 3, 5), "bedrijfsvoering", "SP01",
                    "afgerond", D(2025, 3, 28)]],
    "inzet": [["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"],
              ["IZ1", "SP01", D(2025, 3, 5), 2.5, "HV1", "Intake; met \"citaat\""],
              ["IZ2", "SP01", D(2025, 3, 6), 0.1 + 0.2, "HV1", None]],
    "evaluaties": [["id", "organisatie", "datum", "soort", "score", "specialist", "hulpvraag"],
                   ["EV1", "GM0363", D(2025, 4, 15), "ondersteuning", 7.5, None, "HV1"],
                   ["EV2", "VNG", D(2025, 4, 16), "opdrachtgever", 7.1000000000000005, None,
                    None]],
    "kennisproducten": [["id", "titel", "soort", "gepubliceerd", "pijler", "kanalen",
                         "bereik"],
                        ["KP1", "Handreiking", "handleiding", D(2024, 11, 12), "2+3",
                         "nieuwsbrief|website", 850],
                        ["KP2", "Factsheet", "factsheet", None, 3, None, 0]],
    "mijlpalen": [["id", "resultaat", "omschrijving", "gepland", "gereed", "bewijs"],
                  ["MP1", "R4", "Rapportage", D(2025, 4, 15), D(2025, 4, 11), "x.pdf"]],
    "begroting": [["id", "jaar", "kwartaal", "post", "bedrag"],
                  ["BG1", 2025, None, "inhuur", 450000],
                  ["BG2", 2025, 2, "website", 121.00000000000001]],
    "uitgaven": [["id", "datum", "post", "bedrag", "omschrijving"],
                 ["UG1", D(2025, 5, 20), "website", -4350.25, "Bouw"]],
}


def as_text(v):
    if v is None:
        return ""
    if isinstance(v, D):
        return v.strftime("%d-%m-%Y")
    if isinstance(v, float):
        return f"{round(v, 2):.2f}".replace(".", ",")
    return str(v)


def openpyxl_book(path, sheets, titles=None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for i, (name, rows) in enumerate(sheets):
        ws = wb.create_sheet((titles or {}).get(name, name))
        for row in rows:
            ws.append(row)
    wb.save(path)


def state(w):
    """Everything an import may change: the rows, the sums, the file list."""
    return (w.counts(), w.query("SELECT * FROM vingerafdruk ORDER BY dataset"),
            w.query("SELECT count(*) FROM import_bestanden"))


# ---- every dataset: the workbook imports exactly as the CSVs -------------

wx, wc = Workdir(), Workdir()
wx.init()
wc.init()
openpyxl_book(f"{wx.path}/alles.xlsx", [(k.capitalize(), v) for k, v in DATA.items()])
r = wx.run("import", "alles.xlsx")
check(r.code == 0, "a_workbook_with_a_sheet_per_dataset_imports", r)
paths = [wc.file(f"{k}.csv", csv_text([[as_text(v) for v in row] for row in rows]))
         for k, rows in DATA.items()]
rc = wc.run("import", *paths)
check(rc.code == 0, "the_same_data_as_csv_imports", rc)
check(computed_sums(wx) == computed_sums(wc) and stored_sums(wx) == stored_sums(wc),
      "every_dataset_from_xlsx_is_stored_exactly_as_from_csv",
      f"{computed_sums(wx)}\n{computed_sums(wc)}")
got = wx.query("SELECT score_x10 FROM evaluaties WHERE id = 'EV2'")
check(got == [(71,)], "a_score_of_7_1000000000000005_is_7_1", got)
got = wx.query("SELECT bedrag_cent FROM begroting WHERE id = 'BG2'")
check(got == [(12100,)], "an_amount_of_121_00000000000001_is_121", got)
got = wx.query("SELECT uren_x100 FROM inzet WHERE id = 'IZ2'")
check(got == [(30,)], "hours_of_0_1_plus_0_2_are_0_30_hundredths", got)
got = wx.query("SELECT pijler FROM kennisproducten WHERE id = 'KP2'")
check(got == [("3",)], "a_number_cell_in_a_text_field_has_no_decimals", got)
got = wx.query("SELECT f.pad, i.regel FROM inzet i JOIN import_bestanden f ON f.id = i.bestand "
               "ORDER BY i.id")
check(got == [("alles.xlsx[Inzet]", 2), ("alles.xlsx[Inzet]", 3)],
      "rows_record_the_file_with_its_sheet_and_the_sheet_row", got)
check("alles.xlsx: organisaties, specialisten, hulpvragen, inzet, evaluaties, "
      "kennisproducten, mijlpalen, begroting, uitgaven, 14 rijen (14 nieuw" in r.out,
      "the_summary_names_the_workbook_with_every_dataset_and_all_rows", r)

# ---- sheet detection: by name, by header; unknown sheets; our own sheets --

w = Workdir()
base(w)
before = state(w)
hv = DATA["hulpvragen"]
openpyxl_book(f"{w.path}/det.xlsx", [("Blad1", hv), ("Notities", [["opmerking"], ["x"]]),
                                     ("Uitleg", [["veld", "uitleg"], ["id", "uniek"]]),
                                     ("Gemeenten", [["code", "naam"], ["GM0363", "A"]])])
r = w.run("import", "det.xlsx")
check(r.code == 0 and w.count("hulpvragen") == 1,
      "a_sheet_is_recognised_by_its_header_row", r)
check("det.xlsx[Notities]" in r.err and "overgeslagen" in r.err,
      "a_sheet_that_matches_nothing_is_a_warning_naming_it", r)
check("Uitleg" not in r.err and "Gemeenten" not in r.err,
      "the_uitleg_and_gemeenten_sheets_of_our_templates_are_skipped_silently", r)

# A sheet named after a dataset whose header lacks a required column: error.
openpyxl_book(f"{w.path}/naam.xlsx", [("HULPVRAGEN", [["id", "organisatie"], ["HV9", "GM0363"]])])
r = w.run("import", "naam.xlsx")
check(r.code == 2 and "ontvangen" in r.err and "naam.xlsx[HULPVRAGEN]" in r.err,
      "a_sheet_named_after_a_dataset_is_that_dataset_case_insensitively", r)

openpyxl_book(f"{w.path}/niets.xlsx", [("Blad1", [["a", "b"], [1, 2]])])
r = w.run("import", "niets.xlsx")
check(r.code == 2 and "geen blad herkend" in r.err,
      "a_workbook_without_any_recognised_sheet_is_an_error", r)

# --kind: one sheet with any name and a header of that dataset.
openpyxl_book(f"{w.path}/kind.xlsx", [("Export", [["id", "organisatie", "ontvangen"],
                                                  ["HV-K", "GM0363", D(2025, 1, 2)]]),
                                      ("Uitleg", [["x"]])])
r = w.run("import", "--kind", "hulpvragen", "kind.xlsx")
got = w.query("SELECT ontvangen FROM hulpvragen WHERE id = 'HV-K'")
check(r.code == 0 and got == [(20090,)], "kind_takes_the_one_sheet_of_a_workbook", f"{got}\n{r!r}")
openpyxl_book(f"{w.path}/twee.xlsx", [("A", [["id", "organisatie", "ontvangen"]]),
                                      ("B", [["id", "organisatie", "ontvangen"]])])
r = w.run("import", "--kind", "hulpvragen", "twee.xlsx")
check(r.code == 2 and "--kind" in r.err, "kind_with_two_data_sheets_is_refused", r)

# Two sheets in one file, one with an error: nothing of either is written.
before = state(w)
openpyxl_book(f"{w.path}/fout.xlsx",
              [("Evaluaties", [DATA["evaluaties"][0],
                               ["EV-F1", "GM0363", D(2025, 4, 15), "ondersteuning", 8, None, None],
                               ["EV-F2", "GM0363", D(2025, 4, 15), "ondersteuning", 11, None, None]]),
               ("Inzet", [DATA["inzet"][0], ["IZ-F", "SP01", D(2025, 3, 5), 2, None, None]])])
r = w.run("import", "fout.xlsx")
check(r.code == 2 and "fout.xlsx[Evaluaties]!E3: veld 'score':" in r.err,
      "an_error_names_file_sheet_and_cell", r)
check(state(w) == before, "one_bad_cell_in_one_sheet_writes_nothing_of_any_sheet", r)

# A missing required value is named by its cell; a row rule by its row.
openpyxl_book(f"{w.path}/leeg.xlsx", [("Inzet", [DATA["inzet"][0],
                                                 ["IZ-L", "SP01", None, 2, None, None]])])
r = w.run("import", "leeg.xlsx")
check(r.code == 2 and "leeg.xlsx[Inzet]!C2: veld 'datum': is leeg" in r.err,
      "an_empty_required_cell_is_named_by_its_reference", r)
openpyxl_book(f"{w.path}/ref.xlsx", [("Inzet", [DATA["inzet"][0],
                                                ["IZ-R", "SP77", D(2025, 3, 5), 2, None, None]])])
r = w.run("import", "ref.xlsx")
check(r.code == 2 and "ref.xlsx[Inzet]:2: veld 'specialist': 'SP77' bestaat niet" in r.err,
      "a_missing_reference_names_the_sheet_and_row", r)

# Hidden sheets, empty sheets, a header below empty rows, a cell right of
# the header, a sheet name with '/'.
HV = ["id", "organisatie", "ontvangen"]
w.file("verborgen.xlsx", workbook([("Hulpvragen", [HV, ["HV-V1", "GM0363", "02-01-2025"]]),
                                   ("Lijsten", [["type"], ["gemeente"]]),
                                   ("Inzet", [["id"]])], hidden=("Lijsten", "Inzet")))
r = w.run("import", "verborgen.xlsx")
check(r.code == 0 and "Lijsten" not in r.err and "verborgen blad 'Inzet'" in r.err,
      "hidden_sheets_are_skipped_with_a_warning_only_when_named_after_a_dataset", r)
w.file("leegblad.xlsx", workbook([("Hulpvragen", [HV, ["HV-V2", "GM0363", "02-01-2025"]]),
                                  ("Inzet", "<worksheet><sheetData/></worksheet>")]))
r = w.run("import", "leegblad.xlsx")
check(r.code == 0 and "leegblad.xlsx[Inzet]: het blad is leeg" in r.err,
      "an_empty_sheet_named_after_a_dataset_is_a_warning", r)
w.file("laag.xlsx", workbook([("Hulpvragen", [(3, HV), (4, ["HV-V3", "GM0363", "02-01-2025"]),
                                              (7, ["HV-V4", "GM0363", "03-01-2025"])])]))
r = w.run("import", "laag.xlsx")
got = w.query("SELECT regel FROM hulpvragen WHERE id IN ('HV-V3', 'HV-V4') ORDER BY id")
check(r.code == 0 and got == [(4,), (7,)],
      "the_header_is_the_first_non_empty_row_and_rows_keep_their_numbers", f"{got}\n{r!r}")
w.file("rechts.xlsx", workbook([("Hulpvragen", [HV, ["HV-V5", "GM0363", "02-01-2025", None,
                                                     "notitie"]])]))
r = w.run("import", "rechts.xlsx")
check(r.code == 2 and "rechts.xlsx[Hulpvragen]!E2: cel buiten de kolommen van de kopregel"
      in r.err, "a_value_right_of_the_header_is_an_error_naming_its_cell", r)
w.file("slash.xlsx", workbook([("Hulp/vragen", [HV, ["HV-V6", "GM0363", "02-01-2025"]])]))
r = w.run("import", "slash.xlsx")
check(r.code == 2 and "bladnaam bevat een '/'" in r.err,
      "a_sheet_name_with_a_slash_is_refused", r)

# ---- cells written by hand: dates, formulas, strings, booleans, errors ---

MP = ["id", "resultaat", "omschrijving", "gepland"]


def mp_book(cells, **kw):
    rows = [MP] + [[f"MP-{i}", "R4", "x", c] for i, c in enumerate(cells)]
    return workbook([("Mijlpalen", rows)], **kw)


def gepland(w):
    return [d for (d,) in w.query("SELECT date(gepland * 86400, 'unixepoch') FROM mijlpalen "
                                  "ORDER BY CAST(substr(id, 4) AS INTEGER)")]


w = Workdir()
w.init()
w.file("d.xlsx", mp_book([date(1), date(59), date(61), date(45762), date(45762.75),
                          date(45762, style=2), date(45762, style=6),
                          Raw('<c r="{r}" t="d"><v>2025-04-15T00:00:00</v></c>'),
                          "15-04-2025", formula("DATE(2025,4,15)", 45762).xml and
                          Raw('<c r="{r}" s="1"><f>DATE(2025,4,15)</f><v>45762</v></c>')]))
r = w.run("import", "d.xlsx")
got = gepland(w)
check(r.code == 0 and got == ["1900-01-01", "1900-02-28", "1900-03-01"] + ["2025-04-15"] * 7,
      "date_serials_of_the_1900_system_incl_59_and_61_and_styles_and_t_d", f"{got}\n{r!r}")
w2 = Workdir()
w2.init()
w2.file("d4.xlsx", mp_book([date(0), date(44300)], date1904=True))
r = w2.run("import", "d4.xlsx")
got = gepland(w2)
check(r.code == 0 and got == ["1904-01-01", "2025-04-15"],
      "a_1904_workbook_counts_serials_from_1904", f"{got}\n{r!r}")

for cell, what, words in [
        (date(60), "serial_60_the_phantom_29_02_1900", "29-02-1900 bestaat niet"),
        (45762, "a_plain_number_in_a_date_field", "maak de cel op als datum"),
        (date(45762, style=3), "a_number_with_a_0_00_format", "maak de cel op als datum"),
        (date(45762, style=4), "a_number_with_a_quoted_d_format", "maak de cel op als datum"),
        (date(45762, style=5), "a_number_with_a_bracketed_format", "maak de cel op als datum"),
        (True, "a_boolean", "WAAR"),
        (Raw('<c r="{r}" t="e"><f>1/0</f><v>#DIV/0!</v></c>'), "an_error_cell", "#DIV/0!"),
        (Raw('<c r="{r}" t="e"><v>#N/B</v></c>'), "a_dutch_error_cell", "#N/B"),
        (formula("TODAY()"), "a_formula_without_a_cached_value", "herbereken en sla op")]:
    before = state(w)
    w.file("c.xlsx", mp_book([cell]))
    r = w.run("import", "c.xlsx")
    check(r.code == 2 and "c.xlsx[Mijlpalen]!D2: veld 'gepland': " in r.err and words in r.err
          and state(w) == before, f"{what}_is_refused_with_its_cell", r)

# Numbers by formula, shared strings with rich text runs, inline strings.
BG = ["id", "jaar", "kwartaal", "post", "bedrag"]
rows = [BG,
        [Raw('<c r="{r}" t="s"><v>0</v></c>'), formula("2024+1", 2025),
         formula("1+1", 2), Raw('<c r="{r}" t="s"><v>1</v></c>'),
         formula("A1*1.21", "121.00000000000001")],
        [Raw('<c r="{r}" t="str"><f>"BG-"&amp;"F2"</f><v>BG-F2</v></c>'), 2025, None,
         "website", formula("0.1*3", "0.30000000000000004")]]
w.file("f.xlsx", workbook([("Begroting", rows)],
                          sst=["<r><rPr><b/></rPr><t>BG-</t></r><r><t xml:space=\"preserve\">F1</t></r>"
                               "<rPh><t>fonetisch</t></rPh>", "inhuur"]))
r = w.run("import", "f.xlsx")
got = w.query("SELECT id, jaar, kwartaal, post, bedrag_cent FROM begroting ORDER BY id")
check(r.code == 0 and got == [("BG-F1", 2025, 2, "inhuur", 12100), ("BG-F2", 2025, None,
                                                                    "website", 30)],
      "formulas_count_by_cached_value_and_rich_text_runs_are_joined", f"{got}\n{r!r}")
w.file("p.xlsx", workbook([("Begroting", [BG, ["BG-P", 2025, None, "inhuur", 12.345]])]))
r = w.run("import", "p.xlsx")
check(r.code == 2 and "p.xlsx[Begroting]!E2: veld 'bedrag': '12.345' heeft meer dan 2" in r.err,
      "a_number_with_more_decimals_than_the_field_is_refused", r)

# ---- hostile files: exit 2, a Dutch message, nothing written -------------

w = Workdir()
base(w)
GOOD = ("Mijlpalen", [MP, ["MP-OK", "R4", "x", date(45762)]])
INZ = ["id", "specialist", "datum", "uren"]


def inzet(first):
    """An inzet sheet whose first data cell is `first`: the reader must reach
    it (a header without the required columns would stop the import first)."""
    return ("Inzet", [INZ, [first, "SP01", date(45762), 2]])


big_row = [[f"c{i}" for i in range(20000)]]
laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
          '&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
          '&lol2;&lol2;&lol2;&lol2;">]>')
from xlsxmake import sheet_xml
bomb = workbook([GOOD, ("Inzet", "<worksheet/>")])
bomb = set_declared_size(bomb, "xl/worksheets/sheet2.xml", 3 << 30)
liar_src = io.BytesIO()
with zipfile.ZipFile(liar_src, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("x", b"0" * (8 << 20))
lying = workbook([GOOD, ("Inzet", sheet_xml([INZ] + [[f"x{i}", "SP01", date(45762), 2] for i in range(100000)]))])
lying = set_declared_size(lying, "xl/worksheets/sheet2.xml", 1000)
ratio = workbook([GOOD, ("Inzet", "<worksheet><sheetData>" + " " * (64 << 20) +
                         "</sheetData></worksheet>")])
full = workbook([GOOD])
HOSTILE = [
    ("not_a_zip", b"id;naam\nx;y\n", "geen zip-archief"),
    ("truncated_zip", full[:len(full) // 2], "geen zip-archief"),
    ("zip_bomb_by_declared_size", bomb, "zip-bom"),
    ("zip_bomb_by_ratio", ratio, "zip-bom"),
    ("zip_whose_header_understates_the_size", lying, "beschadigd"),
    ("billion_laughs_in_a_sheet",
     workbook([GOOD, ("Inzet", sheet_xml([["&lol3;"]], doctype=laughs))]), "DOCTYPE"),
    ("doctype_in_shared_strings",
     workbook([GOOD], sst=["a"], extra={"xl/sharedStrings.xml":
                                         f'<?xml version="1.0"?>{laughs}<sst><si><t>&lol3;</t>'
                                         '</si></sst>'}), "DOCTYPE"),
    ("missing_shared_strings_when_referenced",
     workbook([GOOD, inzet(Raw('<c r="{r}" t="s"><v>0</v></c>'))]),
     "sharedStrings.xml"),
    ("shared_string_index_out_of_range",
     workbook([GOOD, inzet(Raw('<c r="{r}" t="s"><v>7</v></c>'))], sst=["a"]),
     "[Inzet]!A2: de cel verwijst naar gedeelde tekst nr. '7'; de werkmap heeft er 1"),
    ("a_row_of_20000_columns", workbook([GOOD, ("Inzet", big_row)]), "XFD"),
    ("a_column_past_xfd",
     workbook([GOOD, ("Inzet", [[Raw('<c r="XFE1" t="inlineStr"><is><t>a</t></is></c>')]])]),
     "XFD"),
    ("a_cell_text_over_32767_characters",
     workbook([GOOD, inzet("é" * 32768)]), "32767 tekens"),
    ("a_missing_workbook_part", workbook([GOOD], drop=("xl/workbook.xml",)),
     "xl/workbook.xml ontbreekt"),
    ("a_missing_sheet_part", workbook([GOOD], drop=("xl/worksheets/sheet1.xml",)), "ontbreekt"),
    ("malformed_sheet_xml", workbook([GOOD, ("Inzet", "<worksheet><sheetData><row>")]),
     "geen geldige XML"),
]
for name, data, words in HOSTILE:
    before = state(w)
    p = w.file(f"{name}.xlsx", data)
    r = w.run("import", p)
    check(r.code == 2 and words in r.err and state(w) == before,
          f"hostile_{name}_gives_exit_2_a_dutch_message_and_writes_nothing", r)

# And the good sheet on its own does import (so 'nothing written' above is
# the refusal, not a broken good sheet).
w.file("good.xlsx", workbook([GOOD]))
r = w.run("import", "good.xlsx")
check(r.code == 0 and w.count("mijlpalen") == 1, "the_good_sheet_of_the_hostile_files_imports", r)

done()
