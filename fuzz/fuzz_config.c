/* fuzz_config.c — libFuzzer target for the configuration loader
 * (engine/config.c): the input is written to a file and loaded over the
 * defaults, then loaded a second time over the result.
 *
 * Invariants checked for every input:
 *   - a failed load returns PM_ERR_DATA (the file exists and is readable),
 *     writes a message naming the file, and leaves *cfg exactly as it was;
 *   - a successful load gives a configuration inside the documented ranges:
 *     start <= einde, targets in 0..1, min_cell >= 1, counts >= 0, B_marge
 *     >= 1 and finite, R4_gemiddelde 1.0..10.0, uurtarief 0..1000000 euro,
 *     a non-empty one-line UTF-8 naam; and the closed days lie in 1900..2199;
 *   - loading the same file again succeeds and appends the file's closed
 *     days once more (nclosed doubles, the first half unchanged);
 *   - pm_config_free releases everything (LeakSanitizer checks). */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fuzz_common.h"

static void check_valid(const pm_config *c)
{
    FUZZ_ASSERT(c->programma_start <= c->programma_einde, "start <= einde");
    const double shares[] = {c->doel_r1, c->doel_r2, c->doel_r3, c->doel_r4, c->doel_r5};
    for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++)
        FUZZ_ASSERT(shares[i] >= 0.0 && shares[i] <= 1.0, "targets in 0..1");
    FUZZ_ASSERT(c->doel_r3_actief >= 0 && c->doel_r6 >= 0 && c->min_n >= 0,
                "counts are not negative");
    FUZZ_ASSERT(c->min_cell >= 1, "min_cell >= 1");
    FUZZ_ASSERT(isfinite(c->b_marge) && c->b_marge >= 1.0, "B_marge >= 1");
    FUZZ_ASSERT(c->r4_gemiddelde_x10 >= 10 && c->r4_gemiddelde_x10 <= 100,
                "R4_gemiddelde 1.0..10.0");
    FUZZ_ASSERT(c->uurtarief_max_cent > 0 && c->uurtarief_max_cent <= 100000000,
                "uurtarief 0..1000000 euro");
    size_t nlen = strnlen(c->naam, sizeof c->naam);
    FUZZ_ASSERT(nlen > 0 && nlen < sizeof c->naam, "naam non-empty and terminated");
    FUZZ_ASSERT(pm_utf8_valid(c->naam, nlen), "naam is UTF-8");
    for (size_t i = 0; i < nlen; i++)
        FUZZ_ASSERT((unsigned char)c->naam[i] >= 0x20 && c->naam[i] != 0x7f,
                    "naam has no control characters");
    if (c->nclosed > 0)
        FUZZ_ASSERT(c->closed_days != NULL, "closed days allocated when present");
    for (size_t i = 0; i < c->nclosed; i++) {
        int y, m, d;
        pm_day_to_ymd(c->closed_days[i], &y, &m, &d);
        FUZZ_ASSERT(y >= 1900 && y <= 2199, "closed days in 1900..2199");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write(data, size);
    pm_config cfg, defaults;
    pm_config_defaults(&cfg);
    pm_config_defaults(&defaults);
    char msg[512];
    msg[0] = 'x';
    msg[1] = '\0';

    pm_error err = pm_config_load(&cfg, path, msg, sizeof msg);
    if (err != PM_OK) {
        FUZZ_ASSERT(err == PM_ERR_DATA, "a readable file fails only as DATA");
        FUZZ_ASSERT(strstr(msg, path) != NULL, "the message names the file");
        FUZZ_ASSERT(memcmp(&cfg, &defaults, sizeof cfg) == 0,
                    "a failed load leaves the configuration alone");
        pm_config_free(&cfg);
        return 0;
    }
    check_valid(&cfg);

    pm_config twice = cfg;
    size_t n1 = cfg.nclosed;
    pm_day *first = NULL;
    if (n1 > 0) {
        first = malloc(n1 * sizeof *first);
        if (!first) {
            pm_config_free(&cfg);
            return 0;
        }
        memcpy(first, cfg.closed_days, n1 * sizeof *first);
    }
    /* Loading over a loaded configuration: twice shares closed_days with cfg
     * until the load replaces it, which frees the old array. */
    err = pm_config_load(&twice, path, msg, sizeof msg);
    FUZZ_ASSERT(err == PM_OK, "the same file loads again");
    check_valid(&twice);
    FUZZ_ASSERT(twice.nclosed == 2 * n1, "closed days are appended");
    if (n1 > 0) {
        FUZZ_ASSERT(memcmp(twice.closed_days, first, n1 * sizeof *first) == 0 &&
                        memcmp(twice.closed_days + n1, first, n1 * sizeof *first) == 0,
                    "earlier closed days first, then the file's");
    }
    free(first);
    pm_config_free(&twice);
    return 0;
}
