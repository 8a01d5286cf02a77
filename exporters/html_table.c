/* html_table.c — every chart's numbers as a table (SPEC §11): the web page
 * attaches a capture (chart_capture.h) to the cairo_t it draws a chart on,
 * and the chart's own data become a table with a caption and th scope, so
 * the table shows what the bars show. A hidden cell is its mark ("<5",
 * "x"), never its value: the mark is all the chart had. */
#include "html_internal.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

void pm_html_buf_add(pm_html_buf *b, const char *s, size_t n)
{
    if (b->nomem)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->nomem = true;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void pm_html_buf_put(pm_html_buf *b, const char *s)
{
    pm_html_buf_add(b, s, strlen(s));
}

void pm_html_buf_printf(pm_html_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    pm_html_buf_put(b, s);
    g_free(s);
}

void pm_html_buf_esc(pm_html_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': pm_html_buf_put(b, "&amp;"); break;
        case '<': pm_html_buf_put(b, "&lt;"); break;
        case '>': pm_html_buf_put(b, "&gt;"); break;
        case '"': pm_html_buf_put(b, "&quot;"); break;
        case '\'': pm_html_buf_put(b, "&#39;"); break;
        default: pm_html_buf_add(b, s, 1);
        }
    }
}

void pm_html_table_open(pm_html_buf *b, int *ntable, const char *caption)
{
    ++*ntable;
    pm_html_buf_printf(b,
                       "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
                       "aria-labelledby=\"t%d\">\n<table>\n<caption id=\"t%d\">",
                       *ntable, *ntable);
    pm_html_buf_esc(b, caption);
    pm_html_buf_put(b, "</caption>\n");
}

void pm_html_table_close(pm_html_buf *b)
{
    pm_html_buf_put(b, "</table>\n</div>\n");
}

/* The digits a number gets: shares to a tenth of a percent, as the alt
 * text and the breakdown tables give them. */
static int decimals(const pm_chart_cfg *cfg, const pm_series *s)
{
    if (cfg->format == PM_FMT_PERCENT)
        return s->value_decimals > 1 ? s->value_decimals : 1;
    return s->value_decimals;
}

