/* columns_collect.c — columns_collect.h: the rows of columns.h taken from
 * the import's own rows. Every id is interned as it comes (organisations,
 * specialists and requests each in a hash of their own), the rows keep the
 * interned number, and pm_collect_keep maps those numbers to the indexes in
 * id order that pm_columns_build gives, with one read of organisaties and
 * specialisten (tens of thousands of rows, not millions). */
#include "columns_collect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "columns_build.h"
#include "columns_grow.h"
#include "hash.h"

/* Distinct ids in one growing arena, numbered in order of arrival and
 * hashed by open addressing. */
typedef struct idset {
    char *arena;
    size_t used, cap;
    size_t *off; /* where id i starts in arena; ids are NUL-terminated */
    size_t n, ncap;
    /* 0 empty, else the id's hash in the high 32 bits and 1 + its number in
     * the low ones: a probe that meets another id is told apart without
     * reading the arena (at 1M requests the arena is far out of cache). */
    uint64_t *slots;
    size_t mask;
    int32_t last; /* the number found last: rows of one id often follow each other */
} idset;

/* An inzet row until the specialists and requests are known: 16 bytes. */
typedef struct inzet_row {
    pm_day datum;
    int32_t spec;    /* number in specs, -1: NULL */
    int32_t request; /* number in requests, -1: NULL */
    int32_t uren_x100;
} inzet_row;

struct pm_collect {
    idset orgs, specs, requests;
    int32_t *request_org; /* per request number: its organisation's number, -1 */
    bool *request_seen;   /* per request number: a hulpvragen row was collected */
    size_t request_org_cap;
    pm_columns c; /* org and specialist fields hold numbers until keep */
    size_t cap_requests, cap_support, cap_ratings;
    inzet_row *inzet;
    size_t ninzet, cap_inzet;
    /* pm_collect_resolve: per organisation and specialist number its index
     * in the table (-1: not there), per specialist its hourly rate. */
    int32_t *orgmap, *specmap;
    int64_t *rate;
};

static uint64_t id_hash(const char *s, size_t len)
{
    return pm_mix64(pm_fnv1a64(PM_FNV64_INIT, s, len));
}

static uint64_t slot_of(uint64_t hash, size_t num)
{
    return (hash & 0xffffffff00000000u) | (uint64_t)(num + 1);
}

static int32_t slot_num(uint64_t slot)
{
    return (int32_t)((slot & 0xffffffffu) - 1);
}

static void idset_free(idset *x)
{
    free(x->arena);
    free(x->off);
    free(x->slots);
    memset(x, 0, sizeof *x);
}

static const char *idset_id(const idset *x, int32_t i)
{
    return x->arena + x->off[i];
}

static pm_error idset_rehash(idset *x, size_t size)
{
    uint64_t *slots = calloc(size, sizeof *slots);
    if (!slots)
        return PM_ERR_NOMEM;
    free(x->slots);
    x->slots = slots;
    x->mask = size - 1;
    for (size_t i = 0; i < x->n; i++) {
        const char *id = idset_id(x, (int32_t)i);
        uint64_t h = id_hash(id, strlen(id));
        size_t j = (size_t)h & x->mask;
        while (x->slots[j])
            j = (j + 1) & x->mask;
        x->slots[j] = slot_of(h, i);
    }
    return PM_OK;
}

static bool idset_same(const idset *x, int32_t i, const char *id, size_t len)
{
    const char *s = idset_id(x, i);
    return strncmp(s, id, len) == 0 && s[len] == '\0';
}

/* The number of id (len bytes, no NUL inside: ids are printable), or -1;
 * *j is the slot where it was found or would go, *h the id's hash. */
static int32_t idset_find(const idset *x, const char *id, size_t len, size_t *j,
                          uint64_t *h)
{
    *h = id_hash(id, len);
    if (!x->slots)
        return -1;
    uint64_t tag = *h & 0xffffffff00000000u;
    for (*j = (size_t)*h & x->mask; x->slots[*j]; *j = (*j + 1) & x->mask)
        if ((x->slots[*j] & 0xffffffff00000000u) == tag &&
            idset_same(x, slot_num(x->slots[*j]), id, len))
            return slot_num(x->slots[*j]);
    return -1;
}

