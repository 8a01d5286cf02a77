/* xlsx_toelichting.h — the workbook's "Toelichting" sheet (SPEC §10): the
 * coordinator's text, one row per paragraph or list item (section in
 * column A, the text in B as a rich string: italic, bold, code, links), and
 * the budget posts whose explanation is missing ("toelichting ontbreekt").
 * Part of the workbook (xlsx.c opens the sheet and calls in). */
#ifndef PM_XLSX_TOELICHTING_H
#define PM_XLSX_TOELICHTING_H

#include <stdbool.h>

#include <xlsxwriter.h>

#include "xlsx.h"

/* Whether the workbook of in gets the sheet: the toelichting has a section,
 * or a budget post lacks its explanation. */
bool pm_xlsx_tl_wanted(const pm_xlsx_input *in);

/* Fills the sheet ws of wb from row `row` down (constant_memory: strictly
 * top to bottom), columns A and B. Returns the first libxlsxwriter error. */
lxw_error pm_xlsx_tl_write(lxw_workbook *wb, lxw_worksheet *ws, lxw_row_t row,
                           const pm_xlsx_input *in);

#endif
