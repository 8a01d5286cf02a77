#!/usr/bin/env python3
"""baseline_pandas.py: the script a data analyst would write instead of pijlermonitor.

    /usr/bin/python3 bench/baseline_pandas.py --data DIR --out FILE.xlsx [--period 2025-Q4]

The baseline of bench/run (issue 7, point 2b). It reads the iso CSVs of
bench/gen.py (organisaties, specialisten, hulpvragen, evaluaties, inzet) with
pandas, computes for one quarter

  R1  requests received in the quarter; deadline = the 5th working day after
      the day of receipt (weekends, the Dutch public holidays and the decree
      days below do not count; numpy's busday_offset); on time = first contact
      known on the peildatum (the quarter's last day) and not after the deadline;
      late = a later contact, or none while the deadline has passed; teller = on
      time, noemer = on time + late; also per regio (for the chart);
  R2  evaluations soort 'ondersteuning' dated in the quarter from gemeenten and
      SOB's; per organisation the mean score; satisfied when mean >= 7.0, decided
      on tenths; teller = satisfied organisations, noemer = rated ones;

and writes one workbook with XlsxWriter: a sheet with R1 and R2, one chart
(matplotlib, R1 per regio with the 90% target, as a PNG in that sheet), and the
quarter's row-level sheets Hulpvragen (with organisation, deadline and outcome),
Evaluaties and Inzet (with name, rate and cost), dates as date cells, a frozen
header and an autofilter. XlsxWriter runs in constant_memory mode, as our
exporter does (to be fair on memory); that mode needs rows written in order,
which pandas' own DataFrame.to_excel does not do (it writes column by column),
so the rows go through worksheet.write_row, with the number formats set per
column. Otherwise XlsxWriter's defaults.

Prints one JSON line on stdout: R1 and R2 (teller, noemer; bench/run compares
them with pijlermonitor's) and the seconds per phase. Uses only Debian packages:
python3-pandas, python3-xlsxwriter, python3-matplotlib.
"""

import argparse
import json
import os
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import xlsxwriter  # noqa: E402

# Dutch public holidays (Algemene termijnenwet: Nieuwjaarsdag, Tweede Paasdag,
# Koningsdag, 5 mei, Hemelvaartsdag, Tweede Pinksterdag, both Christmas days)
# and the decree days ("Besluit gelijkstelling") for the years of the data,
# typed in as an analyst would; the same list as engine/calendar.c.
HOLIDAYS = [
    "2024-01-01", "2024-04-01", "2024-04-27", "2024-05-05", "2024-05-09", "2024-05-10",
    "2024-05-20", "2024-12-25", "2024-12-26", "2024-12-27",
    "2025-01-01", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-05-30",
    "2025-06-09", "2025-12-25", "2025-12-26",
    "2026-01-01", "2026-01-02", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14",
    "2026-05-15", "2026-05-25", "2026-12-25", "2026-12-26",
]
TARGET_R1 = 0.90
EXCEL_EPOCH = np.datetime64("1899-12-30")


def quarter(label):
    year, q = int(label[:4]), int(label[-1])
    start = pd.Timestamp(year, 3 * q - 2, 1)
    return start, start + pd.offsets.QuarterEnd(0)


def deadline(received):
    """The 5th working day after each day of receipt. Rolling a weekend or
    holiday back to the working day before it makes the day of receipt never
    count: the working days after that one are the working days after it."""
    days = received.values.astype("datetime64[D]")
    return pd.to_datetime(np.busday_offset(days, 5, roll="backward", holidays=HOLIDAYS))


def excel_rows(df, date_cols):
    """Rows for write_row: dates as Excel serial numbers, missing values None."""
    df = df.copy()
    for c in date_cols:
        df[c] = (df[c].values.astype("datetime64[D]") - EXCEL_EPOCH).astype("float64")
        df.loc[df[c].isna() | (df[c] < 0), c] = np.nan
    df = df.astype(object).where(df.notna(), None)
    return df.itertuples(index=False, name=None)


