/* cli.c — argument parsing and the commands init, import, check, sjabloon
 * and demo. Every message a user reads here is Dutch. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "beheer_compute.h"
#include "bereik_compute.h"
#include "check.h"
#include "checktext.h"
#include "config.h"
#include "dataset.h"
#include "disclosure.h"
#include "format.h"
#include "html.h"
#include "import.h"
#include "json.h"
#include "labels.h"
#include "outfile.h"
#include "outset.h"
#include "pdf.h"
#include "period.h"
#include "pm_config.h"
#include "report.h"
#include "rows.h"
#include "sent.h"
#include "store.h"
#include "text.h"
#include "toelichting.h"
#include "value.h"
#include "withdraw.h"
#include "xlsx.h"
#include "xlsx_template.h"

static const char usage_text[] =
    "Gebruik:\n"
    "  pijlermonitor [--db BESTAND] init\n"
    "  pijlermonitor [--db BESTAND] import [--kind SOORT] [--dry-run] BESTAND...\n"
    "  pijlermonitor [--db BESTAND] intrekken (SOORT ID... | --bestand NAAM)\n"
    "                --reden TEKST [--wissen] [--dry-run]\n"
    "  pijlermonitor [--db BESTAND] check [--config BESTAND]\n"
    "  pijlermonitor [--db BESTAND] indicators [--period P] [--peildatum D]\n"
    "                [--config BESTAND] [--format table|json|csv] [--audience "
    "intern|extern]\n"
    "                [FILTER...] [--vergelijk vorige|vorigjaar]\n"
    "  pijlermonitor [--db BESTAND] indicators --verzonden\n"
    "  pijlermonitor [--db BESTAND] report [--period P] [--peildatum D]\n"
    "                [--audience intern|extern] [--xlsx BESTAND] [--pdf BESTAND]\n"
    "                [--html BESTAND] [--png MAP] [--config BESTAND]\n"
    "                [--definitief [--vervang]]\n"
    "                [FILTER...] [--vergelijk vorige|vorigjaar] [--toelichting BESTAND]\n"
    "  pijlermonitor [--db BESTAND] dashboard [--period P] [--peildatum D]\n"
    "                [--audience intern|extern] [--regio R]... [--type T]...\n"
    "                [--organisatie ID]... [--vergelijk vorige|vorigjaar]\n"
    "                [--titel TEKST] [--config BESTAND]\n"
    "                (--pdf BESTAND | --png BESTAND | --html BESTAND |\n"
    "                 --per regio|type [MAP] [--html MAP])\n"
    "  pijlermonitor sjabloon SOORT [BESTAND]     (SOORT toelichting: een lege\n"
    "                toelichting in Markdown voor report --toelichting;\n"
    "                BESTAND.xlsx: een Excel-werkmap met keuzelijsten)\n"
    "  pijlermonitor demo [MAP]\n"
    "\n"
    "Periode P: een kwartaal (2025-Q3), maand (2025-07), jaar (2025) of reeks\n"
    "(2025-01-01..2025-06-30); zonder --period het laatste volledige kwartaal.\n"
    "De peildatum is standaard de laatste dag van de periode. Publiek standaard extern.\n"
    "FILTER: --regio R en --type gemeente|sob (herhaalbaar), --organisatie ID (alleen\n"
    "intern); R1-R3 tellen dan alleen die organisaties, R4-R6 en B blijven het hele\n"
    "programma. --vergelijk zet er de vorige periode (of dezelfde een jaar eerder) "
    "naast.\n"
    "De database is --db, anders $PIJLERMONITOR_DB, anders pijlermonitor.db.\n"
    "Soorten: organisaties, specialisten, hulpvragen, inzet, evaluaties,\n"
    "         kennisproducten, mijlpalen, begroting, uitgaven.\n"
    "report --definitief legt de rapportage vast als verzonden (een tweede voor\n"
    "           dezelfde periode en hetzelfde publiek vraagt --vervang; beide blijven\n"
    "           bewaard); indicators --verzonden toont de vastgelegde rapportages.\n"
    "intrekken: meer soorten in één opdracht kan (organisaties X hulpvragen H1 H2);\n"
    "           --wissen wist ook de velden (AVG), --bestand NAAM trekt alle rijen\n"
    "           van één geïmporteerd bestand in.\n"
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
    const char *reden;   /* intrekken */
    const char *bestand; /* intrekken */
    bool wissen;         /* intrekken */
    bool definitief;     /* report: record what is sent */
    bool vervang;        /* report --definitief: a second one for the period */
    bool verzonden;      /* indicators: list the recorded reports */
    /* SPEC §9 filters (repeatable) and the dashboard's options. */
    const char *regio[64];
    size_t nregio;
    const char *type[8];
    size_t ntype;
    const char *organisatie[256];
    size_t norganisatie;
    const char *vergelijk;   /* vorige | vorigjaar */
    const char *titel;       /* dashboard */
    const char *per;         /* dashboard: regio | type */
    const char *html;        /* issue 16 */
    const char *toelichting; /* report: the coordinator's Markdown (SPEC §10) */
    const char *args[256];   /* positional arguments after the command */
    size_t nargs;
    time_t now; /* the moment of this run: read once, in pm_cli_main */
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
 * else the clock. Called once, by pm_cli_main; everything below gets the
 * value passed in (cli.now), so one run has one "now" throughout. */
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
        /* A workbook may hold several datasets: name them all. */
        char names[256] = "";
        size_t nn = 0;
        for (int k = 0; k < PM_NKINDS && nn < sizeof names; k++)
            if ((f->kinds & (1u << k)) && pm_dataset_get((pm_kind)k) != f->ds)
                nn += (size_t)snprintf(names + nn, sizeof names - nn, ", %s",
                                       pm_dataset_get((pm_kind)k)->name);
        if (ok)
            printf("%s: %s%s, %ld rij%s (%ld nieuw, %ld vervangen)\n", f->path,
                   f->ds->name, names, f->rows, f->rows == 1 ? "" : "en", f->added,
                   f->replaced);
        else
            printf("%s: %s%s, %ld rij%s gelezen\n", f->path, f->ds->name, names, f->rows,
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
                      bool dry_run, const char *const *paths, size_t npaths,
                      time_t run_now)
{
    char now[32];
    iso_time(run_now, now);
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
    code = run_import(db, path, kind, c->dry_run, c->args, c->nargs, c->now);
    pm_store_close(db);
    return code;
}

/* ---- check ------------------------------------------------------------ */

/* The check's options for a configuration: its tariff cap, else the defaults. */
static pm_check_opts check_opts(const pm_config *cfg)
{
    pm_check_opts opts;
    pm_check_defaults(&opts);
    opts.uurtarief_cap_cent = cfg->uurtarief_max_cent;
    return opts;
}

static int run_check(sqlite3 *db, const pm_config *cfg)
{
    pm_check_opts opts = check_opts(cfg);
    char msg[1024];
    pm_check_report rep;
    pm_error err = pm_check_run(db, &opts, &rep, msg, sizeof msg);
    /* What the check found so far, also on a failure (its problems). */
    pm_error werr = pm_checktext_write(&rep, stdout);
    pm_check_report_free(&rep);
    fflush(stdout);
    if (!err && werr) {
        err = werr;
        snprintf(msg, sizeof msg, "controle: %s", pm_strerror(werr));
    }
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
        pm_period_last_complete_quarter((pm_day)(c->now / 86400), period);
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
    pm_filter filter;                 /* SPEC §9; borrowed from the cli */
    pm_vergelijk vergelijk;           /* PM_VERGELIJK_GEEN without --vergelijk */
    struct national_cache *nationals; /* NULL: each compute makes its own */
    bool without_eerder; /* the dashboard: no revised marks, so no eerder runs */
    bool written;        /* indicators, report: the bereik (SPEC §10) */
    bool own_vorige;     /* report: the samenvatting's own comparison with the
                            previous period (keep_vorige) */
} report_request;

/* The national extern reports a command has computed, by period and
 * peildatum: dashboard --per holds every page to the same national report
 * (and its comparison period's), which was computed again for each page.
 * The same computation in the same snapshot gives the same report. */
typedef struct national_cache {
    size_t n;
    pm_day start[2], end[2], peil[2];
    pm_report rep[2];
} national_cache;

static void national_cache_free(national_cache *nc)
{
    for (size_t i = 0; i < nc->n; i++)
        pm_report_free(&nc->rep[i]);
    nc->n = 0;
}

typedef pm_error (*report_work)(const cli *c, pm_snapshot *snap,
                                const report_request *req, void *ctx, char *msg,
                                size_t msgsize);

/* Parses the shared options, opens the store, runs work (passing ctx on),
 * and turns the outcome into the exit code; everything opened here is
 * closed here. */
static int run_on_store(const cli *c, report_work work, void *ctx)
{
    report_request req = {0};
    int code = report_options(c, &req.period, &req.peil, &req.audience, &req.cfg);
    if (code)
        return code;
    req.filter = (pm_filter){.regios = c->regio,
                             .nregios = c->nregio,
                             .types = c->type,
                             .ntypes = c->ntype,
                             .orgs = c->organisatie,
                             .norgs = c->norganisatie};
    req.vergelijk = PM_VERGELIJK_GEEN;
    req.nationals = NULL;
    if (c->vergelijk && !pm_vergelijk_parse(c->vergelijk, &req.vergelijk)) {
        pm_config_free(&req.cfg);
        return usage_error("onbekende vergelijking '%s'; kies vorige of vorigjaar",
                           c->vergelijk);
    }
    const char *path = pm_store_path(c->db_option);
    sqlite3 *db;
    char msg[1024];
    pm_error err = pm_store_open(path, PM_STORE_EXISTING, &db, NULL, msg, sizeof msg);
    if (!err) {
        /* One read transaction for the whole command: the figures, the row
         * details, the fingerprint and the warnings are of the same data. */
        pm_snapshot snap;
        err = pm_snapshot_begin(&snap, db, msg, sizeof msg);
        if (!err)
            err = work(c, &snap, &req, ctx, msg, sizeof msg);
        pm_snapshot_end(&snap);
        pm_store_close(db);
    }
    pm_config_free(&req.cfg);
    return err ? fail(err, msg) : 0;
}

/* How far the data reach, on stderr (SPEC §5): the report is still made,
 * but nobody should read a gap in the registrations as a fall. */
static void warn_reach(const pm_report *rep)
{
    char warn[PM_REACH_WARNINGS_MAX][PM_REACH_WARNING_SIZE];
    size_t n =
        pm_label_reach_warnings(rep->has_tot, rep->gegevens_tot, rep->scope.peildatum,
                                rep->scope.period.start, warn, PM_REACH_WARNINGS_MAX);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "pijlermonitor: waarschuwing: %s\n", warn[i]);
}

