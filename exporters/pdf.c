/* pdf.c — the PDF report of SPEC §7 as a document: page 1 a dashboard with a
 * tile per indicator, then the indicator pages of pdf_pages.c; PNGs on request.
 *
 * This file owns the document: the cairo surface and its metadata, the
 * outline, the footer, the page loop and the layout of each page around
 * the charts, and the PNG files. The charts and their sentences live in
 * pdf_pages.c, so they can be read one indicator at a time. The PDF is
 * deterministic: metadata dates come from in->created. */
#include "pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "dashboard.h"
#include "format.h"
#include "labels.h"
#include "outfile.h"
#include "pdf_appendix.h"
#include "pdf_internal.h"
#include "pdf_pager.h"
#include "pdf_summary.h"
#include "pdf_tags.h"
#include "pdf_toelichting.h"
#include "period.h"
#include "text.h"

/* The intern mark in the top margin: its line ends (about y 22) before the
 * first line of a page (y 30). */
#define MARK_Y 11.0
#define MARK_SIZE 8.5

/* PNG charts: 1200 × 750 pixels, drawn at 480 × 300 points scaled by 2.5,
 * so text has the same size relative to the chart as on the page. */
#define PNG_W 1200
#define PNG_H 750
#define PNG_SCALE 2.5
/* The line an intern PNG keeps for its mark, and the mark's size (points). */
#define PNG_MARK_H 12.0
#define PNG_MARK_SIZE 7.0

/* Keeps "€" and "≥" on the line of the number after them: the space after
 * them becomes a no-break space, as far as buf has room. */
static void glue(char *buf, size_t size)
{
    static const char *const signs[] = {"€ ", "≥ ", "≤ "};
    for (size_t k = 0; k < 3; k++) {
        size_t sl = strlen(signs[k]);
        char *p = buf;
        while ((p = strstr(p, signs[k])) != NULL) {
            size_t len = strlen(buf);
            if (len + 2 > size)
                return;
            char *sp = p + sl - 1;
            memmove(sp + 2, sp + 1, len - (size_t)(sp + 1 - buf) + 1);
            sp[0] = '\xC2';
            sp[1] = '\xA0';
            p = sp + 2;
        }
    }
}

/* ---- every page -------------------------------------------------------- */

/* Whether an extern report leaves out res's charts because res is filtered
 * (SPEC §9, disclosure_filter.c): its breakdowns and quarters would be 2-D
 * tables beside the national report, so only its figures are shown. */
static bool filtered_extern(const doc *d, const pm_result *res)
{
    return !d->intern && res && res->gefilterd && pm_filter_active(&d->ctx->filter);
}

/* Whether this audience sees the chart of res: a PDF page and the PNGs
 * agree. */
static bool chart_shown(const doc *d, const chart_def *c, const pm_result *res)
{
    return (d->intern || !c->personal) && !filtered_extern(d, res);
}

/* "Intern — niet verspreiden" in bold dark red, centred on the line at y:
 * on every page of an intern PDF (above the page's own header, in the top
 * margin) and under every intern PNG. */
static void intern_mark(cairo_t *cr, double cx, double y, double size)
{
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = size;
    t.bold = true;
    t.color = (pm_rgb){0.75, 0.0, 0.0};
    t.align = PM_ALIGN_CENTER;
    pm_text_draw(cr, pm_label_intern_mark, cx, y, &t);
}

/* "Pagina 2 van 8", the data fingerprint and the date, under every page;
 * the intern mark above it. */
