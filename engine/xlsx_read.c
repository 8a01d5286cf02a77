/* xlsx_read.c — streams .xlsx workbooks with minizip and expat (see
 * xlsx_read.h for the contract and the limits).
 *
 * Every part goes through one zip-entry reader (entry_open/entry_read) that
 * refuses a bomb before inflating (declared size, ratio) and while inflating
 * (the bytes actually produced: headers lie), and through one expat parser
 * set-up (new_parser) that refuses any DOCTYPE: no entity can be declared, so
 * none can expand. A worksheet's parser is suspended at the end of each row
 * (XML_StopParser resumable) and resumed for the next, which keeps the
 * memory at one row whatever the size of the sheet. */
#include "xlsx_read.h"

#include "bytebuf.h"
#include "xlsx_xstring.h"

#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unzip.h>

#define CHUNK 65536
#define MAX_RELS 100000u
#define MAX_NAME 255 /* bytes of a sheet name (Excel allows 31 characters) */
/* A text run as stored: every character may be a 7-character _xHHHH_
 * escape (xlsx_xstring.h), so the limit on the decoded text is checked after
 * decoding, and this one only bounds the memory before it. */
#define MAX_RAW_TEXT (7u * PM_XLSX_MAX_TEXT)

typedef struct sheet {
    char *name;
    char *rid;
    char *part; /* zip entry name, resolved from the relationships */
    bool hidden;
} sheet;

typedef struct rel {
    char *id;
    char *target;
    char *type;
} rel;

/* A cell while its row is read: text as an offset into the row's arena. */
typedef struct rcell {
    uint32_t col;
    pm_xlsx_ctype type;
    bool date_style;
    bool shared;     /* t="s": the text is the index */
    size_t off, len; /* in the arena, or the shared string */
    const char *sst; /* resolved shared string */
} rcell;

struct pm_xlsx {
    unzFile zf;
    char why[512];
    bool failed; /* why is set; parsing stops */
    bool doctype;
    /* workbook */
    sheet *sheets;
    size_t nsheets;
    bool date1904;
    rel *rels;
    size_t nrels;
    /* shared strings: texts back to back, NUL-separated; ends[i] is one past
     * the NUL of string i, so string i starts at ends[i-1] (or 0) */
    pm_bytebuf sst;
    uint32_t *ends;
    size_t nsst, sst_cap;
    bool have_sst;
    bool in_si, in_t, in_rph;
    size_t si_chars;  /* decoded characters of the string's finished runs */
    size_t run_chars; /* characters of the current <t> or <v>, as stored */
    size_t run_off;   /* where the current run starts in sst or arena */
    /* styles */
    uint8_t datefmt[65536 / 8]; /* custom numFmtIds that show a date */
    bool *xf_date;
    size_t nxf, xf_cap;
    int in_cellxfs;
    /* the part being read */
    const char *part;
    uint64_t inflated, declared;
    /* worksheet stream */
    XML_Parser p;
    bool entry_open, final, suspended, finished, row_ready;
    char *chunk;
    bool in_sheetdata, in_row, in_cell, collect, in_is;
    long row_num, err_row, err_col;
    uint32_t next_col;
    rcell cur;
    bool cur_v, cur_f;
    size_t cur_chars;
    char cur_t[16];
    pm_bytebuf arena;
    rcell *cells;
    size_t ncells, cells_cap;
    pm_xlsx_cell *out;
    size_t out_cap;
};

/* ---- small helpers ---------------------------------------------------- */

static void fail(pm_xlsx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(pm_xlsx *x, const char *fmt, ...)
{
    if (x->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->why, sizeof x->why, fmt, ap);
    va_end(ap);
    x->failed = true;
    if (x->p)
        XML_StopParser(x->p, XML_FALSE);
}

/* The local part of an element or attribute name ("r:id" → "id"). */
/* Element and attribute names are compared once per cell of a sheet, 27M
 * times for the 1M benchmark's workbook: a first-character test before
 * strcmp here, and in local() a loop instead of a strrchr call. */
static inline bool is(const char *a, const char *b)
{
    return a[0] == b[0] && strcmp(a, b) == 0;
}

static const char *local(const char *name)
{
    const char *l = name;
    for (const char *p = name; *p; p++)
        if (*p == ':')
            l = p + 1;
    return l;
}

static const char *attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (is(local(atts[i]), name))
            return atts[i + 1];
    return NULL;
}

