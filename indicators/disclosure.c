/* disclosure.c — primary and secondary suppression of extern breakdown cells
 * and the extern rule for means (SPEC §6), decided exactly.
 *
 * The attacker of SPEC §6 knows each table's total, its published cells,
 * that a primary cell holds 1 .. min_cell-1 and a secondary one at least
 * min_cell, that 0 <= teller <= noemer, and that a periode cell lies inside
 * the cumulatief cell of the same key. Per hidden cell we compute what he
 * can still hold possible. A cell is (t, u): teller and the rest (noemer -
 * teller), with bounds on t, u and n = t + u. Such sets (normals e1, e2,
 * e1+e2, a totally unimodular system) add up exactly by adding their bounds,
 * so "the other hidden cells sum to S" is interval arithmetic, no search;
 * docs/DESIGN.md has the argument. */
#include "disclosure.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define INF (LONG_MAX / 8) /* no bound; sums of a few stay below LONG_MAX */

/* ---- bounds on one cell ------------------------------------------------ */

typedef struct box {
    long tlo, thi, ulo, uhi, nlo, nhi;
} box;

static const box open_box = {0, INF, 0, INF, 0, INF};

static long lmax(long a, long b)
{
    return a > b ? a : b;
}

static long lmin(long a, long b)
{
    return a < b ? a : b;
}

static long add_sat(long a, long b)
{
    return a >= INF || b >= INF ? INF : a + b;
}

static void box_meet(box *a, const box *b)
{
    a->tlo = lmax(a->tlo, b->tlo);
    a->thi = lmin(a->thi, b->thi);
    a->ulo = lmax(a->ulo, b->ulo);
    a->uhi = lmin(a->uhi, b->uhi);
    a->nlo = lmax(a->nlo, b->nlo);
    a->nhi = lmin(a->nhi, b->nhi);
}

/* Narrows each bound to what the other two allow (t = n - u, u = n - t,
 * n = t + u); afterwards every bound is attained. */
static void box_tighten(box *b)
{
    for (int k = 0; k < 3; k++) {
        b->tlo = lmax(b->tlo, b->nlo - b->uhi);
        b->thi = lmin(b->thi, b->nhi - b->ulo);
        b->ulo = lmax(b->ulo, b->nlo - b->thi);
        b->uhi = lmin(b->uhi, b->nhi - b->tlo);
        b->nlo = lmax(b->nlo, b->tlo + b->ulo);
        b->nhi = lmin(b->nhi, add_sat(b->thi, b->uhi));
    }
}

static box point_box(long t, long n)
{
    box b = {t, t, n - t, n - t, n, n};
    return b;
}

/* ---- one table ---------------------------------------------------------- */

typedef struct forced {
    bool n, t, r;
} forced;

typedef struct dc_cell {
    const char *key;
    long n, t;
    pm_suppress mark;
    box outer;     /* bounds the partner table gives */
    bool in0, in1; /* a published cell containing it is at 0% / 100% */
    box base;      /* scratch: the cell's own bounds */
    box feas;      /* what the attacker can still hold possible */
    forced fixed;  /* what the published totals fix even with every
                      non-empty cell of both tables hidden */
} dc_cell;

static bool is_hidden(const dc_cell *c)
{
    return c->mark != PM_SUPPRESS_NONE;
}

/* Fills feas of every hidden cell from its own bounds, its partner's
 * (outer) and the table total. */