/* The figures of one period under filter f, the quarters as sent (eerder),
 * and for extern the disclosure control of the unfiltered report. */
static pm_error compute_plain(pm_snapshot *snap, const report_request *req,
                              const pm_filter *f, const pm_period *period, pm_day peil,
                              bool reference, pm_report *rep, char *msg, size_t msgsize)
{
    /* A reference report (the comparison side, the national one) shows no
     * trend, so its eerder runs are skipped (pm_report_compute_reference);
     * nor does an extern filtered one of R1-R3 (pm_disclosure_filter). */
    pm_error err;
    if (reference)
        err = pm_report_compute_reference(rep, snap, &req->cfg, period, peil, f, msg,
                                          msgsize);
    else if (req->audience == PM_EXTERN && pm_filter_active(f))
        err = pm_report_compute_extern_filtered(rep, snap, &req->cfg, period, peil, f,
                                                msg, msgsize);
    else
        err = pm_report_compute_filtered(rep, snap, &req->cfg, period, peil, f, msg,
                                         msgsize);
    if (!err)
        err =
            pm_report_use_sent(rep, snap, pm_audience_name(req->audience), msg, msgsize);
    if (!err && req->audience == PM_EXTERN)
        err = pm_disclosure_apply(rep, req->cfg.min_cell);
    return err;
}

/* The national extern report of a period: what every filtered extern
 * report of it is held to (pm_disclosure_filter). Computed once and passed
 * to compute_filtered for each filter of the same period (--per). */
static pm_error compute_national(pm_snapshot *snap, const report_request *req,
                                 const pm_period *period, pm_day peil,
                                 pm_report *national, char *msg, size_t msgsize)
{
    static const pm_filter none = {0};
    return compute_plain(snap, req, &none, period, peil, true, national, msg, msgsize);
}

/* The figures of one period under the request's filter as the audience may
 * see them. In extern a filtered figure shows no more than `national` (the
 * same period's national extern report, compute_national) shows (SPEC §9);
 * national is not read without a filter or in intern. A regio AND type
 * filter is also checked against the whole regio × type table: the same
 * period filtered on each type alone. The national report must be computed
 * first: each compute leaves its context in the snapshot for the row
 * details, which must be this one's. */
static pm_error compute_filtered(pm_snapshot *snap, const report_request *req,
                                 const pm_period *period, pm_day peil, bool reference,
                                 const pm_report *national, pm_report *rep, char *msg,
                                 size_t msgsize)
{
    const pm_filter *f = &req->filter;
    bool controlled = req->audience == PM_EXTERN && pm_filter_active(f);
    bool cross = controlled && f->nregios && f->ntypes && !f->norgs;
    /* The types a filter selects; opdrachtgevers are each regio's rest. */
    static const char *const column_types[] = {"gemeente", "sob"};
    enum { NCOLUMNS = sizeof column_types / sizeof column_types[0] };
    pm_report columns[NCOLUMNS];
    memset(columns, 0, sizeof columns);
    size_t ncolumns = 0;
    pm_error err = PM_OK;
    for (size_t k = 0; cross && !err && k < NCOLUMNS; k++) {
        pm_filter one = {.types = &column_types[k], .ntypes = 1};
        err = pm_report_compute_reference(&columns[ncolumns++], snap, &req->cfg, period,
                                          peil, &one, msg, msgsize);
    }
    if (!err)
        err = compute_plain(snap, req, f, period, peil, reference, rep, msg, msgsize);
    if (!err && controlled)
        err = pm_disclosure_filter_cross(rep, national, columns, ncolumns,
                                         req->cfg.min_cell);
    for (size_t k = 0; k < ncolumns; k++)
        pm_report_free(&columns[k]);
    return err;
}

/* The figures of one period as the audience may see them: computed under
 * the request's filter, the quarters as sent (eerder), the extern
 * disclosure control, and in extern with a filter held to the national
 * report of the same period (computed here first). */
static pm_error compute_figures_as(pm_snapshot *snap, const report_request *req,
                                   const pm_period *period, pm_day peil, bool reference,
                                   pm_report *rep, char *msg, size_t msgsize)
{
    memset(rep, 0, sizeof *rep);
    if (req->audience != PM_EXTERN || !pm_filter_active(&req->filter))
        return compute_plain(snap, req, &req->filter, period, peil, reference, rep, msg,
                             msgsize);
    /* Figures of one organisation are exactly what extern never shows. */
    if (req->filter.norgs) {
        snprintf(msg, msgsize,
                 "--organisatie kan niet bij --audience extern: een extern "
                 "rapport toont geen cijfers per organisatie; gebruik "
                 "--regio of --type");
        return PM_ERR_USAGE;
    }
    pm_report own = {0};
    const pm_report *national = &own;
    national_cache *nc = req->nationals;
    size_t hit = nc ? nc->n : 0;
    for (size_t i = 0; nc && i < nc->n; i++)
        if (nc->start[i] == period->start && nc->end[i] == period->end &&
            nc->peil[i] == peil)
            hit = i;
    pm_error err = PM_OK;
    if (nc && hit < nc->n) {
        national = &nc->rep[hit];
    } else if (nc && nc->n < sizeof nc->rep / sizeof nc->rep[0]) {
        err = compute_national(snap, req, period, peil, &nc->rep[nc->n], msg, msgsize);
        if (err) {
            pm_report_free(&nc->rep[nc->n]);
        } else {
            nc->start[nc->n] = period->start;
            nc->end[nc->n] = period->end;
            nc->peil[nc->n] = peil;
            national = &nc->rep[nc->n++];
        }
    } else {
        err = compute_national(snap, req, period, peil, &own, msg, msgsize);
    }
    if (!err)
        err = compute_filtered(snap, req, period, peil, reference, national, rep, msg,
                               msgsize);
    pm_report_free(&own);
    return err;
}

/* The samenvatting's comparison with the previous period (SPEC §10), for a
 * report not asked for --vergelijk vorige: attached like --vergelijk would
 * (extern marks included), copied to rep->vorige, and the results'
 * vergelijking and the scope put back as they were, so the comparison
 * tiles show only what the user asked for. */
static pm_error keep_vorige(pm_report *rep, const pm_report *prev, pm_audience audience)
{
    size_t n = rep->nresults;
    pm_comparison *asked = calloc(n ? n : 1, sizeof *asked);
    pm_comparison *vorige = calloc(n ? n : 1, sizeof *vorige);
    if (!asked || !vorige) {
        free(asked);
        free(vorige);
        return PM_ERR_NOMEM;
    }
    pm_vergelijk v = rep->scope.vergelijk;
    pm_period vp = rep->scope.vergelijk_period;
    for (size_t i = 0; i < n; i++) {
        asked[i] = rep->results[i].vergelijking;
        memset(&rep->results[i].vergelijking, 0, sizeof asked[i]);
    }
    pm_error err = pm_report_attach_comparison(rep, prev, PM_VERGELIJK_VORIGE);
    if (!err && audience == PM_EXTERN)
        pm_disclosure_comparisons(rep);
    for (size_t i = 0; i < n; i++) {
        vorige[i] = rep->results[i].vergelijking;
        rep->results[i].vergelijking = asked[i];
    }
    rep->scope.vergelijk = v;
    rep->scope.vergelijk_period = vp;
    free(asked);
    free(rep->vorige);
    rep->vorige = vorige;
    return err;
}

/* Everything indicators, report and dashboard show: the figures of the
 * request's period, and with --vergelijk those of the comparison period
 * as known on the same peildatum, treated alike (SPEC §9). */
static pm_error compute_request(pm_snapshot *snap, const report_request *req,
                                pm_report *rep, char *msg, size_t msgsize)
{
    memset(rep, 0, sizeof *rep);
    pm_report cmp = {0}, prev = {0};
    pm_period cmp_period, prev_period;
    pm_error err = PM_OK;
    /* The previous period is simply absent where there is none. */
    bool own_vorige =
        req->own_vorige && req->vergelijk != PM_VERGELIJK_VORIGE &&
        pm_period_comparison(&req->period, PM_VERGELIJK_VORIGE, &prev_period);
    if (own_vorige)
        err = compute_figures_as(snap, req, &prev_period, req->peil, true, &prev, msg,
                                 msgsize);
    if (!err && req->vergelijk != PM_VERGELIJK_GEEN) {
        if (!pm_period_comparison(&req->period, req->vergelijk, &cmp_period)) {
            snprintf(msg, msgsize, "voor periode %s bestaat geen vergelijkingsperiode",
                     req->period.label);
            pm_report_free(&prev);
            return PM_ERR_USAGE;
        }
        /* First: each compute leaves its context in the snapshot for the
         * row details, which must be the main report's. */
        err = compute_figures_as(snap, req, &cmp_period, req->peil, true, &cmp, msg,
                                 msgsize);
    }
    if (!err)
        err = compute_figures_as(snap, req, &req->period, req->peil, req->without_eerder,
                                 rep, msg, msgsize);
    if (!err && req->vergelijk != PM_VERGELIJK_GEEN)
        err = pm_report_attach_comparison(rep, &cmp, req->vergelijk);
    /* Both sides carry their marks from compute_figures; what compares them
     * goes when either is hidden. */
    if (!err && req->vergelijk != PM_VERGELIJK_GEEN && req->audience == PM_EXTERN)
        pm_disclosure_comparisons(rep);
    pm_report_free(&cmp);
    if (!err && own_vorige && keep_vorige(rep, &prev, req->audience)) {
        err = PM_ERR_NOMEM;
        snprintf(msg, msgsize, "%s", pm_strerror(err));
    }
    pm_report_free(&prev);
    /* The reach is read in the main report's context (the last compute). */
    if (!err && req->written)
        err = pm_bereik_compute(rep, snap, msg, msgsize);
    if (!err && req->written && req->audience == PM_EXTERN)
        pm_bereik_disclose(rep->bereik, req->cfg.min_cell);
    /* An empty set is a valid question with an empty answer, but most
     * likely a mistake: said once, the figures are still made. */
    if (!err && rep->scope.filter_empty) {
        char words[512];
        fprintf(stderr,
                "pijlermonitor: waarschuwing: geen enkele organisatie valt binnen het "
                "filter (%s); R1, R2 en R3 tellen daarom niets\n",
                pm_label_filter(&rep->scope.filter, words, sizeof words));
    }
    return err;
}

/* The written report's data that the figures do not hold (SPEC §10): the
 * budget per post for every report, and for intern the management section
 * (team, open requests, milestones); extern never computes it. Attached to
 * rep, which frees them. */
