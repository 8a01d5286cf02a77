/* milestones.h — the milestone rule that R4 and R5 share (SPEC §5): of the
 * milestones of one resultaat planned in the range, the share done on or
 * before their planned date; R4 adds the opdrachtgever mean. In milestones.c. */
#ifndef PM_MILESTONES_H
#define PM_MILESTONES_H

#include "indicator.h"

/* Fills r for resultaat ("R4" or "R5") with target doel; with_mean adds the
 * mean of the opdrachtgever evaluations and its threshold to the status. */
pm_error pm_milestones_compute(const pm_context *ctx, pm_result *r, const char *resultaat,
                               double doel, bool with_mean, char *msg, size_t msgsize);

#endif
