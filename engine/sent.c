/* sent.c — records definitive reports and reads them back (table verzonden,
 * store.c schema v4): what the ministry received stays in the store. */
#include "sent.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

static pm_error db_fail(sqlite3 *db, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "verzonden rapportages: %s", sqlite3_errmsg(db));
    return PM_ERR_DB;
}

/* The nr of the latest report for these days and audience, 0 for none, -1
 * on failure. */
static long long latest(sqlite3 *db, pm_day van, pm_day tot, const char *publiek)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT max(nr) FROM verzonden WHERE van = ?1 AND tot = ?2 "
                           "AND publiek = ?3",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, van);
    sqlite3_bind_int64(st, 2, tot);
    sqlite3_bind_text(st, 3, publiek, -1, SQLITE_STATIC);
    long long nr = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        nr = sqlite3_column_int64(st, 0); /* NULL reads as 0 */
    sqlite3_finalize(st);
    return nr;
}

pm_error pm_sent_record(sqlite3 *db, pm_sent *s, bool replace, char *msg, size_t msgsize)
{
    /* IMMEDIATE: the check for an earlier report and the insert are one
     * step, so two definitive runs at once cannot both be the first. Inside
     * the report's own read transaction a savepoint upgrades it to a write
     * instead: SQLite then refuses (SQLITE_BUSY_SNAPSHOT) when another
     * process changed the data since the figures were read, so what is
     * recorded is always the snapshot the files show. The caller commits. */
    bool nested = !sqlite3_get_autocommit(db);
    pm_error err =
        pm_store_exec(db, nested ? "SAVEPOINT pm_sent" : "BEGIN IMMEDIATE", msg, msgsize);
    if (err)
        return err;
    long long prev = latest(db, s->van, s->tot, s->publiek);
    if (prev < 0) {
        err = db_fail(db, msg, msgsize);
    } else if (prev > 0 && !replace) {
        snprintf(msg, msgsize,
                 "voor deze periode is al een definitieve rapportage voor publiek %s "
                 "vastgelegd (nr %lld, zie indicators --verzonden); geef --vervang om "
                 "een nieuwe vast te leggen (beide blijven bewaard)",
                 s->publiek, prev);
        err = PM_ERR_USAGE;
    }
    sqlite3_stmt *st = NULL;
    if (!err && sqlite3_prepare_v2(db,
                                   "INSERT INTO verzonden(periode, van, tot, peildatum, "
                                   "publiek, vingerafdruk, cijfers, tijd, vervangt) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   -1, &st, NULL) != SQLITE_OK)
        err = db_fail(db, msg, msgsize);
    if (!err) {
        sqlite3_bind_text(st, 1, s->periode, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, s->van);
        sqlite3_bind_int64(st, 3, s->tot);
        sqlite3_bind_int64(st, 4, s->peildatum);
        sqlite3_bind_text(st, 5, s->publiek, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, s->vingerafdruk, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, s->cijfers, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, s->tijd, -1, SQLITE_STATIC);
        if (prev > 0)
            sqlite3_bind_int64(st, 9, prev);
        else
            sqlite3_bind_null(st, 9);
        if (sqlite3_step(st) != SQLITE_DONE)
            err = db_fail(db, msg, msgsize);
    }
    sqlite3_finalize(st);
    if (!err) {
        s->nr = sqlite3_last_insert_rowid(db);
        s->vervangt = prev > 0 ? prev : 0;
        err = pm_store_exec(db, nested ? "RELEASE pm_sent" : "COMMIT", msg, msgsize);
    }
    if (err) {
        char ignored[128];
        if (nested) {
            pm_store_exec(db, "ROLLBACK TO pm_sent", ignored, sizeof ignored);
            pm_store_exec(db, "RELEASE pm_sent", ignored, sizeof ignored);
        } else {
            pm_store_exec(db, "ROLLBACK", ignored, sizeof ignored);
        }
    }
    return err;
}

static char *dup_column(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return strdup(t ? t : "");
}

pm_error pm_sent_list(sqlite3 *db, pm_sent **out, size_t *n, char *msg, size_t msgsize)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            db,
            "SELECT nr, periode, van, tot, peildatum, publiek, vingerafdruk, "
            "tijd, vervangt FROM verzonden ORDER BY nr",
            -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, msg, msgsize);
    pm_error err = PM_OK;
    size_t cap = 0;
    int rc;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            pm_sent *p = realloc(*out, ncap * sizeof *p);
            if (!p) {
                err = PM_ERR_NOMEM;
                break;
            }
            *out = p;
            cap = ncap;
        }
        pm_sent *s = &(*out)[*n];
        memset(s, 0, sizeof *s);
        s->nr = sqlite3_column_int64(st, 0);
        s->periode = dup_column(st, 1);
        s->van = (pm_day)sqlite3_column_int64(st, 2);
        s->tot = (pm_day)sqlite3_column_int64(st, 3);
        s->peildatum = (pm_day)sqlite3_column_int64(st, 4);
        s->publiek = dup_column(st, 5);
        s->vingerafdruk = dup_column(st, 6);
        s->tijd = dup_column(st, 7);
        s->vervangt = sqlite3_column_int64(st, 8);
        (*n)++;
        if (!s->periode || !s->publiek || !s->vingerafdruk || !s->tijd)
            err = PM_ERR_NOMEM;
    }
    if (!err && rc != SQLITE_DONE)
        err = db_fail(db, msg, msgsize);
    if (err == PM_ERR_NOMEM)
        snprintf(msg, msgsize, "%s", pm_strerror(err));
    sqlite3_finalize(st);
    if (err) {
        pm_sent_list_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return err;
}

void pm_sent_list_free(pm_sent *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++) {
        free((char *)list[i].periode);
        free((char *)list[i].publiek);
        free((char *)list[i].vingerafdruk);
        free((char *)list[i].tijd);
    }
    free(list);
}

char *pm_sent_figures(sqlite3 *db, pm_day van, pm_day tot, const char *publiek)
{
    sqlite3_stmt *st = NULL;
    /* A store without the table (never migrated in this process) simply
     * has nothing sent. */
    if (sqlite3_prepare_v2(
            db,
            "SELECT cijfers FROM verzonden WHERE van = ?1 AND tot = ?2 AND "
            "publiek = ?3 ORDER BY nr DESC LIMIT 1",
            -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(st, 1, van);
    sqlite3_bind_int64(st, 2, tot);
    sqlite3_bind_text(st, 3, publiek, -1, SQLITE_STATIC);
    char *json = NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        json = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return json;
}
