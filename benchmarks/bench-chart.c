/* bench-chart.c
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

#define G_LOG_DOMAIN "bench-chart"

#include "config.h"

#include <locale.h>
#include <time.h>
#include <pango/pangocairo.h>

#include "tp-chart-layout.h"
#include "tp-chart-paint.h"

/*
 * Times one frame of the touches chart (layout + paint on a 1280×720 image
 * surface) while scrolling through 100, 10,000 and 100,000 customers, and
 * prints the median and the slowest 5 %. The budget (DESIGN.md §8) is 8 ms a
 * frame at any data size. Preparing the data (sorting) happens once per data
 * change and is timed apart.
 *
 *   bench-chart [--frames N] [--png DIR]
 *
 * --png DIR also writes sample pictures of each view in light and dark.
 */

#define WIDTH  1280
#define HEIGHT 720

static const char *first_names[] = {
  "Ada", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiroshi", "Ines", "Jonas",
  "Katarzyna", "Luis", "Mei", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tamar",
};

static const char *last_names[] = {
  "Andersson", "Bianchi", "Castellanos", "Dubois", "Eriksen", "Fontaine", "García Márquez",
  "Hoffmann", "Ivanova", "Jaramillo", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura",
  "Okonkwo-Whitfield", "Petrov", "Quintero", "Rasmussen", "Schneider", "Tanaka",
};

static GArray *
make_items (guint   n,
            GRand  *rand,
            GPtrArray *names)
{
  GArray *items = g_array_sized_new (FALSE, FALSE, sizeof (TpChartItem), n);
  gint64 now = 1767225600; /* 2026-01-01 */

  for (guint i = 0; i < n; i++)
    {
      TpChartItem item;
      char *name = g_strdup_printf ("%s %s",
                                    first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                                    last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
      double u = g_rand_double (rand);

      g_ptr_array_add (names, name);
      item.customer_id = i + 1;
      item.name = name;
      /* Mostly 0–20 touches, a few far more. */
      item.touches = (guint) (u * u * 20) + (g_rand_int_range (rand, 0, 100) == 0 ? g_rand_int_range (rand, 20, 60) : 0);
      item.bought = g_rand_double (rand) < MIN (0.9, item.touches / 14.0);
      item.last_touch_unix = item.touches > 0 ? now - g_rand_int_range (rand, 0, 90 * 86400) : 0;
      g_array_append_val (items, item);
    }

  return items;
}

/* CPU time of this thread: the machine is shared, and wall time would count
 * the other processes' turns too. Both are reported. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static void
bench_size (guint         n,
            guint         frames,
            PangoContext *context)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42 + n);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) items = make_items (n, rand, names);
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  TpChartColors colors;
  TpChartParams params;
  gint64 start;
  double prepare_ms, content = 0, scroll = 0, median, p95, cpu_median, cpu_p95;
  guint bars_max = 0;

  tp_chart_colors_init_light (&colors);

  start = g_get_monotonic_time ();
  tp_chart_data_set_items (data, (const TpChartItem *) (gpointer) items->data, items->len);
  tp_chart_data_get_item (data, TP_CHART_SORT_TOUCHES, 0);
  prepare_ms = (g_get_monotonic_time () - start) / 1000.0;

  tp_chart_params_init (&params, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  params.context = context;

  for (guint f = 0; f < frames; f++)
    {
      g_autoptr(TpChartLayout) layout = NULL;
      cairo_t *cr;
      guint n_bars;
      double ms, cpu_ms;

      /* Scroll through the whole chart, hovering a bar, as a user would. */
      params.scroll_x = scroll;
      params.hover = (int) (f % 40);
      start = g_get_monotonic_time ();
      cpu_ms = thread_cpu_ms ();
      layout = tp_chart_layout_new (data, &params);
      cr = cairo_create (surface);
      tp_chart_paint (layout, cr, &colors);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu_ms = thread_cpu_ms () - cpu_ms;
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu_ms);

      tp_chart_layout_get_bars (layout, &n_bars);
      bars_max = MAX (bars_max, n_bars);
      content = tp_chart_layout_get_content_width (layout);
      scroll += MAX (content / frames, 1);
    }

  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, (times->len * 95) / 100);
  g_array_sort (cpu_times, compare_doubles);
  cpu_median = g_array_index (cpu_times, double, cpu_times->len / 2);
  cpu_p95 = g_array_index (cpu_times, double, (cpu_times->len * 95) / 100);

  g_print ("%7u customers: prepare %6.2f ms; frame (layout + paint) median %5.2f ms, "
           "p95 %5.2f ms wall; CPU median %5.2f ms, p95 %5.2f ms, max %5.2f ms; "
           "≤ %u bars laid out of %u\n",
           n, prepare_ms, median, p95, cpu_median, cpu_p95,
           g_array_index (cpu_times, double, cpu_times->len - 1), bars_max, n);

  cairo_surface_destroy (surface);
}

