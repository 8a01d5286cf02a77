/* test_fuzz_regressions.c — every input on which a fuzz target (fuzz/) found a
 * crash, a sanitizer report or a broken invariant, replayed through the same
 * engine function with the input embedded byte for byte. Prints TAP.
 *
 * To add a finding: paste fuzz/findings/<target>/crash-* as a byte array
 * (xxd -i), name the file it came from, and check the behaviour after the fix. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jsonrd.h"
#include "tap.h"

static char tmpdir[] = "/tmp/pm_test_fuzzreg_XXXXXX";
static char paths[16][300];
static int npaths;

/* Writes the bytes to a new file in tmpdir; returns its path. */
static const char *write_file(const unsigned char *data, size_t len)
{
    char *path = paths[npaths];
    snprintf(path, sizeof paths[0], "%s/f%d", tmpdir, npaths);
    npaths++;
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(99);
    }
    return path;
}

/* fuzz_jsonrd, crash-e15d71d2b32cdb6051a7394c877b331181a2e281 (derived from
 * the seed fuzz/corpus/jsonrd/scalars): a UTF-8 BOM in front of the eighth
 * element. cJSON skips a BOM at the start of whatever it parses, and the
 * reader parses each element on its own, so "\xEF\xBB\xBF{}" was accepted as
 * {} where a parse of the whole file rejects it (broken invariant "the reader
 * accepts only JSON arrays"). Fixed in engine/jsonrd.c parse_element(). */
static const unsigned char jsonrd_bom_1[] = {
    0x5b, 0x31, 0x2c, 0x20, 0x2d, 0x32, 0x2e, 0x35, 0x65, 0x33, 0x2c, 0x20,
    0x22, 0x73, 0x20, 0x22, 0x2c, 0x20, 0x74, 0x72, 0x75, 0x65, 0x2c, 0x20,
    0x66, 0x61, 0x6c, 0x73, 0x65, 0x2c, 0x20, 0x6e, 0x75, 0x6c, 0x6c, 0x2c,
    0x20, 0x5b, 0x5d, 0x2c, 0x20, 0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0x5d,
};

/* fuzz_jsonrd, crash-6b803da873cd1a8003d6112fb83859838ef1370d: the same
 * defect, found again in a later run before the fix. */
static const unsigned char jsonrd_bom_2[] = {
    0x5b, 0x31, 0x2c, 0x20, 0x2d, 0x32, 0x2e, 0x35, 0x65, 0x33, 0x2c, 0x20,
    0x22, 0x73, 0x22, 0x2c, 0x20, 0x74, 0x72, 0x75, 0x65, 0x2c, 0x20, 0x66,
    0x61, 0x6c, 0x73, 0x65, 0x2c, 0x20, 0x6e, 0x75, 0x6c, 0x6c, 0x2c, 0x20,
    0x5b, 0x5d, 0x2c, 0x20, 0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0x5d,
};

/* Reads a JSON file to its end; returns the final result of pm_jsonrd_next,
 * with the elements counted and the record number and message of the end. */
static int jsonrd_read_all(const unsigned char *data, size_t len, long *nelem,
                           long *recno, char *msg, size_t msgsize)
{
    pm_jsonrd *rd = NULL;
    *nelem = 0;
    if (pm_jsonrd_open(&rd, write_file(data, len), msg, msgsize) != PM_OK)
        return 99;
    cJSON *e = NULL;
    int r;
    for (;;) {
        r = pm_jsonrd_next(rd, &e, recno, msg, msgsize);
        if (r != PM_JSONRD_ELEMENT)
            break;
        (*nelem)++;
        cJSON_Delete(e);
    }
    pm_jsonrd_close(rd);
    return r;
}

static void jsonrd_rejects_a_bom_before_an_element(void)
{
    static const struct {
        const unsigned char *data;
        size_t len;
    } cases[] = {
        {jsonrd_bom_1, sizeof jsonrd_bom_1},
        {jsonrd_bom_2, sizeof jsonrd_bom_2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char msg[256] = "";
        long nelem = 0, recno = 0;
        int r =
            jsonrd_read_all(cases[i].data, cases[i].len, &nelem, &recno, msg, sizeof msg);
        CHECK(r == PM_JSONRD_FATAL, "jsonrd_bom_before_an_element_is_fatal");
        CHECK(nelem == 7 && recno == 8, "jsonrd_bom_element_is_record_8_after_7_good");
        CHECK_STR(msg, "ongeldige JSON in record 8 (regel 1)",
                  "jsonrd_bom_element_is_reported_as_invalid_json");
    }
}

/* The fix must not touch the BOM the reader does accept: the one at the
 * very start of the file. */
static void jsonrd_still_accepts_a_bom_at_the_start(void)
{
    static const unsigned char data[] = "\xEF\xBB\xBF[{}, 1]";
    char msg[256] = "";
    long nelem = 0, recno = 0;
    int r = jsonrd_read_all(data, sizeof data - 1, &nelem, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END && nelem == 2, "jsonrd_bom_at_the_start_is_still_skipped");
}

/* fuzz_jsonrd, crash-e95f9acda68904d71a6947c116bf0e753f85d415: two BOMs in
 * front of a valid array. cJSON skips a BOM itself, so the harness's
 * reference (one BOM stripped by the harness, one by cJSON) accepted the
 * file; the reader refuses it, rightly: only the first BOM is a BOM. The fix
 * was in the harness; this pins the reader's behaviour. */
static void jsonrd_refuses_a_second_bom(void)
{
    static const unsigned char data[] =
        "\xEF\xBB\xBF\xEF\xBB\xBF[{\"id\":\"V-0\",\"score\":7}]";
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    pm_error err =
        pm_jsonrd_open(&rd, write_file(data, sizeof data - 1), msg, sizeof msg);
    CHECK(err != PM_OK && rd == NULL && msg[0], "jsonrd_two_boms_are_refused_at_open");
    pm_jsonrd_close(rd);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 99;
    }
    jsonrd_rejects_a_bom_before_an_element();
    jsonrd_still_accepts_a_bom_at_the_start();
    jsonrd_refuses_a_second_bom();

    for (int i = 0; i < npaths; i++)
        unlink(paths[i]);
    rmdir(tmpdir);
    return tap_done();
}