static void footer(const doc *d, cairo_t *cr, int page)
{
    /* Page furniture: outside the structure tree (pdf_tags.h). */
    pm_tags_furniture(cr, true);
    if (d->intern)
        intern_mark(cr, PAGE_W / 2, MARK_Y, MARK_SIZE);
    double y = PAGE_H - FOOTER_H;
    pm_pdf_pager_rule(cr, MARGIN, PAGE_W - MARGIN, y, pm_faint, 0.6);
    pm_text_style t;
    pm_text_style_defaults(&t);
    t.size = 7.5;
    t.color = pm_muted;
    char left[256], right[48];
    snprintf(
        left, sizeof left, "%s · publiek %s · gegevens %s · gemaakt %s met pijlermonitor",
        d->period_name, pm_audience_name(d->in->audience),
        d->in->fingerprint && *d->in->fingerprint ? d->in->fingerprint : "–", d->created);
    snprintf(right, sizeof right, "Pagina %d van %d", page, d->npages);
    t.align = PM_ALIGN_RIGHT;
    t.color = pm_ink;
    double rw, rh;
    pm_text_measure(cr, right, &t, &rw, &rh);
    pm_text_draw(cr, right, PAGE_W - MARGIN, y + 5, &t);
    t.align = PM_ALIGN_LEFT;
    t.color = pm_muted;
    t.width = PAGE_W - 2 * MARGIN - rw - 12;
    t.max_lines = 1;
    pm_text_draw(cr, left, MARGIN, y + 5, &t);
    pm_tags_furniture(cr, false);
    pm_tags_page_done(cr); /* the appendix names each chart's page */
}

/* ---- the indicator pages ---------------------------------------------- */

/* The word on a status badge: a figure hidden for extern under a filter
 * (SPEC §9) shows "onderdrukt", never a colour's name that would hint at
 * its value. */
static const char *status_word(const pm_figures *f, pm_status s)
{
    return pm_figures_visible(f) ? pm_status_name(s) : "onderdrukt";
}

/* The verdict of an eindstand, or "onderdrukt" with its figure. */
static const char *verdict_word(const pm_figures *f)
{
    return pm_figures_visible(f) ? pm_label_oordeel((int)f->oordeel) : "onderdrukt";
}

/* Title, status and figures at the top of an indicator page; returns the
 * y below them. */
static double page_header(const doc *d, cairo_t *cr, const pm_result *res)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN, y = 30;
    pm_text_style t;
    pm_text_style_defaults(&t);
    char buf[600], v1[160], v2[160], target[96];
    y = pm_pdf_pager_running_head(d, cr, y, NULL);

    /* The badge sits right of the title, so measure it first. */
    snprintf(v1, sizeof v1, "%s", status_word(&res->cumulatief, res->status));
    double bh, bw = pm_status_badge(cr, 0, 0, 9.5, res->status, v1, false, &bh);
    snprintf(buf, sizeof buf, "%s  %s", res->id, pm_label_indicator(res->id)->naam);
    t.size = 18;
    t.bold = true;
    t.color = pm_ink;
    t.size = pm_text_fit(cr, buf, &t, w - bw - 12, 14);
    t.width = w - bw - 12;
    pm_tags_role(cr, "H1");
    double title_h = pm_text_draw(cr, buf, x, y, &t);
    pm_status_badge(cr, x + w - bw, y + 2, 9.5, res->status, v1, true, NULL);
    y += fmax(title_h, bh) + 5;

    pm_text_shown(res->id, &res->cumulatief, d->hidden, v1, sizeof v1);
    pm_text_shown(res->id, &res->periode, d->hidden, v2, sizeof v2);
    pm_label_target(res->id, d->cfg, target, sizeof target);
    glue(v1, sizeof v1);
    glue(v2, sizeof v2);
    glue(target, sizeof target);
    /* The markup is ours; every value in it is escaped. */
    char *line = g_markup_printf_escaped(
        "<b>Doel</b> %s   ·   <b>Cumulatief</b> %s   ·   <b>Periode %s</b> %s (%s)",
        target, v1, d->period_name, v2, status_word(&res->periode, res->periode.status));
    t.size = 9;
    t.bold = false;
    t.width = w;
    t.markup = true;
    y += pm_text_draw(cr, line, x, y, &t) + 4;
    t.markup = false;
    g_free(line);

    /* The status's reason, and the verdict on every ended target period. */
    char why[320];
    snprintf(buf, sizeof buf, "Status %s: %s", pm_status_name(res->status),
             pm_label_reden(res->id, &res->cumulatief, d->cfg, why, sizeof why));
    t.size = 9;
    t.color = pm_ink;
    y += pm_text_draw(cr, buf, x, y, &t) + 3;
    snprintf(buf, sizeof buf, "Status periode %s %s: %s", d->period_name,
             pm_status_name(res->periode.status),
             pm_label_reden(res->id, &res->periode, d->cfg, why, sizeof why));
    y += pm_text_draw(cr, buf, x, y, &t) + 3;
    pm_marks seen = {0};
    pm_marks_add(&seen, res->cumulatief.suppress);
    pm_marks_add(&seen, res->periode.suppress);
    for (size_t e = 0; e < res->neindstanden; e++) {
        const pm_eindstand *es = &res->eindstanden[e];
        char d2[16], d3[16];
        pm_marks_add(&seen, es->f.suppress);
        pm_text_shown(res->id, &es->f, d->hidden, v2, sizeof v2);
        snprintf(buf, sizeof buf, "Eindstand doelperiode %s t/m %s: %s — %s",
                 pm_format_date(es->van, d2, sizeof d2),
                 pm_format_date(es->tot, d3, sizeof d3), v2, verdict_word(&es->f));
        t.bold = true;
        y += pm_text_draw(cr, buf, x, y, &t) + 3;
        t.bold = false;
    }
    /* What the marks above mean, each only where it is used (SPEC §6). */
    y = pm_pdf_marks_legend(d, cr, &seen, x, y, w);

    snprintf(buf, sizeof buf, "Resultaat eind 2025: %s",
             pm_label_indicator(res->id)->resultaat);
    t.size = 8.5;
    t.italic = true;
    t.color = pm_muted;
    y += pm_text_draw(cr, buf, x, y, &t) + 8;

    pm_pdf_pager_rule(cr, x, x + w, y, pm_faint, 0.8);
    return y + 10;
}

