/* test_columns_collect.c — unit tests for engine/columns_collect.c: the
 * columns gathered from the rows as they are written must be exactly the
 * columns pm_columns_build makes from the same rows in the tables
 * (pm_columns_verify compares them as `check` does), also for rows that
 * the importer's reference checks would refuse (ids missing from
 * organisaties, specialisten or hulpvragen), for ids that arrive in
 * another order than their id order, and for rows of one day in arrival
 * order; and which references it knows complete (the importer then skips
 * their queries). Prints TAP. */
#include "columns_collect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "columns.h"
#include "store.h"
#include "tap.h"

static char dir[] = "/tmp/pm-unit-collect-XXXXXX";

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        printf("Bail out! %s: %s\n", sql, err ? err : "?");
        exit(1);
    }
}

static sqlite3 *fresh_store(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s.db", dir, name);
    sqlite3 *db = NULL;
    char msg[256] = "";
    if (pm_store_open(path, PM_STORE_CREATE, &db, NULL, msg, sizeof msg) != PM_OK) {
        printf("Bail out! %s\n", msg);
        exit(1);
    }
    /* Rows the importer would refuse, written as they stand. */
    exec(db, "PRAGMA foreign_keys = OFF");
    return db;
}

/* The rows of the three big tables, fed to a collector in rowid order as
 * the importer writes them; swap_first swaps the first and third hulpvragen,
 * received on the same day (a wrong order the comparison must see). */
static pm_collect *collect_tables(sqlite3 *db, bool swap_first)
{
    pm_collect *k = pm_collect_new();
    sqlite3_stmt *st;
    sqlite3_prepare_v2(
        db,
        "SELECT id, organisatie, ontvangen, ifnull(eerste_contact, 0),"
        " onderwerp FROM hulpvragen ORDER BY CASE WHEN ?1 AND rowid IN (1, 3)"
        " THEN 4 - rowid ELSE rowid END",
        -1, &st, NULL);
    sqlite3_bind_int(st, 1, swap_first);
    while (sqlite3_step(st) == SQLITE_ROW)
        pm_collect_request(
            k, (const char *)sqlite3_column_text(st, 0),
            (size_t)sqlite3_column_bytes(st, 0), (const char *)sqlite3_column_text(st, 1),
            (size_t)sqlite3_column_bytes(st, 1), (pm_day)sqlite3_column_int(st, 2),
            (pm_day)sqlite3_column_int(st, 3), (const char *)sqlite3_column_text(st, 4));
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db,
                       "SELECT soort, datum, organisatie, specialist, score_x10"
                       " FROM evaluaties ORDER BY rowid",
                       -1, &st, NULL);
    while (sqlite3_step(st) == SQLITE_ROW)
        pm_collect_evaluation(
            k, (const char *)sqlite3_column_text(st, 0),
            (pm_day)sqlite3_column_int(st, 1), (const char *)sqlite3_column_text(st, 2),
            (size_t)sqlite3_column_bytes(st, 2), (const char *)sqlite3_column_text(st, 3),
            (size_t)sqlite3_column_bytes(st, 3), sqlite3_column_int(st, 4));
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db,
                       "SELECT datum, specialist, hulpvraag, uren_x100"
                       " FROM inzet ORDER BY rowid",
                       -1, &st, NULL);
    while (sqlite3_step(st) == SQLITE_ROW)
        pm_collect_inzet(k, (pm_day)sqlite3_column_int(st, 0),
                         (const char *)sqlite3_column_text(st, 1),
                         (size_t)sqlite3_column_bytes(st, 1),
                         (const char *)sqlite3_column_text(st, 2),
                         (size_t)sqlite3_column_bytes(st, 2), sqlite3_column_int(st, 3));
    sqlite3_finalize(st);
    return k;
}

/* Keeps the collected columns and asks pm_columns_verify whether they are
 * a fresh build of the tables. */
