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
static pm_error load_calendar(pm_snapshot *snap, char *msg, size_t msgsize)
{
    sqlite3 *db = snap->db;
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
    const pm_calendar *cal = &snap->cal;
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

pm_error pm_snapshot_begin(pm_snapshot *snap, sqlite3 *db, char *msg, size_t msgsize)
{
    memset(snap, 0, sizeof *snap);
    snap->db = db;
    pm_error err = pm_store_exec(db, "BEGIN", msg, msgsize);
    snap->in_transaction = !err;
    return err;
}

void pm_snapshot_end(pm_snapshot *snap)
{
    if (!snap)
        return;
    if (snap->in_transaction) {
        char ignored[128];
        pm_store_exec(snap->db, "COMMIT", ignored, sizeof ignored);
    }
    pm_calendar_free(&snap->cal);
    memset(snap, 0, sizeof *snap);
}

pm_error pm_report_compute(pm_report *rep, pm_snapshot *snap, const pm_config *cfg,
                           const pm_period *period, pm_day peildatum, char *msg,
                           size_t msgsize)
{
    memset(rep, 0, sizeof *rep);
    /* A snapshot serves every report of a command: the calendar of the
     * previous one goes. */
    pm_calendar_free(&snap->cal);
    memset(&snap->ctx, 0, sizeof snap->ctx);
    snap->ctx.db = snap->db;
    snap->ctx.cfg = cfg;
    snap->ctx.cal = &snap->cal;
    set_ranges(&snap->ctx, cfg, period, peildatum);
    const pm_context *ctx = &snap->ctx;
    rep->scope = (pm_scope){.cfg = cfg,
                            .period = ctx->period,
                            .peildatum = ctx->peildatum,
                            .per_from = ctx->per_from,
                            .per_to = ctx->per_to,
                            .cum_from = ctx->cum_from,
                            .cum_to = ctx->cum_to,
                            .q_first = ctx->q_first,
                            .q_last = ctx->q_last};

    /* From the earliest day any range or the peildatum needs; a week of
     * margin so a request's day before its range still has a number. */
    pm_day first = min_day(min_day(ctx->per_from, ctx->cum_from), peildatum) - 7;
    pm_error err = pm_calendar_build(&snap->cal, first, peildatum + CALENDAR_MARGIN,
                                     cfg->closed_days, cfg->nclosed);
    if (err) {
        snprintf(msg, msgsize, "de werkdagenkalender kan niet worden gemaakt");
        return err;
    }
    err = load_calendar(snap, msg, msgsize);

    for (size_t k = 0; k < PM_NKINDS && !err; k++)
        rep->rows[k] = pm_store_count(snap->db, pm_dataset_get((pm_kind)k)->name);

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
        err = list[i]->compute(ctx, &rep->results[i], msg, msgsize);
        if (!err)
            err = pm_result_check_keys(&rep->results[i]);
        rep->results[i].status = rep->results[i].cumulatief.status;
    }
    return err;
}

void pm_report_free(pm_report *rep)
{
    if (!rep)
        return;
    for (size_t i = 0; i < rep->nresults; i++)
        pm_result_free(&rep->results[i]);
    free(rep->results);
    memset(rep, 0, sizeof *rep);
}
