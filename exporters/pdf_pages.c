/* pdf_pages.c — the charts of the indicator pages of the PDF report (SPEC §7),
 * each with the Dutch sentence under it, and the table of which page has which.
 *
 * Each chart is one function that builds its data from the report and
 * either writes its sentence, or draws onto the cairo_t it is given: a PDF
 * page or a PNG canvas, so both outputs come from the same code. The
 * audience rule of export.h decides what is drawn: extern gets no personal
 * charts, and breakdown cells below min_cell show "<5" instead of a bar
 * ("x" for a cell hidden beside a small one). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "format.h"
#include "labels.h"
#include "pdf_internal.h"
#include "period.h"

/* ---- text helper (its contract is in pdf_internal.h) ------------------ */

void pm_pdf_add(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, size - len, fmt, ap);
    va_end(ap);
}

/* A space between sentences, none at the start of a line. */
static const char *gap(const char *buf)
{
    size_t n = strlen(buf);
    return n && buf[n - 1] != '\n' ? " " : "";
}

void pm_pdf_marks_text(const doc *d, const pm_marks *m, char *buf, size_t size)
{
    if (m->primair)
        pm_pdf_add(buf, size, "%s%s.", gap(buf), d->hidden_legend);
    if (m->secundair)
        pm_pdf_add(buf, size, "%s%s.", gap(buf), d->secondary_legend);
}

double pm_pdf_marks_legend(const doc *d, cairo_t *cr, const pm_marks *m, double x,
                           double y, double w)
{
    char text[2 * PM_LEGEND_SIZE + 8] = "";
    pm_pdf_marks_text(d, m, text, sizeof text);
    if (!*text)
        return y;
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 8;
    t.color = pm_muted;
    t.width = w;
    return y + pm_text_draw(cr, text, x, y, &t) + 3;
}

/* ---- reading the report ------------------------------------------------ */

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

/* Why a cell is hidden (PM_SUPPRESS_NONE: shown): its mark is "<5" or "x". */
static pm_suppress cell_kind(const doc *d, const pm_breakdown *b, const pm_cell *c)
{
    return pm_cell_hidden(b, c, d->in->audience, d->cfg->min_cell);
}

/* Whether any category of b (NULL: none) counted someone so far: without,
 * a chart has nothing to show and its sentence says so. */
static bool any_counted(const pm_breakdown *b)
{
    bool any = false;
    for (size_t i = 0; b && i < b->ncells; i++)
        any |= b->cumulatief[i].noemer > 0;
    return any;
}

static char *pct(double f, char *buf, size_t size)
{
    return pm_format_percent(f, 1, buf, size);
}

static char *pct0(double f, char *buf, size_t size)
{
    return pm_format_percent(f, 0, buf, size);
}

/* Adds the sentence about share f against target doel: value_fmt when f
 * has a value, with lead, the percentage, teller, noemer and the target in
 * that order; else none_fmt with lead alone. */
