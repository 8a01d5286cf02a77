/* test_value.c — unit tests for engine/value.c: day numbers, date parsing and
 * formatting, decimals, integers and UTF-8 validation. Prints TAP. */
#include "value.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"

static void test_day_numbers(void)
{
    CHECK(pm_day_from_ymd(1970, 1, 1) == 0, "epoch_is_day_zero");
    CHECK(pm_day_from_ymd(2024, 7, 1) == 19905, "day_of_2024_07_01_is_19905");
    CHECK(pm_day_from_ymd(1969, 12, 31) == -1, "day_before_epoch_is_minus_one");
    CHECK(pm_day_from_ymd(1900, 1, 1) == -25567, "day_of_1900_01_01_is_minus_25567");
    CHECK(pm_day_from_ymd(2000, 3, 1) == 11017, "day_of_2000_03_01_is_11017");
    CHECK(pm_day_weekday(0) == 4, "epoch_was_a_thursday");
    CHECK(pm_day_weekday(pm_day_from_ymd(2000, 3, 1)) == 3, "2000_03_01_was_a_wednesday");
    CHECK(pm_day_weekday(pm_day_from_ymd(2025, 4, 18)) == 5, "2025_04_18_is_a_friday");
    CHECK(pm_day_weekday(pm_day_from_ymd(2025, 4, 20)) == 7, "2025_04_20_is_a_sunday");
    CHECK(pm_day_weekday(pm_day_from_ymd(1900, 1, 1)) == 1, "1900_01_01_was_a_monday");
    CHECK(pm_day_weekday(-1) == 3, "weekday_of_negative_day_is_in_range");

    int y, m, d;
    pm_day_to_ymd(-1, &y, &m, &d);
    CHECK(y == 1969 && m == 12 && d == 31, "minus_one_converts_to_1969_12_31");
    pm_day_to_ymd(pm_day_from_ymd(-1, 3, 1), &y, &m, &d);
    CHECK(y == -1 && m == 3 && d == 1, "negative_year_round_trips");

    /* Every day of the accepted range, walking day numbers and calendar
     * dates side by side: conversions, weekdays and ordering must agree. */
    int bad = 0, bad_weekday = 0;
    pm_day expect = pm_day_from_ymd(1900, 1, 1);
    int wd = 1;
    for (int yy = 1900; yy <= 2199; yy++) {
        for (int mm = 1; mm <= 12; mm++) {
            static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            int leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
            int n = dim[mm - 1] + (mm == 2 && leap);
            for (int dd = 1; dd <= n; dd++) {
                pm_day day = pm_day_from_ymd(yy, mm, dd);
                pm_day_to_ymd(day, &y, &m, &d);
                if (day != expect || y != yy || m != mm || d != dd)
                    bad++;
                if (pm_day_weekday(day) != wd)
                    bad_weekday++;
                expect++;
                wd = wd % 7 + 1;
            }
        }
    }
    CHECK(bad == 0, "every_day_1900_to_2199_round_trips_through_ymd");
    CHECK(bad_weekday == 0, "every_day_1900_to_2199_has_the_next_weekday");
    CHECK(expect == pm_day_from_ymd(2200, 1, 1), "range_1900_to_2199_is_contiguous");
}

