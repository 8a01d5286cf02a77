/* html.c — the web page of the report and the dashboard (SPEC §11): one
 * file, inline CSS, no script, no request to anywhere. Every text from the
 * data (names, keys, the toelichting) goes through esc(); the charts are
 * the PDF's, as SVG (html_svg.c), each in a figure with its sentence as
 * text alternative and its numbers in a table. */
#include "html.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dashboard.h"
#include "format.h"
#include "html_internal.h"
#include "labels.h"
#include "summary.h"
#include "text.h"

/* Contrast: ink #1a1a1a and muted #4a4a4a on white are 17:1 and 8.9:1. */
static const char CSS[] =
    "*{box-sizing:border-box}"
    "body{margin:0;font-family:'DejaVu Sans',Verdana,sans-serif;color:#1a1a1a;"
    "background:#fff;line-height:1.5}"
    "header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}"
    "h1,h2,h3{overflow-wrap:anywhere;hyphens:auto;line-height:1.25}"
    "h1{font-size:clamp(1.25rem,6vw,2rem)}"
    "p,li,figcaption,dd{overflow-wrap:anywhere}td,th{overflow-wrap:break-word}"
    ".intern{color:#a00000;font-weight:bold}"
    ".meta,.note,footer{color:#4a4a4a}"
    ".tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));"
    "gap:1rem;padding:0;list-style:none}"
    ".tile{border:1px solid #767676;border-radius:4px;padding:.75rem}"
    ".tile h3{margin:0 0 .5rem}"
    ".tile dl{margin:0}.tile dt{font-weight:bold}.tile dd{margin:0 0 .4rem}"
    ".scroll{overflow-x:auto;max-width:100%}"
    ".scroll:focus{outline:2px solid #005a9c}"
    "table{border-collapse:collapse;margin:.5rem 0}"
    "caption{text-align:left;font-weight:bold;padding:.25rem 0}"
    "th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left}"
    "td.n{text-align:right;white-space:nowrap}"
    ".nw{white-space:nowrap}"
    "li>p{margin:.25rem 0}"
    "figure{margin:1rem 0}figure svg{max-width:100%;height:auto}"
    ".spark{margin:.5rem 0 0}.spark figcaption{font-size:.875rem}"
    ".filter{font-weight:bold}"
    "a{color:#005a9c}"
    "@media print{header,main,footer{max-width:none}.scroll{overflow:visible}"
    "figure,.tile,tr{break-inside:avoid}h2,h3,figcaption,caption{break-after:avoid}"
    "a{color:#1a1a1a}}";

typedef struct page {
    FILE *fp;
    int err; /* errno of the first failed write */
    const doc *d;
    int nchart; /* charts written: their id prefix */
    int ntable; /* scroll regions written: their label's id */
} page;

static void put(page *p, const char *s)
{
    if (!p->err && fputs(s, p->fp) == EOF)
        p->err = errno ? errno : EIO;
}

static void putf(page *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(page *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!p->err && vfprintf(p->fp, fmt, ap) < 0)
        p->err = errno ? errno : EIO;
    va_end(ap);
}

/* What a pm_html_buf gathered, then frees it; PM_ERR_NOMEM when it ran
 * out of memory. */
static pm_error put_buf(page *p, pm_html_buf *b)
{
    if (b->data && !b->nomem)
        put(p, b->data);
    pm_error err = b->nomem ? PM_ERR_NOMEM : PM_OK;
    free(b->data);
    *b = (pm_html_buf){0};
    return err;
}

/* Text and attribute values alike: & < > " ' become references, so an
 * imported name can end no element and no attribute. */
static void esc(page *p, const char *s)
{
    for (; s && *s && !p->err; s++) {
        switch (*s) {
        case '&': put(p, "&amp;"); break;
        case '<': put(p, "&lt;"); break;
        case '>': put(p, "&gt;"); break;
        case '"': put(p, "&quot;"); break;
        case '\'': put(p, "&#39;"); break;
        default:
            if (fputc(*s, p->fp) == EOF)
                p->err = errno ? errno : EIO;
        }
    }
}

/* <tag>text</tag> with the text escaped. */
static void elem(page *p, const char *tag, const char *text)
{
    putf(p, "<%s>", tag);
    esc(p, text);
    const char *sp = strchr(tag, ' ');
    putf(p, "</%.*s>\n", sp ? (int)(sp - tag) : (int)strlen(tag), tag);
}

