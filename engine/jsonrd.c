/* jsonrd.c — cuts a top-level JSON array into its elements while reading and
 * parses each element with cJSON, so memory follows the largest element only. */
#include "jsonrd.h"

#include "bytebuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Dutch messages in one place. Macros rather than variables so the compiler
 * checks each format against its arguments. */
#define MSG_OPEN "kan het bestand niet openen: %s"
#define MSG_READ_OPEN "kan het bestand niet lezen: %s"
#define MSG_NOT_ARRAY "het bestand moet een JSON-array van objecten zijn"
#define MSG_EMPTY "het bestand is leeg; " MSG_NOT_ARRAY
#define MSG_UTF16 MSG_NOT_ARRAY " in UTF-8, maar het is in UTF-16 opgeslagen"
#define MSG_NOMEM_OPEN "onvoldoende geheugen om het bestand te lezen"
#define MSG_SYNTAX "ongeldige JSON in record %ld (regel %ld)"
#define MSG_NUL "ongeldige JSON in record %ld (regel %ld): een NUL-teken"
#define MSG_NUL_ESCAPE                                                                   \
    "ongeldige invoer in record %ld (regel %ld): \\u0000 (een NUL-teken) in een tekst"
#define MSG_TOO_BIG "record %ld (regel %ld) is groter dan %u MB"
#define MSG_TRUNCATED                                                                    \
    "het bestand eindigt midden in record %ld (begonnen op regel %ld); de "              \
    "JSON-array is niet afgesloten met ']'"
#define MSG_UNCLOSED                                                                     \
    "de JSON-array is niet afgesloten met ']' (het bestand eindigt na record %ld, "      \
    "regel %ld)"
#define MSG_UNCLOSED_EMPTY "de JSON-array is niet afgesloten met ']' (regel %ld)"
#define MSG_TRAILING_COMMA "overbodige komma na record %ld (regel %ld)"
#define MSG_NO_SEPARATOR "',' of ']' verwacht na record %ld (regel %ld)"
#define MSG_AFTER_END "tekst na de afsluitende ']' van de JSON-array (regel %ld)"
#define MSG_READ "leesfout in record %ld (regel %ld): %s"
#define MSG_NOMEM "onvoldoende geheugen voor record %ld (regel %ld)"
#define MSG_STOPPED "de JSON-array wordt na een eerdere fout niet verder gelezen"

/* Large enough that fread calls are rare, small enough to live in the struct. */
#define CHUNK_SIZE 65536u

enum state {
    ST_FIRST, /* just after '[': an element or ']' comes next */
    ST_AFTER, /* after an element: ',' or ']' comes next */
    ST_DONE,  /* END was returned */
    ST_FAILED /* FATAL was returned; reading stops */
};

/* What scan_element() found. */
enum scan {
    SCAN_OK,
    SCAN_EOF,     /* the file ended inside the element */
    SCAN_NUL,     /* a NUL byte, which cJSON would silently cut strings at */
    SCAN_TOO_BIG, /* over PM_JSONRD_MAX_ELEMENT */
    SCAN_NOMEM,
    SCAN_IOERR
};

struct pm_jsonrd {
    FILE *fp;
    unsigned char chunk[CHUNK_SIZE];
    size_t pos, len; /* unread bytes are chunk[pos..len) */
    int eof;
    int read_errno;    /* nonzero once a read failed */
    uint64_t consumed; /* bytes taken from the file by the scanner */
    uint64_t size;     /* 0 if not a regular file */
    long line;         /* 1-based line of chunk[pos] */
    long recno;        /* elements started so far */
    enum state state;
    pm_bytebuf el; /* the current element's bytes, reused between elements */
};

