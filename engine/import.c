/* import.c — reads CSV and JSON files row by row, validates every field
 * against the dataset table, and upserts the rows in one transaction.
 *
 * Per row: convert and check each field, apply the dataset's row rule, then
 * one prepared upsert. References between datasets are checked at the end,
 * set-based in SQL, so a row may refer to a row later in the same call. A
 * repeated id inside one import is caught by the upsert itself: it only
 * replaces rows from earlier imports (their file id is lower).
 *
 * The import keeps the data fingerprint's sums (store.h) up to date: it adds
 * the hash of every row it writes and subtracts that of every row it
 * replaces, and writes the new sums in the same transaction. */
#include "import.h"

#include "columns.h"
#include "columns_collect.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bytebuf.h"
#include "csv.h"
#include "filekind.h"
#include "filename.h"
#include "jsonrd.h"
#include "pm_config.h"
#include "rowpipe.h"
#include "store.h"
#include "value.h"
#include "xlsx_ahead.h"
#include "xlsx_cell.h"
#include "xlsx_read.h"

#define MAX_FIELDS 16
#define MAX_DROPPED 32
#define ID_MAX_LEN 100

typedef pm_bytebuf field_buf; /* one value at a time: first 64 bytes */

typedef struct importer {
    sqlite3 *db;
    const pm_import_opts *opts;
    pm_diag *diag;
    /* Where a row's own problems are reported: diag, or while a pipe runs
     * (rows_begin) its staging list, which keeps them in order. */
    pm_diag *rdiag;
    /* The second thread writing the current file's rows (rowpipe.h), with
     * what its write function needs; NULL when the rows are written here. */
    pm_rowpipe *pipe;
    const pm_dataset *pipe_ds;
    sqlite3_int64 pipe_file_id;
    const char *pipe_file;
    long pipe_written;
    /* The workbook cell convert_field is reading (cell_label NULL: a CSV or
     * JSON row): its "FILE[Blad]!C14" is only formatted for a message. */
    const char *cell_label;
    uint32_t cell_col;
    long cell_row;
    char *cell_buf; /* owned */
    char *msg;
    size_t msgsize;
    sqlite3_stmt *upsert[PM_NKINDS];
    sqlite3_stmt *insert_file;
    sqlite3_stmt *update_file;
    sqlite3_int64 import_id;
    sqlite3_int64 first_file_id; /* 0 until the first file row exists */
    /* The files of this import as the user named them, by file id. The
     * database records only the file name (filename.h), but a message about
     * a row of this import names the file as it was given. Borrowed paths. */
    const char **given_path;
    sqlite3_int64 *given_id;
    size_t ngiven, given_cap;
    /* "FILE[Blad]" of each imported sheet (given_path borrows them); owned. */
    char **sheet_labels;
    size_t nsheet_labels;
    bool touched[PM_NKINDS];
    /* The fingerprint sums as they will be after COMMIT. */
    pm_store_sums sums;
    /* Reads the stored row with a given id, to subtract its hash when the
     * upsert replaces it. Only prepared for a table that had rows when the
     * import started: rows of this import are never replaced (a repeated id
     * is an error), so a load into an empty table needs no lookups. */
    sqlite3_stmt *old_row[PM_NKINDS];
    long replaced; /* rows of the current file that replaced a stored row */
    /* The indicators' columns gathered from the written rows while
     * hulpvragen, inzet and evaluaties hold only this import's rows
     * (columns_collect.h); NULL once one of them had rows before, or when
     * memory ran out: then the columns are built from the tables. */
    pm_collect *collect;
    /* Set by arrange_start: from then on collected_all gives the answer it
     * gave there and never frees the collector, which another thread may
     * be arranging (a failing table_empty must not free it under it). */
    bool collect_settled;
    /* Rows the writer refused (a repeated id, a database constraint). With
     * a pipe the reader collected them already, so the collector's
     * reference answers are not used once there is one. */
    long refused;
    int collect_field[PM_NKINDS][5]; /* collect_prepare */
    /* CREATE INDEX statements of the indexes dropped for a bulk load
     * (bulk_load), run again after the rows (rebuild_indexes); owned. */
    char *dropped[MAX_DROPPED];
    size_t ndropped;
    pm_value vals[MAX_FIELDS];
    bool bad[MAX_FIELDS];       /* the field had a value that failed its check */
    field_buf bufs[MAX_FIELDS]; /* owned copies of values (JSON, normalised text) */
    struct name_ref *keys;      /* a JSON record's keys, for repeat_keys; owned */
    size_t keys_cap;
    /* progress */
    struct timespec last_progress;
    int progress_shown;
} importer;

/* ---- small helpers ---------------------------------------------------- */

/* A column name or JSON key, trimmed, with its place in the input. */
typedef struct name_ref {
    const char *s;
    size_t len;
    size_t idx;
} name_ref;

/* Orders names case-insensitively (header names are, SPEC §2), equal names
 * by their place, so repeats lie side by side with the first one first. */
static int name_ref_cmp(const void *a, const void *b)
{
    const name_ref *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = strncasecmp(x->s, y->s, n);
    if (c != 0)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

static bool name_ref_same(const name_ref *x, const name_ref *y)
{
    return x->len == y->len && strncasecmp(x->s, y->s, x->len) == 0;
}

/* Sorts refs and returns, one by one, each name that occurs more than once:
 * *at is the position in refs to start from (0 the first time); returns the
 * first ref of the next repeated name, or NULL when there is none. Sorting
 * instead of comparing every pair keeps a header of 200,000 columns linear
 * in practice (quadratic, it took seconds on very wide headers). */
static const name_ref *next_repeat(name_ref *refs, size_t n, size_t *at)
{
    if (*at == 0)
        qsort(refs, n, sizeof *refs, name_ref_cmp);
    for (size_t i = *at + 1; i < n; i++) {
        if (refs[i].len == 0 || !name_ref_same(&refs[i - 1], &refs[i]))
            continue;
        size_t j = i;
        while (j < n && name_ref_same(&refs[i], &refs[j]))
            j++;
        *at = j;
        return &refs[i - 1];
    }
    *at = n;
    return NULL;
}

static pm_error db_fail(importer *im, const char *what)
{
    snprintf(im->msg, im->msgsize, "%s: %s (SQLite: %s)", what, pm_store_reason(im->db),
             sqlite3_errmsg(im->db));
    return PM_ERR_DB;
}

/* Remembers how the user named file id (see importer.given_path). */
static pm_error remember_path(importer *im, sqlite3_int64 id, const char *path)
{
    if (im->ngiven == im->given_cap) {
        size_t cap = im->given_cap ? 2 * im->given_cap : 8;
        const char **p = realloc(im->given_path, cap * sizeof *p);
        if (p)
            im->given_path = p;
        sqlite3_int64 *i = p ? realloc(im->given_id, cap * sizeof *i) : NULL;
        if (!i)
            return PM_ERR_NOMEM;
        im->given_id = i;
        im->given_cap = cap;
    }
    im->given_path[im->ngiven] = path;
    im->given_id[im->ngiven++] = id;
    return PM_OK;
}

/* The name a message gives the file of a stored row: as the user gave it
 * for a file of this import, the recorded file name for an earlier one.
 * c_name and c_id are the columns of st holding import_bestanden.pad and id. */
static const char *file_label(const importer *im, sqlite3_stmt *st, int c_name, int c_id)
{
    sqlite3_int64 id = sqlite3_column_int64(st, c_id);
    for (size_t i = 0; i < im->ngiven; i++)
        if (im->given_id[i] == id)
            return im->given_path[i];
    return pm_filename_base((const char *)sqlite3_column_text(st, c_name));
}

/* Copies s[0..len) into the field's own buffer, NUL-terminated. */
static const char *buf_store(field_buf *b, const char *s, size_t len)
{
    b->len = 0; /* the field's previous value is done with */
    return pm_bytebuf_add(b, s, len) ? b->p : NULL;
}

static void trim(const char **s, size_t *len)
{
    while (*len && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

/* A short, printable excerpt of a bad value for a message: at most 40
 * bytes, cut only between UTF-8 characters, "..." when cut. */
static const char *excerpt(const char *s, size_t len, char out[48])
{
    size_t n = len > 40 ? 40 : len;
    if (n < len)
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* s[n] continues a character: cut before that character */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        /* C1 controls (C2 80..9F) too: some terminals act on them. */
        bool c1 = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                  (unsigned char)s[i + 1] <= 0x9F;
        out[o++] = (c < 0x20 || c == 0x7f || c1) ? '?' : (char)c;
        i += c1;
    }
    if (n < len) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

static void join_values(const char *const *values, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; values[i] && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s%s", i ? ", " : "", values[i]);
}

/* ---- field conversion ------------------------------------------------- */

/* True when s[0..len) holds U+FFFD, the replacement character. */
static bool has_replacement_char(const char *s, size_t len)
{
    const char *end = s + len;
    const char *p = memchr(s, 0xEF, len);
    while (p) {
        if (end - p >= 3 && memcmp(p, "\xEF\xBF\xBD", 3) == 0)
            return true;
        p = memchr(p + 1, 0xEF, (size_t)(end - p - 1));
    }
    return false;
}

/* True for an amount like "12.500" or "1,500": one separator followed by
 * exactly three digits. Read as a decimal it is 1000 times smaller than a
 * Dutch reader meant, and nothing in the text tells which was meant. */
static bool ambiguous_thousands(const char *s, size_t len)
{
    size_t seps = 0, after = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.' || s[i] == ',') {
            seps++;
            after = 0;
        } else if (s[i] >= '0' && s[i] <= '9') {
            after++;
        } else {
            after = 0;
        }
    }
    return seps == 1 && after == 3;
}

/* Normalises a '|'-separated channel list: parts trimmed, empty parts
 * dropped. Returns the normalised length (0 = absent). */
static size_t normalise_channels(const char *s, size_t len, char *out)
{
    size_t n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '|')
            continue;
        const char *part = s + start;
        size_t plen = i - start;
        trim(&part, &plen);
        if (plen) {
            if (n)
                out[n++] = '|';
            memcpy(out + n, part, plen);
            n += plen;
        }
        start = i + 1;
    }
    out[n] = '\0';
    return n;
}

static const char *cell_ref(char **ref, const char *label, uint32_t col, long row);

/* Where a message about the value being converted points: the workbook
 * cell, else file. */
static const char *place(importer *im, const char *file)
{
    return im->cell_label
               ? cell_ref(&im->cell_buf, im->cell_label, im->cell_col, im->cell_row)
               : file;
}

/* Converts the raw text of field fi into im->vals[fi]. json_number says that
 * s is the literal of a JSON number, whose '.' is always the decimal point.
 * Reports problems to diag. */