static void say_share(char *say, size_t size, const pm_figures *f, double doel,
                      const char *lead, const char *value_fmt, const char *none_fmt)
{
    char p[32], pd[32];
    if (f->has_waarde)
        pm_pdf_add(say, size, value_fmt, lead, pct(f->waarde, p, sizeof p), f->teller,
                   f->noemer, pct0(doel, pd, sizeof pd));
    else
        pm_pdf_add(say, size, none_fmt, lead);
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

/* ---- chart settings ---------------------------------------------------- */

/* A chart config with this document's words for empty and withheld data. */
static void chart_cfg(const doc *d, pm_chart_cfg *c, const char *title,
                      const char *subtitle)
{
    pm_chart_cfg_defaults(c);
    c->title = title;
    c->subtitle = subtitle;
    c->empty_text = pm_label_no_data;
    c->hidden_text = d->hidden;
    c->hidden_legend = d->chart_hidden_legend;
    c->secondary_text = PM_MARK_SECUNDAIR;
    c->secondary_legend = d->chart_secondary_legend;
}

static void share_axis(pm_chart_cfg *c)
{
    c->format = PM_FMT_PERCENT;
    c->fix_min = c->fix_max = true;
    c->min = 0;
    c->max = 1;
}

/* The target line of a share: at res->doel, labelled "doel 90%" in label. */
static pm_target share_target(const pm_result *res, char *label, size_t size)
{
    char pd[32];
    snprintf(label, size, "doel %s", pct0(res->doel, pd, sizeof pd));
    return (pm_target){res->doel, label};
}

/* Draws one series over ncat categories, against the target line t (NULL:
 * none), with extra legend entries after the series' own. */
static void draw_series(cairo_t *cr, pm_rect r, const pm_chart_cfg *cfg,
                        const char *const *cat, size_t ncat, const pm_series *s,
                        const pm_target *t, const pm_legend_item *extra, size_t nextra)
{
    pm_chart_data data = {.categories = cat,
                          .ncat = ncat,
                          .series = s,
                          .nseries = 1,
                          .targets = t,
                          .ntargets = t ? 1 : 0,
                          .extra = extra,
                          .nextra = nextra};
    pm_chart_draw(cr, r, cfg, &data);
}

#define BLUE pm_okabe_ito[PM_OI_BLUE]
#define SKY pm_okabe_ito[PM_OI_SKY]
#define ORANGE pm_okabe_ito[PM_OI_ORANGE]
#define GREEN pm_okabe_ito[PM_OI_GREEN]
#define VERMILLION pm_okabe_ito[PM_OI_VERMILLION]
#define GREY pm_status_color(PM_GRIJS) /* 3:1 on white, as every mark */

/* The colour an interval band shows on white (the band is 18% opaque). */
static pm_rgb band_of(pm_rgb c)
{
    return (pm_rgb){c.r * 0.18 + 0.82, c.g * 0.18 + 0.82, c.b * 0.18 + 0.82};
}

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
    pm_marks seen = {0};
    int lo = -1, hi = -1;
    if (!any_counted(b))
        n = 0; /* nobody counted anywhere: say so, not a row of "<5" */
    for (size_t i = 0; i < n; i++) {
        const pm_cell *cell = &b->cumulatief[i];
        set_label(&c, i, pm_label_category(key, cell->key));
        c.v[0][i] = cell->waarde;
        c.f[0][i] = cell->has_waarde;
        /* Hidden as the JSON hides it (disclosure.h); an empty one shows 0. */
        pm_suppress why = pm_marks_add(&seen, cell_kind(d, b, cell));
        c.f[1][i] = why != PM_SUPPRESS_NONE;
        c.f[2][i] = why == PM_SUPPRESS_SECUNDAIR;
        if (!cell->has_waarde || c.f[1][i])
            continue;
        if (lo < 0 || cell->waarde < b->cumulatief[lo].waarde)
            lo = (int)i;
        if (hi < 0 || cell->waarde > b->cumulatief[hi].waarde)
            hi = (int)i;
    }
    char p1[32], p2[32], tl[48];
    pm_target t = share_target(res, tl, sizeof tl);
    if (say && n == 0 && !strstr(say, "geen"))
        pm_pdf_add(say, size, "Nog niets te tonen %s.", d->since_lc);
    if (say && n > 0) {
        bool said = strstr(say, "doel") != NULL; /* the lead named the target */
        if (lo >= 0 && n > 3 && lo != hi)
            pm_pdf_add(say, size,
                       "Per %s loopt het aandeel uiteen van %s (%s) tot %s (%s)%s%s. ",
                       per, pct(b->cumulatief[lo].waarde, p1, sizeof p1), c.label[lo],
                       pct(b->cumulatief[hi].waarde, p2, sizeof p2), c.label[hi],
                       said ? "" : "; ", said ? "" : tl);
        else if (lo >= 0) {
            bool first = true;
            for (size_t i = 0; i < n; i++) {
                const pm_cell *cell = &b->cumulatief[i];
                if (!cell->has_waarde && !c.f[1][i])
                    continue;
                pm_pdf_add(say, size, "%s%s ", first ? "" : ", ", c.label[i]);
                if (c.f[1][i])
                    pm_pdf_add(say, size, "%s",
                               c.f[2][i] ? PM_MARK_SECUNDAIR : d->hidden);
                else
                    pm_pdf_add(say, size, "%s (%.0f van %.0f)",
                               pct(cell->waarde, p1, sizeof p1), cell->teller,
                               cell->noemer);
                first = false;
            }
            pm_pdf_add(say, size, "; %s. ", tl);
        }
        if (seen.primair)
            pm_pdf_add(say, size, "%s met minder dan %d %s staan als %s.", groups,
                       d->cfg->min_cell, unit, d->hidden);
        if (seen.secundair)
            pm_pdf_add(say, size, "%s%s.", seen.primair ? " " : "", d->secondary_legend);
    }
    if (cr) {
        pm_chart_cfg cfg;
        chart_cfg(d, &cfg, title, d->cum_sub);
        share_axis(&cfg);
        pm_series s = {.kind = PM_SERIES_BAR,
                       .values = c.v[0],
                       .present = c.f[0],
                       .hidden = c.f[1],
                       .secondary = c.f[2],
                       .color = BLUE,
                       .value_labels = true,
                       .value_decimals = 1};
        draw_series(cr, r, &cfg, c.cat, n, &s, &t, NULL, 0);
    }
    cols_free(&c);
    return PM_OK;
}

/* How one trend chart words its figure and decides that a point changed.
 * The chart's own figure: R3's count of active specialists can be revised
 * while its share is not, and the reverse. */
typedef struct revised_kind {
    bool (*differs)(const doc *d, const pm_trend_point *p);
    /* The figure of f in words ("94,8%, 91 van 96"). */
    void (*figure)(const doc *d, const pm_figures *f, char *buf, size_t size);
    const char *why; /* why figures of an ended quarter change afterwards */
} revised_kind;

