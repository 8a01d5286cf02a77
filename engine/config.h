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
 *   "sluitingsdagen": ["2025-12-29"]      the programme's own closed days
 * }
 * Unknown keys are errors (a typo must not silently keep a default). */
#ifndef PM_CONFIG_H
#define PM_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "value.h"

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
} pm_config;

void pm_config_defaults(pm_config *cfg);

/* Loads path over the defaults already in *cfg. A missing or unreadable
 * file is PM_ERR_IO; invalid JSON, an unknown key, a wrong type or an
 * out-of-range value (a target outside 0..1, start after einde, ...) is
 * PM_ERR_DATA; msg names the file and the key ("config.json: 'doelen.R1':
 * moet tussen 0 en 1 liggen"). On failure *cfg keeps its defaults. */
pm_error pm_config_load(pm_config *cfg, const char *path, char *msg, size_t msgsize);

void pm_config_free(pm_config *cfg); /* frees closed_days; accepts defaults */

#endif