static pm_error attach_written(pm_snapshot *snap, pm_audience audience, pm_report *rep,
                               char *msg, size_t msgsize)
{
    rep->posten = calloc(1, sizeof *rep->posten);
    if (!rep->posten) {
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    pm_error err = pm_posts_compute(rep->posten, snap, rep, msg, msgsize);
    if (err || audience != PM_INTERN)
        return err;
    rep->beheer = calloc(1, sizeof *rep->beheer);
    if (!rep->beheer) {
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    return pm_beheer_compute(rep->beheer, snap, rep, msg, msgsize);
}

static pm_error report_warnings(sqlite3 *db, const pm_config *cfg, pm_warnings *out,
                                char *msg, size_t msgsize);

static pm_error write_indicators(const cli *c, pm_snapshot *snap,
                                 const report_request *req, void *ctx, char *msg,
                                 size_t msgsize)
{
    (void)ctx;
    const char *format = c->format ? c->format : "table";
    pm_report rep;
    report_request written = *req;
    written.written = true;
    pm_error err = compute_request(snap, &written, &rep, msg, msgsize);
    if (!err)
        warn_reach(&rep);
    if (!err && strcmp(format, "json") == 0)
        err = attach_written(snap, req->audience, &rep, msg, msgsize);
    /* The samenvatting counts check's warnings, as in the PDF and workbook. */
    pm_warnings warnings = {0};
    if (!err && strcmp(format, "json") == 0)
        err = report_warnings(snap->db, &req->cfg, &warnings, msg, msgsize);
    if (!err && strcmp(format, "json") == 0) {
        rep.warnings = &warnings;
        err = pm_json_write(&rep, req->audience, stdout, msg, msgsize);
    } else if (!err && strcmp(format, "csv") == 0)
        err = pm_text_csv(&rep, req->audience, stdout);
    else if (!err)
        err = pm_text_table(&rep, req->audience, stdout);
    if (!err && fflush(stdout) != 0)
        err = PM_ERR_IO;
    pm_warnings_free(&warnings);
    pm_report_free(&rep);
    return err;
}

/* indicators --verzonden: the recorded definitive reports as a Dutch
 * table, oldest first. */
static int list_sent(const cli *c)
{
    if (c->period || c->peildatum || c->format || c->audience || c->nargs)
        return usage_error("%s", "--verzonden gaat niet samen met andere opties");
    const char *path = pm_store_path(c->db_option);
    sqlite3 *db;
    char msg[1024];
    pm_error err = pm_store_open(path, PM_STORE_EXISTING, &db, NULL, msg, sizeof msg);
    if (err)
        return fail(err, msg);
    pm_sent *list = NULL;
    size_t n = 0;
    err = pm_sent_list(db, &list, &n, msg, sizeof msg);
    pm_store_close(db);
    if (err)
        return fail(err, msg);
    if (n == 0)
        printf("Er is nog geen definitieve rapportage vastgelegd.\n");
    else
        printf("%-4s %-26s %-10s %-8s %-20s %-20s %s\n", "Nr", "Periode", "Peildatum",
               "Publiek", "Vingerafdruk", "Vastgelegd (UTC)", "Vervangt");
    for (size_t i = 0; i < n; i++) {
        char pname[64], peil[16], repl[24] = "";
        if (list[i].vervangt)
            snprintf(repl, sizeof repl, "nr %lld", list[i].vervangt);
        printf("%-4lld %-26s %-10s %-8s %-20s %-20s %s\n", list[i].nr,
               pm_format_period(list[i].van, list[i].tot, pname, sizeof pname),
               pm_format_date(list[i].peildatum, peil, sizeof peil), list[i].publiek,
               list[i].vingerafdruk, list[i].tijd, repl);
    }
    pm_sent_list_free(list, n);
    return fflush(stdout) == 0 ? 0 : pm_exit_code(PM_ERR_IO);
}

static int cmd_indicators(const cli *c)
{
    if (c->verzonden)
        return list_sent(c);
    const char *format = c->format ? c->format : "table";
    if (strcmp(format, "table") != 0 && strcmp(format, "json") != 0 &&
        strcmp(format, "csv") != 0)
        return usage_error("onbekend formaat '%s'; kies table, json of csv", format);
    if (c->nargs)
        return usage_error("onverwacht argument '%s'", c->args[0]);
    return run_on_store(c, write_indicators, NULL);
}

/* ---- report ----------------------------------------------------------- */

/* The warnings of `check` for the workbook's Toelichting, as data, from
 * the report's snapshot (its read transaction is still open). */
static pm_error report_warnings(sqlite3 *db, const pm_config *cfg, pm_warnings *out,
                                char *msg, size_t msgsize)
{
    pm_check_opts opts = check_opts(cfg);
    return pm_check_warnings(db, &opts, out, msg, msgsize);
}

/* The outputs of one report in the run's output set; NO_OUTPUT when not
 * wanted. */
#define NO_OUTPUT SIZE_MAX
typedef struct report_outputs {
    pm_outset *set;
    size_t xlsx, pdf, png;             /* file, file and folder ids in set */
    time_t created;                    /* the documents' time: the run's cli.now */
    bool sent;                         /* --definitief: keep the figures' JSON */
    char *sent_json;                   /* that JSON (cJSON_free), set by write_reports */
    char sent_fingerprint[20];         /* and the fingerprint it rests on */
    const pm_toelichting *toelichting; /* --toelichting, or NULL */
    size_t html;                       /* --html: file id in set (issue 16) */
} report_outputs;

/* pm_pdf_input.png_file: each chart's PNG is a file of the chart folder. */
static pm_error png_file(void *ctx, const char *name, const char **path,
                         const char **shown, char *msg, size_t msgsize)
{
    const report_outputs *out = ctx;
    return pm_outset_dir_file(out->set, out->png, name, path, shown, msg, msgsize);
}

/* Computes the report for one period and audience and writes the wanted
 * files into the temporaries of the output set (committing is the
 * caller's). Returns PM_OK or the first error (msg). */
static pm_error write_reports(pm_snapshot *snap, const report_request *req,
                              report_outputs *out, bool say_warnings, char *msg,
                              size_t msgsize)
{
    sqlite3 *db = snap->db;
    const pm_config *cfg = &req->cfg;
    pm_audience audience = req->audience;
    pm_report rep = {0};
    char fingerprint[20] = "";
    report_request written = *req;
    written.written = true;
    written.own_vorige = true;
    pm_error err = compute_request(snap, &written, &rep, msg, msgsize);
    if (!err)
        err = attach_written(snap, audience, &rep, msg, msgsize);
    if (!err && say_warnings)
        warn_reach(&rep);
    if (!err)
        err = pm_store_fingerprint(db, fingerprint, msg, msgsize);
    pm_warnings warnings = {0};
    bool xlsx = out->xlsx != NO_OUTPUT, pdf = out->pdf != NO_OUTPUT,
         png = out->png != NO_OUTPUT, html = out->html != NO_OUTPUT;
    /* The workbook lists the warnings of check (in its Toelichting); the
     * samenvatting of workbook, PDF and JSON counts them. */
    if (!err && (xlsx || pdf || html || out->sent))
        err = report_warnings(db, cfg, &warnings, msg, msgsize);
    if (!err && (xlsx || pdf || html || out->sent))
        rep.warnings = &warnings;
    /* A definitive report keeps exactly the figures of this snapshot: the
     * JSON of indicators --format json for this audience. */
    if (!err && out->sent) {
        snprintf(out->sent_fingerprint, sizeof out->sent_fingerprint, "%s", fingerprint);
        /* Without the samenvatting's own comparison: the same JSON as
         * indicators gives (which computes none). */
        pm_comparison *vorige = rep.vorige;
        rep.vorige = NULL;
        cJSON *doc = pm_json_report(&rep, audience);
        rep.vorige = vorige;
        out->sent_json = doc ? cJSON_Print(doc) : NULL;
        cJSON_Delete(doc);
        if (!out->sent_json) {
            err = PM_ERR_NOMEM;
            snprintf(msg, msgsize, "%s", pm_strerror(err));
        }
    }
    time_t created = out->created;
    const char *max_rows = getenv("PIJLERMONITOR_MAX_SHEET_ROWS"); /* tests only */
    if (!err && xlsx) {
        /* The row details come from the report's snapshot, through an
         * iterator: the exporter never sees the store. */
        pm_rows_reader reader;
        pm_row_source rows = pm_rows_source(&reader, &snap->ctx);
        pm_xlsx_input in = {.rep = &rep,
                            .audience = audience,
                            .created = created,
                            .fingerprint = fingerprint,
                            .warnings = &warnings,
                            .rows = &rows,
                            .toelichting = out->toelichting,
                            .max_rows_per_sheet = max_rows ? atol(max_rows) : 0};
        err = pm_xlsx_write(&in, pm_outset_tmp(out->set, out->xlsx),
                            pm_outset_path(out->set, out->xlsx), msg, msgsize);
    }
    if (!err && (pdf || png)) {
        pm_pdf_input in = {.rep = &rep,
                           .audience = audience,
                           .created = created,
                           .fingerprint = fingerprint,
                           .png_file = png ? png_file : NULL,
                           .png_ctx = out,
                           .toelichting = out->toelichting};
        err = pm_pdf_write(&in, pdf ? pm_outset_tmp(out->set, out->pdf) : NULL,
                           pdf ? pm_outset_path(out->set, out->pdf) : NULL, msg, msgsize);
    }
    if (!err && html) {
        pm_pdf_input in = {.rep = &rep,
                           .audience = audience,
                           .created = created,
                           .fingerprint = fingerprint,
                           .toelichting = out->toelichting};
        err = pm_html_write(&in, false, pm_outset_tmp(out->set, out->html),
                            pm_outset_path(out->set, out->html), msg, msgsize);
    }
    pm_warnings_free(&warnings);
    pm_report_free(&rep);
    return err;
}

/* Where the report's files are, once they are in place. */
static void print_outputs(const report_outputs *out, pm_audience audience,
                          const char *xlsx, const char *pdf, const char *png)
{
    const char *a = pm_audience_name(audience);
    if (out->xlsx != NO_OUTPUT)
        printf("Werkmap (%s): %s\n", a, xlsx);
    if (out->pdf != NO_OUTPUT)
        printf("PDF (%s): %s\n", a, pdf);
    if (out->png != NO_OUTPUT)
        printf("Grafieken als PNG (%s): %s\n", a, png);
}

/* The web page's line (issue 16), after print_outputs' lines. */
static void print_html(const report_outputs *out, pm_audience audience, const char *html)
{
    if (out->html != NO_OUTPUT)
        printf("Webpagina (%s): %s\n", pm_audience_name(audience), html);
}

/* The files of the store: the database and the companions SQLite keeps
 * beside it. No output may be any of them. */
static pm_error protect_store(pm_outset *set, const char *dbpath, char *msg,
                              size_t msgsize)
{
    pm_error err = pm_outset_protect(set, "de database", dbpath, msg, msgsize);
    static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
    for (size_t i = 0; !err && i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t len = strlen(dbpath) + strlen(suffixes[i]) + 1;
        char *p = malloc(len);
        if (!p) {
            snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
            return PM_ERR_NOMEM;
        }
        snprintf(p, len, "%s%s", dbpath, suffixes[i]);
        err = pm_outset_protect(set, "een bestand van de database", p, msg, msgsize);
        free(p);
    }
    return err;
}

/* Adds output path (when given) as a file of set. */
static pm_error add_output(pm_outset *set, const char *option, const char *path,
                           size_t *id, char *msg, size_t msgsize)
{
    *id = NO_OUTPUT;
    return path ? pm_outset_add_file(set, option, path, 0, id, msg, msgsize) : PM_OK;
}

/* The files earlier imports read (as recorded, relative to the folder the
 * import ran in): a user's source spreadsheet is never a report's target.
 * Read after the set was prepared, since only the open store knows them. */
static pm_error protect_imports(sqlite3 *db, pm_outset *set, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT pad FROM import_bestanden", -1, &st,
                           NULL) != SQLITE_OK)
        return PM_OK; /* no record of imports: nothing more to protect */
    pm_error err = PM_OK;
    while (!err && sqlite3_step(st) == SQLITE_ROW) {
        const char *pad = (const char *)sqlite3_column_text(st, 0);
        if (pad && *pad)
            err = pm_outset_protect(set, "het ingelezen bestand", pad, msg, msgsize);
    }
    sqlite3_finalize(st);
    return err;
}

