/* tp-chart-paint.c
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

#define G_LOG_DOMAIN "tp-chart-paint"

#include "config.h"

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tp-cairo-util.h"
#include "tp-chart-paint.h"

/*
 * tp_chart_paint() draws a TpChartLayout on any cairo_t: the widget's
 * snapshot, an image or SVG surface for "Save Chart As…", a print context.
 * It decides nothing about positions; it only turns the layout into paint,
 * with the colours it is given.
 */

#define CORNER_RADIUS 3.0
#define FOCUS_WIDTH   2.0
#define FOCUS_OFFSET  2.0

static TpChartColor
rgb (guint32 hex,
     float   alpha)
{
  TpChartColor color = {
    ((hex >> 16) & 0xff) / 255.f,
    ((hex >> 8) & 0xff) / 255.f,
    (hex & 0xff) / 255.f,
    alpha,
  };

  return color;
}

/**
 * tp_chart_colors_init_light:
 * @colors: (out caller-allocates): the colours to set
 *
 * Sets the colours of the chart on the light libadwaita style, with an
 * opaque view background, for exports.
 */
void
tp_chart_colors_init_light (TpChartColors *colors)
{
  g_return_if_fail (colors != NULL);

  colors->background = rgb (0xffffff, 1);
  colors->foreground = rgb (0x000000, 0.8f);
  colors->dim_foreground = rgb (0x000000, 0.55f);
  colors->grid = rgb (0x000000, 0.08f);
  colors->axis = rgb (0x000000, 0.3f);
  colors->band = rgb (0x2ec27e, 0.13f);
  colors->band_edge = rgb (0x1b8553, 1);
  colors->bought = rgb (0x3584e4, 1);
  colors->not_bought = rgb (0xc0bfbc, 1);
  colors->in_band = rgb (0x3584e4, 1);
  colors->out_of_band = rgb (0x99c1f1, 1);
  colors->channel = rgb (0x3584e4, 1);
  colors->median = rgb (0x000000, 0.7f);
  colors->hover = rgb (0x000000, 0.05f);
  colors->focus = rgb (0x1c71d8, 0.5f);
}

/**
 * tp_chart_colors_init_dark:
 * @colors: (out caller-allocates): the colours to set
 *
 * Sets the colours of the chart on the dark libadwaita style, with an
 * opaque view background, for exports.
 */
void
tp_chart_colors_init_dark (TpChartColors *colors)
{
  g_return_if_fail (colors != NULL);

  colors->background = rgb (0x1e1e1e, 1);
  colors->foreground = rgb (0xffffff, 1);
  colors->dim_foreground = rgb (0xffffff, 0.6f);
  colors->grid = rgb (0xffffff, 0.08f);
  colors->axis = rgb (0xffffff, 0.3f);
  colors->band = rgb (0x2ec27e, 0.16f);
  colors->band_edge = rgb (0x8ff0a4, 1);
  colors->bought = rgb (0x3584e4, 1);
  colors->not_bought = rgb (0x77767b, 1);
  colors->in_band = rgb (0x3584e4, 1);
  colors->out_of_band = rgb (0x1a5fb4, 1);
  colors->channel = rgb (0x3584e4, 1);
  colors->median = rgb (0xffffff, 0.75f);
  colors->hover = rgb (0xffffff, 0.06f);
  colors->focus = rgb (0x78aeed, 0.5f);
}

