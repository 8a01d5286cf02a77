/* chart.c — bar, line and step charts over categories (quarters, regions,
 * scores), with nice value axes, target lines, legends and privacy marks;
 * plus the palette and the status badge that every page shares.
 *
 * The layout is computed from the text it has to hold: gutters are as wide
 * as the widest tick or target label, category labels wrap within their
 * slot, and value labels get headroom, so nothing overlaps or is clipped
 * whatever the rectangle. */
#include "chart.h"
#include "chart_capture.h"
#include "chart_table.h"
#include "pdf_tags.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Okabe & Ito (2008), "Color Universal Design". */
const pm_rgb pm_okabe_ito[8] = {
    {0.000, 0.000, 0.000}, /* black */
    {0.770, 0.533, 0.000}, /* orange #C48800 (Okabe-Ito #E69F00 darkened to 3:1) */
    {0.292, 0.611, 0.791}, /* sky blue #4A9CCA (#56B4E9 darkened to 3:1) */
    {0.000, 0.620, 0.451}, /* bluish green #009E73 */
    {0.941, 0.894, 0.259}, /* yellow #F0E442 */
    {0.000, 0.447, 0.698}, /* blue #0072B2 */
    {0.835, 0.369, 0.000}, /* vermillion #D55E00 */
    {0.800, 0.475, 0.655}, /* reddish purple #CC79A7 */
};

const pm_rgb pm_ink = {0.13, 0.13, 0.13};
const pm_rgb pm_muted = {0.38, 0.38, 0.38};
const pm_rgb pm_faint = {0.85, 0.85, 0.85};

void pm_set_rgb(cairo_t *cr, pm_rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

pm_rgb pm_status_color(pm_status s)
{
    switch (s) {
    case PM_GROEN: return pm_okabe_ito[PM_OI_GREEN];
    case PM_ORANJE: return pm_okabe_ito[PM_OI_ORANGE];
    case PM_ROOD: return pm_okabe_ito[PM_OI_VERMILLION];
    case PM_GRIJS: break;
    }
    return (pm_rgb){0.578, 0.578, 0.578}; /* #939393: 3:1 on white */
}

/* c mixed with white: t = 0 is c, t = 1 is white. */
static pm_rgb tint(pm_rgb c, double t)
{
    return (pm_rgb){c.r + (1 - c.r) * t, c.g + (1 - c.g) * t, c.b + (1 - c.b) * t};
}

void pm_chart_cfg_defaults(pm_chart_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->format = PM_FMT_NUMBER;
    cfg->max_ticks = 5;
    cfg->font_size = 8;
    cfg->empty_text = "Nog geen gegevens in deze periode";
    cfg->hidden_text = "<5";
    cfg->secondary_text = "x";
    cfg->bar_fill = 0.7;
}

/* ---- status badge ------------------------------------------------------ */

void pm_status_icon(cairo_t *cr, double cx, double cy, double r, pm_status s)
{
    pm_rgb c = pm_status_color(s);
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    switch (s) {
    case PM_GROEN:
        cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
        pm_set_rgb(cr, c);
        cairo_fill(cr);
        cairo_move_to(cr, cx - r * 0.45, cy + r * 0.02);
        cairo_line_to(cr, cx - r * 0.1, cy + r * 0.38);
        cairo_line_to(cr, cx + r * 0.5, cy - r * 0.35);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, r * 0.3);
        cairo_stroke(cr);
        break;
    case PM_ORANJE:
        cairo_move_to(cr, cx, cy - r * 1.05);
        cairo_line_to(cr, cx + r * 1.1, cy + r * 0.9);
        cairo_line_to(cr, cx - r * 1.1, cy + r * 0.9);
        cairo_close_path(cr);
        pm_set_rgb(cr, c);
        cairo_fill(cr);
        pm_set_rgb(cr, pm_ink);
        cairo_set_line_width(cr, r * 0.24);
        cairo_move_to(cr, cx, cy - r * 0.4);
        cairo_line_to(cr, cx, cy + r * 0.25);
        cairo_stroke(cr);
        cairo_arc(cr, cx, cy + r * 0.6, r * 0.13, 0, 2 * M_PI);
        cairo_fill(cr);
        break;
    case PM_ROOD:
        cairo_rectangle(cr, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
        pm_set_rgb(cr, c);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, r * 0.28);
        cairo_move_to(cr, cx - r * 0.45, cy - r * 0.45);
        cairo_line_to(cr, cx + r * 0.45, cy + r * 0.45);
        cairo_move_to(cr, cx + r * 0.45, cy - r * 0.45);
        cairo_line_to(cr, cx - r * 0.45, cy + r * 0.45);
        cairo_stroke(cr);
        break;
    case PM_GRIJS:
        cairo_arc(cr, cx, cy, r * 0.85, 0, 2 * M_PI);
        pm_set_rgb(cr, c);
        cairo_set_line_width(cr, r * 0.3);
        cairo_stroke(cr);
        cairo_move_to(cr, cx - r * 0.4, cy);
        cairo_line_to(cr, cx + r * 0.4, cy);
        cairo_stroke(cr);
        break;
    }
    cairo_restore(cr);
}

