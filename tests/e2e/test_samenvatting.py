"""The generated samenvatting and the bereik (issue 15 points 1 and 5; SPEC
§10): every number in a sentence is a JSON figure of the indicator it names;
extern sentences quote no hidden cell, also when the hidden cell is the one
furthest from the total; singular and plural; the same run twice gives the
same bytes; the PDF's page 2 is the Samenvatting; the workbook's sheets are
in the agreed order; and the bereik equals a count made here from the
fixture CSV files, not from the database."""
import csv
import datetime as dt
import io
import json
import os
import re
import subprocess

import openpyxl

from pmtest import (BASE_SPECIALISTEN, SRC, Workdir, check, csv_text, done)

ENV = {"SOURCE_DATE_EPOCH": "1775001600"}  # 2026-04-01

w = Workdir()
demo = os.path.join(w.path, "demo")
r_demo = w.run("demo", demo, db=False, env=ENV)
assert r_demo.code == 0, r_demo
w.db = os.path.join(demo, "pijlermonitor.db")


def indicators_json(wd, *args):
    r = wd.run("indicators", "--format", "json", *args, env=ENV)
    assert r.code == 0, r
    return json.loads(r.out), r


def pdftext(path, page=None):
    args = ["pdftotext"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    cp = subprocess.run(args + [path, "-"], capture_output=True, text=True)
    assert cp.returncode == 0, cp.stderr
    return " ".join(cp.stdout.replace("\xa0", " ").split())


# ---- the numbers of a sentence ---------------------------------------------

# Words that hold a number but quote no figure: period and date names, the
# rule's own constants.
NOT_FIGURES = [r"\d+e kwartaal \d{4}", r"\d{2}-\d{2}-\d{4}", r"over \d{4}",
               r"binnen 5 werkdagen", r"een 7 of hoger", r"minder dan \d+", r"\bR\d\b", r"\b\d{4}\b(?=[:.,;) ]|$)"]
TOKEN = re.compile(r"€ -?[\d.]+,\d{2}|-?\d[\d.]*(?:,\d+)?%?")


def numbers(sentence):
    """(kind, value) of every number: 'euro' in euros, 'pct' in percent,
    'num' a plain number."""
    s = sentence
    for p in NOT_FIGURES:
        s = re.sub(p, " ", s)
    out = []
    for t in TOKEN.findall(s):
        if t.startswith("€"):
            out.append(("euro", float(t[2:].replace(".", "").replace(",", "."))))
        elif t.endswith("%"):
            out.append(("pct", float(t[:-1].replace(".", "").replace(",", "."))))
        else:
            out.append(("num", float(t.replace(".", "").replace(",", "."))))
    return out


def json_numbers(obj, out=None):
    """Every number anywhere in obj."""
    out = [] if out is None else out
    if isinstance(obj, bool) or obj is None:
        return out
    if isinstance(obj, (int, float)):
        out.append(float(obj))
    elif isinstance(obj, dict):
        for v in obj.values():
            json_numbers(v, out)
    elif isinstance(obj, list):
        for v in obj:
            json_numbers(v, out)
    return out


def figures_of(ind):
    """The figures a sentence about ind may quote: its periode, cumulatief,
    vergelijking, eindstanden and doel, the regio and type cells of the
    periode, and the two differences the sentences say in words (te laat =
    noemer - teller; R6's difference with the previous period)."""
    vals = json_numbers([ind["doel"], ind["periode"], ind["cumulatief"],
                         ind.get("vergelijking"), ind["eindstanden"]])
    for key in ("regio", "type"):
        b = ind["uitsplitsingen"].get(key)
        if b:
            vals += json_numbers(b["periode"])
    p = ind["periode"]
    if p.get("teller") is not None and p.get("noemer") is not None:
        vals.append(float(p["noemer"] - p["teller"]))
    v = ind.get("vergelijking")
    if v and ind["id"] == "R6" and v.get("verschil") is not None:
        vals.append(abs(float(v["verschil"])))
    return vals


def matches(kind, x, vals):
    if kind == "pct":
        return any(abs(v * 100 - x) <= 0.05 + 1e-9 for v in vals)
    if kind == "euro":
        return any(abs(v - x) <= 0.005 for v in vals)
    return any(abs(v - x) <= 0.05 + 1e-9 for v in vals)


def unmatched(doc):
    """Numbers of the samenvatting that are no figure of what they name."""
    by_id = {i["id"]: i for i in doc["indicatoren"]}
    bad = []
    for line in doc["samenvatting"]:
        iid, zin = line["indicator"], line["zin"]
        if iid:
            vals = figures_of(by_id[iid])
        elif zin.startswith("Bereik"):
            vals = json_numbers(doc["bereik"])
        elif zin.startswith("Bij de controle van de gegevens"):
            vals = json_numbers(doc.get("controle"))
        else:
            vals = []
        for kind, x in numbers(zin):
            if not matches(kind, x, vals):
                bad.append((iid, kind, x, zin[:160]))
    return bad


# ---- every number is the figure it names ------------------------------------

for period in ("2025-Q3", "2026-Q1", "2025-Q1"):
    for audience in ("intern", "extern"):
        doc, _ = indicators_json(w, "--period", period, "--audience", audience,
                                 "--vergelijk", "vorige")
        ids = [x["indicator"] for x in doc["samenvatting"]]
        check(all(i in ids for i in ("R1", "R2", "R3", "R4", "R5", "R6", "B")),
              f"samenvatting_{period}_{audience}_has_a_sentence_per_indicator", ids)
        bad = unmatched(doc)
        check(not bad and sum(len(numbers(x["zin"])) for x in doc["samenvatting"]) > 20,
              f"every_number_of_the_samenvatting_{period}_{audience}_is_a_json_figure", bad)

doc_q3, _ = indicators_json(w, "--period", "2025-Q3", "--audience", "intern",
                            "--vergelijk", "vorige")
r1 = next(x["zin"] for x in doc_q3["samenvatting"] if x["indicator"] == "R1")
v = next(i for i in doc_q3["indicatoren"] if i["id"] == "R1")["vergelijking"]
check(v["significant"] is True and "steeg het aandeel hulpvragen met een tijdige reactie "
      "duidelijk" in r1, "a_significant_rise_reads_steeg_duidelijk", r1)
r2 = next(x["zin"] for x in doc_q3["samenvatting"] if x["indicator"] == "R2")
v2 = next(i for i in doc_q3["indicatoren"] if i["id"] == "R2")["vergelijking"]
check(v2["significant"] is False and "binnen de marge van toeval" in r2 and
      "duidelijk" not in r2, "a_change_that_is_not_significant_is_within_the_margin", r2)
shapes = {re.sub(r"[\d.,%€]+", "#", x["zin"]).split(".")[0]
          for x in doc_q3["samenvatting"] if x["indicator"]}
check(len(shapes) == 7, "the_seven_indicators_open_with_seven_different_sentences", shapes)
check(not re.search(r"\d{4}-Q\d|\d{4}-\d{2}-\d{2}", " ".join(x["zin"] for x in
                                                            doc_q3["samenvatting"])),
      "no_iso_period_or_date_in_the_sentences", doc_q3["samenvatting"])

# Without --vergelijk the JSON's comparison stays absent.
plain, _ = indicators_json(w, "--period", "2025-Q3")
check("vergelijking" not in plain and all("vergelijking" not in i
                                          for i in plain["indicatoren"]),
      "indicators_without_vergelijk_has_no_comparison", list(plain))

# ---- deterministic ------------------------------------------------------------

a, _ = indicators_json(w, "--period", "2025-Q3", "--audience", "extern")
b, _ = indicators_json(w, "--period", "2025-Q3", "--audience", "extern")
check(a["samenvatting"] == b["samenvatting"] and a["bereik"] == b["bereik"],
      "two_runs_give_the_same_samenvatting_and_bereik")
outs = []
for n in (1, 2):
    pdf = os.path.join(w.path, f"run{n}.pdf")
    xlsx = os.path.join(w.path, f"run{n}.xlsx")
    r = w.run("report", "--period", "2025-Q3", "--audience", "extern", "--pdf", pdf,
              "--xlsx", xlsx, env=ENV)
    assert r.code == 0, r
    outs.append((open(pdf, "rb").read(), open(xlsx, "rb").read()))
check(outs[0] == outs[1], "two_report_runs_are_byte_identical")

# ---- PDF page 2 and the workbook's sheets -------------------------------------

pdf = os.path.join(w.path, "run1.pdf")
p1, p2 = pdftext(pdf, 1), pdftext(pdf, 2)
check("Samenvatting Belangrijkste ontwikkelingen" in p2 and "Bereik" in p2,
      "pdf_page_2_is_the_samenvatting_with_the_bereik", p2[:300])
# Nine pages of report, then the appendix of the charts' numbers (issue 16).
m = re.search(r"Pagina 2 van (\d+)", p2)
check(m and int(m.group(1)) > 9, "pdf_page_2_has_the_footer", p2[-200:])
check(re.search(r"Bij de controle van de gegevens zijn \d+ waarschuwingen gevonden", p2),
      "pdf_samenvatting_counts_the_data_warnings", p2[-600:])
check("procentpunt" not in p1 and "Ten opzichte van" in p2,
      "the_dashboard_shows_no_comparison_the_user_did_not_ask_for", p1[:400])
# Every sentence is on the page whole: nothing clipped. The report compares
# with the previous period for its sentences, as --vergelijk vorige does.
same, _ = indicators_json(w, "--period", "2025-Q3", "--audience", "extern", "--vergelijk",
                          "vorige")
for line in same["samenvatting"]:
    check(" ".join(line["zin"].split()) in p2,
          f"pdf_page_2_holds_the_whole_sentence_of_{line['indicator'] or 'report'}",
          line["zin"][:120])
wb = openpyxl.load_workbook(os.path.join(w.path, "run1.xlsx"))
check(wb.sheetnames[:4] == ["Overzicht", "Samenvatting", "Bereik", "R1"],
      "workbook_sheets_overzicht_samenvatting_bereik_then_indicators", wb.sheetnames)
rows = [r for r in wb["Samenvatting"].iter_rows(values_only=True) if r[0] and r[1]]
check([(r[0], r[1]) for r in rows[1:]] ==
      [(x["indicator"] or "Algemeen", x["zin"]) for x in same["samenvatting"]],
      "workbook_samenvatting_is_one_row_per_sentence_with_the_indicator_in_a", rows[:3])
# The sentence about check's warnings is in the JSON as in the PDF and the
# workbook (it was left out of indicators' JSON), with its count as a figure.
warn = [x["zin"] for x in same["samenvatting"]
        if x["zin"].startswith("Bij de controle van de gegevens")]
m = re.search(r"zijn (\d+) waarschuwingen gevonden", warn[0]) if len(warn) == 1 else None
check(m and " ".join(warn[0].split()) in p2 and int(m.group(1)) > 0
      and same.get("controle") == {"waarschuwingen": int(m.group(1))},
      "json_samenvatting_has_the_warnings_sentence_of_the_pdf_with_its_count",
      (warn, same.get("controle")))

# ---- bereik: counted here from the fixture files ------------------------------


def read_fixture(name):
    with open(os.path.join(SRC, "fixtures", "demo", name), encoding="utf-8-sig",
              newline="") as f:
        text = f.read()
    head = text.split("\n", 1)[0]
    sep = ";" if head.count(";") > head.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=sep))


