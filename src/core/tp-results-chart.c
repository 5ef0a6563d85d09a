/* tp-results-chart.c
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

#define G_LOG_DOMAIN "tp-results-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tp-results-chart.h"

/*
 * The small charts of the Results section: where each bar, label and
 * point goes (in pixels of the given size), and their Cairo painting, so
 * that a test can check the one and the widget only calls the other. Each
 * chart also has its words: the text a screen reader reads instead.
 */

#define LABEL_SHARE 0.38  /* of the width, for the labels left of the bars */
#define VALUE_WIDTH 72.0  /* room for the figure right of the longest bar */
#define BAR_SHARE   0.6   /* of a row's height, for its bar */
#define GAP         8.0

typedef struct
{
  const char *label;
  guint       value;
  char       *value_text;
} Item;

static GArray *
collect_items (TpResults          *results,
               TpResultsChartKind  kind)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  if (kind == TP_RESULTS_CHART_TACTICS)
    {
      for (guint i = 0; i < results->tactics->len; i++)
        {
          const TpResultsRow *row = &g_array_index (results->tactics, TpResultsRow, i);
          Item item = { row->name, row->current.first_touch, NULL };

          if (row->id == 0 && row->current.first_touch == 0)
            continue;
          item.value_text = g_strdup_printf ("%u", item.value);
          g_array_append_val (items, item);
        }
    }
  else if (kind == TP_RESULTS_CHART_FUNNEL)
    {
      const char *labels[] = { _("Leads"), _("Prospects"), _("Customers"), _("Repeat customers") };
      guint totals[4] = { 0 };

      for (guint i = 0; i < results->funnels->len; i++)
        {
          const TpResultsFunnel *funnel = &g_array_index (results->funnels, TpResultsFunnel, i);

          totals[0] += funnel->leads;
          totals[1] += funnel->prospects;
          totals[2] += funnel->customers;
          totals[3] += funnel->repeats;
        }

      for (guint s = 0; s < G_N_ELEMENTS (totals); s++)
        {
          Item item = { labels[s], totals[s], NULL };

          if (s == 0 || totals[s - 1] == 0)
            item.value_text = g_strdup_printf ("%u", totals[s]);
          else
            /* Translators: a stage of the funnel: how many people, and
             * which share of the stage before they are: “3 (75%)” */
            item.value_text = g_strdup_printf (_("%u (%u%%)"), totals[s],
                                               (guint)(100.0 * totals[s] / totals[s - 1] + 0.5));
          g_array_append_val (items, item);
        }
    }

  return items;
}

static void
free_items (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    g_free (g_array_index (items, Item, i).value_text);
  g_array_unref (items);
}

/**
 * tp_results_chart_natural_height:
 * @results: figures
 * @kind: which chart
 *
 * Returns: the height the chart wants, in pixels
 */
double
tp_results_chart_natural_height (TpResults          *results,
                                 TpResultsChartKind  kind)
{
  g_autoptr(GArray) items = NULL;
  double height;

  if (kind == TP_RESULTS_CHART_SPARKLINE)
    return TP_RESULTS_CHART_SPARKLINE_HEIGHT;

  items = collect_items (results, kind);
  height = items->len * TP_RESULTS_CHART_ROW_HEIGHT;
  for (guint i = 0; i < items->len; i++)
    g_free (g_array_index (items, Item, i).value_text);

  return height;
}

static void
bar_clear (gpointer data)
{
  TpResultsBar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
}

/**
 * tp_results_chart_layout_new:
 * @results: figures
 * @kind: which chart
 * @width: its width in pixels
 * @height: its height in pixels
 *
 * Returns: (transfer full): where everything goes
 */
TpResultsChartLayout *
tp_results_chart_layout_new (TpResults          *results,
                             TpResultsChartKind  kind,
                             double              width,
                             double              height)
{
  TpResultsChartLayout *layout = g_new0 (TpResultsChartLayout, 1);

  layout->kind = kind;
  layout->width = width;
  layout->height = height;
  layout->bars = g_array_new (FALSE, TRUE, sizeof (TpResultsBar));
  g_array_set_clear_func (layout->bars, bar_clear);
  layout->points = g_array_new (FALSE, FALSE, sizeof (double));

  if (kind == TP_RESULTS_CHART_SPARKLINE)
    {
      guint n = results->weekly_touches->len;
      guint max = 1;
      double margin = 2;

      for (guint i = 0; i < n; i++)
        max = MAX (max, g_array_index (results->weekly_touches, guint, i));

      for (guint i = 0; i < n; i++)
        {
          double x = n > 1 ? margin + (width - 2 * margin) * i / (n - 1) : width / 2;
          double y = height - margin -
                     (height - 2 * margin) * g_array_index (results->weekly_touches, guint, i) / max;

          g_array_append_val (layout->points, x);
          g_array_append_val (layout->points, y);
        }
    }
  else
    {
      GArray *items = collect_items (results, kind);
      double label_width = kind == TP_RESULTS_CHART_FUNNEL ? width * LABEL_SHARE
                                                           : width * LABEL_SHARE;
      double bar_space = MAX (0, width - label_width - GAP - VALUE_WIDTH);
      double row_height = items->len > 0 ? height / items->len : 0;
      guint max = 1;

      for (guint i = 0; i < items->len; i++)
        max = MAX (max, g_array_index (items, Item, i).value);

      for (guint i = 0; i < items->len; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          double top = i * row_height;
          double bar_height = row_height * BAR_SHARE;
          double bar_width = bar_space * item->value / max;
          TpResultsBar bar = { 0 };

          bar.label = g_strdup (item->label);
          bar.value_text = g_steal_pointer (&item->value_text);
          bar.label_box = (TpResultsRect) { 0, top, label_width, row_height };
          bar.bar = (TpResultsRect) { label_width + GAP, top + (row_height - bar_height) / 2,
                                      bar_width, bar_height };
          bar.value_box = (TpResultsRect) { label_width + GAP + bar_width + GAP / 2, top,
                                            VALUE_WIDTH, row_height };
          g_array_append_val (layout->bars, bar);
        }

      free_items (items);
    }

  return layout;
}

