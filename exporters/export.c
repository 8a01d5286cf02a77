/* export.c — the audience rules, in one place so every exporter applies
 * exactly the same ones. */
#include "export.h"

#include <stdio.h>
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

pm_suppress pm_cell_hidden(const pm_breakdown *b, const pm_cell *c, pm_audience a,
                           int min_cell)
{
    if (pm_cell_visible(b, c, a, min_cell))
        return PM_SUPPRESS_NONE;
    /* Not through pm_disclosure_apply: only the small cells are hidden. */
    return c->suppress != PM_SUPPRESS_NONE ? c->suppress : PM_SUPPRESS_PRIMAIR;
}

char *pm_hidden_mark(pm_suppress s, int min_cell, char *buf, size_t size)
{
    if (!size)
        return buf;
    if (s == PM_SUPPRESS_PRIMAIR)
        snprintf(buf, size, "<%d", min_cell);
    else if (s == PM_SUPPRESS_SECUNDAIR)
        snprintf(buf, size, "%s", PM_MARK_SECUNDAIR);
    else
        buf[0] = '\0';
    return buf;
}

char *pm_hidden_legend(pm_suppress s, int min_cell, char *buf, size_t size)
{
    if (!size)
        return buf;
    if (s == PM_SUPPRESS_PRIMAIR)
        snprintf(buf, size, "<%d = minder dan %d waarnemingen, niet getoond", min_cell,
                 min_cell);
    else if (s == PM_SUPPRESS_SECUNDAIR)
        snprintf(buf, size,
                 "%s = niet getoond, zodat een kleine cel elders niet is af te leiden "
                 "(secundaire onderdrukking)",
                 PM_MARK_SECUNDAIR);
    else
        buf[0] = '\0';
    return buf;
}

char *pm_hidden_legend_short(pm_suppress s, int min_cell, char *buf, size_t size)
{
    if (!size)
        return buf;
    if (s == PM_SUPPRESS_PRIMAIR)
        snprintf(buf, size, "<%d = minder dan %d waarnemingen", min_cell, min_cell);
    else if (s == PM_SUPPRESS_SECUNDAIR)
        snprintf(buf, size, "%s = niet getoond, beschermt een kleine cel",
                 PM_MARK_SECUNDAIR);
    else
        buf[0] = '\0';
    return buf;
}

pm_suppress pm_marks_add(pm_marks *m, pm_suppress s)
{
    if (s == PM_SUPPRESS_PRIMAIR)
        m->primair = true;
    else if (s == PM_SUPPRESS_SECUNDAIR)
        m->secundair = true;
    return s;
}

pm_suppress pm_comparison_value_hidden(const pm_comparison *k)
{
    if (k->suppress == PM_SUPPRESS_NONE)
        return PM_SUPPRESS_NONE;
    return k->f.suppress != PM_SUPPRESS_NONE ? k->f.suppress : PM_SUPPRESS_SECUNDAIR;
}

pm_suppress pm_comparison_verschil_hidden(const pm_comparison *k)
{
    return k->suppress == PM_SUPPRESS_NONE ? PM_SUPPRESS_NONE : PM_SUPPRESS_SECUNDAIR;
}
