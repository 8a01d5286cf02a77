/* filter.c — checks an organisation filter against the store and resolves it
 * into the set O that R1-R3 count (SPEC §9), once per report. */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dataset.h"

/* R1-R3 are about gemeenten and SOB's: --type takes these two. */
#define NFILTER_TYPES 2

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Levenshtein distance of a and b, giving up (returning limit) once every
 * path is at least limit long; the caller's best so far is the limit, so
 * most of 66,666 ids stop after a character or two. */
static size_t edit_distance(const char *a, const char *b, size_t limit, size_t *row)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) >= limit)
        return limit;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = i;
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            if (up + 1 < v)
                v = up + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best >= limit)
            return limit;
    }
    return row[lb] < limit ? row[lb] : limit;
}

/* The names of list[0..n) as "a, b of c", for a message. */
static void names_or(const char *const *list, size_t n, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++) {
        const char *sep = i == 0 ? "" : i + 1 == n ? " of " : ", ";
        int w = snprintf(buf + len, size - len, "%s%s", sep, list[i]);
        len = w < 0 ? size : len + (size_t)w;
    }
}

/* Index of name in list[0..n), or -1 (also for NULL); *hint the entry
 * equal but for case. Not orgs.h's pm_index_of: orgs.c calls this module,
 * and the layer's files call each other one way only. */
static int find_name(const char *const *list, size_t n, const char *name,
                     const char **hint)
{
    *hint = NULL;
    for (size_t i = 0; name && i < n; i++) {
        if (strcmp(list[i], name) == 0)
            return (int)i;
        if (strcasecmp(list[i], name) == 0)
            *hint = list[i];
    }
    return -1;
}

static pm_error check_names(const pm_filter *f, pm_orgset *out, char *msg, size_t msgsize)
{
    char valid[160];
    const char *hint;
    for (size_t i = 0; i < f->nregios; i++) {
        int k = find_name(pm_regios, PM_NREGIOS, f->regios[i], &hint);
        if (k < 0) {
            names_or(pm_regios, PM_NREGIOS, valid, sizeof valid);
            if (hint)
                snprintf(msg, msgsize, "onbekende regio '%s'; bedoelt u %s?",
                         f->regios[i], hint);
            else
                snprintf(msg, msgsize, "onbekende regio '%s'; kies %s", f->regios[i],
                         valid);
            return PM_ERR_USAGE;
        }
        out->regio_mask |= 1u << k;
    }
    for (size_t i = 0; i < f->ntypes; i++) {
        int k = find_name(pm_org_types, NFILTER_TYPES, f->types[i], &hint);
        if (k < 0) {
            names_or(pm_org_types, NFILTER_TYPES, valid, sizeof valid);
            snprintf(msg, msgsize, "onbekend type '%s'; kies %s", f->types[i], valid);
            return PM_ERR_USAGE;
        }
        out->type_mask |= 1u << k;
    }
    return PM_OK;
}

/* The message for an id that is not in the store: the closest one there. */
static pm_error unknown_org(const pm_context *ctx, const char *id, char *msg,
                            size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, "SELECT id FROM organisaties", &st, msg, msgsize);
    if (err)
        return err;
    size_t *row = malloc((strlen(id) + 1) * sizeof *row);
    char *best = NULL;
    size_t best_d = (size_t)-1;
    int rc;
    while (row && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *cand = (const char *)sqlite3_column_text(st, 0);
        /* Distance is symmetric; the row runs over id, so its size is
         * known before the candidates are. */
        size_t d = edit_distance(cand, id, best_d, row);
        if (d < best_d) {
            char *copy = strdup(cand);
            if (!copy)
                break;
            free(best);
            best = copy;
            best_d = d;
        }
    }
    sqlite3_finalize(st);
    free(row);
    if (best)
        snprintf(msg, msgsize, "onbekende organisatie '%s'; bedoelt u %s?", id, best);
    else
        snprintf(msg, msgsize, "onbekende organisatie '%s'; er zijn geen organisaties",
                 id);
    free(best);
    return PM_ERR_USAGE;
}

/* Copies the --organisatie ids, sorted and without repeats, after checking
 * that each exists. */
