/* summary.c — the samenvatting (summary.h): per indicator one to three
 * Dutch sentences from its figures, each indicator in words of its own, and
 * extern only from figures the audience is shown. */
#include "summary.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bereik.h"
#include "format.h"
#include "labels.h"

/* A sentence is figures and a few category names: bounded. */
#define ZIN_SIZE 1024

char *pm_summary_count(long n, const char *singular, const char *plural, char *buf,
                       size_t size)
{
    char num[32];
    snprintf(buf, size, "%s %s", pm_format_int(n, num, sizeof num),
             n == 1 ? singular : plural);
    return buf;
}

const char *pm_summary_number(long n, const char *singular, const char *plural)
{
    return n == 1 ? singular : plural;
}

const char *pm_summary_direction(double now, double then)
{
    return now > then ? "steeg" : now < then ? "daalde" : "bleef gelijk";
}

/* Appends a printf-formatted piece to a sentence buffer (truncating). */
static void add(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(char *buf, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= ZIN_SIZE)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, ZIN_SIZE - len, fmt, ap);
    va_end(ap);
}

static pm_error push(pm_summary *s, const char *indicator, const char *zin)
{
    if (!zin[0])
        return PM_OK;
    if (s->n == s->alloc) {
        size_t alloc = s->alloc ? 2 * s->alloc : 16;
        pm_summary_line *l = realloc(s->lines, alloc * sizeof *l);
        if (!l)
            return PM_ERR_NOMEM;
        s->lines = l;
        s->alloc = alloc;
    }
    char *copy = strdup(zin);
    if (!copy)
        return PM_ERR_NOMEM;
    s->lines[s->n++] = (pm_summary_line){indicator, copy};
    return PM_OK;
}

void pm_summary_free(pm_summary *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->lines[i].zin);
    free(s->lines);
    memset(s, 0, sizeof *s);
}

/* Shown values: a percentage as it is printed, to one decimal. */
static double shown(double fraction)
{
    return round(fraction * 1000.0);
}

static const char *pct(double fraction, char *buf, size_t size)
{
    return pm_format_percent(fraction, 1, buf, size);
}

/* A period as it follows "in": "het 3e kwartaal 2025", "januari 2026",
 * "2025", "de periode 15-10-2025 t/m 15-02-2026". Returns buf. */
static char *period_in(pm_day start, pm_day end, char *buf, size_t size)
{
    char name[64];
    pm_format_period(start, end, name, sizeof name);
    if (strstr(name, " t/m "))
        snprintf(buf, size, "de periode %s", name);
    else if (strstr(name, "kwartaal"))
        snprintf(buf, size, "het %s", name);
    else
        snprintf(buf, size, "%s", name);
    return buf;
}

/* ---- level against target ---------------------------------------------- */

/* What the status word means for a reader, with the reason. */
static void add_status(char *z, const char *lead, const pm_result *r,
                       const pm_report *rep)
{
    char reden[320];
    pm_label_reden(r->id, &r->cumulatief, rep->scope.cfg, reden, sizeof reden);
    /* Grijs has many causes ("geen doel na ..."): its reason says which. */
    if (r->status == PM_GRIJS)
        add(z, " %s %s (%s).", lead, pm_status_name(r->status), reden);
    else
        add(z, " %s %s (%s): %s.", lead, pm_status_name(r->status),
            pm_label_status_meaning(r->status), reden);
}

static void level_r1(char *z, const pm_figures *p, const char *per)
{
    char n[48], a[32];
    long t = lround(p->teller), d = lround(p->noemer);
    if (!p->has_waarde) {
        add(z,
            "In %s was over geen enkele hulpvraag al te beslissen of de eerste reactie "
            "op tijd kwam.",
            per);
        return;
    }
    if (d == 1) {
        add(z,
            "In %s viel over 1 hulpvraag al te beslissen; die kreeg %s eerste reactie "
            "binnen 5 werkdagen.",
            per, t == 1 ? "een" : "geen");
        return;
    }
    add(z,
        "In %s kreeg %s van de %s waarover al te beslissen viel binnen 5 werkdagen "
        "een eerste reactie (%ld op tijd, %ld te laat).",
        per, pct(p->waarde, a, sizeof a),
        pm_summary_count(d, "hulpvraag", "hulpvragen", n, sizeof n), t, d - t);
}

