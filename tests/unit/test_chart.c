/* test_chart.c — unit tests for the chart module's contracts (chart.h):
 * exporters/chart.c, chart_text.c, chart_spark.c and chart_timeline.c. Each
 * drawing goes onto an image surface; the tests check what the header
 * promises (return values, sizes, that nothing or something was drawn, no
 * cairo error), not the pixels of a design. Prints TAP. */
#include <cairo.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "chart.h"
#include "tap.h"

#define W 400
#define H 300

typedef struct canvas {
    cairo_surface_t *s;
    cairo_t *cr;
} canvas;

static canvas canvas_new(void)
{
    canvas c;
    c.s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
    c.cr = cairo_create(c.s);
    return c;
}

/* The number of pixels anything was drawn on (alpha > 0). */
static long inked(canvas *c)
{
    cairo_surface_flush(c->s);
    const unsigned char *data = cairo_image_surface_get_data(c->s);
    int stride = cairo_image_surface_get_stride(c->s);
    long n = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            n += ((const uint32_t *)(data + y * stride))[x] >> 24 != 0;
    return n;
}

static int canvas_free(canvas *c)
{
    int ok = cairo_status(c->cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(c->cr);
    cairo_surface_destroy(c->s);
    return ok;
}

static void colours(void)
{
    pm_rgb g = pm_status_color(PM_GROEN), o = pm_status_color(PM_ORANJE),
           r = pm_status_color(PM_ROOD), x = pm_status_color(PM_GRIJS);
    CHECK(memcmp(&g, &pm_okabe_ito[PM_OI_GREEN], sizeof g) == 0 &&
              memcmp(&o, &pm_okabe_ito[PM_OI_ORANGE], sizeof o) == 0 &&
              memcmp(&r, &pm_okabe_ito[PM_OI_VERMILLION], sizeof r) == 0,
          "status_colours_come_from_the_okabe_ito_palette");
    CHECK(fabs(x.r - x.g) < 1e-9 && fabs(x.g - x.b) < 1e-9, "grijs_is_a_grey");
}

static void text(void)
{
    canvas c = canvas_new();
    pm_text_style s;
    pm_text_style_defaults(&s);
    CHECK(s.size == 9 && s.align == PM_ALIGN_LEFT && s.width == 0,
          "text_default_is_9_points_left_aligned_unwrapped");
    CHECK(pm_text_draw(c.cr, NULL, 0, 0, &s) == 0 &&
              pm_text_draw(c.cr, "", 0, 0, &s) == 0,
          "null_or_empty_text_draws_nothing_and_takes_no_height");
    CHECK(inked(&c) == 0, "nothing_was_drawn_for_empty_text");
    double w1, h1, w2, h2;
    pm_text_measure(c.cr, "87,5%", &s, &w1, &h1);
    pm_text_measure(c.cr, "87,5% op tijd", &s, &w2, &h2);
    CHECK(w1 > 0 && w2 > w1 && fabs(h1 - h2) < 1e-9,
          "longer_text_on_one_line_is_wider_not_higher");
    s.width = 60;
    pm_text_measure(c.cr, "Werkbedrijf Rivierenland en omstreken", &s, &w2, &h2);
    CHECK(w2 <= 60 + 1e-9 && h2 > 1.5 * h1, "text_wider_than_width_wraps_to_more_lines");
    s.max_lines = 1;
    pm_text_measure(c.cr, "Werkbedrijf Rivierenland en omstreken", &s, &w2, &h2);
    CHECK(fabs(h2 - h1) < 1e-9, "max_lines_1_keeps_one_line");
    s.width = 0;
    s.max_lines = 0;
    double h = pm_text_draw(c.cr, "Noord-West", 10, 10, &s);
    CHECK(fabs(h - h1) < 1e-9 && inked(&c) > 0, "drawn_text_returns_its_height");
    /* 12 down to 6 in steps of 0.5: the largest size at which it fits. */
    s.size = 12;
    double fit = pm_text_fit(c.cr, "Reactie binnen 5 werkdagen", &s, 120, 6);
    pm_text_style at = s;
    at.size = fit;
    double fw, fh;
    pm_text_measure(c.cr, "Reactie binnen 5 werkdagen", &at, &fw, &fh);
    double bw;
    at.size = fit + 0.5;
    pm_text_measure(c.cr, "Reactie binnen 5 werkdagen", &at, &bw, &fh);
    CHECK(fit > 6 && fit < 12 && fw <= 120 && bw > 120 && fmod(fit * 2, 1) == 0,
          "fit_finds_the_largest_half_point_size_that_fits");
    CHECK(pm_text_fit(c.cr, "Reactie binnen 5 werkdagen", &s, 5, 6) == 6,
          "fit_gives_the_minimum_when_nothing_fits");
    CHECK(pm_text_fit(c.cr, "R1", &s, 300, 6) == 12, "fit_keeps_the_size_when_it_fits");
    CHECK(canvas_free(&c), "text_leaves_cairo_without_error");
}

static void badge(void)
{
    canvas c = canvas_new();
    double h1 = 0, h2 = 0;
    double measured = pm_status_badge(c.cr, 10, 10, 9, PM_GROEN, "groen", false, &h1);
    CHECK(measured > 0 && h1 > 0 && inked(&c) == 0, "badge_measures_without_drawing");
    double drawn = pm_status_badge(c.cr, 10, 10, 9, PM_GROEN, "groen", true, &h2);
    CHECK(fabs(measured - drawn) < 1e-9 && fabs(h1 - h2) < 1e-9 && inked(&c) > 0,
          "badge_draws_in_the_size_it_measured");
    double longer = pm_status_badge(c.cr, 10, 10, 9, PM_ORANJE, "oranje", false, NULL);
    CHECK(longer > measured, "longer_word_makes_a_wider_badge");
    CHECK(canvas_free(&c), "badge_leaves_cairo_without_error");
}

static void category_chart(void)
{
    pm_chart_cfg cfg;
    pm_chart_cfg_defaults(&cfg);
    CHECK(cfg.max_ticks == 5 && cfg.font_size == 8 && strcmp(cfg.hidden_text, "<5") == 0,
          "chart_defaults_are_5_ticks_8_points_and_<5");
    CHECK(strcmp(cfg.secondary_text, "x") == 0 && !cfg.secondary_legend,
          "chart_marks_a_secondary_cell_x_by_default");
    const char *cats[] = {"Noord-West", "Noord", "Midden"};
    double vals[] = {0.9, 0.75, 0.5};
    bool present[] = {true, true, true}, none[] = {false, false, false};
    pm_series s = {.label = "op tijd",
                   .kind = PM_SERIES_BAR,
                   .values = vals,
                   .present = present,
                   .color = pm_okabe_ito[PM_OI_BLUE]};
    pm_chart_data d = {.categories = cats, .ncat = 3, .series = &s, .nseries = 1};
    pm_rect r = {0, 0, W, H};
    cfg.title = "Per regio";
    cfg.format = PM_FMT_PERCENT;

    canvas c = canvas_new();
    CHECK(pm_chart_draw(c.cr, r, &cfg, &d) && inked(&c) > 0,
          "chart_with_values_draws_and_returns_true");
    CHECK(canvas_free(&c), "chart_leaves_cairo_without_error");

    c = canvas_new();
    s.present = none;
    CHECK(!pm_chart_draw(c.cr, r, &cfg, &d) && inked(&c) > 0,
          "chart_without_a_present_value_returns_false_but_shows_its_text");
    CHECK(canvas_free(&c), "empty_chart_leaves_cairo_without_error");

    c = canvas_new();
    d.ncat = 0;
    CHECK(!pm_chart_draw(c.cr, r, &cfg, &d), "chart_without_categories_returns_false");
    canvas_free(&c);
}

static void timeline(void)
{
    pm_timeline_cfg cfg;
    pm_timeline_cfg_defaults(&cfg);
    CHECK(pm_timeline_want(&cfg, 10) > pm_timeline_want(&cfg, 2) &&
              pm_timeline_want(&cfg, 0) == pm_timeline_want(&cfg, 3),
          "timeline_wants_more_room_for_more_rows_and_room_for_3_when_empty");
    pm_milestone m[] = {
        {"Tool opgeleverd", pm_day_from_ymd(2025, 4, 15), true,
         pm_day_from_ymd(2025, 4, 15), 0},
        {"Rapportage", pm_day_from_ymd(2025, 5, 15), true, pm_day_from_ymd(2025, 5, 20),
         3},
        {"Evaluatie", pm_day_from_ymd(2025, 6, 15), false, 0, 0},
    };
    cfg.peildatum = pm_day_from_ymd(2025, 6, 30);
    cfg.title = "Mijlpalen";
    pm_rect r = {0, 0, W, H};
    canvas c = canvas_new();
    CHECK(pm_timeline_draw(c.cr, r, &cfg, m, 3) && inked(&c) > 0,
          "timeline_with_milestones_draws_and_returns_true");
    CHECK(canvas_free(&c), "timeline_leaves_cairo_without_error");
    c = canvas_new();
    CHECK(!pm_timeline_draw(c.cr, r, &cfg, m, 0) && inked(&c) > 0,
          "timeline_without_milestones_returns_false_and_shows_its_text");
    canvas_free(&c);
}

static void sparkline(void)
{
    pm_spark_cfg cfg;
    pm_spark_cfg_defaults(&cfg);
    double v[] = {0.8, 0.85, 0.9, 0.92};
    bool present[] = {true, true, false, true}, none[] = {false, false, false, false};
    pm_rect r = {0, 0, 120, 30};
    canvas c = canvas_new();
    pm_spark_draw(c.cr, r, &cfg, v, none, 4);
    CHECK(inked(&c) == 0, "sparkline_without_a_value_draws_nothing");
    pm_spark_draw(c.cr, r, &cfg, v, present, 4);
    CHECK(inked(&c) > 0, "sparkline_with_values_draws");
    CHECK(canvas_free(&c), "sparkline_leaves_cairo_without_error");
}

int main(void)
{
    colours();
    text();
    badge();
    category_chart();
    timeline();
    sparkline();
    pm_chart_fonts_release();
    return tap_done();
}
