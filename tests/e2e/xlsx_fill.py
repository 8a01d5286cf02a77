"""xlsx_fill — fills in a template of `pijlermonitor sjabloon KIND FILE.xlsx`
the way a person does in Excel, for the round-trip tests of issue 17 point 4
(template filled in -> import -> exactly the rows typed).

Rows are given as text, as one would write them in a Dutch CSV ("03-03-2025",
"7,5", "GM0363"); each cell gets the type the column's format asks for, as
Excel makes of what is typed there: a dd-mm-yyyy column a real date cell, a
number column a number, a text ("@") column the text as typed (leading zeros
kept). An empty string leaves the cell empty. The template's validations,
lists and sheets stay as they are.

    from xlsx_fill import fill
    fill("hulpvragen.xlsx", "ingevuld.xlsx",
         [{"id": "HV-1", "organisatie": "GM0363", "ontvangen": "03-03-2025"}])

Command line: xlsx_fill.py TEMPLATE OUT ROWS.csv   (ROWS.csv: ';', UTF-8, a header)
Debian's python3-openpyxl."""
import csv
import datetime as dt
import sys
from decimal import Decimal

import openpyxl

NUMBER_FORMATS = {"0", "0.0", "0.00", "#,##0.00"}


def typed(text, number_format):
    """The cell value Excel makes of `text` typed into a cell of that format."""
    if text is None or text == "":
        return None
    if number_format == "dd-mm-yyyy":
        d, m, y = text.split("-")
        return dt.datetime(int(y), int(m), int(d))
    if number_format in NUMBER_FORMATS:
        # Dutch input: "1.234,50" is one thousand two hundred and thirty-four.
        n = Decimal(text.replace(".", "").replace(",", "."))
        return int(n) if n == n.to_integral_value() and number_format == "0" else float(n)
    return text


def column_formats(ws, ncols):
    """The number format of each column of the template, from its column style."""
    letters = [openpyxl.utils.get_column_letter(c) for c in range(1, ncols + 1)]
    return [ws.column_dimensions[col].number_format for col in letters]


def fill(template, out, rows, sheet=None):
    """Writes template with rows (dicts field -> text) below the header to out;
    returns the list of rows as written (typed values, header order)."""
    wb = openpyxl.load_workbook(template)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    header = [c.value for c in ws[1]]
    unknown = {k for r in rows for k in r} - set(header)
    if unknown:
        raise ValueError(f"onbekende kolommen: {sorted(unknown)}")
    formats = column_formats(ws, len(header))
    written = []
    for i, row in enumerate(rows, start=2):
        values = [typed(row.get(f, ""), fmt) for f, fmt in zip(header, formats)]
        for col, (value, fmt) in enumerate(zip(values, formats), start=1):
            cell = ws.cell(row=i, column=col, value=value)
            cell.number_format = fmt  # what a typed cell shows, as in Excel
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
        written.append(values)
    wb.save(out)
    return written


def main(argv):
    if len(argv) != 4:
        print("gebruik: xlsx_fill.py SJABLOON UIT RIJEN.csv", file=sys.stderr)
        return 1
    with open(argv[3], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    fill(argv[1], argv[2], rows)
    print(f"{len(rows)} rijen ingevuld in {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
