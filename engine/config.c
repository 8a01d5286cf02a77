/* config.c — the configuration file (--config): a small JSON object whose
 * keys override the seed's defaults; see config.h for the keys.
 *
 * The file is read whole (at most 1 MB), parsed with cJSON and walked against
 * a table of known keys, so that an unknown or repeated key, a wrong type or
 * an out-of-range value is an error naming its key path ('doelen.R1'). All of
 * it is applied to a copy; *cfg changes only when the whole file is valid. */
#include "config.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_FILE_BYTES = 1024 * 1024 };

/* The highest uurtarief_max accepted, in euros: far above any real rate,
 * low enough that cents stay exact in a double. */
#define MAX_UURTARIEF 1000000.0

void pm_config_defaults(pm_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    snprintf(cfg->naam, sizeof cfg->naam, "%s", "Platform Sociaal Domein — pijler 2");
    cfg->programma_start = pm_day_from_ymd(2024, 7, 1);
    cfg->programma_einde = pm_day_from_ymd(2025, 12, 31);
    cfg->doel_r1 = 0.9;
    cfg->doel_r2 = 0.8;
    cfg->doel_r3 = 0.8;
    cfg->doel_r3_actief = 10;
    cfg->doel_r4 = 1.0;
    cfg->r4_gemiddelde_x10 = 70;
    cfg->doel_r5 = 1.0;
    cfg->doel_r6 = 5;
    cfg->b_marge = 1.05;
    cfg->min_n = 5;
    cfg->min_cell = 5;
    cfg->uurtarief_max_cent = 12000;
    cfg->closed_days = NULL;
    cfg->nclosed = 0;
    cfg->vervolg = NULL;
    cfg->nvervolg = 0;
}

void pm_config_free(pm_config *cfg)
{
    if (!cfg)
        return;
    free(cfg->closed_days);
    cfg->closed_days = NULL;
    cfg->nclosed = 0;
    free(cfg->vervolg);
    cfg->vervolg = NULL;
    cfg->nvervolg = 0;
}

void pm_config_get_targets(const pm_config *cfg, pm_targets *out)
{
    out->doel_r1 = cfg->doel_r1;
    out->doel_r2 = cfg->doel_r2;
    out->doel_r3 = cfg->doel_r3;
    out->doel_r3_actief = cfg->doel_r3_actief;
    out->doel_r4 = cfg->doel_r4;
    out->r4_gemiddelde_x10 = cfg->r4_gemiddelde_x10;
    out->doel_r5 = cfg->doel_r5;
    out->doel_r6 = cfg->doel_r6;
    out->b_marge = cfg->b_marge;
}

void pm_config_set_targets(pm_config *cfg, const pm_targets *t)
{
    cfg->doel_r1 = t->doel_r1;
    cfg->doel_r2 = t->doel_r2;
    cfg->doel_r3 = t->doel_r3;
    cfg->doel_r3_actief = t->doel_r3_actief;
    cfg->doel_r4 = t->doel_r4;
    cfg->r4_gemiddelde_x10 = t->r4_gemiddelde_x10;
    cfg->doel_r5 = t->doel_r5;
    cfg->doel_r6 = t->doel_r6;
    cfg->b_marge = t->b_marge;
}

size_t pm_config_ntarget_periods(const pm_config *cfg)
{
    return 1 + cfg->nvervolg;
}

void pm_config_target_period(const pm_config *cfg, size_t i, pm_day *from, pm_day *to,
                             pm_targets *doelen)
{
    if (i == 0) {
        *from = cfg->programma_start;
        *to = cfg->programma_einde;
        if (doelen)
            pm_config_get_targets(cfg, doelen);
        return;
    }
    *from = (i == 1 ? cfg->programma_einde : cfg->vervolg[i - 2].tot) + 1;
    *to = cfg->vervolg[i - 1].tot;
    if (doelen)
        *doelen = cfg->vervolg[i - 1].doelen;
}

int pm_config_target_period_at(const pm_config *cfg, pm_day day)
{
    size_t n = pm_config_ntarget_periods(cfg);
    for (size_t i = 0; i < n; i++) {
        pm_day from, to;
        pm_config_target_period(cfg, i, &from, &to, NULL);
        if (day >= from && day <= to)
            return (int)i;
    }
    return -1;
}

