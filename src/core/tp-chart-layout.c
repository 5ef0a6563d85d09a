/* tp-chart-layout.c
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

#define G_LOG_DOMAIN "tp-chart-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-chart-layout-private.h"

/*
 * The touches chart in two steps (STYLE.md §7):
 *
 * TpChartData holds the input as plain arrays and everything that only changes
 * with the data: the customers in each sort order (sorted once, then kept in
 * order by tp_chart_data_update_item()), the band counts, the histogram and
 * its median, the channels in order. It costs O(n log n) when the data changes.
 *
 * TpChartLayout is one frame: from the prepared data, a size, a scroll offset
 * and the focus it computes in pixels where every bar, tick, label, the band
 * and the legend go, and the hit area of each bar. Its cost grows with the
 * number of visible bars only, so it can run on every frame of a scroll.
 * tp_chart_paint() (tp-chart-paint.c) draws it on any cairo_t.
 *
 * TpChartData lives in tp-chart-data.c. This file holds TpChartLayout, the
 * type: its parameters, its lifetime, what it answers about a frame (the
 * bars, ticks, labels, hit tests and tooltips); tp-chart-layout-views.c
 * computes the frame of each view.
 */

/* TpChartParams */

/**
 * tp_chart_params_init:
 * @params: (out caller-allocates): the parameters to set
 * @mode: the view
 * @width: the width, in pixels or points
 * @height: the height
 *
 * Sets @params to a chart of @mode sorted by touches, scrolled to the start,
 * without focus or hover, with the default fonts.
 */
void
tp_chart_params_init (TpChartParams *params,
                      TpChartMode    mode,
                      double         width,
                      double         height)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->mode = mode;
  params->sort = TP_CHART_SORT_TOUCHES;
  params->width = width;
  params->height = height;
  params->focus = -1;
  params->hover = -1;
}

G_DEFINE_BOXED_TYPE (TpChartLayout, tp_chart_layout, tp_chart_layout_ref, tp_chart_layout_unref)

static void
label_clear (gpointer data)
{
  TpChartLabel *label = data;

  g_clear_object (&label->layout);
}

static PangoContext *
create_default_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *desc;

  /* Metrics independent of the scale, so that exports at 2× look the same. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  cairo_font_options_destroy (options);

  desc = pango_font_description_from_string ("Cantarell, Sans 11");
  pango_context_set_font_description (context, desc);
  pango_font_description_free (desc);

  return context;
}

/**
 * tp_chart_layout_new:
 * @data: the prepared data
 * @params: what to lay out
 *
 * Lays out one frame of the chart. The work grows with the number of bars
 * that are visible, not with the number of customers. The layout keeps a
 * reference on @data; lay out again whenever @data changes.
 *
 * Returns: (transfer full): the layout
 */
TpChartLayout *
tp_chart_layout_new (TpChartData         *data,
                     const TpChartParams *params)
{
  TpChartLayout *self;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail ((guint) params->sort < N_SORTS, NULL);

  self = g_new0 (TpChartLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->data = tp_chart_data_ref (data);
  self->generation = data->generation;
  self->params = *params;
  self->params.width = MAX (params->width, 1);
  self->params.height = MAX (params->height, 1);
  self->params.context = params->context != NULL ? g_object_ref (params->context)
                                                 : create_default_context ();
  self->axis_max = 1;
  self->bars = g_array_new (FALSE, FALSE, sizeof (TpChartBar));
  self->ticks = g_array_new (FALSE, FALSE, sizeof (TpChartTick));
  self->labels = g_array_new (FALSE, FALSE, sizeof (TpChartLabel));
  g_array_set_clear_func (self->labels, label_clear);
  self->legend = g_array_new (FALSE, FALSE, sizeof (TpChartLegendEntry));

  _tp_chart_layout_compute (self);

  return self;
}

TpChartLayout *
tp_chart_layout_ref (TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
tp_chart_layout_unref (TpChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->bars);
  g_array_unref (self->ticks);
  g_array_unref (self->labels);
  g_array_unref (self->legend);
  pango_font_description_free (self->font);
  pango_font_description_free (self->small_font);
  pango_font_description_free (self->bold_font);
  g_object_unref (self->params.context);
  tp_chart_data_unref (self->data);
  g_free (self);
}

/**
 * tp_chart_layout_get_params:
 * @self: a layout
 *
 * Returns: (transfer none): the parameters the layout was made with; the
 *   context is the one it used
 */
const TpChartParams *
tp_chart_layout_get_params (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->params;
}

/**
 * tp_chart_layout_is_empty:
 * @self: a layout
 *
 * Returns: %TRUE if there is nothing to chart: the layout then holds only
 *   the empty-state title and text
 */
gboolean
tp_chart_layout_is_empty (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->empty;
}

/**
 * tp_chart_layout_get_plot_area:
 * @self: a layout
 *
 * Returns: (transfer none): the area of the bars, between the axes
 */
const TpChartRect *
tp_chart_layout_get_plot_area (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->plot;
}

/**
 * tp_chart_layout_is_horizontal:
 * @self: a layout
 *
 * Returns: %TRUE if the bars grow to the right (channels), %FALSE if they grow
 *   upwards
 */
gboolean
tp_chart_layout_is_horizontal (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->horizontal;
}

double
tp_chart_layout_get_axis_max (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->axis_max;
}

/**
 * tp_chart_layout_get_n_positions:
 * @self: a layout
 *
 * Returns: the number of bars of the whole chart, laid out or not: the number
 *   of customers, buckets or channels
 */
guint
tp_chart_layout_get_n_positions (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_positions;
}

/**
 * tp_chart_layout_get_content_width:
 * @self: a layout
 *
 * Returns: the width of all the columns; when it is larger than the plot's
 *   width, the chart scrolls by up to the difference
 */
double
tp_chart_layout_get_content_width (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->content_width;
}

double
tp_chart_layout_get_scroll_x (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->scroll_x;
}

/**
 * tp_chart_layout_get_position_span:
 * @self: a layout
 * @position: a bar's position
 * @start: (out): where its column starts, in content coordinates
 * @end: (out): where it ends
 *
 * Finds where a bar lies in the scrolled content, for scrolling it into view.
 *
 * Returns: %FALSE if @position is out of range
 */
gboolean
tp_chart_layout_get_position_span (const TpChartLayout *self,
                                   guint                position,
                                   double              *start,
                                   double              *end)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (position >= self->n_positions)
    return FALSE;

  *start = self->lead + position * self->pitch;
  *end = *start + self->pitch;

  return TRUE;
}

