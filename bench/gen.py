#!/usr/bin/env python3
"""gen.py: synthetic, valid input data for pijlermonitor benchmarks.

    /usr/bin/python3 bench/gen.py --requests N --seed S --out DIR [--dialect nl|iso]

Writes the nine datasets of SPEC section 2 (organisaties.csv ... uitgaven.csv) for
N hulpvragen into DIR, in the proportions of a (much) bigger pijler 2:

    organisaties     ~N/15 (gemeenten by CBS code from engine/gemeenten.csv, at
                     most all 342 of them; the rest SOBnnnnn; plus VNG and MINSZW)
    specialisten     N/2000 + 14 (uurtarief <= 120)
    hulpvragen       N, ids in order of receipt
    inzet            3 N (about 2.8 per request, the rest team time without request)
    evaluaties       ~N/2 (ondersteuning / specialist after completion, plus the
                     quarterly opdrachtgever scores of VNG and MINSZW)
    kennisproducten, mijlpalen, begroting, uitgaven: a few dozen to a few hundred

Every rule of SPEC section 2 holds, so `pijlermonitor import` of the nine files
reports no error: all dates lie in 2024-07-01..2026-03-31, eerste_contact and
afgerond_op are never before ontvangen, a specialist works on a request only from
their start date, references exist, inzet and evaluations never predate the
request, uitgaven never use post 'inhuur', opdrachtgever evaluations come only from
the opdrachtgevers.

Dialects: `iso` (default) is ',' + LF + YYYY-MM-DD + decimal point; `nl` is what
Dutch Excel writes: BOM, ';', CRLF, DD-MM-YYYY, decimal comma. The column order of
every file is the field order of engine/dataset.c, which is also the column order
of the tables in engine/store.c.

Deterministic: one random.Random(seed), no set or dict-order dependence, no clock;
the same arguments give byte-identical files. Standard library only. It is also a
module: generate(n, seed, out, dialect) returns {dataset: (path, rows)}.
"""

import argparse
import bisect
import csv
import datetime as dt
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GEMEENTEN_CSV = os.path.join(os.path.dirname(HERE), "engine", "gemeenten.csv")

FIRST_DAY = dt.date(2024, 7, 1)     # programme start (SPEC section 3)
LAST_DAY = dt.date(2026, 3, 31)     # export date: nothing happens after this day
NDAYS = (LAST_DAY - FIRST_DAY).days + 1
LAST = NDAYS - 1                    # day index of LAST_DAY

# The order of the datasets is the order of an import: referenced rows first,
# although the importer accepts any order within one call.
DATASETS = ["organisaties", "specialisten", "hulpvragen", "inzet", "evaluaties",
            "kennisproducten", "mijlpalen", "begroting", "uitgaven"]

# Header of each file = field order of engine/dataset.c.
HEADERS = {
    "organisaties": ["id", "naam", "type", "regio"],
    "specialisten": ["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"],
    "hulpvragen": ["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp",
                   "specialist", "status", "afgerond_op"],
    "inzet": ["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"],
    "evaluaties": ["id", "organisatie", "datum", "soort", "score", "specialist",
                   "hulpvraag"],
    "kennisproducten": ["id", "titel", "soort", "gepubliceerd", "pijler", "kanalen",
                        "bereik"],
    "mijlpalen": ["id", "resultaat", "omschrijving", "gepland", "gereed", "bewijs"],
    "begroting": ["id", "jaar", "kwartaal", "post", "bedrag"],
    "uitgaven": ["id", "datum", "post", "bedrag", "omschrijving"],
}

REGIO_OF_PROVINCE = {
    "Groningen": "Noord", "Fryslân": "Noord", "Drenthe": "Noord",
    "Overijssel": "Oost", "Gelderland": "Oost",
    "Utrecht": "Midden", "Flevoland": "Midden",
    "Noord-Holland": "Noord-West",
    "Zuid-Holland": "Zuid-West", "Zeeland": "Zuid-West",
    "Noord-Brabant": "Zuid", "Limburg": "Zuid",
}
EXPERTISES = ["sturing-bekostiging", "bedrijfsvoering", "bestuurlijke-sturing",
              "juridisch", "participatieketen"]
ROLLEN = ["expert", "specialist", "regioadviseur"]
# (rol, lowest and highest uurtarief in cents); the cap of SPEC section 2 is 120.
TARIEF = {"expert": (10500, 12000), "specialist": (9000, 11500),
          "regioadviseur": (8000, 10000)}
