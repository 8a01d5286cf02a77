/* pdf_internal.h — what the PDF document (pdf.c), its dashboard pages
 * (dashboard.c) and its indicator pages (pdf_pages.c) share: the document's
 * state, the page's geometry, a text helper, the page table.
 *
 * Not a public interface: only those three files include it. The calls run
 * one way, pdf.c -> dashboard.c -> pdf_pages.c: pdf_pages.c defines every
 * function declared here and calls nothing in the others (the numbers it
 * writes come from format.h); pdf.c fills the doc and walks the pages. The types keep
 * their short names (types have no linkage); the functions carry the pm_pdf_ prefix
 * because they are visible to the linker. */
#ifndef PM_PDF_INTERNAL_H
#define PM_PDF_INTERNAL_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "pdf.h"

/* A4 portrait in points, the margins every page keeps. */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define MARGIN 40.0
#define FOOTER_H 26.0

#define REPORT_TITLE "Voortgangsrapportage pijler 2"

/* One document being written. Made by pdf.c (doc_init) before the first
 * page; the chart functions only read it. The strings are the Dutch words
 * every chart's title and sentence reuse, formatted once. */
typedef struct doc {
    const pm_pdf_input *in;
    const pm_report *rep;
    const pm_scope *ctx;
    const pm_config *cfg;
    bool intern;
    char hidden[16];        /* "<5" */
    char hidden_legend[96]; /* what "<5" means */
    char cum_range[64];     /* "01-07-2024 t/m 31-12-2025" */
    char cum_sub[96];       /* subtitle of cumulative charts */
    char trend_sub[96];     /* subtitle of quarterly charts */
    char period_name[64];   /* "4e kwartaal 2025" (pm_format_period) */
    char per_phrase[96];    /* "In het 4e kwartaal 2025" */
    char per_lc[96];        /* "in het 4e kwartaal 2025" */
    char since[48];         /* "Sinds 01-07-2024" */
    char since_lc[48];      /* "sinds 01-07-2024" */
    char created[16];       /* "31-12-2025" */
    size_t nquarters;       /* the trend quarters, programme start .. peildatum */
    char (*quarter)[16];
    const char **quarter_ptr;
    int npages;
    bool dashboard; /* the one page of `dashboard`, not the report */
    /* What "x" means, a cell hidden beside a small one (pm_hidden_legend),
     * and the two marks' short lines in a chart's legend. */
    char secondary_legend[PM_LEGEND_SIZE];
    char chart_hidden_legend[PM_LEGEND_SIZE];
    char chart_secondary_legend[PM_LEGEND_SIZE];
} doc;

/* ---- text helper (pdf_pages.c) ----------------------------------------- */

/* Appends formatted text to buf, which holds a string of at most size
 * bytes: a sentence grows clause by clause. A full buf is left as it is. */
void pm_pdf_add(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The legend of the marks m holds ("<5 = minder dan 5 waarnemingen, niet
 * getoond. x = niet getoond, ..."), appended to buf: a page explains the
 * marks it shows and no others. Nothing when m is empty. */
void pm_pdf_marks_text(const doc *d, const pm_marks *m, char *buf, size_t size);

/* pm_pdf_marks_text drawn small and muted at (x, y), width w; returns the
 * y below it (y itself when m is empty). */
double pm_pdf_marks_legend(const doc *d, cairo_t *cr, const pm_marks *m, double x,
                           double y, double w);

/* ---- the indicator pages (pdf_pages.c) --------------------------------- */

/* One chart: with cr it draws inside r; with say it writes its sentence
 * (size bytes) and may set *want to the height it needs (0: any height
 * will do). The document calls it twice: first for the sentence, to lay
 * out the page, then with cr to draw. */
typedef pm_error (*chart_fn)(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                             double *want);

typedef struct chart_def {
    const char *png; /* the PNG's name without ".png": says what it shows */
    chart_fn fn;
    bool personal; /* names people: intern only (SPEC §6) */
    double weight; /* share of the page's height for charts */
} chart_def;

/* The most charts one indicator page holds (R2: four). */
#define PM_PDF_MAX_CHARTS 4

typedef struct page_def {
    const char *id;
    const char *extern_note; /* what an extern reader does not see, or NULL */
    chart_def charts[PM_PDF_MAX_CHARTS];
    size_t ncharts;
} page_def;

/* The page of indicator id, or NULL when it has none. Points into a
 * static table. */
const page_def *pm_pdf_page_def(const char *id);

/* ---- the management section (pdf_beheer.c) ------------------------------ */

/* Draws the footer of page `page` (pdf.c's): handed to the pages of other
 * files so they call nothing in pdf.c. */
typedef void (*pm_pdf_footer_fn)(const doc *d, cairo_t *cr, int page);

/* The pages the management section takes: Team, Openstaande hulpvragen (as
 * many pages as its rows need), Budget per post, Mijlpalen; 0 for extern,
 * the dashboard, or a report without rep->beheer. */
int pm_pdf_beheer_npages(const doc *d);

/* Draws those pages after page *page, each with its footer, and adds an
 * outline entry per table; *page ends on the last page drawn. */
pm_error pm_pdf_beheer_pages(const doc *d, cairo_t *cr, int *page,
                             pm_pdf_footer_fn footer);

/* ---- the document's words, for the web page (pdf.c, issue 16) ---------- */

/* Fills d for in as the PDF does (the shared words, the quarters);
 * pm_pdf_doc_free frees it. PM_ERR_NOMEM. */
pm_error pm_pdf_doc_init(doc *d, const pm_pdf_input *in);
void pm_pdf_doc_free(doc *d);

#endif
