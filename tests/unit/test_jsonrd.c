/* test_jsonrd.c — unit tests for the streaming JSON array reader (jsonrd.h).
 * Each test writes a small file into a private temporary directory. */
#include "jsonrd.h"
#include "tap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_jsonrd_XXXXXX";
static char paths[64][300];
static int npaths;

/* Writes len bytes to a new file in tmpdir and returns its path; the file is
 * removed at the end of the run. */
static const char *write_file(const char *name, const char *data, size_t len)
{
    char *path = paths[npaths++];
    snprintf(path, sizeof paths[0], "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(99);
    }
    return path;
}

static const char *write_str(const char *name, const char *text)
{
    return write_file(name, text, strlen(text));
}

static const char *str_field(const cJSON *obj, const char *name)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(f) ? f->valuestring : NULL;
}

/* Opens a file with the given text and reads it to the end; returns the
 * number of elements and the final result, with its message in msg. */
static int read_all(const char *name, const char *text, long *count, char *msg,
                    size_t msgsize)
{
    pm_jsonrd *rd = NULL;
    *count = 0;
    if (pm_jsonrd_open(&rd, write_str(name, text), msg, msgsize) != PM_OK)
        return 99;
    cJSON *e = NULL;
    long recno = 0;
    int r;
    while ((r = pm_jsonrd_next(rd, &e, &recno, msg, msgsize)) == PM_JSONRD_ELEMENT) {
        (*count)++;
        cJSON_Delete(e);
    }
    pm_jsonrd_close(rd);
    return r;
}

static void array_of_two_objects_yields_two_elements(void)
{
    const char *text =
        "[\n  {\"id\": \"a1\", \"n\": 3},\n  {\"id\": \"b2\", \"n\": 4.5}\n]\n";
    const char *path = write_str("two.json", text);
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    CHECK(pm_jsonrd_open(&rd, path, msg, sizeof msg) == PM_OK,
          "opening_a_json_array_succeeds");
    CHECK(pm_jsonrd_file_size(rd) == strlen(text), "file_size_is_the_size_on_disk");

    cJSON *e = NULL;
    long recno = 0;
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && recno == 1, "first_element_is_record_1");
    CHECK_STR(str_field(e, "id"), "a1", "first_element_has_its_id");
    CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(e, "n")) == 3,
          "first_element_has_its_number");
    cJSON_Delete(e);

    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && recno == 2, "second_element_is_record_2");
    CHECK_STR(str_field(e, "id"), "b2", "second_element_has_its_id");
    CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(e, "n")) == 4.5,
          "second_element_has_its_decimal");
    cJSON_Delete(e);

    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END && e == NULL, "closing_bracket_ends_the_array");
    CHECK(pm_jsonrd_bytes_read(rd) == strlen(text), "bytes_read_equals_file_size_at_end");
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END, "next_after_end_is_end_again");
    pm_jsonrd_close(rd);
}

static void bom_and_crlf_are_accepted(void)
{
    const char *path =
        write_str("bom.json", "\xEF\xBB\xBF\r\n[{\"id\":\"x\"},\r\n{\"id\":\"y\"}]\r\n");
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    CHECK(pm_jsonrd_open(&rd, path, msg, sizeof msg) == PM_OK, "utf8_bom_is_skipped");
    cJSON *e = NULL;
    long recno = 0;
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT, "element_after_bom_is_read");
    CHECK_STR(str_field(e, "id"), "x", "element_after_bom_has_its_field");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && recno == 2, "crlf_between_elements_is_whitespace");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END, "crlf_after_array_is_whitespace");
    CHECK(pm_jsonrd_bytes_read(rd) == pm_jsonrd_file_size(rd),
          "bytes_read_counts_the_bom");
    pm_jsonrd_close(rd);
}

static void empty_array_is_end_at_once(void)
{
    char msg[256] = "";
    long n = -1;
    CHECK(read_all("empty.json", "[]", &n, msg, sizeof msg) == PM_JSONRD_END && n == 0,
          "empty_array_is_end_at_once");
    CHECK(read_all("empty_ws.json", " \n[ \n\t ]\n\n", &n, msg, sizeof msg) ==
                  PM_JSONRD_END &&
              n == 0,
          "empty_array_with_whitespace_is_end_at_once");
}

