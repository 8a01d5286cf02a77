/* test_disclosure_filter.c — extern control of filtered figures (SPEC §9,
 * issue 14 points 2 and 4) on hand-made national and filtered reports: a
 * regio or type figure shows what the national report shows, intersections
 * and R3 are hidden when small, trend and breakdowns never show. */
#include <stdlib.h>
#include <string.h>

#include "disclosure.h"
#include "tap.h"

#define M 5 /* min_cell */

typedef struct cellspec {
    const char *key;
    long t, n;
    pm_suppress mark;
} cellspec;

static void fill_cells(pm_cell *c, const cellspec *s, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        c[i].key = strdup(s[i].key);
        c[i].teller = (double)s[i].t;
        c[i].noemer = (double)s[i].n;
        c[i].n = s[i].n;
        c[i].suppress = s[i].mark;
    }
}

/* A breakdown with the same cells for periode and cumulatief. */
static void breakdown(pm_breakdown *b, const char *key, const cellspec *s, size_t k)
{
    b->key = key;
    b->counts_people = true;
    b->disclosure_done = true;
    b->ncells = k;
    b->periode = calloc(k, sizeof *b->periode);
    b->cumulatief = calloc(k, sizeof *b->cumulatief);
    fill_cells(b->periode, s, k);
    fill_cells(b->cumulatief, s, k);
}

static void figures(pm_figures *f, long t, long n, pm_day from, pm_day to)
{
    memset(f, 0, sizeof *f);
    f->from = from;
    f->to = to;
    f->teller = (double)t;
    f->noemer = (double)n;
    f->has_noemer = true;
    f->has_waarde = n > 0;
    f->waarde = n > 0 ? (double)t / (double)n : 0;
    f->has_interval = n > 0;
    f->status = PM_GROEN;
}

/* The national R1: regios Noord 20/30 shown, Oost 3/4 primair, Zuid 5/9
 * secundair; types gemeente 25/38 shown, sob 3/5 shown. */
static const cellspec nat_regio[] = {{"Noord", 20, 30, PM_SUPPRESS_NONE},
                                     {"Oost", 3, 4, PM_SUPPRESS_PRIMAIR},
                                     {"Zuid", 5, 9, PM_SUPPRESS_SECUNDAIR}};
static const cellspec nat_type[] = {{"gemeente", 25, 38, PM_SUPPRESS_NONE},
                                    {"sob", 3, 5, PM_SUPPRESS_NONE}};

static pm_report national(void)
{
    pm_report rep = {0};
    rep.nresults = 1;
    rep.results = calloc(1, sizeof *rep.results);
    pm_result *r = &rep.results[0];
    r->id = "R1";
    figures(&r->periode, 28, 43, 100, 190);
    figures(&r->cumulatief, 28, 43, 10, 190);
    r->nbreakdowns = 2;
    r->breakdowns = calloc(2, sizeof *r->breakdowns);
    breakdown(&r->breakdowns[0], "regio", nat_regio, 3);
    breakdown(&r->breakdowns[1], "type", nat_type, 2);
    return rep;
}

static const char *one_regio[1], *two_regios[2], *one_org[1];

/* A filtered report: R1 with t/n in both ranges (periode 100..190,
 * cumulatief 10..190), a breakdown, two trend points and one eindstand on
 * the cumulatief range; R3 with `rated` of 7 active; R4 unfiltered. */
static pm_report filtered(pm_filter flt, long t, long n, long rated)
{
    pm_report rep = {0};
    rep.scope.filter = flt;
    rep.nresults = 3;
    rep.results = calloc(3, sizeof *rep.results);
    pm_result *r = &rep.results[0];
    r->id = "R1";
    r->gefilterd = true;
    figures(&r->periode, t, n, 100, 190);
    figures(&r->cumulatief, t, n, 10, 190);
    r->nbreakdowns = 1;
    r->breakdowns = calloc(1, sizeof *r->breakdowns);
    breakdown(&r->breakdowns[0], "onderwerp", nat_type, 2);
    r->ntrend = 2;
    r->trend = calloc(2, sizeof *r->trend);
    figures(&r->trend[0].f, 2, 3, 10, 99);
    figures(&r->trend[0].eerder, 1, 2, 10, 99);
    r->trend[0].herzien = true;
    figures(&r->trend[1].f, t - 2, n - 3, 100, 190);
    r->neindstanden = 2;
    r->eindstanden = calloc(2, sizeof *r->eindstanden);
    figures(&r->eindstanden[0].f, t, n, 10, 190);
    r->eindstanden[0].f.has_oordeel = true;
    r->eindstanden[0].f.oordeel = PM_OORDEEL_GEHAALD;
    figures(&r->eindstanden[1].f, t, n, 10, 150);
    pm_result *r3 = &rep.results[1];
    r3->id = "R3";
    r3->gefilterd = true;
    figures(&r3->periode, rated, rated, 100, 190);
    r3->periode.actief = 7;
    r3->periode.niet_beoordeeld = 7 - rated;
    r3->cumulatief = r3->periode;
    pm_result *r4 = &rep.results[2];
    r4->id = "R4";
    figures(&r4->periode, 1, 2, 100, 190);
    r4->cumulatief = r4->periode;
    return rep;
}

