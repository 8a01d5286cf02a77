/* columns_grow.c — columns_grow.h: growing arrays and id arenas for the
 * column builders (columns.c, columns_activity.c, columns_collect.c). */
#include "columns_grow.h"

#include <stdlib.h>
#include <string.h>

pm_error pm_columns_reserve(void **rows, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return PM_OK;
    size_t grown = *cap ? *cap * 2 : 4096;
    void *p = realloc(*rows, grown * elem);
    if (!p)
        return PM_ERR_NOMEM;
    *rows = p;
    *cap = grown;
    return PM_OK;
}

pm_error pm_columns_arena_add(char **arena, size_t *used, size_t *cap, size_t first,
                              const char *id, size_t len, size_t *at)
{
    if (*used + len + 1 > *cap) {
        size_t grown = *cap ? *cap : first;
        while (*used + len + 1 > grown)
            grown *= 2;
        char *a = realloc(*arena, grown);
        if (!a)
            return PM_ERR_NOMEM;
        *arena = a;
        *cap = grown;
    }
    memcpy(*arena + *used, id, len);
    (*arena)[*used + len] = '\0';
    *at = *used;
    *used += len + 1;
    return PM_OK;
}
