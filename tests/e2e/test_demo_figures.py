"""The hand check of the demo figures: every indicator figure that
`indicators --format json` reports for the demo data set equals the figure an
independent Python oracle computes straight from the fixture files in
fixtures/demo/ (never from the database), following SPEC §3-§5 to the letter.

The oracle uses exact arithmetic (fractions.Fraction and integers) for means
and money; only the Wilson interval is floating point. Counts must match
exactly, fractions within 1e-9, money within half a cent (the tool rounds money
to whole cents), statuses exactly."""
import csv
import io
import json
import math
import os
from datetime import date, timedelta
from fractions import Fraction

from pmtest import Workdir, check, done, SRC

FX = os.path.join(SRC, "fixtures", "demo")

# ---------------------------------------------------------------------------
# Configuration: the SPEC defaults (the demo runs without a configuration).
# ---------------------------------------------------------------------------
# §3 "Cumulatief means programme start (configuration, default 2024-07-01)
# through the peildatum; the programme end (default 2025-12-31 ...)"
PROGRAMME_START = date(2024, 7, 1)
PROGRAMME_END = date(2025, 12, 31)
# §5 status table: "noemer < min_n (default 5)"
MIN_N = 5
# §5 targets "Default targets come from the seed": R1 ≥ 90%, R2 ≥ 80%,
# R3 actief ≥ 10 and ≥ 80%, R4/R5 100% (R4 mean ≥ 7), R6 ≥ 5 (cumulatief).
DOEL = {"R1": Fraction(9, 10), "R2": Fraction(8, 10), "R3": Fraction(8, 10),
        "R4": Fraction(1), "R5": Fraction(1), "R6": 5}
R3_MIN_ACTIEF = 10
SEVEN = Fraction(7)
REGIOS = ["Noord-West", "Noord", "Midden", "Oost", "Zuid-West", "Zuid"]
TYPES = ["gemeente", "sob", "opdrachtgever"]
POSTS = ["inhuur", "kennisproducten", "website", "bijeenkomsten", "communicatie", "overig"]


# ---------------------------------------------------------------------------
# Reading the fixture files (§2 formats).
# ---------------------------------------------------------------------------
def parse_date(s):
    """§2 "Dates: YYYY-MM-DD or DD-MM-YYYY (Dutch Excel); a date-time
    (2025-03-04T17:30) counts as its date." Empty = absent."""
    if s is None or s == "":
        return None
    s = s.split("T")[0].split(" ")[0]
    a, b, c = s.split("-")
    if len(a) == 4:
        return date(int(a), int(b), int(c))
    return date(int(c), int(b), int(a))


def parse_num(s):
    """§2 "Decimals: . or , as decimal separator." Exact, as a Fraction."""
    if s is None or s == "":
        return None
    return Fraction(s.replace(",", "."))


def read_csv(name):
    """A fixture CSV as a list of dicts; ';' (Dutch Excel, with BOM) or ','
    (ISO) detected from the header line; header names case-insensitive;
    empty fields become None ("Empty field = absent")."""
    with open(os.path.join(FX, name), encoding="utf-8-sig", newline="") as f:
        text = f.read()
    header = text.splitlines()[0]
    sep = ";" if header.count(";") > header.count(",") else ","
    rows = []
    for rec in csv.DictReader(io.StringIO(text), delimiter=sep):
        row = {k.strip().lower(): (v.strip() if v and v.strip() else None)
               for k, v in rec.items()}
        if any(v is not None for v in row.values()):
            rows.append(row)
    return rows


ORGS = {r["id"]: r for r in read_csv("organisaties.csv")}
SPECS = {r["id"]: r for r in read_csv("specialisten.csv")}
TARIEF = {sid: parse_num(r["uurtarief"]) for sid, r in SPECS.items()}

HULPVRAGEN = [dict(id=r["id"], organisatie=r["organisatie"],
                   ontvangen=parse_date(r["ontvangen"]),
                   eerste_contact=parse_date(r["eerste_contact"]))
              for r in read_csv("hulpvragen.csv")]
INZET = [dict(id=r["id"], specialist=r["specialist"], datum=parse_date(r["datum"]),
              uren=parse_num(r["uren"]))
         for r in read_csv("inzet.csv")]
with open(os.path.join(FX, "evaluaties.json"), encoding="utf-8") as f:
    # parse_float=Fraction keeps a score like 7.1 exactly 71/10.
    EVALUATIES = [dict(id=e["id"], organisatie=e["organisatie"],
                       datum=parse_date(e["datum"]), soort=e["soort"],
                       score=Fraction(e["score"]), specialist=e.get("specialist"))
                  for e in json.load(f, parse_float=Fraction)]
