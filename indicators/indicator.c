/* indicator.c — what the indicator modules share: the Wilson interval, the
 * proportion status rule, allocation of results, and the trend ranges. */
#include "indicator.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

pm_status pm_oordeel_status(pm_oordeel o)
{
    switch (o) {
    case PM_OORDEEL_GEHAALD: return PM_GROEN;
    case PM_OORDEEL_NIET_GEHAALD: return PM_ROOD;
    case PM_OORDEEL_GEEN_GEGEVENS: return PM_GRIJS;
    }
    return PM_GRIJS;
}

/* At least doel of noemer, on counts (9 of 10 is exactly 90%). */
static bool share_reached(const pm_figures *f, double doel)
{
    return f->teller >= doel * f->noemer - 1e-9;
}

pm_oordeel pm_figures_oordeel(const char *id, const pm_figures *f, const pm_targets *t,
                              bool with_mean)
{
    bool ok;
    if (strcmp(id, "R6") == 0)
        return f->aantal >= t->doel_r6 ? PM_OORDEEL_GEHAALD : PM_OORDEEL_NIET_GEHAALD;
    if (strcmp(id, "B") == 0) {
        if (!f->has_begroting)
            return PM_OORDEEL_GEEN_GEGEVENS;
        /* In whole cents, as the reader sees them. */
        ok = f->realisatie_cent <= f->begroting_cent;
        return ok ? PM_OORDEEL_GEHAALD : PM_OORDEEL_NIET_GEHAALD;
    }
    if (f->noemer <= 0)
        return PM_OORDEEL_GEEN_GEGEVENS;
    if (strcmp(id, "R1") == 0)
        ok = share_reached(f, t->doel_r1);
    else if (strcmp(id, "R2") == 0)
        ok = share_reached(f, t->doel_r2);
    else if (strcmp(id, "R3") == 0)
        ok = (f->share_only || f->actief >= t->doel_r3_actief) &&
             share_reached(f, t->doel_r3);
    else if (strcmp(id, "R4") == 0)
        ok = share_reached(f, t->doel_r4) &&
             (!with_mean || !f->has_gemiddelde ||
              f->gemiddelde * 10.0 >= t->r4_gemiddelde_x10 - 1e-9);
    else
        ok = share_reached(f, t->doel_r5);
    return ok ? PM_OORDEEL_GEHAALD : PM_OORDEEL_NIET_GEHAALD;
}

/* z for a two-sided 95% interval. */
#define Z95 1.959963984540054

void pm_wilson(double k, double n, double *lo, double *hi)
{
    double p = k / n;
    double z2 = Z95 * Z95;
    double denom = 1.0 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = Z95 * sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denom;
    *lo = centre - half;
    *hi = centre + half;
    /* At k = 0 or k = n the bound is exactly 0 or 1; rounding must not
     * put it a hair outside. */
    if (*lo < 0.0 || k == 0)
        *lo = 0.0;
    if (*hi > 1.0 || k == n)
        *hi = 1.0;
}

bool pm_newcombe(double k1, double n1, double k2, double n2, double *lo, double *hi)
{
    if (!(n1 > 0) || !(n2 > 0) || k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2)
        return false;
    double l1, u1, l2, u2;
    pm_wilson(k1, n1, &l1, &u1);
    pm_wilson(k2, n2, &l2, &u2);
    double p1 = k1 / n1, p2 = k2 / n2, d = p1 - p2;
    double a = hypot(p1 - l1, u2 - p2), b = hypot(u1 - p1, p2 - l2);
    *lo = d - a;
    *hi = d + b;
    /* Wilson bounds stay inside 0..1, so the difference stays inside -1..1;
     * only rounding could step out (10/10 against 0/10: hi is exactly 1). */
    if (*lo < -1.0)
        *lo = -1.0;
    if (*hi > 1.0)
        *hi = 1.0;
    return true;
}

void pm_figures_proportion(pm_figures *f, double doel, int min_n)
{
    f->has_noemer = true;
    f->has_waarde = f->noemer > 0;
    f->has_interval = f->noemer > 0;
    if (f->noemer > 0) {
        f->waarde = f->teller / f->noemer;
        pm_wilson(f->teller, f->noemer, &f->lo, &f->hi);
    }
    /* Compare counts, not rounded fractions: teller >= doel * noemer is
     * what "at least 90%" means, and 9 of 10 must be exactly 90%. */
    if (f->noemer < min_n)
        f->status = PM_GRIJS;
    else if (f->teller >= doel * f->noemer - 1e-9)
        f->status = PM_GROEN;
    else if (f->hi >= doel - 1e-12)
        f->status = PM_ORANJE;
    else
        f->status = PM_ROOD;
}