/* As the PDF (pdf.c chart_shown): personal charts for intern only, and no
 * charts of an extern filtered indicator (SPEC §9). */
static bool filtered_extern(const doc *d, const pm_result *res)
{
    return !d->intern && res->gefilterd && pm_filter_active(&d->ctx->filter);
}

/* The status in words, never by colour alone; "onderdrukt" for a hidden
 * figure, as on the PDF's tiles. */
static void status_words(const pm_figures *f, pm_status s, char *buf, size_t size)
{
    if (!pm_figures_visible(f))
        snprintf(buf, size, "onderdrukt");
    else
        snprintf(buf, size, "%s%s%s", pm_label_status_long((int)s),
                 s == PM_GRIJS ? "" : " — ",
                 s == PM_GRIJS ? "" : pm_label_status_meaning((int)s));
}

static pm_error tile(page *p, const pm_result *res)
{
    const doc *d = p->d;
    char v[256], t[128], s[160], r[512];
    put(p, "<li class=\"tile\">\n");
    putf(p, "<h3>%s: ", res->id);
    esc(p, pm_label_indicator(res->id)->naam);
    put(p, "</h3>\n<dl>\n");
    put(p, "<dt>Periode</dt><dd>");
    esc(p, pm_text_shown(res->id, &res->periode, d->hidden, v, sizeof v));
    /* The period's own status in words, as the PDF's tile gives it. */
    putf(p, " (%s)",
         pm_figures_visible(&res->periode) ? pm_status_name(res->periode.status)
                                           : "onderdrukt");
    put(p, "</dd>\n<dt>Cumulatief</dt><dd>");
    esc(p, pm_text_shown(res->id, &res->cumulatief, d->hidden, v, sizeof v));
    put(p, "</dd>\n<dt>Doel</dt><dd>");
    esc(p, pm_label_target(res->id, d->cfg, t, sizeof t));
    put(p, "</dd>\n<dt>Status</dt><dd>");
    status_words(&res->cumulatief, res->status, s, sizeof s);
    esc(p, s);
    put(p, "</dd>\n<dt>Reden</dt><dd>");
    esc(p, pm_label_reden(res->id, &res->cumulatief, d->cfg, r, sizeof r));
    if (res->vergelijking.present) {
        char words[256];
        put(p, "</dd>\n<dt>Vergelijking</dt><dd>");
        pm_label_vergelijking_kort(res, d->ctx, words, sizeof words);
        esc(p, words);
    }
    put(p, "</dd>\n</dl>\n");
    pm_html_buf b = {0};
    pm_error err = pm_html_tile_spark(&b, d, res, &p->nchart, &p->ntable);
    pm_error e2 = put_buf(p, &b);
    put(p, "</li>\n");
    return err ? err : e2;
}

static pm_error tiles(page *p)
{
    pm_html_buf b = {0};
    pm_html_stand(&b, p->d);
    pm_error err = put_buf(p, &b);
    put(p, "<ul class=\"tiles\">\n");
    for (size_t i = 0; !err && i < p->d->rep->nresults; i++)
        err = tile(p, &p->d->rep->results[i]);
    put(p, "</ul>\n");
    return err;
}

/* A table that may be wider than a phone: it scrolls in its own region,
 * labelled by its caption, reachable by keyboard. */
static void table_open(page *p, const char *caption)
{
    p->ntable++;
    putf(p,
         "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
         "aria-labelledby=\"t%d\">\n<table>\n<caption id=\"t%d\">",
         p->ntable, p->ntable);
    esc(p, caption);
    put(p, "</caption>\n");
}

static void table_close(page *p)
{
    put(p, "</table>\n</div>\n");
}

