/* store.c — opening, creating and migrating the pijlermonitor database.
 * Values are stored as integers where arithmetic must be exact: dates as
 * pm_day (days since 1970-01-01), money in cents, scores in tenths, hours in
 * hundredths. Every data row keeps the file and line it was imported from. */
#include "store.h"

#include "columns.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dataset.h"
#include "hash.h"
#include "schema_v7.h"

/* Version 0 → 1: the whole schema. Foreign keys between datasets are
 * deferred, because one import may deliver a request before its
 * organisation; the importer checks them itself first to name file and line,
 * so the deferred check is only a backstop. */
static const char schema_v1[] =
    "CREATE TABLE imports ("
    "  id INTEGER PRIMARY KEY,"
    "  tijdstip TEXT NOT NULL," /* ISO 8601 UTC */
    "  versie TEXT NOT NULL"
    ");"
    "CREATE TABLE import_bestanden ("
    "  id INTEGER PRIMARY KEY,"
    "  import_id INTEGER NOT NULL REFERENCES imports(id),"
    "  pad TEXT NOT NULL,"
    "  dataset TEXT NOT NULL,"
    "  rijen INTEGER NOT NULL DEFAULT 0,"
    "  toegevoegd INTEGER NOT NULL DEFAULT 0,"
    "  vervangen INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE TABLE gemeenten ("
    "  code TEXT PRIMARY KEY, naam TEXT NOT NULL, provincie TEXT NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE organisaties ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  naam TEXT NOT NULL,"
    "  type TEXT NOT NULL CHECK (type IN ('gemeente','sob','opdrachtgever')),"
    "  regio TEXT CHECK (regio IN "
    "('Noord-West','Noord','Midden','Oost','Zuid-West','Zuid')),"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL,"
    "  CHECK (regio IS NOT NULL OR type = 'opdrachtgever')"
    ");"
    "CREATE TABLE specialisten ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  naam TEXT NOT NULL,"
    "  rol TEXT NOT NULL CHECK (rol IN ('expert','specialist','regioadviseur')),"
    "  expertise TEXT NOT NULL CHECK (expertise IN ('sturing-bekostiging',"
    "    'bedrijfsvoering','bestuurlijke-sturing','juridisch','participatieketen')),"
    "  uurtarief_cent INTEGER NOT NULL CHECK (uurtarief_cent > 0),"
    "  start INTEGER NOT NULL,"
    "  einde INTEGER CHECK (einde >= start),"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL"
    ");"
    "CREATE TABLE hulpvragen ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  organisatie TEXT NOT NULL"
    "    REFERENCES organisaties(id) DEFERRABLE INITIALLY DEFERRED,"
    "  ontvangen INTEGER NOT NULL,"
    "  eerste_contact INTEGER CHECK (eerste_contact >= ontvangen),"
    "  onderwerp TEXT CHECK (onderwerp IN ('sturing-bekostiging','bedrijfsvoering',"
    "    'bestuurlijke-sturing','juridisch','participatieketen')),"
    "  specialist TEXT REFERENCES specialisten(id) DEFERRABLE INITIALLY DEFERRED,"
    "  status TEXT NOT NULL DEFAULT 'open'"
    "    CHECK (status IN ('open','lopend','afgerond')),"
    "  afgerond_op INTEGER CHECK (afgerond_op >= ontvangen),"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL"
    ");"
    "CREATE INDEX hulpvragen_ontvangen ON hulpvragen(ontvangen);"
    "CREATE INDEX hulpvragen_organisatie ON hulpvragen(organisatie);"
    "CREATE INDEX hulpvragen_specialist ON hulpvragen(specialist);"
    "CREATE TABLE inzet ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  specialist TEXT NOT NULL"
    "    REFERENCES specialisten(id) DEFERRABLE INITIALLY DEFERRED,"
    "  datum INTEGER NOT NULL,"
    "  uren_x100 INTEGER NOT NULL CHECK (uren_x100 > 0 AND uren_x100 <= 2400),"
    "  hulpvraag TEXT REFERENCES hulpvragen(id) DEFERRABLE INITIALLY DEFERRED,"
    "  omschrijving TEXT,"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL"
    ");"
    "CREATE INDEX inzet_datum ON inzet(datum);"
    "CREATE INDEX inzet_specialist ON inzet(specialist, datum);"
    "CREATE INDEX inzet_hulpvraag ON inzet(hulpvraag);"
    "CREATE TABLE evaluaties ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  organisatie TEXT NOT NULL"
    "    REFERENCES organisaties(id) DEFERRABLE INITIALLY DEFERRED,"
    "  datum INTEGER NOT NULL,"
    "  soort TEXT NOT NULL CHECK (soort IN "
    "('ondersteuning','specialist','opdrachtgever')),"
    "  score_x10 INTEGER NOT NULL CHECK (score_x10 BETWEEN 10 AND 100),"
    "  specialist TEXT REFERENCES specialisten(id) DEFERRABLE INITIALLY DEFERRED,"
    "  hulpvraag TEXT,"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL,"
    "  CHECK (soort <> 'specialist' OR specialist IS NOT NULL)"
    ");"
    "CREATE INDEX evaluaties_soort_datum ON evaluaties(soort, datum);"
    "CREATE INDEX evaluaties_organisatie ON evaluaties(organisatie);"
    "CREATE INDEX evaluaties_specialist ON evaluaties(specialist);"
    "CREATE TABLE kennisproducten ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  titel TEXT NOT NULL,"
    "  soort TEXT NOT NULL CHECK (soort IN "
    "('handleiding','factsheet','webinar','podcast',"
    "    'kennisbijeenkomst','publicatie','overig')),"
    "  gepubliceerd INTEGER,"
    "  pijler TEXT NOT NULL DEFAULT '2' CHECK (pijler IN ('2','3','2+3')),"
    "  kanalen TEXT,"
    "  bereik INTEGER CHECK (bereik >= 0),"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL"
    ");"
    "CREATE TABLE mijlpalen ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  resultaat TEXT NOT NULL CHECK (resultaat IN ('R4','R5')),"
    "  omschrijving TEXT NOT NULL,"
    "  gepland INTEGER NOT NULL,"
    "  gereed INTEGER,"
    "  bewijs TEXT,"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL"
    ");"
    "CREATE TABLE begroting ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  jaar INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),"
    "  kwartaal INTEGER CHECK (kwartaal BETWEEN 1 AND 4),"
    "  post TEXT NOT NULL CHECK (post IN ('inhuur','kennisproducten','website',"
    "    'bijeenkomsten','communicatie','overig')),"
    "  bedrag_cent INTEGER NOT NULL CHECK (bedrag_cent >= 0),"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL"
    ");"
    "CREATE TABLE uitgaven ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  datum INTEGER NOT NULL,"
    "  post TEXT NOT NULL CHECK (post IN ('kennisproducten','website',"
    "    'bijeenkomsten','communicatie','overig')),"
    "  bedrag_cent INTEGER NOT NULL,"
    "  omschrijving TEXT,"
    "  bestand INTEGER NOT NULL REFERENCES import_bestanden(id),"
    "  regel INTEGER NOT NULL"
    ");"
    "CREATE INDEX uitgaven_datum ON uitgaven(datum);";

