#!/usr/bin/env python3
"""baseline_xlsxwriter.py: our workbook's row-level sheets, written by Python's XlsxWriter.

    /usr/bin/python3 bench/baseline_xlsxwriter.py --db DB --out FILE.xlsx [--period 2025-Q4]
                                                 [--check OURS.xlsx]

The baseline of issue 4 point 7 (bench/run, column "XlsxWriter same cells"):
the sheets Hulpvragen, Evaluaties and Inzet of pijlermonitor's intern workbook,
cell for cell. The rows come from the store through SQL joins that define those
cells (SQL_HV, SQL_EV, SQL_IZ below: the queries indicators/rows.c ran before it
looked the small tables up in C), with the TEMP TABLE kalender of
indicators/report.c rebuilt by bench/run_indicators.py; --check compares every
cell with a workbook of ours, read back with openpyxl, so a difference in either
shows. The column headers, widths and types are read from indicators/rows.c;
the formats are those of exporters/xlsx.c (date dd-mm-yyyy, euro, 0.0, 0.00,
#,##0), with the same intern mark in row 1, header in row 2, frozen pane,
autofilter, print setup and split into "Inzet (2)" past Excel's last row.

XlsxWriter gets its fastest documented path: constant_memory (as our exporter),
write_string / write_number with the cell's format (no type dispatch), numbers
converted in Python as exporters/xlsx.c converts them. It streams: one row
fetched, one row written, so its memory stays flat like ours.

Prints one JSON line: rows per sheet and the seconds in total and inside
XlsxWriter's calls (the rest is SQLite and Python around it).
"""

import argparse
import json
import os
import re
import sqlite3
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import run_indicators as rind  # noqa: E402  (kalender, ranges, module_sql)
import xlsxwriter  # noqa: E402

ROWS_C = os.path.join(ROOT, "indicators", "rows.c")
MAX_DATA_ROWS = 1048574          # exporters/xlsx.c: Excel's rows minus mark and header
MARK = "Intern — niet verspreiden"  # exporters/labels.c
EXCEL_1970 = 25569.0
# The cells of each sheet, as joins: ?1..?2 the period, ?3 the peildatum.
SQL_HV = (
    "SELECT h.id, h.organisatie, o.naam, o.type, o.regio, h.ontvangen,"
    "  CASE WHEN h.eerste_contact <= ?3 THEN h.eerste_contact END,"
    "  k.deadline,"
    "  CASE WHEN h.eerste_contact <= ?3 THEN kc.nr - k.nr END,"
    "  CASE WHEN h.eerste_contact <= ?3 THEN"
    "         CASE WHEN h.eerste_contact <= k.deadline THEN 'op tijd' ELSE 'te laat' END"
    "       WHEN ?3 > k.deadline THEN 'te laat (geen contact)'"
    "       ELSE 'lopend' END,"
    "  h.onderwerp, h.specialist, s.naam, h.status,"
    "  CASE WHEN h.afgerond_op <= ?3 THEN h.afgerond_op END,"
    "  f.pad || ':' || h.regel"
    " FROM hulpvragen h"
    " JOIN organisaties o ON o.id = h.organisatie"
    " JOIN temp.kalender k ON k.dag = h.ontvangen"
    " LEFT JOIN temp.kalender kc ON kc.dag = h.eerste_contact"
    " LEFT JOIN specialisten s ON s.id = h.specialist"
    " JOIN import_bestanden f ON f.id = h.bestand"
    " WHERE h.ontvangen BETWEEN ?1 AND ?2"
    " ORDER BY h.ontvangen, h.rowid")

SQL_EV = (
    "SELECT e.id, e.organisatie, o.naam, o.type, o.regio, e.datum, e.soort, e.score_x10,"
    "  e.specialist, s.naam, e.hulpvraag, f.pad || ':' || e.regel"
    " FROM evaluaties e"
    " JOIN organisaties o ON o.id = e.organisatie"
    " LEFT JOIN specialisten s ON s.id = e.specialist"
    " JOIN import_bestanden f ON f.id = e.bestand"
    " WHERE e.datum BETWEEN ?1 AND ?2"
    " ORDER BY e.datum, e.rowid")

SQL_IZ = (
    "SELECT i.id, i.specialist, s.naam, i.datum, i.uren_x100, s.uurtarief_cent,"
    "  (i.uren_x100 * s.uurtarief_cent + 50) / 100,"
    "  i.hulpvraag, i.omschrijving, f.pad || ':' || i.regel"
    " FROM inzet i INDEXED BY inzet_datum"
    " JOIN specialisten s ON s.id = i.specialist"
    " JOIN import_bestanden f ON f.id = i.bestand"
    " WHERE i.datum BETWEEN ?1 AND ?2"
    " ORDER BY i.datum, i.rowid")

KINDS = [("Hulpvragen", "hv_cols", SQL_HV, 3), ("Evaluaties", "ev_cols", SQL_EV, 2),
         ("Inzet", "iz_cols", SQL_IZ, 2)]
NUM_FORMATS = {"PM_COL_INT": "#,##0", "PM_COL_DATE": "dd-mm-yyyy",
               "PM_COL_EURO": "[$€-413] #,##0.00", "PM_COL_SCORE": "0.0",
               "PM_COL_HOURS": "0.00"}
DIVISOR = {"PM_COL_EURO": 100.0, "PM_COL_SCORE": 10.0, "PM_COL_HOURS": 100.0}


def rows_columns():
    """{array name: [(header, type, width)]} from indicators/rows.c."""
    with open(ROWS_C, encoding="utf-8") as fh:
        src = fh.read()
    out = {}
    for m in re.finditer(r"static const pm_rows_column (\w+)\[\] = \{(.*?)\n\};", src, re.S):
        out[m.group(1)] = [(h, t, int(w)) for h, t, w in
                           re.findall(r'\{"([^"]*)",\s*(PM_COL_\w+),\s*(\d+)\}', m.group(2))]
    return out


