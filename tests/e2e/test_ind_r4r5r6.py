"""R4 and R5 (milestones done on time, R4 also the opdrachtgever mean) and R6
(knowledge products published and actively spread) of SPEC §5, read from
`indicators --format json` on small hand-made data sets whose every expected
figure is worked out in a comment.

The programme runs from 2024-07-01 through 2025-12-31 (the defaults): 549
days. Days since the start, inclusive: 2024-09-30 = 92, 2024-12-31 = 184,
2025-03-31 = 274, 2025-06-30 = 365, 2025-09-30 = 457."""
import json

from pmtest import Workdir, check, done, base, csv_text

MP_HEAD = ["id", "resultaat", "omschrijving", "gepland", "gereed", "bewijs"]
EV_HEAD = ["id", "organisatie", "datum", "soort", "score", "specialist", "hulpvraag"]
KP_HEAD = ["id", "titel", "soort", "gepubliceerd", "pijler", "kanalen", "bereik"]


def setup(rows_by_file):
    """A fresh store with the base organisations plus the given files."""
    w = Workdir()
    base(w)
    paths = [w.file(name, csv_text(rows)) for name, rows in rows_by_file.items()]
    if paths:
        r = w.run("import", *paths)
        assert r.code == 0, r
    return w


def indicators(w, period, peildatum=None):
    """The JSON report as {id: indicator}, or None (and a failed check). Intern:
    these tests check the computation; extern hides a mean of fewer than 3
    organisations (test_disclosure_outputs)."""
    args = ["indicators", "--period", period, "--format", "json", "--audience", "intern"]
    if peildatum:
        args += ["--peildatum", peildatum]
    r = w.run(*args)
    if not check(r.code == 0, f"indicators_{period}_{peildatum or 'default'}_exits_0", r):
        return None
    doc = json.loads(r.out)
    return {i["id"]: i for i in doc["indicatoren"]}


def figures(obj, *keys):
    return tuple(obj.get(k) for k in keys)


def cells(ind, breakdown, rng):
    return {c["sleutel"]: c for c in ind["uitsplitsingen"][breakdown][rng]}


def trend(ind):
    return {t["kwartaal"]: t for t in ind["trend"]}


def close(a, b):
    return a is not None and abs(a - b) < 1e-9


# ---------------------------------------------------------------------------
# W1 — R4: on time, late, planned after the peildatum, done after the
# peildatum; the opdrachtgever mean exactly 7.0.
w1 = setup({
    "mijlpalen.csv": [
        MP_HEAD,
        # M0: cumulatief only (2025-Q1); gereed on the planned day is on time.
        ["M0", "R4", "Monitoringskader vastgesteld", "31-03-2025", "31-03-2025", ""],
        # M1: due in 2025-Q3, done five days early: on time.
        ["M1", "R4", "Kwartaalrapportage Q2", "15-07-2025", "10-07-2025", ""],
        # M2: due 15 Aug, done 20 Aug: late (but done).
        ["M2", "R4", "Dashboard opgeleverd", "15-08-2025", "20-08-2025", ""],
        # M9: planned after every peildatum below: never due.
        ["M9", "R4", "Eindrapportage", "15-10-2025", "", ""],
    ],
    "evaluaties.csv": [
        EV_HEAD,
        # 7.5 and 6.5: mean exactly 7.0, which meets the threshold.
        ["E1", "VNG", "01-08-2025", "opdrachtgever", "7,5", "", ""],
        ["E2", "VNG", "01-09-2025", "opdrachtgever", "6,5", "", ""],
        # Another soort never counts for R4.
        ["E3", "GM0363", "02-08-2025", "ondersteuning", "3", "", ""],
    ],
})

