/* orgs.c — the organisation table: one query, in id order (SQLite's BINARY
 * collation orders text as strcmp does), and a hash index over the ids. R1
 * and R2 look an organisation up for every request and evaluation, so the
 * lookup is a hash, not a binary search (docs/PERFORMANCE.md). */
#include "orgs.h"

#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "hash.h"

int pm_index_of(const char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++)
        if (strcmp(list[i], s) == 0)
            return (int)i;
    return -1;
}

/* The table index of an id (engine/hash.h). */
static size_t id_hash(const char *s)
{
    return (size_t)pm_mix64(pm_fnv1a64(PM_FNV64_INIT, s, strlen(s)));
}

/* Open addressing with linear probing, at most half full. */
static pm_error build_index(pm_org_table *t)
{
    size_t size = 16;
    while (size < 2 * t->n)
        size *= 2;
    t->slots = calloc(size, sizeof *t->slots);
    if (!t->slots)
        return PM_ERR_NOMEM;
    t->mask = size - 1;
    for (size_t i = 0; i < t->n; i++) {
        size_t j = id_hash(t->orgs[i].id) & t->mask;
        while (t->slots[j])
            j = (j + 1) & t->mask;
        t->slots[j] = (uint32_t)(i + 1);
    }
    return PM_OK;
}

/* A copy of s in t's arena, or NULL when out of memory. A string longer
 * than a block gets a block of its own. */
static char *arena_copy(pm_org_table *t, const char *s)
{
    size_t len = strlen(s) + 1;
    if (!t->nblocks || t->size - t->used < len) {
        enum { BLOCK = 256 * 1024 };
        size_t size = len > BLOCK ? len : BLOCK;
        char **grown = realloc(t->blocks, (t->nblocks + 1) * sizeof *grown);
        if (!grown)
            return NULL;
        t->blocks = grown;
        if (!(t->blocks[t->nblocks] = malloc(size)))
            return NULL;
        t->nblocks++;
        t->used = 0;
        t->size = size;
    }
    char *out = t->blocks[t->nblocks - 1] + t->used;
    memcpy(out, s, len);
    t->used += len;
    return out;
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
        const char *id = (const char *)sqlite3_column_text(st, 0);
        const char *naam = (const char *)sqlite3_column_text(st, 3);
        o->id = arena_copy(t, id ? id : "");
        o->regio = (signed char)pm_index_of(pm_regios, PM_NREGIOS,
                                            (const char *)sqlite3_column_text(st, 1));
        o->type = (signed char)pm_index_of(pm_org_types, PM_NTYPES,
                                           (const char *)sqlite3_column_text(st, 2));
        o->naam = o->id ? arena_copy(t, naam ? naam : "") : NULL;
        if (!o->id || !o->naam) {
            err = PM_ERR_NOMEM;
            break;
        }
        o->in_filter = pm_orgset_contains(ctx->filter, o->regio, o->type, o->id);
        t->n++;
    }
    if (!err && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    if (!err)
        err = build_index(t);
    return err;
}

const pm_org *pm_org_find(const pm_org_table *t, const char *id)
{
    if (!id || !t->slots)
        return NULL;
    for (size_t j = id_hash(id) & t->mask; t->slots[j]; j = (j + 1) & t->mask) {
        const pm_org *o = &t->orgs[t->slots[j] - 1];
        if (strcmp(o->id, id) == 0)
            return o;
    }
    return NULL;
}

pm_error pm_org_table_use(const pm_context *ctx, pm_org_table *own,
                          const pm_org_table **out, char *msg, size_t msgsize)
{
    memset(own, 0, sizeof *own);
    if (ctx->orgs) {
        *out = ctx->orgs;
        return PM_OK;
    }
    *out = own;
    return pm_org_table_load(ctx, own, msg, msgsize);
}

void pm_org_table_free(pm_org_table *t)
{
    for (size_t i = 0; i < t->nblocks; i++)
        free(t->blocks[i]);
    free(t->blocks);
    free(t->orgs);
    free(t->slots);
    memset(t, 0, sizeof *t);
}
