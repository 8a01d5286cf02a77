/* xlsx_xstring.h — the _xHHHH_ escapes of an .xlsx text (ECMA-376 Part 1,
 * §22.9.2.19 ST_Xstring). XML 1.0 cannot hold most control characters, so
 * Excel, LibreOffice and libxlsxwriter write one as _xHHHH_ (a carriage
 * return as _x000D_), and a text that holds such a sequence literally has its
 * underscore escaped (_x005F_x0041_ is the text _x0041_). */
#ifndef PM_XLSX_XSTRING_H
#define PM_XLSX_XSTRING_H

#include <stddef.h>

/* Decodes the escapes of the UTF-8 text s[0..len) in place and returns the
 * new length (never more than len); s[new length] is not touched, so the
 * caller ends the text. An escape is '_', a lowercase 'x', four hex digits
 * of either case and '_', as Excel and LibreOffice read it; anything else
 * (_X000D_, _x00G1_, _x41_) is left as it is, and so is a surrogate code
 * unit that is not half of a pair, which UTF-8 cannot hold. A decoded
 * control character stays in the text: the import's text rules (SPEC §2)
 * refuse it as they do in a CSV field. */
size_t pm_xlsx_xstring_decode(char *s, size_t len);

#endif
