/* toelichting_flags.c — the "toelichting ontbreekt" lines of the budget
 * posts outside their margin (toelichting_flags.h). */
#include "toelichting_flags.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* The line of one post, into a malloc'ed string. */
static char *flag_line(const pm_post_year *p)
{
    char what[96], buf[256];
    if (p->has_afwijking) {
        char pct[32];
        pm_format_percent(fabs(p->afwijking), 0, pct, sizeof pct);
        snprintf(what, sizeof what, "%s %s de begroting", pct,
                 p->afwijking > 0 ? "boven" : "onder");
    } else {
        /* Nothing budgeted up to the peildatum, yet money spent. */
        char eur[48];
        pm_format_euro(p->realisatie_cent, eur, sizeof eur);
        snprintf(what, sizeof what, "%s uitgegeven zonder begroting", eur);
    }
    snprintf(buf, sizeof buf, "Post %s: %s tot de peildatum — toelichting ontbreekt",
             p->post, what);
    return strdup(buf);
}

char **pm_tl_flags(const struct pm_posts *posts, const pm_toelichting *t, size_t *n)
{
    *n = 0;
    if (!posts || (t && t->sections[PM_TL_B].present))
        return NULL;
    size_t count = 0;
    for (size_t i = 0; i < posts->nposten; i++)
        count += posts->posten[i].buiten_marge;
    if (!count)
        return NULL;
    char **lines = calloc(count, sizeof *lines);
    if (!lines) {
        *n = SIZE_MAX;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < posts->nposten; i++) {
        if (!posts->posten[i].buiten_marge)
            continue;
        lines[k] = flag_line(&posts->posten[i]);
        if (!lines[k]) {
            pm_tl_flags_free(lines, k);
            *n = SIZE_MAX;
            return NULL;
        }
        k++;
    }
    *n = k;
    return lines;
}

void pm_tl_flags_free(char **lines, size_t n)
{
    if (!lines)
        return;
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}
