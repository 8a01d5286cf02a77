/* fuzz_csv.c — libFuzzer target for the CSV reader (engine/csv.c): opens the
 * input as a file, reads every record and checks the contract of csv.h.
 *
 * Invariants checked for every input:
 *   - open fails cleanly (NULL reader, a message) or gives 1+ lowercased,
 *     trimmed column names and ';' or ',' as delimiter;
 *   - every field is NUL-terminated at len; unquoted fields hold no delimiter
 *     or line end and no surrounding spaces or tabs; no record is all empty;
 *   - record lines are >= 1, strictly increasing (each record starts on a
 *     later line than the one before) and not past the last line of the file;
 *   - a record's error_field lies inside the record; the first FATAL names a
 *     line after the last record and within the file; bytes_read never passes
 *     the file size and never goes back; after EOF or FATAL it stays there.
 * The reader works in 64 KiB chunks, and fuzz inputs are far smaller, so one
 * input in eight (by its hash) is also read in two padded forms where a chunk
 * boundary falls inside it: spaces before the header, and spaces between the
 * header and the first record. Spaces there are trimmed or skipped, so both
 * forms must give exactly the same columns, records, line numbers and
 * messages as the plain input. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "csv.h"
#include "fuzz_common.h"

/* The chunk size of engine/csv.c (PM_CSV_CHUNK, private to that file). */
#define CSV_CHUNK 65536u

/* One input in this many is also read in the padded forms. */
#define PADDED_EVERY 8u

typedef struct reader {
    pm_csv *csv;
    pm_error err;
    int last; /* last result of pm_csv_next, or PM_CSV_RECORD before the first */
    long prev_line;
    uint64_t prev_bytes;
    long max_line; /* the number of lines in the file */
    bool has_nul;  /* the file holds a NUL byte */
    char msg[512];
} reader;

