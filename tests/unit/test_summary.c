/* test_summary.c — the samenvatting's Dutch grammar helpers (summary.h):
 * singular and plural, and the words for a change. Prints TAP. */
#include "summary.h"

#include <string.h>

#include "tap.h"

static void count_is_singular_for_exactly_one(void)
{
    char buf[64];
    CHECK_STR(pm_summary_count(1, "hulpvraag", "hulpvragen", buf, sizeof buf),
              "1 hulpvraag", "count_says_1_hulpvraag");
    CHECK_STR(pm_summary_count(2, "hulpvraag", "hulpvragen", buf, sizeof buf),
              "2 hulpvragen", "count_says_2_hulpvragen");
    CHECK_STR(pm_summary_count(0, "hulpvraag", "hulpvragen", buf, sizeof buf),
              "0 hulpvragen", "count_says_0_hulpvragen_in_the_plural");
    CHECK_STR(pm_summary_count(1, "specialist", "specialisten", buf, sizeof buf),
              "1 specialist", "count_says_1_specialist");
    CHECK_STR(pm_summary_count(1234, "specialist", "specialisten", buf, sizeof buf),
              "1.234 specialisten", "count_groups_thousands_the_dutch_way");
}

static void number_picks_the_verb(void)
{
    CHECK_STR(pm_summary_number(1, "was", "waren"), "was", "one_was");
    CHECK_STR(pm_summary_number(2, "was", "waren"), "waren", "two_waren");
    CHECK_STR(pm_summary_number(0, "was", "waren"), "waren", "none_waren");
}

static void direction_words(void)
{
    CHECK_STR(pm_summary_direction(952, 777), "steeg", "higher_steeg");
    CHECK_STR(pm_summary_direction(777, 952), "daalde", "lower_daalde");
    CHECK_STR(pm_summary_direction(800, 800), "bleef gelijk", "equal_bleef_gelijk");
}

int main(void)
{
    count_is_singular_for_exactly_one();
    number_picks_the_verb();
    direction_words();
    return tap_done();
}
