/* indicator.h — the one small interface behind which every indicator (R1..R6,
 * B) computes its figures, and the result structure the exporters read.
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

typedef enum pm_status {
    PM_GRIJS, /* too few observations, or nothing due yet */
    PM_GROEN,
    PM_ORANJE,
    PM_ROOD
} pm_status;

/* "grijs", "groen", "oranje", "rood": the JSON and CSV value of a status. */
const char *pm_status_name(pm_status s);

/* Why a status is what it is (SPEC §5 "reden"). Indicators and the report
 * give the kind and the figures it quotes; the Dutch sentence is made by the
 * exporters (labels.h, pm_label_reden) from the kind and the figures. */
typedef enum pm_reden {
    PM_REDEN_REGEL,             /* the indicator's own status rule on these figures */
    PM_REDEN_PROGNOSE,          /* B cumulatief/overall: prognose against jaarbegroting */
    PM_REDEN_GEEN_DOEL,         /* grijs: the range runs past the last target period
                                   (reden_dag: its end) */
    PM_REDEN_TWEE_DOELPERIODEN, /* grijs: the range spans two target periods */
    PM_REDEN_OORDEEL            /* the range is a whole target period that has ended:
                                   the status follows `oordeel` (SPEC §3) */
} pm_reden;

/* The final verdict on an ended target period (SPEC §3). */
typedef enum pm_oordeel {
    PM_OORDEEL_GEEN_GEGEVENS,
    PM_OORDEEL_GEHAALD,
    PM_OORDEEL_NIET_GEHAALD
} pm_oordeel;

/* "gehaald", "niet gehaald", "geen gegevens": the JSON value. */
const char *pm_oordeel_name(pm_oordeel o);

/* The figures of one range (periode, cumulatief, or one quarter of a trend).
 * Counts are doubles so that B's euros fit the same fields. */
typedef struct pm_figures {
    pm_day from, to; /* the range; from > to when it is empty */
    double teller;
    double noemer;
    bool has_noemer;   /* false for R6 (a count, not a proportion) */
    bool has_waarde;   /* false when noemer is 0, and for R6 */
    double waarde;     /* teller / noemer, a fraction 0..1 (B may exceed 1) */
    bool has_interval; /* Wilson 95% for R1, R2, R3's share */
    double lo, hi;
    pm_status status;
    /* The indicator's own figures (SPEC §7); unused ones stay zero. */
    long actief;                        /* R3: specialists with inzet in the range */
    long niet_beoordeeld;               /* R3: active but no specialist evaluation */
    bool has_gemiddelde;                /* R4: opdrachtgever evaluations exist */
    double gemiddelde;                  /* R4: their mean score */
    long n_gemiddelde;                  /* R4: how many */
    long n_gemiddelde_orgs;             /* R4: distinct organisations behind them */
    long n_rest_gemiddelde;             /* R4 cumulatief: those outside the periode */
    long n_rest_gemiddelde_orgs;        /* ... and their distinct organisations */
    bool gemiddelde_onderdrukt;         /* extern: too few evaluations or organisations */
    pm_status status_zonder_gemiddelde; /* R4: the status by the milestones alone */
    long aantal;                        /* R6: products published and actively spread */
    bool has_begroting;                 /* B: a begroting exists for the range */
    double begroting;                   /* B, euros */
    double realisatie;
    double prognose; /* B: for the peildatum's year */
    double jaarbegroting;
    long aantal_doel;   /* R6: the count the status judges (the running target
                           period's products through the range's end) */
    pm_reden reden;     /* why `status` (the exporters word it) */
    pm_day reden_dag;   /* PM_REDEN_GEEN_DOEL: the last target period's end */
    double reden_doel;  /* the main target the status was judged against */
    bool has_oordeel;   /* PM_REDEN_OORDEEL and every eindstand */
    pm_oordeel oordeel; /* with the mean where R4 has one */
    pm_oordeel oordeel_zonder_gemiddelde; /* R4: by the milestones alone */
} pm_figures;

/* Why an extern cell is hidden (disclosure.h): not, because it is small
 * (primair), or because a small one could be worked out from it (secundair). */
/* The fewest organisations a published extern mean may rest on (SPEC §6). */
#define PM_MEAN_MIN_ORGS 3

typedef enum pm_suppress {
    PM_SUPPRESS_NONE,
    PM_SUPPRESS_PRIMAIR,
    PM_SUPPRESS_SECUNDAIR
} pm_suppress;

/* One row of a breakdown table. `n` is the number of observations behind
 * the cell (requests, organisations, specialists ...), which the exporters
 * compare with min_cell for an extern audience. */
typedef struct pm_cell {
    char key[96];    /* the category: "Noord-West", "gemeente", "3", an id */
    char label[160]; /* a display name when the key is an id (a name), else "" */
    double teller;
    double noemer;
    bool has_waarde;
    double waarde;
    bool has_interval;
    double lo, hi;
    long n;
    pm_day d1, d2; /* R4/R5 milestones: gepland, gereed (0 = none) */
    bool has_d1, has_d2;
    pm_suppress suppress; /* set by pm_disclosure_apply for extern */
} pm_cell;

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
typedef struct pm_breakdown {
    const char *key;      /* JSON key and exporter lookup: "regio", "type", ... */
    bool personal;        /* names a person or an organisation: intern only */
    bool counts_people;   /* cells count requests, evaluations, organisations or
                             specialists: extern shows cells below min_cell as "<5".
                             false for milestones, budget posts, product counts */
    bool disclosure_done; /* pm_disclosure_apply has marked the cells */
    pm_cell *periode;
    pm_cell *cumulatief;
    size_t ncells;
} pm_breakdown;

/* One quarter of the programme: the range is the quarter clipped to the
 * programme start and the peildatum; figures as known on the peildatum. */
typedef struct pm_trend_point {
    int quarter; /* pm_quarter_index */
    pm_figures f;
} pm_trend_point;

/* The figures of one ended target period over its whole range, as known on
 * the peildatum, with the verdict in f.oordeel (SPEC §3). */
typedef struct pm_eindstand {
    pm_day van, tot; /* the target period */
    double doel;     /* its main target, like pm_result.doel */
    pm_figures f;
} pm_eindstand;

typedef struct pm_result {
    const char *id; /* "R1" .. "R6", "B" */
    double doel;    /* the main target: a fraction, a count (R6), or for B
                       1.0 (prognose ≤ 100% of the jaarbegroting) */
    pm_figures periode;
    pm_figures cumulatief;
    pm_status status; /* the overall status: the cumulative one */
    pm_breakdown *breakdowns;
    size_t nbreakdowns;
    pm_trend_point *trend;
    size_t ntrend;
    pm_eindstand *eindstanden; /* every target period ended by the peildatum */
    size_t neindstanden;
} pm_result;

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

/* Sets waarde and the Wilson interval from teller and noemer, and the
 * status by SPEC §5's proportion rule: grijs when noemer < min_n, groen when
 * waarde >= doel, oranje when the upper bound >= doel, else rood. */
void pm_figures_proportion(pm_figures *f, double doel, int min_n);

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

/* Allocates the breakdowns array of r. NULL-safe free below. */
pm_error pm_result_alloc_breakdowns(pm_result *r, size_t n);
pm_error pm_breakdown_alloc(pm_breakdown *b, const char *key, bool personal,
                            bool counts_people, size_t ncells);
void pm_result_free(pm_result *r);

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
