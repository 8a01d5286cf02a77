/* dashboard.c — the one-page dashboard: page 1 of the report (pdf.c) and
 * the page of `pijlermonitor dashboard` (SPEC §8), built from the same
 * parts: a tile per indicator with its sparkline, the eindstand, the reach
 * of the data, the count per status.
 *
 * The calls run one way: pdf.c (the document, its surface and footer) calls
 * the pages here; this file calls pdf_pages.c only for pm_pdf_add. */
#include "dashboard.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "chart_table.h"
#include "format.h"
#include "labels.h"
#include "pdf_tags.h"
#include "period.h"
#include "text.h"

/* The statuses in the order a reader ranks them: best first, unknown last. */
static const pm_status status_order[] = {PM_GROEN, PM_ORANJE, PM_ROOD, PM_GRIJS};

/* ---- the dashboard ----------------------------------------------------- */

/* The quarterly values a sparkline shows for one indicator: its share,
 * or for R3 the active count, for R6 the cumulative count, for B the
 * cumulative uitputting. Fills v and present (ntrend each). */
static void spark_values(const doc *d, const pm_result *res, double *v, bool *present,
                         pm_spark_cfg *cfg)
{
    pm_spark_cfg_defaults(cfg);
    cfg->has_target = true;
    cfg->target = res->doel;
    double run = 0, run_b = 0;
    for (size_t i = 0; i < res->ntrend; i++) {
        const pm_figures *f = &res->trend[i].f;
        /* A hidden figure (extern under a filter) is no point at all. */
        if (!pm_figures_visible(f)) {
            v[i] = 0;
            present[i] = false;
            continue;
        }
        if (strcmp(res->id, "R3") == 0) {
            v[i] = (double)f->actief;
            present[i] = true;
            cfg->target = d->cfg->doel_r3_actief;
        } else if (strcmp(res->id, "R6") == 0) {
            run += (double)f->aantal;
            v[i] = run;
            present[i] = true;
        } else if (strcmp(res->id, "B") == 0) {
            run += pm_cents_to_euros(f->realisatie_cent);
            run_b += pm_cents_to_euros(f->begroting_cent);
            v[i] = run_b > 0 ? run / run_b : 0;
            present[i] = run_b > 0;
        } else {
            v[i] = f->waarde;
            present[i] = f->has_waarde;
        }
    }
    if (strcmp(res->id, "R3") == 0 || strcmp(res->id, "R6") == 0) {
        cfg->fix_min = true; /* counts from zero */
        cfg->min_span = 5;
    } else {
        cfg->min_span = 0.2; /* twenty percentage points */
        cfg->has_bounds = strcmp(res->id, "B") != 0;
        cfg->lower = 0;
        cfg->upper = 1;
    }
}

/* A sparkline's text alternative: every quarter's value as the line shows
 * it (shares to a tenth of a percent, counts whole) and the target. */
static char *spark_alt(const doc *d, const pm_result *res, const pm_spark_cfg *cfg,
                       const double *v, const bool *present, size_t n)
{
    bool count = strcmp(res->id, "R3") == 0 || strcmp(res->id, "R6") == 0;
    pm_value_format f = count ? PM_FMT_COUNT : PM_FMT_PERCENT;
    int dec = count ? 0 : 1;
    char buf[64];
    GString *g = g_string_new(NULL);
    g_string_printf(g, "Lijndiagram: verloop van %s per kwartaal, %s t/m %s.", res->id,
                    d->quarter[0], d->quarter[n - 1]);
    for (size_t i = 0; i < n && i < d->nquarters; i++)
        g_string_append_printf(g, " %s %s%s", d->quarter[i],
                               present[i] ? pm_axis_format(v[i], f, dec, buf, sizeof buf)
                                          : "geen gegevens",
                               i + 1 < n ? "," : ".");
    /* The target as the tile words it ("≥ 90%"). */
    char target[96];
    if (cfg->has_target)
        g_string_append_printf(g, " Doel %s.",
                               pm_label_target(res->id, d->cfg, target, sizeof target));
    return g_string_free(g, FALSE);
}

/* The sparkline's numbers as a table for the appendix (chart_table.h): a
 * row per quarter with the value the alt text gives. */
static pm_chart_table *spark_table(const doc *d, const pm_result *res,
                                   const pm_spark_cfg *cfg, const double *v,
                                   const bool *present, size_t n)
{
    bool count = strcmp(res->id, "R3") == 0 || strcmp(res->id, "R6") == 0;
    pm_value_format f = count ? PM_FMT_COUNT : PM_FMT_PERCENT;
    char title[160], buf[64];
    snprintf(title, sizeof title, "Verloop van %s %s per kwartaal, %s t/m %s", res->id,
             pm_label_indicator(res->id)->naam, d->quarter[0], d->quarter[n - 1]);
    const char *head[2] = {"Kwartaal", count ? "Aantal" : "Aandeel (%)"};
    pm_chart_table *t = pm_chart_table_new(title, 2, head);
    for (size_t i = 0; i < n && i < d->nquarters; i++) {
        const char *row[2] = {
            d->quarter[i], present[i]
                               ? pm_axis_format(v[i], f, count ? 0 : 1, buf, sizeof buf)
                               : "geen gegevens"};
        pm_chart_table_add_row(t, row);
    }
    char target[96], note[128];
    if (cfg->has_target) {
        snprintf(note, sizeof note, "Doel %s.",
                 pm_label_target(res->id, d->cfg, target, sizeof target));
        pm_chart_table_set_note(t, note);
    }
    return t;
}

