"""Every chart's numbers as a table in the tagged PDF (SPEC §11, issue 16
point 1): on the demo's extern and intern report and its dashboard, each
Figure's alt text points to a table in the appendix "Bijlage: cijfers bij de
grafieken" that exists in the structure tree (H2 "Tabel N." then a Table of
TR/TH/TD, TH with a /Scope); R1 per regio's table gives the JSON's shares;
the dashboard's R1 sparkline table the JSON's trend; extern never shows a
hidden cell's value (the intern run of the same configuration does), and a
hidden cell is named by its mark."""
import json
import os
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import pmtest
from pdfstruct import figure_alts, struct_tree, text_of
from pmtest import Workdir, check, done

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
PERIOD = "2026-Q1"
REF = re.compile(r"De cijfers staan in de bijlage 'Cijfers bij de grafieken', tabel (\d+)\.$")

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False, env=dict(ENV, PIJLERMONITOR_MELD_AFGEKAPT="1"))
assert r.code == 0, r
# The renderer reports text it cut off with "…" (extracted text would still
# hold the whole string): none in any of the demo's PDFs and images.
cut = [ln for ln in r.err.splitlines() if "afgekapte tekst" in ln]
check(not cut, "demo: no text in any PDF or image is cut off", "\n".join(cut[:10]))
w.db = os.path.join(demo, "pijlermonitor.db")
PDFS = {
    "extern": os.path.join(demo, f"rapportage-{PERIOD}-extern.pdf"),
    "intern": os.path.join(demo, f"rapportage-{PERIOD}-intern.pdf"),
    "dashboard": os.path.join(demo, f"dashboard-{PERIOD}.pdf"),
}


