/* xlsx_cell.h — what an .xlsx cell means for a field of a dataset (SPEC §2,
 * §12): the text the importer's field conversion reads, the same as a CSV
 * field would hold, or a Dutch reason why the cell cannot be read. And which
 * dataset a sheet is by its name. Pure functions, no I/O. */
#ifndef PM_XLSX_CELL_H
#define PM_XLSX_CELL_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "value.h"
#include "xlsx_read.h"

/* Room for any text pm_xlsx_cell_text writes into its buffer. */
#define PM_XLSX_CELL_BUF 128

/* The text for a field of type `type` from cell c. Returns NULL and sets
 * *s, *len (into c->text or buf) and *number (the text is a number literal
 * with '.' as its decimal point); or returns a Dutch reason (static or in
 * buf) when the cell cannot give a value for this field. Numbers are
 * written with the field's decimals when they lie within 1e-9 of them
 * (121.00000000000001 → "121", 7.1000000000000005 → "7.1"); a date field
 * takes date cells (serials of the 1900 or 1904 system, or t="d"). */
const char *pm_xlsx_cell_text(const pm_xlsx_cell *c, pm_ftype type, bool date1904,
                              char buf[PM_XLSX_CELL_BUF], const char **s, size_t *len,
                              bool *number);

/* The day of an Excel date serial: the 1900 system (serial 1 is 1900-01-01;
 * 60 is Excel's 29-02-1900, which never was, and is refused; below 60 the
 * serial is one day off) or the 1904 system (0 is 1904-01-01). A time of day
 * (the fraction) is dropped. NULL and *day, or a Dutch reason. */
const char *pm_xlsx_serial_day(double serial, bool date1904, pm_day *day);

/* Writes v rounded to `decimals` decimals (trailing zeros dropped) when it
 * lies within 1e-9 (relative for large values) of such a number, otherwise
 * as its shortest exact decimal form. False when |v| is too large to be a value of any
 * field. */
bool pm_xlsx_number_text(double v, int decimals, char out[PM_XLSX_CELL_BUF]);

/* The dataset a sheet is named after ("Hulpvragen", " inzet "), or NULL. */
const pm_dataset *pm_xlsx_sheet_dataset(const char *name);

/* True for the explaining sheets of our own templates ("Uitleg",
 * "Gemeenten"), which an import skips without a word. */
bool pm_xlsx_sheet_is_ours(const char *name);

#endif
