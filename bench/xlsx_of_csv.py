#!/usr/bin/env python3
"""xlsx_of_csv.py: the nine CSV files of gen.py (iso dialect) as one .xlsx
workbook, for the .xlsx import benchmark (issue 17 point 5).

    /usr/bin/python3 bench/xlsx_of_csv.py OUT.xlsx CSV...

As a person's workbook holds them: one sheet per dataset, named after it;
dates as real date cells (serial numbers with the built-in date style 14),
amounts, hours, scores and counts as numbers, everything else as inline text.
A dataset longer than a sheet (Excel's 1,048,576 rows: gen.py's inzet at 1M
requests has 3M rows) goes on as "Inzet 2", "Inzet 3", … with the header
again; the import recognises those sheets by their header row.

The sheet XML is written straight through zipfile (openpyxl would take an
hour at 1M); deflate level 1, as a spreadsheet program's is cheap too.
Standard library only."""
import csv
import datetime as dt
import os
import sys
import zipfile
from xml.sax.saxutils import escape

MAX_ROWS = 1048576
DATES = {"start", "einde", "ontvangen", "eerste_contact", "afgerond_op", "datum",
         "gepubliceerd", "gepland", "gereed"}
NUMBERS = {"uurtarief", "uren", "score", "bedrag", "bereik", "jaar", "kwartaal"}
EPOCH = dt.date(1899, 12, 30)  # serial 61 is 1900-03-01: no date here is earlier

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/'
           'vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>'
           '<Override PartName="/xl/workbook.xml" ContentType="application/'
           'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
           '<Override PartName="/xl/styles.xml" ContentType="application/'
           'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
SHEET_CT = ('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
STYLES = (f'<styleSheet {NS}><fonts count="1"><font><sz val="11"/><name val="Calibri"/>'
          '</font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill>'
          '</fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/>'
          '</cellStyleXfs><cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/>'
          '</cellXfs></styleSheet>')


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, field, text):
    if text == "":
        return ""
    if field in DATES:
        d = dt.date.fromisoformat(text[:10])
        return f'<c r="{ref}" s="1"><v>{(d - EPOCH).days}</v></c>'
    if field in NUMBERS:
        return f'<c r="{ref}"><v>{text}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def write_sheet(z, index, header, rows):
    letters = [col_letter(i) for i in range(len(header))]
    with z.open(f"xl/worksheets/sheet{index}.xml", "w", force_zip64=True) as f:
        head = "".join(f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>'
                       for c, h in zip(letters, header))
        f.write(f'<worksheet {NS}><sheetData><row r="1">{head}</row>'.encode())
        buf = []
        for r, row in enumerate(rows, start=2):
            cells = "".join(cell(f"{c}{r}", h, v) for c, h, v in zip(letters, header, row))
            buf.append(f'<row r="{r}">{cells}</row>')
            if len(buf) == 4096:
                f.write("".join(buf).encode())
                buf = []
        f.write(("".join(buf) + "</sheetData></worksheet>").encode())


def convert(out, csv_paths):
    sheets = []  # (name, index)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for path in csv_paths:
            dataset = os.path.splitext(os.path.basename(path))[0]
            with open(path, newline="", encoding="utf-8-sig") as fh:
                reader = csv.reader(fh)
                header = next(reader)
                part = 1
                while True:
                    chunk = []
                    for row in reader:
                        chunk.append(row)
                        if len(chunk) == MAX_ROWS - 1:
                            break
                    if not chunk and part > 1:
                        break
                    name = dataset.capitalize() + ("" if part == 1 else f" {part}")
                    sheets.append(name)
                    write_sheet(z, len(sheets), header, chunk)
                    if len(chunk) < MAX_ROWS - 1:
                        break
                    part += 1
        z.writestr("[Content_Types].xml", CT_HEAD + "".join(
            SHEET_CT % (i + 1) for i in range(len(sheets))) + "</Types>")
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}'
                   'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook {NS} {RNS}><sheets>' + "".join(
            f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
            for i, n in enumerate(sheets)) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships">' + "".join(
                       f'<Relationship Id="rId{i + 1}" Type="{REL}worksheet" '
                       f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
                   + f'<Relationship Id="rId{len(sheets) + 1}" Type="{REL}styles" '
                   'Target="styles.xml"/></Relationships>')
        z.writestr("xl/styles.xml", STYLES)
    return sheets


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    print(" ".join(convert(sys.argv[1], sys.argv[2:])))
