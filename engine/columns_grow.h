/* columns_grow.h — the growing arrays that columns.c, columns_activity.c
 * and columns_collect.c share (the engine's own; nothing outside
 * engine/columns*.c includes it). A file of its own, so that none of the
 * three calls back into another: columns.c already calls
 * columns_activity.c, and a helper there would make a loop. */
#ifndef PM_COLUMNS_GROW_H
#define PM_COLUMNS_GROW_H

#include <stddef.h>

#include "error.h"

/* Grows *rows (of size elem) to hold n + 1: doubling, 4096 at first. */
pm_error pm_columns_reserve(void **rows, size_t *cap, size_t n, size_t elem);

/* Appends id (len bytes) NUL-terminated at *used in the growing *arena
 * (first bytes at first, then doubling); *at is where it starts. */
pm_error pm_columns_arena_add(char **arena, size_t *used, size_t *cap, size_t first,
                              const char *id, size_t len, size_t *at);

#endif
