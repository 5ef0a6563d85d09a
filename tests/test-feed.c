/* test-feed.c
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

#include "config.h"

#include <glib/gstdio.h>

#include "tp-csv.h"
#include "tp-customer-list.h"
#include "tp-follow-up-queue.h"
#include "tp-test-engine.h"
#include "tp-test-records.h"

/* The change feed of a team database (tp-store-feed.c), on the
 * throwaway server: two stores on one database, as two desktops are;
 * what A writes, B's signals and lists show after B's main loop ran,
 * without B reading everything again. */

#define WAIT_S 10

typedef struct
{
  char          *table;
  gint64         id;
  TpStoreChange  kind;
} Change;

typedef struct
{
  char      *uri;
  TpStore   *a;
  TpStore   *b;
  GPtrArray *changes;  /* Change: what B emitted */
} Fixture;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->table);
  g_free (change);
}

static void
on_b_changed_cb (TpStore       *store,
                 const char    *table,
                 gint64         id,
                 TpStoreChange  kind,
                 Fixture       *f)
{
  Change *change = g_new0 (Change, 1);

  change->table = g_strdup (table);
  change->id = id;
  change->kind = kind;
  g_ptr_array_add (f->changes, change);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->uri = tp_test_pg_new_database ();
  f->a = tp_store_open (f->uri, &error);
  g_assert_no_error (error);
  f->b = tp_store_open (f->uri, &error);
  g_assert_no_error (error);
  f->changes = g_ptr_array_new_with_free_func (change_free);
  g_signal_connect (f->b, "changed", G_CALLBACK (on_b_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_pointer (&f->changes, g_ptr_array_unref);
  g_free (f->uri);
}

static guint
count_changes (Fixture       *f,
               const char    *table,
               gint64         id,
               TpStoreChange  kind)
{
  guint n = 0;

  for (guint i = 0; i < f->changes->len; i++)
    {
      Change *change = g_ptr_array_index (f->changes, i);

      if (g_str_equal (change->table, table) && change->id == id && change->kind == kind)
        n++;
    }

  return n;
}

static guint
count_reloads (Fixture *f)
{
  guint n = 0;

  for (guint i = 0; i < f->changes->len; i++)
    if (((Change *) g_ptr_array_index (f->changes, i))->kind == TP_STORE_CHANGE_RELOADED)
      n++;

  return n;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop (as B's window would) until B emitted @kind for
 * @id of @table, or WAIT_S went by. */
static gboolean
wait_for_change (Fixture       *f,
                 const char    *table,
                 gint64         id,
                 TpStoreChange  kind)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);
  gboolean seen;

  while (!(seen = count_changes (f, table, id, kind) > 0) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  return seen;
}

/* Runs the main loop for @ms, whatever comes. */
static void
run_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static void
wait_loaded (TpCustomerList *list)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (tp_customer_list_get_loading (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_false (tp_customer_list_get_loading (list));
}

typedef struct
{
  guint n_calls;
  guint max_removed;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *seen)
{
  seen->n_calls++;
  seen->max_removed = MAX (seen->max_removed, removed);
}

/* A logs a touch: B's timeline of the customer shows it, B's list row
 * of the customer is told (its figures changed), nothing is re-read. */
static void
test_touch_added (Fixture       *f,
                  gconstpointer  data)
{
  gint64 customer = tp_test_add_customer (f->a, "Ada Lovelace", "2026-05-01T09:00:00Z",
                                          TP_STAGE_LEAD);
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(TpCustomer) seen_by_b = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged list_changes = { 0, };
  gint64 touch;

  g_assert_true (wait_for_change (f, "customers", customer, TP_STORE_CHANGE_ADDED));

  list = tp_customer_list_new (f->b);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  timeline = tp_store_list_touches (f->b, customer);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 0);
  seen_by_b = tp_store_get_customer (f->b, customer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_touch_count (seen_by_b), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &list_changes);
  g_ptr_array_set_size (f->changes, 0);

  touch = tp_test_add_touch (f->a, customer, "2026-05-02T10:00:00Z", TP_CHANNEL_CALL, TRUE,
                             "Asked about the spring range");

  g_assert_true (wait_for_change (f, "touches", touch, TP_STORE_CHANGE_ADDED));
  g_assert_true (wait_for_change (f, "customers", customer, TP_STORE_CHANGE_UPDATED));
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 1);
  {
    g_autoptr(TpTouch) shown = g_list_model_get_item (timeline, 0);

    g_assert_cmpint (tp_record_get_id (TP_RECORD (shown)), ==, touch);
    g_assert_cmpstr (tp_touch_get_note (shown), ==, "Asked about the spring range");
  }
  /* The customer B holds counts the touch */
  g_assert_cmpint (tp_customer_get_touch_count (seen_by_b), ==, 1);
  /* The list redrew that one row, and read nothing again */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (list_changes.max_removed, <=, 1);
  g_assert_cmpuint (count_reloads (f), ==, 0);
}

/* A renames a customer: the object B's views hold has the new name, B's
 * list moves that row only. */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(TpCustomer) on_a = NULL;
  g_autoptr(TpCustomer) on_b = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged list_changes = { 0, };
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u", i);

      ids[i] = tp_test_add_customer (f->a, name, "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
    }
  g_assert_true (wait_for_change (f, "customers", ids[4], TP_STORE_CHANGE_ADDED));

  list = tp_customer_list_new (f->b);
  tp_customer_list_set_sort_key (list, TP_CUSTOMER_SORT_NAME);
  wait_loaded (list);
  g_assert_cmpuint (tp_customer_list_find (list, ids[0]), ==, 0);
  on_b = tp_store_get_customer (f->b, ids[0], &error);
  g_assert_no_error (error);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &list_changes);
  g_ptr_array_set_size (f->changes, 0);

  on_a = tp_store_get_customer (f->a, ids[0], &error);
  g_assert_no_error (error);
  g_object_set (on_a, "name", "Zoe Last", NULL);
  tp_store_save_customer (f->a, on_a, &error);
  g_assert_no_error (error);

  g_assert_true (wait_for_change (f, "customers", ids[0], TP_STORE_CHANGE_UPDATED));
  g_assert_cmpstr (tp_customer_get_name (on_b), ==, "Zoe Last");
  g_assert_cmpuint (tp_customer_list_find (list, ids[0]), ==, 4);
  g_assert_cmpuint (tp_customer_list_find (list, ids[1]), ==, 0);
  g_assert_cmpuint (list_changes.max_removed, <=, 1);
  g_assert_cmpuint (count_reloads (f), ==, 0);
}

