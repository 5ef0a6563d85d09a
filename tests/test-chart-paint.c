/* test-chart-paint.c
 *
 * Copyright 2026 The Touchpoint authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-chart-paint"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tp-chart-layout.h"
#include "tp-chart-paint.h"

#define WIDTH  600
#define HEIGHT 360

typedef struct
{
  double r, g, b, a;
} Pixel;

static Pixel
read_pixel (cairo_surface_t *surface,
            double           x,
            double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 value;
  Pixel p;

  cairo_surface_flush (surface);
  g_assert_cmpint ((int) x, >=, 0);
  g_assert_cmpint ((int) y, >=, 0);
  g_assert_cmpint ((int) x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) y, <, cairo_image_surface_get_height (surface));

  value = *(const guint32 *) (gconstpointer) (data + (int) y * stride + (int) x * 4);
  p.a = ((value >> 24) & 0xff) / 255.0;
  /* Un-premultiply. */
  p.r = p.a > 0 ? ((value >> 16) & 0xff) / 255.0 / p.a : 0;
  p.g = p.a > 0 ? ((value >> 8) & 0xff) / 255.0 / p.a : 0;
  p.b = p.a > 0 ? (value & 0xff) / 255.0 / p.a : 0;

  return p;
}

/* @color painted over @under, as the painter composes them. */
static Pixel
over (const TpChartColor *color,
      const TpChartColor *under)
{
  Pixel p;
  double a = color->alpha;

  p.r = color->red * a + under->red * (1 - a);
  p.g = color->green * a + under->green * (1 - a);
  p.b = color->blue * a + under->blue * (1 - a);
  p.a = 1;

  return p;
}

static Pixel
solid (const TpChartColor *color)
{
  Pixel p = { color->red, color->green, color->blue, color->alpha };

  return p;
}

#define assert_pixel(p, e) assert_pixel_at (p, e, __LINE__)

static void
assert_pixel_at (Pixel p,
                 Pixel expected,
                 int   line)
{
  const double tolerance = 3 / 255.0;

  if (fabs (p.r - expected.r) > tolerance || fabs (p.g - expected.g) > tolerance ||
      fabs (p.b - expected.b) > tolerance || fabs (p.a - expected.a) > tolerance)
    {
      g_autofree char *message = g_strdup_printf ("line %d: pixel (%.3f, %.3f, %.3f, %.3f), "
                                                  "expected (%.3f, %.3f, %.3f, %.3f)",
                                                  line, p.r, p.g, p.b, p.a,
                                                  expected.r, expected.g, expected.b, expected.a);
      g_assertion_message (G_LOG_DOMAIN, __FILE__, line, G_STRFUNC, message);
    }
}

static TpChartData *
make_data (void)
{
  const TpChartItem items[] = {
    { 1, "Ada Lovelace", 14, TRUE, 0 },
    { 2, "Bruno Bianchi", 3, FALSE, 0 },
    { 3, "Chiara Castellanos", 8, TRUE, 0 },
    { 4, "Dmitri Dubois", 9, FALSE, 0 },
  };
  const guint histogram[] = { 0, 1, 0, 2, 0, 5, 0, 8, 0, 0, 0, 0, 3, 1 };
  TpChartData *data = tp_chart_data_new ();

  tp_chart_data_set_items (data, items, G_N_ELEMENTS (items));
  tp_chart_data_set_purchase_histogram (data, histogram, G_N_ELEMENTS (histogram));

  return data;
}

static TpChartLayout *
lay_out (TpChartData *data,
         TpChartMode  mode,
         int          focus)
{
  TpChartParams params;

  tp_chart_params_init (&params, mode, WIDTH, HEIGHT);
  params.focus = focus;

  return tp_chart_layout_new (data, &params);
}

static cairo_surface_t *
paint (const TpChartLayout *layout,
       const TpChartColors *colors)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  tp_chart_paint (layout, cr, colors);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

/* The length an attribute of the document's <svg> element gives, in the
 * units of the cairo surface: cairo 1.16 writes them as points ("600pt"),
 * cairo 1.18 as user units ("600"), which a viewBox of the same numbers
 * maps to the surface's units too. Any other unit fails. */
static double
svg_length (const char *svg,
            const char *attribute)
{
  g_autofree char *pattern = g_strdup_printf ("<svg\\b[^>]*\\s%s=\"([0-9.]+)([a-z%%]*)\"", attribute);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;
  g_autofree char *unit = NULL;

  g_assert_true (g_regex_match (regex, svg, 0, &match));
  number = g_match_info_fetch (match, 1);
  unit = g_match_info_fetch (match, 2);
  if (!g_str_equal (unit, "pt") && !g_str_equal (unit, ""))
    g_error ("%s=\"%s%s\": not in points or user units", attribute, number, unit);

  return g_ascii_strtod (number, NULL);
}

static const TpChartBar *
bar_of (const TpChartLayout *layout,
        gint64               customer_id)
{
  const TpChartBar *bars;
  guint n;

  bars = tp_chart_layout_get_bars (layout, &n);
  for (guint i = 0; i < n; i++)
    if (bars[i].customer_id == customer_id)
      return &bars[i];

  g_assert_not_reached ();
  return NULL;
}

