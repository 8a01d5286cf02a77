/* pdf_summary.c — the "Samenvatting" page: "Belangrijkste ontwikkelingen"
 * as wrapped paragraphs, then "Bereik" as a compact table per regio. The
 * text shrinks a step at a time until the page holds it all. */
#include "pdf_summary.h"

#include <stdio.h>
#include <string.h>

#include "bereik.h"
#include "format.h"
#include "labels.h"
#include "pdf_pager.h"
#include "pdf_tags.h"
#include "summary.h"

#define BOTTOM (PAGE_H - FOOTER_H - 8.0)
#define ROW_H 13.0

int pm_pdf_summary_npages(const doc *d)
{
    return d->dashboard ? 0 : 1;
}

/* "12 van 9"-style cells: a count, or the mark of why it is hidden ("<5",
 * or "x" beside a small one), recorded in *m for the table's note. */
static const char *count_text(const doc *d, long n, pm_suppress s, pm_marks *m, char *buf,
                              size_t size)
{
    if (!pm_bereik_visible(s))
        return pm_hidden_mark(pm_marks_add(m, s), d->cfg->min_cell, buf, size);
    return pm_format_int(n, buf, size);
}

/* The reach table: regio, then gemeenten (x van N) and SOB's for the
 * periode and for cumulatief. Returns its height (draws only with draw). */
static double reach_table(const doc *d, cairo_t *cr, double y, bool draw)
{
    const pm_bereik *b = d->rep->bereik;
    if (!b)
        return 0;
    static const double col[] = {MARGIN, MARGIN + 150, MARGIN + 270, MARGIN + 350,
                                 MARGIN + 470};
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 8.5;
    double y0 = y;
    pm_marks marks = {0};
    char per[96], cum[96], d1[16];
    snprintf(per, sizeof per, "Gemeenten, %s", d->period_name);
    snprintf(cum, sizeof cum, "Gemeenten, sinds %s",
             pm_format_date(b->cumulatief.van, d1, sizeof d1));
    const char *head[] = {"Regio", per, "SOB's", cum, "SOB's"};
    t.bold = true;
    /* A tagged PDF gets a Table: the first row's cells and each row's
     * region are TH (qpdf gives them their /Scope, pdf_tags.c). */
    bool table = draw && pm_tags_begin(cr, "Table");
    bool tr = draw && pm_tags_begin(cr, "TR");
    for (size_t c = 0; c < 5; c++) {
        t.width = (c < 4 ? col[c + 1] : PAGE_W - MARGIN) - col[c] - 6;
        t.max_lines = 2;
        bool th = draw && pm_tags_begin(cr, "TH");
        if (draw)
            pm_text_draw(cr, head[c], col[c], y, &t);
        pm_tags_end(cr, "TH", th);
    }
    pm_tags_end(cr, "TR", tr);
    y += 2 * ROW_H;
    t.bold = false;
    t.max_lines = 1;
    for (size_t k = 0; k <= PM_NREGIOS; k++) {
        const bool total = k == PM_NREGIOS;
        const pm_bereik_range *r[2] = {&b->periode, &b->cumulatief};
        char cell[5][64], n1[16], n2[16];
        snprintf(cell[0], sizeof cell[0], "%s", total ? "Totaal" : pm_regios[k]);
        for (size_t j = 0; j < 2; j++) {
            long g = total ? r[j]->gemeenten : r[j]->regio[k].gemeenten;
            long gt = total ? r[j]->gemeenten_totaal : r[j]->regio[k].gemeenten_totaal;
            pm_suppress gs =
                total ? r[j]->gemeenten_suppress : r[j]->regio[k].gemeenten_suppress;
            long s = total ? r[j]->sob : r[j]->regio[k].sob;
            pm_suppress ss = total ? r[j]->sob_suppress : r[j]->regio[k].sob_suppress;
            snprintf(cell[1 + 2 * j], sizeof cell[0], "%s van %s",
                     count_text(d, g, gs, &marks, n1, sizeof n1),
                     pm_format_int(gt, n2, sizeof n2));
            snprintf(cell[2 + 2 * j], sizeof cell[0], "%s",
                     count_text(d, s, ss, &marks, n1, sizeof n1));
        }
        t.bold = total;
        tr = draw && pm_tags_begin(cr, "TR");
        for (size_t c = 0; draw && c < 5; c++) {
            t.width = (c < 4 ? col[c + 1] : PAGE_W - MARGIN) - col[c] - 6;
            const char *role = c == 0 ? "TH" : "TD";
            bool cell_tag = pm_tags_begin(cr, role);
            pm_text_draw(cr, cell[c], col[c], y, &t);
            pm_tags_end(cr, role, cell_tag);
        }
        pm_tags_end(cr, "TR", tr);
        y += ROW_H;
    }
    pm_tags_end(cr, "Table", table);
    t.bold = false;
    t.size = 7.5;
    t.color = pm_muted;
    t.width = PAGE_W - 2 * MARGIN;
    t.max_lines = 0;
    /* The legend names the marks the table shows, and no others. */
    char legend[2][PM_LEGEND_SIZE];
    legend[0][0] = legend[1][0] = '\0';
    if (marks.primair)
        pm_hidden_legend(PM_SUPPRESS_PRIMAIR, d->cfg->min_cell, legend[0],
                         sizeof legend[0]);
    if (marks.secundair)
        pm_hidden_legend(PM_SUPPRESS_SECUNDAIR, d->cfg->min_cell, legend[1],
                         sizeof legend[1]);
    char note[800];
    snprintf(
        note, sizeof note,
        "Organisaties die minstens één hulpvraag stuurden (ontvangen in de periode "
        "t/m de peildatum). \"van N\": de gemeenten van de regio in het register "
        "van organisaties; het totaal is de %ld gemeenten van Nederland.%s%s%s%s%s%s",
        b->periode.gemeenten_totaal,
        b->gefilterd ? " Alleen organisaties binnen het filter." : "",
        marks.primair ? " " : "", legend[0], marks.primair ? "." : "",
        marks.secundair ? " " : "", legend[1]);
    if (marks.secundair)
        strncat(note, ".", sizeof note - strlen(note) - 1);
    y += 4;
    if (draw)
        y += pm_text_draw(cr, note, MARGIN, y, &t);
    else {
        double w, h;
        pm_text_measure(cr, note, &t, &w, &h);
        y += h;
    }
    return y - y0;
}

