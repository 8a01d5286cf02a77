/* columns.h — the three big tables as the indicators read them, loaded once
 * per command into integer rows sorted by day, so every run of one command
 * (the eerder quarters, the target periods, a filter per regio) reads its
 * range from memory instead of scanning the store again.
 *
 * Rows carry the organisation as an index into the pm_org_table they were
 * loaded with (orgs.h), never as text: a per-organisation test is one array
 * lookup. Ownership: pm_columns_load fills a caller's struct, which
 * pm_columns_free empties (safe on a zeroed or failed one). */
#ifndef PM_COLUMNS_H
#define PM_COLUMNS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "orgs.h"
#include "value.h"

/* A request (hulpvragen) as R1 counts it. */
typedef struct pm_request_row {
    pm_day ontvangen;
    pm_day contact;  /* eerste_contact, 0 when none */
    int32_t org;     /* index into the org table, -1 when it is not there */
    int32_t subject; /* index into pm_expertises; PM_NEXPERTISES: none */
} pm_request_row;

/* An ondersteuning evaluation as R2 counts it. */
typedef struct pm_support_row {
    pm_day datum;
    int32_t org; /* index into the org table, -1 when it is not there */
    int32_t score_x10;
} pm_support_row;

typedef struct pm_columns {
    pm_request_row *requests; /* by ontvangen */
    size_t nrequests;
    pm_support_row *support; /* by datum */
    size_t nsupport;
    /* B's inzet: hours × uurtarief in 1/100 cent summed per day, for the
     * days first .. first + ndays - 1 (rows whose specialist has no rate
     * count nothing, as in the scan of the store). */
    int64_t *inzet_x100;
    pm_day inzet_first;
    size_t ninzet_days;
} pm_columns;

/* Reads hulpvragen, the ondersteuning evaluaties and inzet of db (inside
 * the caller's read transaction) into c, with organisations indexed in
 * orgs. PM_ERR_DB or PM_ERR_NOMEM with a Dutch reason in msg. */
pm_error pm_columns_load(pm_columns *c, sqlite3 *db, const pm_org_table *orgs, char *msg,
                         size_t msgsize);

void pm_columns_free(pm_columns *c);

/* The rows of [from, to] (inclusive) as a half-open index range
 * [*lo, *hi) of c->requests or c->support. */
void pm_columns_requests(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                         size_t *hi);
void pm_columns_support(const pm_columns *c, pm_day from, pm_day to, size_t *lo,
                        size_t *hi);

/* B's inzet realisatie of day d in 1/100 cent (0 outside the loaded days). */
int64_t pm_columns_inzet(const pm_columns *c, pm_day d);

#endif
