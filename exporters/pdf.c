/* pdf.c — the PDF report of SPEC §7: page 1 a dashboard with a tile per
 * indicator, then a page per indicator with its charts and a Dutch sentence
 * under each; with png_dir every chart also as a PNG file.
 *
 * Each chart is one function that builds its data from the report and
 * either writes its sentence, or draws onto the cairo_t it is given: a PDF
 * page or a PNG canvas, so both outputs come from the same code. The
 * audience rule of export.h decides what is drawn: extern gets no personal
 * charts, and breakdown cells below min_cell show "<5" instead of a bar.
 * The PDF is deterministic: metadata dates come from in->created. */
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
#include "period.h"
#include "text.h"

/* A4 portrait in points. */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define MARGIN 40.0
#define FOOTER_H 26.0

/* PNG charts: 1200 × 750 pixels, drawn at 480 × 300 points scaled by 2.5,
 * so text has the same size relative to the chart as on the page. */
#define PNG_W 1200
#define PNG_H 750
#define PNG_SCALE 2.5

#define REPORT_TITLE "Voortgangsrapportage pijler 2"

typedef struct doc {
    const pm_pdf_input *in;
    const pm_report *rep;
    const pm_context *ctx;
    const pm_config *cfg;
    bool intern;
    char hidden[16];        /* "<5" */
    char hidden_legend[96]; /* what "<5" means */
    char cum_range[64];     /* "01-07-2024 t/m 31-12-2025" */
    char cum_sub[96];       /* subtitle of cumulative charts */
    char trend_sub[96];     /* subtitle of quarterly charts */
    char per_phrase[96];    /* "In 2025-Q4" */
    char per_lc[96];        /* "in 2025-Q4" */
    char since[48];         /* "Sinds 01-07-2024" */
    char since_lc[48];      /* "sinds 01-07-2024" */
    char created[16];       /* "31-12-2025" */
    size_t nquarters;       /* the trend quarters, programme start .. peildatum */
    char (*quarter)[16];
    const char **quarter_ptr;
    int npages;
} doc;

/* ---- small helpers ----------------------------------------------------- */

/* Appends formatted text to buf (a sentence grows clause by clause). */
static void add(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, size - len, fmt, ap);
    va_end(ap);
}

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

static const pm_result *result(const doc *d, const char *id)
{
    return pm_report_find(d->rep, id);
}

static const pm_breakdown *breakdown(const pm_result *r, const char *key)
{
    for (size_t i = 0; r && i < r->nbreakdowns; i++)
        if (r->breakdowns[i].key && strcmp(r->breakdowns[i].key, key) == 0)
            return &r->breakdowns[i];
    return NULL;
}

/* The breakdown when this audience may see it, else NULL. */
static const pm_breakdown *visible(const doc *d, const pm_result *r, const char *key)
{
    const pm_breakdown *b = breakdown(r, key);
    return b && pm_breakdown_visible(b, d->in->audience) ? b : NULL;
}

static bool cell_hidden(const doc *d, const pm_breakdown *b, const pm_cell *c)
{
    return !pm_cell_visible(b, c, d->in->audience, d->cfg->min_cell);
}

static char *pct(double f, char *buf, size_t size)
{
    return pm_format_percent(f, 1, buf, size);
}

static char *pct0(double f, char *buf, size_t size)
{
    return pm_format_percent(f, 0, buf, size);
}

static char *eur(double v, char *buf, size_t size)
{
    return pm_format_euro((int64_t)llround(v * 100), buf, size);
}

static char *count(double v, char *buf, size_t size)
{
    return pm_format_int((int64_t)llround(v), buf, size);
}

/* ---- per-chart arrays -------------------------------------------------- */

#define NVALS 6
#define NFLAGS 4

/* The arrays of one chart, allocated together and freed together. */
typedef struct cols {
    size_t n;
    char (*label)[160];
    const char **cat;
    double *v[NVALS];
    bool *f[NFLAGS];
    pm_rgb *color;
} cols;

static void cols_free(cols *c)
{
    free(c->label);
    free(c->cat);
    for (int i = 0; i < NVALS; i++)
        free(c->v[i]);
    for (int i = 0; i < NFLAGS; i++)
        free(c->f[i]);
    free(c->color);
    memset(c, 0, sizeof *c);
}

static pm_error cols_alloc(cols *c, size_t n)
{
    memset(c, 0, sizeof *c);
    size_t m = n ? n : 1;
    c->n = n;
    c->label = calloc(m, sizeof *c->label);
    c->cat = calloc(m, sizeof *c->cat);
    c->color = calloc(m, sizeof *c->color);
    bool ok = c->label && c->cat && c->color;
    for (int i = 0; i < NVALS; i++)
        ok = (c->v[i] = calloc(m, sizeof(double))) != NULL && ok;
    for (int i = 0; i < NFLAGS; i++)
        ok = (c->f[i] = calloc(m, sizeof(bool))) != NULL && ok;
    if (!ok) {
        cols_free(c);
        return PM_ERR_NOMEM;
    }
    for (size_t i = 0; i < m; i++)
        c->cat[i] = c->label[i];
    return PM_OK;
}

static void set_label(cols *c, size_t i, const char *s)
{
    snprintf(c->label[i], sizeof c->label[i], "%s", s);
}

/* A chart config with this document's words for empty and withheld data. */
static void chart_cfg(const doc *d, pm_chart_cfg *c, const char *title,
                      const char *subtitle)
{
    pm_chart_cfg_defaults(c);
    c->title = title;
    c->subtitle = subtitle;
    c->empty_text = pm_label_no_data;
    c->hidden_text = d->hidden;
    c->hidden_legend = d->hidden_legend;
}

static void share_axis(pm_chart_cfg *c)
{
    c->format = PM_FMT_PERCENT;
    c->fix_min = c->fix_max = true;
    c->min = 0;
    c->max = 1;
}

#define BLUE pm_okabe_ito[PM_OI_BLUE]
#define SKY pm_okabe_ito[PM_OI_SKY]
#define ORANGE pm_okabe_ito[PM_OI_ORANGE]
#define GREEN pm_okabe_ito[PM_OI_GREEN]
#define VERMILLION pm_okabe_ito[PM_OI_VERMILLION]
#define GREY ((pm_rgb){0.62, 0.62, 0.62})

/* The colour an interval band shows on white (the band is 18% opaque). */
static pm_rgb band_of(pm_rgb c)
{
    return (pm_rgb){c.r * 0.18 + 0.82, c.g * 0.18 + 0.82, c.b * 0.18 + 0.82};
}

/* One chart: with cr it draws inside r; with say it writes its sentence. */
/* One chart: with cr it draws inside r; with say it writes its sentence
 * and may set *want to the height it needs (0: any height will do). */
typedef pm_error (*chart_fn)(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                             double *want);

/* ---- shared chart shapes ----------------------------------------------- */

/* Bars of the cumulative share per category of one breakdown, with the
 * target; the sentence names the lowest and highest visible category. */
