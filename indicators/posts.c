/* posts.c — the budget per post for the peildatum's year (posts.h), read
 * from the store the way B reads its year (b.c, budget.h), so that the
 * totals are B's jaarbegroting, prognose and realisatie to the cent. */
#include "posts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beheer_compute.h"
#include "budget.h"
#include "columns.h"

enum { NPOST = PM_BUDGET_NPOST };

/* Realisatie in 1/100 cent, as B sums it: hours (x100) × rate (cents). */
static const char sql_inzet[] = "SELECT sum(i.uren_x100 * s.uurtarief_cent)"
                                " FROM inzet i JOIN specialisten s ON s.id = i.specialist"
                                " WHERE i.datum BETWEEN ?1 AND ?2";
static const char sql_uitgaven[] = "SELECT post, sum(bedrag_cent) * 100 FROM uitgaven"
                                   " WHERE datum BETWEEN ?1 AND ?2 GROUP BY post";

void pm_posts_free(pm_posts *p)
{
    if (!p)
        return;
    free(p->posten);
    memset(p, 0, sizeof *p);
}

static pm_day min_day(pm_day a, pm_day b)
{
    return a < b ? a : b;
}

/* Whole cents (half away from zero) from 1/100 cent, as B rounds. */
static int64_t whole_cents(int64_t x100)
{
    return x100 >= 0 ? (x100 + 50) / 100 : (x100 - 50) / 100;
}

