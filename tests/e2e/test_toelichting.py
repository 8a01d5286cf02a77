"""`report --toelichting FILE` (SPEC §10, issue 15 points 2 and 4): the
coordinator's CommonMark text read back from the PDF (poppler, qpdf: texts,
page order, outline, real link annotations, nothing below the footer line on
a section of several pages) and the workbook (openpyxl, and the sheet's XML
for rich runs); every refused file with its name and line and no output;
the sjabloon that reports unchanged; "toelichting ontbreekt" for a budget
post outside its margin; the dashboard that takes no toelichting."""
import json
import os
import re
import subprocess
import zipfile

import openpyxl

from pmtest import Workdir, check, csv_text, base, done

ENV = {"SOURCE_DATE_EPOCH": "1775001600"}  # 2026-04-01
PAGE_H, PAGE_W, FOOTER_H, MARGIN = 841.890, 595.276, 26.0, 40.0

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False)
assert r.code == 0, r
w.db = os.path.join(demo, "pijlermonitor.db")


def tool(*args):
    cp = subprocess.run(list(args), capture_output=True, text=True)
    return cp.returncode, cp.stdout, cp.stderr


def pages_text(pdf):
    """The text of each page (pdftotext, layout order)."""
    code, out, _ = tool("pdftotext", "-layout", pdf, "-")
    return out.split("\f")[:-1] if code == 0 else []


def report(tl, name, audience="extern", xlsx=True, period="2026-Q1", db=None):
    pdf = os.path.join(w.path, name + ".pdf")
    xl = os.path.join(w.path, name + ".xlsx")
    args = ["report", "--period", period, "--audience", audience, "--pdf", pdf]
    if xlsx:
        args += ["--xlsx", xl]
    if tl:
        args += ["--toelichting", tl]
    return w.run(*args, env=ENV), pdf, xl


FULL = """# Toelichting 1e kwartaal 2026

## Algemeen

Algemeen-alinea met *cursief-woord*, **vet-woord** en `code-woord`.
Tweede regel met een harde  
regelovergang.

## R1

R1-alinea: zie [de-linktekst](https://example.org/pijler?a=1&b='x') voor meer.

- eerste-punt
  - genest-punt
- tweede-punt

3. derde-genummerd
4. vierde-genummerd

## B

B-alinea over het budget.

## Risico’s

Risico-alinea met <https://example.org/risico>.

## Maatregelen

Maatregel-alinea, mail <mailto:coordinator@example.org>.
"""

