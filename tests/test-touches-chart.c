/* test-touches-chart.c
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

#define G_LOG_DOMAIN "test-touches-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tp-touches-chart.h"

typedef struct
{
  GtkWidget      *window;
  GtkWidget      *scrolled;
  TpTouchesChart *chart;
  gint64          activated;
  guint           n_activated;
} Fixture;

static const TpChartItem three[] = {
  { 1, "Ada Lovelace", 10, TRUE, 1767225600 },
  { 2, "Bruno Bianchi", 3, FALSE, 1767225600 - 86400 },
  { 3, "Chiara Castellanos", 15, TRUE, 0 },
};

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
customer_activated_cb (TpTouchesChart *chart,
                       gint64          customer_id,
                       Fixture        *fixture)
{
  fixture->activated = customer_id;
  fixture->n_activated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 480);
  fixture->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (fixture->scrolled),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  fixture->chart = TP_TOUCHES_CHART (tp_touches_chart_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (fixture->chart));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->scrolled);
  g_signal_connect (fixture->chart, "customer-activated", G_CALLBACK (customer_activated_cb), fixture);

  tp_touches_chart_set_items (fixture->chart, three, G_N_ELEMENTS (three));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->chart));
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
}

static const TpChartBar *
bar_of (TpTouchesChart *chart,
        gint64          customer_id)
{
  const TpChartLayout *layout = tp_touches_chart_get_layout (chart);
  const TpChartBar *bars;
  guint n;

  bars = tp_chart_layout_get_bars (layout, &n);
  for (guint i = 0; i < n; i++)
    if (bars[i].customer_id == customer_id)
      return &bars[i];

  return NULL;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
query_tooltip (TpTouchesChart *chart,
               double          x,
               double          y)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean handled = FALSE;

  g_signal_emit_by_name (chart, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &handled);

  return handled;
}

static void
click (TpTouchesChart *chart,
       double          x,
       double          y)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
  drain ();
}

/* Hovering a bar finds its customer and highlights it; its tooltip shows;
 * clicking it opens that customer. */
static void
test_hover_and_click (Fixture       *fixture,
                      gconstpointer  user_data)
{
  TpTouchesChart *chart = fixture->chart;
  const TpChartRect *plot = tp_chart_layout_get_plot_area (tp_touches_chart_get_layout (chart));
  const TpChartBar *bar = bar_of (chart, 2);
  GtkEventController *motion;
  double x, y;

  g_assert_nonnull (bar);
  x = bar->rect.x + bar->rect.width / 2;
  y = bar->rect.y + bar->rect.height / 2;

  g_assert_cmpint (tp_touches_chart_get_customer_at (chart, x, y), ==, 2);
  g_assert_cmpint (tp_touches_chart_get_customer_at (chart, x, plot->y + 2), ==, 2);
  g_assert_cmpint (tp_touches_chart_get_customer_at (chart, plot->x - 4, y), ==, 0);

  g_assert_true (query_tooltip (chart, x, y));
  g_assert_false (query_tooltip (chart, 2, 2));

  /* The pointer over the column highlights its bar. */
  motion = find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_signal_emit_by_name (motion, "motion", x, plot->y + 2);
  drain ();
  bar = bar_of (chart, 2);
  g_assert_true (bar->flags & TP_CHART_BAR_HOVERED);
  g_assert_false (bar_of (chart, 1)->flags & TP_CHART_BAR_HOVERED);
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (bar_of (chart, 2)->flags & TP_CHART_BAR_HOVERED);

  bar = bar_of (chart, 3);
  click (chart, bar->rect.x + bar->rect.width / 2, bar->rect.y + 4);
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpint (fixture->activated, ==, 3);
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 0);

  /* A click outside any column opens nothing. */
  click (chart, 2, 2);
  g_assert_cmpuint (fixture->n_activated, ==, 1);
}

