/* chart_alt.h — a chart's text alternative in Dutch (SPEC §11): what the
 * chart shows and its key numbers, for the workbook's chart descriptions
 * and, later, the tagged PDF's Figures and the HTML's figures. Plain data
 * in, a sentence out; it knows no output format. */
#ifndef PM_CHART_ALT_H
#define PM_CHART_ALT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum pm_alt_kind { PM_ALT_STAAF, PM_ALT_LIJN } pm_alt_kind;

/* How a value reads: "94,1%", "1.234", "€ 12.345". */
typedef enum pm_alt_unit { PM_ALT_PCT, PM_ALT_INT, PM_ALT_EURO } pm_alt_unit;

#define PM_ALT_SERIES 2

/* One category (a region, a quarter) with its value in each series. A value
 * hidden for extern carries its mark ("<5", "x") and never its number. */
typedef struct pm_alt_point {
    const char *label;
    double value[PM_ALT_SERIES];
    bool has[PM_ALT_SERIES];         /* false: no value ("geen") */
    const char *mark[PM_ALT_SERIES]; /* non-NULL: hidden, shown as this */
} pm_alt_point;

typedef struct pm_alt_chart {
    pm_alt_kind kind;
    const char *title; /* "Reactie binnen 5 werkdagen per regio (cumulatief)" */
    pm_alt_unit unit;
    const char *series[PM_ALT_SERIES]; /* names; used when there are two */
    size_t nseries;                    /* 1 or 2 */
    const pm_alt_point *points;
    size_t npoints;
    const char *target; /* NULL: no target line; else "90%" as the reader knows it */
} pm_alt_chart;

/* "Staafdiagram: reactie binnen 5 werkdagen per regio (cumulatief).
 * Noord-West 94,1%, Zuid-West <5. Doel 90%." With two series each point
 * reads "2025-K4: Op tijd gereed 3, Gepland 4". Allocated; the caller
 * frees. NULL when memory runs out. */
char *pm_chart_alt_text(const pm_alt_chart *c);

#endif
