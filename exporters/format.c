/* format.c — Dutch formats for everything a user reads.
 * Rounding is half away from zero, as a reader checking by hand expects. */
#include "format.h"

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

char *pm_format_percent(double fraction, int decimals, char *buf, size_t size)
{
    double scale = pow(10.0, decimals);
    double v = round(fraction * 100.0 * scale) / scale;
    snprintf(buf, size, "%.*f%%", decimals, v);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = ',';
    return buf;
}

char *pm_format_decimal(double v, int decimals, char *buf, size_t size)
{
    double scale = pow(10.0, decimals);
    snprintf(buf, size, "%.*f", decimals, round(v * scale) / scale);
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