static void
set_color (cairo_t            *cr,
           const TpChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static const TpChartColor *
bar_color (const TpChartColors *colors,
           TpChartBarKind       kind)
{
  switch (kind)
    {
    case TP_CHART_BAR_BOUGHT:
      return &colors->bought;
    case TP_CHART_BAR_NOT_BOUGHT:
      return &colors->not_bought;
    case TP_CHART_BAR_IN_BAND:
      return &colors->in_band;
    case TP_CHART_BAR_OUT_OF_BAND:
      return &colors->out_of_band;
    case TP_CHART_BAR_CHANNEL:
      return &colors->channel;
    case TP_CHART_BAR_BAND:
      return &colors->band;
    case TP_CHART_BAR_MEDIAN:
      return &colors->median;
    default:
      g_return_val_if_reached (&colors->foreground);
    }
}

static const TpChartColor *
label_color (const TpChartColors *colors,
             TpChartLabelRole     role)
{
  switch (role)
    {
    case TP_CHART_LABEL_TICK:
    case TP_CHART_LABEL_VALUE:
    case TP_CHART_LABEL_AXIS_TITLE:
    case TP_CHART_LABEL_EMPTY_DETAIL:
      return &colors->dim_foreground;
    case TP_CHART_LABEL_BAND:
      return &colors->band_edge;
    case TP_CHART_LABEL_ITEM:
    case TP_CHART_LABEL_LEGEND:
    case TP_CHART_LABEL_SUMMARY:
    case TP_CHART_LABEL_EMPTY_TITLE:
    default:
      return &colors->foreground;
    }
}

/* A rectangle whose far corners (from the base line) are rounded. */
static void
bar_path (cairo_t           *cr,
          const TpChartRect *r,
          gboolean           horizontal,
          double             radius)
{
  double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;

  radius = MIN (radius, MIN (r->width, r->height) / 2);

  if (horizontal)
    {
      cairo_move_to (cr, x0, y0);
      cairo_arc (cr, x1 - radius, y0 + radius, radius, -G_PI / 2, 0);
      cairo_arc (cr, x1 - radius, y1 - radius, radius, 0, G_PI / 2);
      cairo_line_to (cr, x0, y1);
    }
  else
    {
      cairo_move_to (cr, x0, y1);
      cairo_arc (cr, x0 + radius, y0 + radius, radius, G_PI, 3 * G_PI / 2);
      cairo_arc (cr, x1 - radius, y0 + radius, radius, -G_PI / 2, 0);
      cairo_line_to (cr, x1, y1);
    }
  cairo_close_path (cr);
}

static void
paint_label (cairo_t             *cr,
             const TpChartLabel  *label,
             const TpChartColors *colors)
{
  cairo_save (cr);
  cairo_translate (cr, label->x, label->y);
  if (label->angle != 0)
    cairo_rotate (cr, label->angle);
  set_color (cr, label_color (colors, label->role));
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, label->layout);
  cairo_restore (cr);
}

static void
paint_legend (cairo_t             *cr,
              const TpChartLayout *layout,
              const TpChartColors *colors)
{
  const TpChartLegendEntry *entries;
  guint n;

  entries = tp_chart_layout_get_legend (layout, &n);

  for (guint i = 0; i < n; i++)
    {
      const TpChartRect *s = &entries[i].swatch;

      switch (entries[i].kind)
        {
        case TP_CHART_BAR_BAND:
          cairo_rectangle (cr, s->x, s->y, s->width, s->height);
          set_color (cr, &colors->band);
          cairo_fill_preserve (cr);
          set_color (cr, &colors->band_edge);
          cairo_set_line_width (cr, 1);
          cairo_save (cr);
          cairo_clip (cr);
          cairo_rectangle (cr, s->x + 0.5, s->y + 0.5, s->width - 1, s->height - 1);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;

        case TP_CHART_BAR_MEDIAN:
          {
            const double dashes[] = { 3, 2 };

            cairo_save (cr);
            set_color (cr, &colors->median);
            cairo_set_line_width (cr, 1.5);
            cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
            cairo_move_to (cr, s->x + s->width / 2, s->y - 1);
            cairo_line_to (cr, s->x + s->width / 2, s->y + s->height + 1);
            cairo_stroke (cr);
            cairo_restore (cr);
          }
          break;

        case TP_CHART_BAR_BOUGHT:
        case TP_CHART_BAR_NOT_BOUGHT:
        case TP_CHART_BAR_IN_BAND:
        case TP_CHART_BAR_OUT_OF_BAND:
        case TP_CHART_BAR_CHANNEL:
        default:
          _tp_cairo_rounded_rectangle (cr, s->x, s->y, s->width, s->height, 2);
          set_color (cr, bar_color (colors, entries[i].kind));
          cairo_fill (cr);
          break;
        }
    }
}