/* One cell of a breakdown: its mark when hidden, else n and the value. */
static void cell_tds(page *p, const pm_result *res, const pm_breakdown *b,
                     const pm_cell *c, pm_marks *m)
{
    const doc *d = p->d;
    char a[64], w[64];
    if (!pm_cell_visible(b, c, d->in->audience, d->cfg->min_cell)) {
        char mark[PM_MARK_SIZE];
        pm_suppress s =
            pm_marks_add(m, pm_cell_hidden(b, c, d->in->audience, d->cfg->min_cell));
        pm_hidden_mark(s, d->cfg->min_cell, mark, sizeof mark);
        put(p, "<td class=\"n\">");
        esc(p, mark);
        put(p, "</td><td class=\"n\">");
        esc(p, mark);
        put(p, "</td>");
        return;
    }
    if (strcmp(res->id, "B") == 0)
        pm_format_euro(c->realisatie_cent, a, sizeof a);
    else
        pm_format_int(c->n, a, sizeof a);
    if (c->has_waarde)
        pm_format_percent(c->waarde, 1, w, sizeof w);
    else
        snprintf(w, sizeof w, "–");
    putf(p, "<td class=\"n\">%s</td><td class=\"n\">%s</td>", a, w);
}

/* Milestones are dates, not counts: planned and ready per row. */
static bool is_milestones(const pm_breakdown *b)
{
    for (size_t i = 0; i < b->ncells; i++)
        if (b->cumulatief[i].has_d1)
            return true;
    return false;
}

static void milestone_table(page *p, const pm_result *res, const pm_breakdown *b)
{
    char cap[256], d1[16], d2[16];
    snprintf(cap, sizeof cap, "%s: %s", res->id, pm_label_breakdown(b->key));
    table_open(p, cap);
    put(p, "<thead><tr><th scope=\"col\">Mijlpaal</th><th scope=\"col\">Gepland</th>"
           "<th scope=\"col\">Gereed</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < b->ncells; i++) {
        const pm_cell *c = &b->cumulatief[i];
        put(p, "<tr><th scope=\"row\">");
        esc(p, c->label ? c->label : pm_label_category(b->key, c->key));
        putf(p, "</th><td>%s</td><td>%s</td></tr>\n",
             c->has_d1 ? pm_format_date(c->d1, d1, sizeof d1) : "–",
             c->has_d2 ? pm_format_date(c->d2, d2, sizeof d2) : "nog niet");
    }
    put(p, "</tbody>\n");
    table_close(p);
}

static void breakdown_table(page *p, const pm_result *res, const pm_breakdown *b)
{
    if (is_milestones(b)) {
        milestone_table(p, res, b);
        return;
    }
    const doc *d = p->d;
    char cap[256];
    snprintf(cap, sizeof cap, "%s: %s", res->id, pm_label_breakdown(b->key));
    table_open(p, cap);
    bool b_posts = strcmp(res->id, "B") == 0;
    const char *n = b_posts ? "realisatie" : "aantal",
               *v = b_posts ? "uitputting" : "waarde";
    put(p, "<thead><tr><th scope=\"col\">Categorie</th>");
    putf(p, "<th scope=\"col\">Periode: %s</th><th scope=\"col\">Periode: %s</th>", n, v);
    putf(p,
         "<th scope=\"col\">Cumulatief: %s</th><th scope=\"col\">Cumulatief: %s</th>"
         "</tr></thead>\n<tbody>\n",
         n, v);
    pm_marks m = {0};
    for (size_t i = 0; i < b->ncells; i++) {
        const pm_cell *c = &b->periode[i];
        put(p, "<tr><th scope=\"row\">");
        esc(p, c->label ? c->label : pm_label_category(b->key, c->key));
        put(p, "</th>");
        cell_tds(p, res, b, c, &m);
        cell_tds(p, res, b, &b->cumulatief[i], &m);
        put(p, "</tr>\n");
    }
    put(p, "</tbody>\n");
    table_close(p);
    char legend[2 * PM_LEGEND_SIZE] = "";
    pm_pdf_marks_text(d, &m, legend, sizeof legend);
    if (*legend) {
        put(p, "<p class=\"note\">");
        esc(p, legend);
        put(p, "</p>\n");
    }
}

/* What a chart drawn for the page hears: its data, as tables. */
typedef struct heard {
    pm_html_buf tables;
    int *ntable;
} heard;

static void heard_category(void *ctx, const pm_chart_cfg *cfg, const pm_chart_data *d)
{
    heard *h = ctx;
    pm_html_category_table(&h->tables, h->ntable, cfg, d);
}

static void heard_timeline(void *ctx, const pm_timeline_cfg *cfg, const pm_milestone *m,
                           size_t n)
{
    heard *h = ctx;
    pm_html_timeline_table(&h->tables, h->ntable, cfg, m, n);
}