static void set_msg(char *msg, size_t msgsize, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_msg(char *msg, size_t msgsize, const char *fmt, ...)
{
    if (!msg || msgsize == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, msgsize, fmt, ap);
    va_end(ap);
}

/* Dutch wording for the errno values a user can act on; strerror() would be
 * English in the C locale. */
static const char *errno_text(int e)
{
    switch (e) {
    case ENOENT: return "het bestand bestaat niet";
    case EACCES:
    case EPERM: return "geen toestemming";
    case EISDIR: return "dit is een map, geen bestand";
    case ENOTDIR: return "een deel van het pad is geen map";
    case EIO: return "invoer-/uitvoerfout";
    default: return strerror(e);
    }
}

/* Refills the chunk once it is used up. Returns 1 if bytes are available. */
static int refill(pm_jsonrd *rd)
{
    if (rd->pos < rd->len)
        return 1;
    if (rd->eof)
        return 0;
    rd->pos = 0;
    errno = 0;
    rd->len = fread(rd->chunk, 1, sizeof rd->chunk, rd->fp);
    if (rd->len > 0)
        return 1;
    rd->eof = 1;
    if (ferror(rd->fp))
        rd->read_errno = errno ? errno : EIO;
    return 0;
}

/* Consumes n available bytes, counting the line ends among them. */
static void consume(pm_jsonrd *rd, size_t n)
{
    const unsigned char *p = rd->chunk + rd->pos;
    const unsigned char *end = p + n;
    while (p < end) {
        const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        rd->line++;
        p = nl + 1;
    }
    rd->pos += n;
    rd->consumed += n;
}

/* The next byte without consuming it, or -1 at end of file or on a read error. */
static int peek(pm_jsonrd *rd)
{
    if (!refill(rd))
        return -1;
    return rd->chunk[rd->pos];
}

/* Skips JSON whitespace and returns the next byte as peek() does. */
static int skip_ws(pm_jsonrd *rd)
{
    for (;;) {
        int c = peek(rd);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c;
        consume(rd, 1);
    }
}

/* Appends n bytes to the element buffer, keeping a NUL after them so the
 * bytes are also safe to treat as a C string. */
static enum scan append(pm_jsonrd *rd, const unsigned char *p, size_t n)
{
    if (n > PM_JSONRD_MAX_ELEMENT - rd->el.len)
        return SCAN_TOO_BIG;
    return pm_bytebuf_add(&rd->el, p, n) ? SCAN_OK : SCAN_NOMEM;
}

/* Copies the bytes of one element into rd->el.p. A container ends at the
 * bracket that brings the depth back to 0; a scalar ends before a ',' or ']'
 * at depth 0, which is left unread for the caller. Brackets inside strings do
 * not count, and a backslash escapes the next byte, so "\"" stays a string.
 * The scanner does not judge validity: whatever it cuts wrongly, cJSON
 * rejects, and that is reported as invalid JSON in this record. */
static enum scan scan_element(pm_jsonrd *rd)
{
    size_t depth = 0;
    int in_string = 0;
    int escaped = 0;

    rd->el.len = 0;
    for (;;) {
        if (!refill(rd)) {
            if (rd->read_errno)
                return SCAN_IOERR;
            /* A complete scalar may end at EOF; the missing ']' is then
             * reported by the next call, after this element is returned. */
            if (depth == 0 && !in_string && rd->el.len > 0)
                return SCAN_OK;
            return SCAN_EOF;
        }
        const unsigned char *p = rd->chunk + rd->pos;
        size_t n = rd->len - rd->pos;
        size_t i;
        int done = 0;
        int nul = 0;
        for (i = 0; i < n; i++) {
            unsigned char c = p[i];
            if (c == '\0') {
                nul = 1;
                break;
            }
            if (in_string) {
                if (escaped)
                    escaped = 0;
                else if (c == '\\')
                    escaped = 1;
                else if (c == '"')
                    in_string = 0;
                continue;
            }
            if (c == '"') {
                in_string = 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (depth == 0 && (c == ',' || c == ']')) {
                done = 1;
                break;
            } else if (depth > 0 && (c == '}' || c == ']')) {
                depth--;
                if (depth == 0) {
                    i++;
                    done = 1;
                    break;
                }
            }
        }
        enum scan r = append(rd, p, i);
        if (r != SCAN_OK)
            return r;
        consume(rd, i);
        if (nul)
            return SCAN_NUL;
        if (done)
            return SCAN_OK;
    }
}

static long count_lines(const char *p, size_t n)
{
    long lines = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '\n')
            lines++;
    return lines;
}

/* The offset of the first \u0000 escape in p[0..n), or n. cJSON decodes it
 * to a NUL byte and then ends the string there, so "SOB\u0000X" would
 * silently become "SOB"; it is refused like a NUL byte. An escape is a
 * 'u' after an odd run of backslashes ("\\u0000" is text). */
static size_t nul_escape(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '\\')
            continue;
        size_t j = i;
        while (j < n && p[j] == '\\')
            j++;
        if ((j - i) % 2 == 1 && n - j >= 5 && memcmp(p + j, "u0000", 5) == 0)
            return i;
        i = j - 1;
    }
    return n;
}

