/* test-models.c
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

#define G_LOG_DOMAIN "test-models"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tp-core-enum-types.h"
#include "tp-test-engine.h"
#include "tp-customer-list-private.h"
#include "tp-store.h"
#include "tp-store-list.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GString    *log)
{
  g_string_append_printf (log, "%s ", pspec->name);
}

static void
test_model_notify (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  TpCustomer *customer = tp_customer_new ();
  TpOrder *order = tp_order_new ();
  GObjectClass *klass;
  guint n_props;
  g_autofree GParamSpec **props = NULL;

  g_signal_connect (customer, "notify", G_CALLBACK (count_notify_cb), log);

  /* Defaults are the column defaults. */
  g_assert_cmpstr (tp_customer_get_name (customer), ==, "");
  g_assert_cmpint (tp_customer_get_stage (customer), ==, TP_STAGE_LEAD);
  g_assert_null (tp_customer_get_last_touch_at (customer));
  g_assert_cmpint (tp_order_get_status (order), ==, TP_ORDER_STATUS_OPEN);

  /* Notify once per real change, never for the same value. */
  tp_customer_set_name (customer, "Ada");
  tp_customer_set_name (customer, "Ada");
  tp_customer_set_stage (customer, TP_STAGE_REPEAT);
  tp_customer_set_stage (customer, TP_STAGE_REPEAT);
  tp_customer_set_has_source_channel (customer, TRUE);
  tp_customer_set_has_source_channel (customer, 2);
  tp_customer_set_touch_count (customer, 7);
  tp_customer_set_touch_count (customer, 7);
  tp_customer_set_last_touch_at (customer, "2026-01-01T00:00:00Z");
  tp_customer_set_last_touch_at (customer, "2026-01-01T00:00:00Z");
  tp_customer_set_last_touch_at (customer, NULL);
  tp_customer_set_notes (customer, NULL);
  g_object_set (customer, "email", "a@b.c", "email", "a@b.c", NULL);
  g_assert_cmpstr (log->str, ==,
                   "name stage has-source-channel touch-count last-touch-at last-touch-at email ");
  g_assert_cmpstr (tp_customer_get_notes (customer), ==, "");

  /* Every property of every model is writable and explicit-notify. */
  klass = G_OBJECT_GET_CLASS (customer);
  props = g_object_class_list_properties (klass, &n_props);
  g_assert_cmpuint (n_props, ==, 18);
  for (guint i = 0; i < n_props; i++)
    g_assert_true ((props[i]->flags & (G_PARAM_EXPLICIT_NOTIFY | G_PARAM_READWRITE)) ==
                   (G_PARAM_EXPLICIT_NOTIFY | G_PARAM_READWRITE));

  g_assert_finalize_object (customer);
  g_assert_finalize_object (order);
}

/* Every model is a record: the id and times are TpRecord's, and a copy
 * holds every column of the original, whatever the model. */
static void
test_record_copy (void)
{
  const GType models[] = {
    TP_TYPE_AUDIENCE, TP_TYPE_BRAND, TP_TYPE_BRAND_WORD, TP_TYPE_COMPETITOR,
    TP_TYPE_CUSTOMER, TP_TYPE_ORDER, TP_TYPE_PLACE, TP_TYPE_TACTIC,
    TP_TYPE_TACTIC_LOG_ENTRY, TP_TYPE_TOUCH,
  };
  g_autoptr(TpTouch) touch = tp_touch_new ();
  g_autoptr(TpTouch) copy = NULL;
  g_autofree GParamSpec **props = NULL;
  guint n_props;

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (models[i]);
      const char *common[] = { "id", "created-at", "updated-at" };

      g_assert_true (g_type_is_a (models[i], TP_TYPE_RECORD));
      for (guint j = 0; j < G_N_ELEMENTS (common); j++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), common[j]);

          g_assert_nonnull (pspec);
          g_assert_true (pspec->owner_type == TP_TYPE_RECORD);
        }
    }

  tp_record_set_id (TP_RECORD (touch), 7);
  tp_record_set_created_at (TP_RECORD (touch), "2026-01-02T03:04:05Z");
  tp_record_set_updated_at (TP_RECORD (touch), "2026-01-03T03:04:05Z");
  tp_record_set_version (TP_RECORD (touch), 4);
  tp_touch_set_customer_id (touch, 3);
  tp_touch_set_happened_at (touch, "2026-01-01T10:00:00Z");
  tp_touch_set_channel (touch, TP_CHANNEL_FORUM);
  tp_touch_set_direction (touch, TP_DIRECTION_INBOUND);
  tp_touch_set_note (touch, "Asked about prices");
  tp_touch_set_tactic_id (touch, 4);
  tp_touch_set_place_id (touch, 5);
  tp_touch_set_done (touch, FALSE);
  tp_touch_set_person (touch, "Anna");

  copy = tp_record_copy (TP_RECORD (touch));
  g_assert_true (TP_IS_TOUCH (copy));
  g_assert_true (copy != touch);

  /* Every column was set away from its default above, and the copy holds
   * each of them. */
  props = g_object_class_list_properties (G_OBJECT_GET_CLASS (touch), &n_props);
  g_assert_cmpuint (n_props, ==, 13);
  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) original = G_VALUE_INIT;
      g_auto(GValue) copied = G_VALUE_INIT;

      g_value_init (&original, props[i]->value_type);
      g_value_init (&copied, props[i]->value_type);
      g_object_get_property (G_OBJECT (touch), props[i]->name, &original);
      g_object_get_property (G_OBJECT (copy), props[i]->name, &copied);
      if (g_param_value_defaults (props[i], &original))
        g_error ("the test leaves %s at its default", props[i]->name);
      g_assert_cmpint (g_param_values_cmp (props[i], &original, &copied), ==, 0);
    }

  /* The copy is an object of its own. */
  tp_touch_set_note (copy, "Bought");
  tp_record_set_id (TP_RECORD (copy), 8);
  g_assert_cmpstr (tp_touch_get_note (touch), ==, "Asked about prices");
  g_assert_cmpint (tp_record_get_id (TP_RECORD (touch)), ==, 7);
}

/* A store whose customer list runs its queries on the calling thread: a
 * database no second connection can open. */
static TpStore *
new_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  TpStore *store = tp_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static TpStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tp_test_engine_new_database ();
  TpStore *store = tp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* Mirrors a list model by applying its items-changed, and checks every
 * emission against the model's state at the time. */
typedef struct
{
  GListModel *model;
  GArray     *ids;    /* what the signals say the list holds */
  GString    *log;
} Shadow;

static gint64
item_id (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  gint64 id;

  g_assert_nonnull (item);
  g_object_get (item, "id", &id, NULL);
  return id;
}

static void
shadow_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Shadow     *shadow)
{
  g_string_append_printf (shadow->log, "%u-%u+%u ", position, removed, added);

  g_assert_cmpuint (position + removed, <=, shadow->ids->len);
  g_array_remove_range (shadow->ids, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = item_id (model, position + i);

      g_array_insert_val (shadow->ids, position + i, id);
    }

  /* The model updated its state before emitting. */
  g_assert_cmpuint (shadow->ids->len, ==, g_list_model_get_n_items (model));
}