/* A point of the band with no bar, grid line or label on it: right of the
 * last column, halfway between the band's edges. */
static void
band_point (const TpChartLayout *layout,
            double              *x,
            double              *y)
{
  const TpChartRect *plot = tp_chart_layout_get_plot_area (layout);
  TpChartRect band;

  g_assert_true (tp_chart_layout_get_band (layout, &band));
  g_assert_cmpfloat (tp_chart_layout_get_content_width (layout), <, plot->width - 20);
  *x = plot->x + plot->width - 10;
  *y = band.y + band.height / 2;
}

static void
test_bars_and_band (gconstpointer user_data)
{
  gboolean dark = GPOINTER_TO_INT (user_data);
  g_autoptr(TpChartData) data = make_data ();
  g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, -1);
  const TpChartRect *plot = tp_chart_layout_get_plot_area (layout);
  const TpChartBar *bought = bar_of (layout, 3);
  const TpChartBar *not_bought = bar_of (layout, 2);
  cairo_surface_t *surface;
  TpChartColors colors;
  double x, y;

  if (dark)
    tp_chart_colors_init_dark (&colors);
  else
    tp_chart_colors_init_light (&colors);
  surface = paint (layout, &colors);

  /* Bars in their colours, at the middle of each. */
  assert_pixel (read_pixel (surface, bought->rect.x + bought->rect.width / 2,
                            bought->rect.y + bought->rect.height / 2), solid (&colors.bought));
  assert_pixel (read_pixel (surface, not_bought->rect.x + not_bought->rect.width / 2,
                            not_bought->rect.y + not_bought->rect.height / 2), solid (&colors.not_bought));

  /* The band's shade over the background. */
  band_point (layout, &x, &y);
  assert_pixel (read_pixel (surface, x, y), over (&colors.band, &colors.background));

  /* Above the band, between the grid lines: background only. */
  assert_pixel (read_pixel (surface, x, plot->y + 3), solid (&colors.background));

  /* Between two bars, in the band: shade, no bar. */
  assert_pixel (read_pixel (surface, bought->rect.x - 2, y), over (&colors.band, &colors.background));

  cairo_surface_destroy (surface);
}

static void
test_transparent_background (void)
{
  g_autoptr(TpChartData) data = make_data ();
  g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, -1);
  const TpChartBar *bar = bar_of (layout, 1);
  cairo_surface_t *surface;
  TpChartColors colors;
  double x, y;

  /* The widget paints on its own background: leave the surface alone. */
  tp_chart_colors_init_light (&colors);
  colors.background.alpha = 0;
  surface = paint (layout, &colors);

  g_assert_cmpfloat (read_pixel (surface, WIDTH - 2, HEIGHT - 2).a, ==, 0);
  band_point (layout, &x, &y);
  g_assert_cmpfloat_with_epsilon (read_pixel (surface, x, y).a, colors.band.alpha, 2 / 255.0);
  assert_pixel (read_pixel (surface, bar->rect.x + bar->rect.width / 2, bar->rect.y + bar->rect.height / 2),
                solid (&colors.bought));

  cairo_surface_destroy (surface);
}

static void
test_focus_ring (void)
{
  g_autoptr(TpChartData) data = make_data ();
  g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, 1);
  g_autoptr(TpChartLayout) plain = lay_out (data, TP_CHART_MODE_TOUCHES, -1);
  const TpChartBar *focused = tp_chart_layout_find_bar (layout, 1);
  cairo_surface_t *surface, *plain_surface;
  TpChartColors colors;
  Pixel ring, without;
  double x, y;

  tp_chart_colors_init_light (&colors);
  surface = paint (layout, &colors);
  plain_surface = paint (plain, &colors);

  /* The ring shows just left of the focused bar, and only when focused. */
  x = focused->rect.x - 3;
  y = focused->rect.y + focused->rect.height / 2;
  ring = read_pixel (surface, x, y);
  without = read_pixel (plain_surface, x, y);
  g_assert_cmpfloat (fabs (ring.r - without.r) + fabs (ring.b - without.b), >, 0.1);
  g_assert_cmpfloat (ring.b, >, ring.r);

  /* The bar itself is painted the same. */
  assert_pixel (read_pixel (surface, focused->rect.x + focused->rect.width / 2, y),
                read_pixel (plain_surface, focused->rect.x + focused->rect.width / 2, y));

  cairo_surface_destroy (surface);
  cairo_surface_destroy (plain_surface);
}