pm_day pm_config_targets_end(const pm_config *cfg)
{
    return cfg->nvervolg ? cfg->vervolg[cfg->nvervolg - 1].tot : cfg->programma_einde;
}

/* How a key's value is checked and stored. */
typedef enum kind {
    K_OBJECT, /* a nested object, walked with its own table */
    K_TEXT,   /* a non-empty one-line string into a char[128] */
    K_DATE,   /* a date string into a pm_day */
    K_SHARE,  /* a number in [0, 1] into a double */
    K_COUNT,  /* an integer >= 0 into an int */
    K_COUNT1, /* an integer >= 1 into an int */
    K_MEAN10, /* a score 1..10 with at most one decimal, into tenths (int) */
    K_MARGIN, /* a number >= 1 into a double */
    K_CENTS,  /* euros > 0 with at most two decimals, into cents (int64_t) */
    K_DATES,  /* an array of date strings, appended to the closed days */
    K_VERVOLG /* the follow-up target periods, checked after the rest */
} kind;

typedef struct field {
    const char *key;
    kind kind;
    size_t offset;           /* into pm_config; unused for K_OBJECT, K_DATES */
    const struct field *sub; /* K_OBJECT: its keys */
    size_t nsub;
} field;

#define AT(member) offsetof(pm_config, member)
#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const field programma_fields[] = {
    {"naam", K_TEXT, AT(naam), NULL, 0},
    {"start", K_DATE, AT(programma_start), NULL, 0},
    {"einde", K_DATE, AT(programma_einde), NULL, 0},
};

static const field doelen_fields[] = {
    {"R1", K_SHARE, AT(doel_r1), NULL, 0},
    {"R2", K_SHARE, AT(doel_r2), NULL, 0},
    {"R3", K_SHARE, AT(doel_r3), NULL, 0},
    {"R3_actief", K_COUNT, AT(doel_r3_actief), NULL, 0},
    {"R4", K_SHARE, AT(doel_r4), NULL, 0},
    {"R4_gemiddelde", K_MEAN10, AT(r4_gemiddelde_x10), NULL, 0},
    {"R5", K_SHARE, AT(doel_r5), NULL, 0},
    {"R6", K_COUNT, AT(doel_r6), NULL, 0},
    {"B_marge", K_MARGIN, AT(b_marge), NULL, 0},
};

static const field top_fields[] = {
    {"programma", K_OBJECT, 0, programma_fields, COUNT_OF(programma_fields)},
    {"doelen", K_OBJECT, 0, doelen_fields, COUNT_OF(doelen_fields)},
    {"min_n", K_COUNT, AT(min_n), NULL, 0},
    {"min_cell", K_COUNT1, AT(min_cell), NULL, 0},
    {"uurtarief_max", K_CENTS, AT(uurtarief_max_cent), NULL, 0},
    {"besluitdagen", K_DATES, 0, NULL, 0},
    {"sluitingsdagen", K_DATES, 0, NULL, 0},
    {"vervolg", K_VERVOLG, 0, NULL, 0},
};

/* The state of one load: the copy being filled and where errors go. */
typedef struct loader {
    const char *file;
    char *msg;
    size_t msgsize;
    pm_config cfg; /* the copy; closed_days is `days` once loaded */
    pm_day *days;  /* previous closed days followed by the file's */
    size_t ndays, capdays;
    bool start_set, einde_set;
    const cJSON *vervolg; /* the "vervolg" array, read once the rest is in */
} loader;

