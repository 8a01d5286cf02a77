"""--vergelijk (SPEC §9, issue 14 point 3): per indicator the comparison
period's figures as known on the report's peildatum, the difference, and for
the sampled proportions Newcombe's interval and the words that follow it.

The demo's comparison figures are checked against the independent oracle of
test_demo_figures.py (exact arithmetic straight from fixtures/demo/, never
from the database), loaded without running that test. One request is added
that is pending on 30-09-2025 and on time by 31-12-2025, so "as known on the
report's peildatum" and "as known at the comparison period's end" differ."""
import csv
import io
import json
import math
import os
import subprocess
from datetime import date, timedelta
from fractions import Fraction

from pmtest import Workdir, base, check, csv_text, done, SRC

# The oracle: test_demo_figures.py up to where its own test starts.
_path = os.path.join(SRC, "tests", "e2e", "test_demo_figures.py")
with open(_path, encoding="utf-8") as f:
    _src = f.read()
O = {"__file__": _path, "__name__": "oracle"}
exec(compile(_src[:_src.index("\nw = Workdir()")], _path, "exec"), O)

IDS = ["R1", "R2", "R3", "R4", "R5", "R6", "B"]
Z95 = 1.959963984540054


def wilson(k, n):
    p, z2 = k / n, Z95 * Z95
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return (0.0 if k == 0 else max(0.0, centre - half),
            1.0 if k == n else min(1.0, centre + half))


def newcombe(k1, n1, k2, n2):
    """Newcombe (1998) method 10, written out here as the oracle."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    d = p1 - p2
    return (max(-1.0, d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)),
            min(1.0, d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)))


def close(a, b, tol=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol


def indicators(w, *args):
    r = w.run("indicators", "--format", "json", *args)
    assert r.code == 0, r
    return json.loads(r.out)


def by_id(doc):
    return {i["id"]: i for i in doc["indicatoren"]}


def oracle_periode(van, tot, peil):
    """The oracle's periode figures of every indicator for van..tot."""
    o = O["oracle"](van, tot, peil)
    out = {}
    for iid in ("R1", "R2", "R3", "R4", "R5"):
        f = o[iid]["periode"]
        out[iid] = {"teller": f["teller"], "noemer": f["noemer"],
                    "waarde": Fraction(f["teller"], f["noemer"]) if f["noemer"] else None}
        if iid == "R3":
            out[iid]["actief"] = f["actief"]
    out["R6"] = {"aantal": o["R6"]["periode"]["aantal"]}
    b = o["B"]["periode"]
    out["B"] = {"realisatie": b["realisatie"], "begroting": b["begroting"],
                "waarde": b["waarde"]}
    return out


def same_figures(iid, expected, v):
    """The comparison object v holds the oracle's figures."""
    if iid == "R6":
        return v["aantal"] == expected["aantal"]
    if iid == "B":
        return (abs(Fraction(repr(v["realisatie"])) - expected["realisatie"]) <= Fraction(1, 200)
                and abs(Fraction(repr(v["begroting"])) - expected["begroting"]) <= Fraction(1, 200)
                and close(v["waarde"], expected["waarde"], 1e-6))
    ok = (v["teller"] == expected["teller"] and v["noemer"] == expected["noemer"]
          and close(v["waarde"], expected["waarde"]))
    if iid == "R3":
        ok = ok and v["actief"] == expected["actief"]
    return ok


def expected_verschil(iid, now, then):
    if iid == "R6":
        return now["aantal"] - then["aantal"]
    if now["waarde"] is None or then["waarde"] is None:
        return None
    return now["waarde"] - then["waarde"]


