"""Indicator B (budget), end to end: import a begroting, inzet and uitgaven,
run `indicators --format json` and compare every figure with one computed by
hand. Base specialists: SP01 at € 112,50 and SP02 at € 120,00 an hour; the
programme starts 2024-07-01 (default configuration)."""
import json
import re

from pmtest import Workdir, base, check, csv_text, done

BEGROTING_HDR = ["id", "jaar", "kwartaal", "post", "bedrag"]
UITGAVEN_HDR = ["id", "datum", "post", "bedrag", "omschrijving"]
INZET_HDR = ["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"]
POSTS = ["inhuur", "kennisproducten", "website", "bijeenkomsten", "communicatie", "overig"]


def setup(begroting=(), uitgaven=(), inzet=()):
    """A fresh store with the base, plus the given rows (header added)."""
    w = Workdir()
    base(w)
    files = []
    for name, hdr, rows in (("begroting.csv", BEGROTING_HDR, begroting),
                            ("uitgaven.csv", UITGAVEN_HDR, uitgaven),
                            ("inzet.csv", INZET_HDR, inzet)):
        if rows:
            files.append(w.file(name, csv_text([hdr] + [list(r) for r in rows])))
    if files:
        r = w.run("import", *files)
        assert r.code == 0, r
    return w


def run_b(w, *args):
    """(B's JSON object, the raw JSON text) for `indicators` with args."""
    r = w.run("indicators", "--format", "json", *args)
    assert r.code == 0, r
    doc = json.loads(r.out)
    b = [i for i in doc["indicatoren"] if i["id"] == "B"]
    assert len(b) == 1, r.out
    return b[0], r.out


def near(a, b, eps=0.005):
    return a is not None and b is not None and abs(a - b) < eps


def cells(b, which):
    return {c["sleutel"]: c for c in b["uitsplitsingen"]["post"][which]}


# ---- store A: one year line, one quarter line, inzet and uitgaven in 2025-Q3 ----
A = setup(
    begroting=[
        ["BG1", "2025", "", "inhuur", "40000"],      # whole year: 10.000 a quarter
        ["BG2", "2025", "3", "website", "2000,00"],  # quarter line: Q3 only
    ],
    inzet=[
        ["IZ1", "SP01", "10-07-2025", "2,5", "", ""],  # 2,5 × 112,50 = 281,25
        ["IZ2", "SP02", "20-08-2025", "3", "", ""],    # 3 × 120 = 360,00
        ["IZ3", "SP01", "05-10-2025", "1", "", ""],    # after 2025-Q3
        ["IZ0", "SP02", "01-11-2024", "2", "", ""],    # 240,00 in 2024-Q4
    ],
    uitgaven=[
        ["UG1", "15-07-2025", "website", "500,00", "bouw"],
        ["UG2", "01-08-2025", "website", "-100,00", "creditnota"],
        ["UG3", "30-09-2025", "communicatie", "50", "flyers"],
        ["UG4", "01-10-2025", "overig", "999", "na het kwartaal"],
    ])

# 2025-Q3, peildatum 2025-09-30. Realisatie 281,25 + 360 + 500 − 100 + 50 =
# 1.091,25; begroting 10.000 (¼ of 40.000) + 2.000 = 12.000.
b, text = run_b(A, "--period", "2025-Q3")
p = b["periode"]
check(p["van"] == "2025-07-01" and p["tot"] == "2025-09-30",
      "periode_range_is_the_quarter", p)
check(p["begroting"] == 12000 and p["noemer"] == 12000,
      "year_line_gives_a_quarter_and_quarter_line_its_own_quarter", p)
check(p["realisatie"] == 1091.25 and p["teller"] == 1091.25,
      "realisatie_is_inzet_times_rate_plus_uitgaven_including_credit_note", p)
