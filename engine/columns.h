/* columns.h — the big tables as the indicators read them: integer
 * rows sorted by day, built from the tables and kept by `import` and
 * `intrekken` in the table kolommen (schema v5, v6 with R3's activity) inside their
 * transaction, so a command reads them with a few blob reads instead of scanning millions
 * of rows, and every run of one command (the eerder quarters, the target periods, a
 * filter per regio) reads its range from memory.
 *
 * Rows carry the organisation as its index in id order (strcmp order, as
 * indicators/orgs.c loads the table), never as text. Kept columns are used
 * only while the fingerprint sums they were built from (store.h) are those
 * of the store; `check` compares them with a fresh build. Ownership: the
 * functions fill a caller's struct, which pm_columns_free empties (safe on
 * a zeroed or failed one). */
#ifndef PM_COLUMNS_H
#define PM_COLUMNS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "store.h"
#include "value.h"

/* A request (hulpvragen) as R1 counts it: 16 bytes. */
typedef struct pm_request_row {
    pm_day ontvangen;
    pm_day contact;  /* eerste_contact, 0 when none */
    int32_t org;     /* index in id order, -1 when it is not an organisation */
    int32_t subject; /* index into pm_expertises; PM_NEXPERTISES: none */
} pm_request_row;

/* An ondersteuning evaluation as R2 counts it: 12 bytes. */
typedef struct pm_support_row {
    pm_day datum;
    int32_t org; /* index in id order, -1 when it is not an organisation */
    int32_t score_x10;
} pm_support_row;

/* A specialist evaluation as R3 counts it: 16 bytes. */
typedef struct pm_rating_row {
    pm_day datum;
    int32_t org;        /* index in id order, -1 when it is not an organisation */
    int32_t specialist; /* index in id order, -1 when it is not a specialist */
    int32_t score_x10;
} pm_rating_row;

/* A day on which a specialist had inzet on a request of an organisation,
 * as R3 marks activity under a filter (SPEC §9): 12 bytes, one row per
 * distinct (datum, specialist, org), ordered by them. Inzet of a
 * specialist not in specialisten is left out (it never counts); org is -1
 * when the request or its organisation is missing (it counts only
 * without a filter, as in the SQL of indicators/r3.c). */
typedef struct pm_activity_row {
    pm_day datum;
    int32_t specialist; /* index in id order */
    int32_t org;        /* index in id order, -1: none */
} pm_activity_row;

typedef struct pm_columns {
    size_t norgs;             /* organisations the org indexes count */
    size_t nspecs;            /* specialists the specialist indexes count */
    pm_request_row *requests; /* by ontvangen */
    size_t nrequests;
    pm_support_row *support; /* by datum */
    size_t nsupport;
    pm_rating_row *ratings; /* by datum */
    size_t nratings;
    /* B's inzet: hours × uurtarief in 1/100 cent summed per day, for the
     * days first .. first + ndays - 1 (rows whose specialist has no rate
     * count nothing, as in the scan of the store): 8 bytes a day. */
    int64_t *inzet_x100;
    pm_day inzet_first;
    size_t ninzet_days;
    /* R3's activity (schema v6), by datum: read only when a command asks
     * for it (pm_columns_load_activity), since only a filter needs it. */
    pm_activity_row *activity;
    size_t nactivity;
    bool activity_loaded;   /* activity holds the nactivity rows */
    int64_t activity_rowid; /* the kept blob, when read from kolommen */
} pm_columns;

/* Builds c from the tables of db (inside the caller's transaction).
 * PM_ERR_DB or PM_ERR_NOMEM with a Dutch reason in msg. */
pm_error pm_columns_build(pm_columns *c, sqlite3 *db, char *msg, size_t msgsize);

/* Reads the kept columns into c: *found is false (and c empty) when the
 * store has none, or none built from the data whose fingerprint sums are
 * *now (store.h, as kept), or they do not fit together (the caller then
 * builds them). PM_ERR_DB with msg on a failed read. */
pm_error pm_columns_read(pm_columns *c, sqlite3 *db, const pm_store_sums *now,
                         bool *found, char *msg, size_t msgsize);

/* Builds the columns from the tables and keeps them in db, stamped with
 * *sums, the fingerprint sums of the data as they will be committed: for
 * `import`, `intrekken` and the migrations to schema v5 and v6, inside their write
 * transaction. */
pm_error pm_columns_refresh(sqlite3 *db, const pm_store_sums *sums, char *msg,
                            size_t msgsize);

/* Whether the kept columns are exactly a fresh build (for `check`; *now as
 * for pm_columns_read): PM_OK with *same set, or an error with msg. *same is
 * false when there are no kept columns of the current data either. */
pm_error pm_columns_verify(sqlite3 *db, const pm_store_sums *now, bool *same, char *msg,
                           size_t msgsize);

/* Reads the kept activity rows of columns read by pm_columns_read (built
 * columns have them already): true when c->activity then holds them, false
 * when they cannot be read or do not fit the other columns (the caller
 * then asks the store, as without columns). */
bool pm_columns_load_activity(pm_columns *c, sqlite3 *db);

void pm_columns_free(pm_columns *c);

/* The rows of [from, to] (inclusive) as a half-open index range
 * [*lo, *hi) of c->requests or c->support. */
void pm_columns_requests(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                         size_t *hi);
void pm_columns_support(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                        size_t *hi);
void pm_columns_ratings(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                        size_t *hi);
void pm_columns_activity(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                         size_t *hi);

/* B's inzet realisatie of day d in 1/100 cent (0 outside the kept days). */
int64_t pm_columns_inzet(const pm_columns *c, pm_day d);

#endif