/* Version 1 → 2: per dataset the sums that the data fingerprint is folded
 * from, kept up to date by the import, so that a report reads nine rows
 * instead of every row of the store. som is the wrapping 64-bit sum of the
 * row hashes, stored as SQLite's signed 64-bit integer. The migration fills
 * it from the data (fill_sums). */
static const char schema_v2[] = "CREATE TABLE vingerafdruk ("
                                "  dataset TEXT PRIMARY KEY NOT NULL,"
                                "  som INTEGER NOT NULL,"
                                "  rijen INTEGER NOT NULL"
                                ") WITHOUT ROWID;";

/* Version 2 → 3: the rows withdrawn by `intrekken` (engine/withdraw.c),
 * so that nothing leaves the data tables without a trace. rij is the row as
 * JSON (its SQL columns), bestand and regel where it came from; all three
 * are NULL once the row was erased (`intrekken --wissen`, gewist = 1), which
 * keeps only dataset, id, reason and time. bestand is a plain number, not a
 * foreign key: the record must outlive anything it points at. */
static const char schema_v3[] =
    "CREATE TABLE ingetrokken ("
    "  nr INTEGER PRIMARY KEY,"
    "  dataset TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  rij TEXT,"
    "  bestand INTEGER,"
    "  regel INTEGER,"
    "  reden TEXT NOT NULL,"
    "  tijd TEXT NOT NULL," /* ISO 8601 UTC */
    "  gewist INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX ingetrokken_rij ON ingetrokken(dataset, id);";

