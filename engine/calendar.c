/* calendar.c — the working-day calendar of SPEC §4: weekends, the feestdagen
 * of the Algemene termijnenwet, decree days and extra closed days, as arrays.
 *
 * A calendar is two arrays over [first, last]: a working-day flag and a running
 * count, so that "working days between" is one subtraction and a deadline a
 * short walk. Holidays are marked per year from their dates, not tested per day. */
#include "calendar.h"

#include <stdlib.h>
#include <string.h>

/* Calendars cover at most 200 years: last lies before the same date 200
 * years after first. */
enum { MAX_YEARS = 200 };

/* The shipped decree days as day numbers (days since 1970-01-01), sorted.
 * Each is the Friday after a holiday on a Thursday; tests check the dates. */
static const pm_decree_day decree_days[] = {
    {19853, "vrijdag na Hemelvaartsdag 2024"},  /* 2024-05-10 */
    {20084, "vrijdag na Tweede Kerstdag 2024"}, /* 2024-12-27 */
    {20238, "vrijdag na Hemelvaartsdag 2025"},  /* 2025-05-30 */
    {20455, "vrijdag na Nieuwjaarsdag 2026"},   /* 2026-01-02 */
    {20588, "vrijdag na Hemelvaartsdag 2026"},  /* 2026-05-15 */
    {20945, "vrijdag na Hemelvaartsdag 2027"},  /* 2027-05-07 */
    {21302, "vrijdag na Koningsdag 2028"},      /* 2028-04-28 */
    {21330, "vrijdag na Hemelvaartsdag 2028"},  /* 2028-05-26 */
};

const pm_decree_day *pm_calendar_decree_days(size_t *n)
{
    if (n)
        *n = sizeof decree_days / sizeof decree_days[0];
    return decree_days;
}

pm_day pm_calendar_easter(int year)
{
    /* The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return pm_day_from_ymd(year, month, day);
}

/* The Atw holidays of one year. Fixed-date ones first, so that when
 * Hemelvaartsdag falls on 5 mei the day is named after the fixed date. */
enum { NHOLIDAYS = 8 };
typedef struct holiday {
    pm_day day;
    const char *name;
} holiday;

static void year_holidays(int year, holiday out[NHOLIDAYS])
{
    pm_day easter = pm_calendar_easter(year);
    pm_day koningsdag = pm_day_from_ymd(year, 4, 27);
    if (pm_day_weekday(koningsdag) == 7)
        koningsdag--;
    out[0] = (holiday){pm_day_from_ymd(year, 1, 1), "Nieuwjaarsdag"};
    out[1] = (holiday){koningsdag, "Koningsdag"};
    out[2] = (holiday){pm_day_from_ymd(year, 5, 5), "Bevrijdingsdag (5 mei)"};
    out[3] = (holiday){pm_day_from_ymd(year, 12, 25), "Eerste Kerstdag"};
    out[4] = (holiday){pm_day_from_ymd(year, 12, 26), "Tweede Kerstdag"};
    out[5] = (holiday){easter + 1, "Tweede Paasdag"};
    out[6] = (holiday){easter + 39, "Hemelvaartsdag"};
    out[7] = (holiday){easter + 50, "Tweede Pinksterdag"};
}

bool pm_calendar_atw_holiday(pm_day day, const char **name)
{
    int y, m, d;
    pm_day_to_ymd(day, &y, &m, &d);
    holiday hs[NHOLIDAYS];
    year_holidays(y, hs);
    for (int i = 0; i < NHOLIDAYS; i++) {
        if (hs[i].day == day) {
            if (name)
                *name = hs[i].name;
            return true;
        }
    }
    return false;
}

/* Marks day closed when it lies inside the calendar; outside it is ignored. */
static void close_day(pm_calendar *cal, pm_day day)
{
    if (day >= cal->first && day <= cal->last)
        cal->workday[day - cal->first] = 0;
}

pm_error pm_calendar_build(pm_calendar *cal, pm_day first, pm_day last,
                           const pm_day *extra, size_t nextra)
{
    memset(cal, 0, sizeof *cal);
    int y0, y1, m, d;
    pm_day_to_ymd(first, &y0, &m, &d);
    if (first > last || (int64_t)last >= (int64_t)pm_day_from_ymd(y0 + MAX_YEARS, m, d))
        return PM_ERR_USAGE;
    if (nextra > 0 && !extra)
        return PM_ERR_USAGE;

    size_t ndays = (size_t)((int64_t)last - first + 1);
    cal->workday = malloc(ndays);
    cal->nr = malloc(ndays * sizeof *cal->nr);
    if (!cal->workday || !cal->nr) {
        pm_calendar_free(cal);
        return PM_ERR_NOMEM;
    }
    cal->first = first;
    cal->last = last;
    cal->ndays = ndays;

    /* Weekends: walk the weekday along instead of computing it per day. */
    int wd = pm_day_weekday(first);
    for (size_t i = 0; i < ndays; i++) {
        cal->workday[i] = wd <= 5;
        wd = wd == 7 ? 1 : wd + 1;
    }

    pm_day_to_ymd(last, &y1, &m, &d);
    for (int y = y0; y <= y1; y++) {
        holiday hs[NHOLIDAYS];
        year_holidays(y, hs);
        for (int i = 0; i < NHOLIDAYS; i++)
            close_day(cal, hs[i].day);
    }
    for (size_t i = 0; i < sizeof decree_days / sizeof decree_days[0]; i++)
        close_day(cal, decree_days[i].day);
    for (size_t i = 0; i < nextra; i++)
        close_day(cal, extra[i]);

    int32_t count = 0;
    for (size_t i = 0; i < ndays; i++) {
        count += cal->workday[i];
        cal->nr[i] = count;
    }
    return PM_OK;
}

void pm_calendar_free(pm_calendar *cal)
{
    if (!cal)
        return;
    free(cal->workday);
    free(cal->nr);
    memset(cal, 0, sizeof *cal);
}

bool pm_calendar_is_workday(const pm_calendar *cal, pm_day day)
{
    /* Outside the calendar nothing is known, so nothing is a working day. */
    if (day < cal->first || day > cal->last || cal->ndays == 0)
        return false;
    return cal->workday[day - cal->first] != 0;
}

pm_day pm_calendar_deadline(const pm_calendar *cal, pm_day received, int n)
{
    /* The count starts the day after `received`, which must therefore lie in
     * the calendar (received may be the day before its first day). */
    if (cal->ndays == 0 || n < 1 || (int64_t)received < (int64_t)cal->first - 1 ||
        received >= cal->last)
        return -1;
    int counted = 0;
    for (pm_day day = received + 1; day <= cal->last; day++) {
        counted += cal->workday[day - cal->first];
        if (counted == n)
            return day;
    }
    return -1;
}

/* Working days in [first, day], with days outside clamped to the calendar. */
static int32_t nr_at(const pm_calendar *cal, pm_day day)
{
    if (cal->ndays == 0 || day < cal->first)
        return 0;
    if (day > cal->last)
        return cal->nr[cal->ndays - 1];
    return cal->nr[day - cal->first];
}

int pm_calendar_workdays_between(const pm_calendar *cal, pm_day from, pm_day to)
{
    return (int)(nr_at(cal, to) - nr_at(cal, from));
}
