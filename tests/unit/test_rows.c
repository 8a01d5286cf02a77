/* test_rows.c — unit tests for indicators/rows.c: the row-level detail of
 * the intern workbook, streamed from the report's snapshot in date order
 * (requests with their deadline, working days and outcome; evaluations of
 * the three soorten merged into one stream; inzet with its cost). Issue 12
 * point 3 puts this behind a pm_row_source; these tests hold the rows the
 * same. Prints TAP. */
#include "rows.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "teststore.h"

/* The index of column `name` of kind, or -1. */
static int col(pm_rows_kind kind, const char *name)
{
    size_t n;
    const pm_rows_column *c = pm_rows_columns(kind, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(c[i].name, name) == 0)
            return (int)i;
    return -1;
}

static const char *text(const pm_row_value *v, pm_rows_kind kind, const char *name)
{
    int i = col(kind, name);
    return i >= 0 && v[i].present ? v[i].text : NULL;
}

/* Whether text column `name` holds want (false when it is empty). */
static int text_is(const pm_row_value *v, pm_rows_kind kind, const char *name,
                   const char *want)
{
    const char *t = text(v, kind, name);
    return t && strcmp(t, want) == 0;
}

static int num_is(const pm_row_value *v, pm_rows_kind kind, const char *name,
                  int64_t want)
{
    int i = col(kind, name);
    return i >= 0 && v[i].present && v[i].num == want;
}

static int absent(const pm_row_value *v, pm_rows_kind kind, const char *name)
{
    int i = col(kind, name);
    return i >= 0 && !v[i].present;
}

/* A check of one row's values, run while the row is current (its texts
 * stay valid only until the next row). */
typedef int (*row_check)(const pm_row_value *v);

/* Reads every row of kind: the ids joined by ',' into ids, and the result
 * of checks[i] on the row with id check_ids[i] into results[i]. Returns
 * the number of rows, -1 on failure. */

static long read_rows(const pm_context *ctx, pm_rows_kind kind, char *ids, size_t size,
                      const char *const *check_ids, const row_check *checks, int *results,
                      size_t nchecks)
{
    pm_rows *rows = NULL;
    char msg[256] = "";
    if (pm_rows_open(&rows, ctx, kind, msg, sizeof msg) != PM_OK) {
        printf("# pm_rows_open: %s\n", msg);
        return -1;
    }
    long n = 0;
    size_t used = 0;
    ids[0] = '\0';
    const pm_row_value *v;
    int rc;
    while ((rc = pm_rows_next(rows, &v, msg, sizeof msg)) == 1) {
        const char *id = v[0].text;
        int w = snprintf(ids + used, size - used, "%s%s", n ? "," : "", id);
        if (w > 0 && (size_t)w < size - used)
            used += (size_t)w;
        for (size_t i = 0; i < nchecks; i++)
            if (strcmp(id, check_ids[i]) == 0)
                results[i] = checks[i](v);
        n++;
    }
    pm_rows_close(rows);
    return rc == 0 ? n : -1;
}

/* ---- hulpvragen ------------------------------------------------------- */

#define HV PM_ROWS_HULPVRAGEN

/* H1, received Thu 17-04-2025: deadline Fri 25-04 (Goede Vrijdag counts,
 * Tweede Paasdag not); contact on the deadline: 5 working days, on time. */
static int h1(const pm_row_value *v)
{
    return num_is(v, HV, "Uiterste datum (5 werkdagen)", pm_day_from_ymd(2025, 4, 25)) &&
           num_is(v, HV, "Werkdagen tot contact", 5) &&
           text_is(v, HV, "Uitkomst", "op tijd") &&
           text_is(v, HV, "Naam organisatie", "Amsterdam") &&
           text_is(v, HV, "Regio", "Noord-West") && text_is(v, HV, "Type", "gemeente") &&
           text_is(v, HV, "Naam specialist", "Anna de Vries");
}

/* H2: contact on Saturday 26-04, a day after the deadline: late, though
 * no working day passed since Friday (still 5 working days). */
static int h2(const pm_row_value *v)
{
    return text_is(v, HV, "Uitkomst", "te laat") &&
           num_is(v, HV, "Werkdagen tot contact", 5);
}

/* H3, received Fri 27-06: deadline Fri 04-07 after the peildatum 30-06,
 * no contact: still running. */
static int h3(const pm_row_value *v)
{
    return text_is(v, HV, "Uitkomst", "lopend") && absent(v, HV, "Eerste contact") &&
           absent(v, HV, "Werkdagen tot contact") &&
           num_is(v, HV, "Uiterste datum (5 werkdagen)", pm_day_from_ymd(2025, 7, 4));
}

/* H4, received Wed 28-05: deadline Fri 06-06 (Hemelvaart and the decree
 * day 30-05 skipped), no contact by the peildatum. */
static int h4(const pm_row_value *v)
{
    return text_is(v, HV, "Uitkomst", "te laat (geen contact)") &&
           num_is(v, HV, "Uiterste datum (5 werkdagen)", pm_day_from_ymd(2025, 6, 6));
}

