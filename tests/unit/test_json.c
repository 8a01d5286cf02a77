/* test_json.c — unit tests for exporters/json.c: how a computed report
 * becomes the JSON of SPEC §7 (null where a figure does not exist, euros
 * rounded to cents, the extern privacy rule), read back as a cJSON tree.
 * The report comes from a small store (teststore.h). Prints TAP. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "disclosure.h"
#include "tap.h"
#include "teststore.h"

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const cJSON *indicator(const cJSON *doc, const char *id)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, get(doc, "indicatoren"))
    {
        const cJSON *i = get(it, "id");
        if (cJSON_IsString(i) && strcmp(i->valuestring, id) == 0)
            return it;
    }
    return NULL;
}

static int number_is(const cJSON *o, const char *key, double want)
{
    const cJSON *v = get(o, key);
    return cJSON_IsNumber(v) && fabs(v->valuedouble - want) < 1e-9;
}

static int string_is(const cJSON *o, const char *key, const char *want)
{
    const cJSON *v = get(o, key);
    return cJSON_IsString(v) && strcmp(v->valuestring, want) == 0;
}

/* The cell `key` of breakdown bkey, periode table. */
static const cJSON *cell(const cJSON *ind, const char *bkey, const char *key)
{
    const cJSON *b = get(get(ind, "uitsplitsingen"), bkey);
    const cJSON *c;
    cJSON_ArrayForEach(c, get(b, "periode"))
    {
        if (string_is(c, "sleutel", key))
            return c;
    }
    return NULL;
}

static void document(const pm_report *rep)
{
    cJSON *doc = pm_json_report(rep, PM_INTERN);
    CHECK(doc != NULL, "document_is_built");
    const cJSON *per = get(doc, "periode");
    CHECK(string_is(per, "label", "2025-Q2") && string_is(per, "van", "2025-04-01") &&
              string_is(per, "tot", "2025-06-30") &&
              string_is(doc, "peildatum", "2025-06-30") &&
              string_is(doc, "publiek", "intern"),
          "periode_peildatum_and_audience_in_iso_dates");
    static const char *const ids[] = {"R1", "R2", "R3", "R4", "R5", "R6", "B"};
    int order = cJSON_GetArraySize(get(doc, "indicatoren")) == 7;
    for (int i = 0; order && i < 7; i++)
        order = string_is(cJSON_GetArrayItem(get(doc, "indicatoren"), i), "id", ids[i]);
    CHECK(order, "indicators_in_registry_order");

    /* R1: on time H1, H5; late H2; noemer 3 < min_n: grijs, waarde 2/3. */
    const cJSON *r1 = get(indicator(doc, "R1"), "periode");
    CHECK(number_is(r1, "teller", 2) && number_is(r1, "noemer", 3) &&
              number_is(r1, "waarde", 2.0 / 3.0) && string_is(r1, "status", "grijs"),
          "r1_periode_teller_noemer_waarde_status");
    const cJSON *iv = get(r1, "interval");
    CHECK(cJSON_IsArray(iv) && cJSON_GetArraySize(iv) == 2 &&
              cJSON_GetArrayItem(iv, 0)->valuedouble < 2.0 / 3.0 &&
              cJSON_GetArrayItem(iv, 1)->valuedouble > 2.0 / 3.0,
          "r1_interval_is_a_pair_around_the_waarde");
    CHECK(number_is(indicator(doc, "R1"), "doel", 0.9), "r1_doel_is_a_fraction");

    /* R6: a count; noemer, waarde and interval are null, never 0. */
    const cJSON *r6 = get(indicator(doc, "R6"), "periode");
    CHECK(number_is(r6, "aantal", 1) && number_is(r6, "teller", 1) &&
              cJSON_IsNull(get(r6, "noemer")) && cJSON_IsNull(get(r6, "waarde")) &&
              cJSON_IsNull(get(r6, "interval")),
          "r6_noemer_waarde_and_interval_are_null");
    /* R2 without evaluations: noemer 0, waarde null. */
    const cJSON *r2 = get(indicator(doc, "R2"), "periode");
    CHECK(number_is(r2, "noemer", 0) && cJSON_IsNull(get(r2, "waarde")),
          "waarde_is_null_when_noemer_is_0");

    /* B: 2,5 hours × € 112,50 = € 281,25 against the Q2 line of € 3.000. */
    const cJSON *b = get(indicator(doc, "B"), "periode");
    CHECK(number_is(b, "realisatie", 281.25) && number_is(b, "begroting", 3000) &&
              number_is(b, "teller", 281.25),
          "b_amounts_are_euros");
    const cJSON *post = cell(indicator(doc, "B"), "post", "inhuur");
    CHECK(number_is(post, "teller", 281.25) && number_is(post, "noemer", 3000),
          "b_post_cell_in_euros");

    /* 2024-Q3, 2024-Q4, 2025-Q1, 2025-Q2. */
    const cJSON *t = get(indicator(doc, "R1"), "trend");
    const cJSON *last = cJSON_GetArrayItem(t, cJSON_GetArraySize(t) - 1);
    CHECK(cJSON_GetArraySize(t) == 4 &&
              string_is(cJSON_GetArrayItem(t, 0), "kwartaal", "2024-Q3") &&
              string_is(last, "kwartaal", "2025-Q2"),
          "trend_runs_from_the_programme_start_quarter_to_the_peildatum");
    cJSON_Delete(doc);
}