def check_against_oracle(w, label, args, now_range, then_range, peil):
    doc = indicators(w, *args)
    ind = by_id(doc)
    vg = doc.get("vergelijking") or {}
    check(vg.get("van") == then_range[0].isoformat() and vg.get("tot") == then_range[1].isoformat(),
          f"{label}_compares_with_{then_range[0]}_to_{then_range[1]}", vg)
    now = oracle_periode(now_range[0], now_range[1], peil)
    then = oracle_periode(then_range[0], then_range[1], peil)
    for iid in IDS:
        v = ind[iid].get("vergelijking", {})
        check(v.get("periode") == {"van": then_range[0].isoformat(),
                                   "tot": then_range[1].isoformat()} and
              same_figures(iid, then[iid], v),
              f"{label}_{iid}_comparison_figures_equal_the_oracle_as_known_on_{peil}",
              f"oracle {then[iid]}\ntool {v}")
        want = expected_verschil(iid, now[iid], then[iid])
        # B in whole cents, as the tool keeps money: a ratio within 1e-6.
        check(close(v.get("verschil"), want, 1e-6 if iid == "B" else 1e-9),
              f"{label}_{iid}_verschil_is_the_difference", f"oracle {want}, tool {v.get('verschil')}")
        if iid in ("R1", "R2", "R3") and now[iid]["noemer"] and then[iid]["noemer"]:
            lo, hi = newcombe(now[iid]["teller"], now[iid]["noemer"],
                              then[iid]["teller"], then[iid]["noemer"])
            iv = v.get("interval")
            check(iv is not None and close(iv[0], lo) and close(iv[1], hi)
                  and v.get("significant") == (lo > 0 or hi < 0),
                  f"{label}_{iid}_has_newcombes_interval_and_significance",
                  f"oracle {lo}, {hi}; tool {iv} {v.get('significant')}")
        elif iid in ("R4", "R5", "R6", "B"):
            check(v.get("interval") is None and v.get("significant") is None,
                  f"{label}_{iid}_counts_everything_so_has_no_interval", v)
    return doc


w = Workdir()
out_dir = os.path.join(w.path, "demo")
r = w.run("demo", out_dir, db=False)
check(r.code == 0, "demo_exits_0", r)
w.db = os.path.join(out_dir, "pijlermonitor.db")

# A request received on Friday 26-09-2025 (deadline Friday 03-10-2025) with
# first contact on 01-10-2025: pending as known on 30-09 (left out of R1), on
# time as known on 31-12. The comparison of 2025-Q4 must count it.
org = sorted(O["ORGS"])[0]
extra = w.file("hulpvragen_extra.csv", csv_text([
    ["id", "organisatie", "ontvangen", "eerste_contact", "status"],
    ["HV-VGL-LAAT", org, "2025-09-26", "2025-10-01", "lopend"]]))
r = w.run("import", extra)
check(r.code == 0, "a_late_registered_contact_imports", r)
O["HULPVRAGEN"].append(dict(id="HV-VGL-LAAT", organisatie=org, ontvangen=date(2025, 9, 26),
                            eerste_contact=date(2025, 10, 1)))

Q3 = (date(2025, 7, 1), date(2025, 9, 30))
Q4 = (date(2025, 10, 1), date(2025, 12, 31))
at_q3_end = O["r1"](Q3[0], Q3[1], Q3[1])
at_q4_end = O["r1"](Q3[0], Q3[1], Q4[1])
check(at_q4_end["noemer"] == at_q3_end["noemer"] + 1 or at_q4_end["noemer"] > at_q3_end["noemer"],
      "the_oracle_sees_more_decided_q3_requests_on_31_12_than_on_30_09",
      f"{at_q3_end['noemer']} vs {at_q4_end['noemer']}")

# ---- vorige of a quarter, as known on the report's peildatum ---------------
doc = check_against_oracle(w, "q4_vorige", ["--period", "2025-Q4", "--vergelijk", "vorige"],
                           Q4, Q3, Q4[1])
ind = by_id(doc)
v1 = ind["R1"]["vergelijking"]
check(v1["noemer"] == at_q4_end["noemer"] and v1["noemer"] != at_q3_end["noemer"],
      "q4_vorige_r1_counts_q3_as_known_on_31_12_not_as_known_on_30_09",
      f"tool {v1['noemer']}, on 31-12 {at_q4_end['noemer']}, on 30-09 {at_q3_end['noemer']}")
own = by_id(indicators(w, "--period", "2025-Q3", "--peildatum", "2025-09-30"))
check(own["R1"]["periode"]["noemer"] == at_q3_end["noemer"] and
      own["R1"]["periode"]["noemer"] != v1["noemer"],
      "q3s_own_report_on_30_09_differs_from_the_comparison", own["R1"]["periode"])
t3 = [t for t in ind["R1"]["trend"] if t["kwartaal"] == "2025-Q3"][0]
check(t3["teller"] == v1["teller"] and t3["noemer"] == v1["noemer"],
      "q4_vorige_r1_equals_the_trend_point_of_q3", (t3, v1))
check(doc["vergelijking"]["soort"] == "vorige", "top_level_soort_is_vorige", doc["vergelijking"])