const TpChartBar *
tp_chart_layout_get_bars (const TpChartLayout *self,
                          guint               *n_bars)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_bars != NULL, NULL);

  *n_bars = self->bars->len;

  return (const TpChartBar *) (gconstpointer) self->bars->data;
}

const TpChartTick *
tp_chart_layout_get_ticks (const TpChartLayout *self,
                           guint               *n_ticks)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ticks != NULL, NULL);

  *n_ticks = self->ticks->len;

  return (const TpChartTick *) (gconstpointer) self->ticks->data;
}

const TpChartLabel *
tp_chart_layout_get_labels (const TpChartLayout *self,
                            guint               *n_labels)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_labels != NULL, NULL);

  *n_labels = self->labels->len;

  return (const TpChartLabel *) (gconstpointer) self->labels->data;
}

const TpChartLegendEntry *
tp_chart_layout_get_legend (const TpChartLayout *self,
                            guint               *n_entries)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_entries != NULL, NULL);

  *n_entries = self->legend->len;

  return (const TpChartLegendEntry *) (gconstpointer) self->legend->data;
}

/**
 * tp_chart_layout_get_band:
 * @self: a layout
 * @rect: (out) (optional): the shaded band
 *
 * Returns: %TRUE if the layout shades a band
 */
gboolean
tp_chart_layout_get_band (const TpChartLayout *self,
                          TpChartRect         *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (rect != NULL && self->has_band)
    *rect = self->band;

  return self->has_band;
}

/**
 * tp_chart_layout_get_median:
 * @self: a layout
 * @x: (out) (optional): the x of the median line, in the middle of a pixel
 *
 * Returns: %TRUE if the layout draws a median line
 */
gboolean
tp_chart_layout_get_median (const TpChartLayout *self,
                            double              *x)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (x != NULL && self->has_median)
    *x = self->median_x;

  return self->has_median;
}

static gboolean
rect_contains (const TpChartRect *rect,
               double             x,
               double             y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

/**
 * tp_chart_layout_hit_test:
 * @self: a layout
 * @x: a point's x
 * @y: its y
 *
 * Finds the bar whose column (or row) holds the point: the same areas serve
 * the pointer, the click and the tooltip.
 *
 * Returns: (transfer none) (nullable): the bar, or %NULL
 */
const TpChartBar *
tp_chart_layout_hit_test (const TpChartLayout *self,
                          double               x,
                          double               y)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const TpChartBar *bar = &g_array_index (self->bars, TpChartBar, i);

      if ((bar->flags & TP_CHART_BAR_VISIBLE) != 0 && rect_contains (&bar->hit, x, y))
        return bar;
    }

  return NULL;
}

/**
 * tp_chart_layout_find_bar:
 * @self: a layout
 * @position: a bar's position
 *
 * Returns: (transfer none) (nullable): the laid-out bar at @position, or %NULL
 *   if it is scrolled out of view
 */
