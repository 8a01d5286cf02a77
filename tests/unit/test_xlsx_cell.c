/* test_xlsx_cell.c — unit tests for the cell rules of .xlsx import
 * (engine/xlsx_cell.c) and the column letters of the reader
 * (engine/xlsx_read.c): date serials of both systems around Excel's phantom
 * 29-02-1900, numbers rounded to the field's precision, refused cells. Prints
 * TAP. */
#include "xlsx_cell.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"

static const char *iso(double serial, bool date1904, char buf[11])
{
    pm_day d;
    if (pm_xlsx_serial_day(serial, date1904, &d))
        return "refused";
    pm_day_format_iso(d, buf);
    return buf;
}

static void test_serials(void)
{
    char b[11];
    CHECK_STR(iso(1, false, b), "1900-01-01", "serial_1_is_1900_01_01");
    CHECK_STR(iso(59, false, b), "1900-02-28", "serial_59_is_1900_02_28");
    CHECK_STR(iso(60, false, b), "refused",
              "serial_60_the_phantom_29_02_1900_is_refused");
    CHECK_STR(iso(61, false, b), "1900-03-01", "serial_61_is_1900_03_01");
    CHECK_STR(iso(45762, false, b), "2025-04-15", "serial_45762_is_2025_04_15");
    CHECK_STR(iso(45762.75, false, b), "2025-04-15", "a_time_of_day_is_dropped");
    CHECK_STR(iso(45761.99999999999, false, b), "2025-04-15",
              "a_serial_a_hair_below_midnight_is_that_midnight");
    CHECK_STR(iso(0, false, b), "refused", "serial_0_of_1900_is_refused");
    CHECK_STR(iso(-1, false, b), "refused", "a_negative_serial_is_refused");
    CHECK_STR(iso(2958465, false, b), "9999-12-31", "serial_2958465_is_9999_12_31");
    CHECK_STR(iso(2958466, false, b), "refused", "a_serial_past_9999_is_refused");
    CHECK_STR(iso(0, true, b), "1904-01-01", "serial_0_of_1904_is_1904_01_01");
    CHECK_STR(iso(44300, true, b), "2025-04-15", "serial_44300_of_1904_is_2025_04_15");
    CHECK_STR(iso(60, true, b), "1904-03-01", "serial_60_of_1904_is_a_real_day");
}

static const char *num(double v, int decimals, char buf[PM_XLSX_CELL_BUF])
{
    return pm_xlsx_number_text(v, decimals, buf) ? buf : "refused";
}

static void test_numbers(void)
{
    char b[PM_XLSX_CELL_BUF];
    CHECK_STR(num(121.00000000000001, 0, b), "121", "121_00000000000001_is_121");
    CHECK_STR(num(121.00000000000001, 2, b), "121", "as_money_it_is_121");
    CHECK_STR(num(7.1000000000000005, 1, b), "7.1", "a_score_7_1000000000000005_is_7_1");
    CHECK_STR(num(0.1 + 0.2, 2, b), "0.3", "0_1_plus_0_2_as_hours_is_0_3");
    CHECK_STR(num(12.345, 2, b), "12.345",
              "more_decimals_than_the_field_keep_their_digits");
    CHECK_STR(num(7.15, 1, b), "7.15", "a_score_of_7_15_keeps_its_digits");
    CHECK_STR(num(-0.0000000001, 2, b), "0", "minus_almost_zero_is_zero_not_minus_zero");
    CHECK_STR(num(-4350.25, 2, b), "-4350.25", "a_negative_amount");
    CHECK_STR(num(2025, 0, b), "2025", "an_integer");
    CHECK_STR(num(11, 1, b), "11", "a_score_of_11_has_no_trailing_zero");
    CHECK_STR(num(100, 2, b), "100", "zeros_before_the_point_stay");
    CHECK_STR(num(123456789012.5, 2, b), "123456789012.5", "a_large_amount");
    CHECK_STR(num(1e15, 0, b), "refused", "1e15_is_refused");
    CHECK_STR(num(3.25, 0, b), "3.25", "a_fraction_in_a_text_field_keeps_its_digits");
    CHECK(strchr(num(1e-20, 0, b), 'e') == NULL && strcmp(b, "0") == 0,
          "a_tiny_number_is_zero_not_an_exponent");
    CHECK(strchr(num(1.5e-12, 1, b), 'e') == NULL, "no_exponent_notation");
}

static const char *cell(pm_xlsx_ctype t, bool date_style, const char *text, pm_ftype f,
                        bool date1904, char buf[PM_XLSX_CELL_BUF])
{
    pm_xlsx_cell c = {0, t, date_style, text, strlen(text)};
    const char *s;
    size_t len;
    bool number;
    const char *why = pm_xlsx_cell_text(&c, f, date1904, buf, &s, &len, &number);
    if (why)
        return why;
    static char out[PM_XLSX_CELL_BUF];
    snprintf(out, sizeof out, "%.*s", (int)len, s);
    return out;
}

