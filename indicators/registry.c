/* registry.c — the list of indicators, in the order reports show them. */
#include "report.h"

extern const pm_indicator pm_indicator_r1;
extern const pm_indicator pm_indicator_r2;
extern const pm_indicator pm_indicator_r3;
extern const pm_indicator pm_indicator_r4;
extern const pm_indicator pm_indicator_r5;
extern const pm_indicator pm_indicator_r6;
extern const pm_indicator pm_indicator_b;

static const pm_indicator *const registry[] = {
    &pm_indicator_r1, &pm_indicator_r2, &pm_indicator_r3, &pm_indicator_r4,
    &pm_indicator_r5, &pm_indicator_r6, &pm_indicator_b,
};

const pm_indicator *const *pm_indicators(size_t *n)
{
    *n = sizeof registry / sizeof registry[0];
    return registry;
}
