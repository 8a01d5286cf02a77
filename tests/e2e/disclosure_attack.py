"""The attacker of SPEC §6, written from the published numbers only (not a
port of indicators/disclosure.c): given an extern JSON report, for every
breakdown of every indicator and both ranges, it finds every value each
suppressed cell's noemer, teller and proportion can still take, and lists
the cells where one of them has a single possible value.

What the attacker knows: the table's total (the indicator's teller and
noemer; for R1's days distribution the teller, which the cells 0..5 add up
to; for R2's histogram the number of evaluations, every cell's noemer), the
published cells, that an empty category is shown as 0, that a primary cell
holds 1 .. MIN_CELL-1 and a secondary one at least MIN_CELL, that
0 <= teller <= noemer, and that a periode cell lies inside the cumulatief
cell of the same key (R1: teller and rest both; R2 and the histograms: the
noemer/count) when the periode lies inside the cumulatief range.

Each table is solved exactly: a dynamic programme over the hidden cells with
the reachable (noemer-sum, teller-sum) pairs as a bitset; a cell's value is
possible when the other hidden cells can make up the rest. Across the
periode/cumulatief pair the partner's possible values first bound the cell
(run to a fixed point); then both tables are solved jointly and exactly (a
dynamic programme over the keys whose states are the four running sums,
each key's periode and cumulatief values chosen together under the
relation). Only where that would be too large does the relaxation stand
(it may miss a combined inference, never invent one); `stats` counts both.

Not a leak (SPEC §6): a proportion fixed at 0% or 100% by a published cell
that contains it (the table total, or for R1 the cumulatief cell of the same
key), and a value the published totals fix even when every non-empty cell of
the table is hidden (no suppression could hide it); those are counted
apart."""
from fractions import Fraction

# Per indicator and breakdown: kind ("rate": teller of noemer per cell;
# "count": a count of a known total) and how periode and cumulatief cells
# relate ("tu": teller and rest both grow; "n": only the noemer grows).
TABLES = {
    ("R1", "regio"): ("rate", "tu"),
    ("R1", "type"): ("rate", "tu"),
    ("R1", "onderwerp"): ("rate", "tu"),
    ("R1", "werkdagen"): ("count", "tu"),
    ("R2", "regio"): ("rate", "n"),
    ("R2", "type"): ("rate", "n"),
    ("R2", "scores"): ("count", "tu"),
}
# R1's late and pending counts: noemer - teller and all - noemer, published.
R1_OUTSIDE = ("meer_dan_5", "lopend")
BIG = 10 ** 9
stats = {}  # how many breakdowns were solved jointly, how many too large


class Cell:
    def __init__(self, key, status, n=None, t=None):
        self.key, self.status, self.n, self.t = key, status, n, t


def _status(c):
    if "onderdrukt" in c:
        # true: the old primary-only output, which also hid empty cells.
        return {"primair": "P", "secundair": "S", True: "P0"}.get(c["onderdrukt"], "?")
    return "empty" if c["n"] == 0 else "vis"


def _cells(raw, kind, skip=()):
    out = []
    for c in raw:
        if c["sleutel"] in skip:
            continue
        st = _status(c)
        if st in ("vis", "empty"):
            n = int(c["n"]) if kind == "count" else int(c["noemer"])
            t = n if kind == "count" else int(c["teller"])
            out.append(Cell(c["sleutel"], st, n, t))
        else:
            out.append(Cell(c["sleutel"], st))
    return out


def _table_total(ind, key, rng, raw):
    """(T, N) the table adds up to, or None when the attacker does not know."""
    fig = ind[rng]
    if ind["id"] == "R1" and key == "werkdagen":
        return int(fig["teller"]), int(fig["teller"])
    if key == "scores":
        shown = [c for c in raw if "noemer" in c]
        if not shown:
            return None
        n = int(shown[0]["noemer"])
        return n, n
    return int(fig["teller"]), int(fig["noemer"])


