/* bereik_compute.h — computes the reach (bereik.h) of a computed report
 * from the store; for the top layer, which holds the snapshot. */
#ifndef PM_BEREIK_COMPUTE_H
#define PM_BEREIK_COMPUTE_H

#include "bereik.h"
#include "report.h"

/* Counts the distinct gemeenten and SOB's with at least one request
 * (hulpvragen; withdrawn rows are not in it) received in rep's periode and
 * cumulatief ranges, per regio, inside rep's filter. snap->ctx must be the
 * context of rep's compute (the last one). Allocates rep->bereik (freed by
 * pm_report_free). PM_ERR_DB / PM_ERR_NOMEM with a Dutch reason in msg. */
pm_error pm_bereik_compute(pm_report *rep, pm_snapshot *snap, char *msg, size_t msgsize);

#endif
