/* jsonrd.h — a streaming reader for a JSON array of objects (SPEC §2).
 * It cuts the top-level array into its elements without holding the whole
 * file, and parses each element with cJSON, so memory is bounded by the
 * largest element.
 *
 * Numbers keep their text: for every number item of an element, valuestring
 * holds the literal exactly as written ("6.9999999999999999"), because a
 * double cannot hold every value (SPEC §2); valuedouble is cJSON's reading.
 *
 * Ownership: pm_jsonrd_open() allocates, pm_jsonrd_close() frees (NULL is
 * accepted). Each element returned by pm_jsonrd_next() belongs to the caller,
 * who frees it with cJSON_Delete() (which also frees the literals). */
#ifndef PM_JSONRD_H
#define PM_JSONRD_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "error.h"

/* The largest element accepted; a larger one is a fatal error. */
#define PM_JSONRD_MAX_ELEMENT (64u * 1024u * 1024u)

typedef struct pm_jsonrd pm_jsonrd;

enum { PM_JSONRD_ELEMENT = 1, PM_JSONRD_END = 0, PM_JSONRD_FATAL = -1 };

/* Opens path. A UTF-8 BOM and leading whitespace are skipped. A file that
 * cannot be opened is PM_ERR_IO; a file whose first non-space character is
 * not '[' is PM_ERR_DATA ("het bestand moet een JSON-array van objecten
 * zijn"). msg gets a Dutch reason. */
pm_error pm_jsonrd_open(pm_jsonrd **out, const char *path, char *msg, size_t msgsize);

void pm_jsonrd_close(pm_jsonrd *rd);

/* Returns the next array element in *elem (any JSON type; the caller checks
 * that it is an object) and its 1-based number in *recno.
 * Returns PM_JSONRD_ELEMENT, PM_JSONRD_END after the closing ']' (anything
 * but whitespace after it is FATAL), or PM_JSONRD_FATAL with a Dutch reason
 * in msg naming the record number and the line, for a syntax error, a
 * \u0000 escape in a string (cJSON would cut the string there), an element
 * over PM_JSONRD_MAX_ELEMENT, a missing ']' or a read error. */
int pm_jsonrd_next(pm_jsonrd *rd, cJSON **elem, long *recno, char *msg, size_t msgsize);

uint64_t pm_jsonrd_bytes_read(const pm_jsonrd *rd);
uint64_t pm_jsonrd_file_size(const pm_jsonrd *rd);

#endif
