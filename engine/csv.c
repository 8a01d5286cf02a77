/* csv.c — the streaming CSV tokenizer behind csv.h (SPEC §2): reads the file in
 * fixed chunks and builds one record at a time in a buffer reused across records. */
#include "csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Read size: large enough that fread costs little per byte, small enough that
 * memory stays flat for any file size. */
#define PM_CSV_CHUNK (64u * 1024u)
#define PM_CSV_MAX_MIB (PM_CSV_MAX_RECORD / (1024u * 1024u))

/* The Dutch messages of this module, in one place. */
#define PM_CSV_MSG_OPEN "kan het bestand niet openen: %s"
#define PM_CSV_MSG_UTF16 "bestand is UTF-16; sla het op als 'CSV UTF-8'"
#define PM_CSV_MSG_EMPTY "bestand is leeg: de kopregel ontbreekt"
#define PM_CSV_MSG_AFTER_QUOTE "tekst na het afsluitende aanhalingsteken"
#define PM_CSV_MSG_UNTERMINATED "aanhalingsteken niet afgesloten (begonnen op regel %ld)"
#define PM_CSV_MSG_TOOBIG "rij is groter dan %u MiB (begonnen op regel %ld)"
#define PM_CSV_MSG_READ "leesfout bij regel %ld: %s"
#define PM_CSV_MSG_NOMEM "onvoldoende geheugen bij regel %ld"
#define PM_CSV_MSG_STOPPED "het lezen is al afgebroken door een eerdere fout"
#define PM_CSV_MSG_HDR_READ "leesfout in de kopregel: %s"
#define PM_CSV_MSG_HDR_NOMEM "onvoldoende geheugen voor de kopregel"
#define PM_CSV_MSG_HDR_TOOBIG "de kopregel is groter dan %u MiB"
#define PM_CSV_MSG_HDR_TOOBIG_QUOTE                                                      \
    "de kopregel is groter dan %u MiB; er staat waarschijnlijk een aanhalingsteken "     \
    "dat niet wordt afgesloten"
#define PM_CSV_MSG_HDR_UNTERMINATED                                                      \
    "kopregel: aanhalingsteken niet afgesloten (begonnen op regel %ld)"
#define PM_CSV_MSG_HDR_AFTER_QUOTE                                                       \
    "kopregel, kolom %zu: tekst na het afsluitende aanhalingsteken"

/* Why the tokenizer stopped; the caller turns it into a message, because the
 * same failure reads differently in the header and in a data row. */
enum pm_csv_status {
    PM_CSV_ST_OK = 0,
    PM_CSV_ST_READ,
    PM_CSV_ST_NOMEM,
    PM_CSV_ST_TOOBIG,
    PM_CSV_ST_UNTERMINATED
};

struct pm_csv {
    FILE *fp;
    uint64_t size;  /* file size, 0 if unknown */
    uint64_t nread; /* bytes fread so far; minus the unread rest = consumed */
    int eof;
    int read_errno;

    char *in; /* input chunk: in[in_pos..in_len) is not yet consumed */
    size_t in_cap, in_len, in_pos;

    char delim;
    unsigned char stop[256]; /* bytes that end an unquoted field */
    long line;               /* physical line of the next unconsumed byte */

    /* The current record: fields back to back in buf, each followed by a NUL.
     * While parsing, fields[i].ptr is unset because buf may move on growth. */
    char *buf;
    size_t buf_len, buf_cap;
    pm_csv_field *fields;
    size_t nfields, fields_cap;
    long rec_line;
    const char *rec_error;
    long rec_error_field;

    enum pm_csv_status status;
    long quote_line;  /* where the unterminated quote began */
    long quote_field; /* and in which field of its record */
    int failed;       /* a FATAL was returned; further reads are refused */

    char *colbuf; /* the header names, lowercased, one allocation */
    char **colnames;
    size_t ncols;
};

