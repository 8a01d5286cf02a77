/* fuzz_date.c — libFuzzer target for the date functions of engine/value.c:
 * pm_day_parse on the raw input bytes, and the day-number conversions.
 *
 * Invariants checked for every input:
 *   - pm_day_parse reads only s[0..len) (the input is not NUL-terminated, so
 *     AddressSanitizer sees any read past it) and leaves *out alone on false;
 *   - it agrees with ref_parse below, an independent reading of the grammar
 *     in value.h written from the header, not from value.c;
 *   - on true: the year is 1900..2199; the day, month and year equal the
 *     digit groups of the input (YYYY-MM-DD or D-M-YYYY); anything after the
 *     date starts with 'T' or a space; pm_day_format_iso and pm_day_format_nl
 *     both parse back to the same day, also with a time part appended;
 *   - for the first four input bytes taken as any int32 day number:
 *     pm_day_to_ymd and pm_day_from_ymd round-trip, the weekday is 1..7 and
 *     one more than the day before's, and both formatters write exactly ten
 *     characters and a NUL into an 11-byte buffer. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "value.h"

/* Parses a decimal digit run at s[*i]; -1 when there is none. */
static long digit_run(const uint8_t *s, size_t len, size_t *i)
{
    long v = 0;
    size_t start = *i;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9' && *i - start < 6)
        v = v * 10 + (s[(*i)++] - '0');
    return *i == start ? -1 : v;
}