static void report_free(pm_report *rep)
{
    for (size_t i = 0; i < rep->nresults; i++)
        pm_result_free(&rep->results[i]);
    free(rep->results);
}

static pm_filter regios(const char *a, const char *b)
{
    pm_filter f = {0};
    if (b) {
        two_regios[0] = a;
        two_regios[1] = b;
        f.regios = two_regios;
        f.nregios = 2;
    } else {
        one_regio[0] = a;
        f.regios = one_regio;
        f.nregios = 1;
    }
    return f;
}

/* Runs the control for filter f on R1 = t/n (R3: 6 rated); returns R1. */
static pm_report run(pm_filter f, long t, long n)
{
    pm_report nat = national();
    pm_report rep = filtered(f, t, n, 6);
    pm_disclosure_filter(&rep, &nat, M);
    report_free(&nat);
    return rep;
}

static void a_shown_regio_cell_is_shown_exactly(void)
{
    pm_report rep = run(regios("Noord", NULL), 20, 30);
    const pm_result *r = &rep.results[0];
    CHECK(r->periode.suppress == PM_SUPPRESS_NONE &&
              r->cumulatief.suppress == PM_SUPPRESS_NONE,
          "regio_shown_nationally_is_shown_filtered");
    CHECK(r->cumulatief.teller == 20 && r->cumulatief.noemer == 30 &&
              r->cumulatief.has_waarde,
          "its_figures_stay");
    CHECK(r->eindstanden[0].f.suppress == PM_SUPPRESS_NONE &&
              r->eindstanden[0].f.oordeel == PM_OORDEEL_GEHAALD,
          "eindstand_equal_to_the_cumulatief_follows_it");
    CHECK(r->eindstanden[1].f.suppress == PM_SUPPRESS_SECUNDAIR &&
              r->eindstanden[1].f.oordeel == PM_OORDEEL_GEEN_GEGEVENS &&
              !r->eindstanden[1].f.has_waarde,
          "eindstand_on_another_range_is_hidden_with_its_verdict");
    report_free(&rep);
}

static void a_small_regio_is_primair_and_emptied(void)
{
    pm_report rep = run(regios("Oost", NULL), 3, 4);
    const pm_result *r = &rep.results[0];
    CHECK(r->periode.suppress == PM_SUPPRESS_PRIMAIR &&
              r->cumulatief.suppress == PM_SUPPRESS_PRIMAIR,
          "regio_of_4_is_primair");
    CHECK(r->cumulatief.teller == 0 && r->cumulatief.noemer == 0 &&
              !r->cumulatief.has_waarde && !r->cumulatief.has_interval &&
              r->cumulatief.status == PM_GRIJS && r->status == PM_GRIJS,
          "hidden_figure_keeps_no_value_no_interval_status_grijs");
    report_free(&rep);
}

static void a_secondary_regio_stays_secundair(void)
{
    pm_report rep = run(regios("Zuid", NULL), 5, 9);
    CHECK(rep.results[0].cumulatief.suppress == PM_SUPPRESS_SECUNDAIR,
          "regio_hidden_secundair_nationally_is_hidden_secundair");
    report_free(&rep);
}

static void a_figure_unlike_the_national_cell_is_hidden(void)
{
    pm_report rep = run(regios("Noord", NULL), 21, 30);
    CHECK(rep.results[0].cumulatief.suppress == PM_SUPPRESS_SECUNDAIR,
          "figure_that_is_not_the_national_cell_is_hidden_in_doubt");
    report_free(&rep);
}

static void unions(void)
{
    /* Oost + Zuid = the total minus Noord: the national report gives it. */
    pm_report rep = run(regios("Oost", "Zuid"), 8, 13);
    CHECK(rep.results[0].cumulatief.suppress == PM_SUPPRESS_NONE,
          "union_of_the_hidden_cells_beside_shown_ones_is_shown");
    report_free(&rep);
    /* Noord + Oost holds a hidden cell and Zuid, hidden, lies outside. */
    rep = run(regios("Noord", "Oost"), 23, 34);
    CHECK(rep.results[0].cumulatief.suppress == PM_SUPPRESS_SECUNDAIR,
          "union_holding_a_hidden_cell_with_hidden_ones_outside_is_hidden");
    report_free(&rep);
}