ind = indicators(w1, "2025-Q3")
if ind:
    r4 = ind["R4"]
    per, cum = r4["periode"], r4["cumulatief"]
    # periode 2025-07-01..2025-09-30: M1 on time, M2 late; M9 not yet due.
    check(figures(per, "teller", "noemer", "waarde") == (1, 2, 0.5),
          "r4_period_counts_on_time_of_due_milestones", per)
    check(per["interval"] is None, "r4_has_no_interval", per)
    # All due milestones done, one late: oranje.
    check(per["status"] == "oranje", "r4_all_done_some_late_is_oranje", per)
    # (7.5 + 6.5) / 2 = 7.0 from two evaluations; 7.0 is not below 7.
    check(close(per["opdrachtgever_gemiddelde"], 7.0) and
          per["opdrachtgever_evaluaties"] == 2,
          "r4_mean_of_opdrachtgever_scores_only", per)
    # cumulatief 2024-07-01..2025-09-30: M0 and M1 on time, M2 late: 2 of 3.
    check(figures(cum, "teller", "noemer") == (2, 3) and close(cum["waarde"], 2 / 3),
          "r4_cumulative_includes_earlier_milestones", cum)
    check(cum["status"] == "oranje" and r4["status"] == "oranje",
          "r4_mean_exactly_7_is_not_rood", r4)
    check(r4["doel"] == 1, "r4_doel_is_the_configured_share", r4["doel"])

    # Breakdown: one cell per milestone due in the cumulatief range (M9 not).
    pc, cc = cells(r4, "mijlpalen", "periode"), cells(r4, "mijlpalen", "cumulatief")
    keys_per = [c["sleutel"] for c in r4["uitsplitsingen"]["mijlpalen"]["periode"]]
    keys_cum = [c["sleutel"] for c in r4["uitsplitsingen"]["mijlpalen"]["cumulatief"]]
    check(keys_cum == ["M0", "M1", "M2"] and keys_per == keys_cum,
          "r4_breakdown_has_due_milestones_in_planned_order_in_both_tables",
          (keys_per, keys_cum))
    check(cc["M2"]["naam"] == "Dashboard opgeleverd" and cc["M2"]["gepland"] == "2025-08-15"
          and cc["M2"]["gereed"] == "2025-08-20"
          and figures(cc["M2"], "teller", "noemer", "waarde", "n") == (0, 1, 0, 1),
          "r4_late_milestone_cell_shows_dates_and_zero", cc["M2"])
    check(figures(cc["M1"], "teller", "noemer", "waarde") == (1, 1, 1),
          "r4_on_time_milestone_cell_is_one", cc["M1"])
    # M0 lies outside the periode: its periode cell has noemer 0, no waarde.
    check(pc["M0"]["noemer"] == 0 and pc["M0"]["waarde"] is None
          and cc["M0"]["noemer"] == 1,
          "r4_milestone_outside_period_has_empty_period_cell", (pc["M0"], cc["M0"]))

    # Trend: 2024-Q3 and 2024-Q4 nothing due (grijs); 2025-Q1 M0 on time
    # (groen, no scores); 2025-Q3 as the periode.
    t = trend(r4)
    check(list(t) == ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"],
          "r4_trend_has_each_programme_quarter", list(t))
    check(t["2024-Q3"]["status"] == "grijs" and t["2024-Q3"]["waarde"] is None,
          "r4_trend_quarter_without_milestones_is_grijs", t["2024-Q3"])
    check(figures(t["2025-Q1"], "teller", "noemer", "status") == (1, 1, "groen")
          and t["2025-Q1"]["opdrachtgever_gemiddelde"] is None,
          "r4_trend_quarter_with_one_on_time_is_groen", t["2025-Q1"])
    check(figures(t["2025-Q3"], "teller", "noemer", "status") == (1, 2, "oranje")
          and close(t["2025-Q3"]["opdrachtgever_gemiddelde"], 7.0),
          "r4_trend_quarter_matches_period", t["2025-Q3"])

