/* outfile.c — write-to-temporary-then-rename for every file we produce.
 * rename() within one folder is atomic on POSIX, so readers see the old file
 * or the whole new one, never a part. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

pm_error pm_outfile_open(pm_outfile *of, const char *path, char *msg, size_t msgsize)
{
    memset(of, 0, sizeof *of);
    size_t len = strlen(path);
    of->path = strdup(path);
    of->tmp_path = malloc(len + 16);
    if (!of->path || !of->tmp_path) {
        pm_outfile_abort(of);
        snprintf(msg, msgsize, "%s: onvoldoende geheugen", path);
        return PM_ERR_NOMEM;
    }
    snprintf(of->tmp_path, len + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(of->tmp_path);
    if (fd < 0) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", path,
                 pm_errno_text(errno));
        free(of->tmp_path);
        of->tmp_path = NULL;
        pm_outfile_abort(of);
        return PM_ERR_IO;
    }
    of->fp = fdopen(fd, "wb");
    if (!of->fp) {
        close(fd);
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", path,
                 pm_errno_text(errno));
        pm_outfile_abort(of);
        return PM_ERR_IO;
    }
    return PM_OK;
}

/* mkstemp makes a private file (0600); a report is an ordinary file, so
 * it gets the permissions any new file would get under the umask. */
static mode_t public_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

pm_error pm_outfile_commit(pm_outfile *of, char *msg, size_t msgsize)
{
    int failed = ferror(of->fp) || fflush(of->fp) != 0 ||
                 fchmod(fileno(of->fp), public_mode()) != 0 || fsync(fileno(of->fp)) != 0;
    int saved = errno;
    if (fclose(of->fp) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    of->fp = NULL;
    if (!failed && rename(of->tmp_path, of->path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", of->path,
                 pm_errno_text(saved ? saved : EIO));
        pm_outfile_abort(of);
        return PM_ERR_IO;
    }
    free(of->path);
    free(of->tmp_path);
    memset(of, 0, sizeof *of);
    return PM_OK;
}

void pm_outfile_abort(pm_outfile *of)
{
    if (of->fp)
        fclose(of->fp);
    if (of->tmp_path)
        unlink(of->tmp_path);
    free(of->path);
    free(of->tmp_path);
    memset(of, 0, sizeof *of);
}

const char *pm_errno_text(int e)
{
    switch (e) {
    case ENOENT: return "de map of het bestand bestaat niet";
    case EACCES:
    case EPERM: return "geen schrijfrechten";
    case ENOSPC: return "de schijf is vol";
    case EDQUOT: return "het schijfquotum is op";
    case EROFS: return "het bestandssysteem is alleen-lezen";
    case ENOTDIR: return "een deel van het pad is geen map";
    case EISDIR: return "dit is een map";
    case EEXIST: return "bestaat al";
    case EIO: return "lees- of schrijffout van het apparaat";
    case EBUSY: return "het bestand of de map is in gebruik";
    case ENAMETOOLONG: return "de naam is te lang";
    case EXDEV: return "het bestand ligt op een ander bestandssysteem";
    case EFBIG: return "het bestand wordt groter dan is toegestaan";
    case ELOOP: return "te veel symbolische koppelingen in het pad";
    case EMFILE:
    case ENFILE: return "te veel open bestanden";
    case ENOMEM: return "onvoldoende geheugen";
    case ETXTBSY: return "het bestand is in gebruik";
    case EMLINK: return "te veel koppelingen naar het bestand";
    case EINVAL: return "ongeldige bestandsnaam of bewerking";
    case ENXIO:
    case ENODEV: return "het apparaat bestaat niet";
    case EAGAIN: return "het bestand is tijdelijk niet beschikbaar";
    case ENOTEMPTY: return "de map is niet leeg";
    case EBADF: return "het bestand is niet open";
    case ESTALE: return "het netwerkbestand is niet meer beschikbaar";
    case ETIMEDOUT: return "de verbinding met de schijf is verlopen";
    default: {
        /* strerror() would be English: say the number, for the helpdesk. */
        static _Thread_local char buf[48];
        snprintf(buf, sizeof buf, "systeemfout %d", e);
        return buf;
    }
    }
}

pm_error pm_mkdir_p(const char *path, char *msg, size_t msgsize)
{
    char *copy = strdup(path);
    if (!copy) {
        snprintf(msg, msgsize, "%s: onvoldoende geheugen", path);
        return PM_ERR_NOMEM;
    }
    /* Create each prefix in turn; an existing folder is fine. */
    for (char *p = copy + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        struct stat sb;
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            snprintf(msg, msgsize, "map %s kan niet worden gemaakt: %s", copy,
                     pm_errno_text(errno));
            free(copy);
            return PM_ERR_IO;
        }
        if (stat(copy, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
            snprintf(msg, msgsize, "%s is geen map", copy);
            free(copy);
            return PM_ERR_IO;
        }
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(copy);
    return PM_OK;
}

pm_error pm_outfile_reserve(const char *path, char **tmp, char *msg, size_t msgsize)
{
    size_t len = strlen(path) + 16;
    *tmp = malloc(len);
    if (!*tmp) {
        snprintf(msg, msgsize, "%s: onvoldoende geheugen", path);
        return PM_ERR_NOMEM;
    }
    snprintf(*tmp, len, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(*tmp);
    if (fd < 0) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", path,
                 pm_errno_text(errno));
        free(*tmp);
        *tmp = NULL;
        return PM_ERR_IO;
    }
    close(fd);
    return PM_OK;
}

pm_error pm_outfile_rename(const char *tmp, const char *path, char *msg, size_t msgsize)
{
    /* The library that wrote tmp closed it: open it again to set the mode
     * and put it on disk before it takes the final name. */
    int fd = open(tmp, O_RDONLY);
    int failed = fd < 0 || fchmod(fd, public_mode()) != 0 || fsync(fd) != 0;
    if (fd >= 0)
        close(fd);
    if (failed || rename(tmp, path) != 0) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", path,
                 pm_errno_text(errno));
        unlink(tmp);
        return PM_ERR_IO;
    }
    return PM_OK;
}
