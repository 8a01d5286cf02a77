/* written_json.h — the JSON of the written report's generated parts (SPEC
 * §10): `samenvatting` and `bereik`, added by json.c after its own keys. */
#ifndef PM_WRITTEN_JSON_H
#define PM_WRITTEN_JSON_H

#include <cjson/cJSON.h>

#include "export.h"
#include "result.h"

/* Adds "samenvatting" ([{"indicator": "R1" | null, "zin": "..."}], with
 * check's warnings when rep->warnings is set) and, when rep->bereik is
 * computed, "bereik" ({"gefilterd", "periode", "cumulatief"}; a count the
 * audience may not see is null with "<veld>_onderdrukt") to doc; with
 * rep->warnings also "controle" ({"waarschuwingen": N}, the count the
 * samenvatting quotes). false when memory ran out. */
bool pm_json_add_written(cJSON *doc, const pm_report *rep, pm_audience a);

#endif