static pm_error share_bars(const doc *d, const pm_result *res, const char *key,
                           const char *title, const char *per, const char *groups,
                           const char *unit, cairo_t *cr, pm_rect r, char *say,
                           size_t size)
{
    const pm_breakdown *b = visible(d, res, key);
    size_t n = b ? b->ncells : 0;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    bool any_hidden = false, any = false;
    int lo = -1, hi = -1;
    for (size_t i = 0; i < n; i++)
        any |= b->cumulatief[i].noemer > 0;
    if (!any)
        n = 0; /* nobody counted anywhere: say so, not a row of "<5" */
    for (size_t i = 0; i < n; i++) {
        const pm_cell *cell = &b->cumulatief[i];
        set_label(&c, i, pm_label_category(key, cell->key));
        c.v[0][i] = cell->waarde;
        c.f[0][i] = cell->has_waarde;
        /* An empty cell is withheld too ("<5" covers 0), as in the JSON. */
        c.f[1][i] = cell_hidden(d, b, cell);
        any_hidden |= c.f[1][i];
        if (!cell->has_waarde || c.f[1][i])
            continue;
        if (lo < 0 || cell->waarde < b->cumulatief[lo].waarde)
            lo = (int)i;
        if (hi < 0 || cell->waarde > b->cumulatief[hi].waarde)
            hi = (int)i;
    }
    char p1[32], p2[32], pd[32], tl[48];
    snprintf(tl, sizeof tl, "doel %s", pct0(res->doel, pd, sizeof pd));
    if (say && n == 0 && !strstr(say, "geen"))
        add(say, size, "Nog niets te tonen %s.", d->since_lc);
    if (say && n > 0) {
        bool said = strstr(say, "doel") != NULL; /* the lead named the target */
        if (lo >= 0 && n > 3 && lo != hi)
            add(say, size,
                "Per %s loopt het aandeel uiteen van %s (%s) tot %s (%s)%s%s. ", per,
                pct(b->cumulatief[lo].waarde, p1, sizeof p1), c.label[lo],
                pct(b->cumulatief[hi].waarde, p2, sizeof p2), c.label[hi],
                said ? "" : "; ", said ? "" : tl);
        else if (lo >= 0) {
            bool first = true;
            for (size_t i = 0; i < n; i++) {
                const pm_cell *cell = &b->cumulatief[i];
                if (!cell->has_waarde && !c.f[1][i])
                    continue;
                add(say, size, "%s%s ", first ? "" : ", ", c.label[i]);
                if (c.f[1][i])
                    add(say, size, "%s", d->hidden);
                else
                    add(say, size, "%s (%.0f van %.0f)", pct(cell->waarde, p1, sizeof p1),
                        cell->teller, cell->noemer);
                first = false;
            }
            add(say, size, "; %s. ", tl);
        }
        if (any_hidden)
            add(say, size, "%s met minder dan %d %s staan als %s.", groups,
                d->cfg->min_cell, unit, d->hidden);
    }
    if (cr) {
        pm_chart_cfg cfg;
        chart_cfg(d, &cfg, title, d->cum_sub);
        share_axis(&cfg);
        pm_series s = {.kind = PM_SERIES_BAR,
                       .values = c.v[0],
                       .present = c.f[0],
                       .hidden = c.f[1],
                       .color = BLUE,
                       .value_labels = true,
                       .value_decimals = 1};
        pm_target t = {res->doel, tl};
        pm_chart_data data = {.categories = c.cat,
                              .ncat = n,
                              .series = &s,
                              .nseries = 1,
                              .targets = &t,
                              .ntargets = 1};
        pm_chart_draw(cr, r, &cfg, &data);
    }
    cols_free(&c);
    return PM_OK;
}

/* The share per quarter as a line with its 95% interval as a band. */
static pm_error share_trend(const doc *d, const pm_result *res, const char *title,
                            const char *legend, cairo_t *cr, pm_rect r)
{
    size_t n = res->ntrend;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const pm_figures *f = &res->trend[i].f;
        c.v[0][i] = f->waarde;
        c.f[0][i] = f->has_waarde;
        c.v[1][i] = f->has_interval ? f->lo : f->waarde;
        c.v[2][i] = f->has_interval ? f->hi : f->waarde;
    }
    char pd[32], tl[48];
    snprintf(tl, sizeof tl, "doel %s", pct0(res->doel, pd, sizeof pd));
    pm_chart_cfg cfg;
    chart_cfg(d, &cfg, title, d->trend_sub);
    share_axis(&cfg);
    pm_series s = {.label = legend,
                   .kind = PM_SERIES_LINE,
                   .values = c.v[0],
                   .present = c.f[0],
                   .lo = c.v[1],
                   .hi = c.v[2],
                   .color = BLUE,
                   .value_labels = true,
                   .value_decimals = 1};
    pm_legend_item band = {"95%-betrouwbaarheidsinterval", band_of(BLUE)};
    pm_target t = {res->doel, tl};
    pm_chart_data data = {.categories = d->quarter_ptr,
                          .ncat = n,
                          .series = &s,
                          .nseries = 1,
                          .targets = &t,
                          .ntargets = 1,
                          .extra = &band,
                          .nextra = 1};
    pm_chart_draw(cr, r, &cfg, &data);
    cols_free(&c);
    return PM_OK;
}

/* ---- R1 ---------------------------------------------------------------- */

static pm_error r1_regio(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    (void)want;
    const pm_result *res = result(d, "R1");
    const pm_figures *f = &res->cumulatief;
    char p[32], pd[32];
    if (say) {
        if (f->has_waarde)
            add(say, size,
                "%s kreeg %s van de hulpvragen (%.0f van %.0f) binnen 5 werkdagen een "
                "reactie (doel %s). ",
                d->since, pct(f->waarde, p, sizeof p), f->teller, f->noemer,
                pct0(res->doel, pd, sizeof pd));
        else
            add(say, size, "%s is van geen enkele hulpvraag de termijn verstreken. ",
                d->since);
    }
    return share_bars(d, res, "regio", "Reactie binnen 5 werkdagen per regio", "regio",
                      "Regio's", "hulpvragen", cr, r, say, size);
}

static pm_error r1_trend(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    (void)want;
    const pm_result *res = result(d, "R1");
    const pm_figures *f = &res->periode;
    char p[32], pd[32];
    if (say) {
        if (f->has_waarde)
            add(say, size,
                "%s kreeg %s van de hulpvragen binnen 5 werkdagen een reactie (doel %s): "
                "%.0f van de %.0f. In lichtblauw het 95%%-betrouwbaarheidsinterval.",
                d->per_phrase, pct(f->waarde, p, sizeof p),
                pct0(res->doel, pd, sizeof pd), f->teller, f->noemer);
        else
            add(say, size, "%s is van geen enkele hulpvraag de termijn verstreken.",
                d->per_phrase);
    }
    if (!cr)
        return PM_OK;
    return share_trend(d, res, "Reactie binnen 5 werkdagen per kwartaal", "op tijd", cr,
                       r);
}

static pm_error r1_werkdagen(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                             double *want)
{
    (void)want;
    const pm_result *res = result(d, "R1");
    const pm_breakdown *b = visible(d, res, "werkdagen");
    size_t n = b ? b->ncells : 0;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    double all = 0, contacted = 0;
    const pm_cell *pending = NULL;
    for (size_t i = 0; i < n; i++) {
        const pm_cell *cell = &b->cumulatief[i];
        set_label(&c, i, pm_label_category_short("werkdagen", cell->key));
        bool late = strcmp(cell->key, "meer_dan_5") == 0;
        bool open = strcmp(cell->key, "lopend") == 0;
        c.v[0][i] = cell->teller;
        c.f[0][i] = true;
        c.f[1][i] = cell_hidden(d, b, cell);
        c.color[i] = open ? GREY : late ? VERMILLION : BLUE;
        all += cell->teller;
        if (open)
            pending = cell;
        else
            contacted += cell->teller;
    }
    if (all == 0)
        n = 0; /* no request at all: say so instead of a row of zeros */
    if (say) {
        const pm_figures *f = &res->cumulatief;
        char a[32], l[32];
        if (n == 0) {
            add(say, size, "%s zijn er geen hulpvragen ontvangen.", d->since);
        } else {
            add(say, size,
                "%s kregen %s hulpvragen binnen 5 werkdagen een eerste reactie", d->since,
                count(f->teller, a, sizeof a));
            add(say, size, " en %s later", count(f->noemer - f->teller, l, sizeof l));
            if (pending && pending->teller > 0) {
                if (cell_hidden(d, b, pending))
                    add(say, size, "; bij minder dan %d loopt de termijn nog",
                        d->cfg->min_cell);
                else
                    add(say, size, "; bij %s loopt de termijn nog",
                        count(pending->teller, a, sizeof a));
            }
            add(say, size, ".");
            /* The median of the contacted ones, read from the buckets. */
            double half = contacted / 2, run = 0;
            for (size_t i = 0; contacted > 0 && i < n; i++) {
                if (&b->cumulatief[i] == pending)
                    continue;
                run += b->cumulatief[i].teller;
                if (run >= half) {
                    const char *k = b->cumulatief[i].key;
                    if (strcmp(k, "meer_dan_5") == 0)
                        add(say, size,
                            " De helft kreeg pas na meer dan 5 werkdagen reactie.");
                    else if (strcmp(k, "0") == 0)
                        add(say, size,
                            " De helft kreeg nog op de dag van ontvangst reactie.");
                    else
                        add(say, size, " De helft kreeg binnen %s werkdag%s reactie.", k,
                            strcmp(k, "1") == 0 ? "" : "en");
                    break;
                }
            }
        }
    }
    if (cr) {
        pm_chart_cfg cfg;
        chart_cfg(d, &cfg, "Werkdagen tot het eerste contact", d->cum_sub);
        cfg.format = PM_FMT_COUNT;
        cfg.value_title = "aantal hulpvragen";
        cfg.category_title = "werkdagen na ontvangst";
        pm_series s = {.kind = PM_SERIES_BAR,
                       .values = c.v[0],
                       .present = c.f[0],
                       .hidden = c.f[1],
                       .color = BLUE,
                       .colors = c.color,
                       .value_labels = true};
        pm_legend_item extra[] = {{"binnen 5 werkdagen", BLUE},
                                  {"te laat", VERMILLION},
                                  {"termijn loopt nog", GREY}};
        pm_chart_data data = {.categories = c.cat,
                              .ncat = n,
                              .series = &s,
                              .nseries = 1,
                              .extra = extra,
                              .nextra = 3};
        pm_chart_draw(cr, r, &cfg, &data);
    }
    cols_free(&c);
    return PM_OK;
}