static pm_error write_report_files(const cli *c, pm_snapshot *snap,
                                   const report_request *req, void *ctx, char *msg,
                                   size_t msgsize)
{
    report_outputs *out = ctx;
    pm_error err = protect_imports(snap->db, out->set, msg, msgsize);
    out->sent = c->definitief;
    if (!err)
        err = write_reports(snap, req, out, true, msg, msgsize);
    /* Recorded after the files are made but before they are put in place:
     * a refused second report (without --vervang) leaves no files, and no
     * file goes out that the store does not know as sent. */
    pm_sent rec = {0};
    if (!err && c->definitief) {
        char when[32];
        iso_time(c->now, when);
        rec = (pm_sent){.periode = req->period.label,
                        .van = req->period.start,
                        .tot = req->period.end,
                        .peildatum = req->peil,
                        .publiek = pm_audience_name(req->audience),
                        .vingerafdruk = out->sent_fingerprint,
                        .cijfers = out->sent_json,
                        .tijd = when};
        err = pm_sent_record(snap->db, &rec, c->vervang, msg, msgsize);
        if (!err)
            err = pm_snapshot_commit(snap, msg, msgsize);
    }
    cJSON_free(out->sent_json);
    out->sent_json = NULL;
    if (!err)
        err = pm_outset_commit(out->set, msg, msgsize);
    if (!err)
        print_outputs(out, req->audience, c->xlsx, c->pdf, c->png);
    if (!err)
        print_html(out, req->audience, c->html);
    if (!err && c->definitief) {
        char pname[64];
        printf("Vastgelegd als definitief verzonden: %s, publiek %s (nr %lld",
               pm_format_period(req->period.start, req->period.end, pname, sizeof pname),
               rec.publiek, rec.nr);
        if (rec.vervangt)
            printf(", vervangt nr %lld", rec.vervangt);
        printf(").\n");
    }
    return err;
}

/* The report's output set: the database and the configuration protected,
 * the wanted outputs checked against them and each other, and prepared. */