/* The next number literal in p[0..end), or NULL: outside strings, a JSON
 * number is the only token that starts with '-' or a digit. */
static const char *next_number(const char *p, const char *end, size_t *len)
{
    int in_string = 0;
    for (; p < end; p++) {
        if (in_string) {
            if (*p == '\\')
                p++;
            else if (*p == '"')
                in_string = 0;
        } else if (*p == '"') {
            in_string = 1;
        } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
            const char *q = p;
            while (q < end && *q && strchr("0123456789+-.eE", *q))
                q++;
            *len = (size_t)(q - p);
            return p;
        }
    }
    return NULL;
}

/* cJSON keeps a number only as a double, in which 6.9999999999999999 is 7
 * and 12345678901234567890 equals ...891; the importer needs the text as
 * written. cJSON has checked the syntax, and its tree holds the numbers in
 * the order of the text, so the n-th number literal of the text belongs to
 * the n-th number of a depth-first walk. Each gets it as valuestring, which
 * cJSON_Delete frees. Returns 0, or -1 when memory runs out (or, which
 * cannot happen after cJSON's check, a literal is missing). */
static int attach_literals(cJSON *item, const char **cur, const char *end)
{
    for (; item; item = item->next) {
        if (cJSON_IsNumber(item)) {
            size_t n = 0;
            const char *lit = next_number(*cur, end, &n);
            char *copy = lit ? cJSON_malloc(n + 1) : NULL;
            if (!copy)
                return -1;
            memcpy(copy, lit, n);
            copy[n] = '\0';
            item->valuestring = copy;
            *cur = lit + n;
        } else if (item->child && attach_literals(item->child, cur, end) != 0) {
            return -1;
        }
    }
    return 0;
}

/* Parses rd->el.p with cJSON. Returns the value, or NULL with *errline set to
 * the line of the offending byte. Text after the value other than whitespace
 * is an error too (cJSON itself would accept "1 2" as 1). */
