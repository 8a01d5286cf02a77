/* xlsx_ahead.c — a worksheet's rows read on a second thread (xlsx_ahead.h).
 *
 * A ring of AHEAD_BATCHES batches: the reading thread fills the batch at
 * `head` while fewer than all are full and they hold less than AHEAD_TOTAL
 * bytes; the caller reads the batch at `tail` and gives it back when it
 * wants the next row after its last one. A batch ends at AHEAD_BYTES, so
 * one with a huge row holds little else, and while it is in the ring the
 * reading thread waits: at most one such copy exists at a time.
 * A batch holds copies of its rows (cells and text), so the reader's own
 * one-row buffers can move on. The batch that ends the sheet carries the
 * end or the failure, after its rows. */
#include "xlsx_ahead.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "bytebuf.h"
#include "error.h"

/* A batch ends after AHEAD_ROWS rows or AHEAD_BYTES of copies (cells and
 * text); the reading thread waits while the full batches hold AHEAD_TOTAL
 * bytes or more (but never for the first), so a sheet of huge rows is not
 * read four batches ahead either. */
enum {
    AHEAD_BATCHES = 4,
    AHEAD_ROWS = 512,
    AHEAD_BYTES = 1 << 20,
    AHEAD_TOTAL = 4 << 20
};

typedef struct arow {
    long num;
    size_t first, ncells; /* into the batch's cells */
} arow;

typedef struct batch {
    arow *rows;
    size_t nrows, rows_cap;
    pm_xlsx_cell *cells; /* text pointers set when the batch is handed over */
    size_t *offs;        /* each cell's text in `text` while the batch fills */
    size_t ncells, cells_cap;
    pm_bytebuf text; /* the cells' texts, each with its NUL */
    size_t bytes;    /* what the copies take, counted against AHEAD_TOTAL */
    bool done;       /* the sheet ends after these rows: */
    int rc;          /* PM_XLSX_END or PM_XLSX_FATAL */
    long err_row, err_col;
    char why[512];
} batch;

struct pm_xlsx_ahead {
    pm_xlsx *x;
    bool threaded;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t filled, freed;
    batch b[AHEAD_BATCHES];
    size_t head, tail, nfull; /* nfull counts the batch being read too */
    size_t bytes_full;        /* the bytes of those nfull batches */
    bool stop;
    /* the caller's side */
    batch *cur;
    size_t pos;
};

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return false;
    *p = q;
    *cap = n;
    return true;
}

static size_t batch_bytes(const batch *bt)
{
    return bt->ncells * (sizeof *bt->cells + sizeof *bt->offs) + bt->text.len;
}

/* Copies row into bt; false without memory, and then bt is as before. */
static bool add_row(batch *bt, const pm_xlsx_row *row)
{
    size_t cells_cap = bt->cells_cap;
    if (!grow((void **)&bt->rows, &bt->rows_cap, bt->nrows + 1, sizeof *bt->rows) ||
        !grow((void **)&bt->cells, &bt->cells_cap, bt->ncells + row->ncells,
              sizeof *bt->cells))
        return false;
    if (bt->cells_cap != cells_cap) {
        size_t *o = realloc(bt->offs, bt->cells_cap * sizeof *o);
        if (!o) {
            bt->cells_cap = cells_cap; /* offs still has the old size */
            return false;
        }
        bt->offs = o;
    }
    size_t ncells = bt->ncells, text_len = bt->text.len;
    for (size_t i = 0; i < row->ncells; i++) {
        const pm_xlsx_cell *c = &row->cells[i];
        size_t at = bt->text.len;
        if (!pm_bytebuf_add(&bt->text, c->text, c->len)) {
            bt->text.len = text_len; /* the row is not counted: nothing half-copied */
            return false;
        }
        bt->text.len++; /* the NUL stays with its text */
        bt->cells[ncells] = *c;
        bt->offs[ncells++] = at;
    }
    bt->rows[bt->nrows++] = (arow){row->num, bt->ncells, row->ncells};
    bt->ncells = ncells;
    return true;
}

/* A batch that held a huge row gives its memory back when it has been
 * read, so the ring does not keep four of them. */
static void shrink(batch *bt)
{
    if (bt->text.cap > 2 * (size_t)AHEAD_BYTES) {
        free(bt->text.p);
        bt->text = (pm_bytebuf){0};
    }
    if (bt->cells_cap * (sizeof *bt->cells + sizeof *bt->offs) >
        2 * (size_t)AHEAD_BYTES) {
        free(bt->cells);
        free(bt->offs);
        bt->cells = NULL;
        bt->offs = NULL;
        bt->cells_cap = 0;
    }
}