static void rounded_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

double pm_status_badge(cairo_t *cr, double x, double y, double size, pm_status s,
                       const char *word, bool draw, double *height)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = size;
    t.bold = true;
    double tw, th;
    pm_text_measure(cr, word, &t, &tw, &th);
    double pad = size * 0.45, icon = size * 0.55;
    double w = pad + 2 * icon + size * 0.4 + tw + pad, h = th + pad * 0.8;
    if (height)
        *height = h;
    if (!draw)
        return w;
    pm_rgb c = pm_status_color(s);
    cairo_save(cr);
    rounded_rect(cr, x, y, w, h, h / 2);
    pm_set_rgb(cr, tint(c, 0.82));
    cairo_fill_preserve(cr);
    pm_set_rgb(cr, c);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    cairo_restore(cr);
    pm_status_icon(cr, x + pad + icon, y + h / 2, icon, s);
    pm_text_draw(cr, word, x + pad + 2 * icon + size * 0.4, y + (h - th) / 2, &t);
    return w;
}

/* ---- category charts --------------------------------------------------- */

typedef struct layout {
    double px, py, pw, ph; /* the plot area */
    pm_ticks ticks;
    double slot; /* category slot: width (vertical) or height (horizontal) */
} layout;

static bool has_value(const pm_series *s, size_t i)
{
    return (!s->present || s->present[i]) && !(s->hidden && s->hidden[i]);
}

static bool is_hidden(const pm_series *s, size_t i)
{
    return s->hidden && s->hidden[i];
}

/* A hidden cell hidden beside a small one (secondary suppression). */
static bool is_secondary(const pm_series *s, size_t i)
{
    return is_hidden(s, i) && s->secondary && s->secondary[i];
}

/* Which kinds of hidden cells the chart shows, so its legend explains
 * exactly those. */
typedef struct hidden_kinds {
    bool primary, secondary;
} hidden_kinds;

static bool any_data(const pm_chart_data *d, hidden_kinds *hk)
{
    bool any = false;
    *hk = (hidden_kinds){false, false};
    for (size_t k = 0; k < d->nseries; k++)
        for (size_t i = 0; i < d->ncat; i++) {
            if (has_value(&d->series[k], i))
                any = true;
            if (is_secondary(&d->series[k], i))
                hk->secondary = true;
            else if (is_hidden(&d->series[k], i))
                hk->primary = true;
        }
    return any || hk->primary || hk->secondary;
}

/* The value on the axis mapped to a position along it. */
static double map_v(const layout *L, bool horizontal, double v)
{
    double t = (v - L->ticks.min) / (L->ticks.max - L->ticks.min);
    if (t < 0)
        t = 0;
    if (t > 1)
        t = 1;
    return horizontal ? L->px + t * L->pw : L->py + L->ph - t * L->ph;
}

static void value_range(const pm_chart_cfg *cfg, const pm_chart_data *d, pm_ticks *t)
{
    double lo = 0, hi = 0;
    bool first = true;
    for (size_t k = 0; k < d->nseries; k++) {
        const pm_series *s = &d->series[k];
        for (size_t i = 0; i < d->ncat; i++) {
            if (!has_value(s, i))
                continue;
            double a = s->values[i], b = s->values[i];
            if (s->lo && s->hi) {
                a = fmin(a, s->lo[i]);
                b = fmax(b, s->hi[i]);
            }
            lo = first ? a : fmin(lo, a);
            hi = first ? b : fmax(hi, b);
            first = false;
        }
    }
    for (size_t k = 0; k < d->ntargets; k++) {
        lo = fmin(lo, d->targets[k].value);
        hi = fmax(hi, d->targets[k].value);
    }
    lo = fmin(lo, 0); /* bars and counts start at zero */
    if (cfg->fix_min)
        lo = cfg->min;
    if (cfg->fix_max)
        hi = cfg->max;
    pm_axis_ticks(lo, hi, cfg->max_ticks, cfg->format, t);
    if (cfg->fix_min)
        t->min = cfg->min;
    if (cfg->fix_max)
        t->max = cfg->max;
}