static pm_error report_set(const cli *c, report_outputs *out, char *msg, size_t msgsize)
{
    out->set = pm_outset_new();
    out->xlsx = out->pdf = out->png = out->html = NO_OUTPUT;
    out->created = c->now;
    out->sent = false;
    out->sent_json = NULL;
    if (!out->set) {
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    pm_error err = protect_store(out->set, pm_store_path(c->db_option), msg, msgsize);
    if (!err && c->config)
        err = pm_outset_protect(out->set, "het configuratiebestand", c->config, msg,
                                msgsize);
    if (!err && c->toelichting)
        err = pm_outset_protect(out->set, "de toelichting", c->toelichting, msg, msgsize);
    if (!err)
        err = add_output(out->set, "--xlsx", c->xlsx, &out->xlsx, msg, msgsize);
    if (!err)
        err = add_output(out->set, "--pdf", c->pdf, &out->pdf, msg, msgsize);
    if (!err)
        err = add_output(out->set, "--html", c->html, &out->html, msg, msgsize);
    if (!err && c->png)
        err = pm_outset_add_dir(out->set, "--png", c->png, &out->png, msg, msgsize);
    if (!err)
        err = pm_outset_prepare(out->set, msg, msgsize);
    return err;
}

static int cmd_report(const cli *c)
{
    if (c->nargs)
        return usage_error("onverwacht argument '%s'", c->args[0]);
    if (!c->xlsx && !c->pdf && !c->png && !c->html)
        return usage_error("%s", "report: geef --xlsx, --pdf, --html en/of --png");
    report_outputs out;
    char msg[1024];
    /* The toelichting is read before anything is made: a bad one stops the
     * report with its line, and no file is touched. */
    pm_toelichting *tl = NULL;
    if (c->toelichting) {
        pm_error terr = pm_toelichting_read(c->toelichting, &tl, msg, sizeof msg);
        if (terr)
            return fail(terr, msg);
    }
    pm_error err = report_set(c, &out, msg, sizeof msg);
    out.toelichting = tl;
    int code = err ? fail(err, msg) : run_on_store(c, write_report_files, &out);
    /* After a commit this only frees; otherwise it removes every temporary
     * and every folder the run made: all outputs or none. */
    pm_outset_free(out.set);
    pm_toelichting_free(tl);
    return code;
}

/* ---- dashboard -------------------------------------------------------- */

/* One dashboard: the figures of req (compute_request: filter, comparison,
 * the audience's disclosure) drawn into the temporaries of the run's
 * output set, as PDF and/or PNG. */
typedef struct dashboard_target {
    const char *pdf_tmp, *pdf_shown;   /* NULL: no PDF */
    const char *html_tmp, *html_shown; /* NULL: no web page (issue 16) */
    const char *png_tmp, *png_shown;   /* NULL: no PNG */
} dashboard_target;

static pm_error write_dashboard(pm_snapshot *snap, const report_request *req,
                                const char *titel, time_t created,
                                const char *fingerprint, const dashboard_target *to,
                                bool say_warnings, char *msg, size_t msgsize)
{
    pm_report rep;
    /* The page marks no revised quarters: the trend's eerder runs go. */
    report_request page = *req;
    page.without_eerder = true;
    /* Nor does it show a personal breakdown (R2's organisations). */
    snap->no_personal = true;
    pm_error err = compute_request(snap, &page, &rep, msg, msgsize);
    if (!err && say_warnings)
        warn_reach(&rep);
    if (!err) {
        pm_pdf_input in = {.rep = &rep,
                           .audience = req->audience,
                           .created = created,
                           .fingerprint = fingerprint,
                           .titel = titel};
        if (to->pdf_tmp || to->png_tmp)
            err = pm_pdf_write_dashboard(&in, to->pdf_tmp, to->pdf_shown, to->png_tmp,
                                         to->png_shown, msg, msgsize);
        if (!err && to->html_tmp)
            err = pm_html_write(&in, true, to->html_tmp, to->html_shown, msg, msgsize);
    }
    pm_report_free(&rep);
    return err;
}

/* The values --per regio|type makes a dashboard for: the six regios of
 * dataset.h, or the two organisation types. */
static const char *const dashboard_types[] = {"gemeente", "sob", NULL};
static const char *const *per_values(const char *per)
{
    return strcmp(per, "regio") == 0 ? pm_regios : dashboard_types;
}

/* The filter of one --per value: that regio or that type alone. */
static void per_filter(const char *per, const char *const *value, pm_filter *f)
{
    if (strcmp(per, "regio") == 0)
        *f = (pm_filter){.regios = value, .nregios = 1};
    else
        *f = (pm_filter){.types = value, .ntypes = 1};
}

/* "dashboard-2025-Q4-noord-west.pdf", "dashboard-intern-2025-Q4-sob.pdf":
 * the period's label (a range's ".." as "-tot-") and the value in lower
 * case; without a value "dashboard-2025-Q4.pdf". NULL when out of memory;
 * free it. */
static char *dashboard_name(const pm_period *p, pm_audience a, const char *value)
{
    size_t len = strlen(p->label) + (value ? strlen(value) : 0) + 48;
    char *name = malloc(len);
    if (!name)
        return NULL;
    snprintf(name, len, "dashboard-%s", a == PM_INTERN ? "intern-" : "");
    size_t at = strlen(name);
    for (const char *s = p->label; *s && at + 6 < len; s++) {
        if (s[0] == '.' && s[1] == '.') {
            memcpy(name + at, "-tot-", 5);
            at += 5;
            s++;
        } else
            name[at++] = *s;
    }
    if (value)
        name[at++] = '-';
    for (const char *s = value ? value : ""; *s && at + 5 < len; s++)
        name[at++] = *s == ' ' ? '-' : (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
    snprintf(name + at, len - at, ".pdf");
    return name;
}

/* name with its ".pdf" as ".html": the web page beside the PDF. NULL when
 * out of memory; free it. */
static char *html_name(const char *pdf_name)
{
    size_t len = strlen(pdf_name);
    char *name = malloc(len + 2);
    if (name) {
        snprintf(name, len + 2, "%.*s.html", (int)(len - 4), pdf_name);
    }
    return name;
}

/* --per: one dashboard per value, each under the filter of that one value,
 * all from the one snapshot: the PDFs into folder dir of the set, the web
 * pages and their index.html into folder hdir (either NO_OUTPUT). */
static pm_error write_dashboards_per(pm_snapshot *snap, const report_request *req,
                                     const char *per, pm_outset *set, size_t dir,
                                     size_t hdir, time_t created, const char *fingerprint,
                                     size_t *written, char *msg, size_t msgsize)
{
    const char *const *values = per_values(per);
    pm_error err = PM_OK;
    *written = 0;
    national_cache nationals = {0};
    size_t nvalues = 0;
    while (values[nvalues])
        nvalues++;
    char **hrefs = calloc(nvalues + 1, sizeof *hrefs);
    char **labels = calloc(nvalues + 1, sizeof *labels);
    if (!hrefs || !labels)
        err = PM_ERR_NOMEM;
    for (size_t i = 0; !err && values[i]; i++) {
        report_request one = *req;
        one.nationals = &nationals;
        per_filter(per, &values[i], &one.filter);
        char *name = dashboard_name(&req->period, req->audience, values[i]);
        dashboard_target to = {0};
        if (name && hdir != NO_OUTPUT) {
            char words[256];
            hrefs[i] = html_name(name);
            labels[i] = strdup(pm_label_filter(&one.filter, words, sizeof words));
        }
        if (!name || (hdir != NO_OUTPUT && (!hrefs[i] || !labels[i]))) {
            free(name);
            err = PM_ERR_NOMEM;
            break;
        }
        if (dir != NO_OUTPUT)
            err = pm_outset_dir_file(set, dir, name, &to.pdf_tmp, &to.pdf_shown, msg,
                                     msgsize);
        if (!err && hdir != NO_OUTPUT)
            err = pm_outset_dir_file(set, hdir, hrefs[i], &to.html_tmp, &to.html_shown,
                                     msg, msgsize);
        /* The reach warnings are the data's, not a regio's: said once. */
        if (!err)
            err = write_dashboard(snap, &one, NULL, created, fingerprint, &to, i == 0,
                                  msg, msgsize);
        free(name);
        if (!err)
            (*written)++;
    }
    if (!err && hdir != NO_OUTPUT) {
        const char *tmp, *shown;
        char title[160], meta[160], pn[64];
        pm_format_period(req->period.start, req->period.end, pn, sizeof pn);
        snprintf(title, sizeof title, "Dashboards per %s · %s",
                 strcmp(per, "regio") == 0 ? "regio" : "type organisatie", pn);
        snprintf(meta, sizeof meta, "Periode %s · publiek %s · %zu pagina's", pn,
                 pm_audience_name(req->audience), *written);
        err = pm_outset_dir_file(set, hdir, "index.html", &tmp, &shown, msg, msgsize);
        if (!err)
            err =
                pm_html_write_index(tmp, shown, title, meta, (const char *const *)hrefs,
                                    (const char *const *)labels, *written, msg, msgsize);
    }
    if (err == PM_ERR_NOMEM)
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
    for (size_t i = 0; hrefs && labels && i < nvalues; i++) {
        free(hrefs[i]);
        free(labels[i]);
    }
    free(hrefs);
    free(labels);
    national_cache_free(&nationals);
    return err;
}

typedef struct dashboard_outputs {
    pm_outset *set;
    size_t pdf, png, dir; /* ids in set, NO_OUTPUT when not wanted */
    size_t html;          /* --html (issue 16) */
    size_t hdir;          /* --per with --html: the web pages' folder */
} dashboard_outputs;

static pm_error write_dashboard_files(const cli *c, pm_snapshot *snap,
                                      const report_request *req, void *ctx, char *msg,
                                      size_t msgsize)
{
    dashboard_outputs *out = ctx;
    char fingerprint[20] = "";
    pm_error err = protect_imports(snap->db, out->set, msg, msgsize);
    if (!err)
        err = pm_store_fingerprint(snap->db, fingerprint, msg, msgsize);
    size_t written = 0;
    if (!err && c->per) {
        err = write_dashboards_per(snap, req, c->per, out->set, out->dir, out->hdir,
                                   c->now, fingerprint, &written, msg, msgsize);
    } else if (!err) {
        dashboard_target to = {0};
        if (out->pdf != NO_OUTPUT) {
            to.pdf_tmp = pm_outset_tmp(out->set, out->pdf);
            to.pdf_shown = pm_outset_path(out->set, out->pdf);
        }
        if (out->png != NO_OUTPUT) {
            to.png_tmp = pm_outset_tmp(out->set, out->png);
            to.png_shown = pm_outset_path(out->set, out->png);
        }
        if (out->html != NO_OUTPUT) {
            to.html_tmp = pm_outset_tmp(out->set, out->html);
            to.html_shown = pm_outset_path(out->set, out->html);
        }
        err = write_dashboard(snap, req, c->titel, c->now, fingerprint, &to, true, msg,
                              msgsize);
    }
    if (!err)
        err = pm_outset_commit(out->set, msg, msgsize);
    if (err)
        return err;
    const char *a = pm_audience_name(req->audience);
    if (c->per && c->nargs)
        printf("Dashboards per %s (%s): %zu in %s\n", c->per, a, written, c->args[0]);
    if (c->per && c->html)
        printf("Dashboards per %s als webpagina's (%s): %zu en index.html in %s\n",
               c->per, a, written, c->html);
    else if (c->html)
        printf("Dashboard als webpagina (%s): %s\n", a, c->html);
    if (c->pdf)
        printf("Dashboard als PDF (%s): %s\n", a, c->pdf);
    if (c->png)
        printf("Dashboard als PNG (%s): %s\n", a, c->png);
    return PM_OK;
}

static int cmd_dashboard(const cli *c)
{
    if (c->per) {
        if (strcmp(c->per, "regio") != 0 && strcmp(c->per, "type") != 0)
            return usage_error("onbekende indeling '%s' voor --per; kies regio of type",
                               c->per);
        /* --html names the web pages' folder; the PDFs' folder may then go. */
        if (c->nargs != 1 && !(c->nargs == 0 && c->html))
            return usage_error("%s", "dashboard --per regio|type: geef één map (--per "
                                     "regio MAP), of --html MAP voor webpagina's");
        if (c->pdf || c->png)
            return usage_error("%s", "--per schrijft de dashboards in zijn map; geef "
                                     "daarbij geen --pdf of --png");
        if (c->nregio || c->ntype || c->norganisatie)
            return usage_error("%s", "--per maakt zelf een dashboard per regio of type; "
                                     "geef daarbij geen --regio, --type of "
                                     "--organisatie");
        if (c->titel)
            return usage_error("%s", "met --per krijgt elk dashboard de titel van zijn "
                                     "regio of type; geef daarbij geen --titel");
    } else {
        if (c->nargs)
            return usage_error("onverwacht argument '%s'", c->args[0]);
        if (!c->pdf && !c->png && !c->html)
            return usage_error("%s", "dashboard: geef --pdf, --png, --html of --per "
                                     "regio|type MAP");
    }
    dashboard_outputs out = {pm_outset_new(), NO_OUTPUT, NO_OUTPUT,
                             NO_OUTPUT,       NO_OUTPUT, NO_OUTPUT};
    char msg[1024];
    pm_error err = out.set ? PM_OK : PM_ERR_NOMEM;
    if (err)
        snprintf(msg, sizeof msg, "%s", pm_strerror(err));
    if (!err)
        err = protect_store(out.set, pm_store_path(c->db_option), msg, sizeof msg);
    if (!err && c->config)
        err = pm_outset_protect(out.set, "het configuratiebestand", c->config, msg,
                                sizeof msg);
    if (!err)
        err = add_output(out.set, "--pdf", c->pdf, &out.pdf, msg, sizeof msg);
    if (!err)
        err = add_output(out.set, "--png", c->png, &out.png, msg, sizeof msg);
    if (!err && !c->per)
        err = add_output(out.set, "--html", c->html, &out.html, msg, sizeof msg);
    if (!err && c->per && c->nargs)
        err = pm_outset_add_dir(out.set, "--per", c->args[0], &out.dir, msg, sizeof msg);
    /* One folder for both when they are the same: one manifest. */
    if (!err && c->per && c->html) {
        if (c->nargs && strcmp(c->html, c->args[0]) == 0)
            out.hdir = out.dir;
        else
            err =
                pm_outset_add_dir(out.set, "--html", c->html, &out.hdir, msg, sizeof msg);
    }
    if (!err)
        err = pm_outset_prepare(out.set, msg, sizeof msg);
    int code = err ? fail(err, msg) : run_on_store(c, write_dashboard_files, &out);
    /* Without a commit: every temporary and made folder goes, all or none. */
    pm_outset_free(out.set);
    return code;
}

/* ---- intrekken -------------------------------------------------------- */

static void print_withdrawal(const pm_withdraw_opts *o, const pm_withdraw_result *res)
{
    long total = 0;
    for (size_t k = 0; k < PM_NKINDS; k++) {
        long n = res->count[k];
        total += n;
        if (!n)
            continue;
        char more[48] = "";
        if (n > PM_WITHDRAW_LISTED)
            snprintf(more, sizeof more, " en %ld andere", n - PM_WITHDRAW_LISTED);
        printf("%ld rij%s %s uit %s: %s%s\n", n, n == 1 ? "" : "en",
               o->dry_run
                   ? (n == 1 ? "zou worden ingetrokken" : "zouden worden ingetrokken")
                   : "ingetrokken",
               pm_dataset_get((pm_kind)k)->name, res->ids[k] ? res->ids[k] : "", more);
    }
    if (res->file)
        printf("Bestand: %s\n", res->file);
    if (res->erased_history)
        printf("%ld eerdere intrekking%s van dezelfde rijen %s gewist.\n",
               res->erased_history, res->erased_history == 1 ? "" : "en",
               res->erased_history == 1 ? "is" : "zijn");
    printf("Reden: %s\n", o->reden);
    if (total == 0 && !res->erased_history && o->wissen && !o->dry_run)
        printf("Er was niets meer te wissen; het databasebestand is opgeschoond.\n");
    else if (o->dry_run)
        printf("Proef: er is niets gewijzigd (--dry-run).\n");
    else if (o->wissen)
        printf("De velden van %s zijn voorgoed gewist (AVG); bewaard zijn alleen "
               "soort, id, reden en tijd.\n",
               total == 1 ? "de rij" : "de rijen");
    else
        printf("De ingetrokken rijen tellen niet meer mee en blijven met reden en tijd "
               "bewaard ('pijlermonitor check' toont ze); opnieuw importeren zet ze "
               "terug.\n");
}

/* The arguments "SOORT ID... [SOORT ID...]" as groups: a dataset name starts
 * a group, every other argument is an id of the current group. groups has
 * room for c->nargs entries. Returns 0 or the usage error's exit code. */
static int withdraw_groups(const cli *c, pm_withdraw_group *groups, size_t *ngroups)
{
    *ngroups = 0;
    for (size_t i = 0; i < c->nargs; i++) {
        const pm_dataset *ds = pm_dataset_by_name(c->args[i]);
        if (ds) {
            if (*ngroups && groups[*ngroups - 1].nids == 0)
                break;
            groups[(*ngroups)++] = (pm_withdraw_group){ds, c->args + i + 1, 0};
        } else if (*ngroups == 0) {
            return usage_error("intrekken: onbekende soort '%s'", c->args[i]);
        } else {
            groups[*ngroups - 1].nids++;
        }
    }
    if (*ngroups && groups[*ngroups - 1].nids == 0)
        return usage_error("intrekken: geef na een soort minstens één id (bij '%s')",
                           groups[*ngroups - 1].ds->name);
    for (size_t g = 0; g + 1 < *ngroups; g++)
        if (groups[g].nids == 0)
            return usage_error("intrekken: geef na een soort minstens één id (bij '%s')",
                               groups[g].ds->name);
    return 0;
}

static int cmd_intrekken(const cli *c)
{
    if (!c->reden || c->reden[strspn(c->reden, " \t\r\n")] == '\0')
        return usage_error("%s", "intrekken: geef de reden met --reden TEKST");
    /* The reason is kept and shown by check one line per row, and may reach
     * the reports later: one line of valid text. */
    bool control = false;
    for (const unsigned char *p = (const unsigned char *)c->reden; *p; p++)
        control = control || *p < 0x20 || *p == 0x7f;
    if (control || !pm_utf8_valid(c->reden, strlen(c->reden)))
        return usage_error("%s", "intrekken: --reden moet één regel geldige tekst zijn "
                                 "(zonder regeleinden of stuurtekens)");
    if (c->bestand && c->nargs)
        return usage_error("%s", "intrekken: geef óf een soort met ids, óf --bestand");
    if (!c->bestand && !c->nargs)
        return usage_error("%s", "intrekken: geef een soort met ids, of --bestand NAAM");
    if (c->bestand && !*c->bestand)
        return usage_error("%s", "intrekken: --bestand verwacht een bestandsnaam");
    pm_withdraw_group groups[sizeof c->args / sizeof c->args[0]];
    size_t ngroups = 0;
    int code = withdraw_groups(c, groups, &ngroups);
    if (code)
        return code;
    const char *path = pm_store_path(c->db_option);
    sqlite3 *db;
    char msg[1024] = "";
    pm_error err = pm_store_open(path, PM_STORE_EXISTING, &db, NULL, msg, sizeof msg);
    if (err)
        return fail(err, msg);
    char now[32];
    iso_time(c->now, now);
    pm_withdraw_opts o = {.groups = groups,
                          .ngroups = ngroups,
                          .bestand = c->bestand,
                          .reden = c->reden,
                          .now = now,
                          .wissen = c->wissen,
                          .dry_run = c->dry_run};
    pm_withdraw_result res;
    pm_diag diag;
    pm_diag_init(&diag, 100);
    err = pm_withdraw_run(db, &o, &res, &diag, msg, sizeof msg);
    pm_diag_print(&diag);
    if (!err || res.committed)
        print_withdrawal(&o, &res);
    if (err == PM_ERR_DATA)
        fprintf(stderr, "Intrekken afgebroken: %zu fout%s; er is niets gewijzigd.\n",
                diag.nerrors, diag.nerrors == 1 ? "" : "en");
    else if (err && res.committed)
        fprintf(stderr, "pijlermonitor: database '%s': %s\n", path,
                *msg ? msg : pm_strerror(err));
    else if (err)
        fprintf(stderr, "pijlermonitor: database '%s': %s; er is niets gewijzigd.\n",
                path, *msg ? msg : pm_strerror(err));
    pm_diag_free(&diag);
    pm_withdraw_result_free(&res);
    pm_store_close(db);
    return pm_exit_code(err);
}

/* ---- sjabloon --------------------------------------------------------- */

/* Writes text to path as a new file, never replacing one (the output set
 * links the finished file to its name: a file that appears meanwhile is
 * never replaced, "bestaat al"). */
static pm_error write_new_file(const char *path, const char *text, char *msg,
                               size_t msgsize)
{
    size_t id;
    pm_outset *set = pm_outset_new();
    pm_error err = set ? pm_outset_add_file(set, "sjabloon", path, PM_OUTSET_NOREPLACE,
                                            &id, msg, msgsize)
                       : PM_ERR_NOMEM;
    if (!err)
        err = pm_outset_prepare(set, msg, msgsize);
    if (!err)
        err = pm_outset_fill(set, id, text, strlen(text), msg, msgsize);
    if (!err)
        err = pm_outset_commit(set, msg, msgsize);
    pm_outset_free(set);
    if (err == PM_ERR_NOMEM)
        snprintf(msg, msgsize, "%s", pm_strerror(err));
    return err;
}

/* sjabloon toelichting [FILE]: every section with a one-line hint that
 * report --toelichting leaves out, so the template reports as it is. */
static int sjabloon_toelichting(const cli *c)
{
    char *text = pm_tl_template();
    if (!text)
        return fail(PM_ERR_NOMEM, NULL);
    int code = 0;
    if (c->nargs == 1) {
        fputs(text, stdout);
    } else {
        char msg[1024];
        pm_error err = write_new_file(c->args[1], text, msg, sizeof msg);
        if (err)
            code = fail(err, msg);
        else
            printf("Sjabloon voor de toelichting geschreven naar %s.\n", c->args[1]);
    }
    free(text);
    return code;
}

static bool has_xlsx_extension(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

/* A dataset template at path through the never-replacing output set: the
 * workbook of exporters/xlsx_template.c for FILE.xlsx, else the CSV header.
 * No check-then-write: the set links the finished file to its name, so a
 * file that appears meanwhile is never replaced ("bestaat al"). */
static int sjabloon_write(const pm_dataset *ds, const char *path, const char *header)
{
    char msg[1024] = "";
    size_t id;
    pm_outset *set = pm_outset_new();
    pm_error err = set ? pm_outset_add_file(set, "sjabloon", path, PM_OUTSET_NOREPLACE,
                                            &id, msg, sizeof msg)
                       : PM_ERR_NOMEM;
    if (!err)
        err = pm_outset_prepare(set, msg, sizeof msg);
    if (!err && has_xlsx_extension(path))
        err = pm_xlsx_template_write(ds, pm_outset_tmp(set, id), path, msg, sizeof msg);
    else if (!err)
        err = pm_outset_fill(set, id, header, strlen(header), msg, sizeof msg);
    if (!err)
        err = pm_outset_commit(set, msg, sizeof msg);
    pm_outset_free(set);
    if (err)
        return fail(err, err == PM_ERR_NOMEM && !*msg ? NULL : msg);
    printf("Sjabloon voor %s geschreven naar %s.\n", ds->name, path);
    return 0;
}

static int cmd_sjabloon(const cli *c)
{
    if (c->nargs < 1 || c->nargs > 2)
        return usage_error("%s",
                           "sjabloon: geef een soort en eventueel een bestandsnaam");
    if (strcmp(c->args[0], "toelichting") == 0)
        return sjabloon_toelichting(c);
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
    return sjabloon_write(ds, c->args[1], header);
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
static void data_period(sqlite3 *db, time_t now, pm_period *period)
{
    sqlite3_stmt *st = NULL;
    pm_day last = (pm_day)(now / 86400);
    if (sqlite3_prepare_v2(db, "SELECT max(ontvangen) FROM hulpvragen", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        last = (pm_day)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    pm_period_last_complete_quarter(last + 1, period);
}

/* ---- the demo folder ---------------------------------------------------
 * demo DIR only ever writes into a folder that is new, empty, or made by an
 * earlier demo: its manifest DEMO_MANIFEST lists every name demo wrote
 * there. A folder holding anything else is refused, untouched: the default
 * database name is no proof that a pijlermonitor.db there is the demo's. */

#define DEMO_MANIFEST ".pijlermonitor-demo"
#define DEMO_DB "pijlermonitor.db"

typedef struct name_list {
    char **names;
    size_t n;
} name_list;

static void names_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
    l->names = NULL;
    l->n = 0;
}

static bool names_has(const name_list *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->names[i], name) == 0)
            return true;
    return false;
}

static bool names_add(name_list *l, const char *name)
{
    if (names_has(l, name))
        return true;
    char **grown = realloc(l->names, (l->n + 1) * sizeof *grown);
    char *dup = grown ? strdup(name) : NULL;
    if (grown)
        l->names = grown;
    if (!dup)
        return false;
    l->names[l->n++] = dup;
    return true;
}

static char *path_in(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s/%s", dir, name);
    return p;
}

/* Reads the demo manifest of dir into *l (no manifest: an empty list and
 * false). */
static bool demo_manifest_read(const char *dir, name_list *l)
{
    char *path = path_in(dir, DEMO_MANIFEST);
    FILE *fp = path ? fopen(path, "r") : NULL;
    free(path);
    if (!fp)
        return false;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (line[0] && line[0] != '#' && !strchr(line, '/') && strcmp(line, ".") != 0 &&
            strcmp(line, "..") != 0)
            names_add(l, line);
    }
    free(line);
    fclose(fp);
    return true;
}

/* A temporary of an output set (".pm-" and six letters or digits, as
 * mkstemp makes them) that a killed run left behind. */
static bool leftover_temporary(const char *name)
{
    if (strncmp(name, ".pm-", 4) != 0 || strlen(name) != 10)
        return false;
    for (const char *p = name + 4; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9')))
            return false;
    return true;
}

/* Whether name in the demo folder is the demo's: listed, the manifest
 * itself, a companion file SQLite keeps beside the listed database, or a
 * temporary left by a demo that was interrupted (Ctrl-C, SIGKILL): without
 * that, one interrupted demo would make its own folder unusable. Such a
 * temporary is accepted, not removed. */
static bool demo_owns(const name_list *l, const char *name)
{
    if (strcmp(name, DEMO_MANIFEST) == 0 || names_has(l, name) ||
        leftover_temporary(name))
        return true;
    static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(DEMO_DB);
        if (strncmp(name, DEMO_DB, n) == 0 && strcmp(name + n, suffixes[i]) == 0)
            return names_has(l, DEMO_DB);
    }
    return false;
}

/* 0 when demo may write into dir (reading its manifest into *owned), or
 * the exit code after saying why not and how to go on. */
static int demo_claim(const char *dir, name_list *owned)
{
    struct stat sb;
    if (stat(dir, &sb) != 0)
        return 0; /* a new folder */
    if (!S_ISDIR(sb.st_mode)) {
        fprintf(stderr,
                "pijlermonitor: %s is geen map; geef een nieuwe map voor de demo\n", dir);
        return pm_exit_code(PM_ERR_USAGE);
    }
    demo_manifest_read(dir, owned);
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "pijlermonitor: map %s kan niet worden gelezen: %s\n", dir,
                pm_errno_text(errno));
        return pm_exit_code(PM_ERR_IO);
    }
    char *foreign = NULL;
    struct dirent *e;
    while (!foreign && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
            !demo_owns(owned, e->d_name))
            foreign = strdup(e->d_name);
    }
    closedir(d);
    if (!foreign)
        return 0;
    const char *other = strcmp(dir, "pijlermonitor-demo") == 0 ? "pijlermonitor-demo-2"
                                                               : "pijlermonitor-demo";
    fprintf(stderr,
            "pijlermonitor: de map %s bevat bestanden die demo niet heeft gemaakt "
            "(zoals %s); demo schrijft alleen in een lege of nieuwe map of in de map "
            "van een eerdere demo. Er is niets gewijzigd; kies een lege of nieuwe map, "
            "bijvoorbeeld: pijlermonitor demo %s\n",
            dir, foreign, other);
    free(foreign);
    return pm_exit_code(PM_ERR_USAGE);
}

