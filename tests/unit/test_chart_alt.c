/* test_chart_alt.c — unit tests for exporters/chart_alt.c: a chart's Dutch
 * text alternative (SPEC §11) with its numbers, its hidden marks and its
 * target. Prints TAP. */
#include "chart_alt.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"

static void bars_with_a_target_and_a_hidden_value(void)
{
    pm_alt_point pts[] = {
        {.label = "Noord-West", .value = {0.9412}, .has = {true}},
        {.label = "Zuid-West", .value = {0.5}, .has = {true}, .mark = {"<5"}},
        {.label = "Zuid", .value = {0.25}, .has = {true}, .mark = {"x"}},
        {.label = "Oost"},
    };
    pm_alt_chart c = {.kind = PM_ALT_STAAF,
                      .title = "Reactie binnen 5 werkdagen per regio (cumulatief)",
                      .unit = PM_ALT_PCT,
                      .series = {"Op tijd"},
                      .nseries = 1,
                      .points = pts,
                      .npoints = 4,
                      .target = "≥ 90%"};
    char *t = pm_chart_alt_text(&c);
    CHECK_STR(t,
              "Staafdiagram: reactie binnen 5 werkdagen per regio (cumulatief). "
              "Noord-West 94,1%, Zuid-West <5, Zuid x, Oost geen. Doel ≥ 90%.",
              "bars_read_kind_title_values_marks_and_target");
    CHECK(t && !strstr(t, "50,0") && !strstr(t, "25,0"),
          "a_hidden_value_is_named_by_its_mark_never_its_number");
    free(t);
}

static void two_series_per_point(void)
{
    pm_alt_point pts[] = {
        {.label = "2025-K4", .value = {535239.4, 540000}, .has = {true, true}},
        {.label = "2026-K1", .value = {1234567, 0}, .has = {true, false}},
    };
    pm_alt_chart c = {.kind = PM_ALT_LIJN,
                      .title = "Budget",
                      .unit = PM_ALT_EURO,
                      .series = {"Realisatie", "Begroting"},
                      .nseries = 2,
                      .points = pts,
                      .npoints = 2};
    char *t = pm_chart_alt_text(&c);
    CHECK_STR(t,
              "Lijndiagram: budget. 2025-K4: Realisatie € 535.239, Begroting € 540.000; "
              "2026-K1: Realisatie € 1.234.567, Begroting geen.",
              "two_series_name_each_value_and_euros_are_whole");
    free(t);
}

static void counts_and_no_points(void)
{
    pm_alt_point pts[] = {{.label = "0 werkdagen", .value = {1234}, .has = {true}}};
    pm_alt_chart c = {.kind = PM_ALT_STAAF,
                      .title = "Werkdagen",
                      .unit = PM_ALT_INT,
                      .nseries = 1,
                      .points = pts,
                      .npoints = 1};
    char *t = pm_chart_alt_text(&c);
    CHECK_STR(t, "Staafdiagram: werkdagen. 0 werkdagen 1.234.", "counts_are_grouped");
    free(t);
    c.npoints = 0;
    t = pm_chart_alt_text(&c);
    CHECK_STR(t, "Staafdiagram: werkdagen. Geen gegevens.", "an_empty_chart_says_so");
    free(t);
}

int main(void)
{
    bars_with_a_target_and_a_hidden_value();
    two_series_per_point();
    counts_and_no_points();
    return tap_done();
}
