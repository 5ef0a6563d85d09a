/* test-chart-layout.c
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

#define G_LOG_DOMAIN "test-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-chart-layout.h"

#define WIDTH  640.0
#define HEIGHT 400.0

static TpChartLayout *
lay_out (TpChartData *data,
         TpChartMode  mode,
         double       width,
         double       height)
{
  TpChartParams params;

  tp_chart_params_init (&params, mode, width, height);

  return tp_chart_layout_new (data, &params);
}

static const TpChartLabel *
find_label (const TpChartLayout *layout,
            TpChartLabelRole     role,
            guint                index)
{
  const TpChartLabel *labels;
  guint n;

  labels = tp_chart_layout_get_labels (layout, &n);
  for (guint i = 0; i < n; i++)
    if (labels[i].role == role && labels[i].index == index)
      return &labels[i];

  return NULL;
}

static const TpChartLabel *
nth_label (const TpChartLayout *layout,
           TpChartLabelRole     role,
           guint                nth)
{
  const TpChartLabel *labels;
  guint n;

  labels = tp_chart_layout_get_labels (layout, &n);
  for (guint i = 0; i < n; i++)
    if (labels[i].role == role && nth-- == 0)
      return &labels[i];

  g_assert_not_reached ();
  return NULL;
}

static const char *
label_text (const TpChartLayout *layout,
            TpChartLabelRole     role,
            guint                index)
{
  const TpChartLabel *label = find_label (layout, role, index);

  g_assert_nonnull (label);

  return pango_layout_get_text (label->layout);
}

static double
center_x (const TpChartRect *r)
{
  return r->x + r->width / 2;
}

static double
center_y (const TpChartRect *r)
{
  return r->y + r->height / 2;
}

static void
assert_inside (const TpChartRect *inner,
               const TpChartRect *outer)
{
  g_assert_cmpfloat (inner->x, >=, outer->x - 0.01);
  g_assert_cmpfloat (inner->y, >=, outer->y - 0.01);
  g_assert_cmpfloat (inner->x + inner->width, <=, outer->x + outer->width + 0.01);
  g_assert_cmpfloat (inner->y + inner->height, <=, outer->y + outer->height + 0.01);
}

static TpChartData *
three_customers (void)
{
  const TpChartItem items[] = {
    { 1, "Ada Lovelace", 10, TRUE, 1767225600 },
    { 2, "Bruno Bianchi", 3, FALSE, 1767225600 - 86400 },
    { 3, "Chiara Castellanos", 15, TRUE, 0 },
  };
  TpChartData *data = tp_chart_data_new ();

  tp_chart_data_set_items (data, items, G_N_ELEMENTS (items));

  return data;
}

/* Three customers: their bars, in order, against known axes and band. */
static void
test_known_bars (void)
{
  g_autoptr(TpChartData) data = three_customers ();
  g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  const TpChartRect *plot = tp_chart_layout_get_plot_area (layout);
  const TpChartBar *bars;
  const TpChartTick *ticks;
  const TpChartLegendEntry *legend;
  const TpChartLabel *band_label;
  TpChartRect band;
  double bottom, pitch;
  guint n_bars, n_ticks, n_legend;
  const gint64 ids[] = { 3, 1, 2 };
  const guint values[] = { 15, 10, 3 };

  g_assert_false (tp_chart_layout_is_empty (layout));
  g_assert_false (tp_chart_layout_is_horizontal (layout));
  g_assert_cmpuint (tp_chart_layout_get_n_positions (layout), ==, 3);

  /* The plot sits inside the chart with room for axes and names. */
  g_assert_cmpfloat (plot->x, >, 12);
  g_assert_cmpfloat (plot->y, >, 12);
  g_assert_cmpfloat (plot->x + plot->width, <, WIDTH - 12);
  g_assert_cmpfloat (plot->y + plot->height, <, HEIGHT - 12);
  g_assert_cmpfloat (plot->height, >, HEIGHT / 3);
  bottom = plot->y + plot->height;

  /* Axis: 0 to 15 (the most touches) in steps of 5, 0 at the bottom. */
  g_assert_cmpfloat (tp_chart_layout_get_axis_max (layout), ==, 15);
  ticks = tp_chart_layout_get_ticks (layout, &n_ticks);
  g_assert_cmpuint (n_ticks, ==, 4);
  for (guint i = 0; i < n_ticks; i++)
    {
      char expected[8];

      g_assert_cmpfloat (ticks[i].value, ==, 5 * i);
      g_assert_cmpfloat_with_epsilon (ticks[i].position, bottom - i * plot->height / 3, 1);
      g_snprintf (expected, sizeof expected, "%u", 5 * i);
      g_assert_cmpstr (pango_layout_get_text (nth_label (layout, TP_CHART_LABEL_TICK, i)->layout), ==, expected);
      g_assert_cmpfloat (nth_label (layout, TP_CHART_LABEL_TICK, i)->extents.x +
                         nth_label (layout, TP_CHART_LABEL_TICK, i)->extents.width, <=, plot->x);
    }

  /* Bars: most touches first, standing on the base line, heights in scale,
   * evenly spaced, coloured by whether the customer bought. */
  bars = tp_chart_layout_get_bars (layout, &n_bars);
  g_assert_cmpuint (n_bars, ==, 3);
  pitch = bars[1].rect.x - bars[0].rect.x;
  g_assert_cmpfloat (pitch, >=, 22);
  g_assert_cmpfloat (pitch, <=, 64);
  for (guint i = 0; i < n_bars; i++)
    {
      g_assert_cmpint (bars[i].customer_id, ==, ids[i]);
      g_assert_cmpuint (bars[i].position, ==, i);
      g_assert_cmpuint (bars[i].value, ==, values[i]);
      g_assert_cmpfloat_with_epsilon (bars[i].rect.y + bars[i].rect.height, bottom, 0.01);
      g_assert_cmpfloat_with_epsilon (bars[i].rect.height, values[i] * plot->height / 15, 1);
      g_assert_cmpfloat_with_epsilon (bars[i].rect.x - bars[0].rect.x, i * pitch, 1);
      g_assert_cmpfloat (bars[i].rect.width, >, pitch / 2);
      g_assert_cmpfloat (bars[i].rect.width, <, pitch);
      g_assert_true (bars[i].flags & TP_CHART_BAR_VISIBLE);
      g_assert_false (bars[i].flags & (TP_CHART_BAR_FOCUSED | TP_CHART_BAR_HOVERED));
      assert_inside (&bars[i].rect, plot);

      /* The hit area is the bar's column, with the bar in it. */
      assert_inside (&bars[i].rect, &bars[i].hit);
      g_assert_cmpfloat_with_epsilon (bars[i].hit.width, pitch, 0.01);
      g_assert_cmpfloat (bars[i].hit.y, ==, plot->y);
    }
  g_assert_cmpint (bars[0].kind, ==, TP_CHART_BAR_BOUGHT);
  g_assert_cmpint (bars[1].kind, ==, TP_CHART_BAR_BOUGHT);
  g_assert_cmpint (bars[2].kind, ==, TP_CHART_BAR_NOT_BOUGHT);

  /* The band: across the plot, from 5 to 12 touches. */
  g_assert_true (tp_chart_layout_get_band (layout, &band));
  g_assert_cmpfloat (band.x, ==, plot->x);
  g_assert_cmpfloat (band.width, ==, plot->width);
  g_assert_cmpfloat_with_epsilon (band.y, bottom - 12 * plot->height / 15, 1);
  g_assert_cmpfloat_with_epsilon (band.y + band.height, bottom - 5 * plot->height / 15, 1);
  g_assert_false (tp_chart_layout_get_median (layout, NULL));

  /* Its label, right of the plot, level with it. */
  band_label = find_label (layout, TP_CHART_LABEL_BAND, 0);
  g_assert_nonnull (band_label);
  g_assert_cmpstr (pango_layout_get_text (band_label->layout), ==, "5–12 touches");
  g_assert_cmpfloat (band_label->extents.x, >=, plot->x + plot->width);
  g_assert_cmpfloat (band_label->extents.x + band_label->extents.width, <=, WIDTH);
  g_assert_cmpfloat_with_epsilon (center_y (&band_label->extents), center_y (&band), 2);

  /* Names hang below their bars, turned, ending under the bar. */
  for (guint i = 0; i < n_bars; i++)
    {
      const TpChartLabel *name = find_label (layout, TP_CHART_LABEL_ITEM, i);

      g_assert_nonnull (name);
      g_assert_cmpfloat (name->angle, ==, -G_PI / 4);
      g_assert_cmpfloat (name->extents.y, >=, bottom);
      g_assert_cmpfloat (name->extents.y + name->extents.height, <=, HEIGHT);
      g_assert_cmpfloat_with_epsilon (name->extents.x + name->extents.width,
                                      center_x (&bars[i].rect), 12);
      g_assert_cmpfloat (name->extents.x, >=, plot->x - 1);
    }
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_ITEM, 0), ==, "Chiara Castellanos");
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_ITEM, 2), ==, "Bruno Bianchi");

  /* Summary and legend. */
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_SUMMARY, 0), ==,
                   "1 of 3 customers are within 5–12 touches.");
  legend = tp_chart_layout_get_legend (layout, &n_legend);
  g_assert_cmpuint (n_legend, ==, 2);
  g_assert_cmpint (legend[0].kind, ==, TP_CHART_BAR_BOUGHT);
  g_assert_cmpint (legend[1].kind, ==, TP_CHART_BAR_NOT_BOUGHT);
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_LEGEND, 0), ==, "Bought");
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_LEGEND, 1), ==, "Not yet bought");
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_AXIS_TITLE, 0), ==, "Touches");

  /* Nothing scrolls: every column fits. */
  g_assert_cmpfloat (tp_chart_layout_get_content_width (layout), <=, plot->width);
  g_assert_cmpfloat (tp_chart_layout_get_scroll_x (layout), ==, 0);
}