full = w.file("full.md", FULL)
for audience in ("extern", "intern"):
    r, pdf, xl = report(full, f"full-{audience}", audience)
    check(r.code == 0, f"{audience}_report_with_every_construct_succeeds", r)
    pages = pages_text(pdf)
    text = "\f".join(pages)
    words = ["Algemeen-alinea", "cursief-woord", "vet-woord", "code-woord", "regelovergang",
             "R1-alinea", "de-linktekst", "https://example.org/pijler?a=1&b='x'",
             "eerste-punt", "genest-punt", "tweede-punt", "3. derde-genummerd",
             "4. vierde-genummerd", "B-alinea", "Risico-alinea", "Maatregel-alinea",
             "coordinator@example.org"]
    missing = [x for x in words if x not in text]
    check(not missing, f"{audience}_pdf_shows_every_text_of_the_toelichting", missing)
    check("(full.md)" in text and w.path not in text,
          f"{audience}_pdf_names_the_file_not_its_path")
    # Page order (from the outline): dashboard, Samenvatting, Algemeen, each
    # indicator page followed by its toelichting, the risks last of the report
    # (the intern management pages follow them).
    code, out, _ = tool("qpdf", "--json", "--json-key=outlines", pdf)
    outline = {o["title"]: o["destpageposfrom1"] for o in json.loads(out)["outlines"]} \
        if code == 0 else {}
    titles = list(outline)
    check(all(t in titles for t in ["Toelichting: Algemeen", "Toelichting R1",
                                    "Risico's en maatregelen"]),
          f"{audience}_outline_lists_the_toelichting_pages", titles)
    r1 = outline.get("R1 Reactie binnen 5 werkdagen", -9)
    b = outline.get("B Budget", -9)
    # The last page of the report proper: the page before the intern
    # management section, or the last page.
    # (Before the appendix of the charts' numbers, issue 16, which comes last.)
    risks = outline.get("Team", outline.get("Bijlage: cijfers bij de grafieken",
                                            len(pages) + 1)) - 1
    check(outline.get("Dashboard") == 1 and
          1 < outline.get("Toelichting: Algemeen", 0) < r1 and
          outline.get("Samenvatting") == 2 < outline.get("Toelichting: Algemeen", 0) and
          outline.get("Toelichting R1") == r1 + 1
          and outline.get("Risico's en maatregelen") == risks and
          "Risico-alinea" in pages[risks - 1] and "Toelichting R1 — " in pages[r1],
          f"{audience}_pages_in_order_algemeen_indicator_then_its_toelichting_risks_last",
          outline)
    # B's short text fits under its two charts: on the B page, no page of its own.
    check(0 < b <= len(pages) and "B-alinea" in pages[b - 1] and
          "Toelichting van de coördinator" in pages[b - 1] and "Toelichting B" not in titles,
          f"{audience}_a_short_section_stays_under_the_charts_of_its_page", outline)
    n = len(pages)
    check(all(f"Pagina {i + 1} van {n}" in p for i, p in enumerate(pages)),
          f"{audience}_every_page_counts_the_toelichting_pages_in_its_footer")
    # Real link annotations with the URLs.
    qdf = os.path.join(w.path, f"qdf-{audience}.pdf")
    tool("qpdf", "--qdf", "--object-streams=disable", pdf, qdf)
    raw = open(qdf, "rb").read().decode("latin-1")
    uris = re.findall(r"/URI \((.*?)\)\s*>>", raw)
    check(any("example.org/pijler?a=1&b=" in u for u in uris) and
          "https://example.org/risico" in uris and
          "mailto:coordinator@example.org" in uris,
          f"{audience}_links_are_real_pdf_link_annotations", uris)
    # The workbook.
    wb = openpyxl.load_workbook(xl)
    names = wb.sheetnames
    check("Toelichting" in names and "Definities" in names and
          names.index("Budget") + 1 == names.index("Toelichting") ==
          names.index("Definities") - 1,
          f"{audience}_workbook_has_toelichting_between_budget_and_definities", names)
    ws = wb["Toelichting"]
    rows = [(ws.cell(i, 1).value, ws.cell(i, 2).value) for i in range(1, ws.max_row + 1)]
    cells = [b for a, b in rows if a]
    flat = " ".join(str(c) for c in cells)
    missing = [x for x in words if x not in flat and x != "3. derde-genummerd"]
    check(not missing and "3. derde-genummerd" in flat,
          f"{audience}_workbook_shows_every_text_of_the_toelichting", missing)
    check(("R1", "• eerste-punt") in rows and ("R1", "    – genest-punt") in rows,
          f"{audience}_workbook_has_a_row_per_list_item_with_its_bullet", rows[:12])
    check(any(a == "Risico's" and "Risico-alinea" in str(b) for a, b in rows),
          f"{audience}_workbook_puts_each_block_under_its_section")
    with zipfile.ZipFile(xl) as z:
        idx = names.index("Toelichting") + 1
        xml = z.read(f"xl/worksheets/sheet{idx}.xml").decode()
    check(re.search(r"<r><rPr><b/>.*?<t[^>]*>vet-woord</t>", xml) is not None and
          re.search(r"<r><rPr><i/>.*?<t[^>]*>cursief-woord</t>", xml) is not None and
          re.search(r"<rFont val=\"Courier New\"/>.*?<t[^>]*>code-woord</t>", xml)
          is not None,
          f"{audience}_workbook_keeps_emphasis_bold_and_code_as_rich_runs")

# Same data, same epoch: the same bytes.
r1_, pdf1, _ = report(full, "det1", xlsx=False)
r2_, pdf2, _ = report(full, "det2", xlsx=False)
check(r1_.code == 0 and open(pdf1, "rb").read() == open(pdf2, "rb").read(),
      "the_pdf_with_a_toelichting_is_byte_identical_on_a_second_run")

# ---- refused files ------------------------------------------------------------------

BAD = [
    ("unknown", "## R1\n\nx\n\n## R7\n\ny\n", 5, "onbekende sectie"),
    ("repeated", "## B\n\nx\n\n## B\n\ny\n", 5, "staat er al"),
    ("html", "## R1\n\nTekst\n\n<script>alert(1)</script>\n", 5, "HTML"),
    ("inline-html", "## R1\n\nTekst met <span>html</span>.\n", 3, "HTML"),
    ("image", "## R2\n\n![x](https://example.org/a.png)\n", 3, "afbeelding"),
    ("before", "Inleiding zonder kop.\n\n## R1\n\nx\n", 1, "vóór de eerste sectie"),
    ("level3", "## R1\n\nx\n\n### Tussenkop\n", 5, "niveau 3"),
    ("control", "## R1\n\nx\n\nmet \x1b escape\n", 5, "U+001B"),
    ("link", "## R1\n\n[klik](javascript:alert(1))\n", 3, "https://"),
]
for name, text, line, word in BAD:
    p = w.file(f"{name}.md", text)
    r, pdf, xl = report(p, f"bad-{name}")
    check(r.code == 2 and f"{name}.md:{line}: " in r.err and word in r.err and
          not os.path.exists(pdf) and not os.path.exists(xl),
          f"a_{name}_toelichting_exits_2_naming_file_and_line_{line}_and_writes_nothing", r)

