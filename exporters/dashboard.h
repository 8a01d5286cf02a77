/* dashboard.h — the dashboard pages (dashboard.c): page 1 of the report and
 * the one page of `pijlermonitor dashboard` (SPEC §8). Not a public
 * interface: pdf.c owns the document (surface, footer, files) and calls
 * these to draw; cli/ reaches them through pm_pdf_write_dashboard (pdf.h). */
#ifndef PM_DASHBOARD_H
#define PM_DASHBOARD_H

#include "pdf_internal.h"

/* Page 1 of the report: its title, what the figures rest on, every reach
 * warning, the eindstand, the count per status and a tile per indicator. */
pm_error pm_dashboard_report_page(const doc *d, cairo_t *cr);

/* The dashboard's page: a title (d->in->titel, else the filter and the
 * period in words), one line each for period and peildatum, reach and
 * fingerprint, target period, at most one warning line, then the same
 * eindstand, status count and tiles as the report's page 1; with
 * --vergelijk each tile also says the earlier value and the difference. */
pm_error pm_dashboard_page(const doc *d, cairo_t *cr);

/* The dashboard's title into buf: d->in->titel, or "Regio Oost ·
 * gemeenten · 1e kwartaal 2026" (pm_label_filter and the period), or
 * "Hele programma · 1e kwartaal 2026" without a filter. */
void pm_dashboard_title(const doc *d, char *buf, size_t size);

/* A tile's sparkline as the PDF draws it and the web page (html_dash.c)
 * shows it: the value per trend quarter (n = res->ntrend, a gap where
 * present is false), how many quarters have one (a line needs two), and
 * the line's cfg (target, bounds). */
typedef struct pm_dashboard_spark {
    double *v;
    bool *present;
    size_t n;
    size_t points;
    pm_spark_cfg cfg;
} pm_dashboard_spark;

/* Fills s for res; pm_dashboard_spark_free frees it (also after an
 * error). PM_ERR_NOMEM. */
pm_error pm_dashboard_spark_get(const doc *d, const pm_result *res,
                                pm_dashboard_spark *s);
void pm_dashboard_spark_free(pm_dashboard_spark *s);

/* The sparkline's text alternative (g_free it). */
char *pm_dashboard_spark_alt(const doc *d, const pm_result *res, const pm_spark_cfg *cfg,
                             const double *v, const bool *present, size_t n);

#endif
