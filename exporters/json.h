/* json.h — the JSON output of `indicators --format json` (SPEC §7):
 * {"periode": {...}, "peildatum": ..., "indicatoren": [...]}, with every
 * indicator's periode and cumulatief figures, breakdowns and trend. */
#ifndef PM_JSON_H
#define PM_JSON_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "export.h"
#include "result.h"

/* Builds the document; NULL when memory runs out. The caller frees it with
 * cJSON_Delete. */
cJSON *pm_json_report(const pm_report *rep, pm_audience audience);

/* Writes the document, indented, followed by a newline. */
pm_error pm_json_write(const pm_report *rep, pm_audience audience, FILE *out, char *msg,
                       size_t msgsize);

#endif
