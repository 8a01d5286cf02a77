/* cli.c — argument parsing and the commands init, import, check, sjabloon
 * and demo. Every message a user reads here is Dutch. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "dataset.h"
#include "disclosure.h"
#include "format.h"
#include "import.h"
#include "json.h"
#include "outfile.h"
#include "pdf.h"
#include "period.h"
#include "pm_config.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "xlsx.h"

static const char usage_text[] =
    "Gebruik:\n"
    "  pijlermonitor [--db BESTAND] init\n"
    "  pijlermonitor [--db BESTAND] import [--kind SOORT] [--dry-run] BESTAND...\n"
    "  pijlermonitor [--db BESTAND] check [--config BESTAND]\n"
    "  pijlermonitor [--db BESTAND] indicators [--period P] [--peildatum D]\n"
    "                [--config BESTAND] [--format table|json|csv] [--audience "
    "intern|extern]\n"
    "  pijlermonitor [--db BESTAND] report [--period P] [--peildatum D]\n"
    "                [--audience intern|extern] [--xlsx BESTAND] [--pdf BESTAND]\n"
    "                [--png MAP] [--config BESTAND]\n"
    "  pijlermonitor sjabloon SOORT [BESTAND]\n"
    "  pijlermonitor demo [MAP]\n"
    "\n"
    "Periode P: een kwartaal (2025-Q3), maand (2025-07), jaar (2025) of reeks\n"
    "(2025-01-01..2025-06-30); zonder --period het laatste volledige kwartaal.\n"
    "De peildatum is standaard de laatste dag van de periode. Publiek standaard extern.\n"
    "De database is --db, anders $PIJLERMONITOR_DB, anders pijlermonitor.db.\n"
    "Soorten: organisaties, specialisten, hulpvragen, inzet, evaluaties,\n"
    "         kennisproducten, mijlpalen, begroting, uitgaven.\n"
    "Exitcodes: 0 gelukt, 1 onjuist gebruik, 2 ongeldige gegevens,\n"
    "           3 bestands- of databasefout.\n";

typedef struct cli {
    const char *db_option;
    const char *kind;
    bool dry_run;
    const char *period;
    const char *peildatum;
    const char *config;
    const char *format;
    const char *audience;
    const char *xlsx;
    const char *pdf;
    const char *png;
    const char *args[256]; /* positional arguments after the command */
    size_t nargs;
} cli;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "pijlermonitor: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n\n%s", usage_text);
    return pm_exit_code(PM_ERR_USAGE);
}

static int fail(pm_error err, const char *msg)
{
    fprintf(stderr, "pijlermonitor: %s\n", msg && *msg ? msg : pm_strerror(err));
    return pm_exit_code(err);
}

/* The moment of this run: SOURCE_DATE_EPOCH when set (reproducible output),
 * else the clock. Read once, here, and passed down. */
static time_t run_time(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (*end == '\0' && v >= 0)
            return (time_t)v;
    }
    return time(NULL);
}

static void iso_time(time_t t, char buf[32])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- init ------------------------------------------------------------- */

static int cmd_init(const cli *c)
{
    const char *path = pm_store_path(c->db_option);
    sqlite3 *db;
    int created;
    char msg[1024];
    pm_error err = pm_store_open(path, PM_STORE_CREATE, &db, &created, msg, sizeof msg);
    if (err)
        return fail(err, msg);
    if (created)
        printf("Database %s aangemaakt (schemaversie %d).\n", path, PM_SCHEMA_VERSION);
    else
        printf("Database %s bestaat al (schemaversie %d); niets gewijzigd.\n", path,
               PM_SCHEMA_VERSION);
    pm_store_close(db);
    return 0;
}

/* ---- import ----------------------------------------------------------- */

