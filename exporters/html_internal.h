/* html_internal.h — what html.c and html_svg.c share. Not a public
 * interface. The web page reuses the PDF's document words and chart table
 * (pdf_internal.h), so both outputs show the same charts and sentences. */
#ifndef PM_HTML_INTERNAL_H
#define PM_HTML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "pdf_internal.h"

typedef struct pm_html_buf {
    char *data;
    size_t len, cap;
    bool nomem;
} pm_html_buf;

/* Draws chart c (w × h points) as an SVG element into out, every id and
 * reference to one starting with prefix ("c3-"), no XML declaration. */
pm_error pm_html_chart_svg(const doc *d, const chart_def *c, double w, double h,
                           const char *prefix, pm_html_buf *out);

#endif
