/* b.c — B "budget" (SPEC §5): realisatie (inzet hours × uurtarief plus
 * uitgaven) against the begroting, per range, per post and per quarter, and
 * the prognose for the peildatum's year against that year's begroting.
 *
 * The begroting is a few dozen lines: read once into a table of quarter
 * amounts per post. Inzet is the largest table: one grouped query scans it
 * once, joined with specialisten, and sums hours × rate per day; uitgaven
 * the same, also by post. C adds the days up into the ranges (periode,
 * cumulatief, the prognose stretch) and the trend quarters. Money stays in
 * integers (1/100 cent for realisatie, 1/12 cent for quarter amounts) until
 * rounded to the whole cents the results carry. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "columns.h"
#include "indicator.h"

enum { PER, CUM, PROG, NRANGES };

#define NPOST PM_BUDGET_NPOST
#define INHUUR PM_BUDGET_INHUUR
typedef pm_budget budget;

/* Realisatie in 1/100 cent: uren_x100 × uurtarief_cent, exact. */
typedef struct spend {
    int64_t x100[NPOST];
} spend;

/* Both queries read [?1, ?2], the union of the periode, cumulatief and
 * prognose ranges (all end on the peildatum); C adds each row to its day
 * and then each day to its ranges and quarter. inzet is the largest table
 * (3 rows per request): a plain scan without a join or GROUP BY, with the
 * 500-odd hourly rates looked up in C, instead of SQLite's join plus
 * GROUP BY, a sort that spills to disk (docs/PERFORMANCE.md). */
static const char sql_inzet[] = "SELECT datum, specialist, uren_x100"
                                " FROM inzet NOT INDEXED"
                                " WHERE datum BETWEEN ?1 AND ?2";

static const char sql_rates[] = "SELECT id, uurtarief_cent FROM specialisten ORDER BY id";

static const char sql_uitgaven[] = "SELECT datum, sum(bedrag_cent) * 100, post"
                                   " FROM uitgaven"
                                   " WHERE datum BETWEEN ?1 AND ?2"
                                   " GROUP BY datum, post";

static pm_day max_day(pm_day a, pm_day b)
{
    return a > b ? a : b;
}

static pm_day min_day(pm_day a, pm_day b)
{
    return a < b ? a : b;
}

/* The begroting of [from, to] in whole cents, as B reports it. */
static int64_t budget_range(const budget *b, int post, pm_day from, pm_day to,
                            bool *touched)
{
    return (int64_t)llround(pm_budget_range(b, post, from, to, touched));
}

static int64_t spend_total(const spend *s)
{
    int64_t t = 0;
    for (size_t p = 0; p < NPOST; p++)
        t += s->x100[p];
    return t;
}

/* Whole cents (half away from zero) from 1/100 cent: every amount B
 * reports is one the reader can add up, and waarde is exactly the reported
 * realisatie over the reported begroting. */
static int64_t whole_cents(int64_t x100)
{
    return x100 >= 0 ? (x100 + 50) / 100 : (x100 - 50) / 100;
}

/* realisatie over begroting, both in euros: the division the reports have
 * always shown (cents over cents may differ in the last bit). */
static double uitputting(int64_t realisatie, int64_t begroting)
{
    return pm_cents_to_euros(realisatie) / pm_cents_to_euros(begroting);
}

/* Compares money as the reports show it, in whole cents, so that a
 * prognose printed equal to the jaarbegroting is never over it. Returns the
 * status of `amount` against `limit` with the marge for oranje. */
static pm_status budget_status(int64_t amount, int64_t limit, double marge)
{
    double a = (double)amount, l = (double)limit;
    if (a <= l)
        return PM_GROEN;
    if (a <= marge * l + 1e-6)
        return PM_ORANJE;
    return PM_ROOD;
}

/* realisatie (B's teller), begroting (its noemer) and uitputting of one
 * range; teller and noemer stay 0: B's money is in the _cent fields. */
static void set_figures(pm_figures *f, int64_t real_x100, int64_t begroting, bool has)
{
    f->realisatie_cent = whole_cents(real_x100);
    f->begroting_cent = begroting;
    f->has_begroting = has;
    f->has_noemer = true;
    f->has_waarde = begroting > 0;
    f->waarde = begroting > 0 ? uitputting(f->realisatie_cent, begroting) : 0;
}

static pm_error set_cell(pm_cell *c, const char *key, int64_t real_x100,
                         int64_t begroting)
{
    c->realisatie_cent = whole_cents(real_x100);
    c->begroting_cent = begroting;
    c->has_waarde = begroting > 0;
    c->waarde = begroting > 0 ? uitputting(c->realisatie_cent, begroting) : 0;
    c->n = 0;
    return pm_cell_set_key(c, key, NULL);
}

/* Runs one of the two grouped queries and adds each day's total to the
 * ranges it belongs to and to its trend quarter. With `by_post` the third
 * column names the post; otherwise every row is inhuur. */
/* Adds x100 (1/100 cent) of one post spent on day to the ranges it falls in
 * and to its trend quarter. */
