/* test_chart_axis.c — unit tests for exporters/chart_axis.c: nice tick steps
 * (1, 2 or 5 times a power of ten) and the Dutch labels on them. Prints TAP. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "tap.h"

static int same(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

static int ticks_are(const pm_ticks *t, double min, double max, double step, int count)
{
    int ok = same(t->min, min) && same(t->max, max) && same(t->step, step) &&
             t->count == count;
    if (!ok)
        printf("#   got %g..%g step %g count %d, want %g..%g step %g count %d\n", t->min,
               t->max, t->step, t->count, min, max, step, count);
    return ok;
}

/* The labels of every tick of t, joined by '|'. */
static const char *labels(const pm_ticks *t, pm_value_format f, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < t->count && used + 1 < size; i++) {
        char b[64];
        pm_axis_format(t->min + i * t->step, f, t->decimals, b, sizeof b);
        int n = snprintf(out + used, size - used, "%s%s", i ? "|" : "", b);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    return out;
}

static void nice_steps(void)
{
    pm_ticks t;
    char b[256];

    /* 0..100% in 5: steps of 20%. */
    pm_axis_ticks(0, 1, 5, PM_FMT_PERCENT, &t);
    CHECK(ticks_are(&t, 0, 1, 0.2, 6) && t.decimals == 0,
          "percent_0_to_1_in_5_steps_of_20_percent");
    CHECK_STR(labels(&t, PM_FMT_PERCENT, b, sizeof b), "0%|20%|40%|60%|80%|100%",
              "percent_axis_labels_are_whole_percentages");
    /* 90% needs the axis to 100%: 0.9 / 5 = 0.18, rounded up to 0.2. */
    pm_axis_ticks(0, 0.9, 5, PM_FMT_PERCENT, &t);
    CHECK(ticks_are(&t, 0, 1, 0.2, 6), "percent_0_to_90_ends_at_100");
    /* 7%: 0.014 a step, rounded up to 0.02; 4 steps reach 8%. */
    pm_axis_ticks(0, 0.07, 5, PM_FMT_PERCENT, &t);
    CHECK(ticks_are(&t, 0, 0.08, 0.02, 5), "percent_0_to_7_in_steps_of_2_percent");
    CHECK_STR(labels(&t, PM_FMT_PERCENT, b, sizeof b), "0%|2%|4%|6%|8%",
              "small_percent_axis_labels");
    /* 0,7%: a step of 0,2% needs one decimal. */
    pm_axis_ticks(0, 0.007, 5, PM_FMT_PERCENT, &t);
    CHECK(ticks_are(&t, 0, 0.008, 0.002, 5) && t.decimals == 1,
          "percent_below_1_gets_one_decimal");
    CHECK_STR(labels(&t, PM_FMT_PERCENT, b, sizeof b), "0,0%|0,2%|0,4%|0,6%|0,8%",
              "percent_axis_with_decimal_comma");

    /* 0..7: 1.4 a step, rounded up to 2. */
    pm_axis_ticks(0, 7, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, 0, 8, 2, 5), "number_0_to_7_in_steps_of_2");
    /* 0..0,3: steps of 0,1 with one decimal. */
    pm_axis_ticks(0, 0.3, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, 0, 0.3, 0.1, 4) && t.decimals == 1,
          "number_0_to_0_3_in_steps_of_0_1");
    CHECK_STR(labels(&t, PM_FMT_NUMBER, b, sizeof b), "0,0|0,1|0,2|0,3",
              "decimal_axis_labels_use_a_comma");
    /* 0..0,04: 0.008 rounds up to 0.01, two decimals. */
    pm_axis_ticks(0, 0.04, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, 0, 0.04, 0.01, 5) && t.decimals == 2,
          "number_steps_of_0_01_need_two_decimals");
}

