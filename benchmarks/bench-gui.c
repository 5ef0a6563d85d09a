/* bench-gui.c
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

/*
 * bench-gui DATABASE [RUNS]
 *
 * The real window on the given database (the large sample business, a
 * copy: it logs touches), under the display `make bench` provides. For
 * each action it prints two figures: until the views have updated (the
 * action returned and the main loop has nothing left to do but paint),
 * and until the next frame has been painted.
 *
 *   - opening the Customers section from the Marketing tab
 *   - typing a five-letter search, per keystroke (the entry's own typing
 *     delay set to 0, so that only the work is timed); the customer list
 *     queries on a worker, which sends the first rows ahead of a long
 *     result, so there are four figures: the longest the main loop was
 *     busy in one go (typing stays smooth while it is short), until the
 *     frame that shows the first rows of the search is painted (what the
 *     person typing waits for), until every row is in the list, and until
 *     the frame after that is painted
 *   - opening the customer with the most touches (1,000)
 *   - logging a touch and changing that customer's stage
 */

#define G_LOG_DOMAIN "bench-gui"

#include "config.h"

#include <stdlib.h>

#include "bench-common.h"
#include "tp-application.h"
#include "tp-customers-section.h"
#include "tp-window-private.h"

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted = TRUE;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs @action, then reports the time to updated views and to the next
 * painted frame into the two measures. */
static void
measure (GtkWidget     *window,
         BenchMeasure  *updated,
         BenchMeasure  *frame,
         void         (*action) (gpointer),
         gpointer       data)
{
  gint64 start = g_get_monotonic_time ();

  painted = FALSE;
  action (data);
  drain ();
  bench_measure_add (updated, start, g_get_monotonic_time ());

  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  bench_measure_add (frame, start, g_get_monotonic_time ());
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *window;
static GtkWidget *search_entry;
static const char *typed;
static gint64 heavy_id;
static TpStage next_stage;

static void
open_customers (gpointer data)
{
  adw_view_stack_set_visible_child_name (tp_sales_page_get_stack (TP_WINDOW (window)->sales_page),
                                         "customers");
  gtk_widget_activate_action (window, "window.show-sales", NULL);
}

static void
type_search (gpointer data)
{
  gtk_editable_set_text (GTK_EDITABLE (search_entry), typed);
  /* search-changed comes from a zero-delay timeout: let it run. */
  g_main_context_iteration (NULL, TRUE);
}

/* One main-loop iteration; @longest keeps the longest the loop was busy
 * (a wait for an event does not count). */
static gboolean
iterate (gboolean  may_block,
         gint64   *longest)
{
  gboolean dispatched;
  gint64 t0;

  if (may_block)
    {
      /* Wait for an event, then time its dispatch. */
      GMainContext *context = g_main_context_default ();

      while (!g_main_context_pending (context))
        g_usleep (100);
    }

  t0 = g_get_monotonic_time ();
  dispatched = g_main_context_iteration (NULL, FALSE);
  *longest = MAX (*longest, g_get_monotonic_time () - t0);

  return dispatched;
}

/* A change of the list's rows or state, not yet painted. */
static void
on_list_changed_cb (GObject *list)
{
  painted = FALSE;
}

/* Waits for the frame that shows what changed. */
static void
wait_painted (gint64 *longest)
{
  if (painted)
    return;

  gtk_widget_queue_draw (window);
  while (!painted)
    iterate (TRUE, longest);
}

/* Like measure(), for a search: types the last letter of @typed, as a
 * person would (the entry's text is not set anew, which would search for
 * nothing first). The views update when the entry takes the letter, when
 * the worker's first rows arrive (for a long result) and when all of them
 * have. @stall gets the longest the main loop was busy in one go, with
 * the worker's rows swapped in: what a person typing feels. */
static void
measure_search (TpCustomerList *list,
                BenchMeasure   *stall,
                BenchMeasure   *first,
                BenchMeasure   *shown,
                BenchMeasure   *frame)
{
  gint64 start = g_get_monotonic_time ();
  gint64 longest = 0;
  int position = strlen (typed) - 1;

  painted = FALSE;
  gtk_editable_insert_text (GTK_EDITABLE (search_entry), typed + position, 1, &position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, typed);
  while (iterate (FALSE, &longest))
    ;

  while (tp_customer_list_get_loading (list) && !tp_customer_list_get_partial (list))
    iterate (TRUE, &longest);
  while (iterate (FALSE, &longest))
    ;

  /* The whole result came at once: one frame shows it. */
  if (!tp_customer_list_get_loading (list))
    bench_measure_add (shown, start, g_get_monotonic_time ());

  wait_painted (&longest);
  bench_measure_add (first, start, g_get_monotonic_time ());

  if (tp_customer_list_get_loading (list))
    {
      while (tp_customer_list_get_loading (list))
        iterate (TRUE, &longest);
      while (iterate (FALSE, &longest))
        ;
      bench_measure_add (shown, start, g_get_monotonic_time ());
      wait_painted (&longest);
    }
  bench_measure_add (frame, start, g_get_monotonic_time ());
  bench_measure_add (stall, 0, longest);
}

static void
open_heavy (gpointer data)
{
  gtk_widget_activate_action_variant (window, "window.show-customer", g_variant_new_int64 (heavy_id));
}

static void
log_touch (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpTouch) touch = tp_store_log_touch (tp_window_get_store (TP_WINDOW (window)), heavy_id,
                                                 TP_CHANNEL_CALL, NULL, "benchmark", &error);

  if (touch == NULL)
    g_error ("%s", error->message);
}

