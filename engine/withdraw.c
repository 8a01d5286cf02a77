/* withdraw.c — `intrekken`: moves rows imported by mistake out of the data
 * tables into table `ingetrokken`, in one transaction, keeping the fingerprint.
 *
 * The rows to withdraw are first collected in a temporary table (by id, or
 * every row one import file delivered), so that the existence and reference
 * checks, the copy into `ingetrokken` and the delete are each one set-based
 * statement per dataset. A row that rows outside the call still refer to is
 * refused, naming them; rows withdrawn in the same call do not block. The
 * fingerprint sums (store.h) lose each withdrawn row's hash, as the import
 * would have had it never been imported. */
#include "withdraw.h"

#include "columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

/* How many referring rows one refusal names; the rest are counted. */
#define REFS_NAMED 5

/* ---- a growing string (no fixed buffer for ids) ----------------------- */

typedef struct strbuf {
    char *p;
    size_t len, cap;
    bool failed; /* out of memory: the text stays as it was */
} strbuf;

static void sb_add(strbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->p, cap);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->p = grown;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

static void sb_set(strbuf *b, const char *s)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
    sb_add(b, s);
}

static const char *sb_str(const strbuf *b)
{
    return b->p ? b->p : "";
}

/* ---- small helpers ---------------------------------------------------- */

static pm_error db_fail(sqlite3 *db, const char *what, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "%s: %s (SQLite: %s)", what, pm_store_reason(db),
             sqlite3_errmsg(db));
    return PM_ERR_DB;
}

static const char *text(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? (const char *)s : "";
}

/* "2026-01-05T10:00:00Z" as "05-01-2026"; other text as it is. */
static void dutch_day(const char *iso, char out[16])
{
    int y, m, d;
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
        snprintf(out, 16, "%02d-%02d-%04d", d, m, y);
    else
        snprintf(out, 16, "%.15s", iso);
}

/* The last path component of s. */
static const char *base_name(const char *s)
{
    const char *slash = strrchr(s, '/');
    return slash ? slash + 1 : s;
}

/* Prepares sql with "%s" replaced by the dataset's table name (from the
 * dataset table, never user input). */
static int prepare_for(sqlite3 *db, const char *fmt, const char *table, sqlite3_stmt **st)
{
    char sql[2048];
    snprintf(sql, sizeof sql, fmt, table, table, table);
    return sqlite3_prepare_v2(db, sql, -1, st, NULL);
}

/* ---- collecting the rows ---------------------------------------------- */

static const char mark_sql[] =
    "INSERT OR IGNORE INTO temp.pm_intrekken(dataset, id) VALUES (?1, ?2)";

/* Marks the named rows; an id that is not stored is refused, saying when it
 * was withdrawn if it was. With wissen, a row withdrawn before is accepted:
 * its earlier records are erased (the AVG request may come later). */
