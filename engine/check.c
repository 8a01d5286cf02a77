/* check.c — consistency warnings over the whole store, each naming the file
 * and line the row came from, and the store's integrity check, returned as
 * data (warning.h): the Dutch sentences are made at the edges (labels.c).
 *
 * Why the warning queries are shaped as they are: every workbook lists these
 * warnings, so on the largest stores they must cost less than the
 * indicators (docs/PERFORMANCE.md). The five warnings about requests need
 * every request, so they
 * share ONE scan of hulpvragen in table order (no sort, no index lookups);
 * C counts each kind exactly and keeps only the first max_listed rows in the
 * listing order (ontvangen, id) in a bounded heap; only those rows are read
 * again, by rowid, to be named. Probable duplicates were a GROUP BY over all
 * requests whose sorter spilled to disk: now the scan hashes
 * each request's (ontvangen, organisatie, onderwerp), a radix partition on
 * the hash brings equal hashes together in linear time, and only requests
 * whose hash occurs more than once are read back and compared exactly, so a
 * hash collision can never merge or split a group. The output is the one the
 * SQL gave: groups by (ontvangen, organisatie, onderwerp with NULL first),
 * ids within a group in rowid order, file and line of the group's first row,
 * and rows whose file is missing from import_bestanden left out, as the join
 * did. The inzet warning is two range lookups per specialist in the
 * (specialist, datum) index; the tariff and evaluation warnings stay SQL. */
#include "check.h"

#include "columns.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "filename.h"
#include "hash.h"
#include "store.h"

void pm_check_defaults(pm_check_opts *opts)
{
    opts->uurtarief_cap_cent = 12000;
    opts->integrity = true;
    opts->max_listed = 20;
}

/* The bytes of ids a duplicate warning keeps: a sentence shows no more
 * (exporters/labels.c cuts a sentence at 511 bytes, as check always did). */
#define LINE_SIZE 512

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? (const char *)s : "";
}

/* ---- the values of a warning ---------------------------------------- */

/* A copy of column i, NULL for SQL NULL; *bad is set when memory runs out. */
static char *take(sqlite3_stmt *st, int i, bool *bad)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (!t)
        return NULL;
    char *c = strdup(t);
    if (!c)
        *bad = true;
    return c;
}

/* Each filler reads a statement whose columns are (pad, regel, a, b, c)
 * and sets the values of its kind of warning from a, b and c. */
typedef void (*fill_fn)(sqlite3_stmt *st, const pm_check_opts *opts, pm_warning *w,
                        bool *bad);

static void fill_tariff(sqlite3_stmt *st, const pm_check_opts *opts, pm_warning *w,
                        bool *bad)
{
    w->id = take(st, 2, bad);
    w->cents = sqlite3_column_int64(st, 4);
    w->cap_cents = opts->uurtarief_cap_cent;
}

/* A request, and for some kinds its status. */
static void fill_request(sqlite3_stmt *st, const pm_check_opts *o, pm_warning *w,
                         bool *bad)
{
    (void)o;
    w->id = take(st, 2, bad);
}

static void fill_request_status(sqlite3_stmt *st, const pm_check_opts *o, pm_warning *w,
                                bool *bad)
{
    (void)o;
    w->id = take(st, 2, bad);
    w->status = take(st, 3, bad);
}

static void fill_unknown_request(sqlite3_stmt *st, const pm_check_opts *o, pm_warning *w,
                                 bool *bad)
{
    (void)o;
    w->id = take(st, 2, bad);
    w->request = take(st, 3, bad);
}

static void fill_outside_dates(sqlite3_stmt *st, const pm_check_opts *o, pm_warning *w,
                               bool *bad)
{
    (void)o;
    w->id = take(st, 2, bad);
    w->specialist = take(st, 3, bad);
    w->day = (pm_day)sqlite3_column_int64(st, 4);
}

static void warning_free(pm_warning *w)
{
    free(w->file);
    free(w->id);
    free(w->status);
    free(w->request);
    free(w->specialist);
    free(w->organisation);
    for (size_t i = 0; i < w->nids; i++)
        free(w->ids[i]);
    free(w->ids);
}

void pm_warnings_free(pm_warnings *ws)
{
    for (size_t i = 0; ws->item && i < ws->n; i++)
        warning_free(&ws->item[i]);
    free(ws->item);
    memset(ws, 0, sizeof *ws);
}

/* Appends a warning of kind about a row of file `path` (as stored; the
 * warning keeps its base name) at line; NULL without memory. */
static pm_warning *warning_add(pm_warnings *ws, pm_warning_kind kind, const char *path,
                               long long line)
{
    if (ws->n == ws->alloc) {
        size_t alloc = ws->alloc ? 2 * ws->alloc : 16;
        pm_warning *grown = realloc(ws->item, alloc * sizeof *grown);
        if (!grown)
            return NULL;
        ws->item = grown;
        ws->alloc = alloc;
    }
    pm_warning *w = &ws->item[ws->n];
    memset(w, 0, sizeof *w);
    w->kind = kind;
    w->line = line;
    w->file = strdup(pm_filename_base(path));
    if (!w->file)
        return NULL;
    ws->n++;
    return w;
}

/* ---- the kinds of warning, in the order they are printed ------------- */

