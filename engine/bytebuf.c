/* bytebuf.c — bytebuf.h: the growth of the shared byte buffer. */
#include "bytebuf.h"

#include <stdint.h>
#include <stdlib.h>

bool pm_bytebuf_grow(pm_bytebuf *b, size_t n)
{
    /* len + n + 1 must fit in size_t before anything is computed from it. */
    if (n >= SIZE_MAX - b->len)
        return false;
    size_t need = b->len + n + 1;
    if (need <= b->cap)
        return true;
    if (b->most && need > b->most)
        return false;
    size_t cap = b->cap ? b->cap : b->first ? b->first : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) { /* doubling would wrap: ask for what fits */
            cap = need;
            break;
        }
        cap *= 2;
    }
    if (b->most && cap > b->most)
        cap = b->most;
    char *p = realloc(b->p, cap);
    if (!p)
        return false;
    b->p = p;
    b->cap = cap;
    return true;
}
