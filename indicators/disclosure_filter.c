/* disclosure_filter.c — extern disclosure control of the figures computed
 * under an organisation filter (SPEC §6, §9): a filtered figure shows
 * exactly what the national extern report shows for the same organisations,
 * or is hidden like a small cell; docs/DESIGN.md has the argument.
 *
 * A regio or type filter (or a union of them) is a set of the national
 * report's regio or type cells: the figure follows their marks, so any set
 * of regional files tells nothing the national report does not. A regio
 * AND type intersection is no national cell: it is shown only when the
 * whole regio × type table needs no suppression. R3 has no national cell:
 * hidden when small. The trend and the breakdowns of a filtered indicator
 * are never shown (they would be 2-D tables with published margins, which
 * this engine does not protect). */
#include "disclosure.h"

#include <stdlib.h>
#include <string.h>

/* The number of observations behind a filtered figure: requests whose
 * term has passed (R1), rated organisations (R2), rated specialists (R3). */
static long observations(const pm_figures *f)
{
    return f->noemer > 0 ? (long)(f->noemer + 0.5) : 0;
}

static bool small(long n, int m)
{
    return n >= 1 && n < m;
}

/* The figure as hidden: everything computed from it goes, so no exporter
 * can show it by mistake (R3 keeps its active count, which is no share of
 * anyone, outside the trend). */
static void hide(pm_figures *f, pm_suppress why, bool keep_actief)
{
    if (why == PM_SUPPRESS_NONE)
        return;
    f->suppress = why;
    f->teller = 0;
    f->noemer = 0;
    f->has_waarde = false;
    f->waarde = 0;
    f->has_interval = false;
    f->lo = f->hi = 0;
    f->status = PM_GRIJS;
    f->status_zonder_gemiddelde = PM_GRIJS;
    f->niet_beoordeeld = 0;
    if (!keep_actief)
        f->actief = 0;
    if (f->has_oordeel)
        f->oordeel = f->oordeel_zonder_gemiddelde = PM_OORDEEL_GEEN_GEGEVENS;
}

/* primair when the figure itself is small, else secundair. */
static pm_suppress why_hidden(const pm_figures *f, int m)
{
    return small(observations(f), m) ? PM_SUPPRESS_PRIMAIR : PM_SUPPRESS_SECUNDAIR;
}

static const pm_breakdown *find_breakdown(const pm_result *r, const char *key)
{
    for (size_t i = 0; r && i < r->nbreakdowns; i++)
        if (r->breakdowns[i].key && strcmp(r->breakdowns[i].key, key) == 0)
            return &r->breakdowns[i];
    return NULL;
}

static bool listed(const char *key, const char *const *list, size_t n)
{
    for (size_t i = 0; key && i < n; i++)
        if (list[i] && strcmp(list[i], key) == 0)
            return true;
    return false;
}

/* The national cells of one range that a filter list selects, summed; and
 * whether a selected cell, or a non-empty one outside, is hidden. */
typedef struct selection {
    bool found; /* the national breakdown exists */
    double teller, noemer;
    long n;
    bool hidden_in;  /* a selected cell is hidden */
    bool hidden_out; /* a non-empty cell outside the selection is hidden */
} selection;

static selection select_cells(const pm_result *nat, const char *bkey,
                              const char *const *list, size_t nlist, bool cumulatief,
                              int m)
{
    selection s = {0};
    const pm_breakdown *b = find_breakdown(nat, bkey);
    if (!b)
        return s;
    s.found = true;
    for (size_t i = 0; i < b->ncells; i++) {
        const pm_cell *c = cumulatief ? &b->cumulatief[i] : &b->periode[i];
        /* Without the national marks, at least its small cells are hidden. */
        bool hidden =
            b->disclosure_done ? c->suppress != PM_SUPPRESS_NONE : small(c->n, m);
        if (listed(c->key, list, nlist)) {
            s.teller += c->teller;
            s.noemer += c->noemer;
            s.n += c->n;
            s.hidden_in = s.hidden_in || hidden;
        } else if (c->n > 0) {
            s.hidden_out = s.hidden_out || hidden;
        }
    }
    return s;
}