KENNIS = [dict(id=r["id"], soort=r["soort"], gepubliceerd=parse_date(r["gepubliceerd"]),
               kanalen=[k for k in (r["kanalen"] or "").split("|") if k.strip()],
               bereik=int(r["bereik"] or 0))
          for r in read_csv("kennisproducten.csv")]
MIJLPALEN = [dict(id=r["id"], resultaat=r["resultaat"], gepland=parse_date(r["gepland"]),
                  gereed=parse_date(r["gereed"]))
             for r in read_csv("mijlpalen.csv")]
BEGROTING = [dict(id=r["id"], jaar=int(r["jaar"]),
                  kwartaal=int(r["kwartaal"]) if r["kwartaal"] else None,
                  post=r["post"], bedrag=parse_num(r["bedrag"]))
             for r in read_csv("begroting.csv")]
UITGAVEN = [dict(id=r["id"], datum=parse_date(r["datum"]), post=r["post"],
                 bedrag=parse_num(r["bedrag"]))
            for r in read_csv("uitgaven.csv")]


def in_range(d, van, tot):
    return d is not None and van <= d <= tot


def known(d, peil):
    """§3 "a first contact, completion, publication, evaluation, inzet or
    expense dated after it counts as not (yet) there." """
    return d if d is not None and d <= peil else None


# ---------------------------------------------------------------------------
# §4 The working-day calendar.
# ---------------------------------------------------------------------------
from oracle_calendar import deadline, working_days_to  # noqa: E402 (§4)


# ---------------------------------------------------------------------------
# §5 Uncertainty and status.
# ---------------------------------------------------------------------------
Z95 = 1.959963984540054  # the 97.5% quantile of the standard normal distribution


def wilson(k, n):
    """§5 "Every proportion (R1, R2, R3's share) carries its 95% Wilson score
    interval." None without observations."""
    if n == 0:
        return None
    p, z2 = k / n, Z95 * Z95
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return [max(0.0, centre - half), min(1.0, centre + half)]


def proportion_status(k, n, doel):
    """§5 proportion (R1, R2): grijs "noemer < min_n"; groen "waarde ≥ doel";
    oranje "interval's upper bound ≥ doel"; rood "otherwise"."""
    if n < MIN_N:
        return "grijs"
    if Fraction(k, n) >= doel:
        return "groen"
    if wilson(k, n)[1] >= doel:
        return "oranje"
    return "rood"


def r3_status(k, n, actief):
    """§5 R3: grijs "share is grijs and actief ≥ 10"; groen "actief ≥ 10 and
    share groen"; oranje "actief ≥ 10 and share oranje"; rood "actief < 10, or
    share rood"."""
    if actief < R3_MIN_ACTIEF:
        return "rood"
    return proportion_status(k, n, DOEL["R3"])


def milestone_status(ms, peil, mean=None):
    """§5 milestones (R4, R5): grijs "noemer = 0"; groen "all due milestones
    done on time (R4: and opdrachtgever mean ≥ 7 or no scores)"; oranje "all
    due done, some late"; rood "a due milestone not done by the peildatum, or
    R4 mean < 7"."""
    if not ms:
        return "grijs"
    if any(known(m["gereed"], peil) is None for m in ms) or (mean is not None and mean < SEVEN):
        return "rood"
    if any(m["gereed"] > m["gepland"] for m in ms):
        return "oranje"
    return "groen"


def r6_status(aantal_cum, peil):
    """§5 R6 "(on the cumulative count, in both objects)": groen "aantal ≥
    doel"; oranje "aantal ÷ days since programme start × days of the programme
    ≥ doel"; rood "otherwise". Days are counted inclusively."""
    if aantal_cum >= DOEL["R6"]:
        return "groen"
    days_since = (peil - PROGRAMME_START).days + 1
    days_programme = (PROGRAMME_END - PROGRAMME_START).days + 1
    if Fraction(aantal_cum, days_since) * days_programme >= DOEL["R6"]:
        return "oranje"
    return "rood"


def b_status(prognose, jaarbegroting, has_begroting):
    """§5 B: grijs "no begroting for the year"; groen "prognose ≤
    jaarbegroting"; oranje "prognose ≤ 1,05 × jaarbegroting"; else rood."""
    if not has_begroting:
        return "grijs"
    if prognose <= jaarbegroting:
        return "groen"
    if prognose <= Fraction(105, 100) * jaarbegroting:
        return "oranje"
    return "rood"


