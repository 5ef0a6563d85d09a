/* tp-customer-columns.c
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

#define G_LOG_DOMAIN "tp-customer-columns"

#include "config.h"

#include <pango/pangocairo.h>

#include "tp-customer-columns.h"
#include "tp-customer.h"

/*
 * TpCustomerColumns says where the customer list's columns go, for the
 * header and for every row alike, so that they line up.
 *
 * Each column is as wide as a number of characters of the list's font,
 * or as its title if that is wider; the stage column fits the longest
 * stage. The name column takes any room left over. When the list is
 * too narrow for every column, the least needed ones give way, one at a
 * time, until the rest fit: nothing ever scrolls sideways.
 *
 * The font's measures are read once, when the list is shown (the section
 * reads them again for a new font or text size), not by each of its rows.
 */

struct _TpCustomerColumns
{
  GObject               parent_instance;

  PangoFontDescription *font;
  double                resolution;
  int                   char_width;
  int                   digit_width;
  int                   line_height;
  int                   stage_width;
  int                   title_widths[TP_N_CUSTOMER_COLUMNS];
  int                   min_widths[TP_N_CUSTOMER_COLUMNS];
};

G_DEFINE_FINAL_TYPE (TpCustomerColumns, tp_customer_columns, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How many characters each column shows before it ellipsizes; the stage
 * column fits the longest stage instead. */
static const int column_chars[TP_N_CUSTOMER_COLUMNS] = { 14, 10, 0, 3, 11, 3, 11 };

/* The columns that give way when the list is narrow, first to last. */
static const TpCustomerColumn give_way[] = {
  TP_CUSTOMER_COLUMN_ORDERS,
  TP_CUSTOMER_COLUMN_AUDIENCE,
  TP_CUSTOMER_COLUMN_TOTAL_SPENT,
  TP_CUSTOMER_COLUMN_LAST_TOUCH,
  TP_CUSTOMER_COLUMN_TOUCHES,
  TP_CUSTOMER_COLUMN_STAGE,
};

/**
 * tp_customer_column_is_numeric:
 * @column: a #TpCustomerColumn
 *
 * Returns: whether the column shows numbers, set right-aligned with
 *   figures of one width
 */
gboolean
tp_customer_column_is_numeric (TpCustomerColumn column)
{
  return column == TP_CUSTOMER_COLUMN_TOUCHES ||
         column == TP_CUSTOMER_COLUMN_ORDERS ||
         column == TP_CUSTOMER_COLUMN_TOTAL_SPENT;
}

static void
update_min_widths (TpCustomerColumns *self)
{
  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      int unit = tp_customer_column_is_numeric (i) ? self->digit_width : self->char_width;
      int text_width = i == TP_CUSTOMER_COLUMN_STAGE ? self->stage_width : column_chars[i] * unit;

      self->min_widths[i] = MAX (text_width + 2 * TP_CUSTOMER_CELL_PADDING, self->title_widths[i]);
    }
}

/**
 * tp_customer_columns_fit:
 * @min_widths: the narrowest each column may be
 * @width: the width of the list
 * @widths: (out caller-allocates): the width of each column, 0 for a
 *   column that gives way
 *
 * Shares @width out among the columns: every shown column gets at least
 * its minimum, the name column takes what is left over,
 * and columns give way, least needed first, while the rest do not fit.
 * The name column is always shown, even when it alone does not fit.
 */
void
tp_customer_columns_fit (const int min_widths[TP_N_CUSTOMER_COLUMNS],
                         int       width,
                         int       widths[TP_N_CUSTOMER_COLUMNS])
{
  int total = 0;
  int extra;

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      widths[i] = MAX (min_widths[i], 0);
      total += widths[i];
    }

  for (guint i = 0; i < G_N_ELEMENTS (give_way) && total > width; i++)
    {
      total -= widths[give_way[i]];
      widths[give_way[i]] = 0;
    }

  extra = MAX (width - total, 0);
  widths[TP_CUSTOMER_COLUMN_NAME] += extra;
}

/**
 * tp_customer_columns_place:
 * @self: a #TpCustomerColumns
 * @width: the width of the header or row
 * @rtl: whether the columns run from right to left
 * @x: (out caller-allocates): where each column starts
 * @widths: (out caller-allocates): the width of each column, 0 for a
 *   column not shown
 *
 * Places the columns in a header or row @width wide.
 */
void
tp_customer_columns_place (TpCustomerColumns *self,
                           int                width,
                           gboolean           rtl,
                           int                x[TP_N_CUSTOMER_COLUMNS],
                           int                widths[TP_N_CUSTOMER_COLUMNS])
{
  int start = 0;

  g_return_if_fail (TP_IS_CUSTOMER_COLUMNS (self));

  tp_customer_columns_fit (self->min_widths, width, widths);

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      x[i] = rtl ? width - start - widths[i] : start;
      start += widths[i];
    }
}

