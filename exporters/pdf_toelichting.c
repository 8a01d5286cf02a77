/* pdf_toelichting.c — the toelichting's PDF pages (pdf_toelichting.h): each
 * block laid out with pango markup, drawn line by line so a long section
 * breaks over pages, links as real PDF link annotations.
 *
 * The same code counts the pages (a dry run on a scratch surface) and
 * draws them, so the count in the footer cannot drift from the pages. */
#include "pdf_toelichting.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "labels.h"
#include "pdf_pager.h"
#include "pdf_tags.h"
#include "toelichting_flags.h"

#define BOTTOM (PAGE_H - FOOTER_H - 12.0)
#define BODY_SIZE 10.0
#define INDENT 16.0  /* per list level */
#define PARA_GAP 6.0 /* after a paragraph */
#define ITEM_GAP 2.0 /* after a list item */
#define LINK_COLOR "#1F4E79"
#define URL_COLOR "#595959"
/* A section goes under its indicator's charts when it is at most this high
 * and the page has at most two charts; otherwise on a page of its own, so
 * the charts keep a readable size. */
#define INLINE_MAX 190.0
#define INLINE_CHARTS 2

/* A link's place in the plain text of a block's layout (byte offsets). */
typedef struct span {
    size_t start, end;
    const char *url;
} span;

/* Under each page's title: where the text comes from, a rule. */
static double tw_head(pm_pdf_pager *p, double y)
{
    cairo_t *cr = p->cr;
    double x = MARGIN, width = PAGE_W - 2 * MARGIN;
    const pm_toelichting *tl = p->d->in->toelichting;
    if (tl) {
        char *buf = g_strdup_printf("De toelichting van de coördinator (%s).", tl->name);
        pm_text_style t;
        pm_text_style_defaults(&t);
        t.size = 8.5;
        t.italic = true;
        t.color = pm_muted;
        t.width = width;
        y += pm_text_draw(cr, buf, x, y, &t) + 8;
        g_free(buf);
    } else {
        y += 6;
    }
    pm_pdf_pager_rule(cr, x, x + width, y, pm_faint, 0.8);
    return y + 12;
}

/* cairo's tag attributes quote strings in '…'; a quote or backslash in
 * the URL is escaped with a backslash. */
static char *attr_escape(const char *url)
{
    GString *g = g_string_new(NULL);
    for (const char *p = url; *p; p++) {
        if (*p == '\'' || *p == '\\')
            g_string_append_c(g, '\\');
        g_string_append_c(g, *p);
    }
    return g_string_free(g, FALSE);
}

/* The link annotations of the spans on one drawn line. */
static void line_links(pm_pdf_pager *w, PangoLayout *lay, PangoLayoutLine *line, double x,
                       double y, double h, const span *spans, size_t nspans)
{
    if (!w->footer)
        return; /* counting, or under the charts */
    const char *text = pango_layout_get_text(lay);
    size_t ls = (size_t)line->start_index, le = ls + (size_t)line->length;
    for (size_t i = 0; i < nspans; i++) {
        size_t a = spans[i].start > ls ? spans[i].start : ls;
        size_t b = spans[i].end < le ? spans[i].end : le;
        if (a >= b)
            continue;
        int x0, x1;
        size_t last = (size_t)(g_utf8_prev_char(text + b) - text);
        pango_layout_line_index_to_x(line, (int)a, 0, &x0);
        pango_layout_line_index_to_x(line, (int)last, 1, &x1);
        if (x1 < x0) {
            int t = x0;
            x0 = x1;
            x1 = t;
        }
        char *uri = attr_escape(spans[i].url);
        char *attrs = g_strdup_printf("uri='%s' rect=[%.2f %.2f %.2f %.2f]", uri,
                                      x + x0 / (double)PANGO_SCALE, y,
                                      (x1 - x0) / (double)PANGO_SCALE, h);
        cairo_tag_begin(w->cr, CAIRO_TAG_LINK, attrs);
        cairo_tag_end(w->cr, CAIRO_TAG_LINK);
        g_free(attrs);
        g_free(uri);
    }
}

/* Draws markup as wrapped lines from w->y at indent, breaking to a new page
 * where a line would pass BOTTOM; marker (a bullet or "3.") left of the
 * first line. */
