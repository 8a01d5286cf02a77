/* filekind.h — recognises, from its first bytes and its name, an input file
 * that import cannot read although a user would expect it to: the old binary
 * Excel format (.xls, an OLE2 compound file), a workbook encrypted with a
 * password (also OLE2, even when named .xlsx), or another kind of file named
 * .xls or .xlsx (a web page, a PDF, text). The message says what the file
 * is and how to save it so that it can be imported. Zip archives are left to
 * the workbook reader, which knows an .ods or .xlsb inside (xlsx_read.c). */
#ifndef PM_FILEKIND_H
#define PM_FILEKIND_H

#include <stdbool.h>
#include <stddef.h>

/* True, with a Dutch reason in why, when path is such a file; false when it
 * may be read as a workbook, CSV or JSON (including when it cannot be read
 * at all: the import then says why). */
bool pm_filekind_refused(const char *path, char *why, size_t whysize);

#endif
