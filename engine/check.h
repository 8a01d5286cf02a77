/* check.h — the consistency report of `pijlermonitor check`: warnings about
 * the data that are not errors, and the store's own integrity, returned as
 * data (warning.h); the text is made at the edges. */
#ifndef PM_CHECK_H
#define PM_CHECK_H

#include <sqlite3.h>
#include <stdbool.h>

#include "error.h"
#include "warning.h"

typedef struct pm_check_opts {
    long long uurtarief_cap_cent; /* the tariff cap, default 12000 (€ 120) */
    size_t max_listed;            /* rows named per kind of warning */
    bool integrity;               /* run PRAGMA integrity_check and foreign_key_check
                                     first (the check command); a report only
                                     wants the warnings */
} pm_check_opts;

void pm_check_defaults(pm_check_opts *opts);

/* The check command's findings into *rep (zeroed first; free it with
 * pm_check_report_free, also after a failure). Returns PM_OK (warnings are
 * not failures), PM_ERR_DB when the store fails PRAGMA integrity_check or
 * foreign_key_check or its data no longer match the fingerprint sums kept
 * by the import (rep->problems says where, msg says so), or on a query
 * failure; PM_ERR_NOMEM. One read transaction of its own, or the caller's. */
pm_error pm_check_run(sqlite3 *db, const pm_check_opts *opts, pm_check_report *rep,
                      char *msg, size_t msgsize);

/* Only the warnings (no integrity, counts or withdrawals), for a report's
 * Toelichting, in the caller's read transaction when it has one. *out is
 * zeroed first; free it with pm_warnings_free. Errors as pm_check_run. */
pm_error pm_check_warnings(sqlite3 *db, const pm_check_opts *opts, pm_warnings *out,
                           char *msg, size_t msgsize);

#endif
