/* test_text.c — unit tests for exporters/text.c: an indicator's value in
 * words, and the CSV (Dutch Excel: ';', decimal comma, CRLF) and terminal
 * table of `indicators`, from a report on a small store. Prints TAP. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disclosure.h"
#include "tap.h"
#include "teststore.h"

static pm_figures share(double teller, double noemer)
{
    pm_figures f = {0};
    f.teller = teller;
    f.noemer = noemer;
    f.has_noemer = true;
    f.has_waarde = noemer > 0;
    f.waarde = noemer > 0 ? teller / noemer : 0;
    return f;
}

static void values_in_words(void)
{
    char b[128];
    pm_figures f = share(52, 60);
    CHECK_STR(pm_text_value("R1", &f, b, sizeof b), "86,7% (52 van 60)",
              "r1_value_is_share_with_counts");
    f = share(11, 12);
    f.actief = 12;
    CHECK_STR(pm_text_value("R3", &f, b, sizeof b), "12 actief; 91,7% (11 van 12)",
              "r3_value_starts_with_the_active_count");
    f = share(0, 0);
    f.actief = 3;
    CHECK_STR(pm_text_value("R3", &f, b, sizeof b), "3 actief; niemand beoordeeld",
              "r3_without_ratings_says_nobody_rated");
    f = share(2, 2);
    f.has_gemiddelde = true;
    f.gemiddelde = 7.25;
    CHECK_STR(pm_text_value("R4", &f, b, sizeof b), "100,0% (2 van 2); gem. 7,3",
              "r4_value_adds_the_opdrachtgever_mean");
    f = share(2, 2);
    CHECK_STR(pm_text_value("R4", &f, b, sizeof b), "100,0% (2 van 2)",
              "r4_without_scores_has_no_mean");
    f = share(0, 0);
    CHECK_STR(pm_text_value("R2", &f, b, sizeof b), "–", "no_waarde_is_a_dash");
    pm_figures r6 = {0};
    r6.aantal = 6;
    r6.teller = 6;
    CHECK_STR(pm_text_value("R6", &r6, b, sizeof b), "6", "r6_value_is_the_count");
    pm_figures bf = share(441375, 429000);
    bf.realisatie_cent = 44137500;
    bf.begroting_cent = 42900000;
    bf.has_begroting = true;
    CHECK_STR(pm_text_value("B", &bf, b, sizeof b),
              "€ 441.375,00 van € 429.000,00 (102,9%)",
              "b_value_is_realisatie_of_begroting_with_uitputting");
    pm_figures none = {0};
    none.realisatie_cent = 10000;
    CHECK_STR(pm_text_value("B", &none, b, sizeof b), "€ 100,00, geen begroting",
              "b_without_begroting_says_so");
}

/* The text a writer produced, NUL-terminated; the caller frees it. */
static char *capture(pm_error (*write)(const pm_report *, pm_audience, FILE *),
                     const pm_report *rep, pm_audience a, pm_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *err = f ? write(rep, a, f) : PM_ERR_IO;
    if (f)
        fclose(f);
    return buf;
}

static void csv(const pm_report *rep)
{
    pm_error err;
    char *text = capture(pm_text_csv, rep, PM_EXTERN, &err);
    CHECK(err == PM_OK && text &&
              strncmp(text, "indicator;bereik;van;tot;teller;noemer;waarde;", 46) == 0,
          "csv_starts_with_its_header");
    /* R1 periode: 2 on time of 3, waarde 2/3 with a decimal comma, CRLF. */
    CHECK(text && strstr(text, "\r\nR1;periode;01-04-2025;30-06-2025;2;3;0,6666666667;"),
          "csv_r1_row_has_dutch_dates_and_decimal_comma");
    /* R6: teller 1, noemer and waarde empty fields. */
    CHECK(text && strstr(text, "\r\nR6;periode;01-04-2025;30-06-2025;1;;;;;"),
          "csv_r6_leaves_noemer_and_waarde_empty");
    CHECK(text && strstr(text, "\r\nB;periode;01-04-2025;30-06-2025;281,25;3000;"),
          "csv_b_amounts_in_euros_with_a_comma");
    CHECK(text && strstr(text, "\r\nR1;2024-Q3;01-07-2024;30-09-2024;"),
          "csv_has_a_row_per_trend_quarter");
    int lines = 0, bare_lf = 0;
    for (const char *p = text; p && *p; p++) {
        lines += *p == '\n';
        bare_lf += *p == '\n' && (p == text || p[-1] != '\r');
    }
    /* 1 header + 7 indicators × (periode, cumulatief, 4 quarters). */
    CHECK(lines == 1 + 7 * 6 && bare_lf == 0, "csv_has_43_crlf_lines");
    free(text);
}

