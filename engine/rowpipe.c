/* rowpipe.c — see rowpipe.h. A ring of a few batches between two threads:
 * the reading side fills one while the writer empties another. */
#include "rowpipe.h"

#include "bytebuf.h"

#include <pthread.h>
#include <stdlib.h>

/* Four batches of 1024 rows: enough to ride out the writer's slower rows
 * (a B-tree page split, a page written out) without holding more than a
 * few hundred kilobytes of rows. */
#define NBATCH 4
#define BATCH_ROWS 1024
#define NO_TEXT ((size_t)-1)

typedef struct pipe_row {
    long line;
    uint64_t hash;
    bool ok;
    bool trailing;     /* not a row: the messages after the last one */
    size_t errors_end; /* the staging list's counts once this row ended */
    size_t warnings_end;
} pipe_row;

typedef struct batch {
    pipe_row rows[BATCH_ROWS];
    size_t n;
    pm_value *vals;   /* BATCH_ROWS × nfields; texts are in the arena */
    size_t *text_at;  /* offset in the arena of each value's text, or NO_TEXT */
    pm_bytebuf arena; /* the texts, each with its NUL */
    pm_diag diag;     /* the staging list of this batch's rows */
} batch;

struct pm_rowpipe {
    size_t nfields;
    pm_diag *to;
    pm_rowpipe_write_fn write;
    void *ctx;
    batch *batches[NBATCH];
    pm_value *scratch; /* the writer's row, texts resolved */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t filled, emptied;
    /* Under mu: */
    size_t head;  /* the batch the reading side fills */
    size_t tail;  /* the next batch for the writer */
    size_t count; /* batches handed over and not yet emptied */
    bool done;    /* nothing more will be handed over */
    bool stopped; /* the writer met a failure */
    long seen;    /* writer: rows gone through (pm_rowpipe_finish) */
    /* Reading side only: */
    bool nomem;
};

static void batch_free(batch *b)
{
    if (!b)
        return;
    free(b->vals);
    free(b->text_at);
    free(b->arena.p);
    pm_diag_free(&b->diag);
    free(b);
}

static batch *batch_new(size_t nfields, size_t cap)
{
    batch *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->vals = calloc(BATCH_ROWS * nfields, sizeof *b->vals);
    b->text_at = calloc(BATCH_ROWS * nfields, sizeof *b->text_at);
    b->arena.first = 64 * 1024;
    pm_diag_init(&b->diag, cap);
    if (!b->vals || !b->text_at) {
        batch_free(b);
        return NULL;
    }
    return b;
}

/* Writer side: moves each row's messages, then writes the row. Returns
 * false once the write function asked to stop. */
static bool write_batch(pm_rowpipe *p, batch *b)
{
    size_t errors_at = 0, warnings_at = 0;
    bool go = true;
    for (size_t r = 0; r < b->n && go; r++) {
        const pipe_row *row = &b->rows[r];
        pm_diag_move(p->to, &b->diag, errors_at, row->errors_end, warnings_at,
                     row->warnings_end);
        errors_at = row->errors_end;
        warnings_at = row->warnings_end;
        p->seen += !row->trailing;
        if (!row->ok)
            continue;
        const pm_value *v = &b->vals[r * p->nfields];
        const size_t *at = &b->text_at[r * p->nfields];
        for (size_t f = 0; f < p->nfields; f++) {
            p->scratch[f] = v[f];
            p->scratch[f].text = at[f] == NO_TEXT ? NULL : b->arena.p + at[f];
        }
        go = p->write(p->ctx, row->line, row->hash, p->scratch) >= 0;
    }
    pm_diag_clear(&b->diag);
    b->n = 0;
    b->arena.len = 0;
    return go;
}

static void *writer_main(void *arg)
{
    pm_rowpipe *p = arg;
    bool go = true;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (p->count == 0 && !p->done)
            pthread_cond_wait(&p->filled, &p->mu);
        if (p->count == 0) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        batch *b = p->batches[p->tail];
        pthread_mutex_unlock(&p->mu);
        if (go) {
            go = write_batch(p, b);
        } else { /* stopped: only empty the batch, so the reader never waits */
            pm_diag_clear(&b->diag);
            b->n = 0;
            b->arena.len = 0;
        }
        pthread_mutex_lock(&p->mu);
        p->stopped |= !go;
        p->tail = (p->tail + 1) % NBATCH;
        p->count--;
        pthread_cond_signal(&p->emptied);
        pthread_mutex_unlock(&p->mu);
    }
}

