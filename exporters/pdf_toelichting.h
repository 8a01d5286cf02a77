/* pdf_toelichting.h — the PDF pages of the coordinator's toelichting (SPEC
 * §10): "Toelichting: Algemeen" after the summary; each indicator's section
 * under its charts when short, else on a page "Toelichting R1 — …" after
 * it (B also when a post lacks its explanation: "toelichting ontbreekt");
 * and "Risico's en maatregelen".
 *
 * Part of the PDF document (pdf.c walks the pages; these functions add
 * theirs): each starts its own pages, gives each part an outline entry,
 * and ends every page it starts with the document's footer and
 * cairo_show_page. *page is the number of the last page shown; it grows
 * by the pages added. Nothing is drawn when there is nothing to say. */
#ifndef PM_PDF_TOELICHTING_H
#define PM_PDF_TOELICHTING_H

#include "pdf_internal.h"

/* The pages the functions below will add to d, counted by laying them out
 * without drawing: the footer's "Pagina 3 van N" needs N first. */
int pm_pdf_tl_pages(const doc *d);

/* The height an indicator's toelichting takes under its charts (pdf.c
 * keeps it free), or 0 when it goes on a page of its own or there is none:
 * a short text on a page with at most two charts stays with them. */
double pm_pdf_tl_inline_height(const doc *d, const pm_result *res);

/* Draws that toelichting from y down (y: the top of the reserved room). */
void pm_pdf_tl_inline(const doc *d, cairo_t *cr, const pm_result *res, double y);

pm_error pm_pdf_tl_algemeen(const doc *d, cairo_t *cr, int *page,
                            pm_pdf_footer_fn footer);
pm_error pm_pdf_tl_indicator(const doc *d, cairo_t *cr, const pm_result *res, int *page,
                             pm_pdf_footer_fn footer);
pm_error pm_pdf_tl_risks(const doc *d, cairo_t *cr, int *page, pm_pdf_footer_fn footer);

#endif
