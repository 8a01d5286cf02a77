/* json.c — the report as JSON (SPEC §7), built with cJSON.
 * Keys are Dutch like the rest of the contract; numbers are numbers (euros
 * rounded to cents), absent values are null, never 0. */
#include "json.h"

#include "export.h"
#include "format.h"
#include "json_beheer.h"
#include "labels.h"
#include "written_json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Adds an ISO date string, or null when the range is empty. */
static void add_date(cJSON *obj, const char *key, pm_day d)
{
    char buf[11];
    pm_day_format_iso(d, buf);
    cJSON_AddStringToObject(obj, key, buf);
}

static void add_number_or_null(cJSON *obj, const char *key, bool has, double v)
{
    if (has)
        cJSON_AddNumberToObject(obj, key, v);
    else
        cJSON_AddNullToObject(obj, key);
}

static void add_interval(cJSON *obj, bool has, double lo, double hi)
{
    if (!has) {
        cJSON_AddNullToObject(obj, "interval");
        return;
    }
    cJSON *iv = cJSON_AddArrayToObject(obj, "interval");
    cJSON_AddItemToArray(iv, cJSON_CreateNumber(lo));
    cJSON_AddItemToArray(iv, cJSON_CreateNumber(hi));
}

/* The figures object of SPEC §7, with the indicator's own figures. A trend
 * point has no prognose of its own: B's prognose fields are null there. */
static cJSON *figures(const char *id, const pm_figures *f, bool trend_point,
                      const pm_config *cfg)
{
    cJSON *o = cJSON_CreateObject();
    if (f->from <= f->to) {
        add_date(o, "van", f->from);
        add_date(o, "tot", f->to);
    } else {
        cJSON_AddNullToObject(o, "van");
        cJSON_AddNullToObject(o, "tot");
    }
    bool money = strcmp(id, "B") == 0;
    /* A hidden filtered figure (extern, SPEC §9): like a hidden cell, its
     * numbers are null and "onderdrukt" says why. */
    bool shown = pm_figures_visible(f);
    if (shown)
        cJSON_AddNumberToObject(
            o, "teller", money ? pm_cents_to_euros(f->realisatie_cent) : f->teller);
    else
        cJSON_AddNullToObject(o, "teller");
    add_number_or_null(o, "noemer", shown && f->has_noemer,
                       money ? pm_cents_to_euros(f->begroting_cent) : f->noemer);
    add_number_or_null(o, "waarde", f->has_waarde, f->waarde);
    add_interval(o, f->has_interval, f->lo, f->hi);
    cJSON_AddStringToObject(o, "status", pm_status_name(f->status));
    char reden[320];
    cJSON_AddStringToObject(o, "reden", pm_label_reden(id, f, cfg, reden, sizeof reden));
    if (!shown)
        cJSON_AddStringToObject(o, "onderdrukt", pm_suppress_name(f->suppress));
    if (strcmp(id, "R3") == 0) {
        cJSON_AddNumberToObject(o, "actief", (double)f->actief);
        add_number_or_null(o, "niet_beoordeeld", shown, (double)f->niet_beoordeeld);
    } else if (strcmp(id, "R4") == 0) {
        add_number_or_null(o, "opdrachtgever_gemiddelde", f->has_gemiddelde,
                           f->gemiddelde);
        if (f->gemiddelde_onderdrukt)
            cJSON_AddStringToObject(o, "opdrachtgever_gemiddelde_onderdrukt",
                                    PM_MEAN_HIDDEN);
        cJSON_AddNumberToObject(o, "opdrachtgever_evaluaties", (double)f->n_gemiddelde);
    } else if (strcmp(id, "R6") == 0) {
        cJSON_AddNumberToObject(o, "aantal", (double)f->aantal);
    } else if (money) {
        add_number_or_null(o, "begroting", f->has_begroting,
                           pm_cents_to_euros(f->begroting_cent));
        cJSON_AddNumberToObject(o, "realisatie", pm_cents_to_euros(f->realisatie_cent));
        add_number_or_null(o, "prognose", !trend_point && !f->geen_prognose,
                           pm_cents_to_euros(f->prognose_cent));
        add_number_or_null(o, "jaarbegroting", !trend_point && !f->geen_prognose,
                           pm_cents_to_euros(f->jaarbegroting_cent));
    }
    return o;
}