/* Keyboard: focus starts on the first bar, moves bar by bar, Enter opens. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  TpTouchesChart *chart = fixture->chart;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  drain ();
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", 1);
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.activate", NULL);
  g_assert_cmpint (fixture->activated, ==, 1);

  /* The ends stop the focus. */
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", 5);
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", -G_MAXINT);
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.activate", NULL);
  g_assert_cmpint (fixture->activated, ==, 3);
  g_assert_cmpuint (fixture->n_activated, ==, 2);

  /* With visible keyboard focus, the focused bar carries the ring. */
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), TRUE);
  drain ();
  g_assert_true (bar_of (chart, 3)->flags & TP_CHART_BAR_FOCUSED);
}

/* Logging a touch updates the bar, its place, the focus and the description. */
/* The chart's accessible description: its counts, the focused bar, then
 * the first 20 bars in the chart's order. */
static char *
expected_description (TpChartData *data,
                      TpChartSort  sort,
                      int          focus)
{
  g_autofree char *counts = tp_chart_data_describe (data, TP_CHART_MODE_TOUCHES);
  GString *text = g_string_new (counts);
  guint n = tp_chart_data_get_n_items (data);

  if (n == 0)
    return g_string_free (text, FALSE);

  if (focus >= 0)
    {
      const TpChartItem *item = tp_chart_data_get_item (data, sort, focus);

      g_string_append_printf (text, " Focused bar: %s: %u %s, %s.", item->name, item->touches,
                              item->touches == 1 ? "touch" : "touches",
                              item->bought ? "bought" : "not yet bought");
    }
  g_string_append (text, " Bars:");
  for (guint i = 0; i < MIN (n, 20); i++)
    {
      const TpChartItem *item = tp_chart_data_get_item (data, sort, i);

      g_string_append_printf (text, "%s%s: %u %s, %s", i == 0 ? " " : "; ", item->name, item->touches,
                              item->touches == 1 ? "touch" : "touches",
                              item->bought ? "bought" : "not yet bought");
    }
  if (n > 20)
    g_string_append_printf (text, "; and %u more.", n - 20);
  else
    g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  user_data)
{
  TpTouchesChart *chart = fixture->chart;
  const TpChartItem logged = { 2, "Bruno Bianchi", 20, TRUE, 1767225600 + 3600 };
  g_autofree char *description = NULL;
  g_autofree char *error = NULL;
  const TpChartBar *bar;
  double old_height;

  tp_touches_chart_set_focus_position (chart, 1);  /* Ada, 10 touches */
  old_height = bar_of (chart, 2)->rect.height;

  tp_touches_chart_update_item (chart, &logged);
  drain ();

  bar = bar_of (chart, 2);
  g_assert_cmpuint (bar->value, ==, 20);
  g_assert_cmpuint (bar->position, ==, 0);
  g_assert_cmpint (bar->kind, ==, TP_CHART_BAR_BOUGHT);
  g_assert_cmpfloat (bar->rect.height, >, old_height * 3);
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 2);
  g_assert_cmpint (tp_chart_data_get_item (tp_touches_chart_get_data (chart), TP_CHART_SORT_TOUCHES, 2)->customer_id, ==, 1);

  description = tp_chart_data_describe (tp_touches_chart_get_data (chart), TP_CHART_MODE_TOUCHES);
  g_assert_nonnull (strstr (description, "2 customers have more than 12 touches."));
  g_free (description);
  /* The bars are read out too: the focused one first. */
  description = expected_description (tp_touches_chart_get_data (chart), TP_CHART_SORT_TOUCHES, 2);
  g_assert_nonnull (strstr (description, " Focused bar: Ada Lovelace: 10 touches, bought."));
  g_assert_nonnull (strstr (description, " Bars: Bruno Bianchi: 20 touches, bought; "));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              description);
  g_assert_null (error);
  g_clear_pointer (&error, g_free);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Touches per customer");
  g_assert_null (error);

  /* A new customer appears as a new bar. */
  {
    const TpChartItem newcomer = { 7, "Greta Garbo", 6, FALSE, 0 };

    tp_touches_chart_update_item (chart, &newcomer);
    drain ();
    g_assert_nonnull (bar_of (chart, 7));
    g_assert_cmpuint (tp_chart_layout_get_n_positions (tp_touches_chart_get_layout (chart)), ==, 4);
  }

  /* New items altogether; the focused customer is gone, so is the focus. */
  tp_touches_chart_set_items (chart, &three[2], 1);
  drain ();
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, -1);
  g_assert_null (bar_of (chart, 2));
  g_assert_nonnull (bar_of (chart, 3));
}

