/* bench-core.c
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
 * bench-core [--only durability] DATABASE [RUNS]
 *
 * Times what the Sales tab asks of the data core on the given database
 * (the large sample business): opening the customer list, a five-letter
 * search typed one key at a time (the time the main thread spends on each
 * key, and the time until its rows are shown: the query runs on a
 * worker), opening the customer with 1,000
 * touches, logging a touch and changing a stage until every live list
 * has updated, and the analytics against the sqlite3 command-line tool's
 * floor for the same aggregate; then what the durability setting costs
 * (logging a touch, changing a stage and a CSV import of 10,000 touches, with
 * synchronous=NORMAL against FULL, Touchpoint's setting). --only
 * durability measures only that. Prints one JSON line per measure.
 *
 * It writes to the database (touches it logs are deleted again): run it
 * on a copy.
 */

#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "tp-analytics.h"
#include "tp-csv.h"
#include "tp-customer-list.h"
#include "tp-results.h"
#include "tp-store.h"

#define VISIBLE_ROWS 40

/* What a view does when its model changes: fetch the rows it shows. */
static void
touch_visible_rows (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < MIN (n, VISIBLE_ROWS); i++)
    g_object_unref (g_list_model_get_item (model, i));
}

static gint64
find_benchmark_customer (TpStore *store)
{
  TpStatement *stmt;
  gint64 id = 0;

  stmt = tp_database_prepare (tp_store_get_database (store),
                              "SELECT id FROM customers ORDER BY touch_count DESC LIMIT 1", NULL);
  if (stmt != NULL && tp_statement_step (stmt, NULL))
    id = tp_statement_get_int64 (stmt, 0);
  if (stmt != NULL)
    tp_statement_reset (stmt);

  return id;
}

