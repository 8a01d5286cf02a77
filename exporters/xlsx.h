/* xlsx.h — the Excel workbook of SPEC §7 (libxlsxwriter): Overzicht, one
 * sheet per indicator with breakdowns, trend and a native chart reading
 * those cells, Budget, Toelichting, and for intern the row-level sheets.
 * Written in constant_memory mode (every sheet in row order) to a temporary
 * file in the target folder, then renamed: never a half-written workbook. */
#ifndef PM_XLSX_H
#define PM_XLSX_H

#include <stddef.h>
#include <time.h>

#include "export.h"
#include "report.h"

typedef struct pm_xlsx_input {
    const pm_report *rep; /* computed, with its snapshot still open */
    pm_audience audience;
    time_t created;              /* document time: SOURCE_DATE_EPOCH or now */
    const char *fingerprint;     /* pm_store_fingerprint of the data */
    const char *const *warnings; /* the lines of `check`, for Toelichting */
    size_t nwarnings;
    long max_rows_per_sheet; /* data rows per row-level sheet before it
                                continues on "Inzet (2)"; 0 = Excel's
                                1048576 minus the header row */
} pm_xlsx_input;

/* Writes the workbook to path. PM_ERR_IO (folder not writable, disk full)
 * or PM_ERR_DB (reading row detail failed) with a Dutch reason in msg; the
 * target file is then untouched and no temporary file remains. */
pm_error pm_xlsx_write(const pm_xlsx_input *in, const char *path, char *msg,
                       size_t msgsize);

#endif
