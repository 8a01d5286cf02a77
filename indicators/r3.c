/* r3.c — R3 "specialisten actief en gewaardeerd" (SPEC §5): the specialists
 * with inzet in the range, and of those rated in it the share scoring >= 7.0.
 *
 * Activity comes from the activity rows in memory (columns.h: the inzet as
 * distinct (day, specialist, organisation), one slice per run, a flag test
 * per row under a filter); without them it is one EXISTS seek per
 * specialist and range on the index inzet(specialist, datum): inzet is the
 * largest table, so it is never scanned. One grouped query gives the sum and count of the
 * specialist evaluations per specialist, quarter and range membership; C keeps only the
 * specialists active in each range and decides "good" exactly in tenths. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "filter.h"
#include "indicator.h"
#include "orgs.h"

enum { PER, CUM };

/* Every specialist with its activity in the periode (?1..?2) and the
 * cumulatief (?3..?4), in id order (BINARY collation, as strcmp). */
static const char sql_specialists[] =
    "SELECT s.id, s.naam,"
    "  EXISTS (SELECT 1 FROM inzet i"
    "          WHERE i.specialist = s.id AND i.datum BETWEEN ?1 AND ?2),"
    "  EXISTS (SELECT 1 FROM inzet i"
    "          WHERE i.specialist = s.id AND i.datum BETWEEN ?3 AND ?4)"
    " FROM specialisten s ORDER BY s.id";

/* Under a filter (SPEC §9) a specialist is active on the requests of the
 * filter's organisations only: inzet.hulpvraag → hulpvragen.organisatie,
 * the set O in temp.pm_filter_orgs (filter.h). */
#define ON_FILTERED_REQUEST                                                              \
    "          AND EXISTS (SELECT 1 FROM hulpvragen h WHERE h.id = i.hulpvraag"          \
    "                      AND h.organisatie IN temp.pm_filter_orgs)"
static const char sql_specialists_filtered[] =
    "SELECT s.id, s.naam,"
    "  EXISTS (SELECT 1 FROM inzet i"
    "          WHERE i.specialist = s.id AND i.datum BETWEEN ?1 AND "
    "?2" ON_FILTERED_REQUEST "),"
    "  EXISTS (SELECT 1 FROM inzet i"
    "          WHERE i.specialist = s.id AND i.datum BETWEEN ?3 AND "
    "?4" ON_FILTERED_REQUEST ")"
    " FROM specialisten s ORDER BY s.id";

/* The specialists active in one trend quarter ?1..?2. */
static const char sql_active[] =
    "SELECT s.id FROM specialisten s"
    " WHERE EXISTS (SELECT 1 FROM inzet i"
    "   WHERE i.specialist = s.id AND i.datum BETWEEN ?1 AND ?2)";
/* Under a filter of few organisations, the seeks above would read most of a
 * specialist's inzet before giving up; instead the inzet of O's requests,
 * found from O's side (CROSS JOIN keeps that order), is read once. */
static const char sql_specialist_list[] = "SELECT id, naam, 0, 0 FROM specialisten"
                                          " ORDER BY id";
static const char sql_inzet_of_set[] =
    "SELECT i.specialist, i.datum"
    " FROM temp.pm_filter_orgs f"
    " CROSS JOIN hulpvragen h CROSS JOIN inzet i"
    " WHERE h.organisatie = f.id AND i.hulpvraag = h.id"
    "   AND i.datum BETWEEN ?1 AND ?2";

static const char sql_active_filtered[] =
    "SELECT s.id FROM specialisten s"
    " WHERE EXISTS (SELECT 1 FROM inzet i"
    "   WHERE i.specialist = s.id AND i.datum BETWEEN ?1 AND ?2" ON_FILTERED_REQUEST ")";

/* ?1..?2 the periode, ?3..?4 the cumulatief (?4 = peildatum), ?5 the
 * earliest day of either range; reads the (soort, datum) index. Only
 * gemeenten and SOB's rate a specialist (the seed: "door gemeenten of
 * SOB's beoordeeld"); the opdrachtgever's evaluations belong to R4. */
