/* test_targets.c — target periods (SPEC §3): the running period and its
 * cumulatief, the eindstand and its oordeel, the last-day rule, ranges no
 * single target period holds, R6's pace in a follow-up period, and the
 * status reasons (SPEC §5) worded by the exporters. Prints TAP. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "labels.h"
#include "tap.h"
#include "teststore.h"

static pm_day ymd(int y, int m, int d)
{
    return pm_day_from_ymd(y, m, d);
}

/* The seed's programme and targets, with `extra` JSON keys after them
 * (a "vervolg" list, or nothing). */
static void config_with(pm_config *cfg, const char *extra)
{
    static int n;
    char name[32], text[2048];
    snprintf(name, sizeof name, "targets-config-%d.json", ++n);
    snprintf(text, sizeof text,
             "{\"programma\": {\"start\": \"2024-07-01\", \"einde\": \"2025-12-31\"},\n"
             " \"doelen\": {\"R1\": 0.9, \"R2\": 0.8, \"R3\": 0.8, \"R3_actief\": 10,\n"
             "             \"R4\": 1.0, \"R4_gemiddelde\": 7.0, \"R5\": 1.0, \"R6\": 5,\n"
             "             \"B_marge\": 1.05},\n"
             " \"min_n\": 5, \"min_cell\": 5%s}\n",
             extra);
    pm_config_defaults(cfg);
    char msg[512];
    if (pm_config_load(cfg, write_file(name, text), msg, sizeof msg) != PM_OK) {
        printf("Bail out! config: %s\n", msg);
        exit(1);
    }
}

static const char vervolg_2026[] =
    ",\n \"vervolg\": [{\"tot\": \"2026-12-31\", \"doelen\": {\"R6\": 4}}]";

static const char *reden(const char *id, const pm_figures *f, const pm_config *cfg)
{
    static char buf[320];
    pm_label_reden(id, f, cfg, buf, sizeof buf);
    printf("#   %s: %s — %s\n", id, pm_status_name(f->status), buf);
    return buf;
}

/* Ten requests in 2025-Q4 (`on_time` of them answered the same day, the
 * rest after three weeks) and five in January 2026, all on time. */
static sqlite3 *r1_store(const char *name, int on_time)
{
    static char csv[2048];
    size_t len =
        (size_t)snprintf(csv, sizeof csv, "id;organisatie;ontvangen;eerste_contact\n");
    for (int i = 1; i <= 10; i++) {
        if (i <= on_time)
            len += (size_t)snprintf(csv + len, sizeof csv - len,
                                    "H%02d;GM0363;2025-10-%02d;2025-10-%02d\n", i, i, i);
        else
            len += (size_t)snprintf(csv + len, sizeof csv - len,
                                    "H%02d;GM0363;2025-10-%02d;2025-11-20\n", i, i);
    }
    for (int i = 11; i <= 15; i++)
        len +=
            (size_t)snprintf(csv + len, sizeof csv - len,
                             "H%02d;GM0344;2026-01-%02d;2026-01-%02d\n", i, i - 6, i - 6);
    const char *files[] = {"hulpvragen.csv", csv};
    return make_store(name, files, 1);
}

