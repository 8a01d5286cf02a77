/* text.c — `indicators` as a terminal table or as Dutch-Excel CSV.
 * Column widths count characters, not bytes, so "≥" and "€" line up. */
#include "text.h"

#include <math.h>
#include <string.h>

#include "format.h"
#include "labels.h"

/* Characters (code points) in a UTF-8 string. */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void cell(FILE *out, const char *s, size_t w)
{
    fputs(s, out);
    for (size_t i = width(s); i < w; i++)
        fputc(' ', out);
}

/* A hidden figure as `mark`; R3 keeps its active count. */
static char *hidden_figure(const char *id, const pm_figures *f, const char *mark,
                           char *buf, size_t size)
{
    if (strcmp(id, "R3") == 0)
        snprintf(buf, size, "%ld actief; %s", f->actief, mark);
    else
        snprintf(buf, size, "%s", mark);
    return buf;
}

char *pm_text_shown(const char *id, const pm_figures *f, const char *hidden, char *buf,
                    size_t size)
{
    if (pm_figures_visible(f))
        return pm_text_value(id, f, buf, size);
    /* Hidden beside a small one, it may rest on many observations: "<5"
     * would be false. */
    return hidden_figure(
        id, f, f->suppress == PM_SUPPRESS_SECUNDAIR ? PM_MARK_SECUNDAIR : hidden, buf,
        size);
}

char *pm_text_value(const char *id, const pm_figures *f, char *buf, size_t size)
{
    char p[32], a[32], b[32], m[32];
    if (!pm_figures_visible(f))
        return hidden_figure(id, f, "onderdrukt", buf, size);
    if (strcmp(id, "R6") == 0) {
        snprintf(buf, size, "%ld", f->aantal);
    } else if (strcmp(id, "B") == 0) {
        if (!f->has_begroting)
            snprintf(buf, size, "%s, geen begroting",
                     pm_format_euro(f->realisatie_cent, a, sizeof a));
        else
            snprintf(buf, size, "%s van %s (%s)",
                     pm_format_euro(f->realisatie_cent, a, sizeof a),
                     pm_format_euro(f->begroting_cent, b, sizeof b),
                     f->has_waarde ? pm_format_percent(f->waarde, 1, p, sizeof p) : "–");
    } else if (!f->has_waarde) {
        if (strcmp(id, "R3") == 0)
            snprintf(buf, size, "%ld actief; niemand beoordeeld", f->actief);
        else
            snprintf(buf, size, "–");
    } else {
        char share[64];
        snprintf(share, sizeof share, "%s (%.0f van %.0f)",
                 pm_format_percent(f->waarde, 1, p, sizeof p), f->teller, f->noemer);
        if (strcmp(id, "R3") == 0)
            snprintf(buf, size, "%ld actief; %s", f->actief, share);
        else if (strcmp(id, "R4") == 0 && f->has_gemiddelde)
            snprintf(buf, size, "%s; gem. %s", share,
                     pm_format_decimal(f->gemiddelde, 1, m, sizeof m));
        else if (strcmp(id, "R4") == 0 && f->gemiddelde_onderdrukt)
            snprintf(buf, size, "%s; gem.: %s", share, PM_MEAN_HIDDEN);
        else
            snprintf(buf, size, "%s", share);
    }
    return buf;
}

/* The overview as rows of five columns, seven with a comparison (its value
 * and the difference beside the periode); widths follow the longest cell. */
#define NCOLS 5
#define MAXCOLS 7
#define MAXROWS 16

/* The comparison period's value of r for the table, its mark when hidden
 * (recorded in seen). */
static void compared_value(const pm_result *r, int min_cell, pm_marks *seen, char *buf,
                           size_t size)
{
    const pm_comparison *k = &r->vergelijking;
    pm_suppress why = pm_marks_add(seen, pm_comparison_value_hidden(k));
    if (why != PM_SUPPRESS_NONE)
        pm_hidden_mark(why, min_cell, buf, size);
    else
        pm_text_value(r->id, &k->f, buf, size);
}

