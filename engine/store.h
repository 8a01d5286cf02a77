/* store.h — the SQLite store: schema, migrations and the rules for opening.
 * One file per programme; WAL mode; foreign keys enforced. */
#ifndef PM_STORE_H
#define PM_STORE_H

#include <sqlite3.h>

#include "error.h"

/* The schema version this build writes (PRAGMA user_version). */
#define PM_SCHEMA_VERSION 1

/* PRAGMA application_id of a pijlermonitor database: "PMON". */
#define PM_APPLICATION_ID 0x504D4F4E

/* The database path: the --db option when given, else $PIJLERMONITOR_DB,
 * else "pijlermonitor.db". Returns a pointer into the arguments or the
 * environment; nothing to free. */
const char *pm_store_path(const char *option);

typedef enum pm_store_mode {
    PM_STORE_EXISTING, /* the database must exist */
    PM_STORE_CREATE    /* create it when the file does not exist (init) */
} pm_store_mode;

/* Opens the database at path and brings it to PM_SCHEMA_VERSION.
 * PM_STORE_EXISTING: a missing file is PM_ERR_IO. Any mode: a file that is
 * not SQLite, or SQLite without our application_id (and not empty), is
 * PM_ERR_NOTOURS and is left untouched; a newer schema version is
 * PM_ERR_NEWER; an older one is migrated in one transaction. *created tells
 * whether a new database was made (may be NULL). On failure *out is NULL and
 * msg holds a Dutch reason naming the file. The caller closes *out with
 * pm_store_close(). */
pm_error pm_store_open(const char *path, pm_store_mode mode, sqlite3 **out, int *created,
                       char *msg, size_t msgsize);

void pm_store_close(sqlite3 *db);

/* A Dutch description of the last failure on db ("de database is
 * beschadigd", "de schijf is vol", ...); a static string. */
const char *pm_store_reason(sqlite3 *db);

/* Runs one SQL statement without parameters or results; PM_ERR_DB with the
 * Dutch reason and the SQLite message in msg on failure. For pragmas and transaction
 * control. */
pm_error pm_store_exec(sqlite3 *db, const char *sql, char *msg, size_t msgsize);

/* The number of rows in table (a name from the dataset table, never user
 * input); -1 on error. */
long long pm_store_count(sqlite3 *db, const char *table);

/* A fingerprint of the stored data: every data column of every row of the
 * nine datasets (not where rows came from), combined so that the order of
 * rows does not matter. The same data gives the same fingerprint, whatever
 * the import history. Writes 19 characters + NUL ("3f2a-91c0-7b1e-44d2")
 * into out. PM_ERR_DB on a query failure. */
pm_error pm_store_fingerprint(sqlite3 *db, char out[20], char *msg, size_t msgsize);

#endif
