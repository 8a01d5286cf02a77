/* test_pdf_pager.c — unit tests for the PDF's page writer (exporters/
 * pdf_pager.c): a page begins on the first need, breaks only where the
 * next piece does not fit, every page gets one footer with its own number,
 * counting (no footer) breaks where drawing does, a part's head comes under
 * every H1, and a pager writing under an indicator's charts never breaks.
 * Also the dashboard sparkline's numbers (pm_dashboard_spark_get), which
 * the PDF tile and the web page share. Prints TAP. */
#include "pdf_pager.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "tap.h"

/* The footers drawn: the page number each was drawn for. */
static int footers[64];
static int nfooters;

static void footer(const doc *d, cairo_t *cr, int page)
{
    (void)d;
    (void)cr;
    if (nfooters < 64)
        footers[nfooters++] = page;
}

static int heads;
static double head_y;

static double head(pm_pdf_pager *p, double y)
{
    (void)p;
    heads++;
    head_y = y;
    return y + 100;
}

/* A document with only what the running header reads. */
static void doc_make(doc *d, pm_pdf_input *in, pm_scope *ctx)
{
    memset(d, 0, sizeof *d);
    memset(in, 0, sizeof *in);
    memset(ctx, 0, sizeof *ctx);
    in->audience = PM_INTERN;
    ctx->peildatum = 20000;
    d->in = in;
    d->ctx = ctx;
    snprintf(d->period_name, sizeof d->period_name, "1e kwartaal 2026");
}

/* Lays out the same pieces on p: three of 300 points, then one of 10. */
static void pieces(pm_pdf_pager *p)
{
    for (int i = 0; i < 3; i++) {
        pm_pdf_pager_need(p, 300);
        p->y += 300;
    }
    pm_pdf_pager_need(p, 10);
    p->y += 10;
    pm_pdf_pager_end(p);
}

static void test_pages(void)
{
    doc d;
    pm_pdf_input in;
    pm_scope ctx;
    doc_make(&d, &in, &ctx);
    /* A PDF surface that writes nowhere: the outline entry needs one. */
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(NULL, NULL, PAGE_W, PAGE_H);
    cairo_t *cr = cairo_create(s);
    int page = 5;
    pm_pdf_pager p = pm_pdf_pager_make(&d, cr, &page, footer, "Deel", "Deel", 700);
    CHECK(!p.open && p.started == 0, "a new pager has no page open");
    CHECK(pm_pdf_pager_need(&p, 10) && page == 6 && p.open && p.started == 1,
          "the first need begins a page, numbered after the document's last");
    CHECK(p.y > PM_PDF_PAGE_TOP + 20,
          "the content starts below the running header and the title");
    double first_y = p.y;
    CHECK(!pm_pdf_pager_need(&p, 700 - p.y) && page == 6 && nfooters == 0,
          "a piece that just fits above the bottom breaks nothing");
    p.y = 650;
    CHECK(pm_pdf_pager_need(&p, 60) && page == 7 && p.started == 2,
          "a piece that passes the bottom goes to the next page");
    CHECK(nfooters == 1 && footers[0] == 6,
          "the page left gets its footer, with its number");
    CHECK(p.y == first_y, "a continuation page starts its content where the first did");
    pm_pdf_pager_end(&p);
    pm_pdf_pager_end(&p);
    CHECK(nfooters == 2 && footers[1] == 7 && !p.open,
          "ending gives the last page one footer, and ending again adds none");
    CHECK(cairo_status(cr) == CAIRO_STATUS_SUCCESS, "cairo reports no error");

    /* Counting breaks where drawing does. */
    nfooters = 0;
    int drawn = 0, counted = 0;
    pm_pdf_pager a = pm_pdf_pager_make(&d, cr, &drawn, footer, "Deel", "Deel", 700);
    pieces(&a);
    int drawn_footers = nfooters;
    cairo_surface_t *rec =
        cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *rcr = cairo_create(rec);
    pm_pdf_pager b = pm_pdf_pager_make(&d, rcr, &counted, NULL, "Deel", "Deel", 700);
    pieces(&b);
    CHECK(drawn == 2 && drawn_footers == 2, "three pieces of 300 points take two pages");
    CHECK(counted == drawn && nfooters == drawn_footers,
          "counting gives the same pages and draws no footer");
    CHECK(
        cairo_status(rcr) == CAIRO_STATUS_SUCCESS,
        "counting on a recording surface adds no outline entry (cairo would refuse it)");
    cairo_destroy(rcr);
    cairo_surface_destroy(rec);

    /* The head under every H1. */
    nfooters = 0;
    int pg = 0;
    pm_pdf_pager h = pm_pdf_pager_make(&d, cr, &pg, footer, "Deel", "Deel", 700);
    h.head = head;
    pm_pdf_pager_begin(&h);
    double y1 = head_y;
    pm_pdf_pager_begin(&h);
    CHECK(heads == 2 && head_y == y1 && h.y == y1 + 100,
          "the head is drawn under the title of every page, and the content starts "
          "where it says");
    h.title_size = 30;
    pm_pdf_pager_begin(&h);
    CHECK(head_y > y1, "a larger title moves the head down");
    pm_pdf_pager_end(&h);

    /* Under an indicator's charts: no page of its own, no break. */
    nfooters = 0;
    int ip = 3;
    pm_pdf_pager u = pm_pdf_pager_make(&d, cr, &ip, footer, "", "", 700);
    pm_pdf_pager_inside(&u, 600);
    CHECK(!pm_pdf_pager_need(&u, 1e5) && ip == 3 && u.y == 600,
          "writing under the charts never breaks the page");

    double y = pm_pdf_pager_running_head(&d, cr, 30, " · beheer");
    CHECK(y > 36 && y < 60, "the running header is one small line");
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
}

