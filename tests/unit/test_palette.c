/* test_palette.c — the chart colours against the white page (WCAG 1.4.11,
 * SPEC §11): every colour a bar, line, target line or status mark takes
 * has a contrast ratio of at least 3:1 to white, and the text colours at
 * least 4.5:1 (WCAG 1.4.3). The ratio as WCAG 2.1 defines it: relative
 * luminance of the sRGB components. Prints TAP. */
#include <math.h>
#include <stdio.h>

#include "chart.h"
#include "tap.h"

static double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(pm_rgb c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/* Against white (luminance 1). */
static double ratio(pm_rgb c)
{
    return 1.05 / (luminance(c) + 0.05);
}

static void at_least(pm_rgb c, double min, const char *what)
{
    char name[160];
    double r = ratio(c);
    snprintf(name, sizeof name, "%s: %.2f:1 against white, at least %.1f:1", what, r,
             min);
    CHECK(r >= min, name);
}

int main(void)
{
    /* The ratio itself: black is 21:1, Okabe-Ito's original orange 2.25:1. */
    CHECK(fabs(ratio((pm_rgb){0, 0, 0}) - 21.0) < 0.01, "black on white is 21:1");
    CHECK(ratio((pm_rgb){0.902, 0.624, 0.0}) < 3.0,
          "the original Okabe-Ito orange #E69F00 fails 3:1 (why the palette differs)");

    static const char *const names[] = {"zwart", "oranje", "hemelsblauw", "blauwgroen",
                                        "geel",  "blauw",  "vermiljoen",  "paars"};
    for (int i = 0; i < 8; i++) {
        /* Yellow marks nothing: it would be 1.3:1. Kept for fills behind text. */
        if (i == PM_OI_YELLOW)
            continue;
        char what[64];
        snprintf(what, sizeof what, "palette colour %s", names[i]);
        at_least(pm_okabe_ito[i], 3.0, what);
    }
    at_least(pm_status_color(PM_GROEN), 3.0, "status groen");
    at_least(pm_status_color(PM_ORANJE), 3.0, "status oranje");
    at_least(pm_status_color(PM_ROOD), 3.0, "status rood");
    at_least(pm_status_color(PM_GRIJS), 3.0, "status grijs");
    at_least(pm_muted, 3.0, "axes and target lines (muted)");
    at_least(pm_ink, 4.5, "body text (ink)");
    at_least(pm_muted, 4.5, "secondary text (muted)");
    return tap_done();
}
