"""Issue 14 points 2 and 4, SPEC §6 and §9: in extern a filtered figure
shows exactly what the national extern report of the same period shows for
that regio or type, or is hidden like a small cell (primair, secundair);
R3 hides a share from fewer than min_cell rated specialists; the trend and
breakdowns of a filtered indicator never show; a regio AND type figure shows
only when the whole regio x type table needs no suppression; --organisatie
is refused in extern. Checked on the demo for every regio and both types,
and on small hand-made stores."""
import datetime
import json
import os
import subprocess

from pmtest import SRC, Workdir, check, csv_text, done

MIN_CELL = 5
REGIOS = ["Noord-West", "Noord", "Midden", "Oost", "Zuid-West", "Zuid"]
TYPES = ["gemeente", "sob"]


def indicators(w, *args):
    r = w.run("indicators", "--format", "json", *args)
    assert r.code == 0, r
    return json.loads(r.out)


def by_id(doc):
    return {i["id"]: i for i in doc["indicatoren"]}


def cell(nat, ind, table, key, rg):
    for c in nat[ind]["uitsplitsingen"][table][rg]:
        if c["sleutel"] == key:
            return c
    return None


def same_as_cell(f, c):
    """Whether filtered figure f is what the national cell c shows."""
    if c is None:  # no such cell (an empty category): nothing to hide
        return "onderdrukt" not in f and not f["noemer"]
    if "onderdrukt" in c:
        return f.get("onderdrukt") == c["onderdrukt"] and f["teller"] is None and \
            f["noemer"] is None and f["waarde"] is None and f["interval"] is None
    return "onderdrukt" not in f and f["teller"] == c["teller"] and \
        f["noemer"] == c["noemer"] and f["waarde"] == c["waarde"]


# ---- the demo: every regio and both types --------------------------------

w = Workdir()
demo = os.path.join(w.path, "demo")
assert w.run("demo", demo, db=False).code == 0
w.db = os.path.join(demo, "pijlermonitor.db")
hidden_seen = shown_seen = 0
for period in ("2025-Q4", "2026-Q1", "2025"):
    nat = by_id(indicators(w, "--period", period, "--audience", "extern"))
    for table, opt, values in (("regio", "--regio", REGIOS), ("type", "--type", TYPES)):
        for v in values:
            doc = indicators(w, "--period", period, "--audience", "extern", opt, v)
            got = by_id(doc)
            intern = by_id(indicators(w, "--period", period, "--audience", "intern", opt, v))
            bad, trend_bad, r3_bad = [], [], []
            for ind in ("R1", "R2"):
                for rg in ("periode", "cumulatief"):
                    c = cell(nat, ind, table, v, rg)
                    if not same_as_cell(got[ind][rg], c):
                        bad.append(f"{ind} {rg}: {got[ind][rg]} vs national {c}")
                    if c is not None and "onderdrukt" in c:
                        hidden_seen += 1
                    else:
                        shown_seen += 1
            for ind in ("R1", "R2", "R3"):
                pts = got[ind]["trend"]
                if got[ind]["uitsplitsingen"] or not all(
                        "onderdrukt" in p and p["teller"] is None and not p["herzien"]
                        for p in pts):
                    trend_bad.append(ind)
            for rg in ("periode", "cumulatief"):
                rated = intern["R3"][rg]["noemer"] or 0
                f = got["R3"][rg]
                small = 1 <= rated < MIN_CELL
                if small != ("onderdrukt" in f) or (small and f["waarde"] is not None) or \
                        f["actief"] != intern["R3"][rg]["actief"]:
                    r3_bad.append(f"{rg}: rated {rated}, shown {f}")
            name = f"demo_{period}_{table}_{v}"
            check(not bad, f"{name}_r1_r2_show_exactly_the_national_cell", "\n".join(bad))
            check(not trend_bad, f"{name}_no_trend_point_or_breakdown_of_r1_r3",
                  ", ".join(trend_bad))
            check(not r3_bad, f"{name}_r3_hidden_exactly_when_under_5_rated",
                  "\n".join(r3_bad))
            same = all(got[i]["periode"] == nat[i]["periode"] and
                       got[i]["cumulatief"] == nat[i]["cumulatief"]
                       for i in ("R4", "R5", "R6", "B"))
            check(same, f"{name}_r4_to_b_are_the_national_figures")
