/* report.c — sets up the ranges and the working-day table, then runs every
 * registered indicator in one read transaction. */
#include "report.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beheer.h"
#include "bereik.h"
#include "dataset.h"
#include "posts.h"
#include "sent.h"
#include "store.h"

/* Days of margin after the peildatum in the calendar: the deadline of a
 * request received on the peildatum lies at most 5 working days later, and
 * the longest run of closed days (Christmas into New Year) adds a week. */
#define CALENDAR_MARGIN 60

static pm_day min_day(pm_day a, pm_day b)
{
    return a < b ? a : b;
}

static pm_day max_day(pm_day a, pm_day b)
{
    return a > b ? a : b;
}

/* Loads the calendar into TEMP TABLE kalender(dag, nr, deadline, kwartaal):
 * nr is the running working-day number, deadline the 5th working day after
 * dag. With it, R1 is one query: no loop over days in C. */
static pm_error load_calendar(pm_snapshot *snap, char *msg, size_t msgsize)
{
    sqlite3 *db = snap->db;
    pm_error err = pm_store_exec(db,
                                 "DROP TABLE IF EXISTS temp.kalender;"
                                 "CREATE TEMP TABLE kalender (dag INTEGER PRIMARY KEY, "
                                 "nr INTEGER NOT NULL, deadline INTEGER, "
                                 "kwartaal INTEGER NOT NULL)",
                                 msg, msgsize);
    if (err)
        return err;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO temp.kalender VALUES (?1, ?2, ?3, ?4)", -1,
                           &st, NULL) != SQLITE_OK) {
        snprintf(msg, msgsize, "kalender: %s", sqlite3_errmsg(db));
        return PM_ERR_DB;
    }
    const pm_calendar *cal = &snap->cal;
    for (pm_day d = cal->first; d <= cal->last; d++) {
        pm_day deadline = pm_calendar_deadline(cal, d, 5);
        sqlite3_bind_int64(st, 1, d);
        sqlite3_bind_int64(st, 2, cal->nr[d - cal->first]);
        if (deadline >= 0)
            sqlite3_bind_int64(st, 3, deadline);
        else
            sqlite3_bind_null(st, 3);
        sqlite3_bind_int64(st, 4, pm_quarter_index(d));
        if (sqlite3_step(st) != SQLITE_DONE) {
            snprintf(msg, msgsize, "kalender: %s", sqlite3_errmsg(db));
            sqlite3_finalize(st);
            return PM_ERR_DB;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return PM_OK;
}

static void set_ranges(pm_context *ctx, const pm_config *cfg, const pm_period *period,
                       pm_day peil)
{
    ctx->period = *period;
    ctx->peildatum = peil;
    ctx->per_from = period->start;
    ctx->per_to = min_day(period->end, peil);
    ctx->cum_from = cfg->programma_start;
    ctx->cum_to = peil;
    if (peil >= cfg->programma_start) {
        ctx->q_first = pm_quarter_index(cfg->programma_start);
        ctx->q_last = pm_quarter_index(peil);
    } else {
        ctx->q_first = 1;
        ctx->q_last = 0; /* no trend before the programme starts */
    }
}

/* The target period that holds all of [from, to] (the days before the
 * programme start do not count: a 2024 report is judged in the first
 * period), or -1 with *why saying which reason the range is grijs for. An
 * empty or pre-programme range returns -2: the indicators' own rules
 * decide (nothing there to judge). */
static int target_period_of(const pm_config *cfg, pm_day from, pm_day to, pm_reden *why)
{
    from = max_day(from, cfg->programma_start);
    if (from > to)
        return -2;
    int a = pm_config_target_period_at(cfg, from);
    int b = pm_config_target_period_at(cfg, to);
    if (a >= 0 && a == b)
        return a;
    *why = b < 0 ? PM_REDEN_GEEN_DOEL : PM_REDEN_TWEE_DOELPERIODEN;
    return -1;
}

/* The main target of indicator id under targets t, as pm_result.doel. */
static double main_target(const char *id, const pm_targets *t)
{
    switch (id[0]) {
    case 'R':
        switch (id[1]) {
        case '1': return t->doel_r1;
        case '2': return t->doel_r2;
        case '3': return t->doel_r3;
        case '4': return t->doel_r4;
        case '5': return t->doel_r5;
        case '6': return (double)t->doel_r6;
        }
        break;
    }
    return 1.0; /* B: the realisatie up to the begroting */
}

/* Runs every indicator on ctx into results (n of them, zeroed here). */
static pm_error run_all(const pm_context *ctx, pm_result *results, size_t *nresults,
                        char *msg, size_t msgsize)
{
    size_t n;
    const pm_indicator *const *list = pm_indicators(&n);
    pm_error err = PM_OK;
    for (size_t i = 0; i < n && !err; i++) {
        *nresults = i + 1;
        results[i].id = list[i]->id;
        err = list[i]->compute(ctx, &results[i], msg, msgsize);
        results[i].status = results[i].cumulatief.status;
    }
    return err;
}

/* The indicators once more with target period p's targets and the periode
 * set to p's range through the peildatum: their periode objects are p's
 * figures as known on the peildatum (its eindstand, exactly as `--period
 * START..END` gives them, or the running cumulatief); out (nresults,
 * zeroed) takes them. */
static pm_error run_target_period(const pm_context *base, const pm_config *loaded, int p,
                                  pm_config *judged, pm_result *out, size_t *nout,
                                  char *msg, size_t msgsize)
{
    pm_day from, to;
    pm_targets t;
    pm_config_target_period(loaded, (size_t)p, &from, &to, &t);
    *judged = *loaded;
    pm_config_set_targets(judged, &t);
    /* A running period so far: B's begroting of the periode is that of
     * the whole period, and the cumulatief's runs to the peildatum. */
    pm_period period = base->period;
    period.start = from;
    period.end = min_day(to, base->peildatum);
    pm_context ctx = *base;
    set_ranges(&ctx, loaded, &period, base->peildatum);
    /* What is kept of this run lies in p: the periode, its breakdowns,
     * the statuses of the trend quarters inside p and B's prognose status
     * (B reads its year itself). So the cumulatief and the trend start at
     * the quarter holding p's start instead of the programme start: each
     * target period's run reads its own rows only. */
    ctx.cum_from =
        max_day(pm_quarter_first_day(pm_quarter_index(from)), loaded->programma_start);
    if (ctx.q_last >= ctx.q_first)
        ctx.q_first = pm_quarter_index(ctx.cum_from);
    ctx.cfg = judged;
    ctx.tp_from = from;
    ctx.tp_to = to;
    return run_all(&ctx, out, nout, msg, msgsize);
}

/* The figures over a whole target period that has ended carry the verdict:
 * no interval and no oranje once the period is over (SPEC §3). */
static void set_oordeel(const char *id, pm_figures *f, const pm_targets *t)
{
    f->has_oordeel = true;
    f->oordeel = pm_figures_oordeel(id, f, t, true);
    f->oordeel_zonder_gemiddelde = pm_figures_oordeel(id, f, t, false);
    f->status = pm_oordeel_status(f->oordeel);
    f->status_zonder_gemiddelde = pm_oordeel_status(f->oordeel_zonder_gemiddelde);
    f->reden = PM_REDEN_OORDEEL;
}

static void set_grijs(pm_figures *f, pm_reden why, pm_day targets_end)
{
    f->status = PM_GRIJS;
    f->status_zonder_gemiddelde = PM_GRIJS;
    f->reden = why;
    f->reden_dag = targets_end;
}

/* The cumulatief breakdown cells of r become those of the running target
 * period's run (its periode cells, src), matched by key: the tables then
 * cover the same range as the cumulatief figures above them. A category
 * the running period does not have counts zero there; the keys and labels
 * stay r's own (they own their strings). */
static void take_breakdowns(pm_result *r, const pm_result *src)
{
    for (size_t b = 0; b < r->nbreakdowns; b++) {
        pm_breakdown *dst = &r->breakdowns[b];
        const pm_breakdown *from = NULL;
        for (size_t k = 0; k < src->nbreakdowns && !from; k++)
            if (strcmp(src->breakdowns[k].key, dst->key) == 0)
                from = &src->breakdowns[k];
        for (size_t c = 0; c < dst->ncells; c++) {
            pm_cell *cell = &dst->cumulatief[c];
            pm_cell found = {0};
            for (size_t k = 0; from && k < from->ncells; k++)
                if (strcmp(from->periode[k].key, cell->key) == 0) {
                    found = from->periode[k];
                    break;
                }
            found.key = cell->key;
            found.label = cell->label;
            found.suppress = cell->suppress;
            *cell = found;
        }
    }
}

/* Everything of SPEC §3 that depends on more than one target period: the
 * running cumulatief, the eindstanden, the statuses of ranges no single
 * target period holds or that are a whole ended one. */
static pm_error apply_target_periods(pm_report *rep, pm_context *ctx,
                                     const pm_config *loaded, int per_tp,
                                     pm_reden per_why, char *msg, size_t msgsize)
{
    pm_day peil = ctx->peildatum;
    pm_day end_all = pm_config_targets_end(loaded);
    size_t ntp = pm_config_ntarget_periods(loaded);
    int judged_tp = per_tp >= 0         ? per_tp
                    : rep->running >= 0 ? rep->running
                                        : (int)ntp - 1;
    size_t n;
    pm_indicators(&n);
    pm_result *tmp = calloc(n, sizeof *tmp);
    if (!tmp)
        return PM_ERR_NOMEM;
    pm_error err = PM_OK;

    for (size_t i = 0; i < rep->nresults; i++) {
        rep->results[i].eindstanden = calloc(ntp, sizeof *rep->results[i].eindstanden);
        if (!rep->results[i].eindstanden)
            err = PM_ERR_NOMEM;
    }

    for (size_t p = 0; p < ntp && !err; p++) {
        pm_day from, to;
        pm_targets t;
        pm_config_target_period(loaded, p, &from, &to, &t);
        if (from > peil)
            break;
        bool ended = to <= peil;
        bool running = (int)p == rep->running;
        /* The main run already holds p's figures when p is its target
         * period and the cumulatief is exactly p's range so far. */
        bool reuse = (int)p == judged_tp && from == ctx->cum_from && !(to < peil);
        size_t nt = 0;
        pm_config judged;
        if (!reuse) {
            memset(tmp, 0, n * sizeof *tmp);
            err = run_target_period(ctx, loaded, (int)p, &judged, tmp, &nt, msg, msgsize);
        }
        for (size_t i = 0; i < rep->nresults && !err; i++) {
            pm_result *r = &rep->results[i];
            const pm_figures *pf = reuse ? &r->cumulatief : &tmp[i].periode;
            pm_figures f = *pf;
            if (running && !reuse) {
                pm_figures cum = f;
                /* B's cumulatief keeps the prognose rule. */
                if (tmp[i].cumulatief.reden == PM_REDEN_PROGNOSE) {
                    cum.status = tmp[i].cumulatief.status;
                    cum.reden = PM_REDEN_PROGNOSE;
                }
                /* The rest of the cumulatief beyond the periode has
                 * organisations not counted here: treated as thin, so the
                 * disclosure rule hides the smaller mean. */
                cum.n_rest_gemiddelde = cum.n_gemiddelde - r->periode.n_gemiddelde;
                cum.n_rest_gemiddelde_orgs = 0;
                r->cumulatief = cum;
                take_breakdowns(r, &tmp[i]);
            }
            if (running)
                r->cumulatief.reden_doel = main_target(r->id, &t);
            if (running && ended)
                set_oordeel(r->id, &r->cumulatief, &t);
            if (ended) {
                pm_eindstand *e = &r->eindstanden[r->neindstanden++];
                e->van = from;
                e->tot = to;
                e->doel = main_target(r->id, &t);
                e->f = f;
                /* As the periode object of p's range would have it. */
                e->f.n_rest_gemiddelde = 0;
                e->f.n_rest_gemiddelde_orgs = 0;
                e->f.reden_doel = e->doel;
                set_oordeel(r->id, &e->f, &t);
            }
            /* Trend quarters in p are judged against p's targets. */
            for (size_t q = 0;
                 !reuse && (int)p != judged_tp && q < r->ntrend && tmp[i].ntrend > 0;
                 q++) {
                pm_figures *tf = &r->trend[q].f;
                /* tmp's trend starts at p's first quarter. */
                long k = (long)r->trend[q].quarter - (long)tmp[i].trend[0].quarter;
                if (k < 0 || k >= (long)tmp[i].ntrend)
                    continue;
                if (tf->from >= from && tf->to <= to) {
                    tf->status = tmp[i].trend[k].f.status;
                    tf->status_zonder_gemiddelde =
                        tmp[i].trend[k].f.status_zonder_gemiddelde;
                }
            }
        }
        for (size_t i = 0; i < nt; i++)
            pm_result_free(&tmp[i]);
    }
    free(tmp);
    if (err)
        return err;

    for (size_t i = 0; i < rep->nresults; i++) {
        pm_result *r = &rep->results[i];
        pm_targets t;
        pm_day from, to;
        /* The periode: grijs when no single target period holds it; the
         * verdict when it is a whole target period that has ended. */
        pm_config_target_period(loaded, (size_t)judged_tp, &from, &to, &t);
        r->periode.reden_doel = main_target(r->id, &t);
        if (per_tp == -1)
            set_grijs(&r->periode, per_why, end_all);
        else if (per_tp >= 0 && r->periode.from == from && r->periode.to == to &&
                 to <= peil)
            set_oordeel(r->id, &r->periode, &t);
        /* No running target period after the last one ends. */
        if (rep->running < 0 && peil > end_all) {
            r->cumulatief.reden_doel = r->periode.reden_doel;
            set_grijs(&r->cumulatief, PM_REDEN_GEEN_DOEL, end_all);
        }
        for (size_t q = 0; q < r->ntrend; q++) {
            pm_figures *tf = &r->trend[q].f;
            pm_reden why = PM_REDEN_REGEL;
            int tp = target_period_of(loaded, tf->from, tf->to, &why);
            if (tp == -1)
                set_grijs(tf, why, end_all);
            if (tp >= 0) {
                pm_config_target_period(loaded, (size_t)tp, &from, &to, &t);
                tf->reden_doel = main_target(r->id, &t);
            }
        }
        r->status = r->cumulatief.status;
        r->doel = r->cumulatief.reden_doel;
    }
    return PM_OK;
}

/* The main date field of each dataset (pm_kind order), per SPEC §5's
 * "How far the data reach"; the SQL below is built from these constants
 * only. Withdrawn rows have left their tables, so they never count. */
static const char *const date_fields[PM_NKINDS] = {
    [PM_HULPVRAGEN] = "ontvangen", [PM_INZET] = "datum",
    [PM_EVALUATIES] = "datum",     [PM_KENNISPRODUCTEN] = "gepubliceerd",
    [PM_MIJLPALEN] = "gereed",     [PM_UITGAVEN] = "datum",
};

const char *pm_report_date_field(int kind)
{
    return kind >= 0 && kind < PM_NKINDS ? date_fields[kind] : NULL;
}

/* Fills has_tot and gegevens_tot: max() of each main date field, which the
 * date indexes answer without a scan (kennisproducten and mijlpalen are a
 * few dozen rows). */
static pm_error read_reach(pm_report *rep, sqlite3 *db, char *msg, size_t msgsize)
{
    for (int k = 0; k < PM_NKINDS; k++) {
        if (!date_fields[k])
            continue;
        char sql[320];
        snprintf(sql, sizeof sql, "SELECT max(\"%s\") FROM \"%s\"", date_fields[k],
                 pm_dataset_get((pm_kind)k)->name);
        /* The evaluations' date index leads with soort: max(datum) over
         * all of them scanned the table, half a million rows at 1M. One
         * seek per soort (the CHECK allows these three) gives the same. */
        if (k == PM_EVALUATIES)
            snprintf(
                sql, sizeof sql, "%s",
                "SELECT max(m) FROM ("
                "SELECT max(datum) AS m FROM evaluaties WHERE soort = 'ondersteuning'"
                " UNION ALL SELECT max(datum) FROM evaluaties WHERE soort = 'specialist'"
                " UNION ALL SELECT max(datum) FROM evaluaties"
                " WHERE soort = 'opdrachtgever')");
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
            snprintf(msg, msgsize, "gegevens tot: %s", sqlite3_errmsg(db));
            return PM_ERR_DB;
        }
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
            rep->has_tot[k] = true;
            rep->gegevens_tot[k] = (pm_day)sqlite3_column_int64(st, 0);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW) {
            snprintf(msg, msgsize, "gegevens tot: %s", sqlite3_errmsg(db));
            return PM_ERR_DB;
        }
    }
    return PM_OK;
}

