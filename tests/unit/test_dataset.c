/* test_dataset.c — unit tests for engine/dataset.c and engine/gemeenten.c:
 * the nine datasets of SPEC §2 as data (fields, required ones, allowed
 * values), detection from a header, the row rules, and the CBS list of
 * gemeenten. Prints TAP. */
#include "dataset.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "value.h"

/* SPEC §2's table: the fields of each dataset in order, '*' = required. */
static const struct {
    pm_kind kind;
    const char *name;
    const char *fields;
} spec[] = {
    {PM_ORGANISATIES, "organisaties", "*id *naam *type regio"},
    {PM_SPECIALISTEN, "specialisten",
     "*id *naam *rol *expertise *uurtarief *start einde"},
    {PM_HULPVRAGEN, "hulpvragen",
     "*id *organisatie *ontvangen eerste_contact onderwerp specialist status "
     "afgerond_op"},
    {PM_INZET, "inzet", "*id *specialist *datum *uren hulpvraag omschrijving"},
    {PM_EVALUATIES, "evaluaties",
     "*id *organisatie *datum *soort *score specialist hulpvraag"},
    {PM_KENNISPRODUCTEN, "kennisproducten",
     "*id *titel *soort gepubliceerd pijler kanalen bereik"},
    {PM_MIJLPALEN, "mijlpalen", "*id *resultaat *omschrijving *gepland gereed bewijs"},
    {PM_BEGROTING, "begroting", "*id *jaar kwartaal *post *bedrag"},
    {PM_UITGAVEN, "uitgaven", "*id *datum *post *bedrag omschrijving"},
};
#define NSPEC (sizeof spec / sizeof spec[0])

/* The fields of ds written as in `spec`. */
static const char *describe(const pm_dataset *ds, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < ds->nfields; i++) {
        int n = snprintf(out + used, size - used, "%s%s%s", i ? " " : "",
                         ds->fields[i].required ? "*" : "", ds->fields[i].name);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
    return out;
}

static void datasets_follow_spec(void)
{
    CHECK(NSPEC == PM_NKINDS, "there_are_nine_datasets");
    char got[256], name[96];
    for (size_t i = 0; i < NSPEC; i++) {
        const pm_dataset *ds = pm_dataset_get(spec[i].kind);
        snprintf(name, sizeof name, "%s_has_the_fields_of_spec_2", spec[i].name);
        CHECK(ds && ds->kind == spec[i].kind && strcmp(ds->name, spec[i].name) == 0,
              spec[i].name);
        CHECK_STR(ds ? describe(ds, got, sizeof got) : NULL, spec[i].fields, name);
        snprintf(name, sizeof name, "%s_is_found_by_its_name", spec[i].name);
        CHECK(pm_dataset_by_name(spec[i].name) == ds, name);
    }
    CHECK(pm_dataset_get(PM_NKINDS) == NULL, "kind_past_the_last_is_null");
    CHECK(pm_dataset_by_name("Hulpvragen") == NULL && pm_dataset_by_name("x") == NULL,
          "unknown_or_capitalised_dataset_name_is_null");
    const pm_dataset *hv = pm_dataset_get(PM_HULPVRAGEN);
    CHECK(pm_dataset_field_index(hv, "ontvangen") == 2 &&
              pm_dataset_field_index(hv, "ONTVANGEN") == -1 &&
              pm_dataset_field_index(hv, "datum") == -1,
          "field_index_takes_lowercase_names_only");
}

