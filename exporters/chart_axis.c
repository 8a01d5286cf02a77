/* chart_axis.c — value axes: nice ticks in steps of 1, 2 or 5 times a power
 * of ten, and the Dutch labels on them ("87,5%", "1.234", "€ 12.345"). */
#include <math.h>
#include <stdio.h>

#include "chart.h"
#include "format.h"

/* The step in the unit a reader sees: percentages are read as 0..100. */
static double shown(double v, pm_value_format f)
{
    return f == PM_FMT_PERCENT ? v * 100.0 : v;
}

void pm_axis_ticks(double lo, double hi, int max_ticks, pm_value_format f, pm_ticks *t)
{
    if (max_ticks < 1)
        max_ticks = 1;
    if (!(hi > lo)) {
        /* One value (or none): a range around it that still starts at 0
         * for positive values, since bars grow from zero. */
        double v = hi;
        if (v > 0) {
            lo = 0;
            hi = v;
        } else if (v < 0) {
            lo = v;
            hi = 0;
        } else {
            lo = 0;
            hi = 1.0;
        }
    }
    /* A count axis reaches at least 5, so that 1 does not fill the plot
     * and look like a lot. */
    if (f == PM_FMT_COUNT && hi < 5)
        hi = 5;
    double raw = (hi - lo) / max_ticks;
    double mag = pow(10.0, floor(log10(raw)));
    double norm = raw / mag;
    double step;
    if (norm <= 1.0 + 1e-9)
        step = mag;
    else if (norm <= 2.0 + 1e-9)
        step = 2 * mag;
    else if (norm <= 5.0 + 1e-9)
        step = 5 * mag;
    else
        step = 10 * mag;
    /* Counts cannot be split: a step below 1 would label 0,5 products. */
    if ((f == PM_FMT_COUNT || f == PM_FMT_EURO) && step < 1)
        step = 1;
    /* Widening lo and hi to whole steps can add an interval (1..9 in steps
     * of 2 is 0..10: 5 intervals); then the next nice step, until the
     * promised max_ticks holds. */
    for (;;) {
        t->step = step;
        t->min = floor(lo / step + 1e-9) * step;
        t->max = ceil(hi / step - 1e-9) * step;
        t->count = (int)llround((t->max - t->min) / step) + 1;
        if (t->count - 1 <= max_ticks)
            break;
        double m = pow(10.0, floor(log10(step) + 1e-9));
        double n = step / m;
        step = n < 1.5 ? 2 * m : n < 3.5 ? 5 * m : 10 * m;
    }
    double s = shown(step, f);
    int dec = 0;
    while (dec < 6 && fabs(s * pow(10.0, dec) - round(s * pow(10.0, dec))) > 1e-6)
        dec++;
    t->decimals = dec;
}

char *pm_axis_format(double v, pm_value_format f, int decimals, char *buf, size_t size)
{
    switch (f) {
    case PM_FMT_PERCENT: return pm_format_percent(v, decimals, buf, size);
    case PM_FMT_EURO: return pm_format_euro_whole((int64_t)llround(v), buf, size);
    case PM_FMT_COUNT:
    case PM_FMT_NUMBER:
    default:
        if (decimals == 0)
            return pm_format_int((int64_t)llround(v), buf, size);
        return pm_format_decimal(v, decimals, buf, size);
    }
}
