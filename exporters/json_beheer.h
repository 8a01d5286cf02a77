/* json_beheer.h — the management section's part of the JSON output:
 * "openstaand" (SPEC §10), intern only. In json_beheer.c. */
#ifndef PM_JSON_BEHEER_H
#define PM_JSON_BEHEER_H

#include <cjson/cJSON.h>

#include "beheer.h"

/* {"totaal", "zonder_contact_na_termijn", "langer_dan_20_werkdagen",
 * "hulpvragen": [...]}: the requests open on the peildatum, oldest first,
 * dates ISO. NULL when memory runs out; the caller owns the result. */
cJSON *pm_json_openstaand(const pm_beheer *b);

#endif
