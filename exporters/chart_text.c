/* chart_text.c — every piece of text in the charts and the PDF, set with
 * pango on the caller's cairo_t: wrapping, ellipsis, bold and diacritics.
 *
 * One font map serves all drawings, so fonts are loaded once per document.
 * Sizes are absolute (user units), not points at a screen resolution, and
 * metric hinting is off: a layout then has the same shape on a PDF page
 * and on a scaled PNG, and line breaks do not depend on the output. */
#include "chart.h"
#include "pdf_tags.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PM_FONT_FAMILY "DejaVu Sans"

static PangoFontMap *font_map;

void pm_text_style_defaults(pm_text_style *s)
{
    memset(s, 0, sizeof *s);
    s->size = 9;
    s->color = pm_ink;
    s->align = PM_ALIGN_LEFT;
}

void pm_chart_fonts_release(void)
{
    if (font_map) {
        g_object_unref(font_map);
        font_map = NULL;
    }
}

/* A layout for cr with the text and style set; the caller unrefs it. */
static PangoLayout *make_layout(cairo_t *cr, const char *text, const pm_text_style *s)
{
    if (!font_map)
        font_map = pango_cairo_font_map_new();
    PangoContext *ctx = pango_font_map_create_context(font_map);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_cairo_update_context(cr, ctx);

    PangoLayout *layout = pango_layout_new(ctx);
    g_object_unref(ctx);

    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, PM_FONT_FAMILY);
    pango_font_description_set_absolute_size(fd, s->size * PANGO_SCALE);
    pango_font_description_set_weight(fd,
                                      s->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, s->italic ? PANGO_STYLE_OBLIQUE
                                                   : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, fd);
    pango_font_description_free(fd);

    if (s->width > 0) {
        pango_layout_set_width(layout, (int)(s->width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout,
                                   s->align == PM_ALIGN_CENTER  ? PANGO_ALIGN_CENTER
                                   : s->align == PM_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                                                : PANGO_ALIGN_LEFT);
        if (s->max_lines > 0) {
            /* A negative height is pango's "at most this many lines". */
            pango_layout_set_height(layout, -s->max_lines);
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        }
    }
    if (s->markup)
        pango_layout_set_markup(layout, text, -1);
    else
        pango_layout_set_text(layout, text, -1);
    /* No ligatures: an "fi" drawn as one glyph reads as U+FB01 in the PDF,
     * so a search for "grafiek" or a text extractor (pdfinfo -struct-text
     * stops at it) misses the word (SPEC §11). */
    PangoAttrList *al = pango_layout_get_attributes(layout);
    al = al ? pango_attr_list_copy(al) : pango_attr_list_new();
    pango_attr_list_insert(al, pango_attr_font_features_new("liga 0, clig 0"));
    pango_layout_set_attributes(layout, al);
    pango_attr_list_unref(al);
    return layout;
}

PangoLayout *pm_text_layout(cairo_t *cr, const char *text, const pm_text_style *s)
{
    return make_layout(cr, text, s);
}

/* The logical extents in user units. With a width set, pango aligns lines
 * inside it, so the box starts at the layout's origin. */
static void layout_size(PangoLayout *layout, double *w, double *h)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    *w = (double)logical.width / PANGO_SCALE;
    *h = (double)logical.height / PANGO_SCALE;
}

