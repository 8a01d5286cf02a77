/* outfile.c — Dutch words for file errors, and mkdir -p. Writing output
 * files is outset.c's job. */
#include "outfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
