/* r6.c — placeholder until the module is written: every figure grijs. */
#include "indicator.h"

static pm_error compute(const pm_context *ctx, pm_result *r, char *msg, size_t msgsize)
{
    (void)msg;
    (void)msgsize;
    r->periode.from = ctx->per_from;
    r->periode.to = ctx->per_to;
    r->cumulatief.from = ctx->cum_from;
    r->cumulatief.to = ctx->cum_to;
    return pm_result_alloc_trend(r, ctx);
}

const pm_indicator pm_indicator_r6 = {"R6", compute};