static const char sql_scores[] = "SELECT e.specialist, k.kwartaal,"
                                 "  e.datum BETWEEN ?1 AND ?2,"
                                 "  e.datum >= ?3,"
                                 "  sum(e.score_x10), count(*)"
                                 " FROM evaluaties e"
                                 " JOIN temp.kalender k ON k.dag = e.datum"
                                 " JOIN organisaties o ON o.id = e.organisatie"
                                 " WHERE e.soort = 'specialist'"
                                 "   AND o.type IN ('gemeente', 'sob')"
                                 "   AND e.datum BETWEEN ?5 AND ?4"
                                 " GROUP BY 1, 2, 3, 4";
/* Under a filter only the evaluations from its organisations count. */
static const char sql_scores_filtered[] = "SELECT e.specialist, k.kwartaal,"
                                          "  e.datum BETWEEN ?1 AND ?2,"
                                          "  e.datum >= ?3,"
                                          "  sum(e.score_x10), count(*)"
                                          " FROM evaluaties e"
                                          " JOIN temp.kalender k ON k.dag = e.datum"
                                          " JOIN organisaties o ON o.id = e.organisatie"
                                          " WHERE e.soort = 'specialist'"
                                          "   AND o.type IN ('gemeente', 'sob')"
                                          "   AND e.organisatie IN temp.pm_filter_orgs"
                                          "   AND e.datum BETWEEN ?5 AND ?4"
                                          " GROUP BY 1, 2, 3, 4";

typedef struct specialist {
    char *id;
    char *naam;
    bool active[2];
    pm_scores range[2];
} specialist;

/* Everything read, before it becomes figures. The trend arrays hold
 * nspec * ntrend entries, specialist-major. */
typedef struct r3_data {
    specialist *spec;
    size_t nspec, cap;
    size_t ntrend;
    bool *q_active;
    pm_scores *q_scores;
} r3_data;

static int spec_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const specialist *)elem)->id);
}

/* The index of the specialist with this id, or -1. */
static long spec_find(const r3_data *d, const char *id)
{
    if (!id || d->nspec == 0)
        return -1;
    const specialist *s = bsearch(id, d->spec, d->nspec, sizeof *d->spec, spec_cmp);
    return s ? (long)(s - d->spec) : -1;
}

static void data_free(r3_data *d)
{
    for (size_t i = 0; i < d->nspec; i++) {
        free(d->spec[i].id);
        free(d->spec[i].naam);
    }
    free(d->spec);
    free(d->q_active);
    free(d->q_scores);
}

static pm_error spec_push(r3_data *d, const char *id, const char *naam, bool per,
                          bool cum)
{
    if (d->nspec == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 64;
        specialist *s = realloc(d->spec, cap * sizeof *s);
        if (!s)
            return PM_ERR_NOMEM;
        d->spec = s;
        d->cap = cap;
    }
    specialist *s = &d->spec[d->nspec];
    memset(s, 0, sizeof *s);
    s->id = strdup(id ? id : "");
    s->naam = strdup(naam ? naam : "");
    d->nspec++; /* counted even when a copy failed, so data_free frees it */
    if (!s->id || !s->naam)
        return PM_ERR_NOMEM;
    s->active[PER] = per;
    s->active[CUM] = cum;
    return PM_OK;
}

/* Whether the filter's set is small enough (under a tenth of the
 * organisations) to read its inzet from its side rather than seek per
 * specialist. */
static bool from_set(const pm_context *ctx)
{
    return ctx->filter && ctx->filter->count * 10 < ctx->filter->total;
}

/* Whether the activity comes from the rows in memory (columns.h): under a
 * filter, when the report loaded them. Then the specialists are read as a
 * plain list, and their indexes must be those of the rows (checked after
 * reading). Without a filter the seeks per specialist are cheaper than
 * reading the 2.7M rows at 1M (32 MB). */
static bool from_columns(const pm_context *ctx)
{
    return ctx->filter && ctx->cols && ctx->cols->activity_loaded && ctx->orgs;
}

