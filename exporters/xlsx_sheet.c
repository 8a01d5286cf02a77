/* xlsx_sheet.c — the workbook's sheet writer (xlsx_internal.h): cell
 * formats, text escaped for Excel, and a sheet that is written row by row
 * from the top, as libxlsxwriter's constant_memory mode needs. */
#include "xlsx_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

/* Status fills are light with dark text of the same hue, so the word stays
 * readable on screen, in print and for colour-blind readers. */
const xf_spec xf_specs[XF_COUNT] = {
    [XF_TITLE] = {.size = 16, .bold = 1, .color = BLUE},
    [XF_SUBTITLE] = {.size = 12, .bold = 1, .color = BLUE},
    [XF_HEAD] = {.bold = 1, .wrap = 1, .fill = HEAD_FILL, .bottom_border = 1},
    [XF_GROUP] = {.bold = 1, .wrap = 1, .center = 1, .fill = HEAD_FILL},
    [XF_BOLD] = {.bold = 1, .top = 1},
    [XF_WRAP] = {.wrap = 1},
    [XF_NOTE] = {.italic = 1, .wrap = 1, .color = 0x595959},
    [XF_INT] = {.num = "#,##0"},
    [XF_PCT] = {.num = "0.0%"},
    [XF_EURO] = {.num = "[$€-413] #,##0.00"},
    [XF_DATE] = {.num = "dd-mm-yyyy"},
    [XF_SCORE] = {.num = "0.0"},
    [XF_HOURS] = {.num = "0.00"},
    [XF_HIDDEN] = {.right = 1, .color = 0x595959},
    [XF_MARK] = {.bold = 1, .color = 0xC00000},
    [XF_GRIJS] = {.center = 1, .fill = 0xE7E6E6, .color = 0x3A3A3A},
    [XF_GROEN] = {.center = 1, .fill = 0xC6EFCE, .color = 0x006100},
    [XF_ORANJE] = {.center = 1, .fill = 0xFFEB9C, .color = 0x9C5700},
    [XF_ROOD] = {.center = 1, .fill = 0xFFC7CE, .color = 0x9C0006},
    [XF_PP] = {.num = "+0.0\" %-punt\";-0.0\" %-punt\";0.0\" %-punt\""},
    [XF_DIFF] = {.num = "+#,##0;-#,##0;0"},
};

void note(xw *w, lxw_error e)
{
    if (e && !w->lerr)
        w->lerr = e;
}

