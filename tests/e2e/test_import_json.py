"""JSON import (SPEC §2): an array of objects with the CSV field names. Kind
from the keys, numbers and strings for decimals, kanalen as a list or as
'a|b', null as absent; errors name the record number instead of a line."""
import json

from pmtest import Workdir, check, done, base, csv_text


def data_counts(w):
    c = w.counts()
    c.pop("imports")
    return c


def ev(rid, **kw):
    rec = {"id": rid, "organisatie": "GM0363", "datum": "2025-04-15",
           "soort": "ondersteuning", "score": 8}
    rec.update(kw)
    return rec


def kp(rid, **kw):
    rec = {"id": rid, "titel": "Handreiking", "soort": "handleiding",
           "gepubliceerd": "12-11-2024"}
    rec.update(kw)
    return rec


w = Workdir()
base(w)

# ---- scores, kind detection ------------------------------------------------

w.file("ev.json", json.dumps([ev("EV-J1", score=7.5), ev("EV-J2", score="7,5"),
                              ev("EV-J3", score=10), ev("EV-J4", score="7.5"),
                              ev("EV-J5", score=1)], indent=2))
r = w.run("import", "ev.json")
got = w.query("SELECT id, score_x10 FROM evaluaties WHERE id LIKE 'EV-J%' ORDER BY id")
check(r.code == 0 and got == [("EV-J1", 75), ("EV-J2", 75), ("EV-J3", 100), ("EV-J4", 75),
                              ("EV-J5", 10)],
      "scores_as_json_numbers_and_as_strings_are_stored_in_tenths", f"{got}\n{r!r}")
check("ev.json: evaluaties, 5 rijen" in r.out, "kind_is_detected_from_the_keys", r)
got = w.query("SELECT datum, soort, organisatie FROM evaluaties WHERE id = 'EV-J1'")
check(got == [(20193, "ondersteuning", "GM0363")], "json_fields_are_stored_like_csv_fields",
      got)

w.file("ev_keys.json", json.dumps([{" ID ": "EV-K1", "Organisatie": "GM0344",
                                    "DATUM": "15-04-2025", "Soort": "Ondersteuning",
                                    "Score": 6}]))
r = w.run("import", "ev_keys.json")
got = w.query("SELECT organisatie, soort, score_x10 FROM evaluaties WHERE id = 'EV-K1'")
check(r.code == 0 and got == [("GM0344", "ondersteuning", 60)],
      "json_keys_are_case_insensitive_and_trimmed", f"{got}\n{r!r}")

# ---- kanalen -------------------------------------------------------------

w.file("kp.json", json.dumps([kp("KP-A", kanalen=["nieuwsbrief", "website"]),
                              kp("KP-B", kanalen="nieuwsbrief|website"),
                              kp("KP-C", kanalen=[" nieuwsbrief ", "", "website"]),
                              kp("KP-D", kanalen=[]),
                              kp("KP-E", kanalen=None, bereik=None, pijler=None,
                                 gepubliceerd=None)]))
r = w.run("import", "kp.json")
got = dict(w.query("SELECT id, kanalen FROM kennisproducten"))
check(r.code == 0 and got.get("KP-A") == "nieuwsbrief|website"
      and got.get("KP-B") == "nieuwsbrief|website",
      "kanalen_as_array_and_as_pipe_text_are_both_stored_nieuwsbrief_website",
      f"{got}\n{r!r}")
check(got.get("KP-C") == "nieuwsbrief|website" and "KP-D" in got and got["KP-D"] is None,
      "kanalen_array_parts_are_trimmed_and_empty_ones_dropped", got)
got = w.query("SELECT kanalen, bereik, pijler, gepubliceerd FROM kennisproducten "
              "WHERE id = 'KP-E'")
check(got == [(None, None, "2", None)], "null_is_absent_and_defaults_apply", got)

