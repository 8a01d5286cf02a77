"""The _xHHHH_ escapes of .xlsx texts (ECMA-376 Part 1 §22.9.2.19): Excel,
LibreOffice and libxlsxwriter write a character XML cannot hold (a control
character) as _xHHHH_, and a literal _x0041_ as _x005F_x0041_. The import
reads them as Excel does, in shared strings, inline strings and formula
strings alike; then SPEC §2's text rules refuse a control character as they
do in a CSV field. Anything that is not an escape stays as typed."""
from pmtest import Workdir, base, check, done
from xlsxmake import Raw, workbook

HEAD = ["id", "naam", "type", "regio"]


def shared(i):
    return Raw(f'<c r="{{r}}" t="s"><v>{i}</v></c>')


def state(w):
    return (w.counts(), w.query("SELECT * FROM organisaties ORDER BY id"),
            w.query("SELECT count(*) FROM import_bestanden"))


w = Workdir()
base(w)

# Shared strings 0..3 the header, then the texts of the rows.
SST = HEAD + ["SOB-X1", "Code _x005F_x0041_", "sob", "Oost",
              "Caf_x00E9_ _x00e9_", "Letterlijk _X000D_ _x00G1_ _x41_ _x0041"]
rows = [[shared(0), shared(1), shared(2), shared(3)],
        [shared(4), shared(5), shared(6), shared(7)],
        ["SOB-X2", shared(8), "sob", "Oost"],
        ["SOB-X3", shared(9), "sob", "Oost"],
        ["SOB-X4", "Inline _x005F_x0042_ en _x0043_", "sob", "Oost"],
        ["SOB-X5", Raw('<c r="{r}" t="str"><f>"x"</f><v>Formule _x005F_x0044_</v></c>'),
         "sob", "Oost"],
        # rich text: the id is two runs, SOB-X and 6; an escape is read
        # within its run
        [Raw('<c r="{r}" t="inlineStr"><is><r><t>SOB-_x0058_</t></r>'
             '<r><t>6</t></r></is></c>'), "Id in delen", "sob", "Oost"]]
w.file("goed.xlsx", workbook([("Organisaties", rows)], sst=SST))
r = w.run("import", "goed.xlsx")
check(r.code == 0, "a_workbook_with_escaped_texts_imports", r)
got = dict(w.query("SELECT id, naam FROM organisaties WHERE id LIKE 'SOB-X%'"))
check(got.get("SOB-X1") == "Code _x0041_",
      "a_shared_string_x005F_x0041_is_the_literal_text_x0041", got)
check(got.get("SOB-X2") == "Café é",
      "an_escaped_character_is_decoded_with_hex_digits_of_either_case", got)
check(got.get("SOB-X3") == "Letterlijk _X000D_ _x00G1_ _x41_ _x0041",
      "an_uppercase_X_a_non_hex_digit_or_a_short_sequence_is_kept_as_typed", got)
check(got.get("SOB-X4") == "Inline _x0042_ en C", "inline_strings_are_decoded", got)
check(got.get("SOB-X5") == "Formule _x0044_",
      "a_formula_strings_cached_value_is_decoded", got)
check(got.get("SOB-X6") == "Id in delen",
      "an_escape_within_a_run_of_rich_text_is_decoded", got)

# A control character decoded from an escape is refused as in a CSV field,
# and nothing of the file is written.
before = state(w)
SST2 = HEAD + ["SOB-_x000D_Y1", "Naam_x0001_", "regel 1_x000D_\nregel 2"]
bad = [[shared(0), shared(1), shared(2), shared(3)],
       [shared(4), "Werkbedrijf", "sob", "Oost"],
       ["SOB-Y2", shared(5), "sob", "Oost"],
       ["SOB-Y3_x000d_", "Werkbedrijf", "sob", "Oost"],
       ["SOB-Y4", "Inline_x001F_", "sob", "Oost"]]
w.file("fout.xlsx", workbook([("Organisaties", bad)], sst=SST2))
r = w.run("import", "fout.xlsx")
check(r.code == 2, "an_escaped_control_character_makes_the_import_fail_with_exit_2", r)
check("fout.xlsx[Organisaties]!A2: veld 'id':" in r.err and "regeleinde (U+000D)" in r.err,
      "an_escaped_carriage_return_in_an_id_is_refused_naming_the_cell", r)
check("fout.xlsx[Organisaties]!B3: veld 'naam': bevat een stuurteken (U+0001)" in r.err,
      "an_escaped_control_character_in_a_shared_string_text_is_refused", r)
check("fout.xlsx[Organisaties]!A4: veld 'id':" in r.err,
      "a_lowercase_hex_escape_is_decoded_and_refused_in_an_id", r)
check("fout.xlsx[Organisaties]!B5: veld 'naam': bevat een stuurteken (U+001F)" in r.err,
      "an_escaped_control_character_in_an_inline_string_is_refused", r)
check(state(w) == before, "nothing_of_the_refused_workbook_is_written", r)

# A line break Excel wrote as _x000D_ plus a newline is a line break of the
# text, which a text field (not an id) may hold, as in a CSV field.
w.file("regels.xlsx", workbook([("Organisaties", [
    [shared(0), shared(1), shared(2), shared(3)],
    ["SOB-Z1", shared(6), "sob", "Oost"]])], sst=SST2))
r = w.run("import", "regels.xlsx")
got = w.query("SELECT naam FROM organisaties WHERE id = 'SOB-Z1'")
check(r.code == 0 and got == [("regel 1\r\nregel 2",)],
      "a_crlf_written_as_x000D_and_a_newline_is_a_line_break_in_a_text", f"{got}\n{r!r}")

done()
