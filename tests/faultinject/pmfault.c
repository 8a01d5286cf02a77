/* pmfault.c — an LD_PRELOAD fault injector for the robustness tests
 * (tests/e2e/test_faults.py builds it with cc into a temporary folder).
 *
 * It makes files whose path matches a marker behave like a full disk or a
 * read-only file system, without root, mounts or a real small disk:
 *
 *   PMFAULT_MARKER   a substring of the path (PMFAULT_SUFFIX=1: the path must
 *                    end with it). Only matching files are affected.
 *   PMFAULT_MODE     "full": after PMFAULT_LIMIT bytes written to matching
 *                    files in total, a write is cut short and the next fails
 *                    with ENOSPC (what a full disk does).
 *                    "rofs": opening a matching file for writing fails with
 *                    EROFS; reading works.
 *   PMFAULT_LIMIT    the byte budget for "full" (default 0).
 *   PMFAULT_LOG      when set, a file that gets one line per injected fault.
 *
 * File descriptors are intercepted at open/openat/creat/mkstemp and at every
 * write entry point (write, pwrite, pwrite64, writev, pwritev). stdio writes
 * inside glibc call its internal write, which no preload can reach, so
 * fopen/fopen64/fdopen of a matching file return a stdio stream built with
 * fopencookie whose writes go through the same budget; fileno() on such a
 * stream gives the real descriptor, so fchmod/fsync still work on it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAXFD 4096
#define MAXCOOKIES 64

static unsigned char faulty[MAXFD]; /* fd -> 1 when its path matches */
static long long budget_used;

typedef struct cookie_map {
    FILE *fp;
    int fd;
} cookie_map;
static cookie_map cookies[MAXCOOKIES];

