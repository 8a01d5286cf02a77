/* checktext.h — the text of `pijlermonitor check` (SPEC §8), made from its
 * findings (warning.h): integrity problems, row counts, the warnings and
 * the withdrawn rows. */
#ifndef PM_CHECKTEXT_H
#define PM_CHECKTEXT_H

#include <stdio.h>

#include "error.h"
#include "warning.h"

/* Writes what rep holds, part by part as far as the check got (a failed
 * check shows its problems, or what came before the failure). PM_OK, or
 * PM_ERR_NOMEM; write errors are the caller's to see on out. */
pm_error pm_checktext_write(const pm_check_report *rep, FILE *out);

#endif
