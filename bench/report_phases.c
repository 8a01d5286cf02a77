/* report_phases.c — where the time of `pijlermonitor report` goes, phase by
 * phase, for bench/run (not a test, not installed).
 *
 *     build/bench/report_phases DB PERIOD intern|extern XLSX|- PDF|-
 *
 * Does what cli/cli.c write_reports does for `report --xlsx --pdf`, in the
 * same order and with the same library calls, and times each phase with the
 * monotonic clock: the indicators (pm_report_compute), the data fingerprint,
 * the check whose warnings go into the workbook's Toelichting, the workbook
 * writer and the PDF writer ("-" skips a file). Prints one JSON object, per
 * phase: the seconds, the process's peak RSS so far, the RSS when the phase
 * began and the highest RSS during the phase (the high-water mark is reset at
 * each phase start), all in KiB. The peildatum is the period's last day and
 * the configuration the defaults, as in bench/run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "config.h"
#include "pdf.h"
#include "period.h"
#include "report.h"
#include "rows.h"
#include "store.h"
#include "xlsx.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A field of /proc/self/status in KiB ("VmRSS", "VmHWM"), -1 when unknown. */
static long status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            v = strtol(line + n + 1, NULL, 10);
    if (f)
        fclose(f);
    return v;
}

/* Starts a phase: resets the high-water mark of the resident set (Linux:
 * clear_refs 5), so VmHWM afterwards is the peak during the phase alone. */
static long rss_start;

static double phase_start(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (f) {
        fputs("5", f);
        fclose(f);
    }
    rss_start = status_kib("VmRSS");
    return now();
}

static int nphases;
static long peak_so_far; /* the process's peak over all phases so far */

/* One phase as JSON: seconds, the process's peak RSS so far, the RSS when
 * the phase began and its highest RSS during the phase. (getrusage's
 * ru_maxrss is reset with the high-water mark, so the peak so far is kept
 * here.) */
static void phase(const char *name, double t0)
{
    double s = now() - t0;
    long hwm = status_kib("VmHWM");
    if (hwm > peak_so_far)
        peak_so_far = hwm;
    printf("%s\"%s\": {\"s\": %.4f, \"peak_rss_kib\": %ld, \"rss_before_kib\": %ld, "
           "\"phase_peak_kib\": %ld}",
           nphases++ ? ", " : "", name, s, peak_so_far, rss_start, hwm);
}

static int die(const char *what, const char *msg)
{
    fprintf(stderr, "report_phases: %s: %s\n", what, msg);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: report_phases DB PERIOD intern|extern XLSX|- PDF|-\n");
        return 2;
    }
    const char *xlsx = strcmp(argv[4], "-") ? argv[4] : NULL;
    const char *pdf = strcmp(argv[5], "-") ? argv[5] : NULL;
    pm_period period;
    if (!pm_period_parse(argv[2], &period))
        return die("period", argv[2]);
    pm_audience audience = strcmp(argv[3], "intern") == 0 ? PM_INTERN : PM_EXTERN;
    pm_config cfg;
    pm_config_defaults(&cfg);
    char msg[1024] = "";
    double start = phase_start(), t0 = start;
    sqlite3 *db;
    if (pm_store_open(argv[1], PM_STORE_EXISTING, &db, NULL, msg, sizeof msg))
        return die("open", msg);
    printf("{");
    phase("open", t0);

    t0 = phase_start();
    pm_report rep = {0};
    pm_snapshot snap;
    if (pm_snapshot_begin(&snap, db, msg, sizeof msg) ||
        pm_report_compute(&rep, &snap, &cfg, &period, period.end, msg, sizeof msg))
        return die("indicators", msg);
    phase("indicators", t0);

    t0 = phase_start();
    char fingerprint[20] = "";
    if (pm_store_fingerprint(db, fingerprint, msg, sizeof msg))
        return die("fingerprint", msg);
    phase("fingerprint", t0);

    /* cli/cli.c report_warnings: the warnings of check as data, for
     * the workbook's Toelichting. */
    t0 = phase_start();
    pm_check_opts opts;
    pm_check_defaults(&opts);
    opts.uurtarief_cap_cent = cfg.uurtarief_max_cent;
    pm_warnings warnings;
    if (pm_check_warnings(db, &opts, &warnings, msg, sizeof msg))
        return die("check", msg);
    phase("check", t0);

    /* PM_ROWS_ONLY=1: also time reading the row-level detail alone, the
     * SQLite part of the workbook writer. */
    if (getenv("PM_ROWS_ONLY")) {
        t0 = phase_start();
        long long nrows = 0;
        for (int k = PM_ROWS_HULPVRAGEN; k <= PM_ROWS_INZET; k++) {
            pm_rows *rows;
            if (pm_rows_open(&rows, &snap.ctx, (pm_rows_kind)k, msg, sizeof msg))
                return die("rows", msg);
            const pm_row_value *vals;
            while (pm_rows_next(rows, &vals, msg, sizeof msg) == 1)
                nrows++;
            pm_rows_close(rows);
        }
        fprintf(stderr, "rows: %lld\n", nrows);
        phase("rows", t0);
    }
    time_t created = time(NULL);
    if (xlsx) {
        t0 = phase_start();
        pm_rows_reader reader;
        pm_row_source rows = pm_rows_source(&reader, &snap.ctx);
        pm_xlsx_input in = {.rep = &rep,
                            .audience = audience,
                            .created = created,
                            .fingerprint = fingerprint,
                            .warnings = &warnings,
                            .rows = &rows};
        if (pm_xlsx_write(&in, xlsx, xlsx, msg, sizeof msg))
            return die("workbook", msg);
        phase("workbook", t0);
    }
    if (pdf) {
        t0 = phase_start();
        pm_pdf_input in = {.rep = &rep,
                           .audience = audience,
                           .created = created,
                           .fingerprint = fingerprint};
        if (pm_pdf_write(&in, pdf, pdf, msg, sizeof msg))
            return die("pdf", msg);
        phase("pdf", t0);
    }
    pm_warnings_free(&warnings);
    pm_report_free(&rep);
    pm_snapshot_end(&snap);
    pm_store_close(db);
    pm_config_free(&cfg);
    phase("total", start);
    printf("}\n");
    return 0;
}
