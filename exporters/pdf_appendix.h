/* pdf_appendix.h — the appendix "Bijlage: cijfers bij de grafieken" at the
 * end of the tagged PDF (SPEC §11, issue 16): every chart's numbers as a
 * table, numbered in the order of the charts, each under an H2 that names
 * the chart and its page. A chart's alt text ends by pointing to its table
 * (pdf_tags.c). */
#ifndef PM_PDF_APPENDIX_H
#define PM_PDF_APPENDIX_H

#include "pdf_internal.h"
#include "pdf_tags.h"

/* Draws the appendix after page *page, each page with its footer; *page
 * ends on the last page drawn. Nothing when t holds no table. */
pm_error pm_pdf_appendix_pages(const doc *d, cairo_t *cr, const pm_tags *t, int *page,
                               pm_pdf_footer_fn footer);

/* The pages pm_pdf_appendix_pages would draw for t, laid out on cr
 * without a footer, a page break or an outline entry (cr's drawing is
 * thrown away): the document counts its pages before it draws them. */
int pm_pdf_appendix_npages(const doc *d, cairo_t *cr, const pm_tags *t);

#endif
