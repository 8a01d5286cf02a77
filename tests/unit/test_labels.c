/* test_labels.c — unit tests for exporters/labels.c: the Dutch names,
 * targets, breakdown titles, category and status words. Prints TAP. */
#include "labels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "tap.h"

static const char *const ids[] = {"R1", "R2", "R3", "R4", "R5", "R6", "B"};
#define NIDS (sizeof ids / sizeof ids[0])

static void indicator_texts(void)
{
    static const char *const names[NIDS] = {"Reactie binnen 5 werkdagen",
                                            "Waardering ondersteuning",
                                            "Specialisten actief en gewaardeerd",
                                            "Rapportage en monitoring",
                                            "Website",
                                            "Kennisproducten",
                                            "Budget"};
    int all_named = 1, all_complete = 1, own_id = 1;
    for (size_t i = 0; i < NIDS; i++) {
        const pm_indicator_text *t = pm_label_indicator(ids[i]);
        all_named &= t && strcmp(t->naam, names[i]) == 0;
        all_complete &= t && t->resultaat[0] && t->definitie[0];
        own_id &= t && strcmp(t->id, ids[i]) == 0;
    }
    CHECK(all_named, "each_indicator_has_its_dutch_name");
    CHECK(all_complete, "each_indicator_has_a_resultaat_and_a_definitie");
    CHECK(own_id, "each_text_carries_its_own_id");
    CHECK(strstr(pm_label_indicator("R1")->definitie, "5e werkdag") != NULL,
          "r1_definitie_names_the_5th_working_day");
    const pm_indicator_text *u = pm_label_indicator("R9");
    CHECK(u != NULL && strcmp(u->naam, "Onbekende indicator") == 0,
          "unknown_id_gets_a_neutral_text_not_null");
}

static void targets(void)
{
    pm_config cfg;
    pm_config_defaults(&cfg);
    static const char *const want[NIDS] = {"≥ 90%",
                                           "≥ 80%",
                                           "≥ 10 actief en ≥ 80%",
                                           "100% op tijd en gemiddelde ≥ 7,0",
                                           "100% op tijd",
                                           "≥ 5 (cumulatief)",
                                           "prognose ≤ jaarbegroting"};
    static const char *const names[NIDS] = {
        "target_r1_default_is_at_least_90_percent",
        "target_r2_default_is_at_least_80_percent",
        "target_r3_default_is_10_active_and_80_percent",
        "target_r4_default_is_all_on_time_and_mean_7_0",
        "target_r5_default_is_all_on_time",
        "target_r6_default_is_5_cumulative",
        "target_b_is_prognose_within_jaarbegroting"};
    char b[128];
    for (size_t i = 0; i < NIDS; i++)
        CHECK_STR(pm_label_target(ids[i], &cfg, b, sizeof b), want[i], names[i]);
    CHECK_STR(pm_label_target("X", &cfg, b, sizeof b), "-",
              "target_of_unknown_id_is_a_dash");

    /* The configured values, not the defaults, are shown. */
    cfg.doel_r1 = 0.85;
    cfg.doel_r3_actief = 12;
    cfg.doel_r3 = 0.75;
    cfg.r4_gemiddelde_x10 = 65;
    cfg.doel_r4 = 0.9;
    cfg.doel_r6 = 8;
    CHECK_STR(pm_label_target("R1", &cfg, b, sizeof b), "≥ 85%",
              "target_r1_follows_the_configuration");
    CHECK_STR(pm_label_target("R3", &cfg, b, sizeof b), "≥ 12 actief en ≥ 75%",
              "target_r3_follows_the_configuration");
    CHECK_STR(pm_label_target("R4", &cfg, b, sizeof b), "90% op tijd en gemiddelde ≥ 6,5",
              "target_r4_mean_in_tenths_is_6_5");
    CHECK_STR(pm_label_target("R6", &cfg, b, sizeof b), "≥ 8 (cumulatief)",
              "target_r6_follows_the_configuration");
    /* A target of 87,5% is met by 87,5%; "≥ 88%" would tell the reader
     * otherwise. */
    cfg.doel_r1 = 0.875;
    CHECK(strcmp(pm_label_target("R1", &cfg, b, sizeof b), "≥ 87,5%") == 0,
          "target_87_5_percent_is_not_shown_as_88");
    pm_config_free(&cfg);
}

