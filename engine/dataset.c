/* dataset.c — the field tables of the nine datasets and their row rules.
 * Adding a field means one line here and one column in store.c's schema. */
#include "dataset.h"

#include <stdio.h>
#include <string.h>

#include "value.h"

const char *const pm_org_types[] = {"gemeente", "sob", "opdrachtgever", NULL};
const char *const pm_regios[] = {"Noord-West", "Noord", "Midden", "Oost",
                                 "Zuid-West",  "Zuid",  NULL};
static const char *const rollen[] = {"expert", "specialist", "regioadviseur", NULL};
const char *const pm_expertises[] = {"sturing-bekostiging",  "bedrijfsvoering",
                                     "bestuurlijke-sturing", "juridisch",
                                     "participatieketen",    NULL};
static const char *const statussen[] = {"open", "lopend", "afgerond", NULL};
static const char *const eval_soorten[] = {"ondersteuning", "specialist", "opdrachtgever",
                                           NULL};
static const char *const kp_soorten[] = {
    "handleiding",       "factsheet",  "webinar", "podcast",
    "kennisbijeenkomst", "publicatie", "overig",  NULL};
static const char *const pijlers[] = {"2", "3", "2+3", NULL};
static const char *const resultaten[] = {"R4", "R5", NULL};
static const char *const posten[] = {
    "inhuur",       "kennisproducten", "website", "bijeenkomsten",
    "communicatie", "overig",          NULL};

/* Largest amount accepted: one hundred million euros, in cents. A larger
 * figure in this programme is a typing error, not a budget. */
#define MONEY_MAX 10000000000LL

#define ID(n, ex)                                                                        \
    {                                                                                    \
        n, n, PM_F_ID, true, NULL, NULL, 0, 0, ex                                        \
    }
#define REF(n, req, ex)                                                                  \
    {                                                                                    \
        n, n, PM_F_ID, req, NULL, NULL, 0, 0, ex                                         \
    }
#define TEXT(n, req, ex)                                                                 \
    {                                                                                    \
        n, n, PM_F_TEXT, req, NULL, NULL, 0, 0, ex                                       \
    }
#define ENUM(n, req, vals, dflt, ex)                                                     \
    {                                                                                    \
        n, n, PM_F_ENUM, req, vals, dflt, 0, 0, ex                                       \
    }
#define DATE(n, req, ex)                                                                 \
    {                                                                                    \
        n, n, PM_F_DATE, req, NULL, NULL, 0, 0, ex                                       \
    }

static const pm_field f_organisaties[] = {
    ID("id", "GM0363"),
    TEXT("naam", true, "Amsterdam"),
    ENUM("type", true, pm_org_types, NULL, "gemeente"),
    ENUM("regio", false, pm_regios, NULL, "Noord-West"),
};

static const pm_field f_specialisten[] = {
    ID("id", "SP01"),
    TEXT("naam", true, "Anna de Vries"),
    ENUM("rol", true, rollen, NULL, "specialist"),
    ENUM("expertise", true, pm_expertises, NULL, "juridisch"),
    {"uurtarief", "uurtarief_cent", PM_F_MONEY, true, NULL, NULL, 1, 100000, "112,50"},
    DATE("start", true, "01-07-2024"),
    DATE("einde", false, ""),
};

static const pm_field f_hulpvragen[] = {
    ID("id", "HV-2025-0001"),
    REF("organisatie", true, "GM0363"),
    DATE("ontvangen", true, "03-03-2025"),
    DATE("eerste_contact", false, "05-03-2025"),
    ENUM("onderwerp", false, pm_expertises, NULL, "bedrijfsvoering"),
    REF("specialist", false, "SP01"),
    ENUM("status", false, statussen, "open", "afgerond"),
    DATE("afgerond_op", false, "28-03-2025"),
};

static const pm_field f_inzet[] = {
    ID("id", "IZ-000001"),
    REF("specialist", true, "SP01"),
    DATE("datum", true, "05-03-2025"),
    {"uren", "uren_x100", PM_F_HOURS, true, NULL, NULL, 1, 2400, "2,5"},
    REF("hulpvraag", false, "HV-2025-0001"),
    TEXT("omschrijving", false, "Intakegesprek met de wethouder"),
};

static const pm_field f_evaluaties[] = {
    ID("id", "EV-0001"),
    REF("organisatie", true, "GM0363"),
    DATE("datum", true, "15-04-2025"),
    ENUM("soort", true, eval_soorten, NULL, "ondersteuning"),
    {"score", "score_x10", PM_F_SCORE, true, NULL, NULL, 10, 100, "7,5"},
    REF("specialist", false, ""),
    REF("hulpvraag", false, "HV-2025-0001"),
};