/* Version 3 → 4: what was actually sent (`report --definitief`,
 * engine/sent.c). One row per definitive report: the period (its canonical
 * label and its days), peildatum, audience, the data fingerprint, the JSON
 * of every figure exactly as `indicators --format json` gives it for that
 * audience, and the run's time. A replaced report is kept; vervangt names
 * the one it replaces. */
static const char schema_v4[] =
    "CREATE TABLE verzonden ("
    "  nr INTEGER PRIMARY KEY,"
    "  periode TEXT NOT NULL,"
    "  van INTEGER NOT NULL,"
    "  tot INTEGER NOT NULL,"
    "  peildatum INTEGER NOT NULL,"
    "  publiek TEXT NOT NULL CHECK (publiek IN ('intern','extern')),"
    "  vingerafdruk TEXT NOT NULL,"
    "  cijfers TEXT NOT NULL,"
    "  tijd TEXT NOT NULL," /* ISO 8601 UTC */
    "  vervangt INTEGER"
    ");"
    "CREATE INDEX verzonden_periode ON verzonden(van, tot, publiek);";

/* Version 4 → 5: the indicators' columns (engine/columns.c): per big
 * table its rows as the indicators read them, one blob each, and the row
 * 'bron' with the fingerprint sums they were built from. Kept by import and
 * intrekken; the migration builds them (build_columns). */
static const char schema_v5[] = "CREATE TABLE kolommen ("
                                "  naam TEXT PRIMARY KEY NOT NULL,"
                                "  rijen INTEGER NOT NULL,"
                                "  eerste INTEGER NOT NULL DEFAULT 0,"
                                "  data BLOB NOT NULL"
                                ");";

/* Version 5 → 6: the columns gain R3's activity rows (engine/columns.h,
 * pm_activity_row, the row 'activiteit'). The table stays; the migration
 * builds the columns anew (build_columns). */
static const char schema_v6[] = "DELETE FROM kolommen;";

/* Version 6 → 7: the fixed-value CHECKs without IN lists, tables rebuilt
 * (schema_v7.c). */

/* migrations[i] brings a database from version i to i + 1. */
static const char *const migrations[PM_SCHEMA_VERSION] = {
    schema_v1, schema_v2, schema_v3, schema_v4, schema_v5, schema_v6, pm_schema_v7};

const char *pm_store_path(const char *option)
{
    if (option && *option)
        return option;
    const char *env = getenv("PIJLERMONITOR_DB");
    if (env && *env)
        return env;
    return "pijlermonitor.db";
}

const char *pm_store_reason(sqlite3 *db)
{
    switch (sqlite3_errcode(db) & 0xff) {
    case SQLITE_CORRUPT: return "de database is beschadigd";
    case SQLITE_NOTADB: return "het bestand is geen SQLite-database";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "de database is bezet door een ander proces";
    case SQLITE_READONLY: return "de database is alleen-lezen";
    case SQLITE_FULL: return "de schijf is vol";
    case SQLITE_IOERR: return "lees- of schrijffout";
    case SQLITE_CANTOPEN: return "de database kan niet worden geopend";
    case SQLITE_PERM:
    case SQLITE_AUTH: return "geen toestemming";
    case SQLITE_NOMEM: return "onvoldoende geheugen";
    default: return "databasefout";
    }
}

pm_error pm_store_exec(sqlite3 *db, const char *sql, char *msg, size_t msgsize)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        snprintf(msg, msgsize, "%s (SQLite: %s)", pm_store_reason(db),
                 err ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
        return PM_ERR_DB;
    }
    return PM_OK;
}

static long long query_int(sqlite3 *db, const char *sql, int *rc_out)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            v = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    if (rc_out)
        *rc_out = rc;
    return v;
}

long long pm_store_count(sqlite3 *db, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", table);
    return query_int(db, sql, NULL);
}

