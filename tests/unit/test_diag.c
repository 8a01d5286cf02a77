/* test_diag.c — the diagnostics list (error.c), Dutch formats (format.c)
 * and the Dutch words for file errors (outfile.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "format.h"
#include "outfile.h"
#include "tap.h"

static void diag_formats_file_line_and_field(void)
{
    pm_diag d;
    pm_diag_init(&d, 10);
    pm_diag_error(&d, "a.csv", 3, "score", "'%s' ligt niet tussen 1 en 10", "11");
    pm_diag_error(&d, "a.csv", 0, NULL, "bestand is leeg");
    pm_diag_warn(&d, "b.json", 2, "x", "onbekend veld");
    CHECK_STR(d.errors[0], "a.csv:3: veld 'score': '11' ligt niet tussen 1 en 10",
              "diag_error_has_file_line_field_reason");
    CHECK_STR(d.errors[1], "a.csv: bestand is leeg", "diag_error_without_line_or_field");
    CHECK_STR(d.warnings[0], "b.json:2: veld 'x': onbekend veld",
              "diag_warning_same_form");
    pm_diag_free(&d);
}

static void diag_shows_control_characters_as_question_marks(void)
{
    pm_diag d;
    pm_diag_init(&d, 10);
    pm_diag_warn(&d, "a.csv", 1,
                 "x\x1b]0;titel\x07\xc2\x9b"
                 "2J",
                 "onbekende kolom");
    pm_diag_error(&d, "a\nb.csv", 2, "caf\xc3\xa9", "reden\r");
    CHECK_STR(d.warnings[0], "a.csv:1: veld 'x?]0;titel??2J': onbekende kolom",
              "escape_sequence_in_a_column_name_cannot_reach_the_terminal");
    CHECK_STR(d.errors[0], "a?b.csv:2: veld 'caf\xc3\xa9': reden?",
              "line_breaks_become_question_marks_and_accents_stay");
    pm_diag_free(&d);
}

static void diag_caps_kept_lines_but_counts_all(void)
{
    pm_diag d;
    pm_diag_init(&d, 3);
    for (int i = 0; i < 250; i++)
        pm_diag_error(&d, "f.csv", i + 2, "id", "fout %d", i);
    CHECK(d.nerrors == 250, "diag_counts_every_error");
    CHECK(d.kept_errors == 3, "diag_keeps_only_cap_errors");
    CHECK_STR(d.errors[2], "f.csv:4: veld 'id': fout 2", "diag_keeps_the_first_errors");
    pm_diag_free(&d);
    pm_diag_free(&d); /* a freed list is zeroed: freeing again is harmless */
    CHECK(d.errors == NULL, "diag_free_zeroes_the_list");
}

static void exit_codes_follow_spec(void)
{
    CHECK(pm_exit_code(PM_OK) == 0, "ok_exits_0");
    CHECK(pm_exit_code(PM_ERR_USAGE) == 1, "usage_exits_1");
    CHECK(pm_exit_code(PM_ERR_DATA) == 2, "data_exits_2");
    CHECK(pm_exit_code(PM_ERR_IO) == 3 && pm_exit_code(PM_ERR_DB) == 3 &&
              pm_exit_code(PM_ERR_NOTOURS) == 3 && pm_exit_code(PM_ERR_NEWER) == 3,
          "file_and_database_failures_exit_3");
}

static void dutch_formats(void)
{
    char b[64];
    CHECK_STR(pm_format_int(0, b, sizeof b), "0", "int_zero");
    CHECK_STR(pm_format_int(999, b, sizeof b), "999", "int_below_thousand_has_no_dot");
    CHECK_STR(pm_format_int(1234567, b, sizeof b), "1.234.567", "int_groups_by_dots");
    CHECK_STR(pm_format_int(-1000, b, sizeof b), "-1.000", "negative_int_grouped");
    CHECK_STR(pm_format_euro(1234500, b, sizeof b), "€ 12.345,00", "euro_from_cents");
    CHECK_STR(pm_format_euro_whole(12345, b, sizeof b), "€ 12.345",
              "whole_euros_grouped");
    CHECK_STR(pm_format_euro_whole(-2500000, b, sizeof b), "-€ 2.500.000",
              "negative_whole_euros_sign_before_the_euro");
    CHECK_STR(pm_format_euro_whole(0, b, sizeof b), "€ 0", "zero_whole_euros");
    CHECK_STR(pm_format_euro(5, b, sizeof b), "€ 0,05", "euro_cents_zero_padded");
    CHECK_STR(pm_format_euro(-11250, b, sizeof b), "-€ 112,50", "negative_euro");
    CHECK_STR(pm_format_percent(0.875, 1, b, sizeof b), "87,5%", "percent_with_comma");
    CHECK_STR(pm_format_percent(1.0, 1, b, sizeof b), "100,0%", "percent_hundred");
    CHECK_STR(pm_format_percent(0.86666667, 1, b, sizeof b), "86,7%", "percent_rounds");
    CHECK_STR(pm_format_date(pm_day_from_ymd(2025, 12, 31), b, sizeof b), "31-12-2025",
              "date_dutch_order");
}

static void errno_text_is_dutch(void)
{
    static const int codes[] = {EBUSY,  EISDIR, ENOTDIR, ENAMETOOLONG, EACCES, EROFS,
                                ENOSPC, EFBIG,  EXDEV,   ELOOP,        EMFILE, 9999};
    int english = 0;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(pm_errno_text(codes[i]), strerror(codes[i])) == 0)
            english++;
    CHECK(english == 0, "no_errno_is_described_by_strerror_english");
    CHECK_STR(pm_errno_text(9999), "systeemfout 9999", "unknown_errno_gives_its_number");
}

int main(void)
{
    diag_formats_file_line_and_field();
    diag_caps_kept_lines_but_counts_all();
    diag_shows_control_characters_as_question_marks();
    exit_codes_follow_spec();
    dutch_formats();
    errno_text_is_dutch();
    return tap_done();
}