static void print_import_summary(const pm_import_result *res, bool dry_run, bool ok)
{
    long rows = 0, added = 0, replaced = 0;
    for (size_t i = 0; i < res->nfiles; i++) {
        const pm_import_file *f = &res->files[i];
        rows += f->rows;
        added += f->added;
        replaced += f->replaced;
        if (!f->ds)
            continue;
        if (ok)
            printf("%s: %s, %ld rij%s (%ld nieuw, %ld vervangen)\n", f->path, f->ds->name,
                   f->rows, f->rows == 1 ? "" : "en", f->added, f->replaced);
        else
            printf("%s: %s, %ld rij%s gelezen\n", f->path, f->ds->name, f->rows,
                   f->rows == 1 ? "" : "en");
    }
    if (!ok)
        return;
    if (dry_run)
        printf("Proefimport: %ld rij%s in %zu bestand%s zonder fouten; er is niets "
               "opgeslagen (--dry-run).\n",
               rows, rows == 1 ? "" : "en", res->nfiles, res->nfiles == 1 ? "" : "en");
    else
        printf(
            "Import voltooid: %ld rij%s in %zu bestand%s (%ld nieuw, %ld vervangen).\n",
            rows, rows == 1 ? "" : "en", res->nfiles, res->nfiles == 1 ? "" : "en", added,
            replaced);
}

static int run_import(sqlite3 *db, const char *dbpath, const pm_dataset *kind,
                      bool dry_run, const char *const *paths, size_t npaths)
{
    char now[32];
    iso_time(run_time(), now);
    pm_import_opts opts = {
        .kind = kind, .dry_run = dry_run, .progress = isatty(STDERR_FILENO), .now = now};
    pm_import_result res;
    pm_diag diag;
    pm_diag_init(&diag, 100);
    char msg[1024] = "";
    pm_error err = pm_import_run(db, &opts, paths, npaths, &res, &diag, msg, sizeof msg);
    pm_diag_print(&diag);
    print_import_summary(&res, dry_run, err == PM_OK);
    if (err == PM_ERR_DATA)
        fprintf(stderr,
                "Import afgebroken: %zu fout%s gevonden; er is niets opgeslagen.\n",
                diag.nerrors, diag.nerrors == 1 ? "" : "en");
    else if (err == PM_ERR_DB) /* name the database: "de schijf is vol" alone
                                  does not say which disk (tests/e2e/test_faults.py) */
        fprintf(stderr, "pijlermonitor: database '%s': %s; er is niets opgeslagen.\n",
                dbpath, *msg ? msg : pm_strerror(err));
    else if (err)
        fprintf(stderr, "pijlermonitor: %s; er is niets opgeslagen.\n",
                *msg ? msg : pm_strerror(err));
    pm_diag_free(&diag);
    pm_import_result_free(&res);
    return pm_exit_code(err);
}

static const pm_dataset *kind_option(const char *name, int *code)
{
    *code = 0;
    if (!name)
        return NULL;
    const pm_dataset *ds = pm_dataset_by_name(name);
    if (!ds)
        *code = usage_error("onbekende soort '%s' bij --kind", name);
    return ds;
}

static int cmd_import(const cli *c)
{
    if (c->nargs == 0)
        return usage_error("%s", "import: geef minstens één bestand");
    int code;
    const pm_dataset *kind = kind_option(c->kind, &code);
    if (code)
        return code;
    const char *path = pm_store_path(c->db_option);
    sqlite3 *db;
    char msg[1024];
    pm_error err = pm_store_open(path, PM_STORE_EXISTING, &db, NULL, msg, sizeof msg);
    if (err)
        return fail(err, msg);
    code = run_import(db, path, kind, c->dry_run, c->args, c->nargs);
    pm_store_close(db);
    return code;
}

/* ---- check ------------------------------------------------------------ */

static int run_check(sqlite3 *db, const pm_config *cfg)
{
    pm_check_opts opts;
    pm_check_defaults(&opts);
    opts.uurtarief_cap_cent = cfg->uurtarief_max_cent;
    long warnings;
    char msg[1024];
    pm_error err = pm_check_run(db, &opts, stdout, &warnings, msg, sizeof msg);
    fflush(stdout);
    return err ? fail(err, msg) : 0;
}