static double
sqlite3_cli_ms (const char *path,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", path, sql, NULL };
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("sqlite3: %s", error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

#define DURABILITY_CSV_ROWS 10000
#define DURABILITY_NOTE "durability benchmark"

static void
set_synchronous (TpDatabase *db,
                 const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA synchronous = %s", mode);

  if (!tp_database_exec (db, sql, &error))
    g_error ("%s", error->message);
}

/* A CSV file of touches for existing customers, beside the database (on
 * the same disk). */
static char *
write_touches_csv (TpDatabase *db,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("customer_id,happened_at,channel,note\n");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  char *csv_path = g_strconcat (path, "-durability.csv", NULL);
  TpStatement *stmt;

  stmt = tp_database_prepare (db, "SELECT id FROM customers ORDER BY id LIMIT 1000", &error);
  if (stmt == NULL)
    g_error ("%s", error->message);
  while (tp_statement_step (stmt, &error))
    {
      gint64 id = tp_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  tp_statement_reset (stmt);
  if (error != NULL || ids->len == 0)
    g_error ("the database has no customers to import touches for");

  for (guint i = 0; i < DURABILITY_CSV_ROWS; i++)
    g_string_append_printf (csv, "%" G_GINT64_FORMAT ",2026-01-%02uT10:00:00Z,call,%s\n",
                            g_array_index (ids, gint64, i % ids->len), 1 + i % 28,
                            DURABILITY_NOTE);

  if (!g_file_set_contents (csv_path, csv->str, csv->len, &error))
    g_error ("%s", error->message);

  return csv_path;
}

/* What synchronous=FULL (Touchpoint's setting: every commit is synced to
 * the disk before it is shown as done) costs against NORMAL, measured
 * alternately so that both see the same machine. */
static void
bench_durability (TpStore    *store,
                  const char *path,
                  gint64      customer,
                  guint       runs)
{
  static const char * const modes[] = { "NORMAL", "FULL" };
  TpDatabase *db = tp_store_get_database (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpCustomerList) list = tp_customer_list_new (store);
  g_autoptr(GListModel) touches = tp_store_list_touches (store, customer);
  g_autoptr(GListModel) latest = tp_store_list_latest_touches (store, 50);
  g_autoptr(GFile) csv = NULL;
  g_autofree char *csv_path = write_touches_csv (db, path);
  g_autoptr(GPtrArray) logged = g_ptr_array_new_with_free_func (g_object_unref);
  BenchMeasure *log[2] = {
    bench_measure_new ("durability: log a touch, synchronous=NORMAL", 16),
    bench_measure_new ("durability: log a touch, synchronous=FULL (Touchpoint)", 16),
  };
  BenchMeasure *stage[2] = {
    bench_measure_new ("durability: change a stage, synchronous=NORMAL", 16),
    bench_measure_new ("durability: change a stage, synchronous=FULL (Touchpoint)", 16),
  };
  BenchMeasure *import[2] = {
    bench_measure_new ("durability: CSV import of 10,000 touches, synchronous=NORMAL", 0),
    bench_measure_new ("durability: CSV import of 10,000 touches, synchronous=FULL (Touchpoint)", 0),
  };

  csv = g_file_new_for_path (csv_path);
  touch_visible_rows (G_LIST_MODEL (list));
  touch_visible_rows (touches);
  touch_visible_rows (latest);

  /* Logging a touch and changing a stage until every live list has
   * updated, as above. A stage change writes little: it shows the sync
   * alone. */
  for (guint r = 0; r < runs; r++)
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      {
        TpTouch *touch;
        gint64 start;

        set_synchronous (db, modes[m]);
        start = g_get_monotonic_time ();
        touch = tp_store_log_touch (store, customer, TP_CHANNEL_CALL, NULL, DURABILITY_NOTE, &error);
        if (touch == NULL)
          g_error ("%s", error->message);
        touch_visible_rows (G_LIST_MODEL (list));
        touch_visible_rows (touches);
        touch_visible_rows (latest);
        bench_measure_add (log[m], start, g_get_monotonic_time ());
        g_ptr_array_add (logged, touch);

        start = g_get_monotonic_time ();
        if (!tp_store_set_customer_stage (store, customer,
                                          (2 * r + m) % 2 ? TP_STAGE_PROSPECT : TP_STAGE_LEAD,
                                          &error))
          g_error ("%s", error->message);
        touch_visible_rows (G_LIST_MODEL (list));
        bench_measure_add (stage[m], start, g_get_monotonic_time ());
      }

  for (guint i = 0; i < logged->len; i++)
    {
      g_autoptr(TpUndo) undo = NULL;
      gint64 id;

      g_object_get (g_ptr_array_index (logged, i), "id", &id, NULL);
      undo = tp_store_delete_touch (store, id, &error);
      if (undo == NULL)
        g_error ("%s", error->message);
    }

  /* A CSV import: one transaction, so one sync more at most. */
  for (guint r = 0; r < runs; r++)
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      {
        g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (csv, TP_CSV_TABLE_TOUCHES);
        g_autoptr(TpCsvReport) report = NULL;
        gint64 start;

        set_synchronous (db, modes[m]);
        start = g_get_monotonic_time ();
        report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
        if (report == NULL)
          g_error ("%s", error->message);
        bench_measure_add (import[m], start, g_get_monotonic_time ());
        if (tp_csv_report_get_imported (report) != DURABILITY_CSV_ROWS)
          g_error ("imported %u of %u touches", tp_csv_report_get_imported (report),
                   DURABILITY_CSV_ROWS);

        if (!tp_database_exec (db, "DELETE FROM touches WHERE note = '" DURABILITY_NOTE "'", &error))
          g_error ("%s", error->message);
      }

  set_synchronous (db, "FULL");
  g_unlink (csv_path);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    bench_measure_report (log[m]);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    bench_measure_report (stage[m]);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    bench_measure_report (import[m]);
}

/* The Results section's figures, as its worker computes them (its own
 * read-only connection), for each period and the one before */
static void
bench_results (const char *path,
               guint       runs)
{
  static const char * const names[] = {
    "results: figures ready, this month", "results: figures ready, this quarter",
    "results: figures ready, this year",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = tp_database_open_full (path, TP_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (db == NULL)
    g_error ("%s", error->message);

  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      BenchMeasure *m = bench_measure_new (names[p], 300);
      gint64 start, end;

      tp_results_period_range ((TpResultsPeriod) p, now, &start, &end);
      /* A year takes long: fewer runs */
      for (guint r = 0; r < (p == TP_RESULTS_PERIOD_YEAR ? MIN (runs, 3) : runs); r++)
        {
          gint64 t0 = g_get_monotonic_time ();
          g_autoptr(TpResults) results = NULL;

          results = tp_results_compute (db, (TpResultsPeriod) p, start, end, now, &error);
          if (results == NULL)
            g_error ("%s", error->message);
          bench_measure_add (m, t0, g_get_monotonic_time ());
        }
      bench_measure_report (m);
    }
}

/* Analytics, against the sqlite3 tool answering the same aggregate. */
static void
bench_analytics (TpStore    *store,
                 const char *path,
                 guint       runs)
{
  g_autoptr(GError) error = NULL;
  TpDatabase *db = tp_store_get_database (store);
  TpAnalyticsSettings settings;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  BenchMeasure *ours = bench_measure_new ("touches per customer (Touchpoint)", 0);
  BenchMeasure *floor = bench_measure_new ("touches per customer (sqlite3 CLI, GROUP BY)", 0);
  BenchMeasure *queue = bench_measure_new ("follow-up queue (Touchpoint)", 0);
  BenchMeasure *queue_floor = bench_measure_new ("follow-up queue (sqlite3 CLI)", 0);
  BenchMeasure *bands = bench_measure_new ("band counts (Touchpoint)", 0);

  tp_analytics_settings_load (&settings, db, NULL);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) per_customer = tp_analytics_touches_per_customer (db, TP_TOUCHES_ORDER_BY_TOUCHES, &error);
      g_autoptr(GArray) follow_ups = NULL;
      TpBandCounts counts;
      double ms;

      if (per_customer == NULL)
        g_error ("%s", error->message);
      bench_measure_add (ours, start, g_get_monotonic_time ());

      start = g_get_monotonic_time ();
      follow_ups = tp_analytics_follow_ups (db, &settings, now, &error);
      if (follow_ups == NULL)
        g_error ("%s", error->message);
      bench_measure_add (queue, start, g_get_monotonic_time ());

      start = g_get_monotonic_time ();
      if (!tp_analytics_band_counts (db, &settings, &counts, &error))
        g_error ("%s", error->message);
      bench_measure_add (bands, start, g_get_monotonic_time ());

      ms = sqlite3_cli_ms (path, "SELECT customer_id, count(*) FROM touches WHERE done = 1 "
                                 "GROUP BY customer_id ORDER BY 2 DESC;");
      g_array_append_val (floor->samples, ms);
      ms = sqlite3_cli_ms (path, "SELECT id, name, last_touch_at FROM customers "
                                 "WHERE order_count = 0 AND stage != 'lost' "
                                 "AND touch_count < 12 AND coalesce(last_touch_at, created_at) "
                                 "< strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-14 days') "
                                 "ORDER BY coalesce(last_touch_at, created_at);");
      g_array_append_val (queue_floor->samples, ms);
    }
  bench_measure_report (ours);
  bench_measure_report (floor);
  bench_measure_report (queue);
  bench_measure_report (queue_floor);
  bench_measure_report (bands);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpStore) store = NULL;
  const char *path;
  guint runs;
  gint64 heavy;
  const char *search = g_getenv ("TOUCHPOINT_BENCH_SEARCH");
  BenchMeasure *m;
  BenchMeasure *shown;
  BenchMeasure *short_shown;
  BenchMeasure *long_shown;
  gboolean only_durability = FALSE;
  gboolean only_results = FALSE;
  gboolean only_customer = FALSE;
  gboolean only_search = FALSE;
  gboolean only_analytics = FALSE;

  if (argc > 1 && g_str_equal (argv[1], "--only"))
    {
      if (argc >= 3 && g_str_equal (argv[2], "durability"))
        only_durability = TRUE;
      else if (argc >= 3 && g_str_equal (argv[2], "results"))
        only_results = TRUE;
      else if (argc >= 3 && g_str_equal (argv[2], "customer"))
        only_customer = TRUE;
      else if (argc >= 3 && g_str_equal (argv[2], "search"))
        only_search = TRUE;
      else if (argc >= 3 && g_str_equal (argv[2], "analytics"))
        only_analytics = TRUE;
      else
        {
          g_printerr ("bench-core: --only takes “durability”, “results”, “customer”, “search” or “analytics”\n");
          return 2;
        }
      argc -= 2;
      argv += 2;
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-core [--only durability|results|customer|search|analytics] DATABASE [RUNS]\n");
      return 2;
    }
  path = argv[1];
  /* A narrow search (few customers hold it) unless told otherwise */
  if (search == NULL || search[0] == '\0')
    search = "mille";
  runs = argc > 2 ? (guint) atoi (argv[2]) : 7;

  if (only_results)
    {
      bench_results (path, runs);
      return 0;
    }

  if (only_analytics)
    {
      store = tp_store_open (path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      bench_analytics (store, path, runs);
      return 0;
    }

  if (only_durability)
    {
      store = tp_store_open (path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      bench_durability (store, path, find_benchmark_customer (store), runs);
      return 0;
    }

  /* Opening the Customers section: the store, the list, its first rows. */
  m = bench_measure_new ("open customer list", 0);
  for (guint r = 0; r < (only_customer ? 0 : runs); r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TpStore) s = tp_store_open (path, &error);
      g_autoptr(TpCustomerList) list = NULL;

      if (s == NULL)
        g_error ("%s", error->message);
      list = tp_customer_list_new (s);
      touch_visible_rows (G_LIST_MODEL (list));
      bench_measure_add (m, start, g_get_monotonic_time ());
    }
  if (!only_customer)
    bench_measure_report (m);

  store = tp_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  if (!only_customer && !only_search)
    bench_results (path, runs);

  /* Typing a five-letter search, one keystroke at a time: the main
   * thread's time (setting the text, then taking the worker's rows and
   * fetching the visible ones) against the budget, and the time until the
   * rows are shown. */
  m = bench_measure_new ("search, per keystroke, main thread", 50);
  shown = bench_measure_new ("search, per keystroke, until rows shown", 0);
  /* and apart: one or two letters (every row read), three or more (the
   * search index) */
  short_shown = bench_measure_new ("search, 1-2 letters, until rows shown", 0);
  long_shown = bench_measure_new ("search, 3-5 letters, until rows shown", 0);
  for (guint r = 0; r < (only_customer ? 0 : runs); r++)
    {
      g_autoptr(TpCustomerList) list = tp_customer_list_new (store);

      touch_visible_rows (G_LIST_MODEL (list));
      for (guint k = 1; k <= strlen (search); k++)
        {
          g_autofree char *typed = g_strndup (search, k);
          gint64 start = g_get_monotonic_time ();
          gint64 busy;

          tp_customer_list_set_search_text (list, typed);
          touch_visible_rows (G_LIST_MODEL (list));
          busy = g_get_monotonic_time () - start;

          /* Count only the main loop's work, not its wait for the worker
           * (polled every 0.1 ms). */
          while (tp_customer_list_get_loading (list))
            {
              gint64 dispatch;

              if (!g_main_context_pending (NULL))
                {
                  g_usleep (100);
                  continue;
                }

              dispatch = g_get_monotonic_time ();
              g_main_context_iteration (NULL, FALSE);
              touch_visible_rows (G_LIST_MODEL (list));
              busy += g_get_monotonic_time () - dispatch;
            }

          bench_measure_add (m, 0, busy);
          bench_measure_add (shown, start, g_get_monotonic_time ());
          bench_measure_add (k < 3 ? short_shown : long_shown, start, g_get_monotonic_time ());
        }
    }
  if (!only_customer)
    {
      bench_measure_report (m);
      bench_measure_report (shown);
      bench_measure_report (short_shown);
      bench_measure_report (long_shown);
    }
  if (only_search)
    return 0;

  heavy = find_benchmark_customer (store);

  /* Opening the customer with the most touches (1,000 in the sample). */
  m = bench_measure_new ("open customer with 1,000 touches", 16);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TpCustomer) customer = tp_store_get_customer (store, heavy, &error);
      g_autoptr(GListModel) touches = NULL;
      g_autoptr(GListModel) orders = NULL;

      if (customer == NULL)
        g_error ("%s", error->message);
      touches = tp_store_list_touches (store, heavy);
      orders = tp_store_list_orders (store, heavy);
      touch_visible_rows (touches);
      touch_visible_rows (orders);
      bench_measure_add (m, start, g_get_monotonic_time ());
    }
  bench_measure_report (m);

  /* Logging a touch and changing a stage while the customer list, the
   * customer's timeline and the latest-activity list are live: the time
   * runs until every list has updated (they update in the change signal). */
  {
    g_autoptr(TpCustomerList) list = tp_customer_list_new (store);
    g_autoptr(GListModel) touches = tp_store_list_touches (store, heavy);
    g_autoptr(GListModel) latest = tp_store_list_latest_touches (store, 50);
    BenchMeasure *log = bench_measure_new ("log a touch", 16);
    BenchMeasure *stage = bench_measure_new ("change a stage", 16);
    g_autoptr(GPtrArray) logged = g_ptr_array_new_with_free_func (g_object_unref);

    touch_visible_rows (G_LIST_MODEL (list));
    touch_visible_rows (touches);
    touch_visible_rows (latest);

    for (guint r = 0; r < runs; r++)
      {
        gint64 start = g_get_monotonic_time ();
        TpTouch *touch = tp_store_log_touch (store, heavy, TP_CHANNEL_CALL, NULL,
                                             "benchmark", &error);

        if (touch == NULL)
          g_error ("%s", error->message);
        touch_visible_rows (G_LIST_MODEL (list));
        touch_visible_rows (touches);
        touch_visible_rows (latest);
        bench_measure_add (log, start, g_get_monotonic_time ());
        g_ptr_array_add (logged, touch);

        start = g_get_monotonic_time ();
        if (!tp_store_set_customer_stage (store, heavy,
                                          r % 2 ? TP_STAGE_PROSPECT : TP_STAGE_LEAD, &error))
          g_error ("%s", error->message);
        touch_visible_rows (G_LIST_MODEL (list));
        bench_measure_add (stage, start, g_get_monotonic_time ());
      }
    bench_measure_report (log);
    bench_measure_report (stage);

    for (guint i = 0; i < logged->len; i++)
      {
        gint64 id;
        g_autoptr(TpUndo) undo = NULL;

        g_object_get (g_ptr_array_index (logged, i), "id", &id, NULL);
        undo = tp_store_delete_touch (store, id, NULL);
      }
  }

  if (only_customer)
    return 0;

  bench_analytics (store, path, runs);

  /* SQLite's synchronous setting; a server keeps its own */
  if (!tp_database_is_server (tp_store_get_database (store)))
    bench_durability (store, path, heavy, runs);

  return 0;
}