typedef enum check_source {
    BY_QUERY,   /* sql returns (pad, regel, a, b, c) in listing order */
    BY_SCAN,    /* a flag column of the request scan below */
    DUPLICATES, /* the duplicate groups of the request scan */
} check_source;

typedef struct check_def {
    pm_warning_kind kind;
    check_source source;
    const char *sql; /* BY_QUERY */
    int bit;         /* BY_SCAN: the bit of the scan's flags for a finding */
    fill_fn fill;
} check_def;

#define FROM(t) " FROM " t " x JOIN import_bestanden f ON f.id = x.bestand "

/* The request scan reads the raw columns and C decides the four BY_SCAN
 * warnings, as the former WHERE clauses did (a NULL status is neither
 * 'afgerond' nor different from it); SQL expressions for them cost a fifth
 * more per row (callgrind). The id is read only for a finding. */
static const char scan_sql[] =
    "SELECT rowid, bestand, ontvangen, organisatie, onderwerp, specialist, status,"
    " afgerond_op, id FROM hulpvragen";
enum {
    SCAN_ROWID,
    SCAN_FILE,
    SCAN_DAY,
    SCAN_ORG,
    SCAN_SUBJECT,
    SCAN_SPECIALIST,
    SCAN_STATUS,
    SCAN_DONE_ON,
    SCAN_ID
};

/* The bits of the BY_SCAN warnings for the scan's current row. */
static int scan_flags(sqlite3_stmt *st, const char *subject)
{
    int flags = 0;
    if (sqlite3_column_type(st, SCAN_SPECIALIST) == SQLITE_NULL)
        flags |= 1;
    if (!subject)
        flags |= 2;
    const char *status = (const char *)sqlite3_column_text(st, SCAN_STATUS);
    bool no_date = sqlite3_column_type(st, SCAN_DONE_ON) == SQLITE_NULL;
    if (status) {
        bool done = strcmp(status, "afgerond") == 0;
        if (done && no_date)
            flags |= 4;
        if (!done && !no_date)
            flags |= 8;
    }
    return flags;
}
#define NSCAN 4 /* BY_SCAN warnings */

/* A listed request, for the fillers of the BY_SCAN warnings. */
static const char named_sql[] =
    "SELECT f.pad, x.regel, x.id, x.status" FROM("hulpvragen") "WHERE x.rowid = ?1";

static const check_def checks[] = {
    {PM_WARN_TARIFF_OVER_CAP, BY_QUERY,
     "SELECT f.pad, x.regel, x.id, x.naam, x.uurtarief_cent" FROM(
         "specialisten") "WHERE x.uurtarief_cent > ?1 ORDER BY x.id",
     0, fill_tariff},
    {PM_WARN_NO_SPECIALIST, BY_SCAN, NULL, 0, fill_request_status},
    {PM_WARN_NO_SUBJECT, BY_SCAN, NULL, 1, fill_request},
    {PM_WARN_UNKNOWN_REQUEST, BY_QUERY,
     "SELECT f.pad, x.regel, x.id, x.hulpvraag" FROM(
         "evaluaties") "WHERE x.hulpvraag IS NOT NULL AND NOT EXISTS "
                       "(SELECT 1 FROM hulpvragen h WHERE h.id = x.hulpvraag) ORDER BY "
                       "x.datum, x.id",
     0, fill_unknown_request},
    /* Per specialist two range lookups in the (specialist, datum) index.
     * CROSS JOIN keeps specialisten the outer loop: without it SQLite chose
     * to scan the whole index and look the specialist up per row. */
    {PM_WARN_OUTSIDE_DATES, BY_QUERY,
     "SELECT f.pad, x.regel, x.id, x.specialist, x.datum FROM specialisten s"
     " CROSS JOIN inzet x INDEXED BY inzet_specialist ON x.specialist = s.id AND "
     "x.datum < s.start"
     " JOIN import_bestanden f ON f.id = x.bestand"
     " UNION ALL "
     "SELECT f.pad, x.regel, x.id, x.specialist, x.datum FROM specialisten s"
     " CROSS JOIN inzet x INDEXED BY inzet_specialist ON x.specialist = s.id AND "
     "x.datum > s.einde"
     " JOIN import_bestanden f ON f.id = x.bestand"
     " ORDER BY 5, 3",
     0, fill_outside_dates},
    {PM_WARN_DUPLICATE, DUPLICATES, NULL, 0, NULL},
    {PM_WARN_DONE_WITHOUT_DATE, BY_SCAN, NULL, 2, fill_request},
    {PM_WARN_DATE_WITHOUT_DONE, BY_SCAN, NULL, 3, fill_request_status},
};
#define NCHECKS (sizeof checks / sizeof checks[0])

/* ---- a bounded listing ------------------------------------------------ */

/* The first `cap` items in cmp order of all items offered, as a max-heap:
 * the root is the item the next better one pushes out. Owns its items. */
typedef struct top {
    void **item;
    size_t n, alloc, cap;
    int (*cmp)(const void *a, const void *b);
    void (*free_item)(void *item);
} top;

static void top_free(top *t)
{
    for (size_t i = 0; i < t->n; i++)
        t->free_item(t->item[i]);
    free(t->item);
    t->item = NULL;
    t->n = t->alloc = 0;
}

/* Whether an item equal to key would be kept: the cheap test before the
 * caller builds the item. */
static bool top_wants(const top *t, const void *key)
{
    return t->n < t->cap || (t->n > 0 && t->cmp(key, t->item[0]) < 0);
}

