/* test_orgs.c — unit tests for indicators/orgs.c: the in-memory organisation
 * table R1 and R2 look every request and evaluation up in. Runs on an
 * in-memory SQLite table with the columns the module reads. Prints TAP. */
#include "orgs.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"

static sqlite3 *make_db(void)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "CREATE TABLE organisaties (id TEXT PRIMARY KEY, naam TEXT, "
                     "type TEXT, regio TEXT)",
                     NULL, NULL, NULL) != SQLITE_OK) {
        printf("Bail out! no in-memory database\n");
        return NULL;
    }
    return db;
}

static void insert(sqlite3 *db, const char *id, const char *naam, const char *type,
                   const char *regio)
{
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "INSERT INTO organisaties VALUES (?1, ?2, ?3, ?4)", -1, &st,
                       NULL);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, naam, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, type, -1, SQLITE_TRANSIENT);
    if (regio)
        sqlite3_bind_text(st, 4, regio, -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
}

static void lists(void)
{
    CHECK(pm_index_of(pm_regios, PM_NREGIOS, "Noord-West") == 0 &&
              pm_index_of(pm_regios, PM_NREGIOS, "Zuid") == 5,
          "regios_in_the_order_of_spec_2");
    CHECK(pm_index_of(pm_regios, PM_NREGIOS, "noord-west") == -1,
          "index_of_is_exact_about_case");
    CHECK(pm_index_of(pm_org_types, PM_NTYPES, NULL) == -1, "index_of_null_is_minus_1");
    CHECK(pm_index_of(pm_org_types, PM_NTYPES, "opdrachtgever") == 2,
          "opdrachtgever_is_the_third_type");
}

static void small_table(void)
{
    sqlite3 *db = make_db();
    if (!db)
        return;
    insert(db, "GM0363", "Amsterdam", "gemeente", "Noord-West");
    insert(db, "SOB001", "Werkbedrijf", "sob", "Oost");
    insert(db, "VNG", "VNG", "opdrachtgever", NULL);
    pm_context ctx = {.db = db};
    pm_org_table t;
    char msg[256];
    CHECK(pm_org_table_load(&ctx, &t, msg, sizeof msg) == PM_OK && t.n == 3,
          "table_loads_every_organisation");
    CHECK(strcmp(t.orgs[0].id, "GM0363") == 0 && strcmp(t.orgs[2].id, "VNG") == 0,
          "table_is_sorted_by_id");
    const pm_org *o = pm_org_find(&t, "GM0363");
    CHECK(o && o->regio == 0 && o->type == 0 && strcmp(o->naam, "Amsterdam") == 0,
          "find_gives_regio_type_and_name");
    o = pm_org_find(&t, "VNG");
    CHECK(o && o->regio == -1 && o->type == 2, "opdrachtgever_has_no_regio");
    CHECK(pm_org_find(&t, "GM0364") == NULL, "unknown_id_is_not_found");
    CHECK(pm_org_find(&t, NULL) == NULL, "null_id_is_not_found");
    CHECK(pm_org_find(&t, "gm0363") == NULL, "ids_are_matched_exactly");
    pm_org_table_free(&t);
    pm_org_table_free(&t); /* freed tables are zeroed */
    CHECK(t.orgs == NULL && t.n == 0, "free_zeroes_the_table");
    sqlite3_close(db);
}

/* Many ids, long ids that differ only at the end, and ids whose hashes
 * collide into the same slots: each is found as itself. */
static void many_and_long_ids(void)
{
    sqlite3 *db = make_db();
    if (!db)
        return;
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    char id[128];
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "GM%04d", i);
        insert(db, id, id, i % 2 ? "sob" : "gemeente", pm_regios[i % PM_NREGIOS]);
    }
    char long1[101], long2[101];
    memset(long1, 'x', 100);
    long1[100] = '\0';
    memcpy(long2, long1, sizeof long2);
    long1[99] = '1';
    long2[99] = '2';
    insert(db, long1, "lang een", "gemeente", "Zuid");
    insert(db, long2, "lang twee", "sob", "Noord");
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);

    pm_context ctx = {.db = db};
    pm_org_table t;
    char msg[256];
    CHECK(pm_org_table_load(&ctx, &t, msg, sizeof msg) == PM_OK && t.n == 5002,
          "table_of_5002_organisations_loads");
    int all = 1;
    for (int i = 0; i < 5000 && all; i++) {
        snprintf(id, sizeof id, "GM%04d", i);
        const pm_org *o = pm_org_find(&t, id);
        all =
            o && strcmp(o->id, id) == 0 && o->regio == i % PM_NREGIOS && o->type == i % 2;
    }
    CHECK(all, "each_of_5000_ids_is_found_as_itself");
    const pm_org *a = pm_org_find(&t, long1), *b = pm_org_find(&t, long2);
    CHECK(a && b && a != b && strcmp(a->naam, "lang een") == 0 &&
              strcmp(b->naam, "lang twee") == 0,
          "ids_of_100_characters_differing_at_the_end_stay_apart");
    CHECK(t.mask + 1 >= 2 * t.n, "index_is_at_most_half_full");
    pm_org_table_free(&t);
    sqlite3_close(db);
}

static void empty_table(void)
{
    sqlite3 *db = make_db();
    if (!db)
        return;
    pm_context ctx = {.db = db};
    pm_org_table t;
    char msg[256];
    CHECK(pm_org_table_load(&ctx, &t, msg, sizeof msg) == PM_OK && t.n == 0 &&
              pm_org_find(&t, "GM0363") == NULL,
          "empty_table_finds_nothing");
    pm_org_table_free(&t);
    sqlite3_close(db);
}

static void database_failure(void)
{
    sqlite3 *db = NULL;
    sqlite3_open(":memory:", &db); /* no organisaties table */
    pm_context ctx = {.db = db};
    pm_org_table t;
    char msg[256] = "";
    CHECK(pm_org_table_load(&ctx, &t, msg, sizeof msg) == PM_ERR_DB && msg[0] != '\0',
          "missing_table_is_a_database_error_with_a_reason");
    pm_org_table_free(&t);
    sqlite3_close(db);
}

int main(void)
{
    lists();
    small_table();
    many_and_long_ids();
    empty_table();
    database_failure();
    return tap_done();
}
