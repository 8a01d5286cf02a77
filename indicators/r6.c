/* r6.c — R6 "kennisproducten" (SPEC §5): the number of knowledge products
 * published in the range and actively spread, by soort and by pijler.
 *
 * One query counts the spread products published from the earliest range
 * start through the peildatum, grouped by day, soort and pijler; C adds them
 * up. R6 is a count with a cumulative target, so the status of the periode,
 * the cumulatief and each trend quarter is decided on the count in its
 * target period through that range's end, against the pace needed to reach
 * the target by the target period's end. */
#include <stdio.h>
#include <stdlib.h>

#include "indicator.h"
#include "orgs.h" /* pm_index_of */

enum { PER, CUM };

static const char *const soorten[] = {"handleiding", "factsheet",         "webinar",
                                      "podcast",     "kennisbijeenkomst", "publicatie",
                                      "overig"};
static const char *const pijlers[] = {"2", "3", "2+3"};

#define NSOORT (sizeof soorten / sizeof soorten[0])
#define NPIJLER (sizeof pijlers / sizeof pijlers[0])

typedef struct r6_counts {
    long total[2];
    long soort[2][NSOORT];
    long pijler[2][NPIJLER];
} r6_counts;

/* Actively spread: at least one channel, or a reach above zero. The
 * importer stores no channels as NULL; '' is guarded against all the same. */
static const char sql_r6[] =
    "SELECT gepubliceerd, soort, pijler, count(*)"
    " FROM kennisproducten"
    " WHERE gepubliceerd BETWEEN ?1 AND ?2"
    "   AND ((kanalen IS NOT NULL AND kanalen <> '') OR bereik > 0)"
    " GROUP BY 1, 2, 3";

static bool in_range(pm_day d, pm_day from, pm_day to)
{
    return d >= from && d <= to;
}

/* SPEC §5's R6 rule for `count` products published in the target period
 * [tp_from, tp_to] through `at`: groen when the target is reached; oranje
 * when the pace so far, stretched over the whole target period, reaches it
 * (exactly, in integers: count × period days >= doel × days so far, both
 * inclusive; after its end the days so far are the period's, so on and
 * after the last day only the target itself counts); else rood. Before the
 * period starts nothing can be judged: grijs. */
static pm_status r6_status(long long doel, long count, pm_day tp_from, pm_day tp_to,
                           pm_day at)
{
    if (at < tp_from)
        return PM_GRIJS;
    if (count >= doel)
        return PM_GROEN;
    pm_day end = at < tp_to ? at : tp_to;
    long long elapsed = (long long)end - tp_from + 1;
    long long days = (long long)tp_to - tp_from + 1;
    if ((long long)count * days >= doel * elapsed)
        return PM_ORANJE;
    return PM_ROOD;
}

static void count_figures(pm_figures *f, long aantal, long aantal_doel, pm_status status)
{
    f->teller = (double)aantal;
    f->aantal = aantal;
    f->aantal_doel = aantal_doel;
    f->has_noemer = false;
    f->has_waarde = false;
    f->has_interval = false;
    f->status = status;
}

/* A count breakdown over a fixed list of keys, every key always present.
 * noemer is the range's total, so a reader can take a share; no waarde. */
static pm_error count_breakdown(pm_breakdown *b, const char *key,
                                const char *const *names, size_t n, const long *per,
                                const long *cum, const long total[2])
{
    pm_error err = pm_breakdown_alloc(b, key, false, false, n);
    if (err)
        return err;
    for (int rg = PER; rg <= CUM; rg++) {
        pm_cell *cells = rg == PER ? b->periode : b->cumulatief;
        for (size_t i = 0; i < n; i++) {
            pm_cell_set_key(&cells[i], names[i], NULL);
            long count = rg == PER ? per[i] : cum[i];
            cells[i].teller = (double)count;
            cells[i].noemer = (double)total[rg];
            cells[i].n = count;
        }
    }
    return PM_OK;
}

