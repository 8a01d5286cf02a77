/* chart_spark.c — sparklines for the dashboard tiles: the quarterly trend
 * as a small line, no axes, the target as a faint dashed line and the last
 * value marked, so the direction is visible at a glance. */
#include <math.h>
#include <string.h>

#include "chart.h"

void pm_spark_cfg_defaults(pm_spark_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->color = pm_okabe_ito[PM_OI_BLUE];
    cfg->line_width = 1.5;
}

void pm_spark_draw(cairo_t *cr, pm_rect r, const pm_spark_cfg *cfg, const double *v,
                   const bool *present, size_t n)
{
    double lo = 0, hi = 0;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (present && !present[i])
            continue;
        lo = any ? fmin(lo, v[i]) : v[i];
        hi = any ? fmax(hi, v[i]) : v[i];
        any = true;
    }
    if (!any)
        return;
    if (cfg->has_target) {
        lo = fmin(lo, cfg->target);
        hi = fmax(hi, cfg->target);
    }
    if (cfg->fix_min)
        lo = cfg->min;
    if (cfg->fix_max)
        hi = cfg->max;
    if (hi - lo < cfg->min_span) {
        double mid = (hi + lo) / 2;
        lo = mid - cfg->min_span / 2;
        hi = mid + cfg->min_span / 2;
        if (cfg->fix_min && lo < cfg->min) {
            hi += cfg->min - lo;
            lo = cfg->min;
        }
        if (cfg->has_bounds && hi > cfg->upper) {
            lo -= hi - cfg->upper;
            hi = cfg->upper;
        }
        if (cfg->has_bounds && lo < cfg->lower) {
            hi += cfg->lower - lo;
            lo = cfg->lower;
        }
    }
    if (hi - lo < 1e-12) {
        lo -= 0.5;
        hi += 0.5;
    }
    /* Room for the end dot inside r. */
    double pad = 2.5;
    double x0 = r.x + pad, w = r.w - 2 * pad, y0 = r.y + pad, h = r.h - 2 * pad;
    double dx = n > 1 ? w / (double)(n - 1) : 0;
#define SX(i) (n > 1 ? x0 + dx * (double)(i) : x0 + w / 2)
#define SY(val) (y0 + h - h * (fmin(fmax((val), lo), hi) - lo) / (hi - lo))

    cairo_save(cr);
    if (cfg->has_target) {
        pm_set_rgb(cr, pm_muted);
        cairo_set_line_width(cr, 0.6);
        double dash[] = {2, 2};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_move_to(cr, r.x, SY(cfg->target));
        cairo_line_to(cr, r.x + r.w, SY(cfg->target));
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    pm_set_rgb(cr, cfg->color);
    cairo_set_line_width(cr, cfg->line_width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    bool pen = false;
    size_t last = 0;
    for (size_t i = 0; i < n; i++) {
        if (present && !present[i]) {
            pen = false;
            continue;
        }
        if (pen)
            cairo_line_to(cr, SX(i), SY(v[i]));
        else
            cairo_move_to(cr, SX(i), SY(v[i]));
        pen = true;
        last = i;
    }
    cairo_stroke(cr);
    /* Single points between gaps would vanish as zero-length lines. */
    for (size_t i = 0; i < n; i++) {
        if (present && !present[i])
            continue;
        bool alone = (i == 0 || (present && !present[i - 1])) &&
                     (i + 1 == n || (present && !present[i + 1]));
        if (alone || i == last) {
            cairo_arc(cr, SX(i), SY(v[i]), i == last ? 2.2 : 1.2, 0, 2 * M_PI);
            cairo_fill(cr);
        }
    }
    cairo_restore(cr);
#undef SX
#undef SY
}
