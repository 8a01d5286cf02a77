/* test_csv.c — unit tests for engine/csv.c: encoding marks, delimiter detection,
 * RFC 4180 quoting, line ends and line numbers, limits. Prints TAP. */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

static char tmpdir[] = "/tmp/pm_test_csv_XXXXXX";
static char path[512];
static char msg[512];
static int nfiles;

/* Writes data to a fresh file in the temporary directory; sets path. */
static void write_file(const char *data, size_t len)
{
    snprintf(path, sizeof path, "%s/f%d.csv", tmpdir, nfiles++);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        exit(2);
    }
    if (len > 0 && fwrite(data, 1, len, f) != len) {
        perror(path);
        exit(2);
    }
    fclose(f);
}

/* Opens a CSV holding the C string s; NULL when opening failed. */
static pm_csv *open_str(const char *s)
{
    pm_csv *csv = NULL;
    write_file(s, strlen(s));
    msg[0] = '\0';
    if (pm_csv_open(&csv, path, msg, sizeof msg) != PM_OK)
        return NULL;
    return csv;
}

static pm_error open_err(const char *data, size_t len)
{
    pm_csv *csv = NULL;
    write_file(data, len);
    msg[0] = '\0';
    pm_error err = pm_csv_open(&csv, path, msg, sizeof msg);
    pm_csv_close(csv);
    return err;
}

/* Field i of rec as a C string, or "(geen)" when the record is shorter. */
static const char *fld(const pm_csv_record *rec, size_t i)
{
    return i < rec->nfields ? rec->fields[i].ptr : "(geen)";
}

static void test_bom_and_header(void)
{
    pm_csv *csv = open_str("\xEF\xBB\xBFid;naam\n1;a\n");
    CHECK(csv != NULL, "file_with_utf8_bom_opens");
    CHECK_STR(csv ? pm_csv_colname(csv, 0) : NULL, "id",
              "utf8_bom_is_skipped_before_first_name");
    pm_csv_record rec;
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_RECORD &&
              rec.line == 2,
          "first_record_after_bom_header_is_line_2");
    pm_csv_close(csv);

    csv = open_str(" ID ;\tNaam\t; \"  Regio \" ;UurTarief\n");
    CHECK(csv && pm_csv_ncols(csv) == 4, "header_has_four_columns");
    CHECK_STR(csv ? pm_csv_colname(csv, 0) : NULL, "id",
              "header_name_is_trimmed_and_lowercased");
    CHECK_STR(csv ? pm_csv_colname(csv, 1) : NULL, "naam",
              "header_name_tabs_are_trimmed");
    CHECK_STR(csv ? pm_csv_colname(csv, 2) : NULL, "regio",
              "quoted_header_name_is_trimmed_too");
    CHECK_STR(csv ? pm_csv_colname(csv, 3) : NULL, "uurtarief",
              "mixed_case_header_name_is_lowercased");
    CHECK(csv && pm_csv_colname(csv, 4) == NULL, "colname_out_of_range_is_null");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_EOF,
          "header_only_file_has_no_records");
    pm_csv_close(csv);

    csv = open_str("\n  \n;;;\n\"\";\"\"\nid;naam\n1;a\n");
    CHECK(csv && pm_csv_ncols(csv) == 2, "blank_lines_before_header_are_skipped");
    CHECK_STR(csv ? pm_csv_colname(csv, 0) : NULL, "id",
              "header_after_blank_lines_is_read");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_RECORD &&
              rec.line == 6,
          "line_numbers_count_blank_lines_before_header");
    pm_csv_close(csv);

    pm_csv_close(NULL);
    CHECK(1, "close_accepts_null");
}

static void test_delimiter(void)
{
    pm_csv *csv = open_str("id;naam;regio\n1;a,b;c\n");
    CHECK(csv && pm_csv_delimiter(csv) == ';', "semicolon_header_gives_semicolon");
    pm_csv_record rec;
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_RECORD &&
              rec.nfields == 3,
          "semicolon_record_has_three_fields");
    CHECK_STR(fld(&rec, 1), "a,b", "comma_is_data_when_delimiter_is_semicolon");
    pm_csv_close(csv);

    csv = open_str("id,naam,regio;x\n1,\"a,b\",c\n");
    CHECK(csv && pm_csv_delimiter(csv) == ',', "more_commas_than_semicolons_gives_comma");
    CHECK(csv && pm_csv_ncols(csv) == 3, "comma_header_has_three_columns");
    CHECK_STR(csv ? pm_csv_colname(csv, 2) : NULL, "regio;x",
              "semicolon_is_part_of_name_when_delimiter_is_comma");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_RECORD &&
              rec.nfields == 3,
          "comma_record_has_three_fields");
    CHECK_STR(fld(&rec, 1), "a,b", "quoted_comma_stays_in_field");
    pm_csv_close(csv);

    csv = open_str("id;naam,regio\n");
    CHECK(csv && pm_csv_delimiter(csv) == ';',
          "tie_between_semicolon_and_comma_gives_semicolon");
    pm_csv_close(csv);

    csv = open_str("id\n1\n");
    CHECK(csv && pm_csv_delimiter(csv) == ';', "header_without_either_gives_semicolon");
    pm_csv_close(csv);

    csv = open_str("\"a,b,c\";d\n");
    CHECK(csv && pm_csv_delimiter(csv) == ';', "commas_inside_quotes_are_not_counted");
    CHECK_STR(csv ? pm_csv_colname(csv, 0) : NULL, "a,b,c", "quoted_header_keeps_commas");
    pm_csv_close(csv);
}

