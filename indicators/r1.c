/* r1.c — R1 "reactie binnen 5 werkdagen" (SPEC §5): of the requests received
 * in the range, the share with a first contact on or before the deadline.
 *
 * One plain scan reads the requests of the ranges; C classifies each with
 * the working-day calendar and the organisation table and adds it to the
 * periode, cumulatief, breakdowns and trend, instead of SQLite's joins and
 * a seven-column GROUP BY, a sort that spills to disk on large stores
 * (docs/PERFORMANCE.md).
 * Bucket: 0..5 working days to a first contact on time, 6 = late (contact
 * after the deadline, or none while the deadline has passed), -1 = pending
 * (no contact, deadline not passed). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "filter.h"
#include "indicator.h"
#include "orgs.h"

enum { PER, CUM };
enum { ON_TIME, LATE, PENDING };
#define NBUCKETS 8 /* pending, 0..5, late */

/* Keys of the distribution breakdown, in bucket order 0..5, late, pending. */
static const char *const bucket_keys[] = {"0", "1", "2",          "3",
                                          "4", "5", "meer_dan_5", "lopend"};

/* The regios and onderwerpen of dataset.h, each with one slot more for
 * none: the NULL that ends pm_regios and pm_expertises names that slot. */
#define NREG (PM_NREGIOS + 1)
#define NTYPE PM_NTYPES
#define NSUBJ (PM_NEXPERTISES + 1)

typedef struct tally {
    long n[3]; /* ON_TIME, LATE, PENDING */
} tally;

typedef struct r1_counts {
    tally total[2];
    long buckets[2][NBUCKETS]; /* index: 0..5, 6 = late, 7 = pending */
    tally regio[2][NREG];
    tally type[2][NTYPE];
    tally subject[2][NSUBJ];
} r1_counts;

static const char sql_r1[] = "SELECT organisatie, ontvangen, eerste_contact, onderwerp"
                             " FROM hulpvragen NOT INDEXED"
                             " WHERE ontvangen BETWEEN ?1 AND ?2";

/* The bucket of a request received on `day` with first contact `contact`
 * (0 when none), as known on the peildatum. deadline[] and the calendar's
 * nr[] are indexed by day - cal->first. */
static int classify(const pm_context *ctx, const pm_day *deadline, pm_day day,
                    pm_day contact)
{
    const pm_calendar *cal = ctx->cal;
    pm_day due = deadline[day - cal->first];
    if (contact && contact <= ctx->peildatum)
        return contact <= due ? cal->nr[contact - cal->first] - cal->nr[day - cal->first]
                              : 6;
    return ctx->peildatum > due ? 6 : -1;
}

static int outcome(int bucket)
{
    return bucket < 0 ? PENDING : bucket <= 5 ? ON_TIME : LATE;
}

static void tally_add(tally *t, int bucket, long n)
{
    t->n[outcome(bucket)] += n;
}

/* On-time share of a tally, with the proportion status rule. */
static void tally_figures(const tally *t, pm_figures *f, const pm_config *cfg)
{
    f->teller = (double)t->n[ON_TIME];
    f->noemer = (double)(t->n[ON_TIME] + t->n[LATE]);
    pm_figures_proportion(f, cfg->doel_r1, cfg->min_n);
}

static void tally_cell(const tally *t, pm_cell *c, const char *key, const pm_config *cfg)
{
    pm_figures f = {0};
    tally_figures(t, &f, cfg);
    pm_cell_from_figures(c, key, &f, (long)f.noemer);
}

static long tally_sum(const tally *t)
{
    return t->n[ON_TIME] + t->n[LATE] + t->n[PENDING];
}

/* A breakdown over a fixed list of categories; the empty category (no
 * regio, no onderwerp: a NULL in names) is shown only when it has
 * requests, as `empty_key`. */
static pm_error tally_breakdown(pm_breakdown *b, const char *key, const tally (*t)[2],
                                const char *const *names, size_t n, const char *empty_key,
                                const pm_config *cfg)
{
    size_t shown = 0;
    for (size_t i = 0; i < n; i++)
        if (names[i] || tally_sum(&t[i][PER]) + tally_sum(&t[i][CUM]) > 0)
            shown++;
    pm_error err = pm_breakdown_alloc(b, key, false, true, shown);
    if (err)
        return err;
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        if (!names[i] && tally_sum(&t[i][PER]) + tally_sum(&t[i][CUM]) == 0)
            continue;
        const char *k = names[i] ? names[i] : empty_key;
        tally_cell(&t[i][PER], &b->periode[c], k, cfg);
        tally_cell(&t[i][CUM], &b->cumulatief[c], k, cfg);
        c++;
    }
    return PM_OK;
}

/* The distribution of working days to first contact: each cell the number
 * of requests in that bucket, as a share of all requests in the range. */