static void breakdowns_and_categories(void)
{
    /* Every breakdown key the indicators produce has a title of its own. */
    static const char *const keys[] = {"regio",       "type",   "onderwerp",  "werkdagen",
                                       "organisatie", "scores", "specialist", "mijlpalen",
                                       "soort",       "pijler", "post"};
    int titled = 1;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *t = pm_label_breakdown(keys[i]);
        titled &= t != keys[i] && t[0] != '\0';
    }
    CHECK(titled, "every_breakdown_of_the_indicators_has_a_title");
    CHECK_STR(pm_label_breakdown("regio"), "Per regio", "breakdown_regio_is_per_regio");
    const char *odd = "iets-anders";
    CHECK(pm_label_breakdown(odd) == odd, "unknown_breakdown_comes_back_as_its_key");

    CHECK_STR(pm_label_category("werkdagen", "1"), "1 werkdag",
              "one_working_day_is_singular");
    CHECK_STR(pm_label_category("werkdagen", "4"), "4 werkdagen",
              "four_working_days_is_plural");
    CHECK_STR(pm_label_category("werkdagen", "meer_dan_5"),
              "meer dan 5 werkdagen (te laat)", "more_than_5_working_days_says_late");
    CHECK_STR(pm_label_category("werkdagen", "lopend"), "nog binnen de termijn",
              "pending_says_still_within_the_term");
    CHECK_STR(pm_label_category("type", "sob"), "SOB's", "type_sob_is_sobs");
    CHECK_STR(pm_label_category("type", "gemeente"), "gemeenten",
              "type_gemeente_is_plural");
    CHECK_STR(pm_label_category("regio", "geen"), "geen regio", "no_regio_in_words");
    CHECK_STR(pm_label_category("onderwerp", "sturing-bekostiging"),
              "sturing en bekostiging", "onderwerp_key_becomes_words");
    CHECK_STR(pm_label_category("pijler", "2+3"), "pijler 2 en 3 samen",
              "pijler_2_plus_3_in_words");
    CHECK_STR(pm_label_category("regio", "Noord-West"), "Noord-West",
              "a_regio_is_its_own_label");
    /* The key is matched within its breakdown only. */
    CHECK_STR(pm_label_category("regio", "sob"), "sob",
              "a_key_of_another_breakdown_is_not_translated");
}

static void short_categories(void)
{
    CHECK_STR(pm_label_category_short("werkdagen", "meer_dan_5"), "> 5",
              "short_more_than_5_is_greater_than_5");
    CHECK_STR(pm_label_category_short("werkdagen", "lopend"), "loopt nog",
              "short_pending_is_loopt_nog");
    CHECK_STR(pm_label_category_short("werkdagen", "3"), "3",
              "short_working_days_are_the_bare_number");
    CHECK_STR(pm_label_category_short("type", "sob"), "SOB's",
              "short_falls_back_to_the_long_label");
    CHECK_STR(pm_label_category_short("regio", "Zuid"), "Zuid",
              "short_regio_is_the_regio");
}

static void statuses(void)
{
    /* The status words start with the JSON name of the same pm_status, so
     * labels.c and indicator.h agree on the numbering. */
    pm_status all[] = {PM_GRIJS, PM_GROEN, PM_ORANJE, PM_ROOD};
    int agree = 1;
    for (size_t i = 0; i < 4; i++) {
        const char *name = pm_status_name(all[i]);
        agree &= strncmp(pm_label_status_long((int)all[i]), name, strlen(name)) == 0;
    }
    CHECK(agree, "status_words_follow_the_pm_status_numbering");
    CHECK_STR(pm_label_status_long(PM_GRIJS), "grijs (te weinig gegevens)",
              "grijs_says_too_little_data");
    CHECK_STR(pm_label_status_long(42), "grijs (te weinig gegevens)",
              "an_unknown_status_reads_as_grijs");
    CHECK_STR(pm_label_status_meaning(PM_GROEN), "op koers", "groen_means_on_course");
    CHECK_STR(pm_label_status_meaning(PM_ORANJE), "aandacht nodig",
              "oranje_means_attention");
    CHECK_STR(pm_label_status_meaning(PM_ROOD), "actie nodig", "rood_means_action");
    CHECK_STR(pm_label_status_meaning(PM_GRIJS), "te weinig gegevens",
              "grijs_means_too_little_data");
}