check(near(p["waarde"], 1091.25 / 12000, 1e-12), "waarde_is_uitputting", p)
check(p["interval"] is None, "budget_has_no_interval", p)
# Cumulatief: 2024-07-01..2025-09-30; only 2025 lines: Q1..Q3 inhuur 30.000
# plus Q3 website 2.000; realisatie adds the 240,00 of 2024-Q4.
c = b["cumulatief"]
check(c["van"] == "2024-07-01" and c["begroting"] == 32000 and c["realisatie"] == 1331.25,
      "cumulatief_runs_from_programme_start_to_peildatum", c)
# Prognose: 2025 stretch 2025-01-01..2025-09-30 = 273 days of 365; the 2024
# inzet is not part of it.
prog = 1091.25 / 273 * 365
check(near(p["prognose"], prog) and near(c["prognose"], prog),
      "prognose_extrapolates_this_years_realisatie_by_days", (p, prog))
check(p["jaarbegroting"] == 42000 and c["jaarbegroting"] == 42000,
      "jaarbegroting_is_the_whole_2025_begroting", p)
check(p["status"] == "groen" and c["status"] == "groen" and b["status"] == "groen",
      "prognose_below_jaarbegroting_is_groen", b)
check(b["doel"] == 1, "doel_is_one", b)

# The post breakdown: six posts in a fixed order, euros per post.
per = b["uitsplitsingen"]["post"]["periode"]
check([x["sleutel"] for x in per] == POSTS
      and [x["sleutel"] for x in b["uitsplitsingen"]["post"]["cumulatief"]] == POSTS,
      "post_breakdown_has_all_six_posts_in_order", per)
pc = cells(b, "periode")
check(pc["inhuur"]["teller"] == 641.25 and pc["inhuur"]["noemer"] == 10000
      and near(pc["inhuur"]["waarde"], 641.25 / 10000, 1e-12),
      "inhuur_post_is_inzet_against_its_begroting", pc["inhuur"])
check(pc["website"]["teller"] == 400 and pc["website"]["noemer"] == 2000
      and near(pc["website"]["waarde"], 0.2, 1e-12),
      "website_post_nets_the_credit_note", pc["website"])
check(pc["communicatie"]["teller"] == 50 and pc["communicatie"]["noemer"] == 0
      and pc["communicatie"]["waarde"] is None,
      "post_without_begroting_has_no_waarde", pc["communicatie"])
check(pc["overig"]["teller"] == 0 and all(x["n"] == 0 for x in per)
      and not any(x.get("onderdrukt") for x in per),
      "post_cells_are_not_suppressed_for_extern", per)
cc = cells(b, "cumulatief")
check(cc["inhuur"]["noemer"] == 30000 and cc["website"]["noemer"] == 2000
      and cc["inhuur"]["teller"] == 881.25,
      "cumulative_post_begroting_runs_from_programme_start", cc)

# Trend: 2024-Q3 .. 2025-Q3; 2024 has no begroting.
t = {x["kwartaal"]: x for x in b["trend"]}
check(list(t) == ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"],
      "trend_covers_programme_quarters", list(t))
check(t["2024-Q3"]["status"] == "grijs" and t["2024-Q3"]["begroting"] is None
      and t["2024-Q3"]["noemer"] == 0 and t["2024-Q3"]["waarde"] is None,
      "trend_quarter_without_begroting_is_grijs", t["2024-Q3"])
check(t["2024-Q4"]["realisatie"] == 240 and t["2024-Q4"]["status"] == "grijs",
      "trend_quarter_with_realisatie_but_no_begroting_is_grijs", t["2024-Q4"])
check(t["2025-Q1"]["begroting"] == 10000 and t["2025-Q1"]["realisatie"] == 0
      and t["2025-Q1"]["status"] == "groen", "trend_quarter_under_begroting_is_groen",
      t["2025-Q1"])
check(t["2025-Q3"]["teller"] == 1091.25 and t["2025-Q3"]["noemer"] == 12000,
      "trend_quarter_has_its_realisatie_and_begroting", t["2025-Q3"])
