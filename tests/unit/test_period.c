/* test_period.c — unit tests for engine/period.c: the period forms, their
 * canonical labels, bad inputs, and quarter arithmetic. Prints TAP. */
#include "period.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"

static pm_day ymd(int y, int m, int d)
{
    return pm_day_from_ymd(y, m, d);
}

static const struct {
    const char *in;
    int sy, sm, sd, ey, em, ed;
    const char *label;
    const char *name;
} good[] = {
    {"2025-Q3", 2025, 7, 1, 2025, 9, 30, "2025-Q3",
     "quarter_2025_q3_is_july_to_september"},
    {"2025-q3", 2025, 7, 1, 2025, 9, 30, "2025-Q3",
     "lower_case_q_is_accepted_and_canonicalised"},
    {"2025-Q1", 2025, 1, 1, 2025, 3, 31, "2025-Q1", "quarter_2025_q1_ends_on_31_march"},
    {"2024-Q1", 2024, 1, 1, 2024, 3, 31, "2024-Q1", "quarter_2024_q1_ends_on_31_march"},
    {"2025-Q2", 2025, 4, 1, 2025, 6, 30, "2025-Q2", "quarter_2025_q2_ends_on_30_june"},
    {"2025-Q4", 2025, 10, 1, 2025, 12, 31, "2025-Q4",
     "quarter_2025_q4_ends_on_31_december"},
    {"2025-07", 2025, 7, 1, 2025, 7, 31, "2025-07", "month_2025_07_is_all_of_july"},
    {"2024-02", 2024, 2, 1, 2024, 2, 29, "2024-02", "month_february_2024_has_29_days"},
    {"2025-02", 2025, 2, 1, 2025, 2, 28, "2025-02", "month_february_2025_has_28_days"},
    {"2025-12", 2025, 12, 1, 2025, 12, 31, "2025-12", "month_december_ends_on_the_31st"},
    {"2025", 2025, 1, 1, 2025, 12, 31, "2025", "year_2025_is_all_of_2025"},
    {"1900", 1900, 1, 1, 1900, 12, 31, "1900", "year_1900_is_accepted"},
    {"2199-Q4", 2199, 10, 1, 2199, 12, 31, "2199-Q4", "quarter_2199_q4_is_accepted"},
    {"2025-01-01..2025-06-30", 2025, 1, 1, 2025, 6, 30, "2025-01-01..2025-06-30",
     "iso_range_is_accepted"},
    {"01-01-2025..30-06-2025", 2025, 1, 1, 2025, 6, 30, "2025-01-01..2025-06-30",
     "dutch_range_gets_an_iso_label"},
    {"1-7-2025..2025-07-31", 2025, 7, 1, 2025, 7, 31, "2025-07-01..2025-07-31",
     "mixed_range_forms_are_accepted"},
    {"2025-03-04..2025-03-04", 2025, 3, 4, 2025, 3, 4, "2025-03-04..2025-03-04",
     "one_day_range_is_accepted"},
    {"2025-03-04T17:30..2025-03-05", 2025, 3, 4, 2025, 3, 5, "2025-03-04..2025-03-05",
     "range_with_a_date_time_counts_its_date"},
};

static void test_good_forms(void)
{
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        pm_period p;
        memset(&p, 0, sizeof p);
        int ok = pm_period_parse(good[i].in, &p);
        ok = ok && p.start == ymd(good[i].sy, good[i].sm, good[i].sd) &&
             p.end == ymd(good[i].ey, good[i].em, good[i].ed);
        CHECK(ok, good[i].name);
        CHECK_STR(p.label, good[i].label, good[i].name);
    }
}

static void test_bad_forms(void)
{
    static const char *const bad[] = {
        "",
        "2025-Q5",
        "2025-Q0",
        "2025-13",
        "2025-00",
        "25",
        "2025-Q3 ",
        " 2025-Q3",
        "2025-06-30..2025-01-01",
        "abc",
        "2025-7",
        "2025-Q",
        "2025-Q12",
        "2025-X3",
        "20255",
        "1899",
        "2200",
        "+2025",
        "2025-01-01",
        "2025-01-01..",
        "..2025-01-01",
        "2025-01-01...2025-01-02",
        "2025-01-01 ..2025-01-02",
        "2025-01-01.. 2025-01-02",
        "2025-02-30..2025-03-01",
        "2025-01-01..2025-06-30..2025-12-31",
        "2025-Q3\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pm_period p;
        memset(&p, 0x5a, sizeof p);
        pm_period before = p;
        char name[120];
        snprintf(name, sizeof name, "parse_rejects_'%s'_and_leaves_the_output_alone",
                 bad[i]);
        for (char *c = name; *c; c++)
            if (*c == '\n')
                *c = '~';
        int rejected = !pm_period_parse(bad[i], &p);
        CHECK(rejected && memcmp(&p, &before, sizeof p) == 0, name);
    }
    pm_period p;
    CHECK(!pm_period_parse(NULL, &p), "parse_rejects_null");
}