#define SAY_SIZE 1024

/* What is left of avail for the n charts without a height yet (height 0),
 * and in *weights the sum of their weights. */
static double unsized_left(const chart_def *const *shown, const double *height, size_t n,
                           double avail, double *weights)
{
    double left = avail;
    *weights = 0;
    for (size_t i = 0; i < n; i++) {
        if (height[i] > 0)
            left -= height[i];
        else
            *weights += shown[i]->weight;
    }
    return left;
}

static pm_error indicator_page(const doc *d, cairo_t *cr, const page_def *p,
                               const pm_result *res)
{
    double x = MARGIN, w = PAGE_W - 2 * MARGIN;
    double y = page_header(d, cr, res);
    pm_text_style ts;
    pm_text_style_defaults(&ts);
    ts.size = 8.5;
    ts.width = w;

    /* The definition and, for extern, what is left out, at the bottom. */
    char def[1024];
    snprintf(def, sizeof def, "Definitie. %s", pm_label_indicator(res->id)->definitie);
    if (!d->intern && p->extern_note)
        pm_pdf_add(def, sizeof def, " %s", p->extern_note);
    if (!d->intern && pm_result_has_secondary(res))
        pm_pdf_add(def, sizeof def, " %s", PM_SECONDARY_NOTE);
    pm_text_style tdef = ts;
    tdef.size = 7.5;
    tdef.color = pm_muted;
    double dw, dh;
    pm_text_measure(cr, def, &tdef, &dw, &dh);
    double bottom = PAGE_H - FOOTER_H - 10 - dh;
    pm_text_draw(cr, def, x, bottom + 4, &tdef);
    /* A short toelichting goes under the charts (pdf_toelichting.c). */
    double tl_h = pm_pdf_tl_inline_height(d, res);
    if (tl_h > 0) {
        bottom -= tl_h;
        pm_pdf_tl_inline(d, cr, res, bottom);
    }

    if (filtered_extern(d, res)) {
        char note[512];
        snprintf(
            note, sizeof note,
            "Bij een selectie van organisaties toont een externe rapportage van deze "
            "indicator alleen de cijfers hierboven, en verbergt ze waar ze op te weinig "
            "waarnemingen rusten of een kleine groep zouden prijsgeven. De "
            "uitsplitsingen en het verloop per kwartaal blijven weg: samen met de "
            "landelijke rapportage zouden ze kleine groepen prijsgeven.");
        pm_text_draw(cr, note, x, y + 6, &ts);
        return PM_OK;
    }
    /* Sentences first: their height decides what is left for the charts. */
    const chart_def *shown[PM_PDF_MAX_CHARTS];
    char say[PM_PDF_MAX_CHARTS][SAY_SIZE];
    double say_h[PM_PDF_MAX_CHARTS], want[PM_PDF_MAX_CHARTS], height[PM_PDF_MAX_CHARTS],
        fixed = 0;
    size_t n = 0;
    for (size_t i = 0; i < p->ncharts; i++) {
        if (!chart_shown(d, &p->charts[i], res))
            continue;
        shown[n] = &p->charts[i];
        say[n][0] = '\0';
        want[n] = 0;
        pm_error err =
            shown[n]->fn(d, NULL, (pm_rect){0, 0, w, 0}, say[n], SAY_SIZE, &want[n]);
        if (err)
            return err;
        glue(say[n], SAY_SIZE);
        pm_text_measure(cr, say[n], &ts, &dw, &say_h[n]);
        fixed += say_h[n] + 6 + 16;
        height[n] = 0;
        n++;
    }
    /* Charts that know their height (a list of rows) get it when it is less
     * than their share; the others share what is left by weight, up to a
     * height at which a chart stops gaining from more room. */
    double avail = bottom - 8 - y - fixed, left, weights;
    for (int round = 0; round < 3; round++) {
        left = unsized_left(shown, height, n, avail, &weights);
        bool changed = false;
        for (size_t i = 0; i < n; i++) {
            if (height[i] > 0)
                continue;
            double share = left * shown[i]->weight / weights;
            double cap = want[i] > 0 ? fmin(want[i], 300) : 270;
            if (share > cap) {
                height[i] = cap;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    left = unsized_left(shown, height, n, avail, &weights);
    for (size_t i = 0; i < n; i++)
        if (height[i] <= 0)
            height[i] = left * shown[i]->weight / weights;
    for (size_t i = 0; i < n; i++) {
        double h = height[i];
        pm_error err = shown[i]->fn(d, cr, (pm_rect){x, y, w, h}, NULL, 0, NULL);
        if (err)
            return err;
        y += h + 6;
        y += pm_text_draw(cr, say[i], x, y, &ts) + 16;
    }
    return PM_OK;
}

/* ---- output ------------------------------------------------------------ */

/* Where cairo's output goes. A failed write is remembered here and NOT
 * passed back to cairo: cairo aborts the whole process on an assertion
 * (_cairo_array_index_const) when its PDF stream fails at some moments, as
 * on a full disk (tests/e2e/test_faults.py), leaving the temporary file
 * behind. So cairo goes on into the void and the failure is reported after
 * cairo_surface_finish, with the errno of the first failed write. */
typedef struct out_stream {
    FILE *fp;
    int err; /* errno of the first failed write; 0 while all went well */
} out_stream;

static cairo_status_t write_stream(void *closure, const unsigned char *data,
                                   unsigned int length)
{
    out_stream *o = closure;
    /* glibc's fwrite can report every byte taken although flushing its
     * buffer failed; the stream's error flag tells. */
    errno = 0;
    if (!o->err && (fwrite(data, 1, length, o->fp) != length || ferror(o->fp)))
        o->err = errno ? errno : EIO;
    return CAIRO_STATUS_SUCCESS;
}

/* The document's dates in the ISO form cairo writes into the PDF. */
static void iso_date(time_t t, char *buf, size_t size)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Opens path (a file the caller made) for writing from the start. */
static pm_error open_target(const char *path, const char *shown, FILE **fp, char *msg,
                            size_t msgsize)
{
    *fp = fopen(path, "wb");
    if (*fp)
        return PM_OK;
    snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown,
             pm_errno_text(errno));
    return PM_ERR_IO;
}

/* Closes fp after writing; the first write error (os_err) or a failed flush
 * is the reason. */
static pm_error close_target(FILE *fp, int os_err, const char *shown, char *msg,
                             size_t msgsize)
{
    errno = 0;
    int e = os_err;
    if (!e && (fflush(fp) != 0 || ferror(fp)))
        e = errno ? errno : EIO;
    if (fclose(fp) != 0 && !e)
        e = errno ? errno : EIO;
    if (!e)
        return PM_OK;
    snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown, pm_errno_text(e));
    return PM_ERR_IO;
}

/* Draws the whole document on cr (surface s), tagged into tags; *page ends
 * on the last page drawn. */
static pm_error draw_document(doc *d, cairo_surface_t *s, cairo_t *cr, pm_tags *tags,
                              int *page_out)
{
    pm_error err = PM_OK;
    pm_tags_attach(cr, tags);
    cairo_tag_begin(cr, "Document", NULL);
    *page_out = 1;
    cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, "Dashboard", "page=1", 0);
    if (!err)
        err = d->dashboard ? pm_dashboard_page(d, cr) : pm_dashboard_report_page(d, cr);
    footer(d, cr, *page_out);
    cairo_show_page(cr);
    if (!err)
        err = pm_pdf_summary_pages(d, cr, page_out, footer);
    if (!err && !d->dashboard)
        err = pm_pdf_tl_algemeen(d, cr, page_out, footer);
    for (size_t i = 0; !err && !d->dashboard && i < d->rep->nresults; i++) {
        const pm_result *res = &d->rep->results[i];
        const page_def *p = pm_pdf_page_def(res->id);
        if (!p)
            continue;
        (*page_out)++;
        char name[160], link[32];
        snprintf(name, sizeof name, "%s %s", res->id, pm_label_indicator(res->id)->naam);
        snprintf(link, sizeof link, "page=%d", *page_out);
        cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
        err = indicator_page(d, cr, p, res);
        footer(d, cr, *page_out);
        cairo_show_page(cr);
        if (!err)
            err = pm_pdf_tl_indicator(d, cr, res, page_out, footer);
    }
    if (!err && !d->dashboard)
        err = pm_pdf_tl_risks(d, cr, page_out, footer);
    /* Intern only: the management section (SPEC §10). */
    if (!err && !d->dashboard)
        err = pm_pdf_beheer_pages(d, cr, page_out, footer);
    /* Every chart's numbers as a table, at the end (SPEC §11). */
    if (!err)
        err = pm_pdf_appendix_pages(d, cr, tags, page_out, footer);
    cairo_tag_end(cr, "Document");
    return err;
}