check(all(x["prognose"] is None and x["jaarbegroting"] is None for x in b["trend"]),
      "trend_points_carry_no_prognose", b["trend"])

# JSON numbers are euros with cents: only IZ1 in 2025-07-01..2025-07-14.
b, text = run_b(A, "--period", "2025-07-01..2025-07-14")
p = b["periode"]
check(p["realisatie"] == 281.25 and re.search(r'"realisatie":\s*281\.25\s*,', text),
      "json_realisatie_is_euros_with_cents", text[:2000])
check("28125" not in text, "json_never_prints_cents", text[:2000])
# 14 days of 92: 12.000 × 14 / 92 = 1.826,0869… → 1826.09
check(p["begroting"] == 1826.09, "begroting_of_part_of_a_quarter_is_rounded_to_cents", p)

# Half a quarter: 2025-07-01..2025-08-15 is 46 of Q3's 92 days.
b, _ = run_b(A, "--period", "2025-07-01..2025-08-15")
p = b["periode"]
check(p["begroting"] == 6000, "half_quarter_range_gets_46_of_92_days_begroting", p)
check(p["realisatie"] == 681.25, "half_quarter_realisatie_is_281_25_plus_500_minus_100", p)
pc = cells(b, "periode")
check(pc["inhuur"]["noemer"] == 5000 and pc["website"]["noemer"] == 1000,
      "post_begroting_is_pro_rata_too", pc)

# Peildatum mid-period: realisatie stops at the peildatum, the periode
# begroting stays that of the whole quarter (SPEC §3).
b, _ = run_b(A, "--period", "2025-Q3", "--peildatum", "2025-08-15")
p = b["periode"]
check(p["tot"] == "2025-08-15" and p["realisatie"] == 681.25,
      "realisatie_stops_at_the_peildatum", p)
check(p["begroting"] == 12000, "periode_begroting_is_the_whole_period", p)
check(cells(b, "periode")["website"]["noemer"] == 2000,
      "periode_post_begroting_is_the_whole_period", cells(b, "periode"))
# Cumulatief is clipped: Q1, Q2 inhuur and half of Q3 = 20.000 + 5.000 + 1.000.
check(b["cumulatief"]["begroting"] == 26000, "cumulatief_begroting_stops_at_peildatum",
      b["cumulatief"])
# 2025-01-01..2025-08-15 is 227 days.
check(near(p["prognose"], 681.25 / 227 * 365), "prognose_uses_days_through_peildatum", p)

# An expense dated after the peildatum counts as not there.
b, _ = run_b(A, "--period", "2025-Q3", "--peildatum", "2025-09-29")
check(b["periode"]["realisatie"] == 1041.25 and b["cumulatief"]["realisatie"] == 1281.25,
      "expense_after_peildatum_is_excluded", b["periode"])
b, _ = run_b(A, "--period", "2025-Q4", "--peildatum", "2025-12-31")
check(b["periode"]["realisatie"] == 112.5 + 999 and b["periode"]["begroting"] == 10000,
      "next_quarter_has_its_own_inzet_and_expenses", b["periode"])

# A quarter line lands in its quarter only: 2025-Q2 has no website begroting.
b, _ = run_b(A, "--period", "2025-Q2")
check(b["periode"]["begroting"] == 10000 and cells(b, "periode")["website"]["noemer"] == 0,
      "quarter_line_stays_out_of_other_quarters", b["periode"])

r = A.run("indicators", "--period", "2025-Q3", "--format", "table")
check(r.code == 0, "table_format_runs_with_budget", r)
r = A.run("indicators", "--period", "2025-Q3", "--format", "csv")
check(r.code == 0, "csv_format_runs_with_budget", r)

# ---- the status boundaries, peildatum 2025-06-30: 181 of 365 days ------------
# realisatie R through 2025-06-30 gives prognose R / 181 × 365.


def status_case(jaar, r_euros):
    w = setup(begroting=[["BG1", "2025", "", "overig", jaar]],
              uitgaven=[["UG1", "01-03-2025", "overig", r_euros, ""]])
    b, _ = run_b(w, "--period", "2025-Q2")
    return b