# Peildatum 2025-08-18: M2 (due 15 Aug) is done only on 20 Aug, after the
# peildatum, so it counts as not done: rood. E2 (1 Sep) is not there yet:
# the mean is E1's 7.5.
ind = indicators(w1, "2025-Q3", "2025-08-18")
if ind:
    r4 = ind["R4"]
    per = r4["periode"]
    check(figures(per, "teller", "noemer", "status") == (1, 2, "rood"),
          "r4_milestone_done_after_peildatum_counts_as_not_done", per)
    check(close(per["opdrachtgever_gemiddelde"], 7.5) and per["opdrachtgever_evaluaties"] == 1,
          "r4_evaluation_after_peildatum_is_left_out", per)
    check(per["tot"] == "2025-08-18", "r4_period_range_ends_at_peildatum", per)
    cc = cells(r4, "mijlpalen", "cumulatief")
    check("gereed" not in cc["M2"] and cc["M2"]["teller"] == 0,
          "r4_cell_hides_gereed_after_peildatum", cc["M2"])

# Peildatum 2025-07-20: only M1 due, on time; both scores lie after it, so
# no mean (null) and groen.
ind = indicators(w1, "2025-Q3", "2025-07-20")
if ind:
    per = ind["R4"]["periode"]
    check(figures(per, "teller", "noemer", "waarde", "status") == (1, 1, 1, "groen"),
          "r4_all_due_on_time_without_scores_is_groen", per)
    check("opdrachtgever_gemiddelde" in per and per["opdrachtgever_gemiddelde"] is None
          and per["opdrachtgever_evaluaties"] == 0,
          "r4_mean_is_null_without_scores", per)

# ---------------------------------------------------------------------------
# W2 — R4 all on time but the mean 6.95; R5 late, not done, done after the
# peildatum.
w2 = setup({
    "mijlpalen.csv": [
        MP_HEAD,
        # R4: one milestone in 2025-Q3, on time.
        ["A1", "R4", "Kwartaalrapportage", "20-07-2025", "01-07-2025", ""],
        # R5: on time in Q3.
        ["W1", "R5", "Lancering website", "31-07-2025", "30-07-2025", ""],
        # R5: due 5 Sep, done 20 Sep.
        ["W2", "R5", "Toegankelijkheidsaudit", "05-09-2025", "20-09-2025", ""],
        # R5: due 30 Jun (cumulatief only), never done.
        ["W3", "R5", "Zoekfunctie", "30-06-2025", "", ""],
    ],
    "evaluaties.csv": [
        EV_HEAD,
        # Q3: 6.9 and 7.0: sum 13.9, mean 6.95 < 7: rood. A float mean of
        # 6.95 must not be rounded up to 7.
        ["F1", "VNG", "05-07-2025", "opdrachtgever", "6,9", "", ""],
        ["F2", "VNG", "01-09-2025", "opdrachtgever", "7", "", ""],
        # Q1: 9.0, cumulatief only: (9.0 + 6.9 + 7.0) / 3 = 7.633... >= 7.
        ["F3", "VNG", "01-03-2025", "opdrachtgever", "9,0", "", ""],
    ],
})

ind = indicators(w2, "2025-Q3")
if ind:
    r4 = ind["R4"]
    per, cum = r4["periode"], r4["cumulatief"]
    check(figures(per, "teller", "noemer", "waarde") == (1, 1, 1)
          and close(per["opdrachtgever_gemiddelde"], 6.95),
          "r4_mean_6_95_is_reported", per)
    check(per["status"] == "rood", "r4_mean_below_7_is_rood_even_all_on_time", per)
    check(close(cum["opdrachtgever_gemiddelde"], 229 / 30) and cum["opdrachtgever_evaluaties"] == 3
          and cum["status"] == "groen" and r4["status"] == "groen",
          "r4_cumulative_mean_uses_all_scores_since_programme_start", cum)

    r5 = ind["R5"]
    per, cum = r5["periode"], r5["cumulatief"]
    # Q3 at 30 Sep: W1 on time, W2 late: 1 of 2, all done: oranje.
    check(figures(per, "teller", "noemer", "waarde", "status") == (1, 2, 0.5, "oranje"),
          "r5_late_but_done_is_oranje", per)
    # Cumulatief: W3 (due 30 Jun) never done: 1 of 3, rood.
    check(figures(cum, "teller", "noemer", "status") == (1, 3, "rood")
          and r5["status"] == "rood",
          "r5_milestone_not_done_by_peildatum_is_rood", cum)
    check("opdrachtgever_gemiddelde" not in per and per["interval"] is None,
          "r5_has_no_mean_and_no_interval", per)
    check(r5["doel"] == 1, "r5_doel_is_the_configured_share", r5["doel"])
    cc = cells(r5, "mijlpalen", "cumulatief")
    check(list(cc) == ["W3", "W1", "W2"] and "gereed" not in cc["W3"],
          "r5_breakdown_lists_only_r5_milestones", list(cc))