def open_store(db, period):
    r = rind.Ranges(period)
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True, isolation_level=None)
    con.execute("PRAGMA cache_size = -65536")  # engine/store.c
    con.execute("BEGIN")
    con.execute("CREATE TEMP TABLE kalender (dag INTEGER PRIMARY KEY, nr INTEGER NOT NULL,"
                " deadline INTEGER, kwartaal INTEGER NOT NULL)")
    con.executemany("INSERT INTO temp.kalender VALUES (?, ?, ?, ?)",
                    rind.kalender_rows(*r.kalender))
    return con, r


def sheet_rows(con, r, sql, nbind, cols):
    """The cells of one sheet: per row a list of (value or None); numbers
    converted as exporters/xlsx.c col_number does."""
    binds = (r.per_from, r.per_to, rind.day(r.peil))[:nbind]
    conv = []
    for _, t, _ in cols:
        if t == "PM_COL_TEXT":
            conv.append(None)
        elif t == "PM_COL_DATE":
            conv.append(lambda v: v + EXCEL_1970)
        elif t in DIVISOR:
            conv.append(lambda v, d=DIVISOR[t]: v / d)
        else:
            conv.append(float)
    for row in con.execute(sql, binds):
        yield [v if v is None or f is None else f(v) for v, f in zip(row, conv)]


def write(args):
    cols_of = rows_columns()
    con, r = open_store(args.db, args.period)
    wb = xlsxwriter.Workbook(args.out, {"constant_memory": True})
    head = wb.add_format({"bold": True, "text_wrap": True, "bg_color": "#DDEBF7",
                          "bottom": 1})
    mark = wb.add_format({"bold": True, "font_color": "#C00000"})
    fmts = {t: wb.add_format({"num_format": f}) for t, f in NUM_FORMATS.items()}
    fmts["PM_COL_TEXT"] = None
    counts, in_writer = {}, 0.0
    t0 = time.perf_counter()
    for title, cols_name, sql, nbind in KINDS:
        cols = cols_of[cols_name]
        kinds = [t for _, t, _ in cols]
        cf = [fmts[t] for t in kinds]
        text = [t == "PM_COL_TEXT" for t in kinds]
        part, n, total = 0, MAX_DATA_ROWS, 0
        ws = None

        def close(ws, n):
            ws.autofilter(1, 0, n + 1, len(cols) - 1)

        for row in sheet_rows(con, r, sql, nbind, cols):
            t1 = time.perf_counter()
            if n == MAX_DATA_ROWS:
                if ws:
                    close(ws, n)
                part += 1
                ws = new_sheet(wb, title if part == 1 else "%s (%d)" % (title, part),
                               cols, head, mark)
                n = 0
            n += 1
            for c, v in enumerate(row):
                if v is None:
                    continue
                if text[c]:
                    ws.write_string(n + 1, c, v)
                else:
                    ws.write_number(n + 1, c, v, cf[c])
            in_writer += time.perf_counter() - t1
            total += 1
        if not ws:
            ws = new_sheet(wb, title, cols, head, mark)
            n = 0
        close(ws, n)
        counts[title] = total
    con.close()
    t1 = time.perf_counter()
    wb.close()
    in_writer += time.perf_counter() - t1
    return {"rows": counts, "seconds": {"total": round(time.perf_counter() - t0, 3),
                                        "xlsxwriter": round(in_writer, 3)}}


def new_sheet(wb, name, cols, head, mark):
    ws = wb.add_worksheet(name)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, 1)
    ws.write_string(0, 0, MARK, mark)  # first: constant_memory writes rows in order
    for c, (h, _, w) in enumerate(cols):
        ws.set_column(c, c, w)
        ws.write_string(1, c, h, head)
    ws.freeze_panes(2, 0)
    return ws


def check(ours, theirs, sheets):
    """Every cell of the row-level sheets of both workbooks, equal in value
    and number format. Returns a list of differences (at most 10)."""
    import openpyxl
    a = openpyxl.load_workbook(ours, read_only=True)
    b = openpyxl.load_workbook(theirs, read_only=True)
    diffs, cells = [], 0
    names = [n for n in a.sheetnames if n.split(" (")[0] in sheets]
    if names != [n for n in b.sheetnames]:
        return ["sheets: ours %s, XlsxWriter %s" % (names, b.sheetnames)], 0
    for name in names:
        ra, rb = a[name].iter_rows(), b[name].iter_rows()
        for i, (xa, xb) in enumerate(zip(ra, rb)):
            for ca, cb in zip(xa, xb):
                cells += 1
                fa = ca.number_format if ca.value is not None else None
                fb = cb.number_format if cb.value is not None else None
                if ca.value != cb.value or fa != fb:
                    if len(diffs) < 10:
                        diffs.append("%s!%s: ours %r (%s), XlsxWriter %r (%s)" % (
                            name, ca.coordinate, ca.value, fa, cb.value, fb))
        if a[name].max_row != b[name].max_row:
            diffs.append("%s: ours %s rows, XlsxWriter %s" % (name, a[name].max_row,
                                                              b[name].max_row))
    return diffs, cells


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--period", default="2025-Q4")
    ap.add_argument("--check", metavar="OURS.xlsx",
                    help="compare the cells with those of our intern workbook")
    args = ap.parse_args()
    res = write(args)
    if args.check:
        diffs, cells = check(args.check, args.out, [k[0] for k in KINDS])
        res["check"] = {"cells": cells, "differences": diffs}
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