static void
shadow_init (Shadow     *shadow,
             GListModel *model)
{
  shadow->model = model;
  shadow->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  shadow->log = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gint64 id = item_id (model, i);

      g_array_append_val (shadow->ids, id);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (shadow_items_changed_cb), shadow);
}

static void
shadow_clear (Shadow *shadow)
{
  g_signal_handlers_disconnect_by_data (shadow->model, shadow);
  g_array_unref (shadow->ids);
  g_string_free (shadow->log, TRUE);
}

static void
shadow_assert_matches (Shadow     *shadow,
                       GListModel *fresh)
{
  guint n = g_list_model_get_n_items (shadow->model);

  g_assert_cmpuint (shadow->ids->len, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (fresh), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (g_array_index (shadow->ids, gint64, i), ==, item_id (shadow->model, i));
      g_assert_cmpint (g_array_index (shadow->ids, gint64, i), ==, item_id (fresh, i));
    }
}

static const char *
take_log (Shadow *shadow)
{
  static char buffer[256];

  g_strlcpy (buffer, shadow->log->str, sizeof buffer);
  g_string_truncate (shadow->log, 0);
  return buffer;
}

static TpAudience *
add_audience (TpStore    *store,
              const char *name,
              gint64      position)
{
  g_autoptr(GError) error = NULL;
  TpAudience *audience = tp_audience_new ();

  tp_audience_set_name (audience, name);
  tp_audience_set_position (audience, position);
  g_assert_true (tp_store_add_audience (store, audience, &error));
  g_assert_no_error (error);

  return audience;
}