static void analyse(dc_cell *c, size_t k, pm_table_kind kind, int m)
{
    long st = 0, su = 0;
    for (size_t i = 0; i < k; i++) {
        if (!is_hidden(&c[i]))
            continue;
        box b = open_box;
        if (c[i].mark == PM_SUPPRESS_PRIMAIR) {
            b.nlo = 1;
            b.nhi = m - 1;
        } else {
            b.nlo = m;
        }
        if (kind == PM_TABLE_COUNT)
            b.ulo = b.uhi = 0;
        box_meet(&b, &c[i].outer);
        box_tighten(&b);
        c[i].base = b;
        st += c[i].t;
        su += c[i].n - c[i].t;
    }
    for (size_t i = 0; i < k; i++) {
        if (!is_hidden(&c[i]))
            continue;
        box o = {0, 0, 0, 0, 0, 0};
        for (size_t j = 0; j < k; j++) {
            if (j == i || !is_hidden(&c[j]))
                continue;
            o.tlo += c[j].base.tlo;
            o.ulo += c[j].base.ulo;
            o.nlo += c[j].base.nlo;
            o.thi = add_sat(o.thi, c[j].base.thi);
            o.uhi = add_sat(o.uhi, c[j].base.uhi);
            o.nhi = add_sat(o.nhi, c[j].base.nhi);
        }
        box f = c[i].base;
        box rest = {st - o.thi, st - o.tlo,      su - o.uhi,
                    su - o.ulo, st + su - o.nhi, st + su - o.nlo};
        box_meet(&f, &rest);
        box_tighten(&f);
        c[i].feas = f;
    }
}

static forced forced_of(const box *f, pm_table_kind kind)
{
    /* No possible value at all cannot happen for true figures; should it,
     * count it as a leak so that more is hidden rather than less. */
    if (f->nlo > f->nhi || f->tlo > f->thi || f->ulo > f->uhi) {
        forced all = {true, kind == PM_TABLE_RATE, kind == PM_TABLE_RATE};
        return all;
    }
    forced r = {f->nlo == f->nhi, false, false};
    if (kind == PM_TABLE_RATE) {
        r.t = f->tlo == f->thi;
        /* One point, or on the ray t = 0 or u = 0: a single proportion. */
        r.r = (r.t && f->ulo == f->uhi) || f->thi == 0 || f->uhi == 0;
    }
    return r;
}

/* Whether any hidden cell has a value the attacker can work out, other than
 * what a published containing cell at 0%/100% or the published totals on
 * their own already fix (no suppression can hide those). */
static bool table_leaks(dc_cell *c, size_t k, pm_table_kind kind, int m)
{
    analyse(c, k, kind, m);
    for (size_t i = 0; i < k; i++) {
        if (!is_hidden(&c[i]))
            continue;
        forced f = forced_of(&c[i].feas, kind);
        if (f.t && c[i].feas.thi == 0 && c[i].in0)
            f.t = f.r = false;
        if (f.r && c[i].feas.uhi == 0 && c[i].in1) {
            f.r = false;
            f.t = f.n; /* teller = noemer: known exactly when the noemer is */
        }
        if ((f.n && !c[i].fixed.n) || (f.t && !c[i].fixed.t) || (f.r && !c[i].fixed.r))
            return true;
    }
    return false;
}

/* Whether cell a comes before cell b as a secondary: smaller n, then key. */
static bool smaller(const dc_cell *a, const dc_cell *b)
{
    return a->n < b->n || (a->n == b->n && strcmp(a->key, b->key) < 0);
}

/* Adds secondary marks until no hidden cell leaks or nothing is left to
 * hide: each time the smallest cell (ties by key) that makes the table safe
 * on its own, else the smallest cell. Whether a mark was added. */
static bool protect(dc_cell *c, size_t k, pm_table_kind kind, int m)
{
    bool added = false;
    while (table_leaks(c, k, kind, m)) {
        dc_cell *smallest = NULL, *enough = NULL;
        for (size_t i = 0; i < k; i++) {
            if (c[i].mark != PM_SUPPRESS_NONE || c[i].n == 0)
                continue;
            if (!smallest || smaller(&c[i], smallest))
                smallest = &c[i];
            if (enough && !smaller(&c[i], enough))
                continue;
            c[i].mark = PM_SUPPRESS_SECUNDAIR;
            if (!table_leaks(c, k, kind, m))
                enough = &c[i];
            c[i].mark = PM_SUPPRESS_NONE;
        }
        dc_cell *pick = enough ? enough : smallest;
        if (!pick)
            break;
        pick->mark = PM_SUPPRESS_SECUNDAIR;
        added = true;
    }
    analyse(c, k, kind, m);
    return added;
}