/* The n behind an indicator's cumulative figure, in words. */
static void tile_n(const doc *d, const pm_result *res, char *buf, size_t size)
{
    const pm_figures *f = &res->cumulatief;
    char a[32], b[32], y[16];
    buf[0] = '\0';
    if (strcmp(res->id, "R1") == 0)
        snprintf(buf, size, "n = %s hulpvragen met verstreken termijn",
                 pm_format_count(f->noemer, a, sizeof a));
    else if (strcmp(res->id, "R2") == 0)
        snprintf(buf, size, "n = %s organisaties met een evaluatie",
                 pm_format_count(f->noemer, a, sizeof a));
    else if (strcmp(res->id, "R3") == 0)
        snprintf(buf, size, "n = %ld actief, %s beoordeeld", f->actief,
                 pm_format_count(f->noemer, a, sizeof a));
    else if (strcmp(res->id, "R4") == 0)
        snprintf(buf, size, "n = %s mijlpalen, %ld evaluaties van opdrachtgevers",
                 pm_format_count(f->noemer, a, sizeof a), f->n_gemiddelde);
    else if (strcmp(res->id, "R5") == 0)
        snprintf(buf, size, "n = %s mijlpalen", pm_format_count(f->noemer, a, sizeof a));
    else if (strcmp(res->id, "R6") == 0)
        snprintf(buf, size, "n = %ld kennisproducten", f->aantal);
    else if (strcmp(res->id, "B") == 0 && f->geen_prognose)
        snprintf(buf, size, "Geen prognose voor %s: na de laatste doelperiode",
                 pm_format_year(d->ctx->peildatum, y, sizeof y));
    else if (strcmp(res->id, "B") == 0)
        snprintf(
            buf, size, "Prognose %s: %s, jaarbegroting %s",
            pm_format_year(d->ctx->peildatum, y, sizeof y),
            pm_format_euro_from_double(pm_cents_to_euros(f->prognose_cent), a, sizeof a),
            pm_format_euro_from_double(pm_cents_to_euros(f->jaarbegroting_cent), b,
                                       sizeof b));
}

/* Text in style s within width w: one line in the largest size down to
 * min_size, else wrapped over two lines. Drawn, or only measured; returns
 * its height. */
static double fitted_text(cairo_t *cr, const char *text, double x, double y, double w,
                          const pm_text_style *s, double min_size, int max_lines,
                          bool draw)
{
    pm_text_style u = *s;
    u.size = pm_text_fit(cr, text, &u, w, min_size);
    u.width = w;
    u.max_lines = max_lines;
    if (draw)
        return pm_text_draw(cr, text, x, y, &u);
    double tw, th;
    pm_text_measure(cr, text, &u, &tw, &th);
    return th;
}

/* The word of a status: a hidden figure (extern under a filter) says
 * "onderdrukt", never a colour's name that would hint at its value (the
 * word branch extern's indicator pages use). */
static const char *status_word(const pm_figures *f, pm_status s)
{
    return pm_figures_visible(f) ? pm_status_name(s) : "onderdrukt";
}

/* A figure as the tile writes it: its mark when it is hidden (extern under
 * a filter: "<5" when small, "x" beside a small one; R3 keeps its active
 * count), else the figure in full. */
static char *figure_text(const doc *d, const pm_result *res, const pm_figures *f,
                         char *buf, size_t size)
{
    return pm_text_shown(res->id, f, d->hidden, buf, size);
}

/* The comparison of one tile in words (SPEC §9): the shared words of
 * labels.c in their short form, the period being named in the page's
 * header (and in the legend). */
static void comparison_words(const doc *d, const pm_result *res, char *buf, size_t size)
{
    pm_label_vergelijking_kort(res, d->ctx, buf, size);
}

/* A tile is a band across the page (SPEC §11): the title on a line of
 * its own, then three columns — the cumulative figure, the status with its
 * reason and the period, the sparkline. One band per indicator, so text
 * never stands beside another indicator's text: readers that rebuild the
 * reading order from positions (pdftotext, copy and paste, reflow) keep
 * each indicator in one piece, and the page reads R1 to B from top to
 * bottom, as the report does. (Two columns of tiles read as a table,
 * line by line across both; docs/DESIGN.md "The dashboard's bands".) */
typedef struct band_cols {
    double a, b, c;    /* left edges of the three columns */
    double wa, wb, wc; /* their widths */
} band_cols;

static band_cols band_columns(pm_rect r)
{
    double x = r.x + 14, w = r.w - 24, gap = 12;
    band_cols k;
    k.wc = 78;
    /* The middle column carries the most words (reason, period,
     * comparison); the figure on the left shrinks to fit its column. */
    k.wa = (w - k.wc - 2 * gap) * 0.42;
    k.wb = w - k.wc - k.wa - 2 * gap;
    k.a = x;
    k.b = x + k.wa + gap;
    k.c = k.b + k.wb + gap;
    return k;
}

