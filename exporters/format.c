/* format.c — Dutch formats for everything a user reads.
 * Rounding is half away from zero, as a reader checking by hand expects. */
#include "format.h"

#include "period.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Writes the digits of n (n >= 0) grouped by '.' into out. */
static void grouped(uint64_t n, char *out, size_t size)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n);
    size_t o = 0;
    for (int i = 0; i < len && o + 1 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0 && o + 2 < size)
            out[o++] = '.';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

static uint64_t magnitude(int64_t n)
{
    return n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
}

char *pm_format_int(int64_t n, char *buf, size_t size)
{
    char g[40];
    grouped(magnitude(n), g, sizeof g);
    snprintf(buf, size, "%s%s", n < 0 ? "-" : "", g);
    return buf;
}

char *pm_format_euro(int64_t cents, char *buf, size_t size)
{
    uint64_t m = magnitude(cents);
    char g[40];
    grouped(m / 100, g, sizeof g);
    snprintf(buf, size, "%s€ %s,%02u", cents < 0 ? "-" : "", g, (unsigned)(m % 100));
    return buf;
}

char *pm_format_euro_whole(int64_t euros, char *buf, size_t size)
{
    char g[40];
    grouped(magnitude(euros), g, sizeof g);
    snprintf(buf, size, "%s€ %s", euros < 0 ? "-" : "", g);
    return buf;
}

/* v rounded to `decimals` places, half away from zero as written in
 * decimals: 23/40 is 0.575, but 0.575 * 100 is 57.49999999999999 in binary,
 * which plain round() takes down to 57. A value within a few units in the
 * last place of a half is taken as that half. Never -0: "0,0", not "-0,0". */
static double round_decimal(double v, int decimals)
{
    double scale = pow(10.0, decimals);
    double x = v * scale;
    double fl = floor(x);
    double r;
    if (fabs((x - fl) - 0.5) <= 1e-9 * fmax(1.0, fabs(x)))
        r = x >= 0 ? fl + 1.0 : fl;
    else
        r = round(x);
    r /= scale;
    return r == 0.0 ? 0.0 : r;
}

char *pm_format_percent(double fraction, int decimals, char *buf, size_t size)
{
    double v = round_decimal(fraction * 100.0, decimals);
    snprintf(buf, size, "%.*f%%", decimals, v);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = ',';
    return buf;
}

char *pm_format_decimal(double v, int decimals, char *buf, size_t size)
{
    snprintf(buf, size, "%.*f", decimals, round_decimal(v, decimals));
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = ',';
    return buf;
}

char *pm_format_date(pm_day day, char *buf, size_t size)
{
    char tmp[11];
    pm_day_format_nl(day, tmp);
    snprintf(buf, size, "%s", tmp);
    return buf;
}

char *pm_format_count(double v, char *buf, size_t size)
{
    return pm_format_int((int64_t)llround(v), buf, size);
}

char *pm_format_euro_from_double(double euros, char *buf, size_t size)
{
    return pm_format_euro((int64_t)llround(euros * 100), buf, size);
}

char *pm_format_year(pm_day day, char *buf, size_t size)
{
    int y, m, d;
    pm_day_to_ymd(day, &y, &m, &d);
    snprintf(buf, size, "%d", y);
    return buf;
}

static const char *const month_names[12] = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};

char *pm_format_quarter(int qindex, char *buf, size_t size)
{
    int y, m, d;
    pm_day_to_ymd(pm_quarter_first_day(qindex), &y, &m, &d);
    snprintf(buf, size, "%de kwartaal %d", (m - 1) / 3 + 1, y);
    return buf;
}

char *pm_format_quarter_short(int qindex, char *buf, size_t size)
{
    int y, m, d;
    pm_day_to_ymd(pm_quarter_first_day(qindex), &y, &m, &d);
    snprintf(buf, size, "%d-K%d", y, (m - 1) / 3 + 1);
    return buf;
}

char *pm_format_period(pm_day start, pm_day end, char *buf, size_t size)
{
    int y1, m1, d1, y2, m2, d2;
    pm_day_to_ymd(start, &y1, &m1, &d1);
    pm_day_to_ymd(end, &y2, &m2, &d2);
    /* The next day after end starts a new month (quarter, year) exactly when
     * end is the last day of one: no month lengths needed. */
    int yn, mn, dn;
    pm_day_to_ymd(end + 1, &yn, &mn, &dn);
    bool whole_months = d1 == 1 && dn == 1;
    if (whole_months && m1 == 1 && y2 == y1 && m2 == 12)
        snprintf(buf, size, "%d", y1);
    else if (whole_months && y2 == y1 && m2 == m1)
        snprintf(buf, size, "%s %d", month_names[m1 - 1], y1);
    else if (whole_months && y2 == y1 && (m1 - 1) % 3 == 0 && m2 == m1 + 2)
        pm_format_quarter(pm_quarter_index(start), buf, size);
    else {
        char a[11], b[11];
        pm_day_format_nl(start, a);
        pm_day_format_nl(end, b);
        snprintf(buf, size, "%s t/m %s", a, b);
    }
    return buf;
}
