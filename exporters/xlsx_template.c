/* xlsx_template.c — the Excel template of one dataset (issue 17 point 3).
 * Everything it says comes from the two tables in engine/: dataset.c (what
 * the import accepts: lists, bounds) and field_help.c (the same in words),
 * so the template cannot promise other values than the import takes.
 *
 * Sheets: the dataset's own ("Hulpvragen"), "Uitleg" (one row per field),
 * "Gemeenten" for organisaties and hulpvragen, and the hidden "Lijsten"
 * that the drop-downs read (a list validation typed inline is limited to 255
 * characters and breaks on a comma; a range has neither limit). */
#include "xlsx_template.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "field_help.h"
#include "outfile.h"
#include "xlsx_internal.h"

/* Validation covers every row Excel has: the import reads a full sheet of
 * 1,048,576 rows, and a range costs one line of XML whatever its size. */
#define LAST_ROW (LXW_ROW_MAX - 1)
/* libxlsxwriter's limits for the texts of a validation, in characters; we
 * count bytes, which is never fewer. */
#define TITLE_MAX 32
#define MESSAGE_MAX 255

typedef struct tpl {
    lxw_workbook *wb;
    const pm_dataset *ds;
    const pm_field_help *help;
    lxw_format *head, *head_req, *text, *date, *score, *hours, *money, *whole, *wrap,
        *note;
    lxw_error lerr; /* the first libxlsxwriter error */
    bool nomem;
} tpl;

static void keep(tpl *t, lxw_error e)
{
    if (e && !t->lerr)
        t->lerr = e;
}

void pm_xlsx_template_sheet_name(const pm_dataset *ds, char *buf, size_t size)
{
    snprintf(buf, size, "%s", ds->name);
    buf[0] = (char)toupper((unsigned char)buf[0]);
}

/* Is field i the organisation a gemeente may be: looked up in Gemeenten. */
static bool is_gemeente_field(const pm_dataset *ds, size_t i)
{
    const char *n = ds->fields[i].name;
    return (ds->kind == PM_ORGANISATIES && strcmp(n, "id") == 0) ||
           (ds->kind == PM_HULPVRAGEN && strcmp(n, "organisatie") == 0);
}

static bool has_gemeenten(const pm_dataset *ds)
{
    return ds->kind == PM_ORGANISATIES || ds->kind == PM_HULPVRAGEN;
}

/* Appends sentence s to buf when it fits within MESSAGE_MAX; a text too long
 * is cut after its last whole sentence that fits, or left out. */
static void add_sentence(char *buf, const char *s)
{
    size_t have = strlen(buf), sep = have ? 1 : 0, len = strlen(s);
    if (!len)
        return;
    if (have + sep + len > MESSAGE_MAX) {
        size_t room = MESSAGE_MAX - have - sep, cut = 0;
        for (size_t k = 0; k + 1 < len && k < room; k++)
            if (s[k] == '.' && s[k + 1] == ' ')
                cut = k + 1;
        if (!cut)
            return;
        len = cut;
    }
    if (sep)
        strcat(buf, " ");
    strncat(buf, s, len);
}

/* "Kies een waarde uit de lijst: a, b, c." when it fits in a message, else
 * the sentence without the values (the drop-down shows them anyway). */
static void list_sentence(char *out, size_t size, const char *const *values,
                          const char *refused)
{
    static const char lead[] = "Kies een waarde uit de lijst";
    size_t n = (size_t)snprintf(out, size, "%s", lead);
    const char *sep = ": ";
    for (size_t k = 0; values[k]; k++) {
        if (refused && strcmp(values[k], refused) == 0)
            continue;
        n += (size_t)snprintf(out + (n < size ? n : size - 1), n < size ? size - n : 1,
                              "%s%s", sep, values[k]);
        sep = ", ";
    }
    if (n + 2 > size || n + 1 > MESSAGE_MAX)
        snprintf(out, size, "%s.", lead);
    else
        strcat(out, ".");
}

