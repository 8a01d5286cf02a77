"""Target periods end to end (SPEC §3, §5, §7, issue 13 points 1-4): on the
demo data, the eindstand of the first target period is exactly the periode
object of `indicators --period START..END` with the same peildatum, in both
audiences; `doelperiode` names the running target period or is null; every
status carries a Dutch `reden`; a `vervolg` in the configuration starts its
own cumulatief; the table output shows the eindstand; and configuration
errors name the key."""
import csv
import glob
import io
import json
import os
import re
import subprocess
import zipfile
from datetime import date, timedelta

from pmtest import Workdir, check, done, SRC

FX = os.path.join(SRC, "fixtures", "demo")
IDS = ["R1", "R2", "R3", "R4", "R5", "R6", "B"]

w = Workdir()
w.init()
files = sorted(glob.glob(os.path.join(FX, "*.csv")) + glob.glob(os.path.join(FX, "*.json")))
r = w.run("import", *files)
check(r.code == 0, "demo_fixtures_import", r)


def ind(*args):
    r = w.run("indicators", "--format", "json", *args)
    if not check(r.code == 0, "indicators_" + "_".join(a.strip("-") for a in args) + "_exits_0",
                 r):
        return {}
    return json.loads(r.out)


def by_id(js):
    return {i["id"]: i for i in js.get("indicatoren", [])}


# ---- the eindstand is the periode of the target period's own range ------------
for audience in ("intern", "extern"):
    after = by_id(ind("--period", "2026-Q1", "--audience", audience))
    whole = by_id(ind("--period", "2024-07-01..2025-12-31", "--peildatum", "2026-03-31",
                      "--audience", audience))
    for iid in IDS:
        es = after.get(iid, {}).get("eindstanden", [])
        if not check(len(es) == 1, f"{audience}_{iid}_2026_q1_has_one_eindstand", es):
            continue
        e = dict(es[0])
        extra = {k: e.pop(k, None) for k in ("doelperiode", "doel", "oordeel")}
        check(e == whole[iid]["periode"],
              f"{audience}_{iid}_eindstand_is_exactly_the_periode_of_the_target_period",
              (e, whole[iid]["periode"]))
        check(extra["doelperiode"] == {"van": "2024-07-01", "tot": "2025-12-31"}
              and extra["oordeel"] in ("gehaald", "niet gehaald", "geen gegevens"),
              f"{audience}_{iid}_eindstand_names_its_doelperiode_and_oordeel", extra)
        colour = {"gehaald": "groen", "niet gehaald": "rood", "geen gegevens": "grijs"}
        check(e["status"] == colour[extra["oordeel"]] and e["status"] != "oranje",
              f"{audience}_{iid}_eindstand_status_follows_the_oordeel_never_oranje", e)

# The demo story (fixtures/demo/README.md): R1 missed its target at the end of
# 2025 (415 of 463 as known on 31-12-2025), R2, R3, R6 and B made theirs,
# R4 and R5 missed theirs by a late milestone.
q4 = ind("--period", "2025-Q4")
dq4 = by_id(q4)
oordelen = {i: dq4[i]["eindstanden"][0]["oordeel"] for i in IDS if dq4.get(i, {}).get("eindstanden")}
check(oordelen == {"R1": "niet gehaald", "R2": "gehaald", "R3": "gehaald",
                   "R4": "niet gehaald", "R5": "niet gehaald", "R6": "gehaald",
                   "B": "gehaald"}, "demo_eindstand_2025_as_the_story_tells", oordelen)
r1 = dq4.get("R1", {})
check(r1.get("eindstanden", [{}])[0].get("teller") == 415
      and r1["eindstanden"][0].get("noemer") == 463,
      "demo_r1_eindstand_is_415_of_463_on_31_12_2025", r1.get("eindstanden"))
# On the last day the running status is the verdict: never oranje.
check(all(dq4[i]["status"] != "oranje" and dq4[i]["cumulatief"]["status"] != "oranje"
          for i in IDS), "last_day_statuses_are_never_oranje",
      {i: dq4[i]["status"] for i in IDS})
check(dq4["R1"]["status"] == "rood" and dq4["R1"]["reden"].endswith("doel niet gehaald"),
      "last_day_r1_is_rood_niet_gehaald", dq4["R1"]["reden"])
check(q4.get("doelperiode") == {"van": "2024-07-01", "tot": "2025-12-31"},
      "doelperiode_on_the_last_day_is_the_first_target_period", q4.get("doelperiode"))

# ---- after the last target period ---------------------------------------------
q1 = ind("--period", "2026-Q1")
d1 = by_id(q1)
check("doelperiode" in q1 and q1["doelperiode"] is None, "doelperiode_after_the_end_is_null",
      q1.get("doelperiode"))
