/* pdf_appendix.c — "Bijlage: cijfers bij de grafieken" (pdf_appendix.h).
 *
 * Why an appendix and not a table under each chart: an indicator page
 * shares its height among its charts by weight (pdf.c), and a table under
 * each would squeeze the charts; the dashboard's tiles leave no room at
 * all. One rule for every chart keeps the pages as they were and the alt
 * text's pointer simple (docs/DESIGN.md). A table longer than a page goes
 * on with its header row repeated. */
#include "pdf_appendix.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_table.h"
#include "format.h"
#include "labels.h"
#include "pdf_pager.h"

#define TOP PM_PDF_PAGE_TOP
#define BOTTOM (PAGE_H - FOOTER_H - 12.0)
#define CELL_SIZE 8.0
#define ROW_PAD 3.5
#define CAT_MIN 90.0
#define CAT_MAX 260.0
#define VAL_MAX 110.0
#define APPENDIX_TITLE "Bijlage: cijfers bij de grafieken"

/* Under the H1 of the appendix's first page a line on how to read the
 * tables; a rule under the heading of every page. */
static double aw_head(pm_pdf_pager *p, double y)
{
    cairo_t *cr = p->cr;
    double x = MARGIN, width = PAGE_W - 2 * MARGIN;
    if (p->started == 1) {
        pm_text_style t;
        pm_text_style_defaults(&t);
        t.size = 8.5;
        t.color = pm_muted;
        t.width = width;
        y += pm_text_draw(cr,
                          "De cijfers van elke grafiek in dit document, als tabel, in de "
                          "volgorde van de grafieken. Een cel die de grafiek verbergt, "
                          "staat hier met hetzelfde teken, nooit met zijn waarde.",
                          x, y, &t) +
             4;
    }
    pm_pdf_pager_rule(cr, x, x + width, y + 2, pm_faint, 0.8);
    return y + 12;
}

/* The column widths: the first as wide as its longest label (within
 * CAT_MIN..CAT_MAX), the value columns sharing the rest up to VAL_MAX. */
static void col_widths(cairo_t *cr, const pm_chart_table *tb, double *cw)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = CELL_SIZE;
    double width = PAGE_W - 2 * MARGIN, w, h, cat = 0;
    for (size_t i = 0; i < tb->nrows; i++) {
        pm_text_measure(cr, tb->cells[i * tb->ncols], &t, &w, &h);
        cat = fmax(cat, w);
    }
    t.bold = true;
    pm_text_measure(cr, tb->head[0], &t, &w, &h);
    cat = fmin(CAT_MAX, fmax(CAT_MIN, fmax(cat, w) + 12));
    cw[0] = cat;
    size_t nv = tb->ncols > 1 ? tb->ncols - 1 : 1;
    double v = fmin(VAL_MAX, (width - cat) / (double)nv);
    for (size_t c = 1; c < tb->ncols; c++)
        cw[c] = v;
}

/* The height of a row of cells (a header row when head) in widths cw. */
static double row_height(cairo_t *cr, char *const *cells, size_t n, const double *cw,
                         bool head)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = CELL_SIZE;
    t.bold = head;
    double hmax = 0, w, h;
    for (size_t c = 0; c < n; c++) {
        t.width = cw[c] - 8;
        pm_text_measure(cr, cells[c], &t, &w, &h);
        hmax = fmax(hmax, h);
    }
    return hmax + ROW_PAD;
}

/* One row, tagged TR with TH cells (all of them in the header row, the
 * first beside data cells) and TD; values right-aligned in their column. */
static void draw_row(pm_pdf_pager *w, char *const *cells, size_t n, const double *cw,
                     bool head, double h)
{
    cairo_t *cr = w->cr;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = CELL_SIZE;
    t.bold = head;
    bool tr = pm_tags_begin(cr, "TR");
    double x = MARGIN;
    for (size_t c = 0; c < n; c++) {
        const char *role = head || c == 0 ? "TH" : "TD";
        t.width = cw[c] - 8;
        t.align = c == 0 ? PM_ALIGN_LEFT : PM_ALIGN_RIGHT;
        bool tag = pm_tags_begin(cr, role);
        pm_text_draw(cr, cells[c], x, w->y + ROW_PAD / 2, &t);
        pm_tags_end(cr, role, tag);
        x += cw[c];
    }
    pm_tags_end(cr, "TR", tr);
    w->y += h;
    /* A hairline under the header, a fainter one between rows. */
    double right = MARGIN;
    for (size_t c = 0; c < n; c++)
        right += cw[c];
    pm_pdf_pager_rule(cr, MARGIN, right - 8, w->y - 0.5, head ? pm_muted : pm_faint,
                      head ? 0.7 : 0.4);
}

/* "Tabel 3 (grafiek op pagina 4): Reactie binnen 5 werkdagen per regio
 * (Cumulatief, ...)", as the H2. */
