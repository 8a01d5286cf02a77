/* warning.h — what `check` finds, as plain data: the warnings about rows
 * (kind, file, line and the values), and for the check command also the
 * store's integrity problems, its row counts and the withdrawn rows.
 *
 * engine/check.c fills these; the Dutch text is made at the edges, from
 * exporters/labels.c (one sentence per warning: the check command's output
 * in exporters/checktext.c and the workbook's Toelichting). No sqlite3.h:
 * an exporter may include this header. Ownership: the pm_check_* function
 * that fills a struct allocates; pm_warnings_free / pm_check_report_free
 * free it (a zeroed struct is fine). */
#ifndef PM_WARNING_H
#define PM_WARNING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "value.h"

/* In the order check lists them. Text fields are NULL where the kind has
 * no such value, or the store holds NULL. */
typedef enum pm_warning_kind {
    PM_WARN_TARIFF_OVER_CAP,   /* id: specialist; cents: the tariff; cap_cents */
    PM_WARN_NO_SPECIALIST,     /* id: request; status */
    PM_WARN_NO_SUBJECT,        /* id: request */
    PM_WARN_UNKNOWN_REQUEST,   /* id: evaluation; request: the id it names */
    PM_WARN_OUTSIDE_DATES,     /* id: inzet; specialist; day: its date */
    PM_WARN_DUPLICATE,         /* ids, group_size; organisation; day: received */
    PM_WARN_DONE_WITHOUT_DATE, /* id: request (status 'afgerond') */
    PM_WARN_DATE_WITHOUT_DONE, /* id: request; status */
    PM_WARN_NKINDS
} pm_warning_kind;

typedef struct pm_warning {
    pm_warning_kind kind;
    char *file;     /* base name of the file the row came from */
    long long line; /* its line in that file */
    char *id;
    char *status, *request, *specialist, *organisation;
    int64_t cents, cap_cents;
    pm_day day;
    /* PM_WARN_DUPLICATE: the group's requests in import order. Only the
     * first ones are kept, as many as a sentence can show (about 500 bytes
     * of ids); group_size is the whole group. */
    char **ids;
    size_t nids, group_size;
} pm_warning;

typedef struct pm_warnings {
    pm_warning *item; /* listed: kind order, at most max_listed of a kind */
    size_t n, alloc;
    size_t found[PM_WARN_NKINDS]; /* every finding of a kind, listed or not */
    long total;                   /* the sum of found[] */
} pm_warnings;

void pm_warnings_free(pm_warnings *w);

/* A reason the store fails the check command's integrity check. */
typedef enum pm_problem_kind {
    PM_PROBLEM_INTEGRITY,   /* text: a line of PRAGMA integrity_check */
    PM_PROBLEM_FOREIGN_KEY, /* table, rowid, parent: PRAGMA foreign_key_check */
    PM_PROBLEM_CHANGED      /* kind, now, kept: rows changed outside pijlermonitor */
} pm_problem_kind;

typedef struct pm_check_problem {
    pm_problem_kind kind;
    char *text, *table, *parent;
    long long rowid;
    pm_kind dataset;
    unsigned long long now, kept;
} pm_check_problem;

/* A row withdrawn by `intrekken`. */
typedef struct pm_withdrawn {
    char *dataset, *id, *reason;
    char *time; /* as stored: "2026-01-05T10:00:00Z" */
    bool erased;
    char *file; /* as stored; NULL when the file is not known */
    long long line;
} pm_withdrawn;

/* Everything the check command reports. Each part is filled only when the
 * check got that far (the flags), so a failure shows what came before. */
typedef struct pm_check_report {
    pm_check_problem *problems; /* integrity: when any, the check failed */
    size_t nproblems;
    bool integrity_ok; /* the integrity check ran and passed */
    bool counted;
    long long rows[PM_NKINDS]; /* rows per dataset */
    bool warned;
    pm_warnings warnings;
    bool withdrawals_read;
    long long nwithdrawn, nerased; /* all withdrawn rows, and the erased ones */
    pm_withdrawn *withdrawn;       /* the latest ones, oldest first */
    size_t nlisted;
} pm_check_report;

void pm_check_report_free(pm_check_report *rep);

#endif
