/* test_check.c — unit tests for engine/check.c: the warnings of `check` as
 * data (issue 12 point 4). A tiny store with one problem of every kind
 * gives the exact list of warning kinds, files, lines and values; the
 * listing cap lists fewer but counts all; the check command's report adds
 * the integrity, row counts and withdrawals. Prints TAP. */
#include "check.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "teststore.h"

static int same(const char *got, const char *want)
{
    return got && want ? strcmp(got, want) == 0 : got == want;
}

/* Whether warning w is of kind, from file:line, about id. */
static int is(const pm_warning *w, pm_warning_kind kind, const char *file, long long line,
              const char *id)
{
    return w->kind == kind && same(w->file, file) && w->line == line && same(w->id, id);
}

static pm_day day(int y, int m, int d)
{
    return pm_day_from_ymd(y, m, d);
}

static void every_kind(sqlite3 *db)
{
    pm_check_opts opts;
    pm_check_defaults(&opts);
    opts.uurtarief_cap_cent = 11000; /* SP01 (€ 112,50) and SP02 (€ 120) over it */
    pm_warnings ws;
    char msg[256] = "";
    pm_error err = pm_check_warnings(db, &opts, &ws, msg, sizeof msg);
    CHECK(err == PM_OK, "warnings_of_a_store_with_every_problem");
    if (err)
        printf("# %s\n", msg);
    CHECK(ws.n == 10 && ws.total == 10, "ten_warnings_listed_and_counted");
    if (ws.n != 10) {
        pm_warnings_free(&ws);
        return;
    }
    const pm_warning *w = ws.item;
    CHECK(is(&w[0], PM_WARN_TARIFF_OVER_CAP, "check-specialisten.csv", 2, "SP01") &&
              w[0].cents == 11250 && w[0].cap_cents == 11000,
          "tariff_over_cap_names_specialist_tariff_and_cap_in_cents");
    CHECK(is(&w[1], PM_WARN_TARIFF_OVER_CAP, "check-specialisten.csv", 3, "SP02") &&
              w[1].cents == 12000,
          "tariffs_over_cap_in_id_order");
    CHECK(is(&w[2], PM_WARN_NO_SPECIALIST, "check-hulpvragen.csv", 2, "H1") &&
              same(w[2].status, "open"),
          "request_without_specialist_with_its_status");
    CHECK(is(&w[3], PM_WARN_NO_SUBJECT, "check-hulpvragen.csv", 2, "H1"),
          "request_without_subject");
    CHECK(is(&w[4], PM_WARN_UNKNOWN_REQUEST, "check-evaluaties.csv", 2, "E1") &&
              same(w[4].request, "HX"),
          "evaluation_naming_an_unknown_request");
    CHECK(is(&w[5], PM_WARN_OUTSIDE_DATES, "check-inzet.csv", 2, "I1") &&
              same(w[5].specialist, "SP01") && w[5].day == day(2024, 6, 1),
          "inzet_before_the_specialists_start_with_its_date");
    CHECK(is(&w[6], PM_WARN_DUPLICATE, "check-hulpvragen.csv", 4, NULL) &&
              w[6].nids == 2 && same(w[6].ids[0], "H3") && same(w[6].ids[1], "H4") &&
              w[6].group_size == 2 && same(w[6].organisation, "GM0344") &&
              w[6].day == day(2025, 3, 5),
          "duplicate_group_with_ids_organisation_day_and_first_line");
    CHECK(is(&w[7], PM_WARN_DUPLICATE, "check-hulpvragen.csv", 6, NULL) &&
              w[7].nids == 3 && same(w[7].ids[2], "H7") && w[7].group_size == 3,
          "second_duplicate_group_of_three");
    CHECK(is(&w[8], PM_WARN_DONE_WITHOUT_DATE, "check-hulpvragen.csv", 3, "H2") &&
              w[8].status == NULL,
          "done_without_date");
    CHECK(is(&w[9], PM_WARN_DATE_WITHOUT_DONE, "check-hulpvragen.csv", 4, "H3") &&
              same(w[9].status, "lopend"),
          "date_without_done_with_its_status");
    size_t want[PM_WARN_NKINDS] = {2, 1, 1, 1, 1, 2, 1, 1};
    CHECK(memcmp(ws.found, want, sizeof want) == 0, "found_counts_each_kind");
    pm_warnings_free(&ws);
    CHECK(ws.item == NULL && ws.n == 0, "free_leaves_an_empty_list");
    pm_warnings_free(&ws); /* twice: a zeroed list is fine */
}