/* The box and the status stripe along its left edge. */
static void band_frame(cairo_t *cr, pm_rect r, pm_rgb stripe, bool fill)
{
    cairo_save(cr);
    cairo_rectangle(cr, r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
    if (fill) {
        pm_set_rgb(cr, (pm_rgb){0.97, 0.97, 0.97});
        cairo_fill(cr);
    } else {
        pm_set_rgb(cr, pm_faint);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
        cairo_rectangle(cr, r.x, r.y, 5, r.h);
        pm_set_rgb(cr, stripe);
        cairo_fill(cr);
    }
    cairo_restore(cr);
}

/* A type size at scale f, on a grid of half points: fewer distinct sizes,
 * fewer fonts for pango to look up (each new size costs a fontconfig
 * match, which made the dashboard's measuring pass slow). */
static double scaled(double size, double f)
{
    return round(size * f * 2) / 2;
}

/* The left column at type scale f: the cumulative range and target, the
 * figure, its n. Draws it, or only measures it; returns its height. */
static double cumulative_column(const doc *d, cairo_t *cr, band_cols k, double y0,
                                const pm_result *res, double f, int cap, bool draw)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    char buf[320], val[160], d1[16], d2[16], target[96];
    snprintf(buf, sizeof buf, "Cumulatief %s t/m %s%s · doel %s",
             pm_format_date(res->cumulatief.from, d2, sizeof d2),
             pm_format_date(d->ctx->cum_to, d1, sizeof d1),
             pm_filter_active(&d->ctx->filter) && !res->gefilterd ? " · hele programma"
                                                                  : "",
             pm_label_target(res->id, d->cfg, target, sizeof target));
    double y = y0;
    t.size = scaled(7, f);
    t.color = pm_muted;
    y += fitted_text(cr, buf, k.a, y, k.wa, &t, scaled(6, f), cap, draw) + 1;

    figure_text(d, res, &res->cumulatief, val, sizeof val);
    t.size = scaled(15, f);
    t.bold = true;
    t.color = pm_ink;
    y += fitted_text(cr, val, k.a, y, k.wa, &t, scaled(8.5, f), cap, draw) + 2;

    tile_n(d, res, buf, sizeof buf);
    t.size = scaled(7, f);
    t.bold = false;
    t.color = pm_muted;
    y += fitted_text(cr, buf, k.a, y, k.wa, &t, scaled(6, f), cap, draw);
    return y - y0;
}

/* One text of the middle column at (x, y) in style s: drawn, or only
 * measured. Returns its height. */
static double column_text(cairo_t *cr, const char *text, double x, double y,
                          const pm_text_style *s, bool draw)
{
    if (draw)
        return pm_text_draw(cr, text, x, y, s);
    double w, h;
    pm_text_measure(cr, text, s, &w, &h);
    return h;
}

/* The middle column at type scale f: the status in a word with its
 * reason, the period's figure, and with --vergelijk the comparison (in
 * ink, since the reader asked for it; the target is in the left column).
 * Draws it, or only measures it. Returns its height. */
static double status_column(const doc *d, cairo_t *cr, band_cols k, double y0,
                            const pm_result *res, double f, int cap, bool draw)
{
    double y = y0, bh;
    double bw = pm_status_badge(cr, k.b, y, scaled(8, f), res->status,
                                status_word(&res->cumulatief, res->status), draw, &bh);
    /* The reason beside the badge, fitted to this indicator (SPEC §5);
     * hidden beside a small group, its own mark's legend. */
    char why[320], buf[320], val[160], words[256];
    if (!pm_figures_visible(&res->cumulatief))
        pm_hidden_legend(res->cumulatief.suppress, d->cfg->min_cell, why, sizeof why);
    else
        pm_label_reden(res->id, &res->cumulatief, d->cfg, why, sizeof why);
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = scaled(7, f);
    t.width = k.wb - bw - 5;
    t.max_lines = cap ? cap + 1 : 0;
    y += fmax(bh, column_text(cr, why, k.b + bw + 5, y + 0.5, &t, draw)) + 3;

    figure_text(d, res, &res->periode, val, sizeof val);
    snprintf(buf, sizeof buf, "Periode %s: %s (%s)", d->period_name, val,
             status_word(&res->periode, res->periode.status));
    t.size = scaled(8, f);
    t.width = k.wb;
    t.max_lines = cap;
    y += column_text(cr, buf, k.b, y, &t, draw) + 1;

    if (res->vergelijking.present) {
        comparison_words(d, res, words, sizeof words);
        t.size = scaled(7.5, f);
        y += column_text(cr, words, k.b, y, &t, draw);
    }
    return y - y0;
}

/* The band's title, on a line of its own: nothing beside it, so it
 * separates this band from the one above in any reading order rebuilt
 * from positions. Drawn (as H2), or only measured; returns the top of the
 * columns below it. */