static void
test_hit_areas (void)
{
  g_autoptr(TpChartData) data = three_customers ();
  g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  const TpChartRect *plot = tp_chart_layout_get_plot_area (layout);
  const TpChartBar *bars, *hit;
  g_autofree char *tooltip = NULL;
  guint n_bars;

  bars = tp_chart_layout_get_bars (layout, &n_bars);

  for (guint i = 0; i < n_bars; i++)
    {
      /* On the bar, above it in its column, and under it on the name. */
      g_assert_true (tp_chart_layout_hit_test (layout, center_x (&bars[i].rect), center_y (&bars[i].rect)) == &bars[i]);
      g_assert_true (tp_chart_layout_hit_test (layout, center_x (&bars[i].rect), plot->y + 1) == &bars[i]);
      g_assert_true (tp_chart_layout_hit_test (layout, center_x (&bars[i].rect), plot->y + plot->height + 4) == &bars[i]);
    }

  /* Outside the columns: the axis, the header, the empty right of the plot. */
  g_assert_null (tp_chart_layout_hit_test (layout, plot->x - 2, center_y (plot)));
  g_assert_null (tp_chart_layout_hit_test (layout, center_x (&bars[0].rect), plot->y - 2));
  g_assert_null (tp_chart_layout_hit_test (layout, plot->x + plot->width - 2, center_y (plot)));
  g_assert_null (tp_chart_layout_hit_test (layout, -5, -5));

  g_assert_true (tp_chart_layout_find_bar (layout, 1) == &bars[1]);
  g_assert_null (tp_chart_layout_find_bar (layout, 3));

  /* The tooltip tells the customer and the figures. */
  hit = tp_chart_layout_hit_test (layout, center_x (&bars[2].rect), center_y (&bars[2].rect));
  tooltip = tp_chart_layout_dup_tooltip (layout, hit);
  g_assert_true (g_str_has_prefix (tooltip, "Bruno Bianchi\n3 touches · not yet bought\nLast touch on "));
  g_assert_true (g_str_has_suffix (tooltip, "\n2 more touches to reach 5"));
  g_clear_pointer (&tooltip, g_free);

  tooltip = tp_chart_layout_dup_tooltip (layout, &bars[0]);
  g_assert_cmpstr (tooltip, ==, "Chiara Castellanos\n15 touches · bought\nNo touch yet\nOver the band of 5–12");
  g_clear_pointer (&tooltip, g_free);

  /* Once the data changes, an old layout no longer answers for it. */
  {
    const TpChartItem changed = { 2, "Bruno Bianchi", 4, FALSE, 0 };

    tp_chart_data_update_item (data, &changed);
    g_assert_null (tp_chart_layout_dup_tooltip (layout, &bars[2]));
  }
}

