/* rows.c — row-level detail for the intern workbook, streamed from the
 * report's snapshot: one row per next(), in date order, memory flat in the
 * number of rows.
 *
 * Each kind reads one table in date order through a date index; the small
 * tables a row refers to (organisaties, specialisten, import_bestanden) are
 * loaded once into sorted arrays and looked up in C, and the deadline and
 * working-day numbers come from the report's calendar. Joined in SQL they
 * cost B-tree searches per reference per row, and the evaluations (which
 * have no date index) were scanned whole and their period sorted in memory
 * that grew with the rows; now three index streams are merged and memory
 * stays flat (docs/PERFORMANCE.md). The values are those of the joins
 * they replace:
 * a row whose organisation, inzet specialist or source file is missing is
 * left out (an inner join), a request's or evaluation's unknown specialist
 * leaves the name empty (a left join). */
#include "rows.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filename.h"
#include "store.h"

static const pm_rows_column hv_cols[] = {
    {"Id", PM_COL_TEXT, 14},
    {"Organisatie", PM_COL_TEXT, 10},
    {"Naam organisatie", PM_COL_TEXT, 28},
    {"Type", PM_COL_TEXT, 13},
    {"Regio", PM_COL_TEXT, 11},
    {"Ontvangen", PM_COL_DATE, 11},
    {"Eerste contact", PM_COL_DATE, 13},
    {"Uiterste datum (5 werkdagen)", PM_COL_DATE, 13},
    {"Werkdagen tot contact", PM_COL_INT, 11},
    {"Uitkomst", PM_COL_TEXT, 22},
    {"Onderwerp", PM_COL_TEXT, 20},
    {"Specialist", PM_COL_TEXT, 10},
    {"Naam specialist", PM_COL_TEXT, 22},
    {"Status", PM_COL_TEXT, 10},
    {"Afgerond op", PM_COL_DATE, 11},
    {"Bron", PM_COL_TEXT, 30},
};

static const pm_rows_column ev_cols[] = {
    {"Id", PM_COL_TEXT, 12},
    {"Organisatie", PM_COL_TEXT, 10},
    {"Naam organisatie", PM_COL_TEXT, 28},
    {"Type", PM_COL_TEXT, 13},
    {"Regio", PM_COL_TEXT, 11},
    {"Datum", PM_COL_DATE, 11},
    {"Soort", PM_COL_TEXT, 14},
    {"Score", PM_COL_SCORE, 7},
    {"Specialist", PM_COL_TEXT, 10},
    {"Naam specialist", PM_COL_TEXT, 22},
    {"Hulpvraag", PM_COL_TEXT, 14},
    {"Bron", PM_COL_TEXT, 30},
};

static const pm_rows_column iz_cols[] = {
    {"Id", PM_COL_TEXT, 12},
    {"Specialist", PM_COL_TEXT, 10},
    {"Naam specialist", PM_COL_TEXT, 22},
    {"Datum", PM_COL_DATE, 11},
    {"Uren", PM_COL_HOURS, 7},
    {"Uurtarief", PM_COL_EURO, 11},
    {"Kosten", PM_COL_EURO, 12},
    {"Hulpvraag", PM_COL_TEXT, 14},
    {"Omschrijving", PM_COL_TEXT, 40},
    {"Bron", PM_COL_TEXT, 30},
};

/* One table in date order; ties in import order (rowid), which the date
 * index gives without a sort. Evaluaties have no date index of their own:
 * one statement per soort (the CHECK allows these three) runs through the
 * index (soort, datum), and next() merges the three streams by (datum, rowid). */
static const char sql_hv[] =
    "SELECT id, organisatie, ontvangen, eerste_contact, onderwerp, specialist, status,"
    "  afgerond_op, bestand, regel, rowid"
    " FROM hulpvragen INDEXED BY hulpvragen_ontvangen"
    " WHERE ontvangen BETWEEN ?1 AND ?2"
    " ORDER BY ontvangen, rowid";

static const char sql_ev[] =
    "SELECT id, organisatie, datum, soort, score_x10, specialist, hulpvraag, bestand,"
    "  regel, rowid"
    " FROM evaluaties INDEXED BY evaluaties_soort_datum"
    " WHERE soort = ?3 AND datum BETWEEN ?1 AND ?2"
    " ORDER BY datum, rowid";

