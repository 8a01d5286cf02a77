/* test_comparison.c — unit tests for pm_report_attach_comparison
 * (indicators/report.c): what each indicator's comparison holds, from two
 * hand-made reports. Prints TAP. */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

static const char *const ids[] = {"R1", "R2", "R3", "R4", "R5", "R6", "B"};
#define NIDS (sizeof ids / sizeof ids[0])

/* A report of period label whose every indicator has periode k of n
 * (R6: aantal k; B: waarde k / n). */
static void make(pm_report *rep, pm_result *res, const pm_config *cfg, const char *label,
                 double k, double n)
{
    memset(rep, 0, sizeof *rep);
    rep->scope.cfg = cfg;
    rep->scope.cfg_loaded = cfg;
    pm_period_parse(label, &rep->scope.period);
    for (size_t i = 0; i < NIDS; i++) {
        memset(&res[i], 0, sizeof res[i]);
        res[i].id = ids[i];
        pm_figures *f = &res[i].periode;
        f->teller = k;
        f->noemer = n;
        f->has_noemer = strcmp(ids[i], "R6") != 0;
        f->has_waarde = n > 0 && f->has_noemer;
        f->waarde = n > 0 ? k / n : 0;
        f->aantal = (long)k;
        f->actief = (long)n;
    }
    rep->results = res;
    rep->nresults = NIDS;
}

int main(void)
{
    pm_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.programma_start = pm_day_from_ymd(2024, 7, 1);
    pm_report now, then;
    pm_result rn[NIDS], rt[NIDS];

    make(&now, rn, &cfg, "2025-Q4", 12, 13);
    make(&then, rt, &cfg, "2025-Q3", 0, 10);
    CHECK(pm_report_attach_comparison(&now, &then, PM_VERGELIJK_VORIGE) == PM_OK,
          "attach_succeeds");
    CHECK(now.scope.vergelijk == PM_VERGELIJK_VORIGE &&
              strcmp(now.scope.vergelijk_period.label, "2025-Q3") == 0,
          "the_scope_names_the_comparison_and_its_period");
    int all_present = 1;
    for (size_t i = 0; i < NIDS; i++)
        all_present &= rn[i].vergelijking.present;
    CHECK(all_present, "every_indicator_is_compared");
    double lo, hi;
    pm_newcombe(12, 13, 0, 10, &lo, &hi);
    int sampled_ok = 1;
    for (size_t i = 0; i < 3; i++) {
        const pm_comparison *k = &rn[i].vergelijking;
        sampled_ok &= k->has_verschil && fabs(k->verschil - 12.0 / 13.0) < 1e-12 &&
                      k->has_interval && k->lo == lo && k->hi == hi && k->significant &&
                      k->f.teller == 0 && k->f.noemer == 10;
    }
    CHECK(sampled_ok, "r1_r2_r3_get_newcombes_interval_and_significance");
    CHECK(rn[3].vergelijking.has_verschil && !rn[3].vergelijking.has_interval &&
              !rn[4].vergelijking.has_interval && !rn[6].vergelijking.has_interval &&
              !rn[3].vergelijking.significant,
          "milestones_and_budget_get_a_plain_difference");
    CHECK(rn[5].vergelijking.has_verschil && rn[5].vergelijking.verschil == 12.0 &&
              !rn[5].vergelijking.has_interval,
          "r6_difference_is_the_count_difference");

    /* Either side hidden hides the comparison and what follows from it. */
    make(&now, rn, &cfg, "2025-Q4", 3, 4);
    make(&then, rt, &cfg, "2025-Q3", 9, 10);
    rn[0].periode.suppress = PM_SUPPRESS_PRIMAIR;
    rt[1].periode.suppress = PM_SUPPRESS_SECUNDAIR;
    pm_report_attach_comparison(&now, &then, PM_VERGELIJK_VORIGE);
    CHECK(rn[0].vergelijking.suppress == PM_SUPPRESS_PRIMAIR &&
              !rn[0].vergelijking.has_verschil && !rn[0].vergelijking.has_interval,
          "a_hidden_periode_hides_the_comparison");
    CHECK(rn[1].vergelijking.suppress == PM_SUPPRESS_SECUNDAIR &&
              !rn[1].vergelijking.has_verschil && !rn[1].vergelijking.has_interval,
          "a_hidden_comparison_period_hides_the_comparison");
    CHECK(rn[2].vergelijking.suppress == PM_SUPPRESS_NONE &&
              rn[2].vergelijking.has_verschil,
          "an_unhidden_indicator_is_compared");

    /* An empty side: no difference, no interval. */
    make(&now, rn, &cfg, "2025-Q4", 5, 10);
    make(&then, rt, &cfg, "2025-Q3", 0, 0);
    pm_report_attach_comparison(&now, &then, PM_VERGELIJK_VORIGE);
    CHECK(!rn[0].vergelijking.has_verschil && !rn[0].vergelijking.has_interval &&
              !rn[6].vergelijking.has_verschil,
          "an_empty_comparison_period_has_no_difference");
    CHECK(rn[5].vergelijking.has_verschil && rn[5].vergelijking.verschil == 5.0,
          "r6_counts_also_against_zero");

    /* Before the programme start nothing is compared, R6 included. */
    make(&now, rn, &cfg, "2024-Q3", 5, 10);
    make(&then, rt, &cfg, "2024-Q2", 4, 10);
    pm_report_attach_comparison(&now, &then, PM_VERGELIJK_VORIGE);
    int none = 1;
    for (size_t i = 0; i < NIDS; i++)
        none &= rn[i].vergelijking.present && !rn[i].vergelijking.has_verschil;
    CHECK(none, "a_comparison_period_before_the_programme_compares_nothing");
    return tap_done();
}
