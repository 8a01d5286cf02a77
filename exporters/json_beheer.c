/* json_beheer.c — the open requests of the management section as JSON
 * (json_beheer.h): counts, then one object per request. */
#include "json_beheer.h"

static void add_date_or_null(cJSON *o, const char *key, pm_day d)
{
    if (!d) {
        cJSON_AddNullToObject(o, key);
        return;
    }
    char buf[11];
    pm_day_format_iso(d, buf);
    cJSON_AddStringToObject(o, key, buf);
}

static void add_text_or_null(cJSON *o, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(o, key, s);
    else
        cJSON_AddNullToObject(o, key);
}

cJSON *pm_json_openstaand(const pm_beheer *b)
{
    const pm_open *o = &b->open;
    cJSON *obj = cJSON_CreateObject();
    if (!obj)
        return NULL;
    cJSON_AddNumberToObject(obj, "totaal", (double)o->n);
    cJSON_AddNumberToObject(obj, "zonder_contact_na_termijn",
                            (double)o->zonder_contact_na_termijn);
    cJSON_AddNumberToObject(obj, "langer_dan_20_werkdagen", (double)o->langer_dan_20);
    cJSON *list = cJSON_AddArrayToObject(obj, "hulpvragen");
    for (size_t i = 0; list && i < o->n; i++) {
        const pm_open_request *r = &o->rows[i];
        cJSON *e = cJSON_CreateObject();
        if (!e)
            break;
        cJSON_AddStringToObject(e, "id", r->id);
        add_date_or_null(e, "ontvangen", r->ontvangen);
        cJSON_AddNumberToObject(e, "werkdagen_open", r->werkdagen_open);
        add_date_or_null(e, "eerste_contact", r->eerste_contact);
        add_date_or_null(e, "termijn", r->termijn);
        cJSON_AddBoolToObject(e, "termijn_verstreken", r->termijn_verstreken);
        add_text_or_null(e, "specialist", r->specialist);
        add_text_or_null(e, "specialist_id", r->specialist_id);
        add_text_or_null(e, "onderwerp", r->onderwerp);
        add_text_or_null(e, "organisatie", r->organisatie);
        add_text_or_null(e, "organisatie_id", r->organisatie_id);
        cJSON_AddItemToArray(list, e);
    }
    return obj;
}