static const struct {
    const char *in;
    int ok;
    int y, m, d;
    const char *name;
} date_cases[] = {
    {"2025-03-04", 1, 2025, 3, 4, "iso_date_parses"},
    {"04-03-2025", 1, 2025, 3, 4, "dutch_date_parses_as_day_month_year"},
    {"4-3-2025", 1, 2025, 3, 4, "dutch_date_with_single_digits_parses"},
    {"04-3-2025", 1, 2025, 3, 4, "dutch_date_with_mixed_widths_parses"},
    {"31-12-2199", 1, 2199, 12, 31, "last_day_of_range_parses"},
    {"1900-01-01", 1, 1900, 1, 1, "first_day_of_range_parses"},
    {"2025-03-04T17:30", 1, 2025, 3, 4, "date_time_counts_as_its_date"},
    {"2025-03-04 17:30:00", 1, 2025, 3, 4, "date_time_with_space_and_seconds_parses"},
    {"2025-03-04T23:59:60", 1, 2025, 3, 4, "leap_second_is_accepted"},
    {"2025-03-04T17:30:00.123", 1, 2025, 3, 4, "fractional_seconds_are_accepted"},
    {"2025-03-04T17:30:00Z", 1, 2025, 3, 4, "utc_designator_is_accepted"},
    {"2025-03-04T17:30+01:00", 1, 2025, 3, 4, "positive_offset_is_accepted"},
    {"2025-03-04T17:30:00.5-05:30", 1, 2025, 3, 4, "negative_offset_is_accepted"},
    {"04-03-2025 00:00", 1, 2025, 3, 4, "dutch_date_with_time_parses"},
    {"2024-02-29", 1, 2024, 2, 29, "leap_day_in_2024_parses"},
    {"2000-02-29", 1, 2000, 2, 29, "leap_day_in_2000_parses"},
    {"2025-02-29", 0, 0, 0, 0, "leap_day_in_2025_is_rejected"},
    {"1900-02-29", 0, 0, 0, 0, "leap_day_in_1900_is_rejected"},
    {"31-04-2025", 0, 0, 0, 0, "thirty_first_of_april_is_rejected"},
    {"2025-13-01", 0, 0, 0, 0, "month_thirteen_is_rejected"},
    {"2025-00-10", 0, 0, 0, 0, "month_zero_is_rejected"},
    {"2025-01-00", 0, 0, 0, 0, "day_zero_is_rejected"},
    {"2025-3-4", 0, 0, 0, 0, "iso_date_needs_two_digit_month_and_day"},
    {"2025-03-04T25:00", 0, 0, 0, 0, "hour_25_is_rejected"},
    {"2025-03-04T24:00", 0, 0, 0, 0, "hour_24_is_rejected"},
    {"2025-03-04T17:60", 0, 0, 0, 0, "minute_60_is_rejected"},
    {"2025-03-04T17:30:61", 0, 0, 0, 0, "second_61_is_rejected"},
    {"2025-03-04T17", 0, 0, 0, 0, "time_without_minutes_is_rejected"},
    {"2025-03-04T7:30", 0, 0, 0, 0, "one_digit_hour_is_rejected"},
    {"2025-03-04T17:30.5", 0, 0, 0, 0, "fraction_without_seconds_is_rejected"},
    {"2025-03-04T17:30:00.", 0, 0, 0, 0, "empty_fraction_is_rejected"},
    {"2025-03-04T17:30+0100", 0, 0, 0, 0, "offset_without_colon_is_rejected"},
    {"2025-03-04T17:30Zx", 0, 0, 0, 0, "text_after_zone_is_rejected"},
    {"2025-03-04T", 0, 0, 0, 0, "bare_time_separator_is_rejected"},
    {"2025-03-04 ", 0, 0, 0, 0, "trailing_space_is_rejected"},
    {"2025-03-04  17:30", 0, 0, 0, 0, "two_spaces_before_time_are_rejected"},
    {"2025-03-04x", 0, 0, 0, 0, "trailing_text_is_rejected"},
    {"04-03-25", 0, 0, 0, 0, "two_digit_year_is_rejected"},
    {"004-03-2025", 0, 0, 0, 0, "three_digit_day_is_rejected"},
    {"1899-12-31", 0, 0, 0, 0, "year_before_1900_is_rejected"},
    {"2200-01-01", 0, 0, 0, 0, "year_after_2199_is_rejected"},
    {"2025/03/04", 0, 0, 0, 0, "slashes_are_rejected"},
    {" 2025-03-04", 0, 0, 0, 0, "leading_space_is_rejected"},
    {"", 0, 0, 0, 0, "empty_date_is_rejected"},
    {"2025-03", 0, 0, 0, 0, "truncated_date_is_rejected"},
};

static void test_day_parse(void)
{
    for (size_t i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
        pm_day got = 12345;
        bool ok = pm_day_parse(date_cases[i].in, strlen(date_cases[i].in), &got);
        if (date_cases[i].ok) {
            pm_day want =
                pm_day_from_ymd(date_cases[i].y, date_cases[i].m, date_cases[i].d);
            CHECK(ok && got == want, date_cases[i].name);
        } else {
            CHECK(!ok && got == 12345, date_cases[i].name);
        }
    }

    /* Only len bytes count: a longer buffer must not leak into the result. */
    pm_day got = 0;
    CHECK(pm_day_parse("2025-03-04T17:30", 10, &got) &&
              got == pm_day_from_ymd(2025, 3, 4),
          "date_parse_reads_only_len_bytes");
    CHECK(!pm_day_parse("2025-03-04", 9, &got), "date_cut_short_by_len_is_rejected");
}