/* Whether a trend point is revised: its teller, noemer, money or status
 * differ from the figure known at its quarter end. */
static bool revised(const pm_figures *now, const pm_figures *then)
{
    return llround(now->teller * 100.0) != llround(then->teller * 100.0) ||
           now->has_noemer != then->has_noemer ||
           (now->has_noemer &&
            llround(now->noemer * 100.0) != llround(then->noemer * 100.0)) ||
           now->realisatie_cent != then->realisatie_cent ||
           now->begroting_cent != then->begroting_cent || now->status != then->status;
}

static void set_revised(pm_report *rep)
{
    for (size_t i = 0; i < rep->nresults; i++)
        for (size_t t = 0; t < rep->results[i].ntrend; t++) {
            pm_trend_point *p = &rep->results[i].trend[t];
            p->herzien = revised(&p->f, &p->eerder);
        }
}

/* Each trend point as known at its own quarter end: every indicator run
 * once more per earlier quarter, with that quarter as the period and its
 * last day as the peildatum, in the same snapshot and with the same
 * calendar (the quarter ends lie before the report's peildatum). The runs
 * need no trend of their own. The last point is the point itself. */
/* The indicators a filter applies to (SPEC §9): R1-R3. */
static bool filtered_id(const char *id)
{
    return strcmp(id, "R1") == 0 || strcmp(id, "R2") == 0 || strcmp(id, "R3") == 0;
}