static void ranges_with_zero(void)
{
    pm_ticks t;
    char b[256];
    /* -3..7: 10 / 5 = 2, but -4..8 in steps of 2 is 6 intervals, more than
     * the 5 promised; steps of 5 give -5..10 in 3, and 0 is a tick. */
    pm_axis_ticks(-3, 7, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, -5, 10, 5, 4), "range_across_zero_is_widened_to_whole_steps");
    CHECK_STR(labels(&t, PM_FMT_NUMBER, b, sizeof b), "-5|0|5|10",
              "range_across_zero_has_a_tick_at_0");
    /* One positive value: bars grow from 0, so 0..5. */
    pm_axis_ticks(5, 5, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, 0, 5, 1, 6), "single_positive_value_axis_starts_at_0");
    /* One negative value: -5..0, and the 0 is not "-0". */
    pm_axis_ticks(-5, -5, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, -5, 0, 1, 6), "single_negative_value_axis_ends_at_0");
    CHECK_STR(labels(&t, PM_FMT_NUMBER, b, sizeof b), "-5|-4|-3|-2|-1|0",
              "negative_axis_top_label_is_0_without_sign");
    /* No value at all: 0..1. */
    pm_axis_ticks(0, 0, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, 0, 1, 0.2, 6) && t.decimals == 1, "all_zero_axis_is_0_to_1");
    /* hi below lo is treated as the single value hi. */
    pm_axis_ticks(9, 4, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, 0, 4, 1, 5), "reversed_range_takes_hi_as_the_value");
}

static void counts_and_euros(void)
{
    pm_ticks t;
    char b[256];
    /* A count of 3 would fill the plot; the axis reaches 5. */
    pm_axis_ticks(0, 3, 5, PM_FMT_COUNT, &t);
    CHECK(ticks_are(&t, 0, 5, 1, 6), "count_axis_reaches_at_least_5");
    pm_axis_ticks(0, 0, 5, PM_FMT_COUNT, &t);
    CHECK(ticks_are(&t, 0, 5, 1, 6), "empty_count_axis_is_0_to_5");
    /* 0..5 in 10: 0,5 a step, but half a product does not exist. */
    pm_axis_ticks(0, 5, 10, PM_FMT_COUNT, &t);
    CHECK(ticks_are(&t, 0, 5, 1, 6) && t.decimals == 0, "count_step_is_never_below_1");
    pm_axis_ticks(0, 23, 4, PM_FMT_COUNT, &t);
    CHECK(ticks_are(&t, 0, 30, 10, 4), "count_0_to_23_in_steps_of_10");

    pm_axis_ticks(0, 1234567, 5, PM_FMT_EURO, &t);
    CHECK(ticks_are(&t, 0, 1500000, 500000, 4), "euro_1_2_million_in_steps_of_500000");
    CHECK_STR(labels(&t, PM_FMT_EURO, b, sizeof b),
              "€ 0|€ 500.000|€ 1.000.000|€ 1.500.000",
              "euro_axis_labels_are_whole_grouped_euros");
    pm_axis_ticks(0, 0.004, 5, PM_FMT_EURO, &t);
    CHECK(ticks_are(&t, 0, 1, 1, 2), "euro_step_is_never_below_one_euro");
}

static void huge_values(void)
{
    pm_ticks t;
    char b[64];
    pm_axis_ticks(0, 1e12, 5, PM_FMT_EURO, &t);
    CHECK(ticks_are(&t, 0, 1e12, 2e11, 6), "euro_a_trillion_in_steps_of_200_billion");
    CHECK_STR(pm_axis_format(t.max, PM_FMT_EURO, t.decimals, b, sizeof b),
              "€ 1.000.000.000.000", "a_trillion_euro_label_is_grouped");
    pm_axis_ticks(0, 3e15, 5, PM_FMT_NUMBER, &t);
    CHECK(ticks_are(&t, 0, 3e15, 1e15, 4) && t.decimals == 0,
          "number_3e15_in_steps_of_1e15");
    CHECK_STR(pm_axis_format(t.max, PM_FMT_NUMBER, t.decimals, b, sizeof b),
              "3.000.000.000.000.000", "huge_number_label_is_grouped");
    /* 1 million requests: steps of 200.000. */
    pm_axis_ticks(0, 1000000, 5, PM_FMT_COUNT, &t);
    CHECK(ticks_are(&t, 0, 1000000, 200000, 6), "a_million_in_steps_of_200000");
}