/* A deletes a customer with a touch: B's list and B's touches lose it. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  gint64 keep = tp_test_add_customer (f->a, "Keep", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  gint64 gone = tp_test_add_customer (f->a, "Gone", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  gint64 touch = tp_test_add_touch (f->a, gone, "2026-05-02T10:00:00Z", TP_CHANNEL_EMAIL, TRUE,
                                    "Last words");
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(GListModel) latest = NULL;
  g_autoptr(TpUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wait_for_change (f, "touches", touch, TP_STORE_CHANGE_ADDED));
  list = tp_customer_list_new (f->b);
  wait_loaded (list);
  latest = tp_store_list_latest_touches (f->b, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (latest), ==, 1);
  g_ptr_array_set_size (f->changes, 0);

  undo = tp_store_delete_customer (f->a, gone, &error);
  g_assert_no_error (error);

  g_assert_true (wait_for_change (f, "customers", gone, TP_STORE_CHANGE_REMOVED));
  g_assert_true (wait_for_change (f, "touches", touch, TP_STORE_CHANGE_REMOVED));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (tp_customer_list_find (list, gone), ==, G_MAXUINT);
  g_assert_cmpuint (tp_customer_list_find (list, keep), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (latest), ==, 0);
  g_assert_cmpuint (count_reloads (f), ==, 0);

  /* A's undo brings it back on B too */
  g_ptr_array_set_size (f->changes, 0);
  tp_store_undo (f->a, undo, &error);
  g_assert_no_error (error);
  g_assert_true (wait_for_change (f, "customers", gone, TP_STORE_CHANGE_ADDED));
  g_assert_true (wait_for_change (f, "touches", touch, TP_STORE_CHANGE_ADDED));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (latest), ==, 1);
}

/* An import on A (a worker's connection, as in the app): one "read the
 * table again" per table, not one change per row. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-feed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "customers.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("name,email\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(TpDatabase) worker = NULL;
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(GError) error = NULL;

  list = tp_customer_list_new (f->b);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "Imported %04u,c%u@example.org\n", i, i);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  worker = tp_database_open_full (f->uri, TP_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
  report = tp_csv_importer_run (importer, worker, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (wait_for_change (f, "customers", 0, TP_STORE_CHANGE_RELOADED));
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2000);
  run_for (200);
  g_assert_cmpuint (count_changes (f, "customers", 0, TP_STORE_CHANGE_RELOADED), ==, 1);
  g_assert_cmpuint (f->changes->len, <=, 3);

  g_unlink (path);
  g_rmdir (dir);
}

/* Many small transactions on A while B's main loop is busy elsewhere:
 * B collapses them (a row changed many times is one change; a table with
 * too many rows waiting is read again once). */
