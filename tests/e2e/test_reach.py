"""How far the data reach, Dutch period labels and the demo's first run
(issue 13 points 5, 7, 9; SPEC §5 "How far the data reach", §7): the
gegevens_tot per dataset, the warnings on stderr, in JSON, on the PDF's first
page and on the workbook's overview sheet; period names read as Dutch in
every output; the demo prints one line about the data warnings. On the demo
data (which run through 31-03-2026)."""
import json
import os
import re
import subprocess
import zipfile

from pmtest import Workdir, check, csv_text, done

ENV = {"SOURCE_DATE_EPOCH": "1775001600"}  # 2026-04-01

w = Workdir()
demo = os.path.join(w.path, "demo")
r_demo = w.run("demo", demo, db=False, env=ENV)
assert r_demo.code == 0, r_demo
w.db = os.path.join(demo, "pijlermonitor.db")


def pdftext(path, page=None):
    args = ["pdftotext"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    cp = subprocess.run(args + [path, "-"], capture_output=True, text=True)
    assert cp.returncode == 0, cp.stderr
    return " ".join(cp.stdout.replace("\xa0", " ").split())


def pdfinfo(path):
    cp = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    return cp.stdout


def indicators_json(*args):
    r = w.run("indicators", "--format", "json", *args, env=ENV)
    assert r.code == 0, r
    return json.loads(r.out), r


# ---- point 9: the demo reads as a success ---------------------------------
check("28 waarschuwingen over de gegevens; zie `pijlermonitor check`" in r_demo.out,
      "demo_prints_one_line_with_the_count_of_data_warnings", r_demo.out[-2000:])
check("waarschuwing:" not in r_demo.out,
      "demo_does_not_list_the_data_warnings_one_by_one", r_demo.out[-3000:])
r_check = w.run("check")
check(r_check.out.count("waarschuwing: ") >= 28,
      "check_still_lists_every_data_warning", r_check.out[-1000:])

# ---- point 5: gegevens_tot ------------------------------------------------
doc, r = indicators_json("--period", "2026-Q1")
check(doc.get("gegevens_tot") == {
    "hulpvragen": "2026-03-31", "inzet": "2026-03-31", "evaluaties": "2026-03-31",
    "uitgaven": "2026-03-26", "kennisproducten": "2026-02-05",
    "mijlpalen": "2026-03-26"},
    "json_gegevens_tot_is_the_latest_main_date_per_dataset", doc.get("gegevens_tot"))
check(doc.get("waarschuwingen") == [] and "waarschuwing" not in r.err,
      "no_warning_when_the_peildatum_is_within_the_data", repr(r))

doc, r = indicators_json("--period", "2026-Q2")
want = "De hulpvragen lopen tot 31-03-2026; na die datum ontbreken registraties"
check(want in doc["waarschuwingen"], "json_warns_the_hulpvragen_end_before_the_peildatum",
      doc["waarschuwingen"])
check(want in r.err, "stderr_warns_the_hulpvragen_end_before_the_peildatum", r.err)
check(any("inzetregistraties lopen tot 31-03-2026" in x for x in doc["waarschuwingen"])
      and any("evaluaties lopen tot 31-03-2026" in x for x in doc["waarschuwingen"]),
      "json_warns_for_inzet_and_evaluaties_too", doc["waarschuwingen"])
check(any(x.startswith("De periode begint na de laatste registratie (31-03-2026)")
          for x in doc["waarschuwingen"]),
      "a_period_after_all_data_says_so", doc["waarschuwingen"])
check(r.code == 0 and len(doc["indicatoren"]) == 7,
      "a_report_after_the_data_is_still_made", repr(r))

# A peildatum inside the data for hulpvragen but after evaluaties: a peildatum
# of 2026-04-15 in a range that starts inside the data.
doc, r = indicators_json("--period", "2026-03-01..2026-04-15")
check(not any(x.startswith("De periode begint") for x in doc["waarschuwingen"])
      and want in doc["waarschuwingen"],
      "a_period_reaching_past_the_data_warns_without_the_after_all_data_line",
      doc["waarschuwingen"])

# The table output warns on stderr too and still prints the figures.
r = w.run("indicators", "--period", "2026-Q2", env=ENV)
check(r.code == 0 and want in r.err and "R1" in r.out,
      "table_output_warns_on_stderr_and_still_reports", repr(r))

# PDF: the warning at the top of the first page, gegevens_tot stated.
pdf = os.path.join(w.path, "q2.pdf")
xlsx = os.path.join(w.path, "q2.xlsx")
r = w.run("report", "--period", "2026-Q2", "--pdf", pdf, "--xlsx", xlsx, env=ENV)
check(r.code == 0 and want in r.err, "report_after_the_data_is_made_and_warns", repr(r))
p1 = pdftext(pdf, 1)
check(want in p1, "pdf_first_page_carries_the_warning", p1[:800])
check(p1.find(want) < p1.find("R1 Reactie"),
      "pdf_warning_comes_before_the_tiles", p1[:800])
check("Gegevens tot: hulpvragen 31-03-2026" in p1,
      "pdf_first_page_states_gegevens_tot", p1[:800])

try:
    import openpyxl
    wb = openpyxl.load_workbook(xlsx)
    ov = wb.worksheets[0]
    cells = {}
    texts = []
    for row in ov.iter_rows():
        if row[0].value is not None:
            cells[str(row[0].value)] = [c.value for c in row[1:]]
        texts += [str(c.value) for c in row if isinstance(c.value, str)]
    tot = cells.get("Gegevens tot (hulpvragen)")
    check(tot is not None and any(getattr(v, "year", None) == 2026 and v.month == 3
                                  and v.day == 31 for v in tot),
          "workbook_overview_has_gegevens_tot_as_a_date_cell", cells.keys())
    check(any(want in t for t in texts), "workbook_overview_carries_the_warning",
          texts[:40])
except ImportError:
    check(False, "openpyxl_available")

# A withdrawn row is absent from gegevens_tot: withdraw the last evaluaties.
last = w.query("SELECT id FROM evaluaties WHERE datum = "
               "(SELECT max(datum) FROM evaluaties)")
r = w.run("intrekken", "evaluaties", *[x[0] for x in last], "--reden", "test")
check(r.code == 0, "the_last_evaluations_can_be_withdrawn", repr(r))
doc, _ = indicators_json("--period", "2026-Q1")
check(doc["gegevens_tot"]["evaluaties"] < "2026-03-31",
      "withdrawn_rows_are_absent_from_gegevens_tot", doc["gegevens_tot"])
check(any(x.startswith("De evaluaties lopen tot") for x in doc["waarschuwingen"]),
      "withdrawing_the_last_rows_brings_the_warning", doc["waarschuwingen"])

# An empty dataset: null in JSON, and named in the warnings.
e = Workdir()
e.init()
doc_e = json.loads(e.run("indicators", "--period", "2025-Q4", "--format", "json").out)
check(all(v is None for v in doc_e["gegevens_tot"].values())
      and len(doc_e["gegevens_tot"]) == 6,
      "an_empty_store_has_null_for_every_dataset", doc_e["gegevens_tot"])
check("Er zijn geen hulpvragen geregistreerd; de cijfers die erop rusten zijn leeg"
      in doc_e["waarschuwingen"], "an_empty_store_warns_there_are_no_hulpvragen",
      doc_e["waarschuwingen"])

# ---- point 7: Dutch period labels ------------------------------------------
pdf1 = os.path.join(w.path, "q1.pdf")
xlsx1 = os.path.join(w.path, "q1.xlsx")
r = w.run("report", "--period", "2026-Q1", "--pdf", pdf1, "--xlsx", xlsx1, env=ENV)
assert r.code == 0, r
info = pdfinfo(pdf1)
check("Voortgangsrapportage pijler 2 — 1e kwartaal 2026" in info,
      "pdf_document_title_names_the_quarter_in_dutch", info)
alltext = pdftext(pdf1)
# The demo's milestone descriptions (data, not labels) name "Kwartaalrapportage
# 2024-Q3"; those are the user's own words.
iso = re.findall(r"\b20\d\d-Q\d\b", re.sub(r"Kwartaalrapportage 20\d\d-Q\d", "", alltext))
check(not iso, "pdf_text_has_no_iso_quarter_labels", iso[:10])
check("1e kwartaal 2026" in pdftext(pdf1, 1), "pdf_dashboard_says_1e_kwartaal_2026")
check("2025-K4" in alltext, "pdf_tight_places_use_the_short_K_form", alltext[:300])

z = zipfile.ZipFile(xlsx1)
strings = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                  if n.startswith("xl/") and n.endswith(".xml"))
core = z.read("docProps/core.xml").decode("utf-8")
iso = re.findall(r"20\d\d-Q\d", re.sub(r"Kwartaalrapportage 20\d\d-Q\d", "",
                                        strings + core))
