/* xlsx_zip.c — the deflate level of the workbook's zip container.
 * libxlsxwriter 1.1.4 compresses every part at zlib's default level (6) and
 * has no option for it; this file supplies the one knob it lacks.
 *
 * Why: deflate is a large part of the workbook writer's time on big stores;
 * level 1 is much faster for a somewhat larger file (the figures are in
 * docs/PERFORMANCE.md), and the workbook reads the same in every
 * spreadsheet program (the level is not part of the format).
 *
 * How: libxlsxwriter opens each part with minizip's zipOpenNewFileInZip4_64,
 * which it reaches through the dynamic linker. An executable that defines a
 * symbol a shared library imports comes first in the lookup (ELF
 * interposition, as malloc replacements work), so the definition below sees
 * every call, lowers the level and hands on to minizip's own function, found
 * with dlsym(RTLD_NEXT). Nothing else calls minizip. Should a future
 * libxlsxwriter open its parts another way, this is simply not called and
 * the workbook is written at the default level: never wrong, only slower.
 *
 * This file is compiled into the executable (cli/meson.build), never into a
 * static library: nothing references its symbol, so the linker would leave
 * it out of an archive silently. tests/e2e/test_xlsx.py checks the level in
 * the zip's flag bits; docs/DESIGN.md says what happens with a static or
 * bundled minizip. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

/* minizip's values (zlib.h / zip.h), spelled here so that neither header is
 * needed: the interposed prototype must only match the ABI. */
enum { ZIP_DEFLATED = 8, ZIP_DEFAULT_LEVEL = -1, ZIP_INTERNAL_ERROR = -104 };

/* The level the workbook is written at; see the file comment. */
enum { XLSX_ZIP_LEVEL = 1 };

typedef int (*open_fn)(void *file, const char *filename, const void *zipfi,
                       const void *extrafield_local, unsigned size_extrafield_local,
                       const void *extrafield_global, unsigned size_extrafield_global,
                       const char *comment, int method, int level, int raw,
                       int windowBits, int memLevel, int strategy, const char *password,
                       unsigned long crcForCrypting, unsigned long versionMadeBy,
                       unsigned long flagBase, int zip64);

/* minizip's own function, looked up once. */
static open_fn next;
static pthread_once_t next_once = PTHREAD_ONCE_INIT;

static void find_next(void)
{
    void *sym = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    /* POSIX allows converting dlsym's result to a function pointer. */
    *(void **)&next = sym;
}

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi,
                            const void *extrafield_local, unsigned size_extrafield_local,
                            const void *extrafield_global,
                            unsigned size_extrafield_global, const char *comment,
                            int method, int level, int raw, int windowBits, int memLevel,
                            int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy,
                            unsigned long flagBase, int zip64);

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi,
                            const void *extrafield_local, unsigned size_extrafield_local,
                            const void *extrafield_global,
                            unsigned size_extrafield_global, const char *comment,
                            int method, int level, int raw, int windowBits, int memLevel,
                            int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy,
                            unsigned long flagBase, int zip64)
{
    pthread_once(&next_once, find_next);
    if (!next)
        return ZIP_INTERNAL_ERROR;
    if (method == ZIP_DEFLATED && level == ZIP_DEFAULT_LEVEL && !raw)
        level = XLSX_ZIP_LEVEL;
    return next(file, filename, zipfi, extrafield_local, size_extrafield_local,
                extrafield_global, size_extrafield_global, comment, method, level, raw,
                windowBits, memLevel, strategy, password, crcForCrypting, versionMadeBy,
                flagBase, zip64);
}
