/* withdraw.h — `intrekken` (SPEC §8): removing rows imported by mistake from
 * the data tables in one transaction, keeping each one in table `ingetrokken`. */
#ifndef PM_WITHDRAW_H
#define PM_WITHDRAW_H

#include <sqlite3.h>
#include <stdbool.h>

#include "dataset.h"
#include "error.h"

/* Rows of one dataset named by id on the command line. */
typedef struct pm_withdraw_group {
    const pm_dataset *ds;
    const char *const *ids; /* borrowed */
    size_t nids;
} pm_withdraw_group;

typedef struct pm_withdraw_opts {
    /* Either rows by id (groups) or every row one recorded import file
     * delivered (bestand: its recorded name, that name's last component, or
     * "#N" with N the file's number as listed when a name is ambiguous). */
    const pm_withdraw_group *groups;
    size_t ngroups;
    const char *bestand;
    const char *reden; /* required, non-empty */
    const char *now;   /* ISO 8601 UTC time of the run (SOURCE_DATE_EPOCH) */
    bool wissen;       /* AVG: keep only dataset, id, reason and time */
    bool dry_run;      /* check and list, then roll back */
} pm_withdraw_opts;

/* How many ids of a dataset the result names; the rest are counted. */
#define PM_WITHDRAW_LISTED 10

typedef struct pm_withdraw_result {
    long count[PM_NKINDS]; /* rows withdrawn (or, dry run, that would be) */
    char *ids[PM_NKINDS];  /* "HV1, HV2" — the first PM_WITHDRAW_LISTED ids in id
                              order, or NULL; owned, freed by pm_withdraw_result_free */
    char *file;            /* with opts->bestand: the recorded name matched; owned */
    long erased_history;   /* with wissen: earlier withdrawal records of the same
                              rows whose copies were erased as well */
    bool committed;
} pm_withdraw_result;

/* Withdraws the rows opts names from db. Every refusal goes to diag as one
 * Dutch line: an id that does not exist, a row that rows outside the call
 * still refer to (naming them), an unknown or ambiguous file name. Returns
 * PM_OK when the rows were withdrawn (or, dry run, would be), PM_ERR_DATA
 * when anything was refused (nothing changed), PM_ERR_DB on a database
 * failure (nothing changed; msg says why). With wissen, after the commit the
 * file is rebuilt (VACUUM) and the WAL emptied so the erased text is gone
 * from the disk too; when that fails the withdrawal stands, and the function
 * returns PM_ERR_DB with res->committed set and msg saying so. res is filled
 * in any case; free it with pm_withdraw_result_free(). */
pm_error pm_withdraw_run(sqlite3 *db, const pm_withdraw_opts *opts,
                         pm_withdraw_result *res, pm_diag *diag, char *msg,
                         size_t msgsize);

void pm_withdraw_result_free(pm_withdraw_result *res);

#endif
