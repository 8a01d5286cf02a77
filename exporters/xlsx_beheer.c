/* xlsx_beheer.c — the management section's sheets of the intern workbook
 * (SPEC §10): Team, Openstaand, Budget per post, Mijlpalen. Each is a table
 * like the row-level sheets: real numbers with formats, real date cells, a
 * frozen header and an autofilter; totals below the filtered rows. */
#include <stdio.h>
#include <string.h>

#include "beheer_text.h"
#include "format.h"
#include "labels.h"
#include "xlsx_internal.h"

typedef struct col {
    const char *head;
    double width;
} col;

/* Title, one line saying what the table holds, then the header row (frozen,
 * repeated on every printed page). Returns the header's row. */
static lxw_row_t table_start(xs *s, const char *title, const char *about, const col *cols,
                             size_t ncols)
{
    for (size_t c = 0; c < ncols; c++)
        xs_width(s, (lxw_col_t)c, (lxw_col_t)c, cols[c].width);
    xs_text(s, 0, title, XF_TITLE);
    xs_down(s, 1);
    xs_text(s, 0, about, XF_NOTE);
    xs_down(s, 2);
    lxw_row_t head = s->row;
    for (size_t c = 0; c < ncols; c++)
        xs_head(s, (lxw_col_t)c, cols[c].head);
    if (s->ws) {
        worksheet_freeze_panes(s->ws, head + 1, 0);
        note(s->w, worksheet_repeat_rows(s->ws, head, head));
    }
    xs_down(s, 1);
    return head;
}

/* The autofilter over the header and the data rows written since. */
static void table_filter(xs *s, lxw_row_t head, size_t ncols)
{
    if (s->ws && s->row > head + 1)
        note(s->w,
             worksheet_autofilter(s->ws, head, 0, s->row - 1, (lxw_col_t)(ncols - 1)));
}

static double euros(int64_t cents)
{
    return pm_cents_to_euros(cents);
}

static double hours(int64_t x100)
{
    return (double)x100 / 100.0;
}

static void range_about(const pm_beheer *b, const char *what, char *buf, size_t size)
{
    char p1[16], p2[16], c1[16], c2[16];
    snprintf(buf, size, "%s Periode %s t/m %s; cumulatief %s t/m %s.", what,
             pm_format_date(b->per_from, p1, sizeof p1),
             pm_format_date(b->per_to, p2, sizeof p2),
             pm_format_date(b->cum_from, c1, sizeof c1),
             pm_format_date(b->cum_to, c2, sizeof c2));
}

/* ---- Team ---------------------------------------------------------------- */

static const col team_cols[] = {
    {"Naam", 24},
    {"Id", 8},
    {"Rol", 13},
    {"Expertise", 20},
    {"Uurtarief", 11},
    {"Tarief boven maximum", 22},
    {"Start", 11},
    {"Einde", 11},
    {"Uren periode", 10},
    {"Kosten periode", 13},
    {"Hulpvragen periode", 11},
    {"Score periode", 9},
    {"n periode", 7},
    {"Uren cumulatief", 10},
    {"Kosten cumulatief", 13},
    {"Hulpvragen cumulatief", 11},
    {"Score cumulatief", 9},
    {"n cumulatief", 7},
};
#define TEAM_NCOLS (sizeof team_cols / sizeof team_cols[0])

/* The figures of one range from column c on: uren, kosten, hulpvragen,
 * score (empty without evaluations), n. */
static void team_range(xs *s, lxw_col_t c, int64_t uren, int64_t kosten, long hv,
                       int64_t sum_x10, long n)
{
    xs_num(s, c, hours(uren), XF_HOURS);
    xs_num(s, c + 1, euros(kosten), XF_EURO);
    xs_num(s, c + 2, (double)hv, XF_INT);
    if (n > 0)
        xs_num(s, c + 3, (double)sum_x10 / 10.0 / (double)n, XF_SCORE);
    xs_num(s, c + 4, (double)n, XF_INT);
}

