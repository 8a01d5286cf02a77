/* test_indicators.c — each indicator (R1..R6, B) computed on a tiny store
 * made by hand: small CSV files imported through the import API into a
 * temporary database, the report run with a hand-written configuration,
 * and every figure compared with one worked out in the comment above it.
 * Prints TAP. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "teststore.h"

static int near(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static const pm_breakdown *breakdown(const pm_result *r, const char *key)
{
    for (size_t i = 0; r && i < r->nbreakdowns; i++)
        if (strcmp(r->breakdowns[i].key, key) == 0)
            return &r->breakdowns[i];
    return NULL;
}

/* The cell `key` of breakdown `bkey` in the periode or cumulatief table. */
static const pm_cell *cell(const pm_result *r, const char *bkey, int cum, const char *key)
{
    const pm_breakdown *b = breakdown(r, bkey);
    for (size_t i = 0; b && i < b->ncells; i++) {
        const pm_cell *c = cum ? &b->cumulatief[i] : &b->periode[i];
        if (strcmp(c->key, key) == 0)
            return c;
    }
    return NULL;
}

static int figures_are(const pm_figures *f, double teller, double noemer, double waarde,
                       pm_status status)
{
    int ok = near(f->teller, teller) && near(f->noemer, noemer) &&
             (noemer > 0 ? f->has_waarde && near(f->waarde, waarde) : !f->has_waarde) &&
             f->status == status;
    if (!ok)
        printf("#   got teller %g noemer %g waarde %g (%s) status %s\n", f->teller,
               f->noemer, f->waarde, f->has_waarde ? "set" : "none",
               pm_status_name(f->status));
    return ok;
}

static int cell_is(const pm_cell *c, double teller, double noemer, long n)
{
    int ok = c && near(c->teller, teller) && near(c->noemer, noemer) && c->n == n;
    if (!ok && c)
        printf("#   cell %s: teller %g noemer %g n %ld\n", c->key, c->teller, c->noemer,
               c->n);
    if (!c)
        printf("#   cell missing\n");
    return ok;
}

/* ---- R1: reactie binnen 5 werkdagen ---------------------------------- */