/* The pages the document takes, appendix included. Every footer says
 * "Pagina x van y", and the appendix's tables are known only once every
 * chart has been drawn; so the charts (page 1's tiles and the indicator
 * pages, the only pages with figures) are drawn first onto a recording
 * surface that is never written, and the appendix is laid out there to count
 * its pages. A recording surface measures text as the PDF surface does (no
 * hinting, no hinted metrics), so the count matches the PDF. */
static pm_error count_pages(doc *d)
{
    cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(s);
    pm_tags *tags = pm_tags_new();
    pm_error err = tags ? PM_OK : PM_ERR_NOMEM;
    pm_tags_attach(cr, tags);
    if (!err)
        err = d->dashboard ? pm_dashboard_page(d, cr) : pm_dashboard_report_page(d, cr);
    for (size_t i = 0; !err && !d->dashboard && i < d->rep->nresults; i++) {
        const pm_result *res = &d->rep->results[i];
        const page_def *p = pm_pdf_page_def(res->id);
        if (p)
            err = indicator_page(d, cr, p, res);
    }
    int extra = 0;
    if (!err)
        extra = pm_pdf_appendix_npages(d, cr, tags);
    if (!err && cairo_status(cr) == CAIRO_STATUS_NO_MEMORY)
        err = PM_ERR_NOMEM;
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    pm_tags_free(tags);
    if (!err)
        d->npages += extra;
    return err;
}