/* The input message of field i: required or not, how to type it, then the
 * allowed values and the explanation from field_help.c while they fit. */
static void input_message(tpl *t, size_t i, char *out)
{
    const pm_field *f = &t->ds->fields[i];
    const pm_field_help *h = &t->help[i];
    char s[600];
    out[0] = '\0';
    if (strcmp(h->verplicht, "ja") == 0)
        add_sentence(out, "Verplicht.");
    else if (strcmp(h->verplicht, "nee") == 0)
        add_sentence(out, "Mag leeg blijven.");
    else {
        char *plain = pm_field_help_plain(h->verplicht);
        snprintf(s, sizeof s, "Verplicht: %s.", plain ? plain : h->verplicht);
        free(plain);
        add_sentence(out, s);
    }
    switch (f->type) {
    case PM_F_ENUM:
        list_sentence(s, sizeof s, f->values, h->refused);
        add_sentence(out, s);
        break;
    case PM_F_DATE: add_sentence(out, "Een datum als DD-MM-JJJJ."); break;
    case PM_F_SCORE:
        add_sentence(out, "Een score van 1 tot en met 10, hoogstens één decimaal (7,5).");
        break;
    case PM_F_HOURS:
        add_sentence(out, "Uren als decimaal getal, meer dan 0 en hoogstens 24 "
                          "(anderhalf uur is 1,5).");
        break;
    default:
        if (h->waarden && *h->waarden) {
            char *plain = pm_field_help_plain(h->waarden);
            if (plain) {
                snprintf(s, sizeof s, "Toegestaan: %s.", plain);
                add_sentence(out, s);
            }
            free(plain);
        }
        break;
    }
    if (is_gemeente_field(t->ds, i))
        add_sentence(out, "Een gemeente kies je op het blad Gemeenten (CBS-code).");
    char *plain = pm_field_help_plain(h->toelichting);
    if (plain && *plain) {
        size_t len = strlen(plain);
        snprintf(s, sizeof s, "%s%s", plain, plain[len - 1] == '.' ? "" : ".");
        s[0] = (char)toupper((unsigned char)s[0]);
        add_sentence(out, s);
    }
    if (!plain)
        t->nomem = true;
    free(plain);
}

static lxw_format *fmt(tpl *t, const char *num_format, bool bold)
{
    lxw_format *f = workbook_add_format(t->wb);
    if (num_format)
        format_set_num_format(f, num_format);
    if (bold)
        format_set_bold(f);
    return f;
}

static lxw_format *column_format(const tpl *t, pm_ftype type)
{
    switch (type) {
    case PM_F_DATE: return t->date;
    case PM_F_SCORE: return t->score;
    case PM_F_HOURS: return t->hours;
    case PM_F_MONEY: return t->money;
    case PM_F_INT: return t->whole;
    default:
        /* Text, so Excel keeps GM0363's zeros, and pijler "2" is the
         * value "2" of the list rather than the number 2. */
        return t->text;
    }
}

/* Width of a column: the header with its mark, the longest list value and
 * the example, within reason. */
static double column_width(const pm_field *f)
{
    size_t w = strlen(f->name) + 3;
    if (f->example && strlen(f->example) > w)
        w = strlen(f->example);
    for (size_t k = 0; f->values && f->values[k]; k++)
        if (strlen(f->values[k]) + 3 > w) /* room for the drop-down arrow */
            w = strlen(f->values[k]) + 3;
    if (f->type == PM_F_DATE && w < 12)
        w = 12;
    return w > 40 ? 40 : (double)w;
}

/* Lijsten: column c holds the list of enum field i; returns the range
 * formula for the validation. */
