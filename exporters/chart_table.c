/* chart_table.c — a chart's numbers as a table of text (chart_table.h). The
 * cells say what the chart draws, by the same rules as its alt text
 * (chart_figure_alt.c): shares to a tenth of a percent, a hidden cell by
 * its mark. */
#include "chart_table.h"

#include <glib.h>
#include <string.h>

#include "format.h"

pm_chart_table *pm_chart_table_new(const char *title, size_t ncols,
                                   const char *const *head)
{
    pm_chart_table *t = g_new0(pm_chart_table, 1);
    t->title = g_strdup(title ? title : "");
    t->ncols = ncols;
    t->head = g_new0(char *, ncols ? ncols : 1);
    for (size_t c = 0; c < ncols; c++)
        t->head[c] = g_strdup(head[c] ? head[c] : "");
    return t;
}

void pm_chart_table_add_row(pm_chart_table *t, const char *const *cells)
{
    t->cells = g_renew(char *, t->cells, (t->nrows + 1) * t->ncols);
    for (size_t c = 0; c < t->ncols; c++)
        t->cells[t->nrows * t->ncols + c] = g_strdup(cells[c] ? cells[c] : "");
    t->nrows++;
}

void pm_chart_table_set_note(pm_chart_table *t, const char *note)
{
    g_free(t->note);
    t->note = note && *note ? g_strdup(note) : NULL;
}

void pm_chart_table_free(pm_chart_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        g_free(t->cells[i]);
    for (size_t c = 0; c < t->ncols; c++)
        g_free(t->head[c]);
    g_free(t->cells);
    g_free(t->head);
    g_free(t->title);
    g_free(t->note);
    g_free(t);
}

/* "Titel (ondertitel)": what the appendix's heading names. */
static char *full_title(const char *title, const char *subtitle)
{
    if (subtitle && *subtitle)
        return g_strdup_printf("%s (%s)", title ? title : "", subtitle);
    return g_strdup(title ? title : "");
}

/* The unit a value column's header carries, unless the header says it. */
static char *value_head(const char *name, pm_value_format f)
{
    const char *unit = f == PM_FMT_PERCENT ? "%" : f == PM_FMT_EURO ? "€" : NULL;
    if (!name || !*name)
        name = f == PM_FMT_PERCENT ? "Aandeel" : f == PM_FMT_EURO ? "Bedrag" : "Aantal";
    if (unit && !strstr(name, unit))
        return g_strdup_printf("%s (%s)", name, unit);
    /* An axis title starts small ("aantal"); a column header does not. */
    gchar *first = g_utf8_strup(name, g_utf8_next_char(name) - name);
    char *s = g_strdup_printf("%s%s", first, g_utf8_next_char(name));
    g_free(first);
    return s;
}

/* The first column's header: the axis title, else what the title counts
 * "per" ("Reactie binnen 5 werkdagen per regio": "Regio"). */
static char *category_head(const pm_chart_cfg *cfg)
{
    if (cfg->category_title && *cfg->category_title)
        return value_head(cfg->category_title, PM_FMT_NUMBER);
    const char *per = cfg->title ? g_strrstr(cfg->title, " per ") : NULL;
    if (per && per[5]) {
        /* One word: "per regio (cumulatief)" gives "Regio". */
        size_t len = strcspn(per + 5, " (,");
        char *word = g_strndup(per + 5, len);
        char *s = value_head(word, PM_FMT_NUMBER);
        g_free(word);
        return s;
    }
    /* A trend chart says "Per kwartaal, …" in its subtitle. */
    if (cfg->subtitle && g_str_has_prefix(cfg->subtitle, "Per kwartaal"))
        return g_strdup("Kwartaal");
    return g_strdup("Categorie");
}

/* The digits a share gets: a tenth of a percent, as the JSON gives it. */
static int decimals(const pm_chart_cfg *cfg, const pm_series *s)
{
    if (cfg->format == PM_FMT_PERCENT)
        return s->value_decimals > 1 ? s->value_decimals : 1;
    return s->value_decimals;
}

