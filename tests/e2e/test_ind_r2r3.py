"""`indicators --format json` for R2 (waardering ondersteuning) and R3
(specialisten actief en gewaardeerd) on small hand-made data sets: every
figure below is computed by hand in the comment above its check.

Defaults throughout: programme start 2024-07-01, doel R2 = R3 = 0.8,
R3_actief = 10, min_n = 5, min_cell = 5. Period 2025-Q3 unless stated, so the
trend runs 2024-Q3 .. 2025-Q3 (5 quarters)."""
import json
import os

from pmtest import SRC, Workdir, check, done, csv_text

ORG_HEAD = ["id", "naam", "type", "regio"]
SPEC_HEAD = ["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"]
EV_HEAD = ["id", "organisatie", "datum", "soort", "score", "specialist"]
INZET_HEAD = ["id", "specialist", "datum", "uren"]
REGIOS = ["Noord-West", "Noord", "Midden", "Oost", "Zuid-West", "Zuid"]


def store(files):
    """A fresh Workdir with each (name, header, rows) imported in one call."""
    w = Workdir()
    w.init()
    paths = [w.file(name, csv_text([head] + rows)) for name, head, rows in files]
    r = w.run("import", *paths)
    assert r.code == 0, r
    return w


def indicators(w, *args, audience=None):
    """The R2 and R3 objects of the JSON report, and the whole run."""
    extra = ["--audience", audience] if audience else []
    r = w.run("indicators", "--format", "json", *args, *extra)
    assert r.code == 0, r
    doc = json.loads(r.out)
    found = {i["id"]: i for i in doc["indicatoren"]}
    return found["R2"], found["R3"], doc


def near(a, b, places=9):
    return a is not None and b is not None and abs(a - b) < 10 ** -places


def iv4(fig):
    """The interval rounded to 4 decimals, or None."""
    iv = fig["interval"]
    return None if iv is None else (round(iv[0], 4), round(iv[1], 4))


def figs(fig):
    """(teller, noemer, status) of a figures object or a cell."""
    return (fig["teller"], fig["noemer"], fig.get("status"))


def cells(ind, key, rng):
    """A breakdown's cells of one range as {sleutel: cell}, in order."""
    return {c["sleutel"]: c for c in ind["uitsplitsingen"][key][rng]}


def keys(ind, key, rng):
    return [c["sleutel"] for c in ind["uitsplitsingen"][key][rng]]


def ev(i, org, datum, score, soort="ondersteuning", spec=""):
    return [f"EV{i}", org, datum, soort, score, spec]


# ---------------------------------------------------------------------------
# R2, data set A: exact means, exclusions, periode vs cumulatief.
# ---------------------------------------------------------------------------
orgs_a = [
    ["GM0014", "Een", "gemeente", "Noord-West"],
    ["GM0034", "Twee", "gemeente", "Noord-West"],
    ["GM0344", "Drie", "gemeente", "Midden"],
    ["GM0363", "Vier", "gemeente", "Zuid-West"],
    ["SOB001", "Sob Een", "sob", "Oost"],
    ["SOB002", "Sob Twee", "sob", "Zuid"],
    ["VNG", "Opdrachtgever", "opdrachtgever", ""],
]
evs_a = [
    # GM0014: 6.0 + 7.2 + 7.1 + 7.7 = 28.0 over 4 = exactly 7.0, satisfied
    # (in floating point the sum is 27.999999999999996 and the mean 6.999...).
    ev(1, "GM0014", "01-07-2025", "6,0"),
    ev(2, "GM0014", "15-07-2025", "7.2"),
    ev(3, "GM0014", "01-08-2025", "7,1"),
    ev(4, "GM0014", "20-08-2025", "7.7"),
    # GM0034 in Q3: 6.9 and 7.0, mean 6.95: not satisfied. With 9.0 in
    # 2025-Q1 its cumulative mean is 22.9 / 3 = 7.633..: satisfied.
    ev(5, "GM0034", "02-07-2025", "6.9"),
    ev(6, "GM0034", "03-09-2025", "7.0"),
    ev(7, "GM0034", "10-02-2025", "9.0"),
    # GM0344: 8.0 on 20 Sep (after a peildatum of 15 Sep). Its 1.0 of
    # 2024-06-15 lies before the programme start and counts nowhere; its
    # specialist evaluation (1.0) is not an ondersteuning evaluation.
    ev(8, "GM0344", "20-09-2025", "8.0"),
    ev(9, "GM0344", "15-06-2024", "1.0"),
    ev(10, "GM0344", "10-07-2025", "1.0", "specialist", "SP01"),
    # GM0363: only 7.0 in 2024-Q4: satisfied cumulatively, absent in Q3.
    ev(11, "GM0363", "01-11-2024", "7"),
    # SOB001: 9.5 and 10: satisfied.
    ev(12, "SOB001", "05-07-2025", "9.5"),
    ev(13, "SOB001", "06-07-2025", "10"),
    # SOB002: 5.0 in Q3, 8.0 in 2024-Q4: 5.0 and 13.0 / 2 = 6.5, never satisfied.
    ev(14, "SOB002", "07-07-2025", "5.0"),
    ev(15, "SOB002", "01-12-2024", "8.0"),
    # The opdrachtgever's ondersteuning evaluation is excluded (not a
    # gemeente or SOB), as is its opdrachtgever evaluation.
    ev(16, "VNG", "08-07-2025", "3.0"),
    ev(17, "VNG", "09-07-2025", "2.0", "opdrachtgever"),
]
spec_a = [["SP01", "Anna", "specialist", "juridisch", "100", "01-07-2024", ""]]
wa = store([("organisaties.csv", ORG_HEAD, orgs_a), ("specialisten.csv", SPEC_HEAD, spec_a),
            ("evaluaties.csv", EV_HEAD, evs_a)])