static pm_error read_specialists(const pm_context *ctx, r3_data *d, bool plain, char *msg,
                                 size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    const char *sql = plain || from_set(ctx) ? sql_specialist_list
                      : ctx->filter          ? sql_specialists_filtered
                                             : sql_specialists;
    pm_error err = pm_prepare(ctx, sql, &st, msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, ctx->per_from);
    sqlite3_bind_int64(st, 2, ctx->per_to);
    sqlite3_bind_int64(st, 3, ctx->cum_from);
    sqlite3_bind_int64(st, 4, ctx->cum_to);
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW)
        err = spec_push(d, (const char *)sqlite3_column_text(st, 0),
                        (const char *)sqlite3_column_text(st, 1),
                        sqlite3_column_int(st, 2) != 0, sqlite3_column_int(st, 3) != 0);
    if (!err && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

/* Marks the specialists active in each trend quarter: one run of the
 * statement per quarter, each an index seek per specialist. */
static pm_error read_trend_activity(const pm_context *ctx, const pm_result *r, r3_data *d,
                                    char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, ctx->filter ? sql_active_filtered : sql_active, &st,
                              msg, msgsize);
    for (size_t q = 0; q < r->ntrend && !err; q++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, r->trend[q].f.from);
        sqlite3_bind_int64(st, 2, r->trend[q].f.to);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            long i = spec_find(d, (const char *)sqlite3_column_text(st, 0));
            if (i >= 0)
                d->q_active[(size_t)i * d->ntrend + q] = true;
        }
        if (rc != SQLITE_DONE)
            err = pm_sql_error(ctx, msg, msgsize);
    }
    sqlite3_finalize(st);
    return err;
}

/* Marks activity in the ranges and trend quarters from the inzet on the
 * requests of the filter's organisations (from_set). */