/* ---- R2 ---------------------------------------------------------------- */

static pm_error r2_scores(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                          double *want)
{
    (void)want;
    const pm_result *res = result(d, "R2");
    const pm_breakdown *b = visible(d, res, "scores");
    size_t n = b ? b->ncells : 0;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    double all = 0, good = 0;
    bool any_hidden = false;
    for (size_t i = 0; i < n; i++) {
        const pm_cell *cell = &b->cumulatief[i];
        set_label(&c, i, cell->key);
        bool ok = atoi(cell->key) >= 7;
        c.v[0][i] = cell->teller;
        c.f[0][i] = true;
        c.f[1][i] = cell_hidden(d, b, cell);
        any_hidden |= c.f[1][i];
        c.color[i] = ok ? GREEN : VERMILLION;
        all += cell->teller;
        good += ok ? cell->teller : 0;
    }
    if (all == 0)
        n = 0;
    if (say) {
        const pm_figures *f = &res->cumulatief;
        char a[32], p[32], pd[32];
        if (n == 0) {
            add(say, size, "%s zijn er geen evaluaties van de ondersteuning.", d->since);
        } else {
            /* With a withheld score the total would give it away. */
            if (any_hidden)
                add(say, size,
                    "Scores die minder dan %d keer gegeven zijn, staan als %s.",
                    d->cfg->min_cell, d->hidden);
            else
                add(say, size,
                    "%s gaven gemeenten en SOB's %s evaluaties; %s daarvan was een 7 of "
                    "hoger.",
                    d->since, count(all, a, sizeof a), pct(good / all, p, sizeof p));
            if (f->has_waarde)
                add(say, size,
                    " Per organisatie was %s tevreden: %.0f van %.0f gaven gemiddeld een "
                    "7 "
                    "of hoger (doel %s).",
                    pct(f->waarde, p, sizeof p), f->teller, f->noemer,
                    pct0(res->doel, pd, sizeof pd));
        }
    }
    if (cr) {
        pm_chart_cfg cfg;
        chart_cfg(d, &cfg, "Verdeling van de scores", d->cum_sub);
        cfg.format = PM_FMT_COUNT;
        cfg.value_title = "aantal evaluaties";
        cfg.category_title = "score (naar beneden afgerond op hele punten)";
        pm_series s = {.kind = PM_SERIES_BAR,
                       .values = c.v[0],
                       .present = c.f[0],
                       .hidden = c.f[1],
                       .color = GREEN,
                       .colors = c.color,
                       .value_labels = true};
        pm_legend_item extra[] = {{"lager dan 7", VERMILLION}, {"7 of hoger", GREEN}};
        pm_chart_data data = {.categories = c.cat,
                              .ncat = n,
                              .series = &s,
                              .nseries = 1,
                              .extra = extra,
                              .nextra = 2};
        pm_chart_draw(cr, r, &cfg, &data);
    }
    cols_free(&c);
    return PM_OK;
}

static pm_error r2_type(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                        double *want)
{
    (void)want;
    const pm_breakdown *b = visible(d, result(d, "R2"), "type");
    bool any = false;
    for (size_t i = 0; b && i < b->ncells; i++)
        any |= b->cumulatief[i].noemer > 0;
    if (say && any)
        add(say, size, "Tevreden per type, %s: ", d->cum_range);
    else if (say)
        add(say, size, "%s is geen enkele organisatie geëvalueerd.", d->since);
    return share_bars(d, result(d, "R2"), "type", "Tevreden organisaties per type",
                      "type organisatie", "Typen", "organisaties", cr, r, say, size);
}

static pm_error r2_regio(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    (void)want;
    const pm_result *res = result(d, "R2");
    const pm_breakdown *b = visible(d, res, "regio");
    if (say && b) {
        bool any = false;
        for (size_t i = 0; i < b->ncells; i++)
            any |= b->cumulatief[i].noemer > 0;
        if (!any)
            add(say, size, "%s is geen enkele organisatie geëvalueerd. ", d->since);
    }
    return share_bars(d, res, "regio", "Tevreden organisaties per regio", "regio",
                      "Regio's", "organisaties", cr, r, say, size);
}

/* ---- R3 ---------------------------------------------------------------- */

static pm_error r3_actief(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                          double *want)
{
    (void)want;
    const pm_result *res = result(d, "R3");
    size_t n = res->ntrend;
    if (say)
        add(say, size,
            "%s waren %ld specialisten actief (doel minimaal %d); %s in totaal %ld.",
            d->per_phrase, res->periode.actief, d->cfg->doel_r3_actief, d->since_lc,
            res->cumulatief.actief);
    if (!cr)
        return PM_OK;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        c.v[0][i] = (double)res->trend[i].f.actief;
        c.f[0][i] = true;
    }
    char tl[48];
    snprintf(tl, sizeof tl, "doel %d", d->cfg->doel_r3_actief);
    pm_chart_cfg cfg;
    chart_cfg(d, &cfg, "Actieve specialisten per kwartaal", d->trend_sub);
    cfg.format = PM_FMT_COUNT;
    cfg.value_title = "specialisten met inzet";
    pm_series s = {.kind = PM_SERIES_BAR,
                   .values = c.v[0],
                   .present = c.f[0],
                   .color = BLUE,
                   .value_labels = true};
    pm_target t = {(double)d->cfg->doel_r3_actief, tl};
    pm_chart_data data = {.categories = d->quarter_ptr,
                          .ncat = n,
                          .series = &s,
                          .nseries = 1,
                          .targets = &t,
                          .ntargets = 1};
    pm_chart_draw(cr, r, &cfg, &data);
    cols_free(&c);
    return PM_OK;
}

static pm_error r3_oordeel(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                           double *want)
{
    (void)want;
    const pm_result *res = result(d, "R3");
    const pm_figures *f = &res->periode;
    char p[32], pd[32];
    if (say) {
        if (f->has_waarde)
            add(say, size,
                "%s kreeg %s van de beoordeelde specialisten gemiddeld een 7 of hoger "
                "(%.0f van %.0f; doel %s).",
                d->per_phrase, pct(f->waarde, p, sizeof p), f->teller, f->noemer,
                pct0(res->doel, pd, sizeof pd));
        else
            add(say, size, "%s is geen enkele actieve specialist beoordeeld.",
                d->per_phrase);
        if (f->niet_beoordeeld == 1)
            add(say, size, " 1 actieve specialist is niet beoordeeld.");
        else if (f->niet_beoordeeld > 1)
            add(say, size, " %ld actieve specialisten zijn niet beoordeeld.",
                f->niet_beoordeeld);
    }
    if (!cr)
        return PM_OK;
    return share_trend(d, res,
                       "Specialisten gewaardeerd met een 7 of hoger, per kwartaal",
                       "aandeel 7 of hoger", cr, r);
}

