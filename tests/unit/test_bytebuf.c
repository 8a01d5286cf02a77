/* test_bytebuf.c — unit tests for engine/bytebuf.c: the growing byte
 * buffer that rowpipe.c, xlsx_read.c, import.c and jsonrd.c share.
 * Prints TAP. */
#include "bytebuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

/* ASan aborts on an impossible allocation instead of returning NULL. */
#if defined(__SANITIZE_ADDRESS__)
#define PM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PM_ASAN 1
#endif
#endif

/* Many small appends: the buffer doubles from its first size, keeps every
 * byte, and stays a C string after each append. */
static void test_growth(void)
{
    pm_bytebuf b = {.first = 16};
    char want[5000];
    size_t n = 0;
    bool ok = true, nul = true, doubled = true;
    for (int i = 0; i < 1000; i++) {
        char piece[8];
        size_t len = (size_t)(i % 5) + 1; /* 1..5 bytes */
        for (size_t k = 0; k < len; k++)
            piece[k] = (char)('a' + (i + (int)k) % 26);
        size_t cap = b.cap;
        ok &= pm_bytebuf_add(&b, piece, len);
        memcpy(want + n, piece, len);
        n += len;
        nul &= b.p && b.p[b.len] == '\0';
        /* grows only when the bytes and the NUL no longer fit, by doubling */
        if (b.cap != cap)
            doubled &= cap ? b.cap == 2 * cap && n + 1 > cap : b.cap == 16;
    }
    CHECK(ok && b.len == n && n == 3000,
          "many_appends_all_succeed_and_count_their_bytes");
    CHECK(b.p && memcmp(b.p, want, n) == 0, "many_appends_keep_every_byte_in_order");
    CHECK(nul, "every_append_leaves_a_nul_after_the_bytes");
    CHECK(doubled && b.cap == 4096, "the_buffer_starts_at_first_and_doubles_to_4096");
    free(b.p);

    pm_bytebuf z = {0};
    CHECK(pm_bytebuf_add(&z, "abc", 3) && z.cap == 64 && strcmp(z.p, "abc") == 0,
          "a_zeroed_buffer_starts_at_64_bytes");
    char big[300];
    memset(big, 'x', sizeof big);
    CHECK(pm_bytebuf_add(&z, big, sizeof big) && z.cap == 512 && z.len == 303,
          "one_large_append_doubles_until_it_fits");
    free(z.p);
}

static void test_empty_add(void)
{
    pm_bytebuf b = {0};
    CHECK(pm_bytebuf_add(&b, NULL, 0) && b.p && b.len == 0 && b.p[0] == '\0',
          "an_empty_add_to_a_new_buffer_makes_an_empty_c_string");
    CHECK(pm_bytebuf_add(&b, "ab", 2), "an_add_after_an_empty_add_succeeds");
    char *p = b.p;
    size_t cap = b.cap;
    CHECK(pm_bytebuf_add(&b, "zz", 0) && b.p == p && b.cap == cap && b.len == 2 &&
              strcmp(b.p, "ab") == 0,
          "an_empty_add_changes_nothing_but_the_nul");
    /* The row pipe's arena counts the NUL as its own: the buffer is then
     * full to the byte, and the next add must still grow. */
    b.len = b.cap;
    CHECK(pm_bytebuf_add(&b, NULL, 0) && b.cap == 2 * cap && b.p[cap] == '\0',
          "an_empty_add_to_a_full_buffer_grows_for_the_nul");
    free(b.p);
}

static void test_limits(void)
{
    pm_bytebuf b = {.first = 16, .most = 40};
    char s[64];
    memset(s, 'y', sizeof s);
    CHECK(pm_bytebuf_add(&b, s, 20) && b.cap == 32, "below_most_the_buffer_doubles");
    CHECK(pm_bytebuf_add(&b, s, 19) && b.cap == 40 && b.len == 39,
          "a_doubling_past_most_is_cut_back_to_most");
    char *p = b.p;
    CHECK(!pm_bytebuf_add(&b, s, 1) && b.p == p && b.len == 39 && b.cap == 40 &&
              b.p[39] == '\0',
          "an_add_past_most_fails_and_leaves_the_buffer_unchanged");
    free(b.p);

    pm_bytebuf o = {0};
    CHECK(pm_bytebuf_add(&o, "abc", 3), "a_small_buffer_for_the_overflow_checks");
    p = o.p;
    size_t cap = o.cap;
    CHECK(!pm_bytebuf_add(&o, s, SIZE_MAX) && o.p == p && o.len == 3 && o.cap == cap &&
              strcmp(o.p, "abc") == 0,
          "an_add_of_size_max_bytes_fails_and_leaves_the_buffer_unchanged");
    CHECK(!pm_bytebuf_add(&o, s, SIZE_MAX - 3) && o.p == p && o.len == 3 &&
              o.cap == cap && strcmp(o.p, "abc") == 0,
          "an_add_whose_nul_would_overflow_size_t_fails_and_leaves_the_buffer_unchanged");
    CHECK(!pm_bytebuf_grow(&o, SIZE_MAX - 3) && o.p == p && o.len == 3 && o.cap == cap,
          "grow_refuses_a_size_that_overflows_size_t");
    CHECK(pm_bytebuf_grow(&o, cap - 4) && o.p == p && o.cap == cap,
          "grow_leaves_a_buffer_with_room_as_it_is");
    free(o.p);

#ifndef PM_ASAN
    /* A capacity past SIZE_MAX / 2 must not double into a small number:
     * the request fails (no memory that large) instead of writing past a
     * wrapped-around allocation. */
    pm_bytebuf h = {.len = SIZE_MAX / 2 + 10, .cap = SIZE_MAX / 2 + 20};
    CHECK(!pm_bytebuf_grow(&h, 20) && h.p == NULL && h.cap == SIZE_MAX / 2 + 20,
          "a_doubling_that_would_wrap_size_t_asks_only_for_what_is_needed");
#endif
}

int main(void)
{
    test_growth();
    test_empty_add();
    test_limits();
    return tap_done();
}
