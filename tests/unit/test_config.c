/* test_config.c — unit tests for engine/config.c: the seed's defaults, a file
 * that overrides everything, and every kind of invalid file. Prints TAP. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

static char dir[64];
static char path[128];

/* Writes content (len bytes) to the test file and returns its path. */
static const char *write_file(const char *content, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
    fwrite(content, 1, len, f);
    fclose(f);
    return path;
}

static const char *write_text(const char *content)
{
    return write_file(content, strlen(content));
}

static pm_day ymd(int y, int m, int d)
{
    return pm_day_from_ymd(y, m, d);
}

/* Field by field: struct assignment need not copy padding, so no memcmp. */
static int same_config(const pm_config *a, const pm_config *b)
{
    return strcmp(a->naam, b->naam) == 0 && a->programma_start == b->programma_start &&
           a->programma_einde == b->programma_einde && a->doel_r1 == b->doel_r1 &&
           a->doel_r2 == b->doel_r2 && a->doel_r3 == b->doel_r3 &&
           a->doel_r3_actief == b->doel_r3_actief && a->doel_r4 == b->doel_r4 &&
           a->r4_gemiddelde_x10 == b->r4_gemiddelde_x10 && a->doel_r5 == b->doel_r5 &&
           a->doel_r6 == b->doel_r6 && a->b_marge == b->b_marge && a->min_n == b->min_n &&
           a->min_cell == b->min_cell && a->uurtarief_max_cent == b->uurtarief_max_cent &&
           a->closed_days == b->closed_days && a->nclosed == b->nclosed;
}

static void test_defaults(void)
{
    pm_config c;
    pm_config_defaults(&c);
    CHECK_STR(c.naam, "Platform Sociaal Domein — pijler 2",
              "default_name_is_the_programme");
    CHECK(c.programma_start == ymd(2024, 7, 1), "default_programme_start_is_2024_07_01");
    CHECK(c.programma_einde == ymd(2025, 12, 31), "default_programme_end_is_2025_12_31");
    CHECK(c.doel_r1 == 0.9 && c.doel_r2 == 0.8 && c.doel_r3 == 0.8 && c.doel_r4 == 1.0 &&
              c.doel_r5 == 1.0,
          "default_share_targets_are_the_seeds_90_80_80_100_100_percent");
    CHECK(c.doel_r3_actief == 10, "default_r3_needs_10_active_specialists");
    CHECK(c.r4_gemiddelde_x10 == 70, "default_r4_mean_is_7_0_in_tenths");
    CHECK(c.doel_r6 == 5, "default_r6_is_5_knowledge_products");
    CHECK(c.b_marge == 1.05, "default_budget_margin_is_5_percent");
    CHECK(c.min_n == 5 && c.min_cell == 5, "default_privacy_limits_are_5");
    CHECK(c.uurtarief_max_cent == 12000, "default_rate_cap_is_120_euros");
    CHECK(c.closed_days == NULL && c.nclosed == 0, "default_has_no_closed_days");
    pm_config_free(&c);
    pm_config_free(&c);
    CHECK(c.closed_days == NULL && c.nclosed == 0, "free_accepts_defaults_twice");
    pm_config_free(NULL);
    CHECK(1, "free_accepts_null");
}

