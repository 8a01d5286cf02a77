"""`pijlermonitor report --pdf/--png` (SPEC §6, §7): the PDF read back with
poppler and qpdf (pages, title, outline, embedded fonts, the dashboard's
values, page numbers), the audience rule (no names for extern), byte-identical
output, the PNG charts, failed writes, and the rule that all text goes
through pango. On the demo data."""
import glob
import json
import math
import os
import re
import shutil
import subprocess

from pmtest import SRC, Workdir, check, done

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
ENV = {"SOURCE_DATE_EPOCH": EPOCH}

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False)
assert r.code == 0, r
w.db = os.path.join(demo, "pijlermonitor.db")


def tool(*args):
    cp = subprocess.run(list(args), capture_output=True, text=True)
    return cp.returncode, cp.stdout, cp.stderr


def report(name, audience="intern", period="2025-Q4", png=None, pdf=True, env=ENV):
    """Runs report; returns (Result, pdf path or None)."""
    path = os.path.join(w.path, name) if pdf else None
    args = ["report", "--period", period, "--audience", audience]
    if path:
        args += ["--pdf", path]
    if png:
        args += ["--png", os.path.join(w.path, png)]
    return w.run(*args, env=env), path


def text_of(pdf, page=None):
    """pdftotext output with every run of white space (also no-break
    spaces) made one space, so a line break inside a value does not hide it."""
    args = ["pdftotext"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    code, out, _ = tool(*args, pdf, "-")
    assert code == 0
    return " ".join(out.replace("\xa0", " ").split())


def pdfinfo(pdf):
    code, out, _ = tool("pdfinfo", "-isodates", pdf)
    info = {}
    for line in out.splitlines():
        k, _, v = line.partition(":")
        info[k.strip()] = v.strip()
    return info


# ---- the value in words, as pm_text_value writes it ---------------------

def c_round(x):
    return math.copysign(math.floor(abs(x) + 0.5), x)


def pct(f, dec=1):
    scale = 10.0 ** dec
    return f"{c_round(f * 100.0 * scale) / scale:.{dec}f}%".replace(".", ",")


def grouped(n):
    return f"{n:,}".replace(",", ".")


def euro(x):
    cents = int(c_round(x * 100))
    return f"€ {grouped(cents // 100)},{cents % 100:02d}"


def decimal(v):
    return f"{c_round(v * 10) / 10:.1f}".replace(".", ",")


def text_value(ind, f):
    i = ind["id"]
    if i == "R6":
        return str(f["aantal"])
    if i == "B":
        if f["begroting"] is None:
            return f"{euro(f['realisatie'])}, geen begroting"
        w_ = pct(f["waarde"]) if f["waarde"] is not None else "–"
        return f"{euro(f['realisatie'])} van {euro(f['begroting'])} ({w_})"
    if f["waarde"] is None:
        return f"{f['actief']} actief; niemand beoordeeld" if i == "R3" else "–"
    share = f"{pct(f['waarde'])} ({f['teller']:.0f} van {f['noemer']:.0f})"
    if i == "R3":
        return f"{f['actief']} actief; {share}"
    if i == "R4" and f.get("opdrachtgever_gemiddelde") is not None:
        return f"{share}; gem. {decimal(f['opdrachtgever_gemiddelde'])}"
    return share


def figures(period="2025-Q4"):
    r = w.run("indicators", "--period", period, "--format", "json")
    assert r.code == 0, r
    return json.loads(r.out)


def csv_column(path, column):
    with open(path, encoding="utf-8-sig") as f:
        rows = [line.rstrip("\r\n").split(";") for line in f if line.strip()]
    i = [h.strip().lower() for h in rows[0]].index(column)
    return [row[i] for row in rows[1:]]


NAMES = {"R1": "Reactie binnen 5 werkdagen", "R2": "Waardering ondersteuning",
         "R3": "Specialisten actief en gewaardeerd", "R4": "Rapportage en monitoring",
         "R5": "Website", "R6": "Kennisproducten", "B": "Budget"}

# ---- the intern document ------------------------------------------------

r, intern = report("intern.pdf", "intern", png="png-intern")
check(r.code == 0 and os.path.exists(intern), "report_writes_the_pdf_and_exits_0", r)
check("PDF (intern):" in r.out and "Grafieken als PNG (intern):" in r.out,
      "report_says_where_the_files_are", r.out)

# The intern report ends with the management section (issue 15 point 3):
# Team, Openstaande hulpvragen (as many pages as its rows need), Budget
# per post, Mijlpalen; extern has none of it.
BEHEER = ["Team", "Openstaande hulpvragen", "Budget per post", "Mijlpalen"]


APPENDIX = "Bijlage: cijfers bij de grafieken"


def report_pages(pdf):
    """Pages up to and including B's: the whole document in extern, the
    pages before the management section in intern."""
    code, out, _ = tool("qpdf", "--json", "--json-key=outlines", pdf)
    ol = dict((o["title"], o["destpageposfrom1"]) for o in json.loads(out)["outlines"])
    # The appendix of the charts' numbers (issue 16) follows the report.
    if "Team" in ol:
        return ol["Team"] - 1
    if APPENDIX in ol:
        return ol[APPENDIX] - 1
    return int(pdfinfo(pdf).get("Pages", "0"))


info = pdfinfo(intern)
NPAGES = int(info.get("Pages", "0"))
# Issue 15: the Samenvatting is page 2, the indicators follow it, then the
# management section (intern).
check(report_pages(intern) == 9 and NPAGES >= 9 + len(BEHEER),
      "pdf_has_a_dashboard_a_samenvatting_seven_indicator_pages_and_the_management_pages",
      info.get("Pages"))
check(info.get("Title", "").startswith("Voortgangsrapportage pijler 2") and
      "4e kwartaal 2025" in info.get("Title", ""), "pdf_title_names_report_and_period", info)
check(info.get("Author") == "pijlermonitor", "pdf_author_is_pijlermonitor", info)
check("4e kwartaal 2025" in info.get("Subject", "") and "intern" in info.get("Subject", ""),
      "pdf_subject_names_period_and_audience", info.get("Subject"))
check(info.get("CreationDate", "").startswith("2026-01-01T00:00:00") and
      info.get("ModDate", "").startswith("2026-01-01T00:00:00"),
      "pdf_dates_come_from_source_date_epoch", info)
check("A4" in info.get("Page size", ""), "pdf_pages_are_a4", info.get("Page size"))

code, out, err = tool("pdffonts", intern)
rows = [l.split() for l in out.splitlines()[2:] if l.strip()]
check(code == 0 and rows, "pdffonts_lists_fonts", out + err)
# Columns from the right: object ID (2), uni, sub, emb.
check(all(row[-5] == "yes" for row in rows), "every_font_is_embedded", out)
check(all("DejaVuSans" in row[0] for row in rows), "fonts_are_dejavu_sans", out)

code, out, err = tool("qpdf", "--check", intern)
check(code == 0 and "No syntax or stream encoding errors" in out, "qpdf_check_passes",
      out + err)

code, out, err = tool("qpdf", "--json", "--json-key=outlines", intern)
outline = [(o["title"], o["destpageposfrom1"]) for o in json.loads(out)["outlines"]] \
    if code == 0 else []
want_outline = [("Dashboard", 1), ("Samenvatting", 2)] + [(f"{i} {n}", p + 3) for p, (i, n) in
                                     enumerate(NAMES.items())]
# The appendix of the charts' numbers comes last, after the management pages.
appendix = outline[-1:] if outline and outline[-1][0] == APPENDIX else []
check(outline[:9] == want_outline and [t for t, _ in outline[9:-1]] == BEHEER
      and outline[9][1] == 10 and appendix and appendix[0][1] == outline[-2][1] + 1
      and appendix[0][1] <= NPAGES,
      "outline_has_an_entry_per_page_pointing_at_it", outline)

doc = figures()
page1 = text_of(intern, 1)
for ind in doc["indicatoren"]:
    i = ind["id"]
    cum = text_value(ind, ind["cumulatief"])
    per = text_value(ind, ind["periode"])
    check(cum in page1, f"dashboard_shows_{i}_cumulatief_as_{cum}", page1[:600])
    check(f"Periode 4e kwartaal 2025: {per} ({ind['periode']['status']})" in page1,
          f"dashboard_shows_{i}_periode_with_its_status_word", per)
    check(f"{i} {NAMES[i]}" in page1, f"dashboard_has_a_tile_titled_{i}")
counts = {s: sum(1 for x in doc["indicatoren"] if x["status"] == s)
          for s in ("groen", "oranje", "rood", "grijs")}
check(all(f"{n} {s}" in page1 for s, n in counts.items()),
      "dashboard_counts_the_statuses_in_words", counts)
check("Voortgangsrapportage pijler 2" in page1 and "peildatum 31-12-2025" in page1 and
      "publiek intern" in page1 and "01-10-2025 t/m 31-12-2025" in page1,
      "dashboard_header_has_title_period_dates_peildatum_audience", page1[:300])

for p in range(1, NPAGES + 1):
    t = text_of(intern, p)
    check(f"Pagina {p} van {NPAGES}" in t and re.search(r"gegevens [0-9a-f]{4}", t),
          f"page_{p}_footer_has_page_number_and_fingerprint", t[-200:])
    if 2 < p <= 9:
        i, n = list(NAMES.items())[p - 3]
        # The intern mark stands above everything (tests/e2e/test_intern_marks.py).
        check(t.startswith("Intern — niet verspreiden Voortgangsrapportage pijler 2") and
              f"{i} {n}" in t,
              f"page_{p}_is_the_{i}_page", t[:200])

r1 = next(x for x in doc["indicatoren"] if x["id"] == "R1")
sentence = (f"In het 4e kwartaal 2025 kreeg {pct(r1['periode']['waarde'])} van de hulpvragen binnen 5 "
            f"werkdagen een reactie (doel {pct(r1['doel'], 0)})")
full = text_of(intern)
check(sentence in full, "r1_page_says_the_period_figure_in_a_sentence", sentence)
check("Gemiddelde score per specialist" in full, "intern_pdf_has_the_per_specialist_chart")
specialists = csv_column(os.path.join(SRC, "fixtures/demo/specialisten.csv"), "naam")
check(any(n in full for n in specialists), "intern_pdf_names_specialists")

# ---- PNGs ---------------------------------------------------------------

EXTERN_PNGS = {"r1-regio", "r1-trend", "r1-werkdagen", "r2-scores", "r2-type", "r2-regio",
               "r2-trend",
               "r3-actief", "r3-oordeel", "r4-mijlpalen", "r4-kwartaal",
               "r4-opdrachtgever", "r5-mijlpalen", "r5-kwartaal", "r6-cumulatief",
               "r6-soort", "b-burnup", "b-posten"}
INTERN_PNGS = EXTERN_PNGS | {"r3-specialisten"}


def pngs(folder):
    return {os.path.basename(p)[:-4]: p for p in glob.glob(os.path.join(folder, "*.png"))}


def png_ok(path):
    with open(path, "rb") as f:
        head = f.read(24)
    size = os.path.getsize(path)
    wh = (int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big"))
    return head[:8] == b"\x89PNG\r\n\x1a\n" and wh == (1200, 750) and size > 8000


got = pngs(os.path.join(w.path, "png-intern"))
check(set(got) == INTERN_PNGS, "png_writes_one_named_file_per_chart",
      sorted(set(got) ^ INTERN_PNGS))
bad = [n for n, p in got.items() if not png_ok(p)]
check(not bad, "every_png_is_a_1200x750_png_with_content", bad)
check(not glob.glob(os.path.join(w.path, "png-intern", "*tmp*")) and
      not glob.glob(os.path.join(w.path, "png-intern", ".pm-*")),
      "png_folder_has_no_temporary_files")

# Only PNGs: no --pdf.
r, _ = report(None, "extern", png="png-only", pdf=False)
got = pngs(os.path.join(w.path, "png-only"))
check(r.code == 0 and set(got) == EXTERN_PNGS, "png_without_pdf_writes_the_extern_charts",
      (r, sorted(got)))
check(not glob.glob(os.path.join(w.path, "*.pdf.tmp*")) and
      not glob.glob(os.path.join(w.path, ".pm-*")), "png_only_writes_no_pdf")

# ---- the extern document -------------------------------------------------

r, ext = report("extern.pdf", "extern")
text = text_of(ext)
check(r.code == 0 and report_pages(ext) == 9, "extern_pdf_has_nine_pages", r)
found = [n for n in specialists if n in text]
check(not found, "extern_pdf_names_no_specialist", found)
orgs = list(zip(csv_column(os.path.join(SRC, "fixtures/demo/organisaties.csv"), "naam"),
                csv_column(os.path.join(SRC, "fixtures/demo/organisaties.csv"), "type")))
# The opdrachtgevers (VNG, MinSZW) are the report's readers and appear in
# milestone descriptions; gemeenten and SOB's must not appear.
found = [n for n, t in orgs if t in ("gemeente", "sob") and
         re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text)]
check(not found, "extern_pdf_names_no_gemeente_or_sob", found)
check("Gemiddelde score per specialist" not in text and
      "alleen in de interne rapportage" in text,
      "extern_pdf_leaves_out_the_personal_chart_and_says_so")
check("<5" in text and "minder dan 5 waarnemingen" in text,
      "extern_pdf_marks_small_cells_as_below_five")
check("publiek extern" in text_of(ext, 1), "extern_dashboard_names_its_audience")

# ---- byte-identical output -------------------------------------------------

r, again = report("extern-again.pdf", "extern")
with open(ext, "rb") as a, open(again, "rb") as b:
    check(a.read() == b.read(), "same_input_and_source_date_epoch_give_identical_pdf_bytes")
r, later = report("extern-later.pdf", "extern", env={"SOURCE_DATE_EPOCH": "1767312000"})
check(pdfinfo(later).get("CreationDate", "").startswith("2026-01-02"),
      "another_source_date_epoch_changes_the_creation_date",
      pdfinfo(later).get("CreationDate"))
report("png1.pdf", "intern", png="png-again")
a, b = pngs(os.path.join(w.path, "png-intern")), pngs(os.path.join(w.path, "png-again"))
same = all(open(a[k], "rb").read() == open(b[k], "rb").read() for k in a)
check(same and set(a) == set(b), "pngs_are_byte_identical_between_runs")

# ---- periods with little or no data -------------------------------------

r, early = report("early.pdf", "extern", period="2024-Q3")
t = text_of(early)
check(r.code == 0 and report_pages(early) == 9,
      "a_first_quarter_report_has_all_pages", r)
check("Nog geen gegevens in deze periode" in t, "charts_without_data_say_so_in_words")
early_doc = figures("2024-Q3")
page1 = text_of(early, 1)
missing = [x["id"] for x in early_doc["indicatoren"]
           if text_value(x, x["cumulatief"]) not in page1]
check(not missing, "first_quarter_dashboard_shows_every_value", missing)

r, before = report("before.pdf", "intern", period="2024-Q1")
t = text_of(before)
check(r.code == 0 and report_pages(before) == 9 and
      t.count("Nog geen gegevens in deze periode") >= 10,
      "a_period_before_the_programme_has_empty_charts_in_words", (r, t.count("Nog geen")))

# ---- failed writes ---------------------------------------------------------

missing_dir = os.path.join(w.path, "bestaat-niet", "r.pdf")
r, _ = w.run("report", "--period", "2025-Q4", "--pdf", missing_dir), None
check(r.code == 3 and "bestaat-niet" in r.err, "pdf_into_a_missing_folder_exits_3", r)
check(not os.path.exists(os.path.dirname(missing_dir)),
      "a_failed_pdf_leaves_no_folder_or_file")

target = os.path.join(w.path, "is-een-map")
os.mkdir(target)
r = w.run("report", "--period", "2025-Q4", "--pdf", target)
check(r.code == 3 and os.path.isdir(target) and not os.listdir(target),
      "pdf_onto_a_folder_exits_3_and_leaves_it_alone", r)
check(not glob.glob(os.path.join(w.path, "is-een-map.tmp*")) and
      not glob.glob(os.path.join(w.path, ".pm-*")),
      "a_failed_pdf_leaves_no_temporary_file",
      glob.glob(os.path.join(w.path, "*tmp*")))

blocker = os.path.join(w.path, "png-blocked")
os.mkdir(blocker)
os.mkdir(os.path.join(blocker, "r1-regio.png"))  # a folder where a PNG must go
r = w.run("report", "--period", "2025-Q4", "--png", blocker)
check(r.code == 3 and not glob.glob(os.path.join(blocker, "*tmp*")) and
      not glob.glob(os.path.join(blocker, ".pm-*")),
      "a_png_that_cannot_be_written_exits_3_without_temporary_files", r)

# ---- all text through pango ------------------------------------------------

sources = glob.glob(os.path.join(SRC, "exporters", "*.c"))
toy = [f"{os.path.basename(p)}: {name}" for p in sources for name in
       ("cairo_show_text", "cairo_text_path", "cairo_select_font_face")
       if name in open(p, encoding="utf-8").read()]
check(sources and not toy, "no_exporter_uses_cairos_toy_text_api", toy)
chart = [p for p in sources if os.path.basename(p).startswith("chart")]
check(chart and any("pango_cairo_show_layout" in open(p, encoding="utf-8").read()
                    for p in chart), "charts_draw_text_with_pango")

shutil.rmtree(os.path.join(w.path, "png-again"), ignore_errors=True)
done()
