"""R1 "reactie binnen 5 werkdagen", hand-checked (SPEC §4, §5): the five
deadline examples of §4, late versus pending at the peildatum, a first
contact after the peildatum, the breakdowns, the working-day distribution,
the Wilson interval and the trend."""
import json
import math

from pmtest import Workdir, base, check, csv_text, done

# The requests. Deadlines by hand (D itself never counts; weekends, Atw
# holidays and decree days are skipped; Goede Vrijdag is a working day):
REQUESTS = [
    ["id", "organisatie", "ontvangen", "eerste_contact"],
    # Thu 17-04 → deadline Fri 25-04 (18-04 Goede Vrijdag counts, 21-04 Tweede
    # Paasdag not): 18, 22, 23, 24, 25. Contact on the deadline: on time, 5 days.
    ["HV1", "GM0363", "2025-04-17", "2025-04-25"],
    # Same day received, contact Mon 28-04: one working day late.
    ["HV2", "GM0363", "2025-04-17", "2025-04-28"],
    # Wed 30-04 → Thu 08-05 (5 mei, a Monday, skipped): on time, 5 days.
    ["HV3", "GM0363", "2025-04-30", "2025-05-08"],
    # Wed 28-05 → Fri 06-06 (Hemelvaart 29-05 and decree day 30-05 skipped).
    ["HV4", "GM0344", "2025-05-28", "2025-06-06"],
    # Same, contact on Tweede Pinksterdag Mon 09-06, after the deadline: late.
    ["HV5", "GM0344", "2025-05-28", "2025-06-09"],
    # Mon 30-06 (the peildatum), no contact: deadline 07-07 not passed: pending.
    ["HV6", "SOB001", "2025-06-30", ""],
    # Mon 16-06, no contact, deadline Mon 23-06 passed at 30-06: late.
    ["HV7", "SOB001", "2025-06-16", ""],
    # Tue 24-06 → deadline Tue 01-07; contact 01-07 lies after the peildatum
    # 30-06, so at 30-06 it is pending; at peildatum 31-07 it is on time.
    ["HV8", "SOB001", "2025-06-24", "2025-07-01"],
    # Sat 01-03 (Q1) → Fri 07-03: on time; only in the cumulative range.
    ["HV9", "GM0344", "2025-03-01", "2025-03-07"],
    # Wed 02-04, contact the same day: 0 working days, on time.
    ["HV10", "GM0363", "2025-04-02", "2025-04-02"],
    # Wed 24-12 → Tue 06-01-2026 (25, 26 Dec, 1 Jan, decree day 2 Jan skipped):
    # after the peildatum, so in neither range.
    ["HV11", "GM0363", "2025-12-24", "2026-01-06"],
]

w = Workdir()
base(w)
r = w.run("import", w.file("hv.csv", csv_text(REQUESTS, sep=",", crlf=False, bom=False)))
check(r.code == 0, "r1_fixture_imports", r)


def r1(*args):
    r = w.run("indicators", "--format", "json", *args)
    assert r.code == 0, r
    doc = json.loads(r.out)
    return next(i for i in doc["indicatoren"] if i["id"] == "R1")


def wilson(k, n, z=1.959963984540054):
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def close(a, b):
    return abs(a - b) < 1e-9


q2 = r1("--period", "2025-Q2")
p, c = q2["periode"], q2["cumulatief"]
# Periode Q2 at 30-06: on time HV1, HV3, HV4, HV10; late HV2, HV5, HV7;
# pending HV6, HV8 (left out).
check(p["teller"] == 4 and p["noemer"] == 7, "periode_counts_on_time_and_late_not_pending", p)
check(close(p["waarde"], 4 / 7), "periode_waarde_is_4_of_7", p)
lo, hi = wilson(4, 7)
check(close(p["interval"][0], lo) and close(p["interval"][1], hi),
      "periode_interval_is_wilson_95", (p["interval"], lo, hi))
check(round(lo, 4) == 0.2505 and round(hi, 4) == 0.8418, "wilson_4_of_7_by_hand", (lo, hi))
check(p["status"] == "rood", "upper_bound_below_target_is_rood", p)
check(p["van"] == "2025-04-01" and p["tot"] == "2025-06-30", "periode_range_is_the_quarter", p)
# Cumulatief 2024-07-01..2025-06-30 adds HV9 (on time): 5 of 8.
check(c["teller"] == 5 and c["noemer"] == 8, "cumulatief_adds_earlier_quarters", c)
check(c["van"] == "2024-07-01" and c["tot"] == "2025-06-30", "cumulatief_from_programme_start", c)
check(q2["status"] == c["status"], "overall_status_is_the_cumulative_one", q2)
check(q2["doel"] == 0.9, "r1_target_is_90_percent", q2)