static void test_full_file(void)
{
    const char *file = write_text(
        "{\n"
        "  \"programma\": {\"naam\": \"Pijler 2 — proef\", \"start\": \"2025-01-01\",\n"
        "                \"einde\": \"31-12-2026\"},\n"
        "  \"doelen\": {\"R1\": 0.95, \"R2\": 0.75, \"R3\": 0.7, \"R3_actief\": 12,\n"
        "             \"R4\": 0.5, \"R4_gemiddelde\": 7.5, \"R5\": 0, \"R6\": 8,\n"
        "             \"B_marge\": 1.1},\n"
        "  \"min_n\": 3, \"min_cell\": 10, \"uurtarief_max\": 99.95,\n"
        "  \"besluitdagen\": [\"2029-05-11\", \"2029-12-28\"],\n"
        "  \"sluitingsdagen\": [\"2025-12-29\", \"30-12-2025\"]\n"
        "}\n");
    pm_config c;
    pm_config_defaults(&c);
    char msg[256] = "x";
    pm_error err = pm_config_load(&c, file, msg, sizeof msg);
    CHECK(err == PM_OK, "a_full_valid_file_loads");
    if (err)
        printf("#   %s\n", msg);
    CHECK_STR(msg, "", "a_successful_load_leaves_an_empty_message");
    CHECK_STR(c.naam, "Pijler 2 — proef", "the_file_sets_the_name");
    CHECK(c.programma_start == ymd(2025, 1, 1) && c.programma_einde == ymd(2026, 12, 31),
          "the_file_sets_the_programme_dates_in_either_date_form");
    CHECK(c.doel_r1 == 0.95 && c.doel_r2 == 0.75 && c.doel_r3 == 0.7 &&
              c.doel_r4 == 0.5 && c.doel_r5 == 0.0,
          "the_file_sets_every_share_target");
    CHECK(c.doel_r3_actief == 12 && c.doel_r6 == 8, "the_file_sets_the_count_targets");
    CHECK(c.r4_gemiddelde_x10 == 75, "r4_mean_7_5_is_stored_as_75_tenths");
    CHECK(c.b_marge == 1.1, "the_file_sets_the_budget_margin");
    CHECK(c.min_n == 3 && c.min_cell == 10, "the_file_sets_the_privacy_limits");
    CHECK(c.uurtarief_max_cent == 9995, "rate_cap_99_95_is_stored_as_9995_cents");
    CHECK(c.nclosed == 4 && c.closed_days[0] == ymd(2029, 5, 11) &&
              c.closed_days[1] == ymd(2029, 12, 28) &&
              c.closed_days[2] == ymd(2025, 12, 29) &&
              c.closed_days[3] == ymd(2025, 12, 30),
          "besluitdagen_then_sluitingsdagen_are_appended_to_the_closed_days");

    /* Loading again appends to the closed days already there. */
    file = write_text("{\"sluitingsdagen\": [\"2026-12-31\"], \"besluitdagen\": []}");
    err = pm_config_load(&c, file, msg, sizeof msg);
    CHECK(err == PM_OK && c.nclosed == 5 && c.closed_days[0] == ymd(2029, 5, 11) &&
              c.closed_days[4] == ymd(2026, 12, 31),
          "a_second_load_appends_to_the_closed_days_of_the_first");
    CHECK(c.doel_r1 == 0.95, "a_second_load_keeps_what_the_first_set");
    pm_config_free(&c);
    CHECK(c.closed_days == NULL && c.nclosed == 0, "free_releases_the_closed_days");
}

static void test_small_valid_files(void)
{
    pm_config c, d;
    pm_config_defaults(&d);
    char msg[256];

    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text("{}"), msg, sizeof msg) == PM_OK &&
              same_config(&c, &d),
          "an_empty_object_keeps_every_default");

    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text("\xEF\xBB\xBF{\"min_n\": 0}"), msg, sizeof msg) ==
                  PM_OK &&
              c.min_n == 0,
          "a_leading_bom_is_skipped_and_min_n_0_is_allowed");

    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text("{\"doelen\": {\"R4_gemiddelde\": 7}}"), msg,
                         sizeof msg) == PM_OK &&
              c.r4_gemiddelde_x10 == 70,
          "r4_mean_7_is_70_tenths");
    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text("{\"doelen\": {\"R4_gemiddelde\": 6.9}}"), msg,
                         sizeof msg) == PM_OK &&
              c.r4_gemiddelde_x10 == 69,
          "r4_mean_6_9_is_69_tenths_exactly");
    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text("{\"doelen\": {\"R4_gemiddelde\": 10.0}}"), msg,
                         sizeof msg) == PM_OK &&
              c.r4_gemiddelde_x10 == 100,
          "r4_mean_10_is_allowed");

    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text("{\"uurtarief_max\": 120}"), msg, sizeof msg) ==
                  PM_OK &&
              c.uurtarief_max_cent == 12000,
          "rate_cap_in_whole_euros_is_stored_in_cents");
    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text("{\"uurtarief_max\": 0.01}"), msg, sizeof msg) ==
                  PM_OK &&
              c.uurtarief_max_cent == 1,
          "rate_cap_of_one_cent_is_allowed");

    pm_config_defaults(&c);
    CHECK(pm_config_load(&c,
                         write_text("{\"programma\": {\"start\": \"2025-03-01\", "
                                    "\"einde\": \"2025-03-01\"}}"),
                         msg, sizeof msg) == PM_OK,
          "a_programme_of_one_day_is_allowed");

    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text("{\"min_n\": 5}"), NULL, 0) == PM_OK,
          "load_accepts_no_message_buffer");
}