r2, r3, doc = indicators(wa, "--period", "2025-Q3", audience="intern")
per, cum = r2["periode"], r2["cumulatief"]

# Periode 2025-Q3: rated GM0014 (7.0 yes), GM0034 (6.95 no), GM0344 (8.0 yes),
# SOB001 (9.75 yes), SOB002 (5.0 no) -> 3 / 5 = 0.6; Wilson(3, 5) =
# (0.2307, 0.8824); 0.6 < 0.8 but the upper bound >= 0.8 -> oranje.
check(figs(per) == (3, 5, "oranje"), "r2_periode_is_3_of_5_oranje", per)
check(near(per["waarde"], 0.6) and iv4(per) == (0.2307, 0.8824),
      "r2_periode_waarde_and_wilson_3_of_5", per)
check(per["van"] == "2025-07-01" and per["tot"] == "2025-09-30", "r2_periode_range", per)
# Cumulatief 2024-07-01 .. 2025-09-30: GM0014 yes, GM0034 7.63 yes, GM0344
# yes, GM0363 yes, SOB001 yes, SOB002 6.5 no -> 5 / 6 = 0.8333 >= 0.8 groen;
# Wilson(5, 6) = (0.4365, 0.9699).
check(figs(cum) == (5, 6, "groen"), "r2_cumulatief_is_5_of_6_groen", cum)
check(near(cum["waarde"], 5 / 6) and iv4(cum) == (0.4365, 0.9699),
      "r2_cumulatief_waarde_and_wilson_5_of_6", cum)
check(r2["status"] == "groen" and r2["doel"] == 0.8, "r2_overall_status_is_cumulative", r2)

# Regio, periode: Noord-West GM0014 yes + GM0034 no = 1/2; Noord 0/0;
# Midden GM0344 1/1; Oost SOB001 1/1; Zuid-West 0/0; Zuid SOB002 0/1.
# Cumulatief: Noord-West 2/2, Midden 1/1, Oost 1/1, Zuid-West GM0363 1/1, Zuid 0/1.
exp_reg = {"periode": {"Noord-West": (1, 2), "Noord": (0, 0), "Midden": (1, 1),
                       "Oost": (1, 1), "Zuid-West": (0, 0), "Zuid": (0, 1)},
           "cumulatief": {"Noord-West": (2, 2), "Noord": (0, 0), "Midden": (1, 1),
                          "Oost": (1, 1), "Zuid-West": (1, 1), "Zuid": (0, 1)}}
for rng in ("periode", "cumulatief"):
    got = {k: (c["teller"], c["noemer"]) for k, c in cells(r2, "regio", rng).items()}
    check(keys(r2, "regio", rng) == REGIOS and got == exp_reg[rng],
          f"r2_regio_cells_{rng}", got)