/* One breakdown cell; for an extern audience a hidden cell keeps only its
 * key and "onderdrukt": "primair" (too small) or "secundair" (hidden so that
 * a small one cannot be worked out). */
static cJSON *cell(const pm_breakdown *b, const pm_cell *c, pm_audience a, int min_cell,
                   bool money)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "sleutel", c->key);
    if (c->label)
        cJSON_AddStringToObject(o, "naam", c->label);
    if (!pm_cell_visible(b, c, a, min_cell)) {
        const char *why = pm_suppress_name(c->suppress);
        cJSON_AddStringToObject(o, "onderdrukt", why ? why : "primair");
        return o;
    }
    cJSON_AddNumberToObject(o, "teller",
                            money ? pm_cents_to_euros(c->realisatie_cent) : c->teller);
    cJSON_AddNumberToObject(o, "noemer",
                            money ? pm_cents_to_euros(c->begroting_cent) : c->noemer);
    add_number_or_null(o, "waarde", c->has_waarde, c->waarde);
    add_interval(o, c->has_interval, c->lo, c->hi);
    cJSON_AddNumberToObject(o, "n", (double)c->n);
    if (c->has_d1)
        add_date(o, "gepland", c->d1);
    if (c->has_d2)
        add_date(o, "gereed", c->d2);
    return o;
}

static cJSON *breakdowns(const pm_result *r, pm_audience a, int min_cell)
{
    cJSON *all = cJSON_CreateObject();
    bool money = strcmp(r->id, "B") == 0;
    for (size_t i = 0; i < r->nbreakdowns; i++) {
        const pm_breakdown *b = &r->breakdowns[i];
        if (!pm_breakdown_visible(b, a))
            continue;
        cJSON *bo = cJSON_AddObjectToObject(all, b->key);
        cJSON *per = cJSON_AddArrayToObject(bo, "periode");
        cJSON *cum = cJSON_AddArrayToObject(bo, "cumulatief");
        for (size_t c = 0; c < b->ncells; c++) {
            cJSON_AddItemToArray(per, cell(b, &b->periode[c], a, min_cell, money));
            cJSON_AddItemToArray(cum, cell(b, &b->cumulatief[c], a, min_cell, money));
        }
    }
    return all;
}

static cJSON *trend(const pm_result *r, const pm_config *cfg)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < r->ntrend; i++) {
        char label[16];
        pm_quarter_label(r->trend[i].quarter, label, sizeof label);
        cJSON *o = figures(r->id, &r->trend[i].f, true, cfg);
        cJSON_AddStringToObject(o, "kwartaal", label);
        /* The figure as known at the quarter's end, or as sent (SPEC §5). */
        cJSON *e = figures(r->id, &r->trend[i].eerder, true, cfg);
        cJSON_AddStringToObject(
            e, "bron", r->trend[i].eerder_verzonden ? "verzonden" : "herberekend");
        cJSON_AddItemToObject(o, "eerder", e);
        cJSON_AddBoolToObject(o, "herzien", r->trend[i].herzien);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* One object per ended target period: its range, the figures exactly as
 * the periode object of `--period VAN..TOT` has them, and the oordeel. */
static cJSON *eindstanden(const pm_result *r, const pm_config *cfg)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < r->neindstanden; i++) {
        const pm_eindstand *e = &r->eindstanden[i];
        cJSON *o = figures(r->id, &e->f, false, cfg);
        cJSON *dp = cJSON_CreateObject();
        add_date(dp, "van", e->van);
        add_date(dp, "tot", e->tot);
        cJSON_AddItemToObject(o, "doelperiode", dp);
        cJSON_AddNumberToObject(o, "doel", e->doel);
        if (pm_figures_visible(&e->f))
            cJSON_AddStringToObject(o, "oordeel", pm_oordeel_name(e->f.oordeel));
        else
            cJSON_AddNullToObject(o, "oordeel");
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static void add_names(cJSON *obj, const char *key, const char *const *names, size_t n)
{
    cJSON *arr = cJSON_AddArrayToObject(obj, key);
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(names[i]));
}

/* The filter as asked (SPEC §9), null without one. */
static void add_filter(cJSON *doc, const pm_filter *f)
{
    if (!pm_filter_active(f)) {
        cJSON_AddNullToObject(doc, "filter");
        return;
    }
    cJSON *o = cJSON_AddObjectToObject(doc, "filter");
    add_names(o, "regio", f->regios, f->nregios);
    add_names(o, "type", f->types, f->ntypes);
    add_names(o, "organisatie", f->orgs, f->norgs);
}

