"""`pijlermonitor indicators` (SPEC §7, §8): the JSON shape for every
indicator, the table and CSV formats, period and peildatum errors, the
default period, audiences, and reproducible output, on the demo data."""
import json
import os

from pmtest import Workdir, check, done

w = Workdir()
out = os.path.join(w.path, "demo")
r = w.run("demo", out, db=False)
assert r.code == 0, r
w.db = os.path.join(out, "pijlermonitor.db")

r = w.run("indicators", "--period", "2025-Q4", "--format", "json")
check(r.code == 0, "indicators_json_exits_0", r)
doc = json.loads(r.out)
check(set(doc) >= {"periode", "peildatum", "indicatoren"}, "json_top_level_keys", list(doc))
check(doc["periode"]["label"] == "2025-Q4" and doc["peildatum"] == "2025-12-31",
      "peildatum_defaults_to_period_end", doc["periode"])
ids = [i["id"] for i in doc["indicatoren"]]
check(ids == ["R1", "R2", "R3", "R4", "R5", "R6", "B"], "all_seven_indicators_in_order", ids)
STATUSES = {"groen", "oranje", "rood", "grijs"}
OWN = {"R3": {"actief", "niet_beoordeeld"}, "R4": {"opdrachtgever_gemiddelde"},
       "R6": {"aantal"}, "B": {"begroting", "realisatie", "prognose", "jaarbegroting"}}
for ind in doc["indicatoren"]:
    i = ind["id"]
    check({"id", "doel", "status", "periode", "cumulatief"} <= set(ind) and
          ind["status"] in STATUSES, f"{i}_has_id_doel_status_periode_cumulatief", ind.keys())
    for rng in ("periode", "cumulatief"):
        f = ind[rng]
        need = {"teller", "noemer", "waarde", "interval", "status"} | OWN.get(i, set())
        check(need <= set(f) and f["status"] in STATUSES, f"{i}_{rng}_has_the_spec_keys",
              sorted(need - set(f)))
        ok = f["waarde"] is None or (f["noemer"] and abs(f["waarde"] - f["teller"] / f["noemer"])
                                     < 1e-9)
        check(ok, f"{i}_{rng}_waarde_is_teller_over_noemer", f)
        iv = f["interval"]
        check(iv is None or (len(iv) == 2 and 0 <= iv[0] <= f["waarde"] <= iv[1] <= 1),
              f"{i}_{rng}_interval_brackets_waarde", iv)
    check(ind["status"] == ind["cumulatief"]["status"], f"{i}_overall_status_is_cumulative")
r6 = next(i for i in doc["indicatoren"] if i["id"] == "R6")
check(r6["periode"]["noemer"] is None and r6["periode"]["waarde"] is None and
      r6["periode"]["teller"] == r6["periode"]["aantal"], "r6_is_a_count_without_noemer",
      r6["periode"])

# Reproducible: the same call twice gives the same bytes.
r2 = w.run("indicators", "--period", "2025-Q4", "--format", "json")
check(r2.out == r.out, "json_output_is_reproducible")

# Extern (the default) shows no personal breakdowns; intern does.
intern = json.loads(w.run("indicators", "--period", "2025-Q4", "--format", "json",
                          "--audience", "intern").out)
check(doc["publiek"] == "extern" and intern["publiek"] == "intern", "audience_is_recorded")
ext_keys = {k for i in doc["indicatoren"] for k in i["uitsplitsingen"]}
int_keys = {k for i in intern["indicatoren"] for k in i["uitsplitsingen"]}
check("organisatie" not in ext_keys and "specialist" not in ext_keys,
      "extern_json_has_no_personal_breakdowns", ext_keys)
check(int_keys >= ext_keys, "intern_json_has_at_least_the_extern_breakdowns", int_keys)
# An empty category shows 0 (it discloses nobody); R1's "meer_dan_5" and
# "lopend" equal published totals (noemer - teller, all - noemer), so show.
small = [c for i in doc["indicatoren"] for b in i["uitsplitsingen"].values()
         for c in b["periode"] + b["cumulatief"] if 0 < c.get("n", 99) < 5 and "teller" in c
         and i["id"] in ("R1", "R2", "R3")
         and c["sleutel"] not in ("meer_dan_5", "lopend")]
check(not small, "extern_json_shows_no_people_cell_below_min_cell", small[:3])

# Table and CSV.
r = w.run("indicators", "--period", "2025-Q4")
check(r.code == 0 and "Reactie binnen 5 werkdagen" in r.out and "peildatum 31-12-2025" in r.out,
      "table_is_dutch_with_dutch_dates", r)
r = w.run("indicators", "--period", "2025-Q4", "--format", "csv")
lines = r.out.splitlines()
check(r.code == 0 and lines[0].startswith("indicator;bereik;van;tot;teller;noemer;waarde"),
      "csv_has_a_semicolon_header", lines[:1])
check(any(l.startswith("R1;periode;01-10-2025;31-12-2025;") for l in lines),
      "csv_has_dutch_dates_and_periode_rows", lines[:3])

# Errors are usage errors that say what is accepted.
r = w.run("indicators", "--period", "2025-Q5")
check(r.code == 1 and "2025-Q3" in r.err and "2025-07" in r.err, "bad_period_lists_the_forms", r)
r = w.run("indicators", "--period", "")
check(r.code == 1, "empty_period_is_a_usage_error", r)
r = w.run("indicators", "--peildatum", "morgen")
check(r.code == 1 and "peildatum" in r.err, "bad_peildatum_is_a_usage_error", r)
r = w.run("indicators", "--format", "xml")
check(r.code == 1 and "formaat" in r.err, "unknown_format_is_a_usage_error", r)
r = w.run("indicators", "--audience", "pers")
check(r.code == 1 and "publiek" in r.err, "unknown_audience_is_a_usage_error", r)
r = w.run("indicators", "--config", os.path.join(w.path, "geen.json"))
check(r.code == 3 and "geen.json" in r.err, "missing_config_file_exits_3", r)
bad = w.file("cfg.json", '{"doelen": {"R1": 1.5}}')
r = w.run("indicators", "--config", bad)
check(r.code == 2 and "doelen.R1" in r.err, "invalid_config_exits_2_naming_the_key", r)
cfg = w.file("cfg2.json", '{"doelen": {"R1": 0.5}}')
r = json.loads(w.run("indicators", "--period", "2025-Q4", "--format", "json",
                     "--config", cfg).out)
check(r["indicatoren"][0]["doel"] == 0.5, "config_changes_a_target")

# Without --period: the last complete quarter before SOURCE_DATE_EPOCH.
r = w.run("indicators", "--format", "json", env={"SOURCE_DATE_EPOCH": "1743465600"})
d = json.loads(r.out)  # 2025-04-01 → 2025-Q1
check(d["periode"]["label"] == "2025-Q1", "default_period_is_last_complete_quarter", d["periode"])
done()