nw = cells(r2, "regio", "periode")["Noord-West"]
noord = cells(r2, "regio", "periode")["Noord"]
# Noord-West 1/2: waarde 0.5, Wilson(1, 2) = (0.0945, 0.9055), n = 2 organisations.
check(near(nw["waarde"], 0.5) and iv4(nw) == (0.0945, 0.9055) and nw["n"] == 2,
      "r2_regio_cell_has_waarde_interval_and_n", nw)
check(noord["waarde"] is None and noord["interval"] is None and noord["n"] == 0,
      "r2_empty_regio_cell_has_no_waarde", noord)
# Type, periode: gemeente GM0014, GM0034, GM0344 = 2/3, sob 1/2;
# cumulatief: gemeente 4/4, sob 1/2 (n = organisations).
tp = {k: (c["teller"], c["noemer"], c["n"])
      for k, c in cells(r2, "type", "periode").items()}
tc = {k: (c["teller"], c["noemer"], c["n"])
      for k, c in cells(r2, "type", "cumulatief").items()}
check(keys(r2, "type", "periode") == ["gemeente", "sob"] and
      tp == {"gemeente": (2, 3, 3), "sob": (1, 2, 2)} and
      tc == {"gemeente": (4, 4, 4), "sob": (1, 2, 2)}, "r2_type_cells", (tp, tc))
check(iv4(cells(r2, "type", "periode")["gemeente"]) == (0.2077, 0.9385),
      "r2_type_cell_wilson_2_of_3", cells(r2, "type", "periode")["gemeente"])

# Histogram (whole score = floor): periode has the 10 Q3 evaluations of
# gemeenten and SOB's: 5.0 | 6.0 6.9 | 7.2 7.1 7.7 7.0 | 8.0 | 9.5 | 10 ->
# "5":1 "6":2 "7":4 "8":1 "9":1 "10":1 (the opdrachtgever's 3.0 is not there).
# Cumulatief adds 9.0, 7, 8.0 -> 13: "5":1 "6":2 "7":5 "8":2 "9":2 "10":1.
hist_exp = {"periode": ({"5": 1, "6": 2, "7": 4, "8": 1, "9": 1, "10": 1}, 10),
            "cumulatief": ({"5": 1, "6": 2, "7": 5, "8": 2, "9": 2, "10": 1}, 13)}
for rng, (buckets, total) in hist_exp.items():
    hc = cells(r2, "scores", rng)
    ok = keys(r2, "scores", rng) == [str(i) for i in range(1, 11)]
    for k, c in hc.items():
        t = buckets.get(k, 0)
        ok = ok and c["teller"] == t and c["noemer"] == total and c["n"] == t
        ok = ok and near(c["waarde"], t / total)
    check(ok, f"r2_score_histogram_{rng}", hc)

# Per organisation (intern), in id order; a cell for every organisation
# rated cumulatively. GM0014: 28.0 / 4 = 7.0 in both ranges. GM0034: periode
# 13.9 / 2 = 6.95, cumulatief 22.9 / 3 = 7.6333. GM0363: nothing in Q3.
po = cells(r2, "organisatie", "periode")
co = cells(r2, "organisatie", "cumulatief")
check(keys(r2, "organisatie", "cumulatief") == ["GM0014", "GM0034", "GM0344", "GM0363",
                                                "SOB001", "SOB002"] and
      keys(r2, "organisatie", "periode") == keys(r2, "organisatie", "cumulatief"),
      "r2_organisatie_cells_in_id_order_same_keys", list(co))
check(near(co["GM0014"]["teller"], 28.0) and co["GM0014"]["noemer"] == 4 and
      co["GM0014"]["waarde"] == 7.0 and co["GM0014"]["naam"] == "Een",
      "r2_organisatie_mean_exactly_7", co["GM0014"])
check(near(po["GM0034"]["teller"], 13.9) and po["GM0034"]["noemer"] == 2 and
      near(po["GM0034"]["waarde"], 6.95) and near(co["GM0034"]["waarde"], 22.9 / 3) and
      co["GM0034"]["n"] == 3, "r2_organisatie_mean_differs_per_range",
      (po["GM0034"], co["GM0034"]))