static const char sql_iz[] =
    "SELECT id, specialist, datum, uren_x100, hulpvraag, omschrijving, bestand, regel,"
    "  rowid"
    " FROM inzet INDEXED BY inzet_datum"
    " WHERE datum BETWEEN ?1 AND ?2"
    " ORDER BY datum, rowid";

static const char *const soorten[] = {"ondersteuning", "specialist", "opdrachtgever"};
#define NSTREAMS 3

static const char sql_orgs[] =
    "SELECT id, naam, type, regio FROM organisaties ORDER BY id";
static const char sql_specs[] =
    "SELECT id, naam, uurtarief_cent FROM specialisten ORDER BY id";
static const char sql_files[] = "SELECT pad, id FROM import_bestanden ORDER BY id";

static const char *const count_sql[] = {
    "SELECT count(*) FROM hulpvragen WHERE ontvangen BETWEEN ?1 AND ?2",
    "SELECT count(*) FROM evaluaties WHERE datum BETWEEN ?1 AND ?2",
    "SELECT count(*) FROM inzet WHERE datum BETWEEN ?1 AND ?2",
};

/* A small table in memory: rows of `width` strings (NULL for SQL NULL) and
 * one integer, in the order of its query: by the first string (strcmp order
 * = SQLite's BINARY collation) for lookup_text, by the integer for
 * lookup_num. */
typedef struct lookup {
    char **cells; /* n * width */
    int64_t *num;
    size_t n, width;
} lookup;

/* Read-ahead: a second thread reads rows into one batch while the caller
 * (the workbook writer) consumes the other, so SQLite's part of the
 * writer's time runs on the second core. The
 * thread is the connection's only user between open and close. */
enum { AHEAD_ROWS = 1024 };

typedef struct batch {
    pm_row_value *vals; /* AHEAD_ROWS * ncols */
    char *text;         /* the texts of the rows, each NUL-terminated */
    size_t text_len, text_cap;
    size_t nrows, next; /* rows filled, rows handed out */
    int rc;             /* after the rows: 0 the end, -1 a failure, 1 more */
    int full;           /* filled by the thread, not yet consumed */
} batch;

typedef struct ahead {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    batch b[2];
    int reading; /* the batch the consumer reads (or waits for) */
    int stop;    /* set by close: the thread ends at its next batch */
    char msg[512];
} ahead;

static void ahead_start(pm_rows *rows);

struct pm_rows {
    pm_rows_kind kind;
    sqlite3_stmt *st[NSTREAMS];
    size_t nst;
    int live[NSTREAMS]; /* the stream has a current row */
    int advance;        /* the stream whose row was returned last, -1: none */
    const pm_rows_column *cols;
    size_t ncols;
    pm_row_value vals[16];
    lookup orgs, specs, files;
    const pm_calendar *cal;
    pm_day *deadline; /* [day - cal->first], -1 beyond the calendar */
    pm_day peil;
    char *bron; /* "pad:regel" of the current row */
    size_t bron_cap;
    ahead *ahead; /* the reading thread, NULL: rows are read on next() */
};

const char *pm_rows_title(pm_rows_kind kind)
{
    switch (kind) {
    case PM_ROWS_HULPVRAGEN: return "Hulpvragen";
    case PM_ROWS_EVALUATIES: return "Evaluaties";
    case PM_ROWS_INZET: return "Inzet";
    }
    return "?";
}

const pm_rows_column *pm_rows_columns(pm_rows_kind kind, size_t *n)
{
    switch (kind) {
    case PM_ROWS_HULPVRAGEN: *n = sizeof hv_cols / sizeof hv_cols[0]; return hv_cols;
    case PM_ROWS_EVALUATIES: *n = sizeof ev_cols / sizeof ev_cols[0]; return ev_cols;
    case PM_ROWS_INZET: *n = sizeof iz_cols / sizeof iz_cols[0]; return iz_cols;
    }
    *n = 0;
    return NULL;
}

static void lookup_free(lookup *l)
{
    for (size_t i = 0; l->cells && i < l->n * l->width; i++)
        free(l->cells[i]);
    free(l->cells);
    free(l->num);
    memset(l, 0, sizeof *l);
}

/* Loads the rows of sql: `width` text columns then, when with_num, one
 * integer column (SQL NULL reads as 0). */
