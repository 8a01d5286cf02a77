/* xlsx_ahead.h — reads the rows of an open worksheet on a second thread,
 * ahead of the import that converts and checks them (issue 17 point 5).
 *
 * Why: a workbook's import was bound by the one thread that inflated the
 * sheet, ran expat over it and converted and checked every field, while
 * the second core (the row writer, rowpipe.h) was mostly idle. Here the
 * stream is read (pm_xlsx_next_row) on a thread of its own and the rows,
 * copied, are handed over in batches.
 *
 * Nothing a user sees changes: the same rows in the same order, and a
 * reader failure (PM_XLSX_FATAL) comes after exactly the rows that came
 * before it, with the same place and reason. While a pm_xlsx_ahead runs,
 * only it uses the workbook's stream: the caller calls no pm_xlsx function
 * on x but the ones that only read what pm_xlsx_open found
 * (pm_xlsx_date1904, pm_xlsx_sheet_name, ...), until pm_xlsx_ahead_stop.
 *
 * Memory: the copies ahead take at most about 5 MiB plus one copy of one
 * row (a row larger than that is copied once, besides the reader's own
 * buffer for it), whatever the size of the sheet; see xlsx_ahead.c.
 */
#ifndef PM_XLSX_AHEAD_H
#define PM_XLSX_AHEAD_H

#include <stdbool.h>
#include <stddef.h>

#include "xlsx_read.h"

typedef struct pm_xlsx_ahead pm_xlsx_ahead;

/* Starts reading the sheet just opened on x (pm_xlsx_sheet_open). With
 * threaded false, or when no thread can be had, rows are read on the
 * caller's thread at each call, exactly as pm_xlsx_next_row. NULL without
 * memory. */
pm_xlsx_ahead *pm_xlsx_ahead_start(pm_xlsx *x, bool threaded);

/* As pm_xlsx_next_row: PM_XLSX_ROW (the row is valid until the next call
 * or the stop), PM_XLSX_END, or PM_XLSX_FATAL with why and the place, and
 * the same again at every later call. */
int pm_xlsx_ahead_next(pm_xlsx_ahead *a, pm_xlsx_row *row, long *err_row, long *err_col,
                       char *why, size_t whysize);

/* Stops the reading thread (it may be anywhere in the sheet), waits for it
 * and frees a. NULL is fine. After it the caller may use x again. */
void pm_xlsx_ahead_stop(pm_xlsx_ahead *a);

#endif