/* Thousands of customers: the chart scrolls sideways; End reaches the last. */
static void
test_scrolling (Fixture       *fixture,
                gconstpointer  user_data)
{
  TpTouchesChart *chart = fixture->chart;
  g_autofree TpChartItem *items = g_new (TpChartItem, 5000);
  GtkAdjustment *hadjustment;
  const TpChartBar *bar;
  const TpChartItem *last;

  for (guint i = 0; i < 5000; i++)
    items[i] = (TpChartItem) { i + 1, "Oskar Okonkwo", i % 30, i % 2, 0 };
  tp_touches_chart_set_items (chart, items, 5000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));
  drain ();

  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (chart));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, 5000 * 20);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (hadjustment), <, 800);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", G_MAXINT);
  drain ();
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 4999);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment),
                                  gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment),
                                  0.5);

  last = tp_chart_data_get_item (tp_touches_chart_get_data (chart), TP_CHART_SORT_TOUCHES, 4999);
  bar = bar_of (chart, last->customer_id);
  g_assert_nonnull (bar);
  g_assert_true (bar->flags & TP_CHART_BAR_VISIBLE);
  g_assert_cmpint (tp_touches_chart_get_customer_at (chart, bar->rect.x + 1, bar->rect.y + bar->rect.height - 1),
                   ==, last->customer_id);

  /* Page Up moves back by about a screenful, and scrolls with it. */
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-page", "i", -1);
  drain ();
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), <, 4999 - 10);
  g_assert_nonnull (tp_chart_layout_find_bar (tp_touches_chart_get_layout (chart),
                                              tp_touches_chart_get_focus_position (chart)));

  /* Scrolling the adjustment moves the bars. */
  gtk_adjustment_set_value (hadjustment, 0);
  drain ();
  g_assert_cmpuint (tp_chart_layout_get_bars (tp_touches_chart_get_layout (chart), &(guint) { 0 })[0].position, ==, 0);
}

