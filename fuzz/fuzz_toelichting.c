/* fuzz_toelichting.c — libFuzzer target for the coordinator's toelichting
 * (engine/toelichting.c): pm_toelichting_parse on the raw bytes.
 *
 * Invariants checked for every input:
 *   - the result is PM_OK with a toelichting, or PM_ERR_DATA without one and
 *     a message "fz.md:LINE: reason" whose line lies inside the input (or
 *     "fz.md: " for a file-wide reason);
 *   - on PM_OK every section that is present has blocks, every block a
 *     depth 0..3, every run non-NULL UTF-8 text without the characters SPEC §2
 *     forbids (what reaches the PDF and the workbook), every link one of
 *     https://, http://, mailto:;
 *   - parsing is deterministic: a second parse of the same bytes gives the
 *     same outcome. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz_common.h"
#include "toelichting.h"
#include "value.h"

/* Lines as CommonMark counts them: LF, CR and CRLF each end one. */
static long count_lines(const uint8_t *data, size_t size)
{
    long n = 1;
    for (size_t i = 0; i < size; i++)
        if (data[i] == '\n' ||
            (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
            n++;
    return n;
}

static void check_text(const char *t)
{
    FUZZ_ASSERT(t != NULL, "run text is never NULL");
    size_t len = strlen(t);
    FUZZ_ASSERT(pm_utf8_valid(t, len), "run text is valid UTF-8");
    uint32_t cp;
    size_t pos;
    FUZZ_ASSERT(pm_text_check(t, len, false, &cp, &pos) == PM_TEXT_OK,
                "run text holds no character an output cannot hold");
}

static void check_result(const pm_toelichting *t)
{
    FUZZ_ASSERT(strcmp(t->name, "fz.md") == 0, "the name is the file name");
    for (int k = 0; k < PM_TL_NSECTIONS; k++) {
        const pm_tl_section *s = &t->sections[k];
        FUZZ_ASSERT(!s->present || s->nblocks > 0, "a present section has blocks");
        for (size_t b = 0; b < s->nblocks; b++) {
            const pm_tl_block *bl = &s->blocks[b];
            FUZZ_ASSERT(bl->depth >= 0 && bl->depth <= 3, "depth 0..3");
            for (size_t r = 0; r < bl->nruns; r++) {
                check_text(bl->runs[r].text);
                const char *u = bl->runs[r].url;
                if (u) {
                    check_text(u);
                    FUZZ_ASSERT(strncasecmp(u, "https://", 8) == 0 ||
                                    strncasecmp(u, "http://", 7) == 0 ||
                                    strncasecmp(u, "mailto:", 7) == 0,
                                "a link goes to https, http or mailto only");
                }
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    pm_toelichting *t = NULL;
    char msg[512];
    msg[0] = '\0';
    pm_error err =
        pm_toelichting_parse("dir/fz.md", (const char *)data, size, &t, msg, sizeof msg);
    FUZZ_ASSERT(err == PM_OK || err == PM_ERR_DATA, "only OK or invalid data");
    if (err == PM_OK) {
        FUZZ_ASSERT(t != NULL, "OK gives a toelichting");
        check_result(t);
    } else {
        FUZZ_ASSERT(t == NULL, "an error gives no toelichting");
        long line = 0;
        FUZZ_ASSERT(strncmp(msg, "fz.md:", 6) == 0, "the message names the file");
        if (msg[6] != ' ') {
            FUZZ_ASSERT(sscanf(msg + 6, "%ld", &line) == 1, "a line number");
            FUZZ_ASSERT(line >= 1 && line <= count_lines(data, size),
                        "the line lies inside the input");
        }
    }
    pm_toelichting *again = NULL;
    char msg2[512];
    msg2[0] = '\0';
    pm_error err2 = pm_toelichting_parse("dir/fz.md", (const char *)data, size, &again,
                                         msg2, sizeof msg2);
    FUZZ_ASSERT(err2 == err && strcmp(msg, msg2) == 0,
                "the same bytes, the same outcome");
    pm_toelichting_free(t);
    pm_toelichting_free(again);
    return 0;
}
