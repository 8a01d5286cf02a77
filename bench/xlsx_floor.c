/* xlsx_floor.c — how fast libxlsxwriter alone writes the cells of the
 * intern workbook's row-level sheets, for bench/run (not a test).
 *
 *     build/bench/xlsx_floor DB PERIOD OUT.xlsx
 *
 * Reads every row of the Hulpvragen, Evaluaties and Inzet sheets of PERIOD
 * into memory first (untimed), then times only libxlsxwriter writing those
 * cells, with the number formats of exporters/xlsx.c, in constant_memory
 * mode, and closing (zipping) the workbook. No SQLite, no other sheets, none
 * of our formatting code: the floor under our workbook writer as long as
 * libxlsxwriter writes it. Deflate runs at the level of exporters/xlsx_zip.c
 * (compiled into this program, as into pijlermonitor), as in the product. Prints one JSON object. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "config.h"
#include "period.h"
#include "report.h"
#include "rows.h"
#include "store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int die(const char *what, const char *msg)
{
    fprintf(stderr, "xlsx_floor: %s: %s\n", what, msg);
    return 1;
}

/* The rows of one kind: values, with texts copied into one growing buffer
 * (as offsets until the end, since the buffer moves). */
typedef struct sheet {
    const pm_rows_column *cols;
    size_t ncols, nrows, cap;
    pm_row_value *vals;
    char *text;
    size_t text_len, text_cap;
} sheet;

static int keep_text(sheet *s, pm_row_value *v)
{
    size_t len = strlen(v->text) + 1;
    if (s->text_len + len > s->text_cap) {
        size_t cap = s->text_cap ? s->text_cap * 2 : 1 << 20;
        while (s->text_len + len > cap)
            cap *= 2;
        char *t = realloc(s->text, cap);
        if (!t)
            return 0;
        s->text = t;
        s->text_cap = cap;
    }
    memcpy(s->text + s->text_len, v->text, len);
    v->num = (int64_t)s->text_len;
    s->text_len += len;
    return 1;
}

static int load(sheet *s, const pm_context *ctx, pm_rows_kind kind, char *msg,
                size_t size)
{
    s->cols = pm_rows_columns(kind, &s->ncols);
    pm_rows *rows;
    if (pm_rows_open(&rows, ctx, kind, msg, size))
        return 0;
    const pm_row_value *vals;
    int rc;
    while ((rc = pm_rows_next(rows, &vals, msg, size)) == 1) {
        if (s->nrows == s->cap) {
            s->cap = s->cap ? 2 * s->cap : 4096;
            pm_row_value *v = realloc(s->vals, s->cap * s->ncols * sizeof *v);
            if (!v)
                return 0;
            s->vals = v;
        }
        pm_row_value *dst = s->vals + s->nrows * s->ncols;
        for (size_t c = 0; c < s->ncols; c++) {
            dst[c] = vals[c];
            if (s->cols[c].type == PM_COL_TEXT && vals[c].present &&
                !keep_text(s, &dst[c]))
                return 0;
        }
        s->nrows++;
    }
    pm_rows_close(rows);
    return rc == 0;
}

static double number(pm_col_type type, int64_t num)
{
    switch (type) {
    case PM_COL_DATE: return (double)num + 25569.0;
    case PM_COL_EURO: return (double)num / 100.0;
    case PM_COL_SCORE: return (double)num / 10.0;
    case PM_COL_HOURS: return (double)num / 100.0;
    default: return (double)num;
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: xlsx_floor DB PERIOD OUT.xlsx\n");
        return 2;
    }
    pm_period period;
    if (!pm_period_parse(argv[2], &period))
        return die("period", argv[2]);
    pm_config cfg;
    pm_config_defaults(&cfg);
    char msg[1024] = "";
    sqlite3 *db;
    if (pm_store_open(argv[1], PM_STORE_EXISTING, &db, NULL, msg, sizeof msg))
        return die("open", msg);
    pm_report rep = {0};
    pm_snapshot snap;
    if (pm_snapshot_begin(&snap, db, msg, sizeof msg) ||
        pm_report_compute(&rep, &snap, &cfg, &period, period.end, msg, sizeof msg))
        return die("indicators", msg);
    static const pm_rows_kind kinds[] = {PM_ROWS_HULPVRAGEN, PM_ROWS_EVALUATIES,
                                         PM_ROWS_INZET};
    sheet sheets[3] = {0};
    size_t cells = 0;
    for (int k = 0; k < 3; k++) {
        if (!load(&sheets[k], &snap.ctx, kinds[k], msg, sizeof msg))
            return die("rows", msg);
        for (size_t r = 0; r < sheets[k].nrows; r++)
            for (size_t c = 0; c < sheets[k].ncols; c++)
                cells += sheets[k].vals[r * sheets[k].ncols + c].present != 0;
    }

    double t0 = now();
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[3], &opts);
    if (!wb)
        return die("workbook", argv[3]);
    lxw_format *fmt[PM_COL_HOURS + 1] = {0};
    static const char *const num_formats[] = {[PM_COL_INT] = "#,##0",
                                              [PM_COL_DATE] = "dd-mm-yyyy",
                                              [PM_COL_EURO] = "[$€-413] #,##0.00",
                                              [PM_COL_SCORE] = "0.0",
                                              [PM_COL_HOURS] = "0.00"};
    for (int t = PM_COL_INT; t <= PM_COL_HOURS; t++) {
        fmt[t] = workbook_add_format(wb);
        format_set_num_format(fmt[t], num_formats[t]);
    }
    for (int k = 0; k < 3; k++) {
        const sheet *s = &sheets[k];
        lxw_worksheet *ws = workbook_add_worksheet(wb, pm_rows_title(kinds[k]));
        for (size_t c = 0; c < s->ncols; c++)
            worksheet_write_string(ws, 0, (lxw_col_t)c, s->cols[c].name, NULL);
        for (size_t r = 0; r < s->nrows; r++) {
            const pm_row_value *v = s->vals + r * s->ncols;
            for (size_t c = 0; c < s->ncols; c++) {
                if (!v[c].present)
                    continue;
                pm_col_type type = s->cols[c].type;
                if (type == PM_COL_TEXT)
                    worksheet_write_string(ws, (lxw_row_t)r + 1, (lxw_col_t)c,
                                           s->text + v[c].num, NULL);
                else
                    worksheet_write_number(ws, (lxw_row_t)r + 1, (lxw_col_t)c,
                                           number(type, v[c].num), fmt[type]);
            }
        }
    }
    double t1 = now();
    lxw_error err = workbook_close(wb);
    double t2 = now();
    if (err)
        return die("close", lxw_strerror(err));
    printf("{\"rows\": %zu, \"cells\": %zu, \"write_s\": %.4f, \"close_s\": %.4f, "
           "\"total_s\": %.4f}\n",
           sheets[0].nrows + sheets[1].nrows + sheets[2].nrows, cells, t1 - t0, t2 - t1,
           t2 - t0);
    for (int k = 0; k < 3; k++) {
        free(sheets[k].vals);
        free(sheets[k].text);
    }
    pm_report_free(&rep);
    pm_snapshot_end(&snap);
    pm_store_close(db);
    pm_config_free(&cfg);
    return 0;
}