static pm_error bucket_breakdown(pm_breakdown *b, const r1_counts *c)
{
    pm_error err = pm_breakdown_alloc(b, "werkdagen", false, true, NBUCKETS);
    if (err)
        return err;
    for (int r = PER; r <= CUM; r++) {
        pm_cell *cells = r == PER ? b->periode : b->cumulatief;
        long all = 0;
        for (int i = 0; i < NBUCKETS; i++)
            all += c->buckets[r][i];
        for (int i = 0; i < NBUCKETS; i++) {
            pm_cell_set_key(&cells[i], bucket_keys[i], NULL);
            cells[i].teller = (double)c->buckets[r][i];
            cells[i].noemer = (double)all;
            cells[i].n = c->buckets[r][i];
            cells[i].has_waarde = all > 0;
            cells[i].waarde = all > 0 ? (double)c->buckets[r][i] / (double)all : 0;
        }
    }
    return PM_OK;
}

/* Counts one request received on `day` into c and its trend quarter:
 * org is its organisation (NULL when not in the table), sub its onderwerp
 * (NSUBJ - 1 for none, -1 for one not in the list). */
static void count_request(const pm_context *ctx, const pm_day *deadline, r1_counts *c,
                          tally *trend, const pm_org *org, pm_day day, pm_day contact,
                          int sub)
{
    if (!pm_org_in_filter(ctx, org)) /* SPEC §9: only the filter's organisations */
        return;
    int reg = org && org->regio >= 0 ? org->regio : (int)NREG - 1; /* none */
    int typ = org ? org->type : -1;
    int bucket = classify(ctx, deadline, day, contact);
    int quarter = pm_quarter_index(day);
    int in[2] = {day >= ctx->per_from && day <= ctx->per_to, day >= ctx->cum_from};
    int slot = bucket < 0 ? 7 : bucket;
    for (int rg = PER; rg <= CUM; rg++) {
        if (!in[rg])
            continue;
        tally_add(&c->total[rg], bucket, 1);
        c->buckets[rg][slot]++;
        tally_add(&c->regio[rg][reg], bucket, 1);
        if (typ >= 0)
            tally_add(&c->type[rg][typ], bucket, 1);
        if (sub >= 0)
            tally_add(&c->subject[rg][sub], bucket, 1);
    }
    if (in[CUM] && quarter >= ctx->q_first && quarter <= ctx->q_last)
        tally_add(&trend[quarter - ctx->q_first], bucket, 1);
}

/* What count_request reads of an organisation, three bytes apiece: the
 * 66,666 organisations of the 1M store in 200 kB that stay in cache,
 * instead of the 1.6 MB table read at random per request. */
typedef struct org_code {
    bool counts;  /* pm_org_in_filter */
    int8_t regio; /* NREG - 1 for none */
    int8_t type;  /* -1 for none */
} org_code;

/* count_request over the rows [lo, hi) in memory (columns.h, sorted by
 * day): the same sums, with the day's quarter and ranges worked out once
 * per day rather than per request. */
static pm_error count_columns(const pm_context *ctx, const pm_day *deadline, r1_counts *c,
                              tally *trend, const pm_org_table *orgs, size_t lo,
                              size_t hi)
{
    org_code *code = malloc((orgs->n ? orgs->n : 1) * sizeof *code);
    if (!code)
        return PM_ERR_NOMEM;
    for (size_t i = 0; i < orgs->n; i++) {
        const pm_org *o = &orgs->orgs[i];
        code[i] = (org_code){pm_org_in_filter(ctx, o),
                             (int8_t)(o->regio >= 0 ? o->regio : (int)NREG - 1),
                             (int8_t)o->type};
    }
    const org_code none = {pm_org_in_filter(ctx, NULL), (int8_t)(NREG - 1), -1};
    pm_day day = 0;
    bool have_day = false;
    int in[2] = {0, 0};
    tally *tq = NULL; /* the day's trend quarter, NULL outside the trend */
    for (size_t i = lo; i < hi; i++) {
        const pm_request_row *q = &ctx->cols->requests[i];
        const org_code *o = q->org >= 0 ? &code[q->org] : &none;
        if (!o->counts) /* SPEC §9: only the filter's organisations */
            continue;
        if (!have_day || q->ontvangen != day) {
            have_day = true;
            day = q->ontvangen;
            in[PER] = day >= ctx->per_from && day <= ctx->per_to;
            in[CUM] = day >= ctx->cum_from;
            int quarter = pm_quarter_index(day);
            tq = in[CUM] && quarter >= ctx->q_first && quarter <= ctx->q_last
                     ? &trend[quarter - ctx->q_first]
                     : NULL;
        }
        int bucket = classify(ctx, deadline, day, q->contact);
        int slot = bucket < 0 ? 7 : bucket;
        for (int rg = PER; rg <= CUM; rg++) {
            if (!in[rg])
                continue;
            tally_add(&c->total[rg], bucket, 1);
            c->buckets[rg][slot]++;
            tally_add(&c->regio[rg][o->regio], bucket, 1);
            if (o->type >= 0)
                tally_add(&c->type[rg][o->type], bucket, 1);
            if (q->subject >= 0)
                tally_add(&c->subject[rg][q->subject], bucket, 1);
        }
        if (tq)
            tally_add(tq, bucket, 1);
    }
    free(code);
    return PM_OK;
}

