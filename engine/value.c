/* value.c — parsing and formatting of dates, decimals, integers and UTF-8 checks.
 * Everything is strict and locale-free; see value.h for the accepted formats.
 *
 * Dates use Howard Hinnant's days_from_civil / civil_from_days
 * (https://howardhinnant.github.io/date_algorithms.html), which count in
 * 400-year eras starting on 1 March so that leap days fall at the end of a
 * year; they are exact for negative day numbers too. Intermediate values are
 * 64-bit so that no int32 input can overflow. */
#include "value.h"

#include <string.h>

pm_day pm_day_from_ymd(int y, int m, int d)
{
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;                        /* [0, 399] */
    int64_t mp = m > 2 ? m - 3 : m + 9;                  /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + d - 1;            /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return (pm_day)(era * 146097 + doe - 719468);
}

void pm_day_to_ymd(pm_day day, int *y, int *m, int *d)
{
    int64_t z = (int64_t)day + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t mm = mp < 10 ? mp + 3 : mp - 9;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)mm;
    *y = (int)(yoe + era * 400 + (mm <= 2));
}

int pm_day_weekday(pm_day day)
{
    /* Day 0 (1970-01-01) was a Thursday, ISO 4. */
    int64_t r = ((int64_t)day + 3) % 7;
    if (r < 0)
        r += 7;
    return (int)r + 1;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return dim[m - 1];
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads exactly n digits at s[*i]; false (and *i unchanged) otherwise. */
static bool take_digits(const char *s, size_t len, size_t *i, size_t n, int *v)
{
    if (len - *i < n)
        return false;
    int acc = 0;
    for (size_t k = 0; k < n; k++) {
        char c = s[*i + k];
        if (!is_digit(c))
            return false;
        acc = acc * 10 + (c - '0');
    }
    *i += n;
    *v = acc;
    return true;
}

/* Reads one or two digits at s[*i]. */
static bool take_1or2_digits(const char *s, size_t len, size_t *i, int *v)
{
    if (take_digits(s, len, i, 2, v))
        return true;
    return take_digits(s, len, i, 1, v);
}

static bool take_char(const char *s, size_t len, size_t *i, char c)
{
    if (*i >= len || s[*i] != c)
        return false;
    (*i)++;
    return true;
}

/* Checks "HH:MM[:SS[.fraction]][Z|+HH:MM|-HH:MM]" filling s[i..len) exactly.
 * Seconds allow 60 for a leap second; 24:00 is not accepted. */
static bool time_valid(const char *s, size_t len, size_t i)
{
    int hh, mm, ss;
    if (!take_digits(s, len, &i, 2, &hh) || hh > 23)
        return false;
    if (!take_char(s, len, &i, ':'))
        return false;
    if (!take_digits(s, len, &i, 2, &mm) || mm > 59)
        return false;
    if (take_char(s, len, &i, ':')) {
        if (!take_digits(s, len, &i, 2, &ss) || ss > 60)
            return false;
        if (take_char(s, len, &i, '.')) {
            size_t start = i;
            while (i < len && is_digit(s[i]))
                i++;
            if (i == start)
                return false;
        }
    }
    if (i == len)
        return true;
    if (s[i] == 'Z')
        return i + 1 == len;
    if (s[i] != '+' && s[i] != '-')
        return false;
    i++;
    if (!take_digits(s, len, &i, 2, &hh) || hh > 23)
        return false;
    if (!take_char(s, len, &i, ':'))
        return false;
    if (!take_digits(s, len, &i, 2, &mm) || mm > 59)
        return false;
    return i == len;
}

bool pm_day_parse(const char *s, size_t len, pm_day *out)
{
    size_t i = 0;
    int y, m, d;
    /* Four digits and a dash can only start an ISO date: a Dutch one has at
     * most two digits before its first dash. */
    if (len >= 5 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
        is_digit(s[3]) && s[4] == '-') {
        if (!take_digits(s, len, &i, 4, &y) || !take_char(s, len, &i, '-') ||
            !take_digits(s, len, &i, 2, &m) || !take_char(s, len, &i, '-') ||
            !take_digits(s, len, &i, 2, &d))
            return false;
    } else {
        if (!take_1or2_digits(s, len, &i, &d) || !take_char(s, len, &i, '-') ||
            !take_1or2_digits(s, len, &i, &m) || !take_char(s, len, &i, '-') ||
            !take_digits(s, len, &i, 4, &y))
            return false;
    }
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    if (i < len) {
        if (s[i] != 'T' && s[i] != ' ')
            return false;
        if (!time_valid(s, len, i + 1))
            return false;
    }
    *out = pm_day_from_ymd(y, m, d);
    return true;
}

static void put_digits(char *p, int v, int n)
{
    for (int k = n - 1; k >= 0; k--) {
        p[k] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* A year outside 0..9999 does not fit the 10 characters; it is written as
 * "????" rather than overrun the buffer or print a wrong year. Day numbers
 * from pm_day_parse are always inside. */
static void put_year(char *p, int y)
{
    if (y < 0 || y > 9999)
        memcpy(p, "????", 4);
    else
        put_digits(p, y, 4);
}

void pm_day_format_iso(pm_day day, char buf[11])
{
    int y, m, d;
    pm_day_to_ymd(day, &y, &m, &d);
    put_year(buf, y);
    buf[4] = '-';
    put_digits(buf + 5, m, 2);
    buf[7] = '-';
    put_digits(buf + 8, d, 2);
    buf[10] = '\0';
}

void pm_day_format_nl(pm_day day, char buf[11])
{
    int y, m, d;
    pm_day_to_ymd(day, &y, &m, &d);
    put_digits(buf, d, 2);
    buf[2] = '-';
    put_digits(buf + 3, m, 2);
    buf[5] = '-';
    put_year(buf + 6, y);
    buf[10] = '\0';
}

/* Decimal grammar, strictly:
 *   [+|-] [€ [space]] integer [sep fraction]
 * The sign comes first ("-€ 5,00"); "€ -5" is a syntax error. At most one
 * space after the euro sign, none anywhere else. The integer part and the
 * fraction each need at least one digit, so ",5" and "5," are errors. With
 * one kind of separator there may be only one of it and it is decimal
 * ("1.234" is 1.234; "1.234.567" is an error). With both kinds, the one
 * occurring last is decimal and occurs once; the other groups the integer
 * part as 1-3 digits followed by groups of exactly 3 ("1.234.567,89").
 * Any scale outside 0..4 gives PM_DEC_RANGE. On failure *out is unchanged. */
pm_decimal_status pm_decimal_parse(const char *s, size_t len, int scale, int64_t *out)
{
    static const char euro[] = "\xE2\x82\xAC";
    size_t i = 0;
    bool neg = false;

    if (scale < 0 || scale > 4)
        return PM_DEC_RANGE;
    if (i < len && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    if (len - i >= 3 && memcmp(s + i, euro, 3) == 0) {
        i += 3;
        if (i < len && s[i] == ' ')
            i++;
    }

    /* Find the separators in the body to decide which is decimal. */
    size_t last_dot = len, last_comma = len;
    size_t n_dot = 0, n_comma = 0;
    for (size_t k = i; k < len; k++) {
        if (s[k] == '.') {
            n_dot++;
            last_dot = k;
        } else if (s[k] == ',') {
            n_comma++;
            last_comma = k;
        } else if (!is_digit(s[k])) {
            return PM_DEC_SYNTAX;
        }
    }
    char group = 0;
    size_t dec_pos = len;
    if (n_dot && n_comma) {
        bool dot_last = last_dot > last_comma;
        group = dot_last ? ',' : '.';
        dec_pos = dot_last ? last_dot : last_comma;
        if ((dot_last ? n_dot : n_comma) != 1)
            return PM_DEC_SYNTAX;
    } else if (n_dot || n_comma) {
        if (n_dot + n_comma != 1)
            return PM_DEC_SYNTAX;
        dec_pos = n_dot ? last_dot : last_comma;
    }

    /* Integer part s[i..dec_pos): magnitude accumulated unsigned so that
     * INT64_MIN is reachable. */
    const uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t mag = 0;
    bool overflow = false;
    size_t digits = 0;    /* digits in the current group */
    bool grouped = false; /* a group separator has been seen */
    size_t int_digits = 0;
    for (size_t k = i; k < dec_pos; k++) {
        char c = s[k];
        if (group && c == group) {
            /* The first group has 1-3 digits, later ones exactly 3. */
            if (digits == 0 || digits > 3 || (grouped && digits != 3))
                return PM_DEC_SYNTAX;
            grouped = true;
            digits = 0;
            continue;
        }
        digits++;
        int_digits++;
        if (!overflow) {
            uint64_t v = (uint64_t)(c - '0');
            if (mag > (limit - v) / 10)
                overflow = true;
            else
                mag = mag * 10 + v;
        }
    }
    if (int_digits == 0 || (grouped && digits != 3))
        return PM_DEC_SYNTAX;

    /* Fraction s[dec_pos+1..len): the first `scale` digits count, the rest
     * must be zeros. */
    int used = 0;
    bool extra = false;
    if (dec_pos < len) {
        if (dec_pos + 1 == len)
            return PM_DEC_SYNTAX;
        for (size_t k = dec_pos + 1; k < len; k++) {
            char c = s[k];
            if (used < scale) {
                if (!overflow) {
                    uint64_t v = (uint64_t)(c - '0');
                    if (mag > (limit - v) / 10)
                        overflow = true;
                    else
                        mag = mag * 10 + v;
                }
                used++;
            } else if (c != '0') {
                extra = true;
            }
        }
    }
    if (extra)
        return PM_DEC_TOO_PRECISE;
    for (; used < scale; used++) {
        if (!overflow) {
            if (mag > limit / 10)
                overflow = true;
            else
                mag *= 10;
        }
    }
    if (overflow)
        return PM_DEC_RANGE;
    if (neg)
        *out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    else
        *out = (int64_t)mag;
    return PM_DEC_OK;
}

/* Eighteen digits always fit in int64, so no overflow check is needed. */
bool pm_int_parse(const char *s, size_t len, int64_t *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    size_t n = len - i;
    if (n < 1 || n > 18)
        return false;
    int64_t v = 0;
    for (; i < len; i++) {
        if (!is_digit(s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = neg ? -v : v;
    return true;
}

/* Follows the well-formed byte sequences of Unicode 15, table 3-7: the second
 * byte's range depends on the lead byte, which excludes overlongs, surrogates
 * and code points above U+10FFFF in one place. Runs of ASCII are skipped
 * eight bytes at a time since most input is plain text. */
bool pm_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if ((w & UINT64_C(0x8080808080808080)) == 0) {
                i += 8;
                continue;
            }
        }
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return false; /* continuation byte, C0, C1 or F5..FF */
        }
        if (len - i < n)
            return false;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return false;
        for (size_t k = 2; k < n; k++) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return false;
        }
        i += n;
    }
    return true;
}

bool pm_id_char_forbidden(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xA0 || cp == 0xAD ||
           cp == 0x034F || cp == 0x061C || cp == 0x1680 || cp == 0x180E ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0x3164 ||
           cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFF) ||
           (cp >= 0xE0000 && cp <= 0xE007F);
}

static bool xml_forbidden(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE ||
           cp == 0xFFFF;
}

pm_text_status pm_text_check(const char *s, size_t len, bool id, uint32_t *cp,
                             size_t *pos)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t chars = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        chars++;
        if (c >= 0x20 && c < 0x7F) { /* printable ASCII: most of every text */
            i++;
            continue;
        }
        /* The input is valid UTF-8, so the lead byte gives the length. */
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        uint32_t v = n == 1 ? c : n == 2 ? c & 0x1Fu : n == 3 ? c & 0x0Fu : c & 0x07u;
        for (size_t k = 1; k < n && i + k < len; k++)
            v = v << 6 | (p[i + k] & 0x3Fu);
        i += n;
        pm_text_status st = xml_forbidden(v)                ? PM_TEXT_XML
                            : id && pm_id_char_forbidden(v) ? PM_TEXT_ID
                                                            : PM_TEXT_OK;
        if (st != PM_TEXT_OK) {
            *cp = v;
            *pos = chars;
            return st;
        }
    }
    return PM_TEXT_OK;
}

const char *pm_char_name(uint32_t cp)
{
    switch (cp) {
    case '\t': return "tab";
    case '\n':
    case '\r':
    case 0x2028:
    case 0x2029: return "regeleinde";
    case 0xA0: return "vaste spatie";
    case 0x202F: return "smalle vaste spatie";
    case 0x200B: return "breedteloze spatie";
    case 0x200C: return "breedteloze niet-verbinder";
    case 0x200D: return "breedteloze verbinder";
    case 0x2060: return "woordverbinder";
    case 0xAD: return "zacht afbreekstreepje";
    case 0xFEFF: return "BOM (onzichtbaar teken dat een bestand begint)";
    case 0xFFFD:
        return "vervangingsteken (tekst beschadigd door een verkeerde tekencodering)";
    case 0xFFFE:
    case 0xFFFF: return "niet-teken";
    default: break;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return "stuurteken";
    if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x1680 || cp == 0x205F || cp == 0x3000)
        return "afwijkende spatie";
    return "onzichtbaar opmaakteken";
}
