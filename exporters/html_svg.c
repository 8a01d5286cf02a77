/* html_svg.c — one chart of the PDF as inline SVG for the web page: the
 * same chart function draws onto cairo's SVG surface, into memory; the ids
 * cairo gives (glyph0-0, clip1, surface1 …) are the same in every SVG it
 * writes, so each gets the chart's own prefix, or two charts in one page
 * would draw with each other's glyphs and clips. */
#include "html_internal.h"

#include <cairo-svg.h>
#include <stdlib.h>
#include <string.h>

static cairo_status_t to_buf(void *closure, const unsigned char *data,
                             unsigned int length)
{
    pm_html_buf_add(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* The references to an id cairo writes: the id itself, an href to it and
 * a url() of a clip or mask. */
static const char *const id_refs[] = {"id=\"", "href=\"#", "url(#"};

/* Copies svg into out with prefix before every id and every reference to
 * one, and without the XML declaration (the page is HTML). */
static void rewrite_ids(const char *svg, const char *prefix, pm_html_buf *out)
{
    const char *p = strstr(svg, "<svg");
    p = p ? p : svg;
    size_t plen = strlen(prefix);
    while (*p) {
        const char *next = NULL;
        size_t mlen = 0;
        for (size_t k = 0; k < sizeof id_refs / sizeof id_refs[0]; k++) {
            const char *q = strstr(p, id_refs[k]);
            if (q && (!next || q < next)) {
                next = q;
                mlen = strlen(id_refs[k]);
            }
        }
        if (!next) {
            pm_html_buf_add(out, p, strlen(p));
            break;
        }
        pm_html_buf_add(out, p, (size_t)(next - p) + mlen);
        pm_html_buf_add(out, prefix, plen);
        p = next + mlen;
    }
}

/* Ends the surface and copies its SVG, ids prefixed, into out. */
static pm_error finish(cairo_surface_t *s, pm_html_buf *raw, const char *prefix,
                       pm_html_buf *out, pm_error err)
{
    cairo_surface_finish(s);
    if (!err && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        err = PM_ERR_NOMEM;
    cairo_surface_destroy(s);
    if (!err && (raw->nomem || !raw->data))
        err = PM_ERR_NOMEM;
    if (!err)
        rewrite_ids(raw->data, prefix, out);
    if (!err && out->nomem)
        err = PM_ERR_NOMEM;
    free(raw->data);
    return err;
}

pm_error pm_html_chart_svg(const doc *d, const chart_def *c, double w, double h,
                           const char *prefix, const pm_chart_capture *cap,
                           pm_html_buf *out)
{
    pm_html_buf raw = {0};
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_buf, &raw, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    pm_chart_capture_attach(cr, cap);
    pm_error err = c->fn(d, cr, (pm_rect){0, 0, w, h}, NULL, 0, NULL);
    cairo_destroy(cr);
    return finish(s, &raw, prefix, out, err);
}

pm_error pm_html_spark_svg(const pm_spark_cfg *cfg, const double *v, const bool *present,
                           size_t n, double w, double h, const char *prefix,
                           pm_html_buf *out)
{
    pm_html_buf raw = {0};
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_buf, &raw, w, h);
    cairo_t *cr = cairo_create(s);
    pm_spark_draw(cr, (pm_rect){2, 2, w - 4, h - 4}, cfg, v, present, n);
    cairo_destroy(cr);
    return finish(s, &raw, prefix, out, PM_OK);
}