/* Transposes [category][range] tallies for tally_breakdown. */
#define BY_CATEGORY(arr, n, out)                                                         \
    do {                                                                                 \
        for (size_t i_ = 0; i_ < (n); i_++) {                                            \
            (out)[i_][PER] = (arr)[PER][i_];                                             \
            (out)[i_][CUM] = (arr)[CUM][i_];                                             \
        }                                                                                \
    } while (0)

static pm_error compute(const pm_context *ctx, pm_result *r, char *msg, size_t msgsize)
{
    const pm_config *cfg = ctx->cfg;
    pm_error err = pm_result_begin(r, ctx, cfg->doel_r1);
    if (err)
        return err;
    tally *trend = calloc(r->ntrend ? r->ntrend : 1, sizeof *trend);
    r1_counts *c = calloc(1, sizeof *c);
    if (!trend || !c) {
        free(trend);
        free(c);
        return PM_ERR_NOMEM;
    }

    /* The deadline of every day of the calendar, computed once. */
    const pm_calendar *cal = ctx->cal;
    pm_day *deadline = malloc(cal->ndays * sizeof *deadline);
    pm_org_table own = {0};
    const pm_org_table *orgs = NULL;
    err = deadline ? pm_org_table_use(ctx, &own, &orgs, msg, msgsize) : PM_ERR_NOMEM;
    for (size_t i = 0; deadline && i < cal->ndays; i++)
        deadline[i] = pm_calendar_deadline(cal, cal->first + (pm_day)i, 5);
    pm_day scan_from = pm_scan_from(ctx);
    sqlite3_stmt *st = NULL;
    if (!err && ctx->cols) {
        /* The rows in memory (columns.h): their org indexes are into
         * ctx->orgs, which orgs is then. */
        const pm_columns *cols = ctx->cols;
        size_t lo, hi;
        pm_columns_requests(cols, scan_from, ctx->peildatum, &lo, &hi);
        err = count_columns(ctx, deadline, c, trend, orgs, lo, hi);
    } else if (!err) {
        err = pm_prepare(ctx, sql_r1, &st, msg, msgsize);
    }
    if (st) {
        sqlite3_bind_int64(st, 1, scan_from);
        sqlite3_bind_int64(st, 2, ctx->peildatum);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const pm_org *org =
                pm_org_find(orgs, (const char *)sqlite3_column_text(st, 0));
            pm_day day = (pm_day)sqlite3_column_int64(st, 1);
            pm_day contact = (pm_day)sqlite3_column_int64(st, 2); /* NULL reads as 0 */
            const char *subject = (const char *)sqlite3_column_text(st, 3);
            int sub = subject && subject[0]
                          ? pm_index_of(pm_expertises, PM_NEXPERTISES, subject)
                          : (int)NSUBJ - 1; /* none */
            count_request(ctx, deadline, c, trend, org, day, contact, sub);
        }
        if (rc != SQLITE_DONE)
            err = pm_sql_error(ctx, msg, msgsize);
    }
    sqlite3_finalize(st);
    pm_org_table_free(&own);
    free(deadline);

    if (!err) {
        tally_figures(&c->total[PER], &r->periode, cfg);
        tally_figures(&c->total[CUM], &r->cumulatief, cfg);
        for (size_t i = 0; i < r->ntrend; i++)
            tally_figures(&trend[i], &r->trend[i].f, cfg);
        err = pm_result_alloc_breakdowns(r, 4);
    }
    if (!err) {
        tally by_reg[NREG][2], by_type[NTYPE][2], by_subj[NSUBJ][2];
        BY_CATEGORY(c->regio, NREG, by_reg);
        BY_CATEGORY(c->type, NTYPE, by_type);
        BY_CATEGORY(c->subject, NSUBJ, by_subj);
        err = tally_breakdown(&r->breakdowns[0], "regio", by_reg, pm_regios, NREG, "geen",
                              cfg);
        if (!err)
            err = tally_breakdown(&r->breakdowns[1], "type", by_type, pm_org_types, NTYPE,
                                  "", cfg);
        if (!err)
            err = tally_breakdown(&r->breakdowns[2], "onderwerp", by_subj, pm_expertises,
                                  NSUBJ, "onbekend", cfg);
        if (!err)
            err = bucket_breakdown(&r->breakdowns[3], c);
    }
    free(trend);
    free(c);
    return err;
}

const pm_indicator pm_indicator_r1 = {"R1", compute};
