/* xlsx.c — the Excel workbook of SPEC §7 with libxlsxwriter: Overzicht, one
 * sheet per indicator (tables, trend, native charts reading those cells),
 * the coordinator's Toelichting (xlsx_toelichting.c), Definities, and for
 * intern the row-level sheets of the period.
 *
 * The workbook is written in constant_memory mode, which flushes a row as
 * soon as a later one is written, so memory stays flat however many rows
 * the period has. That mode applies to every sheet: each sheet is planned
 * first and then written strictly top to bottom. The sheet writer below
 * (xs_*) can only move down; charts float above the cells and are added
 * once the rows they read are known. */
#include "xlsx.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "xlsx_internal.h"

#include "chart_alt.h"
#include "dataset.h"
#include "format.h"
#include "labels.h"
#include "outfile.h"
#include "rowsource.h"
#include "xlsx_summary.h"
#include "xlsx_toelichting.h"

/* ---- words of the workbook ---------------------------------------------
 * Indicator names, targets, definitions and categories come from labels.h;
 * these are the workbook's own headings. */

#define TITLE "Voortgangsrapportage pijler 2"
#define AUTHOR "pijlermonitor"
#define COMPANY "VNG — Platform Sociaal Domein"

/* Every sheet prints the report's title and period above and the programme
 * and page below; an intern sheet carries the mark in the middle of the
 * header, and the sheet's name moves to the footer. */
static void print_texts(xw *w)
{
    char naam[160], period[96], pname[64];
    hf_escape(w->cfg->naam, naam, sizeof naam);
    pm_format_period(w->rep->scope.period.start, w->rep->scope.period.end, pname,
                     sizeof pname);
    hf_escape(pname, period, sizeof period);
    /* &A is the sheet name, &P and &N the page and the number of pages;
     * &"-,Bold" and &K set the font and its colour. */
    if (w->in->audience == PM_INTERN) {
        snprintf(w->header, sizeof w->header, "&L%s&C&\"-,Bold\"&KC00000%s&R%s", TITLE,
                 pm_label_intern_mark, period);
        snprintf(w->footer, sizeof w->footer, "&L%s&C&A&RPagina &P van &N", naam);
    } else {
        snprintf(w->header, sizeof w->header, "&L%s&C&A&R%s", TITLE, period);
        snprintf(w->footer, sizeof w->footer, "&L%s&RPagina &P van &N", naam);
    }
}

/* A cell hidden for extern: its mark ("<5", or "x" beside a small one),
 * remembered for the sheet's legend. */
static void xs_hidden(xs *s, lxw_col_t col, pm_suppress why)
{
    char mark[PM_MARK_SIZE];
    pm_marks_add(&s->marks, why);
    xs_text(s, col, pm_hidden_mark(why, s->w->cfg->min_cell, mark, sizeof mark),
            XF_HIDDEN);
}

/* Under the sheet: what its marks mean, one line per mark it shows and
 * none for a mark it does not (SPEC §6). */
static void xs_marks_legend(xs *s, lxw_col_t last)
{
    static const pm_suppress kinds[] = {PM_SUPPRESS_PRIMAIR, PM_SUPPRESS_SECUNDAIR};
    bool any = false;
    for (size_t i = 0; i < 2; i++) {
        if (kinds[i] == PM_SUPPRESS_PRIMAIR ? !s->marks.primair : !s->marks.secundair)
            continue;
        char line[PM_LEGEND_SIZE + 1];
        pm_hidden_legend(kinds[i], s->w->cfg->min_cell, line, sizeof line - 1);
        strcat(line, ".");
        if (!any)
            xs_down(s, 1);
        any = true;
        xs_paragraph(s, 0, last, line, XF_NOTE);
        xs_down(s, 1);
    }
}

/* ---- shared helpers ------------------------------------------------------ */

static bool is_id(const pm_result *r, const char *id)
{
    return strcmp(r->id, id) == 0;
}

static const char *sheet_name(const pm_result *r)
{
    return is_id(r, "B") ? "Budget" : r->id;
}

/* "01-10-2025 t/m 31-12-2025", or "(leeg)" for an empty range. */
static char *range_text(pm_day from, pm_day to, char *buf, size_t size)
{
    char a[16], b[16];
    if (from > to)
        snprintf(buf, size, "(leeg)");
    else
        snprintf(buf, size, "%s t/m %s", pm_format_date(from, a, sizeof a),
                 pm_format_date(to, b, sizeof b));
    return buf;
}

/* Dutch local time of t as "31-12-2025 14:05". Central European time with
 * summer time from the last Sunday of March to the last Sunday of October
 * (01:00 UTC), computed here rather than from TZ so the same
 * SOURCE_DATE_EPOCH gives the same bytes on every machine. */
static void nl_time(time_t t, char *buf, size_t size)
{
    struct tm u;
    gmtime_r(&t, &u);
    int y = u.tm_year + 1900;
    pm_day mar = pm_day_from_ymd(y, 3, 31), oct = pm_day_from_ymd(y, 10, 31);
    mar -= pm_day_weekday(mar) % 7;
    oct -= pm_day_weekday(oct) % 7;
    long long secs = (long long)t;
    bool summer =
        secs >= (long long)mar * 86400 + 3600 && secs < (long long)oct * 86400 + 3600;
    time_t local = t + (summer ? 7200 : 3600);
    struct tm l;
    gmtime_r(&local, &l);
    snprintf(buf, size, "%02d-%02d-%04d %02d:%02d", l.tm_mday, l.tm_mon + 1,
             l.tm_year + 1900, l.tm_hour, l.tm_min);
}

/* ---- figures: one field of a pm_figures, as a cell ------------------------
 * Tables list the fields they show (src); fig_value gives each one's value
 * and format. An absent value is an empty cell, as JSON's null. */

typedef enum src {
    S_END,
    S_VAN,
    S_TOT,
    S_TELLER,
    S_NOEMER,
    S_WAARDE,
    S_LO,
    S_HI,
    S_N,
    S_STATUS,
    S_ACTIEF,
    S_NIET_BEOORDEELD,
    S_GEMIDDELDE,
    S_N_GEMIDDELDE,
    S_AANTAL,
    S_REALISATIE,
    S_BEGROTING,
    S_PROGNOSE,
    S_JAARBEGROTING,
    S_CUM_AANTAL,
    S_CUM_REALISATIE,
    S_CUM_BEGROTING,
    S_DOEL,
    S_DOEL_ACTIEF,
    S_REDEN, /* the status's reason in words (SPEC §5) */
    NSRC
} src;

static const char *const src_heads[NSRC] = {
    [S_VAN] = "Van",
    [S_TOT] = "Tot en met",
    [S_LO] = "Interval laag (95%)",
    [S_HI] = "Interval hoog (95%)",
    [S_N] = "Waarnemingen (n)",
    [S_STATUS] = "Status",
    [S_ACTIEF] = "Actieve specialisten",
    [S_NIET_BEOORDEELD] = "Actief, niet beoordeeld",
    [S_GEMIDDELDE] = "Gemiddelde score opdrachtgevers",
    [S_N_GEMIDDELDE] = "Evaluaties opdrachtgevers",
    [S_AANTAL] = "Aantal",
    [S_REALISATIE] = "Realisatie",
    [S_BEGROTING] = "Begroting",
    [S_PROGNOSE] = "Prognose jaar",
    [S_JAARBEGROTING] = "Jaarbegroting",
    [S_CUM_AANTAL] = "Aantal cumulatief",
    [S_CUM_REALISATIE] = "Realisatie cumulatief",
    [S_CUM_BEGROTING] = "Begroting cumulatief",
    [S_DOEL] = "Doel",
    [S_DOEL_ACTIEF] = "Doel actief",
    [S_REDEN] = "Reden van de status",
};

static const char *src_head(const pm_result *r, src s)
{
    switch (s) {
    case S_TELLER: return pm_label_teller(r->id);
    case S_NOEMER: return pm_label_noemer(r->id);
    case S_WAARDE: return pm_label_waarde(r->id);
    default: return src_heads[s];
    }
}

/* Running sums over the trend, for the cumulative columns and charts. */
typedef struct cumsum {
    double aantal;
    int64_t realisatie_cent, begroting_cent;
} cumsum;

static bool fig_value(const xw *w, const pm_result *r, const pm_figures *f,
                      const cumsum *c, src s, double *v, xf *fmt)
{
    bool money = is_id(r, "B");
    *fmt = XF_INT;
    switch (s) {
    case S_TELLER:
        *v = money ? pm_cents_to_euros(f->realisatie_cent) : f->teller;
        *fmt = money ? XF_EURO : XF_INT;
        return true;
    case S_NOEMER:
        *v = money ? pm_cents_to_euros(f->begroting_cent) : f->noemer;
        *fmt = money ? XF_EURO : XF_INT;
        return f->has_noemer;
    case S_WAARDE:
        *v = f->waarde;
        *fmt = XF_PCT;
        return f->has_waarde;
    case S_LO:
        *v = f->lo;
        *fmt = XF_PCT;
        return f->has_interval;
    case S_HI:
        *v = f->hi;
        *fmt = XF_PCT;
        return f->has_interval;
    case S_ACTIEF: *v = (double)f->actief; return true;
    case S_NIET_BEOORDEELD: *v = (double)f->niet_beoordeeld; return true;
    case S_GEMIDDELDE:
        *v = f->gemiddelde;
        *fmt = XF_SCORE;
        return f->has_gemiddelde;
    case S_N_GEMIDDELDE: *v = (double)f->n_gemiddelde; return true;
    case S_AANTAL: *v = (double)f->aantal; return true;
    case S_REALISATIE:
        *v = pm_cents_to_euros(f->realisatie_cent);
        *fmt = XF_EURO;
        return true;
    case S_BEGROTING:
        *v = pm_cents_to_euros(f->begroting_cent);
        *fmt = XF_EURO;
        return f->has_begroting;
    case S_PROGNOSE:
        *v = pm_cents_to_euros(f->prognose_cent);
        *fmt = XF_EURO;
        return !f->geen_prognose;
    case S_JAARBEGROTING:
        *v = pm_cents_to_euros(f->jaarbegroting_cent);
        *fmt = XF_EURO;
        return !f->geen_prognose;
    case S_CUM_AANTAL: *v = c ? c->aantal : 0; return c != NULL;
    case S_CUM_REALISATIE:
        *v = c ? pm_cents_to_euros(c->realisatie_cent) : 0;
        *fmt = XF_EURO;
        return c != NULL;
    case S_CUM_BEGROTING:
        *v = c ? pm_cents_to_euros(c->begroting_cent) : 0;
        *fmt = XF_EURO;
        return c != NULL;
    case S_DOEL:
        *v = r->doel;
        *fmt = is_id(r, "R6") ? XF_INT : XF_PCT;
        return true;
    case S_DOEL_ACTIEF: *v = (double)w->cfg->doel_r3_actief; return true;
    default: return false;
    }
}

