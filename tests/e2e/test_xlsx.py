"""`pijlermonitor report --xlsx` (SPEC §6-7, issue 4), read back with
openpyxl and as a zip, as a user's software would: the sheets per audience;
every figure of Overzicht and of each indicator sheet equal to `indicators
--format json`; the extern workbook free of names, per-organisation scores
and small cells, in its cells and in its chart ranges; charts that read
existing ranges; real date, percentage and euro cells; print setup and
properties; byte-identical runs; failing writes that leave nothing behind;
and row-level sheets that continue on "Inzet (2)"."""
import datetime
import json
import os
import re
import stat
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

from pmtest import SRC, Workdir, check, done

PERIOD = "2025-Q4"
PERIOD_NAME = "4e kwartaal 2025"  # how every text a person reads names it
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01 00:00 UTC
MIN_CELL = 5
HIDDEN = "<5"
# The mark of a hidden cell by the JSON's kind: "x" for one hidden beside a
# small one, which may hold many observations (issue 14, secmark).
MARKS = {"primair": HIDDEN, "secundair": "x"}
LATE_PENDING = ("meer dan 5 werkdagen (te laat)", "nog binnen de termijn")
IND_SHEETS = ["R1", "R2", "R3", "R4", "R5", "R6", "Budget"]
ROW_SHEETS = ["Hulpvragen", "Evaluaties", "Inzet"]
# Every intern sheet starts with the mark "Intern — niet verspreiden" in its
# first row (tests/e2e/test_intern_marks.py); what the sheet holds starts
# TOP rows lower. Row-level sheets (intern only) have their header in row HEAD.
TOP = {"intern": 1, "extern": 0}
HEAD = 2

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False)
assert r.code == 0, r
w.db = os.path.join(demo, "pijlermonitor.db")


def report(name, audience, period=PERIOD, env=None):
    path = os.path.join(w.path, name)
    e = dict(EPOCH)
    e.update(env or {})
    res = w.run("report", "--period", period, "--audience", audience, "--xlsx", path, env=e)
    return res, path


def indicators(audience, period=PERIOD):
    res = w.run("indicators", "--period", period, "--format", "json", "--audience", audience)
    assert res.code == 0, res
    return json.loads(res.out)


def near(cell, want, tol=1e-9):
    """A cell value equals a JSON value: both absent, or numbers within tol.
    An extern mean hidden for too few evaluations is null in the JSON (with
    opdrachtgever_gemiddelde_onderdrukt) and says so in the workbook."""
    if want is None:
        return cell is None or cell == "te weinig evaluaties"
    if isinstance(cell, bool) or not isinstance(cell, (int, float)):
        return False
    return abs(cell - want) <= tol * max(1.0, abs(want))


def iso(cell):
    return cell.date().isoformat() if isinstance(cell, datetime.datetime) else cell


def find_row(ws, pred, start=1):
    for row in ws.iter_rows(min_row=start):
        if pred(row):
            return row[0].row
    return None


def row_values(ws, r):
    return [c.value for c in ws[r]]


def data_rows(ws, first):
    """Rows from `first` down to the first row with an empty column A."""
    out = []
    r = first
    while ws.cell(r, 1).value not in (None, ""):
        out.append(r)
        r += 1
    return out