static void columns(void)
{
    CHECK_STR(pm_label_teller("R1"), "Op tijd", "r1_teller_is_op_tijd");
    CHECK_STR(pm_label_noemer("R1"), "Op tijd of te laat",
              "r1_noemer_leaves_out_pending");
    CHECK_STR(pm_label_teller("B"), "Realisatie", "b_teller_is_realisatie");
    CHECK_STR(pm_label_noemer("B"), "Begroting", "b_noemer_is_begroting");
    CHECK_STR(pm_label_waarde("B"), "Uitputting", "b_waarde_is_uitputting");
    CHECK_STR(pm_label_waarde("R2"), "Waarde", "r2_waarde_is_waarde");
    CHECK_STR(pm_label_teller("R9"), "Teller", "unknown_id_gets_the_plain_teller");
    CHECK_STR(pm_label_noemer(""), "Noemer", "empty_id_gets_the_plain_noemer");
    int all = 1;
    for (size_t i = 0; i < NIDS; i++)
        all &= pm_label_teller(ids[i])[0] && pm_label_noemer(ids[i])[0] &&
               pm_label_waarde(ids[i])[0];
    CHECK(all, "every_indicator_has_column_words");
    CHECK(strlen(pm_label_no_data) > 0 && strstr(pm_label_no_data, "gegevens"),
          "an_empty_chart_says_there_is_no_data");
}

/* ---- the warnings of check ---------------------------------------------- */

/* The sentence of w, compared with want; frees it. */
static int says(const pm_warning *w, const char *want)
{
    char *got = pm_label_warning(w);
    int ok = got && strcmp(got, want) == 0;
    if (!ok)
        printf("# got  %s\n# want %s\n", got ? got : "(null)", want);
    free(got);
    return ok;
}

static void warning_sentences(void)
{
    pm_warning w = {.kind = PM_WARN_TARIFF_OVER_CAP,
                    .id = "SP09",
                    .cents = 12500,
                    .cap_cents = 12000};
    CHECK(says(&w, "uurtarief van specialist SP09 is € 125,00, boven het maximum van "
                   "€ 120,00"),
          "tariff_sentence_in_euros");
    w = (pm_warning){.kind = PM_WARN_NO_SPECIALIST, .id = "HV1", .status = "open"};
    CHECK(says(&w, "hulpvraag HV1 (status open) heeft geen specialist"),
          "no_specialist_sentence_with_status");
    w.status = NULL; /* SQL NULL reads as nothing, as check always printed it */
    CHECK(says(&w, "hulpvraag HV1 (status ) heeft geen specialist"),
          "no_specialist_sentence_without_status");
    w = (pm_warning){.kind = PM_WARN_NO_SUBJECT, .id = "HV2"};
    CHECK(says(&w, "hulpvraag HV2 heeft geen onderwerp"), "no_subject_sentence");
    w = (pm_warning){.kind = PM_WARN_UNKNOWN_REQUEST, .id = "EV1", .request = "HV-X"};
    CHECK(says(&w, "evaluatie EV1 noemt hulpvraag 'HV-X', die niet bestaat"),
          "unknown_request_sentence");
    w = (pm_warning){.kind = PM_WARN_OUTSIDE_DATES,
                     .id = "IZ1",
                     .specialist = "SP09",
                     .day = pm_day_from_ymd(2025, 7, 1)};
    CHECK(says(&w, "inzet IZ1 van specialist SP09 op 01-07-2025 valt buiten diens start- "
                   "en einddatum"),
          "outside_dates_sentence_with_dutch_date");
    char *ids[] = {"HV3", "HV4"};
    w = (pm_warning){.kind = PM_WARN_DUPLICATE,
                     .ids = ids,
                     .nids = 2,
                     .group_size = 2,
                     .organisation = "GM0344",
                     .day = pm_day_from_ymd(2025, 3, 5)};
    CHECK(says(&w, "hulpvragen HV3, HV4 lijken dubbel: zelfde organisatie (GM0344), dag "
                   "(05-03-2025) en onderwerp"),
          "duplicate_sentence_joins_the_ids");
    w = (pm_warning){.kind = PM_WARN_DONE_WITHOUT_DATE, .id = "HV5"};
    CHECK(says(&w, "hulpvraag HV5 heeft status 'afgerond' maar geen afgerond_op"),
          "done_without_date_sentence");
    w = (pm_warning){.kind = PM_WARN_DATE_WITHOUT_DONE, .id = "HV6", .status = "lopend"};
    CHECK(says(&w, "hulpvraag HV6 heeft een afgerond_op maar status 'lopend'"),
          "date_without_done_sentence");
}

