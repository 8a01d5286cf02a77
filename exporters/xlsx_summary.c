/* xlsx_summary.c — the "Samenvatting" sheet (one row per sentence, the
 * indicator in column A) and the "Bereik" sheet (per regio the gemeenten,
 * of how many, as a percentage, and the SOB's; periode and cumulatief).
 * Numbers are numbers; a count hidden for extern is its mark as text ("<5",
 * or "x" beside a small one). */
#include "xlsx_summary.h"

#include <stdio.h>
#include <string.h>

#include "bereik.h"
#include "format.h"
#include "summary.h"

typedef struct fmt {
    lxw_format *title, *head, *wrap, *bold, *num, *pct, *note, *mark, *hidden;
} fmt;

typedef struct sheet {
    lxw_worksheet *ws;
    lxw_row_t row;
    lxw_error err;
} sheet;

static void keep(sheet *s, lxw_error e)
{
    if (e && !s->err)
        s->err = e;
}

static bool open_sheet(const pm_xlsx_summary_input *in, const fmt *f, sheet *s,
                       const char *name)
{
    memset(s, 0, sizeof *s);
    s->ws = workbook_add_worksheet(in->wb, name);
    if (!s->ws) {
        s->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return false;
    }
    worksheet_set_paper(s->ws, 9); /* A4 */
    worksheet_set_landscape(s->ws);
    worksheet_fit_to_pages(s->ws, 1, 0);
    keep(s, worksheet_set_header(s->ws, in->header));
    keep(s, worksheet_set_footer(s->ws, in->footer));
    if (in->audience == PM_INTERN)
        keep(s, worksheet_write_string(s->ws, s->row++, 0, in->intern_mark, f->mark));
    return true;
}

static void make_formats(lxw_workbook *wb, fmt *f)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 16);
    format_set_font_color(f->title, 0x1F4E79);
    f->head = workbook_add_format(wb);
    format_set_bold(f->head);
    format_set_text_wrap(f->head);
    format_set_pattern(f->head, LXW_PATTERN_SOLID);
    format_set_bg_color(f->head, 0xDDEBF7);
    format_set_bottom(f->head, LXW_BORDER_THIN);
    f->wrap = workbook_add_format(wb);
    format_set_text_wrap(f->wrap);
    format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
    f->bold = workbook_add_format(wb);
    format_set_bold(f->bold);
    format_set_align(f->bold, LXW_ALIGN_VERTICAL_TOP);
    f->num = workbook_add_format(wb);
    format_set_num_format(f->num, "#,##0");
    f->pct = workbook_add_format(wb);
    format_set_num_format(f->pct, "0.0%");
    f->note = workbook_add_format(wb);
    format_set_italic(f->note);
    format_set_font_color(f->note, 0x595959);
    f->mark = workbook_add_format(wb);
    format_set_bold(f->mark);
    format_set_font_color(f->mark, 0xC00000);
    f->hidden = workbook_add_format(wb);
    format_set_align(f->hidden, LXW_ALIGN_RIGHT);
    format_set_font_color(f->hidden, 0x595959);
}