/* Loads the defaults and, when given, the --config file over them. */
static int load_config(const cli *c, pm_config *cfg)
{
    pm_config_defaults(cfg);
    if (!c->config)
        return 0;
    char msg[1024];
    pm_error err = pm_config_load(cfg, c->config, msg, sizeof msg);
    return err ? fail(err, msg) : 0;
}

static int cmd_check(const cli *c)
{
    pm_config cfg;
    int code = load_config(c, &cfg);
    if (code)
        return code;
    const char *path = pm_store_path(c->db_option);
    sqlite3 *db;
    char msg[1024];
    pm_error err = pm_store_open(path, PM_STORE_EXISTING, &db, NULL, msg, sizeof msg);
    if (err) {
        pm_config_free(&cfg);
        return fail(err, msg);
    }
    printf("Controle van %s\n", path);
    code = run_check(db, &cfg);
    pm_store_close(db);
    pm_config_free(&cfg);
    return code;
}

/* ---- indicators ------------------------------------------------------- */

/* The period from --period, or the last complete quarter before the run
 * time; the peildatum from --peildatum, or the period's last day. */
static int period_options(const cli *c, pm_period *period, pm_day *peil)
{
    if (c->period) {
        if (!pm_period_parse(c->period, period)) {
            fprintf(stderr, "pijlermonitor: ongeldige periode '%s'; %s\n", c->period,
                    pm_period_forms());
            return pm_exit_code(PM_ERR_USAGE);
        }
    } else {
        time_t t = run_time();
        pm_period_last_complete_quarter((pm_day)(t / 86400), period);
    }
    *peil = period->end;
    if (c->peildatum && !pm_day_parse(c->peildatum, strlen(c->peildatum), peil))
        return usage_error("ongeldige peildatum '%s'; gebruik JJJJ-MM-DD of DD-MM-JJJJ",
                           c->peildatum);
    if (*peil < period->start)
        return usage_error("de peildatum '%s' ligt voor het begin van de periode; op die "
                           "datum valt er over de periode nog niets te melden",
                           c->peildatum);
    return 0;
}

static int audience_option(const cli *c, pm_audience *a)
{
    *a = PM_EXTERN;
    if (c->audience && !pm_audience_parse(c->audience, a))
        return usage_error("onbekend publiek '%s'; kies intern of extern", c->audience);
    return 0;
}

/* The options that indicators and report share: period and peildatum,
 * audience, configuration. On success *cfg must be freed by the caller. */
static int report_options(const cli *c, pm_period *period, pm_day *peil,
                          pm_audience *audience, pm_config *cfg)
{
    int code = period_options(c, period, peil);
    if (!code)
        code = audience_option(c, audience);
    if (!code)
        code = load_config(c, cfg);
    /* Below 3, two hidden cells or a mean of two organisations give each
     * other away (SPEC §6); a configuration error, like any bad value. */
    if (!code && *audience == PM_EXTERN && cfg->min_cell < PM_EXTERN_MIN_CELL) {
        fprintf(stderr,
                "pijlermonitor: %s: 'min_cell' is %d; voor publiek extern moet dat "
                "minstens %d zijn\n",
                c->config ? c->config : "configuratie", cfg->min_cell,
                PM_EXTERN_MIN_CELL);
        pm_config_free(cfg);
        code = pm_exit_code(PM_ERR_DATA);
    }
    return code;
}

/* What indicators and report both need: the options, then an open store. */
typedef struct report_request {
    pm_period period;
    pm_day peil;
    pm_audience audience;
    pm_config cfg;
} report_request;

typedef pm_error (*report_work)(const cli *c, sqlite3 *db, const report_request *req,
                                char *msg, size_t msgsize);

/* Parses the shared options, opens the store, runs work, and turns the
 * outcome into the exit code; everything opened here is closed here. */
