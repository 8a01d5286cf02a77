"""Issue 11 point 9, SPEC §6: no suppressed cell of an extern report can be
worked out from what the same report publishes. The attacker
(disclosure_attack.py) solves every breakdown of every indicator, periode
and cumulatief, on the demo (several periods and ranges) and on 24 generated
stores full of small cells, and fails on any hidden noemer, teller or
proportion with a single possible value.

Issue 14 point 4: beside the national extern report the attacker also reads
the six regional and two type extern reports of the same period
(`--regio R`, `--type T`) and adds what they publish to it; no hidden cell
may follow from the lot either."""
import json
import os
import random

from disclosure_attack import attack, merge_filtered, stats
from pmtest import SRC, Workdir, check, csv_text, done

MIN_CELL = 5
REGIOS = ["Noord-West", "Noord", "Midden", "Oost", "Zuid-West", "Zuid"]
SUBJECTS = ["sturing-bekostiging", "bedrijfsvoering", "bestuurlijke-sturing",
            "juridisch", "participatieketen", ""]


def reports(w, period, extra=()):
    out = []
    for aud in ("extern", "intern"):
        r = w.run("indicators", "--period", period, "--format", "json",
                  "--audience", aud, *extra)
        assert r.code == 0, r
        out.append(json.loads(r.out))
    return out


TYPES = ["gemeente", "sob"]
filtered_runs = 0


def filtered_reports(w, period, extra=()):
    """The extern reports of the same period for each regio and each type."""
    global filtered_runs
    out = []
    for opt, values in (("--regio", REGIOS), ("--type", TYPES)):
        for v in values:
            r = w.run("indicators", "--period", period, "--format", "json",
                      "--audience", "extern", opt, v, *extra)
            assert r.code == 0, r
            out.append(json.loads(r.out))
            filtered_runs += 1
    return out


def play(name, w, period, extra=(), with_filters=False):
    ext, intern = reports(w, period, extra)
    leaks, exempt, checked, problems = attack(ext, intern, MIN_CELL)
    check(not problems, f"{name}_{period}_attacker_model_fits_the_published_figures",
          "\n".join(problems))
    check(not leaks, f"{name}_{period}_no_suppressed_cell_can_be_worked_out",
          "\n".join(leaks))
    if with_filters:
        merged, revealed, fproblems = merge_filtered(ext, filtered_reports(w, period, extra))
        check(not revealed and not fproblems,
              f"{name}_{period}_regional_and_type_reports_show_no_hidden_national_cell",
              "\n".join(revealed + fproblems))
        leaks, _, _, problems = attack(merged, intern, MIN_CELL)
        check(not problems and not leaks,
              f"{name}_{period}_no_suppressed_cell_follows_from_all_nine_reports",
              "\n".join(problems + leaks))
    return checked, exempt


def day(rng, lo, hi):
    import datetime
    a = datetime.date.fromisoformat(lo).toordinal()
    b = datetime.date.fromisoformat(hi).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def cbs_codes():
    """Real gemeente codes: the import accepts only those of the CBS list."""
    with open(os.path.join(SRC, "engine", "gemeenten.csv"), encoding="utf-8") as f:
        return [line.split(",")[0] for line in f.read().splitlines()[1:] if line]


CODES = cbs_codes()


