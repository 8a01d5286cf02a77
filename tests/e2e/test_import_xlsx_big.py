"""A full sheet of 1,048,576 rows (SPEC §12) imports, and the reader's memory
does not grow with the sheet: the maximum RSS of the .xlsx import is that of
the CSV import of the same rows (whose growth is SQLite's page cache, 64 MiB,
the same for both) plus less than 16 MiB. The sheet is written straight as
XML through zipfile (openpyxl would take minutes)."""
import os
import subprocess
import sys
import zipfile

from pmtest import Workdir, check, done, BIN
from xlsxmake import CT, ROOT_RELS, NS, RNS, REL, STYLES

ROWS = 1048576  # Excel's last row; row 1 is the header


def gen_xlsx(path, n):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", f'<workbook {NS} {RNS}><sheets><sheet '
                   f'name="Kennisproducten" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships"><Relationship Id="rId1" Type="{REL}worksheet" '
                   f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
                   f'Type="{REL}sharedStrings" Target="sharedStrings.xml"/><Relationship '
                   f'Id="rId3" Type="{REL}styles" Target="styles.xml"/></Relationships>')
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml", f'<sst {NS}>' + "".join(
            f"<si><t>{s}</t></si>" for s in ["id", "titel", "soort", "bereik", "Handreiking",
                                             "factsheet", "gepubliceerd"]) + "</sst>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<worksheet {NS}><sheetData><row r="1">'.encode() + "".join(
                f'<c r="{c}1" t="s"><v>{i}</v></c>'
                for c, i in zip("ABCDE", [0, 1, 2, 3, 6])).encode() + b"</row>")
            buf = []
            for i in range(2, n + 1):
                buf.append(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>KP{i}</t></is></c>'
                           f'<c r="B{i}" t="s"><v>4</v></c><c r="C{i}" t="s"><v>5</v></c>'
                           f'<c r="D{i}"><v>{i % 1000}</v></c>'
                           f'<c r="E{i}" s="1"><v>{45000 + i % 700}</v></c></row>')
                if len(buf) == 20000:
                    f.write("".join(buf).encode())
                    buf = []
            f.write("".join(buf).encode() + b"</sheetData></worksheet>")


def gen_csv(path, n):
    import datetime
    base = datetime.date(1899, 12, 30)
    with open(path, "w") as f:
        f.write("id;titel;soort;bereik;gepubliceerd\n")
        for i in range(2, n + 1):
            d = base + datetime.timedelta(days=45000 + i % 700)
            f.write(f"KP{i};Handreiking;factsheet;{i % 1000};{d.isoformat()}\n")


def import_rss(w, name):
    """(exit code, max RSS in KiB, stdout) of importing name into a fresh db."""
    db = os.path.join(w.path, name + ".db")
    subprocess.run([BIN, "--db", db, "init"], check=True, capture_output=True)
    cp = subprocess.run(["/usr/bin/time", "-f", "RSS %M", BIN, "--db", db, "import",
                         os.path.join(w.path, name)], capture_output=True, text=True)
    rss = [int(l.split()[1]) for l in cp.stderr.splitlines() if l.startswith("RSS ")]
    return cp.returncode, rss[-1] if rss else 0, cp.stdout + cp.stderr


w = Workdir()
gen_xlsx(os.path.join(w.path, "vol.xlsx"), ROWS)
gen_csv(os.path.join(w.path, "vol.csv"), ROWS)
code_x, rss_x, out_x = import_rss(w, "vol.xlsx")
check(code_x == 0 and "1048575 rijen (1048575 nieuw" in out_x,
      "a_full_sheet_of_1048576_rows_imports", out_x)
code_c, rss_c, out_c = import_rss(w, "vol.csv")
check(code_c == 0, "the_same_rows_as_csv_import", out_c)
check(rss_x - rss_c < 16 * 1024,
      "the_xlsx_import_needs_less_than_16_mib_more_than_the_csv_import",
      f"xlsx {rss_x} KiB, csv {rss_c} KiB")
print(f"# max RSS: xlsx {rss_x} KiB, csv {rss_c} KiB", file=sys.stdout)
done()