static double band_title(cairo_t *cr, pm_rect r, const pm_result *res, bool draw)
{
    band_cols k = band_columns(r);
    pm_text_style t;
    pm_text_style_defaults(&t);
    char buf[320];
    snprintf(buf, sizeof buf, "%s  %s", res->id, pm_label_indicator(res->id)->naam);
    t.size = 10.5;
    t.bold = true;
    if (draw)
        pm_tags_role(cr, "H2");
    return r.y + 6 + fitted_text(cr, buf, k.a, r.y + 6, k.wa + k.wb, &t, 8, 2, draw) + 3;
}

/* Whether both text columns of a band, in full (no line cut off), fit
 * its height at type scale f. */
static bool band_fits(const doc *d, cairo_t *cr, pm_rect r, band_cols k, double y,
                      const pm_result *res, double f)
{
    double bottom = r.y + r.h - 3;
    return y + cumulative_column(d, cr, k, y, res, f, 0, false) <= bottom &&
           y + status_column(d, cr, k, y, res, f, 0, false) <= bottom;
}

/* The largest type scale, down to four fifths, at which both text
 * columns of a band fit its height: nothing is left out (the comparison
 * was asked for; for B the n line is the prognosis). */
static double band_scale(const doc *d, cairo_t *cr, pm_rect r, const pm_result *res)
{
    band_cols k = band_columns(r);
    double y = band_title(cr, r, res, false), f = 1.0;
    while (f > 0.8 && !band_fits(d, cr, r, k, y, res, f))
        f -= 0.05;
    return f;
}

/* The right column: the sparkline and its range, one Figure. */
static pm_error band_spark(const doc *d, cairo_t *cr, band_cols k, double y,
                           double bottom, const pm_result *res)
{
    pm_dashboard_spark sp;
    if (pm_dashboard_spark_get(d, res, &sp))
        return PM_ERR_NOMEM;
    const double *v = sp.v;
    const bool *present = sp.present;
    const pm_spark_cfg sc_cfg = sp.cfg;
    size_t n = sp.n, points = sp.points;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 6.5;
    t.color = pm_muted;
    t.width = k.wc;
    /* A line needs two quarters; one dot would say nothing. In a tagged
     * PDF the line and its range are one Figure; its numbers are on the
     * indicator's page and in the JSON. */
    if (points >= 2) {
        bool fig = false;
        if (pm_tags_of(cr)) {
            char *alt = spark_alt(d, res, &sc_cfg, v, present, n);
            fig = pm_tags_figure_table_begin(cr, alt,
                                             spark_table(d, res, &sc_cfg, v, present, n));
            g_free(alt);
        }
        pm_rect sr = {k.c, y + 1, k.wc, 16};
        pm_spark_draw(cr, sr, &sc_cfg, v, present, n);
        char buf[96];
        snprintf(buf, sizeof buf, "%s t/m %s\n- - -  doel", d->quarter[0],
                 d->quarter[n - 1]);
        pm_text_draw(cr, buf, k.c, y + 20, &t);
        pm_tags_figure_end(cr, fig);
    } else {
        /* Extern under a filter the quarters stay away (branch extern: with
         * the national report they would give small groups away); say so
         * rather than promise a line that will not come. */
        bool filtered_extern =
            !d->intern && res->gefilterd && pm_filter_active(&d->ctx->filter);
        const char *why = filtered_extern
                              ? "Het verloop per kwartaal blijft extern bij een selectie "
                                "van organisaties weg: het zou kleine groepen prijsgeven."
                              : "Het verloop per kwartaal volgt zodra er twee kwartalen "
                                "met gegevens zijn.";
        /* The whole sentence in the narrow column: smaller type, never
         * cut off (pango would end a fifth line in "…"). */
        double tw, th;
        for (;;) {
            pm_text_measure(cr, why, &t, &tw, &th);
            if (y + th <= bottom || t.size <= 4.5)
                break;
            t.size -= 0.25;
        }
        pm_text_draw(cr, why, k.c, y, &t);
    }
    pm_dashboard_spark_free(&sp);
    return PM_OK;
}

static pm_error tile(const doc *d, cairo_t *cr, pm_rect r, const pm_result *res, double f)
{
    band_frame(cr, r, pm_status_color(res->status), false);
    band_cols k = band_columns(r);
    /* A tile is a section of its own in the reading order, headed by its
     * indicator (SPEC §11). */
    bool sect = pm_tags_begin(cr, "Sect");
    double y = band_title(cr, r, res, true);
    /* Lines are cut off ("…") only where even the smallest type does not
     * fit: two lines a text, three for the reason. */
    int cap = band_fits(d, cr, r, k, y, res, f) ? 0 : 2;
    cumulative_column(d, cr, k, y, res, f, cap, true);
    status_column(d, cr, k, y, res, f, cap, true);
    pm_error err = band_spark(d, cr, k, y, r.y + r.h - 3, res);
    pm_tags_end(cr, "Sect", sect);
    return err;
}

/* The marks the page's figures show: the tiles' periode and cumulatief
 * and the eindstand block (a hidden comparison is said in words). */
static pm_marks page_marks(const doc *d)
{
    pm_marks m = {0};
    for (size_t i = 0; i < d->rep->nresults; i++) {
        const pm_result *r = &d->rep->results[i];
        pm_marks_add(&m, r->periode.suppress);
        pm_marks_add(&m, r->cumulatief.suppress);
        for (size_t e = 0; e < r->neindstanden; e++)
            pm_marks_add(&m, r->eindstanden[e].f.suppress);
    }
    return m;
}

