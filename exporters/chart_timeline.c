/* chart_timeline.c — milestones on a time axis: planned (open diamond)
 * against done (filled circle), with the outcome as a word and a shape, and
 * the peildatum as a dashed line. Used by R4 and R5. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "chart.h"
#include "chart_capture.h"
#include "chart_table.h"
#include "format.h"
#include "pdf_tags.h"
#include "period.h"

void pm_timeline_cfg_defaults(pm_timeline_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->font_size = 8;
    cfg->peil_label = "peildatum";
    cfg->empty_text = "Nog geen gegevens in deze periode";
    cfg->on_time = "op tijd";
    cfg->late = "te laat";
    cfg->not_done = "niet gereed";
    cfg->late_one = "1 werkdag te laat";
    cfg->late_fmt = "%ld werkdagen te laat";
    cfg->planned_legend = "gepland";
    cfg->ready_legend = "gereed";
    cfg->max_rows = 24;
    cfg->more_fmt = "%zu eerdere mijlpalen niet getoond";
}

double pm_timeline_want(const pm_timeline_cfg *cfg, size_t n)
{
    double fs = cfg->font_size;
    /* Title, subtitle, legend and axis, then rows with room for two lines. */
    return fs * 7.5 + 12 + (double)(n ? n : 3) * fs * 2.9;
}

typedef struct axis {
    pm_day from, to; /* whole quarters */
    double x, w;
} axis;

static double day_x(const axis *a, pm_day d)
{
    return a->x + a->w * (double)(d - a->from) / (double)(a->to - a->from + 1);
}

/* The outcome of one milestone: its status, for the shape, and the word. */
static pm_status outcome(const pm_timeline_cfg *cfg, const pm_milestone *m, char *word,
                         size_t size)
{
    if (!m->done) {
        snprintf(word, size, "%s", cfg->not_done);
        return PM_ROOD;
    }
    if (m->ready <= m->planned) {
        snprintf(word, size, "%s", cfg->on_time);
        return PM_GROEN;
    }
    /* Working days, as the Mijlpalen page counts them; late within a
     * weekend is late by zero working days and says only "te laat". */
    long late = m->late_workdays;
    if (late <= 0)
        snprintf(word, size, "%s", cfg->late);
    else if (late == 1)
        snprintf(word, size, "%s", cfg->late_one);
    else
        snprintf(word, size, cfg->late_fmt, late);
    return PM_ORANJE;
}

static void diamond(cairo_t *cr, double cx, double cy, double r)
{
    cairo_move_to(cr, cx, cy - r);
    cairo_line_to(cr, cx + r, cy);
    cairo_line_to(cr, cx, cy + r);
    cairo_line_to(cr, cx - r, cy);
    cairo_close_path(cr);
}

/* The legend: what the two marks and the dashed line mean. */
static double draw_legend(cairo_t *cr, double x, double y, const pm_timeline_cfg *cfg)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = cfg->font_size;
    double tw, th, r = cfg->font_size * 0.4;
    pm_text_measure(cr, cfg->planned_legend, &t, &tw, &th);
    double cy = y + th / 2;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    diamond(cr, x + r, cy, r);
    cairo_fill_preserve(cr);
    pm_set_rgb(cr, pm_ink);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    cairo_restore(cr);
    pm_text_draw(cr, cfg->planned_legend, x + 2 * r + 4, y, &t);
    x += 2 * r + 4 + tw + 14;
    cairo_save(cr);
    pm_set_rgb(cr, pm_ink);
    cairo_arc(cr, x + r, cy, r, 0, 2 * M_PI);
    cairo_fill(cr);
    cairo_restore(cr);
    pm_text_draw(cr, cfg->ready_legend, x + 2 * r + 4, y, &t);
    pm_text_measure(cr, cfg->ready_legend, &t, &tw, &th);
    x += 2 * r + 4 + tw + 14;
    cairo_save(cr);
    pm_set_rgb(cr, pm_muted);
    cairo_set_line_width(cr, 1);
    double dash[] = {3, 2};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, x + r, y);
    cairo_line_to(cr, x + r, y + th);
    cairo_stroke(cr);
    cairo_restore(cr);
    pm_text_draw(cr, cfg->peil_label, x + 2 * r + 4, y, &t);
    return y + th + 4;
}

