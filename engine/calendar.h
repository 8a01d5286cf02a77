/* calendar.h — the working-day calendar of SPEC §4: Monday to Friday except
 * the algemeen erkende feestdagen of the Algemene termijnenwet (art. 3), the
 * days a royal decree puts on a par with them, and extra closed days. */
#ifndef PM_CALENDAR_H
#define PM_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "value.h"

/* The decree days shipped with pijlermonitor ("Besluit gelijkstelling van …
 * met een algemeen erkende feestdag"), sorted. The configuration can add
 * more (pm_config.besluitdagen) without a new release. */
typedef struct pm_decree_day {
    pm_day day;
    const char *description; /* Dutch, e.g. "vrijdag na Hemelvaartsdag 2025" */
} pm_decree_day;
const pm_decree_day *pm_calendar_decree_days(size_t *n);

/* Easter Sunday of year (Gregorian, the anonymous algorithm). */
pm_day pm_calendar_easter(int year);

/* True when day is an algemeen erkende feestdag of the Atw: Nieuwjaarsdag,
 * Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Koningsdag (27 April;
 * 26 April when the 27th is a Sunday), 5 mei, Eerste and Tweede Kerstdag.
 * Not Goede Vrijdag, not Eerste Paas- or Pinksterdag (they are Sundays
 * anyway). *name (may be NULL) gets the Dutch name. */
bool pm_calendar_atw_holiday(pm_day day, const char **name);

/* A calendar over [first, last], with running working-day numbers.
 * Owned by whoever calls pm_calendar_build; freed by pm_calendar_free. */
typedef struct pm_calendar {
    pm_day first, last;
    uint8_t *workday; /* [day - first]: 1 when a working day */
    int32_t *nr;      /* [day - first]: working days in [first, day] */
    size_t ndays;
} pm_calendar;

/* Builds the calendar for [first, last] (first <= last, at most 200 years):
 * weekends, Atw holidays, the shipped decree days, and `extra` closed days
 * (extra decree days and the programme's own closed days; any order,
 * duplicates allowed). PM_ERR_NOMEM or PM_ERR_USAGE (bad range) on failure. */
pm_error pm_calendar_build(pm_calendar *cal, pm_day first, pm_day last,
                           const pm_day *extra, size_t nextra);
void pm_calendar_free(pm_calendar *cal); /* accepts a zeroed struct */

/* True when day (inside the calendar) is a working day. */
bool pm_calendar_is_workday(const pm_calendar *cal, pm_day day);

/* The deadline of a request received on `received`: the 5th (n-th)
 * working day after it; `received` itself never counts, working day or not.
 * Returns -1 (as pm_day) when the answer lies beyond the calendar. */
pm_day pm_calendar_deadline(const pm_calendar *cal, pm_day received, int n);

/* Working days in (from, to]: nr[to] - nr[from]. Both inside the calendar. */
int pm_calendar_workdays_between(const pm_calendar *cal, pm_day from, pm_day to);

#endif