/* Characters (not bytes) in UTF-8 text: Excel's limits count characters. */
static size_t utf8_chars(const char *s, int len)
{
    size_t n = 0;
    for (int i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

char *pm_xlsx_col_name(uint32_t col, char out[4])
{
    char tmp[4];
    size_t n = 0;
    uint32_t c = col + 1;
    while (c && n < 3) {
        tmp[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return out;
}

bool pm_xlsx_col_parse(const char *ref, uint32_t *col)
{
    uint32_t c = 0;
    size_t n = 0;
    for (; (ref[n] >= 'A' && ref[n] <= 'Z') || (ref[n] >= 'a' && ref[n] <= 'z'); n++) {
        if (n == 3)
            return false;
        c = c * 26 + (uint32_t)((ref[n] | 0x20) - 'a' + 1);
    }
    if (n == 0 || c > PM_XLSX_MAX_COLS)
        return false;
    *col = c - 1;
    return true;
}

/* ---- zip entries ------------------------------------------------------ */

/* Opens entry name; false with x->why set when it is missing (and required)
 * or refused. *found says whether it exists. */
static bool entry_open(pm_xlsx *x, const char *name, uint64_t limit, bool required,
                       bool *found)
{
    *found = false;
    x->part = name;
    if (unzLocateFile(x->zf, name, 2) != UNZ_OK) {
        if (required)
            fail(x, "geen geldige Excel-werkmap: het onderdeel %s ontbreekt", name);
        return !required;
    }
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(x->zf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK) {
        fail(x, "het zip-archief is beschadigd (onderdeel %s)", name);
        return false;
    }
    if (info.flag & 1) {
        fail(x, "de werkmap is versleuteld (met een wachtwoord beveiligd); sla haar "
                "zonder wachtwoord op");
        return false;
    }
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED) {
        fail(x, "onderdeel %s is op een onbekende manier gecomprimeerd", name);
        return false;
    }
    if (info.uncompressed_size > limit) {
        fail(x,
             "onderdeel %s is uitgepakt %llu MiB, meer dan de grens van %llu MiB "
             "(een zip-bom?)",
             name, (unsigned long long)(info.uncompressed_size >> 20),
             (unsigned long long)(limit >> 20));
        return false;
    }
    if (info.uncompressed_size > PM_XLSX_RATIO_FROM &&
        info.uncompressed_size / (info.compressed_size ? info.compressed_size : 1) >
            PM_XLSX_MAX_RATIO) {
        fail(x,
             "onderdeel %s wordt bij uitpakken meer dan %u keer zo groot (een "
             "zip-bom?)",
             name, PM_XLSX_MAX_RATIO);
        return false;
    }
    if (unzOpenCurrentFile(x->zf) != UNZ_OK) {
        fail(x, "het zip-archief is beschadigd (onderdeel %s)", name);
        return false;
    }
    x->inflated = 0;
    x->declared = info.uncompressed_size;
    *found = true;
    return true;
}

static bool entry_close(pm_xlsx *x)
{
    int rc = unzCloseCurrentFile(x->zf);
    if (rc == UNZ_CRCERROR || x->inflated != x->declared) {
        fail(x, "het zip-archief is beschadigd (controlesom van onderdeel %s klopt niet)",
             x->part);
        return false;
    }
    return true;
}

/* Reads up to CHUNK bytes; the count, 0 at the end, -1 on failure. The bytes
 * actually inflated are counted against the declared size: a header that
 * lies about it cannot smuggle a bomb past entry_open. */
static int entry_read(pm_xlsx *x, char *to)
{
    int n = unzReadCurrentFile(x->zf, to, CHUNK);
    if (n < 0) {
        fail(x, "het zip-archief is beschadigd of afgekapt (onderdeel %s)", x->part);
        return -1;
    }
    x->inflated += (uint64_t)n;
    if (x->inflated > x->declared) {
        fail(x, "onderdeel %s is groter dan het zip-archief opgeeft (een zip-bom?)",
             x->part);
        return -1;
    }
    /* At the end the checksum says whether these were all the bytes: a
     * header that understates the size ends the entry early, and its cut
     * XML would otherwise be blamed. */
    if (n == 0) {
        x->entry_open = false;
        if (!entry_close(x))
            return -1;
    }
    return n;
}

/* ---- expat ------------------------------------------------------------ */

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int internal)
{
    (void)name, (void)sysid, (void)pubid, (void)internal;
    pm_xlsx *x = ud;
    x->doctype = true;
    fail(x,
         "onderdeel %s bevat een DOCTYPE-declaratie; die komt in een Excel-werkmap "
         "niet voor en wordt om veiligheidsredenen geweigerd",
         x->part);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int pe, const XML_Char *v,
                              int vlen, const XML_Char *base, const XML_Char *sysid,
                              const XML_Char *pubid, const XML_Char *notation)
{
    (void)name, (void)pe, (void)v, (void)vlen, (void)base, (void)sysid, (void)pubid,
        (void)notation;
    on_doctype(ud, NULL, NULL, NULL, 0);
}

/* A parser that never reads a DTD or an external entity. */
static XML_Parser new_parser(pm_xlsx *x, XML_StartElementHandler start,
                             XML_EndElementHandler end, XML_CharacterDataHandler text)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p)
        return NULL;
    XML_SetUserData(p, x);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetEntityDeclHandler(p, on_entity);
    XML_SetElementHandler(p, start, end);
    if (text)
        XML_SetCharacterDataHandler(p, text);
    return p;
}