static pm_error mark_ids(sqlite3 *db, const pm_withdraw_opts *opts,
                         const pm_withdraw_group *g, pm_diag *diag, char *msg,
                         size_t msgsize)
{
    sqlite3_stmt *exists = NULL, *earlier = NULL, *mark = NULL;
    pm_error err = PM_OK;
    if (prepare_for(db, "SELECT 1 FROM %s WHERE id = ?1", g->ds->name, &exists) !=
            SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT tijd, gewist FROM ingetrokken WHERE dataset = ?1 "
                           "AND id = ?2 ORDER BY nr DESC LIMIT 1",
                           -1, &earlier, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, mark_sql, -1, &mark, NULL) != SQLITE_OK)
        err = db_fail(db, "voorbereiden van het intrekken", msg, msgsize);
    for (size_t i = 0; i < g->nids && !err; i++) {
        const char *id = g->ids[i];
        sqlite3_bind_text(exists, 1, id, -1, SQLITE_STATIC);
        int rc = sqlite3_step(exists);
        sqlite3_reset(exists);
        bool found = rc == SQLITE_ROW;
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            err = db_fail(db, "lezen van de rijen", msg, msgsize);
            break;
        }
        if (!found) {
            sqlite3_bind_text(earlier, 1, g->ds->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(earlier, 2, id, -1, SQLITE_STATIC);
            rc = sqlite3_step(earlier);
            if (rc == SQLITE_ROW && opts->wissen) {
                /* only its earlier copies are erased; when they already were,
                 * the call still cleans the file (after a failed clean-up) */
                found = true;
            } else if (rc == SQLITE_ROW) {
                char day[16];
                dutch_day(text(earlier, 0), day);
                pm_diag_error(diag, NULL, 0, NULL,
                              "%s: '%s' bestaat niet (meer); deze rij is op %s al "
                              "ingetrokken%s",
                              g->ds->name, id, day,
                              sqlite3_column_int(earlier, 1) ? " en gewist" : "");
            } else if (rc == SQLITE_DONE) {
                pm_diag_error(diag, NULL, 0, NULL, "%s: '%s' bestaat niet", g->ds->name,
                              id);
            }
            sqlite3_reset(earlier);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                err = db_fail(db, "lezen van de intrekkingen", msg, msgsize);
                break;
            }
        }
        if (!found)
            continue;
        sqlite3_bind_text(mark, 1, g->ds->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(mark, 2, id, -1, SQLITE_STATIC);
        rc = sqlite3_step(mark);
        sqlite3_reset(mark);
        if (rc != SQLITE_DONE)
            err = db_fail(db, "verzamelen van de rijen", msg, msgsize);
    }
    sqlite3_finalize(exists);
    sqlite3_finalize(earlier);
    sqlite3_finalize(mark);
    return err;
}

/* A recorded import file whose name matches. */
typedef struct candidate {
    sqlite3_int64 id;
    char *pad, *tijd;
    const pm_dataset *ds;
    long long rows; /* rows it still delivers (not replaced or withdrawn since) */
} candidate;

static bool name_matches(const char *pad, const char *name, sqlite3_int64 id)
{
    if (name[0] == '#') {
        char *end;
        long long n = strtoll(name + 1, &end, 10);
        return name[1] != '\0' && *end == '\0' && n == id;
    }
    /* The recorded name, its last component (a user names the file as it is
     * called, not as the import was run), or, when only a file name was
     * recorded, the last component of the name given. */
    return strcmp(pad, name) == 0 || strcmp(base_name(pad), name) == 0 ||
           (!strchr(pad, '/') && strcmp(pad, base_name(name)) == 0);
}

static void candidates_free(candidate *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].pad);
        free(c[i].tijd);
    }
    free(c);
}

/* Finds the recorded files that match name and still deliver rows. */
static pm_error find_files(sqlite3 *db, const char *name, candidate **out, size_t *nout,
                           size_t *nmatched, char *msg, size_t msgsize)
{
    *out = NULL;
    *nout = *nmatched = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT f.id, f.pad, f.dataset, i.tijdstip FROM "
                           "import_bestanden f LEFT JOIN imports i ON i.id = f.import_id "
                           "ORDER BY f.id",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "lezen van de geïmporteerde bestanden", msg, msgsize);
    candidate *c = NULL;
    size_t n = 0;
    pm_error err = PM_OK;
    int rc;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        const pm_dataset *ds = pm_dataset_by_name(text(st, 2));
        if (!ds || !name_matches(text(st, 1), name, id))
            continue;
        (*nmatched)++;
        sqlite3_stmt *cnt = NULL;
        long long rows = -1;
        if (prepare_for(db, "SELECT count(*) FROM %s WHERE bestand = ?1", ds->name,
                        &cnt) == SQLITE_OK) {
            sqlite3_bind_int64(cnt, 1, id);
            if (sqlite3_step(cnt) == SQLITE_ROW)
                rows = sqlite3_column_int64(cnt, 0);
        }
        sqlite3_finalize(cnt);
        if (rows < 0) {
            err = db_fail(db, "tellen van de rijen van een bestand", msg, msgsize);
            break;
        }
        if (rows == 0)
            continue;
        candidate *grown = realloc(c, (n + 1) * sizeof *c);
        if (!grown) {
            err = PM_ERR_NOMEM;
            break;
        }
        c = grown;
        c[n] = (candidate){id, strdup(text(st, 1)), strdup(text(st, 3)), ds, rows};
        n++;
        if (!c[n - 1].pad || !c[n - 1].tijd)
            err = PM_ERR_NOMEM;
    }
    sqlite3_finalize(st);
    if (!err && rc != SQLITE_DONE && rc != SQLITE_ROW)
        err = db_fail(db, "lezen van de geïmporteerde bestanden", msg, msgsize);
    if (err == PM_ERR_NOMEM)
        snprintf(msg, msgsize, "%s", pm_strerror(err));
    if (err) {
        candidates_free(c, n);
        return err;
    }
    *out = c;
    *nout = n;
    return PM_OK;
}