# Peildatum 15 Sep: W2 (due 5 Sep) is done only on 20 Sep: not done, rood.
ind = indicators(w2, "2025-Q3", "2025-09-15")
if ind:
    per = ind["R5"]["periode"]
    check(figures(per, "teller", "noemer", "status") == (1, 2, "rood"),
          "r5_done_after_peildatum_is_rood", per)

# ---------------------------------------------------------------------------
# W3 — nothing at all: milestones grijs with waarde null, R6 rood.
w3 = setup({})
ind = indicators(w3, "2025-Q3")
if ind:
    for rid in ("R4", "R5"):
        for rng in ("periode", "cumulatief"):
            f = ind[rid][rng]
            check(figures(f, "teller", "noemer", "waarde", "status") == (0, 0, None, "grijs"),
                  f"{rid.lower()}_{rng}_without_milestones_is_grijs_with_null_waarde", f)
    f = ind["R4"]["periode"]
    check("opdrachtgever_gemiddelde" in f and f["opdrachtgever_gemiddelde"] is None,
          "r4_json_has_null_mean_key_without_scores", f)
    check(ind["R4"]["uitsplitsingen"]["mijlpalen"]["cumulatief"] == [],
          "r4_breakdown_is_empty_without_milestones", ind["R4"]["uitsplitsingen"])
    f = ind["R6"]["cumulatief"]
    # 0 products: 0 x 549 < 5 x 457: rood.
    check(figures(f, "teller", "aantal", "status") == (0, 0, "rood"),
          "r6_no_products_is_rood", f)

# Before the programme start nothing can be judged: every range is empty.
ind = indicators(w3, "2024-Q2")
if ind:
    check(ind["R6"]["status"] == "grijs" and ind["R6"]["trend"] == []
          and ind["R4"]["status"] == "grijs",
          "period_before_programme_start_is_grijs", ind["R6"])

# ---------------------------------------------------------------------------
# W4 — R6: which products count, the breakdowns, a cumulative 5 is groen.
w4 = setup({
    "kennisproducten.csv": [
        KP_HEAD,
        # P1: published in Q3 but no channel and bereik 0: not spread.
        ["P1", "Webinar zonder verspreiding", "webinar", "10-07-2025", "2", "", "0"],
        # P2: no channel, bereik 120: spread. Pijler 3.
        ["P2", "Factsheet beschut werk", "factsheet", "01-08-2025", "3", "", "120"],
        # P3: channels, no bereik: spread. Pijler 2+3.
        ["P3", "Podcast SROI", "podcast", "15-08-2025", "2+3", "nieuwsbrief|website", ""],
        # P4: spread, published 20 Sep: after the peildatum 15 Sep below.
        ["P4", "Handleiding inkoop", "handleiding", "20-09-2025", "2", "website", ""],
        # P5: never published: never counts.
        ["P5", "Publicatie in voorbereiding", "publicatie", "", "2", "website", "50"],
        # P9: published after every peildatum below.
        ["P9", "Publicatie Q4", "publicatie", "01-11-2025", "2", "website", "10"],
        # Earlier, cumulatief only: P6 (2), P7 (3, bereik only), P8 (2).
        ["P6", "Handleiding samenwerking", "handleiding", "01-10-2024", "2", "website", ""],
        ["P7", "Overig product", "overig", "01-02-2025", "3", "", "10"],
        ["P8", "Kennisbijeenkomst Zuid", "kennisbijeenkomst", "01-05-2025", "2",
         "linkedin", "40"],
    ],
})

