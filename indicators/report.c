/* report.c — sets up the ranges and the working-day table, then runs every
 * registered indicator in one read transaction. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "store.h"

/* Days of margin after the peildatum in the calendar: the deadline of a
 * request received on the peildatum lies at most 5 working days later, and
 * the longest run of closed days (Christmas into New Year) adds a week. */
#define CALENDAR_MARGIN 60

static pm_day min_day(pm_day a, pm_day b)
{
    return a < b ? a : b;
}

/* Loads the calendar into TEMP TABLE kalender(dag, nr, deadline, kwartaal):
 * nr is the running working-day number, deadline the 5th working day after
 * dag. With it, R1 is one query: no loop over days in C. */
static pm_error load_calendar(pm_report *rep, char *msg, size_t msgsize)
{
    sqlite3 *db = rep->ctx.db;
    pm_error err = pm_store_exec(db,
                                 "DROP TABLE IF EXISTS temp.kalender;"
                                 "CREATE TEMP TABLE kalender (dag INTEGER PRIMARY KEY, "
                                 "nr INTEGER NOT NULL, deadline INTEGER, "
                                 "kwartaal INTEGER NOT NULL)",
                                 msg, msgsize);
    if (err)
        return err;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO temp.kalender VALUES (?1, ?2, ?3, ?4)", -1,
                           &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "kalender: %s", sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    const pm_calendar *cal = &rep->cal;
    for (pm_day d = cal->first; d <= cal->last; d++) {
        pm_day deadline = pm_calendar_deadline(cal, d, 5);
        sqlite3_bind_int64(st, 1, d);
        sqlite3_bind_int64(st, 2, cal->nr[d - cal->first]);
        if (deadline >= 0)
            sqlite3_bind_int64(st, 3, deadline);
        else
            sqlite3_bind_null(st, 3);
        sqlite3_bind_int64(st, 4, pm_quarter_index(d));
        if (sqlite3_step(st) != SQLITE_DONE) {
            snprintf(msg, msgsize, "kalender: %s", sqlite3_errmsg(db));
            sqlite3_finalize(st);
            return PM_ERR_DB;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return PM_OK;
}

/* The main date field of each dataset (pm_kind order), per SPEC §5's
 * "How far the data reach"; the SQL below is built from these constants
 * only. Withdrawn rows have left their tables, so they never count. */
static const char *const date_fields[PM_NKINDS] = {
    [PM_HULPVRAGEN] = "ontvangen", [PM_INZET] = "datum",
    [PM_EVALUATIES] = "datum",     [PM_KENNISPRODUCTEN] = "gepubliceerd",
    [PM_MIJLPALEN] = "gereed",     [PM_UITGAVEN] = "datum",
};

const char *pm_report_date_field(int kind)
{
    return kind >= 0 && kind < PM_NKINDS ? date_fields[kind] : NULL;
}

/* Fills has_tot and gegevens_tot: max() of each main date field, which the
 * date indexes answer without a scan. */
static pm_error read_reach(pm_report *rep, char *msg, size_t msgsize)
{
    for (int k = 0; k < PM_NKINDS; k++) {
        if (!date_fields[k])
            continue;
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT max(\"%s\") FROM \"%s\"", date_fields[k],
                 pm_dataset_get((pm_kind)k)->name);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(rep->ctx.db, sql, -1, &st, NULL) != SQLITE_OK) {
            snprintf(msg, msgsize, "gegevens tot: %s", sqlite3_errmsg(rep->ctx.db));
            return PM_ERR_DB;
        }
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
            rep->has_tot[k] = true;
            rep->gegevens_tot[k] = (pm_day)sqlite3_column_int64(st, 0);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW) {
            snprintf(msg, msgsize, "gegevens tot: %s", sqlite3_errmsg(rep->ctx.db));
            return PM_ERR_DB;
        }
    }
    return PM_OK;
}

static void set_ranges(pm_context *ctx, const pm_config *cfg, const pm_period *period,
                       pm_day peil)
{
    ctx->period = *period;
    ctx->peildatum = peil;
    ctx->per_from = period->start;
    ctx->per_to = min_day(period->end, peil);
    ctx->cum_from = cfg->programma_start;
    ctx->cum_to = peil;
    if (peil >= cfg->programma_start) {
        ctx->q_first = pm_quarter_index(cfg->programma_start);
        ctx->q_last = pm_quarter_index(peil);
    } else {
        ctx->q_first = 1;
        ctx->q_last = 0; /* no trend before the programme starts */
    }
}

pm_error pm_report_compute(pm_report *rep, sqlite3 *db, const pm_config *cfg,
                           const pm_period *period, pm_day peildatum, char *msg,
                           size_t msgsize)
{
    memset(rep, 0, sizeof *rep);
    rep->ctx.db = db;
    rep->ctx.cfg = cfg;
    rep->ctx.cal = &rep->cal;
    set_ranges(&rep->ctx, cfg, period, peildatum);

    /* From the earliest day any range or the peildatum needs; a week of
     * margin so a request's day before its range still has a number. */
    pm_day first = min_day(min_day(rep->ctx.per_from, rep->ctx.cum_from), peildatum) - 7;
    pm_error err = pm_calendar_build(&rep->cal, first, peildatum + CALENDAR_MARGIN,
                                     cfg->closed_days, cfg->nclosed);
    if (err) {
        snprintf(msg, msgsize, "de werkdagenkalender kan niet worden gemaakt");
        return err;
    }

    /* One snapshot for every query, kept until pm_report_free so the row
     * detail of the workbook comes from the same data: an import committing
     * meanwhile is seen entirely or not at all. */
    err = pm_store_exec(db, "BEGIN", msg, msgsize);
    if (err)
        return err;
    rep->in_transaction = true;
    err = load_calendar(rep, msg, msgsize);

    for (size_t k = 0; k < PM_NKINDS && !err; k++)
        rep->rows[k] = pm_store_count(db, pm_dataset_get((pm_kind)k)->name);
    if (!err)
        err = read_reach(rep, msg, msgsize);

    size_t n;
    const pm_indicator *const *list = pm_indicators(&n);
    if (!err) {
        rep->results = calloc(n, sizeof *rep->results);
        if (!rep->results)
            err = PM_ERR_NOMEM;
    }
    for (size_t i = 0; i < n && !err; i++) {
        rep->nresults = i + 1;
        rep->results[i].id = list[i]->id;
        err = list[i]->compute(&rep->ctx, &rep->results[i], msg, msgsize);
        rep->results[i].status = rep->results[i].cumulatief.status;
    }
    return err;
}

void pm_report_free(pm_report *rep)
{
    if (!rep)
        return;
    if (rep->in_transaction) {
        char ignored[128];
        pm_store_exec(rep->ctx.db, "COMMIT", ignored, sizeof ignored);
    }
    for (size_t i = 0; i < rep->nresults; i++)
        pm_result_free(&rep->results[i]);
    free(rep->results);
    pm_calendar_free(&rep->cal);
    memset(rep, 0, sizeof *rep);
}

const pm_result *pm_report_find(const pm_report *rep, const char *id)
{
    for (size_t i = 0; i < rep->nresults; i++)
        if (strcmp(rep->results[i].id, id) == 0)
            return &rep->results[i];
    return NULL;
}
