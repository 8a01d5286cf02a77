/* html.h — the report and the dashboard as one self-contained web page
 * (SPEC §11, issue 16 point 2): inline CSS, no JavaScript, no external
 * requests, the charts as inline SVG drawn by the PDF's own chart code
 * through cairo's SVG surface. Same content and suppression as the PDF for
 * the audience. The exporter fills a file the caller made (the output set
 * decides where it goes and when it takes its final name). */
#ifndef PM_HTML_H
#define PM_HTML_H

#include <stdbool.h>

#include "pdf.h"

/* Writes the page into path (`shown` in messages): the report, or with
 * dashboard the tiles only. in->png_file is not used. PM_ERR_IO with a
 * Dutch reason in msg when the file cannot be written. */
pm_error pm_html_write(const pm_pdf_input *in, bool dashboard, const char *path,
                       const char *shown, char *msg, size_t msgsize);

/* The index of `dashboard --per … --html MAP` into path (`shown` in
 * messages): title as title and h1, meta under it, then a list of n links
 * (hrefs[i], relative to the page, named labels[i]). PM_ERR_IO with a
 * Dutch reason. */
pm_error pm_html_write_index(const char *path, const char *shown, const char *title,
                             const char *meta, const char *const *hrefs,
                             const char *const *labels, size_t n, char *msg,
                             size_t msgsize);

#endif