static void test_forms_text(void)
{
    const char *f = pm_period_forms();
    CHECK(f && strstr(f, "2025-Q3") && strstr(f, "2025-07") && strstr(f, "2025") &&
              strstr(f, "2025-01-01..2025-06-30") && strstr(f, "kwartaal"),
          "forms_text_lists_every_form_in_dutch");
    /* Each example in the text parses. */
    pm_period p;
    CHECK(pm_period_parse("2025-Q3", &p) && pm_period_parse("2025-07", &p) &&
              pm_period_parse("2025", &p) &&
              pm_period_parse("2025-01-01..2025-06-30", &p),
          "every_example_in_the_forms_text_parses");
}

static void test_last_complete_quarter(void)
{
    static const struct {
        int y, m, d;
        const char *label;
        const char *name;
    } cases[] = {
        {2026, 11, 28, "2026-Q3", "last_complete_quarter_of_28_november_is_q3"},
        {2026, 10, 1, "2026-Q3", "last_complete_quarter_of_1_october_is_q3"},
        {2026, 9, 30, "2026-Q2", "last_complete_quarter_of_30_september_is_q2"},
        {2026, 1, 15, "2025-Q4", "last_complete_quarter_in_january_is_last_years_q4"},
        {2026, 1, 1, "2025-Q4", "last_complete_quarter_of_new_year_is_last_years_q4"},
        {2025, 12, 31, "2025-Q3", "last_complete_quarter_of_31_december_is_q3"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pm_period p, q;
        pm_period_last_complete_quarter(ymd(cases[i].y, cases[i].m, cases[i].d), &p);
        int same = pm_period_parse(cases[i].label, &q) && p.start == q.start &&
                   p.end == q.end && strcmp(p.label, q.label) == 0;
        CHECK(same, cases[i].name);
        CHECK_STR(p.label, cases[i].label, cases[i].name);
    }
}

static void test_quarters(void)
{
    CHECK(pm_quarter_index(ymd(2025, 7, 1)) == 2025 * 4 + 2,
          "quarter_index_is_year_times_4_plus_q_minus_1");
    CHECK(pm_quarter_index(ymd(2025, 3, 31)) == 2025 * 4, "31_march_is_in_q1");
    CHECK(pm_quarter_index(ymd(2025, 4, 1)) == 2025 * 4 + 1, "1_april_is_in_q2");
    CHECK(pm_quarter_index(ymd(2025, 12, 31)) == 2025 * 4 + 3, "31_december_is_in_q4");

    int bad_round = 0, bad_contig = 0, bad_label = 0, bad_index = 0;
    for (int q = 2024 * 4; q <= 2030 * 4 + 3; q++) {
        pm_day first = pm_quarter_first_day(q), last = pm_quarter_last_day(q);
        if (pm_quarter_index(first) != q || pm_quarter_index(last) != q)
            bad_round++;
        if (pm_quarter_first_day(q + 1) != last + 1 ||
            pm_quarter_index(first - 1) != q - 1)
            bad_contig++;
        char label[8];
        pm_quarter_label(q, label, sizeof label);
        pm_period p;
        if (!pm_period_parse(label, &p) || p.start != first || p.end != last ||
            strcmp(p.label, label) != 0)
            bad_label++;
        for (pm_day d = first; d <= last; d++)
            bad_index += pm_quarter_index(d) != q;
    }
    CHECK(bad_round == 0,
          "quarter_first_and_last_days_map_back_to_their_index_2024_to_2030");
    CHECK(bad_contig == 0, "each_quarter_starts_the_day_after_the_previous_one_ends");
    CHECK(bad_label == 0, "quarter_labels_parse_back_to_the_same_quarter");
    CHECK(bad_index == 0, "every_day_2024_to_2030_has_the_quarter_index_of_its_quarter");

    char buf[8];
    pm_quarter_label(2025 * 4 + 2, buf, sizeof buf);
    CHECK_STR(buf, "2025-Q3", "quarter_label_is_yyyy_qn");
    char small[4] = "xyz";
    pm_quarter_label(2025 * 4 + 2, small, sizeof small);
    CHECK_STR(small, "202", "quarter_label_truncates_to_the_buffer");
    CHECK(pm_quarter_first_day(2025 * 4) == ymd(2025, 1, 1),
          "first_day_of_2025_q1_is_1_january");
    CHECK(pm_quarter_last_day(2024 * 4) == ymd(2024, 3, 31),
          "last_day_of_2024_q1_is_31_march");
    CHECK(pm_quarter_last_day(2024 * 4 + 3) == ymd(2024, 12, 31),
          "last_day_of_2024_q4_is_31_december");
}

/* --vergelijk (SPEC §9): the whole comparison period. */
static const struct {
    const char *in;
    pm_vergelijk v;
    const char *want; /* the comparison period's label, or NULL: none */
    const char *name;
} comparisons[] = {
    {"2025-Q4", PM_VERGELIJK_VORIGE, "2025-Q3",
     "vorige_of_a_quarter_is_the_quarter_before"},
    {"2025-Q1", PM_VERGELIJK_VORIGE, "2024-Q4", "vorige_of_q1_is_q4_of_the_year_before"},
    {"2025-Q4", PM_VERGELIJK_VORIGJAAR, "2024-Q4",
     "vorigjaar_of_a_quarter_is_a_year_back"},
    {"2025-11", PM_VERGELIJK_VORIGE, "2025-10", "vorige_of_a_month_is_the_month_before"},
    {"2025-01", PM_VERGELIJK_VORIGE, "2024-12", "vorige_of_january_is_december_before"},
    {"2025-03", PM_VERGELIJK_VORIGJAAR, "2024-03", "vorigjaar_of_a_month_is_a_year_back"},
    {"2025", PM_VERGELIJK_VORIGE, "2024", "vorige_of_a_year_is_the_year_before"},
    {"2025", PM_VERGELIJK_VORIGJAAR, "2024", "vorigjaar_of_a_year_is_the_year_before"},
    {"2025-10-15..2025-11-14", PM_VERGELIJK_VORIGE, "2025-09-14..2025-10-14",
     "vorige_of_a_range_is_as_many_days_directly_before"},
    {"2025-03-01..2025-03-10", PM_VERGELIJK_VORIGE, "2025-02-19..2025-02-28",
     "vorige_of_a_range_counts_days_across_february"},
    {"2025-10-15..2025-11-14", PM_VERGELIJK_VORIGJAAR, "2024-10-15..2024-11-14",
     "vorigjaar_of_a_range_moves_both_ends_a_year"},
    {"2024-02-29..2024-03-31", PM_VERGELIJK_VORIGJAAR, "2023-02-28..2023-03-31",
     "vorigjaar_of_29_february_is_28_february"},
    /* A range that is a whole quarter, month or year reads as one
     * everywhere (pm_format_period), so it compares as one. */
    {"2026-01-01..2026-03-31", PM_VERGELIJK_VORIGE, "2025-Q4",
     "a_range_that_is_a_whole_quarter_compares_with_the_quarter_before"},
    {"2025-03-01..2025-03-31", PM_VERGELIJK_VORIGE, "2025-02",
     "a_range_that_is_a_whole_month_compares_with_the_month_before"},
    {"2025-01-01..2025-12-31", PM_VERGELIJK_VORIGE, "2024",
     "a_range_that_is_a_whole_year_compares_with_the_year_before"},
    {"2025-04-01..2025-09-30", PM_VERGELIJK_VORIGE, "2024-09-30..2025-03-31",
     "a_range_of_two_quarters_compares_with_as_many_days_before"},
    {"1900", PM_VERGELIJK_VORIGE, NULL, "no_comparison_before_the_first_year"},
    {"1900-Q1", PM_VERGELIJK_VORIGE, NULL, "no_comparison_for_the_first_quarter"},
    {"1900-01-01..1900-01-10", PM_VERGELIJK_VORIGE, NULL,
     "no_comparison_for_a_range_at_the_first_day"},
    {"2025-Q4", PM_VERGELIJK_GEEN, NULL, "no_comparison_without_vergelijk"},
};

static void test_comparison(void)
{
    for (size_t i = 0; i < sizeof comparisons / sizeof comparisons[0]; i++) {
        pm_period p, out;
        memset(&out, 0, sizeof out);
        int ok = pm_period_parse(comparisons[i].in, &p);
        bool got = ok && pm_period_comparison(&p, comparisons[i].v, &out);
        if (comparisons[i].want)
            CHECK_STR(got ? out.label : "(none)", comparisons[i].want,
                      comparisons[i].name);
        else
            CHECK(ok && !got, comparisons[i].name);
    }
    pm_vergelijk v = PM_VERGELIJK_GEEN;
    CHECK(pm_vergelijk_parse("vorige", &v) && v == PM_VERGELIJK_VORIGE,
          "vergelijk_vorige_is_parsed");
    CHECK(pm_vergelijk_parse("vorigjaar", &v) && v == PM_VERGELIJK_VORIGJAAR,
          "vergelijk_vorigjaar_is_parsed");
    CHECK(!pm_vergelijk_parse("gisteren", &v) && !pm_vergelijk_parse("", &v) &&
              !pm_vergelijk_parse(NULL, &v) && !pm_vergelijk_parse("Vorige", &v),
          "vergelijk_refuses_anything_else");
}

int main(void)
{
    test_good_forms();
    test_bad_forms();
    test_forms_text();
    test_last_complete_quarter();
    test_quarters();
    test_comparison();
    return tap_done();
}