/* The values of an enum field joined by '|', and its default. */
static const char *values_of(pm_kind kind, const char *field, char *out, size_t size)
{
    const pm_dataset *ds = pm_dataset_get(kind);
    int fi = pm_dataset_field_index(ds, field);
    size_t used = 0;
    out[0] = '\0';
    if (fi < 0 || !ds->fields[fi].values)
        return out;
    for (const char *const *v = ds->fields[fi].values; *v; v++) {
        int n = snprintf(out + used, size - used, "%s%s", used ? "|" : "", *v);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
    return out;
}

static const char *default_of(pm_kind kind, const char *field)
{
    const pm_dataset *ds = pm_dataset_get(kind);
    int fi = pm_dataset_field_index(ds, field);
    return fi < 0 ? "?" : ds->fields[fi].dflt;
}

static void allowed_values(void)
{
    char b[256];
    CHECK_STR(values_of(PM_ORGANISATIES, "type", b, sizeof b),
              "gemeente|sob|opdrachtgever", "organisation_types");
    CHECK_STR(values_of(PM_ORGANISATIES, "regio", b, sizeof b),
              "Noord-West|Noord|Midden|Oost|Zuid-West|Zuid", "the_six_regios_in_order");
    CHECK_STR(values_of(PM_SPECIALISTEN, "rol", b, sizeof b),
              "expert|specialist|regioadviseur", "specialist_roles");
    CHECK_STR(values_of(PM_SPECIALISTEN, "expertise", b, sizeof b),
              "sturing-bekostiging|bedrijfsvoering|bestuurlijke-sturing|juridisch|"
              "participatieketen",
              "the_five_expertises");
    CHECK_STR(values_of(PM_HULPVRAGEN, "onderwerp", b, sizeof b),
              "sturing-bekostiging|bedrijfsvoering|bestuurlijke-sturing|juridisch|"
              "participatieketen",
              "onderwerp_is_an_expertise");
    CHECK_STR(values_of(PM_HULPVRAGEN, "status", b, sizeof b), "open|lopend|afgerond",
              "request_statuses");
    CHECK_STR(default_of(PM_HULPVRAGEN, "status"), "open", "request_status_default_open");
    CHECK_STR(values_of(PM_EVALUATIES, "soort", b, sizeof b),
              "ondersteuning|specialist|opdrachtgever", "evaluation_kinds");
    CHECK_STR(values_of(PM_KENNISPRODUCTEN, "soort", b, sizeof b),
              "handleiding|factsheet|webinar|podcast|kennisbijeenkomst|publicatie|overig",
              "knowledge_product_kinds");
    CHECK_STR(values_of(PM_KENNISPRODUCTEN, "pijler", b, sizeof b), "2|3|2+3",
              "pijler_values");
    CHECK_STR(default_of(PM_KENNISPRODUCTEN, "pijler"), "2", "pijler_default_2");
    CHECK_STR(values_of(PM_MIJLPALEN, "resultaat", b, sizeof b), "R4|R5",
              "milestones_belong_to_r4_or_r5");
    CHECK_STR(values_of(PM_BEGROTING, "post", b, sizeof b),
              "inhuur|kennisproducten|website|bijeenkomsten|communicatie|overig",
              "budget_posts");
    CHECK_STR(values_of(PM_UITGAVEN, "post", b, sizeof b),
              "inhuur|kennisproducten|website|bijeenkomsten|communicatie|overig",
              "expense_posts_are_the_budget_posts");
    const pm_dataset *ev = pm_dataset_get(PM_EVALUATIES);
    const pm_field *score = &ev->fields[pm_dataset_field_index(ev, "score")];
    CHECK(score->type == PM_F_SCORE && score->min == 10 && score->max == 100,
          "score_is_1_to_10_in_tenths");
    const pm_dataset *iz = pm_dataset_get(PM_INZET);
    const pm_field *uren = &iz->fields[pm_dataset_field_index(iz, "uren")];
    CHECK(uren->type == PM_F_HOURS && uren->min == 1 && uren->max == 2400,
          "hours_are_above_0_and_at_most_24");
}

static const pm_dataset *detect(const char *header, const pm_dataset **closest)
{
    static char buf[256];
    const char *cols[16];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", header);
    for (char *tok = strtok(buf, ";"); tok && n < 16; tok = strtok(NULL, ";"))
        cols[n++] = tok;
    return pm_dataset_detect(cols, n, closest);
}

static void detection(void)
{
    const pm_dataset *closest = NULL;
    int own = 1;
    for (size_t i = 0; i < NSPEC; i++) {
        char header[256];
        size_t used = 0;
        const pm_dataset *ds = pm_dataset_get(spec[i].kind);
        for (size_t f = 0; f < ds->nfields; f++)
            used += (size_t)snprintf(header + used, sizeof header - used, "%s%s",
                                     f ? ";" : "", ds->fields[f].name);
        own &= detect(header, NULL) == ds;
    }
    CHECK(own, "every_full_header_is_its_own_dataset");
    CHECK(detect("id;datum;post;bedrag", NULL) == pm_dataset_get(PM_UITGAVEN),
          "id_datum_post_bedrag_is_uitgaven");
    CHECK(detect("id;jaar;post;bedrag", NULL) == pm_dataset_get(PM_BEGROTING),
          "id_jaar_post_bedrag_is_begroting");
    CHECK(detect("id;naam;type;regio;opmerking", NULL) == pm_dataset_get(PM_ORGANISATIES),
          "an_unknown_extra_column_does_not_stop_detection");
    CHECK(detect("id;organisatie;eerste_contact", &closest) == NULL &&
              closest == pm_dataset_get(PM_HULPVRAGEN),
          "missing_required_column_detects_nothing_but_names_the_closest");
    CHECK(detect("id;id;id", &closest) == NULL, "repeated_id_column_is_no_dataset");
    CHECK(detect("", &closest) == NULL && closest == NULL, "no_columns_no_dataset");
}

static void references(void)
{
    size_t n;
    const pm_ref *r = pm_dataset_refs(&n);
    int evaluation_request = 0, request_org = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].from == PM_EVALUATIES && strcmp(r[i].column, "hulpvraag") == 0)
            evaluation_request = 1;
        if (r[i].from == PM_HULPVRAGEN && strcmp(r[i].column, "organisatie") == 0 &&
            r[i].to == PM_ORGANISATIES)
            request_org = 1;
    }
    CHECK(n == 6 && request_org, "six_references_among_them_request_to_organisation");
    CHECK(!evaluation_request, "evaluation_hulpvraag_is_not_a_checked_reference");
}

