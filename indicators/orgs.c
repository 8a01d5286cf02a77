/* orgs.c — the organisation table: one query, then binary search by id.
 * SQLite's BINARY collation orders text as strcmp does, so ORDER BY id gives
 * an array bsearch can use. */
#include "orgs.h"

#include <stdlib.h>
#include <string.h>

const char *const pm_regios[] = {"Noord-West", "Noord",     "Midden",
                                 "Oost",       "Zuid-West", "Zuid"};
const char *const pm_org_types[] = {"gemeente", "sob", "opdrachtgever"};

int pm_index_of(const char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++)
        if (strcmp(list[i], s) == 0)
            return (int)i;
    return -1;
}

pm_error pm_org_table_load(const pm_context *ctx, pm_org_table *t, char *msg,
                           size_t msgsize)
{
    memset(t, 0, sizeof *t);
    sqlite3_stmt *st = NULL;
    pm_error err =
        pm_prepare(ctx, "SELECT id, regio, type, naam FROM organisaties ORDER BY id", &st,
                   msg, msgsize);
    size_t cap = 0;
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (t->n == cap) {
            cap = cap ? cap * 2 : 256;
            pm_org *grown = realloc(t->orgs, cap * sizeof *grown);
            if (!grown) {
                err = PM_ERR_NOMEM;
                break;
            }
            t->orgs = grown;
        }
        pm_org *o = &t->orgs[t->n];
        o->id = strdup((const char *)sqlite3_column_text(st, 0));
        o->regio = (signed char)pm_index_of(pm_regios, PM_NREGIOS,
                                            (const char *)sqlite3_column_text(st, 1));
        o->type = (signed char)pm_index_of(pm_org_types, PM_NTYPES,
                                           (const char *)sqlite3_column_text(st, 2));
        o->naam = strdup((const char *)sqlite3_column_text(st, 3));
        if (!o->id || !o->naam) {
            free(o->id);
            free(o->naam);
            err = PM_ERR_NOMEM;
        } else
            t->n++;
    }
    if (!err && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

static int compare_org(const void *key, const void *elem)
{
    return strcmp(key, ((const pm_org *)elem)->id);
}

const pm_org *pm_org_find(const pm_org_table *t, const char *id)
{
    return id ? bsearch(id, t->orgs, t->n, sizeof *t->orgs, compare_org) : NULL;
}

void pm_org_table_free(pm_org_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->orgs[i].id);
        free(t->orgs[i].naam);
    }
    free(t->orgs);
    memset(t, 0, sizeof *t);
}
