"""The import's second thread (engine/rowpipe.c, issue 17 point 5): the rows
of a CSV file or a workbook sheet are read and checked on one thread and
written on another. Nothing a user sees may differ from writing them on one
thread (PIJLERMONITOR_IMPORT_SERIEEL=1): the same messages in the same
order (a repeated id, found by the writer, between the reader's messages
of the rows around it; across the pipe's batches of 1024 rows; past the
100 messages that are shown), the same exit code, the same stored rows and
fingerprint sums, and the same counts of added and replaced rows.

Also here, as the same pass made it (docs/PERFORMANCE.md, "Issue 17: CSV
import, third pass"): a new store has 16 KiB pages, and a file that already
has 4 KiB pages keeps them and imports the same rows."""
import os
import sqlite3
import subprocess
import time

import openpyxl

import xlsxmake

from pmtest import (BASE_ORGANISATIES, BASE_SPECIALISTEN, BIN, Workdir, base, check, csv_text,
                    done, stored_sums)

SERIAL = {"PIJLERMONITOR_IMPORT_SERIEEL": "1"}
HEADER = ["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp", "specialist",
          "status", "afgerond_op"]
TABLES = ["organisaties", "specialisten", "hulpvragen", "inzet", "evaluaties"]


def request(i, org="GM0363"):
    return [f"HV-{i:05d}", org, "2025-03-03", "2025-03-05", "juridisch", "SP01",
            "afgerond", "2025-04-01"]


def rows_with_problems(n):
    """n requests; some rows bad (around the batch edges 1024 and 2048 too),
    some ids repeated (only the writer sees those)."""
    rows = [HEADER]
    for i in range(1, n + 1):
        r = request(i)
        if i % 41 == 0 or i in (1023, 1024, 1025, 2047, 2048, 2049):
            r[2] = "31-02-2025"  # no such date: the reader refuses it
        if i % 61 == 0 or i in (1026, 2050):
            r[0] = f"HV-{i - 5:05d}"  # repeats an earlier id: the writer refuses it
        if i == 1500:
            r[4] = "onbekend"
        if i == 1800:
            r[1] = ""  # required
        rows.append(r)
    return rows


def dump(w):
    out = {}
    for t in TABLES:
        out[t] = w.query(f"SELECT * FROM {t} ORDER BY id")
    out["bestanden"] = w.query("SELECT pad, dataset, rijen, toegevoegd, vervangen "
                               "FROM import_bestanden ORDER BY id")
    out["sums"] = stored_sums(w)
    return out


def both(label, files_of, prepare=None):
    """Runs the same import with and without the pipe in two fresh stores;
    returns the two results and dumps."""
    res = []
    for env in (None, SERIAL):
        w = Workdir()
        base(w)
        if prepare:
            prepare(w)
        r = w.run("import", *files_of(w), env=env)
        r.out = r.out.replace(w.path, "MAP")  # each store has its own folder
        r.err = r.err.replace(w.path, "MAP")
        res.append((r, dump(w)))
    (rp, dp), (rs, ds) = res
    check(rp.code == rs.code, f"{label}_same_exit_code", (rp, rs))
    check(rp.err == rs.err, f"{label}_same_messages_in_the_same_order",
          "\n".join(difflib_lines(rs.err, rp.err)))
    check(rp.out == rs.out, f"{label}_same_report", (rp.out, rs.out))
    check(dp == ds, f"{label}_same_stored_rows_and_sums")
    return rp, dp


def difflib_lines(a, b):
    import difflib
    return list(difflib.unified_diff(a.splitlines(), b.splitlines(), "serieel", "pijp",
                                     lineterm="", n=1))[:40]


# 1. A file with errors in many batches: refused the same way, nothing stored.
bad = rows_with_problems(3000)
r, d = both("bad_csv", lambda w: [w.file("hulpvragen.csv", csv_text(bad))])
check(r.code == 2, "bad_csv_exit_2", r)
check("komt in deze import al voor" in r.err and "geen geldige datum" in r.err,
      "bad_csv_reports_reader_and_writer_errors", r.err[-2000:])
lines = r.err.splitlines()
first_repeat = next(i for i, s in enumerate(lines) if "komt in deze import al voor" in s)
check(":42:" in lines[first_repeat - 1] and ":62:" in lines[first_repeat]
      and ":83:" in lines[first_repeat + 1],
      "bad_csv_repeat_of_line_62_stands_between_the_dates_of_lines_42_and_83",
      lines[max(0, first_repeat - 2):first_repeat + 2])
check("... en nog" in r.err, "bad_csv_more_than_the_shown_100_errors", r.err[-300:])
check(d["hulpvragen"] == [], "bad_csv_nothing_stored", len(d["hulpvragen"]))