/* skip_filtered: the filtered indicators' points keep their own figure
 * as eerder (pm_report_compute_extern_filtered). */
static pm_error compute_eerder(pm_report *rep, const pm_context *ctx, bool skip_filtered,
                               char *msg, size_t msgsize)
{
    size_t n;
    const pm_indicator *const *list = pm_indicators(&n);
    for (size_t i = 0; i < rep->nresults; i++)
        for (size_t t = 0; t < rep->results[i].ntrend; t++)
            rep->results[i].trend[t].eerder = rep->results[i].trend[t].f;
    size_t nq = rep->nresults ? rep->results[0].ntrend : 0;
    for (size_t t = 0; t + 1 < nq; t++) {
        const pm_figures *range = &rep->results[0].trend[t].f;
        pm_context sub = *ctx;
        sub.period.start = range->from;
        sub.period.end = range->to;
        sub.peildatum = range->to;
        sub.per_from = range->from;
        sub.per_to = range->to;
        /* Only the periode is kept: the cumulatief starts with it, so each
         * run scans its own quarter (R6 and B still read what their
         * status needs), not everything since the programme start. */
        sub.cum_from = range->from;
        sub.cum_to = range->to;
        sub.q_first = 1;
        sub.q_last = 0; /* no trend */
        sub.no_breakdowns = true;
        for (size_t k = 0; k < n && k < rep->nresults; k++) {
            if (skip_filtered && filtered_id(list[k]->id))
                continue;
            pm_result tmp = {0};
            tmp.id = list[k]->id;
            pm_error err = list[k]->compute(&sub, &tmp, msg, msgsize);
            if (!err && t < rep->results[k].ntrend) {
                pm_trend_point *tp = &rep->results[k].trend[t];
                tp->eerder = tmp.periode;
                /* A quarter no target period holds was grijs then too. */
                if (tp->f.reden == PM_REDEN_GEEN_DOEL ||
                    tp->f.reden == PM_REDEN_TWEE_DOELPERIODEN) {
                    tp->eerder.status = tp->f.status;
                    tp->eerder.status_zonder_gemiddelde = tp->f.status_zonder_gemiddelde;
                    tp->eerder.reden = tp->f.reden;
                    tp->eerder.reden_dag = tp->f.reden_dag;
                }
            }
            pm_result_free(&tmp);
            if (err)
                return err;
        }
    }
    set_revised(rep);
    return PM_OK;
}