/* Writes field s of f at col: a date, a status word or a number. */
static void put_field(xs *s, lxw_col_t col, const pm_result *r, const pm_figures *f,
                      const cumsum *c, src what)
{
    double v;
    xf fmt;
    if (what == S_VAN || what == S_TOT) {
        if (f->from <= f->to)
            xs_date(s, col, what == S_VAN ? f->from : f->to);
    } else if (!pm_figures_visible(f) && what != S_ACTIEF && what != S_STATUS &&
               what != S_REDEN && what != S_DOEL && what != S_DOEL_ACTIEF) {
        /* Hidden for extern under a filter (SPEC §9), like a hidden cell. */
        xs_hidden(s, col, f->suppress);
    } else if (what == S_STATUS) {
        xs_status(s, col, f->status);
    } else if (what == S_REDEN) {
        char why[320];
        xs_text(s, col, pm_label_reden(r->id, f, s->w->cfg, why, sizeof why), XF_PLAIN);
    } else if (fig_value(s->w, r, f, c, what, &v, &fmt)) {
        xs_num(s, col, v, fmt);
    } else if (what == S_GEMIDDELDE && f->gemiddelde_onderdrukt) {
        xs_text(s, col, PM_MEAN_HIDDEN, XF_PLAIN);
    }
}

/* ---- Overzicht ------------------------------------------------------------ */

/* The overview's value for an indicator: the share, R6's count, or B's
 * uitputting; "n" is the noemer where it counts observations. */
static bool ov_value(const pm_result *r, const pm_figures *f, double *v, xf *fmt)
{
    if (is_id(r, "R6")) {
        *v = (double)f->aantal;
        *fmt = XF_INT;
        return true;
    }
    *v = f->waarde;
    *fmt = XF_PCT;
    return f->has_waarde;
}

static bool ov_n(const pm_result *r, const pm_figures *f, double *v)
{
    *v = f->noemer;
    return f->has_noemer && !is_id(r, "B") && !is_id(r, "R6");
}

/* The indicators' own figures, below the main table. */
static const struct ov_extra {
    const char *id, *label;
    src s;
    bool cum_only; /* the same for both ranges: shown once */
} ov_extras[] = {
    {"R3", "Actieve specialisten", S_ACTIEF, false},
    {"R3", "Actief, niet beoordeeld", S_NIET_BEOORDEELD, false},
    {"R4", "Gemiddelde score opdrachtgevers", S_GEMIDDELDE, false},
    {"R4", "Evaluaties opdrachtgevers", S_N_GEMIDDELDE, false},
    {"R6", "Kennisproducten gepubliceerd en verspreid", S_AANTAL, false},
    {"B", "Realisatie", S_REALISATIE, false},
    {"B", "Begroting", S_BEGROTING, false},
    {"B", "Prognose realisatie hele jaar", S_PROGNOSE, true},
    {"B", "Jaarbegroting", S_JAARBEGROTING, true},
};

enum {
    OV_ID,
    OV_NAAM,
    OV_DOEL,
    OV_PER,
    OV_PER_N,
    OV_PER_ST,
    OV_CUM,
    OV_CUM_N,
    OV_LO,
    OV_HI,
    OV_STATUS,
    OV_REDEN,     /* the reason beside the status (SPEC §5) */
    OV_PER_REDEN, /* and that of the periode's status */
    OV_NCOLS
};

/* clang-format off */
static const char *const ov_heads[OV_NCOLS] = {
    "Id", "Indicator", "Doel", "Waarde periode", "n periode", "Status periode",
    "Waarde cumulatief", "n cumulatief", "Interval laag (cumulatief, 95%)",
    "Interval hoog (cumulatief, 95%)", "Status (cumulatief)", "Reden van de status",
    "Reden status periode"};
/* clang-format on */

/* With --vergelijk (SPEC §9) the overview gets three more columns: the
 * comparison period's value, the difference as a number, and the words. */
enum { OV_VGL = OV_NCOLS, OV_VERSCHIL, OV_VGL_TEKST, OV_NCOLS_VGL };

static void ov_comparison_heads(xs *s)
{
    char name[64], head[96];
    pm_label_vergelijking_periode(&s->w->rep->scope, name, sizeof name);
    snprintf(head, sizeof head, "Waarde %s", name);
    xs_head(s, OV_VGL, head);
    xs_head(s, OV_VERSCHIL, "Verschil met de periode");
    xs_head(s, OV_VGL_TEKST, "Vergelijking");
}

static void ov_comparison(xs *s, const pm_result *r)
{
    const pm_comparison *k = &r->vergelijking;
    char words[512];
    double v;
    xf fmt;
    if (k->suppress != PM_SUPPRESS_NONE) {
        xs_hidden(s, OV_VGL, pm_comparison_value_hidden(k));
        xs_hidden(s, OV_VERSCHIL, pm_comparison_verschil_hidden(k));
    } else {
        if (ov_value(r, &k->f, &v, &fmt))
            xs_num(s, OV_VGL, v, fmt);
        if (k->has_verschil && is_id(r, "R6"))
            xs_num(s, OV_VERSCHIL, k->verschil, XF_DIFF);
        else if (k->has_verschil)
            xs_num(s, OV_VERSCHIL, k->verschil * 100.0, XF_PP);
    }
    xs_text(s, OV_VGL_TEKST,
            pm_label_vergelijking(r, &s->w->rep->scope, words, sizeof words), XF_PLAIN);
}

static void ov_header_block(xs *s)
{
    const xw *w = s->w;
    const pm_scope *ctx = &w->rep->scope;
    char buf[256];
    xs_height(s, 24);
    xs_text(s, 0, TITLE, XF_TITLE);
    xs_down(s, 1);
    xs_text(s, 0, w->cfg->naam, XF_SUBTITLE);
    xs_down(s, 2);
    xs_label(s, "Periode");
    xs_text(s, OV_DOEL,
            pm_format_period(ctx->period.start, ctx->period.end, buf, sizeof buf),
            XF_PLAIN);
    xs_down(s, 1);
    xs_label(s, "Van");
    xs_date(s, OV_DOEL, ctx->period.start);
    xs_down(s, 1);
    xs_label(s, "Tot en met");
    xs_date(s, OV_DOEL, ctx->period.end);
    xs_down(s, 1);
    xs_label(s, "Peildatum");
    xs_date(s, OV_DOEL, ctx->peildatum);
    xs_down(s, 1);
    /* A follow-up target period counts from its own start (SPEC §3). */
    xs_label(s, "Cumulatief vanaf (start doelperiode)");
    xs_date(s, OV_DOEL,
            w->rep->nresults ? w->rep->results[0].cumulatief.from : ctx->cum_from);
    xs_down(s, 1);
    /* Under a filter (SPEC §9): whose figures R1-R3 are, in words. */
    if (pm_filter_active(&ctx->filter)) {
        char words[512], line[640];
        snprintf(line, sizeof line, "%s (R1, R2 en R3; R4, R5, R6 en B: hele programma)",
                 pm_label_filter(&ctx->filter, words, sizeof words));
        xs_label(s, "Filter");
        xs_text(s, OV_DOEL, line, XF_PLAIN);
        xs_down(s, 1);
    }
    if (ctx->vergelijk != PM_VERGELIJK_GEEN) {
        char name[64];
        xs_label(s, "Vergeleken met");
        snprintf(buf, sizeof buf, "%s (zoals bekend op de peildatum)",
                 pm_label_vergelijking_periode(ctx, name, sizeof name));
        xs_text(s, OV_DOEL, buf, XF_PLAIN);
        xs_down(s, 1);
    }
    xs_label(s, "Publiek");
    if (w->in->audience == PM_INTERN)
        snprintf(buf, sizeof buf,
                 "intern: met namen, cijfers per organisatie en specialist, en de "
                 "afzonderlijke regels van de periode");
    else
        snprintf(buf, sizeof buf,
                 "extern: alleen totalen; geen namen; cellen met minder dan %d "
                 "waarnemingen als %s, en cellen die verborgen zijn zodat een kleine "
                 "cel niet is af te leiden als %s",
                 w->cfg->min_cell, w->hidden, PM_MARK_SECUNDAIR);
    xs_text(s, OV_DOEL, buf, XF_PLAIN);
    xs_down(s, 1);
    xs_label(s, "Gemaakt op");
    nl_time(w->in->created, buf, sizeof buf);
    xs_text(s, OV_DOEL, buf, XF_PLAIN);
    xs_down(s, 1);
    xs_label(s, "Gegevensvingerafdruk");
    xs_text(s, OV_DOEL, w->in->fingerprint, XF_PLAIN);
    xs_down(s, 1);
    /* How far each dataset reaches (SPEC §5): real date cells, "geen" for
     * a dataset without dated rows. */
    size_t nitems;
    const pm_reach_item *items = pm_label_reach_items(&nitems);
    for (size_t i = 0; i < nitems; i++) {
        int k = items[i].kind;
        snprintf(buf, sizeof buf, "Gegevens tot (%s)", items[i].name);
        xs_label(s, buf);
        if (w->rep->has_tot[k])
            xs_date(s, OV_DOEL, w->rep->gegevens_tot[k]);
        else
            xs_text(s, OV_DOEL, "geen", XF_PLAIN);
        xs_down(s, 1);
    }
    char warn[PM_REACH_WARNINGS_MAX][PM_REACH_WARNING_SIZE];
    size_t nwarn =
        pm_label_reach_warnings(w->rep->has_tot, w->rep->gegevens_tot, ctx->peildatum,
                                ctx->period.start, warn, PM_REACH_WARNINGS_MAX);
    for (size_t i = 0; i < nwarn; i++) {
        xs_label(s, i == 0 ? "Let op" : "");
        xs_text(s, OV_DOEL, warn[i], XF_BOLD);
        xs_down(s, 1);
    }
    xs_down(s, 1);
}