/* Runs kind's row rule on the given (field, text) pairs. */
static size_t rule_errors(pm_kind kind, const char *const *pairs, size_t npairs,
                          char *first, size_t size)
{
    const pm_dataset *ds = pm_dataset_get(kind);
    pm_value v[16];
    memset(v, 0, sizeof v);
    for (size_t i = 0; i + 1 < 2 * npairs; i += 2) {
        int fi = pm_dataset_field_index(ds, pairs[i]);
        if (fi < 0)
            continue;
        v[fi].present = true;
        v[fi].text = pairs[i + 1];
        v[fi].len = strlen(pairs[i + 1]);
        pm_day d;
        if (ds->fields[fi].type == PM_F_DATE && pm_day_parse(v[fi].text, v[fi].len, &d))
            v[fi].num = d;
    }
    pm_diag diag;
    pm_diag_init(&diag, 5);
    if (ds->row_rule)
        ds->row_rule(v, &diag, "f.csv", 2);
    snprintf(first, size, "%s", diag.kept_errors ? diag.errors[0] : "");
    size_t n = diag.nerrors;
    pm_diag_free(&diag);
    return n;
}

static void row_rules(void)
{
    char e[256];
    const char *gm_bad[] = {"id",   "GM9999",   "naam",  "X",
                            "type", "gemeente", "regio", "Oost"};
    CHECK(rule_errors(PM_ORGANISATIES, gm_bad, 4, e, sizeof e) == 1 &&
              strstr(e, "f.csv:2: veld 'id'") && strstr(e, "CBS"),
          "gemeente_with_an_unknown_cbs_code_is_refused");
    const char *gm_ok[] = {"id",   "GM0363",   "naam",  "Amsterdam",
                           "type", "gemeente", "regio", "Noord-West"};
    CHECK(rule_errors(PM_ORGANISATIES, gm_ok, 4, e, sizeof e) == 0,
          "gemeente_with_a_cbs_code_and_regio_passes");
    const char *no_regio[] = {"id", "SOB001", "naam", "X", "type", "sob"};
    CHECK(rule_errors(PM_ORGANISATIES, no_regio, 3, e, sizeof e) == 1 &&
              strstr(e, "veld 'regio'"),
          "sob_without_regio_is_refused");
    const char *og[] = {"id", "VNG", "naam", "VNG", "type", "opdrachtgever"};
    CHECK(rule_errors(PM_ORGANISATIES, og, 3, e, sizeof e) == 0,
          "opdrachtgever_needs_no_regio");
    const char *early[] = {"id",        "H1", "ontvangen", "2025-03-04", "eerste_contact",
                           "2025-03-03"};
    CHECK(rule_errors(PM_HULPVRAGEN, early, 3, e, sizeof e) == 1 &&
              strstr(e, "veld 'eerste_contact'"),
          "first_contact_before_receipt_is_refused");
    const char *same_day[] = {
        "id", "H1", "ontvangen", "2025-03-04", "eerste_contact", "2025-03-04"};
    CHECK(rule_errors(PM_HULPVRAGEN, same_day, 3, e, sizeof e) == 0,
          "first_contact_on_the_day_of_receipt_passes");
    const char *spec_eval[] = {"id", "E1", "soort", "specialist"};
    CHECK(rule_errors(PM_EVALUATIES, spec_eval, 2, e, sizeof e) == 1 &&
              strstr(e, "veld 'specialist'"),
          "specialist_evaluation_needs_a_specialist");
    const char *inhuur[] = {"id", "U1", "post", "inhuur"};
    CHECK(rule_errors(PM_UITGAVEN, inhuur, 2, e, sizeof e) == 1 &&
              strstr(e, "veld 'post'"),
          "expense_on_post_inhuur_is_refused");
    const char *ended[] = {"id", "SP01", "start", "2025-01-01", "einde", "2024-12-31"};
    CHECK(rule_errors(PM_SPECIALISTEN, ended, 3, e, sizeof e) == 1 &&
              strstr(e, "veld 'einde'"),
          "specialist_ending_before_start_is_refused");
}

