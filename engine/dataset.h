/* dataset.h — the nine input datasets of SPEC §2 as data: their fields,
 * types, allowed values, SQL columns and the rules that span fields or rows.
 * The importer, the templates (sjabloon) and the docs all read this table. */
#ifndef PM_DATASET_H
#define PM_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef enum pm_kind {
    PM_ORGANISATIES,
    PM_SPECIALISTEN,
    PM_HULPVRAGEN,
    PM_INZET,
    PM_EVALUATIES,
    PM_KENNISPRODUCTEN,
    PM_MIJLPALEN,
    PM_BEGROTING,
    PM_UITGAVEN,
    PM_NKINDS
} pm_kind;

typedef enum pm_ftype {
    PM_F_ID,      /* text key, 1..100 printable characters */
    PM_F_TEXT,    /* free text; line breaks allowed */
    PM_F_ENUM,    /* one of `values` (exact, case-insensitive on input) */
    PM_F_DATE,    /* pm_day */
    PM_F_MONEY,   /* euros, stored in cents */
    PM_F_SCORE,   /* 1..10 with one decimal, stored in tenths */
    PM_F_HOURS,   /* (0, 24] with two decimals, stored in hundredths */
    PM_F_INT,     /* integer in [min, max] */
    PM_F_CHANNELS /* '|'-separated list, stored normalised */
} pm_ftype;

typedef struct pm_field {
    const char *name;   /* column name in the input */
    const char *column; /* SQL column */
    pm_ftype type;
    bool required;
    const char *const *values; /* PM_F_ENUM: NULL-terminated */
    const char *dflt;          /* PM_F_ENUM: value when absent, or NULL */
    int64_t min, max;          /* PM_F_INT, PM_F_MONEY: inclusive bounds */
    const char *example;       /* a value for docs and tests */
} pm_field;

/* A parsed field of one row: absent, or text plus (for numeric and date
 * types) its integer value. Text points into the reader's buffer. */
typedef struct pm_value {
    bool present;
    const char *text;
    size_t len;
    int64_t num;
} pm_value;

/* A reference from a field of one dataset to the id of another; checked on
 * the whole import at once, so rows may refer to rows later in the same call. */
typedef struct pm_ref {
    pm_kind from;
    const char *column;
    pm_kind to;
} pm_ref;

typedef struct pm_dataset {
    pm_kind kind;
    const char *name; /* Dutch dataset name, also the table name */
    const pm_field *fields;
    size_t nfields;
    /* Rules between fields of one row. Reports each problem through
     * pm_diag_error with the given file and line; NULL when there are none. */
    void (*row_rule)(const pm_value *v, pm_diag *d, const char *file, long line);
} pm_dataset;

const pm_dataset *pm_dataset_get(pm_kind kind);

/* Looks up a dataset by its name ("hulpvragen"); NULL when unknown. */
const pm_dataset *pm_dataset_by_name(const char *name);

/* Index of field `name` (lowercase) in ds, or -1. */
int pm_dataset_field_index(const pm_dataset *ds, const char *name);

/* Detects the dataset from column names (lowercased, trimmed): the dataset
 * whose required fields are all present and that knows the most of the
 * columns. Returns NULL when none has all its required fields; then *closest
 * (if not NULL) is the dataset sharing the most columns, for the message. */
const pm_dataset *pm_dataset_detect(const char *const *cols, size_t ncols,
                                    const pm_dataset **closest);

/* The references between datasets, for the importer's set-based check. */
const pm_ref *pm_dataset_refs(size_t *n);

/* The allowed values of organisaties.type, organisaties.regio and
 * specialisten.expertise (also hulpvragen.onderwerp), in the order every
 * breakdown lists them, each NULL-terminated after its count. Written once,
 * in dataset.c: the import checks against them, the indicators count by
 * them. The sizes make a list and its count disagree at compile time. */
#define PM_NTYPES 3
extern const char *const pm_org_types[PM_NTYPES + 1]; /* gemeente, sob, opdrachtgever */
#define PM_NREGIOS 6
extern const char *const pm_regios[PM_NREGIOS + 1]; /* Noord-West .. Zuid */
#define PM_NEXPERTISES 5
extern const char *const pm_expertises[PM_NEXPERTISES + 1];

/* True when code is one of the 342 CBS gemeente codes (engine/gemeenten.c). */
bool pm_gemeente_known(const char *code);

/* The embedded CBS list, for the gemeenten table of the store. */
typedef struct pm_gemeente {
    const char *code, *naam, *provincie;
} pm_gemeente;
const pm_gemeente *pm_gemeenten(size_t *n);

#endif