static const pm_field f_kennisproducten[] = {
    ID("id", "KP-01"),
    TEXT("titel", true, "Handreiking bekostiging beschut werk"),
    ENUM("soort", true, kp_soorten, NULL, "handleiding"),
    DATE("gepubliceerd", false, "12-11-2024"),
    ENUM("pijler", false, pijlers, "2", "2+3"),
    {"kanalen", "kanalen", PM_F_CHANNELS, false, NULL, NULL, 0, 0, "nieuwsbrief|website"},
    {"bereik", "bereik", PM_F_INT, false, NULL, NULL, 0, 1000000000, "850"},
};

static const pm_field f_mijlpalen[] = {
    ID("id", "MP-R4-01"),
    ENUM("resultaat", true, resultaten, NULL, "R4"),
    TEXT("omschrijving", true, "Kwartaalrapportage 2025-Q1 aan MinSZW en VNG"),
    DATE("gepland", true, "15-04-2025"),
    DATE("gereed", false, "11-04-2025"),
    TEXT("bewijs", false, "Rapportage-2025-Q1.pdf"),
};

static const pm_field f_begroting[] = {
    ID("id", "BG-2025-inhuur"),
    {"jaar", "jaar", PM_F_INT, true, NULL, NULL, 2000, 2100, "2025"},
    {"kwartaal", "kwartaal", PM_F_INT, false, NULL, NULL, 1, 4, ""},
    ENUM("post", true, posten, NULL, "inhuur"),
    {"bedrag", "bedrag_cent", PM_F_MONEY, true, NULL, NULL, 0, MONEY_MAX, "450000,00"},
};

static const pm_field f_uitgaven[] = {
    ID("id", "UG-0001"),
    DATE("datum", true, "20-05-2025"),
    ENUM("post", true, posten, NULL, "website"),
    {"bedrag", "bedrag_cent", PM_F_MONEY, true, NULL, NULL, -MONEY_MAX, MONEY_MAX,
     "4350,00"},
    TEXT("omschrijving", false, "Bouw website, tweede termijn"),
};

/* Index constants for the row rules below; they must match the tables. */
enum { ORG_ID, ORG_NAAM, ORG_TYPE, ORG_REGIO };
enum { SP_ID, SP_NAAM, SP_ROL, SP_EXPERTISE, SP_TARIEF, SP_START, SP_EINDE };
enum {
    HV_ID,
    HV_ORG,
    HV_ONTVANGEN,
    HV_CONTACT,
    HV_ONDERWERP,
    HV_SPEC,
    HV_STATUS,
    HV_AFGEROND
};
enum { EV_ID, EV_ORG, EV_DATUM, EV_SOORT, EV_SCORE, EV_SPEC, EV_HV };
enum { UG_ID, UG_DATUM, UG_POST, UG_BEDRAG };

static bool value_is(const pm_value *v, const char *s)
{
    return v->present && strcmp(v->text, s) == 0;
}

static void rule_organisaties(const pm_value *v, pm_diag *d, const char *file, long line)
{
    if (value_is(&v[ORG_TYPE], "gemeente") && v[ORG_ID].present &&
        !pm_gemeente_known(v[ORG_ID].text))
        pm_diag_error(d, file, line, "id",
                      "'%s' is geen CBS-gemeentecode; een gemeente heeft een code als "
                      "GM0363 uit de CBS-lijst",
                      v[ORG_ID].text);
    if (v[ORG_TYPE].present && !value_is(&v[ORG_TYPE], "opdrachtgever") &&
        !v[ORG_REGIO].present)
        pm_diag_error(d, file, line, "regio", "verplicht voor een %s", v[ORG_TYPE].text);
}

static void rule_specialisten(const pm_value *v, pm_diag *d, const char *file, long line)
{
    if (v[SP_START].present && v[SP_EINDE].present && v[SP_EINDE].num < v[SP_START].num)
        pm_diag_error(d, file, line, "einde", "ligt voor de startdatum");
}

static void rule_hulpvragen(const pm_value *v, pm_diag *d, const char *file, long line)
{
    if (!v[HV_ONTVANGEN].present)
        return;
    if (v[HV_CONTACT].present && v[HV_CONTACT].num < v[HV_ONTVANGEN].num)
        pm_diag_error(d, file, line, "eerste_contact", "ligt voor de datum ontvangen");
    if (v[HV_AFGEROND].present && v[HV_AFGEROND].num < v[HV_ONTVANGEN].num)
        pm_diag_error(d, file, line, "afgerond_op", "ligt voor de datum ontvangen");
}