static void test_day_format(void)
{
    char buf[11];
    pm_day_format_iso(pm_day_from_ymd(2025, 3, 4), buf);
    CHECK_STR(buf, "2025-03-04", "iso_format_pads_with_zeros");
    pm_day_format_nl(pm_day_from_ymd(2025, 3, 4), buf);
    CHECK_STR(buf, "04-03-2025", "dutch_format_pads_with_zeros");
    pm_day_format_iso(0, buf);
    CHECK_STR(buf, "1970-01-01", "iso_format_of_day_zero_is_epoch");
    pm_day_format_nl(pm_day_from_ymd(1900, 1, 1), buf);
    CHECK_STR(buf, "01-01-1900", "dutch_format_of_first_day_of_range");
    pm_day_format_iso(pm_day_from_ymd(12, 5, 6), buf);
    CHECK_STR(buf, "0012-05-06", "iso_format_pads_a_short_year");
    pm_day_format_iso(pm_day_from_ymd(10000, 1, 1), buf);
    CHECK_STR(buf, "?\?\?\?-01-01", "iso_format_marks_a_five_digit_year");

    /* Formatting and parsing are inverses over the whole range. */
    int bad = 0;
    for (pm_day d = pm_day_from_ymd(1900, 1, 1); d <= pm_day_from_ymd(2199, 12, 31);
         d++) {
        pm_day back = -1;
        pm_day_format_iso(d, buf);
        if (!pm_day_parse(buf, 10, &back) || back != d)
            bad++;
        back = -1;
        pm_day_format_nl(d, buf);
        if (!pm_day_parse(buf, 10, &back) || back != d)
            bad++;
    }
    CHECK(bad == 0, "every_formatted_day_parses_back_to_itself");
}

#define EURO "\xE2\x82\xAC"