/* The legend's four lines, one per status: only what holds for every
 * indicator; each tile says its own why. */
static void legend_lines(char line[4][160])
{
    for (size_t i = 0; i < 4; i++)
        snprintf(line[i], sizeof line[i], "%s: %s", pm_status_name(status_order[i]),
                 pm_label_status_legend((int)status_order[i]));
}

/* The height the legend band needs for its title and its four lines in
 * full-size type (the explanation beside them shrinks to fit). */
static double legend_need(cairo_t *cr, pm_rect r)
{
    band_cols k = band_columns(r);
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 10;
    t.bold = true;
    double w, h, need = 6 + 3 + 4;
    pm_text_measure(cr, "Zo leest u een tegel", &t, &w, &h);
    need += h;
    t.size = 7;
    t.bold = false;
    t.width = k.wa - 12;
    char line[4][160];
    legend_lines(line);
    for (size_t i = 0; i < 4; i++) {
        pm_text_measure(cr, line[i], &t, &w, &h);
        need += h + 1;
    }
    return need;
}

/* The last band: how to read the others. The statuses on the left, the
 * explanation beside them; its title has its line to itself, as a tile's. */
static void legend_tile(cairo_t *cr, pm_rect r, const doc *d)
{
    band_frame(cr, r, pm_faint, true);
    band_cols k = band_columns(r);
    double y = r.y + 6;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 10;
    t.bold = true;
    y += pm_text_draw(cr, "Zo leest u een tegel", k.a, y, &t) + 3;
    t.size = 7;
    t.bold = false;
    t.width = k.wa - 12;
    char line[4][160];
    legend_lines(line);
    /* The four lines take what the band has: smaller type before they
     * would run over its edge (a header with a filter and warnings leaves
     * the bands less height). */
    for (;;) {
        double need = 0, lw, lh;
        for (size_t i = 0; i < 4; i++) {
            pm_text_measure(cr, line[i], &t, &lw, &lh);
            need += lh + 1;
        }
        if (y + need <= r.y + r.h - 4 || t.size <= 5.5)
            break;
        t.size -= 0.25;
    }
    double ys = y;
    for (size_t i = 0; i < 4; i++) {
        pm_status_icon(cr, k.a + 4, ys + t.size * 0.65, t.size * 0.57, status_order[i]);
        ys += pm_text_draw(cr, line[i], k.a + 12, ys, &t) + 1;
    }
    t.size = 7;
    char text[800], d1[16], cmp_name[64];
    /* With --vergelijk every tile has one more line; say what it is. */
    bool cmp = d->ctx->vergelijk != PM_VERGELIJK_GEEN;
    pm_label_vergelijking_periode(d->ctx, cmp_name, sizeof cmp_name);
    snprintf(
        text, sizeof text,
        "Het grote getal is cumulatief: vanaf de start van de doelperiode (%s) tot de "
        "peildatum; de status en de reden staan ernaast. De regel daaronder is de "
        "periode%s%s. Het lijntje toont het verloop per kwartaal, de stippellijn het "
        "doel.",
        pm_format_date(d->rep->nresults ? d->rep->results[0].cumulatief.from
                                        : d->ctx->cum_from,
                       d1, sizeof d1),
        cmp ? "; de regel daaronder vergelijkt haar met " : "", cmp ? cmp_name : "");
    /* The marks of hidden figures, each only where the page shows it. */
    pm_marks marks = page_marks(d);
    if (marks.primair || marks.secundair)
        pm_pdf_add(text, sizeof text, "\n");
    pm_pdf_marks_text(d, &marks, text, sizeof text);
    t.width = k.wb + k.wc + (k.c - k.b - k.wb);
    /* The explanation takes what the band has left: smaller type before it
     * would run over the band's edge. */
    double tw, th;
    for (;;) {
        pm_text_measure(cr, text, &t, &tw, &th);
        if (y + th <= r.y + r.h - 4 || t.size <= 5.5)
            break;
        t.size -= 0.25;
    }
    pm_text_draw(cr, text, k.b, y, &t);
}

/* "Gegevens tot: hulpvragen 31-03-2026 · inzet ... · vingerafdruk ..." */
static void reach_line(const doc *d, char *buf, size_t size)
{
    size_t n;
    const pm_reach_item *items = pm_label_reach_items(&n);
    char day[16];
    snprintf(buf, size, "Gegevens tot:");
    for (size_t i = 0; i < n; i++) {
        int k = items[i].kind;
        pm_pdf_add(buf, size, "%s %s %s", i ? " ·" : "", items[i].name,
                   d->rep->has_tot[k]
                       ? pm_format_date(d->rep->gegevens_tot[k], day, sizeof day)
                       : "geen");
    }
    pm_pdf_add(buf, size, " · gegevensvingerafdruk %s",
               d->in->fingerprint && *d->in->fingerprint ? d->in->fingerprint : "–");
}

/* The verdict on every ended target period leads the dashboard (SPEC §3):
 * "Eindstand 31-12-2025: R1 89,6% (415 van 463) — niet gehaald", compact,
 * two indicators a line. Returns the y below it. */