static pm_error check_ids(const pm_context *ctx, const pm_filter *f, pm_orgset *out,
                          char *msg, size_t msgsize)
{
    if (!f->norgs)
        return PM_OK;
    out->ids = calloc(f->norgs, sizeof *out->ids);
    if (!out->ids)
        return PM_ERR_NOMEM;
    sqlite3_stmt *st = NULL;
    pm_error err =
        pm_prepare(ctx, "SELECT 1 FROM organisaties WHERE id = ?1", &st, msg, msgsize);
    for (size_t i = 0; i < f->norgs && !err; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, f->orgs[i], -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) {
            sqlite3_finalize(st);
            st = NULL;
            return unknown_org(ctx, f->orgs[i], msg, msgsize);
        }
        if (rc != SQLITE_ROW)
            err = pm_sql_error(ctx, msg, msgsize);
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < f->norgs && !err; i++) {
        out->ids[out->nids] = strdup(f->orgs[i]);
        if (!out->ids[out->nids])
            return PM_ERR_NOMEM;
        out->nids++;
    }
    if (err)
        return err;
    qsort(out->ids, out->nids, sizeof *out->ids, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < out->nids; i++) {
        if (k && strcmp(out->ids[k - 1], out->ids[i]) == 0)
            free(out->ids[i]);
        else
            out->ids[k++] = out->ids[i];
    }
    out->nids = k;
    return PM_OK;
}

bool pm_orgset_contains(const pm_orgset *s, int regio, int type, const char *id)
{
    if (!s || !s->active)
        return true;
    if (s->regio_mask && (regio < 0 || !(s->regio_mask & (1u << regio))))
        return false;
    if (s->type_mask && (type < 0 || !(s->type_mask & (1u << type))))
        return false;
    if (s->nids && (!id || !bsearch(&id, s->ids, s->nids, sizeof *s->ids, cmp_str)))
        return false;
    return true;
}

/* TEMP TABLE pm_filter_orgs: the ids of O, for R3's joins; and O's size. */
static pm_error write_set(const pm_context *ctx, pm_orgset *s, char *msg, size_t msgsize)
{
    if (sqlite3_exec(
            ctx->db,
            "DROP TABLE IF EXISTS temp.pm_filter_orgs;"
            "CREATE TEMP TABLE pm_filter_orgs (id TEXT PRIMARY KEY) WITHOUT ROWID",
            NULL, NULL, NULL) != SQLITE_OK)
        return pm_sql_error(ctx, msg, msgsize);
    sqlite3_stmt *rd = NULL, *wr = NULL;
    pm_error err =
        pm_prepare(ctx, "SELECT id, regio, type FROM organisaties", &rd, msg, msgsize);
    if (!err)
        err = pm_prepare(ctx, "INSERT INTO temp.pm_filter_orgs VALUES (?1)", &wr, msg,
                         msgsize);
    int rc = SQLITE_DONE;
    while (!err && (rc = sqlite3_step(rd)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(rd, 0);
        const char *ignored;
        int regio = find_name(pm_regios, PM_NREGIOS,
                              (const char *)sqlite3_column_text(rd, 1), &ignored);
        int type = find_name(pm_org_types, PM_NTYPES,
                             (const char *)sqlite3_column_text(rd, 2), &ignored);
        s->total++;
        if (!pm_orgset_contains(s, regio, type, id))
            continue;
        s->count++;
        sqlite3_reset(wr);
        sqlite3_bind_text(wr, 1, id, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(wr) != SQLITE_DONE)
            err = pm_sql_error(ctx, msg, msgsize);
    }
    if (!err && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(rd);
    sqlite3_finalize(wr);
    return err;
}

pm_error pm_orgset_resolve(const pm_context *ctx, const pm_filter *f, pm_orgset *out,
                           char *msg, size_t msgsize)
{
    memset(out, 0, sizeof *out);
    if (!pm_filter_active(f))
        return PM_OK;
    out->active = true;
    pm_error err = check_names(f, out, msg, msgsize);
    if (!err)
        err = check_ids(ctx, f, out, msg, msgsize);
    if (!err)
        err = write_set(ctx, out, msg, msgsize);
    return err;
}

void pm_orgset_free(pm_orgset *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nids; i++)
        free(s->ids[i]);
    free(s->ids);
    memset(s, 0, sizeof *s);
}