/* Lines in the file: 1 + every LF + every CR not followed by LF. */
static long count_lines(const uint8_t *const *piece, const size_t *len, size_t n)
{
    long lines = 1;
    int cr = 0;
    for (size_t i = 0; i < n; i++) {
        if (!piece[i]) {
            lines += cr; /* spaces: a pending CR was a line end of its own */
            cr = 0;
            continue;
        }
        for (size_t k = 0; k < len[i]; k++) {
            uint8_t c = piece[i][k];
            if (c == '\n' || cr)
                lines++;
            cr = c == '\r';
        }
    }
    return lines + cr;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static void open_reader(reader *r, int slot, const uint8_t *const *piece,
                        const size_t *len, size_t n)
{
    memset(r, 0, sizeof *r);
    const char *path = fuzz_write_pieces(slot, piece, len, n);
    r->max_line = count_lines(piece, len, n);
    for (size_t i = 0; i < n && !r->has_nul; i++)
        r->has_nul = piece[i] && memchr(piece[i], '\0', len[i]) != NULL;
    r->last = PM_CSV_RECORD;
    r->err = pm_csv_open(&r->csv, path, r->msg, sizeof r->msg);
    if (r->err != PM_OK) {
        FUZZ_ASSERT(r->csv == NULL, "a failed open leaves *out NULL");
        FUZZ_ASSERT(r->msg[0] != '\0', "a failed open gives a message");
        return;
    }
    FUZZ_ASSERT(r->csv != NULL, "a successful open gives a reader");
    char delim = pm_csv_delimiter(r->csv);
    FUZZ_ASSERT(delim == ';' || delim == ',', "delimiter is ';' or ','");
    size_t ncols = pm_csv_ncols(r->csv);
    FUZZ_ASSERT(ncols >= 1, "a header has at least one column");
    for (size_t i = 0; i < ncols; i++) {
        const char *name = pm_csv_colname(r->csv, i);
        FUZZ_ASSERT(name != NULL, "every column has a name");
        size_t nlen = strlen(name);
        for (size_t k = 0; k < nlen; k++)
            FUZZ_ASSERT(!(name[k] >= 'A' && name[k] <= 'Z'), "names are lowercased");
        /* A NUL inside a name (the reader does not reject them) hides the
         * trimmed end from strlen, so the end is checked only without one. */
        if (nlen > 0) {
            FUZZ_ASSERT(!is_blank(name[0]), "names are trimmed at the start");
            FUZZ_ASSERT(r->has_nul || !is_blank(name[nlen - 1]),
                        "names are trimmed at the end");
        }
    }
    FUZZ_ASSERT(pm_csv_colname(r->csv, ncols) == NULL, "no name past the last column");
    r->prev_bytes = pm_csv_bytes_read(r->csv);
    FUZZ_ASSERT(r->prev_bytes <= pm_csv_file_size(r->csv), "bytes read <= file size");
}

/* Reads the next record and checks it against csv.h. */
static int next_record(reader *r, pm_csv_record *rec)
{
    r->msg[0] = '\0';
    int res = pm_csv_next(r->csv, rec, r->msg, sizeof r->msg);
    FUZZ_ASSERT(res == PM_CSV_RECORD || res == PM_CSV_EOF || res == PM_CSV_FATAL,
                "pm_csv_next returns one of its three results");
    if (r->last == PM_CSV_EOF)
        FUZZ_ASSERT(res == PM_CSV_EOF, "EOF stays EOF");
    if (r->last == PM_CSV_FATAL)
        FUZZ_ASSERT(res == PM_CSV_FATAL, "FATAL stays FATAL");
    if (res == PM_CSV_FATAL)
        FUZZ_ASSERT(r->msg[0] != '\0', "FATAL gives a message");
    if (res == PM_CSV_FATAL && r->last != PM_CSV_FATAL) {
        /* The first FATAL names the line its problem began on, after the
         * last record, and at most the field where a quote opened. */
        FUZZ_ASSERT(rec->line > r->prev_line && rec->line <= r->max_line,
                    "FATAL line lies after the last record and within the file");
        FUZZ_ASSERT(rec->error_field >= -1, "FATAL error_field is -1 or a field");
        FUZZ_ASSERT(rec->nfields == 0, "FATAL gives no fields");
    }
    r->last = res;

    uint64_t bytes = pm_csv_bytes_read(r->csv);
    FUZZ_ASSERT(bytes >= r->prev_bytes, "bytes read never goes back");
    FUZZ_ASSERT(bytes <= pm_csv_file_size(r->csv), "bytes read <= file size");
    r->prev_bytes = bytes;
    if (res != PM_CSV_RECORD)
        return res;

    char delim = pm_csv_delimiter(r->csv);
    FUZZ_ASSERT(rec->nfields >= 1 && rec->fields != NULL, "a record has fields");
    bool all_empty = true;
    for (size_t i = 0; i < rec->nfields; i++) {
        const pm_csv_field *f = &rec->fields[i];
        FUZZ_ASSERT(f->ptr != NULL, "field pointer set");
        FUZZ_ASSERT(f->ptr[f->len] == '\0', "field NUL-terminated at len");
        if (f->len > 0)
            all_empty = false;
        if (!f->quoted) {
            for (size_t k = 0; k < f->len; k++) {
                char c = f->ptr[k];
                FUZZ_ASSERT(c != delim && c != '\n' && c != '\r',
                            "unquoted field holds no delimiter or line end");
            }
            if (f->len > 0) {
                FUZZ_ASSERT(!is_blank(f->ptr[0]) && !is_blank(f->ptr[f->len - 1]),
                            "unquoted field is trimmed");
            }
        }
    }
    FUZZ_ASSERT(!all_empty, "all-empty records are skipped");
    FUZZ_ASSERT(rec->line >= 1, "line numbers start at 1");
    FUZZ_ASSERT(rec->line > r->prev_line, "record lines strictly increase");
    FUZZ_ASSERT(rec->line <= r->max_line, "record line within the file");
    r->prev_line = rec->line;
    if (rec->error) {
        FUZZ_ASSERT(rec->error_field >= 0 && (size_t)rec->error_field < rec->nfields,
                    "error_field inside the record");
    } else {
        FUZZ_ASSERT(rec->error_field == -1, "no error, error_field -1");
    }
    return res;
}

/* The padded forms must read exactly as the plain input. */
static void same_open(const reader *a, const reader *b)
{
    FUZZ_ASSERT(a->err == b->err, "padding does not change the open result");
    FUZZ_ASSERT(strcmp(a->msg, b->msg) == 0, "padding does not change the message");
    if (a->err != PM_OK)
        return;
    FUZZ_ASSERT(pm_csv_delimiter(a->csv) == pm_csv_delimiter(b->csv),
                "padding does not change the delimiter");
    FUZZ_ASSERT(pm_csv_ncols(a->csv) == pm_csv_ncols(b->csv),
                "padding does not change the columns");
    for (size_t i = 0; i < pm_csv_ncols(a->csv); i++)
        FUZZ_ASSERT(strcmp(pm_csv_colname(a->csv, i), pm_csv_colname(b->csv, i)) == 0,
                    "padding does not change a column name");
}

static void same_record(int ra, const pm_csv_record *a, const reader *rda, int rb,
                        const pm_csv_record *b, const reader *rdb)
{
    FUZZ_ASSERT(ra == rb, "padding does not change the result");
    if (ra == PM_CSV_FATAL) {
        FUZZ_ASSERT(strcmp(rda->msg, rdb->msg) == 0,
                    "padding does not change the message");
        FUZZ_ASSERT(a->line == b->line && a->error_field == b->error_field,
                    "padding does not change the line or field of a FATAL");
    }
    if (ra != PM_CSV_RECORD)
        return;
    FUZZ_ASSERT(a->nfields == b->nfields, "padding does not change the field count");
    FUZZ_ASSERT(a->line == b->line, "padding does not change the line");
    FUZZ_ASSERT(a->error_field == b->error_field, "padding: same error field");
    FUZZ_ASSERT((a->error == NULL) == (b->error == NULL), "padding: same error");
    if (a->error)
        FUZZ_ASSERT(strcmp(a->error, b->error) == 0, "padding: same error text");
    for (size_t i = 0; i < a->nfields; i++) {
        const pm_csv_field *fa = &a->fields[i], *fb = &b->fields[i];
        FUZZ_ASSERT(fa->len == fb->len && fa->quoted == fb->quoted &&
                        memcmp(fa->ptr, fb->ptr, fa->len) == 0,
                    "padding does not change a field");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Keep the padded forms within one chunk plus the input. */
    if (size > CSV_CHUNK / 2)
        return 0;
    uint32_t h = fuzz_hash(data, size);
    /* The padded forms cost a 64 KiB scan each, a hundred times the plain
     * read; they run for one input in PADDED_EVERY, chosen by the input's
     * hash so that a saved input reproduces exactly. */
    bool padded_forms = h % PADDED_EVERY == 0;

    reader plain;
    const uint8_t *p1[1] = {data};
    size_t l1[1] = {size};
    open_reader(&plain, 0, p1, l1, 1);
    if (plain.err != PM_OK)
        return 0;
    size_t split = (size_t)pm_csv_bytes_read(plain.csv);

    /* Form 1: spaces before the header (after a BOM, which must stay first),
     * so the header scan crosses the first chunk k1 bytes into the input. */
    reader pre;
    if (padded_forms) {
        size_t bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        size_t k1 = (h >> 3) % (size - bom + 1);
        const uint8_t *p2[3] = {data, NULL, data + bom};
        size_t l2[3] = {bom, CSV_CHUNK - bom - k1, size - bom};
        open_reader(&pre, 1, p2, l2, 3);
        same_open(&plain, &pre);
    }

    /* Form 2: spaces after the header line, so that a chunk boundary falls
     * k2 bytes into the data rows. */
    reader mid;
    bool have_mid = padded_forms && split < size;
    if (have_mid) {
        size_t k2 = (h >> 17) % (size - split + 1);
        const uint8_t *p3[3] = {data, NULL, data + split};
        size_t l3[3] = {split, CSV_CHUNK - split - k2, size - split};
        open_reader(&mid, 2, p3, l3, 3);
        same_open(&plain, &mid);
    }

    /* Every record starts a line, so there are never more than size + 1. */
    for (size_t n = 0; n <= size + 2; n++) {
        pm_csv_record a, b, c;
        int ra = next_record(&plain, &a);
        if (padded_forms) {
            int rb = next_record(&pre, &b);
            same_record(ra, &a, &plain, rb, &b, &pre);
        }
        if (have_mid) {
            int rc = next_record(&mid, &c);
            same_record(ra, &a, &plain, rc, &c, &mid);
        }
        if (ra != PM_CSV_RECORD) {
            /* Once ended, a further call must give the same answer. */
            next_record(&plain, &a);
            break;
        }
        FUZZ_ASSERT(n < size + 2, "more records than lines");
    }
    pm_csv_close(plain.csv);
    if (padded_forms)
        pm_csv_close(pre.csv);
    if (have_mid)
        pm_csv_close(mid.csv);
    return 0;
}
