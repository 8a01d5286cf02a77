/* beheer.c — the management section of the intern report (beheer.h): the
 * team with its hours, costs and scores, the requests still open on the
 * peildatum, and every milestone, read from the store in one snapshot. */
#include "beheer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beheer_compute.h"
#include "budget.h"
#include "calendar.h"

enum { PER, CUM };

static const char sql_team[] = "SELECT id, naam, rol, expertise, uurtarief_cent, start,"
                               " einde FROM specialisten ORDER BY id";
static const char sql_hours[] = "SELECT specialist, sum(uren_x100) FROM inzet"
                                " WHERE datum BETWEEN ?1 AND ?2 GROUP BY specialist";
/* Assigned: the request's own specialist field (SPEC §2), received in the
 * range; inzet by a colleague on it is help, not an assignment. */
static const char sql_assigned[] = "SELECT specialist, count(*) FROM hulpvragen"
                                   " WHERE specialist IS NOT NULL"
                                   "   AND ontvangen BETWEEN ?1 AND ?2"
                                   " GROUP BY specialist";
/* As R3 reads them: soort specialist, from a gemeente or SOB (r3.c). */
static const char sql_scores[] = "SELECT e.specialist, sum(e.score_x10), count(*)"
                                 " FROM evaluaties e"
                                 " JOIN organisaties o ON o.id = e.organisatie"
                                 " WHERE e.soort = 'specialist'"
                                 "   AND o.type IN ('gemeente', 'sob')"
                                 "   AND e.datum BETWEEN ?1 AND ?2"
                                 " GROUP BY e.specialist";
static const char sql_open[] =
    "SELECT h.id, h.ontvangen, h.eerste_contact, h.onderwerp, h.specialist, s.naam,"
    "  h.organisatie, o.naam"
    " FROM hulpvragen h"
    " LEFT JOIN specialisten s ON s.id = h.specialist"
    " LEFT JOIN organisaties o ON o.id = h.organisatie"
    " WHERE h.ontvangen <= ?1 AND (h.afgerond_op IS NULL OR h.afgerond_op > ?1)"
    " ORDER BY h.ontvangen, h.id";
static const char sql_milestones[] =
    "SELECT id, resultaat, omschrijving, gepland, gereed,"
    " bewijs FROM mijlpalen"
    " ORDER BY resultaat, gepland, id";

/* Room after the last date the calendar must number: a deadline is the
 * 5th working day, never more than a few weeks on. */
#define CAL_MARGIN 60

static char *dup_col(sqlite3_stmt *st, int col, bool *nomem)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    if (!t)
        return NULL;
    char *s = strdup(t);
    if (!s)
        *nomem = true;
    return s;
}

static pm_error nomem(char *msg, size_t msgsize)
{
    snprintf(msg, msgsize, "onvoldoende geheugen voor het beheerdeel");
    return PM_ERR_NOMEM;
}

/* Grows *arr (of *n elements of size sz, capacity *cap) by one zeroed
 * element; NULL when memory runs out. */
static void *grow(void **arr, size_t *n, size_t *cap, size_t sz)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        void *g = realloc(*arr, c * sz);
        if (!g)
            return NULL;
        *arr = g;
        *cap = c;
    }
    void *e = (char *)*arr + (*n)++ * sz;
    memset(e, 0, sz);
    return e;
}

void pm_beheer_free(pm_beheer *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->team.n; i++) {
        pm_team_member *m = &b->team.leden[i];
        free(m->id);
        free(m->naam);
        free(m->rol);
        free(m->expertise);
    }
    free(b->team.leden);
    for (size_t i = 0; i < b->open.n; i++) {
        pm_open_request *r = &b->open.rows[i];
        free(r->id);
        free(r->specialist_id);
        free(r->specialist);
        free(r->onderwerp);
        free(r->organisatie_id);
        free(r->organisatie);
    }
    free(b->open.rows);
    for (size_t i = 0; i < b->mijlpalen.n; i++) {
        pm_milestone_row *r = &b->mijlpalen.rows[i];
        free(r->id);
        free(r->resultaat);
        free(r->omschrijving);
        free(r->bewijs);
    }
    free(b->mijlpalen.rows);
    memset(b, 0, sizeof *b);
}