static void write_team(xw *w, const pm_beheer *b)
{
    xs s;
    if (!xs_open(w, &s, PM_BEHEER_TEAM))
        return;
    char about[320], flag[64];
    range_about(b,
                "Per specialist: uren en kosten (uren × uurtarief, tellen op tot de "
                "realisatie van post inhuur), toegewezen hulpvragen (ontvangen in de "
                "periode) en de gemiddelde beoordeling door gemeenten en SOB's.",
                about, sizeof about);
    lxw_row_t head = table_start(&s, PM_BEHEER_TEAM, about, team_cols, TEAM_NCOLS);
    const pm_team *t = &b->team;
    for (size_t i = 0; i < t->n; i++) {
        const pm_team_member *m = &t->leden[i];
        xs_text(&s, 0, m->naam, XF_PLAIN);
        xs_text(&s, 1, m->id, XF_PLAIN);
        xs_text(&s, 2, m->rol, XF_PLAIN);
        xs_text(&s, 3, pm_label_category("onderwerp", m->expertise), XF_PLAIN);
        xs_num(&s, 4, euros(m->uurtarief_cent), XF_EURO);
        xs_text(&s, 5, pm_beheer_rate_flag(m, t->uurtarief_max_cent, flag, sizeof flag),
                XF_PLAIN);
        xs_date(&s, 6, m->start);
        if (m->einde)
            xs_date(&s, 7, m->einde);
        team_range(&s, 8, m->uren_x100[0], m->kosten_cent[0], m->hulpvragen[0],
                   m->score_sum_x10[0], m->score_n[0]);
        team_range(&s, 13, m->uren_x100[1], m->kosten_cent[1], m->hulpvragen[1],
                   m->score_sum_x10[1], m->score_n[1]);
        xs_down(&s, 1);
    }
    table_filter(&s, head, TEAM_NCOLS);
    xs_label(&s, "Totaal");
    team_range(&s, 8, t->uren_x100[0], t->kosten_cent[0], t->hulpvragen[0],
               t->score_sum_x10[0], t->score_n[0]);
    team_range(&s, 13, t->uren_x100[1], t->kosten_cent[1], t->hulpvragen[1],
               t->score_sum_x10[1], t->score_n[1]);
    xs_down(&s, 2);
    char max[32];
    snprintf(about, sizeof about,
             "Het maximale uurtarief is %s (excl. btw). De kosten per specialist zijn "
             "op hele centen afgerond zodat het totaal gelijk is aan de realisatie van "
             "post inhuur.",
             pm_format_euro(t->uurtarief_max_cent, max, sizeof max));
    xs_text(&s, 0, about, XF_NOTE);
}

/* ---- Openstaand ------------------------------------------------------------ */

static const col open_cols[] = {
    {"Hulpvraag", 14},      {"Ontvangen", 11}, {"Werkdagen open", 10},
    {"Eerste contact", 11}, {"Termijn", 11},   {"Contact", 40},
    {"Specialist", 24},     {"Onderwerp", 22}, {"Organisatie", 30},
    {"Organisatie-id", 12},
};
#define OPEN_NCOLS (sizeof open_cols / sizeof open_cols[0])

static void write_open(xw *w, const pm_beheer *b)
{
    xs s;
    if (!xs_open(w, &s, PM_BEHEER_OPEN_SHEET))
        return;
    const pm_open *o = &b->open;
    char about[400], peil[16], text[96];
    snprintf(about, sizeof about,
             "Elke hulpvraag die op of voor de peildatum %s is ontvangen en toen nog "
             "niet was afgerond, ook van voor de periode; oudste eerst. %zu open, "
             "%ld zonder contact na de termijn van 5 werkdagen, %ld langer dan %d "
             "werkdagen open.",
             pm_format_date(b->peildatum, peil, sizeof peil), o->n,
             o->zonder_contact_na_termijn, o->langer_dan_20, PM_OPEN_LONG_WORKDAYS);
    lxw_row_t head = table_start(&s, PM_BEHEER_OPEN, about, open_cols, OPEN_NCOLS);
    for (size_t i = 0; i < o->n; i++) {
        const pm_open_request *r = &o->rows[i];
        xs_text(&s, 0, r->id, XF_PLAIN);
        xs_date(&s, 1, r->ontvangen);
        xs_num(&s, 2, r->werkdagen_open, XF_INT);
        if (r->eerste_contact)
            xs_date(&s, 3, r->eerste_contact);
        xs_date(&s, 4, r->termijn);
        xs_text(&s, 5, pm_beheer_contact_text(r, text, sizeof text), XF_PLAIN);
        xs_text(&s, 6, r->specialist ? r->specialist : "geen", XF_PLAIN);
        xs_text(&s, 7, r->onderwerp ? pm_label_category("onderwerp", r->onderwerp) : "",
                XF_PLAIN);
        xs_text(&s, 8, r->organisatie, XF_PLAIN);
        xs_text(&s, 9, r->organisatie_id, XF_PLAIN);
        xs_down(&s, 1);
    }
    table_filter(&s, head, OPEN_NCOLS);
    if (o->n == 0)
        xs_text(&s, 0, "Er staan geen hulpvragen open.", XF_NOTE);
}