/* Every invalid case: the error, a text the message must contain, and the
 * key path it must name. */
static const struct {
    const char *json;
    pm_error err;
    const char *key; /* quoted in the message: 'key' */
    const char *reason;
    const char *name;
} invalid[] = {
    {"{\"R7\": 1}", PM_ERR_DATA, "R7", "onbekende sleutel",
     "unknown_top_level_key_is_an_error"},
    {"{\"doelen\": {\"R7\": 1}}", PM_ERR_DATA, "doelen.R7", "onbekende sleutel",
     "unknown_nested_key_is_an_error"},
    {"{\"programma\": {\"Naam\": \"x\"}}", PM_ERR_DATA, "programma.Naam",
     "onbekende sleutel", "keys_are_case_sensitive"},
    {"{\"doelen\": {\"R1\": 1.5}}", PM_ERR_DATA, "doelen.R1", "tussen 0 en 1",
     "r1_above_1_is_an_error"},
    {"{\"doelen\": {\"R2\": -0.1}}", PM_ERR_DATA, "doelen.R2", "tussen 0 en 1",
     "r2_below_0_is_an_error"},
    {"{\"doelen\": {\"R1\": \"0.9\"}}", PM_ERR_DATA, "doelen.R1", "getal",
     "r1_as_a_string_is_an_error"},
    {"{\"doelen\": {\"R5\": null}}", PM_ERR_DATA, "doelen.R5", "getal",
     "null_is_not_a_number"},
    {"{\"doelen\": {\"R3_actief\": true}}", PM_ERR_DATA, "doelen.R3_actief",
     "geheel getal", "a_boolean_count_is_an_error"},
    {"{\"doelen\": {\"R6\": 2.5}}", PM_ERR_DATA, "doelen.R6", "geheel getal",
     "a_fractional_count_is_an_error"},
    {"{\"min_n\": -1}", PM_ERR_DATA, "min_n", "negatief", "a_negative_min_n_is_an_error"},
    {"{\"min_n\": 1e12}", PM_ERR_DATA, "min_n", "te groot", "a_huge_min_n_is_an_error"},
    {"{\"min_cell\": 0}", PM_ERR_DATA, "min_cell", "minstens 1",
     "min_cell_0_is_an_error"},
    {"{\"doelen\": {\"R4_gemiddelde\": 6.95}}", PM_ERR_DATA, "doelen.R4_gemiddelde",
     "decimaal", "r4_mean_with_two_decimals_is_an_error"},
    {"{\"doelen\": {\"R4_gemiddelde\": 10.5}}", PM_ERR_DATA, "doelen.R4_gemiddelde",
     "tussen 1 en 10", "r4_mean_above_10_is_an_error"},
    {"{\"doelen\": {\"R4_gemiddelde\": 0.5}}", PM_ERR_DATA, "doelen.R4_gemiddelde",
     "tussen 1 en 10", "r4_mean_below_1_is_an_error"},
    {"{\"doelen\": {\"B_marge\": 0.99}}", PM_ERR_DATA, "doelen.B_marge", "minstens 1",
     "budget_margin_below_1_is_an_error"},
    {"{\"doelen\": {\"B_marge\": 1e999}}", PM_ERR_DATA, "doelen.B_marge", "minstens 1",
     "an_infinite_budget_margin_is_an_error"},
    {"{\"uurtarief_max\": 0}", PM_ERR_DATA, "uurtarief_max", "groter dan 0",
     "rate_cap_0_is_an_error"},
    {"{\"uurtarief_max\": 12.345}", PM_ERR_DATA, "uurtarief_max", "twee decimalen",
     "rate_cap_with_three_decimals_is_an_error"},
    {"{\"uurtarief_max\": \"120\"}", PM_ERR_DATA, "uurtarief_max", "bedrag",
     "rate_cap_as_a_string_is_an_error"},
    {"{\"programma\": {\"start\": \"2026-01-01\", \"einde\": \"2025-12-31\"}}",
     PM_ERR_DATA, "programma.start", "ligt na het einde",
     "start_after_einde_is_an_error"},
    {"{\"programma\": {\"einde\": \"2024-06-30\"}}", PM_ERR_DATA, "programma.einde",
     "ligt voor de start", "einde_before_the_default_start_is_an_error"},
    {"{\"programma\": {\"start\": \"2025-02-30\"}}", PM_ERR_DATA, "programma.start",
     "geen geldige datum", "an_impossible_start_date_is_an_error"},
    {"{\"programma\": {\"einde\": \"morgen\"}}", PM_ERR_DATA, "programma.einde",
     "geen geldige datum", "a_word_as_date_is_an_error"},
    {"{\"programma\": {\"start\": 20250101}}", PM_ERR_DATA, "programma.start", "datum",
     "a_number_as_date_is_an_error"},
    {"{\"programma\": {\"naam\": \"\"}}", PM_ERR_DATA, "programma.naam", "leeg",
     "an_empty_name_is_an_error"},
    {"{\"programma\": {\"naam\": \"a\\nb\"}}", PM_ERR_DATA, "programma.naam",
     "regeleinden", "a_name_with_a_newline_is_an_error"},
    {"{\"programma\": {\"naam\": \"Pijler\\uFFFF\"}}", PM_ERR_DATA, "programma.naam",
     "U+FFFF", "a_name_with_u_ffff_is_an_error"},
    {"{\"programma\": []}", PM_ERR_DATA, "programma", "object",
     "programma_as_an_array_is_an_error"},
    {"{\"besluitdagen\": \"2029-05-11\"}", PM_ERR_DATA, "besluitdagen", "lijst",
     "decree_days_as_a_single_string_is_an_error"},
    {"{\"besluitdagen\": [\"2029-05-11\", 2029]}", PM_ERR_DATA, "besluitdagen",
     "element 2", "a_number_among_decree_days_is_an_error"},
    {"{\"sluitingsdagen\": [\"2025-13-01\"]}", PM_ERR_DATA, "sluitingsdagen",
     "geen geldige datum", "a_bad_closed_day_is_an_error"},
    {"{\"min_n\": 5, \"min_n\": 6}", PM_ERR_DATA, "min_n", "meer dan eens",
     "a_repeated_key_is_an_error"},
};

