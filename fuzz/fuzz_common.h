/* fuzz_common.h — shared helpers for the libFuzzer targets in fuzz/: the
 * engine readers take a path, so each input is written to an in-memory file.
 *
 * Each file is a memfd (no disk traffic) named by /proc/self/fd/N; where memfd
 * is unavailable it is a temporary file, unlinked at exit. Files are created
 * once per process and rewritten for every input. */
#ifndef PM_FUZZ_COMMON_H
#define PM_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Stops the run with a message libFuzzer shows next to the crash; abort()
 * makes it a finding that is saved like a sanitizer report. */
#define FUZZ_ASSERT(cond, what)                                                          \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "fuzz invariant broken at %s:%d: %s (%s)\n", __FILE__,       \
                    __LINE__, what, #cond);                                              \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* Up to FUZZ_SLOTS files can be open at once (a plain and padded forms of
 * one input, read side by side); each slot is one scratch file. */
#define FUZZ_SLOTS 4

static int fuzz_fd[FUZZ_SLOTS] = {-1, -1, -1, -1};
static char fuzz_path[FUZZ_SLOTS][64];
static char fuzz_tmp_path[FUZZ_SLOTS][64];

static inline void fuzz_unlink_tmp(void)
{
    for (int i = 0; i < FUZZ_SLOTS; i++)
        if (fuzz_tmp_path[i][0])
            unlink(fuzz_tmp_path[i]);
}

/* Opens the scratch file of a slot on first use. */
static inline void fuzz_scratch_open(int slot)
{
    static int registered;
    if (fuzz_fd[slot] >= 0)
        return;
#ifdef SYS_memfd_create
    fuzz_fd[slot] = (int)syscall(SYS_memfd_create, "pm_fuzz", 0u);
#endif
    if (fuzz_fd[slot] >= 0) {
        snprintf(fuzz_path[slot], sizeof fuzz_path[slot], "/proc/self/fd/%d",
                 fuzz_fd[slot]);
        return;
    }
    const char *dir = getenv("TMPDIR");
    snprintf(fuzz_tmp_path[slot], sizeof fuzz_tmp_path[slot], "%.40s/pm_fuzz_XXXXXX",
             dir && dir[0] ? dir : "/tmp");
    fuzz_fd[slot] = mkstemp(fuzz_tmp_path[slot]);
    if (fuzz_fd[slot] < 0) {
        perror("fuzz: scratch file");
        abort();
    }
    if (!registered) {
        atexit(fuzz_unlink_tmp);
        registered = 1;
    }
    snprintf(fuzz_path[slot], sizeof fuzz_path[slot], "%s", fuzz_tmp_path[slot]);
}

/* Replaces the contents of slot's scratch file with the given pieces, back
 * to back, and returns its path. A NULL piece pointer stands for `len`
 * spaces. A reader still open on the slot must be closed first. */
static inline const char *fuzz_write_pieces(int slot, const uint8_t *const *piece,
                                            const size_t *len, size_t n)
{
    static char spaces[4096];
    if (spaces[0] != ' ')
        memset(spaces, ' ', sizeof spaces);
    fuzz_scratch_open(slot);
    int fd = fuzz_fd[slot];
    if (ftruncate(fd, 0) != 0) {
        perror("fuzz: ftruncate");
        abort();
    }
    off_t off = 0;
    for (size_t i = 0; i < n; i++) {
        size_t left = len[i];
        const uint8_t *p = piece[i];
        while (left > 0) {
            size_t chunk = left;
            const void *src = p;
            if (!p) {
                chunk = left < sizeof spaces ? left : sizeof spaces;
                src = spaces;
            }
            ssize_t w = pwrite(fd, src, chunk, off);
            if (w <= 0) {
                perror("fuzz: pwrite");
                abort();
            }
            off += w;
            left -= (size_t)w;
            if (p)
                p += w;
        }
    }
    return fuzz_path[slot];
}

/* The input itself, in slot 0. */
static inline const char *fuzz_write(const uint8_t *data, size_t size)
{
    return fuzz_write_pieces(0, &data, &size, 1);
}

/* FNV-1a: a stable function of the input, so that choices derived from it
 * (where a chunk boundary falls) reproduce exactly from a saved crash. */
static inline uint32_t fuzz_hash(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++) {
        h ^= data[i];
        h *= 16777619u;
    }
    return h;
}

#endif