static void level_r2(char *z, const pm_figures *p, const char *per)
{
    char n[48], a[32];
    long t = lround(p->teller), d = lround(p->noemer);
    if (!p->has_waarde) {
        add(z, "In %s beoordeelde geen enkele gemeente of SOB de ondersteuning.", per);
        return;
    }
    add(z, "%s de ondersteuning in %s; %ld daarvan %s tevreden (%s).",
        pm_summary_count(d, "organisatie beoordeelde", "organisaties beoordeelden", n,
                         sizeof n),
        per, t, pm_summary_number(t, "was", "waren"), pct(p->waarde, a, sizeof a));
}

static void level_r3(char *z, const pm_figures *p, const char *per)
{
    char n[48], a[32], m[48];
    long t = lround(p->teller), d = lround(p->noemer);
    if (p->actief == 0) {
        add(z, "In %s was geen enkele specialist actief.", per);
        return;
    }
    add(z, "In %s %s %s actief", per, pm_summary_number(p->actief, "was", "waren"),
        pm_summary_count(p->actief, "specialist", "specialisten", n, sizeof n));
    if (p->has_waarde && d == 1)
        add(z, "; de enige beoordeelde kreeg gemiddeld %s 7 of hoger.",
            t == 1 ? "een" : "geen");
    else if (p->has_waarde)
        add(z, "; van de %s %s %ld gemiddeld een 7 of hoger (%s).",
            pm_summary_count(d, "beoordeelde", "beoordeelden", m, sizeof m),
            pm_summary_number(t, "kreeg", "kregen"), t, pct(p->waarde, a, sizeof a));
    else
        add(z, ", maar geen van hen is in die periode beoordeeld.");
    if (p->niet_beoordeeld > 0 && p->has_waarde)
        add(z, " %s nog geen beoordeling.",
            pm_summary_count(p->niet_beoordeeld, "specialist kreeg",
                             "specialisten kregen", m, sizeof m));
}

static void level_r4(char *z, const pm_figures *p, const char *per, pm_audience au)
{
    char n[48], g[16];
    long t = lround(p->teller), d = lround(p->noemer);
    if (d == 0)
        add(z, "Voor rapportage en monitoring stond in %s geen mijlpaal gepland.", per);
    else if (d == 1)
        add(z,
            "De enige mijlpaal voor rapportage en monitoring in %s was %sop tijd gereed.",
            per, t == 1 ? "" : "niet ");
    else
        add(z, "Van de %s voor rapportage en monitoring in %s %s %ld op tijd gereed.",
            pm_summary_count(d, "mijlpaal", "mijlpalen", n, sizeof n), per,
            pm_summary_number(t, "was", "waren"), t);
    if (p->has_gemiddelde && !(au == PM_EXTERN && p->gemiddelde_onderdrukt))
        add(z, " De opdrachtgevers gaven gemiddeld een %s (%s).",
            pm_format_decimal(p->gemiddelde, 1, g, sizeof g),
            pm_summary_count(p->n_gemiddelde, "evaluatie", "evaluaties", n, sizeof n));
    else if (p->has_gemiddelde)
        add(z, " Over het oordeel van de opdrachtgevers: %s.", PM_MEAN_HIDDEN);
}

static void level_r5(char *z, const pm_figures *p, const char *per)
{
    char n[48];
    long t = lround(p->teller), d = lround(p->noemer);
    if (d == 0)
        add(z, "Voor de website viel in %s geen mijlpaal.", per);
    else if (t == d)
        add(z, "De website haalde in %s %s op tijd.", per,
            d == 1 ? "haar enige mijlpaal" : "alle mijlpalen");
    else
        add(z, "De website haalde in %s %ld van de %s op tijd.", per, t,
            pm_summary_count(d, "mijlpaal", "mijlpalen", n, sizeof n));
}

static void level_r6(char *z, const pm_result *r, const char *per)
{
    char n[64], m[64], doel[32];
    const pm_figures *p = &r->periode;
    add(z,
        "In %s %s %s %s actief %s verspreid; in de doelperiode zijn het er nu %ld, "
        "bij een doel van %s.",
        per, pm_summary_number(p->aantal, "verscheen", "verschenen"),
        pm_summary_count(p->aantal, "kennisproduct", "kennisproducten", n, sizeof n),
        pm_summary_number(p->aantal, "dat", "die"),
        pm_summary_number(p->aantal, "is", "zijn"), r->cumulatief.aantal_doel,
        pm_format_count(r->doel, doel, sizeof doel));
    (void)m;
}

