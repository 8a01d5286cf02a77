"""SPEC §2 "Text that survives every output" through the real import: ids are
trimmed and free of invisible characters, no text holds what XML 1.0 forbids,
JSON ids are strings and JSON numbers are read from their literal text, a
repeated key or column is an error, an unterminated quote names its line, and
a header of 100,000 columns is handled. Every refusal is checked for its exit
code, its FILE:LINE: veld 'x' prefix, and an unchanged database."""
import json
import re
import subprocess
import zipfile
import xml.etree.ElementTree as ET

from pmtest import BIN, Workdir, check, done, base, csv_text, computed_sums, stored_sums

ORG_H = ["id", "naam", "type", "regio"]
HV_H = ["id", "organisatie", "ontvangen", "eerste_contact", "onderwerp", "specialist",
        "status", "afgerond_op"]
IZ_H = ["id", "specialist", "datum", "uren", "hulpvraag", "omschrijving"]
EV_H = ["id", "organisatie", "datum", "soort", "score", "specialist", "hulpvraag"]


def state(w):
    """Everything an import may change: row counts, imports, fingerprint sums."""
    return (w.counts(), w.count("import_bestanden"), stored_sums(w))


def refused(w, r, before, prefix, *words):
    """Exit 2, a message starting with prefix (FILE:LINE: veld 'x':) that holds
    every word, and nothing written."""
    lines = [ln for ln in r.err.split("\n") if ln.startswith(prefix)]
    return (r.code == 2 and lines and all(any(wd in ln for ln in lines) for wd in words)
            and "niets opgeslagen" in r.err and state(w) == before)


def raw_csv(w, name, header, rows):
    """A CSV file written byte for byte: fields joined with ';', no quoting
    added (a field that needs quotes carries them)."""
    text = ";".join(header) + "\r\n" + "".join(";".join(r) + "\r\n" for r in rows)
    return w.file(name, text)


w = Workdir()
base(w)

# ---- point 13: characters XML 1.0 forbids ------------------------------

cases = [
    ("ffff.csv", ORG_H, ["SOB010", "Werk\uffffbedrijf", "sob", "Oost"], "naam", "U+FFFF"),
    ("fffe.csv", ORG_H, ["SOB011", "Werk\ufffebedrijf", "sob", "Oost"], "naam", "U+FFFE"),
    ("c0.csv", ORG_H, ["SOB012", "Werk\x01bedrijf", "sob", "Oost"], "naam", "U+0001"),
    ("vt.csv", IZ_H, ["IZ-1", "SP01", "2025-03-04", "2", "", "met\x0bverticale tab"],
     "omschrijving", "U+000B"),
    ("esc.csv", IZ_H, ["IZ-2", "SP01", "2025-03-04", "2", "", "kleur \x1b[31mrood"],
     "omschrijving", "U+001B"),
]
for name, header, row, field, code in cases:
    before = state(w)
    good = (["IZ-0", "SP01", "2025-03-04", "2", "", "goed"] if header is IZ_H
            else ["SOB020", "goed", "sob", "Oost"])
    w.file(name, csv_text([header, good, row]))
    r = w.run("import", name)
    check(refused(w, r, before, f"{name}:3: veld '{field}':", code, "Excel, PDF of HTML"),
          f"xml_forbidden_{code.replace('+', '').lower()}_in_{field}_is_refused_with_line_and_field",
          r)

before = state(w)
w.file("ffff.json", json.dumps([
    {"id": "SOB013", "naam": "goed", "type": "sob", "regio": "Oost"},
    {"id": "SOB014", "naam": "fout\uffff", "type": "sob", "regio": "Oost"},
    {"id": "SOB015", "naam": "fout\u0002", "type": "sob", "regio": "Oost"}]))
