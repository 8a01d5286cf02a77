/* pdf.c — the PDF report of SPEC §7 as a document: page 1 a dashboard with a
 * tile per indicator, then the indicator pages of pdf_pages.c; PNGs on request.
 *
 * This file owns the document: the cairo surface and its metadata, the
 * outline, the footer, the page loop and the layout of each page around
 * the charts, and the PNG files. The charts and their sentences live in
 * pdf_pages.c, so they can be read one indicator at a time. The PDF is
 * deterministic: metadata dates come from in->created. */
#include "pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "format.h"
#include "labels.h"
#include "outfile.h"
#include "pdf_internal.h"
#include "period.h"
#include "text.h"

/* A4 portrait in points. */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define MARGIN 40.0
#define FOOTER_H 26.0
/* The intern mark in the top margin: its line ends (about y 22) before the
 * first line of a page (y 30). */
#define MARK_Y 11.0
#define MARK_SIZE 8.5

/* PNG charts: 1200 × 750 pixels, drawn at 480 × 300 points scaled by 2.5,
 * so text has the same size relative to the chart as on the page. */
#define PNG_W 1200
#define PNG_H 750
#define PNG_SCALE 2.5
/* The line an intern PNG keeps for its mark, and the mark's size (points). */
#define PNG_MARK_H 12.0
#define PNG_MARK_SIZE 7.0

#define REPORT_TITLE "Voortgangsrapportage pijler 2"

/* Keeps "€" and "≥" on the line of the number after them: the space after
 * them becomes a no-break space, as far as buf has room. */
static void glue(char *buf, size_t size)
{
    static const char *const signs[] = {"€ ", "≥ ", "≤ "};
    for (size_t k = 0; k < 3; k++) {
        size_t sl = strlen(signs[k]);
        char *p = buf;
        while ((p = strstr(p, signs[k])) != NULL) {
            size_t len = strlen(buf);
            if (len + 2 > size)
                return;
            char *sp = p + sl - 1;
            memmove(sp + 2, sp + 1, len - (size_t)(sp + 1 - buf) + 1);
            sp[0] = '\xC2';
            sp[1] = '\xA0';
            p = sp + 2;
        }
    }
}

/* ---- every page -------------------------------------------------------- */

/* Whether an extern report leaves out res's charts because res is filtered
 * (SPEC §9, disclosure_filter.c): its breakdowns and quarters would be 2-D
 * tables beside the national report, so only its figures are shown. */
static bool filtered_extern(const doc *d, const pm_result *res)
{
    return !d->intern && res && res->gefilterd && pm_filter_active(&d->ctx->filter);
}

/* Whether this audience sees the chart of res: a PDF page and the PNGs
 * agree. */
static bool chart_shown(const doc *d, const chart_def *c, const pm_result *res)
{
    return (d->intern || !c->personal) && !filtered_extern(d, res);
}

/* The statuses in the order a reader ranks them: best first, unknown last. */
static const pm_status status_order[] = {PM_GROEN, PM_ORANJE, PM_ROOD, PM_GRIJS};

/* "Intern — niet verspreiden" in bold dark red, centred on the line at y:
 * on every page of an intern PDF (above the page's own header, in the top
 * margin) and under every intern PNG. */
static void intern_mark(cairo_t *cr, double cx, double y, double size)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = size;
    t.bold = true;
    t.color = (pm_rgb){0.75, 0.0, 0.0};
    t.align = PM_ALIGN_CENTER;
    pm_text_draw(cr, pm_label_intern_mark, cx, y, &t);
}

/* "Pagina 2 van 8", the data fingerprint and the date, under every page;
 * the intern mark above it. */
static void footer(const doc *d, cairo_t *cr, int page)
{
    if (d->intern)
        intern_mark(cr, PAGE_W / 2, MARK_Y, MARK_SIZE);
    double y = PAGE_H - FOOTER_H;
    cairo_save(cr);
    pm_set_rgb(cr, pm_faint);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, MARGIN, y);
    cairo_line_to(cr, PAGE_W - MARGIN, y);
    cairo_stroke(cr);
    cairo_restore(cr);
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 7.5;
    t.color = pm_muted;
    char left[256], right[48];
    snprintf(
        left, sizeof left, "%s · publiek %s · gegevens %s · gemaakt %s met pijlermonitor",
        d->period_name, pm_audience_name(d->in->audience),
        d->in->fingerprint && *d->in->fingerprint ? d->in->fingerprint : "–", d->created);
    snprintf(right, sizeof right, "Pagina %d van %d", page, d->npages);
    t.align = PM_ALIGN_RIGHT;
    t.color = pm_ink;
    double rw, rh;
    pm_text_measure(cr, right, &t, &rw, &rh);
    pm_text_draw(cr, right, PAGE_W - MARGIN, y + 5, &t);
    t.align = PM_ALIGN_LEFT;
    t.color = pm_muted;
    t.width = PAGE_W - 2 * MARGIN - rw - 12;
    t.max_lines = 1;
    pm_text_draw(cr, left, MARGIN, y + 5, &t);
}

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
    else if (strcmp(res->id, "B") == 0)
        snprintf(
            buf, size, "Prognose %s: %s, jaarbegroting %s",
            pm_format_year(d->ctx->peildatum, y, sizeof y),
            pm_format_euro_from_double(pm_cents_to_euros(f->prognose_cent), a, sizeof a),
            pm_format_euro_from_double(pm_cents_to_euros(f->jaarbegroting_cent), b,
                                       sizeof b));
}

