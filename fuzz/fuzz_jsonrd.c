/* fuzz_jsonrd.c — libFuzzer target for the streaming JSON reader
 * (engine/jsonrd.c): opens the input as a file and reads every element.
 *
 * Invariants checked for every input:
 *   - open fails cleanly (NULL reader, a message) or succeeds;
 *   - an element comes with the next record number (1, 2, 3, ...) and is
 *     freed with cJSON_Delete; END and FATAL come without one, FATAL with a
 *     message, and both stay once reached; bytes_read never goes back and
 *     never passes the file size;
 *   - every number carries its literal text, which strtod reads whole to
 *     exactly the double cJSON read;
 *   - agreement with cJSON reading the whole file at once: when cJSON parses
 *     the input as an array (strict RFC 8259 whitespace, no NUL, no \u0000
 *     escape, which the reader refuses), the reader
 *     returns exactly its elements and END; when the reader reaches END (and
 *     nesting stays below cJSON's limit), cJSON accepts the file as an array
 *     with those elements;
 *   - for one input in eight (by its hash): the same input with spaces
 *     before it (after a BOM, which must stay first), so that the reader's
 *     64 KiB chunk boundary falls inside the elements, gives the same
 *     results, record numbers, elements and messages (spaces add no lines,
 *     so even the messages are equal). */
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "jsonrd.h"

/* The chunk size of engine/jsonrd.c (CHUNK_SIZE, private to that file). */
#define JSON_CHUNK 65536u

/* One input in this many is also read in the padded forms. */
#define PADDED_EVERY 8u

typedef struct reader {
    pm_jsonrd *rd;
    pm_error err;
    int last;
    long recno;
    uint64_t prev_bytes;
    char msg[512];
} reader;

static void open_reader(reader *r, int slot, const uint8_t *const *piece,
                        const size_t *len, size_t n)
{
    memset(r, 0, sizeof *r);
    r->last = PM_JSONRD_ELEMENT;
    const char *path = fuzz_write_pieces(slot, piece, len, n);
    r->err = pm_jsonrd_open(&r->rd, path, r->msg, sizeof r->msg);
    if (r->err != PM_OK) {
        FUZZ_ASSERT(r->rd == NULL, "a failed open leaves *out NULL");
        FUZZ_ASSERT(r->msg[0] != '\0', "a failed open gives a message");
        return;
    }
    FUZZ_ASSERT(r->rd != NULL, "a successful open gives a reader");
    r->prev_bytes = pm_jsonrd_bytes_read(r->rd);
}

/* Ordered structural equality. cJSON_Compare looks object members up by key,
 * so with a repeated key it is not even reflexive; the reader must give the
 * members exactly as written, repeats and order included. */
static bool same_json(const cJSON *a, const cJSON *b)
{
    while (a && b) {
        if ((a->type & 0xFF) != (b->type & 0xFF))
            return false;
        if ((a->string == NULL) != (b->string == NULL) ||
            (a->string && strcmp(a->string, b->string) != 0))
            return false;
        /* A number's literal (jsonrd.h) is only in the reader's elements;
         * check_literals ties it to the double. */
        bool number = (a->type & 0xFF) == cJSON_Number;
        bool both = a->valuestring && b->valuestring;
        if ((!number && (a->valuestring == NULL) != (b->valuestring == NULL)) ||
            (both && strcmp(a->valuestring, b->valuestring) != 0))
            return false;
        if (memcmp(&a->valuedouble, &b->valuedouble, sizeof a->valuedouble) != 0)
            return false;
        if (!same_json(a->child, b->child))
            return false;
        a = a->next;
        b = b->next;
    }
    return a == NULL && b == NULL;
}

/* Every number of a reader's element carries its literal text: a run of
 * number characters that strtod reads whole to exactly cJSON's double. */
static void check_literals(const cJSON *item)
{
    for (; item; item = item->next) {
        if (cJSON_IsNumber(item)) {
            const char *lit = item->valuestring;
            FUZZ_ASSERT(lit != NULL && lit[0] != '\0', "a number has its literal");
            FUZZ_ASSERT(strspn(lit, "0123456789+-.eE") == strlen(lit),
                        "a literal holds only number characters");
            char *end = NULL;
            double d = strtod(lit, &end);
            FUZZ_ASSERT(*end == '\0', "strtod reads the whole literal");
            FUZZ_ASSERT(memcmp(&d, &item->valuedouble, sizeof d) == 0,
                        "the literal is the number cJSON read");
        }
        check_literals(item->child);
    }
}

/* True when the input holds the text \u0000 anywhere: the reader refuses
 * such an escape (cJSON would cut the string at it), so there is no
 * reference; the text may also be harmless ("\\u0000"), which only makes
 * the comparison skip more than it must. */
static bool has_nul_escape(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i + 6 <= n; i++)
        if (memcmp(p + i, "\\u0000", 6) == 0)
            return true;
    return false;
}

/* One value (not its siblings). */
static bool same_value(const cJSON *a, const cJSON *b)
{
    cJSON ca = *a, cb = *b;
    ca.next = cb.next = NULL;
    ca.string = cb.string = NULL;
    return same_json(&ca, &cb);
}