static double eindstand_block(const doc *d, cairo_t *cr, double x, double y, double w)
{
    const pm_report *rep = d->rep;
    size_t ne = rep->nresults ? rep->results[0].neindstanden : 0;
    pm_text_style t;
    pm_text_style_defaults(&t);
    for (size_t e = 0; e < ne; e++) {
        char head[160], d1[16], d2[16], d3[16];
        const pm_eindstand *first = &rep->results[0].eindstanden[e];
        snprintf(head, sizeof head, "Eindstand %s (doelperiode %s t/m %s, bekend op %s)",
                 pm_format_date(first->tot, d1, sizeof d1),
                 pm_format_date(first->van, d2, sizeof d2),
                 pm_format_date(first->tot, d1, sizeof d1),
                 pm_format_date(d->ctx->peildatum, d3, sizeof d3));
        t.size = 10;
        t.bold = true;
        t.color = pm_ink;
        t.width = w;
        y += pm_text_draw(cr, head, x, y, &t) + 3;
        t.size = 8.5;
        t.bold = false;
        double col = w / 2, line_h = 0;
        for (size_t i = 0; i < rep->nresults; i++) {
            const pm_result *r = &rep->results[i];
            if (e >= r->neindstanden)
                continue;
            const pm_figures *f = &r->eindstanden[e].f;
            char val[160], buf[320];
            figure_text(d, r, f, val, sizeof val);
            snprintf(buf, sizeof buf, "%s  %s — %s", r->id, val,
                     pm_figures_visible(f) ? pm_label_oordeel((int)f->oordeel)
                                           : "onderdrukt");
            double cx = x + (double)(i % 2) * col;
            pm_status_icon(cr, cx + 4, y + 5.5, 4, f->status);
            pm_text_style u = t;
            u.size = pm_text_fit(cr, buf, &u, col - 16, 6.5);
            u.width = col - 16;
            u.max_lines = 1;
            double h = pm_text_draw(cr, buf, cx + 12, y, &u);
            line_h = fmax(line_h, h);
            if (i % 2 == 1 || i + 1 == rep->nresults) {
                y += line_h + 2;
                line_h = 0;
            }
        }
        y += 8;
    }
    return y;
}

/* What the cumulative figures and statuses are judged against: the running
 * target period, or why there is none. */
static void target_sentence(const doc *d, char *buf, size_t size)
{
    char d1[16], d2[16], d3[16];
    const pm_scope *ctx = d->ctx;
    if (ctx->cum_from <= ctx->cum_to && d->rep->running >= 0) {
        pm_day tf, tt;
        pm_config_target_period(ctx->cfg_loaded, (size_t)d->rep->running, &tf, &tt, NULL);
        snprintf(buf, size,
                 "Doelperiode %s t/m %s. Cumulatief: vanaf %s tot de peildatum; de "
                 "status van een indicator is die van het cumulatieve cijfer.",
                 pm_format_date(tf, d1, sizeof d1), pm_format_date(tt, d2, sizeof d2),
                 pm_format_date(tf, d3, sizeof d3));
    } else if (ctx->cum_from <= ctx->cum_to)
        snprintf(
            buf, size,
            "Cumulatief: %s. Na %s loopt geen doelperiode: er is geen doel om aan te "
            "meten (status grijs); de eindstand hieronder is het oordeel.",
            d->cum_range,
            pm_format_date(pm_config_targets_end(ctx->cfg_loaded), d1, sizeof d1));
    else
        snprintf(buf, size, "Het programma begint pas op %s: er is nog niets te tellen.",
                 pm_format_date(ctx->cum_from, d1, sizeof d1));
}

/* What the comparison lines on the tiles compare (SPEC §9), into buf;
 * false without --vergelijk. */
static bool comparison_sentence(const doc *d, char *buf, size_t size)
{
    const pm_scope *ctx = d->ctx;
    if (ctx->vergelijk == PM_VERGELIJK_GEEN || !ctx->vergelijk_period.label[0])
        return false;
    char name[64];
    snprintf(buf, size,
             "Vergeleken met %s, zoals bekend op de peildatum; \"duidelijk\": buiten de "
             "marge van toeval (95%%).",
             pm_label_vergelijking_periode(ctx, name, sizeof name));
    return true;
}

/* Below either page's header: the eindstand, the count per status and the
 * tiles, down to the footer. */