static void max_ticks_edge(void)
{
    pm_ticks t;
    /* max_ticks below 1 is taken as 1: 12 in one step, rounded up to 20. */
    pm_axis_ticks(0, 12, 0, PM_FMT_COUNT, &t);
    CHECK(ticks_are(&t, 0, 20, 20, 2), "max_ticks_0_is_taken_as_1");
    pm_axis_ticks(0, 12, -3, PM_FMT_COUNT, &t);
    CHECK(ticks_are(&t, 0, 20, 20, 2), "negative_max_ticks_is_taken_as_1");
    /* The header promises at most max_ticks intervals; a range that does
     * not start on a step gets one more: 1..9 in 4 is 0..10 in steps of 2. */
    pm_axis_ticks(1, 9, 4, PM_FMT_NUMBER, &t);
    CHECK(t.count - 1 <= 4, "range_1_to_9_in_at_most_4_intervals");
}

/* For axes from 0 (every bar chart) the rules hold over a sweep of values:
 * the step is 1, 2 or 5 times a power of ten, the ticks cover the range,
 * min and max are multiples of the step, and there are at most max_ticks
 * intervals. */
static void invariants_from_zero(void)
{
    int nice = 1, covers = 1, multiples = 1, few = 1, counted = 1;
    static const pm_value_format fmts[] = {PM_FMT_NUMBER, PM_FMT_PERCENT, PM_FMT_EURO};
    for (size_t f = 0; f < 3; f++) {
        for (int e = -3; e <= 9; e++) {
            for (int m = 1; m <= 99; m++) {
                double hi = m * pow(10.0, e);
                for (int mt = 1; mt <= 8; mt++) {
                    pm_ticks t;
                    pm_axis_ticks(0, hi, mt, fmts[f], &t);
                    double p = pow(10.0, floor(log10(t.step) + 1e-9));
                    double n = t.step / p;
                    nice &= same(n, 1) || same(n, 2) || same(n, 5);
                    covers &= t.min <= 0 && t.max >= hi * (1 - 1e-12);
                    multiples &=
                        same(t.max / t.step, round(t.max / t.step)) && t.min == 0;
                    few &= t.count - 1 <= mt;
                    counted &= t.count == (int)llround((t.max - t.min) / t.step) + 1;
                }
            }
        }
    }
    CHECK(nice, "every_step_is_1_2_or_5_times_a_power_of_ten");
    CHECK(covers, "the_ticks_cover_the_range");
    CHECK(multiples, "min_and_max_are_multiples_of_the_step");
    CHECK(few, "an_axis_from_0_has_at_most_max_ticks_intervals");
    CHECK(counted, "count_is_the_number_of_ticks_from_min_to_max");
}

static void formats(void)
{
    char b[64];
    CHECK_STR(pm_axis_format(0.875, PM_FMT_PERCENT, 1, b, sizeof b), "87,5%",
              "axis_percent_with_one_decimal");
    CHECK_STR(pm_axis_format(1234.4, PM_FMT_NUMBER, 0, b, sizeof b), "1.234",
              "axis_number_without_decimals_is_grouped");
    CHECK_STR(pm_axis_format(7.5, PM_FMT_NUMBER, 1, b, sizeof b), "7,5",
              "axis_score_with_a_decimal_comma");
    CHECK_STR(pm_axis_format(2.6, PM_FMT_COUNT, 0, b, sizeof b), "3",
              "axis_count_is_rounded_to_whole");
    CHECK_STR(pm_axis_format(12345.5, PM_FMT_EURO, 0, b, sizeof b), "€ 12.346",
              "axis_euro_rounds_half_away_from_zero");
    CHECK_STR(pm_axis_format(-2500000, PM_FMT_EURO, 0, b, sizeof b), "-€ 2.500.000",
              "axis_negative_euro");
}

int main(void)
{
    nice_steps();
    ranges_with_zero();
    counts_and_euros();
    huge_values();
    max_ticks_edge();
    invariants_from_zero();
    formats();
    return tap_done();
}
