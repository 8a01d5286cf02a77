/* test_export.c — unit tests for exporters/export.c: the audience and the
 * privacy rule every exporter applies (SPEC §6). Prints TAP. */
#include <string.h>

#include "export.h"

#include "tap.h"

static void audiences(void)
{
    pm_audience a = PM_EXTERN;
    CHECK(pm_audience_parse("intern", &a) && a == PM_INTERN, "intern_parses");
    CHECK(pm_audience_parse("extern", &a) && a == PM_EXTERN, "extern_parses");
    a = PM_INTERN;
    CHECK(!pm_audience_parse("Intern", &a) && a == PM_INTERN,
          "audience_is_case_sensitive_and_leaves_the_output_alone");
    CHECK(!pm_audience_parse("", &a) && !pm_audience_parse("internal", &a),
          "other_words_are_no_audience");
    CHECK_STR(pm_audience_name(PM_INTERN), "intern", "intern_name");
    CHECK_STR(pm_audience_name(PM_EXTERN), "extern", "extern_name");
}

static void breakdowns(void)
{
    pm_breakdown personal = {
        .key = "organisatie", .personal = true, .counts_people = true};
    pm_breakdown regio = {.key = "regio", .personal = false, .counts_people = true};
    CHECK(!pm_breakdown_visible(&personal, PM_EXTERN),
          "extern_sees_no_per_organisation_breakdown");
    CHECK(pm_breakdown_visible(&personal, PM_INTERN), "intern_sees_personal_breakdowns");
    CHECK(pm_breakdown_visible(&regio, PM_EXTERN), "extern_sees_the_regio_breakdown");
}

static void cells(void)
{
    pm_breakdown regio = {.key = "regio", .personal = false, .counts_people = true};
    pm_breakdown posts = {.key = "post", .personal = false, .counts_people = false};
    pm_cell four = {.n = 4}, five = {.n = 5}, none = {.n = 0}, one = {.n = 1};
    CHECK(!pm_cell_visible(&regio, &four, PM_EXTERN, 5),
          "extern_hides_a_cell_of_4_below_min_cell_5");
    CHECK(pm_cell_visible(&regio, &five, PM_EXTERN, 5),
          "extern_shows_a_cell_of_exactly_min_cell");
    CHECK(!pm_cell_visible(&regio, &one, PM_EXTERN, 5), "extern_hides_a_cell_of_1");
    CHECK(pm_cell_visible(&regio, &four, PM_INTERN, 5), "intern_shows_every_cell");
    CHECK(pm_cell_visible(&posts, &one, PM_EXTERN, 5),
          "cells_that_count_no_people_are_always_shown");
    CHECK(pm_cell_visible(&regio, &four, PM_EXTERN, 3),
          "min_cell_follows_the_configuration");
    /* SPEC §6: an empty category discloses nobody and is shown as 0. */
    CHECK(pm_cell_visible(&regio, &none, PM_EXTERN, 5),
          "extern_shows_an_empty_cell_as_0");
}

/* Issue 14 (secmark): a cell hidden beside a small one may hold 79, so it
 * is marked "x", never "<5"; each mark has its own legend line. */
static void marks(void)
{
    char b[PM_LEGEND_SIZE];
    CHECK(strcmp(pm_hidden_mark(PM_SUPPRESS_PRIMAIR, 5, b, sizeof b), "<5") == 0,
          "primary_mark_is_lt_min_cell");
    CHECK(strcmp(pm_hidden_mark(PM_SUPPRESS_PRIMAIR, 3, b, sizeof b), "<3") == 0,
          "primary_mark_follows_min_cell");
    CHECK(strcmp(pm_hidden_mark(PM_SUPPRESS_SECUNDAIR, 5, b, sizeof b), "x") == 0,
          "secondary_mark_is_x");
    CHECK(strcmp(pm_hidden_mark(PM_SUPPRESS_NONE, 5, b, sizeof b), "") == 0,
          "a_shown_cell_has_no_mark");
    CHECK(strcmp(pm_hidden_legend(PM_SUPPRESS_PRIMAIR, 5, b, sizeof b),
                 "<5 = minder dan 5 waarnemingen, niet getoond") == 0,
          "primary_legend_says_minder_dan_5");
    pm_hidden_legend(PM_SUPPRESS_SECUNDAIR, 5, b, sizeof b);
    CHECK(strncmp(b, "x = niet getoond, zodat een kleine cel", 38) == 0 &&
              !strstr(b, "minder dan"),
          "secondary_legend_says_why_and_not_minder_dan");

    pm_breakdown regio = {.key = "regio", .counts_people = true};
    pm_cell small = {.n = 3}, big = {.n = 79, .suppress = PM_SUPPRESS_SECUNDAIR};
    CHECK(pm_cell_hidden(&regio, &small, PM_EXTERN, 5) == PM_SUPPRESS_PRIMAIR,
          "unmarked_small_cell_is_hidden_as_primary");
    regio.disclosure_done = true;
    small.suppress = PM_SUPPRESS_PRIMAIR;
    CHECK(pm_cell_hidden(&regio, &big, PM_EXTERN, 5) == PM_SUPPRESS_SECUNDAIR &&
              pm_cell_hidden(&regio, &small, PM_EXTERN, 5) == PM_SUPPRESS_PRIMAIR,
          "marked_cells_keep_their_kind");
    CHECK(pm_cell_hidden(&regio, &big, PM_INTERN, 5) == PM_SUPPRESS_NONE,
          "intern_hides_nothing");

    pm_marks m = {0};
    pm_marks_add(&m, PM_SUPPRESS_NONE);
    CHECK(!m.primair && !m.secundair, "marks_start_empty_and_ignore_shown_cells");
    pm_marks_add(&m, PM_SUPPRESS_SECUNDAIR);
    CHECK(!m.primair && m.secundair, "marks_record_only_what_was_written");

    /* A comparison hidden because the current figure is small: the earlier
     * value, shown nationally, is no small figure: "x"; so is the
     * difference. One whose earlier figure is small keeps "<5" there. */
    pm_comparison k = {.present = true, .suppress = PM_SUPPRESS_PRIMAIR};
    CHECK(pm_comparison_value_hidden(&k) == PM_SUPPRESS_SECUNDAIR &&
              pm_comparison_verschil_hidden(&k) == PM_SUPPRESS_SECUNDAIR,
          "comparison_hidden_with_the_other_side_is_x");
    k.f.suppress = PM_SUPPRESS_PRIMAIR;
    CHECK(pm_comparison_value_hidden(&k) == PM_SUPPRESS_PRIMAIR,
          "small_earlier_value_is_lt5");
    k = (pm_comparison){.present = true};
    CHECK(pm_comparison_value_hidden(&k) == PM_SUPPRESS_NONE &&
              pm_comparison_verschil_hidden(&k) == PM_SUPPRESS_NONE,
          "shown_comparison_has_no_mark");
}

int main(void)
{
    audiences();
    breakdowns();
    cells();
    marks();
    return tap_done();
}