check(hidden_seen > 0 and shown_seen > 0, "demo_has_hidden_and_shown_regional_figures",
      f"{hidden_seen} hidden, {shown_seen} shown")

# ---- comparisons: hidden when either side is -------------------------------

bad = []
for v in REGIOS:
    now = by_id(indicators(w, "--period", "2026-Q1", "--audience", "extern", "--regio", v,
                           "--vergelijk", "vorige"))
    then = by_id(indicators(w, "--period", "2025-Q4", "--peildatum", "2026-03-31",
                            "--audience", "extern", "--regio", v))
    for ind in ("R1", "R2", "R3"):
        k = now[ind]["vergelijking"]
        hidden = "onderdrukt" in now[ind]["periode"] or "onderdrukt" in then[ind]["periode"]
        if hidden != ("onderdrukt" in k):
            bad.append(f"{v} {ind}: hidden {hidden}, vergelijking {k}")
        elif hidden and any(key in k for key in ("teller", "noemer", "waarde", "verschil",
                                                 "interval", "significant")):
            bad.append(f"{v} {ind}: hidden comparison with figures {k}")
        elif not hidden and (k["teller"], k["noemer"]) != \
                (then[ind]["periode"]["teller"], then[ind]["periode"]["noemer"]):
            bad.append(f"{v} {ind}: {k} is not the earlier regional figure")
check(not bad, "demo_regional_comparison_is_hidden_exactly_when_either_side_is",
      "\n".join(bad))

# ---- --organisatie is refused in extern ------------------------------------

org = next(c["sleutel"] for c in by_id(indicators(w, "--period", "2025", "--audience",
                                                    "intern"))["R2"]["uitsplitsingen"]
           ["organisatie"]["cumulatief"])
r = w.run("indicators", "--period", "2025-Q4", "--audience", "extern", "--organisatie", org)
check(r.code == 1 and "--organisatie" in r.err and r.out == "",
      "organisatie_filter_in_extern_exits_1_saying_why", repr(r))
r = w.run("report", "--period", "2025-Q4", "--audience", "extern", "--organisatie", org,
          "--pdf", "x.pdf")
check(r.code == 1 and not os.path.exists(os.path.join(w.path, "x.pdf")),
      "organisatie_filter_in_an_extern_report_exits_1_and_writes_nothing", repr(r))
r = w.run("indicators", "--period", "2025-Q4", "--audience", "intern", "--organisatie", org)
check(r.code == 0, "organisatie_filter_in_intern_is_allowed", repr(r))


# ---- hand-made stores ---------------------------------------------------------

def cbs_codes():
    with open(os.path.join(SRC, "engine", "gemeenten.csv"), encoding="utf-8") as f:
        return [line.split(",")[0] for line in f.read().splitlines()[1:] if line]


CODES = cbs_codes()


def store(spec):
    """A store with, per (regio, type, requests), one organisation and that
    many requests in 2025-Q4, every fourth one answered late."""
    s = Workdir()
    s.init()
    orgs = [["id", "naam", "type", "regio"]]
    hv = [["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp"]]
    n = 0
    for k, (regio, typ, count) in enumerate(spec):
        oid = CODES[k] if typ == "gemeente" else f"SOB{k:03d}"
        orgs.append([oid, f"Organisatie {k}", typ, regio])
        for i in range(count):
            got = datetime.date(2025, 10, 6) + datetime.timedelta(days=7 * (i % 8))
            late = i % 4 == 3
            contact = got + datetime.timedelta(days=14 if late else 1)
            hv.append([f"HV{n}", oid, got.isoformat(), contact.isoformat(), "juridisch"])
            n += 1
    r = s.run("import", s.file("organisaties.csv", csv_text(orgs)),
              s.file("hulpvragen.csv", csv_text(hv)))
    assert r.code == 0, r
    return s


def r1(s, *args, audience="extern"):
    return by_id(indicators(s, "--period", "2025-Q4", "--audience", audience, *args))["R1"]


# One regio with 3 requests: hidden (primair); the next smallest regio is
# hidden beside it (secundair), so the two cannot be told from the total.
a = store([("Noord-West", "gemeente", 3), ("Noord", "gemeente", 8),
           ("Midden", "gemeente", 18), ("Midden", "sob", 2)])