static pm_error read_set_activity(const pm_context *ctx, r3_data *d, char *msg,
                                  size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_inzet_of_set, &st, msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, pm_scan_from(ctx));
    sqlite3_bind_int64(st, 2, ctx->peildatum);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long i = spec_find(d, (const char *)sqlite3_column_text(st, 0));
        if (i < 0)
            continue;
        pm_day day = (pm_day)sqlite3_column_int64(st, 1);
        specialist *sp = &d->spec[i];
        if (day >= ctx->per_from && day <= ctx->per_to)
            sp->active[PER] = true;
        if (day < ctx->cum_from || day > ctx->cum_to)
            continue;
        sp->active[CUM] = true;
        int q = pm_quarter_index(day);
        if (q >= ctx->q_first && q <= ctx->q_last)
            d->q_active[(size_t)i * d->ntrend + (size_t)(q - ctx->q_first)] = true;
    }
    if (rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

/* Marks activity in the ranges and trend quarters from the activity rows
 * in memory: the same days as the SQL above (a day in the cumulatief lies in
 * its quarter's trend range, pm_trend_range), under a filter only the rows
 * of its organisations. */
static void count_activity(const pm_context *ctx, r3_data *d)
{
    const pm_columns *cols = ctx->cols;
    pm_day to = ctx->per_to > ctx->cum_to ? ctx->per_to : ctx->cum_to;
    size_t lo, hi;
    pm_columns_activity(cols, pm_scan_from(ctx), to, &lo, &hi);
    pm_day day = 0;
    bool in_per = false, in_cum = false;
    long q = -1; /* the trend index of day, -1 outside the trend */
    for (size_t k = lo; k < hi; k++) {
        const pm_activity_row *a = &cols->activity[k];
        if (ctx->filter &&
            (a->org < 0 || !pm_org_in_filter(ctx, &ctx->orgs->orgs[a->org])))
            continue;
        if (k == lo || a->datum != day) {
            day = a->datum;
            in_per = day >= ctx->per_from && day <= ctx->per_to;
            in_cum = day >= ctx->cum_from && day <= ctx->cum_to;
            int quarter = pm_quarter_index(day);
            q = in_cum && quarter >= ctx->q_first && quarter <= ctx->q_last
                    ? quarter - ctx->q_first
                    : -1;
        }
        specialist *sp = &d->spec[a->specialist];
        sp->active[PER] |= in_per;
        sp->active[CUM] |= in_cum;
        if (q >= 0)
            d->q_active[(size_t)a->specialist * d->ntrend + (size_t)q] = true;
    }
}

/* Adds one specialist's evaluation on day (scores x10 and n of them) to
 * the ranges it falls in and to its trend quarter. */
static void add_scores(const pm_context *ctx, r3_data *d, size_t i, int quarter,
                       const int in[2], pm_scores s)
{
    specialist *sp = &d->spec[i];
    for (int rg = PER; rg <= CUM; rg++) {
        if (!in[rg])
            continue;
        sp->range[rg].sum_x10 += s.sum_x10;
        sp->range[rg].n += s.n;
    }
    if (in[CUM] && quarter >= ctx->q_first && quarter <= ctx->q_last) {
        pm_scores *q = &d->q_scores[i * d->ntrend + (size_t)(quarter - ctx->q_first)];
        q->sum_x10 += s.sum_x10;
        q->n += s.n;
    }
}

/* The same as read_scores from the rows in memory (columns.h): their
 * specialist indexes are in id order, as d->spec is. */
static void count_ratings(const pm_context *ctx, r3_data *d)
{
    const pm_columns *cols = ctx->cols;
    size_t lo, hi;
    pm_columns_ratings(cols, pm_scan_from(ctx), ctx->peildatum, &lo, &hi);
    for (size_t k = lo; k < hi; k++) {
        const pm_rating_row *e = &cols->ratings[k];
        if (e->org < 0 || e->specialist < 0)
            continue; /* dangling references; `check` reports those */
        int type = ctx->orgs->orgs[e->org].type;
        if (type != 0 && type != 1) /* gemeenten and SOB's only */
            continue;
        if (!pm_org_in_filter(ctx, &ctx->orgs->orgs[e->org])) /* SPEC §9 */
            continue;
        int in[2] = {e->datum >= ctx->per_from && e->datum <= ctx->per_to,
                     e->datum >= ctx->cum_from};
        add_scores(ctx, d, (size_t)e->specialist, pm_quarter_index(e->datum), in,
                   (pm_scores){e->score_x10, 1});
    }
}

static pm_error read_scores(const pm_context *ctx, r3_data *d, char *msg, size_t msgsize)
{
    /* The rows in memory serve when they index the same specialists. */
    if (ctx->cols && ctx->orgs && ctx->cols->nspecs == d->nspec) {
        count_ratings(ctx, d);
        return PM_OK;
    }
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, ctx->filter ? sql_scores_filtered : sql_scores, &st,
                              msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, ctx->per_from);
    sqlite3_bind_int64(st, 2, ctx->per_to);
    sqlite3_bind_int64(st, 3, ctx->cum_from);
    sqlite3_bind_int64(st, 4, ctx->peildatum);
    sqlite3_bind_int64(st, 5, pm_scan_from(ctx));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long i = spec_find(d, (const char *)sqlite3_column_text(st, 0));
        if (i < 0)
            continue; /* a dangling reference; `check` reports those */
        int quarter = sqlite3_column_int(st, 1);
        int in[2] = {sqlite3_column_int(st, 2), sqlite3_column_int(st, 3)};
        pm_scores s = {sqlite3_column_int64(st, 4), (long)sqlite3_column_int64(st, 5)};
        add_scores(ctx, d, (size_t)i, quarter, in, s);
    }
    if (rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

/* Adds one specialist to the figures of a range: only when active; rated
 * when it has scores there, good when their mean is at least 7.0. */
static void figures_add(pm_figures *f, bool active, const pm_scores *s)
{
    if (!active)
        return;
    f->actief++;
    if (s->n == 0) {
        f->niet_beoordeeld++;
        return;
    }
    f->noemer += 1.0;
    if (pm_scores_satisfied(s))
        f->teller += 1.0;
}

/* The share with the proportion rule, then R3's own rule: too few active
 * specialists is rood whatever the share. Under a filter the share alone
 * decides: the target of active specialists is the whole programme's. */
static void figures_finish(pm_figures *f, const pm_context *ctx)
{
    const pm_config *cfg = ctx->cfg;
    f->share_only = ctx->filter != NULL;
    pm_figures_proportion(f, cfg->doel_r3, cfg->min_n);
    if (!f->share_only && f->actief < cfg->doel_r3_actief)
        f->status = PM_ROOD;
}

/* One specialist's scores in a range; zero and without waarde when the
 * specialist was not active there, since those scores do not count. */
static void score_cell(const specialist *s, int rg, pm_cell *c)
{
    pm_cell_set_key(c, s->id, s->naam);
    if (!s->active[rg])
        return;
    pm_cell_from_scores(c, &s->range[rg]);
}

/* A cell for every specialist active in either range (the periode lies
 * inside the cumulatief unless it starts before the programme). */
static pm_error specialist_breakdown(pm_breakdown *b, const r3_data *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nspec; i++)
        if (d->spec[i].active[PER] || d->spec[i].active[CUM])
            n++;
    pm_error err = pm_breakdown_alloc(b, "specialist", true, true, n);
    if (err)
        return err;
    size_t c = 0;
    for (size_t i = 0; i < d->nspec; i++) {
        const specialist *s = &d->spec[i];
        if (!s->active[PER] && !s->active[CUM])
            continue;
        score_cell(s, PER, &b->periode[c]);
        score_cell(s, CUM, &b->cumulatief[c]);
        c++;
    }
    return PM_OK;
}