/* Reads rows into bt until it is full or the sheet ends. */
static void fill(pm_xlsx_ahead *a, batch *bt)
{
    bt->nrows = bt->ncells = bt->text.len = 0;
    bt->done = false;
    while (bt->nrows < AHEAD_ROWS && batch_bytes(bt) < AHEAD_BYTES) {
        pm_xlsx_row row;
        bt->err_row = bt->err_col = -1;
        int rc = pm_xlsx_next_row(a->x, &row, &bt->err_row, &bt->err_col, bt->why,
                                  sizeof bt->why);
        if (rc != PM_XLSX_ROW) {
            bt->done = true;
            bt->rc = rc;
            break;
        }
        if (!add_row(bt, &row)) {
            bt->done = true;
            bt->rc = PM_XLSX_FATAL;
            bt->err_row = bt->err_col = -1;
            snprintf(bt->why, sizeof bt->why, "%s", pm_strerror(PM_ERR_NOMEM));
            break;
        }
    }
    for (size_t i = 0; i < bt->ncells; i++)
        bt->cells[i].text = bt->text.p + bt->offs[i];
    bt->bytes = batch_bytes(bt);
}

static void *reader_main(void *arg)
{
    pm_xlsx_ahead *a = arg;
    for (;;) {
        pthread_mutex_lock(&a->mu);
        while ((a->nfull == AHEAD_BATCHES ||
                (a->nfull > 0 && a->bytes_full >= AHEAD_TOTAL)) &&
               !a->stop)
            pthread_cond_wait(&a->freed, &a->mu);
        bool stop = a->stop;
        batch *bt = &a->b[a->head];
        pthread_mutex_unlock(&a->mu);
        if (stop)
            return NULL;
        fill(a, bt);
        bool done = bt->done;
        pthread_mutex_lock(&a->mu);
        a->head = (a->head + 1) % AHEAD_BATCHES;
        a->nfull++;
        a->bytes_full += bt->bytes;
        pthread_cond_signal(&a->filled);
        pthread_mutex_unlock(&a->mu);
        if (done)
            return NULL;
    }
}

pm_xlsx_ahead *pm_xlsx_ahead_start(pm_xlsx *x, bool threaded)
{
    pm_xlsx_ahead *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->x = x;
    if (!threaded)
        return a;
    if (pthread_mutex_init(&a->mu, NULL) != 0)
        return a;
    if (pthread_cond_init(&a->filled, NULL) != 0) {
        pthread_mutex_destroy(&a->mu);
        return a;
    }
    if (pthread_cond_init(&a->freed, NULL) != 0) {
        pthread_cond_destroy(&a->filled);
        pthread_mutex_destroy(&a->mu);
        return a;
    }
    a->threaded = pthread_create(&a->thread, NULL, reader_main, a) == 0;
    if (!a->threaded) {
        pthread_cond_destroy(&a->freed);
        pthread_cond_destroy(&a->filled);
        pthread_mutex_destroy(&a->mu);
    }
    return a;
}

int pm_xlsx_ahead_next(pm_xlsx_ahead *a, pm_xlsx_row *row, long *err_row, long *err_col,
                       char *why, size_t whysize)
{
    if (!a->threaded)
        return pm_xlsx_next_row(a->x, row, err_row, err_col, why, whysize);
    for (;;) {
        batch *bt = a->cur;
        if (bt && a->pos < bt->nrows) {
            const arow *r = &bt->rows[a->pos++];
            row->num = r->num;
            row->ncells = r->ncells;
            row->cells = bt->cells + r->first;
            return PM_XLSX_ROW;
        }
        if (bt && bt->done) { /* kept: every later call says the same */
            *err_row = bt->err_row;
            *err_col = bt->err_col;
            if (bt->rc == PM_XLSX_FATAL)
                snprintf(why, whysize, "%s", bt->why);
            return bt->rc;
        }
        if (bt)
            shrink(bt); /* still ours: nothing huge is kept in the ring */
        pthread_mutex_lock(&a->mu);
        if (bt) { /* give the read batch back */
            a->tail = (a->tail + 1) % AHEAD_BATCHES;
            a->nfull--;
            a->bytes_full -= bt->bytes;
            pthread_cond_signal(&a->freed);
        }
        while (a->nfull == 0)
            pthread_cond_wait(&a->filled, &a->mu);
        a->cur = &a->b[a->tail];
        pthread_mutex_unlock(&a->mu);
        a->pos = 0;
    }
}

void pm_xlsx_ahead_stop(pm_xlsx_ahead *a)
{
    if (!a)
        return;
    if (a->threaded) {
        pthread_mutex_lock(&a->mu);
        a->stop = true;
        pthread_cond_broadcast(&a->freed);
        pthread_mutex_unlock(&a->mu);
        pthread_join(a->thread, NULL);
        pthread_cond_destroy(&a->freed);
        pthread_cond_destroy(&a->filled);
        pthread_mutex_destroy(&a->mu);
    }
    for (size_t i = 0; i < AHEAD_BATCHES; i++) {
        free(a->b[i].rows);
        free(a->b[i].cells);
        free(a->b[i].offs);
        free(a->b[i].text.p);
    }
    free(a);
}