/* Euros as a JSON number back to whole cents. */
static int64_t json_cents(const cJSON *v)
{
    return (int64_t)llround(v->valuedouble * 100.0);
}

/* The figures of one indicator's periode object in a recorded report's
 * JSON onto f (only what the JSON holds; the rest stays as recomputed). */
static void figures_from_json(const cJSON *per, pm_figures *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(per, "teller");
    if (cJSON_IsNumber(v))
        f->teller = v->valuedouble;
    v = cJSON_GetObjectItemCaseSensitive(per, "noemer");
    f->has_noemer = cJSON_IsNumber(v);
    f->noemer = f->has_noemer ? v->valuedouble : 0;
    v = cJSON_GetObjectItemCaseSensitive(per, "waarde");
    f->has_waarde = cJSON_IsNumber(v);
    f->waarde = f->has_waarde ? v->valuedouble : 0;
    v = cJSON_GetObjectItemCaseSensitive(per, "interval");
    f->has_interval = cJSON_GetArraySize(v) == 2;
    if (f->has_interval) {
        f->lo = cJSON_GetArrayItem(v, 0)->valuedouble;
        f->hi = cJSON_GetArrayItem(v, 1)->valuedouble;
    }
    v = cJSON_GetObjectItemCaseSensitive(per, "status");
    for (int s = PM_GRIJS; s <= PM_ROOD && cJSON_IsString(v); s++)
        if (strcmp(v->valuestring, pm_status_name((pm_status)s)) == 0)
            f->status = (pm_status)s;
    v = cJSON_GetObjectItemCaseSensitive(per, "actief");
    if (cJSON_IsNumber(v))
        f->actief = (long)v->valuedouble;
    v = cJSON_GetObjectItemCaseSensitive(per, "aantal");
    if (cJSON_IsNumber(v))
        f->aantal = (long)v->valuedouble;
    /* R4's mean as sent: left as recomputed, eerder would show a mean that
     * was never sent, and in extern one the disclosure pass hid then. */
    v = cJSON_GetObjectItemCaseSensitive(per, "opdrachtgever_evaluaties");
    if (cJSON_IsNumber(v)) {
        f->n_gemiddelde = (long)v->valuedouble;
        v = cJSON_GetObjectItemCaseSensitive(per, "opdrachtgever_gemiddelde");
        f->has_gemiddelde = cJSON_IsNumber(v);
        f->gemiddelde = f->has_gemiddelde ? v->valuedouble : 0;
        v = cJSON_GetObjectItemCaseSensitive(per, "opdrachtgever_gemiddelde_onderdrukt");
        f->gemiddelde_onderdrukt = cJSON_IsString(v);
    }
    v = cJSON_GetObjectItemCaseSensitive(per, "realisatie");
    if (cJSON_IsNumber(v))
        f->realisatie_cent = json_cents(v);
    v = cJSON_GetObjectItemCaseSensitive(per, "begroting");
    f->has_begroting = cJSON_IsNumber(v);
    if (f->has_begroting)
        f->begroting_cent = json_cents(v);
}

