/* store.h — the SQLite store: schema, migrations and the rules for opening.
 * One file per programme; WAL mode; foreign keys enforced. */
#ifndef PM_STORE_H
#define PM_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "dataset.h"
#include "error.h"

/* The schema version this build writes (PRAGMA user_version). */
#define PM_SCHEMA_VERSION 7

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

/* The first load into a store, written with a rollback journal instead of
 * the WAL (docs/DESIGN.md, "Issue 17 point 5, fourth pass"). In WAL mode
 * every page of a transaction is written twice, to the WAL and at the
 * checkpoint into the database; with a rollback journal a new page is
 * written once and only the few pages that existed are copied to the
 * journal. The price is concurrency: while the transaction runs, readers
 * wait instead of reading the snapshot before it, so pm_import_run only
 * asks for it when the store holds no import yet (nothing to read).
 *
 * pm_store_bulk_begin switches outside a transaction, and only when no
 * other connection has the store open (it does not wait: another
 * connection keeps the WAL and the import goes on in WAL mode). Returns
 * true when it switched; then the caller calls pm_store_bulk_end after the
 * COMMIT or ROLLBACK, which switches back to WAL. Should that fail (a
 * reader came in between), the store stays valid in rollback mode and the
 * next pm_store_open switches it back. */
bool pm_store_bulk_begin(sqlite3 *db);
void pm_store_bulk_end(sqlite3 *db);

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
 * into out. PM_ERR_DB on a query failure.
 *
 * pm_store_fingerprint reads the per-dataset sums the import keeps in the
 * table `vingerafdruk` (a few rows, whatever the size of the data);
 * pm_store_fingerprint_compute reads every row. Both give the same string
 * as long as the data were only changed by pijlermonitor (`check` compares
 * them). */
pm_error pm_store_fingerprint(sqlite3 *db, char out[20], char *msg, size_t msgsize);
pm_error pm_store_fingerprint_compute(sqlite3 *db, char out[20], char *msg,
                                      size_t msgsize);

/* Per dataset (indexed by pm_kind) the wrapping sum of the row hashes and
 * the number of rows: what the fingerprint is folded from. */
typedef struct pm_store_sums {
    uint64_t sum[PM_NKINDS];
    uint64_t count[PM_NKINDS];
} pm_store_sums;

/* The sums as kept in table `vingerafdruk`; PM_ERR_DB when a row is missing. */
pm_error pm_store_sums_read(sqlite3 *db, pm_store_sums *out, char *msg, size_t msgsize);

/* The sums computed from every row of the nine tables. */
pm_error pm_store_sums_compute(sqlite3 *db, pm_store_sums *out, char *msg,
                               size_t msgsize);

/* Writes the sums of dataset `kind` into `vingerafdruk`; the caller owns the
 * transaction. */
pm_error pm_store_sums_write(sqlite3 *db, pm_kind kind, uint64_t sum, uint64_t count,
                             char *msg, size_t msgsize);

/* A row's hash, built column by column in the table's column order of the
 * dataset's fields: start with PM_ROWHASH_INIT, add every column with one of
 * the three calls, then pm_rowhash_end. The same value as
 * pm_store_sums_compute takes for the stored row, as long as the columns are
 * given as SQLite stores them (integer, text or NULL). */
#define PM_ROWHASH_INIT 0xcbf29ce484222325ULL /* PM_FNV64_INIT of hash.h */
uint64_t pm_rowhash_int(uint64_t h, int64_t v);
uint64_t pm_rowhash_text(uint64_t h, const char *s, size_t len);
uint64_t pm_rowhash_null(uint64_t h);
uint64_t pm_rowhash_end(uint64_t h);

/* The hash of the current row of st, over its columns 0 .. ncols-1. */
uint64_t pm_rowhash_stmt(sqlite3_stmt *st, int ncols);

#endif