/* A chart as a figure: its sentence as caption, the SVG (an image named by
 * the sentence), then its numbers as drawn in a table (SPEC §11). */
static pm_error chart(page *p, const pm_result *res, const chart_def *c)
{
    const doc *d = p->d;
    char say[2048] = "";
    double want = 0, w = PAGE_W - 2 * MARGIN;
    pm_error err = c->fn(d, NULL, (pm_rect){0, 0, w, 0}, say, sizeof say, &want);
    if (err)
        return err;
    double h = want > 0 ? (want < 300 ? want : 300) : 270;
    char prefix[32];
    snprintf(prefix, sizeof prefix, "c%d-", ++p->nchart);
    pm_html_buf svg = {0};
    heard hd = {.ntable = &p->ntable};
    pm_chart_capture cap = {heard_category, heard_timeline, &hd};
    err = pm_html_chart_svg(d, c, w, h, prefix, &cap, &svg);
    if (!err && hd.tables.nomem)
        err = PM_ERR_NOMEM;
    if (!err) {
        put(p, "<figure>\n<figcaption>");
        esc(p, say);
        putf(p, " (%s)</figcaption>\n", res->id);
        /* role and name go on the svg element itself. */
        const char *rest = strstr(svg.data, "<svg");
        rest = rest ? rest + 4 : svg.data;
        put(p, "<svg role=\"img\" aria-label=\"");
        esc(p, say);
        put(p, "\"");
        put(p, rest);
        put(p, "\n");
        if (hd.tables.data)
            put(p, hd.tables.data);
        put(p, "</figure>\n");
    }
    free(svg.data);
    free(hd.tables.data);
    return err;
}

static void tl_runs(page *p, const pm_tl_block *b)
{
    for (size_t i = 0; i < b->nruns; i++) {
        const pm_tl_run *r = &b->runs[i];
        if (r->brk) {
            put(p, "<br>");
            continue;
        }
        bool link = r->url && (strncasecmp(r->url, "https://", 8) == 0 ||
                               strncasecmp(r->url, "http://", 7) == 0 ||
                               strncasecmp(r->url, "mailto:", 7) == 0);
        if (link) {
            put(p, "<a href=\"");
            esc(p, r->url);
            put(p, "\">");
        }
        if (r->style & PM_TL_STRONG)
            put(p, "<strong>");
        if (r->style & PM_TL_EMPH)
            put(p, "<em>");
        if (r->style & PM_TL_CODE)
            put(p, "<code>");
        esc(p, r->text);
        if (r->style & PM_TL_CODE)
            put(p, "</code>");
        if (r->style & PM_TL_EMPH)
            put(p, "</em>");
        if (r->style & PM_TL_STRONG)
            put(p, "</strong>");
        if (link)
            put(p, "</a>");
    }
}

/* The lists open while a section is written: per level its kind and
 * whether an item is open. Grows with the Markdown's nesting. */
typedef struct lists {
    char *kind; /* 'u' or 'o' per level, 1 .. depth */
    bool *item;
    int depth, cap;
} lists;

static bool lists_reserve(lists *l, int depth)
{
    if (depth < l->cap)
        return true;
    int cap = depth + 8;
    char *k = realloc(l->kind, (size_t)cap);
    if (!k)
        return false;
    l->kind = k;
    bool *it = realloc(l->item, (size_t)cap * sizeof *it);
    if (!it)
        return false;
    l->item = it;
    l->cap = cap;
    return true;
}

/* Closes lists (and their open items) down to depth. */
static void lists_close_to(page *p, lists *l, int depth)
{
    while (l->depth > depth) {
        if (l->item[l->depth])
            put(p, "</li>\n");
        put(p, l->kind[l->depth] == 'o' ? "</ol>\n" : "</ul>\n");
        l->depth--;
    }
}

/* Opens lists up to depth; a level skipped on the way gets an item, as
 * CommonMark nests a list only inside an item. */
