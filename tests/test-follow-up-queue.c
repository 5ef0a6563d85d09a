/* test-follow-up-queue.c
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

#include "tp-follow-up-queue.h"
#include "tp-test-records.h"

/* The core follow-up queue, on a database file, so that its loads run on
 * the worker with their own connection as in the app. */

#define N_QUIET 40

typedef struct
{
  char      *dir;
  char      *path;
  TpStore   *store;
  gint64     quiet[N_QUIET];
  gint64     planned;
  GPtrArray *changes;  /* guint[3]: position, removed, added */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  gint64 pat;

  f->dir = g_dir_make_tmp ("touchpoint-queue-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "touchpoint.db", NULL);
  db = tp_database_open (f->path, &error);
  g_assert_no_error (error);
  f->store = tp_store_new (db);
  f->changes = g_ptr_array_new_with_free_func (g_free);

  /* Customers added on successive days of May, never touched: due 14
   * days later, in that order. */
  for (guint i = 0; i < N_QUIET; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %02u", i);
      g_autofree char *created = g_strdup_printf ("2026-04-%02uT09:00:00Z", i % 28 + 1);

      f->quiet[i] = tp_test_add_customer (f->store, name, i < 28 ? created : "2026-05-01T09:00:00Z",
                                          TP_STAGE_LEAD);
    }

  /* Added lately, not quiet yet, but a planned call is due. */
  pat = tp_test_add_customer (f->store, "Pat Planned", "2026-06-20T09:00:00Z", TP_STAGE_LEAD);
  f->planned = tp_test_add_touch (f->store, pat, "2026-06-29T10:00:00Z", TP_CHANNEL_CALL, FALSE,
                                  "Ask about the fitting");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_ptr_array_unref (f->changes);
}

static void
wait_for (TpFollowUpQueue *queue)
{
  while (g_main_context_iteration (NULL, FALSE));
  while (tp_follow_up_queue_get_loading (queue))
    g_main_context_iteration (NULL, TRUE);
}

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  guint *change = g_new (guint, 3);

  change[0] = position;
  change[1] = removed;
  change[2] = added;
  g_ptr_array_add (f->changes, change);
}

static TpFollowUpQueue *
new_queue (Fixture *f)
{
  TpFollowUpQueue *queue = tp_follow_up_queue_new ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-06-30T12:00:00Z", NULL);

  tp_follow_up_queue_set_now (queue, now);
  tp_follow_up_queue_set_store (queue, f->store);
  tp_follow_up_queue_load (queue);
  wait_for (queue);

  return queue;
}

/* The queue, most urgent first, and what a planned touch says. */
static void
test_queue_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TpFollowUpQueue) queue = new_queue (f);
  g_autoptr(TpFollowUpItem) first = NULL;
  g_autoptr(TpFollowUpItem) last = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (queue));

  /* Each quiet customer, and Pat's planned call last. */
  g_assert_cmpuint (n, ==, N_QUIET + 1);
  first = g_list_model_get_item (G_LIST_MODEL (queue), 0);
  g_assert_cmpint (tp_follow_up_item_get_customer_id (first), ==, f->quiet[0]);
  g_assert_false (tp_follow_up_item_get_planned (first));
  g_assert_null (tp_follow_up_item_get_planned_detail (first));

  last = g_list_model_get_item (G_LIST_MODEL (queue), n - 1);
  g_assert_true (tp_follow_up_item_get_planned (last));
  g_assert_cmpint (tp_follow_up_item_get_planned_touch_id (last), ==, f->planned);
  g_assert_cmpstr (tp_follow_up_item_get_planned_detail (last), ==, "Call: Ask about the fitting");
}

/* Answering one follow-up among many changes one row, not the list: the
 * rows around keep their objects, the view its scroll position. */
static void
test_queue_small_changes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TpFollowUpQueue) queue = new_queue (f);
  g_autoptr(TpFollowUpItem) before = g_list_model_get_item (G_LIST_MODEL (queue), 30);
  g_autoptr(TpFollowUpItem) after = NULL;
  guint *change;

  g_signal_connect (queue, "items-changed", G_CALLBACK (record_change_cb), f);

  tp_test_add_touch (f->store, f->quiet[10], "2026-06-30T11:00:00Z", TP_CHANNEL_CALL, TRUE, NULL);
  wait_for (queue);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, N_QUIET);
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = g_ptr_array_index (f->changes, 0);
  g_assert_cmpuint (change[0], ==, 10);
  g_assert_cmpuint (change[1], ==, 1);
  g_assert_cmpuint (change[2], ==, 0);

  after = g_list_model_get_item (G_LIST_MODEL (queue), 29);
  g_assert_true (after == before);

  /* Nothing changed: a load changes nothing. */
  tp_follow_up_queue_refresh (queue);
  wait_for (queue);
  g_assert_cmpuint (f->changes->len, ==, 1);
}

static gboolean
claim_once_cb (TpFollowUpItem *item,
               const char     *key,
               gpointer        user_data)
{
  GHashTable *claimed = user_data;

  /* The worker calls it; the test's main thread only reads after a load. */
  return g_hash_table_add (claimed, g_strdup (key));
}

static void
record_loaded_cb (TpFollowUpQueue *queue,
                  GPtrArray       *came_due,
                  guint           *n_came_due)
{
  *n_came_due = came_due->len;
}

/* Without a store, as the notifier watches a closed window's database:
 * the settings come from the file, the claim function decides what came
 * due, and the keys say what is still in the queue. */
static void
test_queue_for_path (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TpFollowUpQueue) queue = NULL;
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TpFollowUpItem) first = NULL;
  g_autofree char *key = NULL;
  guint n_came_due = G_MAXUINT;

  g_assert_true (tp_store_set_followup_days (f->store, 100, NULL));

  queue = tp_follow_up_queue_new_for_path (f->path);
  tp_follow_up_queue_set_claim_func (queue, claim_once_cb, g_hash_table_ref (claimed),
                                     (GDestroyNotify) g_hash_table_unref);
  g_signal_connect (queue, "loaded", G_CALLBACK (record_loaded_cb), &n_came_due);
  wait_for (queue);

  /* Run in the clock's now, with 100 days of quiet (the file's setting):
   * a customer added in April 2026 is due from July on, the planned call
   * is. */
  g_assert_cmpuint (n_came_due, ==, g_list_model_get_n_items (G_LIST_MODEL (queue)));
  g_assert_cmpuint (n_came_due, >=, 1);
  first = g_list_model_get_item (G_LIST_MODEL (queue), 0);
  key = tp_follow_up_item_dup_key (first);
  g_assert_true (tp_follow_up_queue_contains_key (queue, key));

  /* Checking again claims nothing twice. */
  tp_follow_up_queue_load (queue);
  wait_for (queue);
  g_assert_cmpuint (n_came_due, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/follow-up-queue/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("order", test_queue_order);
  ADD ("small-changes", test_queue_small_changes);
  ADD ("for-path", test_queue_for_path);

  return g_test_run ();
}