static void sift_down(top *t, size_t i, size_t n)
{
    for (;;) {
        size_t big = i, l = 2 * i + 1, r = l + 1;
        if (l < n && t->cmp(t->item[l], t->item[big]) > 0)
            big = l;
        if (r < n && t->cmp(t->item[r], t->item[big]) > 0)
            big = r;
        if (big == i)
            return;
        void *tmp = t->item[i];
        t->item[i] = t->item[big];
        t->item[big] = tmp;
        i = big;
    }
}

/* Takes item (which top_wants accepted) and owns it from now on, also when
 * it fails with PM_ERR_NOMEM. */
static pm_error top_add(top *t, void *item)
{
    if (t->n == t->cap) { /* full: item replaces the root */
        t->free_item(t->item[0]);
        t->item[0] = item;
        sift_down(t, 0, t->n);
        return PM_OK;
    }
    if (t->n == t->alloc) {
        size_t alloc = t->alloc ? 2 * t->alloc : 32;
        void **grown = realloc(t->item, alloc * sizeof *grown);
        if (!grown) {
            t->free_item(item);
            return PM_ERR_NOMEM;
        }
        t->item = grown;
        t->alloc = alloc;
    }
    size_t i = t->n++;
    t->item[i] = item;
    while (i > 0 && t->cmp(t->item[i], t->item[(i - 1) / 2]) > 0) {
        void *tmp = t->item[i];
        t->item[i] = t->item[(i - 1) / 2];
        t->item[(i - 1) / 2] = tmp;
        i = (i - 1) / 2;
    }
    return PM_OK;
}

/* Heapsort in place: afterwards item[0..n) is in ascending cmp order. */
static void top_sort(top *t)
{
    for (size_t end = t->n; end > 1; end--) {
        void *tmp = t->item[0];
        t->item[0] = t->item[end - 1];
        t->item[end - 1] = tmp;
        sift_down(t, 0, end - 1);
    }
}

/* BINARY collation, as SQLite compares TEXT without a COLLATE clause. */
static int cmp_text(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c)
        return c;
    return alen < blen ? -1 : alen > blen;
}

/* A request named by a BY_SCAN warning, in the order (ontvangen, id). */
typedef struct named_row {
    long long day;
    sqlite3_int64 rowid;
    size_t idlen;
    char *id;
} named_row;

static int cmp_named(const void *a, const void *b)
{
    const named_row *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return cmp_text(x->id, x->idlen, y->id, y->idlen);
}

static void free_named(void *p)
{
    named_row *r = p;
    if (r)
        free(r->id);
    free(r);
}

/* A duplicate group, in the order (ontvangen, organisatie, onderwerp) with
 * no onderwerp first, as GROUP BY and the stable ORDER BY gave them. */
typedef struct dup_group {
    long long day;
    char *org, *subject; /* subject NULL: no onderwerp */
    size_t orglen, subjectlen;
    char **ids;         /* the first ids in rowid order (LINE_SIZE bytes' worth) */
    size_t nids, size;  /* ids kept, requests in the group */
    sqlite3_int64 file; /* file and line of the group's first row */
    long long line;
} dup_group;

static int cmp_subject(const char *a, size_t alen, const char *b, size_t blen)
{
    if (!a || !b)
        return !a && !b ? 0 : (!a ? -1 : 1);
    return cmp_text(a, alen, b, blen);
}

static int cmp_dup(const void *a, const void *b)
{
    const dup_group *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    int c = cmp_text(x->org, x->orglen, y->org, y->orglen);
    return c ? c : cmp_subject(x->subject, x->subjectlen, y->subject, y->subjectlen);
}

static void free_dup(void *p)
{
    dup_group *g = p;
    if (g) {
        free(g->org);
        free(g->subject);
        for (size_t i = 0; i < g->nids; i++)
            free(g->ids[i]);
        free(g->ids);
    }
    free(g);
}

static char *copy_text(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

/* ---- the files rows came from ----------------------------------------- */

/* import_bestanden (a few rows per import) in id order: the scan skips rows
 * whose file is not there, as the former JOIN did, and names files without
 * a lookup per row. */
typedef struct file_list {
    sqlite3_int64 *id;
    char **pad;
    size_t n;
    size_t last; /* rows of one file come together: try it first */
} file_list;

static void files_free(file_list *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->pad[i]);
    free(f->id);
    free(f->pad);
    memset(f, 0, sizeof *f);
}

static pm_error files_load(sqlite3 *db, file_list *f)
{
    memset(f, 0, sizeof *f);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT id, pad FROM import_bestanden ORDER BY id", -1,
                           &st, NULL) != SQLITE_OK)
        return PM_ERR_DB;
    size_t alloc = 0;
    pm_error err = PM_OK;
    int rc;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (f->n == alloc) {
            alloc = alloc ? 2 * alloc : 16;
            sqlite3_int64 *id = realloc(f->id, alloc * sizeof *id);
            if (id)
                f->id = id;
            char **pad = id ? realloc(f->pad, alloc * sizeof *pad) : NULL;
            if (pad)
                f->pad = pad;
            if (!id || !pad) {
                err = PM_ERR_NOMEM;
                break;
            }
        }
        const char *p = col(st, 1);
        f->pad[f->n] = copy_text(p, strlen(p));
        if (!f->pad[f->n]) {
            err = PM_ERR_NOMEM;
            break;
        }
        f->id[f->n++] = sqlite3_column_int64(st, 0);
    }
    if (!err && rc != SQLITE_DONE)
        err = PM_ERR_DB;
    sqlite3_finalize(st);
    if (err)
        files_free(f);
    return err;
}