/* Reads two records of a two-column file and checks values and lines. */
static void check_two_records(const char *text, const char *what)
{
    char name[128];
    pm_csv *csv = open_str(text);
    pm_csv_record rec;
    int r1 = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    snprintf(name, sizeof name, "%s_first_record_starts_on_line_2", what);
    CHECK(r1 == PM_CSV_RECORD && rec.line == 2 && rec.nfields == 2, name);
    snprintf(name, sizeof name, "%s_first_record_has_its_values", what);
    CHECK(r1 == PM_CSV_RECORD && strcmp(fld(&rec, 0), "1") == 0 &&
              strcmp(fld(&rec, 1), "a") == 0,
          name);
    int r2 = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    snprintf(name, sizeof name, "%s_second_record_starts_on_line_3", what);
    CHECK(r2 == PM_CSV_RECORD && rec.line == 3 && rec.nfields == 2, name);
    snprintf(name, sizeof name, "%s_second_record_has_its_values", what);
    CHECK(r2 == PM_CSV_RECORD && strcmp(fld(&rec, 0), "2") == 0 &&
              strcmp(fld(&rec, 1), "b") == 0,
          name);
    snprintf(name, sizeof name, "%s_file_ends_after_two_records", what);
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_EOF, name);
    pm_csv_close(csv);
}

static void test_line_ends(void)
{
    check_two_records("id;x\n1;a\n2;b\n", "lf");
    check_two_records("id;x\r\n1;a\r\n2;b\r\n", "crlf");
    check_two_records("id;x\r1;a\r2;b\r", "lone_cr");
    check_two_records("id;x\r\n1;a\r2;b\n", "mixed_line_ends");
    check_two_records("id;x\n1;a\n2;b", "last_line_without_newline");
    check_two_records("id;x\r\n1;a\r\n2;b\r", "last_line_ending_in_cr");
}

static void test_quoting(void)
{
    pm_csv *csv = open_str("id;t;u\n"
                           "1;\"a;b\";\"zei \"\"hoi\"\"\"\n"
                           "2;\"regel een\nregel twee\";x\n"
                           "3;\"crlf\r\nerin\";\"cr\rerin\"\n"
                           "4; \"a\" ;\t \"b\" \t\n"
                           "5;ab\"c;\"\"\n"
                           "6;\"\";\" spatie \"\n");
    pm_csv_record rec;
    int r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.nfields == 3,
          "record_with_quoted_delimiter_has_three_fields");
    CHECK_STR(fld(&rec, 1), "a;b", "quoted_field_keeps_delimiter");
    CHECK(r == PM_CSV_RECORD && rec.fields[1].quoted && !rec.fields[0].quoted,
          "quoted_flag_is_set_only_for_quoted_fields");
    CHECK_STR(fld(&rec, 2), "zei \"hoi\"", "doubled_quote_inside_quotes_is_one_quote");
    CHECK(r == PM_CSV_RECORD && rec.error == NULL && rec.error_field == -1,
          "well_formed_record_has_no_error");

    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.line == 3,
          "record_with_embedded_newline_starts_on_line_3");
    CHECK_STR(fld(&rec, 1), "regel een\nregel twee",
              "quoted_field_keeps_embedded_newline");
    CHECK_STR(fld(&rec, 2), "x", "field_after_embedded_newline_is_read");

    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.line == 5,
          "record_after_embedded_newline_starts_on_line_5");
    CHECK_STR(fld(&rec, 1), "crlf\r\nerin", "quoted_field_keeps_crlf_verbatim");
    CHECK_STR(fld(&rec, 2), "cr\rerin", "quoted_field_keeps_lone_cr_verbatim");

    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.line == 8,
          "record_after_embedded_crlf_and_cr_starts_on_line_8");
    CHECK_STR(fld(&rec, 1), "a", "spaces_around_quoted_field_are_ignored");
    CHECK_STR(fld(&rec, 2), "b",
              "tabs_and_spaces_around_quoted_field_before_line_end_are_ignored");
    CHECK(r == PM_CSV_RECORD && rec.error == NULL,
          "whitespace_around_quotes_is_no_error");

    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK_STR(fld(&rec, 1), "ab\"c", "quote_inside_unquoted_field_is_literal");
    CHECK(r == PM_CSV_RECORD && rec.fields[2].len == 0 && rec.fields[2].quoted,
          "empty_quoted_field_is_empty_and_quoted");

    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK_STR(fld(&rec, 2), " spatie ", "quoted_field_keeps_its_spaces");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_EOF,
          "quoting_file_ends_after_six_records");
    pm_csv_close(csv);
}