double pm_text_draw(cairo_t *cr, const char *text, double x, double y,
                    const pm_text_style *s)
{
    if (!text || !*text)
        return 0;
    PangoLayout *layout = make_layout(cr, text, s);
    double w, h;
    layout_size(layout, &w, &h);
    /* For the tests: text cut off with "…" where a layout ran out of
     * lines. The PDF's extracted text keeps the whole string (cairo maps
     * the ellipsis to the text it replaces), so only here is it known. */
    static int report_cut = -1;
    if (report_cut < 0)
        report_cut = getenv("PIJLERMONITOR_MELD_AFGEKAPT") != NULL;
    if (report_cut && pango_layout_is_ellipsized(layout))
        fprintf(stderr, "pijlermonitor: afgekapte tekst: %s\n", text);
    if (s->width <= 0) {
        if (s->align == PM_ALIGN_CENTER)
            x -= w / 2;
        else if (s->align == PM_ALIGN_RIGHT)
            x -= w;
    }
    /* In a tagged PDF every run of text is an element of its own (a P
     * unless the caller named its role), in drawing order (pdf_tags.c). */
    bool tagged = pm_tags_text_begin(cr);
    cairo_save(cr);
    pm_set_rgb(cr, s->color);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    pm_tags_text_end(cr, tagged);
    /* The path is not part of the saved state: without this, the next
     * line_to would start at the text. */
    cairo_new_path(cr);
    cairo_restore(cr);
    g_object_unref(layout);
    return h;
}

void pm_text_measure(cairo_t *cr, const char *text, const pm_text_style *s, double *w,
                     double *h)
{
    if (!text || !*text) {
        *w = *h = 0;
        return;
    }
    PangoLayout *layout = make_layout(cr, text, s);
    layout_size(layout, w, h);
    if (s->width > 0) {
        /* The widest line, not the wrap width, is what a caller lines up. */
        double widest = 0;
        PangoLayoutIter *it = pango_layout_get_iter(layout);
        do {
            PangoRectangle line;
            pango_layout_iter_get_line_extents(it, NULL, &line);
            if ((double)line.width / PANGO_SCALE > widest)
                widest = (double)line.width / PANGO_SCALE;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
        *w = widest;
    }
    g_object_unref(layout);
}

/* Whether text in style t is at most w wide on one line. */
static bool fits(cairo_t *cr, const char *text, const pm_text_style *t, double w)
{
    double tw, th;
    pm_text_measure(cr, text, t, &tw, &th);
    return tw <= w;
}

double pm_text_fit(cairo_t *cr, const char *text, const pm_text_style *s, double w,
                   double min_size)
{
    pm_text_style t = *s;
    t.width = 0;
    double tw, th;
    pm_text_measure(cr, text, &t, &tw, &th);
    if (tw <= w || t.size <= min_size)
        return tw <= w ? t.size : min_size;
    /* Width grows almost linearly with the size: start from the linear
     * estimate on the 0.5 grid instead of measuring every step down (a
     * layout per step made the dashboard's bands twice as slow), then step
     * down while it does not fit and up while the next size does, so the
     * answer is still the largest size on the grid that fits. */
    double top = t.size, est = t.size * w / tw;
    /* The grid: top - 0.5 k for k = 1 .. kmax, each above min_size. */
    double kmax = ceil((top - min_size) / 0.5) - 1;
    double k = fmin(kmax, fmax(1, floor((top - est) / 0.5)));
    if (kmax < 1)
        return min_size;
    t.size = top - 0.5 * k;
    while (!fits(cr, text, &t, w)) {
        t.size -= 0.5;
        if (t.size <= min_size)
            return min_size;
    }
    while (t.size + 0.5 < top) {
        pm_text_style u = t;
        u.size += 0.5;
        if (!fits(cr, text, &u, w))
            break;
        t.size = u.size;
    }
    return t.size;
}

void pm_text_draw_vertical(cairo_t *cr, const char *text, double cx, double cy,
                           const pm_text_style *s)
{
    if (!text || !*text)
        return;
    pm_text_style t = *s;
    t.width = 0;
    double w, h;
    pm_text_measure(cr, text, &t, &w, &h);
    cairo_save(cr);
    cairo_translate(cr, cx, cy);
    cairo_rotate(cr, -G_PI / 2);
    t.align = PM_ALIGN_LEFT;
    pm_text_draw(cr, text, -w / 2, -h / 2, &t);
    cairo_restore(cr);
}