# The JSON schema of a comparison.
keys = {"periode", "teller", "noemer", "waarde", "verschil", "interval", "significant", "tekst"}
check(all(keys <= set(ind[i]["vergelijking"]) for i in IDS),
      "every_indicator_has_the_comparison_keys", {i: sorted(ind[i]["vergelijking"]) for i in IDS})
check("actief" in ind["R3"]["vergelijking"] and "verschil_actief" in ind["R3"]["vergelijking"],
      "r3_comparison_has_actief_and_its_difference", ind["R3"]["vergelijking"])
check(ind["R3"]["vergelijking"]["verschil_actief"] ==
      ind["R3"]["periode"]["actief"] - ind["R3"]["vergelijking"]["actief"],
      "r3_verschil_actief_is_actief_minus_earlier_actief", ind["R3"]["vergelijking"])
check("aantal" in ind["R6"]["vergelijking"], "r6_comparison_has_aantal", ind["R6"]["vergelijking"])
check({"begroting", "realisatie"} <= set(ind["B"]["vergelijking"]),
      "b_comparison_has_its_money_fields", ind["B"]["vergelijking"])
check(set(doc["vergelijking"]) >= {"soort", "van", "tot"}, "top_level_comparison_keys",
      doc["vergelijking"])

# Words: on the demo no proportion changed clearly, so no "duidelijk".
for iid in ("R1", "R2"):
    v = ind[iid]["vergelijking"]
    check(v["significant"] is False and "binnen de marge van toeval" in v["tekst"]
          and "3e kwartaal 2025" in v["tekst"] and "duidelijk" not in v["tekst"],
          f"q4_vorige_{iid}_not_significant_says_binnen_de_marge_van_toeval", v["tekst"])
r6v = ind["R6"]["vergelijking"]
d6 = ind["R6"]["periode"]["aantal"] - r6v["aantal"]
want6 = (f"{abs(d6)} {'meer' if d6 > 0 else 'minder'} dan in 3e kwartaal 2025" if d6
         else "evenveel als in 3e kwartaal 2025")
check(r6v["tekst"].startswith(want6), "r6_words_say_the_count_difference", r6v["tekst"])
check("actief:" in ind["R3"]["vergelijking"]["tekst"], "r3_words_show_the_actief_difference",
      ind["R3"]["vergelijking"]["tekst"])

# ---- vorigjaar, a month, a year, a custom range ----------------------------
check_against_oracle(w, "q4_vorigjaar", ["--period", "2025-Q4", "--vergelijk", "vorigjaar"],
                     Q4, (date(2024, 10, 1), date(2024, 12, 31)), Q4[1])
doc = indicators(w, "--period", "2025-Q4", "--vergelijk", "vorigjaar")
check(doc["vergelijking"]["soort"] == "vorigjaar", "top_level_soort_is_vorigjaar", doc["vergelijking"])
check_against_oracle(w, "month_vorige", ["--period", "2025-11", "--vergelijk", "vorige"],
                     (date(2025, 11, 1), date(2025, 11, 30)),
                     (date(2025, 10, 1), date(2025, 10, 31)), date(2025, 11, 30))
check_against_oracle(w, "year_vorige", ["--period", "2025", "--vergelijk", "vorige"],
                     (date(2025, 1, 1), date(2025, 12, 31)),
                     (date(2024, 1, 1), date(2024, 12, 31)), date(2025, 12, 31))
check_against_oracle(w, "range_vorige",
                     ["--period", "2025-10-15..2025-11-14", "--peildatum", "2025-12-31",
                      "--vergelijk", "vorige"],
                     (date(2025, 10, 15), date(2025, 11, 14)),
                     (date(2025, 9, 14), date(2025, 10, 14)), date(2025, 12, 31))

# ---- a comparison period before the programme start ------------------------
doc = indicators(w, "--period", "2024-Q3", "--peildatum", "2024-09-30", "--vergelijk", "vorige")
ind = by_id(doc)
check(doc["vergelijking"]["van"] == "2024-04-01" and doc["vergelijking"]["tot"] == "2024-06-30",
      "q3_2024_compares_with_q2_2024", doc["vergelijking"])
check(all(ind[i]["vergelijking"]["verschil"] is None and ind[i]["vergelijking"]["interval"] is None
          for i in IDS),
      "before_the_programme_start_nothing_is_compared",
      {i: ind[i]["vergelijking"]["verschil"] for i in IDS})
check(all("geen vergelijking" in ind[i]["vergelijking"]["tekst"] and
          "vóór de start van het programma" in ind[i]["vergelijking"]["tekst"] for i in IDS),
      "before_the_programme_start_the_words_say_so",
      {i: ind[i]["vergelijking"]["tekst"] for i in IDS})