/* One line that shrinks to fit w; returns its height. */
static double fit_line(cairo_t *cr, const char *text, double x, double y, double w,
                       pm_text_style *t, double min_size)
{
    pm_text_style u = *t;
    u.size = pm_text_fit(cr, text, &u, w, min_size);
    u.width = w;
    u.max_lines = 2;
    return pm_text_draw(cr, text, x, y, &u);
}

static pm_error tile(const doc *d, cairo_t *cr, pm_rect r, const pm_result *res)
{
    pm_rgb sc = pm_status_color(res->status);
    cairo_save(cr);
    cairo_rectangle(cr, r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
    pm_set_rgb(cr, pm_faint);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    cairo_rectangle(cr, r.x, r.y, 5, r.h);
    pm_set_rgb(cr, sc);
    cairo_fill(cr);
    cairo_restore(cr);

    double x = r.x + 14, w = r.w - 24, y = r.y + 9;
    pm_text_style t;
    pm_text_style_defaults(&t);
    char buf[256], val[160];

    snprintf(buf, sizeof buf, "%s  %s", res->id, pm_label_indicator(res->id)->naam);
    t.size = 11;
    t.bold = true;
    y += fit_line(cr, buf, x, y, w, &t, 8) + 4;

    double bh;
    double bw = pm_status_badge(cr, x, y, 8.5, res->status, pm_status_name(res->status),
                                true, &bh);
    /* The reason beside the badge, fitted to this indicator, where a legend
     * used to speak for all of them (SPEC §5). */
    char why[320];
    pm_label_reden(res->id, &res->cumulatief, d->cfg, why, sizeof why);
    t.size = 7.5;
    t.bold = false;
    double wh = fit_line(cr, why, x + bw + 6, y, w - bw - 6, &t, 6);
    y += fmax(bh, wh) + 5;

    char d1[16], d2[16], target[96];
    /* A comparison line needs the room of the target's own line: the
     * target then follows the cumulative range. */
    bool cmp = res->vergelijking.present;
    snprintf(buf, sizeof buf, "Cumulatief %s t/m %s%s%s%s",
             pm_format_date(res->cumulatief.from, d2, sizeof d2),
             pm_format_date(d->ctx->cum_to, d1, sizeof d1),
             pm_filter_active(&d->ctx->filter) && !res->gefilterd ? " · hele programma"
                                                                  : "",
             cmp ? " · doel " : "",
             cmp ? pm_label_target(res->id, d->cfg, target, sizeof target) : "");
    t.size = 7.5;
    t.bold = false;
    t.color = pm_muted;
    if (cmp)
        y += fit_line(cr, buf, x, y, w, &t, 6);
    else
        y += pm_text_draw(cr, buf, x, y, &t);

    pm_text_value(res->id, &res->cumulatief, val, sizeof val);
    t.size = 17;
    t.bold = true;
    t.color = pm_ink;
    y += fit_line(cr, val, x, y, w, &t, 9) + 3;

    pm_text_value(res->id, &res->periode, val, sizeof val);
    snprintf(buf, sizeof buf, "Periode %s: %s (%s)", d->period_name, val,
             pm_status_name(res->periode.status));
    t.size = 8.5;
    t.bold = false;
    y += fit_line(cr, buf, x, y, w, &t, 7.5) + 2;

    /* With --vergelijk: the change since the comparison period, in the
     * words every output uses (SPEC §9). */
    if (cmp) {
        char words[512];
        pm_label_vergelijking_kort(res, d->ctx, words, sizeof words);
        t.size = 8;
        y += fit_line(cr, words, x, y, w, &t, 6.5) + 2;
    } else {
        snprintf(buf, sizeof buf, "Doel: %s",
                 pm_label_target(res->id, d->cfg, target, sizeof target));
        t.size = 8;
        y += fit_line(cr, buf, x, y, w, &t, 6.5) + 1;
    }
    /* The sparkline's band along the bottom; the n line only where it fits
     * above it (the indicator's page always gives n). */
    double spark_top = r.y + r.h - 19;
    tile_n(d, res, buf, sizeof buf);
    t.color = pm_muted;
    pm_text_style nt = t;
    nt.size = pm_text_fit(cr, buf, &nt, w, 6.5);
    double nw, nh;
    pm_text_measure(cr, buf, &nt, &nw, &nh);
    /* With a comparison line the n line comes lower; it must also clear
     * the sentence that stands in for a sparkline (3 points higher). */
    double n_limit = cmp ? fmin(spark_top, r.y + r.h - 22) : spark_top;
    if (y + nh <= n_limit - 2)
        fit_line(cr, buf, x, y, w, &t, 6.5);

    /* The sparkline along the bottom, its range written beside it. */
    size_t n = res->ntrend;
    double *v = calloc(n ? n : 1, sizeof *v);
    bool *present = calloc(n ? n : 1, sizeof *present);
    if (!v || !present) {
        free(v);
        free(present);
        return PM_ERR_NOMEM;
    }
    pm_spark_cfg sc_cfg;
    spark_values(d, res, v, present, &sc_cfg);
    size_t points = 0;
    for (size_t i = 0; i < n; i++)
        points += present[i];
    /* A line needs two quarters; one dot would say nothing. */
    if (points >= 2) {
        pm_rect sr = {x, spark_top, w * 0.6, 14};
        pm_spark_draw(cr, sr, &sc_cfg, v, present, n);
    }
    free(v);
    free(present);
    t.size = 6.5;
    t.color = pm_muted;
    if (points >= 2) {
        snprintf(buf, sizeof buf, "%s t/m %s\n- - -  doel", d->quarter[0],
                 d->quarter[n - 1]);
        t.width = w * 0.36;
        pm_text_draw(cr, buf, x + w * 0.64, spark_top - 1, &t);
    } else {
        t.width = w;
        pm_text_draw(cr,
                     "Het verloop per kwartaal volgt zodra er twee kwartalen met "
                     "gegevens zijn.",
                     x, r.y + r.h - 22, &t);
    }
    return PM_OK;
}

/* The eighth tile: how to read the others. */
static void legend_tile(cairo_t *cr, pm_rect r, const doc *d)
{
    cairo_save(cr);
    cairo_rectangle(cr, r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
    pm_set_rgb(cr, (pm_rgb){0.97, 0.97, 0.97});
    cairo_fill(cr);
    cairo_restore(cr);
    double x = r.x + 12, w = r.w - 22, y = r.y + 9;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 10;
    t.bold = true;
    y += pm_text_draw(cr, "Zo leest u een tegel", x, y, &t) + 5;
    t.size = 7.5;
    t.bold = false;
    t.width = w - 16;
    /* Only what holds for every indicator; each tile says its own why. */
    static const char *const meaning[] = {
        "geen oordeel (te weinig gegevens, of geen doel)",
        "voldoet aan de norm van het doel",
        "voldoet nog niet; de reden op de tegel zegt waarom",
        "voldoet niet aan de norm",
    };
    for (size_t i = 0; i < 4; i++) {
        pm_status st = status_order[i];
        char buf[160];
        snprintf(buf, sizeof buf, "%s: %s", pm_status_name(st), meaning[st]);
        pm_status_icon(cr, x + 5, y + 5, 4.5, st);
        y += pm_text_draw(cr, buf, x + 16, y, &t) + 3;
    }
    char text[520], d1[16], cmp_name[64];
    /* With --vergelijk every tile has one more line; say what it is. */
    bool cmp = d->ctx->vergelijk != PM_VERGELIJK_GEEN;
    pm_label_vergelijking_periode(d->ctx, cmp_name, sizeof cmp_name);
    snprintf(
        text, sizeof text,
        "Het grote getal is cumulatief: vanaf de start van de doelperiode (%s) tot de "
        "peildatum; de status en de reden horen daarbij. De regel eronder is de periode%s"
        "%s. Het lijntje toont het verloop per kwartaal, de stippellijn het doel.",
        pm_format_date(d->rep->nresults ? d->rep->results[0].cumulatief.from
                                        : d->ctx->cum_from,
                       d1, sizeof d1),
        cmp ? "; de regel daaronder vergelijkt haar met " : "", cmp ? cmp_name : "");
    t.width = w;
    pm_text_draw(cr, text, x, y + 2, &t);
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
            pm_text_value(r->id, f, val, sizeof val);
            snprintf(buf, sizeof buf, "%s  %s — %s", r->id, val,
                     pm_label_oordeel((int)f->oordeel));
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

static pm_error dashboard(const doc *d, cairo_t *cr)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN, y = 36;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 22;
    t.bold = true;
    t.width = w;
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
    t.size = 9.5;
    if (ctx->cum_from <= ctx->cum_to && d->rep->running >= 0) {
        pm_day tf, tt;
        pm_config_target_period(ctx->cfg_loaded, (size_t)d->rep->running, &tf, &tt, NULL);
        snprintf(buf, sizeof buf,
                 "Doelperiode %s t/m %s. Cumulatief: vanaf %s tot de peildatum; de "
                 "status van een indicator is die van het cumulatieve cijfer.",
                 pm_format_date(tf, d1, sizeof d1), pm_format_date(tt, d2, sizeof d2),
                 pm_format_date(tf, d3, sizeof d3));
    } else if (ctx->cum_from <= ctx->cum_to)
        snprintf(
            buf, sizeof buf,
            "Cumulatief: %s. Na %s loopt geen doelperiode: er is geen doel om aan te "
            "meten (status grijs); de eindstand hieronder is het oordeel.",
            d->cum_range,
            pm_format_date(pm_config_targets_end(ctx->cfg_loaded), d1, sizeof d1));
    else
        snprintf(buf, sizeof buf,
                 "Het programma begint pas op %s: er is nog niets te tellen.",
                 pm_format_date(ctx->cum_from, d1, sizeof d1));
    t.size = 8.5;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t) + 2;
    /* What the comparison lines on the tiles compare (SPEC §9). */
    if (ctx->vergelijk != PM_VERGELIJK_GEEN) {
        char name[64];
        snprintf(buf, sizeof buf,
                 "Vergeleken met %s, zoals bekend op de peildatum; \"duidelijk\": "
                 "buiten de marge van toeval (95%%).",
                 pm_label_vergelijking_periode(ctx, name, sizeof name));
        y += pm_text_draw(cr, buf, x, y, &t) + 2;
    }
    y += 6;
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

    /* Two columns of tiles; the last slot explains them. */
    size_t n = d->rep->nresults;
    size_t rows = (n + 2) / 2;
    double gap = 10, bottom = PAGE_H - FOOTER_H - 12;
    double th_tile = (bottom - y - gap * (double)(rows - 1)) / (double)rows;
    if (th_tile > 170)
        th_tile = 170;
    double tw_tile = (w - gap) / 2;
    for (size_t i = 0; i <= n; i++) {
        pm_rect r = {x + (double)(i % 2) * (tw_tile + gap),
                     y + (double)(i / 2) * (th_tile + gap), tw_tile, th_tile};
        if (i == n) {
            legend_tile(cr, r, d);
            break;
        }
        pm_error err = tile(d, cr, r, &d->rep->results[i]);
        if (err)
            return err;
    }
    return PM_OK;
}

/* ---- the indicator pages ---------------------------------------------- */

/* The word on a status badge: a figure hidden for extern under a filter
 * (SPEC §9) shows "onderdrukt", never a colour's name that would hint at
 * its value. */
static const char *status_word(const pm_figures *f, pm_status s)
{
    return pm_figures_visible(f) ? pm_status_name(s) : "onderdrukt";
}

/* The verdict of an eindstand, or "onderdrukt" with its figure. */
static const char *verdict_word(const pm_figures *f)
{
    return pm_figures_visible(f) ? pm_label_oordeel((int)f->oordeel) : "onderdrukt";
}

/* Title, status and figures at the top of an indicator page; returns the
 * y below them. */
static double page_header(const doc *d, cairo_t *cr, const pm_result *res)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN, y = 30;
    pm_text_style t;
    pm_text_style_defaults(&t);
    char buf[600], v1[160], v2[160], target[96], d1[16];
    snprintf(buf, sizeof buf, "%s · periode %s · peildatum %s · publiek %s", REPORT_TITLE,
             d->period_name, pm_format_date(d->ctx->peildatum, d1, sizeof d1),
             pm_audience_name(d->in->audience));
    t.size = 7.5;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t) + 6;

    /* The badge sits right of the title, so measure it first. */
    snprintf(v1, sizeof v1, "%s", status_word(&res->cumulatief, res->status));
    double bh, bw = pm_status_badge(cr, 0, 0, 9.5, res->status, v1, false, &bh);
    snprintf(buf, sizeof buf, "%s  %s", res->id, pm_label_indicator(res->id)->naam);
    t.size = 18;
    t.bold = true;
    t.color = pm_ink;
    t.size = pm_text_fit(cr, buf, &t, w - bw - 12, 14);
    t.width = w - bw - 12;
    double title_h = pm_text_draw(cr, buf, x, y, &t);
    pm_status_badge(cr, x + w - bw, y + 2, 9.5, res->status, v1, true, NULL);
    y += fmax(title_h, bh) + 5;

    pm_text_shown(res->id, &res->cumulatief, d->hidden, v1, sizeof v1);
    pm_text_shown(res->id, &res->periode, d->hidden, v2, sizeof v2);
    pm_label_target(res->id, d->cfg, target, sizeof target);
    glue(v1, sizeof v1);
    glue(v2, sizeof v2);
    glue(target, sizeof target);
    /* The markup is ours; every value in it is escaped. */
    char *line = g_markup_printf_escaped(
        "<b>Doel</b> %s   ·   <b>Cumulatief</b> %s   ·   <b>Periode %s</b> %s (%s)",
        target, v1, d->period_name, v2, status_word(&res->periode, res->periode.status));
    t.size = 9;
    t.bold = false;
    t.width = w;
    t.markup = true;
    y += pm_text_draw(cr, line, x, y, &t) + 4;
    t.markup = false;
    g_free(line);

    /* The status's reason, and the verdict on every ended target period. */
    char why[320];
    snprintf(buf, sizeof buf, "Status %s: %s", pm_status_name(res->status),
             pm_label_reden(res->id, &res->cumulatief, d->cfg, why, sizeof why));
    t.size = 9;
    t.color = pm_ink;
    y += pm_text_draw(cr, buf, x, y, &t) + 3;
    snprintf(buf, sizeof buf, "Status periode %s %s: %s", d->period_name,
             pm_status_name(res->periode.status),
             pm_label_reden(res->id, &res->periode, d->cfg, why, sizeof why));
    y += pm_text_draw(cr, buf, x, y, &t) + 3;
    for (size_t e = 0; e < res->neindstanden; e++) {
        const pm_eindstand *es = &res->eindstanden[e];
        char d2[16], d3[16];
        pm_text_shown(res->id, &es->f, d->hidden, v2, sizeof v2);
        snprintf(buf, sizeof buf, "Eindstand doelperiode %s t/m %s: %s — %s",
                 pm_format_date(es->van, d2, sizeof d2),
                 pm_format_date(es->tot, d3, sizeof d3), v2, verdict_word(&es->f));
        t.bold = true;
        y += pm_text_draw(cr, buf, x, y, &t) + 3;
        t.bold = false;
    }

    snprintf(buf, sizeof buf, "Resultaat eind 2025: %s",
             pm_label_indicator(res->id)->resultaat);
    t.size = 8.5;
    t.italic = true;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t) + 8;

    cairo_save(cr);
    pm_set_rgb(cr, pm_faint);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y);
    cairo_stroke(cr);
    cairo_restore(cr);
    return y + 10;
}

