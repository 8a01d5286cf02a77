/* pdf.h — the PDF report of SPEC §7 (cairo + pango): page 1 a dashboard
 * with one tile per indicator, then a page per indicator with its charts and
 * a Dutch sentence under each. Fonts embedded, title, author, subject,
 * creation date and an outline entry per page; written to a temporary file
 * and renamed. Optionally every chart also as a PNG file. */
#ifndef PM_PDF_H
#define PM_PDF_H

#include <time.h>

#include "export.h"
#include "report.h"

typedef struct pm_pdf_input {
    const pm_report *rep;
    pm_audience audience;
    time_t created;          /* SOURCE_DATE_EPOCH or now */
    const char *fingerprint; /* pm_store_fingerprint of the data */
    const char *png_dir;     /* NULL, or a folder for one PNG per chart */
} pm_pdf_input;

/* Writes the PDF to path (and the PNGs when png_dir is set; path may be NULL
 * when only the PNGs are wanted). PM_ERR_IO with
 * a Dutch reason in msg when a file cannot be written; the target is then
 * untouched and no temporary file remains. */
pm_error pm_pdf_write(const pm_pdf_input *in, const char *path, char *msg,
                      size_t msgsize);

#endif
