/* toelichting.h — the coordinator's toelichting (SPEC §10) as plain data: a
 * CommonMark file with sections `## R1` … `## R6`, `## B`, `## Risico's`,
 * `## Maatregelen`, `## Algemeen`, each a list of blocks of inline runs.
 *
 * Parsed with libcmark (toelichting.c); this header does not include
 * cmark.h, so the exporters read the result without ever seeing cmark.
 * The caller owns a pm_toelichting and frees it with pm_toelichting_free. */
#ifndef PM_TOELICHTING_H
#define PM_TOELICHTING_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* The largest toelichting read: a quarterly text is a few pages; a bigger
 * file is a mistake (a wrong file, an export with pictures). */
#define PM_TL_MAX_BYTES (1024 * 1024)

/* The sections, in the order the sjabloon writes them. */
typedef enum pm_tl_id {
    PM_TL_ALGEMEEN,
    PM_TL_R1,
    PM_TL_R2,
    PM_TL_R3,
    PM_TL_R4,
    PM_TL_R5,
    PM_TL_R6,
    PM_TL_B,
    PM_TL_RISICOS,
    PM_TL_MAATREGELEN,
    PM_TL_NSECTIONS
} pm_tl_id;

/* Styles of a run; they combine (strong emphasis in a link). */
enum {
    PM_TL_EMPH = 1,   /* *cursief* */
    PM_TL_STRONG = 2, /* **vet** */
    PM_TL_CODE = 4    /* `code` */
};

/* A piece of text with one style. A hard line break is a run with brk set
 * and text "". */
typedef struct pm_tl_run {
    char *text; /* UTF-8, never NULL */
    unsigned style;
    char *url; /* the link this text belongs to, or NULL */
    bool brk;  /* a hard line break (two spaces or a backslash at the end) */
} pm_tl_run;

/* A paragraph, or a paragraph in a list item. Lists are flattened: every
 * paragraph of an item is a block with the item's depth; the item's first
 * paragraph carries its marker. */
typedef struct pm_tl_block {
    int depth;   /* 0: a plain paragraph; 1: in a list; 2: in a nested list … */
    bool marker; /* the first paragraph of an item: draw its bullet or number */
    int number;  /* ordered list: the item's number; 0: a bullet */
    long line;   /* where it starts in the file */
    pm_tl_run *runs;
    size_t nruns;
} pm_tl_block;

typedef struct pm_tl_section {
    bool present; /* the file has this section with text of its own */
    long line;    /* its heading's line */
    pm_tl_block *blocks;
    size_t nblocks;
} pm_tl_section;

typedef struct pm_toelichting {
    char *name; /* the file's name without its folders: what outputs mention */
    pm_tl_section sections[PM_TL_NSECTIONS];
} pm_toelichting;

/* The heading of a section as the file writes it: "R1", "Risico's", … */
const char *pm_tl_heading(pm_tl_id id);

/* The sjabloon's hint for a section: one line that the parser drops when
 * it is all a section holds, so a template can be reported unchanged. */
const char *pm_tl_hint(pm_tl_id id);

/* The section of indicator id ("R1" … "R6", "B"), or NULL when t is NULL,
 * the id is no indicator's, or the file has no text for it. */
const pm_tl_section *pm_tl_for_indicator(const pm_toelichting *t, const char *id);

/* Whether t holds any section at all. */
bool pm_tl_any(const pm_toelichting *t);

/* Parses data[0..len), read from a file named name (the path; messages and
 * outputs use its last component). On success *out is a new toelichting.
 * On invalid content PM_ERR_DATA and msg "NAME:LINE: reden" (Dutch), for
 * the first problem found; PM_ERR_NOMEM when memory runs out. */
pm_error pm_toelichting_parse(const char *name, const char *data, size_t len,
                              pm_toelichting **out, char *msg, size_t msgsize);

/* Reads and parses the file at path (pm_toelichting_parse); PM_ERR_IO when
 * it cannot be read, PM_ERR_DATA when it is larger than PM_TL_MAX_BYTES. */
pm_error pm_toelichting_read(const char *path, pm_toelichting **out, char *msg,
                             size_t msgsize);

/* The text of a sjabloon: a title, then every section with its hint
 * (UTF-8, LF line ends). malloc'ed (the caller frees); NULL without memory. */
char *pm_tl_template(void);

void pm_toelichting_free(pm_toelichting *t); /* NULL-safe */

#endif