# 2. A valid file of 5000 rows (five batches): the same rows and sums.
good = [HEADER] + [request(i, org=("GM0363", "GM0344", "SOB001")[i % 3])
                   for i in range(1, 5001)]
r, d = both("good_csv", lambda w: [w.file("hulpvragen.csv", csv_text(good, sep=","))])
check(r.code == 0, "good_csv_exit_0", r)
check(len(d["hulpvragen"]) == 5000, "good_csv_5000_rows", len(d["hulpvragen"]))
check([x[1] for x in d["hulpvragen"][:3]] == ["GM0344", "SOB001", "GM0363"],
      "good_csv_rows_as_typed", d["hulpvragen"][:3])


# 3. On top of stored rows: replacing 2000 and adding 1000 (the writer reads
#    each replaced row first).
def stored_first(w):
    f = w.file("eerst.csv", csv_text(good[:2001], sep=","))
    r = w.run("import", f)
    assert r.code == 0, r


later = [HEADER] + [request(i, org="GM0344") for i in range(1, 3001)]
r, d = both("replace_csv", lambda w: [w.file("daarna.csv", csv_text(later))], stored_first)
check(r.code == 0 and "2000 vervangen" in r.out and "1000 nieuw" in r.out,
      "replace_csv_counts_added_and_replaced", r.out)