/* The value and n of one range, or its mark ("<5", "x") for both where the
 * figure is hidden for extern under a filter (SPEC §9). */
static void ov_figure(xs *s, const pm_result *r, const pm_figures *f, lxw_col_t value,
                      lxw_col_t n)
{
    double v;
    xf fmt;
    if (!pm_figures_visible(f)) {
        xs_hidden(s, value, f->suppress);
        xs_hidden(s, n, f->suppress);
        return;
    }
    if (ov_value(r, f, &v, &fmt))
        xs_num(s, value, v, fmt);
    if (ov_n(r, f, &v))
        xs_num(s, n, v, XF_INT);
}

static void ov_indicator_row(xs *s, const pm_result *r)
{
    char doel[128];
    xs_text(s, OV_ID, r->id, XF_BOLD);
    char naam[160];
    snprintf(naam, sizeof naam, "%s%s", pm_label_indicator(r->id)->naam,
             pm_filter_active(&s->w->rep->scope.filter) && !r->gefilterd
                 ? " (hele programma)"
                 : "");
    xs_text(s, OV_NAAM, naam, XF_PLAIN);
    xs_text(s, OV_DOEL, pm_label_target(r->id, s->w->cfg, doel, sizeof doel), XF_PLAIN);
    ov_figure(s, r, &r->periode, OV_PER, OV_PER_N);
    xs_status(s, OV_PER_ST, r->periode.status);
    ov_figure(s, r, &r->cumulatief, OV_CUM, OV_CUM_N);
    if (r->cumulatief.has_interval) {
        xs_num(s, OV_LO, r->cumulatief.lo, XF_PCT);
        xs_num(s, OV_HI, r->cumulatief.hi, XF_PCT);
    }
    xs_status(s, OV_STATUS, r->status);
    char why[320];
    const pm_config *cfg = s->w->cfg;
    xs_text(s, OV_REDEN, pm_label_reden(r->id, &r->cumulatief, cfg, why, sizeof why),
            XF_PLAIN);
    xs_text(s, OV_PER_REDEN, pm_label_reden(r->id, &r->periode, cfg, why, sizeof why),
            XF_PLAIN);
}

/* The verdict on every ended target period, a block of its own (SPEC §3):
 * the figures over its whole range as known on the peildatum. */
static void ov_eindstand(xs *s)
{
    const pm_report *rep = s->w->rep;
    size_t ne = rep->nresults ? rep->results[0].neindstanden : 0;
    for (size_t e = 0; e < ne; e++) {
        const pm_eindstand *first = &rep->results[0].eindstanden[e];
        char head[200], d1[16], d2[16], d3[16];
        snprintf(head, sizeof head,
                 "Eindstand %s (doelperiode %s t/m %s, zoals bekend op %s)",
                 pm_format_date(first->tot, d1, sizeof d1),
                 pm_format_date(first->van, d2, sizeof d2),
                 pm_format_date(first->tot, d1, sizeof d1),
                 pm_format_date(rep->scope.peildatum, d3, sizeof d3));
        xs_text(s, 0, head, XF_SUBTITLE);
        xs_down(s, 1);
        static const char *const heads[] = {"Id", "Indicator", "Doel",   "Waarde",
                                            "n",  "Oordeel",   "Status", "Reden"};
        for (lxw_col_t c = 0; c < 8; c++)
            xs_head(s, c, heads[c]);
        xs_down(s, 1);
        for (size_t i = 0; i < rep->nresults; i++) {
            const pm_result *r = &rep->results[i];
            if (e >= r->neindstanden)
                continue;
            const pm_figures *f = &r->eindstanden[e].f;
            char doel[128], why[320];
            xs_text(s, 0, r->id, XF_BOLD);
            xs_text(s, 1, pm_label_indicator(r->id)->naam, XF_PLAIN);
            xs_text(s, 2, pm_label_target(r->id, s->w->cfg, doel, sizeof doel), XF_PLAIN);
            ov_figure(s, r, f, 3, 4);
            xs_text(s, 5,
                    pm_figures_visible(f) ? pm_label_oordeel((int)f->oordeel)
                                          : "onderdrukt",
                    XF_BOLD);
            xs_status(s, 6, f->status);
            xs_text(s, 7, pm_label_reden(r->id, f, s->w->cfg, why, sizeof why), XF_PLAIN);
            xs_down(s, 1);
        }
        xs_down(s, 1);
    }
}

static void ov_extras_table(xs *s)
{
    const pm_report *rep = s->w->rep;
    xs_text(s, 0, "Aanvullende cijfers", XF_SUBTITLE);
    xs_down(s, 1);
    xs_head(s, OV_ID, "Id");
    xs_head(s, OV_NAAM, "Cijfer");
    for (lxw_col_t c = OV_DOEL; c <= OV_CUM; c++)
        xs_head(s, c, c == OV_PER ? "Periode" : c == OV_CUM ? "Cumulatief" : "");
    xs_down(s, 1);
    for (size_t i = 0; i < sizeof ov_extras / sizeof ov_extras[0]; i++) {
        const struct ov_extra *e = &ov_extras[i];
        const pm_result *r = pm_report_find(rep, e->id);
        if (!r)
            continue;
        xs_text(s, OV_ID, e->id, XF_BOLD);
        if (e->s == S_PROGNOSE) {
            char label[96];
            snprintf(label, sizeof label, "%s %d", e->label,
                     pm_quarter_index(rep->scope.peildatum) / 4);
            xs_text(s, OV_NAAM, label, XF_PLAIN);
        } else {
            xs_text(s, OV_NAAM, e->label, XF_PLAIN);
        }
        if (!e->cum_only)
            put_field(s, OV_PER, r, &r->periode, NULL, e->s);
        put_field(s, OV_CUM, r, &r->cumulatief, NULL, e->s);
        xs_down(s, 1);
    }
}

static void ov_legend(xs *s)
{
    /* Only what holds for every indicator; the reason column says why. */
    static const char *const meaning[] = {
        "geen oordeel (te weinig gegevens, of geen doel); zie de reden",
        "voldoet aan de norm van het doel; zie de reden",
        "voldoet nog niet aan de norm; de reden zegt waarom",
        "voldoet niet aan de norm; zie de reden",
    };
    xs_text(s, 0, "Statussen", XF_SUBTITLE);
    xs_down(s, 1);
    for (int st = PM_GROEN; st <= PM_ROOD + 1; st++) {
        pm_status status = (pm_status)(st % 4); /* groen, oranje, rood, then grijs */
        xs_status(s, OV_ID, status);
        xs_text(s, OV_NAAM, meaning[status], XF_PLAIN);
        xs_down(s, 1);
    }
}

static void write_overzicht(xw *w)
{
    xs s;
    if (!xs_open(w, &s, "Overzicht"))
        return;
    xs_width(&s, OV_ID, OV_ID, 6);
    xs_width(&s, OV_NAAM, OV_NAAM, 36);
    xs_width(&s, OV_DOEL, OV_DOEL, 30);
    xs_width(&s, OV_PER, OV_STATUS, 13);
    xs_width(&s, OV_REDEN, OV_PER_REDEN, 60);
    bool cmp = w->rep->scope.vergelijk != PM_VERGELIJK_GEEN;
    if (cmp) {
        xs_width(&s, OV_VGL, OV_VERSCHIL, 13);
        xs_width(&s, OV_VGL_TEKST, OV_VGL_TEKST, 70);
    }
    worksheet_activate(s.ws);
    ov_header_block(&s);

    xs_text(&s, 0, "Indicatoren", XF_SUBTITLE);
    xs_down(&s, 1);
    for (int c = 0; c < OV_NCOLS; c++)
        xs_head(&s, (lxw_col_t)c, ov_heads[c]);
    if (cmp)
        ov_comparison_heads(&s);
    xs_down(&s, 1);
    for (size_t i = 0; i < w->rep->nresults; i++) {
        ov_indicator_row(&s, &w->rep->results[i]);
        if (cmp)
            ov_comparison(&s, &w->rep->results[i]);
        xs_down(&s, 1);
    }
    xs_down(&s, 1);
    char d[16], d2[16], when[96], text[640];
    if (w->rep->running >= 0) {
        pm_day tf, tt;
        pm_config_target_period(w->rep->scope.cfg_loaded, (size_t)w->rep->running, &tf,
                                &tt, NULL);
        snprintf(when, sizeof when, "gemeten aan de doelen van de doelperiode %s t/m %s",
                 pm_format_date(tf, d, sizeof d), pm_format_date(tt, d2, sizeof d2));
    } else {
        snprintf(
            when, sizeof when, "na %s loopt geen doelperiode (status grijs)",
            pm_format_date(pm_config_targets_end(w->rep->scope.cfg_loaded), d, sizeof d));
    }
    snprintf(text, sizeof text,
             "Waarde: het aandeel (R1 t/m R5), het aantal kennisproducten (R6) of de "
             "uitputting van de begroting (B). n: het aantal waarnemingen achter de "
             "waarde. De status achteraan is die van het cumulatieve cijfer, %s; de "
             "reden staat ernaast. Elke indicator heeft een eigen blad met "
             "uitsplitsingen, het verloop per kwartaal en grafieken; de definities staan "
             "op het blad Definities.",
             when);
    xs_paragraph(&s, 0, OV_STATUS, text, XF_NOTE);
    xs_down(&s, 2);
    ov_eindstand(&s);
    ov_extras_table(&s);
    xs_down(&s, 1);
    ov_legend(&s);
    xs_marks_legend(&s, OV_STATUS);
}

/* ---- indicator sheets ------------------------------------------------------
 * Per indicator: which fields its figures and trend tables show, and its
 * charts. Every sheet: title, result, definition, target; the periode and
 * cumulatief figures; a band of charts; each visible breakdown; the trend. */