before = w.counts()
w.file("ev_null.json", json.dumps([ev("EV-N1", score=None)]))
r = w.run("import", "ev_null.json")
check(r.code == 2 and "ev_null.json:1: veld 'score':" in r.err and "ontbreekt" in r.err
      and w.counts() == before, "null_for_a_required_field_is_missing", r)

# ---- warnings and errors ---------------------------------------------------

w.file("ev_extra.json", json.dumps([ev("EV-U1", opmerking="prima"),
                                    ev("EV-U2", opmerking="ook")]))
r = w.run("import", "ev_extra.json")
warn = [ln for ln in r.err.splitlines() if ln.startswith("waarschuwing:")]
check(r.code == 0 and len(warn) == 1 and "opmerking" in warn[0]
      and w.query("SELECT count(*) FROM evaluaties WHERE id LIKE 'EV-U%'") == [(2,)],
      "unknown_key_gives_one_warning_and_the_import_succeeds", r)

before = w.counts()
w.file("ev_bad.json", json.dumps([ev("EV-B1"), ev("EV-B2"), ev("EV-B3", score=10.1),
                                  ev("EV-B4")], indent=2))
r = w.run("import", "ev_bad.json")
check(r.code == 2 and "ev_bad.json:3: veld 'score':" in r.err and w.counts() == before,
      "bad_score_is_rejected_naming_the_1_based_record_number", r)
errs = [ln for ln in r.err.splitlines() if ln.startswith("ev_bad.json:")]
check(len(errs) == 1 and "Import afgebroken: 1 fout " in r.err,
      "bad_score_in_json_is_reported_once_not_also_as_missing", r)

before = w.counts()
w.file("ev_latin1.json", json.dumps([ev("EV-L1"), ev("EV-L2", hulpvraag="HV-X")])
       .replace("HV-X", "HV-Caf\\u00e9").encode().replace(b"HV-Caf\\u00e9", b"HV-Caf\xe9"))
r = w.run("import", "ev_latin1.json")
check(r.code == 2 and "ev_latin1.json:2: veld 'hulpvraag':" in r.err and "UTF-8" in r.err
      and w.counts() == before, "invalid_utf8_in_json_is_rejected_naming_record_and_field", r)

before = w.counts()
w.file("ev_types.json", json.dumps([ev("EV-T1"), ev("EV-T2", score=True),
                                    ev("EV-T3", datum={"dag": 1})]))
r = w.run("import", "ev_types.json")
check(r.code == 2 and "ev_types.json:2: veld 'score':" in r.err
      and "ev_types.json:3: veld 'datum':" in r.err and w.counts() == before,
      "boolean_and_object_values_are_rejected_naming_record_and_field", r)

before = w.counts()
w.file("ev_nonobj.json", json.dumps([ev("EV-O1"), 42, ev("EV-O3")]))
r = w.run("import", "ev_nonobj.json")
check(r.code == 2 and "ev_nonobj.json:2:" in r.err and "object" in r.err
      and w.counts() == before, "non_object_element_is_an_error_naming_the_record", r)
w.file("ev_nonobj1.json", json.dumps(["tekst", ev("EV-O4")]))
r = w.run("import", "ev_nonobj1.json")
check(r.code == 2 and "ev_nonobj1.json:1:" in r.err and w.counts() == before,
      "non_object_first_element_is_an_error_naming_record_1", r)

before = w.counts()
broken = ('[\n  {"id": "EV-S1", "organisatie": "GM0363", "datum": "2025-04-15", '
          '"soort": "ondersteuning", "score": 8},\n'
          '  {"id": "EV-S2", "organisatie": "GM0363", "datum": "2025-04-15", '
          '"soort": "ondersteuning", "score": }\n]\n')
w.file("broken.json", broken)
r = w.run("import", "broken.json")
check(r.code == 2 and "broken.json" in r.err and "record 2" in r.err
      and w.counts() == before, "broken_json_syntax_exits_2_naming_the_record", r)