static bool timeline_draw(cairo_t *cr, pm_rect r, const pm_timeline_cfg *cfg,
                          const pm_milestone *m, size_t n)
{
    double fs = cfg->font_size;
    double y = pm_chart_titles(cr, r, cfg->title, cfg->subtitle, fs);
    if (n == 0) {
        pm_chart_empty(cr, r, y, cfg->empty_text, fs);
        return false;
    }
    y = draw_legend(cr, r.x, y, cfg);

    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = fs;
    double tw, th;
    pm_text_measure(cr, "Mg", &t, &tw, &th);
    double line_h = th;

    /* How many rows fit; beyond that the latest ones (the list is in order
     * of gepland) and a note on what was left out. */
    double axis_h = th + 5;
    double avail = r.y + r.h - y - axis_h;
    size_t rows = n, skip = 0;
    size_t fit = (size_t)fmax(1, floor(avail / (th * 1.35)));
    if (rows > fit)
        rows = fit;
    if (cfg->max_rows && rows > cfg->max_rows)
        rows = cfg->max_rows;
    if (rows < n) {
        if (rows > 1)
            rows--; /* a line for the note */
        skip = n - rows;
    }
    double row_h = fmin(avail / (double)(rows + (skip ? 1 : 0)), th * 2.5);

    /* Columns: descriptions left, outcomes right, the time axis between. */
    char word[64];
    double sw = 0, lw = 0;
    for (size_t i = skip; i < n; i++) {
        outcome(cfg, &m[i], word, sizeof word);
        pm_text_measure(cr, word, &t, &tw, &th);
        sw = fmax(sw, tw);
        pm_text_measure(cr, m[i].label, &t, &tw, &th);
        lw = fmax(lw, tw);
    }
    double icon = fs * 0.45;
    sw += 2 * icon + 4;
    lw = fmin(lw + 2, r.w * 0.42);

    pm_day lo = m[skip].planned, hi = cfg->peildatum;
    for (size_t i = skip; i < n; i++) {
        lo = m[i].planned < lo ? m[i].planned : lo;
        hi = m[i].planned > hi ? m[i].planned : hi;
        if (m[i].done) {
            lo = m[i].ready < lo ? m[i].ready : lo;
            hi = m[i].ready > hi ? m[i].ready : hi;
        }
    }
    axis a;
    int q0 = pm_quarter_index(lo), q1 = pm_quarter_index(hi);
    a.from = pm_quarter_first_day(q0);
    a.to = pm_quarter_last_day(q1);
    a.x = r.x + lw + 8;
    a.w = r.w - lw - 8 - sw - 8;

    double top = y, bottom = y + row_h * (double)(rows + (skip ? 1 : 0));

    /* Quarter bands and labels, thinned out when they would collide. */
    pm_text_style tq = t;
    tq.size = fs * 0.9;
    tq.color = pm_muted;
    tq.align = PM_ALIGN_CENTER;
    char ql[16];
    pm_format_quarter_short(q1, ql, sizeof ql);
    pm_text_measure(cr, ql, &tq, &tw, &th);
    double qw = a.w / (double)(q1 - q0 + 1);
    int every = 1;
    while (every * qw < tw + 3 && every < 64)
        every *= 2;
    for (int q = q0; q <= q1; q++) {
        double x0 = day_x(&a, pm_quarter_first_day(q));
        double x1 = day_x(&a, pm_quarter_last_day(q) + 1);
        if ((q - q0) % 2 == 1) {
            cairo_save(cr);
            cairo_set_source_rgb(cr, 0.96, 0.96, 0.96);
            cairo_rectangle(cr, x0, top, x1 - x0, bottom - top);
            cairo_fill(cr);
            cairo_restore(cr);
        }
        if ((q - q0) % every == 0) {
            pm_format_quarter_short(q, ql, sizeof ql);
            pm_text_draw(cr, ql, (x0 + x1) / 2, bottom + 3, &tq);
        }
    }
    cairo_save(cr);
    pm_set_rgb(cr, pm_muted);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, a.x, bottom);
    cairo_line_to(cr, a.x + a.w, bottom);
    cairo_stroke(cr);
    cairo_restore(cr);

    if (skip) {
        char note[96];
        snprintf(note, sizeof note, cfg->more_fmt, skip);
        pm_text_style tn = t;
        tn.italic = true;
        tn.color = pm_muted;
        pm_text_draw(cr, note, r.x, top + (row_h - th) / 2, &tn);
        top += row_h;
    }

    double px = day_x(&a, cfg->peildatum + 1);
    pm_text_style tl = t;
    tl.width = lw;
    /* Two lines when the rows have room: the end of a description (the
     * quarter of a report) is often what tells rows apart. */
    tl.max_lines = row_h >= line_h * 2.3 ? 2 : 1;
    tl.align = PM_ALIGN_RIGHT;
    for (size_t i = skip; i < n; i++) {
        double cy = top + row_h * ((double)(i - skip) + 0.5);
        pm_text_measure(cr, m[i].label, &tl, &tw, &th);
        pm_text_draw(cr, m[i].label, r.x, cy - th / 2, &tl);
        pm_status st = outcome(cfg, &m[i], word, sizeof word);
        pm_rgb c = pm_status_color(st);

        cairo_save(cr);
        pm_set_rgb(cr, pm_faint);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, a.x, cy);
        cairo_line_to(cr, a.x + a.w, cy);
        cairo_stroke(cr);
        double xp = day_x(&a, m[i].planned) + 0.5 * a.w / (double)(a.to - a.from + 1);
        double r0 = fmin(fs * 0.42, row_h * 0.3);
        /* A bar from planned to ready (or to the peildatum when open). */
        double xe = m[i].done
                        ? day_x(&a, m[i].ready) + 0.5 * a.w / (double)(a.to - a.from + 1)
                        : px;
        pm_set_rgb(cr, c);
        cairo_set_line_width(cr, 2);
        if (!m[i].done) {
            double dash[] = {2, 2};
            cairo_set_dash(cr, dash, 2, 0);
        }
        if (fabs(xe - xp) > 0.5) {
            cairo_move_to(cr, xp, cy);
            cairo_line_to(cr, xe, cy);
            cairo_stroke(cr);
        }
        cairo_set_dash(cr, NULL, 0, 0);
        /* The diamond first and the dot over it: a dot inside its diamond
         * reads as "done on the planned day". */
        cairo_set_source_rgb(cr, 1, 1, 1);
        diamond(cr, xp, cy, r0 * 1.2);
        cairo_fill_preserve(cr);
        pm_set_rgb(cr, pm_ink);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
        if (m[i].done) {
            pm_set_rgb(cr, c);
            cairo_arc(cr, xe, cy, r0 * 0.75, 0, 2 * M_PI);
            cairo_fill(cr);
        }
        cairo_restore(cr);

        double wx = a.x + a.w + 8;
        pm_status_icon(cr, wx + icon, cy, icon, st);
        pm_text_measure(cr, word, &t, &tw, &th);
        pm_text_draw(cr, word, wx + 2 * icon + 4, cy - th / 2, &t);
    }

    cairo_save(cr);
    pm_set_rgb(cr, pm_muted);
    cairo_set_line_width(cr, 1);
    double dash[] = {3, 2};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, px, y);
    cairo_line_to(cr, px, bottom);
    cairo_stroke(cr);
    cairo_restore(cr);
    return true;
}