static const struct {
    const char *in;
    int scale;
    pm_decimal_status st;
    int64_t want;
    const char *name;
} dec_cases[] = {
    {"12", 2, PM_DEC_OK, 1200, "decimal_integer_is_scaled"},
    {"12,5", 2, PM_DEC_OK, 1250, "decimal_comma_parses"},
    {"12.50", 2, PM_DEC_OK, 1250, "decimal_point_parses"},
    {"-3,25", 2, PM_DEC_OK, -325, "negative_decimal_parses"},
    {"+4", 2, PM_DEC_OK, 400, "explicit_plus_sign_parses"},
    {EURO " 1.234,56", 2, PM_DEC_OK, 123456, "euro_sign_with_space_and_grouping_parses"},
    {EURO "1234,56", 2, PM_DEC_OK, 123456, "euro_sign_without_space_parses"},
    {"-" EURO " 5,00", 2, PM_DEC_OK, -500, "sign_before_euro_sign_parses"},
    {"1,234.56", 2, PM_DEC_OK, 123456, "decimal_point_with_thousands_comma_parses"},
    {"1.234.567,89", 2, PM_DEC_OK, 123456789, "decimal_comma_with_thousands_dot_parses"},
    {"1.234", 2, PM_DEC_TOO_PRECISE, 0, "lone_dot_is_decimal_so_1_234_is_too_precise"},
    {"1.234", 3, PM_DEC_OK, 1234, "lone_dot_is_decimal_at_scale_three"},
    {"7,5", 1, PM_DEC_OK, 75, "one_decimal_at_scale_one_parses"},
    {"7,55", 1, PM_DEC_TOO_PRECISE, 0, "two_decimals_at_scale_one_are_too_precise"},
    {"7,50", 1, PM_DEC_OK, 75, "trailing_zero_decimals_are_allowed"},
    {"7,5000000000000000000000", 1, PM_DEC_OK, 75, "many_trailing_zeros_are_allowed"},
    {"7", 0, PM_DEC_OK, 7, "scale_zero_keeps_the_integer"},
    {"7,0", 0, PM_DEC_OK, 7, "scale_zero_allows_zero_fraction"},
    {"7,1", 0, PM_DEC_TOO_PRECISE, 0, "scale_zero_rejects_a_fraction"},
    {"1,2345", 4, PM_DEC_OK, 12345, "scale_four_parses_four_decimals"},
    {"0,5", 2, PM_DEC_OK, 50, "leading_zero_parses"},
    {"007", 2, PM_DEC_OK, 700, "leading_zeros_are_ignored"},
    {"-0", 2, PM_DEC_OK, 0, "minus_zero_is_zero"},
    {"-0,00", 2, PM_DEC_OK, 0, "minus_zero_with_decimals_is_zero"},
    {"12.34,5", 2, PM_DEC_SYNTAX, 0, "short_thousands_group_is_a_syntax_error"},
    {"1,23.4", 2, PM_DEC_SYNTAX, 0, "two_digit_thousands_group_is_a_syntax_error"},
    {"1234.567,8", 2, PM_DEC_SYNTAX, 0, "four_digit_leading_group_is_a_syntax_error"},
    {"1.2345,6", 2, PM_DEC_SYNTAX, 0, "four_digit_thousands_group_is_a_syntax_error"},
    {".234,5", 2, PM_DEC_SYNTAX, 0, "empty_leading_group_is_a_syntax_error"},
    {"1.234,5,6", 2, PM_DEC_SYNTAX, 0, "second_decimal_separator_is_a_syntax_error"},
    {"1,234.5,6", 2, PM_DEC_SYNTAX, 0, "grouping_after_decimal_is_a_syntax_error"},
    {"1.234.567", 2, PM_DEC_SYNTAX, 0, "repeated_lone_separator_is_a_syntax_error"},
    {"1,,2", 2, PM_DEC_SYNTAX, 0, "double_comma_is_a_syntax_error"},
    {"", 2, PM_DEC_SYNTAX, 0, "empty_decimal_is_a_syntax_error"},
    {"abc", 2, PM_DEC_SYNTAX, 0, "letters_are_a_syntax_error"},
    {"1e5", 2, PM_DEC_SYNTAX, 0, "exponent_is_a_syntax_error"},
    {",5", 2, PM_DEC_SYNTAX, 0, "missing_integer_digits_are_a_syntax_error"},
    {"5,", 2, PM_DEC_SYNTAX, 0, "missing_fraction_digits_are_a_syntax_error"},
    {" 12", 2, PM_DEC_SYNTAX, 0, "leading_space_is_a_syntax_error"},
    {"12 ", 2, PM_DEC_SYNTAX, 0, "trailing_space_is_a_syntax_error"},
    {"1 234", 2, PM_DEC_SYNTAX, 0, "space_as_grouping_is_a_syntax_error"},
    {"-", 2, PM_DEC_SYNTAX, 0, "lone_sign_is_a_syntax_error"},
    {EURO, 2, PM_DEC_SYNTAX, 0, "lone_euro_sign_is_a_syntax_error"},
    {EURO " ", 2, PM_DEC_SYNTAX, 0, "euro_sign_and_space_is_a_syntax_error"},
    {EURO "  5", 2, PM_DEC_SYNTAX, 0, "two_spaces_after_euro_sign_are_a_syntax_error"},
    {EURO " -5", 2, PM_DEC_SYNTAX, 0, "sign_after_euro_sign_is_a_syntax_error"},
    {"5" EURO, 2, PM_DEC_SYNTAX, 0, "trailing_euro_sign_is_a_syntax_error"},
    {"+-5", 2, PM_DEC_SYNTAX, 0, "double_sign_is_a_syntax_error"},
    {"\xE2\x82", 2, PM_DEC_SYNTAX, 0, "truncated_euro_sign_is_a_syntax_error"},
    {"12345678901234567890", 2, PM_DEC_RANGE, 0, "twenty_digits_are_out_of_range"},
    {"92233720368547758,08", 2, PM_DEC_RANGE, 0, "int64_max_plus_one_is_out_of_range"},
    {"92233720368547758,07", 2, PM_DEC_OK, INT64_MAX, "int64_max_fits"},
    {"-92233720368547758,08", 2, PM_DEC_OK, INT64_MIN, "int64_min_fits"},
    {"-92233720368547758,09", 2, PM_DEC_RANGE, 0, "below_int64_min_is_out_of_range"},
    {"922337203685477581", 2, PM_DEC_RANGE, 0, "scaling_up_can_overflow"},
    {"1", 5, PM_DEC_RANGE, 0, "scale_above_four_is_refused"},
    {"1", -1, PM_DEC_RANGE, 0, "negative_scale_is_refused"},
};