SOB_PREFIXES = ["Werkbedrijf", "Sociaal Ontwikkelbedrijf", "Participatiebedrijf",
                "Werkleerbedrijf", "Ontwikkelbedrijf", "Stichting Werk, Leer en Zorg"]
FIRST_NAMES = ["Anna", "Bram", "Carla", "Daan", "Eva", "Fatima", "Gert", "Hans", "Ingrid",
               "Jeroen", "Kim", "Lotte", "Mohamed", "Noor", "Olga", "Pieter-Jan", "Quinten",
               "Rik", "Sanne", "Tom", "Ümit", "Vera", "Wouter", "Yara", "Zeynep"]
LAST_NAMES = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
              "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
              "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smeets",
              "El Idrissi", "Öztürk", "van der Meulen", "Zijlstra", "Haddou"]
INZET_TEXT = ["Intakegesprek", "Analyse bekostiging", "Werksessie met de gemeente",
              "Advies opgesteld", "Overleg met wethouder en directeur", "Terugkoppeling",
              "Voorbereiding bestuurlijk overleg", "Rapportage, tweede versie",
              "Telefonisch overleg", ""]
TEAM_TEXT = ["Intervisie team pijler 2", "Teamoverleg", "Kennisdeling, webinar voorbereid",
             "Regio-overleg"]
KP_SOORTEN = ["handleiding", "factsheet", "webinar", "podcast", "kennisbijeenkomst",
              "publicatie", "overig"]
KP_ONDERWERP = ["bekostiging beschut werk", "samenwerking gemeente en SOB",
                "sturen op het sociaal ontwikkelbedrijf", "de participatieketen",
                "bedrijfsvoering van het SOB", 'het "Breed offensief"',
                "juridische vormen, een overzicht"]
KANALEN = ["nieuwsbrief|website", "website", "nieuwsbrief|website|linkedin",
           "website|linkedin", "nieuwsbrief"]
POSTEN = ["inhuur", "kennisproducten", "website", "bijeenkomsten", "communicatie", "overig"]
UITGAVEN_TEXT = {
    "kennisproducten": ["Vormgeving factsheet", "Opname podcast", "Drukwerk handleiding"],
    "website": ["Hosting en onderhoud", "Bouw website, termijn", "Toegankelijkheidstoets"],
    "bijeenkomsten": ["Zaalhuur", "Catering", "Zaalhuur en catering, regiobijeenkomst"],
    "communicatie": ["Nieuwsbrief verzending", "Huisstijl", "Fotografie"],
    "overig": ["Reiskosten", "Licenties", "Creditnota leverancier"],
}
QUARTERS = [(2024, 3), (2024, 4), (2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1)]


class Dialect:
    """How one CSV dialect writes dates, decimals and lines."""

    def __init__(self, name):
        if name not in ("nl", "iso"):
            raise ValueError("dialect must be nl or iso")
        self.name = name
        self.nl = name == "nl"
        self.delimiter = ";" if self.nl else ","
        self.lineterminator = "\r\n" if self.nl else "\n"
        self.decimal = "," if self.nl else "."
        self.bom = self.nl
        days = [FIRST_DAY + dt.timedelta(i) for i in range(NDAYS)]
        fmt = "%02d-%02d-%04d" if self.nl else "%04d-%02d-%02d"
        # days[i] is the text of day index i; no date arithmetic in the hot loops.
        self.days = [fmt % ((d.day, d.month, d.year) if self.nl else (d.year, d.month, d.day))
                     for d in days]

    def date(self, d):
        return self.days[(d - FIRST_DAY).days]

    def scaled(self, value, places, keep_zeros):
        """An integer scaled by 10**places as decimal text: 250, 2 -> '2.50'
        (keep_zeros) or '2.5'."""
        sign = "-" if value < 0 else ""
        q, r = divmod(abs(value), 10 ** places)
        frac = "%0*d" % (places, r)
        if not keep_zeros:
            frac = frac.rstrip("0")
        return sign + str(q) + (self.decimal + frac if frac else "")

    def money(self, cents):
        return self.scaled(cents, 2, True)


def _writer(out, dataset, dialect):
    path = os.path.join(out, dataset + ".csv")
    fh = open(path, "w", encoding="utf-8", newline="", buffering=1 << 20)
    if dialect.bom:
        fh.write("\ufeff")
    w = csv.writer(fh, delimiter=dialect.delimiter, lineterminator=dialect.lineterminator,
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADERS[dataset])
    return path, fh, w


