/* r2.c — R2 "waardering ondersteuning" (SPEC §5): of the gemeenten and SOB's
 * with an ondersteuning evaluation in the range, the share whose mean is >= 7.0.
 *
 * One grouped query gives the sum and count of the scores per organisation,
 * quarter, range membership and whole score, ordered by organisation; C adds
 * each organisation's groups up per range (its mean differs per range),
 * decides satisfaction exactly in tenths, and fills the figures, the regio
 * and type breakdowns, the score histogram, the per-organisation scores and
 * the trend. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "columns.h"
#include "filter.h"
#include "indicator.h"
#include "orgs.h"

enum { PER, CUM };

#define NSCORES 10 /* histogram buckets "1" .. "10" */

static const char *const score_keys[NSCORES] = {"1", "2", "3", "4", "5",
                                                "6", "7", "8", "9", "10"};

/* The regios and types of pm_regios and pm_org_types (dataset.h); R2 rates
 * only the first two types, gemeente and sob, not the opdrachtgever. */
#define NREG PM_NREGIOS
#define NTYPE 2

/* The evaluations of the ranges, in a plain scan: C adds them up per
 * organisation (looked up in the organisation table) instead of SQLite
 * joining and grouping, which sorted every row twice (docs/PERFORMANCE.md). */
static const char sql_r2[] = "SELECT organisatie, datum, score_x10"
                             " FROM evaluaties NOT INDEXED"
                             " WHERE soort = 'ondersteuning' AND datum BETWEEN ?1 AND ?2";

/* Satisfied organisations out of rated organisations. */
typedef struct tally {
    long satisfied;
    long rated;
} tally;

/* One organisation while its rows stream in. */
typedef struct org {
    const char *id;   /* borrowed from the organisation table; NULL: none */
    const char *naam; /* borrowed from the organisation table */
    int regio, type;  /* index into pm_regios / pm_org_types, -1 when unknown */
    pm_scores range[2];
    pm_scores *quarter; /* ntrend entries */
} org;

/* A growing list of the per-organisation cells, periode and cumulatief. */
typedef struct cell_list {
    pm_cell *per, *cum;
    size_t n, cap;
} cell_list;

typedef struct r2_counts {
    tally total[2];
    tally regio[NREG][2];
    tally type[NTYPE][2];
    long scores[2][NSCORES + 1]; /* index = whole score 1..10 */
    tally *trend;                /* ntrend entries */
    cell_list cells;
} r2_counts;

/* Adds one organisation's scores in a range to t: rated when it has any,
 * satisfied when their mean is at least 7.0, decided on integers. */
static void tally_add(tally *t, const pm_scores *s)
{
    if (s->n == 0)
        return;
    t->rated++;
    if (pm_scores_satisfied(s))
        t->satisfied++;
}

static void tally_figures(const tally *t, pm_figures *f, const pm_config *cfg)
{
    f->teller = (double)t->satisfied;
    f->noemer = (double)t->rated;
    pm_figures_proportion(f, cfg->doel_r2, cfg->min_n);
}

static void tally_cell(const tally *t, pm_cell *c, const char *key, const pm_config *cfg)
{
    pm_figures f = {0};
    tally_figures(t, &f, cfg);
    pm_cell_from_figures(c, key, &f, t->rated);
}

/* The scores of one organisation in one range: teller the sum in points,
 * noemer the number of evaluations, waarde the mean score (1..10). */
static void score_cell(const pm_scores *s, const org *o, pm_cell *c)
{
    pm_cell_set_key(c, o->id, o->naam);
    pm_cell_from_scores(c, s);
}

static pm_error cells_push(cell_list *l, const org *o)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        pm_cell *per = realloc(l->per, cap * sizeof *per);
        if (!per)
            return PM_ERR_NOMEM;
        l->per = per;
        pm_cell *cum = realloc(l->cum, cap * sizeof *cum);
        if (!cum)
            return PM_ERR_NOMEM;
        l->cum = cum;
        l->cap = cap;
    }
    memset(&l->per[l->n], 0, sizeof l->per[l->n]);
    memset(&l->cum[l->n], 0, sizeof l->cum[l->n]);
    score_cell(&o->range[PER], o, &l->per[l->n]);
    score_cell(&o->range[CUM], o, &l->cum[l->n]);
    l->n++;
    return PM_OK;
}