static void r1(void)
{
    /* Deadlines (SPEC §4): received Thu 17-04-2025 → Fri 25-04-2025 (Goede
     * Vrijdag counts, Tweede Paasdag not); Wed 30-04 → Thu 08-05 (5 mei
     * skipped); Wed 28-05 → Fri 06-06 (Hemelvaart and the decree day 30-05
     * skipped); Fri 27-06 → Fri 04-07. */
    const char *files[] = {
        "hulpvragen.csv",
        "id;organisatie;ontvangen;eerste_contact\n"
        "H1;GM0363;2025-04-17;2025-04-25\n" /* on the 5th day: on time */
        "H2;GM0363;2025-04-17;2025-04-26\n" /* the day after: late */
        "H3;GM0344;2025-06-27;\n"           /* term runs to 04-07 */
        "H4;SOB001;2025-05-28;\n"           /* none by 06-06: late */
        "H5;GM0344;2025-04-30;2025-05-08\n" /* 5th day: on time */
        "H6;GM0363;2025-05-12;2025-05-12\n" /* same day: 0 days */
        "H7;GM0363;2025-03-03;2025-03-20\n" /* Q1, late */
        "H8;GM0344;2025-07-01;2025-07-01\n" /* after the peildatum */};
    sqlite3 *db = make_store("r1", files, 1);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "R1");

    /* Periode 2025-Q2, peildatum 30-06: on time H1, H5, H6 = 3; late H2,
     * H4 = 2; H3 pending, left out. 3 / 5 = 0,6; Wilson's upper bound for
     * 3 of 5 is 0,882 < 0,9: rood. */
    CHECK(r && figures_are(&r->periode, 3, 5, 0.6, PM_ROOD),
          "r1_periode_is_3_on_time_of_5_pending_left_out_rood");
    CHECK(r && r->periode.has_interval && fabs(r->periode.hi - 0.8824) < 5e-4,
          "r1_periode_interval_is_wilson_of_3_of_5");
    /* Cumulatief 01-07-2024 .. 30-06-2025 adds H7 (late): 3 / 6. */
    CHECK(r && figures_are(&r->cumulatief, 3, 6, 0.5, PM_ROOD),
          "r1_cumulatief_adds_the_late_q1_request");
    CHECK(r && r->status == r->cumulatief.status, "r1_overall_status_is_the_cumulative");
    /* Noord-West (GM0363): H1, H6 on time, H2 late = 2 of 3. */
    CHECK(r && cell_is(cell(r, "regio", 0, "Noord-West"), 2, 3, 3),
          "r1_regio_noord_west_is_2_of_3");
    /* Midden (GM0344): H5 on time, H3 pending = 1 of 1. */
    CHECK(r && cell_is(cell(r, "regio", 0, "Midden"), 1, 1, 1),
          "r1_regio_midden_leaves_the_pending_request_out");
    /* SOB's: H4 late = 0 of 1. */
    CHECK(r && cell_is(cell(r, "type", 0, "sob"), 0, 1, 1), "r1_type_sob_is_0_of_1");
    /* The distribution counts every request of the periode (6), pending
     * too: H1 and H5 took exactly 5 working days. */
    CHECK(r && cell_is(cell(r, "werkdagen", 0, "5"), 2, 6, 2),
          "r1_two_requests_took_exactly_5_working_days");
    CHECK(r && cell_is(cell(r, "werkdagen", 0, "0"), 1, 6, 1),
          "r1_contact_on_the_day_of_receipt_is_0_working_days");
    CHECK(r && cell_is(cell(r, "werkdagen", 0, "meer_dan_5"), 2, 6, 2),
          "r1_late_requests_are_more_than_5");
    CHECK(r && cell_is(cell(r, "werkdagen", 0, "lopend"), 1, 6, 1),
          "r1_pending_request_is_lopend");
    pm_report_free(&rep);

    /* Peildatum 04-07 is H3's deadline: still pending, still left out. */
    run(&rep, db, &cfg, "2025-Q2", "2025-07-04");
    r = pm_report_find(&rep, "R1");
    CHECK(r && figures_are(&r->periode, 3, 5, 0.6, PM_ROOD),
          "r1_no_contact_on_the_deadline_itself_is_still_pending");
    pm_report_free(&rep);
    /* Peildatum 05-07, a day past it: H3 is late, 3 / 6. */
    run(&rep, db, &cfg, "2025-Q2", "2025-07-05");
    r = pm_report_find(&rep, "R1");
    CHECK(r && figures_are(&r->periode, 3, 6, 0.5, PM_ROOD),
          "r1_no_contact_a_day_past_the_deadline_is_late");
    pm_report_free(&rep);

    /* April only (peildatum 30-04): H1 on time, H2 late, H5 received on
     * the peildatum with its term running: 1 / 2, below min_n 5: grijs. */
    run(&rep, db, &cfg, "2025-04", NULL);
    r = pm_report_find(&rep, "R1");
    CHECK(r && figures_are(&r->periode, 1, 2, 0.5, PM_GRIJS),
          "r1_noemer_below_min_n_is_grijs");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* ---- R2: waardering ondersteuning ------------------------------------ */