os.makedirs(os.path.join(w.path, "map"), exist_ok=True)
p = w.file("map/utf.md", b"## R1\n\na\nb\nc\nd\nkapot \xe9 teken\n")
r, pdf, _ = report(p, "bad-utf8")
check(r.code == 2 and "utf.md:7: " in r.err and "UTF-8" in r.err and "map/" not in r.err,
      "invalid_utf8_on_line_7_names_line_7_and_the_file_name", r)
p = w.file("groot.md", "## R1\n\n" + ("tekst " * 200000))
r, pdf, _ = report(p, "bad-big")
check(r.code == 2 and "groot.md" in r.err and "1 MB" in r.err,
      "a_toelichting_over_1_mb_exits_2", r)
r, pdf, _ = report(os.path.join(w.path, "bestaat-niet.md"), "bad-missing")
check(r.code == 3 and "bestaat-niet.md" in r.err, "a_missing_toelichting_exits_3", r)
p = w.file("zelf.md", "## R1\n\nTekst.\n")
before = open(p, "rb").read()
r = w.run("report", "--period", "2026-Q1", "--pdf", p, "--toelichting", p, env=ENV)
check(r.code != 0 and open(p, "rb").read() == before,
      "the_report_never_writes_over_its_toelichting", r)
r = w.run("dashboard", "--period", "2026-Q1", "--pdf", os.path.join(w.path, "d.pdf"),
          "--toelichting", p, env=ENV)
check(r.code == 1 and "--toelichting" in r.err and not os.path.exists(
    os.path.join(w.path, "d.pdf")), "dashboard_with_a_toelichting_is_a_usage_error", r)
r = w.run("indicators", "--toelichting", p)
check(r.code == 1, "indicators_with_a_toelichting_is_a_usage_error", r)

# ---- the sjabloon ------------------------------------------------------------------

r = w.run("sjabloon", "toelichting", db=False)
check(r.code == 0 and "## R1" in r.out and "## Risico's" in r.out and
      "## Maatregelen" in r.out and "## Algemeen" in r.out and "## B" in r.out,
      "sjabloon_toelichting_prints_every_section", r)
tpl = os.path.join(w.path, "sjabloon.md")
r = w.run("sjabloon", "toelichting", tpl, db=False)
check(r.code == 0 and os.path.exists(tpl), "sjabloon_toelichting_writes_the_file", r)
text = open(tpl, encoding="utf-8").read()
hint_r1 = re.search(r"## R1\n\n\*(.*)\*\n", text).group(1)
r2 = w.run("sjabloon", "toelichting", tpl, db=False)
check(r2.code != 0 and "bestaat al" in r2.err and open(tpl, encoding="utf-8").read() == text,
      "sjabloon_toelichting_never_overwrites_a_file", r2)
r, pdf, xl = report(tpl, "sjabloon")
pages = pages_text(pdf)
r0, pdf0, _ = report(None, "zonder", xlsx=False)
check(r.code == 0 and hint_r1 not in "".join(pages) and
      "Toelichting R1" not in "".join(pages) and len(pages) == len(pages_text(pdf0)),
      "the_unchanged_sjabloon_reports_like_no_toelichting", r)
filled = text.replace(f"*{hint_r1}*", "Onze eigen zin over R1.")
p = w.file("gevuld.md", filled)
r, pdf, xl = report(p, "gevuld")
alltext = "".join(pages_text(pdf))
check(r.code == 0 and "Onze eigen zin over R1." in alltext and "Toelichting R1" in alltext
      and hint_r1 not in alltext, "a_filled_in_sjabloon_shows_only_what_was_written", r)

# ---- a long section breaks over pages -----------------------------------------------

long_md = "## R1\n\n" + "\n\n".join(
    f"Alinea {i}: " + " ".join(f"woord{i}x{k}" for k in range(60)) for i in range(60))
long_md += "\n\n- " + "\n- ".join(f"punt {i} met wat tekst erbij" for i in range(40))
long_md += "\n\nEINDE-VAN-DE-SECTIE\n"
p = w.file("lang.md", long_md)
r, pdf, _ = report(p, "lang", xlsx=False)
pages = pages_text(pdf)
cont = [i for i, pg in enumerate(pages) if "Toelichting R1 — " in pg]
check(r.code == 0 and len(cont) >= 3 and
      all("(vervolg)" in pages[i] for i in cont[1:]) and "EINDE-VAN-DE-SECTIE" in pages[cont[-1]],
      "a_long_section_runs_over_three_pages_and_ends_on_the_last", (len(cont), r))