static int next_element(reader *r, cJSON **elem, long *recno)
{
    r->msg[0] = '\0';
    *recno = -12345;
    int res = pm_jsonrd_next(r->rd, elem, recno, r->msg, sizeof r->msg);
    FUZZ_ASSERT(res == PM_JSONRD_ELEMENT || res == PM_JSONRD_END ||
                    res == PM_JSONRD_FATAL,
                "pm_jsonrd_next returns one of its three results");
    if (r->last == PM_JSONRD_END)
        FUZZ_ASSERT(res == PM_JSONRD_END, "END stays END");
    if (r->last == PM_JSONRD_FATAL)
        FUZZ_ASSERT(res == PM_JSONRD_FATAL, "FATAL stays FATAL");
    r->last = res;
    if (res == PM_JSONRD_ELEMENT) {
        FUZZ_ASSERT(*elem != NULL, "an element comes with a value");
        check_literals(*elem);
        FUZZ_ASSERT(*recno == r->recno + 1, "record numbers count up by one");
        r->recno = *recno;
    } else {
        FUZZ_ASSERT(*elem == NULL, "no value without an element");
    }
    if (res == PM_JSONRD_FATAL)
        FUZZ_ASSERT(r->msg[0] != '\0', "FATAL gives a message");
    uint64_t bytes = pm_jsonrd_bytes_read(r->rd);
    FUZZ_ASSERT(bytes >= r->prev_bytes, "bytes read never goes back");
    FUZZ_ASSERT(bytes <= pm_jsonrd_file_size(r->rd), "bytes read <= file size");
    r->prev_bytes = bytes;
    return res;
}

/* Bytes cJSON treats as whitespace but RFC 8259 does not; the reader is
 * strict about them, so the whole-file comparison skips such inputs. */
static bool has_loose_bytes(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
            return true;
    return false;
}

static size_t count_openers(const uint8_t *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += p[i] == '[' || p[i] == '{';
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > JSON_CHUNK / 2)
        return 0;
    uint32_t h = fuzz_hash(data, size);
    /* The padded forms cost a 64 KiB scan each, a hundred times the plain
     * read; they run for one input in PADDED_EVERY, chosen by the input's
     * hash so that a saved input reproduces exactly. */
    bool padded_forms = h % PADDED_EVERY == 0;
    size_t bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

    /* The whole file through cJSON, as a reference. */
    char *text = malloc(size - bom + 1);
    if (!text)
        return 0;
    memcpy(text, data + bom, size - bom);
    text[size - bom] = '\0';
    bool strict = !has_loose_bytes(data + bom, size - bom);
    /* cJSON skips a BOM at the start of what it parses, so a second BOM
     * would vanish from the reference too; only one BOM, at the very start
     * of the file, is allowed (a second one is U+FEFF inside the text, not
     * JSON whitespace), so there is no reference then and the reader must
     * refuse the file. Found by fuzzing:
     * crash-e95f9acda68904d71a6947c116bf0e753f85d415. */
    bool second_bom = size - bom >= 3 && memcmp(data + bom, "\xEF\xBB\xBF", 3) == 0;
    bool nul_escape = has_nul_escape(data, size);
    cJSON *whole =
        strict && !second_bom && !nul_escape ? cJSON_ParseWithOpts(text, NULL, 1) : NULL;
    free(text);
    if (whole && !cJSON_IsArray(whole)) {
        cJSON_Delete(whole);
        whole = NULL;
    }
    bool shallow = count_openers(data, size) < 900;

    reader plain, padded;
    memset(&padded, 0, sizeof padded);
    const uint8_t *p1[1] = {data};
    size_t l1[1] = {size};
    open_reader(&plain, 0, p1, l1, 1);
    if (whole)
        FUZZ_ASSERT(plain.err == PM_OK, "a JSON array opens");
    if (plain.err != PM_OK) {
        cJSON_Delete(whole);
        return 0;
    }
    if (padded_forms) {
        size_t k = (h >> 3) % (size - bom + 1);
        const uint8_t *p2[3] = {data, NULL, data + bom};
        size_t l2[3] = {bom, JSON_CHUNK - bom - k, size - bom};
        open_reader(&padded, 1, p2, l2, 3);
        FUZZ_ASSERT(padded.err == PM_OK, "spaces before '[' do not change open");
    }

    const cJSON *want = whole ? whole->child : NULL;
    for (;;) {
        cJSON *a = NULL, *b = NULL;
        long na, nb;
        int ra = next_element(&plain, &a, &na);
        if (padded_forms) {
            int rb = next_element(&padded, &b, &nb);
            FUZZ_ASSERT(ra == rb, "padding does not change the result");
            FUZZ_ASSERT(na == nb, "padding does not change the record number");
            FUZZ_ASSERT(strcmp(plain.msg, padded.msg) == 0,
                        "padding does not change the message");
            if (ra == PM_JSONRD_ELEMENT)
                FUZZ_ASSERT(same_value(a, b), "padding does not change an element");
        }
        if (whole) {
            if (want) {
                FUZZ_ASSERT(ra == PM_JSONRD_ELEMENT, "every array element is read");
                FUZZ_ASSERT(same_value(a, want), "element equals cJSON's");
                want = want->next;
            } else {
                FUZZ_ASSERT(ra == PM_JSONRD_END, "END after the last element");
            }
        }
        cJSON_Delete(a);
        cJSON_Delete(b);
        if (ra != PM_JSONRD_ELEMENT)
            break;
    }
    if (plain.last == PM_JSONRD_END && !whole && strict && shallow && !nul_escape) {
        /* The reader accepted what cJSON (on the whole file) rejected. */
        FUZZ_ASSERT(0, "the reader accepts only JSON arrays");
    }
    cJSON *a = NULL;
    long na;
    next_element(&plain, &a, &na); /* END or FATAL again */
    FUZZ_ASSERT(a == NULL, "no element after the end");
    cJSON_Delete(whole);
    pm_jsonrd_close(plain.rd);
    if (padded_forms)
        pm_jsonrd_close(padded.rd);
    return 0;
}