static void write_list(tpl *t, lxw_worksheet *ls, lxw_col_t c, size_t i, char *range,
                       size_t size)
{
    const pm_field *f = &t->ds->fields[i];
    keep(t, worksheet_write_string(ls, 0, c, f->name, t->head));
    lxw_row_t r = 1;
    for (size_t k = 0; f->values[k]; k++) {
        if (t->help[i].refused && strcmp(f->values[k], t->help[i].refused) == 0)
            continue;
        keep(t, worksheet_write_string(ls, r++, c, f->values[k], NULL));
    }
    char col[4];
    lxw_col_to_name(col, c, 0);
    snprintf(range, size, "=Lijsten!$%s$2:$%s$%u", col, col, (unsigned)r);
    worksheet_set_column(ls, c, c, column_width(f), NULL);
}

static void set_number_range(lxw_data_validation *v, uint8_t type, double lo, double hi)
{
    v->validate = type;
    v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v->minimum_number = lo;
    v->maximum_number = hi;
}

/* v in units of 10^-digits as a formula literal: 1 with 2 digits is "0.01",
 * 2400 is "24". Formulas in the file are in Excel's English syntax, '.'
 * whatever the locale (a Dutch Excel shows 0,01). */
static void formula_number(int64_t v, int digits, char out[32])
{
    int64_t scale = digits == 1 ? 10 : 100;
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n =
        snprintf(out, 32, "%s%llu", v < 0 ? "-" : "", (unsigned long long)(a / scale));
    if (a % scale) {
        snprintf(out + n, 32 - (size_t)n, ".%0*llu", digits,
                 (unsigned long long)(a % scale));
        for (size_t k = strlen(out); out[k - 1] == '0'; k--)
            out[k - 1] = '\0';
    }
}

/* A number with at most `digits` decimals between the field's bounds: a
 * DECIMAL validation checks only the bounds, so Excel took 7,25 as a score.
 * The formula refers to the first data row; Excel moves it along for every
 * cell of the range. The decimals are counted as the import counts them
 * (xlsx_cell.c: within 1e-9 of the field's precision), so that what one
 * accepts the other does too. */
static void set_decimal_formula(lxw_data_validation *v, const pm_field *f, lxw_col_t col,
                                int digits, char *formula, size_t size)
{
    char c[8], lo[32], hi[32];
    lxw_col_to_name(c, col, 0);
    strcat(c, "2");
    formula_number(f->min, digits, lo);
    formula_number(f->max, digits, hi);
    snprintf(formula, size,
             "=AND(ISNUMBER(%s),%s>=%s,%s<=%s,ABS(%s-ROUND(%s,%d))<=1E-9*MAX(1,ABS(%s)))",
             c, c, lo, c, hi, c, c, digits, c);
    v->validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    v->value_formula = formula;
}