static bool differs_flag(const doc *d, const pm_trend_point *p)
{
    (void)d;
    return p->herzien;
}

static void figure_share(const doc *d, const pm_figures *f, char *buf, size_t size)
{
    (void)d;
    char p[32];
    if (f->has_waarde)
        snprintf(buf, size, "%s, %.0f van %.0f", pct(f->waarde, p, sizeof p), f->teller,
                 f->noemer);
    else
        snprintf(buf, size, "nog niets te meten");
}

static const char WHY_LATE[] =
    "omdat er later registraties over dat kwartaal binnenkwamen of termijnen "
    "sindsdien verstreken";

static const revised_kind REVISED_SHARE = {differs_flag, figure_share, WHY_LATE};

static bool differs_actief(const doc *d, const pm_trend_point *p)
{
    (void)d;
    return p->f.actief != p->eerder.actief;
}

static void figure_actief(const doc *d, const pm_figures *f, char *buf, size_t size)
{
    (void)d;
    snprintf(buf, size, "%ld actief", f->actief);
}

static const revised_kind REVISED_ACTIEF = {differs_actief, figure_actief, WHY_LATE};

static bool differs_milestones(const doc *d, const pm_trend_point *p)
{
    (void)d;
    return p->f.teller != p->eerder.teller || p->f.noemer != p->eerder.noemer;
}

static void figure_milestones(const doc *d, const pm_figures *f, char *buf, size_t size)
{
    (void)d;
    snprintf(buf, size, "%.0f van %.0f op tijd gereed", f->teller, f->noemer);
}

static const revised_kind REVISED_MILESTONES = {differs_milestones, figure_milestones,
                                                WHY_LATE};

/* Extern never quotes a mean in the note: one may be hidden now or may
 * have been then (SPEC §6), and two means of nearly the same evaluations
 * would give a hidden score away. So extern compares and words the counts
 * and the status only. */
static bool differs_mean(const doc *d, const pm_trend_point *p)
{
    if (p->f.n_gemiddelde != p->eerder.n_gemiddelde)
        return true;
    if (d->in->audience != PM_INTERN)
        return p->f.status != p->eerder.status;
    return p->f.has_gemiddelde != p->eerder.has_gemiddelde ||
           (p->f.has_gemiddelde && p->f.gemiddelde != p->eerder.gemiddelde);
}

static void figure_mean(const doc *d, const pm_figures *f, char *buf, size_t size)
{
    char m[16];
    const char *s = f->n_gemiddelde == 1 ? "" : "s";
    if (d->in->audience != PM_INTERN)
        snprintf(buf, size, "%ld evaluatie%s, status %s", f->n_gemiddelde, s,
                 pm_status_name(f->status));
    else if (f->has_gemiddelde)
        snprintf(buf, size, "gemiddeld %s uit %ld evaluatie%s",
                 pm_format_decimal(f->gemiddelde, 1, m, sizeof m), f->n_gemiddelde, s);
    else
        snprintf(buf, size, "%ld evaluatie%s", f->n_gemiddelde, s);
}

static const revised_kind REVISED_MEAN = {differs_mean, figure_mean, WHY_LATE};

static bool differs_aantal(const doc *d, const pm_trend_point *p)
{
    (void)d;
    return p->f.aantal != p->eerder.aantal;
}

static void figure_aantal(const doc *d, const pm_figures *f, char *buf, size_t size)
{
    (void)d;
    snprintf(buf, size, "%ld kennisproduct%s", f->aantal, f->aantal == 1 ? "" : "en");
}

static const revised_kind REVISED_AANTAL = {
    differs_aantal, figure_aantal,
    "omdat publicaties of verspreiding over dat kwartaal later zijn geregistreerd"};

static bool differs_money(const doc *d, const pm_trend_point *p)
{
    (void)d;
    return p->f.realisatie_cent != p->eerder.realisatie_cent ||
           p->f.begroting_cent != p->eerder.begroting_cent;
}

static void figure_money(const doc *d, const pm_figures *f, char *buf, size_t size)
{
    (void)d;
    char a[32], b[32];
    pm_format_euro_from_double(pm_cents_to_euros(f->realisatie_cent), a, sizeof a);
    pm_format_euro_from_double(pm_cents_to_euros(f->begroting_cent), b, sizeof b);
    snprintf(buf, size, "%s van %s", a, b);
}

static const revised_kind REVISED_MONEY = {
    differs_money, figure_money,
    "omdat er later boekingen of begrotingswijzigingen over dat kwartaal zijn "
    "geregistreerd"};

/* The quarter labels of res's trend, with " *" after each point the chart
 * shows revised (SPEC §5, "Revised figures"); lab holds the text, cat
 * points into it. Labels past the trend (B's forecast) stay unmarked. */
static void revised_categories(const doc *d, const pm_result *res, const revised_kind *k,
                               cols *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *q = i < d->nquarters ? d->quarter[i] : "";
        char buf[32];
        snprintf(buf, sizeof buf, "%s%s", q,
                 i < res->ntrend && k->differs(d, &res->trend[i]) ? " *" : "");
        set_label(c, i, buf);
    }
}

