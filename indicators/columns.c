/* columns.c — loads the rows of columns.h with one plain scan of each big
 * table and orders them by day with a counting sort (the days of a store
 * span a few years, so the count table is small). */
#include "columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"

static pm_error db_error(sqlite3 *db, const char *what, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "%s lezen: %s", what, sqlite3_errmsg(db));
    return PM_ERR_DB;
}

static pm_error prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, const char *what,
                        char *msg, size_t msgsize)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return db_error(db, what, msg, msgsize);
    return PM_OK;
}

static int32_t org_index(const pm_org_table *orgs, const char *id)
{
    const pm_org *o = pm_org_find(orgs, id);
    return o ? (int32_t)(o - orgs->orgs) : -1;
}

/* Grows *rows (of size elem) to hold n + 1. */
static pm_error reserve(void **rows, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return PM_OK;
    size_t grown = *cap ? *cap * 2 : 4096;
    void *p = realloc(*rows, grown * elem);
    if (!p)
        return PM_ERR_NOMEM;
    *rows = p;
    *cap = grown;
    return PM_OK;
}

/* Orders n rows of size elem by their day (the pm_day at the start of
 * each row), stably, with a counting sort over [lo, hi]. */
static pm_error sort_by_day(void **rows, size_t n, size_t elem, pm_day lo, pm_day hi)
{
    if (n < 2)
        return PM_OK;
    size_t ndays = (size_t)(hi - lo) + 1;
    size_t *start = calloc(ndays + 1, sizeof *start);
    char *out = malloc(n * elem);
    if (!start || !out) {
        free(start);
        free(out);
        return PM_ERR_NOMEM;
    }
    const char *in = *rows;
    for (size_t i = 0; i < n; i++) {
        pm_day d;
        memcpy(&d, in + i * elem, sizeof d);
        start[(size_t)(d - lo) + 1]++;
    }
    for (size_t k = 1; k <= ndays; k++)
        start[k] += start[k - 1];
    for (size_t i = 0; i < n; i++) {
        pm_day d;
        memcpy(&d, in + i * elem, sizeof d);
        memcpy(out + start[d - lo]++ * elem, in + i * elem, elem);
    }
    free(start);
    free(*rows);
    *rows = out;
    return PM_OK;
}

static pm_error load_requests(pm_columns *c, sqlite3 *db, const pm_org_table *orgs,
                              char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = prepare(db,
                           "SELECT organisatie, ontvangen, eerste_contact, onderwerp"
                           " FROM hulpvragen NOT INDEXED",
                           &st, "hulpvragen", msg, msgsize);
    size_t cap = 0;
    pm_day lo = 0, hi = 0;
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        err = reserve((void **)&c->requests, &cap, c->nrequests, sizeof *c->requests);
        if (err)
            break;
        pm_request_row *r = &c->requests[c->nrequests++];
        r->org = org_index(orgs, (const char *)sqlite3_column_text(st, 0));
        r->ontvangen = (pm_day)sqlite3_column_int64(st, 1);
        r->contact = (pm_day)sqlite3_column_int64(st, 2); /* NULL reads as 0 */
        const char *subject = (const char *)sqlite3_column_text(st, 3);
        r->subject = subject && subject[0]
                         ? pm_index_of(pm_expertises, PM_NEXPERTISES, subject)
                         : PM_NEXPERTISES;
        if (c->nrequests == 1 || r->ontvangen < lo)
            lo = r->ontvangen;
        if (c->nrequests == 1 || r->ontvangen > hi)
            hi = r->ontvangen;
    }
    if (!err && rc != SQLITE_DONE)
        err = db_error(db, "hulpvragen", msg, msgsize);
    sqlite3_finalize(st);
    if (!err)
        err =
            sort_by_day((void **)&c->requests, c->nrequests, sizeof *c->requests, lo, hi);
    return err;
}

static pm_error load_support(pm_columns *c, sqlite3 *db, const pm_org_table *orgs,
                             char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = prepare(db,
                           "SELECT organisatie, datum, score_x10"
                           " FROM evaluaties NOT INDEXED WHERE soort = 'ondersteuning'",
                           &st, "evaluaties", msg, msgsize);
    size_t cap = 0;
    pm_day lo = 0, hi = 0;
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        err = reserve((void **)&c->support, &cap, c->nsupport, sizeof *c->support);
        if (err)
            break;
        pm_support_row *r = &c->support[c->nsupport++];
        r->org = org_index(orgs, (const char *)sqlite3_column_text(st, 0));
        r->datum = (pm_day)sqlite3_column_int64(st, 1);
        r->score_x10 = (int32_t)sqlite3_column_int64(st, 2);
        if (c->nsupport == 1 || r->datum < lo)
            lo = r->datum;
        if (c->nsupport == 1 || r->datum > hi)
            hi = r->datum;
    }
    if (!err && rc != SQLITE_DONE)
        err = db_error(db, "evaluaties", msg, msgsize);
    sqlite3_finalize(st);
    if (!err)
        err = sort_by_day((void **)&c->support, c->nsupport, sizeof *c->support, lo, hi);
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