# ---------------------------------------------------------------------------
# §5 The indicators, each for one range (van..tot) at a peildatum.
# ---------------------------------------------------------------------------
def r1(van, tot, peil):
    """§5 R1: "requests with ontvangen in the range. On time: eerste_contact ≤
    deadline. Late: eerste_contact > deadline, or no contact and peildatum >
    deadline. Pending (no contact, peildatum ≤ deadline) is left out. teller =
    on time, noemer = on time + late". Breakdowns by regio and type and the
    distribution of working days to first contact (0..5, > 5, pending)."""
    res = {"teller": 0, "noemer": 0,
           "regio": {g: [0, 0] for g in REGIOS}, "type": {t: [0, 0] for t in TYPES},
           "werkdagen": {k: 0 for k in ["0", "1", "2", "3", "4", "5", "meer_dan_5", "lopend"]}}
    for h in HULPVRAGEN:
        if not in_range(h["ontvangen"], van, tot):
            continue
        dl = deadline(h["ontvangen"])
        contact = known(h["eerste_contact"], peil)
        if contact is not None:
            on_time = contact <= dl
            wd = working_days_to(h["ontvangen"], contact)
            res["werkdagen"][str(wd) if wd <= 5 else "meer_dan_5"] += 1
        elif peil > dl:
            on_time = False
            res["werkdagen"]["meer_dan_5"] += 1
        else:
            res["werkdagen"]["lopend"] += 1
            continue  # pending: left out
        org = ORGS[h["organisatie"]]
        for key, cell in (("regio", org.get("regio")), ("type", org["type"])):
            if cell in res[key]:
                res[key][cell][0] += on_time
                res[key][cell][1] += 1
        res["teller"] += on_time
        res["noemer"] += 1
    res["werkdagen_n"] = sum(res["werkdagen"].values())
    res["status"] = proportion_status(res["teller"], res["noemer"], DOEL["R1"])
    return res


def r2(van, tot, peil):
    """§5 R2: "evaluaties soort ondersteuning dated in the range, from
    gemeenten and SOB's. Per organisation the mean of its scores; satisfied when
    mean ≥ 7.0 (decided exactly ...). teller = satisfied organisations, noemer
    = organisations with ≥ 1 evaluation". Breakdown by regio."""
    scores = {}
    for e in EVALUATIES:
        if (e["soort"] == "ondersteuning" and in_range(known(e["datum"], peil), van, tot)
                and ORGS[e["organisatie"]]["type"] in ("gemeente", "sob")):
            scores.setdefault(e["organisatie"], []).append(e["score"])
    res = {"teller": 0, "noemer": 0, "regio": {g: [0, 0] for g in REGIOS}}
    for org, ss in scores.items():
        satisfied = Fraction(sum(ss), len(ss)) >= SEVEN
        res["teller"] += satisfied
        res["noemer"] += 1
        res["regio"][ORGS[org]["regio"]][0] += satisfied
        res["regio"][ORGS[org]["regio"]][1] += 1
    res["status"] = proportion_status(res["teller"], res["noemer"], DOEL["R2"])
    return res


def r3(van, tot, peil):
    """§5 R3: "actief = specialists with ≥ 1 inzet row dated in the range. Of
    the active ones with ≥ 1 evaluatie soort specialist in the range from a
    gemeente or SOB: per specialist the mean score; good when ≥ 7.0. teller =
    good, noemer = rated; also niet_beoordeeld = active − rated"."""
    actief = {i["specialist"] for i in INZET if in_range(known(i["datum"], peil), van, tot)}
    scores = {}
    for e in EVALUATIES:
        if (e["soort"] == "specialist" and e["specialist"] in actief
                and ORGS[e["organisatie"]]["type"] in ("gemeente", "sob")
                and in_range(known(e["datum"], peil), van, tot)):
            scores.setdefault(e["specialist"], []).append(e["score"])
    good = sum(1 for ss in scores.values() if Fraction(sum(ss), len(ss)) >= SEVEN)
    res = {"teller": good, "noemer": len(scores), "actief": len(actief),
           "niet_beoordeeld": len(actief) - len(scores)}
    res["status"] = r3_status(good, len(scores), len(actief))
    return res


