/* xlsx_toelichting.c — the workbook's Toelichting sheet
 * (xlsx_toelichting.h): each block of the coordinator's text in one row,
 * its styles as an Excel rich string, in section order. */
#include "xlsx_toelichting.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "toelichting_flags.h"

/* Column B's width in Excel's units (characters of '0'). */
#define TEXT_WIDTH 110.0
/* Excel refuses longer text in one cell. */
#define MAX_CELL_CHARS 32767

/* The section order of the sheet: as the PDF, general text first, risks
 * and measures last. */
static const pm_tl_id order[] = {PM_TL_ALGEMEEN, PM_TL_R1,         PM_TL_R2, PM_TL_R3,
                                 PM_TL_R4,       PM_TL_R5,         PM_TL_R6, PM_TL_B,
                                 PM_TL_RISICOS,  PM_TL_MAATREGELEN};

#define NSTYLES 16 /* PM_TL_EMPH | PM_TL_STRONG | PM_TL_CODE | LINK */
#define LINK 8

typedef struct sheet {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_row_t row;
    lxw_format *wrap, *label, *title, *note, *flag, *url;
    lxw_format *style[NSTYLES]; /* NULL for plain text */
    lxw_error err;
} sheet;

static void note_err(sheet *s, lxw_error e)
{
    if (e && !s->err)
        s->err = e;
}

static lxw_format *style_format(sheet *s, unsigned style)
{
    if (!style)
        return NULL;
    if (!s->style[style]) {
        lxw_format *f = workbook_add_format(s->wb);
        if (style & PM_TL_STRONG)
            format_set_bold(f);
        if (style & PM_TL_EMPH)
            format_set_italic(f);
        if (style & PM_TL_CODE)
            format_set_font_name(f, "Courier New");
        if (style & LINK) {
            format_set_underline(f, LXW_UNDERLINE_SINGLE);
            format_set_font_color(f, 0x1F4E79);
        }
        s->style[style] = f;
    }
    return s->style[style];
}

/* text with every "_xHHHH_" escaped as "_x005F_xHHHH_", so Excel shows it
 * as typed (xlsx.c's cell_text does the same for plain cells). malloc'ed. */
static char *x_escaped(const char *text)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, "_x")) != NULL; p++)
        n++;
    char *out = malloc(strlen(text) + n * 6 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (const char *p = text; *p; p++) {
        if (p[0] == '_' && p[1] == 'x' && isxdigit((unsigned char)p[2]) &&
            isxdigit((unsigned char)p[3]) && isxdigit((unsigned char)p[4]) &&
            isxdigit((unsigned char)p[5]) && p[6] == '_') {
            memcpy(out + o, "_x005F", 6);
            o += 6;
        }
        out[o++] = *p;
    }
    out[o] = '\0';
    return out;
}

/* A rich string being built: fragments of one format each, never empty,
 * never two of the same format in a row. */
typedef struct rich {
    lxw_format **fmt;
    char **text;
    size_t n;
    size_t chars; /* characters so far, to stay under Excel's cell limit */
    size_t lines; /* hard line breaks */
    bool full;
    bool nomem;
} rich;

static void rich_add(rich *r, lxw_format *f, const char *text)
{
    if (r->full || r->nomem || !*text)
        return;
    char *t = x_escaped(text);
    if (!t) {
        r->nomem = true;
        return;
    }
    /* Cut at a character boundary where Excel's limit is reached. */
    size_t chars = 0, keep = 0;
    for (; t[keep]; keep++) {
        if (((unsigned char)t[keep] & 0xC0) != 0x80) {
            if (r->chars + chars + 1 > MAX_CELL_CHARS - 1) {
                r->full = true;
                break;
            }
            chars++;
        }
    }
    t[keep] = '\0';
    r->chars += chars;
    if (!*t) {
        free(t);
        return;
    }
    if (r->n && r->fmt[r->n - 1] == f) {
        size_t a = strlen(r->text[r->n - 1]);
        char *j = realloc(r->text[r->n - 1], a + strlen(t) + 1);
        if (!j) {
            free(t);
            r->nomem = true;
            return;
        }
        strcpy(j + a, t);
        r->text[r->n - 1] = j;
        free(t);
        return;
    }
    lxw_format **fm = realloc(r->fmt, (r->n + 1) * sizeof *fm);
    if (fm)
        r->fmt = fm;
    char **tx = fm ? realloc(r->text, (r->n + 1) * sizeof *tx) : NULL;
    if (tx)
        r->text = tx;
    if (!fm || !tx) {
        free(t);
        r->nomem = true;
        return;
    }
    r->fmt[r->n] = f;
    r->text[r->n] = t;
    r->n++;
}

