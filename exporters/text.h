/* text.h — the terminal table and the CSV of `indicators` (SPEC §8):
 * the table for people at a terminal, the CSV (Dutch Excel: ';' and decimal
 * comma) for spreadsheets. Both read a computed report; neither runs SQL. */
#ifndef PM_TEXT_H
#define PM_TEXT_H

#include <stdio.h>

#include "export.h"
#include "result.h"

pm_error pm_text_table(const pm_report *rep, pm_audience audience, FILE *out);
pm_error pm_text_csv(const pm_report *rep, pm_audience audience, FILE *out);

/* The value of one indicator's figures in words, as the dashboard shows it:
 * "86,7% (52 van 60)", "12 actief; 91,7% (11 van 12)", "6", "€ 441.375 van
 * € 429.000 (102,9%)", "–" when there is nothing to show. */
char *pm_text_value(const char *id, const pm_figures *f, char *buf, size_t size);

/* pm_text_value, with `hidden` ("<5") standing for a figure hidden for
 * extern because it is small (primair), and "x" (PM_MARK_SECUNDAIR) for one
 * hidden beside a small one (secundair), which may rest on many
 * observations; R3 keeps its active count: "7 actief; <5". pm_text_value
 * itself says "onderdrukt" there. */
char *pm_text_shown(const char *id, const pm_figures *f, const char *hidden, char *buf,
                    size_t size);

#endif
