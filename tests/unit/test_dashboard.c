/* test_dashboard.c — unit tests for the dashboard page (exporters/
 * dashboard.c through pm_pdf_write_dashboard): what a tile says for the
 * marks other branches set on a report — a hidden figure (extern under a
 * filter) as "<5", "hele programma" on R4-R6 and B under a filter, the
 * comparison in words — read back from the PDF with pdftotext, and the PNG
 * of the page. The report comes from a small store (teststore.h) with
 * those marks set by hand. Prints TAP. */
#include "pdf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "teststore.h"

/* The PDF's text, one space between words (pdftotext), or "" on failure;
 * free it. */
static char *pdf_text(const char *path)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "pdftotext '%s' - 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    size_t cap = 1 << 16, len = 0;
    char *buf = calloc(cap, 1);
    int ch, space = 0;
    while (p && buf && (ch = fgetc(p)) != EOF && len + 2 < cap) {
        if (ch == ' ' || ch == '\n' || ch == '\f' || ch == '\t') {
            space = 1;
            continue;
        }
        if (space && len)
            buf[len++] = ' ';
        space = 0;
        buf[len++] = (char)ch;
    }
    if (p)
        pclose(p);
    return buf ? buf : calloc(1, 1);
}

static pm_result *find(pm_report *rep, const char *id)
{
    for (size_t i = 0; i < rep->nresults; i++)
        if (strcmp(rep->results[i].id, id) == 0)
            return &rep->results[i];
    return NULL;
}

static void marks(pm_report *rep)
{
    static const char *const oost[] = {"Oost"};
    rep->scope.filter = (pm_filter){.regios = oost, .nregios = 1};
    rep->scope.vergelijk = PM_VERGELIJK_VORIGE;
    pm_period_parse("2025-Q1", &rep->scope.vergelijk_period);
    for (size_t i = 0; i < rep->nresults; i++) {
        pm_result *r = &rep->results[i];
        r->gefilterd = strcmp(r->id, "R1") == 0 || strcmp(r->id, "R2") == 0 ||
                       strcmp(r->id, "R3") == 0;
    }
    /* R1 hidden in full, its trend too. */
    pm_result *r1 = find(rep, "R1");
    r1->periode.suppress = PM_SUPPRESS_PRIMAIR;
    r1->cumulatief.suppress = PM_SUPPRESS_PRIMAIR;
    for (size_t i = 0; i < r1->ntrend; i++)
        r1->trend[i].f.suppress = PM_SUPPRESS_PRIMAIR;
    for (size_t i = 0; i < r1->neindstanden; i++)
        r1->eindstanden[i].f.suppress = PM_SUPPRESS_PRIMAIR;
    r1->vergelijking = (pm_comparison){.present = true, .suppress = PM_SUPPRESS_PRIMAIR};
    /* R2 rose clearly, R5 did not change clearly, R6 fell by two, R3 has
     * nothing to compare with. */
    pm_comparison c = {.present = true, .has_verschil = true, .has_interval = true};
    c.f.waarde = 0.5;
    c.f.has_waarde = true;
    c.verschil = 0.125;
    c.lo = 0.02;
    c.hi = 0.2;
    c.significant = true;
    find(rep, "R2")->vergelijking = c;
    c.verschil = -0.05;
    c.lo = -0.2;
    c.hi = 0.1;
    c.significant = false;
    find(rep, "R5")->vergelijking = c;
    pm_comparison n = {.present = true, .has_verschil = true};
    n.f.aantal = 3;
    n.verschil = -2;
    find(rep, "R6")->vergelijking = n;
    find(rep, "R3")->vergelijking = (pm_comparison){.present = true};
}