/* A sentence over 511 bytes is cut there, never inside a character: the
 * workbook must get valid UTF-8. "hulpvragen ÉÉÉ0" is 18 bytes and each
 * further ", ÉÉÉ-n" 10: the byte at 511 is the second byte of an É, so the
 * sentence ends at 510 bytes, before that É. */
static void warning_cut(void)
{
    char *ids[80];
    char buf[80][16];
    for (int i = 0; i < 80; i++) {
        snprintf(buf[i], sizeof buf[i], i ? "ÉÉÉ-%d" : "ÉÉÉ%d", i % 10);
        ids[i] = buf[i];
    }
    pm_warning w = {.kind = PM_WARN_DUPLICATE,
                    .ids = ids,
                    .nids = 80,
                    .group_size = 80,
                    .organisation = "GM0363"};
    char *s = pm_label_warning(&w);
    size_t len = s ? strlen(s) : 0;
    CHECK(s && len == 510 && pm_utf8_valid(s, len),
          "long_sentence_is_cut_at_511_bytes_on_a_character_boundary");
    CHECK(s && strncmp(s, "hulpvragen ÉÉÉ0, ÉÉÉ-1, ", 28) == 0,
          "cut_sentence_keeps_its_start");
    free(s);
}

/* The lines of a list: per kind the listed ones with file and line, then
 * how many more were found. */
static void warning_lines(void)
{
    pm_warning item[] = {
        {.kind = PM_WARN_NO_SPECIALIST,
         .file = "hv.csv",
         .line = 2,
         .id = "A",
         .status = "open"},
        {.kind = PM_WARN_NO_SPECIALIST,
         .file = "hv.csv",
         .line = 3,
         .id = "B",
         .status = "open"},
        {.kind = PM_WARN_NO_SUBJECT, .file = "hv.csv", .line = 9, .id = "C"},
    };
    pm_warnings ws = {.item = item, .n = 3, .total = 30};
    ws.found[PM_WARN_NO_SPECIALIST] = 27;
    ws.found[PM_WARN_NO_SUBJECT] = 1;
    ws.found[PM_WARN_DUPLICATE] = 2; /* none listed: only the count */
    size_t n;
    char **lines = pm_label_warning_lines(&ws, &n);
    CHECK(lines && n == 5, "lines_are_the_listed_plus_one_per_kind_with_more");
    if (lines && n == 5) {
        CHECK_STR(lines[0], "hv.csv:2: hulpvraag A (status open) heeft geen specialist",
                  "line_names_file_and_line");
        CHECK_STR(lines[2], "... en nog 25 van deze soort", "more_line_after_its_kind");
        CHECK_STR(lines[3], "hv.csv:9: hulpvraag C heeft geen onderwerp",
                  "next_kind_follows");
        CHECK_STR(lines[4], "... en nog 2 van deze soort",
                  "kind_with_none_listed_counts");
    }
    pm_label_lines_free(lines, n);
    pm_warnings none = {0};
    lines = pm_label_warning_lines(&none, &n);
    CHECK(lines && n == 0, "no_warnings_no_lines");
    pm_label_lines_free(lines, n);
}