def pct(v):
    """0.941 -> "94,1%", half away from zero as the report rounds."""
    d = (Decimal(repr(v)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{d}".replace(".", ",") + "%"


def appendix_tables(tree):
    """{N: (heading, rows)} from the H2 "Tabel N. ..." and the Table after it;
    rows are lists of (role, text, attrs). A table going on over a page adds
    its rows to N's."""
    doc = tree["kids"][0]
    out, current = {}, None
    seen_h1 = False
    for n in doc["kids"]:
        if n["type"] == "H1" and text_of(n).startswith("Bijlage: cijfers"):
            seen_h1 = True
        elif seen_h1 and n["type"] == "H2":
            m = re.match(r"Tabel (\d+) \(grafiek op pagina \d+\)", text_of(n))
            current = int(m.group(1)) if m else None
            if current is not None and current not in out:
                out[current] = (text_of(n), [])
        elif seen_h1 and n["type"] == "Table" and current is not None:
            rows = out[current][1]
            for tr in n["kids"]:
                if tr["type"] == "TR":
                    rows.append([(c["type"], text_of(c).strip(), c["attrs"]) for c in tr["kids"]])
    return seen_h1, out


def table_by_title(tables, start):
    return next(((n, h, rows) for n, (h, rows) in sorted(tables.items())
                 if h.split("): ", 1)[-1].startswith(start)), (None, "", []))


def data_rows(rows):
    """{row header: [cells]} for the rows after the header row."""
    return {r[0][1]: [c[1] for c in r[1:]] for r in rows[1:] if r}


trees = {}
for name, path in PDFS.items():
    tree = struct_tree(path)
    trees[name] = tree
    seen_h1, tables = appendix_tables(tree)
    figs = figure_alts(path)
    alts = [a for a, _ in figs]
    refs = [REF.search(a) for a in alts]
    check(alts and all(refs), f"{name}: every Figure's alt text ends by pointing to its table "
          "in the appendix", [a[-120:] for a, m in zip(alts, refs) if not m][:3])
    nums = [int(m.group(1)) for m in refs if m]
    check(nums == list(range(1, len(alts) + 1)),
          f"{name}: the tables are numbered 1..{len(alts)} in the order of the charts", nums)
    check(seen_h1, f"{name}: the appendix has its H1 'Bijlage: cijfers bij de grafieken'")
    missing = [n for n in nums if n not in tables]
    check(not missing and tables, f"{name}: each of the {len(nums)} referenced tables exists "
          "under its H2 'Tabel N.' as a Table", missing[:5])
    bad = []
    for n, (head, rows) in tables.items():
        if not rows or any(c[0] != "TH" for c in rows[0]):
            bad.append((n, "header row not all TH", rows[:1]))
            continue
        if any(c[2] != ["/Scope /Column"] for c in rows[0]):
            bad.append((n, "header TH without column scope", rows[0]))
        for row in rows[1:]:
            if row[0][0] != "TH" or any(c[0] != "TD" for c in row[1:]) or \
                    row[0][2] != ["/Scope /Row"]:
                bad.append((n, "data row not TH(row) + TD", row))
                break
        page = int(re.match(r"Tabel \d+ \(grafiek op pagina (\d+)\)", head).group(1))
        if n > len(figs) or figs[n - 1][1] != page:
            bad.append((n, "heading names another page than its chart's", head))
    check(not bad, f"{name}: every appendix table names its chart's page, has a header row "
          "of TH (column scope) and rows of a TH (row scope) with TD cells", bad[:3])

# R1 per regio: the table gives every region's share as the JSON does (the
# demo hides none; see the min_cell run below for hidden cells).
for aud in ("extern", "intern"):
    js = json.loads(w.run("indicators", "--period", PERIOD, "--format", "json", "--audience",
                          aud).out)
    r1 = next(x for x in js["indicatoren"] if x["id"] == "R1")
    cells = r1["uitsplitsingen"]["regio"]["cumulatief"]
    _, tables = appendix_tables(trees[aud])
    n, head, rows = table_by_title(tables, "Reactie binnen 5 werkdagen per regio")
    got = data_rows(rows)
    want = {c["sleutel"]: [pct(c["waarde"])] for c in cells if "waarde" in c}
    check(n and got == want and rows[0][0][1] == "Regio" and "%" in rows[0][1][1],
          f"{aud}: the R1 per regio table gives every region's share as the JSON does, "
          "headed Regio and a percentage", f"{head}\n{got}\nwant {want}")

# The dashboard's R1 sparkline: a row per quarter with the JSON's trend.
js = json.loads(w.run("indicators", "--period", PERIOD, "--format", "json").out)
r1 = next(x for x in js["indicatoren"] if x["id"] == "R1")
_, tables = appendix_tables(trees["dashboard"])
n, head, rows = table_by_title(tables, "Verloop van R1")
want = {t["kwartaal"].replace("-Q", "-K"): [pct(t["waarde"])] for t in r1["trend"]}
check(n and data_rows(rows) == want,
      "dashboard: the R1 sparkline's table gives every quarter's share as the JSON's trend",
      f"{head}\n{data_rows(rows)}\nwant {want}")

# The demo's R2 scores: extern shows "<5" and "x" where the JSON hides, and
# the values intern shows never.
_, ext_tables = appendix_tables(trees["extern"])
_, int_tables = appendix_tables(trees["intern"])
ext = json.loads(w.run("indicators", "--period", PERIOD, "--format", "json", "--audience",
                       "extern").out)
hidden = {c["sleutel"]: c["onderdrukt"]
          for x in ext["indicatoren"] if x["id"] == "R2"
          for c in x["uitsplitsingen"]["scores"]["cumulatief"] if c.get("onderdrukt")}
marks = [c for _, rows in ext_tables.values() for r in rows[1:] for c in r[1:]]
check(any(c[1] == "<5" for c in marks) and any(c[1] == "x" for c in marks),
      "extern: hidden cells appear in the appendix by their marks '<5' and 'x'")


def scores_table(tables):
    for _, (head, rows) in sorted(tables.items()):
        body = data_rows(rows)
        if hidden and all(k in body for k in hidden) and "score" in head.lower():
            return head, body
    return "", {}


eh, eb = scores_table(ext_tables)
ih, ib = scores_table(int_tables)
check(eb and all(eb[k] == ["<5" if v == "primair" else "x"] for k, v in hidden.items()),
      f"extern: R2's scores table names its {len(hidden)} hidden cells by their mark",
      f"{eh}\n{eb}\nhidden {hidden}")
check(ib and all(ib[k] != eb.get(k) and ib[k][0] not in ("<5", "x") for k in hidden),
      "intern: the same cells give their values, which extern does not show", f"{ib}\n{eb}")

# min_cell 60 hides regions of R2 for extern: the table gives the mark,
# never the value the intern report of the same configuration gives.
cfg = w.file("mc.json", json.dumps({"min_cell": 60}))
mc = {}
for aud in ("extern", "intern"):
    p = os.path.join(w.path, f"mc-{aud}.pdf")
    r = w.run("report", "--period", PERIOD, "--audience", aud, "--config", cfg, "--pdf", p,
              env=ENV)
    check(r.code == 0, f"min_cell 60: report --audience {aud} --pdf succeeds", r)
    mc[aud] = data_rows(table_by_title(appendix_tables(struct_tree(p))[1],
                                       "Tevreden organisaties per regio")[2])
js = json.loads(w.run("indicators", "--period", PERIOD, "--format", "json", "--audience",
                      "extern", "--config", cfg).out)
cells = next(x for x in js["indicatoren"] if x["id"] == "R2")["uitsplitsingen"]["regio"][
    "cumulatief"]
hid = [c["sleutel"] for c in cells if c.get("onderdrukt")]
vis = {c["sleutel"]: [pct(c["waarde"])] for c in cells if "waarde" in c}
check(hid and all(mc["extern"].get(k) in (["<60"], ["x"]) for k in hid),
      f"min_cell 60, extern: R2 per regio names its {len(hid)} hidden regions by their mark",
      f"{mc['extern']}\nhidden {hid}")
check(all(mc["extern"].get(k) == v for k, v in vis.items()),
      "min_cell 60, extern: the visible regions give the JSON's share", mc["extern"])
check(hid and all(mc["intern"].get(k, [""])[0].endswith("%") and
                  mc["intern"][k] != mc["extern"].get(k) for k in hid),
      "min_cell 60, intern: those regions give a share extern never shows", mc)

# pdftotext in its default mode (no -raw, no -layout) reads each tile in
# one piece: its heading, cumulative line, period line, in that order. It
# did not while the tiles stood in two columns (poppler's TextPage::coalesce
# took the aligned blocks for a table and read it row by row across both);
# the tiles are bands across the page since (DESIGN "The dashboard's bands").
TILE_HEAD = re.compile(r"^(R[1-6]|B)\s+[A-Z][a-z]+( [a-z0-9]+)*$")


def pdftotext_page(path, page, *mode):
    return subprocess.run(["pdftotext", *mode, "-f", str(page), "-l", str(page), path, "-"],
                          capture_output=True, text=True).stdout


def tile_sequence(path, page):
    seq = []
    for line in (l.strip() for l in pdftotext_page(path, page).splitlines()):
        if TILE_HEAD.match(line):
            seq.append("H")
        elif line.startswith("Cumulatief 0"):
            seq.append("c")
        elif line.startswith("Periode "):
            seq.append("p")
    return "".join(seq)


def tile_words(text):
    """The words of each tile, from its heading to the next heading (the
    legend's heading ends the last), as sorted lists keyed by indicator."""
    tiles, cur = {}, None
    for line in (l.strip() for l in text.splitlines()):
        if TILE_HEAD.match(line):
            cur = line.split()[0]
            tiles[cur] = []
        elif line.startswith("Zo leest u een tegel"):
            cur = None
        if cur:
            tiles[cur] += line.split()
    return {k: sorted(v) for k, v in tiles.items()}


extra = os.path.join(w.path, "dash-intern-cmp.pdf")
r = w.run("dashboard", "--period", "2025-Q4", "--audience", "intern", "--vergelijk", "vorige",
          "--type", "sob", "--pdf", extra, env=ENV)
check(r.code == 0, "dashboard intern with --vergelijk and --type succeeds", r)
for name, path in (("dashboard", PDFS["dashboard"]), ("extern", PDFS["extern"]),
                   ("dashboard intern, --vergelijk, --type sob", extra)):
    seq = tile_sequence(path, 1)
    seq = seq[seq.find("H"):]
    check(seq == "Hcp" * 7, f"{name}: pdftotext (default mode) reads the 7 tiles on page 1 "
          "each as heading, cumulative line, period line", seq)
    plain, raw = tile_words(pdftotext_page(path, 1)), tile_words(pdftotext_page(path, 1, "-raw"))
    check(len(plain) == 7 and plain == raw,
          f"{name}: each tile's words in default mode are its words in content order "
          "(nothing of another tile mixed in)",
          {k: (plain.get(k), raw.get(k)) for k in set(plain) | set(raw)
           if plain.get(k) != raw.get(k)})

# The pages render (the appendix included) without an error.
cp = subprocess.run(["pdftoppm", "-r", "30", "-png", PDFS["extern"],
                     os.path.join(w.path, "page")], capture_output=True, text=True)
check(cp.returncode == 0 and not cp.stderr.strip(), "extern: every page renders", cp.stderr)

done()
