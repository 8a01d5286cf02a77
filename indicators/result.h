/* result.h — the results of one report as plain data: what the indicators
 * produce and the exporters read. No database handle, no open transaction.
 *
 * Exporters include this header (and the basics) only, so they cannot reach
 * SQLite. Money is in int64 cents, counts in integers where they are counts;
 * keys and labels are heap strings. Ownership: a pm_report owns its results
 * and everything inside them (pm_report_free, report.h); exporters borrow. */
#ifndef PM_RESULT_H
#define PM_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "error.h"
#include "period.h"

/* Why an extern cell or figure is hidden (disclosure.h): not, because it is
 * small (primair), or because a small one could be worked out from it
 * (secundair). */
typedef enum pm_suppress {
    PM_SUPPRESS_NONE,
    PM_SUPPRESS_PRIMAIR,
    PM_SUPPRESS_SECUNDAIR
} pm_suppress;

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
 * teller and noemer are doubles because R2 and R3 put sums of scores there
 * (7,5 + 8 ...); B leaves them 0 and reports its money in the _cent fields,
 * so no exporter has to round euros back to cents. */
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
    int64_t begroting_cent;             /* B: B's noemer, whole cents */
    int64_t realisatie_cent;            /* B: B's teller */
    int64_t prognose_cent;              /* B: for the peildatum's year */
    int64_t jaarbegroting_cent;
    bool geen_prognose; /* B: the peildatum's year lies after the last target
                           period, so there is no stretch to forecast (SPEC §5):
                           prognose and jaarbegroting are not 0 but absent */
    long aantal_doel;   /* R6: the count the status judges (the running target
                           period's products through the range's end) */
    pm_reden reden;     /* why `status` (the exporters word it) */
    pm_day reden_dag;   /* PM_REDEN_GEEN_DOEL: the last target period's end */
    double reden_doel;  /* the main target the status was judged against */
    bool has_oordeel;   /* PM_REDEN_OORDEEL and every eindstand */
    pm_oordeel oordeel; /* with the mean where R4 has one */
    pm_oordeel oordeel_zonder_gemiddelde; /* R4: by the milestones alone */
    /* Extern, under a filter (SPEC §9): the figure itself is hidden like a
     * small cell ("<5"), with everything computed from it. Unfiltered
     * figures are never hidden. */
    pm_suppress suppress;
    /* R3 under a filter: status and verdict by the share alone, the target
     * of active specialists being programme-wide (SPEC §9). */
    bool share_only;
} pm_figures;

/* An organisation filter (SPEC §9): the set O of organisations whose
 * requests, evaluations and inzet R1-R3 count. Different kinds intersect, a
 * repeated one unites; an empty list does not restrict. The strings are
 * borrowed (the command line's), valid while a report using it lives. */
typedef struct pm_filter {
    const char *const *regios; /* names as in dataset.h pm_regios */
    size_t nregios;
    const char *const *types; /* "gemeente", "sob" */
    size_t ntypes;
    const char *const *orgs; /* organisation ids (intern only) */
    size_t norgs;
} pm_filter;

/* Whether f restricts anything (NULL-safe). */
static inline bool pm_filter_active(const pm_filter *f)
{
    return f && (f->nregios || f->ntypes || f->norgs);
}

/* One indicator's comparison with the comparison period (SPEC §9): that
 * period's periode figures as known on the report's peildatum, and the
 * difference. For proportions (R1, R2, R3's share) the 95% interval of the
 * difference by Newcombe's hybrid score method and whether it excludes 0. */
typedef struct pm_comparison {
    bool present;      /* --vergelijk given and this indicator compared */
    pm_figures f;      /* the comparison period's figures (f.from..f.to) */
    bool has_verschil; /* both sides have a value (else: said in words) */
    double verschil;   /* waarde minus f.waarde; R6: aantal minus f.aantal;
                          B: uitputting minus f's uitputting */
    bool has_interval; /* Newcombe, proportions only */
    double lo, hi;
    bool significant;     /* the interval excludes 0 */
    pm_suppress suppress; /* extern: hidden when either side is hidden */
} pm_comparison;

/* The fewest organisations a published extern mean may rest on (SPEC §6). */
#define PM_MEAN_MIN_ORGS 3

/* One row of a breakdown table. `n` is the number of observations behind
 * the cell (requests, organisations, specialists ...), which the exporters
 * compare with min_cell for an extern audience. key and label are owned by
 * the result (any length: an id may have 100 bytes and more). */