static void rule_evaluaties(const pm_value *v, pm_diag *d, const char *file, long line)
{
    if (value_is(&v[EV_SOORT], "specialist") && !v[EV_SPEC].present)
        pm_diag_error(d, file, line, "specialist",
                      "verplicht bij een evaluatie van soort 'specialist'");
}

static void rule_uitgaven(const pm_value *v, pm_diag *d, const char *file, long line)
{
    /* Hiring costs are computed from inzet × uurtarief (SPEC §5 B); booking
     * them here as well would count them twice. */
    if (value_is(&v[UG_POST], "inhuur"))
        pm_diag_error(d, file, line, "post",
                      "'inhuur' wordt berekend uit inzet × uurtarief en hoort niet bij "
                      "de uitgaven");
}

#define DS(k, n, f, r)                                                                   \
    {                                                                                    \
        k, n, f, sizeof f / sizeof f[0], r                                               \
    }

static const pm_dataset datasets[PM_NKINDS] = {
    DS(PM_ORGANISATIES, "organisaties", f_organisaties, rule_organisaties),
    DS(PM_SPECIALISTEN, "specialisten", f_specialisten, rule_specialisten),
    DS(PM_HULPVRAGEN, "hulpvragen", f_hulpvragen, rule_hulpvragen),
    DS(PM_INZET, "inzet", f_inzet, NULL),
    DS(PM_EVALUATIES, "evaluaties", f_evaluaties, rule_evaluaties),
    DS(PM_KENNISPRODUCTEN, "kennisproducten", f_kennisproducten, NULL),
    DS(PM_MIJLPALEN, "mijlpalen", f_mijlpalen, NULL),
    DS(PM_BEGROTING, "begroting", f_begroting, NULL),
    DS(PM_UITGAVEN, "uitgaven", f_uitgaven, rule_uitgaven),
};

/* evaluaties.hulpvraag is deliberately not a reference: an evaluation may
 * name a request from before the monitor; `check` warns about it instead. */
static const pm_ref refs[] = {
    {PM_HULPVRAGEN, "organisatie", PM_ORGANISATIES},
    {PM_HULPVRAGEN, "specialist", PM_SPECIALISTEN},
    {PM_INZET, "specialist", PM_SPECIALISTEN},
    {PM_INZET, "hulpvraag", PM_HULPVRAGEN},
    {PM_EVALUATIES, "organisatie", PM_ORGANISATIES},
    {PM_EVALUATIES, "specialist", PM_SPECIALISTEN},
};

const pm_dataset *pm_dataset_get(pm_kind kind)
{
    return kind < PM_NKINDS ? &datasets[kind] : NULL;
}

const pm_dataset *pm_dataset_by_name(const char *name)
{
    for (size_t i = 0; i < PM_NKINDS; i++)
        if (strcmp(datasets[i].name, name) == 0)
            return &datasets[i];
    return NULL;
}

int pm_dataset_field_index(const pm_dataset *ds, const char *name)
{
    for (size_t i = 0; i < ds->nfields; i++)
        if (strcmp(ds->fields[i].name, name) == 0)
            return (int)i;
    return -1;
}

const pm_dataset *pm_dataset_detect(const char *const *cols, size_t ncols,
                                    const pm_dataset **closest)
{
    const pm_dataset *best = NULL, *near = NULL;
    size_t best_known = 0, near_known = 0;
    for (size_t k = 0; k < PM_NKINDS; k++) {
        const pm_dataset *ds = &datasets[k];
        size_t known = 0, required_seen = 0, required = 0;
        bool seen[32] = {false}; /* a repeated column counts once */
        for (size_t c = 0; c < ncols; c++) {
            int fi = pm_dataset_field_index(ds, cols[c]);
            if (fi >= 0 && !seen[fi]) {
                seen[fi] = true;
                known++;
                if (ds->fields[fi].required)
                    required_seen++;
            }
        }
        for (size_t f = 0; f < ds->nfields; f++)
            required += ds->fields[f].required;
        if (known > near_known) {
            near = ds;
            near_known = known;
        }
        if (required_seen == required && known > best_known) {
            best = ds;
            best_known = known;
        }
    }
    if (closest)
        *closest = near;
    return best;
}

const pm_ref *pm_dataset_refs(size_t *n)
{
    *n = sizeof refs / sizeof refs[0];
    return refs;
}
