/* test_disclosure.c — secondary suppression on hand-made tables (SPEC §6,
 * issue 11 point 9): which cells pm_disclosure_table hides, and why. */
#include <stdio.h>

#include "disclosure.h"
#include "export.h"
#include "tap.h"

#define M 5 /* min_cell */

/* The keys of the hand-made cells (a result owns heap keys; these cells
 * live on the stack and borrow static ones). */
static char letters[26][2];
static char noord_west[] = "Noord-West", midden[] = "Midden";

/* A table of `n` cells "a", "b", ...: teller t[i] of noemer n[i]. */
static void table(pm_cell *c, size_t k, const long *t, const long *n)
{
    for (size_t i = 0; i < k; i++) {
        memset(&c[i], 0, sizeof c[i]);
        letters[i][0] = (char)('a' + i);
        c[i].key = letters[i];
        c[i].teller = (double)t[i];
        c[i].noemer = (double)n[i];
        c[i].n = n[i];
    }
}

static int count(const pm_cell *c, size_t k, pm_suppress s)
{
    int r = 0;
    for (size_t i = 0; i < k; i++)
        r += c[i].suppress == s;
    return r;
}

static void one_hidden_cell_gets_a_secondary(void)
{
    /* b (3 of 4) is the only small cell: from the total it would follow. */
    long t[] = {17, 3, 8}, n[] = {23, 4, 9};
    pm_cell c[3];
    table(c, 3, t, n);
    pm_disclosure_table(c, 3, PM_TABLE_RATE, M);
    CHECK(c[1].suppress == PM_SUPPRESS_PRIMAIR, "cell_of_4_is_primary");
    CHECK(c[2].suppress == PM_SUPPRESS_SECUNDAIR && c[0].suppress == PM_SUPPRESS_NONE,
          "smallest_other_cell_9_is_secondary_not_23");
}

static void two_cells_forced_to_1_get_a_third(void)
{
    /* a and b hold 1 each: two hidden cells summing to 2 are both 1. */
    long t[] = {1, 0, 6, 20, 9}, n[] = {1, 1, 8, 25, 12};
    pm_cell c[5];
    table(c, 5, t, n);
    pm_disclosure_table(c, 5, PM_TABLE_RATE, M);
    CHECK(count(c, 5, PM_SUPPRESS_PRIMAIR) == 2, "two_cells_of_1_are_primary");
    CHECK(c[2].suppress == PM_SUPPRESS_SECUNDAIR, "cell_of_8_is_secondary");
    CHECK(count(c, 5, PM_SUPPRESS_SECUNDAIR) == 1, "one_secondary_is_enough");
}

static void four_of_four_forces_the_proportion(void)
{
    /* a 3 of 3 and b 1 of 1: together 4 of 4, so both known to be 100%
     * although their counts are not (3+1 or 2+2 or 1+3). The smallest
     * cell that is not at 100% (c, 5 of 6) makes it safe; d (5 of 5)
     * would not. */
    long t[] = {3, 1, 5, 5, 10}, n[] = {3, 1, 6, 5, 14};
    pm_cell c[5];
    table(c, 5, t, n);
    pm_disclosure_table(c, 5, PM_TABLE_RATE, M);
    CHECK(c[0].suppress == PM_SUPPRESS_PRIMAIR && c[1].suppress == PM_SUPPRESS_PRIMAIR,
          "cells_of_3_and_1_are_primary");
    CHECK(c[2].suppress == PM_SUPPRESS_SECUNDAIR && c[3].suppress == PM_SUPPRESS_NONE,
          "proportion_forced_to_100_hides_5_of_6_not_5_of_5");
}

static void total_13_of_13_needs_no_secondary_for_the_proportion(void)
{
    /* Every cell of a 13-of-13 total is 100%: the total says so, not the
     * breakdown. Counts: a and b (2 and 2) can be 1+3, 2+2, 3+1. */
    long t[] = {2, 2, 9}, n[] = {2, 2, 9};
    pm_cell c[3];
    table(c, 3, t, n);
    pm_disclosure_table(c, 3, PM_TABLE_RATE, M);
    CHECK(count(c, 3, PM_SUPPRESS_PRIMAIR) == 2 && c[2].suppress == PM_SUPPRESS_NONE,
          "13_of_13_two_small_cells_hidden_no_secondary");
}

