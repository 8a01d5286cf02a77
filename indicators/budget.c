/* budget.c — the begroting as B reads it (budget.h): read once into a table
 * of quarter amounts per post, summed over any range of days. */
#include "budget.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const pm_budget_posts[PM_BUDGET_NPOST] = {
    "inhuur", "kennisproducten", "website", "bijeenkomsten", "communicatie", "overig"};

static const char sql_begroting[] =
    "SELECT jaar, kwartaal, post, bedrag_cent FROM begroting";

int pm_budget_post_index(const char *s)
{
    for (int i = 0; s && i < PM_BUDGET_NPOST; i++)
        if (strcmp(pm_budget_posts[i], s) == 0)
            return i;
    return -1;
}

static pm_day max_day(pm_day a, pm_day b)
{
    return a > b ? a : b;
}

static pm_day min_day(pm_day a, pm_day b)
{
    return a < b ? a : b;
}

pm_error pm_budget_load(const pm_context *ctx, pm_budget *b, char *msg, size_t msgsize)
{
    /* The programme: its start through the end of the last target period. */
    pm_day prog_from = ctx->cfg->programma_start;
    pm_day prog_to = pm_config_targets_end(ctx->cfg_loaded);
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_begroting, &st, msg, msgsize);
    if (err)
        return err;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int year = sqlite3_column_int(st, 0);
        int post = pm_budget_post_index((const char *)sqlite3_column_text(st, 2));
        int64_t cents = sqlite3_column_int64(st, 3);
        int base = (year - PM_BUDGET_FIRST_YEAR) * 4;
        if (post < 0 || base < 0 || base >= PM_BUDGET_NQUARTERS)
            continue;
        if (sqlite3_column_type(st, 1) == SQLITE_NULL) {
            bool inside[4];
            int k = 0;
            for (int q = 0; q < 4; q++) {
                pm_day qa = pm_quarter_first_day(year * 4 + q);
                pm_day qb = pm_quarter_last_day(year * 4 + q);
                inside[q] = qb >= prog_from && qa <= prog_to;
                k += inside[q];
            }
            for (int q = 0; q < 4; q++) {
                if (k == 0 || inside[q])
                    b->q12[base + q][post] += (k ? 12 / k : 3) * cents;
            }
        } else {
            int q = sqlite3_column_int(st, 1);
            if (q >= 1 && q <= 4)
                b->q12[base + q - 1][post] += 12 * cents;
        }
    }
    if (rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

double pm_budget_range(const pm_budget *b, int post, pm_day from, pm_day to,
                       bool *touched)
{
    double cents = 0;
    *touched = false;
    if (from > to)
        return 0;
    int first = pm_quarter_index(from), last = pm_quarter_index(to);
    for (int q = first; q <= last; q++) {
        int slot = q - PM_BUDGET_FIRST_YEAR * 4;
        if (slot < 0 || slot >= PM_BUDGET_NQUARTERS)
            continue;
        pm_day qa = pm_quarter_first_day(q), qb = pm_quarter_last_day(q);
        int64_t inside = min_day(to, qb) - max_day(from, qa) + 1;
        int64_t days = qb - qa + 1;
        for (int p = 0; p < PM_BUDGET_NPOST; p++) {
            if ((post >= 0 && post != p) || b->q12[slot][p] == 0)
                continue;
            /* Both products are exact integers in a double, so whole and
             * half quarters come out exact. */
            cents += (double)(b->q12[slot][p] * inside) / (double)(12 * days);
            *touched = true;
        }
    }
    return cents;
}

void pm_budget_apportion(const double *exact, size_t n, int64_t total, int64_t *out)
{
    if (n == 0)
        return;
    int64_t rest = total;
    for (size_t i = 0; i < n; i++) {
        out[i] = (int64_t)floor(exact[i]);
        rest -= out[i];
    }
    /* Each pass gives one cent to the largest fraction not yet served; n is
     * a handful of posts or a team, so the quadratic walk costs nothing. */
    bool *served = rest > 0 && rest <= (int64_t)n ? calloc(n, sizeof *served) : NULL;
    for (; served && rest > 0; rest--) {
        size_t best = n;
        double frac = -1;
        for (size_t i = 0; i < n; i++) {
            double f = exact[i] - floor(exact[i]);
            if (!served[i] && f > frac) {
                frac = f;
                best = i;
            }
        }
        if (best == n)
            break;
        served[best] = true;
        out[best]++;
    }
    free(served);
    out[0] += rest; /* only when total was not the rounded sum */
}