static void xml_failed(pm_xlsx *x)
{
    fail(x, "onderdeel %s is geen geldige XML (regel %lu: %s)", x->part,
         (unsigned long)XML_GetCurrentLineNumber(x->p),
         XML_ErrorString(XML_GetErrorCode(x->p)));
}

/* Parses a whole part with the given handlers. */
static bool parse_part(pm_xlsx *x, const char *name, uint64_t limit, bool required,
                       XML_StartElementHandler start, XML_EndElementHandler end,
                       XML_CharacterDataHandler text, bool *found)
{
    if (!entry_open(x, name, limit, required, found))
        return false;
    if (!*found)
        return true;
    x->p = new_parser(x, start, end, text);
    char *chunk = malloc(CHUNK);
    if (!x->p || !chunk) {
        free(chunk);
        fail(x, "onvoldoende geheugen");
        unzCloseCurrentFile(x->zf);
        return false;
    }
    int n;
    do {
        n = entry_read(x, chunk);
        if (n < 0)
            break;
        if (XML_Parse(x->p, chunk, n, n == 0) != XML_STATUS_OK && !x->failed)
            xml_failed(x);
    } while (n > 0 && !x->failed);
    free(chunk);
    XML_ParserFree(x->p);
    x->p = NULL;
    if (x->failed) {
        if (n != 0)
            unzCloseCurrentFile(x->zf);
        return false;
    }
    return true;
}

/* ---- workbook and relationships --------------------------------------- */

static void XMLCALL wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    pm_xlsx *x = ud;
    const char *el = local(name);
    if (is(el, "workbookPr")) {
        const char *d = attr(atts, "date1904");
        x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (is(el, "sheet")) {
        const char *nm = attr(atts, "name"), *rid = attr(atts, "id");
        const char *state = attr(atts, "state");
        if (!nm || !rid || !*nm || strlen(nm) > MAX_NAME) {
            fail(x, "xl/workbook.xml noemt een blad zonder geldige naam of verwijzing");
            return;
        }
        if (x->nsheets == PM_XLSX_MAX_SHEETS) {
            fail(x, "de werkmap heeft meer dan %u bladen", PM_XLSX_MAX_SHEETS);
            return;
        }
        sheet *s = realloc(x->sheets, (x->nsheets + 1) * sizeof *s);
        if (!s) {
            fail(x, "onvoldoende geheugen");
            return;
        }
        x->sheets = s;
        s = &x->sheets[x->nsheets];
        *s = (sheet){strdup(nm), strdup(rid), NULL,
                     state && strcmp(state, "visible") != 0};
        x->nsheets++;
        if (!s->name || !s->rid)
            fail(x, "onvoldoende geheugen");
    }
}

static void XMLCALL no_end(void *ud, const XML_Char *name)
{
    (void)ud, (void)name;
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    pm_xlsx *x = ud;
    if (strcmp(local(name), "Relationship") != 0)
        return;
    const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
    const char *type = attr(atts, "Type");
    if (!id || !target)
        return;
    if (x->nrels == MAX_RELS) {
        fail(x, "xl/_rels/workbook.xml.rels heeft te veel verwijzingen");
        return;
    }
    rel *r = realloc(x->rels, (x->nrels + 1) * sizeof *r);
    if (!r) {
        fail(x, "onvoldoende geheugen");
        return;
    }
    x->rels = r;
    r[x->nrels] = (rel){strdup(id), strdup(target), strdup(type ? type : "")};
    if (!r[x->nrels].id || !r[x->nrels].target || !r[x->nrels].type)
        fail(x, "onvoldoende geheugen");
    x->nrels++;
}

/* The zip entry a workbook relationship points at: "worksheets/sheet1.xml"
 * is relative to xl/, "/xl/worksheets/sheet1.xml" absolute. */
static char *resolve_target(const char *target)
{
    if (target[0] == '/')
        return strdup(target + 1);
    size_t n = strlen(target) + 4;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "xl/%s", target);
    return s;
}

/* The target of the first relationship whose type ends in suffix. */
static const char *rel_of_type(const pm_xlsx *x, const char *suffix)
{
    size_t sl = strlen(suffix);
    for (size_t i = 0; i < x->nrels; i++) {
        size_t tl = strlen(x->rels[i].type);
        if (tl >= sl && strcmp(x->rels[i].type + tl - sl, suffix) == 0)
            return x->rels[i].target;
    }
    return NULL;
}

