/* milestones.c — the milestone rule R4 and R5 share (SPEC §5): of the
 * milestones of one resultaat due in the range, the share done on time;
 * R4 adds the mean score of the opdrachtgever (r4.c and r5.c call it).
 *
 * One query reads the milestones planned from the earliest range start
 * through the peildatum, one the opdrachtgever scores summed per day; C
 * sorts them into the periode, the cumulatief, the quarters of the trend
 * and one breakdown cell per milestone. Everything is decided on the
 * peildatum: a gereed date after it counts as not done, and ranges never
 * reach past it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milestones.h"

#include "calendar.h"

enum { PER, CUM };

/* The counts behind one range's figures. */
typedef struct ms_tally {
    long due;                /* milestones with gepland in the range: noemer */
    long done;               /* of those, gereed on or before the peildatum */
    long on_time;            /* of those, gereed on or before gepland: teller */
    long long score_sum_x10; /* opdrachtgever scores in the range, in tenths */
    long nscores;
    long norgs;      /* distinct organisations behind them (extern: >= 3, SPEC §6) */
    long nrest;      /* cumulatief: scores outside the periode, and their */
    long nrest_orgs; /* distinct organisations (a mean by difference) */
} ms_tally;

/* One milestone as read from the store. */
typedef struct milestone {
    char *id;
    char *omschrijving;
    pm_day gepland;
    bool done; /* gereed is known on the peildatum */
    pm_day gereed;
    bool on_time;
} milestone;

typedef struct ms_list {
    milestone *items;
    size_t n, cap;
} ms_list;

static const char sql_milestones[] = "SELECT id, omschrijving, gepland, gereed"
                                     " FROM mijlpalen"
                                     " WHERE resultaat = ?1 AND gepland BETWEEN ?2 AND ?3"
                                     " ORDER BY gepland, id";

/* Per organisation and day, in organisation order, so C can count the
 * distinct organisations of each range as they stream by. */
static const char sql_scores[] =
    "SELECT datum, sum(score_x10), count(*), organisatie"
    " FROM evaluaties"
    " WHERE soort = 'opdrachtgever' AND datum BETWEEN ?1 AND ?2"
    " GROUP BY organisatie, datum ORDER BY organisatie, datum";

static bool in_range(pm_day d, pm_day from, pm_day to)
{
    return d >= from && d <= to;
}

static void ms_list_free(ms_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].id);
        free(l->items[i].omschrijving);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

static char *dup_text(sqlite3_stmt *st, int col)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    return strdup(s ? s : "");
}

/* Appends the current row of sql_milestones to l; false when out of memory
 * (l stays valid and owns what it already had). */
static bool ms_list_add(ms_list *l, sqlite3_stmt *st, pm_day peil)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        milestone *items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return false;
        l->items = items;
        l->cap = cap;
    }
    milestone *m = &l->items[l->n];
    memset(m, 0, sizeof *m);
    m->id = dup_text(st, 0);
    m->omschrijving = dup_text(st, 1);
    if (!m->id || !m->omschrijving) {
        free(m->id);
        free(m->omschrijving);
        return false;
    }
    m->gepland = (pm_day)sqlite3_column_int64(st, 2);
    if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
        pm_day gereed = (pm_day)sqlite3_column_int64(st, 3);
        /* A completion dated after the peildatum is not known yet. */
        m->done = gereed <= peil;
        m->gereed = gereed;
        m->on_time = m->done && gereed <= m->gepland;
    }
    l->n++;
    return true;
}

static void tally_milestone(ms_tally *t, const milestone *m)
{
    t->due++;
    t->done += m->done;
    t->on_time += m->on_time;
}

/* Figures and status of one range by SPEC §5's milestone rule: grijs when
 * nothing is due; rood when a due milestone is not done by the peildatum or
 * the opdrachtgever mean is below the threshold; groen when the on-time share
 * reaches doel (and the mean is fine or absent); otherwise oranje (all done,
 * some late). The mean is compared in tenths, exactly: sum >= 70 * count. */