static void
test_empty (void)
{
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  const TpChartMode modes[] = { TP_CHART_MODE_TOUCHES, TP_CHART_MODE_BEFORE_PURCHASE, TP_CHART_MODE_CHANNELS };
  const char *titles[] = { "No Customers Yet", "No First Purchases Yet", "No First Purchases Yet" };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(TpChartLayout) layout = lay_out (data, modes[m], WIDTH, HEIGHT);
      const TpChartLabel *title, *detail;
      guint n_bars, n_ticks, n_legend;
      g_autofree char *description = tp_chart_data_describe (data, modes[m]);

      g_assert_true (tp_chart_layout_is_empty (layout));
      tp_chart_layout_get_bars (layout, &n_bars);
      tp_chart_layout_get_ticks (layout, &n_ticks);
      tp_chart_layout_get_legend (layout, &n_legend);
      g_assert_cmpuint (n_bars, ==, 0);
      g_assert_cmpuint (n_ticks, ==, 0);
      g_assert_cmpuint (n_legend, ==, 0);
      g_assert_cmpuint (tp_chart_layout_get_n_positions (layout), ==, 0);
      g_assert_false (tp_chart_layout_get_band (layout, NULL));
      g_assert_null (tp_chart_layout_hit_test (layout, WIDTH / 2, HEIGHT / 2));

      /* A centred message says what would show here. */
      title = find_label (layout, TP_CHART_LABEL_EMPTY_TITLE, 0);
      detail = find_label (layout, TP_CHART_LABEL_EMPTY_DETAIL, 0);
      g_assert_nonnull (title);
      g_assert_nonnull (detail);
      g_assert_cmpstr (pango_layout_get_text (title->layout), ==, titles[m]);
      g_assert_cmpfloat_with_epsilon (center_x (&title->extents), WIDTH / 2, 1);
      g_assert_cmpfloat (title->extents.y, <, HEIGHT / 2);
      g_assert_cmpfloat (detail->extents.y, >, title->extents.y + title->extents.height);
      g_assert_cmpfloat (detail->extents.y + detail->extents.height, <, HEIGHT);
      g_assert_cmpuint (strlen (description), >, 10);
    }
}

static void
test_one_customer (void)
{
  const TpChartItem item = { 42, "Dmitri Dubois", 0, FALSE, 0 };
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  g_autoptr(TpChartLayout) layout = NULL;
  g_autofree char *tooltip = NULL;
  const TpChartRect *plot;
  const TpChartBar *bars;
  TpChartRect band;
  guint n_bars, under, inside, over;

  tp_chart_data_set_items (data, &item, 1);
  layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  plot = tp_chart_layout_get_plot_area (layout);
  bars = tp_chart_layout_get_bars (layout, &n_bars);

  g_assert_cmpuint (n_bars, ==, 1);
  g_assert_cmpint (bars[0].customer_id, ==, 42);

  /* No touches: a stub on the base line, still there to point at. */
  g_assert_cmpfloat (bars[0].rect.height, ==, 2);
  g_assert_cmpfloat (bars[0].rect.y + bars[0].rect.height, ==, plot->y + plot->height);
  g_assert_true (tp_chart_layout_hit_test (layout, center_x (&bars[0].rect), center_y (plot)) == &bars[0]);

  /* The axis still reaches over the band, so the band shows. */
  g_assert_cmpfloat (tp_chart_layout_get_axis_max (layout), >, 12);
  g_assert_true (tp_chart_layout_get_band (layout, &band));
  assert_inside (&band, plot);
  g_assert_cmpfloat (band.height, >, 10);

  tp_chart_data_count_band (data, &under, &inside, &over);
  g_assert_cmpuint (under, ==, 1);
  g_assert_cmpuint (inside, ==, 0);
  g_assert_cmpuint (over, ==, 0);

  tooltip = tp_chart_layout_dup_tooltip (layout, &bars[0]);
  g_assert_cmpstr (tooltip, ==, "Dmitri Dubois\n0 touches · not yet bought\nNo touch yet\n5 more touches to reach 5");
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_SUMMARY, 0), ==,
                   "0 of 1 customer is within 5–12 touches.");
}

static void
test_all_in_band (void)
{
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  g_autoptr(TpChartLayout) layout = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *description = NULL;
  TpChartItem items[16];
  const TpChartBar *bars;
  TpChartRect band;
  guint n_bars, under, inside, over;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      char *name = g_strdup_printf ("Customer %u", i);

      g_ptr_array_add (names, name);
      items[i] = (TpChartItem) { i + 1, name, 5 + i % 8, i % 2, 0 };
    }
  tp_chart_data_set_items (data, items, G_N_ELEMENTS (items));
  layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);

  tp_chart_data_count_band (data, &under, &inside, &over);
  g_assert_cmpuint (under, ==, 0);
  g_assert_cmpuint (inside, ==, 16);
  g_assert_cmpuint (over, ==, 0);

  /* Every bar ends inside the shaded band. */
  g_assert_true (tp_chart_layout_get_band (layout, &band));
  bars = tp_chart_layout_get_bars (layout, &n_bars);
  g_assert_cmpuint (n_bars, ==, 16);
  for (guint i = 0; i < n_bars; i++)
    {
      g_assert_cmpfloat (bars[i].rect.y, >=, band.y - 0.5);
      g_assert_cmpfloat (bars[i].rect.y, <=, band.y + band.height + 0.5);
    }
  /* 12 touches reach the band's top, 5 its bottom. */
  g_assert_cmpfloat_with_epsilon (bars[0].rect.y, band.y, 1);
  g_assert_cmpfloat_with_epsilon (bars[n_bars - 1].rect.y, band.y + band.height, 1);

  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_SUMMARY, 0), ==,
                   "16 of 16 customers are within 5–12 touches.");
  description = tp_chart_data_describe (data, TP_CHART_MODE_TOUCHES);
  g_assert_cmpstr (description, ==,
                   "Touches per customer, for 16 customers. "
                   "0 customers have fewer than 5 touches. "
                   "16 customers are inside the band of 5–12 touches. "
                   "0 customers have more than 12 touches. "
                   "8 customers have bought.");
}

static TpChartData *
many_customers (guint n)
{
  g_autofree TpChartItem *items = g_new (TpChartItem, n);
  TpChartData *data = tp_chart_data_new ();

  for (guint i = 0; i < n; i++)
    items[i] = (TpChartItem) { i + 1, "Jonas Jaramillo", (i * 7919u) % 25, i % 3 == 0, 1767225600 - i };

  tp_chart_data_set_items (data, items, n);

  return data;
}

/* 100,000 customers: only the visible columns are laid out, wherever the
 * chart is scrolled to. */