def solve(cells, total, kind, m, bounds, all_hidden=False):
    """{key: set of (n, t)} the attacker holds possible for each hidden cell,
    or None when the published figures admit no solution (a wrong model)."""
    T, N = total
    hidden = []
    Sn, St = N, T
    for c in cells:
        if c.status == "empty" or (c.status == "vis" and not (all_hidden and c.n > 0)):
            Sn -= c.n
            St -= c.t
        else:
            hidden.append(c)
    if Sn < 0 or St < 0 or St > Sn:
        return None
    if not hidden:
        return {}
    W = 2 * (St + 1)
    valid = 0
    row = (1 << (St + 1)) - 1
    for sn in range(Sn + 1):
        valid |= row << (sn * W)
    doms = []
    for c in hidden:
        b = bounds.get(c.key, {})
        if c.status in ("P", "P0"):
            nlo, nhi = (1 if c.status == "P" else 0), m - 1
        else:
            nlo, nhi = m, Sn
        nlo, nhi = max(nlo, b.get("nmin", 0)), min(nhi, b.get("nmax", BIG), Sn)
        pairs = []
        for n in range(nlo, nhi + 1):
            ts = range(0, n + 1) if kind == "rate" else [n]
            for t in ts:
                u = n - t
                if t > St or not (b.get("tmin", 0) <= t <= b.get("tmax", BIG)):
                    continue
                if not (b.get("umin", 0) <= u <= b.get("umax", BIG)):
                    continue
                pairs.append((n, t))
        doms.append(pairs)

    def add(bits, pairs):
        r = 0
        for n, t in pairs:
            r |= bits << (n * W + t)
        return r & valid

    out = {}
    for i, c in enumerate(hidden):
        others = 1
        for j, d in enumerate(doms):
            if j != i:
                others = add(others, d)
                if not others:
                    break
        out[c.key] = {(n, t) for n, t in doms[i]
                      if (others >> ((Sn - n) * W + (St - t))) & 1}
    return out


def _bounds_from(partner_cells, partner_feas, rel, upper):
    """Per key the bounds the partner table gives (see module comment)."""
    out = {}
    for c in partner_cells:
        if c.status in ("vis", "empty"):
            vals = {(c.n, c.t)}
        else:
            vals = partner_feas.get(c.key)
            if not vals:
                continue
        ns = [n for n, _ in vals]
        ts = [t for _, t in vals]
        us = [n - t for n, t in vals]
        b = {}
        if upper:
            b["nmax"] = max(ns)
            if rel == "tu":
                b["tmax"], b["umax"] = max(ts), max(us)
        else:
            b["nmin"] = min(ns)
            if rel == "tu":
                b["tmin"], b["umin"] = min(ts), min(us)
        out[c.key] = b
    return out


def _forced(vals, kind):
    ns = {n for n, _ in vals}
    ts = {t for _, t in vals}
    rs = {Fraction(t, n) for n, t in vals if n > 0}
    f = {"noemer": len(ns) == 1}
    if kind == "rate":
        f["teller"] = len(ts) == 1
        f["proportie"] = len(rs) == 1
    return f, ns, ts, rs


def _swap(d):
    return {"periode": d["cumulatief"], "cumulatief": d["periode"]}


