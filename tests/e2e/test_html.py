"""`report --html` and `dashboard --html` (SPEC §11, issue 16 points 2 and
4): the page is well-formed (Python's html.parser, every element closed in
order, no duplicate id), makes no external request (no src, no href but the
toelichting's links and in-page anchors, no @import or url( in its CSS, no
script), keeps every imported text inert (organisation names and a
toelichting with <script>, &, quotes and ]]>, on an intern page since names
never reach an extern one), has the structure a screen reader needs (lang,
landmarks, one h1, tables with caption and th scope, each chart a figure
with role=img, a name and a caption), shows for extern what the PDF shows
(no personal table) and goes through the output set (never over the
store). Then axe-core in headless Chromium (tests/a11y/axe.js) with the
WCAG 2.1 A and AA tags, when node, its packages and chromium are there."""
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

from pmtest import BIN, SRC, Workdir, check, csv_text, done

ENV = {"SOURCE_DATE_EPOCH": "1775001600"}  # 2026-04-01
EVIL = "<script>alert(1)</script> & \"dq\" 'sq' ]]>"
LINK = "https://example.org/pijler?a=1&b=2"

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False)
assert r.code == 0, r
w.db = os.path.join(demo, "pijlermonitor.db")
# Point 6: the demo writes the extern web page beside its PDF, with the
# toelichting, named as its other outputs.
demo_html = os.path.join(demo, "rapportage-2026-Q1-extern.html")
check(os.path.isfile(demo_html) and f"Webpagina (extern): {demo_html}" in r.out,
      "demo writes rapportage-2026-Q1-extern.html and says so", r.out[-600:])
with open(demo_html, encoding="utf-8") if os.path.isfile(demo_html) else open(os.devnull) as f:
    demo_raw = f.read()
check("Toelichting van de coördinator" in demo_raw and "publiek extern" in demo_raw and
      "R2: Per organisatie" not in demo_raw,
      "the demo's page is the extern report with the demo's toelichting")

# Every organisation renamed to a hostile name (the ids stay).
orgs = w.query("SELECT id, type, coalesce(regio, '') FROM organisaties ORDER BY id")
rows = [["id", "naam", "type", "regio"]] + [
    [i, f"{EVIL} {i}", t, g] for i, t, g in orgs]
r = w.run("import", w.file("evil.csv", csv_text(rows)))
check(r.code == 0, "organisation names with markup import", r)

# CommonMark refuses raw HTML in a toelichting; escaped, it is text.
TL_EVIL = EVIL.replace("<", "\\<")
TL = f"""# Toelichting

## Algemeen

Algemeen {TL_EVIL} met **vet** en [een link]({LINK}).

## R1

R1-tekst {TL_EVIL}.
"""
tl = w.file("tl.md", TL)


class Page(HTMLParser):
    """Collects what the checks read; records nesting errors."""
    VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base",
            "wbr", "source", "track", "embed", "param"}
    SVG_SELF = True

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.dups = [], [], set(), []
        self.tags, self.attrs, self.text = [], [], []
        self.style = ""
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.attrs.append((tag, a))
        if "id" in a:
            if a["id"] in self.ids:
                self.dups.append(a["id"])
            self.ids.add(a["id"])
        if tag == "style":
            self.in_style = True
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        # <path ... /> inside svg: an element that closes itself.
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_style:
            self.style += data
        else:
            self.text.append(data)


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def run_html(name, *args, tl_file=None):
    out = os.path.join(w.path, name)
    extra = ["--toelichting", tl_file] if tl_file else []
    r = w.run(*args, "--period", "2026-Q1", "--html", out, *extra, env=ENV)
    return r, out


pages = {}
r, pages["extern"] = run_html("extern.html", "report", tl_file=tl)
check(r.code == 0 and "Webpagina (extern)" in r.out, "report --html writes the page", r)
r, pages["intern"] = run_html("intern.html", "report", "--audience", "intern", tl_file=tl)
check(r.code == 0, "report --audience intern --html writes the page", r)
r, pages["dashboard"] = run_html("dashboard.html", "dashboard")
check(r.code == 0 and "Dashboard als webpagina" in r.out,
      "dashboard --html writes the page", r)