static void
test_store_list (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(GListModel) list = tp_store_list_audiences (store);
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(TpAudience) a = NULL;
  g_autoptr(TpAudience) b = NULL;
  g_autoptr(TpAudience) c = NULL;
  g_autoptr(TpAudience) first = NULL;
  g_autoptr(TpUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  Shadow shadow;

  g_assert_true (g_list_model_get_item_type (list) == TP_TYPE_AUDIENCE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  shadow_init (&shadow, list);

  a = add_audience (store, "A", 10);
  c = add_audience (store, "C", 30);
  b = add_audience (store, "B", 20);
  g_assert_cmpstr (take_log (&shadow), ==, "0-0+1 1-0+1 1-0+1 ");

  /* The list hands out the live objects. */
  first = g_list_model_get_item (list, 0);
  g_assert_true (first == a);

  /* A change in place is one row, itself. */
  tp_audience_set_message (b, "Hello");
  g_assert_true (tp_store_save_audience (store, b, &error));
  g_assert_cmpstr (take_log (&shadow), ==, "1-1+1 ");

  /* A move from first to last. */
  tp_audience_set_position (a, 40);
  g_assert_true (tp_store_save_audience (store, a, &error));
  g_assert_cmpstr (take_log (&shadow), ==, "0-3+3 ");

  undo = tp_store_delete_audience (store, tp_record_get_id (TP_RECORD (c)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (take_log (&shadow), ==, "1-1+0 ");
  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_cmpstr (take_log (&shadow), ==, "1-0+1 ");

  /* A change to another table says nothing to this list. */
  g_object_unref (add_audience (store, "D", 50));
  g_string_truncate (shadow.log, 0);
  {
    g_autoptr(TpCompetitor) competitor = tp_competitor_new ();

    tp_competitor_set_name (competitor, "Rival");
    g_assert_true (tp_store_add_competitor (store, competitor, &error));
  }
  g_assert_cmpstr (take_log (&shadow), ==, "");

  fresh = tp_store_list_audiences (store);
  shadow_assert_matches (&shadow, fresh);
  g_assert_cmpint (tp_store_list_find (TP_STORE_LIST (list), tp_record_get_id (TP_RECORD (a))), ==, 2);
  g_assert_cmpint (tp_store_list_get_id (TP_STORE_LIST (list), 0), ==, tp_record_get_id (TP_RECORD (b)));
  shadow_clear (&shadow);
}

static void
test_touch_list (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpCustomer) ada = tp_customer_new ();
  g_autoptr(TpCustomer) bob = tp_customer_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) latest = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(TpTouch) t1 = NULL;
  g_autoptr(TpTouch) t2 = NULL;
  g_autoptr(TpTouch) t3 = NULL;
  g_autoptr(TpTouch) other = NULL;
  g_autoptr(TpUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  Shadow shadow;

  tp_customer_set_name (ada, "Ada");
  g_assert_true (tp_store_add_customer (store, ada, &error));
  tp_customer_set_name (bob, "Bob");
  g_assert_true (tp_store_add_customer (store, bob, &error));

  list = tp_store_list_touches (store, tp_record_get_id (TP_RECORD (ada)));
  latest = tp_store_list_latest_touches (store, 2);
  orders = tp_store_list_orders (store, 0);
  shadow_init (&shadow, list);

  t1 = tp_store_log_touch (store, tp_record_get_id (TP_RECORD (ada)), TP_CHANNEL_EMAIL,
                           "2026-01-01T10:00:00Z", "first", &error);
  t2 = tp_store_log_touch (store, tp_record_get_id (TP_RECORD (ada)), TP_CHANNEL_CALL,
                           "2026-01-03T10:00:00Z", "third", &error);
  t3 = tp_store_log_touch (store, tp_record_get_id (TP_RECORD (ada)), TP_CHANNEL_MEETING,
                           "2026-01-02T10:00:00Z", "second", &error);
  g_assert_no_error (error);
  /* Newest first: the third goes between the other two. */
  g_assert_cmpstr (take_log (&shadow), ==, "0-0+1 0-0+1 1-0+1 ");

  other = tp_store_log_touch (store, tp_record_get_id (TP_RECORD (bob)), TP_CHANNEL_AD,
                              "2026-01-05T10:00:00Z", NULL, &error);
  g_assert_cmpstr (take_log (&shadow), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (latest), ==, 2);
  g_assert_cmpint (item_id (latest, 0), ==, tp_record_get_id (TP_RECORD (other)));
  g_assert_cmpint (item_id (latest, 1), ==, tp_record_get_id (TP_RECORD (t2)));

  /* Re-dating a touch moves it. */
  tp_touch_set_happened_at (t1, "2026-01-04T10:00:00Z");
  g_assert_true (tp_store_save_touch (store, t1, &error));
  g_assert_cmpstr (take_log (&shadow), ==, "0-3+3 ");

  /* Deleting the customer empties the list in one go; undo refills it. */
  undo = tp_store_delete_customer (store, tp_record_get_id (TP_RECORD (ada)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpstr (take_log (&shadow), ==, "0-3+0 ");
  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpint (item_id (list, 0), ==, tp_record_get_id (TP_RECORD (t1)));
  g_assert_cmpint (item_id (list, 1), ==, tp_record_get_id (TP_RECORD (t2)));
  g_assert_cmpint (item_id (list, 2), ==, tp_record_get_id (TP_RECORD (t3)));
  /* The live objects came back, with their values. */
  g_assert_cmpstr (tp_touch_get_note (t3), ==, "second");
  g_assert_cmpuint (g_list_model_get_n_items (orders), ==, 0);

  shadow_clear (&shadow);
}

/* The customer list */

static const char * const names[] = {
  "ada", "Ada", "ADA", "Bob", "bob", "Émile", "zoë", "Zed", "_under", "100%", "", "ﬁsh",
  "Mary-Jane", "mary jane", "O'Neil", "o'neil",
};

static void
random_customer_change (TpStore *store,
                        GRand   *rand,
                        GArray  *ids,
                        GPtrArray *undos)
{
  g_autoptr(GError) error = NULL;
  int op = g_rand_int_range (rand, 0, 10);

  if (ids->len == 0 || op == 0 || op == 1)
    {
      g_autoptr(TpCustomer) customer = tp_customer_new ();
      const char *name = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
      gint64 id;

      tp_customer_set_name (customer, name[0] != '\0' ? name : "Nameless");
      tp_customer_set_stage (customer, g_rand_int_range (rand, 0, 5));
      tp_customer_set_notes (customer, g_rand_boolean (rand) ? "likes bones" : "");
      g_assert_true (tp_store_add_customer (store, customer, &error));
      g_assert_no_error (error);
      id = tp_record_get_id (TP_RECORD (customer));
      g_array_append_val (ids, id);
      return;
    }

  {
    guint index = g_rand_int_range (rand, 0, ids->len);
    gint64 id = g_array_index (ids, gint64, index);
    g_autoptr(TpCustomer) customer = tp_store_get_customer (store, id, &error);

    g_assert_no_error (error);

    switch (op)
      {
      case 2:
        tp_customer_set_name (customer, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names) - 1)]);
        if (tp_customer_get_name (customer)[0] == '\0')
          tp_customer_set_name (customer, "Renamed");
        g_assert_true (tp_store_save_customer (store, customer, &error));
        break;

      case 3:
      case 4:
        {
          g_autofree char *when = g_strdup_printf ("2026-%02d-%02dT10:00:00Z",
                                                   g_rand_int_range (rand, 1, 13),
                                                   g_rand_int_range (rand, 1, 29));
          g_autoptr(TpTouch) touch = tp_store_log_touch (store, id, TP_CHANNEL_EMAIL, when,
                                                         NULL, &error);

          g_assert_nonnull (touch);
        }
        break;

      case 5:
        {
          g_autoptr(TpOrder) order = tp_order_new ();

          tp_order_set_customer_id (order, id);
          tp_order_set_item (order, "Treats");
          tp_order_set_amount_minor (order, g_rand_int_range (rand, 0, 5000));
          g_assert_true (tp_store_add_order (store, order, &error));
        }
        break;

      case 6:
        g_assert_true (tp_store_set_customer_stage (store, id, g_rand_int_range (rand, 0, 5),
                                                    &error));
        break;

      case 7:
        g_ptr_array_add (undos, tp_store_delete_customer (store, id, &error));
        g_array_remove_index (ids, index);
        break;

      case 8:
        if (undos->len > 0)
          {
            TpUndo *undo = g_ptr_array_index (undos, undos->len - 1);
            gint64 undone = tp_undo_get_id (undo);

            g_assert_true (tp_store_undo (store, undo, &error));
            g_ptr_array_remove_index (undos, undos->len - 1);
            g_array_append_val (ids, undone);
          }
        break;

      default:
        tp_customer_set_notes (customer, g_rand_boolean (rand) ? "likes bones" : "quiet");
        g_assert_true (tp_store_save_customer (store, customer, &error));
        break;
      }

    g_assert_no_error (error);
  }
}

static void
configure (TpCustomerList *list,
           GRand          *rand)
{
  static const char * const searches[] = { NULL, "a", "bo", "BONES", "%", "_", "'", "zz" };

  tp_customer_list_set_sort_key (list, g_rand_int_range (rand, 0, TP_CUSTOMER_SORT_CREATED + 1));
  tp_customer_list_set_sort_descending (list, g_rand_boolean (rand));
  tp_customer_list_set_search_text (list, searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
  tp_customer_list_set_stage_filter (list, g_rand_int_range (rand, -1, 5));
}

static TpCustomerList *
fresh_like (TpStore        *store,
            TpCustomerList *list)
{
  TpCustomerList *fresh = tp_customer_list_new (store);

  tp_customer_list_set_sort_key (fresh, tp_customer_list_get_sort_key (list));
  tp_customer_list_set_sort_descending (fresh, tp_customer_list_get_sort_descending (list));
  tp_customer_list_set_search_text (fresh, tp_customer_list_get_search_text (list));
  tp_customer_list_set_stage_filter (fresh, tp_customer_list_get_stage_filter (list));

  return fresh;
}

/* Random changes through the store under random filters and sorts: after
 * each, what the signals said equals the list, which equals the list a
 * fresh query gives. */
static void
test_customer_list_random (void)
{
  g_autoptr(TpStore) store = new_memory_store ();
  g_autoptr(TpCustomerList) list = tp_customer_list_new (store);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) undos = g_ptr_array_new_with_free_func ((GDestroyNotify)tp_undo_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n_rounds = g_test_slow () ? 10000 : 1000;
  Shadow shadow;

  shadow_init (&shadow, G_LIST_MODEL (list));

  for (guint i = 0; i < n_rounds; i++)
    {
      if (i % 50 == 0)
        configure (list, rand);

      random_customer_change (store, rand, ids, undos);

      if (i % 10 == 0 || i == n_rounds - 1)
        {
          g_autoptr(TpCustomerList) fresh = fresh_like (store, list);

          shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));
        }
    }

  shadow_clear (&shadow);
}

static TpCustomer *
add_customer (TpStore    *store,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  TpCustomer *customer = tp_customer_new ();

  tp_customer_set_name (customer, name);
  g_assert_true (tp_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return customer;
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_customer_list_signals (void)
{
  /* Each change is placed at once, on this thread (on a team database
   * the list re-reads on a worker: see file-store tests) */
  g_autoptr(TpStore) store = new_memory_store ();
  g_autoptr(TpCustomerList) list = tp_customer_list_new (store);
  g_autoptr(TpCustomer) bob = add_customer (store, "Bob");
  g_autoptr(TpCustomer) dora = add_customer (store, "dora");
  g_autoptr(TpCustomer) cleo = NULL;
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  guint n_notify = 0;
  Shadow shadow;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == TP_TYPE_CUSTOMER);
  shadow_init (&shadow, G_LIST_MODEL (list));

  /* Add: exactly one row, in name order (case-insensitive). */
  cleo = add_customer (store, "Cleo");
  g_assert_cmpstr (take_log (&shadow), ==, "1-0+1 ");

  /* Change in place. */
  tp_customer_set_email (cleo, "cleo@example.com");
  g_assert_true (tp_store_save_customer (store, cleo, &error));
  g_assert_cmpstr (take_log (&shadow), ==, "1-1+1 ");
  g_assert_no_error (error);

  /* A rename that moves: out of one place, into another. */
  tp_customer_set_name (bob, "Eve");
  g_assert_true (tp_store_save_customer (store, bob, &error));
  g_assert_cmpstr (take_log (&shadow), ==, "0-1+0 2-0+1 ");

  /* Sorted by touches, most first (ties: newest id first): a touch moves
   * Eve, the oldest, from the bottom to the top. */
  tp_customer_list_set_sort_key (list, TP_CUSTOMER_SORT_TOUCHES);
  tp_customer_list_set_sort_descending (list, TRUE);
  take_log (&shadow);
  g_assert_cmpint (tp_customer_list_get_id (list, 0), ==, tp_record_get_id (TP_RECORD (cleo)));
  g_assert_cmpint (tp_customer_list_get_id (list, 2), ==, tp_record_get_id (TP_RECORD (bob)));
  touch = tp_store_log_touch (store, tp_record_get_id (TP_RECORD (bob)), TP_CHANNEL_CALL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_list_get_id (list, 0), ==, tp_record_get_id (TP_RECORD (bob)));
  g_assert_cmpstr (take_log (&shadow), ==, "2-1+0 0-0+1 ");

  /* A filter that the change no longer passes removes the row. */
  tp_customer_list_set_search_text (list, "example");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  take_log (&shadow);
  g_signal_connect_swapped (list, "notify::n-items", G_CALLBACK (count_cb), &n_notify);
  tp_customer_set_email (cleo, "");
  g_assert_true (tp_store_save_customer (store, cleo, &error));
  g_assert_cmpstr (take_log (&shadow), ==, "0-1+0 ");
  g_assert_cmpuint (n_notify, ==, 1);
  tp_customer_list_set_search_text (list, NULL);

  /* Delete and undo. */
  take_log (&shadow);
  g_assert_cmpint (tp_customer_list_find (list, tp_record_get_id (TP_RECORD (dora))), ==, 2);
  undo = tp_store_delete_customer (store, tp_record_get_id (TP_RECORD (dora)), &error);
  g_assert_cmpstr (take_log (&shadow), ==, "2-1+0 ");
  g_assert_cmpint (tp_customer_list_find (list, tp_record_get_id (TP_RECORD (dora))), ==, G_MAXUINT);
  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_cmpstr (take_log (&shadow), ==, "2-0+1 ");

  /* Quiet for 30 days: nobody here has been quiet that long. */
  tp_customer_list_set_quiet_days (list, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  shadow_clear (&shadow);
}

static void
test_customer_list_audience (void)
{
  g_autoptr(TpStore) store = new_memory_store ();
  g_autoptr(TpCustomerList) list = tp_customer_list_new (store);
  g_autoptr(TpAudience) vets = add_audience (store, "Vets", 0);
  g_autoptr(TpAudience) brides = add_audience (store, "Brides", 1);
  g_autoptr(TpCustomer) a = add_customer (store, "A");
  g_autoptr(TpCustomer) b = add_customer (store, "B");
  g_autoptr(TpCustomer) c = add_customer (store, "C");
  g_autoptr(TpUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  Shadow shadow;

  tp_customer_set_audience_id (a, tp_record_get_id (TP_RECORD (vets)));
  g_assert_true (tp_store_save_customer (store, a, &error));
  tp_customer_set_audience_id (c, tp_record_get_id (TP_RECORD (brides)));
  g_assert_true (tp_store_save_customer (store, c, &error));

  tp_customer_list_set_sort_key (list, TP_CUSTOMER_SORT_AUDIENCE);
  shadow_init (&shadow, G_LIST_MODEL (list));
  /* No audience first, then Brides, then Vets. */
  g_assert_cmpint (tp_customer_list_get_id (list, 0), ==, tp_record_get_id (TP_RECORD (b)));
  g_assert_cmpint (tp_customer_list_get_id (list, 1), ==, tp_record_get_id (TP_RECORD (c)));
  g_assert_cmpint (tp_customer_list_get_id (list, 2), ==, tp_record_get_id (TP_RECORD (a)));

  /* Renaming an audience re-sorts its customers. */
  tp_audience_set_name (vets, "Animal doctors");
  g_assert_true (tp_store_save_audience (store, vets, &error));
  g_assert_cmpint (tp_customer_list_get_id (list, 1), ==, tp_record_get_id (TP_RECORD (a)));

  /* Deleting it unlinks its customers; the undo links them again. */
  undo = tp_store_delete_audience (store, tp_record_get_id (TP_RECORD (vets)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_audience_id (a), ==, 0);
  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_cmpint (tp_customer_get_audience_id (a), ==, tp_record_get_id (TP_RECORD (vets)));

  tp_customer_list_set_audience_filter (list, tp_record_get_id (TP_RECORD (brides)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(TpCustomerList) fresh = fresh_like (store, list);

    tp_customer_list_set_audience_filter (fresh, tp_record_get_id (TP_RECORD (brides)));
    shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));
  }

  shadow_clear (&shadow);
}

/* A worker writes through its own connection; the window's store hears
 * of it from tp_store_notify_external_change(). */
static void
test_external_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-models-XXXXXX", &error);
  g_autofree char *path = tp_test_engine_new_shared_database (dir, "shared.db");
  g_autoptr(TpStore) store = NULL;
  g_autoptr(TpStore) worker = NULL;
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(TpCustomer) ada = NULL;
  g_autoptr(TpCustomer) ada_there = NULL;
  g_autoptr(TpCustomer) bob = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  Shadow shadow;

  store = tp_store_open (path, &error);
  g_assert_no_error (error);
  worker = tp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tp_store_get_database (store) != tp_store_get_database (worker));

  ada = add_customer (store, "Ada");
  list = tp_customer_list_new (store);
  shadow_init (&shadow, G_LIST_MODEL (list));

  ada_there = tp_store_get_customer (worker, tp_record_get_id (TP_RECORD (ada)), &error);
  g_assert_no_error (error);
  tp_customer_set_name (ada_there, "Ada Lovelace");
  g_assert_true (tp_store_save_customer (worker, ada_there, &error));
  bob = add_customer (worker, "Bob");
  g_assert_true (tp_store_set_band (worker, 4, 10, &error));

  /* Nothing is heard until the worker says it is done. */
  g_assert_cmpstr (take_log (&shadow), ==, "");
  g_assert_cmpstr (tp_customer_get_name (ada), ==, "Ada");

  tp_store_notify_external_change (store);
  g_assert_cmpstr (tp_customer_get_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (take_log (&shadow), ==, "1-0+1 ");
  g_assert_cmpuint (tp_store_get_band_low (store), ==, 4);
  g_assert_cmpuint (tp_store_get_band_high (store), ==, 10);
  {
    g_autoptr(TpCustomerList) fresh = tp_customer_list_new (store);

    shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));
  }

  shadow_clear (&shadow);
  g_clear_object (&list);
  g_clear_object (&store);
  g_clear_object (&worker);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
}

/* A list on a database file, whose filters and sorts run on a worker. */
typedef struct
{
  char    *dir;
  char    *path;
  TpStore *store;
} FileStore;

static void
file_store_init (FileStore *fs)
{
  g_autoptr(GError) error = NULL;

  fs->dir = g_dir_make_tmp ("tp-models-XXXXXX", &error);
  g_assert_no_error (error);
  fs->path = tp_test_engine_new_shared_database (fs->dir, "customers.db");
  fs->store = tp_store_open (fs->path, &error);
  g_assert_no_error (error);
}

static void
file_store_clear (FileStore *fs)
{
  g_autofree char *wal = g_strconcat (fs->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fs->path, "-shm", NULL);

  g_clear_object (&fs->store);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (fs->path);
  g_rmdir (fs->dir);
  g_free (fs->path);
  g_free (fs->dir);
}

/* Runs the loop until the list's query has landed. */
static void
wait_loaded (TpCustomerList *list)
{
  while (tp_customer_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static char *
list_names (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TpCustomer) customer = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, tp_customer_get_name (customer));
    }
  strv = g_strv_builder_end (builder);

  return g_strjoinv (",", strv);
}

