"""Issue 14 (secmark), SPEC §6 and §9: a cell or figure hidden by secondary
suppression (it may hold 79) is marked "x" with its own legend line, never
"<5" with "minder dan 5 waarnemingen"; a primary one keeps "<5". Checked in
the table and the CSV, the PDF report (page text and charts), the workbook
and the dashboards (--per regio), on a small hand-made store with both kinds
and on the demo's regional dashboards (Regio Oost: its R1 eindstand, from
more than 5 requests, is hidden beside small groups). Each legend line
appears iff its mark does, and every "<5" stands where the intern figures
have fewer than min_cell observations."""
import datetime
import json
import os
import re
import subprocess

import openpyxl

from pmtest import SRC, Workdir, check, csv_text, done

MIN_CELL = 5
MARK = {"primair": "<5", "secundair": "x"}
LEGEND_P = "<5 = minder dan 5 waarnemingen"
LEGEND_S = "x = niet getoond"
PERIOD = "2025-Q4"
ENV = {"SOURCE_DATE_EPOCH": "1767225600"}


def pdf_text(path):
    """The text of the pages that show the figures: all but the Samenvatting
    page (issue 15), whose bereik table has marks of its own (organisations
    per regio, test_samenvatting)."""
    out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = [p for p in out.split("\f") if "Belangrijkste ontwikkelingen" not in p]
    return " ".join(" ".join(pages).split())


def marks_in(text):
    """The marks standing for values, not those opening a legend line."""
    return (len(re.findall(r"<5(?! =)", text)),
            len(re.findall(r"(?<![\w<])x(?!\w)(?! =)", text)))


def legends_iff(text, name, want_p, want_s):
    check((LEGEND_P in text) == want_p and (LEGEND_S in text) == want_s,
          f"{name}_legend_lines_iff_marks", f"want <5 {want_p}, x {want_s}")


def indicators(w, *args):
    r = w.run("indicators", "--format", "json", *args)
    assert r.code == 0, r
    return {i["id"]: i for i in json.loads(r.out)["indicatoren"]}


def codes():
    with open(os.path.join(SRC, "engine", "gemeenten.csv"), encoding="utf-8") as f:
        return [line.split(",")[0] for line in f.read().splitlines()[1:] if line]


def store(spec):
    """Per (regio, type, requests) one organisation with that many requests
    in 2025-Q4, every fourth one answered late."""
    s = Workdir()
    s.init()
    cbs = codes()
    orgs = [["id", "naam", "type", "regio"]]
    hv = [["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp"]]
    n = 0
    for k, (regio, typ, count) in enumerate(spec):
        oid = cbs[k] if typ == "gemeente" else f"SOB{k:03d}"
        orgs.append([oid, f"Organisatie {k}", typ, regio])
        for i in range(count):
            got = datetime.date(2025, 10, 6) + datetime.timedelta(days=7 * (i % 8))
            contact = got + datetime.timedelta(days=14 if i % 4 == 3 else 1)
            hv.append([f"HV{n}", oid, got.isoformat(), contact.isoformat(), "juridisch"])
            n += 1
    r = s.run("import", s.file("organisaties.csv", csv_text(orgs)),
              s.file("hulpvragen.csv", csv_text(hv)))
    assert r.code == 0, r
    return s


def true_marks(ext, intern, name):
    """Every extern cell marked primair has 1..min_cell-1 observations
    intern, every secundair one at least min_cell: "<5" is never false."""
    bad = []
    for iid, e in ext.items():
        for key, bd in e.get("uitsplitsingen", {}).items():
            ibd = intern[iid]["uitsplitsingen"][key]
            for rg in ("periode", "cumulatief"):
                ic = {c["sleutel"]: c for c in ibd[rg]}
                for c in bd[rg]:
                    kind = c.get("onderdrukt")
                    n = ic[c["sleutel"]].get("n", 0)
                    if (kind == "primair" and not 1 <= n < MIN_CELL) or \
                            (kind == "secundair" and n < MIN_CELL):
                        bad.append(f"{iid} {key} {rg} {c['sleutel']}: {kind}, n {n}")
    check(not bad, f"{name}_every_primary_cell_is_small_and_no_secondary_one_is",
          "\n".join(bad))


# ---- a store with both kinds ------------------------------------------------
# Noord-West has 3 requests (primair); Noord, 8, is hidden beside it
# (secundair). By type: 2 SOB requests (primair) beside 29 of gemeenten
# (secundair).
w = store([("Noord-West", "gemeente", 3), ("Noord", "gemeente", 8),
           ("Midden", "gemeente", 18), ("Midden", "sob", 2)])
ext = indicators(w, "--period", PERIOD, "--audience", "extern")
intern = indicators(w, "--period", PERIOD, "--audience", "intern")
true_marks(ext, intern, "store")
kinds = {c["sleutel"]: c.get("onderdrukt")
         for c in ext["R1"]["uitsplitsingen"]["regio"]["cumulatief"]}
tkinds = {c["sleutel"]: c.get("onderdrukt")
          for c in ext["R1"]["uitsplitsingen"]["type"]["cumulatief"]}