static bool same_number(double a, double b)
{
    return a - b < 1e-9 && b - a < 1e-9;
}

/* (a) The filter is a union of national cells of one breakdown: hidden
 * when the national report hides one of them, unless the union is what is
 * left of the published total after published cells (then the national
 * report gives it already). A figure that is not the cells' sum (should
 * the two computations ever differ) is hidden: in doubt, hide. */
static pm_suppress rule_cells(const pm_figures *f, const pm_result *nat, const char *bkey,
                              const char *const *list, size_t nlist, bool cumulatief,
                              int m)
{
    selection s = select_cells(nat, bkey, list, nlist, cumulatief, m);
    if (!s.found || !same_number(s.teller, f->teller) ||
        !same_number(s.noemer, f->noemer))
        return why_hidden(f, m);
    if (small(observations(f), m))
        return PM_SUPPRESS_PRIMAIR;
    if (s.hidden_in && s.hidden_out)
        return PM_SUPPRESS_SECUNDAIR;
    return PM_SUPPRESS_NONE;
}

/* (b) regio AND type: no national cell, but a sum of cells of the regio ×
 * type table whose margins (the national regio and type cells) are
 * published. Rules per intersection (small, or a small rest beside it) do
 * not protect that table: the gemeenten of five regios, subtracted from the
 * national gemeente cell, give the sixth. So an intersection is shown only
 * when the whole table, in both ranges, needs no suppression: every margin
 * shown and every cell 0 or at least min_cell. Then nothing in it is hidden
 * and nothing can be worked out; else every intersection is hidden. The
 * table's columns are the regio breakdowns of the reports filtered on one
 * type each (`columns`); without them, hidden. */
typedef struct cross {
    const pm_report *columns;
    size_t ncolumns;
} cross;

static const pm_result *column_of(const cross *x, const char *type, const char *id)
{
    for (size_t k = 0; k < x->ncolumns; k++) {
        const pm_filter *cf = &x->columns[k].scope.filter;
        if (cf->ntypes == 1 && !cf->nregios && !cf->norgs && cf->types[0] &&
            strcmp(cf->types[0], type) == 0)
            return pm_report_find(&x->columns[k], id);
    }
    return NULL;
}

/* Whether every non-empty cell of a national breakdown is shown. */
static bool margin_shown(const pm_breakdown *b, bool cumulatief)
{
    for (size_t i = 0; b && i < b->ncells; i++) {
        const pm_cell *c = cumulatief ? &b->cumulatief[i] : &b->periode[i];
        if (c->n > 0 && (!b->disclosure_done || c->suppress != PM_SUPPRESS_NONE))
            return false;
    }
    return b != NULL;
}

/* The index of the cell with this key in b, or b->ncells. */
static size_t cell_index(const pm_breakdown *b, const char *key)
{
    size_t i = 0;
    while (i < b->ncells && strcmp(b->periode[i].key, key) != 0)
        i++;
    return i;
}

/* Whether the table of one range needs no suppression, and the sum of the
 * cells the filter selects (its regios in its types). A type without a
 * column (opdrachtgevers, which no filter selects) is the rest of each
 * regio beside the columns: those rests follow from the published cells
 * too, so they must be 0 or at least m as well. rest: scratch, one per
 * national regio cell. */