static void eindstand_and_last_day(void)
{
    pm_config plain, more;
    config_with(&plain, "");
    config_with(&more, vervolg_2026);
    pm_report rep;

    /* Exactly at the target: 9 of 10 on time in the whole first period. */
    sqlite3 *db = r1_store("t-exact", 9);
    run(&rep, db, &plain, "2025-Q4", NULL);
    const pm_result *r = pm_report_find(&rep, "R1");
    CHECK(r && r->neindstanden == 1 && r->eindstanden[0].van == ymd(2024, 7, 1) &&
              r->eindstanden[0].tot == ymd(2025, 12, 31),
          "the_last_day_gives_the_eindstand_of_the_first_target_period");
    CHECK(r && r->neindstanden == 1 &&
              r->eindstanden[0].f.oordeel == PM_OORDEEL_GEHAALD &&
              r->eindstanden[0].f.teller == 9 && r->eindstanden[0].f.noemer == 10,
          "an_eindstand_exactly_at_the_target_is_gehaald");
    CHECK(r && r->cumulatief.status == PM_GROEN &&
              r->cumulatief.reden == PM_REDEN_OORDEEL,
          "on_the_last_day_the_running_status_follows_the_oordeel_groen");
    CHECK(r && strstr(reden("R1", &r->cumulatief, &plain),
                      "90,0% op tijd (9 van 10); doel "
                      "gehaald") != NULL,
          "reden_of_an_oordeel_quotes_the_figures_and_the_verdict");
    pm_report_free(&rep);
    pm_store_close(db);

    /* Short: 8 of 10. By the interval rule that would be oranje (the
     * upper bound 94% >= 90%); on the last day the verdict is in: rood. */
    db = r1_store("t-short", 8);
    run(&rep, db, &plain, "2025-Q4", NULL);
    r = pm_report_find(&rep, "R1");
    CHECK(r && r->neindstanden == 1 &&
              r->eindstanden[0].f.oordeel == PM_OORDEEL_NIET_GEHAALD,
          "an_eindstand_short_of_the_target_is_niet_gehaald");
    CHECK(r && r->cumulatief.status == PM_ROOD && r->status == PM_ROOD,
          "on_the_last_day_a_missed_target_is_rood_never_oranje");
    CHECK(r && r->periode.status == PM_ORANJE && r->periode.reden == PM_REDEN_REGEL,
          "a_quarter_inside_the_period_keeps_its_own_rule");
    CHECK(r && strstr(reden("R1", &r->periode, &plain),
                      "80,0% op tijd (8 van 10); het doel van 90% ligt binnen het "
                      "betrouwbaarheidsinterval") != NULL,
          "reden_r1_oranje_names_the_interval");
    pm_report_free(&rep);

    /* 2026-01-01 without a follow-up: no running target. */
    run(&rep, db, &plain, "2026-01-01..2026-01-01", NULL);
    r = pm_report_find(&rep, "R1");
    CHECK(rep.running == -1 && r && r->cumulatief.status == PM_GRIJS &&
              r->cumulatief.reden == PM_REDEN_GEEN_DOEL &&
              r->cumulatief.from == ymd(2024, 7, 1) && r->cumulatief.noemer == 10,
          "after_the_last_target_period_cumulatief_runs_from_the_start_and_is_grijs");
    CHECK(r &&
              strcmp(reden("R1", &r->cumulatief, &plain), "geen doel na 31-12-2025") == 0,
          "reden_geen_doel_na_names_the_last_day");
    CHECK(r && r->periode.status == PM_GRIJS && r->periode.reden == PM_REDEN_GEEN_DOEL,
          "a_periode_after_the_last_target_period_is_grijs");
    CHECK(r && r->neindstanden == 1 &&
              r->eindstanden[0].f.oordeel == PM_OORDEEL_NIET_GEHAALD,
          "the_eindstand_stays_after_the_period_ended");
    pm_report_free(&rep);

    /* 2026-01-01 with a follow-up: it is running, from its own start. */
    run(&rep, db, &more, "2026-01-01..2026-01-01", NULL);
    r = pm_report_find(&rep, "R1");
    CHECK(rep.running == 1 && r && r->cumulatief.from == ymd(2026, 1, 1) &&
              r->cumulatief.noemer == 0 && r->cumulatief.status == PM_GRIJS &&
              r->cumulatief.reden == PM_REDEN_REGEL,
          "with_a_follow_up_cumulatief_runs_from_its_start");
    pm_report_free(&rep);

    /* 2026-03-31: the five January requests, all on time. */
    run(&rep, db, &more, "2026-Q1", NULL);
    r = pm_report_find(&rep, "R1");
    CHECK(r && r->cumulatief.from == ymd(2026, 1, 1) && r->cumulatief.teller == 5 &&
              r->cumulatief.noemer == 5 && r->cumulatief.status == PM_GROEN &&
              r->neindstanden == 1,
          "in_a_follow_up_the_status_judges_its_own_figures");
    CHECK(r && r->trend[r->ntrend - 1].f.status == PM_GROEN && r->ntrend == 7,
          "the_trend_keeps_every_quarter_of_the_programme");
    pm_report_free(&rep);
    run(&rep, db, &plain, "2026-Q1", NULL);
    r = pm_report_find(&rep, "R1");
    CHECK(r && r->cumulatief.status == PM_GRIJS && r->cumulatief.noemer == 15 &&
              r->trend[r->ntrend - 1].f.status == PM_GRIJS &&
              r->trend[r->ntrend - 1].f.reden == PM_REDEN_GEEN_DOEL,
          "without_a_follow_up_2026_q1_is_grijs_in_cumulatief_and_trend");
    pm_report_free(&rep);

    /* A periode across the boundary. */
    run(&rep, db, &more, "2025-10-01..2026-03-31", NULL);
    r = pm_report_find(&rep, "R1");
    CHECK(r && r->periode.status == PM_GRIJS &&
              r->periode.reden == PM_REDEN_TWEE_DOELPERIODEN,
          "a_periode_across_two_target_periods_is_grijs");
    CHECK(r && strcmp(reden("R1", &r->periode, &more), "loopt over twee doelperioden") ==
                   0,
          "reden_loopt_over_twee_doelperioden");
    pm_report_free(&rep);
    run(&rep, db, &plain, "2025-10-01..2026-03-31", NULL);
    r = pm_report_find(&rep, "R1");
    CHECK(r && r->periode.status == PM_GRIJS && r->periode.reden == PM_REDEN_GEEN_DOEL,
          "a_periode_running_past_the_last_target_period_is_grijs");
    pm_report_free(&rep);

    /* The whole first period as the periode, asked for afterwards: the
     * verdict, never the interval's oranje. */
    run(&rep, db, &plain, "2024-07-01..2025-12-31", "2026-03-31");
    r = pm_report_find(&rep, "R1");
    CHECK(r && r->periode.status == PM_ROOD && r->periode.has_oordeel &&
              r->periode.teller == r->eindstanden[0].f.teller &&
              r->periode.noemer == r->eindstanden[0].f.noemer,
          "a_periode_that_is_a_whole_ended_target_period_carries_the_oordeel");
    pm_report_free(&rep);
    pm_store_close(db);
    pm_config_free(&plain);
    pm_config_free(&more);
}

