/* orgs.h — the organisations as a sorted in-memory table (id → regio,
 * type), so indicators that read many rows per organisation look them up
 * in C instead of joining on a text key for every row. */
#ifndef PM_ORGS_H
#define PM_ORGS_H

#include <stdbool.h>
#include <stdint.h>

#include "dataset.h"
#include "indicator.h"

/* Region and type as small indexes into pm_regios and pm_org_types
 * (dataset.h); -1 for none (an opdrachtgever). */
typedef struct pm_org {
    char *id;   /* in the table's arena */
    char *naam; /* in the table's arena */
    signed char regio;
    signed char type;
    bool in_filter; /* in the report's filter set (filter.h); all without one */
} pm_org;

typedef struct pm_org_table {
    pm_org *orgs; /* sorted by id, strcmp order */
    size_t n;
    uint32_t *slots; /* hash index: 0 empty, else 1 + index into orgs */
    size_t mask;     /* slots has mask + 1 entries, a power of two */
    /* The ids and names, in blocks that never move (pointers into them are
     * kept): two allocations per organisation were a tenth of a command's
     * time at 66,666 organisations (docs/PERFORMANCE.md). */
    char **blocks;
    size_t nblocks;
    size_t used; /* bytes used in the last block */
    size_t size; /* bytes in the last block */
} pm_org_table;

/* Loads every organisation. PM_ERR_DB / PM_ERR_NOMEM with msg on failure;
 * pm_org_table_free is safe either way. */
pm_error pm_org_table_load(const pm_context *ctx, pm_org_table *t, char *msg,
                           size_t msgsize);

/* The organisation with this id, or NULL. A hash lookup: R1 and R2 ask once
 * per request or evaluation. */
const pm_org *pm_org_find(const pm_org_table *t, const char *id);

void pm_org_table_free(pm_org_table *t);

/* The table an indicator reads: ctx->orgs when the report loaded it, else
 * one loaded into *own, which the caller frees with pm_org_table_free when
 * *out == own (a zeroed *own is freed safely either way). */
pm_error pm_org_table_use(const pm_context *ctx, pm_org_table *own,
                          const pm_org_table **out, char *msg, size_t msgsize);

/* Index of s in list[0..n), or -1. */
int pm_index_of(const char *const *list, size_t n, const char *s);

#endif
