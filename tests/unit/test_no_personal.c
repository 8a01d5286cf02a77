/* test_no_personal.c — a snapshot whose command shows no personal breakdown
 * (the dashboard, pm_snapshot.no_personal) leaves R2's per-organisation
 * cells empty and every figure as it was. Runs on a temporary store with a
 * few organisations and ondersteuning evaluations. Prints TAP. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "period.h"
#include "report.h"
#include "store.h"
#include "tap.h"

static const char fill[] =
    "INSERT INTO imports VALUES (1, '2025-12-31T00:00:00Z', 'test');"
    "INSERT INTO import_bestanden (id, import_id, pad, dataset) VALUES (1, 1, 't', 't');"
    "INSERT INTO organisaties VALUES ('GM0001', 'Aa', 'gemeente', 'Oost', 1, 1);"
    "INSERT INTO organisaties VALUES ('GM0002', 'Bb', 'gemeente', 'Zuid', 1, 2);"
    "INSERT INTO organisaties VALUES ('SOB01', 'Cc', 'sob', 'Noord', 1, 3);";

static const pm_breakdown *find_breakdown(const pm_result *r, const char *key)
{
    for (size_t i = 0; r && i < r->nbreakdowns; i++)
        if (strcmp(r->breakdowns[i].key, key) == 0)
            return &r->breakdowns[i];
    return NULL;
}

static int compute(sqlite3 *db, bool no_personal, pm_report *rep)
{
    pm_config cfg;
    pm_config_defaults(&cfg);
    pm_period p;
    char msg[512] = "";
    pm_snapshot snap = {0};
    if (!pm_period_parse("2025-Q4", &p) || pm_snapshot_begin(&snap, db, msg, sizeof msg))
        return 1;
    snap.no_personal = no_personal;
    pm_error err = pm_report_compute(rep, &snap, &cfg, &p, p.end, msg, sizeof msg);
    if (err)
        printf("# %s\n", msg);
    pm_snapshot_end(&snap);
    return err != PM_OK;
}

int main(void)
{
    char path[] = "/tmp/pm-no-personal-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 1;
    close(fd);
    unlink(path);
    sqlite3 *db = NULL;
    int created = 0;
    char msg[512];
    if (pm_store_open(path, PM_STORE_CREATE, &db, &created, msg, sizeof msg) ||
        sqlite3_exec(db, fill, NULL, NULL, NULL) != SQLITE_OK) {
        printf("Bail out! no store: %s\n", db ? sqlite3_errmsg(db) : msg);
        return 1;
    }
    /* Evaluations in 2025-Q4 and before: scores that put one organisation
     * below 7 and two above. */
    const char *orgs[] = {"GM0001", "GM0002", "SOB01"};
    const int scores[] = {80, 60, 90};
    for (int k = 0; k < 12; k++) {
        char sql[256];
        snprintf(
            sql, sizeof sql,
            "INSERT INTO evaluaties (id, organisatie, datum, soort, score_x10, bestand,"
            " regel) VALUES ('E%d', '%s', %d, 'ondersteuning', %d, 1, %d)",
            k, orgs[k % 3], pm_day_from_ymd(2025, 4 + (k % 9), 10), scores[k % 3],
            10 + k);
        sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    pm_report full = {0}, lean = {0};
    int bad = compute(db, false, &full) | compute(db, true, &lean);
    CHECK(!bad, "both_reports_compute");
    const pm_result *a = pm_report_find(&full, "R2"), *b = pm_report_find(&lean, "R2");
    CHECK(a && b && a->cumulatief.noemer == 3 && a->cumulatief.teller == 2,
          "r2_rates_the_three_organisations");
    CHECK(a && b && a->periode.teller == b->periode.teller &&
              a->periode.noemer == b->periode.noemer &&
              a->cumulatief.teller == b->cumulatief.teller &&
              a->cumulatief.noemer == b->cumulatief.noemer && a->ntrend == b->ntrend,
          "the_figures_are_the_same_without_personal_breakdowns");
    const pm_breakdown *fa = find_breakdown(a, "organisatie");
    const pm_breakdown *fb = find_breakdown(b, "organisatie");
    CHECK(fa && fa->ncells == 3, "a_report_lists_every_rated_organisation");
    CHECK(fb && fb->ncells == 0, "without_personal_breakdowns_r2_lists_none");
    const pm_breakdown *ra = find_breakdown(a, "regio"), *rb = find_breakdown(b, "regio");
    CHECK(ra && rb && ra->ncells == rb->ncells && ra->ncells > 0 &&
              ra->cumulatief[0].noemer == rb->cumulatief[0].noemer,
          "the_regio_breakdown_stays");
    pm_report_free(&full);
    pm_report_free(&lean);
    pm_store_close(db);
    unlink(path);
    char side[64];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return tap_done();
}