/* A scope comparing 4th quarter 2025 with the 3rd, programme from
 * 1-7-2024. */
static pm_scope cmp_scope(pm_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->programma_start = pm_day_from_ymd(2024, 7, 1);
    pm_scope s;
    memset(&s, 0, sizeof s);
    s.cfg = cfg;
    s.cfg_loaded = cfg;
    pm_period_parse("2025-Q4", &s.period);
    pm_period_parse("2025-Q3", &s.vergelijk_period);
    s.vergelijk = PM_VERGELIJK_VORIGE;
    return s;
}

/* A result with periode k1/n1 and comparison k2/n2, compared as
 * pm_report_attach_comparison compares (interval for R1-R3). */
static pm_result share_result(const char *id, double k1, double n1, double k2, double n2)
{
    pm_result r;
    memset(&r, 0, sizeof r);
    r.id = id;
    r.periode.teller = k1;
    r.periode.noemer = n1;
    r.periode.has_waarde = n1 > 0;
    r.periode.waarde = n1 > 0 ? k1 / n1 : 0;
    pm_comparison *k = &r.vergelijking;
    k->present = true;
    k->f.teller = k2;
    k->f.noemer = n2;
    k->f.has_waarde = n2 > 0;
    k->f.waarde = n2 > 0 ? k2 / n2 : 0;
    k->has_verschil = n1 > 0 && n2 > 0;
    k->verschil = r.periode.waarde - k->f.waarde;
    bool sampled = strcmp(id, "R4") != 0 && strcmp(id, "R5") != 0 && strcmp(id, "B") != 0;
    if (sampled && k->has_verschil && pm_newcombe(k1, n1, k2, n2, &k->lo, &k->hi)) {
        k->has_interval = true;
        k->significant = k->lo > 0 || k->hi < 0;
    }
    return r;
}