static pm_error compute(const pm_context *ctx, pm_result *r, char *msg, size_t msgsize)
{
    const pm_config *cfg = ctx->cfg;
    pm_error err = pm_result_begin(r, ctx, cfg->doel_r3);
    if (err)
        return err;

    r3_data d = {0};
    d.ntrend = r->ntrend;
    bool mem = from_columns(ctx);
    err = read_specialists(ctx, &d, mem, msg, msgsize);
    if (!err && mem && ctx->cols->nspecs != d.nspec) {
        /* The rows index other specialists: the store answers instead. */
        data_free(&d);
        d = (r3_data){.ntrend = r->ntrend};
        mem = false;
        err = read_specialists(ctx, &d, false, msg, msgsize);
    }
    if (!err) {
        size_t cells = d.nspec * d.ntrend;
        d.q_active = calloc(cells ? cells : 1, sizeof *d.q_active);
        d.q_scores = calloc(cells ? cells : 1, sizeof *d.q_scores);
        if (!d.q_active || !d.q_scores)
            err = PM_ERR_NOMEM;
    }
    if (!err && mem)
        count_activity(ctx, &d);
    else if (!err)
        err = from_set(ctx) ? read_set_activity(ctx, &d, msg, msgsize)
                            : read_trend_activity(ctx, r, &d, msg, msgsize);
    if (!err)
        err = read_scores(ctx, &d, msg, msgsize);

    if (!err) {
        for (size_t i = 0; i < d.nspec; i++) {
            const specialist *s = &d.spec[i];
            figures_add(&r->periode, s->active[PER], &s->range[PER]);
            figures_add(&r->cumulatief, s->active[CUM], &s->range[CUM]);
            for (size_t q = 0; q < d.ntrend; q++)
                figures_add(&r->trend[q].f, d.q_active[i * d.ntrend + q],
                            &d.q_scores[i * d.ntrend + q]);
        }
        figures_finish(&r->periode, ctx);
        figures_finish(&r->cumulatief, ctx);
        for (size_t q = 0; q < r->ntrend; q++)
            figures_finish(&r->trend[q].f, ctx);
        err = pm_result_alloc_breakdowns(r, 1);
    }
    if (!err)
        err = specialist_breakdown(&r->breakdowns[0], &d);
    data_free(&d);
    return err;
}

const pm_indicator pm_indicator_r3 = {"R3", compute};
