/* chart_table.h — a chart's numbers as a small table of text (SPEC §11,
 * issue 16): the categories down the left, a column per series, every cell
 * as the chart draws it (a hidden cell by its mark, "<5" or "x", never its
 * value). The tagged PDF prints it in its appendix "Bijlage: cijfers bij
 * de grafieken" (pdf_appendix.c), so a reader who cannot see the bars
 * still has every number. Plain strings: no drawing here. */
#ifndef PM_CHART_TABLE_H
#define PM_CHART_TABLE_H

#include <stddef.h>

#include "chart.h"

typedef struct pm_chart_table {
    char *title;  /* the chart's title and subtitle */
    size_t ncols; /* the category column and one per series */
    char **head;  /* ncols headers, units in them: "Aandeel op tijd (%)" */
    size_t nrows; /* data rows */
    char **cells; /* nrows × ncols, row by row; column 0 heads its row */
    char *note;   /* targets and the marks' legend under the table, or NULL */
} pm_chart_table;

/* The table of a category chart: one row per category, a column per
 * series; the targets and the legend of the marks used in the note. NULL
 * when memory runs out. */
pm_chart_table *pm_chart_table_of_chart(const pm_chart_cfg *cfg, const pm_chart_data *d);

/* The table of a milestone timeline: Mijlpaal, Gepland, Gereed. */
pm_chart_table *pm_chart_table_of_timeline(const pm_timeline_cfg *cfg,
                                           const pm_milestone *m, size_t n);

/* A table with the given title and ncols headers (copied) and no rows yet,
 * for a chart drawn from plain values (the dashboard's sparklines). */
pm_chart_table *pm_chart_table_new(const char *title, size_t ncols,
                                   const char *const *head);

/* Appends a row of t->ncols cells (copied). */
void pm_chart_table_add_row(pm_chart_table *t, const char *const *cells);

/* Sets the note under the table (copied; NULL clears it). */
void pm_chart_table_set_note(pm_chart_table *t, const char *note);

void pm_chart_table_free(pm_chart_table *t);

#endif