double pm_chart_titles(cairo_t *cr, pm_rect r, const char *title, const char *subtitle,
                       double font_size)
{
    double y = r.y;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = font_size * 1.3;
    t.bold = true;
    t.width = r.w;
    t.max_lines = 2;
    if (title)
        y += pm_text_draw(cr, title, r.x, y, &t) + 1;
    t.size = font_size;
    t.bold = false;
    t.color = pm_muted;
    if (subtitle)
        y += pm_text_draw(cr, subtitle, r.x, y, &t) + 2;
    return y + 2;
}

void pm_chart_empty(cairo_t *cr, pm_rect r, double y, const char *text, double font_size)
{
    double h = r.y + r.h - y;
    if (h < font_size * 3)
        h = font_size * 3;
    cairo_save(cr);
    cairo_rectangle(cr, r.x + 0.5, y + 0.5, r.w - 1, h - 1);
    pm_set_rgb(cr, (pm_rgb){0.97, 0.97, 0.97});
    cairo_fill_preserve(cr);
    double dash[] = {3, 3};
    cairo_set_dash(cr, dash, 2, 0);
    pm_set_rgb(cr, pm_faint);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    cairo_restore(cr);
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = font_size * 1.2;
    t.italic = true;
    t.color = pm_muted;
    t.width = r.w - 20;
    t.align = PM_ALIGN_CENTER;
    double tw, th;
    pm_text_measure(cr, text, &t, &tw, &th);
    pm_text_draw(cr, text, r.x + 10, y + (h - th) / 2, &t);
}

typedef struct legend_entry {
    const char *label;
    pm_rgb color;
    int kind; /* 0 a filled box, 1 a line, 2 a dashed line, 3 text only */
} legend_entry;

/* The legend as flowing entries; returns the y below it. With draw false
 * only measures. */
static double legend(cairo_t *cr, pm_rect r, double y, const pm_chart_cfg *cfg,
                     const pm_chart_data *d, hidden_kinds hk, bool draw)
{
    legend_entry e[24];
    size_t n = 0;
    for (size_t k = 0; k < d->nseries && n < 20; k++) {
        const pm_series *s = &d->series[k];
        if (!s->label)
            continue;
        int kind = s->kind == PM_SERIES_BAR ? 0 : s->dashed ? 2 : 1;
        e[n++] = (legend_entry){s->label, s->color, kind};
    }
    for (size_t k = 0; k < d->nextra && n < 22; k++)
        e[n++] = (legend_entry){d->extra[k].label, d->extra[k].color, 0};
    if (hk.primary && cfg->hidden_legend)
        e[n++] = (legend_entry){cfg->hidden_legend, pm_muted, 3};
    if (hk.secondary && cfg->secondary_legend)
        e[n++] = (legend_entry){cfg->secondary_legend, pm_muted, 3};
    if (n == 0)
        return y;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = cfg->font_size;
    double x = r.x, line_h = 0, sw = cfg->font_size * 1.6;
    for (size_t i = 0; i < n; i++) {
        double tw, th;
        pm_text_measure(cr, e[i].label, &t, &tw, &th);
        double w = (e[i].kind == 3 ? 0 : sw + 4) + tw + 12;
        if (x > r.x && x + w > r.x + r.w) {
            x = r.x;
            y += line_h + 2;
            line_h = 0;
        }
        if (th > line_h)
            line_h = th;
        if (draw) {
            double cy = y + th / 2;
            cairo_save(cr);
            pm_set_rgb(cr, e[i].color);
            if (e[i].kind == 0) {
                cairo_rectangle(cr, x, cy - th * 0.3, sw, th * 0.6);
                cairo_fill(cr);
            } else if (e[i].kind != 3) {
                cairo_set_line_width(cr, 2);
                if (e[i].kind == 2) {
                    double dash[] = {3, 2};
                    cairo_set_dash(cr, dash, 2, 0);
                }
                cairo_move_to(cr, x, cy);
                cairo_line_to(cr, x + sw, cy);
                cairo_stroke(cr);
            }
            cairo_restore(cr);
            t.color = e[i].kind == 3 ? pm_muted : pm_ink;
            pm_text_draw(cr, e[i].label, x + (e[i].kind == 3 ? 0 : sw + 4), y, &t);
        }
        x += w;
    }
    return y + line_h + 4;
}