static void strings_with_brackets_and_escapes_do_not_end_an_element(void)
{
    const char *text = "[{\"a\": \"]\", \"b\": \"}\", \"c\": \",\"},"
                       " {\"q\": \"zei \\\"hallo]\\\" en {\"},"
                       " {\"bs\": \"eind\\\\\", \"na\": \"]}\"},"
                       " \"los ], \\\" }\"]";
    const char *path = write_str("strings.json", text);
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0;
    pm_jsonrd_open(&rd, path, msg, sizeof msg);

    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT, "brackets_and_comma_in_strings_stay_in_the_element");
    CHECK_STR(str_field(e, "a"), "]", "bracket_string_value_is_kept");
    CHECK_STR(str_field(e, "c"), ",", "comma_string_value_is_kept");
    cJSON_Delete(e);

    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && recno == 2, "escaped_quotes_do_not_end_a_string");
    CHECK_STR(str_field(e, "q"), "zei \"hallo]\" en {", "escaped_quote_value_is_kept");
    cJSON_Delete(e);

    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && recno == 3,
          "escaped_backslash_ends_before_the_quote");
    CHECK_STR(str_field(e, "bs"), "eind\\", "escaped_backslash_value_is_kept");
    CHECK_STR(str_field(e, "na"), "]}", "string_after_escaped_backslash_is_kept");
    cJSON_Delete(e);

    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && cJSON_IsString(e),
          "scalar_string_with_brackets_is_one_element");
    CHECK_STR(cJSON_GetStringValue(e), "los ], \" }", "scalar_string_value_is_kept");
    cJSON_Delete(e);

    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END, "array_ends_after_tricky_strings");
    pm_jsonrd_close(rd);
}

static void nested_containers_stay_in_one_element(void)
{
    const char *text = "[{\"a\": [1, [2, {\"b\": [3]}]], \"c\": {\"d\": {}}},\n"
                       " [[], [{}], {\"x\": []}]]";
    const char *path = write_str("nested.json", text);
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0;
    pm_jsonrd_open(&rd, path, msg, sizeof msg);
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    const cJSON *a = cJSON_GetObjectItem(e, "a");
    CHECK(r == PM_JSONRD_ELEMENT && cJSON_GetArraySize(a) == 2,
          "nested_arrays_in_an_object_are_one_element");
    CHECK(cJSON_IsObject(cJSON_GetObjectItem(cJSON_GetObjectItem(e, "c"), "d")),
          "nested_objects_are_kept");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && cJSON_IsArray(e) && cJSON_GetArraySize(e) == 3,
          "an_array_element_is_returned_whole");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END, "nested_file_ends_after_two_elements");
    pm_jsonrd_close(rd);
}

static void scalar_elements_keep_their_type(void)
{
    const char *path = write_str("scalars.json", "[5, \"x\" , true,null,-1.5e2 ]");
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0;
    pm_jsonrd_open(&rd, path, msg, sizeof msg);

    pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(cJSON_IsNumber(e) && cJSON_GetNumberValue(e) == 5,
          "number_element_is_a_number");
    cJSON_Delete(e);
    pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(cJSON_IsString(e), "string_element_is_a_string");
    CHECK_STR(cJSON_GetStringValue(e), "x", "string_element_has_its_value");
    cJSON_Delete(e);
    pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(cJSON_IsTrue(e), "true_element_is_true");
    cJSON_Delete(e);
    pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(cJSON_IsNull(e), "null_element_is_null");
    cJSON_Delete(e);
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && recno == 5 && cJSON_GetNumberValue(e) == -150,
          "last_number_before_space_and_bracket_is_read");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END, "scalar_array_ends");
    pm_jsonrd_close(rd);
}

static void syntax_error_names_record_and_line(void)
{
    const char *text =
        "[\n{\"id\": \"a\"},\n{\"id\": \"b\",\n \"x\": tru},\n{\"id\": \"c\"}]";
    const char *path = write_str("syntax.json", text);
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0;
    pm_jsonrd_open(&rd, path, msg, sizeof msg);
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT, "record_before_the_error_is_returned");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && e == NULL, "syntax_error_in_record_2_is_fatal");
    CHECK(recno == 2, "syntax_error_reports_recno_2");
    CHECK_STR(msg, "ongeldige JSON in record 2 (regel 4)",
              "syntax_error_message_names_record_and_line_of_the_error");
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL, "next_after_fatal_is_fatal_again");
    pm_jsonrd_close(rd);

    long n = 0;
    r = read_all("two_values.json", "[1 2]", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 0 && strstr(msg, "record 1"),
          "two_values_without_comma_are_invalid_json");
    r = read_all("empty_elem.json", "[{\"a\":1},,{\"a\":2}]", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 1 && strstr(msg, "ongeldige JSON in record 2"),
          "empty_element_between_commas_is_invalid_json");
    r = read_all("no_comma.json", "[{\"a\":1}\n{\"a\":2}]", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 1, "objects_without_comma_are_fatal");
    CHECK_STR(msg, "',' of ']' verwacht na record 1 (regel 2)",
              "missing_comma_message_names_record_and_line");
    r = read_all("mismatch.json", "[{\"a\":[1}]", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 0, "mismatched_brackets_are_fatal");
}