static void validate(tpl *t, lxw_worksheet *ws, lxw_worksheet *ls, lxw_col_t *listcol,
                     size_t i, size_t ngemeenten)
{
    const pm_field *f = &t->ds->fields[i];
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    char title[TITLE_MAX + 1], message[MESSAGE_MAX + 1], error[600], range[64];
    char formula[160];
    snprintf(title, sizeof title, "%s%s", f->name, f->required ? " (verplicht)" : "");
    input_message(t, i, message);
    v.input_title = title;
    v.input_message = message;
    v.error_title = "Ongeldige waarde";
    v.error_message = error;
    char *plain = t->help[i].waarden ? pm_field_help_plain(t->help[i].waarden) : NULL;
    const char *words = plain ? plain : "";
    switch (f->type) {
    case PM_F_ENUM:
        write_list(t, ls, (*listcol)++, i, range, sizeof range);
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = range;
        list_sentence(error, sizeof error, f->values, t->help[i].refused);
        break;
    case PM_F_DATE:
        /* The import's bounds (value.c): 1900 to 2199. */
        v.validate = LXW_VALIDATION_TYPE_DATE;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_datetime = (lxw_datetime){1900, 1, 1, 0, 0, 0};
        v.maximum_datetime = (lxw_datetime){2199, 12, 31, 0, 0, 0};
        v.error_title = "Ongeldige datum";
        snprintf(error, sizeof error, "Vul een datum in als DD-MM-JJJJ, bijvoorbeeld %s.",
                 f->example && *f->example ? f->example : "03-03-2025");
        break;
    case PM_F_SCORE:
        set_decimal_formula(&v, f, (lxw_col_t)i, 1, formula, sizeof formula);
        v.error_title = "Ongeldige score";
        snprintf(error, sizeof error,
                 "Vul een score in van 1 tot en met 10, met hoogstens één decimaal, "
                 "bijvoorbeeld 7,5.");
        break;
    case PM_F_HOURS:
        set_decimal_formula(&v, f, (lxw_col_t)i, 2, formula, sizeof formula);
        v.error_title = "Ongeldig aantal uren";
        snprintf(error, sizeof error,
                 "Vul de uren in als decimaal getal: meer dan 0 en hoogstens 24, "
                 "hoogstens 2 decimalen (anderhalf uur is 1,5, niet 1:30).");
        break;
    case PM_F_MONEY:
        set_decimal_formula(&v, f, (lxw_col_t)i, 2, formula, sizeof formula);
        v.error_title = "Ongeldig bedrag";
        snprintf(error, sizeof error,
                 "Vul een bedrag in euro's in (%s), met hoogstens 2 decimalen.", words);
        break;
    case PM_F_INT:
        set_number_range(&v, LXW_VALIDATION_TYPE_INTEGER, (double)f->min, (double)f->max);
        v.error_title = "Ongeldig getal";
        snprintf(error, sizeof error, "Vul een geheel getal in (%s), zonder punten.",
                 words);
        break;
    default:
        if (is_gemeente_field(t->ds, i)) {
            /* A warning, not a stop: an SOB or opdrachtgever has an id of its
             * own; the import checks a gemeente's code (dataset.c). */
            snprintf(range, sizeof range, "=Gemeenten!$A$2:$A$%zu", ngemeenten + 1);
            v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            v.value_formula = range;
            v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            v.error_title = "Geen CBS-gemeentecode";
            snprintf(error, sizeof error,
                     "Deze code staat niet op het blad Gemeenten. Voor een gemeente is "
                     "dat fout: gebruik de CBS-code, zoals GM0363. Voor een SOB of "
                     "opdrachtgever is een eigen code goed: kies Ja.");
        } else {
            v.validate = LXW_VALIDATION_TYPE_ANY; /* the input message only */
            error[0] = '\0';
            v.error_message = NULL;
            v.error_title = NULL;
        }
        break;
    }
    if (v.error_message && strlen(error) > MESSAGE_MAX)
        error[MESSAGE_MAX] = '\0';
    free(plain);
    keep(t, worksheet_data_validation_range(ws, 1, (lxw_col_t)i, LAST_ROW, (lxw_col_t)i,
                                            &v));
}

/* Lines text needs in a wrapped column of width w (characters); rows are
 * given their height, as not every program measures wrapped text itself. */