/* The index of file id in f, or -1 when there is no such file. */
static long files_find(file_list *f, sqlite3_int64 id)
{
    if (f->last < f->n && f->id[f->last] == id)
        return (long)f->last;
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->id[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < f->n && f->id[lo] == id) {
        f->last = lo;
        return (long)lo;
    }
    return -1;
}

/* ---- grouping by hash ------------------------------------------------- */

typedef struct keyed {
    uint64_t hash;
    sqlite3_int64 rowid;
} keyed;

static uint64_t group_hash(long long day, const char *org, size_t orglen,
                           const char *subject, size_t subjectlen)
{
    uint64_t h = pm_fnv1a64(PM_FNV64_INIT, &day, sizeof day);
    h = pm_fnv1a64(h, &orglen, sizeof orglen);
    h = pm_fnv1a64(h, org, orglen);
    unsigned char present = subject != NULL;
    h = pm_fnv1a64(h, &present, 1);
    if (subject)
        h = pm_fnv1a64(h, subject, subjectlen);
    return pm_mix64(h);
}

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

/* Sorts a[0..n) by (hash, rowid) in linear time for spread hashes: one
 * counting pass on the top bits puts about four items in a bucket, and the
 * small buckets are sorted where they are. Returns PM_ERR_NOMEM or PM_OK. */
static pm_error sort_keyed(keyed *a, size_t n)
{
    if (n < 2)
        return PM_OK;
    unsigned bits = 1;
    while (bits < 20 && ((size_t)1 << bits) < n / 4)
        bits++;
    size_t nb = (size_t)1 << bits;
    size_t *start = calloc(nb + 1, sizeof *start);
    keyed *tmp = malloc(n * sizeof *tmp);
    if (!start || !tmp) {
        free(start);
        free(tmp);
        return PM_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        start[(a[i].hash >> (64 - bits)) + 1]++;
    for (size_t b = 0; b < nb; b++)
        start[b + 1] += start[b];
    for (size_t i = 0; i < n; i++)
        tmp[start[a[i].hash >> (64 - bits)]++] = a[i];
    /* start[b] is now the end of bucket b, the start of bucket b + 1 */
    size_t from = 0;
    for (size_t b = 0; b < nb; b++) {
        size_t len = start[b] - from;
        keyed *k = tmp + from;
        if (len > 16) {
            qsort(k, len, sizeof *k, cmp_keyed);
        } else {
            for (size_t i = 1; i < len; i++) {
                keyed v = k[i];
                size_t j = i;
                for (; j > 0 && cmp_keyed(&k[j - 1], &v) > 0; j--)
                    k[j] = k[j - 1];
                k[j] = v;
            }
        }
        from = start[b];
    }
    memcpy(a, tmp, n * sizeof *a);
    free(tmp);
    free(start);
    return PM_OK;
}

/* ---- the request scan ------------------------------------------------- */

typedef struct scan_result {
    size_t found[NSCAN];
    top listed[NSCAN];
    size_t dup_found;
    top dups;
} scan_result;

/* One request that shares its hash with another, read back by rowid. */
typedef struct candidate {
    sqlite3_int64 rowid, file;
    long long day, line;
    char *org, *subject, *id;
    size_t orglen, subjectlen;
} candidate;

static void free_candidates(candidate *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].org);
        free(c[i].subject);
        free(c[i].id);
    }
}