def _load_gemeenten():
    with open(GEMEENTEN_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [(r["code"], r["naam"], REGIO_OF_PROVINCE[r["provincie"]]) for r in rows]


def _counts(n):
    """Row counts that depend on N only, so callers can predict them."""
    n_orgs = max(4, n // 15)
    n_gem = min(342, max(1, (3 * (n_orgs - 2)) // 4))
    n_sob = max(1, n_orgs - 2 - n_gem)
    return {
        "gemeenten": n_gem,
        "sobs": n_sob,
        "specialisten": n // 2000 + 14,
        "kennisproducten": 12 + n // 20000,
        "uitgaven": 40 + n // 1000,
    }


def generate(n, seed, out, dialect_name="iso"):
    """Writes the nine files into `out`; returns {dataset: (path, data rows)}."""
    if n < 1:
        raise ValueError("--requests must be at least 1")
    dialect = Dialect(dialect_name)
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    rnd = rng.random
    days = dialect.days
    money = dialect.money
    counts = _counts(n)
    result = {}

    def finish(dataset, path, fh, rows):
        fh.close()
        result[dataset] = (path, rows)

    # ---- organisaties ---------------------------------------------------
    gemeenten = _load_gemeenten()
    chosen = sorted(rng.sample(range(len(gemeenten)), counts["gemeenten"]))
    orgs = []  # (id, naam, type, regio)
    for i in chosen:
        code, naam, regio = gemeenten[i]
        orgs.append((code, naam, "gemeente", regio))
    wsob = max(5, len(str(counts["sobs"])))
    for i in range(1, counts["sobs"] + 1):
        _, place, regio = gemeenten[int(rnd() * len(gemeenten))]
        naam = "%s %s" % (SOB_PREFIXES[int(rnd() * len(SOB_PREFIXES))], place)
        orgs.append(("SOB%0*d" % (wsob, i), naam, "sob", regio))
    clients = [o[0] for o in orgs]
    # Clients in a fixed shuffled order; picking index int(len * r * r) below
    # gives a few very active organisations and a long tail.
    rng.shuffle(clients)
    orgs.append(("VNG", "VNG", "opdrachtgever", ""))
    orgs.append(("MINSZW", "Ministerie van SZW", "opdrachtgever", ""))
    path, fh, w = _writer(out, "organisaties", dialect)
    w.writerows(orgs)
    finish("organisaties", path, fh, len(orgs))

    # ---- specialisten ---------------------------------------------------
    n_sp = counts["specialisten"]
    wsp = max(2, len(str(n_sp)))
    specs = []  # (start day index, id)
    path, fh, w = _writer(out, "specialisten", dialect)
    for i in range(1, n_sp + 1):
        sid = "SP%0*d" % (wsp, i)
        if i <= 14:
            rol = ROLLEN[0] if i <= 6 else ROLLEN[1] if i <= 11 else ROLLEN[2]
            start = 0                                   # the original team
        else:
            rol = ROLLEN[int(rnd() * 3)]
            start = int(rnd() * 270)                    # joined in the first 9 months
        lo, hi = TARIEF[rol]
        tarief = lo + 50 * int(rnd() * ((hi - lo) // 50 + 1))
        einde = days[LAST] if i > 14 and rnd() < 0.1 else ""
        naam = "%s %s" % (FIRST_NAMES[int(rnd() * len(FIRST_NAMES))],
                          LAST_NAMES[int(rnd() * len(LAST_NAMES))])
        w.writerow((sid, naam, rol, EXPERTISES[(i - 1) % 5], money(tarief), days[start],
                    einde))
        specs.append((start, sid))
    finish("specialisten", path, fh, n_sp)
    specs.sort()
    spec_ids = [s for _, s in specs]
    # active[d] = how many specialists (a prefix of spec_ids) work on day d.
    starts = [s for s, _ in specs]
    active = [bisect.bisect_right(starts, d) for d in range(NDAYS)]

    # ---- hulpvragen, inzet, evaluaties ------------------------------------
    # Day weights: a slow start ramping up over the first nine months, few
    # requests in the weekend. Days are drawn, then sorted: ids follow receipt.
    weekday0 = FIRST_DAY.weekday()
    cum, total = [], 0.0
    for d in range(NDAYS):
        wgt = min(1.0, 0.3 + d / 270.0) * (1.0 if (weekday0 + d) % 7 < 5 else 0.08)
        total += wgt
        cum.append(total)
    received = sorted(bisect.bisect_left(cum, rnd() * total) for _ in range(n))

    hours = [dialect.scaled(q, 2, False) for q in range(0, 33 * 25, 25)]  # 0.25 h steps
    scores = [dialect.scaled(s, 1, False) for s in range(0, 101)]           # tenths
    n_orgs_c = len(clients)
    width = max(7, len(str(n)))
    iwidth = max(8, len(str(3 * n)))
    ewidth = max(7, len(str(n)))
    hv_fmt = "HV-%0" + str(width) + "d"
    iz_fmt = "IZ-%0" + str(iwidth) + "d"
    ev_fmt = "EV-%0" + str(ewidth) + "d"
    n_itext, n_ttext = len(INZET_TEXT), len(TEAM_TEXT)

    hv_path, hv_fh, hv_w = _writer(out, "hulpvragen", dialect)
    iz_path, iz_fh, iz_w = _writer(out, "inzet", dialect)
    ev_path, ev_fh, ev_w = _writer(out, "evaluaties", dialect)
    hv_row, iz_row, ev_row = hv_w.writerow, iz_w.writerow, ev_w.writerow
    n_iz = 0
    n_ev = 0
    for i in range(n):
        hid = hv_fmt % (i + 1)
        o = received[i]
        org = clients[int(n_orgs_c * rnd() * rnd())]
        onderwerp = EXPERTISES[int(rnd() * 5)] if rnd() < 0.97 else ""
        r = rnd()
        if r < 0.02 or (LAST - o < 3 and r < 0.5):
            # not (yet) contacted
            hv_row((hid, org, days[o], "", onderwerp, "", "open", ""))
            continue
        c = o + int(rnd() * rnd() * 15)                 # first contact, usually fast
        if c > LAST:
            c = LAST
        sp = spec_ids[int(rnd() * active[c])]
        done = c + 14 + int(rnd() * 150)
        if done <= LAST:
            hv_row((hid, org, days[o], days[c], onderwerp, sp, "afgerond", days[done]))
            end = done
        else:
            hv_row((hid, org, days[o], days[c], onderwerp, sp,
                    "lopend" if rnd() < 0.9 else "open", ""))
            end = LAST
        span = end - c + 1
        for _ in range(1 + int(rnd() * 4.2)):           # 1..5 sessions, mean ~2.6
            n_iz += 1
            iz_row((iz_fmt % n_iz, sp, days[c + int(rnd() * span)],
                    hours[1 + int(rnd() * rnd() * 24)], hid,
                    INZET_TEXT[int(rnd() * n_itext)]))
        if done <= LAST:
            r = rnd()
            if r < 0.6:                                  # about half of all requests
                e = done + int(rnd() * 21)
                if e > LAST:
                    e = LAST
                score = 50 + int(rnd() * 51) if rnd() < 0.9 else 10 + int(rnd() * 40)
                n_ev += 1
                if r < 0.42:
                    ev_row((ev_fmt % n_ev, org, days[e], "ondersteuning", scores[score],
                            "", hid))
                else:
                    ev_row((ev_fmt % n_ev, org, days[e], "specialist", scores[score], sp,
                            hid))
    hv_fh.close()
    result["hulpvragen"] = (hv_path, n)

    # Team time without a request fills inzet up to 3 N rows.
    for _ in range(max(0, 3 * n - n_iz)):
        d = int(rnd() * NDAYS)
        n_iz += 1
        iz_row((iz_fmt % n_iz, spec_ids[int(rnd() * active[d])], days[d],
                hours[2 + int(rnd() * 10)], "", TEAM_TEXT[int(rnd() * n_ttext)]))
    finish("inzet", iz_path, iz_fh, n_iz)

    # The opdrachtgevers score the programme every quarter, after its end.
    for y, q in QUARTERS:
        qend = dt.date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
        for org in ("VNG", "MINSZW"):
            d = qend + dt.timedelta(int(rnd() * 20))
            if d > LAST_DAY:
                continue
            n_ev += 1
            ev_row((ev_fmt % n_ev, org, dialect.date(d), "opdrachtgever",
                    scores[60 + int(rnd() * 31)], "", ""))
    finish("evaluaties", ev_path, ev_fh, n_ev)

    # ---- kennisproducten --------------------------------------------------
    path, fh, w = _writer(out, "kennisproducten", dialect)
    n_kp = counts["kennisproducten"]
    for i in range(1, n_kp + 1):
        soort = KP_SOORTEN[int(rnd() * len(KP_SOORTEN))]
        titel = "%s over %s (%d)" % (soort.capitalize(),
                                      KP_ONDERWERP[int(rnd() * len(KP_ONDERWERP))], i)
        published = rnd() < 0.85
        w.writerow(("KP-%04d" % i, titel, soort,
                    days[30 + int(rnd() * (NDAYS - 30))] if published else "",
                    ["2", "2", "2", "3", "2+3"][int(rnd() * 5)],
                    KANALEN[int(rnd() * len(KANALEN))],
                    str(50 + int(rnd() * 3000)) if published else ""))
    finish("kennisproducten", path, fh, n_kp)

    # ---- mijlpalen --------------------------------------------------------
    path, fh, w = _writer(out, "mijlpalen", dialect)
    rows = []
    for k, (y, q) in enumerate(QUARTERS[:-1], 1):
        gepland = dt.date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 15)
        gereed = gepland - dt.timedelta(int(rnd() * 6)) + dt.timedelta(int(rnd() * 3))
        rows.append(("MP-R4-%02d" % k, "R4",
                     "Kwartaalrapportage %d-Q%d aan MinSZW en VNG" % (y, q),
                     dialect.date(gepland),
                     dialect.date(gereed) if gereed <= LAST_DAY else "",
                     "Voortgangsrapportage pijler 2 %d-Q%d.pdf" % (y, q)))
    for k, (text, gepland, late) in enumerate([
            ("Monitoringskader vastgesteld", dt.date(2024, 9, 30), 0),
            ("Kennisagenda met SOB's opgesteld", dt.date(2024, 12, 1), 12),
            ("Eerste regionale kennisbijeenkomst", dt.date(2025, 3, 15), 0),
            ("Handreiking samenwerking gemeente en SOB, definitief", dt.date(2025, 6, 30), 30),
            ("Tussenevaluatie pijler 2", dt.date(2025, 10, 1), 5),
            ("Eindrapportage pijler 2", dt.date(2026, 2, 15), 60)], 1):
        gereed = gepland + dt.timedelta(late)
        rows.append(("MP-R5-%02d" % k, "R5", text, dialect.date(gepland),
                     dialect.date(gereed) if gereed <= LAST_DAY else "",
                     "" if gereed > LAST_DAY else "verslag-%02d.pdf" % k))
    w.writerows(rows)
    finish("mijlpalen", path, fh, len(rows))

    # ---- begroting ----------------------------------------------------------
    # Inhuur follows the expected hours (about 3 N x 2.5 h x EUR 105 over
    # seven quarters), capped below the importer's EUR 100 million per amount.
    path, fh, w = _writer(out, "begroting", dialect)
    rows = []
    per_quarter = {
        "inhuur": min(9_000_000_000, (n * 3 * 250 * 105 // 7) // 100_000 * 100_000 + 1_000_000),
        "kennisproducten": 500_000 + 100_000 * (n_kp // 7),
        "website": 650_000, "bijeenkomsten": 400_000, "communicatie": 250_000,
        "overig": 150_000,
    }
    for y, q in QUARTERS:
        for post in POSTEN:
            rows.append(("BG-%d-Q%d-%s" % (y, q, post), str(y), str(q), post,
                         money(per_quarter[post])))
    w.writerows(rows)
    finish("begroting", path, fh, len(rows))

    # ---- uitgaven -------------------------------------------------------------
    path, fh, w = _writer(out, "uitgaven", dialect)
    n_ug = counts["uitgaven"]
    ug_days = sorted(int(rnd() * NDAYS) for _ in range(n_ug))
    for i, d in enumerate(ug_days, 1):
        post = POSTEN[1 + int(rnd() * 5)]              # never inhuur
        text = UITGAVEN_TEXT[post][int(rnd() * 3)]
        cents = 5_000 + int(rnd() * rnd() * 1_500_000)
        if text.startswith("Creditnota"):
            cents = -cents // 10
        w.writerow(("UG-%05d" % i, days[d], post, money(cents), text))
    finish("uitgaven", path, fh, n_ug)

    return {k: result[k] for k in DATASETS}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, required=True, help="number of hulpvragen (N)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--dialect", choices=["nl", "iso"], default="iso",
                    help="nl: BOM ; CRLF DD-MM-YYYY 1,5   iso: , LF YYYY-MM-DD 1.5")
    a = ap.parse_args(argv)
    res = generate(a.requests, a.seed, a.out, a.dialect)
    total = 0
    for ds, (path, rows) in res.items():
        print("%-16s %10d  %s" % (ds, rows, path))
        total += rows
    print("%-16s %10d" % ("totaal", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
