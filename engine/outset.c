/* outset.c — the output set: collision checks, temporaries beside the
 * targets, and the commit that puts all outputs in place together. */
#define _GNU_SOURCE /* renameat2 */
#include "outset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

/* How a file is known: by device and inode when it exists, and by a resolved
 * path (the real path of its folder plus its name; lexical when the folder
 * does not exist yet). Two files are the same when either matches. */
typedef struct ident {
    char *what;     /* "--xlsx", "de database" */
    char *path;     /* as given */
    char *resolved; /* never NULL after ident_make */
    char *full;     /* realpath of the whole path when it exists, else NULL */
    bool exists;
    dev_t dev;
    ino_t ino;
} ident;

typedef struct member {
    ident id;
    char *tmp; /* temporary beside the target; NULL before it is made */
    int flags;
    size_t dir; /* folder index + 1, 0 for a file output */
    bool placed;
} member;

typedef struct folder {
    ident id;
    char **old; /* names of the previous manifest */
    size_t nold;
    bool loaded;
} folder;

struct pm_outset {
    ident *prot;
    size_t nprot;
    member *files;
    size_t nfiles;
    folder *dirs;
    size_t ndirs;
    char **made; /* folders this set created, outermost first */
    size_t nmade;
    bool prepared;
    bool committed;
    struct pm_outset *next; /* in the list of live sets */
};

/* ---- interruption -------------------------------------------------------
 * Ctrl-C or a kill while the exporters write would leave the temporaries
 * and the new folders behind. A handler removes those of every live set and
 * then dies of the same signal. The sets change only with these signals
 * blocked (hold/release), so the handler never sees a list half-changed. */

static pm_outset *live;
static int hold_depth;
static sigset_t saved_mask;
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};

static void hold(void)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
        sigaddset(&set, caught[i]);
    if (hold_depth++ == 0)
        sigprocmask(SIG_BLOCK, &set, &saved_mask);
}

static void release(void)
{
    if (--hold_depth == 0)
        sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}

/* Only async-signal-safe calls: unlink, rmdir, signal, raise. */
static void on_signal(int sig)
{
    for (pm_outset *s = live; s; s = s->next) {
        for (size_t i = 0; i < s->nfiles; i++)
            if (s->files[i].tmp)
                unlink(s->files[i].tmp);
        for (size_t i = s->nmade; !s->committed && i-- > 0;)
            rmdir(s->made[i]);
    }
    signal(sig, SIG_DFL);
    raise(sig); /* delivered as the handler returns: the process ends */
}

/* Once per process; a signal the caller ignores (nohup) stays ignored. */
static void catch_signals(void)
{
    static bool installed;
    if (installed)
        return;
    installed = true;
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(caught[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(caught[i], &sa, NULL);
    }
}

/* ---- paths ------------------------------------------------------------- */

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    size_t n = a;
    if (n == 0 || p[n - 1] != '/')
        p[n++] = '/';
    memcpy(p + n, name, b + 1);
    return p;
}

/* path made absolute and with ".", ".." and doubled slashes removed, without
 * asking the file system: for paths whose folder does not exist yet. */
static char *lexical(const char *path)
{
    char *abs;
    if (path[0] == '/') {
        abs = strdup(path);
    } else {
        char *cwd = getcwd(NULL, 0);
        abs = cwd ? join(cwd, path) : NULL;
        free(cwd);
    }
    if (!abs)
        return NULL;
    char *out = malloc(strlen(abs) + 2);
    if (!out) {
        free(abs);
        return NULL;
    }
    size_t n = 0;
    for (char *p = abs; *p;) {
        while (*p == '/')
            p++;
        char *e = p;
        while (*e && *e != '/')
            e++;
        size_t len = (size_t)(e - p);
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* nothing */
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
        } else {
            out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
        }
        p = e;
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
    free(abs);
    return out;
}

/* The real path of path's folder plus its last name; lexical when the
 * folder cannot be resolved. */
static char *resolve(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    size_t len = strlen(copy);
    while (len > 1 && copy[len - 1] == '/')
        copy[--len] = '\0';
    char *slash = strrchr(copy, '/');
    const char *base = slash ? slash + 1 : copy;
    char *parent =
        slash ? strndup(copy, slash == copy ? 1 : (size_t)(slash - copy)) : strdup(".");
    char *out = NULL;
    if (parent && strcmp(base, ".") != 0 && strcmp(base, "..") != 0 && *base) {
        char *real = realpath(parent, NULL);
        if (real) {
            out = join(real, base);
            free(real);
        }
    }
    if (!out && parent)
        out = lexical(copy);
    free(parent);
    free(copy);
    return out;
}

