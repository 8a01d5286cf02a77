"""Files import cannot read, though a user expects it to (SPEC §2, §12): the
old binary Excel format .xls (an OLE2 compound file, D0 CF 11 E0 A1 B1 1A E1)
by its name or by its first bytes, an OLE2 file named .xlsx, a workbook
saved with a password, other files named .xls or .xlsx, an OpenDocument
spreadsheet (.ods) and a binary workbook (.xlsb). Each gives exit 2 and a
Dutch message that says what the file is and how to save it, and the
database stays as it was, also for the other files of the same call."""
import io
import os
import shutil
import struct
import subprocess
import zipfile

from pmtest import Workdir, base, check, csv_text, done
from xlsxmake import workbook

FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def dir_entry(name, kind, child=FREE, start=END, size=0):
    raw = (name + "\0").encode("utf-16-le") if name else b""
    e = raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
    e += struct.pack("<III", FREE, FREE, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
    return e + struct.pack("<IIxxxx", start, size)


def ole2(*streams, dir_sectors=1):
    """A minimal OLE2 compound file (MS-CFB, 512-byte sectors) whose
    directory names the streams, spread over dir_sectors sectors (a chain,
    as a real file's directory often is)."""
    head = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
    head += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    head += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
    head += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    assert len(head) == 512
    entries = [dir_entry("Root Entry", 5, child=1)]
    entries += [dir_entry(s, 2) for s in streams]
    # The directory: sectors 1..dir_sectors, the named streams in the last.
    per = 4
    body = [dir_entry("", 0)] * (per * dir_sectors)
    body[0] = entries[0]
    for i, e in enumerate(entries[1:]):
        body[per * (dir_sectors - 1) + 1 + i] = e
    fat = [FATSECT] + [k + 2 for k in range(dir_sectors - 1)] + [END]
    fat += [FREE] * (128 - len(fat))
    return head + struct.pack("<128I", *fat) + b"".join(body)


def ods(mime="application/vnd.oasis.opendocument.spreadsheet"):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mime)  # first and stored, as ODF wants
        z.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", "<manifest/>", zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def xlsb():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return buf.getvalue()


def state(w):
    return (w.counts(), w.query("SELECT count(*) FROM import_bestanden"))


SAVE = "sla het op als Excel-werkmap (.xlsx) of als CSV UTF-8"
OLD = "dit is een oud Excel-bestand (.xls, Excel 97-2003)"
w = Workdir()
base(w)
good = w.file("goed.csv", csv_text([["id", "organisatie", "ontvangen"],
                                    ["HV-F1", "GM0363", "02-01-2025"]]))