static pm_error lookup_load(sqlite3 *db, const char *sql, size_t width, int with_num,
                            lookup *l, char *msg, size_t msgsize)
{
    memset(l, 0, sizeof *l);
    l->width = width;
    sqlite3_stmt *st = NULL;
    size_t cap = 0;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        if ((rc = sqlite3_step(st)) != SQLITE_ROW)
            break;
        if (l->n == cap) {
            cap = cap ? 2 * cap : 64;
            char **cells = realloc(l->cells, cap * width * sizeof *cells);
            if (cells)
                l->cells = cells;
            int64_t *num = cells ? realloc(l->num, cap * sizeof *num) : NULL;
            if (!num) {
                sqlite3_finalize(st);
                lookup_free(l);
                snprintf(msg, msgsize, "detailgegevens: onvoldoende geheugen");
                return PM_ERR_NOMEM;
            }
            l->num = num;
        }
        char **row = &l->cells[l->n * width];
        int bad = 0;
        for (size_t c = 0; c < width; c++) {
            const char *t = (const char *)sqlite3_column_text(st, (int)c);
            row[c] = t ? strdup(t) : NULL;
            bad |= t && !row[c];
        }
        l->num[l->n] = with_num ? sqlite3_column_int64(st, (int)width) : 0;
        l->n++;
        if (bad) {
            sqlite3_finalize(st);
            lookup_free(l);
            snprintf(msg, msgsize, "detailgegevens: onvoldoende geheugen");
            return PM_ERR_NOMEM;
        }
    }
    if (rc != SQLITE_DONE) {
        snprintf(msg, msgsize, "detailgegevens: %s (SQLite: %s)", pm_store_reason(db),
                 sqlite3_errmsg(db));
        sqlite3_finalize(st);
        lookup_free(l);
        return PM_ERR_DB;
    }
    sqlite3_finalize(st);
    return PM_OK;
}