/* Sets *num to the number of id, adding it when new; NULL id: -1. */
static pm_error idset_intern(idset *x, const char *id, size_t len, int32_t *num)
{
    *num = -1;
    if (!id)
        return PM_OK;
    if (x->last >= 0 && x->n && idset_same(x, x->last, id, len)) {
        *num = x->last;
        return PM_OK;
    }
    size_t j = 0;
    uint64_t h;
    int32_t found = idset_find(x, id, len, &j, &h);
    if (found >= 0) {
        *num = x->last = found;
        return PM_OK;
    }
    if (x->n >= INT32_MAX - 1)
        return PM_ERR_NOMEM;
    if (2 * (x->n + 1) > x->mask + 1 || !x->slots) {
        size_t size = x->slots ? 2 * (x->mask + 1) : 1024;
        if (idset_rehash(x, size))
            return PM_ERR_NOMEM;
        (void)idset_find(x, id, len, &j, &h);
    }
    if (pm_columns_reserve((void **)&x->off, &x->ncap, x->n, sizeof *x->off) ||
        pm_columns_arena_add(&x->arena, &x->used, &x->cap, 1 << 16, id, len,
                             &x->off[x->n]))
        return PM_ERR_NOMEM;
    x->slots[j] = slot_of(h, x->n);
    *num = x->last = (int32_t)x->n++;
    return PM_OK;
}

pm_collect *pm_collect_new(void)
{
    pm_collect *k = calloc(1, sizeof *k);
    if (k)
        k->orgs.last = k->specs.last = k->requests.last = -1;
    return k;
}

void pm_collect_free(pm_collect *k)
{
    if (!k)
        return;
    idset_free(&k->orgs);
    idset_free(&k->specs);
    idset_free(&k->requests);
    free(k->request_org);
    free(k->request_seen);
    pm_columns_free(&k->c);
    free(k->inzet);
    free(k->orgmap);
    free(k->specmap);
    free(k->rate);
    free(k);
}

/* The request's number, with room for its organisation. */
static pm_error request_number(pm_collect *k, const char *id, size_t len, int32_t *num)
{
    pm_error err = idset_intern(&k->requests, id, len, num);
    if (err || *num < 0 || (size_t)*num < k->request_org_cap)
        return err;
    size_t cap = k->requests.ncap;
    int32_t *p = realloc(k->request_org, cap * sizeof *p);
    if (!p)
        return PM_ERR_NOMEM;
    k->request_org = p;
    bool *seen = realloc(k->request_seen, cap * sizeof *seen);
    if (!seen)
        return PM_ERR_NOMEM;
    k->request_seen = seen;
    for (size_t i = k->request_org_cap; i < cap; i++) {
        p[i] = -1;
        seen[i] = false;
    }
    k->request_org_cap = cap;
    return PM_OK;
}

pm_error pm_collect_request(pm_collect *k, const char *id, size_t idlen, const char *org,
                            size_t orglen, pm_day ontvangen, pm_day contact,
                            const char *onderwerp)
{
    int32_t req, o;
    pm_error err = request_number(k, id, idlen, &req);
    if (!err)
        err = idset_intern(&k->orgs, org, orglen, &o);
    if (!err)
        err = pm_columns_reserve((void **)&k->c.requests, &k->cap_requests,
                                 k->c.nrequests, sizeof *k->c.requests);
    if (err)
        return err;
    if (req >= 0) {
        k->request_org[req] = o;
        k->request_seen[req] = true;
    }
    pm_request_row *r = &k->c.requests[k->c.nrequests++];
    r->ontvangen = ontvangen;
    r->contact = contact;
    r->org = o;
    r->subject = pm_columns_subject(onderwerp);
    return PM_OK;
}

pm_error pm_collect_evaluation(pm_collect *k, const char *soort, pm_day datum,
                               const char *org, size_t orglen, const char *spec,
                               size_t speclen, int32_t score_x10)
{
    bool support = soort && strcmp(soort, "ondersteuning") == 0;
    bool rating = soort && strcmp(soort, "specialist") == 0;
    if (!support && !rating)
        return PM_OK; /* the columns hold no other kind */
    int32_t o, s = -1;
    pm_error err = idset_intern(&k->orgs, org, orglen, &o);
    if (!err && rating)
        err = idset_intern(&k->specs, spec, speclen, &s);
    if (!err && support)
        err = pm_columns_reserve((void **)&k->c.support, &k->cap_support, k->c.nsupport,
                                 sizeof *k->c.support);
    if (!err && rating)
        err = pm_columns_reserve((void **)&k->c.ratings, &k->cap_ratings, k->c.nratings,
                                 sizeof *k->c.ratings);
    if (err)
        return err;
    if (support) {
        pm_support_row *r = &k->c.support[k->c.nsupport++];
        r->datum = datum;
        r->org = o;
        r->score_x10 = score_x10;
    } else {
        pm_rating_row *r = &k->c.ratings[k->c.nratings++];
        r->datum = datum;
        r->org = o;
        r->specialist = s;
        r->score_x10 = score_x10;
    }
    return PM_OK;
}

