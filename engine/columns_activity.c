/* columns_activity.c — R3's activity rows (columns.h, pm_activity_row):
 * which specialist worked on a request of which organisation on which day.
 *
 * R3 under a filter asks "had this specialist inzet on a request of the
 * filter's organisations in this range"; in SQL that is a join of the 3M
 * inzet rows with hulpvragen per run (most of `dashboard --per regio`).
 * Here the join is made once, when the columns are built: a hash of the
 * request ids gives each inzet row its organisation index, and the rows
 * are kept distinct per (datum, specialist, org), ordered by them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns_build.h"
#include "columns_grow.h"
#include "hash.h"

/* The request ids (in one growing arena) with their organisation index,
 * hashed by open addressing. */
typedef struct request_index {
    char *arena;
    size_t used, cap;
    size_t *off; /* where request i's id starts in arena */
    int32_t *org;
    size_t n, ncap, orgcap;
    uint32_t *slots; /* 0 empty, else 1 + index */
    size_t mask;
} request_index;

static void request_index_free(request_index *x)
{
    free(x->arena);
    free(x->off);
    free(x->org);
    free(x->slots);
    memset(x, 0, sizeof *x);
}

static size_t id_hash(const char *s, size_t len)
{
    return (size_t)pm_mix64(pm_fnv1a64(PM_FNV64_INIT, s, len));
}

static pm_error request_push(request_index *x, const char *id, size_t len, int32_t org)
{
    if (pm_columns_reserve((void **)&x->off, &x->ncap, x->n, sizeof *x->off) ||
        pm_columns_reserve((void **)&x->org, &x->orgcap, x->n, sizeof *x->org) ||
        pm_columns_arena_add(&x->arena, &x->used, &x->cap, 1 << 20, id, len,
                             &x->off[x->n]))
        return PM_ERR_NOMEM;
    x->org[x->n++] = org;
    return PM_OK;
}

static pm_error request_index_hash(request_index *x)
{
    size_t size = 16;
    while (size < 2 * x->n)
        size *= 2;
    x->slots = calloc(size, sizeof *x->slots);
    if (!x->slots)
        return PM_ERR_NOMEM;
    x->mask = size - 1;
    for (size_t i = 0; i < x->n; i++) {
        const char *id = x->arena + x->off[i];
        size_t j = id_hash(id, strlen(id)) & x->mask;
        while (x->slots[j])
            j = (j + 1) & x->mask;
        x->slots[j] = (uint32_t)(i + 1);
    }
    return PM_OK;
}

/* The organisation index of the request with this id; -1 when there is no
 * such request (or it has no organisation of the table). */
static int32_t request_org(const request_index *x, const char *id, size_t len)
{
    if (!id || !x->slots)
        return -1;
    for (size_t j = id_hash(id, len) & x->mask; x->slots[j]; j = (j + 1) & x->mask) {
        size_t i = x->slots[j] - 1;
        const char *s = x->arena + x->off[i];
        if (strncmp(s, id, len) == 0 && s[len] == '\0')
            return x->org[i];
    }
    return -1;
}

static pm_error load_requests(request_index *x, sqlite3 *db, pm_org_lookup find,
                              const void *orgs, char *msg, size_t msgsize)
{
    memset(x, 0, sizeof *x);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT id, organisatie FROM hulpvragen NOT INDEXED", -1,
                           &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "kolommen (hulpvragen): %s", sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    pm_error err = PM_OK;
    int rc;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        if (!id)
            continue;
        int32_t org = find(orgs, (const char *)sqlite3_column_text(st, 1),
                           (size_t)sqlite3_column_bytes(st, 1));
        err = request_push(x, id, (size_t)sqlite3_column_bytes(st, 0), org);
    }
    if (!err && rc != SQLITE_DONE) {
        snprintf(msg, msgsize, "kolommen (hulpvragen): %s", sqlite3_errmsg(db));
        err = PM_ERR_DB;
    }
    sqlite3_finalize(st);
    if (!err)
        err = request_index_hash(x);
    if (err)
        request_index_free(x);
    return err;
}

static int compare_id(const void *key, const void *elem)
{
    return strcmp(key, *(char *const *)elem);
}

/* Orders the rows by day, stably, with a counting sort over [lo, hi] (the
 * days of a store span a few years). Its own, not columns.c's: the two
 * files of the engine must not call each other (test_module_cycles). */