static void set_totals(dc_cell *c, size_t k)
{
    long t = 0, n = 0;
    for (size_t i = 0; i < k; i++) {
        t += c[i].t;
        n += c[i].n;
    }
    for (size_t i = 0; i < k; i++) {
        c[i].in0 = n > 0 && t == 0;
        c[i].in1 = n > 0 && t == n;
    }
}

static void mark_primary(dc_cell *c, size_t k, int m)
{
    for (size_t i = 0; i < k; i++)
        if (c[i].n >= 1 && c[i].n < m)
            c[i].mark = PM_SUPPRESS_PRIMAIR;
}

void pm_disclosure_table(pm_cell *cells, size_t ncells, pm_table_kind kind, int min_cell)
{
    dc_cell *c = calloc(ncells ? ncells : 1, sizeof *c);
    if (!c) {
        /* Without memory to decide, hide every non-empty small-or-not cell. */
        for (size_t i = 0; i < ncells; i++)
            cells[i].suppress = cells[i].n > 0 ? PM_SUPPRESS_SECUNDAIR : PM_SUPPRESS_NONE;
        return;
    }
    for (size_t i = 0; i < ncells; i++) {
        c[i].key = cells[i].key;
        c[i].n = cells[i].n;
        c[i].t = kind == PM_TABLE_COUNT ? cells[i].n : (long)cells[i].teller;
        c[i].outer = open_box;
    }
    /* What the total fixes with every non-empty cell hidden. */
    for (size_t i = 0; i < ncells; i++)
        if (c[i].n > 0)
            c[i].mark = c[i].n < min_cell ? PM_SUPPRESS_PRIMAIR : PM_SUPPRESS_SECUNDAIR;
    analyse(c, ncells, kind, min_cell);
    for (size_t i = 0; i < ncells; i++) {
        c[i].fixed =
            c[i].n > 0 ? forced_of(&c[i].feas, kind) : (forced){false, false, false};
        c[i].mark = PM_SUPPRESS_NONE;
        c[i].feas = open_box;
    }
    set_totals(c, ncells);
    mark_primary(c, ncells, min_cell);
    protect(c, ncells, kind, min_cell);
    for (size_t i = 0; i < ncells; i++)
        cells[i].suppress = c[i].mark;
    free(c);
}

/* ---- a breakdown: periode and cumulatief together ------------------------ */

/* How a periode cell relates to its cumulatief cell when the periode lies
 * inside the cumulatief range. R1's requests and the histograms' counts
 * only grow (teller and rest both); R2's organisations too, but an
 * organisation's satisfaction may differ per range, so only its noemer. */
typedef enum pair_rule { PAIR_N, PAIR_TU } pair_rule;

typedef struct table_rule {
    const char *id, *key;
    pm_table_kind kind;
    pair_rule pair;
} table_rule;

static const table_rule rules[] = {
    {"R1", "regio", PM_TABLE_RATE, PAIR_TU},
    {"R1", "type", PM_TABLE_RATE, PAIR_TU},
    {"R1", "onderwerp", PM_TABLE_RATE, PAIR_TU},
    {"R1", "werkdagen", PM_TABLE_COUNT, PAIR_TU},
    {"R2", "regio", PM_TABLE_RATE, PAIR_N},
    {"R2", "type", PM_TABLE_RATE, PAIR_N},
    {"R2", "scores", PM_TABLE_COUNT, PAIR_TU},
};

/* R1's days distribution: "meer_dan_5" is the indicator's late count
 * (noemer - teller) and "lopend" its pending count (all - noemer), both
 * published already; only "0" .. "5" (summing to the teller) are a group. */
static bool outside_group(const char *id, const pm_breakdown *b, const pm_cell *c)
{
    return strcmp(id, "R1") == 0 && strcmp(b->key, "werkdagen") == 0 &&
           (strcmp(c->key, "meer_dan_5") == 0 || strcmp(c->key, "lopend") == 0);
}

static box partner_box(const dc_cell *p)
{
    return p->mark == PM_SUPPRESS_NONE ? point_box(p->t, p->n) : p->feas;
}

/* Bounds of each cell of `to` from its partner in `from`: upper bounds for
 * the periode (inside), lower bounds for the cumulatief (around it). */
