/* bigmem.c — see bigmem.h. A huge page is 2 MB on x86-64 and arm64; an
 * allocation below two of them gains little and goes to malloc as usual. */
#include "bigmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#define HUGE_PAGE ((size_t)2 << 20)

void *pm_big_alloc(size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= 2 * HUGE_PAGE && bytes <= SIZE_MAX - HUGE_PAGE) {
        size_t rounded = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        void *p = aligned_alloc(HUGE_PAGE, rounded);
        if (p)
            (void)madvise(p, rounded, MADV_HUGEPAGE); /* a hint: fine if refused */
        return p;
    }
#endif
    return malloc(bytes ? bytes : 1);
}

void *pm_big_zalloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = pm_big_alloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}
