/* filename.h — how pijlermonitor names an imported file in the database and
 * in every output: by its file name alone, never by a folder of the machine.
 *
 * SPEC §7: outputs are identical across machines and hold no absolute
 * paths. The import records only the file name (import_bestanden.pad), and
 * everything that shows a recorded file passes it through here again,
 * because databases made before this rule hold the full path. */
#ifndef PM_FILENAME_H
#define PM_FILENAME_H

#include <string.h>

/* The last component of path ("data/2025/hulpvragen.csv" → "hulpvragen.csv");
 * path itself when it has no '/'. Points into path; NULL gives NULL. Only
 * '/' separates: a backslash is an ordinary character in a Linux file name. */
static inline const char *pm_filename_base(const char *path)
{
    if (!path)
        return NULL;
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

#endif