/* A regio × type table: regios Noord and Zuid, types gemeente and sob.
 * Clean: Noord 20/30 = 14/21 + 6/9, Zuid 10/15 = 7/10 + 3/5. Not clean:
 * Zuid 10/15 = 8/12 + 2/3 (a sob cell of 3). */
static const cellspec clean_regio[] = {{"Noord", 20, 30, PM_SUPPRESS_NONE},
                                       {"Zuid", 10, 15, PM_SUPPRESS_NONE}};
static const cellspec clean_type[] = {{"gemeente", 21, 31, PM_SUPPRESS_NONE},
                                      {"sob", 9, 14, PM_SUPPRESS_NONE}};
static const cellspec clean_gem[] = {{"Noord", 14, 21, PM_SUPPRESS_NONE},
                                     {"Zuid", 7, 10, PM_SUPPRESS_NONE}};
static const cellspec clean_sob[] = {{"Noord", 6, 9, PM_SUPPRESS_NONE},
                                     {"Zuid", 3, 5, PM_SUPPRESS_NONE}};
static const cellspec dirty_type[] = {{"gemeente", 22, 33, PM_SUPPRESS_NONE},
                                      {"sob", 8, 12, PM_SUPPRESS_NONE}};
static const cellspec dirty_gem[] = {{"Noord", 14, 21, PM_SUPPRESS_NONE},
                                     {"Zuid", 8, 12, PM_SUPPRESS_NONE}};
static const cellspec dirty_sob[] = {{"Noord", 6, 9, PM_SUPPRESS_NONE},
                                     {"Zuid", 2, 3, PM_SUPPRESS_NONE}};
static const cellspec margin_hidden[] = {{"Noord", 20, 30, PM_SUPPRESS_NONE},
                                         {"Zuid", 10, 15, PM_SUPPRESS_SECUNDAIR}};
static const char *type_gem[] = {"gemeente"}, *type_sob[] = {"sob"};

/* An R1 report with one breakdown: national (regio and type) or a column. */
static void one_r1(pm_report *rep, const cellspec *a, const char *akey, const cellspec *b,
                   const char *bkey)
{
    rep->nresults = 1;
    rep->results = calloc(1, sizeof *rep->results);
    pm_result *r = &rep->results[0];
    r->id = "R1";
    r->nbreakdowns = b ? 2 : 1;
    r->breakdowns = calloc(2, sizeof *r->breakdowns);
    breakdown(&r->breakdowns[0], akey, a, 2);
    if (b)
        breakdown(&r->breakdowns[1], bkey, b, 2);
}

/* R1 of Noord ∩ gemeente = t/n against the clean or the other table;
 * with_columns false: without the table. */
static pm_suppress intersection_in(const cellspec *regio, bool clean, bool with_columns,
                                   long t, long n)
{
    pm_report nat, cols[2];
    memset(&nat, 0, sizeof nat);
    memset(cols, 0, sizeof cols);
    one_r1(&nat, regio, "regio", clean ? clean_type : dirty_type, "type");
    one_r1(&cols[0], clean ? clean_gem : dirty_gem, "regio", NULL, NULL);
    cols[0].scope.filter = (pm_filter){.types = type_gem, .ntypes = 1};
    one_r1(&cols[1], clean ? clean_sob : dirty_sob, "regio", NULL, NULL);
    cols[1].scope.filter = (pm_filter){.types = type_sob, .ntypes = 1};
    pm_filter f = regios("Noord", NULL);
    f.types = type_gem;
    f.ntypes = 1;
    pm_report rep = filtered(f, t, n, 6);
    pm_disclosure_filter_cross(&rep, &nat, with_columns ? cols : NULL,
                               with_columns ? 2 : 0, M);
    pm_suppress got = rep.results[0].cumulatief.suppress;
    if (rep.results[0].periode.suppress != got)
        got = (pm_suppress)99; /* the two ranges must agree here */
    report_free(&rep);
    report_free(&nat);
    report_free(&cols[0]);
    report_free(&cols[1]);
    return got;
}

static pm_suppress intersection(bool clean, bool with_columns, long t, long n)
{
    return intersection_in(clean_regio, clean, with_columns, t, n);
}

static void intersections(void)
{
    CHECK(intersection(true, true, 14, 21) == PM_SUPPRESS_NONE,
          "intersection_in_a_table_without_small_cells_is_shown");
    CHECK(intersection(false, true, 14, 21) == PM_SUPPRESS_SECUNDAIR,
          "intersection_is_hidden_when_another_cell_of_the_table_is_small");
    CHECK(intersection(true, false, 14, 21) == PM_SUPPRESS_SECUNDAIR,
          "intersection_without_the_table_is_hidden");
    CHECK(intersection(true, true, 15, 21) == PM_SUPPRESS_SECUNDAIR,
          "intersection_unlike_its_table_cell_is_hidden_in_doubt");
    CHECK(intersection(true, true, 2, 3) == PM_SUPPRESS_PRIMAIR,
          "small_intersection_is_primair");
    CHECK(intersection_in(margin_hidden, true, true, 14, 21) == PM_SUPPRESS_SECUNDAIR,
          "intersection_beside_a_hidden_national_cell_is_hidden");
}