# ---- an empty comparison inside the programme: words say what is missing ---
doc = indicators(w, "--period", "2025-Q4", "--vergelijk", "vorige")
r5 = by_id(doc)["R5"]
if r5["vergelijking"]["waarde"] is None:
    check(r5["vergelijking"]["verschil"] is None and
          r5["vergelijking"]["tekst"] == "geen vergelijking: in 3e kwartaal 2025 geen mijlpalen gepland",
          "no_milestones_in_the_comparison_period_is_said_in_words", r5["vergelijking"])

# ---- other outputs ----------------------------------------------------------
plain = indicators(w, "--period", "2025-Q4")
check("vergelijking" not in plain and all("vergelijking" not in i for i in plain["indicatoren"]),
      "without_vergelijk_the_json_has_no_comparison", list(plain))
r = w.run("indicators", "--period", "2025-Q4", "--format", "csv", "--vergelijk", "vorige")
rows = list(csv.reader(io.StringIO(r.out), delimiter=";"))
head = rows[0]
check(r.code == 0 and "verschil" in head and "vergelijking_tekst" in head and
      all(len(x) == len(head) for x in rows if x),
      "csv_gets_the_comparison_columns_on_every_row", head)
per = [x for x in rows[1:] if x and x[0] == "R1" and x[1] == "periode"][0]
check(per[head.index("vergelijking_van")] == "01-07-2025" and
      "binnen de marge van toeval" in per[head.index("vergelijking_tekst")],
      "csv_periode_row_holds_the_comparison", per)
r = w.run("indicators", "--period", "2025-Q4", "--format", "csv")
check("verschil" not in r.out.splitlines()[0], "csv_without_vergelijk_has_no_comparison_columns",
      r.out.splitlines()[0])
r = w.run("indicators", "--period", "2025-Q4", "--vergelijk", "vorige")
check(r.code == 0 and "Vergelijking met 3e kwartaal 2025 (zoals bekend op 31-12-2025):" in r.out
      and "Verschil" in r.out, "table_has_the_comparison_column_and_words", r.out)

xlsx = os.path.join(w.path, "v.xlsx")
pdf = os.path.join(w.path, "v.pdf")
r = w.run("report", "--period", "2025-Q4", "--peildatum", "2025-12-31", "--audience", "extern",
          "--vergelijk", "vorige", "--xlsx", xlsx, "--pdf", pdf)
check(r.code == 0, "report_with_vergelijk_exits_0", r)
try:
    import openpyxl
    ws = openpyxl.load_workbook(xlsx)["Overzicht"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    head = cells.get("Waarde 3e kwartaal 2025")
    ok = head is not None and cells.get("Verschil met de periode") is not None
    if ok:
        r1_row = [c for c in ws[head.row + 1]]
        vals = {c.column: c for c in r1_row}
        ok = (isinstance(vals[head.column].value, float) and
              isinstance(vals[head.column + 1].value, float) and
              "%-punt" in vals[head.column + 1].number_format and
              "marge van toeval" in str(vals[head.column + 2].value))
    check(ok, "workbook_overview_has_earlier_value_difference_and_words", sorted(cells)[:40])
except ImportError as e:
    check(False, "openpyxl_available", e)
text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True,
                      text=True).stdout
flat = " ".join(text.split())
check("Vergeleken met 3e kwartaal 2025" in flat and "binnen de marge van toeval" in flat,
      "pdf_page_1_says_the_comparison", flat[:2000])
pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
# Issue 15: + Samenvatting; issue 16: the appendix of the charts' numbers
# starts on page 10.
appendix = subprocess.run(["pdftotext", "-f", "10", "-l", "10", pdf, "-"],
                          capture_output=True, text=True).stdout
check("Bijlage: cijfers bij de grafieken" in appendix and "Bijlage: cijfers" not in
      subprocess.run(["pdftotext", "-l", "9", pdf, "-"], capture_output=True,
                     text=True).stdout, "pdf_with_vergelijk_keeps_its_pages", pages)

# ---- usage ------------------------------------------------------------------
r = w.run("indicators", "--period", "2025-Q4", "--vergelijk", "gisteren")
check(r.code == 1 and "onbekende vergelijking 'gisteren'" in r.err and "vorigjaar" in r.err,
      "vergelijk_gisteren_is_a_usage_error", r)