static void table(const pm_report *rep)
{
    pm_error err;
    char *text = capture(pm_text_table, rep, PM_INTERN, &err);
    CHECK(err == PM_OK && text && strstr(text, "Periode 2e kwartaal 2025") &&
              strstr(text, "peildatum 30-06-2025"),
          "table_names_period_and_peildatum_in_dutch_dates");
    CHECK(text && strstr(text, "Reactie binnen 5 werkdagen") &&
              strstr(text, "66,7% (2 van 3)"),
          "table_shows_each_indicator_by_name_with_its_value");
    free(text);
}

/* Issue 14: a figure hidden for extern under a filter reads "<5", like a
 * hidden cell; R3 keeps its active count. */
static void hidden_figures(pm_report *rep)
{
    char b[128];
    pm_figures f = share(3, 4);
    f.suppress = PM_SUPPRESS_PRIMAIR;
    CHECK_STR(pm_text_shown("R1", &f, "<5", b, sizeof b), "<5", "hidden_value_is_<5");
    CHECK_STR(pm_text_value("R1", &f, b, sizeof b), "onderdrukt",
              "hidden_value_without_min_cell_says_onderdrukt");
    f.actief = 7;
    CHECK_STR(pm_text_shown("R3", &f, "<5", b, sizeof b), "7 actief; <5",
              "hidden_r3_keeps_actief");
    /* Hidden beside a small one it may rest on 79 requests: "x" (issue 14,
     * secmark), never "<5". */
    f.suppress = PM_SUPPRESS_SECUNDAIR;
    CHECK_STR(pm_text_shown("R1", &f, "<5", b, sizeof b), "x", "secondary_value_is_x");
    CHECK_STR(pm_text_shown("R3", &f, "<5", b, sizeof b), "7 actief; x",
              "secondary_r3_keeps_actief_and_reads_x");
    CHECK_STR(pm_text_value("R1", &f, b, sizeof b), "onderdrukt",
              "secondary_value_without_marks_says_onderdrukt");
    f.suppress = PM_SUPPRESS_NONE;
    CHECK_STR(pm_text_shown("R1", &f, "<5", b, sizeof b), "75,0% (3 van 4)",
              "shown_value_is_the_value");
    static const char *const regio[] = {"Noord-West"};
    rep->scope.filter = (pm_filter){.regios = regio, .nregios = 1};
    pm_disclosure_filter(rep, NULL, 5);
    pm_error err;
    char *text = capture(pm_text_csv, rep, PM_EXTERN, &err);
    CHECK(text && strstr(text, "\r\nR1;periode;01-04-2025;30-06-2025;<5;<5;<5;;;grijs;"),
          "csv_hidden_figure_is_<5_without_interval");
    CHECK(text && strstr(text, ";onderdrukt: te weinig waarnemingen"),
          "csv_hidden_figure_reason_says_onderdrukt");
    free(text);
    text = capture(pm_text_table, rep, PM_EXTERN, &err);
    CHECK(text && strstr(text, "<5 [grijs]") && !strstr(text, "66,7%"),
          "table_hidden_figure_is_<5_and_its_share_is_gone");
    CHECK(text && strstr(text, "<5 = minder dan 5 waarnemingen, niet getoond.\n"),
          "table_legend_explains_lt5");
    free(text);
    /* The same figure hidden beside a small one: "x" and its own legend. */
    pm_result *r1 = (pm_result *)pm_report_find(rep, "R1");
    r1->periode.suppress = PM_SUPPRESS_SECUNDAIR;
    text = capture(pm_text_csv, rep, PM_EXTERN, &err);
    CHECK(text && strstr(text, "\r\nR1;periode;01-04-2025;30-06-2025;x;x;x;;;grijs;"),
          "csv_secondary_figure_is_x");
    free(text);
    text = capture(pm_text_table, rep, PM_EXTERN, &err);
    CHECK(text && strstr(text, "x [grijs]") &&
              strstr(text, "x = niet getoond, zodat een kleine cel elders niet is af te "
                           "leiden (secundaire onderdrukking).\n"),
          "table_secondary_figure_is_x_with_its_legend");
    free(text);
}

int main(void)
{
    values_in_words();
    store_setup();
    const char *files[] = {"hulpvragen.csv",
                           "id;organisatie;ontvangen;eerste_contact\n"
                           "H1;GM0363;2025-04-17;2025-04-25\n"
                           "H2;GM0363;2025-04-17;2025-04-26\n"
                           "H5;GM0344;2025-04-30;2025-05-08\n",
                           "kennisproducten.csv",
                           "id;titel;soort;gepubliceerd;pijler;kanalen;bereik\n"
                           "K1;Webinar;webinar;2025-04-10;2;nieuwsbrief;0\n",
                           "begroting.csv",
                           "id;jaar;kwartaal;post;bedrag\nBG1;2025;2;inhuur;3000\n",
                           "inzet.csv",
                           "id;specialist;datum;uren;hulpvraag;omschrijving\n"
                           "I1;SP01;2025-04-10;2,5;;\n"};
    sqlite3 *db = make_store("text", files, 4);
    pm_config cfg;
    load_config(&cfg, 5, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    csv(&rep);
    table(&rep);
    hidden_figures(&rep);
    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
    store_cleanup();
    return tap_done();
}