static void
log_notify_cb (GObject    *object,
               GParamSpec *pspec,
               GString    *log)
{
  g_string_append_printf (log, "%s=%d ", pspec->name,
                          tp_customer_list_get_loading (TP_CUSTOMER_LIST (object)));
}

/* Names sort as the rows are placed when they change, on either engine:
 * ASCII letters as lower case, then by character code (digits, "_",
 * letters, accented letters last), ties by age. */
static void
test_customer_list_name_order (void)
{
  static const char * const added[] = { "_under", "Émile", "bob", "100%", "Ada", "ada", "Zed" };
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(TpCustomer) moved = NULL;
  g_autofree char *shown = NULL;
  FileStore fs;
  Shadow shadow;

  file_store_init (&fs);
  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    g_object_unref (add_customer (fs.store, added[i]));

  list = tp_customer_list_new (fs.store);
  wait_loaded (list);
  g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==,
                   "100%,_under,Ada,ada,bob,Zed,Émile");
  g_clear_pointer (&shown, g_free);

  /* A new row and a renamed one land where a fresh query puts them. */
  shadow_init (&shadow, G_LIST_MODEL (list));
  moved = add_customer (fs.store, "9 lives");
  tp_customer_set_name (moved, "ZZ");
  g_assert_true (tp_store_save_customer (fs.store, moved, NULL));
  g_object_unref (add_customer (fs.store, "ADA"));
  wait_loaded (list);
  {
    g_autoptr(TpCustomerList) fresh = tp_customer_list_new (fs.store);

    wait_loaded (fresh);
    shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));
  }
  g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==,
                   "100%,_under,Ada,ada,ADA,bob,Zed,ZZ,Émile");

  shadow_clear (&shadow);
  g_clear_object (&list);
  file_store_clear (&fs);
}

