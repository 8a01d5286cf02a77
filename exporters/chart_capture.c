/* chart_capture.c — the listener of chart_capture.h as cairo user data. */
#include "chart_capture.h"

/* Its address is the key; the value is never read. */
static const cairo_user_data_key_t capture_key;

void pm_chart_capture_attach(cairo_t *cr, const pm_chart_capture *c)
{
    cairo_set_user_data(cr, &capture_key, (void *)c, NULL);
}

static const pm_chart_capture *capture_of(cairo_t *cr)
{
    return cr ? cairo_get_user_data(cr, &capture_key) : NULL;
}

void pm_chart_capture_category(cairo_t *cr, const pm_chart_cfg *cfg,
                               const pm_chart_data *d)
{
    const pm_chart_capture *c = capture_of(cr);
    if (c && c->category)
        c->category(c->ctx, cfg, d);
}

void pm_chart_capture_timeline(cairo_t *cr, const pm_timeline_cfg *cfg,
                               const pm_milestone *m, size_t n)
{
    const pm_chart_capture *c = capture_of(cr);
    if (c && c->timeline)
        c->timeline(c->ctx, cfg, m, n);
}
