/* pdf.h — the PDF report of SPEC §7 (cairo + pango): page 1 a dashboard
 * with one tile per indicator, then a page per indicator with its charts and
 * a Dutch sentence under each. Fonts embedded, title, author, subject,
 * creation date and an outline entry per page. Optionally every chart also
 * as a PNG file. The exporter only fills files the caller made (its output
 * set decides where they go and when they take their final names). */
#ifndef PM_PDF_H
#define PM_PDF_H

#include <time.h>

#include "export.h"
#include "result.h"
#include "toelichting.h"

typedef struct pm_pdf_input {
    const pm_report *rep;
    pm_audience audience;
    time_t created;          /* SOURCE_DATE_EPOCH or now */
    const char *fingerprint; /* pm_store_fingerprint of the data */
    /* NULL, or where each chart goes as a PNG: for a file name such as
     * "r1-regio.png" it sets *path to the file to write (it exists; the
     * exporter truncates it) and *shown to the name for messages. */
    pm_error (*png_file)(void *ctx, const char *name, const char **path,
                         const char **shown, char *msg, size_t msgsize);
    void *png_ctx;
    const char *titel; /* dashboard: the title (--titel); NULL: the filter and
                          period in words */
    const pm_toelichting *toelichting; /* report: the coordinator's text
                                          (SPEC §10), or NULL */
} pm_pdf_input;

/* Writes the PDF into path, naming it `shown` in messages (path may be NULL
 * when only the PNGs are wanted), and the PNGs when png_file is set.
 * PM_ERR_IO with a Dutch reason in msg when a file cannot be written; the
 * caller then discards what was written. */
pm_error pm_pdf_write(const pm_pdf_input *in, const char *path, const char *shown,
                      char *msg, size_t msgsize);

/* The dashboard of `pijlermonitor dashboard` (SPEC §8): one A4 page, as a
 * PDF into pdf_path and/or as one PNG image of the page (150 dpi) into
 * png_path; either may be NULL. in->png_file is not used. Errors as
 * pm_pdf_write. */
pm_error pm_pdf_write_dashboard(const pm_pdf_input *in, const char *pdf_path,
                                const char *pdf_shown, const char *png_path,
                                const char *png_shown, char *msg, size_t msgsize);

#endif
