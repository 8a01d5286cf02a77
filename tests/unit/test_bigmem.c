/* test_bigmem.c — unit tests for engine/bigmem.c: big buffers in huge-page
 * aligned blocks, zeroed by writing, freed with free(). Prints TAP. */
#include "bigmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

int main(void)
{
    size_t big = (size_t)9 << 20; /* R2's sums at 1M: 9.6 MB */
    unsigned char *p = pm_big_alloc(big);
    CHECK(p != NULL, "a_big_buffer_is_allocated");
#ifdef __linux__
    CHECK(p && ((uintptr_t)p & (((uintptr_t)2 << 20) - 1)) == 0,
          "a_big_buffer_starts_on_a_huge_page_boundary_on_linux");
#endif
    if (p) {
        memset(p, 0xab, big); /* the whole buffer is writable */
        CHECK(p[big - 1] == 0xab, "every_byte_of_a_big_buffer_is_writable");
    }
    free(p);
    /* The same size again most likely reuses the dirty block: the zeroes
     * must be written, not assumed. */
    unsigned char *z = pm_big_zalloc(big / 16, 16);
    CHECK(z && all_zero(z, big), "a_big_zeroed_buffer_reads_zero_after_a_dirty_one");
    free(z);
    unsigned char *s = pm_big_zalloc(10, 4);
    CHECK(s && all_zero(s, 40), "a_small_zeroed_buffer_reads_zero");
    free(s);
    void *none = pm_big_alloc(0);
    CHECK(none != NULL, "a_zero_byte_buffer_is_a_valid_pointer");
    free(none);
    CHECK(pm_big_zalloc(SIZE_MAX / 8, 16) == NULL, "an_overflowing_size_is_refused");
    return tap_done();
}