static void missing_closing_bracket_is_fatal(void)
{
    char msg[256] = "";
    long n = 0;
    int r = read_all("open.json", "[{\"a\":1},\n{\"a\":2}\n", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 2, "missing_bracket_after_two_objects_is_fatal");
    CHECK(strstr(msg, "de JSON-array is niet afgesloten met ']'") != NULL,
          "missing_bracket_message_says_so");
    CHECK(strstr(msg, "record 2") != NULL, "missing_bracket_message_names_the_record");

    r = read_all("open_scalar.json", "[1, 2", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 2, "scalar_at_eof_is_returned_then_fatal");

    r = read_all("open_bare.json", "[", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 0 && strstr(msg, "niet afgesloten"),
          "lone_open_bracket_is_fatal");

    r = read_all("cut.json", "[{\"a\":1},\n{\"a\": \"half", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 1, "file_cut_inside_a_record_is_fatal");
    CHECK(strstr(msg, "record 2") && strstr(msg, "regel 2"),
          "cut_record_message_names_record_and_line");
}

static void text_after_array_is_fatal(void)
{
    char msg[256] = "";
    long n = 0;
    int r = read_all("garbage.json", "[{\"a\":1}]\n\nx", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 1, "text_after_closing_bracket_is_fatal");
    CHECK_STR(msg, "tekst na de afsluitende ']' van de JSON-array (regel 3)",
              "trailing_text_message_names_the_line");
    r = read_all("second.json", "[][]", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL, "second_array_after_the_first_is_fatal");
}

static void trailing_comma_is_fatal(void)
{
    char msg[256] = "";
    long n = 0;
    int r = read_all("comma.json", "[{\"a\":1},\n{\"a\":2},\n]", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 2, "trailing_comma_is_fatal");
    CHECK_STR(msg, "overbodige komma na record 2 (regel 2)",
              "trailing_comma_message_names_record_and_line");
    r = read_all("lead_comma.json", "[,]", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 0, "comma_without_element_is_fatal");
}

static void open_rejects_what_is_not_an_array(void)
{
    char msg[256] = "";
    pm_jsonrd *rd = (pm_jsonrd *)1;
    pm_error err =
        pm_jsonrd_open(&rd, write_str("obj.json", "  {\"a\": [1]}"), msg, sizeof msg);
    CHECK(err == PM_ERR_DATA && rd == NULL, "top_level_object_is_a_data_error");
    CHECK_STR(msg, "het bestand moet een JSON-array van objecten zijn",
              "top_level_object_message_asks_for_an_array");

    err = pm_jsonrd_open(&rd, write_str("empty_file.json", ""), msg, sizeof msg);
    CHECK(err == PM_ERR_DATA && strstr(msg, "leeg"), "empty_file_is_a_data_error");
    err = pm_jsonrd_open(&rd, write_str("ws_only.json", " \n "), msg, sizeof msg);
    CHECK(err == PM_ERR_DATA, "whitespace_only_file_is_a_data_error");
    err = pm_jsonrd_open(&rd, write_file("utf16.json", "\xFF\xFE[\0]\0", 6), msg,
                         sizeof msg);
    CHECK(err == PM_ERR_DATA && strstr(msg, "UTF-16"), "utf16_file_is_a_data_error");
    err = pm_jsonrd_open(&rd, write_str("badbom.json", "\xEF\xBB["), msg, sizeof msg);
    CHECK(err == PM_ERR_DATA, "broken_bom_is_a_data_error");

    char missing[400];
    snprintf(missing, sizeof missing, "%s/bestaat-niet.json", tmpdir);
    err = pm_jsonrd_open(&rd, missing, msg, sizeof msg);
    CHECK(err == PM_ERR_IO && rd == NULL, "nonexistent_file_is_an_io_error");
    CHECK(strstr(msg, "bestaat niet") != NULL, "nonexistent_file_message_is_dutch");
    err = pm_jsonrd_open(&rd, tmpdir, msg, sizeof msg);
    CHECK(err == PM_ERR_IO && rd == NULL, "directory_is_an_io_error");
    pm_jsonrd_close(NULL);
    CHECK(1, "close_accepts_null");
}