static void set_msg(char *msg, size_t msgsize, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_msg(char *msg, size_t msgsize, const char *fmt, ...)
{
    if (!msg || msgsize == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, msgsize, fmt, ap);
    va_end(ap);
}

/* Records "FILE: 'path': reason" and returns PM_ERR_DATA. */
static pm_error bad(loader *ld, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static pm_error bad(loader *ld, const char *path, const char *fmt, ...)
{
    char reason[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    set_msg(ld->msg, ld->msgsize, "%s: '%s': %s", ld->file, path, reason);
    return PM_ERR_DATA;
}

static pm_error add_day(loader *ld, pm_day day)
{
    if (ld->ndays == ld->capdays) {
        size_t cap = ld->capdays ? ld->capdays * 2 : 16;
        pm_day *p = realloc(ld->days, cap * sizeof *p);
        if (!p) {
            set_msg(ld->msg, ld->msgsize, "%s: onvoldoende geheugen", ld->file);
            return PM_ERR_NOMEM;
        }
        ld->days = p;
        ld->capdays = cap;
    }
    ld->days[ld->ndays++] = day;
    return PM_OK;
}

/* The date in a JSON string; false when it is not one. */
static bool json_date(const cJSON *item, pm_day *out)
{
    return cJSON_IsString(item) && item->valuestring &&
           pm_day_parse(item->valuestring, strlen(item->valuestring), out);
}

static pm_error load_dates(loader *ld, const cJSON *item, const char *path)
{
    if (!cJSON_IsArray(item))
        return bad(ld, path, "moet een lijst van datums zijn, zoals [\"2025-12-29\"]");
    int i = 0;
    for (const cJSON *el = item->child; el; el = el->next) {
        i++;
        pm_day day;
        if (!cJSON_IsString(el))
            return bad(ld, path, "element %d is geen datum tussen aanhalingstekens", i);
        if (!json_date(el, &day))
            return bad(
                ld, path,
                "element %d ('%.40s') is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)",
                i, el->valuestring);
        pm_error err = add_day(ld, day);
        if (err)
            return err;
    }
    return PM_OK;
}

/* Checks that a number is a whole number in [min, INT_MAX]. */
static pm_error load_int(loader *ld, const cJSON *item, const char *path, int min,
                         int *out)
{
    if (!cJSON_IsNumber(item))
        return bad(ld, path, "moet een geheel getal zijn");
    double x = item->valuedouble;
    if (!isfinite(x) || x != floor(x))
        return bad(ld, path, "moet een geheel getal zijn");
    if (x < min)
        return min == 0 ? bad(ld, path, "mag niet negatief zijn")
                        : bad(ld, path, "moet minstens %d zijn", min);
    if (x > INT_MAX)
        return bad(ld, path, "is te groot");
    *out = (int)x;
    return PM_OK;
}

static pm_error load_value(loader *ld, const field *f, const cJSON *item,
                           const char *path);

/* Walks obj against fields: every key must be known and appear once. */
static pm_error load_object(loader *ld, const cJSON *obj, const field *fields, size_t n,
                            const char *prefix)
{
    for (const cJSON *item = obj->child; item; item = item->next) {
        const char *key = item->string ? item->string : "";
        char path[160];
        if (prefix)
            snprintf(path, sizeof path, "%s.%.100s", prefix, key);
        else
            snprintf(path, sizeof path, "%.100s", key);

        for (const cJSON *prev = obj->child; prev != item; prev = prev->next) {
            if (prev->string && strcmp(prev->string, key) == 0)
                return bad(ld, path, "komt meer dan eens voor");
        }
        const field *f = NULL;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(fields[i].key, key) == 0)
                f = &fields[i];
        }
        if (!f)
            return bad(ld, path, "onbekende sleutel");
        pm_error err = load_value(ld, f, item, path);
        if (err)
            return err;
    }
    return PM_OK;
}

static pm_error load_value(loader *ld, const field *f, const cJSON *item,
                           const char *path)
{
    char *at = (char *)&ld->cfg + f->offset;
    double x = cJSON_IsNumber(item) ? item->valuedouble : 0.0;

    switch (f->kind) {
    case K_OBJECT:
        if (!cJSON_IsObject(item))
            return bad(ld, path, "moet een object zijn ({...})");
        return load_object(ld, item, f->sub, f->nsub, path);

    case K_TEXT: {
        if (!cJSON_IsString(item) || !item->valuestring)
            return bad(ld, path, "moet een tekst tussen aanhalingstekens zijn");
        const char *s = item->valuestring;
        size_t len = strlen(s);
        if (len == 0)
            return bad(ld, path, "mag niet leeg zijn");
        if (len >= sizeof ld->cfg.naam)
            return bad(ld, path, "is te lang (hoogstens %zu bytes)",
                       sizeof ld->cfg.naam - 1);
        if (!pm_utf8_valid(s, len))
            return bad(ld, path, "is geen geldige UTF-8");
        for (size_t i = 0; i < len; i++) {
            if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
                return bad(ld, path, "mag geen regeleinden of stuurtekens bevatten");
        }
        /* The name heads every output; U+FFFE/U+FFFF would make the
         * workbook invalid XML (SPEC §2). */
        uint32_t cp = 0;
        size_t pos = 0;
        if (pm_text_check(s, len, false, &cp, &pos) != PM_TEXT_OK)
            return bad(ld, path, "bevat een %s (U+%04X) op positie %zu", pm_char_name(cp),
                       (unsigned)cp, pos);
        memcpy(at, s, len + 1);
        return PM_OK;
    }

    case K_DATE: {
        pm_day day;
        if (!cJSON_IsString(item))
            return bad(ld, path, "moet een datum tussen aanhalingstekens zijn");
        if (!json_date(item, &day))
            return bad(ld, path,
                       "'%.40s' is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)",
                       item->valuestring);
        memcpy(at, &day, sizeof day);
        if (f->offset == AT(programma_start))
            ld->start_set = true;
        else
            ld->einde_set = true;
        return PM_OK;
    }

    case K_SHARE:
        if (!cJSON_IsNumber(item))
            return bad(ld, path, "moet een getal zijn (een fractie van 0 tot en met 1)");
        if (!(x >= 0.0 && x <= 1.0))
            return bad(ld, path, "moet tussen 0 en 1 liggen");
        memcpy(at, &x, sizeof x);
        return PM_OK;

    case K_COUNT:
    case K_COUNT1: {
        int v = 0;
        pm_error err = load_int(ld, item, path, f->kind == K_COUNT1 ? 1 : 0, &v);
        if (err)
            return err;
        memcpy(at, &v, sizeof v);
        return PM_OK;
    }

    case K_MEAN10: {
        if (!cJSON_IsNumber(item))
            return bad(ld, path, "moet een getal zijn (een score van 1 tot en met 10)");
        if (!(x >= 1.0 && x <= 10.0))
            return bad(ld, path, "moet tussen 1 en 10 liggen");
        /* Scores have one decimal; tenths keep the 7.0 test exact later. */
        double tenths = round(x * 10.0);
        if (fabs(tenths - x * 10.0) > 1e-9)
            return bad(ld, path, "mag hoogstens één decimaal hebben");
        int v = (int)tenths;
        memcpy(at, &v, sizeof v);
        return PM_OK;
    }

    case K_MARGIN:
        if (!cJSON_IsNumber(item))
            return bad(ld, path, "moet een getal zijn");
        if (!isfinite(x) || x < 1.0)
            return bad(ld, path, "moet minstens 1 zijn");
        memcpy(at, &x, sizeof x);
        return PM_OK;

    case K_CENTS: {
        if (!cJSON_IsNumber(item))
            return bad(ld, path, "moet een bedrag in euro's zijn (een getal)");
        if (!(x > 0.0 && x <= MAX_UURTARIEF))
            return bad(ld, path, "moet groter dan 0 en hoogstens %.0f zijn",
                       MAX_UURTARIEF);
        double cents = round(x * 100.0);
        if (fabs(cents - x * 100.0) > 1e-6)
            return bad(ld, path, "mag hoogstens twee decimalen hebben");
        int64_t v = (int64_t)cents;
        memcpy(at, &v, sizeof v);
        return PM_OK;
    }

    case K_DATES: return load_dates(ld, item, path);

    case K_VERVOLG:
        /* Its targets carry over from `doelen`, which may come later in
         * the file; so it is read after everything else. */
        if (!cJSON_IsArray(item))
            return bad(ld, path,
                       "moet een lijst van doelperioden zijn, zoals "
                       "[{\"tot\": \"2026-12-31\", \"doelen\": {...}}]");
        ld->vervolg = item;
        return PM_OK;
    }
    return bad(ld, path, "onbekende sleutel");
}

/* Reads the follow-up target periods into *out (caller frees). Each starts
 * the day after the previous one ends, so only an end after that previous
 * end is needed for the periods to be ordered without gaps. */
static pm_error load_vervolg(loader *ld, pm_vervolg **out, size_t *nout)
{
    size_t n = (size_t)cJSON_GetArraySize(ld->vervolg);
    pm_vervolg *v = calloc(n ? n : 1, sizeof *v);
    if (!v) {
        set_msg(ld->msg, ld->msgsize, "%s: onvoldoende geheugen", ld->file);
        return PM_ERR_NOMEM;
    }
    pm_targets first, prev;
    pm_config_get_targets(&ld->cfg, &first);
    prev = first;
    pm_day prev_end = ld->cfg.programma_einde;
    pm_error err = PM_OK;
    size_t i = 0;
    for (const cJSON *el = ld->vervolg->child; el && !err; el = el->next, i++) {
        char path[64];
        snprintf(path, sizeof path, "vervolg[%zu]", i);
        if (!cJSON_IsObject(el)) {
            err =
                bad(ld, path, "moet een object zijn ({\"tot\": ..., \"doelen\": {...}})");
            break;
        }
        const cJSON *tot = NULL, *doelen = NULL;
        for (const cJSON *k = el->child; k && !err; k = k->next) {
            char kpath[sizeof path + 104]; /* "vervolg[N]." and at most 100 bytes */
            snprintf(kpath, sizeof kpath, "%s.%.100s", path, k->string ? k->string : "");
            const cJSON **slot = NULL;
            if (k->string && strcmp(k->string, "tot") == 0)
                slot = &tot;
            else if (k->string && strcmp(k->string, "doelen") == 0)
                slot = &doelen;
            if (!slot)
                err = bad(ld, kpath, "onbekende sleutel");
            else if (*slot)
                err = bad(ld, kpath, "komt meer dan eens voor");
            else
                *slot = k;
        }
        if (err)
            break;
        char tpath[80];
        snprintf(tpath, sizeof tpath, "%s.tot", path);
        if (!tot) {
            err = bad(ld, tpath, "ontbreekt (de laatste dag van de doelperiode)");
            break;
        }
        if (!json_date(tot, &v[i].tot)) {
            err = bad(ld, tpath, "is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)");
            break;
        }
        if (v[i].tot <= prev_end) {
            char a[11], b[11];
            pm_day_format_nl(v[i].tot, a);
            pm_day_format_nl(prev_end, b);
            err = bad(ld, tpath,
                      "%s ligt niet na het einde van de vorige doelperiode (%s)", a, b);
            break;
        }
        /* The follow-up's own keys are written over the previous
         * period's targets in the loader's copy, then taken out again. */
        pm_config_set_targets(&ld->cfg, &prev);
        if (doelen) {
            char dpath[80];
            snprintf(dpath, sizeof dpath, "%s.doelen", path);
            if (!cJSON_IsObject(doelen))
                err = bad(ld, dpath, "moet een object zijn ({...})");
            else
                err = load_object(ld, doelen, doelen_fields, COUNT_OF(doelen_fields),
                                  dpath);
        }
        pm_config_get_targets(&ld->cfg, &v[i].doelen);
        prev = v[i].doelen;
        prev_end = v[i].tot;
    }
    pm_config_set_targets(&ld->cfg, &first);
    if (err) {
        free(v);
        return err;
    }
    *out = v;
    *nout = n;
    return PM_OK;
}

/* Reads the whole file into a NUL-terminated buffer (caller frees). */
static pm_error read_file(const char *path, char **out, size_t *len, char *msg,
                          size_t msgsize)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            set_msg(msg, msgsize, "configuratiebestand %s bestaat niet", path);
        else
            set_msg(msg, msgsize, "%s: kan niet worden geopend: %s", path,
                    strerror(errno));
        return PM_ERR_IO;
    }
    char *buf = malloc((size_t)MAX_FILE_BYTES + 2);
    if (!buf) {
        fclose(f);
        set_msg(msg, msgsize, "%s: onvoldoende geheugen", path);
        return PM_ERR_NOMEM;
    }
    size_t n = fread(buf, 1, (size_t)MAX_FILE_BYTES + 1, f);
    int read_error = ferror(f);
    int saved = errno;
    fclose(f);
    if (read_error) {
        free(buf);
        set_msg(msg, msgsize, "%s: kan niet worden gelezen: %s", path, strerror(saved));
        return PM_ERR_IO;
    }
    if (n > MAX_FILE_BYTES) {
        free(buf);
        set_msg(msg, msgsize, "%s: groter dan 1 MB; geen configuratiebestand?", path);
        return PM_ERR_DATA;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return PM_OK;
}