def solve_pair(cells, totals, kind, rel, inner, m, problems, name, all_hidden=False):
    """The possible values of every hidden cell of both ranges, each table
    solved exactly with the partner's possible values as bounds, to a fixed
    point. inner: the range that lies inside the other ("periode",
    "cumulatief" in a follow-up target period whose periode starts before
    it, or None: no relation). all_hidden: as if every non-empty cell were
    hidden."""
    feas = {"periode": {}, "cumulatief": {}}
    bounds = {"periode": {}, "cumulatief": {}}
    view = cells
    if all_hidden:
        view = {rg: [Cell(c.key, "S" if c.n >= m else "P") if c.status == "vis" and c.n > 0
                     else c for c in cs] for rg, cs in cells.items()}
    for _ in range(6):
        before = repr(feas)
        for rg, other, upper in (("periode", "cumulatief", True),
                                 ("cumulatief", "periode", False)):
            if totals[rg] is None:
                continue
            bounds[rg] = _bounds_from(view[other], feas[other], rel, rg == inner) \
                if inner else {}
            f = solve(view[rg], totals[rg], kind, m, bounds[rg])
            if f is None:
                problems.append(f"{name} {rg}: no solution")
                f = {}
            feas[rg] = f
        if repr(feas) == before or not inner:
            break
    if inner and all(t is not None for t in totals.values()):
        # joint_refine takes the periode as the inner range: swap the two
        # when the cumulatief is the inner one.
        sw = _swap if inner == "cumulatief" else (lambda d: d)
        joint = joint_refine(sw(view), sw(totals), kind, rel, sw(feas))
        stats["joint" if joint is not None else "joint_skipped"] += 1
        if joint is not None:
            feas = sw(joint)
    return feas, bounds


def joint_refine(cells, totals, kind, rel, feas, limit=400000):
    """The exact joint solution of both tables with the periode <= cumulatief
    relation per key, by a dynamic programme over the keys whose states are
    the four running sums, starting from the relaxed possible values. None
    when it would be too large (the relaxation then stands)."""
    keys = [c.key for c in cells["periode"]]
    by = {rg: {c.key: c for c in cells[rg]} for rg in cells}
    target = [0, 0, 0, 0]
    doms = []
    for k in keys:
        opts = {}
        for rg in ("periode", "cumulatief"):
            c = by[rg][k]
            if c.status in ("vis", "empty"):
                opts[rg] = [(c.n, c.t)]
            else:
                opts[rg] = sorted(feas[rg].get(k, ()))
        dom = []
        for (pn, pt) in opts["periode"]:
            for (cn, ct) in opts["cumulatief"]:
                if pn > cn:
                    continue
                if rel == "tu" and (pt > ct or pn - pt > cn - ct):
                    continue
                dom.append((pn, pt, cn, ct))
        doms.append(dom)
    for rg, off in (("periode", 0), ("cumulatief", 2)):
        target[off], target[off + 1] = totals[rg][1], totals[rg][0]
    target = tuple(target)
    fwd = [{(0, 0, 0, 0)}]
    for dom in doms:
        nxt = set()
        if len(fwd[-1]) * len(dom) > limit:
            return None
        for s in fwd[-1]:
            for v in dom:
                t = (s[0] + v[0], s[1] + v[1], s[2] + v[2], s[3] + v[3])
                if all(t[i] <= target[i] for i in range(4)):
                    nxt.add(t)
        fwd.append(nxt)
    bwd = [None] * (len(doms) + 1)
    bwd[len(doms)] = {(0, 0, 0, 0)}
    for i in range(len(doms) - 1, -1, -1):
        nxt = set()
        if len(bwd[i + 1]) * len(doms[i]) > limit:
            return None
        for s in bwd[i + 1]:
            for v in doms[i]:
                t = (s[0] + v[0], s[1] + v[1], s[2] + v[2], s[3] + v[3])
                if all(t[j] <= target[j] for j in range(4)):
                    nxt.add(t)
        bwd[i] = nxt
    out = {"periode": {}, "cumulatief": {}}
    for i, k in enumerate(keys):
        if len(fwd[i]) * len(doms[i]) > limit:
            return None
        ok = set()
        for s in fwd[i]:
            for v in doms[i]:
                rest = tuple(target[j] - s[j] - v[j] for j in range(4))
                if rest in bwd[i + 1]:
                    ok.add(v)
        out["periode"][k] = {(v[0], v[1]) for v in ok}
        out["cumulatief"][k] = {(v[2], v[3]) for v in ok}
    return out


