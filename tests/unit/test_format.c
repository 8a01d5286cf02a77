/* test_format.c — unit tests for exporters/format.c: the Dutch numbers,
 * euros, percentages, decimals and dates every output shows. Prints TAP. */
#include "format.h"

#include <stdint.h>
#include <string.h>

#include "tap.h"

static void integers_are_grouped_by_dots(void)
{
    static const struct {
        int64_t n;
        const char *want, *name;
    } cases[] = {
        {0, "0", "int_zero_is_0"},
        {7, "7", "int_one_digit"},
        {999, "999", "int_999_has_no_dot"},
        {1000, "1.000", "int_1000_gets_a_dot"},
        {12345, "12.345", "int_12345_is_12_345"},
        {100000, "100.000", "int_100000_groups_three_zeros"},
        {1234567, "1.234.567", "int_millions_get_two_dots"},
        {-1, "-1", "int_minus_one"},
        {-1000, "-1.000", "int_negative_thousand_grouped_after_the_sign"},
        {-123456789, "-123.456.789", "int_negative_millions"},
        {INT64_MAX, "9.223.372.036.854.775.807", "int_largest_int64_is_grouped"},
        {INT64_MIN, "-9.223.372.036.854.775.808",
         "int_smallest_int64_keeps_its_magnitude"},
    };
    char b[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_STR(pm_format_int(cases[i].n, b, sizeof b), cases[i].want, cases[i].name);
}

static void euros_from_cents(void)
{
    static const struct {
        int64_t cents;
        const char *want, *name;
    } cases[] = {
        {1234500, "€ 12.345,00", "euro_12345_00_from_cents"},
        {0, "€ 0,00", "euro_zero_has_two_decimals"},
        {5, "€ 0,05", "euro_five_cents_zero_padded"},
        {99, "€ 0,99", "euro_99_cents"},
        {100, "€ 1,00", "euro_one_euro"},
        {11250, "€ 112,50", "euro_hourly_rate_112_50"},
        {100000, "€ 1.000,00", "euro_thousand_gets_a_dot"},
        {123456789012, "€ 1.234.567.890,12", "euro_large_amount_grouped"},
        {-11250, "-€ 112,50", "euro_negative_sign_before_the_euro_sign"},
        {-5, "-€ 0,05", "euro_negative_cents_keep_their_sign"},
        {-100000, "-€ 1.000,00", "euro_negative_thousand_grouped"},
        {INT64_MIN, "-€ 92.233.720.368.547.758,08", "euro_smallest_int64_does_not_wrap"},
    };
    char b[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_STR(pm_format_euro(cases[i].cents, b, sizeof b), cases[i].want,
                  cases[i].name);
}

static void whole_euros_for_axes(void)
{
    char b[64];
    CHECK_STR(pm_format_euro_whole(0, b, sizeof b), "€ 0", "whole_euro_zero");
    CHECK_STR(pm_format_euro_whole(12345, b, sizeof b), "€ 12.345",
              "whole_euro_12345_grouped_without_cents");
    CHECK_STR(pm_format_euro_whole(-2500000, b, sizeof b), "-€ 2.500.000",
              "whole_euro_negative_millions");
    CHECK_STR(pm_format_euro_whole(1000000000000, b, sizeof b), "€ 1.000.000.000.000",
              "whole_euro_a_trillion");
}

static void percentages(void)
{
    static const struct {
        double fraction;
        int decimals;
        const char *want, *name;
    } cases[] = {
        {0.875, 1, "87,5%", "percent_87_5_with_a_decimal_comma"},
        {0.875, 2, "87,50%", "percent_two_decimals_keep_the_trailing_zero"},
        {0.9, 0, "90%", "percent_without_decimals"},
        {1.0, 1, "100,0%", "percent_hundred"},
        {0.0, 1, "0,0%", "percent_zero"},
        {0.86666667, 1, "86,7%", "percent_13_of_15_rounds_up_to_86_7"},
        {0.12345, 2, "12,35%", "percent_12_345_rounds_half_up_to_12_35"},
        /* 7 of 8 = 87,5%: exactly half, away from zero. */
        {7.0 / 8.0, 0, "88%", "percent_7_of_8_without_decimals_is_88"},
        {1.0 / 8.0, 0, "13%", "percent_1_of_8_without_decimals_is_13"},
        {-0.125, 0, "-13%", "percent_negative_half_rounds_away_from_zero"},
        {0.9995, 1, "100,0%", "percent_99_95_rounds_to_100_0"},
        {0.9995, 2, "99,95%", "percent_99_95_kept_with_two_decimals"},
        {1.234567, 1, "123,5%", "percent_above_100_for_budget_uitputting"},
        {0.0005, 1, "0,1%", "percent_0_05_rounds_up_to_0_1"},
    };
    char b[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_STR(pm_format_percent(cases[i].fraction, cases[i].decimals, b, sizeof b),
                  cases[i].want, cases[i].name);

    /* Ties the binary double of k/n lands just below: 23 of 40 is exactly
     * 57,5% and 23 of 80 exactly 28,75%, but fraction × 100 comes out a
     * hair under the half. 359 such k/n (n ≤ 2000, 0–2 decimals) round
     * down. */
    CHECK(strcmp(pm_format_percent(23.0 / 40.0, 0, b, sizeof b), "58%") == 0,
          "percent_23_of_40_is_exactly_57_5_and_rounds_to_58");
    CHECK(strcmp(pm_format_percent(23.0 / 80.0, 1, b, sizeof b), "28,8%") == 0,
          "percent_23_of_80_is_exactly_28_75_and_rounds_to_28_8");
    /* A value that rounds to zero has no sign: a reader sees "-0,0%" as an
     * error. */
    CHECK(strcmp(pm_format_percent(-0.0001, 1, b, sizeof b), "0,0%") == 0,
          "percent_minus_0_01_rounds_to_0_0_without_a_sign");
}

static void decimals(void)
{
    static const struct {
        double v;
        int decimals;
        const char *want, *name;
    } cases[] = {
        {7.25, 1, "7,3", "decimal_7_25_rounds_half_up_to_7_3"},
        {7.0, 1, "7,0", "decimal_seven_keeps_one_decimal"},
        {7.05, 1, "7,1", "decimal_7_05_rounds_to_7_1"},
        {9.99, 1, "10,0", "decimal_9_99_rounds_to_10_0"},
        {7.5, 0, "8", "decimal_no_decimals_rounds_half_up"},
        {0.15, 1, "0,2", "decimal_0_15_rounds_to_0_2"},
        {1234567.5, 1, "1234567,5", "decimal_has_no_thousands_grouping"},
        {-0.05, 1, "-0,1", "decimal_negative_half_rounds_away_from_zero"},
        {6.95, 2, "6,95", "decimal_two_places_kept"},
    };
    char b[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_STR(pm_format_decimal(cases[i].v, cases[i].decimals, b, sizeof b),
                  cases[i].want, cases[i].name);
    CHECK(strcmp(pm_format_decimal(-0.04, 1, b, sizeof b), "0,0") == 0,
          "decimal_minus_0_04_rounds_to_0_0_without_a_sign");
}

static void dates(void)
{
    char b[32];
    CHECK_STR(pm_format_date(pm_day_from_ymd(2025, 12, 31), b, sizeof b), "31-12-2025",
              "date_31_december_2025_is_day_month_year");
    CHECK_STR(pm_format_date(pm_day_from_ymd(2025, 1, 1), b, sizeof b), "01-01-2025",
              "date_day_and_month_are_zero_padded");
    CHECK_STR(pm_format_date(pm_day_from_ymd(2024, 2, 29), b, sizeof b), "29-02-2024",
              "date_leap_day");
    CHECK_STR(pm_format_date(pm_day_from_ymd(2024, 7, 1), b, sizeof b), "01-07-2024",
              "date_programme_start");
}

/* Every function returns its buffer and writes no more than size bytes. */
static void small_buffers_are_cut_not_overrun(void)
{
    char b[16];
    memset(b, 'x', sizeof b);
    char *r = pm_format_euro(1234500, b, 6);
    CHECK(r == b && strlen(b) == 5 && b[6] == 'x' && memcmp(b, "€ 1", 5) == 0,
          "euro_in_a_6_byte_buffer_is_cut_and_terminated");
    memset(b, 'x', sizeof b);
    pm_format_int(1234567, b, 6);
    CHECK(strcmp(b, "1.234") == 0 && b[6] == 'x', "int_in_a_6_byte_buffer_is_cut");
    memset(b, 'x', sizeof b);
    pm_format_date(pm_day_from_ymd(2025, 1, 1), b, 6);
    CHECK(strcmp(b, "01-01") == 0 && b[6] == 'x', "date_in_a_6_byte_buffer_is_cut");
    memset(b, 'x', sizeof b);
    pm_format_percent(0.875, 1, b, 4);
    CHECK(strcmp(b, "87,") == 0 && b[4] == 'x', "percent_in_a_4_byte_buffer_is_cut");
}

/* Counts and euros that travel as doubles in the results (the PDF's
 * sentences), and the year of a day: moved here from pdf.c. */
static void counts_and_euros_from_doubles(void)
{
    char b[64];
    CHECK_STR(pm_format_count(1234.0, b, sizeof b), "1.234", "count_1234_is_grouped");
    CHECK_STR(pm_format_count(2.5, b, sizeof b), "3", "count_half_rounds_away_from_zero");
    CHECK_STR(pm_format_count(2.49, b, sizeof b), "2", "count_below_half_rounds_down");
    CHECK_STR(pm_format_count(-2.5, b, sizeof b), "-3",
              "count_negative_half_rounds_away");
    CHECK_STR(pm_format_count(0.0, b, sizeof b), "0", "count_zero");
    CHECK_STR(pm_format_euro_from_double(12345.0, b, sizeof b), "€ 12.345,00",
              "euro_from_double_whole_euros_get_cents");
    CHECK_STR(pm_format_euro_from_double(112.5, b, sizeof b), "€ 112,50",
              "euro_from_double_112_50");
    CHECK_STR(pm_format_euro_from_double(0.125, b, sizeof b), "€ 0,13",
              "euro_from_double_half_cent_rounds_up");
    CHECK_STR(pm_format_euro_from_double(-1234.5, b, sizeof b), "-€ 1.234,50",
              "euro_from_double_negative");
    CHECK_STR(pm_format_year(pm_day_from_ymd(2025, 12, 31), b, sizeof b), "2025",
              "year_of_31_december");
    CHECK_STR(pm_format_year(pm_day_from_ymd(2026, 1, 1), b, sizeof b), "2026",
              "year_of_new_years_day");
}

/* Dutch period names (SPEC §7), decided by the dates alone. */
static void periods_read_as_dutch(void)
{
#define D(y, m, d) pm_day_from_ymd(y, m, d)
    static const struct {
        int y1, m1, d1, y2, m2, d2;
        const char *want, *name;
    } cases[] = {
        {2026, 1, 1, 2026, 3, 31, "1e kwartaal 2026", "period_q1_is_1e_kwartaal"},
        {2025, 10, 1, 2025, 12, 31, "4e kwartaal 2025", "period_q4_is_4e_kwartaal"},
        {2024, 7, 1, 2024, 9, 30, "3e kwartaal 2024", "period_q3_is_3e_kwartaal"},
        {2026, 1, 1, 2026, 1, 31, "januari 2026", "period_month_is_its_name"},
        {2024, 2, 1, 2024, 2, 29, "februari 2024", "period_leap_february_is_a_month"},
        {2025, 12, 1, 2025, 12, 31, "december 2025", "period_december_is_a_month"},
        {2025, 1, 1, 2025, 12, 31, "2025", "period_year_is_the_year"},
        {2025, 10, 15, 2026, 2, 15, "15-10-2025 t/m 15-02-2026",
         "period_range_reads_as_dates"},
        {2025, 1, 1, 2025, 6, 30, "01-01-2025 t/m 30-06-2025",
         "period_half_year_is_a_range"},
        {2025, 11, 1, 2026, 1, 31, "01-11-2025 t/m 31-01-2026",
         "period_three_months_not_a_quarter_is_a_range"},
        {2025, 3, 1, 2025, 3, 30, "01-03-2025 t/m 30-03-2025",
         "period_month_less_a_day_is_a_range"},
        {2025, 5, 5, 2025, 5, 5, "05-05-2025 t/m 05-05-2025",
         "period_one_day_is_a_range"},
    };
    char b[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_STR(pm_format_period(D(cases[i].y1, cases[i].m1, cases[i].d1),
                                   D(cases[i].y2, cases[i].m2, cases[i].d2), b, sizeof b),
                  cases[i].want, cases[i].name);
    int q = 2025 * 4 + 3;
    CHECK_STR(pm_format_quarter(q, b, sizeof b), "4e kwartaal 2025",
              "quarter_in_running_text");
    CHECK_STR(pm_format_quarter_short(q, b, sizeof b), "2025-K4",
              "quarter_short_uses_K_not_Q");
#undef D
}

int main(void)
{
    periods_read_as_dutch();
    integers_are_grouped_by_dots();
    euros_from_cents();
    whole_euros_for_axes();
    percentages();
    decimals();
    dates();
    small_buffers_are_cut_not_overrun();
    counts_and_euros_from_doubles();
    return tap_done();
}