/* Typing "a" then "an" before the first query lands: the rows of "a"
 * never show, the list goes from all to the rows of "an" in one change. */
static void
test_customer_list_superseded (void)
{
  g_autoptr(GString) loading_log = g_string_new (NULL);
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(TpCustomerList) fresh = NULL;
  g_autofree char *shown = NULL;
  FileStore fs;
  Shadow shadow;

  file_store_init (&fs);
  g_object_unref (add_customer (fs.store, "Anna"));
  g_object_unref (add_customer (fs.store, "Bob Adams"));
  g_object_unref (add_customer (fs.store, "Cy"));
  g_object_unref (add_customer (fs.store, "Dana"));

  /* The first rows come at once. */
  list = tp_customer_list_new (fs.store);
  g_assert_false (tp_customer_list_get_loading (list));
  g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==, "Anna,Bob Adams,Cy,Dana");
  g_clear_pointer (&shown, g_free);
  shadow_init (&shadow, G_LIST_MODEL (list));
  g_signal_connect (list, "notify::loading", G_CALLBACK (log_notify_cb), loading_log);

  /* Meanwhile the list shows the rows it had. */
  tp_customer_list_set_search_text (list, "a");
  g_assert_true (tp_customer_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  tp_customer_list_set_search_text (list, "an");
  g_assert_cmpstr (tp_customer_list_get_search_text (list), ==, "an");
  wait_loaded (list);

  g_assert_cmpstr (take_log (&shadow), ==, "1-2+0 ");
  g_assert_cmpstr (loading_log->str, ==, "loading=1 loading=0 ");
  g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==, "Anna,Dana");
  g_assert_cmpuint (tp_customer_list_find (list, tp_customer_list_get_id (list, 1)), ==, 1);

  fresh = tp_customer_list_new (fs.store);
  tp_customer_list_set_search_text (fresh, "an");
  wait_loaded (fresh);
  shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));

  shadow_clear (&shadow);
  g_clear_object (&fresh);
  g_clear_object (&list);
  file_store_clear (&fs);
}

/* Customers who change while a query runs move in the rows shown, and
 * the rows that arrive know of the change. */
static void
test_customer_list_change_in_flight (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(TpCustomerList) fresh = NULL;
  g_autoptr(TpCustomer) dana = NULL;
  g_autoptr(TpCustomer) bob = NULL;
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpUndo) undo = NULL;
  g_autofree char *shown = NULL;
  FileStore fs;
  Shadow shadow;

  file_store_init (&fs);
  g_object_unref (add_customer (fs.store, "Anna"));
  bob = add_customer (fs.store, "Bob Adams");
  g_object_unref (add_customer (fs.store, "Cy"));
  dana = add_customer (fs.store, "Dana");

  list = tp_customer_list_new (fs.store);
  tp_customer_list_set_search_text (list, "an");
  wait_loaded (list);
  shadow_init (&shadow, G_LIST_MODEL (list));

  /* Still showing the rows of "an" while "n" runs. */
  tp_customer_list_set_search_text (list, "n");
  g_assert_true (tp_customer_list_get_loading (list));
  g_object_unref (add_customer (fs.store, "Hannah"));
  g_object_unref (add_customer (fs.store, "Nora"));
  tp_customer_set_name (dana, "Dora");
  g_assert_true (tp_store_save_customer (fs.store, dana, &error));
  g_assert_no_error (error);
  g_assert_true (tp_customer_list_get_loading (list));
  g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==, "Anna,Hannah");
  g_clear_pointer (&shown, g_free);

  wait_loaded (list);
  g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==, "Anna,Hannah,Nora");
  g_clear_pointer (&shown, g_free);
  fresh = tp_customer_list_new (fs.store);
  tp_customer_list_set_search_text (fresh, "n");
  wait_loaded (fresh);
  shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));
  g_clear_object (&fresh);

  /* A new sort, and a customer who moves in it meanwhile. */
  tp_customer_list_set_search_text (list, NULL);
  tp_customer_list_set_sort_key (list, TP_CUSTOMER_SORT_TOUCHES);
  tp_customer_list_set_sort_descending (list, TRUE);
  touch = tp_store_log_touch (fs.store, tp_record_get_id (TP_RECORD (bob)), TP_CHANNEL_CALL, NULL, NULL, &error);
  g_assert_no_error (error);
  undo = tp_store_delete_customer (fs.store, tp_record_get_id (TP_RECORD (dana)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  wait_loaded (list);
  g_assert_cmpint (tp_customer_list_get_id (list, 0), ==, tp_record_get_id (TP_RECORD (bob)));
  g_assert_cmpuint (tp_customer_list_find (list, tp_record_get_id (TP_RECORD (dana))), ==, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  fresh = tp_customer_list_new (fs.store);
  tp_customer_list_set_sort_key (fresh, TP_CUSTOMER_SORT_TOUCHES);
  tp_customer_list_set_sort_descending (fresh, TRUE);
  wait_loaded (fresh);
  shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));

  shadow_clear (&shadow);
  g_clear_object (&fresh);
  g_clear_object (&list);
  file_store_clear (&fs);
}

