/* columns_collect.h — the indicators' columns (columns.h) gathered from the
 * rows as `import` writes them, instead of scanning hulpvragen, inzet and
 * evaluaties again once they are in (issue 17 point 5: that scan of 4.5M
 * rows was a fifth of the import's CPU at 1M).
 *
 * Only valid when those three tables hold exactly the rows the import
 * wrote, in the order it wrote them: the importer collects only while each
 * of them was empty when the import started (a bulk load), and otherwise
 * refreshes the columns from the tables as before. Organisations and
 * specialists are referred to by id while collecting and resolved against
 * the tables at the end, since their files may come after the others.
 *
 * Ownership: pm_collect_new's result is freed by pm_collect_free (NULL is
 * fine). Texts are copied; NULL stands for a stored NULL. */
#ifndef PM_COLUMNS_COLLECT_H
#define PM_COLUMNS_COLLECT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "store.h"
#include "value.h"

typedef struct pm_collect pm_collect;

/* NULL when out of memory. */
pm_collect *pm_collect_new(void);
void pm_collect_free(pm_collect *k);

/* One written row each; PM_ERR_NOMEM when it cannot be kept. */
pm_error pm_collect_request(pm_collect *k, const char *id, size_t idlen, const char *org,
                            size_t orglen, pm_day ontvangen, pm_day contact,
                            const char *onderwerp);
pm_error pm_collect_evaluation(pm_collect *k, const char *soort, pm_day datum,
                               const char *org, size_t orglen, const char *spec,
                               size_t speclen, int32_t score_x10);
pm_error pm_collect_inzet(pm_collect *k, pm_day datum, const char *spec, size_t speclen,
                          const char *request, size_t requestlen, int32_t uren_x100);

/* Which references of the collected rows are known to be complete, as the
 * importer's reference checks would find from the tables: *orgs when every
 * organisation id of the collected hulpvragen and evaluations is in
 * organisaties, *specs when every specialist id of the collected inzet and
 * specialist evaluations is in specialisten, *requests when every request
 * id of the collected inzet is one of the collected hulpvragen. False
 * means "not known": the caller asks the tables. PM_ERR_DB or
 * PM_ERR_NOMEM with msg. */
pm_error pm_collect_refs(pm_collect *k, sqlite3 *db, bool *orgs, bool *specs,
                         bool *requests, char *msg, size_t msgsize);

/* Resolves the ids against organisaties and specialisten of db as they are
 * now, builds the columns exactly as pm_columns_build would from the tables,
 * and keeps them stamped with *sums (inside the caller's transaction).
 * PM_ERR_DB or PM_ERR_NOMEM with a Dutch reason in msg. */
pm_error pm_collect_keep(pm_collect *k, sqlite3 *db, const pm_store_sums *sums, char *msg,
                         size_t msgsize);

/* pm_collect_keep in three steps, so that the middle one can run on another
 * thread while the caller's connection builds the indexes (import.c):
 * resolve reads organisaties and specialisten (their rows must be final);
 * arrange builds the columns in memory and touches neither the database nor
 * what pm_collect_refs reads (the id sets, the requests seen); store keeps
 * them stamped with *sums. Each returns PM_OK, or PM_ERR_DB/PM_ERR_NOMEM
 * (resolve and store with a reason in msg). Call each once, in order. */
pm_error pm_collect_resolve(pm_collect *k, sqlite3 *db, char *msg, size_t msgsize);
pm_error pm_collect_arrange(pm_collect *k);
pm_error pm_collect_store(pm_collect *k, sqlite3 *db, const pm_store_sums *sums,
                          char *msg, size_t msgsize);

#endif