def milestones(resultaat, van, tot, peil):
    """§5 R4/R5: "mijlpalen with gepland in the range (never after the
    peildatum): teller = gereed on or before gepland, noemer = all of them"."""
    due = [m for m in MIJLPALEN if m["resultaat"] == resultaat
           and in_range(m["gepland"], van, min(tot, peil))]
    teller = sum(1 for m in due if known(m["gereed"], peil) is not None
                 and m["gereed"] <= m["gepland"])
    return due, {"teller": teller, "noemer": len(due)}


def r4(van, tot, peil):
    """§5 R4: milestones R4, plus "the mean of all scores of evaluaties soort
    opdrachtgever dated in the range" (null without scores)."""
    due, res = milestones("R4", van, tot, peil)
    ss = [e["score"] for e in EVALUATIES
          if e["soort"] == "opdrachtgever" and in_range(known(e["datum"], peil), van, tot)]
    res["opdrachtgever_gemiddelde"] = Fraction(sum(ss), len(ss)) if ss else None
    res["status"] = milestone_status(due, peil, res["opdrachtgever_gemiddelde"])
    return res


def r5(van, tot, peil):
    due, res = milestones("R5", van, tot, peil)
    res["status"] = milestone_status(due, peil)
    return res


def r6_aantal(van, tot, peil):
    """§5 R6: "aantal = products with gepubliceerd in the range and actively
    spread (≥ 1 kanaal or bereik > 0)"."""
    return sum(1 for k in KENNIS if in_range(known(k["gepubliceerd"], peil), van, tot)
               and (k["kanalen"] or k["bereik"] > 0))


def quarter_bounds(y, q):
    start = date(y, 3 * q - 2, 1)
    end = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
    return start, end - timedelta(days=1)


def begroting(van, tot):
    """§5 B: "each line goes to quarters (a quarter line to its quarter, a
    whole-year line in equal parts to the quarters of its year that overlap
    the programme ... a year wholly outside the programme ¼ each); a range of
    dates gets each quarter's amount × (days of that quarter inside the range
    ÷ days of the quarter)"."""
    per_quarter = {}
    for b in BEGROTING:
        if b["kwartaal"]:
            per_quarter[(b["jaar"], b["kwartaal"])] = \
                per_quarter.get((b["jaar"], b["kwartaal"]), 0) + b["bedrag"]
        else:
            inside = [q for q in (1, 2, 3, 4)
                      if quarter_bounds(b["jaar"], q)[1] >= PROGRAMME_START
                      and quarter_bounds(b["jaar"], q)[0] <= PROGRAMME_END]
            for q in inside or [1, 2, 3, 4]:
                per_quarter[(b["jaar"], q)] = (per_quarter.get((b["jaar"], q), 0)
                                               + Fraction(b["bedrag"]) / len(inside or "1234"))
    total = Fraction(0)
    for (y, q), amount in per_quarter.items():
        qs, qe = quarter_bounds(y, q)
        inside = (min(qe, tot) - max(qs, van)).days + 1
        if inside > 0:
            total += amount * Fraction(inside, (qe - qs).days + 1)
    return total


def realisatie(van, tot, peil):
    """§5 B: "realisatie = Σ inzet.uren × uurtarief (post inhuur) + Σ
    uitgaven, by post, dated in the range"."""
    total = Fraction(0)
    for i in INZET:
        if in_range(known(i["datum"], peil), van, tot):
            total += i["uren"] * TARIEF[i["specialist"]]
    for u in UITGAVEN:
        if in_range(known(u["datum"], peil), van, tot):
            total += u["bedrag"]
    return total


def prognose(peil):
    """§5 B: "prognose for the peildatum's year = realisatie from max(1 Jan,
    programme start) through the peildatum ÷ those days × the days from that
    start through min(31 Dec, end of the last target period); jaarbegroting =
    begroting of that stretch"."""
    start = max(date(peil.year, 1, 1), PROGRAMME_START)
    year_end = min(date(peil.year, 12, 31), PROGRAMME_END)
    if start > year_end:
        # No stretch to forecast: the year lies after the last target
        # period, so the JSON has no prognose or jaarbegroting (null).
        return None, None, False
    days = (peil - start).days + 1
    year_days = (year_end - start).days + 1
    prog = realisatie(start, peil, peil) / days * year_days
    jaar = begroting(start, year_end)
    has = any(b["jaar"] == peil.year for b in BEGROTING)
    return prog, jaar, has