check(po["GM0363"]["noemer"] == 0 and po["GM0363"]["waarde"] is None and
      co["GM0363"]["waarde"] == 7.0, "r2_organisatie_without_period_scores_has_null",
      po["GM0363"])
check(near(co["SOB001"]["teller"], 19.5) and co["SOB001"]["waarde"] == 9.75,
      "r2_organisatie_teller_in_points", co["SOB001"])

# Trend: 2024-Q3 nothing; 2024-Q4 GM0363 7 yes, SOB002 8.0 yes -> 2/2
# (grijs, < min_n); 2025-Q1 GM0034 9.0 -> 1/1; 2025-Q2 nothing; 2025-Q3 = periode.
tr = [(t["kwartaal"], t["teller"], t["noemer"], t["status"]) for t in r2["trend"]]
check(tr == [("2024-Q3", 0, 0, "grijs"), ("2024-Q4", 2, 2, "grijs"),
             ("2025-Q1", 1, 1, "grijs"), ("2025-Q2", 0, 0, "grijs"),
             ("2025-Q3", 3, 5, "oranje")], "r2_trend_per_quarter", tr)
check(r2["trend"][1]["van"] == "2024-10-01" and r2["trend"][1]["tot"] == "2024-12-31",
      "r2_trend_point_range_is_its_quarter", r2["trend"][1])

# --peildatum 2025-09-15: GM0344's 8.0 of 20 Sep is not known yet.
# Periode 2025-07-01..2025-09-15: GM0014 yes, GM0034 no, SOB001 yes,
# SOB002 no -> 2 / 4: noemer 4 < min_n 5 -> grijs, Wilson(2, 4) = (0.15, 0.85).
# Cumulatief: GM0014, GM0034, GM0363, SOB001 yes, SOB002 no -> 4 / 5 = 0.8:
# exactly the target -> groen; Wilson(4, 5) = (0.3755, 0.9638).
r2p, r3p, docp = indicators(wa, "--period", "2025-Q3", "--peildatum", "2025-09-15",
                            audience="intern")
check(docp["peildatum"] == "2025-09-15" and r2p["periode"]["tot"] == "2025-09-15",
      "r2_periode_ends_at_peildatum", r2p["periode"])
check(figs(r2p["periode"]) == (2, 4, "grijs") and iv4(r2p["periode"]) == (0.15, 0.85),
      "r2_noemer_4_is_grijs", r2p["periode"])
check(figs(r2p["cumulatief"]) == (4, 5, "groen") and
      iv4(r2p["cumulatief"]) == (0.3755, 0.9638), "r2_4_of_5_is_groen_at_target_0_8",
      r2p["cumulatief"])
check("GM0344" not in cells(r2p, "organisatie", "cumulatief"),
      "r2_evaluation_after_peildatum_is_excluded", keys(r2p, "organisatie", "cumulatief"))

# Extern (the default): no per-organisation breakdown; cells from fewer than
# min_cell = 5 organisations are suppressed; aggregates and the histogram stay.
r2e, r3e, doce = indicators(wa, "--period", "2025-Q3")
check(doce["publiek"] == "extern" and "organisatie" not in r2e["uitsplitsingen"],
      "r2_organisatie_breakdown_absent_for_extern", list(r2e["uitsplitsingen"]))
check(set(r2e["uitsplitsingen"]) == {"regio", "type", "scores"},
      "r2_extern_keeps_regio_type_scores", list(r2e["uitsplitsingen"]))
nwe = cells(r2e, "regio", "periode")["Noord-West"]
check(nwe.get("onderdrukt") == "primair" and "teller" not in nwe,
      "r2_extern_regio_cell_of_2_organisations_is_suppressed", nwe)
check(figs(r2e["periode"]) == (3, 5, "oranje"), "r2_extern_totals_unchanged", r2e["periode"])
check("Een" not in json.dumps(doce), "r2_extern_json_names_no_organisation")