static void convert_field(importer *im, const pm_field *f, int fi, const char *s,
                          size_t len, bool json_number, const char *file, long line)
{
    pm_value *v = &im->vals[fi];
    char ex[48];
    v->present = false;
    if (f->type == PM_F_ID) {
        /* A quoted CSV field keeps its spaces, but "SOBX " and SOBX must be
         * one organisation (SPEC §2). The copy keeps the text a C string
         * for the row rules; JSON strings arrive trimmed, so s never lies in
         * the buffer it would be copied to. */
        size_t full = len;
        trim(&s, &len);
        if (len > 0 && len != full) {
            s = buf_store(&im->bufs[fi], s, len);
            if (!s) {
                pm_diag_error(im->rdiag, place(im, file), line, f->name,
                              "onvoldoende geheugen");
                im->bad[fi] = true;
                return;
            }
        }
    }
    if (len == 0)
        return;
    /* Until the value passes, the field counts as bad, not as empty. */
    im->bad[fi] = true;
    if (memchr(s, '\0', len)) {
        pm_diag_error(im->rdiag, place(im, file), line, f->name,
                      "bevat een NUL-teken (binaire gegevens?)");
        return;
    }
    if (!pm_utf8_valid(s, len)) {
        pm_diag_error(im->rdiag, place(im, file), line, f->name,
                      "ongeldige UTF-8-tekst; sla het bestand op als 'CSV UTF-8'");
        return;
    }
    uint32_t cp = 0;
    size_t pos = 0;
    pm_text_status ts = pm_text_check(s, len, f->type == PM_F_ID, &cp, &pos);
    if (ts == PM_TEXT_XML) {
        pm_diag_error(im->rdiag, place(im, file), line, f->name,
                      "bevat een %s (U+%04X) op positie %zu; dat teken kan niet in "
                      "Excel, PDF of HTML staan: verwijder het",
                      pm_char_name(cp), (unsigned)cp, pos);
        return;
    }
    if (ts == PM_TEXT_ID) {
        pm_diag_error(im->rdiag, place(im, file), line, f->name,
                      "'%s' bevat een %s (U+%04X) op positie %zu; een id mag geen "
                      "stuurtekens, vaste of onzichtbare spaties of BOM bevatten "
                      "(anders lijkt het op een ander id): typ het id opnieuw",
                      excerpt(s, len, ex), pm_char_name(cp), (unsigned)cp, pos);
        return;
    }
    v->text = s;
    v->len = len;
    int64_t num = 0;
    switch (f->type) {
    case PM_F_ID:
        if (len > ID_MAX_LEN) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "langer dan %d tekens", ID_MAX_LEN);
            return;
        }
        break;
    case PM_F_TEXT:
        if (has_replacement_char(s, len))
            pm_diag_warn(im->rdiag, place(im, file), line, f->name,
                         "bevat het vervangingsteken U+FFFD: de tekst is waarschijnlijk "
                         "eerder met een verkeerde tekencodering omgezet");
        break;
    case PM_F_ENUM: {
        const char *canon = NULL;
        for (size_t i = 0; f->values[i]; i++)
            if (strlen(f->values[i]) == len && strncasecmp(f->values[i], s, len) == 0)
                canon = f->values[i];
        if (!canon) {
            char allowed[256];
            join_values(f->values, allowed, sizeof allowed);
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "'%s' is geen toegestane waarde; kies uit: %s",
                          excerpt(s, len, ex), allowed);
            return;
        }
        v->text = canon;
        v->len = strlen(canon);
        break;
    }
    case PM_F_DATE: {
        pm_day day;
        if (!pm_day_parse(s, len, &day)) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "'%s' is geen geldige datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ",
                          excerpt(s, len, ex));
            return;
        }
        num = day;
        break;
    }
    case PM_F_MONEY:
    case PM_F_SCORE:
    case PM_F_HOURS: {
        if (f->type == PM_F_MONEY && !json_number && ambiguous_thousands(s, len)) {
            pm_diag_error(
                im->rdiag, place(im, file), line, f->name,
                "'%s' is dubbelzinnig: drie cijfers na één scheidingsteken kunnen "
                "duizendtallen zijn; schrijf het bedrag zonder scheidingsteken "
                "voor duizendtallen (12500 of 12500,00)",
                excerpt(s, len, ex));
            return;
        }
        int scale = f->type == PM_F_SCORE ? 1 : 2;
        pm_decimal_status st = pm_decimal_parse(s, len, scale, &num);
        if (st == PM_DEC_TOO_PRECISE) {
            pm_diag_error(
                im->rdiag, place(im, file), line, f->name, "'%s' heeft meer dan %d %s%s",
                excerpt(s, len, ex), scale, scale == 1 ? "decimaal" : "decimalen",
                f->type == PM_F_MONEY ? " (scheid duizendtallen niet met een punt)" : "");
            return;
        }
        if (st == PM_DEC_RANGE) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "%s is onwaarschijnlijk groot", excerpt(s, len, ex));
            return;
        }
        if (st != PM_DEC_OK) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name, "'%s' is geen getal",
                          excerpt(s, len, ex));
            return;
        }
        if (f->type == PM_F_SCORE && (num < 10 || num > 100)) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "%s ligt niet tussen 1 en 10", excerpt(s, len, ex));
            return;
        }
        if (f->type == PM_F_HOURS && (num < 1 || num > 2400)) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "%s moet groter dan 0 en hoogstens 24 zijn",
                          excerpt(s, len, ex));
            return;
        }
        if (f->type == PM_F_MONEY && (num < f->min || num > f->max)) {
            if (f->min > 0 && num < f->min)
                pm_diag_error(im->rdiag, place(im, file), line, f->name,
                              "moet groter dan 0 zijn");
            else if (num < 0 && f->min == 0)
                pm_diag_error(im->rdiag, place(im, file), line, f->name,
                              "mag niet negatief zijn");
            else
                pm_diag_error(im->rdiag, place(im, file), line, f->name,
                              "%s is onwaarschijnlijk groot", excerpt(s, len, ex));
            return;
        }
        break;
    }
    case PM_F_INT:
        if (!pm_int_parse(s, len, &num)) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "'%s' is geen geheel getal", excerpt(s, len, ex));
            return;
        }
        if (num < f->min || num > f->max) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "%lld ligt niet tussen %lld en %lld", (long long)num,
                          (long long)f->min, (long long)f->max);
            return;
        }
        break;
    case PM_F_CHANNELS: {
        field_buf *b = &im->bufs[fi];
        char *tmp = malloc(len + 1);
        if (!tmp) {
            pm_diag_error(im->rdiag, place(im, file), line, f->name,
                          "onvoldoende geheugen");
            return;
        }
        size_t n = normalise_channels(s, len, tmp);
        const char *stored = n ? buf_store(b, tmp, n) : NULL;
        free(tmp);
        if (!stored) {
            im->bad[fi] = false; /* no channels: absent */
            return;
        }
        v->text = stored;
        v->len = n;
        break;
    }
    }
    v->num = num;
    v->present = true;
    im->bad[fi] = false;
}

/* ---- writing rows ----------------------------------------------------- */

static pm_error prepare_upsert(importer *im, const pm_dataset *ds)
{
    if (im->upsert[ds->kind])
        return PM_OK;
    char sql[2048];
    size_t n = (size_t)snprintf(sql, sizeof sql, "INSERT INTO %s(", ds->name);
    for (size_t i = 0; i < ds->nfields; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, "%s, ", ds->fields[i].column);
    n += (size_t)snprintf(sql + n, sizeof sql - n, "bestand, regel) VALUES (");
    for (size_t i = 0; i < ds->nfields + 2; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, "%s?%zu", i ? ", " : "", i + 1);
    n += (size_t)snprintf(sql + n, sizeof sql - n, ") ON CONFLICT(id) DO UPDATE SET ");
    for (size_t i = 1; i < ds->nfields; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, "%s = excluded.%s, ",
                              ds->fields[i].column, ds->fields[i].column);
    snprintf(sql + n, sizeof sql - n,
             "bestand = excluded.bestand, regel = excluded.regel WHERE %s.bestand < ?%zu",
             ds->name, ds->nfields + 3);
    if (sqlite3_prepare_v3(im->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &im->upsert[ds->kind], NULL) != SQLITE_OK)
        return db_fail(im, "voorbereiden van de import");
    return PM_OK;
}

/* Reports where the first row with this id came from in this import. */
static void report_duplicate(importer *im, const pm_dataset *ds, const pm_value *id,
                             const char *file, long line)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT f.pad, t.regel, t.bestand FROM %s t JOIN import_bestanden f "
             "ON f.id = t.bestand WHERE t.id = ?1",
             ds->name);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, id->text, (int)id->len, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            pm_diag_error(im->diag, file, line, "id",
                          "'%s' komt in deze import al voor (%s:%lld)", id->text,
                          file_label(im, st, 0, 2),
                          (long long)sqlite3_column_int64(st, 1));
            sqlite3_finalize(st);
            return;
        }
    }
    sqlite3_finalize(st);
    pm_diag_error(im->diag, file, line, "id", "'%s' komt in deze import dubbel voor",
                  id->text);
}

/* The fields of each dataset that the columns' collector reads, in the
 * order collect_row passes them on. */
static const char *const collected_fields[PM_NKINDS][5] = {
    [PM_HULPVRAGEN] = {"id", "organisatie", "ontvangen", "eerste_contact", "onderwerp"},
    [PM_EVALUATIES] = {"soort", "datum", "organisatie", "specialist", "score"},
    [PM_INZET] = {"datum", "specialist", "hulpvraag", "uren", NULL},
};

/* Finds the places of collected_fields in ds once, for collect_row. */
static void collect_prepare(importer *im, const pm_dataset *ds)
{
    for (size_t j = 0; j < 5; j++) {
        const char *name = collected_fields[ds->kind][j];
        im->collect_field[ds->kind][j] = name ? pm_dataset_field_index(ds, name) : -1;
    }
}

/* Field j of collected_fields as the upsert stores it: the text (NULL when
 * absent, the default of an enum) with *len, and its number (0 when
 * absent) in *num. */
static const char *stored(const importer *im, const pm_dataset *ds, size_t j, size_t *len,
                          int64_t *num)
{
    int i = im->collect_field[ds->kind][j];
    const pm_value *v = &im->vals[i];
    *len = 0;
    *num = 0;
    if (v->present) {
        *len = v->len;
        *num = v->num;
        return v->text;
    }
    if (ds->fields[i].type == PM_F_ENUM && ds->fields[i].dflt) {
        *len = strlen(ds->fields[i].dflt);
        return ds->fields[i].dflt;
    }
    return NULL;
}

/* Hands a written row of hulpvragen, inzet or evaluaties to the columns'
 * collector (the small tables are read at the end). */