typedef struct layout {
    const char *id;
    src figs[12];  /* the periode / cumulatief table */
    src trend[14]; /* the quarterly table */
} layout;

static const layout layouts[] = {
    {"R1",
     {S_VAN, S_TOT, S_TELLER, S_NOEMER, S_WAARDE, S_LO, S_HI, S_STATUS, S_REDEN},
     {S_VAN, S_TOT, S_TELLER, S_NOEMER, S_WAARDE, S_LO, S_HI, S_STATUS, S_DOEL, S_REDEN}},
    {"R2",
     {S_VAN, S_TOT, S_TELLER, S_NOEMER, S_WAARDE, S_LO, S_HI, S_STATUS, S_REDEN},
     {S_VAN, S_TOT, S_TELLER, S_NOEMER, S_WAARDE, S_LO, S_HI, S_STATUS, S_DOEL, S_REDEN}},
    {"R3",
     {S_VAN, S_TOT, S_ACTIEF, S_NIET_BEOORDEELD, S_TELLER, S_NOEMER, S_WAARDE, S_LO, S_HI,
      S_STATUS, S_REDEN},
     {S_VAN, S_TOT, S_ACTIEF, S_NIET_BEOORDEELD, S_TELLER, S_NOEMER, S_WAARDE, S_LO, S_HI,
      S_STATUS, S_DOEL_ACTIEF, S_DOEL, S_REDEN}},
    {"R4",
     {S_VAN, S_TOT, S_TELLER, S_NOEMER, S_WAARDE, S_STATUS, S_GEMIDDELDE, S_N_GEMIDDELDE,
      S_REDEN},
     {S_VAN, S_TOT, S_TELLER, S_NOEMER, S_WAARDE, S_STATUS, S_GEMIDDELDE, S_N_GEMIDDELDE,
      S_REDEN}},
    {"R5",
     {S_VAN, S_TOT, S_TELLER, S_NOEMER, S_WAARDE, S_STATUS, S_REDEN},
     {S_VAN, S_TOT, S_TELLER, S_NOEMER, S_WAARDE, S_STATUS, S_REDEN}},
    {"R6",
     {S_VAN, S_TOT, S_AANTAL, S_STATUS, S_REDEN},
     {S_VAN, S_TOT, S_AANTAL, S_CUM_AANTAL, S_DOEL, S_STATUS, S_REDEN}},
    {"B",
     {S_VAN, S_TOT, S_REALISATIE, S_BEGROTING, S_WAARDE, S_STATUS, S_PROGNOSE,
      S_JAARBEGROTING, S_REDEN},
     {S_VAN, S_TOT, S_REALISATIE, S_BEGROTING, S_WAARDE, S_STATUS, S_CUM_REALISATIE,
      S_CUM_BEGROTING, S_REDEN}},
};

/* An indicator without a layout of its own gets the plain proportion one. */
static const layout *layout_of(const char *id)
{
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
        if (strcmp(layouts[i].id, id) == 0)
            return &layouts[i];
    return &layouts[0];
}

/* How a breakdown's cells read: the column words and formats. */
typedef struct bd_kind {
    const char *key;
    const char *what;                     /* header of the category column */
    const char *teller, *noemer, *waarde; /* NULL: the indicator's words */
    xf teller_fmt, noemer_fmt, waarde_fmt;
    bool money; /* teller and noemer are B's realisatie and begroting cents */
    bool dates; /* gepland and gereed (milestones) */
    bool doel;  /* a column with the target: the target line of the chart */
} bd_kind;

/* clang-format off */
static const bd_kind bd_kinds[] = {
    {"regio", "Regio", NULL, NULL, NULL, XF_INT, XF_INT, XF_PCT, false, false, true},
    {"type", "Type organisatie", NULL, NULL, NULL, XF_INT, XF_INT, XF_PCT,
     false, false, false},
    {"onderwerp", "Onderwerp", NULL, NULL, NULL, XF_INT, XF_INT, XF_PCT,
     false, false, false},
    {"werkdagen", "Werkdagen", "Hulpvragen", "Totaal", "Aandeel", XF_INT, XF_INT, XF_PCT,
     false, false, false},
    {"scores", "Score (afgerond naar beneden)", "Evaluaties", "Totaal", "Aandeel",
     XF_INT, XF_INT, XF_PCT, false, false, false},
    {"organisatie", "Organisatie", "Som van de scores", "Evaluaties", "Gemiddelde score",
     XF_SCORE, XF_INT, XF_SCORE, false, false, false},
    {"specialist", "Specialist", "Som van de scores", "Evaluaties", "Gemiddelde score",
     XF_SCORE, XF_INT, XF_SCORE, false, false, false},
    {"mijlpalen", "Mijlpaal", "Op tijd gereed", "Gepland in bereik", "Waarde",
     XF_INT, XF_INT, XF_PCT, false, true, false},
    {"soort", "Soort", "Aantal", "Totaal", "Waarde", XF_INT, XF_INT, XF_PCT,
     false, false, false},
    {"pijler", "Pijler", "Aantal", "Totaal", "Waarde", XF_INT, XF_INT, XF_PCT,
     false, false, false},
    {"post", "Post", "Realisatie", "Begroting", "Uitputting", XF_EURO, XF_EURO, XF_PCT,
     true, false, false},
};

static const bd_kind bd_plain = {"", "Categorie", "Teller", "Noemer", "Waarde",
                                 XF_INT, XF_INT, XF_PCT, false, false, false};
/* clang-format on */

static const bd_kind *bd_kind_of(const char *key)
{
    for (size_t i = 0; i < sizeof bd_kinds / sizeof bd_kinds[0]; i++)
        if (strcmp(bd_kinds[i].key, key) == 0)
            return &bd_kinds[i];
    return &bd_plain;
}

/* Where a written table is, for the charts that read it. col[range][src]
 * is a column, 0 when the table has no such field (column 0 holds the
 * labels); range 0 is periode (or the trend), 1 cumulatief. */
typedef struct tbl {
    const char *key; /* breakdown key, or "trend" */
    lxw_row_t first, last;
    bool rows; /* false: an empty table */
    lxw_col_t col[2][NSRC];
} tbl;

#define MAX_TABLES 16

typedef struct ind_sheet {
    xs s;
    const pm_result *r;
    const layout *L;
    int label_chars; /* the longest category label: column A's width */
    tbl tables[MAX_TABLES];
    size_t ntables;
} ind_sheet;

static const tbl *find_table(const ind_sheet *is, const char *key)
{
    for (size_t i = 0; i < is->ntables; i++)
        if (strcmp(is->tables[i].key, key) == 0)
            return &is->tables[i];
    return NULL;
}

static tbl *new_table(ind_sheet *is, const char *key)
{
    if (is->ntables == MAX_TABLES)
        return NULL;
    tbl *t = &is->tables[is->ntables++];
    memset(t, 0, sizeof *t);
    t->key = key;
    return t;
}

/* ---- charts -----------------------------------------------------------------
 * libxlsxwriter 1.1 cannot combine a column and a line chart, so a target
 * line over bars is drawn as a linear trendline through a hidden series
 * holding the target in every row: flat, at the target, across the plot. */

typedef enum axis { AX_PCT, AX_INT, AX_EURO } axis;

typedef struct chart_def {
    const char *id;    /* indicator */
    const char *table; /* breakdown key or "trend" */
    int range;         /* 0 periode / trend, 1 cumulatief */
    uint8_t type;      /* LXW_CHART_COLUMN or LXW_CHART_LINE */
    src values[2];     /* one or two series */
    const char *names[2];
    src target; /* S_END: none */
    const char *title;
    axis ax;
} chart_def;

/* clang-format off */
static const chart_def chart_defs[] = {
    {"R1", "regio", 1, LXW_CHART_COLUMN, {S_WAARDE}, {"Op tijd (cumulatief)"}, S_DOEL,
     "Reactie binnen 5 werkdagen per regio (cumulatief)", AX_PCT},
    {"R1", "trend", 0, LXW_CHART_LINE, {S_WAARDE}, {"Op tijd"}, S_DOEL,
     "Reactie binnen 5 werkdagen per kwartaal", AX_PCT},
    {"R1", "werkdagen", 1, LXW_CHART_COLUMN, {S_TELLER}, {"Hulpvragen (cumulatief)"},
     S_END, "Werkdagen tot eerste contact (cumulatief)", AX_INT},
    {"R2", "regio", 1, LXW_CHART_COLUMN, {S_WAARDE}, {"Tevreden (cumulatief)"}, S_DOEL,
     "Waardering per regio (cumulatief)", AX_PCT},
    {"R2", "trend", 0, LXW_CHART_LINE, {S_WAARDE}, {"Tevreden"}, S_DOEL,
     "Waardering per kwartaal", AX_PCT},
    {"R3", "trend", 0, LXW_CHART_COLUMN, {S_ACTIEF}, {"Actieve specialisten"},
     S_DOEL_ACTIEF, "Actieve specialisten per kwartaal", AX_INT},
    {"R3", "trend", 0, LXW_CHART_LINE, {S_WAARDE}, {"Goed beoordeeld"}, S_DOEL,
     "Aandeel goed beoordeeld per kwartaal", AX_PCT},
    {"R4", "trend", 0, LXW_CHART_COLUMN, {S_TELLER, S_NOEMER},
     {"Op tijd gereed", "Gepland"}, S_END, "Mijlpalen rapportage per kwartaal", AX_INT},
    {"R5", "trend", 0, LXW_CHART_COLUMN, {S_TELLER, S_NOEMER},
     {"Op tijd gereed", "Gepland"}, S_END, "Mijlpalen website per kwartaal", AX_INT},
    {"R6", "trend", 0, LXW_CHART_LINE, {S_CUM_AANTAL}, {"Kennisproducten cumulatief"},
     S_DOEL, "Kennisproducten, cumulatief tegen het doel", AX_INT},
    {"B", "trend", 0, LXW_CHART_LINE, {S_CUM_REALISATIE, S_CUM_BEGROTING},
     {"Realisatie cumulatief", "Begroting cumulatief"}, S_END,
     "Budget: realisatie tegen begroting (cumulatief)", AX_EURO},
};
/* clang-format on */

