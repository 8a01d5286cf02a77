/* labels.c — every Dutch label of the reports in one table, so wording is
 * changed in one place and the code elsewhere stays free of Dutch literals. */
#include "labels.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "export.h" /* the result types, through the allowed header */
#include "format.h"

static const pm_indicator_text texts[] = {
    {"R1", "Reactie binnen 5 werkdagen",
     "In 90% van de ingediende vragen en hulpverzoeken wordt binnen 5 werkdagen "
     "gereageerd "
     "of contact opgenomen met de gemeente of het SOB.",
     "Hulpvragen ontvangen in de periode. Op tijd: eerste contact uiterlijk op de 5e "
     "werkdag na ontvangst (de dag van ontvangst telt niet; weekenden, feestdagen en "
     "gelijkgestelde dagen tellen niet). Te laat: later contact, of geen contact terwijl "
     "de termijn op de peildatum verstreken is. Hulpvragen waarvan de termijn nog loopt, "
     "tellen niet mee. Waarde = op tijd / (op tijd + te laat)."},
    {"R2", "Waardering ondersteuning",
     "Uit evaluaties blijkt dat 80% van de gemeenten en SOB's de ondersteuning waardeert "
     "met een score van minimaal 7.",
     "Evaluaties van soort 'ondersteuning' in de periode, van gemeenten en SOB's. Per "
     "organisatie het gemiddelde van haar scores; tevreden bij een gemiddelde van 7,0 of "
     "hoger (exact berekend). Waarde = tevreden organisaties / organisaties met een "
     "evaluatie."},
    {"R3", "Specialisten actief en gewaardeerd",
     "Er zijn minimaal 10 gespecialiseerde adviseurs actief ingezet, waarvan 80% door "
     "gemeenten of SOB's wordt beoordeeld met minimaal een 7.",
     "Actief: specialisten met ten minste één inzetregel in de periode. Van de actieve "
     "specialisten met een evaluatie van soort 'specialist' in de periode: per "
     "specialist "
     "het gemiddelde; goed bij 7,0 of hoger. Waarde = goed / beoordeeld."},
    {"R4", "Rapportage en monitoring",
     "Een uniforme rapportagetool is ontwikkeld en geïmplementeerd, waarmee VNG en "
     "MinSZW "
     "volledig en naar tevredenheid worden geïnformeerd.",
     "Mijlpalen van resultaat R4 met een geplande datum in de periode: op tijd gereed "
     "als "
     "de gereeddatum op of voor de geplande datum ligt. Daarnaast het gemiddelde van de "
     "evaluaties van soort 'opdrachtgever' in de periode (doel: minimaal 7)."},
    {"R5", "Website",
     "Het programma beschikt over een toegankelijke website waarop alle relevante "
     "informatie overzichtelijk en vindbaar is.",
     "Mijlpalen van resultaat R5 met een geplande datum in de periode: op tijd gereed "
     "als "
     "de gereeddatum op of voor de geplande datum ligt."},
    {"R6", "Kennisproducten",
     "Minimaal vijf nieuwe kennisproducten zijn ontwikkeld en gepubliceerd, met actieve "
     "verspreiding onder de doelgroep.",
     "Kennisproducten gepubliceerd in de periode en actief verspreid (ten minste één "
     "kanaal "
     "of een bereik groter dan 0). Het doel geldt voor het cumulatieve aantal."},
    {"B", "Budget", "Het programmabudget wordt beheerd binnen de begroting.",
     "Realisatie = uren inzet × uurtarief (post inhuur) plus de uitgaven, naar datum in "
     "de "
     "periode. Begroting per kwartaal (een jaarregel telt voor een kwart per kwartaal), "
     "naar rato van de dagen. Uitputting = realisatie / begroting. Prognose voor het "
     "jaar "
     "van de peildatum: realisatie tot de peildatum doorgetrokken naar 31 december."},
};

static const pm_indicator_text unknown = {"?", "Onbekende indicator", "", ""};

const pm_indicator_text *pm_label_indicator(const char *id)
{
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (strcmp(texts[i].id, id) == 0)
            return &texts[i];
    return &unknown;
}

static char *target_pct(double doel, char *buf, size_t size);

char *pm_label_target(const char *id, const pm_config *cfg, char *buf, size_t size)
{
    char p[32];
    if (strcmp(id, "R1") == 0)
        snprintf(buf, size, "≥ %s", target_pct(cfg->doel_r1, p, sizeof p));
    else if (strcmp(id, "R2") == 0)
        snprintf(buf, size, "≥ %s", target_pct(cfg->doel_r2, p, sizeof p));
    else if (strcmp(id, "R3") == 0)
        snprintf(buf, size, "≥ %d actief en ≥ %s", cfg->doel_r3_actief,
                 target_pct(cfg->doel_r3, p, sizeof p));
    else if (strcmp(id, "R4") == 0)
        snprintf(buf, size, "%s op tijd en gemiddelde ≥ %d,%d",
                 target_pct(cfg->doel_r4, p, sizeof p), cfg->r4_gemiddelde_x10 / 10,
                 cfg->r4_gemiddelde_x10 % 10);
    else if (strcmp(id, "R5") == 0)
        snprintf(buf, size, "%s op tijd", target_pct(cfg->doel_r5, p, sizeof p));
    else if (strcmp(id, "R6") == 0)
        snprintf(buf, size, "≥ %d (cumulatief)", cfg->doel_r6);
    else if (strcmp(id, "B") == 0)
        snprintf(buf, size, "prognose ≤ jaarbegroting");
    else
        snprintf(buf, size, "-");
    return buf;
}

