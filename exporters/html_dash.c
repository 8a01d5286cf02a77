/* html_dash.c — what the PDF's dashboard shows beyond the tiles' words, for
 * the web page (SPEC §8, §11): each tile's sparkline as a figure with its
 * numbers in a table, the eindstand and the count per status in words, and
 * how to read a tile with the marks the page uses. The numbers are the
 * PDF tile's own (dashboard.c), so both outputs show the same line. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "export.h"
#include "format.h"
#include "html_internal.h"
#include "labels.h"
#include "text.h"

/* The statuses best first, as the PDF's count and legend rank them. */
static const pm_status order[] = {PM_GROEN, PM_ORANJE, PM_ROOD, PM_GRIJS};

static bool is_count(const pm_result *res)
{
    return strcmp(res->id, "R3") == 0 || strcmp(res->id, "R6") == 0;
}

/* The sparkline's table: a row per quarter, the value as the line has it. */
static void spark_table(pm_html_buf *b, const doc *d, const pm_result *res,
                        const pm_dashboard_spark *sp, int *ntable)
{
    const double *v = sp->v;
    const bool *present = sp->present;
    char cap[160], buf[64], target[96];
    snprintf(cap, sizeof cap, "Cijfers bij het verloop van %s per kwartaal", res->id);
    pm_html_table_open(b, ntable, cap);
    pm_html_buf_printf(b,
                       "<thead><tr><th scope=\"col\">Kwartaal</th><th scope=\"col\">"
                       "%s</th></tr></thead>\n<tbody>\n",
                       strcmp(res->id, "R3") == 0   ? "Actieve specialisten"
                       : strcmp(res->id, "R6") == 0 ? "Kennisproducten (cumulatief)"
                       : strcmp(res->id, "B") == 0  ? "Uitputting (cumulatief)"
                                                    : "Waarde");
    for (size_t i = 0; i < sp->n && i < d->nquarters; i++) {
        const char *s =
            present[i]
                ? pm_axis_format(v[i], is_count(res) ? PM_FMT_COUNT : PM_FMT_PERCENT,
                                 is_count(res) ? 0 : 1, buf, sizeof buf)
            : !pm_figures_visible(&res->trend[i].f) ? "niet getoond"
                                                    : "geen gegevens";
        pm_html_buf_put(b, "<tr><th scope=\"row\">");
        pm_html_buf_esc(b, d->quarter[i]);
        pm_html_buf_put(b, "</th><td class=\"n\">");
        pm_html_buf_esc(b, s);
        pm_html_buf_put(b, "</td></tr>\n");
    }
    pm_html_buf_put(b, "</tbody>\n");
    pm_html_table_close(b);
    pm_html_buf_put(b, "<p class=\"note\">Doel: ");
    pm_html_buf_esc(b, pm_label_target(res->id, d->cfg, target, sizeof target));
    pm_html_buf_put(b, ".</p>\n");
}

pm_error pm_html_tile_spark(pm_html_buf *b, const doc *d, const pm_result *res,
                            int *nchart, int *ntable)
{
    pm_dashboard_spark sp;
    if (pm_dashboard_spark_get(d, res, &sp))
        return PM_ERR_NOMEM;
    pm_error err = PM_OK;
    if (sp.points >= 2) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "c%d-", ++*nchart);
        pm_html_buf svg = {0};
        err = pm_html_spark_svg(&sp.cfg, sp.v, sp.present, sp.n, 220, 44, prefix, &svg);
        if (!err) {
            char *alt = pm_dashboard_spark_alt(d, res, &sp.cfg, sp.v, sp.present, sp.n);
            pm_html_buf_printf(b,
                               "<figure class=\"spark\">\n<figcaption>Verloop per "
                               "kwartaal, %s t/m %s; de stippellijn is het doel"
                               "</figcaption>\n",
                               d->quarter[0],
                               d->quarter[sp.n - 1 < d->nquarters ? sp.n - 1 : 0]);
            const char *rest = strstr(svg.data, "<svg");
            rest = rest ? rest + 4 : svg.data;
            pm_html_buf_put(b, "<svg role=\"img\" aria-label=\"");
            pm_html_buf_esc(b, alt);
            pm_html_buf_put(b, "\"");
            pm_html_buf_put(b, rest);
            pm_html_buf_put(b, "\n");
            spark_table(b, d, res, &sp, ntable);
            pm_html_buf_put(b, "</figure>\n");
            g_free(alt);
        }
        free(svg.data);
    } else {
        /* As the PDF's tile: say why no line comes. */
        bool filtered_extern =
            !d->intern && res->gefilterd && pm_filter_active(&d->ctx->filter);
        pm_html_buf_put(b,
                        filtered_extern
                            ? "<p class=\"note\">Het verloop per kwartaal blijft extern "
                              "bij een selectie van organisaties weg: het zou kleine "
                              "groepen prijsgeven.</p>\n"
                            : "<p class=\"note\">Het verloop per kwartaal volgt zodra er "
                              "twee kwartalen met gegevens zijn.</p>\n");
    }
    pm_dashboard_spark_free(&sp);
    return err;
}