check(all(d1[i]["status"] == "grijs" and d1[i]["reden"] == "geen doel na 31-12-2025"
          and d1[i]["cumulatief"]["van"] == "2024-07-01" for i in IDS),
      "after_the_end_every_status_is_grijs_geen_doel_na_31_12_2025",
      {i: (d1[i]["status"], d1[i]["reden"]) for i in IDS})
check(all(d1[i]["trend"][-1]["status"] == "grijs" for i in IDS),
      "the_2026_q1_trend_point_has_no_target", [d1[i]["trend"][-1]["status"] for i in IDS])
check(all(d1[i]["trend"][-2]["status"] != "grijs" or d1[i]["trend"][-2]["reden"]
          != "geen doel na 31-12-2025" for i in IDS),
      "the_2025_q4_trend_point_keeps_its_target", [d1[i]["trend"][-2] for i in IDS])

# ---- every status has a reason ------------------------------------------------
for label, js in (("2025_Q4", q4), ("2026_Q1", q1), ("2025_Q2", ind("--period", "2025-Q2"))):
    missing = []
    for i in js.get("indicatoren", []):
        objs = [i, i["periode"], i["cumulatief"]] + i["trend"] + i["eindstanden"]
        for o in objs:
            if not isinstance(o.get("reden"), str) or not o["reden"] or "\n" in o["reden"]:
                missing.append((i["id"], o.get("status"), o.get("reden")))
    check(not missing, f"{label}_every_status_has_a_one_line_reden", missing)

d2 = by_id(ind("--period", "2025-Q2"))
check(d2["R1"]["periode"]["reden"].startswith(f"{str(round(d2['R1']['periode']['waarde'] * 100, 1)).replace('.', ',')}% op tijd"),
      "reden_r1_quotes_its_percentage", d2["R1"]["periode"]["reden"])

# ---- a follow-up target period ------------------------------------------------
w.file("vervolg.json", json.dumps(
    {"vervolg": [{"tot": "2026-12-31", "doelen": {"R6": 4, "R1": 0.95}}]}))
v = ind("--period", "2026-Q1", "--config", "vervolg.json")
dv = by_id(v)
check(v.get("doelperiode") == {"van": "2026-01-01", "tot": "2026-12-31"},
      "vervolg_2026_q1_runs_in_the_follow_up", v.get("doelperiode"))
check(all(dv[i]["cumulatief"]["van"] == "2026-01-01" for i in IDS),
      "vervolg_cumulatief_starts_at_the_follow_up", [dv[i]["cumulatief"]["van"] for i in IDS])
check(dv["R1"]["cumulatief"] == {**dv["R1"]["periode"], "reden": dv["R1"]["cumulatief"]["reden"]}
      or (dv["R1"]["cumulatief"]["teller"] == dv["R1"]["periode"]["teller"]
          and dv["R1"]["cumulatief"]["noemer"] == dv["R1"]["periode"]["noemer"]),
      "vervolg_cumulatief_of_its_first_quarter_equals_the_periode", dv["R1"])
check(dv["R1"]["doel"] == 0.95 and "doel van 95%" in dv["R1"]["reden"],
      "vervolg_judges_against_its_own_targets", dv["R1"]["reden"])
check(dv["R6"]["cumulatief"]["aantal"] == dv["R6"]["periode"]["aantal"]
      and "doel van 4" in dv["R6"]["reden"],
      "vervolg_r6_counts_products_published_in_it", dv["R6"])
# ---- the follow-up's cumulatief breakdowns run over its own range -------------
# An independent count of R1 per regio over 2026-01-01..2026-03-31 from the
# fixture rows (SPEC §4 calendar, §5 R1), as the cumulatief tables in a
# follow-up target period must show it.
def fixture_rows(name):
    with open(os.path.join(FX, name), encoding="utf-8-sig", newline="") as f:
        text = f.read()
    sep = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    return [{k.strip().lower(): (v or "").strip() for k, v in rec.items()}
            for rec in csv.DictReader(io.StringIO(text), delimiter=sep)]


def iso(s):
    if not s:
        return None
    s = s.split("T")[0].split(" ")[0]
    a, b, c = s.split("-")
    return date(int(a), int(b), int(c)) if len(a) == 4 else date(int(c), int(b), int(a))


def easter(y):
    a, b, c = y % 19, y // 100, y % 100
    d, e, f = b // 4, b % 4, (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    return date(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)


DECREE = {date(2024, 5, 10), date(2024, 12, 27), date(2025, 5, 30), date(2026, 1, 2),
          date(2026, 5, 15)}