typedef struct
{
  GPtrArray *customers;   /* "Ann 01" to "Ann 12" */
  GString   *log;
  char      *first_rows;  /* the names when the first rows came */
  char      *changed;     /* the names after changes among them */
} FirstRows;

static void
rename_customer (TpStore    *store,
                 TpCustomer *customer,
                 const char *name)
{
  g_autoptr(GError) error = NULL;

  tp_customer_set_name (customer, name);
  g_assert_true (tp_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
}

static void
first_rows_partial_cb (TpCustomerList *list,
                       GParamSpec     *pspec,
                       FirstRows      *first)
{
  TpStore *store = tp_customer_list_get_store (list);
  gboolean partial = tp_customer_list_get_partial (list);

  g_string_append_printf (first->log, "partial=%d ", partial);
  if (!partial)
    return;

  g_assert_true (tp_customer_list_get_loading (list));
  first->first_rows = list_names (G_LIST_MODEL (list));

  /* One of them now sorts past the last of them: it goes, and the rest
   * of the query will place it. Another comes in among them. */
  rename_customer (store, g_ptr_array_index (first->customers, 2), "Ann 98");
  rename_customer (store, g_ptr_array_index (first->customers, 11), "Ann 005");
  first->changed = list_names (G_LIST_MODEL (list));

  /* The last of them, changed where it does not move it, stays. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TpCustomer) last = g_list_model_get_item (G_LIST_MODEL (list),
                                                        g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);
    g_autofree char *shown = NULL;

    tp_customer_set_notes (last, "Asked about the price");
    g_assert_true (tp_store_save_customer (store, last, &error));
    g_assert_no_error (error);
    g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==, first->changed);
  }
}

/* A long query sends its first rows ahead: the list shows the top of the
 * true list at once, with customers changed meanwhile placed, and then
 * gets the rest below them. */
static void
test_customer_list_first_rows (void)
{
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(TpCustomerList) fresh = NULL;
  g_autofree char *shown = NULL;
  FirstRows first = { 0, };
  FileStore fs;
  Shadow shadow;

  file_store_init (&fs);
  first.customers = g_ptr_array_new_with_free_func (g_object_unref);
  first.log = g_string_new (NULL);
  g_object_unref (add_customer (fs.store, "Bob"));
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ann %02u", i);

      g_ptr_array_add (first.customers, add_customer (fs.store, name));
    }

  list = tp_customer_list_new (fs.store);
  _tp_customer_list_set_first_rows (list, 3);
  shadow_init (&shadow, G_LIST_MODEL (list));
  g_signal_connect (list, "notify::partial", G_CALLBACK (first_rows_partial_cb), &first);

  /* Changed while the query runs, before or after it reads them. */
  tp_customer_list_set_search_text (list, "ann");
  rename_customer (fs.store, g_ptr_array_index (first.customers, 1), "Ann 99");
  rename_customer (fs.store, g_ptr_array_index (first.customers, 9), "Ann 00");
  g_assert_false (tp_customer_list_get_partial (list));
  wait_loaded (list);

  /* The top of the true list: three rows, or four if the worker read
   * between the two renames (Ann 02 gone past them, Ann 10 not yet come:
   * its three are Ann 01, 03 and 04, and Ann 00 is placed among them). */
  g_assert_cmpstr (first.log->str, ==, "partial=1 partial=0 ");
  if (g_str_has_suffix (first.first_rows, ",Ann 04"))
    {
      g_assert_cmpstr (first.first_rows, ==, "Ann 00,Ann 01,Ann 03,Ann 04");
      g_assert_cmpstr (first.changed, ==, "Ann 00,Ann 005,Ann 01,Ann 04");
    }
  else
    {
      g_assert_cmpstr (first.first_rows, ==, "Ann 00,Ann 01,Ann 03");
      g_assert_cmpstr (first.changed, ==, "Ann 00,Ann 005,Ann 01");
    }
  g_assert_false (tp_customer_list_get_partial (list));
  g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==,
                   "Ann 00,Ann 005,Ann 01,Ann 04,Ann 05,Ann 06,Ann 07,Ann 08,Ann 09,Ann 11,"
                   "Ann 98,Ann 99");
  fresh = fresh_like (fs.store, list);
  wait_loaded (fresh);
  shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));
  g_clear_object (&fresh);

  /* A result no longer than the first rows comes in one piece. */
  g_string_truncate (first.log, 0);
  tp_customer_list_set_search_text (list, "ann 9");
  wait_loaded (list);
  g_assert_cmpstr (first.log->str, ==, "");
  g_clear_pointer (&shown, g_free);
  g_assert_cmpstr ((shown = list_names (G_LIST_MODEL (list))), ==, "Ann 98,Ann 99");

  shadow_clear (&shadow);
  g_clear_object (&list);
  g_ptr_array_unref (first.customers);
  g_string_free (first.log, TRUE);
  g_free (first.first_rows);
  g_free (first.changed);
  file_store_clear (&fs);
}

/* Random changes while random filters and sorts run on the worker:
 * whenever the queries have landed, the list equals a fresh one. */
static void
test_customer_list_async_random (void)
{
  g_autoptr(TpCustomerList) list = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) undos = g_ptr_array_new_with_free_func ((GDestroyNotify)tp_undo_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n_rounds = g_test_slow () ? 2000 : 200;
  FileStore fs;
  Shadow shadow;

  file_store_init (&fs);
  list = tp_customer_list_new (fs.store);
  /* Most queries then send first rows ahead of the rest. */
  _tp_customer_list_set_first_rows (list, 2);
  shadow_init (&shadow, G_LIST_MODEL (list));

  for (guint i = 0; i < n_rounds; i++)
    {
      if (i % 15 == 0)
        configure (list, rand);

      random_customer_change (fs.store, rand, ids, undos);

      /* Sometimes a query lands between two changes. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_main_context_iteration (NULL, FALSE);

      if (i % 20 == 19 || i == n_rounds - 1)
        {
          g_autoptr(TpCustomerList) fresh = NULL;

          wait_loaded (list);
          fresh = fresh_like (fs.store, list);
          wait_loaded (fresh);
          shadow_assert_matches (&shadow, G_LIST_MODEL (fresh));
        }
    }

  shadow_clear (&shadow);
  g_clear_object (&list);
  g_clear_pointer (&undos, g_ptr_array_unref);
  file_store_clear (&fs);
}

/* Dropping a list while its query runs cancels the query: the list goes
 * at once, and the worker's result lands nowhere. */
static void
test_customer_list_dispose_in_flight (void)
{
  TpCustomerList *list;
  FileStore fs;
  TpStore *store;

  file_store_init (&fs);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u", i);

      g_object_unref (add_customer (fs.store, name));
    }

  list = tp_customer_list_new (fs.store);
  tp_customer_list_set_search_text (list, "1");
  g_assert_true (tp_customer_list_get_loading (list));
  tp_customer_list_set_sort_descending (list, TRUE);
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);
  g_object_unref (list);
  g_assert_null (list);

  /* The store carries on. */
  g_object_unref (add_customer (fs.store, "Late"));

  /* The query holds the store until it lands; then nothing is left. */
  store = g_steal_pointer (&fs.store);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (store);
  while (store != NULL)
    g_main_context_iteration (NULL, TRUE);

  file_store_clear (&fs);
}