/* The paragraphs at font size `size`; returns the y below them. */
static double paragraphs(cairo_t *cr, const pm_summary *s, double y, double size,
                         bool draw)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = size;
    t.width = PAGE_W - 2 * MARGIN - 28;
    for (size_t i = 0; i < s->n; i++) {
        const char *id = s->lines[i].indicator;
        pm_text_style k = t;
        k.bold = true;
        k.width = 0;
        if (draw && id)
            pm_text_draw(cr, id, MARGIN, y, &k);
        double w, h;
        if (draw)
            h = pm_text_draw(cr, s->lines[i].zin, MARGIN + 28, y, &t);
        else
            pm_text_measure(cr, s->lines[i].zin, &t, &w, &h);
        y += h + size * 0.6;
    }
    return y;
}

static double heading(cairo_t *cr, const char *text, double y, double size)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = size;
    t.bold = true;
    pm_tags_role(cr, "H2");
    return y + pm_text_draw(cr, text, MARGIN, y, &t);
}

/* The page's content from y, under its title. */
static pm_error summary_page(const doc *d, cairo_t *cr, double y)
{
    pm_summary s;
    pm_error err = pm_summary_build(d->rep, d->in->audience, d->rep->warnings, &s);
    if (err)
        return err;
    y = heading(cr, "Belangrijkste ontwikkelingen", y, 12) + 6;
    double table = reach_table(d, cr, 0, false) + 30;
    /* The largest size at which sentences and table fit the page. */
    double size = 9.0;
    while (size > 6.5 && paragraphs(cr, &s, y, size, false) + table > BOTTOM)
        size -= 0.5;
    y = paragraphs(cr, &s, y, size, true) + 6;
    if (d->rep->bereik) {
        y = heading(cr, "Bereik", y, 12) + 6;
        reach_table(d, cr, y, true);
    }
    pm_summary_free(&s);
    return PM_OK;
}

pm_error pm_pdf_summary_pages(const doc *d, cairo_t *cr, int *page,
                              pm_pdf_footer_fn footer)
{
    if (d->dashboard)
        return PM_OK;
    pm_pdf_pager p =
        pm_pdf_pager_make(d, cr, page, footer, "Samenvatting", "Samenvatting", BOTTOM);
    p.title_gap = 8;
    pm_pdf_pager_begin(&p);
    pm_error err = summary_page(d, cr, p.y);
    pm_pdf_pager_end(&p);
    return err;
}