parsed = {k: parse(v) for k, v in pages.items()}
for kind, p in parsed.items():
    check(not p.errors and not p.stack, f"{kind}: every element is closed in order",
          "\n".join(p.errors[:10] + [f"left open: {p.stack}"]))
    check(not p.dups, f"{kind}: no id occurs twice", p.dups[:10])
    check(p.tags.count("h1") == 1, f"{kind}: one h1", p.tags.count("h1"))
    html_attrs = [a for t, a in p.attrs if t == "html"]
    check(html_attrs and html_attrs[0].get("lang") == "nl", f"{kind}: lang=nl")
    for lm in ("header", "main", "footer"):
        check(p.tags.count(lm) == 1, f"{kind}: one <{lm}> landmark")
    check("script" not in p.tags, f"{kind}: no script element")
    srcs = [a["src"] for t, a in p.attrs if "src" in a]
    check(not srcs, f"{kind}: nothing is loaded (no src)", srcs[:5])
    hrefs = [a.get("href") or a.get("xlink:href") for t, a in p.attrs
             if "href" in a or "xlink:href" in a]
    outside = [h for h in hrefs if not h.startswith("#") and h != LINK]
    check(not outside, f"{kind}: every link is in-page or the toelichting's", outside[:5])
    check("@import" not in p.style and "url(" not in p.style,
          f"{kind}: the CSS fetches nothing")
    # Heading order: never a level skipped on the way down.
    levels = [int(t[1]) for t in p.tags if re.fullmatch(r"h[1-6]", t)]
    skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    check(levels and levels[0] == 1 and not skips, f"{kind}: headings in order", skips)
    # Tables: a caption each, every th with a scope.
    ntables = p.tags.count("table")
    check(p.tags.count("caption") == ntables, f"{kind}: every table has a caption")
    ths = [a for t, a in p.attrs if t == "th"]
    check(all(a.get("scope") in ("col", "row") for a in ths),
          f"{kind}: every th has scope col or row")
    regions = [a for t, a in p.attrs if t == "div" and a.get("role") == "region"]
    check(len(regions) == ntables and all(a.get("tabindex") == "0" for a in regions),
          f"{kind}: every table scrolls in a labelled, focusable region")
    svgs = [a for t, a in p.attrs if t == "svg"]
    check(all(a.get("role") == "img" and a.get("aria-label") for a in svgs),
          f"{kind}: every chart is an image with a name")
    check(p.tags.count("figure") == len(svgs) == p.tags.count("figcaption"),
          f"{kind}: every chart is a figure with a caption")
    check("Toegankelijkheid" in "".join(p.text),
          f"{kind}: the toegankelijkheidsverklaring is there")

ext, itn, dash = parsed["extern"], parsed["intern"], parsed["dashboard"]
check(len([a for t, a in ext.attrs if t == "svg"]) >= 8,
      "extern: the report's charts are inline SVG")
check(len([a for t, a in itn.attrs if t == "svg"]) >
      len([a for t, a in ext.attrs if t == "svg"]),
      "intern has the personal charts extern leaves out")
itext, etext = "".join(itn.text), "".join(ext.text)
check(EVIL + " GM" in itext, "intern: an imported name reads back as plain text")
check("R2: Per organisatie" in itext and "R2: Per organisatie" not in etext,
      "the personal table is intern only, as in the PDF")
check(EVIL not in etext.replace("Algemeen " + EVIL, "").replace("R1-tekst " + EVIL, ""),
      "extern: no organisation name reaches the page")
check(f"R1-tekst {EVIL}." in etext and f"Algemeen {EVIL}" in etext,
      "the toelichting's hostile text reads back as plain text")