static void
test_large (void)
{
  g_autoptr(TpChartData) data = many_customers (100000);
  TpChartParams params;
  const double scrolls[] = { 0, 1234567.8, 5e9 };
  double content = 0;

  tp_chart_params_init (&params, TP_CHART_MODE_TOUCHES, 1280, 720);

  for (guint s = 0; s < G_N_ELEMENTS (scrolls); s++)
    {
      g_autoptr(TpChartLayout) layout = NULL;
      const TpChartRect *plot;
      const TpChartBar *bars;
      guint n_bars, n_visible = 0, n_labels, n_columns;
      double pitch, scroll, start, end;

      params.scroll_x = scrolls[s];
      layout = tp_chart_layout_new (data, &params);
      plot = tp_chart_layout_get_plot_area (layout);
      bars = tp_chart_layout_get_bars (layout, &n_bars);
      tp_chart_layout_get_labels (layout, &n_labels);

      g_assert_cmpuint (tp_chart_layout_get_n_positions (layout), ==, 100000);
      g_assert_true (tp_chart_layout_get_position_span (layout, 0, &start, &end));
      pitch = end - start;
      g_assert_cmpfloat (pitch, ==, 22);
      content = tp_chart_layout_get_content_width (layout);
      g_assert_cmpfloat (content, >=, 100000 * pitch);
      g_assert_cmpfloat (content, <, 100000 * pitch + 200);

      /* The columns that fit the plot, plus the few whose names reach in. */
      for (guint i = 0; i < n_bars; i++)
        if (bars[i].flags & TP_CHART_BAR_VISIBLE)
          n_visible++;
      scroll = tp_chart_layout_get_scroll_x (layout);
      n_columns = 0;
      for (guint p = 0; p < 100000; p++)
        {
          g_assert_true (tp_chart_layout_get_position_span (layout, p, &start, &end));
          if (end > scroll && start < scroll + plot->width)
            n_columns++;
        }
      g_assert_cmpuint (n_columns, >=, (guint) floor (plot->width / pitch) - 4);
      g_assert_cmpuint (n_columns, <=, (guint) ceil (plot->width / pitch) + 1);
      g_assert_cmpuint (n_visible, >=, n_columns - 2);
      g_assert_cmpuint (n_visible, <=, n_columns);
      g_assert_cmpuint (n_bars, <=, n_visible + 8);
      g_assert_cmpuint (n_labels, <, n_bars + 40);

      /* Scrolling is clamped to the content. */
      g_assert_cmpfloat (scroll, ==, MIN (round (scrolls[s]), content - plot->width));

      /* The bars are those at the scroll offset, in order. */
      for (guint i = 1; i < n_bars; i++)
        g_assert_cmpuint (bars[i].position, ==, bars[0].position + i);
      g_assert_true (tp_chart_layout_get_position_span (layout, bars[0].position, &start, &end));
      g_assert_cmpfloat (end, >, scroll);
      g_assert_true (start <= scroll || bars[0].position == 0);
      for (guint i = 1; i < n_bars; i++)
        g_assert_cmpuint (tp_chart_data_get_item (data, TP_CHART_SORT_TOUCHES, bars[i - 1].position)->touches, >=,
                          tp_chart_data_get_item (data, TP_CHART_SORT_TOUCHES, bars[i].position)->touches);
    }

  /* At the far end, the last customer is there. */
  {
    g_autoptr(TpChartLayout) layout = NULL;
    const TpChartBar *bars;
    guint n_bars;

    params.scroll_x = content;
    layout = tp_chart_layout_new (data, &params);
    bars = tp_chart_layout_get_bars (layout, &n_bars);
    g_assert_cmpuint (bars[n_bars - 1].position, ==, 99999);
    g_assert_true (bars[n_bars - 1].flags & TP_CHART_BAR_VISIBLE);
  }
}

static gboolean
is_nice_step (double step)
{
  double magnitude = pow (10, floor (log10 (step)));
  double residual = step / magnitude;

  return fabs (residual - 1) < 1e-9 || fabs (residual - 2) < 1e-9 || fabs (residual - 5) < 1e-9;
}

/* One customer with a million touches: the axis still reads well. */
static void
test_huge_counts (void)
{
  const TpChartItem items[] = {
    { 1, "Big Spender", 1000000, TRUE, 0 },
    { 2, "Small Fry", 5, FALSE, 0 },
  };
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  g_autoptr(TpChartLayout) layout = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *histogram = g_new0 (guint, 1000001);
  const TpChartTick *ticks;
  const TpChartBar *bars;
  const TpChartLabel *labels;
  const TpChartRect *plot;
  guint n_ticks, n_bars, n_labels;
  double step;

  tp_chart_data_set_items (data, items, G_N_ELEMENTS (items));
  layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  plot = tp_chart_layout_get_plot_area (layout);
  ticks = tp_chart_layout_get_ticks (layout, &n_ticks);

  g_assert_cmpuint (n_ticks, >=, 3);
  g_assert_cmpuint (n_ticks, <=, 9);
  step = ticks[1].value - ticks[0].value;
  g_assert_true (is_nice_step (step));
  g_assert_cmpfloat (ticks[n_ticks - 1].value, >=, 1000000);
  g_assert_cmpfloat (ticks[n_ticks - 1].value, <, 1000000 + step);
  g_assert_cmpfloat (tp_chart_layout_get_axis_max (layout), ==, ticks[n_ticks - 1].value);

  /* Tick labels all differ and fit left of the plot. */
  labels = tp_chart_layout_get_labels (layout, &n_labels);
  for (guint i = 0; i < n_labels; i++)
    {
      if (labels[i].role != TP_CHART_LABEL_TICK)
        continue;
      g_assert_true (g_hash_table_add (texts, (gpointer) pango_layout_get_text (labels[i].layout)));
      g_assert_cmpfloat (labels[i].extents.x, >=, 0);
      g_assert_cmpfloat (labels[i].extents.x + labels[i].extents.width, <=, plot->x);
    }
  g_assert_cmpuint (g_hash_table_size (texts), ==, n_ticks);
  g_assert_true (g_hash_table_contains (texts, "1000000"));

  /* The big bar fills the plot; the small one keeps a visible stub. */
  bars = tp_chart_layout_get_bars (layout, &n_bars);
  g_assert_cmpfloat_with_epsilon (bars[0].rect.y, plot->y, 1);
  g_assert_cmpfloat (bars[1].rect.height, >=, 2);

  /* A first purchase after a million touches goes into the last bucket. */
  histogram[6] = 3;
  histogram[1000000] = 1;
  tp_chart_data_set_purchase_histogram (data, histogram, 1000001);
  g_clear_pointer (&layout, tp_chart_layout_unref);
  layout = lay_out (data, TP_CHART_MODE_BEFORE_PURCHASE, WIDTH, HEIGHT);
  g_assert_cmpuint (tp_chart_layout_get_n_positions (layout), ==, 25);
  bars = tp_chart_layout_get_bars (layout, &n_bars);
  g_assert_cmpuint (n_bars, ==, 25);
  g_assert_cmpuint (bars[24].value, ==, 1);
  g_assert_cmpuint (bars[6].value, ==, 3);
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_ITEM, 24), ==, "24+");
  {
    g_autofree char *tooltip = tp_chart_layout_dup_tooltip (layout, &bars[24]);

    g_assert_cmpstr (tooltip, ==, "After 24 touches or more\n1 first purchase");
  }
}

