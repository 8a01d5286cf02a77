/* check.c — consistency warnings over the whole store, each naming the file
 * and line the row came from, and the store's integrity check. */
#include "check.h"

#include <stdbool.h>
#include <string.h>

#include "dataset.h"
#include "format.h"
#include "store.h"

void pm_check_defaults(pm_check_opts *opts)
{
    opts->uurtarief_cap_cent = 12000;
    opts->integrity = true;
    opts->max_listed = 20;
}

/* One kind of warning: a query returning (pad, regel, a, b, c) per finding,
 * and a formatter that writes the Dutch sentence from a, b and c. */
typedef struct check_def {
    const char *sql;
    void (*say)(sqlite3_stmt *st, const pm_check_opts *opts, char *out, size_t size);
} check_def;

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? (const char *)s : "";
}

static void say_tariff(sqlite3_stmt *st, const pm_check_opts *opts, char *out,
                       size_t size)
{
    char rate[32], cap[32];
    pm_format_euro(sqlite3_column_int64(st, 4), rate, sizeof rate);
    pm_format_euro(opts->uurtarief_cap_cent, cap, sizeof cap);
    snprintf(out, size, "uurtarief van specialist %s is %s, boven het maximum van %s",
             col(st, 2), rate, cap);
}

static void say_no_specialist(sqlite3_stmt *st, const pm_check_opts *o, char *out,
                              size_t size)
{
    (void)o;
    snprintf(out, size, "hulpvraag %s (status %s) heeft geen specialist", col(st, 2),
             col(st, 3));
}

static void say_no_subject(sqlite3_stmt *st, const pm_check_opts *o, char *out,
                           size_t size)
{
    (void)o;
    snprintf(out, size, "hulpvraag %s heeft geen onderwerp", col(st, 2));
}

static void say_unknown_request(sqlite3_stmt *st, const pm_check_opts *o, char *out,
                                size_t size)
{
    (void)o;
    snprintf(out, size, "evaluatie %s noemt hulpvraag '%s', die niet bestaat", col(st, 2),
             col(st, 3));
}

static void say_outside_dates(sqlite3_stmt *st, const pm_check_opts *o, char *out,
                              size_t size)
{
    (void)o;
    char d[16];
    pm_format_date((pm_day)sqlite3_column_int64(st, 4), d, sizeof d);
    snprintf(out, size,
             "inzet %s van specialist %s op %s valt buiten diens start- en "
             "einddatum",
             col(st, 2), col(st, 3), d);
}

static void say_duplicate(sqlite3_stmt *st, const pm_check_opts *o, char *out,
                          size_t size)
{
    (void)o;
    char d[16];
    pm_format_date((pm_day)sqlite3_column_int64(st, 4), d, sizeof d);
    snprintf(
        out, size,
        "hulpvragen %s lijken dubbel: zelfde organisatie (%s), dag (%s) en onderwerp",
        col(st, 2), col(st, 3), d);
}

static void say_done_without_date(sqlite3_stmt *st, const pm_check_opts *o, char *out,
                                  size_t size)
{
    (void)o;
    snprintf(out, size, "hulpvraag %s heeft status 'afgerond' maar geen afgerond_op",
             col(st, 2));
}

static void say_date_without_done(sqlite3_stmt *st, const pm_check_opts *o, char *out,
                                  size_t size)
{
    (void)o;
    snprintf(out, size, "hulpvraag %s heeft een afgerond_op maar status '%s'", col(st, 2),
             col(st, 3));
}

#define FROM(t) " FROM " t " x JOIN import_bestanden f ON f.id = x.bestand "

