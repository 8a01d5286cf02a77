/* export.h — what every exporter shares: the audience and its privacy rule
 * (SPEC §6). intern sees everything; extern sees aggregates only: no
 * personal breakdowns, and breakdown cells from fewer than min_cell
 * observations are shown as "<5" instead of their value, and cells hidden
 * beside them (secondary suppression) as "x". */
#ifndef PM_EXPORT_H
#define PM_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "result.h"

typedef enum pm_audience { PM_EXTERN, PM_INTERN } pm_audience;

/* Parses "intern" or "extern"; false for anything else. */
bool pm_audience_parse(const char *s, pm_audience *out);
const char *pm_audience_name(pm_audience a);

/* Whether a breakdown is shown at all to this audience. */
bool pm_breakdown_visible(const pm_breakdown *b, pm_audience a);

/* Whether a cell's value may be shown (false: show its pm_hidden_mark): always for
 * intern and for breakdowns that do not count people; for extern the marks
 * of pm_disclosure_apply (disclosure.h), primary and secondary alike, and
 * everything computed from a hidden cell is hidden with it. */
bool pm_cell_visible(const pm_breakdown *b, const pm_cell *c, pm_audience a,
                     int min_cell);

/* Whether an indicator's figure may be shown (false: show its mark):
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

/* Why a breakdown cell is not shown: PM_SUPPRESS_NONE where
 * pm_cell_visible, else its mark (primair for a small cell of a table that
 * did not go through pm_disclosure_apply), as the JSON says it. */
pm_suppress pm_cell_hidden(const pm_breakdown *b, const pm_cell *c, pm_audience a,
                           int min_cell);

/* The mark a hidden cell or figure shows instead of its value (SPEC §6),
 * the same in every output: "<5" (min_cell) where it rests on too few
 * observations (primair); "x" where it is hidden so that a small cell
 * elsewhere cannot be worked out (secundair: it may hold 79, so "<5" would
 * be false; x is the CBS sign for "geheim"); "" for PM_SUPPRESS_NONE.
 * Writes into buf (PM_MARK_SIZE bytes are enough); returns buf. */
#define PM_MARK_SIZE 16
#define PM_MARK_SECUNDAIR "x"
char *pm_hidden_mark(pm_suppress s, int min_cell, char *buf, size_t size);

/* The legend line of that mark: "<5 = minder dan 5 waarnemingen, niet
 * getoond", "x = niet getoond, zodat een kleine cel elders niet is af te
 * leiden (secundaire onderdrukking)"; "" for none. An output gives a line
 * only where its mark is on that page, sheet or table (pm_marks).
 * PM_LEGEND_SIZE bytes are enough; returns buf. */
#define PM_LEGEND_SIZE 160
char *pm_hidden_legend(pm_suppress s, int min_cell, char *buf, size_t size);

/* The same, short enough for a chart's legend beside its other entries:
 * "<5 = minder dan 5 waarnemingen", "x = niet getoond, beschermt een kleine
 * cel". */
char *pm_hidden_legend_short(pm_suppress s, int min_cell, char *buf, size_t size);

/* The marks one page, sheet or table shows, so that its legend explains
 * those and no others. Zero it, add every mark written. */
typedef struct pm_marks {
    bool primair, secundair;
} pm_marks;

/* Records s (PM_SUPPRESS_NONE records nothing); returns s. */
pm_suppress pm_marks_add(pm_marks *m, pm_suppress s);

/* A comparison hidden for extern (pm_comparison.suppress): the mark of the
 * comparison period's value (its own mark; when it is shown nationally but
 * hidden with the other side, "x": it is no small figure) and of the
 * difference ("x": computed from a hidden figure, it is no count of
 * anyone). PM_SUPPRESS_NONE when the comparison is shown. */
pm_suppress pm_comparison_value_hidden(const pm_comparison *k);
pm_suppress pm_comparison_verschil_hidden(const pm_comparison *k);

#endif