static int cmp_candidate(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    int c = cmp_text(x->org, x->orglen, y->org, y->orglen);
    if (!c)
        c = cmp_subject(x->subject, x->subjectlen, y->subject, y->subjectlen);
    if (c)
        return c;
    return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

static bool same_key(const candidate *x, const candidate *y)
{
    return x->day == y->day && cmp_text(x->org, x->orglen, y->org, y->orglen) == 0 &&
           cmp_subject(x->subject, x->subjectlen, y->subject, y->subjectlen) == 0;
}

/* Offers the group c[0..n) (n >= 2, one key, rowid order) to the listing. */
static pm_error offer_group(top *t, const candidate *c, size_t n)
{
    dup_group key = {.day = c->day,
                     .org = c->org,
                     .orglen = c->orglen,
                     .subject = c->subject,
                     .subjectlen = c->subjectlen};
    if (!top_wants(t, &key))
        return PM_OK;
    /* Only the ids of the first LINE_SIZE bytes of "a, b, c" can show in
     * the sentence; a group of thousands of requests keeps no more. */
    size_t keep = 0;
    for (size_t len = 0; keep < n && len < LINE_SIZE; keep++)
        len += (keep ? 2 : 0) + strlen(c[keep].id);
    dup_group *g = calloc(1, sizeof *g);
    char **ids = calloc(keep, sizeof *ids);
    if (!g || !ids) {
        free(g);
        free(ids);
        return PM_ERR_NOMEM;
    }
    *g = key;
    g->ids = ids;
    g->size = n;
    for (size_t i = 0; i < keep; i++) {
        ids[i] = strdup(c[i].id);
        if (!ids[i]) {
            g->org = g->subject = NULL; /* still the candidate's */
            free_dup(g);
            return PM_ERR_NOMEM;
        }
        g->nids++;
    }
    g->org = copy_text(c->org, c->orglen);
    g->subject = c->subject ? copy_text(c->subject, c->subjectlen) : NULL;
    g->file = c->file;
    g->line = c->line;
    if (!g->org || (c->subject && !g->subject)) {
        free_dup(g);
        return PM_ERR_NOMEM;
    }
    return top_add(t, g);
}

/* Reads back the requests of one run of equal hashes (rowid order), groups
 * them by their real key and counts and offers each group of two or more. */
static pm_error run_groups(sqlite3_stmt *get, const keyed *run, size_t n,
                           scan_result *res, candidate **buf, size_t *bufsize)
{
    if (n > *bufsize) {
        candidate *grown = realloc(*buf, n * sizeof *grown);
        if (!grown)
            return PM_ERR_NOMEM;
        *buf = grown;
        *bufsize = n;
    }
    candidate *c = *buf;
    size_t got = 0;
    pm_error err = PM_OK;
    for (size_t i = 0; i < n && !err; i++) {
        sqlite3_reset(get);
        sqlite3_bind_int64(get, 1, run[i].rowid);
        int rc = sqlite3_step(get);
        if (rc != SQLITE_ROW) {
            err = PM_ERR_DB;
            break;
        }
        candidate *x = &c[got];
        memset(x, 0, sizeof *x);
        x->rowid = run[i].rowid;
        x->day = sqlite3_column_int64(get, 0);
        x->orglen = (size_t)sqlite3_column_bytes(get, 1);
        x->org = copy_text(col(get, 1), x->orglen);
        if (sqlite3_column_type(get, 2) != SQLITE_NULL) {
            x->subjectlen = (size_t)sqlite3_column_bytes(get, 2);
            x->subject = copy_text(col(get, 2), x->subjectlen);
        }
        x->id = copy_text(col(get, 3), strlen(col(get, 3)));
        x->file = sqlite3_column_int64(get, 4);
        x->line = sqlite3_column_int64(get, 5);
        got++;
        if (!x->org || !x->id ||
            (sqlite3_column_type(get, 2) != SQLITE_NULL && !x->subject))
            err = PM_ERR_NOMEM;
    }
    sqlite3_reset(get);
    if (!err) {
        /* Almost always one key already; sorting also settles a collision. */
        qsort(c, got, sizeof *c, cmp_candidate);
        for (size_t i = 0, j; i < got && !err; i = j) {
            for (j = i + 1; j < got && same_key(&c[i], &c[j]); j++)
                ;
            if (j - i > 1) {
                res->dup_found++;
                err = offer_group(&res->dups, c + i, j - i);
            }
        }
    }
    free_candidates(c, got);
    return err;
}

static void scan_free(scan_result *res)
{
    for (size_t k = 0; k < NSCAN; k++)
        top_free(&res->listed[k]);
    top_free(&res->dups);
}

/* Offers request rowid to the listing of BY_SCAN warning k. */
static pm_error offer_row(top *t, long long day, sqlite3_int64 rowid, const char *id,
                          size_t idlen)
{
    named_row key = {.day = day, .rowid = rowid, .id = (char *)id, .idlen = idlen};
    if (!top_wants(t, &key))
        return PM_OK;
    named_row *r = malloc(sizeof *r);
    char *copy = copy_text(id, idlen);
    if (!r || !copy) {
        free(r);
        free(copy);
        return PM_ERR_NOMEM;
    }
    *r = key;
    r->id = copy;
    return top_add(t, r);
}

/* Reads every request once, in table order: counts and lists the BY_SCAN
 * warnings and finds the duplicate groups (see the top of the file). */
static pm_error scan_requests(sqlite3 *db, const pm_check_opts *opts, file_list *files,
                              scan_result *res)
{
    memset(res, 0, sizeof *res);
    for (size_t k = 0; k < NSCAN; k++)
        res->listed[k] =
            (top){.cap = opts->max_listed, .cmp = cmp_named, .free_item = free_named};
    res->dups = (top){.cap = opts->max_listed, .cmp = cmp_dup, .free_item = free_dup};

    long long rows = pm_store_count(db, "hulpvragen");
    size_t alloc = rows > 0 ? (size_t)rows : 1, nkeys = 0;
    keyed *keys = malloc(alloc * sizeof *keys);
    if (!keys)
        return PM_ERR_NOMEM;
    sqlite3_stmt *st = NULL;
    pm_error err = PM_OK;
    if (sqlite3_prepare_v2(db, scan_sql, -1, &st, NULL) != SQLITE_OK)
        err = PM_ERR_DB;
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (files_find(files, sqlite3_column_int64(st, SCAN_FILE)) < 0)
            continue;
        sqlite3_int64 rowid = sqlite3_column_int64(st, SCAN_ROWID);
        long long day = sqlite3_column_int64(st, SCAN_DAY);
        /* column_text is NULL only for NULL here: onderwerp's CHECK admits
         * no zero-length blob. strlen, not sqlite3_column_bytes (a call
         * less): a text cut at a NUL byte only makes a false candidate,
         * which the exact comparison drops. */
        const char *org = col(st, SCAN_ORG);
        const char *subject = (const char *)sqlite3_column_text(st, SCAN_SUBJECT);
        size_t orglen = strlen(org), subjectlen = subject ? strlen(subject) : 0;
        int flags = scan_flags(st, subject);
        for (size_t k = 0; k < NSCAN && flags && !err; k++) {
            if (!(flags & (1 << k)))
                continue;
            res->found[k]++;
            const char *id = col(st, SCAN_ID);
            err = offer_row(&res->listed[k], day, rowid, id,
                            (size_t)sqlite3_column_bytes(st, SCAN_ID));
        }
        if (nkeys == alloc) { /* rows the count did not see: never in one snapshot */
            keyed *grown = realloc(keys, 2 * alloc * sizeof *keys);
            if (!grown) {
                err = PM_ERR_NOMEM;
                break;
            }
            keys = grown;
            alloc *= 2;
        }
        keys[nkeys].hash = group_hash(day, org, orglen, subject, subjectlen);
        keys[nkeys++].rowid = rowid;
    }
    if (!err && rc != SQLITE_DONE)
        err = PM_ERR_DB;
    sqlite3_finalize(st);
    st = NULL;

    if (!err)
        err = sort_keyed(keys, nkeys);
    if (!err && sqlite3_prepare_v2(db,
                                   "SELECT ontvangen, organisatie, onderwerp, id, "
                                   "bestand, regel FROM hulpvragen WHERE rowid = ?1",
                                   -1, &st, NULL) != SQLITE_OK)
        err = PM_ERR_DB;
    candidate *buf = NULL;
    size_t bufsize = 0;
    for (size_t i = 0, j; i < nkeys && !err; i = j) {
        for (j = i + 1; j < nkeys && keys[j].hash == keys[i].hash; j++)
            ;
        if (j - i > 1)
            err = run_groups(st, keys + i, j - i, res, &buf, &bufsize);
    }
    free(buf);
    sqlite3_finalize(st);
    free(keys);
    if (err)
        scan_free(res);
    return err;
}