# ---------------------------------------------------------------------------
# R2, data set B: 55 organisations for 9/10, 45/50 and 0/5.
# ---------------------------------------------------------------------------
# O01..O09: 8.0 in Q3 (yes); O10: 6.0 in Q3 (no) and 5.0 in 2024-Q4.
# O11..O46: 8.0 in 2025-Q1 (36 yes); O47..O50: 6.0 in 2025-Q1 and 5.0 in 2024-Q4.
# Periode 9 / 10 = 0.9 groen, Wilson (0.5958, 0.9821). Cumulatief 45 / 50 =
# 0.9 groen, Wilson (0.7864, 0.9565). Trend 2024-Q4: O10, O47..O50 all 5.0 ->
# 0 / 5: rood, Wilson (0, 0.4345).
# Gemeenten need real CBS codes: the first 50 of the shipped list.
with open(os.path.join(SRC, "engine", "gemeenten.csv"), encoding="utf-8") as f:
    cbs = [line.split(",")[0] for line in f.read().splitlines()[1:51]]
orgs_b, evs_b = [], []
for i in range(1, 51):
    oid = cbs[i - 1]
    orgs_b.append([oid, f"Gemeente {i}", "gemeente", REGIOS[i % 6]])
    if i <= 10:
        evs_b.append(ev(len(evs_b) + 1, oid, "14-08-2025", "8.0" if i < 10 else "6.0"))
    else:
        evs_b.append(ev(len(evs_b) + 1, oid, "14-02-2025", "8.0" if i <= 46 else "6.0"))
    if i == 10 or i >= 47:
        evs_b.append(ev(len(evs_b) + 1, oid, "14-11-2024", "5.0"))
wb = store([("organisaties.csv", ORG_HEAD, orgs_b), ("evaluaties.csv", EV_HEAD, evs_b)])
r2b, _, _ = indicators(wb, "--period", "2025-Q3")
check(figs(r2b["periode"]) == (9, 10, "groen") and near(r2b["periode"]["waarde"], 0.9) and
      iv4(r2b["periode"]) == (0.5958, 0.9821), "r2_9_of_10_wilson_and_groen", r2b["periode"])
check(figs(r2b["cumulatief"]) == (45, 50, "groen") and
      iv4(r2b["cumulatief"]) == (0.7864, 0.9565), "r2_45_of_50_wilson", r2b["cumulatief"])
q4 = r2b["trend"][1]
check(q4["kwartaal"] == "2024-Q4" and figs(q4) == (0, 5, "rood") and
      q4["waarde"] == 0 and iv4(q4) == (0.0, 0.4345), "r2_0_of_5_is_rood_wilson_0_0_4345", q4)
# Extern: the type cell of 50 organisations is shown (n >= min_cell).
gem = cells(r2b, "type", "cumulatief")["gemeente"]
check(gem.get("onderdrukt") is None and gem["n"] == 50 and gem["teller"] == 45,
      "r2_extern_type_cell_of_50_is_shown", gem)

# ---------------------------------------------------------------------------
# R3, data set C: activity, ratings, exclusions.
# ---------------------------------------------------------------------------
specs_c = [[f"P{i:02d}", f"Specialist {i}", "specialist", "juridisch", "100",
            "01-07-2024", ""] for i in range(1, 13)]
inzet_c = [[f"IZ{i}", f"P{i:02d}", "10-07-2025", "2"] for i in range(1, 11)]
inzet_c.append(["IZ11", "P11", "10-02-2025", "3"])  # P11: active in 2025-Q1 only
inzet_c.append(["IZ12", "P01", "12-08-2025", "1,5"])  # second row: still one specialist
orgs_c = [["GM0014", "Een", "gemeente", "Noord"]]
evs_c = [
    # P01: 6.0 7.2 7.1 7.7 -> exactly 7.0: good.
    ev(1, "GM0014", "11-07-2025", "6.0", "specialist", "P01"),
    ev(2, "GM0014", "12-07-2025", "7.2", "specialist", "P01"),
    ev(3, "GM0014", "13-07-2025", "7.1", "specialist", "P01"),
    ev(4, "GM0014", "14-07-2025", "7.7", "specialist", "P01"),
    # P02: 6.9 and 7.0 -> 6.95: not good.
    ev(5, "GM0014", "11-07-2025", "6.9", "specialist", "P02"),
    ev(6, "GM0014", "12-07-2025", "7.0", "specialist", "P02"),
    # P11: 5.0 in Q3 while active only in Q1: not counted in the periode,
    # counted cumulatively (active and rated within the same range).
    ev(7, "GM0014", "15-07-2025", "5.0", "specialist", "P11"),
    # P12: rated 9.0 but never active: excluded everywhere.
    ev(8, "GM0014", "15-07-2025", "9.0", "specialist", "P12"),
    # An ondersteuning evaluation is not a specialist evaluation.
    ev(9, "GM0014", "15-07-2025", "1.0", "ondersteuning"),
]
# P03..P09: 8.0 each -> good. P10: active, no evaluation.
evs_c += [ev(10 + i, "GM0014", "20-07-2025", "8.0", "specialist", f"P{i:02d}")
          for i in range(3, 10)]