/* "vorige" or "vorigjaar": the JSON value of --vergelijk. */
static const char *vergelijk_name(pm_vergelijk v)
{
    return v == PM_VERGELIJK_VORIGJAAR ? "vorigjaar" : "vorige";
}

/* An indicator's comparison (SPEC §9): the comparison period's periode
 * figures, the difference, and for proportions Newcombe's interval and
 * whether it excludes 0; the words every exporter uses. A hidden one
 * (extern) keeps only its range, why it is hidden and its words. */
static cJSON *vergelijking(const pm_result *r, const pm_scope *scope)
{
    const pm_comparison *k = &r->vergelijking;
    const pm_figures *f = &k->f;
    cJSON *o = cJSON_CreateObject();
    cJSON *per = cJSON_AddObjectToObject(o, "periode");
    add_date(per, "van", scope->vergelijk_period.start);
    add_date(per, "tot", scope->vergelijk_period.end);
    char words[512];
    pm_label_vergelijking(r, scope, words, sizeof words);
    if (k->suppress != PM_SUPPRESS_NONE) {
        cJSON_AddStringToObject(o, "onderdrukt", pm_suppress_name(k->suppress));
        cJSON_AddStringToObject(o, "tekst", words);
        return o;
    }
    bool money = strcmp(r->id, "B") == 0;
    cJSON_AddNumberToObject(o, "teller",
                            money ? pm_cents_to_euros(f->realisatie_cent) : f->teller);
    add_number_or_null(o, "noemer", f->has_noemer,
                       money ? pm_cents_to_euros(f->begroting_cent) : f->noemer);
    add_number_or_null(o, "waarde", f->has_waarde, f->waarde);
    if (strcmp(r->id, "R3") == 0) {
        cJSON_AddNumberToObject(o, "actief", (double)f->actief);
        cJSON_AddNumberToObject(o, "verschil_actief",
                                (double)(r->periode.actief - f->actief));
    } else if (strcmp(r->id, "R6") == 0) {
        cJSON_AddNumberToObject(o, "aantal", (double)f->aantal);
    } else if (money) {
        add_number_or_null(o, "begroting", f->has_begroting,
                           pm_cents_to_euros(f->begroting_cent));
        cJSON_AddNumberToObject(o, "realisatie", pm_cents_to_euros(f->realisatie_cent));
    }
    add_number_or_null(o, "verschil", k->has_verschil, k->verschil);
    add_interval(o, k->has_interval, k->lo, k->hi);
    if (k->has_interval)
        cJSON_AddBoolToObject(o, "significant", k->significant);
    else
        cJSON_AddNullToObject(o, "significant");
    cJSON_AddStringToObject(o, "tekst", words);
    return o;
}