static pm_error r3_specialisten(const doc *d, cairo_t *cr, pm_rect r, char *say,
                                size_t size, double *want)
{
    const pm_result *res = result(d, "R3");
    const pm_breakdown *b = visible(d, res, "specialist");
    size_t n = b ? b->ncells : 0, rated = 0, good = 0, unrated = 0;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const pm_cell *cell = &b->cumulatief[i];
        set_label(&c, k, cell->label[0] ? cell->label : cell->key);
        c.v[0][k] = cell->waarde;
        c.f[0][k] = cell->has_waarde;
        c.f[1][k] = !cell->has_waarde; /* active but not rated */
        bool ok = cell->has_waarde && cell->waarde >= 7.0 - 1e-9;
        c.color[k] = ok ? BLUE : VERMILLION;
        rated += cell->has_waarde;
        good += ok;
        unrated += !cell->has_waarde;
        k++;
    }
    /* Only names and "niet beoordeeld" is no chart: say it in words. */
    n = rated ? k : 0;
    if (want)
        *want = 70 + 13.0 * (double)n;
    if (say) {
        if (rated) {
            add(say, size,
                "Gemiddelde score per specialist, %s (alleen in de interne rapportage): "
                "%zu van de %zu beoordeelde specialisten halen gemiddeld een 7 of hoger",
                d->cum_range, good, rated);
            if (unrated)
                add(say, size, "; %zu %s niet beoordeeld", unrated,
                    unrated == 1 ? "is" : "zijn");
            add(say, size, ".");
        } else if (unrated) {
            add(say, size, "Nog geen van de %zu actieve specialisten is beoordeeld.",
                unrated);
        } else {
            add(say, size, "%s is geen specialist actief geweest.", d->since);
        }
    }
    if (cr) {
        pm_chart_cfg cfg;
        chart_cfg(d, &cfg, "Gemiddelde score per specialist", d->cum_sub);
        cfg.horizontal = true;
        cfg.format = PM_FMT_NUMBER;
        cfg.fix_min = cfg.fix_max = true;
        cfg.min = 0;
        cfg.max = 10;
        cfg.value_title = "gemiddelde score";
        cfg.hidden_text = "niet beoordeeld";
        cfg.hidden_legend = NULL;
        pm_series s = {.kind = PM_SERIES_BAR,
                       .values = c.v[0],
                       .present = c.f[0],
                       .hidden = c.f[1],
                       .color = BLUE,
                       .colors = c.color,
                       .value_labels = true,
                       .value_decimals = 1};
        pm_legend_item extra[] = {{"7 of hoger", BLUE}, {"lager dan 7", VERMILLION}};
        pm_target t = {7.0, "doel 7,0"};
        pm_chart_data data = {.categories = c.cat,
                              .ncat = n,
                              .series = &s,
                              .nseries = 1,
                              .targets = &t,
                              .ntargets = 1,
                              .extra = extra,
                              .nextra = 2};
        pm_chart_draw(cr, r, &cfg, &data);
    }
    cols_free(&c);
    return PM_OK;
}

/* ---- R4 and R5 --------------------------------------------------------- */

static pm_error milestones(const doc *d, const char *id, cairo_t *cr, pm_rect r,
                           char *say, size_t size, double *want)
{
    const pm_result *res = result(d, id);
    const pm_breakdown *b = visible(d, res, "mijlpalen");
    size_t n = b ? b->ncells : 0;
    pm_milestone *m = calloc(n ? n : 1, sizeof *m);
    if (!m)
        return PM_ERR_NOMEM;
    size_t k = 0, on_time = 0, late = 0, open = 0;
    for (size_t i = 0; i < n; i++) {
        /* The cumulatief table holds every milestone due so far. */
        const pm_cell *cell = &b->cumulatief[i];
        if (cell->noemer == 0 && b->periode[i].noemer == 0)
            continue;
        m[k].label = cell->label[0] ? cell->label : cell->key;
        m[k].planned = cell->d1;
        m[k].done = cell->has_d2;
        m[k].ready = cell->d2;
        if (!m[k].done)
            open++;
        else if (m[k].ready <= m[k].planned)
            on_time++;
        else
            late++;
        k++;
    }
    if (say) {
        char pd[16];
        if (k == 0)
            add(say, size, "Tot en met %s stond nog geen mijlpaal gepland.",
                pm_format_date(d->ctx->peildatum, pd, sizeof pd));
        else if (k == 1)
            add(say, size, "De enige mijlpaal die tot en met %s gepland stond, was %s.",
                pm_format_date(d->ctx->peildatum, pd, sizeof pd),
                on_time ? "op tijd gereed"
                : late  ? "te laat gereed"
                        : "nog niet gereed");
        else {
            /* Only the outcomes that occur, joined as a reader would. */
            char parts[3][48];
            size_t np = 0;
            if (on_time)
                snprintf(parts[np++], sizeof parts[0], "%zu op tijd gereed", on_time);
            if (late)
                snprintf(parts[np++], sizeof parts[0], "%zu te laat gereed", late);
            if (open)
                snprintf(parts[np++], sizeof parts[0], "%zu nog niet gereed", open);
            add(say, size,
                "Van de %zu mijlpalen die tot en met %s gepland stonden, %s er ", k,
                pm_format_date(d->ctx->peildatum, pd, sizeof pd),
                (on_time ? on_time
                 : late  ? late
                         : open) == 1
                    ? "was"
                    : "waren");
            for (size_t i = 0; i < np; i++)
                add(say, size, "%s%s",
                    i == 0        ? ""
                    : i + 1 == np ? " en "
                                  : ", ",
                    parts[i]);
            add(say, size, ".");
        }
    }
    pm_timeline_cfg cfg;
    pm_timeline_cfg_defaults(&cfg);
    if (want)
        *want = pm_timeline_want(&cfg, k);
    if (cr) {
        cfg.title = "Mijlpalen: gepland en gereed";
        cfg.subtitle = d->cum_sub;
        cfg.peildatum = d->ctx->peildatum;
        cfg.empty_text = pm_label_no_data;
        pm_timeline_draw(cr, r, &cfg, m, k);
    }
    free(m);
    return PM_OK;
}

static pm_error r4_mijlpalen(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                             double *want)
{
    return milestones(d, "R4", cr, r, say, size, want);
}

static pm_error r5_mijlpalen(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                             double *want)
{
    return milestones(d, "R5", cr, r, say, size, want);
}

/* Per quarter: the milestones due, on time against late or not done. */
static pm_error milestone_quarters(const doc *d, const char *id, cairo_t *cr, pm_rect r,
                                   char *say, size_t size)
{
    const pm_result *res = result(d, id);
    const pm_figures *f = &res->periode;
    if (say) {
        if (f->noemer == 0)
            add(say, size, "%s stond geen mijlpaal gepland.", d->per_phrase);
        else if (f->noemer == 1)
            add(say, size, "%s stond 1 mijlpaal gepland; die was %s.", d->per_phrase,
                f->teller >= 1 ? "op tijd gereed" : "niet op tijd gereed");
        else
            add(say, size,
                "%s stonden %.0f mijlpalen gepland, waarvan %.0f op tijd gereed.",
                d->per_phrase, f->noemer, f->teller);
    }
    if (!cr)
        return PM_OK;
    size_t n = res->ntrend;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        const pm_figures *q = &res->trend[i].f;
        c.v[0][i] = q->teller;
        c.v[1][i] = q->noemer - q->teller;
        c.f[0][i] = true;
        any |= q->noemer > 0;
    }
    pm_chart_cfg cfg;
    chart_cfg(d, &cfg, "Mijlpalen per kwartaal", d->trend_sub);
    cfg.format = PM_FMT_COUNT;
    cfg.value_title = "mijlpalen gepland in het kwartaal";
    pm_series s[] = {{.label = "op tijd gereed",
                      .kind = PM_SERIES_BAR,
                      .values = c.v[0],
                      .present = c.f[0],
                      .color = GREEN,
                      .value_labels = true},
                     {.label = "te laat of niet gereed",
                      .kind = PM_SERIES_BAR,
                      .values = c.v[1],
                      .present = c.f[0],
                      .color = VERMILLION,
                      .value_labels = true}};
    pm_chart_data data = {
        .categories = d->quarter_ptr, .ncat = any ? n : 0, .series = s, .nseries = 2};
    pm_chart_draw(cr, r, &cfg, &data);
    cols_free(&c);
    return PM_OK;
}

