/* columns.c — builds the rows of columns.h with one plain scan of each big
 * table (ordered by day with a counting sort: the days of a store span a
 * few years), keeps them in table kolommen as one blob per table, and
 * reads them back after checking they were built from the current data. */
#include "columns.h"
#include "bigmem.h"
#include "columns_build.h"
#include "columns_grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "hash.h"

static pm_error db_error(sqlite3 *db, const char *what, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "kolommen (%s): %s", what, sqlite3_errmsg(db));
    return PM_ERR_DB;
}

static pm_error prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, const char *what,
                        char *msg, size_t msgsize)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return db_error(db, what, msg, msgsize);
    return PM_OK;
}

/* ---- the organisation ids in id order, hashed ----------------------------- */

typedef struct org_index {
    char **ids; /* in id order: an organisation's index is its place here */
    size_t n;
    uint32_t *slots; /* 0 empty, else 1 + index */
    size_t mask;
} org_index;

static size_t id_hash(const char *s, size_t len)
{
    return (size_t)pm_mix64(pm_fnv1a64(PM_FNV64_INIT, s, len));
}

static void org_index_free(org_index *x)
{
    for (size_t i = 0; i < x->n; i++)
        free(x->ids[i]);
    free(x->ids);
    free(x->slots);
    memset(x, 0, sizeof *x);
}

/* SQLite's BINARY collation orders text as strcmp (memcmp) does, which is
 * the order indicators/orgs.c loads the table in. */
static pm_error org_index_load(org_index *x, sqlite3 *db, char *msg, size_t msgsize)
{
    memset(x, 0, sizeof *x);
    sqlite3_stmt *st = NULL;
    pm_error err = prepare(db, "SELECT id FROM organisaties ORDER BY id", &st,
                           "organisaties", msg, msgsize);
    size_t cap = 0;
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        err = pm_columns_reserve((void **)&x->ids, &cap, x->n, sizeof *x->ids);
        if (!err) {
            x->ids[x->n] = strdup((const char *)sqlite3_column_text(st, 0));
            err = x->ids[x->n] ? PM_OK : PM_ERR_NOMEM;
        }
        if (!err)
            x->n++;
    }
    if (!err && rc != SQLITE_DONE)
        err = db_error(db, "organisaties", msg, msgsize);
    sqlite3_finalize(st);
    size_t size = 16;
    while (!err && size < 2 * x->n)
        size *= 2;
    if (!err) {
        x->slots = calloc(size, sizeof *x->slots);
        err = x->slots ? PM_OK : PM_ERR_NOMEM;
    }
    if (err) {
        org_index_free(x);
        return err;
    }
    x->mask = size - 1;
    for (size_t i = 0; i < x->n; i++) {
        size_t j = id_hash(x->ids[i], strlen(x->ids[i])) & x->mask;
        while (x->slots[j])
            j = (j + 1) & x->mask;
        x->slots[j] = (uint32_t)(i + 1);
    }
    return PM_OK;
}

static int32_t org_find(const org_index *x, const char *id, size_t len)
{
    if (!id || !x->slots)
        return -1;
    for (size_t j = id_hash(id, len) & x->mask; x->slots[j]; j = (j + 1) & x->mask) {
        const char *s = x->ids[x->slots[j] - 1];
        if (strncmp(s, id, len) == 0 && s[len] == '\0')
            return (int32_t)(x->slots[j] - 1);
    }
    return -1;
}

/* ---- building ------------------------------------------------------------ */

/* Orders n rows of size elem by their day (the pm_day at the start of
 * each row), stably, with a counting sort over [lo, hi]. */
