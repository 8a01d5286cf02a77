"""`pijlermonitor sjabloon`: an empty Dutch-Excel-ready CSV per dataset
that the import itself accepts."""
import os

from pmtest import Workdir, check, done

DATASETS = ["organisaties", "specialisten", "hulpvragen", "inzet", "evaluaties",
            "kennisproducten", "mijlpalen", "begroting", "uitgaven"]

w = Workdir()
w.init()
for ds in DATASETS:
    path = os.path.join(w.path, f"{ds}.csv")
    r = w.run("sjabloon", ds, path, db=False)
    data = open(path, "rb").read() if os.path.exists(path) else b""
    check(r.code == 0 and data.startswith(b"\xef\xbb\xbfid;") and data.endswith(b"\r\n")
          and data.count(b"\r\n") == 1, f"sjabloon_{ds}_is_bom_semicolon_crlf_header", r)
    r = w.run("import", "--kind", ds, path)
    check(r.code == 0 and "0 rijen" in r.out, f"sjabloon_{ds}_imports_as_empty_{ds}", r)

r = w.run("sjabloon", "hulpvragen", db=False)
check(r.out.lstrip("\ufeff").startswith("id;organisatie;ontvangen;eerste_contact;onderwerp;"
                                        "specialist;status;afgerond_op"),
      "sjabloon_without_file_writes_header_to_stdout", r)
path = os.path.join(w.path, "organisaties.csv")
before = open(path, "rb").read()
r = w.run("sjabloon", "organisaties", path, db=False)
check(r.code == 3 and "bestaat al" in r.err and open(path, "rb").read() == before,
      "sjabloon_never_overwrites_an_existing_file", r)
r = w.run("sjabloon", "peren", db=False)
check(r.code == 1 and "onbekende soort" in r.err, "sjabloon_unknown_kind_exits_1", r)
r = w.run("sjabloon", "inzet", os.path.join(w.path, "geen-map", "x.csv"), db=False)
check(r.code == 3 and not os.path.exists(os.path.join(w.path, "geen-map")),
      "sjabloon_into_missing_folder_exits_3", r)
done()