pm_error pm_collect_inzet(pm_collect *k, pm_day datum, const char *spec, size_t speclen,
                          const char *request, size_t requestlen, int32_t uren_x100)
{
    int32_t s, req;
    pm_error err = idset_intern(&k->specs, spec, speclen, &s);
    if (!err)
        err = request_number(k, request, requestlen, &req);
    if (!err)
        err = pm_columns_reserve((void **)&k->inzet, &k->cap_inzet, k->ninzet,
                                 sizeof *k->inzet);
    if (err)
        return err;
    k->inzet[k->ninzet++] = (inzet_row){datum, s, req, uren_x100};
    return PM_OK;
}

/* ---- keeping -------------------------------------------------------------- */

static pm_error db_error(sqlite3 *db, const char *what, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "kolommen (%s): %s", what, sqlite3_errmsg(db));
    return PM_ERR_DB;
}

/* map[number] = the index in id order of each id of x that is in table
 * (-1 for the others), *n the table's rows; rate[number] its hourly rate
 * when rate is not NULL. SQLite's BINARY order is strcmp's, as
 * pm_columns_build reads both tables. */
static pm_error resolve(sqlite3 *db, const char *sql, const char *table, const idset *x,
                        int32_t **map, int64_t **rate, size_t *n, char *msg,
                        size_t msgsize)
{
    *n = 0;
    *map = malloc((x->n ? x->n : 1) * sizeof **map);
    if (rate)
        *rate = calloc(x->n ? x->n : 1, sizeof **rate);
    if (!*map || (rate && !*rate))
        return PM_ERR_NOMEM;
    for (size_t i = 0; i < x->n; i++)
        (*map)[i] = -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(db, table, msg, msgsize);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        size_t j;
        uint64_t h;
        int32_t num =
            id ? idset_find(x, id, (size_t)sqlite3_column_bytes(st, 0), &j, &h) : -1;
        if (num >= 0) {
            (*map)[num] = (int32_t)*n;
            if (rate)
                (*rate)[num] = sqlite3_column_int64(st, 1);
        }
        (*n)++;
    }
    pm_error err = rc == SQLITE_DONE ? PM_OK : db_error(db, table, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

static int32_t mapped(const int32_t *map, int32_t num)
{
    return num >= 0 ? map[num] : -1;
}

/* B's inzet per day and R3's activity rows from the inzet rows, as
 * build_inzet and pm_columns_build_activity make them from the table. */
static pm_error build_inzet(pm_collect *k, const int32_t *orgmap, const int32_t *specmap,
                            const int64_t *rate)
{
    pm_columns *c = &k->c;
    if (!k->ninzet)
        return PM_OK;
    pm_day lo = k->inzet[0].datum, hi = lo;
    size_t nactive = 0;
    for (size_t i = 0; i < k->ninzet; i++) {
        lo = k->inzet[i].datum < lo ? k->inzet[i].datum : lo;
        hi = k->inzet[i].datum > hi ? k->inzet[i].datum : hi;
        nactive += mapped(specmap, k->inzet[i].spec) >= 0;
    }
    c->inzet_first = lo;
    c->ninzet_days = (size_t)((int64_t)hi - lo) + 1;
    c->inzet_x100 = calloc(c->ninzet_days, sizeof *c->inzet_x100);
    c->activity = malloc((nactive ? nactive : 1) * sizeof *c->activity);
    if (!c->inzet_x100 || !c->activity)
        return PM_ERR_NOMEM;
    for (size_t i = 0; i < k->ninzet; i++) {
        const inzet_row *z = &k->inzet[i];
        int32_t s = mapped(specmap, z->spec);
        if (s < 0)
            continue; /* not a specialist: no rate, never active */
        c->inzet_x100[z->datum - lo] += (int64_t)z->uren_x100 * rate[z->spec];
        int32_t o = z->request >= 0 ? mapped(orgmap, k->request_org[z->request]) : -1;
        c->activity[c->nactivity++] = (pm_activity_row){z->datum, s, o};
    }
    /* The inzet rows are no longer needed: free them before the sort. */
    free(k->inzet);
    k->inzet = NULL;
    k->ninzet = 0;
    return pm_columns_activity_distinct(c);
}

/* Whether every id of x is in the table that sql lists. */
static pm_error all_known(sqlite3 *db, const char *sql, const char *table, const idset *x,
                          bool *all, char *msg, size_t msgsize)
{
    int32_t *map = NULL;
    size_t n;
    pm_error err = resolve(db, sql, table, x, &map, NULL, &n, msg, msgsize);
    *all = !err;
    for (size_t i = 0; !err && i < x->n && *all; i++)
        *all = map[i] >= 0;
    free(map);
    return err;
}

pm_error pm_collect_refs(pm_collect *k, sqlite3 *db, bool *orgs, bool *specs,
                         bool *requests, char *msg, size_t msgsize)
{
    *orgs = *specs = *requests = false;
    pm_error err = all_known(db, "SELECT id FROM organisaties", "organisaties", &k->orgs,
                             orgs, msg, msgsize);
    if (!err)
        err = all_known(db, "SELECT id FROM specialisten", "specialisten", &k->specs,
                        specs, msg, msgsize);
    if (err) {
        *orgs = *specs = false;
        return err;
    }
    *requests = true;
    for (size_t i = 0; i < k->requests.n && *requests; i++)
        *requests = k->request_seen[i];
    return PM_OK;
}

pm_error pm_collect_resolve(pm_collect *k, sqlite3 *db, char *msg, size_t msgsize)
{
    pm_columns *c = &k->c;
    pm_error err = resolve(db, "SELECT id FROM organisaties ORDER BY id", "organisaties",
                           &k->orgs, &k->orgmap, NULL, &c->norgs, msg, msgsize);
    if (!err)
        err = resolve(db, "SELECT id, uurtarief_cent FROM specialisten ORDER BY id",
                      "specialisten", &k->specs, &k->specmap, &k->rate, &c->nspecs, msg,
                      msgsize);
    if (err == PM_ERR_NOMEM)
        snprintf(msg, msgsize, "onvoldoende geheugen");
    return err;
}

pm_error pm_collect_arrange(pm_collect *k)
{
    pm_columns *c = &k->c;
    const int32_t *orgmap = k->orgmap, *specmap = k->specmap;
    for (size_t i = 0; i < c->nrequests; i++)
        c->requests[i].org = mapped(orgmap, c->requests[i].org);
    for (size_t i = 0; i < c->nsupport; i++)
        c->support[i].org = mapped(orgmap, c->support[i].org);
    for (size_t i = 0; i < c->nratings; i++) {
        c->ratings[i].org = mapped(orgmap, c->ratings[i].org);
        c->ratings[i].specialist = mapped(specmap, c->ratings[i].specialist);
    }
    pm_error err =
        pm_columns_sort_by_day((void **)&c->requests, c->nrequests, sizeof *c->requests);
    if (!err)
        err =
            pm_columns_sort_by_day((void **)&c->support, c->nsupport, sizeof *c->support);
    if (!err)
        err =
            pm_columns_sort_by_day((void **)&c->ratings, c->nratings, sizeof *c->ratings);
    if (!err)
        err = build_inzet(k, orgmap, specmap, k->rate);
    return err;
}

pm_error pm_collect_store(pm_collect *k, sqlite3 *db, const pm_store_sums *sums,
                          char *msg, size_t msgsize)
{
    pm_error err = pm_columns_keep(db, &k->c, sums, msg, msgsize);
    if (err == PM_ERR_NOMEM)
        snprintf(msg, msgsize, "onvoldoende geheugen");
    return err;
}

pm_error pm_collect_keep(pm_collect *k, sqlite3 *db, const pm_store_sums *sums, char *msg,
                         size_t msgsize)
{
    pm_error err = pm_collect_resolve(k, db, msg, msgsize);
    if (!err)
        err = pm_collect_arrange(k);
    if (err == PM_ERR_NOMEM)
        snprintf(msg, msgsize, "onvoldoende geheugen");
    return err ? err : pm_collect_store(k, db, sums, msg, msgsize);
}