static void pm_csv_msg(char *msg, size_t msgsize, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Writes a message when the caller gave room for one. */
static void pm_csv_msg(char *msg, size_t msgsize, const char *fmt, ...)
{
    if (!msg || msgsize == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, msgsize, fmt, ap);
    va_end(ap);
}

/* Makes at least one unconsumed byte available. Returns 1 if there is one,
 * 0 at end of file, -1 on a read error (status is set). The chunk is only
 * replaced once fully consumed, so offsets into it stay valid until then. */
static int pm_csv_fill(pm_csv *c)
{
    if (c->in_pos < c->in_len)
        return 1;
    if (c->eof)
        return 0;
    errno = 0;
    size_t n = fread(c->in, 1, c->in_cap, c->fp);
    c->in_pos = 0;
    c->in_len = n;
    c->nread += n;
    if (n > 0)
        return 1;
    if (ferror(c->fp)) {
        c->read_errno = errno ? errno : EIO;
        c->status = PM_CSV_ST_READ;
        return -1;
    }
    c->eof = 1;
    return 0;
}

/* Reads more bytes after the unconsumed ones, keeping those (moved to the
 * start of the chunk) and growing the chunk when it is full. Only the header
 * scan needs this: it must see a whole line before anything is consumed.
 * Returns 1, 0 at end of file, or -1 (status set). */
static int pm_csv_fill_more(pm_csv *c)
{
    if (c->eof)
        return 0;
    if (c->in_pos > 0) {
        memmove(c->in, c->in + c->in_pos, c->in_len - c->in_pos);
        c->in_len -= c->in_pos;
        c->in_pos = 0;
    }
    if (c->in_len == c->in_cap) {
        if (c->in_cap >= PM_CSV_MAX_RECORD) {
            c->status = PM_CSV_ST_TOOBIG;
            return -1;
        }
        size_t cap = c->in_cap * 2;
        if (cap > PM_CSV_MAX_RECORD)
            cap = PM_CSV_MAX_RECORD;
        char *p = realloc(c->in, cap);
        if (!p) {
            c->status = PM_CSV_ST_NOMEM;
            return -1;
        }
        c->in = p;
        c->in_cap = cap;
    }
    errno = 0;
    size_t n = fread(c->in + c->in_len, 1, c->in_cap - c->in_len, c->fp);
    c->in_len += n;
    c->nread += n;
    if (n > 0)
        return 1;
    if (ferror(c->fp)) {
        c->read_errno = errno ? errno : EIO;
        c->status = PM_CSV_ST_READ;
        return -1;
    }
    c->eof = 1;
    return 0;
}

/* Grows the record buffer to take n more bytes; a record may not pass
 * PM_CSV_MAX_RECORD, so one bad file cannot claim unbounded memory. */
static int pm_csv_grow(pm_csv *c, size_t n)
{
    if (n > PM_CSV_MAX_RECORD - c->buf_len) {
        c->status = PM_CSV_ST_TOOBIG;
        return -1;
    }
    size_t need = c->buf_len + n;
    size_t cap = c->buf_cap;
    while (cap < need)
        cap *= 2;
    if (cap > PM_CSV_MAX_RECORD)
        cap = PM_CSV_MAX_RECORD;
    char *p = realloc(c->buf, cap);
    if (!p) {
        c->status = PM_CSV_ST_NOMEM;
        return -1;
    }
    c->buf = p;
    c->buf_cap = cap;
    return 0;
}

static inline int pm_csv_append(pm_csv *c, const char *p, size_t n)
{
    if (n > c->buf_cap - c->buf_len && pm_csv_grow(c, n) != 0)
        return -1;
    if (n > 0)
        memcpy(c->buf + c->buf_len, p, n);
    c->buf_len += n;
    return 0;
}

/* Consumes spaces and tabs; with keep, also appends them to the record (they
 * may turn out to belong to text after a closing quote). Returns the fill
 * result: 1 if a byte follows, 0 at end of file, -1 on error. */
static int pm_csv_blanks(pm_csv *c, int keep)
{
    for (;;) {
        int r = pm_csv_fill(c);
        if (r <= 0)
            return r;
        const char *s = c->in + c->in_pos;
        const char *e = c->in + c->in_len;
        const char *p = s;
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        if (keep && pm_csv_append(c, s, (size_t)(p - s)) != 0)
            return -1;
        c->in_pos += (size_t)(p - s);
        if (p < e)
            return 1;
    }
}

/* Appends bytes up to the next delimiter or line end (not consumed), then
 * trims trailing spaces and tabs, never below floor. */
static int pm_csv_read_unquoted(pm_csv *c, size_t floor)
{
    const unsigned char *stop = c->stop;
    for (;;) {
        int r = pm_csv_fill(c);
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        const char *s = c->in + c->in_pos;
        const char *e = c->in + c->in_len;
        const char *p = s;
        while (p < e && !stop[(unsigned char)*p])
            p++;
        if (pm_csv_append(c, s, (size_t)(p - s)) != 0)
            return -1;
        c->in_pos += (size_t)(p - s);
        if (p < e)
            break;
    }
    while (c->buf_len > floor &&
           (c->buf[c->buf_len - 1] == ' ' || c->buf[c->buf_len - 1] == '\t'))
        c->buf_len--;
    return 0;
}

/* Line breaks in a quoted field's text: every LF, and every CR not followed
 * by LF. Counting once the field is whole means a CRLF split across two
 * chunks still counts as one break. */
static long pm_csv_count_breaks(const char *p, size_t n)
{
    const char *end = p + n;
    long breaks = 0;
    const char *q = memchr(p, '\n', n);
    while (q) {
        breaks++;
        q++;
        q = memchr(q, '\n', (size_t)(end - q));
    }
    q = memchr(p, '\r', n);
    while (q) {
        q++;
        if (q == end || *q != '\n')
            breaks++;
        q = memchr(q, '\r', (size_t)(end - q));
    }
    return breaks;
}

/* Reads a quoted field after its opening quote, through the closing quote.
 * "" becomes one quote; line breaks are kept verbatim and counted. */
static int pm_csv_read_quoted(pm_csv *c, size_t start)
{
    long open_line = c->line;
    for (;;) {
        int r = pm_csv_fill(c);
        if (r < 0)
            return -1;
        if (r == 0) {
            c->status = PM_CSV_ST_UNTERMINATED;
            c->quote_line = open_line;
            c->quote_field = (long)c->nfields;
            return -1;
        }
        const char *p = c->in + c->in_pos;
        size_t n = c->in_len - c->in_pos;
        const char *q = memchr(p, '"', n);
        size_t take = q ? (size_t)(q - p) : n;
        if (pm_csv_append(c, p, take) != 0)
            return -1;
        c->in_pos += take;
        if (!q)
            continue;
        c->in_pos++; /* the quote itself */
        r = pm_csv_fill(c);
        if (r < 0)
            return -1;
        if (r == 0 || c->in[c->in_pos] != '"')
            break;
        if (pm_csv_append(c, "\"", 1) != 0)
            return -1;
        c->in_pos++;
    }
    c->line += pm_csv_count_breaks(c->buf + start, c->buf_len - start);
    return 0;
}

/* Closes the field that began at start: a NUL after it, and an entry. */
static int pm_csv_end_field(pm_csv *c, size_t start, int quoted)
{
    size_t len = c->buf_len - start;
    if (pm_csv_append(c, "", 1) != 0)
        return -1;
    if (c->nfields == c->fields_cap) {
        size_t cap = c->fields_cap * 2;
        pm_csv_field *f = realloc(c->fields, cap * sizeof *f);
        if (!f) {
            c->status = PM_CSV_ST_NOMEM;
            return -1;
        }
        c->fields = f;
        c->fields_cap = cap;
    }
    pm_csv_field *f = &c->fields[c->nfields++];
    f->ptr = NULL;
    f->len = len;
    f->quoted = quoted;
    return 0;
}

/* Reads one field, whatever its form, leaving the delimiter or line end that
 * follows unconsumed. */
static int pm_csv_read_field(pm_csv *c)
{
    size_t start = c->buf_len;
    int r = pm_csv_blanks(c, 0);
    if (r < 0)
        return -1;
    if (r == 0 || c->in[c->in_pos] != '"') {
        if (r > 0 && pm_csv_read_unquoted(c, start) != 0)
            return -1;
        return pm_csv_end_field(c, start, 0);
    }
    c->in_pos++;
    if (pm_csv_read_quoted(c, start) != 0)
        return -1;
    size_t end = c->buf_len;
    r = pm_csv_blanks(c, 1);
    if (r < 0)
        return -1;
    if (r > 0 && !c->stop[(unsigned char)c->in[c->in_pos]]) {
        /* Keep the stray text in the field, so the next delimiter is still
         * read as one and the rest of the record keeps its columns. */
        if (!c->rec_error) {
            c->rec_error = PM_CSV_MSG_AFTER_QUOTE;
            c->rec_error_field = (long)c->nfields;
        }
        if (pm_csv_read_unquoted(c, end) != 0)
            return -1;
    } else {
        c->buf_len = end;
    }
    return pm_csv_end_field(c, start, 1);
}

/* Reads one record, blank or not. Returns PM_CSV_RECORD, PM_CSV_EOF, or
 * PM_CSV_FATAL with status set. */
static int pm_csv_read_record(pm_csv *c)
{
    c->buf_len = 0;
    c->nfields = 0;
    c->rec_error = NULL;
    c->rec_error_field = -1;
    c->rec_line = c->line;
    int r = pm_csv_fill(c);
    if (r <= 0)
        return r < 0 ? PM_CSV_FATAL : PM_CSV_EOF;
    for (;;) {
        if (pm_csv_read_field(c) != 0)
            return PM_CSV_FATAL;
        r = pm_csv_fill(c);
        if (r < 0)
            return PM_CSV_FATAL;
        if (r == 0)
            break;
        char ch = c->in[c->in_pos++];
        if (ch == c->delim)
            continue;
        /* Otherwise ch is '\n' or '\r'; a CR takes an LF right after it. */
        c->line++;
        if (ch == '\r') {
            r = pm_csv_fill(c);
            if (r < 0)
                return PM_CSV_FATAL;
            if (r > 0 && c->in[c->in_pos] == '\n')
                c->in_pos++;
        }
        break;
    }
    size_t off = 0;
    for (size_t i = 0; i < c->nfields; i++) {
        c->fields[i].ptr = c->buf + off;
        off += c->fields[i].len + 1;
    }
    return PM_CSV_RECORD;
}

static int pm_csv_all_empty(const pm_csv *c)
{
    for (size_t i = 0; i < c->nfields; i++)
        if (c->fields[i].len > 0)
            return 0;
    return 1;
}

/* The next record that is not all empty. */
static int pm_csv_read_nonblank(pm_csv *c)
{
    for (;;) {
        int r = pm_csv_read_record(c);
        if (r != PM_CSV_RECORD || !pm_csv_all_empty(c))
            return r;
    }
}

/* Finds the header line without consuming it and picks the delimiter from it.
 * Blank lines before it (also ";;;" rows) are consumed, so that the delimiter
 * comes from the real header. A quote opens quoted text only at the start of
 * a field, as in the parser; both ';' and ',' count as field starts here
 * because the delimiter is not known yet. */
static int pm_csv_find_header(pm_csv *c, int *blank_out, int *in_quotes)
{
    enum { AT_START, UNQUOTED, QUOTED, QUOTE_SEEN } st = AT_START;
    size_t semi = 0, comma = 0;
    int blank = 1;
    size_t i = c->in_pos;
    for (;;) {
        if (i == c->in_len) {
            size_t off = i - c->in_pos;
            int r = pm_csv_fill_more(c);
            i = c->in_pos + off;
            if (r < 0) {
                *in_quotes = st == QUOTED;
                return -1;
            }
            if (r == 0)
                break;
        }
        char ch = c->in[i];
        if (st == QUOTED) {
            if (ch == '"')
                st = QUOTE_SEEN;
            else
                blank = 0;
            i++;
            continue;
        }
        if (st == QUOTE_SEEN) {
            if (ch == '"') {
                st = QUOTED;
                blank = 0;
                i++;
                continue;
            }
            st = UNQUOTED;
        }
        if (ch == '\n' || ch == '\r') {
            if (!blank)
                break;
            i++;
            if (ch == '\r') {
                if (i == c->in_len) {
                    size_t off = i - c->in_pos;
                    int r = pm_csv_fill_more(c);
                    i = c->in_pos + off;
                    if (r < 0) {
                        *in_quotes = 0;
                        return -1;
                    }
                }
                if (i < c->in_len && c->in[i] == '\n')
                    i++;
            }
            c->in_pos = i;
            c->line++;
            semi = comma = 0;
            st = AT_START;
            continue;
        }
        switch (ch) {
        case ';':
            semi++;
            st = AT_START;
            break;
        case ',':
            comma++;
            st = AT_START;
            break;
        case ' ':
        case '\t': break;
        case '"':
            if (st == AT_START)
                st = QUOTED;
            else
                blank = 0;
            break;
        default:
            blank = 0;
            st = UNQUOTED;
            break;
        }
        i++;
    }
    *blank_out = blank;
    c->delim = comma > semi ? ',' : ';';
    return 0;
}

/* Reads the header line into colnames. */
static pm_error pm_csv_read_header(pm_csv *c, long *line, char *msg, size_t msgsize)
{
    int blank = 1, in_quotes = 0;
    int r;
    if (pm_csv_find_header(c, &blank, &in_quotes) != 0) {
        r = PM_CSV_FATAL;
    } else {
        if (blank) {
            pm_csv_msg(msg, msgsize, PM_CSV_MSG_EMPTY);
            return PM_ERR_DATA;
        }
        memset(c->stop, 0, sizeof c->stop);
        c->stop[(unsigned char)c->delim] = 1;
        c->stop['\n'] = 1;
        c->stop['\r'] = 1;
        r = pm_csv_read_nonblank(c);
    }
    if (r == PM_CSV_EOF) {
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_EMPTY);
        return PM_ERR_DATA;
    }
    if (r == PM_CSV_FATAL) {
        switch (c->status) {
        case PM_CSV_ST_READ:
            pm_csv_msg(msg, msgsize, PM_CSV_MSG_HDR_READ, strerror(c->read_errno));
            return PM_ERR_IO;
        case PM_CSV_ST_TOOBIG:
            pm_csv_msg(msg, msgsize,
                       in_quotes ? PM_CSV_MSG_HDR_TOOBIG_QUOTE : PM_CSV_MSG_HDR_TOOBIG,
                       PM_CSV_MAX_MIB);
            return PM_ERR_DATA;
        case PM_CSV_ST_UNTERMINATED:
            pm_csv_msg(msg, msgsize, PM_CSV_MSG_HDR_UNTERMINATED, c->quote_line);
            *line = c->quote_line;
            return PM_ERR_DATA;
        case PM_CSV_ST_NOMEM:
        case PM_CSV_ST_OK: break;
        }
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_HDR_NOMEM);
        return PM_ERR_NOMEM;
    }
    if (c->rec_error) {
        /* Data rows recover from this, but a column name with stray text
         * would only surface later as a puzzling unknown column. */
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_HDR_AFTER_QUOTE,
                   (size_t)c->rec_error_field + 1);
        *line = c->rec_line;
        return PM_ERR_DATA;
    }

    c->colbuf = malloc(c->buf_len);
    c->colnames = malloc(c->nfields * sizeof *c->colnames);
    if (!c->colbuf || !c->colnames) {
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_HDR_NOMEM);
        return PM_ERR_NOMEM;
    }
    memcpy(c->colbuf, c->buf, c->buf_len);
    for (size_t i = 0; i < c->nfields; i++) {
        char *name = c->colbuf + (c->fields[i].ptr - c->buf);
        size_t len = c->fields[i].len;
        /* Quoted names were not trimmed by the tokenizer. */
        while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t'))
            len--;
        while (len > 0 && (*name == ' ' || *name == '\t')) {
            name++;
            len--;
        }
        name[len] = '\0';
        for (size_t k = 0; k < len; k++)
            if (name[k] >= 'A' && name[k] <= 'Z')
                name[k] = (char)(name[k] - 'A' + 'a');
        c->colnames[i] = name;
    }
    c->ncols = c->nfields;
    return PM_OK;
}