check(kinds.get("Noord-West") == "primair" and kinds.get("Noord") == "secundair" and
      tkinds.get("sob") == "primair" and tkinds.get("gemeente") == "secundair",
      "store_has_both_kinds_in_the_json", f"{kinds} {tkinds}")

# The PDF report: R1's regio chart and its sentence (the PDF has no R1 chart
# per type; the workbook's type table is checked below).
pdf = os.path.join(w.path, "e.pdf")
xlsx = os.path.join(w.path, "e.xlsx")
r = w.run("report", "--period", PERIOD, "--audience", "extern", "--pdf", pdf,
          "--xlsx", xlsx, env=ENV)
check(r.code == 0, "extern_report_written", r)
text = pdf_text(pdf)
check("Noord-West <5" in text and "Noord x" in text and "Noord <5" not in text,
      "pdf_regio_sentence_gives_each_regio_its_own_mark", text[:3000])
check("x = niet getoond, beschermt een kleine cel" in text and
      "<5 = minder dan 5 waarnemingen" in text,
      "pdf_chart_legends_explain_both_marks")
p, s = marks_in(text.split("Reactie binnen 5 werkdagen per regio")[1]
                .split("Tevreden organisaties")[0]) if "Reactie binnen 5 werkdagen per regio" \
    in text else (0, 0)
check(p >= 2 and s >= 2, "pdf_r1_page_shows_both_marks", (p, s))

# The workbook: the regio and type tables of R1, and a legend under the
# sheet for exactly the marks it shows.
wb = openpyxl.load_workbook(xlsx)
ws = [[c.value for c in row] for row in wb["R1"].iter_rows()]
row_of = {row[0]: row for row in ws if row and row[0] in ("Noord-West", "Noord",
                                                             "gemeenten", "SOB's")}
check(row_of.get("Noord-West") and row_of["Noord-West"].count("<5") >= 3 and
      "x" not in row_of["Noord-West"] and row_of.get("Noord") and
      row_of["Noord"].count("x") >= 3 and "<5" not in row_of["Noord"],
      "workbook_regio_rows_show_their_own_marks", repr(row_of))
check(row_of.get("gemeenten") and "x" in row_of["gemeenten"] and
      "<5" not in row_of["gemeenten"] and "<5" in row_of.get("SOB's", []),
      "workbook_type_rows_show_their_own_marks", repr(row_of))
cells = " ".join(str(v) for row in ws for v in row if v)
check(LEGEND_P in cells and "x = niet getoond, zodat een kleine cel elders niet is af "
      "te leiden (secundaire onderdrukking)" in cells,
      "workbook_r1_sheet_explains_both_marks")
ov = " ".join(str(c.value) for row in wb["Overzicht"].iter_rows() for c in row if c.value)
legends_iff(ov, "workbook_national_overview", False, False)

# Filtered on one regio: the figure itself, "<5" for Noord-West, "x" for
# Noord, in the table, the CSV, the PDF, the workbook and the dashboard.
for regio, kind in (("Noord-West", "primair"), ("Noord", "secundair")):
    mark, name = MARK[kind], regio.lower()
    f = indicators(w, "--period", PERIOD, "--audience", "extern", "--regio", regio)
    check(f["R1"]["periode"].get("onderdrukt") == kind and
          f["R1"]["cumulatief"].get("onderdrukt") == kind,
          f"{name}_json_still_says_{kind}", repr(f["R1"]["periode"]))
    n_intern = indicators(w, "--period", PERIOD, "--audience", "intern", "--regio",
                          regio)["R1"]["cumulatief"]["noemer"]
    check((n_intern < MIN_CELL) == (kind == "primair"),
          f"{name}_mark_{kind}_matches_the_intern_count", n_intern)
    t = w.run("indicators", "--period", PERIOD, "--audience", "extern", "--regio", regio)
    r1 = next(line for line in t.out.splitlines() if line.startswith("R1 "))
    check(f"{mark} [grijs]" in r1 and (kind != "secundair" or "<5" not in r1),
          f"{name}_table_shows_{mark}", r1)
    legends_iff(t.out, f"{name}_table", kind == "primair", kind == "secundair")
    c = w.run("indicators", "--period", PERIOD, "--audience", "extern", "--regio", regio,
              "--format", "csv")
    row = c.out.split("R1;periode;")[1].split("\r\n")[0]
    check(f";{mark};{mark};{mark};;;grijs;" in row, f"{name}_csv_shows_{mark}", row)

    fp, fx = os.path.join(w.path, f"{name}.pdf"), os.path.join(w.path, f"{name}.xlsx")
    r = w.run("report", "--period", PERIOD, "--audience", "extern", "--regio", regio,
              "--pdf", fp, "--xlsx", fx, env=ENV)
    check(r.code == 0, f"{name}_report_written", r)
    text = pdf_text(fp)
    p, s = marks_in(text)
    check((p > 0, s > 0) == (kind == "primair", kind == "secundair"),
          f"{name}_pdf_shows_only_{mark}", (p, s))
    check(f"Cumulatief {mark}" in text, f"{name}_pdf_page_header_shows_{mark}",
          text[:2000])
    legends_iff(text, f"{name}_pdf", kind == "primair", kind == "secundair")
    wbf = openpyxl.load_workbook(fx)
    rows = [[c.value for c in row] for row in wbf["Overzicht"].iter_rows()]
    r1row = next(row for row in rows if row and row[0] == "R1")
    other = "x" if mark == "<5" else "<5"
    check(r1row.count(mark) >= 4 and other not in r1row,
          f"{name}_workbook_overview_shows_{mark}", repr(r1row))
    ov = " ".join(str(v) for row in rows for v in row if v)
    legends_iff(ov, f"{name}_workbook_overview", kind == "primair", kind == "secundair")

