/* fuzz_period.c — libFuzzer target for report periods (engine/period.c):
 * pm_period_parse on the input as a C string, and the quarter arithmetic.
 *
 * Invariants checked for every input:
 *   - false leaves *out alone; true exactly for the forms of period.h (a
 *     year, YYYY-Qn / YYYY-qn, YYYY-MM, or A..B with two dates and A <= B),
 *     decided here by an independent reading of the header;
 *   - on true: start <= end, both in 1900..2199; the label is NUL-terminated
 *     in its 48 bytes, is the input in canonical form, and parses back to the
 *     same period; a year is 1 Jan..31 Dec, a month day 1..its last day, a
 *     quarter 90..92 days that pm_quarter_index/first_day/last_day/label
 *     agree on, and a range is exactly its two dates;
 *   - pm_period_last_complete_quarter of any day in the period ends before
 *     that day's quarter starts. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "period.h"

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* What pm_period_parse must give for s, from period.h alone. */
static bool ref_period(const char *s, pm_period *out)
{
    size_t len = strlen(s);
    const char *dots = strstr(s, "..");
    if (dots) {
        size_t alen = (size_t)(dots - s);
        pm_day a, b;
        if (alen == 0 || len - alen - 2 == 0 || !pm_day_parse(s, alen, &a) ||
            !pm_day_parse(dots + 2, len - alen - 2, &b) || a > b)
            return false;
        out->start = a;
        out->end = b;
        char ia[11], ib[11];
        pm_day_format_iso(a, ia);
        pm_day_format_iso(b, ib);
        memcpy(out->label, ia, 10);
        memcpy(out->label + 10, "..", 2);
        memcpy(out->label + 12, ib, 11);
        return true;
    }
    if ((len != 4 && len != 7) || !all_digits(s, 4))
        return false;
    int y = num(s, 4);
    if (y < 1900 || y > 2199)
        return false;
    memcpy(out->label, s, len + 1);
    if (len == 4) {
        out->start = pm_day_from_ymd(y, 1, 1);
        out->end = pm_day_from_ymd(y, 12, 31);
        return true;
    }
    if (s[4] != '-')
        return false;
    if ((s[5] == 'Q' || s[5] == 'q') && s[6] >= '1' && s[6] <= '4') {
        int q = s[6] - '0';
        out->label[5] = 'Q';
        out->start = pm_day_from_ymd(y, 3 * q - 2, 1);
        out->end =
            q == 4 ? pm_day_from_ymd(y, 12, 31) : pm_day_from_ymd(y, 3 * q + 1, 1) - 1;
        return true;
    }
    if (!all_digits(s + 5, 2))
        return false;
    int m = num(s + 5, 2);
    if (m < 1 || m > 12)
        return false;
    out->start = pm_day_from_ymd(y, m, 1);
    out->end = m == 12 ? pm_day_from_ymd(y, 12, 31) : pm_day_from_ymd(y, m + 1, 1) - 1;
    return true;
}

static void check_period(const pm_period *p)
{
    FUZZ_ASSERT(p->start <= p->end, "start <= end");
    int y1, m1, d1, y2, m2, d2;
    pm_day_to_ymd(p->start, &y1, &m1, &d1);
    pm_day_to_ymd(p->end, &y2, &m2, &d2);
    FUZZ_ASSERT(y1 >= 1900 && y2 <= 2199, "period inside 1900..2199");
    FUZZ_ASSERT(memchr(p->label, '\0', sizeof p->label) != NULL, "label terminated");

    pm_period again;
    memset(&again, 0, sizeof again);
    FUZZ_ASSERT(pm_period_parse(p->label, &again), "label parses back");
    FUZZ_ASSERT(again.start == p->start && again.end == p->end &&
                    strcmp(again.label, p->label) == 0,
                "label gives the same period");

    size_t len = strlen(p->label);
    if (len == 7 && p->label[5] == 'Q') {
        int q = pm_quarter_index(p->start);
        FUZZ_ASSERT(q == pm_quarter_index(p->end), "a quarter is one quarter");
        FUZZ_ASSERT(pm_quarter_first_day(q) == p->start, "quarter first day");
        FUZZ_ASSERT(pm_quarter_last_day(q) == p->end, "quarter last day");
        char lab[8];
        pm_quarter_label(q, lab, sizeof lab);
        FUZZ_ASSERT(strcmp(lab, p->label) == 0, "quarter label");
        int days = p->end - p->start + 1;
        FUZZ_ASSERT(days >= 90 && days <= 92, "a quarter has 90..92 days");
    }

    /* The last complete quarter before any day of the period. */
    pm_day mid = p->start + (p->end - p->start) / 2;
    pm_period lcq;
    pm_period_last_complete_quarter(mid, &lcq);
    FUZZ_ASSERT(lcq.end + 1 == pm_quarter_first_day(pm_quarter_index(mid)),
                "last complete quarter ends the day before this quarter");
    FUZZ_ASSERT(lcq.start <= lcq.end, "last complete quarter is a period");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';

    pm_period p, sentinel, want;
    memset(&sentinel, 0x5E, sizeof sentinel);
    p = sentinel;
    memset(&want, 0, sizeof want);
    bool ok = pm_period_parse(s, &p);
    bool ref = ref_period(s, &want);
    FUZZ_ASSERT(ok == ref, "pm_period_parse accepts exactly the forms of period.h");
    if (ok) {
        FUZZ_ASSERT(p.start == want.start && p.end == want.end,
                    "the period the input names");
        FUZZ_ASSERT(strcmp(p.label, want.label) == 0, "the canonical label");
        check_period(&p);
    } else {
        FUZZ_ASSERT(memcmp(&p, &sentinel, sizeof p) == 0, "false leaves *out alone");
    }
    free(s);
    return 0;
}
