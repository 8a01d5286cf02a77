"""Revised figures and what was actually sent (issue 13 points 6, 10; SPEC §5
"Revised figures", "What was actually sent"): every trend point carries
eerder (the figure as known at its own quarter end, or as a definitive report
recorded it) and herzien; the PDF marks revised points and explains the mark
once; the workbook's trend tables have an "Eerder gerapporteerd" column;
`report --definitief [--vervang]` records the report in the store (schema
v4, a v3 store migrates) and `indicators --verzonden` lists them. On the demo
data."""
import json
import os
import sqlite3
import subprocess

from pmtest import Workdir, check, done

ENV = {"SOURCE_DATE_EPOCH": "1775001600"}  # 2026-04-01

w = Workdir()
demo = os.path.join(w.path, "demo")
r = w.run("demo", demo, db=False, env=ENV)
assert r.code == 0, r
w.db = os.path.join(demo, "pijlermonitor.db")


def ind_json(period, *extra):
    r = w.run("indicators", "--period", period, "--format", "json", *extra, env=ENV)
    assert r.code == 0, r
    return json.loads(r.out)


def by_id(doc):
    return {i["id"]: i for i in doc["indicatoren"]}


def point(ind, quarter):
    return next(t for t in ind["trend"] if t["kwartaal"] == quarter)


# ---- point 6: eerder and herzien --------------------------------------------
q1 = by_id(ind_json("2026-Q1"))
p = point(q1["R1"], "2025-Q4")
check((p["teller"], p["noemer"]) == (91, 96), "r1_2025q4_point_now_is_91_of_96", p)
check((p["eerder"]["teller"], p["eerder"]["noemer"]) == (88, 93)
      and p["eerder"]["bron"] == "herberekend",
      "r1_2025q4_point_eerder_is_88_of_93_as_at_its_quarter_end", p["eerder"])
check(p["herzien"] is True, "r1_2025q4_point_is_marked_herzien", p)

# eerder of every earlier point equals that quarter's own report (periode),
# for every indicator: the recomputation is the quarter's report. (This also
# holds R2, whose per-organisation sums once were cleared wrongly in a run
# without a trend.)
bad = []
for quarter in ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]:
    own = by_id(ind_json(quarter))
    for iid, ind in q1.items():
        e = point(ind, quarter)["eerder"]
        per = own[iid]["periode"]
        if (e["teller"], e["noemer"], e["status"]) != (per["teller"], per["noemer"],
                                                       per["status"]):
            bad.append((iid, quarter, e, per))
check(not bad, "every_eerder_equals_the_periode_of_that_quarters_own_report", bad[:3])

last_ok = all(ind["trend"][-1]["eerder"]["teller"] == ind["trend"][-1]["teller"]
              and ind["trend"][-1]["herzien"] is False for ind in q1.values())
check(last_ok, "the_last_trend_point_eerder_is_the_point_itself")
flags_ok = all(t["herzien"] == ((t["teller"], t["noemer"], t["status"]) !=
                                (t["eerder"]["teller"], t["eerder"]["noemer"],
                                 t["eerder"]["status"]))
               for iid, ind in q1.items() if iid != "R4" for t in ind["trend"])
check(flags_ok, "herzien_is_true_exactly_where_teller_noemer_or_status_differ")

# PDF: revised points marked with * and the mark explained once in words.
pdf = os.path.join(w.path, "q1.pdf")
xlsx = os.path.join(w.path, "q1.xlsx")
r = w.run("report", "--period", "2026-Q1", "--pdf", pdf, "--xlsx", xlsx, env=ENV)
assert r.code == 0, r
text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                               text=True).stdout.split())
check("2025-K4 *" in text, "pdf_trend_chart_marks_the_revised_quarter", text[:200])
check("Kwartalen met * zijn herzien" in text and
      "2025-K4: nu 94,8%, 91 van 96; toen 94,6%, 88 van 93" in text,
      "pdf_explains_the_mark_with_the_figures_in_words",
      text[text.find("herzien") - 300:text.find("herzien") + 300])

import openpyxl  # noqa: E402  (Debian's python3-openpyxl)

ws = openpyxl.load_workbook(xlsx)["R1"]
rows = list(ws.iter_rows(values_only=True))
head = next(r for r in rows if r and r[0] == "Kwartaal")
k4 = next(r for r in rows if r and r[0] == "2025-K4")
col = head.index("Eerder gerapporteerd")
check(abs(k4[col] - 88 / 93) < 1e-12 and k4[col + 1] == 88 and k4[col + 2] == 93
      and k4[head.index("Herzien")] == "ja",
      "workbook_trend_has_eerder_gerapporteerd_as_numbers_and_herzien", (head, k4))