static cJSON *parse_element(pm_jsonrd *rd, long start_line, long *errline)
{
    const char *end = NULL;
    cJSON *v = NULL;
    /* cJSON skips a UTF-8 BOM at the start of its input, so a BOM before an
     * element inside the array was accepted (found by fuzz/fuzz_jsonrd.c).
     * No JSON value starts with byte 0xEF: such an element is invalid. */
    if (rd->el.len > 0 && (unsigned char)rd->el.p[0] != 0xEF)
        v = cJSON_ParseWithLengthOpts(rd->el.p, rd->el.len, &end, 0);
    if (v) {
        const char *stop = rd->el.p + rd->el.len;
        while (end < stop &&
               (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
            end++;
        if (end == stop)
            return v;
        cJSON_Delete(v);
    }
    size_t off = 0;
    if (end && end >= rd->el.p && end <= rd->el.p + rd->el.len)
        off = (size_t)(end - rd->el.p);
    *errline = start_line + count_lines(rd->el.p, off);
    return NULL;
}

/* Reports a failure and makes every later call fail too. */
static int fail(pm_jsonrd *rd)
{
    rd->state = ST_FAILED;
    return PM_JSONRD_FATAL;
}

/* After ']': only whitespace may follow. */
static int finish(pm_jsonrd *rd, char *msg, size_t msgsize)
{
    int c = skip_ws(rd);
    if (c >= 0) {
        set_msg(msg, msgsize, MSG_AFTER_END, rd->line);
        return fail(rd);
    }
    if (rd->read_errno) {
        set_msg(msg, msgsize, MSG_READ, rd->recno, rd->line, errno_text(rd->read_errno));
        return fail(rd);
    }
    rd->state = ST_DONE;
    return PM_JSONRD_END;
}

/* The file ended (or failed) where ',' , ']' or an element was expected. */
static int eof_error(pm_jsonrd *rd, char *msg, size_t msgsize)
{
    if (rd->read_errno)
        set_msg(msg, msgsize, MSG_READ, rd->recno, rd->line, errno_text(rd->read_errno));
    else if (rd->recno == 0)
        set_msg(msg, msgsize, MSG_UNCLOSED_EMPTY, rd->line);
    else
        set_msg(msg, msgsize, MSG_UNCLOSED, rd->recno, rd->line);
    return fail(rd);
}

pm_error pm_jsonrd_open(pm_jsonrd **out, const char *path, char *msg, size_t msgsize)
{
    *out = NULL;
    pm_jsonrd *rd = calloc(1, sizeof *rd);
    if (!rd) {
        set_msg(msg, msgsize, MSG_NOMEM_OPEN);
        return PM_ERR_NOMEM;
    }
    rd->line = 1;
    /* The buffer never grows past the largest element and its NUL. */
    rd->el = (pm_bytebuf){.first = 4096, .most = (size_t)PM_JSONRD_MAX_ELEMENT + 1};
    rd->fp = fopen(path, "rb");
    if (!rd->fp) {
        set_msg(msg, msgsize, MSG_OPEN, errno_text(errno));
        free(rd);
        return PM_ERR_IO;
    }
    struct stat st;
    if (fstat(fileno(rd->fp), &st) == 0 && S_ISREG(st.st_mode))
        rd->size = (uint64_t)st.st_size;

    pm_error err = PM_OK;
    int c = peek(rd);
    if (c == 0xEF) {
        /* A UTF-8 BOM; any other byte sequence starting with 0xEF is not
         * '[' either, so a mismatch is simply "not an array". */
        static const unsigned char bom[] = {0xEF, 0xBB, 0xBF};
        for (size_t i = 0; i < sizeof bom && !err; i++) {
            if (peek(rd) == bom[i])
                consume(rd, 1);
            else
                err = PM_ERR_DATA;
        }
        if (err && rd->read_errno) {
            set_msg(msg, msgsize, MSG_READ_OPEN, errno_text(rd->read_errno));
            err = PM_ERR_IO;
        } else if (err) {
            set_msg(msg, msgsize, MSG_NOT_ARRAY);
        }
    } else if (c == 0xFF || c == 0xFE) {
        set_msg(msg, msgsize, MSG_UTF16);
        err = PM_ERR_DATA;
    }
    if (!err) {
        c = skip_ws(rd);
        if (c == '[') {
            consume(rd, 1);
        } else if (rd->read_errno) {
            set_msg(msg, msgsize, MSG_READ_OPEN, errno_text(rd->read_errno));
            err = PM_ERR_IO;
        } else if (c < 0 && rd->consumed == 0) {
            set_msg(msg, msgsize, MSG_EMPTY);
            err = PM_ERR_DATA;
        } else {
            set_msg(msg, msgsize, MSG_NOT_ARRAY);
            err = PM_ERR_DATA;
        }
    }
    if (err) {
        pm_jsonrd_close(rd);
        return err;
    }
    rd->state = ST_FIRST;
    *out = rd;
    return PM_OK;
}

void pm_jsonrd_close(pm_jsonrd *rd)
{
    if (!rd)
        return;
    if (rd->fp)
        fclose(rd->fp);
    free(rd->el.p);
    free(rd);
}

int pm_jsonrd_next(pm_jsonrd *rd, cJSON **elem, long *recno, char *msg, size_t msgsize)
{
    *elem = NULL;
    *recno = rd->recno;
    if (rd->state == ST_DONE)
        return PM_JSONRD_END;
    if (rd->state == ST_FAILED) {
        set_msg(msg, msgsize, MSG_STOPPED);
        return PM_JSONRD_FATAL;
    }

    int c = skip_ws(rd);
    if (rd->state == ST_AFTER) {
        if (c == ']') {
            consume(rd, 1);
            return finish(rd, msg, msgsize);
        }
        if (c != ',') {
            if (c < 0)
                return eof_error(rd, msg, msgsize);
            set_msg(msg, msgsize, MSG_NO_SEPARATOR, rd->recno, rd->line);
            return fail(rd);
        }
        long comma_line = rd->line;
        consume(rd, 1);
        c = skip_ws(rd);
        if (c == ']') {
            set_msg(msg, msgsize, MSG_TRAILING_COMMA, rd->recno, comma_line);
            return fail(rd);
        }
    } else if (c == ']') {
        consume(rd, 1);
        return finish(rd, msg, msgsize);
    }
    if (c < 0)
        return eof_error(rd, msg, msgsize);

    rd->recno++;
    *recno = rd->recno;
    long start_line = rd->line;
    switch (scan_element(rd)) {
    case SCAN_OK: break;
    case SCAN_EOF:
        set_msg(msg, msgsize, MSG_TRUNCATED, rd->recno, start_line);
        return fail(rd);
    case SCAN_NUL: set_msg(msg, msgsize, MSG_NUL, rd->recno, rd->line); return fail(rd);
    case SCAN_TOO_BIG:
        set_msg(msg, msgsize, MSG_TOO_BIG, rd->recno, start_line,
                PM_JSONRD_MAX_ELEMENT / (1024u * 1024u));
        return fail(rd);
    case SCAN_NOMEM:
        set_msg(msg, msgsize, MSG_NOMEM, rd->recno, start_line);
        return fail(rd);
    case SCAN_IOERR:
        set_msg(msg, msgsize, MSG_READ, rd->recno, rd->line, errno_text(rd->read_errno));
        return fail(rd);
    }

    long errline = start_line;
    cJSON *v = parse_element(rd, start_line, &errline);
    if (!v) {
        set_msg(msg, msgsize, MSG_SYNTAX, rd->recno, errline);
        return fail(rd);
    }
    size_t nul = nul_escape(rd->el.p, rd->el.len);
    if (nul < rd->el.len) {
        cJSON_Delete(v);
        set_msg(msg, msgsize, MSG_NUL_ESCAPE, rd->recno,
                start_line + count_lines(rd->el.p, nul));
        return fail(rd);
    }
    const char *cur = rd->el.p;
    if (attach_literals(v, &cur, rd->el.p + rd->el.len) != 0) {
        cJSON_Delete(v);
        set_msg(msg, msgsize, MSG_NOMEM, rd->recno, start_line);
        return fail(rd);
    }
    rd->state = ST_AFTER;
    *elem = v;
    return PM_JSONRD_ELEMENT;
}

uint64_t pm_jsonrd_bytes_read(const pm_jsonrd *rd)
{
    return rd->consumed;
}

uint64_t pm_jsonrd_file_size(const pm_jsonrd *rd)
{
    return rd->size;
}
