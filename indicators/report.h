/* report.h — computes every registered indicator for one period and
 * peildatum, inside one read transaction so the figures are one consistent
 * snapshot even while an import runs. The report owns all results. */
#ifndef PM_REPORT_H
#define PM_REPORT_H

#include "indicator.h"

typedef struct pm_report {
    pm_context ctx;
    pm_calendar cal;
    pm_result *results; /* in registry order */
    size_t nresults;
    long long rows[16]; /* rows per dataset (pm_kind order), for the sources */
    /* How far the data reach (SPEC §5): per dataset (pm_kind order) the
     * latest date in its main date field over all stored rows; has_tot is
     * false for a dataset without a date field or without dated rows. */
    bool has_tot[16];
    pm_day gegevens_tot[16];
    bool in_transaction; /* the read snapshot is open until pm_report_free */
} pm_report;

/* Computes all indicators. peildatum is the as-of date (normally the
 * period's last day). The read transaction stays open until
 * pm_report_free, so anything read from db in between (rows.h) belongs to
 * the same snapshot. On failure returns the error with a Dutch reason in
 * msg; pm_report_free is safe either way. */
pm_error pm_report_compute(pm_report *rep, sqlite3 *db, const pm_config *cfg,
                           const pm_period *period, pm_day peildatum, char *msg,
                           size_t msgsize);

void pm_report_free(pm_report *rep);

/* The main date field of a dataset ("ontvangen" for hulpvragen), or NULL
 * for a dataset without one (organisaties, specialisten, begroting). */
const char *pm_report_date_field(int kind);

/* Replaces each trend point's eerder (but the last) by the figure of the
 * latest definitive report recorded for that quarter and audience publiek
 * ("intern", "extern"), where one exists, and sets herzien again. Call
 * after pm_report_compute, before pm_report_free (it reads the store in
 * the report's snapshot). */
pm_error pm_report_use_sent(pm_report *rep, const char *publiek, char *msg,
                            size_t msgsize);

/* The result with this id ("R1"), or NULL. */
const pm_result *pm_report_find(const pm_report *rep, const char *id);

/* The registry: every indicator in report order. Adding an indicator is one
 * new file and one line in registry.c. */
const pm_indicator *const *pm_indicators(size_t *n);

#endif