/* Counts of one or two a quarter need no full-height chart. */
#define QUARTER_CHART_H 190

static pm_error r4_kwartaal(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                            double *want)
{
    if (want)
        *want = QUARTER_CHART_H;
    return milestone_quarters(d, "R4", cr, r, say, size);
}

static pm_error r5_kwartaal(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                            double *want)
{
    if (want)
        *want = QUARTER_CHART_H;
    return milestone_quarters(d, "R5", cr, r, say, size);
}

static pm_error r4_opdrachtgever(const doc *d, cairo_t *cr, pm_rect r, char *say,
                                 size_t size, double *want)
{
    (void)want;
    const pm_result *res = result(d, "R4");
    const pm_figures *f = &res->periode;
    char m[16], g[16];
    snprintf(g, sizeof g, "%d,%d", d->cfg->r4_gemiddelde_x10 / 10,
             d->cfg->r4_gemiddelde_x10 % 10);
    if (say) {
        if (f->has_gemiddelde)
            add(say, size,
                "%s gaven de opdrachtgevers gemiddeld een %s (%ld evaluatie%s; "
                "doel minimaal %s).",
                d->per_phrase, pm_format_decimal(f->gemiddelde, 1, m, sizeof m),
                f->n_gemiddelde, f->n_gemiddelde == 1 ? "" : "s", g);
        else
            add(say, size, "%s hebben de opdrachtgevers geen evaluatie gegeven.",
                d->per_phrase);
    }
    if (!cr)
        return PM_OK;
    size_t n = res->ntrend;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        c.v[0][i] = res->trend[i].f.gemiddelde;
        c.f[0][i] = res->trend[i].f.has_gemiddelde;
    }
    char tl[32];
    snprintf(tl, sizeof tl, "doel %s", g);
    pm_chart_cfg cfg;
    chart_cfg(d, &cfg, "Waardering door de opdrachtgevers per kwartaal", d->trend_sub);
    cfg.fix_min = cfg.fix_max = true;
    cfg.min = 0;
    cfg.max = 10;
    cfg.value_title = "gemiddelde score";
    pm_series s = {.label = "gemiddelde score",
                   .kind = PM_SERIES_LINE,
                   .values = c.v[0],
                   .present = c.f[0],
                   .color = BLUE,
                   .value_labels = true,
                   .value_decimals = 1};
    pm_target t = {d->cfg->r4_gemiddelde_x10 / 10.0, tl};
    pm_chart_data data = {.categories = d->quarter_ptr,
                          .ncat = n,
                          .series = &s,
                          .nseries = 1,
                          .targets = &t,
                          .ntargets = 1};
    pm_chart_draw(cr, r, &cfg, &data);
    cols_free(&c);
    return PM_OK;
}

/* ---- R6 ---------------------------------------------------------------- */

static pm_error r6_cumulatief(const doc *d, cairo_t *cr, pm_rect r, char *say,
                              size_t size, double *want)
{
    (void)want;
    const pm_result *res = result(d, "R6");
    if (say && res->cumulatief.aantal == 0)
        add(say, size,
            "%s is nog geen kennisproduct gepubliceerd en actief verspreid (doel "
            "minimaal "
            "%d).",
            d->since, d->cfg->doel_r6);
    else if (say)
        add(say, size,
            "%s %s %ld kennisproduct%s gepubliceerd en actief verspreid (doel minimaal "
            "%d), waarvan %ld %s.",
            d->since, res->cumulatief.aantal == 1 ? "is" : "zijn", res->cumulatief.aantal,
            res->cumulatief.aantal == 1 ? "" : "en", d->cfg->doel_r6, res->periode.aantal,
            d->per_lc);
    if (!cr)
        return PM_OK;
    size_t n = res->ntrend;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    double run = 0;
    for (size_t i = 0; i < n; i++) {
        run += (double)res->trend[i].f.aantal;
        c.v[0][i] = (double)res->trend[i].f.aantal;
        c.v[1][i] = run;
        c.f[0][i] = true;
    }
    char tl[32];
    snprintf(tl, sizeof tl, "doel %d", d->cfg->doel_r6);
    pm_chart_cfg cfg;
    chart_cfg(d, &cfg, "Kennisproducten: cumulatief tegen het doel", d->trend_sub);
    cfg.format = PM_FMT_COUNT;
    cfg.value_title = "kennisproducten";
    pm_series s[] = {{.label = "per kwartaal",
                      .kind = PM_SERIES_BAR,
                      .values = c.v[0],
                      .present = c.f[0],
                      .color = SKY},
                     {.label = "cumulatief",
                      .kind = PM_SERIES_STEP,
                      .values = c.v[1],
                      .present = c.f[0],
                      .color = BLUE,
                      .value_labels = true}};
    pm_target t = {(double)d->cfg->doel_r6, tl};
    /* Nothing published yet is no data: words, not a flat line at zero. */
    pm_chart_data data = {.categories = d->quarter_ptr,
                          .ncat = run > 0 ? n : 0,
                          .series = s,
                          .nseries = 2,
                          .targets = &t,
                          .ntargets = 1};
    pm_chart_draw(cr, r, &cfg, &data);
    cols_free(&c);
    return PM_OK;
}

static pm_error r6_soort(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    const pm_result *res = result(d, "R6");
    const pm_breakdown *b = visible(d, res, "soort");
    size_t n = b ? b->ncells : 0;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    double all = 0;
    for (size_t i = 0; i < n; i++) {
        const pm_cell *cell = &b->cumulatief[i];
        set_label(&c, i, pm_label_category("soort", cell->key));
        c.v[0][i] = cell->teller;
        c.f[0][i] = true;
        all += cell->teller;
    }
    if (all == 0)
        n = 0;
    if (want)
        *want = 70 + 18.0 * (double)n;
    if (say) {
        if (n == 0) {
            add(say, size, "%s is nog geen kennisproduct gepubliceerd.", d->since);
        } else {
            add(say, size, "Per soort, %s: ", d->cum_range);
            bool first = true;
            for (size_t i = 0; i < n; i++) {
                if (b->cumulatief[i].teller <= 0)
                    continue;
                add(say, size, "%s%s %.0f", first ? "" : ", ", c.label[i],
                    b->cumulatief[i].teller);
                first = false;
            }
            add(say, size, ".");
            const pm_breakdown *pj = visible(d, res, "pijler");
            double with3 = 0;
            for (size_t i = 0; pj && i < pj->ncells; i++)
                if (strcmp(pj->cumulatief[i].key, "2") != 0)
                    with3 += pj->cumulatief[i].teller;
            if (pj)
                add(say, size, " Bij %.0f daarvan was pijler 3 betrokken.", with3);
        }
    }
    if (cr) {
        pm_chart_cfg cfg;
        chart_cfg(d, &cfg, "Kennisproducten per soort", d->cum_sub);
        cfg.format = PM_FMT_COUNT;
        cfg.horizontal = true;
        cfg.value_title = "aantal gepubliceerd en actief verspreid";
        pm_series s = {.kind = PM_SERIES_BAR,
                       .values = c.v[0],
                       .present = c.f[0],
                       .color = BLUE,
                       .value_labels = true};
        pm_chart_data data = {.categories = c.cat, .ncat = n, .series = &s, .nseries = 1};
        pm_chart_draw(cr, r, &cfg, &data);
    }
    cols_free(&c);
    return PM_OK;
}

/* ---- B ----------------------------------------------------------------- */

static int year_of(pm_day day)
{
    int y, m, dd;
    pm_day_to_ymd(day, &y, &m, &dd);
    return y;
}

