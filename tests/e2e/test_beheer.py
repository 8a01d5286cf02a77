"""The management section of the intern report (SPEC §10, issue 15 point 3):
the Team, Openstaand, Budget per post and Mijlpalen sheets and PDF pages.

- the team's kosten add up, to the cent, to B's inhuur realisatie for the
  periode and cumulatief: on the demo and on a store with odd rates (97,33 an
  hour × 0,25 hours, half cents), where rounding each specialist on its own
  would be a cent off;
- the budget per post adds up to its totals row, whose begroting and
  prognose are B's jaarbegroting and prognose and whose realisatie is B's
  for the year; per post the realisatie is B's post cell;
- the Mijlpalen sheet and pages list every milestone of the fixture;
- a long open list (200 requests) runs over several PDF pages, the header
  row repeated on each, every id once;
- extern has none of these sheets or pages, no specialist's name anywhere."""
import csv
import datetime
import glob
import io
import json
import re
import os
import subprocess
from decimal import Decimal, ROUND_HALF_UP

import openpyxl

from pmtest import Workdir, check, csv_text, done, SRC

FX = os.path.join(SRC, "fixtures", "demo")
SHEETS = ["Team", "Openstaand", "Budget per post", "Mijlpalen"]
PAGES = ["Team", "Openstaande hulpvragen", "Budget per post", "Mijlpalen"]


def read_csv(name):
    with open(os.path.join(FX, name), encoding="utf-8-sig", newline="") as f:
        text = f.read()
    header = text.splitlines()[0]
    sep = ";" if header.count(";") > header.count(",") else ","
    return [{k.strip().lower(): (v.strip() if v and v.strip() else None)
             for k, v in rec.items()} for rec in csv.DictReader(io.StringIO(text),
                                                                delimiter=sep)]


def cents(v):
    return int((Decimal(str(v)) * 100).to_integral_value(ROUND_HALF_UP))


def table(ws):
    """(header, data rows, totals row or None) of a management sheet: the
    header is the row under the title and note; data until an empty first
    cell or 'Totaal'."""
    rows = list(ws.iter_rows(values_only=True))
    h = next(i for i, r in enumerate(rows) if r[0] in ("Naam", "Hulpvraag", "Post",
                                                       "Mijlpaal"))
    data, total = [], None
    for r in rows[h + 1:]:
        if r[0] is None:
            break
        if r[0] == "Totaal":
            total = r
            break
        data.append(r)
    return rows[h], data, total


def b_of(w, *args):
    r = w.run("indicators", "--format", "json", "--audience", "intern", *args)
    assert r.code == 0, r
    doc = json.loads(r.out)
    return [i for i in doc["indicatoren"] if i["id"] == "B"][0]


def inhuur(b, which):
    return cents(next(c["teller"] for c in b["uitsplitsingen"]["post"][which]
                      if c["sleutel"] == "inhuur"))


def report(w, name, *args):
    r = w.run("report", "--xlsx", name + ".xlsx", "--pdf", name + ".pdf", *args)
    assert r.code == 0, r
    return (openpyxl.load_workbook(os.path.join(w.path, name + ".xlsx")),
            os.path.join(w.path, name + ".pdf"))


def pdf_text(path, first=None, last=None, layout=True):
    args = ["pdftotext"] + (["-layout"] if layout else [])
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    out = subprocess.run(args + [path, "-"], capture_output=True, text=True,
                         check=True).stdout
    return out.replace("\xa0", " ")


def outline(path):
    out = subprocess.run(["qpdf", "--json", "--json-key=outlines", path],
                         capture_output=True, text=True, check=True).stdout
    return [(o["title"], o["destpageposfrom1"]) for o in json.loads(out)["outlines"]]


def team_checks(w, tag, *args):
    """The Team sheet's kosten against B's inhuur, periode and cumulatief."""
    wb, pdf = report(w, tag, "--audience", "intern", *args)
    head, data, total = table(wb["Team"])
    b = b_of(w, *args)
    for col, which in (("Kosten periode", "periode"), ("Kosten cumulatief", "cumulatief")):
        k = head.index(col)
        rows = sum(cents(r[k]) for r in data)
        check(rows == cents(total[k]) == inhuur(b, which),
              f"team_{which}_kosten_add_up_to_b_inhuur_to_the_cent_{tag}",
              f"rows {rows} total {cents(total[k])} B {inhuur(b, which)}")
    return wb, pdf, head, data, total