static void lists_open_to(page *p, lists *l, int depth, const pm_tl_block *b)
{
    while (l->depth < depth) {
        if (l->depth > 0 && !l->item[l->depth]) {
            put(p, "<li>");
            l->item[l->depth] = true;
        }
        l->depth++;
        bool ordered = l->depth == depth && b->number > 0;
        l->kind[l->depth] = ordered ? 'o' : 'u';
        l->item[l->depth] = false;
        if (ordered && b->number != 1)
            putf(p, "<ol start=\"%d\">\n", b->number);
        else
            put(p, ordered ? "<ol>\n" : "<ul>\n");
    }
}

/* The blocks of a section: paragraphs, and lists as <ul>/<ol> with <li>,
 * nested as in the Markdown (toelichting.h flattens them to depth, marker
 * and number; this puts the structure back). */
static pm_error tl_section(page *p, const pm_tl_section *s)
{
    lists l = {0};
    pm_error err = PM_OK;
    for (size_t i = 0; i < s->nblocks; i++) {
        const pm_tl_block *b = &s->blocks[i];
        if (!lists_reserve(&l, b->depth + 1)) {
            err = PM_ERR_NOMEM;
            break;
        }
        if (b->depth < l.depth || (b->depth == l.depth && b->marker && b->depth > 0 &&
                                   (l.kind[l.depth] == 'o') != (b->number > 0)))
            lists_close_to(p, &l, b->depth - (b->depth == l.depth ? 1 : 0));
        lists_open_to(p, &l, b->depth, b);
        if (b->depth > 0 && b->marker) {
            if (l.item[l.depth])
                put(p, "</li>\n");
            put(p, "<li>");
            l.item[l.depth] = true;
        } else if (b->depth > 0 && !l.item[l.depth]) {
            put(p, "<li>");
            l.item[l.depth] = true;
        }
        put(p, "<p>");
        tl_runs(p, b);
        put(p, "</p>\n");
    }
    lists_close_to(p, &l, 0);
    free(l.kind);
    free(l.item);
    return err;
}

static pm_error indicator_section(page *p, const pm_result *res)
{
    const doc *d = p->d;
    const page_def *pd = pm_pdf_page_def(res->id);
    putf(p, "<section aria-labelledby=\"h-%s\">\n<h2 id=\"h-%s\">%s: ", res->id, res->id,
         res->id);
    esc(p, pm_label_indicator(res->id)->naam);
    put(p, "</h2>\n");
    put(p, "<p>");
    esc(p, pm_label_indicator(res->id)->definitie);
    put(p, "</p>\n");
    const pm_tl_section *tl = pm_tl_for_indicator(d->in->toelichting, res->id);
    if (tl) {
        put(p, "<h3>Toelichting</h3>\n");
        pm_error err = tl_section(p, tl);
        if (err)
            return err;
    }
    if (filtered_extern(d, res)) {
        put(p, "<p>Bij een selectie van organisaties toont een externe rapportage van "
               "deze indicator alleen de cijfers van het dashboard; de uitsplitsingen "
               "en het verloop per kwartaal blijven weg.</p>\n</section>\n");
        return PM_OK;
    }
    bool head = false;
    for (size_t k = 0; pd && k < pd->ncharts; k++) {
        if (pd->charts[k].personal && !d->intern)
            continue;
        if (!head)
            put(p, "<h3>Grafieken</h3>\n");
        head = true;
        pm_error err = chart(p, res, &pd->charts[k]);
        if (err)
            return err;
    }
    head = false;
    for (size_t k = 0; k < res->nbreakdowns; k++) {
        const pm_breakdown *b = &res->breakdowns[k];
        if (!pm_breakdown_visible(b, d->in->audience))
            continue;
        if (!head)
            put(p, "<h3>Uitsplitsingen</h3>\n");
        head = true;
        breakdown_table(p, res, b);
    }
    if (!d->intern && pd && pd->extern_note)
        elem(p, "p class=\"note\"", pd->extern_note);
    if (!d->intern && pm_result_has_secondary(res))
        elem(p, "p class=\"note\"", PM_SECONDARY_NOTE);
    put(p, "</section>\n");
    return PM_OK;
}