/* The legend of the marks a table showed, one line each (SPEC §6). */
static void legend_lines(FILE *out, const pm_marks *seen, int min_cell)
{
    char line[PM_LEGEND_SIZE];
    if (seen->primair)
        fprintf(out, "%s.\n",
                pm_hidden_legend(PM_SUPPRESS_PRIMAIR, min_cell, line, sizeof line));
    if (seen->secundair)
        fprintf(out, "%s.\n",
                pm_hidden_legend(PM_SUPPRESS_SECUNDAIR, min_cell, line, sizeof line));
}

pm_error pm_text_table(const pm_report *rep, pm_audience audience, FILE *out)
{
    const pm_scope *ctx = &rep->scope;
    char d1[16], d2[16], d3[16], d4[16], pname[64], dates[40] = "";
    fprintf(out, "%s\n", ctx->cfg->naam);
    pm_format_period(ctx->period.start, ctx->period.end, pname, sizeof pname);
    /* A named period also shows its dates; a range already is its dates. */
    if (!strstr(pname, " t/m "))
        snprintf(dates, sizeof dates, " (%s t/m %s)",
                 pm_format_date(ctx->period.start, d1, sizeof d1),
                 pm_format_date(ctx->period.end, d2, sizeof d2));
    fprintf(out, "Periode %s%s, peildatum %s, publiek %s\n", pname, dates,
            pm_format_date(ctx->peildatum, d3, sizeof d3), pm_audience_name(audience));
    bool filtered = pm_filter_active(&ctx->filter);
    if (filtered) {
        char words[512];
        fprintf(out, "Filter: %s (R1, R2 en R3; R4, R5, R6 en B: hele programma)\n",
                pm_label_filter(&ctx->filter, words, sizeof words));
    }
    /* The cumulatief of a follow-up target period starts at its start. */
    pm_day cum_from = rep->nresults ? rep->results[0].cumulatief.from : ctx->cum_from;
    if (ctx->cum_from <= ctx->cum_to)
        fprintf(out, "Cumulatief: %s t/m %s\n\n", pm_format_date(cum_from, d4, sizeof d4),
                pm_format_date(ctx->cum_to, d3, sizeof d3));
    else
        fprintf(out, "Cumulatief: het programma begint pas op %s\n\n",
                pm_format_date(ctx->cum_from, d4, sizeof d4));

    static char rows[MAXROWS][MAXCOLS][160];
    size_t nrows = 0;
    /* With a comparison its two columns follow the periode; the status
     * stays last. */
    bool cmp = ctx->vergelijk != PM_VERGELIJK_GEEN;
    int ncols = cmp ? MAXCOLS : NCOLS;
    int col_cum = cmp ? 5 : 3, col_st = cmp ? 6 : 4;
    char cmp_name[64];
    pm_label_vergelijking_periode(ctx, cmp_name, sizeof cmp_name);
    const char *head[MAXCOLS] = {"Indicator", "Doel", "Periode", "Cumulatief", "Status"};
    if (cmp) {
        head[3] = cmp_name;
        head[4] = "Verschil";
        head[5] = "Cumulatief";
        head[6] = "Status";
    }
    for (int c = 0; c < ncols; c++)
        snprintf(rows[0][c], sizeof rows[0][c], "%s", head[c]);
    nrows = 1;
    char hidden[PM_MARK_SIZE]; /* a hidden filtered figure (extern), as a hidden cell */
    pm_hidden_mark(PM_SUPPRESS_PRIMAIR, ctx->cfg->min_cell, hidden, sizeof hidden);
    pm_marks seen = {0};
    for (size_t i = 0; i < rep->nresults && nrows < MAXROWS; i++, nrows++) {
        const pm_result *r = &rep->results[i];
        char v[128];
        snprintf(rows[nrows][0], sizeof rows[nrows][0], "%s %s%s", r->id,
                 pm_label_indicator(r->id)->naam,
                 filtered && !r->gefilterd ? " (hele programma)" : "");
        pm_label_target(r->id, ctx->cfg, rows[nrows][1], sizeof rows[nrows][1]);
        snprintf(rows[nrows][2], sizeof rows[nrows][2], "%s [%s]",
                 pm_text_shown(r->id, &r->periode, hidden, v, sizeof v),
                 pm_status_name(r->periode.status));
        pm_text_shown(r->id, &r->cumulatief, hidden, rows[nrows][col_cum],
                      sizeof rows[nrows][col_cum]);
        pm_marks_add(&seen, r->periode.suppress);
        pm_marks_add(&seen, r->cumulatief.suppress);
        snprintf(rows[nrows][col_st], sizeof rows[nrows][col_st], "%s",
                 pm_status_name(r->status));
        if (cmp) {
            compared_value(r, ctx->cfg->min_cell, &seen, rows[nrows][3],
                           sizeof rows[nrows][3]);
            pm_label_verschil(r, rows[nrows][4], sizeof rows[nrows][4]);
            if (pm_marks_add(&seen, pm_comparison_verschil_hidden(&r->vergelijking)))
                pm_hidden_mark(PM_SUPPRESS_SECUNDAIR, ctx->cfg->min_cell, rows[nrows][4],
                               sizeof rows[nrows][4]);
            if (!rows[nrows][4][0])
                snprintf(rows[nrows][4], sizeof rows[nrows][4], "–");
        }
    }
    size_t w[MAXCOLS] = {0};
    for (size_t i = 0; i < nrows; i++)
        for (int c = 0; c < ncols; c++)
            if (width(rows[i][c]) > w[c])
                w[c] = width(rows[i][c]);
    for (size_t i = 0; i < nrows; i++) {
        for (int c = 0; c < ncols - 1; c++)
            cell(out, rows[i][c], w[c] + 2);
        fprintf(out, "%s\n", rows[i][ncols - 1]);
    }

    const pm_result *b = pm_report_find(rep, "B");
    if (b && b->cumulatief.jaarbegroting_cent > 0) {
        char p[32], j[32];
        fprintf(out, "\nBudget: prognose %s tegen jaarbegroting %s voor %d.\n",
                pm_format_euro(b->cumulatief.prognose_cent, p, sizeof p),
                pm_format_euro(b->cumulatief.jaarbegroting_cent, j, sizeof j),
                pm_quarter_index(ctx->peildatum) / 4);
    }
    /* Every status with its reason, then the eindstand of every ended
     * target period (SPEC §3, §5). */
    fputs("\nStatus en reden:\n", out);
    for (size_t i = 0; i < rep->nresults; i++) {
        const pm_result *r = &rep->results[i];
        char why[320];
        fprintf(out, "  %-3s periode %s: %s\n", r->id, pm_status_name(r->periode.status),
                pm_label_reden(r->id, &r->periode, ctx->cfg, why, sizeof why));
        fprintf(out, "      cumulatief %s: %s\n", pm_status_name(r->cumulatief.status),
                pm_label_reden(r->id, &r->cumulatief, ctx->cfg, why, sizeof why));
    }
    /* The comparison in words (SPEC §9), as known on this peildatum. */
    if (cmp) {
        fprintf(out, "\nVergelijking met %s (zoals bekend op %s):\n", cmp_name,
                pm_format_date(ctx->peildatum, d3, sizeof d3));
        for (size_t i = 0; i < rep->nresults; i++) {
            char words[512];
            fprintf(out, "  %-3s %s\n", rep->results[i].id,
                    pm_label_vergelijking(&rep->results[i], ctx, words, sizeof words));
        }
    }
    size_t neind = rep->nresults ? rep->results[0].neindstanden : 0;
    for (size_t e = 0; e < neind; e++) {
        const pm_eindstand *first = &rep->results[0].eindstanden[e];
        fprintf(out, "\nEindstand doelperiode %s t/m %s (zoals bekend op %s):\n",
                pm_format_date(first->van, d1, sizeof d1),
                pm_format_date(first->tot, d2, sizeof d2),
                pm_format_date(ctx->peildatum, d3, sizeof d3));
        for (size_t i = 0; i < rep->nresults; i++) {
            const pm_result *r = &rep->results[i];
            if (e >= r->neindstanden)
                continue;
            char v[128];
            pm_marks_add(&seen, r->eindstanden[e].f.suppress);
            fprintf(out, "  %-3s %s — %s\n", r->id,
                    pm_text_shown(r->id, &r->eindstanden[e].f, hidden, v, sizeof v),
                    pm_figures_visible(&r->eindstanden[e].f)
                        ? pm_label_oordeel(r->eindstanden[e].f.oordeel)
                        : "onderdrukt");
        }
    }
    if (rep->running >= 0) {
        pm_day from, to;
        pm_config_target_period(ctx->cfg_loaded, (size_t)rep->running, &from, &to, NULL);
        fprintf(
            out,
            "\nPeriode: waarde [status van de periode]. De status achteraan is die van "
            "het cumulatieve cijfer, gemeten aan de doelen van de doelperiode %s t/m "
            "%s.\n",
            pm_format_date(from, d1, sizeof d1), pm_format_date(to, d2, sizeof d2));
    } else {
        fprintf(out,
                "\nPeriode: waarde [status van de periode]. Op de peildatum loopt geen "
                "doelperiode: de laatste eindigde op %s.\n",
                pm_format_date(pm_config_targets_end(ctx->cfg_loaded), d1, sizeof d1));
    }
    legend_lines(out, &seen, ctx->cfg->min_cell);
    return ferror(out) ? PM_ERR_IO : PM_OK;
}