static void test_trimming_and_blank_rows(void)
{
    pm_csv *csv = open_str("id;naam;x\n"
                           "  1  ;\t naam met spatie \t;\n"
                           ";;\n"
                           "\n"
                           "   \n"
                           " ; \t; \n"
                           "\"\";\"\";\n"
                           "2;b;c;\n");
    pm_csv_record rec;
    int r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK_STR(fld(&rec, 0), "1", "unquoted_field_is_trimmed");
    CHECK_STR(fld(&rec, 1), "naam met spatie", "inner_spaces_of_unquoted_field_are_kept");
    CHECK(r == PM_CSV_RECORD && rec.nfields == 3 && rec.fields[2].len == 0,
          "trailing_delimiter_gives_empty_last_field");
    int lens_ok = r == PM_CSV_RECORD;
    for (size_t i = 0; lens_ok && i < rec.nfields; i++)
        lens_ok = rec.fields[i].ptr[rec.fields[i].len] == '\0';
    CHECK(lens_ok, "every_field_is_nul_terminated_at_len");

    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.line == 8,
          "excel_empty_rows_and_blank_lines_are_skipped");
    CHECK(r == PM_CSV_RECORD && rec.nfields == 4,
          "more_fields_than_header_are_returned_as_is");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_EOF,
          "trimming_file_ends_after_two_records");
    pm_csv_close(csv);

    csv = open_str("id;a;b\n1;2\n;;;\n");
    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.nfields == 2,
          "fewer_fields_than_header_are_returned_as_is");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_EOF,
          "final_excel_empty_row_is_skipped");
    pm_csv_close(csv);
}

static void test_recovered_errors(void)
{
    pm_csv *csv = open_str("id;t;u\n1;\"a\"b c ;d\n2;\"x\" \"y\";\"z\"w\n3;ok;ok\n");
    pm_csv_record rec;
    int r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD, "record_with_text_after_closing_quote_is_returned");
    CHECK_STR(r == PM_CSV_RECORD ? rec.error : NULL,
              "tekst na het afsluitende aanhalingsteken",
              "text_after_closing_quote_is_flagged");
    CHECK(r == PM_CSV_RECORD && rec.error_field == 1,
          "text_after_closing_quote_names_field_index");
    CHECK_STR(fld(&rec, 1), "ab c", "text_after_closing_quote_is_appended_to_field");
    CHECK(r == PM_CSV_RECORD && rec.nfields == 3, "fields_after_stray_text_stay_in_sync");
    CHECK_STR(fld(&rec, 2), "d", "field_after_stray_text_is_read");

    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.error != NULL && rec.error_field == 1,
          "first_stray_text_in_record_is_the_one_flagged");
    CHECK_STR(fld(&rec, 1), "x \"y\"", "stray_text_keeps_spaces_and_quotes");

    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.error == NULL && rec.error_field == -1 &&
              rec.line == 4,
          "error_does_not_carry_over_to_next_record");
    pm_csv_close(csv);
}

