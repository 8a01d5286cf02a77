/* test_xlsx_xstring.c — unit tests for the _xHHHH_ escapes of .xlsx texts
 * (engine/xlsx_xstring.c, ECMA-376 Part 1 §22.9.2.19): what Excel, LibreOffice
 * and libxlsxwriter write for a control character is read back as that
 * character, an escaped underscore gives the literal sequence, and anything
 * that is not an escape stays as typed. Prints TAP. */
#include "xlsx_xstring.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

/* The decoded text of in (a copy: decoding works in place). */
static const char *dec(const char *in, char out[256])
{
    size_t n = strlen(in);
    memcpy(out, in, n + 1);
    size_t m = pm_xlsx_xstring_decode(out, n);
    out[m] = '\0';
    return out;
}

static void test_escapes(void)
{
    char b[256];
    CHECK_STR(dec("regel 1_x000D_\nregel 2", b), "regel 1\r\nregel 2",
              "x000D_is_a_carriage_return");
    CHECK_STR(dec("_x0009_", b), "\t", "an_escape_alone_is_its_character");
    CHECK_STR(dec("code _x005F_x0041_", b), "code _x0041_",
              "an_escaped_underscore_gives_the_literal_sequence");
    CHECK_STR(dec("_x005F_", b), "_", "x005F_alone_is_an_underscore");
    CHECK_STR(dec("A_x000d_B", b), "A\rB",
              "hex_digits_of_either_case_as_excel_reads_them");
    CHECK_STR(dec("_x00E9_t_x00e9_", b), "\xc3\xa9t\xc3\xa9",
              "e_acute_is_two_utf8_bytes");
    CHECK_STR(dec("_x20AC_", b), "\xe2\x82\xac", "the_euro_sign_is_three_utf8_bytes");
    CHECK_STR(dec("_xD83D__xDE00_", b), "\xf0\x9f\x98\x80",
              "a_surrogate_pair_is_one_character_past_ffff");
    CHECK_STR(dec("_x0001__x0002_", b), "\x01\x02", "escapes_back_to_back");
    CHECK_STR(dec("__x0041_", b), "_A", "an_underscore_before_an_escape_stays");
}

static void test_not_escapes(void)
{
    char b[256];
    CHECK_STR(dec("_X000D_", b), "_X000D_", "an_uppercase_X_is_no_escape");
    CHECK_STR(dec("_x00G1_", b), "_x00G1_", "a_non_hex_digit_is_no_escape");
    CHECK_STR(dec("_x41_", b), "_x41_", "fewer_than_four_digits_is_no_escape");
    CHECK_STR(dec("_x00410_", b), "_x00410_", "five_digits_is_no_escape");
    CHECK_STR(dec("_x0041", b), "_x0041", "a_missing_closing_underscore_is_no_escape");
    CHECK_STR(dec("_xD83D_", b), "_xD83D_", "half_a_surrogate_pair_stays_as_typed");
    CHECK_STR(dec("_xDE00__xD83D_", b), "_xDE00__xD83D_",
              "a_pair_in_the_wrong_order_stays_as_typed");
    CHECK_STR(dec("gewone tekst_met_underscores", b), "gewone tekst_met_underscores",
              "plain_text_is_unchanged");
    CHECK_STR(dec("", b), "", "empty_text_is_unchanged");
}

static void test_nul(void)
{
    char b[16] = "a_x0000_b";
    size_t n = pm_xlsx_xstring_decode(b, strlen(b));
    CHECK(n == 3 && memcmp(b, "a\0b", 3) == 0,
          "x0000_is_a_nul_byte_within_the_length_for_the_import_to_refuse");
}

int main(void)
{
    test_escapes();
    test_not_escapes();
    test_nul();
    return tap_done();
}