# Peildatum 15 Sep: periode P2, P3 = 2; cumulatief P2, P3, P6, P7, P8 = 5.
ind = indicators(w4, "2025-Q3", "2025-09-15")
if ind:
    r6 = ind["R6"]
    per, cum = r6["periode"], r6["cumulatief"]
    check(per["aantal"] == 2 and per["teller"] == 2,
          "r6_counts_spread_products_by_channel_or_reach", per)
    check(cum["aantal"] == 5, "r6_cumulative_count_leaves_out_unspread_unpublished_and_later",
          cum)
    check(cum["status"] == "groen" and per["status"] == "groen" and r6["status"] == "groen",
          "r6_cumulative_5_is_groen_in_both_objects", r6)
    check(figures(per, "noemer", "waarde", "interval") == (None, None, None)
          and "aantal" in per,
          "r6_json_noemer_waarde_interval_are_null", per)
    check(r6["doel"] == 5, "r6_doel_is_5", r6["doel"])

# Peildatum 30 Sep: P4 (20 Sep) now counts: periode 3, cumulatief 6.
ind = indicators(w4, "2025-Q3")
if ind:
    r6 = ind["R6"]
    check(r6["periode"]["aantal"] == 3 and r6["cumulatief"]["aantal"] == 6,
          "r6_product_published_after_peildatum_counts_once_known", r6["periode"])
    ps, cs = cells(r6, "soort", "periode"), cells(r6, "soort", "cumulatief")
    check(list(cs) == ["handleiding", "factsheet", "webinar", "podcast", "kennisbijeenkomst",
                       "publicatie", "overig"] and list(ps) == list(cs),
          "r6_soort_breakdown_has_all_seven_soorten", list(cs))
    # periode: P2 factsheet, P3 podcast, P4 handleiding.
    check({k: c["teller"] for k, c in ps.items()} ==
          {"handleiding": 1, "factsheet": 1, "webinar": 0, "podcast": 1,
           "kennisbijeenkomst": 0, "publicatie": 0, "overig": 0},
          "r6_soort_period_counts", ps)
    # cumulatief: + P6 handleiding, P7 overig, P8 kennisbijeenkomst; P1
    # (webinar, not spread) and P5/P9 (publicatie, unpublished/later) never.
    check({k: c["teller"] for k, c in cs.items()} ==
          {"handleiding": 2, "factsheet": 1, "webinar": 0, "podcast": 1,
           "kennisbijeenkomst": 1, "publicatie": 0, "overig": 1}
          and all(c["n"] == c["teller"] and c["waarde"] is None for c in cs.values()),
          "r6_soort_cumulative_counts", cs)
    pp, cp = cells(r6, "pijler", "periode"), cells(r6, "pijler", "cumulatief")
    # periode: P4 (2), P2 (3), P3 (2+3); cumulatief: + P6, P8 (2), P7 (3).
    check({k: c["teller"] for k, c in pp.items()} == {"2": 1, "3": 1, "2+3": 1},
          "r6_pijler_period_counts", pp)
    check({k: c["teller"] for k, c in cp.items()} == {"2": 3, "3": 2, "2+3": 1},
          "r6_pijler_cumulative_counts", cp)
    # Pijler 3 involved: "3" + "2+3" = 3 of the 6.
    check(cp["3"]["teller"] + cp["2+3"]["teller"] == 3,
          "r6_pijler_3_involvement_is_3_plus_2_and_3", cp)
    t = trend(r6)
    # Per quarter: 2024-Q4 P6; 2025-Q1 P7; 2025-Q2 P8; 2025-Q3 P2, P3, P4.
    check({k: v["aantal"] for k, v in t.items()} ==
          {"2024-Q3": 0, "2024-Q4": 1, "2025-Q1": 1, "2025-Q2": 1, "2025-Q3": 3},
          "r6_trend_counts_per_quarter", t)
    # Status on the running total: 2024-Q3 0 (rood); 2024-Q4 1: 549 < 5 x
    # 184 = 920 (rood); 2025-Q1 2: 1098 < 1370 (rood); 2025-Q2 3: 1647 <
    # 1825 (rood); 2025-Q3 6 >= 5 (groen).
    check({k: v["status"] for k, v in t.items()} ==
          {"2024-Q3": "rood", "2024-Q4": "rood", "2025-Q1": "rood", "2025-Q2": "rood",
           "2025-Q3": "groen"},
          "r6_trend_status_uses_running_total_and_pace", t)