r = w.run("import", "ffff.json")
check(refused(w, r, before, "ffff.json:2: veld 'naam':", "U+FFFF")
      and "ffff.json:3: veld 'naam':" in r.err,
      "xml_forbidden_characters_from_json_escapes_are_refused_with_record_and_field", r)

before = state(w)
w.file("nulesc.json", '[{"id": "SOB\\u0000X", "naam": "x", "type": "sob", "regio": "Oost"}]')
r = w.run("import", "nulesc.json")
check(r.code == 2 and "NUL" in r.err and "record 1" in r.err and state(w) == before,
      "json_nul_escape_that_would_cut_an_id_short_is_refused", r)

# Tab, line breaks, no-break spaces and U+FFFD are fine in free text; U+FFFD
# (text damaged by a wrong encoding) is mentioned.
w.file("vrij.csv", csv_text([IZ_H, ["IZ-3", "SP01", "2025-03-04", "2", "",
                                    "regel 1\r\nregel\t2 met\u00a0vaste spatie \ufffd"]]))
r = w.run("import", "vrij.csv")
check(r.code == 0 and w.query("SELECT omschrijving FROM inzet WHERE id = 'IZ-3'")
      == [("regel 1\r\nregel\t2 met\u00a0vaste spatie \ufffd",)]
      and "vrij.csv:2: veld 'omschrijving':" in r.err and "U+FFFD" in r.err,
      "free_text_keeps_tabs_line_breaks_and_no_break_spaces_and_warns_about_u_fffd", r)

# Invalid UTF-8, including an encoded surrogate, was refused already.
before = state(w)
w.file("surr.csv", b"id;naam;type;regio\r\nSOB016;a\xed\xa0\x80b;sob;Oost\r\n")
r = w.run("import", "surr.csv")
check(refused(w, r, before, "surr.csv:2: veld 'naam':", "UTF-8"),
      "encoded_surrogate_is_refused_as_invalid_utf8", r)

# ---- point 14: ids trimmed, invisible characters refused ----------------

raw_csv(w, "sobx.csv", ORG_H, [["SOBX", "Werkbedrijf X", "sob", "Oost"]])
raw_csv(w, "sobx_quoted.csv", ORG_H, [['"SOBX "', "Werkbedrijf X (export)", "sob", "Oost"]])
r1 = w.run("import", "sobx.csv")
r2 = w.run("import", "sobx_quoted.csv")
check(r1.code == 0 and r2.code == 0 and "1 vervangen" in r2.out
      and w.query("SELECT id, naam FROM organisaties WHERE id LIKE 'SOBX%'")
      == [("SOBX", "Werkbedrijf X (export)")],
      "quoted_id_with_trailing_space_is_the_same_organisation", f"{r1!r}\n{r2!r}")
check(computed_sums(w) == stored_sums(w), "fingerprint_follows_the_trimmed_id")

# A reference is trimmed the same way: a request re-imported from an Excel
# export counts for SOBX, once.
raw_csv(w, "hv.csv", HV_H, [["HV-1", "SOBX", "2025-03-04", "", "", "", "open", ""]])
raw_csv(w, "hv_export.csv", HV_H, [['" HV-1 "', '"SOBX "', "2025-03-04", "", "", '"SP01 "',
                                    "open", ""]])
r1 = w.run("import", "hv.csv")
r2 = w.run("import", "hv_export.csv")
check(r1.code == 0 and r2.code == 0
      and w.query("SELECT id, organisatie, specialist FROM hulpvragen")
      == [("HV-1", "SOBX", "SP01")],
      "quoted_references_with_spaces_point_to_the_trimmed_ids", f"{r1!r}\n{r2!r}")