static void
change_stage (gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!tp_store_set_customer_stage (tp_window_get_store (TP_WINDOW (window)), heavy_id,
                                    next_stage, &error))
    g_error ("%s", error->message);
  next_stage = next_stage == TP_STAGE_LEAD ? TP_STAGE_PROSPECT : TP_STAGE_LEAD;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpApplication) app = NULL;
  const char *search = "mille";
  guint runs;

  if (argc < 2)
    {
      g_printerr ("usage: bench-gui DATABASE [RUNS]\n");
      return 2;
    }
  runs = argc > 2 ? (guint) atoi (argv[2]) : 7;

  gtk_init ();
  adw_init ();

  app = tp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  tp_application_set_database_path (app, argv[1]);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  window = GTK_WIDGET (tp_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  if (tp_window_get_store (TP_WINDOW (window)) == NULL)
    g_error ("the window could not open %s", argv[1]);

  {
    TpStatement *stmt = tp_database_prepare (tp_store_get_database (tp_window_get_store (TP_WINDOW (window))),
                                             "SELECT id FROM customers ORDER BY touch_count DESC LIMIT 1",
                                             NULL);

    if (stmt != NULL && tp_statement_step (stmt, NULL))
      heavy_id = tp_statement_get_int64 (stmt, 0);
    tp_statement_reset (stmt);
  }

  {
    BenchMeasure *updated = bench_measure_new ("GUI: open the Customers section, views updated", 0);
    BenchMeasure *frame = bench_measure_new ("GUI: open the Customers section, frame painted", 0);

    for (guint r = 0; r < runs; r++)
      {
        gtk_widget_activate_action (window, "window.show-marketing", NULL);
        drain ();
        measure (window, updated, frame, open_customers, NULL);
      }
    bench_measure_report (updated);
    bench_measure_report (frame);
  }

  search_entry = find_descendant (window, GTK_TYPE_SEARCH_ENTRY);
  if (search_entry == NULL)
    g_error ("no search entry in the Customers section");
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (search_entry), 0);

  {
    TpCustomersSection *section = TP_CUSTOMERS_SECTION (find_descendant (window, TP_TYPE_CUSTOMERS_SECTION));
    TpCustomerList *list = tp_customers_section_get_list (section);
    BenchMeasure *stall = bench_measure_new ("GUI: search, per keystroke, longest main-loop stall", 50);
    BenchMeasure *first = bench_measure_new ("GUI: search, per keystroke, first rows painted", 50);
    BenchMeasure *shown = bench_measure_new ("GUI: search, per keystroke, all rows in the list", 0);
    BenchMeasure *frame = bench_measure_new ("GUI: search, per keystroke, all rows painted", 0);

    g_signal_connect (list, "items-changed", G_CALLBACK (on_list_changed_cb), NULL);
    g_signal_connect (list, "notify::loading", G_CALLBACK (on_list_changed_cb), NULL);
    g_signal_connect (list, "notify::partial", G_CALLBACK (on_list_changed_cb), NULL);

    for (guint r = 0; r < runs; r++)
      {
        for (guint k = 1; k <= strlen (search); k++)
          {
            g_autofree char *prefix = g_strndup (search, k);

            typed = prefix;
            measure_search (list, stall, first, shown, frame);
          }
        typed = "";
        type_search (NULL);
        drain ();
        while (tp_customer_list_get_loading (list))
          g_main_context_iteration (NULL, TRUE);
        drain ();
      }
    bench_measure_report (stall);
    bench_measure_report (first);
    bench_measure_report (shown);
    bench_measure_report (frame);
  }

  {
    BenchMeasure *open_updated = bench_measure_new ("GUI: open customer with 1,000 touches, views updated", 16);
    BenchMeasure *open_frame = bench_measure_new ("GUI: open customer with 1,000 touches, frame painted", 0);
    BenchMeasure *log_updated = bench_measure_new ("GUI: log a touch, views updated", 16);
    BenchMeasure *log_frame = bench_measure_new ("GUI: log a touch, frame painted", 0);
    BenchMeasure *stage_updated = bench_measure_new ("GUI: change a stage, views updated", 16);
    BenchMeasure *stage_frame = bench_measure_new ("GUI: change a stage, frame painted", 0);

    for (guint r = 0; r < runs; r++)
      {
        measure (window, open_updated, open_frame, open_heavy, NULL);
        measure (window, log_updated, log_frame, log_touch, NULL);
        measure (window, stage_updated, stage_frame, change_stage, NULL);
      }
    bench_measure_report (open_updated);
    bench_measure_report (open_frame);
    bench_measure_report (log_updated);
    bench_measure_report (log_frame);
    bench_measure_report (stage_updated);
    bench_measure_report (stage_frame);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  return 0;
}
