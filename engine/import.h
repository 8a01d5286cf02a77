/* import.h — importing CSV and JSON files into the store (SPEC §2).
 * All files of one call form one transaction: any invalid row anywhere
 * means nothing is written and every error is listed. */
#ifndef PM_IMPORT_H
#define PM_IMPORT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "dataset.h"
#include "error.h"

typedef struct pm_import_opts {
    const pm_dataset *kind; /* forced dataset (--kind), or NULL to detect */
    bool dry_run;           /* validate everything, then roll back */
    bool progress;          /* show progress on stderr (only on a terminal) */
    const char *now;        /* ISO 8601 time stamp for the imports table */
} pm_import_opts;

/* What one file contributed; counts are of valid rows. */
typedef struct pm_import_file {
    const char *path;     /* borrowed from the caller */
    const pm_dataset *ds; /* NULL when the dataset could not be determined */
    unsigned kinds;       /* bit 1 << pm_kind of every dataset read (a workbook
                             may hold several sheets; ds is the first) */
    long rows;            /* data rows read */
    long added;           /* new ids */
    long replaced;        /* ids that existed before this import */
} pm_import_file;

typedef struct pm_import_result {
    pm_import_file *files; /* one per path, in the order given */
    size_t nfiles;
    bool committed;
} pm_import_result;

/* Imports paths[0..npaths) into db. Errors and warnings go to diag (file,
 * line or record, field, Dutch reason). Returns PM_OK when the import was
 * written (or, with dry_run, would have been), PM_ERR_DATA when any row or
 * file was invalid (nothing written), PM_ERR_IO when a file cannot be read,
 * PM_ERR_DB on a database failure (nothing written; msg has the detail).
 * res->files is allocated here; free it with pm_import_result_free(). */
pm_error pm_import_run(sqlite3 *db, const pm_import_opts *opts, const char *const *paths,
                       size_t npaths, pm_import_result *res, pm_diag *diag, char *msg,
                       size_t msgsize);

void pm_import_result_free(pm_import_result *res);

#endif
