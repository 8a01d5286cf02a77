"""The warnings of `check` reach the workbook as data (issue 12 point 4):
the Definities sheet lists them as the check command does and counts every
warning found, also beyond the 20 a kind lists."""
import openpyxl

from pmtest import Workdir, check, done, base, csv_text

w = Workdir()
base(w)
# 25 requests without a specialist (one kind over the listing cap of 20)
# and one without an onderwerp.
rows = [["id", "organisatie", "ontvangen", "onderwerp", "specialist", "status"]]
for k in range(1, 26):
    rows.append([f"R{k:02d}", "GM0363", f"{k:02d}-03-2025", "juridisch", "", "open"])
rows.append(["S01", "GM0363", "26-03-2025", "", "SP01", "open"])
r = w.run("import", w.file("hv.csv", csv_text(rows)))
check(r.code == 0, "warning_material_imports", r)
chk = w.run("check")
lines = [ln[len("waarschuwing: "):] for ln in chk.out.splitlines()
         if ln.startswith("waarschuwing: ")]
check(chk.code == 0 and "26 waarschuwingen" in chk.out and len(lines) == 22 and
      "... en nog 5 van deze soort" in lines,
      "check_lists_20_of_the_kind_and_counts_all_26", chk.out)


def toelichting(path):
    ws = openpyxl.load_workbook(path)["Definities"]
    return [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(1, ws.max_row + 1)]


for aud in ("intern", "extern"):
    r = w.run("report", "--period", "2025-Q1", "--audience", aud, "--xlsx", f"{aud}.xlsx")
    check(r.code == 0, f"{aud}_report_is_written", r)
rows_i = toelichting(f"{w.path}/intern.xlsx")
start = next((i for i, (a, _b) in enumerate(rows_i) if a == "Waarschuwingen"), None)
check(start is not None and rows_i[start][1] == "26 waarschuwingen:",
      "intern_toelichting_counts_every_warning_not_the_lines_listed",
      rows_i[start] if start is not None else rows_i)
listed = [b for _a, b in rows_i[start + 1:start + 1 + len(lines)]] if start is not None else []
check(listed == lines, "intern_toelichting_lists_the_lines_of_check_in_order",
      (listed, lines))
text_e = " ".join(str(b) for _a, b in toelichting(f"{w.path}/extern.xlsx") if b)
check("26 waarschuwingen bij de controle van de gegevens" in text_e and "R01" not in text_e,
      "extern_toelichting_counts_every_warning_without_naming_rows", text_e[-400:])
done()