static pm_error sort_by_day(void **rows, size_t n, size_t elem, pm_day lo, pm_day hi)
{
    if (n < 2)
        return PM_OK;
    size_t ndays = (size_t)((int64_t)hi - lo) + 1;
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

static int32_t subject_index(const char *s);

pm_error pm_columns_sort_by_day(void **rows, size_t n, size_t elem)
{
    if (n < 2)
        return PM_OK;
    pm_day lo, hi;
    memcpy(&lo, *rows, sizeof lo);
    hi = lo;
    for (size_t i = 1; i < n; i++) {
        pm_day d;
        memcpy(&d, (const char *)*rows + i * elem, sizeof d);
        lo = d < lo ? d : lo;
        hi = d > hi ? d : hi;
    }
    return sort_by_day(rows, n, elem, lo, hi);
}

int32_t pm_columns_subject(const char *onderwerp)
{
    return subject_index(onderwerp);
}

static int32_t orgs_lookup(const void *orgs, const char *id, size_t len)
{
    return org_find(orgs, id, len);
}

static int32_t subject_index(const char *s)
{
    if (!s || !s[0])
        return PM_NEXPERTISES; /* none */
    for (int i = 0; i < PM_NEXPERTISES; i++)
        if (strcmp(pm_expertises[i], s) == 0)
            return i;
    return -1;
}

static pm_error build_requests(pm_columns *c, sqlite3 *db, const org_index *orgs,
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
        err = pm_columns_reserve((void **)&c->requests, &cap, c->nrequests,
                                 sizeof *c->requests);
        if (err)
            break;
        pm_request_row *r = &c->requests[c->nrequests++];
        r->org = org_find(orgs, (const char *)sqlite3_column_text(st, 0),
                          (size_t)sqlite3_column_bytes(st, 0));
        r->ontvangen = (pm_day)sqlite3_column_int64(st, 1);
        r->contact = (pm_day)sqlite3_column_int64(st, 2); /* NULL reads as 0 */
        r->subject = subject_index((const char *)sqlite3_column_text(st, 3));
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

static pm_error build_support(pm_columns *c, sqlite3 *db, const org_index *orgs,
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
        err = pm_columns_reserve((void **)&c->support, &cap, c->nsupport,
                                 sizeof *c->support);
        if (err)
            break;
        pm_support_row *r = &c->support[c->nsupport++];
        r->org = org_find(orgs, (const char *)sqlite3_column_text(st, 0),
                          (size_t)sqlite3_column_bytes(st, 0));
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

static int compare_id(const void *key, const void *elem)
{
    return strcmp(key, *(char *const *)elem);
}

/* The specialist ids in id order (SQLite's BINARY order is strcmp's, as
 * indicators/r3.c lists them): a specialist's index is its place here. */
typedef struct spec_ids {
    char **ids;
    size_t n;
} spec_ids;

static void spec_ids_free(spec_ids *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->ids[i]);
    free(s->ids);
    memset(s, 0, sizeof *s);
}

static pm_error spec_ids_load(spec_ids *s, sqlite3 *db, char *msg, size_t msgsize)
{
    memset(s, 0, sizeof *s);
    size_t cap = 0;
    sqlite3_stmt *st = NULL;
    pm_error err = prepare(db, "SELECT id FROM specialisten ORDER BY id", &st,
                           "specialisten", msg, msgsize);
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        err = pm_columns_reserve((void **)&s->ids, &cap, s->n, sizeof *s->ids);
        if (!err) {
            s->ids[s->n] = strdup((const char *)sqlite3_column_text(st, 0));
            err = s->ids[s->n] ? PM_OK : PM_ERR_NOMEM;
        }
        if (!err)
            s->n++;
    }
    if (!err && rc != SQLITE_DONE)
        err = db_error(db, "specialisten", msg, msgsize);
    sqlite3_finalize(st);
    if (err)
        spec_ids_free(s);
    return err;
}

static int32_t spec_find(const spec_ids *s, const char *id)
{
    char **found = id ? bsearch(id, s->ids, s->n, sizeof *s->ids, compare_id) : NULL;
    return found ? (int32_t)(found - s->ids) : -1;
}

/* The specialist evaluations, with their specialist's index in id order. */
static pm_error build_ratings(pm_columns *c, sqlite3 *db, const org_index *orgs,
                              const spec_ids *specs, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = prepare(db,
                           "SELECT datum, organisatie, specialist, score_x10"
                           " FROM evaluaties NOT INDEXED WHERE soort = 'specialist'",
                           &st, "evaluaties", msg, msgsize);
    size_t cap = 0;
    pm_day lo = 0, hi = 0;
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        err = pm_columns_reserve((void **)&c->ratings, &cap, c->nratings,
                                 sizeof *c->ratings);
        if (err)
            break;
        pm_rating_row *r = &c->ratings[c->nratings++];
        r->datum = (pm_day)sqlite3_column_int64(st, 0);
        r->org = org_find(orgs, (const char *)sqlite3_column_text(st, 1),
                          (size_t)sqlite3_column_bytes(st, 1));
        r->specialist = spec_find(specs, (const char *)sqlite3_column_text(st, 2));
        r->score_x10 = (int32_t)sqlite3_column_int64(st, 3);
        if (c->nratings == 1 || r->datum < lo)
            lo = r->datum;
        if (c->nratings == 1 || r->datum > hi)
            hi = r->datum;
    }
    if (!err && rc != SQLITE_DONE)
        err = db_error(db, "evaluaties", msg, msgsize);
    sqlite3_finalize(st);
    if (!err)
        err = sort_by_day((void **)&c->ratings, c->nratings, sizeof *c->ratings, lo, hi);
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
        err = pm_columns_reserve((void **)out, &cap, *n, sizeof **out);
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

static pm_error build_inzet(pm_columns *c, sqlite3 *db, char *msg, size_t msgsize)
{
    rate *rates;
    size_t nrates;
    pm_error err = load_rates(db, &rates, &nrates, msg, msgsize);
    sqlite3_stmt *st = NULL;
    /* The days first (the date index answers), so the table is allocated once. */
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
        const rate *r = NULL;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(st, 1);
            /* Rows of one specialist often follow each other. */
            if (!r || !id || strcmp(id, r->id) != 0)
                r = id ? bsearch(id, rates, nrates, sizeof *rates, compare_rate) : NULL;
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

pm_error pm_columns_build(pm_columns *c, sqlite3 *db, char *msg, size_t msgsize)
{
    memset(c, 0, sizeof *c);
    org_index orgs;
    pm_error err = org_index_load(&orgs, db, msg, msgsize);
    if (err)
        return err;
    c->norgs = orgs.n;
    spec_ids specs;
    err = spec_ids_load(&specs, db, msg, msgsize);
    if (err) {
        org_index_free(&orgs);
        return err;
    }
    c->nspecs = specs.n;
    err = build_requests(c, db, &orgs, msg, msgsize);
    if (!err)
        err = build_support(c, db, &orgs, msg, msgsize);
    if (!err)
        err = build_ratings(c, db, &orgs, &specs, msg, msgsize);
    if (!err)
        err = pm_columns_build_activity(c, db, orgs_lookup, &orgs, specs.ids, specs.n,
                                        msg, msgsize);
    c->activity_loaded = !err;
    spec_ids_free(&specs);
    org_index_free(&orgs);
    if (!err)
        err = build_inzet(c, db, msg, msgsize);
    if (err)
        pm_columns_free(c);
    return err;
}

/* ---- keeping and reading --------------------------------------------------- */

/* The blobs are the rows' bytes as this machine holds them; kolommen's row
 * 'bron' carries the fingerprint sums of the data they were built from
 * (rijen: the number of organisations). */
static pm_error put(sqlite3_stmt *st, const char *naam, int64_t rijen, int64_t eerste,
                    const void *data, size_t bytes)
{
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, naam, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, rijen);
    sqlite3_bind_int64(st, 3, eerste);
    /* A zero-length blob, not NULL, for an empty table. */
    sqlite3_bind_blob64(st, 4, data ? data : "", bytes, SQLITE_STATIC);
    return sqlite3_step(st) == SQLITE_DONE ? PM_OK : PM_ERR_DB;
}

static pm_error save(sqlite3 *db, const pm_columns *c, const pm_store_sums *bron,
                     char *msg, size_t msgsize)
{
    pm_error err = PM_OK;
    if (sqlite3_exec(db, "DELETE FROM kolommen", NULL, NULL, NULL) != SQLITE_OK)
        err = db_error(db, "bewaren", msg, msgsize);
    sqlite3_stmt *st = NULL;
    if (!err)
        err = prepare(db,
                      "INSERT INTO kolommen (naam, rijen, eerste, data)"
                      " VALUES (?1, ?2, ?3, ?4)",
                      &st, "bewaren", msg, msgsize);
    if (!err)
        err = put(st, "bron", (int64_t)c->norgs, (int64_t)c->nspecs, bron, sizeof *bron);
    if (!err)
        err = put(st, "hulpvragen", (int64_t)c->nrequests, 0, c->requests,
                  c->nrequests * sizeof *c->requests);
    if (!err)
        err = put(st, "ondersteuning", (int64_t)c->nsupport, 0, c->support,
                  c->nsupport * sizeof *c->support);
    if (!err)
        err = put(st, "beoordelingen", (int64_t)c->nratings, 0, c->ratings,
                  c->nratings * sizeof *c->ratings);
    if (!err)
        err = put(st, "inzet", (int64_t)c->ninzet_days, c->inzet_first, c->inzet_x100,
                  c->ninzet_days * sizeof *c->inzet_x100);
    if (!err)
        err = put(st, "activiteit", (int64_t)c->nactivity, 0, c->activity,
                  c->nactivity * sizeof *c->activity);
    if (err == PM_ERR_DB && st)
        err = db_error(db, "bewaren", msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

pm_error pm_columns_keep(sqlite3 *db, const pm_columns *c, const pm_store_sums *sums,
                         char *msg, size_t msgsize)
{
    return save(db, c, sums, msg, msgsize);
}

pm_error pm_columns_refresh(sqlite3 *db, const pm_store_sums *sums, char *msg,
                            size_t msgsize)
{
    pm_columns c;
    pm_error err = pm_columns_build(&c, db, msg, msgsize);
    if (!err) {
        err = save(db, &c, sums, msg, msgsize);
        pm_columns_free(&c);
    }
    return err;
}

/* Reads the kept blob of row rowid, n rows of size elem, into *out with
 * incremental blob I/O (straight into the buffer, without SQLite's own
 * copy of 16 MB first); false when its length says otherwise. */
static bool take(sqlite3 *db, sqlite3_int64 rowid, sqlite3_int64 bytes, size_t n,
                 size_t elem, void **out)
{
    if (bytes < 0 || (uint64_t)bytes != (uint64_t)n * elem || bytes > INT32_MAX)
        return false;
    *out = pm_big_alloc((size_t)bytes);
    if (!*out || !bytes)
        return *out != NULL;
    sqlite3_blob *blob = NULL;
    bool ok =
        sqlite3_blob_open(db, "main", "kolommen", "data", rowid, 0, &blob) == SQLITE_OK &&
        sqlite3_blob_bytes(blob) == (int)bytes &&
        sqlite3_blob_read(blob, *out, (int)bytes, 0) == SQLITE_OK;
    sqlite3_blob_close(blob);
    return ok;
}

/* Whether the rows can be read without checks per row: organisation and
 * onderwerp indexes in range, days in order (the slices search them). */
static bool plausible(const pm_columns *c)
{
    for (size_t i = 0; i < c->nrequests; i++) {
        const pm_request_row *r = &c->requests[i];
        if (r->org < -1 || r->org >= (int64_t)c->norgs || r->subject < -1 ||
            r->subject > PM_NEXPERTISES ||
            (i && r->ontvangen < c->requests[i - 1].ontvangen))
            return false;
    }
    for (size_t i = 0; i < c->nsupport; i++) {
        const pm_support_row *r = &c->support[i];
        if (r->org < -1 || r->org >= (int64_t)c->norgs ||
            (i && r->datum < c->support[i - 1].datum))
            return false;
    }
    for (size_t i = 0; i < c->nratings; i++) {
        const pm_rating_row *r = &c->ratings[i];
        if (r->org < -1 || r->org >= (int64_t)c->norgs || r->specialist < -1 ||
            r->specialist >= (int64_t)c->nspecs ||
            (i && r->datum < c->ratings[i - 1].datum))
            return false;
    }
    return true;
}

/* The same for the activity rows, which pm_columns_load_activity reads. */
static bool plausible_activity(const pm_columns *c)
{
    for (size_t i = 0; i < c->nactivity; i++) {
        const pm_activity_row *r = &c->activity[i];
        if (r->org < -1 || r->org >= (int64_t)c->norgs || r->specialist < 0 ||
            r->specialist >= (int64_t)c->nspecs ||
            (i && r->datum < c->activity[i - 1].datum))
            return false;
    }
    return true;
}

bool pm_columns_load_activity(pm_columns *c, sqlite3 *db)
{
    if (c->activity_loaded)
        return true;
    if (c->activity_rowid <= 0)
        return false;
    void *rows = NULL;
    sqlite3_int64 bytes = (sqlite3_int64)(c->nactivity * sizeof *c->activity);
    bool ok =
        take(db, c->activity_rowid, bytes, c->nactivity, sizeof *c->activity, &rows);
    c->activity = rows;
    c->activity_rowid = 0; /* one try */
    if (ok && plausible_activity(c)) {
        c->activity_loaded = true;
        return true;
    }
    free(c->activity);
    c->activity = NULL;
    return false;
}

pm_error pm_columns_read(pm_columns *c, sqlite3 *db, const pm_store_sums *now,
                         bool *found, char *msg, size_t msgsize)
{
    memset(c, 0, sizeof *c);
    *found = false;
    sqlite3_stmt *st = NULL;
    pm_error err = prepare(db,
                           "SELECT naam, rijen, eerste, length(data), rowid,"
                           " CASE naam WHEN 'bron' THEN data END FROM kolommen",
                           &st, "lezen", msg, msgsize);
    if (err)
        return err;
    int have = 0; /* bits: bron, hulpvragen, ondersteuning, inzet, beoordelingen,
                     activiteit */
    bool ok = true;
    int rc;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *naam = (const char *)sqlite3_column_text(st, 0);
        sqlite3_int64 rijen = sqlite3_column_int64(st, 1);
        if (!naam || rijen < 0 || (uint64_t)rijen > SIZE_MAX / 16) {
            ok = false;
            break;
        }
        size_t n = (size_t)rijen;
        sqlite3_int64 bytes = sqlite3_column_int64(st, 3);
        sqlite3_int64 rowid = sqlite3_column_int64(st, 4);
        if (strcmp(naam, "bron") == 0) {
            ok = sqlite3_column_bytes(st, 5) == (int)sizeof *now &&
                 memcmp(sqlite3_column_blob(st, 5), now, sizeof *now) == 0;
            c->norgs = n;
            sqlite3_int64 nspecs = sqlite3_column_int64(st, 2);
            ok = ok && nspecs >= 0;
            c->nspecs = (size_t)nspecs;
            have |= 1;
        } else if (strcmp(naam, "hulpvragen") == 0 && !c->requests) {
            ok = take(db, rowid, bytes, n, sizeof *c->requests, (void **)&c->requests);
            c->nrequests = n;
            have |= 2;
        } else if (strcmp(naam, "ondersteuning") == 0 && !c->support) {
            ok = take(db, rowid, bytes, n, sizeof *c->support, (void **)&c->support);
            c->nsupport = n;
            have |= 4;
        } else if (strcmp(naam, "inzet") == 0 && !c->inzet_x100) {
            ok =
                take(db, rowid, bytes, n, sizeof *c->inzet_x100, (void **)&c->inzet_x100);
            c->ninzet_days = n;
            c->inzet_first = (pm_day)sqlite3_column_int64(st, 2);
            have |= 8;
        } else if (strcmp(naam, "beoordelingen") == 0 && !c->ratings) {
            ok = take(db, rowid, bytes, n, sizeof *c->ratings, (void **)&c->ratings);
            c->nratings = n;
            have |= 16;
        } else if (strcmp(naam, "activiteit") == 0 && !(have & 32)) {
            /* Only its place now: only a filter reads it. */
            ok = (uint64_t)bytes == (uint64_t)n * sizeof *c->activity && rowid > 0;
            c->nactivity = n;
            c->activity_rowid = rowid;
            have |= 32;
        }
    }
    if (ok && rc != SQLITE_DONE)
        err = db_error(db, "lezen", msg, msgsize);
    sqlite3_finalize(st);
    *found = !err && ok && have == 63 && plausible(c);
    if (!*found)
        pm_columns_free(c);
    return err;
}

static bool same_columns(const pm_columns *a, const pm_columns *b)
{
    return a->norgs == b->norgs && a->nspecs == b->nspecs &&
           a->nrequests == b->nrequests && a->nratings == b->nratings &&
           (!a->nratings ||
            memcmp(a->ratings, b->ratings, a->nratings * sizeof *a->ratings) == 0) &&
           a->nsupport == b->nsupport && a->ninzet_days == b->ninzet_days &&
           (!a->ninzet_days || a->inzet_first == b->inzet_first) &&
           (!a->nrequests ||
            memcmp(a->requests, b->requests, a->nrequests * sizeof *a->requests) == 0) &&
           (!a->nsupport ||
            memcmp(a->support, b->support, a->nsupport * sizeof *a->support) == 0) &&
           (!a->ninzet_days || memcmp(a->inzet_x100, b->inzet_x100,
                                      a->ninzet_days * sizeof *a->inzet_x100) == 0) &&
           a->nactivity == b->nactivity &&
           (!a->nactivity ||
            memcmp(a->activity, b->activity, a->nactivity * sizeof *a->activity) == 0);
}

pm_error pm_columns_verify(sqlite3 *db, const pm_store_sums *now, bool *same, char *msg,
                           size_t msgsize)
{
    *same = false;
    pm_columns kept, fresh;
    bool found;
    pm_error err = pm_columns_read(&kept, db, now, &found, msg, msgsize);
    if (err || !found)
        return err;
    if (!pm_columns_load_activity(&kept, db)) {
        pm_columns_free(&kept);
        return PM_OK;
    }
    err = pm_columns_build(&fresh, db, msg, msgsize);
    if (!err)
        *same = same_columns(&kept, &fresh);
    pm_columns_free(&kept);
    pm_columns_free(&fresh);
    return err;
}

void pm_columns_free(pm_columns *c)
{
    if (!c)
        return;
    free(c->requests);
    free(c->support);
    free(c->ratings);
    free(c->inzet_x100);
    free(c->activity);
    memset(c, 0, sizeof *c);
}

/* ---- slices ------------------------------------------------------------- */

/* The first of n rows of size elem whose day is >= d. */
static size_t first_at(const void *rows, size_t n, size_t elem, int64_t d)
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
    *hi = to < from ? *lo : first_at(rows, n, elem, (int64_t)to + 1);
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

void pm_columns_ratings(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                        size_t *hi)
{
    slice(c->ratings, c->nratings, sizeof *c->ratings, from, to, lo, hi);
}

void pm_columns_activity(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                         size_t *hi)
{
    slice(c->activity, c->nactivity, sizeof *c->activity, from, to, lo, hi);
}

int64_t pm_columns_inzet(const pm_columns *c, pm_day d)
{
    if (!c->ninzet_days || d < c->inzet_first ||
        (size_t)((int64_t)d - c->inzet_first) >= c->ninzet_days)
        return 0;
    return c->inzet_x100[d - c->inzet_first];
}
