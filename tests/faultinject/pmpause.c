/* pmpause.c — an LD_PRELOAD shim that stops pijlermonitor in the middle of its
 * work, so a test can commit an import at exactly that moment
 * (tests/e2e/test_concurrency.py builds it with cc into a temporary folder).
 *
 *   PMPAUSE_SQL      a substring of an SQL statement: the first time the
 *                    program prepares a statement containing it, it pauses
 *                    before preparing it
 *   PMPAUSE_FLAG     a file created when the pause begins
 *   PMPAUSE_RELEASE  the pause ends when this file exists (at most
 *                    PMPAUSE_MAX_S seconds, default 60)
 *
 * pijlermonitor calls SQLite through the shared library, so these
 * definitions come first. The sqlite3 types are opaque here. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef int (*prepare_fn)(void *, const char *, int, void **, const char **);
typedef int (*prepare3_fn)(void *, const char *, int, unsigned int, void **,
                           const char **);

static int paused;

static void maybe_pause(const char *sql, int n)
{
    const char *want = getenv("PMPAUSE_SQL");
    if (paused || !want || !*want || !sql)
        return;
    size_t len = n < 0 ? strlen(sql) : (size_t)n;
    if (!memmem(sql, len, want, strlen(want)))
        return;
    paused = 1;
    const char *flag = getenv("PMPAUSE_FLAG");
    if (flag) {
        int fd = open(flag, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0)
            close(fd);
    }
    const char *release = getenv("PMPAUSE_RELEASE");
    const char *max_env = getenv("PMPAUSE_MAX_S");
    long max_ms = (max_env ? atol(max_env) : 60) * 1000;
    struct timespec tick = {0, 5 * 1000 * 1000};
    for (long waited = 0; waited < max_ms; waited += 5) {
        if (release && access(release, F_OK) == 0)
            break;
        nanosleep(&tick, NULL);
    }
}

int sqlite3_prepare_v2(void *db, const char *sql, int n, void **st, const char **tail)
{
    static prepare_fn real;
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v2");
    maybe_pause(sql, n);
    return real(db, sql, n, st, tail);
}

int sqlite3_prepare_v3(void *db, const char *sql, int n, unsigned int flags, void **st,
                       const char **tail)
{
    static prepare3_fn real;
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v3");
    maybe_pause(sql, n);
    return real(db, sql, n, flags, st, tail);
}
