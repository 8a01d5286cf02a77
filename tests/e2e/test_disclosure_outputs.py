"""Disclosure control in every extern output (SPEC §6, issue 11 points 9-10):
the workbook (openpyxl) and the PDF (pdftotext) hide the same cells as the
JSON, primary and secondary, and explain secondary suppression; R4's
opdrachtgever mean is shown only on >= min_cell evaluations from >= 3
organisations, and its status does not give a hidden mean away; min_cell
below 3 is refused for extern."""
import json
import os
import re
import subprocess

import openpyxl

from pmtest import Workdir, base, check, csv_text, done

HIDDEN = "<5"
NOTE = ("Om te voorkomen dat een verborgen cel uit de andere cellen is af te leiden, "
        "is ook de kleinste andere cel verborgen (secundaire onderdrukking).")
PERIOD = "2025-Q4"
# Breakdown key -> the workbook's table title (exporters/xlsx.c).
TITLES = {"regio": "Per regio", "type": "Per type organisatie",
          "onderwerp": "Per onderwerp", "werkdagen": "Werkdagen tot eerste contact",
          "scores": "Verdeling van de scores"}

w = Workdir()
demo = os.path.join(w.path, "demo")
assert w.run("demo", demo, db=False).code == 0
w.db = os.path.join(demo, "pijlermonitor.db")
r = w.run("indicators", "--period", PERIOD, "--format", "json", "--audience", "extern")
doc = json.loads(r.out)
ind = {i["id"]: i for i in doc["indicatoren"]}
xlsx, pdf = os.path.join(w.path, "e.xlsx"), os.path.join(w.path, "e.pdf")
r = w.run("report", "--period", PERIOD, "--audience", "extern", "--xlsx", xlsx, "--pdf", pdf)
assert r.code == 0, r

marks = {m for i in doc["indicatoren"] for b in i["uitsplitsingen"].values()
         for rg in ("periode", "cumulatief") for m in [c.get("onderdrukt") for c in b[rg]]}
check(marks >= {"primair", "secundair"} and True not in marks,
      "json_marks_cells_primair_and_secundair", marks)


def hidden_flags(cells):
    return [("onderdrukt" in c) for c in cells]


def hidden_marks(cells):
    return [MARK.get(c.get("onderdrukt")) for c in cells]


# (c) The workbook: in each breakdown table, the rows showing "<5" in the
# periode and in the cumulatief columns are exactly the JSON's primary
# hidden cells, and those showing "x" its secondary ones (issue 14 secmark:
# a secondary cell, which may hold 79, was shown as "<5").
MARK = {"primair": "<5", "secundair": "x"}
wb = openpyxl.load_workbook(xlsx)
for iid in ("R1", "R2"):
    ws = wb[iid]
    for key, bd in ind[iid]["uitsplitsingen"].items():
        title = TITLES[key]
        start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == title)
        heads = [ws.cell(start + 1, c).value for c in range(1, ws.max_column + 1)]
        per_col = 1 + next(i for i, v in enumerate(heads) if v and str(v).startswith("Periode"))
        cum_col = 1 + next(i for i, v in enumerate(heads) if v and str(v).startswith("Cumul"))
        rows = range(start + 3, start + 3 + len(bd["periode"]))
        def got(col):
            v = [ws.cell(r, col).value for r in rows]
            return [x if x in MARK.values() else None for x in v]
        got_per, got_cum = got(per_col), got(cum_col)
        check(got_per == hidden_marks(bd["periode"]) and
              got_cum == hidden_marks(bd["cumulatief"]),
              f"workbook_{iid}_{key}_hides_the_same_cells_as_json_with_their_marks",
              f"{got_per} {got_cum}\n{hidden_marks(bd['periode'])} "
              f"{hidden_marks(bd['cumulatief'])}")
toel = " ".join(str(c.value) for row in wb["Definities"].iter_rows() for c in row
                if c.value)
check(NOTE in toel, "workbook_notes_explain_secondary_suppression")

# The PDF: the charts show the cumulatief distributions; their "<5" labels
# are the JSON's hidden cumulatief cells, and every shown count is there.
text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                      text=True, check=True).stdout
flat = " ".join(text.split())
check(NOTE in flat, "pdf_notes_explain_secondary_suppression")