def write_sheet(wb, name, df, date_cols, formats, widths):
    ws = wb.add_worksheet(name)
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True})
    for i, col in enumerate(df.columns):
        ws.set_column(i, i, widths.get(col, 12), formats.get(col))
    ws.freeze_panes(1, 0)
    ws.write_row(0, 0, list(df.columns), head)
    r = 0
    for r, row in enumerate(excel_rows(df, date_cols), start=1):
        ws.write_row(r, 0, row)
    ws.autofilter(0, 0, max(r, 1), len(df.columns) - 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="folder with the iso CSVs of gen.py")
    ap.add_argument("--out", required=True, help="the workbook to write")
    ap.add_argument("--period", default="2025-Q4")
    args = ap.parse_args()
    t = {}
    t0 = time.perf_counter()

    # ---- read
    def read(name, dates=()):
        df = pd.read_csv(os.path.join(args.data, name + ".csv"), dtype={"id": str})
        for c in dates:
            df[c] = pd.to_datetime(df[c], format="%Y-%m-%d")
        return df

    org = read("organisaties")
    spec = read("specialisten", ["start", "einde"])
    hv = read("hulpvragen", ["ontvangen", "eerste_contact", "afgerond_op"])
    ev = read("evaluaties", ["datum"])
    iz = read("inzet", ["datum"])
    t["read"] = time.perf_counter() - t0

    # ---- R1 and R2 for the quarter
    t1 = time.perf_counter()
    start, end = quarter(args.period)
    peil = end
    q = hv[(hv.ontvangen >= start) & (hv.ontvangen <= end)].copy()
    q["uiterste_datum"] = deadline(q.ontvangen)
    contact = q.eerste_contact.where(q.eerste_contact <= peil)  # later contacts unknown yet
    on_time = contact.notna() & (contact <= q.uiterste_datum)
    late = (contact.notna() & (contact > q.uiterste_datum)) | \
        (contact.isna() & (peil > q.uiterste_datum))
    q["eerste_contact"] = contact
    q["uitkomst"] = np.select([on_time, late & contact.notna(), late],
                              ["op tijd", "te laat", "te laat (geen contact)"], "lopend")
    q = q.merge(org.rename(columns={"id": "organisatie", "naam": "naam_organisatie"}),
                on="organisatie", how="left")
    q = q.merge(spec[["id", "naam"]].rename(columns={"id": "specialist",
                                                     "naam": "naam_specialist"}),
                on="specialist", how="left")
    q["afgerond_op"] = q.afgerond_op.where(q.afgerond_op <= peil)
    r1 = {"teller": int(on_time.sum()), "noemer": int(on_time.sum() + late.sum())}
    per_regio = pd.DataFrame({"regio": q.regio.fillna("geen"), "op_tijd": on_time.values,
                              "telt": (on_time | late).values})
    per_regio = per_regio.groupby("regio").sum()
    per_regio["r1"] = per_regio.op_tijd / per_regio.telt.where(per_regio.telt > 0)

    e = ev[(ev.datum >= start) & (ev.datum <= end) & (ev.soort == "ondersteuning")]
    e = e.merge(org[["id", "type"]].rename(columns={"id": "organisatie"}), on="organisatie")
    e = e[e.type.isin(["gemeente", "sob"])]
    tenths = (e.score * 10).round().astype("int64")
    per_org = tenths.groupby(e.organisatie).agg(["sum", "count"])
    satisfied = per_org["sum"] >= 70 * per_org["count"]
    r2 = {"teller": int(satisfied.sum()), "noemer": int(len(per_org))}

    evq = ev[(ev.datum >= start) & (ev.datum <= end)]
    evq = evq.merge(org.rename(columns={"id": "organisatie", "naam": "naam_organisatie"}),
                    on="organisatie", how="left")
    evq = evq.merge(spec[["id", "naam"]].rename(columns={"id": "specialist",
                                                         "naam": "naam_specialist"}),
                    on="specialist", how="left")
    izq = iz[(iz.datum >= start) & (iz.datum <= end)]
    izq = izq.merge(spec[["id", "naam", "uurtarief"]].rename(columns={"id": "specialist"}),
                    on="specialist", how="left")
    izq["kosten"] = (izq.uren * izq.uurtarief).round(2)
    t["compute"] = time.perf_counter() - t1

    # ---- the chart
    t2 = time.perf_counter()
    png = args.out + ".r1.png"
    fig, ax = plt.subplots(figsize=(7, 3.5), dpi=100)
    ax.bar(per_regio.index, per_regio.r1 * 100, color="#2E75B6")
    ax.axhline(TARGET_R1 * 100, color="#C00000", linestyle="--", label="doel 90%")
    ax.set_ylabel("% binnen 5 werkdagen")
    ax.set_title("R1 per regio, %s" % args.period)
    ax.set_ylim(0, 100)
    ax.legend()
    fig.tight_layout()
    fig.savefig(png)
    plt.close(fig)
    t["chart"] = time.perf_counter() - t2

    # ---- the workbook
    t3 = time.perf_counter()
    wb = xlsxwriter.Workbook(args.out, {"constant_memory": True})
    date = wb.add_format({"num_format": "dd-mm-yyyy"})
    euro = wb.add_format({"num_format": "€ #,##0.00"})
    pct = wb.add_format({"num_format": "0.0%"})
    dec1 = wb.add_format({"num_format": "0.0"})
    dec2 = wb.add_format({"num_format": "0.00"})
    ws = wb.add_worksheet("Overzicht")
    ws.set_column(0, 0, 34)
    ws.write_row(0, 0, ["Indicator", "Teller", "Noemer", "Waarde"])
    ws.write_row(1, 0, ["R1 reactie binnen 5 werkdagen", r1["teller"], r1["noemer"]])
    if r1["noemer"]:
        ws.write_number(1, 3, r1["teller"] / r1["noemer"], pct)
    ws.write_row(2, 0, ["R2 waardering ondersteuning", r2["teller"], r2["noemer"]])
    if r2["noemer"]:
        ws.write_number(2, 3, r2["teller"] / r2["noemer"], pct)
    ws.insert_image(4, 0, png)

    hv_cols = ["id", "organisatie", "naam_organisatie", "type", "regio", "ontvangen",
               "eerste_contact", "uiterste_datum", "uitkomst", "onderwerp", "specialist",
               "naam_specialist", "status", "afgerond_op"]
    hv_dates = ["ontvangen", "eerste_contact", "uiterste_datum", "afgerond_op"]
    write_sheet(wb, "Hulpvragen", q.sort_values("ontvangen", kind="stable")[hv_cols],
                hv_dates, {c: date for c in hv_dates},
                {"naam_organisatie": 28, "uitkomst": 22, "naam_specialist": 22})
    ev_cols = ["id", "organisatie", "naam_organisatie", "type", "regio", "datum", "soort",
               "score", "specialist", "naam_specialist", "hulpvraag"]
    write_sheet(wb, "Evaluaties", evq.sort_values("datum", kind="stable")[ev_cols],
                ["datum"], {"datum": date, "score": dec1},
                {"naam_organisatie": 28, "naam_specialist": 22})
    iz_cols = ["id", "specialist", "naam", "datum", "uren", "uurtarief", "kosten",
               "hulpvraag", "omschrijving"]
    write_sheet(wb, "Inzet", izq.sort_values("datum", kind="stable")[iz_cols],
                ["datum"], {"datum": date, "uren": dec2, "uurtarief": euro, "kosten": euro},
                {"naam": 22, "omschrijving": 40})
    wb.close()
    os.remove(png)
    t["xlsx"] = time.perf_counter() - t3
    t["total"] = time.perf_counter() - t0
    print(json.dumps({"R1": r1, "R2": r2,
                      "rows": {"Hulpvragen": len(q), "Evaluaties": len(evq), "Inzet": len(izq)},
                      "seconds": {k: round(v, 3) for k, v in t.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