links = [a["href"] for t, a in ext.attrs if t == "a"]
check(links == [LINK], "the toelichting's link is a real link", links)
with open(pages["intern"], encoding="utf-8") as f:
    raw = f.read()
check("<script" not in raw and "]]>" not in raw and "'sq'" not in raw,
      "the raw page holds no unescaped markup, quote or ]]>")
# Suppression as in the PDF: a small cell is "<5" for extern, a number intern.
row = r'<tr><th scope="row">onderwerp onbekend</th><td class="n">([^<]*)</td>'
with open(pages["extern"], encoding="utf-8") as f:
    ext_raw = f.read()
em, im = re.search(row, ext_raw), re.search(row, raw)
check(em and im and em.group(1) == "&lt;5" and im.group(1).isdigit(),
      "a small cell is <5 for extern and its number intern", (em, im))
check('<td class="n">x</td>' in ext_raw and '<td class="n">x</td>' not in raw,
      "extern hides the cell beside a small one as x (secondary suppression)")
check(re.search(r'R4: Mijlpalen</caption>\s*<thead><tr><th scope="col">Mijlpaal</th>'
                r'<th scope="col">Gepland</th><th scope="col">Gereed</th>', ext_raw),
      "the milestones table gives planned and ready dates")
check(dash.tags.count("li") >= 7, "the dashboard page has the tiles")
tiles = "".join(dash.text)
check("Status" in tiles and "Reden" in tiles and "Doel" in tiles,
      "each tile gives target, status in words and reason")

# Point 1: every chart's figure carries its numbers as drawn in a table
# with a caption and th scope; a hidden cell is its mark, never its value.
def figures(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r"<figure>.*?</figure>", f.read(), re.S)


for kind in ("extern", "intern"):
    figs = figures(pages[kind])
    bare = [re.search(r'aria-label="([^"]{0,60})', f).group(1) for f in figs
            if not re.search(r"<table>\s*<caption[^>]*>Cijfers bij de grafiek", f)]
    check(figs and not bare, f"{kind}: every chart's figure holds its data table", bare)
    check(all(f.count("<figcaption>") == 1 for f in figs),
          f"{kind}: every figure has one caption")
efigs, ifigs = figures(pages["extern"]), figures(pages["intern"])
regio = [f for f in efigs if "Reactie binnen 5 werkdagen per regio" in f]
rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="n">([0-9]+,[0-9]%)</td>',
                  regio[0]) if regio else []
check([k for k, v in rows] == ["Noord-West", "Noord", "Midden", "Oost", "Zuid-West", "Zuid"],
      "R1 per regio: the chart's table gives each region's share", rows)
trend = [f for f in efigs if "per kwartaal (Per kwartaal" in f]
check(trend and re.search(r'<th scope="row">2026-K1</th><td class="n">', trend[0]) and
      '<thead><tr><th scope="col">Kwartaal</th>' in trend[0],
      "the trend charts' tables have a row per quarter")
scores = lambda fs: [f for f in fs if "Verdeling van de scores (Cumulatief" in f]
es, is_ = scores(efigs), scores(ifigs)
check(es and '<td class="n">&lt;5</td>' in es[0] and '<td class="n">x</td>' in es[0],
      "extern: a hidden score shows <5 (and x beside it) in the chart's table")
check(is_ and "&lt;5</td>" not in is_[0] and ">x</td>" not in is_[0],
      "intern: the same table gives every count")
check(es and "minder dan" in es[0], "extern: the chart's table explains its marks")
mijl = [f for f in efigs if "Mijlpalen: gepland en gereed" in f]
check(mijl and '<th scope="col">Uitkomst</th>' in mijl[0],
      "the milestone timeline has its table with the outcome in words")

# Point 3: the dashboard page has what its PDF has: per tile the sparkline
# (a figure with its alt and its table per quarter), the eindstand and the
# statuses in words, how to read a tile with the marks, the filter on top.
with open(pages["dashboard"], encoding="utf-8") as f:
    dash_raw = f.read()