/* Runs a BY_QUERY warning: lists the first max_listed rows, counts all. */
static pm_error run_query(sqlite3 *db, const check_def *c, const pm_check_opts *opts,
                          pm_warnings *ws, size_t *found)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, c->sql, -1, &st, NULL) != SQLITE_OK)
        return PM_ERR_DB;
    if (sqlite3_bind_parameter_count(st) >= 1)
        sqlite3_bind_int64(st, 1, opts->uurtarief_cap_cent);
    int rc;
    bool bad = false;
    while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if ((*found)++ < opts->max_listed) {
            pm_warning *w =
                warning_add(ws, c->kind, col(st, 0), sqlite3_column_int64(st, 1));
            if (w)
                c->fill(st, opts, w, &bad);
            else
                bad = true;
        }
    }
    sqlite3_finalize(st);
    if (bad)
        return PM_ERR_NOMEM;
    return rc == SQLITE_DONE ? PM_OK : PM_ERR_DB;
}

/* Names the listed requests of a BY_SCAN warning, read back by rowid. */
static pm_error name_rows(sqlite3 *db, const check_def *c, const pm_check_opts *opts,
                          top *listed, pm_warnings *ws)
{
    if (listed->n == 0)
        return PM_OK;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, named_sql, -1, &st, NULL) != SQLITE_OK)
        return PM_ERR_DB;
    top_sort(listed);
    pm_error err = PM_OK;
    for (size_t i = 0; i < listed->n && !err; i++) {
        const named_row *r = listed->item[i];
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, r->rowid);
        if (sqlite3_step(st) != SQLITE_ROW) {
            err = PM_ERR_DB;
            break;
        }
        bool bad = false;
        pm_warning *w = warning_add(ws, c->kind, col(st, 0), sqlite3_column_int64(st, 1));
        if (w)
            c->fill(st, opts, w, &bad);
        if (!w || bad)
            err = PM_ERR_NOMEM;
    }
    sqlite3_finalize(st);
    return err;
}

/* The listed duplicate groups as warnings; their values move over. */
static pm_error name_duplicates(top *dups, file_list *files, pm_warnings *ws)
{
    top_sort(dups);
    for (size_t i = 0; i < dups->n; i++) {
        dup_group *g = dups->item[i];
        long f = files_find(files, g->file); /* found: the scan kept only these */
        pm_warning *w =
            warning_add(ws, PM_WARN_DUPLICATE, f >= 0 ? files->pad[f] : "", g->line);
        if (!w)
            return PM_ERR_NOMEM;
        w->organisation = g->org;
        w->day = (pm_day)g->day;
        w->ids = g->ids;
        w->nids = g->nids;
        w->group_size = g->size;
        g->org = NULL;
        g->ids = NULL;
        g->nids = 0;
    }
    return PM_OK;
}

static pm_error warnings(sqlite3 *db, const pm_check_opts *opts, pm_warnings *ws)
{
    file_list files;
    scan_result res;
    pm_error err = files_load(db, &files);
    if (err)
        return err;
    err = scan_requests(db, opts, &files, &res);
    if (err) {
        files_free(&files);
        return err;
    }
    for (size_t c = 0; c < NCHECKS && !err; c++) {
        size_t found = 0;
        switch (checks[c].source) {
        case BY_QUERY: err = run_query(db, &checks[c], opts, ws, &found); break;
        case BY_SCAN: {
            int k = checks[c].bit;
            found = res.found[k];
            err = name_rows(db, &checks[c], opts, &res.listed[k], ws);
            break;
        }
        case DUPLICATES:
            found = res.dup_found;
            err = name_duplicates(&res.dups, &files, ws);
            break;
        }
        if (err)
            break;
        ws->found[checks[c].kind] = found;
        ws->total += (long)found;
    }
    scan_free(&res);
    files_free(&files);
    return err;
}