/* ---- shared strings --------------------------------------------------- */

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    pm_xlsx *x = ud;
    const char *el = local(name);
    if (is(el, "si")) {
        x->in_si = true;
        x->si_chars = 0;
    } else if (is(el, "rPh")) {
        x->in_rph = true; /* phonetic guide: not part of the text */
    } else if (is(el, "t") && x->in_si && !x->in_rph) {
        x->in_t = true;
        x->run_off = x->sst.len;
        x->run_chars = 0;
    }
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
    pm_xlsx *x = ud;
    const char *el = local(name);
    if (is(el, "t")) {
        if (x->in_t && x->sst.len > x->run_off) {
            /* Each <t> is a text of its own (ST_Xstring): an escape does not
             * run on into the next run. */
            x->sst.len = x->run_off + pm_xlsx_xstring_decode(x->sst.p + x->run_off,
                                                             x->sst.len - x->run_off);
            x->si_chars +=
                utf8_chars(x->sst.p + x->run_off, (int)(x->sst.len - x->run_off));
            if (x->si_chars > PM_XLSX_MAX_TEXT)
                fail(
                    x,
                    "gedeelde tekst nr. %zu is langer dan %u tekens (de grens van Excel)",
                    x->nsst, PM_XLSX_MAX_TEXT);
        }
        x->in_t = false;
    } else if (is(el, "rPh")) {
        x->in_rph = false;
    } else if (is(el, "si") && x->in_si) {
        x->in_si = false;
        if (x->nsst == PM_XLSX_MAX_STRINGS) {
            fail(x, "xl/sharedStrings.xml heeft meer dan %u teksten",
                 PM_XLSX_MAX_STRINGS);
            return;
        }
        if (x->nsst == x->sst_cap) {
            size_t cap = x->sst_cap ? 2 * x->sst_cap : 1024;
            uint32_t *e = realloc(x->ends, cap * sizeof *e);
            if (!e) {
                fail(x, "onvoldoende geheugen voor de gedeelde teksten");
                return;
            }
            x->ends = e;
            x->sst_cap = cap;
        }
        /* The NUL that ends the string ("" keeps the buffer a C string). */
        if (!pm_bytebuf_add(&x->sst, "", 1)) {
            fail(x, "onvoldoende geheugen voor de gedeelde teksten");
            return;
        }
        x->ends[x->nsst++] = (uint32_t)x->sst.len;
    }
}

static void XMLCALL sst_text(void *ud, const XML_Char *s, int len)
{
    pm_xlsx *x = ud;
    if (!x->in_t)
        return;
    x->run_chars += utf8_chars(s, len);
    if (x->run_chars > MAX_RAW_TEXT) {
        fail(x, "gedeelde tekst nr. %zu is langer dan %u tekens (de grens van Excel)",
             x->nsst, PM_XLSX_MAX_TEXT);
        return;
    }
    if (!pm_bytebuf_add(&x->sst, s, (size_t)len))
        fail(x, "onvoldoende geheugen voor de gedeelde teksten");
}

/* ---- styles ----------------------------------------------------------- */

static bool builtin_date(unsigned long id)
{
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

/* True when a number format shows a date or time: a d, m, y or h outside
 * quotes, brackets ([Red], [$-413]) and escapes (\d). */
static bool format_is_date(const char *code)
{
    bool quoted = false;
    int bracket = 0;
    for (const char *p = code; *p; p++) {
        char c = *p;
        if (quoted) {
            quoted = c != '"';
        } else if (c == '"') {
            quoted = true;
        } else if (c == '[') {
            bracket++;
        } else if (c == ']' && bracket) {
            bracket--;
        } else if (c == '\\' || c == '_' || c == '*') {
            if (p[1])
                p++; /* the next character is literal or padding */
        } else if (!bracket && strchr("dDmMyYhH", c)) {
            return true;
        }
    }
    return false;
}

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    pm_xlsx *x = ud;
    const char *el = local(name);
    if (is(el, "numFmt")) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        unsigned long n = id ? strtoul(id, NULL, 10) : 0;
        if (code && n < 65536 && format_is_date(code))
            x->datefmt[n / 8] |= (uint8_t)(1u << (n % 8));
    } else if (is(el, "cellXfs")) {
        x->in_cellxfs++;
    } else if (is(el, "xf") && x->in_cellxfs) {
        const char *id = attr(atts, "numFmtId");
        unsigned long n = id ? strtoul(id, NULL, 10) : 0;
        if (x->nxf == x->xf_cap) {
            size_t cap = x->xf_cap ? 2 * x->xf_cap : 64;
            if (cap > (1u << 20)) {
                fail(x, "xl/styles.xml heeft te veel celopmaken");
                return;
            }
            bool *p = realloc(x->xf_date, cap * sizeof *p);
            if (!p) {
                fail(x, "onvoldoende geheugen");
                return;
            }
            x->xf_date = p;
            x->xf_cap = cap;
        }
        x->xf_date[x->nxf++] =
            builtin_date(n) || (n < 65536 && (x->datefmt[n / 8] >> (n % 8)) & 1);
    }
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
    pm_xlsx *x = ud;
    if (strcmp(local(name), "cellXfs") == 0 && x->in_cellxfs)
        x->in_cellxfs--;
}