/* Adds the organisation whose rows have all been read to the counts, then
 * clears it for the next one. */
static pm_error org_flush(org *o, r2_counts *c, size_t ntrend, bool cells)
{
    if (!o->id)
        return PM_OK;
    for (int rg = PER; rg <= CUM; rg++) {
        tally_add(&c->total[rg], &o->range[rg]);
        if (o->regio >= 0)
            tally_add(&c->regio[o->regio][rg], &o->range[rg]);
        if (o->type >= 0)
            tally_add(&c->type[o->type][rg], &o->range[rg]);
    }
    for (size_t q = 0; q < ntrend; q++)
        tally_add(&c->trend[q], &o->quarter[q]);
    pm_error err = PM_OK;
    /* A cell for every organisation rated in either range; the periode
     * normally lies inside the cumulatief, but not when it starts before
     * the programme. */
    if (cells && o->range[PER].n + o->range[CUM].n > 0)
        err = cells_push(&c->cells, o);
    o->id = NULL;
    memset(o->range, 0, sizeof o->range);
    /* o->quarter points into the shared accumulator right after this
     * organisation's two ranges; without a trend that is the next
     * organisation's periode, which must not be cleared. */
    if (ntrend)
        memset(o->quarter, 0, ntrend * sizeof *o->quarter);
    return err;
}

/* Adds one evaluation of organisation p (NULL when not in the table) on
 * day with score x10 to its per-organisation sums in acc (stride per
 * organisation: PER, CUM, then the quarters) and to the histogram. */
static void count_evaluation(const pm_context *ctx, r2_counts *c,
                             const pm_org_table *orgs, pm_scores *acc, size_t stride,
                             const pm_org *p, pm_day day, int64_t x10)
{
    if (!p || p->type < 0 || p->type >= (int)NTYPE) /* gemeenten and SOB's only */
        return;
    if (!pm_org_in_filter(ctx, p)) /* SPEC §9: only the filter's organisations */
        return;
    pm_scores *a = &acc[(size_t)(p - orgs->orgs) * stride];
    int whole = (int)(x10 / 10);
    int in[2] = {day >= ctx->per_from && day <= ctx->per_to, day >= ctx->cum_from};
    for (int rg = PER; rg <= CUM; rg++) {
        if (!in[rg])
            continue;
        a[rg].sum_x10 += x10;
        a[rg].n++;
        /* The schema allows scores 1.0 .. 10.0 only. */
        if (whole >= 1 && whole <= NSCORES)
            c->scores[rg][whole]++;
    }
    int quarter = pm_quarter_index(day);
    if (in[CUM] && quarter >= ctx->q_first && quarter <= ctx->q_last) {
        a[2 + quarter - ctx->q_first].sum_x10 += x10;
        a[2 + quarter - ctx->q_first].n++;
    }
}

/* count_evaluation over the rows [lo, hi) in memory (columns.h, sorted by
 * day): whether an organisation counts in one byte per organisation (66 kB
 * at 1M, instead of the 1.6 MB table read at random), and the day's ranges
 * and trend quarter once per day. The same sums. */
