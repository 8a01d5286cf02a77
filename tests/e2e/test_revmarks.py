"""Every trend chart in the PDF marks its revised quarters (issue 13 point 6,
SPEC §5 "Revised figures"): "2025-K4 *" under the chart and one note in words
naming the revised quarters and the figure now and then. Checked per
indicator page against the JSON trend: a note exactly where a point is
herzien, none where none is. First on the demo's 2026-Q1 report (only R1 is
revised there), then after a definitive 2025-Q4 report and late registrations
dated in 2025-Q4 for every indicator (all revised, eerder = what was sent)."""
import json
import os
import re
import subprocess

from pmtest import Workdir, check, done

ENV = {"SOURCE_DATE_EPOCH": "1775001600"}  # 2026-04-01
ORDER = ["R1", "R2", "R3", "R4", "R5", "R6", "B"]  # pages 3..9 (2: Samenvatting)

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False, env=ENV)
assert r.code == 0, r
w.db = os.path.join(demo, "pijlermonitor.db")


def squeeze(s):
    # pdftotext drops the hyphen of "2025-K3" when the line breaks there.
    return re.sub(r"[\s-]", "", s)


def pct(v):
    return f"{v * 100:.1f}".replace(".", ",") + "%"


def euro(v):
    whole, cents = f"{v:.2f}".split(".")
    return "€ " + f"{int(whole):,}".replace(",", ".") + "," + cents


def figure(iid, f):
    """The figure as the note words it (pdf_pages.c, revised_kind)."""
    if iid in ("R1", "R2", "R3"):
        return f"{pct(f['waarde'])}, {f['teller']:.0f} van {f['noemer']:.0f}"
    if iid in ("R4", "R5"):
        return f"{f['teller']:.0f} van {f['noemer']:.0f} op tijd gereed"
    if iid == "R6":
        return f"{f['aantal']} kennisproduct" + ("" if f["aantal"] == 1 else "en")
    return f"{euro(f['realisatie'])} van {euro(f['begroting'])}"


def quarter_label(q):  # "2025-Q4" -> "2025-K4"
    return q.replace("-Q", "-K")


def pages(pdf):
    out = []
    for n in range(3, 3 + len(ORDER)):
        t = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
                           capture_output=True, text=True).stdout
        out.append(" ".join(t.split()))
    return out


def check_marks(tag, audience, expect_all=False):
    r = w.run("indicators", "--period", "2026-Q1", "--audience", audience,
              "--format", "json", env=ENV)
    assert r.code == 0, r
    inds = {i["id"]: i for i in json.loads(r.out)["indicatoren"]}
    pdf = os.path.join(w.path, f"{tag}-{audience}.pdf")
    r = w.run("report", "--period", "2026-Q1", "--audience", audience, "--pdf", pdf,
              env=ENV)
    assert r.code == 0, r
    texts = pages(pdf)
    bad, revised_ids = [], []
    for iid, text in zip(ORDER, texts):
        ind = inds[iid]
        revised = [t for t in ind["trend"] if t["herzien"]]
        sq = squeeze(text)
        if not re.search(rf"publiek {audience} {iid} ", text[:260]):
            bad.append((iid, "page order", text[:120]))
            continue
        if not revised:
            if "zijn herzien" in text or re.search(r"K\d \*", text):
                bad.append((iid, "note or mark without a revised point"))
            continue
        revised_ids.append(iid)
        if "Kwartalen met * zijn herzien" not in text:
            bad.append((iid, "no note"))
        for t in revised:
            if squeeze(quarter_label(t["kwartaal"]) + " *") not in sq:
                bad.append((iid, "no mark", t["kwartaal"]))
        last = revised[-1]
        want = (f"{quarter_label(last['kwartaal'])}: nu {figure(iid, last)}; "
                f"toen {figure(iid, last['eerder'])}")
        if squeeze(want) not in sq:
            bad.append((iid, "note lacks", want, text[text.find("herzien") - 80:][:500]))
        if len(revised) > 1:
            named = ", ".join(quarter_label(t["kwartaal"]) for t in revised[:-1])
            named += " en " + quarter_label(revised[-1]["kwartaal"])
            if squeeze(f"zijn herzien ({named})") not in sq:
                bad.append((iid, "note does not name every revised quarter", named))
        sent = all(t["eerder"]["bron"] == "verzonden" for t in revised)
        if sent and "eerder definitief is gerapporteerd" not in text:
            bad.append((iid, "note does not say the figure was sent"))
    check(not bad, f"{tag}_{audience}_pdf_marks_and_notes_follow_the_json_herzien", bad)
    if expect_all:
        check(revised_ids == ORDER, f"{tag}_{audience}_every_indicator_is_revised",
              revised_ids)
    return revised_ids