def sheet_charts(path):
    """{sheet name: [chart part names]} and {chart part: [<c:f> refs]}."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    with zipfile.ZipFile(path) as z:
        def rels(part):
            d, f = os.path.split(part)
            name = f"{d}/_rels/{f}.rels"
            if name not in z.namelist():
                return {}
            root = ET.fromstring(z.read(name))
            return {e.get("Id"): os.path.normpath(os.path.join(d, e.get("Target")))
                    for e in root.findall("p:Relationship", ns)}
        wb_rels = rels("xl/workbook.xml")
        root = ET.fromstring(z.read("xl/workbook.xml"))
        charts, refs = {}, {}
        for s in root.find("m:sheets", ns):
            sheet_part = wb_rels[s.get(f"{{{ns['r']}}}id")]
            found = []
            for target in rels(sheet_part).values():
                if "drawings/drawing" in target:
                    found += [t for t in rels(target).values() if "charts/chart" in t]
            charts[s.get("name")] = found
        for part in z.namelist():
            if part.startswith("xl/charts/chart"):
                refs[part] = re.findall(r"<c:f>([^<]*)</c:f>", z.read(part).decode())
        return charts, refs


REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$")


def parse_ref(ref):
    m = REF.match(ref)
    if not m:
        return None
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    c1 = openpyxl.utils.column_index_from_string(m.group(3))
    c2 = openpyxl.utils.column_index_from_string(m.group(5))
    return sheet, c1, int(m.group(4)), c2, int(m.group(6))


# ---- the workbooks ---------------------------------------------------------

res_i, path_i = report("intern.xlsx", "intern")
check(res_i.code == 0 and os.path.getsize(path_i) > 0, "intern_report_exits_0_and_writes_file",
      res_i)
res_e, path_e = report("extern.xlsx", "extern")
check(res_e.code == 0 and os.path.getsize(path_e) > 0, "extern_report_exits_0_and_writes_file",
      res_e)
check(stat.S_IMODE(os.stat(path_e).st_mode) & 0o044 == 0o044,
      "workbook_is_readable_like_any_new_file_not_private",
      oct(os.stat(path_e).st_mode))
wb_i = openpyxl.load_workbook(path_i)
wb_e = openpyxl.load_workbook(path_e)
doc_i = indicators("intern")
doc_e = indicators("extern")

# Issue 15: Samenvatting and Bereik follow the Overzicht; the coordinator's
# Toelichting sheet is there because this store's budget posts lack their
# explanation ("toelichting ontbreekt"); the management section's sheets
# come before the rows.
WRITTEN = ["Samenvatting", "Bereik"]
BEHEER_SHEETS = ["Team", "Openstaand", "Budget per post", "Mijlpalen"]
check(wb_i.sheetnames == ["Overzicht"] + WRITTEN + IND_SHEETS + ["Toelichting", "Definities"]
      + BEHEER_SHEETS + ROW_SHEETS,
      "intern_sheets_in_order_with_row_level_sheets", wb_i.sheetnames)
check(wb_e.sheetnames == ["Overzicht"] + WRITTEN + IND_SHEETS + ["Toelichting", "Definities"],
      "extern_sheets_in_order_without_row_level_sheets", wb_e.sheetnames)

# ---- Overzicht ---------------------------------------------------------------


def check_overzicht(wb, doc, label):
    ws = wb["Overzicht"]
    t = TOP[label]
    check(ws.cell(1 + t, 1).value == "Voortgangsrapportage pijler 2"
          and ws.cell(2 + t, 1).value == doc["programma"]["naam"],
          f"{label}_overzicht_has_title_and_programme",
          (ws.cell(1 + t, 1).value, ws.cell(2 + t, 1).value))
    head = {}
    for r in range(1 + t, 13 + t):
        if ws.cell(r, 1).value:
            head[ws.cell(r, 1).value] = ws.cell(r, 3)
    p = doc["periode"]
    ok = (head["Periode"].value == p["naam"] and iso(head["Van"].value) == p["van"]
          and iso(head["Tot en met"].value) == p["tot"]
          and iso(head["Peildatum"].value) == doc["peildatum"]
          and iso(head["Cumulatief vanaf (start doelperiode)"].value)
          == doc["indicatoren"][0]["cumulatief"]["van"])
    check(ok, f"{label}_overzicht_period_and_peildatum_equal_json",
          {k: v.value for k, v in head.items()})
    cum = "Cumulatief vanaf (start doelperiode)"
    dates = [head[k] for k in ("Van", "Tot en met", "Peildatum", cum)]
    check(all(c.is_date and c.number_format == "dd-mm-yyyy" for c in dates),
          f"{label}_overzicht_dates_are_date_cells", [c.number_format for c in dates])
    check(head["Publiek"].value.startswith(doc["publiek"]),
          f"{label}_overzicht_names_the_audience", head["Publiek"].value)
    check(head["Gemaakt op"].value == "01-01-2026 01:00",
          f"{label}_generation_time_is_dutch_time_of_source_date_epoch",
          head["Gemaakt op"].value)
    check(re.fullmatch(r"[0-9a-f]{4}(-[0-9a-f]{4}){3}", head["Gegevensvingerafdruk"].value or ""),
          f"{label}_overzicht_has_the_fingerprint", head["Gegevensvingerafdruk"].value)

    hr = find_row(ws, lambda row: row[0].value == "Id" and row[1].value == "Indicator")
    cols = {v: i + 1 for i, v in enumerate(row_values(ws, hr)) if v}
    bad = []
    statuses = {}
    for r in data_rows(ws, hr + 1):
        ind = next(i for i in doc["indicatoren"] if i["id"] == ws.cell(r, 1).value)
        per, cum = ind["periode"], ind["cumulatief"]
        count = ind["id"] == "R6"
        want = {
            "Waarde periode": per["aantal"] if count else per["waarde"],
            "n periode": None if ind["id"] in ("R6", "B") else per["noemer"],
            "Waarde cumulatief": cum["aantal"] if count else cum["waarde"],
            "n cumulatief": None if ind["id"] in ("R6", "B") else cum["noemer"],
            "Interval laag (cumulatief, 95%)": cum["interval"][0] if cum["interval"] else None,
            "Interval hoog (cumulatief, 95%)": cum["interval"][1] if cum["interval"] else None,
        }
        for h, v in want.items():
            c = ws.cell(r, cols[h])
            if not near(c.value, v):
                bad.append((ind["id"], h, c.value, v))
            if v is not None and "Waarde" in h and not count and "%" not in c.number_format:
                bad.append((ind["id"], h, "not a percentage", c.number_format))
        for h, v in (("Status periode", per["status"]), ("Status (cumulatief)", ind["status"])):
            c = ws.cell(r, cols[h])
            if c.value != v:
                bad.append((ind["id"], h, c.value, v))
            statuses.setdefault(c.value, set()).add((c.fill.fill_type, c.fill.fgColor.rgb,
                                                     c.font.color.rgb if c.font.color else None))
        if not ws.cell(r, cols["Doel"]).value:
            bad.append((ind["id"], "Doel", None))
    check(len(data_rows(ws, hr + 1)) == 7 and not bad,
          f"{label}_overzicht_every_figure_equals_json", bad)
    fills = {s: v for s, v in statuses.items()}
    check(all(len(v) == 1 and next(iter(v))[0] == "solid" and next(iter(v))[2] for v in
              fills.values()) and len({next(iter(v))[1] for v in fills.values()}) == len(fills),
          f"{label}_status_word_has_one_solid_fill_and_dark_text_per_status", fills)

    hr = find_row(ws, lambda row: row[1].value == "Cijfer")
    cols = {v: i + 1 for i, v in enumerate(row_values(ws, hr)) if v}
    extras = {("R3", "Actieve specialisten"): "actief",
              ("R3", "Actief, niet beoordeeld"): "niet_beoordeeld",
              ("R4", "Gemiddelde score opdrachtgevers"): "opdrachtgever_gemiddelde",
              ("R4", "Evaluaties opdrachtgevers"): "opdrachtgever_evaluaties",
              ("R6", "Kennisproducten gepubliceerd en verspreid"): "aantal",
              ("B", "Realisatie"): "realisatie", ("B", "Begroting"): "begroting",
              ("B", "Prognose realisatie hele jaar 2025"): "prognose",
              ("B", "Jaarbegroting"): "jaarbegroting"}
    bad, seen = [], set()
    for r in data_rows(ws, hr + 1):
        k = (ws.cell(r, 1).value, ws.cell(r, 2).value)
        seen.add(k)
        ind = next(i for i in doc["indicatoren"] if i["id"] == k[0])
        key = extras.get(k)
        per, cum = ws.cell(r, cols["Periode"]), ws.cell(r, cols["Cumulatief"])
        once = key in ("prognose", "jaarbegroting")
        if key is None or not near(cum.value, ind["cumulatief"][key]) or \
                (not once and not near(per.value, ind["periode"][key])):
            bad.append((k, per.value, cum.value))
        if k[0] == "B" and "€" not in cum.number_format:
            bad.append((k, "not a euro format", cum.number_format))
    check(seen == set(extras) and not bad, f"{label}_overzicht_own_figures_equal_json",
          (bad, set(extras) - seen))


check_overzicht(wb_i, doc_i, "intern")
check_overzicht(wb_e, doc_e, "extern")

# ---- indicator sheets -------------------------------------------------------------

TELLER = {"Op tijd", "Tevreden organisaties", "Goed beoordeeld", "Op tijd gereed"}
NOEMER = {"Op tijd of te laat", "Organisaties met evaluatie", "Beoordeeld", "Mijlpalen gepland"}
FIELD = {"Van": "van", "Tot en met": "tot", "Status": "status", "Waarde": "waarde",
         "Reden van de status": "reden",
         "Uitputting": "waarde", "Actieve specialisten": "actief",
         "Actief, niet beoordeeld": "niet_beoordeeld",
         "Gemiddelde score opdrachtgevers": "opdrachtgever_gemiddelde",
         "Evaluaties opdrachtgevers": "opdrachtgever_evaluaties", "Aantal": "aantal",
         "Realisatie": "realisatie", "Begroting": "begroting", "Prognose jaar": "prognose",
         "Jaarbegroting": "jaarbegroting"}
BD_TITLES = {"Per regio": "regio", "Per type organisatie": "type", "Per onderwerp": "onderwerp",
             "Werkdagen tot eerste contact": "werkdagen", "Per organisatie": "organisatie",
             "Verdeling van de scores": "scores", "Per specialist": "specialist",
             "Mijlpalen": "mijlpalen", "Per soort": "soort", "Per pijler": "pijler",
             "Per post": "post"}
SPECIAL = {"Interval laag (95%)": "lo", "Interval hoog (95%)": "hi", "Waarnemingen (n)": "n"}


def fig_expect(f, head, extra):
    """The JSON value behind a figures or trend column; KeyError if unknown."""
    if head in TELLER:
        return f["teller"]
    if head in NOEMER:
        return f["noemer"]
    if head.startswith("Interval"):
        return f["interval"][0 if "laag" in head else 1] if f["interval"] else None
    if head in extra:
        return extra[head]
    return f[FIELD[head]]


def check_cells(ws, r, cols, f, extra, where, bad):
    for h, c in cols.items():
        cell = ws.cell(r, c)
        try:
            want = fig_expect(f, h, extra)
        except KeyError:
            bad.append((where, h, "unknown column"))
            continue
        if h in ("Van", "Tot en met"):
            if iso(cell.value) != want or (want and not cell.is_date):
                bad.append((where, h, cell.value, want))
        elif h == "Status":
            if cell.value != want or cell.fill.fill_type != "solid":
                bad.append((where, h, cell.value, want))
        elif h == "Reden van de status" or isinstance(want, str):
            if cell.value != want:
                bad.append((where, h, cell.value, want))
        else:
            running_money = h in ("Realisatie cumulatief", "Begroting cumulatief")
            if not (near(cell.value, want) or (running_money and want is not None and
                                               isinstance(cell.value, (int, float)) and
                                               abs(cell.value - want) <= 0.011)):
                bad.append((where, h, cell.value, want))
            pct = h in ("Waarde", "Uitputting") or h.startswith("Interval") or \
                (h == "Doel" and isinstance(want, float))
            if want is not None and pct and "%" not in cell.number_format:
                bad.append((where, h, "not a percentage", cell.number_format))


def parse_breakdowns(ws):
    """[(key, title row, header cols, data rows, per block, cum block, doel col)]."""
    out = []
    for r in range(1, ws.max_row + 1):
        title = ws.cell(r, 1).value
        if title not in BD_TITLES:
            continue
        group = row_values(ws, r + 1)
        if not any(isinstance(v, str) and v.startswith("Periode") for v in group):
            continue
        per = next(i + 1 for i, v in enumerate(group) if isinstance(v, str) and
                   v.startswith("Periode"))
        cum = next(i + 1 for i, v in enumerate(group) if isinstance(v, str) and
                   v.startswith("Cumulatief"))
        heads = row_values(ws, r + 2)
        width = cum - per
        doel = cum + width if cum + width <= len(heads) and heads[cum + width - 1] == "Doel" \
            else None
        out.append((BD_TITLES[title], r, heads, data_rows(ws, r + 3), per, cum, width, doel))
    return out


def block_expect(heads, start, width, cell):
    """{column: expected value} for one range block of a breakdown row."""
    exp = {}
    for j in range(width):
        col = start + j
        h = heads[col - 1]
        if j == 0:
            key = "teller"
        elif j == 1:
            key = "noemer"
        else:
            key = SPECIAL.get(h, "waarde")
        if key in ("lo", "hi"):
            exp[col] = cell["interval"][0 if key == "lo" else 1] if cell.get("interval") else None
        else:
            exp[col] = cell.get(key)
    return exp


def check_indicator_sheets(wb, doc, label, tables):
    for ind in doc["indicatoren"]:
        name = "Budget" if ind["id"] == "B" else ind["id"]
        ws = wb[name]
        title, definition = ws.cell(1 + TOP[label], 1).value, ws.cell(3 + TOP[label], 1).value
        check(title.startswith(ind["id"] + " — "), f"{label}_{name}_has_a_title", title)
        check(definition.startswith("Definitie: ") and len(definition) > 60,
              f"{label}_{name}_shows_the_definition", definition)

        # periode and cumulatief
        hr = find_row(ws, lambda row: row[0].value == "Bereik")
        cols = {v: i + 1 for i, v in enumerate(row_values(ws, hr)) if v and i > 0}
        bad = []
        for r in (hr + 1, hr + 2):
            rng = "periode" if ws.cell(r, 1).value == "Periode" else "cumulatief"
            check_cells(ws, r, cols, ind[rng], {}, rng, bad)
        check(not bad and ws.cell(hr + 1, 1).value == "Periode" and
              ws.cell(hr + 2, 1).value == "Cumulatief",
              f"{label}_{name}_periode_and_cumulatief_equal_json", bad)

        # the trend
        hr = find_row(ws, lambda row: row[0].value == "Kwartaal")
        cols = {v: i + 1 for i, v in enumerate(row_values(ws, hr)) if v and i > 0}
        rows = data_rows(ws, hr + 1)
        bad = []
        run = {"aantal": 0, "realisatie": 0.0, "begroting": 0.0}
        for r, t in zip(rows, ind["trend"]):
            run["aantal"] += t.get("aantal") or 0
            run["realisatie"] += t.get("realisatie") or 0
            run["begroting"] += t.get("begroting") or 0
            extra = {"Aantal cumulatief": run["aantal"],
                     "Realisatie cumulatief": round(run["realisatie"], 2),
                     "Begroting cumulatief": round(run["begroting"], 2),
                     "Doel": ind["doel"], "Doel actief": 10}
            # The figure as reported at the quarter's end (issue 13 point 6).
            e = t["eerder"]
            extra["Eerder gerapporteerd"] = e["teller"] if ind["id"] == "R6" else e["waarde"]
            for head, key in (("Eerder: teller", "teller"), ("Eerder: noemer", "noemer"),
                              ("Eerder: realisatie", "teller"),
                              ("Eerder: begroting", "noemer")):
                extra[head] = e[key]
            extra["Herzien"] = (("ja (verzonden cijfer)" if e["bron"] == "verzonden"
                                 else "ja") if t["herzien"] else "nee")
            # The sheet names the quarter the Dutch way ("2024-K3"); JSON
            # keeps the machine form ("2024-Q3").
            if ws.cell(r, 1).value != t["kwartaal"].replace("-Q", "-K"):
                bad.append((r, ws.cell(r, 1).value, t["kwartaal"]))
            check_cells(ws, r, cols, t, extra, t["kwartaal"], bad)
        check(len(rows) == len(ind["trend"]) and not bad,
              f"{label}_{name}_trend_per_quarter_equals_json",
              bad or (len(rows), len(ind["trend"])))
        tables.append((name, "trend", rows, cols, None))

        # the breakdowns
        found = parse_breakdowns(ws)
        check(sorted(k for k, *_ in found) == sorted(ind["uitsplitsingen"]),
              f"{label}_{name}_shows_exactly_the_breakdowns_json_shows_this_audience",
              ([k for k, *_ in found], list(ind["uitsplitsingen"])))
        bad = []
        for key, tr, heads, rows, per, cum, width, doel in found:
            cells = ind["uitsplitsingen"].get(key)
            if cells is None or len(rows) != len(cells["periode"]):
                bad.append((key, "rows", len(rows)))
                continue
            for r, pc, cc in zip(rows, cells["periode"], cells["cumulatief"]):
                a = ws.cell(r, 1).value
                if cc.get("naam") and a != f"{cc['naam']} ({cc['sleutel']})":
                    bad.append((key, r, a, cc.get("naam")))
                if not a:
                    bad.append((key, r, "no category"))
                if "gepland" in cc and iso(ws.cell(r, 2).value) != cc["gepland"]:
                    bad.append((key, r, "gepland", ws.cell(r, 2).value))
                if "gereed" in cc and iso(ws.cell(r, 3).value) != cc["gereed"]:
                    bad.append((key, r, "gereed", ws.cell(r, 3).value))
                for start, cell in ((per, pc), (cum, cc)):
                    for col, want in block_expect(heads, start, width, cell).items():
                        v = ws.cell(r, col).value
                        if cell.get("onderdrukt"):
                            if v != MARKS[cell["onderdrukt"]]:
                                bad.append((key, r, col, "should be hidden", v))
                        elif not near(v, want):
                            bad.append((key, r, col, v, want))
                if doel and not near(ws.cell(r, doel).value, ind["doel"]):
                    bad.append((key, r, "doel", ws.cell(r, doel).value))
            tables.append((name, key, rows, (per, cum, width),
                           {r: (pc, cc) for r, pc, cc in zip(rows, cells["periode"],
                                                           cells["cumulatief"])}))
        check(not bad, f"{label}_{name}_every_breakdown_cell_equals_json", bad)


tables_i, tables_e = [], []
check_indicator_sheets(wb_i, doc_i, "intern", tables_i)
check_indicator_sheets(wb_e, doc_e, "extern", tables_e)

# ---- charts -------------------------------------------------------------------------


def check_charts(wb, path, label, tables):
    charts, refs = sheet_charts(path)
    missing = [s for s in IND_SHEETS if not charts.get(s)]
    check(not missing, f"{label}_every_indicator_sheet_has_a_chart", missing)
    bad = []
    for part, fs in refs.items():
        if not fs:
            bad.append((part, "no ranges"))
        for f in fs:
            p = parse_ref(f)
            if not p or p[0] not in wb.sheetnames:
                bad.append((part, f, "no such sheet or range"))
                continue
            sheet, c1, r1, c2, r2 = p
            ws = wb[sheet]
            if c1 != c2 or r2 < r1 or r2 > ws.max_row:
                bad.append((part, f, "not one existing column"))
                continue
            table = next((t for t in tables if t[0] == sheet and t[2] and t[2][0] == r1
                          and t[2][-1] == r2), None)
            if table is None:
                bad.append((part, f, "not the rows of a table"))
                continue
            for r in range(r1, r2 + 1):
                v = ws.cell(r, c1).value
                if c1 == 1:
                    if not isinstance(v, str) or not v:
                        bad.append((part, f, r, "category is not text", v))
                    continue
                if v is not None and v not in MARKS.values() and \
                        not isinstance(v, (int, float)):
                    bad.append((part, f, r, "value is neither a number nor empty", v))
                if table[4]:  # a breakdown: privacy of the cell behind the chart
                    per, cum, width = table[3]
                    cell = table[4][r][0 if c1 < cum else 1]
                    if cell.get("onderdrukt") and v != MARKS[cell["onderdrukt"]]:
                        bad.append((part, f, r, "chart reads a small cell", v))
    check(refs and not bad, f"{label}_chart_series_read_existing_table_ranges", bad)
    return refs


check_charts(wb_i, path_i, "intern", tables_i)
check_charts(wb_e, path_e, "extern", tables_e)

# ---- privacy of the extern workbook -----------------------------------------------


def fixture_names(name, keep=lambda row: True):
    with open(os.path.join(SRC, "fixtures", "demo", name), encoding="utf-8-sig") as f:
        lines = [l.rstrip("\r\n").split(";") for l in f if l.strip()]
    head = lines[0]
    return [dict(zip(head, l)) for l in lines[1:] if keep(dict(zip(head, l)))]


specialists = fixture_names("specialisten.csv")
orgs = fixture_names("organisaties.csv", lambda o: o["type"] in ("gemeente", "sob"))
names = [s["naam"] for s in specialists]
org_names = [o["naam"] for o in orgs]
check(len(names) >= 10 and len(org_names) >= 30, "fixture_names_are_read", (names, org_names[:3]))


def all_strings(path):
    """Every text of the workbook: cell values of every sheet and every XML part
    (chart titles, series names, properties, headers)."""
    texts = []
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            texts += [c.value for c in row if isinstance(c.value, str)]
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            texts.append(z.read(part).decode("utf-8", "replace"))
    return texts


def mentions(texts, name):
    pat = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    return any(pat.search(t) for t in texts)


texts_e = all_strings(path_e)
texts_i = all_strings(path_i)
check(not [n for n in names if mentions(texts_e, n)], "extern_workbook_names_no_specialist",
      [n for n in names if mentions(texts_e, n)])
check(not [n for n in org_names if mentions(texts_e, n)],
      "extern_workbook_names_no_organisation",
      [n for n in org_names if mentions(texts_e, n)])
ids = [s["id"] for s in specialists] + [o["id"] for o in orgs]
check(not [i for i in ids if mentions(texts_e, i)],
      "extern_workbook_has_no_specialist_or_organisation_ids",
      [i for i in ids if mentions(texts_e, i)])
check(sum(mentions(texts_i, n) for n in names) >= 10 and mentions(texts_i, org_names[0]),
      "intern_workbook_does_name_specialists_and_organisations")

small = []
for ws in wb_e.worksheets:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value not in BD_TITLES:
            continue
        heads = row_values(ws, r + 2)
        for col, h in enumerate(heads, 1):
            if h != "Waarnemingen (n)":
                continue
            for dr in data_rows(ws, r + 3):
                v = ws.cell(dr, col).value
                # 0: an empty category discloses nobody; R1's late and
                # pending counts equal published totals (noemer - teller).
                if ws.title == "R1" and str(ws.cell(dr, 1).value).lower() in LATE_PENDING:
                    continue
                if v not in MARKS.values() and \
                        (not isinstance(v, (int, float)) or 0 < v < MIN_CELL):
                    small.append((ws.title, dr, col, v))
check(not small, "extern_no_breakdown_cell_shows_fewer_than_min_cell_observations", small)
hidden = sum(c.value in MARKS.values() for ws in wb_e.worksheets for row in ws.iter_rows()
             for c in row)
check(hidden > 0 and sum(c.value in MARKS.values() for ws in wb_i.worksheets
                         for row in ws.iter_rows() for c in row) == 0,
      "small_cells_are_the_text_<5_or_x_in_extern_only", hidden)

# ---- formats ------------------------------------------------------------------------------

NUMERIC_TEXT = re.compile(r"[-+]?(€\s*)?[\d.,]+\s*%?")
as_text = []
for wb, label in ((wb_i, "intern"), (wb_e, "extern")):
    for ws in wb.worksheets:
        if ws.title in ROW_SHEETS:
            continue
        for row in ws.iter_rows():
            for c in row:
                if c.column == 1 and ws.title in IND_SHEETS:
                    continue  # category labels, such as the scores "1" .. "10"
                if isinstance(c.value, str) and NUMERIC_TEXT.fullmatch(c.value.strip()):
                    as_text.append((label, ws.title, c.coordinate, c.value))
check(not as_text, "no_number_is_written_as_text", as_text[:10])

ws = wb_i["Budget"]
hr = find_row(ws, lambda row: row[0].value == "Bereik")
euro = [ws.cell(hr + 1, c).number_format for c in range(2, 10)
        if isinstance(ws.cell(hr + 1, c).value, float) and ws.cell(hr + 1, c).value > 1000]
check(euro and all("€" in f for f in euro), "budget_amounts_have_a_euro_format", euro)

# Print setup and properties.
bad = []
for ws in wb_i.worksheets:
    ps = ws.page_setup
    if not (str(ps.paperSize) == "9" and ps.orientation == "landscape"
            and ws.sheet_properties.pageSetUpPr.fitToPage and str(ps.fitToHeight) == "0"
            and ps.fitToWidth in (None, 1, "1")):
        bad.append((ws.title, ps.paperSize, ps.orientation, ps.fitToWidth, ps.fitToHeight))
    head = (ws.oddHeader.left.text or "") + (ws.oddHeader.right.text or "")
    foot = (ws.oddFooter.left.text or "") + (ws.oddFooter.right.text or "")
    if "Voortgangsrapportage pijler 2" not in head or PERIOD_NAME not in head or \
            "Pagina &P van &N" not in foot:
        bad.append((ws.title, head, foot))
check(not bad, "every_sheet_prints_a4_landscape_one_page_wide_with_header_and_footer", bad)
pr = wb_e.properties
with zipfile.ZipFile(path_e) as z:
    app = z.read("docProps/app.xml").decode()
check(pr.title.startswith("Voortgangsrapportage pijler 2") and PERIOD_NAME in pr.subject
      and pr.creator == "pijlermonitor" and "Gegevensvingerafdruk" in (pr.description or "")
      and pr.created == datetime.datetime(2026, 1, 1, 0, 0)
      and "<Company>VNG — Platform Sociaal Domein</Company>" in app,
      "workbook_properties_title_subject_author_company_comments_created",
      (pr.title, pr.subject, pr.creator, pr.description, pr.created))

# ---- Definities (was Toelichting) ------------------------------------------------------------------------------

counts = {t: w.count(t) for t in ["organisaties", "specialisten", "hulpvragen", "inzet",
                                  "evaluaties", "kennisproducten", "mijlpalen", "begroting",
                                  "uitgaven"]}
for wb, label in ((wb_i, "intern"), (wb_e, "extern")):
    ws = wb["Definities"]
    found = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)
             if ws.cell(r, 1).value in counts}
    check(found == counts, f"{label}_toelichting_lists_the_sources_with_row_counts",
          (found, counts))
    col_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    check(all(f"{i} — " in " ".join(str(v) for v in col_a if v) for i in
              ["R1", "R2", "R3", "R4", "R5", "R6", "B"]) and col_a.count("Definitie") == 7,
          f"{label}_toelichting_defines_every_indicator")
warn = w.run("check")
nwarn = sum(1 for l in (warn.out + warn.err).splitlines() if l.startswith("waarschuwing: "))
ws = wb_i["Definities"]
listed = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1)
          if isinstance(ws.cell(r, 2).value, str) and "heeft geen" in ws.cell(r, 2).value]
check(nwarn > 0 and len(listed) >= nwarn - 2, "intern_toelichting_lists_the_check_warnings",
      (nwarn, len(listed)))
ws = wb_e["Definities"]
text = " ".join(str(ws.cell(r, 2).value) for r in range(1, ws.max_row + 1))
check(f"{nwarn} waarschuwingen" in text and "HV-" not in text,
      "extern_toelichting_counts_the_warnings_without_naming_rows", text[-300:])
check(any("Hulpvragen, Evaluaties en Inzet" in str(c.value) for row in
          wb_i["Definities"].iter_rows() for c in row),
      "intern_toelichting_says_row_level_sheets_follow")

# ---- row-level sheets (intern) ---------------------------------------------------------------


def day(s):
    return (datetime.date.fromisoformat(s) - datetime.date(1970, 1, 1)).days


DATE_HEADS = {"Ontvangen", "Eerste contact", "Uiterste datum (5 werkdagen)", "Afgerond op",
              "Datum"}
q4 = (day("2025-10-01"), day("2025-12-31"))
DATE_COLUMN = {"Hulpvragen": ("hulpvragen", "ontvangen"), "Evaluaties": ("evaluaties", "datum"),
               "Inzet": ("inzet", "datum")}
want_rows = {name: w.query(f"SELECT count(*) FROM {t} WHERE {c} BETWEEN ? AND ?", *q4)[0][0]
             for name, (t, c) in DATE_COLUMN.items()}
for name in ROW_SHEETS:
    ws = wb_i[name]
    heads = row_values(ws, HEAD)
    check(ws.max_row - HEAD == want_rows[name], f"row_sheet_{name}_has_every_row_of_the_period",
          (ws.max_row - HEAD, want_rows[name]))
    check(all(ws.cell(HEAD, c).font.b for c in range(1, len(heads) + 1)) and
          ws.freeze_panes == f"A{HEAD + 1}" and
          ws.auto_filter.ref ==
          f"A{HEAD}:{openpyxl.utils.get_column_letter(len(heads))}{ws.max_row}",
          f"row_sheet_{name}_has_bold_header_frozen_pane_and_autofilter",
          (ws.freeze_panes, ws.auto_filter.ref))
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
              for c in range(1, len(heads) + 1)]
    check(all(w_ and 6 <= w_ <= 45 for w_ in widths), f"row_sheet_{name}_has_set_column_widths",
          widths)
    bad = []
    for c, h in enumerate(heads, 1):
        for r in range(HEAD + 1, ws.max_row + 1):
            cell = ws.cell(r, c)
            if cell.value is None:
                continue
            if h in DATE_HEADS and not (cell.is_date and cell.number_format == "dd-mm-yyyy"):
                bad.append((cell.coordinate, cell.value, cell.number_format))
            if h in ("Uurtarief", "Kosten") and not (isinstance(cell.value, (int, float)) and
                                                     "€" in cell.number_format):
                bad.append((cell.coordinate, cell.value, cell.number_format))
            if h in ("Score", "Uren", "Werkdagen tot contact") and \
                    not isinstance(cell.value, (int, float)):
                bad.append((cell.coordinate, cell.value))
    check(not bad, f"row_sheet_{name}_dates_are_dates_and_numbers_are_numbers", bad[:5])
ws = wb_i["Inzet"]
ids = [ws.cell(r, 1).value for r in range(HEAD + 1, ws.max_row + 1)]
db_ids = [r[0] for r in w.query("SELECT id FROM inzet WHERE datum BETWEEN ? AND ? "
                                "ORDER BY datum, rowid", *q4)]
check(ids == db_ids, "inzet_rows_are_the_periods_rows_in_date_order", (ids[:3], db_ids[:3]))
c_hours = next(c for c, h in enumerate(row_values(wb_i["Inzet"], HEAD), 1) if h == "Uren")
hours = sum(ws.cell(r, c_hours).value for r in range(HEAD + 1, ws.max_row + 1))
db_hours = w.query("SELECT sum(uren_x100) FROM inzet WHERE datum BETWEEN ? AND ?", *q4)[0][0]
check(abs(hours - db_hours / 100) < 1e-6, "inzet_hours_add_up_to_the_database", (hours, db_hours))

# Continuation past max_rows_per_sheet: the year 2025 with 500 rows a sheet.
res, path_y = report("year.xlsx", "intern", period="2025",
                     env={"PIJLERMONITOR_MAX_SHEET_ROWS": "500"})
check(res.code == 0, "year_report_with_small_sheets_exits_0", res)
wb_y = openpyxl.load_workbook(path_y)
year = (day("2025-01-01"), day("2025-12-31"))
n_inzet = w.query("SELECT count(*) FROM inzet WHERE datum BETWEEN ? AND ?", *year)[0][0]
parts = [n for n in wb_y.sheetnames if n == "Inzet" or n.startswith("Inzet (")]
expect = ["Inzet"] + [f"Inzet ({i})" for i in range(2, (n_inzet + 499) // 500 + 1)]
check(n_inzet > 1000 and parts == expect, "inzet_continues_on_inzet_2_3_past_the_row_limit",
      (n_inzet, parts))
heads = row_values(wb_y["Inzet"], HEAD)
total, bad, seen = 0, [], []
for n in parts:
    ws = wb_y[n]
    rows = ws.max_row - HEAD
    total += rows
    seen += [ws.cell(r, 1).value for r in range(HEAD + 1, ws.max_row + 1)]
    if rows > 500 or row_values(ws, HEAD) != heads or ws.freeze_panes != f"A{HEAD + 1}" or \
            ws.auto_filter.ref != \
            f"A{HEAD}:{openpyxl.utils.get_column_letter(len(heads))}{ws.max_row}":
        bad.append((n, rows, ws.freeze_panes, ws.auto_filter.ref))
check(not bad and total == n_inzet and len(set(seen)) == n_inzet,
      "every_inzet_part_has_its_header_at_most_500_rows_and_together_all_rows",
      (bad, total, n_inzet))
# More than one read-ahead batch (indicators/rows.c, 1024 rows): still every
# row once, in date order, across the parts.
year_ids = [r[0] for r in w.query("SELECT id FROM inzet WHERE datum BETWEEN ? AND ? "
                                  "ORDER BY datum, rowid", *year)]
check(len(year_ids) > 1024 and seen == year_ids,
      "inzet_rows_of_a_year_come_in_date_order_across_read_ahead_batches",
      (len(year_ids), seen[:3], year_ids[:3]))
i_hv = wb_y.sheetnames.index("Hulpvragen")
check(wb_y.sheetnames[i_hv:i_hv + 2] == ["Hulpvragen", "Hulpvragen (2)"] or
      wb_y["Hulpvragen"].max_row - HEAD <= 500, "hulpvragen_parts_follow_each_other",
      wb_y.sheetnames)

# ---- trust -------------------------------------------------------------------------------------

for audience in ("intern", "extern"):
    _, a = report(f"a_{audience}.xlsx", audience)
    _, b = report(f"b_{audience}.xlsx", audience)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        check(fa.read() == fb.read(),
              f"two_runs_with_source_date_epoch_are_byte_identical_{audience}")
# exporters/xlsx_zip.c: the parts are deflated at level 1, which minizip
# marks in the general-purpose flag bits 1-2 of each entry ("super fast").
with zipfile.ZipFile(a) as z:
    flags = {i.filename: i.flag_bits & 6 for i in z.infolist()}
    check(len(flags) > 10 and set(flags.values()) == {6} and z.testzip() is None,
          "workbook_parts_are_deflated_at_the_fast_level_and_read_back_intact", flags)
_, c = report("c.xlsx", "extern", env={"SOURCE_DATE_EPOCH": "1767312000"})
with open(path_e, "rb") as fa, open(c, "rb") as fc:
    check(fa.read() != fc.read(), "another_source_date_epoch_changes_the_file")


def leftovers(folder):
    return [f for f in os.listdir(folder) if f.startswith(".pm-") or ".tmp-" in f]


res = w.run("report", "--period", PERIOD, "--xlsx", os.path.join(w.path, "nope", "r.xlsx"))
check(res.code == 3 and not os.path.exists(os.path.join(w.path, "nope")) and
      not leftovers(w.path), "write_to_missing_folder_exits_3_and_leaves_nothing", res)
target = os.path.join(w.path, "isdir.xlsx")
os.mkdir(target)
res = w.run("report", "--period", PERIOD, "--audience", "intern", "--xlsx", target)
check(res.code == 3 and os.path.isdir(target) and not os.listdir(target) and
      not leftovers(w.path), "failed_rename_after_writing_exits_3_and_removes_the_temporary_file",
      (res, leftovers(w.path)))
ro = os.path.join(w.path, "readonly")
os.mkdir(ro)
os.chmod(ro, 0o555)
if os.geteuid() != 0:
    res = w.run("report", "--period", PERIOD, "--xlsx", os.path.join(ro, "r.xlsx"))
    check(res.code == 3 and not os.listdir(ro),
          "write_to_read_only_folder_exits_3_and_leaves_nothing", res)
else:
    # Root may write into a read-only folder; a "folder" that is really a
    # file fails for root too, late enough to exercise the clean-up.
    blocker = os.path.join(w.path, "geen-map")
    open(blocker, "w").close()
    res = w.run("report", "--period", PERIOD, "--xlsx", os.path.join(blocker, "r.xlsx"))
    check(res.code == 3 and not leftovers(w.path) and os.path.getsize(blocker) == 0,
          "write_below_a_file_instead_of_a_folder_exits_3_and_leaves_nothing", res)
os.chmod(ro, 0o755)
with open(os.path.join(w.path, "keep.xlsx"), "wb") as f:
    f.write(b"old")
res = w.run("report", "--period", "2025-Q9", "--xlsx", os.path.join(w.path, "keep.xlsx"))
with open(os.path.join(w.path, "keep.xlsx"), "rb") as f:
    check(res.code == 1 and f.read() == b"old", "a_failed_report_leaves_the_old_target_untouched",
          res)
check(not leftovers(w.path), "no_temporary_file_remains_after_all_runs", leftovers(w.path))

done()