static guint
count_notify (GObject    *object,
              const char *property)
{
  return GPOINTER_TO_UINT (g_object_get_data (object, property));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  g_object_set_data (object, name, GUINT_TO_POINTER (count_notify (object, name) + 1));
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  user_data)
{
  TpTouchesChart *chart = fixture->chart;
  const guint histogram[] = { 0, 1, 0, 2, 0, 5, 0, 8 };
  const TpChartChannelCount channels[] = { { TP_CHANNEL_EMAIL, 12 }, { TP_CHANNEL_CALL, 4 } };
  const TpChartBar *bars;
  g_autofree char *error = NULL;
  guint n_bars;
  double x, y;

  g_signal_connect (chart, "notify", G_CALLBACK (notify_cb), NULL);

  tp_touches_chart_set_purchase_histogram (chart, histogram, G_N_ELEMENTS (histogram));
  tp_touches_chart_set_channels (chart, channels, G_N_ELEMENTS (channels));

  g_object_set (chart, "mode", TP_CHART_MODE_BEFORE_PURCHASE, NULL);
  g_object_set (chart, "mode", TP_CHART_MODE_BEFORE_PURCHASE, NULL);
  g_assert_cmpuint (count_notify (G_OBJECT (chart), "mode"), ==, 1);
  g_assert_cmpint (tp_touches_chart_get_mode (chart), ==, TP_CHART_MODE_BEFORE_PURCHASE);
  drain ();
  bars = tp_chart_layout_get_bars (tp_touches_chart_get_layout (chart), &n_bars);
  g_assert_cmpuint (n_bars, ==, 15);
  g_assert_cmpuint (bars[7].value, ==, 8);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Touches before the first purchase");
  g_assert_null (error);

  /* A bucket is no customer: clicking it opens nothing, but it has a tooltip. */
  x = bars[7].rect.x + 2;
  y = bars[7].rect.y + 2;
  click (chart, x, y);
  g_assert_cmpuint (fixture->n_activated, ==, 0);
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 7);
  g_assert_true (query_tooltip (chart, x, y));

  tp_touches_chart_set_mode (chart, TP_CHART_MODE_CHANNELS);
  g_assert_cmpuint (count_notify (G_OBJECT (chart), "mode"), ==, 2);
  tp_chart_layout_get_bars (tp_touches_chart_get_layout (chart), &n_bars);
  g_assert_cmpuint (n_bars, ==, 2);
  g_assert_true (tp_chart_layout_is_horizontal (tp_touches_chart_get_layout (chart)));

  tp_touches_chart_set_sort (chart, TP_CHART_SORT_NAME);
  tp_touches_chart_set_sort (chart, TP_CHART_SORT_NAME);
  g_assert_cmpuint (count_notify (G_OBJECT (chart), "sort"), ==, 1);

  tp_touches_chart_set_band (chart, 3, 9);
  tp_touches_chart_set_band (chart, 3, 9);
  g_assert_cmpuint (count_notify (G_OBJECT (chart), "band-low"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (chart), "band-high"), ==, 1);
  g_object_set (chart, "band-high", 10, NULL);
  g_assert_cmpuint (count_notify (G_OBJECT (chart), "band-low"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (chart), "band-high"), ==, 2);
  g_assert_cmpuint (tp_touches_chart_get_band_low (chart), ==, 3);
  g_assert_cmpuint (tp_touches_chart_get_band_high (chart), ==, 10);

  tp_touches_chart_set_mode (chart, TP_CHART_MODE_TOUCHES);
  g_assert_cmpstr (pango_layout_get_text (tp_chart_layout_get_labels (tp_touches_chart_get_layout (chart),
                                                                      &n_bars)[0].layout),
                   ==, "2 of 3 customers are within 3–10 touches.");
}

/* Data made and prepared on a worker thread, as the Sales tab does it */

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autofree TpChartItem *items = g_new (TpChartItem, 20000);
  TpChartData *data = tp_chart_data_new ();

  for (guint i = 0; i < 20000; i++)
    {
      /* Ada (id 1) is among them, with more touches than before. */
      const char *name = i % 2 ? "Oskar Okonkwo" : "Rhea Rubio";

      items[i] = (TpChartItem) { i + 1, i == 0 ? "Ada Lovelace" : name, i == 0 ? 30 : i % 25, i % 3 == 0,
                                 1767225600 - i };
    }

  /* Not the chart's band: the chart's stays. */
  tp_chart_data_set_band (data, 2, 3);
  tp_chart_data_set_items (data, items, 20000);
  tp_chart_data_prepare (data);

  g_task_return_pointer (task, data, (GDestroyNotify) tp_chart_data_unref);
}

static void
prepared_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TpChartData **out = user_data;

  *out = g_task_propagate_pointer (G_TASK (result), NULL);
}

/* tp_touches_chart_set_data() shows prepared data as it is: the same data,
 * no sorting on the main thread, in any order; the bars follow at the next
 * draw, and the focus stays on its customer. */
