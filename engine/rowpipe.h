/* rowpipe.h — hands converted rows from the thread that reads and checks
 * them to a second thread that writes them (issue 17 point 5).
 *
 * Why: an import spends about a third of its row phase reading, converting
 * and checking fields and the rest in SQLite. On two cores the two halves
 * can overlap. SQLite still sees one connection used by one thread at a
 * time: the reading thread never touches the database while a pipe runs.
 *
 * Messages keep their order. While a pipe runs, the reading side reports
 * into the pipe's staging list (pm_rowpipe_diag); the writing thread moves
 * each row's messages into the import's own list just before it writes
 * that row, so a message of the writer (a repeated id) lands where it would
 * have without the pipe. The staging list keeps at most the import list's
 * `cap` lines per batch, never fewer than that list can still take; the
 * rest are counted, as pm_diag does.
 *
 * Ownership: pm_rowpipe_start's pipe is ended by pm_rowpipe_finish, which
 * joins the thread and frees everything. Values are copied at submit. */
#ifndef PM_ROWPIPE_H
#define PM_ROWPIPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "error.h"

typedef struct pm_rowpipe pm_rowpipe;

/* Writes one row that passed every check on the reading side, in the
 * writing thread. vals[0..nfields) are valid for the call only. Returns a
 * negative number to stop the pipe (a database failure): the rows after it
 * are neither written nor reported, as an import stops at such a failure. */
typedef int (*pm_rowpipe_write_fn)(void *ctx, long line, uint64_t hash,
                                   const pm_value *vals);

/* Starts the writing thread. `to` is the import's message list, written by
 * that thread only until pm_rowpipe_finish. NULL when no thread or memory
 * could be had: the caller then writes the rows itself. */
pm_rowpipe *pm_rowpipe_start(size_t nfields, pm_diag *to, pm_rowpipe_write_fn write,
                             void *ctx);

/* The list the reading side reports a row's problems to. It may change at
 * every pm_rowpipe_submit: ask again for each row. */
pm_diag *pm_rowpipe_diag(pm_rowpipe *p);

/* Ends the current row: its messages so far belong to it; when ok, its
 * values (copied) are written with hash. PM_ERR_DB once the writer has
 * stopped, PM_ERR_NOMEM without memory for the copy. */
pm_error pm_rowpipe_submit(pm_rowpipe *p, long line, bool ok, uint64_t hash,
                           const pm_value *vals);

/* Hands over what is left, waits for the writer and frees the pipe (NULL is
 * fine). PM_ERR_DB when the writer stopped, PM_ERR_NOMEM when a submit
 * failed for memory. *seen (when not NULL) is the number of submitted rows
 * the writer went through, the one it stopped at included: the reader may
 * have read further, but a one-thread import stops at that row. */
pm_error pm_rowpipe_finish(pm_rowpipe *p, long *seen);

#endif