#define SAY_SIZE 1024

/* What is left of avail for the n charts without a height yet (height 0),
 * and in *weights the sum of their weights. */
static double unsized_left(const chart_def *const *shown, const double *height, size_t n,
                           double avail, double *weights)
{
    double left = avail;
    *weights = 0;
    for (size_t i = 0; i < n; i++) {
        if (height[i] > 0)
            left -= height[i];
        else
            *weights += shown[i]->weight;
    }
    return left;
}

static pm_error indicator_page(const doc *d, cairo_t *cr, const page_def *p,
                               const pm_result *res)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN;
    double y = page_header(d, cr, res);
    pm_text_style ts;
    pm_text_style_defaults(&ts);
    ts.size = 8.5;
    ts.width = w;

    /* The definition and, for extern, what is left out, at the bottom. */
    char def[1024];
    snprintf(def, sizeof def, "Definitie. %s", pm_label_indicator(res->id)->definitie);
    if (!d->intern && p->extern_note)
        pm_pdf_add(def, sizeof def, " %s", p->extern_note);
    if (!d->intern && pm_result_has_secondary(res))
        pm_pdf_add(def, sizeof def, " %s", PM_SECONDARY_NOTE);
    pm_text_style tdef = ts;
    tdef.size = 7.5;
    tdef.color = pm_muted;
    double dw, dh;
    pm_text_measure(cr, def, &tdef, &dw, &dh);
    double bottom = PAGE_H - FOOTER_H - 10 - dh;
    pm_text_draw(cr, def, x, bottom + 4, &tdef);

    if (filtered_extern(d, res)) {
        char note[512];
        snprintf(
            note, sizeof note,
            "Bij een selectie van organisaties toont een externe rapportage van deze "
            "indicator alleen de cijfers hierboven, en %s waar ze op te weinig "
            "waarnemingen rusten of een kleine groep zouden prijsgeven. De "
            "uitsplitsingen en het verloop per kwartaal blijven weg: samen met de "
            "landelijke rapportage zouden ze kleine groepen prijsgeven.",
            d->hidden);
        pm_text_draw(cr, note, x, y + 6, &ts);
        return PM_OK;
    }
    /* Sentences first: their height decides what is left for the charts. */
    const chart_def *shown[PM_PDF_MAX_CHARTS];
    char say[PM_PDF_MAX_CHARTS][SAY_SIZE];
    double say_h[PM_PDF_MAX_CHARTS], want[PM_PDF_MAX_CHARTS], height[PM_PDF_MAX_CHARTS],
        fixed = 0;
    size_t n = 0;
    for (size_t i = 0; i < p->ncharts; i++) {
        if (!chart_shown(d, &p->charts[i], res))
            continue;
        shown[n] = &p->charts[i];
        say[n][0] = '\0';
        want[n] = 0;
        pm_error err =
            shown[n]->fn(d, NULL, (pm_rect){0, 0, w, 0}, say[n], SAY_SIZE, &want[n]);
        if (err)
            return err;
        glue(say[n], SAY_SIZE);
        pm_text_measure(cr, say[n], &ts, &dw, &say_h[n]);
        fixed += say_h[n] + 6 + 16;
        height[n] = 0;
        n++;
    }
    /* Charts that know their height (a list of rows) get it when it is less
     * than their share; the others share what is left by weight, up to a
     * height at which a chart stops gaining from more room. */
    double avail = bottom - 8 - y - fixed, left, weights;
    for (int round = 0; round < 3; round++) {
        left = unsized_left(shown, height, n, avail, &weights);
        bool changed = false;
        for (size_t i = 0; i < n; i++) {
            if (height[i] > 0)
                continue;
            double share = left * shown[i]->weight / weights;
            double cap = want[i] > 0 ? fmin(want[i], 300) : 270;
            if (share > cap) {
                height[i] = cap;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    left = unsized_left(shown, height, n, avail, &weights);
    for (size_t i = 0; i < n; i++)
        if (height[i] <= 0)
            height[i] = left * shown[i]->weight / weights;
    for (size_t i = 0; i < n; i++) {
        double h = height[i];
        pm_error err = shown[i]->fn(d, cr, (pm_rect){x, y, w, h}, NULL, 0, NULL);
        if (err)
            return err;
        y += h + 6;
        y += pm_text_draw(cr, say[i], x, y, &ts) + 16;
    }
    return PM_OK;
}

/* ---- output ------------------------------------------------------------ */

/* Where cairo's output goes. A failed write is remembered here and NOT
 * passed back to cairo: cairo aborts the whole process on an assertion
 * (_cairo_array_index_const) when its PDF stream fails at some moments, as
 * on a full disk (tests/e2e/test_faults.py), leaving the temporary file
 * behind. So cairo goes on into the void and the failure is reported after
 * cairo_surface_finish, with the errno of the first failed write. */
typedef struct out_stream {
    FILE *fp;
    int err; /* errno of the first failed write; 0 while all went well */
} out_stream;

static cairo_status_t write_stream(void *closure, const unsigned char *data,
                                   unsigned int length)
{
    out_stream *o = closure;
    /* glibc's fwrite can report every byte taken although flushing its
     * buffer failed; the stream's error flag tells. */
    errno = 0;
    if (!o->err && (fwrite(data, 1, length, o->fp) != length || ferror(o->fp)))
        o->err = errno ? errno : EIO;
    return CAIRO_STATUS_SUCCESS;
}

/* The document's dates in the ISO form cairo writes into the PDF. */
static void iso_date(time_t t, char *buf, size_t size)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Opens path (a file the caller made) for writing from the start. */
static pm_error open_target(const char *path, const char *shown, FILE **fp, char *msg,
                            size_t msgsize)
{
    *fp = fopen(path, "wb");
    if (*fp)
        return PM_OK;
    snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown,
             pm_errno_text(errno));
    return PM_ERR_IO;
}

/* Closes fp after writing; the first write error (os_err) or a failed flush
 * is the reason. */
static pm_error close_target(FILE *fp, int os_err, const char *shown, char *msg,
                             size_t msgsize)
{
    errno = 0;
    int e = os_err;
    if (!e && (fflush(fp) != 0 || ferror(fp)))
        e = errno ? errno : EIO;
    if (fclose(fp) != 0 && !e)
        e = errno ? errno : EIO;
    if (!e)
        return PM_OK;
    snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown, pm_errno_text(e));
    return PM_ERR_IO;
}

