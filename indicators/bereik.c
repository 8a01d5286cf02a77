/* bereik.c — the programme's reach (bereik.h): one scan of the requests of
 * the cumulatief range marks each organisation seen in the periode and in
 * the cumulatief range; the marks are then counted per type and regio. */
#include "bereik.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bereik_compute.h"
#include "columns.h"
#include "disclosure.h"
#include "filter.h"
#include "orgs.h"

enum { SEEN_PER = 1, SEEN_CUM = 2 };
enum { TYPE_GEMEENTE = 0, TYPE_SOB = 1 }; /* indexes into pm_org_types */

static const char sql_requests[] = "SELECT organisatie, ontvangen FROM hulpvragen"
                                   " WHERE ontvangen BETWEEN ?1 AND ?2";

static void mark(unsigned char *seen, size_t i, pm_day d, const pm_scope *s)
{
    if (d >= s->per_from && d <= s->per_to)
        seen[i] |= SEEN_PER;
    if (d >= s->cum_from && d <= s->cum_to)
        seen[i] |= SEEN_CUM;
}

/* Marks the organisations with a request received in either range. */
static pm_error scan(const pm_context *ctx, const pm_org_table *orgs, const pm_scope *s,
                     unsigned char *seen, char *msg, size_t msgsize)
{
    pm_day from = s->per_from < s->cum_from ? s->per_from : s->cum_from;
    pm_day to = s->per_to > s->cum_to ? s->per_to : s->cum_to;
    if (ctx->cols && ctx->orgs == orgs) {
        /* The kept rows index organisations in the table's order. */
        size_t lo, hi;
        pm_columns_requests(ctx->cols, from, to, &lo, &hi);
        for (size_t i = lo; i < hi; i++) {
            const pm_request_row *q = &ctx->cols->requests[i];
            if (q->org >= 0 && (size_t)q->org < orgs->n)
                mark(seen, (size_t)q->org, q->ontvangen, s);
        }
        return PM_OK;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(ctx->db, sql_requests, -1, &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "het bereik kan niet worden berekend: %s",
                 sqlite3_errmsg(ctx->db));
        return PM_ERR_DB;
    }
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, to);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const pm_org *org = pm_org_find(orgs, (const char *)sqlite3_column_text(st, 0));
        if (org)
            mark(seen, (size_t)(org - orgs->orgs), (pm_day)sqlite3_column_int64(st, 1),
                 s);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        snprintf(msg, msgsize, "het bereik kan niet worden berekend: %s",
                 sqlite3_errmsg(ctx->db));
        return PM_ERR_DB;
    }
    return PM_OK;
}

static void init_range(pm_bereik_range *r, pm_day van, pm_day tot)
{
    size_t ngem;
    pm_gemeenten(&ngem);
    r->van = van;
    r->tot = tot;
    r->gemeenten_totaal = (long)ngem;
    for (size_t k = 0; k < PM_NREGIOS; k++)
        r->regio[k].regio = pm_regios[k];
}

static void count(pm_bereik_range *r, const pm_org *org, bool in_range, bool in_filter)
{
    bool gemeente = org->type == TYPE_GEMEENTE, sob = org->type == TYPE_SOB;
    bool regio = org->regio >= 0 && org->regio < PM_NREGIOS;
    if (sob)
        r->sob_totaal++;
    if (gemeente && regio)
        r->regio[org->regio].gemeenten_totaal++;
    if (in_range && regio) {
        r->national_gemeenten[org->regio] += gemeente;
        r->national_sob[org->regio] += sob;
    }
    if (!in_range || !in_filter)
        return;
    r->gemeenten += gemeente;
    r->sob += sob;
    if (regio) {
        r->regio[org->regio].gemeenten += gemeente;
        r->regio[org->regio].sob += sob;
    }
}