def attack(ext, intern, m):
    """(leaks, exempt, checked, problems) for one extern report; leaks and
    problems are lists of sentences. intern gives the true values, which must
    be among the possible ones (else the attacker's model is wrong)."""
    leaks, problems = [], []
    exempt = checked = 0
    stats.setdefault("joint", 0)
    stats.setdefault("joint_skipped", 0)
    truth = {i["id"]: i for i in intern["indicatoren"]}
    for ind in ext["indicatoren"]:
        for key, bd in ind["uitsplitsingen"].items():
            anyhidden = any("onderdrukt" in c for rg in ("periode", "cumulatief")
                            for c in bd[rg])
            if (ind["id"], key) not in TABLES:
                if anyhidden:
                    problems.append(f"{ind['id']} {key}: hidden cells in a table the "
                                    "attacker does not model")
                continue
            kind, rel = TABLES[(ind["id"], key)]
            skip = R1_OUTSIDE if (ind["id"], key) == ("R1", "werkdagen") else ()
            for c in bd["periode"] + bd["cumulatief"]:
                if c["sleutel"] in skip and "onderdrukt" in c:
                    problems.append(f"R1 werkdagen {c['sleutel']} hidden, yet it is a "
                                    "published total")
            cells = {rg: _cells(bd[rg], kind, skip) for rg in ("periode", "cumulatief")}
            totals = {rg: _table_total(ind, key, rg, bd[rg]) for rg in cells}
            pv, cv = ind["periode"]["van"], ind["cumulatief"]["van"]
            nested = pv is not None and pv >= cv
            # A follow-up target period's cumulatief (it starts after the
            # programme start, the first trend quarter's start) can lie inside
            # a periode that starts before it and runs to the peildatum.
            start = min((t["van"] for t in ind.get("trend", []) if t.get("van")),
                        default=cv)
            around = pv is not None and not nested and cv > start and \
                ind["periode"]["tot"] >= ind["cumulatief"]["tot"]
            inner = "periode" if nested else "cumulatief" if around else None
            feas, bounds = solve_pair(cells, totals, kind, rel, inner, m, problems,
                                      f"{ind['id']} {key}")
            fixed = None
            tr = truth[ind["id"]]["uitsplitsingen"][key]
            for rg in ("periode", "cumulatief"):
                if totals[rg] is None:
                    continue
                T, N = totals[rg]
                true_cells = {c["sleutel"]: c for c in tr[rg]}
                outer = "periode" if inner == "cumulatief" else "cumulatief"
                partner = {c.key: c for c in cells[outer]}
                for c in cells[rg]:
                    if c.status not in ("P", "S", "P0"):
                        continue
                    checked += 1
                    vals = feas[rg].get(c.key, set())
                    tc = true_cells[c.key]
                    tn = int(tc["n"]) if kind == "count" else int(tc["noemer"])
                    tt = tn if kind == "count" else int(tc["teller"])
                    if (tn, tt) not in vals:
                        problems.append(f"{ind['id']} {key} {rg} {c.key}: true value "
                                        f"{tt}/{tn} not among the possible ones")
                        continue
                    f, ns, ts, rs = _forced(vals, kind)
                    via_noemer = False
                    if kind == "rate":
                        zero, full = T == 0, T == N
                        p = partner.get(c.key)
                        if inner == rg and rel == "tu" and p:
                            pv = {(p.n, p.t)} if p.status in ("vis", "empty") \
                                else feas[outer].get(c.key, set())
                            if pv and all(n > 0 for n, _ in pv):
                                zero = zero or all(t == 0 for _, t in pv)
                                full = full or all(t == n for n, t in pv)
                        if rs == {Fraction(0)} and zero:
                            f["teller"] = f["proportie"] = False
                        if rs == {Fraction(1)} and full:
                            # teller = noemer: a leak only if the noemer is.
                            f["proportie"] = False
                            f["teller"] = f["noemer"]
                            via_noemer = True
                    bad = [a for a, v in f.items() if v]
                    if not bad:
                        continue
                    # What the totals fix with every non-empty cell hidden,
                    # in both ranges: no suppression could hide that.
                    small = all(t is None or t[1] <= 150 for t in totals.values())
                    if fixed is None and small:
                        fixed, _ = solve_pair(cells, totals, kind, rel, inner, m, [],
                                              "", all_hidden=True)
                    if fixed and c.key in fixed[rg]:
                        fa, _, _, _ = _forced(fixed[rg][c.key], kind)
                        bad = [a for a in bad if not fa.get(a)]
                        if via_noemer and "noemer" not in bad:
                            bad = [a for a in bad if a != "teller"]
                        if not bad:
                            exempt += 1
                            continue
                    leaks.append(f"{ind['id']} {key} {rg} {c.key} ({c.status}): "
                                 f"{'/'.join(bad)} has one possible value "
                                 f"(noemer {sorted(ns)[:6]}, teller {sorted(ts)[:6]})")
    return leaks, exempt, checked, problems