static bool kept_equals_build(sqlite3 *db, pm_collect *k)
{
    pm_store_sums sums;
    memset(&sums, 0, sizeof sums);
    char msg[256] = "";
    bool same = false;
    if (pm_collect_keep(k, db, &sums, msg, sizeof msg) != PM_OK ||
        pm_columns_verify(db, &sums, &same, msg, sizeof msg) != PM_OK) {
        printf("# %s\n", msg);
        return false;
    }
    return same;
}

static const char rows[] =
    /* Specialists and organisations not in id order; a request of an
     * organisation and an inzet of a specialist that are not in the tables
     * (only the reference checks keep them out). */
    "INSERT INTO specialisten VALUES"
    " ('SP9', 'Z', 'expert', 'juridisch', 12000, 19000, NULL, 1, 1),"
    " ('SP10', 'A', 'specialist', 'juridisch', 10050, 19000, NULL, 1, 2),"
    " ('SP2', 'B', 'specialist', 'bedrijfsvoering', 9000, 19000, NULL, 1, 3);"
    "INSERT INTO organisaties VALUES"
    " ('SOB9', 'x', 'sob', 'Oost', 1, 1),"
    " ('GM1', 'y', 'gemeente', 'Zuid', 1, 2),"
    " ('VNG', 'z', 'opdrachtgever', NULL, 1, 3);"
    "INSERT INTO hulpvragen (id, organisatie, ontvangen, eerste_contact, onderwerp,"
    " status, bestand, regel) VALUES"
    " ('HV3', 'SOB9', 20010, 20012, 'juridisch', 'open', 1, 1),"
    " ('HV1', 'GM1', 20001, NULL, NULL, 'open', 1, 2),"
    " ('HV2', 'GEEN', 20010, 20010, 'bedrijfsvoering', 'open', 1, 3),"
    " ('HV0', 'GM1', 19990, 19995, 'participatieketen', 'open', 1, 4);"
    "INSERT INTO evaluaties VALUES"
    " ('E1', 'GM1', 20020, 'ondersteuning', 75, NULL, NULL, 1, 1),"
    " ('E2', 'SOB9', 20005, 'specialist', 80, 'SP10', NULL, 1, 2),"
    " ('E3', 'VNG', 20005, 'opdrachtgever', 90, NULL, NULL, 1, 3),"
    " ('E4', 'GEEN', 20020, 'ondersteuning', 60, NULL, NULL, 1, 4),"
    " ('E5', 'GM1', 20005, 'specialist', 70, 'SP77', NULL, 1, 5);"
    "INSERT INTO inzet VALUES"
    " ('I1', 'SP9', 20011, 250, 'HV3', NULL, 1, 1),"
    " ('I2', 'SP9', 20011, 100, 'HV3', NULL, 1, 2),"
    " ('I3', 'SP2', 20003, 50, NULL, NULL, 1, 3),"
    " ('I4', 'SP77', 19999, 800, 'HV1', NULL, 1, 4),"
    " ('I5', 'SP10', 20011, 100, 'HV2', NULL, 1, 5),"
    " ('I6', 'SP10', 20011, 125, 'HV9', NULL, 1, 6),"
    " ('I7', 'SP2', 20030, 2400, 'HV0', NULL, 1, 7);";