static pm_error fill_gemeenten(sqlite3 *db, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO gemeenten(code, naam, provincie) VALUES (?,?,?)",
                           -1, &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "%s", sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    size_t n;
    const pm_gemeente *g = pm_gemeenten(&n);
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_text(st, 1, g[i].code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, g[i].naam, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, g[i].provincie, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            snprintf(msg, msgsize, "%s", sqlite3_errmsg(db));
            sqlite3_finalize(st);
            return PM_ERR_DB;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return PM_OK;
}

/* Computes the fingerprint sums of the data already in the store (a v1
 * database) and writes them; on an empty store that is nine rows of zeros. */
static pm_error fill_sums(sqlite3 *db, char *msg, size_t msgsize)
{
    pm_store_sums sums;
    pm_error err = pm_store_sums_compute(db, &sums, msg, msgsize);
    for (size_t k = 0; k < PM_NKINDS && !err; k++)
        err =
            pm_store_sums_write(db, (pm_kind)k, sums.sum[k], sums.count[k], msg, msgsize);
    return err;
}

/* The indicators' columns of the data already in the store (a v4 or v5
 * database). */
static pm_error build_columns(sqlite3 *db, char *msg, size_t msgsize)
{
    pm_store_sums sums;
    pm_error err = pm_store_sums_read(db, &sums, msg, msgsize);
    return err ? err : pm_columns_refresh(db, &sums, msg, msgsize);
}

/* Applies the migrations from `from` up to PM_SCHEMA_VERSION in one
 * transaction, so a failed migration leaves the old version intact. The
 * version is read again under the write lock: another process that opened
 * the same old database at the same moment may have migrated it while this
 * one waited for the lock. */
static pm_error migrate(sqlite3 *db, int from, char *msg, size_t msgsize)
{
    pm_error err = pm_store_exec(db, "BEGIN IMMEDIATE", msg, msgsize);
    if (err)
        return err;
    int rc;
    long long now = query_int(db, "PRAGMA user_version", &rc);
    if (rc == SQLITE_OK && now >= 0)
        from = (int)now;
    if (from > PM_SCHEMA_VERSION) {
        pm_store_exec(db, "COMMIT", msg, msgsize);
        snprintf(msg, msgsize,
                 "de database heeft intussen schemaversie %d gekregen, deze "
                 "pijlermonitor kent tot en met versie %d; gebruik een nieuwere "
                 "pijlermonitor",
                 from, PM_SCHEMA_VERSION);
        return PM_ERR_NEWER;
    }
    if (from == PM_SCHEMA_VERSION)
        return pm_store_exec(db, "COMMIT", msg, msgsize);
    bool columns = false; /* built once, after the last step that needs them */
    for (int v = from; v < PM_SCHEMA_VERSION && !err; v++) {
        err = pm_store_exec(db, migrations[v], msg, msgsize);
        if (!err && v == 0)
            err = fill_gemeenten(db, msg, msgsize);
        if (!err && v == 1)
            err = fill_sums(db, msg, msgsize);
        if (v == 4 || v == 5)
            columns = true;
    }
    if (!err && columns)
        err = build_columns(db, msg, msgsize);
    if (!err) {
        char sql[96];
        snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
                 PM_APPLICATION_ID, PM_SCHEMA_VERSION);
        err = pm_store_exec(db, sql, msg, msgsize);
    }
    if (!err)
        err = pm_store_exec(db, "COMMIT", msg, msgsize);
    if (err) {
        char ignored[64];
        pm_store_exec(db, "ROLLBACK", ignored, sizeof ignored);
    }
    return err;
}

/* Whether new files can be made in the folder of path. */
static int folder_writable(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    return access(dir, W_OK) == 0;
}

/* The map the commands read through (pm_store_open). */
#define PM_STORE_MMAP_SIZE "1073741824"

/* How long a command waits for another process's lock (test_concurrency
 * relies on the 10 s). */
enum { BUSY_TIMEOUT_MS = 10000 };

/* Sets the journal mode without waiting for other connections; true when
 * the store is in `mode` afterwards. The busy timeout is put back as it
 * was. */