/* Marks every row that the one recorded file called name delivered. A
 * name that fits none, or several files that still deliver rows, is
 * refused, listing the files with the number to choose one by. */
static pm_error mark_file(sqlite3 *db, const char *name, pm_withdraw_result *res,
                          pm_diag *diag, char *msg, size_t msgsize)
{
    candidate *c;
    size_t n, matched;
    pm_error err = find_files(db, name, &c, &n, &matched, msg, msgsize);
    if (err)
        return err;
    if (n == 0 && matched == 0) {
        pm_diag_error(diag, NULL, 0, NULL,
                      "er is geen bestand '%s' geïmporteerd (zie 'pijlermonitor check' "
                      "voor de bestanden waar de rijen uit komen)",
                      name);
    } else if (n == 0) {
        pm_diag_error(diag, NULL, 0, NULL,
                      "bestand '%s' levert geen rijen meer: ze zijn vervangen door een "
                      "latere import of al ingetrokken",
                      name);
    } else if (n > 1) {
        pm_diag_error(diag, NULL, 0, NULL,
                      "'%s' past op %zu geïmporteerde bestanden; kies er één met "
                      "--bestand '#NUMMER':",
                      name, n);
        for (size_t i = 0; i < n; i++) {
            char day[16];
            dutch_day(c[i].tijd, day);
            pm_diag_error(diag, NULL, 0, NULL,
                          "  #%lld %s (%s, geïmporteerd op %s, nog %lld rij%s)",
                          (long long)c[i].id, c[i].pad, c[i].ds->name, day, c[i].rows,
                          c[i].rows == 1 ? "" : "en");
        }
    } else {
        sqlite3_stmt *st = NULL;
        if (prepare_for(db,
                        "INSERT OR IGNORE INTO temp.pm_intrekken(dataset, id) "
                        "SELECT ?1, id FROM %s WHERE bestand = ?2",
                        c[0].ds->name, &st) != SQLITE_OK)
            err = db_fail(db, "verzamelen van de rijen", msg, msgsize);
        if (!err) {
            sqlite3_bind_text(st, 1, c[0].ds->name, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 2, c[0].id);
            if (sqlite3_step(st) != SQLITE_DONE)
                err = db_fail(db, "verzamelen van de rijen", msg, msgsize);
        }
        sqlite3_finalize(st);
        res->file = strdup(c[0].pad);
    }
    candidates_free(c, n);
    return err;
}

/* ---- references ------------------------------------------------------- */

/* Refuses every marked row that a row outside the call refers to, one line
 * per withdrawn row and referring dataset, naming the first REFS_NAMED. */