bad_ids = [
    ("SOBX\u00a0", "vaste spatie", "U+00A0", 5),
    ("SOBX\u200b", "breedteloze spatie", "U+200B", 5),
    ("SO\u202fBX", "smalle vaste spatie", "U+202F", 3),
    ("SOB\u200cX", "breedteloze niet-verbinder", "U+200C", 4),
    ("SOB\u200dX", "breedteloze verbinder", "U+200D", 4),
    ("SOBX\u2060", "woordverbinder", "U+2060", 5),
    ("\ufeffSOBX", "BOM", "U+FEFF", 1),
    ("SOB\u0085X", "stuurteken", "U+0085", 4),
    ('"SOB\tX"', "tab", "U+0009", 4),
]
for i, (bad, name, code, pos) in enumerate(bad_ids):
    before = state(w)
    fname = f"badid{i}.csv"
    raw_csv(w, fname, ORG_H, [["SOB030", "goed", "sob", "Oost"], [bad, "fout", "sob", "Oost"]])
    r = w.run("import", fname)
    check(refused(w, r, before, f"{fname}:3: veld 'id':", name, code, f"positie {pos}"),
          f"id_with_{code.replace('+', '').lower()}_is_refused_naming_line_field_and_character",
          r)

refs = [
    ("ref_org.csv", HV_H, ["HV-2", "SOBX\u00a0", "2025-03-04", "", "", "", "open", ""],
     "organisatie"),
    ("ref_spec.csv", HV_H, ["HV-3", "SOBX", "2025-03-04", "", "", "SP01\u200b", "open", ""],
     "specialist"),
    ("ref_hv.csv", IZ_H, ["IZ-4", "SP01", "2025-03-04", "2", "HV-1\u2060", ""], "hulpvraag"),
    ("ref_iz_spec.csv", IZ_H, ["IZ-5", "\ufeffSP01", "2025-03-04", "2", "", ""], "specialist"),
]
for fname, header, row, field in refs:
    before = state(w)
    raw_csv(w, fname, header, [row])
    r = w.run("import", fname)
    check(refused(w, r, before, f"{fname}:2: veld '{field}':", "typ het id opnieuw"),
          f"reference_{fname[4:-4]}_with_an_invisible_character_is_refused", r)

before = state(w)
w.file("badid.json", json.dumps([{"id": "SOBY\u00a0", "naam": "x", "type": "sob",
                                  "regio": "Oost"}]))
r = w.run("import", "badid.json")
check(refused(w, r, before, "badid.json:1: veld 'id':", "vaste spatie"),
      "json_id_with_no_break_space_is_refused", r)

# ---- point 15: JSON ids are strings, numbers are their literal text -----

before = state(w)
w.file("numid.json",
       '[{"id": "ORG-A", "naam": "a", "type": "sob", "regio": "Oost"},\n'
       ' {"id": 12345678901234567890, "naam": "b", "type": "sob", "regio": "Oost"},\n'
       ' {"id": 12345678901234567891, "naam": "c", "type": "sob", "regio": "Oost"}]')
r = w.run("import", "numid.json")
check(refused(w, r, before, "numid.json:2: veld 'id':", "geen getal", "12345678901234567890")
      and "numid.json:3: veld 'id':" in r.err and "ontbreekt" not in r.err,
      "json_number_as_id_is_refused_naming_record_and_field", r)

before = state(w)
w.file("numref.json",
       '[{"id": "EV-1", "organisatie": 363, "datum": "2025-04-15",'
       ' "soort": "ondersteuning", "score": 8}]')
r = w.run("import", "numref.json")
check(refused(w, r, before, "numref.json:1: veld 'organisatie':", "geen getal"),
      "json_number_as_reference_is_refused", r)


def evaluation(i, score):
    return (f'{{"id": "EV-{i}", "organisatie": "GM0363", "datum": "2025-04-15", '
            f'"soort": "ondersteuning", "score": {score}}}')


before = state(w)
w.file("score.json", "[" + evaluation(2, "6.9999999999999999") + "]")
r = w.run("import", "score.json")
check(refused(w, r, before, "score.json:1: veld 'score':", "6.9999999999999999",
              "meer dan 1 decimaal"),
      "json_score_6_9999999999999999_is_refused_not_rounded_to_7", r)