static pm_error collect_row(importer *im, const pm_dataset *ds)
{
    size_t l[5];
    int64_t n[5];
    const char *t[5];
    if (ds->kind != PM_HULPVRAGEN && ds->kind != PM_EVALUATIES && ds->kind != PM_INZET)
        return PM_OK;
    for (size_t j = 0; j < 5; j++)
        t[j] = collected_fields[ds->kind][j] ? stored(im, ds, j, &l[j], &n[j]) : NULL;
    if (ds->kind == PM_HULPVRAGEN)
        return pm_collect_request(im->collect, t[0], l[0], t[1], l[1], (pm_day)n[2],
                                  (pm_day)n[3], t[4]);
    if (ds->kind == PM_EVALUATIES)
        return pm_collect_evaluation(im->collect, t[0], (pm_day)n[1], t[2], l[2], t[3],
                                     l[3], (int32_t)n[4]);
    return pm_collect_inzet(im->collect, (pm_day)n[0], t[1], l[1], t[2], l[2],
                            (int32_t)n[3]);
}

/* The row's part of the data fingerprint (store.h): each value as SQLite
 * will store it, text, integer or NULL, as pm_store_sums_compute reads it
 * back. */
static uint64_t row_hash(const pm_dataset *ds, const pm_value *vals)
{
    uint64_t h = PM_ROWHASH_INIT;
    for (size_t i = 0; i < ds->nfields; i++) {
        const pm_field *f = &ds->fields[i];
        const pm_value *v = &vals[i];
        if (!v->present)
            h = f->type == PM_F_ENUM && f->dflt
                    ? pm_rowhash_text(h, f->dflt, strlen(f->dflt))
                    : pm_rowhash_null(h);
        else if (f->type == PM_F_ID || f->type == PM_F_TEXT || f->type == PM_F_ENUM ||
                 f->type == PM_F_CHANNELS)
            h = pm_rowhash_text(h, v->text, v->len);
        else
            h = pm_rowhash_int(h, v->num);
    }
    return pm_rowhash_end(h);
}

/* Binds the converted row vals (hash: row_hash) and runs the upsert.
 * Returns 1 when a row was written, 0 when it was rejected (reported to
 * im->diag), or PM_ERR_DB (negative). Runs in the pipe's thread while one
 * runs: it touches the database, the sums and im->diag, never the reading
 * side's state. */
static int write_row(importer *im, const pm_dataset *ds, const pm_value *vals,
                     uint64_t hash, sqlite3_int64 file_id, const char *file, long line)
{
    /* The row that this one may replace, read before the upsert changes it. */
    bool had_old = false;
    uint64_t old_hash = 0;
    sqlite3_stmt *old = im->old_row[ds->kind];
    if (old) {
        sqlite3_bind_text(old, 1, vals[0].text, (int)vals[0].len, SQLITE_STATIC);
        int orc = sqlite3_step(old);
        if (orc == SQLITE_ROW) {
            had_old = true;
            old_hash = pm_rowhash_stmt(old, (int)ds->nfields);
        }
        sqlite3_reset(old);
        if (orc != SQLITE_ROW && orc != SQLITE_DONE) {
            db_fail(im, "lezen van een bestaande rij");
            return -1;
        }
    }
    sqlite3_stmt *st = im->upsert[ds->kind];
    for (size_t i = 0; i < ds->nfields; i++) {
        const pm_field *f = &ds->fields[i];
        const pm_value *v = &vals[i];
        int p = (int)i + 1;
        if (!v->present) {
            if (f->type == PM_F_ENUM && f->dflt)
                sqlite3_bind_text(st, p, f->dflt, -1, SQLITE_STATIC);
            else
                sqlite3_bind_null(st, p);
        } else if (f->type == PM_F_ID || f->type == PM_F_TEXT || f->type == PM_F_ENUM ||
                   f->type == PM_F_CHANNELS) {
            sqlite3_bind_text(st, p, v->text, (int)v->len, SQLITE_STATIC);
        } else {
            sqlite3_bind_int64(st, p, v->num);
        }
    }
    sqlite3_bind_int64(st, (int)ds->nfields + 1, file_id);
    sqlite3_bind_int64(st, (int)ds->nfields + 2, line);
    sqlite3_bind_int64(st, (int)ds->nfields + 3, im->first_file_id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
        if (sqlite3_changes(im->db) == 0) {
            report_duplicate(im, ds, &vals[0], file, line);
            im->refused++;
            return 0;
        }
        /* Unsigned sums wrap, so subtracting undoes adding exactly. */
        im->sums.sum[ds->kind] += hash;
        if (had_old) {
            im->sums.sum[ds->kind] -= old_hash;
            im->replaced++;
        } else {
            im->sums.count[ds->kind]++;
        }
        return 1;
    }
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {
        /* The field checks should have caught this; say what SQLite saw. */
        pm_diag_error(im->diag, file, line, NULL, "rij geweigerd door de database: %s",
                      sqlite3_errmsg(im->db));
        im->refused++;
        return 0;
    }
    db_fail(im, "schrijven van een rij");
    return -1;
}

/* Hands a row that passed every check to the columns' collector; on no
 * memory the collector is dropped and the tables are read instead. */
static void collect_or_drop(importer *im, const pm_dataset *ds)
{
    if (im->collect && collect_row(im, ds) != PM_OK) {
        pm_collect_free(im->collect);
        im->collect = NULL;
    }
}

/* Checks required fields and the row rule, then writes. Same return as
 * write_row; with a pipe the row is handed to it (written there, counted in
 * pipe_written) and 0 is returned. errors_before is im->rdiag's count when
 * the row began. */
static int finish_row(importer *im, const pm_dataset *ds, sqlite3_int64 file_id,
                      const char *file, long line, size_t errors_before, bool json)
{
    pm_diag *d = im->rdiag;
    for (size_t i = 0; i < ds->nfields; i++)
        if (ds->fields[i].required && !im->vals[i].present && !im->bad[i])
            pm_diag_error(d, file, line, ds->fields[i].name,
                          json ? "ontbreekt (verplicht veld)"
                               : "is leeg (verplicht veld)");
    if (d->nerrors == errors_before && ds->row_rule)
        ds->row_rule(im->vals, d, file, line);
    bool ok = d->nerrors == errors_before;
    if (im->pipe) {
        /* A row the writer may still refuse (a repeated id, a constraint)
         * is collected too: that refusal fails the import, and
         * check_references then asks the tables (im->refused). */
        uint64_t hash = ok ? row_hash(ds, im->vals) : 0;
        if (ok)
            collect_or_drop(im, ds);
        pm_error err = pm_rowpipe_submit(im->pipe, line, ok, hash, im->vals);
        im->rdiag = pm_rowpipe_diag(im->pipe);
        return err ? -1 : 0; /* rows_fail says which */
    }
    if (!ok)
        return 0;
    int w = write_row(im, ds, im->vals, row_hash(ds, im->vals), file_id, file, line);
    if (w == 1)
        collect_or_drop(im, ds);
    return w;
}

/* The pipe's write function (rowpipe.h), in its thread. */
static int pipe_write(void *ctx, long line, uint64_t hash, const pm_value *vals)
{
    importer *im = ctx;
    int w = write_row(im, im->pipe_ds, vals, hash, im->pipe_file_id, im->pipe_file, line);
    if (w > 0)
        im->pipe_written++;
    return w;
}

/* An environment variable keeps the import on one thread (no row writer,
 * no workbook read-ahead, no arranging thread), so a test can compare both
 * ways. */
static bool one_thread(void)
{
    const char *serial = getenv("PIJLERMONITOR_IMPORT_SERIEEL");
    return serial && *serial && strcmp(serial, "0") != 0;
}

/* From here until rows_end, the rows of file (dataset ds, file_id) are
 * written by a second thread when one can be had. Not for JSON: its rows
 * are few, and its reader reports through im->diag. */
static void rows_begin(importer *im, const pm_dataset *ds, sqlite3_int64 file_id,
                       const char *file)
{
    im->pipe_ds = ds;
    im->pipe_file_id = file_id;
    im->pipe_file = file;
    im->pipe_written = 0;
    if (!one_thread())
        im->pipe = pm_rowpipe_start(ds->nfields, im->diag, pipe_write, im);
    im->rdiag = im->pipe ? pm_rowpipe_diag(im->pipe) : im->diag;
}

/* Waits for the writer; adds what it wrote to *written. PM_ERR_DB when it
 * stopped at a database failure (im->msg says which); then *rows (the
 * file's count of rows read, when not NULL) becomes the rows up to that
 * one, as without the pipe. Safe to call twice. */
static pm_error rows_end(importer *im, long *written, long *rows)
{
    long seen = 0;
    bool piped = im->pipe != NULL;
    pm_error err = pm_rowpipe_finish(im->pipe, &seen);
    if (piped && err == PM_ERR_DB && rows)
        *rows = seen;
    if (err == PM_ERR_NOMEM)
        snprintf(im->msg, im->msgsize, "onvoldoende geheugen");
    im->pipe = NULL;
    im->rdiag = im->diag;
    *written += im->pipe_written;
    im->pipe_written = 0;
    return err;
}

/* After finish_row returned -1: ends the pipe and gives the error. */
static pm_error rows_fail(importer *im, long *written, long *rows)
{
    pm_error err = rows_end(im, written, rows);
    return err ? err : PM_ERR_DB;
}

/* ---- progress --------------------------------------------------------- */

static void show_progress(importer *im, const char *file, long rows, uint64_t done,
                          uint64_t size, bool final)
{
    if (!im->opts->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double dt = (double)(now.tv_sec - im->last_progress.tv_sec) +
                (double)(now.tv_nsec - im->last_progress.tv_nsec) / 1e9;
    if (!final && dt < 0.2)
        return;
    if (final && !im->progress_shown)
        return;
    im->last_progress = now;
    im->progress_shown = 1;
    int pct = size ? (int)(done * 100 / size) : 0;
    fprintf(stderr, "\r%s: %ld rijen (%d%%)%s", file, rows, pct, final ? "\n" : "");
}

/* ---- one file --------------------------------------------------------- */

/* A table that is empty when the import first touches it is loaded in
 * bulk: its secondary indexes are dropped inside the transaction and
 * created again once all rows are in (rebuild_indexes). One sorted build is
 * cheaper than inserting every row at a random place in each index, which
 * at 1M requests no longer fits the page cache. A ROLLBACK (an error,
 * --dry-run, a crash) brings the indexes back with everything else. */
static pm_error bulk_load(importer *im, const pm_dataset *ds)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(im->db,
                           "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                           "AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(im, "voorbereiden van de import");
    sqlite3_bind_text(st, 1, ds->name, -1, SQLITE_STATIC);
    char names[MAX_DROPPED][64];
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && im->ndropped < MAX_DROPPED) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *sql = (const char *)sqlite3_column_text(st, 1);
        /* Only our own plain index names and one plain CREATE INDEX
         * statement each (the text is executed again by rebuild_indexes, so
         * a file edited to carry more statements must not run them);
         * anything else stays as it is. */
        if (!name || !sql || strlen(name) >= sizeof names[0] ||
            strspn(name, "abcdefghijklmnopqrstuvwxyz_") != strlen(name) ||
            strncmp(sql, "CREATE INDEX ", 13) != 0 || strchr(sql, ';'))
            continue;
        char *copy = strdup(sql);
        if (!copy) {
            sqlite3_finalize(st);
            return PM_ERR_NOMEM;
        }
        im->dropped[im->ndropped++] = copy;
        snprintf(names[n++], sizeof names[0], "%s", name);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(im, "voorbereiden van de import");
    pm_error err = PM_OK;
    for (size_t i = 0; i < n && !err; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "DROP INDEX \"%s\"", names[i]);
        err = pm_store_exec(im->db, sql, im->msg, im->msgsize);
    }
    return err;
}