/* The index of the row whose first cell is key, or -1. */
static long lookup_text(const lookup *l, const char *key)
{
    if (!key)
        return -1;
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(key, l->cells[mid * l->width]);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* The index of the row whose integer is key (rows sorted by it), or -1. */
static long lookup_num(const lookup *l, int64_t key)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->num[mid] == key)
            return (long)mid;
        if (key < l->num[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

static void set_text(pm_row_value *v, const char *text)
{
    v->present = text != NULL;
    v->text = text;
    v->num = 0;
}

static void set_num(pm_row_value *v, int present, int64_t num)
{
    v->present = present;
    v->text = NULL;
    v->num = present ? num : 0;
}

/* Column c of st as text, NULL for SQL NULL. */
static const char *col_text(sqlite3_stmt *st, int c)
{
    return (const char *)sqlite3_column_text(st, c);
}

static int col_null(sqlite3_stmt *st, int c)
{
    return sqlite3_column_type(st, c) == SQLITE_NULL;
}

/* "pad:regel" of the row's source into rows->bron; NULL when the file is
 * unknown (the join on import_bestanden would drop the row). */
static const char *bron(pm_rows *rows, sqlite3_stmt *st, int c_bestand, int c_regel)
{
    long f = lookup_num(&rows->files, sqlite3_column_int64(st, c_bestand));
    if (f < 0 || !rows->files.cells[f])
        return NULL;
    /* Databases made before the import kept only file names hold full
     * paths; an output never shows the machine's folders (SPEC §7). */
    const char *pad = pm_filename_base(rows->files.cells[f]);
    size_t need = strlen(pad) + 24;
    if (need > rows->bron_cap) {
        char *b = realloc(rows->bron, need);
        if (!b)
            return NULL;
        rows->bron = b;
        rows->bron_cap = need;
    }
    snprintf(rows->bron, rows->bron_cap, "%s:%lld", pad,
             (long long)sqlite3_column_int64(st, c_regel));
    return rows->bron;
}

/* The day's entry of the calendar, or -1 when it lies outside. */
static long cal_index(const pm_calendar *cal, pm_day d)
{
    return d >= cal->first && d <= cal->last ? (long)(d - cal->first) : -1;
}

/* The values of a request (hv_cols); 0 when a join would drop the row. */
static int fill_hv(pm_rows *rows, sqlite3_stmt *st)
{
    pm_row_value *v = rows->vals;
    long o = lookup_text(&rows->orgs, col_text(st, 1));
    pm_day received = (pm_day)sqlite3_column_int64(st, 2);
    long k = cal_index(rows->cal, received);
    const char *src = bron(rows, st, 8, 9);
    if (o < 0 || k < 0 || !src)
        return 0;
    char **org = &rows->orgs.cells[o * rows->orgs.width];
    pm_day peil = rows->peil;
    int has_contact = !col_null(st, 3);
    pm_day contact = (pm_day)sqlite3_column_int64(st, 3);
    int known = has_contact && contact <= peil; /* a later contact is not known yet */
    pm_day due = rows->deadline[k];
    int has_due = due >= 0;
    long kc = known ? cal_index(rows->cal, contact) : -1;
    set_text(&v[0], col_text(st, 0));
    set_text(&v[1], col_text(st, 1));
    set_text(&v[2], org[1]);
    set_text(&v[3], org[2]);
    set_text(&v[4], org[3]);
    set_num(&v[5], 1, received);
    set_num(&v[6], known, contact);
    set_num(&v[7], has_due, due);
    set_num(&v[8], kc >= 0, kc >= 0 ? rows->cal->nr[kc] - rows->cal->nr[k] : 0);
    /* As SQL's CASE with a NULL deadline: comparisons with it are false. */
    set_text(&v[9], known ? (has_due && contact <= due ? "op tijd" : "te laat")
                    : has_due && peil > due ? "te laat (geen contact)"
                                            : "lopend");
    set_text(&v[10], col_text(st, 4));
    const char *sp = col_text(st, 5);
    long s = lookup_text(&rows->specs, sp);
    set_text(&v[11], sp);
    set_text(&v[12], s >= 0 ? rows->specs.cells[s * rows->specs.width + 1] : NULL);
    set_text(&v[13], col_text(st, 6));
    set_num(&v[14], !col_null(st, 7) && sqlite3_column_int64(st, 7) <= peil,
            sqlite3_column_int64(st, 7));
    set_text(&v[15], src);
    return 1;
}

/* The values of an evaluation (ev_cols); 0 when a join would drop the row. */
static int fill_ev(pm_rows *rows, sqlite3_stmt *st)
{
    pm_row_value *v = rows->vals;
    long o = lookup_text(&rows->orgs, col_text(st, 1));
    const char *src = bron(rows, st, 7, 8);
    if (o < 0 || !src)
        return 0;
    char **org = &rows->orgs.cells[o * rows->orgs.width];
    set_text(&v[0], col_text(st, 0));
    set_text(&v[1], col_text(st, 1));
    set_text(&v[2], org[1]);
    set_text(&v[3], org[2]);
    set_text(&v[4], org[3]);
    set_num(&v[5], 1, sqlite3_column_int64(st, 2));
    set_text(&v[6], col_text(st, 3));
    set_num(&v[7], !col_null(st, 4), sqlite3_column_int64(st, 4));
    const char *sp = col_text(st, 5);
    long s = lookup_text(&rows->specs, sp);
    set_text(&v[8], sp);
    set_text(&v[9], s >= 0 ? rows->specs.cells[s * rows->specs.width + 1] : NULL);
    set_text(&v[10], col_text(st, 6));
    set_text(&v[11], src);
    return 1;
}

/* The values of an inzet row (iz_cols); 0 when a join would drop the row. */
static int fill_iz(pm_rows *rows, sqlite3_stmt *st)
{
    pm_row_value *v = rows->vals;
    long s = lookup_text(&rows->specs, col_text(st, 1));
    const char *src = bron(rows, st, 6, 7);
    if (s < 0 || !src)
        return 0;
    int64_t uren = sqlite3_column_int64(st, 3), tarief = rows->specs.num[s];
    set_text(&v[0], col_text(st, 0));
    set_text(&v[1], col_text(st, 1));
    set_text(&v[2], rows->specs.cells[s * rows->specs.width + 1]);
    set_num(&v[3], 1, sqlite3_column_int64(st, 2));
    set_num(&v[4], !col_null(st, 3), uren);
    set_num(&v[5], 1, tarief);
    /* SQL's integer division, which truncates as C's does. */
    set_num(&v[6], !col_null(st, 3), (uren * tarief + 50) / 100);
    set_text(&v[7], col_text(st, 4));
    set_text(&v[8], col_text(st, 5));
    set_text(&v[9], src);
    return 1;
}

static pm_error sql_fail(pm_rows *rows, sqlite3 *db, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "detailgegevens: %s (SQLite: %s)", pm_store_reason(db),
             sqlite3_errmsg(db));
    pm_rows_close(rows);
    return PM_ERR_DB;
}

pm_error pm_rows_open(pm_rows **out, const pm_context *ctx, pm_rows_kind kind, char *msg,
                      size_t msgsize)
{
    *out = NULL;
    pm_rows *rows = calloc(1, sizeof *rows);
    if (!rows)
        return PM_ERR_NOMEM;
    rows->kind = kind;
    rows->advance = -1;
    rows->cols = pm_rows_columns(kind, &rows->ncols);
    rows->cal = ctx->cal;
    rows->peil = ctx->peildatum;
    sqlite3 *db = ctx->db;
    pm_error err = PM_OK;
    if (kind != PM_ROWS_INZET)
        err = lookup_load(db, sql_orgs, 4, 0, &rows->orgs, msg, msgsize);
    if (!err)
        err = lookup_load(db, sql_specs, 2, 1, &rows->specs, msg, msgsize);
    if (!err) /* pad, sorted by the integer id */
        err = lookup_load(db, sql_files, 1, 1, &rows->files, msg, msgsize);
    if (err) {
        pm_rows_close(rows);
        return err;
    }
    if (kind == PM_ROWS_HULPVRAGEN) {
        const pm_calendar *cal = rows->cal;
        rows->deadline = malloc((cal->ndays ? cal->ndays : 1) * sizeof *rows->deadline);
        if (!rows->deadline) {
            pm_rows_close(rows);
            return PM_ERR_NOMEM;
        }
        for (size_t i = 0; i < cal->ndays; i++)
            rows->deadline[i] = pm_calendar_deadline(cal, cal->first + (pm_day)i, 5);
    }
    const char *sql = kind == PM_ROWS_HULPVRAGEN   ? sql_hv
                      : kind == PM_ROWS_EVALUATIES ? sql_ev
                                                   : sql_iz;
    rows->nst = kind == PM_ROWS_EVALUATIES ? NSTREAMS : 1;
    for (size_t i = 0; i < rows->nst; i++) {
        if (sqlite3_prepare_v2(db, sql, -1, &rows->st[i], NULL) != SQLITE_OK)
            return sql_fail(rows, db, msg, msgsize);
        sqlite3_bind_int64(rows->st[i], 1, ctx->per_from);
        sqlite3_bind_int64(rows->st[i], 2, ctx->per_to);
        if (kind == PM_ROWS_EVALUATIES)
            sqlite3_bind_text(rows->st[i], 3, soorten[i], -1, SQLITE_STATIC);
    }
    /* The first row of every stream. */
    for (size_t i = 0; i < rows->nst; i++) {
        int rc = sqlite3_step(rows->st[i]);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return sql_fail(rows, db, msg, msgsize);
        rows->live[i] = rc == SQLITE_ROW;
    }
    ahead_start(rows);
    *out = rows;
    return PM_OK;
}

/* The stream with the first row in (date, rowid) order, or -1 at the end.
 * Columns: the date is column 2 of every kind, the rowid the last one. */
static int first_stream(const pm_rows *rows)
{
    int best = -1;
    int64_t bd = 0, br = 0;
    for (size_t i = 0; i < rows->nst; i++) {
        if (!rows->live[i])
            continue;
        sqlite3_stmt *st = rows->st[i];
        int64_t d = sqlite3_column_int64(st, 2);
        int64_t r = sqlite3_column_int64(st, sqlite3_column_count(st) - 1);
        if (best < 0 || d < bd || (d == bd && r < br)) {
            best = (int)i;
            bd = d;
            br = r;
        }
    }
    return best;
}

/* The next row straight from SQLite: 1 with *vals, 0 at the end, -1 on a
 * database failure. */
static int read_row(pm_rows *rows, const pm_row_value **vals, char *msg, size_t msgsize)
{
    for (;;) {
        /* Step the stream of the last row only now: its values were valid
         * until this call. */
        if (rows->advance >= 0) {
            sqlite3_stmt *st = rows->st[rows->advance];
            int rc = sqlite3_step(st);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                sqlite3 *db = sqlite3_db_handle(st);
                snprintf(msg, msgsize, "detailgegevens: %s (SQLite: %s)",
                         pm_store_reason(db), sqlite3_errmsg(db));
                return -1;
            }
            rows->live[rows->advance] = rc == SQLITE_ROW;
            rows->advance = -1;
        }
        int i = first_stream(rows);
        if (i < 0)
            return 0;
        rows->advance = i;
        sqlite3_stmt *st = rows->st[i];
        int ok = rows->kind == PM_ROWS_HULPVRAGEN   ? fill_hv(rows, st)
                 : rows->kind == PM_ROWS_EVALUATIES ? fill_ev(rows, st)
                                                    : fill_iz(rows, st);
        if (ok) {
            *vals = rows->vals;
            return 1;
        }
    }
}