static void ident_free(ident *id)
{
    free(id->what);
    free(id->path);
    free(id->resolved);
    free(id->full);
    memset(id, 0, sizeof *id);
}

static pm_error ident_make(ident *id, const char *what, const char *path, char *msg,
                           size_t msgsize)
{
    memset(id, 0, sizeof *id);
    id->what = strdup(what);
    id->path = strdup(path);
    id->resolved = id->path ? resolve(path) : NULL;
    if (!id->what || !id->path || !id->resolved) {
        ident_free(id);
        snprintf(msg, msgsize, "%s: onvoldoende geheugen", path);
        return PM_ERR_NOMEM;
    }
    struct stat sb;
    if (stat(path, &sb) == 0) {
        id->exists = true;
        id->dev = sb.st_dev;
        id->ino = sb.st_ino;
        id->full = realpath(path, NULL);
    }
    return PM_OK;
}

static bool same_file(const ident *a, const ident *b)
{
    if (a->exists && b->exists && a->dev == b->dev && a->ino == b->ino)
        return true;
    if (strcmp(a->resolved, b->resolved) == 0)
        return true;
    if (a->full && strcmp(a->full, b->resolved) == 0)
        return true;
    if (b->full && strcmp(b->full, a->resolved) == 0)
        return true;
    return a->full && b->full && strcmp(a->full, b->full) == 0;
}

static pm_error collision(const ident *out, const ident *other, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize,
             "%s %s is hetzelfde bestand als %s %s; kies een andere naam (er is niets "
             "geschreven)",
             out->what, out->path, other->what, other->path);
    return PM_ERR_USAGE;
}

/* ---- building the set -------------------------------------------------- */

pm_outset *pm_outset_new(void)
{
    pm_outset *s = calloc(1, sizeof(pm_outset));
    if (!s)
        return NULL;
    catch_signals();
    hold();
    s->next = live;
    live = s;
    release();
    return s;
}

static void *grow(void *arr, size_t n, size_t size)
{
    /* Arrays grow one by one: a set holds a few dozen entries at most. */
    return realloc(arr, (n + 1) * size);
}