# A date in a heading does not break at its hyphens on a phone: each date of
# the eindstand heading is a nowrap span, and the style says nowrap.
eind = re.search(r'<h2 id="h-eind-0">(.*?)</h2>', dash_raw, re.S)
eind_dates = re.findall(r"\d\d-\d\d-\d{4}", re.sub(r"<[^>]+>", "", eind.group(1))) if eind else []
check(eind and len(eind_dates) == 4 and
      len(re.findall(r'<span class="nw">\d\d-\d\d-\d{4}</span>', eind.group(1))) == 4 and
      ".nw{white-space:nowrap}" in dash_raw,
      "dashboard: the eindstand heading keeps each of its 4 dates on one line",
      eind and eind.group(1))
tiles_html = re.findall(r'<li class="tile">.*?</li>\n(?=<li class="tile">|</ul>)', dash_raw, re.S)
check(len(tiles_html) == 7, "dashboard: seven tiles", len(tiles_html))
sparks = [t for t in tiles_html if re.search(
    r'<figure class="spark">.*<svg role="img" aria-label="Lijndiagram: verloop van '
    r'.*<caption id="t[0-9]+">Cijfers bij het verloop van .* per kwartaal</caption>'
    r'.*<th scope="row">2026-K1</th><td class="n">[^<]+</td>', t, re.S)]
check(len(sparks) == 7, "dashboard: every tile has its sparkline as a figure with "
      "its numbers per quarter in a table", len(sparks))
check(re.search(r"<h2 id=\"h-eind-0\">Eindstand <span class=\"nw\">31-12-2025</span>", dash_raw) and
      re.search(r"<li><strong>R1</strong>: [^<]+ — (niet )?gehaald \(status \w+\)</li>",
                dash_raw), "dashboard: the eindstand, each verdict in words")
check(re.search(r"<strong>Stand:</strong> \d+ groen, \d+ oranje, \d+ rood, \d+ grijs",
                dash_raw), "dashboard: the count per status in words")
check("Zo leest u een tegel" in dash_raw and "<strong>oranje</strong>:" in dash_raw,
      "dashboard: how to read a tile, each status in words")
# The web page's legend says what the PDF's says, word for word: grijs is
# also "geen doel", never only "te weinig gegevens" (the web page's own
# words said so while every status was grijs for lack of a target period).
html_legend = dict(re.findall(r"<li><strong>(groen|oranje|rood|grijs)</strong>: ([^<]+)</li>",
                              dash_raw))
pdf_text = " ".join(subprocess.run(
    ["pdftotext", "-f", "1", "-l", "1", os.path.join(demo, "dashboard-2026-Q1.pdf"), "-"],
    capture_output=True, text=True).stdout.split())
check(len(html_legend) == 4 and
      html_legend.get("grijs") == "geen oordeel (te weinig gegevens, of geen doel)" and
      all(f"{k}: {v}" in pdf_text for k, v in html_legend.items()),
      "dashboard: the legend's four statuses in the PDF's words", (html_legend, pdf_text[-900:]))
check(re.search(r"<dt>Periode</dt><dd>[^<]+\((groen|oranje|rood|grijs|onderdrukt)\)",
                dash_raw), "dashboard: the period's status in words on the tile")
r, opath = run_html("dash-oost.html", "dashboard", "--regio", "Oost")
with open(opath, encoding="utf-8") as f:
    oost = f.read() if r.code == 0 else ""
check(re.search(r"<h1>Regio Oost · 1e kwartaal 2026</h1>", oost) and
      "<p class=\"filter\">Filter: Regio Oost." in oost,
      "dashboard under a filter: the filter in the title and in words", r)
marks = re.findall(r"<dd>[^<]*&lt;5[^<]*</dd>", oost)
check(marks and '<p class="marks">&lt;5 = minder dan' in oost,
      "dashboard extern under a filter: a tile's mark is explained in the legend",
      marks)
