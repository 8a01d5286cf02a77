/* outfile.h — Dutch words for the operating system's file errors, and
 * mkdir -p. Output files themselves are written through outset.h. */
#ifndef PM_OUTFILE_H
#define PM_OUTFILE_H

#include <stddef.h>

#include "error.h"

/* Creates folder `path` and its missing parents (like mkdir -p). PM_ERR_IO
 * with a Dutch reason naming the folder in msg on failure. */
pm_error pm_mkdir_p(const char *path, char *msg, size_t msgsize);

/* A Dutch description of errno value e for file messages; never the
 * English of strerror (an unknown value reads "systeemfout N"). The result
 * is a static string, or for an unknown value a thread-local buffer valid
 * until the next call. */
const char *pm_errno_text(int e);

#endif
