/* test_filter.c — unit tests for indicators/filter.c: checking an organisation
 * filter against the store and resolving it into the set O (SPEC §9). Runs on
 * an in-memory SQLite table with the columns the module reads. Prints TAP. */
#include "filter.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"

static sqlite3 *make_db(void)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "CREATE TABLE organisaties (id TEXT PRIMARY KEY, naam TEXT, "
                     "type TEXT, regio TEXT);"
                     "INSERT INTO organisaties VALUES"
                     " ('GM0363', 'Amsterdam', 'gemeente', 'Noord-West'),"
                     " ('GM0344', 'Utrecht', 'gemeente', 'Midden'),"
                     " ('GM0202', 'Arnhem', 'gemeente', 'Oost'),"
                     " ('SOB001', 'Werkbedrijf', 'sob', 'Oost'),"
                     " ('SOB002', 'Werkbedrijf Zuid', 'sob', 'Zuid'),"
                     " ('VNG', 'VNG', 'opdrachtgever', NULL)",
                     NULL, NULL, NULL) != SQLITE_OK) {
        printf("Bail out! no in-memory database\n");
        return NULL;
    }
    return db;
}

/* The ids in temp.pm_filter_orgs, comma-separated in id order. */
static void set_ids(sqlite3 *db, char *buf, size_t size)
{
    sqlite3_stmt *st = NULL;
    buf[0] = '\0';
    sqlite3_prepare_v2(db, "SELECT id FROM temp.pm_filter_orgs ORDER BY id", -1, &st,
                       NULL);
    size_t len = 0;
    while (st && sqlite3_step(st) == SQLITE_ROW && len < size) {
        int w = snprintf(buf + len, size - len, "%s%s", len ? "," : "",
                         (const char *)sqlite3_column_text(st, 0));
        len = w < 0 ? size : len + (size_t)w;
    }
    sqlite3_finalize(st);
}

typedef struct resolved {
    pm_error err;
    long count;
    char ids[256];
    char msg[256];
} resolved;

static resolved resolve(sqlite3 *db, const pm_filter *f)
{
    resolved r = {0};
    pm_context ctx = {.db = db};
    pm_orgset s;
    r.err = pm_orgset_resolve(&ctx, f, &s, r.msg, sizeof r.msg);
    r.count = s.count;
    if (!r.err && s.active)
        set_ids(db, r.ids, sizeof r.ids);
    pm_orgset_free(&s);
    return r;
}

static void sets(sqlite3 *db)
{
    const char *oost[] = {"Oost"}, *two[] = {"Oost", "Midden"}, *sob[] = {"sob"};
    const char *orgs[] = {"SOB002", "GM0363", "GM0363"};
    resolved r = resolve(db, &(pm_filter){.regios = oost, .nregios = 1});
    CHECK(r.err == PM_OK && r.count == 2, "regio_oost_has_two_organisations");
    CHECK_STR(r.ids, "GM0202,SOB001", "regio_set_is_written_for_r3");
    r = resolve(db, &(pm_filter){.regios = two, .nregios = 2});
    CHECK_STR(r.ids, "GM0202,GM0344,SOB001", "two_regios_unite");
    r = resolve(db,
                &(pm_filter){.regios = oost, .nregios = 1, .types = sob, .ntypes = 1});
    CHECK_STR(r.ids, "SOB001", "regio_and_type_intersect");
    r = resolve(db, &(pm_filter){.orgs = orgs, .norgs = 3});
    CHECK(r.err == PM_OK && r.count == 2, "a_repeated_id_counts_once");
    CHECK_STR(r.ids, "GM0363,SOB002", "organisation_ids_unite");
    r = resolve(db, &(pm_filter){.regios = oost, .nregios = 1, .orgs = orgs, .norgs = 1});
    CHECK(r.err == PM_OK && r.count == 0 && r.ids[0] == '\0',
          "organisation_outside_the_regio_leaves_an_empty_set");
}