#define NCHART_DEFS (sizeof chart_defs / sizeof chart_defs[0])
#define CHART_W 500   /* pixels */
#define CHART_H 300   /* pixels */
#define CHART_ROWS 16 /* rows a band of charts takes (20-pixel rows) */
#define CHARTS_PER_BAND 2

static size_t chart_count(const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < NCHART_DEFS; i++)
        n += strcmp(chart_defs[i].id, id) == 0;
    return n;
}

/* Both 3:1 or more against the white plot area (WCAG 1.4.11): the second
 * series was #A5A5A5, 2.4:1; #767676 is 4.5:1. */
static const lxw_color_t series_colors[] = {0x2E75B6, 0x767676};
#define TARGET_COLOR 0xC00000

static lxw_chart_series *add_series(lxw_chart *ch, const char *sheet, const tbl *t,
                                    lxw_col_t col, const char *name)
{
    lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
    if (!se)
        return NULL;
    chart_series_set_categories(se, sheet, t->first, 0, t->last, 0);
    chart_series_set_values(se, sheet, t->first, col, t->last, col);
    /* In constant_memory mode libxlsxwriter cannot read the cells back to
     * see that the categories are text, and would refer to them as numbers;
     * they are always text here (regions, quarters, categories). */
    se->categories->has_string_cache = LXW_TRUE;
    chart_series_set_name(se, name);
    return se;
}

static void target_series(lxw_chart *ch, const chart_def *d, const char *sheet,
                          const tbl *t, lxw_col_t col, const char *name, size_t nvalues)
{
    lxw_chart_series *se = add_series(ch, sheet, t, col, name);
    if (!se)
        return;
    lxw_chart_line line = {
        .color = TARGET_COLOR, .width = 2.0f, .dash_type = LXW_CHART_LINE_DASH_DASH};
    if (d->type == LXW_CHART_LINE) {
        chart_series_set_line(se, &line);
        chart_series_set_marker_type(se, LXW_CHART_MARKER_NONE);
        return;
    }
    lxw_chart_fill none = {.none = LXW_TRUE};
    lxw_chart_line no_line = {.none = LXW_TRUE};
    chart_series_set_fill(se, &none);
    chart_series_set_line(se, &no_line);
    chart_series_set_trendline(se, LXW_CHART_TRENDLINE_TYPE_LINEAR, 0);
    chart_series_set_trendline_forecast(se, 0.5, 0.5);
    chart_series_set_trendline_name(se, name);
    chart_series_set_trendline_line(se, &line);
    /* The hidden bars share the slot of the real ones; its legend entry goes,
     * the trendline's stays. */
    chart_set_series_overlap(ch, 100);
    int16_t hide[] = {(int16_t)nvalues, -1};
    chart_legend_delete_series(ch, hide);
}

static void style_axis(lxw_chart *ch, axis ax)
{
    lxw_chart_axis *y = ch->y_axis;
    chart_axis_set_min(y, 0);
    if (ax == AX_PCT) {
        chart_axis_set_num_format(y, "0%");
        chart_axis_set_max(y, 1);
    } else if (ax == AX_EURO) {
        chart_axis_set_num_format(y, "[$€-413] #,##0");
    } else {
        chart_axis_set_num_format(y, "0");
    }
}

static bool cell_value(const bd_kind *k, const pm_cell *c, src s, double *v, xf *fmt);
static char *category_text(const pm_breakdown *b, const pm_cell *c);

/* The chart's description (SPEC §11): its kind, title and the numbers it
 * draws, read from the result as the table cells are, so a value hidden for
 * extern reads as its mark. Allocated; NULL when memory runs out. */
static char *chart_description(const ind_sheet *is, const chart_def *d)
{
    const xw *w = is->s.w;
    const pm_result *r = is->r;
    const pm_breakdown *b = NULL;
    bool trend = strcmp(d->table, "trend") == 0;
    for (size_t i = 0; !trend && i < r->nbreakdowns; i++)
        if (strcmp(r->breakdowns[i].key, d->table) == 0)
            b = &r->breakdowns[i];
    size_t n = trend ? r->ntrend : b ? b->ncells : 0;
    pm_alt_point *pts = calloc(n ? n : 1, sizeof *pts);
    char **labels = calloc(n ? n : 1, sizeof *labels);
    char(*marks)[PM_ALT_SERIES][PM_MARK_SIZE] = calloc(n ? n : 1, sizeof *marks);
    char *text = NULL;
    if (!pts || !labels || !marks)
        goto done;
    cumsum c = {0};
    for (size_t i = 0; i < n; i++) {
        const pm_figures *f = trend ? &r->trend[i].f : NULL;
        const pm_cell *cell = b ? (d->range ? &b->cumulatief[i] : &b->periode[i]) : NULL;
        if (f) {
            c.aantal += (double)f->aantal;
            c.realisatie_cent += f->realisatie_cent;
            c.begroting_cent += f->has_begroting ? f->begroting_cent : 0;
            labels[i] = malloc(16);
            if (labels[i])
                pm_format_quarter_short(r->trend[i].quarter, labels[i], 16);
        } else {
            labels[i] = category_text(b, &b->cumulatief[i]);
        }
        pts[i].label = labels[i] ? labels[i] : "";
        pm_suppress why = f ? (pm_figures_visible(f) ? PM_SUPPRESS_NONE : f->suppress)
                            : pm_cell_hidden(b, cell, w->in->audience, w->cfg->min_cell);
        for (int s = 0; s < PM_ALT_SERIES && d->values[s] != S_END; s++) {
            xf fmt;
            if (why != PM_SUPPRESS_NONE && !(f && d->values[s] == S_ACTIEF))
                pts[i].mark[s] = pm_hidden_mark(why, w->cfg->min_cell, marks[i][s],
                                                sizeof marks[i][s]);
            else if (f)
                pts[i].has[s] =
                    fig_value(w, r, f, &c, d->values[s], &pts[i].value[s], &fmt);
            else
                pts[i].has[s] = cell_value(bd_kind_of(b->key), cell, d->values[s],
                                           &pts[i].value[s], &fmt);
        }
    }
    char target[128] = "";
    if (d->target == S_DOEL && d->ax == AX_PCT) {
        /* The share the dashed line is drawn at: R3's target text also
         * names the count of specialists, which this chart does not show. */
        char p[32];
        size_t len = strlen(pm_format_percent(r->doel, 1, p, sizeof p));
        if (len > 3 && strcmp(p + len - 3, ",0%") == 0)
            memcpy(p + len - 3, "%", 2);
        snprintf(target, sizeof target, "≥ %s", p);
    } else if (d->target == S_DOEL) {
        pm_label_target(r->id, w->cfg, target, sizeof target);
    } else if (d->target == S_DOEL_ACTIEF)
        snprintf(target, sizeof target, "%d actieve specialisten",
                 w->cfg->doel_r3_actief);
    pm_alt_chart ac = {
        .kind = d->type == LXW_CHART_LINE ? PM_ALT_LIJN : PM_ALT_STAAF,
        .title = d->title,
        .unit = d->ax == AX_PCT    ? PM_ALT_PCT
                : d->ax == AX_EURO ? PM_ALT_EURO
                                   : PM_ALT_INT,
        .series = {d->names[0], d->names[1]},
        .nseries = d->values[1] != S_END ? 2 : 1,
        .points = pts,
        .npoints = n,
        .target = target[0] ? target : NULL,
    };
    text = pm_chart_alt_text(&ac);
done:
    for (size_t i = 0; labels && i < n; i++)
        free(labels[i]);
    free(labels);
    free(marks);
    free(pts);
    return text;
}