static void test_spark(void)
{
    doc d;
    pm_pdf_input in;
    pm_scope ctx;
    doc_make(&d, &in, &ctx);
    pm_trend_point tr[4];
    memset(tr, 0, sizeof tr);
    tr[0].f.aantal = 2;
    tr[1].f.aantal = 3;
    tr[2].f.suppress = PM_SUPPRESS_PRIMAIR;
    tr[3].f.aantal = 1;
    pm_result r6 = {.id = "R6", .doel = 12, .trend = tr, .ntrend = 4};
    pm_dashboard_spark sp;
    CHECK(pm_dashboard_spark_get(&d, &r6, &sp) == PM_OK,
          "the sparkline's numbers are gathered");
    CHECK(sp.n == 4 && sp.points == 3,
          "one value per quarter, a hidden quarter is no point");
    CHECK(sp.present[0] && sp.present[1] && !sp.present[2] && sp.present[3] &&
              sp.v[0] == 2 && sp.v[1] == 5 && sp.v[3] == 6,
          "R6's line runs cumulatively past a hidden quarter");
    CHECK(sp.cfg.has_target && sp.cfg.target == 12 && sp.cfg.fix_min,
          "a count's line has its target and starts at zero");
    pm_dashboard_spark_free(&sp);
    pm_dashboard_spark_free(&sp);
    CHECK(!sp.v && !sp.present, "freeing twice is harmless");

    tr[0].f = (pm_figures){.has_waarde = true, .waarde = 0.8};
    tr[1].f = (pm_figures){.has_waarde = false};
    pm_result r1 = {.id = "R1", .doel = 0.9, .trend = tr, .ntrend = 2};
    CHECK(pm_dashboard_spark_get(&d, &r1, &sp) == PM_OK && sp.points == 1 &&
              fabs(sp.v[0] - 0.8) < 1e-12 && !sp.present[1] && sp.cfg.has_bounds,
          "a share's line has a point only where the share exists, bounded 0..1");
    pm_dashboard_spark_free(&sp);
}

int main(void)
{
    test_pages();
    test_spark();
    pm_chart_fonts_release(); /* the fonts' cache, so a leak checker sees none */
    return tap_done();
}