check(not re.search(r'<p class="marks">', dash_raw) or "&lt;5" in dash_raw,
      "dashboard: no legend of marks the page does not show")
r, tpath2 = run_html("dash-titel.html", "dashboard", "--regio", "Oost", "--titel", "Oost")
with open(tpath2, encoding="utf-8") as f:
    tt = f.read() if r.code == 0 else ""
check("<h1>Oost</h1>" in tt and "Filter: Regio Oost." in tt,
      "dashboard with --titel under a filter still names the filter", r)

# A filter: the title names it; extern R1-R3 keep their figures only (SPEC §9).
r, fpath = run_html("oost.html", "report", "--regio", "Oost")
fp = parse(fpath) if r.code == 0 else Page()
ftext = "".join(fp.text)
h1s = re.findall(r"<h1>([^<]*)</h1>", open(fpath, encoding="utf-8").read()) \
    if r.code == 0 else []
check(h1s and "Regio Oost" in h1s[0], "a filtered page names its selection in the h1",
      (r, h1s))
check(ftext.count("Bij een selectie van organisaties") == 3 and
      "R1: Per regio" not in ftext,
      "extern under a filter: R1-R3 show no breakdown and no chart")
r, tpath = run_html("titel.html", "dashboard", "--titel", EVIL)
tp = parse(tpath) if r.code == 0 else Page()
check(r.code == 0 and not tp.errors and "script" not in tp.tags and
      EVIL in "".join(tp.text), "a hostile --titel is inert text", r)

# Point 4: `dashboard --per regio --html MAP` writes a page per regio and an
# index linking them; with the PDFs' folder the same, both kinds side by side.
perdir = os.path.join(w.path, "per")
r = w.run("dashboard", "--period", "2026-Q1", "--per", "regio", "--html", perdir, env=ENV)
names = sorted(os.listdir(perdir)) if r.code == 0 else []
htmls = [n for n in names if n.endswith(".html") and n != "index.html"]
check(r.code == 0 and len(htmls) == 6 and "index.html" in names and
      not [n for n in names if n.endswith(".pdf")],
      "dashboard --per regio --html MAP: six pages and an index, no PDF", (r, names))
idx = parse(os.path.join(perdir, "index.html")) if r.code == 0 else Page()
links = [a["href"] for t, a in idx.attrs if t == "a"]
check(sorted(links) == htmls and not idx.errors and idx.tags.count("h1") == 1 and
      "main" in idx.tags, "the index links every page, by its file name", links)
check("Regio Noord-West" in "".join(idx.text), "the index names each regio")
for n in htmls:
    with open(os.path.join(perdir, n), encoding="utf-8") as f:
        h = re.search(r"<h1>([^<]*)</h1>", f.read())
    check(h and h.group(1).startswith("Regio ") and h.group(1).endswith("1e kwartaal 2026"),
          f"{n}: its h1 names its regio and period", h and h.group(1))
both = os.path.join(w.path, "both")
r = w.run("dashboard", "--period", "2026-Q1", "--per", "type", both, "--html", both,
          env=ENV)
names = sorted(os.listdir(both)) if r.code == 0 else []
check(r.code == 0 and [n for n in names if not n.startswith(".")] ==
      ["dashboard-2026-Q1-gemeente.html", "dashboard-2026-Q1-gemeente.pdf",
       "dashboard-2026-Q1-sob.html", "dashboard-2026-Q1-sob.pdf", "index.html"],
      "--per type MAP --html MAP: PDF and page per type side by side", (r, names))
r = w.run("dashboard", "--period", "2026-Q1", "--per", "regio", env=ENV)
check(r.code == 1 and "--html MAP" in r.err, "--per without a folder is a usage error", r)
pages_extra = {"index": os.path.join(perdir, "index.html"),
               "per-oost": os.path.join(perdir, "dashboard-2026-Q1-oost.html")}