wc = store([("organisaties.csv", ORG_HEAD, orgs_c), ("specialisten.csv", SPEC_HEAD, specs_c),
            ("inzet.csv", INZET_HEAD, inzet_c), ("evaluaties.csv", EV_HEAD, evs_c)])
_, r3c, _ = indicators(wc, "--period", "2025-Q3", audience="intern")
per, cum = r3c["periode"], r3c["cumulatief"]
# Periode: actief P01..P10 = 10; rated P01..P09 = 9; good P01, P03..P09 = 8;
# niet_beoordeeld = 10 - 9 = 1 (P10). 8 / 9 = 0.8889 >= 0.8, actief >= 10 -> groen;
# Wilson(8, 9) = (0.565, 0.9801).
check((per["actief"], per["niet_beoordeeld"]) == (10, 1), "r3_periode_actief_and_unrated",
      per)
check(figs(per) == (8, 9, "groen") and iv4(per) == (0.565, 0.9801),
      "r3_periode_share_8_of_9_groen", per)
# Cumulatief: actief P01..P11 = 11; rated adds P11 (5.0, not good) -> 8 / 10
# = 0.8 -> groen; niet_beoordeeld 1; Wilson(8, 10) = (0.4902, 0.9433).
check((cum["actief"], cum["niet_beoordeeld"]) == (11, 1) and figs(cum) == (8, 10, "groen")
      and iv4(cum) == (0.4902, 0.9433), "r3_cumulatief_counts_p11_rated_in_q3", cum)
check(r3c["doel"] == 0.8 and r3c["status"] == "groen", "r3_doel_and_status", r3c)
# Specialist cells: P01..P11 (P12 never active); P11 not active in Q3 -> 0/0.
sp_per = cells(r3c, "specialist", "periode")
sp_cum = cells(r3c, "specialist", "cumulatief")
check(keys(r3c, "specialist", "cumulatief") == [f"P{i:02d}" for i in range(1, 12)] and
      keys(r3c, "specialist", "periode") == keys(r3c, "specialist", "cumulatief"),
      "r3_specialist_cells_active_ones_in_id_order", list(sp_cum))
check(near(sp_per["P01"]["teller"], 28.0) and sp_per["P01"]["noemer"] == 4 and
      sp_per["P01"]["waarde"] == 7.0 and sp_per["P01"]["naam"] == "Specialist 1",
      "r3_specialist_cell_mean_exactly_7", sp_per["P01"])
check(near(sp_per["P02"]["waarde"], 6.95) and sp_per["P02"]["n"] == 2,
      "r3_specialist_cell_6_95", sp_per["P02"])
check(sp_per["P11"]["noemer"] == 0 and sp_per["P11"]["waarde"] is None and
      sp_cum["P11"]["waarde"] == 5.0 and sp_cum["P11"]["n"] == 1,
      "r3_inactive_in_period_cell_is_empty", (sp_per["P11"], sp_cum["P11"]))
check(sp_per["P10"]["noemer"] == 0 and sp_per["P10"]["waarde"] is None,
      "r3_unrated_specialist_cell_has_null", sp_per["P10"])
# Trend: 2024-Q3..2025-Q2 actief 0, 0, 1 (P11 in Q1; its Q3 evaluation is
# not in Q1), 0 -> rood (actief < 10); 2025-Q3 = periode.
tr = [(t["kwartaal"], t["actief"], t["teller"], t["noemer"], t["status"])
      for t in r3c["trend"]]