/* R6 in a follow-up counts only what was published in it: five products in
 * 2025 reach the first target; one in February 2026 against a follow-up
 * target of 4 in 365 days: 1 × 365 >= 4 × 90 days so far: oranje (from the
 * programme start it would be 6 >= 4: groen). */
static void r6_pace_in_a_follow_up(void)
{
    const char *files[] = {"kennisproducten.csv",
                           "id;titel;soort;gepubliceerd;pijler;kanalen;bereik\n"
                           "K1;a;factsheet;2025-01-10;2;website;\n"
                           "K2;b;factsheet;2025-02-10;2;website;\n"
                           "K3;c;factsheet;2025-03-10;2;website;\n"
                           "K4;d;factsheet;2025-04-10;2;website;\n"
                           "K5;e;factsheet;2025-05-10;2;website;\n"
                           "K6;f;webinar;2026-02-01;2;website;\n"};
    sqlite3 *db = make_store("t-r6", files, 1);
    pm_config more;
    config_with(&more, vervolg_2026);
    pm_report rep;
    run(&rep, db, &more, "2026-Q1", NULL);
    const pm_result *r = pm_report_find(&rep, "R6");
    CHECK(r && r->cumulatief.aantal == 1 && r->cumulatief.aantal_doel == 1 &&
              r->cumulatief.status == PM_ORANJE && r->status == PM_ORANJE,
          "r6_in_a_follow_up_counts_products_published_in_it_and_its_pace");
    CHECK(r &&
              strstr(
                  reden("R6", &r->cumulatief, &more),
                  "1 kennisproducten in de doelperiode; op schema voor het doel van 4") !=
                  NULL,
          "reden_r6_oranje_is_op_schema_with_numbers");
    CHECK(r && r->neindstanden == 1 && r->eindstanden[0].f.aantal == 5 &&
              r->eindstanden[0].f.oordeel == PM_OORDEEL_GEHAALD,
          "r6_eindstand_of_the_first_period_is_gehaald");
    pm_report_free(&rep);
    pm_store_close(db);
    pm_config_free(&more);
}

