/* test_calendar.c — unit tests for engine/calendar.c: Easter, the Atw
 * holidays, decree days, deadlines and working-day counts. Prints TAP. */
#include "calendar.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"

static pm_day ymd(int y, int m, int d)
{
    return pm_day_from_ymd(y, m, d);
}

/* The calendar most tests use: 2024 through 2028. */
static pm_calendar cal;

static void test_spec_deadline_examples(void)
{
    /* SPEC §4, the five examples, exactly. */
    static const struct {
        int ry, rm, rd, rwd; /* received, with its ISO weekday */
        int dy, dm, dd, dwd; /* deadline, with its ISO weekday */
        const char *name;
    } cases[] = {
        {2025, 4, 17, 4, 2025, 4, 25, 5,
         "deadline_counts_goede_vrijdag_and_skips_tweede_paasdag"},
        {2025, 4, 30, 3, 2025, 5, 8, 4, "deadline_skips_5_mei_on_a_monday"},
        {2025, 5, 28, 3, 2025, 6, 6, 5, "deadline_skips_hemelvaart_and_the_decree_day"},
        {2025, 12, 24, 3, 2026, 1, 6, 2,
         "deadline_skips_christmas_nieuwjaarsdag_and_the_decree_day"},
        {2025, 3, 1, 6, 2025, 3, 7, 5,
         "deadline_of_a_weekend_request_counts_monday_as_day_1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pm_day r = ymd(cases[i].ry, cases[i].rm, cases[i].rd);
        pm_day want = ymd(cases[i].dy, cases[i].dm, cases[i].dd);
        int weekdays_ok =
            pm_day_weekday(r) == cases[i].rwd && pm_day_weekday(want) == cases[i].dwd;
        pm_day got = pm_calendar_deadline(&cal, r, 5);
        CHECK(weekdays_ok && got == want, cases[i].name);
        if (got != want) {
            char g[11], w[11];
            pm_day_format_iso(got, g);
            pm_day_format_iso(want, w);
            printf("#   got %s, want %s\n", g, w);
        }
    }
}

static void test_easter(void)
{
    static const int easter[][3] = {
        {2024, 3, 31},
        {2025, 4, 20},
        {2026, 4, 5},
        {2027, 3, 28},
        {2028, 4, 16},
        /* Extremes of the Gregorian range of Easter dates. */
        {1818, 3, 22},
        {2285, 3, 22},
        {1943, 4, 25},
        {2038, 4, 25},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof easter / sizeof easter[0]; i++) {
        pm_day want = ymd(easter[i][0], easter[i][1], easter[i][2]);
        if (pm_calendar_easter(easter[i][0]) != want) {
            bad++;
            printf("#   easter %d wrong\n", easter[i][0]);
        }
    }
    CHECK(bad == 0, "easter_sunday_is_right_for_2024_to_2028_and_the_extremes");

    int not_sunday = 0;
    for (int y = 1900; y <= 2199; y++)
        not_sunday += pm_day_weekday(pm_calendar_easter(y)) != 7;
    CHECK(not_sunday == 0, "easter_is_a_sunday_every_year_1900_to_2199");
}

/* Every Atw holiday 2024–2028 with its actual date and name. */
static const struct {
    int y, m, d;
    const char *name;
} atw[] = {
    {2024, 1, 1, "Nieuwjaarsdag"},
    {2024, 4, 1, "Tweede Paasdag"},
    {2024, 4, 27, "Koningsdag"}, /* a Saturday */
    {2024, 5, 5, "Bevrijdingsdag (5 mei)"},
    {2024, 5, 9, "Hemelvaartsdag"},
    {2024, 5, 20, "Tweede Pinksterdag"},
    {2024, 12, 25, "Eerste Kerstdag"},
    {2024, 12, 26, "Tweede Kerstdag"},
    {2025, 1, 1, "Nieuwjaarsdag"},
    {2025, 4, 21, "Tweede Paasdag"},
    {2025, 4, 26, "Koningsdag"}, /* the 27th is a Sunday; the 26th a Saturday */
    {2025, 5, 5, "Bevrijdingsdag (5 mei)"},
    {2025, 5, 29, "Hemelvaartsdag"},
    {2025, 6, 9, "Tweede Pinksterdag"},
    {2025, 12, 25, "Eerste Kerstdag"},
    {2025, 12, 26, "Tweede Kerstdag"},
    {2026, 1, 1, "Nieuwjaarsdag"},
    {2026, 4, 6, "Tweede Paasdag"},
    {2026, 4, 27, "Koningsdag"}, /* a Monday */
    {2026, 5, 5, "Bevrijdingsdag (5 mei)"},
    {2026, 5, 14, "Hemelvaartsdag"},
    {2026, 5, 25, "Tweede Pinksterdag"},
    {2026, 12, 25, "Eerste Kerstdag"},
    {2026, 12, 26, "Tweede Kerstdag"},
    {2027, 1, 1, "Nieuwjaarsdag"},
    {2027, 3, 29, "Tweede Paasdag"},
    {2027, 4, 27, "Koningsdag"}, /* a Tuesday */
    {2027, 5, 5, "Bevrijdingsdag (5 mei)"},
    {2027, 5, 6, "Hemelvaartsdag"},
    {2027, 5, 17, "Tweede Pinksterdag"},
    {2027, 12, 25, "Eerste Kerstdag"},
    {2027, 12, 26, "Tweede Kerstdag"},
    {2028, 1, 1, "Nieuwjaarsdag"},
    {2028, 4, 17, "Tweede Paasdag"},
    {2028, 4, 27, "Koningsdag"}, /* a Thursday */
    {2028, 5, 5, "Bevrijdingsdag (5 mei)"},
    {2028, 5, 25, "Hemelvaartsdag"},
    {2028, 6, 5, "Tweede Pinksterdag"},
    {2028, 12, 25, "Eerste Kerstdag"},
    {2028, 12, 26, "Tweede Kerstdag"},
};

static const int decree[][3] = {
    {2024, 5, 10}, {2024, 12, 27}, {2025, 5, 30}, {2026, 1, 2},
    {2026, 5, 15}, {2027, 5, 7},   {2028, 4, 28}, {2028, 5, 26},
};

static void test_holidays(void)
{
    int not_holiday = 0, wrong_name = 0, working = 0;
    for (size_t i = 0; i < sizeof atw / sizeof atw[0]; i++) {
        pm_day day = ymd(atw[i].y, atw[i].m, atw[i].d);
        const char *name = NULL;
        if (!pm_calendar_atw_holiday(day, &name)) {
            not_holiday++;
            printf("#   %d-%02d-%02d not a holiday\n", atw[i].y, atw[i].m, atw[i].d);
        } else if (!name || strcmp(name, atw[i].name) != 0) {
            wrong_name++;
            printf("#   %d-%02d-%02d named %s\n", atw[i].y, atw[i].m, atw[i].d,
                   name ? name : "(null)");
        }
        working += pm_calendar_is_workday(&cal, day);
    }
    CHECK(not_holiday == 0, "every_atw_holiday_2024_to_2028_is_recognised");
    CHECK(wrong_name == 0, "every_atw_holiday_2024_to_2028_has_its_dutch_name");
    CHECK(working == 0, "no_atw_holiday_2024_to_2028_is_a_working_day");

    /* Exactly these days are holidays: 8 a year, no others. */
    int count = 0;
    for (pm_day d = ymd(2024, 1, 1); d <= ymd(2028, 12, 31); d++)
        count += pm_calendar_atw_holiday(d, NULL);
    CHECK(count == (int)(sizeof atw / sizeof atw[0]),
          "there_are_exactly_8_atw_holidays_a_year_2024_to_2028");

    CHECK(!pm_calendar_atw_holiday(ymd(2025, 4, 27), NULL),
          "koningsdag_moves_off_a_sunday_27_april_2025");
    CHECK(pm_day_weekday(ymd(2024, 4, 27)) == 6 &&
              pm_day_weekday(ymd(2025, 4, 26)) == 6 &&
              pm_day_weekday(ymd(2026, 4, 27)) == 1 &&
              pm_day_weekday(ymd(2027, 4, 27)) == 2 &&
              pm_day_weekday(ymd(2028, 4, 27)) == 4,
          "koningsdag_weekdays_2024_to_2028_are_sat_sat_mon_tue_thu");
    CHECK(pm_calendar_atw_holiday(ymd(2014, 4, 26), NULL) &&
              !pm_calendar_atw_holiday(ymd(2014, 4, 27), NULL),
          "koningsdag_2014_was_on_saturday_26_april");

    CHECK(!pm_calendar_atw_holiday(ymd(2025, 4, 18), NULL),
          "goede_vrijdag_is_not_an_atw_holiday");
    CHECK(pm_calendar_is_workday(&cal, ymd(2025, 4, 18)),
          "goede_vrijdag_2025_04_18_is_a_working_day");
    CHECK(pm_day_weekday(ymd(2025, 5, 5)) == 1 &&
              !pm_calendar_is_workday(&cal, ymd(2025, 5, 5)),
          "5_mei_2025_a_monday_is_not_a_working_day");
    CHECK(!pm_calendar_atw_holiday(ymd(2025, 4, 20), NULL) &&
              !pm_calendar_atw_holiday(ymd(2025, 6, 8), NULL),
          "eerste_paas_and_pinksterdag_are_not_listed_they_are_sundays");

    /* In 2005 Hemelvaartsdag fell on 5 May, so one day is
     * both 5 mei and Hemelvaartsdag: still a holiday, named once. */
    const char *name = NULL;
    CHECK(pm_calendar_atw_holiday(ymd(2005, 5, 5), &name) && name,
          "hemelvaartsdag_on_5_mei_is_a_holiday");
}

static void test_decree_days(void)
{
    size_t n = 0;
    const pm_decree_day *dd = pm_calendar_decree_days(&n);
    int same = n == sizeof decree / sizeof decree[0];
    int fridays = 1, sorted = 1, described = 1, closed = 1, atw_too = 0;
    for (size_t i = 0; same && i < n; i++) {
        if (dd[i].day != ymd(decree[i][0], decree[i][1], decree[i][2]))
            same = 0;
        if (pm_day_weekday(dd[i].day) != 5)
            fridays = 0;
        if (i > 0 && dd[i - 1].day >= dd[i].day)
            sorted = 0;
        if (!dd[i].description || strncmp(dd[i].description, "vrijdag na ", 11) != 0)
            described = 0;
        if (pm_calendar_is_workday(&cal, dd[i].day))
            closed = 0;
        /* Each bridges a holiday on the Thursday before it. */
        if (pm_calendar_atw_holiday(dd[i].day - 1, NULL))
            atw_too++;
    }
    CHECK(same, "the_shipped_decree_days_are_the_eight_of_spec_4");
    CHECK(sorted, "the_shipped_decree_days_are_sorted");
    CHECK(fridays, "every_shipped_decree_day_is_a_friday");
    CHECK(described, "every_shipped_decree_day_has_a_dutch_description");
    CHECK(atw_too == (int)n, "every_shipped_decree_day_follows_an_atw_holiday");
    CHECK(closed, "no_decree_day_is_a_working_day");
    CHECK(!pm_calendar_atw_holiday(ymd(2025, 5, 30), NULL),
          "a_decree_day_is_not_itself_an_atw_holiday");

    CHECK(strcmp(dd[6].description, "vrijdag na Koningsdag 2028") == 0 &&
              strcmp(dd[3].description, "vrijdag na Nieuwjaarsdag 2026") == 0 &&
              strcmp(dd[1].description, "vrijdag na Tweede Kerstdag 2024") == 0,
          "decree_descriptions_name_the_holiday_they_bridge");
}

/* Every day of the calendar agrees with the definition, worked out naively. */
static void test_whole_calendar(void)
{
    size_t n = 0;
    const pm_decree_day *dd = pm_calendar_decree_days(&n);
    int bad = 0, bad_nr = 0, bad_deadline = 0;
    int32_t count = 0;
    for (pm_day d = cal.first; d <= cal.last; d++) {
        int closed = pm_day_weekday(d) >= 6 || pm_calendar_atw_holiday(d, NULL);
        for (size_t i = 0; i < n; i++)
            closed |= dd[i].day == d;
        count += !closed;
        bad += pm_calendar_is_workday(&cal, d) != !closed;
        bad_nr += cal.nr[d - cal.first] != count;
    }
    CHECK(bad == 0, "every_day_2024_to_2028_is_a_working_day_exactly_by_the_rules");
    CHECK(bad_nr == 0, "nr_is_the_running_count_of_working_days");

    for (pm_day r = cal.first; r <= ymd(2028, 12, 1); r++) {
        pm_day d = r;
        int left = 5;
        while (left > 0) {
            d++;
            left -= pm_calendar_is_workday(&cal, d);
        }
        bad_deadline += pm_calendar_deadline(&cal, r, 5) != d;
    }
    CHECK(bad_deadline == 0, "every_deadline_2024_to_2028_matches_a_day_by_day_walk");
}

static void test_counts(void)
{
    /* 2025 has 261 weekdays (365 days = 52 weeks + 1 day, and 1 Jan 2025 is a
     * Wednesday, so 52 * 5 + 1). Holidays on a weekday: 1 Jan (Wed), Tweede
     * Paasdag 21 Apr (Mon), 5 mei (Mon), Hemelvaartsdag 29 May (Thu), the
     * decree day 30 May (Fri), Tweede Pinksterdag 9 Jun (Mon), 25 Dec (Thu)
     * and 26 Dec (Fri): 8. Koningsdag 26 Apr is a Saturday and the decree day
     * 2 Jan 2026 lies in 2026. So 261 - 8 = 253 working days. */
    CHECK(pm_calendar_workdays_between(&cal, ymd(2024, 12, 31), ymd(2025, 12, 31)) == 253,
          "2025_has_253_working_days");
    /* Same reasoning for the other years (weekdays minus weekday holidays
     * and decree days): 2024 262 - 8, 2026 261 - 9, 2027 261 - 7,
     * 2028 260 - 9. */
    CHECK(pm_calendar_workdays_between(&cal, ymd(2023, 12, 31), ymd(2024, 12, 31)) == 254,
          "2024_has_254_working_days_counting_from_before_the_calendar");
    CHECK(pm_calendar_workdays_between(&cal, ymd(2025, 12, 31), ymd(2026, 12, 31)) == 252,
          "2026_has_252_working_days");
    CHECK(pm_calendar_workdays_between(&cal, ymd(2026, 12, 31), ymd(2027, 12, 31)) == 254,
          "2027_has_254_working_days");
    CHECK(pm_calendar_workdays_between(&cal, ymd(2027, 12, 31), ymd(2028, 12, 31)) == 251,
          "2028_has_251_working_days");
    CHECK(pm_calendar_workdays_between(&cal, ymd(2025, 4, 17), ymd(2025, 4, 25)) == 5,
          "workdays_between_excludes_from_and_includes_to");
    CHECK(pm_calendar_workdays_between(&cal, ymd(2025, 3, 7), ymd(2025, 3, 7)) == 0,
          "workdays_between_a_day_and_itself_is_zero");
    CHECK(pm_calendar_workdays_between(&cal, ymd(2025, 3, 1), ymd(2025, 3, 2)) == 0,
          "workdays_between_over_a_weekend_is_zero");
    CHECK(pm_calendar_workdays_between(&cal, ymd(2025, 3, 7), ymd(2025, 3, 10)) == 1,
          "workdays_between_friday_and_monday_is_one");
}

static void test_deadline_edges(void)
{
    CHECK(pm_calendar_deadline(&cal, ymd(2025, 3, 3), 5) == ymd(2025, 3, 10),
          "deadline_of_a_monday_is_the_next_monday");
    CHECK(pm_calendar_deadline(&cal, ymd(2025, 3, 3), 1) == ymd(2025, 3, 4),
          "deadline_with_n_1_is_the_next_working_day");
    CHECK(pm_calendar_deadline(&cal, ymd(2025, 3, 3), 0) == -1,
          "deadline_with_n_0_is_minus_one");
    CHECK(pm_calendar_deadline(&cal, ymd(2028, 12, 22), 5) == -1,
          "deadline_beyond_the_calendar_is_minus_one");
    CHECK(pm_calendar_deadline(&cal, ymd(2028, 12, 31), 5) == -1,
          "deadline_of_the_last_day_is_minus_one");
    CHECK(pm_calendar_deadline(&cal, ymd(2029, 1, 5), 5) == -1,
          "deadline_after_the_calendar_is_minus_one");
    CHECK(pm_calendar_deadline(&cal, ymd(2023, 12, 30), 5) == -1,
          "deadline_of_a_day_well_before_the_calendar_is_minus_one");
    CHECK(pm_calendar_deadline(&cal, ymd(2023, 12, 31), 5) == ymd(2024, 1, 8),
          "deadline_of_the_day_before_the_calendar_counts_from_its_first_day");
    CHECK(!pm_calendar_is_workday(&cal, ymd(2029, 1, 2)),
          "a_day_outside_the_calendar_is_not_a_working_day");

    pm_calendar small;
    CHECK(pm_calendar_build(&small, ymd(2025, 12, 1), ymd(2025, 12, 31), NULL, 0) ==
              PM_OK,
          "a_one_month_calendar_builds");
    CHECK(pm_calendar_deadline(&small, ymd(2025, 12, 24), 5) == -1,
          "deadline_past_a_short_calendar_is_minus_one");
    CHECK(pm_calendar_deadline(&small, ymd(2025, 12, 15), 5) == ymd(2025, 12, 22),
          "deadline_inside_a_short_calendar_is_found");
    pm_calendar_free(&small);
}

static void test_extra_days(void)
{
    /* Wednesday 5 March given twice and out of order, with a Saturday and a
     * day outside the calendar that must be ignored. */
    const pm_day extra[] = {ymd(2025, 3, 5), ymd(2030, 1, 1), ymd(2025, 3, 1),
                            ymd(2025, 3, 5), ymd(2025, 3, 4)};
    pm_calendar x;
    pm_error err = pm_calendar_build(&x, ymd(2025, 1, 1), ymd(2025, 12, 31), extra,
                                     sizeof extra / sizeof extra[0]);
    CHECK(err == PM_OK, "a_calendar_with_extra_days_builds");
    CHECK(!pm_calendar_is_workday(&x, ymd(2025, 3, 5)),
          "an_extra_closed_day_is_not_a_working_day");
    CHECK(pm_calendar_deadline(&x, ymd(2025, 3, 3), 5) == ymd(2025, 3, 12),
          "deadline_skips_extra_closed_days");
    CHECK(pm_calendar_workdays_between(&x, ymd(2024, 12, 31), ymd(2025, 12, 31)) == 251,
          "extra_days_are_counted_once_even_when_repeated");
    pm_calendar_free(&x);

    /* An extra decree day that is also a shipped one changes nothing. */
    const pm_day dup[] = {ymd(2025, 5, 30)};
    err = pm_calendar_build(&x, ymd(2025, 1, 1), ymd(2025, 12, 31), dup, 1);
    CHECK(err == PM_OK && pm_calendar_workdays_between(&x, ymd(2024, 12, 31),
                                                       ymd(2025, 12, 31)) == 253,
          "an_extra_day_equal_to_a_decree_day_changes_nothing");
    pm_calendar_free(&x);
}

static void test_build_errors(void)
{
    pm_calendar x;
    memset(&x, 0xff, sizeof x);
    CHECK(pm_calendar_build(&x, ymd(2025, 2, 1), ymd(2025, 1, 1), NULL, 0) ==
              PM_ERR_USAGE,
          "build_rejects_first_after_last");
    CHECK(x.workday == NULL && x.nr == NULL && x.ndays == 0,
          "a_failed_build_leaves_a_zeroed_calendar");
    pm_calendar_free(&x);

    CHECK(pm_calendar_build(&x, ymd(1900, 1, 1), ymd(2100, 1, 1), NULL, 0) ==
              PM_ERR_USAGE,
          "build_rejects_more_than_200_years");
    CHECK(pm_calendar_build(&x, ymd(1900, 1, 1), ymd(2099, 12, 31), NULL, 0) == PM_OK,
          "build_accepts_200_years");
    CHECK(x.ndays == (size_t)(ymd(2100, 1, 1) - ymd(1900, 1, 1)),
          "a_200_year_calendar_has_one_entry_per_day");
    pm_calendar_free(&x);
    CHECK(x.workday == NULL && x.ndays == 0, "free_zeroes_the_calendar");
    pm_calendar_free(&x);
    CHECK(1, "free_accepts_a_zeroed_calendar");

    CHECK(pm_calendar_build(&x, ymd(2025, 4, 18), ymd(2025, 4, 18), NULL, 0) == PM_OK &&
              x.ndays == 1 && x.nr[0] == 1,
          "a_one_day_calendar_builds");
    pm_calendar_free(&x);
}

int main(void)
{
    if (pm_calendar_build(&cal, pm_day_from_ymd(2024, 1, 1),
                          pm_day_from_ymd(2028, 12, 31), NULL, 0) != PM_OK) {
        printf("Bail out! cannot build the 2024-2028 calendar\n");
        return 1;
    }
    test_spec_deadline_examples();
    test_easter();
    test_holidays();
    test_decree_days();
    test_whole_calendar();
    test_counts();
    test_deadline_edges();
    test_extra_days();
    test_build_errors();
    pm_calendar_free(&cal);
    return tap_done();
}