/* Text for the search test: ASCII and not, letters whose case only
 * Unicode folds, LIKE's wildcards and escape, quotes */
static const char * const search_pieces[] = {
  "a", "A", "b", "B", "n", "N", "k", "K", "\u212a" /* KELVIN SIGN */, "É", "é", "e\u0301",
  "ß", "ẞ", "İ", "i", "ı", "I", "Σ", "σ", "ς", "ﬁ", "Ö", "ö", "🐕", "%", "_", "\\", "'",
  "\"", "*", "-", "1", "7", ".", " ",
};

static char *
random_search_text (GRand    *rand,
                    guint     min,
                    guint     max,
                    gboolean  spaces)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min, max + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *piece = search_pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (search_pieces))];

      if (!spaces && (piece[0] == ' ' || piece[0] == '@'))
        piece = "_";
      g_string_append (text, piece);
    }

  return g_string_free (text, FALSE);
}

static void
randomise_customer (TpCustomer *customer,
                    GRand      *rand)
{
  g_autofree char *name = random_search_text (rand, 1, 10, TRUE);
  g_autofree char *full_name = g_strconcat ("N", name, NULL);
  g_autofree char *local = random_search_text (rand, 1, 6, FALSE);
  g_autofree char *domain = random_search_text (rand, 1, 6, FALSE);
  g_autofree char *email = g_strconcat (local, "@", domain, NULL);
  g_autofree char *phone = random_search_text (rand, 0, 6, TRUE);
  g_autofree char *notes = random_search_text (rand, 0, 16, TRUE);

  tp_customer_set_name (customer, full_name);
  tp_customer_set_email (customer, g_rand_int_range (rand, 0, 4) == 0 ? "" : email);
  tp_customer_set_phone (customer, phone);
  tp_customer_set_notes (customer, notes);
}

/* A search: random pieces, or a piece of a customer's text with the
 * case of its ASCII letters changed at random */
static char *
random_search (GRand   *rand,
               GArray  *texts_of)
{
  g_autofree char *text = NULL;
  glong len;
  glong start;
  glong n;
  char *search;

  if (g_rand_boolean (rand) || texts_of->len == 0)
    return random_search_text (rand, 1, 5, TRUE);

  text = g_strdup (g_array_index (texts_of, char *, g_rand_int_range (rand, 0, texts_of->len)));
  len = g_utf8_strlen (text, -1);
  if (len == 0)
    return random_search_text (rand, 1, 5, TRUE);
  start = g_rand_int_range (rand, 0, len);
  n = g_rand_int_range (rand, 1, 7);
  n = MIN (len - start, n);
  search = g_utf8_substring (text, start, start + n);
  for (char *p = search; *p != '\0'; p++)
    if (g_ascii_isalpha (*p) && g_rand_boolean (rand))
      *p = g_ascii_isupper (*p) ? g_ascii_tolower (*p) : g_ascii_toupper (*p);

  return search;
}

static void
free_text (gpointer data)
{
  g_free (*(char **) data);
}

/* Today's rule, read from every row: the text anywhere in the name,
 * email, phone or notes, ASCII case ignored, % _ \ as themselves; by
 * name (NOCASE), then id. `|| ''` keeps any index out of it. */
static GArray *
scan_ids (TpStore    *store,
          const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) pattern = g_string_new ("%");
  TpStatement *stmt;

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  stmt = tp_database_prepare (tp_store_get_database (store),
                              "SELECT c.id FROM customers c WHERE (c.name || '') LIKE ?1 ESCAPE '\\' "
                              "OR (c.email || '') LIKE ?1 ESCAPE '\\' OR (c.phone || '') LIKE ?1 ESCAPE '\\' "
                              "OR (c.notes || '') LIKE ?1 ESCAPE '\\' "
                              "ORDER BY c.name COLLATE NOCASE ASC, c.id ASC", &error);
  g_assert_no_error (error);
  tp_statement_bind_text (stmt, 1, pattern->str);
  while (tp_statement_step (stmt, &error))
    {
      gint64 id = tp_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return g_steal_pointer (&ids);
}

