/* period.h — report periods (SPEC §3): a quarter "2025-Q3", a month
 * "2025-07", a year "2025", or a range "2025-01-01..2025-06-30", each an
 * inclusive range of days; and the quarters that trends are made of. */
#ifndef PM_PERIOD_H
#define PM_PERIOD_H

#include <stdbool.h>

#include "value.h"

typedef struct pm_period {
    pm_day start, end; /* inclusive; start <= end */
    char label[48];    /* canonical form: "2025-Q3", "2025-07", "2025",
                          "2025-01-01..2025-06-30" */
} pm_period;

/* Parses s. Accepted: YYYY-Qn (n 1..4, 'q' also), YYYY-MM, YYYY, and
 * A..B where A and B are dates in any form pm_day_parse accepts and A <= B.
 * Surrounding spaces are not accepted. Returns false for anything else,
 * including an empty string; *out is then unchanged. */
bool pm_period_parse(const char *s, pm_period *out);

/* The Dutch text for a usage error, listing the accepted forms. */
const char *pm_period_forms(void);

/* The last complete quarter before `today` (the quarter before today's). */
void pm_period_last_complete_quarter(pm_day today, pm_period *out);

/* --vergelijk (SPEC §9): none, the period directly before, a year earlier. */
typedef enum pm_vergelijk {
    PM_VERGELIJK_GEEN,
    PM_VERGELIJK_VORIGE,
    PM_VERGELIJK_VORIGJAAR
} pm_vergelijk;

/* "vorige" or "vorigjaar" into *v; false for anything else. */
bool pm_vergelijk_parse(const char *s, pm_vergelijk *v);

/* The whole comparison period of p (SPEC §9): for vorige the previous
 * quarter, month or year, or for a range the same number of days directly
 * before it; for vorigjaar the same period a year earlier (a range: both
 * ends a year back, 29 February as 28 February). False when it would fall
 * before the years a period may lie in, or v is PM_VERGELIJK_GEEN. */
bool pm_period_comparison(const pm_period *p, pm_vergelijk v, pm_period *out);

/* Quarters as one integer: year * 4 + (quarter - 1). */
int pm_quarter_index(pm_day d);
pm_day pm_quarter_first_day(int qindex);
pm_day pm_quarter_last_day(int qindex);
/* "2025-Q3" into buf (at least 8 bytes). */
void pm_quarter_label(int qindex, char *buf, unsigned size);

#endif