static void
test_long_names (void)
{
  g_autofree char *long_name = g_strnfill (300, 'W');
  const TpChartItem items[] = {
    { 1, long_name, 8, TRUE, 0 },
    { 2, "Al", 7, FALSE, 0 },
    { 3, "", 6, FALSE, 0 },
  };
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  g_autoptr(TpChartLayout) layout = NULL;
  const TpChartLabel *name, *short_name;
  const TpChartRect *plot;

  tp_chart_data_set_items (data, items, G_N_ELEMENTS (items));
  layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  plot = tp_chart_layout_get_plot_area (layout);

  name = find_label (layout, TP_CHART_LABEL_ITEM, 0);
  short_name = find_label (layout, TP_CHART_LABEL_ITEM, 1);
  g_assert_true (pango_layout_is_ellipsized (name->layout));
  g_assert_false (pango_layout_is_ellipsized (short_name->layout));

  /* The ellipsized name stays below the plot and within the chart. */
  g_assert_cmpfloat (name->extents.y, >=, plot->y + plot->height);
  g_assert_cmpfloat (name->extents.y + name->extents.height, <=, HEIGHT);
  g_assert_cmpfloat (name->extents.x, >=, plot->x - 1);
  g_assert_cmpfloat (name->extents.width, <, 130);

  /* A customer without a name still gets a label. */
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_ITEM, 2), ==, "Unnamed customer");

  /* Long names in the tooltip stay whole. */
  {
    const TpChartBar *bars;
    guint n_bars;
    g_autofree char *tooltip = NULL;

    bars = tp_chart_layout_get_bars (layout, &n_bars);
    tooltip = tp_chart_layout_dup_tooltip (layout, &bars[0]);
    g_assert_true (g_str_has_prefix (tooltip, long_name));
  }
}

static void
test_sort_and_update (void)
{
  g_autoptr(TpChartData) data = three_customers ();
  const TpChartItem bruno = { 2, "Bruno Bianchi", 20, TRUE, 1767225600 + 60 };
  const TpChartItem newcomer = { 9, "Aaron Abbott", 1, FALSE, 1767225600 - 7 * 86400 };
  guint under, inside, over;

  /* By name, A to Z; by last touch, the most recent first, never-touched last. */
  g_assert_cmpint (tp_chart_data_get_item (data, TP_CHART_SORT_NAME, 0)->customer_id, ==, 1);
  g_assert_cmpint (tp_chart_data_get_item (data, TP_CHART_SORT_NAME, 2)->customer_id, ==, 3);
  g_assert_cmpint (tp_chart_data_get_item (data, TP_CHART_SORT_LAST_TOUCH, 0)->customer_id, ==, 1);
  g_assert_cmpint (tp_chart_data_get_item (data, TP_CHART_SORT_LAST_TOUCH, 2)->customer_id, ==, 3);
  g_assert_null (tp_chart_data_get_item (data, TP_CHART_SORT_NAME, 3));
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_TOUCHES, 2), ==, 2);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_TOUCHES, 77), ==, -1);

  /* A logged touch moves the customer's bar in every order at once. */
  tp_chart_data_update_item (data, &bruno);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_TOUCHES, 2), ==, 0);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_LAST_TOUCH, 2), ==, 0);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_NAME, 2), ==, 1);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_TOUCHES, 3), ==, 1);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_TOUCHES, 1), ==, 2);
  tp_chart_data_count_band (data, &under, &inside, &over);
  g_assert_cmpuint (under, ==, 0);
  g_assert_cmpuint (inside, ==, 1);
  g_assert_cmpuint (over, ==, 2);

  {
    g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);

    g_assert_cmpfloat (tp_chart_layout_get_axis_max (layout), ==, 20);
  }

  /* A new customer joins each order in its place. */
  tp_chart_data_update_item (data, &newcomer);
  g_assert_cmpuint (tp_chart_data_get_n_items (data), ==, 4);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_NAME, 9), ==, 0);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_TOUCHES, 9), ==, 3);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_LAST_TOUCH, 9), ==, 2);
  g_assert_cmpstr (tp_chart_data_get_item (data, TP_CHART_SORT_NAME, 0)->name, ==, "Aaron Abbott");
  tp_chart_data_count_band (data, &under, &inside, &over);
  g_assert_cmpuint (under, ==, 1);

  /* The top customer drops back: the axis follows. */
  {
    const TpChartItem fewer = { 2, "Bruno Bianchi", 2, TRUE, 1767225600 + 60 };
    g_autoptr(TpChartLayout) layout = NULL;

    tp_chart_data_update_item (data, &fewer);
    layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
    g_assert_cmpfloat (tp_chart_layout_get_axis_max (layout), ==, 15);
    g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_TOUCHES, 2), ==, 2);
  }

  /* Orders built after many updates agree with a fresh sort. */
  {
    g_autoptr(TpChartData) fresh = NULL;

    for (guint i = 0; i < 200; i++)
      {
        g_autofree char *name = g_strdup_printf ("Customer %03u", (i * 37) % 200);
        TpChartItem item = { 100 + (i * 13) % 60, name, (i * 7) % 17, i % 2, 1767225600 + (i % 11) };

        tp_chart_data_update_item (data, &item);
      }

    fresh = tp_chart_data_new ();
    {
      guint n = tp_chart_data_get_n_items (data);
      g_autofree TpChartItem *copy = g_new (TpChartItem, n);

      for (guint i = 0; i < n; i++)
        copy[i] = *tp_chart_data_get_item (data, TP_CHART_SORT_NAME, n - 1 - i);
      tp_chart_data_set_items (fresh, copy, n);

      for (guint s = TP_CHART_SORT_TOUCHES; s <= TP_CHART_SORT_LAST_TOUCH; s++)
        for (guint i = 0; i < n; i++)
          g_assert_cmpint (tp_chart_data_get_item (data, s, i)->customer_id, ==,
                           tp_chart_data_get_item (fresh, s, i)->customer_id);
    }
  }
}

