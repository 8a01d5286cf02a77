/* test_toelichting_flags.c — unit tests for exporters/toelichting_flags.c:
 * "toelichting ontbreekt" for a budget post outside its margin, from a
 * hand-made pm_posts, and its absence with a `## B` text. Prints TAP. */
#include "toelichting_flags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static pm_post_year post(const char *name, double afwijking, bool has, bool buiten,
                         int64_t realisatie)
{
    return (pm_post_year){.post = name,
                          .has_afwijking = has,
                          .afwijking = afwijking,
                          .buiten_marge = buiten,
                          .realisatie_cent = realisatie};
}

int main(void)
{
    pm_post_year rows[] = {
        post("inhuur", 0.05, true, false, 0),
        post("website", 0.23, true, true, 0),
        post("bijeenkomsten", -0.4, true, true, 0),
        post("overig", 0, false, true, 123456),
    };
    pm_posts posts = {.jaar = 2026, .posten = rows, .nposten = 4};
    size_t n = 0;
    char **lines = pm_tl_flags(&posts, NULL, &n);
    CHECK(n == 3, "every_post_outside_its_margin_is_flagged_and_no_other");
    if (n == 3) {
        CHECK_STR(lines[0],
                  "Post website: 23% boven de begroting tot de peildatum — toelichting "
                  "ontbreekt",
                  "a_post_above_its_budget_says_how_far_above");
        CHECK_STR(lines[1],
                  "Post bijeenkomsten: 40% onder de begroting tot de peildatum — "
                  "toelichting ontbreekt",
                  "a_post_below_its_budget_says_how_far_below");
        CHECK(strstr(lines[2], "Post overig: € 1.234,56 uitgegeven zonder begroting") !=
                  NULL,
              "a_post_without_budget_says_what_was_spent");
    }
    pm_tl_flags_free(lines, n);

    /* A toelichting without ## B still flags; one with ## B does not. */
    pm_toelichting *t = NULL;
    char msg[256];
    const char *no_b = "## R1\n\nTekst.\n";
    pm_toelichting_parse("t.md", no_b, strlen(no_b), &t, msg, sizeof msg);
    lines = pm_tl_flags(&posts, t, &n);
    CHECK(t && n == 3, "a_toelichting_without_b_text_leaves_the_flags");
    pm_tl_flags_free(lines, n);
    pm_toelichting_free(t);
    const char *with_b = "## B\n\nDe website is herbouwd.\n";
    pm_toelichting_parse("t.md", with_b, strlen(with_b), &t, msg, sizeof msg);
    lines = pm_tl_flags(&posts, t, &n);
    CHECK(t && n == 0 && !lines, "a_b_text_removes_every_flag");
    pm_toelichting_free(t);
    /* The sjabloon's B section holds only its hint: that is no text. */
    char *tpl = pm_tl_template();
    pm_toelichting_parse("t.md", tpl, strlen(tpl), &t, msg, sizeof msg);
    lines = pm_tl_flags(&posts, t, &n);
    CHECK(t && n == 3, "the_sjabloon_hint_under_b_does_not_count_as_an_explanation");
    pm_tl_flags_free(lines, n);
    pm_toelichting_free(t);
    free(tpl);

    lines = pm_tl_flags(NULL, NULL, &n);
    CHECK(!lines && n == 0, "without_posts_nothing_is_flagged");
    return tap_done();
}