#define REAL(name) real_##name
#define RESOLVE(name)                                                                    \
    do {                                                                                 \
        if (!REAL(name))                                                                 \
            *(void **)(&REAL(name)) = dlsym(RTLD_NEXT, #name);                           \
    } while (0)

static int (*REAL(open))(const char *, int, ...);
static int (*REAL(open64))(const char *, int, ...);
static int (*REAL(openat))(int, const char *, int, ...);
static int (*REAL(openat64))(int, const char *, int, ...);
static int (*REAL(creat))(const char *, mode_t);
static int (*REAL(mkstemp))(char *);
static int (*REAL(mkstemp64))(char *);
static int (*REAL(mkostemp))(char *, int);
static ssize_t (*REAL(write))(int, const void *, size_t);
static ssize_t (*REAL(pwrite))(int, const void *, size_t, off_t);
static ssize_t (*REAL(pwrite64))(int, const void *, size_t, off64_t);
static ssize_t (*REAL(writev))(int, const struct iovec *, int);
static ssize_t (*REAL(pwritev))(int, const struct iovec *, int, off_t);
static int (*REAL(close))(int);
static FILE *(*REAL(fopen))(const char *, const char *);
static FILE *(*REAL(fopen64))(const char *, const char *);
static FILE *(*REAL(fdopen))(int, const char *);
static int (*REAL(fileno))(FILE *);

static const char *mode_env(void)
{
    const char *m = getenv("PMFAULT_MODE");
    return m ? m : "full";
}

static int path_matches(const char *path)
{
    const char *marker = getenv("PMFAULT_MARKER");
    if (!path || !marker || !*marker)
        return 0;
    if (getenv("PMFAULT_SUFFIX")) {
        size_t lp = strlen(path), lm = strlen(marker);
        return lp >= lm && strcmp(path + lp - lm, marker) == 0;
    }
    return strstr(path, marker) != NULL;
}

static void log_fault(const char *what, const char *detail)
{
    const char *log = getenv("PMFAULT_LOG");
    if (!log)
        return;
    RESOLVE(open);
    RESOLVE(write);
    RESOLVE(close);
    int fd = REAL(open)(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0)
        return;
    char line[512];
    int n = snprintf(line, sizeof line, "%s %s\n", what, detail ? detail : "");
    if (n > 0)
        REAL(write)(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    REAL(close)(fd);
}

static int refuse_open(const char *path, int flags)
{
    if ((flags & O_ACCMODE) == O_RDONLY && !(flags & (O_CREAT | O_TRUNC)))
        return 0;
    if (strcmp(mode_env(), "rofs") != 0 || !path_matches(path))
        return 0;
    log_fault("EROFS open", path);
    errno = EROFS;
    return 1;
}

static int track(int fd, const char *path)
{
    if (fd >= 0 && fd < MAXFD)
        faulty[fd] = (unsigned char)path_matches(path);
    return fd;
}

/* How many of n bytes a write to fd may write; -1 (errno ENOSPC) for none. */
static ssize_t allowance(int fd, size_t n)
{
    if (fd < 0 || fd >= MAXFD || !faulty[fd] || strcmp(mode_env(), "full") != 0)
        return (ssize_t)n;
    const char *l = getenv("PMFAULT_LIMIT");
    long long limit = l ? atoll(l) : 0;
    long long left = limit - budget_used;
    if (left <= 0 && n > 0) {
        char d[64];
        snprintf(d, sizeof d, "fd %d, %zu bytes", fd, n);
        log_fault("ENOSPC", d);
        errno = ENOSPC;
        return -1;
    }
    return (ssize_t)((long long)n < left ? (long long)n : left);
}

static void account(int fd, ssize_t done)
{
    if (done > 0 && fd >= 0 && fd < MAXFD && faulty[fd])
        budget_used += done;
}

/* ---- opening -------------------------------------------------------------- */

#define OPEN_BODY(realfn, ...)                                                           \
    mode_t mode = 0;                                                                     \
    if (flags & (O_CREAT | O_TMPFILE)) {                                                 \
        va_list ap;                                                                      \
        va_start(ap, flags);                                                             \
        mode = (mode_t)va_arg(ap, int);                                                  \
        va_end(ap);                                                                      \
    }                                                                                    \
    RESOLVE(realfn);                                                                     \
    if (refuse_open(path, flags))                                                        \
        return -1;                                                                       \
    return track(REAL(realfn)(__VA_ARGS__, flags, mode), path);

int open(const char *path, int flags, ...)
{
    OPEN_BODY(open, path)
}

int open64(const char *path, int flags, ...)
{
    OPEN_BODY(open64, path)
}

int openat(int dirfd, const char *path, int flags, ...)
{
    OPEN_BODY(openat, dirfd, path)
}

int openat64(int dirfd, const char *path, int flags, ...)
{
    OPEN_BODY(openat64, dirfd, path)
}

int creat(const char *path, mode_t mode)
{
    RESOLVE(creat);
    if (refuse_open(path, O_WRONLY | O_CREAT | O_TRUNC))
        return -1;
    return track(REAL(creat)(path, mode), path);
}

int mkstemp(char *tmpl)
{
    RESOLVE(mkstemp);
    if (refuse_open(tmpl, O_RDWR | O_CREAT))
        return -1;
    return track(REAL(mkstemp)(tmpl), tmpl);
}

int mkstemp64(char *tmpl)
{
    RESOLVE(mkstemp64);
    if (refuse_open(tmpl, O_RDWR | O_CREAT))
        return -1;
    return track(REAL(mkstemp64)(tmpl), tmpl);
}

int mkostemp(char *tmpl, int flags)
{
    RESOLVE(mkostemp);
    if (refuse_open(tmpl, O_RDWR | O_CREAT))
        return -1;
    return track(REAL(mkostemp)(tmpl, flags), tmpl);
}

int close(int fd)
{
    RESOLVE(close);
    if (fd >= 0 && fd < MAXFD)
        faulty[fd] = 0;
    return REAL(close)(fd);
}

/* ---- writing -------------------------------------------------------------- */

ssize_t write(int fd, const void *buf, size_t n)
{
    RESOLVE(write);
    ssize_t ok = allowance(fd, n);
    if (ok < 0)
        return -1;
    ssize_t done = REAL(write)(fd, buf, (size_t)ok);
    account(fd, done);
    return done;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    RESOLVE(pwrite);
    ssize_t ok = allowance(fd, n);
    if (ok < 0)
        return -1;
    ssize_t done = REAL(pwrite)(fd, buf, (size_t)ok, off);
    account(fd, done);
    return done;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    RESOLVE(pwrite64);
    ssize_t ok = allowance(fd, n);
    if (ok < 0)
        return -1;
    ssize_t done = REAL(pwrite64)(fd, buf, (size_t)ok, off);
    account(fd, done);
    return done;
}

/* Vectored writes to a matching file are done one buffer at a time. */
ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
    RESOLVE(writev);
    if (fd < 0 || fd >= MAXFD || !faulty[fd])
        return REAL(writev)(fd, iov, cnt);
    ssize_t total = 0;
    for (int i = 0; i < cnt; i++) {
        ssize_t w = write(fd, iov[i].iov_base, iov[i].iov_len);
        if (w < 0)
            return total ? total : -1;
        total += w;
        if ((size_t)w < iov[i].iov_len)
            break;
    }
    return total;
}

ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off)
{
    RESOLVE(pwritev);
    if (fd < 0 || fd >= MAXFD || !faulty[fd])
        return REAL(pwritev)(fd, iov, cnt, off);
    ssize_t total = 0;
    for (int i = 0; i < cnt; i++) {
        ssize_t w = pwrite(fd, iov[i].iov_base, iov[i].iov_len, off + total);
        if (w < 0)
            return total ? total : -1;
        total += w;
        if ((size_t)w < iov[i].iov_len)
            break;
    }
    return total;
}

