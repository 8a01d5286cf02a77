/* fuzz_xlsx.c — libFuzzer target for the .xlsx reader (engine/xlsx_read.c)
 * and the cell rules (engine/xlsx_cell.c): the input is written to an
 * in-memory file and opened as a workbook; every sheet is streamed to its
 * end, and every cell is converted for every field type.
 *
 * Invariants checked for every input:
 *   - open fails cleanly (NULL reader, a message) or gives 1..1024 sheets,
 *     each with a non-empty name;
 *   - a sheet that opens gives rows, then END or FATAL (with a message),
 *     and keeps giving that answer;
 *   - row numbers lie in 1..1048576; a row has 1..16384 cells, each in
 *     column 0..16383, its text NUL-terminated at len and at most 32,767
 *     characters (4 bytes each at most);
 *   - converting a cell either gives a reason or a text of the given length;
 *     a number text written by the rules has no exponent. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "xlsx_ahead.h"
#include "xlsx_cell.h"
#include "xlsx_read.h"

static const pm_ftype types[] = {PM_F_ID,    PM_F_TEXT,  PM_F_ENUM,
                                 PM_F_DATE,  PM_F_MONEY, PM_F_SCORE,
                                 PM_F_HOURS, PM_F_INT,   PM_F_CHANNELS};

static void check_cell(const pm_xlsx *x, const pm_xlsx_cell *c)
{
    FUZZ_ASSERT(c->col < PM_XLSX_MAX_COLS, "column within A..XFD");
    FUZZ_ASSERT(c->text != NULL && c->text[c->len] == '\0', "text NUL-terminated at len");
    FUZZ_ASSERT(c->len <= 4u * PM_XLSX_MAX_TEXT, "text within Excel's limit");
    for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
        char buf[PM_XLSX_CELL_BUF];
        const char *s = NULL;
        size_t len = 0;
        bool number = false;
        const char *why =
            pm_xlsx_cell_text(c, types[t], pm_xlsx_date1904(x), buf, &s, &len, &number);
        if (why) {
            FUZZ_ASSERT(why[0] != '\0', "a refusal has a reason");
            continue;
        }
        FUZZ_ASSERT(s != NULL, "a value has a text");
        if (number) {
            FUZZ_ASSERT(s == buf && strlen(buf) == len, "a number text is in buf");
            FUZZ_ASSERT(!strpbrk(buf, "eE"), "a number text has no exponent");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write(data, size);
    pm_xlsx *x = NULL;
    char why[512] = "";
    pm_error err = pm_xlsx_open(&x, path, why, sizeof why);
    if (err != PM_OK) {
        FUZZ_ASSERT(x == NULL, "a failed open leaves *out NULL");
        FUZZ_ASSERT(why[0] != '\0', "a failed open gives a message");
        return 0;
    }
    size_t n = pm_xlsx_nsheets(x);
    FUZZ_ASSERT(n >= 1 && n <= PM_XLSX_MAX_SHEETS, "1..1024 sheets");
    for (size_t i = 0; i < n; i++) {
        const char *name = pm_xlsx_sheet_name(x, i);
        FUZZ_ASSERT(name && name[0], "every sheet has a name");
        why[0] = '\0';
        if (pm_xlsx_sheet_open(x, i, why, sizeof why) != PM_OK) {
            FUZZ_ASSERT(why[0] != '\0', "a sheet that does not open gives a message");
            continue;
        }
        /* Half the inputs read the rows ahead on a second thread
         * (xlsx_ahead.h), a quarter stop that thread after the first row. */
        pm_xlsx_ahead *a = pm_xlsx_ahead_start(x, size & 1);
        FUZZ_ASSERT(a != NULL, "the read-ahead starts");
        pm_xlsx_row row;
        long er, ec;
        int rc;
        bool first_only = size & 2;
        while ((rc = pm_xlsx_ahead_next(a, &row, &er, &ec, why, sizeof why)) ==
               PM_XLSX_ROW) {
            FUZZ_ASSERT(row.num >= 1 && row.num <= PM_XLSX_MAX_ROWS, "row in 1..1048576");
            FUZZ_ASSERT(row.ncells >= 1 && row.ncells <= PM_XLSX_MAX_COLS,
                        "1..16384 cells in a row");
            for (size_t c = 0; c < row.ncells; c++)
                check_cell(x, &row.cells[c]);
            if (first_only)
                break;
        }
        if (rc != PM_XLSX_ROW) {
            FUZZ_ASSERT(rc == PM_XLSX_END || rc == PM_XLSX_FATAL,
                        "rows end in END or FATAL");
            if (rc == PM_XLSX_FATAL)
                FUZZ_ASSERT(why[0] != '\0', "FATAL gives a message");
            int again = pm_xlsx_ahead_next(a, &row, &er, &ec, why, sizeof why);
            FUZZ_ASSERT(again == rc, "the end stays the end");
        }
        pm_xlsx_ahead_stop(a);
    }
    pm_xlsx_close(x);
    return 0;
}