# ---- point 10: report --definitief ----------------------------------------
s1 = os.path.join(w.path, "s1.pdf")
r = w.run("report", "--period", "2025-Q4", "--pdf", s1, "--definitief", env=ENV)
check(r.code == 0 and "Vastgelegd als definitief verzonden: 4e kwartaal 2025" in r.out,
      "definitief_records_the_report", r)
rows = w.query("SELECT periode, van, tot, peildatum, publiek, vingerafdruk, cijfers, "
               "tijd, vervangt FROM verzonden")
rec = rows[0] if rows else None
sent = json.loads(rec[6]) if rec else {}
now = ind_json("2025-Q4")
check(rec is not None and rec[0] == "2025-Q4" and rec[4] == "extern"
      and rec[7] == "2026-04-01T00:00:00Z" and rec[8] is None,
      "the_record_has_period_audience_and_the_runs_time", rec[:6] if rec else rows)
check(sent == now, "the_recorded_figures_are_the_json_of_indicators_for_that_audience")

s2 = os.path.join(w.path, "s2.pdf")
r = w.run("report", "--period", "2025-Q4", "--pdf", s2, "--definitief", env=ENV)
check(r.code == 1 and "--vervang" in r.err and not os.path.exists(s2)
      and w.count("verzonden") == 1,
      "a_second_definitive_report_is_refused_with_exit_1_and_writes_nothing", r)
r = w.run("report", "--period", "2025-10-01..2025-12-31", "--pdf", s2, "--definitief",
          env=ENV)
check(r.code == 1, "the_same_days_written_as_a_range_are_the_same_period", r)
r = w.run("report", "--period", "2025-Q4", "--audience", "intern", "--pdf", s2,
          "--definitief", env=ENV)
check(r.code == 0 and w.count("verzonden") == 2,
      "the_other_audience_has_its_own_definitive_report", r)
os.remove(s2)
r = w.run("report", "--period", "2025-Q4", "--pdf", s2, "--definitief", "--vervang",
          env=ENV)
check(r.code == 0 and os.path.exists(s2) and "vervangt nr 1" in r.out
      and w.count("verzonden") == 3
      and w.query("SELECT vervangt FROM verzonden WHERE nr = 3") == [(1,)],
      "vervang_keeps_both_and_names_the_replaced_one", r)

r = w.run("report", "--period", "2025-Q4", "--pdf", s2, "--vervang", env=ENV)
check(r.code == 1, "vervang_without_definitief_is_a_usage_error", r)
r = w.run("indicators", "--period", "2025-Q4", "--definitief", env=ENV)
check(r.code == 1, "definitief_belongs_to_report", r)

r = w.run("indicators", "--verzonden", env=ENV)
lines = r.out.splitlines()
check(r.code == 0 and lines[0].split()[:3] == ["Nr", "Periode", "Peildatum"]
      and len(lines) == 4 and "4e kwartaal 2025" in lines[1] and "31-12-2025" in lines[1]
      and "extern" in lines[1] and "intern" in lines[2] and "nr 1" in lines[3],
      "indicators_verzonden_lists_the_recorded_reports_in_a_dutch_table", r.out)

# Where a definitive report exists, eerder is what the ministry received:
# make the store differ from what was sent, then read the 2025-Q4 point.
con = sqlite3.connect(w.db)
con.execute("UPDATE verzonden SET cijfers = json_replace(cijfers, "
            "'$.indicatoren[0].periode.teller', 87) WHERE nr = 3")
con.commit()
con.close()
p = point(by_id(ind_json("2026-Q1"))["R1"], "2025-Q4")
check(p["eerder"]["bron"] == "verzonden" and p["eerder"]["teller"] == 87
      and p["herzien"] is True,
      "eerder_is_the_latest_sent_figure_where_one_exists", p["eerder"])
p = point(by_id(ind_json("2026-Q1", "--audience", "intern"))["R1"], "2025-Q4")
check(p["eerder"]["bron"] == "verzonden" and p["eerder"]["teller"] == 88,
      "each_audience_reads_its_own_sent_report", p["eerder"])

# ---- migration: a version 3 store gets the table ----------------------------
v3 = Workdir()
v3.init()
con = sqlite3.connect(v3.db)
con.execute("DROP TABLE verzonden")
con.execute("DROP TABLE kolommen")  # version 5's table
con.execute("PRAGMA user_version = 3")
con.commit()
con.close()
r = v3.run("indicators", "--verzonden")
check(r.code == 0 and v3.query("PRAGMA user_version") == [(7,)]
      and "nog geen definitieve rapportage" in r.out,
      "a_version_3_store_migrates_to_6_with_an_empty_verzonden_table", r)

done()