pm_rowpipe *pm_rowpipe_start(size_t nfields, pm_diag *to, pm_rowpipe_write_fn write,
                             void *ctx)
{
    pm_rowpipe *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    *p = (pm_rowpipe){
        .nfields = nfields ? nfields : 1, .to = to, .write = write, .ctx = ctx};
    bool ok = (p->scratch = calloc(p->nfields, sizeof *p->scratch)) != NULL;
    for (size_t i = 0; i < NBATCH && ok; i++)
        ok = (p->batches[i] = batch_new(p->nfields, to->cap)) != NULL;
    if (ok && pthread_mutex_init(&p->mu, NULL) != 0)
        ok = false;
    if (ok && pthread_cond_init(&p->filled, NULL) != 0) {
        pthread_mutex_destroy(&p->mu);
        ok = false;
    }
    if (ok && pthread_cond_init(&p->emptied, NULL) != 0) {
        pthread_cond_destroy(&p->filled);
        pthread_mutex_destroy(&p->mu);
        ok = false;
    }
    if (ok && pthread_create(&p->thread, NULL, writer_main, p) != 0) {
        pthread_cond_destroy(&p->emptied);
        pthread_cond_destroy(&p->filled);
        pthread_mutex_destroy(&p->mu);
        ok = false;
    }
    if (!ok) {
        for (size_t i = 0; i < NBATCH; i++)
            batch_free(p->batches[i]);
        free(p->scratch);
        free(p);
        return NULL;
    }
    return p;
}

pm_diag *pm_rowpipe_diag(pm_rowpipe *p)
{
    return &p->batches[p->head]->diag;
}

/* Reading side: hands the filled batch over and waits until the next one
 * is free. Returns false when the writer has stopped. */
static bool hand_over(pm_rowpipe *p)
{
    pthread_mutex_lock(&p->mu);
    p->count++;
    p->head = (p->head + 1) % NBATCH;
    pthread_cond_signal(&p->filled);
    while (p->count == NBATCH)
        pthread_cond_wait(&p->emptied, &p->mu);
    bool go = !p->stopped;
    pthread_mutex_unlock(&p->mu);
    return go;
}

/* Copies s[0..len) into the batch's arena; its offset in *at. */
static bool arena_add(batch *b, const char *s, size_t len, size_t *at)
{
    size_t start = b->arena.len;
    if (!pm_bytebuf_add(&b->arena, s, len))
        return false;
    b->arena.len++; /* keeps the NUL: the row rules' texts are C strings */
    *at = start;
    return true;
}

pm_error pm_rowpipe_submit(pm_rowpipe *p, long line, bool ok, uint64_t hash,
                           const pm_value *vals)
{
    batch *b = p->batches[p->head];
    pipe_row *row = &b->rows[b->n];
    *row = (pipe_row){.line = line,
                      .hash = hash,
                      .ok = ok,
                      .errors_end = b->diag.nerrors,
                      .warnings_end = b->diag.nwarnings};
    if (ok) {
        pm_value *v = &b->vals[b->n * p->nfields];
        size_t *at = &b->text_at[b->n * p->nfields];
        for (size_t f = 0; f < p->nfields; f++) {
            v[f] = vals[f];
            at[f] = NO_TEXT;
            if (vals[f].present && vals[f].text &&
                !arena_add(b, vals[f].text, vals[f].len, &at[f])) {
                p->nomem = true;
                row->ok = false;
                break;
            }
        }
    }
    b->n++;
    if (b->n == BATCH_ROWS && !hand_over(p))
        return PM_ERR_DB;
    return p->nomem ? PM_ERR_NOMEM : PM_OK;
}

pm_error pm_rowpipe_finish(pm_rowpipe *p, long *seen)
{
    if (!p)
        return PM_OK;
    batch *b = p->batches[p->head];
    /* Messages reported after the last row still belong to the file. */
    size_t last_e = b->n ? b->rows[b->n - 1].errors_end : 0;
    size_t last_w = b->n ? b->rows[b->n - 1].warnings_end : 0;
    if (b->diag.nerrors > last_e || b->diag.nwarnings > last_w) {
        b->rows[b->n++] = (pipe_row){.line = 0,
                                     .ok = false,
                                     .trailing = true,
                                     .errors_end = b->diag.nerrors,
                                     .warnings_end = b->diag.nwarnings};
    }
    pthread_mutex_lock(&p->mu);
    if (b->n) {
        p->count++;
        p->head = (p->head + 1) % NBATCH;
    }
    p->done = true;
    pthread_cond_signal(&p->filled);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->thread, NULL);
    if (seen)
        *seen = p->seen;
    pm_error err = p->stopped ? PM_ERR_DB : p->nomem ? PM_ERR_NOMEM : PM_OK;
    pthread_cond_destroy(&p->emptied);
    pthread_cond_destroy(&p->filled);
    pthread_mutex_destroy(&p->mu);
    for (size_t i = 0; i < NBATCH; i++)
        batch_free(p->batches[i]);
    free(p->scratch);
    free(p);
    return err;
}