/* Rows a sentence needs in a wrapped cell of `width` characters. */
static double row_height(const char *text, double width)
{
    size_t chars = 0;
    for (const char *p = text; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    size_t lines = (size_t)((double)chars / (width * 0.95)) + 1;
    return 15.0 * (double)lines;
}

static lxw_error summary_sheet(const pm_xlsx_summary_input *in, const fmt *f)
{
    sheet s;
    if (!open_sheet(in, f, &s, "Samenvatting"))
        return s.err;
    pm_summary sum;
    if (pm_summary_build(in->rep, in->audience, in->rep->warnings, &sum))
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    const double width = 120;
    keep(&s, worksheet_set_column(s.ws, 0, 0, 12, NULL));
    keep(&s, worksheet_set_column(s.ws, 1, 1, width, NULL));
    keep(&s, worksheet_write_string(s.ws, s.row++, 0, "Samenvatting", f->title));
    keep(&s, worksheet_write_string(s.ws, s.row++, 0,
                                    "Belangrijkste ontwikkelingen, uit de cijfers "
                                    "gegenereerd",
                                    f->note));
    s.row++;
    keep(&s, worksheet_write_string(s.ws, s.row, 0, "Indicator", f->head));
    keep(&s, worksheet_write_string(s.ws, s.row++, 1, "Ontwikkeling", f->head));
    for (size_t i = 0; i < sum.n; i++) {
        keep(&s,
             worksheet_set_row(s.ws, s.row, row_height(sum.lines[i].zin, width), NULL));
        keep(&s, worksheet_write_string(s.ws, s.row, 0,
                                        sum.lines[i].indicator ? sum.lines[i].indicator
                                                               : "Algemeen",
                                        f->bold));
        keep(&s, worksheet_write_string(s.ws, s.row++, 1, sum.lines[i].zin, f->wrap));
    }
    pm_summary_free(&sum);
    return s.err;
}

/* The mark of a hidden count ("<5", or "x" beside a small one), recorded in
 * *m for the sheet's legend. */
static void mark_cell(sheet *s, lxw_col_t col, pm_suppress sup, const fmt *f, pm_marks *m,
                      int min_cell)
{
    char mark[PM_MARK_SIZE];
    pm_hidden_mark(pm_marks_add(m, sup), min_cell, mark, sizeof mark);
    keep(s, worksheet_write_string(s->ws, s->row, col, mark, f->hidden));
}

/* A count, or its mark when hidden. */
static void count_cell(sheet *s, lxw_col_t col, long n, pm_suppress sup, const fmt *f,
                       pm_marks *m, int min_cell)
{
    if (pm_bereik_visible(sup))
        keep(s, worksheet_write_number(s->ws, s->row, col, (double)n, f->num));
    else
        mark_cell(s, col, sup, f, m, min_cell);
}

static void range_rows(sheet *s, const pm_bereik_range *r, const fmt *f, pm_marks *m,
                       int min_cell)
{
    for (size_t k = 0; k <= PM_NREGIOS; k++) {
        bool total = k == PM_NREGIOS;
        long g = total ? r->gemeenten : r->regio[k].gemeenten;
        long gt = total ? r->gemeenten_totaal : r->regio[k].gemeenten_totaal;
        pm_suppress gs = total ? r->gemeenten_suppress : r->regio[k].gemeenten_suppress;
        long sob = total ? r->sob : r->regio[k].sob;
        pm_suppress ss = total ? r->sob_suppress : r->regio[k].sob_suppress;
        keep(s, worksheet_write_string(s->ws, s->row, 0, total ? "Totaal" : pm_regios[k],
                                       total ? f->bold : NULL));
        count_cell(s, 1, g, gs, f, m, min_cell);
        keep(s, worksheet_write_number(s->ws, s->row, 2, (double)gt, f->num));
        if (pm_bereik_visible(gs) && gt > 0)
            keep(s, worksheet_write_number(s->ws, s->row, 3, (double)g / (double)gt,
                                           f->pct));
        else if (!pm_bereik_visible(gs))
            mark_cell(s, 3, gs, f, m, min_cell);
        count_cell(s, 4, sob, ss, f, m, min_cell);
        s->row++;
    }
}

static lxw_error bereik_sheet(const pm_xlsx_summary_input *in, const fmt *f)
{
    const pm_bereik *b = in->rep->bereik;
    if (!b)
        return LXW_NO_ERROR;
    sheet s;
    if (!open_sheet(in, f, &s, "Bereik"))
        return s.err;
    char d1[16], d2[16], title[160];
    const int min_cell = in->rep->scope.cfg->min_cell;
    pm_marks marks = {0};
    keep(&s, worksheet_set_column(s.ws, 0, 0, 16, NULL));
    keep(&s, worksheet_set_column(s.ws, 1, 4, 18, NULL));
    keep(&s, worksheet_write_string(s.ws, s.row++, 0, "Bereik", f->title));
    keep(&s, worksheet_write_string(
                 s.ws, s.row++, 0,
                 b->gefilterd ? "Gemeenten en SOB's die om hulp vroegen (minstens één "
                                "hulpvraag), alleen organisaties binnen het filter"
                              : "Gemeenten en SOB's die om hulp vroegen (minstens één "
                                "hulpvraag)",
                 f->note));
    const pm_bereik_range *r[2] = {&b->periode, &b->cumulatief};
    for (size_t j = 0; j < 2; j++) {
        s.row++;
        char head[160], pname[64];
        if (j == 0)
            snprintf(head, sizeof head, "Periode: %s",
                     pm_format_period(in->rep->scope.period.start,
                                      in->rep->scope.period.end, pname, sizeof pname));
        else
            snprintf(head, sizeof head, "Cumulatief: %s t/m %s",
                     pm_format_date(r[j]->van, d1, sizeof d1),
                     pm_format_date(r[j]->tot, d2, sizeof d2));
        keep(&s, worksheet_write_string(s.ws, s.row++, 0, head, f->bold));
        static const char *const cols[] = {"Regio", "Gemeenten met hulpvraag",
                                           "Gemeenten in de regio", "Aandeel gemeenten",
                                           "SOB's met hulpvraag"};
        for (lxw_col_t c = 0; c < 5; c++)
            keep(&s, worksheet_write_string(s.ws, s.row, c, cols[c], f->head));
        s.row++;
        range_rows(&s, r[j], f, &marks, min_cell);
    }
    s.row++;
    snprintf(
        title, sizeof title,
        "Gemeenten in de regio: volgens het register van organisaties; het totaal is "
        "de %ld gemeenten van Nederland.",
        b->periode.gemeenten_totaal);
    keep(&s, worksheet_write_string(s.ws, s.row++, 0, title, f->note));
    /* One line per mark the sheet shows, and none for a mark it does not. */
    static const pm_suppress kinds[] = {PM_SUPPRESS_PRIMAIR, PM_SUPPRESS_SECUNDAIR};
    for (size_t i = 0; i < 2; i++) {
        if (kinds[i] == PM_SUPPRESS_PRIMAIR ? !marks.primair : !marks.secundair)
            continue;
        char line[PM_LEGEND_SIZE + 1];
        pm_hidden_legend(kinds[i], min_cell, line, sizeof line - 1);
        strcat(line, ".");
        keep(&s, worksheet_write_string(s.ws, s.row++, 0, line, f->note));
    }
    (void)title;
    return s.err;
}

lxw_error pm_xlsx_summary_sheets(const pm_xlsx_summary_input *in)
{
    fmt f;
    make_formats(in->wb, &f);
    lxw_error e = summary_sheet(in, &f);
    if (!e)
        e = bereik_sheet(in, &f);
    return e;
}