pm_error pm_outset_protect(pm_outset *s, const char *what, const char *path, char *msg,
                           size_t msgsize)
{
    ident *p = grow(s->prot, s->nprot, sizeof *s->prot);
    if (!p) {
        snprintf(msg, msgsize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    s->prot = p;
    pm_error err = ident_make(&s->prot[s->nprot], what, path, msg, msgsize);
    if (err)
        return err;
    const ident *id = &s->prot[s->nprot++];
    /* Protected after prepare (a file only the database knows): checked now. */
    for (size_t i = 0; s->prepared && i < s->nfiles; i++)
        if (same_file(&s->files[i].id, id))
            return collision(&s->files[i].id, id, msg, msgsize);
    for (size_t i = 0; s->prepared && i < s->ndirs; i++)
        if (same_file(&s->dirs[i].id, id))
            return collision(&s->dirs[i].id, id, msg, msgsize);
    return PM_OK;
}

static pm_error add_member(pm_outset *s, const char *what, const char *path, int flags,
                           size_t dir, size_t *id, char *msg, size_t msgsize)
{
    member *m = grow(s->files, s->nfiles, sizeof *s->files);
    if (!m) {
        snprintf(msg, msgsize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    s->files = m;
    m = &s->files[s->nfiles];
    memset(m, 0, sizeof *m);
    pm_error err = ident_make(&m->id, what, path, msg, msgsize);
    if (err)
        return err;
    m->flags = flags;
    m->dir = dir;
    *id = s->nfiles++;
    return PM_OK;
}

static pm_error add_file_held(pm_outset *s, const char *what, const char *path, int flags,
                              size_t *id, char *msg, size_t msgsize)
{
    return add_member(s, what, path, flags, 0, id, msg, msgsize);
}

pm_error pm_outset_add_file(pm_outset *s, const char *what, const char *path, int flags,
                            size_t *id, char *msg, size_t msgsize)
{
    hold();
    pm_error err = add_file_held(s, what, path, flags, id, msg, msgsize);
    release();
    return err;
}

pm_error pm_outset_add_dir(pm_outset *s, const char *what, const char *dir, size_t *id,
                           char *msg, size_t msgsize)
{
    folder *f = grow(s->dirs, s->ndirs, sizeof *s->dirs);
    if (!f) {
        snprintf(msg, msgsize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    s->dirs = f;
    f = &s->dirs[s->ndirs];
    memset(f, 0, sizeof *f);
    pm_error err = ident_make(&f->id, what, dir, msg, msgsize);
    if (!err)
        *id = s->ndirs++;
    return err;
}

/* ---- checks ------------------------------------------------------------ */

/* m against the protected files, the folders and every other member. */
static pm_error check_member(const pm_outset *s, size_t k, char *msg, size_t msgsize)
{
    const ident *id = &s->files[k].id;
    for (size_t i = 0; i < s->nprot; i++)
        if (same_file(id, &s->prot[i]))
            return collision(id, &s->prot[i], msg, msgsize);
    for (size_t i = 0; i < s->ndirs; i++)
        if (same_file(id, &s->dirs[i].id))
            return collision(id, &s->dirs[i].id, msg, msgsize);
    for (size_t i = 0; i < s->nfiles; i++)
        if (i != k && same_file(id, &s->files[i].id))
            return collision(id, &s->files[i].id, msg, msgsize);
    return PM_OK;
}

static pm_error check_all(const pm_outset *s, char *msg, size_t msgsize)
{
    for (size_t k = 0; k < s->nfiles; k++) {
        pm_error err = check_member(s, k, msg, msgsize);
        if (err)
            return err;
    }
    for (size_t k = 0; k < s->ndirs; k++) {
        const ident *id = &s->dirs[k].id;
        for (size_t i = 0; i < s->nprot; i++)
            if (same_file(id, &s->prot[i]))
                return collision(id, &s->prot[i], msg, msgsize);
        for (size_t i = k + 1; i < s->ndirs; i++)
            if (same_file(id, &s->dirs[i].id))
                return collision(id, &s->dirs[i].id, msg, msgsize);
    }
    return PM_OK;
}

/* ---- preparing --------------------------------------------------------- */

static pm_error io_error(const char *path, int e, char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", path, pm_errno_text(e));
    return PM_ERR_IO;
}

/* Like mkdir -p, remembering each folder it made so a failed run can take
 * them away again. */
static pm_error make_folders(pm_outset *s, const char *path, char *msg, size_t msgsize)
{
    char *copy = strdup(path);
    if (!copy) {
        snprintf(msg, msgsize, "%s: onvoldoende geheugen", path);
        return PM_ERR_NOMEM;
    }
    pm_error err = PM_OK;
    for (char *p = copy + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(copy, 0777) == 0) {
            char **m = grow(s->made, s->nmade, sizeof *s->made);
            char *dup = m ? strdup(copy) : NULL;
            if (m)
                s->made = m;
            if (!dup) {
                rmdir(copy);
                snprintf(msg, msgsize, "%s: onvoldoende geheugen", path);
                err = PM_ERR_NOMEM;
                break;
            }
            s->made[s->nmade++] = dup;
        } else if (errno != EEXIST) {
            snprintf(msg, msgsize, "map %s kan niet worden gemaakt: %s", copy,
                     pm_errno_text(errno));
            err = PM_ERR_IO;
            break;
        }
        struct stat sb;
        if (stat(copy, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
            snprintf(msg, msgsize, "map %s kan niet worden gemaakt: %s", copy,
                     pm_errno_text(ENOTDIR));
            err = PM_ERR_IO;
            break;
        }
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(copy);
    return err;
}

/* A temporary with a short name (".pm-XXXXXX") beside the target, so a
 * target name near the system's limit still works. */
static pm_error make_temp(member *m, char *msg, size_t msgsize)
{
    struct stat sb;
    if (stat(m->id.path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return io_error(m->id.path, EISDIR, msg, msgsize);
    if (stat(m->id.path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        /* A device or pipe would be replaced by the rename, not written. */
        snprintf(msg, msgsize,
                 "%s kan niet worden geschreven: dit is geen gewoon bestand", m->id.path);
        return PM_ERR_IO;
    }
    const char *slash = strrchr(m->id.path, '/');
    char *dir = slash ? strndup(m->id.path,
                                slash == m->id.path ? 1 : (size_t)(slash - m->id.path))
                      : strdup(".");
    m->tmp = dir ? join(dir, ".pm-XXXXXX") : NULL;
    free(dir);
    if (!m->tmp) {
        snprintf(msg, msgsize, "%s: onvoldoende geheugen", m->id.path);
        return PM_ERR_NOMEM;
    }
    int fd = mkstemp(m->tmp);
    if (fd < 0) {
        int e = errno;
        free(m->tmp);
        m->tmp = NULL;
        return io_error(m->id.path, e, msg, msgsize);
    }
    close(fd);
    return PM_OK;
}

static bool valid_name(const char *name)
{
    return *name && strchr(name, '/') == NULL && strcmp(name, ".") != 0 &&
           strcmp(name, "..") != 0;
}

/* The names of a folder's previous manifest; a missing manifest is an empty
 * list. Lines that are not a plain file name are ignored: the manifest is
 * never a way to reach outside the folder. */
static pm_error load_manifest(folder *f, char *msg, size_t msgsize)
{
    char *path = join(f->id.path, PM_OUTSET_MANIFEST);
    if (!path) {
        snprintf(msg, msgsize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    FILE *fp = fopen(path, "r");
    free(path);
    f->loaded = true;
    if (!fp)
        return PM_OK;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    pm_error err = PM_OK;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (line[0] == '#' || !valid_name(line) || strcmp(line, PM_OUTSET_MANIFEST) == 0)
            continue;
        char **o = grow(f->old, f->nold, sizeof *f->old);
        char *dup = o ? strdup(line) : NULL;
        if (o)
            f->old = o;
        if (!dup) {
            snprintf(msg, msgsize, "onvoldoende geheugen");
            err = PM_ERR_NOMEM;
            break;
        }
        f->old[f->nold++] = dup;
    }
    free(line);
    fclose(fp);
    return err;
}

static pm_error prepare_held(pm_outset *s, char *msg, size_t msgsize)
{
    pm_error err = check_all(s, msg, msgsize);
    for (size_t i = 0; !err && i < s->ndirs; i++) {
        err = make_folders(s, s->dirs[i].id.path, msg, msgsize);
        if (!err)
            err = load_manifest(&s->dirs[i], msg, msgsize);
    }
    for (size_t i = 0; !err && i < s->nfiles; i++)
        err = make_temp(&s->files[i], msg, msgsize);
    s->prepared = !err;
    return err;
}

pm_error pm_outset_prepare(pm_outset *s, char *msg, size_t msgsize)
{
    hold();
    pm_error err = prepare_held(s, msg, msgsize);
    release();
    return err;
}

const char *pm_outset_tmp(const pm_outset *s, size_t id)
{
    return s->files[id].tmp;
}

const char *pm_outset_path(const pm_outset *s, size_t id)
{
    return s->files[id].id.path;
}

static pm_error dir_file_held(pm_outset *s, size_t dir, const char *name,
                              const char **tmp, const char **shown, char *msg,
                              size_t msgsize)
{
    const folder *f = &s->dirs[dir];
    if (!valid_name(name) || strcmp(name, PM_OUTSET_MANIFEST) == 0) {
        snprintf(msg, msgsize, "%s: ongeldige bestandsnaam '%s'", f->id.path, name);
        return PM_ERR_IO;
    }
    char *path = join(f->id.path, name);
    if (!path) {
        snprintf(msg, msgsize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    size_t id;
    pm_error err = add_member(s, f->id.what, path, 0, dir + 1, &id, msg, msgsize);
    free(path);
    if (!err)
        err = check_member(s, id, msg, msgsize);
    if (!err)
        err = make_temp(&s->files[id], msg, msgsize);
    if (!err) {
        *tmp = s->files[id].tmp;
        *shown = s->files[id].id.path;
    }
    return err;
}

pm_error pm_outset_dir_file(pm_outset *s, size_t dir, const char *name, const char **tmp,
                            const char **shown, char *msg, size_t msgsize)
{
    hold();
    pm_error err = dir_file_held(s, dir, name, tmp, shown, msg, msgsize);
    release();
    return err;
}

pm_error pm_outset_fill(pm_outset *s, size_t id, const void *data, size_t len, char *msg,
                        size_t msgsize)
{
    const member *m = &s->files[id];
    FILE *fp = fopen(m->tmp, "wb");
    if (!fp)
        return io_error(m->id.path, errno, msg, msgsize);
    errno = 0;
    int failed = fwrite(data, 1, len, fp) != len || fflush(fp) != 0;
    int e = errno;
    if (fclose(fp) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    return failed ? io_error(m->id.path, e ? e : EIO, msg, msgsize) : PM_OK;
}

/* ---- committing -------------------------------------------------------- */

/* mkstemp makes a private file (0600); a new report is an ordinary file, so
 * it gets the permissions any new file would get under the umask. */
static mode_t public_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* Gives m's temporary the permission bits of the file it replaces (or of a
 * new file) and puts it on disk. */
static pm_error finish_temp(const member *m, char *msg, size_t msgsize)
{
    struct stat sb;
    mode_t mode = public_mode();
    if (!(m->flags & PM_OUTSET_NOREPLACE) && stat(m->id.path, &sb) == 0 &&
        S_ISREG(sb.st_mode))
        mode = sb.st_mode & 07777;
    int fd = open(m->tmp, O_RDWR);
    int failed = fd < 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0;
    int e = errno;
    if (fd >= 0 && close(fd) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    return failed ? io_error(m->id.path, e, msg, msgsize) : PM_OK;
}

/* Puts tmp in place under path without ever replacing an existing file:
 * link() fails with EEXIST when the name was taken after our check. */
static int place_noreplace(const char *tmp, const char *path)
{
    if (link(tmp, path) == 0) {
        unlink(tmp);
        return 0;
    }
    int e = errno;
#ifdef RENAME_NOREPLACE
    /* File systems without hard links (FAT) can still refuse to replace. */
    if (e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == EMLINK) {
        if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
            return 0;
        e = errno;
    }
#endif
    errno = e;
    return -1;
}

static pm_error place(member *m, char *msg, size_t msgsize)
{
    if (m->flags & PM_OUTSET_NOREPLACE) {
        if (place_noreplace(m->tmp, m->id.path) != 0) {
            if (errno == EEXIST) {
                snprintf(msg, msgsize,
                         "%s bestaat al; kies een andere naam (er is niets "
                         "overschreven)",
                         m->id.path);
                return PM_ERR_IO;
            }
            return io_error(m->id.path, errno, msg, msgsize);
        }
    } else if (rename(m->tmp, m->id.path) != 0) {
        return io_error(m->id.path, errno, msg, msgsize);
    }
    free(m->tmp);
    m->tmp = NULL;
    m->placed = true;
    return PM_OK;
}

static bool written_now(const pm_outset *s, size_t dir, const char *name)
{
    for (size_t i = 0; i < s->nfiles; i++) {
        const member *m = &s->files[i];
        if (m->dir != dir + 1)
            continue;
        const char *slash = strrchr(m->id.path, '/');
        if (strcmp(slash ? slash + 1 : m->id.path, name) == 0)
            return true;
    }
    return false;
}

/* Writes folder dir's manifest through a temporary: the names this run wrote
 * and those of the previous manifest still to be removed (so a crash between
 * the renames never leaves a file of ours unlisted). */
static pm_error write_manifest(pm_outset *s, size_t dir, char *msg, size_t msgsize)
{
    folder *f = &s->dirs[dir];
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) {
        snprintf(msg, msgsize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    fputs("# pijlermonitor: de bestanden die pijlermonitor in deze map schreef.\n"
          "# Een volgende run vervangt ze; andere bestanden blijven staan.\n",
          mem);
    for (size_t i = 0; i < s->nfiles; i++) {
        const member *m = &s->files[i];
        if (m->dir == dir + 1)
            fprintf(mem, "%s\n", strrchr(m->id.path, '/') + 1);
    }
    for (size_t i = 0; i < f->nold; i++)
        if (!written_now(s, dir, f->old[i]))
            fprintf(mem, "%s\n", f->old[i]);
    if (fclose(mem) != 0 || !text) {
        free(text);
        snprintf(msg, msgsize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    char *path = join(f->id.path, PM_OUTSET_MANIFEST);
    member m = {0};
    pm_error err =
        path ? ident_make(&m.id, f->id.what, path, msg, msgsize) : PM_ERR_NOMEM;
    free(path);
    if (!err)
        err = make_temp(&m, msg, msgsize);
    if (!err) {
        /* pm_outset_fill works on the set's members; this one is local. */
        FILE *fp = fopen(m.tmp, "wb");
        int failed = !fp || fwrite(text, 1, len, fp) != len;
        int e = errno;
        if (fp && fclose(fp) != 0 && !failed) {
            failed = 1;
            e = errno;
        }
        err = failed ? io_error(m.id.path, e, msg, msgsize) : PM_OK;
    }
    if (!err)
        err = finish_temp(&m, msg, msgsize);
    if (!err)
        err = place(&m, msg, msgsize);
    if (m.tmp)
        unlink(m.tmp);
    free(m.tmp);
    ident_free(&m.id);
    free(text);
    return err;
}

/* Removes the files of the previous manifest that this run did not write:
 * only by name within the folder, only ordinary files (never a symlink or a
 * folder), never a protected file or an output of this run. A name that
 * cannot be removed stays listed for the next run. */
static void remove_stale(pm_outset *s, size_t dir)
{
    folder *f = &s->dirs[dir];
    int dfd = open(f->id.path, O_RDONLY | O_DIRECTORY);
    if (dfd < 0)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < f->nold; i++) {
        const char *name = f->old[i];
        struct stat sb;
        bool gone = false;
        if (written_now(s, dir, name)) {
            gone = true; /* replaced by this run, listed anew */
        } else if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
            gone = errno == ENOENT;
        } else if (S_ISREG(sb.st_mode)) {
            bool ours = true;
            for (size_t k = 0; k < s->nprot; k++)
                if (s->prot[k].exists && s->prot[k].dev == sb.st_dev &&
                    s->prot[k].ino == sb.st_ino)
                    ours = false;
            for (size_t k = 0; k < s->nfiles; k++)
                if (s->files[k].placed && s->files[k].dir == 0) {
                    struct stat ob;
                    if (stat(s->files[k].id.path, &ob) == 0 && ob.st_dev == sb.st_dev &&
                        ob.st_ino == sb.st_ino)
                        ours = false;
                }
            gone = ours && unlinkat(dfd, name, 0) == 0;
            if (!ours)
                gone = true; /* not ours to remove: forget it */
        } else {
            gone = true; /* no longer a file we wrote: forget it */
        }
        if (gone)
            free(f->old[i]);
        else
            f->old[kept++] = f->old[i];
    }
    f->nold = kept;
    close(dfd);
}

static pm_error commit_held(pm_outset *s, char *msg, size_t msgsize)
{
    pm_error err = s->prepared ? PM_OK : PM_ERR_IO;
    if (err)
        snprintf(msg, msgsize, "uitvoer niet voorbereid");
    for (size_t i = 0; !err && i < s->nfiles; i++)
        err = finish_temp(&s->files[i], msg, msgsize);
    for (size_t i = 0; !err && i < s->ndirs; i++)
        err = write_manifest(s, i, msg, msgsize);
    /* From here on each rename replaces one file; they are all within their
     * own folder and their temporaries exist, so they do not fail in
     * practice. */
    for (size_t i = 0; !err && i < s->nfiles; i++)
        err = place(&s->files[i], msg, msgsize);
    for (size_t i = 0; !err && i < s->ndirs; i++) {
        remove_stale(s, i);
        err = write_manifest(s, i, msg, msgsize);
    }
    if (!err)
        s->committed = true;
    return err;
}

pm_error pm_outset_commit(pm_outset *s, char *msg, size_t msgsize)
{
    hold();
    pm_error err = commit_held(s, msg, msgsize);
    release();
    return err;
}

void pm_outset_free(pm_outset *s)
{
    if (!s)
        return;
    hold();
    for (pm_outset **p = &live; *p; p = &(*p)->next)
        if (*p == s) {
            *p = s->next;
            break;
        }
    for (size_t i = 0; i < s->nfiles; i++) {
        if (s->files[i].tmp)
            unlink(s->files[i].tmp);
        free(s->files[i].tmp);
        ident_free(&s->files[i].id);
    }
    /* Innermost first; rmdir leaves a folder that is not empty. */
    for (size_t i = s->nmade; i-- > 0;) {
        if (!s->committed)
            rmdir(s->made[i]);
        free(s->made[i]);
    }
    for (size_t i = 0; i < s->ndirs; i++) {
        for (size_t k = 0; k < s->dirs[i].nold; k++)
            free(s->dirs[i].old[k]);
        free(s->dirs[i].old);
        ident_free(&s->dirs[i].id);
    }
    for (size_t i = 0; i < s->nprot; i++)
        ident_free(&s->prot[i]);
    free(s->prot);
    free(s->files);
    free(s->dirs);
    free(s->made);
    free(s);
    release();
}
