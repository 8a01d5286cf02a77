/* field_help.c — the Dutch words for every field of the nine datasets: the
 * field tables of docs/invoer.md §3 are generated from here (a unit test
 * compares them), and so are the template's Uitleg sheet and its input
 * messages. Change a field's explanation here, then regenerate the docs with
 * `build/tests/test_field_help --markdown` (see docs/DESIGN.md). */
#include "field_help.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns: field, verplicht, type, toegestane waarden (NULL = dataset.c's
 * list), toelichting, refused value. Markdown as the docs show it. */
static const pm_field_help h_organisaties[] = {
    {"id", "ja", "id", "voor een gemeente: de CBS-gemeentecode",
     "Gemeente: `GM` en vier cijfers, met hoofdletters, zoals `GM0363` (Amsterdam). De "
     "342 geldige codes (stand 1 januari 2025) staan in `engine/gemeenten.csv` en in de "
     "tabel `gemeenten` van de database. SOB's en opdrachtgevers krijgen een eigen code, "
     "bijvoorbeeld `SOB-PANTAR`, `VNG`, `MINSZW`.",
     NULL},
    {"naam", "ja", "tekst", "", "", NULL},
    {"type", "ja", "keuze", NULL, "", NULL},
    {"regio", "ja, behalve voor een opdrachtgever", "keuze", NULL,
     "Verplicht voor een gemeente en een SOB; voor een opdrachtgever mag het leeg "
     "blijven.",
     NULL},
};

static const pm_field_help h_specialisten[] = {
    {"id", "ja", "id", "", "bijvoorbeeld `SP01`", NULL},
    {"naam", "ja", "tekst", "", "", NULL},
    {"rol", "ja", "keuze", NULL, "", NULL},
    {"expertise", "ja", "keuze", NULL, "", NULL},
    {"uurtarief", "ja", "bedrag", "groter dan 0, hoogstens 1.000,00",
     "Euro per uur, exclusief btw. Een tarief boven € 120,00 mag, maar `check` "
     "waarschuwt ervoor.",
     NULL},
    {"start", "ja", "datum", "", "eerste dag in het team", NULL},
    {"einde", "nee", "datum", "niet vóór `start`", "leeg = nog actief", NULL},
};

static const pm_field_help h_hulpvragen[] = {
    {"id", "ja", "id", "", "bijvoorbeeld `HV-2025-0001`", NULL},
    {"organisatie", "ja", "verwijzing naar `organisaties`", "",
     "de vragende gemeente of SOB", NULL},
    {"ontvangen", "ja", "datum", "", "dag waarop de vraag binnenkwam", NULL},
    {"eerste_contact", "nee", "datum", "niet vóór `ontvangen`",
     "leeg = nog geen contact; dezelfde dag als `ontvangen` mag", NULL},
    {"onderwerp", "nee", "keuze", NULL, "dezelfde lijst als `expertise`", NULL},
    {"specialist", "nee", "verwijzing naar `specialisten`", "", "wie de vraag oppakt",
     NULL},
    {"status", "nee", "keuze", NULL, "leeg = `open`", NULL},
    {"afgerond_op", "nee", "datum", "niet vóór `ontvangen`", "", NULL},
};

static const pm_field_help h_inzet[] = {
    {"id", "ja", "id", "", "bijvoorbeeld `IZ-000001`", NULL},
    {"specialist", "ja", "verwijzing naar `specialisten`", "", "", NULL},
    {"datum", "ja", "datum", "", "", NULL},
    {"uren", "ja", "decimaal getal", "groter dan 0, hoogstens 24; hoogstens 2 decimalen",
     "in decimale uren: anderhalf uur is `1,5`, niet `1:30`", NULL},
    {"hulpvraag", "nee", "verwijzing naar `hulpvragen`", "",
     "leeg voor werk dat niet bij één hulpvraag hoort (intervisie, kennisproduct)", NULL},
    {"omschrijving", "nee", "tekst", "", "", NULL},
};

static const pm_field_help h_evaluaties[] = {
    {"id", "ja", "id", "", "bijvoorbeeld `EV-0001`", NULL},
    {"organisatie", "ja", "verwijzing naar `organisaties`", "", "wie de score gaf", NULL},
    {"datum", "ja", "datum", "", "", NULL},
    {"soort", "ja", "keuze", NULL, "", NULL},
    {"score", "ja", "decimaal getal", "1 tot en met 10; hoogstens 1 decimaal",
     "`7,5` is goed, `7,55` niet", NULL},
    {"specialist", "alleen bij soort `specialist`", "verwijzing naar `specialisten`", "",
     "de beoordeelde specialist", NULL},
    {"hulpvraag", "nee", "tekst", "",
     "De hulpvraag waar de evaluatie over gaat. Wordt bij het importeren **niet** "
     "gecontroleerd: een evaluatie mag een hulpvraag van vóór de monitor noemen. `check` "
     "waarschuwt als de hulpvraag niet bestaat.",
     NULL},
};

