/* chart_text.c — every piece of text in the charts and the PDF, set with
 * pango on the caller's cairo_t: wrapping, ellipsis, bold and diacritics.
 *
 * One font map serves all drawings, so fonts are loaded once per document.
 * Sizes are absolute (user units), not points at a screen resolution, and
 * metric hinting is off: a layout then has the same shape on a PDF page
 * and on a scaled PNG, and line breaks do not depend on the output. */
#include "chart.h"
#include "pdf_tags.h"

#include <pango/pangocairo.h>
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

double pm_text_fit(cairo_t *cr, const char *text, const pm_text_style *s, double w,
                   double min_size)
{
    pm_text_style t = *s;
    t.width = 0;
    bool first = true;
    for (; t.size > min_size; t.size -= 0.5) {
        double tw, th;
        pm_text_measure(cr, text, &t, &tw, &th);
        if (tw <= w)
            return t.size;
        /* Width grows almost linearly with the size: skip the steps that
         * cannot fit, down to one step above the linear estimate plus a
         * step, so the answer stays the largest on the 0.5 grid that fits
         * (a layout at every step made the dashboard's bands twice as
         * slow). */
        if (first && tw > 0) {
            first = false;
            double guess = t.size * w / tw + 1.0;
            while (t.size - 0.5 > guess && t.size - 0.5 > min_size)
                t.size -= 0.5;
        }
    }
    return min_size;
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