def b_periode_status(real, begr):
    """§5 "B periode, trend points": grijs "no begroting in the range"; groen
    "uitputting ≤ 100%"; oranje "uitputting ≤ 105%"; otherwise rood."""
    if not begr:
        return "grijs"
    if real <= begr:
        return "groen"
    if real <= Fraction(105, 100) * begr:
        return "oranje"
    return "rood"


def oordeel(iid, f):
    """§3: "Gehaald means: R1, R2 waarde ≥ doel; R3 actief ≥ doel and share ≥
    doel; R4 and R5 every milestone of the range gereed on or before gepland
    (and R4's opdrachtgever mean ≥ 7 or no scores); R6 aantal ≥ doel; B
    realisatie ≤ begroting of the range"; geen gegevens with noemer 0."""
    if iid == "R6":
        return "gehaald" if f["aantal"] >= DOEL["R6"] else "niet gehaald"
    if iid == "B":
        if not f["begroting"]:
            return "geen gegevens"
        # the tool compares the amounts it reports, in whole cents
        ok = round(f["realisatie"] * 100) <= round(f["begroting"] * 100)
        return "gehaald" if ok else "niet gehaald"
    if f["noemer"] == 0:
        return "geen gegevens"
    ok = Fraction(f["teller"], f["noemer"]) >= DOEL[iid]
    if iid == "R3":
        ok = ok and f["actief"] >= R3_MIN_ACTIEF
    if iid == "R4":
        ok = ok and (f["opdrachtgever_gemiddelde"] is None
                     or f["opdrachtgever_gemiddelde"] >= SEVEN)
    return "gehaald" if ok else "niet gehaald"


VERDICT_COLOUR = {"gehaald": "groen", "niet gehaald": "rood", "geen gegevens": "grijs"}


def oracle(period_start, period_end, peil):
    """All figures for a period at a peildatum. §3: "the range of the periode
    figures is period start through min(period end, peildatum), that of
    cumulatief programme start through the peildatum. (B's period begroting is
    that of the whole period.)" """
    ranges = {"periode": (period_start, min(period_end, peil)),
              "cumulatief": (PROGRAMME_START, peil)}
    out = {"R1": {}, "R2": {}, "R3": {}, "R4": {}, "R5": {}, "R6": {}, "B": {}}
    aantal_cum = r6_aantal(PROGRAMME_START, peil, peil)
    prog, jaar, has = prognose(peil)
    for kind, (van, tot) in ranges.items():
        out["R1"][kind] = r1(van, tot, peil)
        out["R2"][kind] = r2(van, tot, peil)
        out["R3"][kind] = r3(van, tot, peil)
        out["R4"][kind] = r4(van, tot, peil)
        out["R5"][kind] = r5(van, tot, peil)
        out["R6"][kind] = {"aantal": r6_aantal(van, tot, peil),
                           "status": r6_status(aantal_cum, peil)}
        bvan, btot = (period_start, period_end) if kind == "periode" else (van, tot)
        real = realisatie(van, tot, peil)
        begr = begroting(bvan, btot)
        out["B"][kind] = {"begroting": begr, "realisatie": real,
                          "waarde": real / begr if begr else None,
                          "prognose": prog, "jaarbegroting": jaar,
                          "status": (b_periode_status(real, begr) if kind == "periode"
                                     else b_status(prog, jaar, has))}
        out["_range_" + kind] = (van, tot)
    # §3 target periods (the demo has one: the programme). The periode outside
    # it is grijs; a range that is the whole ended period carries the verdict;
    # after its end the cumulatief is grijs; on its last day, the verdict.
    for iid in ("R1", "R2", "R3", "R4", "R5", "R6", "B"):
        pvan, ptot = ranges["periode"]
        pvan = max(pvan, PROGRAMME_START)
        if pvan <= ptot and ptot > PROGRAMME_END:
            out[iid]["periode"]["status"] = "grijs"
        elif (pvan, ptot) == (PROGRAMME_START, PROGRAMME_END):
            out[iid]["periode"]["status"] = VERDICT_COLOUR[oordeel(iid, out[iid]["periode"])]
        if peil > PROGRAMME_END:
            out[iid]["cumulatief"]["status"] = "grijs"
        elif peil == PROGRAMME_END:
            out[iid]["cumulatief"]["status"] = VERDICT_COLOUR[oordeel(iid, out[iid]["cumulatief"])]
    # The eindstand: the figures over the whole target period as known on the
    # peildatum, with the periode's begroting rule for B (the whole range).
    out["_eind"] = None
    if peil >= PROGRAMME_END:
        e = {"R1": r1(PROGRAMME_START, PROGRAMME_END, peil),
             "R2": r2(PROGRAMME_START, PROGRAMME_END, peil),
             "R3": r3(PROGRAMME_START, PROGRAMME_END, peil),
             "R4": r4(PROGRAMME_START, PROGRAMME_END, peil),
             "R5": r5(PROGRAMME_START, PROGRAMME_END, peil),
             "R6": {"aantal": r6_aantal(PROGRAMME_START, PROGRAMME_END, peil)},
             "B": {"realisatie": realisatie(PROGRAMME_START, PROGRAMME_END, peil),
                   "begroting": begroting(PROGRAMME_START, PROGRAMME_END)}}
        for iid, f in e.items():
            f["oordeel"] = oordeel(iid, f)
        out["_eind"] = e
    return out