/* H6: contact on 01-07, after the peildatum: not known yet, so no contact
 * shown and the term (received Mon 23-06, deadline Mon 30-06) ran out on
 * the peildatum itself: still lopend. The Bron names file and line. */
static int h6(const pm_row_value *v)
{
    const char *bron = text(v, HV, "Bron");
    return absent(v, HV, "Eerste contact") && text_is(v, HV, "Uitkomst", "lopend") &&
           bron && strstr(bron, "rows-hulpvragen.csv:6") != NULL;
}

static void requests(sqlite3 *db, const pm_config *cfg)
{
    pm_report rep;
    run(&rep, db, cfg, "2025-Q2", NULL);
    CHECK(pm_rows_count(&test_snapshot.ctx, HV) == 5,
          "five_requests_received_in_the_quarter");
    char ids[256];
    const char *check_ids[] = {"H1", "H2", "H3", "H4", "H6"};
    const row_check checks[] = {h1, h2, h3, h4, h6};
    int results[5] = {0};
    long n =
        read_rows(&test_snapshot.ctx, HV, ids, sizeof ids, check_ids, checks, results, 5);
    /* By ontvangen, then import order: H2 and H1 share 17-04. */
    CHECK(n == 5, "the_iterator_gives_as_many_rows_as_the_count");
    CHECK_STR(ids, "H2,H1,H4,H6,H3", "requests_come_in_date_order_then_import_order");
    CHECK(results[0], "request_on_the_deadline_is_on_time_after_5_working_days");
    CHECK(results[1], "contact_the_saturday_after_the_deadline_is_late");
    CHECK(results[2], "request_within_its_term_is_lopend_without_contact");
    CHECK(results[3], "no_contact_past_the_deadline_is_late_without_contact");
    CHECK(results[4], "contact_after_the_peildatum_is_not_shown_yet");
    pm_report_free(&rep);
}

/* ---- evaluaties --------------------------------------------------------- */

#define EV PM_ROWS_EVALUATIES

static int e3(const pm_row_value *v)
{
    return num_is(v, EV, "Score", 71) && text_is(v, EV, "Soort", "specialist") &&
           text_is(v, EV, "Naam specialist", "Bram Jansen") &&
           text_is(v, EV, "Naam organisatie", "Werkbedrijf Rivierenland");
}

static void evaluations(sqlite3 *db, const pm_config *cfg)
{
    pm_report rep;
    run(&rep, db, cfg, "2025-Q2", NULL);
    char ids[256];
    const char *check_ids[] = {"E3"};
    const row_check checks[] = {e3};
    int results[1] = {0};
    long n =
        read_rows(&test_snapshot.ctx, EV, ids, sizeof ids, check_ids, checks, results, 1);
    /* Three soorten, one stream each, merged by date: E1 (10-04
     * ondersteuning), E3 (15-04 specialist), E2 (20-04 opdrachtgever), E4
     * (20-04 ondersteuning, imported after E2); E5 is in Q1. */
    CHECK(n == 4 && pm_rows_count(&test_snapshot.ctx, EV) == 4,
          "four_evaluations_in_the_quarter");
    CHECK_STR(ids, "E1,E3,E2,E4", "evaluations_of_all_soorten_merge_in_date_order");
    CHECK(results[0], "evaluation_row_has_score_in_tenths_and_names");
    pm_report_free(&rep);
}

/* ---- inzet -------------------------------------------------------------- */

#define IZ PM_ROWS_INZET

/* 2,5 hours × € 112,50 = € 281,25. */
static int i1(const pm_row_value *v)
{
    return num_is(v, IZ, "Uren", 250) && num_is(v, IZ, "Uurtarief", 11250) &&
           num_is(v, IZ, "Kosten", 28125) &&
           text_is(v, IZ, "Naam specialist", "Anna de Vries");
}

/* 0,01 hour × € 112,50 = € 1,125: rounded half up to € 1,13. */
static int i3(const pm_row_value *v)
{
    return num_is(v, IZ, "Uren", 1) && num_is(v, IZ, "Kosten", 113);
}

static void inzet(sqlite3 *db, const pm_config *cfg)
{
    pm_report rep;
    run(&rep, db, cfg, "2025-Q2", NULL);
    char ids[256];
    const char *check_ids[] = {"I1", "I3"};
    const row_check checks[] = {i1, i3};
    int results[2] = {0};
    long n =
        read_rows(&test_snapshot.ctx, IZ, ids, sizeof ids, check_ids, checks, results, 2);
    CHECK(n == 3 && pm_rows_count(&test_snapshot.ctx, IZ) == 3,
          "three_inzet_rows_in_the_quarter");
    CHECK_STR(ids, "I3,I1,I2", "inzet_comes_in_date_order");
    CHECK(results[0], "inzet_cost_is_hours_times_rate");
    CHECK(results[1], "inzet_cost_is_rounded_to_whole_cents");
    pm_report_free(&rep);
}

/* The iterator the top layer hands the workbook gives the same rows as
 * pm_rows_open/next, with the kind's title and columns, and a kind left
 * open is closed by the next open (no leak, no second reader). */
