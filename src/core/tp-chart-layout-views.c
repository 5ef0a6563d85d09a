/* tp-chart-layout-views.c
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

#define G_LOG_DOMAIN "tp-chart-layout-views"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-chart-layout-private.h"

/*
 * The geometry of one frame of the touches chart, for each of its views
 * (touches per customer, touches before the first purchase, channels):
 * fonts and labels, the value axis and its ticks, the header with the
 * summary and the legend, the empty state, and every bar. Everything is
 * in pixels (or points) from the top left; tp-chart-layout.c owns the
 * result and answers questions about it.
 */

#define PADDING            12.0
#define GAP                8.0
#define NAME_MAX_WIDTH     110.0
#define MIN_PITCH          22.0
#define MAX_PITCH          64.0
#define BAR_RATIO          0.64
#define HISTOGRAM_RATIO    0.8
#define TICK_SPACING       48.0
#define CHANNEL_LABEL_MAX  160.0
#define CHANNEL_ROW_MAX    36.0
#define MIN_BAR_HEIGHT     2.0
#define COS45              0.70710678118654752

static void
setup_fonts (TpChartLayout *self)
{
  const PangoFontDescription *base = pango_context_get_font_description (self->params.context);
  int size;
  g_autoptr(PangoLayout) probe = NULL;
  PangoRectangle logical;

  self->font = base != NULL ? pango_font_description_copy (base)
                            : pango_font_description_from_string ("Sans 11");

  size = pango_font_description_get_size (self->font);
  if (size <= 0)
    {
      size = 11 * PANGO_SCALE;
      pango_font_description_set_size (self->font, size);
    }

  self->small_font = pango_font_description_copy (self->font);
  if (pango_font_description_get_size_is_absolute (self->font))
    pango_font_description_set_absolute_size (self->small_font, size * 0.82);
  else
    pango_font_description_set_size (self->small_font, (int) (size * 0.82));

  self->bold_font = pango_font_description_copy (self->font);
  pango_font_description_set_weight (self->bold_font, PANGO_WEIGHT_BOLD);

  probe = pango_layout_new (self->params.context);
  pango_layout_set_font_description (probe, self->small_font);
  pango_layout_set_text (probe, "0", -1);
  pango_layout_get_pixel_extents (probe, NULL, &logical);
  self->small_line = logical.height;
}

static PangoLayout *
make_text (TpChartLayout              *self,
           const char                 *text,
           const PangoFontDescription *font,
           double                      max_width,
           double                     *width,
           double                     *height)
{
  PangoLayout *layout = pango_layout_new (self->params.context);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  /* An ellipsizing layout reports its full width; the ink is what counts. */
  if (width != NULL)
    *width = max_width > 0 ? MIN (logical.width, max_width) : logical.width;
  if (height != NULL)
    *height = logical.height;

  return layout;
}

static double
measure_text (TpChartLayout              *self,
              const char                 *text,
              const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  layout = make_text (self, text, font, -1, &width, NULL);

  return width;
}

static TpChartLabel *
add_label (TpChartLayout    *self,
           PangoLayout      *layout,  /* transfer full */
           TpChartLabelRole  role,
           guint             index,
           double            x,
           double            y,
           double            angle)
{
  TpChartLabel label = { layout, role, index, x, y, angle, { 0 } };
  PangoRectangle logical;
  double w, h;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  w = logical.width;
  h = logical.height;
  if (pango_layout_get_width (layout) > 0)
    w = MIN (w, pango_layout_get_width (layout) / (double) PANGO_SCALE);

  if (angle == 0)
    {
      label.extents = (TpChartRect) { x, y, w, h };
    }
  else
    {
      double c = cos (angle), s = sin (angle);
      double xs[4] = { 0, w, w, 0 };
      double ys[4] = { 0, 0, h, h };
      double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

      for (guint i = 0; i < 4; i++)
        {
          double px = x + xs[i] * c - ys[i] * s;
          double py = y + xs[i] * s + ys[i] * c;

          min_x = MIN (min_x, px);
          max_x = MAX (max_x, px);
          min_y = MIN (min_y, py);
          max_y = MAX (max_y, py);
        }
      label.extents = (TpChartRect) { min_x, min_y, max_x - min_x, max_y - min_y };
    }

  g_array_append_val (self->labels, label);

  return &g_array_index (self->labels, TpChartLabel, self->labels->len - 1);
}