static pm_error write_pdf(doc *d, const char *path, const char *shown, char *msg,
                          size_t msgsize)
{
    pm_error err = count_pages(d);
    if (err) {
        snprintf(msg, msgsize, "%s: %s", shown, pm_strerror(err));
        return err;
    }
    FILE *fp;
    err = open_target(path, shown, &fp, msg, msgsize);
    if (err)
        return err;
    out_stream os = {.fp = fp};
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(write_stream, &os, PAGE_W, PAGE_H);
    char title[640], subject[256], date[32], d1[16], d2[16], d3[16];
    if (d->dashboard) {
        char head[600];
        pm_dashboard_title(d, head, sizeof head);
        snprintf(title, sizeof title, "Dashboard — %s", head);
    } else
        snprintf(title, sizeof title, "%s — %s", REPORT_TITLE, d->period_name);
    snprintf(subject, sizeof subject,
             "%s, periode %s (%s t/m %s), peildatum %s, publiek %s", d->cfg->naam,
             d->period_name, pm_format_date(d->ctx->period.start, d1, sizeof d1),
             pm_format_date(d->ctx->period.end, d2, sizeof d2),
             pm_format_date(d->ctx->peildatum, d3, sizeof d3),
             pm_audience_name(d->in->audience));
    iso_date(d->in->created, date, sizeof date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "pijlermonitor");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "pijlermonitor");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);

    cairo_t *cr = cairo_create(s);
    /* SPEC §11: a structure tree in reading order, completed by qpdf below. */
    pm_tags *tags = pm_tags_new();
    if (!tags)
        err = PM_ERR_NOMEM;
    int page = 1;
    if (!err)
        err = draw_document(d, s, cr, tags, &page);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (!err && os.err) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown,
                 pm_errno_text(os.err));
        err = PM_ERR_IO;
    } else if (!err && st != CAIRO_STATUS_SUCCESS) {
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown,
                 st == CAIRO_STATUS_NO_MEMORY ? "onvoldoende geheugen"
                                              : "schrijffout bij het maken van de PDF");
        err = st == CAIRO_STATUS_NO_MEMORY ? PM_ERR_NOMEM : PM_ERR_IO;
    } else if (err) {
        snprintf(msg, msgsize, "%s: %s", shown, pm_strerror(err));
    }
    if (err) {
        fclose(fp);
        pm_tags_free(tags);
        return err;
    }
    err = close_target(fp, 0, shown, msg, msgsize);
    if (!err)
        err = pm_pdf_tags_apply(tags, path, shown, msg, msgsize);
    pm_tags_free(tags);
    return err;
}