static int two(const uint8_t *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

static bool digits_at(const uint8_t *s, size_t len, size_t i, size_t n)
{
    if (i > len || len - i < n)
        return false;
    for (size_t k = 0; k < n; k++)
        if (s[i + k] < '0' || s[i + k] > '9')
            return false;
    return true;
}

/* "HH:MM[:SS[.digits]][Z|+HH:MM|-HH:MM]" exactly filling s[i..len). */
static bool ref_time(const uint8_t *s, size_t len, size_t i)
{
    if (!digits_at(s, len, i, 2) || two(s + i) > 23 || i + 2 >= len || s[i + 2] != ':')
        return false;
    if (!digits_at(s, len, i + 3, 2) || two(s + i + 3) > 59)
        return false;
    i += 5;
    if (i < len && s[i] == ':') {
        if (!digits_at(s, len, i + 1, 2) || two(s + i + 1) > 60)
            return false;
        i += 3;
        if (i < len && s[i] == '.') {
            size_t n = 0;
            while (digits_at(s, len, i + 1 + n, 1))
                n++;
            if (n == 0)
                return false;
            i += 1 + n;
        }
    }
    if (i == len)
        return true;
    if (s[i] == 'Z')
        return i + 1 == len;
    if (s[i] != '+' && s[i] != '-')
        return false;
    return len - i == 6 && digits_at(s, len, i + 1, 2) && two(s + i + 1) <= 23 &&
           s[i + 3] == ':' && digits_at(s, len, i + 4, 2) && two(s + i + 4) <= 59;
}

static bool ref_leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The date grammar of value.h, from digit runs: YYYY-MM-DD, or D-M-YYYY with
 * one or two digits for day and month; then nothing, or 'T'/' ' and a time. */
static bool ref_parse(const uint8_t *s, size_t len, long *y, long *m, long *d)
{
    size_t i = 0, r1, r2, r3;
    long g1 = digit_run(s, len, &i);
    r1 = i;
    if (g1 < 0 || i >= len || s[i] != '-')
        return false;
    size_t st = ++i;
    long g2 = digit_run(s, len, &i);
    r2 = i - st;
    if (g2 < 0 || i >= len || s[i] != '-')
        return false;
    st = ++i;
    long g3 = digit_run(s, len, &i);
    r3 = i - st;
    if (g3 < 0)
        return false;
    if (r1 == 4 && r2 == 2 && r3 == 2) {
        *y = g1, *m = g2, *d = g3;
    } else if (r1 <= 2 && r2 <= 2 && r3 == 4) {
        *d = g1, *m = g2, *y = g3;
    } else {
        return false;
    }
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (*y < 1900 || *y > 2199 || *m < 1 || *m > 12 || *d < 1)
        return false;
    if (*d > dim[*m - 1] + (*m == 2 && ref_leap(*y)))
        return false;
    if (i == len)
        return true;
    return (s[i] == 'T' || s[i] == ' ') && ref_time(s, len, i + 1);
}

static void check_parsed(const uint8_t *data, size_t size, pm_day day)
{
    int y, m, d;
    pm_day_to_ymd(day, &y, &m, &d);
    FUZZ_ASSERT(y >= 1900 && y <= 2199, "parsed year in 1900..2199");

    /* The digit groups of the input are the date. */
    size_t i = 0;
    long g1 = digit_run(data, size, &i);
    FUZZ_ASSERT(i < size && data[i] == '-', "a dash after the first group");
    size_t len1 = i;
    i++;
    long g2 = digit_run(data, size, &i);
    FUZZ_ASSERT(i < size && data[i] == '-', "a dash after the second group");
    i++;
    size_t s3 = i;
    long g3 = digit_run(data, size, &i);
    if (len1 == 4) {
        FUZZ_ASSERT(g1 == y && g2 == m && g3 == d, "ISO date read as written");
        FUZZ_ASSERT(i - s3 == 2, "ISO day has two digits");
    } else {
        FUZZ_ASSERT(len1 <= 2 && g1 == d && g2 == m, "Dutch day and month as written");
        FUZZ_ASSERT(i - s3 == 4 && g3 == y, "Dutch year as written, four digits");
    }
    if (i < size)
        FUZZ_ASSERT(data[i] == 'T' || data[i] == ' ', "a time part follows T or space");

    char buf[11];
    pm_day back = -1;
    pm_day_format_iso(day, buf);
    FUZZ_ASSERT(strlen(buf) == 10, "ISO form has ten characters");
    FUZZ_ASSERT(pm_day_parse(buf, 10, &back) && back == day, "ISO form parses back");
    pm_day_format_nl(day, buf);
    back = -1;
    FUZZ_ASSERT(pm_day_parse(buf, 10, &back) && back == day, "Dutch form parses back");
    char withtime[32];
    memcpy(withtime, buf, 10);
    memcpy(withtime + 10, "T23:59:60.5+01:00", 17);
    back = -1;
    FUZZ_ASSERT(pm_day_parse(withtime, 27, &back) && back == day,
                "a time part is checked and ignored");
}

/* Any int32 day: conversions must be exact and formatting stay in bounds. */
static void check_day_number(pm_day day)
{
    int y, m, d;
    pm_day_to_ymd(day, &y, &m, &d);
    FUZZ_ASSERT(m >= 1 && m <= 12 && d >= 1 && d <= 31, "month and day in range");
    FUZZ_ASSERT(pm_day_from_ymd(y, m, d) == day, "ymd round-trips");
    int wd = pm_day_weekday(day);
    FUZZ_ASSERT(wd >= 1 && wd <= 7, "weekday 1..7");
    if (day > INT32_MIN)
        FUZZ_ASSERT(pm_day_weekday(day - 1) % 7 + 1 == wd, "weekdays follow each other");

    char *iso = malloc(11), *nl = malloc(11); /* exact size: ASan sees overruns */
    if (!iso || !nl) {
        free(iso);
        free(nl);
        return;
    }
    pm_day_format_iso(day, iso);
    pm_day_format_nl(day, nl);
    FUZZ_ASSERT(strlen(iso) == 10 && strlen(nl) == 10, "formats have ten characters");
    if (y >= 1900 && y <= 2199) {
        pm_day back = -1;
        FUZZ_ASSERT(pm_day_parse(iso, 10, &back) && back == day, "ISO parses back");
    }
    free(iso);
    free(nl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const pm_day sentinel = 0x5EAD;
    pm_day day = sentinel;
    bool ok = pm_day_parse((const char *)data, size, &day);
    long ry, rm, rd;
    bool want = ref_parse(data, size, &ry, &rm, &rd);
    FUZZ_ASSERT(ok == want, "pm_day_parse agrees with the reference grammar");
    if (ok) {
        FUZZ_ASSERT(day == pm_day_from_ymd((int)ry, (int)rm, (int)rd),
                    "the same date as the reference");
        check_parsed(data, size, day);
    } else {
        FUZZ_ASSERT(day == sentinel, "false leaves *out alone");
    }

    if (size >= 4) {
        uint32_t u;
        memcpy(&u, data, 4);
        check_day_number((pm_day)u);
    }
    return 0;
}
