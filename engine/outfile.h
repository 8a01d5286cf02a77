/* outfile.h — output files written under a temporary name in the target
 * folder and renamed into place, so a failure never leaves a half file. */
#ifndef PM_OUTFILE_H
#define PM_OUTFILE_H

#include <stdio.h>

#include "error.h"

typedef struct pm_outfile {
    FILE *fp;       /* write here between open and commit */
    char *path;     /* final name */
    char *tmp_path; /* temporary name in the same folder */
} pm_outfile;

/* Creates a temporary file beside path. On failure returns PM_ERR_IO with a
 * Dutch reason naming path in msg; *of is then empty. */
pm_error pm_outfile_open(pm_outfile *of, const char *path, char *msg, size_t msgsize);

/* Flushes, syncs and renames the temporary file to the final name; on any
 * failure removes it and returns PM_ERR_IO with the reason. Frees *of. */
pm_error pm_outfile_commit(pm_outfile *of, char *msg, size_t msgsize);

/* Removes the temporary file and frees *of; safe on an empty struct. */
void pm_outfile_abort(pm_outfile *of);

/* For libraries that write to a file name themselves (libxlsxwriter): makes
 * a unique empty temporary file beside path and returns its name in *tmp
 * (malloc'ed; the caller frees it, renames it into place with
 * pm_outfile_rename, or unlinks it on failure). PM_ERR_IO with a Dutch
 * reason naming path in msg when the folder is not writable. */
pm_error pm_outfile_reserve(const char *path, char **tmp, char *msg, size_t msgsize);

/* Gives tmp the ordinary permissions of a new file, syncs it, and renames
 * it to path (same folder, atomic); on failure unlinks tmp and returns
 * PM_ERR_IO with the reason. Does not free tmp. */
pm_error pm_outfile_rename(const char *tmp, const char *path, char *msg, size_t msgsize);

/* Creates folder `path` and its missing parents (like mkdir -p). PM_ERR_IO
 * with a Dutch reason naming the folder in msg on failure. */
pm_error pm_mkdir_p(const char *path, char *msg, size_t msgsize);

/* A Dutch description of errno value e for file messages; never the
 * English of strerror (an unknown value reads "systeemfout N"). The result
 * is a static string, or for an unknown value a thread-local buffer valid
 * until the next call. */
const char *pm_errno_text(int e);

#endif