# ---- the demo --------------------------------------------------------------
w = Workdir()
w.init()
files = sorted(glob.glob(os.path.join(FX, "*.csv")) + glob.glob(os.path.join(FX, "*.json")))
r = w.run("import", *files)
check(r.code == 0, "demo_fixtures_import", r)

wb, pdf, head, data, total = team_checks(w, "demo-2026-Q1", "--period", "2026-Q1")
team_checks(w, "demo-2025-Q2", "--period", "2025-Q2")
# A peildatum inside the period cuts both B's and the team's periode short.
team_checks(w, "demo-mid", "--period", "2025-Q4", "--peildatum", "2025-11-19")

# The budget per post reads B's kept inzet per day when the store has its
# columns, and the tables otherwise: the same figures either way.
for per, peil in (("2026-Q1", None), ("2025-Q4", "2025-11-19")):
    extra = ["--peildatum", peil] if peil else []
    ways = []
    for env in (None, {"PIJLERMONITOR_GEEN_KOLOMMEN": "1"}):
        name = f"posts-{per}-{'sql' if env else 'cols'}"
        r = w.run("report", "--xlsx", name + ".xlsx", "--period", per, "--audience",
                  "intern", *extra, env=env)
        ways.append(table(openpyxl.load_workbook(
            os.path.join(w.path, name + ".xlsx"))["Budget per post"])[1]
            if r.code == 0 else None)
    check(ways[0] is not None and ways[0] == ways[1],
          f"posts_{per}_same_from_the_columns_and_from_the_tables", ways)
check(wb.sheetnames[-7:-3] == SHEETS, "intern_workbook_has_the_management_sheets_in_order",
      wb.sheetnames)

# Real cells: dates are dates, money numbers with a euro format, and the
# table is filtered with its header frozen.
ws = wb["Team"]
check(ws.freeze_panes is not None and ws.auto_filter.ref is not None,
      "team_sheet_has_frozen_header_and_autofilter", (ws.freeze_panes, ws.auto_filter.ref))
k = head.index("Start")
check(all(hasattr(r[k], "year") for r in data), "team_start_is_a_real_date_cell")
k = head.index("Uurtarief")
euro_fmt = ws.cell(row=[i for i, r in enumerate(ws.iter_rows(values_only=True), 1)
                        if r[0] == data[0][0]][0], column=k + 1).number_format
check(isinstance(data[0][k], (int, float)) and "€" in euro_fmt,
      "team_rate_is_a_number_with_a_euro_format", euro_fmt)
names = {s["naam"] for s in read_csv("specialisten.csv")}
check({r[0] for r in data} == names, "team_lists_every_specialist_of_the_fixture",
      names ^ {r[0] for r in data})

# The rate cap: the demo has one at exactly € 120,00 (not above it); a
# store with one above is flagged.
k = head.index("Tarief boven maximum")
check(all(not r[k] for r in data), "no_demo_rate_is_above_the_cap_of_120")

# Assigned requests in the period: the requests' own specialist field.
hv = read_csv("hulpvragen.csv")
spec_of = {s["naam"]: s["id"] for s in read_csv("specialisten.csv")}
k = head.index("Hulpvragen periode")
want = {n: sum(1 for h in hv if h["specialist"] == i and "2026-01-01" <= h["ontvangen"][:10]
               <= "2026-03-31") for n, i in spec_of.items()}
got = {r[0]: r[k] for r in data}
check(got == want, "assigned_requests_are_the_requests_specialist_field_in_the_period",
      {n: (got.get(n), want[n]) for n in want if got.get(n) != want[n]})

# Budget per post for 2025 against B for the year 2025.
wb25, pdf25 = report(w, "demo-2025", "--period", "2025", "--audience", "intern")
b25 = b_of(w, "--period", "2025")
head, posts, tot = table(wb25["Budget per post"])
col = {h: i for i, h in enumerate(head)}
for c in ("Begroting jaar", "Begroting t/m peildatum", "Realisatie", "Prognose 31-12",
          "Afwijking"):
    check(sum(cents(p[col[c]]) for p in posts) == cents(tot[col[c]]),
          f"posts_{c.replace(' ', '_')}_add_up_to_the_total")