static pm_error count_columns(const pm_context *ctx, r2_counts *c,
                              const pm_org_table *orgs, pm_scores *acc, size_t stride,
                              size_t lo, size_t hi)
{
    bool *counts = malloc(orgs->n ? orgs->n : 1);
    if (!counts)
        return PM_ERR_NOMEM;
    for (size_t i = 0; i < orgs->n; i++) {
        const pm_org *p = &orgs->orgs[i];
        /* gemeenten and SOB's only; SPEC §9: only the filter's organisations */
        counts[i] = p->type >= 0 && p->type < (int)NTYPE && pm_org_in_filter(ctx, p);
    }
    pm_day day = 0;
    bool have_day = false;
    int in[2] = {0, 0};
    long q = -1; /* the day's trend index, -1 outside the trend */
    for (size_t i = lo; i < hi; i++) {
        const pm_support_row *e = &ctx->cols->support[i];
        if (e->org < 0 || !counts[e->org])
            continue;
        if (!have_day || e->datum != day) {
            have_day = true;
            day = e->datum;
            in[PER] = day >= ctx->per_from && day <= ctx->per_to;
            in[CUM] = day >= ctx->cum_from;
            int quarter = pm_quarter_index(day);
            q = in[CUM] && quarter >= ctx->q_first && quarter <= ctx->q_last
                    ? quarter - ctx->q_first
                    : -1;
        }
        pm_scores *a = &acc[(size_t)e->org * stride];
        int64_t x10 = e->score_x10;
        int whole = (int)(x10 / 10);
        for (int rg = PER; rg <= CUM; rg++) {
            if (!in[rg])
                continue;
            a[rg].sum_x10 += x10;
            a[rg].n++;
            /* The schema allows scores 1.0 .. 10.0 only. */
            if (whole >= 1 && whole <= NSCORES)
                c->scores[rg][whole]++;
        }
        if (q >= 0) {
            a[2 + q].sum_x10 += x10;
            a[2 + q].n++;
        }
    }
    free(counts);
    return PM_OK;
}

/* Reads the evaluations into per-organisation sums (range and quarter),
 * then hands the organisations to org_flush in id order, as the cells of
 * the personal breakdown are listed. */
static pm_error read_orgs(const pm_context *ctx, r2_counts *c, size_t ntrend, char *msg,
                          size_t msgsize)
{
    pm_org_table own;
    const pm_org_table *orgs;
    pm_error err = pm_org_table_use(ctx, &own, &orgs, msg, msgsize);
    size_t stride = 2 + ntrend; /* PER, CUM, then the quarters */
    /* 9.6 MB per run at 1M: in huge pages, zeroes written (bigmem.h). */
    pm_scores *acc = err ? NULL : pm_big_zalloc(orgs->n * stride + 1, sizeof *acc);
    if (!err && !acc)
        err = PM_ERR_NOMEM;
    sqlite3_stmt *st = NULL;
    if (!err && ctx->cols) {
        /* The rows in memory (columns.h), indexed in ctx->orgs. */
        size_t lo, hi;
        pm_columns_support(ctx->cols, pm_scan_from(ctx), ctx->peildatum, &lo, &hi);
        err = count_columns(ctx, c, orgs, acc, stride, lo, hi);
    } else if (!err) {
        err = pm_prepare(ctx, sql_r2, &st, msg, msgsize);
    }
    if (st) {
        sqlite3_bind_int64(st, 1, pm_scan_from(ctx));
        sqlite3_bind_int64(st, 2, ctx->peildatum);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const pm_org *p = pm_org_find(orgs, (const char *)sqlite3_column_text(st, 0));
            count_evaluation(ctx, c, orgs, acc, stride, p,
                             (pm_day)sqlite3_column_int64(st, 1),
                             sqlite3_column_int64(st, 2));
        }
        if (rc != SQLITE_DONE)
            err = pm_sql_error(ctx, msg, msgsize);
    }
    sqlite3_finalize(st);
    org o = {0};
    for (size_t i = 0; !err && i < orgs->n; i++) {
        const pm_scores *a = &acc[i * stride];
        if (a[PER].n + a[CUM].n == 0)
            continue; /* not rated in either range, so in no quarter either */
        /* Borrowed: the cells copy what they keep (pm_cell_set_key), so a
         * copy per rated organisation per run was only work. */
        o.id = orgs->orgs[i].id;
        o.naam = orgs->orgs[i].naam;
        o.regio = orgs->orgs[i].regio;
        o.type = orgs->orgs[i].type;
        o.range[PER] = a[PER];
        o.range[CUM] = a[CUM];
        o.quarter = (pm_scores *)&a[2];
        err = org_flush(&o, c, ntrend, !ctx->no_breakdowns);
    }
    free(acc);
    pm_org_table_free(&own);
    return err;
}

