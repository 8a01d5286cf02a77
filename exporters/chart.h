/* chart.h — the chart module of the PDF report: bar, line and step charts
 * over categories, a milestone timeline, sparklines and status badges.
 *
 * Every drawing goes onto a cairo_t the caller supplies, inside a rectangle
 * the caller chooses (kplot style), so the same code fills a PDF page and a
 * PNG file. Each kind of drawing has a config struct with a _defaults()
 * function; the data is borrowed for the duration of the call only.
 *
 * All text goes through pango (chart_text.c): layout, wrapping, ellipsis and
 * diacritics. Nothing here uses cairo's toy text API. Sizes are in user
 * units: points on a PDF page; a PNG caller scales its cairo_t first. */
#ifndef PM_CHART_H
#define PM_CHART_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "result.h"

typedef struct pm_rgb {
    double r, g, b;
} pm_rgb;

typedef struct pm_rect {
    double x, y, w, h;
} pm_rect;

/* ---- colours (chart.c) ------------------------------------------------- */

/* The Okabe-Ito palette, safe for the common forms of colour blindness;
 * orange and sky blue darkened in their own hue to 3:1 against white, as
 * every mark needs (WCAG 1.4.11, tests/unit/test_palette.c). Yellow stays
 * 1.3:1: never a mark, only a fill behind text. */
extern const pm_rgb pm_okabe_ito[8];
#define PM_OI_BLACK 0
#define PM_OI_ORANGE 1
#define PM_OI_SKY 2
#define PM_OI_GREEN 3
#define PM_OI_YELLOW 4
#define PM_OI_BLUE 5
#define PM_OI_VERMILLION 6
#define PM_OI_PURPLE 7

extern const pm_rgb pm_ink;   /* body text */
extern const pm_rgb pm_muted; /* secondary text, axes */
extern const pm_rgb pm_faint; /* grid lines, tile borders */

/* The colour of a status: groen bluish green, oranje orange, rood
 * vermillion, grijs grey. Never used alone: see pm_status_badge. */
pm_rgb pm_status_color(pm_status s);

void pm_set_rgb(cairo_t *cr, pm_rgb c);

/* ---- text (chart_text.c) ----------------------------------------------- */

typedef enum pm_align { PM_ALIGN_LEFT, PM_ALIGN_CENTER, PM_ALIGN_RIGHT } pm_align;

typedef struct pm_text_style {
    double size; /* font size in user units */
    bool bold;
    bool italic;
    pm_rgb color;
    pm_align align; /* within width; with width 0 relative to x */
    double width;   /* > 0: wrap within this width */
    int max_lines;  /* > 0: at most this many lines, the last ellipsized */
    bool markup;    /* the text is pango markup (our own constant markup only) */
} pm_text_style;

/* DejaVu Sans 9, ink, left aligned, no wrapping. */
void pm_text_style_defaults(pm_text_style *s);

/* Draws text with the top of its first line at y. x is the left edge, or
 * with width 0 the anchor of the alignment (centre or right end). Returns
 * the height of the drawn text. NULL or "" draws nothing and returns 0. */
double pm_text_draw(cairo_t *cr, const char *text, double x, double y,
                    const pm_text_style *s);

/* A pango layout of text in style s for cr, on the module's font map, for a
 * caller that lays out line by line (the toelichting's page breaks). The
 * caller unrefs it (g_object_unref). */
struct _PangoLayout;
struct _PangoLayout *pm_text_layout(cairo_t *cr, const char *text,
                                    const pm_text_style *s);

/* The size the text would take when drawn with s. */
void pm_text_measure(cairo_t *cr, const char *text, const pm_text_style *s, double *w,
                     double *h);

/* The largest font size from s->size down to min_size (in steps of 0.5) at
 * which text fits on one line of width w; min_size when none does. */
double pm_text_fit(cairo_t *cr, const char *text, const pm_text_style *s, double w,
                   double min_size);

/* Draws text rotated 90° anticlockwise, centred on (cx, cy). */
void pm_text_draw_vertical(cairo_t *cr, const char *text, double cx, double cy,
                           const pm_text_style *s);

/* Frees the module's font map and caches. Call when the last drawing is
 * done (pdf.c does at the end of each document); later drawing makes a new
 * font map. */
void pm_chart_fonts_release(void);