/* ---- open ------------------------------------------------------------- */

/* Whether entry name exists; when it does and text is given, its first
 * bytes (up to size - 1) as a C string. */
static bool peek_entry(pm_xlsx *x, const char *name, char *text, size_t size)
{
    if (unzLocateFile(x->zf, name, 2) != UNZ_OK)
        return false;
    if (!text)
        return true;
    text[0] = '\0';
    if (unzOpenCurrentFile(x->zf) != UNZ_OK)
        return true;
    int n = unzReadCurrentFile(x->zf, text, (unsigned)(size - 1));
    text[n > 0 ? n : 0] = '\0';
    unzCloseCurrentFile(x->zf);
    return true;
}

/* A zip archive without xl/workbook.xml: another kind of document that a
 * user took for a workbook. Sets why and returns true when it is one. */
static bool other_document(pm_xlsx *x)
{
    char mime[128];
    if (peek_entry(x, "mimetype", mime, sizeof mime)) {
        if (strncmp(mime, "application/vnd.oasis.opendocument.spreadsheet", 46) == 0)
            fail(x, "dit is een OpenDocument-rekenblad (.ods, uit LibreOffice of "
                    "OpenOffice), geen Excel-werkmap; sla het op als Excel-werkmap "
                    "(.xlsx): in LibreOffice met Bestand > Opslaan als, bestandstype "
                    "'Excel 2007-365 (.xlsx)'");
        else
            fail(x,
                 "dit is een OpenDocument-bestand (%.60s), geen Excel-werkmap; sla de "
                 "gegevens op als Excel-werkmap (.xlsx) of als CSV UTF-8",
                 mime[0] ? mime : "onbekend soort");
    } else if (peek_entry(x, "xl/workbook.bin", NULL, 0)) {
        fail(x, "dit is een binaire Excel-werkmap (.xlsb); open haar in Excel en sla "
                "haar op als Excel-werkmap (.xlsx) of als CSV UTF-8");
    } else if (peek_entry(x, "word/document.xml", NULL, 0)) {
        fail(x, "dit is een Word-document, geen Excel-werkmap; zet de gegevens in een "
                "Excel-werkmap (.xlsx) of een CSV-bestand");
    }
    return x->failed;
}