def random_store(seed):
    """Few requests and evaluations per regio, type and subject: many cells
    of 1 .. 4, some empty, some at 0% or 100%."""
    rng = random.Random(seed)
    w = Workdir()
    w.init()
    orgs = [["id", "naam", "type", "regio"]]
    gem, sob = [], []
    for i in range(rng.randint(6, 14)):
        reg = rng.choice(REGIOS[:rng.randint(2, 6)])
        orgs.append([CODES[i], f"Gemeente {i}", "gemeente", reg])
        gem.append(CODES[i])
    for i in range(rng.randint(1, 4)):
        orgs.append([f"SOB{i:03d}", f"Werkbedrijf {i}", "sob", rng.choice(REGIOS)])
        sob.append(f"SOB{i:03d}")
    orgs.append(["VNG", "Vereniging van Nederlandse Gemeenten", "opdrachtgever", ""])
    orgs.append(["MINSZW", "Ministerie van SZW", "opdrachtgever", ""])
    clients = gem + sob + (["VNG"] if rng.random() < 0.3 else [])
    hv = [["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp"]]
    import datetime
    for i in range(rng.randint(8, 60)):
        got = day(rng, "2024-07-01", "2026-03-31")
        r = rng.random()
        if r < 0.15:
            contact = ""
        else:
            late = rng.random() < 0.2
            d = got + datetime.timedelta(days=rng.randint(8, 20) if late
                                         else rng.randint(0, 6))
            contact = d.isoformat()
        hv.append([f"HV{i}", rng.choice(clients), got.isoformat(), contact,
                   rng.choice(SUBJECTS)])
    ev = [["id", "organisatie", "datum", "soort", "score", "specialist"]]
    for i in range(rng.randint(6, 45)):
        score = rng.choice(["5", "6", "6,5", "7", "7,5", "8", "9", "9,5", "10"])
        ev.append([f"EV{i}", rng.choice(gem + sob),
                   day(rng, "2024-07-01", "2026-03-31").isoformat(), "ondersteuning",
                   score, ""])
    paths = [w.file("organisaties.csv", csv_text(orgs)),
             w.file("hulpvragen.csv", csv_text(hv)),
             w.file("evaluaties.csv", csv_text(ev))]
    r = w.run("import", *paths)
    assert r.code == 0, r
    return w


checked = exempt = 0

# The demo: the periods the issue names, a year, and ranges.
w = Workdir()
demo = os.path.join(w.path, "demo")
assert w.run("demo", demo, db=False).code == 0
w.db = os.path.join(demo, "pijlermonitor.db")
for period in ("2025-Q3", "2025-Q4", "2026-Q1", "2025", "2025-10-15..2026-02-15",
               "2024-07-01..2025-12-31", "2025-11", "2024"):
    c, e = play("demo", w, period,
                with_filters=period in ("2025-Q4", "2026-Q1", "2025",
                                        "2025-10-15..2026-02-15"))
    checked, exempt = checked + c, exempt + e

# A follow-up target period (issue 13 point 2): the cumulatief starts on
# 01-01-2026, so a periode from before it through the peildatum holds it,
# and one that ends before it does not touch it.
VERVOLG = json.dumps({"vervolg": [{"tot": "2026-12-31", "doelen": {}}]})
w.file("vervolg.json", VERVOLG)
for period, extra in (("2026-Q1", ()), ("2026-03", ()), ("2025-10-01..2026-03-31", ()),
                      ("2025-10-15..2026-03-31", ()), ("2025", ("--peildatum", "2026-03-31"))):
    c, e = play("demo_vervolg", w, period, ("--config", "vervolg.json") + extra)
    checked, exempt = checked + c, exempt + e

# Generated stores: 24 seeds, three periods each, and one in a follow-up
# target period.
for seed in range(24):
    ws = random_store(seed)
    for period in ("2025-Q4", "2025", "2026-Q1"):
        # The filtered reports on a few seeds (each adds eight runs).
        c, e = play(f"seed{seed}", ws, period, with_filters=seed < 2)
        checked, exempt = checked + c, exempt + e
    ws.file("vervolg.json", VERVOLG)
    c, e = play(f"seed{seed}_vervolg", ws, "2025-10-01..2026-03-31",
                ("--config", "vervolg.json"))
    checked, exempt = checked + c, exempt + e

check(checked >= 200, "the_attacker_examined_many_suppressed_cells",
      f"{checked} cells")
check(filtered_runs >= 8 * (4 + 2 * 3), "the_attacker_read_every_regional_and_type_report",
      f"{filtered_runs} runs")
print(f"# {checked} suppressed cells examined; {exempt} fixed by the published "
      "totals alone (no suppression can hide those); periode and cumulatief solved "
      f"jointly {stats['joint']} times, too large for that {stats['joint_skipped']}")
done()