code, out, _ = tool("pdftotext", "-bbox", pdf, "-")
bad = []
page_words = re.split(r"<page ", out)[1:]
footer_y = PAGE_H - FOOTER_H
for i in cont:
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                         r'([^<]*)<', page_words[i]):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        word = m.group(5)
        in_footer = y0 >= footer_y
        if x1 > PAGE_W - MARGIN + 1 or x0 < MARGIN - 1 - 16 or (not in_footer and y1 > footer_y):
            bad.append((i, word, x0, y0, x1, y1))
check(code == 0 and not bad, "no_word_of_a_long_section_passes_the_footer_line_or_the_margin",
      bad[:10])
body = "".join(pages[i] for i in cont)
check(all(f"woord{i}x59" in body for i in range(60)) and "punt 39 met" in body,
      "no_word_of_a_long_section_is_lost", r)

# ---- toelichting ontbreekt ----------------------------------------------------------

f = Workdir()
base(f)
bg = f.file("begroting.csv", csv_text([
    ["id", "jaar", "kwartaal", "post", "bedrag"],
    ["BG1", "2026", "", "website", "1000"],
    ["BG2", "2026", "", "communicatie", "3650"]]))
ui = f.file("uitgaven.csv", csv_text([
    ["id", "datum", "post", "bedrag", "omschrijving"],
    ["U1", "01-02-2026", "website", "5000", "herbouw"],
    # 905 against a pro-rata 900 (by days) or 912,50 (by quarters): within 10%.
    ["U2", "15-02-2026", "communicatie", "905", "nieuwsbrief"]]))
hv = f.file("hulpvragen.csv", csv_text([
    ["id", "organisatie", "ontvangen", "eerste_contact", "specialist", "status"],
    ["H1", "GM0363", "05-01-2026", "06-01-2026", "SP01", "lopend"]]))
r = f.run("import", bg, ui, hv)
assert r.code == 0, r


def flag_run(tl, name):
    pdf = os.path.join(f.path, name + ".pdf")
    xl = os.path.join(f.path, name + ".xlsx")
    args = ["report", "--period", "2026-Q1", "--audience", "intern", "--pdf", pdf,
            "--xlsx", xl]
    if tl:
        args += ["--toelichting", tl]
    rr = f.run(*args, env=ENV)
    text = "".join(pages_text(pdf)) if rr.code == 0 else ""
    wb = openpyxl.load_workbook(xl) if rr.code == 0 else None
    sheet = ""
    if wb and "Toelichting" in wb.sheetnames:
        ws = wb["Toelichting"]
        sheet = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    return rr, text, sheet, wb


r, text, sheet, wb = flag_run(None, "geen")
posts_computed = wb is not None and "Budget per post" in wb.sheetnames
if posts_computed:
    check("Post website:" in text and "toelichting ontbreekt" in text,
          "a_post_outside_its_margin_without_b_text_is_flagged_in_the_pdf", text[-800:])
    check("Post website:" in sheet and "toelichting ontbreekt" in sheet,
          "a_post_outside_its_margin_without_b_text_is_flagged_in_the_workbook", sheet)
    check("Post communicatie" not in text and "Post communicatie" not in sheet,
          "a_post_within_its_margin_is_not_flagged")
    p = f.file("b.md", "## B\n\nDe website is herbouwd; dat was niet begroot.\n")
    r, text, sheet, wb = flag_run(p, "met-b")
    check(r.code == 0 and "toelichting ontbreekt" not in text and
          "toelichting ontbreekt" not in sheet and "De website is herbouwd" in text,
          "with_a_b_text_the_flag_disappears", r)
else:
    # pm_posts_compute (issue 15, engineer beheer) is not merged yet: rep->posten
    # is NULL and no post can be flagged. tests/unit/test_toelichting_flags.c
    # holds the flag's lines; this part runs once the posts are computed.
    for name in ["a_post_outside_its_margin_without_b_text_is_flagged_in_the_pdf",
                 "a_post_outside_its_margin_without_b_text_is_flagged_in_the_workbook",
                 "a_post_within_its_margin_is_not_flagged",
                 "with_a_b_text_the_flag_disappears"]:
        check(True, f"{name} # SKIP de posten per jaar (pm_posts_compute) zijn er nog niet")
    check(r.code == 0 and "toelichting ontbreekt" not in text,
          "without_computed_posts_nothing_is_flagged", r)

# ---- the demo -----------------------------------------------------------------------

for audience in ("extern", "intern"):
    pdf = os.path.join(demo, f"rapportage-2026-Q1-{audience}.pdf")
    text = "".join(pages_text(pdf))
    check("Toelichting: Algemeen" in text and "Risico's en maatregelen" in text and
          "flexibele schil" in text,
          f"the_demo_{audience}_report_carries_the_demo_toelichting")

done()