static bool journal_mode_now(sqlite3 *db, const char *pragma, const char *mode)
{
    int busy_ms = BUSY_TIMEOUT_MS;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA busy_timeout", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        busy_ms = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_busy_timeout(db, 0);
    bool ok = false;
    if (sqlite3_prepare_v2(db, pragma, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const char *now = (const char *)sqlite3_column_text(st, 0);
        ok = now && strcmp(now, mode) == 0;
    }
    sqlite3_finalize(st);
    sqlite3_busy_timeout(db, busy_ms);
    return ok;
}

bool pm_store_bulk_begin(sqlite3 *db)
{
    if (!sqlite3_get_autocommit(db))
        return false;
    if (!journal_mode_now(db, "PRAGMA journal_mode = DELETE", "delete"))
        return false;
    /* synchronous = NORMAL is safe against power loss in WAL mode only;
     * with a rollback journal it takes FULL (a few more fsyncs of a journal
     * that stays small). The memory map is off for the load: the index
     * builds read every table back, and mapped those pages counted as the
     * process's memory, for no gain in time (docs/PERFORMANCE.md). */
    char ignored[128];
    pm_store_exec(db, "PRAGMA synchronous = FULL; PRAGMA mmap_size = 0", ignored,
                  sizeof ignored);
    return true;
}

void pm_store_bulk_end(sqlite3 *db)
{
    char ignored[128];
    pm_store_exec(db,
                  "PRAGMA synchronous = NORMAL; PRAGMA mmap_size = " PM_STORE_MMAP_SIZE,
                  ignored, sizeof ignored);
    if (sqlite3_get_autocommit(db))
        journal_mode_now(db, "PRAGMA journal_mode = WAL", "wal");
}

void pm_store_close(sqlite3 *db)
{
    if (db)
        sqlite3_close_v2(db);
}

pm_error pm_store_open(const char *path, pm_store_mode mode, sqlite3 **out, int *created,
                       char *msg, size_t msgsize)
{
    *out = NULL;
    if (created)
        *created = 0;
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    if (!exists && mode == PM_STORE_EXISTING) {
        snprintf(
            msg, msgsize,
            "database '%s' bestaat niet; maak hem aan met 'pijlermonitor --db %s init'",
            path, path);
        return PM_ERR_IO;
    }
    if (exists && S_ISDIR(sb.st_mode)) {
        snprintf(msg, msgsize, "'%s' is een map, geen database", path);
        return PM_ERR_IO;
    }
    int flags =
        SQLITE_OPEN_READWRITE | (mode == PM_STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "database '%s' kan niet worden geopend: %s", path,
                 db ? sqlite3_errmsg(db) : "onvoldoende geheugen");
        sqlite3_close_v2(db);
        return PM_ERR_IO;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);

    /* Reading the header is the first moment SQLite looks at the file: a
     * file that is not SQLite fails here, before anything is written. */
    int rc;
    long long app_id = query_int(db, "PRAGMA application_id", &rc);
    if (rc != SQLITE_OK) {
        int notadb = (rc & 0xff) == SQLITE_NOTADB;
        if (notadb)
            snprintf(msg, msgsize,
                     "'%s' is geen SQLite-database (en dus geen "
                     "pijlermonitor-database); het bestand is niet gewijzigd",
                     path);
        else /* the reason in Dutch, SQLite's own words only in parentheses;
                a read-only folder is named as the cause, as SQLite's "unable
                to open database file" does not say it (tests/e2e/test_faults.py) */
            snprintf(msg, msgsize,
                     "database '%s' kan niet worden gelezen: %s%s (SQLite: %s)", path,
                     pm_store_reason(db),
                     (rc & 0xff) == SQLITE_CANTOPEN && !folder_writable(path)
                         ? "; de map is alleen-lezen, en SQLite moet naast de database "
                           "een -wal- en een -shm-bestand kunnen maken"
                         : "",
                     sqlite3_errmsg(db));
        sqlite3_close_v2(db);
        return notadb ? PM_ERR_NOTOURS : PM_ERR_DB;
    }
    long long version = query_int(db, "PRAGMA user_version", NULL);
    long long nobjects = query_int(db, "SELECT count(*) FROM sqlite_schema", NULL);
    if (app_id != PM_APPLICATION_ID && !(app_id == 0 && version == 0 && nobjects == 0)) {
        snprintf(msg, msgsize,
                 "'%s' is een SQLite-database van een ander programma, geen "
                 "pijlermonitor-database; het bestand is niet gewijzigd",
                 path);
        sqlite3_close_v2(db);
        return PM_ERR_NOTOURS;
    }
    if (version > PM_SCHEMA_VERSION) {
        snprintf(
            msg, msgsize,
            "database '%s' heeft schemaversie %lld, deze pijlermonitor kent tot en met "
            "versie %d; gebruik een nieuwere pijlermonitor",
            path, version, PM_SCHEMA_VERSION);
        sqlite3_close_v2(db);
        return PM_ERR_NEWER;
    }
    char detail[512];
    /* A new store gets 16 KiB pages (SQLite's default is 4 KiB). The import
     * writes every page twice in WAL mode, to the WAL and at the checkpoint
     * to the database, and reads the tables back for the index builds: with
     * a quarter of the pages that is a quarter of the frames, WAL lookups
     * and system calls (docs/PERFORMANCE.md, "Issue 17: CSV import, third
     * pass"). It only takes effect before the first page is written, so an
     * existing store keeps its size. */
    pm_error err = PM_OK;
    if (version == 0 && nobjects == 0)
        err = pm_store_exec(db, "PRAGMA page_size = 16384", detail, sizeof detail);
    /* mmap_size: in WAL mode SQLite reads every page of a blob through its
     * page cache (its direct read into the caller's buffer is for rollback
     * journals only), so the 22.5 MB of kept columns at 1M were 5,500
     * fresh page-cache allocations, preads and copies per command. Mapped,
     * pages not in the WAL are read from the OS's cache in place (a third
     * fewer page faults, docs/PERFORMANCE.md "Issue 14: second pass").
     * Writes still go through the pager; only reads use the map. */
    if (!err)
        err = pm_store_exec(db,
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                            "PRAGMA cache_size = -65536;"
                            "PRAGMA mmap_size = " PM_STORE_MMAP_SIZE,
                            detail, sizeof detail);
    /* Foreign keys are enforced from here on, but not during a migration:
     * rebuilding a table (schema_v7.c) drops one that others refer to. */
    if (!err && version < PM_SCHEMA_VERSION) {
        err = migrate(db, (int)version, detail, sizeof detail);
        if (!err && created)
            *created = version == 0;
    }
    if (!err)
        err = pm_store_exec(db, "PRAGMA foreign_keys = ON", detail, sizeof detail);
    if (err) {
        snprintf(msg, msgsize, "database '%s': %s", path, detail);
        sqlite3_close_v2(db);
        return err;
    }
    *out = db;
    return PM_OK;
}

