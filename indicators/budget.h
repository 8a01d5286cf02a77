/* budget.h — the begroting as B reads it (SPEC §5), shared by B (b.c) and
 * the budget per post (posts.c): each line spread over the quarters of its
 * year, and the amount of any range of days, of one post or of all. */
#ifndef PM_BUDGET_H
#define PM_BUDGET_H

#include <stdbool.h>
#include <stdint.h>

#include "indicator.h"

/* The posts of the begroting, in the order of B's breakdown; inhuur first
 * because inzet is its realisatie. */
#define PM_BUDGET_NPOST 6
#define PM_BUDGET_INHUUR 0
extern const char *const pm_budget_posts[PM_BUDGET_NPOST];

/* The index of post s in pm_budget_posts, or -1. */
int pm_budget_post_index(const char *s);

/* The begroting table covers the years the store accepts (CHECK jaar
 * BETWEEN 2000 AND 2100); quarters outside it have no begroting. */
#define PM_BUDGET_FIRST_YEAR 2000
#define PM_BUDGET_NQUARTERS (101 * 4)

typedef struct pm_budget {
    /* Amount of each quarter and post in twelfths of a cent: a quarter
     * line adds 12 × its cents, a whole-year line 12 / k × its cents to
     * each of the k quarters of its year inside the programme (k is 1..4,
     * so the split is exact), or 3 × to each quarter when none is. */
    int64_t q12[PM_BUDGET_NQUARTERS][PM_BUDGET_NPOST];
} pm_budget;

/* Reads every begroting line into b (zeroed by the caller; large: calloc
 * it). PM_ERR_DB with a Dutch reason in msg. */
pm_error pm_budget_load(const pm_context *ctx, pm_budget *b, char *msg, size_t msgsize);

/* The begroting of [from, to] in cents, unrounded, of one post or of all
 * (post < 0): each quarter's amount × the days of the quarter inside the
 * range ÷ the days of the quarter. *touched is set when a line with an
 * amount > 0 falls in the range. An empty range (from > to) has none. */
double pm_budget_range(const pm_budget *b, int post, pm_day from, pm_day to,
                       bool *touched);

/* Rounds the n amounts exact[] (cents, unrounded) to whole cents out[] that
 * add up to total exactly (largest remainder: every amount rounded down,
 * then the cents that are left go, one each, to the largest fractions;
 * ties to the earlier one). total is normally the rounded sum, which a
 * reader sees in the totals row; it must lie within n cents above the sum
 * of the rounded-down amounts, else the rest goes to out[0]. */
void pm_budget_apportion(const double *exact, size_t n, int64_t total, int64_t *out);

#endif