static void comparisons(void)
{
    pm_config cfg;
    pm_scope s = cmp_scope(&cfg);
    char buf[512], v[64];
    pm_result r = share_result("R1", 12, 13, 0, 10);
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "steeg duidelijk van 0,0% naar 92,3% (+92,3 procentpunt)",
              "a_significant_rise_says_steeg_duidelijk");
    r = share_result("R2", 0, 10, 12, 13);
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "daalde duidelijk van 92,3% naar 0,0% (-92,3 procentpunt)",
              "a_significant_fall_says_daalde_duidelijk");
    r = share_result("R1", 91, 100, 82, 100);
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "+9,0 procentpunt ten opzichte van 3e kwartaal 2025, binnen de marge van "
              "toeval",
              "a_change_within_the_interval_is_within_the_margin_of_chance");
    CHECK_STR(pm_label_vergelijking_kort(&r, &s, buf, sizeof buf),
              "+9,0 procentpunt, binnen de marge van toeval",
              "the_short_words_leave_the_period_to_the_page");
    CHECK_STR(pm_label_verschil(&r, v, sizeof v), "+9,0 %-punt",
              "the_table_difference_is_in_procentpunten");
    /* 82,04% -> 91,56% reads "82,0%" -> "91,6%": the words say +9,6, the
     * difference of what the reader sees, not the rounded +9,52. */
    r = share_result("R1", 9156, 10000, 8204, 10000);
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "steeg duidelijk van 82,0% naar 91,6% (+9,6 procentpunt)",
              "the_difference_is_that_of_the_shown_percentages");
    /* A clear change too small for one decimal gets two. */
    r = share_result("R1", 500400, 1000000, 500000, 1000000);
    r.vergelijking.significant = true;
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "steeg duidelijk van 50,00% naar 50,04% (+0,04 procentpunt)",
              "a_clear_change_below_a_tenth_shows_two_decimals");
    r = share_result("R2", 8, 10, 4, 5);
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "bleef gelijk: 80,0%, net als in 3e kwartaal 2025",
              "an_equal_share_bleef_gelijk");
    r = share_result("R5", 3, 4, 1, 2);
    CHECK_STR(
        pm_label_vergelijking(&r, &s, buf, sizeof buf),
        "steeg van 50,0% naar 75,0% (+25,0 procentpunt ten opzichte van 3e kwartaal "
        "2025)",
        "milestones_say_the_plain_difference_without_duidelijk");
    r = share_result("B", 0, 0, 0, 0);
    r.periode.has_waarde = r.vergelijking.f.has_waarde = true;
    r.periode.waarde = 1.17;
    r.vergelijking.f.waarde = 1.046;
    r.vergelijking.has_verschil = true;
    CHECK_STR(
        pm_label_vergelijking(&r, &s, buf, sizeof buf),
        "uitputting steeg van 104,6% naar 117,0% (+12,4 procentpunt ten opzichte van "
        "3e kwartaal 2025)",
        "budget_says_the_uitputting_difference");
    r = share_result("R1", 5, 10, 0, 0);
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "geen vergelijking: in 3e kwartaal 2025 geen hulpvragen met een beslissing",
              "an_empty_comparison_period_says_what_is_missing");
    CHECK_STR(pm_label_verschil(&r, v, sizeof v), "",
              "no_difference_without_a_comparison");
    r = share_result("R1", 0, 0, 5, 10);
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "geen vergelijking: in 4e kwartaal 2025 geen hulpvragen met een beslissing",
              "an_empty_period_names_itself");

    pm_result r6;
    memset(&r6, 0, sizeof r6);
    r6.id = "R6";
    r6.periode.aantal = 5;
    r6.vergelijking.present = r6.vergelijking.has_verschil = true;
    r6.vergelijking.f.aantal = 2;
    r6.vergelijking.verschil = 3;
    CHECK_STR(pm_label_vergelijking(&r6, &s, buf, sizeof buf),
              "3 meer dan in 3e kwartaal 2025 (5 tegen 2)", "r6_says_how_many_more");
    CHECK_STR(pm_label_verschil(&r6, v, sizeof v), "+3",
              "r6_difference_is_a_signed_count");
    r6.vergelijking.f.aantal = 5;
    CHECK_STR(pm_label_vergelijking(&r6, &s, buf, sizeof buf),
              "evenveel als in 3e kwartaal 2025 (5)", "r6_says_evenveel");

    r = share_result("R3", 11, 12, 10, 13);
    r.periode.actief = 12;
    r.vergelijking.f.actief = 10;
    pm_label_vergelijking(&r, &s, buf, sizeof buf);
    CHECK(strstr(buf, "; actief: 2 meer (12 tegen 10)") != NULL, "r3_adds_its_actief");

    /* Hidden in extern: the words quote no figure of either side. */
    r = share_result("R1", 3, 4, 2, 3);
    r.vergelijking.suppress = PM_SUPPRESS_PRIMAIR;
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "geen vergelijking: te weinig waarnemingen om te tonen",
              "a_hidden_comparison_quotes_nothing");
    CHECK_STR(pm_label_verschil(&r, v, sizeof v), "", "a_hidden_difference_is_empty");
    /* Hidden beside a small group, a side may rest on many observations:
     * "te weinig" would be false (issue 14, secmark). */
    r.vergelijking.suppress = PM_SUPPRESS_SECUNDAIR;
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "geen vergelijking: niet getoond, zodat een kleine groep niet uit de "
              "andere cijfers is af te leiden",
              "a_secondary_hidden_comparison_does_not_say_te_weinig");

    /* Before the programme start there is nothing to compare with. */
    pm_period_parse("2024-Q2", &s.vergelijk_period);
    r = share_result("R1", 5, 10, 0, 0);
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf),
              "geen vergelijking: 2e kwartaal 2024 ligt vóór de start van het programma "
              "(01-07-2024)",
              "a_comparison_before_the_programme_says_so");
    r.vergelijking.present = false;
    CHECK_STR(pm_label_vergelijking(&r, &s, buf, sizeof buf), "",
              "no_words_without_a_comparison");
}

int main(void)
{
    indicator_texts();
    targets();
    breakdowns_and_categories();
    short_categories();
    statuses();
    columns();
    warning_sentences();
    warning_cut();
    warning_lines();
    comparisons();
    return tap_done();
}