typedef struct pair {
    const char *key, *text;
} pair;

static const pair breakdowns[] = {
    {"regio", "Per regio"},
    {"type", "Per type organisatie"},
    {"onderwerp", "Per onderwerp"},
    {"werkdagen", "Werkdagen tot eerste contact"},
    {"organisatie", "Per organisatie"},
    {"scores", "Verdeling van de scores"},
    {"specialist", "Per specialist"},
    {"rol", "Per rol"},
    {"mijlpalen", "Mijlpalen"},
    {"soort", "Per soort"},
    {"pijler", "Per pijler"},
    {"post", "Per post"},
};

/* Category labels that differ from their key; (breakdown, key, text). */
static const struct {
    const char *breakdown, *key, *text;
} categories[] = {
    {"werkdagen", "0", "0 werkdagen"},
    {"werkdagen", "1", "1 werkdag"},
    {"werkdagen", "2", "2 werkdagen"},
    {"werkdagen", "3", "3 werkdagen"},
    {"werkdagen", "4", "4 werkdagen"},
    {"werkdagen", "5", "5 werkdagen"},
    {"werkdagen", "meer_dan_5", "meer dan 5 werkdagen (te laat)"},
    {"werkdagen", "lopend", "nog binnen de termijn"},
    {"regio", "geen", "geen regio"},
    {"onderwerp", "onbekend", "onderwerp onbekend"},
    {"type", "gemeente", "gemeenten"},
    {"type", "sob", "SOB's"},
    {"type", "opdrachtgever", "opdrachtgevers"},
    {"onderwerp", "sturing-bekostiging", "sturing en bekostiging"},
    {"onderwerp", "bedrijfsvoering", "bedrijfsvoering"},
    {"onderwerp", "bestuurlijke-sturing", "bestuurlijke sturing"},
    {"onderwerp", "juridisch", "juridisch"},
    {"onderwerp", "participatieketen", "participatieketen"},
    {"pijler", "2", "alleen pijler 2"},
    {"pijler", "3", "pijler 3"},
    {"pijler", "2+3", "pijler 2 en 3 samen"},
};

const char *pm_label_breakdown(const char *key)
{
    for (size_t i = 0; i < sizeof breakdowns / sizeof breakdowns[0]; i++)
        if (strcmp(breakdowns[i].key, key) == 0)
            return breakdowns[i].text;
    return key;
}

const char *pm_label_category(const char *breakdown, const char *key)
{
    for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++)
        if (strcmp(categories[i].breakdown, breakdown) == 0 &&
            strcmp(categories[i].key, key) == 0)
            return categories[i].text;
    return key;
}

const char *pm_label_status_long(int status)
{
    switch (status) {
    case 1: return "groen";
    case 2: return "oranje";
    case 3: return "rood";
    default: return "grijs (te weinig gegevens)";
    }
}

/* (id, teller, noemer, waarde) column words; the last row is the fallback. */
static const struct {
    const char *id, *teller, *noemer, *waarde;
} columns[] = {
    {"R1", "Op tijd", "Op tijd of te laat", "Waarde"},
    {"R2", "Tevreden organisaties", "Organisaties met evaluatie", "Waarde"},
    {"R3", "Goed beoordeeld", "Beoordeeld", "Waarde"},
    {"R4", "Op tijd gereed", "Mijlpalen gepland", "Waarde"},
    {"R5", "Op tijd gereed", "Mijlpalen gepland", "Waarde"},
    {"R6", "Aantal", "Noemer", "Waarde"},
    {"B", "Realisatie", "Begroting", "Uitputting"},
    {"", "Teller", "Noemer", "Waarde"},
};

static size_t column_row(const char *id)
{
    size_t n = sizeof columns / sizeof columns[0];
    for (size_t i = 0; i + 1 < n; i++)
        if (strcmp(columns[i].id, id) == 0)
            return i;
    return n - 1;
}

const char *pm_label_teller(const char *id)
{
    return columns[column_row(id)].teller;
}

const char *pm_label_noemer(const char *id)
{
    return columns[column_row(id)].noemer;
}

const char *pm_label_waarde(const char *id)
{
    return columns[column_row(id)].waarde;
}

/* Axis labels; the long forms above stay for tables and legends. */
static const struct {
    const char *breakdown, *key, *text;
} short_categories[] = {
    {"werkdagen", "meer_dan_5", "> 5"},
    {"werkdagen", "lopend", "loopt nog"},
};