static void add_day(const pm_context *ctx, pm_day day, int post, int64_t x100,
                    pm_day prog_from, spend *ranges, spend *trend)
{
    bool in[NRANGES] = {day >= ctx->per_from && day <= ctx->per_to, day >= ctx->cum_from,
                        day >= prog_from};
    for (int r = 0; r < NRANGES; r++)
        if (in[r])
            ranges[r].x100[post] += x100;
    int quarter = pm_quarter_index(day);
    if (in[CUM] && quarter >= ctx->q_first && quarter <= ctx->q_last)
        trend[quarter - ctx->q_first].x100[post] += x100;
}

/* Where the scans begin: the earliest day of the periode, the cumulatief
 * and the prognose's stretch. The prognose is in it because a run whose
 * cumulatief starts later than the programme (an earlier quarter's or a
 * target period's run, report.c) still needs the year so far. */
static pm_day scan_start(const pm_context *ctx, pm_day prog_from)
{
    return min_day(min_day(ctx->per_from, ctx->cum_from), prog_from);
}

/* The uitgaven, grouped by day and post in SQL (a small table). */
static pm_error scan_uitgaven(const pm_context *ctx, pm_day prog_from, spend *ranges,
                              spend *trend, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_uitgaven, &st, msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, scan_start(ctx, prog_from));
    sqlite3_bind_int64(st, 2, ctx->peildatum);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int post = pm_budget_post_index((const char *)sqlite3_column_text(st, 2));
        if (post >= 0)
            add_day(ctx, (pm_day)sqlite3_column_int64(st, 0), post,
                    sqlite3_column_int64(st, 1), prog_from, ranges, trend);
    }
    if (rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

typedef struct rate {
    char *id;
    int64_t cent;
} rate;

static int compare_rate(const void *key, const void *elem)
{
    return strcmp(key, ((const rate *)elem)->id);
}

static void free_rates(rate *rates, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(rates[i].id);
    free(rates);
}

/* The hourly rates, sorted by id (SQLite's BINARY order is strcmp's). */
static pm_error load_rates(const pm_context *ctx, rate **out, size_t *n, char *msg,
                           size_t msgsize)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_rates, &st, msg, msgsize);
    size_t cap = 0;
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            rate *grown = realloc(*out, cap * sizeof **out);
            if (!grown) {
                err = PM_ERR_NOMEM;
                break;
            }
            *out = grown;
        }
        (*out)[*n].id = strdup((const char *)sqlite3_column_text(st, 0));
        (*out)[*n].cent = sqlite3_column_int64(st, 1);
        if (!(*out)[(*n)++].id)
            err = PM_ERR_NOMEM;
    }
    if (!err && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

/* The inzet: hours × rate per row, summed per day in C, then each day
 * added to its ranges. */
static pm_error scan_inzet(const pm_context *ctx, pm_day prog_from, spend *ranges,
                           spend *trend, char *msg, size_t msgsize)
{
    pm_day from = scan_start(ctx, prog_from), to = ctx->peildatum;
    if (from > to)
        return PM_OK;
    if (ctx->cols) {
        /* Summed per day already (columns.h). */
        for (pm_day d = from; d <= to; d++) {
            int64_t x100 = pm_columns_inzet(ctx->cols, d);
            if (x100)
                add_day(ctx, d, INHUUR, x100, prog_from, ranges, trend);
        }
        return PM_OK;
    }
    rate *rates;
    size_t nrates;
    pm_error err = load_rates(ctx, &rates, &nrates, msg, msgsize);
    int64_t *per_day = err ? NULL : calloc((size_t)(to - from + 1), sizeof *per_day);
    if (!err && !per_day)
        err = PM_ERR_NOMEM;
    sqlite3_stmt *st = NULL;
    if (!err)
        err = pm_prepare(ctx, sql_inzet, &st, msg, msgsize);
    if (!err) {
        sqlite3_bind_int64(st, 1, from);
        sqlite3_bind_int64(st, 2, to);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(st, 1);
            const rate *r = bsearch(id, rates, nrates, sizeof *rates, compare_rate);
            if (r)
                per_day[sqlite3_column_int64(st, 0) - from] +=
                    sqlite3_column_int64(st, 2) * r->cent;
        }
        if (rc != SQLITE_DONE)
            err = pm_sql_error(ctx, msg, msgsize);
    }
    sqlite3_finalize(st);
    for (pm_day d = from; !err && d <= to; d++)
        if (per_day[d - from])
            add_day(ctx, d, INHUUR, per_day[d - from], prog_from, ranges, trend);
    free(per_day);
    free_rates(rates, nrates);
    return err;
}

/* Realisatie from s through the peildatum ÷ those days × the days from s
 * through 31 December, s = max(1 January, programme start). When s lies
 * after the peildatum nothing can be extrapolated: the prognose is 0. */