check(tr == [("2024-Q3", 0, 0, 0, "rood"), ("2024-Q4", 0, 0, 0, "rood"),
             ("2025-Q1", 1, 0, 0, "rood"), ("2025-Q2", 0, 0, 0, "rood"),
             ("2025-Q3", 10, 8, 9, "groen")], "r3_trend_per_quarter", tr)
check(len(r3c["trend"]) == 5, "r3_trend_has_5_quarters_2024q3_to_2025q3")
_, r3ce, _ = indicators(wc, "--period", "2025-Q3")
check("specialist" not in r3ce["uitsplitsingen"] and r3ce["uitsplitsingen"] == {},
      "r3_specialist_breakdown_absent_for_extern", r3ce["uitsplitsingen"])

# ---------------------------------------------------------------------------
# R3, data set D: 9 active with a perfect share is still rood.
# ---------------------------------------------------------------------------
# Q01..Q09 active from 1 Aug, each rated 8.0; Q10 active on 25 Sep and rated
# 9.0 on 26 Sep. Peildatum 20 Sep: actief 9, 9 / 9 = 1.0 (share groen) but
# actief < 10 -> rood. Peildatum 30 Sep: actief 10, 10 / 10 -> groen.
specs_d = [[f"Q{i:02d}", f"Q {i}", "expert", "bedrijfsvoering", "90", "01-07-2024", ""]
           for i in range(1, 11)]
inzet_d = [[f"IZ{i}", f"Q{i:02d}", "01-08-2025", "1"] for i in range(1, 10)]
inzet_d.append(["IZ10", "Q10", "25-09-2025", "1"])
evs_d = [ev(i, "GM0014", "02-08-2025", "8.0", "specialist", f"Q{i:02d}") for i in range(1, 10)]
evs_d.append(ev(10, "GM0014", "26-09-2025", "9.0", "specialist", "Q10"))
wd = store([("organisaties.csv", ORG_HEAD, orgs_c), ("specialisten.csv", SPEC_HEAD, specs_d),
            ("inzet.csv", INZET_HEAD, inzet_d), ("evaluaties.csv", EV_HEAD, evs_d)])
_, r3d, _ = indicators(wd, "--period", "2025-Q3", "--peildatum", "2025-09-20")
p = r3d["periode"]
check(p["actief"] == 9 and figs(p) == (9, 9, "rood") and p["waarde"] == 1,
      "r3_actief_9_is_rood_with_perfect_share", p)
check(r3d["status"] == "rood", "r3_overall_rood_with_9_active", r3d["status"])
_, r3d2, _ = indicators(wd, "--period", "2025-Q3")
p = r3d2["periode"]
check(p["actief"] == 10 and figs(p) == (10, 10, "groen") and iv4(p) == (0.7225, 1.0),
      "r3_actief_10_with_full_share_is_groen", p)

# ---------------------------------------------------------------------------
# R3, data set E: actief >= 10 with a grijs share is grijs; oranje.
# ---------------------------------------------------------------------------
# E01..E10 active in Q3. Q3 ratings: E01..E04 8.0 -> 4 / 4, noemer 4 < 5:
# share grijs, actief 10 -> grijs. 2025-Q1 ratings E05 8.0, E06 6.0, E07 6.5
# count cumulatively (active in the cumulative range): 5 / 7 = 0.714,
# Wilson(5, 7) = (0.3589, 0.9178): upper >= 0.8 -> oranje; niet_beoordeeld 3.
specs_e = [[f"E{i:02d}", f"E {i}", "regioadviseur", "juridisch", "80", "01-07-2024", ""]
           for i in range(1, 11)]
inzet_e = [[f"IZ{i}", f"E{i:02d}", "03-09-2025", "4"] for i in range(1, 11)]
evs_e = [ev(i, "GM0014", "04-09-2025", "8.0", "specialist", f"E{i:02d}") for i in range(1, 5)]
evs_e += [ev(5, "GM0014", "05-03-2025", "8.0", "specialist", "E05"),
          ev(6, "GM0014", "05-03-2025", "6.0", "specialist", "E06"),
          ev(7, "GM0014", "05-03-2025", "6.5", "specialist", "E07")]
we = store([("organisaties.csv", ORG_HEAD, orgs_c), ("specialisten.csv", SPEC_HEAD, specs_e),
            ("inzet.csv", INZET_HEAD, inzet_e), ("evaluaties.csv", EV_HEAD, evs_e)])
