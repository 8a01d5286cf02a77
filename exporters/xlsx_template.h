/* xlsx_template.h — `sjabloon KIND FILE.xlsx`: an empty workbook for one
 * dataset that helps a specialist fill it in (SPEC §8, §12; issue 17 point
 * 3): drop-down lists, date and number validation with Dutch messages, an
 * Uitleg sheet and, where an organisation is asked for, the gemeenten. */
#ifndef PM_XLSX_TEMPLATE_H
#define PM_XLSX_TEMPLATE_H

#include <stddef.h>

#include "dataset.h"
#include "error.h"

/* The sheet name of dataset ds in templates (and in the demo workbook):
 * its name with a capital, "Hulpvragen". Written into buf (size >= 32). */
void pm_xlsx_template_sheet_name(const pm_dataset *ds, char *buf, size_t size);

/* Writes the template of ds to path (a temporary of the output set, which
 * owns replacing; shown is the user's name for it, for messages).
 * PM_ERR_NOMEM or PM_ERR_IO with a Dutch reason in msg. */
pm_error pm_xlsx_template_write(const pm_dataset *ds, const char *path, const char *shown,
                                char *msg, size_t msgsize);

#endif