/* Writes image surface s as a PNG to path (shown in messages as shown):
 * the one way charts and the dashboard page reach a file. */
static pm_error save_png(cairo_surface_t *s, const char *path, const char *shown,
                         char *msg, size_t msgsize)
{
    FILE *fp = NULL;
    pm_error err = open_target(path, shown, &fp, msg, msgsize);
    if (!err) {
        out_stream os = {.fp = fp};
        cairo_status_t st = cairo_surface_write_to_png_stream(s, write_stream, &os);
        if (st != CAIRO_STATUS_SUCCESS && !os.err) {
            fclose(fp);
            snprintf(msg, msgsize, "%s kan niet worden geschreven: schrijffout", shown);
            err = PM_ERR_IO;
        } else {
            err = close_target(fp, os.err, shown, msg, msgsize);
        }
    }
    return err;
}

/* One chart as a PNG file, on a white background, into the file the
 * caller's png_file gives for its name. */
static pm_error write_png(const doc *d, const chart_def *c, char *msg, size_t msgsize)
{
    size_t len = strlen(c->png) + 8;
    char *name = malloc(len);
    if (!name)
        return PM_ERR_NOMEM;
    snprintf(name, len, "%s.png", c->png);

    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, PNG_W, PNG_H);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, PNG_SCALE, PNG_SCALE);
    double w = PNG_W / PNG_SCALE, h = PNG_H / PNG_SCALE;
    /* An intern chart gives up a line at the bottom to the mark, so the
     * file says what it is wherever it is copied to. */
    double mark = d->intern ? PNG_MARK_H : 0;
    pm_error err = c->fn(d, cr, (pm_rect){16, 14, w - 32, h - 28 - mark}, NULL, 0, NULL);
    if (!err && d->intern)
        intern_mark(cr, w / 2, h - 14 - mark + 5, PNG_MARK_SIZE);
    cairo_destroy(cr);
    cairo_surface_flush(s);

    const char *path = NULL, *shown = name;
    if (err)
        snprintf(msg, msgsize, "%s: %s", name, pm_strerror(err));
    else
        err = d->in->png_file(d->in->png_ctx, name, &path, &shown, msg, msgsize);
    if (!err)
        err = save_png(s, path, shown, msg, msgsize);
    cairo_surface_destroy(s);
    free(name);
    return err;
}