static long line_at(const char *text, size_t offset)
{
    long line = 1;
    for (size_t i = 0; i < offset; i++)
        line += text[i] == '\n';
    return line;
}

pm_error pm_config_load(pm_config *cfg, const char *path, char *msg, size_t msgsize)
{
    set_msg(msg, msgsize, "%s", "");
    char *buf = NULL;
    size_t len = 0;
    pm_error err = read_file(path, &buf, &len, msg, msgsize);
    if (err)
        return err;

    /* Editors on Windows write a BOM; it is not JSON, so skip it. */
    char *text = buf;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        set_msg(msg, msgsize, "%s: ongeldige JSON bij regel %ld", path,
                line_at(text, (size_t)(nul - text)));
        free(buf);
        return PM_ERR_DATA;
    }
    if (!pm_utf8_valid(text, len)) {
        set_msg(msg, msgsize, "%s: geen geldige UTF-8", path);
        free(buf);
        return PM_ERR_DATA;
    }

    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
    if (!root) {
        size_t off = len;
        if (end && end >= text && end <= text + len)
            off = (size_t)(end - text);
        set_msg(msg, msgsize, "%s: ongeldige JSON bij regel %ld", path,
                line_at(text, off));
        free(buf);
        return PM_ERR_DATA;
    }
    free(buf);

    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.file = path;
    ld.msg = msg;
    ld.msgsize = msgsize;
    ld.cfg = *cfg;

    if (!cJSON_IsObject(root)) {
        set_msg(msg, msgsize, "%s: moet een JSON-object zijn ({...})", path);
        err = PM_ERR_DATA;
    }
    /* Appending: the closed days already in *cfg come first. */
    for (size_t i = 0; !err && i < cfg->nclosed; i++)
        err = add_day(&ld, cfg->closed_days[i]);
    if (!err)
        err = load_object(&ld, root, top_fields, COUNT_OF(top_fields), NULL);
    pm_vervolg *vervolg = NULL;
    size_t nvervolg = 0;
    bool new_vervolg = !err && ld.vervolg;
    if (new_vervolg)
        err = load_vervolg(&ld, &vervolg, &nvervolg);
    cJSON_Delete(root);

    if (!err && ld.cfg.programma_start > ld.cfg.programma_einde) {
        char s[11], e[11];
        pm_day_format_nl(ld.cfg.programma_start, s);
        pm_day_format_nl(ld.cfg.programma_einde, e);
        if (ld.start_set || !ld.einde_set)
            err = bad(&ld, "programma.start",
                      "%s ligt na het einde van het programma (%s)", s, e);
        else
            err = bad(&ld, "programma.einde",
                      "%s ligt voor de start van het programma (%s)", e, s);
    }
    /* Follow-ups kept from an earlier load must still start after the end
     * this file may have moved. */
    if (!err && !new_vervolg && cfg->nvervolg &&
        cfg->vervolg[0].tot <= ld.cfg.programma_einde)
        err = bad(&ld, "programma.einde",
                  "ligt niet voor het einde van de eerste vervolgperiode");
    if (err) {
        free(ld.days);
        free(vervolg);
        return err;
    }

    free(cfg->closed_days);
    if (new_vervolg) {
        free(cfg->vervolg);
        ld.cfg.vervolg = vervolg;
        ld.cfg.nvervolg = nvervolg;
    }
    *cfg = ld.cfg;
    cfg->closed_days = ld.days;
    cfg->nclosed = ld.ndays;
    return PM_OK;
}
