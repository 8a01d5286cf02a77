/* filekind.c — input files that import cannot read, recognised by their
 * first bytes (see filekind.h). An OLE2 compound file (MS-CFB) is told apart
 * by the names in its directory: "Workbook" or "Book" is an .xls,
 * "EncryptedPackage" a workbook saved with a password. */
#include "filekind.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define HEAD 512
#define MAX_DIR_SECTORS 1024u /* a directory of 4096+ entries: not a workbook */
#define END_OF_CHAIN 0xFFFFFFFAu

static const unsigned char OLE2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

typedef enum ole_kind { OLE_OTHER, OLE_XLS, OLE_ENCRYPTED } ole_kind;

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static bool read_at(FILE *fp, uint64_t off, void *to, size_t n)
{
    return fseeko(fp, (off_t)off, SEEK_SET) == 0 && fread(to, 1, n, fp) == n;
}

/* Does the directory entry at e carry the ASCII name want (UTF-16LE)? */
static bool entry_is(const unsigned char *e, const char *want)
{
    size_t n = strlen(want), bytes = (size_t)e[64] | (size_t)e[65] << 8;
    if (bytes != 2 * (n + 1))
        return false;
    for (size_t i = 0; i < n; i++)
        if (e[2 * i] != (unsigned char)want[i] || e[2 * i + 1] != 0)
            return false;
    return true;
}

/* Walks the directory chain of an OLE2 file (header h): the first FAT
 * sectors are listed in the header, which covers every file below 7 MB
 * (512-byte sectors); beyond that the walk stops and OLE_OTHER says so. */
static ole_kind ole_kind_of(FILE *fp, const unsigned char *h)
{
    unsigned shift = (unsigned)h[0x1E] | (unsigned)h[0x1F] << 8;
    if (shift != 9 && shift != 12)
        return OLE_OTHER;
    uint32_t ss = 1u << shift, per_fat = ss / 4;
    unsigned char sec[4096];
    uint32_t s = u32(h + 0x30);
    for (unsigned n = 0; s < END_OF_CHAIN && n < MAX_DIR_SECTORS; n++) {
        if (!read_at(fp, ((uint64_t)s + 1) << shift, sec, ss))
            return OLE_OTHER;
        for (uint32_t e = 0; e < ss; e += 128) {
            if (entry_is(sec + e, "EncryptedPackage"))
                return OLE_ENCRYPTED;
            if (entry_is(sec + e, "Workbook") || entry_is(sec + e, "Book"))
                return OLE_XLS;
        }
        /* The next sector of the chain, from the FAT sector that lists s. */
        uint32_t fat = s / per_fat;
        uint32_t fat_sector = fat < 109 ? u32(h + 0x4C + 4 * fat) : END_OF_CHAIN;
        unsigned char next[4];
        if (fat_sector >= END_OF_CHAIN ||
            !read_at(fp, (((uint64_t)fat_sector + 1) << shift) + 4 * (s % per_fat), next,
                     4))
            return OLE_OTHER;
        s = u32(next);
    }
    return OLE_OTHER;
}

static bool named(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

/* What a file that is no zip archive seems to be, for the message; *text
 * says it may be a CSV file. */
static const char *looks_like(const unsigned char *b, size_t n, bool *text)
{
    size_t i = n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    *text = false;
    if (n == 0)
        return "een leeg bestand";
    if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
        return "een PDF-bestand";
    if (i < n && b[i] == '<')
        return "een webpagina of XML-bestand (zoals een export uit een webapplicatie)";
    if (memchr(b, '\0', n))
        return "een ander soort bestand";
    *text = true;
    return "een tekstbestand";
}

bool pm_filekind_refused(const char *path, char *why, size_t whysize)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    unsigned char h[HEAD];
    size_t n = fread(h, 1, sizeof h, fp);
    bool refused = true;
    if (n >= 4 && memcmp(h, "PK", 2) == 0) {
        refused = false; /* a zip: the workbook reader says what it holds */
    } else if (n == HEAD && memcmp(h, OLE2, sizeof OLE2) == 0) {
        switch (ole_kind_of(fp, h)) {
        case OLE_ENCRYPTED:
            snprintf(why, whysize,
                     "dit is een met een wachtwoord beveiligde Excel-werkmap; die kan "
                     "pijlermonitor niet lezen. Open haar in Excel, haal het wachtwoord "
                     "weg (Bestand > Info > Werkmap beveiligen) en sla haar op als "
                     "Excel-werkmap (.xlsx), of sla haar op als CSV UTF-8");
            break;
        case OLE_OTHER:
            /* A Word 97 .doc, an Outlook .msg, or an .xls whose directory
             * lies past what we walk: say only what is certain, unless the
             * name says .xls. */
            if (!named(path, ".xls")) {
                snprintf(
                    why, whysize,
                    "dit is een ouder Office-bestand (OLE2), geen Excel-werkmap die "
                    "pijlermonitor kan lezen; is het een werkmap, open het dan in "
                    "Excel en sla het op als Excel-werkmap (.xlsx) of als CSV UTF-8");
                break;
            }
            /* fall through */
        case OLE_XLS:
            snprintf(why, whysize,
                     "dit is een oud Excel-bestand (.xls, Excel 97-2003)%s, dat "
                     "pijlermonitor niet leest; open het in Excel en sla het op als "
                     "Excel-werkmap (.xlsx) of als CSV UTF-8",
                     named(path, ".xlsx") ? " met de naam .xlsx" : "");
            break;
        }
    } else if (named(path, ".xls") || named(path, ".xlsx")) {
        bool xlsx = named(path, ".xlsx"), text;
        const char *what = looks_like(h, n, &text);
        snprintf(why, whysize,
                 "de naam eindigt op %s, maar dit is geen Excel-bestand%s: het is %s. "
                 "Open het in Excel en sla het op als Excel-werkmap (.xlsx) of als CSV "
                 "UTF-8%s",
                 xlsx ? ".xlsx" : ".xls",
                 xlsx ? " (het is geen zip-archief, wat elke werkmap is)" : "", what,
                 text ? "; is het al een CSV-bestand, geef het dan de extensie .csv"
                      : "");
    } else {
        refused = false;
    }
    fclose(fp);
    return refused;
}