/**
 * tp_customer_columns_update_metrics:
 * @self: a #TpCustomerColumns
 * @context: the Pango context of a row
 *
 * Reads the measures of the font of @context, if it is not the font they
 * were read from last time, and emits #TpCustomerColumns::changed when
 * they differ. Cheap when the font is the same.
 *
 * Returns: whether the measures changed
 */
gboolean
tp_customer_columns_update_metrics (TpCustomerColumns *self,
                                    PangoContext      *context)
{
  const PangoFontDescription *font;
  PangoFontMetrics *metrics;
  g_autoptr(PangoLayout) layout = NULL;
  double resolution;
  int char_width, digit_width, line_height, stage_width = 0;

  g_return_val_if_fail (TP_IS_CUSTOMER_COLUMNS (self), FALSE);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);

  font = pango_context_get_font_description (context);
  resolution = pango_cairo_context_get_resolution (context);
  if (self->font != NULL && pango_font_description_equal (self->font, font) &&
      self->resolution == resolution)
    return FALSE;

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
  self->resolution = resolution;

  metrics = pango_context_get_metrics (context, font, NULL);
  char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics));
  digit_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);

  layout = pango_layout_new (context);
  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &line_height);

  for (TpStage stage = 0; stage <= TP_STAGE_LOST; stage++)
    {
      int width;

      pango_layout_set_text (layout, tp_stage_get_label (stage), -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      stage_width = MAX (stage_width, width);
    }

  if (char_width == self->char_width && digit_width == self->digit_width &&
      line_height == self->line_height && stage_width == self->stage_width)
    return FALSE;

  self->stage_width = stage_width;

  self->char_width = char_width;
  self->digit_width = digit_width;
  self->line_height = line_height;
  update_min_widths (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * tp_customer_columns_set_title_width:
 * @self: a #TpCustomerColumns
 * @column: a #TpCustomerColumn
 * @width: the natural width of the column's title in the header
 *
 * Makes the column at least as wide as its title.
 */
void
tp_customer_columns_set_title_width (TpCustomerColumns *self,
                                     TpCustomerColumn   column,
                                     int                width)
{
  g_return_if_fail (TP_IS_CUSTOMER_COLUMNS (self));
  g_return_if_fail (column < TP_N_CUSTOMER_COLUMNS);

  if (self->title_widths[column] == width)
    return;

  self->title_widths[column] = width;
  update_min_widths (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tp_customer_columns_get_line_height:
 * @self: a #TpCustomerColumns
 *
 * Returns: the height of a line of the list's font, 0 before any row was
 *   measured
 */
int
tp_customer_columns_get_line_height (TpCustomerColumns *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_COLUMNS (self), 0);

  return self->line_height;
}

/**
 * tp_customer_columns_get_min_width:
 * @self: a #TpCustomerColumns
 * @column: a #TpCustomerColumn
 *
 * Returns: the narrowest @column gets while it is shown
 */
int
tp_customer_columns_get_min_width (TpCustomerColumns *self,
                                   TpCustomerColumn   column)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_COLUMNS (self), 0);
  g_return_val_if_fail (column < TP_N_CUSTOMER_COLUMNS, 0);

  return self->min_widths[column];
}

/**
 * tp_customer_columns_get_natural_width:
 * @self: a #TpCustomerColumns
 *
 * Returns: the width at which every column shows at its minimum
 */
int
tp_customer_columns_get_natural_width (TpCustomerColumns *self)
{
  int total = 0;

  g_return_val_if_fail (TP_IS_CUSTOMER_COLUMNS (self), 0);

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    total += self->min_widths[i];

  return total;
}

static void
tp_customer_columns_finalize (GObject *object)
{
  TpCustomerColumns *self = TP_CUSTOMER_COLUMNS (object);

  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (tp_customer_columns_parent_class)->finalize (object);
}

static void
tp_customer_columns_class_init (TpCustomerColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_customer_columns_finalize;

  /**
   * TpCustomerColumns::changed:
   *
   * The columns' widths changed: a new font, or a wider title.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tp_customer_columns_init (TpCustomerColumns *self)
{
}

/**
 * tp_customer_columns_new:
 *
 * Returns: (transfer full): the columns of a customer list, without
 *   measures until a row reads its font
 */
TpCustomerColumns *
tp_customer_columns_new (void)
{
  return g_object_new (TP_TYPE_CUSTOMER_COLUMNS, NULL);
}