uint64_t pm_rowhash_int(uint64_t h, int64_t v)
{
    unsigned char tag = SQLITE_INTEGER;
    h = pm_fnv1a64(h, &tag, 1);
    return pm_fnv1a64(h, &v, sizeof v);
}

uint64_t pm_rowhash_text(uint64_t h, const char *s, size_t len)
{
    unsigned char tag = SQLITE_TEXT;
    h = pm_fnv1a64(h, &tag, 1);
    return pm_fnv1a64(h, s, len);
}

uint64_t pm_rowhash_null(uint64_t h)
{
    unsigned char tag = SQLITE_NULL;
    return pm_fnv1a64(h, &tag, 1);
}

uint64_t pm_rowhash_end(uint64_t h)
{
    return pm_mix64(h);
}

uint64_t pm_rowhash_stmt(sqlite3_stmt *st, int ncols)
{
    uint64_t h = PM_ROWHASH_INIT;
    for (int c = 0; c < ncols; c++) {
        unsigned char tag = (unsigned char)sqlite3_column_type(st, c);
        h = pm_fnv1a64(h, &tag, 1);
        if (tag == SQLITE_INTEGER) {
            int64_t v = sqlite3_column_int64(st, c);
            h = pm_fnv1a64(h, &v, sizeof v);
        } else if (tag != SQLITE_NULL) {
            /* text, a blob or a real as SQLite renders it: only a change made
             * outside pijlermonitor stores the last two */
            const void *t = sqlite3_column_blob(st, c);
            h = pm_fnv1a64(h, t, (size_t)sqlite3_column_bytes(st, c));
        }
    }
    return pm_mix64(h);
}