const TpChartBar *
tp_chart_layout_find_bar (const TpChartLayout *self,
                          guint                position)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const TpChartBar *bar = &g_array_index (self->bars, TpChartBar, i);

      if (bar->position == position)
        return bar;
    }

  return NULL;
}

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);

  if (when == NULL)
    return g_strdup ("");

  return g_date_time_format (when, "%x");
}

static char *
tooltip_for_customer (const TpChartLayout *self,
                      const TpChartBar    *bar)
{
  const TpChartItem *item = tp_chart_data_get_item (self->data, self->params.sort, bar->position);
  TpChartBand band = self->data->band;
  g_autofree char *touches = _tp_chart_format_count (item->touches);
  g_autofree char *figures = NULL;
  g_autofree char *last = NULL;
  g_autofree char *advice = NULL;

  if (item->bought)
    /* Translators: a tooltip line; %s is a number */
    figures = g_strdup_printf (ngettext ("%s touch · bought", "%s touches · bought", item->touches), touches);
  else
    /* Translators: a tooltip line; %s is a number */
    figures = g_strdup_printf (ngettext ("%s touch · not yet bought", "%s touches · not yet bought",
                                         item->touches), touches);

  if (item->last_touch_unix != 0)
    {
      g_autofree char *date = format_date (item->last_touch_unix);

      /* Translators: a tooltip line; %s is a date */
      last = g_strdup_printf (_("Last touch on %s"), date);
    }
  else
    {
      last = g_strdup (_("No touch yet"));
    }

  if (item->touches < band.low)
    /* Translators: a tooltip line; %u is a number of touches, then the band's bottom */
    advice = g_strdup_printf (ngettext ("%u more touch to reach %u", "%u more touches to reach %u",
                                        band.low - item->touches),
                              band.low - item->touches, band.low);
  else if (item->touches <= band.high)
    /* Translators: a tooltip line, as in "Inside the band of 5–12" */
    advice = g_strdup_printf (_("Inside the band of %u–%u"), band.low, band.high);
  else
    /* Translators: a tooltip line, as in "Over the band of 5–12" */
    advice = g_strdup_printf (_("Over the band of %u–%u"), band.low, band.high);

  return g_strjoin ("\n", _tp_chart_item_name (item), figures, last, advice, NULL);
}

static char *
tooltip_for_bucket (const TpChartLayout *self,
                    const TpChartBar    *bar)
{
  g_autofree char *touches = _tp_chart_format_count (bar->position);
  g_autofree char *customers = _tp_chart_format_count (bar->value);
  g_autofree char *title = NULL;
  g_autofree char *figure = NULL;

  if (self->histogram_overflow && bar->position == self->histogram_cap)
    /* Translators: a tooltip title; %s is a number of touches */
    title = g_strdup_printf (_("After %s touches or more"), touches);
  else
    /* Translators: a tooltip title; %s is a number of touches */
    title = g_strdup_printf (ngettext ("After %s touch", "After %s touches", bar->position), touches);

  /* Translators: a tooltip line; %s is a number of customers */
  figure = g_strdup_printf (ngettext ("%s first purchase", "%s first purchases", bar->value), customers);

  return g_strjoin ("\n", title, figure, NULL);
}

static char *
tooltip_for_channel (const TpChartLayout *self,
                     const TpChartBar    *bar)
{
  const TpChartChannelCount *c = &g_array_index (self->data->channels, TpChartChannelCount, bar->position);
  g_autofree char *touches = _tp_chart_format_count (c->touches);
  g_autofree char *figure = NULL;
  guint percent = (guint) ((c->touches * 100ull + self->data->channel_total / 2) / self->data->channel_total);

  /* Translators: a tooltip line; %s is a number of touches, %u a percentage */
  figure = g_strdup_printf (ngettext ("%s touch before a first purchase (%u %%)",
                                      "%s touches before a first purchase (%u %%)", c->touches),
                            touches, percent);

  return g_strjoin ("\n", tp_channel_get_label (c->channel), figure, NULL);
}

/**
 * tp_chart_layout_dup_tooltip:
 * @self: a layout
 * @bar: one of its bars
 *
 * Writes what a tooltip on @bar says: the customer and their figures, the
 * bucket's first purchases, or the channel's touches.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if the data changed
 *   since the layout was made
 */
char *
tp_chart_layout_dup_tooltip (const TpChartLayout *self,
                             const TpChartBar    *bar)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bar != NULL, NULL);

  if (self->generation != self->data->generation || self->empty)
    return NULL;

  switch (self->params.mode)
    {
    case TP_CHART_MODE_TOUCHES:
      return tooltip_for_customer (self, bar);
    case TP_CHART_MODE_BEFORE_PURCHASE:
      return tooltip_for_bucket (self, bar);
    case TP_CHART_MODE_CHANNELS:
      return tooltip_for_channel (self, bar);
    default:
      g_return_val_if_reached (NULL);
    }
}
