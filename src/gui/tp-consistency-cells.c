/* tp-consistency-cells.c
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

#define G_LOG_DOMAIN "tp-consistency-cells"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tp-consistency-cells.h"

/*
 * TpConsistencyCells draws a tactic's last TP_CONSISTENCY_N_PERIODS
 * periods as a row of small cells, oldest first: filled in the success
 * colour when the period was done as often as planned, in the warning
 * colour when partly, and faint when missed. The current period, which is
 * not over yet, is only outlined until something is done in it. Colours
 * are libadwaita's named colours, looked up again when the style changes
 * (dark, high contrast). A tooltip tells each period, and the accessible
 * description tells them all.
 *
 * It is a leaf that only paints, so it has no template.
 */

struct _TpConsistencyCells
{
  GtkWidget           parent_instance;

  TpTacticConsistency consistency;
  gboolean            has_consistency;
  int                 cell_size;

  GdkRGBA             done_color;
  GdkRGBA             partly_color;
  GdkRGBA             missed_color;
  GdkRGBA             outline_color;
};

G_DEFINE_FINAL_TYPE (TpConsistencyCells, tp_consistency_cells, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CELL_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_CELL_SIZE 12

static int
get_spacing (TpConsistencyCells *self)
{
  return MAX (2, self->cell_size / 4);
}

GtkWidget *
tp_consistency_cells_new (void)
{
  return g_object_new (TP_TYPE_CONSISTENCY_CELLS, NULL);
}

static char *
format_period_start (const TpConsistencyPeriod *period,
                     TpCadencePeriod            kind)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (period->start);

  switch (kind)
    {
    case TP_CADENCE_PERIOD_DAY:
      /* Translators: a day of a tactic's consistency, see g_date_time_format() */
      return g_date_time_format (start, _("%a, %-d %b"));

    case TP_CADENCE_PERIOD_WEEK:
      /* Translators: the Monday of a week of a tactic's consistency, see g_date_time_format() */
      return g_date_time_format (start, _("week of %-d %b"));

    case TP_CADENCE_PERIOD_MONTH:
      /* Translators: a month of a tactic's consistency, see g_date_time_format() */
      return g_date_time_format (start, _("%B %Y"));

    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
describe_period (const TpTacticConsistency *consistency,
                 guint                      index)
{
  const TpConsistencyPeriod *period = &consistency->periods[index];
  g_autofree char *when = format_period_start (period, consistency->period);

  if (period->state == TP_PERIOD_STATE_BEFORE)
    /* Translators: %s is a day, a week or a month before a tactic was created */
    return g_strdup_printf (_("%s: before the tactic was created"), when);

  /* Translators: the first %s is a day, a week or a month; then how many
   * times a tactic was done in it and how many times it was planned */
  return g_strdup_printf (_("%s: done %u of %u"), when, period->done, period->planned);
}

/**
 * tp_consistency_cells_describe:
 * @consistency: a tactic's consistency
 *
 * Returns: (transfer full): a sentence that says what the cells show
 */
char *
tp_consistency_cells_describe (const TpTacticConsistency *consistency)
{
  guint done = 0, partly = 0, missed = 0, n = 0;

  g_return_val_if_fail (consistency != NULL, NULL);

  /* Only the periods since the tactic was created; the current one is
   * not over, so nothing done in it yet is not a miss yet. */
  for (guint i = 0; i < TP_CONSISTENCY_N_PERIODS; i++)
    {
      switch (consistency->periods[i].state)
        {
        case TP_PERIOD_STATE_BEFORE:
          continue;

        case TP_PERIOD_STATE_DONE:
          done++;
          break;

        case TP_PERIOD_STATE_PARTLY:
          partly++;
          break;

        case TP_PERIOD_STATE_MISSED:
        default:
          if (i < TP_CONSISTENCY_N_PERIODS - 1)
            missed++;
          break;
        }
      n++;
    }

  switch (consistency->period)
    {
    case TP_CADENCE_PERIOD_DAY:
      /* Translators: a tactic's consistency; the numbers are days */
      return g_strdup_printf (ngettext ("The last %u day: %u done, %u partly done, %u missed",
                                        "The last %u days: %u done, %u partly done, %u missed", n),
                              n, done, partly, missed);

    case TP_CADENCE_PERIOD_WEEK:
      /* Translators: a tactic's consistency; the numbers are weeks */
      return g_strdup_printf (ngettext ("The last %u week: %u done, %u partly done, %u missed",
                                        "The last %u weeks: %u done, %u partly done, %u missed", n),
                              n, done, partly, missed);

    case TP_CADENCE_PERIOD_MONTH:
      /* Translators: a tactic's consistency; the numbers are months */
      return g_strdup_printf (ngettext ("The last %u month: %u done, %u partly done, %u missed",
                                        "The last %u months: %u done, %u partly done, %u missed", n),
                              n, done, partly, missed);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tp_consistency_cells_get_consistency:
 * @self: a #TpConsistencyCells
 *
 * Returns: (nullable): what the cells show
 */
const TpTacticConsistency *
tp_consistency_cells_get_consistency (TpConsistencyCells *self)
{
  g_return_val_if_fail (TP_IS_CONSISTENCY_CELLS (self), NULL);

  return self->has_consistency ? &self->consistency : NULL;
}

/**
 * tp_consistency_cells_set_consistency:
 * @self: a #TpConsistencyCells
 * @consistency: (nullable): what to show, copied
 */
void
tp_consistency_cells_set_consistency (TpConsistencyCells        *self,
                                      const TpTacticConsistency *consistency)
{
  g_autofree char *description = NULL;

  g_return_if_fail (TP_IS_CONSISTENCY_CELLS (self));

  if (consistency != NULL)
    {
      self->consistency = *consistency;
      self->has_consistency = TRUE;
      description = tp_consistency_cells_describe (consistency);
    }
  else
    {
      memset (&self->consistency, 0, sizeof self->consistency);
      self->has_consistency = FALSE;
    }

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
tp_consistency_cells_get_cell_size (TpConsistencyCells *self)
{
  g_return_val_if_fail (TP_IS_CONSISTENCY_CELLS (self), 0);

  return self->cell_size;
}

void
tp_consistency_cells_set_cell_size (TpConsistencyCells *self,
                                    int                 cell_size)
{
  g_return_if_fail (TP_IS_CONSISTENCY_CELLS (self));
  g_return_if_fail (cell_size > 0);

  if (self->cell_size == cell_size)
    return;

  self->cell_size = cell_size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CELL_SIZE]);
}

static void
lookup_colors (TpConsistencyCells *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, "success_bg_color", &self->done_color))
    gdk_rgba_parse (&self->done_color, "#26a269");
  if (!gtk_style_context_lookup_color (context, "warning_bg_color", &self->partly_color))
    gdk_rgba_parse (&self->partly_color, "#cd9309");
  if (!gtk_style_context_lookup_color (context, "window_fg_color", &self->missed_color))
    gdk_rgba_parse (&self->missed_color, "#000000");
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->outline_color = self->missed_color;
  self->outline_color.alpha *= 0.45f;
  self->missed_color.alpha *= 0.12f;
}

static void
tp_consistency_cells_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  TpConsistencyCells *self = TP_CONSISTENCY_CELLS (widget);

  GTK_WIDGET_CLASS (tp_consistency_cells_parent_class)->css_changed (widget, change);

  lookup_colors (self);
  gtk_widget_queue_draw (widget);
}