def working(d):
    p = easter(d.year)
    king = date(d.year, 4, 27) if date(d.year, 4, 27).weekday() != 6 else date(d.year, 4, 26)
    feest = {date(d.year, 1, 1), p + timedelta(days=1), p + timedelta(days=39),
             p + timedelta(days=50), king, date(d.year, 5, 5), date(d.year, 12, 25),
             date(d.year, 12, 26)}
    return d.weekday() < 5 and d not in feest and d not in DECREE


def r1_per_regio(van, tot, peil):
    regio = {o["id"]: o.get("regio") or None for o in fixture_rows("organisaties.csv")}
    out = {}
    for h in fixture_rows("hulpvragen.csv"):
        got = iso(h["ontvangen"])
        if got is None or not van <= got <= tot:
            continue
        dl, n = got, 0
        while n < 5:
            dl += timedelta(days=1)
            n += working(dl)
        contact = iso(h["eerste_contact"])
        contact = contact if contact is not None and contact <= peil else None
        if contact is None and peil <= dl:
            continue  # pending: left out
        cell = out.setdefault(regio.get(h["organisatie"]), [0, 0])
        cell[0] += contact is not None and contact <= dl
        cell[1] += 1
    return out


expected = r1_per_regio(date(2026, 1, 1), date(2026, 3, 31), date(2026, 3, 31))
for period in ("2026-Q1", "2026-03", "2025-10-01..2026-03-31", "2025"):
    vi = by_id(ind("--period", period, "--peildatum", "2026-03-31", "--config",
                   "vervolg.json", "--audience", "intern"))
    cells = vi.get("R1", {}).get("uitsplitsingen", vi.get("R1", {}).get("breakdowns", {}))
    cum = {c["sleutel"]: [c.get("teller"), c.get("noemer")]
           for c in cells.get("regio", {}).get("cumulatief", [])}
    want = {k: expected.get(k, [0, 0]) for k in cum}
    check(cum and cum == want and all(k in cum for k in expected if k),
          f"vervolg_{period}_r1_cumulatief_per_regio_counts_2026_01_01_to_2026_03_31",
          (cum, expected))
    check(sum(c[0] for c in cum.values()) == vi["R1"]["cumulatief"]["teller"]
          and sum(c[1] for c in cum.values()) == vi["R1"]["cumulatief"]["noemer"],
          f"vervolg_{period}_r1_cumulatief_regio_cells_add_up_to_the_figure",
          (cum, vi["R1"]["cumulatief"]))

# Every label of the cumulatief follows it: the PDF's "Cumulatief … t/m …"
# and "Sinds …", the workbook's breakdown group rows and its "Cumulatief
# vanaf" line name 01-01-2026, never the programme start.
for period in ("2026-Q1", "2025"):
    r = w.run("report", "--period", period, "--peildatum", "2026-03-31", "--config",
              "vervolg.json", "--audience", "extern", "--pdf", f"v-{period}.pdf",
              "--xlsx", f"v-{period}.xlsx")
    if not check(r.code == 0, f"vervolg_{period}_report_exits_0", r):
        continue
    cp = subprocess.run(["pdftotext", os.path.join(w.path, f"v-{period}.pdf"), "-"],
                        capture_output=True, text=True)
    text = " ".join(cp.stdout.replace("\xa0", " ").split())
    labels = re.findall(r"Cumulatief,? (\d\d-\d\d-\d{4}) t/m (\d\d-\d\d-\d{4})", text)
    sinds = re.findall(r"Sinds (\d\d-\d\d-\d{4})", text)
    check(labels and all(l == ("01-01-2026", "31-03-2026") for l in labels)
          and sinds and all(d == "01-01-2026" for d in sinds)
          and "01-07-2024 t/m 31-03-2026" not in text,
          f"vervolg_{period}_pdf_cumulatief_labels_start_01_01_2026", (labels, sinds))
    with zipfile.ZipFile(os.path.join(w.path, f"v-{period}.xlsx")) as z:
        sheets = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                         if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml")
    groups = re.findall(r"Cumulatief (?:(\d\d-\d\d-\d{4}) )?t/m (\d\d-\d\d-\d{4})", sheets)
    check(groups and all(g == ("01-01-2026", "31-03-2026") for g in groups),
          f"vervolg_{period}_workbook_breakdowns_say_cumulatief_01_01_2026", groups)

across = by_id(ind("--period", "2025-10-01..2026-03-31", "--config", "vervolg.json"))
check(all(across[i]["periode"]["status"] == "grijs"
          and across[i]["periode"]["reden"] == "loopt over twee doelperioden" for i in IDS),
      "periode_across_two_target_periods_is_grijs_with_its_reason",
      {i: across[i]["periode"]["reden"] for i in IDS})

