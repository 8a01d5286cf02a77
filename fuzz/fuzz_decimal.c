/* fuzz_decimal.c — libFuzzer target for the number functions of
 * engine/value.c: pm_decimal_parse at every scale 0..4, pm_int_parse and
 * pm_utf8_valid, each on the raw input bytes (not NUL-terminated, so
 * AddressSanitizer sees any read past the length).
 *
 * Invariants checked for every input:
 *   - pm_decimal_parse leaves *out alone unless it returns PM_DEC_OK, and a
 *     scale outside 0..4 is PM_DEC_RANGE;
 *   - when OK, the value is plausible: its digits are the input's digits with
 *     the decimal separator (the last '.' or ',') moved `scale` places, the
 *     dropped decimals are zeros, the sign matches a leading '-', grouping is
 *     1-3 digits then groups of 3 when both separators occur; and the value
 *     written back as "-123.45", "-123,45" or "-€ 123.456,78" parses to the
 *     same number;
 *   - across scales: OK at scale s means OK (ten times the value) or RANGE at
 *     s + 1, never SYNTAX or TOO_PRECISE; SYNTAX at one scale is SYNTAX at all;
 *   - pm_int_parse, when true, gives the number printf writes back (up to a
 *     '+' and leading zeros); it accepts 1..18 digits with an optional sign;
 *   - pm_utf8_valid agrees with a plain decoder written from the Unicode
 *     definition (no overlongs, no surrogates, nothing above U+10FFFF). */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "value.h"

static bool is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

/* Checks an OK result of pm_decimal_parse against the input's own digits. */
static void check_ok(const uint8_t *s, size_t len, int scale, int64_t v)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    if (len - i >= 3 && memcmp(s + i, "\xE2\x82\xAC", 3) == 0) {
        i += 3;
        if (i < len && s[i] == ' ')
            i++;
    }
    size_t dec = len; /* the last separator, if any */
    bool dot = false, comma = false;
    for (size_t k = i; k < len; k++) {
        FUZZ_ASSERT(is_digit(s[k]) || s[k] == '.' || s[k] == ',',
                    "an accepted body holds only digits and separators");
        if (s[k] == '.' || s[k] == ',') {
            dec = k;
            dot |= s[k] == '.';
            comma |= s[k] == ',';
        }
    }
    FUZZ_ASSERT(dec != i && dec + 1 != len, "digits on both sides of the decimal");
    if (dot && comma) {
        /* The integer part: 1-3 digits, then groups of exactly 3. */
        uint8_t group = s[dec] == '.' ? ',' : '.';
        size_t run = 0, groups = 0;
        for (size_t k = i; k < dec; k++) {
            FUZZ_ASSERT(s[k] != s[dec], "the decimal separator occurs once");
            if (s[k] == group) {
                FUZZ_ASSERT(run >= 1 && run <= 3 && (groups == 0 || run == 3),
                            "groups of three");
                groups++;
                run = 0;
            } else {
                run++;
            }
        }
        FUZZ_ASSERT(run == 3, "the last group has three digits");
    } else if (dot || comma) {
        for (size_t k = i; k < dec; k++)
            FUZZ_ASSERT(is_digit(s[k]), "a lone separator occurs once");
    }

    /* Expected magnitude as a digit string: integer digits, then the first
     * `scale` decimals padded with zeros; the other decimals must be zeros. */
    char want[64];
    size_t n = 0;
    for (size_t k = i; k < dec; k++) {
        /* Leading zeros are skipped: any number of them is valid. */
        if (is_digit(s[k]) && (n > 0 || s[k] != '0')) {
            FUZZ_ASSERT(n < 20, "an OK value has at most 19 digits");
            want[n++] = (char)s[k];
        }
    }
    size_t used = 0;
    for (size_t k = dec + 1; k < len; k++) {
        if (used < (size_t)scale) {
            if (n > 0 || s[k] != '0')
                want[n++] = (char)s[k];
            used++;
        } else {
            FUZZ_ASSERT(s[k] == '0', "dropped decimals are zeros");
        }
    }
    for (; used < (size_t)scale; used++)
        if (n > 0)
            want[n++] = '0';
    if (n == 0)
        want[n++] = '0';
    want[n] = '\0';
    size_t lead = 0;

    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char got[32];
    snprintf(got, sizeof got, "%" PRIu64, mag);
    FUZZ_ASSERT(strcmp(got, want + lead) == 0, "value has the input's digits");
    if (v < 0)
        FUZZ_ASSERT(neg, "a negative value needs a '-'");
    if (neg)
        FUZZ_ASSERT(v <= 0, "a '-' gives a value <= 0");

    /* Written back in three forms, it parses to the same value. */
    char intpart[32], frac[8];
    uint64_t p10 = 1;
    for (int k = 0; k < scale; k++)
        p10 *= 10;
    snprintf(intpart, sizeof intpart, "%" PRIu64, mag / p10);
    snprintf(frac, sizeof frac, "%0*" PRIu64, scale, mag % p10);
    char grouped[48];
    size_t il = strlen(intpart), g = 0;
    for (size_t k = 0; k < il; k++) {
        if (k > 0 && (il - k) % 3 == 0)
            grouped[g++] = '.';
        grouped[g++] = intpart[k];
    }
    grouped[g] = '\0';
    const char *sign = v < 0 ? "-" : "";
    char form[3][96];
    snprintf(form[0], sizeof form[0], "%s%s%s%s", sign, intpart, scale ? "." : "",
             scale ? frac : "");
    snprintf(form[1], sizeof form[1], "%s%s%s%s", sign, intpart, scale ? "," : "",
             scale ? frac : "");
    snprintf(form[2], sizeof form[2], "%s\xE2\x82\xAC %s,%s", sign, grouped,
             scale ? frac : "0");
    for (int f = 0; f < 3; f++) {
        int64_t back = 0;
        pm_decimal_status st = pm_decimal_parse(form[f], strlen(form[f]), scale, &back);
        FUZZ_ASSERT(st == PM_DEC_OK && back == v, "the value written back parses");
    }
}