r = w.run("indicators", "--period", "1900-Q1", "--vergelijk", "vorige")
check(r.code == 1 and "vergelijkingsperiode" in r.err,
      "a_period_without_a_comparison_period_is_a_usage_error", r)
r = w.run("indicators", "--period", "2025-Q4", "--vergelijk", "vorige", "--vergelijk",
          "vorigjaar")
check(r.code == 1 and "twee keer" in r.err, "vergelijk_given_twice_is_a_usage_error", r)
r = w.run("indicators", "--period", "2025-Q4", "--vergelijk=vorigjaar", "--format", "json")
check(r.code == 0 and json.loads(r.out)["vergelijking"]["van"] == "2024-10-01",
      "vergelijk_with_an_equals_sign_is_accepted", r)
r = w.run("indicators", "--period", "2026-01-01..2026-03-31", "--peildatum", "2026-03-31",
          "--vergelijk", "vorige", "--format", "json")
check(r.code == 0 and json.loads(r.out)["vergelijking"]["van"] == "2025-10-01",
      "a_range_that_is_a_whole_quarter_compares_with_the_quarter_before", r)
r = w.run("check", "--vergelijk", "vorige")
check(r.code == 1, "vergelijk_belongs_to_the_figure_commands", r)

# ---- significant changes: a small store where R1 clearly rose and fell ------
s = Workdir()
base(s)
rows = [["id", "organisatie", "ontvangen", "eerste_contact", "status"]]


def requests(prefix, received, contact_after, n):
    """n requests on weekday received, first contact contact_after days later."""
    for i in range(n):
        rows.append([f"{prefix}-{i:02d}", "GM0363", received.isoformat(),
                     (received + timedelta(days=contact_after)).isoformat(), "afgerond"])


requests("Q2", date(2025, 4, 8), 1, 10)    # on time
requests("Q3", date(2025, 7, 8), 30, 10)   # late
requests("Q4", date(2025, 10, 7), 1, 12)   # on time, one late below
rows.append(["Q4-LAAT", "GM0363", "2025-10-07", "2025-11-20", "afgerond"])
r = s.run("import", s.file("hulpvragen.csv", csv_text(rows)))
check(r.code == 0, "significance_store_imports", r)
d = by_id(indicators(s, "--period", "2025-Q4", "--vergelijk", "vorige"))["R1"]["vergelijking"]
lo, hi = newcombe(12, 13, 0, 10)
check(d["significant"] is True and close(d["interval"][0], lo) and close(d["interval"][1], hi),
      "a_rise_from_0_of_10_to_12_of_13_is_significant", d)
check(d["tekst"] == "steeg duidelijk van 0,0% naar 92,3% (+92,3 procentpunt)",
      "a_significant_rise_says_steeg_duidelijk", d["tekst"])
d = by_id(indicators(s, "--period", "2025-Q3", "--peildatum", "2025-12-31",
                     "--vergelijk", "vorige"))["R1"]["vergelijking"]
check(d["significant"] is True and d["tekst"] == "daalde duidelijk van 100,0% naar 0,0% (-100,0 procentpunt)",
      "a_significant_fall_says_daalde_duidelijk", d)
d = by_id(indicators(s, "--period", "2025-Q4", "--vergelijk", "vorigjaar"))["R1"]["vergelijking"]
check(d["verschil"] is None and d["tekst"] == "geen vergelijking: in 4e kwartaal 2024 geen hulpvragen met een beslissing",
      "an_empty_comparison_period_says_what_is_missing", d)
rows2 = [["id", "organisatie", "ontvangen", "eerste_contact", "status"]]
for i in range(10):
    rows2.append([f"Q1-{i:02d}", "GM0363", "2025-01-08", "2025-01-09", "afgerond"])
r = s.run("import", s.file("hulpvragen2.csv", csv_text(rows2)))
d = by_id(indicators(s, "--period", "2025-Q2", "--peildatum", "2025-12-31",
                     "--vergelijk", "vorige"))["R1"]["vergelijking"]
check(d["significant"] is False and d["tekst"] == "bleef gelijk: 100,0%, net als in 1e kwartaal 2025",
      "an_unchanged_share_says_bleef_gelijk", d)
d = by_id(indicators(s, "--period", "2025-Q4", "--peildatum", "2025-12-31",
                     "--vergelijk", "vorigjaar"))["R1"]["vergelijking"]
check(d["significant"] is None and d["interval"] is None,
      "no_interval_and_no_significance_without_an_earlier_share", d)

done()