static bool table_clean(const pm_result *nat, const pm_filter *flt, const cross *x,
                        bool cumulatief, int m, long *rest, double *teller,
                        double *noemer)
{
    const pm_breakdown *regios = find_breakdown(nat, "regio");
    const pm_breakdown *types = find_breakdown(nat, "type");
    if (!margin_shown(regios, cumulatief) || !margin_shown(types, cumulatief))
        return false;
    for (size_t i = 0; i < regios->ncells; i++)
        rest[i] = cumulatief ? regios->cumulatief[i].n : regios->periode[i].n;
    long rest_types = 0;
    for (size_t j = 0; j < types->ncells; j++) {
        const pm_cell *tc = cumulatief ? &types->cumulatief[j] : &types->periode[j];
        if (tc->n == 0)
            continue;
        const pm_breakdown *col = find_breakdown(column_of(x, tc->key, nat->id), "regio");
        if (!col) {
            rest_types += tc->n;
            continue;
        }
        bool in_type = listed(tc->key, flt->types, flt->ntypes);
        long sum = 0;
        for (size_t i = 0; i < col->ncells; i++) {
            const pm_cell *c = cumulatief ? &col->cumulatief[i] : &col->periode[i];
            size_t at = cell_index(regios, c->key);
            if (c->n == 0)
                continue;
            if (small(c->n, m) || at == regios->ncells)
                return false;
            sum += c->n;
            rest[at] -= c->n;
            if (in_type && listed(c->key, flt->regios, flt->nregios)) {
                *teller += c->teller;
                *noemer += c->noemer;
            }
        }
        /* A column that does not add up to its national cell is not the
         * table assumed: in doubt, hide. */
        if (sum != tc->n)
            return false;
    }
    long rests = 0;
    for (size_t i = 0; i < regios->ncells; i++) {
        if (rest[i] < 0 || small(rest[i], m))
            return false;
        rests += rest[i];
    }
    return rests == rest_types;
}

static pm_suppress rule_intersection(const pm_result *r, const pm_result *nat,
                                     const pm_filter *flt, const cross *x, int m)
{
    const pm_breakdown *regios = find_breakdown(nat, "regio");
    long *rest =
        regios ? calloc(regios->ncells ? regios->ncells : 1, sizeof *rest) : NULL;
    bool clean = rest != NULL; /* without memory to decide: hidden */
    for (int k = 0; clean && k < 2; k++) {
        const pm_figures *f = k ? &r->cumulatief : &r->periode;
        double t = 0, n = 0;
        clean = table_clean(nat, flt, x, k == 1, m, rest, &t, &n) &&
                same_number(t, f->teller) && same_number(n, f->noemer);
    }
    free(rest);
    return clean ? PM_SUPPRESS_NONE : PM_SUPPRESS_SECUNDAIR;
}

static bool is_filtered_id(const pm_result *r)
{
    return r->gefilterd || strcmp(r->id, "R1") == 0 || strcmp(r->id, "R2") == 0 ||
           strcmp(r->id, "R3") == 0;
}

typedef enum filter_kind { ONLY_CELLS, INTERSECTION, UNKNOWN_SET } filter_kind;

static pm_suppress decide(const pm_result *r, const pm_figures *f, const pm_result *nat,
                          const pm_filter *flt, filter_kind kind, const cross *x,
                          bool cumulatief, int m)
{
    if (kind == UNKNOWN_SET)
        return why_hidden(f, m);
    /* (c) R3 counts specialists, who work for several regios and types: no
     * national cell holds its figure. */
    if (strcmp(r->id, "R3") == 0)
        return small(observations(f), m) ? PM_SUPPRESS_PRIMAIR : PM_SUPPRESS_NONE;
    if (!nat)
        return why_hidden(f, m);
    if (kind == INTERSECTION) {
        if (small(observations(f), m))
            return PM_SUPPRESS_PRIMAIR;
        /* Both ranges at once: the periode lies inside the cumulatief and
         * neither is a national cell, so one hidden hides the other. */
        pm_suppress both = rule_intersection(r, nat, flt, x, m);
        return both ? why_hidden(f, m) : PM_SUPPRESS_NONE;
    }
    return flt->nregios
               ? rule_cells(f, nat, "regio", flt->regios, flt->nregios, cumulatief, m)
               : rule_cells(f, nat, "type", flt->types, flt->ntypes, cumulatief, m);
}

/* (e) An eindstand is the periode figure of its own range: it follows the
 * periode or cumulatief figure it equals (their marks per and cum), else it
 * is hidden (in doubt). */
