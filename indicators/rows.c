/* rows.c — row-level detail for the intern workbook, streamed from the
 * report's snapshot: one prepared query per kind, one row per next(). */
#include "rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Each query returns exactly the columns above, in that order. Contacts and
 * completions after the peildatum are not known yet, so they stay empty,
 * as in the figures. Ordered by date; ties in import order (rowid), which
 * the date index gives without a sort. */
static const char sql_hv[] =
    "SELECT h.id, h.organisatie, o.naam, o.type, o.regio, h.ontvangen,"
    "  CASE WHEN h.eerste_contact <= ?3 THEN h.eerste_contact END,"
    "  k.deadline,"
    "  CASE WHEN h.eerste_contact <= ?3 THEN kc.nr - k.nr END,"
    "  CASE WHEN h.eerste_contact <= ?3 THEN"
    "         CASE WHEN h.eerste_contact <= k.deadline THEN 'op tijd' ELSE 'te laat' END"
    "       WHEN ?3 > k.deadline THEN 'te laat (geen contact)'"
    "       ELSE 'lopend' END,"
    "  h.onderwerp, h.specialist, s.naam, h.status,"
    "  CASE WHEN h.afgerond_op <= ?3 THEN h.afgerond_op END,"
    "  f.pad || ':' || h.regel"
    " FROM hulpvragen h"
    " JOIN organisaties o ON o.id = h.organisatie"
    " JOIN temp.kalender k ON k.dag = h.ontvangen"
    " LEFT JOIN temp.kalender kc ON kc.dag = h.eerste_contact"
    " LEFT JOIN specialisten s ON s.id = h.specialist"
    " JOIN import_bestanden f ON f.id = h.bestand"
    " WHERE h.ontvangen BETWEEN ?1 AND ?2"
    " ORDER BY h.ontvangen, h.rowid";

static const char sql_ev[] =
    "SELECT e.id, e.organisatie, o.naam, o.type, o.regio, e.datum, e.soort, e.score_x10,"
    "  e.specialist, s.naam, e.hulpvraag, f.pad || ':' || e.regel"
    " FROM evaluaties e"
    " JOIN organisaties o ON o.id = e.organisatie"
    " LEFT JOIN specialisten s ON s.id = e.specialist"
    " JOIN import_bestanden f ON f.id = e.bestand"
    " WHERE e.datum BETWEEN ?1 AND ?2"
    " ORDER BY e.datum, e.rowid";

static const char sql_iz[] =
    "SELECT i.id, i.specialist, s.naam, i.datum, i.uren_x100, s.uurtarief_cent,"
    "  (i.uren_x100 * s.uurtarief_cent + 50) / 100,"
    "  i.hulpvraag, i.omschrijving, f.pad || ':' || i.regel"
    " FROM inzet i INDEXED BY inzet_datum"
    " JOIN specialisten s ON s.id = i.specialist"
    " JOIN import_bestanden f ON f.id = i.bestand"
    " WHERE i.datum BETWEEN ?1 AND ?2"
    " ORDER BY i.datum, i.rowid";

static const char *const count_sql[] = {
    "SELECT count(*) FROM hulpvragen WHERE ontvangen BETWEEN ?1 AND ?2",
    "SELECT count(*) FROM evaluaties WHERE datum BETWEEN ?1 AND ?2",
    "SELECT count(*) FROM inzet WHERE datum BETWEEN ?1 AND ?2",
};

struct pm_rows {
    sqlite3_stmt *st;
    const pm_rows_column *cols;
    size_t ncols;
    pm_row_value vals[16];
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

pm_error pm_rows_open(pm_rows **out, const pm_report *rep, pm_rows_kind kind, char *msg,
                      size_t msgsize)
{
    *out = NULL;
    pm_rows *rows = calloc(1, sizeof *rows);
    if (!rows)
        return PM_ERR_NOMEM;
    rows->cols = pm_rows_columns(kind, &rows->ncols);
    const char *sql = kind == PM_ROWS_HULPVRAGEN   ? sql_hv
                      : kind == PM_ROWS_EVALUATIES ? sql_ev
                                                   : sql_iz;
    sqlite3 *db = rep->ctx.db;
    if (sqlite3_prepare_v2(db, sql, -1, &rows->st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "detailgegevens: %s (SQLite: %s)", pm_store_reason(db),
                 sqlite3_errmsg(db));
        pm_rows_close(rows);
        return PM_ERR_DB;
    }
    sqlite3_bind_int64(rows->st, 1, rep->ctx.per_from);
    sqlite3_bind_int64(rows->st, 2, rep->ctx.per_to);
    if (kind == PM_ROWS_HULPVRAGEN)
        sqlite3_bind_int64(rows->st, 3, rep->ctx.peildatum);
    *out = rows;
    return PM_OK;
}

int pm_rows_next(pm_rows *rows, const pm_row_value **vals, char *msg, size_t msgsize)
{
    int rc = sqlite3_step(rows->st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW) {
        sqlite3 *db = sqlite3_db_handle(rows->st);
        snprintf(msg, msgsize, "detailgegevens: %s (SQLite: %s)", pm_store_reason(db),
                 sqlite3_errmsg(db));
        return -1;
    }
    for (size_t c = 0; c < rows->ncols; c++) {
        pm_row_value *v = &rows->vals[c];
        v->present = sqlite3_column_type(rows->st, (int)c) != SQLITE_NULL;
        v->text = NULL;
        v->num = 0;
        if (!v->present)
            continue;
        if (rows->cols[c].type == PM_COL_TEXT)
            v->text = (const char *)sqlite3_column_text(rows->st, (int)c);
        else
            v->num = sqlite3_column_int64(rows->st, (int)c);
    }
    *vals = rows->vals;
    return 1;
}

void pm_rows_close(pm_rows *rows)
{
    if (!rows)
        return;
    sqlite3_finalize(rows->st);
    free(rows);
}

long long pm_rows_count(const pm_report *rep, pm_rows_kind kind)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(rep->ctx.db, count_sql[kind], -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, rep->ctx.per_from);
        sqlite3_bind_int64(st, 2, rep->ctx.per_to);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}