static pm_error b_burnup(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    (void)want;
    const pm_result *res = result(d, "B");
    const pm_figures *f = &res->cumulatief;
    int year = year_of(d->ctx->peildatum);
    if (say) {
        char a[32], b2[32], p[32];
        if (f->has_begroting)
            add(say, size, "%s is %s uitgegeven van %s begroot (%s). ", d->since,
                eur(f->realisatie, a, sizeof a), eur(f->begroting, b2, sizeof b2),
                f->has_waarde ? pct(f->waarde, p, sizeof p) : "–");
        else
            add(say, size, "%s is %s uitgegeven; er is geen begroting. ", d->since,
                eur(f->realisatie, a, sizeof a));
        if (f->jaarbegroting > 0)
            add(say, size,
                "De prognose voor %d is %s tegen een jaarbegroting van %s (%s).", year,
                eur(f->prognose, a, sizeof a), eur(f->jaarbegroting, b2, sizeof b2),
                pct(f->prognose / f->jaarbegroting, p, sizeof p));
        else
            add(say, size, "Er is geen begroting voor %d.", year);
    }
    if (!cr)
        return PM_OK;
    size_t nt = res->ntrend;
    int q_end = year * 4 + 3;
    size_t n = nt ? (size_t)(q_end - d->ctx->q_first + 1) : 0;
    if (n < nt)
        n = nt;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    double real = 0, begr = 0, ytd_real = 0, ytd_begr = 0;
    for (size_t i = 0; i < n; i++) {
        pm_quarter_label(d->ctx->q_first + (int)i, c.label[i], sizeof c.label[i]);
        if (i >= nt)
            continue;
        const pm_figures *q = &res->trend[i].f;
        real += q->realisatie;
        begr += q->begroting;
        if (res->trend[i].quarter >= year * 4) {
            ytd_real += q->realisatie;
            ytd_begr += q->begroting;
        }
        c.v[0][i] = begr;
        c.v[1][i] = real;
        c.f[0][i] = true;
    }
    /* The forecast from the last known quarter to the year end, straight:
     * the prognose is a linear extrapolation of this year's spending. */
    bool forecast = nt > 0 && n > nt && f->jaarbegroting > 0;
    if (forecast) {
        size_t last = nt - 1;
        double real_end = real - ytd_real + f->prognose;
        double begr_end = begr - ytd_begr + f->jaarbegroting;
        for (size_t i = last; i < n; i++) {
            double t = (double)(i - last) / (double)(n - 1 - last);
            c.v[2][i] = real + (real_end - real) * t;
            c.v[3][i] = begr + (begr_end - begr) * t;
            c.f[1][i] = true;
        }
    }
    /* The legend carries the last values: the lines end close together. */
    char lp[64], lb[64], lr[96], lg[96], e1[32];
    snprintf(lp, sizeof lp, "prognose tot 31-12-%d", year);
    snprintf(lb, sizeof lb, "begroting tot 31-12-%d", year);
    snprintf(lg, sizeof lg, "begroting (%s)",
             pm_axis_format(begr, PM_FMT_EURO, 0, e1, sizeof e1));
    snprintf(lr, sizeof lr, "realisatie (%s)",
             pm_axis_format(real, PM_FMT_EURO, 0, e1, sizeof e1));
    char sub[128];
    if (forecast)
        snprintf(sub, sizeof sub, "Per kwartaal, %s t/m %s; na %s de prognose",
                 c.label[0], c.label[n - 1], c.label[nt - 1]);
    else
        snprintf(sub, sizeof sub, "%s", d->trend_sub);
    pm_chart_cfg cfg;
    chart_cfg(d, &cfg, "Budget: realisatie tegen begroting (burn-up)", sub);
    cfg.format = PM_FMT_EURO;
    cfg.value_title = "cumulatief sinds de start, in euro";
    pm_series s[] = {{.label = lg,
                      .kind = PM_SERIES_LINE,
                      .values = c.v[0],
                      .present = c.f[0],
                      .color = ORANGE},
                     {.label = lr,
                      .kind = PM_SERIES_LINE,
                      .values = c.v[1],
                      .present = c.f[0],
                      .color = BLUE},
                     {.label = lb,
                      .kind = PM_SERIES_LINE,
                      .values = c.v[3],
                      .present = c.f[1],
                      .color = ORANGE,
                      .dashed = true},
                     {.label = lp,
                      .kind = PM_SERIES_LINE,
                      .values = c.v[2],
                      .present = c.f[1],
                      .color = BLUE,
                      .dashed = true}};
    pm_chart_data data = {.categories = c.cat,
                          .ncat = nt ? n : 0,
                          .series = s,
                          .nseries = forecast ? 4 : 2};
    pm_chart_draw(cr, r, &cfg, &data);
    cols_free(&c);
    return PM_OK;
}

static pm_error b_posten(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    const pm_result *res = result(d, "B");
    const pm_breakdown *b = visible(d, res, "post");
    size_t n = b ? b->ncells : 0;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        const pm_cell *cell = &b->cumulatief[i];
        set_label(&c, i, pm_label_category("post", cell->key));
        c.v[0][i] = cell->noemer;
        c.v[1][i] = cell->teller;
        c.f[0][i] = true;
        any |= cell->noemer > 0 || cell->teller > 0;
    }
    if (!any)
        n = 0;
    if (want)
        *want = 70 + 30.0 * (double)n;
    if (say) {
        char p[32];
        bool first = true;
        for (size_t i = 0; i < n; i++) {
            const pm_cell *cell = &b->cumulatief[i];
            if (cell->teller <= cell->noemer + 0.005)
                continue;
            if (first)
                add(say, size, "Boven hun begroting, %s: ", d->cum_range);
            if (cell->noemer > 0)
                add(say, size, "%s%s (%s)", first ? "" : ", ", c.label[i],
                    pct(cell->teller / cell->noemer, p, sizeof p));
            else
                add(say, size, "%s%s (zonder begroting)", first ? "" : ", ", c.label[i]);
            first = false;
        }
        if (n == 0)
            add(say, size, "%s is er niets begroot of uitgegeven.", d->since);
        else if (first)
            add(say, size, "Alle posten blijven binnen hun begroting.");
        else
            add(say, size, ".");
    }
    if (cr) {
        pm_chart_cfg cfg;
        chart_cfg(d, &cfg, "Budget per post", d->cum_sub);
        cfg.format = PM_FMT_EURO;
        cfg.horizontal = true;
        cfg.bar_fill = 0.8;
        pm_series s[] = {{.label = "begroting",
                          .kind = PM_SERIES_BAR,
                          .values = c.v[0],
                          .present = c.f[0],
                          .color = ORANGE,
                          .value_labels = true},
                         {.label = "realisatie",
                          .kind = PM_SERIES_BAR,
                          .values = c.v[1],
                          .present = c.f[0],
                          .color = BLUE,
                          .value_labels = true}};
        pm_chart_data data = {.categories = c.cat, .ncat = n, .series = s, .nseries = 2};
        pm_chart_draw(cr, r, &cfg, &data);
    }
    cols_free(&c);
    return PM_OK;
}

/* ---- the pages --------------------------------------------------------- */

typedef struct chart_def {
    const char *png; /* the PNG's name without ".png": says what it shows */
    chart_fn fn;
    bool personal; /* names people: intern only (SPEC §6) */
    double weight; /* share of the page's height for charts */
} chart_def;

typedef struct page_def {
    const char *id;
    const char *extern_note; /* what an extern reader does not see, or NULL */
    chart_def charts[3];
    size_t ncharts;
} page_def;

