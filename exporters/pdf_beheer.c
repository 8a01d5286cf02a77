/* pdf_beheer.c — the management section of the intern PDF (SPEC §10): the
 * pages "Team", "Openstaande hulpvragen", "Budget per post" and "Mijlpalen".
 *
 * Every page is a table drawn by one routine with fixed row heights (a
 * cell holds at most its row's lines, the last one ellipsized), so the
 * number of pages is known before drawing, as the footer's "Pagina 3 van
 * 12" needs. A long table runs over several pages with its header row
 * repeated; only its first page gets an outline entry. */
#include <stdio.h>
#include <string.h>

#include "beheer_text.h"
#include "chart.h"
#include "format.h"
#include "labels.h"
#include "pdf_internal.h"
#include "pdf_pager.h"
#include "pdf_tags.h"

/* The fixed geometry of a table page: a band for the page's heading (the
 * report line, the title and an introduction of at most INTRO_LINES), the
 * header row, the rows, and room at the bottom for a totals row and a
 * note under the table, reserved on every page so the count is simple. */
#define INTRO_LINES 4
#define TABLE_TOP 128.0
#define FONT 7.0
#define LINE_H 8.6
#define PAD 2.5
#define NOTE_LINES 3
#define NOTE_FONT 7.5
#define BOTTOM (PAGE_H - FOOTER_H - 8.0)
/* The open requests the PDF lists at most, the oldest first: a store with
 * a backlog of 170,000 (the 1M bench store) would otherwise print 5,800
 * pages; the intern workbook's Openstaand sheet has them all. */
#define PM_PDF_OPEN_MAX 500

typedef struct tcol {
    const char *head;
    double w;
    bool right;        /* numbers: right aligned */
    const char *group; /* a label over this and the next columns of the same
                          group ("Periode", "Cumulatief"), or NULL */
} tcol;

/* One table: its columns, rows and the text of each cell. cell() writes
 * the text of row r (r == nrows: the totals row, when has_total) and
 * column c into buf. */
typedef struct table {
    const char *title;
    const char *outline;
    char intro[640];
    char note[640];
    const tcol *cols;
    size_t ncols;
    size_t nrows;
    int lines; /* per row */
    bool has_total;
    const void *data;
    void (*cell)(const struct table *t, size_t r, size_t c, char *buf, size_t size);
} table;

static double row_height(int lines)
{
    return lines * LINE_H + 2 * PAD;
}

static bool has_groups(const table *t)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].group)
            return true;
    return false;
}

/* The header: the group row (when any column has a group) and the column
 * heads of at most two lines. */
static double header_height(const table *t)
{
    return row_height(2) + (has_groups(t) ? row_height(1) : 0);
}

/* Rows of t that fit on one page, with the totals row and the note kept
 * free at the bottom. */
static size_t rows_per_page(const table *t)
{
    double room =
        BOTTOM - TABLE_TOP - header_height(t) - NOTE_LINES * (NOTE_FONT + 3) - 6;
    if (t->has_total)
        room -= row_height(t->lines);
    size_t n = (size_t)(room / row_height(t->lines));
    return n ? n : 1;
}

static int table_pages(const table *t)
{
    size_t per = rows_per_page(t);
    return t->nrows == 0 ? 1 : (int)((t->nrows + per - 1) / per);
}

static void cell_text(cairo_t *cr, const char *text, double x, double y, const tcol *c,
                      int lines, bool bold)
{
    pm_text_style s;
    pm_text_style_defaults(&s);
    s.size = FONT;
    s.bold = bold;
    s.width = c->w - 2 * PAD;
    s.max_lines = lines;
    s.align = c->right ? PM_ALIGN_RIGHT : PM_ALIGN_LEFT;
    pm_text_draw(cr, text, x + PAD, y + PAD, &s);
}

static void fill_row(cairo_t *cr, double y, double h, double grey)
{
    cairo_save(cr);
    cairo_set_source_rgb(cr, grey, grey, grey + 0.02);
    cairo_rectangle(cr, MARGIN, y, PAGE_W - 2 * MARGIN, h);
    cairo_fill(cr);
    cairo_restore(cr);
}