static pm_error write_pngs(const doc *d, char *msg, size_t msgsize)
{
    for (size_t i = 0; i < d->rep->nresults; i++) {
        const page_def *p = pm_pdf_page_def(d->rep->results[i].id);
        for (size_t k = 0; p && k < p->ncharts; k++) {
            if (!chart_shown(d, &p->charts[k], &d->rep->results[i]))
                continue;
            pm_error err = write_png(d, &p->charts[k], msg, msgsize);
            if (err)
                return err;
        }
    }
    return PM_OK;
}

/* The dashboard's page as one PNG image (DASH_DPI), white, with the footer
 * and the intern mark where the PDF has them. */
#define DASH_DPI 150.0
static pm_error write_page_png(const doc *d, const char *path, const char *shown,
                               char *msg, size_t msgsize)
{
    double scale = DASH_DPI / 72.0;
    cairo_surface_t *s = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, (int)lround(PAGE_W * scale), (int)lround(PAGE_H * scale));
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    pm_error err = pm_dashboard_page(d, cr);
    if (!err)
        footer(d, cr, 1);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    if (!err && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        err = PM_ERR_NOMEM;
    if (err)
        snprintf(msg, msgsize, "%s: %s", shown, pm_strerror(err));
    else
        err = save_png(s, path, shown, msg, msgsize);
    cairo_surface_destroy(s);
    return err;
}

/* ---- the document ------------------------------------------------------ */

static void doc_free(doc *d)
{
    free(d->quarter);
    free(d->quarter_ptr);
}