int main(void)
{
    if (!mkdtemp(dir)) {
        printf("Bail out! no temporary folder\n");
        return 1;
    }

    sqlite3 *db = fresh_store("edge");
    exec(db, "BEGIN");
    exec(db, rows);
    pm_collect *k = collect_tables(db, false);
    bool orgs = true, specs = true, requests = true;
    char msg[256];
    CHECK(pm_collect_refs(k, db, &orgs, &specs, &requests, msg, sizeof msg) == PM_OK &&
              !orgs && !specs && !requests,
          "references_to_missing_rows_are_not_known_complete");
    CHECK(kept_equals_build(db, k),
          "collected_columns_equal_a_build_from_the_tables_with_missing_references");
    pm_collect_free(k);
    k = collect_tables(db, true);
    CHECK(!kept_equals_build(db, k),
          "collected_columns_in_another_order_than_the_rows_differ_from_the_build");
    pm_collect_free(k);
    exec(db, "ROLLBACK");
    sqlite3_close(db);

    db = fresh_store("empty");
    exec(db, "BEGIN");
    k = collect_tables(db, false);
    CHECK(kept_equals_build(db, k), "columns_of_empty_tables_equal_a_build");
    pm_collect_free(k);
    exec(db, "ROLLBACK");
    sqlite3_close(db);

    /* Many ids, so the hashes grow several times; rows of one day keep
     * their arrival order. */
    db = fresh_store("many");
    exec(db, "BEGIN");
    exec(db, "INSERT INTO specialisten VALUES ('SP1', 'A', 'expert', 'juridisch', 10000,"
             " 19000, NULL, 1, 1)");
    exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
             " WHERE i < 5000)"
             " INSERT INTO organisaties SELECT 'O' || (i * 7919 % 5000), 'n', 'sob',"
             " 'Oost', 1, i FROM n;"
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
             " WHERE i < 20000)"
             " INSERT INTO hulpvragen (id, organisatie, ontvangen, status, bestand,"
             " regel) SELECT 'H' || i, 'O' || (i % 5003), 20000 + i % 37, 'open', 1, i"
             " FROM n;"
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
             " WHERE i < 30000)"
             " INSERT INTO inzet SELECT 'I' || i, 'SP1', 20000 + i % 41, 1 + i % 2400,"
             " 'H' || (i % 21000), NULL, 1, i FROM n;");
    k = collect_tables(db, false);
    CHECK(kept_equals_build(db, k), "columns_of_thousands_of_ids_equal_a_build");
    pm_collect_free(k);
    exec(db, "ROLLBACK");
    sqlite3_close(db);

    /* Every reference has its row, then one request of inzet is missing. */
    db = fresh_store("refs");
    exec(db, "BEGIN");
    exec(db, "INSERT INTO specialisten VALUES ('SP1', 'A', 'expert', 'juridisch', 10000,"
             " 19000, NULL, 1, 1), ('SP2', 'B', 'expert', 'juridisch', 10000, 19000,"
             " NULL, 1, 2);"
             "INSERT INTO organisaties VALUES ('O1', 'n', 'sob', 'Oost', 1, 1),"
             " ('O2', 'n', 'sob', 'Oost', 1, 2);"
             "INSERT INTO hulpvragen (id, organisatie, ontvangen, status, bestand, regel)"
             " VALUES ('H1', 'O1', 20000, 'open', 1, 1);"
             "INSERT INTO inzet VALUES ('I1', 'SP1', 20001, 100, 'H1', NULL, 1, 1),"
             " ('I2', 'SP1', 20002, 100, NULL, NULL, 1, 2);");
    k = collect_tables(db, false);
    CHECK(pm_collect_refs(k, db, &orgs, &specs, &requests, msg, sizeof msg) == PM_OK &&
              orgs && specs && requests,
          "references_that_all_have_their_rows_are_known_complete");
    pm_collect_free(k);
    exec(db, "INSERT INTO inzet VALUES ('I3', 'SP2', 20003, 100, 'H2', NULL, 1, 3)");
    k = collect_tables(db, false);
    CHECK(pm_collect_refs(k, db, &orgs, &specs, &requests, msg, sizeof msg) == PM_OK &&
              orgs && specs && !requests,
          "a_request_of_inzet_without_its_hulpvraag_is_not_known_complete");
    pm_collect_free(k);
    exec(db, "ROLLBACK");
    sqlite3_close(db);

    pm_collect_free(NULL); /* allowed, as free() */

    char path[128];
    const char *names[] = {"edge", "empty", "many", "refs"};
    const char *tails[] = {".db", ".db-wal", ".db-shm"};
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 3; j++) {
            snprintf(path, sizeof path, "%s/%s%s", dir, names[i], tails[j]);
            unlink(path);
        }
    rmdir(dir);
    return tap_done();
}