static void
test_burst (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = tp_test_add_customer (f->a, "Renamed often", "2026-05-01T09:00:00Z",
                                       TP_STAGE_LEAD);
  guint customers_changes;

  g_assert_true (wait_for_change (f, "customers", first, TP_STORE_CHANGE_ADDED));
  list = tp_customer_list_new (f->b);
  wait_loaded (list);
  g_ptr_array_set_size (f->changes, 0);

  /* One row, 100 times */
  customer = tp_store_get_customer (f->a, first, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Renamed %03u", i);

      g_object_set (customer, "name", name, NULL);
      tp_store_save_customer (f->a, customer, &error);
      g_assert_no_error (error);
    }
  run_for (300);
  /* Merged in what B read at once: libpq may have read the 100 in a few
   * goes */
  g_assert_cmpuint (count_changes (f, "customers", first, TP_STORE_CHANGE_UPDATED), >=, 1);
  g_assert_cmpuint (count_changes (f, "customers", first, TP_STORE_CHANGE_UPDATED), <=, 10);
  {
    g_autoptr(TpCustomer) on_b = tp_store_get_customer (f->b, first, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (tp_customer_get_name (on_b), ==, "Renamed 099");
  }

  /* 1000 new rows, one transaction each */
  g_ptr_array_set_size (f->changes, 0);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Burst %04u", i);

      tp_test_add_customer (f->a, name, "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
    }
  run_for (300);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1001);
  customers_changes = 0;
  for (guint i = 0; i < f->changes->len; i++)
    if (g_str_equal (((Change *) g_ptr_array_index (f->changes, i))->table, "customers"))
      customers_changes++;
  g_assert_cmpuint (customers_changes, <, 300);
  g_assert_cmpuint (count_changes (f, "customers", 0, TP_STORE_CHANGE_RELOADED), >=, 1);
}

/* B's own writes are emitted once, at its commit, not again when the
 * server hands its announcement around. */
static void
test_own_echo (Fixture       *f,
               gconstpointer  data)
{
  gint64 mine = tp_test_add_customer (f->b, "Mine", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  gint64 marker;

  g_assert_cmpuint (count_changes (f, "customers", mine, TP_STORE_CHANGE_ADDED), ==, 1);

  /* Once B has A's later change, it has had every announcement before */
  marker = tp_test_add_customer (f->a, "Marker", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  g_assert_true (wait_for_change (f, "customers", marker, TP_STORE_CHANGE_ADDED));
  run_for (100);
  g_assert_cmpuint (count_changes (f, "customers", mine, TP_STORE_CHANGE_ADDED), ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 2);
}

/* A rolled-back write, or a rolled-back savepoint inside a committed
 * one, announces nothing. */
static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  TpDatabase *db = tp_store_get_database (f->a);
  g_autoptr(GError) error = NULL;
  gint64 dropped, kept, dropped_inside, marker;

  tp_database_begin (db, &error);
  g_assert_no_error (error);
  dropped = tp_test_add_customer (f->a, "Rolled back", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  tp_database_rollback (db);

  tp_database_begin (db, &error);
  g_assert_no_error (error);
  kept = tp_test_add_customer (f->a, "Kept", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  tp_database_begin (db, &error);
  g_assert_no_error (error);
  dropped_inside = tp_test_add_customer (f->a, "Savepoint", "2026-05-01T09:00:00Z",
                                         TP_STAGE_LEAD);
  tp_database_rollback (db);
  tp_database_commit (db, &error);
  g_assert_no_error (error);

  marker = tp_test_add_customer (f->a, "Marker", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  g_assert_true (wait_for_change (f, "customers", marker, TP_STORE_CHANGE_ADDED));
  run_for (100);

  g_assert_cmpuint (count_changes (f, "customers", kept, TP_STORE_CHANGE_ADDED), ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 2);
  /* The ids of the rolled-back rows may come again: what B saw is only
   * the two committed ones */
  (void) dropped;
  (void) dropped_inside;
}

/* A adds a customer quiet for long: B's follow-up queue has them. */
static void
test_follow_up_queue (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TpFollowUpQueue) queue = tp_follow_up_queue_new ();
  gint64 deadline;
  guint wake;
  gint64 quiet;

  tp_follow_up_queue_set_store (queue, f->b);
  run_for (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 0);

  quiet = tp_test_add_customer (f->a, "Quiet Quentin", "2020-01-01T09:00:00Z", TP_STAGE_LEAD);
  g_assert_true (wait_for_change (f, "customers", quiet, TP_STORE_CHANGE_ADDED));

  deadline = g_get_monotonic_time () + WAIT_S * G_USEC_PER_SEC;
  wake = g_timeout_add (10, wake_cb, NULL);
  while (g_list_model_get_n_items (G_LIST_MODEL (queue)) == 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 1);
}

/* A file has no feed: nothing listens, nothing is sent. */
static void
test_file_has_none (void)
{
  g_autoptr(TpDatabase) db = tp_database_open (":memory:", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tp_database_listen_changes (db, &error));
  g_assert_no_error (error);
  g_assert_null (tp_database_take_changes (db));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/feed/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("touch-added", test_touch_added);
  ADD ("rename", test_rename);
  ADD ("delete", test_delete);
  ADD ("import", test_import);
  ADD ("burst", test_burst);
  ADD ("own-echo", test_own_echo);
  ADD ("rollback", test_rollback);
  ADD ("follow-up-queue", test_follow_up_queue);
  g_test_add_func ("/touchpoint/feed/file-has-none", test_file_has_none);

#undef ADD

  return g_test_run ();
}