void pm_html_eindstand(pm_html_buf *b, const doc *d)
{
    const pm_report *rep = d->rep;
    size_t ne = rep->nresults ? rep->results[0].neindstanden : 0;
    for (size_t e = 0; e < ne; e++) {
        const pm_eindstand *first = &rep->results[0].eindstanden[e];
        char d1[16], d2[16], d3[16];
        /* A date never breaks at its hyphens (a phone's narrow heading
         * would leave "31-12-" on one line and "2025" on the next). */
        pm_html_buf_printf(b,
                           "<section aria-labelledby=\"h-eind-%zu\">\n<h2 "
                           "id=\"h-eind-%zu\">Eindstand <span class=\"nw\">%s</span> "
                           "(doelperiode <span class=\"nw\">%s</span> t/m <span "
                           "class=\"nw\">%s</span>, bekend op <span "
                           "class=\"nw\">%s</span>)</h2>\n<ul>\n",
                           e, e, pm_format_date(first->tot, d1, sizeof d1),
                           pm_format_date(first->van, d2, sizeof d2),
                           pm_format_date(first->tot, d1, sizeof d1),
                           pm_format_date(d->ctx->peildatum, d3, sizeof d3));
        for (size_t i = 0; i < rep->nresults; i++) {
            const pm_result *r = &rep->results[i];
            if (e >= r->neindstanden)
                continue;
            const pm_figures *f = &r->eindstanden[e].f;
            char val[160];
            pm_html_buf_printf(b, "<li><strong>%s</strong>: ", r->id);
            pm_html_buf_esc(b, pm_text_shown(r->id, f, d->hidden, val, sizeof val));
            pm_html_buf_put(b, " — ");
            pm_html_buf_esc(b, pm_figures_visible(f) ? pm_label_oordeel((int)f->oordeel)
                                                     : "onderdrukt");
            pm_html_buf_printf(b, " (status %s)</li>\n",
                               pm_figures_visible(f) ? pm_status_name(f->status)
                                                     : "onderdrukt");
        }
        pm_html_buf_put(b, "</ul>\n</section>\n");
    }
}

void pm_html_stand(pm_html_buf *b, const doc *d)
{
    int per[4] = {0};
    for (size_t i = 0; i < d->rep->nresults; i++)
        per[d->rep->results[i].status]++;
    pm_html_buf_put(b, "<p><strong>Stand:</strong> ");
    for (size_t i = 0; i < 4; i++)
        pm_html_buf_printf(b, "%s%d %s", i ? ", " : "", per[order[i]],
                           pm_status_name(order[i]));
    pm_html_buf_put(b, ".</p>\n");
}

void pm_html_reading(pm_html_buf *b, const doc *d)
{
    pm_html_buf_put(b, "<section aria-labelledby=\"h-lezen\">\n"
                       "<h2 id=\"h-lezen\">Zo leest u een tegel</h2>\n<ul>\n");
    for (size_t i = 0; i < 4; i++) {
        pm_html_buf_printf(b, "<li><strong>%s</strong>: ", pm_status_name(order[i]));
        pm_html_buf_esc(b, pm_label_status_legend((int)order[i]));
        pm_html_buf_put(b, "</li>\n");
    }
    pm_html_buf_put(b, "</ul>\n<p>Cumulatief is vanaf de start van de doelperiode tot de "
                       "peildatum; de status en de reden horen daarbij. Periode is het "
                       "gekozen kwartaal of de gekozen maand. Het lijntje toont het "
                       "verloop per kwartaal, de stippellijn het doel; de cijfers staan "
                       "in de tabel eronder.</p>\n");
    /* The marks of hidden figures, each only where the page shows one. */
    pm_marks m = {0};
    for (size_t i = 0; i < d->rep->nresults; i++) {
        const pm_result *r = &d->rep->results[i];
        pm_marks_add(&m, r->periode.suppress);
        pm_marks_add(&m, r->cumulatief.suppress);
        for (size_t e = 0; e < r->neindstanden; e++)
            pm_marks_add(&m, r->eindstanden[e].f.suppress);
    }
    char legend[2 * PM_LEGEND_SIZE + 8] = "";
    pm_pdf_marks_text(d, &m, legend, sizeof legend);
    if (*legend) {
        pm_html_buf_put(b, "<p class=\"marks\">");
        pm_html_buf_esc(b, legend);
        pm_html_buf_put(b, "</p>\n");
    }
    pm_html_buf_put(b, "</section>\n");
}