pm_error pm_report_use_sent(pm_report *rep, pm_snapshot *snap, const char *publiek,
                            char *msg, size_t msgsize)
{
    (void)msg;
    (void)msgsize;
    size_t nq = rep->nresults ? rep->results[0].ntrend : 0;
    for (size_t t = 0; t + 1 < nq; t++) {
        int q = rep->results[0].trend[t].quarter;
        char *text = pm_sent_figures(snap->db, pm_quarter_first_day(q),
                                     pm_quarter_last_day(q), publiek);
        cJSON *doc = text ? cJSON_Parse(text) : NULL;
        free(text);
        const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "indicatoren");
        const cJSON *ind;
        cJSON_ArrayForEach(ind, list)
        {
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(ind, "id");
            const cJSON *per = cJSON_GetObjectItemCaseSensitive(ind, "periode");
            if (!cJSON_IsString(id) || !cJSON_IsObject(per))
                continue;
            for (size_t k = 0; k < rep->nresults; k++) {
                pm_result *r = &rep->results[k];
                /* What was sent is the whole programme's: a filtered
                 * indicator's eerder stays its own count at the quarter end. */
                if (r->gefilterd)
                    continue;
                if (strcmp(r->id, id->valuestring) != 0 || t >= r->ntrend)
                    continue;
                figures_from_json(per, &r->trend[t].eerder);
                r->trend[t].eerder_verzonden = true;
            }
        }
        cJSON_Delete(doc);
    }
    set_revised(rep);
    return PM_OK;
}