static pm_error samenvatting(page *p)
{
    const doc *d = p->d;
    pm_summary s = {0};
    pm_error err = pm_summary_build(d->rep, d->in->audience, d->rep->warnings, &s);
    if (!err) {
        put(p, "<section aria-labelledby=\"h-samenvatting\">\n"
               "<h2 id=\"h-samenvatting\">Belangrijkste ontwikkelingen</h2>\n<ul>\n");
        for (size_t i = 0; i < s.n; i++) {
            put(p, "<li>");
            if (s.lines[i].indicator)
                putf(p, "<strong>%s</strong>: ", s.lines[i].indicator);
            esc(p, s.lines[i].zin);
            put(p, "</li>\n");
        }
        put(p, "</ul>\n</section>\n");
    }
    pm_summary_free(&s);
    return err;
}

static pm_error general_toelichting(page *p)
{
    const pm_toelichting *t = p->d->in->toelichting;
    static const pm_tl_id ids[] = {PM_TL_ALGEMEEN, PM_TL_RISICOS, PM_TL_MAATREGELEN};
    bool any = false;
    for (size_t i = 0; t && i < sizeof ids / sizeof ids[0]; i++)
        any |= t->sections[ids[i]].present;
    if (!any)
        return PM_OK;
    put(p, "<section aria-labelledby=\"h-toelichting\">\n"
           "<h2 id=\"h-toelichting\">Toelichting van de coördinator</h2>\n");
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        if (!t->sections[ids[i]].present)
            continue;
        elem(p, "h3", pm_tl_heading(ids[i]));
        if (tl_section(p, &t->sections[ids[i]]))
            return PM_ERR_NOMEM;
    }
    put(p, "</section>\n");
    return PM_OK;
}

/* The toegankelijkheidsverklaring (SPEC §11): what the page meets and,
 * as plainly, what it does not, so a reader knows where to look instead. */
static void verklaring(page *p)
{
    put(p, "<section aria-labelledby=\"h-verklaring\">\n"
           "<h2 id=\"h-verklaring\">Toegankelijkheid</h2>\n"
           "<p>Deze pagina is gemaakt om te voldoen aan WCAG 2.1 niveau AA. Elke versie "
           "wordt automatisch gecontroleerd met axe-core (WCAG 2.1 A en AA) in een "
           "browser, op 1280, 640 (200% zoom) en 320 pixels breed en als afdruk.</p>\n"
           "<h3>Wat voldoet</h3>\n<ul>\n"
           "<li>Eén bestand zonder scripts en zonder verwijzingen naar andere "
           "servers.</li>\n"
           "<li>Koppen in volgorde, herkenningspunten (kop, inhoud, voettekst) en "
           "tabellen met een bijschrift en kopcellen.</li>\n"
           "<li>Bij elke grafiek een beschrijving en dezelfde cijfers in een tabel; "
           "een verborgen aantal staat er als &lt;5 of x, met de uitleg erbij.</li>\n"
           "<li>De status van elke indicator in woorden, nooit alleen in kleur.</li>\n"
           "<li>Tekst met een contrast van minstens 4,5:1 en kleuren in de grafieken "
           "van minstens 3:1 tegen de witte achtergrond.</li>\n"
           "<li>Leesbaar zonder zijwaarts scrollen vanaf 320 pixels breed en bij 200% "
           "zoom; brede tabellen scrollen in een eigen, met het toetsenbord bereikbaar "
           "vak.</li>\n"
           "<li>Af te drukken: een grafiek blijft bij elkaar met haar bijschrift.</li>\n"
           "</ul>\n"
           "<h3>Wat niet voldoet</h3>\n<ul>\n"
           "<li>De tekst in de grafieken zelf (titels, assen, waarden) is getekend als "
           "vormen en niet als tekst: niet te selecteren, te doorzoeken of te laten "
           "voorlezen. De beschrijving en de tabel bij elke grafiek geven dezelfde "
           "informatie.</li>\n"
           "<li>In de grafieken onderscheiden series zich door kleur en lijnsoort; "
           "de legenda staat in de grafiek. Wie de kleuren niet kan onderscheiden, "
           "leest de kolommen van de tabel eronder.</li>\n"
           "<li>Lange woorden in koppen kunnen op een smal scherm zonder "
           "afbreekstreepje worden afgebroken.</li>\n"
           "</ul>\n"
           "<p>Loopt u toch tegen een probleem aan, meld het dan bij de "
           "programmacoördinator; u krijgt binnen vijf werkdagen antwoord.</p>\n"
           "</section>\n");
}

