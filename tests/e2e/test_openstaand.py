"""The open requests of the management section (SPEC §10, issue 15 point 3):
`indicators --format json --audience intern` gives `openstaand`, the requests
received on or before the peildatum and not afgerond by then (also those
received before the period), oldest first. Computed here independently from
the fixture files in fixtures/demo/ (never from the database) with the SPEC §4
calendar of oracle_calendar.py, at three peildata, compared on exact ids,
order and every field. Extern has no `openstaand`; a withdrawn request leaves
the list."""
import csv
import glob
import io
import json
import os
from datetime import date

from oracle_calendar import deadline, working_days_to
from pmtest import Workdir, check, done, SRC

FX = os.path.join(SRC, "fixtures", "demo")


def parse_date(s):
    if not s:
        return None
    s = s.split("T")[0].split(" ")[0]
    a, b, c = s.split("-")
    if len(a) == 4:
        return date(int(a), int(b), int(c))
    return date(int(c), int(b), int(a))


def read_csv(name):
    with open(os.path.join(FX, name), encoding="utf-8-sig", newline="") as f:
        text = f.read()
    header = text.splitlines()[0]
    sep = ";" if header.count(";") > header.count(",") else ","
    out = []
    for rec in csv.DictReader(io.StringIO(text), delimiter=sep):
        out.append({k.strip().lower(): (v.strip() if v and v.strip() else None)
                    for k, v in rec.items()})
    return out


HV = read_csv("hulpvragen.csv")
ORG = {r["id"]: r["naam"] for r in read_csv("organisaties.csv")}
SPEC = {r["id"]: r["naam"] for r in read_csv("specialisten.csv")}


def oracle(peil, withdrawn=()):
    """SPEC §10: "every request received on or before the peildatum and not
    afgerond by then (also those received before the period), oldest first";
    dates after the peildatum count as not there (§3)."""
    rows = []
    for h in HV:
        if h["id"] in withdrawn:
            continue
        ontv = parse_date(h["ontvangen"])
        af = parse_date(h.get("afgerond_op"))
        if ontv > peil or (af is not None and af <= peil):
            continue
        contact = parse_date(h.get("eerste_contact"))
        if contact is not None and contact > peil:
            contact = None
        term = deadline(ontv)
        rows.append({
            "id": h["id"],
            "ontvangen": ontv.isoformat(),
            "werkdagen_open": working_days_to(ontv, peil),
            "eerste_contact": contact.isoformat() if contact else None,
            "termijn": term.isoformat(),
            "termijn_verstreken": contact is None and peil > term,
            "specialist": SPEC.get(h.get("specialist")),
            "specialist_id": h.get("specialist"),
            "onderwerp": h.get("onderwerp"),
            "organisatie": ORG[h["organisatie"]],
            "organisatie_id": h["organisatie"],
        })
    rows.sort(key=lambda r: (r["ontvangen"], r["id"]))
    return {
        "totaal": len(rows),
        "zonder_contact_na_termijn": sum(r["termijn_verstreken"] for r in rows),
        "langer_dan_20_werkdagen": sum(r["werkdagen_open"] > 20 for r in rows),
        "hulpvragen": rows,
    }


w = Workdir()
w.init()
files = sorted(glob.glob(os.path.join(FX, "*.csv")) + glob.glob(os.path.join(FX, "*.json")))
r = w.run("import", *files)
check(r.code == 0, "demo_fixtures_import", r)


def openstaand(period, peil=None, audience="intern"):
    args = ["indicators", "--format", "json", "--audience", audience, "--period", period]
    if peil:
        args += ["--peildatum", peil]
    r = w.run(*args)
    assert r.code == 0, r
    return json.loads(r.out)


# Three peildata: a quarter end in the busy 2025-Q2, a mid-quarter day with
# requests still inside their term, and the demo's last quarter end.
for period, peil in [("2025-Q2", None), ("2025-Q4", "2025-11-19"), ("2026-Q1", None)]:
    doc = openstaand(period, peil)
    pd = parse_date(peil) if peil else parse_date(doc["peildatum"])
    want = oracle(pd)
    got = doc.get("openstaand")
    tag = pd.isoformat()
    check(got is not None, f"intern_json_has_openstaand_{tag}")
    if got is None:
        continue
    check([x["id"] for x in got["hulpvragen"]] == [x["id"] for x in want["hulpvragen"]],
          f"open_ids_and_order_equal_the_oracle_{tag}",
          f"got {[x['id'] for x in got['hulpvragen']][:20]}\n"
          f"want {[x['id'] for x in want['hulpvragen']][:20]}")
    diffs = [(g["id"], k, g.get(k), v) for g, o in zip(got["hulpvragen"], want["hulpvragen"])
             for k, v in o.items() if g.get(k) != v]
    check(diffs == [], f"every_field_of_every_open_request_equals_the_oracle_{tag}",
          diffs[:10])
    for k in ("totaal", "zonder_contact_na_termijn", "langer_dan_20_werkdagen"):
        check(got[k] == want[k], f"openstaand_{k}_equals_the_oracle_{tag}",
              f"{got[k]} != {want[k]}")
    # Requests received before the period are in the list too (SPEC §10).
    start = parse_date(doc["periode"]["van"]) if "van" in doc["periode"] else None
    if start:
        check(any(parse_date(x["ontvangen"]) < start for x in got["hulpvragen"]),
              f"open_list_holds_requests_received_before_the_period_{tag}")

# The list is not empty and holds both kinds of row the page words apart.
doc = openstaand("2025-Q4", "2025-11-19")["openstaand"]
check(doc["totaal"] > 0 and doc["zonder_contact_na_termijn"] > 0,
      "mid_quarter_list_has_requests_past_their_term", doc["totaal"])
check(any(not x["termijn_verstreken"] and x["eerste_contact"] is None
          for x in doc["hulpvragen"]),
      "mid_quarter_list_has_requests_still_within_their_term")

# Extern never gets the key, nor any name of the list.
ext = openstaand("2026-Q1", audience="extern")
check("openstaand" not in ext, "extern_json_has_no_openstaand", list(ext))
names = [n for n in SPEC.values() if n in json.dumps(ext, ensure_ascii=False)]
check(names == [], "extern_json_names_no_specialist", names)

# A withdrawn request leaves the list (SPEC §8).
first = openstaand("2026-Q1")["openstaand"]["hulpvragen"][0]["id"]
r = w.run("intrekken", "hulpvragen", first, "--reden", "test: dubbel ingevoerd")
check(r.code == 0, "withdraw_an_open_request", r)
doc = openstaand("2026-Q1")
got = [x["id"] for x in doc["openstaand"]["hulpvragen"]]
want = [x["id"] for x in oracle(parse_date(doc["peildatum"]), {first})["hulpvragen"]]
check(first not in got and got == want, "withdrawn_request_leaves_the_open_list",
      f"{first} in {got[:5]}")

done()