static void ms_figures(const ms_tally *t, pm_figures *f, double doel, bool with_mean,
                       int mean_min_x10)
{
    f->teller = (double)t->on_time;
    f->noemer = (double)t->due;
    f->has_noemer = true;
    f->has_waarde = t->due > 0;
    f->waarde = t->due > 0 ? (double)t->on_time / (double)t->due : 0.0;
    f->has_interval = false;

    bool mean_low = false;
    if (with_mean && t->nscores > 0) {
        f->has_gemiddelde = true;
        f->gemiddelde = (double)t->score_sum_x10 / (double)t->nscores / 10.0;
        f->n_gemiddelde = t->nscores;
        f->n_gemiddelde_orgs = t->norgs;
        f->n_rest_gemiddelde = t->nrest;
        f->n_rest_gemiddelde_orgs = t->nrest_orgs;
        mean_low = t->score_sum_x10 < (long long)mean_min_x10 * t->nscores;
    }

    if (t->due == 0)
        f->status = PM_GRIJS;
    else if (t->done < t->due)
        f->status = PM_ROOD;
    /* Counts, not fractions: with doel 1.0 every due milestone on time. */
    else if ((double)t->on_time >= doel * (double)t->due - 1e-9)
        f->status = PM_GROEN;
    else
        f->status = PM_ORANJE;
    /* Extern hides a mean on too few evaluations and then shows this status
     * (disclosure.c), so that the status word does not give the mean away. */
    f->status_zonder_gemiddelde = f->status;
    if (t->due > 0 && mean_low)
        f->status = PM_ROOD;
}

static void ms_cell(pm_cell *c, const milestone *m, bool in, const pm_calendar *cal)
{
    pm_cell_set_key(c, m->id, m->omschrijving);
    c->d1 = m->gepland;
    c->has_d1 = true;
    c->d2 = m->done ? m->gereed : 0;
    c->has_d2 = m->done;
    /* In working days, as the Mijlpalen page counts them (beheer.c). */
    if (m->done && m->gereed > m->gepland)
        c->werkdagen_te_laat = pm_calendar_workdays_between(cal, m->gepland, m->gereed);
    if (!in)
        return; /* not due in this range: noemer 0, no waarde */
    c->teller = m->on_time ? 1.0 : 0.0;
    c->noemer = 1.0;
    c->has_waarde = true;
    c->waarde = c->teller;
    c->n = 1;
}

/* One cell per milestone due in the periode or the cumulatief range, in
 * order of gepland; both tables have every milestone. */
static pm_error ms_breakdown(pm_breakdown *b, const ms_list *l, const pm_context *ctx)
{
    size_t shown = 0;
    pm_day first = ctx->peildatum, last = ctx->peildatum;
    for (size_t i = 0; i < l->n; i++) {
        const milestone *m = &l->items[i];
        if (in_range(m->gepland, ctx->per_from, ctx->per_to) ||
            in_range(m->gepland, ctx->cum_from, ctx->cum_to))
            shown++;
        if (m->gepland < first)
            first = m->gepland;
        if (m->done && m->gereed > last)
            last = m->gereed;
    }
    pm_calendar cal = {0};
    pm_error err = pm_calendar_build(&cal, first - 7, last + 7, ctx->cfg->closed_days,
                                     ctx->cfg->nclosed);
    if (!err)
        err = pm_breakdown_alloc(b, "mijlpalen", false, false, shown);
    if (err) {
        pm_calendar_free(&cal);
        return err;
    }
    size_t c = 0;
    for (size_t i = 0; i < l->n; i++) {
        const milestone *m = &l->items[i];
        bool per = in_range(m->gepland, ctx->per_from, ctx->per_to);
        bool cum = in_range(m->gepland, ctx->cum_from, ctx->cum_to);
        if (!per && !cum)
            continue;
        ms_cell(&b->periode[c], m, per, &cal);
        ms_cell(&b->cumulatief[c], m, cum, &cal);
        c++;
    }
    pm_calendar_free(&cal);
    return PM_OK;
}