/* ---- read-ahead ------------------------------------------------------------ */

/* Appends text to b's text buffer; its offset (plus one, 0 for NULL) goes
 * into v->num until the batch is complete and the buffer stops moving. */
static int batch_text(batch *b, pm_row_value *v, const char *text)
{
    if (!text) {
        v->num = 0;
        return 1;
    }
    size_t len = strlen(text) + 1;
    if (b->text_len + len > b->text_cap) {
        size_t cap = b->text_cap ? b->text_cap : 16384;
        while (b->text_len + len > cap)
            cap *= 2;
        char *t = realloc(b->text, cap);
        if (!t)
            return 0;
        b->text = t;
        b->text_cap = cap;
    }
    memcpy(b->text + b->text_len, text, len);
    v->num = (int64_t)b->text_len + 1;
    b->text_len += len;
    return 1;
}

/* Reads up to AHEAD_ROWS rows into b (on the reading thread). */
static void batch_fill(pm_rows *rows, batch *b, char *msg, size_t msgsize)
{
    b->nrows = b->next = 0;
    b->text_len = 0;
    b->rc = 1;
    while (b->nrows < AHEAD_ROWS) {
        const pm_row_value *vals;
        int rc = read_row(rows, &vals, msg, msgsize);
        if (rc != 1) {
            b->rc = rc;
            break;
        }
        pm_row_value *dst = b->vals + b->nrows * rows->ncols;
        for (size_t c = 0; c < rows->ncols; c++) {
            dst[c] = vals[c];
            if (rows->cols[c].type == PM_COL_TEXT &&
                !batch_text(b, &dst[c], vals[c].text)) {
                snprintf(msg, msgsize, "detailgegevens: onvoldoende geheugen");
                b->nrows = 0; /* its texts are not in place */
                b->rc = -1;
                return;
            }
        }
        b->nrows++;
    }
    /* The buffer is final now: offsets become pointers. */
    for (size_t r = 0; r < b->nrows; r++) {
        pm_row_value *dst = b->vals + r * rows->ncols;
        for (size_t c = 0; c < rows->ncols; c++)
            if (rows->cols[c].type == PM_COL_TEXT) {
                dst[c].text = dst[c].num ? b->text + (dst[c].num - 1) : NULL;
                dst[c].num = 0; /* as set_text leaves it */
            }
    }
}

