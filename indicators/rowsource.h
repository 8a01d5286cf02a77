/* rowsource.h — the row-level detail of the intern workbook as an iterator:
 * the top layer hands an exporter a pm_row_source, and the exporter reads
 * typed rows through its callbacks without reaching the database (rows.c
 * fills one from a report's snapshot; a test can fill one from an array).
 *
 * Plain data and function pointers only: no sqlite3.h, nothing that opens
 * or reads a store, so an exporter may include this header. */
#ifndef PM_ROWSOURCE_H
#define PM_ROWSOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef enum pm_rows_kind {
    PM_ROWS_HULPVRAGEN,
    PM_ROWS_EVALUATIES,
    PM_ROWS_INZET
} pm_rows_kind;

typedef enum pm_col_type {
    PM_COL_TEXT,
    PM_COL_INT,   /* a count */
    PM_COL_DATE,  /* num is a pm_day */
    PM_COL_EURO,  /* num is cents */
    PM_COL_SCORE, /* num is tenths */
    PM_COL_HOURS  /* num is hundredths */
} pm_col_type;

typedef struct pm_rows_column {
    const char *name; /* Dutch column header */
    pm_col_type type;
    int width; /* suggested column width in characters */
} pm_rows_column;

typedef struct pm_row_value {
    int present;      /* 0: empty cell */
    const char *text; /* PM_COL_TEXT */
    int64_t num;      /* the other types */
} pm_row_value;

/* What open() tells about the rows of a kind; the pointers stay valid as
 * long as the source does. */
typedef struct pm_rows_table {
    const char *title; /* the sheet name: "Hulpvragen", "Evaluaties", "Inzet" */
    const pm_rows_column *cols;
    size_t ncols;
} pm_rows_table;

/* The iterator. One kind is open at a time: open, next until it gives 0
 * or -1, close (also after a failure, and when the reader stops early).
 * ctx is the filler's and passed back unchanged to every callback.
 *
 * open:  starts the rows of kind and fills *table; PM_OK, or an error with
 *        a Dutch reason in msg (PM_ERR_DB when the store fails).
 * next:  1 and *vals (table->ncols values, valid until the next call), 0 at
 *        the end, -1 on a failure (msg says why).
 * close: ends the kind; safe after a failed open. */
typedef struct pm_row_source {
    void *ctx;
    pm_error (*open)(void *ctx, pm_rows_kind kind, pm_rows_table *table, char *msg,
                     size_t msgsize);
    int (*next)(void *ctx, const pm_row_value **vals, char *msg, size_t msgsize);
    void (*close)(void *ctx);
} pm_row_source;

#endif