static void level_b(char *z, const pm_result *r, const char *per, pm_day peil)
{
    const pm_figures *p = &r->periode, *c = &r->cumulatief;
    char a[40], b[40], u[32], y[16];
    if (p->has_begroting && p->has_waarde)
        add(z, "In %s is %s uitgegeven van een begroting van %s (%s).", per,
            pm_format_euro(p->realisatie_cent, a, sizeof a),
            pm_format_euro(p->begroting_cent, b, sizeof b), pct(p->waarde, u, sizeof u));
    else
        add(z, "In %s is %s uitgegeven; voor die periode is geen begroting vastgelegd.",
            per, pm_format_euro(p->realisatie_cent, a, sizeof a));
    if (c->jaarbegroting_cent > 0 && c->prognose_cent > 0)
        add(z,
            " Bij dit tempo komen de uitgaven over %s uit op %s, tegen een "
            "jaarbegroting van %s.",
            pm_format_year(peil, y, sizeof y),
            pm_format_euro(c->prognose_cent, a, sizeof a),
            pm_format_euro(c->jaarbegroting_cent, b, sizeof b));
}

/* ---- the change against the previous period ----------------------------- */

/* The comparison the samenvatting uses: its own (rep->vorige), or the
 * report's when that is with the previous period; NULL for none. */
static const pm_comparison *previous(const pm_report *rep, size_t i)
{
    if (rep->vorige && rep->vorige[i].present)
        return &rep->vorige[i];
    const pm_comparison *k = &rep->results[i].vergelijking;
    if (rep->scope.vergelijk == PM_VERGELIJK_VORIGE && k->present)
        return k;
    return NULL;
}

/* What each proportion measures, as the subject of "steeg"/"daalde". */
static const char *share_subject(const char *id)
{
    if (strcmp(id, "R1") == 0)
        return "het aandeel hulpvragen met een tijdige reactie";
    if (strcmp(id, "R2") == 0)
        return "het aandeel tevreden organisaties";
    return "het aandeel goed beoordeelde specialisten";
}

static void change(char *z, const pm_result *r, const pm_comparison *k,
                   const pm_report *rep)
{
    if (!k || k->suppress != PM_SUPPRESS_NONE || !pm_figures_visible(&k->f) ||
        k->f.to < rep->scope.cfg->programma_start)
        return;
    char then[96], a[40], b[40];
    period_in(k->f.from, k->f.to, then, sizeof then);
    const pm_figures *p = &r->periode;
    if (strcmp(r->id, "R6") == 0) {
        long d = p->aantal - k->f.aantal;
        if (d == 0)
            add(z, " Dat is evenveel als in %s.", then);
        else
            add(z, " Dat %s %ld %s dan in %s (toen %ld).",
                pm_summary_number(labs(d), "is", "zijn"), labs(d),
                d > 0 ? "meer" : "minder", then, k->f.aantal);
        return;
    }
    if (!k->has_verschil || !p->has_waarde || !k->f.has_waarde)
        return;
    if (strcmp(r->id, "B") == 0) {
        add(z, " De uitputting %s ten opzichte van %s (toen %s).",
            pm_summary_direction(shown(p->waarde), shown(k->f.waarde)), then,
            pct(k->f.waarde, a, sizeof a));
        return;
    }
    if (strcmp(r->id, "R4") == 0 || strcmp(r->id, "R5") == 0) {
        add(z, " In %s was %s van de geplande mijlpalen op tijd gereed.", then,
            pct(k->f.waarde, a, sizeof a));
        return;
    }
    const char *dir = pm_summary_direction(shown(p->waarde), shown(k->f.waarde));
    pct(k->f.waarde, a, sizeof a);
    pct(p->waarde, b, sizeof b);
    if (shown(p->waarde) == shown(k->f.waarde))
        add(z, " Ten opzichte van %s bleef %s gelijk op %s.", then, share_subject(r->id),
            b);
    else if (k->has_interval && k->significant)
        add(z, " Ten opzichte van %s %s %s duidelijk, van %s naar %s.", then, dir,
            share_subject(r->id), a, b);
    else
        add(z, " Ten opzichte van %s %s %s van %s naar %s, binnen de marge van toeval.",
            then, dir, share_subject(r->id), a, b);
}

