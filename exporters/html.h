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

#endif