/* Creates the indexes bulk_load dropped again. CREATE INDEX sorts in runs
 * as large as the page cache: runs of 2 MiB fit the CPU's caches and merge
 * faster than one sort of 64 MiB, without raising the peak RSS
 * (docs/PERFORMANCE.md). The cache size is restored afterwards. */
static pm_error rebuild_indexes(importer *im)
{
    if (!im->ndropped)
        return PM_OK;
    sqlite3_stmt *st = NULL;
    long long cache = -65536;
    if (sqlite3_prepare_v2(im->db, "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        cache = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    pm_error err =
        pm_store_exec(im->db, "PRAGMA cache_size = -2048", im->msg, im->msgsize);
    for (size_t i = 0; i < im->ndropped && !err; i++) {
        /* Exactly one statement (bulk_load checked the text): prepared and
         * stepped, never sqlite3_exec, which would run whatever follows. */
        const char *tail = NULL;
        int rc = sqlite3_prepare_v2(im->db, im->dropped[i], -1, &st, &tail);
        if (rc == SQLITE_OK && tail && tail[strspn(tail, " \t\r\n")] != '\0')
            rc = SQLITE_ERROR;
        if (rc == SQLITE_OK)
            rc = sqlite3_step(st);
        sqlite3_finalize(st);
        st = NULL;
        if (rc != SQLITE_DONE)
            err = db_fail(im, "herbouwen van de indexen");
    }
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", cache);
    pm_error err2 = pm_store_exec(im->db, sql, im->msg, im->msgsize);
    return err ? err : err2;
}

/* On the first file of a dataset in this import: when its table has rows,
 * prepares the lookup of the row an upsert replaces (im->old_row); when it
 * has none, starts a bulk load. Asked of the table itself, not of the stored
 * count, so that the added and replaced figures stay right even if the
 * count was changed by hand. */
static pm_error first_touch(importer *im, const pm_dataset *ds)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT 1 FROM %s LIMIT 1", ds->name);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(im, "voorbereiden van de import");
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    collect_prepare(im, ds);
    if (rc == SQLITE_DONE)
        return bulk_load(im, ds);
    if (rc != SQLITE_ROW)
        return db_fail(im, "voorbereiden van de import");
    if (ds->kind == PM_HULPVRAGEN || ds->kind == PM_EVALUATIES || ds->kind == PM_INZET) {
        pm_collect_free(im->collect); /* the columns need the stored rows too */
        im->collect = NULL;
    }
    size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT ");
    for (size_t f = 0; f < ds->nfields; f++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, "%s%s", f ? ", " : "",
                              ds->fields[f].column);
    snprintf(sql + n, sizeof sql - n, " FROM %s WHERE id = ?1", ds->name);
    if (sqlite3_prepare_v3(im->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &im->old_row[ds->kind], NULL) != SQLITE_OK)
        return db_fail(im, "voorbereiden van de import");
    return PM_OK;
}

static pm_error begin_file(importer *im, const char *path, const pm_dataset *ds,
                           sqlite3_int64 *file_id)
{
    sqlite3_stmt *st = im->insert_file;
    sqlite3_bind_int64(st, 1, im->import_id);
    /* Only the file name: the database and every output made from it stay
     * free of the machine's folders (SPEC §7). */
    sqlite3_bind_text(st, 2, pm_filename_base(path), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, ds->name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(im, "registreren van het bestand");
    *file_id = sqlite3_last_insert_rowid(im->db);
    if (remember_path(im, *file_id, path) != PM_OK) {
        snprintf(im->msg, im->msgsize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    if (!im->first_file_id)
        im->first_file_id = *file_id;
    im->replaced = 0;
    pm_error err = PM_OK;
    if (!im->touched[ds->kind])
        err = first_touch(im, ds);
    im->touched[ds->kind] = true;
    return err ? err : prepare_upsert(im, ds);
}

/* Records the file's figures. Every written row either replaced a stored
 * row (counted by write_row) or was added, so no count(*) of the table is
 * needed: that scanned millions of rows per file. */
static pm_error end_file(importer *im, sqlite3_int64 file_id, pm_import_file *out,
                         long written)
{
    out->replaced = im->replaced;
    out->added = written - out->replaced;
    sqlite3_stmt *st = im->update_file;
    sqlite3_bind_int64(st, 1, out->rows);
    sqlite3_bind_int64(st, 2, out->added);
    sqlite3_bind_int64(st, 3, out->replaced);
    sqlite3_bind_int64(st, 4, file_id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? PM_OK : db_fail(im, "bijwerken van het bestand");
}

static const char *dataset_hint(const pm_dataset *closest)
{
    return closest ? closest->name : "geen";
}

/* Reports missing required columns and unknown columns; maps columns to
 * fields. Returns false when the file cannot be imported. */
static bool map_columns(importer *im, const pm_dataset *ds, const char *path,
                        const char *const *cols, size_t ncols, int *colmap)
{
    bool ok = true;
    name_ref *refs = malloc((ncols ? ncols : 1) * sizeof *refs);
    if (!refs) {
        pm_diag_error(im->diag, path, 1, NULL, "onvoldoende geheugen voor de kopregel");
        return false;
    }
    for (size_t c = 0; c < ncols; c++) {
        refs[c] = (name_ref){cols[c], strlen(cols[c]), c};
        colmap[c] = pm_dataset_field_index(ds, cols[c]);
        if (cols[c][0] == '\0') {
            colmap[c] = -1;
            continue;
        }
        if (colmap[c] < 0)
            pm_diag_warn(im->diag, path, 1, cols[c],
                         "onbekende kolom voor %s; wordt genegeerd", ds->name);
    }
    size_t at = 0;
    for (const name_ref *rep = next_repeat(refs, ncols, &at); rep;
         rep = next_repeat(refs, ncols, &at)) {
        pm_diag_error(im->diag, path, 1, rep->s, "kolom komt twee keer voor");
        ok = false;
    }
    free(refs);
    for (size_t f = 0; f < ds->nfields; f++) {
        if (!ds->fields[f].required)
            continue;
        bool seen = false;
        for (size_t c = 0; c < ncols; c++)
            seen |= colmap[c] == (int)f;
        if (!seen) {
            pm_diag_error(im->diag, path, 1, ds->fields[f].name,
                          "verplichte kolom ontbreekt in de kopregel van %s", ds->name);
            ok = false;
        }
    }
    return ok;
}

static pm_error import_csv(importer *im, const char *path, pm_import_file *out)
{
    pm_csv *csv = NULL;
    char why[512];
    long bad_line = 0;
    pm_error err = pm_csv_open_at(&csv, path, &bad_line, why, sizeof why);
    if (err) {
        pm_diag_error(im->diag, path, bad_line, NULL, "%s", why);
        return err == PM_ERR_DATA ? PM_OK : err;
    }
    size_t ncols = pm_csv_ncols(csv);
    const char **cols = calloc(ncols ? ncols : 1, sizeof *cols);
    int *colmap = calloc(ncols ? ncols : 1, sizeof *colmap);
    if (!cols || !colmap) {
        free(cols);
        free(colmap);
        pm_csv_close(csv);
        return PM_ERR_NOMEM;
    }
    for (size_t c = 0; c < ncols; c++)
        cols[c] = pm_csv_colname(csv, c);
    const pm_dataset *closest = NULL;
    const pm_dataset *ds =
        im->opts->kind ? im->opts->kind : pm_dataset_detect(cols, ncols, &closest);
    if (!ds) {
        pm_diag_error(
            im->diag, path, 1, NULL,
            "soort gegevens niet herkend aan de kopregel (lijkt het meest op %s; "
            "ontbreekt een verplichte kolom?); geef de soort met --kind",
            dataset_hint(closest));
        if (closest)
            map_columns(im, closest, path, cols, ncols, colmap);
        goto done;
    }
    out->ds = ds;
    if (!map_columns(im, ds, path, cols, ncols, colmap))
        goto done;

    sqlite3_int64 file_id;
    err = begin_file(im, path, ds, &file_id);
    if (err)
        goto done;
    long written = 0;
    pm_csv_record rec;
    int rc;
    rows_begin(im, ds, file_id, path);
    while ((rc = pm_csv_next(csv, &rec, why, sizeof why)) == PM_CSV_RECORD) {
        out->rows++;
        size_t errors_before = im->rdiag->nerrors;
        for (size_t i = 0; i < ds->nfields; i++)
            im->vals[i].present = im->bad[i] = false;
        if (rec.error)
            pm_diag_error(im->rdiag, path, rec.line,
                          rec.error_field >= 0 && (size_t)rec.error_field < ncols
                              ? cols[rec.error_field]
                              : NULL,
                          "%s", rec.error);
        for (size_t c = ncols; c < rec.nfields; c++)
            if (rec.fields[c].len) {
                pm_diag_error(im->rdiag, path, rec.line, NULL,
                              "de regel heeft %zu velden, de kopregel %zu", rec.nfields,
                              ncols);
                break;
            }
        size_t nf = rec.nfields < ncols ? rec.nfields : ncols;
        for (size_t c = 0; c < nf; c++)
            if (colmap[c] >= 0)
                convert_field(im, &ds->fields[colmap[c]], colmap[c], rec.fields[c].ptr,
                              rec.fields[c].len, false, path, rec.line);
        int w = finish_row(im, ds, file_id, path, rec.line, errors_before, false);
        if (w < 0) {
            err = rows_fail(im, &written, &out->rows);
            goto done;
        }
        written += w;
        if ((out->rows & 4095) == 0)
            show_progress(im, path, out->rows, pm_csv_bytes_read(csv),
                          pm_csv_file_size(csv), false);
    }
    err = rows_end(im, &written, &out->rows);
    if (err)
        goto done;
    show_progress(im, path, out->rows, pm_csv_bytes_read(csv), pm_csv_file_size(csv),
                  true);
    if (rc == PM_CSV_FATAL)
        pm_diag_error(im->diag, path, rec.line,
                      rec.error_field >= 0 && (size_t)rec.error_field < ncols
                          ? cols[rec.error_field]
                          : NULL,
                      "%s", why);
    err = end_file(im, file_id, out, written);
done:
    if (im->pipe) { /* left early: the writer must stop before anything else */
        long ignored = 0;
        rows_end(im, &ignored, NULL);
    }
    free(cols);
    free(colmap);
    pm_csv_close(csv);
    return err;
}

/* The text of a JSON value for field conversion: strings trimmed, numbers
 * as their literal text (jsonrd.h keeps it; a double would turn
 * 6.9999999999999999 into 7), arrays of strings joined with '|' (for
 * kanalen). Sets *number for a number. Returns false (and reports) for
 * anything else, and for a number where an id or reference is expected. */
static bool json_value_text(importer *im, const pm_field *f, int fi, const cJSON *item,
                            const char *file, long recno, const char **s, size_t *len,
                            bool *number)
{
    field_buf *b = &im->bufs[fi];
    *number = false;
    if (cJSON_IsNull(item)) {
        *s = "";
        *len = 0;
        return true;
    }
    if (cJSON_IsString(item)) {
        const char *p = item->valuestring;
        size_t n = strlen(p);
        trim(&p, &n);
        *s = buf_store(b, p, n);
        *len = n;
        return *s != NULL;
    }
    if (cJSON_IsNumber(item)) {
        const char *lit = item->valuestring;
        char ex[48];
        if (f->type == PM_F_ID) {
            /* 12345678901234567890 and ...891 are one double: as ids they
             * would be one organisation. */
            pm_diag_error(im->diag, file, recno, f->name,
                          "moet een tekst tussen aanhalingstekens zijn, geen getal "
                          "(schrijf \"%s\")",
                          lit ? excerpt(lit, strlen(lit), ex) : "");
            return false;
        }
        if (!lit)
            return false;
        if (strpbrk(lit, "eE")) {
            pm_diag_error(im->diag, file, recno, f->name,
                          "getal %s in exponentnotatie wordt niet gelezen; schrijf het "
                          "getal voluit",
                          excerpt(lit, strlen(lit), ex));
            return false;
        }
        /* Copied: the element, and the literal with it, is freed before
         * the row is written. */
        *len = strlen(lit);
        *s = buf_store(b, lit, *len);
        *number = true;
        return *s != NULL;
    }
    if (cJSON_IsArray(item) && f->type == PM_F_CHANNELS) {
        size_t total = 0;
        const cJSON *el;
        cJSON_ArrayForEach(el, item)
        {
            if (!cJSON_IsString(el)) {
                pm_diag_error(im->diag, file, recno, f->name,
                              "verwacht een lijst van teksten");
                return false;
            }
            total += strlen(el->valuestring) + 1;
        }
        char *joined = malloc(total + 1);
        if (!joined)
            return false;
        size_t n = 0;
        cJSON_ArrayForEach(el, item)
        {
            size_t l = strlen(el->valuestring);
            if (n)
                joined[n++] = '|';
            memcpy(joined + n, el->valuestring, l);
            n += l;
        }
        *s = buf_store(b, joined, n);
        *len = n;
        free(joined);
        return *s != NULL;
    }
    pm_diag_error(im->diag, file, recno, f->name, "verwacht een tekst of getal, geen %s",
                  cJSON_IsBool(item) ? "waar/onwaar" : "lijst of object");
    return false;
}

/* Reports every key that occurs twice in one record (trimmed, ignoring
 * case, as the field names): which of the two values would count is
 * anyone's guess, and cJSON keeps both. PM_ERR_NOMEM when the keys do not
 * fit in memory. */
static pm_error repeat_keys(importer *im, const cJSON *obj, const char *file, long recno)
{
    size_t n = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, obj) n++;
    if (n < 2)
        return PM_OK;
    if (n > im->keys_cap) {
        name_ref *grown = realloc(im->keys, n * sizeof *grown);
        if (!grown)
            return PM_ERR_NOMEM;
        im->keys = grown;
        im->keys_cap = n;
    }
    n = 0;
    cJSON_ArrayForEach(it, obj)
    {
        const char *k = it->string ? it->string : "";
        size_t len = strlen(k);
        trim(&k, &len);
        im->keys[n] = (name_ref){k, len, n};
        n++;
    }
    size_t at = 0;
    for (const name_ref *rep = next_repeat(im->keys, n, &at); rep;
         rep = next_repeat(im->keys, n, &at)) {
        char ex[48];
        pm_diag_error(im->diag, file, recno, excerpt(rep->s, rep->len, ex),
                      "komt twee keer voor in dit record");
    }
    return PM_OK;
}

static void lower_key(const char *key, char *out, size_t size)
{
    const char *p = key;
    size_t n = strlen(p);
    trim(&p, &n);
    if (n >= size)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)p[i]);
    out[n] = '\0';
}

static pm_error import_json(importer *im, const char *path, pm_import_file *out)
{
    pm_jsonrd *rd = NULL;
    char why[512];
    pm_error err = pm_jsonrd_open(&rd, path, why, sizeof why);
    if (err) {
        pm_diag_error(im->diag, path, 0, NULL, "%s", why);
        return err == PM_ERR_DATA ? PM_OK : err;
    }
    const pm_dataset *ds = im->opts->kind;
    sqlite3_int64 file_id = 0;
    long written = 0;
    char warned[MAX_FIELDS * 4][64];
    size_t nwarned = 0;
    cJSON *elem = NULL;
    long recno = 0;
    int rc;
    while ((rc = pm_jsonrd_next(rd, &elem, &recno, why, sizeof why)) ==
           PM_JSONRD_ELEMENT) {
        out->rows++;
        if (!cJSON_IsObject(elem)) {
            pm_diag_error(im->diag, path, recno, NULL, "record is geen JSON-object");
            cJSON_Delete(elem);
            continue;
        }
        if (!ds) {
            /* The dataset is recognised from the keys of the first object. */
            const char *cols[64];
            char names[64][64];
            size_t ncols = 0;
            const cJSON *it;
            cJSON_ArrayForEach(it, elem)
            {
                if (ncols == 64)
                    break;
                lower_key(it->string, names[ncols], sizeof names[ncols]);
                cols[ncols] = names[ncols];
                ncols++;
            }
            const pm_dataset *closest = NULL;
            ds = pm_dataset_detect(cols, ncols, &closest);
            if (!ds) {
                pm_diag_error(im->diag, path, recno, NULL,
                              "soort gegevens niet herkend aan de velden van het eerste "
                              "record (lijkt het meest op %s); geef de soort met --kind",
                              dataset_hint(closest));
                cJSON_Delete(elem);
                break;
            }
        }
        if (!file_id) {
            out->ds = ds;
            err = begin_file(im, path, ds, &file_id);
            if (err) {
                cJSON_Delete(elem);
                break;
            }
        }
        size_t errors_before = im->diag->nerrors;
        for (size_t i = 0; i < ds->nfields; i++)
            im->vals[i].present = im->bad[i] = false;
        if (repeat_keys(im, elem, path, recno) != PM_OK) {
            cJSON_Delete(elem);
            err = PM_ERR_NOMEM;
            break;
        }
        const cJSON *it;
        cJSON_ArrayForEach(it, elem)
        {
            char key[64];
            lower_key(it->string, key, sizeof key);
            int fi = pm_dataset_field_index(ds, key);
            if (fi < 0) {
                bool seen = false;
                for (size_t w = 0; w < nwarned && !seen; w++)
                    seen = strcmp(warned[w], key) == 0;
                if (!seen && nwarned < sizeof warned / sizeof warned[0]) {
                    snprintf(warned[nwarned++], sizeof warned[0], "%s", key);
                    pm_diag_warn(im->diag, path, recno, key,
                                 "onbekend veld voor %s; wordt genegeerd", ds->name);
                }
                continue;
            }
            const char *s;
            size_t len;
            bool number;
            if (json_value_text(im, &ds->fields[fi], fi, it, path, recno, &s, &len,
                                &number))
                convert_field(im, &ds->fields[fi], fi, s, len, number, path, recno);
            else
                im->bad[fi] = true; /* reported; not also "ontbreekt" */
        }
        cJSON_Delete(elem);
        int w = finish_row(im, ds, file_id, path, recno, errors_before, true);
        if (w < 0) {
            err = PM_ERR_DB;
            break;
        }
        written += w;
        if ((out->rows & 4095) == 0)
            show_progress(im, path, out->rows, pm_jsonrd_bytes_read(rd),
                          pm_jsonrd_file_size(rd), false);
    }
    show_progress(im, path, out->rows, pm_jsonrd_bytes_read(rd), pm_jsonrd_file_size(rd),
                  true);
    if (rc == PM_JSONRD_FATAL)
        pm_diag_error(im->diag, path, 0, NULL, "%s", why);
    if (!err && file_id)
        err = end_file(im, file_id, out, written);
    if (!err && !file_id && rc == PM_JSONRD_END && out->rows == 0)
        pm_diag_warn(im->diag, path, 0, NULL, "lege JSON-array; niets geïmporteerd");
    pm_jsonrd_close(rd);
    return err;
}

/* True when the file's first character after an optional BOM and spaces is
 * '[' or '{': then it is JSON, whatever its name (a lone object gets the JSON
 * reader's message that an array is expected). */
static bool looks_like_json(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    unsigned char buf[512];
    size_t n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    size_t i = (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) ? 3 : 0;
    while (i < n && isspace(buf[i]))
        i++;
    return i < n && (buf[i] == '[' || buf[i] == '{');
}

/* The file's name is stored with its rows and shown in the intern workbook
 * and in check; a name that is not UTF-8, or holds a character XML 1.0
 * forbids, made the workbook invalid XML. Reports and returns false then. */
static bool name_fits_outputs(pm_diag *diag, const char *path)
{
    size_t len = strlen(path);
    uint32_t cp = 0;
    size_t pos = 0;
    if (!pm_utf8_valid(path, len)) {
        pm_diag_error(diag, path, 0, NULL,
                      "de bestandsnaam is geen geldige UTF-8-tekst; geef het bestand "
                      "een andere naam");
        return false;
    }
    if (pm_text_check(path, len, false, &cp, &pos) != PM_TEXT_OK) {
        pm_diag_error(diag, path, 0, NULL,
                      "de bestandsnaam bevat een %s (U+%04X), dat niet in Excel, PDF of "
                      "HTML kan staan; geef het bestand een andere naam",
                      pm_char_name(cp), (unsigned)cp);
        return false;
    }
    return true;
}

/* Why path cannot be read as an input file, in Dutch; NULL when it can. */
static const char *unreadable(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return errno == ENOENT ? "het bestand bestaat niet" : "geen toegang";
    if (S_ISDIR(sb.st_mode))
        return "dit is een map, geen bestand";
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return errno == EACCES ? "geen leesrechten"
                               : "het bestand kan niet worden geopend";
    fclose(fp);
    return NULL;
}

/* ---- .xlsx workbooks (SPEC §12) --------------------------------------- */

/* True when the file starts as a zip archive (an .xlsx is one), or is named
 * .xlsx: then a damaged workbook gets the workbook reader's message. */
static bool looks_like_xlsx(const char *path)
{
    size_t n = strlen(path);
    if (n >= 5 && strcasecmp(path + n - 5, ".xlsx") == 0)
        return true;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    unsigned char magic[4] = {0};
    size_t got = fread(magic, 1, sizeof magic, fp);
    fclose(fp);
    return got == 4 && memcmp(magic, "PK\x03\x04", 4) == 0;
}

/* "FILE[Blad]", kept until the import ends (given_path borrows it). */
static char *sheet_label(importer *im, const char *path, const char *sheet)
{
    char **grown =
        realloc(im->sheet_labels, (im->nsheet_labels + 1) * sizeof *im->sheet_labels);
    if (!grown)
        return NULL;
    im->sheet_labels = grown;
    size_t n = strlen(path) + strlen(sheet) + 3;
    char *s = malloc(n);
    if (s) {
        snprintf(s, n, "%s[%s]", path, sheet);
        im->sheet_labels[im->nsheet_labels++] = s;
    }
    return s;
}

/* "FILE[Blad]!C14" into *ref (grown as needed); the place of a cell. */
static const char *cell_ref(char **ref, const char *label, uint32_t col, long row)
{
    size_t n = strlen(label) + 32;
    char *p = realloc(*ref, n);
    if (!p)
        return label;
    *ref = p;
    char letters[4];
    snprintf(p, n, "%s!%s%ld", label, pm_xlsx_col_name(col, letters), row);
    return p;
}

/* The header row's names, lowercased and trimmed like a CSV header; cols[c]
 * is "" for a column without a name. Returns the column count, 0 on no
 * memory. *names owns the texts. */
static size_t xlsx_header(const pm_xlsx_row *row, const char ***cols, char **names)
{
    size_t ncols = row->cells[row->ncells - 1].col + 1, total = 0;
    for (size_t i = 0; i < row->ncells; i++) {
        if (row->cells[i].col + 1 > ncols)
            ncols = row->cells[i].col + 1;
        total += row->cells[i].len + 1;
    }
    *cols = calloc(ncols, sizeof **cols);
    *names = malloc(total + 1);
    if (!*cols || !*names)
        return 0;
    char *w = *names;
    *w = '\0';
    for (size_t c = 0; c < ncols; c++)
        (*cols)[c] = w; /* "" until a cell names it */
    w++;
    for (size_t i = 0; i < row->ncells; i++) {
        const char *s = row->cells[i].text;
        size_t len = row->cells[i].len;
        trim(&s, &len);
        for (size_t k = 0; k < len; k++)
            w[k] = (char)tolower((unsigned char)s[k]);
        w[len] = '\0';
        (*cols)[row->cells[i].col] = w;
        w += len + 1;
    }
    return ncols;
}

/* Imports one sheet as dataset ds (NULL: detect from the header). */
static pm_error import_sheet(importer *im, pm_xlsx *x, size_t si, const char *label,
                             const pm_dataset *ds, bool warn_unknown, pm_import_file *out)
{
    char why[512];
    pm_error err = pm_xlsx_sheet_open(x, si, why, sizeof why);
    if (err) {
        pm_diag_error(im->diag, label, 0, NULL, "%s", why);
        return err == PM_ERR_DATA ? PM_OK : err;
    }
    /* The sheet is read ahead on a second thread (xlsx_ahead.h); from here
     * on x is only used through it, until the stop at `done`. */
    pm_xlsx_ahead *ahead = pm_xlsx_ahead_start(x, !one_thread());
    if (!ahead)
        return PM_ERR_NOMEM;
    pm_xlsx_row row;
    long err_row = -1, err_col = -1;
    char *ref = NULL;
    const char **cols = NULL;
    char *names = NULL;
    int *colmap = NULL;
    int rc = pm_xlsx_ahead_next(ahead, &row, &err_row, &err_col, why, sizeof why);
    if (rc == PM_XLSX_END) {
        if (ds) {
            pm_diag_warn(im->diag, label, 0, NULL,
                         "het blad is leeg; niets geïmporteerd");
            out->ds = out->ds ? out->ds : ds;
            out->kinds |= 1u << ds->kind;
        }
        pm_xlsx_ahead_stop(ahead);
        return PM_OK;
    }
    size_t ncols = 0;
    if (rc == PM_XLSX_ROW) {
        ncols = xlsx_header(&row, &cols, &names);
        colmap = calloc(ncols ? ncols : 1, sizeof *colmap);
        if (!ncols || !colmap) {
            err = PM_ERR_NOMEM;
            goto done;
        }
        const pm_dataset *closest = NULL;
        if (!ds)
            ds = pm_dataset_detect(cols, ncols, &closest);
        if (!ds) {
            if (warn_unknown)
                pm_diag_warn(im->diag, label, 0, NULL,
                             "blad niet herkend als soort gegevens%s%s%s; het blad wordt "
                             "overgeslagen. Noem het blad naar de soort, bijvoorbeeld "
                             "'Hulpvragen'",
                             closest ? " (lijkt het meest op " : "",
                             closest ? closest->name : "", closest ? ")" : "");
            goto done;
        }
        out->ds = out->ds ? out->ds : ds;
        out->kinds |= 1u << ds->kind;
        if (!map_columns(im, ds, label, cols, ncols, colmap))
            goto done;
    }
    sqlite3_int64 file_id = 0;
    pm_import_file part = {.path = label, .ds = ds};
    long written = 0;
    if (rc == PM_XLSX_ROW && (err = begin_file(im, label, ds, &file_id)) != PM_OK)
        goto done;
    if (rc == PM_XLSX_ROW)
        rows_begin(im, ds, file_id, label);
    while (rc == PM_XLSX_ROW &&
           (rc = pm_xlsx_ahead_next(ahead, &row, &err_row, &err_col, why, sizeof why)) ==
               PM_XLSX_ROW) {
        bool empty = true;
        for (size_t i = 0; i < row.ncells && empty; i++)
            empty = row.cells[i].type == PM_XC_TEXT && row.cells[i].len == 0;
        if (empty)
            continue; /* as an empty CSV line */
        part.rows++;
        size_t errors_before = im->rdiag->nerrors;
        for (size_t i = 0; i < ds->nfields; i++)
            im->vals[i].present = im->bad[i] = false;
        /* One buffer per field: the converted value may point into it. */
        char cellbuf[MAX_FIELDS][PM_XLSX_CELL_BUF];
        for (size_t i = 0; i < row.ncells; i++) {
            const pm_xlsx_cell *c = &row.cells[i];
            if (c->col >= ncols) {
                if (c->len || c->type != PM_XC_TEXT)
                    pm_diag_error(im->rdiag, cell_ref(&ref, label, c->col, row.num), 0,
                                  NULL, "cel buiten de kolommen van de kopregel");
                continue;
            }
            int fi = colmap[c->col];
            if (fi < 0)
                continue;
            const pm_field *f = &ds->fields[fi];
            const char *s;
            size_t len;
            bool number;
            const char *bad = pm_xlsx_cell_text(c, f->type, pm_xlsx_date1904(x),
                                                cellbuf[fi], &s, &len, &number);
            if (bad) {
                pm_diag_error(im->rdiag, cell_ref(&ref, label, c->col, row.num), 0,
                              f->name, "%s", bad);
                im->bad[fi] = true;
            } else {
                im->cell_label = label; /* the cell is named only in a message */
                im->cell_col = c->col;
                im->cell_row = row.num;
                convert_field(im, f, fi, s, len, number, label, 0);
                im->cell_label = NULL;
            }
        }
        /* A missing required value is named by its cell. */
        for (size_t c = 0; c < ncols; c++) {
            int fi = colmap[c];
            if (fi >= 0 && ds->fields[fi].required && !im->vals[fi].present &&
                !im->bad[fi]) {
                pm_diag_error(im->rdiag, cell_ref(&ref, label, (uint32_t)c, row.num), 0,
                              ds->fields[fi].name, "is leeg (verplicht veld)");
                im->bad[fi] = true;
            }
        }
        int w = finish_row(im, ds, file_id, label, row.num, errors_before, false);
        if (w < 0) {
            err = rows_fail(im, &written, &part.rows);
            goto done;
        }
        written += w;
    }
    err = rows_end(im, &written, &part.rows);
    if (err)
        goto done;
    if (rc == PM_XLSX_FATAL)
        pm_diag_error(im->diag,
                      err_row > 0 && err_col >= 0
                          ? cell_ref(&ref, label, (uint32_t)err_col, err_row)
                          : label,
                      err_row > 0 && err_col < 0 ? err_row : 0, NULL, "%s", why);
    if (file_id) {
        err = end_file(im, file_id, &part, written);
        out->rows += part.rows;
        out->added += part.added;
        out->replaced += part.replaced;
    }
done:
    if (im->pipe) {
        long ignored = 0;
        rows_end(im, &ignored, NULL);
    }
    pm_xlsx_ahead_stop(ahead);
    free(ref);
    free(cols);
    free(names);
    free(colmap);
    return err;
}

/* Every sheet named after a dataset or with a dataset's header is imported
 * (SPEC §12); --kind takes the one sheet of a workbook (or the one named
 * after the kind). Hidden sheets and our templates' explaining sheets are
 * skipped. */
static pm_error import_xlsx(importer *im, const char *path, pm_import_file *out)
{
    pm_xlsx *x = NULL;
    char why[512];
    pm_error err = pm_xlsx_open(&x, path, why, sizeof why);
    if (err) {
        pm_diag_error(im->diag, path, 0, NULL, "%s", why);
        return err == PM_ERR_DATA ? PM_OK : err;
    }
    const pm_dataset *kind = im->opts->kind;
    size_t n = pm_xlsx_nsheets(x), candidates = 0, named_kind = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = pm_xlsx_sheet_name(x, i);
        if (pm_xlsx_sheet_hidden(x, i) || pm_xlsx_sheet_is_ours(name))
            continue;
        candidates++;
        named_kind += kind && pm_xlsx_sheet_dataset(name) == kind;
    }
    if (kind && candidates > 1 && named_kind != 1) {
        pm_diag_error(im->diag, path, 0, NULL,
                      "--kind kan alleen bij een werkmap met één blad met gegevens (of "
                      "één blad met de naam '%s'); deze werkmap heeft %zu bladen",
                      kind->name, candidates);
        pm_xlsx_close(x);
        return PM_OK;
    }
    size_t errors_before = im->diag->nerrors;
    bool any = false;
    for (size_t i = 0; i < n && !err; i++) {
        const char *name = pm_xlsx_sheet_name(x, i);
        const pm_dataset *byname = pm_xlsx_sheet_dataset(name);
        if (pm_xlsx_sheet_is_ours(name))
            continue;
        if (pm_xlsx_sheet_hidden(x, i)) {
            if (byname)
                pm_diag_warn(im->diag, path, 0, NULL,
                             "verborgen blad '%s' wordt overgeslagen; maak het zichtbaar "
                             "om het te importeren",
                             name);
            continue;
        }
        if (kind && candidates > 1 && byname != kind)
            continue;
        char *label = sheet_label(im, path, name);
        if (!label) {
            err = PM_ERR_NOMEM;
            break;
        }
        /* The label is stored with every row and named in every output. */
        if (strchr(name, '/')) {
            pm_diag_error(im->diag, label, 0, NULL,
                          "de bladnaam bevat een '/'; geef het blad een andere naam");
            continue;
        }
        if (!name_fits_outputs(im->diag, label))
            continue;
        long before = out->rows;
        const pm_dataset *was = out->ds;
        err = import_sheet(im, x, i, label, kind ? kind : byname, !kind, out);
        any |= out->ds != was || out->rows != before;
    }
    if (!err && !any && !out->ds && im->diag->nerrors == errors_before)
        pm_diag_error(im->diag, path, 0, NULL,
                      "geen blad herkend als soort gegevens; noem het blad naar de soort "
                      "(bijvoorbeeld 'Hulpvragen') of geef de soort met --kind");
    pm_xlsx_close(x);
    return err;
}

/* True when table holds no rows. */
static bool table_empty(importer *im, const char *table)
{
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT 1 FROM %s LIMIT 1", table);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(im->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE;
}

/* Whether the collected rows are all the rows of hulpvragen, inzet and
 * evaluaties: each was empty when first touched (else the collector is
 * gone already), or is untouched and empty. Drops the collector when not. */
static bool collected_all(importer *im)
{
    if (im->collect_settled)
        return im->collect != NULL;
    static const pm_kind big[] = {PM_HULPVRAGEN, PM_INZET, PM_EVALUATIES};
    for (size_t i = 0; i < 3 && im->collect; i++)
        if (!im->touched[big[i]] && !table_empty(im, pm_dataset_get(big[i])->name)) {
            pm_collect_free(im->collect);
            im->collect = NULL;
        }
    return im->collect != NULL;
}

/* ---- reference checks ------------------------------------------------- */

/* Sets *missing when some value of child.col has no row in parent with
 * pcol equal to it. One lookup per distinct value, read in order from the
 * column's index, instead of one per row: the 3M inzet rows of the 1M
 * benchmark name 514 specialists. The names come from the dataset table or
 * the schema, never from input. */
static pm_error any_missing(importer *im, const char *child, const char *col,
                            const char *parent, const char *pcol, bool *missing)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT 1 FROM (SELECT DISTINCT \"%s\" AS x FROM \"%s\" WHERE \"%s\" IS "
             "NOT NULL) v WHERE NOT EXISTS (SELECT 1 FROM \"%s\" p WHERE p.\"%s\" = v.x) "
             "LIMIT 1",
             col, child, col, parent, pcol);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(im, "controle van verwijzingen");
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(im, "controle van verwijzingen");
    *missing = rc == SQLITE_ROW;
    return PM_OK;
}