void create_formats(xw *w)
{
    /* The comparison's formats exist only in a workbook with one, so a
     * workbook without stays as it was, byte for byte. */
    int n = w->rep->scope.vergelijk != PM_VERGELIJK_GEEN ? XF_COUNT : XF_PP;
    for (int i = 1; i < n; i++) {
        const xf_spec *s = &xf_specs[i];
        lxw_format *f = workbook_add_format(w->wb);
        if (!f) {
            note(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        if (s->num)
            format_set_num_format(f, s->num);
        if (s->size > 0)
            format_set_font_size(f, s->size);
        if (s->color)
            format_set_font_color(f, s->color);
        if (s->fill) {
            format_set_pattern(f, LXW_PATTERN_SOLID);
            format_set_bg_color(f, s->fill);
        }
        if (s->bold)
            format_set_bold(f);
        if (s->italic)
            format_set_italic(f);
        if (s->wrap)
            format_set_text_wrap(f);
        /* Wrapped text and the labels beside it start at the top of the row. */
        if (s->wrap || s->top)
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        if (s->center)
            format_set_align(f, LXW_ALIGN_CENTER);
        if (s->right)
            format_set_align(f, LXW_ALIGN_RIGHT);
        if (s->bottom_border)
            format_set_bottom(f, LXW_BORDER_THIN);
        w->f[i] = f;
    }
}

/* True when s starts with "_x", four hex digits and "_": Excel's escape
 * for one character in the text of a cell or header (ECMA-376 ST_Xstring),
 * which Excel and openpyxl decode on reading ("_x0041_" becomes "A"). */
static bool is_xescape(const char *s)
{
    if (s[0] != '_' || s[1] != 'x')
        return false;
    for (int i = 2; i < 6; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    return s[6] == '_';
}

/* "_x005F" is the escaped '_': written before a literal "_x0041_" it makes
 * a reader show the text as typed. */
#define XESCAPE "_x005F"
#define XESCAPE_LEN 6

/* Copies s into out with every '&' doubled (a single '&' starts a code in
 * Excel's header and footer language) and every "_xHHHH_" escaped. */
void hf_escape(const char *s, char *out, size_t size)
{
    size_t o = 0;
    for (; *s && o + 3 < size; s++) {
        if (*s == '&')
            out[o++] = '&';
        if (is_xescape(s)) {
            if (o + XESCAPE_LEN + 2 >= size)
                break;
            memcpy(out + o, XESCAPE, XESCAPE_LEN);
            o += XESCAPE_LEN;
        }
        out[o++] = *s;
    }
    out[o] = '\0';
}

/* Adds a sheet with the print setup every sheet has: A4 landscape, one
 * page wide, the header and footer. False when it cannot be added. */
bool xs_open(xw *w, xs *s, const char *name)
{
    memset(s, 0, sizeof *s);
    s->w = w;
    snprintf(s->name, sizeof s->name, "%s", name);
    if (w->lerr)
        return false;
    s->ws = workbook_add_worksheet(w->wb, s->name);
    if (!s->ws) {
        note(w, LXW_ERROR_CREATING_TMPFILE);
        return false;
    }
    worksheet_set_paper(s->ws, 9); /* A4 */
    worksheet_set_landscape(s->ws);
    worksheet_fit_to_pages(s->ws, 1, 0);
    note(w, worksheet_set_header(s->ws, w->header));
    note(w, worksheet_set_footer(s->ws, w->footer));
    /* The intern mark is the first row of every sheet, so it is seen on
     * screen as well as on paper; what the sheet holds starts below it. */
    if (w->in->audience == PM_INTERN) {
        xs_text(s, 0, pm_label_intern_mark, XF_MARK);
        s->row = s->top = 1;
    }
    return true;
}

void xs_height(xs *s, double points)
{
    if (s->ws)
        note(s->w, worksheet_set_row(s->ws, s->row, points, NULL));
}

/* Lines a text needs in a wrapped cell `width` characters wide (column
 * widths count the digit '0', a little wider than an average letter; bold
 * text gets less room). Words are not broken, as in Excel; characters, not
 * bytes, are counted. */
static int wrap_lines(const char *text, double width, bool bold)
{
    int cap = (int)(width * (bold ? 0.85 : 1.0));
    if (cap < 4)
        cap = 4;
    int lines = 1, used = 0;
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        int word = 0;
        for (; *p && *p != ' '; p++)
            word += ((unsigned char)*p & 0xC0) != 0x80;
        if (used && used + 1 + word > cap) {
            lines++;
            used = word;
        } else {
            used += used ? 1 + word : word;
        }
        for (; used > cap; used -= cap)
            lines++;
    }
    return lines;
}

static double col_width(const xs *s, lxw_col_t col)
{
    return col < MAX_WIDTHS && s->width[col] > 0 ? s->width[col] : LXW_DEF_COL_WIDTH;
}

/* Moves down n rows; a header row first gets the height its cells need. */
void xs_down(xs *s, lxw_row_t n)
{
    if (s->lines > 1)
        xs_height(s, 15.0 * s->lines);
    s->lines = 0;
    s->row += n;
}

void xs_width(xs *s, lxw_col_t first, lxw_col_t last, double width)
{
    for (lxw_col_t c = first; c <= last && c < MAX_WIDTHS; c++)
        s->width[c] = width;
    if (s->ws)
        note(s->w, worksheet_set_column(s->ws, first, last, width, NULL));
}

/* The text a cell holds for text, so that a reader shows text exactly as
 * it was typed: every "_xHHHH_" escaped as "_x005F_xHHHH_" (libxlsxwriter
 * 1.1.4 writes inline strings as they are, and Excel would show "_x0041_"
 * as "A"), and cut at a character boundary where Excel's limit of
 * MAX_CELL_CHARS, which counts the escapes too, is reached. Returns text
 * itself when it needs neither, else a malloc'ed copy in *owned; NULL when
 * memory runs out. */
static const char *cell_text(const char *text, char **owned)
{
    *owned = NULL;
    size_t len = strlen(text);
    if (len <= MAX_CELL_CHARS && !strstr(text, "_x"))
        return text;
    size_t keep = 0, chars = 0, nesc = 0;
    while (keep < len) {
        size_t extra = is_xescape(text + keep) ? XESCAPE_LEN : 0;
        if (chars + 1 + extra > MAX_CELL_CHARS)
            break;
        chars += 1 + extra;
        nesc += extra != 0;
        keep++;
        while (keep < len && ((unsigned char)text[keep] & 0xC0) == 0x80)
            keep++;
    }
    if (keep == len && nesc == 0)
        return text;
    char *out = malloc(keep + nesc * XESCAPE_LEN + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < keep; i++) {
        if (text[i] == '_' && is_xescape(text + i)) {
            memcpy(out + o, XESCAPE, XESCAPE_LEN);
            o += XESCAPE_LEN;
        }
        out[o++] = text[i];
    }
    out[o] = '\0';
    *owned = out;
    return out;
}

void xs_text(xs *s, lxw_col_t col, const char *text, xf f)
{
    if (!s->ws || !text)
        return;
    if (!*text) {
        /* An empty header cell still carries its fill. */
        if (f != XF_PLAIN)
            note(s->w, worksheet_write_blank(s->ws, s->row, col, s->w->f[f]));
        return;
    }
    char *owned;
    const char *t = cell_text(text, &owned);
    if (!t) {
        note(s->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    note(s->w, worksheet_write_string(s->ws, s->row, col, t, s->w->f[f]));
    free(owned);
}

void xs_num(xs *s, lxw_col_t col, double v, xf f)
{
    if (s->ws)
        note(s->w, worksheet_write_number(s->ws, s->row, col, v, s->w->f[f]));
}

void xs_date(xs *s, lxw_col_t col, pm_day d)
{
    xs_num(s, col, (double)d + EXCEL_1970, XF_DATE);
}

/* A header cell: bold on a light fill, wrapped; the row grows to fit. */
void xs_head(xs *s, lxw_col_t col, const char *text)
{
    xs_text(s, col, text, XF_HEAD);
    int lines = wrap_lines(text, col_width(s, col), true);
    if (lines > s->lines)
        s->lines = lines;
}

void xs_status(xs *s, lxw_col_t col, pm_status st)
{
    xs_text(s, col, pm_status_name(st), (xf)(XF_GRIJS + (int)st));
}

/* Merges columns first..last of the current row around text. */
void xs_merge(xs *s, lxw_col_t first, lxw_col_t last, const char *text, xf f)
{
    if (!s->ws)
        return;
    if (first == last) {
        xs_text(s, first, text, f);
        return;
    }
    char *owned;
    const char *t = cell_text(text, &owned);
    if (!t) {
        note(s->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    note(s->w, worksheet_merge_range(s->ws, s->row, first, s->row, last, t, s->w->f[f]));
    free(owned);
}

static double span_width(const xs *s, lxw_col_t first, lxw_col_t last)
{
    double width = 0;
    for (lxw_col_t c = first; c <= last; c++)
        width += col_width(s, c);
    return width;
}

/* A wrapped paragraph over columns first..last: merged, with the row
 * height its lines need (Excel does not grow merged rows by itself). */
void xs_paragraph(xs *s, lxw_col_t first, lxw_col_t last, const char *text, xf f)
{
    int lines = wrap_lines(text, span_width(s, first, last), xf_specs[f].bold);
    if (lines > s->lines)
        s->lines = lines;
    xs_merge(s, first, last, text, f);
}

/* The bold label of a row, in column 0. */
void xs_label(xs *s, const char *label)
{
    xs_text(s, 0, label, XF_BOLD);
}

char *pm_xlsx_folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}
