/* export.c — the audience rules, in one place so every exporter applies
 * exactly the same ones. */
#include "export.h"

#include <string.h>

bool pm_audience_parse(const char *s, pm_audience *out)
{
    if (strcmp(s, "intern") == 0)
        *out = PM_INTERN;
    else if (strcmp(s, "extern") == 0)
        *out = PM_EXTERN;
    else
        return false;
    return true;
}

const char *pm_audience_name(pm_audience a)
{
    return a == PM_INTERN ? "intern" : "extern";
}

bool pm_breakdown_visible(const pm_breakdown *b, pm_audience a)
{
    return a == PM_INTERN || !b->personal;
}

bool pm_cell_visible(const pm_breakdown *b, const pm_cell *c, pm_audience a, int min_cell)
{
    if (a == PM_INTERN || !b->counts_people)
        return true;
    if (b->disclosure_done)
        return c->suppress == PM_SUPPRESS_NONE;
    /* Not through pm_disclosure_apply: at least the small cells stay hidden. */
    return c->n == 0 || c->n >= min_cell;
}

bool pm_figures_visible(const pm_figures *f)
{
    return f->suppress == PM_SUPPRESS_NONE;
}

bool pm_result_has_secondary(const pm_result *r)
{
    for (size_t i = 0; i < r->nbreakdowns; i++) {
        const pm_breakdown *b = &r->breakdowns[i];
        for (size_t c = 0; b->disclosure_done && c < b->ncells; c++)
            if (b->periode[c].suppress == PM_SUPPRESS_SECUNDAIR ||
                b->cumulatief[c].suppress == PM_SUPPRESS_SECUNDAIR)
                return true;
    }
    return false;
}

const char *pm_suppress_name(pm_suppress s)
{
    switch (s) {
    case PM_SUPPRESS_PRIMAIR: return "primair";
    case PM_SUPPRESS_SECUNDAIR: return "secundair";
    default: return NULL;
    }
}
