/* xlsx_xstring.c — decodes the _xHHHH_ escapes of an .xlsx text (see
 * xlsx_xstring.h). */
#include "xlsx_xstring.h"

#include <stdbool.h>
#include <stdint.h>

#define ESC_LEN 7 /* "_xHHHH_" */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The UTF-16 code unit of the escape at s, when s[0..left) starts with one. */
static bool escape_at(const char *s, size_t left, uint32_t *unit)
{
    if (left < ESC_LEN || s[0] != '_' || s[1] != 'x' || s[6] != '_')
        return false;
    uint32_t u = 0;
    for (int i = 2; i < 6; i++) {
        int d = hex_digit(s[i]);
        if (d < 0)
            return false;
        u = u << 4 | (uint32_t)d;
    }
    *unit = u;
    return true;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t pm_xlsx_xstring_decode(char *s, size_t len)
{
    size_t i = 0, o = 0;
    while (i < len) {
        uint32_t u, lo;
        if (s[i] != '_' || !escape_at(s + i, len - i, &u)) {
            s[o++] = s[i++];
            continue;
        }
        if (u >= 0xD800 && u <= 0xDBFF &&
            escape_at(s + i + ESC_LEN, len - i - ESC_LEN, &lo) && lo >= 0xDC00 &&
            lo <= 0xDFFF) {
            /* Excel counts in UTF-16: a character past U+FFFF is a pair. */
            o += put_utf8(s + o, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
            i += 2 * ESC_LEN;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            s[o++] = s[i++]; /* half a pair: no character, kept as typed */
        } else {
            /* Seven bytes become at most three: the text only shrinks, so
             * the output never overtakes the input. */
            o += put_utf8(s + o, u);
            i += ESC_LEN;
        }
    }
    return o;
}