pm_error pm_csv_open(pm_csv **out, const char *path, char *msg, size_t msgsize)
{
    return pm_csv_open_at(out, path, NULL, msg, msgsize);
}

pm_error pm_csv_open_at(pm_csv **out, const char *path, long *line, char *msg,
                        size_t msgsize)
{
    long ignored = 0;
    if (!line)
        line = &ignored;
    *line = 0;
    *out = NULL;
    pm_csv *c = calloc(1, sizeof *c);
    if (!c) {
        pm_csv_msg(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    c->in_cap = PM_CSV_CHUNK;
    c->buf_cap = 4096;
    c->fields_cap = 16;
    c->in = malloc(c->in_cap);
    c->buf = malloc(c->buf_cap);
    c->fields = malloc(c->fields_cap * sizeof *c->fields);
    c->line = 1;
    c->rec_error_field = -1;
    if (!c->in || !c->buf || !c->fields) {
        pm_csv_close(c);
        pm_csv_msg(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }

    c->fp = fopen(path, "rb");
    if (!c->fp) {
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_OPEN, strerror(errno));
        pm_csv_close(c);
        return PM_ERR_IO;
    }
    struct stat st;
    if (fstat(fileno(c->fp), &st) == 0 && S_ISREG(st.st_mode))
        c->size = (uint64_t)st.st_size;

    /* Three bytes decide the encoding mark; a short file may have fewer. */
    while (c->in_len < 3) {
        int r = pm_csv_fill_more(c);
        if (r < 0) {
            pm_csv_msg(msg, msgsize, PM_CSV_MSG_OPEN, strerror(c->read_errno));
            pm_csv_close(c);
            return PM_ERR_IO;
        }
        if (r == 0)
            break;
    }
    const unsigned char *b = (const unsigned char *)c->in;
    if (c->in_len >= 2 &&
        ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_UTF16);
        pm_csv_close(c);
        return PM_ERR_DATA;
    }
    if (c->in_len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        c->in_pos = 3;

    pm_error err = pm_csv_read_header(c, line, msg, msgsize);
    if (err != PM_OK) {
        pm_csv_close(c);
        return err;
    }
    *out = c;
    return PM_OK;
}

void pm_csv_close(pm_csv *csv)
{
    if (!csv)
        return;
    if (csv->fp)
        fclose(csv->fp);
    free(csv->in);
    free(csv->buf);
    free(csv->fields);
    free(csv->colbuf);
    free(csv->colnames);
    free(csv);
}

char pm_csv_delimiter(const pm_csv *csv)
{
    return csv->delim;
}

size_t pm_csv_ncols(const pm_csv *csv)
{
    return csv->ncols;
}

const char *pm_csv_colname(const pm_csv *csv, size_t i)
{
    return i < csv->ncols ? csv->colnames[i] : NULL;
}

int pm_csv_next(pm_csv *csv, pm_csv_record *rec, char *msg, size_t msgsize)
{
    memset(rec, 0, sizeof *rec);
    rec->error_field = -1;
    if (csv->failed) {
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_STOPPED);
        return PM_CSV_FATAL;
    }
    int r = pm_csv_read_nonblank(csv);
    if (r == PM_CSV_RECORD) {
        rec->fields = csv->fields;
        rec->nfields = csv->nfields;
        rec->line = csv->rec_line;
        rec->error = csv->rec_error;
        rec->error_field = csv->rec_error_field;
        return r;
    }
    if (r == PM_CSV_EOF)
        return r;
    csv->failed = 1;
    rec->line = csv->rec_line;
    switch (csv->status) {
    case PM_CSV_ST_READ:
        rec->line = csv->line;
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_READ, csv->line, strerror(csv->read_errno));
        break;
    case PM_CSV_ST_TOOBIG:
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_TOOBIG, PM_CSV_MAX_MIB, csv->rec_line);
        break;
    case PM_CSV_ST_UNTERMINATED:
        rec->line = csv->quote_line;
        rec->error_field = csv->quote_field;
        pm_csv_msg(msg, msgsize, PM_CSV_MSG_UNTERMINATED, csv->quote_line);
        break;
    case PM_CSV_ST_NOMEM:
    case PM_CSV_ST_OK: pm_csv_msg(msg, msgsize, PM_CSV_MSG_NOMEM, csv->rec_line); break;
    }
    return PM_CSV_FATAL;
}

uint64_t pm_csv_bytes_read(const pm_csv *csv)
{
    return csv->nread - (csv->in_len - csv->in_pos);
}

uint64_t pm_csv_file_size(const pm_csv *csv)
{
    return csv->size;
}
