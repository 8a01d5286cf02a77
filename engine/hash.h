/* hash.h — the one non-cryptographic hash of the project: FNV-1a over bytes
 * (64 bit) and splitmix64's finaliser to spread it. Used by the data
 * fingerprint (store.c), the duplicate grouping of check.c and the
 * organisation index (indicators/orgs.c). Changing either function changes
 * every stored fingerprint sum: don't. */
#ifndef PM_HASH_H
#define PM_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a's offset basis: the start value of a hash. */
#define PM_FNV64_INIT 0xcbf29ce484222325ULL

/* FNV-1a, continued from h over n bytes. */
static inline uint64_t pm_fnv1a64(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* splitmix64's finaliser: every input bit reaches every output bit, so sums
 * of hashes do not let simple patterns cancel out and the top or bottom
 * bits alone make a good partition or table index. */
static inline uint64_t pm_mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

#endif
