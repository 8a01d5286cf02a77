/* outset.h — the output set of one run: every file a command writes into a
 * user's folder goes through here (SPEC §6 "Safety of the user's files").
 *
 * The life of a set: protect the files no output may replace (database,
 * inputs, configuration), add the outputs, prepare (checks every output
 * against the protected files and each other, then makes the folders and a
 * temporary file beside every target), let the exporters fill the
 * temporaries, commit (all outputs take their final names together) and
 * free (which, without a commit, removes every temporary and every folder
 * the set made: all or none).
 *
 * A folder output (--png DIR) belongs to pijlermonitor: a manifest in it
 * lists the files the last run wrote; a commit removes the files of the
 * previous manifest that this run did not write, and nothing else. */
#ifndef PM_OUTSET_H
#define PM_OUTSET_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct pm_outset pm_outset;

/* The manifest of a chart folder. */
#define PM_OUTSET_MANIFEST ".pijlermonitor-grafieken"

/* Flags of pm_outset_add_file. */
enum {
    PM_OUTSET_NOREPLACE = 1 /* never replace an existing file (sjabloon) */
};

/* A new, empty set, or NULL when out of memory. Free it with
 * pm_outset_free. */
pm_outset *pm_outset_new(void);

/* Without a successful commit: removes every temporary file and every folder
 * the set created (if still empty), so nothing of the run remains. Then
 * frees the set. Accepts NULL. */
void pm_outset_free(pm_outset *s);

/* Marks path as a file no output may replace; `what` names it in messages
 * ("de database"). The path need not exist. After pm_outset_prepare the
 * outputs are checked against it at once (PM_ERR_USAGE naming both).
 * PM_ERR_NOMEM or PM_OK. */
pm_error pm_outset_protect(pm_outset *s, const char *what, const char *path, char *msg,
                           size_t msgsize);

/* Adds an output file; `what` names it in messages (its option, "--xlsx").
 * *id receives its number for pm_outset_tmp. PM_ERR_NOMEM or PM_OK. */
pm_error pm_outset_add_file(pm_outset *s, const char *what, const char *path, int flags,
                            size_t *id, char *msg, size_t msgsize);

/* Adds an output folder whose files are named later, by the exporter, with
 * pm_outset_dir_file. *id receives its number. PM_ERR_NOMEM or PM_OK. */
pm_error pm_outset_add_dir(pm_outset *s, const char *what, const char *dir, size_t *id,
                           char *msg, size_t msgsize);

/* Before anything is written: PM_ERR_USAGE naming both when an output is a
 * protected file or another output of the set (same device and inode, or
 * the same resolved path: symlinks, "./", "dir/..", hard links). Then makes
 * the output folders and a temporary file beside every output file:
 * PM_ERR_IO with a Dutch reason when a folder cannot be made or written, or
 * a target is a folder or not an ordinary file. On failure nothing of the
 * user's changed; free the set. */
pm_error pm_outset_prepare(pm_outset *s, char *msg, size_t msgsize);

/* The temporary file an exporter writes output id into (it exists, empty;
 * the exporter may open it by name and truncate it), and the name the user
 * gave, for messages. Valid after pm_outset_prepare until free. */
const char *pm_outset_tmp(const pm_outset *s, size_t id);
const char *pm_outset_path(const pm_outset *s, size_t id);

/* A file `name` (no '/') in output folder dir, asked for by an exporter:
 * checked like the others (PM_ERR_USAGE), then a temporary is made (PM_ERR_IO)
 * and *tmp set to it and *shown to "DIR/name" for messages; both stay valid
 * until free. */
pm_error pm_outset_dir_file(pm_outset *s, size_t dir, const char *name, const char **tmp,
                            const char **shown, char *msg, size_t msgsize);

/* Writes len bytes into the temporary of output id (for small files the
 * command composes itself). PM_ERR_IO with a Dutch reason. */
pm_error pm_outset_fill(pm_outset *s, size_t id, const void *data, size_t len, char *msg,
                        size_t msgsize);

/* Puts every output in place: each temporary gets the permission bits of
 * the file it replaces (a new file: 0666 minus the umask) and is synced;
 * only when all that succeeded are they renamed to their final names. A
 * NOREPLACE output is linked, never renamed, so a file that appeared in the
 * meantime is not replaced ("bestaat al"). Then each output folder loses the
 * files of its previous manifest that this run did not write, and gets its
 * new manifest. PM_ERR_IO with a Dutch reason naming the file. */
pm_error pm_outset_commit(pm_outset *s, char *msg, size_t msgsize);

#endif