static void dashed(cairo_t *cr, double on, double off)
{
    double dash[] = {on, off};
    cairo_set_dash(cr, dash, 2, 0);
}

/* A value label's text and size. */
static void value_text(cairo_t *cr, const pm_chart_cfg *cfg, const pm_series *s, double v,
                       char *buf, size_t size, pm_text_style *t, double *tw, double *th)
{
    pm_axis_format(v, cfg->format, s->value_decimals, buf, size);
    pm_text_style_defaults(t);
    t->size = cfg->font_size * 0.9;
    t->align = PM_ALIGN_CENTER;
    pm_text_measure(cr, buf, t, tw, th);
}

/* Whether a target line crosses the span a..b of the value axis. */
static bool hits_target(const layout *L, const pm_chart_data *d, bool horizontal,
                        double a, double b)
{
    for (size_t k = 0; k < d->ntargets; k++) {
        double p = map_v(L, horizontal, d->targets[k].value);
        if (p >= fmin(a, b) - 1 && p <= fmax(a, b) + 1)
            return true;
    }
    return false;
}

/* The label of a vertical bar whose top is at `top`: above the bar, or
 * inside its top in white when a target line would run through it. */
static void label_bar(cairo_t *cr, const layout *L, const pm_chart_data *d,
                      const pm_chart_cfg *cfg, const pm_series *s, double v, double x,
                      double top, double base)
{
    char buf[48];
    pm_text_style t;
    double tw, th;
    value_text(cr, cfg, s, v, buf, sizeof buf, &t, &tw, &th);
    double y = top - th - 1;
    if (hits_target(L, d, false, y, y + th) && base - top > th + 4) {
        y = top + 2;
        t.color = (pm_rgb){1, 1, 1};
    }
    pm_text_draw(cr, buf, x, y, &t);
}

/* The label of a point: above it, or below when a target line is there. */
static void label_point(cairo_t *cr, const layout *L, const pm_chart_data *d,
                        const pm_chart_cfg *cfg, const pm_series *s, double v, double x,
                        double above, double below)
{
    char buf[48];
    pm_text_style t;
    double tw, th;
    value_text(cr, cfg, s, v, buf, sizeof buf, &t, &tw, &th);
    double y = above - th - 1;
    if (hits_target(L, d, false, y, y + th) &&
        !hits_target(L, d, false, below + 2, below + 2 + th))
        y = below + 2;
    pm_text_draw(cr, buf, x, y, &t);
}

/* The text that stands for withheld cell i of s ("<5", or "x" beside a
 * small one), centred at (x, y). */
static void label_hidden(cairo_t *cr, const pm_chart_cfg *cfg, const pm_series *s,
                         size_t i, double x, double y, pm_align align)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = cfg->font_size * 0.9;
    t.italic = true;
    t.color = pm_muted;
    t.align = align;
    pm_text_draw(cr, is_secondary(s, i) ? cfg->secondary_text : cfg->hidden_text, x, y,
                 &t);
}

static size_t bar_series(const pm_chart_data *d)
{
    size_t n = 0;
    for (size_t k = 0; k < d->nseries; k++)
        n += d->series[k].kind == PM_SERIES_BAR;
    return n;
}

static pm_rgb bar_color(const pm_series *s, size_t i)
{
    return s->colors ? s->colors[i] : s->color;
}

/* ---- vertical: categories along the bottom ----------------------------- */