static void
write_samples (const char   *dir,
               PangoContext *context)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) items = make_items (60, rand, names);
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  const guint histogram[] = { 1, 3, 4, 8, 11, 19, 25, 31, 28, 22, 18, 12, 9, 6, 4, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
  const TpChartChannelCount channels[] = {
    { TP_CHANNEL_EMAIL, 412 }, { TP_CHANNEL_SOCIAL_POST, 388 }, { TP_CHANNEL_DIRECT_MESSAGE, 201 },
    { TP_CHANNEL_MEETING, 96 }, { TP_CHANNEL_EVENT, 143 }, { TP_CHANNEL_CALL, 77 },
    { TP_CHANNEL_PARTNER, 35 }, { TP_CHANNEL_AD, 260 }, { TP_CHANNEL_WEBSITE, 12 },
  };
  const struct { TpChartMode mode; const char *name; } modes[] = {
    { TP_CHART_MODE_TOUCHES, "touches" },
    { TP_CHART_MODE_BEFORE_PURCHASE, "before-purchase" },
    { TP_CHART_MODE_CHANNELS, "channels" },
  };

  g_array_index (items, TpChartItem, 3).name = "Maximiliane Konstantinopoulou-Featherstonehaugh";
  tp_chart_data_set_items (data, (const TpChartItem *) (gpointer) items->data, items->len);
  tp_chart_data_set_purchase_histogram (data, histogram, G_N_ELEMENTS (histogram));
  tp_chart_data_set_channels (data, channels, G_N_ELEMENTS (channels));

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      for (guint dark = 0; dark < 2; dark++)
        {
          g_autoptr(TpChartLayout) layout = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *path = NULL;
          TpChartColors colors;
          TpChartParams params;

          tp_chart_params_init (&params, modes[m].mode, 960, 520);
          params.context = context;
          params.hover = 2;
          params.focus = 4;
          layout = tp_chart_layout_new (data, &params);

          if (dark)
            tp_chart_colors_init_dark (&colors);
          else
            tp_chart_colors_init_light (&colors);

          path = g_strdup_printf ("%s/chart-%s-%s.png", dir, modes[m].name, dark ? "dark" : "light");
          if (!tp_chart_save_png (layout, &colors, 1, path, &error))
            g_printerr ("%s\n", error->message);
          else
            g_print ("wrote %s\n", path);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  PangoContext *context;
  g_autofree char *png_dir = NULL;
  int frames = 300;
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames per size", "N" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png_dir, "Write sample pictures into DIR", "DIR" },
    { NULL }
  };
  const guint sizes[] = { 100, 10000, 100000 };
  cairo_font_options_t *options;
  PangoFontDescription *font;

  setlocale (LC_ALL, "");

  option_context = g_option_context_new ("- time the touches chart");
  g_option_context_add_main_entries (option_context, entries, NULL);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* One context for every frame, as the widget has. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  font = pango_font_description_from_string ("Cantarell, Sans 11");
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);

  if (png_dir != NULL)
    {
      write_samples (png_dir, context);
      g_object_unref (context);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_size (sizes[i], (guint) MAX (frames, 10), context);

  g_object_unref (context);

  return 0;
}