# ---------------------------------------------------------------------------
# Sanity of the oracle's calendar: the examples of SPEC §4.
# ---------------------------------------------------------------------------
for received, expected in [(date(2025, 4, 17), date(2025, 4, 25)),
                           (date(2025, 4, 30), date(2025, 5, 8)),
                           (date(2025, 5, 28), date(2025, 6, 6)),
                           (date(2025, 12, 24), date(2026, 1, 6)),
                           (date(2025, 3, 1), date(2025, 3, 7))]:
    check(deadline(received) == expected,
          f"oracle_deadline_of_{received}_is_{expected}_as_in_spec_4", deadline(received))


# ---------------------------------------------------------------------------
# The tool: `demo`, then `indicators` for each case, compared to the oracle.
# ---------------------------------------------------------------------------
w = Workdir()
out_dir = os.path.join(w.path, "demo")
r = w.run("demo", out_dir, db=False)
check(r.code == 0, "demo_exits_0", r)
w.db = os.path.join(out_dir, "pijlermonitor.db")

CASES = [  # (--period, --peildatum or None, period start, period end, label)
    ("2024-Q4", None, date(2024, 10, 1), date(2024, 12, 31), "2024_Q4"),
    ("2025-Q2", None, date(2025, 4, 1), date(2025, 6, 30), "2025_Q2"),
    ("2025-Q4", None, date(2025, 10, 1), date(2025, 12, 31), "2025_Q4"),
    ("2026-Q1", None, date(2026, 1, 1), date(2026, 3, 31), "2026_Q1"),
    ("2025", None, date(2025, 1, 1), date(2025, 12, 31), "2025"),
    ("2025-02-10..2025-05-20", "2025-06-15", date(2025, 2, 10), date(2025, 5, 20),
     "range_2025_02_10_2025_05_20_peil_2025_06_15"),
    # §3: the whole first target period asked for afterwards is its eindstand
    ("2024-07-01..2025-12-31", "2026-03-31", date(2024, 7, 1), date(2025, 12, 31),
     "doelperiode_1_peil_2026_03_31"),
]


def num(x):
    return None if x is None else float(x)