CASES = [
    ("oud.xls", ole2("Workbook"), [f"oud.xls: {OLD}, dat pijlermonitor niet leest", SAVE],
     "an_xls_file_is_named_as_an_old_excel_file_with_what_to_do"),
    ("oud95.xls", ole2("Book"), [OLD, SAVE], "an_excel_95_xls_with_a_book_stream_too"),
    ("ver.xls", ole2("SummaryInformation", "Workbook", dir_sectors=3), [OLD, SAVE],
     "the_directory_is_followed_along_its_chain_of_sectors"),
    ("export.csv", ole2("Workbook"), [f"export.csv: {OLD}", SAVE],
     "an_xls_is_recognised_by_its_signature_whatever_its_name"),
    ("werkmap.xlsx", ole2("Workbook"), [f"{OLD} met de naam .xlsx", SAVE],
     "an_ole2_xls_named_xlsx_is_named_as_an_old_excel_file"),
    ("beveiligd.xlsx", ole2("EncryptedPackage", "EncryptionInfo"),
     ["met een wachtwoord beveiligde Excel-werkmap", "haal het wachtwoord weg"],
     "a_workbook_saved_with_a_password_is_named_so"),
    ("web.xls", b"<html><body><table><tr><td>id</td></tr></table></body></html>",
     ["de naam eindigt op .xls, maar dit is geen Excel-bestand: het is een webpagina",
      "Excel-werkmap (.xlsx)"], "a_web_page_named_xls_is_named_as_such"),
    ("tekst.xls", "id;naam\nGM0363;Amsterdam\n".encode(),
     ["het is een tekstbestand", "geef het dan de extensie .csv"],
     "a_text_file_named_xls_is_named_as_such"),
    ("rapport.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
     ["het is een PDF-bestand", "geen zip-archief"], "a_pdf_named_xlsx_is_named_as_such"),
    ("leeg.xlsx", b"", ["het is een leeg bestand"], "an_empty_file_named_xlsx"),
    ("rekenblad.ods", ods(), ["OpenDocument-rekenblad (.ods", "Excel-werkmap (.xlsx)"],
     "an_ods_spreadsheet_says_save_it_as_xlsx"),
    ("rekenblad.xlsx", ods(), ["OpenDocument-rekenblad (.ods"],
     "an_ods_spreadsheet_named_xlsx_too"),
    ("tekst.odt", ods("application/vnd.oasis.opendocument.text"),
     ["OpenDocument-bestand (application/vnd.oasis.opendocument.text)"],
     "another_opendocument_file_is_named_by_its_type"),
    ("brief.doc", ole2("WordDocument", "1Table"),
     ["ouder Office-bestand (OLE2), geen Excel-werkmap", "Excel-werkmap (.xlsx)"],
     "a_word_97_doc_is_not_called_an_excel_file"),
    ("brief.xlsx", ole2("WordDocument", "1Table"),
     ["ouder Office-bestand (OLE2), geen Excel-werkmap"],
     "an_ole2_file_without_a_workbook_named_xlsx_is_not_called_xls"),
    ("raar.xls", ole2("WordDocument"), [f"raar.xls: {OLD}", SAVE],
     "an_ole2_file_named_xls_without_a_workbook_stream_keeps_the_xls_words"),
    ("binair.xlsb", xlsb(), ["binaire Excel-werkmap (.xlsb)", SAVE.replace("het", "haar")],
     "a_binary_xlsb_workbook_says_save_it_as_xlsx"),
]
for name, data, words, test in CASES:
    before = state(w)
    p = w.file(name, data)
    r = w.run("import", good, p)
    check(r.code == 2 and all(x in r.err for x in words) and state(w) == before
          and "Traceback" not in r.err,
          f"{test}_exit_2_and_nothing_written", r)

# Each message once, and no other complaint about the same file.
r = w.run("import", w.file("alleen.xls", ole2("Workbook")))
lines = [ln for ln in r.err.splitlines() if "alleen.xls" in ln]
check(r.code == 2 and len(lines) == 1, "the_file_gets_one_message_only", r)

# An .xlsx named .xls is a zip: it is read as the workbook it is.
w.file("echt.xls", workbook([("Hulpvragen", [["id", "organisatie", "ontvangen"],
                                             ["HV-F2", "GM0363", "03-01-2025"]])]))
r = w.run("import", "echt.xls")
check(r.code == 0 and w.count("hulpvragen") == 1,
      "a_real_xlsx_workbook_named_xls_imports", r)

# A real .xls, saved by LibreOffice.
if shutil.which("soffice"):
    src = w.file("lo.csv", "id;naam\nGM0363;Amsterdam\n")
    cp = subprocess.run(["soffice", "--headless", "--norestore",
                         "-env:UserInstallation=file://" + os.path.join(w.path, "lo-profiel"),
                         "--convert-to", "xls", "--outdir", w.path, src],
                        capture_output=True, text=True, timeout=600)
    xls = os.path.join(w.path, "lo.xls")
    before = state(w)
    r = w.run("import", xls)
    check(cp.returncode == 0 and r.code == 2 and f"lo.xls: {OLD}" in r.err
          and state(w) == before, "an_xls_saved_by_libreoffice_is_named_as_such",
          (cp.stderr, r))
else:
    check(True, "an_xls_saved_by_libreoffice # SKIP soffice is not installed")

done()