# ---- the table shows the eindstand and the reasons -----------------------------
r = w.run("indicators", "--period", "2026-Q1")
check(r.code == 0 and "Eindstand doelperiode 01-07-2024 t/m 31-12-2025" in r.out
      and "— niet gehaald" in r.out and "geen doel na 31-12-2025" in r.out,
      "table_shows_the_eindstand_and_reasons", r.out)

# ---- the CSV: an eindstand row and the reason of every row --------------------
import csv as csvmod  # noqa: E402
import io  # noqa: E402

r = w.run("indicators", "--period", "2025-Q4", "--format", "csv")
rows = list(csvmod.reader(io.StringIO(r.out), delimiter=";"))
hdr = rows[0] if rows else []
eind = [x for x in rows[1:] if x[:2] == ["R1", "eindstand"]]
check(r.code == 0 and hdr[-2:] == ["oordeel", "reden"] and len(eind) == 1
      and eind[0][2:6] == ["01-07-2024", "31-12-2025", "415", "463"]
      and eind[0][-2] == "niet gehaald" and all(x[-1] for x in rows[1:]),
      "csv_has_eindstand_rows_and_a_reason_for_every_status", rows[:4])

# ---- the PDF dashboard leads with the eindstand; pages state it ----------------
import subprocess  # noqa: E402

r = w.run("report", "--period", "2025-Q4", "--pdf", "q4.pdf", "--audience", "extern")
if check(r.code == 0, "report_2025_q4_pdf_exits_0", r):
    pdf = os.path.join(w.path, "q4.pdf")
    page1 = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-"],
                           capture_output=True, text=True).stdout
    check("Eindstand 31-12-2025" in page1 and "89,6% (415 van 463) — niet gehaald" in page1,
          "pdf_dashboard_leads_with_the_eindstand", page1)
    check("het doel is gehaald" not in page1 and "binnen bereik" not in page1
          and "op koers" not in page1,
          "pdf_dashboard_has_no_generic_legend_that_can_be_false", page1)
    check("doel niet gehaald" in page1, "pdf_tiles_show_the_reason", page1)
    # The R1 page: page 3 since issue 15 put the Samenvatting on page 2.
    page2 = subprocess.run(["pdftotext", "-f", "3", "-l", "3", pdf, "-"],
                           capture_output=True, text=True).stdout
    check("Eindstand doelperiode 01-07-2024 t/m 31-12-2025" in page2
          and "Status rood:" in page2 and "Status periode 4e kwartaal 2025 groen: 94,6% op tijd" in page2,
          "pdf_indicator_page_states_status_reasons_and_eindstand",
          page2)

# ---- the workbook's overview: reason beside the status, an eindstand block -----
r = w.run("report", "--period", "2026-Q1", "--xlsx", "q1.xlsx", "--audience", "extern")
if check(r.code == 0, "report_2026_q1_xlsx_exits_0", r):
    import openpyxl  # noqa: E402
    ws = openpyxl.load_workbook(os.path.join(w.path, "q1.xlsx"))["Overzicht"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    head = next((i for i, row in enumerate(rows) if row[:2] == ["Id", "Indicator"]), None)
    hdr = rows[head] if head is not None else []
    ok = head is not None and "Reden van de status" in hdr \
        and hdr.index("Reden van de status") == hdr.index("Status (cumulatief)") + 1
    check(ok, "xlsx_reason_stands_beside_the_status", hdr)
    if ok:
        r1row = rows[head + 1]
        check(r1row[0] == "R1" and r1row[hdr.index("Reden van de status")]
              == "geen doel na 31-12-2025", "xlsx_r1_reason_after_the_end", r1row)
    eind = next((i for i, row in enumerate(rows)
                 if isinstance(row[0], str) and row[0].startswith("Eindstand 31-12-2025")), None)
    check(eind is not None and rows[eind + 1][:8] == ["Id", "Indicator", "Doel", "Waarde", "n",
                                                        "Oordeel", "Status", "Reden"]
          and rows[eind + 2][0] == "R1" and rows[eind + 2][5] == "niet gehaald"
          and rows[eind + 2][6] == "rood",
          "xlsx_overview_has_its_own_eindstand_block",
          rows[eind:eind + 4] if eind is not None else rows)

# ---- configuration errors name the key ----------------------------------------
w.file("bad.json", json.dumps({"vervolg": [{"tot": "2026-12-31"}, {"tot": "2026-06-30"}]}))
r = w.run("indicators", "--period", "2026-Q1", "--config", "bad.json")
check(r.code == 2 and "vervolg[1].tot" in r.err, "vervolg_out_of_order_is_exit_2_naming_the_key",
      r)

done()