static void nul_byte_is_fatal(void)
{
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0;
    static const char text[] = "[{\"a\": \"x\0y\"}]";
    pm_jsonrd_open(&rd, write_file("nul.json", text, sizeof text - 1), msg, sizeof msg);
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && strstr(msg, "NUL"), "nul_byte_in_a_string_is_fatal");
    pm_jsonrd_close(rd);
}

static void nul_escape_is_fatal(void)
{
    char msg[256] = "";
    long n = 0;
    int r = read_all("nulesc.json", "[{\"id\": \"a\"},\n{\"id\": \"SOB\\u0000X\"}]", &n,
                     msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 1 && strstr(msg, "record 2 (regel 2)") &&
              strstr(msg, "NUL"),
          "nul_escape_in_a_string_is_fatal_with_record_and_line");
    r = read_all("bsesc.json", "[{\"id\": \"a\\\\u0000\"}]", &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END && n == 1, "escaped_backslash_before_u0000_is_plain_text");
}

/* The literal of the number member `name` of obj, or NULL. */
static const char *literal(const cJSON *obj, const char *name)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsNumber(f) ? f->valuestring : NULL;
}

/* True when item is a number whose literal is want. */
static bool literal_is(const cJSON *item, const char *want)
{
    return cJSON_IsNumber(item) && item->valuestring &&
           strcmp(item->valuestring, want) == 0;
}

static void numbers_keep_their_literal_text(void)
{
    const char *path = write_str(
        "literal.json", "[{\"s\": 6.9999999999999999, \"t\": \"-1 2.5e3\", "
                        "\"a\": 12345678901234567890, \"b\": 12345678901234567891,\n"
                        "\"l\": [1, {\"x\": -0.50}, \"7\", 2E-2], \"z\": 0}, 12.500]");
    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0;
    pm_jsonrd_open(&rd, path, msg, sizeof msg);
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT, "element_with_numbers_is_read");
    CHECK_STR(literal(e, "s"), "6.9999999999999999", "score_literal_is_not_rounded_to_7");
    CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(e, "s")) == 7.0,
          "valuedouble_stays_cjsons_reading");
    CHECK_STR(literal(e, "a"), "12345678901234567890", "big_integer_literal_is_exact");
    CHECK_STR(literal(e, "b"), "12345678901234567891",
              "neighbouring_big_integer_keeps_its_own_literal");
    const cJSON *l = cJSON_GetObjectItem(e, "l");
    CHECK(l && cJSON_GetArraySize(l) == 4 && literal_is(cJSON_GetArrayItem(l, 0), "1") &&
              literal_is(cJSON_GetObjectItem(cJSON_GetArrayItem(l, 1), "x"), "-0.50") &&
              cJSON_IsString(cJSON_GetArrayItem(l, 2)) &&
              literal_is(cJSON_GetArrayItem(l, 3), "2E-2"),
          "nested_numbers_get_their_literals_in_order_and_digits_in_strings_are_skipped");
    CHECK_STR(literal(e, "z"), "0", "last_number_of_an_object_gets_its_literal");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && literal_is(e, "12.500"),
          "scalar_element_keeps_its_trailing_zeros");
    cJSON_Delete(e);
    pm_jsonrd_close(rd);
}

static void ten_megabyte_string_is_read_intact(void)
{
    size_t big = 10u * 1024u * 1024u;
    char *text = malloc(big + 64);
    if (!text)
        exit(99);
    size_t n = (size_t)sprintf(text, "[{\"id\":\"g\",\"s\":\"");
    for (size_t i = 0; i < big; i++)
        text[n + i] = (char)('a' + i % 26);
    n += big;
    n += (size_t)sprintf(text + n, "\"},{\"id\":\"h\"}]");
    const char *path = write_file("big.json", text, n);

    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0;
    pm_jsonrd_open(&rd, path, msg, sizeof msg);
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    const char *s = str_field(e, "s");
    int intact = s && strlen(s) == big;
    for (size_t i = 0; intact && i < big; i++)
        intact = s[i] == (char)('a' + i % 26);
    CHECK(r == PM_JSONRD_ELEMENT && intact, "ten_megabyte_string_is_read_intact");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_ELEMENT && recno == 2, "element_after_a_big_one_is_read");
    CHECK_STR(str_field(e, "id"), "h", "element_after_a_big_one_has_its_field");
    cJSON_Delete(e);
    r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_END && pm_jsonrd_bytes_read(rd) == n,
          "big_file_is_read_to_the_end");
    pm_jsonrd_close(rd);
    free(text);
}

