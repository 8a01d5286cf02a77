/* r5.c — R5 "website" (SPEC §5): of the R5 milestones due in the range, the
 * share done on or before their planned date. The rule is R4's without the
 * opdrachtgever mean, so the work is done by milestones.c. */
#include "milestones.h"

static pm_error compute(const pm_context *ctx, pm_result *r, char *msg, size_t msgsize)
{
    return pm_milestones_compute(ctx, r, "R5", ctx->cfg->doel_r5, false, msg, msgsize);
}

const pm_indicator pm_indicator_r5 = {"R5", compute};