static int run_on_store(const cli *c, report_work work)
{
    report_request req;
    int code = report_options(c, &req.period, &req.peil, &req.audience, &req.cfg);
    if (code)
        return code;
    const char *path = pm_store_path(c->db_option);
    sqlite3 *db;
    char msg[1024];
    pm_error err = pm_store_open(path, PM_STORE_EXISTING, &db, NULL, msg, sizeof msg);
    if (!err) {
        err = work(c, db, &req, msg, sizeof msg);
        pm_store_close(db);
    }
    pm_config_free(&req.cfg);
    return err ? fail(err, msg) : 0;
}

static pm_error write_indicators(const cli *c, sqlite3 *db, const report_request *req,
                                 char *msg, size_t msgsize)
{
    const char *format = c->format ? c->format : "table";
    pm_report rep;
    pm_error err =
        pm_report_compute(&rep, db, &req->cfg, &req->period, req->peil, msg, msgsize);
    if (!err && req->audience == PM_EXTERN)
        err = pm_disclosure_apply(&rep, req->cfg.min_cell);
    if (!err && strcmp(format, "json") == 0)
        err = pm_json_write(&rep, req->audience, stdout, msg, msgsize);
    else if (!err && strcmp(format, "csv") == 0)
        err = pm_text_csv(&rep, req->audience, stdout);
    else if (!err)
        err = pm_text_table(&rep, req->audience, stdout);
    if (!err && fflush(stdout) != 0)
        err = PM_ERR_IO;
    pm_report_free(&rep);
    return err;
}

static int cmd_indicators(const cli *c)
{
    const char *format = c->format ? c->format : "table";
    if (strcmp(format, "table") != 0 && strcmp(format, "json") != 0 &&
        strcmp(format, "csv") != 0)
        return usage_error("onbekend formaat '%s'; kies table, json of csv", format);
    if (c->nargs)
        return usage_error("onverwacht argument '%s'", c->args[0]);
    return run_on_store(c, write_indicators);
}

/* ---- report ----------------------------------------------------------- */

/* The lines of `check` for the workbook's Toelichting, captured in memory;
 * *buf holds them (free it), lines[] point into it. */
static size_t capture_check(sqlite3 *db, const pm_config *cfg, char **buf,
                            const char **lines, size_t max)
{
    size_t len = 0, n = 0;
    *buf = NULL;
    FILE *mem = open_memstream(buf, &len);
    if (!mem)
        return 0;
    pm_check_opts opts;
    pm_check_defaults(&opts);
    opts.uurtarief_cap_cent = cfg->uurtarief_max_cent;
    opts.integrity = false; /* that is the check command's job, not a report's */
    long warnings;
    char msg[256];
    pm_check_run(db, &opts, mem, &warnings, msg, sizeof msg);
    fclose(mem);
    for (char *p = *buf; p && *p && n < max;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        if (strncmp(p, "waarschuwing: ", 14) == 0)
            lines[n++] = p + 14;
        if (!nl)
            break;
        p = nl + 1;
    }
    return n;
}

typedef struct report_outputs {
    const char *xlsx, *pdf, *png; /* NULL = not wanted */
} report_outputs;

/* Computes the report for one period and audience and writes the wanted
 * files. Prints where they are. Returns PM_OK or the first error (msg). */