static pm_error write_pdf(doc *d, const char *path, const char *shown, char *msg,
                          size_t msgsize)
{
    FILE *fp;
    pm_error err = open_target(path, shown, &fp, msg, msgsize);
    if (err)
        return err;
    out_stream os = {.fp = fp};
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(write_stream, &os, PAGE_W, PAGE_H);
    char title[160], subject[256], date[32], d1[16], d2[16], d3[16];
    snprintf(title, sizeof title, "%s — %s", REPORT_TITLE, d->period_name);
    snprintf(subject, sizeof subject,
             "%s, periode %s (%s t/m %s), peildatum %s, publiek %s", d->cfg->naam,
             d->period_name, pm_format_date(d->ctx->period.start, d1, sizeof d1),
             pm_format_date(d->ctx->period.end, d2, sizeof d2),
             pm_format_date(d->ctx->peildatum, d3, sizeof d3),
             pm_audience_name(d->in->audience));
    iso_date(d->in->created, date, sizeof date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "pijlermonitor");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "pijlermonitor");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);

    cairo_t *cr = cairo_create(s);
    int page = 1;
    cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, "Dashboard", "page=1", 0);
    err = dashboard(d, cr);
    footer(d, cr, page);
    cairo_show_page(cr);
    for (size_t i = 0; !err && i < d->rep->nresults; i++) {
        const pm_result *res = &d->rep->results[i];
        const page_def *p = pm_pdf_page_def(res->id);
        if (!p)
            continue;
        page++;
        char name[160], link[32];
        snprintf(name, sizeof name, "%s %s", res->id, pm_label_indicator(res->id)->naam);
        snprintf(link, sizeof link, "page=%d", page);
        cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
        err = indicator_page(d, cr, p, res);
        footer(d, cr, page);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (!err && os.err) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown,
                 pm_errno_text(os.err));
        err = PM_ERR_IO;
    } else if (!err && st != CAIRO_STATUS_SUCCESS) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown,
                 st == CAIRO_STATUS_NO_MEMORY ? "onvoldoende geheugen"
                                              : "schrijffout bij het maken van de PDF");
        err = st == CAIRO_STATUS_NO_MEMORY ? PM_ERR_NOMEM : PM_ERR_IO;
    } else if (err) {
        snprintf(msg, msgsize, "%s: %s", shown, pm_strerror(err));
    }
    if (err) {
        fclose(fp);
        return err;
    }
    return close_target(fp, 0, shown, msg, msgsize);
}