static void
test_histogram (void)
{
  g_autoptr(TpChartData) data = make_data ();
  g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_BEFORE_PURCHASE, -1);
  const TpChartBar *in_band = tp_chart_layout_find_bar (layout, 7);
  const TpChartBar *out_of_band = tp_chart_layout_find_bar (layout, 3);
  const TpChartBar *empty_in_band = tp_chart_layout_find_bar (layout, 9);
  cairo_surface_t *surface;
  TpChartColors colors;

  tp_chart_colors_init_light (&colors);
  surface = paint (layout, &colors);

  assert_pixel (read_pixel (surface, in_band->rect.x + 2, in_band->rect.y + in_band->rect.height / 2),
                solid (&colors.in_band));
  assert_pixel (read_pixel (surface, out_of_band->rect.x + 2,
                            out_of_band->rect.y + out_of_band->rect.height / 2),
                solid (&colors.out_of_band));

  /* An empty bucket inside the band shows the band's shade, one outside the
   * background. */
  g_assert_cmpuint (empty_in_band->value, ==, 0);
  assert_pixel (read_pixel (surface, empty_in_band->rect.x + 2, empty_in_band->rect.y - 3),
                over (&colors.band, &colors.background));
  assert_pixel (read_pixel (surface, tp_chart_layout_find_bar (layout, 2)->rect.x + 2,
                            tp_chart_layout_get_plot_area (layout)->y + 3),
                solid (&colors.background));

  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, -1);
  const TpChartLabel *labels;
  cairo_surface_t *surface;
  TpChartColors colors;
  guint n, dark = 0;

  tp_chart_colors_init_dark (&colors);
  surface = paint (layout, &colors);

  /* The message is drawn: some pixels of its box are the text colour. */
  labels = tp_chart_layout_get_labels (layout, &n);
  g_assert_cmpuint (n, ==, 2);
  for (double x = labels[0].extents.x; x < labels[0].extents.x + labels[0].extents.width; x++)
    {
      Pixel p = read_pixel (surface, x, labels[0].extents.y + labels[0].extents.height / 2);

      if (p.r > 0.8)
        dark++;
    }
  g_assert_cmpuint (dark, >, 3);
  assert_pixel (read_pixel (surface, 2, 2), solid (&colors.background));

  cairo_surface_destroy (surface);
}

/* A PNG export at twice the size holds the same picture as the layout says. */
static void
test_png_export (void)
{
  g_autoptr(TpChartData) data = make_data ();
  g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-chart-XXXXXX", &error);
  g_autofree char *path = NULL;
  const TpChartBar *bars;
  cairo_surface_t *surface;
  TpChartColors colors;
  guint n_bars;
  double x, y;

  g_assert_no_error (error);
  path = g_build_filename (dir, "chart.png", NULL);
  tp_chart_colors_init_light (&colors);

  g_assert_true (tp_chart_save_png (layout, &colors, 2, path, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 2 * HEIGHT);

  bars = tp_chart_layout_get_bars (layout, &n_bars);
  g_assert_cmpuint (n_bars, ==, 4);
  for (guint i = 0; i < n_bars; i++)
    {
      Pixel p = read_pixel (surface, 2 * (bars[i].rect.x + bars[i].rect.width / 2),
                            2 * (bars[i].rect.y + bars[i].rect.height / 2));

      assert_pixel (p, solid (bars[i].kind == TP_CHART_BAR_BOUGHT ? &colors.bought : &colors.not_bought));

      /* Just above each bar: no bar colour. */
      p = read_pixel (surface, 2 * (bars[i].rect.x + bars[i].rect.width / 2), 2 * bars[i].rect.y - 4);
      g_assert_false (fabs (p.r - colors.bought.red) < 0.02 && fabs (p.b - colors.bought.blue) < 0.02);
    }
  band_point (layout, &x, &y);
  assert_pixel (read_pixel (surface, 2 * x, 2 * y), over (&colors.band, &colors.background));
  cairo_surface_destroy (surface);
  g_unlink (path);
  g_clear_pointer (&path, g_free);

  /* SVG: a document of the layout's size, with the names in it as text. */
  path = g_build_filename (dir, "chart.svg", NULL);
  g_assert_true (tp_chart_save_svg (layout, &colors, path, &error));
  g_assert_no_error (error);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (contents, "<svg"));
    g_assert_cmpfloat_with_epsilon (svg_length (contents, "width"), 600, 0.01);
    g_assert_cmpfloat_with_epsilon (svg_length (contents, "height"), 360, 0.01);
  }
  g_unlink (path);

  /* A folder that does not exist: a clear error, no crash. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "missing", "chart.png", NULL);
  g_assert_false (tp_chart_save_png (layout, &colors, 1, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/touchpoint/chart-paint/light", GINT_TO_POINTER (FALSE), test_bars_and_band);
  g_test_add_data_func ("/touchpoint/chart-paint/dark", GINT_TO_POINTER (TRUE), test_bars_and_band);
  g_test_add_func ("/touchpoint/chart-paint/transparent-background", test_transparent_background);
  g_test_add_func ("/touchpoint/chart-paint/focus-ring", test_focus_ring);
  g_test_add_func ("/touchpoint/chart-paint/histogram", test_histogram);
  g_test_add_func ("/touchpoint/chart-paint/empty", test_empty);
  g_test_add_func ("/touchpoint/chart-paint/png-export", test_png_export);

  return g_test_run ();
}