/* PIJLERMONITOR_GEEN_KOLOMMEN=1 makes the indicators scan the store as
 * they did before the columns: a switch for the tests that compare both
 * ways byte for byte, not an option for users. */
static bool columns_disabled(void)
{
    const char *v = getenv("PIJLERMONITOR_GEEN_KOLOMMEN");
    return v && strcmp(v, "1") == 0;
}

/* The columns the import keeps (engine/columns.h), or, in a store whose
 * kept columns are missing or not of its current data, built from the
 * tables for this command. Their organisation indexes must be those of
 * snap->orgs (both in id order); should the counts differ, the indicators
 * scan the store instead. */
static pm_error load_columns(pm_snapshot *snap, const pm_store_sums *now, char *msg,
                             size_t msgsize)
{
    bool found = false;
    pm_error err =
        now ? pm_columns_read(&snap->cols, snap->db, now, &found, msg, msgsize) : PM_OK;
    if (!err && !found)
        err = pm_columns_build(&snap->cols, snap->db, msg, msgsize);
    snap->has_cols = !err && snap->cols.norgs == snap->orgs.n;
    if (!snap->has_cols)
        pm_columns_free(&snap->cols);
    return err;
}

pm_error pm_snapshot_begin(pm_snapshot *snap, sqlite3 *db, char *msg, size_t msgsize)
{
    memset(snap, 0, sizeof *snap);
    snap->db = db;
    pm_error err = pm_store_exec(db, "BEGIN", msg, msgsize);
    snap->in_transaction = !err;
    return err;
}

pm_error pm_snapshot_commit(pm_snapshot *snap, char *msg, size_t msgsize)
{
    if (!snap->in_transaction)
        return PM_OK;
    pm_error err = pm_store_exec(snap->db, "COMMIT", msg, msgsize);
    if (!err)
        snap->in_transaction = false;
    return err;
}

void pm_snapshot_end(pm_snapshot *snap)
{
    if (!snap)
        return;
    if (snap->in_transaction) {
        char ignored[128];
        pm_store_exec(snap->db, "COMMIT", ignored, sizeof ignored);
    }
    pm_calendar_free(&snap->cal);
    pm_orgset_free(&snap->filter);
    pm_org_table_free(&snap->orgs);
    pm_columns_free(&snap->cols);
    memset(snap, 0, sizeof *snap);
}

/* R1-R3 count the filter's organisations (SPEC §9); R4-R6 and B belong to
 * the programme as a whole. */
static void mark_filtered(pm_report *rep)
{
    for (size_t i = 0; i < rep->nresults; i++)
        rep->results[i].gefilterd = filtered_id(rep->results[i].id);
}

/* Which indicators get their trend points' eerder runs. */
typedef enum eerder_runs { EERDER_ALL, EERDER_UNFILTERED, EERDER_NONE } eerder_runs;

/* pm_report_compute, with filter (NULL: none) resolved first, so an
 * unknown value is refused before anything is computed. */