static void tw_lines(pm_pdf_pager *w, const char *markup, double indent,
                     const char *marker, const span *spans, size_t nspans,
                     pm_text_style *st)
{
    cairo_t *cr = w->cr;
    double x = MARGIN + indent;
    st->width = PAGE_W - 2 * MARGIN - indent;
    st->markup = true;
    PangoLayout *lay = pm_text_layout(cr, markup, st);
    PangoLayoutIter *it = pango_layout_get_iter(lay);
    bool first = true;
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle log;
        pango_layout_iter_get_line_extents(it, NULL, &log);
        double h = log.height / (double)PANGO_SCALE;
        double base = (pango_layout_iter_get_baseline(it) - log.y) / (double)PANGO_SCALE;
        pm_pdf_pager_need(w, h);
        double lx = x + log.x / (double)PANGO_SCALE;
        cairo_save(cr);
        pm_set_rgb(cr, st->color);
        cairo_move_to(cr, lx, w->y + base);
        pango_cairo_show_layout_line(cr, line);
        cairo_restore(cr);
        if (first && marker) {
            pm_text_style ms = *st;
            ms.markup = false;
            ms.width = 0;
            ms.align = PM_ALIGN_RIGHT;
            pm_text_draw(cr, marker, x - 4, w->y, &ms);
        }
        line_links(w, lay, line, x, w->y, h, spans, nspans);
        w->y += h;
        first = false;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(lay);
}

static void append_escaped(GString *m, const char *text)
{
    char *e = g_markup_escape_text(text, -1);
    g_string_append(m, e);
    g_free(e);
}