pm_error pm_cell_set_key(pm_cell *c, const char *key, const char *label)
{
    free(c->key);
    free(c->label);
    c->key = strdup(key);
    c->label = label && label[0] ? strdup(label) : NULL;
    if (!c->key || (label && label[0] && !c->label)) {
        free(c->key);
        free(c->label);
        c->key = c->label = NULL;
        return PM_ERR_NOMEM;
    }
    return PM_OK;
}

pm_error pm_result_check_keys(const pm_result *r)
{
    for (size_t i = 0; i < r->nbreakdowns; i++) {
        const pm_breakdown *b = &r->breakdowns[i];
        for (size_t k = 0; k < b->ncells; k++)
            if (!b->periode[k].key || !b->cumulatief[k].key)
                return PM_ERR_NOMEM;
    }
    return PM_OK;
}

void pm_cell_from_figures(pm_cell *c, const char *key, const pm_figures *f, long n)
{
    pm_cell_set_key(c, key, NULL);
    c->teller = f->teller;
    c->noemer = f->noemer;
    c->n = n;
    c->has_waarde = f->has_waarde;
    c->waarde = f->waarde;
    c->has_interval = f->has_interval;
    c->lo = f->lo;
    c->hi = f->hi;
}

/* The satisfaction threshold 7.0 in tenths. */
#define SATISFIED_X10 70

bool pm_scores_satisfied(const pm_scores *s)
{
    return s->n > 0 && s->sum_x10 >= (int64_t)SATISFIED_X10 * s->n;
}

void pm_cell_from_scores(pm_cell *c, const pm_scores *s)
{
    c->teller = (double)s->sum_x10 / 10.0;
    c->noemer = (double)s->n;
    c->n = s->n;
    c->has_waarde = s->n > 0;
    c->waarde = s->n > 0 ? (double)s->sum_x10 / (10.0 * (double)s->n) : 0.0;
}

pm_error pm_result_alloc_breakdowns(pm_result *r, size_t n)
{
    r->breakdowns = calloc(n ? n : 1, sizeof *r->breakdowns);
    if (!r->breakdowns)
        return PM_ERR_NOMEM;
    r->nbreakdowns = n;
    return PM_OK;
}

pm_error pm_breakdown_alloc(pm_breakdown *b, const char *key, bool personal,
                            bool counts_people, size_t ncells)
{
    b->key = key;
    b->personal = personal;
    b->counts_people = counts_people;
    b->periode = calloc(ncells ? ncells : 1, sizeof *b->periode);
    b->cumulatief = calloc(ncells ? ncells : 1, sizeof *b->cumulatief);
    if (!b->periode || !b->cumulatief)
        return PM_ERR_NOMEM;
    b->ncells = ncells;
    return PM_OK;
}

pm_error pm_result_begin(pm_result *r, const pm_context *ctx, double doel)
{
    r->doel = doel;
    r->periode.reden_doel = doel;
    r->cumulatief.reden_doel = doel;
    r->periode.from = ctx->per_from;
    r->periode.to = ctx->per_to;
    r->cumulatief.from = ctx->cum_from;
    r->cumulatief.to = ctx->cum_to;
    size_t n = ctx->q_last >= ctx->q_first ? (size_t)(ctx->q_last - ctx->q_first + 1) : 0;
    r->trend = calloc(n ? n : 1, sizeof *r->trend);
    if (!r->trend)
        return PM_ERR_NOMEM;
    r->ntrend = n;
    for (size_t i = 0; i < n; i++) {
        r->trend[i].quarter = ctx->q_first + (int)i;
        r->trend[i].f.reden_doel = doel;
        pm_trend_range(ctx, r->trend[i].quarter, &r->trend[i].f.from, &r->trend[i].f.to);
    }
    return PM_OK;
}

pm_day pm_scan_from(const pm_context *ctx)
{
    return ctx->per_from < ctx->cum_from ? ctx->per_from : ctx->cum_from;
}

void pm_trend_range(const pm_context *ctx, int quarter, pm_day *from, pm_day *to)
{
    pm_day a = pm_quarter_first_day(quarter);
    pm_day b = pm_quarter_last_day(quarter);
    *from = a > ctx->cum_from ? a : ctx->cum_from;
    *to = b < ctx->cum_to ? b : ctx->cum_to;
}

pm_error pm_sql_error(const pm_context *ctx, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "berekening mislukt: %s (SQLite: %s)",
             pm_store_reason(ctx->db), sqlite3_errmsg(ctx->db));
    return PM_ERR_DB;
}

pm_error pm_prepare(const pm_context *ctx, const char *sql, sqlite3_stmt **st, char *msg,
                    size_t msgsize)
{
    if (sqlite3_prepare_v2(ctx->db, sql, -1, st, NULL) != SQLITE_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
        return pm_sql_error(ctx, msg, msgsize);
    }
    return PM_OK;
}