/* regio or type: a fixed list of categories, every one shown. */
static pm_error tally_breakdown(pm_breakdown *b, const char *key, const tally (*t)[2],
                                const char *const *names, size_t n, const pm_config *cfg)
{
    pm_error err = pm_breakdown_alloc(b, key, false, true, n);
    if (err)
        return err;
    for (size_t i = 0; i < n; i++) {
        tally_cell(&t[i][PER], &b->periode[i], names[i], cfg);
        tally_cell(&t[i][CUM], &b->cumulatief[i], names[i], cfg);
    }
    return PM_OK;
}

/* The histogram: each cell the evaluations with that whole score, as a
 * share of all evaluations in the range. */
static pm_error score_breakdown(pm_breakdown *b, const r2_counts *c)
{
    pm_error err = pm_breakdown_alloc(b, "scores", false, true, NSCORES);
    if (err)
        return err;
    for (int rg = PER; rg <= CUM; rg++) {
        pm_cell *cells = rg == PER ? b->periode : b->cumulatief;
        long all = 0;
        for (int s = 1; s <= NSCORES; s++)
            all += c->scores[rg][s];
        for (int s = 1; s <= NSCORES; s++) {
            pm_cell *cell = &cells[s - 1];
            pm_cell_set_key(cell, score_keys[s - 1], NULL);
            cell->teller = (double)c->scores[rg][s];
            cell->noemer = (double)all;
            cell->n = c->scores[rg][s];
            cell->has_waarde = all > 0;
            cell->waarde = all > 0 ? (double)c->scores[rg][s] / (double)all : 0.0;
        }
    }
    return PM_OK;
}

/* Moves the cells of l (and the keys they own) into b: the arrays
 * themselves when there are any (a copy of 66,666 cells per side was
 * fresh memory to fault in, docs/PERFORMANCE.md), else empty ones. */
static pm_error org_breakdown(pm_breakdown *b, cell_list *l)
{
    if (!l->n)
        return pm_breakdown_alloc(b, "organisatie", true, true, 0);
    b->key = "organisatie";
    b->personal = true;
    b->counts_people = true;
    b->periode = l->per;
    b->cumulatief = l->cum;
    b->ncells = l->n;
    l->per = l->cum = NULL;
    l->n = l->cap = 0;
    return PM_OK;
}

static pm_error compute(const pm_context *ctx, pm_result *r, char *msg, size_t msgsize)
{
    const pm_config *cfg = ctx->cfg;
    pm_error err = pm_result_begin(r, ctx, cfg->doel_r2);
    if (err)
        return err;
    r2_counts *c = calloc(1, sizeof *c);
    if (!c)
        return PM_ERR_NOMEM;
    c->trend = calloc(r->ntrend ? r->ntrend : 1, sizeof *c->trend);
    if (!c->trend)
        err = PM_ERR_NOMEM;

    if (!err)
        err = read_orgs(ctx, c, r->ntrend, msg, msgsize);
    if (!err) {
        tally_figures(&c->total[PER], &r->periode, cfg);
        tally_figures(&c->total[CUM], &r->cumulatief, cfg);
        for (size_t i = 0; i < r->ntrend; i++)
            tally_figures(&c->trend[i], &r->trend[i].f, cfg);
        err = pm_result_alloc_breakdowns(r, 4);
    }
    if (!err)
        err = tally_breakdown(&r->breakdowns[0], "regio", c->regio, pm_regios, NREG, cfg);
    if (!err)
        err =
            tally_breakdown(&r->breakdowns[1], "type", c->type, pm_org_types, NTYPE, cfg);
    if (!err)
        err = score_breakdown(&r->breakdowns[2], c);
    if (!err)
        err = org_breakdown(&r->breakdowns[3], &c->cells);
    /* Cells not moved into the result (after a failure) own their keys. */
    for (size_t i = 0; i < c->cells.n; i++) {
        free(c->cells.per[i].key);
        free(c->cells.per[i].label);
        free(c->cells.cum[i].key);
        free(c->cells.cum[i].label);
    }
    free(c->cells.per);
    free(c->cells.cum);
    free(c->trend);
    free(c);
    return err;
}

const pm_indicator pm_indicator_r2 = {"R2", compute};