int main(void)
{
    store_setup();
    const char *files[] = {"hulpvragen.csv",
                           "id;organisatie;ontvangen;eerste_contact\n"
                           "H1;GM0363;2025-01-17;2025-01-20\n"
                           "H2;GM0363;2025-04-17;2025-04-25\n"
                           "H3;SOB001;2025-04-17;2025-04-18\n"
                           "H5;GM0344;2025-04-30;2025-05-08\n",
                           "kennisproducten.csv",
                           "id;titel;soort;gepubliceerd;pijler;kanalen;bereik\n"
                           "K1;Webinar;webinar;2025-04-10;2;nieuwsbrief;0\n"};
    sqlite3 *db = make_store("dash", files, 2);
    pm_config cfg;
    load_config(&cfg, 1, 10);
    pm_report rep;
    run(&rep, db, &cfg, "2025-Q2", NULL);
    marks(&rep);

    const char *pdf = write_file("dash.pdf", "");
    const char *png = write_file("dash.png", "");
    pm_pdf_input in = {.rep = &rep,
                       .audience = PM_EXTERN,
                       .created = 1767225600,
                       .fingerprint = "0123-4567-89ab-cdef"};
    char msg[512] = "";
    pm_error err =
        pm_pdf_write_dashboard(&in, pdf, "dash.pdf", png, "dash.png", msg, sizeof msg);
    CHECK(err == PM_OK, "dashboard_written");
    char *t = pdf_text(pdf);
    CHECK(strstr(t, "Regio Oost · 2e kwartaal 2025") != NULL,
          "title_is_filter_and_period");
    CHECK(strstr(t, "Vergeleken met 1e kwartaal 2025, zoals bekend op de peildatum") !=
              NULL,
          "header_names_the_comparison_period");
    CHECK(strstr(t, "R1, R2 en R3 tellen alleen de organisaties van dit filter") != NULL,
          "header_says_what_the_filter_reaches");
    CHECK(strstr(t, "Let op: De hulpvragen lopen tot") != NULL &&
              strstr(t, "(en 2 meer)") != NULL,
          "one_warning_line_first_warning_and_the_count_of_the_others");
    CHECK(strstr(t, "Periode 2e kwartaal 2025: <5 (onderdrukt)") != NULL,
          "hidden_periode_reads_lt5_without_its_status");
    CHECK(strstr(t, "<5 = minder dan 5 waarnemingen, niet getoond") != NULL,
          "hidden_figure_says_why");
    /* Only primary marks on this page: no legend line for "x". */
    CHECK(strstr(t, "x = niet getoond") == NULL, "no_legend_of_a_mark_not_shown");
    /* The tiles use labels.c's shared words (pm_label_vergelijking_kort). */
    CHECK(strstr(t, "geen vergelijking: te weinig waarnemingen om te tonen") != NULL,
          "hidden_comparison_quotes_no_figure");
    CHECK(strstr(t, "daalde duidelijk van 50,0%") != NULL,
          "significant_change_says_duidelijk");
    CHECK(strstr(t, "procentpunt, binnen de marge van toeval") != NULL,
          "insignificant_change_says_so");
    CHECK(strstr(t, "2 minder (1 tegen 3)") != NULL, "count_difference_in_words");
    CHECK(strstr(t, "geen vergelijking: in beide perioden geen beoordeelde") != NULL,
          "missing_comparison_said_in_words");
    CHECK(strstr(t, "de regel daaronder vergelijkt haar met 1e kwartaal 2025") != NULL,
          "legend_explains_the_comparison_line");
    size_t hele = 0;
    for (const char *p = t; (p = strstr(p, "hele programma")) != NULL; p++)
        hele++;
    /* R4, R5, R6 and B, plus the header line. */
    CHECK(hele == 5, "hele_programma_on_the_four_unfiltered_tiles");
    if (hele != 5)
        printf("# %zu times: %s\n", hele, t);
    free(t);

    /* A filter that leaves no organisation is the warning line's first
     * word: the page must not read as a regio without requests. */
    rep.scope.filter_empty = true;
    err = pm_pdf_write_dashboard(&in, pdf, "dash.pdf", NULL, NULL, msg, sizeof msg);
    t = pdf_text(pdf);
    CHECK(err == PM_OK &&
              strstr(t, "Let op: geen enkele organisatie valt binnen het filter; R1, R2 "
                        "en R3 tellen daarom niets (en 3 meer)") != NULL,
          "empty_filter_leads_the_warning_line");
    free(t);
    rep.scope.filter_empty = false;

    /* A hidden eindstand: "<5" and no verdict. */
    pm_report end;
    run(&end, db, &cfg, "2025", "2026-01-31");
    pm_result *e1 = find(&end, "R1");
    for (size_t i = 0; e1 && i < e1->neindstanden; i++)
        e1->eindstanden[i].f.suppress = PM_SUPPRESS_PRIMAIR;
    pm_pdf_input ein = in;
    ein.rep = &end;
    err = pm_pdf_write_dashboard(&ein, pdf, "dash.pdf", NULL, NULL, msg, sizeof msg);
    t = pdf_text(pdf);
    CHECK(err == PM_OK && e1 && e1->neindstanden > 0 &&
              strstr(t, "R1 <5 — onderdrukt") != NULL,
          "hidden_eindstand_reads_lt5_without_a_verdict");
    free(t);
    /* Issue 14 (secmark): hidden beside a small cell, an eindstand may rest
     * on 79 requests: "x" and its own legend, never "<5" or "minder dan 5". */
    for (size_t i = 0; e1 && i < e1->neindstanden; i++)
        e1->eindstanden[i].f.suppress = PM_SUPPRESS_SECUNDAIR;
    err = pm_pdf_write_dashboard(&ein, pdf, "dash.pdf", NULL, NULL, msg, sizeof msg);
    t = pdf_text(pdf);
    CHECK(err == PM_OK && strstr(t, "R1 x — onderdrukt") != NULL &&
              strstr(t, "R1 <5") == NULL,
          "secondary_eindstand_reads_x_without_a_verdict");
    CHECK(strstr(t, "x = niet getoond, zodat een kleine cel elders niet is af te") !=
                  NULL &&
              strstr(t, "minder dan 5 waarnemingen") == NULL,
          "secondary_eindstand_has_the_x_legend_and_not_the_lt5_one");
    free(t);
    pm_report_free(&end);

    FILE *f = fopen(png, "rb");
    unsigned char head[24] = {0};
    size_t got = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    uint32_t pw = (uint32_t)head[16] << 24 | (uint32_t)head[17] << 16 |
                  (uint32_t)head[18] << 8 | head[19];
    uint32_t ph = (uint32_t)head[20] << 24 | (uint32_t)head[21] << 16 |
                  (uint32_t)head[22] << 8 | head[23];
    CHECK(got == 24 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0, "png_is_a_png");
    CHECK(pw == 1240 && ph == 1754, "png_is_a4_at_150_dpi");

    pm_report_free(&rep);
    pm_config_free(&cfg);
    pm_store_close(db);
    store_cleanup();
    return tap_done();
}