static void pair_bounds(dc_cell *to, const dc_cell *from, size_t k, pair_rule pair,
                        pm_table_kind kind, bool upper)
{
    for (size_t i = 0; i < k; i++) {
        box p = partner_box(&from[i]);
        box o = open_box;
        if (upper) {
            o.nhi = p.nhi;
            if (pair == PAIR_TU) {
                o.thi = p.thi;
                o.uhi = p.uhi;
            }
        } else {
            o.nlo = p.nlo;
            if (pair == PAIR_TU) {
                o.tlo = p.tlo;
                o.ulo = p.ulo;
            }
        }
        to[i].outer = o;
        /* A cumulatief cell at 0% or 100% contains the periode cell. */
        if (upper && pair == PAIR_TU && kind == PM_TABLE_RATE && from[i].n > 0) {
            to[i].in0 = to[i].in0 || p.thi == 0;
            to[i].in1 = to[i].in1 || p.uhi == 0;
        }
    }
}

static bool same_feas(const dc_cell *a, const box *saved, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (memcmp(&a[i].feas, &saved[i], sizeof *saved) != 0)
            return false;
    return true;
}

/* One breakdown's two tables: cells[0 .. k) the periode, cells[k .. 2k) the
 * cumulatief, same keys in the same order. */
typedef struct pair_tables {
    dc_cell *per, *cum;
    size_t k;
    table_rule rule;
    bool nested; /* the periode lies inside the cumulatief range */
    bool around; /* the cumulatief lies inside the periode range (a
                    follow-up target period inside a longer periode) */
    int m;
    box *saved; /* 2k entries of scratch */
} pair_tables;

/* Runs both tables to a fixed point: each is analysed (with protect: also
 * given secondary marks) with the bounds its partner gives. Whether a mark
 * was added. */
static bool settle(pair_tables *p, bool with_marks)
{
    bool any = false;
    size_t k = p->k;
    for (size_t round = 0; round < 2 * k + 4; round++) {
        for (size_t j = 0; j < k; j++) {
            p->saved[j] = p->per[j].feas;
            p->saved[k + j] = p->cum[j].feas;
        }
        bool added = false;
        set_totals(p->per, k);
        if (p->nested || p->around)
            pair_bounds(p->per, p->cum, k, p->rule.pair, p->rule.kind, p->nested);
        if (with_marks)
            added |= protect(p->per, k, p->rule.kind, p->m);
        else
            analyse(p->per, k, p->rule.kind, p->m);
        set_totals(p->cum, k);
        if (p->nested || p->around)
            pair_bounds(p->cum, p->per, k, p->rule.pair, p->rule.kind, p->around);
        if (with_marks)
            added |= protect(p->cum, k, p->rule.kind, p->m);
        else
            analyse(p->cum, k, p->rule.kind, p->m);
        any |= added;
        if (!(p->nested || p->around) || (!added && same_feas(p->per, p->saved, k) &&
                                          same_feas(p->cum, p->saved + k, k)))
            break;
    }
    return any;
}

/* Sets each cell's `fixed`: what an attacker would know if every non-empty
 * cell of both tables were hidden, i.e. what the published totals, the
 * empty categories and the partner relation fix by themselves. */
static pm_error set_fixed(pair_tables *p)
{
    size_t k = p->k;
    dc_cell *all = malloc(2 * (k ? k : 1) * sizeof *all);
    if (!all)
        return PM_ERR_NOMEM;
    memcpy(all, p->per, 2 * k * sizeof *all);
    for (size_t i = 0; i < 2 * k; i++) {
        if (all[i].n > 0)
            all[i].mark = all[i].n < p->m ? PM_SUPPRESS_PRIMAIR : PM_SUPPRESS_SECUNDAIR;
        all[i].outer = all[i].feas = open_box;
    }
    pair_tables q = *p;
    q.per = all;
    q.cum = all + k;
    settle(&q, false);
    for (size_t i = 0; i < 2 * k; i++)
        p->per[i].fixed = all[i].n > 0 ? forced_of(&all[i].feas, p->rule.kind)
                                       : (forced){false, false, false};
    free(all);
    return PM_OK;
}