static void r3_small_rated_is_hidden_keeping_actief(void)
{
    pm_report nat = national();
    pm_report rep = filtered(regios("Noord", NULL), 20, 30, 4);
    pm_disclosure_filter(&rep, &nat, M);
    const pm_figures *f = &rep.results[1].cumulatief;
    CHECK(f->suppress == PM_SUPPRESS_PRIMAIR && !f->has_waarde && f->noemer == 0,
          "r3_with_4_rated_is_primair");
    CHECK(f->actief == 7 && f->niet_beoordeeld == 0,
          "r3_keeps_actief_and_drops_niet_beoordeeld");
    report_free(&rep);
    rep = filtered(regios("Noord", NULL), 20, 30, 5);
    pm_disclosure_filter(&rep, &nat, M);
    CHECK(rep.results[1].cumulatief.suppress == PM_SUPPRESS_NONE &&
              rep.results[1].cumulatief.has_waarde,
          "r3_with_5_rated_is_shown");
    report_free(&rep);
    report_free(&nat);
}

static void trend_and_breakdowns_never_show(void)
{
    pm_report rep = run(regios("Noord", NULL), 20, 30);
    const pm_result *r = &rep.results[0];
    CHECK(r->ntrend == 2 && r->trend[0].f.suppress == PM_SUPPRESS_PRIMAIR &&
              r->trend[1].f.suppress == PM_SUPPRESS_SECUNDAIR,
          "every_trend_point_is_hidden");
    CHECK(!r->trend[1].f.has_waarde && r->trend[1].f.teller == 0 &&
              r->trend[0].eerder.suppress != PM_SUPPRESS_NONE && !r->trend[0].herzien,
          "trend_points_and_their_eerder_are_emptied");
    CHECK(r->nbreakdowns == 0 && r->breakdowns == NULL, "breakdowns_are_left_out");
    CHECK(rep.results[2].periode.suppress == PM_SUPPRESS_NONE &&
              rep.results[2].periode.has_waarde,
          "unfiltered_r4_is_untouched");
    report_free(&rep);
}

static void no_filter_changes_nothing(void)
{
    pm_filter none = {0};
    pm_report rep = run(none, 3, 4);
    CHECK(rep.results[0].cumulatief.suppress == PM_SUPPRESS_NONE &&
              rep.results[0].nbreakdowns == 1 && rep.results[0].cumulatief.teller == 3,
          "without_a_filter_nothing_is_hidden");
    report_free(&rep);
}

static void organisation_filter_hides_everything(void)
{
    pm_filter f = {0};
    one_org[0] = "0363";
    f.orgs = one_org;
    f.norgs = 1;
    pm_report rep = run(f, 20, 30);
    CHECK(rep.results[0].cumulatief.suppress == PM_SUPPRESS_SECUNDAIR,
          "organisation_filter_in_extern_is_hidden_should_it_get_here");
    report_free(&rep);
}

static void comparisons(void)
{
    pm_report rep = run(regios("Oost", NULL), 3, 4);
    pm_comparison *v = &rep.results[0].vergelijking;
    v->present = true;
    figures(&v->f, 10, 20, 0, 90);
    v->has_verschil = true;
    v->verschil = 0.25;
    v->has_interval = v->significant = true;
    pm_comparison *v4 = &rep.results[2].vergelijking;
    v4->present = v4->has_verschil = true;
    pm_disclosure_comparisons(&rep);
    CHECK(v->suppress == PM_SUPPRESS_PRIMAIR && !v->has_verschil && !v->has_interval &&
              !v->significant,
          "comparison_with_a_hidden_figure_says_nothing_of_the_difference");
    CHECK(v->f.has_waarde, "the_earlier_figure_keeps_its_own_mark");
    CHECK(v4->suppress == PM_SUPPRESS_NONE && v4->has_verschil,
          "comparison_of_shown_figures_stays");
    report_free(&rep);
}

int main(void)
{
    a_shown_regio_cell_is_shown_exactly();
    a_small_regio_is_primair_and_emptied();
    a_secondary_regio_stays_secundair();
    a_figure_unlike_the_national_cell_is_hidden();
    unions();
    intersections();
    r3_small_rated_is_hidden_keeping_actief();
    trend_and_breakdowns_never_show();
    no_filter_changes_nothing();
    organisation_filter_hides_everything();
    comparisons();
    return tap_done();
}