static void row_source(sqlite3 *db, const pm_config *cfg)
{
    pm_report rep;
    run(&rep, db, cfg, "2025-Q2", NULL);
    pm_rows_reader reader;
    pm_row_source src = pm_rows_source(&reader, &test_snapshot.ctx);
    pm_rows_table t = {0};
    char msg[256] = "", ids[256] = "";
    size_t used = 0;
    pm_error err = src.open(src.ctx, IZ, &t, msg, sizeof msg);
    const pm_row_value *v;
    int rc, n = 0, costs = 0;
    while (!err && (rc = src.next(src.ctx, &v, msg, sizeof msg)) == 1) {
        int w =
            snprintf(ids + used, sizeof ids - used, "%s%s", n++ ? "," : "", v[0].text);
        if (w > 0 && (size_t)w < sizeof ids - used)
            used += (size_t)w;
        costs += strcmp(v[0].text, "I3") == 0 && v[col(IZ, "Kosten")].num == 113;
    }
    CHECK(!err && t.title && strcmp(t.title, "Inzet") == 0 && t.ncols == 10 &&
              t.cols == pm_rows_columns(IZ, &(size_t){0}),
          "row_source_open_gives_the_title_and_columns_of_the_kind");
    CHECK_STR(ids, "I3,I1,I2", "row_source_gives_the_rows_in_date_order");
    CHECK(costs == 1, "row_source_values_are_those_of_pm_rows_next");
    /* Evaluaties opened over an unfinished Hulpvragen. */
    err = src.open(src.ctx, HV, &t, msg, sizeof msg);
    int first = !err && src.next(src.ctx, &v, msg, sizeof msg) == 1;
    err = src.open(src.ctx, EV, &t, msg, sizeof msg);
    n = 0;
    while (!err && src.next(src.ctx, &v, msg, sizeof msg) == 1)
        n++;
    CHECK(first && !err && n == pm_rows_count(&test_snapshot.ctx, EV) &&
              strcmp(t.title, "Evaluaties") == 0,
          "row_source_reopens_over_an_unfinished_kind");
    src.close(src.ctx);
    src.close(src.ctx); /* twice: nothing left to close */
    CHECK(reader.rows == NULL && src.next(src.ctx, &v, msg, sizeof msg) == 0,
          "row_source_after_close_gives_no_rows");
    pm_report_free(&rep);
}

static void columns(void)
{
    CHECK_STR(pm_rows_title(HV), "Hulpvragen", "sheet_title_hulpvragen");
    CHECK_STR(pm_rows_title(EV), "Evaluaties", "sheet_title_evaluaties");
    CHECK_STR(pm_rows_title(IZ), "Inzet", "sheet_title_inzet");
    size_t n;
    const pm_rows_column *c = pm_rows_columns(HV, &n);
    CHECK(n == 16 && strcmp(c[0].name, "Id") == 0 && c[5].type == PM_COL_DATE,
          "request_sheet_has_16_columns_starting_with_id");
    CHECK(col(IZ, "Kosten") >= 0 &&
              pm_rows_columns(IZ, &n)[col(IZ, "Kosten")].type == PM_COL_EURO,
          "inzet_cost_is_a_euro_column");
}

int main(void)
{
    store_setup();
    const char *files[] = {"hulpvragen.csv",
                           "id;organisatie;ontvangen;eerste_contact;specialist\n"
                           "H2;GM0363;2025-04-17;2025-04-26;\n"
                           "H1;GM0363;2025-04-17;2025-04-25;SP01\n"
                           "H3;GM0344;2025-06-27;;\n"
                           "H4;SOB001;2025-05-28;;\n"
                           "H6;GM0344;2025-06-23;2025-07-01;\n"
                           "H7;GM0363;2025-03-03;2025-03-20;\n",
                           "evaluaties.csv",
                           "id;organisatie;datum;soort;score;specialist;hulpvraag\n"
                           "E1;GM0363;2025-04-10;ondersteuning;7;;\n"
                           "E2;VNG;2025-04-20;opdrachtgever;8;;\n"
                           "E3;SOB001;2025-04-15;specialist;7,1;SP02;\n"
                           "E4;GM0344;2025-04-20;ondersteuning;6;;\n"
                           "E5;GM0344;2025-03-20;ondersteuning;6;;\n",
                           "inzet.csv",
                           "id;specialist;datum;uren;hulpvraag;omschrijving\n"
                           "I1;SP01;2025-05-10;2,5;;\n"
                           "I2;SP02;2025-06-10;1;;\n"
                           "I3;SP01;2025-04-02;0,01;;\n"
                           "I4;SP01;2025-03-10;1;;\n"};
    sqlite3 *db = make_store("rows", files, 3);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    columns();
    requests(db, &cfg);
    evaluations(db, &cfg);
    inzet(db, &cfg);
    row_source(db, &cfg);
    pm_config_free(&cfg);
    pm_store_close(db);
    store_cleanup();
    return tap_done();
}