static void test_decimal_parse(void)
{
    for (size_t i = 0; i < sizeof dec_cases / sizeof dec_cases[0]; i++) {
        int64_t got = -777;
        pm_decimal_status st = pm_decimal_parse(dec_cases[i].in, strlen(dec_cases[i].in),
                                                dec_cases[i].scale, &got);
        if (dec_cases[i].st == PM_DEC_OK)
            CHECK(st == PM_DEC_OK && got == dec_cases[i].want, dec_cases[i].name);
        else
            CHECK(st == dec_cases[i].st && got == -777, dec_cases[i].name);
    }

    int64_t got = 0;
    CHECK(pm_decimal_parse("12,5x", 4, 2, &got) == PM_DEC_OK && got == 1250,
          "decimal_parse_reads_only_len_bytes");
    CHECK(pm_decimal_parse("1\0"
                           "2",
                           3, 2, &got) == PM_DEC_SYNTAX,
          "embedded_nul_is_a_syntax_error");
}

static const struct {
    const char *in;
    int ok;
    int64_t want;
    const char *name;
} int_cases[] = {
    {"0", 1, 0, "integer_zero_parses"},
    {"42", 1, 42, "integer_parses"},
    {"-42", 1, -42, "negative_integer_parses"},
    {"+42", 1, 42, "integer_with_plus_parses"},
    {"007", 1, 7, "integer_with_leading_zeros_parses"},
    {"999999999999999999", 1, 999999999999999999, "eighteen_digits_parse"},
    {"-999999999999999999", 1, -999999999999999999, "negative_eighteen_digits_parse"},
    {"1000000000000000000", 0, 0, "nineteen_digits_are_rejected"},
    {"", 0, 0, "empty_integer_is_rejected"},
    {"-", 0, 0, "lone_minus_is_rejected"},
    {"1,0", 0, 0, "integer_with_comma_is_rejected"},
    {"1.000", 0, 0, "integer_with_grouping_is_rejected"},
    {" 1", 0, 0, "integer_with_leading_space_is_rejected"},
    {"1 ", 0, 0, "integer_with_trailing_space_is_rejected"},
    {"--1", 0, 0, "integer_with_two_signs_is_rejected"},
    {"0x10", 0, 0, "hexadecimal_is_rejected"},
};

static void test_int_parse(void)
{
    for (size_t i = 0; i < sizeof int_cases / sizeof int_cases[0]; i++) {
        int64_t got = -777;
        bool ok = pm_int_parse(int_cases[i].in, strlen(int_cases[i].in), &got);
        if (int_cases[i].ok)
            CHECK(ok && got == int_cases[i].want, int_cases[i].name);
        else
            CHECK(!ok && got == -777, int_cases[i].name);
    }
}