static pm_suppress eindstand_mark(const pm_result *r, const pm_figures *e,
                                  pm_suppress per, pm_suppress cum, int m)
{
    const pm_figures *same[2] = {&r->periode, &r->cumulatief};
    pm_suppress mark[2] = {per, cum};
    for (int k = 0; k < 2; k++)
        if (same[k]->from == e->from && same[k]->to == e->to &&
            same_number(same[k]->teller, e->teller) &&
            same_number(same[k]->noemer, e->noemer))
            return mark[k];
    return why_hidden(e, m);
}

static void drop_breakdowns(pm_result *r)
{
    pm_result only = {0};
    only.breakdowns = r->breakdowns;
    only.nbreakdowns = r->nbreakdowns;
    pm_result_free(&only);
    r->breakdowns = NULL;
    r->nbreakdowns = 0;
}

static void filter_result(pm_result *r, const pm_result *nat, const pm_filter *flt,
                          filter_kind kind, const cross *x, int m)
{
    bool r3 = strcmp(r->id, "R3") == 0;
    pm_suppress per = decide(r, &r->periode, nat, flt, kind, x, false, m);
    pm_suppress cum = decide(r, &r->cumulatief, nat, flt, kind, x, true, m);
    if (kind == INTERSECTION && !r3 && (per || cum)) {
        if (!per)
            per = why_hidden(&r->periode, m);
        if (!cum)
            cum = why_hidden(&r->cumulatief, m);
    }
    for (size_t i = 0; i < r->neindstanden; i++) {
        pm_figures *e = &r->eindstanden[i].f;
        hide(e, eindstand_mark(r, e, per, cum, m), r3);
    }
    hide(&r->periode, per, r3);
    hide(&r->cumulatief, cum, r3);
    r->status = r->cumulatief.status;
    /* (d) The trend and the breakdowns: never shown for a filtered figure
     * (every point hidden; the tables left out). */
    for (size_t i = 0; i < r->ntrend; i++) {
        pm_trend_point *p = &r->trend[i];
        hide(&p->f, why_hidden(&p->f, m), false);
        hide(&p->eerder, why_hidden(&p->eerder, m), false);
        p->herzien = false;
    }
    drop_breakdowns(r);
}

pm_error pm_disclosure_filter(pm_report *filtered, const pm_report *national,
                              int min_cell)
{
    return pm_disclosure_filter_cross(filtered, national, NULL, 0, min_cell);
}

pm_error pm_disclosure_filter_cross(pm_report *filtered, const pm_report *national,
                                    const pm_report *columns, size_t ncolumns,
                                    int min_cell)
{
    cross x = {columns, ncolumns};
    const pm_filter *flt = &filtered->scope.filter;
    if (!pm_filter_active(flt))
        return PM_OK;
    filter_kind kind = UNKNOWN_SET;
    if (!flt->norgs && flt->nregios && flt->ntypes)
        kind = INTERSECTION;
    else if (!flt->norgs)
        kind = ONLY_CELLS;
    for (size_t i = 0; i < filtered->nresults; i++) {
        pm_result *r = &filtered->results[i];
        if (!is_filtered_id(r))
            continue;
        const pm_result *nat = national ? pm_report_find(national, r->id) : NULL;
        filter_result(r, nat, flt, kind, &x, min_cell);
    }
    return PM_OK;
}

void pm_disclosure_comparisons(pm_report *rep)
{
    for (size_t i = 0; i < rep->nresults; i++) {
        pm_result *r = &rep->results[i];
        pm_comparison *v = &r->vergelijking;
        if (!v->present)
            continue;
        /* The earlier figure keeps its own mark (its period's national
         * report shows it or not); the difference would tell the hidden
         * side from the shown one. */
        pm_suppress why = v->suppress           ? v->suppress
                          : r->periode.suppress ? r->periode.suppress
                                                : v->f.suppress;
        if (!why)
            continue;
        v->suppress = why;
        v->has_verschil = false;
        v->verschil = 0;
        v->has_interval = false;
        v->lo = v->hi = 0;
        v->significant = false;
    }
}