static void prognose(const pm_context *ctx, const budget *b, const spend *prog,
                     pm_day prog_from, int64_t *out, int64_t *jaar, bool *none)
{
    int y, m, d;
    pm_day_to_ymd(ctx->peildatum, &y, &m, &d);
    /* The stretch ends on 31 December or at the end of the last target
     * period, whichever comes first (SPEC §5). */
    pm_day year_end = pm_day_from_ymd(y, 12, 31);
    pm_day targets_end = pm_config_targets_end(ctx->cfg_loaded);
    if (targets_end < year_end)
        year_end = targets_end;
    bool touched;
    *none = prog_from > year_end;
    *jaar = budget_range(b, -1, prog_from, year_end, &touched);
    *out = 0;
    if (prog_from > ctx->peildatum || prog_from > year_end)
        return;
    double elapsed = (double)(ctx->peildatum - prog_from + 1);
    double total = (double)(year_end - prog_from + 1);
    *out = (int64_t)llround((double)spend_total(prog) * total / elapsed / 100.0);
}

static pm_error post_breakdown(const pm_context *ctx, pm_result *r, const budget *b,
                               const spend *ranges)
{
    pm_error err = pm_breakdown_alloc(&r->breakdowns[0], "post", false, false, NPOST);
    if (err)
        return err;
    bool touched;
    for (size_t p = 0; p < NPOST && !err; p++) {
        int64_t per =
            budget_range(b, (int)p, ctx->period.start, ctx->period.end, &touched);
        int64_t cum = budget_range(b, (int)p, ctx->cum_from, ctx->cum_to, &touched);
        err = set_cell(&r->breakdowns[0].periode[p], pm_budget_posts[p],
                       ranges[PER].x100[p], per);
        if (!err)
            err = set_cell(&r->breakdowns[0].cumulatief[p], pm_budget_posts[p],
                           ranges[CUM].x100[p], cum);
    }
    return err;
}

static pm_error compute(const pm_context *ctx, pm_result *r, char *msg, size_t msgsize)
{
    const pm_config *cfg = ctx->cfg;
    /* doel 1.0: the realisatie up to the begroting */
    pm_error err = pm_result_begin(r, ctx, 1.0);
    if (err)
        return err;
    budget *b = calloc(1, sizeof *b);
    spend *trend = calloc(r->ntrend ? r->ntrend : 1, sizeof *trend);
    if (!b || !trend) {
        free(b);
        free(trend);
        return PM_ERR_NOMEM;
    }

    int y, m, d;
    pm_day_to_ymd(ctx->peildatum, &y, &m, &d);
    pm_day prog_from = max_day(pm_day_from_ymd(y, 1, 1), cfg->programma_start);
    spend ranges[NRANGES] = {0};

    err = pm_budget_load(ctx, b, msg, msgsize);
    if (!err)
        err = scan_inzet(ctx, prog_from, ranges, trend, msg, msgsize);
    if (!err)
        err = scan_uitgaven(ctx, prog_from, ranges, trend, msg, msgsize);

    if (!err) {
        int64_t prog, jaar;
        bool none;
        prognose(ctx, b, &ranges[PROG], prog_from, &prog, &jaar, &none);
        /* SPEC §3: B's periode begroting is that of the whole period, even
         * when the peildatum cuts the realisatie short. */
        bool has;
        int64_t bud = budget_range(b, -1, ctx->period.start, ctx->period.end, &has);
        set_figures(&r->periode, spend_total(&ranges[PER]), bud, has);
        bud = budget_range(b, -1, ctx->cum_from, ctx->cum_to, &has);
        set_figures(&r->cumulatief, spend_total(&ranges[CUM]), bud, has);
        /* grijs without a begroting for the year, and before the programme
         * has started in it: nothing to extrapolate from yet. */
        pm_status status = PM_GRIJS;
        if (jaar > 0 && prog_from <= ctx->peildatum)
            status = budget_status(prog, jaar, cfg->b_marge);
        pm_figures *both[] = {&r->periode, &r->cumulatief};
        for (int i = 0; i < 2; i++) {
            both[i]->prognose_cent = prog;
            both[i]->jaarbegroting_cent = jaar;
            both[i]->geen_prognose = none;
        }
        r->cumulatief.status = status;
        r->cumulatief.reden = PM_REDEN_PROGNOSE;
        /* SPEC §5: the periode, like each trend quarter, is judged on its
         * own uitputting (a range 10% over budget is never groen), grijs
         * without a begroting in the range. */
        r->periode.status = r->periode.has_begroting
                                ? budget_status(r->periode.realisatie_cent,
                                                r->periode.begroting_cent, cfg->b_marge)
                                : PM_GRIJS;
        /* A quarter of the trend has no prognose of its own, so its status
         * is the quarter's own uitputting by the same rule. */
        for (size_t i = 0; i < r->ntrend; i++) {
            pm_figures *f = &r->trend[i].f;
            bud = budget_range(b, -1, f->from, f->to, &has);
            set_figures(f, spend_total(&trend[i]), bud, has);
            f->prognose_cent = 0;
            f->jaarbegroting_cent = 0;
            f->status =
                has ? budget_status(f->realisatie_cent, bud, cfg->b_marge) : PM_GRIJS;
        }
        err = pm_result_alloc_breakdowns(r, 1);
    }
    if (!err)
        err = post_breakdown(ctx, r, b, ranges);
    free(b);
    free(trend);
    return err;
}

const pm_indicator pm_indicator_b = {"B", compute};