static void
test_set_data (Fixture       *fixture,
               gconstpointer  user_data)
{
  TpTouchesChart *chart = fixture->chart;
  g_autoptr(TpChartData) data = NULL;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, prepared_cb, &data);
  g_autofree char *description = NULL;
  g_autofree char *error = NULL;
  const TpChartItem *first;

  tp_touches_chart_set_focus_position (chart, 1);  /* Ada */
  g_assert_nonnull (bar_of (chart, 2));

  g_task_run_in_thread (task, prepare_thread);
  while (data == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (tp_chart_data_is_prepared (data));
  tp_touches_chart_set_data (chart, data);
  g_assert_true (tp_touches_chart_get_data (chart) == data);
  g_assert_cmpuint (tp_touches_chart_get_band_low (chart), ==, 5);
  g_assert_cmpuint (tp_chart_data_get_band (data).high, ==, 12);

  /* One draw later, the new bars are on screen. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));
  drain ();
  g_assert_true (tp_chart_data_is_prepared (data));
  first = tp_chart_data_get_item (data, TP_CHART_SORT_TOUCHES, 0);
  g_assert_cmpint (first->customer_id, ==, 1);
  g_assert_cmpuint (bar_of (chart, 1)->value, ==, 30);
  g_assert_cmpuint (tp_chart_layout_get_n_positions (tp_touches_chart_get_layout (chart)), ==, 20000);
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 0);

  /* Another order needs no sorting either. */
  tp_touches_chart_set_sort (chart, TP_CHART_SORT_NAME);
  g_assert_true (tp_touches_chart_get_data (chart) == data);
  g_assert_cmpstr (tp_chart_data_get_item (data, TP_CHART_SORT_NAME, 0)->name, ==, "Ada Lovelace");
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, 0);

  description = tp_chart_data_describe (data, TP_CHART_MODE_TOUCHES);
  g_assert_nonnull (strstr (description, "for 20000 customers"));
  g_free (description);
  /* Of 20,000 bars it reads out the first 20 only. */
  description = expected_description (data, TP_CHART_SORT_NAME, 0);
  g_assert_nonnull (strstr (description, " Bars: Ada Lovelace: 30 touches, bought; "));
  g_assert_nonnull (g_str_has_suffix (description, "; and 19980 more.") ? description : NULL);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              description);
  g_assert_null (error);

  /* Setting the same data again changes nothing. */
  tp_touches_chart_set_data (chart, data);
  g_assert_true (tp_touches_chart_get_data (chart) == data);
}

/* A customer who leaves the filter leaves the chart, and the focus with
 * them; the caption opens the accessible description. */
static void
test_remove_and_caption (Fixture       *fixture,
                         gconstpointer  user_data)
{
  TpTouchesChart *chart = fixture->chart;
  g_autofree char *description = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *error = NULL;

  g_signal_connect (chart, "notify", G_CALLBACK (notify_cb), NULL);

  tp_touches_chart_set_focus_position (chart, 0);  /* Chiara */
  tp_touches_chart_remove_item (chart, 3);
  tp_touches_chart_remove_item (chart, 3);
  drain ();
  g_assert_null (bar_of (chart, 3));
  g_assert_nonnull (bar_of (chart, 1));
  g_assert_cmpuint (tp_chart_data_get_n_items (tp_touches_chart_get_data (chart)), ==, 2);
  g_assert_cmpint (tp_touches_chart_get_focus_position (chart), ==, -1);

  tp_touches_chart_set_caption (chart, "Showing 2 customers matching “a”.");
  tp_touches_chart_set_caption (chart, "Showing 2 customers matching “a”.");
  g_assert_cmpuint (count_notify (G_OBJECT (chart), "caption"), ==, 1);
  g_assert_cmpstr (tp_touches_chart_get_caption (chart), ==, "Showing 2 customers matching “a”.");
  description = expected_description (tp_touches_chart_get_data (chart), tp_touches_chart_get_sort (chart),
                                      tp_touches_chart_get_focus_position (chart));
  expected = g_strconcat ("Showing 2 customers matching “a”. ", description, NULL);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              expected);
  g_assert_null (error);

  g_object_set (chart, "caption", NULL, NULL);
  g_assert_null (tp_touches_chart_get_caption (chart));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              description);
  g_assert_null (error);
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  gdk_paintable_snapshot (paintable, snapshot, bounds.size.width, bounds.size.height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, &bounds);
}