/* ---- the team ------------------------------------------------------------ */

static int compare_member(const void *key, const void *elem)
{
    return strcmp(key, ((const pm_team_member *)elem)->id);
}

static pm_team_member *find_member(pm_team *t, const char *id)
{
    return id ? bsearch(id, t->leden, t->n, sizeof *t->leden, compare_member) : NULL;
}

/* Runs a grouped query (specialist, a, [b]) over [from, to] and hands each
 * row to its member through add. */
typedef void (*add_fn)(pm_team_member *m, int range, sqlite3_stmt *st);

static pm_error per_member(const pm_context *ctx, pm_team *t, const char *sql, int range,
                           pm_day from, pm_day to, add_fn add, char *msg, size_t msgsize)
{
    if (from > to)
        return PM_OK;
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql, &st, msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, to);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pm_team_member *m = find_member(t, (const char *)sqlite3_column_text(st, 0));
        if (m)
            add(m, range, st);
    }
    if (rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return err;
}

static void add_hours(pm_team_member *m, int range, sqlite3_stmt *st)
{
    m->uren_x100[range] += sqlite3_column_int64(st, 1);
}

static void add_assigned(pm_team_member *m, int range, sqlite3_stmt *st)
{
    m->hulpvragen[range] += (long)sqlite3_column_int64(st, 1);
}

static void add_scores(pm_team_member *m, int range, sqlite3_stmt *st)
{
    m->score_sum_x10[range] += sqlite3_column_int64(st, 1);
    m->score_n[range] += (long)sqlite3_column_int64(st, 2);
}

/* The costs of each member in one range, in cents that add up to B's
 * inhuur realisatie of that range: B sums hours × rate in 1/100 cent and
 * rounds the sum once (b.c), so the members' shares are rounded by largest
 * remainder to that same total. */
static pm_error team_costs(pm_team *t, int range)
{
    if (t->n == 0)
        return PM_OK;
    double *exact = malloc(t->n * sizeof *exact);
    int64_t *cents = malloc(t->n * sizeof *cents);
    if (!exact || !cents) {
        free(exact);
        free(cents);
        return PM_ERR_NOMEM;
    }
    int64_t sum = 0;
    for (size_t i = 0; i < t->n; i++) {
        int64_t x100 = t->leden[i].uren_x100[range] * t->leden[i].uurtarief_cent;
        exact[i] = (double)x100 / 100.0;
        sum += x100;
    }
    t->kosten_cent[range] = (sum + 50) / 100; /* hours and rates are positive */
    pm_budget_apportion(exact, t->n, t->kosten_cent[range], cents);
    for (size_t i = 0; i < t->n; i++)
        t->leden[i].kosten_cent[range] = cents[i];
    free(exact);
    free(cents);
    return PM_OK;
}

