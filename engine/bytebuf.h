/* bytebuf.h — a growing byte buffer that keeps a NUL after its bytes: the
 * one growth rule (a first size, then doubling) that the readers share —
 * the row pipe's arena (rowpipe.c), the workbook's texts (xlsx_read.c), the
 * import's owned field copies (import.c) and the JSON element (jsonrd.c).
 *
 * Each buffer carries its own first size and limit, set where it is made,
 * so the callers keep the sizes they were tuned with. A zeroed pm_bytebuf
 * is an empty buffer (first size 64, no limit); free(b.p) frees it.
 * Invariant: len <= cap; while p is not NULL, p[len] is '\0' after an add.
 * The add is inline because the readers call it once per value or cell. */
#ifndef PM_BYTEBUF_H
#define PM_BYTEBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct pm_bytebuf {
    char *p;
    size_t len;   /* bytes in use, not counting the NUL after them */
    size_t cap;   /* bytes allocated */
    size_t first; /* the first allocation's size; 0: 64 */
    size_t most;  /* the largest allocation; 0: no limit but size_t's */
} pm_bytebuf;

/* Makes room for n more bytes and a NUL after them (cap > len + n): the
 * capacity starts at `first` and doubles until they fit, but never past
 * `most`. False, with the buffer unchanged, when len + n + 1 would
 * overflow size_t or exceed `most`, or when memory runs out. */
bool pm_bytebuf_grow(pm_bytebuf *b, size_t n);

/* Appends s[0..n) and writes a NUL after them (not counted in len), so p is
 * also a C string. n may be 0 (s may then be NULL): the buffer still gets
 * its NUL. False, with the buffer unchanged, as pm_bytebuf_grow. */
static inline bool pm_bytebuf_add(pm_bytebuf *b, const void *s, size_t n)
{
    if (n >= b->cap - b->len && !pm_bytebuf_grow(b, n))
        return false;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return true;
}

#endif