/* ---- axes and Dutch number labels (chart_axis.c) ------------------------ */

typedef enum pm_value_format {
    PM_FMT_NUMBER,  /* "1.234", "7,5" */
    PM_FMT_COUNT,   /* whole numbers: ticks never step below 1 */
    PM_FMT_PERCENT, /* values are fractions: 0.875 → "87,5%" */
    PM_FMT_EURO     /* "€ 12.345" (whole euros; cents are for tables) */
} pm_value_format;

typedef struct pm_ticks {
    double min, max, step; /* min and max are multiples of step */
    int count;             /* ticks from min to max inclusive */
    int decimals;          /* digits a label needs at this step */
} pm_ticks;

/* Nice ticks (steps of 1, 2 or 5 times a power of ten) covering lo..hi with
 * at most max_ticks intervals. lo == hi gets a range around the value. */
void pm_axis_ticks(double lo, double hi, int max_ticks, pm_value_format f, pm_ticks *t);

/* v in Dutch format: "87,5%", "1.234", "7,5", "€ 12.345". decimals are the
 * digits after the comma (of the percentage for PM_FMT_PERCENT). */
char *pm_axis_format(double v, pm_value_format f, int decimals, char *buf, size_t size);

/* ---- chart frames (chart.c) --------------------------------------------- */

/* A chart's title (bold, at most two lines) and subtitle (grey) at the top
 * of r. Returns the y below them. */
double pm_chart_titles(cairo_t *cr, pm_rect r, const char *title, const char *subtitle,
                       double font_size);

/* The rest of r from y down as a light dashed box with text in its middle:
 * what a chart without data shows instead of empty axes. */
void pm_chart_empty(cairo_t *cr, pm_rect r, double y, const char *text, double font_size);

/* ---- category charts: bars, lines, step lines (chart.c) ---------------- */

typedef enum pm_series_kind {
    PM_SERIES_BAR,
    PM_SERIES_LINE,
    PM_SERIES_STEP
} pm_series_kind;

typedef struct pm_series {
    const char *label; /* legend text; NULL leaves the series out of the legend */
    pm_series_kind kind;
    const double *values; /* one per category */
    const bool *present;  /* NULL: every value present; false: a gap */
    const bool *hidden;   /* NULL, or cells withheld for privacy: no bar,
                             the chart's hidden_text in its place */
    const double *lo;     /* NULL, or an interval drawn as a band (lines) */
    const double *hi;     /* or as whiskers (bars) */
    pm_rgb color;
    const pm_rgb *colors; /* NULL, or a colour per category (bars) */
    bool dashed;          /* lines: a forecast or a plan */
    bool value_labels;    /* write each value at its bar or point */
    int value_decimals;   /* digits of those labels */
    /* NULL, or which hidden cells are hidden beside a small one (secondary
     * suppression): they show the chart's secondary_text ("x"), since they
     * need not be small. */
    const bool *secondary;
} pm_series;

/* A horizontal (vertical in a horizontal chart) dashed reference line,
 * labelled beside the plot so it never covers a bar. */
typedef struct pm_target {
    double value;
    const char *label; /* "doel 90%" */
} pm_target;

/* An extra legend entry: the meaning of per-category colours. */
typedef struct pm_legend_item {
    const char *label;
    pm_rgb color;
} pm_legend_item;

typedef struct pm_chart_data {
    const char *const *categories; /* labels along the category axis */
    size_t ncat;
    const pm_series *series;
    size_t nseries;
    const pm_target *targets;
    size_t ntargets;
    const pm_legend_item *extra; /* drawn after the series in the legend */
    size_t nextra;
} pm_chart_data;

typedef struct pm_chart_cfg {
    const char *title;          /* bold, above the chart */
    const char *subtitle;       /* grey, under the title: the range shown */
    const char *value_title;    /* above the value axis: "% op tijd", "aantal" */
    const char *category_title; /* under the category labels; NULL for none */
    pm_value_format format;
    bool horizontal; /* categories down the left, bars to the right */
    bool fix_min, fix_max;
    double min, max;           /* the value range when fixed */
    int max_ticks;             /* 5 */
    double font_size;          /* 8: labels; titles are larger */
    const char *empty_text;    /* shown instead of empty axes */
    const char *hidden_text;   /* "<5" */
    const char *hidden_legend; /* legend entry explaining hidden_text, or NULL */
    double bar_fill;           /* share of a category slot the bars fill: 0.7 */
    /* "x" for a hidden cell marked secondary, and the legend entry
     * explaining it (or NULL); shown only when such a cell is drawn. */
    const char *secondary_text;
    const char *secondary_legend;
} pm_chart_cfg;