static pm_error check_refs(sqlite3 *db, pm_diag *diag, char *msg, size_t msgsize)
{
    size_t nrefs;
    const pm_ref *refs = pm_dataset_refs(&nrefs);
    pm_error err = PM_OK;
    strbuf row = {0}, names = {0};
    for (size_t r = 0; r < nrefs && !err; r++) {
        const char *from = pm_dataset_get(refs[r].from)->name;
        const char *to = pm_dataset_get(refs[r].to)->name;
        char sql[1024];
        snprintf(sql, sizeof sql,
                 "SELECT w.id, c.id FROM temp.pm_intrekken w JOIN %s c ON c.%s = w.id "
                 "WHERE w.dataset = ?1 AND NOT EXISTS (SELECT 1 FROM temp.pm_intrekken "
                 "x WHERE x.dataset = ?2 AND x.id = c.id) ORDER BY w.id, c.id",
                 from, refs[r].column);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
            err = db_fail(db, "controle van verwijzingen", msg, msgsize);
            break;
        }
        sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
        long count = 0;
        int rc;
        for (;;) {
            rc = sqlite3_step(st);
            bool next = rc == SQLITE_ROW && count && strcmp(text(st, 0), sb_str(&row));
            if (count && (rc != SQLITE_ROW || next)) {
                char more[48] = "";
                if (count > REFS_NAMED)
                    snprintf(more, sizeof more, " en %ld andere", count - REFS_NAMED);
                pm_diag_error(diag, NULL, 0, NULL,
                              "%s '%s' kan niet worden ingetrokken: %s %s%s verwij%s "
                              "ernaar; trek die in dezelfde opdracht mee in",
                              to, sb_str(&row), from, sb_str(&names), more,
                              count == 1 ? "st" : "zen");
                count = 0;
            }
            if (rc != SQLITE_ROW)
                break;
            if (count == 0) {
                sb_set(&row, text(st, 0));
                sb_set(&names, "");
            }
            if (count < REFS_NAMED) {
                if (count)
                    sb_add(&names, ", ");
                sb_add(&names, text(st, 1));
            }
            count++;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            err = db_fail(db, "controle van verwijzingen", msg, msgsize);
    }
    free(row.p);
    free(names.p);
    return err;
}

/* ---- withdrawing ------------------------------------------------------ */

/* Withdraws the marked rows of one dataset: subtracts their hashes from
 * sums, lists their ids in res, copies them into `ingetrokken` (without
 * their fields when wissen) and deletes them. */
