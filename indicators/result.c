/* result.c — the few functions of the plain result types (result.h): status
 * names, lookup by id, and freeing what a result owns. */
#include "result.h"

#include <stdlib.h>
#include <string.h>

const char *pm_status_name(pm_status s)
{
    switch (s) {
    case PM_GRIJS: return "grijs";
    case PM_GROEN: return "groen";
    case PM_ORANJE: return "oranje";
    case PM_ROOD: return "rood";
    }
    return "grijs";
}

const pm_result *pm_report_find(const pm_report *rep, const char *id)
{
    for (size_t i = 0; i < rep->nresults; i++)
        if (strcmp(rep->results[i].id, id) == 0)
            return &rep->results[i];
    return NULL;
}

static void free_cells(pm_cell *cells, size_t n)
{
    for (size_t i = 0; cells && i < n; i++) {
        free(cells[i].key);
        free(cells[i].label);
    }
    free(cells);
}

const char *pm_oordeel_name(pm_oordeel o)
{
    switch (o) {
    case PM_OORDEEL_GEHAALD: return "gehaald";
    case PM_OORDEEL_NIET_GEHAALD: return "niet gehaald";
    case PM_OORDEEL_GEEN_GEGEVENS: return "geen gegevens";
    }
    return "geen gegevens";
}

void pm_result_free(pm_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nbreakdowns; i++) {
        free_cells(r->breakdowns[i].periode, r->breakdowns[i].ncells);
        free_cells(r->breakdowns[i].cumulatief, r->breakdowns[i].ncells);
    }
    free(r->breakdowns);
    free(r->trend);
    free(r->eindstanden);
    memset(r, 0, sizeof *r);
}