static const check_def checks[] = {
    {"SELECT f.pad, x.regel, x.id, x.naam, x.uurtarief_cent" FROM(
         "specialisten") "WHERE x.uurtarief_cent > ?1 ORDER BY x.id",
     say_tariff},
    {"SELECT f.pad, x.regel, x.id, x.status" FROM(
         "hulpvragen") "WHERE x.specialist IS NULL ORDER BY x.ontvangen, x.id",
     say_no_specialist},
    {"SELECT f.pad, x.regel, x.id" FROM(
         "hulpvragen") "WHERE x.onderwerp IS NULL ORDER BY x.ontvangen, x.id",
     say_no_subject},
    {"SELECT f.pad, x.regel, x.id, x.hulpvraag" FROM(
         "evaluaties") "WHERE x.hulpvraag IS NOT NULL AND NOT EXISTS "
                       "(SELECT 1 FROM hulpvragen h WHERE h.id = x.hulpvraag) ORDER BY "
                       "x.datum, x.id",
     say_unknown_request},
    /* Per specialist two range lookups in the (specialist, datum) index, not
     * a scan of every inzet row: 3.9 s at 3M rows became milliseconds. */
    {"SELECT f.pad, x.regel, x.id, x.specialist, x.datum FROM specialisten s"
     " JOIN inzet x INDEXED BY inzet_specialist ON x.specialist = s.id AND x.datum < "
     "s.start"
     " JOIN import_bestanden f ON f.id = x.bestand"
     " UNION ALL "
     "SELECT f.pad, x.regel, x.id, x.specialist, x.datum FROM specialisten s"
     " JOIN inzet x INDEXED BY inzet_specialist ON x.specialist = s.id AND x.datum > "
     "s.einde"
     " JOIN import_bestanden f ON f.id = x.bestand"
     " ORDER BY 5, 3",
     say_outside_dates},
    {"SELECT f.pad, x.regel, group_concat(x.id, ', '), x.organisatie, x.ontvangen" FROM(
         "hulpvragen") "GROUP BY x.organisatie, x.ontvangen, x.onderwerp "
                       "HAVING count(*) > 1 ORDER BY x.ontvangen, x.organisatie",
     say_duplicate},
    {"SELECT f.pad, x.regel, x.id" FROM(
         "hulpvragen") "WHERE x.status = 'afgerond' AND x.afgerond_op IS NULL ORDER BY "
                       "x.ontvangen, x.id",
     say_done_without_date},
    {"SELECT f.pad, x.regel, x.id, x.status" FROM(
         "hulpvragen") "WHERE x.status <> 'afgerond' AND x.afgerond_op IS NOT NULL ORDER "
                       "BY x.ontvangen, x.id",
     say_date_without_done},
};

/* Runs a pragma that answers "ok" when all is well, or a list of problems. */
static pm_error integrity(sqlite3 *db, FILE *out, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(20)", -1, &st, NULL) !=
        SQLITE_OK) {
        snprintf(msg, msgsize, "integriteitscontrole mislukt: %s", sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    int bad = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *r = col(st, 0);
        if (strcmp(r, "ok") != 0) {
            fprintf(out, "fout: %s\n", r);
            bad = 1;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE || bad) {
        snprintf(msg, msgsize, "de database is beschadigd (PRAGMA integrity_check): %s",
                 rc != SQLITE_DONE ? pm_store_reason(db) : "zie de regels hierboven");
        return PM_ERR_DB;
    }
    if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "controle van verwijzingen mislukt: %s",
                 sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        fprintf(out, "fout: tabel %s rij %lld verwijst naar een ontbrekende rij in %s\n",
                col(st, 0), (long long)sqlite3_column_int64(st, 1), col(st, 2));
        bad = 1;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE || bad) {
        snprintf(msg, msgsize, "de database is inconsistent (PRAGMA foreign_key_check)");
        return PM_ERR_DB;
    }
    /* The import keeps the fingerprint's sums; rows changed by other software
     * leave them behind, and the reports would show a fingerprint of data
     * that is no longer there. */
    pm_store_sums kept, real;
    pm_error err = pm_store_sums_read(db, &kept, msg, msgsize);
    if (!err)
        err = pm_store_sums_compute(db, &real, msg, msgsize);
    if (err)
        return err;
    for (size_t k = 0; k < PM_NKINDS; k++)
        if (kept.sum[k] != real.sum[k] || kept.count[k] != real.count[k]) {
            fprintf(out,
                    "fout: tabel %s is buiten pijlermonitor gewijzigd (nu %llu "
                    "rijen, volgens de imports %llu)\n",
                    pm_dataset_get((pm_kind)k)->name, (unsigned long long)real.count[k],
                    (unsigned long long)kept.count[k]);
            bad = 1;
        }
    if (bad) {
        snprintf(msg, msgsize,
                 "de database is buiten pijlermonitor gewijzigd: de gegevens passen niet "
                 "bij de opgeslagen vingerafdruk, en een rapportage zou een verkeerde "
                 "gegevensvingerafdruk tonen");
        return PM_ERR_DB;
    }
    fprintf(out, "Integriteit van de database: in orde\n");
    return PM_OK;
}