static void
test_focus_hover (void)
{
  g_autoptr(TpChartData) data = three_customers ();
  g_autoptr(TpChartLayout) layout = NULL;
  TpChartParams params;
  const TpChartBar *bars;
  guint n_bars;

  tp_chart_params_init (&params, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  params.focus = 1;
  params.hover = 2;
  layout = tp_chart_layout_new (data, &params);
  bars = tp_chart_layout_get_bars (layout, &n_bars);

  g_assert_cmpuint (bars[0].flags & (TP_CHART_BAR_FOCUSED | TP_CHART_BAR_HOVERED), ==, 0);
  g_assert_cmpuint (bars[1].flags & (TP_CHART_BAR_FOCUSED | TP_CHART_BAR_HOVERED), ==, TP_CHART_BAR_FOCUSED);
  g_assert_cmpuint (bars[2].flags & (TP_CHART_BAR_FOCUSED | TP_CHART_BAR_HOVERED), ==, TP_CHART_BAR_HOVERED);
}

static void
test_before_purchase (void)
{
  /* 1 + 2 + 5 + 8 + 3 + 1 = 20 first purchases; 16 of them after 5–12 touches. */
  const guint histogram[] = { 0, 1, 0, 2, 0, 5, 0, 8, 0, 0, 0, 0, 3, 1, 0, 0 };
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  g_autoptr(TpChartLayout) layout = NULL;
  g_autofree char *description = NULL;
  const TpChartLegendEntry *legend;
  const TpChartRect *plot;
  const TpChartBar *bars;
  TpChartRect band;
  double median = 0, pitch, median_x;
  guint n_bars, n_legend;

  tp_chart_data_set_purchase_histogram (data, histogram, G_N_ELEMENTS (histogram));
  g_assert_cmpuint (tp_chart_data_get_n_first_purchases (data), ==, 20);
  g_assert_true (tp_chart_data_get_purchase_median (data, &median));
  g_assert_cmpfloat (median, ==, 7);
  g_assert_cmpuint (tp_chart_data_get_purchase_band_percent (data), ==, 80);

  layout = lay_out (data, TP_CHART_MODE_BEFORE_PURCHASE, WIDTH, HEIGHT);
  plot = tp_chart_layout_get_plot_area (layout);
  bars = tp_chart_layout_get_bars (layout, &n_bars);

  /* Buckets 0 to 14 (a little past the band) fill the plot's width. */
  g_assert_cmpuint (n_bars, ==, 15);
  pitch = plot->width / 15;
  for (guint k = 0; k < n_bars; k++)
    {
      g_assert_cmpuint (bars[k].position, ==, k);
      g_assert_cmpuint (bars[k].value, ==, k < G_N_ELEMENTS (histogram) ? histogram[k] : 0);
      g_assert_cmpfloat_with_epsilon (center_x (&bars[k].rect), plot->x + (k + 0.5) * pitch, 1);
      g_assert_cmpint (bars[k].kind, ==, k >= 5 && k <= 12 ? TP_CHART_BAR_IN_BAND : TP_CHART_BAR_OUT_OF_BAND);
      g_assert_cmpint (bars[k].customer_id, ==, 0);
    }
  g_assert_cmpfloat (tp_chart_layout_get_axis_max (layout), >=, 8);
  g_assert_cmpfloat_with_epsilon (bars[7].rect.height, 8 * plot->height / tp_chart_layout_get_axis_max (layout), 1);

  /* The band spans buckets 5 to 12, the median line sits on bucket 7. */
  g_assert_true (tp_chart_layout_get_band (layout, &band));
  g_assert_cmpfloat_with_epsilon (band.x, plot->x + 5 * pitch, 1);
  g_assert_cmpfloat_with_epsilon (band.x + band.width, plot->x + 13 * pitch, 1);
  g_assert_cmpfloat (band.y, ==, plot->y);
  g_assert_cmpfloat (band.height, ==, plot->height);
  g_assert_true (tp_chart_layout_get_median (layout, &median_x));
  g_assert_cmpfloat_with_epsilon (median_x, center_x (&bars[7].rect), 1.5);

  /* Hovering a bucket's column finds it. */
  g_assert_true (tp_chart_layout_hit_test (layout, plot->x + 3.5 * pitch, plot->y + 2) == &bars[3]);

  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_SUMMARY, 0), ==,
                   "80 % of first purchases came after 5–12 touches.");
  legend = tp_chart_layout_get_legend (layout, &n_legend);
  g_assert_cmpuint (n_legend, ==, 2);
  g_assert_cmpint (legend[0].kind, ==, TP_CHART_BAR_BAND);
  g_assert_cmpint (legend[1].kind, ==, TP_CHART_BAR_MEDIAN);
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_LEGEND, 1), ==, "Median: 7 touches");
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_ITEM, 12), ==, "12");

  {
    g_autofree char *tooltip = tp_chart_layout_dup_tooltip (layout, &bars[7]);

    g_assert_cmpstr (tooltip, ==, "After 7 touches\n8 first purchases");
  }

  description = tp_chart_data_describe (data, TP_CHART_MODE_BEFORE_PURCHASE);
  g_assert_cmpstr (description, ==,
                   "Touches before the first purchase, for 20 customers who bought. "
                   "The median is 7 touches before the first purchase. "
                   "80 % of first purchases came after 5–12 touches.");

  /* An even count can put the median between two buckets. */
  {
    const guint two[] = { 0, 0, 0, 1, 0, 0, 0, 0, 1 };

    tp_chart_data_set_purchase_histogram (data, two, G_N_ELEMENTS (two));
    g_assert_true (tp_chart_data_get_purchase_median (data, &median));
    g_assert_cmpfloat (median, ==, 5.5);
    g_assert_cmpuint (tp_chart_data_get_purchase_band_percent (data), ==, 50);
  }
}