static void empty_category_is_shown_as_0(void)
{
    /* c is empty: shown as 0 (it discloses nobody) and never a secondary;
     * a secondary is taken from the non-empty cells. */
    long t[] = {1, 7, 0}, n[] = {2, 8, 0};
    pm_cell c[3];
    table(c, 3, t, n);
    pm_disclosure_table(c, 3, PM_TABLE_RATE, M);
    CHECK(c[2].suppress == PM_SUPPRESS_NONE, "empty_category_is_not_suppressed");
    CHECK(c[0].suppress == PM_SUPPRESS_PRIMAIR && c[1].suppress == PM_SUPPRESS_SECUNDAIR,
          "empty_category_is_never_the_secondary");
}

static void nothing_small_nothing_hidden(void)
{
    long t[] = {5, 6, 7}, n[] = {5, 8, 9};
    pm_cell c[3];
    table(c, 3, t, n);
    pm_disclosure_table(c, 3, PM_TABLE_RATE, M);
    CHECK(count(c, 3, PM_SUPPRESS_NONE) == 3,
          "a_table_without_small_cells_hides_nothing");
}

static void tellers_all_forced_to_0_get_a_secondary(void)
{
    /* a 0 of 2 and b 0 of 3: the visible cells hold every satisfied one of
     * the total, so both hidden cells would be known at 0%. */
    long t[] = {0, 0, 5, 6}, n[] = {2, 3, 5, 7};
    pm_cell c[4];
    table(c, 4, t, n);
    pm_disclosure_table(c, 4, PM_TABLE_RATE, M);
    CHECK(count(c, 4, PM_SUPPRESS_SECUNDAIR) == 1, "tellers_forced_to_0_add_a_secondary");
}

static void ties_go_by_key(void)
{
    /* b and c both 6: the secondary is b, the first key. */
    long t[] = {2, 5, 5}, n[] = {3, 6, 6};
    pm_cell c[3];
    table(c, 3, t, n);
    c[1].key = noord_west;
    c[2].key = midden;
    pm_disclosure_table(c, 3, PM_TABLE_RATE, M);
    CHECK(c[2].suppress == PM_SUPPRESS_SECUNDAIR && c[1].suppress == PM_SUPPRESS_NONE,
          "equal_cells_the_first_key_Midden_is_secondary");
}

static void counts_one_small_cell(void)
{
    /* A distribution: 3 + 20 + 30 = 53 (the total is published). */
    long t[] = {3, 20, 30}, n[] = {3, 20, 30};
    pm_cell c[3];
    table(c, 3, t, n);
    pm_disclosure_table(c, 3, PM_TABLE_COUNT, M);
    CHECK(c[0].suppress == PM_SUPPRESS_PRIMAIR &&
              c[1].suppress == PM_SUPPRESS_SECUNDAIR && c[2].suppress == PM_SUPPRESS_NONE,
          "count_table_one_small_cell_and_the_next_smallest");
}

static void names(void)
{
    CHECK_STR(pm_suppress_name(PM_SUPPRESS_PRIMAIR), "primair", "name_primair");
    CHECK_STR(pm_suppress_name(PM_SUPPRESS_SECUNDAIR), "secundair", "name_secundair");
    CHECK(pm_suppress_name(PM_SUPPRESS_NONE) == NULL, "no_name_for_a_shown_cell");
}

int main(void)
{
    one_hidden_cell_gets_a_secondary();
    two_cells_forced_to_1_get_a_third();
    four_of_four_forces_the_proportion();
    total_13_of_13_needs_no_secondary_for_the_proportion();
    empty_category_is_shown_as_0();
    nothing_small_nothing_hidden();
    tellers_all_forced_to_0_get_a_secondary();
    ties_go_by_key();
    counts_one_small_cell();
    names();
    return tap_done();
}