typedef struct pm_cell {
    char *key;   /* the category: "Noord-West", "gemeente", "3", an id */
    char *label; /* a display name when the key is an id (a name), else NULL */
    double teller;
    double noemer;
    int64_t realisatie_cent; /* B's posts: teller and noemer in cents */
    int64_t begroting_cent;
    bool has_waarde;
    double waarde;
    bool has_interval;
    double lo, hi;
    long n;
    pm_day d1, d2; /* R4/R5 milestones: gepland, gereed (0 = none) */
    bool has_d1, has_d2;
    int werkdagen_te_laat; /* R4/R5: working days gereed after gepland (0 on
                              time, or late within a weekend) */
    pm_suppress suppress;  /* set by pm_disclosure_apply for extern */
} pm_cell;

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
    /* The figure as known at the quarter's own end (SPEC §5, "Revised
     * figures"): recomputed with that peildatum, or what a definitive report
     * for the quarter recorded (eerder_verzonden); the point itself for the
     * last point. herzien: teller, noemer, money or status differ from f. */
    pm_figures eerder;
    bool eerder_verzonden;
    bool herzien;
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
    /* Under a filter: true for R1-R3 (computed on the organisations of the
     * filter), false for R4-R6 and B ("hele programma", SPEC §9). */
    bool gefilterd;
    pm_comparison vergelijking; /* .present with --vergelijk */
} pm_result;

/* Frees everything inside r (breakdowns, cells with their keys and labels,
 * the trend) and zeroes it; NULL-safe. */
void pm_result_free(pm_result *r);

/* The ranges of a report, as the exporters print them beside the figures. */
typedef struct pm_scope {
    const pm_config *cfg;        /* the targets judged against (see pm_report) */
    const pm_config *cfg_loaded; /* as loaded: every target period (vervolg) */
    pm_period period;
    pm_day peildatum;
    pm_day per_from, per_to;    /* period start .. min(period end, peildatum) */
    pm_day cum_from, cum_to;    /* start of the running target period (else the
                                   programme start) .. peildatum */
    int q_first, q_last;        /* trend quarters: programme start .. peildatum */
    pm_filter filter;           /* SPEC §9; all empty without one */
    bool filter_empty;          /* the filter leaves no organisation */
    pm_vergelijk vergelijk;     /* the comparison asked for */
    pm_period vergelijk_period; /* the whole comparison period (vergelijk set) */
} pm_scope;

/* The report as the exporters get it: every indicator's result for one
 * period and peildatum, computed from one snapshot (report.h). */
typedef struct pm_report {
    pm_scope scope; /* scope.cfg points at cfg_judged: never copy or move a
                       computed report */
    /* The configuration the indicators judged against: the loaded one with
     * the targets of the judged target period in its flat fields. Shares
     * closed_days and vervolg with the loaded one (not freed here). */
    pm_config cfg_judged;
    int running;        /* the target period holding the peildatum, or -1 */
    pm_result *results; /* in registry order */
    size_t nresults;
    long long rows[16]; /* rows per dataset (pm_kind order), for the sources */
    /* How far the data reach (SPEC §5): per dataset (pm_kind order) the
     * latest date in its main date field over all stored rows; has_tot is
     * false for a dataset without a date field or without dated rows. */
    bool has_tot[16];
    pm_day gegevens_tot[16];
    /* The written report (SPEC §10), filled by the top layer after the
     * figures (NULL / zero when not asked for); pm_report_free frees them.
     * posten: the budget per post for the peildatum's year (posts.h), both
     * audiences. Issue 15 adds bereik and the management section here. */
    struct pm_posts *posten;
    /* The management section (beheer.h): intern reports only, else NULL. */
    struct pm_beheer *beheer;
    /* bereik: the programme's reach (bereik.h), both audiences. */
    struct pm_bereik *bereik;
    /* The samenvatting's comparison with the previous period, one per
     * result (registry order), when the report was not asked for
     * --vergelijk vorige: kept apart so the comparison tiles stay as asked
     * (NULL: none computed; the sentences then use vergelijking if it is
     * vorige). check's warnings, borrowed from the top layer (NULL: not
     * run), for the samenvatting's sentence about them. */
    pm_comparison *vorige;
    const struct pm_warnings *warnings;
} pm_report;

/* The result with this id ("R1"), or NULL. */
const pm_result *pm_report_find(const pm_report *rep, const char *id);

/* Euros as a double from whole cents: the one conversion every exporter
 * uses, so JSON, CSV, workbook and PDF show the same number. */
static inline double pm_cents_to_euros(int64_t cents)
{
    return (double)cents / 100.0;
}

#endif
