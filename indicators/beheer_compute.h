/* beheer_compute.h — computes the written report's data from the store:
 * the budget per post (posts.h, both audiences) and the management section
 * (beheer.h, intern only). Called by the top layer after pm_report_compute,
 * in the same snapshot. */
#ifndef PM_BEHEER_COMPUTE_H
#define PM_BEHEER_COMPUTE_H

#include "beheer.h"
#include "posts.h"
#include "report.h"

/* The budget per post for the year of rep's peildatum (posts.h), as B
 * computes its year: from max(1 January, programme start) through the
 * peildatum, extrapolated to min(31 December, end of the last target
 * period). The totals are B's jaarbegroting and prognose exactly; each
 * post's share of them is rounded by largest remainder so the posts add up
 * to the total. rep must hold B. On failure a Dutch reason in msg;
 * pm_posts_free is safe either way. */
pm_error pm_posts_compute(pm_posts *out, pm_snapshot *snap, const pm_report *rep,
                          char *msg, size_t msgsize);

/* The management section for rep's ranges: team, open requests,
 * milestones. For intern reports only. Errors as pm_posts_compute;
 * pm_beheer_free is safe either way. */
pm_error pm_beheer_compute(pm_beheer *out, pm_snapshot *snap, const pm_report *rep,
                           char *msg, size_t msgsize);

#endif