/* A UTF-8 decoder written from the definition: decode, then reject overlong
 * forms, surrogates and values above U+10FFFF. */
static bool ref_utf8(const uint8_t *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        size_t n;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (len - i < n)
            return false;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

static void check_int(const uint8_t *s, size_t len)
{
    const int64_t sentinel = 0x5EAD;
    int64_t v = sentinel;
    bool ok = pm_int_parse((const char *)s, len, &v);
    size_t i = len > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
    bool want = len - i >= 1 && len - i <= 18;
    for (size_t k = i; k < len && want; k++)
        want = is_digit(s[k]);
    FUZZ_ASSERT(ok == want, "pm_int_parse takes 1..18 digits with an optional sign");
    if (!ok) {
        FUZZ_ASSERT(v == sentinel, "false leaves *out alone");
        return;
    }
    char got[32], exp[32];
    snprintf(got, sizeof got, "%" PRId64, v);
    size_t lead = i;
    while (lead + 1 < len && s[lead] == '0')
        lead++;
    bool zero = lead + 1 == len && s[lead] == '0';
    snprintf(exp, sizeof exp, "%s%.*s", (s[0] == '-' && !zero) ? "-" : "",
             (int)(len - lead), (const char *)s + lead);
    FUZZ_ASSERT(strcmp(got, exp) == 0, "pm_int_parse gives the digits written");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const int64_t sentinel = INT64_C(0x5EADBEEF);
    pm_decimal_status st[5];
    int64_t v[5];
    for (int scale = 0; scale <= 4; scale++) {
        v[scale] = sentinel;
        st[scale] = pm_decimal_parse(s, size, scale, &v[scale]);
        FUZZ_ASSERT(st[scale] <= PM_DEC_RANGE, "a known status");
        if (st[scale] == PM_DEC_OK)
            check_ok(data, size, scale, v[scale]);
        else
            FUZZ_ASSERT(v[scale] == sentinel, "failure leaves *out alone");
    }
    for (int scale = 0; scale < 4; scale++) {
        if (st[scale] == PM_DEC_OK) {
            FUZZ_ASSERT(st[scale + 1] == PM_DEC_OK || st[scale + 1] == PM_DEC_RANGE,
                        "one more decimal place is OK or out of range");
            if (st[scale + 1] == PM_DEC_OK)
                FUZZ_ASSERT(v[scale + 1] == v[scale] * 10, "scale multiplies by ten");
        }
        FUZZ_ASSERT((st[scale] == PM_DEC_SYNTAX) == (st[scale + 1] == PM_DEC_SYNTAX),
                    "syntax does not depend on the scale");
    }
    int64_t dummy = sentinel;
    FUZZ_ASSERT(pm_decimal_parse(s, size, -1, &dummy) == PM_DEC_RANGE &&
                    pm_decimal_parse(s, size, 5, &dummy) == PM_DEC_RANGE &&
                    dummy == sentinel,
                "a scale outside 0..4 is RANGE");

    check_int(data, size);
    FUZZ_ASSERT(pm_utf8_valid(s, size) == ref_utf8(data, size),
                "pm_utf8_valid agrees with a plain decoder");
    return 0;
}