static const pm_field_help h_kennisproducten[] = {
    {"id", "ja", "id", "", "bijvoorbeeld `KP-01`", NULL},
    {"titel", "ja", "tekst", "", "", NULL},
    {"soort", "ja", "keuze", NULL, "", NULL},
    {"gepubliceerd", "nee", "datum", "", "leeg = nog niet gepubliceerd", NULL},
    {"pijler", "nee", "keuze", NULL,
     "leeg = `2`; `2+3` als pijler 3 meewerkte (zonder spaties)", NULL},
    {"kanalen", "nee", "lijst, gescheiden door `\\|`", "vrije namen",
     "bijvoorbeeld `nieuwsbrief\\|website\\|linkedin`; spaties rond de namen en lege "
     "delen worden weggehaald",
     NULL},
    {"bereik", "nee", "geheel getal", "0 tot en met 1.000.000.000",
     "zonder scheidingstekens: `1200`, niet `1.200`", NULL},
};

static const pm_field_help h_mijlpalen[] = {
    {"id", "ja", "id", "", "bijvoorbeeld `MP-R4-01`", NULL},
    {"resultaat", "ja", "keuze", NULL, "", NULL},
    {"omschrijving", "ja", "tekst", "", "", NULL},
    {"gepland", "ja", "datum", "", "de afgesproken datum", NULL},
    {"gereed", "nee", "datum", "", "leeg = nog niet klaar", NULL},
    {"bewijs", "nee", "tekst", "", "bijvoorbeeld een bestandsnaam of link", NULL},
};

static const pm_field_help h_begroting[] = {
    {"id", "ja", "id", "", "bijvoorbeeld `BG-2025-inhuur`", NULL},
    {"jaar", "ja", "geheel getal", "2000 tot en met 2100", "", NULL},
    {"kwartaal", "nee", "geheel getal", "1, 2, 3, 4",
     "leeg = het hele jaar (pijlermonitor verdeelt het dan gelijk over de vier "
     "kwartalen)",
     NULL},
    {"post", "ja", "keuze", NULL, "", NULL},
    {"bedrag", "ja", "bedrag", "0 tot en met 100.000.000,00", "niet negatief", NULL},
};

static const pm_field_help h_uitgaven[] = {
    {"id", "ja", "id", "", "bijvoorbeeld `UG-0001`", NULL},
    {"datum", "ja", "datum", "", "", NULL},
    {"post", "ja", "keuze",
     "`kennisproducten`, `website`, `bijeenkomsten`, `communicatie`, `overig`",
     "**niet** `inhuur`", "inhuur"},
    {"bedrag", "ja", "bedrag", "−100.000.000,00 tot en met 100.000.000,00",
     "Een negatief bedrag mag, voor een creditnota.", NULL},
    {"omschrijving", "nee", "tekst", "", "", NULL},
};

static const struct {
    const pm_field_help *rows;
    size_t n;
} tables[PM_NKINDS] = {
#define T(k, a) [k] = {a, sizeof a / sizeof a[0]}
    T(PM_ORGANISATIES, h_organisaties), T(PM_SPECIALISTEN, h_specialisten),
    T(PM_HULPVRAGEN, h_hulpvragen),     T(PM_INZET, h_inzet),
    T(PM_EVALUATIES, h_evaluaties),     T(PM_KENNISPRODUCTEN, h_kennisproducten),
    T(PM_MIJLPALEN, h_mijlpalen),       T(PM_BEGROTING, h_begroting),
    T(PM_UITGAVEN, h_uitgaven),
#undef T
};

const pm_field_help *pm_field_help_get(pm_kind kind, size_t *n)
{
    *n = tables[kind].n;
    return tables[kind].rows;
}

char *pm_field_help_values(const pm_dataset *ds, size_t i)
{
    size_t n;
    const pm_field_help *h = pm_field_help_get(ds->kind, &n);
    if (i < n && h[i].waarden)
        return strdup(h[i].waarden);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return NULL;
    const char *const *v = ds->fields[i].values;
    for (size_t k = 0; v && v[k]; k++)
        fprintf(mem, "%s`%s`", k ? ", " : "", v[k]);
    if (fclose(mem) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* A cell of the table; the texts above are Markdown already ('|' escaped). */
static void put_cell(FILE *mem, const char *s)
{
    fprintf(mem, *s ? " %s |" : " |", s);
}

char *pm_field_help_markdown(const pm_dataset *ds)
{
    size_t n;
    const pm_field_help *h = pm_field_help_get(ds->kind, &n);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return NULL;
    fputs("| veld | verplicht | type / formaat | toegestane waarden | toelichting |\n"
          "|---|---|---|---|---|\n",
          mem);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        char *values = pm_field_help_values(ds, i);
        if (!values) {
            ok = false;
            break;
        }
        fprintf(mem, "| `%s` |", h[i].name);
        put_cell(mem, h[i].verplicht);
        put_cell(mem, h[i].type);
        put_cell(mem, values);
        put_cell(mem, h[i].toelichting);
        fputs("\n", mem);
        free(values);
    }
    if (fclose(mem) != 0 || !ok) {
        free(text);
        return NULL;
    }
    return text;
}

char *pm_field_help_plain(const char *md)
{
    char *out = malloc(strlen(md) + 1);
    if (!out)
        return NULL;
    char *o = out;
    for (const char *s = md; *s; s++) {
        if (*s == '`')
            continue;
        if (s[0] == '*' && s[1] == '*') {
            s++;
            continue;
        }
        if (s[0] == '\\' && s[1] == '|')
            continue;
        *o++ = *s;
    }
    *o = '\0';
    return out;
}
