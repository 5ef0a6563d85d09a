/* tp-results-chart-view.c
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

#define G_LOG_DOMAIN "tp-results-chart-view"

#include "config.h"

#include <adwaita.h>

#include "tp-results-chart-view.h"

/*
 * TpResultsChartView paints one of the Results section's small charts:
 * core lays it out for the widget's size and paints it
 * (tp-results-chart.c); the widget only hands it a cairo_t and its
 * colours from the theme. A screen reader reads the chart's words (its
 * accessible label) instead of the picture.
 */

struct _TpResultsChartView
{
  GtkWidget             parent_instance;

  TpResultsChartKind    kind;
  TpResults            *results;  /* borrowed: the section keeps it until it sets the next */
  double                natural_height;
  char                 *text;
  TpResultsChartLayout *layout;   /* for the allocated size, dropped when it changes */
  TpChartColors         colors;
};

G_DEFINE_FINAL_TYPE (TpResultsChartView, tp_results_chart_view, GTK_TYPE_WIDGET)

static TpChartColor
to_chart_color (const GdkRGBA *rgba,
                float          alpha)
{
  TpChartColor color = { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };

  return color;
}

static void
update_colors (TpResultsChartView *self)
{
  GtkStyleContext *context;
  GdkRGBA fg, accent_bg;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &fg);
  /* gtk_style_context_lookup_color() is deprecated from GTK 4.10 on, with
   * no replacement for named colours; it is the supported way on 4.8. */
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent_bg))
    gdk_rgba_parse (&accent_bg, dark ? "#3584e4" : "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS

  tp_chart_colors_init_light (&self->colors);
  self->colors.foreground = to_chart_color (&fg, 1);
  self->colors.axis = to_chart_color (&fg, 0.3f);
  self->colors.in_band = to_chart_color (&accent_bg, 1);
  self->colors.channel = to_chart_color (&accent_bg, 1);
}

/**
 * tp_results_chart_view_set_results:
 * @self: a #TpResultsChartView
 * @results: (nullable): the figures to draw; kept by the caller while shown
 */
void
tp_results_chart_view_set_results (TpResultsChartView *self,
                                   TpResults          *results)
{
  g_return_if_fail (TP_IS_RESULTS_CHART_VIEW (self));

  self->results = results;
  g_clear_pointer (&self->layout, tp_results_chart_layout_free);
  g_clear_pointer (&self->text, g_free);

  if (results != NULL)
    {
      self->natural_height = tp_results_chart_natural_height (results, self->kind);
      self->text = tp_results_chart_describe (results, self->kind);
    }
  else
    {
      self->natural_height = 0;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text != NULL ? self->text : "",
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tp_results_chart_view_get_text:
 * @self: a #TpResultsChartView
 *
 * Returns: (nullable): what the chart shows, in words
 */
const char *
tp_results_chart_view_get_text (TpResultsChartView *self)
{
  g_return_val_if_fail (TP_IS_RESULTS_CHART_VIEW (self), NULL);

  return self->text;
}

static void
tp_results_chart_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  TpResultsChartView *self = TP_RESULTS_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = *natural = (int)self->natural_height;
    }
}

static void
tp_results_chart_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  TpResultsChartView *self = TP_RESULTS_CHART_VIEW (widget);

  g_clear_pointer (&self->layout, tp_results_chart_layout_free);
}

static void
tp_results_chart_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  TpResultsChartView *self = TP_RESULTS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->results == NULL || width <= 0 || height <= 0)
    return;

  if (self->layout == NULL)
    self->layout = tp_results_chart_layout_new (self->results, self->kind, width, height);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tp_results_chart_paint (self->layout, cr, &self->colors);
  cairo_destroy (cr);
}

static void
tp_results_chart_view_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tp_results_chart_view_parent_class)->css_changed (widget, change);

  update_colors (TP_RESULTS_CHART_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

static void
tp_results_chart_view_finalize (GObject *object)
{
  TpResultsChartView *self = TP_RESULTS_CHART_VIEW (object);

  g_clear_pointer (&self->layout, tp_results_chart_layout_free);
  g_free (self->text);

  G_OBJECT_CLASS (tp_results_chart_view_parent_class)->finalize (object);
}

static void
tp_results_chart_view_class_init (TpResultsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tp_results_chart_view_finalize;

  widget_class->measure = tp_results_chart_view_measure;
  widget_class->size_allocate = tp_results_chart_view_size_allocate;
  widget_class->snapshot = tp_results_chart_view_snapshot;
  widget_class->css_changed = tp_results_chart_view_css_changed;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "tp-results-chart");
}

static void
tp_results_chart_view_init (TpResultsChartView *self)
{
  update_colors (self);
}

/**
 * tp_results_chart_view_new:
 * @kind: which chart
 *
 * Returns: (transfer floating): a new chart, empty until it has figures
 */
GtkWidget *
tp_results_chart_view_new (TpResultsChartKind kind)
{
  TpResultsChartView *self = g_object_new (TP_TYPE_RESULTS_CHART_VIEW, NULL);

  self->kind = kind;

  return GTK_WIDGET (self);
}