static pm_error compute_report(pm_report *rep, pm_snapshot *snap, const pm_config *cfg,
                               const pm_period *period, pm_day peildatum,
                               const pm_filter *filter, eerder_runs eerder, char *msg,
                               size_t msgsize)
{
    memset(rep, 0, sizeof *rep);
    /* A snapshot serves every report of a command: the calendar and the
     * filter set of the previous one go. */
    pm_calendar_free(&snap->cal);
    pm_orgset_free(&snap->filter);
    memset(&snap->ctx, 0, sizeof snap->ctx);
    pm_context *ctx = &snap->ctx;
    ctx->db = snap->db;
    ctx->no_breakdowns = snap->no_personal;
    ctx->cal = &snap->cal;
    ctx->cfg_loaded = cfg;
    set_ranges(ctx, cfg, period, peildatum);
    pm_error ferr = pm_orgset_resolve(ctx, filter, &snap->filter, msg, msgsize);
    if (ferr)
        return ferr;
    if (snap->filter.active)
        ctx->filter = &snap->filter;

    /* The indicators judge against the target period holding the periode,
     * else the running one, else the last. */
    rep->running = pm_config_target_period_at(cfg, peildatum);
    pm_reden per_why = PM_REDEN_REGEL;
    int per_tp = target_period_of(cfg, ctx->per_from, ctx->per_to, &per_why);
    int judged = per_tp >= 0 ? per_tp : rep->running;
    if (judged < 0)
        judged = peildatum < cfg->programma_start
                     ? 0
                     : (int)pm_config_ntarget_periods(cfg) - 1;
    pm_targets t;
    rep->cfg_judged = *cfg;
    pm_config_target_period(cfg, (size_t)judged, &ctx->tp_from, &ctx->tp_to, &t);
    pm_config_set_targets(&rep->cfg_judged, &t);
    ctx->cfg = &rep->cfg_judged;
    rep->scope = (pm_scope){.cfg = &rep->cfg_judged,
                            .cfg_loaded = cfg,
                            .period = ctx->period,
                            .peildatum = ctx->peildatum,
                            .per_from = ctx->per_from,
                            .per_to = ctx->per_to,
                            .cum_from = ctx->cum_from,
                            .cum_to = ctx->cum_to,
                            .q_first = ctx->q_first,
                            .q_last = ctx->q_last};
    if (ctx->filter) {
        rep->scope.filter = *filter;
        rep->scope.filter_empty = snap->filter.count == 0;
    }

    /* From the earliest day any range or the peildatum needs; a week of
     * margin so a request's day before its range still has a number. */
    pm_day first = min_day(min_day(ctx->per_from, ctx->cum_from), peildatum) - 7;
    pm_error err = pm_calendar_build(&snap->cal, first, peildatum + CALENDAR_MARGIN,
                                     cfg->closed_days, cfg->nclosed);
    if (err) {
        snprintf(msg, msgsize, "de werkdagenkalender kan niet worden gemaakt");
        return err;
    }
    err = load_calendar(snap, msg, msgsize);

    if (!err && !snap->has_orgs) {
        err = pm_org_table_load(ctx, &snap->orgs, msg, msgsize);
        snap->has_orgs = !err;
    }
    if (!err)
        ctx->orgs = &snap->orgs;
    /* The shared table marks this report's set: one command may compute
     * several filters (dashboard --per) in one snapshot. */
    for (size_t i = 0; !err && i < snap->orgs.n; i++) {
        pm_org *o = &snap->orgs.orgs[i];
        o->in_filter = pm_orgset_contains(ctx->filter, o->regio, o->type, o->id);
    }
    /* The row counts the import keeps with the fingerprint's sums (check
     * compares them with the tables): count(*) would read every page of
     * an index of the 3M inzet rows. The kept columns are stamped with
     * the same sums. */
    pm_store_sums kept;
    bool has_kept = !err && pm_store_sums_read(snap->db, &kept, msg, msgsize) == PM_OK;
    for (size_t k = 0; k < PM_NKINDS && !err; k++)
        rep->rows[k] = has_kept
                           ? (long long)kept.count[k]
                           : pm_store_count(snap->db, pm_dataset_get((pm_kind)k)->name);
    if (!err && !snap->has_cols && !columns_disabled())
        err = load_columns(snap, has_kept ? &kept : NULL, msg, msgsize);
    if (!err && snap->has_cols)
        ctx->cols = &snap->cols;
    /* R3 under a filter reads its activity rows (only then: 32 MB at 1M). */
    if (!err && snap->has_cols && ctx->filter)
        pm_columns_load_activity(&snap->cols, snap->db);
    if (!err)
        err = read_reach(rep, snap->db, msg, msgsize);

    size_t n;
    pm_indicators(&n);
    if (!err) {
        rep->results = calloc(n, sizeof *rep->results);
        if (!rep->results)
            err = PM_ERR_NOMEM;
    }
    if (!err)
        err = run_all(ctx, rep->results, &rep->nresults, msg, msgsize);
    for (size_t i = 0; i < rep->nresults && !err; i++)
        err = pm_result_check_keys(&rep->results[i]);
    if (!err && peildatum >= cfg->programma_start)
        err = apply_target_periods(rep, ctx, cfg, per_tp, per_why, msg, msgsize);
    /* The cumulatief (figures and breakdowns) of a running target period
     * starts at its start: every exporter label and the disclosure rule
     * follow scope.cum_from. ctx keeps the programme start, which the
     * trend and the eerder figures count from. */
    if (!err && rep->running >= 0) {
        pm_day tp_to;
        pm_config_target_period(cfg, (size_t)rep->running, &rep->scope.cum_from, &tp_to,
                                NULL);
    }
    if (!err && eerder != EERDER_NONE)
        err = compute_eerder(rep, ctx, eerder == EERDER_UNFILTERED && ctx->filter, msg,
                             msgsize);
    for (size_t i = 0; !err && eerder == EERDER_NONE && i < rep->nresults; i++)
        for (size_t t = 0; t < rep->results[i].ntrend; t++)
            rep->results[i].trend[t].eerder = rep->results[i].trend[t].f;
    if (!err && ctx->filter)
        mark_filtered(rep);
    return err;
}