static guint32
pixel_at (GdkTexture *texture,
          double      x,
          double      y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *data = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) data, width * 4);

  return data[(int) y * width + (int) x] & 0xffffff;
}

/* The bars take the style's colours, and follow the dark style. */
static void
test_colors (Fixture       *fixture,
             gconstpointer  user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  TpTouchesChart *chart = fixture->chart;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  const TpChartBar *bought, *not_bought;
  guint32 light_gray, dark_gray;

  bought = bar_of (chart, 3);
  not_bought = bar_of (chart, 2);
  light = render (GTK_WIDGET (chart));

  /* accent_bg_color is #3584e4 in libadwaita's stylesheet. */
  g_assert_cmphex (pixel_at (light, bought->rect.x + bought->rect.width / 2,
                             bought->rect.y + bought->rect.height / 2), ==, 0x3584e4);
  light_gray = pixel_at (light, not_bought->rect.x + not_bought->rect.width / 2,
                         not_bought->rect.y + not_bought->rect.height / 2);
  g_assert_cmphex (light_gray, !=, 0x3584e4);
  g_assert_cmpuint (light_gray & 0xff, >, 0x90);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  drain ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));
  bought = bar_of (chart, 3);
  not_bought = bar_of (chart, 2);
  dark = render (GTK_WIDGET (chart));

  g_assert_cmphex (pixel_at (dark, bought->rect.x + bought->rect.width / 2,
                             bought->rect.y + bought->rect.height / 2), ==, 0x3584e4);
  dark_gray = pixel_at (dark, not_bought->rect.x + not_bought->rect.width / 2,
                        not_bought->rect.y + not_bought->rect.height / 2);
  g_assert_cmpuint (dark_gray & 0xff, <, light_gray & 0xff);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  drain ();
}

static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-chart-XXXXXX", &error);
  g_autofree char *png_path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *contents = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (fixture->chart));

  g_assert_no_error (error);
  g_assert_true (tp_touches_chart_save (fixture->chart, png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, scale * gtk_widget_get_width (GTK_WIDGET (fixture->chart)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, scale * gtk_widget_get_height (GTK_WIDGET (fixture->chart)));

  g_assert_true (tp_touches_chart_save (fixture->chart, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));

  g_unlink (png_path);
  g_unlink (svg_path);
  g_rmdir (dir);
}

static void
test_empty_and_lifecycle (void)
{
  TpTouchesChart *chart = TP_TOUCHES_CHART (tp_touches_chart_new ());
  g_autofree char *error = NULL;

  g_object_ref_sink (chart);
  g_assert_true (tp_chart_layout_is_empty (tp_touches_chart_get_layout (chart)));
  g_assert_cmpint (tp_touches_chart_get_customer_at (chart, 10, 10), ==, 0);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "Touches per customer. There are no customers yet.");
  g_assert_null (error);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG));

  gtk_scrollable_set_hadjustment (GTK_SCROLLABLE (chart), gtk_adjustment_new (0, 0, 10, 1, 1, 1));
  tp_touches_chart_set_items (chart, three, G_N_ELEMENTS (three));
  g_assert_finalize_object (chart);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/touchpoint/touches-chart/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("hover-and-click", test_hover_and_click);
  ADD ("keyboard", test_keyboard);
  ADD ("update", test_update);
  ADD ("scrolling", test_scrolling);
  ADD ("properties", test_properties);
  ADD ("colors", test_colors);
  ADD ("save", test_save);
  ADD ("set-data", test_set_data);
  ADD ("remove-and-caption", test_remove_and_caption);
  g_test_add_func ("/touchpoint/touches-chart/empty-and-lifecycle", test_empty_and_lifecycle);

  return g_test_run ();
}