static void test_fatal_errors(void)
{
    pm_csv *csv = open_str("id;t\n1;a\n2;\"begin\nvervolg\n3;c\n");
    pm_csv_record rec;
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_RECORD,
          "record_before_unterminated_quote_is_read");
    int r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_EOF;
    CHECK(r == PM_CSV_FATAL, "unterminated_quote_is_fatal");
    CHECK_STR(msg, "aanhalingsteken niet afgesloten (begonnen op regel 3)",
              "unterminated_quote_names_its_start_line");
    CHECK(r == PM_CSV_FATAL && rec.line == 3 && rec.error_field == 1 && rec.nfields == 0,
          "unterminated_quote_gives_its_line_and_field_in_the_record");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_FATAL,
          "reading_after_fatal_stays_fatal");
    pm_csv_close(csv);

    csv = open_str("id;t\n1;\"a\nb\";\"open\n");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_FATAL &&
              strstr(msg, "regel 3") != NULL,
          "unterminated_quote_line_counts_earlier_embedded_newline");
    pm_csv_close(csv);

    CHECK(open_err("", 0) == PM_ERR_DATA, "empty_file_is_a_data_error");
    CHECK_STR(msg, "bestand is leeg: de kopregel ontbreekt",
              "empty_file_says_header_missing");
    CHECK(open_err("\xEF\xBB\xBF", 3) == PM_ERR_DATA, "file_with_only_bom_is_empty");
    CHECK(open_err("\xEF\xBB\xBF\r\n\n  \n;;;\r\n", 13) == PM_ERR_DATA &&
              strstr(msg, "leeg") != NULL,
          "file_with_only_blank_lines_is_empty");
    CHECK(open_err("\xFF\xFEi\0d\0\n\0", 8) == PM_ERR_DATA,
          "utf16le_bom_is_a_data_error");
    CHECK_STR(msg, "bestand is UTF-16; sla het op als 'CSV UTF-8'",
              "utf16_bom_says_save_as_csv_utf8");
    CHECK(open_err("\xFE\xFF\0i\0d\0\n", 8) == PM_ERR_DATA && strstr(msg, "UTF-16"),
          "utf16be_bom_is_a_data_error");
    CHECK(open_err("\"id\"x;naam\n", 11) == PM_ERR_DATA && strstr(msg, "kolom 1"),
          "text_after_quote_in_header_is_a_data_error");
    {
        pm_csv *none = NULL;
        long line = -1;
        write_file("\r\n\nid;\"naam\n1;2\n", 16);
        CHECK(pm_csv_open_at(&none, path, &line, msg, sizeof msg) == PM_ERR_DATA &&
                  none == NULL && line == 3,
              "unterminated_quote_in_header_gives_its_line");
        line = -1;
        write_file("", 0);
        CHECK(pm_csv_open_at(&none, path, &line, msg, sizeof msg) == PM_ERR_DATA &&
                  line == 0,
              "empty_file_gives_no_line");
    }
    CHECK(open_err("id;\"naam\n1;2\n", 13) == PM_ERR_DATA && strstr(msg, "regel 1"),
          "unterminated_quote_in_header_is_a_data_error");

    pm_csv *none = NULL;
    char missing[600];
    snprintf(missing, sizeof missing, "%s/bestaat-niet.csv", tmpdir);
    CHECK(pm_csv_open(&none, missing, msg, sizeof msg) == PM_ERR_IO && none == NULL,
          "missing_file_is_an_io_error");
    CHECK(strstr(msg, "No such file") != NULL || strstr(msg, "niet") != NULL,
          "missing_file_message_names_the_cause");
}

static void test_bytes(void)
{
    static const char data[] = "id;t\n1;a\0b\n2;\"x\0\"\n";
    write_file(data, sizeof data - 1);
    pm_csv *csv = NULL;
    CHECK(pm_csv_open(&csv, path, msg, sizeof msg) == PM_OK, "file_with_nul_bytes_opens");
    pm_csv_record rec;
    int r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.fields[1].len == 3,
          "nul_byte_in_field_counts_in_len");
    CHECK(r == PM_CSV_RECORD && memcmp(rec.fields[1].ptr, "a\0b", 4) == 0,
          "nul_byte_in_field_is_preserved");
    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.fields[1].len == 2 &&
              memcmp(rec.fields[1].ptr, "x\0", 3) == 0,
          "nul_byte_in_quoted_field_is_preserved");
    CHECK(csv && pm_csv_file_size(csv) == sizeof data - 1, "file_size_is_known");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_EOF &&
              pm_csv_bytes_read(csv) == pm_csv_file_size(csv),
          "bytes_read_reaches_file_size_at_eof");
    pm_csv_close(csv);
}