static void *ahead_main(void *arg)
{
    pm_rows *rows = arg;
    ahead *a = rows->ahead;
    char msg[sizeof a->msg];
    for (int i = 0;; i ^= 1) {
        batch *b = &a->b[i];
        pthread_mutex_lock(&a->lock);
        while (b->full && !a->stop)
            pthread_cond_wait(&a->changed, &a->lock);
        int stop = a->stop;
        pthread_mutex_unlock(&a->lock);
        if (stop)
            return NULL;
        msg[0] = '\0';
        batch_fill(rows, b, msg, sizeof msg);
        pthread_mutex_lock(&a->lock);
        if (b->rc < 0)
            memcpy(a->msg, msg, sizeof msg);
        b->full = 1;
        pthread_cond_broadcast(&a->changed);
        pthread_mutex_unlock(&a->lock);
        if (b->rc != 1)
            return NULL;
    }
}

static void ahead_free(ahead *a)
{
    if (!a)
        return;
    for (int i = 0; i < 2; i++) {
        free(a->b[i].vals);
        free(a->b[i].text);
    }
    free(a);
}

/* Starts the reading thread; without memory or a thread the rows are simply
 * read on the caller's thread. */
static void ahead_start(pm_rows *rows)
{
    ahead *a = calloc(1, sizeof *a);
    if (!a)
        return;
    for (int i = 0; i < 2; i++) {
        a->b[i].vals = malloc(AHEAD_ROWS * rows->ncols * sizeof *a->b[i].vals);
        if (!a->b[i].vals) {
            ahead_free(a);
            return;
        }
    }
    if (pthread_mutex_init(&a->lock, NULL)) {
        ahead_free(a);
        return;
    }
    if (pthread_cond_init(&a->changed, NULL)) {
        pthread_mutex_destroy(&a->lock);
        ahead_free(a);
        return;
    }
    rows->ahead = a;
    if (pthread_create(&a->thread, NULL, ahead_main, rows)) {
        rows->ahead = NULL;
        pthread_cond_destroy(&a->changed);
        pthread_mutex_destroy(&a->lock);
        ahead_free(a);
    }
}