check(cents(tot[col["Begroting jaar"]]) == cents(b25["cumulatief"]["jaarbegroting"]),
      "posts_total_begroting_is_b_jaarbegroting",
      (tot[col["Begroting jaar"]], b25["cumulatief"]["jaarbegroting"]))
check(cents(tot[col["Prognose 31-12"]]) == cents(b25["cumulatief"]["prognose"]),
      "posts_total_prognose_is_b_prognose",
      (tot[col["Prognose 31-12"]], b25["cumulatief"]["prognose"]))
check(cents(tot[col["Realisatie"]]) == cents(b25["periode"]["realisatie"]),
      "posts_total_realisatie_is_b_realisatie_of_the_year",
      (tot[col["Realisatie"]], b25["periode"]["realisatie"]))
bcells = {c["sleutel"]: cents(c["teller"]) for c in b25["uitsplitsingen"]["post"]["periode"]}
check([cents(p[col["Realisatie"]]) for p in posts] == list(bcells.values()),
      "each_post_realisatie_is_b_post_cell", (posts, bcells))
check(any(p[col["Marge"]] == "buiten marge" for p in posts)
      and any(not p[col["Marge"]] for p in posts),
      "posts_outside_the_10_percent_margin_are_marked_and_only_those")
for p in posts:
    pr, re_ = cents(p[col["Begroting t/m peildatum"]]), cents(p[col["Realisatie"]])
    want_flag = abs(re_ - pr) > pr / 10 if pr else re_ != 0
    if bool(p[col["Marge"]]) != want_flag:
        check(False, "margin_flag_follows_ten_percent_of_pro_rata", p)
        break
else:
    check(True, "margin_flag_follows_ten_percent_of_pro_rata")

# 2024: the programme starts 1 July; the year runs from there.
b24 = b_of(w, "--period", "2024")
wb24, _ = report(w, "demo-2024", "--period", "2024", "--audience", "intern")
_, _, tot24 = table(wb24["Budget per post"])
check(cents(tot24[col["Begroting jaar"]]) == cents(b24["cumulatief"]["jaarbegroting"])
      and cents(tot24[col["Realisatie"]]) == cents(b24["periode"]["realisatie"]),
      "posts_2024_start_at_the_programme_start_like_b", (tot24, b24["cumulatief"]))

# Milestones: every milestone of the fixture, in the sheet and on the pages.
ms = read_csv("mijlpalen.csv")
head, rows, _ = table(wb["Mijlpalen"])
check(sorted(r[0] for r in rows) == sorted(m["id"] for m in ms),
      "mijlpalen_sheet_lists_every_milestone", [r[0] for r in rows])
gep = {r[0]: r[head.index("Gepland")].date().isoformat() for r in rows}
check(all(gep[m["id"]] == "-".join(reversed(m["gepland"].split("-"))) for m in ms),
      "mijlpalen_sheet_has_each_planned_date", gep)
late = {r[0]: r[head.index("Werkdagen te laat")] for r in rows}
check(late.get("MP-R4-05") == 5 and late.get("MP-R4-01") is None,
      "a_late_milestone_has_its_working_days_late", late)

# The R4 and R5 timelines count lateness in working days, as this sheet and
# the Mijlpalen page do (they gave calendar days: "7 dagen te laat").
whole = " ".join(pdf_text(pdf, 1, 99, layout=False).split())
check("5 werkdagen te laat" in whole and not re.search(r"\d+ dagen te laat", whole),
      "timelines_give_lateness_in_working_days_like_the_mijlpalen_sheet",
      re.findall(r".{40}dag(?:en)? te laat", whole))

ol = outline(pdf)
titles = [t for t, _ in ol]
# Only the appendix of the charts' numbers (issue 16) follows them.
check(titles[-5:-1] == PAGES and titles[-1] == "Bijlage: cijfers bij de grafieken",
      "intern_outline_ends_with_the_management_pages", ol)