nat = by_id(indicators(a, "--period", "2025-Q4", "--audience", "extern"))
for rg in ("periode", "cumulatief"):
    nw = r1(a, "--regio", "Noord-West")[rg]
    check(nw.get("onderdrukt") == "primair" and nw["teller"] is None and
          nw["noemer"] is None and nw["waarde"] is None and nw["status"] == "grijs" and
          nw["reden"] == "onderdrukt: te weinig waarnemingen",
          f"regio_with_3_requests_is_primair_{rg}", repr(nw))
    noord = r1(a, "--regio", "Noord")[rg]
    check(noord.get("onderdrukt") == "secundair" and noord["teller"] is None and
          same_as_cell(noord, cell(nat, "R1", "regio", "Noord", rg)),
          f"next_smallest_regio_is_secundair_like_nationally_{rg}", repr(noord))
    midden = r1(a, "--regio", "Midden")[rg]
    check("onderdrukt" not in midden and midden["noemer"] == 20 and midden["teller"] == 16,
          f"large_regio_is_shown_{rg}", repr(midden))
    sob = r1(a, "--type", "sob")[rg]
    check(sob.get("onderdrukt") == "primair", f"type_with_2_requests_is_primair_{rg}",
          repr(sob))
    x = r1(a, "--regio", "Midden", "--type", "gemeente")[rg]
    check(x.get("onderdrukt") == "secundair" and x["teller"] is None,
          f"intersection_beside_a_small_rest_of_2_is_hidden_{rg}", repr(x))
check(r1(a, "--regio", "Noord-West", audience="intern")["periode"]["noemer"] == 3,
      "intern_shows_the_small_regio")
# Two regios: Noord-West and Noord together are the total minus Midden, which
# the national report gives already: shown. Noord-West with Midden holds a
# hidden cell while Noord, hidden, lies outside: hidden.
u = r1(a, "--regio", "Noord-West", "--regio", "Noord")["cumulatief"]
check("onderdrukt" not in u and u["noemer"] == 11,
      "union_that_is_the_total_minus_shown_cells_is_shown", repr(u))
u = r1(a, "--regio", "Noord-West", "--regio", "Midden")["cumulatief"]
check(u.get("onderdrukt") == "secundair", "union_holding_a_hidden_cell_is_hidden", repr(u))

# The exporters: CSV and table say <5, the PDF's tile and the workbook too.
r = a.run("indicators", "--period", "2025-Q4", "--audience", "extern", "--regio",
          "Noord-West", "--format", "csv")
check(r.code == 0 and ";<5;<5;<5;;;grijs;" in r.out.split("R1;periode;")[1].split("\r\n")[0],
      "csv_shows_a_hidden_filtered_figure_as_<5", r.out[:400])
r = a.run("indicators", "--period", "2025-Q4", "--audience", "extern", "--regio",
          "Noord-West")
check(r.code == 0 and "<5 [grijs]" in r.out, "table_shows_a_hidden_filtered_figure_as_<5",
      r.out[:800])
r = a.run("report", "--period", "2025-Q4", "--audience", "extern", "--regio", "Noord-West",
          "--pdf", "nw.pdf", "--xlsx", "nw.xlsx", "--png", "charts")
check(r.code == 0, "extern_report_with_a_regio_filter_is_written", repr(r))
pngs = sorted(os.listdir(os.path.join(a.path, "charts"))) if r.code == 0 else []
check(pngs and not any(n[:2] in ("r1", "r2", "r3") for n in pngs),
      "no_chart_of_a_filtered_indicator_in_the_extern_png_folder", repr(pngs))
