"""The accessible workbook (SPEC §11, issue 16 point 3): in the demo's extern
and intern workbooks every native chart has a Dutch description (the descr of
its xdr:cNvPr) that names the chart and quotes the numbers the JSON of the
same store gives, and every cell with a status fill carries its status word,
so status is never told by colour alone."""
import json
import os
import re
import zipfile

import openpyxl

from pmtest import Workdir, check, done

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01T00:00:00Z
STATUS_FILLS = {"E7E6E6": "grijs", "C6EFCE": "groen", "FFEB9C": "oranje",
                "FFC7CE": "rood"}

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False, env=ENV)
assert r.code == 0, r
w.db = os.path.join(demo, "pijlermonitor.db")


def descriptions(path):
    """(number of charts, their descriptions) over every drawing."""
    charts, descr = 0, []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.match(r"xl/drawings/drawing\d+\.xml$", name):
                continue
            xml = z.read(name).decode("utf-8")
            charts += xml.count("<c:chart ")
            descr += [html_unescape(d) for d in re.findall(r'<xdr:cNvPr [^>]*descr="([^"]*)"', xml)]
    return charts, descr


def html_unescape(s):
    return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&amp;", "&"))


def pct(v):
    """Dutch percentage with one decimal, half away from zero."""
    from decimal import Decimal, ROUND_HALF_UP
    d = (Decimal(repr(v)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{d}%".replace(".", ",")


def quarter(label):
    return label.replace("-Q", "-K")


def find(descr, start):
    hits = [d for d in descr if d.startswith(start)]
    return hits[0] if hits else ""


for aud in ("extern", "intern"):
    path = os.path.join(demo, f"rapportage-2026-Q1-{aud}.xlsx")
    n, descr = descriptions(path)
    check(n >= 10 and len(descr) == n,
          f"{aud}: every one of the {n} charts has a description", descr)
    check(all(d.strip() and re.match(r"(Staaf|Lijn)diagram: \S", d) for d in descr),
          f"{aud}: every description is a non-empty Dutch sentence naming its kind", descr)
    check(all(re.search(r"\d", d) for d in descr),
          f"{aud}: every description quotes numbers", descr)

    j = w.run("indicators", "--period", "2026-Q1", "--format", "json",
              "--audience", aud)
    assert j.code == 0, j
    res = {x["id"]: x for x in json.loads(j.out)["indicatoren"]}
    r1 = res["R1"]
    d = find(descr, "Staafdiagram: reactie binnen 5 werkdagen per regio")
    want = [f"{c['sleutel']} {c['waarde'] is None and 'geen' or pct(c['waarde'])}"
            for c in r1["uitsplitsingen"]["regio"]["cumulatief"]]
    check(d and all(x in d for x in want) and "Doel ≥ 90%" in d,
          f"{aud}: R1's regio chart quotes each regio's cumulatief share and the target "
          "as the JSON gives them", f"{d}\nwant {want}")
    d = find(descr, "Lijndiagram: reactie binnen 5 werkdagen per kwartaal")
    want = [f"{quarter(p['kwartaal'])} {pct(p['waarde'])}" for p in r1["trend"]
            if p["waarde"] is not None]
    check(d and want and all(x in d for x in want),
          f"{aud}: R1's trend chart quotes each quarter's share as the JSON gives it",
          f"{d}\nwant {want}")
    d = find(descr, "Lijndiagram: aandeel goed beoordeeld")
    check(d.endswith(". Doel ≥ 80%."),
          f"{aud}: R3's share chart names the share its target line is drawn at", d)
    d = find(descr, "Lijndiagram: kennisproducten")
    total, want = 0, []
    for p in res["R6"]["trend"]:
        total += p["teller"] or 0
        want.append(f"{quarter(p['kwartaal'])} {total}")
    check(d and all(x in d for x in want),
          f"{aud}: R6's chart quotes the running count per quarter", f"{d}\nwant {want}")

    # Extern: nothing the JSON hides may be quoted by a description.
    if aud == "extern":
        leaks = []
        for x in res.values():
            for key, bd in (x.get("uitsplitsingen") or {}).items():
                for rng in ("periode", "cumulatief"):
                    for c in bd.get(rng) or []:
                        if c.get("onderdrukt") and any(
                                c["sleutel"] + " " + str(v) in " ".join(descr)
                                for v in (c.get("teller"), c.get("waarde")) if v):
                            leaks.append(c)
        check(not leaks, "extern: no description quotes a value the JSON hides", leaks)

    wb = openpyxl.load_workbook(path)
    bad, seen = [], 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                fill = c.fill
                if not fill or fill.fill_type != "solid":
                    continue
                rgb = str(fill.fgColor.rgb or "")[-6:].upper()
                if rgb not in STATUS_FILLS:
                    continue
                seen += 1
                if c.value != STATUS_FILLS[rgb]:
                    bad.append(f"{ws.title}!{c.coordinate}: {c.value!r} on {rgb}")
    check(seen > 0 and not bad,
          f"{aud}: each of the {seen} cells with a status fill reads its status word",
          "\n".join(bad))


# Extern with a large min_cell (60): the regio and werkdagen cells the JSON
# hides are named in the chart descriptions by their mark, never by the value
# the intern workbook of the same configuration quotes.
cfg = w.file("mc.json", json.dumps({"min_cell": 60}))
out = {}
for aud in ("extern", "intern"):
    out[aud] = os.path.join(w.path, f"mc-{aud}.xlsx")
    r = w.run("report", "--period", "2026-Q1", "--audience", aud, "--config", cfg,
              "--xlsx", out[aud])
    assert r.code == 0, r
j = w.run("indicators", "--period", "2026-Q1", "--format", "json", "--audience",
          "extern", "--config", cfg)
res = {x["id"]: x for x in json.loads(j.out)["indicatoren"]}
ext, inn = descriptions(out["extern"])[1], descriptions(out["intern"])[1]
for iid, key, start in (("R2", "regio", "Staafdiagram: waardering per regio"),
                        ("R1", "werkdagen", "Staafdiagram: werkdagen tot eerste")):
    de, di = find(ext, start), find(inn, start)
    cells = res[iid]["uitsplitsingen"][key]["cumulatief"]
    hidden = [c["sleutel"] for c in cells if c.get("onderdrukt")]
    # The description's labels are the category texts: map the JSON's keys.
    labels = {"0": "0 werkdagen", "4": "4 werkdagen", "5": "5 werkdagen"}
    hidden = [labels.get(k, k) for k in hidden]
    quoted_in = {h: re.search(re.escape(h) + r" ([\d.,]+%?)", di) for h in hidden}
    check(hidden and all(f"{h} <60" in de for h in hidden),
          f"extern, min_cell 60: {iid}'s {key} chart names each of the {len(hidden)} "
          "hidden cells by its mark", f"{de}\nhidden {hidden}")
    check(all(m and f"{h} {m.group(1)}" not in de for h, m in quoted_in.items()),
          f"extern, min_cell 60: {iid}'s {key} chart quotes none of the values the "
          "intern one shows for those cells", f"{de}\n{di}")

# WCAG 1.4.11 in the workbook too: every colour a chart draws a series or the
# target line with is at least 3:1 against the white plot area (the second
# series was #A5A5A5, 2.4:1).
def luminance(hexcol):
    def ch(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hexcol[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


colours = set()
with zipfile.ZipFile(os.path.join(demo, "rapportage-2026-Q1-intern.xlsx")) as z:
    for name in z.namelist():
        if re.match(r"xl/charts/chart\d+\.xml$", name):
            colours |= set(re.findall(r'<a:srgbClr val="([0-9A-Fa-f]{6})"',
                                      z.read(name).decode("utf-8")))
low = {c: round(1.05 / (luminance(c) + 0.05), 2) for c in colours
       if 1.05 / (luminance(c) + 0.05) < 3}
check(colours and not low, f"every chart colour of the workbook is 3:1 against white "
      f"({len(colours)} colours)", low)

done()
