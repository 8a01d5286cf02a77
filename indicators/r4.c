/* r4.c — R4 "rapportage en monitoring" (SPEC §5): the milestones of R4 due in
 * the range done on time, and the mean score of the opdrachtgever. The rule
 * is shared with R5: milestones.c does the work. */
#include "milestones.h"

static pm_error compute(const pm_context *ctx, pm_result *r, char *msg, size_t msgsize)
{
    return pm_milestones_compute(ctx, r, "R4", ctx->cfg->doel_r4, true, msg, msgsize);
}

const pm_indicator pm_indicator_r4 = {"R4", compute};