first = dict(ol)["Mijlpalen"]
text = pdf_text(pdf, first, first)
missing = [m["id"] for m in ms if m["id"] not in text]
check(not missing, "mijlpalen_page_lists_every_milestone", missing)
first = dict(ol)["Team"]
text = " ".join(pdf_text(pdf, first, first, layout=False).split())
check(all(n in text for n in names), "team_page_names_every_specialist",
      [n for n in names if n not in text])
check("Totaal (14)" in text and "€ 92.922,20" in text,
      "team_page_has_the_totals_row", text[-2000:])
# The demo's roles and evidence fit their cells (they were cut with "…").
for page in ("Team", "Mijlpalen"):
    first = dict(ol)[page]
    check("…" not in pdf_text(pdf, first, first, layout=False),
          f"{page.lower()}_page_cuts_no_demo_cell_short")

# ---- extern ------------------------------------------------------------------
wbe, pdfe = report(w, "extern", "--period", "2026-Q1", "--audience", "extern")
check(not set(SHEETS) & set(wbe.sheetnames), "extern_workbook_has_no_management_sheet",
      wbe.sheetnames)
cells = " ".join(str(v) for ws in wbe.worksheets for r in ws.iter_rows(values_only=True)
                 for v in r if v is not None)
check(not [n for n in names if n in cells], "extern_workbook_names_no_specialist",
      [n for n in names if n in cells])
text = " ".join(pdf_text(pdfe, layout=False).split())
check(not [n for n in names if n in text], "extern_pdf_names_no_specialist")
check(not set(PAGES) & {t for t, _ in outline(pdfe)}, "extern_pdf_has_no_management_page",
      outline(pdfe))
check("Openstaande hulpvragen" not in text and "Werkdagen open" not in text,
      "extern_pdf_has_no_open_request_table")

# ---- odd rates: half cents, quarter hours ----------------------------------------
o = Workdir()
o.init()
spec = [["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"],
        ["S1", "Odette Oneven", "expert", "juridisch", "97,33", "01-07-2024", ""],
        ["S2", "Piet Precies", "specialist", "bedrijfsvoering", "88,01", "01-07-2024", ""],
        ["S3", "Roos Rest", "regioadviseur", "participatieketen", "101,17", "01-07-2024", ""],
        ["S4", "Tom Tarief", "expert", "juridisch", "125,00", "01-07-2024", ""]]
inzet = [["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"]]
n = 0
for day in range(1, 29):
    for sid, uren in (("S1", "0,25"), ("S2", "0,5"), ("S3", "0,75"), ("S4", "0,25")):
        if (day + len(sid) + int(sid[1])) % 3:
            n += 1
            inzet.append([f"I{n:04d}", sid, f"2025-02-{day:02d}", uren, "", ""])
r = o.run("import", o.file("specialisten.csv", csv_text(spec)),
          o.file("inzet.csv", csv_text(inzet)))
check(r.code == 0, "odd_rates_store_imports", r)
wbo, pdfo, head, data, total = team_checks(o, "odd", "--period", "2025-Q1")
# Rounding each specialist alone would not add up here: the test can fail.
hours = {}
for row in inzet[1:]:
    hours[row[1]] = hours.get(row[1], 0) + Decimal(row[3].replace(",", "."))
rate = {s[0]: Decimal(s[4].replace(",", ".")) for s in spec[1:]}
naive = sum(int((hours[s] * rate[s] * 100).to_integral_value(ROUND_HALF_UP)) for s in hours)
exact = int((sum(hours[s] * rate[s] for s in hours) * 100).to_integral_value(ROUND_HALF_UP))
check(naive != exact, "odd_store_is_one_where_rounding_each_specialist_alone_fails",
      (naive, exact))
check(cents(total[head.index("Kosten periode")]) == exact,
      "odd_store_team_total_is_the_exact_sum_rounded_once")
k = head.index("Tarief boven maximum")
flag = {r[0]: r[k] for r in data}
check(flag["Tom Tarief"] == "boven het maximum van € 120,00" and not flag["Odette Oneven"],
      "a_rate_above_the_cap_is_flagged_boven_het_maximum", flag)