static void test_invalid(void)
{
    pm_config d;
    pm_config_defaults(&d);
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        pm_config c;
        pm_config_defaults(&c);
        char msg[512] = "";
        const char *file = write_text(invalid[i].json);
        pm_error err = pm_config_load(&c, file, msg, sizeof msg);
        char quoted[256];
        snprintf(quoted, sizeof quoted, "%s: '%s': ", file, invalid[i].key);
        int ok = err == invalid[i].err && strstr(msg, quoted) == msg &&
                 strstr(msg, invalid[i].reason) != NULL;
        CHECK(ok, invalid[i].name);
        if (!ok)
            printf("#   err %d, message '%s'\n", (int)err, msg);
        char name[160];
        snprintf(name, sizeof name, "%s_and_leaves_the_defaults", invalid[i].name);
        CHECK(same_config(&c, &d), name);
    }

    /* A long name: 127 bytes fit, 128 do not. */
    char json[400], longname[129];
    memset(longname, 'a', 128);
    longname[128] = '\0';
    pm_config c;
    char msg[512];
    snprintf(json, sizeof json, "{\"programma\": {\"naam\": \"%s\"}}", longname);
    pm_config_defaults(&c);
    CHECK(pm_config_load(&c, write_text(json), msg, sizeof msg) == PM_ERR_DATA &&
              strstr(msg, "'programma.naam'") && same_config(&c, &d),
          "a_name_of_128_bytes_is_too_long");
    longname[127] = '\0';
    snprintf(json, sizeof json, "{\"programma\": {\"naam\": \"%s\"}}", longname);
    CHECK(pm_config_load(&c, write_text(json), msg, sizeof msg) == PM_OK &&
              strlen(c.naam) == 127,
          "a_name_of_127_bytes_fits");
    pm_config_free(&c);

    /* A failure after closed days were read keeps the earlier ones only. */
    pm_config_defaults(&c);
    pm_config_load(&c, write_text("{\"sluitingsdagen\": [\"2025-12-29\"]}"), msg,
                   sizeof msg);
    pm_day *before = c.closed_days;
    pm_error err = pm_config_load(
        &c, write_text("{\"sluitingsdagen\": [\"2025-12-30\"], \"min_cell\": 0}"), msg,
        sizeof msg);
    CHECK(err == PM_ERR_DATA && c.nclosed == 1 && c.closed_days == before &&
              c.closed_days[0] == pm_day_from_ymd(2025, 12, 29),
          "a_failed_load_keeps_the_closed_days_it_had");
    pm_config_free(&c);
}