static void privacy(const pm_report *rep)
{
    cJSON *in = pm_json_report(rep, PM_INTERN), *ex = pm_json_report(rep, PM_EXTERN);
    /* Noord-West has 2 requests: below min_cell 5. */
    const cJSON *ci = cell(indicator(in, "R1"), "regio", "Noord-West");
    const cJSON *ce = cell(indicator(ex, "R1"), "regio", "Noord-West");
    CHECK(number_is(ci, "teller", 1) && number_is(ci, "noemer", 2) &&
              !get(ci, "onderdrukt"),
          "intern_shows_a_small_cell");
    CHECK(ce && cJSON_IsString(get(ce, "onderdrukt")) &&
              strcmp(get(ce, "onderdrukt")->valuestring, "primair") == 0 &&
              !get(ce, "teller") && !get(ce, "noemer") && !get(ce, "waarde") &&
              !get(ce, "n"),
          "extern_suppresses_a_small_cell_with_every_figure");
    CHECK(get(get(indicator(in, "R2"), "uitsplitsingen"), "organisatie") != NULL &&
              get(get(indicator(ex, "R2"), "uitsplitsingen"), "organisatie") == NULL,
          "extern_has_no_per_organisation_breakdown");
    /* Budget posts count no people: shown in extern. */
    const cJSON *pe = cell(indicator(ex, "B"), "post", "inhuur");
    CHECK(number_is(pe, "teller", 281.25) && !get(pe, "onderdrukt"),
          "extern_shows_budget_posts");
    CHECK(string_is(ex, "publiek", "extern"), "extern_document_says_extern");
    cJSON_Delete(in);
    cJSON_Delete(ex);
}

static void json_written(const pm_report *rep)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    char msg[128] = "";
    pm_error err = f ? pm_json_write(rep, PM_INTERN, f, msg, sizeof msg) : PM_ERR_IO;
    if (f)
        fclose(f);
    cJSON *back = buf ? cJSON_Parse(buf) : NULL;
    CHECK(err == PM_OK && back && len > 0 && buf[len - 1] == '\n',
          "written_json_parses_and_ends_with_a_newline");
    CHECK(back && number_is(get(indicator(back, "R1"), "periode"), "teller", 2),
          "written_json_holds_the_figures");
    cJSON_Delete(back);
    free(buf);
}

/* Issue 14: R1 under a filter, hidden for extern (pm_disclosure_filter
 * without a national report hides it; its 3 observations make it primair). */
static void hidden_filtered_figure(pm_report *rep)
{
    static const char *const regio[] = {"Noord-West"};
    rep->scope.filter = (pm_filter){.regios = regio, .nregios = 1};
    pm_disclosure_filter(rep, NULL, 5);
    cJSON *ex = pm_json_report(rep, PM_EXTERN);
    const cJSON *r1 = indicator(ex, "R1");
    const cJSON *per = get(r1, "periode");
    CHECK(cJSON_IsNull(get(per, "teller")) && cJSON_IsNull(get(per, "noemer")) &&
              cJSON_IsNull(get(per, "waarde")) && cJSON_IsNull(get(per, "interval")),
          "hidden_filtered_figure_has_null_teller_noemer_waarde_interval");
    CHECK(string_is(per, "onderdrukt", "primair") && string_is(per, "status", "grijs") &&
              string_is(per, "reden", "onderdrukt: te weinig waarnemingen"),
          "hidden_filtered_figure_says_onderdrukt_primair_and_why");
    const cJSON *t0 = cJSON_GetArrayItem(get(r1, "trend"), 0);
    CHECK(cJSON_IsNull(get(t0, "teller")) && get(t0, "onderdrukt") &&
              cJSON_IsFalse(get(t0, "herzien")),
          "hidden_filtered_trend_point_has_no_figures");
    CHECK(cJSON_GetArraySize(get(r1, "uitsplitsingen")) == 0,
          "hidden_filtered_indicator_has_no_breakdowns");
    const cJSON *r3 = get(indicator(ex, "R3"), "periode");
    CHECK(number_is(r3, "actief", 1) && !get(r3, "onderdrukt"),
          "r3_without_rated_specialists_is_not_hidden_and_keeps_actief");
    const cJSON *r4 = get(indicator(ex, "R4"), "periode");
    CHECK(!get(r4, "onderdrukt"), "unfiltered_r4_is_not_marked");
    cJSON_Delete(ex);
}

int main(void)
{
    store_setup();
    const char *files[] = {"hulpvragen.csv",
                           "id;organisatie;ontvangen;eerste_contact\n"
                           "H1;GM0363;2025-04-17;2025-04-25\n"
                           "H2;GM0363;2025-04-17;2025-04-26\n"
                           "H5;GM0344;2025-04-30;2025-05-08\n",
                           "kennisproducten.csv",
                           "id;titel;soort;gepubliceerd;pijler;kanalen;bereik\n"
                           "K1;Webinar;webinar;2025-04-10;2;nieuwsbrief;0\n",
                           "begroting.csv",
                           "id;jaar;kwartaal;post;bedrag\nBG1;2025;2;inhuur;3000\n",
                           "inzet.csv",
                           "id;specialist;datum;uren;hulpvraag;omschrijving\n"
                           "I1;SP01;2025-04-10;2,5;;\n"};
    sqlite3 *db = make_store("json", files, 4);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    document(&rep);
    privacy(&rep);
    json_written(&rep);
    hidden_filtered_figure(&rep);
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
    store_cleanup();
    return tap_done();
}
