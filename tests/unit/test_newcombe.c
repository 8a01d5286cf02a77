/* test_newcombe.c — unit tests for pm_newcombe (indicators/indicator.c): the
 * 95% interval of a difference of two proportions, against published values
 * and at the edges (0/n, n/n, n = 0). Prints TAP. */
#include "indicator.h"

#include <math.h>
#include <stdio.h>

#include "tap.h"

/* Newcombe RG (1998), "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Stat Med
 * 17:873-890, Table II, method 10 (score interval without continuity
 * correction), to 4 decimals. The same values are reproduced by R's ratesci
 * (moverci type "wilson": example (d) -0.0381, 0.1926), by the SAS
 * reference values for "newcombe-score" (examples (a), (b), (g)), and all
 * eight by several independent test suites that quote Table II; computed
 * here with z = 1.959964 (pm_wilson) they round to the published ones, as
 * with the paper's z = 1.96. */
static const struct {
    int k1, n1, k2, n2;
    double lo, hi;
    const char *name;
} table2[] = {
    {56, 70, 48, 80, 0.0524, 0.3339, "newcombe_table2_a_56_of_70_minus_48_of_80"},
    {9, 10, 3, 10, 0.1705, 0.8090, "newcombe_table2_b_9_of_10_minus_3_of_10"},
    {6, 7, 2, 7, 0.0582, 0.8062, "newcombe_table2_c_6_of_7_minus_2_of_7"},
    {5, 56, 0, 29, -0.0381, 0.1926, "newcombe_table2_d_5_of_56_minus_0_of_29"},
    {0, 10, 0, 20, -0.1611, 0.2775, "newcombe_table2_e_0_of_10_minus_0_of_20"},
    {0, 10, 0, 10, -0.2775, 0.2775, "newcombe_table2_f_0_of_10_minus_0_of_10"},
    {10, 10, 0, 20, 0.6791, 1.0000, "newcombe_table2_g_10_of_10_minus_0_of_20"},
    {10, 10, 0, 10, 0.6075, 1.0000, "newcombe_table2_h_10_of_10_minus_0_of_10"},
};

/* Published to 4 decimals: the computed bound rounds to it. */
static int same4(double got, double want)
{
    return fabs(got - want) <= 0.00005 + 1e-12;
}

static void test_table2(void)
{
    for (size_t i = 0; i < sizeof table2 / sizeof table2[0]; i++) {
        double lo = 9, hi = 9;
        int ok =
            pm_newcombe(table2[i].k1, table2[i].n1, table2[i].k2, table2[i].n2, &lo, &hi);
        CHECK(ok && same4(lo, table2[i].lo) && same4(hi, table2[i].hi), table2[i].name);
        if (!(ok && same4(lo, table2[i].lo) && same4(hi, table2[i].hi)))
            printf("#   got %.6f .. %.6f, want %.4f .. %.4f\n", lo, hi, table2[i].lo,
                   table2[i].hi);
    }
}

static void test_edges(void)
{
    double lo = 7, hi = 7;
    CHECK(!pm_newcombe(0, 0, 3, 10, &lo, &hi) && lo == 7 && hi == 7,
          "no_interval_when_the_first_noemer_is_zero");
    CHECK(!pm_newcombe(3, 10, 0, 0, &lo, &hi) && lo == 7 && hi == 7,
          "no_interval_when_the_second_noemer_is_zero");
    CHECK(!pm_newcombe(0, 0, 0, 0, &lo, &hi), "no_interval_when_both_noemers_are_zero");
    CHECK(!pm_newcombe(11, 10, 3, 10, &lo, &hi),
          "no_interval_when_a_teller_exceeds_noemer");
    CHECK(!pm_newcombe(-1, 10, 3, 10, &lo, &hi), "no_interval_for_a_negative_teller");

    /* n/n against n/n and 0/n against 0/n: no difference, the interval
     * straddles 0 symmetrically. */
    CHECK(pm_newcombe(10, 10, 10, 10, &lo, &hi) && lo < 0 && hi > 0 &&
              fabs(lo + hi) < 1e-12,
          "all_against_all_straddles_zero_symmetrically");
    CHECK(pm_newcombe(0, 5, 0, 5, &lo, &hi) && lo < 0 && hi > 0 && fabs(lo + hi) < 1e-12,
          "none_against_none_straddles_zero_symmetrically");
    /* 5/5 against 0/5: everything against nothing is clearly a rise, and
     * the upper bound is exactly 1, never a hair above. */
    CHECK(pm_newcombe(5, 5, 0, 5, &lo, &hi) && lo > 0 && hi == 1.0,
          "all_against_none_excludes_zero_and_ends_at_one");
    CHECK(pm_newcombe(0, 5, 5, 5, &lo, &hi) && hi < 0 && lo == -1.0,
          "none_against_all_excludes_zero_and_ends_at_minus_one");
    /* Swapping the two sides mirrors the interval. */
    double lo2, hi2;
    pm_newcombe(56, 70, 48, 80, &lo, &hi);
    pm_newcombe(48, 80, 56, 70, &lo2, &hi2);
    CHECK(fabs(lo + hi2) < 1e-12 && fabs(hi + lo2) < 1e-12,
          "swapping_the_sides_mirrors_the_interval");
    /* The interval holds the observed difference, also for 1 of 1. */
    CHECK(pm_newcombe(1, 1, 0, 1, &lo, &hi) && lo <= 1.0 && hi >= 1.0 && lo > -1.0,
          "one_of_one_against_none_of_one_holds_the_difference");
    /* One observation either way is never a clear change. */
    CHECK(pm_newcombe(1, 1, 0, 1, &lo, &hi) && lo < 0,
          "one_against_one_is_not_significant");
    /* A large sample makes a small difference clear: 9.000/10.000 against
     * 8.800/10.000 (2 procentpunt). */
    CHECK(pm_newcombe(9000, 10000, 8800, 10000, &lo, &hi) && lo > 0 && hi < 0.03,
          "two_points_on_ten_thousand_is_significant");
}

int main(void)
{
    test_table2();
    test_edges();
    return tap_done();
}