static pm_error check_references(importer *im)
{
    size_t nrefs;
    const pm_ref *refs = pm_dataset_refs(&nrefs);
    /* When the collector holds every row of the big tables, it knows the
     * three references with a million distinct values or rows at 1M
     * without reading their indexes; "not known" falls back to the tables
     * (an error too: the query below then says what failed). */
    bool orgs = false, specs = false, requests = false;
    char ignored[128];
    if (im->refused == 0 && collected_all(im))
        pm_collect_refs(im->collect, im->db, &orgs, &specs, &requests, ignored,
                        sizeof ignored);
    for (size_t r = 0; r < nrefs; r++) {
        if (!im->touched[refs[r].from])
            continue;
        const char *from = pm_dataset_get(refs[r].from)->name;
        const char *to = pm_dataset_get(refs[r].to)->name;
        const char *col = refs[r].column;
        if ((refs[r].from == PM_HULPVRAGEN && strcmp(col, "organisatie") == 0 && orgs) ||
            (refs[r].from == PM_INZET && strcmp(col, "specialist") == 0 && specs) ||
            (refs[r].from == PM_INZET && strcmp(col, "hulpvraag") == 0 && requests))
            continue; /* every value has its row */
        /* Usually nothing is missing; only then are the rows of this import
         * read one by one, to name file and line. (The quick check also sees
         * rows of earlier imports, which the listing below leaves out.) */
        bool missing = false;
        pm_error err = any_missing(im, from, refs[r].column, to, "id", &missing);
        if (err)
            return err;
        if (!missing)
            continue;
        char sql[512];
        snprintf(
            sql, sizeof sql,
            "SELECT f.pad, r.regel, r.%s, r.bestand FROM %s r JOIN import_bestanden f "
            "ON f.id = r.bestand WHERE r.bestand >= ?1 AND r.%s IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.id = r.%s) "
            "ORDER BY r.bestand, r.regel",
            refs[r].column, from, refs[r].column, to, refs[r].column);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) != SQLITE_OK)
            return db_fail(im, "controle van verwijzingen");
        sqlite3_bind_int64(st, 1, im->first_file_id);
        int rc;
        long listed = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            pm_diag_error(im->diag, file_label(im, st, 0, 3),
                          (long)sqlite3_column_int64(st, 1), refs[r].column,
                          "'%s' bestaat niet in %s (niet in de database en niet in deze "
                          "import)",
                          (const char *)sqlite3_column_text(st, 2), to);
            listed++;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return db_fail(im, "controle van verwijzingen");
        /* Missing, but not in a row of this import: an earlier row points
         * nowhere, which only an edit outside pijlermonitor can cause. The
         * foreign-key backstop skips this key, so refuse here. */
        if (!listed)
            pm_diag_error(im->diag, NULL, 0, NULL,
                          "%s verwijst naar een ontbrekende rij in %s (interne controle; "
                          "de database is buiten pijlermonitor gewijzigd)",
                          from, to);
    }

    /* An opdrachtgever evaluation must come from an opdrachtgever; checked
     * from both sides, as either row may be new. */
    if (!im->touched[PM_EVALUATIES] && !im->touched[PM_ORGANISATIES])
        return PM_OK;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            im->db,
            "SELECT e.bestand >= ?1, fe.pad, e.regel, fo.pad, o.regel, "
            "e.organisatie, o.type, e.bestand, o.bestand FROM evaluaties e "
            "JOIN organisaties o ON o.id = e.organisatie "
            "JOIN import_bestanden fe ON fe.id = e.bestand "
            "JOIN import_bestanden fo ON fo.id = o.bestand "
            "WHERE e.soort = 'opdrachtgever' AND o.type <> 'opdrachtgever' "
            "AND (e.bestand >= ?1 OR o.bestand >= ?1) "
            "ORDER BY e.bestand, e.regel",
            -1, &st, NULL) != SQLITE_OK)
        return db_fail(im, "controle van evaluaties");
    sqlite3_bind_int64(st, 1, im->first_file_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *org = (const char *)sqlite3_column_text(st, 5);
        const char *type = (const char *)sqlite3_column_text(st, 6);
        if (sqlite3_column_int(st, 0)) /* the evaluation is new: blame it */
            pm_diag_error(im->diag, file_label(im, st, 1, 7),
                          (long)sqlite3_column_int64(st, 2), "soort",
                          "een evaluatie van soort 'opdrachtgever' moet van een "
                          "opdrachtgever komen; '%s' is een %s",
                          org, type);
        else /* only the organisation is new: its type change breaks the rule */
            pm_diag_error(im->diag, file_label(im, st, 3, 8),
                          (long)sqlite3_column_int64(st, 4), "type",
                          "'%s' kan geen %s worden: er zijn evaluaties van soort "
                          "'opdrachtgever' van deze organisatie (o.a. %s:%lld)",
                          org, type, file_label(im, st, 1, 7),
                          (long long)sqlite3_column_int64(st, 2));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PM_OK : db_fail(im, "controle van evaluaties");
}