/* A number with a decimal comma, or an empty field when absent. */
static void csv_num(FILE *out, bool has, double v)
{
    fputc(';', out);
    if (!has)
        return;
    char buf[64];
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, sizeof buf, "%.0f", v);
    else
        snprintf(buf, sizeof buf, "%.10g", v);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = ',';
    fputs(buf, out);
}

/* A text field, quoted as RFC 4180 says when it holds the delimiter or a
 * quote (a reason often holds a ';'). */
static void csv_text(FILE *out, const char *s)
{
    fputc(';', out);
    if (!strpbrk(s, ";\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* Under a filter each row ends in what it counts: the filter in words, or
 * "hele programma" for R4-R6 and B (SPEC §9); NULL without a filter. */
static void csv_row(FILE *out, const char *id, const char *range, const pm_figures *f,
                    const pm_config *cfg, const char *scope)
{
    char a[16], b[16];
    bool empty = f->from > f->to;
    fprintf(out, "%s;%s;%s;%s", id, range,
            empty ? "" : pm_format_date(f->from, a, sizeof a),
            empty ? "" : pm_format_date(f->to, b, sizeof b));
    bool money = strcmp(id, "B") == 0;
    if (!pm_figures_visible(f)) {
        /* Hidden for extern (SPEC §9): like a hidden cell, "<5" or "x". */
        char hidden[PM_MARK_SIZE];
        pm_hidden_mark(f->suppress, cfg->min_cell, hidden, sizeof hidden);
        csv_text(out, hidden);
        csv_text(out, hidden);
        csv_text(out, hidden);
    } else {
        csv_num(out, true, money ? pm_cents_to_euros(f->realisatie_cent) : f->teller);
        csv_num(out, f->has_noemer,
                money ? pm_cents_to_euros(f->begroting_cent) : f->noemer);
        csv_num(out, f->has_waarde, f->waarde);
    }
    csv_num(out, f->has_interval, f->lo);
    csv_num(out, f->has_interval, f->hi);
    fprintf(out, ";%s", pm_status_name(f->status));
    bool r3 = strcmp(id, "R3") == 0, r4 = strcmp(id, "R4") == 0,
         r6 = strcmp(id, "R6") == 0;
    csv_num(out, r3, (double)f->actief);
    csv_num(out, r3 && pm_figures_visible(f), (double)f->niet_beoordeeld);
    csv_num(out, r4 && f->has_gemiddelde, f->gemiddelde);
    csv_num(out, r6, (double)f->aantal);
    csv_num(out, money && f->has_begroting, pm_cents_to_euros(f->begroting_cent));
    csv_num(out, money, pm_cents_to_euros(f->realisatie_cent));
    csv_num(out, money && !f->geen_prognose, pm_cents_to_euros(f->prognose_cent));
    csv_num(out, money && !f->geen_prognose, pm_cents_to_euros(f->jaarbegroting_cent));
    csv_text(out, f->has_oordeel && pm_figures_visible(f)
                      ? pm_label_oordeel((int)f->oordeel)
                      : "");
    char why[320];
    csv_text(out, pm_label_reden(id, f, cfg, why, sizeof why));
    if (scope)
        csv_text(out, scope);
}

/* The comparison columns (SPEC §9): filled on r's periode row, empty on
 * the others, so every row has as many fields. Hidden (extern): only the
 * words, which quote nothing. */
static void csv_comparison(FILE *out, const pm_result *r, const pm_scope *scope,
                           bool filled)
{
    const pm_comparison *k = &r->vergelijking;
    const pm_figures *f = &k->f;
    bool show = filled && k->present && k->suppress == PM_SUPPRESS_NONE;
    bool money = strcmp(r->id, "B") == 0;
    char a[16], b[16], words[512];
    fprintf(out, ";%s;%s",
            filled ? pm_format_date(scope->vergelijk_period.start, a, sizeof a) : "",
            filled ? pm_format_date(scope->vergelijk_period.end, b, sizeof b) : "");
    csv_num(out, show, money ? pm_cents_to_euros(f->realisatie_cent) : f->teller);
    csv_num(out, show && f->has_noemer,
            money ? pm_cents_to_euros(f->begroting_cent) : f->noemer);
    csv_num(out, show && f->has_waarde, f->waarde);
    csv_num(out, show && strcmp(r->id, "R3") == 0, (double)f->actief);
    csv_num(out, show && strcmp(r->id, "R6") == 0, (double)f->aantal);
    csv_num(out, show && k->has_verschil, k->verschil);
    csv_num(out, show && k->has_interval, k->lo);
    csv_num(out, show && k->has_interval, k->hi);
    csv_text(out, show && k->has_interval ? (k->significant ? "ja" : "nee") : "");
    csv_text(out, filled ? pm_label_vergelijking(r, scope, words, sizeof words) : "");
}

pm_error pm_text_csv(const pm_report *rep, pm_audience audience, FILE *out)
{
    (void)audience; /* the CSV holds aggregates only: the same for both */
    bool cmp = rep->scope.vergelijk != PM_VERGELIJK_GEEN;
    fputs("indicator;bereik;van;tot;teller;noemer;waarde;interval_laag;interval_hoog;"
          "status;"
          "actief;niet_beoordeeld;opdrachtgever_gemiddelde;aantal;begroting;realisatie;"
          "prognose;jaarbegroting;oordeel;reden",
          out);
    bool filtered = pm_filter_active(&rep->scope.filter);
    char words[512];
    pm_label_filter(&rep->scope.filter, words, sizeof words);
    if (filtered)
        fputs(";filter", out);
    if (cmp)
        fputs(";vergelijking_van;vergelijking_tot;vergelijking_teller;"
              "vergelijking_noemer;vergelijking_waarde;vergelijking_actief;"
              "vergelijking_aantal;verschil;verschil_interval_laag;"
              "verschil_interval_hoog;significant;vergelijking_tekst",
              out);
    fputs("\r\n", out);
    for (size_t i = 0; i < rep->nresults; i++) {
        const pm_result *r = &rep->results[i];
        const pm_config *cfg = rep->scope.cfg;
        const char *scope = !filtered ? NULL : r->gefilterd ? words : "hele programma";
        /* The comparison belongs to the periode row. */
        csv_row(out, r->id, "periode", &r->periode, cfg, scope);
        if (cmp)
            csv_comparison(out, r, &rep->scope, true);
        fputs("\r\n", out);
        csv_row(out, r->id, "cumulatief", &r->cumulatief, cfg, scope);
        if (cmp)
            csv_comparison(out, r, &rep->scope, false);
        fputs("\r\n", out);
        /* The eindstand of every ended target period (its range in van, tot). */
        for (size_t e = 0; e < r->neindstanden; e++) {
            csv_row(out, r->id, "eindstand", &r->eindstanden[e].f, cfg, scope);
            if (cmp)
                csv_comparison(out, r, &rep->scope, false);
            fputs("\r\n", out);
        }
        for (size_t t = 0; t < r->ntrend; t++) {
            char q[16];
            pm_quarter_label(r->trend[t].quarter, q, sizeof q);
            csv_row(out, r->id, q, &r->trend[t].f, cfg, scope);
            if (cmp)
                csv_comparison(out, r, &rep->scope, false);
            fputs("\r\n", out);
        }
    }
    return ferror(out) ? PM_ERR_IO : PM_OK;
}
