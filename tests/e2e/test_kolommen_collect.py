"""The indicators' columns gathered while the import writes (issue 17 point 5,
engine/columns_collect.c): when hulpvragen, inzet and evaluaties were empty
at the start of an import, the columns come from the rows as they are
converted instead of a second scan of the tables; otherwise they are built
from the tables as before. Both ways must keep exactly the same columns
(`check` exits 3 when they differ from the tables) and give the same
figures: a fresh store loaded in one call (in the usual order, and with
organisaties and specialisten after the files that refer to them), a store
loaded in two calls (the second on top of stored rows), an import that
replaces rows, and a workbook (.xlsx) import."""
import glob
import os

from pmtest import BASE_ORGANISATIES, BASE_SPECIALISTEN, SRC, Workdir, check, csv_text, done

FX = os.path.join(SRC, "fixtures", "demo")
FILES = sorted(glob.glob(os.path.join(FX, "*.csv")) + glob.glob(os.path.join(FX, "*.json")))
SCAN = {"PIJLERMONITOR_GEEN_KOLOMMEN": "1"}
RUNS = [("2025-Q4", "intern"), ("2026-Q1", "extern"), ("2025", "intern")]


def named(*names):
    return [f for f in FILES if os.path.basename(f).split(".")[0] in names]


def kolommen(w):
    return w.query("SELECT naam, rijen, eerste, hex(data) FROM kolommen ORDER BY naam")


def figures(w, env=None):
    out = []
    for period, audience in RUNS:
        r = w.run("indicators", "--format", "json", "--period", period, "--audience",
                  audience, env=env)
        out.append(r.out if r.code == 0 else repr(r))
    return out


def store(label, *calls):
    """A fresh store loaded by the given import calls, checked."""
    w = Workdir()
    w.init()
    for files in calls:
        r = w.run("import", *files)
        check(r.code == 0, f"{label}_import_succeeds", r)
    r = w.run("check")
    check(r.code == 0, f"{label}_check_finds_the_kept_columns_equal_to_the_tables", r)
    return w


BIG = ("hulpvragen", "inzet", "evaluaties")
SMALL = [f for f in FILES if os.path.basename(f).split(".")[0] not in BIG]

# One call into an empty store: the columns are collected.
one = store("one_call", FILES)
cols = kolommen(one)
check(len(cols) == 6 and all(c[3] for c in cols if c[0] != "activiteit"),
      "one_call_keeps_all_six_columns", cols)
reference = figures(one)
check(all(x.startswith("{") for x in reference), "one_call_indicators_run", reference)
check(figures(one, SCAN) == reference,
      "one_call_figures_from_the_kept_columns_equal_those_from_the_tables")

# The same rows, organisaties and specialisten read after the files that
# refer to them (their indexes are resolved at the end).
late = store("referred_tables_last", named(*BIG) + SMALL)
check(kolommen(late) == cols, "referred_tables_last_keeps_the_same_columns")
check(figures(late) == reference, "referred_tables_last_gives_the_same_figures")

# Two calls: the second writes inzet and evaluaties on top of stored
# hulpvragen, so its columns are built from the tables.
two = store("two_calls", SMALL + named("hulpvragen"), named("inzet", "evaluaties"))
check(kolommen(two) == cols, "two_calls_keep_the_same_columns")
check(figures(two) == reference, "two_calls_give_the_same_figures")

# Only the small tables first, then the big ones into their empty tables:
# collected again, with organisaties and specialisten from the store.
small_first = store("small_tables_stored_first", SMALL, named(*BIG))
check(kolommen(small_first) == cols, "small_tables_stored_first_keeps_the_same_columns")

# A repeated import replaces every row (the table path): same columns.
again = store("repeated_import", FILES, FILES)
check(kolommen(again) == cols, "repeated_import_keeps_the_same_columns")

# A big table with rows that this import does not touch: the tables decide.
partial = store("untouched_big_table_with_rows", FILES, named("inzet"))
check(kolommen(partial) == cols, "untouched_big_table_with_rows_keeps_the_same_columns")

# The demo workbook holds the same rows as the CSV files (issue 17 point 4).
xlsx = store("workbook", [os.path.join(FX, "demo.xlsx")])
check(kolommen(xlsx) == cols, "workbook_import_keeps_the_same_columns")
check(figures(xlsx) == reference, "workbook_import_gives_the_same_figures")

# A dry run into an empty store changes nothing; the real run after it keeps
# the columns.
dry = Workdir()
dry.init()
empty = kolommen(dry)
r = dry.run("import", "--dry-run", *FILES)
check(r.code == 0 and kolommen(dry) == empty, "dry_run_changes_no_columns", r)
r = dry.run("import", *FILES)
check(r.code == 0 and kolommen(dry) == cols, "import_after_a_dry_run_keeps_the_columns", r)

# Into an empty store the collector answers three reference checks (an
# organisation of a request, a specialist and a request of inzet) when every
# id has its row; a missing one must still be found, with file and line.
def missing_reference(label, hulpvragen, inzet, want):
    w = Workdir()
    w.init()
    files = [w.file("organisaties.csv", csv_text(BASE_ORGANISATIES)),
             w.file("specialisten.csv", csv_text(BASE_SPECIALISTEN)),
             w.file("hulpvragen.csv", csv_text(
                 [["id", "organisatie", "ontvangen"]] + hulpvragen)),
             w.file("inzet.csv", csv_text(
                 [["id", "specialist", "datum", "uren", "hulpvraag"]] + inzet))]
    r = w.run("import", *files)
    check(r.code == 2 and want in r.err + r.out, f"{label}_is_reported", r)
    check(w.query("SELECT count(*) FROM hulpvragen")[0][0] == 0,
          f"{label}_leaves_the_store_empty")


HV = [["HV1", "GM0363", "01-03-2025"], ["HV2", "SOB001", "02-03-2025"]]
IZ = [["IZ1", "SP01", "03-03-2025", "2", "HV1"], ["IZ2", "SP02", "03-03-2025", "1", ""]]
missing_reference("missing_organisation_of_a_request",
                  HV + [["HV3", "GM9999", "02-03-2025"]], IZ,
                  "hulpvragen.csv:4: veld 'organisatie': 'GM9999' bestaat niet")
missing_reference("missing_specialist_of_inzet", HV,
                  IZ + [["IZ3", "SP99", "04-03-2025", "1", "HV2"]],
                  "inzet.csv:4: veld 'specialist': 'SP99' bestaat niet")
missing_reference("missing_request_of_inzet", HV,
                  IZ + [["IZ3", "SP01", "04-03-2025", "1", "HV7"]],
                  "inzet.csv:4: veld 'hulpvraag': 'HV7' bestaat niet")
w = Workdir()
w.init()
r = w.run("import", w.file("organisaties.csv", csv_text(BASE_ORGANISATIES)),
          w.file("specialisten.csv", csv_text(BASE_SPECIALISTEN)),
          w.file("hulpvragen.csv", csv_text([["id", "organisatie", "ontvangen"]] + HV)),
          w.file("inzet.csv", csv_text(
              [["id", "specialist", "datum", "uren", "hulpvraag"]] + IZ)))
check(r.code == 0, "complete_references_into_an_empty_store_import", r)

done()