void pm_chart_cfg_defaults(pm_chart_cfg *cfg);

/* Draws the chart inside r. Returns false when there was nothing to draw:
 * no category, or no present value in any series; the chart then shows the
 * title and cfg->empty_text in words instead of empty axes. */
bool pm_chart_draw(cairo_t *cr, pm_rect r, const pm_chart_cfg *cfg,
                   const pm_chart_data *d);

/* The chart's text alternative in Dutch (chart_figure_alt.c): its kind, title,
 * every category's value as drawn (a hidden cell by its mark) and its
 * targets. A new string; g_free it. */
char *pm_chart_alt(const pm_chart_cfg *cfg, const pm_chart_data *d);

/* ---- milestone timeline (chart_timeline.c) ----------------------------- */

typedef struct pm_milestone {
    const char *label; /* the description */
    pm_day planned;
    bool done;
    pm_day ready;      /* when done */
    int late_workdays; /* working days ready after planned (0 on time) */
} pm_milestone;

typedef struct pm_timeline_cfg {
    const char *title;
    const char *subtitle;
    double font_size;       /* 8 */
    pm_day peildatum;       /* drawn as a dashed line; open ones are late after it */
    const char *peil_label; /* "peildatum" */
    const char *empty_text;
    const char *on_time;        /* "op tijd" */
    const char *late;           /* "te laat" */
    const char *not_done;       /* "niet gereed" */
    const char *late_one;       /* "1 werkdag te laat" */
    const char *late_fmt;       /* "%ld werkdagen te laat" */
    const char *planned_legend; /* "gepland" */
    const char *ready_legend;   /* "gereed" */
    size_t max_rows;            /* more milestones: the latest ones, and a note */
    const char *more_fmt;       /* "%zu eerdere mijlpalen niet getoond" */
} pm_timeline_cfg;

void pm_timeline_cfg_defaults(pm_timeline_cfg *cfg);

/* The height a timeline of n milestones needs to read comfortably. */
double pm_timeline_want(const pm_timeline_cfg *cfg, size_t n);

/* Draws one row per milestone (in the order given): the description, the
 * planned date as an open diamond, the ready date as a filled circle joined
 * to it, and the outcome as a word in its colour. Returns false (and shows
 * the empty text) when n is 0. */
bool pm_timeline_draw(cairo_t *cr, pm_rect r, const pm_timeline_cfg *cfg,
                      const pm_milestone *m, size_t n);

/* ---- sparklines (chart_spark.c) ---------------------------------------- */

typedef struct pm_spark_cfg {
    pm_rgb color;
    double line_width;
    bool has_target; /* a dashed line at target */
    double target;
    bool fix_min, fix_max;
    double min, max;
    double min_span; /* the smallest value range shown: small wobbles stay small */
    bool has_bounds; /* values cannot leave lower..upper (shares: 0..1) */
    double lower, upper;
} pm_spark_cfg;

void pm_spark_cfg_defaults(pm_spark_cfg *cfg);

/* A small line of n values inside r, the last present one marked with a
 * dot. Gaps where present[i] is false. Nothing is drawn without a value. */
void pm_spark_draw(cairo_t *cr, pm_rect r, const pm_spark_cfg *cfg, const double *v,
                   const bool *present, size_t n);

/* ---- status badge (chart.c) -------------------------------------------- */

/* A status as a shape and a word: a filled circle with a tick (groen), a
 * triangle with an exclamation mark (oranje), a square with a cross (rood),
 * an open ring (grijs), then the word, on a light tint of the colour. The
 * top left corner at (x, y); returns the width used and, when height is not
 * NULL, the height. With draw false it only measures. */
double pm_status_badge(cairo_t *cr, double x, double y, double size, pm_status s,
                       const char *word, bool draw, double *height);

/* The shape alone, centred on (cx, cy) with radius r (legends). */
void pm_status_icon(cairo_t *cr, double cx, double cy, double r, pm_status s);

#endif
