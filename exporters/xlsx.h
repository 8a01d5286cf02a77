/* xlsx.h — the Excel workbook of SPEC §7 (libxlsxwriter): Overzicht, one
 * sheet per indicator with breakdowns, trend and a native chart reading
 * those cells, Budget, the coordinator's Toelichting, Definities, and for
 * intern the row-level sheets.
 * Written in constant_memory mode (every sheet in row order) into a file the
 * caller made (a temporary of its output set, in the target folder). */
#ifndef PM_XLSX_H
#define PM_XLSX_H

#include <stddef.h>
#include <time.h>

#include "export.h"
#include "result.h"
#include "rowsource.h"
#include "toelichting.h"
#include "toelichting.h"
#include "warning.h"

typedef struct pm_xlsx_input {
    const pm_report *rep; /* the plain results */
    pm_audience audience;
    time_t created;              /* document time: SOURCE_DATE_EPOCH or now */
    const char *fingerprint;     /* pm_store_fingerprint of the data */
    const pm_warnings *warnings; /* of `check`, for Definities; NULL: none */
    const pm_row_source *rows;   /* intern: the row-level sheets read through it
                                    (the exporter never reaches the store);
                                    NULL writes none */
    long max_rows_per_sheet;     /* data rows per row-level sheet before it
                                    continues on "Inzet (2)"; 0 = Excel's
                                    1048576 minus the header row */
    const pm_toelichting *toelichting; /* the coordinator's text (SPEC §10),
                                          or NULL */
} pm_xlsx_input;

/* Writes the workbook into path, naming it `shown` in messages. PM_ERR_IO
 * (disk full) or the row source's error (PM_ERR_DB: reading row detail failed) with a
 * Dutch reason in msg; the caller then discards path. libxlsxwriter's own temporary files
 * go in path's folder. */
pm_error pm_xlsx_write(const pm_xlsx_input *in, const char *path, const char *shown,
                       char *msg, size_t msgsize);

#endif