/* The manifest text listing every name in l. malloc'ed. */
static char *demo_manifest_text(const name_list *l)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return NULL;
    fputs("# pijlermonitor demo: de bestanden die demo in deze map maakte.\n"
          "# Een volgende demo in deze map vervangt ze.\n",
          mem);
    for (size_t i = 0; i < l->n; i++)
        fprintf(mem, "%s\n", l->names[i]);
    if (fclose(mem) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* Adds the demo manifest listing l to set; its text is written at once. */
static pm_error demo_manifest_add(pm_outset *set, const char *dir, const name_list *l,
                                  size_t *id, char *msg, size_t msgsize)
{
    char *path = path_in(dir, DEMO_MANIFEST);
    char *text = demo_manifest_text(l);
    pm_error err = path && text ? PM_OK : PM_ERR_NOMEM;
    if (err)
        snprintf(msg, msgsize, "%s", pm_strerror(err));
    if (!err)
        err = pm_outset_add_file(set, "demo", path, 0, id, msg, msgsize);
    free(path);
    free(text);
    return err;
}

static pm_error demo_manifest_fill(pm_outset *set, const name_list *l, size_t id,
                                   char *msg, size_t msgsize)
{
    char *text = demo_manifest_text(l);
    if (!text) {
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    pm_error err = pm_outset_fill(set, id, text, strlen(text), msg, msgsize);
    free(text);
    return err;
}

/* Writes the manifest listing l on its own, before the files it names. */
static pm_error demo_manifest_write(const char *dir, const name_list *l, char *msg,
                                    size_t msgsize)
{
    pm_outset *set = pm_outset_new();
    size_t id;
    pm_error err = set ? demo_manifest_add(set, dir, l, &id, msg, msgsize) : PM_ERR_NOMEM;
    if (!err)
        err = pm_outset_prepare(set, msg, msgsize);
    if (!err)
        err = demo_manifest_fill(set, l, id, msg, msgsize);
    if (!err)
        err = pm_outset_commit(set, msg, msgsize);
    if (!set)
        snprintf(msg, msgsize, "%s", pm_strerror(err));
    pm_outset_free(set);
    return err;
}

/* A first run should read as a success: the demo runs the checks but prints
 * one line with their count; the list itself is for `check`, the workbook
 * and the report. Integrity failures still stop the demo. */
static int demo_check_summary(sqlite3 *db, const pm_config *cfg)
{
    pm_check_opts opts = check_opts(cfg);
    char msg[1024];
    pm_check_report rep;
    pm_error err = pm_check_run(db, &opts, &rep, msg, sizeof msg);
    long warnings = rep.warnings.total;
    if (err)
        pm_checktext_write(&rep, stdout); /* the problems that stop the demo */
    pm_check_report_free(&rep);
    if (err)
        return fail(err, msg);
    if (warnings == 1)
        printf("1 waarschuwing over de gegevens; zie `pijlermonitor check`\n");
    else if (warnings > 1)
        printf("%ld waarschuwingen over de gegevens; zie `pijlermonitor check`\n",
               warnings);
    else
        printf("Geen waarschuwingen over de gegevens.\n");
    return 0;
}

/* The demo's reports: workbook and PDF for both audiences, and the charts
 * as PNG for the extern audience (the ones that may go on the website), in
 * one output set: all of them or none. */
static int demo_reports(sqlite3 *db, const pm_config *cfg, const char *dir,
                        const char *dbpath, char *const *inputs, size_t ninputs,
                        name_list *owned, time_t now, const pm_toelichting *tl)
{
    /* The demo's one read transaction, after its imports: both audiences
     * report on the same data. */
    char msg[1024];
    pm_snapshot snap;
    if (pm_snapshot_begin(&snap, db, msg, sizeof msg) != PM_OK) {
        pm_snapshot_end(&snap);
        return fail(PM_ERR_DB, msg);
    }
    pm_period period;
    data_period(db, now, &period);
    char d[16], pname[64];
    printf("\nRapportages over %s (peildatum %s):\n",
           pm_format_period(period.start, period.end, pname, sizeof pname),
           pm_format_date(period.end, d, sizeof d));
    pm_outset *set = pm_outset_new();
    pm_error err = set ? protect_store(set, dbpath, msg, sizeof msg) : PM_ERR_NOMEM;
    for (size_t i = 0; !err && i < ninputs; i++)
        err = pm_outset_protect(set, "het invoerbestand", inputs[i], msg, sizeof msg);
    char names[2][3][256];
    report_outputs out[2];
    for (int a = 0; a < 2; a++) {
        pm_audience audience = a == 0 ? PM_EXTERN : PM_INTERN;
        const char *aname = pm_audience_name(audience);
        snprintf(names[a][0], 256, "rapportage-%s-%s.xlsx", period.label, aname);
        snprintf(names[a][1], 256, "rapportage-%s-%s.pdf", period.label, aname);
        snprintf(names[a][2], 256, "grafieken-%s", period.label);
        out[a] = (report_outputs){set,   NO_OUTPUT, NO_OUTPUT, NO_OUTPUT, now,
                                  false, NULL,      "",        tl,        NO_OUTPUT};
        for (int k = 0; k < 3 && !err; k++) {
            if (k == 2 && audience != PM_EXTERN)
                continue;
            if (!names_add(owned, names[a][k]))
                err = PM_ERR_NOMEM;
        }
    }
    /* The extern report as a web page, for the programme's site (issue 16). */
    char html_name[256];
    char *html_path = NULL;
    snprintf(html_name, sizeof html_name, "rapportage-%s-extern.html", period.label);
    if (!err && !names_add(owned, html_name))
        err = PM_ERR_NOMEM;
    /* The dashboards (extern): the national one compared with the quarter
     * before, and one per regio. */
    char *dash_names[1 + PM_NREGIOS] = {NULL};
    char *dash_paths[1 + PM_NREGIOS] = {NULL};
    size_t dash_ids[1 + PM_NREGIOS];
    for (size_t i = 0; i <= PM_NREGIOS && !err; i++) {
        dash_names[i] = dashboard_name(&period, PM_EXTERN, i ? pm_regios[i - 1] : NULL);
        if (!dash_names[i] || !names_add(owned, dash_names[i])) {
            err = PM_ERR_NOMEM;
            snprintf(msg, sizeof msg, "%s", pm_strerror(err));
        }
    }
    size_t manifest = 0;
    if (!err)
        err = demo_manifest_add(set, dir, owned, &manifest, msg, sizeof msg);
    for (size_t i = 0; i <= PM_NREGIOS && !err; i++) {
        dash_paths[i] = path_in(dir, dash_names[i]);
        err = dash_paths[i] ? pm_outset_add_file(set, "het dashboard", dash_paths[i], 0,
                                                 &dash_ids[i], msg, sizeof msg)
                            : PM_ERR_NOMEM;
        if (!dash_paths[i])
            snprintf(msg, sizeof msg, "%s", pm_strerror(err));
    }
    char *paths[2][3] = {{NULL}};
    for (int a = 0; a < 2 && !err; a++) {
        for (int k = 0; k < 3 && !err; k++) {
            if (k == 2 && a != 0)
                continue;
            paths[a][k] = path_in(dir, names[a][k]);
            if (!paths[a][k]) {
                err = PM_ERR_NOMEM;
                break;
            }
            if (k == 0)
                err = pm_outset_add_file(set, "de werkmap", paths[a][k], 0, &out[a].xlsx,
                                         msg, sizeof msg);
            else if (k == 1)
                err = pm_outset_add_file(set, "de PDF", paths[a][k], 0, &out[a].pdf, msg,
                                         sizeof msg);
            else
                err = pm_outset_add_dir(set, "de grafiekenmap", paths[a][k], &out[a].png,
                                        msg, sizeof msg);
        }
    }
    if (!err) {
        html_path = path_in(dir, html_name);
        err = html_path ? pm_outset_add_file(set, "de webpagina", html_path, 0,
                                             &out[0].html, msg, sizeof msg)
                        : PM_ERR_NOMEM;
    }
    if (!err)
        err = pm_outset_prepare(set, msg, sizeof msg);
    if (!err)
        err = demo_manifest_fill(set, owned, manifest, msg, sizeof msg);
    for (int a = 0; a < 2 && !err; a++) {
        report_request req = {.period = period,
                              .peil = period.end,
                              .audience = a == 0 ? PM_EXTERN : PM_INTERN,
                              .cfg = *cfg,
                              .vergelijk = PM_VERGELIJK_GEEN};
        err = write_reports(&snap, &req, &out[a], a == 0, msg, sizeof msg);
    }
    char fingerprint[20] = "";
    if (!err)
        err = pm_store_fingerprint(db, fingerprint, msg, sizeof msg);
    for (size_t i = 0; i <= PM_NREGIOS && !err; i++) {
        report_request req = {.period = period,
                              .peil = period.end,
                              .audience = PM_EXTERN,
                              .cfg = *cfg,
                              .vergelijk = i ? PM_VERGELIJK_GEEN : PM_VERGELIJK_VORIGE};
        if (i)
            per_filter("regio", &pm_regios[i - 1], &req.filter);
        dashboard_target to = {.pdf_tmp = pm_outset_tmp(set, dash_ids[i]),
                               .pdf_shown = dash_paths[i]};
        err = write_dashboard(&snap, &req, NULL, now, fingerprint, &to, false, msg,
                              sizeof msg);
    }
    pm_snapshot_end(&snap);
    if (!err)
        err = pm_outset_commit(set, msg, sizeof msg);
    for (int a = 0; a < 2 && !err; a++)
        print_outputs(&out[a], a == 0 ? PM_EXTERN : PM_INTERN, paths[a][0], paths[a][1],
                      paths[a][2]);
    if (!err)
        print_html(&out[0], PM_EXTERN, html_path);
    if (!err) {
        printf("Dashboard (extern, vergeleken met de periode ervoor): %s\n",
               dash_paths[0]);
        printf("Dashboards per regio (extern): %d in %s\n", PM_NREGIOS, dir);
    }
    pm_outset_free(set);
    free(html_path);
    for (int a = 0; a < 2; a++)
        for (int k = 0; k < 3; k++)
            free(paths[a][k]);
    for (size_t i = 0; i <= PM_NREGIOS; i++) {
        free(dash_names[i]);
        free(dash_paths[i]);
    }
    if (err == PM_ERR_NOMEM && !set)
        snprintf(msg, sizeof msg, "%s", pm_strerror(err));
    return err ? fail(err, msg) : 0;
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
    char *paths[64];
    size_t npaths = list_fixtures(fixdir, paths, 64);
    if (npaths == 0) {
        fprintf(stderr, "pijlermonitor: geen demogegevens gevonden in %s\n", fixdir);
        return pm_exit_code(PM_ERR_IO);
    }
    /* The demo's toelichting (fixtures/demo/toelichting.md), when the
     * fixtures have one: the demo shows the whole written report. */
    pm_toelichting *tl = NULL;
    char tlpath[4200];
    snprintf(tlpath, sizeof tlpath, "%s/toelichting.md", fixdir);
    if (access(tlpath, F_OK) == 0) {
        char tmsg[1024];
        pm_error terr = pm_toelichting_read(tlpath, &tl, tmsg, sizeof tmsg);
        if (terr) {
            for (size_t i = 0; i < npaths; i++)
                free(paths[i]);
            return fail(terr, tmsg);
        }
    }
    name_list owned = {0};
    int code = demo_claim(dir, &owned);
    if (code) {
        for (size_t i = 0; i < npaths; i++)
            free(paths[i]);
        names_free(&owned);
        pm_toelichting_free(tl);
        return code;
    }
    char msg[1024];
    pm_error err = pm_mkdir_p(dir, msg, sizeof msg);
    /* The manifest names the database before it exists, so a demo that
     * stops halfway leaves a folder the next demo still recognises. */
    if (!err && !names_add(&owned, DEMO_DB))
        err = PM_ERR_NOMEM;
    if (!err)
        err = demo_manifest_write(dir, &owned, msg, sizeof msg);
    char *dbpath = err ? NULL : path_in(dir, DEMO_DB);
    if (!err && !dbpath) {
        err = PM_ERR_NOMEM;
        snprintf(msg, sizeof msg, "%s", pm_strerror(err));
    }
    if (err) {
        for (size_t i = 0; i < npaths; i++)
            free(paths[i]);
        names_free(&owned);
        pm_toelichting_free(tl);
        return fail(err, msg);
    }
    /* A fresh database every time: the demo shows the fixtures, nothing
     * else. demo_claim made sure any database here is the demo's own. */
    const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        char *p = malloc(strlen(dbpath) + 10);
        if (p) {
            sprintf(p, "%s%s", dbpath, suffixes[i]);
            unlink(p);
            free(p);
        }
    }
    sqlite3 *db;
    err = pm_store_open(dbpath, PM_STORE_CREATE, &db, NULL, msg, sizeof msg);
    if (err) {
        code = fail(err, msg);
    } else {
        printf("Demo: gegevens uit %s in een nieuwe database %s\n", fixdir, dbpath);
        code = run_import(db, dbpath, NULL, false, (const char *const *)paths, npaths,
                          c->now);
        if (code == 0) {
            pm_config cfg;
            pm_config_defaults(&cfg);
            printf("\n");
            code = demo_check_summary(db, &cfg);
            if (code == 0)
                code = demo_reports(db, &cfg, dir, dbpath, paths, npaths, &owned, c->now,
                                    tl);
            pm_config_free(&cfg);
        }
        pm_store_close(db);
    }
    for (size_t i = 0; i < npaths; i++)
        free(paths[i]);
    if (code == 0)
        printf("\nDemo klaar. De database staat in %s; de rapportages staan in %s.\n",
               dbpath, dir);
    free(dbpath);
    names_free(&owned);
    pm_toelichting_free(tl);
    return code;
}

/* ---- parsing ---------------------------------------------------------- */

typedef struct command {
    const char *name;
    int (*run)(const cli *c);
} command;

static const command commands[] = {
    {"init", cmd_init},           {"import", cmd_import},
    {"check", cmd_check},         {"sjabloon", cmd_sjabloon},
    {"demo", cmd_demo},           {"indicators", cmd_indicators},
    {"report", cmd_report},       {"intrekken", cmd_intrekken},
    {"dashboard", cmd_dashboard},
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

/* The options that take one value; given twice is a usage error (SPEC §8),
 * never "the last one wins". */
static const struct single_option {
    const char *name;
    size_t offset; /* of its const char * in cli */
} single_options[] = {
    {"--db", offsetof(cli, db_option)},
    {"--kind", offsetof(cli, kind)},
    {"--period", offsetof(cli, period)},
    {"--peildatum", offsetof(cli, peildatum)},
    {"--config", offsetof(cli, config)},
    {"--format", offsetof(cli, format)},
    {"--xlsx", offsetof(cli, xlsx)},
    {"--pdf", offsetof(cli, pdf)},
    {"--png", offsetof(cli, png)},
    {"--audience", offsetof(cli, audience)},
    {"--reden", offsetof(cli, reden)},
    {"--bestand", offsetof(cli, bestand)},
    {"--vergelijk", offsetof(cli, vergelijk)},
    {"--titel", offsetof(cli, titel)},
    {"--per", offsetof(cli, per)},
    {"--html", offsetof(cli, html)},
    {"--toelichting", offsetof(cli, toelichting)},
};

/* The options that may repeat (SPEC §8: a repeated filter unites). */
static const struct list_option {
    const char *name;
    size_t offset; /* of its const char *[] in cli */
    size_t count;  /* of its size_t count in cli */
    size_t max;
} list_options[] = {
    {"--regio", offsetof(cli, regio), offsetof(cli, nregio), 64},
    {"--type", offsetof(cli, type), offsetof(cli, ntype), 8},
    {"--organisatie", offsetof(cli, organisatie), offsetof(cli, norganisatie), 256},
};

int pm_cli_main(int argc, char **argv)
{
    /* A file-size limit (ulimit -f) would otherwise kill us silently in the
     * middle of a write; ignored, the write fails with EFBIG and the normal
     * error path reports it and removes the temporary file. */
    signal(SIGXFSZ, SIG_IGN);
    cli c = {0};
    c.now = run_time();
    const char *cmd = NULL;
    bool only_args = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int bad = 0;
        const struct single_option *opt = NULL;
        for (size_t k = 0; k < sizeof single_options / sizeof single_options[0]; k++)
            if (!only_args && is_option(a, single_options[k].name))
                opt = &single_options[k];
        const struct list_option *lopt = NULL;
        for (size_t k = 0; !opt && k < sizeof list_options / sizeof list_options[0]; k++)
            if (!only_args && is_option(a, list_options[k].name))
                lopt = &list_options[k];
        if (lopt) {
            const char **list = (const char **)((char *)&c + lopt->offset);
            size_t *count = (size_t *)((char *)&c + lopt->count);
            const char *v = option_value(argc, argv, &i, lopt->name, &bad);
            if (v && *count >= lopt->max)
                return usage_error("optie '%s' is te vaak gegeven", lopt->name);
            if (v)
                list[(*count)++] = v;
        } else if (opt) {
            const char **slot = (const char **)((char *)&c + opt->offset);
            if (*slot)
                return usage_error("optie '%s' is twee keer gegeven; geef haar één keer",
                                   opt->name);
            *slot = option_value(argc, argv, &i, opt->name, &bad);
        } else if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
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
        } else if (strcmp(a, "--wissen") == 0) {
            c.wissen = true;
        } else if (strcmp(a, "--definitief") == 0) {
            c.definitief = true;
        } else if (strcmp(a, "--vervang") == 0) {
            c.vervang = true;
        } else if (strcmp(a, "--verzonden") == 0) {
            c.verzonden = true;
        } else if (strcmp(a, "--dry-run") == 0) {
            c.dry_run = true; /* a flag said twice means the same */
        } else {
            return usage_error("onbekende optie '%s'", a);
        }
        if (bad)
            return usage_error("optie '%s' verwacht een waarde", a);
    }
    if (!cmd)
        return usage_error("%s", "geef een opdracht");
    if ((c.definitief || c.vervang) && strcmp(cmd, "report") != 0)
        return usage_error("%s", "--definitief en --vervang horen bij report");
    if (c.vervang && !c.definitief)
        return usage_error("%s", "--vervang kan alleen samen met --definitief");
    /* What is recorded as sent is the programme's report: the eerder of every
     * later report reads it, so a filtered one would pass as the national
     * figures (SPEC §5, §9). */
    if (c.definitief && (c.nregio || c.ntype || c.norganisatie))
        return usage_error("%s",
                           "een definitieve rapportage gaat over het hele programma; "
                           "laat --regio, --type en --organisatie weg");
    if (c.verzonden && strcmp(cmd, "indicators") != 0)
        return usage_error("%s", "--verzonden hoort bij indicators");
    bool figures = strcmp(cmd, "indicators") == 0 || strcmp(cmd, "report") == 0 ||
                   strcmp(cmd, "dashboard") == 0;
    if (!figures && (c.nregio || c.ntype || c.norganisatie || c.vergelijk))
        return usage_error("%s",
                           "--regio, --type, --organisatie en --vergelijk horen bij "
                           "indicators, report en dashboard");
    if ((c.titel || c.per) && strcmp(cmd, "dashboard") != 0)
        return usage_error("%s", "--titel en --per horen bij dashboard");
    if (c.html && strcmp(cmd, "report") != 0 && strcmp(cmd, "dashboard") != 0)
        return usage_error("%s", "--html hoort bij report en dashboard");
    /* The dashboard is one page: it takes no toelichting (SPEC §10). */
    if (c.toelichting && strcmp(cmd, "report") != 0)
        return usage_error("%s", "--toelichting hoort bij report (een dashboard is één "
                                 "pagina en neemt geen toelichting)");
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
        if (strcmp(cmd, commands[k].name) == 0)
            return commands[k].run(&c);
    return usage_error("onbekende opdracht '%s'", cmd);
}