static bool same_rgb(pm_rgb a, pm_rgb b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* The legend entry a bar's own colour stands for ("boven doel"), or NULL. */
static const char *colour_meaning(const pm_chart_data *d, const pm_series *s, size_t i)
{
    for (size_t k = 0; s->colors && k < d->nextra; k++)
        if (same_rgb(s->colors[i], d->extra[k].color))
            return d->extra[k].label;
    return NULL;
}

/* A value as the chart draws it: its mark when hidden, a dash for a gap. */
static const char *shown(const pm_chart_cfg *cfg, const pm_series *s, size_t i,
                         bool *primary, bool *secondary, char *buf, size_t size)
{
    if (s->hidden && s->hidden[i] && s->secondary && s->secondary[i]) {
        *secondary = true;
        return cfg->secondary_text ? cfg->secondary_text : "x";
    }
    if (s->hidden && s->hidden[i]) {
        *primary = true;
        return cfg->hidden_text ? cfg->hidden_text : "<5";
    }
    if (s->present && !s->present[i])
        return "geen gegevens";
    return pm_axis_format(s->values[i], cfg->format, decimals(cfg, s), buf, size);
}

static void caption_of(pm_html_buf *b, int *ntable, const char *title, const char *sub)
{
    char *cap = g_strdup_printf("Cijfers bij de grafiek: %s%s%s%s", title ? title : "",
                                sub && *sub ? " (" : "", sub && *sub ? sub : "",
                                sub && *sub ? ")" : "");
    pm_html_table_open(b, ntable, cap);
    g_free(cap);
}

void pm_html_category_table(pm_html_buf *b, int *ntable, const pm_chart_cfg *cfg,
                            const pm_chart_data *d)
{
    caption_of(b, ntable, cfg->title, cfg->subtitle);
    /* The trend charts' categories are quarters (their subtitle says so). */
    bool quarters = cfg->subtitle && strncmp(cfg->subtitle, "Per kwartaal", 12) == 0;
    pm_html_buf_put(b, "<thead><tr><th scope=\"col\">");
    pm_html_buf_esc(b, cfg->category_title && *cfg->category_title ? cfg->category_title
                       : quarters                                  ? "Kwartaal"
                                                                   : "Categorie");
    pm_html_buf_put(b, "</th>");
    bool meaning = false;
    for (size_t k = 0; k < d->nseries; k++) {
        const pm_series *s = &d->series[k];
        const char *h = s->label && *s->label ? s->label
                        : cfg->value_title    ? cfg->value_title
                                              : "Waarde";
        pm_html_buf_put(b, "<th scope=\"col\">");
        pm_html_buf_esc(b, h);
        pm_html_buf_put(b, "</th>");
        if (s->lo && s->hi) {
            pm_html_buf_put(b, "<th scope=\"col\">");
            pm_html_buf_esc(b, h);
            pm_html_buf_put(b, ": interval</th>");
        }
        meaning |= s->colors && d->nextra;
    }
    if (meaning)
        pm_html_buf_put(b, "<th scope=\"col\">Kleur in de grafiek</th>");
    pm_html_buf_put(b, "</tr></thead>\n<tbody>\n");
    bool primary = false, secondary = false;
    for (size_t i = 0; i < d->ncat; i++) {
        pm_html_buf_put(b, "<tr><th scope=\"row\">");
        pm_html_buf_esc(b, d->categories[i]);
        pm_html_buf_put(b, "</th>");
        const char *what = NULL;
        for (size_t k = 0; k < d->nseries; k++) {
            const pm_series *s = &d->series[k];
            char v[64], lo[64], hi[64];
            pm_html_buf_put(b, "<td class=\"n\">");
            pm_html_buf_esc(b, shown(cfg, s, i, &primary, &secondary, v, sizeof v));
            pm_html_buf_put(b, "</td>");
            if (s->lo && s->hi) {
                bool gap = (s->hidden && s->hidden[i]) || (s->present && !s->present[i]);
                pm_html_buf_put(b, "<td class=\"n\">");
                if (gap)
                    pm_html_buf_put(b, "–");
                else
                    pm_html_buf_printf(b, "%s – %s",
                                       pm_axis_format(s->lo[i], cfg->format,
                                                      decimals(cfg, s), lo, sizeof lo),
                                       pm_axis_format(s->hi[i], cfg->format,
                                                      decimals(cfg, s), hi, sizeof hi));
                pm_html_buf_put(b, "</td>");
            }
            if (!what && s->colors && !(s->hidden && s->hidden[i]))
                what = colour_meaning(d, s, i);
        }
        if (meaning) {
            pm_html_buf_put(b, "<td>");
            pm_html_buf_esc(b, what ? what : "–");
            pm_html_buf_put(b, "</td>");
        }
        pm_html_buf_put(b, "</tr>\n");
    }
    pm_html_buf_put(b, "</tbody>\n");
    pm_html_table_close(b);
    /* Targets and the marks the table uses, under it. */
    GString *note = g_string_new(NULL);
    for (size_t k = 0; k < d->ntargets; k++)
        if (d->targets[k].label && *d->targets[k].label)
            g_string_append_printf(note, "%s%s.", note->len ? " " : "",
                                   d->targets[k].label);
    if (primary && cfg->hidden_legend)
        g_string_append_printf(note, "%s%s.", note->len ? " " : "", cfg->hidden_legend);
    if (secondary && cfg->secondary_legend)
        g_string_append_printf(note, "%s%s.", note->len ? " " : "",
                               cfg->secondary_legend);
    if (note->len) {
        pm_html_buf_put(b, "<p class=\"note\">");
        pm_html_buf_esc(b, note->str);
        pm_html_buf_put(b, "</p>\n");
    }
    g_string_free(note, TRUE);
}

void pm_html_timeline_table(pm_html_buf *b, int *ntable, const pm_timeline_cfg *cfg,
                            const pm_milestone *m, size_t n)
{
    caption_of(b, ntable, cfg->title, cfg->subtitle);
    pm_html_buf_put(b, "<thead><tr><th scope=\"col\">Mijlpaal</th>"
                       "<th scope=\"col\">Gepland</th><th scope=\"col\">Gereed</th>"
                       "<th scope=\"col\">Uitkomst</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        char d1[16], d2[16];
        pm_html_buf_put(b, "<tr><th scope=\"row\">");
        pm_html_buf_esc(b, m[i].label);
        pm_html_buf_printf(b, "</th><td>%s</td><td>%s</td><td>",
                           pm_format_date(m[i].planned, d1, sizeof d1),
                           m[i].done ? pm_format_date(m[i].ready, d2, sizeof d2) : "–");
        if (!m[i].done)
            pm_html_buf_esc(b, cfg->not_done ? cfg->not_done : "niet gereed");
        else if (m[i].ready <= m[i].planned)
            pm_html_buf_esc(b, cfg->on_time ? cfg->on_time : "op tijd");
        else if (m[i].ready - m[i].planned == 1)
            pm_html_buf_esc(b, cfg->late_one ? cfg->late_one : "1 dag te laat");
        else
            pm_html_buf_printf(b, "%ld dagen te laat", (long)(m[i].ready - m[i].planned));
        pm_html_buf_put(b, "</td></tr>\n");
    }
    if (n == 0)
        pm_html_buf_put(b, "<tr><td colspan=\"4\">Geen mijlpalen.</td></tr>\n");
    pm_html_buf_put(b, "</tbody>\n");
    pm_html_table_close(b);
}
