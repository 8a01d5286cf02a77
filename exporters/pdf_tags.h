/* pdf_tags.h — the tagged PDF of SPEC §11: the structure tree cairo writes
 * while the pages are drawn, and the items cairo cannot write (/Lang,
 * DisplayDocTitle, /Alt on every Figure, /Scope on every TH) added with
 * qpdf afterwards.
 *
 * The drawing code does not carry the tagging state: a pm_tags is attached
 * to the cairo context (cairo user data), and the text and chart helpers ask
 * for it. A context without one (the PNGs) draws untagged. */
#ifndef PM_PDF_TAGS_H
#define PM_PDF_TAGS_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct pm_tags pm_tags;

/* A new, empty collector, or NULL when out of memory. */
pm_tags *pm_tags_new(void);
void pm_tags_free(pm_tags *t);

/* From now on, what is drawn on cr is tagged into t. */
void pm_tags_attach(cairo_t *cr, pm_tags *t);

/* The collector attached to cr, or NULL (untagged drawing). */
pm_tags *pm_tags_of(cairo_t *cr);

/* The structure role ("H1", "H2") of the next text drawn on cr; text
 * without one is a "P". */
void pm_tags_role(cairo_t *cr, const char *role);

/* Page furniture (running header, footer, rules): while on, text drawn on
 * cr stays out of the structure tree. Calls nest. */
void pm_tags_furniture(cairo_t *cr, bool on);

/* Around one run of text (pm_text_draw): opens its element when cr is
 * tagged and no figure or furniture is open. Returns whether it opened one;
 * pass that to pm_tags_text_end. */
bool pm_tags_text_begin(cairo_t *cr);
void pm_tags_text_end(cairo_t *cr, bool opened);

/* Around one chart: a Figure whose alt text (copied) qpdf adds later. Text
 * inside a figure is not tagged on its own: the alt text says it. */
bool pm_tags_figure_begin(cairo_t *cr, const char *alt);

/* pm_tags_figure_begin for a chart whose numbers table (owned from now on,
 * freed here when untagged) goes into the appendix "Bijlage: cijfers bij de
 * grafieken" (pdf_appendix.c): the alt text then ends by pointing to it,
 * "De cijfers staan in de bijlage 'Cijfers bij de grafieken', tabel N." */
struct pm_chart_table;
bool pm_tags_figure_table_begin(cairo_t *cr, const char *alt,
                                struct pm_chart_table *table);

/* A page is done (pdf.c's footer calls it): a chart's table names the page
 * its chart is on. */
void pm_tags_page_done(cairo_t *cr);

/* The tables collected, in drawing order (table N is index N - 1), and the
 * page each one's chart is on. */
size_t pm_tags_ntables(const pm_tags *t);
const struct pm_chart_table *pm_tags_table(const pm_tags *t, size_t i, int *page);
void pm_tags_figure_end(cairo_t *cr, bool opened);

/* A table's cells: opens role ("Table", "TR", "TH", "TD") on cr when tagged,
 * returns whether it did; close with pm_tags_end. */
bool pm_tags_begin(cairo_t *cr, const char *role);
void pm_tags_end(cairo_t *cr, const char *role, bool opened);

/* Adds to the finished PDF at path (a temporary of the output set) what
 * cairo cannot write: /Lang (nl-NL), /ViewerPreferences /DisplayDocTitle,
 * the alt text of every Figure in order, /Scope on every TH. The file is
 * rewritten in place; deterministic (same input, same bytes). PM_ERR_IO
 * with a Dutch reason naming `shown`; the caller then discards the file. */
pm_error pm_pdf_tags_apply(const pm_tags *t, const char *path, const char *shown,
                           char *msg, size_t msgsize);

#endif
