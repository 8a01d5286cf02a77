/* labels.c — every Dutch label of the reports in one table, so wording is
 * changed in one place and the code elsewhere stays free of Dutch literals. */
#include "labels.h"

#include <stdio.h>
#include <string.h>

#include "dataset.h"
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

char *pm_label_target(const char *id, const pm_config *cfg, char *buf, size_t size)
{
    char p[32];
    if (strcmp(id, "R1") == 0)
        snprintf(buf, size, "≥ %s", pm_format_percent(cfg->doel_r1, 0, p, sizeof p));
    else if (strcmp(id, "R2") == 0)
        snprintf(buf, size, "≥ %s", pm_format_percent(cfg->doel_r2, 0, p, sizeof p));
    else if (strcmp(id, "R3") == 0)
        snprintf(buf, size, "≥ %d actief en ≥ %s", cfg->doel_r3_actief,
                 pm_format_percent(cfg->doel_r3, 0, p, sizeof p));
    else if (strcmp(id, "R4") == 0)
        snprintf(buf, size, "%s op tijd en gemiddelde ≥ %d,%d",
                 pm_format_percent(cfg->doel_r4, 0, p, sizeof p),
                 cfg->r4_gemiddelde_x10 / 10, cfg->r4_gemiddelde_x10 % 10);
    else if (strcmp(id, "R5") == 0)
        snprintf(buf, size, "%s op tijd",
                 pm_format_percent(cfg->doel_r5, 0, p, sizeof p));
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

const char pm_label_no_data[] = "Nog geen gegevens in deze periode";

const char pm_label_intern_mark[] = "Intern — niet verspreiden";

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