/* The most revised quarters the note gives figures for; it names them all. */
#define REVISED_FIGURES_MAX 3

/* The one note in words under a trend chart with revised points: what the
 * mark means, every revised quarter by name, and the figures now and then
 * of the latest few. Nothing when no point is revised. */
static void say_revised(const doc *d, const pm_result *res, const revised_kind *k,
                        char *say, size_t size)
{
    size_t nrev = 0, nsent = 0;
    for (size_t i = 0; i < res->ntrend; i++)
        if (k->differs(d, &res->trend[i])) {
            nrev++;
            nsent += res->trend[i].eerder_verzonden;
        }
    if (!say || nrev == 0)
        return;
    pm_pdf_add(say, size, " Kwartalen met * zijn herzien");
    if (nrev > 1) {
        pm_pdf_add(say, size, " (");
        size_t seen = 0;
        for (size_t i = 0; i < res->ntrend; i++)
            if (k->differs(d, &res->trend[i])) {
                seen++;
                pm_pdf_add(say, size, "%s%s",
                           seen == 1      ? ""
                           : seen == nrev ? " en "
                                          : ", ",
                           i < d->nquarters ? d->quarter[i] : "");
            }
        pm_pdf_add(say, size, ")");
    }
    pm_pdf_add(say, size, ": het cijfer wijkt af van wat %s (",
               nsent == nrev ? "eerder definitief is gerapporteerd"
               : nsent == 0  ? "aan het eind van dat kwartaal bekend was"
                             : "eerder definitief is gerapporteerd of, zonder "
                               "definitieve rapportage, aan het eind van dat kwartaal "
                               "bekend was");
    size_t skip = nrev > REVISED_FIGURES_MAX ? nrev - REVISED_FIGURES_MAX : 0, seen = 0;
    bool first = true;
    for (size_t i = 0; i < res->ntrend; i++) {
        const pm_trend_point *p = &res->trend[i];
        if (!k->differs(d, p) || seen++ < skip)
            continue;
        char now[96], then[96];
        k->figure(d, &p->f, now, sizeof now);
        k->figure(d, &p->eerder, then, sizeof then);
        pm_pdf_add(say, size, "%s%s: nu %s; toen %s", first ? "" : "; ",
                   i < d->nquarters ? d->quarter[i] : "", now, then);
        first = false;
    }
    pm_pdf_add(say, size, "), %s.", k->why);
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
    char tl[48];
    pm_target t = share_target(res, tl, sizeof tl);
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
    revised_categories(d, res, &REVISED_SHARE, &c, n);
    draw_series(cr, r, &cfg, c.cat, n, &s, &t, &band, 1);
    cols_free(&c);
    return PM_OK;
}

/* ---- R1 ---------------------------------------------------------------- */