/* The timeline's text alternative: every milestone with its planned date
 * and its outcome, in the order drawn. */
static char *timeline_alt(const pm_timeline_cfg *cfg, const pm_milestone *m, size_t n)
{
    GString *g = g_string_new("Tijdlijn: ");
    g_string_append(g, cfg->title ? cfg->title : "");
    if (cfg->subtitle && *cfg->subtitle)
        g_string_append_printf(g, " (%s)", cfg->subtitle);
    g_string_append(g, ".");
    if (n == 0 && cfg->empty_text)
        g_string_append_printf(g, " %s.", cfg->empty_text);
    for (size_t i = 0; i < n; i++) {
        char d1[16], d2[16];
        pm_format_date(m[i].planned, d1, sizeof d1);
        if (m[i].done) {
            char word[64];
            outcome(cfg, &m[i], word, sizeof word);
            g_string_append_printf(g, " %s: gepland %s, gereed %s, %s.", m[i].label, d1,
                                   pm_format_date(m[i].ready, d2, sizeof d2), word);
        } else
            g_string_append_printf(g, " %s: gepland %s, %s.", m[i].label, d1,
                                   cfg->not_done ? cfg->not_done : "niet gereed");
    }
    return g_string_free(g, FALSE);
}

/* In a tagged PDF the timeline is one Figure with its alt text. */
bool pm_timeline_draw(cairo_t *cr, pm_rect r, const pm_timeline_cfg *cfg,
                      const pm_milestone *m, size_t n)
{
    pm_chart_capture_timeline(cr, cfg, m, n);
    char *alt = pm_tags_of(cr) ? timeline_alt(cfg, m, n) : NULL;
    bool fig = pm_tags_figure_table_begin(
        cr, alt, pm_tags_of(cr) ? pm_chart_table_of_timeline(cfg, m, n) : NULL);
    g_free(alt);
    bool drawn = timeline_draw(cr, r, cfg, m, n);
    pm_tags_figure_end(cr, fig);
    return drawn;
}