static void element_over_the_limit_is_fatal(void)
{
    size_t big = (size_t)PM_JSONRD_MAX_ELEMENT + 16;
    char *text = malloc(big);
    if (!text)
        exit(99);
    memset(text, 'z', big);
    memcpy(text, "[{\"s\":\"", 7);
    memcpy(text + big - 3, "\"}]", 3);
    const char *path = write_file("huge.json", text, big);
    free(text);

    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0;
    pm_jsonrd_open(&rd, path, msg, sizeof msg);
    int r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && e == NULL, "element_over_the_limit_is_fatal");
    CHECK_STR(msg, "record 1 (regel 1) is groter dan 64 MB",
              "element_over_the_limit_message_names_record_and_size");
    pm_jsonrd_close(rd);
    unlink(path);
}

static void elements_across_chunk_boundaries_are_all_read(void)
{
    /* Odd-sized, multi-line records with brackets in strings, so record and
     * string boundaries fall at every offset of the 64 KiB read chunks. */
    size_t cap = 1024u * 1024u, n = 0;
    char *text = malloc(cap);
    if (!text)
        exit(99);
    long want = 4001;
    n += (size_t)sprintf(text + n, "[\n");
    for (long i = 1; i <= want; i++) {
        n += (size_t)snprintf(
            text + n, cap - n,
            "  {\"id\": \"r%ld\", \"t\": \"%.*s]},\\\"\",\n   \"l\": [%ld, "
            "{\"k\": [%ld]}]}%s\n",
            i, (int)(i % 37), "abcdefghijklmnopqrstuvwxyz0123456789x", i, i * 2,
            i < want ? "," : "");
    }
    n += (size_t)sprintf(text + n, "]\n");
    const char *path = write_file("many.json", text, n);
    free(text);
    CHECK(n > 200u * 1024u, "many_records_file_is_over_200_kb");

    char msg[256] = "";
    pm_jsonrd *rd = NULL;
    cJSON *e = NULL;
    long recno = 0, count = 0, bad = 0;
    int r;
    pm_jsonrd_open(&rd, path, msg, sizeof msg);
    while ((r = pm_jsonrd_next(rd, &e, &recno, msg, sizeof msg)) == PM_JSONRD_ELEMENT) {
        count++;
        char id[32];
        snprintf(id, sizeof id, "r%ld", count);
        const char *got = str_field(e, "id");
        if (recno != count || !got || strcmp(got, id) != 0 ||
            strlen(str_field(e, "t")) != (size_t)(count % 37) + 4)
            bad++;
        cJSON_Delete(e);
    }
    CHECK(r == PM_JSONRD_END, "many_records_file_ends_cleanly");
    CHECK(count == want, "every_record_across_chunk_boundaries_is_counted");
    CHECK(bad == 0, "every_record_across_chunk_boundaries_has_its_fields");
    CHECK(pm_jsonrd_bytes_read(rd) == n && pm_jsonrd_file_size(rd) == n,
          "bytes_read_equals_file_size_after_many_records");
    pm_jsonrd_close(rd);
}

static void line_numbers_follow_the_file(void)
{
    /* Record 3 starts on line 6; its error is on line 8. */
    const char *text = "[\n{\"a\":1},\n\n{\"a\":\n2},\n{\"a\":\n\n  3 4}\n]";
    char msg[256] = "";
    long n = 0;
    int r = read_all("lines.json", text, &n, msg, sizeof msg);
    CHECK(r == PM_JSONRD_FATAL && n == 2, "error_in_record_3_stops_after_two");
    CHECK_STR(msg, "ongeldige JSON in record 3 (regel 8)",
              "line_counts_newlines_inside_earlier_records");
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 99;
    }
    array_of_two_objects_yields_two_elements();
    bom_and_crlf_are_accepted();
    empty_array_is_end_at_once();
    strings_with_brackets_and_escapes_do_not_end_an_element();
    nested_containers_stay_in_one_element();
    scalar_elements_keep_their_type();
    syntax_error_names_record_and_line();
    missing_closing_bracket_is_fatal();
    text_after_array_is_fatal();
    trailing_comma_is_fatal();
    open_rejects_what_is_not_an_array();
    nul_byte_is_fatal();
    nul_escape_is_fatal();
    numbers_keep_their_literal_text();
    ten_megabyte_string_is_read_intact();
    element_over_the_limit_is_fatal();
    elements_across_chunk_boundaries_are_all_read();
    line_numbers_follow_the_file();

    for (int i = 0; i < npaths; i++)
        unlink(paths[i]);
    rmdir(tmpdir);
    return tap_done();
}