static pm_error read_milestones(const pm_context *ctx, const char *resultaat, pm_day from,
                                ms_list *l, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_milestones, &st, msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_text(st, 1, resultaat, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, from);
    sqlite3_bind_int64(st, 3, ctx->peildatum);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!ms_list_add(l, st, ctx->peildatum)) {
            err = PM_ERR_NOMEM;
            break;
        }
    }
    if (!err && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

/* Adds the opdrachtgever scores dated from `from` through the peildatum to
 * the periode, cumulatief and trend tallies. */
static pm_error read_scores(const pm_context *ctx, pm_day from, ms_tally *total,
                            ms_tally *trend, size_t ntrend, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_scores, &st, msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, ctx->peildatum);
    /* Which tallies the current organisation has been counted in: a slot
     * per tally (periode, cumulatief, rest, the quarters). */
    bool *seen = calloc(ntrend + 3, sizeof *seen);
    char *org = NULL;
    if (!seen) {
        sqlite3_finalize(st);
        return PM_ERR_NOMEM;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pm_day d = (pm_day)sqlite3_column_int64(st, 0);
        long long sum = sqlite3_column_int64(st, 1);
        long n = (long)sqlite3_column_int64(st, 2);
        const char *who = (const char *)sqlite3_column_text(st, 3);
        if (!org || strcmp(org, who ? who : "") != 0) {
            free(org);
            org = strdup(who ? who : "");
            if (!org) {
                err = PM_ERR_NOMEM;
                break;
            }
            memset(seen, 0, (ntrend + 3) * sizeof *seen);
        }
        bool in[2] = {in_range(d, ctx->per_from, ctx->per_to),
                      in_range(d, ctx->cum_from, ctx->cum_to)};
        for (int rg = PER; rg <= CUM; rg++) {
            if (in[rg]) {
                total[rg].score_sum_x10 += sum;
                total[rg].nscores += n;
                total[rg].norgs += !seen[rg];
                seen[rg] = true;
            }
        }
        if (in[CUM] && !in[PER]) {
            total[CUM].nrest += n;
            total[CUM].nrest_orgs += !seen[2];
            seen[2] = true;
        }
        /* The trend quarters tile the cumulatief range exactly. */
        if (in[CUM]) {
            size_t q = (size_t)(pm_quarter_index(d) - ctx->q_first);
            if (q < ntrend) {
                trend[q].score_sum_x10 += sum;
                trend[q].nscores += n;
                trend[q].norgs += !seen[3 + q];
                seen[3 + q] = true;
            }
        }
    }
    free(org);
    free(seen);
    if (err) {
        sqlite3_finalize(st);
        return err;
    }
    if (rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

/* Computes a milestone indicator (R4 with the opdrachtgever mean, R5
 * without) into r, which the caller zeroed and frees. resultaat is the
 * mijlpalen.resultaat value, doel the on-time share for groen. */
pm_error pm_milestones_compute(const pm_context *ctx, pm_result *r, const char *resultaat,
                               double doel, bool with_mean, char *msg, size_t msgsize)
{
    const pm_config *cfg = ctx->cfg;
    pm_error err = pm_result_begin(r, ctx, doel);
    if (err)
        return err;
    ms_tally *trend = calloc(r->ntrend ? r->ntrend : 1, sizeof *trend);
    if (!trend)
        return PM_ERR_NOMEM;
    ms_tally total[2] = {{0}};
    ms_list list = {0};

    /* Both ranges end on or before the peildatum; the periode may start
     * before the programme does. */
    pm_day from = pm_scan_from(ctx);
    err = read_milestones(ctx, resultaat, from, &list, msg, msgsize);
    if (!err && with_mean)
        err = read_scores(ctx, from, total, trend, r->ntrend, msg, msgsize);
    if (!err) {
        for (size_t i = 0; i < list.n; i++) {
            const milestone *m = &list.items[i];
            if (in_range(m->gepland, ctx->per_from, ctx->per_to))
                tally_milestone(&total[PER], m);
            if (in_range(m->gepland, ctx->cum_from, ctx->cum_to)) {
                tally_milestone(&total[CUM], m);
                size_t q = (size_t)(pm_quarter_index(m->gepland) - ctx->q_first);
                if (q < r->ntrend)
                    tally_milestone(&trend[q], m);
            }
        }
        ms_figures(&total[PER], &r->periode, doel, with_mean, cfg->r4_gemiddelde_x10);
        ms_figures(&total[CUM], &r->cumulatief, doel, with_mean, cfg->r4_gemiddelde_x10);
        for (size_t i = 0; i < r->ntrend; i++)
            ms_figures(&trend[i], &r->trend[i].f, doel, with_mean,
                       cfg->r4_gemiddelde_x10);
        err = pm_result_alloc_breakdowns(r, 1);
    }
    if (!err)
        err = ms_breakdown(&r->breakdowns[0], &list, ctx);
    ms_list_free(&list);
    free(trend);
    return err;
}