static pm_error body(page *p, bool dashboard)
{
    const doc *d = p->d;
    char pl[160], h1[512], f[400];
    /* The dashboard's title is the PDF's: --titel, else the filter and the
     * period; the report names its selection after its title. */
    if (dashboard)
        pm_dashboard_title(d, h1, sizeof h1);
    else
        snprintf(h1, sizeof h1, "%s", REPORT_TITLE);
    if (!dashboard && pm_filter_active(&d->ctx->filter))
        pm_pdf_add(h1, sizeof h1, ": %s", pm_label_filter(&d->ctx->filter, f, sizeof f));
    put(p, "<header>\n");
    if (d->intern) {
        put(p, "<p class=\"intern\">");
        esc(p, pm_label_intern_mark);
        put(p, "</p>\n");
    }
    elem(p, "h1", h1);
    char pd[16];
    snprintf(pl, sizeof pl, "Periode %s · peildatum %s · publiek %s", d->period_name,
             pm_format_date(d->ctx->peildatum, pd, sizeof pd),
             pm_audience_name(d->in->audience));
    elem(p, "p class=\"meta\"", pl);
    /* Under a filter (SPEC §9), whose figures these are, before any tile;
     * said even when --titel replaced the title. */
    if (pm_filter_active(&d->ctx->filter)) {
        char fl[640];
        snprintf(fl, sizeof fl,
                 "Filter: %s. R1, R2 en R3 tellen alleen deze organisaties; R4, R5, R6 "
                 "en B gelden voor het hele programma.",
                 pm_label_filter(&d->ctx->filter, f, sizeof f));
        elem(p, "p class=\"filter\"", fl);
    }
    put(p, "</header>\n<main>\n");
    pm_html_buf eb = {0};
    pm_html_eindstand(&eb, d);
    pm_error err = put_buf(p, &eb);
    put(p, "<section aria-labelledby=\"h-dashboard\">\n"
           "<h2 id=\"h-dashboard\">Stand per indicator</h2>\n");
    if (!err)
        err = tiles(p);
    put(p, "</section>\n");
    pm_html_buf rb = {0};
    pm_html_reading(&rb, d);
    if (!err)
        err = put_buf(p, &rb);
    else
        free(rb.data);
    if (!dashboard) {
        err = samenvatting(p);
        for (size_t i = 0; !err && i < d->rep->nresults; i++)
            err = indicator_section(p, &d->rep->results[i]);
        if (!err)
            err = general_toelichting(p);
    }
    verklaring(p);
    put(p, "</main>\n<footer>\n<p>");
    snprintf(pl, sizeof pl, "Gegevens %s · gemaakt %s met pijlermonitor",
             d->in->fingerprint && *d->in->fingerprint ? d->in->fingerprint : "–",
             d->created);
    esc(p, pl);
    put(p, "</p>\n</footer>\n");
    return err;
}

pm_error pm_html_write(const pm_pdf_input *in, bool dashboard, const char *path,
                       const char *shown, char *msg, size_t msgsize)
{
    shown = shown ? shown : path;
    doc d;
    pm_error err = pm_pdf_doc_init(&d, in);
    if (err) {
        snprintf(msg, msgsize, "%s", pm_strerror(err));
        return err;
    }
    d.dashboard = dashboard;
    page p = {.d = &d};
    p.fp = fopen(path, "w");
    if (!p.fp) {
        snprintf(msg, msgsize, "kan %s niet schrijven: %s", shown, strerror(errno));
        pm_pdf_doc_free(&d);
        return PM_ERR_IO;
    }
    put(&p, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>");
    char title[512];
    if (dashboard)
        pm_dashboard_title(&d, title, sizeof title);
    esc(&p, dashboard ? title : REPORT_TITLE);
    putf(&p, " — %s</title>\n<style>%s</style>\n</head>\n<body>\n", d.period_name, CSS);
    err = body(&p, dashboard);
    put(&p, "</body>\n</html>\n");
    if (fclose(p.fp) != 0 && !p.err)
        p.err = errno ? errno : EIO;
    if (err)
        snprintf(msg, msgsize, "%s: %s", shown, pm_strerror(err));
    else if (p.err) {
        snprintf(msg, msgsize, "kan %s niet schrijven: %s", shown, strerror(p.err));
        err = PM_ERR_IO;
    }
    pm_pdf_doc_free(&d);
    pm_chart_fonts_release();
    return err;
}