static void
test_channels (void)
{
  const TpChartChannelCount channels[] = {
    { TP_CHANNEL_CALL, 30 },
    { TP_CHANNEL_EMAIL, 120 },
    { TP_CHANNEL_AD, 0 },
    { TP_CHANNEL_EVENT, 50 },
  };
  g_autoptr(TpChartData) data = tp_chart_data_new ();
  g_autoptr(TpChartLayout) layout = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *description = NULL;
  const TpChartRect *plot;
  const TpChartBar *bars;
  const TpChartTick *ticks;
  guint n_bars, n_ticks;
  const guint values[] = { 120, 50, 30 };

  tp_chart_data_set_channels (data, channels, G_N_ELEMENTS (channels));
  layout = lay_out (data, TP_CHART_MODE_CHANNELS, WIDTH, HEIGHT);
  plot = tp_chart_layout_get_plot_area (layout);
  bars = tp_chart_layout_get_bars (layout, &n_bars);
  ticks = tp_chart_layout_get_ticks (layout, &n_ticks);

  g_assert_true (tp_chart_layout_is_horizontal (layout));
  g_assert_false (tp_chart_layout_get_band (layout, NULL));

  /* Channels with touches only, the most first, one row each, bars from the
   * left axis in scale. */
  g_assert_cmpuint (n_bars, ==, 3);
  for (guint i = 0; i < n_bars; i++)
    {
      g_assert_cmpuint (bars[i].value, ==, values[i]);
      g_assert_cmpfloat (bars[i].rect.x, ==, plot->x);
      g_assert_cmpfloat_with_epsilon (bars[i].rect.width,
                                      values[i] * plot->width / tp_chart_layout_get_axis_max (layout), 1);
      if (i > 0)
        g_assert_cmpfloat (bars[i].rect.y, >, bars[i - 1].rect.y + bars[i - 1].rect.height);
      g_assert_true (tp_chart_layout_hit_test (layout, plot->x + plot->width - 1, center_y (&bars[i].rect)) == &bars[i]);
    }
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_ITEM, 0), ==, "Email");
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_ITEM, 1), ==, "Event");
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_ITEM, 2), ==, "Call");
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_VALUE, 0), ==, "120");

  /* Ticks run along the bottom, left to right. */
  g_assert_cmpuint (n_ticks, >=, 3);
  g_assert_cmpfloat (ticks[0].position, ==, plot->x);
  for (guint i = 1; i < n_ticks; i++)
    g_assert_cmpfloat (ticks[i].position, >, ticks[i - 1].position);

  tooltip = tp_chart_layout_dup_tooltip (layout, &bars[1]);
  g_assert_cmpstr (tooltip, ==, "Event\n50 touches before a first purchase (25 %)");

  description = tp_chart_data_describe (data, TP_CHART_MODE_CHANNELS);
  g_assert_cmpstr (description, ==,
                   "Channels of the touches before a first purchase. "
                   "Email: 120 touches. Event: 50 touches. Call: 30 touches.");
}

/* A tiny or degenerate size lays out without anything going negative. */
static void
test_tiny (void)
{
  g_autoptr(TpChartData) data = three_customers ();
  const guint histogram[] = { 0, 4, 2 };
  const TpChartChannelCount channel = { TP_CHANNEL_MAIL, 3 };
  const TpChartMode modes[] = { TP_CHART_MODE_TOUCHES, TP_CHART_MODE_BEFORE_PURCHASE, TP_CHART_MODE_CHANNELS };

  tp_chart_data_set_purchase_histogram (data, histogram, G_N_ELEMENTS (histogram));
  tp_chart_data_set_channels (data, &channel, 1);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      const double sizes[][2] = { { 60, 40 }, { 0, 0 }, { 3000, 90 } };

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(TpChartLayout) layout = lay_out (data, modes[m], sizes[s][0], sizes[s][1]);
          const TpChartRect *plot = tp_chart_layout_get_plot_area (layout);
          const TpChartBar *bars;
          guint n_bars;

          g_assert_cmpfloat (plot->width, >, 0);
          g_assert_cmpfloat (plot->height, >, 0);
          bars = tp_chart_layout_get_bars (layout, &n_bars);
          g_assert_cmpuint (n_bars, >, 0);
          for (guint i = 0; i < n_bars; i++)
            {
              g_assert_cmpfloat (bars[i].rect.width, >=, 0);
              g_assert_cmpfloat (bars[i].rect.height, >=, 0);
              g_assert_cmpfloat (bars[i].hit.width, >=, 0);
            }
        }
    }
}

static void
test_band_setting (void)
{
  g_autoptr(TpChartData) data = three_customers ();
  g_autoptr(TpChartData) empty = tp_chart_data_new ();
  g_autoptr(TpChartLayout) layout = NULL;
  g_autoptr(TpChartLayout) empty_layout = NULL;
  TpChartBand band;
  guint under, inside, over;

  tp_chart_data_set_band (data, 3, 10);
  band = tp_chart_data_get_band (data);
  g_assert_cmpuint (band.low, ==, 3);
  g_assert_cmpuint (band.high, ==, 10);
  tp_chart_data_count_band (data, &under, &inside, &over);
  g_assert_cmpuint (under, ==, 0);
  g_assert_cmpuint (inside, ==, 2);
  g_assert_cmpuint (over, ==, 1);

  layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  g_assert_cmpstr (label_text (layout, TP_CHART_LABEL_BAND, 0), ==, "3–10 touches");

  /* Even the empty chart speaks of the band as set. */
  tp_chart_data_set_band (empty, 4, 9);
  empty_layout = lay_out (empty, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);
  g_assert_cmpstr (label_text (empty_layout, TP_CHART_LABEL_EMPTY_DETAIL, 0), ==,
                   "Each customer’s touches show here against the band of 4 to 9 touches.");
}

/* Every order of @data lists the same customers as a fresh sort of them. */
static void
assert_orders_fresh (TpChartData *data)
{
  guint n = tp_chart_data_get_n_items (data);
  g_autofree TpChartItem *copy = g_new (TpChartItem, MAX (n, 1));
  g_autoptr(TpChartData) fresh = tp_chart_data_new ();

  for (guint i = 0; i < n; i++)
    copy[i] = *tp_chart_data_get_item (data, TP_CHART_SORT_TOUCHES, i);
  tp_chart_data_set_items (fresh, copy, n);

  for (guint s = TP_CHART_SORT_TOUCHES; s <= TP_CHART_SORT_LAST_TOUCH; s++)
    for (guint i = 0; i < n; i++)
      {
        gint64 id = tp_chart_data_get_item (fresh, s, i)->customer_id;

        g_assert_cmpint (tp_chart_data_get_item (data, s, i)->customer_id, ==, id);
        g_assert_cmpint (tp_chart_data_find_item (data, s, id), ==, (int) i);
      }
}

/* A customer who leaves the filter leaves the chart: every order and the
 * counts follow without a re-sort, whichever entry it was. */
