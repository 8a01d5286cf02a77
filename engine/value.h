/* value.h — parsing and formatting of the scalar values of SPEC §2:
 * dates as day numbers, decimals as scaled integers, plain integers, UTF-8.
 *
 * Dates are one integer scale (pm_day: days since 1970-01-01, so 0 is
 * 1970-01-01 and SQLite reads it back with date(d * 86400, 'unixepoch')).
 * They are parsed and formatted only at the edges. */
#ifndef PM_VALUE_H
#define PM_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t pm_day;

/* Days since 1970-01-01 of a proleptic Gregorian date; no range check. */
pm_day pm_day_from_ymd(int y, int m, int d);
void pm_day_to_ymd(pm_day day, int *y, int *m, int *d);
int pm_day_weekday(pm_day day); /* 1 = Monday ... 7 = Sunday (ISO) */

/* Parses s[0..len) as a date: YYYY-MM-DD, or D-M-YYYY / DD-MM-YYYY as Dutch
 * Excel writes it (one or two digits for day and month). A time part after
 * 'T' or one space (HH:MM, optionally :SS, optionally .fraction, optionally
 * 'Z' or +HH:MM / -HH:MM) is checked and ignored: the date counts. The date
 * must exist (no 31-02) and the year lie in 1900..2199.
 * Returns true and sets *out; false leaves *out alone. */
bool pm_day_parse(const char *s, size_t len, pm_day *out);

/* Writes "YYYY-MM-DD" (11 bytes with NUL) or "DD-MM-YYYY" into buf. */
void pm_day_format_iso(pm_day day, char buf[11]);
void pm_day_format_nl(pm_day day, char buf[11]);

/* Result of pm_decimal_parse. */
typedef enum pm_decimal_status {
    PM_DEC_OK = 0,
    PM_DEC_SYNTAX,      /* not a number */
    PM_DEC_TOO_PRECISE, /* more decimals than `scale` allows */
    PM_DEC_RANGE        /* does not fit in int64 after scaling */
} pm_decimal_status;

/* Parses a decimal number into an integer scaled by 10^scale (scale 0..4):
 * "12,5" with scale 2 gives 1250. Accepted: an optional sign, an optional
 * leading "€" (with or without a space after it), digits, and one decimal
 * separator '.' or ','. When both '.' and ',' occur, the last one is the
 * decimal separator and the other must group the integer part in threes
 * ("1.234,56" or "1,234.56"); a lone separator is always decimal, so
 * "1.234" is 1.234. Surrounding spaces are not accepted (the reader trims).
 * Extra decimals are an error only if they are not zeros ("7,50" with
 * scale 1 is fine, "7,55" is PM_DEC_TOO_PRECISE). */
pm_decimal_status pm_decimal_parse(const char *s, size_t len, int scale, int64_t *out);

/* Parses an optionally signed decimal integer without separators. */
bool pm_int_parse(const char *s, size_t len, int64_t *out);

/* True when s[0..len) is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF). NUL bytes are valid UTF-8; check them separately. */
bool pm_utf8_valid(const char *s, size_t len);

/* Why pm_text_check refused a text. */
typedef enum pm_text_status {
    PM_TEXT_OK = 0,
    PM_TEXT_XML, /* a character XML 1.0 forbids: a C0 control other than tab,
                    LF and CR, or U+FFFE, U+FFFF */
    PM_TEXT_ID   /* a character no id may hold (pm_id_char_forbidden) */
} pm_text_status;

/* True for a character that may not appear in an id (SPEC §2): every
 * control character (C0, DEL, C1), every space but U+0020 (no-break, narrow,
 * ideographic, ...), the invisible format characters (zero-width space and
 * joiners, word joiner, direction marks and embeddings, soft hyphen, BOM,
 * tag characters) and U+FFFD, the mark of text damaged by a wrong encoding.
 * Such ids look equal to another id on screen while being a different one. */
bool pm_id_char_forbidden(uint32_t cp);

/* Checks valid UTF-8 s[0..len) (see pm_utf8_valid) for the first character
 * that may not be stored: one XML 1.0 forbids, in any text, so that every
 * value reaches the workbook, PDF and HTML intact; and with id also one of
 * pm_id_char_forbidden. On a finding sets *cp to the character and *pos to
 * its 1-based position in characters; otherwise leaves them alone. */
pm_text_status pm_text_check(const char *s, size_t len, bool id, uint32_t *cp,
                             size_t *pos);

/* A Dutch name for a character pm_text_check refuses ("vaste spatie",
 * "stuurteken", ...), for messages; a static string. */
const char *pm_char_name(uint32_t cp);

#endif
