/* filter.h — the organisation filter of SPEC §9 (--regio, --type,
 * --organisatie) checked and resolved once per report into what R1-R3 test.
 *
 * Resolving checks every value against the store (a Dutch usage error names
 * the valid values or the closest id), keeps the set O as masks and a sorted
 * id list, and writes O's ids into TEMP TABLE pm_filter_orgs for the SQL of
 * R3. The organisation table (orgs.h) then marks each of its entries once
 * per load, so a row costs one flag test: pm_org_in_filter. */
#ifndef PM_FILTER_H
#define PM_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "indicator.h"
#include "orgs.h"

/* O, resolved. Zeroed: no filter. */
typedef struct pm_orgset {
    bool active;
    unsigned regio_mask; /* bit i for pm_regios[i]; 0: any regio */
    unsigned type_mask;  /* bit i for pm_org_types[i]; 0: any type */
    char **ids;          /* --organisatie, sorted (strcmp), owned; none: any */
    size_t nids;
    long count; /* organisations in O */
    long total; /* organisations in the store */
} pm_orgset;

/* Checks *f against the store behind ctx->db and resolves it into *out
 * (zeroed first; a NULL or empty filter leaves it inactive and touches no
 * table). PM_ERR_USAGE with a Dutch message for an unknown regio, type
 * (gemeente or sob) or organisation ("bedoelt u GM0363?"); PM_ERR_DB or
 * PM_ERR_NOMEM with msg otherwise. pm_orgset_free is safe either way. */
pm_error pm_orgset_resolve(const pm_context *ctx, const pm_filter *f, pm_orgset *out,
                           char *msg, size_t msgsize);

/* Whether an organisation of regio and type indexes (-1: none) and this id
 * lies in O; true for every organisation when s is NULL or inactive. */
bool pm_orgset_contains(const pm_orgset *s, int regio, int type, const char *id);

void pm_orgset_free(pm_orgset *s);

/* The one test a row of R1 or R2 makes: whether its organisation counts.
 * Without a filter every row counts, also one whose organisation is
 * missing (a dangling reference `check` reports); under one, only
 * organisations of O. */
static inline bool pm_org_in_filter(const pm_context *ctx, const pm_org *org)
{
    return !ctx->filter || (org && org->in_filter);
}

#endif
