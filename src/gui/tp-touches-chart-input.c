/* tp-touches-chart-input.c
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

#define G_LOG_DOMAIN "tp-touches-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-touches-chart-private.h"

/*
 * What a person does to the touches chart (overview in
 * tp-touches-chart.c): the focus bar moved by keys and kept in view,
 * hover, clicks, scrolling with the wheel, and the tooltips.
 */

/* Focus and scrolling */

void
_tp_touches_chart_scroll_to_position (TpTouchesChart *self,
                                      guint           position)
{
  const TpChartLayout *layout = _tp_touches_chart_ensure_layout (self);
  double start, end, value, page;

  if (self->hadjustment == NULL || !tp_chart_layout_get_position_span (layout, position, &start, &end))
    return;

  value = gtk_adjustment_get_value (self->hadjustment);
  page = gtk_adjustment_get_page_size (self->hadjustment);

  if (start < value)
    gtk_adjustment_set_value (self->hadjustment, start);
  else if (end > value + page)
    gtk_adjustment_set_value (self->hadjustment, end - page);
}

static guint
n_positions (TpTouchesChart *self)
{
  return tp_chart_layout_get_n_positions (_tp_touches_chart_ensure_layout (self));
}

/**
 * tp_touches_chart_set_focus_position:
 * @self: a chart
 * @position: a bar's position in the chart's order, or -1 for none
 *
 * Moves the keyboard focus to a bar and scrolls it into view.
 */
void
tp_touches_chart_set_focus_position (TpTouchesChart *self,
                                     int             position)
{
  guint n;

  g_return_if_fail (TP_IS_TOUCHES_CHART (self));

  n = n_positions (self);
  if (n == 0)
    position = -1;
  else if (position >= (int) n)
    position = n - 1;
  else if (position < -1)
    position = 0;

  if (position >= 0 && self->mode == TP_CHART_MODE_TOUCHES)
    self->focus_id = tp_chart_data_get_item (self->data, self->sort, position)->customer_id;
  else
    self->focus_id = 0;

  if (position == self->focus)
    return;

  self->focus = position;
  if (position >= 0)
    _tp_touches_chart_scroll_to_position (self, position);
  _tp_touches_chart_invalidate (self);
  _tp_touches_chart_update_accessible (self);
}

int
tp_touches_chart_get_focus_position (TpTouchesChart *self)
{
  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), -1);

  return self->focus;
}

/* After the bars changed: keep the focus on the same customer. */
void
_tp_touches_chart_refocus (TpTouchesChart *self)
{
  int n = (int) tp_chart_data_get_n_items (self->data);

  if (self->focus < 0)
    return;

  if (self->mode == TP_CHART_MODE_TOUCHES && self->focus_id != 0)
    {
      int position = tp_chart_data_find_item (self->data, self->sort, self->focus_id);

      self->focus = position >= 0 ? position : MIN (self->focus, n - 1);
    }
}

static void
activate_position (TpTouchesChart *self,
                   int             position)
{
  const TpChartItem *item;

  if (self->mode != TP_CHART_MODE_TOUCHES || position < 0)
    return;

  item = tp_chart_data_get_item (self->data, self->sort, position);
  if (item != NULL)
    g_signal_emit (self, _tp_touches_chart_signals[TP_TOUCHES_CHART_CUSTOMER_ACTIVATED], 0, item->customer_id);
}

static void
move_focus (TpTouchesChart *self,
            gint64          delta)
{
  gint64 target;

  if (self->focus < 0)
    target = delta > 0 ? 0 : (gint64) n_positions (self) - 1;
  else
    target = (gint64) self->focus + delta;

  tp_touches_chart_set_focus_position (self, (int) CLAMP (target, 0, (gint64) G_MAXINT));
}

void
_tp_touches_chart_move_focus_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  move_focus (TP_TOUCHES_CHART (widget), g_variant_get_int32 (parameter));
}

