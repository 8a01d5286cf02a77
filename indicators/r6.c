/* r6.c — R6 "kennisproducten" (SPEC §5): the number of knowledge products
 * published in the range and actively spread, by soort and by pijler.
 *
 * One query counts the spread products published from the earliest range
 * start through the peildatum, grouped by day, soort and pijler; C adds them
 * up. R6 is a count with a cumulative target, so the status of the periode,
 * the cumulatief and each trend quarter is decided on the cumulative count
 * through that range's end, against the pace needed to reach the target by
 * the programme end. */
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

/* SPEC §5's R6 rule for `cumulative` products counted from the programme
 * start through `at`: groen when the target is reached; oranje when the
 * pace so far, stretched over the whole programme, reaches it (exactly, in
 * integers: count × programme days >= doel × days so far, both inclusive;
 * after the programme end the days so far are the programme's); else rood.
 * Before the programme starts nothing can be judged: grijs. */
static pm_status r6_status(const pm_config *cfg, long cumulative, pm_day at)
{
    long long doel = cfg->doel_r6;
    if (at < cfg->programma_start)
        return PM_GRIJS;
    if (cumulative >= doel)
        return PM_GROEN;
    pm_day end = at < cfg->programma_einde ? at : cfg->programma_einde;
    long long elapsed = (long long)end - cfg->programma_start + 1;
    long long days = (long long)cfg->programma_einde - cfg->programma_start + 1;
    if ((long long)cumulative * days >= doel * elapsed)
        return PM_ORANJE;
    return PM_ROOD;
}

static void count_figures(pm_figures *f, long aantal, pm_status status)
{
    f->teller = (double)aantal;
    f->aantal = aantal;
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

    sqlite3_stmt *st = NULL;
    err = pm_prepare(ctx, sql_r6, &st, msg, msgsize);
    if (!err) {
        sqlite3_bind_int64(st, 1, pm_scan_from(ctx));
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
        /* Both objects carry the status of the cumulative count. */
        pm_status status = r6_status(cfg, c.total[CUM], ctx->peildatum);
        count_figures(&r->periode, c.total[PER], status);
        count_figures(&r->cumulatief, c.total[CUM], status);
        long running = 0;
        for (size_t i = 0; i < r->ntrend; i++) {
            running += trend[i];
            pm_figures *f = &r->trend[i].f;
            count_figures(f, trend[i], r6_status(cfg, running, f->to));
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