# Point 5: the toelichting's lists are real lists, nested as in the Markdown.
TL_LISTS = """# Toelichting

## Algemeen

Inleiding.

- eerste punt
- tweede punt
  1. genest een
  2. genest twee

  vervolg van het tweede punt
- derde punt

3. drie
4. vier

Slot.
"""
r, lpath = run_html("lists.html", "report", tl_file=w.file("lists.md", TL_LISTS))
with open(lpath, encoding="utf-8") as f:
    lraw = re.sub(r"\s+", "", f.read()) if r.code == 0 else ""
check("<p>Inleiding.</p><ul><li><p>eerstepunt</p></li><li><p>tweedepunt</p><ol><li><p>"
      "genesteen</p></li><li><p>genesttwee</p></li></ol><p>vervolgvanhettweedepunt</p>"
      "</li><li><p>derdepunt</p></li></ul><olstart=\"3\"><li><p>drie</p></li><li><p>vier"
      "</p></li></ol><p>Slot.</p>" in lraw,
      "bullets, a nested ordered list, a continued item and a list from 3 are "
      "<ul>/<ol>/<li> as in the Markdown", r)
lp = parse(lpath) if r.code == 0 else Page()
check(not lp.errors and "•" not in "".join(lp.text),
      "the lists are well-formed and carry no drawn bullet as text", lp.errors[:3])

# Point 8: the toegankelijkheidsverklaring says what is met and what is not.
for kind in ("extern", "dashboard"):
    with open(pages[kind], encoding="utf-8") as f:
        vk = f.read()
    vk = vk[vk.find('<h2 id="h-verklaring">'):]
    check("<h3>Wat voldoet</h3>" in vk and "<h3>Wat niet voldoet</h3>" in vk and
          "getekend als vormen" in vk and "tabel" in vk and "3:1" in vk and
          vk.index("Wat voldoet") < vk.index("Wat niet voldoet") < vk.index("</section>"),
          f"{kind}: the verklaring lists what is met and what is not (chart text "
          "is drawn; the tables carry it)")

# The output set: never over the store, never an unknown command's option.
before = open(w.db, "rb").read()
r = w.run("report", "--period", "2026-Q1", "--html", w.db, env=ENV)
check(r.code != 0 and open(w.db, "rb").read() == before,
      "--html onto the database is refused and the store is untouched", r)
r = w.run("indicators", "--html", os.path.join(w.path, "x.html"))
check(r.code == 1 and "--html" in r.err, "--html on indicators is a usage error", r)

# axe-core in headless Chromium, with screenshots at 1280 and 320 px.
a11y = os.path.join(SRC, "tests", "a11y")
node, chromium = shutil.which("node"), shutil.which("chromium")
if node and chromium and os.path.isdir(os.path.join(a11y, "node_modules")):
    # Kept after the run, beside meson's logs, to look at.
    shots = os.path.join(os.path.dirname(BIN), "meson-logs", "html-screens")
    os.makedirs(shots, exist_ok=True)
    for kind, path in list(pages.items()) + list(pages_extra.items()):
        cp = subprocess.run([node, os.path.join(a11y, "axe.js"), path,
                             os.path.join(shots, kind)],
                            capture_output=True, text=True, timeout=280)
        check(cp.returncode == 0, f"{kind}: axe-core finds no WCAG 2.1 A/AA violation, "
              "the page reflows at 640 px (200% zoom) and 320 px and prints its "
              "figures whole", cp.stdout + cp.stderr)
        check("figures kept whole in print" in cp.stdout,
              f"{kind}: the print check ran", cp.stdout)
        print(f"# {kind}: {cp.stdout.strip()}; screenshots {shots}/{kind}-1280.png, "
              "-640.png, -320.png")
else:
    check(False, "axe-core runs: node, chromium and tests/a11y/node_modules are "
          "there (scripts/setup installs them)", f"node {node}, chromium {chromium}")

done()
