"""The tagged PDF of SPEC §11 (issue 16 point 1): on the demo's extern and
intern report and its dashboard, the structure tree (Tagged: yes, /MarkInfo,
/StructTreeRoot, H1 first on every page), what qpdf adds after cairo (/Lang
nl-NL, DisplayDocTitle, /Alt on every Figure with the chart's numbers as the
JSON gives them and no hidden value, /Scope on every TH), qpdf --check, and
byte-identical output."""
import json
import os
import shutil
import subprocess

import robust

from pdfstruct import pdfstr, qpdf_objects, struct_walk
from pmtest import Workdir, check, done

EPOCH = "1767225600"
ENV = {"SOURCE_DATE_EPOCH": EPOCH}

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False, env=ENV)
assert r.code == 0, r
w.db = os.path.join(demo, "pijlermonitor.db")
PERIOD = "2026-Q1"
PDFS = {
    "extern": os.path.join(demo, f"rapportage-{PERIOD}-extern.pdf"),
    "intern": os.path.join(demo, f"rapportage-{PERIOD}-intern.pdf"),
    "dashboard": os.path.join(demo, f"dashboard-{PERIOD}.pdf"),
}


def tool(*args):
    cp = subprocess.run(list(args), capture_output=True, text=True)
    return cp.returncode, cp.stdout, cp.stderr