static void test_cells(void)
{
    char b[PM_XLSX_CELL_BUF];
    CHECK_STR(cell(PM_XC_NUMBER, true, "45762", PM_F_DATE, false, b), "2025-04-15",
              "a_date_cell_in_a_date_field_is_iso");
    CHECK_STR(cell(PM_XC_NUMBER, true, "45762", PM_F_TEXT, false, b), "15-04-2025",
              "a_date_cell_in_a_text_field_is_what_excel_shows");
    CHECK(strstr(cell(PM_XC_NUMBER, false, "45762", PM_F_DATE, false, b),
                 "maak de cel op als datum") != NULL,
          "a_plain_number_in_a_date_field_asks_for_a_date_format");
    CHECK_STR(cell(PM_XC_NUMBER, true, "44300", PM_F_DATE, true, b), "2025-04-15",
              "the_1904_system_is_applied_to_cells");
    CHECK_STR(cell(PM_XC_DATE, false, "2025-04-15T00:00:00", PM_F_DATE, false, b),
              "2025-04-15T00:00:00", "a_t_d_cell_passes_its_iso_text");
    CHECK_STR(cell(PM_XC_NUMBER, false, "121.00000000000001", PM_F_INT, false, b), "121",
              "a_number_in_an_int_field");
    CHECK_STR(cell(PM_XC_NUMBER, false, "1.5E+3", PM_F_MONEY, false, b), "1500",
              "an_exponent_literal_is_read");
    CHECK(strstr(cell(PM_XC_NUMBER, false, "0x10", PM_F_INT, false, b), "geen geldig") !=
              NULL,
          "a_hex_literal_is_not_a_number");
    CHECK(strstr(cell(PM_XC_NUMBER, false, "nan", PM_F_INT, false, b), "geen geldig") !=
              NULL,
          "nan_is_not_a_number");
    CHECK(strstr(cell(PM_XC_BOOL, false, "1", PM_F_TEXT, false, b), "WAAR") != NULL,
          "a_boolean_is_refused");
    CHECK(strstr(cell(PM_XC_ERROR, false, "#DEEL/0!", PM_F_INT, false, b), "#DEEL/0!") !=
              NULL,
          "an_error_cell_is_refused_naming_the_error");
    CHECK(strstr(cell(PM_XC_NOVALUE, false, "", PM_F_INT, false, b), "herbereken") !=
              NULL,
          "a_formula_without_cached_value_is_refused");
    CHECK_STR(cell(PM_XC_TEXT, false, " GM0363 ", PM_F_ID, false, b), " GM0363 ",
              "text_passes_unchanged_to_the_field_rules");
}

static void test_columns(void)
{
    char b[4];
    CHECK_STR(pm_xlsx_col_name(0, b), "A", "column_0_is_A");
    CHECK_STR(pm_xlsx_col_name(25, b), "Z", "column_25_is_Z");
    CHECK_STR(pm_xlsx_col_name(26, b), "AA", "column_26_is_AA");
    CHECK_STR(pm_xlsx_col_name(16383, b), "XFD", "column_16383_is_XFD");
    uint32_t c = 99;
    CHECK(pm_xlsx_col_parse("A1", &c) && c == 0, "A1_is_column_0");
    CHECK(pm_xlsx_col_parse("z7", &c) && c == 25, "z7_is_column_25");
    CHECK(pm_xlsx_col_parse("AA3", &c) && c == 26, "AA3_is_column_26");
    CHECK(pm_xlsx_col_parse("XFD1048576", &c) && c == 16383, "XFD_is_column_16383");
    CHECK(!pm_xlsx_col_parse("XFE1", &c), "XFE_is_past_the_last_column");
    CHECK(!pm_xlsx_col_parse("AAAA1", &c), "four_letters_are_past_the_last_column");
    CHECK(!pm_xlsx_col_parse("14", &c), "a_reference_without_letters_is_refused");
}

static void test_sheets(void)
{
    CHECK(pm_xlsx_sheet_dataset("Hulpvragen") == pm_dataset_get(PM_HULPVRAGEN),
          "sheet_hulpvragen_is_the_dataset");
    CHECK(pm_xlsx_sheet_dataset(" INZET ") == pm_dataset_get(PM_INZET),
          "sheet_names_are_trimmed_and_case_insensitive");
    CHECK(pm_xlsx_sheet_dataset("Blad1") == NULL, "blad1_is_no_dataset");
    CHECK(pm_xlsx_sheet_is_ours("uitleg") && pm_xlsx_sheet_is_ours("Gemeenten") &&
              !pm_xlsx_sheet_is_ours("Organisaties"),
          "our_template_sheets_are_known");
}

int main(void)
{
    test_serials();
    test_numbers();
    test_cells();
    test_columns();
    test_sheets();
    return tap_done();
}