static pm_error doc_init(doc *d, const pm_pdf_input *in)
{
    memset(d, 0, sizeof *d);
    d->in = in;
    d->rep = in->rep;
    d->ctx = &in->rep->scope;
    d->cfg = in->rep->scope.cfg;
    d->intern = in->audience == PM_INTERN;
    pm_hidden_mark(PM_SUPPRESS_PRIMAIR, d->cfg->min_cell, d->hidden, sizeof d->hidden);
    pm_hidden_legend(PM_SUPPRESS_PRIMAIR, d->cfg->min_cell, d->hidden_legend,
                     sizeof d->hidden_legend);
    pm_hidden_legend(PM_SUPPRESS_SECUNDAIR, d->cfg->min_cell, d->secondary_legend,
                     sizeof d->secondary_legend);
    pm_hidden_legend_short(PM_SUPPRESS_PRIMAIR, d->cfg->min_cell, d->chart_hidden_legend,
                           sizeof d->chart_hidden_legend);
    pm_hidden_legend_short(PM_SUPPRESS_SECUNDAIR, d->cfg->min_cell,
                           d->chart_secondary_legend, sizeof d->chart_secondary_legend);

    const pm_scope *ctx = d->ctx;
    char d1[16], d2[16];
    pm_format_date(ctx->cum_from, d1, sizeof d1);
    snprintf(d->cum_range, sizeof d->cum_range, "%s t/m %s", d1,
             pm_format_date(ctx->cum_to, d2, sizeof d2));
    snprintf(d->cum_sub, sizeof d->cum_sub, "Cumulatief, %s", d->cum_range);
    snprintf(d->since, sizeof d->since, "Sinds %s", d1);
    snprintf(d->since_lc, sizeof d->since_lc, "sinds %s", d1);
    /* A quarter reads "In het 4e kwartaal 2025", a month or year "In
     * januari 2026", "In 2025"; a range of dates "In de periode ... t/m ...". */
    pm_format_period(ctx->period.start, ctx->period.end, d->period_name,
                     sizeof d->period_name);
    if (strstr(d->period_name, " t/m "))
        snprintf(d->per_phrase, sizeof d->per_phrase, "In de periode %s", d->period_name);
    else if (strstr(d->period_name, "kwartaal"))
        snprintf(d->per_phrase, sizeof d->per_phrase, "In het %s", d->period_name);
    else
        snprintf(d->per_phrase, sizeof d->per_phrase, "In %s", d->period_name);
    snprintf(d->per_lc, sizeof d->per_lc, "i%s", d->per_phrase + 1);

    struct tm tm;
    time_t t = in->created;
    gmtime_r(&t, &tm);
    strftime(d->created, sizeof d->created, "%d-%m-%Y", &tm);

    /* Every result has the same trend quarters; label them once. */
    size_t n = 0;
    if (ctx->q_last >= ctx->q_first)
        n = (size_t)(ctx->q_last - ctx->q_first + 1);
    d->nquarters = n;
    d->quarter = calloc(n ? n : 1, sizeof *d->quarter);
    d->quarter_ptr = calloc(n ? n : 1, sizeof *d->quarter_ptr);
    if (!d->quarter || !d->quarter_ptr) {
        doc_free(d);
        return PM_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        pm_format_quarter_short(ctx->q_first + (int)i, d->quarter[i],
                                sizeof d->quarter[i]);
        d->quarter_ptr[i] = d->quarter[i];
    }
    if (n > 1)
        snprintf(d->trend_sub, sizeof d->trend_sub, "Per kwartaal, %s t/m %s",
                 d->quarter[0], d->quarter[n - 1]);
    else if (n == 1)
        snprintf(d->trend_sub, sizeof d->trend_sub, "Per kwartaal, alleen %s",
                 d->quarter[0]);
    else
        snprintf(d->trend_sub, sizeof d->trend_sub, "Per kwartaal");

    d->npages = 1 + pm_pdf_summary_npages(d);
    for (size_t i = 0; i < d->rep->nresults; i++)
        d->npages += pm_pdf_page_def(d->rep->results[i].id) != NULL;
    d->npages += pm_pdf_beheer_npages(d);
    return PM_OK;
}

pm_error pm_pdf_write(const pm_pdf_input *in, const char *path, const char *shown,
                      char *msg, size_t msgsize)
{
    doc d;
    pm_error err = doc_init(&d, in);
    if (err) {
        snprintf(msg, msgsize, "%s", pm_strerror(err));
        return err;
    }
    if (path) {
        d.npages += pm_pdf_tl_pages(&d);
        err = write_pdf(&d, path, shown ? shown : path, msg, msgsize);
    }
    if (!err && in->png_file)
        err = write_pngs(&d, msg, msgsize);
    doc_free(&d);
    /* Fonts are cached per document; a long-running caller gets them back. */
    pm_chart_fonts_release();
    return err;
}
pm_error pm_pdf_write_dashboard(const pm_pdf_input *in, const char *pdf_path,
                                const char *pdf_shown, const char *png_path,
                                const char *png_shown, char *msg, size_t msgsize)
{
    doc d;
    pm_error err = doc_init(&d, in);
    if (err) {
        snprintf(msg, msgsize, "%s", pm_strerror(err));
        return err;
    }
    d.dashboard = true;
    d.npages = 1;
    if (pdf_path)
        err = write_pdf(&d, pdf_path, pdf_shown ? pdf_shown : pdf_path, msg, msgsize);
    if (!err && png_path)
        err =
            write_page_png(&d, png_path, png_shown ? png_shown : png_path, msg, msgsize);
    doc_free(&d);
    pm_chart_fonts_release();
    return err;
}

/* The web page (html.c) uses the same words and charts as the PDF. */
pm_error pm_pdf_doc_init(doc *d, const pm_pdf_input *in)
{
    return doc_init(d, in);
}
void pm_pdf_doc_free(doc *d)
{
    doc_free(d);
}