static size_t lines_for(const char *text, double w)
{
    size_t chars = 0;
    for (const char *p = text; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;  /* UTF-8: count characters */
    size_t per_line = w > 4 ? (size_t)(w * 1.15) : 1; /* proportional text */
    return chars / per_line + 1;
}

static void write_uitleg(tpl *t, lxw_worksheet *u)
{
    static const char *const heads[] = {
        "kolom", "verplicht", "type", "toegestane waarden", "voorbeeld", "toelichting"};
    static const double widths[] = {16, 20, 28, 50, 20, 80};
    for (lxw_col_t c = 0; c < 6; c++) {
        keep(t, worksheet_write_string(u, 0, c, heads[c], t->head));
        worksheet_set_column(u, c, c, widths[c], t->wrap);
    }
    worksheet_freeze_panes(u, 1, 0);
    for (size_t i = 0; i < t->ds->nfields; i++) {
        const pm_field_help *h = &t->help[i];
        char *values = pm_field_help_values(t->ds, i);
        const char *md[] = {h->verplicht, h->type, values ? values : "", NULL,
                            h->toelichting};
        lxw_row_t r = (lxw_row_t)(i + 1);
        size_t lines = 1;
        keep(t, worksheet_write_string(u, r, 0, h->name, t->wrap));
        for (lxw_col_t c = 1; c < 6; c++) {
            const char *text = c == 4 ? t->ds->fields[i].example : md[c - 1];
            char *plain = pm_field_help_plain(text ? text : "");
            if (!plain) {
                t->nomem = true;
                continue;
            }
            if (*plain) {
                keep(t, worksheet_write_string(u, r, c, plain, t->wrap));
                size_t n = lines_for(plain, widths[c]);
                lines = n > lines ? n : lines;
            }
            free(plain);
        }
        if (lines > 1)
            worksheet_set_row(u, r, 15.0 * (double)lines, NULL);
        free(values);
        if (!values)
            t->nomem = true;
    }
    /* The notes span the table's width, on one line each. */
    static const char *const notes[] = {
        "Een kolomkop met * is verplicht: vul die kolom in elke rij in. Laat de kopregel "
        "staan zoals hij is; pijlermonitor herkent de soort eraan.",
        "Importeren: pijlermonitor import BESTAND.xlsx (zie docs/invoer.md, \"Een "
        "sjabloon "
        "in Excel invullen\")."};
    for (size_t k = 0; k < 2; k++) {
        lxw_row_t r = (lxw_row_t)(t->ds->nfields + 2 + k);
        keep(t, worksheet_merge_range(u, r, 0, r, 5, notes[k], t->note));
    }
}

static void write_gemeenten(tpl *t, lxw_worksheet *g, size_t *n)
{
    const pm_gemeente *gm = pm_gemeenten(n);
    keep(t, worksheet_write_string(g, 0, 0, "code", t->head));
    keep(t, worksheet_write_string(g, 0, 1, "naam", t->head));
    keep(t, worksheet_write_string(g, 0, 2, "provincie", t->head));
    for (size_t k = 0; k < *n; k++) {
        keep(t, worksheet_write_string(g, (lxw_row_t)(k + 1), 0, gm[k].code, NULL));
        keep(t, worksheet_write_string(g, (lxw_row_t)(k + 1), 1, gm[k].naam, NULL));
        keep(t, worksheet_write_string(g, (lxw_row_t)(k + 1), 2, gm[k].provincie, NULL));
    }
    worksheet_set_column(g, 0, 0, 10, t->text);
    worksheet_set_column(g, 1, 2, 28, NULL);
    worksheet_freeze_panes(g, 1, 0);
    keep(t, worksheet_autofilter(g, 0, 0, (lxw_row_t)*n, 2));
}

static void write_template(tpl *t)
{
    char name[32];
    pm_xlsx_template_sheet_name(t->ds, name, sizeof name);
    lxw_worksheet *ws = workbook_add_worksheet(t->wb, name);
    lxw_worksheet *u = workbook_add_worksheet(t->wb, "Uitleg");
    lxw_worksheet *g =
        has_gemeenten(t->ds) ? workbook_add_worksheet(t->wb, "Gemeenten") : NULL;
    lxw_worksheet *ls = workbook_add_worksheet(t->wb, "Lijsten");
    if (!ws || !u || !ls || (has_gemeenten(t->ds) && !g)) {
        t->nomem = true;
        return;
    }
    t->head = fmt(t, NULL, true);
    /* The mark of a required column is in the format, not the text: the
     * cell holds the field name the import reads ("id"), Excel shows "id *". */
    t->head_req = fmt(t, "@\" *\"", true);
    t->text = fmt(t, "@", false);
    t->date = fmt(t, "dd-mm-yyyy", false);
    t->score = fmt(t, "0.0", false);
    t->hours = fmt(t, "0.00", false);
    t->money = fmt(t, "#,##0.00", false);
    t->whole = fmt(t, "0", false);
    t->wrap = workbook_add_format(t->wb);
    format_set_text_wrap(t->wrap);
    format_set_align(t->wrap, LXW_ALIGN_VERTICAL_TOP);
    t->note = workbook_add_format(t->wb);

    size_t ngemeenten = 0;
    if (g)
        write_gemeenten(t, g, &ngemeenten);
    lxw_col_t listcol = 0;
    for (size_t i = 0; i < t->ds->nfields; i++) {
        const pm_field *f = &t->ds->fields[i];
        lxw_col_t c = (lxw_col_t)i;
        worksheet_set_column(ws, c, c, column_width(f), column_format(t, f->type));
        keep(t, worksheet_write_string(ws, 0, c, f->name,
                                       f->required ? t->head_req : t->head));
        validate(t, ws, ls, &listcol, i, ngemeenten);
    }
    worksheet_freeze_panes(ws, 1, 0);
    write_uitleg(t, u);
    /* Printed (or saved as PDF) a sheet is one page wide, the header on
     * every page, and the empty grid visible to write on. */
    lxw_worksheet *printed[] = {ws, u};
    for (size_t k = 0; k < 2; k++) {
        worksheet_set_landscape(printed[k]);
        worksheet_set_paper(printed[k], 9); /* A4 */
        worksheet_fit_to_pages(printed[k], 1, 0);
        keep(t, worksheet_repeat_rows(printed[k], 0, 0));
    }
    worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
    worksheet_hide(ls);
    worksheet_activate(ws);
}

pm_error pm_xlsx_template_write(const pm_dataset *ds, const char *path, const char *shown,
                                char *msg, size_t msgsize)
{
    size_t nhelp;
    tpl t = {.ds = ds, .help = pm_field_help_get(ds->kind, &nhelp)};
    if (nhelp != ds->nfields) { /* test_field_help holds them equal */
        snprintf(msg, msgsize, "%s: interne fout: de uitleg bij %s is onvolledig", shown,
                 ds->name);
        return PM_ERR_IO;
    }
    char *dir = pm_xlsx_folder_of(path);
    lxw_workbook_options opts = {.tmpdir = dir};
    t.wb = dir ? workbook_new_opt(path, &opts) : NULL;
    if (!t.wb) {
        free(dir);
        snprintf(msg, msgsize, "%s: onvoldoende geheugen voor de werkmap", shown);
        return PM_ERR_NOMEM;
    }
    char title[128];
    snprintf(title, sizeof title, "Sjabloon %s (pijlermonitor)", ds->name);
    lxw_doc_properties props = {.title = title, .author = "pijlermonitor"};
    keep(&t, workbook_set_properties(t.wb, &props));
    write_template(&t);
    pm_error err = PM_OK;
    if (t.nomem) {
        snprintf(msg, msgsize, "%s: onvoldoende geheugen voor de werkmap", shown);
        err = PM_ERR_NOMEM;
    } else if (t.lerr) {
        snprintf(msg, msgsize,
                 "%s: de werkmap kan niet worden opgebouwd (libxlsxwriter: %s)", shown,
                 lxw_strerror(t.lerr));
        err = PM_ERR_IO;
    }
    errno = 0;
    lxw_error closed = workbook_close(t.wb);
    if (!err && closed) {
        int e = errno;
        snprintf(msg, msgsize, "%s kan niet worden geschreven%s%s (libxlsxwriter: %s)",
                 shown, e ? ": " : "", e ? pm_errno_text(e) : "", lxw_strerror(closed));
        err = PM_ERR_IO;
    }
    free(dir);
    return err;
}