def pct(v):
    """0.941 -> "94,1%", half away from zero as the report rounds."""
    from decimal import ROUND_HALF_UP, Decimal
    d = (Decimal(repr(v)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{d}".replace(".", ",") + "%"


info = {}
for name, path in PDFS.items():
    code, out, err = tool("pdfinfo", path)
    check(code == 0 and "Tagged:          yes" in out, f"{name}: pdfinfo says Tagged: yes", out + err)
    code, out, err = tool("qpdf", "--check", path)
    check(code == 0, f"{name}: qpdf --check passes", out + err)
    objs = qpdf_objects(path)
    cat, elems = struct_walk(objs)
    info[name] = (objs, cat, elems)
    check(pdfstr(cat.get("/Lang")) == "nl-NL", f"{name}: the catalog's /Lang is nl-NL", cat.get("/Lang"))
    check(cat.get("/MarkInfo", {}).get("/Marked") is True, f"{name}: /MarkInfo /Marked true", cat)
    check("/StructTreeRoot" in cat, f"{name}: the catalog has a /StructTreeRoot")
    vp = cat.get("/ViewerPreferences", {})
    check(isinstance(vp, dict) and vp.get("/DisplayDocTitle") is True,
          f"{name}: /ViewerPreferences /DisplayDocTitle true", vp)
    check(elems and elems[0][0] == "/Document", f"{name}: the tree starts with a Document",
          elems[:3])
    figs = [e for s, e in elems if s == "/Figure"]
    check(len(figs) > 0, f"{name}: the charts are Figure elements")
    bad = [e for e in figs if not pdfstr(e.get("/Alt", "")).strip()]
    check(not bad, f"{name}: every Figure has a non-empty /Alt", bad[:3])
    ths = [e for s, e in elems if s == "/TH"]
    bad = [e for e in ths if e.get("/A", {}).get("/Scope") not in ("/Column", "/Row")]
    check(not bad, f"{name}: every TH has a /Scope", bad[:3])
    # Reading order: on every page the first heading or paragraph is an H1.
    first = {}
    for s, e in elems:
        if s in ("/H1", "/H2", "/P") and "/Pg" in e and e["/Pg"] not in first:
            first[e["/Pg"]] = s
    npages = int(next(l.split()[-1] for l in tool("pdfinfo", path)[1].splitlines()
                      if l.startswith("Pages:")))
    check(len(first) == npages and all(s == "/H1" for s in first.values()),
          f"{name}: every page's first text in the structure is its H1", first)
    code, out, err = tool("pdfinfo", "-struct-text", path)
    lines = [l.strip() for l in out.splitlines()]
    check(code == 0 and "H1 (block)" in lines and lines.index("H1 (block)") <
          lines.index("P (block)"), f"{name}: pdfinfo -struct-text lists H1 before the first P",
          "\n".join(lines[:10]))

check(any(s == "/TH" for s, _ in info["intern"][2]) and any(
    e.get("/A", {}).get("/Scope") == "/Row" for s, e in info["intern"][2] if s == "/TH"),
      "intern: the tables have TH with column and row scope")

# The R1 per regio chart's alt text names every region with its share as the
# JSON gives it, and the target.
for aud in ("extern", "intern"):
    r = w.run("indicators", "--period", PERIOD, "--format", "json", "--audience", aud)
    assert r.code == 0, r
    js = json.loads(r.out)
    r1 = next(x for x in js["indicatoren"] if x["id"] == "R1")
    cells = r1["uitsplitsingen"]["regio"]["cumulatief"]
    alts = [pdfstr(e["/Alt"]) for s, e in info[aud][2] if s == "/Figure"]
    alt = next((a for a in alts if "per regio" in a and "Reactie binnen 5 werkdagen" in a), "")
    want = ", ".join(f"{c['sleutel']} {pct(c['waarde'])}" if "waarde" in c else c["sleutel"]
                     for c in cells)
    check(alt.startswith("Staafdiagram: Reactie binnen 5 werkdagen per regio") and want in alt
          and "Doel 90%." in alt,
          f"{aud}: the R1 per regio Figure's /Alt gives every region's share as the JSON does",
          f"{alt}\nwant: {want}")

# The dashboard's R1 sparkline says every quarter's share as the JSON does.
js = json.loads(w.run("indicators", "--period", PERIOD, "--format", "json").out)
r1 = next(x for x in js["indicatoren"] if x["id"] == "R1")
want = ", ".join(
    f"{t['kwartaal'].replace('-Q', '-K')} {pct(t['waarde'])}" for t in r1["trend"])
alts = [pdfstr(e["/Alt"]) for s, e in info["dashboard"][2] if s == "/Figure"]
alt = next((a for a in alts if "verloop van R1" in a), "")
check(want in alt and "Doel ≥ 90%." in alt,
      "dashboard: the R1 sparkline's /Alt gives every quarter's share as the JSON does",
      f"{alt}\nwant: {want}")

# Each dashboard tile is one Sect in the tree: a screen reader reads its
# heading and figures together (pdftotext's layout mode still reads two tiles
# side by side line by line; -raw, in content order, reads them in one piece).
code, out, err = tool("pdfinfo", "-struct-text", PDFS["dashboard"])
# The appendix of the charts' numbers (its H2 per table) follows the tiles.
blocks = out.split("Bijlage: cijfers")[0].split("  Sect\n")[1:]
tiles = [b for b in blocks if "H2" in b]
ok = len(tiles) == 7 and all(
    b.count("H2 (block)") == 1 and "Cumulatief" in b and "Periode" in b for b in tiles)
check(ok, "dashboard: each of the 7 tiles is one Sect with its H2, cumulative and period text",
      "\n---\n".join(b[:300] for b in tiles[:3]))
code, out, err = tool("pdftotext", "-raw", "-f", "1", "-l", "1", PDFS["dashboard"], "-")
i1, i2 = out.find("R1  Reactie") if "R1  Reactie" in out else out.find("R1 Reactie"), \
    out.find("R2 Waardering") if "R2 Waardering" in out else out.find("R2  Waardering")
check(0 <= i1 < i2 and "n = " in out[i1:i2] and "Cumulatief" in out[i1:i2],
      "dashboard: pdftotext -raw reads the R1 tile in one piece before the R2 tile", out[:800])

# Extern: a hidden cell is named by its mark, never by its value.
ext = json.loads(w.run("indicators", "--period", PERIOD, "--format", "json", "--audience",
                       "extern").out)
itn = json.loads(w.run("indicators", "--period", PERIOD, "--format", "json", "--audience",
                       "intern").out)
ext_alts = [pdfstr(e["/Alt"]) for s, e in info["extern"][2] if s == "/Figure"]
hidden_seen = 0
leaks = []
for xe, xi in zip(ext["indicatoren"], itn["indicatoren"]):
    for key, parts in (xe.get("uitsplitsingen") or {}).items():
        for c_e, c_i in zip(parts.get("cumulatief", []), xi["uitsplitsingen"][key]["cumulatief"]):
            if "onderdrukt" not in c_e or "waarde" not in c_i:
                continue
            hidden_seen += 1
            value = pct(c_i["waarde"]) if isinstance(c_i["waarde"], float) else str(c_i["waarde"])
            for a in ext_alts:
                if f" {c_e['sleutel']} {value}" in a:
                    leaks.append((xe["id"], key, c_e["sleutel"], value, a))
marked = [a for a in ext_alts if " <5" in a or " x," in a or " x." in a]
check(marked, "extern: a chart with a hidden cell names it by its mark in the /Alt", ext_alts)
check(not leaks, f"extern: no Figure's /Alt gives a hidden cell's value ({hidden_seen} hidden)",
      leaks[:3])

# Byte-identical between two runs (SOURCE_DATE_EPOCH): qpdf's rewrite
# included (deterministic /ID).
outs = []
for i in range(2):
    p = os.path.join(w.path, f"run{i}.pdf")
    r = w.run("report", "--period", PERIOD, "--audience", "extern", "--pdf", p, env=ENV)
    check(r.code == 0, f"report --pdf run {i + 1} succeeds", r)
    outs.append(open(p, "rb").read())
check(outs[0] == outs[1], "the tagged PDF is byte-identical between two runs")
for i in range(2):
    p = os.path.join(w.path, f"dash{i}.pdf")
    r = w.run("dashboard", "--period", PERIOD, "--pdf", p, env=ENV)
    outs.append(open(p, "rb").read() if r.code == 0 else b"")
check(outs[2] and outs[2] == outs[3], "the tagged dashboard is byte-identical between two runs")

# A full disk while qpdf's result is written (after cairo's file is whole):
# exit 3 with the Dutch reason, the older report intact, no temporary left.
# qpdf 11 writing to a file itself reported no error: a truncated PDF, exit 0.
shim = robust.build_shim("pmfault", w.path)
if shim:
    sdir = os.path.join(w.path, "vol")
    os.makedirs(sdir)
    target = os.path.join(sdir, "r.pdf")
    shutil.copyfile(os.path.join(w.path, "run0.pdf"), target)
    old = open(target, "rb").read()
    for share in (1.2, 1.6):
        limit = int(len(old) * share)  # cairo's file fits, qpdf's rewrite does not
        r = w.run("report", "--period", PERIOD, "--audience", "extern", "--pdf", target,
                  env=robust.san_env(dict(ENV, LD_PRELOAD=shim, PMFAULT_MODE="full",
                                          PMFAULT_MARKER=sdir, PMFAULT_LIMIT=str(limit))))
        check(r.code == 3 and "schijf is vol" in r.err and target in r.err,
              f"a full disk during the tagging step (budget {share}x the PDF) exits 3 in Dutch",
              r)
        check(open(target, "rb").read() == old and os.listdir(sdir) == ["r.pdf"],
              f"and leaves the older report intact and no temporary ({share}x)", os.listdir(sdir))
else:
    check(True, "# SKIP no compiler for the fault shim")

done()