check(not iso, "workbook_has_no_iso_quarter_labels", iso[:10])
check("1e kwartaal 2026" in core and "1e kwartaal 2026" in strings,
      "workbook_title_and_overview_say_1e_kwartaal_2026", core[:400])
hdr = "".join(z.read(n).decode("utf-8") for n in z.namelist()
              if n.startswith("xl/worksheets/sheet"))
check("1e kwartaal 2026" in hdr and "2026-Q1" not in hdr,
      "worksheet_headers_name_the_period_in_dutch")

r = w.run("indicators", "--period", "2025-10-15..2026-02-15", env=ENV)
check("Periode 15-10-2025 t/m 15-02-2026, peildatum 15-02-2026" in r.out,
      "table_output_names_a_range_by_its_dates_once", r.out[:300])
r = w.run("indicators", "--period", "2026-01-01..2026-03-31", env=ENV)
check("Periode 1e kwartaal 2026 (01-01-2026 t/m 31-03-2026)" in r.out,
      "a_range_that_is_a_quarter_reads_as_the_quarter", r.out[:300])
r = w.run("indicators", "--period", "2026-01", env=ENV)
check("Periode januari 2026 " in r.out, "a_month_reads_as_its_dutch_name", r.out[:300])
doc, _ = indicators_json("--period", "2025")
check(doc["periode"]["naam"] == "2025" and doc["periode"]["label"] == "2025",
      "json_period_has_its_dutch_name_beside_the_label", doc["periode"])

done()
