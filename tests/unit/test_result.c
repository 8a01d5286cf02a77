/* test_result.c — the plain result types (result.h) as the exporters see
 * them: no SQLite behind them, euros from cents exactly as printed before,
 * lookup by id, and a result that frees what it owns. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Every exporter header, then the check that none of them reached SQLite:
 * an exporter that can see sqlite3.h could run SQL (issue 12 point 2). */
#include "chart.h"
#include "export.h"
#include "format.h"
#include "json.h"
#include "labels.h"
#include "pdf.h"
#include "result.h"
#include "text.h"
#include "xlsx.h"

#ifdef SQLITE_VERSION
#error "an exporter header reaches sqlite3.h"
#endif

#include "tap.h"

/* The euros the exporters wrote before money moved into cents: B stored
 * (double)cents / 100 and each exporter rounded it to cents again. */
static double old_euros(int64_t cents)
{
    double stored = (double)cents / 100.0;
    return round(stored * 100.0) / 100.0;
}

static void euros_from_cents_as_printed_before(void)
{
    /* Every amount up to ± € 100.000,00 in cents, and large ones beyond:
     * the same double, so JSON, CSV and the workbook keep their bytes. */
    long differ = 0;
    for (int64_t c = -10000000; c <= 10000000; c++)
        differ += pm_cents_to_euros(c) != old_euros(c);
    static const int64_t big[] = {123456789012, 4200000000, 99999999999, -7654321099};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++)
        differ += pm_cents_to_euros(big[i]) != old_euros(big[i]);
    CHECK(differ == 0,
          "cents_to_euros_gives_the_same_double_the_exporters_printed_before");
    CHECK(pm_cents_to_euros(29) == 0.29 && pm_cents_to_euros(104125) == 1041.25,
          "cents_29_is_0_29_and_104125_is_1041_25");
    char buf[32];
    CHECK_STR(pm_format_euro(104125, buf, sizeof buf), "€ 1.041,25",
              "format_euro_takes_the_cents_of_a_result");
}

static void report_find_by_id(void)
{
    pm_result results[2] = {{.id = "R1"}, {.id = "B"}};
    pm_report rep = {.results = results, .nresults = 2};
    CHECK(pm_report_find(&rep, "B") == &results[1] && pm_report_find(&rep, "R9") == NULL,
          "report_find_gives_the_result_with_the_id_or_null");
}

static char *copy(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static void result_owns_its_keys(void)
{
    /* A result as an indicator leaves it: heap keys and labels of any
     * length; pm_result_free frees them (valgrind/ASan see a leak or a
     * double free) and zeroes the result. */
    pm_result r = {.id = "R4"};
    r.breakdowns = calloc(1, sizeof *r.breakdowns);
    pm_breakdown *b = r.breakdowns;
    r.nbreakdowns = b ? 1 : 0;
    if (b) {
        b->key = "mijlpalen";
        b->ncells = 1;
        b->periode = calloc(1, sizeof *b->periode);
        b->cumulatief = calloc(1, sizeof *b->cumulatief);
    }
    char longkey[301];
    memset(longkey, 'k', 300);
    longkey[300] = '\0';
    if (b && b->periode && b->cumulatief) {
        b->periode[0].key = copy(longkey);
        b->periode[0].label = copy("Een mijlpaal");
        b->cumulatief[0].key = copy(longkey);
    }
    CHECK(b && b->periode && strlen(b->periode[0].key) == 300 && !b->cumulatief[0].label,
          "a_cell_holds_a_key_of_300_characters_and_no_label_is_null");
    pm_result_free(&r);
    CHECK(r.breakdowns == NULL && r.nbreakdowns == 0 && r.id == NULL,
          "result_free_zeroes_the_result");
    pm_result_free(NULL);
    CHECK(1, "result_free_accepts_null");
}

int main(void)
{
    euros_from_cents_as_printed_before();
    report_find_by_id();
    result_owns_its_keys();
    return tap_done();
}