static pm_error load_team(const pm_context *ctx, const pm_report *rep, pm_team *t,
                          char *msg, size_t msgsize)
{
    const pm_scope *sc = &rep->scope;
    t->uurtarief_max_cent = sc->cfg_loaded->uurtarief_max_cent;
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_team, &st, msg, msgsize);
    if (err)
        return err;
    size_t cap = 0;
    bool oom = false;
    int rc;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        pm_team_member *m = grow((void **)&t->leden, &t->n, &cap, sizeof *m);
        if (!m) {
            oom = true;
            break;
        }
        m->id = dup_col(st, 0, &oom);
        m->naam = dup_col(st, 1, &oom);
        m->rol = dup_col(st, 2, &oom);
        m->expertise = dup_col(st, 3, &oom);
        m->uurtarief_cent = sqlite3_column_int64(st, 4);
        m->boven_max = m->uurtarief_cent > t->uurtarief_max_cent;
        m->start = (pm_day)sqlite3_column_int64(st, 5);
        m->einde = sqlite3_column_type(st, 6) == SQLITE_NULL
                       ? 0
                       : (pm_day)sqlite3_column_int64(st, 6);
    }
    if (!oom && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    if (oom)
        return nomem(msg, msgsize);
    pm_day from[2] = {sc->per_from, sc->cum_from}, to[2] = {sc->per_to, sc->cum_to};
    for (int r = PER; r <= CUM && !err; r++) {
        err = per_member(ctx, t, sql_hours, r, from[r], to[r], add_hours, msg, msgsize);
        if (!err)
            err = per_member(ctx, t, sql_assigned, r, from[r], to[r], add_assigned, msg,
                             msgsize);
        if (!err)
            err = per_member(ctx, t, sql_scores, r, from[r], to[r], add_scores, msg,
                             msgsize);
    }
    /* The team on the peildatum: who had started, and anyone who left but
     * still counts in the cumulative figures. */
    size_t keep = 0;
    for (size_t i = 0; !err && i < t->n; i++) {
        pm_team_member *m = &t->leden[i];
        bool counts = m->uren_x100[CUM] || m->hulpvragen[CUM] || m->score_n[CUM] ||
                      m->uren_x100[PER] || m->hulpvragen[PER] || m->score_n[PER];
        if (m->start <= sc->peildatum || counts) {
            t->leden[keep++] = *m;
        } else {
            free(m->id);
            free(m->naam);
            free(m->rol);
            free(m->expertise);
        }
    }
    if (!err)
        t->n = keep;
    for (int r = PER; r <= CUM && !err; r++) {
        if (team_costs(t, r))
            return nomem(msg, msgsize);
        for (size_t i = 0; i < t->n; i++) {
            t->uren_x100[r] += t->leden[i].uren_x100[r];
            t->hulpvragen[r] += t->leden[i].hulpvragen[r];
            t->score_sum_x10[r] += t->leden[i].score_sum_x10[r];
            t->score_n[r] += t->leden[i].score_n[r];
        }
    }
    return err;
}

/* ---- open requests and milestones ----------------------------------------- */

static pm_error load_open(const pm_context *ctx, pm_day peildatum, pm_open *o, char *msg,
                          size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_open, &st, msg, msgsize);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, peildatum);
    size_t cap = 0;
    bool oom = false;
    int rc;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        pm_open_request *r = grow((void **)&o->rows, &o->n, &cap, sizeof *r);
        if (!r) {
            oom = true;
            break;
        }
        r->id = dup_col(st, 0, &oom);
        r->ontvangen = (pm_day)sqlite3_column_int64(st, 1);
        if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
            pm_day c = (pm_day)sqlite3_column_int64(st, 2);
            r->eerste_contact = c <= peildatum ? c : 0;
        }
        r->onderwerp = dup_col(st, 3, &oom);
        r->specialist_id = dup_col(st, 4, &oom);
        r->specialist = dup_col(st, 5, &oom);
        r->organisatie_id = dup_col(st, 6, &oom);
        r->organisatie = dup_col(st, 7, &oom);
    }
    if (!oom && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return oom ? nomem(msg, msgsize) : err;
}