static void add_chart(ind_sheet *is, const chart_def *d, lxw_row_t band, size_t slot)
{
    xw *w = is->s.w;
    const tbl *t = find_table(is, d->table);
    if (!t || !t->rows)
        return;
    lxw_chart *ch = workbook_add_chart(w->wb, d->type);
    if (!ch) {
        note(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    chart_title_set_name(ch, d->title);
    lxw_chart_font title_font = {.size = 11, .bold = LXW_TRUE};
    chart_title_set_name_font(ch, &title_font);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    size_t nvalues = 0;
    for (int i = 0; i < 2 && d->values[i] != S_END; i++) {
        lxw_col_t col = t->col[d->range][d->values[i]];
        lxw_chart_series *se =
            col ? add_series(ch, is->s.name, t, col, d->names[i]) : NULL;
        if (!se)
            continue;
        nvalues++;
        if (d->type == LXW_CHART_LINE) {
            lxw_chart_line line = {.color = series_colors[i], .width = 2.25f};
            chart_series_set_line(se, &line);
            chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
        } else {
            lxw_chart_fill fill = {.color = series_colors[i]};
            chart_series_set_fill(se, &fill);
        }
    }
    if (d->target != S_END && t->col[0][d->target]) {
        char name[96], target[64];
        snprintf(name, sizeof name, "Doel (%s)",
                 pm_label_target(is->r->id, w->cfg, target, sizeof target));
        target_series(ch, d, is->s.name, t, t->col[0][d->target], name, nvalues);
    }
    style_axis(ch, d->ax);
    lxw_chart_options opt = {.x_offset = (int32_t)(slot * (CHART_W + 16)) + 4,
                             .y_offset = 4,
                             .x_scale = CHART_W / 480.0,
                             .y_scale = CHART_H / 288.0,
                             .description = chart_description(is, d)};
    if (!opt.description)
        note(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    note(w, worksheet_insert_chart_opt(is->s.ws, band, 0, ch, &opt));
    free(opt.description);
}

static void add_charts(ind_sheet *is, lxw_row_t first_band)
{
    size_t k = 0;
    for (size_t i = 0; i < NCHART_DEFS; i++) {
        if (strcmp(chart_defs[i].id, is->r->id) != 0)
            continue;
        lxw_row_t band = first_band + (lxw_row_t)(k / CHARTS_PER_BAND) * CHART_ROWS;
        add_chart(is, &chart_defs[i], band, k % CHARTS_PER_BAND);
        k++;
    }
}

/* ---- indicator sheet tables ---------------------------------------------- */

#define IND_COLS 16    /* columns B.. that tables use; A holds the labels */
#define LABEL_WIDTH 44 /* column A, at least */
#define VALUE_WIDTH 14 /* the value columns: "opdrachtgevers" in bold fits */

static void ind_heading(ind_sheet *is)
{
    xs *s = &is->s;
    const pm_indicator_text *t = pm_label_indicator(is->r->id);
    char buf[1200], doel[128];
    xs_height(s, 24);
    snprintf(buf, sizeof buf, "%s — %s", is->r->id, t->naam);
    xs_text(s, 0, buf, XF_TITLE);
    xs_down(s, 1);
    snprintf(buf, sizeof buf, "Resultaat eind 2025: %s", t->resultaat);
    xs_paragraph(s, 0, 10, buf, XF_WRAP);
    xs_down(s, 1);
    snprintf(buf, sizeof buf, "Definitie: %s", t->definitie);
    xs_paragraph(s, 0, 10, buf, XF_WRAP);
    xs_down(s, 1);
    xs_label(s, "Doel");
    xs_text(s, 1, pm_label_target(is->r->id, s->w->cfg, doel, sizeof doel), XF_PLAIN);
    xs_down(s, 2);
}

static void ind_figures(ind_sheet *is)
{
    xs *s = &is->s;
    const pm_result *r = is->r;
    xs_head(s, 0, "Bereik");
    for (int i = 0; is->L->figs[i] != S_END; i++)
        xs_head(s, (lxw_col_t)(i + 1), src_head(r, is->L->figs[i]));
    xs_down(s, 1);
    for (int rg = 0; rg < 2; rg++) {
        const pm_figures *f = rg ? &r->cumulatief : &r->periode;
        xs_text(s, 0, rg ? "Cumulatief" : "Periode", XF_BOLD);
        for (int i = 0; is->L->figs[i] != S_END; i++)
            put_field(s, (lxw_col_t)(i + 1), r, f, NULL, is->L->figs[i]);
        xs_down(s, 1);
    }
    xs_down(s, 1);
}

/* The fields a breakdown shows in each range: teller and noemer always;
 * waarde and the interval when some cell has them; n when cells count
 * people (it is what min_cell is compared with). */
static size_t bd_fields(const pm_breakdown *b, src *out)
{
    bool waarde = false, interval = false;
    for (size_t i = 0; i < b->ncells; i++) {
        waarde |= b->periode[i].has_waarde || b->cumulatief[i].has_waarde;
        interval |= b->periode[i].has_interval || b->cumulatief[i].has_interval;
    }
    size_t n = 0;
    out[n++] = S_TELLER;
    out[n++] = S_NOEMER;
    if (waarde)
        out[n++] = S_WAARDE;
    if (interval) {
        out[n++] = S_LO;
        out[n++] = S_HI;
    }
    if (b->counts_people)
        out[n++] = S_N;
    return n;
}

static const char *bd_head(const pm_result *r, const bd_kind *k, src s)
{
    if (s == S_TELLER)
        return k->teller ? k->teller : pm_label_teller(r->id);
    if (s == S_NOEMER)
        return k->noemer ? k->noemer : pm_label_noemer(r->id);
    if (s == S_WAARDE)
        return k->waarde ? k->waarde : pm_label_waarde(r->id);
    return src_heads[s];
}

static bool cell_value(const bd_kind *k, const pm_cell *c, src s, double *v, xf *fmt)
{
    switch (s) {
    case S_TELLER:
        *v = k->money ? pm_cents_to_euros(c->realisatie_cent) : c->teller;
        *fmt = k->teller_fmt;
        return true;
    case S_NOEMER:
        *v = k->money ? pm_cents_to_euros(c->begroting_cent) : c->noemer;
        *fmt = k->noemer_fmt;
        return true;
    case S_WAARDE:
        *v = c->waarde;
        *fmt = k->waarde_fmt;
        return c->has_waarde;
    case S_LO:
        *v = c->lo;
        *fmt = XF_PCT;
        return c->has_interval;
    case S_HI:
        *v = c->hi;
        *fmt = XF_PCT;
        return c->has_interval;
    case S_N:
        *v = (double)c->n;
        *fmt = XF_INT;
        return true;
    default: return false;
    }
}

/* "Groningen (GM0014)" when the key is an id with a name; else the label.
 * Allocated (names and ids have no length limit here); the caller frees.
 * NULL when memory runs out. */
static char *category_text(const pm_breakdown *b, const pm_cell *c)
{
    if (!c->label)
        return strdup(pm_label_category(b->key, c->key));
    size_t size = strlen(c->label) + strlen(c->key) + 4;
    char *buf = malloc(size);
    if (buf)
        snprintf(buf, size, "%s (%s)", c->label, c->key);
    return buf;
}

/* The group row over the two blocks of a breakdown: "Periode 2025-Q4",
 * "Cumulatief t/m 31-12-2025" (the exact dates are in the figures above).
 * In a follow-up target period the cumulatief does not start where a reader
 * assumes (the programme start), so the row names its start as well:
 * "Cumulatief 01-01-2026 t/m 31-03-2026". */
static void bd_group_row(ind_sheet *is, lxw_col_t per, lxw_col_t cum, size_t nf)
{
    xs *s = &is->s;
    const pm_scope *ctx = &s->w->rep->scope;
    char buf[96], d[16], d0[16], pname[64];
    snprintf(buf, sizeof buf, "Periode %s",
             pm_format_period(ctx->period.start, ctx->period.end, pname, sizeof pname));
    xs_paragraph(s, per, (lxw_col_t)(per + nf - 1), buf, XF_GROUP);
    if (ctx->cum_from != ctx->cfg_loaded->programma_start)
        snprintf(buf, sizeof buf, "Cumulatief %s t/m %s",
                 pm_format_date(ctx->cum_from, d0, sizeof d0),
                 pm_format_date(ctx->cum_to, d, sizeof d));
    else
        snprintf(buf, sizeof buf, "Cumulatief t/m %s",
                 pm_format_date(ctx->cum_to, d, sizeof d));
    xs_paragraph(s, cum, (lxw_col_t)(cum + nf - 1), buf, XF_GROUP);
    xs_down(s, 1);
}

static void ind_breakdown(ind_sheet *is, const pm_breakdown *b)
{
    xs *s = &is->s;
    const xw *w = s->w;
    const pm_result *r = is->r;
    const bd_kind *k = bd_kind_of(b->key);
    src f[6];
    size_t nf = bd_fields(b, f);
    lxw_col_t per = k->dates ? 3 : 1, cum = (lxw_col_t)(per + nf);
    lxw_col_t doel = (lxw_col_t)(cum + nf);
    tbl *t = new_table(is, b->key);

    xs_text(s, 0, pm_label_breakdown(b->key), XF_SUBTITLE);
    xs_down(s, 1);
    bd_group_row(is, per, cum, nf);
    xs_head(s, 0, k->what);
    if (k->dates) {
        xs_head(s, 1, "Gepland");
        xs_head(s, 2, "Gereed");
    }
    for (size_t i = 0; i < nf; i++) {
        xs_head(s, (lxw_col_t)(per + i), bd_head(r, k, f[i]));
        xs_head(s, (lxw_col_t)(cum + i), bd_head(r, k, f[i]));
        if (t) {
            t->col[0][f[i]] = (lxw_col_t)(per + i);
            t->col[1][f[i]] = (lxw_col_t)(cum + i);
        }
    }
    if (k->doel) {
        xs_head(s, doel, "Doel");
        if (t)
            t->col[0][S_DOEL] = t->col[1][S_DOEL] = doel;
    }
    xs_down(s, 1);
    if (t) {
        t->first = s->row;
        t->rows = b->ncells > 0;
        t->last = s->row + (lxw_row_t)(b->ncells ? b->ncells - 1 : 0);
    }
    for (size_t i = 0; i < b->ncells; i++) {
        const pm_cell *pc = &b->periode[i], *cc = &b->cumulatief[i];
        char *label = category_text(b, cc);
        /* Out of memory: the key alone, which needs no copy. */
        const char *shown = label ? label : cc->key;
        xs_text(s, 0, shown, XF_PLAIN);
        int chars = 0;
        for (const char *p = shown; *p; p++)
            chars += ((unsigned char)*p & 0xC0) != 0x80;
        free(label);
        if (chars > is->label_chars)
            is->label_chars = chars;
        if (k->dates) {
            const pm_cell *d = cc->has_d1 || cc->has_d2 ? cc : pc;
            if (d->has_d1)
                xs_date(s, 1, d->d1);
            if (d->has_d2)
                xs_date(s, 2, d->d2);
        }
        for (int rg = 0; rg < 2; rg++) {
            const pm_cell *c = rg ? cc : pc;
            lxw_col_t base = rg ? cum : per;
            pm_suppress why = pm_cell_hidden(b, c, w->in->audience, w->cfg->min_cell);
            for (size_t j = 0; j < nf; j++) {
                double v;
                xf fmt;
                if (why != PM_SUPPRESS_NONE)
                    xs_hidden(s, (lxw_col_t)(base + j), why);
                else if (cell_value(k, c, f[j], &v, &fmt))
                    xs_num(s, (lxw_col_t)(base + j), v, fmt);
            }
        }
        if (k->doel)
            xs_num(s, doel, r->doel, is_id(r, "R6") ? XF_INT : XF_PCT);
        xs_down(s, 1);
    }
    xs_down(s, 1);
}

static void ind_trend(ind_sheet *is)
{
    xs *s = &is->s;
    const pm_result *r = is->r;
    const src *fields = is->L->trend;
    tbl *t = new_table(is, "trend");
    xs_text(s, 0, "Per kwartaal", XF_SUBTITLE);
    xs_down(s, 1);
    xs_head(s, 0, "Kwartaal");
    int nf = 0;
    for (int i = 0; fields[i] != S_END; i++, nf++) {
        xs_head(s, (lxw_col_t)(i + 1), src_head(r, fields[i]));
        if (t)
            t->col[0][fields[i]] = (lxw_col_t)(i + 1);
    }
    /* What was reported at the quarter's end (or sent definitively), and
     * whether the figure has been revised since (SPEC §5). */
    lxw_col_t ev = (lxw_col_t)(nf + 1);
    bool money = is_id(r, "B"), count = is_id(r, "R6");
    xs_head(s, ev, "Eerder gerapporteerd");
    xs_head(s, ev + 1, money ? "Eerder: realisatie" : "Eerder: teller");
    xs_head(s, ev + 2, money ? "Eerder: begroting" : "Eerder: noemer");
    xs_head(s, ev + 3, "Herzien");
    xs_down(s, 1);
    if (t) {
        t->first = s->row;
        t->rows = r->ntrend > 0;
        t->last = s->row + (lxw_row_t)(r->ntrend ? r->ntrend - 1 : 0);
    }
    cumsum c = {0};
    for (size_t q = 0; q < r->ntrend; q++) {
        const pm_figures *f = &r->trend[q].f;
        char label[16];
        c.aantal += (double)f->aantal;
        c.realisatie_cent += f->realisatie_cent;
        c.begroting_cent += f->has_begroting ? f->begroting_cent : 0;
        pm_format_quarter_short(r->trend[q].quarter, label, sizeof label);
        xs_text(s, 0, label, XF_BOLD);
        for (int i = 0; fields[i] != S_END; i++)
            put_field(s, (lxw_col_t)(i + 1), r, f, &c, fields[i]);
        const pm_trend_point *p = &r->trend[q];
        if (!pm_figures_visible(&p->eerder)) {
            /* Hidden with the point (extern under a filter, SPEC §9). */
            for (lxw_col_t k = ev; k <= ev + 2; k++)
                xs_hidden(s, k, p->eerder.suppress);
        } else {
            if (count)
                xs_num(s, ev, p->eerder.teller, XF_INT);
            else if (p->eerder.has_waarde)
                xs_num(s, ev, p->eerder.waarde, XF_PCT);
            xs_num(s, ev + 1,
                   money ? pm_cents_to_euros(p->eerder.realisatie_cent)
                         : p->eerder.teller,
                   money ? XF_EURO : XF_INT);
            if (p->eerder.has_noemer)
                xs_num(s, ev + 2,
                       money ? pm_cents_to_euros(p->eerder.begroting_cent)
                             : p->eerder.noemer,
                       money ? XF_EURO : XF_INT);
        }
        xs_text(s, ev + 3,
                p->herzien ? (p->eerder_verzonden ? "ja (verzonden cijfer)" : "ja")
                           : "nee",
                XF_PLAIN);
        xs_down(s, 1);
    }
    if (nf > 0) {
        xs_down(s, 1); /* a blank row ends the table for anyone reading it */
        xs_paragraph(s, 0, ev + 3,
                     "Eerder gerapporteerd: het cijfer zoals het aan het eind van dat "
                     "kwartaal bekend was, of zoals het in een definitief verzonden "
                     "rapportage stond. Herzien: het cijfer of de status is sindsdien "
                     "veranderd, omdat er later registraties over dat kwartaal "
                     "binnenkwamen of termijnen verstreken.",
                     XF_NOTE);
        xs_down(s, 1);
    }
    xs_down(s, 1);
}

static void write_indicator(xw *w, const pm_result *r)
{
    ind_sheet *is = calloc(1, sizeof *is);
    if (!is) {
        note(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    is->r = r;
    is->L = layout_of(r->id);
    if (xs_open(w, &is->s, sheet_name(r))) {
        xs *s = &is->s;
        xs_width(s, 0, 0, LABEL_WIDTH);
        xs_width(s, 1, IND_COLS, VALUE_WIDTH);
        ind_heading(is);
        ind_figures(is);
        /* An extern workbook draws no chart of a filtered indicator (SPEC
         * §9): its quarters are hidden and its breakdowns left out, so a
         * chart would plot nothing true. */
        bool charts = w->in->audience == PM_INTERN || !r->gefilterd ||
                      !pm_filter_active(&w->rep->scope.filter);
        size_t ncharts = charts ? chart_count(r->id) : 0;
        lxw_row_t first_band = s->row;
        xs_down(s, (lxw_row_t)((ncharts + CHARTS_PER_BAND - 1) / CHARTS_PER_BAND) *
                       CHART_ROWS);
        for (size_t i = 0; i < r->nbreakdowns; i++)
            if (pm_breakdown_visible(&r->breakdowns[i], w->in->audience))
                ind_breakdown(is, &r->breakdowns[i]);
        ind_trend(is);
        xs_marks_legend(s, 8);
        if (charts)
            add_charts(is, first_band);
        /* Column A grows to the longest category (names of milestones and
         * organisations), within reason; the cells beside it are full. */
        if (is->label_chars + 2 > LABEL_WIDTH)
            xs_width(s, 0, 0, is->label_chars + 2 < 80 ? is->label_chars + 2 : 80);
    }
    free(is);
}

/* ---- Definities (definitions, settings, sources, warnings) -------------------- */

/* Definities has labels in A, values in B and text over B and C. */
enum { TL_LABEL, TL_VALUE, TL_TEXT };

static void tl_row(xs *s, const char *label, const char *text)
{
    xs_label(s, label);
    xs_paragraph(s, TL_VALUE, TL_TEXT, text, XF_WRAP);
    xs_down(s, 1);
}

static void tl_indicators(xs *s)
{
    const xw *w = s->w;
    xs_text(s, 0, "Indicatoren", XF_SUBTITLE);
    xs_down(s, 1);
    for (size_t i = 0; i < w->rep->nresults; i++) {
        const pm_result *r = &w->rep->results[i];
        const pm_indicator_text *t = pm_label_indicator(r->id);
        char buf[256], doel[128];
        snprintf(buf, sizeof buf, "%s — %s", r->id, t->naam);
        xs_text(s, 0, buf, XF_BOLD);
        xs_down(s, 1);
        tl_row(s, "Doel", pm_label_target(r->id, w->cfg, doel, sizeof doel));
        tl_row(s, "Resultaat eind 2025", t->resultaat);
        tl_row(s, "Definitie", t->definitie);
        xs_down(s, 1);
    }
}

typedef enum setting_kind {
    SET_DATE,
    SET_PCT,
    SET_INT,
    SET_SCORE,
    SET_EURO
} setting_kind;

static void tl_setting(xs *s, const char *label, setting_kind kind, double v)
{
    static const xf fmts[] = {XF_DATE, XF_PCT, XF_INT, XF_SCORE, XF_EURO};
    xs_label(s, label);
    xs_num(s, TL_VALUE, kind == SET_DATE ? v + EXCEL_1970 : v, fmts[kind]);
    xs_down(s, 1);
}

static void tl_settings(xs *s)
{
    const pm_config *c = s->w->cfg;
    xs_text(s, 0, "Programma en instellingen", XF_SUBTITLE);
    xs_down(s, 1);
    tl_row(s, "Programma", c->naam);
    tl_setting(s, "Start programma", SET_DATE, c->programma_start);
    tl_setting(s, "Einde programma (datum van de doelen)", SET_DATE, c->programma_einde);
    tl_setting(s, "Doel R1: reactie binnen 5 werkdagen", SET_PCT, c->doel_r1);
    tl_setting(s, "Doel R2: tevreden organisaties", SET_PCT, c->doel_r2);
    tl_setting(s, "Doel R3: actieve specialisten", SET_INT, c->doel_r3_actief);
    tl_setting(s, "Doel R3: goed beoordeeld", SET_PCT, c->doel_r3);
    tl_setting(s, "Doel R4: mijlpalen op tijd", SET_PCT, c->doel_r4);
    tl_setting(s, "Doel R4: gemiddelde score opdrachtgevers", SET_SCORE,
               c->r4_gemiddelde_x10 / 10.0);
    tl_setting(s, "Doel R5: mijlpalen op tijd", SET_PCT, c->doel_r5);
    tl_setting(s, "Doel R6: kennisproducten", SET_INT, c->doel_r6);
    tl_setting(s, "Budget: oranje tot prognose", SET_PCT, c->b_marge);
    tl_setting(s, "Minimaal aantal waarnemingen voor een status", SET_INT, c->min_n);
    tl_setting(s, "Extern: kleinste getoonde cel", SET_INT, c->min_cell);
    tl_setting(s, "Maximaal uurtarief (controle)", SET_EURO,
               (double)c->uurtarief_max_cent / 100.0);
    tl_setting(s, "Extra gesloten dagen (besluiten, sluiting)", SET_INT,
               (double)c->nclosed);
    xs_down(s, 1);
}

static void tl_sources(xs *s)
{
    const xw *w = s->w;
    xs_text(s, 0, "Gegevensbronnen", XF_SUBTITLE);
    xs_down(s, 1);
    xs_head(s, TL_LABEL, "Gegevensbestand");
    xs_head(s, TL_VALUE, "Rijen in de database");
    xs_down(s, 1);
    for (int k = 0; k < PM_NKINDS; k++) {
        xs_text(s, TL_LABEL, pm_dataset_get((pm_kind)k)->name, XF_PLAIN);
        xs_num(s, TL_VALUE, (double)w->rep->rows[k], XF_INT);
        xs_down(s, 1);
    }
    xs_down(s, 1);
    tl_row(s, "Gegevensvingerafdruk", w->in->fingerprint);
    tl_row(s, "",
           "De vingerafdruk is een controlegetal over alle ingelezen rijen: twee "
           "rapportages met dezelfde vingerafdruk zijn gemaakt uit dezelfde gegevens.");
    xs_down(s, 1);
}

/* The warnings of `check`. They name requests, files and lines: the intern
 * workbook lists them as check does, the extern one gives their number
 * only. The number is every warning found, also those a kind does not
 * list beyond its first ones. */
static void tl_warnings(xs *s)
{
    xw *w = s->w;
    const pm_warnings *ws = w->in->warnings;
    long total = ws ? ws->total : 0;
    char buf[256];
    xs_text(s, 0, "Controle van de gegevens", XF_SUBTITLE);
    xs_down(s, 1);
    if (total == 0)
        tl_row(s, "Waarschuwingen", "geen: de controle vond niets bijzonders");
    else if (w->in->audience == PM_EXTERN) {
        snprintf(
            buf, sizeof buf,
            "%ld waarschuwing%s bij de controle van de gegevens; de lijst staat in de "
            "interne rapportage.",
            total, total == 1 ? "" : "en");
        tl_row(s, "Waarschuwingen", buf);
    } else {
        snprintf(buf, sizeof buf, "%ld waarschuwing%s:", total, total == 1 ? "" : "en");
        tl_row(s, "Waarschuwingen", buf);
        size_t n;
        char **lines = pm_label_warning_lines(ws, &n);
        if (!lines)
            note(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        for (size_t i = 0; i < n; i++)
            tl_row(s, "", lines[i]);
        pm_label_lines_free(lines, n);
    }
    xs_down(s, 1);
}

static void write_toelichting(xw *w)
{
    xs s;
    if (!xs_open(w, &s, "Definities"))
        return;
    xs_width(&s, TL_LABEL, TL_LABEL, 44);
    xs_width(&s, TL_VALUE, TL_VALUE, 16);
    xs_width(&s, TL_TEXT, TL_TEXT, 84);
    xs_height(&s, 24);
    xs_text(&s, 0, "Definities", XF_TITLE);
    xs_down(&s, 2);
    tl_indicators(&s);
    tl_settings(&s);
    tl_sources(&s);
    tl_warnings(&s);
    char buf[640];
    if (w->in->audience == PM_INTERN) {
        snprintf(buf, sizeof buf,
                 "Deze werkmap is voor intern gebruik. Na dit blad volgen de "
                 "afzonderlijke regels van de periode: Hulpvragen, Evaluaties en Inzet.");
    } else {
        snprintf(
            buf, sizeof buf,
            "Deze werkmap is voor extern gebruik: alleen totalen, geen namen van "
            "specialisten, geen cijfers per organisatie, en cellen uit minder dan %d "
            "waarnemingen als %s. " PM_SECONDARY_NOTE " Zo'n cel staat als %s.",
            w->cfg->min_cell, w->hidden, PM_MARK_SECUNDAIR);
    }
    tl_row(&s, "Publiek", buf);
}

/* The coordinator's toelichting (xlsx_toelichting.c), before Definities. */
static void write_tl_text(xw *w)
{
    xs s;
    if (pm_xlsx_tl_wanted(w->in) && xs_open(w, &s, "Toelichting"))
        note(w, pm_xlsx_tl_write(w->wb, s.ws, s.row, w->in));
}

/* ---- row-level sheets (intern) ---------------------------------------------- */

static const xf col_formats[] = {
    [PM_COL_TEXT] = XF_PLAIN, [PM_COL_INT] = XF_INT,     [PM_COL_DATE] = XF_DATE,
    [PM_COL_EURO] = XF_EURO,  [PM_COL_SCORE] = XF_SCORE, [PM_COL_HOURS] = XF_HOURS};

static double col_number(pm_col_type type, int64_t num)
{
    switch (type) {
    case PM_COL_DATE: return (double)num + EXCEL_1970;
    case PM_COL_EURO: return (double)num / 100.0;
    case PM_COL_SCORE: return (double)num / 10.0;
    case PM_COL_HOURS: return (double)num / 100.0;
    default: return (double)num;
    }
}

/* Starts part `part` of a row-level sheet: "Inzet", "Inzet (2)", ... with
 * its header row, widths and frozen header. */
static bool rows_sheet(xw *w, xs *s, const pm_rows_table *t, int part)
{
    char name[32];
    if (part == 1)
        snprintf(name, sizeof name, "%s", t->title);
    else
        snprintf(name, sizeof name, "%s (%d)", t->title, part);
    if (!xs_open(w, s, name))
        return false;
    const pm_rows_column *cols = t->cols;
    for (size_t c = 0; c < t->ncols; c++) {
        xs_width(s, (lxw_col_t)c, (lxw_col_t)c, cols[c].width);
        xs_head(s, (lxw_col_t)c, cols[c].name);
    }
    /* The mark and the header stay in view and on every printed page. */
    worksheet_freeze_panes(s->ws, s->row + 1, 0);
    note(w, worksheet_repeat_rows(s->ws, 0, s->row));
    xs_down(s, 1);
    return true;
}

/* The filter covers the header and every data row of the part. */
static void rows_close(xs *s, size_t ncols)
{
    if (s->ws)
        note(s->w,
             worksheet_autofilter(s->ws, s->top, 0, s->row - 1, (lxw_col_t)(ncols - 1)));
}

static void rows_write(xs *s, const pm_rows_column *cols, size_t ncols,
                       const pm_row_value *vals)
{
    for (size_t c = 0; c < ncols; c++) {
        if (!vals[c].present)
            continue;
        if (cols[c].type == PM_COL_TEXT)
            xs_text(s, (lxw_col_t)c, vals[c].text, XF_PLAIN);
        else
            xs_num(s, (lxw_col_t)c, col_number(cols[c].type, vals[c].num),
                   col_formats[cols[c].type]);
    }
    xs_down(s, 1);
}

/* Reads the rows of kind from the source the top layer handed in; the
 * source's failure (a database error behind it) is the workbook's. */
static pm_error write_rows(xw *w, pm_rows_kind kind, char *msg, size_t msgsize)
{
    /* Under the mark and the header, the rest of Excel's rows. */
    const long room = MAX_EXCEL_ROWS - (w->in->audience == PM_INTERN ? 2 : 1);
    long max = w->in->max_rows_per_sheet;
    if (max <= 0 || max > room)
        max = room;
    const pm_row_source *src = w->in->rows;
    pm_rows_table t = {0};
    pm_error err = src->open(src->ctx, kind, &t, msg, msgsize);
    if (err) {
        src->close(src->ctx);
        return err;
    }
    int part = 1;
    long n = 0;
    xs s;
    bool ok = rows_sheet(w, &s, &t, part);
    const pm_row_value *vals;
    int rc = 0;
    while (ok && (rc = src->next(src->ctx, &vals, msg, msgsize)) == 1) {
        if (n == max) {
            rows_close(&s, t.ncols);
            ok = rows_sheet(w, &s, &t, ++part);
            n = 0;
        }
        rows_write(&s, t.cols, t.ncols, vals);
        n++;
    }
    if (ok && rc < 0)
        err = PM_ERR_DB;
    if (ok)
        rows_close(&s, t.ncols);
    src->close(src->ctx);
    return err;
}

/* ---- the workbook ---------------------------------------------------------------- */

static void set_properties(xw *w)
{
    const pm_scope *ctx = &w->rep->scope;
    char title[256], subject[256], comments[256], range[64], peil[16], pname[64];
    pm_format_period(ctx->period.start, ctx->period.end, pname, sizeof pname);
    snprintf(title, sizeof title, "%s — %s", TITLE, pname);
    range_text(ctx->period.start, ctx->period.end, range, sizeof range);
    pm_format_date(ctx->peildatum, peil, sizeof peil);
    snprintf(subject, sizeof subject, "Periode %s (%s), peildatum %s, publiek %s", pname,
             range, peil, pm_audience_name(w->in->audience));
    snprintf(comments, sizeof comments, "Gegevensvingerafdruk %s", w->in->fingerprint);
    lxw_doc_properties p = {.title = title,
                            .subject = subject,
                            .author = AUTHOR,
                            .company = COMPANY,
                            .comments = comments,
                            .created = w->in->created};
    note(w, workbook_set_properties(w->wb, &p));
}

static pm_error write_sheets(xw *w, char *msg, size_t msgsize)
{
    create_formats(w);
    print_texts(w);
    set_properties(w);
    write_overzicht(w);
    if (!w->lerr)
        note(w, pm_xlsx_summary_sheets(
                    &(pm_xlsx_summary_input){w->wb, w->rep, w->in->audience, w->header,
                                             w->footer, pm_label_intern_mark}));
    for (size_t i = 0; i < w->rep->nresults; i++)
        write_indicator(w, &w->rep->results[i]);
    write_tl_text(w);
    write_toelichting(w);
    pm_xlsx_beheer_sheets(w);
    if (w->in->audience != PM_INTERN || !w->in->rows)
        return PM_OK;
    static const pm_rows_kind kinds[] = {PM_ROWS_HULPVRAGEN, PM_ROWS_EVALUATIES,
                                         PM_ROWS_INZET};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0] && !w->lerr; k++) {
        pm_error err = write_rows(w, kinds[k], msg, msgsize);
        if (err)
            return err;
    }
    return PM_OK;
}

pm_error pm_xlsx_write(const pm_xlsx_input *in, const char *path, const char *shown,
                       char *msg, size_t msgsize)
{
    char *dir = pm_xlsx_folder_of(path);
    xw w = {.in = in, .rep = in->rep, .cfg = in->rep->scope.cfg};
    snprintf(w.hidden, sizeof w.hidden, "<%d", w.cfg->min_cell);
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = dir};
    w.wb = dir ? workbook_new_opt(path, &opts) : NULL;
    if (!w.wb) {
        snprintf(msg, msgsize, "%s: onvoldoende geheugen voor de werkmap", shown);
        free(dir);
        return PM_ERR_NOMEM;
    }
    pm_error err = write_sheets(&w, msg, msgsize);
    if (!err && w.lerr) {
        snprintf(msg, msgsize,
                 "%s: de werkmap kan niet worden opgebouwd (libxlsxwriter: %s)", shown,
                 lxw_strerror(w.lerr));
        err = PM_ERR_IO;
    }
    /* Closing also frees the workbook, so it happens on failure too; the
     * caller discards the half-written file. */
    errno = 0;
    lxw_error closed = workbook_close(w.wb);
    int close_errno = errno;
    if (!err && closed) {
        /* libxlsxwriter's own text ("Zip generic error ZIP_ERRNO ...") does
         * not tell a user that the disk is full: say the reason in Dutch
         * from errno when the library left one (tests/e2e/test_faults.py). */
        snprintf(msg, msgsize, "%s kan niet worden geschreven%s%s (libxlsxwriter: %s)",
                 shown, close_errno ? ": " : "",
                 close_errno ? pm_errno_text(close_errno) : "", lxw_strerror(closed));
        err = PM_ERR_IO;
    }
    free(dir);
    return err;
}