/* ---- Budget per post ------------------------------------------------------- */

static const col post_cols[] = {
    {"Post", 18},        {"Begroting jaar", 14}, {"Begroting t/m peildatum", 14},
    {"Realisatie", 14},  {"Prognose 31-12", 14}, {"Afwijking", 13},
    {"Afwijking %", 11}, {"Marge", 13},
};
#define POST_NCOLS (sizeof post_cols / sizeof post_cols[0])

static void post_row(xs *s, const pm_post_year *p, const char *name, xf text)
{
    xs_text(s, 0, name, text);
    xs_num(s, 1, euros(p->begroting_cent), XF_EURO);
    xs_num(s, 2, euros(p->pro_rata_cent), XF_EURO);
    xs_num(s, 3, euros(p->realisatie_cent), XF_EURO);
    xs_num(s, 4, euros(p->prognose_cent), XF_EURO);
    xs_num(s, 5, euros(p->afwijking_cent), XF_EURO);
    if (p->has_afwijking)
        xs_num(s, 6, p->afwijking, XF_PCT);
    xs_text(s, 7, pm_beheer_post_flag(p), XF_PLAIN);
}

static void write_posts(xw *w, const pm_posts *p)
{
    xs s;
    if (!xs_open(w, &s, PM_BEHEER_POSTS))
        return;
    char about[400], van[16], tot[16];
    snprintf(about, sizeof about,
             "Begroting en realisatie %d per post, %s t/m %s. De afwijking is de "
             "realisatie min de begroting naar rato tot de peildatum; meer dan 10%% "
             "erboven of eronder is buiten marge. De prognose rekent de realisatie door "
             "tot het einde van het jaar, zoals indicator B.",
             p->jaar, pm_format_date(p->van, van, sizeof van),
             pm_format_date(p->tot, tot, sizeof tot));
    lxw_row_t head = table_start(&s, PM_BEHEER_POSTS, about, post_cols, POST_NCOLS);
    for (size_t i = 0; i < p->nposten; i++) {
        post_row(&s, &p->posten[i], pm_label_category("post", p->posten[i].post),
                 XF_PLAIN);
        xs_down(&s, 1);
    }
    table_filter(&s, head, POST_NCOLS);
    post_row(&s, &p->totaal, "Totaal", XF_BOLD);
    xs_down(&s, 1);
}

/* ---- Mijlpalen --------------------------------------------------------------- */

static const col ms_cols[] = {
    {"Mijlpaal", 12}, {"Resultaat", 9},          {"Omschrijving", 48}, {"Gepland", 11},
    {"Gereed", 11},   {"Werkdagen te laat", 10}, {"Stand", 40},        {"Bewijs", 40},
};
#define MS_NCOLS (sizeof ms_cols / sizeof ms_cols[0])

static void write_milestones(xw *w, const pm_beheer *b)
{
    xs s;
    if (!xs_open(w, &s, PM_BEHEER_MILESTONES))
        return;
    char about[200], peil[16], text[128];
    snprintf(about, sizeof about,
             "Elke mijlpaal van R4 en R5, zoals bekend op de peildatum %s; te laat in "
             "werkdagen na de geplande datum.",
             pm_format_date(b->peildatum, peil, sizeof peil));
    lxw_row_t head = table_start(&s, PM_BEHEER_MILESTONES, about, ms_cols, MS_NCOLS);
    for (size_t i = 0; i < b->mijlpalen.n; i++) {
        const pm_milestone_row *r = &b->mijlpalen.rows[i];
        xs_text(&s, 0, r->id, XF_PLAIN);
        xs_text(&s, 1, r->resultaat, XF_PLAIN);
        xs_text(&s, 2, r->omschrijving, XF_PLAIN);
        xs_date(&s, 3, r->gepland);
        if (r->gereed)
            xs_date(&s, 4, r->gereed);
        if (r->te_laat)
            xs_num(&s, 5, r->werkdagen_te_laat, XF_INT);
        xs_text(&s, 6, pm_beheer_milestone_text(r, text, sizeof text), XF_PLAIN);
        if (r->bewijs)
            xs_text(&s, 7, r->bewijs, XF_PLAIN);
        xs_down(&s, 1);
    }
    table_filter(&s, head, MS_NCOLS);
}

void pm_xlsx_beheer_sheets(xw *w)
{
    const pm_report *rep = w->rep;
    if (w->in->audience != PM_INTERN || !rep->beheer)
        return;
    write_team(w, rep->beheer);
    write_open(w, rep->beheer);
    if (rep->posten)
        write_posts(w, rep->posten);
    write_milestones(w, rep->beheer);
}