before = state(w)
w.file("expo.json", "[" + evaluation(3, "7e0") + "]")
r = w.run("import", "expo.json")
check(refused(w, r, before, "expo.json:1: veld 'score':", "exponentnotatie"),
      "json_number_in_exponent_notation_is_refused", r)

w.file("scores.json", "[" + evaluation(4, "7") + ", " + evaluation(5, "6.50") + "]")
r = w.run("import", "scores.json")
check(r.code == 0 and w.query("SELECT id, score_x10 FROM evaluaties WHERE id IN "
                              "('EV-4', 'EV-5') ORDER BY id") == [("EV-4", 70), ("EV-5", 65)],
      "json_scores_are_read_exactly_from_their_literal", r)

before = state(w)
w.file("bigamount.json",
       '[{"id": "BG-1", "jaar": 2025, "post": "website", "bedrag": 12345678901234567890},'
       ' {"id": "BG-2", "jaar": 2025, "post": "website", "bedrag": 12345678901234567891}]')
r = w.run("import", "bigamount.json")
check(refused(w, r, before, "bigamount.json:1: veld 'bedrag':", "12345678901234567890",
              "onwaarschijnlijk groot")
      and "bigamount.json:2: veld 'bedrag':" in r.err,
      "json_amounts_beyond_a_double_are_refused_never_merged", r)

w.file("amount.json",
       '[{"id": "BG-3", "jaar": 2025, "post": "website", "bedrag": 12.500},'
       ' {"id": "BG-4", "jaar": 2025, "post": "website", "bedrag": 99999999.99}]')
r = w.run("import", "amount.json")
check(r.code == 0 and w.query("SELECT id, bedrag_cent FROM begroting WHERE id IN "
                              "('BG-3', 'BG-4') ORDER BY id")
      == [("BG-3", 1250), ("BG-4", 9999999999)],
      "json_amount_with_decimal_point_is_exact_and_never_read_as_thousands", r)

before = state(w)
w.file("repeat.json",
       '[{"id": "SOB040", "naam": "a", "type": "sob", "regio": "Oost"},\n'
       ' {"id": "SOB041", "naam": "a", "type": "sob", "regio": "Oost", "naam": "b"},\n'
       ' {"id": "SOB042", "naam": "a", "type": "sob", "regio": "Oost", "ID": "SOB043"},\n'
       ' {"id": "SOB044", "naam": "a", "type": "sob", "regio": "Oost", "x": 1, "x": 2}]')
r = w.run("import", "repeat.json")
check(refused(w, r, before, "repeat.json:2: veld 'naam':", "twee keer")
      and "repeat.json:3: veld 'id': komt twee keer voor" in r.err
      and "repeat.json:4: veld 'x': komt twee keer voor" in r.err,
      "json_repeated_key_is_an_error_naming_record_and_key_whatever_its_case", r)

# ---- point 16: an unterminated quote names FILE:LINE -------------------

before = state(w)
w.file("quote.csv", "id;naam;type;regio\r\nSOB050;goed;sob;Oost\r\n"
       "SOB051;\"nooit gesloten;sob;Oost\r\nSOB052;x;sob;Oost\r\n")
r = w.run("import", "quote.csv")
check(refused(w, r, before, "quote.csv:3: veld 'naam':", "aanhalingsteken niet afgesloten"),
      "unterminated_quote_names_file_line_and_field", r)

before = state(w)
w.file("quotehdr.csv", "\r\nid;\"naam;type;regio\r\nSOB053;x;sob;Oost\r\n")
r = w.run("import", "quotehdr.csv")
check(refused(w, r, before, "quotehdr.csv:2:", "aanhalingsteken niet afgesloten"),
      "unterminated_quote_in_the_header_names_file_and_line", r)

# ---- point 17: very wide headers ---------------------------------------

