/* export.h — what every exporter shares: the audience and its privacy rule
 * (SPEC §6). intern sees everything; extern sees aggregates only: no
 * personal breakdowns, and breakdown cells from fewer than min_cell
 * observations are shown as "<5" instead of their value. */
#ifndef PM_EXPORT_H
#define PM_EXPORT_H

#include <stdbool.h>

#include "result.h"

typedef enum pm_audience { PM_EXTERN, PM_INTERN } pm_audience;

/* Parses "intern" or "extern"; false for anything else. */
bool pm_audience_parse(const char *s, pm_audience *out);
const char *pm_audience_name(pm_audience a);

/* Whether a breakdown is shown at all to this audience. */
bool pm_breakdown_visible(const pm_breakdown *b, pm_audience a);

/* Whether a cell's value may be shown (false: show "<min_cell"): always for
 * intern and for breakdowns that do not count people; for extern the marks
 * of pm_disclosure_apply (disclosure.h), primary and secondary alike, and
 * everything computed from a hidden cell is hidden with it. */
bool pm_cell_visible(const pm_breakdown *b, const pm_cell *c, pm_audience a,
                     int min_cell);

/* Whether an indicator's figure may be shown (false: show "<min_cell"):
 * false only where pm_disclosure_filter hid an extern filtered figure
 * (SPEC §9), which also emptied it; intern figures are never marked.
 * Everything computed from a hidden figure goes with it: its percentage,
 * interval, status, verdict, sparkline point and difference. */
bool pm_figures_visible(const pm_figures *f);

/* The sentence the workbook's and the PDF's notes give for extern. */
#define PM_SECONDARY_NOTE                                                                \
    "Om te voorkomen dat een verborgen cel uit de andere cellen is af te leiden, is "    \
    "ook de kleinste andere cel verborgen (secundaire onderdrukking)."

/* What an extern report says for a mean on too few evaluations or
 * organisations (SPEC §6). */
#define PM_MEAN_HIDDEN "te weinig evaluaties"

/* Whether any breakdown of r has a secondary-suppressed cell (extern). */
bool pm_result_has_secondary(const pm_result *r);

/* "primair", "secundair", or NULL for PM_SUPPRESS_NONE: the JSON value. */
const char *pm_suppress_name(pm_suppress s);

#endif