ids = check_marks("demo", "extern")
check(ids == ["R1"], "demo_only_r1_is_revised_and_only_r1_has_a_note", ids)

# The appendix's R1 trend table marks the same quarter and says what * means.
whole = subprocess.run(["pdftotext", "-raw", os.path.join(w.path, "demo-extern.pdf"), "-"],
                       capture_output=True, text=True).stdout
appendix = whole[whole.find("Bijlage: cijfers bij de grafieken"):]
check(re.search(r"\d{4}-K\d \*", appendix) and "* = herzien" in appendix,
      "demo_appendix_marks_the_revised_quarter_and_explains_the_mark", appendix[:1500])
check_marks("demo", "intern")

# ---- every indicator revised: a sent 2025-Q4, then late registrations -------
for audience in ("extern", "intern"):
    r = w.run("report", "--period", "2025-Q4", "--audience", audience, "--pdf",
              os.path.join(w.path, f"sent-{audience}.pdf"), "--definitief", env=ENV)
    assert r.code == 0, r
files = [
    w.file("uitgaven.csv", "id,datum,post,bedrag,omschrijving\n"
           "UG-900,2025-11-15,overig,1000.00,Late boeking\n"),
    w.file("kennisproducten.csv", "id,titel,soort,gepubliceerd,pijler,kanalen,bereik\n"
           "KP-90,Late factsheet,factsheet,2025-11-15,2,website,10\n"),
    w.file("mijlpalen.csv", "id;resultaat;omschrijving;gepland;gereed;bewijs\n"
           "MP-R4-90;R4;Late mijlpaal;15-11-2025;10-11-2025;x.pdf\n"
           "MP-R5-90;R5;Late mijlpaal;15-11-2025;;\n"),
    w.file("evaluaties.json", json.dumps([
        {"id": "EV-9001", "organisatie": "MINSZW", "datum": "2025-12-20",
         "soort": "opdrachtgever", "score": 9},
        {"id": "EV-9002", "organisatie": "GM0177", "datum": "2025-11-15",
         "soort": "ondersteuning", "score": 3},
        {"id": "EV-9003", "organisatie": "GM1942", "datum": "2025-11-15",
         "soort": "specialist", "score": 3, "specialist": "SP01"}])),
]
r = w.run("import", *files, env=ENV)
assert r.code == 0, r
check_marks("late", "extern", expect_all=True)
check_marks("late", "intern", expect_all=True)


def r4_q4(audience):
    r = w.run("indicators", "--period", "2026-Q1", "--audience", audience,
              "--format", "json", env=ENV)
    assert r.code == 0, r
    r4 = next(i for i in json.loads(r.out)["indicatoren"] if i["id"] == "R4")
    return next(t for t in r4["trend"] if t["kwartaal"] == "2025-Q4")


# R4's mean in eerder is the one sent (2 evaluations, 7,75 intern; hidden in
# extern), not the recomputed one with the late evaluation (3, 8,17): that
# one was never sent, and in extern it is a mean the disclosure pass hides.
t = r4_q4("intern")
check((t["eerder"]["opdrachtgever_evaluaties"], t["eerder"]["opdrachtgever_gemiddelde"])
      == (2, 7.75) and t["opdrachtgever_evaluaties"] == 3,
      "r4_eerder_mean_is_the_sent_mean_intern", t)
t = r4_q4("extern")
check(t["eerder"]["opdrachtgever_evaluaties"] == 2
      and t["eerder"]["opdrachtgever_gemiddelde"] is None
      and t["eerder"].get("opdrachtgever_gemiddelde_onderdrukt")
      and t["opdrachtgever_gemiddelde"] is None,
      "r4_eerder_mean_hidden_when_the_sent_extern_report_hid_it", t)
intern_r4 = pages(os.path.join(w.path, "late-intern.pdf"))[ORDER.index("R4")]
check("2025-K4: nu gemiddeld 8,2 uit 3 evaluaties; toen gemiddeld 7,8 uit 2 evaluaties"
      in intern_r4, "intern_r4_mean_note_quotes_the_means_now_and_then",
      intern_r4[intern_r4.find("Waardering"):][:600])
extern_r4 = pages(os.path.join(w.path, "late-extern.pdf"))[ORDER.index("R4")]
check("gemiddeld 8,2" not in extern_r4 and "gemiddeld 7,8" not in extern_r4
      and "evaluaties, status" not in extern_r4,
      "extern_r4_note_quotes_no_mean_and_no_note_under_an_empty_mean_chart",
      extern_r4[extern_r4.find("Waardering"):][:600])

done()