static pm_error protect_breakdown(const pm_report *rep, const pm_result *r,
                                  pm_breakdown *b, int m)
{
    table_rule rule = {r->id, b->key, PM_TABLE_RATE, PAIR_N};
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].id, r->id) == 0 && strcmp(rules[i].key, b->key) == 0)
            rule = rules[i];
    size_t k = 0, cap = b->ncells ? b->ncells : 1;
    size_t *idx = malloc(cap * sizeof *idx);
    dc_cell *cell = calloc(2 * cap, sizeof *cell);
    box *saved = calloc(2 * cap, sizeof *saved);
    pm_error err = idx && cell && saved ? PM_OK : PM_ERR_NOMEM;
    for (size_t i = 0; !err && i < b->ncells; i++)
        if (!outside_group(r->id, b, &b->periode[i]))
            idx[k++] = i;
    pair_tables p = {cell, cell + k, k, rule, false, false, m, saved};
    for (size_t j = 0; !err && j < k; j++) {
        for (int rg = 0; rg < 2; rg++) {
            const pm_cell *src = rg == 0 ? &b->periode[idx[j]] : &b->cumulatief[idx[j]];
            dc_cell *d = rg == 0 ? &p.per[j] : &p.cum[j];
            d->key = src->key;
            d->n = src->n;
            d->t = rule.kind == PM_TABLE_COUNT ? src->n : (long)src->teller;
            d->outer = open_box;
            d->feas = open_box; /* nothing known of a partner before its analysis */
        }
    }
    /* The periode lies inside the cumulatief unless it starts before the
     * programme; even then, when every cell keeps the relation (no rows
     * before the start), assume an attacker knows it: a true constraint can
     * only make us hide more. */
    p.nested = rep->scope.per_from >= rep->scope.cum_from;
    /* In a follow-up target period the cumulatief starts at its start: a
     * periode from before it through the peildatum holds it. (Before the
     * programme start the rule above stands, as it always did.) */
    p.around = !p.nested && rep->scope.per_to >= rep->scope.cum_to &&
               rep->scope.cum_from > rep->scope.cfg_loaded->programma_start;
    for (size_t j = 0; !err && j < k && !p.nested && !p.around; j++) {
        bool inside = p.per[j].n <= p.cum[j].n;
        if (rule.pair == PAIR_TU)
            inside = inside && p.per[j].t <= p.cum[j].t &&
                     p.per[j].n - p.per[j].t <= p.cum[j].n - p.cum[j].t;
        if (!inside)
            break;
        p.nested = j + 1 == k;
    }
    if (!err)
        err = set_fixed(&p);
    if (!err) {
        mark_primary(p.per, k, m);
        mark_primary(p.cum, k, m);
        settle(&p, true);
        for (size_t j = 0; j < k; j++) {
            b->periode[idx[j]].suppress = p.per[j].mark;
            b->cumulatief[idx[j]].suppress = p.cum[j].mark;
        }
        b->disclosure_done = true;
    }
    free(idx);
    free(cell);
    free(saved);
    return err;
}

/* ---- means ---------------------------------------------------------------- */

static bool mean_too_thin(long n, long orgs, int m)
{
    return n > 0 && (n < m || orgs < PM_MEAN_MIN_ORGS);
}

static void hide_mean(pm_figures *f)
{
    if (!f->has_gemiddelde)
        return;
    f->has_gemiddelde = false;
    f->gemiddelde = 0.0;
    f->gemiddelde_onderdrukt = true;
    f->status = f->status_zonder_gemiddelde;
    /* A verdict must not tell what the hidden mean was either. */
    if (f->has_oordeel)
        f->oordeel = f->oordeel_zonder_gemiddelde;
}

/* Whether the periode is exactly a run of whole trend quarters, so that its
 * mean is a sum of trend points and tells nothing they do not. */
static bool periode_on_quarters(const pm_report *rep, const pm_result *r)
{
    bool start = false, end = false;
    for (size_t i = 0; i < r->ntrend; i++) {
        start = start || r->trend[i].f.from == rep->scope.per_from;
        end = end || r->trend[i].f.to == rep->scope.per_to;
    }
    return start && end;
}

