/* teststore.h — small stores for the unit tests that need a database:
 * CSV text written to a temporary folder and imported through the import
 * API into a fresh store (so the tests follow the schema), a configuration
 * written out in full, and a report over it. Static functions, included by
 * one test file each, like tap.h. Failures that make every later check
 * meaningless end the test with TAP's "Bail out!". */
#ifndef PM_TESTSTORE_H
#define PM_TESTSTORE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "import.h"
#include "period.h"
#include "report.h"
#include "store.h"

static char tmpdir[] = "/tmp/pm-unit-store-XXXXXX";

/* Files written into tmpdir, removed at the end. */
static char *written[128];
static size_t nwritten;

static const char *write_file(const char *name, const char *text)
{
    size_t len = strlen(tmpdir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path || nwritten == sizeof written / sizeof written[0])
        abort();
    snprintf(path, len, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
    written[nwritten++] = path;
    return path;
}

/* The organisations and specialists every store starts with: two
 * gemeenten, a SOB, the opdrachtgever, and eleven specialists (SP01 at
 * € 112,50 an hour, SP02 at € 120, the others at € 100). */
static const char organisaties[] =
    "id;naam;type;regio\n"
    "GM0363;Amsterdam;gemeente;Noord-West\n"
    "GM0344;Utrecht;gemeente;Midden\n"
    "SOB001;Werkbedrijf Rivierenland;sob;Oost\n"
    "VNG;Vereniging van Nederlandse Gemeenten;opdrachtgever;\n";

static const char specialisten[] =
    "id;naam;rol;expertise;uurtarief;start;einde\n"
    "SP01;Anna de Vries;specialist;juridisch;112,50;2024-07-01;\n"
    "SP02;Bram Jansen;expert;participatieketen;120;2024-07-01;\n"
    "SP03;Cees Bakker;specialist;bedrijfsvoering;100;2024-07-01;\n"
    "SP04;Dina Visser;specialist;bedrijfsvoering;100;2024-07-01;\n"
    "SP05;Eva Smit;specialist;juridisch;100;2024-07-01;\n"
    "SP06;Frits Meijer;specialist;juridisch;100;2024-07-01;\n"
    "SP07;Gerda de Boer;specialist;juridisch;100;2024-07-01;\n"
    "SP08;Hans Mulder;specialist;juridisch;100;2024-07-01;\n"
    "SP09;Ilse de Groot;specialist;juridisch;100;2024-07-01;\n"
    "SP10;Joost Bos;specialist;juridisch;100;2024-07-01;\n"
    "SP11;Karin Vos;specialist;juridisch;100;2024-07-01;\n";

/* A new store `name`.db with the base and the given (file name, CSV text)
 * pairs, imported in one call. Bails out when the import fails: every
 * figure below depends on it. */
static sqlite3 *make_store(const char *name, const char *const *files, size_t nfiles)
{
    char dbname[64];
    snprintf(dbname, sizeof dbname, "%s.db", name);
    const char *dbpath = write_file(dbname, "");
    unlink(dbpath);
    char msg[512] = "";
    sqlite3 *db = NULL;
    if (pm_store_open(dbpath, PM_STORE_CREATE, &db, NULL, msg, sizeof msg) != PM_OK) {
        printf("Bail out! %s\n", msg);
        exit(1);
    }
    const char *paths[16];
    size_t n = 0;
    char fname[64];
    snprintf(fname, sizeof fname, "%s-organisaties.csv", name);
    paths[n++] = write_file(fname, organisaties);
    snprintf(fname, sizeof fname, "%s-specialisten.csv", name);
    paths[n++] = write_file(fname, specialisten);
    for (size_t i = 0; i + 1 < 2 * nfiles && n < 16; i += 2) {
        snprintf(fname, sizeof fname, "%s-%s", name, files[i]);
        paths[n++] = write_file(fname, files[i + 1]);
    }
    pm_import_opts opts = {.now = "2026-01-01T00:00:00Z"};
    pm_import_result res;
    pm_diag diag;
    pm_diag_init(&diag, 20);
    pm_error err = pm_import_run(db, &opts, paths, n, &res, &diag, msg, sizeof msg);
    if (err != PM_OK) {
        for (size_t i = 0; i < diag.kept_errors; i++)
            printf("# %s\n", diag.errors[i]);
        printf("Bail out! import into %s failed: %s\n", dbname, msg);
        exit(1);
    }
    pm_diag_free(&diag);
    pm_import_result_free(&res);
    return db;
}

/* The hand-written configuration of these tests: the seed's programme and
 * targets, written out so a change of the defaults does not move the
 * figures below; min_n and R3_actief as given. */
static void load_config(pm_config *cfg, int min_n, int r3_actief)
{
    static int n;
    char name[32], text[1024];
    snprintf(name, sizeof name, "config-%d.json", ++n);
    snprintf(text, sizeof text,
             "{\"programma\": {\"start\": \"2024-07-01\", \"einde\": \"2025-12-31\"},\n"
             " \"doelen\": {\"R1\": 0.9, \"R2\": 0.8, \"R3\": 0.8, \"R3_actief\": %d,\n"
             "             \"R4\": 1.0, \"R4_gemiddelde\": 7.0, \"R5\": 1.0, \"R6\": 5,\n"
             "             \"B_marge\": 1.05},\n"
             " \"min_n\": %d, \"min_cell\": 5}\n",
             r3_actief, min_n);
    pm_config_defaults(cfg);
    char msg[512];
    if (pm_config_load(cfg, write_file(name, text), msg, sizeof msg) != PM_OK) {
        printf("Bail out! config: %s\n", msg);
        exit(1);
    }
}

/* The snapshot of the last run(), never begun (autocommit: a test may
 * change the store between runs); its ctx is what rows.h reads. */
static pm_snapshot test_snapshot;

/* Computes the report for period (and peildatum, NULL for the period's
 * last day). The caller frees it with pm_report_free. */
static void run(pm_report *rep, sqlite3 *db, const pm_config *cfg, const char *period,
                const char *peil)
{
    pm_snapshot_end(&test_snapshot);
    test_snapshot.db = db;
    pm_period p;
    if (!pm_period_parse(period, &p)) {
        printf("Bail out! bad period %s\n", period);
        exit(1);
    }
    pm_day d = p.end;
    if (peil && !pm_day_parse(peil, strlen(peil), &d)) {
        printf("Bail out! bad peildatum %s\n", peil);
        exit(1);
    }
    char msg[512] = "";
    if (pm_report_compute(rep, &test_snapshot, cfg, &p, d, msg, sizeof msg) != PM_OK) {
        printf("Bail out! report %s: %s\n", period, msg);
        exit(1);
    }
}

/* Makes the temporary folder; call first. */
static void store_setup(void)
{
    if (!mkdtemp(tmpdir)) {
        printf("Bail out! no temporary folder\n");
        exit(1);
    }
}

/* Removes every file written (and the databases' -wal and -shm) and the
 * folder; call last. */
static void store_cleanup(void)
{
    pm_snapshot_end(&test_snapshot);
    for (size_t i = 0; i < nwritten; i++) {
        char side[600];
        for (const char *suffix = "-wal\0-shm\0"; *suffix; suffix += strlen(suffix) + 1) {
            snprintf(side, sizeof side, "%s%s", written[i], suffix);
            unlink(side);
        }
        unlink(written[i]);
        free(written[i]);
    }
    rmdir(tmpdir);
}

#endif
