/* pdf_pager.h — the page writer of the PDF's text and table parts: the
 * Samenvatting, the toelichting, the management section and the appendix.
 *
 * Each of those parts starts a page the same way (the running header, the
 * part's H1 with "(vervolg)" after its first page, an outline entry on its
 * first page), tracks the y position, breaks to a new page where the next
 * piece does not fit, and ends each page with the document's footer. The
 * pager does that once; a part draws only its own content.
 *
 * With no footer the pager only counts: it lays the pages out on the cairo_t
 * it is given (a scratch or recording surface) without footers, outline
 * entries or page breaks, so the count and the drawn pages break alike. */
#ifndef PM_PDF_PAGER_H
#define PM_PDF_PAGER_H

#include <cairo.h>
#include <stdbool.h>

#include "pdf_internal.h"

/* The y of a page's running header: the first line of every page. */
#define PM_PDF_PAGE_TOP 30.0

typedef struct pm_pdf_pager pm_pdf_pager;

/* What a part puts under its title on each of its pages (an introduction,
 * a rule): draws from y and returns the y where the content starts. */
typedef double (*pm_pdf_pager_head_fn)(pm_pdf_pager *p, double y);

struct pm_pdf_pager {
    /* Set by the part (pm_pdf_pager_make fills the common ones). */
    const doc *d;
    cairo_t *cr;
    int *page;                 /* the document's page number, counted up */
    pm_pdf_footer_fn footer;   /* NULL: count only */
    const char *title;         /* the H1 on each page */
    const char *outline;       /* the outline entry of the first page */
    const char *mark;          /* after the running header (" · beheer"), or NULL */
    double title_size;         /* the H1's size */
    double title_gap;          /* below the H1 */
    double bottom;             /* no content below this y */
    pm_pdf_pager_head_fn head; /* under the H1, or NULL */
    void *ctx;                 /* the part's own, for head */
    /* The pager's state. */
    int started; /* pages of this part begun: "(vervolg)" after the first */
    bool open;   /* a page is being drawn */
    double y;    /* where the next content goes */
};

/* A pager for the part titled title (outline entry outline) with the H1 at
 * 18 pt, 4 pt above the content, nothing under it. */
pm_pdf_pager pm_pdf_pager_make(const doc *d, cairo_t *cr, int *page,
                               pm_pdf_footer_fn footer, const char *title,
                               const char *outline, double bottom);

/* Ends the open page, if any, and starts the next: *page + 1, the outline
 * entry on the part's first page, the running header, the H1, head. */
void pm_pdf_pager_begin(pm_pdf_pager *p);

/* Starts a page when none is open or h more points do not fit above the
 * bottom; true when it did. */
bool pm_pdf_pager_need(pm_pdf_pager *p, double h);

/* Writes on from y on a page the pager did not begin (the toelichting under
 * an indicator's charts): no page is begun and nothing breaks. */
void pm_pdf_pager_inside(pm_pdf_pager *p, double y);

/* Ends the open page, if any: the footer, then the page is shown. */
void pm_pdf_pager_end(pm_pdf_pager *p);

/* The running header at the top of a page ("Voortgangsrapportage pijler 2 ·
 * periode ... · peildatum ... · publiek ..."; "Dashboard" for the dashboard,
 * then mark when not NULL) drawn at (MARGIN, y) as page furniture; returns
 * the y below it and its gap. Every page of the document has it. */
double pm_pdf_pager_running_head(const doc *d, cairo_t *cr, double y, const char *mark);

/* A horizontal line from x0 to x1 at y, colour c, line width lw: the rules
 * under a page's heading, a table's header, the footer's line. */
void pm_pdf_pager_rule(cairo_t *cr, double x0, double x1, double y, pm_rgb c, double lw);

#endif