def block(after, until):
    a = text.index(after)
    return text[a:text.index(until, a)]


scores = block("Verdeling van de scores", "Scores die")
cum = ind["R2"]["uitsplitsingen"]["scores"]["cumulatief"]
# The marks on the bars, not those in the legend ("<5 = ...", "x = ...").
n_primary = len(re.findall(r"<5(?! =)", scores))
n_secondary = len(re.findall(r"(?<!\S)x(?!\S)(?! =)", scores))
want = hidden_marks(cum)
check(n_primary == want.count("<5") and n_secondary == want.count("x") and
      n_primary + n_secondary >= 2,
      "pdf_score_chart_hides_the_json_hidden_scores_with_their_marks",
      (n_primary, n_secondary, want))
tokens = scores.split()
check(all(str(int(c["n"])) in tokens for c in cum if "n" in c and c["n"] > 0),
      "pdf_score_chart_shows_the_json_shown_scores")
check(any(c.get("onderdrukt") == "secundair" for c in cum),
      "pdf_score_chart_includes_a_secondary_cell", cum)

# ---------------------------------------------------------------------------
# (d) R4's mean: two opdrachtgevers (VNG and MinSZW) can each work out the
# other's scores from a published mean, so extern hides it.
MP_HEAD = ["id", "resultaat", "omschrijving", "gepland", "gereed", "bewijs"]
EV_HEAD = ["id", "organisatie", "datum", "soort", "score", "specialist", "hulpvraag"]


def r4_store(orgs, scores):
    s = Workdir()
    base(s)
    extra = [["id", "naam", "type", "regio"]] + [[o, o, "opdrachtgever", ""] for o in orgs]
    ev = [EV_HEAD] + [[f"E{i}", org, "15-10-2025", "opdrachtgever", sc, "", ""]
                      for i, (org, sc) in enumerate(scores)]
    ms = [MP_HEAD, ["A1", "R4", "Kwartaalrapportage", "20-11-2025", "01-11-2025", ""]]
    paths = [s.file("organisaties.csv", csv_text(extra)),
             s.file("mijlpalen.csv", csv_text(ms)), s.file("evaluaties.csv", csv_text(ev))]
    res = s.run("import", *paths)
    assert res.code == 0, res
    return s


def r4(s, audience):
    res = s.run("indicators", "--period", PERIOD, "--format", "json", "--audience", audience)
    assert res.code == 0, res
    return {i["id"]: i for i in json.loads(res.out)["indicatoren"]}["R4"]


# VNG (already in the base) and MinSZW, 6 evaluations, mean 6.0 < 7.
two = r4_store(["MINSZW"], [("VNG", "6"), ("VNG", "6"), ("VNG", "6"),
                            ("MINSZW", "6"), ("MINSZW", "6"), ("MINSZW", "6")])
e, i = r4(two, "extern"), r4(two, "intern")
check(i["periode"]["opdrachtgever_gemiddelde"] == 6 and i["status"] == "rood",
      "intern_r4_mean_6_of_two_opdrachtgevers_shown_and_rood", i["periode"])
check(e["periode"]["opdrachtgever_gemiddelde"] is None and
      e["periode"]["opdrachtgever_gemiddelde_onderdrukt"] == "te weinig evaluaties" and
      e["cumulatief"]["opdrachtgever_gemiddelde"] is None,
      "extern_r4_mean_of_two_opdrachtgevers_is_hidden", e["periode"])
check(all(t["opdrachtgever_gemiddelde"] is None for t in e["trend"]),
      "extern_r4_trend_means_hidden_too", [t["opdrachtgever_gemiddelde"] for t in e["trend"]])
# The milestone is on time: rood would say "the mean is below 7".
check(e["periode"]["status"] == "groen" and e["status"] == "groen",
      "extern_r4_status_rests_on_the_milestones_alone", e)
tab = two.run("indicators", "--period", PERIOD, "--audience", "extern")
check("te weinig evaluaties" in tab.out and "gem. 6" not in tab.out,
      "extern_r4_table_says_te_weinig_evaluaties", tab.out)