static void test_bad_files(void)
{
    pm_config c, d;
    pm_config_defaults(&d);
    char msg[512], want[256];

    pm_config_defaults(&c);
    const char *file =
        write_text("{\n  \"min_n\": 5,\n  \"min_cell\": ,\n  \"doelen\": {}\n}\n");
    pm_error err = pm_config_load(&c, file, msg, sizeof msg);
    snprintf(want, sizeof want, "%s: ongeldige JSON bij regel 3", file);
    CHECK(err == PM_ERR_DATA, "invalid_json_is_a_data_error");
    CHECK_STR(msg, want, "invalid_json_names_its_line");
    CHECK(same_config(&c, &d), "invalid_json_leaves_the_defaults");

    file = write_text("{\"min_n\": 5}\n\nx\n");
    err = pm_config_load(&c, file, msg, sizeof msg);
    snprintf(want, sizeof want, "%s: ongeldige JSON bij regel 3", file);
    CHECK(err == PM_ERR_DATA, "text_after_the_object_is_a_data_error");
    CHECK_STR(msg, want, "text_after_the_object_names_its_line");

    file = write_text("");
    err = pm_config_load(&c, file, msg, sizeof msg);
    snprintf(want, sizeof want, "%s: ongeldige JSON bij regel 1", file);
    CHECK(err == PM_ERR_DATA, "an_empty_file_is_a_data_error");
    CHECK_STR(msg, want, "an_empty_file_is_invalid_json_at_line_1");

    file = write_file("{\"min_n\":\n 5\0}", 14);
    err = pm_config_load(&c, file, msg, sizeof msg);
    snprintf(want, sizeof want, "%s: ongeldige JSON bij regel 2", file);
    CHECK(err == PM_ERR_DATA, "a_nul_byte_is_a_data_error");
    CHECK_STR(msg, want, "a_nul_byte_is_invalid_json_at_its_line");

    file = write_text("{\"programma\": {\"naam\": \"caf\xe9\"}}");
    err = pm_config_load(&c, file, msg, sizeof msg);
    CHECK(err == PM_ERR_DATA && strstr(msg, "UTF-8"), "latin_1_text_is_a_data_error");

    file = write_text("[1, 2]");
    err = pm_config_load(&c, file, msg, sizeof msg);
    CHECK(err == PM_ERR_DATA && strstr(msg, "JSON-object"),
          "an_array_file_is_a_data_error");

    char *big = malloc(1024 * 1024 + 10);
    memset(big, ' ', 1024 * 1024 + 10);
    big[0] = '{';
    big[1024 * 1024 + 9] = '}';
    file = write_file(big, 1024 * 1024 + 10);
    free(big);
    err = pm_config_load(&c, file, msg, sizeof msg);
    CHECK(err == PM_ERR_DATA && strstr(msg, "1 MB"), "a_file_over_1_mb_is_refused");
    CHECK(same_config(&c, &d), "bad_files_leave_the_defaults");

    char missing[160];
    snprintf(missing, sizeof missing, "%s/bestaat-niet.json", dir);
    err = pm_config_load(&c, missing, msg, sizeof msg);
    snprintf(want, sizeof want, "configuratiebestand %s bestaat niet", missing);
    CHECK(err == PM_ERR_IO, "a_missing_file_is_an_io_error");
    CHECK_STR(msg, want, "a_missing_file_is_named");

    err = pm_config_load(&c, dir, msg, sizeof msg);
    CHECK(err == PM_ERR_IO && strstr(msg, dir) == msg, "a_directory_is_an_io_error");
    CHECK(same_config(&c, &d), "io_errors_leave_the_defaults");
}