static pm_error sort_by_day(pm_columns *c, pm_day lo, pm_day hi)
{
    if (c->nactivity < 2)
        return PM_OK;
    size_t ndays = (size_t)((int64_t)hi - lo) + 1;
    size_t *start = calloc(ndays + 1, sizeof *start);
    pm_activity_row *out = malloc(c->nactivity * sizeof *out);
    if (!start || !out) {
        free(start);
        free(out);
        return PM_ERR_NOMEM;
    }
    for (size_t i = 0; i < c->nactivity; i++)
        start[(size_t)(c->activity[i].datum - lo) + 1]++;
    for (size_t k = 1; k <= ndays; k++)
        start[k] += start[k - 1];
    for (size_t i = 0; i < c->nactivity; i++)
        out[start[c->activity[i].datum - lo]++] = c->activity[i];
    free(start);
    free(c->activity);
    c->activity = out;
    return PM_OK;
}

/* Within one day: by specialist, then organisation. */
static int compare_row(const void *a, const void *b)
{
    const pm_activity_row *x = a, *y = b;
    if (x->specialist != y->specialist)
        return x->specialist < y->specialist ? -1 : 1;
    return x->org < y->org ? -1 : x->org > y->org;
}

/* Sorts each day's rows (already grouped by day) and keeps one of each. */
static void distinct_per_day(pm_columns *c)
{
    size_t out = 0;
    for (size_t i = 0; i < c->nactivity;) {
        size_t j = i + 1;
        while (j < c->nactivity && c->activity[j].datum == c->activity[i].datum)
            j++;
        qsort(c->activity + i, j - i, sizeof *c->activity, compare_row);
        for (size_t k = i; k < j; k++)
            if (out == 0 || k == i || compare_row(&c->activity[k], &c->activity[out - 1]))
                c->activity[out++] = c->activity[k];
        i = j;
    }
    c->nactivity = out;
}

pm_error pm_columns_activity_distinct(pm_columns *c)
{
    if (!c->nactivity)
        return PM_OK;
    pm_day lo = c->activity[0].datum, hi = lo;
    for (size_t i = 1; i < c->nactivity; i++) {
        lo = c->activity[i].datum < lo ? c->activity[i].datum : lo;
        hi = c->activity[i].datum > hi ? c->activity[i].datum : hi;
    }
    pm_error err = sort_by_day(c, lo, hi);
    if (!err)
        distinct_per_day(c);
    return err;
}

pm_error pm_columns_build_activity(pm_columns *c, sqlite3 *db, pm_org_lookup find,
                                   const void *orgs, char *const *spec_ids, size_t nspecs,
                                   char *msg, size_t msgsize)
{
    request_index req;
    pm_error err = load_requests(&req, db, find, orgs, msg, msgsize);
    if (err)
        return err;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT datum, specialist, hulpvraag FROM inzet NOT INDEXED",
                           -1, &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "kolommen (inzet): %s", sqlite3_errmsg(db));
        request_index_free(&req);
        return PM_ERR_DB;
    }
    size_t cap = 0;
    pm_day lo = 0, hi = 0;
    int rc;
    const char *last_id = NULL; /* rows of one specialist often follow each other */
    int32_t last = -1;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 1);
        if (!id)
            continue;
        if (!last_id || strcmp(id, last_id) != 0) {
            char *const *found =
                bsearch(id, spec_ids, nspecs, sizeof *spec_ids, compare_id);
            last = found ? (int32_t)(found - spec_ids) : -1;
            last_id = found ? *found : NULL;
        }
        if (last < 0)
            continue; /* not a specialist: never active */
        if (c->nactivity == cap) {
            size_t grown = cap ? 2 * cap : 4096;
            pm_activity_row *p = realloc(c->activity, grown * sizeof *p);
            if (!p) {
                err = PM_ERR_NOMEM;
                break;
            }
            c->activity = p;
            cap = grown;
        }
        pm_activity_row *r = &c->activity[c->nactivity++];
        memset(r, 0, sizeof *r);
        r->datum = (pm_day)sqlite3_column_int64(st, 0);
        r->specialist = last;
        r->org = request_org(&req, (const char *)sqlite3_column_text(st, 2),
                             (size_t)sqlite3_column_bytes(st, 2));
        if (c->nactivity == 1 || r->datum < lo)
            lo = r->datum;
        if (c->nactivity == 1 || r->datum > hi)
            hi = r->datum;
    }
    if (!err && rc != SQLITE_DONE) {
        snprintf(msg, msgsize, "kolommen (inzet): %s", sqlite3_errmsg(db));
        err = PM_ERR_DB;
    }
    sqlite3_finalize(st);
    request_index_free(&req);
    if (!err)
        err = sort_by_day(c, lo, hi);
    if (!err)
        distinct_per_day(c);
    return err;
}
