/* csv.h — a streaming CSV reader for the input rules of SPEC §2.
 * UTF-8 with an optional BOM, ';' or ',' detected from the header line,
 * RFC 4180 quoting with embedded newlines, LF, CRLF or CR line ends.
 *
 * The reader is a tokenizer only: it does not check UTF-8 or NUL bytes (the
 * importer does, per field, so it can name the field). Memory is bounded by
 * the largest record, never by the file size.
 *
 * Ownership: pm_csv_open() allocates the reader, pm_csv_close() frees it
 * (NULL is accepted). Field pointers in a record stay valid until the next
 * call of pm_csv_next() or pm_csv_close(). */
#ifndef PM_CSV_H
#define PM_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"

/* The largest record accepted; a larger one is a fatal error for the file. */
#define PM_CSV_MAX_RECORD (64u * 1024u * 1024u)

typedef struct pm_csv pm_csv;

typedef struct pm_csv_field {
    const char *ptr; /* NUL-terminated; may contain NUL bytes before len */
    size_t len;
    int quoted; /* the field was enclosed in double quotes */
} pm_csv_field;

typedef struct pm_csv_record {
    const pm_csv_field *fields;
    size_t nfields;
    long line;         /* physical line (1-based) where the record starts */
    const char *error; /* NULL, or a Dutch description of a problem in this
                          record that the reader recovered from (e.g. text
                          after a closing quote); the record is still returned */
    long error_field;  /* 0-based field index of that problem, or -1 */
} pm_csv_record;

enum { PM_CSV_RECORD = 1, PM_CSV_EOF = 0, PM_CSV_FATAL = -1 };

/* Opens path ("-" is not special) and reads the header line.
 * Header names are trimmed of surrounding spaces and tabs and lowercased
 * (ASCII). A UTF-8 BOM is skipped. A UTF-16 BOM, an empty file, or a header
 * longer than PM_CSV_MAX_RECORD is an error: PM_ERR_DATA with a Dutch reason
 * in msg. A file that cannot be opened is PM_ERR_IO (msg names the cause).
 * The delimiter is whichever of ';' and ',' occurs more often outside quotes
 * in the header line; on a tie (also 0 against 0) it is ';'. */
pm_error pm_csv_open(pm_csv **out, const char *path, char *msg, size_t msgsize);

/* pm_csv_open, and on failure *line (when not NULL) is the line the problem
 * lies on (where an unterminated quote in the header opened), or 0 when it
 * is not tied to a line (an empty or unreadable file), so the caller can
 * put FILE:LINE before the message as for every other error. */
pm_error pm_csv_open_at(pm_csv **out, const char *path, long *line, char *msg,
                        size_t msgsize);

void pm_csv_close(pm_csv *csv);

char pm_csv_delimiter(const pm_csv *csv);
size_t pm_csv_ncols(const pm_csv *csv);
const char *pm_csv_colname(const pm_csv *csv, size_t i); /* lowercased, trimmed */

/* Reads the next record into *rec.
 * Returns PM_CSV_RECORD, PM_CSV_EOF, or PM_CSV_FATAL (msg holds the Dutch
 * reason with the line, e.g. an unterminated quote that began on line N, a
 * record over PM_CSV_MAX_RECORD, or a read error). After FATAL, stop reading;
 * rec->line is then that line (where the quote opened, where the record
 * began, or where reading failed) and rec->error_field the 0-based field
 * whose quote was never closed, or -1; rec has no fields.
 *
 * Unquoted fields are trimmed of surrounding spaces and tabs. Spaces and tabs
 * between a delimiter and an opening quote, or between a closing quote and the
 * next delimiter or line end, are ignored. Inside quotes "" is one quote and
 * line breaks are kept verbatim. A quote inside an unquoted field is kept as
 * a literal character. Records whose fields are all empty (blank lines, or
 * ";;;;" as Excel writes empty rows) are skipped. A final line without a line
 * end is a normal record. */
int pm_csv_next(pm_csv *csv, pm_csv_record *rec, char *msg, size_t msgsize);

/* Bytes consumed so far and the file size (0 if unknown), for progress. */
uint64_t pm_csv_bytes_read(const pm_csv *csv);
uint64_t pm_csv_file_size(const pm_csv *csv);

#endif