/* One chart as a PNG file, on a white background, into the file the
 * caller's png_file gives for its name. */
static pm_error write_png(const doc *d, const chart_def *c, char *msg, size_t msgsize)
{
    size_t len = strlen(c->png) + 8;
    char *name = malloc(len);
    if (!name)
        return PM_ERR_NOMEM;
    snprintf(name, len, "%s.png", c->png);

    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, PNG_W, PNG_H);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, PNG_SCALE, PNG_SCALE);
    double w = PNG_W / PNG_SCALE, h = PNG_H / PNG_SCALE;
    /* An intern chart gives up a line at the bottom to the mark, so the
     * file says what it is wherever it is copied to. */
    double mark = d->intern ? PNG_MARK_H : 0;
    pm_error err = c->fn(d, cr, (pm_rect){16, 14, w - 32, h - 28 - mark}, NULL, 0, NULL);
    if (!err && d->intern)
        intern_mark(cr, w / 2, h - 14 - mark + 5, PNG_MARK_SIZE);
    cairo_destroy(cr);
    cairo_surface_flush(s);

    const char *path = NULL, *shown = name;
    if (err)
        snprintf(msg, msgsize, "%s: %s", name, pm_strerror(err));
    else
        err = d->in->png_file(d->in->png_ctx, name, &path, &shown, msg, msgsize);
    FILE *fp = NULL;
    if (!err)
        err = open_target(path, shown, &fp, msg, msgsize);
    if (!err) {
        out_stream os = {.fp = fp};
        cairo_status_t st = cairo_surface_write_to_png_stream(s, write_stream, &os);
        if (st != CAIRO_STATUS_SUCCESS && !os.err) {
            fclose(fp);
            snprintf(msg, msgsize, "%s kan niet worden geschreven: schrijffout", shown);
            err = PM_ERR_IO;
        } else {
            err = close_target(fp, os.err, shown, msg, msgsize);
        }
    }
    cairo_surface_destroy(s);
    free(name);
    return err;
}

