/* xlsx_internal.h — what the workbook (xlsx.c) and its own sheets in other
 * files (xlsx_beheer.c) share: the cell formats, the writer state and the
 * sheet writer that only moves down (constant_memory mode). The writer
 * lives in xlsx_sheet.c, which calls nothing in the others, so the calls
 * run one way (xlsx.c -> xlsx_beheer.c -> xlsx_sheet.c).
 *
 * Not a public interface; the short xs_ names stay because these files are
 * its only users, though the linker sees them. */
#ifndef PM_XLSX_INTERNAL_H
#define PM_XLSX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <xlsxwriter.h>

#include "xlsx.h"

/* Excel's last row is 1048576. */
#define MAX_EXCEL_ROWS 1048576L
/* Excel refuses longer text in one cell. */
#define MAX_CELL_CHARS 32767
/* Days from Excel's day 0 (its 1900 system) to 1970-01-01, our day 0. */
#define EXCEL_1970 25569.0

/* ---- formats -------------------------------------------------------------
 * Number formats are written in Excel's US syntax ("0.0%", "#,##0"); Excel
 * shows them in the reader's locale, so a Dutch Excel shows 87,5% and
 * € 12.345,00. Created once per workbook, indexed by xf. */

typedef enum xf {
    XF_PLAIN,
    XF_TITLE,
    XF_SUBTITLE,
    XF_HEAD,
    XF_GROUP,
    XF_BOLD,
    XF_WRAP,
    XF_NOTE,
    XF_INT,
    XF_PCT,
    XF_EURO,
    XF_DATE,
    XF_SCORE,
    XF_HOURS,
    XF_HIDDEN,
    XF_MARK,  /* "Intern — niet verspreiden" */
    XF_GRIJS, /* the four statuses, in pm_status order */
    XF_GROEN,
    XF_ORANJE,
    XF_ROOD,
    XF_PP,   /* a difference in procentpunten (with --vergelijk only) */
    XF_DIFF, /* a difference in a count (with --vergelijk only) */
    XF_COUNT
} xf;

#define BLUE 0x1F4E79
#define HEAD_FILL 0xDDEBF7

typedef struct xf_spec {
    const char *num; /* number format, US syntax */
    double size;
    lxw_color_t color, fill; /* 0: the default */
    unsigned char bold, italic, wrap, top, center, right, bottom_border;
} xf_spec;

extern const xf_spec xf_specs[XF_COUNT];

/* ---- the writer ---------------------------------------------------------- */

typedef struct xw {
    lxw_workbook *wb;
    lxw_format *f[XF_COUNT]; /* NULL for XF_PLAIN */
    const pm_xlsx_input *in;
    const pm_report *rep;
    const pm_config *cfg;
    char header[256], footer[256]; /* print header and footer, every sheet */
    char hidden[16];               /* "<5": a breakdown cell not shown */
    lxw_error lerr;                /* the first libxlsxwriter error */
} xw;

/* One sheet being written. `row` is the current row; writes go there and
 * the row only grows, which is what constant_memory mode needs. */
#define MAX_WIDTHS 32

typedef struct xs {
    xw *w;
    lxw_worksheet *ws; /* NULL when the sheet could not be added */
    char name[32];
    lxw_row_t top; /* the first row under the intern mark (0 in extern) */
    lxw_row_t row;
    double width[MAX_WIDTHS]; /* column widths, for wrapped row heights */
    int lines;                /* lines the wrapped cells of this row need */
    pm_marks marks;           /* the marks of hidden cells written (legend) */
} xs;

/* Keeps the first libxlsxwriter error of the workbook. */
void note(xw *w, lxw_error e);
void create_formats(xw *w);
void hf_escape(const char *s, char *out, size_t size);
/* Adds a sheet with the print setup and, in intern, the mark in row 0;
 * false when it cannot be added. The xs_ writers below write at s->row,
 * which only grows (xs_down). */
bool xs_open(xw *w, xs *s, const char *name);
void xs_height(xs *s, double points);
void xs_down(xs *s, lxw_row_t n);
void xs_width(xs *s, lxw_col_t first, lxw_col_t last, double width);
void xs_text(xs *s, lxw_col_t col, const char *text, xf f);
void xs_num(xs *s, lxw_col_t col, double v, xf f);
void xs_date(xs *s, lxw_col_t col, pm_day d);
void xs_head(xs *s, lxw_col_t col, const char *text);
void xs_status(xs *s, lxw_col_t col, pm_status st);
void xs_merge(xs *s, lxw_col_t first, lxw_col_t last, const char *text, xf f);
void xs_paragraph(xs *s, lxw_col_t first, lxw_col_t last, const char *text, xf f);
void xs_label(xs *s, const char *label);

/* The management section's sheets (xlsx_beheer.c): Team, Openstaand,
 * Budget per post, Mijlpalen; intern with rep->beheer only. */
void pm_xlsx_beheer_sheets(xw *w);

/* The folder of path, for libxlsxwriter's temporary files: beside the
 * target rather than in /tmp, which may be memory. malloc'ed (xlsx_sheet.c). */
char *pm_xlsx_folder_of(const char *path);

#endif