/* ---- the breakdown cell furthest from the total -------------------------- */

static void furthest(char *z, const pm_result *r, const pm_report *rep, pm_audience au)
{
    const pm_figures *p = &r->periode;
    int min_cell = rep->scope.cfg->min_cell;
    if (!p->has_waarde)
        return;
    const pm_breakdown *best_b = NULL;
    const pm_cell *best = NULL;
    double best_d = 0;
    for (size_t i = 0; i < r->nbreakdowns; i++) {
        const pm_breakdown *b = &r->breakdowns[i];
        if ((strcmp(b->key, "regio") != 0 && strcmp(b->key, "type") != 0) ||
            !pm_breakdown_visible(b, au))
            continue;
        for (size_t j = 0; j < b->ncells; j++) {
            const pm_cell *c = &b->periode[j];
            if (!c->has_waarde || c->n < min_cell || !pm_cell_visible(b, c, au, min_cell))
                continue;
            double d = fabs(shown(c->waarde) - shown(p->waarde));
            if (d > best_d) {
                best_d = d;
                best = c;
                best_b = b;
            }
        }
    }
    if (!best)
        return;
    char a[32], n[48];
    bool regio = strcmp(best_b->key, "regio") == 0;
    add(z, " Het verst van het totaal ligt %s %s, met %s (%s).",
        regio ? "regio" : "het type", pm_label_category(best_b->key, best->key),
        pct(best->waarde, a, sizeof a),
        pm_summary_count(
            lround(best->noemer), strcmp(r->id, "R1") == 0 ? "hulpvraag" : "organisatie",
            strcmp(r->id, "R1") == 0 ? "hulpvragen" : "organisaties", n, sizeof n));
}

/* ---- revised quarters and eindstanden ------------------------------------ */

static void revised(char *z, const pm_result *r)
{
    size_t n = 0;
    char names[256] = "", q[48];
    for (size_t i = 0; i < r->ntrend; i++) {
        const pm_trend_point *t = &r->trend[i];
        if (!t->herzien || !pm_figures_visible(&t->f))
            continue;
        size_t len = strlen(names);
        /* "a, b en c": the last separator is put right below. */
        snprintf(names + len, sizeof names - len, "%shet %s", n ? ", " : "",
                 pm_format_quarter(t->quarter, q, sizeof q));
        n++;
    }
    char *last = n > 1 ? strrchr(names, ',') : NULL;
    if (last) {
        char tail[256];
        snprintf(tail, sizeof tail, " en%s", last + 1);
        snprintf(last, sizeof names - (size_t)(last - names), "%s", tail);
    }
    if (n == 1)
        add(z,
            " Het cijfer van %s is herzien: het wijkt af van wat het op het eind van "
            "dat kwartaal was.",
            names);
    else if (n > 1)
        add(z,
            " De cijfers van %s zijn herzien: ze wijken af van wat ze op het eind van "
            "hun kwartaal waren.",
            names);
}

static void eindstanden(char *z, const pm_result *r)
{
    for (size_t i = 0; i < r->neindstanden; i++) {
        const pm_eindstand *e = &r->eindstanden[i];
        if (!pm_figures_visible(&e->f))
            continue;
        char van[16], tot[16];
        add(z, " Eindstand van de doelperiode %s t/m %s: %s.",
            pm_format_date(e->van, van, sizeof van),
            pm_format_date(e->tot, tot, sizeof tot), pm_label_oordeel(e->f.oordeel));
    }
}

/* ---- one indicator -------------------------------------------------------- */