/* max_listed 1: one of each kind is listed, every one still counted. */
static void capped(sqlite3 *db)
{
    pm_check_opts opts;
    pm_check_defaults(&opts);
    opts.uurtarief_cap_cent = 11000;
    opts.max_listed = 1;
    pm_warnings ws;
    char msg[256] = "";
    pm_error err = pm_check_warnings(db, &opts, &ws, msg, sizeof msg);
    CHECK(err == PM_OK && ws.n == 8 && ws.total == 10 &&
              ws.found[PM_WARN_TARIFF_OVER_CAP] == 2 && ws.found[PM_WARN_DUPLICATE] == 2,
          "listing_cap_lists_one_per_kind_and_counts_all");
    CHECK(ws.n == 8 && same(ws.item[0].id, "SP01") &&
              ws.item[1].kind == PM_WARN_NO_SPECIALIST,
          "listing_cap_keeps_the_first_of_a_kind");
    pm_warnings_free(&ws);
}

/* A duplicate group of 300 requests keeps as many ids as a sentence shows
 * and says how large the group is. */
static void big_group(void)
{
    static char csv[300 * 64 + 128];
    size_t len = (size_t)snprintf(
        csv, sizeof csv, "id;organisatie;ontvangen;onderwerp;specialist;status\n");
    for (int i = 0; i < 300; i++)
        len += (size_t)snprintf(csv + len, sizeof csv - len,
                                "GROEP-%04d;GM0363;2025-02-03;juridisch;SP01;open\n", i);
    const char *files[] = {"hulpvragen.csv", csv};
    sqlite3 *db = make_store("big", files, 1);
    pm_check_opts opts;
    pm_check_defaults(&opts);
    pm_warnings ws;
    char msg[256] = "";
    pm_error err = pm_check_warnings(db, &opts, &ws, msg, sizeof msg);
    /* "GROEP-0000" is 10 bytes, 12 with ", ": 43 ids reach 512 bytes. */
    CHECK(err == PM_OK && ws.n == 1 && ws.item[0].group_size == 300 &&
              ws.item[0].nids == 43 && same(ws.item[0].ids[42], "GROEP-0042"),
          "big_duplicate_group_keeps_the_ids_a_sentence_shows");
    pm_warnings_free(&ws);
    pm_store_close(db);
}

/* The check command's report: integrity, rows per dataset, warnings and
 * withdrawals, each part marked as done. */
static void command_report(sqlite3 *db)
{
    pm_check_opts opts;
    pm_check_defaults(&opts);
    pm_check_report rep;
    char msg[256] = "";
    pm_error err = pm_check_run(db, &opts, &rep, msg, sizeof msg);
    CHECK(err == PM_OK && rep.integrity_ok && rep.nproblems == 0 && rep.counted &&
              rep.warned && rep.withdrawals_read,
          "check_report_has_every_part");
    CHECK(rep.rows[PM_HULPVRAGEN] == 7 && rep.rows[PM_SPECIALISTEN] == 11 &&
              rep.rows[PM_INZET] == 1,
          "check_report_counts_the_rows_of_each_dataset");
    /* The default cap (€ 120) leaves the tariffs alone. */
    CHECK(rep.warnings.total == 8 && rep.warnings.found[PM_WARN_TARIFF_OVER_CAP] == 0,
          "check_report_warnings_use_the_cap_of_the_options");
    CHECK(rep.nwithdrawn == 0 && rep.nlisted == 0, "check_report_without_withdrawals");
    pm_check_report_free(&rep);
    CHECK(rep.warnings.item == NULL && !rep.warned, "check_report_free_zeroes");
}

int main(void)
{
    (void)load_config; /* teststore.h's report helpers: not needed here */
    (void)run;
    store_setup();
    const char *files[] = {
        "hulpvragen.csv",
        "id;organisatie;ontvangen;onderwerp;specialist;status;afgerond_op\n"
        "H1;GM0363;2025-03-03;;;open;\n"
        "H2;GM0363;2025-03-03;juridisch;SP01;afgerond;\n"
        "H3;GM0344;2025-03-05;juridisch;SP01;lopend;2025-03-20\n"
        "H4;GM0344;2025-03-05;juridisch;SP03;open;\n"
        "H5;SOB001;2025-03-07;bedrijfsvoering;SP03;open;\n"
        "H6;SOB001;2025-03-07;bedrijfsvoering;SP04;open;\n"
        "H7;SOB001;2025-03-07;bedrijfsvoering;SP05;open;\n",
        "evaluaties.csv",
        "id;organisatie;datum;soort;score;specialist;hulpvraag\n"
        "E1;GM0363;2025-03-10;ondersteuning;8;;HX\n",
        "inzet.csv",
        "id;specialist;datum;uren;hulpvraag;omschrijving\n"
        "I1;SP01;2024-06-01;1;;\n"};
    sqlite3 *db = make_store("check", files, 3);
    every_kind(db);
    capped(db);
    command_report(db);
    pm_store_close(db);
    big_group();
    store_cleanup();
    return tap_done();
}
