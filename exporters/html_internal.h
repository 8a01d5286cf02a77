/* html_internal.h — what html.c and html_svg.c share. Not a public
 * interface. The web page reuses the PDF's document words and chart table
 * (pdf_internal.h), so both outputs show the same charts and sentences. */
#ifndef PM_HTML_INTERNAL_H
#define PM_HTML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "chart_capture.h"
#include "pdf_internal.h"

typedef struct pm_html_buf {
    char *data;
    size_t len, cap;
    bool nomem;
} pm_html_buf;

/* Draws chart c (w × h points) as an SVG element into out, every id and
 * reference to one starting with prefix ("c3-"), no XML declaration. cap,
 * when not NULL, hears what the chart draws (its data table). */
pm_error pm_html_chart_svg(const doc *d, const chart_def *c, double w, double h,
                           const char *prefix, const pm_chart_capture *cap,
                           pm_html_buf *out);

/* Draws a sparkline of n values (w × h points) as an SVG element into out,
 * ids prefixed as above. */
pm_error pm_html_spark_svg(const pm_spark_cfg *cfg, const double *v, const bool *present,
                           size_t n, double w, double h, const char *prefix,
                           pm_html_buf *out);

/* ---- the growing string (html_table.c) ---------------------------------- */

void pm_html_buf_add(pm_html_buf *b, const char *s, size_t n);
void pm_html_buf_put(pm_html_buf *b, const char *s);
void pm_html_buf_printf(pm_html_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s as text or attribute value: & < > " ' as references. */
void pm_html_buf_esc(pm_html_buf *b, const char *s);

/* A table in its own labelled scroll region; *ntable numbers the caption's
 * id (t1, t2, …) across the page. */
void pm_html_table_open(pm_html_buf *b, int *ntable, const char *caption);
void pm_html_table_close(pm_html_buf *b);

/* A chart's numbers as drawn, from the data it drew (chart_capture.h). */
void pm_html_category_table(pm_html_buf *b, int *ntable, const pm_chart_cfg *cfg,
                            const pm_chart_data *d);
void pm_html_timeline_table(pm_html_buf *b, int *ntable, const pm_timeline_cfg *cfg,
                            const pm_milestone *m, size_t n);

/* ---- the dashboard's extras (html_dash.c) -------------------------------- */

/* A tile's sparkline: an SVG figure named by its alt, its numbers per
 * quarter in a table; or the PDF's sentence why there is none. nchart and
 * ntable number the page's ids. */
pm_error pm_html_tile_spark(pm_html_buf *b, const doc *d, const pm_result *res,
                            int *nchart, int *ntable);
/* Every ended target period's eindstand, each verdict in words. */
void pm_html_eindstand(pm_html_buf *b, const doc *d);
/* "Stand: 3 groen, 2 oranje, 1 rood, 1 grijs." */
void pm_html_stand(pm_html_buf *b, const doc *d);
/* How to read a tile: the statuses in words and the marks the page uses. */
void pm_html_reading(pm_html_buf *b, const doc *d);

#endif
