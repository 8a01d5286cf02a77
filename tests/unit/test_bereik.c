/* test_bereik.c — the extern marks of the reach (bereik.h): small regio
 * counts hidden, a second cell where the total would give one away, and a
 * filtered report held to the national marks. Prints TAP. */
#include "bereik.h"

#include <string.h>

#include "tap.h"

/* One range with the national gemeenten per regio; filtered keeps only the
 * regios with keep[k] (the report's filter), as pm_bereik_compute would. */
static void fill(pm_bereik_range *r, const long *national, const bool *keep)
{
    memset(r, 0, sizeof *r);
    for (size_t k = 0; k < PM_NREGIOS; k++) {
        r->regio[k].regio = pm_regios[k];
        r->national_gemeenten[k] = national[k];
        r->regio[k].gemeenten = keep[k] ? national[k] : 0;
        r->gemeenten += r->regio[k].gemeenten;
    }
}

static void small_counts_are_hidden_with_a_second_cell(void)
{
    static const long n[PM_NREGIOS] = {8, 7, 3, 7, 7, 7};
    static const bool all[PM_NREGIOS] = {true, true, true, true, true, true};
    pm_bereik b = {0};
    fill(&b.periode, n, all);
    fill(&b.cumulatief, n, all);
    pm_bereik_disclose(&b, 5);
    size_t hidden = 0;
    for (size_t k = 0; k < PM_NREGIOS; k++)
        hidden += b.periode.regio[k].gemeenten_suppress != PM_SUPPRESS_NONE;
    CHECK(b.periode.regio[2].gemeenten_suppress == PM_SUPPRESS_PRIMAIR,
          "a_regio_with_3_gemeenten_is_hidden_primair");
    CHECK(hidden == 2, "one_more_cell_is_hidden_so_the_total_does_not_give_it_away");
    CHECK(b.periode.gemeenten_suppress == PM_SUPPRESS_NONE,
          "the_national_total_is_shown");
    CHECK(b.periode.sob_suppress == PM_SUPPRESS_NONE &&
              b.periode.regio[0].sob_suppress == PM_SUPPRESS_NONE,
          "zero_counts_are_shown");
}

static void a_filter_shows_no_more_than_the_national_report(void)
{
    static const long n[PM_NREGIOS] = {8, 7, 3, 7, 7, 7};
    static const bool all[PM_NREGIOS] = {true, true, true, true, true, true};
    pm_bereik national = {0};
    fill(&national.periode, n, all);
    pm_bereik_disclose(&national, 5);
    for (size_t k = 0; k < PM_NREGIOS; k++) {
        bool keep[PM_NREGIOS] = {false};
        keep[k] = true;
        pm_bereik f = {.gefilterd = true};
        fill(&f.periode, n, keep);
        pm_bereik_disclose(&f, 5);
        bool nat_hidden =
            national.periode.regio[k].gemeenten_suppress != PM_SUPPRESS_NONE;
        CHECK(nat_hidden == (f.periode.regio[k].gemeenten_suppress != PM_SUPPRESS_NONE),
              "a_regio_filter_marks_its_cell_as_the_national_report_does");
        CHECK(nat_hidden == (f.periode.gemeenten_suppress != PM_SUPPRESS_NONE),
              "a_regio_filter_hides_its_total_when_the_national_cell_is_hidden");
    }
}

int main(void)
{
    small_counts_are_hidden_with_a_second_cell();
    a_filter_shows_no_more_than_the_national_report();
    return tap_done();
}