static void draw_vertical(cairo_t *cr, pm_rect r, double y, const pm_chart_cfg *cfg,
                          const pm_chart_data *d)
{
    layout L;
    value_range(cfg, d, &L.ticks);
    double fs = cfg->font_size;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = fs;
    t.color = pm_muted;

    /* Left gutter: the widest tick label. */
    double left = 0, tw, th;
    char buf[48];
    for (int i = 0; i < L.ticks.count; i++) {
        pm_axis_format(L.ticks.min + i * L.ticks.step, cfg->format, L.ticks.decimals, buf,
                       sizeof buf);
        pm_text_measure(cr, buf, &t, &tw, &th);
        left = fmax(left, tw);
    }
    left += 5;
    /* Right gutter: the widest target label. */
    double right = 4;
    pm_text_style tl = t;
    tl.size = fs * 0.9;
    tl.color = pm_ink;
    for (size_t k = 0; k < d->ntargets; k++) {
        pm_text_measure(cr, d->targets[k].label, &tl, &tw, &th);
        right = fmax(right, tw + 6);
    }
    if (cfg->value_title) {
        y += pm_text_draw(cr, cfg->value_title, r.x, y, &t) + 3;
    }
    L.px = r.x + left;
    L.pw = r.w - left - right;
    L.slot = L.pw / (double)d->ncat;

    /* Bottom: category labels wrapped in their slot, then the axis title. */
    pm_text_style tc = t;
    tc.color = pm_ink;
    tc.width = L.slot - 2;
    tc.align = PM_ALIGN_CENTER;
    tc.max_lines = 2;
    double bottom = 0;
    for (size_t i = 0; i < d->ncat; i++) {
        pm_text_measure(cr, d->categories[i], &tc, &tw, &th);
        bottom = fmax(bottom, th);
    }
    bottom += 4;
    double cat_title_h = 0;
    if (cfg->category_title) {
        pm_text_measure(cr, cfg->category_title, &t, &tw, &cat_title_h);
        bottom += cat_title_h + 2;
    }
    bool labels = false;
    for (size_t k = 0; k < d->nseries; k++)
        labels |= d->series[k].value_labels;
    double headroom = labels ? fs * 1.3 : fs * 0.5;
    L.py = y + headroom;
    L.ph = r.y + r.h - bottom - L.py;
    if (L.ph < 10)
        L.ph = 10;

    /* Grid and tick labels. */
    cairo_save(cr);
    cairo_set_line_width(cr, 0.5);
    for (int i = 0; i < L.ticks.count; i++) {
        double v = L.ticks.min + i * L.ticks.step;
        double gy = map_v(&L, false, v);
        pm_set_rgb(cr, pm_faint);
        cairo_move_to(cr, L.px, gy);
        cairo_line_to(cr, L.px + L.pw, gy);
        cairo_stroke(cr);
        pm_axis_format(v, cfg->format, L.ticks.decimals, buf, sizeof buf);
        pm_text_style ta = t;
        ta.align = PM_ALIGN_RIGHT;
        pm_text_measure(cr, buf, &ta, &tw, &th);
        pm_text_draw(cr, buf, L.px - 4, gy - th / 2, &ta);
    }
    cairo_restore(cr);

    /* Bars. */
    size_t nbars = bar_series(d), b = 0;
    double base = map_v(&L, false, fmax(L.ticks.min, fmin(0, L.ticks.max)));
    for (size_t k = 0; k < d->nseries; k++) {
        const pm_series *s = &d->series[k];
        if (s->kind != PM_SERIES_BAR)
            continue;
        /* Few categories must not make slabs: a bar is at most 7 ems wide. */
        double bw = fmin(L.slot * cfg->bar_fill / (double)nbars, fs * 7);
        double group = bw * (double)nbars;
        for (size_t i = 0; i < d->ncat; i++) {
            double bx = L.px + (double)i * L.slot + (L.slot - group) / 2 + (double)b * bw;
            if (is_hidden(s, i)) {
                label_hidden(cr, cfg, s, i, bx + bw / 2, base - fs * 1.3,
                             PM_ALIGN_CENTER);
                continue;
            }
            if (!has_value(s, i))
                continue;
            double vy = map_v(&L, false, s->values[i]);
            cairo_save(cr);
            pm_set_rgb(cr, bar_color(s, i));
            cairo_rectangle(cr, bx + 0.5, fmin(vy, base), bw - 1, fabs(base - vy));
            cairo_fill(cr);
            if (s->lo && s->hi) {
                double x0 = bx + bw / 2;
                pm_set_rgb(cr, pm_ink);
                cairo_set_line_width(cr, 0.8);
                cairo_move_to(cr, x0, map_v(&L, false, s->lo[i]));
                cairo_line_to(cr, x0, map_v(&L, false, s->hi[i]));
                cairo_stroke(cr);
            }
            cairo_restore(cr);
            if (s->value_labels) {
                double top = vy;
                if (s->lo && s->hi)
                    top = fmin(top, map_v(&L, false, s->hi[i]));
                label_bar(cr, &L, d, cfg, s, s->values[i], bx + bw / 2, top, base);
            }
        }
        b++;
    }

    /* Lines and steps. */
    for (size_t k = 0; k < d->nseries; k++) {
        const pm_series *s = &d->series[k];
        if (s->kind == PM_SERIES_BAR)
            continue;
        bool step = s->kind == PM_SERIES_STEP;
        cairo_save(cr);
        if (s->lo && s->hi && !step) {
            /* The interval band, one polygon per run of present values. */
            size_t i = 0;
            while (i < d->ncat) {
                if (!has_value(s, i)) {
                    i++;
                    continue;
                }
                size_t j = i;
                while (j + 1 < d->ncat && has_value(s, j + 1))
                    j++;
                if (i == j) {
                    /* A lone point has no band to span: an error bar. */
                    double xc = L.px + ((double)i + 0.5) * L.slot, cap = fs * 0.5;
                    double y0 = map_v(&L, false, s->lo[i]),
                           y1 = map_v(&L, false, s->hi[i]);
                    cairo_set_source_rgba(cr, s->color.r, s->color.g, s->color.b, 0.45);
                    cairo_set_line_width(cr, 1.2);
                    cairo_move_to(cr, xc, y0);
                    cairo_line_to(cr, xc, y1);
                    cairo_move_to(cr, xc - cap, y0);
                    cairo_line_to(cr, xc + cap, y0);
                    cairo_move_to(cr, xc - cap, y1);
                    cairo_line_to(cr, xc + cap, y1);
                    cairo_stroke(cr);
                    i = j + 1;
                    continue;
                }
                for (size_t q = i; q <= j; q++)
                    cairo_line_to(cr, L.px + ((double)q + 0.5) * L.slot,
                                  map_v(&L, false, s->hi[q]));
                for (size_t q = j + 1; q-- > i;)
                    cairo_line_to(cr, L.px + ((double)q + 0.5) * L.slot,
                                  map_v(&L, false, s->lo[q]));
                cairo_close_path(cr);
                cairo_set_source_rgba(cr, s->color.r, s->color.g, s->color.b, 0.18);
                cairo_fill(cr);
                i = j + 1;
            }
        }
        pm_set_rgb(cr, s->color);
        cairo_set_line_width(cr, 1.8);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        if (s->dashed)
            dashed(cr, 4, 3);
        bool pen = false;
        for (size_t i = 0; i < d->ncat; i++) {
            if (!has_value(s, i)) {
                pen = false;
                continue;
            }
            double vy = map_v(&L, false, s->values[i]);
            double x0 = L.px + (double)i * L.slot, xc = x0 + L.slot / 2;
            if (step) {
                if (pen)
                    cairo_line_to(cr, x0, vy);
                else
                    cairo_move_to(cr, x0, vy);
                cairo_line_to(cr, x0 + L.slot, vy);
            } else if (pen) {
                cairo_line_to(cr, xc, vy);
            } else {
                cairo_move_to(cr, xc, vy);
            }
            pen = true;
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        if (!step) {
            for (size_t i = 0; i < d->ncat; i++) {
                if (!has_value(s, i))
                    continue;
                cairo_arc(cr, L.px + ((double)i + 0.5) * L.slot,
                          map_v(&L, false, s->values[i]), s->dashed ? 1.8 : 2.4, 0,
                          2 * M_PI);
                cairo_fill(cr);
            }
        }
        cairo_restore(cr);
        for (size_t i = 0; i < d->ncat; i++) {
            double xc = L.px + ((double)i + 0.5) * L.slot;
            if (is_hidden(s, i))
                label_hidden(cr, cfg, s, i, xc, base - fs * 1.3, PM_ALIGN_CENTER);
            if (!s->value_labels || !has_value(s, i))
                continue;
            double vy = map_v(&L, false, s->values[i]);
            double above = vy - (step ? 0 : 2), below = vy + (step ? 1 : 3);
            if (s->lo && s->hi && !step) {
                above = fmin(above, map_v(&L, false, s->hi[i]));
                below = fmax(below, map_v(&L, false, s->lo[i]));
            }
            label_point(cr, &L, d, cfg, s, s->values[i], xc, above, below);
        }
    }

    /* The axis line at zero (or the bottom). */
    cairo_save(cr);
    pm_set_rgb(cr, pm_muted);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, L.px, base);
    cairo_line_to(cr, L.px + L.pw, base);
    cairo_stroke(cr);
    cairo_restore(cr);

    /* Targets: dashed across the plot, labelled in the right gutter. */
    for (size_t k = 0; k < d->ntargets; k++) {
        double ty = map_v(&L, false, d->targets[k].value);
        cairo_save(cr);
        pm_set_rgb(cr, pm_ink);
        cairo_set_line_width(cr, 1);
        dashed(cr, 5, 3);
        cairo_move_to(cr, L.px, ty);
        cairo_line_to(cr, L.px + L.pw + 3, ty);
        cairo_stroke(cr);
        cairo_restore(cr);
        pm_text_measure(cr, d->targets[k].label, &tl, &tw, &th);
        pm_text_draw(cr, d->targets[k].label, L.px + L.pw + 5, ty - th / 2, &tl);
    }

    /* Category labels under their slots, then the axis title. */
    double ly = L.py + L.ph + 3;
    for (size_t i = 0; i < d->ncat; i++)
        pm_text_draw(cr, d->categories[i], L.px + (double)i * L.slot + 1, ly, &tc);
    if (cfg->category_title) {
        pm_text_style tt = t;
        tt.align = PM_ALIGN_CENTER;
        pm_text_draw(cr, cfg->category_title, L.px + L.pw / 2, r.y + r.h - cat_title_h,
                     &tt);
    }
}

