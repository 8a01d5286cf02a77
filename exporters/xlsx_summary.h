/* xlsx_summary.h — the workbook's "Samenvatting" and "Bereik" sheets (SPEC
 * §10), right after the Overzicht. Written straight with libxlsxwriter in
 * formats of their own, so xlsx.c only makes one call. */
#ifndef PM_XLSX_SUMMARY_H
#define PM_XLSX_SUMMARY_H

#include <xlsxwriter.h>

#include "export.h"
#include "result.h"

typedef struct pm_xlsx_summary_input {
    lxw_workbook *wb;
    const pm_report *rep;
    pm_audience audience;
    const char *header, *footer; /* the print texts every sheet has */
    const char *intern_mark;     /* the first row of an intern sheet */
} pm_xlsx_summary_input;

/* Adds the two sheets. Returns the first libxlsxwriter error (LXW_NO_ERROR
 * when all went well). */
lxw_error pm_xlsx_summary_sheets(const pm_xlsx_summary_input *in);

#endif