static pm_error body(const doc *d, cairo_t *cr, double y)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN;
    char buf[128];
    pm_text_style t;
    pm_text_style_defaults(&t);
    y = eindstand_block(d, cr, x, y, w);

    /* The count per status: the ten-second summary. */
    int per[4] = {0};
    for (size_t i = 0; i < d->rep->nresults; i++)
        per[d->rep->results[i].status]++;
    t.size = 10;
    t.color = pm_ink;
    t.bold = true;
    t.width = 0;
    double tw, th;
    pm_text_draw(cr, "Stand:", x, y, &t);
    pm_text_measure(cr, "Stand:", &t, &tw, &th);
    double sx = x + tw + 10;
    t.bold = false;
    for (size_t i = 0; i < 4; i++) {
        pm_status st = status_order[i];
        snprintf(buf, sizeof buf, "%d %s", per[st], pm_status_name(st));
        pm_status_icon(cr, sx + 5, y + th / 2, 5, st);
        pm_text_draw(cr, buf, sx + 14, y, &t);
        pm_text_measure(cr, buf, &t, &tw, &th);
        sx += 14 + tw + 18;
    }
    y += th + 12;

    /* One band per indicator down the page; the last explains them. */
    size_t n = d->rep->nresults;
    double gap = 5, bottom = PAGE_H - FOOTER_H - 10;
    double bh = (bottom - y - gap * (double)n) / (double)(n + 1);
    /* The legend takes the height its lines need, the bands share the
     * rest: the legend's statuses are the key to every band. */
    double lh = fmax(bh, legend_need(cr, (pm_rect){x, y, w, bh}));
    bh = fmin(74, (bottom - y - gap * (double)n - lh) / (double)n);
    for (size_t i = 0; i <= n; i++) {
        pm_rect r = {x, y + (double)i * (bh + gap), w, bh};
        if (i == n) {
            r.h = lh;
            legend_tile(cr, r, d);
            break;
        }
        /* Each band in the largest type that fits it: a long figure
         * (B's euros) should not shrink every other band's text. */
        const pm_result *res = &d->rep->results[i];
        pm_error err = tile(d, cr, r, res, band_scale(d, cr, r, res));
        if (err)
            return err;
    }
    return PM_OK;
}

pm_error pm_dashboard_report_page(const doc *d, cairo_t *cr)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN, y = 36;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 22;
    t.bold = true;
    t.width = w;
    pm_tags_role(cr, "H1");
    y += pm_text_draw(cr, REPORT_TITLE, x, y, &t) + 2;
    t.size = 12;
    t.bold = false;
    y += pm_text_draw(cr, d->cfg->naam, x, y, &t) + 6;

    char buf[512], d1[16], d2[16], d3[16];
    const pm_scope *ctx = d->ctx;
    snprintf(buf, sizeof buf, "Periode %s (%s t/m %s) · peildatum %s · publiek %s",
             d->period_name, pm_format_date(ctx->period.start, d1, sizeof d1),
             pm_format_date(ctx->period.end, d2, sizeof d2),
             pm_format_date(ctx->peildatum, d3, sizeof d3),
             pm_audience_name(d->in->audience));
    t.size = 9.5;
    y += pm_text_draw(cr, buf, x, y, &t) + 2;
    /* Under a filter (SPEC §9), whose figures these are, before any tile. */
    if (pm_filter_active(&ctx->filter)) {
        char words[512];
        snprintf(
            buf, sizeof buf,
            "Filter: %s. R1, R2 en R3 tellen alleen deze organisaties; R4, R5, R6 en "
            "B gelden voor het hele programma.",
            pm_label_filter(&ctx->filter, words, sizeof words));
        t.bold = true;
        y += pm_text_draw(cr, buf, x, y, &t) + 2;
        t.bold = false;
    }
    /* What the figures rest on (SPEC §7): how far each dataset reaches and
     * the fingerprint of the data. */
    reach_line(d, buf, sizeof buf);
    t.size = 8.5;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t) + 2;
    t.color = pm_ink;
    /* A gap in the registrations must be read before any figure is. */
    char warn[PM_REACH_WARNINGS_MAX][PM_REACH_WARNING_SIZE];
    size_t nwarn =
        pm_label_reach_warnings(d->rep->has_tot, d->rep->gegevens_tot, ctx->peildatum,
                                ctx->period.start, warn, PM_REACH_WARNINGS_MAX);
    if (nwarn) {
        t.size = 9;
        t.bold = true;
        t.color = pm_status_color(PM_ROOD);
        y += 2;
        for (size_t i = 0; i < nwarn; i++) {
            buf[0] = '\0';
            pm_pdf_add(buf, sizeof buf, "Let op: %s.", warn[i]);
            y += pm_text_draw(cr, buf, x, y, &t) + 1;
        }
        t.bold = false;
        t.color = pm_ink;
        y += 2;
    }
    target_sentence(d, buf, sizeof buf);
    t.size = 8.5;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t) + 2;
    if (comparison_sentence(d, buf, sizeof buf))
        y += pm_text_draw(cr, buf, x, y, &t) + 2;
    y += 6;
    return body(d, cr, y);
}

void pm_dashboard_title(const doc *d, char *buf, size_t size)
{
    if (d->in->titel && *d->in->titel) {
        snprintf(buf, size, "%s", d->in->titel);
        return;
    }
    char words[256];
    pm_label_filter(&d->ctx->filter, words, sizeof words);
    /* The words are made for the middle of a sentence ("gemeenten"); a
     * title starts with a capital. */
    if (words[0] >= 'a' && words[0] <= 'z')
        words[0] = (char)(words[0] - 'a' + 'A');
    snprintf(buf, size, "%s · %s", *words ? words : "Hele programma", d->period_name);
}