static void contains(void)
{
    CHECK(pm_orgset_contains(NULL, -1, -1, NULL), "no_filter_contains_everything");
    char *ids[] = {"A", "C"};
    pm_orgset s = {.active = true, .regio_mask = 1u << 3, .ids = ids, .nids = 2};
    CHECK(pm_orgset_contains(&s, 3, 0, "C"), "in_regio_and_listed_is_in");
    CHECK(!pm_orgset_contains(&s, 3, 0, "B"), "unlisted_id_is_out");
    CHECK(!pm_orgset_contains(&s, 2, 0, "A"), "other_regio_is_out");
    CHECK(!pm_orgset_contains(&s, -1, 2, "A"), "no_regio_is_out_under_a_regio_filter");
    CHECK(!pm_orgset_contains(&s, 3, 0, NULL), "missing_id_is_out_under_an_id_filter");
}

static void org_table_flags(sqlite3 *db)
{
    const char *sob[] = {"sob"};
    pm_context ctx = {.db = db};
    pm_orgset s;
    char msg[256];
    pm_orgset_resolve(&ctx, &(pm_filter){.types = sob, .ntypes = 1}, &s, msg, sizeof msg);
    ctx.filter = &s;
    pm_org_table t;
    pm_org_table_load(&ctx, &t, msg, sizeof msg);
    const pm_org *a = pm_org_find(&t, "SOB001"), *b = pm_org_find(&t, "GM0363");
    CHECK(a && a->in_filter && pm_org_in_filter(&ctx, a), "table_marks_a_sob_in");
    CHECK(b && !b->in_filter && !pm_org_in_filter(&ctx, b), "table_marks_a_gemeente_out");
    CHECK(!pm_org_in_filter(&ctx, NULL), "a_missing_organisation_is_out_under_a_filter");
    pm_org_table_free(&t);
    ctx.filter = NULL;
    CHECK(pm_org_in_filter(&ctx, NULL) && pm_org_in_filter(&ctx, b),
          "without_a_filter_every_row_counts");
    pm_orgset_free(&s);
}

static void errors(sqlite3 *db)
{
    const char *bad_regio[] = {"Oostt"}, *case_regio[] = {"oost"};
    const char *bad_type[] = {"opdrachtgever"}, *bad_org[] = {"GM363"};
    const char *tie[] = {"SOB00"};
    resolved r = resolve(db, &(pm_filter){.regios = bad_regio, .nregios = 1});
    CHECK(r.err == PM_ERR_USAGE, "unknown_regio_is_a_usage_error");
    CHECK_STR(
        r.msg,
        "onbekende regio 'Oostt'; kies Noord-West, Noord, Midden, Oost, Zuid-West of "
        "Zuid",
        "unknown_regio_names_the_six");
    r = resolve(db, &(pm_filter){.regios = case_regio, .nregios = 1});
    CHECK_STR(r.msg, "onbekende regio 'oost'; bedoelt u Oost?", "regio_case_hint");
    r = resolve(db, &(pm_filter){.types = bad_type, .ntypes = 1});
    CHECK(r.err == PM_ERR_USAGE, "opdrachtgever_type_is_refused");
    CHECK_STR(r.msg, "onbekend type 'opdrachtgever'; kies gemeente of sob",
              "unknown_type_names_gemeente_and_sob");
    r = resolve(db, &(pm_filter){.orgs = bad_org, .norgs = 1});
    CHECK(r.err == PM_ERR_USAGE, "unknown_organisation_is_a_usage_error");
    CHECK_STR(r.msg, "onbekende organisatie 'GM363'; bedoelt u GM0363?",
              "unknown_organisation_names_the_closest_id");
    r = resolve(db, &(pm_filter){.orgs = tie, .norgs = 1});
    CHECK_STR(r.msg, "onbekende organisatie 'SOB00'; bedoelt u SOB001?",
              "closest_id_ties_go_to_the_first_in_id_order");
}

int main(void)
{
    sqlite3 *db = make_db();
    if (!db)
        return 1;
    sets(db);
    contains();
    org_table_flags(db);
    errors(db);
    sqlite3_close(db);
    return tap_done();
}
