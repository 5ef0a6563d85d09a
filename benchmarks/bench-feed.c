/* bench-feed.c
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
 * The change feed of a team database between two desktops
 * (tp-store-feed.c): `bench-feed URI` is desktop B, with a store, the
 * customer list, the latest touches and the follow-up queue on the main
 * loop; it starts itself again as desktop A, another process with its
 * own connection, which
 * - logs WRITES touches 20 ms apart: B measures, per touch, the time
 *   from the start of A's save until B's ::changed for it;
 * - writes IMPORT_ROWS customers in one transaction announced as an
 *   import announces them (one reload of the table), then makes BURST
 *   customers in a transaction each: B measures the longest time its
 *   main loop did not come round (a 1 ms timeout at high priority that
 *   notes how late it fires) while it receives them.
 * Progress goes to stderr.
 * Output: JSON lines as bench-core's, for benchmarks/run-pg.
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "tp-customer-list.h"
#include "tp-follow-up-queue.h"
#include "tp-store.h"

#define WRITES      200
#define WRITE_GAP_MS 20
#define IMPORT_ROWS (getenv ("BENCH_FEED_ROWS") != NULL ? (guint) atoi (getenv ("BENCH_FEED_ROWS")) : 100000u)
#define BURST       1000
#define SETTLE_S    3

static gint64
add_customer (TpStore    *store,
              const char *name)
{
  g_autoptr(TpCustomer) customer = tp_customer_new ();
  g_autoptr(GError) error = NULL;

  tp_customer_set_name (customer, name);
  tp_record_set_created_at (TP_RECORD (customer), "2026-05-01T09:00:00Z");
  if (!tp_store_add_customer (store, customer, &error))
    g_error ("%s", error->message);

  return tp_record_get_id (TP_RECORD (customer));
}

/* Desktop A ------------------------------------------------------------- */

static int
write_touches (const char *uri,
               gint64      customer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpStore) store = tp_store_open (uri, &error);

  if (store == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < WRITES; i++)
    {
      g_autoptr(TpTouch) touch = tp_touch_new ();
      gint64 start;

      tp_touch_set_customer_id (touch, customer_id);
      tp_touch_set_happened_at (touch, "2026-05-02T10:00:00Z");
      tp_touch_set_channel (touch, TP_CHANNEL_CALL);
      tp_touch_set_done (touch, TRUE);
      tp_touch_set_note (touch, "Bench");
      start = g_get_monotonic_time ();
      if (!tp_store_add_touch (store, touch, &error))
        g_error ("%s", error->message);
      g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", tp_record_get_id (TP_RECORD (touch)), start);
      g_usleep (WRITE_GAP_MS * 1000);
    }

  return 0;
}

static int
import_and_burst (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) worker = NULL;
  g_autoptr(TpStore) store = NULL;
  g_autofree char *sql = NULL;

  /* What an import does on the wire, without the CSV import's own time
   * (on the server it looks each new customer up among those it added,
   * which takes minutes for 100,000): the rows in one transaction on a
   * worker's connection, announced as one reload of the table */
  worker = tp_database_open_full (uri, TP_DATABASE_OPEN_EXISTING, &error);
  if (worker == NULL)
    g_error ("%s", error->message);
  sql = g_strdup_printf ("INSERT INTO customers (name, email, phone, stage, notes, created_at,"
                         " updated_at)"
                         " SELECT 'Imported ' || g, 'c' || g || '@example.org', '', 'lead', '',"
                         " '2026-05-01T09:00:00Z', '2026-05-01T09:00:00Z'"
                         " FROM generate_series (1, %u) AS g", IMPORT_ROWS);
  if (!tp_database_begin (worker, &error) ||
      !tp_database_exec (worker, sql, &error) ||
      !tp_database_announce_reload (worker, "customers", &error) ||
      !tp_database_commit (worker, &error))
    g_error ("%s", error->message);
  g_print ("imported\n");
  g_printerr ("A: imported %u customers\n", IMPORT_ROWS);
  /* B measures its share of the import alone first */
  g_usleep ((SETTLE_S + 1) * G_USEC_PER_SEC);

  store = tp_store_open (uri, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < BURST; i++)
    {
      g_autofree char *name = g_strdup_printf ("Burst %05u", i);

      add_customer (store, name);
    }
  g_print ("burst\n");

  return 0;
}