# Breakdowns, periode: Noord-West HV1 HV2 HV3 HV10 = 3/4; Midden HV4 HV5 = 1/2;
# Oost HV7 late = 0/1 (HV6, HV8 pending).
reg = {cell["sleutel"]: cell for cell in
       r1("--period", "2025-Q2", "--audience", "intern")["uitsplitsingen"]["regio"]["periode"]}
check(reg["Noord-West"]["teller"] == 3 and reg["Noord-West"]["noemer"] == 4,
      "regio_noord_west_3_of_4", reg["Noord-West"])
check(reg["Midden"]["teller"] == 1 and reg["Midden"]["noemer"] == 2, "regio_midden_1_of_2")
check(reg["Oost"]["teller"] == 0 and reg["Oost"]["noemer"] == 1, "regio_oost_0_of_1")
check(reg["Zuid"]["noemer"] == 0 and reg["Zuid"]["waarde"] is None,
      "empty_regio_has_null_waarde", reg["Zuid"])
typ = {cell["sleutel"]: cell for cell in
       r1("--period", "2025-Q2", "--audience", "intern")["uitsplitsingen"]["type"]["periode"]}
check(typ["gemeente"]["noemer"] == 6 and typ["gemeente"]["teller"] == 4 and
      typ["sob"]["noemer"] == 1, "type_breakdown_gemeente_4_of_6_sob_0_of_1", typ)
wd = {cell["sleutel"]: cell for cell in
      r1("--period", "2025-Q2", "--audience", "intern")["uitsplitsingen"]["werkdagen"]["periode"]}
check(wd["0"]["teller"] == 1 and wd["5"]["teller"] == 3 and wd["meer_dan_5"]["teller"] == 3
      and wd["lopend"]["teller"] == 2 and sum(wd[k]["teller"] for k in "1234") == 0,
      "distribution_0_5_late_pending", wd)

# Extern hides cells from fewer than min_cell (5) requests.
ext = {cell["sleutel"]: cell for cell in q2["uitsplitsingen"]["regio"]["periode"]}
check(ext["Noord-West"].get("onderdrukt") == "primair" and "teller" not in ext["Noord-West"],
      "extern_suppresses_regio_cell_of_4", ext["Noord-West"])

# A month period: April holds HV1, HV2, HV3, HV10, and its peildatum is
# 30-04: HV3's contact on 08-05 is not known yet and its deadline (08-05)
# has not passed, so it is pending. On time HV1, HV10; late HV2: 2 of 3.
apr = r1("--period", "2025-04")["periode"]
check(apr["teller"] == 2 and apr["noemer"] == 3, "month_period_april_2_of_3_at_its_own_end",
      apr)

# A later peildatum: the contact of HV8 (01-07) is now known and on time,
# and HV6's deadline (07-07) has passed: late. Periode range stays Q2.
late = r1("--period", "2025-Q2", "--peildatum", "2025-07-31")["periode"]
check(late["teller"] == 5 and late["noemer"] == 9, "later_peildatum_settles_pending", late)

# An earlier peildatum: at 2025-05-07 only what was known then counts.
# HV1 on, HV2 late (contact 28-04), HV10 on; HV3's contact 08-05 is after
# 07-05 and its deadline 08-05 not passed: pending.
early = r1("--period", "2025-Q2", "--peildatum", "2025-05-07")["periode"]
check(early["teller"] == 2 and early["noemer"] == 3 and early["tot"] == "2025-05-07",
      "earlier_peildatum_ignores_later_contacts", early)
check(early["status"] == "grijs", "noemer_below_min_n_is_grijs", early)

# The trend: quarters 2024-Q3 .. 2025-Q2; 2025-Q1 holds HV9 only.
t = q2["trend"]
check([x["kwartaal"] for x in t] == ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"],
      "trend_runs_from_programme_start_to_peildatum", [x["kwartaal"] for x in t])
check(t[2]["teller"] == 1 and t[2]["noemer"] == 1 and t[3]["teller"] == 4 and
      t[3]["noemer"] == 7, "trend_quarters_hold_their_requests", t)
check(t[0]["noemer"] == 0 and t[0]["waarde"] is None and t[0]["interval"] is None,
      "empty_quarter_has_null_waarde_and_interval", t[0])

# A received request on the peildatum itself with contact that day counts.
w.run("import", w.file("hv2.csv", csv_text([REQUESTS[0], ["HV12", "GM0363", "2025-06-30",
                                                          "2025-06-30"]])))
q2b = r1("--period", "2025-Q2")["periode"]
check(q2b["teller"] == 5 and q2b["noemer"] == 8, "contact_on_the_peildatum_counts", q2b)
done()
