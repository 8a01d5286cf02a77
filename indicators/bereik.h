/* bereik.h — the programme's reach (SPEC §10 "Bereik"): how many distinct
 * gemeenten and SOB's sent at least one request, per regio, in the periode
 * and cumulatief ranges of a report. Plain data for the exporters (no
 * sqlite3.h); computed by the top layer through bereik_compute.h. */
#ifndef PM_BEREIK_H
#define PM_BEREIK_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "result.h"

/* One regio of one range. The counts are organisations, not people; extern
 * hides a count of 1 .. min_cell-1 like a small cell (docs/DESIGN.md,
 * "Bereik"). */
typedef struct pm_bereik_regio {
    const char *regio;     /* pm_regios (static) */
    long gemeenten;        /* distinct gemeenten with a request in the range */
    long gemeenten_totaal; /* gemeenten of this regio in organisaties (the CBS
                              list has no programme regio) */
    long sob;              /* distinct SOB's with a request in the range */
    pm_suppress gemeenten_suppress, sob_suppress; /* extern marks */
} pm_bereik_regio;

typedef struct pm_bereik_range {
    pm_day van, tot; /* the report's periode or cumulatief range */
    long gemeenten;
    long gemeenten_totaal; /* 342: every CBS gemeente */
    long sob;
    long sob_totaal; /* SOB's in organisaties */
    pm_suppress gemeenten_suppress, sob_suppress;
    pm_bereik_regio regio[PM_NREGIOS]; /* in pm_regios order */
    /* The same counts without the filter (equal to the above without one):
     * what the national extern report shows is the most a filtered one may
     * show (SPEC §9). */
    long national_gemeenten[PM_NREGIOS], national_sob[PM_NREGIOS];
} pm_bereik_range;

typedef struct pm_bereik {
    bool gefilterd; /* counted inside the report's organisation filter */
    pm_bereik_range periode, cumulatief;
} pm_bereik;

/* Extern (SPEC §6): marks every regio count of 1 .. min_cell-1 primair,
 * and the smallest others secundair where the total would give a hidden one
 * away (pm_disclosure_table); a total of 1 .. min_cell-1 is hidden too.
 * Under a filter each regio cell is either the national cell or 0: it
 * takes the national cell's mark, and the total is hidden when a cell it
 * adds up is, so a filtered report never shows what the national one
 * hides. */
void pm_bereik_disclose(pm_bereik *b, int min_cell);

/* Whether a count with this mark may be shown. */
static inline bool pm_bereik_visible(pm_suppress s)
{
    return s == PM_SUPPRESS_NONE;
}

/* Frees b's contents (none today) and zeroes it; NULL-safe. */
void pm_bereik_free(pm_bereik *b);

#endif
