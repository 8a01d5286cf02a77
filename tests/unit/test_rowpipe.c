/* test_rowpipe.c — unit tests for engine/rowpipe.c: the rows are written on
 * another thread, in order, with every row's messages moved into the
 * import's list just before that row is written; a writer that stops ends
 * the pipe with PM_ERR_DB and the reader never waits forever. Prints TAP. */
#include "rowpipe.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

typedef struct sink {
    pthread_t reader;
    bool other_thread; /* every write ran on a thread other than the reader's */
    long written, next_line;
    bool in_order, texts_ok;
    long stop_at; /* return -1 at this line (0: never) */
    pm_diag *to;
} sink;

static int write_fn(void *ctx, long line, uint64_t hash, const pm_value *vals)
{
    sink *s = ctx;
    s->other_thread &= !pthread_equal(pthread_self(), s->reader);
    s->in_order &= line > s->next_line && hash == (uint64_t)line * 3;
    s->next_line = line;
    char want[32];
    snprintf(want, sizeof want, "id-%ld", line);
    s->texts_ok &= vals[0].present && strcmp(vals[0].text, want) == 0 &&
                   vals[0].len == strlen(want) && vals[1].num == line && !vals[2].present;
    if (s->stop_at && line == s->stop_at)
        return -1;
    /* The writer's own message for this row, after the reader's. */
    if (line % 1000 == 0)
        pm_diag_error(s->to, "f.csv", line, "id", "schrijver");
    s->written++;
    return 1;
}

/* Feeds n rows; rows whose line is a multiple of 7 get a reader's error and
 * are not written. */
static pm_error feed(pm_rowpipe *p, long n)
{
    pm_error err = PM_OK;
    for (long line = 1; line <= n && !err; line++) {
        char id[32];
        snprintf(id, sizeof id, "id-%ld", line);
        pm_value v[3] = {{.present = true, .text = id, .len = strlen(id)},
                         {.present = true, .num = line},
                         {.present = false}};
        bool ok = line % 7 != 0;
        if (!ok)
            pm_diag_error(pm_rowpipe_diag(p), "f.csv", line, "datum", "lezer");
        err = pm_rowpipe_submit(p, line, ok, (uint64_t)line * 3, v);
    }
    return err;
}

/* One pipe of n rows into a list of cap lines, the writer stopping at
 * stop_at (0: never). */
typedef struct run {
    pm_diag d;
    sink s;
    bool started;
    pm_error fed, finished;
    long seen;
} run;

static void run_pipe(run *r, size_t cap, long n, long stop_at)
{
    pm_diag_init(&r->d, cap);
    r->s = (sink){.reader = pthread_self(),
                  .other_thread = true,
                  .in_order = true,
                  .texts_ok = true,
                  .stop_at = stop_at,
                  .to = &r->d};
    pm_rowpipe *p = pm_rowpipe_start(3, &r->d, write_fn, &r->s);
    r->started = p != NULL;
    r->fed = p ? feed(p, n) : PM_ERR_NOMEM;
    r->seen = 0;
    r->finished = pm_rowpipe_finish(p, &r->seen);
}

/* The line number in a kept message "f.csv:LINE: ...". */
static long line_of(const char *msg)
{
    return strtol(strchr(msg, ':') + 1, NULL, 10);
}

static void test_order(void)
{
    run r;
    run_pipe(&r, 5000, 5000, 0); /* five batches of 1024 and a part */
    CHECK(r.started && r.fed == PM_OK && r.finished == PM_OK && r.seen == 5000,
          "pipe_finishes_without_error");
    CHECK(r.s.other_thread, "rows_are_written_on_another_thread");
    CHECK(r.s.in_order && r.s.texts_ok, "rows_arrive_in_order_with_their_values");
    CHECK(r.s.written == 5000 - 5000 / 7, "every_row_without_an_error_is_written");
    /* Reader's errors (every 7th line) and writer's (every 1000th) interleave
     * by line. */
    long last = 0;
    bool sorted = r.d.kept_errors == r.d.nerrors && r.d.nerrors == 5000 / 7 + 5;
    for (size_t i = 0; i < r.d.kept_errors && sorted; i++) {
        sorted = line_of(r.d.errors[i]) > last;
        last = line_of(r.d.errors[i]);
    }
    CHECK(sorted, "messages_of_reader_and_writer_stand_in_line_order");
    pm_diag_free(&r.d);
}

static void test_cap(void)
{
    run r;
    run_pipe(&r, 100, 3000, 0);
    CHECK(r.d.kept_errors == 100 && r.d.nerrors == 3000 / 7 + 3,
          "past_the_cap_messages_are_counted_not_kept");
    CHECK(r.d.kept_errors == 100 && line_of(r.d.errors[0]) == 7 &&
              line_of(r.d.errors[99]) == 700,
          "the_first_hundred_are_kept");
    pm_diag_free(&r.d);
}

static void test_stop(void)
{
    run r;
    run_pipe(&r, 5000, 20000, 1500); /* the reader notices at a hand-over */
    CHECK(r.fed == PM_ERR_DB && r.finished == PM_ERR_DB && r.seen == 1500,
          "a_stopping_writer_ends_the_pipe_with_db_at_its_row");
    CHECK(r.s.written == 1499 - 1499 / 7 && r.s.next_line == 1500,
          "nothing_is_written_after_the_stop");
    bool before = true;
    for (size_t i = 0; i < r.d.kept_errors; i++)
        before &= line_of(r.d.errors[i]) < 1500;
    CHECK(before && r.d.nerrors == 1499 / 7 + 1, "no_message_after_the_stop");
    pm_diag_free(&r.d);
}

int main(void)
{
    test_order();
    test_cap();
    test_stop();
    return tap_done();
}