def day(s):
    s = s.strip()[:10]
    if re.match(r"\d{2}-\d{2}-\d{4}", s):
        return dt.date(int(s[6:]), int(s[3:5]), int(s[:2]))
    return dt.date.fromisoformat(s)


ORGS = {o["id"].strip(): (o["type"].strip(), o["regio"].strip())
        for o in read_fixture("organisaties.csv")}
REQS = [(q["organisatie"].strip(), day(q["ontvangen"])) for q in read_fixture("hulpvragen.csv")]
REGIOS = ["Noord-West", "Noord", "Midden", "Oost", "Zuid-West", "Zuid"]


def hand_count(van, tot):
    seen = {o for o, d in REQS if van <= d <= tot}
    out = {"gemeenten": 0, "sob": 0, "sob_totaal": 0,
           "per_regio": {r: [0, 0, 0] for r in REGIOS}}
    for oid, (typ, regio) in ORGS.items():
        out["sob_totaal"] += typ == "sob"
        if typ == "gemeente" and regio in REGIOS:
            out["per_regio"][regio][1] += 1
        if oid not in seen:
            continue
        if typ == "gemeente":
            out["gemeenten"] += 1
            out["per_regio"][regio][0] += 1
        elif typ == "sob":
            out["sob"] += 1
            out["per_regio"][regio][2] += 1
    return out


