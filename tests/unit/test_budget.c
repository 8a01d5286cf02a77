/* test_budget.c — the rounding that makes the management section's columns
 * add up to B (budget.h, pm_budget_apportion): rounded amounts that sum to
 * the given total, each within a cent of its exact value, and the cent that
 * is left going to the largest fraction. */
#include <math.h>
#include <stdint.h>

#include "budget.h"
#include "tap.h"

static int64_t sum(const int64_t *v, size_t n)
{
    int64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return s;
}

static void apportion_adds_up_to_the_total_where_rounding_each_does_not(void)
{
    /* Three half cents: each rounds up alone (3 cents), the sum is 1,5 →
     * 2 cents. */
    double exact[] = {0.5, 0.5, 0.5};
    int64_t out[3];
    pm_budget_apportion(exact, 3, 2, out);
    CHECK(sum(out, 3) == 2, "three_half_cents_give_two_cents_not_three");
    CHECK(out[0] == 1 && out[1] == 1 && out[2] == 0, "ties_go_to_the_earlier_amounts");
}

static void apportion_gives_the_left_cents_to_the_largest_fractions(void)
{
    double exact[] = {10.2, 20.7, 30.6, 5.5};
    int64_t out[4];
    pm_budget_apportion(exact, 4, 67, out); /* 67.0 exactly */
    CHECK(out[0] == 10 && out[1] == 21 && out[2] == 31 && out[3] == 5,
          "left_cents_go_to_0_7_and_0_6_not_0_5_or_0_2");
    for (size_t i = 0; i < 4; i++)
        if (fabs((double)out[i] - exact[i]) >= 1.0)
            CHECK(0, "every_amount_stays_within_a_cent_of_its_exact_value");
    CHECK(1, "every_amount_stays_within_a_cent_of_its_exact_value");
}

static void apportion_keeps_whole_amounts_and_credits(void)
{
    double exact[] = {1200.0, -350.0, 24.3325 * 4};
    int64_t out[3];
    pm_budget_apportion(exact, 3, 947, out); /* 947.33 → 947 */
    CHECK(out[0] == 1200 && out[1] == -350 && out[2] == 97,
          "whole_amounts_and_a_credit_stay_as_they_are");
    pm_budget_apportion(exact, 0, 0, out);
    CHECK(1, "no_amounts_is_no_work");
}

static void apportion_puts_an_impossible_rest_on_the_first(void)
{
    /* A total that is not the rounded sum (a caller's mistake) still adds
     * up: the rest lands on the first amount rather than vanishing. */
    double exact[] = {1.0, 2.0};
    int64_t out[2];
    pm_budget_apportion(exact, 2, 10, out);
    CHECK(sum(out, 2) == 10, "the_total_is_kept_even_far_from_the_sum");
}

int main(void)
{
    apportion_adds_up_to_the_total_where_rounding_each_does_not();
    apportion_gives_the_left_cents_to_the_largest_fractions();
    apportion_keeps_whole_amounts_and_credits();
    apportion_puts_an_impossible_rest_on_the_first();
    return tap_done();
}