static void
test_remove (void)
{
  g_autoptr(TpChartData) data = three_customers ();
  g_autoptr(TpChartData) many = many_customers (300);
  guint under, inside, over;

  tp_chart_data_prepare (data);
  g_assert_false (tp_chart_data_remove_item (data, 77));
  g_assert_true (tp_chart_data_remove_item (data, 3));   /* the most touches */
  g_assert_false (tp_chart_data_remove_item (data, 3));
  g_assert_cmpuint (tp_chart_data_get_n_items (data), ==, 2);
  g_assert_cmpint (tp_chart_data_find_item (data, TP_CHART_SORT_TOUCHES, 3), ==, -1);
  g_assert_cmpint (tp_chart_data_get_item (data, TP_CHART_SORT_TOUCHES, 0)->customer_id, ==, 1);
  g_assert_cmpint (tp_chart_data_get_item (data, TP_CHART_SORT_NAME, 1)->customer_id, ==, 2);
  tp_chart_data_count_band (data, &under, &inside, &over);
  g_assert_cmpuint (under, ==, 1);
  g_assert_cmpuint (inside, ==, 1);
  g_assert_cmpuint (over, ==, 0);
  assert_orders_fresh (data);

  /* The axis drops back when the top customer goes. */
  tp_chart_data_update_item (data, &(TpChartItem) { 1, "Ada Lovelace", 100, TRUE, 1767225600 });
  {
    g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);

    g_assert_cmpfloat (tp_chart_layout_get_axis_max (layout), >=, 100);
  }
  g_assert_true (tp_chart_data_remove_item (data, 1));
  {
    g_autoptr(TpChartLayout) layout = lay_out (data, TP_CHART_MODE_TOUCHES, WIDTH, HEIGHT);

    g_assert_cmpfloat (tp_chart_layout_get_axis_max (layout), <, 100);
  }
  tp_chart_data_update_item (data, &(TpChartItem) { 1, "Ada Lovelace", 10, TRUE, 1767225600 });
  assert_orders_fresh (data);

  g_assert_true (tp_chart_data_remove_item (data, 1));
  g_assert_true (tp_chart_data_remove_item (data, 2));
  g_assert_cmpuint (tp_chart_data_get_n_items (data), ==, 0);
  g_assert_null (tp_chart_data_get_item (data, TP_CHART_SORT_NAME, 0));

  /* Removing from the middle, the ends, and adding again, many times. */
  tp_chart_data_prepare (many);
  for (guint i = 0; i < 120; i++)
    {
      gint64 id = 1 + (i * 97) % 300;

      tp_chart_data_remove_item (many, id);
      if (i % 4 == 0)
        {
          TpChartItem back = { id, "Zora Zeller", i % 19, TRUE, 1767225600 + i };

          tp_chart_data_update_item (many, &back);
        }
    }
  g_assert_cmpuint (tp_chart_data_get_n_items (many), <, 300);
  assert_orders_fresh (many);
}

/* Prepared data is sorted in every order before any layout asks, so that
 * the thread that lays out never sorts. */
static void
test_prepare (void)
{
  g_autoptr(TpChartData) data = many_customers (2000);
  g_autoptr(TpChartData) empty = tp_chart_data_new ();
  const guint histogram[] = { 0, 2, 0, 3, 0, 0 };
  const TpChartChannelCount channels[] = {
    { TP_CHANNEL_CALL, 4 }, { TP_CHANNEL_EMAIL, 0 }, { TP_CHANNEL_EMAIL, 9 },
  };
  const guint *counts;
  const TpChartChannelCount *read;
  gsize n;

  g_assert_false (tp_chart_data_is_prepared (data));
  tp_chart_data_get_item (data, TP_CHART_SORT_TOUCHES, 0);
  g_assert_false (tp_chart_data_is_prepared (data));
  tp_chart_data_prepare (data);
  g_assert_true (tp_chart_data_is_prepared (data));
  assert_orders_fresh (data);

  /* Updates keep it prepared; new items drop the orders. */
  tp_chart_data_update_item (data, &(TpChartItem) { 5, "Abel Ames", 40, TRUE, 0 });
  g_assert_true (tp_chart_data_is_prepared (data));
  g_assert_cmpint (tp_chart_data_get_item (data, TP_CHART_SORT_TOUCHES, 0)->customer_id, ==, 5);
  tp_chart_data_set_items (data, NULL, 0);
  g_assert_false (tp_chart_data_is_prepared (data));

  tp_chart_data_prepare (empty);
  g_assert_true (tp_chart_data_is_prepared (empty));

  /* The other views' input reads back as the views use it. */
  counts = tp_chart_data_get_purchase_histogram (empty, &n);
  g_assert_cmpuint (n, ==, 0);
  tp_chart_data_set_purchase_histogram (empty, histogram, G_N_ELEMENTS (histogram));
  counts = tp_chart_data_get_purchase_histogram (empty, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (counts[1], ==, 2);
  g_assert_cmpuint (counts[3], ==, 3);
  tp_chart_data_set_channels (empty, channels, G_N_ELEMENTS (channels));
  read = tp_chart_data_get_channels (empty, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (read[0].channel, ==, TP_CHANNEL_EMAIL);
  g_assert_cmpuint (read[0].touches, ==, 9);
  g_assert_cmpint (read[1].channel, ==, TP_CHANNEL_CALL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/touchpoint/chart-layout/known-bars", test_known_bars);
  g_test_add_func ("/touchpoint/chart-layout/hit-areas", test_hit_areas);
  g_test_add_func ("/touchpoint/chart-layout/empty", test_empty);
  g_test_add_func ("/touchpoint/chart-layout/one-customer", test_one_customer);
  g_test_add_func ("/touchpoint/chart-layout/all-in-band", test_all_in_band);
  g_test_add_func ("/touchpoint/chart-layout/large", test_large);
  g_test_add_func ("/touchpoint/chart-layout/huge-counts", test_huge_counts);
  g_test_add_func ("/touchpoint/chart-layout/long-names", test_long_names);
  g_test_add_func ("/touchpoint/chart-layout/sort-and-update", test_sort_and_update);
  g_test_add_func ("/touchpoint/chart-layout/focus-hover", test_focus_hover);
  g_test_add_func ("/touchpoint/chart-layout/before-purchase", test_before_purchase);
  g_test_add_func ("/touchpoint/chart-layout/channels", test_channels);
  g_test_add_func ("/touchpoint/chart-layout/tiny", test_tiny);
  g_test_add_func ("/touchpoint/chart-layout/band-setting", test_band_setting);
  g_test_add_func ("/touchpoint/chart-layout/remove", test_remove);
  g_test_add_func ("/touchpoint/chart-layout/prepare", test_prepare);

  return g_test_run ();
}