void
_tp_touches_chart_move_page_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (widget);
  const TpChartLayout *layout = _tp_touches_chart_ensure_layout (self);
  double start, end;
  int page = 1;

  if (tp_chart_layout_get_position_span (layout, 0, &start, &end) && end > start)
    page = MAX (1, (int) floor (tp_chart_layout_get_plot_area (layout)->width / (end - start)) - 1);

  move_focus (self, (gint64) g_variant_get_int32 (parameter) * page);
}

void
_tp_touches_chart_activate_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (widget);

  activate_position (self, self->focus);
}

/* Pointer */

static void
set_hover (TpTouchesChart *self,
           int             hover)
{
  if (hover == self->hover)
    return;

  self->hover = hover;
  _tp_touches_chart_invalidate (self);
}

void
_tp_touches_chart_motion_cb (TpTouchesChart           *self,
                             double                    x,
                             double                    y,
                             GtkEventControllerMotion *controller)
{
  const TpChartBar *bar = tp_chart_layout_hit_test (_tp_touches_chart_ensure_layout (self), x, y);

  set_hover (self, bar != NULL ? (int) bar->position : -1);
}

void
_tp_touches_chart_leave_cb (TpTouchesChart           *self,
                            GtkEventControllerMotion *controller)
{
  set_hover (self, -1);
}

void
_tp_touches_chart_pressed_cb (TpTouchesChart  *self,
                              int              n_press,
                              double           x,
                              double           y,
                              GtkGestureClick *gesture)
{
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
_tp_touches_chart_released_cb (TpTouchesChart  *self,
                               int              n_press,
                               double           x,
                               double           y,
                               GtkGestureClick *gesture)
{
  const TpChartBar *bar = tp_chart_layout_hit_test (_tp_touches_chart_ensure_layout (self), x, y);
  int position;

  if (bar == NULL)
    return;

  position = (int) bar->position;
  tp_touches_chart_set_focus_position (self, position);
  activate_position (self, position);
}

gboolean
_tp_touches_chart_scroll_cb (TpTouchesChart           *self,
                             double                    dx,
                             double                    dy,
                             GtkEventControllerScroll *controller)
{
  double delta, page;

  if (self->hadjustment == NULL)
    return FALSE;

  page = gtk_adjustment_get_page_size (self->hadjustment);
  if (gtk_adjustment_get_upper (self->hadjustment) - gtk_adjustment_get_lower (self->hadjustment) <= page)
    return FALSE;

  /* A vertical wheel scrolls the bars sideways, as there is nothing else to
   * scroll; wheel clicks in steps like GtkScrolledWindow's. */
  delta = dx != 0 ? dx : dy;
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    delta *= pow (page, 2.0 / 3.0);

  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + delta);

  return TRUE;
}

gboolean
_tp_touches_chart_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (widget);
  const TpChartLayout *layout = _tp_touches_chart_ensure_layout (self);
  const TpChartBar *bar;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  char *newline;
  GdkRectangle area;

  if (keyboard_mode)
    bar = self->focus >= 0 ? tp_chart_layout_find_bar (layout, self->focus) : NULL;
  else
    bar = tp_chart_layout_hit_test (layout, x, y);

  if (bar == NULL || (text = tp_chart_layout_dup_tooltip (layout, bar)) == NULL)
    return FALSE;

  /* The first line, the customer or bucket, in bold. */
  newline = strchr (text, '\n');
  if (newline != NULL)
    {
      g_autofree char *title = g_markup_escape_text (text, newline - text);
      g_autofree char *rest = g_markup_escape_text (newline, -1);

      markup = g_strdup_printf ("<b>%s</b>%s", title, rest);
    }
  else
    {
      markup = g_markup_escape_text (text, -1);
    }

  gtk_tooltip_set_markup (tooltip, markup);
  area.x = (int) floor (bar->hit.x);
  area.y = (int) floor (bar->hit.y);
  area.width = (int) ceil (bar->hit.width);
  area.height = (int) ceil (bar->hit.height);
  gtk_tooltip_set_tip_area (tooltip, &area);

  return TRUE;
}