static void ahead_stop(pm_rows *rows)
{
    ahead *a = rows->ahead;
    if (!a)
        return;
    pthread_mutex_lock(&a->lock);
    a->stop = 1;
    pthread_cond_broadcast(&a->changed);
    pthread_mutex_unlock(&a->lock);
    pthread_join(a->thread, NULL);
    pthread_cond_destroy(&a->changed);
    pthread_mutex_destroy(&a->lock);
    ahead_free(a);
    rows->ahead = NULL;
}

int pm_rows_next(pm_rows *rows, const pm_row_value **vals, char *msg, size_t msgsize)
{
    ahead *a = rows->ahead;
    if (!a)
        return read_row(rows, vals, msg, msgsize);
    for (;;) {
        batch *b = &a->b[a->reading];
        pthread_mutex_lock(&a->lock);
        while (!b->full)
            pthread_cond_wait(&a->changed, &a->lock);
        pthread_mutex_unlock(&a->lock);
        if (b->next < b->nrows) {
            *vals = b->vals + b->next++ * rows->ncols;
            return 1;
        }
        if (b->rc != 1) {
            if (b->rc < 0)
                snprintf(msg, msgsize, "%s", a->msg);
            return b->rc;
        }
        /* Consumed: hand the batch back and go on with the other one. */
        pthread_mutex_lock(&a->lock);
        b->full = 0;
        pthread_cond_broadcast(&a->changed);
        pthread_mutex_unlock(&a->lock);
        a->reading ^= 1;
    }
}

void pm_rows_close(pm_rows *rows)
{
    if (!rows)
        return;
    ahead_stop(rows);
    for (size_t i = 0; i < NSTREAMS; i++)
        sqlite3_finalize(rows->st[i]);
    lookup_free(&rows->orgs);
    lookup_free(&rows->specs);
    lookup_free(&rows->files);
    free(rows->deadline);
    free(rows->bron);
    free(rows);
}

long long pm_rows_count(const pm_context *ctx, pm_rows_kind kind)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(ctx->db, count_sql[kind], -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, ctx->per_from);
        sqlite3_bind_int64(st, 2, ctx->per_to);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

/* ---- the pm_row_source over a report --------------------------------------- */

static pm_error source_open(void *ctx, pm_rows_kind kind, pm_rows_table *table, char *msg,
                            size_t msgsize)
{
    pm_rows_reader *r = ctx;
    pm_rows_close(r->rows); /* a kind left open: the contract says close it */
    r->rows = NULL;
    table->title = pm_rows_title(kind);
    table->cols = pm_rows_columns(kind, &table->ncols);
    return pm_rows_open(&r->rows, r->ctx, kind, msg, msgsize);
}

static int source_next(void *ctx, const pm_row_value **vals, char *msg, size_t msgsize)
{
    pm_rows_reader *r = ctx;
    if (!r->rows)
        return 0;
    return pm_rows_next(r->rows, vals, msg, msgsize);
}

static void source_close(void *ctx)
{
    pm_rows_reader *r = ctx;
    pm_rows_close(r->rows);
    r->rows = NULL;
}

pm_row_source pm_rows_source(pm_rows_reader *reader, const pm_context *ctx)
{
    reader->ctx = ctx;
    reader->rows = NULL;
    return (pm_row_source){
        .ctx = reader, .open = source_open, .next = source_next, .close = source_close};
}