static pm_error withdraw_kind(sqlite3 *db, const pm_dataset *ds,
                              const pm_withdraw_opts *opts, pm_store_sums *sums,
                              pm_withdraw_result *res, char *msg, size_t msgsize)
{
    static const char in_set[] =
        "id IN (SELECT id FROM temp.pm_intrekken WHERE dataset = ?1)";
    char cols[1024], json[2048], sql[4096];
    size_t nc = 0, nj = (size_t)snprintf(json, sizeof json, "json_object(");
    for (size_t f = 0; f < ds->nfields; f++) {
        const char *c = ds->fields[f].column;
        nc += (size_t)snprintf(cols + nc, sizeof cols - nc, "%s%s", f ? ", " : "", c);
        nj += (size_t)snprintf(json + nj, sizeof json - nj, "%s'%s', %s", f ? ", " : "",
                               c, c);
    }
    snprintf(json + nj, sizeof json - nj, ")");

    /* The rows as the fingerprint saw them, in id order for the listing. */
    snprintf(sql, sizeof sql, "SELECT %s FROM %s WHERE %s ORDER BY id", cols, ds->name,
             in_set);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "lezen van de rijen", msg, msgsize);
    sqlite3_bind_text(st, 1, ds->name, -1, SQLITE_STATIC);
    strbuf ids = {0};
    long n = 0;
    uint64_t sum = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sum += pm_rowhash_stmt(st, (int)ds->nfields);
        if (n < PM_WITHDRAW_LISTED) {
            if (n)
                sb_add(&ids, ", ");
            sb_add(&ids, text(st, 0));
        }
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(ids.p);
        return db_fail(db, "lezen van de rijen", msg, msgsize);
    }
    if (ids.failed) {
        free(ids.p);
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    res->count[ds->kind] = n;
    res->ids[ds->kind] = ids.p;
    /* Unsigned sums wrap, so subtracting undoes the import's adding. */
    sums->sum[ds->kind] -= sum;
    sums->count[ds->kind] -= (uint64_t)n;

    /* The record first, then the delete: both in the caller's transaction. */
    snprintf(sql, sizeof sql,
             "INSERT INTO ingetrokken(dataset, id, rij, bestand, regel, reden, tijd, "
             "gewist) SELECT ?1, id, CASE WHEN ?2 THEN NULL ELSE %s END, CASE WHEN ?2 "
             "THEN NULL ELSE bestand END, CASE WHEN ?2 THEN NULL ELSE regel END, ?3, "
             "?4, ?2 FROM %s WHERE %s ORDER BY id",
             json, ds->name, in_set);
    pm_error err = PM_OK;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "bewaren van de ingetrokken rijen", msg, msgsize);
    sqlite3_bind_text(st, 1, ds->name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, opts->wissen);
    sqlite3_bind_text(st, 3, opts->reden, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, opts->now ? opts->now : "", -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(db) != n)
        err = db_fail(db, "bewaren van de ingetrokken rijen", msg, msgsize);
    sqlite3_finalize(st);
    if (err)
        return err;

    snprintf(sql, sizeof sql, "DELETE FROM %s WHERE %s", ds->name, in_set);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "verwijderen van de rijen", msg, msgsize);
    sqlite3_bind_text(st, 1, ds->name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(db) != n)
        err = db_fail(db, "verwijderen van de rijen", msg, msgsize);
    sqlite3_finalize(st);
    if (err || !opts->wissen)
        return err;

    /* An AVG request covers every copy: earlier withdrawals of the same rows
     * lose their fields too. */
    if (sqlite3_prepare_v2(db,
                           "UPDATE ingetrokken SET rij = NULL, bestand = NULL, regel = "
                           "NULL, gewist = 1 WHERE dataset = ?1 AND gewist = 0 AND id IN "
                           "(SELECT id FROM temp.pm_intrekken WHERE dataset = ?1)",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "wissen van eerdere intrekkingen", msg, msgsize);
    sqlite3_bind_text(st, 1, ds->name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        err = db_fail(db, "wissen van eerdere intrekkingen", msg, msgsize);
    else
        res->erased_history += sqlite3_changes(db);
    sqlite3_finalize(st);
    return err;
}

/* Whether any row of dataset ds is marked. */
static int any_marked(sqlite3 *db, const pm_dataset *ds)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT 1 FROM temp.pm_intrekken WHERE dataset = ?1 "
                                "LIMIT 1",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, ds->name, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static pm_error withdraw_all(sqlite3 *db, const pm_withdraw_opts *opts,
                             pm_withdraw_result *res, char *msg, size_t msgsize)
{
    pm_store_sums sums;
    pm_error err = pm_store_sums_read(db, &sums, msg, msgsize);
    for (size_t k = 0; k < PM_NKINDS && !err; k++) {
        const pm_dataset *ds = pm_dataset_get((pm_kind)k);
        int marked = any_marked(db, ds);
        if (marked < 0)
            err = db_fail(db, "lezen van de rijen", msg, msgsize);
        if (marked > 0)
            err = withdraw_kind(db, ds, opts, &sums, res, msg, msgsize);
        if (marked > 0 && !err)
            err = pm_store_sums_write(db, (pm_kind)k, sums.sum[k], sums.count[k], msg,
                                      msgsize);
    }
    return err;
}

/* After an erasing withdrawal: the deleted rows' bytes were zeroed
 * (secure_delete), but earlier versions of them may still lie in free
 * space of the file (a replacing import did not zero what it replaced) and
 * in the WAL. VACUUM writes the file anew from the live rows only, and the
 * TRUNCATE checkpoint copies that into the file and empties the WAL. */
static pm_error scrub_file(sqlite3 *db, char *msg, size_t msgsize)
{
    char detail[512];
    pm_error err = pm_store_exec(db, "VACUUM", detail, sizeof detail);
    sqlite3_stmt *st = NULL;
    if (!err) {
        if (sqlite3_prepare_v2(db, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL) !=
                SQLITE_OK ||
            sqlite3_step(st) != SQLITE_ROW) {
            snprintf(detail, sizeof detail, "%s", pm_store_reason(db));
            err = PM_ERR_DB;
        } else if (sqlite3_column_int(st, 0) != 0) {
            snprintf(detail, sizeof detail,
                     "de database is in gebruik door een ander proces");
            err = PM_ERR_DB;
        }
        sqlite3_finalize(st);
    }
    if (err)
        snprintf(msg, msgsize,
                 "de rijen zijn ingetrokken en gewist, maar het databasebestand kon niet "
                 "worden opgeschoond (%s), zodat oude kopieën van de gewiste tekst nog "
                 "in het bestand kunnen staan; sluit andere programma's die de database "
                 "gebruiken en geef dezelfde opdracht opnieuw",
                 detail);
    return err;
}

pm_error pm_withdraw_run(sqlite3 *db, const pm_withdraw_opts *opts,
                         pm_withdraw_result *res, pm_diag *diag, char *msg,
                         size_t msgsize)
{
    memset(res, 0, sizeof *res);
    size_t errors_before = diag->nerrors;
    bool scrub = opts->wissen && !opts->dry_run;
    char ignored[128];
    /* secure_delete zeroes the bytes of every deleted row as it goes; the
     * connection's own setting (a build may default to ON) comes back after. */
    int secure = 0;
    sqlite3_stmt *st = NULL;
    if (scrub &&
        sqlite3_prepare_v2(db, "PRAGMA secure_delete", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        secure = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    const char *restore =
        secure == 1 ? "PRAGMA secure_delete = ON" : "PRAGMA secure_delete = OFF";
    pm_error err =
        scrub ? pm_store_exec(db, "PRAGMA secure_delete = ON", msg, msgsize) : PM_OK;
    if (!err)
        err = pm_store_exec(db, "BEGIN IMMEDIATE", msg, msgsize);
    if (err) {
        if (scrub)
            pm_store_exec(db, restore, ignored, sizeof ignored);
        return err;
    }
    err = pm_store_exec(db,
                        "CREATE TEMP TABLE pm_intrekken(dataset TEXT NOT NULL, id TEXT "
                        "NOT NULL, PRIMARY KEY (dataset, id)) WITHOUT ROWID",
                        msg, msgsize);
    for (size_t g = 0; g < opts->ngroups && !err; g++)
        err = mark_ids(db, opts, &opts->groups[g], diag, msg, msgsize);
    if (!err && opts->bestand)
        err = mark_file(db, opts->bestand, res, diag, msg, msgsize);
    if (!err && diag->nerrors == errors_before)
        err = check_refs(db, diag, msg, msgsize);
    if (!err && diag->nerrors == errors_before)
        err = withdraw_all(db, opts, res, msg, msgsize);
    /* The indicators' columns follow the data in the same transaction. */
    if (!err && diag->nerrors == errors_before && !opts->dry_run) {
        pm_store_sums sums;
        err = pm_store_sums_read(db, &sums, msg, msgsize);
        if (!err)
            err = pm_columns_refresh(db, &sums, msg, msgsize);
    }
    if (!err && diag->nerrors == errors_before && !opts->dry_run) {
        err = pm_store_exec(db, "COMMIT", msg, msgsize);
        res->committed = err == PM_OK;
    }
    if (!res->committed)
        pm_store_exec(db, "ROLLBACK", ignored, sizeof ignored);
    pm_store_exec(db, "DROP TABLE IF EXISTS temp.pm_intrekken", ignored, sizeof ignored);
    if (scrub)
        pm_store_exec(db, restore, ignored, sizeof ignored);
    if (!err && res->committed && scrub)
        err = scrub_file(db, msg, msgsize);
    if (!err && diag->nerrors > errors_before)
        err = PM_ERR_DATA;
    return err;
}

void pm_withdraw_result_free(pm_withdraw_result *res)
{
    if (!res)
        return;
    for (size_t k = 0; k < PM_NKINDS; k++)
        free(res->ids[k]);
    free(res->file);
    memset(res, 0, sizeof *res);
}