/* ---- the check command's other parts --------------------------------- */

static void problem_free(pm_check_problem *p)
{
    free(p->text);
    free(p->table);
    free(p->parent);
}

static void withdrawn_free(pm_withdrawn *w)
{
    free(w->dataset);
    free(w->id);
    free(w->reason);
    free(w->time);
    free(w->file);
}

void pm_check_report_free(pm_check_report *rep)
{
    for (size_t i = 0; rep->problems && i < rep->nproblems; i++)
        problem_free(&rep->problems[i]);
    free(rep->problems);
    pm_warnings_free(&rep->warnings);
    for (size_t i = 0; rep->withdrawn && i < rep->nlisted; i++)
        withdrawn_free(&rep->withdrawn[i]);
    free(rep->withdrawn);
    memset(rep, 0, sizeof *rep);
}

/* Appends a problem of kind (zeroed otherwise); NULL without memory. */
static pm_check_problem *problem_add(pm_check_report *rep, pm_problem_kind kind)
{
    pm_check_problem *grown =
        realloc(rep->problems, (rep->nproblems + 1) * sizeof *rep->problems);
    if (!grown)
        return NULL;
    rep->problems = grown;
    pm_check_problem *p = &grown[rep->nproblems++];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    return p;
}

/* Runs a pragma that answers "ok" when all is well, or a list of problems. */
static pm_error integrity(sqlite3 *db, pm_check_report *rep, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(20)", -1, &st, NULL) !=
        SQLITE_OK) {
        snprintf(msg, msgsize, "integriteitscontrole mislukt: %s", sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    int rc;
    bool bad = false, nomem = false;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *r = col(st, 0);
        if (strcmp(r, "ok") != 0) {
            pm_check_problem *p = problem_add(rep, PM_PROBLEM_INTEGRITY);
            if (p)
                p->text = take(st, 0, &nomem);
            nomem |= !p;
            bad = true;
        }
    }
    sqlite3_finalize(st);
    if (nomem) {
        snprintf(msg, msgsize, "integriteitscontrole mislukt: %s",
                 pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    if (rc != SQLITE_DONE || bad) {
        snprintf(msg, msgsize, "de database is beschadigd (PRAGMA integrity_check): %s",
                 rc != SQLITE_DONE ? pm_store_reason(db) : "zie de regels hierboven");
        return PM_ERR_DB;
    }
    if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "controle van verwijzingen mislukt: %s",
                 sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pm_check_problem *p = problem_add(rep, PM_PROBLEM_FOREIGN_KEY);
        if (p) {
            p->table = take(st, 0, &nomem);
            p->rowid = sqlite3_column_int64(st, 1);
            p->parent = take(st, 2, &nomem);
        }
        nomem |= !p;
        bad = true;
    }
    sqlite3_finalize(st);
    if (nomem) {
        snprintf(msg, msgsize, "controle van verwijzingen mislukt: %s",
                 pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    if (rc != SQLITE_DONE || bad) {
        snprintf(msg, msgsize, "de database is inconsistent (PRAGMA foreign_key_check)");
        return PM_ERR_DB;
    }
    /* The import keeps the fingerprint's sums; rows changed by other software
     * leave them behind, and the reports would show a fingerprint of data
     * that is no longer there. */
    pm_store_sums kept, real;
    pm_error err = pm_store_sums_read(db, &kept, msg, msgsize);
    if (!err)
        err = pm_store_sums_compute(db, &real, msg, msgsize);
    if (err)
        return err;
    for (size_t k = 0; k < PM_NKINDS; k++)
        if (kept.sum[k] != real.sum[k] || kept.count[k] != real.count[k]) {
            pm_check_problem *p = problem_add(rep, PM_PROBLEM_CHANGED);
            if (!p) {
                snprintf(msg, msgsize, "controle mislukt: %s", pm_strerror(PM_ERR_NOMEM));
                return PM_ERR_NOMEM;
            }
            p->dataset = (pm_kind)k;
            p->now = (unsigned long long)real.count[k];
            p->kept = (unsigned long long)kept.count[k];
            bad = true;
        }
    if (bad) {
        snprintf(msg, msgsize,
                 "de database is buiten pijlermonitor gewijzigd: de gegevens passen niet "
                 "bij de opgeslagen vingerafdruk, en een rapportage zou een verkeerde "
                 "gegevensvingerafdruk tonen");
        return PM_ERR_DB;
    }
    /* The indicators read the columns the import keeps (columns.h), not
     * the tables: columns that differ from a fresh build would change the
     * figures without a trace in the fingerprint. */
    bool same;
    err = pm_columns_verify(db, &kept, &same, msg, msgsize);
    if (err)
        return err;
    if (!same) {
        snprintf(msg, msgsize,
                 "de database is buiten pijlermonitor gewijzigd: de kolommen waaruit de "
                 "indicatoren rekenen (tabel kolommen) passen niet bij de gegevens, en "
                 "een rapportage zou verkeerde cijfers tonen");
        return PM_ERR_DB;
    }
    rep->integrity_ok = true;
    return PM_OK;
}

/* The rows withdrawn by `intrekken` (engine/withdraw.c): the counts, then
 * the latest max_listed in the order they were withdrawn, so that a large
 * withdrawal long ago does not hide yesterday's. */
static pm_error withdrawals(sqlite3 *db, const pm_check_opts *opts, pm_check_report *rep)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT count(*), total(gewist) FROM ingetrokken", -1, &st,
                           NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return PM_ERR_DB;
    }
    rep->nwithdrawn = sqlite3_column_int64(st, 0);
    rep->nerased = (long long)sqlite3_column_double(st, 1);
    sqlite3_finalize(st);
    if (rep->nwithdrawn == 0)
        return PM_OK;
    size_t max = opts->max_listed;
    if ((long long)max > rep->nwithdrawn)
        max = (size_t)rep->nwithdrawn;
    rep->withdrawn = calloc(max ? max : 1, sizeof *rep->withdrawn);
    if (!rep->withdrawn)
        return PM_ERR_NOMEM;
    if (sqlite3_prepare_v2(
            db,
            "SELECT * FROM (SELECT i.nr, i.dataset, i.id, i.reden, i.tijd, "
            "i.gewist, f.pad, i.regel FROM ingetrokken i LEFT JOIN "
            "import_bestanden f ON f.id = i.bestand ORDER BY i.nr DESC "
            "LIMIT ?1) ORDER BY nr",
            -1, &st, NULL) != SQLITE_OK)
        return PM_ERR_DB;
    sqlite3_bind_int64(st, 1, (sqlite3_int64)opts->max_listed);
    int rc;
    bool nomem = false;
    while (!nomem && (rc = sqlite3_step(st)) == SQLITE_ROW && rep->nlisted < max) {
        pm_withdrawn *w = &rep->withdrawn[rep->nlisted++];
        w->dataset = take(st, 1, &nomem);
        w->id = take(st, 2, &nomem);
        w->reason = take(st, 3, &nomem);
        w->time = take(st, 4, &nomem);
        w->erased = sqlite3_column_int(st, 5) != 0;
        w->file = take(st, 6, &nomem);
        w->line = sqlite3_column_int64(st, 7);
    }
    sqlite3_finalize(st);
    if (nomem)
        return PM_ERR_NOMEM;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? PM_OK : PM_ERR_DB;
}

static pm_error check_all(sqlite3 *db, const pm_check_opts *opts, pm_check_report *rep,
                          char *msg, size_t msgsize)
{
    pm_error err = opts->integrity ? integrity(db, rep, msg, msgsize) : PM_OK;
    if (err)
        return err;

    for (size_t k = 0; k < PM_NKINDS; k++)
        rep->rows[k] = pm_store_count(db, pm_dataset_get((pm_kind)k)->name);
    rep->counted = true;

    err = warnings(db, opts, &rep->warnings);
    if (err) {
        snprintf(msg, msgsize, "controle mislukt: %s",
                 err == PM_ERR_NOMEM ? pm_strerror(err) : sqlite3_errmsg(db));
        return err;
    }
    rep->warned = true;
    err = withdrawals(db, opts, rep);
    if (err) {
        snprintf(msg, msgsize, "controle mislukt: %s",
                 err == PM_ERR_NOMEM ? pm_strerror(err) : sqlite3_errmsg(db));
        return err;
    }
    rep->withdrawals_read = true;
    return PM_OK;
}

/* One read transaction for the whole check, so the integrity check, the row
 * counts and the warnings all come from one snapshot: without it each
 * statement saw the database as it was at that moment, and an import
 * committing meanwhile gave a "Rijen" line that matched no state of the
 * database (half before, half after the import; shown by
 * tests/e2e/test_concurrency.py). Inside a caller's transaction (report,
 * which reads in its own snapshot) that one is used. */
static pm_error in_snapshot(sqlite3 *db, const pm_check_opts *opts, pm_check_report *rep,
                            pm_warnings *ws, char *msg, size_t msgsize)
{
    bool own = sqlite3_get_autocommit(db);
    if (own) {
        pm_error err = pm_store_exec(db, "BEGIN", msg, msgsize);
        if (err)
            return err;
    }
    pm_error err;
    if (rep) {
        err = check_all(db, opts, rep, msg, msgsize);
    } else {
        err = warnings(db, opts, ws);
        if (err)
            snprintf(msg, msgsize, "controle mislukt: %s",
                     err == PM_ERR_NOMEM ? pm_strerror(err) : sqlite3_errmsg(db));
    }
    if (own) {
        char ignored[128];
        pm_store_exec(db, "COMMIT", ignored, sizeof ignored);
    }
    return err;
}

pm_error pm_check_run(sqlite3 *db, const pm_check_opts *opts, pm_check_report *rep,
                      char *msg, size_t msgsize)
{
    memset(rep, 0, sizeof *rep);
    return in_snapshot(db, opts, rep, NULL, msg, msgsize);
}

pm_error pm_check_warnings(sqlite3 *db, const pm_check_opts *opts, pm_warnings *out,
                           char *msg, size_t msgsize)
{
    memset(out, 0, sizeof *out);
    return in_snapshot(db, opts, NULL, out, msg, msgsize);
}
