/* indicator.h — the one small interface behind which every indicator (R1..R6,
 * B) computes its figures into the plain result types of result.h.
 *
 * Data flows one way: the store → an indicator's compute() → pm_result →
 * exporters. Indicators never format text for users; exporters never run
 * SQL. Ownership: the report (report.h) owns every pm_result and everything
 * inside it; exporters borrow. */
#ifndef PM_INDICATOR_H
#define PM_INDICATOR_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "calendar.h"
#include "config.h"
#include "error.h"
#include "period.h"
#include "result.h"

/* The sum (in tenths) and number of evaluation scores of one organisation or
 * specialist in one range (R2, R3). Means are decided on these integers, so
 * no floating-point rounding can tip a 7.0 below 7 (SPEC §5). */
typedef struct pm_scores {
    int64_t sum_x10;
    long n;
} pm_scores;

/* A mean of at least 7.0: sum_x10 >= 70 × n (false without scores). */
bool pm_scores_satisfied(const pm_scores *s);

/* The figures of a per-organisation or per-specialist cell: teller the sum
 * in points, noemer and n the number of scores, waarde the mean (1..10),
 * none without scores. Key and label are the caller's. */
void pm_cell_from_scores(pm_cell *c, const pm_scores *s);

/* A breakdown: one table of cells for the periode and one for cumulatief,
 * with the same keys in the same order. */
/* What every indicator gets: the store, the configuration, the ranges. */
typedef struct pm_context {
    sqlite3 *db;
    const pm_config *cfg;
    const pm_calendar *cal;
    pm_period period;
    pm_day peildatum;
    pm_day per_from, per_to; /* period start .. min(period end, peildatum) */
    pm_day cum_from, cum_to; /* programme start .. peildatum */
    int q_first, q_last;     /* trend quarters: programme start .. peildatum */
    /* The target period whose targets cfg holds and whose range R6's pace
     * uses: the one holding the periode, else the running one, else the
     * last; and the configuration as loaded (every period's targets). */
    pm_day tp_from, tp_to;
    const pm_config *cfg_loaded;
    /* The organisation filter (filter.h), NULL without one: R1-R3 count
     * only its organisations, in every run of the report (SPEC §9). */
    const struct pm_orgset *filter;
    /* The organisation table, loaded once per snapshot by the report so
     * the many runs of one command (eerder, target periods, filters) share
     * it; NULL: an indicator loads its own (orgs.h, pm_org_table_use). */
    const struct pm_org_table *orgs;
    /* The big tables as rows in memory, indexed in orgs (columns.h),
     * loaded once per snapshot; NULL: the indicators scan the store. */
    const struct pm_columns *cols;
    /* Only the figures of this run are kept (the eerder runs of
     * report.c): an indicator may leave its personal breakdowns empty. */
    bool no_breakdowns;
} pm_context;

typedef struct pm_indicator {
    const char *id;
    /* Fills *out (zeroed by the caller). On failure returns an error and
     * writes a Dutch reason to msg; the caller frees *out either way. */
    pm_error (*compute)(const pm_context *ctx, pm_result *out, char *msg, size_t msgsize);
} pm_indicator;

/* ---- helpers shared by the indicator modules (indicator.c) ------------ */

/* The Wilson score interval for k successes out of n at 95%. n > 0. */
void pm_wilson(double k, double n, double *lo, double *hi);

/* Newcombe's hybrid score interval (Newcombe 1998, Stat Med 17:873-890,
 * method 10) at 95% for the difference p1 - p2 of two independent
 * proportions k1/n1 and k2/n2, from their Wilson intervals:
 *   lo = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)
 *   hi = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 * False (lo and hi untouched) when either n is 0 or a count is outside
 * 0..n: there is no proportion, so no interval. */
bool pm_newcombe(double k1, double n1, double k2, double n2, double *lo, double *hi);

/* Sets waarde and the Wilson interval from teller and noemer, and the
 * status by SPEC §5's proportion rule: grijs when noemer < min_n, groen when
 * waarde >= doel, oranje when the upper bound >= doel, else rood. */
void pm_figures_proportion(pm_figures *f, double doel, int min_n);

/* Sets a cell's key and label (label NULL or "" for none) as heap copies the
 * result owns, replacing earlier ones. PM_ERR_NOMEM leaves both NULL; the
 * report finds such a cell afterwards (pm_result_check_keys), so helpers
 * without an error return may ignore it. */
pm_error pm_cell_set_key(pm_cell *c, const char *key, const char *label);

/* PM_ERR_NOMEM when a cell of r has no key (a failed pm_cell_set_key). */
pm_error pm_result_check_keys(const pm_result *r);

/* The verdict on figures f of indicator id over a whole target period with
 * targets t (SPEC §3): R1, R2 waarde >= doel; R3 actief and share; R4, R5
 * every milestone on time (R4: and the mean, unless with_mean is false);
 * R6 aantal >= doel; B realisatie <= begroting. geen gegevens on noemer 0. */
pm_oordeel pm_figures_oordeel(const char *id, const pm_figures *f, const pm_targets *t,
                              bool with_mean);

/* The status a verdict gives (groen, rood, grijs). */
pm_status pm_oordeel_status(pm_oordeel o);

/* Fills a breakdown cell with key and the teller, noemer, waarde and
 * interval of f; n is the number of observations behind it. */
void pm_cell_from_figures(pm_cell *c, const char *key, const pm_figures *f, long n);

/* Starts an indicator's result: sets doel, the periode and cumulatief
 * ranges from ctx, and allocates the trend with each quarter's range. */
pm_error pm_result_begin(pm_result *r, const pm_context *ctx, double doel);

/* The earliest day of either range: the periode may start before the
 * programme does. Where an indicator's scan of the store begins. */
pm_day pm_scan_from(const pm_context *ctx);

/* Allocates the breakdowns array of r; pm_result_free (result.h) frees. */
pm_error pm_result_alloc_breakdowns(pm_result *r, size_t n);
pm_error pm_breakdown_alloc(pm_breakdown *b, const char *key, bool personal,
                            bool counts_people, size_t ncells);

/* The quarter of each trend point is ctx->q_first + index; its range. */
void pm_trend_range(const pm_context *ctx, int quarter, pm_day *from, pm_day *to);

/* A prepared statement or a Dutch failure message; the SQL is one of the
 * module's own constants, values always bound. */
pm_error pm_prepare(const pm_context *ctx, const char *sql, sqlite3_stmt **st, char *msg,
                    size_t msgsize);

/* Writes the Dutch reason for the last SQLite failure on ctx->db to msg and
 * returns PM_ERR_DB; for a failed sqlite3_step. */
pm_error pm_sql_error(const pm_context *ctx, char *msg, size_t msgsize);

#endif
