/* sent.h — what was actually sent (SPEC §5): the definitive reports kept in
 * the store (table verzonden, schema v4), with the JSON of every figure. */
#ifndef PM_SENT_H
#define PM_SENT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "value.h"

/* One recorded definitive report. Strings are owned by the list or by the
 * caller that filled them. */
typedef struct pm_sent {
    long long nr;
    const char *periode; /* canonical period label: "2026-Q1" */
    pm_day van, tot;     /* the period's days */
    pm_day peildatum;
    const char *publiek; /* "intern" or "extern" */
    const char *vingerafdruk;
    const char *cijfers; /* the JSON of `indicators --format json` */
    const char *tijd;    /* ISO 8601 UTC, the run's clock */
    long long vervangt;  /* nr of the report this one replaces, 0 for none */
} pm_sent;

/* Records s (nr and vervangt are set here) in one write transaction. When a
 * report for the same period (same days) and audience exists, it is
 * refused with PM_ERR_USAGE (exit 1: add --vervang) and a Dutch msg unless replace is
 * true; then both are kept and the new one names the latest earlier one in vervangt. Must
 * not run inside another transaction. */
pm_error pm_sent_record(sqlite3 *db, pm_sent *s, bool replace, char *msg, size_t msgsize);

/* Every recorded report, oldest first (cijfers is left NULL). *out gets a
 * malloc'd array of *n entries; free it with pm_sent_list_free. */
pm_error pm_sent_list(sqlite3 *db, pm_sent **out, size_t *n, char *msg, size_t msgsize);
void pm_sent_list_free(pm_sent *list, size_t n);

/* The JSON of the latest definitive report for exactly the days van..tot
 * and audience publiek, or NULL when there is none (or on failure). The
 * caller frees it with free(). */
char *pm_sent_figures(sqlite3 *db, pm_day van, pm_day tot, const char *publiek);

#endif