static const struct {
    const char *in;
    size_t len; /* 0: strlen */
    int ok;
    const char *name;
} utf8_cases[] = {
    {"", 0, 1, "empty_string_is_valid_utf8"},
    {"plain ascii text that is longer than eight bytes", 0, 1, "ascii_is_valid_utf8"},
    {"caf\xC3\xA9", 0, 1, "two_byte_sequence_is_valid"},
    {"\xE2\x82\xAC 12,00", 0, 1, "euro_sign_is_valid"},
    {"\xF0\x9F\x98\x80", 0, 1, "four_byte_emoji_is_valid"},
    {"\xC2\x80", 0, 1, "lowest_two_byte_code_point_is_valid"},
    {"\xE0\xA0\x80", 0, 1, "lowest_three_byte_code_point_is_valid"},
    {"\xED\x9F\xBF", 0, 1, "code_point_below_surrogates_is_valid"},
    {"\xEE\x80\x80", 0, 1, "code_point_above_surrogates_is_valid"},
    {"\xEF\xBF\xBF", 0, 1, "u_ffff_is_valid"},
    {"\xF0\x90\x80\x80", 0, 1, "lowest_four_byte_code_point_is_valid"},
    {"\xF4\x8F\xBF\xBF", 0, 1, "u_10ffff_is_valid"},
    {"\xEF\xBB\xBFid;naam", 0, 1, "byte_order_mark_is_valid"},
    {"a\0b", 3, 1, "nul_byte_is_valid_utf8"},
    {"aaaaaaaaaaaaaaa\xC3\xA9", 0, 1, "multibyte_after_ascii_run_is_valid"},
    {"\xC0\x80", 0, 0, "overlong_c0_is_invalid"},
    {"\xC1\xBF", 0, 0, "overlong_c1_is_invalid"},
    {"\xE0\x80\x80", 0, 0, "overlong_three_byte_e0_80_is_invalid"},
    {"\xE0\x9F\xBF", 0, 0, "overlong_three_byte_e0_9f_is_invalid"},
    {"\xF0\x80\x80\x80", 0, 0, "overlong_four_byte_f0_80_is_invalid"},
    {"\xF0\x8F\xBF\xBF", 0, 0, "overlong_four_byte_f0_8f_is_invalid"},
    {"\xED\xA0\x80", 0, 0, "high_surrogate_is_invalid"},
    {"\xED\xBF\xBF", 0, 0, "low_surrogate_is_invalid"},
    {"\xF4\x90\x80\x80", 0, 0, "code_point_above_u_10ffff_is_invalid"},
    {"\xF5\x80\x80\x80", 0, 0, "lead_byte_f5_is_invalid"},
    {"\xFF", 0, 0, "byte_ff_is_invalid"},
    {"\xFE", 0, 0, "byte_fe_is_invalid"},
    {"\x80", 0, 0, "stray_continuation_byte_is_invalid"},
    {"abcdefgh\xBF", 0, 0, "stray_continuation_after_ascii_run_is_invalid"},
    {"\xC3", 0, 0, "truncated_two_byte_sequence_is_invalid"},
    {"\xE2\x82", 0, 0, "truncated_three_byte_sequence_is_invalid"},
    {"\xF0\x9F\x98", 0, 0, "truncated_four_byte_sequence_is_invalid"},
    {"\xC3(", 0, 0, "two_byte_lead_with_ascii_is_invalid"},
    {"\xE2\x28\xA1", 0, 0, "bad_second_byte_of_three_is_invalid"},
    {"\xE2\x82\x28", 0, 0, "bad_third_byte_of_three_is_invalid"},
    {"\xF0\x9F\x98\x28", 0, 0, "bad_fourth_byte_of_four_is_invalid"},
    {"caf\xE9", 0, 0, "latin1_text_is_invalid"},
    {"\xE2\x82\xAC", 2, 0, "sequence_cut_by_len_is_invalid"},
};

