/* bigmem.h — buffers of many megabytes that are filled right away (the
 * kept columns, R2's per-organisation sums): on Linux in transparent huge
 * pages, one fault per 2 MB instead of per 4 kB (a third of `dashboard
 * --per regio` at 1M was first-touch faults; 34.8k -> 13.5k, PERFORMANCE.md).
 * Freed with free(). */
#ifndef PM_BIGMEM_H
#define PM_BIGMEM_H

#include <stddef.h>

/* Like malloc(bytes); NULL when out of memory. */
void *pm_big_alloc(size_t bytes);

/* Like calloc(n, size), the zeroes written (not read from fresh pages). */
void *pm_big_zalloc(size_t n, size_t size);

#endif