# Reading order, not layout: the rate cell wraps over lines beside others.
text = " ".join(pdf_text(pdfo, dict(outline(pdfo))["Team"], layout=False).split())
check(re.search(r"€ 125,00 .{0,24}boven .{0,24}maximum", text) and "1 uurtarief ligt boven het maximum van € 120,00" in
      " ".join(text.split()), "team_page_flags_the_rate_above_the_cap", text[-800:])

# ---- a long open list over several pages ---------------------------------------------
g = Workdir()
g.init()
orgs = [["id", "naam", "type", "regio"], ["GM0363", "Amsterdam", "gemeente", "Noord-West"]]
reqs = [["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp", "specialist",
         "status", "afgerond_op"]]
for i in range(200):
    reqs.append([f"HV-{i:04d}", "GM0363", f"2025-{1 + i % 12:02d}-{1 + i % 27:02d}", "",
                 "juridisch", "", "open", ""])
r = g.run("import", g.file("organisaties.csv", csv_text(orgs)),
          g.file("hulpvragen.csv", csv_text(reqs)))
check(r.code == 0, "two_hundred_open_requests_import", r)
wbg, pdfg = report(g, "lang", "--period", "2025-Q4", "--audience", "intern")
ol = outline(pdfg)
start = dict(ol)["Openstaande hulpvragen"]
after = dict(ol)["Budget per post"]
pages = list(range(start, after))
check(len(pages) >= 3, "two_hundred_open_requests_take_several_pages", ol)
seen = []
heads = 0
for p in pages:
    t = pdf_text(pdfg, p)
    heads += "Hulpvraag" in t and "Ontvangen" in t and "Organisatie" in t
    seen += [w_ for w_ in t.split() if w_.startswith("HV-")]
check(heads == len(pages), "every_page_of_the_open_list_repeats_the_header_row",
      (heads, len(pages)))
check(sorted(seen) == sorted(r_[0] for r_ in reqs[1:]),
      "every_open_request_appears_once_across_the_pages", len(seen))
check("(vervolg)" in pdf_text(pdfg, pages[1]), "a_continuation_page_says_vervolg")
_, rows, _ = table(wbg["Openstaand"])
check(len(rows) == 200, "openstaand_sheet_has_every_open_request", len(rows))
info = subprocess.run(["pdfinfo", pdfg], capture_output=True, text=True).stdout
npages = int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages")))
last = pdf_text(pdfg, npages)
check(f"Pagina {npages} van {npages}" in " ".join(last.split()),
      "footer_page_count_includes_the_management_pages", last[-200:])

# ---- more open requests than the PDF lists ---------------------------------------------
# The PDF shows the 500 oldest (then by id) and says where the rest are; the
# workbook has them all.
k = Workdir()
k.init()
many = [reqs[0]]
for i in range(520):
    day = datetime.date(2024, 7, 1) + datetime.timedelta(days=i % 400)
    many.append([f"HV-{i:04d}", "GM0363", day.isoformat(), "", "juridisch", "", "open", ""])
r = k.run("import", k.file("organisaties.csv", csv_text(orgs)),
          k.file("hulpvragen.csv", csv_text(many)))
check(r.code == 0, "five_hundred_twenty_open_requests_import", r)
wbk, pdfk = report(k, "veel", "--period", "2025-Q4", "--audience", "intern")
ol = dict(outline(pdfk))
shown, note = [], ""
for p in range(ol["Openstaande hulpvragen"], ol["Budget per post"]):
    t = pdf_text(pdfk, p)
    shown += [w_ for w_ in t.split() if w_.startswith("HV-")]
    note += " ".join(t.split())
oldest = [q[0] for q in sorted(many[1:], key=lambda q: (q[2], q[0]))][:500]
check(shown == oldest, "the_pdf_lists_the_500_oldest_open_requests_in_order",
      (len(shown), shown[:3], oldest[:3]))
check("toont de 500 oudste van de 520 openstaande hulpvragen" in note,
      "the_pdf_says_it_lists_500_of_520", note[-600:])
_, rows, _ = table(wbk["Openstaand"])
check(len(rows) == 520, "the_openstaand_sheet_has_all_520", len(rows))

done()