static double table_heading(pm_pdf_pager *w, size_t num, const pm_chart_table *tb,
                            int page, bool cont, bool draw)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 10;
    t.bold = true;
    t.width = PAGE_W - 2 * MARGIN;
    /* The height is measured with a three-digit page number: the count of
     * pages (count_pages in pdf.c) lays the appendix out before the charts'
     * pages are known, and must break the pages where the document will. */
    char *probe = g_strdup_printf("Tabel %zu (grafiek op pagina 999)%s: %s", num,
                                  cont ? ", vervolg" : "", tb->title);
    double w_, h;
    pm_text_measure(w->cr, probe, &t, &w_, &h);
    g_free(probe);
    if (draw) {
        /* The page first: a heading that wraps keeps it on its first line. */
        char *buf = g_strdup_printf("Tabel %zu (grafiek op pagina %d)%s: %s", num, page,
                                    cont ? ", vervolg" : "", tb->title);
        pm_tags_role(w->cr, "H2");
        pm_text_draw(w->cr, buf, MARGIN, w->y, &t);
        g_free(buf);
        w->y += h + 4;
    }
    return h + 4;
}

static void one_table(pm_pdf_pager *w, size_t num, const pm_chart_table *tb, int page)
{
    cairo_t *cr = w->cr;
    double *cw = g_new0(double, tb->ncols ? tb->ncols : 1);
    col_widths(cr, tb, cw);
    double head_h = row_height(cr, tb->head, tb->ncols, cw, true);
    double first_h = tb->nrows ? row_height(cr, tb->cells, tb->ncols, cw, false) : 0;
    /* A table that fits on a page is not split; a longer one starts where
     * its heading, header row and a first data row fit. */
    double need = table_heading(w, num, tb, page, false, false) + head_h + first_h;
    double whole = need;
    for (size_t i = 1; i < tb->nrows; i++)
        whole += row_height(cr, tb->cells + i * tb->ncols, tb->ncols, cw, false);
    if (tb->note) {
        /* The note (target, marks) stays with its table. */
        pm_text_style t;
        pm_text_style_defaults(&t);
        t.size = 7.5;
        t.width = PAGE_W - 2 * MARGIN;
        double nw, nh;
        pm_text_measure(cr, tb->note, &t, &nw, &nh);
        whole += 3 + nh + 3;
    }
    if (whole <= BOTTOM - TOP - 60)
        need = whole;
    pm_pdf_pager_need(w, need);
    table_heading(w, num, tb, page, false, true);
    bool table = pm_tags_begin(cr, "Table");
    draw_row(w, tb->head, tb->ncols, cw, true, head_h);
    for (size_t i = 0; i < tb->nrows; i++) {
        char *const *row = tb->cells + i * tb->ncols;
        double h = row_height(cr, row, tb->ncols, cw, false);
        if (w->y + h > w->bottom) {
            /* Goes on over the page: a table of its own there, with the
             * header row again, so each page's table reads alone. */
            pm_tags_end(cr, "Table", table);
            pm_pdf_pager_begin(w);
            table_heading(w, num, tb, page, true, true);
            table = pm_tags_begin(cr, "Table");
            draw_row(w, tb->head, tb->ncols, cw, true, head_h);
        }
        draw_row(w, row, tb->ncols, cw, false, h);
    }
    pm_tags_end(cr, "Table", table);
    g_free(cw);
    if (tb->note) {
        pm_text_style t;
        pm_text_style_defaults(&t);
        t.size = 7.5;
        t.color = pm_muted;
        t.width = PAGE_W - 2 * MARGIN;
        double nw, nh;
        pm_text_measure(cr, tb->note, &t, &nw, &nh);
        pm_pdf_pager_need(w, 3 + nh);
        w->y += pm_text_draw(cr, tb->note, MARGIN, w->y + 3, &t) + 3;
    }
    w->y += 14;
}

/* Every table of t after page *page; only counts without a footer. */
static void all_tables(const doc *d, cairo_t *cr, const pm_tags *t, int *page,
                       pm_pdf_footer_fn footer)
{
    pm_pdf_pager w =
        pm_pdf_pager_make(d, cr, page, footer, APPENDIX_TITLE, APPENDIX_TITLE, BOTTOM);
    w.head = aw_head;
    size_t n = pm_tags_ntables(t);
    for (size_t i = 0; i < n; i++) {
        int on = 0;
        const pm_chart_table *tb = pm_tags_table(t, i, &on);
        one_table(&w, i + 1, tb, on);
    }
    pm_pdf_pager_end(&w);
}

pm_error pm_pdf_appendix_pages(const doc *d, cairo_t *cr, const pm_tags *t, int *page,
                               pm_pdf_footer_fn footer)
{
    all_tables(d, cr, t, page, footer);
    return cairo_status(cr) == CAIRO_STATUS_NO_MEMORY ? PM_ERR_NOMEM : PM_OK;
}

int pm_pdf_appendix_npages(const doc *d, cairo_t *cr, const pm_tags *t)
{
    int page = 0;
    all_tables(d, cr, t, &page, NULL);
    return page;
}