if r.code == 0:
    text = subprocess.run(["pdftotext", os.path.join(a.path, "nw.pdf"), "-"],
                          capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    check(flat.count("uitsplitsingen en het verloop per kwartaal blijven weg") == 3 and
          "geen hulpvragen ontvangen" not in flat,
          "pdf_indicator_pages_of_r1_r3_say_why_their_charts_are_left_out", text[-3000:])
    check("<5" in text and "onderdrukt" in text and "(3 van 3)" not in text,
          "pdf_shows_<5_and_onderdrukt_and_never_the_hidden_share", text[:1500])
    import openpyxl
    wb = openpyxl.load_workbook(os.path.join(a.path, "nw.xlsx"))
    rows = [[c.value for c in row] for row in wb.worksheets[0].iter_rows()]
    r1row = next((row for row in rows if row and row[0] == "R1"), None)
    check(r1row is not None and r1row.count("<5") >= 4 and 3 not in r1row[3:8],
          "workbook_overview_shows_<5_for_value_and_n", repr(r1row))
    # No chart on R1-R3's sheets (sheets 4-6, after Overzicht, Samenvatting
    # and Bereik): their quarters are hidden.
    import zipfile
    names = zipfile.ZipFile(os.path.join(a.path, "nw.xlsx")).namelist()
    check(not any(f"worksheets/_rels/sheet{k}.xml.rels" in n for n in names
                  for k in (4, 5, 6)) and any("worksheets/_rels/sheet7.xml.rels" in n
                                               for n in names),
          "workbook_draws_no_chart_of_a_filtered_indicator", repr(names))
    # The R1 sheet's trend: every figure and what was reported earlier is
    # <5; the target stays.
    sheet = [[c.value for c in row] for row in wb["R1"].iter_rows()]
    head = next(i for i, row in enumerate(sheet) if row and row[0] == "Kwartaal")
    cols = {name: k for k, name in enumerate(sheet[head]) if name}
    quarters = [row for row in sheet[head + 1:] if row and row[0] and
                str(row[0])[:2] == "20"]
    # Each quarter shows the mark of its kind (as the JSON says it): "<5"
    # where it is small, "x" where it is hidden for another reason (issue 14
    # secmark: an empty quarter was shown as "<5").
    marks = {"primair": "<5", "secundair": "x"}
    want = [marks[p["onderdrukt"]] for p in r1(a, "--regio", "Noord-West")["trend"]]
    check(quarters and len(quarters) == len(want) and
          all(row[cols[c]] == m for row, m in zip(quarters, want)
              for c in ("Op tijd", "Waarde", "Eerder: teller", "Eerder: noemer")) and
          all(row[cols["Doel"]] == 0.9 for row in quarters) and
          "<5" in want and "x" in want,
          "workbook_trend_of_a_filtered_indicator_shows_its_marks_beside_its_target",
          repr((want, quarters[-2:] if quarters else sheet[head:head + 3])))

# The gemeenten of Noord-West and Noord (10 each) have large rests beside
# them, but Midden has 3 gemeente requests: the national gemeente cell minus
# the first two would give it. Every intersection is hidden.
b = store([("Noord-West", "gemeente", 10), ("Noord-West", "sob", 10),
           ("Noord", "gemeente", 10), ("Noord", "sob", 10),
           ("Midden", "gemeente", 3), ("Midden", "sob", 10)])
xs = [r1(b, "--regio", reg, "--type", "gemeente")["cumulatief"]
      for reg in ("Noord-West", "Noord")]
check(all(x.get("onderdrukt") == "secundair" for x in xs),
      "intersection_is_hidden_when_another_regio_of_its_type_is_small", repr(xs))
nat_b = by_id(indicators(b, "--period", "2025-Q4", "--audience", "extern"))["R1"]
check(not any("onderdrukt" in c for c in nat_b["uitsplitsingen"]["regio"]["cumulatief"] +
              nat_b["uitsplitsingen"]["type"]["cumulatief"]),
      "there_every_national_regio_and_type_cell_is_shown")

# A table without small cells: the intersection is shown, as intern has it.
c = store([("Noord-West", "gemeente", 10), ("Noord-West", "sob", 6),
           ("Noord", "gemeente", 12)])
x = r1(c, "--regio", "Noord-West", "--type", "gemeente")
xi = r1(c, "--regio", "Noord-West", "--type", "gemeente", audience="intern")
check(all("onderdrukt" not in x[rg] and x[rg]["teller"] == xi[rg]["teller"] and
          x[rg]["noemer"] == xi[rg]["noemer"] == 10 for rg in ("periode", "cumulatief")),
      "intersection_in_a_table_without_small_cells_is_shown", repr(x["cumulatief"]))
done()
