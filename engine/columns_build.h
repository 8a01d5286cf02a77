/* columns_build.h — what columns.c shares with columns_activity.c (the
 * engine's own; nothing outside engine/columns*.c includes it). */
#ifndef PM_COLUMNS_BUILD_H
#define PM_COLUMNS_BUILD_H

#include "columns.h"

/* The index of the organisation with this id (len bytes), or -1. */
typedef int32_t (*pm_org_lookup)(const void *orgs, const char *id, size_t len);

/* Builds c->activity from inzet and hulpvragen (one plain scan of each);
 * spec_ids are the specialist ids in id order. */
pm_error pm_columns_build_activity(pm_columns *c, sqlite3 *db, pm_org_lookup find,
                                   const void *orgs, char *const *spec_ids, size_t nspecs,
                                   char *msg, size_t msgsize);

#endif
