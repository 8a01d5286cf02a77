/* field_help.h — what each field of the nine datasets means, in Dutch, for
 * people: the one table behind the field tables of docs/invoer.md §3 and the
 * "Uitleg" sheet and input messages of the Excel template (sjabloon).
 * dataset.c says what the import accepts; this says it in words. The rows
 * follow dataset.c's fields one to one (tests/unit/test_field_help.c). */
#ifndef PM_FIELD_HELP_H
#define PM_FIELD_HELP_H

#include <stddef.h>

#include "dataset.h"

typedef struct pm_field_help {
    const char *name;      /* the field, as dataset.c names it */
    const char *verplicht; /* "ja", "nee" or the condition, Markdown */
    const char *type;      /* the type as the docs name it, Markdown */
    /* The allowed values, Markdown; NULL for a PM_F_ENUM field whose list is
     * dataset.c's own (then generated from it, so the two cannot differ). */
    const char *waarden;
    const char *toelichting; /* Markdown; "" when there is nothing to add */
    /* A value of the field's list that a row rule refuses in this dataset
     * (uitgaven.post 'inhuur'); a template does not offer it. Or NULL. */
    const char *refused;
} pm_field_help;

/* The help rows of a dataset, *n of them, in the order of its fields. */
const pm_field_help *pm_field_help_get(pm_kind kind, size_t *n);

/* The allowed values of field i of ds in words, Markdown: h->waarden, or
 * for a fixed list "`a`, `b`" from dataset.c. malloc'ed; NULL when out of
 * memory. */
char *pm_field_help_values(const pm_dataset *ds, size_t i);

/* The field table of docs/invoer.md §3 for ds, header rows included, each
 * line ending in '\n'. malloc'ed; NULL when out of memory. */
char *pm_field_help_markdown(const pm_dataset *ds);

/* md without its Markdown marks (`code`, **bold**, \|), for a spreadsheet
 * cell. malloc'ed; NULL when out of memory. */
char *pm_field_help_plain(const char *md);

#endif