static pm_error write_reports(sqlite3 *db, const pm_config *cfg, const pm_period *period,
                              pm_day peil, pm_audience audience,
                              const report_outputs *out, char *msg, size_t msgsize)
{
    pm_error err = out->png ? pm_mkdir_p(out->png, msg, msgsize) : PM_OK;
    pm_report rep = {0};
    char fingerprint[20] = "";
    if (!err)
        err = pm_report_compute(&rep, db, cfg, period, peil, msg, msgsize);
    if (!err && audience == PM_EXTERN)
        err = pm_disclosure_apply(&rep, cfg->min_cell);
    if (!err)
        err = pm_store_fingerprint(db, fingerprint, msg, msgsize);
    char *check_buf = NULL;
    const char *lines[200];
    /* Only the workbook lists the warnings of check (in its Toelichting). */
    size_t nlines =
        err || !out->xlsx ? 0 : capture_check(db, cfg, &check_buf, lines, 200);
    time_t created = run_time();
    const char *max_rows = getenv("PIJLERMONITOR_MAX_SHEET_ROWS"); /* tests only */
    if (!err && out->xlsx) {
        pm_xlsx_input in = {.rep = &rep,
                            .audience = audience,
                            .created = created,
                            .fingerprint = fingerprint,
                            .warnings = lines,
                            .nwarnings = nlines,
                            .max_rows_per_sheet = max_rows ? atol(max_rows) : 0};
        err = pm_xlsx_write(&in, out->xlsx, msg, msgsize);
        if (!err)
            printf("Werkmap (%s): %s\n", pm_audience_name(audience), out->xlsx);
    }
    if (!err && (out->pdf || out->png)) {
        pm_pdf_input in = {.rep = &rep,
                           .audience = audience,
                           .created = created,
                           .fingerprint = fingerprint,
                           .png_dir = out->png};
        err = pm_pdf_write(&in, out->pdf, msg, msgsize);
        if (!err && out->pdf)
            printf("PDF (%s): %s\n", pm_audience_name(audience), out->pdf);
        if (!err && out->png)
            printf("Grafieken als PNG (%s): %s\n", pm_audience_name(audience), out->png);
    }
    free(check_buf);
    pm_report_free(&rep);
    return err;
}

static pm_error write_report_files(const cli *c, sqlite3 *db, const report_request *req,
                                   char *msg, size_t msgsize)
{
    report_outputs out = {c->xlsx, c->pdf, c->png};
    return write_reports(db, &req->cfg, &req->period, req->peil, req->audience, &out, msg,
                         msgsize);
}

static int cmd_report(const cli *c)
{
    if (c->nargs)
        return usage_error("onverwacht argument '%s'", c->args[0]);
    if (!c->xlsx && !c->pdf && !c->png)
        return usage_error("%s", "report: geef --xlsx, --pdf en/of --png");
    return run_on_store(c, write_report_files);
}

/* ---- sjabloon --------------------------------------------------------- */

static int cmd_sjabloon(const cli *c)
{
    if (c->nargs < 1 || c->nargs > 2)
        return usage_error("%s",
                           "sjabloon: geef een soort en eventueel een bestandsnaam");
    const pm_dataset *ds = pm_dataset_by_name(c->args[0]);
    if (!ds)
        return usage_error("onbekende soort '%s'", c->args[0]);
    /* What Dutch Excel reads without the import wizard: UTF-8 with BOM,
     * ';' between fields, CRLF line ends. */
    char header[512];
    size_t n = (size_t)snprintf(header, sizeof header, "\xEF\xBB\xBF");
    for (size_t i = 0; i < ds->nfields; i++)
        n += (size_t)snprintf(header + n, sizeof header - n, "%s%s", i ? ";" : "",
                              ds->fields[i].name);
    snprintf(header + n, sizeof header - n, "\r\n");
    if (c->nargs == 1) {
        fputs(header, stdout);
        return 0;
    }
    const char *path = c->args[1];
    struct stat sb;
    if (stat(path, &sb) == 0) {
        fprintf(stderr,
                "pijlermonitor: %s bestaat al; kies een andere naam (er is niets "
                "overschreven)\n",
                path);
        return pm_exit_code(PM_ERR_IO);
    }
    pm_outfile of;
    char msg[1024];
    pm_error err = pm_outfile_open(&of, path, msg, sizeof msg);
    if (err)
        return fail(err, msg);
    fputs(header, of.fp);
    err = pm_outfile_commit(&of, msg, sizeof msg);
    if (err)
        return fail(err, msg);
    printf("Sjabloon voor %s geschreven naar %s.\n", ds->name, path);
    return 0;
}