static const page_def page_defs[] = {
    {"R1",
     NULL,
     {{"r1-regio", r1_regio, false, 1},
      {"r1-trend", r1_trend, false, 1},
      {"r1-werkdagen", r1_werkdagen, false, 1}},
     3},
    {"R2",
     NULL,
     {{"r2-scores", r2_scores, false, 1},
      {"r2-type", r2_type, false, 0.9},
      {"r2-regio", r2_regio, false, 1}},
     3},
    {"R3",
     "De scores per specialist staan alleen in de interne rapportage.",
     {{"r3-actief", r3_actief, false, 1},
      {"r3-oordeel", r3_oordeel, false, 1},
      {"r3-specialisten", r3_specialisten, true, 1.3}},
     3},
    {"R4",
     NULL,
     {{"r4-mijlpalen", r4_mijlpalen, false, 1.2},
      {"r4-kwartaal", r4_kwartaal, false, 0.9},
      {"r4-opdrachtgever", r4_opdrachtgever, false, 0.9}},
     3},
    {"R5",
     NULL,
     {{"r5-mijlpalen", r5_mijlpalen, false, 1}, {"r5-kwartaal", r5_kwartaal, false, 1}},
     2},
    {"R6",
     NULL,
     {{"r6-cumulatief", r6_cumulatief, false, 1}, {"r6-soort", r6_soort, false, 1}},
     2},
    {"B",
     NULL,
     {{"b-burnup", b_burnup, false, 1.1}, {"b-posten", b_posten, false, 1}},
     2},
};

#define NPAGE_DEFS (sizeof page_defs / sizeof page_defs[0])

static const page_def *page_def_for(const char *id)
{
    for (size_t i = 0; i < NPAGE_DEFS; i++)
        if (strcmp(page_defs[i].id, id) == 0)
            return &page_defs[i];
    return NULL;
}

static bool chart_shown(const doc *d, const chart_def *c)
{
    return d->intern || !c->personal;
}

/* "Pagina 2 van 8", the data fingerprint and the date, under every page. */
static void footer(const doc *d, cairo_t *cr, int page)
{
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
        d->ctx->period.label, pm_audience_name(d->in->audience),
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
            run += f->realisatie;
            run_b += f->begroting;
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
    char a[32], b[32];
    buf[0] = '\0';
    if (strcmp(res->id, "R1") == 0)
        snprintf(buf, size, "n = %s hulpvragen met verstreken termijn",
                 count(f->noemer, a, sizeof a));
    else if (strcmp(res->id, "R2") == 0)
        snprintf(buf, size, "n = %s organisaties met een evaluatie",
                 count(f->noemer, a, sizeof a));
    else if (strcmp(res->id, "R3") == 0)
        snprintf(buf, size, "n = %ld actief, %s beoordeeld", f->actief,
                 count(f->noemer, a, sizeof a));
    else if (strcmp(res->id, "R4") == 0)
        snprintf(buf, size, "n = %s mijlpalen, %ld evaluaties van opdrachtgevers",
                 count(f->noemer, a, sizeof a), f->n_gemiddelde);
    else if (strcmp(res->id, "R5") == 0)
        snprintf(buf, size, "n = %s mijlpalen", count(f->noemer, a, sizeof a));
    else if (strcmp(res->id, "R6") == 0)
        snprintf(buf, size, "n = %ld kennisproducten", f->aantal);
    else if (strcmp(res->id, "B") == 0)
        snprintf(buf, size, "Prognose %d: %s, jaarbegroting %s",
                 year_of(d->ctx->peildatum), eur(f->prognose, a, sizeof a),
                 eur(f->jaarbegroting, b, sizeof b));
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

    snprintf(buf, sizeof buf, "%s · %s", pm_status_name(res->status),
             pm_label_status_meaning((int)res->status));
    double bh;
    pm_status_badge(cr, x, y, 8.5, res->status, buf, true, &bh);
    y += bh + 6;

    char d1[16];
    snprintf(buf, sizeof buf, "Cumulatief t/m %s",
             pm_format_date(d->ctx->cum_to, d1, sizeof d1));
    t.size = 7.5;
    t.bold = false;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t);

    pm_text_value(res->id, &res->cumulatief, val, sizeof val);
    t.size = 17;
    t.bold = true;
    t.color = pm_ink;
    y += fit_line(cr, val, x, y, w, &t, 9) + 3;

    pm_text_value(res->id, &res->periode, val, sizeof val);
    snprintf(buf, sizeof buf, "Periode %s: %s (%s)", d->ctx->period.label, val,
             pm_status_name(res->periode.status));
    t.size = 8.5;
    t.bold = false;
    y += fit_line(cr, buf, x, y, w, &t, 7.5) + 2;

    char target[96];
    snprintf(buf, sizeof buf, "Doel: %s",
             pm_label_target(res->id, d->cfg, target, sizeof target));
    t.size = 8;
    y += fit_line(cr, buf, x, y, w, &t, 6.5) + 1;
    tile_n(d, res, buf, sizeof buf);
    t.color = pm_muted;
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
        pm_rect sr = {x, r.y + r.h - 30, w * 0.6, 22};
        pm_spark_draw(cr, sr, &sc_cfg, v, present, n);
    }
    free(v);
    free(present);
    t.size = 6.5;
    t.color = pm_muted;
    if (points >= 2) {
        snprintf(buf, sizeof buf, "verloop per kwartaal\n%s t/m %s\n- - -  doel",
                 d->quarter[0], d->quarter[n - 1]);
        t.width = w * 0.36;
        pm_text_draw(cr, buf, x + w * 0.64, r.y + r.h - 31, &t);
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
    static const char *const meaning[] = {
        "te weinig gegevens voor een oordeel",
        "het doel is gehaald",
        "het doel is (nog) niet gehaald, maar ligt binnen bereik",
        "het doel wordt niet gehaald",
    };
    const pm_status order[] = {PM_GROEN, PM_ORANJE, PM_ROOD, PM_GRIJS};
    for (size_t i = 0; i < 4; i++) {
        char buf[160];
        snprintf(buf, sizeof buf, "%s: %s", pm_status_name(order[i]), meaning[order[i]]);
        pm_status_icon(cr, x + 5, y + 5, 4.5, order[i]);
        y += pm_text_draw(cr, buf, x + 16, y, &t) + 3;
    }
    char text[400], d1[16];
    snprintf(
        text, sizeof text,
        "Het grote getal is cumulatief: vanaf de start van het programma (%s) tot de "
        "peildatum; de status hoort daarbij. De regel eronder is de periode. Het lijntje "
        "toont het verloop per kwartaal, de stippellijn het doel.",
        pm_format_date(d->ctx->cum_from, d1, sizeof d1));
    t.width = w;
    pm_text_draw(cr, text, x, y + 2, &t);
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
    const pm_context *ctx = d->ctx;
    snprintf(buf, sizeof buf, "Periode %s (%s t/m %s) · peildatum %s · publiek %s",
             ctx->period.label, pm_format_date(ctx->period.start, d1, sizeof d1),
             pm_format_date(ctx->period.end, d2, sizeof d2),
             pm_format_date(ctx->peildatum, d3, sizeof d3),
             pm_audience_name(d->in->audience));
    t.size = 9.5;
    y += pm_text_draw(cr, buf, x, y, &t) + 2;
    if (ctx->cum_from <= ctx->cum_to)
        snprintf(
            buf, sizeof buf,
            "Cumulatief: %s. De doelen gelden voor %s; de status van een indicator is "
            "die van het cumulatieve cijfer.",
            d->cum_range, pm_format_date(d->cfg->programma_einde, d1, sizeof d1));
    else
        snprintf(buf, sizeof buf,
                 "Het programma begint pas op %s: er is nog niets te tellen.",
                 pm_format_date(ctx->cum_from, d1, sizeof d1));
    t.size = 8.5;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t) + 8;

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
    const pm_status order[] = {PM_GROEN, PM_ORANJE, PM_ROOD, PM_GRIJS};
    for (size_t i = 0; i < 4; i++) {
        snprintf(buf, sizeof buf, "%d %s", per[order[i]], pm_status_name(order[i]));
        pm_status_icon(cr, sx + 5, y + th / 2, 5, order[i]);
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

/* Title, status and figures at the top of an indicator page; returns the
 * y below them. */
static double page_header(const doc *d, cairo_t *cr, const pm_result *res)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN, y = 30;
    pm_text_style t;
    pm_text_style_defaults(&t);
    char buf[600], v1[160], v2[160], target[96], d1[16];
    snprintf(buf, sizeof buf, "%s · periode %s · peildatum %s · publiek %s", REPORT_TITLE,
             d->ctx->period.label, pm_format_date(d->ctx->peildatum, d1, sizeof d1),
             pm_audience_name(d->in->audience));
    t.size = 7.5;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t) + 6;

    /* The badge sits right of the title, so measure it first. */
    snprintf(v1, sizeof v1, "%s · %s", pm_status_name(res->status),
             pm_label_status_meaning((int)res->status));
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

    pm_text_value(res->id, &res->cumulatief, v1, sizeof v1);
    pm_text_value(res->id, &res->periode, v2, sizeof v2);
    pm_label_target(res->id, d->cfg, target, sizeof target);
    glue(v1, sizeof v1);
    glue(v2, sizeof v2);
    glue(target, sizeof target);
    /* The markup is ours; every value in it is escaped. */
    char *line = g_markup_printf_escaped(
        "<b>Doel</b> %s   ·   <b>Cumulatief</b> %s   ·   <b>Periode %s</b> %s (%s)",
        target, v1, d->ctx->period.label, v2, pm_status_name(res->periode.status));
    t.size = 9;
    t.bold = false;
    t.width = w;
    t.markup = true;
    y += pm_text_draw(cr, line, x, y, &t) + 4;
    t.markup = false;
    g_free(line);

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
        add(def, sizeof def, " %s", p->extern_note);
    pm_text_style tdef = ts;
    tdef.size = 7.5;
    tdef.color = pm_muted;
    double dw, dh;
    pm_text_measure(cr, def, &tdef, &dw, &dh);
    double bottom = PAGE_H - FOOTER_H - 10 - dh;
    pm_text_draw(cr, def, x, bottom + 4, &tdef);

    /* Sentences first: their height decides what is left for the charts. */
    const chart_def *shown[3];
    char say[3][SAY_SIZE];
    double say_h[3], want[3], height[3], fixed = 0;
    size_t n = 0;
    for (size_t i = 0; i < p->ncharts; i++) {
        if (!chart_shown(d, &p->charts[i]))
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
    double avail = bottom - 8 - y - fixed;
    for (int round = 0; round < 3; round++) {
        double left = avail, weights = 0;
        for (size_t i = 0; i < n; i++) {
            if (height[i] > 0)
                left -= height[i];
            else
                weights += shown[i]->weight;
        }
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
    double left = avail, weights = 0;
    for (size_t i = 0; i < n; i++) {
        if (height[i] > 0)
            left -= height[i];
        else
            weights += shown[i]->weight;
    }
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

static pm_error write_pdf(doc *d, const char *path, char *msg, size_t msgsize)
{
    pm_outfile of;
    pm_error err = pm_outfile_open(&of, path, msg, msgsize);
    if (err)
        return err;
    out_stream os = {.fp = of.fp};
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(write_stream, &os, PAGE_W, PAGE_H);
    char title[160], subject[256], date[32], d1[16], d2[16], d3[16];
    snprintf(title, sizeof title, "%s — %s", REPORT_TITLE, d->ctx->period.label);
    snprintf(subject, sizeof subject,
             "%s, periode %s (%s t/m %s), peildatum %s, publiek %s", d->cfg->naam,
             d->ctx->period.label, pm_format_date(d->ctx->period.start, d1, sizeof d1),
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
        const page_def *p = page_def_for(res->id);
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
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", path,
                 pm_errno_text(os.err));
        err = PM_ERR_IO;
    } else if (!err && st != CAIRO_STATUS_SUCCESS) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", path,
                 st == CAIRO_STATUS_NO_MEMORY ? "onvoldoende geheugen"
                                              : "schrijffout bij het maken van de PDF");
        err = st == CAIRO_STATUS_NO_MEMORY ? PM_ERR_NOMEM : PM_ERR_IO;
    } else if (err) {
        snprintf(msg, msgsize, "%s: %s", path, pm_strerror(err));
    }
    if (err) {
        pm_outfile_abort(&of);
        return err;
    }
    return pm_outfile_commit(&of, msg, msgsize);
}