static void
add_text (TpChartLayout              *self,
          const char                 *text,
          const PangoFontDescription *font,
          TpChartLabelRole            role,
          double                      x,
          double                      y)
{
  add_label (self, make_text (self, text, font, -1, NULL, NULL), role, 0, x, y, 0);
}

/* Chooses the step of the value axis from 1, 2 and 5 times a power of ten, so
 * that about @target ticks span @max, and returns the axis maximum. */
static double
nice_axis (double  max,
           int     target,
           double *step_out)
{
  double raw, magnitude, residual, step;

  max = MAX (max, 1);
  target = MAX (target, 1);
  raw = max / target;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;

  if (residual <= 1)
    step = 1;
  else if (residual <= 2)
    step = 2;
  else if (residual <= 5)
    step = 5;
  else
    step = 10;

  step = MAX (step * magnitude, 1);
  *step_out = step;

  return ceil (max / step - 1e-9) * step;
}

static double
value_to_y (TpChartLayout *self,
            double         value)
{
  return self->plot.y + self->plot.height - value / self->axis_max * self->plot.height;
}

static double
value_to_x (TpChartLayout *self,
            double         value)
{
  return self->plot.x + value / self->axis_max * self->plot.width;
}

/* The value axis: ticks, grid positions and their labels. Vertical for the
 * column charts (labels right-aligned left of the plot), horizontal for the
 * channel bars (labels centred below it). Returns the widest tick label. */
static double
measure_ticks (TpChartLayout *self,
               double         max,
               double         length,
               GPtrArray     *texts)
{
  double step, widest = 0;
  int target = (int) CLAMP (length / (self->horizontal ? TICK_SPACING * 2 : TICK_SPACING), 2, 8);

  self->axis_max = nice_axis (max, target, &step);

  for (double v = 0; v <= self->axis_max + step / 2; v += step)
    {
      TpChartTick tick = { v, 0 };
      double w;
      PangoLayout *layout;
      char *text = _tp_chart_format_count ((guint64) v);

      layout = make_text (self, text, self->small_font, -1, &w, NULL);
      g_free (text);
      widest = MAX (widest, w);
      g_array_append_val (self->ticks, tick);
      g_ptr_array_add (texts, layout);
    }

  return widest;
}

static void
place_ticks (TpChartLayout *self,
             GPtrArray     *texts)
{
  for (guint i = 0; i < self->ticks->len; i++)
    {
      TpChartTick *tick = &g_array_index (self->ticks, TpChartTick, i);
      PangoLayout *layout = g_ptr_array_steal_index (texts, 0);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);

      if (self->horizontal)
        {
          tick->position = round (value_to_x (self, tick->value));
          add_label (self, layout, TP_CHART_LABEL_TICK, 0,
                     tick->position - logical.width / 2.0,
                     self->plot.y + self->plot.height + GAP / 2, 0);
        }
      else
        {
          tick->position = round (value_to_y (self, tick->value));
          add_label (self, layout, TP_CHART_LABEL_TICK, 0,
                     self->plot.x - GAP - logical.width,
                     tick->position - logical.height / 2.0, 0);
        }
    }
}

/* The header row: a summary at the left and the legend at the right, or the
 * legend on its own row when both do not fit. Returns the header's height. */
typedef struct
{
  TpChartBarKind  kind;
  const char     *text;
} LegendSpec;