static pm_error spend_x100(const pm_context *ctx, pm_day from, pm_day to,
                           int64_t x100[NPOST], char *msg, size_t msgsize)
{
    memset(x100, 0, NPOST * sizeof *x100);
    if (from > to)
        return PM_OK;
    sqlite3_stmt *st = NULL;
    pm_error err = PM_OK;
    int rc;
    if (ctx->cols) {
        /* The kept inzet per day (columns.h), the same sum B reads: the
         * join below costs a random read per inzet row (2.5 s at 1M). */
        for (pm_day d = from; d <= to; d++)
            x100[PM_BUDGET_INHUUR] += pm_columns_inzet(ctx->cols, d);
    } else {
        err = pm_prepare(ctx, sql_inzet, &st, msg, msgsize);
        if (err)
            return err;
        sqlite3_bind_int64(st, 1, from);
        sqlite3_bind_int64(st, 2, to);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            x100[PM_BUDGET_INHUUR] = sqlite3_column_int64(st, 0);
        else
            err = pm_sql_error(ctx, msg, msgsize);
        sqlite3_finalize(st);
        st = NULL;
    }
    if (!err)
        err = pm_prepare(ctx, sql_uitgaven, &st, msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, to);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int p = pm_budget_post_index((const char *)sqlite3_column_text(st, 0));
        if (p >= 0)
            x100[p] += sqlite3_column_int64(st, 1);
    }
    if (rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

/* Variance against the pro-rata begroting and the flag (posts.h). */
static void set_afwijking(pm_post_year *p)
{
    p->afwijking_cent = p->realisatie_cent - p->pro_rata_cent;
    p->has_afwijking = p->pro_rata_cent > 0;
    p->afwijking =
        p->has_afwijking ? (double)p->afwijking_cent / (double)p->pro_rata_cent : 0;
    p->buiten_marge =
        p->has_afwijking ? fabs(p->afwijking) > PM_POST_MARGE : p->realisatie_cent != 0;
}

pm_error pm_posts_compute(pm_posts *out, pm_snapshot *snap, const pm_report *rep,
                          char *msg, size_t msgsize)
{
    memset(out, 0, sizeof *out);
    const pm_context *ctx = &snap->ctx;
    const pm_scope *sc = &rep->scope;
    int y, m, d;
    pm_day_to_ymd(sc->peildatum, &y, &m, &d);
    /* B's year (b.c, prognose): from max(1 January, programme start),
     * extrapolated through min(31 December, end of the last target period). */
    pm_day from = pm_day_from_ymd(y, 1, 1);
    if (sc->cfg_loaded->programma_start > from)
        from = sc->cfg_loaded->programma_start;
    /* B's stretch ends at the last target period's end when that falls in
     * the year; a year wholly after it has no B prognose, but its posts
     * still have a begroting: they run to 31 December. */
    pm_day year_end = pm_day_from_ymd(y, 12, 31);
    pm_day targets_end = pm_config_targets_end(sc->cfg_loaded);
    bool as_b = targets_end >= from;
    if (as_b && targets_end < year_end)
        year_end = targets_end;
    out->jaar = y;
    out->van = from;
    out->tot = sc->peildatum;
    out->posten = calloc(NPOST, sizeof *out->posten);
    pm_budget *b = calloc(1, sizeof *b);
    pm_error err = out->posten && b ? PM_OK : PM_ERR_NOMEM;
    if (err)
        snprintf(msg, msgsize, "onvoldoende geheugen voor de begroting per post");
    if (!err)
        err = pm_budget_load(ctx, b, msg, msgsize);
    int64_t x100[NPOST];
    if (!err)
        err = spend_x100(ctx, from, sc->peildatum, x100, msg, msgsize);
    if (err) {
        free(b);
        return err;
    }
    out->nposten = NPOST;

    double begroting[NPOST], pro_rata[NPOST], real[NPOST], prog[NPOST];
    double sum_pro_rata = 0;
    int64_t spent = 0;
    bool touched;
    pm_day rata_to = min_day(sc->peildatum, year_end);
    bool extrapolate = from <= sc->peildatum && from <= year_end;
    double elapsed = (double)(sc->peildatum - from + 1);
    double total = (double)(year_end - from + 1);
    for (int p = 0; p < NPOST; p++) {
        begroting[p] = pm_budget_range(b, p, from, year_end, &touched);
        pro_rata[p] = pm_budget_range(b, p, from, rata_to, &touched);
        sum_pro_rata += pro_rata[p];
        real[p] = (double)x100[p] / 100.0;
        prog[p] = extrapolate ? (double)x100[p] * total / elapsed / 100.0 : 0;
        spent += x100[p];
    }
    /* The totals exactly as B computes its year (b.c): jaarbegroting and
     * prognose rounded once from the sums. */
    pm_post_year *t = &out->totaal;
    t->post = "totaal";
    t->begroting_cent = llround(pm_budget_range(b, -1, from, year_end, &touched));
    t->pro_rata_cent = llround(sum_pro_rata);
    t->realisatie_cent = whole_cents(spent);
    t->prognose_cent =
        extrapolate ? (int64_t)llround((double)spent * total / elapsed / 100.0) : 0;
    const pm_result *rb = pm_report_find(rep, "B");
    if (rb && as_b) {
        t->begroting_cent = rb->cumulatief.jaarbegroting_cent;
        t->prognose_cent = rb->cumulatief.prognose_cent;
    }
    free(b);

    int64_t cents[NPOST];
    pm_budget_apportion(begroting, NPOST, t->begroting_cent, cents);
    for (int p = 0; p < NPOST; p++)
        out->posten[p].begroting_cent = cents[p];
    pm_budget_apportion(pro_rata, NPOST, t->pro_rata_cent, cents);
    for (int p = 0; p < NPOST; p++)
        out->posten[p].pro_rata_cent = cents[p];
    pm_budget_apportion(real, NPOST, t->realisatie_cent, cents);
    for (int p = 0; p < NPOST; p++)
        out->posten[p].realisatie_cent = cents[p];
    pm_budget_apportion(prog, NPOST, t->prognose_cent, cents);
    for (int p = 0; p < NPOST; p++) {
        out->posten[p].prognose_cent = cents[p];
        out->posten[p].post = pm_budget_posts[p];
        set_afwijking(&out->posten[p]);
    }
    set_afwijking(t);
    return PM_OK;
}