# The dashboards per regio: each shows its own mark and explains only that.
perdir = os.path.join(w.path, "per")
os.mkdir(perdir)
r = w.run("dashboard", "--period", PERIOD, "--audience", "extern", "--per", "regio",
          perdir, env=ENV)
check(r.code == 0, "store_dashboards_per_regio_written", r)
for regio, kind in (("noord-west", "primair"), ("noord", "secundair")):
    files = [f for f in os.listdir(perdir) if f.endswith(f"-{regio}.pdf")]
    text = pdf_text(os.path.join(perdir, files[0])) if files else ""
    p, s = marks_in(text)
    check(text and (p > 0, s > 0) == (kind == "primair", kind == "secundair"),
          f"store_dashboard_{regio}_shows_only_{MARK[kind]}",
          (p, s, sorted(os.listdir(perdir))))
    legends_iff(text, f"store_dashboard_{regio}", kind == "primair", kind == "secundair")
    check(kind != "secundair" or "minder dan 5" not in text,
          f"store_dashboard_{regio}_never_says_minder_dan_5_for_a_secondary_figure")

# ---- the demo: the national reports and the six regional dashboards ----------

d = Workdir()
demo = os.path.join(d.path, "demo")
assert d.run("demo", demo, db=False).code == 0
d.db = os.path.join(demo, "pijlermonitor.db")
for period in ("2025-Q4", "2026-Q1"):
    true_marks(indicators(d, "--period", period, "--audience", "extern"),
               indicators(d, "--period", period, "--audience", "intern"),
               f"demo_{period}")

# Regio Oost, 2026-Q1: R1's eindstand rests on 70-odd requests but is hidden
# beside small groups: "x", never "<5".
oost = indicators(d, "--period", "2026-Q1", "--audience", "extern", "--regio", "Oost")
oost_i = indicators(d, "--period", "2026-Q1", "--audience", "intern", "--regio", "Oost")
e, ei = oost["R1"]["eindstanden"][0], oost_i["R1"]["eindstanden"][0]
check(e.get("onderdrukt") == "secundair" and ei["noemer"] >= MIN_CELL,
      "demo_oost_r1_eindstand_is_secundair_on_many_requests", (e, ei["noemer"]))

perdir = os.path.join(d.path, "per")
os.mkdir(perdir)
r = d.run("dashboard", "--period", "2026-Q1", "--audience", "extern", "--per", "regio",
          perdir, env=ENV)
check(r.code == 0, "demo_dashboards_per_regio_written", r)
REGIOS = ["Noord-West", "Noord", "Midden", "Oost", "Zuid-West", "Zuid"]
bad = []
for regio in REGIOS:
    name = [f for f in os.listdir(perdir)
            if f.endswith(f"-{regio.lower()}.pdf")][0]
    text = pdf_text(os.path.join(perdir, name))
    js = indicators(d, "--period", "2026-Q1", "--audience", "extern", "--regio", regio)
    ji = indicators(d, "--period", "2026-Q1", "--audience", "intern", "--regio", regio)
    # The figures the page shows: each tile's periode and cumulatief and
    # every eindstand; their marks must be exactly the JSON's kinds.
    want = {"primair": 0, "secundair": 0}
    for iid, ind in js.items():
        figs = [("periode", ind["periode"], ji[iid]["periode"]),
                ("cumulatief", ind["cumulatief"], ji[iid]["cumulatief"])]
        figs += [("eindstand", x, y) for x, y in zip(ind["eindstanden"],
                                                    ji[iid]["eindstanden"])]
        for what, f, fi in figs:
            kind = f.get("onderdrukt")
            if kind:
                want[kind] += 1
            n = fi.get("noemer") or 0
            if kind == "primair" and not 1 <= n < MIN_CELL:
                bad.append(f"{regio} {iid} {what}: primair on {n} observations")
    p, s = marks_in(text)
    if (p, s) != (want["primair"], want["secundair"]):
        bad.append(f"{regio}: page marks <5 {p}, x {s}; json {want}")
    if (LEGEND_P in text) != (p > 0) or (LEGEND_S in text) != (s > 0):
        bad.append(f"{regio}: legend lines do not follow the marks ({p}, {s})")
    if regio == "Oost" and "R1 x — onderdrukt" not in text:
        bad.append("Oost: R1's eindstand does not read x")
check(not bad, "demo_regional_dashboards_mark_each_hidden_figure_by_its_kind",
      "\n".join(bad))
done()