xl = os.path.join(two.path, "r4.xlsx")
pd = os.path.join(two.path, "r4.pdf")
assert two.run("report", "--period", PERIOD, "--audience", "extern", "--xlsx", xl,
               "--pdf", pd).code == 0
ov = [[c.value for c in row] for row in openpyxl.load_workbook(xl)["Overzicht"].iter_rows()]
row = next(r for r in ov if r[1] == "Gemiddelde score opdrachtgevers")
check("te weinig evaluaties" in row and 6 not in row,
      "extern_workbook_r4_mean_says_te_weinig_evaluaties", row)
ptext = subprocess.run(["pdftotext", pd, "-"], capture_output=True, text=True).stdout
check("te weinig evaluaties" in ptext and "gemiddeld een 6" not in ptext,
      "extern_pdf_r4_mean_says_te_weinig_evaluaties")

# Three organisations but four evaluations: still too few (min_cell 5).
three_few = r4_store(["MINSZW", "IPO"], [("VNG", "8"), ("MINSZW", "8"), ("IPO", "8"),
                                         ("IPO", "8")])
check(r4(three_few, "extern")["periode"]["opdrachtgever_gemiddelde"] is None,
      "extern_r4_mean_of_4_evaluations_from_3_organisations_is_hidden")
# Three organisations and five evaluations: shown.
three = r4_store(["MINSZW", "IPO"], [("VNG", "8"), ("MINSZW", "8"), ("IPO", "8"),
                                     ("IPO", "6"), ("VNG", "7")])
e3 = r4(three, "extern")
check(e3["periode"]["opdrachtgever_gemiddelde"] == 7.4 and
      "opdrachtgever_gemiddelde_onderdrukt" not in e3["periode"],
      "extern_r4_mean_of_5_evaluations_from_3_organisations_is_shown", e3["periode"])

# The PDF's median sentence about the days to first contact reads every
# bucket: with a hidden bucket it would bound it, so extern leaves it out.
hv = Workdir()
base(hv)
rows = [["id", "organisatie", "ontvangen", "eerste_contact"]]
rows += [[f"H{i}", "GM0363", "06-10-2025", "07-10-2025"] for i in range(10)]
rows += [[f"L{i}", "GM0363", "06-10-2025", "10-10-2025"] for i in range(2)]
assert hv.run("import", hv.file("hulpvragen.csv", csv_text(rows))).code == 0
hidden_wd = [c["sleutel"] for c in
             json.loads(hv.run("indicators", "--period", PERIOD, "--format", "json").out)
             ["indicatoren"][0]["uitsplitsingen"]["werkdagen"]["cumulatief"]
             if "onderdrukt" in c]
texts = {}
for aud in ("extern", "intern"):
    out = os.path.join(hv.path, f"{aud}.pdf")
    assert hv.run("report", "--period", PERIOD, "--audience", aud, "--pdf", out).code == 0
    texts[aud] = " ".join(subprocess.run(["pdftotext", out, "-"], capture_output=True,
                                         text=True).stdout.split())
check(hidden_wd == ["1", "4"] and "De helft kreeg" in texts["intern"] and
      "De helft kreeg" not in texts["extern"],
      "extern_pdf_gives_no_median_of_days_when_a_bucket_is_hidden", hidden_wd)

# min_cell below 3 is refused for extern (a configuration error), not for intern.
cfg = w.file("klein.json", json.dumps({"min_cell": 2}))
res = w.run("indicators", "--period", PERIOD, "--config", cfg, "--audience", "extern")
check(res.code == 2 and "min_cell" in res.err and "minstens 3" in res.err and not res.out,
      "extern_with_min_cell_2_is_refused", res)
res = w.run("indicators", "--period", PERIOD, "--config", cfg, "--audience", "intern")
check(res.code == 0, "intern_with_min_cell_2_is_allowed", res)
cfg3 = w.file("drie.json", json.dumps({"min_cell": 3}))
res = w.run("indicators", "--period", PERIOD, "--config", cfg3, "--audience", "extern",
            "--format", "json")
check(res.code == 0 and "<" not in res.err, "extern_with_min_cell_3_is_allowed", res)
done()
