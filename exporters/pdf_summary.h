/* pdf_summary.h — the report's "Samenvatting" page (SPEC §10): the
 * generated sentences (summary.h) and the reach per regio (bereik.h), right
 * after the dashboard. Only pdf.c includes it. */
#ifndef PM_PDF_SUMMARY_H
#define PM_PDF_SUMMARY_H

#include "pdf_internal.h"

/* How many pages pm_pdf_summary_pages adds: 1 for a report, 0 for the
 * dashboard. */
int pm_pdf_summary_npages(const doc *d);

/* Draws the Samenvatting page as page *page + 1 with its outline entry and
 * footer, and advances *page. A report only (d->dashboard: nothing). */
pm_error pm_pdf_summary_pages(const doc *d, cairo_t *cr, int *page,
                              pm_pdf_footer_fn footer);

#endif