static pm_error r1_regio(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    (void)want;
    const pm_result *res = result(d, "R1");
    if (say)
        say_share(say, size, &res->cumulatief, res->doel, d->since,
                  "%s kreeg %s van de hulpvragen (%.0f van %.0f) binnen 5 werkdagen een "
                  "reactie (doel %s). ",
                  "%s is van geen enkele hulpvraag de termijn verstreken. ");
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
    /* Not say_share: this sentence gives the counts after the target. */
    if (say) {
        if (f->has_waarde)
            pm_pdf_add(say, size,
                       "%s kreeg %s van de hulpvragen binnen 5 werkdagen een reactie "
                       "(doel %s): %.0f van de %.0f. In lichtblauw het "
                       "95%%-betrouwbaarheidsinterval.",
                       d->per_phrase, pct(f->waarde, p, sizeof p),
                       pct0(res->doel, pd, sizeof pd), f->teller, f->noemer);
        else
            pm_pdf_add(say, size,
                       "%s is van geen enkele hulpvraag de termijn verstreken.",
                       d->per_phrase);
        say_revised(d, res, &REVISED_SHARE, say, size);
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
        c.f[2][i] = cell_kind(d, b, cell) == PM_SUPPRESS_SECUNDAIR;
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
            pm_pdf_add(say, size, "%s zijn er geen hulpvragen ontvangen.", d->since);
        } else {
            pm_pdf_add(say, size,
                       "%s kregen %s hulpvragen binnen 5 werkdagen een eerste reactie",
                       d->since, pm_format_count(f->teller, a, sizeof a));
            pm_pdf_add(say, size, " en %s later",
                       pm_format_count(f->noemer - f->teller, l, sizeof l));
            if (pending && pending->teller > 0) {
                pm_suppress why = cell_kind(d, b, pending);
                if (why == PM_SUPPRESS_SECUNDAIR)
                    pm_pdf_add(say, size,
                               "; bij een niet getoond aantal (%s) loopt de termijn nog",
                               PM_MARK_SECUNDAIR);
                else if (why != PM_SUPPRESS_NONE)
                    pm_pdf_add(say, size, "; bij minder dan %d loopt de termijn nog",
                               d->cfg->min_cell);
                else
                    pm_pdf_add(say, size, "; bij %s loopt de termijn nog",
                               pm_format_count(pending->teller, a, sizeof a));
            }
            pm_pdf_add(say, size, ".");
            /* The median of the contacted ones, read from the buckets; not
             * when a bucket is hidden, as it would bound the hidden one. */
            double half = contacted / 2, run = 0;
            bool any_hidden = false;
            for (size_t i = 0; i < n; i++)
                any_hidden |= c.f[1][i];
            for (size_t i = 0; contacted > 0 && !any_hidden && i < n; i++) {
                if (&b->cumulatief[i] == pending)
                    continue;
                run += b->cumulatief[i].teller;
                if (run >= half) {
                    const char *k = b->cumulatief[i].key;
                    if (strcmp(k, "meer_dan_5") == 0)
                        pm_pdf_add(
                            say, size,
                            " De helft kreeg pas na meer dan 5 werkdagen reactie.");
                    else if (strcmp(k, "0") == 0)
                        pm_pdf_add(
                            say, size,
                            " De helft kreeg nog op de dag van ontvangst reactie.");
                    else
                        pm_pdf_add(say, size,
                                   " De helft kreeg binnen %s werkdag%s reactie.", k,
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
                       .secondary = c.f[2],
                       .color = BLUE,
                       .colors = c.color,
                       .value_labels = true};
        pm_legend_item extra[] = {{"binnen 5 werkdagen", BLUE},
                                  {"te laat", VERMILLION},
                                  {"termijn loopt nog", GREY}};
        draw_series(cr, r, &cfg, c.cat, n, &s, NULL, extra, 3);
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
    pm_marks seen = {0};
    for (size_t i = 0; i < n; i++) {
        const pm_cell *cell = &b->cumulatief[i];
        set_label(&c, i, cell->key);
        bool ok = atoi(cell->key) >= 7;
        c.v[0][i] = cell->teller;
        c.f[0][i] = true;
        pm_suppress why = pm_marks_add(&seen, cell_kind(d, b, cell));
        c.f[1][i] = why != PM_SUPPRESS_NONE;
        c.f[2][i] = why == PM_SUPPRESS_SECUNDAIR;
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
            pm_pdf_add(say, size, "%s zijn er geen evaluaties van de ondersteuning.",
                       d->since);
        } else {
            /* With a withheld score the total would give it away. */
            if (seen.primair)
                pm_pdf_add(say, size,
                           "Scores die minder dan %d keer gegeven zijn, staan als %s.",
                           d->cfg->min_cell, d->hidden);
            if (seen.secundair)
                pm_pdf_add(say, size,
                           "%sScores als %s zijn vaker gegeven, maar niet getoond, zodat "
                           "een kleine cel niet is af te leiden (secundaire "
                           "onderdrukking).",
                           seen.primair ? " " : "", PM_MARK_SECUNDAIR);
            if (!seen.primair && !seen.secundair)
                pm_pdf_add(say, size,
                           "%s gaven gemeenten en SOB's %s evaluaties; %s daarvan was "
                           "een 7 of hoger.",
                           d->since, pm_format_count(all, a, sizeof a),
                           pct(good / all, p, sizeof p));
            if (f->has_waarde)
                pm_pdf_add(say, size,
                           " Per organisatie was %s tevreden: %.0f van %.0f gaven "
                           "gemiddeld een 7 of hoger (doel %s).",
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
                       .secondary = c.f[2],
                       .color = GREEN,
                       .colors = c.color,
                       .value_labels = true};
        pm_legend_item extra[] = {{"lager dan 7", VERMILLION}, {"7 of hoger", GREEN}};
        draw_series(cr, r, &cfg, c.cat, n, &s, NULL, extra, 2);
    }
    cols_free(&c);
    return PM_OK;
}

static pm_error r2_type(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                        double *want)
{
    (void)want;
    const pm_result *res = result(d, "R2");
    if (say && any_counted(visible(d, res, "type")))
        pm_pdf_add(say, size, "Tevreden per type, %s: ", d->cum_range);
    else if (say)
        pm_pdf_add(say, size, "%s is geen enkele organisatie geëvalueerd.", d->since);
    return share_bars(d, res, "type", "Tevreden organisaties per type",
                      "type organisatie", "Typen", "organisaties", cr, r, say, size);
}

static pm_error r2_regio(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    (void)want;
    const pm_result *res = result(d, "R2");
    const pm_breakdown *b = visible(d, res, "regio");
    /* Without the breakdown share_bars says so itself. */
    if (say && b && !any_counted(b))
        pm_pdf_add(say, size, "%s is geen enkele organisatie geëvalueerd. ", d->since);
    return share_bars(d, res, "regio", "Tevreden organisaties per regio", "regio",
                      "Regio's", "organisaties", cr, r, say, size);
}

/* R2 per quarter, like R1's trend: where revised points get their mark. */
static pm_error r2_trend(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    (void)want;
    const pm_result *res = result(d, "R2");
    const pm_figures *f = &res->periode;
    char p[32], pd[32];
    if (say) {
        if (f->has_waarde)
            pm_pdf_add(
                say, size,
                "%s gaven %.0f van de %.0f geëvalueerde organisaties gemiddeld een "
                "7 of hoger: %s (doel %s).",
                d->per_phrase, f->teller, f->noemer, pct(f->waarde, p, sizeof p),
                pct0(res->doel, pd, sizeof pd));
        else
            pm_pdf_add(say, size, "%s is geen enkele organisatie geëvalueerd.",
                       d->per_phrase);
        say_revised(d, res, &REVISED_SHARE, say, size);
    }
    if (!cr)
        return PM_OK;
    return share_trend(d, res, "Tevreden organisaties per kwartaal", "tevreden", cr, r);
}

/* ---- R3 ---------------------------------------------------------------- */

static pm_error r3_actief(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                          double *want)
{
    (void)want;
    const pm_result *res = result(d, "R3");
    size_t n = res->ntrend;
    if (say)
        pm_pdf_add(
            say, size,
            "%s waren %ld specialisten actief (doel minimaal %d); %s in totaal %ld.",
            d->per_phrase, res->periode.actief, d->cfg->doel_r3_actief, d->since_lc,
            res->cumulatief.actief);
    say_revised(d, res, &REVISED_ACTIEF, say, size);
    if (!cr)
        return PM_OK;
    cols c;
    if (cols_alloc(&c, n))
        return PM_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        c.v[0][i] = (double)res->trend[i].f.actief;
        /* Hidden for extern under a filter (SPEC §9): no bar, not a 0. */
        c.f[0][i] = pm_figures_visible(&res->trend[i].f);
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
    revised_categories(d, res, &REVISED_ACTIEF, &c, n);
    draw_series(cr, r, &cfg, c.cat, n, &s, &t, NULL, 0);
    cols_free(&c);
    return PM_OK;
}

static pm_error r3_oordeel(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                           double *want)
{
    (void)want;
    const pm_result *res = result(d, "R3");
    const pm_figures *f = &res->periode;
    if (say) {
        say_share(say, size, f, res->doel, d->per_phrase,
                  "%s kreeg %s van de beoordeelde specialisten gemiddeld een 7 of hoger "
                  "(%.0f van %.0f; doel %s).",
                  "%s is geen enkele actieve specialist beoordeeld.");
        if (f->niet_beoordeeld == 1)
            pm_pdf_add(say, size, " 1 actieve specialist is niet beoordeeld.");
        else if (f->niet_beoordeeld > 1)
            pm_pdf_add(say, size, " %ld actieve specialisten zijn niet beoordeeld.",
                       f->niet_beoordeeld);
        say_revised(d, res, &REVISED_SHARE, say, size);
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
        set_label(&c, k, cell->label ? cell->label : cell->key);
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
            pm_pdf_add(say, size,
                       "Gemiddelde score per specialist, %s (alleen in de interne "
                       "rapportage): %zu van de %zu beoordeelde specialisten halen "
                       "gemiddeld een 7 of hoger",
                       d->cum_range, good, rated);
            if (unrated)
                pm_pdf_add(say, size, "; %zu %s niet beoordeeld", unrated,
                           unrated == 1 ? "is" : "zijn");
            pm_pdf_add(say, size, ".");
        } else if (unrated) {
            pm_pdf_add(say, size,
                       "Nog geen van de %zu actieve specialisten is beoordeeld.",
                       unrated);
        } else {
            pm_pdf_add(say, size, "%s is geen specialist actief geweest.", d->since);
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
        draw_series(cr, r, &cfg, c.cat, n, &s, &t, extra, 2);
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
        m[k].label = cell->label ? cell->label : cell->key;
        m[k].planned = cell->d1;
        m[k].done = cell->has_d2;
        m[k].ready = cell->d2;
        m[k].late_workdays = cell->werkdagen_te_laat;
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
            pm_pdf_add(say, size, "Tot en met %s stond nog geen mijlpaal gepland.",
                       pm_format_date(d->ctx->peildatum, pd, sizeof pd));
        else if (k == 1)
            pm_pdf_add(say, size,
                       "De enige mijlpaal die tot en met %s gepland stond, was %s.",
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
            pm_pdf_add(say, size,
                       "Van de %zu mijlpalen die tot en met %s gepland stonden, %s er ",
                       k, pm_format_date(d->ctx->peildatum, pd, sizeof pd),
                       (on_time ? on_time
                        : late  ? late
                                : open) == 1
                           ? "was"
                           : "waren");
            for (size_t i = 0; i < np; i++)
                pm_pdf_add(say, size, "%s%s",
                           i == 0        ? ""
                           : i + 1 == np ? " en "
                                         : ", ",
                           parts[i]);
            pm_pdf_add(say, size, ".");
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
            pm_pdf_add(say, size, "%s stond geen mijlpaal gepland.", d->per_phrase);
        else if (f->noemer == 1)
            pm_pdf_add(say, size, "%s stond 1 mijlpaal gepland; die was %s.",
                       d->per_phrase,
                       f->teller >= 1 ? "op tijd gereed" : "niet op tijd gereed");
        else
            pm_pdf_add(say, size,
                       "%s stonden %.0f mijlpalen gepland, waarvan %.0f op tijd gereed.",
                       d->per_phrase, f->noemer, f->teller);
        say_revised(d, res, &REVISED_MILESTONES, say, size);
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
    revised_categories(d, res, &REVISED_MILESTONES, &c, n);
    pm_chart_data data = {
        .categories = c.cat, .ncat = any ? n : 0, .series = s, .nseries = 2};
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
            pm_pdf_add(say, size,
                       "%s gaven de opdrachtgevers gemiddeld een %s (%ld evaluatie%s; "
                       "doel minimaal %s).",
                       d->per_phrase, pm_format_decimal(f->gemiddelde, 1, m, sizeof m),
                       f->n_gemiddelde, f->n_gemiddelde == 1 ? "" : "s", g);
        else if (f->gemiddelde_onderdrukt)
            pm_pdf_add(say, size,
                       "%s is het gemiddelde van de opdrachtgevers niet getoond: %s "
                       "(minder dan %d, of van minder dan %d organisaties). De status "
                       "rust daarom op de mijlpalen alleen.",
                       d->per_phrase, PM_MEAN_HIDDEN, d->cfg->min_cell, PM_MEAN_MIN_ORGS);
        else
            pm_pdf_add(say, size, "%s hebben de opdrachtgevers geen evaluatie gegeven.",
                       d->per_phrase);
        /* No mean shown in any quarter (extern, all hidden): no chart
         * to carry a mark, so no note about marks either. */
        bool shown = false;
        for (size_t i = 0; i < res->ntrend; i++)
            shown |= res->trend[i].f.has_gemiddelde;
        if (shown)
            say_revised(d, res, &REVISED_MEAN, say, size);
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
    revised_categories(d, res, &REVISED_MEAN, &c, n);
    draw_series(cr, r, &cfg, c.cat, n, &s, &t, NULL, 0);
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
        pm_pdf_add(say, size,
                   "%s is nog geen kennisproduct gepubliceerd en actief verspreid (doel "
                   "minimaal %d).",
                   d->since, d->cfg->doel_r6);
    else if (say)
        pm_pdf_add(say, size,
                   "%s %s %ld kennisproduct%s gepubliceerd en actief verspreid (doel "
                   "minimaal %d), waarvan %ld %s.",
                   d->since, res->cumulatief.aantal == 1 ? "is" : "zijn",
                   res->cumulatief.aantal, res->cumulatief.aantal == 1 ? "" : "en",
                   d->cfg->doel_r6, res->periode.aantal, d->per_lc);
    say_revised(d, res, &REVISED_AANTAL, say, size);
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
    revised_categories(d, res, &REVISED_AANTAL, &c, n);
    pm_chart_data data = {.categories = c.cat,
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
            pm_pdf_add(say, size, "%s is nog geen kennisproduct gepubliceerd.", d->since);
        } else {
            pm_pdf_add(say, size, "Per soort, %s: ", d->cum_range);
            bool first = true;
            for (size_t i = 0; i < n; i++) {
                if (b->cumulatief[i].teller <= 0)
                    continue;
                pm_pdf_add(say, size, "%s%s %.0f", first ? "" : ", ", c.label[i],
                           b->cumulatief[i].teller);
                first = false;
            }
            pm_pdf_add(say, size, ".");
            const pm_breakdown *pj = visible(d, res, "pijler");
            double with3 = 0;
            for (size_t i = 0; pj && i < pj->ncells; i++)
                if (strcmp(pj->cumulatief[i].key, "2") != 0)
                    with3 += pj->cumulatief[i].teller;
            if (pj)
                pm_pdf_add(say, size, " Bij %.0f daarvan was pijler 3 betrokken.", with3);
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
        draw_series(cr, r, &cfg, c.cat, n, &s, NULL, NULL, 0);
    }
    cols_free(&c);
    return PM_OK;
}

/* ---- B ----------------------------------------------------------------- */

static pm_error b_burnup(const doc *d, cairo_t *cr, pm_rect r, char *say, size_t size,
                         double *want)
{
    (void)want;
    const pm_result *res = result(d, "B");
    const pm_figures *f = &res->cumulatief;
    int year, month, day;
    pm_day_to_ymd(d->ctx->peildatum, &year, &month, &day);
    if (say) {
        char a[32], b2[32], p[32];
        if (f->has_begroting)
            pm_pdf_add(say, size, "%s is %s uitgegeven van %s begroot (%s). ", d->since,
                       pm_format_euro_from_double(pm_cents_to_euros(f->realisatie_cent),
                                                  a, sizeof a),
                       pm_format_euro_from_double(pm_cents_to_euros(f->begroting_cent),
                                                  b2, sizeof b2),
                       f->has_waarde ? pct(f->waarde, p, sizeof p) : "–");
        else
            pm_pdf_add(say, size, "%s is %s uitgegeven; er is geen begroting. ", d->since,
                       pm_format_euro_from_double(pm_cents_to_euros(f->realisatie_cent),
                                                  a, sizeof a));
        if (f->geen_prognose)
            pm_pdf_add(say, size,
                       "Voor %d is er geen prognose: dat jaar valt na de laatste "
                       "doelperiode.",
                       year);
        else if (f->jaarbegroting_cent > 0)
            pm_pdf_add(say, size,
                       "De prognose voor %d is %s tegen een jaarbegroting van %s (%s).",
                       year,
                       pm_format_euro_from_double(pm_cents_to_euros(f->prognose_cent), a,
                                                  sizeof a),
                       pm_format_euro_from_double(
                           pm_cents_to_euros(f->jaarbegroting_cent), b2, sizeof b2),
                       pct(pm_cents_to_euros(f->prognose_cent) /
                               pm_cents_to_euros(f->jaarbegroting_cent),
                           p, sizeof p));
        else
            pm_pdf_add(say, size, "Er is geen begroting voor %d.", year);
        say_revised(d, res, &REVISED_MONEY, say, size);
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
        pm_format_quarter_short(d->ctx->q_first + (int)i, c.label[i], sizeof c.label[i]);
        if (i >= nt)
            continue;
        if (differs_money(d, &res->trend[i]))
            snprintf(c.label[i] + strlen(c.label[i]),
                     sizeof c.label[i] - strlen(c.label[i]), " *");
        const pm_figures *q = &res->trend[i].f;
        real += pm_cents_to_euros(q->realisatie_cent);
        begr += pm_cents_to_euros(q->begroting_cent);
        if (res->trend[i].quarter >= year * 4) {
            ytd_real += pm_cents_to_euros(q->realisatie_cent);
            ytd_begr += pm_cents_to_euros(q->begroting_cent);
        }
        c.v[0][i] = begr;
        c.v[1][i] = real;
        c.f[0][i] = true;
    }
    /* The forecast from the last known quarter to the year end, straight:
     * the prognose is a linear extrapolation of this year's spending. */
    bool forecast = nt > 0 && n > nt && f->jaarbegroting_cent > 0;
    if (forecast) {
        size_t last = nt - 1;
        double real_end = real - ytd_real + pm_cents_to_euros(f->prognose_cent);
        double begr_end = begr - ytd_begr + pm_cents_to_euros(f->jaarbegroting_cent);
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
        c.v[0][i] = pm_cents_to_euros(cell->begroting_cent);
        c.v[1][i] = pm_cents_to_euros(cell->realisatie_cent);
        c.f[0][i] = true;
        any |= cell->begroting_cent > 0 || cell->realisatie_cent > 0;
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
            if (cell->realisatie_cent <= cell->begroting_cent)
                continue;
            if (first)
                pm_pdf_add(say, size, "Boven hun begroting, %s: ", d->cum_range);
            if (cell->begroting_cent > 0)
                pm_pdf_add(say, size, "%s%s (%s)", first ? "" : ", ", c.label[i],
                           pct(pm_cents_to_euros(cell->realisatie_cent) /
                                   pm_cents_to_euros(cell->begroting_cent),
                               p, sizeof p));
            else
                pm_pdf_add(say, size, "%s%s (zonder begroting)", first ? "" : ", ",
                           c.label[i]);
            first = false;
        }
        if (n == 0)
            pm_pdf_add(say, size, "%s is er niets begroot of uitgegeven.", d->since);
        else if (first)
            pm_pdf_add(say, size, "Alle posten blijven binnen hun begroting.");
        else
            pm_pdf_add(say, size, ".");
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

/* ---- the page table ---------------------------------------------------- */

static const page_def page_defs[] = {
    {"R1",
     NULL,
     {{"r1-regio", r1_regio, false, 1},
      {"r1-trend", r1_trend, false, 1},
      {"r1-werkdagen", r1_werkdagen, false, 1}},
     3},
    {"R2",
     NULL,
     /* The scores chart carries two legend lines and an axis title above
      * its bars; at weight 1 its plot was 25 pt high. */
     {{"r2-scores", r2_scores, false, 1.35},
      {"r2-type", r2_type, false, 0.75},
      {"r2-regio", r2_regio, false, 0.85},
      {"r2-trend", r2_trend, false, 0.85}},
     4},
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

const page_def *pm_pdf_page_def(const char *id)
{
    for (size_t i = 0; i < NPAGE_DEFS; i++)
        if (strcmp(page_defs[i].id, id) == 0)
            return &page_defs[i];
    return NULL;
}