void
tp_results_chart_layout_free (TpResultsChartLayout *layout)
{
  if (layout == NULL)
    return;

  g_array_unref (layout->bars);
  g_array_unref (layout->points);
  g_free (layout);
}

static void
set_color (cairo_t            *cr,
           const TpChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
paint_text (cairo_t             *cr,
            const char          *text,
            const TpResultsRect *box,
            gboolean             right_align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  int text_width, text_height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int)(box->width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right_align ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, box->x, box->y + (box->height - text_height) / 2);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (font);
  g_object_unref (layout);
}

/**
 * tp_results_chart_paint:
 * @layout: where everything goes
 * @cr: where to paint
 * @colors: the colours (foreground for words, in_band for bars, channel
 *   for the sparkline)
 */
void
tp_results_chart_paint (const TpResultsChartLayout *layout,
                        cairo_t                    *cr,
                        const TpChartColors        *colors)
{
  cairo_save (cr);

  if (layout->kind == TP_RESULTS_CHART_SPARKLINE)
    {
      guint n = layout->points->len / 2;

      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      set_color (cr, &colors->channel);
      for (guint i = 0; i < n; i++)
        cairo_line_to (cr, g_array_index (layout->points, double, 2 * i),
                       g_array_index (layout->points, double, 2 * i + 1));
      cairo_stroke (cr);
      set_color (cr, &colors->axis);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, layout->height - 0.5);
      cairo_line_to (cr, layout->width, layout->height - 0.5);
      cairo_stroke (cr);
    }
  else
    {
      for (guint i = 0; i < layout->bars->len; i++)
        {
          const TpResultsBar *bar = &g_array_index (layout->bars, TpResultsBar, i);

          set_color (cr, &colors->foreground);
          paint_text (cr, bar->label, &bar->label_box, TRUE);
          set_color (cr, &colors->in_band);
          cairo_rectangle (cr, bar->bar.x, bar->bar.y, MAX (bar->bar.width, 1), bar->bar.height);
          cairo_fill (cr);
          set_color (cr, &colors->foreground);
          paint_text (cr, bar->value_text, &bar->value_box, FALSE);
        }
    }

  cairo_restore (cr);
}

/**
 * tp_results_chart_describe:
 * @results: figures
 * @kind: which chart
 *
 * Returns: (transfer full): what the chart shows, in words, for screen
 *   readers
 */
char *
tp_results_chart_describe (TpResults          *results,
                           TpResultsChartKind  kind)
{
  GString *list = g_string_new (NULL);
  g_autofree char *items = NULL;

  if (kind == TP_RESULTS_CHART_SPARKLINE)
    {
      for (guint i = 0; i < results->weekly_touches->len; i++)
        g_string_append_printf (list, "%s%u", i > 0 ? ", " : "",
                                g_array_index (results->weekly_touches, guint, i));
      items = g_string_free (list, FALSE);
      /* Translators: the words of a small chart; %s is a list of numbers */
      return g_strdup_printf (_("Touches per week: %s"), items);
    }
  else
    {
      GArray *found = collect_items (results, kind);

      for (guint i = 0; i < found->len; i++)
        {
          const Item *item = &g_array_index (found, Item, i);

          if (i > 0)
            g_string_append (list, "; ");
          /* Translators: one bar of a small chart, its name and its figure */
          g_string_append_printf (list, _("%s: %s"), item->label, item->value_text);
        }
      free_items (found);
      items = g_string_free (list, FALSE);

      if (kind == TP_RESULTS_CHART_TACTICS)
        /* Translators: the words of a small chart; %s is a list of tactics with their figures */
        return g_strdup_printf (_("First purchases per tactic, as first touch: %s"), items);

      /* Translators: the words of a small chart; %s is a list of stages with their figures */
      return g_strdup_printf (_("Funnel of the people first reached in the period: %s"), items);
    }
}
