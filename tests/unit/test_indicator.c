/* test_indicator.c — the statistics every proportion shares: the Wilson 95%
 * interval against published values, and the status rule at its boundaries. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "tap.h"

static int near(double a, double b)
{
    return fabs(a - b) < 5e-5;
}

static void wilson_known_values(void)
{
    double lo, hi;
    pm_wilson(9, 10, &lo, &hi);
    CHECK(near(lo, 0.5958) && near(hi, 0.9821), "wilson_9_of_10_is_0_5958_to_0_9821");
    pm_wilson(0, 5, &lo, &hi);
    CHECK(lo == 0.0 && near(hi, 0.4345), "wilson_0_of_5_is_0_to_0_4345");
    pm_wilson(45, 50, &lo, &hi);
    CHECK(near(lo, 0.7864) && near(hi, 0.9565), "wilson_45_of_50_is_0_7864_to_0_9565");
    pm_wilson(5, 5, &lo, &hi);
    CHECK(near(lo, 0.5655) && hi == 1.0, "wilson_5_of_5_upper_bound_is_exactly_1");
    pm_wilson(1, 2, &lo, &hi);
    CHECK(near(lo + hi, 1.0), "wilson_half_is_symmetric_around_one_half");
}

static pm_figures prop(double teller, double noemer, double doel, int min_n)
{
    pm_figures f = {0};
    f.teller = teller;
    f.noemer = noemer;
    pm_figures_proportion(&f, doel, min_n);
    return f;
}

static void proportion_status_boundaries(void)
{
    pm_figures f = prop(4, 4, 0.9, 5);
    CHECK(f.status == PM_GRIJS && f.has_waarde,
          "noemer_4_below_min_n_5_is_grijs_but_has_waarde");
    f = prop(0, 0, 0.9, 5);
    CHECK(f.status == PM_GRIJS && !f.has_waarde && !f.has_interval,
          "noemer_0_has_no_waarde_and_no_interval");
    f = prop(9, 10, 0.9, 5);
    CHECK(f.status == PM_GROEN, "exactly_90_percent_meets_a_90_percent_target");
    f = prop(4, 5, 0.8, 5);
    CHECK(f.status == PM_GROEN, "exactly_80_percent_meets_an_80_percent_target");
    f = prop(8, 10, 0.9, 5);
    CHECK(f.status == PM_ORANJE && f.hi >= 0.9,
          "below_target_with_upper_bound_above_is_oranje");
    f = prop(30, 50, 0.9, 5);
    CHECK(f.status == PM_ROOD && f.hi < 0.9, "upper_bound_below_target_is_rood");
    f = prop(5, 5, 0.9, 5);
    CHECK(f.status == PM_GROEN && f.waarde == 1.0, "noemer_equal_to_min_n_is_judged");
    f = prop(0, 5, 0.8, 5);
    CHECK(f.status == PM_ROOD, "none_of_five_against_80_percent_is_rood");
}

static void status_names(void)
{
    CHECK_STR(pm_status_name(PM_GROEN), "groen", "status_groen");
    CHECK_STR(pm_status_name(PM_ORANJE), "oranje", "status_oranje");
    CHECK_STR(pm_status_name(PM_ROOD), "rood", "status_rood");
    CHECK_STR(pm_status_name(PM_GRIJS), "grijs", "status_grijs");
}

static void scores_decided_on_tenths(void)
{
    pm_scores s = {69 + 70 + 71, 3}; /* 6,9 7,0 7,1: a mean of exactly 7 */
    CHECK(pm_scores_satisfied(&s), "mean_of_6_9_7_0_7_1_is_exactly_7_and_satisfied");
    s = (pm_scores){139, 2};
    CHECK(!pm_scores_satisfied(&s), "mean_6_95_is_not_satisfied");
    s = (pm_scores){0, 0};
    CHECK(!pm_scores_satisfied(&s), "no_scores_is_not_satisfied");
    pm_cell c = {0};
    s = (pm_scores){75 + 80, 2};
    pm_cell_from_scores(&c, &s);
    CHECK(c.has_waarde && c.waarde == 7.75 && c.teller == 15.5 && c.noemer == 2 &&
              c.n == 2,
          "score_cell_has_sum_count_and_mean");
    pm_cell none = {0};
    s = (pm_scores){0, 0};
    pm_cell_from_scores(&none, &s);
    CHECK(!none.has_waarde && none.n == 0, "score_cell_without_scores_has_no_waarde");
}

/* Keys and labels are heap copies of any length (issue 12 point 2: a
 * 97-character id used to be cut to 95 and merge with its neighbour). */
static void cell_keys_are_copies_of_any_length(void)
{
    char key[301];
    memset(key, 'x', 300);
    key[299] = '1';
    key[300] = '\0';
    pm_cell c = {0};
    pm_error err = pm_cell_set_key(&c, key, "Groningen");
    key[299] = '2'; /* the cell keeps its own copy */
    CHECK(err == PM_OK && c.key && strlen(c.key) == 300 && c.key[299] == '1' && c.label &&
              strcmp(c.label, "Groningen") == 0,
          "cell_key_of_300_characters_is_kept_whole_as_a_copy");
    err = pm_cell_set_key(&c, "gemeente", "");
    CHECK(err == PM_OK && strcmp(c.key, "gemeente") == 0 && c.label == NULL,
          "cell_set_key_replaces_key_and_label_and_an_empty_label_is_null");
    pm_result r = {0};
    pm_breakdown b = {.ncells = 1, .periode = &c, .cumulatief = &c};
    r.breakdowns = &b;
    r.nbreakdowns = 1;
    CHECK(pm_result_check_keys(&r) == PM_OK, "result_with_every_key_set_passes");
    free(c.key);
    free(c.label);
    c.key = c.label = NULL;
    CHECK(pm_result_check_keys(&r) == PM_ERR_NOMEM,
          "result_with_a_cell_without_key_is_out_of_memory");
}

int main(void)
{
    cell_keys_are_copies_of_any_length();
    wilson_known_values();
    proportion_status_boundaries();
    status_names();
    scores_decided_on_tenths();
    return tap_done();
}