/* SPEC §6: a mean only on >= min_cell evaluations from >= 3 organisations.
 * The published means must not give a thin one by difference either: the
 * cumulatief minus the periode (its rest is checked as a mean of its own),
 * and the trend points, which add up to the cumulatief (all or none). */
static void protect_means(const pm_report *rep, pm_result *r, int m)
{
    pm_figures *per = &r->periode, *cum = &r->cumulatief;
    bool any_mean = per->has_gemiddelde || cum->has_gemiddelde;
    for (size_t i = 0; i < r->ntrend; i++)
        any_mean = any_mean || r->trend[i].f.has_gemiddelde;
    if (!any_mean)
        return;
    bool hide_per = mean_too_thin(per->n_gemiddelde, per->n_gemiddelde_orgs, m);
    bool hide_cum = mean_too_thin(cum->n_gemiddelde, cum->n_gemiddelde_orgs, m);
    bool nested = rep->scope.per_from >= rep->scope.cum_from;
    bool around = !nested && rep->scope.per_to >= rep->scope.cum_to &&
                  rep->scope.cum_from > rep->scope.cfg_loaded->programma_start;
    if (nested && !hide_per && !hide_cum &&
        mean_too_thin(cum->n_rest_gemiddelde, cum->n_rest_gemiddelde_orgs, m))
        hide_per = true; /* the smaller of the two goes */
    /* The other way round the rest's organisations are not counted: any
     * rest is treated as thin, and the smaller (the cumulatief) goes. */
    if (around && !hide_per && !hide_cum &&
        mean_too_thin(per->n_gemiddelde - cum->n_gemiddelde, 0, m))
        hide_cum = true;
    bool hide_trend = !periode_on_quarters(rep, r);
    for (size_t i = 0; i < r->ntrend; i++)
        hide_trend = hide_trend || mean_too_thin(r->trend[i].f.n_gemiddelde,
                                                 r->trend[i].f.n_gemiddelde_orgs, m);
    if (hide_per)
        hide_mean(per);
    if (hide_cum)
        hide_mean(cum);
    for (size_t i = 0; hide_trend && i < r->ntrend; i++)
        hide_mean(&r->trend[i].f);
    /* A recomputed eerder mean differs from the point's own by the
     * evaluations registered late, which may be one or two: never shown in
     * extern. "Herzien" then rests on the counts and the status by the
     * milestones alone, which hide nothing. A sent figure was published. */
    for (size_t i = 0; i < r->ntrend; i++) {
        pm_trend_point *p = &r->trend[i];
        if (p->eerder_verzonden || !p->eerder.has_gemiddelde)
            continue;
        hide_mean(&p->eerder);
        p->herzien = p->f.teller != p->eerder.teller || p->f.noemer != p->eerder.noemer ||
                     p->f.status_zonder_gemiddelde != p->eerder.status_zonder_gemiddelde;
    }
    /* An eindstand's mean is the periode mean of its own range: hidden when
     * thin, and with any other mean hidden here, since it adds up with the
     * trend points and differs from the cumulatief by a periode. */
    for (size_t i = 0; i < r->neindstanden; i++) {
        pm_figures *e = &r->eindstanden[i].f;
        if (hide_per || hide_cum || hide_trend ||
            mean_too_thin(e->n_gemiddelde, e->n_gemiddelde_orgs, m))
            hide_mean(e);
    }
    r->status = cum->status;
}

pm_error pm_disclosure_apply(pm_report *rep, int min_cell)
{
    for (size_t i = 0; i < rep->nresults; i++) {
        pm_result *r = &rep->results[i];
        for (size_t j = 0; j < r->nbreakdowns; j++) {
            pm_breakdown *b = &r->breakdowns[j];
            if (!b->counts_people || b->personal)
                continue;
            pm_error err = protect_breakdown(rep, r, b, min_cell);
            if (err)
                return err;
        }
        protect_means(rep, r, min_cell);
    }
    return PM_OK;
}