static void test_vervolg(void)
{
    pm_config c;
    char msg[512];
    pm_config_defaults(&c);
    CHECK(pm_config_ntarget_periods(&c) == 1 &&
              pm_config_targets_end(&c) == ymd(2025, 12, 31) &&
              pm_config_target_period_at(&c, ymd(2026, 1, 1)) == -1 &&
              pm_config_target_period_at(&c, ymd(2025, 12, 31)) == 0 &&
              pm_config_target_period_at(&c, ymd(2024, 6, 30)) == -1,
          "without_vervolg_the_programme_is_the_only_target_period");

    pm_error err = pm_config_load(
        &c,
        write_text("{\"vervolg\": [{\"tot\": \"2026-06-30\", \"doelen\": {\"R6\": 8}},"
                   " {\"tot\": \"31-12-2026\", \"doelen\": {\"R1\": 0.95}}],"
                   " \"doelen\": {\"R1\": 0.85}}"),
        msg, sizeof msg);
    CHECK(err == PM_OK, "vervolg_loads");
    pm_day from, to;
    pm_targets t;
    CHECK(pm_config_ntarget_periods(&c) == 3 &&
              pm_config_targets_end(&c) == ymd(2026, 12, 31),
          "vervolg_adds_target_periods");
    pm_config_target_period(&c, 1, &from, &to, &t);
    CHECK(from == ymd(2026, 1, 1) && to == ymd(2026, 6, 30),
          "a_follow_up_starts_the_day_after_the_previous_one_ends");
    CHECK(t.doel_r6 == 8 && t.doel_r1 == 0.85 && t.doel_r2 == 0.8,
          "targets_left_out_carry_over_also_from_doelen_written_later");
    pm_config_target_period(&c, 2, &from, &to, &t);
    CHECK(from == ymd(2026, 7, 1) && t.doel_r6 == 8 && t.doel_r1 == 0.95,
          "the_second_follow_up_carries_over_the_first_follow_ups_targets");
    pm_config_target_period(&c, 0, &from, &to, &t);
    CHECK(from == ymd(2024, 7, 1) && to == ymd(2025, 12, 31) && t.doel_r6 == 5 &&
              c.doel_r1 == 0.85,
          "the_first_target_period_keeps_its_own_targets");
    CHECK(pm_config_target_period_at(&c, ymd(2026, 7, 1)) == 2 &&
              pm_config_target_period_at(&c, ymd(2026, 6, 30)) == 1 &&
              pm_config_target_period_at(&c, ymd(2027, 1, 1)) == -1,
          "target_period_at_finds_the_period_holding_a_day");
    pm_config_free(&c);

    static const struct {
        const char *json, *want, *name;
    } bad[] = {
        {"{\"vervolg\": [{\"tot\": \"2025-12-31\"}]}",
         "'vervolg[0].tot': 31-12-2025 ligt niet",
         "a_follow_up_ending_on_the_programme_end_names_its_tot"},
        {"{\"vervolg\": [{\"tot\": \"2026-12-31\"}, {\"tot\": \"2026-06-30\"}]}",
         "'vervolg[1].tot': 30-06-2026 ligt niet na het einde van de vorige doelperiode "
         "(31-12-2026)",
         "follow_ups_out_of_order_are_refused"},
        {"{\"vervolg\": [{\"doelen\": {}}]}", "'vervolg[0].tot': ontbreekt",
         "a_follow_up_without_tot_is_refused"},
        {"{\"vervolg\": [{\"tot\": \"2026-12-31\", \"doelen\": {\"R1\": 1.5}}]}",
         "'vervolg[0].doelen.R1': moet tussen 0 en 1 liggen",
         "a_follow_up_target_out_of_range_names_its_key"},
        {"{\"vervolg\": [{\"tot\": \"2026-12-31\", \"van\": \"2026-01-01\"}]}",
         "'vervolg[0].van': onbekende sleutel",
         "a_follow_up_with_an_unknown_key_is_refused"},
        {"{\"vervolg\": {\"tot\": \"2026-12-31\"}}", "'vervolg': moet een lijst",
         "vervolg_must_be_a_list"},
        {"{\"vervolg\": [{\"tot\": \"2026-13-01\"}]}",
         "'vervolg[0].tot': is geen geldige", "a_follow_up_with_a_bad_date_is_refused"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pm_config_defaults(&c);
        err = pm_config_load(&c, write_text(bad[i].json), msg, sizeof msg);
        CHECK(err == PM_ERR_DATA && strstr(msg, bad[i].want) != NULL && c.nvervolg == 0 &&
                  c.vervolg == NULL,
              bad[i].name);
        pm_config_free(&c);
    }
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/pm_test_config_XXXXXX");
    if (!mkdtemp(dir)) {
        printf("Bail out! cannot create a temporary directory\n");
        return 1;
    }
    snprintf(path, sizeof path, "%s/config.json", dir);

    test_defaults();
    test_full_file();
    test_small_valid_files();
    test_invalid();
    test_bad_files();
    test_vervolg();

    unlink(path);
    rmdir(dir);
    return tap_done();
}