# 4. A workbook sheet with the same problems: cells named the same way.
def workbook(w):
    p = os.path.join(w.path, "hulpvragen.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hulpvragen"
    for row in bad:
        ws.append(row)
    wb.save(p)
    return [p]


r, d = both("bad_xlsx", workbook)
check(r.code == 2 and "hulpvragen.xlsx[Hulpvragen]!C42" in r.err,
      "bad_xlsx_names_the_cell", r.err[:500])


# 4b. The workbook's rows read ahead on a second thread (engine/xlsx_ahead.c):
#     a reader failure in the middle of a sheet (a shared-string index out of
#     range at row 1300, past two of its batches of 512 rows) comes after the
#     same rows with the same cell; 5000 good rows store the same (and, after
#     section 7, a database failure at row 2500 while the reader is ahead).
def raw_sheet(rows, bad_row=None):
    """rows as sheet XML; row bad_row (1-based) gets a shared string that
    does not exist."""
    out = [f'<?xml version="1.0" encoding="UTF-8"?><worksheet {xlsxmake.NS}><sheetData>']
    for n, row in enumerate(rows, 1):
        out.append(f'<row r="{n}">')
        for c, v in enumerate(row):
            out.append(xlsxmake.cell_xml(c, n, v))
        if n == bad_row:
            out.append(f'<c r="I{n}" t="s"><v>7</v></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def workbook_of(rows, bad_row=None):
    def make(w):
        return [w.file("hulpvragen.xlsx", xlsxmake.workbook(
            [("Hulpvragen", raw_sheet(rows, bad_row))], sst=["een", "twee"]))]
    return make


r, d = both("reader_fails_xlsx", workbook_of(bad, bad_row=1300))
check(r.code == 2 and "hulpvragen.xlsx[Hulpvragen]!I1300" in r.err,
      "reader_fails_xlsx_names_the_cell_of_row_1300", r.err[-600:])
check(d["hulpvragen"] == [], "reader_fails_xlsx_nothing_stored", len(d["hulpvragen"]))
r, d = both("good_xlsx", workbook_of(good))
check(r.code == 0 and len(d["hulpvragen"]) == 5000, "good_xlsx_5000_rows",
      (r, len(d["hulpvragen"])))


# 4c. The read-ahead and the writer really run beside the import thread: while
#     a workbook of 20,000 rows imports, the process has at least two threads
#     more than with PIJLERMONITOR_IMPORT_SERIEEL=1 (an ahead_start that never
#     started its thread would pass every comparison above).
def most_threads(env):
    w = Workdir()
    base(w)
    rows = [HEADER] + [request(i, org=("GM0363", "GM0344")[i % 2]) for i in range(1, 20001)]
    book = w.file("groot.xlsx", xlsxmake.workbook([("Hulpvragen", raw_sheet(rows))]))
    e = dict(os.environ)
    e.update(env or {})
    proc = subprocess.Popen([BIN, "--db", w.db, "import", book], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=e)
    most = 0
    while proc.poll() is None:
        try:
            most = max(most, len(os.listdir(f"/proc/{proc.pid}/task")))
        except OSError:
            pass
        time.sleep(0.0005)
    return most, proc.returncode


threads_serial, code_serial = most_threads(SERIAL)
threads_pipe, code_pipe = most_threads(None)
check(code_serial == 0 and code_pipe == 0 and threads_pipe >= threads_serial + 2,
      "a_workbook_is_read_ahead_and_written_on_two_more_threads",
      f"threads: {threads_serial} serial, {threads_pipe} with the pipe")


# 5. Warnings from the reader (a replacement character in a text) between
#    errors of both sides, in a file of 2500 hours.
def hours(w):
    rows = [["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"]]
    for i in range(1, 2501):
        text = "overleg \ufffd team" if i % 300 == 0 else "overleg"
        uren = "25" if i % 700 == 0 else "1,5"
        rid = f"IZ-{i - 3:05d}" if i % 1000 == 0 else f"IZ-{i:05d}"
        rows.append([rid, "SP02", "05-03-2025", uren, "", text])
    return [w.file("inzet.csv", csv_text(rows))]


r, d = both("warnings_csv", hours)
check(r.code == 2 and r.err.count("waarschuwing:") == 8 and "U+FFFD" in r.err,
      "warnings_csv_eight_warnings_and_errors", r.err[-1500:])

# 6. A row the database refuses (here a trigger, standing in for a rule the
#    importer lacks) after the reader collected it: an inzet row pointing at
#    it is still reported, as on one thread (found by the review: the
#    collector had answered the reference check).
def refusing_trigger(w):
    con = sqlite3.connect(w.db)
    con.execute("CREATE TRIGGER weiger BEFORE INSERT ON hulpvragen WHEN NEW.id = "
                "'HV-00011' BEGIN SELECT RAISE(ABORT, 'geweigerd'); END")
    con.commit()
    con.close()


def requests_and_hours(w):
    hv = [HEADER] + [request(i) for i in range(1, 21)]
    iz = [["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"]] + \
        [[f"IZ-{i:05d}", "SP01", "05-03-2025", "2", f"HV-{i:05d}", ""] for i in range(1, 21)]
    return [w.file("hulpvragen.csv", csv_text(hv)), w.file("inzet.csv", csv_text(iz))]


r, d = both("refused_row", requests_and_hours, refusing_trigger)
check(r.code == 2 and "rij geweigerd door de database" in r.err
      and "'HV-00011'" in r.err.split("rij geweigerd")[1],
      "refused_row_and_the_inzet_row_pointing_at_it_are_both_reported", r.err)


# 7. The database failing in the middle of a file (a trigger that overflows
#    at row 2500, past two batches): exit 3, the same message both ways,
#    nothing stored.
def failing_trigger(w):
    con = sqlite3.connect(w.db)
    con.execute("CREATE TRIGGER faal BEFORE INSERT ON hulpvragen WHEN NEW.id = "
                "'HV-02500' BEGIN SELECT abs(-9223372036854775808); END")
    con.commit()
    con.close()


r, d = both("failing_db", lambda w: [w.file("hulpvragen.csv", csv_text(good, sep=","))],
            failing_trigger)
check(r.code == 3 and d["hulpvragen"] == [], "failing_db_exit_3_nothing_stored",
      (r, len(d["hulpvragen"])))
# The same in a workbook: the reader is ahead of the failing row (4b).
r, d = both("failing_db_xlsx", workbook_of(good), failing_trigger)
check(r.code == 3 and d["hulpvragen"] == [], "failing_db_xlsx_exit_3_nothing_stored",
      (r, len(d["hulpvragen"])))

# 8. Page size: 16 KiB for a new store; a file that has pages already keeps
#    its size (only an empty file takes a new one) and works the same.
w = Workdir()
w.init()
check(w.query("PRAGMA page_size")[0][0] == 16384, "new_store_has_16k_pages",
      w.query("PRAGMA page_size"))
old = Workdir()
con = sqlite3.connect(old.db)
con.execute("PRAGMA page_size = 4096")
con.execute("CREATE TABLE t(x)")
con.execute("DROP TABLE t")  # pages written, nothing left: still an empty store
con.commit()
con.close()
r = old.run("init")
check(r.code == 0 and old.query("PRAGMA page_size")[0][0] == 4096,
      "store_with_4k_pages_keeps_them", (r, old.query("PRAGMA page_size")))
for x in (w, old):
    for name, rows in (("organisaties.csv", BASE_ORGANISATIES),
                       ("specialisten.csv", BASE_SPECIALISTEN)):
        x.file(name, csv_text(rows))
    x.file("hulpvragen.csv", csv_text(good, sep=","))
    r = x.run("import", "organisaties.csv", "specialisten.csv", "hulpvragen.csv")
    check(r.code == 0, "import_into_either_page_size", r)
check(dump(w) == dump(old), "both_page_sizes_store_the_same_rows_and_sums")
check(old.run("check").code == 0 and w.run("check").code == 0,
      "check_passes_on_both_page_sizes")

done()