static pm_error compute(const pm_context *ctx, pm_result *r, char *msg, size_t msgsize)
{
    const pm_config *cfg = ctx->cfg;
    pm_error err = pm_result_begin(r, ctx, (double)cfg->doel_r6);
    if (err)
        return err;
    long *trend = calloc(r->ntrend ? r->ntrend : 1, sizeof *trend);
    if (!trend)
        return PM_ERR_NOMEM;
    r6_counts c = {0};
    long in_tp = 0; /* published in the target period through the peildatum */

    sqlite3_stmt *st = NULL;
    err = pm_prepare(ctx, sql_r6, &st, msg, msgsize);
    if (!err) {
        /* From the target period's start too: its count through the
         * peildatum decides every status, whatever the ranges. */
        pm_day from = pm_scan_from(ctx);
        sqlite3_bind_int64(st, 1, ctx->tp_from < from ? ctx->tp_from : from);
        sqlite3_bind_int64(st, 2, ctx->peildatum);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            pm_day d = (pm_day)sqlite3_column_int64(st, 0);
            int so =
                pm_index_of(soorten, NSOORT, (const char *)sqlite3_column_text(st, 1));
            int pi =
                pm_index_of(pijlers, NPIJLER, (const char *)sqlite3_column_text(st, 2));
            long n = (long)sqlite3_column_int64(st, 3);
            bool in[2] = {in_range(d, ctx->per_from, ctx->per_to),
                          in_range(d, ctx->cum_from, ctx->cum_to)};
            if (in_range(d, ctx->tp_from, ctx->tp_to))
                in_tp += n;
            for (int rg = PER; rg <= CUM; rg++) {
                if (!in[rg])
                    continue;
                c.total[rg] += n;
                if (so >= 0)
                    c.soort[rg][so] += n;
                if (pi >= 0)
                    c.pijler[rg][pi] += n;
            }
            /* The trend quarters tile the cumulatief range exactly. */
            if (in[CUM]) {
                size_t q = (size_t)(pm_quarter_index(d) - ctx->q_first);
                if (q < r->ntrend)
                    trend[q] += n;
            }
        }
        if (rc != SQLITE_DONE)
            err = pm_sql_error(ctx, msg, msgsize);
        sqlite3_finalize(st);
    }

    if (!err) {
        /* Both objects carry the status of the count in the target period
         * (SPEC §3: each target period counts from its own start). */
        pm_status status =
            r6_status(cfg->doel_r6, in_tp, ctx->tp_from, ctx->tp_to, ctx->peildatum);
        count_figures(&r->periode, c.total[PER], in_tp, status);
        count_figures(&r->cumulatief, c.total[CUM], in_tp, status);
        /* A trend quarter is judged in the target period holding its end,
         * counting from that period's start; the report greys out the
         * quarters no single target period holds. */
        long running = 0;
        int tp_prev = -1;
        for (size_t i = 0; i < r->ntrend; i++) {
            pm_figures *f = &r->trend[i].f;
            int tp = pm_config_target_period_at(ctx->cfg_loaded, f->to);
            if (tp != tp_prev)
                running = 0;
            tp_prev = tp;
            running += trend[i];
            pm_status st = PM_GRIJS;
            if (tp >= 0) {
                pm_day a, b;
                pm_targets t;
                pm_config_target_period(ctx->cfg_loaded, (size_t)tp, &a, &b, &t);
                st = r6_status(t.doel_r6, running, a, b, f->to);
            }
            count_figures(f, trend[i], running, st);
        }
        err = pm_result_alloc_breakdowns(r, 2);
    }
    if (!err)
        err = count_breakdown(&r->breakdowns[0], "soort", soorten, NSOORT, c.soort[PER],
                              c.soort[CUM], c.total);
    if (!err)
        err = count_breakdown(&r->breakdowns[1], "pijler", pijlers, NPIJLER,
                              c.pijler[PER], c.pijler[CUM], c.total);
    free(trend);
    return err;
}

const pm_indicator pm_indicator_r6 = {"R6", compute};