static void rule(cairo_t *cr, double y, double width)
{
    pm_pdf_pager_rule(cr, MARGIN, PAGE_W - MARGIN, y, pm_muted, width);
}

/* Under the title: the table's introduction, at most INTRO_LINES. */
static double intro(pm_pdf_pager *p, double y)
{
    const table *t = p->ctx;
    pm_text_style s;
    pm_text_style_defaults(&s);
    s.size = 8.5;
    s.width = PAGE_W - 2 * MARGIN;
    s.max_lines = INTRO_LINES;
    pm_text_draw(p->cr, t->intro, MARGIN, y, &s);
    return TABLE_TOP;
}

static void header_row(cairo_t *cr, const table *t, double y)
{
    double h = header_height(t);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.867, 0.922, 0.969); /* the workbook's header fill */
    cairo_rectangle(cr, MARGIN, y, PAGE_W - 2 * MARGIN, h);
    cairo_fill(cr);
    cairo_restore(cr);
    double x = MARGIN;
    if (has_groups(t)) {
        /* Each group's label centred over its columns, a line under it; in
         * a tagged PDF a row of column headers of its own. */
        bool tr = pm_tags_begin(cr, "TR");
        for (size_t c = 0; c < t->ncols;) {
            double w = t->cols[c].w;
            size_t e = c + 1;
            while (t->cols[c].group && e < t->ncols && t->cols[e].group &&
                   strcmp(t->cols[e].group, t->cols[c].group) == 0)
                w += t->cols[e++].w;
            if (t->cols[c].group) {
                pm_text_style s;
                pm_text_style_defaults(&s);
                s.size = FONT;
                s.bold = true;
                s.width = w - 2 * PAD;
                s.align = PM_ALIGN_CENTER;
                bool th = pm_tags_begin(cr, "TH");
                pm_text_draw(cr, t->cols[c].group, x + PAD, y + PAD, &s);
                pm_tags_end(cr, "TH", th);
                pm_pdf_pager_rule(cr, x + PAD, x + w - PAD, y + row_height(1) - 1,
                                  pm_muted, 0.4);
            }
            x += w;
            c = e;
        }
        pm_tags_end(cr, "TR", tr);
        y += row_height(1);
        x = MARGIN;
    }
    bool tr = pm_tags_begin(cr, "TR");
    for (size_t c = 0; c < t->ncols; c++) {
        bool th = pm_tags_begin(cr, "TH");
        cell_text(cr, t->cols[c].head, x, y, &t->cols[c], 2, true);
        pm_tags_end(cr, "TH", th);
        x += t->cols[c].w;
    }
    pm_tags_end(cr, "TR", tr);
    rule(cr, y + row_height(2), 0.6);
}