pm_chart_table *pm_chart_table_of_chart(const pm_chart_cfg *cfg, const pm_chart_data *d)
{
    size_t ncols = 1 + d->nseries;
    char **head = g_new0(char *, ncols);
    head[0] = category_head(cfg);
    for (size_t k = 0; k < d->nseries; k++) {
        /* One series: the value axis names it; more: each its legend. */
        const char *name =
            d->nseries > 1 && d->series[k].label ? d->series[k].label : cfg->value_title;
        head[1 + k] = value_head(name, cfg->format);
    }
    char *title = full_title(cfg->title, cfg->subtitle);
    pm_chart_table *t = pm_chart_table_new(title, ncols, (const char *const *)head);
    g_free(title);
    for (size_t c = 0; c < ncols; c++)
        g_free(head[c]);
    g_free(head);

    bool primary = false, secondary = false;
    const char **row = g_new0(const char *, ncols);
    /* A number's text per series column, 64 bytes each. */
    char *buf = g_malloc0(ncols * 64);
    for (size_t i = 0; i < d->ncat; i++) {
        row[0] = d->categories[i];
        for (size_t k = 0; k < d->nseries; k++) {
            const pm_series *s = &d->series[k];
            if (s->hidden && s->hidden[i] && s->secondary && s->secondary[i]) {
                row[1 + k] = cfg->secondary_text ? cfg->secondary_text : "x";
                secondary = true;
            } else if (s->hidden && s->hidden[i]) {
                row[1 + k] = cfg->hidden_text ? cfg->hidden_text : "<5";
                primary = true;
            } else if (s->present && !s->present[i])
                row[1 + k] = "geen gegevens";
            else
                row[1 + k] = pm_axis_format(s->values[i], cfg->format, decimals(cfg, s),
                                            buf + k * 64, 64);
        }
        pm_chart_table_add_row(t, row);
    }
    g_free(row);
    g_free(buf);

    GString *note = g_string_new(NULL);
    for (size_t k = 0; k < d->ntargets; k++) {
        const char *l = d->targets[k].label;
        if (!l || !*l)
            continue;
        gchar *first = g_utf8_strup(l, g_utf8_next_char(l) - l);
        g_string_append_printf(note, "%s%s%s.", note->len ? " " : "", first,
                               g_utf8_next_char(l));
        g_free(first);
    }
    /* A revised quarter carries " *" in its label (pdf_pages.c); the
     * sentence saying what changed stays under the chart, the table says
     * what the mark means. */
    for (size_t i = 0; i < d->ncat; i++)
        if (g_str_has_suffix(d->categories[i], " *")) {
            g_string_append_printf(note,
                                   "%s* = herzien: dit kwartaal is anders dan eerder "
                                   "bekend (zie de tekst onder de grafiek).",
                                   note->len ? " " : "");
            break;
        }
    if (primary && cfg->hidden_legend)
        g_string_append_printf(note, "%s%s.", note->len ? " " : "", cfg->hidden_legend);
    if (secondary && cfg->secondary_legend)
        g_string_append_printf(note, "%s%s.", note->len ? " " : "",
                               cfg->secondary_legend);
    pm_chart_table_set_note(t, note->str);
    g_string_free(note, TRUE);
    return t;
}

pm_chart_table *pm_chart_table_of_timeline(const pm_timeline_cfg *cfg,
                                           const pm_milestone *m, size_t n)
{
    static const char *const head[] = {"Mijlpaal", "Gepland", "Gereed"};
    char *title = full_title(cfg->title, cfg->subtitle);
    pm_chart_table *t = pm_chart_table_new(title, 3, head);
    g_free(title);
    for (size_t i = 0; i < n; i++) {
        char d1[16], d2[16];
        const char *row[3] = {m[i].label, pm_format_date(m[i].planned, d1, sizeof d1),
                              m[i].done
                                  ? pm_format_date(m[i].ready, d2, sizeof d2)
                                  : (cfg->not_done ? cfg->not_done : "niet gereed")};
        pm_chart_table_add_row(t, row);
    }
    if (n == 0)
        pm_chart_table_set_note(t, cfg->empty_text);
    return t;
}
