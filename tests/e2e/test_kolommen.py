"""The indicators' rows in memory (indicators/columns.c, issue 14 point 5):
R1, R2 and B read hulpvragen, the ondersteuning evaluaties and inzet once per
command as integer rows sorted by day; PIJLERMONITOR_GEEN_KOLOMMEN=1 makes
them scan the store as before. Both ways must give the same JSON byte for
byte: on the demo (every audience, quarters, a year, a custom range, a
peildatum inside a quarter, a follow-up target period) and on seeded random
stores of bench/gen.py. And the cheaper eerder runs (each reads only its own
quarter) still give each trend point's figures as a run of that quarter on
its own last day gives them."""
import glob
import json
import os
import tempfile

import robust
from pmtest import Workdir, check, done, SRC

FX = os.path.join(SRC, "fixtures", "demo")
SCAN = {"PIJLERMONITOR_GEEN_KOLOMMEN": "1"}


def both_ways(w, label, *args):
    """Runs indicators --format json with and without the columns; checks
    they agree byte for byte and returns the parsed JSON."""
    a = w.run("indicators", "--format", "json", *args)
    b = w.run("indicators", "--format", "json", *args, env=SCAN)
    ok = a.code == 0 and b.code == 0
    check(ok and a.out == b.out,
          f"{label}_json_is_byte_identical_from_memory_and_from_the_store",
          a if not ok else first_difference(a.out, b.out))
    return json.loads(a.out) if a.code == 0 else {}


def first_difference(x, y):
    for i, (p, q) in enumerate(zip(x, y)):
        if p != q:
            return f"at {i}: {x[max(0, i - 80):i + 80]!r}\nvs   {y[max(0, i - 80):i + 80]!r}"
    return f"lengths {len(x)} and {len(y)}"


# ---- the demo -----------------------------------------------------------------
w = Workdir()
w.init()
files = sorted(glob.glob(os.path.join(FX, "*.csv")) + glob.glob(os.path.join(FX, "*.json")))
r = w.run("import", *files)
check(r.code == 0, "demo_fixtures_import", r)
w.file("vervolg.json", json.dumps(
    {"vervolg": [{"tot": "2026-12-31", "doelen": {"R6": 4, "R1": 0.95}}]}))

cases = [
    ("demo_2025_q4_intern", "--period", "2025-Q4", "--audience", "intern"),
    ("demo_2025_q4_extern", "--period", "2025-Q4", "--audience", "extern"),
    ("demo_2026_q1", "--period", "2026-Q1"),
    ("demo_2025", "--period", "2025"),
    ("demo_custom_range", "--period", "2024-11-15..2025-08-20"),
    ("demo_peildatum_inside_the_quarter", "--period", "2025-Q3", "--peildatum",
     "2025-08-14"),
    ("demo_before_the_programme", "--period", "2024-Q1"),
    ("demo_follow_up_target_period", "--period", "2026-Q1", "--config", "vervolg.json"),
]
demo = {}
for label, *args in cases:
    demo[label] = both_ways(w, label, *args)


# ---- eerder: each trend point as a run of its own quarter on its last day -------
def by_id(js):
    return {i["id"]: i for i in js.get("indicatoren", [])}


KEYS = {"R1": ("teller", "noemer"), "R2": ("teller", "noemer"), "R3": ("teller", "noemer",
        "actief"), "R6": ("aantal", "status", "reden"), "B": ("realisatie", "begroting")}
main = by_id(demo["demo_2026_q1"])
points = main.get("R1", {}).get("trend", [])
check(len(points) >= 4, "demo_2026_q1_has_a_trend_of_several_quarters", len(points))
for t in points[:-1]:
    q = t["kwartaal"]
    own = by_id(json.loads(w.run("indicators", "--format", "json", "--period", q,
                                 "--peildatum", t["tot"]).out or "{}"))
    for ind, keys in KEYS.items():
        e = next(p for p in main[ind]["trend"] if p["kwartaal"] == q)["eerder"]
        got = {k: e.get(k) for k in keys}
        want = {k: own.get(ind, {}).get("periode", {}).get(k) for k in keys}
        check(got == want, f"eerder_{ind}_{q}_is_the_quarter_as_known_on_its_last_day",
              (got, want))


# ---- seeded random stores -------------------------------------------------------
for seed in (1, 2, 3):
    g = Workdir()
    g.init()
    src = tempfile.mkdtemp(dir=g.path)
    r = g.run("import", *robust.generate(2500, seed, src))
    check(r.code == 0, f"generated_seed_{seed}_imports", r)
    for period in ("2025-Q4", "2026-Q1", "2025", "2024-08-01..2025-02-14"):
        both_ways(g, f"generated_seed_{seed}_{period}", "--period", period)
    both_ways(g, f"generated_seed_{seed}_extern", "--period", "2025-Q2", "--audience",
              "extern")

done()