/* Desktop B ------------------------------------------------------------- */

typedef struct
{
  GHashTable *started;   /* touch id → A's start (µs) */
  GHashTable *arrived;   /* touch id → B's ::changed (µs) */
  gint64      last_tick;
  gint64      longest_stall;
  gint64      last_tick_cpu;
  gint64      longest_stall_cpu;  /* the main thread's own time: the machine is shared */
  gboolean    child_done;
  char       *phase;     /* what A last said it finished */
} Reader;

static void
on_touches_changed_cb (TpStore       *store,
                       const char    *table,
                       gint64         id,
                       TpStoreChange  kind,
                       Reader        *reader)
{
  if (kind == TP_STORE_CHANGE_ADDED && !g_hash_table_contains (reader->arrived, &id))
    {
      gint64 now = g_get_monotonic_time ();

      g_hash_table_insert (reader->arrived, g_memdup2 (&id, sizeof id), g_memdup2 (&now, sizeof now));
    }
}

static gboolean
on_child_output_cb (GIOChannel   *channel,
                    GIOCondition  condition,
                    gpointer      data)
{
  Reader *reader = data;
  g_autofree char *line = NULL;
  GIOStatus status;

  while ((status = g_io_channel_read_line (channel, &line, NULL, NULL, NULL)) == G_IO_STATUS_NORMAL)
    {
      gint64 id, start;

      if (sscanf (line, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &id, &start) == 2)
        g_hash_table_insert (reader->started, g_memdup2 (&id, sizeof id),
                             g_memdup2 (&start, sizeof start));
      else
        {
          g_free (reader->phase);
          reader->phase = g_strdup (g_strstrip (line));
        }
      g_clear_pointer (&line, g_free);
    }

  if (status == G_IO_STATUS_EOF || (condition & (G_IO_HUP | G_IO_ERR)) != 0)
    {
      reader->child_done = TRUE;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer data)
{
  Reader *reader = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (reader->last_tick != 0)
    {
      reader->longest_stall = MAX (reader->longest_stall, now - reader->last_tick - 1000);
      reader->longest_stall_cpu = MAX (reader->longest_stall_cpu, cpu - reader->last_tick_cpu);
    }
  reader->last_tick = now;
  reader->last_tick_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

static void
report_stall (Reader     *reader,
              const char *what)
{
  g_autofree char *wall = g_strdup_printf ("longest main-loop stall on B while %s", what);
  g_autofree char *cpu = g_strdup_printf ("longest main-loop stall on B while %s, "
                                          "B's own CPU time", what);
  BenchMeasure *m;

  m = bench_measure_new (wall, 16.7);
  g_array_append_vals (m->samples, &(double) { reader->longest_stall / 1000.0 }, 1);
  bench_measure_report (m);
  m = bench_measure_new (cpu, 16.7);
  g_array_append_vals (m->samples, &(double) { reader->longest_stall_cpu / 1000.0 }, 1);
  bench_measure_report (m);
  reader->last_tick = 0;
  reader->longest_stall = 0;
  reader->longest_stall_cpu = 0;
}

static void
spawn_writer (Reader      *reader,
              const char  *self_path,
              const char **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  GPtrArray *argv = g_ptr_array_new ();
  int out_fd;

  g_ptr_array_add (argv, (char *) self_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  g_ptr_array_unref (argv);

  reader->child_done = FALSE;
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_set_flags (channel, G_IO_FLAG_NONBLOCK, NULL);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP | G_IO_ERR, on_child_output_cb, reader);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Until A is done, and SETTLE_S more */
static void
run_until_done (Reader *reader)
{
  guint wake = g_timeout_add (50, wake_cb, NULL);
  gint64 settle_until = 0;

  while (TRUE)
    {
      g_main_context_iteration (NULL, TRUE);
      if (reader->child_done && settle_until == 0)
        settle_until = g_get_monotonic_time () + SETTLE_S * G_USEC_PER_SEC;
      if (settle_until != 0 && g_get_monotonic_time () >= settle_until)
        break;
    }
  g_source_remove (wake);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, index);
}

static int
read_changes (const char *self_path,
              const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpStore) store = tp_store_open (uri, &error);
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(GListModel) latest = NULL;
  g_autoptr(TpFollowUpQueue) queue = NULL;
  g_autofree char *customer_text = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  Reader reader = { 0, };
  GHashTableIter iter;
  gpointer key, value;
  BenchMeasure *m;
  guint tick;
  gint64 customer;

  if (store == NULL)
    g_error ("%s", error->message);
  reader.started = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  reader.arrived = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* What a window on the Sales tab holds */
  list = tp_customer_list_new (store);
  latest = tp_store_list_latest_touches (store, 50);
  queue = tp_follow_up_queue_new ();
  tp_follow_up_queue_set_store (queue, store);
  g_signal_connect (store, "changed::touches", G_CALLBACK (on_touches_changed_cb), &reader);

  customer = add_customer (store, "Bench customer");
  customer_text = g_strdup_printf ("%" G_GINT64_FORMAT, customer);

  /* Latency */
  spawn_writer (&reader, self_path, (const char *[]) { "--write-touches", uri, customer_text, NULL });
  run_until_done (&reader);

  g_hash_table_iter_init (&iter, reader.started);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *arrived = g_hash_table_lookup (reader.arrived, key);
      double ms;

      if (arrived == NULL)
        g_error ("B never heard of touch %" G_GINT64_FORMAT, *(gint64 *) key);
      ms = (*arrived - *(gint64 *) value) / 1000.0;
      g_array_append_val (latencies, ms);
    }
  if (latencies->len != WRITES)
    g_error ("A logged %u touches, not %u", latencies->len, WRITES);
  g_array_sort (latencies, bench_compare_doubles);
  m = bench_measure_new ("change propagation, A saves a touch -> B's ::changed, median", 1000);
  for (guint i = 0; i < latencies->len; i++)
    g_array_append_val (m->samples, g_array_index (latencies, double, i));
  bench_measure_report (m);
  m = bench_measure_new ("change propagation, A saves a touch -> B's ::changed, p95", 1000);
  {
    double p95 = percentile (latencies, 0.95);

    g_array_append_val (m->samples, p95);
  }
  bench_measure_report (m);

  g_printerr ("B: %u touches heard of\n", latencies->len);

  /* Stalls */
  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &reader, NULL);
  reader.last_tick = 0;
  reader.longest_stall = 0;
  reader.longest_stall_cpu = 0;
  spawn_writer (&reader, self_path, (const char *[]) { "--import-and-burst", uri, NULL });
  while (!reader.child_done && g_strcmp0 (reader.phase, "imported") != 0)
    g_main_context_iteration (NULL, TRUE);
  /* B's share of the import: the notification and the reload */
  {
    gint64 until = g_get_monotonic_time () + SETTLE_S * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
  }
  report_stall (&reader, "A imports 100,000 customers (one bulk transaction)");
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) < IMPORT_ROWS)
    g_error ("B's list shows %u customers after the import",
             g_list_model_get_n_items (G_LIST_MODEL (list)));

  g_printerr ("B: %u customers listed after the import\n",
              g_list_model_get_n_items (G_LIST_MODEL (list)));

  run_until_done (&reader);
  report_stall (&reader, "A adds 1,000 customers one by one");
  g_source_remove (tick);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) != IMPORT_ROWS + BURST + 1)
    g_error ("B's list shows %u customers after the burst",
             g_list_model_get_n_items (G_LIST_MODEL (list)));

  g_hash_table_unref (reader.started);
  g_hash_table_unref (reader.arrived);
  g_free (reader.phase);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--write-touches"))
    return write_touches (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "--import-and-burst"))
    return import_and_burst (argv[2]);
  if (argc != 2)
    {
      g_printerr ("usage: bench-feed postgresql://…\n");
      return 2;
    }

  return read_changes (argv[0], argv[1]);
}