static void r2(void)
{
    const char *files[] = {
        "evaluaties.csv",
        "id;organisatie;datum;soort;score;specialist;hulpvraag\n"
        "E1;GM0363;2025-04-10;ondersteuning;6,9;;\n"
        "E2;GM0363;2025-05-10;ondersteuning;7,1;;\n" /* mean exactly 7,0 */
        "E3;GM0344;2025-04-11;ondersteuning;6,9;;\n"
        "E4;GM0344;2025-05-11;ondersteuning;7,0;;\n" /* mean 6,95 */
        "E5;SOB001;2025-06-01;ondersteuning;8;;\n"
        "E6;VNG;2025-06-02;ondersteuning;3;;\n"       /* not a gemeente or SOB */
        "E7;GM0344;2025-03-15;ondersteuning;9;;\n"    /* Q1 */
        "E8;GM0363;2025-05-12;specialist;2;SP01;\n"}; /* another soort */
    sqlite3 *db = make_store("r2", files, 1);
    pm_config cfg;
    load_config(&cfg, 3, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "R2");

    /* Periode: GM0363 (6,9 + 7,1) / 2 = 7,0 satisfied; GM0344 (6,9 + 7,0)
     * / 2 = 6,95 not; SOB001 8 satisfied; VNG left out. 2 / 3 = 0,667;
     * Wilson's upper bound for 2 of 3 is 0,939 >= 0,8: oranje (min_n 3). */
    CHECK(r && figures_are(&r->periode, 2, 3, 2.0 / 3.0, PM_ORANJE),
          "r2_periode_is_2_satisfied_of_3_oranje");
    /* Cumulatief adds E7: GM0344 (6,9 + 7,0 + 9) / 3 = 7,63 satisfied: 3 / 3. */
    CHECK(r && figures_are(&r->cumulatief, 3, 3, 1.0, PM_GROEN),
          "r2_cumulatief_mean_of_three_scores_is_satisfied");
    const pm_cell *c = cell(r, "organisatie", 0, "GM0363");
    CHECK(c && near(c->waarde, 7.0) && near(c->teller, 14.0) && c->noemer == 2 &&
              strcmp(c->label, "Amsterdam") == 0,
          "r2_mean_of_6_9_and_7_1_is_exactly_7_0");
    CHECK(cell(r, "organisatie", 0, "VNG") == NULL,
          "r2_opdrachtgever_has_no_organisation_cell");
    /* Midden: GM0344 not satisfied = 0 of 1; Oost: SOB001 = 1 of 1. */
    CHECK(r && cell_is(cell(r, "regio", 0, "Midden"), 0, 1, 1),
          "r2_regio_midden_is_0_of_1");
    CHECK(r && cell_is(cell(r, "type", 0, "gemeente"), 1, 2, 2),
          "r2_type_gemeente_is_1_of_2");
    /* Histogram by whole score: 6,9 6,9 → "6", 7,1 7,0 → "7", 8 → "8";
     * five ondersteuning evaluations of gemeenten and SOB's. */
    CHECK(r && cell_is(cell(r, "scores", 0, "6"), 2, 5, 2) &&
              cell_is(cell(r, "scores", 0, "7"), 2, 5, 2),
          "r2_histogram_counts_whole_scores");
    pm_report_free(&rep);
    pm_config_free(&cfg);

    /* With min_n 5 the same 3 organisations are grijs. */
    load_config(&cfg, 5, 10);
    run(&rep, db, &cfg, "2025-Q2", NULL);
    r = pm_report_find(&rep, "R2");
    CHECK(r && figures_are(&r->periode, 2, 3, 2.0 / 3.0, PM_GRIJS),
          "r2_three_organisations_below_min_n_5_is_grijs");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* ---- R3: specialisten actief en gewaardeerd -------------------------- */

static void r3(void)
{
    const char *files[] = {
        "inzet.csv",
        "id;specialist;datum;uren;hulpvraag;omschrijving\n"
        "I01;SP01;2025-04-10;1;;\nI02;SP02;2025-04-10;1;;\nI03;SP03;2025-04-10;1;;\n"
        "I04;SP04;2025-04-10;1;;\nI05;SP05;2025-04-10;1;;\nI06;SP06;2025-04-10;1;;\n"
        "I07;SP07;2025-04-10;1;;\nI08;SP08;2025-04-10;1;;\nI09;SP09;2025-04-10;1;;\n"
        "I10;SP10;2025-06-10;1;;\n"  /* the tenth, in June */
        "I11;SP11;2025-02-10;1;;\n", /* Q1 only */
        "evaluaties.csv",
        "id;organisatie;datum;soort;score;specialist;hulpvraag\n"
        "E1;GM0363;2025-04-20;specialist;7,0;SP01;\n"
        "E2;GM0363;2025-04-21;specialist;6,9;SP02;\n"
        "E3;SOB001;2025-04-22;specialist;7,1;SP02;\n" /* SP02 mean exactly 7,0 */
        "E4;GM0344;2025-04-23;specialist;6,5;SP03;\n"
        "E5;GM0344;2025-04-24;specialist;8;SP04;\n"
        "E6;GM0363;2025-04-25;specialist;9;SP05;\n"
        "E7;GM0363;2025-05-05;specialist;7,5;SP11;\n"}; /* SP11 idle in Q2 */
    sqlite3 *db = make_store("r3", files, 2);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "R3");

    /* Periode: actief SP01..SP10 = 10. Rated: SP01 7,0, SP02 7,0, SP03
     * 6,5, SP04 8, SP05 9 = 5 (SP11's score does not count: no inzet in
     * Q2); good 4. 4 / 5 = 0,8 >= 0,8 and actief 10 >= 10: groen. */
    CHECK(r && figures_are(&r->periode, 4, 5, 0.8, PM_GROEN),
          "r3_periode_is_4_good_of_5_rated_with_10_active_groen");
    CHECK(r && r->periode.actief == 10 && r->periode.niet_beoordeeld == 5,
          "r3_periode_10_active_5_not_rated");
    /* Cumulatief: SP11 is active (Q1) and rated 7,5: 11 active, 5 / 6. */
    CHECK(r && figures_are(&r->cumulatief, 5, 6, 5.0 / 6.0, PM_GROEN) &&
              r->cumulatief.actief == 11 && r->cumulatief.niet_beoordeeld == 5,
          "r3_cumulatief_counts_the_q1_specialist");
    const pm_cell *c = cell(r, "specialist", 0, "SP02");
    CHECK(c && near(c->waarde, 7.0) && c->noemer == 2 &&
              strcmp(c->label, "Bram Jansen") == 0,
          "r3_specialist_cell_sp02_mean_is_exactly_7_0");
    c = cell(r, "specialist", 0, "SP11");
    CHECK(c && !c->has_waarde && c->n == 0,
          "r3_specialist_idle_in_the_periode_has_no_periode_score");
    pm_report_free(&rep);

    /* April and May: SP10 (June) is not active, 9 < 10: rood, whatever
     * the share (4 of 5 = 80%). */
    run(&rep, db, &cfg, "2025-04-01..2025-05-31", NULL);
    r = pm_report_find(&rep, "R3");
    CHECK(r && figures_are(&r->periode, 4, 5, 0.8, PM_ROOD) && r->periode.actief == 9,
          "r3_nine_active_is_rood_even_with_a_good_share");
    pm_report_free(&rep);
    pm_config_free(&cfg);

    /* With R3_actief 9 in the configuration the same range is groen. */
    load_config(&cfg, 5, 9);
    run(&rep, db, &cfg, "2025-04-01..2025-05-31", NULL);
    r = pm_report_find(&rep, "R3");
    CHECK(r && figures_are(&r->periode, 4, 5, 0.8, PM_GROEN),
          "r3_active_threshold_follows_the_configuration");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* SPEC §5: only evaluations from a gemeente or SOB rate a specialist. */
static void r3_rated_by_gemeente_or_sob_only(void)
{
    const char *files[] = {"inzet.csv",
                           "id;specialist;datum;uren;hulpvraag;omschrijving\n"
                           "I01;SP01;2025-04-10;1;;\n",
                           "evaluaties.csv",
                           "id;organisatie;datum;soort;score;specialist;hulpvraag\n"
                           "E1;VNG;2025-04-20;specialist;3;SP01;\n"};
    sqlite3 *db = make_store("r3vng", files, 2);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "R3");
    /* SP01 is active; the opdrachtgever's score does not rate it: 0 rated,
     * 1 niet beoordeeld. */
    if (r)
        printf("#   rated %g, niet beoordeeld %ld\n", r->periode.noemer,
               r->periode.niet_beoordeeld);
    CHECK(r && r->periode.noemer == 0 && r->periode.niet_beoordeeld == 1,
          "r3_a_score_from_the_opdrachtgever_does_not_rate_a_specialist");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* ---- R4 and R5: milestones ------------------------------------------- */

static void r4_r5(void)
{
    const char *files[] = {
        "mijlpalen.csv",
        "id;resultaat;omschrijving;gepland;gereed;bewijs\n"
        "M1;R4;Tool opgeleverd;2025-04-15;2025-04-15;\n"         /* on the day */
        "M2;R4;Eerste rapportage;2025-05-15;2025-05-20;\n"       /* 5 days late */
        "M3;R4;Tweede rapportage;2025-06-15;;\n"                 /* not done */
        "M4;R4;Evaluatie;2025-08-01;;\n"                         /* after peildatum */
        "M5;R4;Ontwerp;2025-03-01;2025-02-20;\n"                 /* Q1, early */
        "W1;R5;Website live;2025-05-01;2025-04-30;\n"            /* on time */
        "W2;R5;Toegankelijkheidsaudit;2025-06-20;2025-06-25;\n", /* late */
        "evaluaties.csv",
        "id;organisatie;datum;soort;score;specialist;hulpvraag\n"
        "E1;VNG;2025-04-10;opdrachtgever;8;;\n"
        "E2;VNG;2025-05-10;opdrachtgever;6;;\n"};
    sqlite3 *db = make_store("r4", files, 2);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r4 = pm_report_find(&rep, "R4");
    const pm_result *r5 = pm_report_find(&rep, "R5");

    /* R4 periode: due M1, M2, M3 (M4 after the peildatum); on time M1 =
     * 1 / 3; M3 not done by the peildatum: rood. Mean (8 + 6) / 2 = 7,0. */
    CHECK(r4 && figures_are(&r4->periode, 1, 3, 1.0 / 3.0, PM_ROOD),
          "r4_periode_one_on_time_of_three_one_undone_rood");
    CHECK(r4 && r4->periode.has_gemiddelde && near(r4->periode.gemiddelde, 7.0) &&
              r4->periode.n_gemiddelde == 2,
          "r4_opdrachtgever_mean_of_8_and_6_is_7_0");
    /* Cumulatief adds M5 (early): 2 / 4, still rood. */
    CHECK(r4 && figures_are(&r4->cumulatief, 2, 4, 0.5, PM_ROOD),
          "r4_cumulatief_adds_the_early_q1_milestone");
    /* M2's cell: due, done, late: 0 of 1, gepland and gereed dates. */
    const pm_cell *c = cell(r4, "mijlpalen", 0, "M2");
    CHECK(c && c->noemer == 1 && c->teller == 0 && c->has_d1 &&
              c->d1 == pm_day_from_ymd(2025, 5, 15) && c->has_d2 &&
              c->d2 == pm_day_from_ymd(2025, 5, 20) &&
              strcmp(c->label, "Eerste rapportage") == 0,
          "r4_late_milestone_cell_has_gepland_and_gereed");
    c = cell(r4, "mijlpalen", 0, "M3");
    CHECK(c && c->noemer == 1 && c->teller == 0 && !c->has_d2,
          "r4_undone_milestone_cell_has_no_gereed");
    CHECK(cell(r4, "mijlpalen", 0, "M4") == NULL,
          "r4_milestone_planned_after_the_peildatum_is_not_listed");

    /* R5 periode: W1 on time, W2 five days late: 1 / 2, all done, one
     * late: oranje. */
    CHECK(r5 && figures_are(&r5->periode, 1, 2, 0.5, PM_ORANJE),
          "r5_all_done_one_late_is_oranje");
    CHECK(r5 && !r5->periode.has_gemiddelde, "r5_has_no_opdrachtgever_mean");
    pm_report_free(&rep);

    /* Peildatum 24-06: W2's gereed (25-06) is not known yet: not done, rood. */
    run(&rep, db, &cfg, "2025-Q2", "2025-06-24");
    r5 = pm_report_find(&rep, "R5");
    CHECK(r5 && figures_are(&r5->periode, 1, 2, 0.5, PM_ROOD),
          "r5_gereed_after_the_peildatum_counts_as_not_done");
    pm_report_free(&rep);

    /* April: M1 on time and the April score 8: groen. */
    run(&rep, db, &cfg, "2025-04", NULL);
    r4 = pm_report_find(&rep, "R4");
    CHECK(r4 && figures_are(&r4->periode, 1, 1, 1.0, PM_GROEN) &&
              near(r4->periode.gemiddelde, 8.0),
          "r4_all_on_time_and_mean_8_is_groen");
    pm_report_free(&rep);

    /* 01-04 .. 14-05: M1 on time, M2 not yet due; scores 8 and 6, a mean
     * of exactly 7,0, which meets "mean >= 7": groen. */
    run(&rep, db, &cfg, "2025-04-01..2025-05-14", NULL);
    r4 = pm_report_find(&rep, "R4");
    CHECK(r4 && figures_are(&r4->periode, 1, 1, 1.0, PM_GROEN) &&
              near(r4->periode.gemiddelde, 7.0),
          "r4_mean_of_exactly_7_0_is_groen");
    pm_report_free(&rep);

    /* May: M2 done but late (oranje by the milestones), and the May score
     * 6 < 7: rood. */
    run(&rep, db, &cfg, "2025-05", NULL);
    r4 = pm_report_find(&rep, "R4");
    CHECK(r4 && figures_are(&r4->periode, 0, 1, 0.0, PM_ROOD) &&
              near(r4->periode.gemiddelde, 6.0),
          "r4_mean_below_7_is_rood");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* Two milestone ids of 100 characters (the most an id may have) that
 * differ only in the last one are two milestones (issue 12 point 2), and a
 * description longer than the old 160-byte label keeps every character. */
static void r4_long_ids_stay_apart(void)
{
    char id1[101], id2[101];
    memset(id1, 'x', 100);
    id1[0] = 'M';
    id1[100] = '\0';
    memcpy(id2, id1, sizeof id2);
    id1[99] = '1';
    id2[99] = '2';
    char omschrijving[201];
    memset(omschrijving, 'o', 200);
    omschrijving[0] = 'O';
    omschrijving[199] = 'z';
    omschrijving[200] = '\0';
    char csv[1024];
    snprintf(csv, sizeof csv,
             "id;resultaat;omschrijving;gepland;gereed;bewijs\n"
             "%s;R4;%s;2025-05-01;2025-05-01;\n"
             "%s;R4;Twee;2025-05-02;2025-05-02;\n",
             id1, omschrijving, id2);
    const char *files[] = {"mijlpalen.csv", csv};
    sqlite3 *db = make_store("r4long", files, 1);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "R4");
    const pm_breakdown *b = breakdown(r, "mijlpalen");
    CHECK(r && figures_are(&r->periode, 2, 2, 1.0, PM_GROEN) && b && b->ncells == 2,
          "r4_two_long_milestones_give_two_cells");
    for (size_t i = 0; b && i < b->ncells; i++)
        printf("#   cell %zu key of %zu characters, ends in '%c'\n", i,
               strlen(b->periode[i].key),
               b->periode[i].key[0] ? b->periode[i].key[strlen(b->periode[i].key) - 1]
                                    : '-');
    CHECK(b && b->ncells == 2 && strcmp(b->periode[0].key, id1) == 0 &&
              strcmp(b->periode[1].key, id2) == 0 &&
              strcmp(b->periode[0].key, b->periode[1].key) != 0,
          "r4_milestone_ids_of_100_characters_keep_distinct_keys");
    CHECK(b && b->ncells == 2 && b->periode[0].label &&
              strcmp(b->periode[0].label, omschrijving) == 0,
          "r4_description_of_200_characters_keeps_its_whole_label");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* ---- R6: kennisproducten --------------------------------------------- */

static void r6(void)
{
    const char *files[] = {
        "kennisproducten.csv",
        "id;titel;soort;gepubliceerd;pijler;kanalen;bereik\n"
        "K1;Webinar inkoop;webinar;2025-04-10;2;nieuwsbrief;0\n" /* a channel */
        "K2;Factsheet;factsheet;2025-05-10;2+3;;120\n"           /* reach only */
        "K3;Podcast;podcast;2025-06-10;3;;0\n"                   /* not spread */
        "K4;Handleiding;handleiding;2025-02-01;2;website;\n"     /* Q1 */
        "K5;Publicatie;publicatie;2025-07-15;2;website;10\n"     /* after peil */
        "K6;Concept;overig;;2;website;\n"                        /* unpublished */
        "K7;Bijeenkomst;kennisbijeenkomst;2024-10-01;2;;5\n"};   /* 2024-Q4 */
    sqlite3 *db = make_store("r6", files, 1);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "R6");

    /* Periode: K1 (kanaal) and K2 (bereik 120); K3 has neither: 2.
     * Cumulatief adds K4 and K7: 4. Target 5 not reached; pace: 4 × 549
     * programme days = 2.196 >= 5 × 365 days so far = 1.825: oranje, in
     * both objects (the status of the cumulative count). */
    CHECK(r && r->periode.aantal == 2 && near(r->periode.teller, 2) &&
              !r->periode.has_noemer && !r->periode.has_waarde &&
              r->periode.status == PM_ORANJE,
          "r6_periode_counts_2_spread_products_oranje");
    CHECK(r && r->cumulatief.aantal == 4 && r->cumulatief.status == PM_ORANJE,
          "r6_cumulatief_4_on_pace_for_5_is_oranje");
    CHECK(r && cell_is(cell(r, "soort", 0, "podcast"), 0, 2, 0),
          "r6_unspread_podcast_does_not_count");
    CHECK(r && cell_is(cell(r, "soort", 0, "factsheet"), 1, 2, 1),
          "r6_product_with_bereik_but_no_kanaal_counts");
    CHECK(r && cell_is(cell(r, "pijler", 0, "2+3"), 1, 2, 1),
          "r6_pijler_2_plus_3_counted");
    pm_report_free(&rep);

    /* Peildatum 30-09-2025: still 4 (K5 counts from 15-07: 5). 5 >= 5:
     * groen. */
    run(&rep, db, &cfg, "2025-Q3", NULL);
    r = pm_report_find(&rep, "R6");
    CHECK(r && r->cumulatief.aantal == 5 && r->cumulatief.status == PM_GROEN &&
              r->periode.aantal == 1,
          "r6_fifth_product_reaches_the_target_groen");
    pm_report_free(&rep);

    /* 2024-Q4 (peildatum 31-12-2024): 1 product; 1 × 549 < 5 × 184: rood. */
    run(&rep, db, &cfg, "2024-Q4", NULL);
    r = pm_report_find(&rep, "R6");
    CHECK(r && r->cumulatief.aantal == 1 && r->cumulatief.status == PM_ROOD,
          "r6_behind_pace_is_rood");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* ---- B: budget -------------------------------------------------------- */

static void b(void)
{
    const char *files[] = {"begroting.csv",
                           "id;jaar;kwartaal;post;bedrag\n"
                           "BG1;2025;;inhuur;40000\n"  /* whole year: 10.000 a quarter */
                           "BG2;2025;2;website;2000\n" /* Q2 only */
                           "BG3;2024;;overig;4000\n",  /* 2024 from 01-07: Q3 and Q4 */
                           "inzet.csv",
                           "id;specialist;datum;uren;hulpvraag;omschrijving\n"
                           "I1;SP01;2025-04-10;2,5;;\n" /* 2,5 × 112,50 = 281,25 */
                           "I2;SP02;2025-05-20;3;;\n"   /* 3 × 120 = 360 */
                           "I3;SP01;2025-01-15;2;;\n",  /* Q1: 225 */
                           "uitgaven.csv",
                           "id;datum;post;bedrag;omschrijving\n"
                           "U1;2025-04-15;website;500;bouw\n"
                           "U2;2025-06-01;website;-100;creditnota\n"
                           "U3;2025-02-01;overig;50;drukwerk\n"};
    sqlite3 *db = make_store("b", files, 3);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "B");

    /* Periode 2025-Q2: realisatie 281,25 + 360 + 500 − 100 = 1.041,25;
     * begroting ¼ × 40.000 + 2.000 = 12.000; uitputting 1.041,25 / 12.000.
     * Prognose: 2025-01-01..06-30 (181 days) realised 1.041,25 + 225 + 50 =
     * 1.316,25; × 365 / 181 = 2.654,32 <= jaarbegroting 42.000: groen. */
    CHECK(r && r->periode.realisatie_cent == 104125 &&
              r->periode.begroting_cent == 1200000 && r->periode.has_waarde &&
              near(r->periode.waarde, 1041.25 / 12000) && r->periode.status == PM_GROEN,
          "b_periode_realisatie_1041_25_of_begroting_12000");
    CHECK(r && r->periode.realisatie_cent == 104125 &&
              r->periode.begroting_cent == 1200000 && r->periode.has_begroting,
          "b_periode_realisatie_and_begroting_fields");
    /* Money is whole cents, not euros: B's teller and noemer stay 0. */
    CHECK(r && r->periode.teller == 0 && r->periode.noemer == 0 && r->periode.has_noemer,
          "b_money_is_in_the_cent_fields_not_in_teller_and_noemer");
    CHECK(r && r->cumulatief.prognose_cent == 265432 &&
              r->cumulatief.jaarbegroting_cent == 4200000,
          "b_prognose_extrapolates_181_days_to_365");
    CHECK(r && r->status == PM_GROEN, "b_prognose_within_jaarbegroting_is_groen");
    /* Posts: website 500 − 100 = 400 of 2.000 (20%); inhuur 641,25 of
     * ¼ × 40.000. */
    const pm_cell *c = cell(r, "post", 0, "website");
    CHECK(c && c->realisatie_cent == 40000 && c->begroting_cent == 200000 &&
              near(c->waarde, 0.2),
          "b_post_website_nets_the_credit_note");
    c = cell(r, "post", 0, "inhuur");
    CHECK(c && c->realisatie_cent == 64125 && c->begroting_cent == 1000000,
          "b_whole_year_line_gives_a_quarter_to_each_quarter_of_2025");
    /* Cumulatief realisatie adds Q1: 1.041,25 + 225 + 50 = 1.316,25. */
    CHECK(r && r->cumulatief.realisatie_cent == 131625,
          "b_cumulatief_realisatie_adds_q1");
    /* SPEC §5: a whole-year line goes in equal parts to the quarters of
     * its year inside the programme: 2024's 4.000 is 2.000 in Q3 and Q4.
     * Cumulatief begroting 2.000 + 2.000 + 10.000 + 12.000 = 26.000. */
    if (r)
        printf("#   cumulatief begroting %.2f\n",
               pm_cents_to_euros(r->cumulatief.begroting_cent));
    CHECK(r && r->cumulatief.begroting_cent == 2600000,
          "b_2024_year_line_is_split_over_the_two_programme_quarters");
    pm_report_free(&rep);

    /* Peildatum 2025-04-30, period April: realisatie 281,25 + 500 =
     * 781,25; begroting April = 12.000 × 30 / 91 = 3.956,04. */
    run(&rep, db, &cfg, "2025-04", NULL);
    r = pm_report_find(&rep, "B");
    CHECK(r && r->periode.realisatie_cent == 78125 && r->periode.begroting_cent == 395604,
          "b_month_gets_the_quarter_begroting_by_days");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* B's prognose against its marge: 36.500 for 2025, an expense of 18.100
 * by 30-06 (181 days) extrapolates to 18.100 × 365 / 181 = 36.500,00:
 * groen; one cent more is over: oranje (<= 1,05 ×). */
static void b_prognose_boundary(void)
{
    const char *files[] = {"begroting.csv",
                           "id;jaar;kwartaal;post;bedrag\nBG1;2025;;overig;36500\n",
                           "uitgaven.csv",
                           "id;datum;post;bedrag;omschrijving\n"
                           "U1;2025-02-01;overig;18100;\n"};
    sqlite3 *db = make_store("bmarge", files, 2);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r = pm_report_find(&rep, "B");
    CHECK(r && r->cumulatief.prognose_cent == 3650000 && r->status == PM_GROEN,
          "b_prognose_equal_to_jaarbegroting_is_groen");
    pm_report_free(&rep);
    pm_store_close(db);

    const char *more[] = {"begroting.csv",
                          "id;jaar;kwartaal;post;bedrag\nBG1;2025;;overig;36500\n",
                          "uitgaven.csv",
                          "id;datum;post;bedrag;omschrijving\n"
                          "U1;2025-02-01;overig;18100,01;\n"};
    db = make_store("bmarge2", more, 2);
    run(&rep, db, &cfg, "2025-Q2", NULL);
    r = pm_report_find(&rep, "B");
    CHECK(r && r->cumulatief.prognose_cent == 3650002 && r->status == PM_ORANJE,
          "b_prognose_a_cent_over_is_oranje");
    /* SPEC §5's status table: B's periode is judged on its own uitputting
     * (Q2: nothing spent of 9.125, 0%: groen), only the cumulatief on the
     * prognose. */
    CHECK(r && r->periode.status == PM_GROEN, "b_periode_status_is_its_own_uitputting");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

/* The category lists of the breakdowns are the value lists of the dataset
 * table (engine/dataset.c), in the same order: regio, type and onderwerp
 * of R1, R2's types, R6's soort and pijler, B's posts. Issue 12 point 5
 * makes them one list; until then this holds the copies together. */
static int keys_are(const pm_result *r, const char *bkey, pm_kind kind, const char *field,
                    size_t skip_last)
{
    const pm_breakdown *b = breakdown(r, bkey);
    const pm_dataset *ds = pm_dataset_get(kind);
    int fi = pm_dataset_field_index(ds, field);
    if (!b || fi < 0)
        return 0;
    const char *const *values = ds->fields[fi].values;
    size_t n = 0;
    while (values[n])
        n++;
    n -= skip_last;
    int ok = b->ncells == n;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(b->periode[i].key, values[i]) == 0 &&
             strcmp(b->cumulatief[i].key, values[i]) == 0;
    if (!ok)
        printf("#   %s.%s: %zu cells for %zu values\n", r->id, bkey, b->ncells, n);
    return ok;
}

static void lists_agree_with_the_datasets(void)
{
    sqlite3 *db = make_store("lists", NULL, 0);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    const pm_result *r1 = pm_report_find(&rep, "R1");
    const pm_result *r2 = pm_report_find(&rep, "R2");
    const pm_result *r6 = pm_report_find(&rep, "R6");
    const pm_result *b = pm_report_find(&rep, "B");
    CHECK(r1 && keys_are(r1, "regio", PM_ORGANISATIES, "regio", 0),
          "r1_regio_cells_are_the_six_regios_of_the_dataset");
    CHECK(r1 && keys_are(r1, "type", PM_ORGANISATIES, "type", 0),
          "r1_type_cells_are_the_organisation_types");
    CHECK(r1 && keys_are(r1, "onderwerp", PM_HULPVRAGEN, "onderwerp", 0),
          "r1_onderwerp_cells_are_the_expertises");
    /* R2 rates gemeenten and SOB's: the types without opdrachtgever. */
    CHECK(r2 && keys_are(r2, "type", PM_ORGANISATIES, "type", 1) &&
              keys_are(r2, "regio", PM_ORGANISATIES, "regio", 0),
          "r2_cells_are_the_dataset_regios_and_the_two_rated_types");
    CHECK(r6 && keys_are(r6, "soort", PM_KENNISPRODUCTEN, "soort", 0) &&
              keys_are(r6, "pijler", PM_KENNISPRODUCTEN, "pijler", 0),
          "r6_cells_are_the_product_soorten_and_pijlers");
    CHECK(b && keys_are(b, "post", PM_BEGROTING, "post", 0),
          "b_cells_are_the_begroting_posts");
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
}

static void registry_order(void)
{
    size_t n;
    const pm_indicator *const *list = pm_indicators(&n);
    static const char *const want[] = {"R1", "R2", "R3", "R4", "R5", "R6", "B"};
    int ok = n == 7;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(list[i]->id, want[i]) == 0;
    CHECK(ok, "registry_lists_r1_to_r6_then_b");
}

int main(void)
{
    store_setup();
    registry_order();
    r1();
    r2();
    r3();
    r3_rated_by_gemeente_or_sob_only();
    r4_r5();
    r4_long_ids_stay_apart();
    r6();
    b();
    b_prognose_boundary();
    lists_agree_with_the_datasets();
    store_cleanup();
    return tap_done();
}