static pm_error write_pngs(const doc *d, char *msg, size_t msgsize)
{
    for (size_t i = 0; i < d->rep->nresults; i++) {
        const page_def *p = pm_pdf_page_def(d->rep->results[i].id);
        for (size_t k = 0; p && k < p->ncharts; k++) {
            if (!chart_shown(d, &p->charts[k], &d->rep->results[i]))
                continue;
            pm_error err = write_png(d, &p->charts[k], msg, msgsize);
            if (err)
                return err;
        }
    }
    return PM_OK;
}

/* ---- the document ------------------------------------------------------ */

static void doc_free(doc *d)
{
    free(d->quarter);
    free(d->quarter_ptr);
}

static pm_error doc_init(doc *d, const pm_pdf_input *in)
{
    memset(d, 0, sizeof *d);
    d->in = in;
    d->rep = in->rep;
    d->ctx = &in->rep->scope;
    d->cfg = in->rep->scope.cfg;
    d->intern = in->audience == PM_INTERN;
    snprintf(d->hidden, sizeof d->hidden, "<%d", d->cfg->min_cell);
    snprintf(d->hidden_legend, sizeof d->hidden_legend,
             "%s: minder dan %d waarnemingen, niet getoond", d->hidden, d->cfg->min_cell);

    const pm_scope *ctx = d->ctx;
    char d1[16], d2[16];
    pm_format_date(ctx->cum_from, d1, sizeof d1);
    snprintf(d->cum_range, sizeof d->cum_range, "%s t/m %s", d1,
             pm_format_date(ctx->cum_to, d2, sizeof d2));
    snprintf(d->cum_sub, sizeof d->cum_sub, "Cumulatief, %s", d->cum_range);
    snprintf(d->since, sizeof d->since, "Sinds %s", d1);
    snprintf(d->since_lc, sizeof d->since_lc, "sinds %s", d1);
    /* A quarter reads "In het 4e kwartaal 2025", a month or year "In
     * januari 2026", "In 2025"; a range of dates "In de periode ... t/m ...". */
    pm_format_period(ctx->period.start, ctx->period.end, d->period_name,
                     sizeof d->period_name);
    if (strstr(d->period_name, " t/m "))
        snprintf(d->per_phrase, sizeof d->per_phrase, "In de periode %s", d->period_name);
    else if (strstr(d->period_name, "kwartaal"))
        snprintf(d->per_phrase, sizeof d->per_phrase, "In het %s", d->period_name);
    else
        snprintf(d->per_phrase, sizeof d->per_phrase, "In %s", d->period_name);
    snprintf(d->per_lc, sizeof d->per_lc, "i%s", d->per_phrase + 1);

    struct tm tm;
    time_t t = in->created;
    gmtime_r(&t, &tm);
    strftime(d->created, sizeof d->created, "%d-%m-%Y", &tm);

    /* Every result has the same trend quarters; label them once. */
    size_t n = 0;
    if (ctx->q_last >= ctx->q_first)
        n = (size_t)(ctx->q_last - ctx->q_first + 1);
    d->nquarters = n;
    d->quarter = calloc(n ? n : 1, sizeof *d->quarter);
    d->quarter_ptr = calloc(n ? n : 1, sizeof *d->quarter_ptr);
    if (!d->quarter || !d->quarter_ptr) {
        doc_free(d);
        return PM_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        pm_format_quarter_short(ctx->q_first + (int)i, d->quarter[i],
                                sizeof d->quarter[i]);
        d->quarter_ptr[i] = d->quarter[i];
    }
    if (n > 1)
        snprintf(d->trend_sub, sizeof d->trend_sub, "Per kwartaal, %s t/m %s",
                 d->quarter[0], d->quarter[n - 1]);
    else if (n == 1)
        snprintf(d->trend_sub, sizeof d->trend_sub, "Per kwartaal, alleen %s",
                 d->quarter[0]);
    else
        snprintf(d->trend_sub, sizeof d->trend_sub, "Per kwartaal");

    d->npages = 1;
    for (size_t i = 0; i < d->rep->nresults; i++)
        d->npages += pm_pdf_page_def(d->rep->results[i].id) != NULL;
    return PM_OK;
}

pm_error pm_pdf_write(const pm_pdf_input *in, const char *path, const char *shown,
                      char *msg, size_t msgsize)
{
    doc d;
    pm_error err = doc_init(&d, in);
    if (err) {
        snprintf(msg, msgsize, "%s", pm_strerror(err));
        return err;
    }
    if (path)
        err = write_pdf(&d, path, shown ? shown : path, msg, msgsize);
    if (!err && in->png_file)
        err = write_pngs(&d, msg, msgsize);
    doc_free(&d);
    /* Fonts are cached per document; a long-running caller gets them back. */
    pm_chart_fonts_release();
    return err;
}