static void
tp_consistency_cells_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  TpConsistencyCells *self = TP_CONSISTENCY_CELLS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = TP_CONSISTENCY_N_PERIODS * self->cell_size +
                          (TP_CONSISTENCY_N_PERIODS - 1) * get_spacing (self);
  else
    *minimum = *natural = self->cell_size;
}

static int
cell_at (TpConsistencyCells *self,
         int                 x,
         int                 y)
{
  int step = self->cell_size + get_spacing (self);
  int index;

  if (x < 0 || y < 0 || y >= gtk_widget_get_height (GTK_WIDGET (self)))
    return -1;

  index = x / step;
  if (index >= TP_CONSISTENCY_N_PERIODS || x - index * step >= self->cell_size)
    return -1;

  return index;
}

static gboolean
tp_consistency_cells_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_tooltip,
                                    GtkTooltip *tooltip)
{
  TpConsistencyCells *self = TP_CONSISTENCY_CELLS (widget);
  g_autofree char *text = NULL;
  int index;

  if (!self->has_consistency)
    return FALSE;

  index = keyboard_tooltip ? -1 : cell_at (self, x, y);
  if (index >= 0)
    text = describe_period (&self->consistency, index);
  else
    text = tp_consistency_cells_describe (&self->consistency);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
tp_consistency_cells_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  TpConsistencyCells *self = TP_CONSISTENCY_CELLS (widget);
  int size = self->cell_size;
  int step = size + get_spacing (self);
  int y = (gtk_widget_get_height (widget) - size) / 2;
  float radius = MAX (2.f, size / 4.f);

  for (guint i = 0; i < TP_CONSISTENCY_N_PERIODS; i++)
    {
      TpPeriodState state = self->has_consistency ? self->consistency.periods[i].state
                                                  : TP_PERIOD_STATE_MISSED;
      gboolean current = i == TP_CONSISTENCY_N_PERIODS - 1;
      GskRoundedRect rect;
      const GdkRGBA *fill;

      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (i * step, y, size, size), radius);

      /* Before the tactic existed: nothing to show. */
      if (state == TP_PERIOD_STATE_BEFORE)
        continue;

      if (state == TP_PERIOD_STATE_MISSED && current)
        {
          const GdkRGBA colors[4] = {
            self->outline_color, self->outline_color, self->outline_color, self->outline_color
          };
          const float widths[4] = { 1.f, 1.f, 1.f, 1.f };

          /* Not over yet: an outline, not a miss. */
          gtk_snapshot_append_border (snapshot, &rect, widths, colors);
          continue;
        }

      switch (state)
        {
        case TP_PERIOD_STATE_DONE:
          fill = &self->done_color;
          break;

        case TP_PERIOD_STATE_PARTLY:
          fill = &self->partly_color;
          break;

        case TP_PERIOD_STATE_MISSED:
        default:
          fill = &self->missed_color;
          break;
        }

      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, fill, &rect.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
tp_consistency_cells_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TpConsistencyCells *self = TP_CONSISTENCY_CELLS (object);

  switch (prop_id)
    {
    case PROP_CELL_SIZE:
      g_value_set_int (value, self->cell_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_consistency_cells_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TpConsistencyCells *self = TP_CONSISTENCY_CELLS (object);

  switch (prop_id)
    {
    case PROP_CELL_SIZE:
      tp_consistency_cells_set_cell_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_consistency_cells_class_init (TpConsistencyCellsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tp_consistency_cells_get_property;
  object_class->set_property = tp_consistency_cells_set_property;

  widget_class->css_changed = tp_consistency_cells_css_changed;
  widget_class->measure = tp_consistency_cells_measure;
  widget_class->query_tooltip = tp_consistency_cells_query_tooltip;
  widget_class->snapshot = tp_consistency_cells_snapshot;

  /**
   * TpConsistencyCells:cell-size:
   *
   * The side of a cell, in pixels.
   */
  properties[PROP_CELL_SIZE] =
    g_param_spec_int ("cell-size", NULL, NULL,
                      1, 256, DEFAULT_CELL_SIZE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tp-consistency-cells");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tp_consistency_cells_init (TpConsistencyCells *self)
{
  self->cell_size = DEFAULT_CELL_SIZE;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Consistency"),
                                  -1);
  lookup_colors (self);
}