static void data_row(cairo_t *cr, const table *t, size_t r, double y, bool bold)
{
    char buf[512];
    double x = MARGIN;
    bool tr = pm_tags_begin(cr, "TR");
    for (size_t c = 0; c < t->ncols; c++) {
        buf[0] = '\0';
        t->cell(t, r, c, buf, sizeof buf);
        /* Pango limits lines per paragraph: a line break typed into a
         * name or description would let a cell grow out of its row. */
        for (char *p = buf; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' ';
        bool td = pm_tags_begin(cr, "TD");
        cell_text(cr, buf, x, y, &t->cols[c], t->lines, bold);
        pm_tags_end(cr, "TD", td);
        x += t->cols[c].w;
    }
    pm_tags_end(cr, "TR", tr);
}

/* Draws every page of t, each with its footer, and gives the first an
 * outline entry. *page is the number of the last page drawn. */
static pm_error draw_table(const doc *d, cairo_t *cr, const table *t, int *page,
                           pm_pdf_footer_fn footer)
{
    pm_pdf_pager pg =
        pm_pdf_pager_make(d, cr, page, footer, t->title, t->outline, BOTTOM);
    pg.mark = " · beheer";
    pg.title_size = 16;
    pg.title_gap = 5;
    pg.head = intro;
    pg.ctx = (void *)t;
    size_t per = rows_per_page(t);
    int pages = table_pages(t);
    double rh = row_height(t->lines);
    size_t r = 0;
    for (int part = 1; part <= pages; part++) {
        pm_pdf_pager_begin(&pg);
        double y = pg.y;
        /* Each page's part is a table of its own, with its header row. */
        bool table = pm_tags_begin(cr, "Table");
        header_row(cr, t, y);
        y += header_height(t);
        for (size_t k = 0; k < per && r < t->nrows; k++, r++) {
            if (r % 2 == 1)
                fill_row(cr, y, rh, 0.955);
            data_row(cr, t, r, y, false);
            y += rh;
        }
        if (part == pages && t->has_total) {
            rule(cr, y, 0.8);
            data_row(cr, t, t->nrows, y, true);
            y += rh;
        }
        pm_tags_end(cr, "Table", table);
        if (part == pages && t->note[0]) {
            pm_text_style s;
            pm_text_style_defaults(&s);
            s.size = NOTE_FONT;
            s.color = pm_muted;
            s.width = PAGE_W - 2 * MARGIN;
            s.max_lines = NOTE_LINES;
            pm_text_draw(cr, t->note, MARGIN, y + 6, &s);
        }
        pm_pdf_pager_end(&pg);
        if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
            return PM_ERR_IO;
    }
    return PM_OK;
}

/* ---- the tables' cells ------------------------------------------------------ */

static char *hours_text(int64_t x100, char *buf, size_t size)
{
    return pm_format_decimal((double)x100 / 100.0, 2, buf, size);
}

static char *score_text(int64_t sum_x10, long n, char *buf, size_t size)
{
    char m[16];
    if (n == 0)
        snprintf(buf, size, "–");
    else
        snprintf(buf, size, "%s (%ld)",
                 pm_format_decimal((double)sum_x10 / 10.0 / (double)n, 1, m, sizeof m),
                 n);
    return buf;
}

static const tcol team_cols[] = {
    {"Naam", 66, false, NULL},
    {"Rol, expertise", 65, false, NULL},
    {"Uurtarief", 46, true, NULL},
    {"In dienst", 54, false, NULL},
    {"Uren", 36, true, "Periode"},
    {"Kosten", 52, true, "Periode"},
    {"Hulp- vragen", 34, true, "Periode"},
    {"Score (n)", 32, true, "Periode"},
    {"Uren", 40, true, "Cumulatief"},
    {"Kosten", 58, true, "Cumulatief"},
    {"Score (n)", 32, true, "Cumulatief"},
};

static void team_cell(const table *t, size_t r, size_t c, char *buf, size_t size)
{
    const pm_team *team = t->data;
    const pm_team_member *m = r < team->n ? &team->leden[r] : NULL;
    char a[32], b[32];
    if (!m) {
        /* The totals row. */
        switch (c) {
        case 0: snprintf(buf, size, "Totaal (%zu)", team->n); break;
        case 4: hours_text(team->uren_x100[0], buf, size); break;
        case 5: pm_format_euro(team->kosten_cent[0], buf, size); break;
        case 6: snprintf(buf, size, "%ld", team->hulpvragen[0]); break;
        case 7: score_text(team->score_sum_x10[0], team->score_n[0], buf, size); break;
        case 8: hours_text(team->uren_x100[1], buf, size); break;
        case 9: pm_format_euro(team->kosten_cent[1], buf, size); break;
        case 10: score_text(team->score_sum_x10[1], team->score_n[1], buf, size); break;
        default: break;
        }
        return;
    }
    switch (c) {
    case 0: snprintf(buf, size, "%s", m->naam); break;
    case 1:
        snprintf(buf, size, "%s, %s", m->rol,
                 pm_label_category("onderwerp", m->expertise));
        break;
    case 2:
        snprintf(buf, size, "%s%s", pm_format_euro(m->uurtarief_cent, a, sizeof a),
                 m->boven_max ? " boven maximum" : "");
        break;
    case 3:
        if (m->einde)
            snprintf(buf, size, "%s – %s", pm_format_date(m->start, a, sizeof a),
                     pm_format_date(m->einde, b, sizeof b));
        else
            snprintf(buf, size, "sinds %s", pm_format_date(m->start, a, sizeof a));
        break;
    case 4: hours_text(m->uren_x100[0], buf, size); break;
    case 5: pm_format_euro(m->kosten_cent[0], buf, size); break;
    case 6: snprintf(buf, size, "%ld", m->hulpvragen[0]); break;
    case 7: score_text(m->score_sum_x10[0], m->score_n[0], buf, size); break;
    case 8: hours_text(m->uren_x100[1], buf, size); break;
    case 9: pm_format_euro(m->kosten_cent[1], buf, size); break;
    case 10: score_text(m->score_sum_x10[1], m->score_n[1], buf, size); break;
    default: break;
    }
}

static void team_table(const doc *d, table *t)
{
    const pm_beheer *b = d->rep->beheer;
    const pm_team *team = &b->team;
    *t = (table){.title = PM_BEHEER_TEAM,
                 .outline = PM_BEHEER_TEAM,
                 .cols = team_cols,
                 .ncols = sizeof team_cols / sizeof team_cols[0],
                 .nrows = team->n,
                 .lines = 3,
                 .has_total = true,
                 .data = team,
                 .cell = team_cell};
    char p2[16], c1[16], max[32];
    snprintf(t->intro, sizeof t->intro,
             "Per specialist de uren en kosten (uren × uurtarief) %s (t/m %s) en "
             "cumulatief sinds %s, de hulpvragen die in de periode zijn ontvangen en aan "
             "de specialist zijn toegewezen, en de gemiddelde beoordeling door gemeenten "
             "en SOB's met het aantal beoordelingen (n).",
             d->per_lc, pm_format_date(b->per_to, p2, sizeof p2),
             pm_format_date(b->cum_from, c1, sizeof c1));
    size_t over = 0;
    for (size_t i = 0; i < team->n; i++)
        over += team->leden[i].boven_max;
    pm_format_euro(team->uurtarief_max_cent, max, sizeof max);
    snprintf(t->note, sizeof t->note,
             "De kosten tellen op tot de realisatie van post inhuur (indicator B); per "
             "specialist zijn ze op hele centen afgerond zodat het totaal precies klopt. "
             "%s",
             over ? "" : "Geen uurtarief ligt boven het maximum.");
    if (over) {
        char *end = t->note + strlen(t->note);
        size_t room = sizeof t->note - (size_t)(end - t->note);
        snprintf(end, room, "%zu %s boven het maximum van %s.", over,
                 over == 1 ? "uurtarief ligt" : "uurtarieven liggen", max);
    }
}

static const tcol open_cols[] = {
    {"Hulpvraag", 62, false, NULL},    {"Ontvangen", 50, false, NULL},
    {"Werkd. open", 38, true, NULL},   {"Eerste contact", 100, false, NULL},
    {"Specialist", 68, false, NULL},   {"Onderwerp", 66, false, NULL},
    {"Organisatie", 131, false, NULL},
};

static void open_cell(const table *t, size_t r, size_t c, char *buf, size_t size)
{
    const pm_open *o = t->data;
    const pm_open_request *q = &o->rows[r];
    switch (c) {
    case 0: snprintf(buf, size, "%s", q->id); break;
    case 1: pm_format_date(q->ontvangen, buf, size); break;
    case 2: snprintf(buf, size, "%d", q->werkdagen_open); break;
    case 3: pm_beheer_contact_text(q, buf, size); break;
    case 4: snprintf(buf, size, "%s", q->specialist ? q->specialist : "geen"); break;
    case 5:
        snprintf(buf, size, "%s",
                 q->onderwerp ? pm_label_category("onderwerp", q->onderwerp) : "–");
        break;
    case 6: snprintf(buf, size, "%s", q->organisatie ? q->organisatie : "–"); break;
    default: break;
    }
}

static void open_table(const doc *d, table *t)
{
    const pm_beheer *b = d->rep->beheer;
    const pm_open *o = &b->open;
    *t = (table){.title = PM_BEHEER_OPEN,
                 .outline = PM_BEHEER_OPEN,
                 .cols = open_cols,
                 .ncols = sizeof open_cols / sizeof open_cols[0],
                 .nrows = o->n < PM_PDF_OPEN_MAX ? o->n : PM_PDF_OPEN_MAX,
                 .lines = 2,
                 .data = o,
                 .cell = open_cell};
    char peil[16];
    snprintf(
        t->intro, sizeof t->intro,
        "Elke hulpvraag die op of voor de peildatum %s is ontvangen en toen nog niet "
        "was afgerond, ook die van voor de periode; de oudste eerst. Werkdagen open "
        "telt de werkdagen na ontvangst tot en met de peildatum, zoals R1 de dagen "
        "tot het eerste contact telt. %zu %s open; %ld zonder contact na de termijn "
        "van 5 werkdagen; %ld langer dan %d werkdagen.",
        pm_format_date(b->peildatum, peil, sizeof peil), o->n,
        o->n == 1 ? "hulpvraag staat" : "hulpvragen staan", o->zonder_contact_na_termijn,
        o->langer_dan_20, PM_OPEN_LONG_WORKDAYS);
    if (o->n == 0)
        snprintf(t->note, sizeof t->note, "Er staan geen hulpvragen open.");
    else if (o->n > PM_PDF_OPEN_MAX)
        snprintf(t->note, sizeof t->note,
                 "Deze lijst toont de %d oudste van de %zu openstaande hulpvragen; het "
                 "werkblad Openstaand van de interne werkmap bevat ze alle.",
                 PM_PDF_OPEN_MAX, o->n);
}

static const tcol post_cols[] = {
    {"Post", 78, false, NULL},
    {"Begroting jaar", 64, true, NULL},
    {"Begroting t/m peildatum", 64, true, NULL},
    {"Realisatie", 64, true, NULL},
    {"Prognose 31-12", 64, true, NULL},
    {"Afwijking", 62, true, NULL},
    {"Afwijking %", 48, true, NULL},
    {"Marge", 71, false, NULL},
};

static void post_cell(const table *t, size_t r, size_t c, char *buf, size_t size)
{
    const pm_posts *ps = t->data;
    const pm_post_year *p = r < ps->nposten ? &ps->posten[r] : &ps->totaal;
    switch (c) {
    case 0:
        snprintf(buf, size, "%s",
                 r < ps->nposten ? pm_label_category("post", p->post) : "Totaal");
        break;
    case 1: pm_format_euro(p->begroting_cent, buf, size); break;
    case 2: pm_format_euro(p->pro_rata_cent, buf, size); break;
    case 3: pm_format_euro(p->realisatie_cent, buf, size); break;
    case 4: pm_format_euro(p->prognose_cent, buf, size); break;
    case 5: pm_format_euro(p->afwijking_cent, buf, size); break;
    case 6:
        if (p->has_afwijking)
            pm_format_percent(p->afwijking, 1, buf, size);
        else
            snprintf(buf, size, "–");
        break;
    case 7: snprintf(buf, size, "%s", pm_beheer_post_flag(p)); break;
    default: break;
    }
}

static void post_table(const doc *d, table *t)
{
    const pm_posts *p = d->rep->posten;
    *t = (table){.title = PM_BEHEER_POSTS,
                 .outline = PM_BEHEER_POSTS,
                 .cols = post_cols,
                 .ncols = sizeof post_cols / sizeof post_cols[0],
                 .nrows = p->nposten,
                 .lines = 1,
                 .has_total = true,
                 .data = p,
                 .cell = post_cell};
    char van[16], tot[16];
    snprintf(
        t->intro, sizeof t->intro,
        "De begroting van %d per post, de begroting naar rato tot de peildatum en de "
        "realisatie van %s t/m %s, met de prognose tot het einde van het jaar (de "
        "realisatie doorgetrokken, zoals bij indicator B). De afwijking is de "
        "realisatie min de begroting naar rato; meer dan 10%% erboven of eronder is "
        "buiten marge.",
        p->jaar, pm_format_date(p->van, van, sizeof van),
        pm_format_date(p->tot, tot, sizeof tot));
    size_t out = 0;
    for (size_t i = 0; i < p->nposten; i++)
        out += p->posten[i].buiten_marge;
    if (out)
        snprintf(
            t->note, sizeof t->note,
            "%zu %s buiten de marge van 10%%: de toelichting bij indicator B hoort de "
            "afwijking uit te leggen.",
            out, out == 1 ? "post valt" : "posten vallen");
    else
        snprintf(t->note, sizeof t->note,
                 "Alle posten blijven binnen de marge van 10%%.");
    (void)d;
}

static const tcol ms_cols[] = {
    {"Mijlpaal", 50, false, NULL},      {"Res.", 22, false, NULL},
    {"Omschrijving", 144, false, NULL}, {"Gepland", 48, false, NULL},
    {"Gereed", 48, false, NULL},        {"Stand", 108, false, NULL},
    {"Bewijs", 95, false, NULL},
};

static void ms_cell(const table *t, size_t r, size_t c, char *buf, size_t size)
{
    const pm_milestone_list *l = t->data;
    const pm_milestone_row *m = &l->rows[r];
    switch (c) {
    case 0: snprintf(buf, size, "%s", m->id); break;
    case 1: snprintf(buf, size, "%s", m->resultaat); break;
    case 2: snprintf(buf, size, "%s", m->omschrijving); break;
    case 3: pm_format_date(m->gepland, buf, size); break;
    case 4:
        if (m->gereed)
            pm_format_date(m->gereed, buf, size);
        else
            snprintf(buf, size, "–");
        break;
    case 5: pm_beheer_milestone_text(m, buf, size); break;
    case 6: snprintf(buf, size, "%s", m->bewijs ? m->bewijs : "–"); break;
    default: break;
    }
}

static void ms_table(const doc *d, table *t)
{
    const pm_beheer *b = d->rep->beheer;
    *t = (table){.title = PM_BEHEER_MILESTONES,
                 .outline = PM_BEHEER_MILESTONES,
                 .cols = ms_cols,
                 .ncols = sizeof ms_cols / sizeof ms_cols[0],
                 .nrows = b->mijlpalen.n,
                 .lines = 3,
                 .data = &b->mijlpalen,
                 .cell = ms_cell};
    char peil[16];
    size_t late = 0, open = 0;
    for (size_t i = 0; i < b->mijlpalen.n; i++) {
        late += b->mijlpalen.rows[i].te_laat;
        open += !b->mijlpalen.rows[i].gereed;
    }
    snprintf(
        t->intro, sizeof t->intro,
        "Elke mijlpaal van R4 (rapportage en monitoring) en R5 (website), zoals "
        "bekend op de peildatum %s: gereed na de geplande datum telt als te laat, in "
        "werkdagen. %zu %s, waarvan %zu nog niet gereed; %zu te laat of over de "
        "geplande datum.",
        pm_format_date(b->peildatum, peil, sizeof peil), b->mijlpalen.n,
        b->mijlpalen.n == 1 ? "mijlpaal" : "mijlpalen", open, late);
    if (b->mijlpalen.n == 0)
        snprintf(t->note, sizeof t->note, "Er zijn geen mijlpalen ingevoerd.");
}

/* ---- the section -------------------------------------------------------------- */

typedef void (*table_fn)(const doc *d, table *t);

/* The section's tables in page order; NULL-terminated. Budget per post
 * needs rep->posten, the others rep->beheer. */
static size_t section(const doc *d, table_fn *fns)
{
    size_t n = 0;
    if (!d->intern || d->dashboard || !d->rep->beheer)
        return 0;
    fns[n++] = team_table;
    fns[n++] = open_table;
    if (d->rep->posten)
        fns[n++] = post_table;
    fns[n++] = ms_table;
    return n;
}

int pm_pdf_beheer_npages(const doc *d)
{
    table_fn fns[4];
    size_t n = section(d, fns);
    int pages = 0;
    for (size_t i = 0; i < n; i++) {
        table t;
        fns[i](d, &t);
        pages += table_pages(&t);
    }
    return pages;
}

pm_error pm_pdf_beheer_pages(const doc *d, cairo_t *cr, int *page,
                             pm_pdf_footer_fn footer)
{
    table_fn fns[4];
    size_t n = section(d, fns);
    pm_error err = PM_OK;
    for (size_t i = 0; i < n && !err; i++) {
        table t;
        fns[i](d, &t);
        err = draw_table(d, cr, &t, page, footer);
    }
    return err;
}