/* The hourly rates by id (SQLite's BINARY order is strcmp's), for bsearch. */
static pm_error load_rates(sqlite3 *db, rate **out, size_t *n, char *msg, size_t msgsize)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    pm_error err = prepare(db, "SELECT id, uurtarief_cent FROM specialisten ORDER BY id",
                           &st, "specialisten", msg, msgsize);
    size_t cap = 0;
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        err = reserve((void **)out, &cap, *n, sizeof **out);
        if (err)
            break;
        (*out)[*n].id = strdup((const char *)sqlite3_column_text(st, 0));
        (*out)[*n].cent = sqlite3_column_int64(st, 1);
        if (!(*out)[(*n)++].id)
            err = PM_ERR_NOMEM;
    }
    if (!err && rc != SQLITE_DONE)
        err = db_error(db, "specialisten", msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

static pm_error load_inzet(pm_columns *c, sqlite3 *db, char *msg, size_t msgsize)
{
    rate *rates;
    size_t nrates;
    pm_error err = load_rates(db, &rates, &nrates, msg, msgsize);
    sqlite3_stmt *st = NULL;
    /* The days first, so the per-day table is allocated once. */
    if (!err)
        err = prepare(db, "SELECT min(datum), max(datum) FROM inzet", &st, "inzet", msg,
                      msgsize);
    if (!err && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_type(st, 0) != SQLITE_NULL) {
        c->inzet_first = (pm_day)sqlite3_column_int64(st, 0);
        c->ninzet_days = (size_t)(sqlite3_column_int64(st, 1) - c->inzet_first) + 1;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (!err && c->ninzet_days) {
        c->inzet_x100 = calloc(c->ninzet_days, sizeof *c->inzet_x100);
        if (!c->inzet_x100)
            err = PM_ERR_NOMEM;
    }
    if (!err && c->ninzet_days)
        err = prepare(db, "SELECT datum, specialist, uren_x100 FROM inzet NOT INDEXED",
                      &st, "inzet", msg, msgsize);
    if (!err && st) {
        int rc;
        const char *last = NULL;
        size_t last_len = 0;
        const rate *r = NULL;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(st, 1);
            size_t len = (size_t)sqlite3_column_bytes(st, 1);
            /* Rows of one specialist often follow each other. */
            if (!last || len != last_len || memcmp(id, last, len) != 0) {
                r = bsearch(id, rates, nrates, sizeof *rates, compare_rate);
                last = r ? r->id : NULL;
                last_len = r ? strlen(r->id) : 0;
            }
            pm_day d = (pm_day)sqlite3_column_int64(st, 0);
            if (r && d >= c->inzet_first && (size_t)(d - c->inzet_first) < c->ninzet_days)
                c->inzet_x100[d - c->inzet_first] +=
                    sqlite3_column_int64(st, 2) * r->cent;
        }
        if (rc != SQLITE_DONE)
            err = db_error(db, "inzet", msg, msgsize);
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < nrates; i++)
        free(rates[i].id);
    free(rates);
    return err;
}

pm_error pm_columns_load(pm_columns *c, sqlite3 *db, const pm_org_table *orgs, char *msg,
                         size_t msgsize)
{
    memset(c, 0, sizeof *c);
    pm_error err = load_requests(c, db, orgs, msg, msgsize);
    if (!err)
        err = load_support(c, db, orgs, msg, msgsize);
    if (!err)
        err = load_inzet(c, db, msg, msgsize);
    return err;
}

void pm_columns_free(pm_columns *c)
{
    if (!c)
        return;
    free(c->requests);
    free(c->support);
    free(c->inzet_x100);
    memset(c, 0, sizeof *c);
}

/* The first of n rows of size elem whose day is >= d. */
static size_t first_at(const void *rows, size_t n, size_t elem, pm_day d)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        pm_day day;
        memcpy(&day, (const char *)rows + mid * elem, sizeof day);
        if (day < d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void slice(const void *rows, size_t n, size_t elem, pm_day from, pm_day to,
                  size_t *lo, size_t *hi)
{
    *lo = first_at(rows, n, elem, from);
    *hi = to < from ? *lo : first_at(rows, n, elem, to + 1);
    if (*hi < *lo)
        *hi = *lo;
}

void pm_columns_requests(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                         size_t *hi)
{
    slice(c->requests, c->nrequests, sizeof *c->requests, from, to, lo, hi);
}

void pm_columns_support(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                        size_t *hi)
{
    slice(c->support, c->nsupport, sizeof *c->support, from, to, lo, hi);
}

int64_t pm_columns_inzet(const pm_columns *c, pm_day d)
{
    if (d < c->inzet_first || (size_t)(d - c->inzet_first) >= c->ninzet_days)
        return 0;
    return c->inzet_x100[d - c->inzet_first];
}