/* R4 with a milestone done late: oranje "alle 2 mijlpalen gereed, 1 te
 * laat" while running (never "binnen bereik"), and rood once the period is
 * over. */
static void r4_late_milestone(void)
{
    const char *files[] = {"mijlpalen.csv",
                           "id;resultaat;omschrijving;gepland;gereed;bewijs\n"
                           "M1;R4;eerste rapportage;2025-03-01;2025-03-10;\n"
                           "M2;R4;tweede rapportage;2025-06-01;2025-05-01;\n"};
    sqlite3 *db = make_store("t-r4", files, 1);
    pm_config plain;
    config_with(&plain, "");
    pm_report rep;
    run(&rep, db, &plain, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "R4");
    CHECK(r && r->cumulatief.status == PM_ORANJE &&
              strcmp(reden("R4", &r->cumulatief, &plain),
                     "alle 2 mijlpalen gereed, 1 te laat") == 0,
          "reden_r4_oranje_is_alles_gereed_n_te_laat");
    pm_report_free(&rep);
    run(&rep, db, &plain, "2025-Q4", NULL);
    r = pm_report_find(&rep, "R4");
    CHECK(r && r->cumulatief.status == PM_ROOD && r->neindstanden == 1 &&
              r->eindstanden[0].f.oordeel == PM_OORDEEL_NIET_GEHAALD,
          "r4_with_a_late_milestone_is_niet_gehaald_at_the_end");
    pm_report_free(&rep);
    pm_store_close(db);
    pm_config_free(&plain);
}

/* B: a year without a begroting in a running follow-up period. */
static void b_reasons(void)
{
    const char *files[] = {"begroting.csv",
                           "id;jaar;kwartaal;post;bedrag\n"
                           "BG1;2025;;overig;40000\n",
                           "uitgaven.csv",
                           "id;datum;post;bedrag;omschrijving\n"
                           "U1;2025-02-01;overig;11000;\n"};
    sqlite3 *db = make_store("t-b", files, 2);
    pm_config cfg;
    config_with(&cfg, ",\n \"vervolg\": [{\"tot\": \"2027-12-31\"}]");
    pm_report rep;
    run(&rep, db, &cfg, "2027-Q1", NULL);
    const pm_result *r = pm_report_find(&rep, "B");
    CHECK(r && r->cumulatief.status == PM_GRIJS &&
              strcmp(reden("B", &r->cumulatief, &cfg), "geen begroting voor 2027") == 0,
          "reden_b_grijs_is_geen_begroting_voor_the_year");
    pm_report_free(&rep);
    /* 2025-Q1: 11.000 of 10.000 is 110%: rood, whatever the prognose. */
    run(&rep, db, &cfg, "2025-Q1", NULL);
    r = pm_report_find(&rep, "B");
    CHECK(r && r->periode.status == PM_ROOD &&
              strcmp(reden("B", &r->periode, &cfg),
                     "uitputting 110,0%, meer dan 5% boven de begroting") == 0,
          "reden_b_periode_is_its_uitputting");
    pm_report_free(&rep);
    pm_store_close(db);
    pm_config_free(&cfg);
}

int main(void)
{
    (void)load_config; /* teststore.h's: these tests write their own */
    store_setup();
    eindstand_and_last_day();
    r6_pace_in_a_follow_up();
    r4_late_milestone();
    b_reasons();
    store_cleanup();
    return tap_done();
}