pm_error pm_dashboard_page(const doc *d, cairo_t *cr)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN, y = 30;
    const pm_scope *ctx = d->ctx;
    pm_text_style t;
    pm_text_style_defaults(&t);
    char buf[640], d1[16], d2[16], d3[16];

    /* A kicker names the programme; the title is what the reader asked
     * for (their --titel, or the filter and the period), big enough to
     * find the page in a pile, and never wider than the page. */
    snprintf(buf, sizeof buf, "Dashboard · %s", d->cfg->naam);
    t.size = 9;
    t.bold = true;
    t.color = pm_muted;
    t.width = w;
    t.max_lines = 1;
    /* The kicker is a running header: the title (H1) starts the reading
     * order, and the document's title names the programme too. */
    pm_tags_furniture(cr, true);
    y += pm_text_draw(cr, buf, x, y, &t) + 3;
    pm_tags_furniture(cr, false);
    pm_dashboard_title(d, buf, sizeof buf);
    t.size = 20;
    t.color = pm_ink;
    t.size = pm_text_fit(cr, buf, &t, w, 14);
    t.max_lines = 2;
    pm_tags_role(cr, "H1");
    y += pm_text_draw(cr, buf, x, y, &t) + 5;

    snprintf(buf, sizeof buf, "Periode %s (%s t/m %s) · peildatum %s · publiek %s",
             d->period_name, pm_format_date(ctx->period.start, d1, sizeof d1),
             pm_format_date(ctx->period.end, d2, sizeof d2),
             pm_format_date(ctx->peildatum, d3, sizeof d3),
             pm_audience_name(d->in->audience));
    t.size = 9;
    t.bold = false;
    y += fitted_text(cr, buf, x, y, w, &t, 7, 2, true) + 2;
    /* The title names the filter; this says what it does and does not
     * reach (SPEC §9). */
    if (pm_filter_active(&ctx->filter)) {
        t.size = 8;
        y += fitted_text(
                 cr,
                 "R1, R2 en R3 tellen alleen de organisaties van dit filter; R4, R5, "
                 "R6 en B gelden voor het hele programma.",
                 x, y, w, &t, 6.5, 2, true) +
             1;
    }
    reach_line(d, buf, sizeof buf);
    t.size = 8;
    t.color = pm_muted;
    y += fitted_text(cr, buf, x, y, w, &t, 6.5, 2, true) + 1;
    target_sentence(d, buf, sizeof buf);
    y += fitted_text(cr, buf, x, y, w, &t, 6.5, 2, true) + 1;
    if (comparison_sentence(d, buf, sizeof buf))
        y += fitted_text(cr, buf, x, y, w, &t, 6.5, 2, true) + 1;
    y += 3;

    /* At most one line of warnings: the page is one page, and one warning
     * is enough to make the reader look before reading the figures. */
    char warn[PM_REACH_WARNINGS_MAX][PM_REACH_WARNING_SIZE];
    size_t nwarn =
        pm_label_reach_warnings(d->rep->has_tot, d->rep->gegevens_tot, ctx->peildatum,
                                ctx->period.start, warn, PM_REACH_WARNINGS_MAX);
    /* A filter without organisations comes first: it empties R1-R3. */
    bool empty = pm_filter_active(&ctx->filter) && ctx->filter_empty;
    if (nwarn || empty) {
        buf[0] = '\0';
        if (empty)
            pm_pdf_add(buf, sizeof buf,
                       "Let op: geen enkele organisatie valt binnen het filter; R1, R2 "
                       "en R3 tellen daarom niets");
        else
            pm_pdf_add(buf, sizeof buf, "Let op: %s", warn[0]);
        size_t more = empty ? nwarn : nwarn - 1;
        if (more)
            pm_pdf_add(buf, sizeof buf, " (en %zu meer)", more);
        pm_pdf_add(buf, sizeof buf, ".");
        t.size = 8.5;
        t.bold = true;
        t.color = pm_status_color(PM_ROOD);
        t.size = pm_text_fit(cr, buf, &t, w, 6.5);
        t.max_lines = 1;
        t.width = w;
        y += pm_text_draw(cr, buf, x, y, &t) + 4;
    }
    return body(d, cr, y + 4);
}

/* ---- the sparkline's numbers, for the tile and the web page ------------- */

pm_error pm_dashboard_spark_get(const doc *d, const pm_result *res, pm_dashboard_spark *s)
{
    memset(s, 0, sizeof *s);
    s->n = res->ntrend;
    s->v = calloc(s->n ? s->n : 1, sizeof *s->v);
    s->present = calloc(s->n ? s->n : 1, sizeof *s->present);
    if (!s->v || !s->present) {
        pm_dashboard_spark_free(s);
        return PM_ERR_NOMEM;
    }
    spark_values(d, res, s->v, s->present, &s->cfg);
    for (size_t i = 0; i < s->n; i++)
        s->points += s->present[i];
    return PM_OK;
}

void pm_dashboard_spark_free(pm_dashboard_spark *s)
{
    free(s->v);
    free(s->present);
    s->v = NULL;
    s->present = NULL;
}

char *pm_dashboard_spark_alt(const doc *d, const pm_result *res, const pm_spark_cfg *cfg,
                             const double *v, const bool *present, size_t n)
{
    return spark_alt(d, res, cfg, v, present, n);
}
