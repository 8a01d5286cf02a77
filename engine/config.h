/* config.h — the configuration of SPEC §3–6: programme dates, targets and
 * thresholds, privacy limits and extra closed days. Defaults are the seed's
 * targets; a JSON file (--config) overrides any of them.
 *
 * The file (all keys optional; Dutch keys because users edit it):
 * {
 *   "programma": {"naam": "...", "start": "2024-07-01", "einde": "2025-12-31"},
 *   "doelen": {"R1": 0.9, "R2": 0.8, "R3": 0.8, "R3_actief": 10,
 *              "R4": 1.0, "R4_gemiddelde": 7.0, "R5": 1.0, "R6": 5,
 *              "B_marge": 1.05},
 *   "min_n": 5, "min_cell": 5, "uurtarief_max": 120,
 *   "besluitdagen": ["2029-05-11"],       extra decree days
 *   "sluitingsdagen": ["2025-12-29"],     the programme's own closed days
 *   "vervolg": [{"tot": "2026-12-31", "doelen": {"R6": 8}}]
 * }
 * Unknown keys are errors (a typo must not silently keep a default).
 *
 * Target periods (SPEC §3): the first runs programme start .. programme end
 * with `doelen`; each `vervolg` entry adds one that starts the day after
 * the previous one ends and runs through its `tot`, with the targets of
 * the period before except those its own `doelen` name. */
#ifndef PM_CONFIG_H
#define PM_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "value.h"

/* The targets of one target period (the `doelen` keys). */
typedef struct pm_targets {
    double doel_r1;        /* 0.9 */
    double doel_r2;        /* 0.8 */
    double doel_r3;        /* 0.8: share of rated specialists scoring >= 7 */
    int doel_r3_actief;    /* 10 */
    double doel_r4;        /* 1.0 */
    int r4_gemiddelde_x10; /* 70: opdrachtgever mean >= 7.0, in tenths */
    double doel_r5;        /* 1.0 */
    int doel_r6;           /* 5 */
    double b_marge;        /* 1.05: prognose up to 5% over is oranje */
} pm_targets;

/* A follow-up target period: from the day after the previous one ends
 * through `tot`. */
typedef struct pm_vervolg {
    pm_day tot;
    pm_targets doelen;
} pm_vervolg;

typedef struct pm_config {
    char naam[128];             /* programme name for report titles */
    pm_day programma_start;     /* default 2024-07-01 */
    pm_day programma_einde;     /* default 2025-12-31 */
    double doel_r1;             /* 0.9 */
    double doel_r2;             /* 0.8 */
    double doel_r3;             /* 0.8: share of rated specialists scoring >= 7 */
    int doel_r3_actief;         /* 10 */
    double doel_r4;             /* 1.0 */
    int r4_gemiddelde_x10;      /* 70: opdrachtgever mean >= 7.0, in tenths */
    double doel_r5;             /* 1.0 */
    int doel_r6;                /* 5 */
    double b_marge;             /* 1.05: prognose up to 5% over is oranje */
    int min_n;                  /* 5: below this noemer a proportion is grijs */
    int min_cell;               /* 5: extern breakdown cells below this are "<5" */
    int64_t uurtarief_max_cent; /* 12000 */
    pm_day *closed_days;        /* besluitdagen + sluitingsdagen from the file */
    size_t nclosed;
    pm_vervolg *vervolg; /* follow-up target periods, in order (owned) */
    size_t nvervolg;
} pm_config;

void pm_config_defaults(pm_config *cfg);

/* Loads path over the defaults already in *cfg. A missing or unreadable
 * file is PM_ERR_IO; invalid JSON, an unknown key, a wrong type or an
 * out-of-range value (a target outside 0..1, start after einde, ...) is
 * PM_ERR_DATA; msg names the file and the key ("config.json: 'doelen.R1':
 * moet tussen 0 en 1 liggen"). On failure *cfg keeps its defaults. */
pm_error pm_config_load(pm_config *cfg, const char *path, char *msg, size_t msgsize);

void pm_config_free(pm_config *cfg); /* frees closed_days, vervolg; accepts defaults */

/* The number of target periods: 1 + the follow-ups. */
size_t pm_config_ntarget_periods(const pm_config *cfg);

/* Target period i (0 = the first): its range and, when doelen is not NULL,
 * its targets. i must be below pm_config_ntarget_periods. */
void pm_config_target_period(const pm_config *cfg, size_t i, pm_day *from, pm_day *to,
                             pm_targets *doelen);

/* The index of the target period whose range holds day, or -1 (before the
 * programme starts or after the last target period). */
int pm_config_target_period_at(const pm_config *cfg, pm_day day);

/* The last day of the last target period. */
pm_day pm_config_targets_end(const pm_config *cfg);

/* The targets currently in cfg's flat doel fields (the first period's after
 * loading), and writing a set of targets into them: the report judges each
 * target period by handing the indicators a copy of the configuration with
 * that period's targets in place. */
void pm_config_get_targets(const pm_config *cfg, pm_targets *out);
void pm_config_set_targets(pm_config *cfg, const pm_targets *t);

#endif