const char *pm_label_category_short(const char *breakdown, const char *key)
{
    for (size_t i = 0; i < sizeof short_categories / sizeof short_categories[0]; i++)
        if (strcmp(short_categories[i].breakdown, breakdown) == 0 &&
            strcmp(short_categories[i].key, key) == 0)
            return short_categories[i].text;
    if (strcmp(breakdown, "werkdagen") == 0)
        return key; /* "0" .. "5": the axis title says "werkdagen" */
    return pm_label_category(breakdown, key);
}

const char *pm_label_status_meaning(int status)
{
    switch (status) {
    case 1: return "op koers";
    case 2: return "aandacht nodig";
    case 3: return "actie nodig";
    default: return "te weinig gegevens";
    }
}

const char *pm_label_status_legend(int status)
{
    switch (status) {
    case 1: return "voldoet aan de norm van het doel";
    case 2: return "voldoet nog niet; de reden op de tegel zegt waarom";
    case 3: return "voldoet niet aan de norm";
    default: return "geen oordeel (te weinig gegevens, of geen doel)";
    }
}

const char pm_label_no_data[] = "Nog geen gegevens in deze periode";

const char pm_label_intern_mark[] = "Intern — niet verspreiden";

/* ---- the warnings of check ------------------------------------------------ */

/* check's sentences were always at most 511 bytes; a duplicate group of
 * many requests names as many as fit. */
#define WARNING_MAX 511