/* True for a name made of lower-case letters and '_' (our schema's). */
static bool plain_name(const char *s)
{
    return s && *s && strspn(s, "abcdefghijklmnopqrstuvwxyz_") == strlen(s);
}

/* True when check_references already ran any_missing for this key. */
static bool checked_by_importer(const char *table, const char *from, const char *to_table,
                                const char *to)
{
    size_t nrefs;
    const pm_ref *refs = pm_dataset_refs(&nrefs);
    for (size_t r = 0; r < nrefs; r++)
        if (strcmp(pm_dataset_get(refs[r].from)->name, table) == 0 &&
            strcmp(refs[r].column, from) == 0 &&
            strcmp(pm_dataset_get(refs[r].to)->name, to_table) == 0 &&
            strcmp(to, "id") == 0)
            return true;
    return false;
}

/* Checks every foreign key that the schema declares on the tables this
 * import wrote, as PRAGMA foreign_key_check does, but per distinct value
 * (any_missing). The importer's own checks should have caught any broken
 * reference with its file and line; a finding here means a rule is missing
 * there, so the keys come from the schema, not from the dataset table (a key
 * that check_references ran the same query for is not run twice). A key of
 * another shape (several columns, no parent column named) is left to the
 * pragma itself. */
static pm_error foreign_key_backstop(importer *im)
{
    for (size_t k = 0; k < PM_NKINDS; k++) {
        if (!im->touched[k])
            continue;
        const char *table = pm_dataset_get(k)->name;
        char sql[96];
        snprintf(sql, sizeof sql, "PRAGMA foreign_key_list(%s)", table);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) != SQLITE_OK)
            return db_fail(im, "controle van verwijzingen");
        bool pragma = false, missing = false;
        char parent[64] = "";
        pm_error err = PM_OK;
        int rc = SQLITE_DONE;
        while (!err && !missing && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *to_table = (const char *)sqlite3_column_text(st, 2);
            const char *from = (const char *)sqlite3_column_text(st, 3);
            const char *to = (const char *)sqlite3_column_text(st, 4);
            if (sqlite3_column_int(st, 1) > 0 || !plain_name(to_table) ||
                !plain_name(from) || !plain_name(to)) {
                pragma = true;
                continue;
            }
            if (checked_by_importer(table, from, to_table, to))
                continue;
            /* Not input: the importer writes the id of the file row it
             * inserted itself (begin_file), so no rule of the dataset table
             * can be missing for it; scanning it cost 0.6 s at 1M. */
            if (strcmp(from, "bestand") == 0 && strcmp(to_table, "import_bestanden") == 0)
                continue;
            snprintf(parent, sizeof parent, "%s", to_table);
            err = any_missing(im, table, from, to_table, to, &missing);
        }
        sqlite3_finalize(st);
        if (err)
            return err;
        if (!missing && rc != SQLITE_DONE)
            return db_fail(im, "controle van verwijzingen");
        if (pragma && !missing) {
            snprintf(sql, sizeof sql, "PRAGMA foreign_key_check(%s)", table);
            if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) != SQLITE_OK)
                return db_fail(im, "controle van verwijzingen");
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                missing = true;
                snprintf(parent, sizeof parent, "%s",
                         (const char *)sqlite3_column_text(st, 2));
            }
            sqlite3_finalize(st);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                return db_fail(im, "controle van verwijzingen");
        }
        if (missing)
            pm_diag_error(im->diag, NULL, 0, NULL,
                          "%s verwijst naar een ontbrekende rij in %s (interne controle)",
                          table, parent);
    }
    return PM_OK;
}