/* One chart as a PNG file in png_dir, on a white background. */
static pm_error write_png(const doc *d, const chart_def *c, char *msg, size_t msgsize)
{
    size_t len = strlen(d->in->png_dir) + strlen(c->png) + 8;
    char *path = malloc(len);
    if (!path)
        return PM_ERR_NOMEM;
    snprintf(path, len, "%s/%s.png", d->in->png_dir, c->png);

    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, PNG_W, PNG_H);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, PNG_SCALE, PNG_SCALE);
    double w = PNG_W / PNG_SCALE, h = PNG_H / PNG_SCALE;
    pm_error err = c->fn(d, cr, (pm_rect){16, 14, w - 32, h - 28}, NULL, 0, NULL);
    cairo_destroy(cr);
    cairo_surface_flush(s);

    pm_outfile of;
    if (!err)
        err = pm_outfile_open(&of, path, msg, msgsize);
    else
        snprintf(msg, msgsize, "%s: %s", path, pm_strerror(err));
    if (!err) {
        out_stream os = {.fp = of.fp};
        cairo_status_t st = cairo_surface_write_to_png_stream(s, write_stream, &os);
        if (st != CAIRO_STATUS_SUCCESS || os.err) {
            snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", path,
                     os.err ? pm_errno_text(os.err) : "schrijffout");
            pm_outfile_abort(&of);
            err = PM_ERR_IO;
        } else {
            err = pm_outfile_commit(&of, msg, msgsize);
        }
    }
    cairo_surface_destroy(s);
    free(path);
    return err;
}

static pm_error write_pngs(const doc *d, char *msg, size_t msgsize)
{
    for (size_t i = 0; i < d->rep->nresults; i++) {
        const page_def *p = page_def_for(d->rep->results[i].id);
        for (size_t k = 0; p && k < p->ncharts; k++) {
            if (!chart_shown(d, &p->charts[k]))
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
    d->ctx = &in->rep->ctx;
    d->cfg = in->rep->ctx.cfg;
    d->intern = in->audience == PM_INTERN;
    snprintf(d->hidden, sizeof d->hidden, "<%d", d->cfg->min_cell);
    snprintf(d->hidden_legend, sizeof d->hidden_legend,
             "%s: minder dan %d waarnemingen, niet getoond", d->hidden, d->cfg->min_cell);

    const pm_context *ctx = d->ctx;
    char d1[16], d2[16];
    pm_format_date(ctx->cum_from, d1, sizeof d1);
    snprintf(d->cum_range, sizeof d->cum_range, "%s t/m %s", d1,
             pm_format_date(ctx->cum_to, d2, sizeof d2));
    snprintf(d->cum_sub, sizeof d->cum_sub, "Cumulatief, %s", d->cum_range);
    snprintf(d->since, sizeof d->since, "Sinds %s", d1);
    snprintf(d->since_lc, sizeof d->since_lc, "sinds %s", d1);
    /* A period with a label of its own reads "In 2025-Q4"; a range of
     * dates reads as its dates. */
    if (strstr(ctx->period.label, ".."))
        snprintf(d->per_phrase, sizeof d->per_phrase, "In de periode %s t/m %s",
                 pm_format_date(ctx->period.start, d1, sizeof d1),
                 pm_format_date(ctx->period.end, d2, sizeof d2));
    else
        snprintf(d->per_phrase, sizeof d->per_phrase, "In %s", ctx->period.label);
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
        pm_quarter_label(ctx->q_first + (int)i, d->quarter[i], sizeof d->quarter[i]);
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
        d->npages += page_def_for(d->rep->results[i].id) != NULL;
    return PM_OK;
}

pm_error pm_pdf_write(const pm_pdf_input *in, const char *path, char *msg, size_t msgsize)
{
    doc d;
    pm_error err = doc_init(&d, in);
    if (err) {
        snprintf(msg, msgsize, "%s", pm_strerror(err));
        return err;
    }
    if (path)
        err = write_pdf(&d, path, msg, msgsize);
    if (!err && in->png_dir)
        err = write_pngs(&d, msg, msgsize);
    doc_free(&d);
    /* Fonts are cached per document; a long-running caller gets them back. */
    pm_chart_fonts_release();
    return err;
}
