/* report.h — computes every registered indicator for one period and
 * peildatum into a plain pm_report (result.h), reading the store through a
 * pm_snapshot: the database side that only the top layer and the
 * indicators see. The report owns all results; the snapshot owns the
 * working-day calendar and the read transaction. */
#ifndef PM_REPORT_H
#define PM_REPORT_H

#include <sqlite3.h>
#include <stdbool.h>

#include "columns.h"
#include "filter.h"
#include "indicator.h"
#include "orgs.h"
#include "result.h"

/* The top layer's view of the store for one command: the connection, its
 * read transaction, and the context the indicators (and the row details,
 * rows.h) read. Zero it, then pm_snapshot_begin. */
typedef struct pm_snapshot {
    sqlite3 *db;
    bool in_transaction; /* BEGIN done, COMMIT in pm_snapshot_end */
    pm_calendar cal;     /* of the last pm_report_compute */
    pm_context ctx;      /* ditto; ctx.cal points at cal */
    pm_orgset filter;    /* ditto, resolved; ctx.filter points at it when active */
    /* The organisations, loaded by the first compute and shared by every
     * run of the command (ctx.orgs points here once has_orgs). */
    pm_org_table orgs;
    bool has_orgs;
    /* The big tables in memory (columns.h), loaded with orgs unless the
     * environment says PIJLERMONITOR_GEEN_KOLOMMEN=1 (for the tests that
     * compare both ways); ctx.cols points here once has_cols. */
    pm_columns cols;
    bool has_cols;
    /* Set by the command when nothing it writes shows a personal breakdown
     * (the dashboard): its reports leave them empty (pm_context
     * no_breakdowns), e.g. R2's 66,666 organisation cells at 1M. */
    bool no_personal;
} pm_snapshot;

/* Opens one read transaction on db for the whole command: everything read
 * until pm_snapshot_end (the figures, the row details, the fingerprint, the
 * warnings) belongs to the same data, even while an import commits. A
 * snapshot only given .db (never begun) reads in autocommit mode, each
 * query on its own: for unit tests. */
pm_error pm_snapshot_begin(pm_snapshot *snap, sqlite3 *db, char *msg, size_t msgsize);

/* Ends the read transaction and frees the calendar; zeroes snap. Safe on a
 * zeroed or failed snapshot, and on NULL. */
void pm_snapshot_end(pm_snapshot *snap);

/* Commits what the command wrote inside its snapshot (a definitive report's
 * record) and ends the transaction; the snapshot is then only freed by
 * pm_snapshot_end. PM_ERR_DB with a Dutch reason in msg on failure. */
pm_error pm_snapshot_commit(pm_snapshot *snap, char *msg, size_t msgsize);

/* Computes all indicators from snap's store into rep. peildatum is the
 * as-of date (normally the period's last day). Target periods (SPEC §3):
 * cumulatief runs from the running target period's start; a range that no
 * single target period holds is grijs with its reason; every target period
 * ended by the peildatum gets an eindstand per indicator, and a range that
 * is a whole ended target period carries its oordeel as status. snap->ctx
 * is then the context of this report (for rows.h; its cfg points into rep,
 * which must not move) until the next compute or pm_snapshot_end. On failure returns the
 * error with a Dutch reason in msg; pm_report_free is safe either way. */
pm_error pm_report_compute(pm_report *rep, pm_snapshot *snap, const pm_config *cfg,
                           const pm_period *period, pm_day peildatum, char *msg,
                           size_t msgsize);

/* pm_report_compute under an organisation filter (SPEC §9; NULL or empty:
 * none): R1-R3 on the filter's organisations (gefilterd), R4-R6 and B
 * unfiltered; scope.filter keeps a copy of *filter (its strings borrowed)
 * and scope.filter_empty says whether it leaves no organisation. The
 * filter is checked before anything is computed (filter.h).
 * An unknown regio, type or organisation is PM_ERR_USAGE with a Dutch
 * message naming the valid values or the closest id. */
pm_error pm_report_compute_filtered(pm_report *rep, pm_snapshot *snap,
                                    const pm_config *cfg, const pm_period *period,
                                    pm_day peildatum, const pm_filter *filter, char *msg,
                                    size_t msgsize);

/* pm_report_compute_filtered for a report whose trend nobody shows: the
 * comparison period's (only its periode is compared), the national report
 * a filtered extern one is held to, the regio x type columns (their
 * figures and breakdowns are read). Everything is computed alike except
 * each trend point's eerder, which is the point itself (herzien false):
 * its runs per earlier quarter were the larger part of such a report. */
pm_error pm_report_compute_reference(pm_report *rep, pm_snapshot *snap,
                                     const pm_config *cfg, const pm_period *period,
                                     pm_day peildatum, const pm_filter *filter, char *msg,
                                     size_t msgsize);

/* pm_report_compute_filtered for an extern report under a filter:
 * pm_disclosure_filter hides every trend point of a filtered indicator
 * (R1-R3), eerder included, so their runs per earlier quarter are skipped
 * (eerder is the point itself); the unfiltered indicators keep theirs. */
pm_error pm_report_compute_extern_filtered(pm_report *rep, pm_snapshot *snap,
                                           const pm_config *cfg, const pm_period *period,
                                           pm_day peildatum, const pm_filter *filter,
                                           char *msg, size_t msgsize);

/* Gives every result of rep its vergelijking from cmp, the report of the
 * comparison period (the whole period v gives, as known on rep's peildatum,
 * with the same filter and audience treatment): cmp's periode figures, the
 * difference, and for proportions Newcombe's interval and significance.
 * Sets rep->scope.vergelijk and vergelijk_period. */
pm_error pm_report_attach_comparison(pm_report *rep, const pm_report *cmp,
                                     pm_vergelijk v);

/* Frees the results and zeroes rep; NULL-safe. */
void pm_report_free(pm_report *rep);

/* The registry: every indicator in report order. Adding an indicator is one
 * new file and one line in registry.c. */
const pm_indicator *const *pm_indicators(size_t *n);

/* The main date field of a dataset ("ontvangen" for hulpvragen), or NULL
 * for a dataset without one (organisaties, specialisten, begroting). */
const char *pm_report_date_field(int kind);

/* Replaces each trend point's eerder (but the last) by the figure of the
 * latest definitive report recorded for that quarter and audience publiek
 * ("intern", "extern"), where one exists, and sets herzien again. Call
 * after pm_report_compute, in the same snapshot. */
pm_error pm_report_use_sent(pm_report *rep, pm_snapshot *snap, const char *publiek,
                            char *msg, size_t msgsize);

#endif
