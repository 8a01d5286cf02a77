/* error.h — the one error type of pijlermonitor and the diagnostics list.
 * pm_error values map to the exit codes of SPEC §8 through pm_exit_code(). */
#ifndef PM_ERROR_H
#define PM_ERROR_H

#include <stddef.h>

typedef enum pm_error {
    PM_OK = 0,
    PM_ERR_USAGE,   /* wrong command line: exit 1 */
    PM_ERR_DATA,    /* invalid input data: exit 2 */
    PM_ERR_IO,      /* a file cannot be read or written: exit 3 */
    PM_ERR_DB,      /* the database failed or is damaged: exit 3 */
    PM_ERR_NOTOURS, /* the file is not a pijlermonitor database: exit 3 */
    PM_ERR_NEWER,   /* the database has a newer schema version: exit 3 */
    PM_ERR_NOMEM    /* out of memory: exit 3 */
} pm_error;

/* A short Dutch description of err; a static string, never NULL. */
const char *pm_strerror(pm_error err);

/* The process exit code for err (0, 1, 2 or 3). */
int pm_exit_code(pm_error err);

/* A list of errors and warnings found while reading input, each one line of
 * the form "FILE:LINE: veld 'x': reden". Only the first `cap` errors and
 * warnings are kept as text; all are counted, so the summary stays exact. */
typedef struct pm_diag {
    char **errors;
    size_t nerrors; /* counted, may exceed the kept ones */
    size_t kept_errors;
    char **warnings;
    size_t nwarnings;
    size_t kept_warnings;
    size_t cap;
} pm_diag;

void pm_diag_init(pm_diag *d, size_t cap);
void pm_diag_free(pm_diag *d); /* accepts a zeroed struct */

/* Records one error. file may be NULL; line <= 0 means no line; field may be
 * NULL. fmt is the reason, printf-style. */
void pm_diag_error(pm_diag *d, const char *file, long line, const char *field,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void pm_diag_warn(pm_diag *d, const char *file, long line, const char *field,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Moves the errors numbered [e0, e1) and warnings [w0, w1) of `from` (as
 * counted) to the end of `to`, which keeps or only counts them by its own
 * cap. Numbers past what `from` kept were only counted there too. */
void pm_diag_move(pm_diag *to, pm_diag *from, size_t e0, size_t e1, size_t w0, size_t w1);

/* Forgets every message of d; the cap stays. */
void pm_diag_clear(pm_diag *d);

/* Writes the kept errors and warnings to stderr, with a line saying how many
 * were left out. */
void pm_diag_print(const pm_diag *d);

#endif