pm_error pm_bereik_compute(pm_report *rep, pm_snapshot *snap, char *msg, size_t msgsize)
{
    const pm_context *ctx = &snap->ctx;
    const pm_scope *s = &rep->scope;
    pm_org_table own = {0};
    const pm_org_table *orgs = NULL;
    pm_error err = pm_org_table_use(ctx, &own, &orgs, msg, msgsize);
    unsigned char *seen = NULL;
    pm_bereik *b = NULL;
    if (!err) {
        seen = calloc(orgs->n ? orgs->n : 1, 1);
        b = calloc(1, sizeof *b);
        if (!seen || !b) {
            err = PM_ERR_NOMEM;
            snprintf(msg, msgsize, "onvoldoende geheugen voor het bereik");
        }
    }
    if (!err)
        err = scan(ctx, orgs, s, seen, msg, msgsize);
    if (!err) {
        b->gefilterd = pm_filter_active(&s->filter);
        init_range(&b->periode, s->per_from, s->per_to);
        init_range(&b->cumulatief, s->cum_from, s->cum_to);
        for (size_t i = 0; i < orgs->n; i++) {
            const pm_org *org = &orgs->orgs[i];
            bool in = pm_org_in_filter(ctx, org);
            count(&b->periode, org, seen[i] & SEEN_PER, in);
            count(&b->cumulatief, org, seen[i] & SEEN_CUM, in);
        }
        pm_bereik_free(rep->bereik);
        free(rep->bereik);
        rep->bereik = b;
        b = NULL;
    }
    free(b);
    free(seen);
    pm_org_table_free(&own);
    return err;
}

/* One column (gemeenten or SOB's) of a range. The national regio cells add
 * up to the national total, which is published unless small itself. Under
 * a filter a regio cell is the national one or 0: it takes the national
 * cell's mark; and its total, made of the cells inside the filter, is
 * hidden when one of them is (the rest would give that one away), unless
 * it is the national total itself. */
static void disclose_column(pm_bereik_range *r, bool sob, int min_cell)
{
    pm_cell cells[PM_NREGIOS];
    memset(cells, 0, sizeof cells);
    for (size_t k = 0; k < PM_NREGIOS; k++) {
        cells[k].key = (char *)r->regio[k].regio;
        cells[k].n = sob ? r->national_sob[k] : r->national_gemeenten[k];
        cells[k].teller = cells[k].noemer = (double)cells[k].n;
    }
    pm_disclosure_table(cells, PM_NREGIOS, PM_TABLE_COUNT, min_cell);
    bool part_hidden = false;
    long national = 0;
    for (size_t k = 0; k < PM_NREGIOS; k++) {
        long n = sob ? r->regio[k].sob : r->regio[k].gemeenten;
        pm_suppress m = cells[k].suppress;
        if (n == 0)
            m = PM_SUPPRESS_NONE;
        else if (!m && n < min_cell)
            m = PM_SUPPRESS_PRIMAIR;
        part_hidden |= m != PM_SUPPRESS_NONE;
        national += cells[k].n;
        if (sob)
            r->regio[k].sob_suppress = m;
        else
            r->regio[k].gemeenten_suppress = m;
    }
    long total = sob ? r->sob : r->gemeenten;
    pm_suppress t = PM_SUPPRESS_NONE;
    if (total > 0 && total < min_cell)
        t = PM_SUPPRESS_PRIMAIR;
    else if (part_hidden && total != national)
        t = PM_SUPPRESS_SECUNDAIR;
    if (sob)
        r->sob_suppress = t;
    else
        r->gemeenten_suppress = t;
}

void pm_bereik_disclose(pm_bereik *b, int min_cell)
{
    if (!b)
        return;
    disclose_column(&b->periode, false, min_cell);
    disclose_column(&b->periode, true, min_cell);
    disclose_column(&b->cumulatief, false, min_cell);
    disclose_column(&b->cumulatief, true, min_cell);
}

void pm_bereik_free(pm_bereik *b)
{
    if (b)
        memset(b, 0, sizeof *b);
}