static void
assert_search_same_as_scan (TpStore        *store,
                            TpCustomerList *list,
                            const char     *search)
{
  g_autoptr(GArray) expected = scan_ids (store, search);
  guint n;

  tp_customer_list_set_search_text (list, search);
  wait_loaded (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (n != expected->len)
    g_error ("search “%s”: %u customers listed, %u hold it", search, n, expected->len);
  for (guint i = 0; i < n; i++)
    if (item_id (G_LIST_MODEL (list), i) != g_array_index (expected, gint64, i))
      g_error ("search “%s”: row %u is customer %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
               search, i, item_id (G_LIST_MODEL (list), i), g_array_index (expected, gint64, i));
}

/* Random customers with odd text, edited and deleted, and random searches
 * of one letter and more: the list, which reads a search of three
 * characters or more from the search index (SQLite's FTS5 table, the
 * server's trigram indexes), shows exactly the customers that reading
 * every row finds, in the same order. */
static void
test_customer_search_index (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpCustomerList) list = tp_customer_list_new (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (char *));
  guint n_found = 0;
  guint n_window = 0;
  guint n_beyond = 0;

  g_array_set_clear_func (texts, free_text);
  _tp_customer_list_set_first_rows (list, 2);
  wait_loaded (list);

  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(TpCustomer) customer = tp_customer_new ();

      randomise_customer (customer, rand);
      g_assert_true (tp_store_add_customer (store, customer, &error));
      g_assert_no_error (error);
      g_array_append_vals (ids, (gint64[]) { tp_record_get_id (TP_RECORD (customer)) }, 1);
    }

  for (guint round = 0; round < 4; round++)
    {
      /* Edits and deletes, which the index must follow */
      for (guint i = 0; i < 30 && ids->len > 0; i++)
        {
          guint index = g_rand_int_range (rand, 0, ids->len);
          gint64 id = g_array_index (ids, gint64, index);

          if (g_rand_int_range (rand, 0, 3) == 0)
            {
              TpUndo *undo = tp_store_delete_customer (store, id, &error);

              g_assert_no_error (error);
              g_assert_nonnull (undo);
              tp_undo_unref (undo);
              g_array_remove_index (ids, index);
            }
          else
            {
              g_autoptr(TpCustomer) customer = tp_store_get_customer (store, id, &error);

              g_assert_no_error (error);
              randomise_customer (customer, rand);
              g_assert_true (tp_store_save_customer (store, customer, &error));
              g_assert_no_error (error);
            }
        }

      g_array_set_size (texts, 0);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(TpCustomer) customer = tp_store_get_customer (store, g_array_index (ids, gint64, i),
                                                                  &error);
          char *copies[] = {
            g_strdup (tp_customer_get_name (customer)), g_strdup (tp_customer_get_email (customer)),
            g_strdup (tp_customer_get_phone (customer)), g_strdup (tp_customer_get_notes (customer)),
          };

          g_assert_no_error (error);
          g_array_append_vals (texts, copies, G_N_ELEMENTS (copies));
        }

      for (guint i = 0; i < 60; i++)
        {
          g_autofree char *search = random_search (rand, texts);
          g_autoptr(GArray) expected = scan_ids (store, search);

          n_found += expected->len > 0 && g_utf8_strlen (search, -1) >= 3;
          assert_search_same_as_scan (store, list, search);
        }

      /* One and two characters: the list looks for its first rows among
       * the top of the sort index (FIRST_ROWS_WINDOW × 2 = 100 of about
       * 120 customers), then reads all of them. What it finds there are
       * the first rows of the whole list, in every sort it does so for */
      for (guint i = 0; i < 60; i++)
        {
          static const TpCustomerSort sorts[] = {
            TP_CUSTOMER_SORT_NAME, TP_CUSTOMER_SORT_TOUCHES, TP_CUSTOMER_SORT_LAST_TOUCH,
          };
          g_autofree char *any = random_search (rand, texts);
          g_autofree char *search = g_utf8_substring (any, 0, MIN (g_utf8_strlen (any, -1),
                                                                   g_rand_int_range (rand, 1, 3)));
          TpCustomerSort sort = sorts[i % G_N_ELEMENTS (sorts)];
          g_autoptr(GArray) first = NULL;

          if (sort == TP_CUSTOMER_SORT_NAME)
            assert_search_same_as_scan (store, list, search);
          tp_customer_list_set_sort_key (list, sort);
          tp_customer_list_set_sort_descending (list, g_rand_boolean (rand));
          tp_customer_list_set_search_text (list, search);
          wait_loaded (list);
          first = _tp_customer_list_find_first_rows (list, &error);
          g_assert_no_error (error);
          g_assert_nonnull (first);
          g_assert_cmpuint (first->len, <=, 2);
          g_assert_cmpuint (first->len, <=, g_list_model_get_n_items (G_LIST_MODEL (list)));
          for (guint k = 0; k < first->len; k++)
            g_assert_cmpint (g_array_index (first, gint64, k), ==, item_id (G_LIST_MODEL (list), k));
          if (first->len == 2)
            n_window++;
          else if (g_list_model_get_n_items (G_LIST_MODEL (list)) > first->len)
            n_beyond++;

          tp_customer_list_set_sort_key (list, TP_CUSTOMER_SORT_NAME);
          tp_customer_list_set_sort_descending (list, FALSE);
        }
    }

  /* Both ways were taken: first rows found at the top of the index, and
   * searches whose first rows lay beyond it */
  g_assert_cmpuint (n_window, >, 10);
  g_assert_cmpuint (n_beyond, >, 0);

  /* The searches found customers (they are not all empty), and the rules
   * hold for what they cover: ASCII case ignored, wildcards as themselves */
  g_assert_cmpuint (n_found, >, 20);
  {
    g_autoptr(TpCustomer) ada = tp_customer_new ();
    g_autoptr(TpCustomer) eve = tp_customer_new ();

    tp_customer_set_name (ada, "Ädä 100% Zq_w");
    tp_customer_set_notes (ada, "Kelvin \u212a");
    tp_customer_set_name (eve, "ädä 1000 ZqXw");
    g_assert_true (tp_store_add_customer (store, ada, &error));
    g_assert_true (tp_store_add_customer (store, eve, &error));
    g_assert_no_error (error);

    assert_search_same_as_scan (store, list, "0% zq_");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    assert_search_same_as_scan (store, list, "zq_w");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    assert_search_same_as_scan (store, list, "Ädä");
    assert_search_same_as_scan (store, list, "vin k");
    if (!tp_test_engine_is_pg ())
      {
        /* SQLite's LIKE folds only ASCII: Ä is not ä, the Kelvin sign not k,
         * though the trigram index folds them */
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
        assert_search_same_as_scan (store, list, "Ädä");
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
      }
  }

  /* The search reads the index: SQLite's, with Ada taken out of it,
   * no longer finds her by three letters (by two it reads every row);
   * the server plans its LIKE over the trigram indexes */
  if (!tp_test_engine_is_pg ())
    {
      g_autofree char *sql = NULL;

      assert_search_same_as_scan (store, list, "Zq_");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
      sql = g_strdup_printf ("INSERT INTO customers_search (customers_search, rowid, name, email,"
                             " phone, notes) SELECT 'delete', id, name, email, phone, notes"
                             " FROM customers WHERE name = 'Ädä 100%% Zq_w'");
      g_assert_true (tp_database_exec (tp_store_get_database (store), sql, &error));
      g_assert_no_error (error);
      tp_customer_list_set_search_text (list, "q_w");
      wait_loaded (list);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
      assert_search_same_as_scan (store, list, "q_");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    }
  else
    {
      g_autoptr(GString) plan = g_string_new (NULL);
      TpStatement *stmt;

      g_assert_true (tp_database_exec (tp_store_get_database (store),
                                       "SET enable_seqscan = off", &error));
      g_assert_no_error (error);
      stmt = tp_database_prepare (tp_store_get_database (store),
                                  "EXPLAIN SELECT c.id FROM customers c WHERE c.name LIKE ?1 "
                                  "OR c.email LIKE ?1 OR c.phone LIKE ?1 OR c.notes LIKE ?1",
                                  &error);
      g_assert_no_error (error);
      tp_statement_bind_text (stmt, 1, "%Zq\\_w%");
      while (tp_statement_step (stmt, &error))
        g_string_append_printf (plan, "%s\n", tp_statement_get_text (stmt, 0));
      g_assert_no_error (error);
      tp_statement_reset (stmt);
      g_assert_nonnull (strstr (plan->str, "customers_search_name"));
      g_assert_nonnull (strstr (plan->str, "customers_search_notes"));
      g_assert_true (tp_database_exec (tp_store_get_database (store),
                                       "RESET enable_seqscan", &error));
      g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/touchpoint/models/notify", test_model_notify);
  g_test_add_func ("/touchpoint/models/record-copy", test_record_copy);
  g_test_add_func ("/touchpoint/models/store-list", test_store_list);
  g_test_add_func ("/touchpoint/models/touch-list", test_touch_list);
  g_test_add_func ("/touchpoint/models/customer-list-signals", test_customer_list_signals);
  g_test_add_func ("/touchpoint/models/customer-list-audience", test_customer_list_audience);
  g_test_add_func ("/touchpoint/models/customer-list-random", test_customer_list_random);
  g_test_add_func ("/touchpoint/models/customer-search-index", test_customer_search_index);
  g_test_add_func ("/touchpoint/models/customer-list-name-order", test_customer_list_name_order);
  g_test_add_func ("/touchpoint/models/external-change", test_external_change);
  g_test_add_func ("/touchpoint/models/customer-list-superseded", test_customer_list_superseded);
  g_test_add_func ("/touchpoint/models/customer-list-change-in-flight", test_customer_list_change_in_flight);
  g_test_add_func ("/touchpoint/models/customer-list-first-rows", test_customer_list_first_rows);
  g_test_add_func ("/touchpoint/models/customer-list-async-random", test_customer_list_async_random);
  g_test_add_func ("/touchpoint/models/customer-list-dispose-in-flight", test_customer_list_dispose_in_flight);

  return g_test_run ();
}