static double
lay_out_header (TpChartLayout    *self,
                const char       *summary,
                const LegendSpec *legend,
                guint             n_legend)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_object_unref);
  double summary_w = 0, summary_h = 0, legend_w = 0, legend_h = 0;
  double available = self->params.width - 2 * PADDING;
  double swatch = round (self->small_line * 0.75);
  double x, y, row_h;
  PangoLayout *summary_layout = NULL;

  if (summary != NULL)
    summary_layout = make_text (self, summary, self->bold_font, available, &summary_w, &summary_h);

  for (guint i = 0; i < n_legend; i++)
    {
      double w, h;

      g_ptr_array_add (texts, make_text (self, legend[i].text, self->small_font, -1, &w, &h));
      legend_w += (i > 0 ? 2 * GAP : 0) + swatch + GAP / 2 + w;
      legend_h = MAX (legend_h, h);
    }

  if (summary_layout != NULL)
    add_label (self, summary_layout, TP_CHART_LABEL_SUMMARY, 0, PADDING, PADDING, 0);

  if (n_legend == 0)
    return summary_h;

  if (summary_layout == NULL || summary_w + 3 * GAP + legend_w <= available)
    {
      row_h = MAX (summary_h, legend_h);
      y = PADDING + (row_h - legend_h) / 2;
      x = summary_layout == NULL ? PADDING : PADDING + available - legend_w;
    }
  else
    {
      y = PADDING + summary_h + GAP / 2;
      row_h = summary_h + GAP / 2 + legend_h;
      x = PADDING;
    }

  for (guint i = 0; i < n_legend; i++)
    {
      PangoLayout *layout = g_ptr_array_steal_index (texts, 0);
      TpChartLegendEntry entry;
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (i > 0)
        x += 2 * GAP;
      entry.kind = legend[i].kind;
      entry.swatch = (TpChartRect) { round (x), round (y + (legend_h - swatch) / 2), swatch, swatch };
      g_array_append_val (self->legend, entry);
      x += swatch + GAP / 2;
      add_label (self, layout, TP_CHART_LABEL_LEGEND, i, round (x), round (y), 0);
      x += logical.width;
    }

  return row_h;
}