static void test_utf8(void)
{
    for (size_t i = 0; i < sizeof utf8_cases / sizeof utf8_cases[0]; i++) {
        size_t len = utf8_cases[i].len ? utf8_cases[i].len : strlen(utf8_cases[i].in);
        CHECK(pm_utf8_valid(utf8_cases[i].in, len) == (bool)utf8_cases[i].ok,
              utf8_cases[i].name);
    }

    /* An invalid byte at every offset of a long ASCII run is found,
     * whichever 8-byte block it lands in. */
    char buf[40];
    int missed = 0;
    for (size_t pos = 0; pos < sizeof buf; pos++) {
        memset(buf, 'x', sizeof buf);
        buf[pos] = (char)0x80;
        if (pm_utf8_valid(buf, sizeof buf))
            missed++;
    }
    CHECK(missed == 0, "invalid_byte_is_found_at_every_offset");

    /* Every single code point encodes to valid UTF-8, and every encoding of a
     * surrogate is rejected. */
    int bad = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        unsigned char e[4];
        size_t n;
        if (cp < 0x80) {
            e[0] = (unsigned char)cp;
            n = 1;
        } else if (cp < 0x800) {
            e[0] = (unsigned char)(0xC0 | (cp >> 6));
            e[1] = (unsigned char)(0x80 | (cp & 0x3F));
            n = 2;
        } else if (cp < 0x10000) {
            e[0] = (unsigned char)(0xE0 | (cp >> 12));
            e[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            e[2] = (unsigned char)(0x80 | (cp & 0x3F));
            n = 3;
        } else {
            e[0] = (unsigned char)(0xF0 | (cp >> 18));
            e[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            e[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            e[3] = (unsigned char)(0x80 | (cp & 0x3F));
            n = 4;
        }
        bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (pm_utf8_valid((const char *)e, n) == surrogate)
            bad++;
    }
    CHECK(bad == 0, "every_code_point_is_valid_and_every_surrogate_invalid");
}

/* pm_text_check: in: the text (len 0 = strlen); id: checked as an id; want:
 * the status; cp, pos: the character found and its position. */
static const struct {
    const char *in;
    size_t len;
    bool id;
    pm_text_status want;
    uint32_t cp;
    size_t pos;
    const char *name;
} text_cases[] = {
    {"Gemeente Amsterdam", 0, false, PM_TEXT_OK, 0, 0, "plain_text_is_allowed"},
    {"regel 1\nregel 2\r\n\tdoor", 0, false, PM_TEXT_OK, 0, 0,
     "tab_and_line_breaks_are_allowed_in_text"},
    {"caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80", 0, false, PM_TEXT_OK, 0, 0,
     "accents_euro_and_emoji_are_allowed_in_text"},
    {"a\xC2\xA0"
     "b\xE2\x80\x8B",
     0, false, PM_TEXT_OK, 0, 0,
     "no_break_and_zero_width_spaces_are_allowed_in_free_text"},
    {"a\xEF\xBF\xBD"
     "b",
     0, false, PM_TEXT_OK, 0, 0, "replacement_character_is_allowed_in_free_text"},
    {"_x0041_", 0, false, PM_TEXT_OK, 0, 0, "excel_escape_lookalike_is_plain_text"},
    {"a\x01"
     "b",
     0, false, PM_TEXT_XML, 0x01, 2, "c0_control_is_refused_in_text"},
    {"ab\x1F", 0, false, PM_TEXT_XML, 0x1F, 3, "unit_separator_is_refused_in_text"},
    {"a\x0B", 0, false, PM_TEXT_XML, 0x0B, 2, "vertical_tab_is_refused_in_text"},
    {"\xC3\xA9\xEF\xBF\xBE", 0, false, PM_TEXT_XML, 0xFFFE, 2,
     "u_fffe_is_refused_and_its_position_counts_characters"},
    {"x\xEF\xBF\xBF", 0, false, PM_TEXT_XML, 0xFFFF, 2, "u_ffff_is_refused_in_text"},
    {"\x7F\xC2\x85", 0, false, PM_TEXT_OK, 0, 0,
     "del_and_c1_controls_are_allowed_in_text_as_xml_allows_them"},
    {"SOBX", 0, true, PM_TEXT_OK, 0, 0, "plain_id_is_allowed"},
    {"HV 2025-01 \xC3\xA9", 0, true, PM_TEXT_OK, 0, 0,
     "id_with_inner_space_and_accent_is_allowed"},
    {"SOBX\xC2\xA0", 0, true, PM_TEXT_ID, 0xA0, 5, "no_break_space_is_refused_in_id"},
    {"SOB\xE2\x80\xAFX", 0, true, PM_TEXT_ID, 0x202F, 4,
     "narrow_no_break_space_is_refused_in_id"},
    {"SOBX\xE2\x80\x8B", 0, true, PM_TEXT_ID, 0x200B, 5,
     "zero_width_space_is_refused_in_id"},
    {"S\xE2\x80\x8COB", 0, true, PM_TEXT_ID, 0x200C, 2,
     "zero_width_non_joiner_is_refused_in_id"},
    {"S\xE2\x80\x8DOB", 0, true, PM_TEXT_ID, 0x200D, 2,
     "zero_width_joiner_is_refused_in_id"},
    {"SOB\xE2\x81\xA0", 0, true, PM_TEXT_ID, 0x2060, 4, "word_joiner_is_refused_in_id"},
    {"\xEF\xBB\xBFSOBX", 0, true, PM_TEXT_ID, 0xFEFF, 1, "bom_is_refused_in_id"},
    {"SOB\tX", 0, true, PM_TEXT_ID, '\t', 4, "tab_is_refused_in_id"},
    {"SOB\nX", 0, true, PM_TEXT_ID, '\n', 4, "line_break_is_refused_in_id"},
    {"SOB\x7F", 0, true, PM_TEXT_ID, 0x7F, 4, "del_is_refused_in_id"},
    {"SOB\xC2\x85", 0, true, PM_TEXT_ID, 0x85, 4, "c1_control_is_refused_in_id"},
    {"SOB\xE2\x80\x8F", 0, true, PM_TEXT_ID, 0x200F, 4,
     "right_to_left_mark_is_refused_in_id"},
    {"SOB\xE2\x80\xAE", 0, true, PM_TEXT_ID, 0x202E, 4, "bidi_override_is_refused_in_id"},
    {"SOB\xE3\x80\x80", 0, true, PM_TEXT_ID, 0x3000, 4,
     "ideographic_space_is_refused_in_id"},
    {"SOB\xEF\xBF\xBD", 0, true, PM_TEXT_ID, 0xFFFD, 4,
     "replacement_character_is_refused_in_id"},
    {"SOB\xF3\xA0\x80\x81", 0, true, PM_TEXT_ID, 0xE0001, 4,
     "tag_character_is_refused_in_id"},
    {"SOB\x01", 0, true, PM_TEXT_XML, 0x01, 4,
     "xml_forbidden_control_in_id_is_reported_as_such"},
};

static void test_text_check(void)
{
    for (size_t i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
        size_t len = text_cases[i].len ? text_cases[i].len : strlen(text_cases[i].in);
        uint32_t cp = 0;
        size_t pos = 0;
        pm_text_status st =
            pm_text_check(text_cases[i].in, len, text_cases[i].id, &cp, &pos);
        bool ok = st == text_cases[i].want;
        if (ok && st != PM_TEXT_OK)
            ok = cp == text_cases[i].cp && pos == text_cases[i].pos;
        CHECK(ok, text_cases[i].name);
        if (!ok)
            printf("#   status %d, U+%04X at %zu\n", (int)st, (unsigned)cp, pos);
    }

    /* The rule for every code point: XML 1.0's Char production, and no id
     * character among the ones pm_id_char_forbidden names. */
    int bad = 0;
    for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        unsigned char e[4];
        size_t n;
        if (cp < 0x80) {
            e[0] = (unsigned char)cp;
            n = 1;
        } else if (cp < 0x800) {
            e[0] = (unsigned char)(0xC0 | cp >> 6);
            e[1] = (unsigned char)(0x80 | (cp & 0x3F));
            n = 2;
        } else if (cp < 0x10000) {
            e[0] = (unsigned char)(0xE0 | cp >> 12);
            e[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            e[2] = (unsigned char)(0x80 | (cp & 0x3F));
            n = 3;
        } else {
            e[0] = (unsigned char)(0xF0 | cp >> 18);
            e[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            e[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            e[3] = (unsigned char)(0x80 | (cp & 0x3F));
            n = 4;
        }
        bool xml_char = cp == 0x9 || cp == 0xA || cp == 0xD ||
                        (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                        cp >= 0x10000;
        uint32_t got = 0;
        size_t pos = 0;
        pm_text_status text = pm_text_check((const char *)e, n, false, &got, &pos);
        pm_text_status id = pm_text_check((const char *)e, n, true, &got, &pos);
        pm_text_status want_id = !xml_char                  ? PM_TEXT_XML
                                 : pm_id_char_forbidden(cp) ? PM_TEXT_ID
                                                            : PM_TEXT_OK;
        if (text != (xml_char ? PM_TEXT_OK : PM_TEXT_XML) || id != want_id)
            bad++;
    }
    CHECK(bad == 0, "every_code_point_follows_xml_1_0_and_the_id_rule");
    CHECK(strcmp(pm_char_name(0xA0), "vaste spatie") == 0 &&
              strcmp(pm_char_name(0x01), "stuurteken") == 0,
          "refused_characters_have_dutch_names");
}

int main(void)
{
    test_day_numbers();
    test_day_parse();
    test_day_format();
    test_decimal_parse();
    test_int_parse();
    test_utf8();
    test_text_check();
    return tap_done();
}
