/* xlsx_read.h — a streaming reader of .xlsx workbooks (SPEC §12): minizip
 * opens the parts, expat parses them. The workbook, its relationships, the
 * styles and the shared strings are read when the file is opened (the shared
 * strings are the one table kept in memory); a worksheet is streamed, one row
 * at a time, so memory is bounded by one row plus the shared strings.
 *
 * Hostile files are refused with a Dutch reason (PM_ERR_DATA): not a zip, a
 * missing or malformed part, a zip bomb (declared size, ratio, or the bytes
 * actually inflated past a limit), any DOCTYPE or ENTITY declaration, a row of
 * more than 16,384 cells or a column past XFD, a shared-string index out of
 * range, a cell text over 32,767 characters. The limits are below. */
#ifndef PM_XLSX_READ_H
#define PM_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* Limits (docs/DESIGN.md, "Excel in: the reader's limits"). */
#define PM_XLSX_MAX_SHEET_BYTES (2ull << 30) /* one worksheet part, inflated */
#define PM_XLSX_MAX_SST_BYTES (256ull << 20) /* xl/sharedStrings.xml, inflated */
#define PM_XLSX_MAX_PART_BYTES (64ull << 20) /* workbook, relationships, styles */
#define PM_XLSX_MAX_RATIO 1000u              /* inflated : compressed */
#define PM_XLSX_RATIO_FROM (1u << 20)        /* the ratio counts from 1 MiB on */
#define PM_XLSX_MAX_COLS 16384u              /* A..XFD, as Excel */
#define PM_XLSX_MAX_ROWS 1048576L            /* as Excel */
#define PM_XLSX_MAX_TEXT 32767u              /* characters in one cell, as Excel */
#define PM_XLSX_MAX_STRINGS (16u << 20)      /* shared strings */
#define PM_XLSX_MAX_SHEETS 1024u

typedef struct pm_xlsx pm_xlsx;

/* What a cell holds, from its t= attribute and content. */
typedef enum pm_xlsx_ctype {
    PM_XC_TEXT,   /* shared string (t="s"), inline string, formula string */
    PM_XC_NUMBER, /* t="n" or none: text is the number's literal */
    PM_XC_BOOL,   /* t="b": text "0" or "1" */
    PM_XC_ERROR,  /* t="e": text is the error ("#N/A", "#DIV/0!") */
    PM_XC_DATE,   /* t="d": text is an ISO 8601 date (time) */
    PM_XC_NOVALUE /* a formula without a cached value */
} pm_xlsx_ctype;

typedef struct pm_xlsx_cell {
    uint32_t col; /* 0-based: A is 0, XFD is 16383 */
    pm_xlsx_ctype type;
    bool date_style;  /* the cell's number format shows a date */
    const char *text; /* NUL-terminated; valid until the next row */
    size_t len;
} pm_xlsx_cell;

typedef struct pm_xlsx_row {
    long num; /* 1-based row number in the sheet */
    size_t ncells;
    const pm_xlsx_cell *cells; /* in document order; valid until the next row */
} pm_xlsx_row;

enum { PM_XLSX_ROW = 1, PM_XLSX_END = 0, PM_XLSX_FATAL = -1 };

/* Opens path and reads workbook, relationships, styles and shared strings.
 * On failure *out is NULL and why holds a Dutch reason; PM_ERR_DATA for a
 * file that is not a valid or acceptable workbook, PM_ERR_NOMEM. */
pm_error pm_xlsx_open(pm_xlsx **out, const char *path, char *why, size_t whysize);
void pm_xlsx_close(pm_xlsx *x); /* accepts NULL */

size_t pm_xlsx_nsheets(const pm_xlsx *x);
const char *pm_xlsx_sheet_name(const pm_xlsx *x, size_t i);
bool pm_xlsx_sheet_hidden(const pm_xlsx *x, size_t i);
bool pm_xlsx_date1904(const pm_xlsx *x); /* workbookPr date1904="1" */

/* Starts streaming sheet i (closing any sheet streamed before). */
pm_error pm_xlsx_sheet_open(pm_xlsx *x, size_t i, char *why, size_t whysize);

/* The next row with at least one cell: PM_XLSX_ROW, PM_XLSX_END, or
 * PM_XLSX_FATAL with why set; then *err_row / *err_col (0-based, -1 when
 * unknown) say where, and every later call gives PM_XLSX_FATAL again. */
int pm_xlsx_next_row(pm_xlsx *x, pm_xlsx_row *row, long *err_row, long *err_col,
                     char *why, size_t whysize);

/* "A", "Z", "AA", "XFD": the letters of 0-based column col into out (at
 * least 4 bytes). Returns out. */
char *pm_xlsx_col_name(uint32_t col, char out[4]);

/* Parses the letters of a cell reference ("C14" → 2); *col 0-based. False
 * for no letters or a column past XFD. */
bool pm_xlsx_col_parse(const char *ref, uint32_t *col);

#endif