# ---------------------------------------------------------------------------
# W5 — R6 pace: 3 products in the first half year.
w5 = setup({
    "kennisproducten.csv": [
        KP_HEAD,
        ["T1", "Webinar 1", "webinar", "01-08-2024", "2", "website", ""],
        ["T2", "Factsheet 1", "factsheet", "01-11-2024", "2", "", "5"],
        ["T3", "Podcast 1", "podcast", "01-12-2024", "2", "nieuwsbrief", ""],
    ],
})

# Peildatum 2025-03-31 (day 274): 3 x 549 = 1647 >= 5 x 274 = 1370: on pace,
# oranje. The periode (Q1) has no product yet carries the cumulative status.
ind = indicators(w5, "2025-Q1")
if ind:
    r6 = ind["R6"]
    check(r6["cumulatief"]["aantal"] == 3 and r6["cumulatief"]["status"] == "oranje",
          "r6_on_pace_is_oranje", r6["cumulatief"])
    check(r6["periode"]["aantal"] == 0 and r6["periode"]["status"] == "oranje",
          "r6_period_object_carries_cumulative_status", r6["periode"])
    t = trend(r6)
    # 2024-Q3: 1 x 549 >= 5 x 92 = 460; 2024-Q4: 3 x 549 >= 920: oranje.
    check([(v["aantal"], v["status"]) for v in t.values()] ==
          [(1, "oranje"), (2, "oranje"), (0, "oranje")],
          "r6_trend_quarters_on_pace_are_oranje", t)

# The exact edge: 1647 >= 5 x days holds through day 329 (2025-05-25) and
# fails from day 330 (2025-05-26).
ind = indicators(w5, "2025-Q2", "2025-05-25")
if ind:
    check(ind["R6"]["status"] == "oranje", "r6_pace_exactly_at_edge_day_329_is_oranje",
          ind["R6"]["cumulatief"])
ind = indicators(w5, "2025-Q2", "2025-05-26")
if ind:
    check(ind["R6"]["status"] == "rood", "r6_pace_one_day_later_is_rood",
          ind["R6"]["cumulatief"])

# Peildatum 2025-09-30 (day 457): 1647 < 5 x 457 = 2285: behind, rood.
ind = indicators(w5, "2025-Q3")
if ind:
    r6 = ind["R6"]
    check(r6["cumulatief"]["status"] == "rood" and r6["periode"]["status"] == "rood",
          "r6_behind_pace_is_rood", r6["cumulatief"])

# After the programme end there is no running target (SPEC §3): grijs "geen
# doel na 31-12-2025", and the eindstand of the first target period says
# 3 < 5: niet gehaald (it was rood on 31-12-2025 too).
ind = indicators(w5, "2026-Q1")
if ind:
    r6 = ind["R6"]
    e = r6["eindstanden"]
    check(r6["status"] == "grijs" and r6["cumulatief"]["aantal"] == 3
          and r6["reden"] == "geen doel na 31-12-2025"
          and len(e) == 1 and e[0]["aantal"] == 3 and e[0]["oordeel"] == "niet gehaald"
          and e[0]["status"] == "rood",
          "r6_after_programme_end_below_target_is_niet_gehaald", r6)

done()