/* Fields larger than the read chunk, and breaks that straddle chunk ends. */
static void test_large(void)
{
    const size_t big = 10u * 1024u * 1024u;
    char *data = malloc(2 * big + 100);
    char *want = malloc(big);
    if (!data || !want)
        exit(2);
    for (size_t i = 0; i < big; i++)
        want[i] = (char)('a' + i % 26);
    size_t n = 0;
    memcpy(data + n, "id;t\n1;", 7);
    n += 7;
    memcpy(data + n, want, big);
    n += big;
    memcpy(data + n, "\n2;\"", 4);
    n += 4;
    memcpy(data + n, want, big);
    n += big;
    memcpy(data + n, "\"\n3;z\n", 6);
    n += 6;
    write_file(data, n);

    pm_csv *csv = NULL;
    pm_csv_record rec;
    CHECK(pm_csv_open(&csv, path, msg, sizeof msg) == PM_OK,
          "file_with_10mb_fields_opens");
    int r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.fields[1].len == big,
          "10mb_unquoted_field_has_full_length");
    CHECK(r == PM_CSV_RECORD && memcmp(rec.fields[1].ptr, want, big) == 0,
          "10mb_unquoted_field_is_read_intact");
    uint64_t mid = csv ? pm_csv_bytes_read(csv) : 0;
    CHECK(mid > big && mid < n, "bytes_read_grows_while_reading");
    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.fields[1].len == big &&
              memcmp(rec.fields[1].ptr, want, big) == 0,
          "10mb_quoted_field_is_read_intact");
    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.line == 4 && strcmp(fld(&rec, 1), "z") == 0,
          "record_after_10mb_fields_is_read");
    pm_csv_close(csv);

    /* Put CRLF, and then "", exactly across the first 64 KiB chunk end. */
    const size_t chunk = 64u * 1024u;
    n = 0;
    memcpy(data + n, "id;t\n1;", 7);
    n += 7;
    memset(data + n, 'x', chunk - 1 - n);
    n = chunk - 1;
    memcpy(data + n, "\r\n2;\"", 5);
    n += 5;
    memset(data + n, 'y', 2 * chunk - 1 - n);
    n = 2 * chunk - 1;
    memcpy(data + n, "\"\"\"\r\n3;\"a", 9);
    n += 9;
    memset(data + n, 'q', 3 * chunk - 1 - n);
    n = 3 * chunk - 1;
    data[n++] = '\r';
    memcpy(data + n, "\nb\"\n4;e\n", 8);
    n += 8;
    write_file(data, n);
    csv = NULL;
    CHECK(pm_csv_open(&csv, path, msg, sizeof msg) == PM_OK,
          "file_with_chunk_straddles_opens");
    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.fields[1].len == chunk - 8,
          "crlf_across_chunk_end_ends_the_field");
    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.line == 3, "crlf_across_chunk_end_is_one_line_break");
    CHECK(r == PM_CSV_RECORD && rec.fields[1].len == chunk - 4 &&
              rec.fields[1].ptr[chunk - 5] == '"',
          "doubled_quote_across_chunk_end_is_one_quote");
    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.line == 4,
          "record_after_chunk_straddles_starts_on_line_4");
    r = csv ? pm_csv_next(csv, &rec, msg, sizeof msg) : PM_CSV_FATAL;
    CHECK(r == PM_CSV_RECORD && rec.line == 6,
          "quoted_crlf_across_chunk_end_counts_as_one_break");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_EOF &&
              pm_csv_bytes_read(csv) == n,
          "bytes_read_equals_size_after_chunked_file");
    pm_csv_close(csv);
    free(data);
    free(want);
}

static void test_record_limit(void)
{
    snprintf(path, sizeof path, "%s/groot.csv", tmpdir);
    FILE *f = fopen(path, "wb");
    if (!f)
        exit(2);
    fputs("id;t\n1;a\n2;", f);
    static char block[1024 * 1024];
    memset(block, 'x', sizeof block);
    for (unsigned i = 0; i <= PM_CSV_MAX_RECORD / sizeof block; i++)
        fwrite(block, 1, sizeof block, f);
    fputs("\n3;b\n", f);
    fclose(f);

    pm_csv *csv = NULL;
    pm_csv_record rec;
    CHECK(pm_csv_open(&csv, path, msg, sizeof msg) == PM_OK,
          "file_with_oversized_record_opens");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_RECORD,
          "record_before_oversized_one_is_read");
    CHECK(csv && pm_csv_next(csv, &rec, msg, sizeof msg) == PM_CSV_FATAL,
          "record_over_the_limit_is_fatal");
    CHECK(strstr(msg, "regel 3") != NULL && strstr(msg, "64 MiB") != NULL,
          "oversized_record_message_names_line_and_limit");
    pm_csv_close(csv);
    remove(path);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    test_bom_and_header();
    test_delimiter();
    test_line_ends();
    test_quoting();
    test_trimming_and_blank_rows();
    test_recovered_errors();
    test_fatal_errors();
    test_bytes();
    test_large();
    test_record_limit();

    for (int i = 0; i < nfiles; i++) {
        snprintf(path, sizeof path, "%s/f%d.csv", tmpdir, i);
        remove(path);
    }
    rmdir(tmpdir);
    return tap_done();
}