/* ---- horizontal: categories down the left ------------------------------ */

static void draw_horizontal(cairo_t *cr, pm_rect r, double y, const pm_chart_cfg *cfg,
                            const pm_chart_data *d)
{
    layout L;
    value_range(cfg, d, &L.ticks);
    double fs = cfg->font_size, tw, th;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = fs;
    t.color = pm_muted;

    /* Left: the category labels, at most 38% of the width (then ellipsized). */
    pm_text_style tc = t;
    tc.color = pm_ink;
    double lw = 0;
    for (size_t i = 0; i < d->ncat; i++) {
        pm_text_measure(cr, d->categories[i], &tc, &tw, &th);
        lw = fmax(lw, tw);
    }
    lw = fmin(lw + 2, r.w * 0.38);
    /* Right: room for the value labels of the longest bars. */
    char buf[48];
    double right = 6;
    pm_text_style tv = t;
    tv.size = fs * 0.9;
    for (size_t k = 0; k < d->nseries; k++) {
        const pm_series *s = &d->series[k];
        for (size_t i = 0; s->value_labels && i < d->ncat; i++) {
            if (!has_value(s, i))
                continue;
            pm_axis_format(s->values[i], cfg->format, s->value_decimals, buf, sizeof buf);
            pm_text_measure(cr, buf, &tv, &tw, &th);
            right = fmax(right, tw + 6);
        }
    }
    /* Last tick label is centred on the plot's right edge. */
    pm_axis_format(L.ticks.max, cfg->format, L.ticks.decimals, buf, sizeof buf);
    pm_text_measure(cr, buf, &t, &tw, &th);
    right = fmax(right, tw / 2 + 2);
    double tick_h = th;

    /* Top: the target labels sit above the plot. */
    pm_text_style tl = t;
    tl.size = fs * 0.9;
    tl.color = pm_ink;
    double top = 0;
    for (size_t k = 0; k < d->ntargets; k++) {
        pm_text_measure(cr, d->targets[k].label, &tl, &tw, &th);
        top = fmax(top, th + 3);
    }
    double bottom = tick_h + 4;
    double vt_h = 0;
    if (cfg->value_title) {
        pm_text_measure(cr, cfg->value_title, &t, &tw, &vt_h);
        bottom += vt_h + 2;
    }
    L.px = r.x + lw + 6;
    L.pw = r.w - lw - 6 - right;
    L.py = y + top;
    L.ph = r.y + r.h - bottom - L.py;
    if (L.ph < 10)
        L.ph = 10;
    L.slot = L.ph / (double)d->ncat;

    /* Grid and tick labels. */
    cairo_save(cr);
    cairo_set_line_width(cr, 0.5);
    pm_text_style ta = t;
    ta.align = PM_ALIGN_CENTER;
    for (int i = 0; i < L.ticks.count; i++) {
        double v = L.ticks.min + i * L.ticks.step;
        double gx = map_v(&L, true, v);
        pm_set_rgb(cr, pm_faint);
        cairo_move_to(cr, gx, L.py);
        cairo_line_to(cr, gx, L.py + L.ph);
        cairo_stroke(cr);
        pm_axis_format(v, cfg->format, L.ticks.decimals, buf, sizeof buf);
        pm_text_draw(cr, buf, gx, L.py + L.ph + 3, &ta);
    }
    cairo_restore(cr);
    if (cfg->value_title)
        pm_text_draw(cr, cfg->value_title, L.px + L.pw / 2, r.y + r.h - vt_h, &ta);

    /* Category labels, right aligned against the plot. */
    tc.width = lw;
    tc.align = PM_ALIGN_RIGHT;
    tc.max_lines = 1;
    for (size_t i = 0; i < d->ncat; i++) {
        pm_text_measure(cr, d->categories[i], &tc, &tw, &th);
        pm_text_draw(cr, d->categories[i], r.x,
                     L.py + ((double)i + 0.5) * L.slot - th / 2, &tc);
    }

    /* Bars. */
    size_t nbars = bar_series(d), b = 0;
    double base = map_v(&L, true, fmax(L.ticks.min, fmin(0, L.ticks.max)));
    for (size_t k = 0; k < d->nseries; k++) {
        const pm_series *s = &d->series[k];
        if (s->kind != PM_SERIES_BAR)
            continue;
        double bh = fmin(L.slot * cfg->bar_fill / (double)nbars, fs * 2.2);
        double group = bh * (double)nbars;
        for (size_t i = 0; i < d->ncat; i++) {
            double by = L.py + (double)i * L.slot + (L.slot - group) / 2 + (double)b * bh;
            pm_text_measure(cr, "0", &tv, &tw, &th);
            if (is_hidden(s, i)) {
                label_hidden(cr, cfg, s, i, base + 3, by + bh / 2 - th / 2,
                             PM_ALIGN_LEFT);
                continue;
            }
            if (!has_value(s, i))
                continue;
            double vx = map_v(&L, true, s->values[i]);
            cairo_save(cr);
            pm_set_rgb(cr, bar_color(s, i));
            cairo_rectangle(cr, fmin(vx, base), by + 0.5, fabs(vx - base), bh - 1);
            cairo_fill(cr);
            cairo_restore(cr);
            if (s->value_labels) {
                pm_axis_format(s->values[i], cfg->format, s->value_decimals, buf,
                               sizeof buf);
                pm_text_style tvl = tv;
                tvl.color = pm_ink;
                pm_text_draw(cr, buf, vx + 3, by + bh / 2 - th / 2, &tvl);
            }
        }
        b++;
    }

    cairo_save(cr);
    pm_set_rgb(cr, pm_muted);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, base, L.py);
    cairo_line_to(cr, base, L.py + L.ph);
    cairo_stroke(cr);
    cairo_restore(cr);

    for (size_t k = 0; k < d->ntargets; k++) {
        double tx = map_v(&L, true, d->targets[k].value);
        cairo_save(cr);
        pm_set_rgb(cr, pm_ink);
        cairo_set_line_width(cr, 1);
        dashed(cr, 5, 3);
        cairo_move_to(cr, tx, L.py - 2);
        cairo_line_to(cr, tx, L.py + L.ph);
        cairo_stroke(cr);
        cairo_restore(cr);
        pm_text_measure(cr, d->targets[k].label, &tl, &tw, &th);
        /* Centred on the line, but kept inside the chart. */
        double lx = fmin(fmax(tx - tw / 2, r.x), r.x + r.w - tw);
        pm_text_draw(cr, d->targets[k].label, lx, L.py - th - 3, &tl);
    }
}

