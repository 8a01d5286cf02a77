/* checktext.c — the text of `pijlermonitor check` from its findings: the
 * integrity problems ("fout: ..."), the rows per dataset, the warnings (the
 * sentences of labels.c) and the withdrawn rows, in that order. */
#include "checktext.h"

#include "format.h"
#include "labels.h"

static const char *str(const char *s)
{
    return s ? s : "";
}

static void problems(const pm_check_report *rep, FILE *out)
{
    for (size_t i = 0; i < rep->nproblems; i++) {
        const pm_check_problem *p = &rep->problems[i];
        switch (p->kind) {
        case PM_PROBLEM_INTEGRITY: fprintf(out, "fout: %s\n", str(p->text)); break;
        case PM_PROBLEM_FOREIGN_KEY:
            fprintf(out,
                    "fout: tabel %s rij %lld verwijst naar een ontbrekende rij in %s\n",
                    str(p->table), p->rowid, str(p->parent));
            break;
        case PM_PROBLEM_CHANGED:
            fprintf(out,
                    "fout: tabel %s is buiten pijlermonitor gewijzigd (nu %llu "
                    "rijen, volgens de imports %llu)\n",
                    pm_dataset_get(p->dataset)->name, p->now, p->kept);
            break;
        }
    }
}

/* "2026-01-05T10:00:00Z" as "05-01-2026 10:00 UTC"; other text as it is. */
static void dutch_time(const char *iso, char *out, size_t size)
{
    int y, mo, d, h, mi;
    if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) == 5)
        snprintf(out, size, "%02d-%02d-%04d %02d:%02d UTC", d, mo, y, h, mi);
    else
        snprintf(out, size, "%s", iso);
}

/* A count line, then the latest withdrawn rows, oldest first. */
static void withdrawals(const pm_check_report *rep, FILE *out)
{
    char num[32];
    if (rep->nwithdrawn == 0) {
        fprintf(out, "Ingetrokken rijen: geen\n");
        return;
    }
    fprintf(out, "Ingetrokken rijen: %s",
            pm_format_int(rep->nwithdrawn, num, sizeof num));
    if (rep->nerased)
        fprintf(out, " (waarvan %s gewist)",
                pm_format_int(rep->nerased, num, sizeof num));
    fprintf(out, "\n");
    if (rep->nwithdrawn > (long long)rep->nlisted)
        fprintf(out, "ingetrokken: ... %lld eerdere niet getoond\n",
                rep->nwithdrawn - (long long)rep->nlisted);
    for (size_t i = 0; i < rep->nlisted; i++) {
        const pm_withdrawn *w = &rep->withdrawn[i];
        char when[48];
        dutch_time(str(w->time), when, sizeof when);
        fprintf(out, "ingetrokken: %s %s op %s", str(w->dataset), str(w->id), when);
        if (w->erased)
            fprintf(out, ", gewist");
        else if (w->file)
            fprintf(out, ", uit %s:%lld", w->file, w->line);
        fprintf(out, "; reden: %s\n", str(w->reason));
    }
}

pm_error pm_checktext_write(const pm_check_report *rep, FILE *out)
{
    problems(rep, out);
    if (rep->integrity_ok)
        fprintf(out, "Integriteit van de database: in orde\n");
    if (rep->counted) {
        fprintf(out, "Rijen:");
        for (size_t k = 0; k < PM_NKINDS; k++) {
            char n[32];
            fprintf(out, "%s %s %s", k ? "," : "", pm_dataset_get((pm_kind)k)->name,
                    pm_format_int(rep->rows[k], n, sizeof n));
        }
        fprintf(out, "\n");
    }
    if (rep->warned) {
        size_t n;
        char **lines = pm_label_warning_lines(&rep->warnings, &n);
        if (!lines)
            return PM_ERR_NOMEM;
        for (size_t i = 0; i < n; i++)
            fprintf(out, "waarschuwing: %s\n", lines[i]);
        pm_label_lines_free(lines, n);
        long total = rep->warnings.total;
        fprintf(out, "%ld waarschuwing%s\n", total, total == 1 ? "" : "en");
    }
    if (rep->withdrawals_read)
        withdrawals(rep, out);
    return PM_OK;
}