static void rich_free(rich *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->text[i]);
    free(r->text);
    free(r->fmt);
}

/* Writes r into column B of the current row with cell format cell. */
static void rich_write(sheet *s, rich *r, lxw_format *cell)
{
    if (r->nomem) {
        note_err(s, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    if (r->n == 0)
        return;
    if (r->n == 1 && !r->fmt[0]) {
        note_err(s, worksheet_write_string(s->ws, s->row, 1, r->text[0], cell));
        return;
    }
    lxw_rich_string_tuple *tuples = calloc(r->n, sizeof *tuples);
    lxw_rich_string_tuple **list = calloc(r->n + 1, sizeof *list);
    if (!tuples || !list) {
        free(tuples);
        free(list);
        note_err(s, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        tuples[i] = (lxw_rich_string_tuple){.format = r->fmt[i], .string = r->text[i]};
        list[i] = &tuples[i];
    }
    note_err(s, worksheet_write_rich_string(s->ws, s->row, 1, list, cell));
    free(tuples);
    free(list);
}

/* The row's height for text of `chars` characters and `breaks` hard line
 * breaks in column B: Excel does not grow a row written by a program. */
static void row_height(sheet *s, size_t chars, size_t breaks)
{
    size_t per_line = (size_t)TEXT_WIDTH;
    size_t lines = chars / per_line + 1 + breaks;
    if (lines > 1)
        note_err(s, worksheet_set_row(s->ws, s->row,
                                      15.0 * (double)(lines > 400 ? 400 : lines), NULL));
}

/* Whether the text of the link that ends with run i is its address
 * itself (an autolink), which then is not repeated. */
static bool text_is_url(const pm_tl_block *b, size_t i)
{
    const char *url = b->runs[i].url;
    size_t j = i;
    while (j > 0 && b->runs[j - 1].url && strcmp(b->runs[j - 1].url, url) == 0)
        j--;
    const char *want = url;
    if (strncmp(url, "mailto:", 7) == 0) {
        size_t len = 0;
        for (size_t k = j; k <= i; k++)
            len += strlen(b->runs[k].text);
        if (len == strlen(url + 7))
            want = url + 7;
    }
    size_t o = 0, wl = strlen(want);
    for (size_t k = j; k <= i; k++) {
        size_t l = strlen(b->runs[k].text);
        if (o + l > wl || memcmp(want + o, b->runs[k].text, l) != 0)
            return false;
        o += l;
    }
    return o == wl;
}

static void block_row(sheet *s, const char *label, const pm_tl_block *b)
{
    rich r = {0};
    if (b->depth > 0) {
        char prefix[64] = "";
        size_t o = 0;
        for (int d = 1; d < b->depth && o + 5 < sizeof prefix; d++)
            o += (size_t)snprintf(prefix + o, sizeof prefix - o, "    ");
        if (b->marker && b->number)
            snprintf(prefix + o, sizeof prefix - o, "%d. ", b->number);
        else if (b->marker)
            snprintf(prefix + o, sizeof prefix - o, "%s ", b->depth == 1 ? "•" : "–");
        else
            snprintf(prefix + o, sizeof prefix - o, "   ");
        rich_add(&r, NULL, prefix);
    }
    for (size_t i = 0; i < b->nruns; i++) {
        const pm_tl_run *run = &b->runs[i];
        if (run->brk) {
            rich_add(&r, NULL, "\n");
            r.lines++;
            continue;
        }
        rich_add(&r, style_format(s, run->style | (run->url ? LINK : 0)), run->text);
        bool link_end = run->url && (i + 1 == b->nruns || !b->runs[i + 1].url ||
                                     strcmp(b->runs[i + 1].url, run->url) != 0);
        if (link_end && !text_is_url(b, i)) {
            rich_add(&r, s->url, " (");
            rich_add(&r, s->url, run->url);
            rich_add(&r, s->url, ")");
        }
    }
    note_err(s, worksheet_write_string(s->ws, s->row, 0, label, s->label));
    rich_write(s, &r, s->wrap);
    row_height(s, r.chars, r.lines);
    s->row++;
    rich_free(&r);
}

static void text_row(sheet *s, const char *label, const char *text, lxw_format *f)
{
    if (label)
        note_err(s, worksheet_write_string(s->ws, s->row, 0, label, s->label));
    char *t = x_escaped(text);
    if (!t) {
        note_err(s, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    note_err(s, worksheet_write_string(s->ws, s->row, 1, t, f));
    row_height(s, strlen(t), 0);
    free(t);
    s->row++;
}

bool pm_xlsx_tl_wanted(const pm_xlsx_input *in)
{
    if (pm_tl_any(in->toelichting))
        return true;
    size_t n = 0;
    char **flags = pm_tl_flags(in->rep->posten, in->toelichting, &n);
    pm_tl_flags_free(flags, n == (size_t)-1 ? 0 : n);
    return n > 0;
}

static void make_formats(sheet *s)
{
    s->wrap = workbook_add_format(s->wb);
    format_set_text_wrap(s->wrap);
    format_set_align(s->wrap, LXW_ALIGN_VERTICAL_TOP);
    s->label = workbook_add_format(s->wb);
    format_set_bold(s->label);
    format_set_align(s->label, LXW_ALIGN_VERTICAL_TOP);
    s->title = workbook_add_format(s->wb);
    format_set_bold(s->title);
    format_set_font_size(s->title, 16);
    format_set_font_color(s->title, 0x1F4E79);
    s->note = workbook_add_format(s->wb);
    format_set_italic(s->note);
    format_set_font_color(s->note, 0x595959);
    s->flag = workbook_add_format(s->wb);
    format_set_bold(s->flag);
    format_set_font_color(s->flag, 0x9C0006);
    format_set_text_wrap(s->flag);
    s->url = workbook_add_format(s->wb);
    format_set_font_color(s->url, 0x595959);
}

lxw_error pm_xlsx_tl_write(lxw_workbook *wb, lxw_worksheet *ws, lxw_row_t row,
                           const pm_xlsx_input *in)
{
    sheet s = {.wb = wb, .ws = ws, .row = row};
    make_formats(&s);
    note_err(&s, worksheet_set_column(ws, 0, 0, 18, NULL));
    note_err(&s, worksheet_set_column(ws, 1, 1, TEXT_WIDTH, NULL));
    const pm_toelichting *tl = in->toelichting;
    note_err(&s, worksheet_set_row(ws, s.row, 24, NULL));
    note_err(&s, worksheet_write_string(ws, s.row++, 0, "Toelichting", s.title));
    char buf[512];
    if (tl)
        snprintf(buf, sizeof buf,
                 "De toelichting van de coördinator (%s): één rij per alinea of "
                 "opsommingsteken.",
                 tl->name);
    else
        snprintf(buf, sizeof buf, "Bij deze rapportage is geen toelichting gegeven.");
    note_err(&s, worksheet_write_string(ws, s.row++, 0, buf, s.note));
    s.row++;
    size_t nflags = 0;
    char **flags = pm_tl_flags(in->rep->posten, tl, &nflags);
    if (!flags && nflags) {
        note_err(&s, LXW_ERROR_MEMORY_MALLOC_FAILED);
        nflags = 0;
    }
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        const pm_tl_section *sec = tl ? &tl->sections[order[k]] : NULL;
        const char *label = pm_tl_heading(order[k]);
        if (order[k] == PM_TL_B) {
            for (size_t i = 0; i < nflags; i++)
                text_row(&s, label, flags[i], s.flag);
        }
        for (size_t i = 0; sec && sec->present && i < sec->nblocks; i++)
            block_row(&s, label, &sec->blocks[i]);
    }
    pm_tl_flags_free(flags, nflags);
    return s.err;
}