static bool chart_draw(cairo_t *cr, pm_rect r, const pm_chart_cfg *cfg,
                       const pm_chart_data *d)
{
    double y = pm_chart_titles(cr, r, cfg->title, cfg->subtitle, cfg->font_size);
    hidden_kinds hk;
    if (d->ncat == 0 || !any_data(d, &hk)) {
        pm_chart_empty(cr, r, y, cfg->empty_text, cfg->font_size);
        return false;
    }
    y = legend(cr, r, y, cfg, d, hk, true);
    if (cfg->horizontal)
        draw_horizontal(cr, r, y, cfg, d);
    else
        draw_vertical(cr, r, y, cfg, d);
    return true;
}

/* In a tagged PDF the chart is one Figure with its alt text (pdf_tags.c). */
bool pm_chart_draw(cairo_t *cr, pm_rect r, const pm_chart_cfg *cfg,
                   const pm_chart_data *d)
{
    pm_chart_capture_category(cr, cfg, d);
    char *alt = pm_tags_of(cr) ? pm_chart_alt(cfg, d) : NULL;
    /* Its numbers also as a table, in the appendix (SPEC §11). */
    bool fig = pm_tags_figure_table_begin(
        cr, alt, pm_tags_of(cr) ? pm_chart_table_of_chart(cfg, d) : NULL);
    g_free(alt);
    bool drawn = chart_draw(cr, r, cfg, d);
    pm_tags_figure_end(cr, fig);
    return drawn;
}