# 18.100 / 181 × 365 = 36.500 exactly = jaarbegroting.
b = status_case("36500", "18100")
check(b["cumulatief"]["prognose"] == 36500 and b["cumulatief"]["jaarbegroting"] == 36500,
      "prognose_by_hand_is_r_over_181_times_365", b["cumulatief"])
check(b["status"] == "groen" and b["periode"]["status"] == "groen",
      "prognose_equal_to_jaarbegroting_is_groen", b)
# Periode 2025-Q2 has no realisatie (the expense is in Q1) but the same status.
check(b["periode"]["realisatie"] == 0 and b["periode"]["prognose"] == 36500,
      "periode_carries_the_year_prognose", b["periode"])
t = {x["kwartaal"]: x for x in b["trend"]}
check(t["2025-Q1"]["status"] == "rood" and t["2025-Q2"]["status"] == "groen",
      "trend_status_is_the_quarters_own_uitputting", t)
# One cent more: 18.100,01 / 181 × 365 = 36.500,02 → over, within the marge.
b = status_case("36500", "18100,01")
check(b["cumulatief"]["prognose"] == 36500.02 and b["status"] == "oranje",
      "prognose_a_cent_over_is_oranje", b["cumulatief"])
# 3.801 / 181 × 365 = 7.665 = 1,05 × 7.300 exactly. SPEC §5: the periode is
# judged on its own uitputting (nothing spent in Q2: 0%, groen), only the
# cumulatief and the overall status on the prognose.
b = status_case("7300", "3801")
check(b["cumulatief"]["prognose"] == 7665 and b["status"] == "oranje"
      and b["cumulatief"]["status"] == "oranje" and b["periode"]["status"] == "groen",
      "prognose_at_marge_is_oranje", b["cumulatief"])
# 3.801,01 / 181 × 365 = 7.665,02 > 7.665.
b = status_case("7300", "3801,01")
check(b["cumulatief"]["prognose"] == 7665.02 and b["status"] == "rood"
      and b["cumulatief"]["status"] == "rood" and b["periode"]["status"] == "groen",
      "prognose_above_marge_is_rood", b["cumulatief"])
# The periode's own uitputting: 2025-Q1 spent 2.100 of 7.300 / 4 = 1.825:
# 115%, rood, whatever the prognose (issue 13: a range over budget is never
# groen).
b2, _ = run_b(setup(begroting=[["BG1", "2025", "", "overig", "7300"]],
                    uitgaven=[["UG1", "01-03-2025", "overig", "2100", ""]]),
              "--period", "2025-Q1")
check(b2["periode"]["status"] == "rood" and b2["periode"]["begroting"] == 1825
      and "meer dan 5% boven de begroting" in b2["periode"]["reden"],
      "periode_over_its_begroting_is_rood_with_its_reason", b2["periode"])

# No 2025 begroting (only 2024): grijs, jaarbegroting 0, periode begroting null.
w = setup(begroting=[["BG1", "2024", "", "overig", "1000"]],
          uitgaven=[["UG1", "01-03-2025", "overig", "100", ""]])
b, _ = run_b(w, "--period", "2025-Q2")
check(b["status"] == "grijs" and b["periode"]["status"] == "grijs"
      and b["cumulatief"]["status"] == "grijs", "no_begroting_for_the_year_is_grijs", b)
check(b["periode"]["jaarbegroting"] == 0 and b["periode"]["begroting"] is None
      and b["periode"]["noemer"] == 0 and b["periode"]["waarde"] is None,
      "no_begroting_gives_null_begroting_and_waarde", b["periode"])
# Cumulatief still has the 2024-Q3 and Q4 quarters, the programme's two
# quarters of 2024: 500 + 500 (SPEC §5).
check(b["cumulatief"]["begroting"] == 1000 and b["cumulatief"]["realisatie"] == 100,
      "cumulatief_keeps_last_years_begroting", b["cumulatief"])

