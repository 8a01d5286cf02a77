/* xlsx_cell.c — cell values of an .xlsx workbook as field text (see
 * xlsx_cell.h). The text goes through the same field conversion as a CSV
 * field, so every rule of SPEC §2 applies unchanged; only what Excel stores
 * differently from what it shows (numbers as doubles, dates as serials) is
 * translated here. */
#include "xlsx_cell.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Above this a number is no value of any field, and "%.*f" would write
 * hundreds of digits. */
#define MAX_ABS 1e15

static int decimals_of(pm_ftype type)
{
    switch (type) {
    case PM_F_SCORE: return 1;
    case PM_F_MONEY:
    case PM_F_HOURS: return 2;
    default: return 0;
    }
}

bool pm_xlsx_number_text(double v, int decimals, char out[PM_XLSX_CELL_BUF])
{
    if (!isfinite(v) || fabs(v) >= MAX_ABS)
        return false;
    double scale = pow(10.0, decimals);
    double r = round(v * scale) / scale;
    if (fabs(v - r) <= 1e-9 * fmax(1.0, fabs(v))) {
        if (r == 0)
            r = 0; /* no "-0" */
        snprintf(out, PM_XLSX_CELL_BUF, "%.*f", decimals, r);
        /* Without trailing zeros, as the user typed it: a message then says
         * "11 ligt niet tussen 1 en 10", not "11.0". */
        if (strchr(out, '.')) {
            size_t n = strlen(out);
            while (out[n - 1] == '0')
                out[--n] = '\0';
            if (out[n - 1] == '.')
                out[--n] = '\0';
        }
        return true;
    }
    /* Not a value of this precision: its own digits, so the field's check
     * says that it has too many decimals. */
    snprintf(out, PM_XLSX_CELL_BUF, "%.15g", v);
    if (strtod(out, NULL) != v)
        snprintf(out, PM_XLSX_CELL_BUF, "%.17g", v);
    if (strpbrk(out, "eE"))
        snprintf(out, PM_XLSX_CELL_BUF, "%.20f", v); /* tiny: plain digits */
    return true;
}

const char *pm_xlsx_serial_day(double serial, bool date1904, pm_day *day)
{
    /* 2958465 is 31-12-9999, the last day Excel knows. */
    if (!isfinite(serial) || serial < 0 || serial >= 2958466)
        return "is geen datum die Excel kent";
    double whole = floor(serial);
    if (serial - whole > 1 - 1e-9)
        whole += 1; /* 45000.99999999999 is 45001 at midnight */
    long d = (long)whole;
    if (date1904) {
        *day = pm_day_from_ymd(1904, 1, 1) + (pm_day)d;
        return NULL;
    }
    if (d < 1)
        return "datumgetal 0 is geen datum (Excel toont het als 0-1-1900)";
    if (d == 60)
        return "29-02-1900 bestaat niet (Excel rekent 1900 ten onrechte als "
               "schrikkeljaar); typ de juiste datum";
    /* Below 60 Excel's count has not yet passed its phantom leap day. */
    *day = pm_day_from_ymd(1899, 12, d < 60 ? 31 : 30) + (pm_day)d;
    return NULL;
}

/* A number cell's value; false when its text is not a plain number. */
static bool cell_number(const pm_xlsx_cell *c, double *v)
{
    if (c->len == 0 || strspn(c->text, "0123456789.eE+-") != c->len)
        return false;
    char *end;
    *v = strtod(c->text, &end);
    return end == c->text + c->len && isfinite(*v);
}

const char *pm_xlsx_cell_text(const pm_xlsx_cell *c, pm_ftype type, bool date1904,
                              char buf[PM_XLSX_CELL_BUF], const char **s, size_t *len,
                              bool *number)
{
    *number = false;
    *s = c->text;
    *len = c->len;
    switch (c->type) {
    case PM_XC_TEXT:
    case PM_XC_DATE: return NULL; /* t="d" is ISO 8601 text, which dates accept */
    case PM_XC_BOOL:
        return c->len == 1 && c->text[0] == '1'
                   ? "de cel is de waarheidswaarde WAAR, geen waarde van dit veld; "
                     "typ de waarde"
                   : "de cel is de waarheidswaarde ONWAAR, geen waarde van dit veld; "
                     "typ de waarde";
    case PM_XC_ERROR:
        snprintf(buf, PM_XLSX_CELL_BUF, "de cel bevat de foutwaarde %.20s", c->text);
        return buf;
    case PM_XC_NOVALUE:
        return "de formule in de cel heeft geen opgeslagen uitkomst; herbereken en "
               "sla op in Excel";
    case PM_XC_NUMBER: break;
    }
    double v;
    if (!cell_number(c, &v))
        return "de getalcel bevat geen geldig getal";
    bool as_date = type == PM_F_DATE ||
                   (c->date_style && (type == PM_F_ID || type == PM_F_TEXT ||
                                      type == PM_F_ENUM || type == PM_F_CHANNELS));
    if (as_date) {
        if (type == PM_F_DATE && !c->date_style) {
            snprintf(buf, PM_XLSX_CELL_BUF,
                     "%.15g is een getal, geen datum; maak de cel op als datum",
                     fabs(v) < MAX_ABS ? v : 0);
            return buf;
        }
        pm_day day;
        const char *why = pm_xlsx_serial_day(v, date1904, &day);
        if (why)
            return why;
        /* A date field reads ISO; a text field gets what Excel showed. */
        if (type == PM_F_DATE)
            pm_day_format_iso(day, buf);
        else
            pm_day_format_nl(day, buf);
        *s = buf;
        *len = strlen(buf);
        return NULL;
    }
    if (!pm_xlsx_number_text(v, decimals_of(type), buf))
        return "het getal is onwaarschijnlijk groot";
    *s = buf;
    *len = strlen(buf);
    *number = true;
    return NULL;
}

static void trimmed(const char *name, const char **s, size_t *len)
{
    *s = name;
    *len = strlen(name);
    while (*len && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

static bool same_name(const char *name, const char *want)
{
    const char *s;
    size_t len;
    trimmed(name, &s, &len);
    return len == strlen(want) && strncasecmp(s, want, len) == 0;
}

const pm_dataset *pm_xlsx_sheet_dataset(const char *name)
{
    for (size_t k = 0; k < PM_NKINDS; k++)
        if (same_name(name, pm_dataset_get((pm_kind)k)->name))
            return pm_dataset_get((pm_kind)k);
    return NULL;
}

bool pm_xlsx_sheet_is_ours(const char *name)
{
    return same_name(name, "Uitleg") || same_name(name, "Gemeenten");
}
