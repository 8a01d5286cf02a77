/* error.c — error descriptions, exit codes and the bounded diagnostics list.
 * Messages are Dutch because users read them; see error.h for the contract. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pm_strerror(pm_error err)
{
    switch (err) {
    case PM_OK: return "geen fout";
    case PM_ERR_USAGE: return "onjuist gebruik van de opdrachtregel";
    case PM_ERR_DATA: return "ongeldige invoergegevens";
    case PM_ERR_IO: return "bestand kan niet worden gelezen of geschreven";
    case PM_ERR_DB: return "databasefout";
    case PM_ERR_NOTOURS: return "geen pijlermonitor-database";
    case PM_ERR_NEWER: return "database van een nieuwere versie van pijlermonitor";
    case PM_ERR_NOMEM: return "onvoldoende geheugen";
    }
    return "onbekende fout";
}

int pm_exit_code(pm_error err)
{
    switch (err) {
    case PM_OK: return 0;
    case PM_ERR_USAGE: return 1;
    case PM_ERR_DATA: return 2;
    default: return 3;
    }
}

void pm_diag_init(pm_diag *d, size_t cap)
{
    memset(d, 0, sizeof *d);
    d->cap = cap;
}

void pm_diag_free(pm_diag *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->kept_errors; i++)
        free(d->errors[i]);
    for (size_t i = 0; i < d->kept_warnings; i++)
        free(d->warnings[i]);
    free(d->errors);
    free(d->warnings);
    memset(d, 0, sizeof *d);
}

/* A diagnostic is one line on a terminal. Control characters that came from
 * the input (a column name, a JSON key, a file name) are shown as '?', C1
 * ones (UTF-8 C2 80..9F) included, so an escape sequence in a file cannot act
 * on the user's terminal or break the one-line form. */
static void show_controls(char *s)
{
    unsigned char *r = (unsigned char *)s;
    unsigned char *w = r;
    while (*r) {
        if (r[0] == 0xC2 && r[1] >= 0x80 && r[1] <= 0x9F) {
            *w++ = '?';
            r += 2;
        } else if (*r < 0x20 || *r == 0x7F) {
            *w++ = '?';
            r++;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

/* Formats one diagnostic line; NULL when memory runs out (the count still
 * goes up, so the summary never understates). */
static char *format_line(const char *file, long line, const char *field, const char *fmt,
                         va_list ap)
{
    char reason[1024];
    vsnprintf(reason, sizeof reason, fmt, ap);
    char prefix[1200] = "";
    size_t n = 0;
    if (file) {
        if (line > 0)
            n = (size_t)snprintf(prefix, sizeof prefix, "%s:%ld: ", file, line);
        else
            n = (size_t)snprintf(prefix, sizeof prefix, "%s: ", file);
    }
    if (field && n < sizeof prefix)
        snprintf(prefix + n, sizeof prefix - n, "veld '%s': ", field);
    size_t len = strlen(prefix) + strlen(reason) + 1;
    char *s = malloc(len);
    if (s) {
        snprintf(s, len, "%s%s", prefix, reason);
        show_controls(s);
    }
    return s;
}

static void add(char ***list, size_t *kept, size_t *count, size_t cap, char *line)
{
    (*count)++;
    if (!line)
        return;
    if (*kept >= cap) {
        free(line);
        return;
    }
    char **grown = realloc(*list, (*kept + 1) * sizeof **list);
    if (!grown) {
        free(line);
        return;
    }
    *list = grown;
    (*list)[(*kept)++] = line;
}

void pm_diag_error(pm_diag *d, const char *file, long line, const char *field,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = d->kept_errors < d->cap ? format_line(file, line, field, fmt, ap) : NULL;
    va_end(ap);
    add(&d->errors, &d->kept_errors, &d->nerrors, d->cap, s);
}

void pm_diag_warn(pm_diag *d, const char *file, long line, const char *field,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = d->kept_warnings < d->cap ? format_line(file, line, field, fmt, ap) : NULL;
    va_end(ap);
    add(&d->warnings, &d->kept_warnings, &d->nwarnings, d->cap, s);
}

static void move_lines(char ***to, size_t *to_kept, size_t *to_count, size_t cap,
                       char **from, size_t from_kept, size_t i0, size_t i1)
{
    for (size_t i = i0; i < i1; i++) {
        char *line = NULL;
        if (i < from_kept) {
            line = from[i];
            from[i] = NULL;
        }
        add(to, to_kept, to_count, cap, line);
    }
}

void pm_diag_move(pm_diag *to, pm_diag *from, size_t e0, size_t e1, size_t w0, size_t w1)
{
    move_lines(&to->errors, &to->kept_errors, &to->nerrors, to->cap, from->errors,
               from->kept_errors, e0, e1);
    move_lines(&to->warnings, &to->kept_warnings, &to->nwarnings, to->cap, from->warnings,
               from->kept_warnings, w0, w1);
}

void pm_diag_clear(pm_diag *d)
{
    for (size_t i = 0; i < d->kept_errors; i++)
        free(d->errors[i]);
    for (size_t i = 0; i < d->kept_warnings; i++)
        free(d->warnings[i]);
    d->nerrors = d->kept_errors = d->nwarnings = d->kept_warnings = 0;
}

void pm_diag_print(const pm_diag *d)
{
    for (size_t i = 0; i < d->kept_errors; i++)
        fprintf(stderr, "%s\n", d->errors[i]);
    if (d->nerrors > d->kept_errors)
        fprintf(stderr, "... en nog %zu fout(en) die niet getoond worden\n",
                d->nerrors - d->kept_errors);
    for (size_t i = 0; i < d->kept_warnings; i++)
        fprintf(stderr, "waarschuwing: %s\n", d->warnings[i]);
    if (d->nwarnings > d->kept_warnings)
        fprintf(stderr, "... en nog %zu waarschuwing(en) die niet getoond worden\n",
                d->nwarnings - d->kept_warnings);
}