_, r3e, _ = indicators(we, "--period", "2025-Q3")
p, c = r3e["periode"], r3e["cumulatief"]
check(p["actief"] == 10 and figs(p) == (4, 4, "grijs") and p["niet_beoordeeld"] == 6,
      "r3_actief_10_share_grijs_is_grijs", p)
check(c["actief"] == 10 and figs(c) == (5, 7, "oranje") and c["niet_beoordeeld"] == 3 and
      iv4(c) == (0.3589, 0.9178), "r3_cumulatief_5_of_7_is_oranje", c)
# Trend 2025-Q1: the ratings are there but nobody was active in Q1 -> 0 / 0.
q1 = r3e["trend"][2]
check(q1["kwartaal"] == "2025-Q1" and q1["actief"] == 0 and q1["noemer"] == 0 and
      q1["waarde"] is None and q1["status"] == "rood", "r3_trend_ignores_inactive_ratings", q1)

# ---------------------------------------------------------------------------
# Trend length follows the peildatum's quarter.
# ---------------------------------------------------------------------------
# Period 2025-Q4 with peildatum 2025-10-09: 2024-Q3 .. 2025-Q4 = 6 quarters,
# the last one clipped to 2025-10-01 .. 2025-10-09. 2024-Q4 alone: 2 quarters.
r2q, r3q, _ = indicators(wa, "--period", "2025-Q4", "--peildatum", "2025-10-09")
check(len(r2q["trend"]) == 6 and len(r3q["trend"]) == 6 and
      r2q["trend"][-1]["kwartaal"] == "2025-Q4" and r2q["trend"][-1]["tot"] == "2025-10-09",
      "trend_runs_to_peildatum_quarter", [t["kwartaal"] for t in r2q["trend"]])
# Nothing in 2025-10-01..09: periode 0/0 with null waarde; cumulatief as in Q3.
check(figs(r2q["periode"]) == (0, 0, "grijs") and r2q["periode"]["waarde"] is None and
      r2q["periode"]["interval"] is None and figs(r2q["cumulatief"]) == (5, 6, "groen"),
      "r2_empty_periode_has_null_waarde", r2q["periode"])
r2y, _, _ = indicators(wa, "--period", "2024-Q4")
check([t["kwartaal"] for t in r2y["trend"]] == ["2024-Q3", "2024-Q4"],
      "trend_for_2024q4_has_2_quarters", r2y["trend"])
# 2024-Q4: GM0363 7 yes, SOB002 8.0 yes -> 2 / 2 in both ranges (grijs).
check(figs(r2y["periode"]) == (2, 2, "grijs") and figs(r2y["cumulatief"]) == (2, 2, "grijs"),
      "r2_2024q4_figures", r2y["periode"])

# A period that starts before the programme: --period 2024 has periode
# 2024-01-01..2024-12-31, cumulatief 2024-07-01..2024-12-31. GM0344's 1.0 of
# 2024-06-15 is in the periode only: periode GM0344 no, GM0363 yes, SOB002
# yes -> 2 / 3; cumulatief 2 / 2. Its organisation still gets a cell (empty
# cumulatively), so the periode cells add up to the periode figures.
r2j, r3j, _ = indicators(wa, "--period", "2024", audience="intern")
check(figs(r2j["periode"]) == (2, 3, "grijs") and figs(r2j["cumulatief"]) == (2, 2, "grijs"),
      "r2_period_before_programme_start_counts_its_own_range",
      (r2j["periode"], r2j["cumulatief"]))
oj_per = cells(r2j, "organisatie", "periode")
oj_cum = cells(r2j, "organisatie", "cumulatief")
check(list(oj_per) == ["GM0344", "GM0363", "SOB002"] and oj_per["GM0344"]["waarde"] == 1.0
      and oj_cum["GM0344"]["waarde"] is None and oj_cum["GM0344"]["noemer"] == 0,
      "r2_organisation_rated_only_before_programme_has_periode_cell", oj_per)
hj = cells(r2j, "scores", "periode")
check(hj["1"]["teller"] == 1 and hj["1"]["noemer"] == 3 and
      cells(r2j, "scores", "cumulatief")["1"]["teller"] == 0,
      "r2_histogram_of_period_before_programme", hj["1"])
done()