# ---- programme-start clipping in 2024 -----------------------------------------
# s = max(2024-01-01, 2024-07-01) = 2024-07-01: 92 days through 2024-09-30 of
# the 184 through 2024-12-31. Year line 4.000 goes in halves to Q3 and Q4, the
# programme's quarters of 2024 (SPEC §5), and a Q1 line of 5.000: the
# jaarbegroting is Q3 + Q4 = 4.000. The March expense predates the programme
# and stays out of the prognose.
w = setup(begroting=[["BG1", "2024", "", "overig", "4000"],
                     ["BG2", "2024", "1", "overig", "5000"]],
          uitgaven=[["UG1", "01-08-2024", "overig", "920", ""],
                    ["UG2", "01-03-2024", "overig", "77", "voor de start"]],
          inzet=[["IZ1", "SP02", "02-09-2024", "1", "", ""]])  # 120
b, _ = run_b(w, "--period", "2024", "--peildatum", "2024-09-30")
c = b["cumulatief"]
# (920 + 120) / 92 × 184 = 2.080
check(c["prognose"] == 2080 and c["jaarbegroting"] == 4000,
      "prognose_in_first_year_starts_at_programme_start", c)
check(b["status"] == "groen", "prognose_within_the_halved_year_line_is_groen", b)
check(c["van"] == "2024-07-01" and c["begroting"] == 2000 and c["realisatie"] == 1040,
      "cumulatief_starts_at_programme_start", c)
p = b["periode"]
# The periode is the year: begroting 4.000 + 5.000, realisatie incl. March.
check(p["begroting"] == 9000 and p["realisatie"] == 1117 and p["tot"] == "2024-09-30",
      "periode_before_programme_start_counts_its_expenses", p)
check([x["kwartaal"] for x in b["trend"]] == ["2024-Q3"] and b["trend"][0]["noemer"] == 2000
      and b["trend"][0]["status"] == "groen",
      "trend_starts_at_programme_start", b["trend"])

# A peildatum before the programme start (2024-Q1): no days to extrapolate
# from, so prognose 0 and grijs, although 2024-07..12 has a jaarbegroting.
# Q1 lies outside the programme: the year line gives it nothing.
b, _ = run_b(w, "--period", "2024-Q1")
check(b["status"] == "grijs" and b["periode"]["prognose"] == 0
      and b["periode"]["jaarbegroting"] == 4000 and b["trend"] == []
      and b["periode"]["realisatie"] == 77 and b["periode"]["begroting"] == 5000,
      "peildatum_before_programme_start_is_grijs", b)

# ---- trend statuses by the quarter's own uitputting ---------------------------
w = setup(begroting=[["BG1", "2025", "1", "overig", "1000"],
                     ["BG2", "2025", "2", "overig", "1000"],
                     ["BG3", "2025", "3", "overig", "1000"]],
          uitgaven=[["UG1", "01-02-2025", "overig", "1050", ""],     # 1,05 ×
                    ["UG2", "01-05-2025", "overig", "1000", ""],     # exactly
                    ["UG3", "01-08-2025", "overig", "1050,01", ""]])  # over marge
b, _ = run_b(w, "--period", "2025-Q3")
t = {x["kwartaal"]: x["status"] for x in b["trend"]}
check(t == {"2024-Q3": "grijs", "2024-Q4": "grijs", "2025-Q1": "oranje",
            "2025-Q2": "groen", "2025-Q3": "rood"},
      "trend_status_boundaries_per_quarter", t)

# An empty store: everything zero and grijs, no failure.
w = setup()
b, _ = run_b(w, "--period", "2025-Q3")
check(b["status"] == "grijs" and b["periode"]["realisatie"] == 0
      and b["periode"]["prognose"] == 0 and len(b["uitsplitsingen"]["post"]["periode"]) == 6,
      "empty_store_is_grijs_with_six_zero_posts", b)
done()