# ---- filtered extern reports (issue 14, SPEC §9) ---------------------------

FILTERED_IDS = ("R1", "R2", "R3")
# The national breakdown whose cell a one-key filter of this kind equals.
FILTER_TABLE = {"regio": "regio", "type": "type"}


def _filter_key(doc):
    """(breakdown key, cell key) when the document's filter is one regio or
    one type, else None (the attacker treats other filters apart)."""
    f = doc.get("filter") or {}
    kinds = [(k, v) for k, v in f.items() if v]
    if len(kinds) != 1 or len(kinds[0][1]) != 1 or kinds[0][0] not in FILTER_TABLE:
        return None
    return FILTER_TABLE[kinds[0][0]], kinds[0][1][0]


def merge_filtered(ext, filtered):
    """The national extern report with what the filtered extern reports of
    the same period publish added to it: a shown R1/R2 figure of one regio
    or type is that national cell's teller and noemer, so the attacker may
    count the cell as published. Returns (merged, revealed, problems):
    revealed lists national cells hidden there but shown by a filtered
    report (a leak by itself); problems lists what the filtered reports
    publish beyond the figures the attacker models (trend points,
    breakdowns), which must be nothing."""
    import copy
    merged = copy.deepcopy(ext)
    by_id = {i["id"]: i for i in merged["indicatoren"]}
    revealed, problems = [], []
    for doc in filtered:
        key = _filter_key(doc)
        name = "/".join(f"{k}={','.join(v)}" for k, v in (doc.get("filter") or {}).items()
                        if v)
        for ind in doc["indicatoren"]:
            if ind["id"] not in FILTERED_IDS:
                continue
            if ind["uitsplitsingen"]:
                problems.append(f"{name} {ind['id']}: breakdowns published")
            for t in ind["trend"]:
                if "onderdrukt" not in t or t.get("teller") is not None:
                    problems.append(f"{name} {ind['id']} {t['kwartaal']}: trend point "
                                    "published")
                    break
            if ind["id"] == "R3" or key is None:
                continue
            table = by_id[ind["id"]]["uitsplitsingen"].get(key[0])
            if table is None:
                continue
            for rg in ("periode", "cumulatief"):
                f = ind[rg]
                if "onderdrukt" in f:
                    continue
                cells = [c for c in table[rg] if c["sleutel"] == key[1]]
                if not cells:
                    if f["noemer"]:
                        problems.append(f"{name} {ind['id']} {rg}: a figure for a cell "
                                        "the national report does not have")
                    continue
                c = cells[0]
                if "onderdrukt" in c:
                    revealed.append(f"{name} {ind['id']} {rg}: national cell "
                                    f"{key[1]} ({c['onderdrukt']}) shown as "
                                    f"{f['teller']}/{f['noemer']}")
                    c.pop("onderdrukt")
                    c.update(teller=f["teller"], noemer=f["noemer"], n=f["noemer"],
                             waarde=f["waarde"])
                elif (c["teller"], c["noemer"]) != (f["teller"], f["noemer"]):
                    problems.append(f"{name} {ind['id']} {rg}: {f['teller']}/"
                                    f"{f['noemer']} is not the national cell "
                                    f"{c['teller']}/{c['noemer']}")
    return merged, revealed, problems
