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

/* For columns_collect.c, which builds the same rows from an import's own
 * rows instead of scanning the tables: */

/* Orders n rows of size elem by the pm_day at the start of each row,
 * stably (the order of a scan in rowid order is kept within a day). */
pm_error pm_columns_sort_by_day(void **rows, size_t n, size_t elem);

/* The index into pm_expertises of a stored onderwerp (NULL: none). */
int32_t pm_columns_subject(const char *onderwerp);

/* Orders c->activity by (datum, specialist, org) and keeps one of each. */
pm_error pm_columns_activity_distinct(pm_columns *c);

/* Keeps c in kolommen, stamped with *sums (as pm_columns_refresh does). */
pm_error pm_columns_keep(sqlite3 *db, const pm_columns *c, const pm_store_sums *sums,
                         char *msg, size_t msgsize);

#endif
