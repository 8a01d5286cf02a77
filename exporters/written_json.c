/* written_json.c — `samenvatting` and `bereik` as JSON (written_json.h). */
#include "written_json.h"

#include <stdio.h>

#include "bereik.h"
#include "summary.h"
#include "warning.h"

static void add_count(cJSON *o, const char *key, long n, pm_suppress s)
{
    if (pm_bereik_visible(s)) {
        cJSON_AddNumberToObject(o, key, (double)n);
        return;
    }
    cJSON_AddNullToObject(o, key);
    char hidden[48];
    snprintf(hidden, sizeof hidden, "%s_onderdrukt", key);
    cJSON_AddStringToObject(o, hidden, pm_suppress_name(s));
}

static cJSON *range(const pm_bereik_range *r)
{
    cJSON *o = cJSON_CreateObject();
    add_count(o, "gemeenten", r->gemeenten, r->gemeenten_suppress);
    cJSON_AddNumberToObject(o, "gemeenten_totaal", (double)r->gemeenten_totaal);
    add_count(o, "sob", r->sob, r->sob_suppress);
    cJSON_AddNumberToObject(o, "sob_totaal", (double)r->sob_totaal);
    cJSON *list = cJSON_AddArrayToObject(o, "per_regio");
    for (size_t k = 0; k < PM_NREGIOS; k++) {
        const pm_bereik_regio *g = &r->regio[k];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "regio", g->regio);
        add_count(c, "gemeenten", g->gemeenten, g->gemeenten_suppress);
        cJSON_AddNumberToObject(c, "gemeenten_totaal", (double)g->gemeenten_totaal);
        add_count(c, "sob", g->sob, g->sob_suppress);
        cJSON_AddItemToArray(list, c);
    }
    return o;
}

bool pm_json_add_written(cJSON *doc, const pm_report *rep, pm_audience a)
{
    pm_summary s;
    if (pm_summary_build(rep, a, rep->warnings, &s))
        return false;
    cJSON *list = cJSON_AddArrayToObject(doc, "samenvatting");
    for (size_t i = 0; list && i < s.n; i++) {
        cJSON *o = cJSON_CreateObject();
        if (s.lines[i].indicator)
            cJSON_AddStringToObject(o, "indicator", s.lines[i].indicator);
        else
            cJSON_AddNullToObject(o, "indicator");
        cJSON_AddStringToObject(o, "zin", s.lines[i].zin);
        cJSON_AddItemToArray(list, o);
    }
    pm_summary_free(&s);
    /* The count the samenvatting's sentence about check quotes, so that
     * every number of a sentence is a figure of the document. */
    if (rep->warnings) {
        cJSON *c = cJSON_AddObjectToObject(doc, "controle");
        if (!c ||
            !cJSON_AddNumberToObject(c, "waarschuwingen", (double)rep->warnings->total))
            return false;
    }
    if (!rep->bereik)
        return list != NULL;
    const pm_bereik *b = rep->bereik;
    cJSON *o = cJSON_AddObjectToObject(doc, "bereik");
    if (!o)
        return false;
    cJSON_AddBoolToObject(o, "gefilterd", b->gefilterd);
    cJSON_AddItemToObject(o, "periode", range(&b->periode));
    cJSON_AddItemToObject(o, "cumulatief", range(&b->cumulatief));
    return list != NULL;
}
