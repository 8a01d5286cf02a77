/* chart_capture.h — what a chart draws, handed to whoever asked: the web
 * page (html_table.c) writes each chart's numbers as a table from the very
 * data the chart function draws, so the table cannot drift from the bars.
 * A listener rides on the cairo_t as user data; without one the chart
 * functions draw as always. The data is borrowed for the call only. */
#ifndef PM_CHART_CAPTURE_H
#define PM_CHART_CAPTURE_H

#include "chart.h"

typedef struct pm_chart_capture {
    void (*category)(void *ctx, const pm_chart_cfg *cfg, const pm_chart_data *d);
    void (*timeline)(void *ctx, const pm_timeline_cfg *cfg, const pm_milestone *m,
                     size_t n);
    void *ctx;
} pm_chart_capture;

/* Attaches c (borrowed: it must outlive the drawing) to cr; NULL detaches. */
void pm_chart_capture_attach(cairo_t *cr, const pm_chart_capture *c);

/* Called by pm_chart_draw and pm_timeline_draw before they draw. */
void pm_chart_capture_category(cairo_t *cr, const pm_chart_cfg *cfg,
                               const pm_chart_data *d);
void pm_chart_capture_timeline(cairo_t *cr, const pm_timeline_cfg *cfg,
                               const pm_milestone *m, size_t n);

#endif
