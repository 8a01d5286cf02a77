/* period.c — report periods (SPEC §3) as inclusive day ranges, and quarter
 * arithmetic on one integer scale (year * 4 + quarter - 1) for trends.
 *
 * Accepted forms, strictly (no spaces, fixed widths): "2025-Q3" (or "2025-q3"),
 * "2025-07", "2025", and "A..B" with A and B in any form pm_day_parse accepts.
 * Years are 1900..2199, the range pm_day_parse accepts, so that every period
 * can be written as a range of valid dates. */
#include "period.h"

#include <stdio.h>
#include <string.h>

/* The years a period may lie in: the same as pm_day_parse's. */
enum { YEAR_MIN = 1900, YEAR_MAX = 2199 };

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads exactly n digits at s; false when any is not a digit. */
static bool read_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static bool read_year(const char *s, int *year)
{
    return read_digits(s, 4, year) && *year >= YEAR_MIN && *year <= YEAR_MAX;
}

/* Floor division, so that quarter indexes of negative years stay consistent. */
static int floor_div(int a, int b)
{
    int q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static pm_day month_last_day(int y, int m)
{
    return m == 12 ? pm_day_from_ymd(y + 1, 1, 1) - 1 : pm_day_from_ymd(y, m + 1, 1) - 1;
}

/* "A..B": the first ".." splits; both sides must be dates and A <= B. */
static bool parse_range(const char *s, size_t len, pm_period *out)
{
    const char *dots = strstr(s, "..");
    if (!dots)
        return false;
    size_t alen = (size_t)(dots - s);
    const char *b = dots + 2;
    size_t blen = len - alen - 2;
    pm_day a_day, b_day;
    if (alen == 0 || blen == 0)
        return false;
    if (!pm_day_parse(s, alen, &a_day) || !pm_day_parse(b, blen, &b_day))
        return false;
    if (a_day > b_day)
        return false;

    char ia[11], ib[11];
    pm_day_format_iso(a_day, ia);
    pm_day_format_iso(b_day, ib);
    out->start = a_day;
    out->end = b_day;
    snprintf(out->label, sizeof out->label, "%s..%s", ia, ib);
    return true;
}

bool pm_period_parse(const char *s, pm_period *out)
{
    if (!s)
        return false;
    size_t len = strlen(s);
    pm_period p;
    int year, n;

    if (strstr(s, ".."))
        return parse_range(s, len, out);

    if (len == 4 && read_year(s, &year)) {
        p.start = pm_day_from_ymd(year, 1, 1);
        p.end = pm_day_from_ymd(year, 12, 31);
        snprintf(p.label, sizeof p.label, "%04d", year);
    } else if (len == 7 && read_year(s, &year) && s[4] == '-' &&
               (s[5] == 'Q' || s[5] == 'q') && read_digits(s + 6, 1, &n) && n >= 1 &&
               n <= 4) {
        int q = year * 4 + (n - 1);
        p.start = pm_quarter_first_day(q);
        p.end = pm_quarter_last_day(q);
        pm_quarter_label(q, p.label, sizeof p.label);
    } else if (len == 7 && read_year(s, &year) && s[4] == '-' &&
               read_digits(s + 5, 2, &n) && n >= 1 && n <= 12) {
        p.start = pm_day_from_ymd(year, n, 1);
        p.end = month_last_day(year, n);
        snprintf(p.label, sizeof p.label, "%04d-%02d", year, n);
    } else {
        return false;
    }
    *out = p;
    return true;
}

const char *pm_period_forms(void)
{
    return "gebruik een kwartaal (2025-Q3), een maand (2025-07), een jaar (2025) "
           "of een reeks (2025-01-01..2025-06-30)";
}

void pm_period_last_complete_quarter(pm_day today, pm_period *out)
{
    int q = pm_quarter_index(today) - 1;
    out->start = pm_quarter_first_day(q);
    out->end = pm_quarter_last_day(q);
    pm_quarter_label(q, out->label, sizeof out->label);
}

int pm_quarter_index(pm_day d)
{
    int y, m, dd;
    pm_day_to_ymd(d, &y, &m, &dd);
    return y * 4 + (m - 1) / 3;
}

pm_day pm_quarter_first_day(int qindex)
{
    int year = floor_div(qindex, 4);
    int q = qindex - year * 4;
    return pm_day_from_ymd(year, q * 3 + 1, 1);
}

pm_day pm_quarter_last_day(int qindex)
{
    /* The day before the next quarter's first day: no month lengths needed.
     * Computed from year and quarter so that no qindex can overflow. */
    int year = floor_div(qindex, 4);
    int q = qindex - year * 4;
    if (q == 3)
        return pm_day_from_ymd(year + 1, 1, 1) - 1;
    return pm_day_from_ymd(year, q * 3 + 4, 1) - 1;
}

void pm_quarter_label(int qindex, char *buf, unsigned size)
{
    if (!buf || size == 0)
        return;
    int year = floor_div(qindex, 4);
    snprintf(buf, size, "%04d-Q%d", year, qindex - year * 4 + 1);
}

bool pm_vergelijk_parse(const char *s, pm_vergelijk *v)
{
    if (s && strcmp(s, "vorige") == 0)
        *v = PM_VERGELIJK_VORIGE;
    else if (s && strcmp(s, "vorigjaar") == 0)
        *v = PM_VERGELIJK_VORIGJAAR;
    else
        return false;
    return true;
}

/* The same day a year earlier; 29 February becomes 28 February. */
static pm_day year_before(pm_day d)
{
    int y, m, dd;
    pm_day_to_ymd(d, &y, &m, &dd);
    if (m == 2 && dd == 29)
        dd = 28;
    return pm_day_from_ymd(y - 1, m, dd);
}

/* The form a reader sees (pm_format_period decides by the dates alone): a
 * range that is exactly a year, a quarter or a month compares as one, so
 * "2026-01-01..2026-03-31", which every output calls "1e kwartaal 2026",
 * is compared with the 4th quarter, not with 90 days from 3 October. */
static void named_label(const pm_period *p, char *label, size_t size)
{
    int y, m, d, ey, em, ed;
    pm_day_to_ymd(p->start, &y, &m, &d);
    pm_day_to_ymd(p->end, &ey, &em, &ed);
    snprintf(label, size, "%s", p->label);
    if (d != 1 || ey != y || p->end != month_last_day(ey, em))
        return;
    if (m == 1 && em == 12)
        snprintf(label, size, "%04d", y);
    else if ((m - 1) % 3 == 0 && em == m + 2)
        pm_quarter_label(pm_quarter_index(p->start), label, (unsigned)size);
    else if (em == m)
        snprintf(label, size, "%04d-%02d", y, m);
}

bool pm_period_comparison(const pm_period *p, pm_vergelijk v, pm_period *out)
{
    char label[48], named[48];
    int y, m, d;
    pm_day_to_ymd(p->start, &y, &m, &d);
    named_label(p, named, sizeof named);
    size_t len = strlen(named);
    bool is_range = strstr(named, "..") != NULL;
    if (v == PM_VERGELIJK_GEEN)
        return false;
    if (!is_range && len == 4) { /* a year: a year back, both ways */
        snprintf(label, sizeof label, "%04d", y - 1);
    } else if (!is_range && len == 7 && named[5] == 'Q') {
        int q = pm_quarter_index(p->start) - (v == PM_VERGELIJK_VORIGE ? 1 : 4);
        pm_quarter_label(q, label, sizeof label);
    } else if (!is_range && len == 7) { /* a month */
        int mi = y * 12 + (m - 1) - (v == PM_VERGELIJK_VORIGE ? 1 : 12);
        snprintf(label, sizeof label, "%04d-%02d", floor_div(mi, 12),
                 mi - floor_div(mi, 12) * 12 + 1);
    } else {
        pm_day a, b;
        if (v == PM_VERGELIJK_VORIGE) {
            pm_day days = p->end - p->start + 1;
            a = p->start - days;
            b = p->start - 1;
        } else {
            a = year_before(p->start);
            b = year_before(p->end);
        }
        char ia[11], ib[11];
        pm_day_format_iso(a, ia);
        pm_day_format_iso(b, ib);
        snprintf(label, sizeof label, "%s..%s", ia, ib);
    }
    return pm_period_parse(label, out);
}
