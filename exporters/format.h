/* format.h — Dutch number, money, percentage and date formats (SPEC §1):
 * "87,5%", "€ 12.345,00", "31-12-2025". The one place these are written. */
#ifndef PM_FORMAT_H
#define PM_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

/* "12.345" — an integer with '.' between thousands. Returns buf. */
char *pm_format_int(int64_t n, char *buf, size_t size);

/* "€ 12.345,00" (negative: "-€ 12.345,00") from cents. Returns buf. */
char *pm_format_euro(int64_t cents, char *buf, size_t size);

/* "€ 12.345" (negative: "-€ 12.345") from whole euros, for chart axes
 * where cents would only be noise. Returns buf. */
char *pm_format_euro_whole(int64_t euros, char *buf, size_t size);

/* "87,5%" from a fraction 0..1 with `decimals` digits. Returns buf. */
char *pm_format_percent(double fraction, int decimals, char *buf, size_t size);

/* "7,3" — a number with `decimals` digits after a decimal comma, no
 * thousands grouping (for scores and other small figures). Returns buf. */
char *pm_format_decimal(double v, int decimals, char *buf, size_t size);

/* "31-12-2025". Returns buf (at least 11 bytes). */
char *pm_format_date(pm_day day, char *buf, size_t size);

/* "1.234" — a count that travels as a double, rounded to a whole number
 * (half away from zero) and grouped as pm_format_int. Returns buf. */
char *pm_format_count(double v, char *buf, size_t size);

/* "€ 12.345,00" from euros held as a double, rounded to the cent (half away
 * from zero), as pm_format_euro. Returns buf. */
char *pm_format_euro_from_double(double euros, char *buf, size_t size);

/* "2025" — the calendar year of day. Returns buf. */
char *pm_format_year(pm_day day, char *buf, size_t size);
/* A range of days as a reader names it (SPEC §7): a whole quarter "1e
 * kwartaal 2026", a whole month "januari 2026", a whole year "2025", any
 * other range "15-10-2025 t/m 15-02-2026". Decided by the dates alone, so
 * "2026-Q1" and "2026-01-01..2026-03-31" read the same everywhere. Returns
 * buf (48 bytes are always enough). */
char *pm_format_period(pm_day start, pm_day end, char *buf, size_t size);

/* A quarter (pm_quarter_index) in running text: "4e kwartaal 2025". */
char *pm_format_quarter(int qindex, char *buf, size_t size);

/* A quarter where space is tight (chart axes, table columns): "2025-K4". */
char *pm_format_quarter_short(int qindex, char *buf, size_t size);

#endif
