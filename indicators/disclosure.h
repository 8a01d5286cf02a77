/* disclosure.h — disclosure control for the extern audience (SPEC §6): marks
 * every breakdown cell that must be hidden, primary and secondary, and hides
 * means that rest on too few evaluations or organisations.
 *
 * Applied once by the top layer, right after pm_report_compute and before any
 * exporter sees the report, so JSON, workbook, PDF and PNG all hide the same
 * set (exporters ask pm_cell_visible, which reads the marks). */
#ifndef PM_DISCLOSURE_H
#define PM_DISCLOSURE_H

#include <stdbool.h>
#include <stddef.h>

#include "result.h"

/* The smallest min_cell an extern report accepts (SPEC §6). */
#define PM_EXTERN_MIN_CELL 3

/* Marks the cells of every breakdown that counts people and is not personal,
 * and hides R4's mean where it rests on fewer than min_cell evaluations or
 * fewer than PM_MEAN_MIN_ORGS organisations (its status is then the one of
 * the milestones alone). Changes rep in place; call it for extern only. */
pm_error pm_disclosure_apply(pm_report *rep, int min_cell);

/* How the cells of one table add up, for pm_disclosure_table. */
typedef enum pm_table_kind {
    PM_TABLE_RATE, /* teller of noemer per cell; n is the noemer */
    PM_TABLE_COUNT /* a count per cell (teller = n) of a known total */
} pm_table_kind;

/* Suppression of one table on its own (no periode/cumulatief partner): the
 * cells with 1 <= n < min_cell become primair, and the smallest other cells
 * secundair until no hidden cell's noemer, teller or proportion can be
 * worked out from the published cells and the table's total (the sum of all
 * its cells). Marks cells[i].suppress. The rule pm_disclosure_apply applies
 * per table, without the periode/cumulatief partner; for the unit tests. */
void pm_disclosure_table(pm_cell *cells, size_t ncells, pm_table_kind kind, int min_cell);

/* Extern disclosure control of a report computed under an organisation
 * filter (SPEC §9; disclosure_filter.c). `national` is the same period and
 * peildatum computed without a filter, pm_disclosure_apply done. For each
 * filtered indicator (R1-R3) it sets periode/cumulatief .suppress (and of
 * every eindstand): a regio or type filter shows exactly what the national
 * report shows for those cells; a regio AND type intersection is hidden
 * unless the whole regio × type table needs no suppression (see
 * pm_disclosure_filter_cross; here without the table: always hidden); R3
 * is hidden when fewer than min_cell specialists are rated. A hidden
 * figure is emptied (teller, noemer, waarde, interval, status grijs,
 * oordeel "geen gegevens"; R3 keeps actief). Every trend point of a
 * filtered indicator is hidden and its breakdowns are removed. A report
 * without an active filter is left alone. Changes filtered in place. */
pm_error pm_disclosure_filter(pm_report *filtered, const pm_report *national,
                              int min_cell);

/* pm_disclosure_filter with the regio × type table an intersection is
 * checked against: columns[0 .. ncolumns) are the same period's reports
 * filtered on one type each (scope.filter: that type alone), unsuppressed
 * by this function, whose regio breakdowns are the table's columns. The
 * intersection is shown only when every national regio and type cell is
 * shown and every cell of the table is 0 or at least min_cell, in both
 * ranges, and the figure is the sum of its cells. */
pm_error pm_disclosure_filter_cross(pm_report *filtered, const pm_report *national,
                                    const pm_report *columns, size_t ncolumns,
                                    int min_cell);

/* After pm_report_attach_comparison, extern: sets vergelijking.suppress
 * where either side is hidden and drops what compares them (verschil,
 * interval, significant); the earlier figure keeps its own mark. */
void pm_disclosure_comparisons(pm_report *rep);

#endif