cJSON *pm_json_report(const pm_report *rep, pm_audience audience)
{
    const pm_scope *ctx = &rep->scope;
    cJSON *doc = cJSON_CreateObject();
    cJSON *per = cJSON_AddObjectToObject(doc, "periode");
    cJSON_AddStringToObject(per, "label", ctx->period.label);
    char pname[64];
    cJSON_AddStringToObject(
        per, "naam",
        pm_format_period(ctx->period.start, ctx->period.end, pname, sizeof pname));
    add_date(per, "van", ctx->period.start);
    add_date(per, "tot", ctx->period.end);
    add_date(doc, "peildatum", ctx->peildatum);
    cJSON *prog = cJSON_AddObjectToObject(doc, "programma");
    cJSON_AddStringToObject(prog, "naam", ctx->cfg->naam);
    add_date(prog, "start", ctx->cfg->programma_start);
    add_date(prog, "einde", ctx->cfg->programma_einde);
    cJSON_AddStringToObject(doc, "publiek", pm_audience_name(audience));
    size_t nitems;
    const pm_reach_item *items = pm_label_reach_items(&nitems);
    cJSON *tot = cJSON_AddObjectToObject(doc, "gegevens_tot");
    for (size_t i = 0; i < nitems; i++) {
        if (rep->has_tot[items[i].kind])
            add_date(tot, items[i].name, rep->gegevens_tot[items[i].kind]);
        else
            cJSON_AddNullToObject(tot, items[i].name);
    }
    char warn[PM_REACH_WARNINGS_MAX][PM_REACH_WARNING_SIZE];
    size_t nwarn =
        pm_label_reach_warnings(rep->has_tot, rep->gegevens_tot, ctx->peildatum,
                                ctx->period.start, warn, PM_REACH_WARNINGS_MAX);
    cJSON *wl = cJSON_AddArrayToObject(doc, "waarschuwingen");
    for (size_t i = 0; i < nwarn; i++)
        cJSON_AddItemToArray(wl, cJSON_CreateString(warn[i]));
    /* The running target period, or null after the last one (SPEC §7). */
    if (rep->running >= 0) {
        pm_day from, to;
        pm_config_target_period(ctx->cfg_loaded, (size_t)rep->running, &from, &to, NULL);
        cJSON *dp = cJSON_AddObjectToObject(doc, "doelperiode");
        add_date(dp, "van", from);
        add_date(dp, "tot", to);
    } else {
        cJSON_AddNullToObject(doc, "doelperiode");
    }
    add_filter(doc, &ctx->filter);
    bool filtered = pm_filter_active(&ctx->filter);
    /* --vergelijk (SPEC §9): absent without one. */
    if (ctx->vergelijk != PM_VERGELIJK_GEEN) {
        cJSON *vg = cJSON_AddObjectToObject(doc, "vergelijking");
        cJSON_AddStringToObject(vg, "soort", vergelijk_name(ctx->vergelijk));
        cJSON_AddStringToObject(vg, "label", ctx->vergelijk_period.label);
        cJSON_AddStringToObject(vg, "naam",
                                pm_format_period(ctx->vergelijk_period.start,
                                                 ctx->vergelijk_period.end, pname,
                                                 sizeof pname));
        add_date(vg, "van", ctx->vergelijk_period.start);
        add_date(vg, "tot", ctx->vergelijk_period.end);
    }
    cJSON *list = cJSON_AddArrayToObject(doc, "indicatoren");
    for (size_t i = 0; i < rep->nresults; i++) {
        const pm_result *r = &rep->results[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", r->id);
        if (filtered)
            cJSON_AddBoolToObject(o, "gefilterd", r->gefilterd);
        cJSON_AddNumberToObject(o, "doel", r->doel);
        cJSON_AddStringToObject(o, "status", pm_status_name(r->status));
        char reden[320];
        cJSON_AddStringToObject(
            o, "reden",
            pm_label_reden(r->id, &r->cumulatief, ctx->cfg, reden, sizeof reden));
        cJSON_AddItemToObject(o, "periode", figures(r->id, &r->periode, false, ctx->cfg));
        cJSON_AddItemToObject(o, "cumulatief",
                              figures(r->id, &r->cumulatief, false, ctx->cfg));
        cJSON_AddItemToObject(o, "eindstanden", eindstanden(r, ctx->cfg));
        cJSON_AddItemToObject(o, "uitsplitsingen",
                              breakdowns(r, audience, ctx->cfg->min_cell));
        cJSON_AddItemToObject(o, "trend", trend(r, ctx->cfg));
        if (r->vergelijking.present)
            cJSON_AddItemToObject(o, "vergelijking", vergelijking(r, ctx));
        cJSON_AddItemToArray(list, o);
    }
    /* The management section's open requests: intern only (SPEC §10). */
    if (audience == PM_INTERN && rep->beheer)
        cJSON_AddItemToObject(doc, "openstaand", pm_json_openstaand(rep->beheer));
    /* The written report's generated parts (SPEC §10). */
    if (!pm_json_add_written(doc, rep, audience)) {
        cJSON_Delete(doc);
        return NULL;
    }
    return doc;
}

pm_error pm_json_write(const pm_report *rep, pm_audience audience, FILE *out, char *msg,
                       size_t msgsize)
{
    cJSON *doc = pm_json_report(rep, audience);
    char *text = doc ? cJSON_Print(doc) : NULL;
    cJSON_Delete(doc);
    if (!text) {
        snprintf(msg, msgsize, "onvoldoende geheugen voor de JSON-uitvoer");
        return PM_ERR_NOMEM;
    }
    int failed = fputs(text, out) == EOF || fputc('\n', out) == EOF;
    cJSON_free(text);
    if (failed) {
        snprintf(msg, msgsize, "de JSON-uitvoer kan niet worden geschreven");
        return PM_ERR_IO;
    }
    return PM_OK;
}