pm_error pm_store_sums_compute(sqlite3 *db, pm_store_sums *out, char *msg, size_t msgsize)
{
    for (size_t k = 0; k < PM_NKINDS; k++) {
        const pm_dataset *ds = pm_dataset_get((pm_kind)k);
        char sql[512];
        size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT ");
        for (size_t f = 0; f < ds->nfields; f++)
            n += (size_t)snprintf(sql + n, sizeof sql - n, "%s%s", f ? ", " : "",
                                  ds->fields[f].column);
        snprintf(sql + n, sizeof sql - n, " FROM %s", ds->name);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
            snprintf(msg, msgsize, "vingerafdruk: %s", sqlite3_errmsg(db));
            return PM_ERR_DB;
        }
        uint64_t sum = 0, count = 0;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            sum += pm_rowhash_stmt(st, (int)ds->nfields);
            count++;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            snprintf(msg, msgsize, "vingerafdruk: %s", sqlite3_errmsg(db));
            return PM_ERR_DB;
        }
        out->sum[k] = sum;
        out->count[k] = count;
    }
    return PM_OK;
}

pm_error pm_store_sums_read(sqlite3 *db, pm_store_sums *out, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT som, rijen FROM vingerafdruk WHERE dataset = ?1",
                           -1, &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "vingerafdruk: %s", sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    pm_error err = PM_OK;
    for (size_t k = 0; k < PM_NKINDS && !err; k++) {
        const char *name = pm_dataset_get((pm_kind)k)->name;
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            out->sum[k] = (uint64_t)sqlite3_column_int64(st, 0);
            out->count[k] = (uint64_t)sqlite3_column_int64(st, 1);
        } else if (rc == SQLITE_DONE) {
            snprintf(msg, msgsize,
                     "de opgeslagen vingerafdruk van %s ontbreekt; de database is "
                     "buiten pijlermonitor gewijzigd",
                     name);
            err = PM_ERR_DB;
        } else {
            snprintf(msg, msgsize, "vingerafdruk: %s", sqlite3_errmsg(db));
            err = PM_ERR_DB;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return err;
}

pm_error pm_store_sums_write(sqlite3 *db, pm_kind kind, uint64_t sum, uint64_t count,
                             char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            db,
            "INSERT INTO vingerafdruk(dataset, som, rijen) VALUES (?1, ?2, "
            "?3) ON CONFLICT(dataset) DO UPDATE SET som = excluded.som, "
            "rijen = excluded.rijen",
            -1, &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "vingerafdruk: %s", sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    sqlite3_bind_text(st, 1, pm_dataset_get(kind)->name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)sum);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)count);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        snprintf(msg, msgsize, "vingerafdruk bijwerken: %s (SQLite: %s)",
                 pm_store_reason(db), sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    return PM_OK;
}

/* Folds the per-dataset sums, in pm_kind order, into the printed form. */
static void fold(const pm_store_sums *s, char out[20])
{
    uint64_t total = 0xcbf29ce484222325ULL;
    for (size_t k = 0; k < PM_NKINDS; k++) {
        total = pm_fnv1a64(total, &s->sum[k], sizeof s->sum[k]);
        total = pm_fnv1a64(total, &s->count[k], sizeof s->count[k]);
    }
    total = pm_mix64(total);
    snprintf(out, 20, "%04x-%04x-%04x-%04x", (unsigned)(total >> 48) & 0xffff,
             (unsigned)(total >> 32) & 0xffff, (unsigned)(total >> 16) & 0xffff,
             (unsigned)total & 0xffff);
}

pm_error pm_store_fingerprint(sqlite3 *db, char out[20], char *msg, size_t msgsize)
{
    pm_store_sums s;
    pm_error err = pm_store_sums_read(db, &s, msg, msgsize);
    if (!err)
        fold(&s, out);
    return err;
}

pm_error pm_store_fingerprint_compute(sqlite3 *db, char out[20], char *msg,
                                      size_t msgsize)
{
    pm_store_sums s;
    pm_error err = pm_store_sums_compute(db, &s, msg, msgsize);
    if (!err)
        fold(&s, out);
    return err;
}