def close(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol


HALF_CENT = Fraction(1, 200)


def money_close(expected, actual):
    """Money within half a cent, decided exactly: the tool rounds to whole
    cents, so an exact value of x.xx5 may legitimately come back as x.xx+0.01."""
    if expected is None or actual is None:
        return expected is None and actual is None
    return abs(Fraction(expected) - Fraction(repr(float(actual)))) <= HALF_CENT


def cmp_count(name, expected, actual):
    check(actual == expected and not isinstance(actual, bool), name,
          f"oracle {expected}, tool {actual}")


def cmp_frac(name, expected, actual, tol=1e-9):
    check(close(expected, actual, tol), name, f"oracle {num(expected)}, tool {actual}")


def cmp_interval(name, expected, actual):
    ok = (expected is None and actual is None) or (
        expected is not None and actual is not None and len(actual) == 2
        and all(close(e, a, 1e-9) for e, a in zip(expected, actual)))
    check(ok, name, f"oracle {expected}, tool {actual}")


def cmp_eq(name, expected, actual):
    check(expected == actual, name, f"oracle {expected!r}, tool {actual!r}")


def breakdown(ind, key, kind):
    """{sleutel: entry} of a breakdown in the tool's JSON (missing = {})."""
    try:
        return {e["sleutel"]: e for e in ind["uitsplitsingen"][key][kind]}
    except (KeyError, TypeError):
        return {}


for period, peil_arg, pstart, pend, label in CASES:
    args = ["indicators", "--format", "json", "--audience", "intern", "--period", period]
    if peil_arg:
        args += ["--peildatum", peil_arg]
    r = w.run(*args)
    p = f"demo_{label}"
    if not check(r.code == 0, f"{p}_indicators_exits_0", r):
        continue
    try:
        js = json.loads(r.out)
    except ValueError as e:
        check(False, f"{p}_indicators_json_parses", e)
        continue
    peil = date.fromisoformat(peil_arg) if peil_arg else pend
    orc = oracle(pstart, pend, peil)

    # §3 the period and peildatum, and the programme (SPEC defaults)
    cmp_eq(f"{p}_peildatum_matches_oracle", peil.isoformat(), js.get("peildatum"))
    cmp_eq(f"{p}_periode_van_tot_match_oracle", [pstart.isoformat(), pend.isoformat()],
           [js.get("periode", {}).get("van"), js.get("periode", {}).get("tot")])
    cmp_eq(f"{p}_programma_is_the_spec_default",
           [PROGRAMME_START.isoformat(), PROGRAMME_END.isoformat()],
           [js.get("programma", {}).get("start"), js.get("programma", {}).get("einde")])

    inds = {i["id"]: i for i in js.get("indicatoren", [])}
    cmp_eq(f"{p}_has_all_indicators", ["R1", "R2", "R3", "R4", "R5", "R6", "B"], list(inds))
    if set(inds) != {"R1", "R2", "R3", "R4", "R5", "R6", "B"}:
        continue

    for kind in ("periode", "cumulatief"):
        van, tot = orc["_range_" + kind]
        for iid in ("R1", "R2", "R3", "R4", "R5", "R6", "B"):
            cmp_eq(f"{p}_{iid}_{kind}_range_matches_oracle", [van.isoformat(), tot.isoformat()],
                   [inds[iid][kind].get("van"), inds[iid][kind].get("tot")])

        # R1, R2: proportion figures and the Wilson interval
        for iid in ("R1", "R2"):
            o, t = orc[iid][kind], inds[iid][kind]
            q = f"{p}_{iid}_{kind}"
            cmp_count(f"{q}_teller_matches_oracle", o["teller"], t.get("teller"))
            cmp_count(f"{q}_noemer_matches_oracle", o["noemer"], t.get("noemer"))
            cmp_frac(f"{q}_waarde_matches_oracle",
                     Fraction(o["teller"], o["noemer"]) if o["noemer"] else None, t.get("waarde"))
            cmp_interval(f"{q}_interval_matches_oracle", wilson(o["teller"], o["noemer"]),
                         t.get("interval"))
            cmp_eq(f"{q}_status_matches_oracle", o["status"], t.get("status"))
            for regio in REGIOS:
                e = breakdown(inds[iid], "regio", kind).get(regio, {})
                k, n = o["regio"][regio]
                cmp_eq(f"{q}_regio_{regio}_teller_noemer_match_oracle", [k, n],
                       [e.get("teller", 0), e.get("noemer", 0)])

        # R1: by organisation type, and working days to first contact
        o = orc["R1"][kind]
        q = f"{p}_R1_{kind}"
        for typ in TYPES:
            e = breakdown(inds["R1"], "type", kind).get(typ, {})
            cmp_eq(f"{q}_type_{typ}_teller_noemer_match_oracle", o["type"][typ],
                   [e.get("teller", 0), e.get("noemer", 0)])
        wd = breakdown(inds["R1"], "werkdagen", kind)
        for key, n in o["werkdagen"].items():
            cmp_eq(f"{q}_werkdagen_{key}_count_matches_oracle", n, wd.get(key, {}).get("teller", 0))
        cmp_eq(f"{q}_werkdagen_total_matches_oracle",
               [o["werkdagen_n"]] * len(wd), [e.get("noemer") for e in wd.values()])

        # R3
        o, t = orc["R3"][kind], inds["R3"][kind]
        q = f"{p}_R3_{kind}"
        for f in ("actief", "niet_beoordeeld", "teller", "noemer"):
            cmp_count(f"{q}_{f}_matches_oracle", o[f], t.get(f))
        cmp_frac(f"{q}_waarde_matches_oracle",
                 Fraction(o["teller"], o["noemer"]) if o["noemer"] else None, t.get("waarde"))
        cmp_interval(f"{q}_interval_matches_oracle", wilson(o["teller"], o["noemer"]),
                     t.get("interval"))
        cmp_eq(f"{q}_status_matches_oracle", o["status"], t.get("status"))

        # R4, R5
        for iid in ("R4", "R5"):
            o, t = orc[iid][kind], inds[iid][kind]
            q = f"{p}_{iid}_{kind}"
            cmp_count(f"{q}_teller_matches_oracle", o["teller"], t.get("teller"))
            cmp_count(f"{q}_noemer_matches_oracle", o["noemer"], t.get("noemer"))
            cmp_frac(f"{q}_waarde_matches_oracle",
                     Fraction(o["teller"], o["noemer"]) if o["noemer"] else None, t.get("waarde"))
            cmp_eq(f"{q}_status_matches_oracle", o["status"], t.get("status"))
        cmp_frac(f"{p}_R4_{kind}_opdrachtgever_gemiddelde_matches_oracle",
                 orc["R4"][kind]["opdrachtgever_gemiddelde"],
                 inds["R4"][kind].get("opdrachtgever_gemiddelde"))

        # R6
        o, t = orc["R6"][kind], inds["R6"][kind]
        q = f"{p}_R6_{kind}"
        cmp_count(f"{q}_aantal_matches_oracle", o["aantal"], t.get("aantal"))
        cmp_count(f"{q}_teller_matches_oracle", o["aantal"], t.get("teller"))
        cmp_eq(f"{q}_status_matches_oracle", o["status"], t.get("status"))

        # B (money within half a cent)
        o, t = orc["B"][kind], inds["B"][kind]
        q = f"{p}_B_{kind}"
        for f in ("begroting", "realisatie", "prognose", "jaarbegroting"):
            check(money_close(o[f], t.get(f)), f"{q}_{f}_matches_oracle",
                  f"oracle {o[f] if o[f] is None else f'{float(o[f]):.4f}'}, "
                  f"tool {t.get(f)}")
        check(money_close(o["realisatie"], t.get("teller")), f"{q}_teller_matches_oracle",
              f"oracle {float(o['realisatie']):.4f}, tool {t.get('teller')}")
        check(money_close(o["begroting"], t.get("noemer")), f"{q}_noemer_matches_oracle",
              f"oracle {float(o['begroting']):.4f}, tool {t.get('noemer')}")
        # waarde = realisatie ÷ begroting; the tool divides its cent-rounded
        # amounts, so allow what half a cent in each can move the quotient.
        tol = 1e-9 + (float(HALF_CENT) * 2 / float(o["begroting"]) if o["begroting"] else 0)
        cmp_frac(f"{q}_waarde_matches_oracle", o["waarde"], t.get("waarde"), tol)
        cmp_eq(f"{q}_status_matches_oracle", o["status"], t.get("status"))

    # §3 the eindstand of the ended target period, with its oordeel
    eind = orc["_eind"]
    for iid in ("R1", "R2", "R3", "R4", "R5", "R6", "B"):
        es = inds[iid].get("eindstanden", [])
        if eind is None:
            cmp_eq(f"{p}_{iid}_has_no_eindstand_before_the_end", [], es)
            continue
        if not check(len(es) == 1, f"{p}_{iid}_has_one_eindstand", es):
            continue
        o, t = eind[iid], es[0]
        q = f"{p}_{iid}_eindstand"
        cmp_eq(f"{q}_doelperiode_matches_oracle",
               {"van": PROGRAMME_START.isoformat(), "tot": PROGRAMME_END.isoformat()},
               t.get("doelperiode"))
        cmp_eq(f"{q}_oordeel_matches_oracle", o["oordeel"], t.get("oordeel"))
        cmp_eq(f"{q}_status_follows_the_oordeel", VERDICT_COLOUR[o["oordeel"]], t.get("status"))
        if iid == "R6":
            cmp_count(f"{q}_aantal_matches_oracle", o["aantal"], t.get("aantal"))
        elif iid == "B":
            check(money_close(o["realisatie"], t.get("realisatie"))
                  and money_close(o["begroting"], t.get("begroting")),
                  f"{q}_money_matches_oracle", t)
        else:
            cmp_count(f"{q}_teller_matches_oracle", o["teller"], t.get("teller"))
            cmp_count(f"{q}_noemer_matches_oracle", o["noemer"], t.get("noemer"))

    # §5 "the indicator's overall status is the cumulative one"
    for iid in ("R1", "R2", "R3", "R4", "R5", "R6", "B"):
        cmp_eq(f"{p}_{iid}_status_is_the_cumulative_oracle_status",
               orc[iid]["cumulatief"]["status"], inds[iid].get("status"))

done()