static void
lay_out_empty (TpChartLayout *self,
               const char    *title,
               const char    *detail)
{
  g_autoptr(PangoFontDescription) title_font = pango_font_description_copy (self->bold_font);
  double w, h, detail_h, max_w = MAX (self->params.width - 4 * PADDING, 1);
  PangoLayout *title_layout, *detail_layout;
  double top;

  pango_font_description_set_size (title_font, pango_font_description_get_size (self->font) * 1.4);

  self->empty = TRUE;
  self->plot = (TpChartRect) { 0, 0, self->params.width, self->params.height };

  title_layout = make_text (self, title, title_font, max_w, &w, &h);
  detail_layout = pango_layout_new (self->params.context);
  pango_layout_set_font_description (detail_layout, self->font);
  pango_layout_set_width (detail_layout, (int) (max_w * PANGO_SCALE));
  pango_layout_set_wrap (detail_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (detail_layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (detail_layout, detail, -1);

  {
    PangoRectangle logical;

    pango_layout_get_pixel_extents (detail_layout, NULL, &logical);
    detail_h = logical.height;
  }

  top = round ((self->params.height - h - GAP - detail_h) / 2);
  add_label (self, title_layout, TP_CHART_LABEL_EMPTY_TITLE, 0,
             round ((self->params.width - w) / 2), top, 0);
  /* A centred, wrapped layout spans its whole width: place that width. */
  add_label (self, detail_layout, TP_CHART_LABEL_EMPTY_DETAIL, 0,
             round ((self->params.width - max_w) / 2), top + h + GAP, 0);
}

/* Where the right end of a name label sits under its bar, and the label's top
 * left corner once turned by -45°, text reading up towards the bar. */
static void
name_origin (double  anchor_x,
             double  anchor_y,
             double  w,
             double  h,
             double *x,
             double *y)
{
  *x = anchor_x - COS45 * (w + h / 2);
  *y = anchor_y + COS45 * (w - h / 2);
}

static void
lay_out_touches (TpChartLayout *self)
{
  TpChartData *data = self->data;
  TpChartBand band = data->band;
  g_autoptr(GPtrArray) tick_texts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *band_text = _tp_chart_format_band (&band);
  g_autofree char *total = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *summary = NULL;
  PangoLayout *band_layout;
  double header_h, band_w, band_h, tick_w, names_h, name_w, right, scroll, max_scroll;
  double overhang, bar_w;
  guint n = data->entries->len;
  guint first, last, extra;
  const LegendSpec legend[] = {
    { TP_CHART_BAR_BOUGHT, C_("chart legend", "Bought") },
    { TP_CHART_BAR_NOT_BOUGHT, C_("chart legend", "Not yet bought") },
  };

  if (n == 0)
    {
      g_autofree char *detail = NULL;

      /* Translators: the text of the empty chart; the %u are the band's ends, as in 5 and 12 */
      detail = g_strdup_printf (ngettext ("Each customer’s touches show here against the band of %u to %u touch.",
                                          "Each customer’s touches show here against the band of %u to %u touches.",
                                          band.high),
                                band.low, band.high);
      lay_out_empty (self, _("No Customers Yet"), detail);
      return;
    }

  _tp_chart_data_ensure_order (data, self->params.sort);

  total = _tp_chart_format_count (n);
  inside = _tp_chart_format_count (data->inside);
  /* Translators: the chart's summary, as in "20 of 40 customers are within 5–12
   * touches"; the %s are numbers, %u the ends of the band */
  summary = g_strdup_printf (ngettext ("%s of %s customer is within %u–%u touches.",
                                       "%s of %s customers are within %u–%u touches.", n),
                             inside, total, band.low, band.high);
  header_h = lay_out_header (self, summary, legend, G_N_ELEMENTS (legend));

  /* The name labels hang below the plot at -45°, ellipsized; on a short chart
   * they get shorter. */
  name_w = CLAMP (self->params.height * 0.3 / COS45 - self->small_line, 40, NAME_MAX_WIDTH);
  names_h = ceil (COS45 * (name_w + self->small_line)) + GAP;

  self->plot.y = PADDING + header_h + GAP + self->small_line + GAP;
  self->plot.height = MAX (self->params.height - PADDING - names_h - self->plot.y, 1);

  tick_w = measure_ticks (self, MAX (data->max_touches, band.high + 1), self->plot.height, tick_texts);

  band_layout = make_text (self, band_text, self->small_font, -1, &band_w, &band_h);
  right = self->params.width - PADDING - band_w - GAP;

  self->plot.x = PADDING + tick_w + GAP;
  self->plot.width = MAX (right - self->plot.x, 1);
  place_ticks (self, tick_texts);

  /* Title of the value axis, above its labels. */
  add_text (self, C_("chart axis", "Touches"), self->small_font, TP_CHART_LABEL_AXIS_TITLE,
            PADDING, self->plot.y - GAP - self->small_line);

  /* The band: across the plot, its label in the right margin. */
  self->has_band = TRUE;
  {
    double top = round (value_to_y (self, MIN (band.high, self->axis_max)));
    double bottom = round (value_to_y (self, MIN (band.low, self->axis_max)));
    double label_y = (top + bottom - band_h) / 2;

    self->band = (TpChartRect) { self->plot.x, top, self->plot.width, bottom - top };
    label_y = CLAMP (label_y, self->plot.y - band_h / 2, self->plot.y + self->plot.height - band_h / 2);
    add_label (self, band_layout, TP_CHART_LABEL_BAND, 0, right + GAP, round (label_y), 0);
  }

  /* Columns: as wide as fits between MIN_PITCH and MAX_PITCH, scrolling when
   * they do not all fit. */
  self->n_positions = n;
  self->pitch = CLAMP (floor (self->plot.width / n), MIN_PITCH, MAX_PITCH);
  bar_w = MAX (round (self->pitch * BAR_RATIO), 1);
  overhang = COS45 * (name_w + self->small_line);

  /* A lead-in so that the first names do not run out of the plot at the left. */
  self->lead = 0;
  for (guint i = 0; i < n && i * self->pitch < overhang; i++)
    {
      const TpChartItem *item = tp_chart_data_get_item (data, self->params.sort, i);
      g_autoptr(PangoLayout) probe = NULL;
      double w, h;

      probe = make_text (self, _tp_chart_item_name (item), self->small_font, name_w, &w, &h);
      self->lead = MAX (self->lead, COS45 * (w + h / 2) + GAP / 2 - (i + 0.5) * self->pitch);
    }
  self->lead = ceil (self->lead);

  self->content_width = self->lead + n * self->pitch;
  max_scroll = MAX (self->content_width - self->plot.width, 0);
  scroll = CLAMP (round (self->params.scroll_x), 0, max_scroll);
  self->scroll_x = scroll;

  /* Only the visible columns, and the few to the right whose names reach back
   * into view. */
  first = (guint) CLAMP (floor ((scroll - self->lead) / self->pitch), 0, n - 1);
  last = (guint) CLAMP (floor ((scroll + self->plot.width - self->lead) / self->pitch), 0, n - 1);
  extra = (guint) ceil (overhang / self->pitch);
  last = MIN (n - 1, last + extra);

  for (guint i = first; i <= last; i++)
    {
      const TpChartItem *item = tp_chart_data_get_item (data, self->params.sort, i);
      double column_x = self->plot.x + self->lead + i * self->pitch - scroll;
      double x = round (column_x + (self->pitch - bar_w) / 2);
      double top = round (value_to_y (self, item->touches));
      double bottom = self->plot.y + self->plot.height;
      double hit_x0 = MAX (column_x, self->plot.x);
      double hit_x1 = MIN (column_x + self->pitch, self->plot.x + self->plot.width);
      TpChartBar bar = { { 0 } };
      PangoLayout *name;
      double w, h, lx, ly;

      bar.rect = (TpChartRect) { x, MIN (top, bottom - MIN_BAR_HEIGHT), bar_w, MAX (bottom - top, MIN_BAR_HEIGHT) };
      bar.hit = (TpChartRect) { hit_x0, self->plot.y, MAX (hit_x1 - hit_x0, 0), self->plot.height + names_h };
      bar.kind = item->bought ? TP_CHART_BAR_BOUGHT : TP_CHART_BAR_NOT_BOUGHT;
      bar.position = i;
      bar.customer_id = item->customer_id;
      bar.value = item->touches;
      if (x + bar_w > self->plot.x && x < self->plot.x + self->plot.width)
        bar.flags |= TP_CHART_BAR_VISIBLE;
      if ((int) i == self->params.focus)
        bar.flags |= TP_CHART_BAR_FOCUSED;
      if ((int) i == self->params.hover)
        bar.flags |= TP_CHART_BAR_HOVERED;
      g_array_append_val (self->bars, bar);

      name = make_text (self, _tp_chart_item_name (item), self->small_font, name_w, &w, &h);
      name_origin (x + bar_w / 2.0, bottom + GAP / 2 + COS45 * h / 2, w, h, &lx, &ly);
      add_label (self, name, TP_CHART_LABEL_ITEM, self->bars->len - 1, lx, ly, -G_PI / 4);
    }
}

static void
lay_out_before_purchase (TpChartLayout *self)
{
  TpChartData *data = self->data;
  TpChartBand band = data->band;
  g_autoptr(GPtrArray) tick_texts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *band_text = _tp_chart_format_band (&band);
  g_autofree char *summary = NULL;
  g_autofree char *median_text = NULL;
  g_autofree char *median_figure = NULL;
  double header_h, tick_w, bar_w, bottom, label_every_w = 0, median = 0;
  guint max_count = 0, label_every = 1;
  guint n;
  LegendSpec legend[2];

  if (data->n_first_purchases == 0)
    {
      lay_out_empty (self, _("No First Purchases Yet"),
                     _("When customers buy, the touches that came before their first purchase show here."));
      return;
    }

  /* Buckets 0…cap; the last one holds "cap or more" when some customers needed
   * many more touches, so that one outlier does not squash the chart. */
  self->histogram_cap = MAX (band.high * 2, 20);
  if (data->n_histogram - 1 > self->histogram_cap)
    {
      self->histogram_overflow = TRUE;
      n = self->histogram_cap + 1;
    }
  else
    {
      n = MAX (data->n_histogram, band.high + 3);
      self->histogram_cap = n - 1;
    }
  self->n_positions = n;

  for (guint k = 0; k < n; k++)
    {
      guint count = 0;

      if (k < self->histogram_cap || !self->histogram_overflow)
        count = k < data->n_histogram ? data->histogram[k] : 0;
      else
        for (guint j = k; j < data->n_histogram; j++)
          count += data->histogram[j];
      max_count = MAX (max_count, count);
    }

  tp_chart_data_get_purchase_median (data, &median);
  median_figure = _tp_chart_format_median (median);
  summary = _tp_chart_data_share_sentence (data);
  /* Translators: a legend entry; %s is a number, possibly with a decimal */
  median_text = g_strdup_printf (ngettext ("Median: %s touch", "Median: %s touches",
                                           (gulong) ceil (median)), median_figure);
  legend[0] = (LegendSpec) { TP_CHART_BAR_BAND, band_text };
  legend[1] = (LegendSpec) { TP_CHART_BAR_MEDIAN, median_text };
  header_h = lay_out_header (self, summary, legend, G_N_ELEMENTS (legend));

  /* Rows from the bottom: x-axis title, bucket labels; above the plot a row
   * with the value-axis title. */
  bottom = self->params.height - PADDING - self->small_line - GAP / 2 - self->small_line - GAP / 2;
  self->plot.y = PADDING + header_h + GAP + self->small_line + GAP;
  self->plot.height = MAX (bottom - self->plot.y, 1);

  tick_w = measure_ticks (self, max_count, self->plot.height, tick_texts);
  self->plot.x = PADDING + tick_w + GAP;
  self->plot.width = MAX (self->params.width - PADDING - self->plot.x, 1);
  place_ticks (self, tick_texts);

  add_text (self, C_("chart axis", "Customers"), self->small_font, TP_CHART_LABEL_AXIS_TITLE,
            PADDING, self->plot.y - GAP - self->small_line);
  {
    double w;
    PangoLayout *title = make_text (self, _("Touches before the first purchase"), self->small_font,
                                    self->plot.width, &w, NULL);

    add_label (self, title, TP_CHART_LABEL_AXIS_TITLE, 0,
               round (self->plot.x + (self->plot.width - w) / 2),
               self->params.height - PADDING - self->small_line, 0);
  }

  self->pitch = self->plot.width / n;
  self->content_width = self->plot.width;
  bar_w = MAX (floor (self->pitch * HISTOGRAM_RATIO), 1);

  /* Label every bucket, or every 2nd, 5th, 10th… when they would crowd. */
  {
    g_autofree char *widest = g_strdup_printf ("%u+", self->histogram_cap);
    const guint steps[] = { 1, 2, 5, 10, 20, 50, 100 };

    label_every_w = measure_text (self, widest, self->small_font);
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        label_every = steps[s];
        if (self->pitch * label_every >= label_every_w + GAP)
          break;
      }
  }

  for (guint k = 0; k < n; k++)
    {
      double column_x = self->plot.x + k * self->pitch;
      double x = round (column_x + (self->pitch - bar_w) / 2);
      double plot_bottom = self->plot.y + self->plot.height;
      gboolean overflow = self->histogram_overflow && k == self->histogram_cap;
      guint count = 0;
      TpChartBar bar = { { 0 } };
      double top;

      if (!overflow)
        count = k < data->n_histogram ? data->histogram[k] : 0;
      else
        for (guint j = k; j < data->n_histogram; j++)
          count += data->histogram[j];

      top = round (value_to_y (self, count));
      bar.rect = (TpChartRect) { x, top, bar_w, plot_bottom - top };
      bar.hit = (TpChartRect) { column_x, self->plot.y, self->pitch,
                                self->plot.height + GAP / 2 + self->small_line };
      bar.kind = k >= band.low && k <= band.high ? TP_CHART_BAR_IN_BAND : TP_CHART_BAR_OUT_OF_BAND;
      bar.flags = TP_CHART_BAR_VISIBLE;
      if ((int) k == self->params.focus)
        bar.flags |= TP_CHART_BAR_FOCUSED;
      if ((int) k == self->params.hover)
        bar.flags |= TP_CHART_BAR_HOVERED;
      bar.position = k;
      bar.value = count;
      g_array_append_val (self->bars, bar);

      if (k % label_every == 0 || overflow)
        {
          g_autofree char *text = NULL;
          PangoLayout *label;
          double w;

          if (overflow)
            /* Translators: the last bucket of the histogram, as in "24+" touches */
            text = g_strdup_printf (C_("chart bucket", "%u+"), k);
          else
            text = _tp_chart_format_count (k);

          label = make_text (self, text, self->small_font, -1, &w, NULL);
          add_label (self, label, TP_CHART_LABEL_ITEM, self->bars->len - 1,
                     round (x + (bar_w - w) / 2), plot_bottom + GAP / 2, 0);
        }
    }

  /* The band spans the buckets low…high; the median line sits in the middle of
   * its bucket (between two when the median falls between them). */
  if (band.low < n)
    {
      double x0 = round (self->plot.x + band.low * self->pitch);
      double x1 = round (self->plot.x + MIN (band.high + 1, n) * self->pitch);

      self->has_band = TRUE;
      self->band = (TpChartRect) { x0, self->plot.y, x1 - x0, self->plot.height };
    }

  self->has_median = TRUE;
  self->median_x = round (self->plot.x + (MIN (median, self->histogram_cap) + 0.5) * self->pitch) + 0.5;
}

static void
lay_out_channels (TpChartLayout *self)
{
  TpChartData *data = self->data;
  g_autoptr(GPtrArray) tick_texts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *widest_value = NULL;
  double header_h, label_col = 0, value_w, row_h, bar_h, top, bottom;
  guint n = data->channels->len;
  guint max_value;

  if (n == 0)
    {
      lay_out_empty (self, _("No First Purchases Yet"),
                     _("When customers buy, the channels of the touches that came first show here."));
      return;
    }

  self->horizontal = TRUE;
  self->n_positions = n;
  max_value = g_array_index (data->channels, TpChartChannelCount, 0).touches;

  header_h = lay_out_header (self, _("Touches before a first purchase, by channel"), NULL, 0);

  for (guint i = 0; i < n; i++)
    {
      const TpChartChannelCount *c = &g_array_index (data->channels, TpChartChannelCount, i);
      double w;

      g_ptr_array_add (names, make_text (self, tp_channel_get_label (c->channel), self->small_font,
                                         CHANNEL_LABEL_MAX, &w, NULL));
      label_col = MAX (label_col, w);
    }

  widest_value = _tp_chart_format_count (max_value);
  value_w = measure_text (self, widest_value, self->small_font);

  top = PADDING + header_h + 2 * GAP;
  bottom = self->params.height - PADDING - self->small_line - GAP / 2 - self->small_line - GAP / 2;
  row_h = CLAMP (floor ((bottom - top) / n), 1, CHANNEL_ROW_MAX);
  bar_h = MAX (round (row_h * 0.6), 1);

  self->plot.x = PADDING + label_col + GAP;
  self->plot.y = top;
  self->plot.width = MAX (self->params.width - PADDING - value_w - GAP - self->plot.x, 1);
  self->plot.height = row_h * n;
  self->pitch = row_h;
  self->content_width = self->plot.width;

  measure_ticks (self, max_value, self->plot.width, tick_texts);
  place_ticks (self, tick_texts);

  {
    double w;
    PangoLayout *title = make_text (self, C_("chart axis", "Touches"), self->small_font, -1, &w, NULL);

    add_label (self, title, TP_CHART_LABEL_AXIS_TITLE, 0,
               round (self->plot.x + (self->plot.width - w) / 2),
               self->plot.y + self->plot.height + GAP / 2 + self->small_line + GAP / 2, 0);
  }

  for (guint i = 0; i < n; i++)
    {
      const TpChartChannelCount *c = &g_array_index (data->channels, TpChartChannelCount, i);
      double row_y = self->plot.y + i * row_h;
      double y = round (row_y + (row_h - bar_h) / 2);
      double right = round (value_to_x (self, c->touches));
      TpChartBar bar = { { 0 } };
      PangoLayout *label = g_ptr_array_steal_index (names, 0);
      g_autofree char *figure = _tp_chart_format_count (c->touches);
      double w, h;

      bar.rect = (TpChartRect) { self->plot.x, y, MAX (right - self->plot.x, MIN_BAR_HEIGHT), bar_h };
      bar.hit = (TpChartRect) { PADDING, row_y, MAX (self->params.width - 2 * PADDING, 0), row_h };
      bar.kind = TP_CHART_BAR_CHANNEL;
      bar.flags = TP_CHART_BAR_VISIBLE;
      if ((int) i == self->params.focus)
        bar.flags |= TP_CHART_BAR_FOCUSED;
      if ((int) i == self->params.hover)
        bar.flags |= TP_CHART_BAR_HOVERED;
      bar.position = i;
      bar.value = c->touches;
      g_array_append_val (self->bars, bar);

      {
        PangoRectangle logical;

        pango_layout_get_pixel_extents (label, NULL, &logical);
        w = MIN (logical.width, CHANNEL_LABEL_MAX);
        h = logical.height;
      }
      add_label (self, label, TP_CHART_LABEL_ITEM, i,
                 self->plot.x - GAP - w, round (row_y + (row_h - h) / 2), 0);

      label = make_text (self, figure, self->small_font, -1, &w, &h);
      add_label (self, label, TP_CHART_LABEL_VALUE, i,
                 bar.rect.x + bar.rect.width + GAP / 2, round (row_y + (row_h - h) / 2), 0);
    }
}

/* Fills a new layout: the fonts, then the frame of its view. */
void
_tp_chart_layout_compute (TpChartLayout *self)
{
  setup_fonts (self);

  switch (self->params.mode)
    {
    case TP_CHART_MODE_TOUCHES:
      lay_out_touches (self);
      break;
    case TP_CHART_MODE_BEFORE_PURCHASE:
      lay_out_before_purchase (self);
      break;
    case TP_CHART_MODE_CHANNELS:
      lay_out_channels (self);
      break;
    default:
      g_critical ("Unknown chart mode %d", (int) self->params.mode);
      lay_out_empty (self, "", "");
      break;
    }
}