static pm_error indicator(pm_summary *s, const pm_report *rep, size_t i, pm_audience au)
{
    const pm_result *r = &rep->results[i];
    const pm_figures *p = &r->periode;
    char z[ZIN_SIZE] = "", per[96];
    period_in(rep->scope.period.start, rep->scope.period.end, per, sizeof per);
    bool whole = pm_filter_active(&rep->scope.filter) && !r->gefilterd;
    if (whole)
        add(z, "Voor het hele programma: ");
    if (!pm_figures_visible(p) || !pm_figures_visible(&r->cumulatief)) {
        add(z, "%s: te weinig waarnemingen om te tonen.",
            pm_label_indicator(r->id)->naam);
        return push(s, r->id, z);
    }
    if (strcmp(r->id, "R1") == 0)
        level_r1(z, p, per);
    else if (strcmp(r->id, "R2") == 0)
        level_r2(z, p, per);
    else if (strcmp(r->id, "R3") == 0)
        level_r3(z, p, per);
    else if (strcmp(r->id, "R4") == 0)
        level_r4(z, p, per, au);
    else if (strcmp(r->id, "R5") == 0)
        level_r5(z, p, per);
    else if (strcmp(r->id, "R6") == 0)
        level_r6(z, r, per);
    else
        level_b(z, r, per, rep->scope.peildatum);
    if (whole) {
        /* The sentence goes on after the colon in lower case. */
        char *first = z + strlen("Voor het hele programma: ");
        if (*first >= 'A' && *first <= 'Z')
            *first = (char)(*first - 'A' + 'a');
    }
    change(z, r, previous(rep, i), rep);
    if (strcmp(r->id, "R1") == 0 || strcmp(r->id, "R2") == 0)
        furthest(z, r, rep, au);
    add_status(z, strcmp(r->id, "R1") == 0 ? "R1 staat op" : "Status:", r, rep);
    eindstanden(z, r);
    revised(z, r);
    return push(s, r->id, z);
}

/* ---- the reach and the warnings ------------------------------------------ */

static const char *reach_count(long n, pm_suppress s, char *buf, size_t size)
{
    if (s == PM_SUPPRESS_SECUNDAIR)
        return "een niet getoond aantal"; /* hidden beside a small one: no small count */
    if (!pm_bereik_visible(s))
        return "minder dan 5";
    pm_format_int(n, buf, size);
    return buf;
}

static pm_error reach(pm_summary *s, const pm_report *rep)
{
    const pm_bereik *b = rep->bereik;
    if (!b)
        return PM_OK;
    char z[ZIN_SIZE] = "", per[96], g[16], t[16], o[16], d[16];
    period_in(rep->scope.period.start, rep->scope.period.end, per, sizeof per);
    const pm_bereik_range *p = &b->periode, *c = &b->cumulatief;
    add(z, "Bereik%s: in %s vroegen %s van de %s gemeenten en %s SOB's om hulp",
        b->gefilterd ? " binnen het filter" : "", per,
        reach_count(p->gemeenten, p->gemeenten_suppress, g, sizeof g),
        pm_format_int(p->gemeenten_totaal, t, sizeof t),
        reach_count(p->sob, p->sob_suppress, o, sizeof o));
    add(z, "; sinds %s zijn dat ", pm_format_date(c->van, d, sizeof d));
    add(z, "%s gemeenten en %s SOB's.",
        reach_count(c->gemeenten, c->gemeenten_suppress, g, sizeof g),
        reach_count(c->sob, c->sob_suppress, o, sizeof o));
    return push(s, NULL, z);
}

static pm_error warnings(pm_summary *s, const pm_report *rep, const pm_warnings *w)
{
    pm_error err = PM_OK;
    if (w && w->total > 0) {
        char z[ZIN_SIZE] = "", n[48];
        add(z, "Bij de controle van de gegevens %s %s gevonden; zie het blad Definities.",
            pm_summary_number(w->total, "is", "zijn"),
            pm_summary_count(w->total, "waarschuwing", "waarschuwingen", n, sizeof n));
        err = push(s, NULL, z);
    }
    char warn[PM_REACH_WARNINGS_MAX][PM_REACH_WARNING_SIZE];
    size_t nwarn =
        pm_label_reach_warnings(rep->has_tot, rep->gegevens_tot, rep->scope.peildatum,
                                rep->scope.period.start, warn, PM_REACH_WARNINGS_MAX);
    for (size_t i = 0; !err && i < nwarn; i++) {
        char z[ZIN_SIZE] = "";
        size_t len = strlen(warn[i]);
        add(z, "%s%s", warn[i], len && warn[i][len - 1] != '.' ? "." : "");
        err = push(s, NULL, z);
    }
    return err;
}

pm_error pm_summary_build(const pm_report *rep, pm_audience a, const pm_warnings *w,
                          pm_summary *out)
{
    memset(out, 0, sizeof *out);
    pm_error err = PM_OK;
    for (size_t i = 0; !err && i < rep->nresults; i++)
        err = indicator(out, rep, i, a);
    if (!err)
        err = reach(out, rep);
    if (!err)
        err = warnings(out, rep, w);
    if (err)
        pm_summary_free(out);
    return err;
}