/* ---- the whole call --------------------------------------------------- */

/* True when no import was ever committed to the store: nobody can be
 * reading its data yet, so the import may hold it alone (store.h). */
static bool first_load(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    bool empty = false;
    if (sqlite3_prepare_v2(db, "SELECT NOT EXISTS (SELECT 1 FROM imports)", -1, &st,
                           NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        empty = sqlite3_column_int(st, 0) == 1;
    sqlite3_finalize(st);
    return empty;
}

/* SQLite's own foreign-key enforcement is switched off for the import's
 * transaction: with it on, every upsert needs a statement journal, which
 * made the import several times slower than the sqlite3 shell. The
 * importer checks every reference itself (check_references, with file and
 * line), and PRAGMA foreign_key_check on the touched tables before COMMIT
 * is the backstop. The pragma only works outside a transaction. */
static pm_error start_import(importer *im, bool *bulk)
{
    pm_error err =
        pm_store_exec(im->db, "PRAGMA foreign_keys = OFF", im->msg, im->msgsize);
    /* The first load holds the store alone from its start: in rollback mode
     * a reader let in would stall every page the load writes out, and its
     * COMMIT (store.h). Readers wait, and after the busy timeout say
     * "bezet". */
    if (!err)
        err = pm_store_exec(im->db, *bulk ? "BEGIN EXCLUSIVE" : "BEGIN IMMEDIATE",
                            im->msg, im->msgsize);
    /* first_load was asked before the lock: another import may have
     * committed in between. Then this one is not the first, and takes the
     * WAL like any other. */
    if (!err && *bulk && !first_load(im->db)) {
        err = pm_store_exec(im->db, "ROLLBACK", im->msg, im->msgsize);
        pm_store_bulk_end(im->db);
        *bulk = false;
        if (!err)
            err = pm_store_exec(im->db, "BEGIN IMMEDIATE", im->msg, im->msgsize);
    }
    if (err)
        return err;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(im->db,
                           "INSERT INTO imports(tijdstip, versie) VALUES (?1, ?2)", -1,
                           &st, NULL) != SQLITE_OK)
        return db_fail(im, "registreren van de import");
    sqlite3_bind_text(st, 1, im->opts->now ? im->opts->now : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, PM_VERSION, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(im, "registreren van de import");
    im->import_id = sqlite3_last_insert_rowid(im->db);
    err = pm_store_sums_read(im->db, &im->sums, im->msg, im->msgsize);
    if (err)
        return err;
    if (sqlite3_prepare_v3(im->db,
                           "INSERT INTO import_bestanden(import_id, pad, dataset) "
                           "VALUES (?1, ?2, ?3)",
                           -1, SQLITE_PREPARE_PERSISTENT, &im->insert_file,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v3(im->db,
                           "UPDATE import_bestanden SET rijen = ?1, toegevoegd = ?2, "
                           "vervangen = ?3 WHERE id = ?4",
                           -1, SQLITE_PREPARE_PERSISTENT, &im->update_file,
                           NULL) != SQLITE_OK)
        return db_fail(im, "voorbereiden van de import");
    return PM_OK;
}

/* Writes the fingerprint sums of every dataset this import wrote. */
static pm_error save_sums(importer *im)
{
    pm_error err = PM_OK;
    for (size_t k = 0; k < PM_NKINDS && !err; k++)
        if (im->touched[k])
            err = pm_store_sums_write(im->db, (pm_kind)k, im->sums.sum[k],
                                      im->sums.count[k], im->msg, im->msgsize);
    return err;
}

/* The collector's columns arranged on a second thread (pm_collect_arrange)
 * while this one builds the indexes and checks the references: about a
 * second of CPU at 1M that the second core would otherwise idle through. */
typedef struct arrange_job {
    pm_collect *collect;
    pthread_t thread;
    bool started;  /* the thread runs */
    bool resolved; /* pm_collect_resolve succeeded: arrange and store follow */
    pm_error err;
} arrange_job;

static void *arrange_main(void *arg)
{
    arrange_job *job = arg;
    job->err = pm_collect_arrange(job->collect);
    return NULL;
}

/* Starts the arranging when the columns will come from the collector: no
 * errors so far, and hulpvragen, inzet and evaluaties hold only this
 * import's rows. Organisaties and specialisten are final by now. */
static void arrange_start(importer *im, arrange_job *job)
{
    *job = (arrange_job){0};
    if (im->opts->dry_run || im->diag->nerrors || !collected_all(im))
        return;
    im->collect_settled = true;
    job->collect = im->collect;
    job->err = pm_collect_resolve(im->collect, im->db, im->msg, im->msgsize);
    if (job->err)
        return;
    job->resolved = true;
    job->started =
        !one_thread() && pthread_create(&job->thread, NULL, arrange_main, job) == 0;
}

/* Waits for the arranging (or does it here when no thread could be had). */
static void arrange_join(arrange_job *job)
{
    if (job->started)
        pthread_join(job->thread, NULL);
    else if (job->resolved)
        job->err = pm_collect_arrange(job->collect);
    job->started = false;
}

/* Keeps the indicators' columns: from the collected rows when hulpvragen,
 * inzet and evaluaties hold only rows of this import (each was empty when
 * first touched, or untouched and empty), else from the tables. job is the
 * arranging started before the indexes (arrange_start), joined. */
static pm_error keep_columns(importer *im, const arrange_job *job)
{
    if (!collected_all(im))
        return pm_columns_refresh(im->db, &im->sums, im->msg, im->msgsize);
    pm_error err;
    if (!job->collect)
        err = pm_collect_keep(im->collect, im->db, &im->sums, im->msg, im->msgsize);
    else if (job->err)
        err = job->err; /* resolve's reason is in msg; arrange fails only for memory */
    else
        err = pm_collect_store(im->collect, im->db, &im->sums, im->msg, im->msgsize);
    if (err == PM_ERR_NOMEM)
        snprintf(im->msg, im->msgsize, "onvoldoende geheugen");
    pm_collect_free(im->collect);
    im->collect = NULL;
    return err;
}

static void importer_free(importer *im)
{
    pm_collect_free(im->collect);
    for (size_t k = 0; k < PM_NKINDS; k++) {
        sqlite3_finalize(im->upsert[k]);
        sqlite3_finalize(im->old_row[k]);
    }
    sqlite3_finalize(im->insert_file);
    sqlite3_finalize(im->update_file);
    for (size_t i = 0; i < MAX_FIELDS; i++)
        free(im->bufs[i].p);
    free(im->keys);
    free(im->cell_buf);
    for (size_t i = 0; i < im->ndropped; i++)
        free(im->dropped[i]);
    free(im->given_path);
    free(im->given_id);
    for (size_t i = 0; i < im->nsheet_labels; i++)
        free(im->sheet_labels[i]);
    free(im->sheet_labels);
}

pm_error pm_import_run(sqlite3 *db, const pm_import_opts *opts, const char *const *paths,
                       size_t npaths, pm_import_result *res, pm_diag *diag, char *msg,
                       size_t msgsize)
{
    memset(res, 0, sizeof *res);
    res->files = calloc(npaths ? npaths : 1, sizeof *res->files);
    if (!res->files)
        return PM_ERR_NOMEM;
    res->nfiles = npaths;
    importer im = {.db = db,
                   .opts = opts,
                   .diag = diag,
                   .rdiag = diag,
                   .msg = msg,
                   .msgsize = msgsize};
    clock_gettime(CLOCK_MONOTONIC, &im.last_progress);

    /* Without memory for it the columns are read from the tables. */
    im.collect = opts->dry_run ? NULL : pm_collect_new();
    /* The first load is written with a rollback journal (store.h): every
     * page once, not twice. A dry run writes nothing, so it keeps the WAL. */
    bool bulk = !opts->dry_run && first_load(db) && pm_store_bulk_begin(db);
    pm_error err = start_import(&im, &bulk);
    bool io_failed = false;
    for (size_t i = 0; i < npaths && !err; i++) {
        res->files[i].path = paths[i];
        const char *why = unreadable(paths[i]);
        if (why) {
            pm_diag_error(diag, paths[i], 0, NULL, "bestand kan niet worden gelezen: %s",
                          why);
            io_failed = true;
            continue;
        }
        if (!name_fits_outputs(diag, paths[i]))
            continue;
        char kind_why[400]; /* an .xls, or no workbook named .xlsx (filekind.h) */
        if (pm_filekind_refused(paths[i], kind_why, sizeof kind_why)) {
            pm_diag_error(diag, paths[i], 0, NULL, "%s", kind_why);
            continue;
        }
        if (looks_like_xlsx(paths[i]))
            err = import_xlsx(&im, paths[i], &res->files[i]);
        else if (looks_like_json(paths[i]))
            err = import_json(&im, paths[i], &res->files[i]);
        else
            err = import_csv(&im, paths[i], &res->files[i]);
    }
    arrange_job job = {0};
    if (!err)
        arrange_start(&im, &job);
    /* The indexes first: the reference checks read them. After an error
     * the import is rolled back anyway, and the indexes with it. */
    if (!err && diag->nerrors == 0)
        err = rebuild_indexes(&im);
    if (!err && im.first_file_id)
        err = check_references(&im);
    if (!err && diag->nerrors == 0)
        err = foreign_key_backstop(&im);
    if (!err && diag->nerrors == 0 && !opts->dry_run)
        err = save_sums(&im);
    /* The indicators' columns (columns.h) follow the data in the same
     * transaction, stamped with the sums just written. */
    arrange_join(&job);
    if (!err && diag->nerrors == 0 && !opts->dry_run)
        err = keep_columns(&im, &job);
    if (!err && diag->nerrors == 0 && !opts->dry_run) {
        err = pm_store_exec(db, "COMMIT", msg, msgsize);
        res->committed = err == PM_OK;
    }
    /* The failure's code, taken before the ROLLBACK and PRAGMA below
     * overwrite it: read after them it was never SQLITE_BUSY, so the message
     * for a busy database below was never given (found by
     * tests/e2e/test_concurrency.py). */
    int failed_rc = err == PM_ERR_DB ? sqlite3_errcode(db) : SQLITE_OK;
    importer_free(&im);
    char ignored[128];
    if (!res->committed)
        pm_store_exec(db, "ROLLBACK", ignored, sizeof ignored);
    pm_store_exec(db, "PRAGMA foreign_keys = ON", ignored, sizeof ignored);
    if (bulk)
        pm_store_bulk_end(db);
    if (err == PM_ERR_DB && (failed_rc & 0xff) == SQLITE_BUSY)
        snprintf(
            msg, msgsize,
            "de database is bezet door een ander proces (een andere import?); probeer "
            "het zo opnieuw");
    if (!err && io_failed)
        err = PM_ERR_IO;
    if (!err && diag->nerrors)
        err = PM_ERR_DATA;
    return err;
}

void pm_import_result_free(pm_import_result *res)
{
    if (!res)
        return;
    free(res->files);
    memset(res, 0, sizeof *res);
}
