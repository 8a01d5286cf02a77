/* summary.h — the samenvatting "Belangrijkste ontwikkelingen" (SPEC §10):
 * deterministic Dutch sentences made from a report's figures only, per
 * indicator, then the reach and the data warnings; and the small grammar
 * helpers they are built with. PDF, workbook and JSON show the same list.
 * Ownership: pm_summary_build fills a caller's struct, pm_summary_free
 * empties it (safe on a zeroed or failed one). */
#ifndef PM_SUMMARY_H
#define PM_SUMMARY_H

#include <stddef.h>

#include "export.h"
#include "result.h"
#include "warning.h"

typedef struct pm_summary_line {
    const char *indicator; /* "R1" .. "B" (static), or NULL for the report */
    char *zin;             /* the sentence(s), owned */
} pm_summary_line;

typedef struct pm_summary {
    pm_summary_line *lines;
    size_t n, alloc;
} pm_summary;

/* Builds the samenvatting of rep for audience a. Per indicator: the level
 * against the target with the status reason (and every eindstand); the
 * change against the previous period (rep->vorige, or the vergelijking
 * when the report compares with vorige) in Newcombe's words; for R1 and R2
 * the regio or type cell (n >= min_cell, shown to a) furthest from the
 * total; the revised quarters. Then the reach (rep->bereik) and the data
 * warnings: check's (w, NULL when not run) and how far the data reach.
 * Extern quotes only figures the audience sees: a hidden figure gives
 * "te weinig waarnemingen om te tonen", a hidden cell or comparison no
 * sentence. Under a filter R4-B say "hele programma". PM_ERR_NOMEM. */
pm_error pm_summary_build(const pm_report *rep, pm_audience a, const pm_warnings *w,
                          pm_summary *out);

void pm_summary_free(pm_summary *s);

/* "1 hulpvraag", "2 hulpvragen", "0 hulpvragen", "1.234 hulpvragen": n in
 * Dutch format with the singular only for exactly 1. Returns buf. */
char *pm_summary_count(long n, const char *singular, const char *plural, char *buf,
                       size_t size);

/* The singular word for n == 1, else the plural ("was"/"waren"). */
const char *pm_summary_number(long n, const char *singular, const char *plural);

/* "steeg", "daalde" or "bleef gelijk" for the shown values now and then. */
const char *pm_summary_direction(double now, double then);

#endif