/**
 * tp_chart_paint:
 * @layout: a laid-out frame of the chart
 * @cr: where to paint, in the layout's units (pixels or points)
 * @colors: the colours to paint with
 *
 * Paints @layout: background, band, grid, bars, median, focus ring, labels
 * and legend. The work grows with the number of laid-out bars only.
 */
void
tp_chart_paint (const TpChartLayout *layout,
                cairo_t             *cr,
                const TpChartColors *colors)
{
  const TpChartParams *params;
  const TpChartRect *plot;
  const TpChartBar *bars;
  const TpChartTick *ticks;
  const TpChartLabel *labels;
  TpChartRect band;
  gboolean horizontal;
  gboolean scrolls;
  double median_x;
  guint n_bars, n_ticks, n_labels;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (colors != NULL);

  params = tp_chart_layout_get_params (layout);
  plot = tp_chart_layout_get_plot_area (layout);
  bars = tp_chart_layout_get_bars (layout, &n_bars);
  ticks = tp_chart_layout_get_ticks (layout, &n_ticks);
  labels = tp_chart_layout_get_labels (layout, &n_labels);
  horizontal = tp_chart_layout_is_horizontal (layout);
  scrolls = params->mode == TP_CHART_MODE_TOUCHES;

  cairo_save (cr);

  if (colors->background.alpha > 0)
    {
      set_color (cr, &colors->background);
      cairo_paint (cr);
    }

  if (tp_chart_layout_is_empty (layout))
    {
      for (guint i = 0; i < n_labels; i++)
        paint_label (cr, &labels[i], colors);
      cairo_restore (cr);
      return;
    }

  /* The band's shade, under everything else. */
  if (tp_chart_layout_get_band (layout, &band))
    {
      cairo_rectangle (cr, band.x, band.y, band.width, band.height);
      set_color (cr, &colors->band);
      cairo_fill (cr);
    }

  /* Grid lines, on pixel centres. */
  cairo_set_line_width (cr, 1);
  set_color (cr, &colors->grid);
  for (guint i = 0; i < n_ticks; i++)
    {
      if (ticks[i].value == 0)
        continue;
      if (horizontal)
        {
          cairo_move_to (cr, ticks[i].position + 0.5, plot->y);
          cairo_line_to (cr, ticks[i].position + 0.5, plot->y + plot->height);
        }
      else
        {
          cairo_move_to (cr, plot->x, ticks[i].position + 0.5);
          cairo_line_to (cr, plot->x + plot->width, ticks[i].position + 0.5);
        }
    }
  cairo_stroke (cr);

  /* The band's edges, dashed, over the grid. */
  if (tp_chart_layout_get_band (layout, &band))
    {
      const double dashes[] = { 4, 3 };

      cairo_save (cr);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_source_rgba (cr, colors->band_edge.red, colors->band_edge.green,
                             colors->band_edge.blue, colors->band_edge.alpha * 0.45);
      if (params->mode == TP_CHART_MODE_TOUCHES)
        {
          cairo_move_to (cr, band.x, band.y + 0.5);
          cairo_line_to (cr, band.x + band.width, band.y + 0.5);
          cairo_move_to (cr, band.x, band.y + band.height - 0.5);
          cairo_line_to (cr, band.x + band.width, band.y + band.height - 0.5);
        }
      else
        {
          cairo_move_to (cr, band.x + 0.5, band.y);
          cairo_line_to (cr, band.x + 0.5, band.y + band.height);
          cairo_move_to (cr, band.x + band.width - 0.5, band.y);
          cairo_line_to (cr, band.x + band.width - 0.5, band.y + band.height);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Bars, clipped to the plot's columns when the chart scrolls. */
  cairo_save (cr);
  if (scrolls)
    {
      cairo_rectangle (cr, plot->x, 0, plot->width, params->height);
      cairo_clip (cr);
    }

  for (guint i = 0; i < n_bars; i++)
    {
      if ((bars[i].flags & TP_CHART_BAR_HOVERED) != 0 && (bars[i].flags & TP_CHART_BAR_VISIBLE) != 0)
        {
          const TpChartRect *h = &bars[i].hit;

          if (horizontal)
            _tp_cairo_rounded_rectangle (cr, h->x - 4, h->y, h->width + 8, h->height, 6);
          else
            _tp_cairo_rounded_rectangle (cr, h->x, plot->y, h->width, plot->height, 4);
          set_color (cr, &colors->hover);
          cairo_fill (cr);
        }
    }

  for (guint i = 0; i < n_bars; i++)
    {
      if (bars[i].rect.width <= 0 || bars[i].rect.height <= 0)
        continue;
      bar_path (cr, &bars[i].rect, horizontal, CORNER_RADIUS);
      set_color (cr, bar_color (colors, bars[i].kind));
      cairo_fill (cr);
    }

  for (guint i = 0; i < n_bars; i++)
    {
      const TpChartRect *r = &bars[i].rect;
      double o = FOCUS_OFFSET + FOCUS_WIDTH / 2;

      if ((bars[i].flags & TP_CHART_BAR_FOCUSED) == 0)
        continue;

      _tp_cairo_rounded_rectangle (cr, r->x - o, r->y - o, r->width + 2 * o, r->height + 2 * o,
                                   CORNER_RADIUS + o);
      set_color (cr, &colors->focus);
      cairo_set_line_width (cr, FOCUS_WIDTH);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* The base line. */
  cairo_set_line_width (cr, 1);
  set_color (cr, &colors->axis);
  if (horizontal)
    {
      cairo_move_to (cr, plot->x - 0.5, plot->y);
      cairo_line_to (cr, plot->x - 0.5, plot->y + plot->height);
    }
  else
    {
      cairo_move_to (cr, plot->x, plot->y + plot->height + 0.5);
      cairo_line_to (cr, plot->x + plot->width, plot->y + plot->height + 0.5);
    }
  cairo_stroke (cr);

  if (tp_chart_layout_get_median (layout, &median_x))
    {
      const double dashes[] = { 3, 2 };

      cairo_save (cr);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.5);
      set_color (cr, &colors->median);
      cairo_move_to (cr, median_x, plot->y);
      cairo_line_to (cr, median_x, plot->y + plot->height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Labels; the names of a scrolling chart only within the plot's columns. */
  for (guint i = 0; i < n_labels; i++)
    {
      if (scrolls && labels[i].role == TP_CHART_LABEL_ITEM)
        continue;
      paint_label (cr, &labels[i], colors);
    }

  if (scrolls)
    {
      cairo_save (cr);
      cairo_rectangle (cr, plot->x, plot->y + plot->height, plot->width,
                       params->height - plot->y - plot->height);
      cairo_clip (cr);
      for (guint i = 0; i < n_labels; i++)
        {
          if (labels[i].role == TP_CHART_LABEL_ITEM)
            paint_label (cr, &labels[i], colors);
        }
      cairo_restore (cr);
    }

  paint_legend (cr, layout, colors);

  cairo_restore (cr);
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: the first %s is a file name, the second the reason */
               _("Could not save the chart as “%s”: %s"),
               path, cairo_status_to_string (status));

  return FALSE;
}

/**
 * tp_chart_save_png:
 * @layout: a laid-out frame of the chart
 * @colors: the colours to paint with
 * @scale: pixels per layout unit, 2 for a sharp picture on a HiDPI screen
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Paints @layout into a PNG file.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_chart_save_png (const TpChartLayout  *layout,
                   const TpChartColors  *colors,
                   double                scale,
                   const char           *path,
                   GError              **error)
{
  const TpChartParams *params;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (colors != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  params = tp_chart_layout_get_params (layout);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (params->width * scale),
                                        (int) ceil (params->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  tp_chart_paint (layout, cr, colors);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}

/**
 * tp_chart_save_svg:
 * @layout: a laid-out frame of the chart
 * @colors: the colours to paint with
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Paints @layout into an SVG file, one layout unit to the point.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_chart_save_svg (const TpChartLayout  *layout,
                   const TpChartColors  *colors,
                   const char           *path,
                   GError              **error)
{
  const TpChartParams *params;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (colors != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  params = tp_chart_layout_get_params (layout);
  surface = cairo_svg_surface_create (path, params->width, params->height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return check_status (status, path, error);
    }

  cr = cairo_create (surface);
  tp_chart_paint (layout, cr, colors);
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}
