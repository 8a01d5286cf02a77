/* check.h — the consistency report of `pijlermonitor check`: warnings about
 * the data that are not errors, and the store's own integrity. */
#ifndef PM_CHECK_H
#define PM_CHECK_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "error.h"

typedef struct pm_check_opts {
    long long uurtarief_cap_cent; /* the tariff cap, default 12000 (€ 120) */
    size_t max_listed;            /* rows named per kind of warning */
    bool integrity;               /* run PRAGMA integrity_check and foreign_key_check
                                     first (the check command); a report only
                                     wants the warnings */
} pm_check_opts;

void pm_check_defaults(pm_check_opts *opts);

/* Writes the report to out. Returns PM_OK (warnings are not failures),
 * PM_ERR_DB when the store fails PRAGMA integrity_check or foreign_key_check
 * or its data no longer match the fingerprint sums kept by the import (msg
 * says so), or on a query failure. *nwarnings gets the warning count. */
pm_error pm_check_run(sqlite3 *db, const pm_check_opts *opts, FILE *out, long *nwarnings,
                      char *msg, size_t msgsize);

#endif