pm_error pm_xlsx_open(pm_xlsx **out, const char *path, char *why, size_t whysize)
{
    *out = NULL;
    pm_xlsx *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(why, whysize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    x->err_row = x->err_col = -1;
    x->sst.first = x->arena.first = 256;
    x->zf = unzOpen64(path);
    if (!x->zf) {
        snprintf(why, whysize,
                 "geen geldige Excel-werkmap (.xlsx): het bestand is geen zip-archief "
                 "of is beschadigd of afgekapt");
        pm_xlsx_close(x);
        return PM_ERR_DATA;
    }
    bool found;
    if (!peek_entry(x, "xl/workbook.xml", NULL, 0))
        other_document(x);
    if (!x->failed &&
        parse_part(x, "xl/workbook.xml", PM_XLSX_MAX_PART_BYTES, true, wb_start, no_end,
                   NULL, &found) &&
        parse_part(x, "xl/_rels/workbook.xml.rels", PM_XLSX_MAX_PART_BYTES, true,
                   rels_start, no_end, NULL, &found)) {
        for (size_t i = 0; i < x->nsheets && !x->failed; i++) {
            for (size_t r = 0; r < x->nrels && !x->sheets[i].part; r++)
                if (strcmp(x->rels[r].id, x->sheets[i].rid) == 0)
                    x->sheets[i].part = resolve_target(x->rels[r].target);
            if (!x->sheets[i].part)
                fail(x,
                     "geen geldige Excel-werkmap: blad '%s' verwijst naar een "
                     "onderdeel dat niet bestaat",
                     x->sheets[i].name);
        }
        const char *st = rel_of_type(x, "/styles");
        char *stp = resolve_target(st ? st : "styles.xml");
        if (!x->failed && stp)
            parse_part(x, stp, PM_XLSX_MAX_PART_BYTES, false, styles_start, styles_end,
                       NULL, &found);
        free(stp);
        const char *ss = rel_of_type(x, "/sharedStrings");
        char *ssp = resolve_target(ss ? ss : "sharedStrings.xml");
        if (!x->failed && ssp) {
            parse_part(x, ssp, PM_XLSX_MAX_SST_BYTES, false, sst_start, sst_end, sst_text,
                       &found);
            x->have_sst = found;
        }
        free(ssp);
    }
    if (!x->failed && x->nsheets == 0)
        fail(x, "de werkmap heeft geen bladen");
    if (x->failed) {
        snprintf(why, whysize, "%s", x->why);
        pm_xlsx_close(x);
        return PM_ERR_DATA;
    }
    x->chunk = malloc(CHUNK);
    if (!x->chunk) {
        snprintf(why, whysize, "onvoldoende geheugen");
        pm_xlsx_close(x);
        return PM_ERR_NOMEM;
    }
    *out = x;
    return PM_OK;
}

static void sheet_stop(pm_xlsx *x)
{
    if (x->p) {
        XML_ParserFree(x->p);
        x->p = NULL;
    }
    if (x->entry_open)
        unzCloseCurrentFile(x->zf);
    x->entry_open = false;
}

void pm_xlsx_close(pm_xlsx *x)
{
    if (!x)
        return;
    sheet_stop(x);
    if (x->zf)
        unzClose(x->zf);
    for (size_t i = 0; i < x->nsheets; i++) {
        free(x->sheets[i].name);
        free(x->sheets[i].rid);
        free(x->sheets[i].part);
    }
    for (size_t i = 0; i < x->nrels; i++) {
        free(x->rels[i].id);
        free(x->rels[i].target);
        free(x->rels[i].type);
    }
    free(x->sheets);
    free(x->rels);
    free(x->sst.p);
    free(x->ends);
    free(x->xf_date);
    free(x->chunk);
    free(x->arena.p);
    free(x->cells);
    free(x->out);
    free(x);
}

size_t pm_xlsx_nsheets(const pm_xlsx *x)
{
    return x->nsheets;
}

const char *pm_xlsx_sheet_name(const pm_xlsx *x, size_t i)
{
    return i < x->nsheets ? x->sheets[i].name : NULL;
}

bool pm_xlsx_sheet_hidden(const pm_xlsx *x, size_t i)
{
    return i < x->nsheets && x->sheets[i].hidden;
}

bool pm_xlsx_date1904(const pm_xlsx *x)
{
    return x->date1904;
}

/* ---- worksheet stream ------------------------------------------------- */

static void cell_fail(pm_xlsx *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void cell_fail(pm_xlsx *x, const char *fmt, ...)
{
    if (x->failed)
        return;
    x->err_row = x->row_num;
    x->err_col = x->in_cell ? (long)x->cur.col : -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->why, sizeof x->why, fmt, ap);
    va_end(ap);
    x->failed = true;
    XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL ws_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    pm_xlsx *x = ud;
    const char *el = local(name);
    if (is(el, "sheetData")) {
        x->in_sheetdata = true;
    } else if (!x->in_sheetdata) {
        return;
    } else if (is(el, "row")) {
        const char *r = attr(atts, "r");
        long num = x->row_num + 1;
        if (r) {
            char *end;
            num = strtol(r, &end, 10);
            if (end == r || *end)
                num = 0;
        }
        x->row_num = num < 1 || num > PM_XLSX_MAX_ROWS ? x->row_num : num;
        if (num < 1 || num > PM_XLSX_MAX_ROWS) {
            cell_fail(x, "ongeldig rijnummer '%.20s' (Excel kent rij 1 tot en met %ld)",
                      r ? r : "", PM_XLSX_MAX_ROWS);
            return;
        }
        x->in_row = true;
        x->ncells = 0;
        x->arena.len = 0;
        x->next_col = 0;
    } else if (is(el, "c") && x->in_row) {
        const char *r = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
        uint32_t col = x->next_col;
        x->in_cell = true;
        x->cur = (rcell){.col = col};
        if (r && !pm_xlsx_col_parse(r, &col)) {
            x->in_cell = false;
            cell_fail(x,
                      "celverwijzing '%.20s' ligt voorbij kolom XFD (de laatste "
                      "kolom van Excel)",
                      r);
            return;
        }
        if (col >= PM_XLSX_MAX_COLS) {
            x->in_cell = false;
            cell_fail(x, "de rij heeft cellen voorbij kolom XFD (meer dan %u kolommen)",
                      PM_XLSX_MAX_COLS);
            return;
        }
        x->cur.col = col;
        x->next_col = col + 1;
        if (x->ncells >= PM_XLSX_MAX_COLS) {
            cell_fail(x, "de rij heeft meer dan %u cellen", PM_XLSX_MAX_COLS);
            return;
        }
        size_t tl = t ? strnlen(t, sizeof x->cur_t - 1) : 1;
        memcpy(x->cur_t, t ? t : "n", tl);
        x->cur_t[tl] = '\0';
        if (is(x->cur_t, "s")) {
            x->cur.type = PM_XC_TEXT;
            x->cur.shared = true;
        } else if (is(x->cur_t, "str") || is(x->cur_t, "inlineStr")) {
            x->cur.type = PM_XC_TEXT;
        } else if (is(x->cur_t, "n")) {
            x->cur.type = PM_XC_NUMBER;
        } else if (is(x->cur_t, "b")) {
            x->cur.type = PM_XC_BOOL;
        } else if (is(x->cur_t, "e")) {
            x->cur.type = PM_XC_ERROR;
        } else if (is(x->cur_t, "d")) {
            x->cur.type = PM_XC_DATE;
        } else {
            cell_fail(x, "onbekend celtype t=\"%.20s\"", t);
            return;
        }
        unsigned long si = s ? strtoul(s, NULL, 10) : 0;
        x->cur.date_style = si < x->nxf && x->xf_date[si];
        x->cur.off = x->arena.len;
        x->cur_v = x->cur_f = false;
        x->cur_chars = 0;
    } else if (!x->in_cell) {
        return;
    } else if (is(el, "v")) {
        x->cur_v = true;
        x->collect = true;
        x->cur.off = x->arena.len; /* a second <v> replaces the first */
        x->cur_chars = 0;
        x->run_off = x->arena.len;
        x->run_chars = 0;
    } else if (is(el, "f")) {
        x->cur_f = true;
    } else if (is(el, "is")) {
        x->in_is = true;
        x->cur_v = true;
    } else if (is(el, "rPh")) {
        x->in_rph = true;
    } else if (is(el, "t") && x->in_is && !x->in_rph) {
        x->collect = true;
        x->run_off = x->arena.len;
        x->run_chars = 0;
    }
}

static void XMLCALL ws_text(void *ud, const XML_Char *s, int len)
{
    pm_xlsx *x = ud;
    if (!x->collect)
        return;
    x->run_chars += utf8_chars(s, len);
    if (x->run_chars > MAX_RAW_TEXT) {
        cell_fail(x, "de cel heeft meer dan %u tekens (de grens van Excel)",
                  PM_XLSX_MAX_TEXT);
        return;
    }
    if (!pm_bytebuf_add(&x->arena, s, (size_t)len))
        cell_fail(x, "onvoldoende geheugen");
}

/* Ends a <v> or <t> of the current cell: a text is decoded (a shared
 * string's <v> is its index, a number's its literal), and the cell's
 * characters are counted as Excel counts them, decoded. */
static void end_run(pm_xlsx *x)
{
    if (x->arena.len == x->run_off)
        return;
    if (x->cur.type == PM_XC_TEXT && !x->cur.shared) {
        x->arena.len = x->run_off + pm_xlsx_xstring_decode(x->arena.p + x->run_off,
                                                           x->arena.len - x->run_off);
        x->arena.p[x->arena.len] = '\0';
    }
    x->cur_chars += utf8_chars(x->arena.p + x->run_off, (int)(x->arena.len - x->run_off));
    if (x->cur_chars > PM_XLSX_MAX_TEXT)
        cell_fail(x, "de cel heeft meer dan %u tekens (de grens van Excel)",
                  PM_XLSX_MAX_TEXT);
}

/* Ends the current cell: resolves a shared string, drops an empty cell. */
static void end_cell(pm_xlsx *x)
{
    x->in_cell = false;
    x->in_is = x->in_rph = x->collect = false;
    rcell c = x->cur;
    c.len = x->arena.len - c.off;
    /* No value, or an empty <v/> (openpyxl writes one after a formula); an
     * empty formula string (t="str") is a value: the text "". */
    if (!x->cur_v || (c.len == 0 && (c.type != PM_XC_TEXT || c.shared))) {
        if (!x->cur_f)
            return; /* styled but empty */
        c.type = PM_XC_NOVALUE;
        c.len = 0;
    } else if (c.shared) {
        const char *v = x->arena.p + c.off;
        char *end;
        unsigned long idx = strtoul(v, &end, 10);
        if (c.len == 0 || end != v + c.len || *v == '-' || *v == '+' || idx >= x->nsst) {
            x->in_cell = true; /* for the location */
            if (!x->have_sst)
                cell_fail(x, "de cel verwijst naar een gedeelde tekst, maar de werkmap "
                             "heeft geen xl/sharedStrings.xml");
            else
                cell_fail(x,
                          "de cel verwijst naar gedeelde tekst nr. '%.20s'; de "
                          "werkmap heeft er %zu",
                          v, x->nsst);
            return;
        }
        c.sst = x->sst.p + (idx ? x->ends[idx - 1] : 0);
        c.len = x->ends[idx] - (idx ? x->ends[idx - 1] : 0) - 1;
    }
    if (!pm_bytebuf_add(&x->arena, "", 1)) { /* the NUL that ends the text */
        cell_fail(x, "onvoldoende geheugen");
        return;
    }
    if (x->ncells == x->cells_cap) {
        size_t cap = x->cells_cap ? 2 * x->cells_cap : 32;
        rcell *p = realloc(x->cells, cap * sizeof *p);
        if (!p) {
            cell_fail(x, "onvoldoende geheugen");
            return;
        }
        x->cells = p;
        x->cells_cap = cap;
    }
    x->cells[x->ncells++] = c;
}

static void XMLCALL ws_end(void *ud, const XML_Char *name)
{
    pm_xlsx *x = ud;
    const char *el = local(name);
    if (is(el, "sheetData")) {
        x->in_sheetdata = false;
    } else if (!x->in_sheetdata) {
        return;
    } else if (is(el, "v") || is(el, "t")) {
        if (x->collect)
            end_run(x);
        x->collect = false;
    } else if (is(el, "rPh")) {
        x->in_rph = false;
    } else if (is(el, "c") && x->in_cell) {
        end_cell(x);
    } else if (is(el, "row") && x->in_row) {
        x->in_row = false;
        if (x->ncells) {
            x->row_ready = true;
            XML_StopParser(x->p, XML_TRUE); /* hand this row back first */
        }
    }
}

pm_error pm_xlsx_sheet_open(pm_xlsx *x, size_t i, char *why, size_t whysize)
{
    sheet_stop(x);
    x->failed = false;
    x->why[0] = '\0';
    x->err_row = x->err_col = -1;
    x->row_num = 0;
    x->in_sheetdata = x->in_row = x->in_cell = x->collect = x->in_is = false;
    x->in_rph = false;
    x->final = x->suspended = x->finished = x->row_ready = false;
    bool found;
    if (i >= x->nsheets ||
        !entry_open(x, x->sheets[i].part, PM_XLSX_MAX_SHEET_BYTES, true, &found)) {
        snprintf(why, whysize, "%s", x->why);
        return PM_ERR_DATA;
    }
    x->entry_open = true;
    x->p = new_parser(x, ws_start, ws_end, ws_text);
    if (!x->p) {
        snprintf(why, whysize, "onvoldoende geheugen");
        return PM_ERR_NOMEM;
    }
    return PM_OK;
}

static int row_fatal(pm_xlsx *x, long *err_row, long *err_col, char *why, size_t whysize)
{
    *err_row = x->err_row;
    *err_col = x->err_col;
    snprintf(why, whysize, "%s", x->why);
    return PM_XLSX_FATAL;
}

int pm_xlsx_next_row(pm_xlsx *x, pm_xlsx_row *row, long *err_row, long *err_col,
                     char *why, size_t whysize)
{
    if (!x->p && !x->failed)
        return PM_XLSX_END;
    while (!x->failed) {
        enum XML_Status st;
        if (x->suspended) {
            st = XML_ResumeParser(x->p);
        } else if (x->finished) {
            return PM_XLSX_END;
        } else {
            int n = entry_read(x, x->chunk);
            if (n < 0)
                break;
            x->final = n == 0;
            st = XML_Parse(x->p, x->chunk, n, x->final);
        }
        x->suspended = st == XML_STATUS_SUSPENDED;
        if (st == XML_STATUS_ERROR) {
            if (!x->failed)
                xml_failed(x);
            break;
        }
        if (st == XML_STATUS_OK && x->final)
            x->finished = true;
        if (x->row_ready) {
            x->row_ready = false;
            if (x->ncells > x->out_cap) {
                pm_xlsx_cell *p = realloc(x->out, x->ncells * sizeof *p);
                if (!p) {
                    fail(x, "onvoldoende geheugen");
                    break;
                }
                x->out = p;
                x->out_cap = x->ncells;
            }
            for (size_t i = 0; i < x->ncells; i++) {
                const rcell *c = &x->cells[i];
                x->out[i] = (pm_xlsx_cell){c->col, c->type, c->date_style,
                                           c->sst ? c->sst : x->arena.p + c->off, c->len};
            }
            row->num = x->row_num;
            row->ncells = x->ncells;
            row->cells = x->out;
            return PM_XLSX_ROW;
        }
    }
    return row_fatal(x, err_row, err_col, why, whysize);
}