static pm_error check_all(sqlite3 *db, const pm_check_opts *opts, FILE *out,
                          long *nwarnings, char *msg, size_t msgsize)
{
    *nwarnings = 0;
    pm_error err = opts->integrity ? integrity(db, out, msg, msgsize) : PM_OK;
    if (err)
        return err;

    fprintf(out, "Rijen:");
    for (size_t k = 0; k < PM_NKINDS; k++) {
        const char *name = pm_dataset_get((pm_kind)k)->name;
        char n[32];
        fprintf(out, "%s %s %s", k ? "," : "", name,
                pm_format_int(pm_store_count(db, name), n, sizeof n));
    }
    fprintf(out, "\n");

    for (size_t c = 0; c < sizeof checks / sizeof checks[0]; c++) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, checks[c].sql, -1, &st, NULL) != SQLITE_OK) {
            snprintf(msg, msgsize, "controle mislukt: %s", sqlite3_errmsg(db));
            return PM_ERR_DB;
        }
        if (sqlite3_bind_parameter_count(st) >= 1)
            sqlite3_bind_int64(st, 1, opts->uurtarief_cap_cent);
        size_t found = 0;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (found++ < opts->max_listed) {
                char line[512];
                checks[c].say(st, opts, line, sizeof line);
                fprintf(out, "waarschuwing: %s:%lld: %s\n", col(st, 0),
                        (long long)sqlite3_column_int64(st, 1), line);
            }
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            snprintf(msg, msgsize, "controle mislukt: %s", sqlite3_errmsg(db));
            return PM_ERR_DB;
        }
        if (found > opts->max_listed)
            fprintf(out, "waarschuwing: ... en nog %zu van deze soort\n",
                    found - opts->max_listed);
        *nwarnings += (long)found;
    }
    fprintf(out, "%ld waarschuwing%s\n", *nwarnings, *nwarnings == 1 ? "" : "en");
    return PM_OK;
}

/* One read transaction for the whole check, so the integrity check, the row
 * counts and the warnings all come from one snapshot: without it each
 * statement saw the database as it was at that moment, and an import
 * committing meanwhile gave a "Rijen" line that matched no state of the
 * database (half before, half after the import; shown by
 * tests/e2e/test_concurrency.py). Inside a caller's transaction (report,
 * which reads in its own snapshot) that one is used. */
pm_error pm_check_run(sqlite3 *db, const pm_check_opts *opts, FILE *out, long *nwarnings,
                      char *msg, size_t msgsize)
{
    bool own = sqlite3_get_autocommit(db);
    if (own) {
        pm_error err = pm_store_exec(db, "BEGIN", msg, msgsize);
        if (err) {
            *nwarnings = 0;
            return err;
        }
    }
    pm_error err = check_all(db, opts, out, nwarnings, msg, msgsize);
    if (own) {
        char ignored[128];
        pm_store_exec(db, "COMMIT", ignored, sizeof ignored);
    }
    return err;
}