/* printf into a new string of the length it needs; NULL without memory. */
static char *print_new(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return NULL;
    char *s = malloc((size_t)len + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* A text of the store, "" for NULL (as check printed SQL NULL). */
static const char *str(const char *s)
{
    return s ? s : "";
}

/* "a, b, c": the duplicate group's ids; NULL without memory. */
static char *join_ids(const pm_warning *w)
{
    size_t len = 1;
    for (size_t i = 0; i < w->nids; i++)
        len += strlen(str(w->ids[i])) + 2;
    char *s = malloc(len), *p = s;
    if (!s)
        return NULL;
    *p = '\0';
    for (size_t i = 0; i < w->nids; i++)
        p += sprintf(p, "%s%s", i ? ", " : "", str(w->ids[i]));
    return s;
}

char *pm_label_warning(const pm_warning *w)
{
    char a[32], b[32], d[16];
    char *s = NULL;
    switch (w->kind) {
    case PM_WARN_TARIFF_OVER_CAP:
        s = print_new("uurtarief van specialist %s is %s, boven het maximum van %s",
                      str(w->id), pm_format_euro(w->cents, a, sizeof a),
                      pm_format_euro(w->cap_cents, b, sizeof b));
        break;
    case PM_WARN_NO_SPECIALIST:
        s = print_new("hulpvraag %s (status %s) heeft geen specialist", str(w->id),
                      str(w->status));
        break;
    case PM_WARN_NO_SUBJECT:
        s = print_new("hulpvraag %s heeft geen onderwerp", str(w->id));
        break;
    case PM_WARN_UNKNOWN_REQUEST:
        s = print_new("evaluatie %s noemt hulpvraag '%s', die niet bestaat", str(w->id),
                      str(w->request));
        break;
    case PM_WARN_OUTSIDE_DATES:
        s = print_new("inzet %s van specialist %s op %s valt buiten diens start- en "
                      "einddatum",
                      str(w->id), str(w->specialist),
                      pm_format_date(w->day, d, sizeof d));
        break;
    case PM_WARN_DUPLICATE: {
        char *ids = join_ids(w);
        if (ids)
            s = print_new(
                "hulpvragen %s lijken dubbel: zelfde organisatie (%s), dag (%s) "
                "en onderwerp",
                ids, str(w->organisation), pm_format_date(w->day, d, sizeof d));
        free(ids);
        break;
    }
    case PM_WARN_DONE_WITHOUT_DATE:
        s = print_new("hulpvraag %s heeft status 'afgerond' maar geen afgerond_op",
                      str(w->id));
        break;
    case PM_WARN_DATE_WITHOUT_DONE:
        s = print_new("hulpvraag %s heeft een afgerond_op maar status '%s'", str(w->id),
                      str(w->status));
        break;
    case PM_WARN_NKINDS: s = print_new("%s", ""); break;
    }
    if (s && strlen(s) > WARNING_MAX) {
        /* Not inside a character: the workbook needs valid UTF-8. */
        size_t cut = WARNING_MAX;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
        s[cut] = '\0';
    }
    return s;
}

void pm_label_lines_free(char **lines, size_t n)
{
    for (size_t i = 0; lines && i < n; i++)
        free(lines[i]);
    free(lines);
}

char **pm_label_warning_lines(const pm_warnings *w, size_t *n)
{
    *n = 0;
    /* At most every listed warning and one "en nog" line per kind. */
    char **lines = malloc((w->n + PM_WARN_NKINDS + 1) * sizeof *lines);
    if (!lines)
        return NULL;
    size_t i = 0;
    for (int k = 0; k < PM_WARN_NKINDS; k++) {
        size_t listed = 0;
        for (; i < w->n && w->item[i].kind == (pm_warning_kind)k; i++, listed++) {
            char *sentence = pm_label_warning(&w->item[i]);
            char *line = sentence ? print_new("%s:%lld: %s", str(w->item[i].file),
                                              w->item[i].line, sentence)
                                  : NULL;
            free(sentence);
            if (!line) {
                pm_label_lines_free(lines, *n);
                *n = 0;
                return NULL;
            }
            lines[(*n)++] = line;
        }
        if (w->found[k] > listed) {
            char *line = print_new("... en nog %zu van deze soort", w->found[k] - listed);
            if (!line) {
                pm_label_lines_free(lines, *n);
                *n = 0;
                return NULL;
            }
            lines[(*n)++] = line;
        }
    }
    return lines;
}

static const pm_reach_item reach_items[] = {
    {PM_HULPVRAGEN, "hulpvragen"},           {PM_INZET, "inzet"},
    {PM_EVALUATIES, "evaluaties"},           {PM_UITGAVEN, "uitgaven"},
    {PM_KENNISPRODUCTEN, "kennisproducten"}, {PM_MIJLPALEN, "mijlpalen"},
};

const pm_reach_item *pm_label_reach_items(size_t *n)
{
    *n = sizeof reach_items / sizeof reach_items[0];
    return reach_items;
}

size_t pm_label_reach_warnings(const bool *has_tot, const pm_day *tot, pm_day peildatum,
                               pm_day period_start, char (*out)[PM_REACH_WARNING_SIZE],
                               size_t max)
{
    /* The three registrations every result rests on; a gap in them after
     * the last date reads as a fall in the figures, so it is named. */
    static const struct {
        int kind;
        const char *subject; /* "De hulpvragen lopen ..." */
        const char *none;
    } watched[] = {
        {PM_HULPVRAGEN, "De hulpvragen lopen", "Er zijn geen hulpvragen geregistreerd"},
        {PM_INZET, "De inzetregistraties lopen", "Er is geen inzet geregistreerd"},
        {PM_EVALUATIES, "De evaluaties lopen", "Er zijn geen evaluaties geregistreerd"},
    };
    size_t n = 0;
    char d[16];
    for (size_t i = 0; i < sizeof watched / sizeof watched[0] && n < max; i++) {
        int k = watched[i].kind;
        if (!has_tot[k])
            snprintf(out[n++], PM_REACH_WARNING_SIZE,
                     "%s; de cijfers die erop rusten zijn leeg", watched[i].none);
        else if (peildatum > tot[k])
            snprintf(out[n++], PM_REACH_WARNING_SIZE,
                     "%s tot %s; na die datum ontbreken registraties", watched[i].subject,
                     pm_format_date(tot[k], d, sizeof d));
    }
    bool any = false;
    pm_day last = 0;
    for (size_t i = 0; i < sizeof reach_items / sizeof reach_items[0]; i++) {
        int k = reach_items[i].kind;
        if (has_tot[k] && (!any || tot[k] > last))
            last = tot[k];
        any = any || has_tot[k];
    }
    if (n < max && any && period_start > last)
        snprintf(
            out[n++], PM_REACH_WARNING_SIZE,
            "De periode begint na de laatste registratie (%s); over deze periode zijn "
            "er geen gegevens, de cijfers zijn daarom leeg",
            pm_format_date(last, d, sizeof d));
    return n;
}

const char *pm_label_oordeel(int oordeel)
{
    return pm_oordeel_name((pm_oordeel)oordeel);
}

/* A target share as a reader writes it: "90%", "87,5%". */
static char *target_pct(double doel, char *buf, size_t size)
{
    double pc = doel * 100.0;
    return pm_format_percent(doel, fabs(pc - round(pc)) < 1e-9 ? 0 : 1, buf, size);
}

static char *euro(double euros, char *buf, size_t size)
{
    return pm_format_euro((int64_t)llround(euros * 100.0), buf, size);
}

static void put(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void put(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
}

/* The indicator's own figures in a few words: "89,6% op tijd (415 van
 * 463)", "5 van 6 mijlpalen op tijd gereed". */
static void figures_phrase(const char *id, const pm_figures *f, char *buf, size_t size)
{
    char a[32], b[32], c[32];
    long t = lround(f->teller), n = lround(f->noemer);
    if (strcmp(id, "R1") == 0)
        put(buf, size, "%s op tijd (%ld van %ld)",
            pm_format_percent(f->waarde, 1, a, sizeof a), t, n);
    else if (strcmp(id, "R2") == 0)
        put(buf, size, "%s van de organisaties tevreden (%ld van %ld)",
            pm_format_percent(f->waarde, 1, a, sizeof a), t, n);
    else if (strcmp(id, "R3") == 0)
        put(buf, size, "%ld specialisten actief, %s goed beoordeeld (%ld van %ld)",
            f->actief, pm_format_percent(f->waarde, 1, a, sizeof a), t, n);
    else if (strcmp(id, "R4") == 0 && f->has_gemiddelde)
        put(buf, size,
            "%ld van %ld mijlpalen op tijd gereed, gemiddelde opdrachtgever %s", t, n,
            pm_format_decimal(f->gemiddelde, 1, a, sizeof a));
    else if (strcmp(id, "R4") == 0 || strcmp(id, "R5") == 0)
        put(buf, size, "%ld van %ld mijlpalen op tijd gereed", t, n);
    else if (strcmp(id, "R6") == 0)
        put(buf, size, "%ld kennisproducten", f->aantal);
    else
        put(buf, size, "uitputting %s (%s van %s)",
            pm_format_percent(f->waarde, 1, a, sizeof a),
            euro(pm_cents_to_euros(f->realisatie_cent), b, sizeof b),
            euro(pm_cents_to_euros(f->begroting_cent), c, sizeof c));
}

static void reden_oordeel(const char *id, const pm_figures *f, char *buf, size_t size)
{
    char phrase[192];
    if (f->oordeel == PM_OORDEEL_GEEN_GEGEVENS) {
        put(buf, size, "%s",
            strcmp(id, "B") == 0 ? "geen begroting in de doelperiode"
                                 : "geen gegevens in de doelperiode");
        return;
    }
    figures_phrase(id, f, phrase, sizeof phrase);
    put(buf, size, "%s; doel %s", phrase,
        f->oordeel == PM_OORDEEL_GEHAALD ? "gehaald" : "niet gehaald");
}

static void reden_proportion(const char *id, const pm_figures *f, const pm_config *cfg,
                             char *buf, size_t size)
{
    char a[32], d[32], phrase[192];
    if (f->status == PM_GRIJS) {
        long n = lround(f->noemer);
        bool r1 = strcmp(id, "R1") == 0;
        put(buf, size, "te weinig gegevens: %ld %s, minimaal %d nodig", n,
            n == 1 ? (r1 ? "hulpvraag beoordeeld" : "organisatie met evaluatie")
                   : (r1 ? "hulpvragen beoordeeld" : "organisaties met evaluatie"),
            cfg->min_n);
        return;
    }
    figures_phrase(id, f, phrase, sizeof phrase);
    target_pct(f->reden_doel, d, sizeof d);
    if (f->status == PM_GROEN)
        put(buf, size, "%s; op of boven het doel van %s", phrase, d);
    else if (f->status == PM_ORANJE)
        put(buf, size, "%s; het doel van %s ligt binnen het betrouwbaarheidsinterval",
            phrase, d);
    else
        put(buf, size,
            "%s; ook de bovengrens van het betrouwbaarheidsinterval (%s) ligt onder "
            "het doel van %s",
            phrase, pm_format_percent(f->hi, 1, a, sizeof a), d);
}

/* Under a filter R3's status rests on the share alone; the reason says so
 * (SPEC §9), or a reader would miss the target of active specialists. */
static void share_only_note(const pm_figures *f, const pm_config *cfg, char *buf,
                            size_t size)
{
    size_t len = strlen(buf);
    if (f->share_only && len < size)
        put(buf + len, size - len,
            "; alleen het aandeel telt, want het doel van %d actieve specialisten geldt "
            "voor het hele programma",
            cfg->doel_r3_actief);
}

static void reden_r3(const pm_figures *f, const pm_config *cfg, char *buf, size_t size)
{
    char d[32], phrase[192];
    target_pct(f->reden_doel, d, sizeof d);
    if (!f->share_only && f->actief < cfg->doel_r3_actief && f->status == PM_ROOD) {
        put(buf, size, "%ld specialisten actief; het doel is %d", f->actief,
            cfg->doel_r3_actief);
        return;
    }
    if (f->status == PM_GRIJS) {
        put(buf, size,
            "%ld specialisten actief, te weinig beoordeeld: %ld, minimaal %d nodig",
            f->actief, lround(f->noemer), cfg->min_n);
        return;
    }
    figures_phrase("R3", f, phrase, sizeof phrase);
    if (f->status == PM_GROEN)
        put(buf, size, "%s; op of boven het doel van %s", phrase, d);
    else if (f->status == PM_ORANJE)
        put(buf, size, "%s; het doel van %s ligt binnen het betrouwbaarheidsinterval",
            phrase, d);
    else
        put(buf, size, "%s; onder het doel van %s", phrase, d);
    share_only_note(f, cfg, buf, size);
}

static void reden_milestones(const char *id, const pm_figures *f, const pm_config *cfg,
                             char *buf, size_t size)
{
    long t = lround(f->teller), n = lround(f->noemer);
    char a[32], mean[96] = "";
    bool r4 = strcmp(id, "R4") == 0;
    if (r4 && f->has_gemiddelde)
        put(mean, sizeof mean, "; gemiddelde opdrachtgever %s",
            pm_format_decimal(f->gemiddelde, 1, a, sizeof a));
    bool mean_low =
        r4 && f->has_gemiddelde && f->gemiddelde * 10.0 < cfg->r4_gemiddelde_x10 - 1e-9;
    switch (f->status) {
    case PM_GRIJS: put(buf, size, "geen mijlpalen gepland in deze periode"); return;
    case PM_GROEN:
        if (n == 1)
            put(buf, size, "de mijlpaal is op tijd gereed%s", mean);
        else
            put(buf, size, "alle %ld mijlpalen op tijd gereed%s", n, mean);
        return;
    case PM_ORANJE:
        if (n == 1)
            put(buf, size, "de mijlpaal is gereed, maar te laat%s", mean);
        else
            put(buf, size, "alle %ld mijlpalen gereed, %ld te laat%s", n, n - t, mean);
        return;
    case PM_ROOD:
        if (mean_low && f->status_zonder_gemiddelde != PM_ROOD)
            put(buf, size,
                "gemiddelde opdrachtgever %s, onder de %s; %ld van %ld mijlpalen op "
                "tijd gereed",
                pm_format_decimal(f->gemiddelde, 1, a, sizeof a),
                pm_format_decimal(cfg->r4_gemiddelde_x10 / 10.0, 1, mean, sizeof mean), t,
                n);
        else
            put(buf, size,
                "niet alle mijlpalen gereed op de peildatum: %ld van %ld op tijd "
                "gereed",
                t, n);
        return;
    }
}

static void reden_r6(const pm_figures *f, char *buf, size_t size)
{
    long doel = lround(f->reden_doel);
    switch (f->status) {
    case PM_GRIJS: put(buf, size, "de doelperiode is nog niet begonnen"); return;
    case PM_GROEN:
        put(buf, size,
            "%ld kennisproducten in de doelperiode; het doel van %ld is bereikt",
            f->aantal_doel, doel);
        return;
    case PM_ORANJE:
        put(buf, size,
            "%ld kennisproducten in de doelperiode; op schema voor het doel van %ld",
            f->aantal_doel, doel);
        return;
    case PM_ROOD:
        put(buf, size,
            "%ld kennisproducten in de doelperiode; achter op schema voor het doel van "
            "%ld",
            f->aantal_doel, doel);
        return;
    }
}

static void reden_budget(const pm_figures *f, const pm_config *cfg, char *buf,
                         size_t size)
{
    char a[32], b[40], c[40], m[32];
    pm_format_percent(cfg->b_marge - 1.0, 0, m, sizeof m);
    if (f->reden == PM_REDEN_PROGNOSE) {
        if (f->status == PM_GRIJS) {
            int y, mo, d;
            pm_day_to_ymd(f->to, &y, &mo, &d);
            put(buf, size, "geen begroting voor %d", y);
            return;
        }
        euro(pm_cents_to_euros(f->prognose_cent), b, sizeof b);
        euro(pm_cents_to_euros(f->jaarbegroting_cent), c, sizeof c);
        if (f->status == PM_GROEN)
            put(buf, size, "prognose %s binnen de jaarbegroting van %s", b, c);
        else if (f->status == PM_ORANJE)
            put(buf, size, "prognose %s tot %s boven de jaarbegroting van %s", b, m, c);
        else
            put(buf, size, "prognose %s meer dan %s boven de jaarbegroting van %s", b, m,
                c);
        return;
    }
    if (f->status == PM_GRIJS) {
        put(buf, size, "geen begroting in deze periode");
        return;
    }
    pm_format_percent(f->waarde, 1, a, sizeof a);
    if (f->status == PM_GROEN)
        put(buf, size, "uitputting %s, binnen de begroting", a);
    else if (f->status == PM_ORANJE)
        put(buf, size, "uitputting %s, tot %s boven de begroting", a, m);
    else
        put(buf, size, "uitputting %s, meer dan %s boven de begroting", a, m);
}

char *pm_label_reden(const char *id, const pm_figures *f, const pm_config *cfg, char *buf,
                     size_t size)
{
    char d[16];
    /* A hidden filtered figure (extern, SPEC §9) is quoted by nothing. */
    if (f->suppress == PM_SUPPRESS_PRIMAIR) {
        put(buf, size, "%s", PM_LABEL_HIDDEN_PRIMAIR);
        return buf;
    }
    if (f->suppress == PM_SUPPRESS_SECUNDAIR) {
        put(buf, size, "%s", PM_LABEL_HIDDEN_SECUNDAIR);
        return buf;
    }
    switch (f->reden) {
    case PM_REDEN_GEEN_DOEL:
        put(buf, size, "geen doel na %s", pm_format_date(f->reden_dag, d, sizeof d));
        return buf;
    case PM_REDEN_TWEE_DOELPERIODEN:
        put(buf, size, "loopt over twee doelperioden");
        return buf;
    case PM_REDEN_OORDEEL:
        reden_oordeel(id, f, buf, size);
        share_only_note(f, cfg, buf, size);
        return buf;
    case PM_REDEN_REGEL:
    case PM_REDEN_PROGNOSE: break;
    }
    if (strcmp(id, "R1") == 0 || strcmp(id, "R2") == 0)
        reden_proportion(id, f, cfg, buf, size);
    else if (strcmp(id, "R3") == 0)
        reden_r3(f, cfg, buf, size);
    else if (strcmp(id, "R4") == 0 || strcmp(id, "R5") == 0)
        reden_milestones(id, f, cfg, buf, size);
    else if (strcmp(id, "R6") == 0)
        reden_r6(f, buf, size);
    else
        reden_budget(f, cfg, buf, size);
    return buf;
}

const char *pm_label_type_plural(const char *type)
{
    if (strcmp(type, "gemeente") == 0)
        return "gemeenten";
    if (strcmp(type, "sob") == 0)
        return "sociaal ontwikkelbedrijven";
    if (strcmp(type, "opdrachtgever") == 0)
        return "opdrachtgevers";
    return type;
}

/* Appends "a", "a en b", "a, b en c" of n names to buf at *len. */
static void append_list(char *buf, size_t size, size_t *len, const char *const *names,
                        size_t n, const char *(*word)(const char *))
{
    for (size_t i = 0; i < n && *len < size; i++) {
        const char *sep = i == 0 ? "" : i + 1 == n ? " en " : ", ";
        int w = snprintf(buf + *len, size - *len, "%s%s", sep,
                         word ? word(names[i]) : names[i]);
        *len = w < 0 ? size : *len + (size_t)w;
    }
}

static void append_sep(char *buf, size_t size, size_t *len)
{
    if (*len > 0 && *len < size) {
        int w = snprintf(buf + *len, size - *len, " · ");
        *len = w < 0 ? size : *len + (size_t)w;
    }
}

char *pm_label_filter(const pm_filter *f, char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    if (!pm_filter_active(f))
        return buf;
    size_t len = 0;
    if (f->nregios) {
        int w = snprintf(buf, size, "%s ", f->nregios == 1 ? "Regio" : "Regio's");
        len = w < 0 ? size : (size_t)w;
        append_list(buf, size, &len, f->regios, f->nregios, NULL);
    }
    if (f->ntypes) {
        append_sep(buf, size, &len);
        append_list(buf, size, &len, f->types, f->ntypes, pm_label_type_plural);
    }
    if (f->norgs) {
        append_sep(buf, size, &len);
        if (len < size) {
            int w = f->norgs == 1
                        ? snprintf(buf + len, size - len, "organisatie %s", f->orgs[0])
                        : snprintf(buf + len, size - len, "%zu organisaties", f->norgs);
            len = w < 0 ? size : len + (size_t)w;
        }
    }
    return buf;
}

/* ---- comparisons (SPEC §9) ------------------------------------------------ */

char *pm_label_vergelijking_periode(const pm_scope *scope, char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    if (scope->vergelijk != PM_VERGELIJK_GEEN)
        pm_format_period(scope->vergelijk_period.start, scope->vergelijk_period.end, buf,
                         size);
    return buf;
}

/* Rounded as pm_format_percent rounds, in units of 10^-dec procentpunt. */
static double shown_percent(double fraction, int dec)
{
    double scale = pow(10.0, dec);
    return round(fraction * 100.0 * scale);
}

/* The decimals the words use for a difference of percentages: 1, or 2 when
 * a significant change would otherwise show as two equal percentages. */
static int pp_decimals(const pm_comparison *k, double now)
{
    if (k->significant && shown_percent(now, 1) == shown_percent(k->f.waarde, 1))
        return 2;
    return 1;
}

/* "+9,5" or "-1,2": the difference of the percentages as they are shown
 * ("82,0%" to "91,5%"), so a reader can check it by hand; "" when equal. */
static char *pp_text(double now, double then, int dec, char *buf, size_t size)
{
    double d = (shown_percent(now, dec) - shown_percent(then, dec)) / pow(10.0, dec);
    buf[0] = '\0';
    if (shown_percent(now, dec) == shown_percent(then, dec))
        return buf;
    snprintf(buf, size, "%+.*f", dec, d);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = ',';
    return buf;
}

/* What is missing for a proportion, budget or milestone comparison. */
static const char *missing_words(const char *id)
{
    if (strcmp(id, "R1") == 0)
        return "geen hulpvragen met een beslissing";
    if (strcmp(id, "R2") == 0)
        return "geen organisaties met een evaluatie van de ondersteuning";
    if (strcmp(id, "R3") == 0)
        return "geen beoordeelde specialisten";
    if (strcmp(id, "B") == 0)
        return "geen begroting";
    return "geen mijlpalen gepland";
}

/* R3's active specialists beside its share: "actief: 2 meer (12 tegen 10)". */
static void actief_words(const pm_result *r, char *buf, size_t size)
{
    long now = r->periode.actief, then = r->vergelijking.f.actief;
    if (now == then)
        put(buf, size, "actief: evenveel (%ld)", now);
    else
        put(buf, size, "actief: %ld %s (%ld tegen %ld)", labs(now - then),
            now > then ? "meer" : "minder", now, then);
}

/* The difference of a share, milestone or budget percentage in words. */
static void share_words(const pm_result *r, const char *then_name, bool kort, char *buf,
                        size_t size)
{
    const pm_comparison *k = &r->vergelijking;
    double now = r->periode.waarde, then = k->f.waarde;
    int dec = pp_decimals(k, now);
    char a[32], b[32], pp[32];
    pm_format_percent(then, dec, a, sizeof a);
    pm_format_percent(now, dec, b, sizeof b);
    pp_text(now, then, dec, pp, sizeof pp);
    const char *what = strcmp(r->id, "B") == 0 ? "uitputting " : "";
    bool up = shown_percent(now, dec) > shown_percent(then, dec);
    if (!pp[0] && kort)
        put(buf, size, "%sbleef gelijk: %s", what, b);
    else if (!pp[0])
        put(buf, size, "%sbleef gelijk: %s, net als in %s", what, b, then_name);
    else if (k->has_interval && k->significant)
        put(buf, size, "%s%s duidelijk van %s naar %s (%s procentpunt)", what,
            up ? "steeg" : "daalde", a, b, pp);
    else if (k->has_interval && kort)
        put(buf, size, "%s%s procentpunt, binnen de marge van toeval", what, pp);
    else if (k->has_interval)
        put(buf, size, "%s%s procentpunt ten opzichte van %s, binnen de marge van toeval",
            what, pp, then_name);
    else if (kort)
        put(buf, size, "%s%s van %s naar %s (%s procentpunt)", what,
            up ? "steeg" : "daalde", a, b, pp);
    else /* every milestone and every euro counts: a plain difference */
        put(buf, size, "%s%s van %s naar %s (%s procentpunt ten opzichte van %s)", what,
            up ? "steeg" : "daalde", a, b, pp, then_name);
}

static char *comparison_words(const pm_result *r, const pm_scope *scope, bool kort,
                              char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    const pm_comparison *k = &r->vergelijking;
    if (!k->present)
        return buf;
    char then_name[64], now_name[64], d[16];
    pm_label_vergelijking_periode(scope, then_name, sizeof then_name);
    pm_format_period(scope->period.start, scope->period.end, now_name, sizeof now_name);
    /* Hidden beside a small group, a side may rest on many observations:
     * "te weinig" would be false there. */
    if (k->suppress == PM_SUPPRESS_SECUNDAIR) {
        put(buf, size, "geen vergelijking: %s", PM_LABEL_VERGELIJKING_SECUNDAIR);
        return buf;
    }
    if (k->suppress != PM_SUPPRESS_NONE) {
        put(buf, size, "geen vergelijking: te weinig waarnemingen om te tonen");
        return buf;
    }
    if (scope->vergelijk_period.end < scope->cfg->programma_start) {
        put(buf, size, "geen vergelijking: %s ligt vóór de start van het programma (%s)",
            then_name, pm_format_date(scope->cfg->programma_start, d, sizeof d));
        return buf;
    }
    char main[320];
    if (strcmp(r->id, "R6") == 0) {
        long now = r->periode.aantal, then = k->f.aantal;
        if (now == then && kort)
            put(main, sizeof main, "evenveel (%ld)", now);
        else if (now == then)
            put(main, sizeof main, "evenveel als in %s (%ld)", then_name, now);
        else if (kort)
            put(main, sizeof main, "%ld %s (%ld tegen %ld)", labs(now - then),
                now > then ? "meer" : "minder", now, then);
        else
            put(main, sizeof main, "%ld %s dan in %s (%ld tegen %ld)", labs(now - then),
                now > then ? "meer" : "minder", then_name, now, then);
    } else if (!k->has_verschil) {
        bool now_missing = !r->periode.has_waarde, then_missing = !k->f.has_waarde;
        char where[96];
        if (now_missing && then_missing)
            put(where, sizeof where, "in beide perioden");
        else
            put(where, sizeof where, "in %s", then_missing ? then_name : now_name);
        put(main, sizeof main, "geen vergelijking: %s %s", where, missing_words(r->id));
    } else {
        share_words(r, then_name, kort, main, sizeof main);
    }
    if (strcmp(r->id, "R3") == 0) {
        char act[96];
        actief_words(r, act, sizeof act);
        put(buf, size, "%s; %s", main, act);
    } else {
        put(buf, size, "%s", main);
    }
    return buf;
}

char *pm_label_vergelijking(const pm_result *r, const pm_scope *scope, char *buf,
                            size_t size)
{
    return comparison_words(r, scope, false, buf, size);
}

char *pm_label_vergelijking_kort(const pm_result *r, const pm_scope *scope, char *buf,
                                 size_t size)
{
    return comparison_words(r, scope, true, buf, size);
}

char *pm_label_verschil(const pm_result *r, char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    const pm_comparison *k = &r->vergelijking;
    if (!k->present || !k->has_verschil || k->suppress != PM_SUPPRESS_NONE)
        return buf;
    if (strcmp(r->id, "R6") == 0) {
        put(buf, size, "%+ld", r->periode.aantal - k->f.aantal);
        if (r->periode.aantal == k->f.aantal)
            put(buf, size, "0");
        return buf;
    }
    char pp[32];
    pp_text(r->periode.waarde, k->f.waarde, pp_decimals(k, r->periode.waarde), pp,
            sizeof pp);
    put(buf, size, "%s %%-punt", pp[0] ? pp : "0,0");
    return buf;
}