def same_reach(js, hand):
    got = {"gemeenten": js["gemeenten"], "sob": js["sob"], "sob_totaal": js["sob_totaal"],
           "per_regio": {c["regio"]: [c["gemeenten"], c["gemeenten_totaal"], c["sob"]]
                         for c in js["per_regio"]}}
    return got == hand and js["gemeenten_totaal"] == 342, (got, hand)


START = dt.date(2024, 7, 1)
for period, van, tot, cum_from in (
        ("2026-Q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31), START),
        ("2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 30), START),
        ("2024-Q4", dt.date(2024, 10, 1), dt.date(2024, 12, 31), START)):
    doc, _ = indicators_json(w, "--period", period, "--audience", "intern")
    ok, detail = same_reach(doc["bereik"]["periode"], hand_count(van, tot))
    check(ok, f"bereik_{period}_periode_equals_the_count_from_the_fixture_files", detail)
    ok, detail = same_reach(doc["bereik"]["cumulatief"], hand_count(cum_from, tot))
    check(ok, f"bereik_{period}_cumulatief_equals_the_count_from_the_fixture_files", detail)

# Under a filter the reach counts the filter's organisations only.
doc, _ = indicators_json(w, "--period", "2026-Q1", "--audience", "intern", "--regio",
                         "Oost")
hand = hand_count(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
oost = next(c for c in doc["bereik"]["periode"]["per_regio"] if c["regio"] == "Oost")
check(doc["bereik"]["gefilterd"] is True and
      doc["bereik"]["periode"]["gemeenten"] == hand["per_regio"]["Oost"][0] and
      oost["gemeenten"] == hand["per_regio"]["Oost"][0] and
      all(c["gemeenten"] == 0 for c in doc["bereik"]["periode"]["per_regio"]
          if c["regio"] != "Oost"),
      "bereik_under_a_regio_filter_counts_that_regio_only", doc["bereik"]["periode"])

# Extern: a regio count of 1-4 organisations is never shown, and what is
# hidden is null with its reason.
ext, _ = indicators_json(w, "--period", "2025-Q3", "--audience", "extern")
intr, _ = indicators_json(w, "--period", "2025-Q3", "--audience", "intern")
small_shown, hidden_ok = [], True
for rng in ("periode", "cumulatief"):
    for ce, ci in zip(ext["bereik"][rng]["per_regio"], intr["bereik"][rng]["per_regio"]):
        for k in ("gemeenten", "sob"):
            if ce[k] is not None and 1 <= ce[k] <= 4:
                small_shown.append((rng, ce["regio"], k, ce[k]))
            if ce[k] is None and not (ce.get(k + "_onderdrukt") and ci[k] is not None):
                hidden_ok = False
            if ce[k] is not None and ce[k] != ci[k]:
                hidden_ok = False
check(not small_shown, "extern_bereik_shows_no_regio_count_of_1_to_4", small_shown)
check(hidden_ok and any(c["sob"] is None for c in ext["bereik"]["periode"]["per_regio"]),
      "extern_bereik_hides_with_a_reason_and_shows_the_rest_as_intern", ext["bereik"])
secondary = [c for c in ext["bereik"]["periode"]["per_regio"]
             if c.get("gemeenten_onderdrukt") == "secundair"]
check(secondary, "extern_bereik_hides_a_second_cell_where_the_total_would_give_one_away",
      ext["bereik"]["periode"])

# Each hidden count shows the mark of its kind: "<5" (fewer than 5
# organisations) or "x" (hidden beside a small one, never "<5"), in the
# workbook's Bereik sheet and on the PDF's Samenvatting page, each with its
# legend line.
r = w.run("report", "--period", "2025-Q3", "--audience", "extern", "--xlsx", "bm.xlsx",
          "--pdf", "bm.pdf")
want = {"primair": "<5", "secundair": "x"}
got, exp = [], []
if r.code == 0:
    rows = [[c.value for c in row] for row in
            openpyxl.load_workbook(os.path.join(w.path, "bm.xlsx"))["Bereik"].iter_rows()]
    regio_rows = [row for row in rows if row and row[0] in
                  [c["regio"] for c in ext["bereik"]["periode"]["per_regio"]]]
    per_rows = regio_rows[:len(ext["bereik"]["periode"]["per_regio"])]
    for row, c in zip(per_rows, ext["bereik"]["periode"]["per_regio"]):
        got += [row[1], row[4]]
        exp += [want[c["gemeenten_onderdrukt"]] if c["gemeenten"] is None else c["gemeenten"],
                want[c["sob_onderdrukt"]] if c["sob"] is None else c["sob"]]
    notes = " ".join(str(v) for row in rows for v in row if v)
check(r.code == 0 and got == exp and "x" in exp and "<5" in exp,
      "extern_bereik_sheet_marks_each_hidden_count_by_its_kind", (got, exp))
check(r.code == 0 and "<5 = " in notes and "x = " in notes,
      "extern_bereik_sheet_explains_both_marks", notes[-400:] if r.code == 0 else r)
page2 = pdftext(os.path.join(w.path, "bm.pdf"), 2) if r.code == 0 else ""
check("x = " in page2 and "<5 = " in page2 and "minder dan 5 organisaties, of" not in page2,
      "extern_samenvatting_page_explains_both_marks_of_the_bereik", page2[-600:])

# A filtered extern report shows no bereik count the national one hides: a
# regio filter's total would otherwise be the hidden regio cell itself.
shown_more = []
for regio in REGIOS + ["Noord Oost"]:
    args = sum((["--regio", x] for x in regio.split(" ") if x), [])
    for typ in ([], ["--type", "gemeente"], ["--type", "sob"]):
        fe, _ = indicators_json(w, "--period", "2025-Q3", "--audience", "extern", *args, *typ)
        for rng in ("periode", "cumulatief"):
            nat = {c["regio"]: c for c in ext["bereik"][rng]["per_regio"]}
            f = fe["bereik"][rng]
            hidden_nat = {(c["regio"], k) for c in nat.values() for k in ("gemeenten", "sob")
                          if c[k] is None}
            for c in f["per_regio"]:
                for k in ("gemeenten", "sob"):
                    if (c["regio"], k) in hidden_nat and c[k]:
                        shown_more.append((regio, typ, rng, c["regio"], k, c[k]))
            for k in ("gemeenten", "sob"):
                inside = [c for c in f["per_regio"]
                          if (c["regio"], k) in hidden_nat and c[k] is None]
                if f[k] is not None and inside and f[k] != ext["bereik"][rng][k]:
                    shown_more.append((regio, typ, rng, "totaal", k, f[k]))
check(not shown_more, "filtered_extern_bereik_shows_nothing_the_national_one_hides",
      shown_more)
fe, _ = indicators_json(w, "--period", "2025-Q3", "--audience", "extern", "--regio", "Oost")
lines = {x["indicator"]: x["zin"] for x in fe["samenvatting"]}
check(all(lines[i].startswith("Voor het hele programma: ") for i in ("R4", "R5", "R6", "B"))
      and not any(lines[i].startswith("Voor het hele programma") for i in ("R1", "R2", "R3"))
      and any(x["zin"].startswith("Bereik binnen het filter") for x in fe["samenvatting"]
              if x["indicator"] is None),
      "under_a_filter_r4_to_b_speak_of_the_whole_programme", lines)

# ---- extern sentences quote no hidden value -----------------------------------


def hidden_values(doc_e, doc_i):
    """Per indicator the percentages (as shown, one decimal) of the cells the
    extern JSON hides, taken from the intern JSON of the same data."""
    out = {}
    ints = {i["id"]: i for i in doc_i["indicatoren"]}
    for ind in doc_e["indicatoren"]:
        vals = set()
        for key, bd in ind["uitsplitsingen"].items():
            for rng in ("periode", "cumulatief"):
                for ce in bd[rng]:
                    if "onderdrukt" not in ce:
                        continue
                    ci = next(c for c in ints[ind["id"]]["uitsplitsingen"][key][rng]
                              if c["sleutel"] == ce["sleutel"])
                    if ci.get("waarde") is not None:
                        vals.add(round(ci["waarde"] * 100, 1))
        out[ind["id"]] = vals
    return out


def leaks(doc_e, doc_i):
    hidden = hidden_values(doc_e, doc_i)
    by_id = {i["id"]: i for i in doc_e["indicatoren"]}
    found = []
    for line in doc_e["samenvatting"]:
        iid = line["indicator"]
        if not iid:
            continue
        shown = figures_of(by_id[iid])
        for kind, x in numbers(line["zin"]):
            if kind == "pct" and any(abs(h - x) < 0.05 for h in hidden[iid]) and \
                    not matches(kind, x, shown):
                found.append((iid, x, line["zin"]))
    return found


for period in ("2025-Q3", "2026-Q1", "2024-Q4"):
    de, _ = indicators_json(w, "--period", period, "--audience", "extern", "--vergelijk",
                            "vorige")
    di, _ = indicators_json(w, "--period", period, "--audience", "intern", "--vergelijk",
                            "vorige")
    check(not leaks(de, di), f"extern_samenvatting_{period}_quotes_no_hidden_cell",
          leaks(de, di))

# A store where the cell furthest from the total is hidden in extern: regio
# Oost holds 5 late requests (0%), Midden 3 (primary); the total then gives
# Midden away unless the smallest other cell, Oost, goes too.
h = Workdir()
h.init()
orgs = [["id", "naam", "type", "regio"],
        ["GM0363", "Amsterdam", "gemeente", "Noord-West"],
        ["GM0344", "Utrecht", "gemeente", "Midden"],
        ["GM0200", "Apeldoorn", "gemeente", "Oost"],
        ["SOB002", "Werkbedrijf Zuid", "sob", "Zuid"],
        ["SOB003", "Werkbedrijf Noord", "sob", "Noord"],
        ["VNG", "Vereniging van Nederlandse Gemeenten", "opdrachtgever", ""]]
reqs = [["id", "organisatie", "ontvangen", "eerste_contact"]]
n = 0
for org, count, contact in (("GM0363", 20, "2025-07-08"), ("GM0344", 3, "2025-07-08"),
                            ("GM0200", 5, ""), ("SOB002", 6, "2025-07-08"),
                            ("SOB003", 6, "2025-07-08")):
    for _ in range(count):
        n += 1
        reqs.append([f"HV{n:03d}", org, "2025-07-07", contact])
r = h.run("import", h.file("organisaties.csv", csv_text(orgs)),
          h.file("specialisten.csv", csv_text(BASE_SPECIALISTEN)),
          h.file("hulpvragen.csv", csv_text(reqs)))
assert r.code == 0, r
hi, _ = indicators_json(h, "--period", "2025-Q3", "--audience", "intern")
he, _ = indicators_json(h, "--period", "2025-Q3", "--audience", "extern")
zin_i = next(x["zin"] for x in hi["samenvatting"] if x["indicator"] == "R1")
zin_e = next(x["zin"] for x in he["samenvatting"] if x["indicator"] == "R1")
oost_e = next(c for c in next(i for i in he["indicatoren"] if i["id"] == "R1")
              ["uitsplitsingen"]["regio"]["periode"] if c["sleutel"] == "Oost")
check("regio Oost, met 0,0% (5 hulpvragen)" in zin_i,
      "intern_names_the_cell_furthest_from_the_total", zin_i)
check(oost_e.get("onderdrukt") == "secundair", "extern_hides_that_cell_secondarily", oost_e)
check("Oost" not in zin_e and not re.search(r"(?<![\d])0,0%", zin_e) and
      "Het verst van het totaal" in zin_e,
      "extern_names_the_furthest_cell_it_may_show_instead", zin_e)
check(not leaks(he, hi), "extern_samenvatting_quotes_no_hidden_cell_of_the_crafted_store",
      leaks(he, hi))

# ---- singular and plural ------------------------------------------------------

s = Workdir()
s.init()
inzet = [["id", "specialist", "datum", "uren"], ["IZ1", "SP01", "2025-07-08", "2"],
         ["IZ2", "SP01", "2025-10-08", "2"], ["IZ3", "SP02", "2025-10-09", "2"]]
reqs = [["id", "organisatie", "ontvangen", "eerste_contact"],
        ["HV1", "GM0363", "2025-07-07", "2025-07-08"],
        ["HV2", "GM0363", "2025-10-06", "2025-10-07"],
        ["HV3", "GM0344", "2025-10-06", "2025-10-07"]]
kp = [["id", "titel", "soort", "gepubliceerd", "kanalen"],
      ["KP1", "Handreiking", "handleiding", "2025-07-10", "website"],
      ["KP2", "Factsheet", "factsheet", "2025-10-10", "website"],
      ["KP3", "Webinar", "webinar", "2025-10-11", "website"]]
r = s.run("import", s.file("organisaties.csv", csv_text(orgs)),
          s.file("specialisten.csv", csv_text(BASE_SPECIALISTEN)),
          s.file("hulpvragen.csv", csv_text(reqs)), s.file("inzet.csv", csv_text(inzet)),
          s.file("kennisproducten.csv", csv_text(kp)))
assert r.code == 0, r
one, _ = indicators_json(s, "--period", "2025-Q3", "--audience", "intern")
two, _ = indicators_json(s, "--period", "2025-Q4", "--audience", "intern")


def zin(doc, iid):
    return next(x["zin"] for x in doc["samenvatting"] if x["indicator"] == iid)


check("over 1 hulpvraag al te beslissen; die kreeg een eerste reactie" in zin(one, "R1"),
      "one_request_reads_1_hulpvraag", zin(one, "R1"))
check("van de 2 hulpvragen" in zin(two, "R1"), "two_requests_read_2_hulpvragen",
      zin(two, "R1"))
check("was 1 specialist actief" in zin(one, "R3"), "one_specialist_reads_was_1_specialist",
      zin(one, "R3"))
check("waren 2 specialisten actief" in zin(two, "R3"),
      "two_specialists_read_waren_2_specialisten", zin(two, "R3"))
check("verscheen 1 kennisproduct dat actief is verspreid" in zin(one, "R6"),
      "one_product_reads_verscheen_1_kennisproduct", zin(one, "R6"))
check("verschenen 2 kennisproducten die actief zijn verspreid" in zin(two, "R6"),
      "two_products_read_verschenen_2_kennisproducten", zin(two, "R6"))
check("R1 staat op grijs (te weinig gegevens: 1 hulpvraag beoordeeld, minimaal 5 nodig)"
      in zin(one, "R1"), "the_status_reason_of_one_request_is_singular_too", zin(one, "R1"))
check("was geen enkele specialist actief." in zin(hi, "R3"),
      "no_active_specialist_reads_geen_enkele_specialist", zin(hi, "R3"))
bereik_one = next(x["zin"] for x in one["samenvatting"] if x["indicator"] is None)
check("vroegen 1 van de 342 gemeenten en 0 SOB's om hulp" in bereik_one,
      "bereik_sentence_counts_the_gemeenten_of_342", bereik_one)

# A withdrawn request no longer counts toward the reach.
r = s.run("intrekken", "hulpvragen", "HV1", "--reden", "testregel")
gone, _ = indicators_json(s, "--period", "2025-Q3", "--audience", "intern")
check(r.code == 0 and one["bereik"]["periode"]["gemeenten"] == 1 and
      gone["bereik"]["periode"]["gemeenten"] == 0,
      "a_withdrawn_request_leaves_the_bereik", (r, gone["bereik"]["periode"]))

done()