/* ---- demo ------------------------------------------------------------- */

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Lists the .csv and .json files of dir, sorted, as malloc'ed paths. */
static size_t list_fixtures(const char *dir, char **paths, size_t max)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max) {
        const char *dot = strrchr(e->d_name, '.');
        if (!dot || (strcmp(dot, ".csv") != 0 && strcmp(dot, ".json") != 0))
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        paths[n] = malloc(len);
        if (!paths[n])
            break;
        snprintf(paths[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    qsort(paths, n, sizeof *paths, compare_str);
    return n;
}

/* The last complete quarter of the data: the quarter before the day after
 * the latest request, so data through 31 March give the first quarter. */
static void data_period(sqlite3 *db, pm_period *period)
{
    sqlite3_stmt *st = NULL;
    pm_day last = (pm_day)(run_time() / 86400);
    if (sqlite3_prepare_v2(db, "SELECT max(ontvangen) FROM hulpvragen", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        last = (pm_day)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    pm_period_last_complete_quarter(last + 1, period);
}

/* The demo's reports: workbook and PDF for both audiences, and the charts
 * as PNG for the extern audience (the ones that may go on the website). */
static int demo_reports(sqlite3 *db, const pm_config *cfg, const char *dir)
{
    pm_period period;
    data_period(db, &period);
    char d[16];
    printf("\nRapportages over %s (peildatum %s):\n", period.label,
           pm_format_date(period.end, d, sizeof d));
    for (int a = 0; a < 2; a++) {
        pm_audience audience = a == 0 ? PM_EXTERN : PM_INTERN;
        const char *name = pm_audience_name(audience);
        char xlsx[4200], pdf[4200], png[4200];
        snprintf(xlsx, sizeof xlsx, "%s/rapportage-%s-%s.xlsx", dir, period.label, name);
        snprintf(pdf, sizeof pdf, "%s/rapportage-%s-%s.pdf", dir, period.label, name);
        snprintf(png, sizeof png, "%s/grafieken-%s", dir, period.label);
        report_outputs out = {xlsx, pdf, audience == PM_EXTERN ? png : NULL};
        char msg[1024];
        pm_error err =
            write_reports(db, cfg, &period, period.end, audience, &out, msg, sizeof msg);
        if (err)
            return fail(err, msg);
    }
    return 0;
}

static int cmd_demo(const cli *c)
{
    if (c->nargs > 1)
        return usage_error("%s", "demo: geef hoogstens één map");
    const char *dir = c->nargs ? c->args[0] : "pijlermonitor-demo";
    const char *fixtures = getenv("PIJLERMONITOR_FIXTURES");
    char fixdir[4096];
    snprintf(fixdir, sizeof fixdir, "%s",
             fixtures && *fixtures ? fixtures : PM_FIXTURES_DIR "/demo");
    char mkmsg[1024];
    pm_error mkerr = pm_mkdir_p(dir, mkmsg, sizeof mkmsg);
    if (mkerr)
        return fail(mkerr, mkmsg);
    char *paths[64];
    size_t npaths = list_fixtures(fixdir, paths, 64);
    if (npaths == 0) {
        fprintf(stderr, "pijlermonitor: geen demogegevens gevonden in %s\n", fixdir);
        return pm_exit_code(PM_ERR_IO);
    }
    /* A fresh database every time: the demo shows the fixtures, nothing else. */
    char dbpath[4200];
    snprintf(dbpath, sizeof dbpath, "%s/pijlermonitor.db", dir);
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        char p[4300];
        snprintf(p, sizeof p, "%s%s", dbpath, suffixes[i]);
        unlink(p);
    }
    sqlite3 *db;
    char msg[1024];
    int code;
    pm_error err = pm_store_open(dbpath, PM_STORE_CREATE, &db, NULL, msg, sizeof msg);
    if (err) {
        code = fail(err, msg);
    } else {
        printf("Demo: gegevens uit %s in een nieuwe database %s\n", fixdir, dbpath);
        code = run_import(db, dbpath, NULL, false, (const char *const *)paths, npaths);
        if (code == 0) {
            pm_config cfg;
            pm_config_defaults(&cfg);
            printf("\n");
            code = run_check(db, &cfg);
            if (code == 0)
                code = demo_reports(db, &cfg, dir);
            pm_config_free(&cfg);
        }
        pm_store_close(db);
    }
    for (size_t i = 0; i < npaths; i++)
        free(paths[i]);
    if (code == 0)
        printf("\nDemo klaar. De database staat in %s; de rapportages staan in %s.\n",
               dbpath, dir);
    return code;
}

/* ---- parsing ---------------------------------------------------------- */

typedef struct command {
    const char *name;
    int (*run)(const cli *c);
} command;

static const command commands[] = {
    {"init", cmd_init},         {"import", cmd_import}, {"check", cmd_check},
    {"sjabloon", cmd_sjabloon}, {"demo", cmd_demo},     {"indicators", cmd_indicators},
    {"report", cmd_report},
};

/* Takes the value of an option given as "--opt VALUE" or "--opt=VALUE". */
static const char *option_value(int argc, char **argv, int *i, const char *name, int *bad)
{
    size_t len = strlen(name);
    const char *a = argv[*i];
    if (a[len] == '=')
        return a + len + 1;
    if (*i + 1 >= argc) {
        *bad = 1;
        return NULL;
    }
    return argv[++*i];
}

static bool is_option(const char *a, const char *name)
{
    size_t len = strlen(name);
    return strncmp(a, name, len) == 0 && (a[len] == '\0' || a[len] == '=');
}

int pm_cli_main(int argc, char **argv)
{
    cli c = {0};
    const char *cmd = NULL;
    bool only_args = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int bad = 0;
        if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
            if (!cmd)
                cmd = a;
            else if (c.nargs < sizeof c.args / sizeof c.args[0])
                c.args[c.nargs++] = a;
            else
                return usage_error("%s", "te veel argumenten");
        } else if (strcmp(a, "--") == 0) {
            only_args = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("pijlermonitor %s\n", PM_VERSION);
            return 0;
        } else if (is_option(a, "--db")) {
            c.db_option = option_value(argc, argv, &i, "--db", &bad);
        } else if (is_option(a, "--kind")) {
            c.kind = option_value(argc, argv, &i, "--kind", &bad);
        } else if (is_option(a, "--period")) {
            c.period = option_value(argc, argv, &i, "--period", &bad);
        } else if (is_option(a, "--peildatum")) {
            c.peildatum = option_value(argc, argv, &i, "--peildatum", &bad);
        } else if (is_option(a, "--config")) {
            c.config = option_value(argc, argv, &i, "--config", &bad);
        } else if (is_option(a, "--format")) {
            c.format = option_value(argc, argv, &i, "--format", &bad);
        } else if (is_option(a, "--xlsx")) {
            c.xlsx = option_value(argc, argv, &i, "--xlsx", &bad);
        } else if (is_option(a, "--pdf")) {
            c.pdf = option_value(argc, argv, &i, "--pdf", &bad);
        } else if (is_option(a, "--png")) {
            c.png = option_value(argc, argv, &i, "--png", &bad);
        } else if (is_option(a, "--audience")) {
            c.audience = option_value(argc, argv, &i, "--audience", &bad);
        } else if (strcmp(a, "--dry-run") == 0) {
            c.dry_run = true;
        } else {
            return usage_error("onbekende optie '%s'", a);
        }
        if (bad)
            return usage_error("optie '%s' verwacht een waarde", a);
    }
    if (!cmd)
        return usage_error("%s", "geef een opdracht");
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
        if (strcmp(cmd, commands[k].name) == 0)
            return commands[k].run(&c);
    return usage_error("onbekende opdracht '%s'", cmd);
}
