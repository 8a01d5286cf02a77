/* report.h — computes every registered indicator for one period and
 * peildatum, inside one read transaction so the figures are one consistent
 * snapshot even while an import runs. The report owns all results. */
#ifndef PM_REPORT_H
#define PM_REPORT_H

#include "indicator.h"

typedef struct pm_report {
    pm_context ctx;
    /* The configuration the indicators judged against: the loaded one with
     * the targets of ctx's target period in its flat fields; ctx.cfg points
     * here. Shares closed_days and vervolg with the loaded one. */
    pm_config cfg_judged;
    int running; /* the target period holding the peildatum, or -1 */
    pm_calendar cal;
    pm_result *results; /* in registry order */
    size_t nresults;
    long long rows[16];  /* rows per dataset (pm_kind order), for the sources */
    bool in_transaction; /* the read snapshot is open until pm_report_free */
} pm_report;

/* Computes all indicators. peildatum is the as-of date (normally the
 * period's last day). Target periods (SPEC §3): cumulatief runs from the
 * running target period's start; a range that no single target period
 * holds is grijs with its reason; every target period ended by the
 * peildatum gets an eindstand per indicator, and a range that is a whole
 * ended target period carries its oordeel as status. The read transaction stays open
 * until pm_report_free, so anything read from db in between (rows.h) belongs to the same
 * snapshot. On failure returns the error with a Dutch reason in msg; pm_report_free is
 * safe either way. */
pm_error pm_report_compute(pm_report *rep, sqlite3 *db, const pm_config *cfg,
                           const pm_period *period, pm_day peildatum, char *msg,
                           size_t msgsize);

void pm_report_free(pm_report *rep);

/* The result with this id ("R1"), or NULL. */
const pm_result *pm_report_find(const pm_report *rep, const char *id);

/* The registry: every indicator in report order. Adding an indicator is one
 * new file and one line in registry.c. */
const pm_indicator *const *pm_indicators(size_t *n);

#endif
