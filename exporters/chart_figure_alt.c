/* chart_figure_alt.c — the text alternative of a category chart (SPEC §11): what
 * it shows and its numbers in Dutch, as the chart draws them, so a hidden
 * cell is named by its mark ("<5", "x") and never by its value. */
#include <glib.h>
#include <string.h>

#include "chart.h"

/* The digits a number in the alt text gets: shares to a tenth of a
 * percent, as the JSON and the tables give them. */
static int alt_decimals(const pm_chart_cfg *cfg, const pm_series *s)
{
    if (cfg->format == PM_FMT_PERCENT)
        return s->value_decimals > 1 ? s->value_decimals : 1;
    return s->value_decimals;
}

static const char *kind_word(const pm_chart_data *d)
{
    if (d->nseries == 0)
        return "Grafiek";
    switch (d->series[0].kind) {
    case PM_SERIES_BAR: return "Staafdiagram";
    case PM_SERIES_LINE: return "Lijndiagram";
    case PM_SERIES_STEP:
    default: return "Trapdiagram";
    }
}

char *pm_chart_alt(const pm_chart_cfg *cfg, const pm_chart_data *d)
{
    GString *g = g_string_new(kind_word(d));
    g_string_append(g, ": ");
    g_string_append(g, cfg->title ? cfg->title : "");
    if (cfg->subtitle && *cfg->subtitle)
        g_string_append_printf(g, " (%s)", cfg->subtitle);
    g_string_append(g, ".");
    /* What the axes count, where the chart names it ("werkdagen na
     * ontvangst"): a bare "0 45, 1 147" says nothing by ear. */
    if (cfg->category_title && *cfg->category_title)
        g_string_append_printf(g, " Categorieën: %s.", cfg->category_title);
    if (cfg->value_title && *cfg->value_title)
        g_string_append_printf(g, " Waarden: %s.", cfg->value_title);
    bool secondary = false;
    for (size_t k = 0; k < d->nseries; k++) {
        const pm_series *s = &d->series[k];
        if (d->nseries > 1 && s->label)
            g_string_append_printf(g, " %s:", s->label);
        for (size_t i = 0; i < d->ncat; i++) {
            char buf[64];
            const char *v;
            if (s->hidden && s->hidden[i] && s->secondary && s->secondary[i]) {
                v = cfg->secondary_text;
                secondary = true;
            } else if (s->hidden && s->hidden[i])
                v = cfg->hidden_text;
            else if (s->present && !s->present[i])
                v = "geen gegevens";
            else
                v = pm_axis_format(s->values[i], cfg->format, alt_decimals(cfg, s), buf,
                                   sizeof buf);
            g_string_append_printf(g, " %s %s%s", d->categories[i], v,
                                   i + 1 < d->ncat ? "," : ".");
        }
    }
    for (size_t k = 0; k < d->ntargets; k++) {
        const char *l = d->targets[k].label;
        if (!l || !*l)
            continue;
        /* "doel 90%" begins a sentence here. */
        gchar *first = g_utf8_strup(l, g_utf8_next_char(l) - l);
        g_string_append_printf(g, " %s%s.", first, g_utf8_next_char(l));
        g_free(first);
    }
    if (cfg->hidden_legend && strstr(g->str, cfg->hidden_text))
        g_string_append_printf(g, " %s.", cfg->hidden_legend);
    if (secondary && cfg->secondary_legend)
        g_string_append_printf(g, " %s.", cfg->secondary_legend);
    return g_string_free(g, FALSE);
}