static void gemeenten(void)
{
    size_t n;
    const pm_gemeente *g = pm_gemeenten(&n);
    CHECK(n == 342, "there_are_342_gemeenten");
    int sorted = 1, shaped = 1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && strcmp(g[i - 1].code, g[i].code) >= 0)
            sorted = 0;
        const char *c = g[i].code;
        shaped &= strlen(c) == 6 && c[0] == 'G' && c[1] == 'M' &&
                  isdigit((unsigned char)c[2]) && isdigit((unsigned char)c[3]) &&
                  isdigit((unsigned char)c[4]) && isdigit((unsigned char)c[5]) &&
                  g[i].naam[0] && g[i].provincie[0];
    }
    /* pm_gemeente_known is a binary search: it needs the order. */
    CHECK(sorted, "gemeenten_are_sorted_by_code_without_duplicates");
    CHECK(shaped, "every_code_is_gm_and_four_digits_with_a_name_and_province");
    int all = 1;
    for (size_t i = 0; i < n; i++)
        all &= pm_gemeente_known(g[i].code);
    CHECK(all, "every_listed_code_is_known");
    CHECK(pm_gemeente_known("GM0363") && pm_gemeente_known("GM0344"),
          "amsterdam_and_utrecht_are_known");
    CHECK(!pm_gemeente_known("GM9999") && !pm_gemeente_known("gm0363") &&
              !pm_gemeente_known("GM036") && !pm_gemeente_known(""),
          "unknown_lowercase_short_or_empty_codes_are_not_known");
}

/* Regios, organisation types and expertises are written once, in
 * dataset.c: the fields that allow them point at the same lists the
 * indicators count by, and each list ends after its count. */
static const char *const *field_values(pm_kind kind, const char *name)
{
    const pm_dataset *ds = pm_dataset_get(kind);
    int i = pm_dataset_field_index(ds, name);
    return i < 0 ? NULL : ds->fields[i].values;
}

static size_t list_length(const char *const *l)
{
    size_t n = 0;
    while (l[n])
        n++;
    return n;
}

static void category_lists_are_written_once(void)
{
    CHECK(field_values(PM_ORGANISATIES, "regio") == pm_regios,
          "organisaties_regio_allows_exactly_pm_regios");
    CHECK(field_values(PM_ORGANISATIES, "type") == pm_org_types,
          "organisaties_type_allows_exactly_pm_org_types");
    CHECK(field_values(PM_SPECIALISTEN, "expertise") == pm_expertises,
          "specialisten_expertise_allows_exactly_pm_expertises");
    CHECK(field_values(PM_HULPVRAGEN, "onderwerp") == pm_expertises,
          "hulpvragen_onderwerp_allows_the_same_expertises");
    CHECK(list_length(pm_regios) == PM_NREGIOS, "pm_regios_has_its_count_of_6");
    CHECK(list_length(pm_org_types) == PM_NTYPES, "pm_org_types_has_its_count_of_3");
    CHECK(list_length(pm_expertises) == PM_NEXPERTISES,
          "pm_expertises_has_its_count_of_5");
    CHECK(strcmp(pm_regios[0], "Noord-West") == 0 && strcmp(pm_regios[5], "Zuid") == 0,
          "regios_in_spec_order_noord_west_first_zuid_last");
}

int main(void)
{
    datasets_follow_spec();
    allowed_values();
    detection();
    references();
    row_rules();
    gemeenten();
    category_lists_are_written_once();
    return tap_done();
}