pm_error pm_report_compute(pm_report *rep, pm_snapshot *snap, const pm_config *cfg,
                           const pm_period *period, pm_day peildatum, char *msg,
                           size_t msgsize)
{
    return compute_report(rep, snap, cfg, period, peildatum, NULL, EERDER_ALL, msg,
                          msgsize);
}

pm_error pm_report_compute_filtered(pm_report *rep, pm_snapshot *snap,
                                    const pm_config *cfg, const pm_period *period,
                                    pm_day peildatum, const pm_filter *filter, char *msg,
                                    size_t msgsize)
{
    return compute_report(rep, snap, cfg, period, peildatum, filter, EERDER_ALL, msg,
                          msgsize);
}

pm_error pm_report_compute_extern_filtered(pm_report *rep, pm_snapshot *snap,
                                           const pm_config *cfg, const pm_period *period,
                                           pm_day peildatum, const pm_filter *filter,
                                           char *msg, size_t msgsize)
{
    return compute_report(rep, snap, cfg, period, peildatum, filter, EERDER_UNFILTERED,
                          msg, msgsize);
}

pm_error pm_report_compute_reference(pm_report *rep, pm_snapshot *snap,
                                     const pm_config *cfg, const pm_period *period,
                                     pm_day peildatum, const pm_filter *filter, char *msg,
                                     size_t msgsize)
{
    return compute_report(rep, snap, cfg, period, peildatum, filter, false, msg, msgsize);
}

/* The sampled proportions (SPEC §9): R1, R2 and R3's share count requests,
 * organisations or specialists that could have been others, so their
 * difference gets an interval. R4 and R5 count every milestone, R6 every
 * product and B every euro: their difference is exact. */
static bool is_sampled(const char *id)
{
    return strcmp(id, "R1") == 0 || strcmp(id, "R2") == 0 || strcmp(id, "R3") == 0;
}

/* The comparison of one indicator's periode figures `now` with `then`, the
 * comparison period's. before_start: the comparison period ended before
 * the programme began, so there is nothing to compare with. */
static void compare(const char *id, const pm_figures *now, const pm_figures *then,
                    bool before_start, pm_comparison *k)
{
    memset(k, 0, sizeof *k);
    k->present = true;
    k->f = *then;
    /* Hidden when either side is (extern under a filter): so is everything
     * computed from it. */
    k->suppress = now->suppress != PM_SUPPRESS_NONE ? now->suppress : then->suppress;
    if (before_start || k->suppress != PM_SUPPRESS_NONE)
        return;
    if (strcmp(id, "R6") == 0) {
        k->has_verschil = true;
        k->verschil = (double)(now->aantal - then->aantal);
        return;
    }
    if (!now->has_waarde || !then->has_waarde)
        return;
    k->has_verschil = true;
    k->verschil = now->waarde - then->waarde;
    if (is_sampled(id) && pm_newcombe(now->teller, now->noemer, then->teller,
                                      then->noemer, &k->lo, &k->hi)) {
        k->has_interval = true;
        k->significant = k->lo > 0.0 || k->hi < 0.0;
    }
}

pm_error pm_report_attach_comparison(pm_report *rep, const pm_report *cmp, pm_vergelijk v)
{
    rep->scope.vergelijk = v;
    rep->scope.vergelijk_period = cmp->scope.period;
    bool before_start = cmp->scope.period.end < rep->scope.cfg_loaded->programma_start;
    for (size_t i = 0; i < rep->nresults; i++) {
        pm_result *r = &rep->results[i];
        const pm_result *c = pm_report_find(cmp, r->id);
        if (c)
            compare(r->id, &r->periode, &c->periode, before_start, &r->vergelijking);
    }
    return PM_OK;
}

void pm_report_free(pm_report *rep)
{
    if (!rep)
        return;
    for (size_t i = 0; i < rep->nresults; i++)
        pm_result_free(&rep->results[i]);
    free(rep->results);
    pm_posts_free(rep->posten);
    free(rep->posten);
    pm_beheer_free(rep->beheer);
    free(rep->beheer);
    pm_bereik_free(rep->bereik);
    free(rep->bereik);
    free(rep->vorige);
    memset(rep, 0, sizeof *rep);
}