/* ---- stdio ---------------------------------------------------------------- */

static ssize_t ck_read(void *c, char *buf, size_t n)
{
    return read((int)(long)c, buf, n);
}

/* Like glibc's own file streams, a short write is retried, so a full disk
 * ends in a write that fails with ENOSPC and errno tells the caller. */
static ssize_t ck_write(void *c, const char *buf, size_t n)
{
    size_t done = 0;
    while (done < n) {
        ssize_t w = write((int)(long)c, buf + done, n - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    return (ssize_t)done; /* fopencookie: a short count is the error */
}

static int ck_seek(void *c, off64_t *pos, int whence)
{
    off64_t r = lseek64((int)(long)c, *pos, whence);
    if (r < 0)
        return -1;
    *pos = r;
    return 0;
}

static int ck_close(void *c)
{
    int fd = (int)(long)c;
    for (int i = 0; i < MAXCOOKIES; i++)
        if (cookies[i].fp && cookies[i].fd == fd)
            cookies[i].fp = NULL;
    return close(fd);
}

static FILE *wrap(int fd, const char *mode)
{
    cookie_io_functions_t io = {ck_read, ck_write, ck_seek, ck_close};
    FILE *fp = fopencookie((void *)(long)fd, mode, io);
    if (!fp)
        return NULL;
    for (int i = 0; i < MAXCOOKIES; i++)
        if (!cookies[i].fp) {
            cookies[i].fp = fp;
            cookies[i].fd = fd;
            break;
        }
    return fp;
}

static int open_flags(const char *mode)
{
    int plus = strchr(mode, '+') != NULL;
    switch (mode[0]) {
    case 'r': return plus ? O_RDWR : O_RDONLY;
    case 'w': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    case 'a': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    default: return O_RDONLY;
    }
}

static FILE *open_stream(FILE *(*real)(const char *, const char *), const char *path,
                         const char *mode)
{
    if (!path_matches(path))
        return real(path, mode);
    int fd = open(path, open_flags(mode), 0666); /* refused or tracked */
    if (fd < 0)
        return NULL;
    FILE *fp = wrap(fd, mode);
    if (!fp)
        close(fd);
    return fp;
}

FILE *fopen(const char *path, const char *mode)
{
    RESOLVE(fopen);
    return open_stream(REAL(fopen), path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    RESOLVE(fopen64);
    return open_stream(REAL(fopen64), path, mode);
}

FILE *fdopen(int fd, const char *mode)
{
    RESOLVE(fdopen);
    if (fd >= 0 && fd < MAXFD && faulty[fd])
        return wrap(fd, mode);
    return REAL(fdopen)(fd, mode);
}

int fileno(FILE *fp)
{
    RESOLVE(fileno);
    for (int i = 0; i < MAXCOOKIES; i++)
        if (fp && cookies[i].fp == fp)
            return cookies[i].fd;
    return REAL(fileno)(fp);
}
