/* rows.h — the row-level detail behind the figures, for the intern workbook:
 * the requests received in the period (with deadline, working days and
 * outcome), the evaluations and the inzet dated in the period. Streamed one
 * row at a time from the report's snapshot, so exporters never run SQL and
 * memory does not grow with the number of rows.
 *
 * The exporters read them through pm_rows_source (rowsource.h), which the
 * top layer hands them; only that layer includes this header.
 *
 * Ownership: pm_rows_open allocates; pm_rows_close frees (NULL accepted).
 * Values returned by pm_rows_next stay valid until the next call. The
 * context (the top layer's snapshot, report.h) must outlive the iterator.
 *
 * Threads: the rows are read ahead on a second thread, which uses the
 * context's database connection from pm_rows_open until pm_rows_close; the
 * caller leaves that connection alone in between (SQLite would serialize
 * the calls, but the reads would interleave with the iterator's). */
#ifndef PM_ROWS_H
#define PM_ROWS_H

#include <stdint.h>

#include "indicator.h"
#include "rowsource.h"

typedef struct pm_rows pm_rows;

/* The sheet name of a kind ("Hulpvragen", "Evaluaties", "Inzet"). */
const char *pm_rows_title(pm_rows_kind kind);

/* The columns of a kind; *n gets their number. */
const pm_rows_column *pm_rows_columns(pm_rows_kind kind, size_t *n);

/* Starts the rows of kind for ctx's period range (per_from .. per_to), in
 * date order then id, read in ctx's snapshot. PM_ERR_DB with a Dutch reason
 * in msg on failure. */
pm_error pm_rows_open(pm_rows **out, const pm_context *ctx, pm_rows_kind kind, char *msg,
                      size_t msgsize);

/* 1 and *vals (ncols values) for a row, 0 at the end, -1 on a database
 * failure (msg says why). */
int pm_rows_next(pm_rows *rows, const pm_row_value **vals, char *msg, size_t msgsize);

void pm_rows_close(pm_rows *rows);

/* The number of rows pm_rows_open would give, for sizing and tests. */
long long pm_rows_count(const pm_context *ctx, pm_rows_kind kind);

/* The state of a pm_row_source over a snapshot: the caller's (on its
 * stack, say), outliving the source; zeroed by pm_rows_source. */
typedef struct pm_rows_reader {
    const pm_context *ctx;
    pm_rows *rows; /* the kind that is open, NULL between kinds */
} pm_rows_reader;

/* A row source over the snapshot of ctx for an exporter, reading through
 * pm_rows_open/next/close with reader as its ctx. The context and reader
 * must outlive it; its close() leaves nothing to free. */
pm_row_source pm_rows_source(pm_rows_reader *reader, const pm_context *ctx);

#endif
