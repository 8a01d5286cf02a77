/* pdf_pager.c — the page writer of the PDF's text and table parts
 * (pdf_pager.h). */
#include "pdf_pager.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>

#include "format.h"
#include "labels.h"
#include "pdf_tags.h"

double pm_pdf_pager_running_head(const doc *d, cairo_t *cr, double y, const char *mark)
{
    char d1[16];
    char *buf = g_strdup_printf("%s · periode %s · peildatum %s · publiek %s%s",
                                d->dashboard ? "Dashboard" : REPORT_TITLE, d->period_name,
                                pm_format_date(d->ctx->peildatum, d1, sizeof d1),
                                pm_audience_name(d->in->audience), mark ? mark : "");
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 7.5;
    t.color = pm_muted;
    t.width = PAGE_W - 2 * MARGIN;
    pm_tags_furniture(cr, true);
    y += pm_text_draw(cr, buf, MARGIN, y, &t) + 6;
    pm_tags_furniture(cr, false);
    g_free(buf);
    return y;
}

void pm_pdf_pager_rule(cairo_t *cr, double x0, double x1, double y, pm_rgb c, double lw)
{
    cairo_save(cr);
    pm_set_rgb(cr, c);
    cairo_set_line_width(cr, lw);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
    cairo_restore(cr);
}

pm_pdf_pager pm_pdf_pager_make(const doc *d, cairo_t *cr, int *page,
                               pm_pdf_footer_fn footer, const char *title,
                               const char *outline, double bottom)
{
    return (pm_pdf_pager){.d = d,
                          .cr = cr,
                          .page = page,
                          .footer = footer,
                          .title = title,
                          .outline = outline,
                          .title_size = 18,
                          .title_gap = 4,
                          .bottom = bottom};
}

void pm_pdf_pager_end(pm_pdf_pager *p)
{
    if (!p->open)
        return;
    if (p->footer) {
        p->footer(p->d, p->cr, *p->page);
        cairo_show_page(p->cr);
    }
    p->open = false;
}

void pm_pdf_pager_begin(pm_pdf_pager *p)
{
    pm_pdf_pager_end(p);
    (*p->page)++;
    p->started++;
    p->open = true;
    cairo_t *cr = p->cr;
    /* Counting adds no outline entry: a scratch surface has no outline. */
    if (p->started == 1 && p->footer) {
        char link[32];
        snprintf(link, sizeof link, "page=%d", *p->page);
        cairo_pdf_surface_add_outline(cairo_get_target(cr), CAIRO_PDF_OUTLINE_ROOT,
                                      p->outline, link, 0);
    }
    double y = pm_pdf_pager_running_head(p->d, cr, PM_PDF_PAGE_TOP, p->mark);
    char *title = g_strdup_printf("%s%s", p->title, p->started > 1 ? " (vervolg)" : "");
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = p->title_size;
    t.bold = true;
    t.width = PAGE_W - 2 * MARGIN;
    pm_tags_role(cr, "H1");
    y += pm_text_draw(cr, title, MARGIN, y, &t) + p->title_gap;
    g_free(title);
    p->y = p->head ? p->head(p, y) : y;
}

void pm_pdf_pager_inside(pm_pdf_pager *p, double y)
{
    p->open = true;
    p->bottom = HUGE_VAL;
    p->y = y;
}

bool pm_pdf_pager_need(pm_pdf_pager *p, double h)
{
    if (p->open && p->y + h <= p->bottom)
        return false;
    pm_pdf_pager_begin(p);
    return true;
}