N = 100_000
extra = [f"extra{i}" for i in range(N)]
w.file("wide.csv", ";".join(ORG_H + extra) + "\r\n"
       + ";".join(["SOB060", "Breed", "sob", "Oost"] + [""] * N) + "\r\n")
r = w.run("import", "wide.csv")
check(r.code == 0 and w.query("SELECT naam FROM organisaties WHERE id = 'SOB060'")
      == [("Breed",)] and re.search(r"en nog \d{5} waarschuwing", r.err),
      "header_of_100000_unknown_columns_is_imported_with_its_warnings", r.err[-300:])

before = state(w)
w.file("widedup.csv", ";".join(ORG_H + extra + ["Naam", "extra5"]) + "\r\n"
       + ";".join(["SOB061", "Breed", "sob", "Oost"] + [""] * (N + 2)) + "\r\n")
r = w.run("import", "widedup.csv")
check(refused(w, r, before, "widedup.csv:1: veld 'naam': kolom komt twee keer voor")
      and "widedup.csv:1: veld 'extra5': kolom komt twee keer voor" in r.err,
      "repeated_columns_in_a_header_of_100000_columns_are_found", r.err[:500])

# ---- file names are stored with the rows and shown in the workbook -----

before = state(w)
w.file("sob\uffff.csv", csv_text([ORG_H, ["SOB070", "x", "sob", "Oost"]]))
r = w.run("import", "sob\uffff.csv")
check(refused(w, r, before, "sob\uffff.csv:", "bestandsnaam", "U+FFFF"),
      "file_name_with_u_ffff_is_refused_before_it_reaches_the_workbook", r)

before = state(w)
bad_name = w.path.encode() + b"/sob\xff\x01.csv"
with open(bad_name, "wb") as f:
    f.write(csv_text([ORG_H, ["SOB071", "x", "sob", "Oost"]]).encode())
cp = subprocess.run([BIN, "--db", w.db, "import", bad_name], cwd=w.path,
                    capture_output=True, timeout=600)
check(cp.returncode == 2 and b"bestandsnaam is geen geldige UTF-8" in cp.stderr
      and b"\x01" not in cp.stderr and state(w) == before,
      "file_name_that_is_not_utf8_is_refused_and_its_control_byte_not_echoed",
      f"{cp.returncode} {cp.stderr!r}")

# ---- _x0041_ survives as text in the workbook --------------------------

v = Workdir()
v.init()
v.file("o.csv", csv_text([ORG_H, ["GM0363", "Amsterdam", "gemeente", "Noord-West"]]))
v.file("s.csv", csv_text([["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"],
                          ["SP01", "Anna _x0042_", "specialist", "juridisch", "100",
                           "01-07-2024", ""]]))
v.file("i.csv", csv_text([IZ_H, ["IZ1", "SP01", "2025-11-03", "2", "",
                                 "code _x0041_ en _x00E9__x0020_"]]))
r = v.run("import", "o.csv", "s.csv", "i.csv")
r2 = v.run("report", "--period", "2025-Q4", "--audience", "intern", "--xlsx", "r.xlsx")
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def excel_texts(path):
    """Every cell text as Excel shows it: _xHHHH_ decoded (ECMA-376 22.4.2.2)."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml":
                for t in ET.fromstring(z.read(name)).iter(NS + "t"):
                    out.append(re.sub(r"_x([0-9A-Fa-f]{4})_",
                                      lambda m: chr(int(m.group(1), 16)), t.text or ""))
    return out


texts = excel_texts(v.path + "/r.xlsx") if r2.code == 0 else []
check(r.code == 0 and r2.code == 0 and "code _x0041_ en _x00E9__x0020_" in texts
      and "Anna _x0042_" in texts,
      "literal_x0041_text_survives_as_text_in_the_workbook",
      f"{r!r}\n{r2!r}\n{[t for t in texts if '_x' in t or 'Anna' in t or 'code' in t]}")

done()
