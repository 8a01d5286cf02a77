/* test_export.c — unit tests for exporters/export.c: the audience and the
 * privacy rule every exporter applies (SPEC §6). Prints TAP. */
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

int main(void)
{
    audiences();
    breakdowns();
    cells();
    return tap_done();
}