static pm_error load_milestones(const pm_context *ctx, pm_day peildatum,
                                pm_milestone_list *l, char *msg, size_t msgsize)
{
    sqlite3_stmt *st = NULL;
    pm_error err = pm_prepare(ctx, sql_milestones, &st, msg, msgsize);
    if (err)
        return err;
    size_t cap = 0;
    bool oom = false;
    int rc;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        pm_milestone_row *r = grow((void **)&l->rows, &l->n, &cap, sizeof *r);
        if (!r) {
            oom = true;
            break;
        }
        r->id = dup_col(st, 0, &oom);
        r->resultaat = dup_col(st, 1, &oom);
        r->omschrijving = dup_col(st, 2, &oom);
        r->gepland = (pm_day)sqlite3_column_int64(st, 3);
        if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
            pm_day g = (pm_day)sqlite3_column_int64(st, 4);
            r->gereed = g <= peildatum ? g : 0; /* known on the peildatum */
        }
        r->bewijs = dup_col(st, 5, &oom);
    }
    if (!oom && rc != SQLITE_DONE)
        err = pm_sql_error(ctx, msg, msgsize);
    sqlite3_finalize(st);
    return oom ? nomem(msg, msgsize) : err;
}

/* Working days in (from, to] on cal, 0 when to is not after from. */
static int workdays(const pm_calendar *cal, pm_day from, pm_day to)
{
    return to > from ? pm_calendar_workdays_between(cal, from, to) : 0;
}

/* The calendar over every date the open list and the milestones number,
 * then the working days and deadlines from it. */
static pm_error number_days(const pm_config *cfg, pm_day peildatum, pm_beheer *b,
                            char *msg, size_t msgsize)
{
    pm_day first = peildatum, last = peildatum;
    for (size_t i = 0; i < b->open.n; i++)
        if (b->open.rows[i].ontvangen < first)
            first = b->open.rows[i].ontvangen;
    for (size_t i = 0; i < b->mijlpalen.n; i++) {
        pm_milestone_row *r = &b->mijlpalen.rows[i];
        if (r->gepland < first)
            first = r->gepland;
        if (r->gepland > last)
            last = r->gepland;
    }
    pm_calendar cal = {0};
    pm_error err = pm_calendar_build(&cal, first - 7, last + CAL_MARGIN, cfg->closed_days,
                                     cfg->nclosed);
    if (err) {
        snprintf(msg, msgsize, "de werkdagenkalender kan niet worden gemaakt");
        return err;
    }
    for (size_t i = 0; i < b->open.n; i++) {
        pm_open_request *r = &b->open.rows[i];
        r->werkdagen_open = workdays(&cal, r->ontvangen, peildatum);
        r->termijn = pm_calendar_deadline(&cal, r->ontvangen, 5);
        r->termijn_verstreken = !r->eerste_contact && peildatum > r->termijn;
        b->open.zonder_contact_na_termijn += r->termijn_verstreken;
        b->open.langer_dan_20 += r->werkdagen_open > PM_OPEN_LONG_WORKDAYS;
    }
    for (size_t i = 0; i < b->mijlpalen.n; i++) {
        pm_milestone_row *r = &b->mijlpalen.rows[i];
        pm_day end = r->gereed ? r->gereed : peildatum;
        r->te_laat = end > r->gepland;
        r->werkdagen_te_laat = workdays(&cal, r->gepland, end);
    }
    pm_calendar_free(&cal);
    return PM_OK;
}

pm_error pm_beheer_compute(pm_beheer *out, pm_snapshot *snap, const pm_report *rep,
                           char *msg, size_t msgsize)
{
    memset(out, 0, sizeof *out);
    const pm_context *ctx = &snap->ctx;
    const pm_scope *sc = &rep->scope;
    out->per_from = sc->per_from;
    out->per_to = sc->per_to;
    out->cum_from = sc->cum_from;
    out->cum_to = sc->cum_to;
    out->peildatum = sc->peildatum;
    pm_error err = load_team(ctx, rep, &out->team, msg, msgsize);
    if (!err)
        err = load_open(ctx, sc->peildatum, &out->open, msg, msgsize);
    if (!err)
        err = load_milestones(ctx, sc->peildatum, &out->mijlpalen, msg, msgsize);
    if (!err)
        err = number_days(sc->cfg_loaded, sc->peildatum, out, msg, msgsize);
    return err;
}
