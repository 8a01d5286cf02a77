/* chart_alt.c — a chart's text alternative in Dutch (chart_alt.h). The
 * sentence grows as it is written (names and labels have no length limit),
 * so it lives in a growing buffer rather than a fixed one. */
#include "chart_alt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool failed;
} sbuf;

static void put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

static const char *number(pm_alt_unit u, double v, char *buf, size_t size)
{
    switch (u) {
    case PM_ALT_PCT: return pm_format_percent(v, 1, buf, size);
    case PM_ALT_EURO: return pm_format_euro_whole((int64_t)llround(v), buf, size);
    default: return pm_format_count(v, buf, size);
    }
}

/* One series' value of a point: its number, its mark, or "geen". */
static void value(sbuf *b, const pm_alt_chart *c, const pm_alt_point *p, size_t s)
{
    char num[64];
    if (p->mark[s])
        put(b, p->mark[s]);
    else if (p->has[s])
        put(b, number(c->unit, p->value[s], num, sizeof num));
    else
        put(b, "geen");
}

char *pm_chart_alt_text(const pm_alt_chart *c)
{
    sbuf b = {0};
    put(&b, c->kind == PM_ALT_LIJN ? "Lijndiagram: " : "Staafdiagram: ");
    /* The title starts the sentence after the colon: its first letter goes
     * lower case, as a reader would write it ("reactie binnen ..."). */
    if (c->title && c->title[0]) {
        char first[2] = {c->title[0], '\0'};
        if (first[0] >= 'A' && first[0] <= 'Z')
            first[0] = (char)(first[0] - 'A' + 'a');
        put(&b, first);
        put(&b, c->title + 1);
    }
    put(&b, ".");
    size_t ns = c->nseries < 1               ? 1
                : c->nseries > PM_ALT_SERIES ? PM_ALT_SERIES
                                             : c->nseries;
    if (c->npoints == 0)
        put(&b, " Geen gegevens.");
    for (size_t i = 0; i < c->npoints; i++) {
        const pm_alt_point *p = &c->points[i];
        put(&b, i ? (ns > 1 ? "; " : ", ") : " ");
        put(&b, p->label ? p->label : "");
        put(&b, ns > 1 ? ": " : " ");
        for (size_t s = 0; s < ns; s++) {
            if (ns > 1) {
                put(&b, s ? ", " : "");
                put(&b, c->series[s] ? c->series[s] : "");
                put(&b, " ");
            }
            value(&b, c, p, s);
        }
    }
    if (c->npoints)
        put(&b, ".");
    if (c->target && c->target[0]) {
        put(&b, " Doel ");
        put(&b, c->target);
        put(&b, ".");
    }
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    return b.p;
}