static bool same_url(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* The pango markup of a block, and where its links are in the plain text:
 * the link text underlined, then its address in grey unless the text is
 * the address itself. */
static char *block_markup(const pm_tl_block *b, span **spans, size_t *nspans)
{
    GString *m = g_string_new(NULL);
    GString *linktext = g_string_new(NULL);
    size_t plain = 0, n = 0;
    span *sp = NULL;
    for (size_t i = 0; i < b->nruns; i++) {
        const pm_tl_run *r = &b->runs[i];
        if (r->brk) {
            g_string_append_c(m, '\n');
            plain++;
            continue;
        }
        bool link_start = r->url && (i == 0 || !same_url(b->runs[i - 1].url, r->url));
        bool link_end =
            r->url && (i + 1 == b->nruns || !same_url(b->runs[i + 1].url, r->url));
        if (link_start) {
            sp = g_renew(span, sp, n + 1);
            sp[n] = (span){.start = plain, .url = r->url};
            g_string_truncate(linktext, 0);
            g_string_append(m,
                            "<span underline=\"single\" foreground=\"" LINK_COLOR "\">");
        }
        if (r->style & PM_TL_STRONG)
            g_string_append(m, "<b>");
        if (r->style & PM_TL_EMPH)
            g_string_append(m, "<i>");
        if (r->style & PM_TL_CODE)
            g_string_append(m, "<tt>");
        append_escaped(m, r->text);
        plain += strlen(r->text);
        if (r->url)
            g_string_append(linktext, r->text);
        if (r->style & PM_TL_CODE)
            g_string_append(m, "</tt>");
        if (r->style & PM_TL_EMPH)
            g_string_append(m, "</i>");
        if (r->style & PM_TL_STRONG)
            g_string_append(m, "</b>");
        if (link_end) {
            g_string_append(m, "</span>");
            const char *shown = r->url;
            if (strncmp(shown, "mailto:", 7) == 0 &&
                strcmp(linktext->str, shown + 7) == 0)
                shown = NULL;
            else if (strcmp(linktext->str, shown) == 0)
                shown = NULL;
            if (shown) {
                g_string_append(m, "<span foreground=\"" URL_COLOR "\"> (");
                append_escaped(m, shown);
                g_string_append(m, ")</span>");
                plain += strlen(shown) + 3;
            }
            sp[n].end = plain;
            n++;
        }
    }
    g_string_free(linktext, TRUE);
    *spans = sp;
    *nspans = n;
    return g_string_free(m, FALSE);
}

static void tw_block(pm_pdf_pager *w, const pm_tl_block *b)
{
    span *spans = NULL;
    size_t nspans = 0;
    char *markup = block_markup(b, &spans, &nspans);
    char marker[24] = "";
    if (b->marker && b->number)
        snprintf(marker, sizeof marker, "%d.", b->number);
    else if (b->marker)
        snprintf(marker, sizeof marker, "%s",
                 b->depth == 1   ? "•"
                 : b->depth == 2 ? "–"
                                 : "◦");
    pm_text_style st;
    pm_text_style_defaults(&st);
    st.size = BODY_SIZE;
    double indent = INDENT * b->depth + (b->number ? 4 : 0);
    tw_lines(w, markup, indent, b->marker ? marker : NULL, spans, nspans, &st);
    w->y += b->depth ? ITEM_GAP : PARA_GAP;
    g_free(spans);
    g_free(markup);
}

/* A subheading that keeps with the next two lines of text. */
static void tw_subheading(pm_pdf_pager *w, const char *text)
{
    pm_text_style st;
    pm_text_style_defaults(&st);
    st.size = 13;
    st.bold = true;
    st.width = PAGE_W - 2 * MARGIN;
    double tw_, h;
    pm_text_measure(w->cr, text, &st, &tw_, &h);
    pm_pdf_pager_need(w, h + 4 + 2.6 * BODY_SIZE);
    w->y += pm_text_draw(w->cr, text, MARGIN, w->y, &st) + 4;
}

static void tw_section(pm_pdf_pager *w, const pm_tl_section *s)
{
    for (size_t i = 0; s && i < s->nblocks; i++) {
        /* The gap before a paragraph that follows a list. */
        if (i && s->blocks[i].depth == 0 && s->blocks[i - 1].depth > 0)
            w->y += PARA_GAP - ITEM_GAP;
        tw_block(w, &s->blocks[i]);
    }
}

/* The B page's "toelichting ontbreekt" lines, in dark red. */
static void tw_flags(pm_pdf_pager *w, char **lines, size_t n)
{
    pm_text_style st;
    pm_text_style_defaults(&st);
    st.size = BODY_SIZE;
    tw_lines(
        w,
        "Deze posten wijken meer dan 10% af van hun begroting tot de peildatum, en de "
        "toelichting legt niet uit waarom (er is geen sectie <tt>## B</tt>):",
        0, NULL, NULL, 0, &st);
    w->y += PARA_GAP;
    st.bold = true;
    st.color = (pm_rgb){0.62, 0.0, 0.02};
    for (size_t i = 0; i < n; i++) {
        char *e = g_markup_escape_text(lines[i], -1);
        tw_lines(w, e, INDENT, "•", NULL, 0, &st);
        w->y += ITEM_GAP;
        g_free(e);
    }
}

static pm_pdf_pager tw_make(const doc *d, cairo_t *cr, int *page, pm_pdf_footer_fn footer,
                            const char *title, const char *outline)
{
    pm_pdf_pager w = pm_pdf_pager_make(d, cr, page, footer, title, outline, BOTTOM);
    w.head = tw_head;
    return w;
}

pm_error pm_pdf_tl_algemeen(const doc *d, cairo_t *cr, int *page, pm_pdf_footer_fn footer)
{
    const pm_toelichting *tl = d->in->toelichting;
    if (!tl || !tl->sections[PM_TL_ALGEMEEN].present)
        return PM_OK;
    pm_pdf_pager w =
        tw_make(d, cr, page, footer, "Toelichting: Algemeen", "Toelichting: Algemeen");
    pm_pdf_pager_begin(&w);
    tw_section(&w, &tl->sections[PM_TL_ALGEMEEN]);
    pm_pdf_pager_end(&w);
    return PM_OK;
}

/* What an indicator's toelichting shows: its section and, for B, the
 * posts lacking an explanation. False when there is nothing. */
typedef struct ind_text {
    const pm_tl_section *s;
    char **flags;
    size_t nflags;
} ind_text;

static bool ind_text_get(const doc *d, const pm_result *res, ind_text *t)
{
    memset(t, 0, sizeof *t);
    t->s = pm_tl_for_indicator(d->in->toelichting, res->id);
    if (strcmp(res->id, "B") == 0) {
        t->flags = pm_tl_flags(d->rep->posten, d->in->toelichting, &t->nflags);
        if (!t->flags)
            t->nflags = 0; /* out of memory: no flags rather than no report */
    }
    return t->s || t->nflags;
}

static void ind_text_draw(pm_pdf_pager *w, const ind_text *t)
{
    if (t->nflags)
        tw_flags(w, t->flags, t->nflags);
    tw_section(w, t->s);
}

/* Lays out (cr NULL: measures) the toelichting under the charts from y;
 * returns the y below it. */
static double under_charts(const doc *d, cairo_t *cr, const ind_text *t, double y)
{
    cairo_surface_t *scratch = NULL;
    if (!cr) {
        scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
        cr = cairo_create(scratch);
    }
    int page = 0;
    pm_pdf_pager w = tw_make(d, cr, &page, NULL, "", "");
    pm_pdf_pager_inside(&w, y);
    tw_subheading(&w, "Toelichting van de coördinator");
    ind_text_draw(&w, t);
    if (scratch) {
        cairo_destroy(cr);
        cairo_surface_destroy(scratch);
    }
    return w.y;
}

double pm_pdf_tl_inline_height(const doc *d, const pm_result *res)
{
    const page_def *p = pm_pdf_page_def(res->id);
    ind_text t;
    if (!p || p->ncharts > INLINE_CHARTS || !ind_text_get(d, res, &t))
        return 0;
    double h = under_charts(d, NULL, &t, 0) + 6;
    pm_tl_flags_free(t.flags, t.nflags);
    return h <= INLINE_MAX ? h : 0;
}

void pm_pdf_tl_inline(const doc *d, cairo_t *cr, const pm_result *res, double y)
{
    ind_text t;
    if (!ind_text_get(d, res, &t))
        return;
    pm_pdf_pager_rule(cr, MARGIN, PAGE_W - MARGIN, y, pm_faint, 0.8);
    under_charts(d, cr, &t, y + 6);
    pm_tl_flags_free(t.flags, t.nflags);
}

pm_error pm_pdf_tl_indicator(const doc *d, cairo_t *cr, const pm_result *res, int *page,
                             pm_pdf_footer_fn footer)
{
    ind_text t;
    if (pm_pdf_tl_inline_height(d, res) > 0 || !ind_text_get(d, res, &t))
        return PM_OK;
    char title[192], outline[64];
    snprintf(title, sizeof title, "Toelichting %s — %s", res->id,
             pm_label_indicator(res->id)->naam);
    snprintf(outline, sizeof outline, "Toelichting %s", res->id);
    pm_pdf_pager w = tw_make(d, cr, page, footer, title, outline);
    pm_pdf_pager_begin(&w);
    ind_text_draw(&w, &t);
    pm_pdf_pager_end(&w);
    pm_tl_flags_free(t.flags, t.nflags);
    return PM_OK;
}

pm_error pm_pdf_tl_risks(const doc *d, cairo_t *cr, int *page, pm_pdf_footer_fn footer)
{
    const pm_toelichting *tl = d->in->toelichting;
    if (!tl || (!tl->sections[PM_TL_RISICOS].present &&
                !tl->sections[PM_TL_MAATREGELEN].present))
        return PM_OK;
    pm_pdf_pager w = tw_make(d, cr, page, footer, "Risico's en maatregelen",
                             "Risico's en maatregelen");
    pm_pdf_pager_begin(&w);
    static const pm_tl_id parts[] = {PM_TL_RISICOS, PM_TL_MAATREGELEN};
    for (size_t k = 0; k < 2; k++) {
        const pm_tl_section *s = &tl->sections[parts[k]];
        if (!s->present)
            continue;
        if (k && tl->sections[PM_TL_RISICOS].present)
            w.y += 8;
        tw_subheading(&w, pm_tl_heading(parts[k]));
        tw_section(&w, s);
    }
    pm_pdf_pager_end(&w);
    return PM_OK;
}

int pm_pdf_tl_pages(const doc *d)
{
    bool flags = d->rep->posten &&
                 !(d->in->toelichting && d->in->toelichting->sections[PM_TL_B].present);
    if (!pm_tl_any(d->in->toelichting) && !flags)
        return 0;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
    cairo_t *cr = cairo_create(s);
    int page = 0;
    pm_pdf_tl_algemeen(d, cr, &page, NULL);
    for (size_t i = 0; i < d->rep->nresults; i++)
        if (pm_pdf_page_def(d->rep->results[i].id))
            pm_pdf_tl_indicator(d, cr, &d->rep->results[i], &page, NULL);
    pm_pdf_tl_risks(d, cr, &page, NULL);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return page;
}