w.file("unclosed.json", "[" + json.dumps(ev("EV-S3")))
r = w.run("import", "unclosed.json")
check(r.code == 2 and "unclosed.json" in r.err and "]" in r.err and w.counts() == before,
      "unclosed_json_array_exits_2", r)
w.file("trailing.json", json.dumps([ev("EV-S4")])[:-1] + ",]")
r = w.run("import", "trailing.json")
check(r.code == 2 and "komma" in r.err and w.counts() == before,
      "trailing_comma_exits_2_and_says_so", r)

w.file("object.json", json.dumps(ev("EV-OBJ")))
r = w.run("import", "object.json")
check(r.code == 2 and "object.json" in r.err and w.counts() == before,
      "top_level_object_instead_of_array_exits_2", r)
check("JSON-array" in r.err, "top_level_object_error_says_an_array_is_expected", r)

w.file("empty_array.json", "[]")
r = w.run("import", "empty_array.json")
check(r.code == 0 and data_counts(w) == {k: v for k, v in before.items() if k != "imports"},
      "empty_json_array_imports_nothing_and_succeeds", r)

w.file("utf16.json", json.dumps([ev("EV-16")]).encode("utf-16"))
r = w.run("import", "utf16.json")
check(r.code == 2 and "UTF-16" in r.err, "utf16_json_is_rejected_with_a_clear_message", r)

w.file("bom.json", "\ufeff" + json.dumps([ev("EV-BOM")]))
r = w.run("import", "bom.json")
check(r.code == 0 and w.query("SELECT count(*) FROM evaluaties WHERE id = 'EV-BOM'")
      == [(1,)], "json_with_a_utf8_bom_is_accepted", r)

w.file("undetect.json", json.dumps([{"id": "X", "kleur": "rood"}]))
r = w.run("import", "undetect.json")
check(r.code == 2 and "--kind" in r.err, "json_of_unknown_kind_suggests_kind", r)
w.file("forced.json", json.dumps([{"id": "MP-J1", "resultaat": "R5",
                                   "omschrijving": "Website live", "gepland": "2025-06-30"}]))
r = w.run("import", "--kind", "mijlpalen", "forced.json")
check(r.code == 0 and w.query("SELECT resultaat FROM mijlpalen WHERE id = 'MP-J1'")
      == [("R5",)], "kind_option_applies_to_json", r)

# ---- JSON and CSV in one call, referring to each other ---------------------

wm = Workdir()
base(wm)
wm.file("mix_ev.json", json.dumps([ev("EV-M1", organisatie="GM0014", soort="specialist",
                                      specialist="SP10", hulpvraag="HV-M1")]))
wm.file("mix_org.csv", csv_text([["id", "naam", "type", "regio"],
                                 ["GM0014", "Groningen", "gemeente", "Noord"]]))
wm.file("mix_sp.json", json.dumps([{"id": "SP10", "naam": "Cor Bakker", "rol": "expert",
                                    "expertise": "juridisch", "uurtarief": 99.5,
                                    "start": "2024-09-01"}]))
r = wm.run("import", "mix_ev.json", "mix_org.csv", "mix_sp.json")
got = wm.query("SELECT e.id, o.naam, s.uurtarief_cent FROM evaluaties e "
               "JOIN organisaties o ON o.id = e.organisatie "
               "JOIN specialisten s ON s.id = e.specialist")
check(r.code == 0 and got == [("EV-M1", "Groningen", 9950)],
      "csv_and_json_in_one_call_may_refer_to_each_other", f"{got}\n{r!r}")
before = wm.counts()
wm.file("mix_bad.json", json.dumps([ev("EV-M2", organisatie="GM0999")]))
r = wm.run("import", "mix_org.csv", "mix_bad.json")
check(r.code == 2 and "mix_bad.json:1: veld 'organisatie':" in r.err
      and "bestaat niet" in r.err and wm.counts() == before,
      "reference_error_in_json_names_the_record", r)
done()
