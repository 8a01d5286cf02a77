"""Text that looks like Excel's character escape survives into the workbook
as typed (SPEC §2 "Text that survives every output", issue 11 point 13).

Excel reads "_xHHHH_" in a cell's text as the one character U+HHHH, so a
name typed as "_x0041_ Gemeente" would show as "A Gemeente"; the writer must
escape it as "_x005F_x0041_". openpyxl decodes that escape only in shared
strings, not in the inline strings our constant-memory workbook has, so the
test reads each cell as Excel does: openpyxl's value passed through
openpyxl.utils.escape.unescape, the ECMA-376 decoding."""
import os
import zipfile

import openpyxl
from openpyxl.utils.escape import unescape

from pmtest import Workdir, base, check, csv_text, done

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}

ORG = "_x0041_ Gemeente"            # the example
SPEC = "Anna _x00e9_ de _x0042_ries"  # lower-case hex, two in one text
HV = "HV_x0043_1"                   # an id
OMS = "overleg _x000D_ regel _x004_ en x0041_ en _x00411_"  # a control, near misses
NEAR = ["_x004_", "x0041_", "_x00411_"]  # no escapes: must stay as they are, unescaped

w = Workdir()
base(w)
w.file("org.csv", csv_text([["id", "naam", "type", "regio"],
                            ["GM0014", ORG, "gemeente", "Noord"]]))
w.file("sp.csv", csv_text([["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"],
                           ["SP09", SPEC, "specialist", "juridisch", "100", "01-07-2024", ""]]))
w.file("hv.csv", csv_text([["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp",
                            "specialist", "status", "afgerond_op"],
                           [HV, "GM0014", "06-10-2025", "07-10-2025", "juridisch", "SP09",
                            "lopend", ""]]))
LONG = "_x0041_" * 4700  # 32900 characters, each 7 a possible escape
w.file("iz.csv", csv_text([["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"],
                           ["IZ1", "SP09", "06-10-2025", "2", HV, OMS],
                           ["IZ2", "SP09", "07-10-2025", "1", HV, LONG]]))
r = w.run("import", "org.csv", "sp.csv", "hv.csv", "iz.csv")
check(r.code == 0, "import_of_text_that_looks_like_an_escape_succeeds", r)
stored = w.query("SELECT naam FROM organisaties WHERE id = 'GM0014'")
check(stored == [(ORG,)], "the_database_holds_the_text_as_typed", stored)

path = os.path.join(w.path, "intern.xlsx")
r = w.run("report", "--period", "2025-Q4", "--audience", "intern", "--xlsx", path, env=ENV)
check(r.code == 0, "intern_workbook_with_such_text_is_written", r)

wb = openpyxl.load_workbook(path)
seen = [unescape(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
        if isinstance(c.value, str)]
for name, text in (("organisation_name", ORG), ("specialist_name", SPEC),
                   ("hulpvraag_id", HV), ("inzet_description", OMS)):
    check(text in seen, f"{name}_reads_back_as_typed_in_excel",
          [s for s in seen if s.endswith(text[-6:])][:3])
decoded = [s for s in seen if "A Gemeente" in s or "Anna \u00e9" in s or "\r" in s]
check(not decoded, "no_cell_shows_the_character_the_escape_would_stand_for", decoded[:3])

with zipfile.ZipFile(path) as z:
    xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist()
                   if n.startswith("xl/worksheets/"))
check("_x005F_x0041_ Gemeente" in xml and "_x005F_x00e9_" in xml,
      "the_sheet_xml_escapes_the_underscore_of_each_escape")
over = [n for n in NEAR if n not in xml or "_x005F" + n in xml]
check(not over, "text_that_is_not_an_escape_is_written_unescaped_excel_dislikes_over_escaping",
      over)

# The escapes count against Excel's 32767 characters of a cell: the long text
# is cut, never refused, and what Excel shows is the start of what was typed.
long_cells = [s for s in seen if s.startswith("_x0041__x0041_")]
check(len(long_cells) == 1 and len(long_cells[0]) <= 32767 and LONG.startswith(long_cells[0])
      and len(long_cells[0]) > 32767 // 2,
      "a_long_text_of_escapes_is_cut_to_excels_limit_as_typed",
      [len(s) for s in long_cells])

# The programme's name (configuration) reaches the cells and the printed
# footer of every sheet, which Excel decodes the same way.
NAAM = "Programma _x0041_ proef"
w.file("cfg.json", '{"programma": {"naam": "%s"}}' % NAAM)
path = os.path.join(w.path, "naam.xlsx")
r = w.run("report", "--period", "2025-Q4", "--audience", "extern", "--config", "cfg.json",
          "--xlsx", path, env=ENV)
wb = openpyxl.load_workbook(path)
# (openpyxl decodes header and footer text itself, unlike inline strings.)
feet = {ws.oddFooter.left.text for ws in wb.worksheets}
check(r.code == 0 and feet == {NAAM}, "programme_name_prints_as_typed_in_every_footer",
      (r, feet))
check(unescape(wb["Overzicht"]["A2"].value) == NAAM,
      "programme_name_reads_back_as_typed_in_the_overview", wb["Overzicht"]["A2"].value)

done()
