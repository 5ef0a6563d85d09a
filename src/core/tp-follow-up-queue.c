/* tp-follow-up-queue.c
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

#define G_LOG_DOMAIN "tp-follow-up-queue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-analytics.h"
#include "tp-follow-up-item-private.h"
#include "tp-follow-up-queue.h"
#include "tp-models.h"

/*
 * The follow-up queue: customers who have gone quiet before buying, and
 * planned touches that have come due (tp_analytics_follow_ups() decides
 * who), most urgent first, as a list model of TpFollowUpItem.
 *
 * The queue is computed on a worker thread with its own read-only
 * connection, because its cost grows with the number of customers; it is
 * computed again when the store changes, when its settings change, and
 * every minute, because time alone brings follow-ups due. Without a store
 * (tp_follow_up_queue_new_for_path(), what the notifier watches while no
 * window is open) it reads the settings from the database too.
 *
 * Besides the queue, a load works out what the main thread would
 * otherwise have to walk the whole queue for, which with a large business
 * is tens of thousands of entries: how the new queue differs from the one
 * shown, the key of each entry, and which entries the claim function
 * (the notifier's "not announced before") takes. The main thread then
 * only splices and emits TpFollowUpQueue::loaded.
 */

#define CHECK_INTERVAL_SECONDS 60

typedef struct
{
  TpFollowUpClaimFunc func;
  gpointer            user_data;
  GDestroyNotify      destroy;
} Claimer;

static void
claimer_clear (gpointer data)
{
  Claimer *claimer = data;

  if (claimer->destroy != NULL)
    claimer->destroy (claimer->user_data);
}

static void
claimer_release (Claimer *claimer)
{
  g_atomic_rc_box_release_full (claimer, claimer_clear);
}

struct _TpFollowUpQueue
{
  GObject       parent_instance;

  GListStore   *items;        /* TpFollowUpItem, most urgent first */
  GPtrArray    *current;      /* the same, as the last load found it */
  GHashTable   *keys;         /* (nullable): the key of each, from the last load */

  TpStore      *store;        /* (nullable) */
  char         *path;         /* (nullable): the database read without a store */
  GDateTime    *now;          /* (nullable): a fixed "now" for tests */
  Claimer      *claimer;      /* (nullable) */

  GCancellable *cancellable;
  guint         refresh_id;
  guint         delay_id;
  guint         timer_id;
  gboolean      running;      /* a load is on the worker */
  gboolean      dirty;        /* asked to load while one ran */
  gboolean      loading;      /* as last notified */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpFollowUpQueue, tp_follow_up_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOW,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_load (TpFollowUpQueue *self);

/* GListModel */

static GType
tp_follow_up_queue_get_item_type (GListModel *model)
{
  return TP_TYPE_FOLLOW_UP_ITEM;
}

static guint
tp_follow_up_queue_get_n_items (GListModel *model)
{
  TpFollowUpQueue *self = TP_FOLLOW_UP_QUEUE (model);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

static gpointer
tp_follow_up_queue_get_item (GListModel *model,
                             guint       position)
{
  TpFollowUpQueue *self = TP_FOLLOW_UP_QUEUE (model);

  return g_list_model_get_item (G_LIST_MODEL (self->items), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tp_follow_up_queue_get_item_type;
  iface->get_n_items = tp_follow_up_queue_get_n_items;
  iface->get_item = tp_follow_up_queue_get_item;
}

static void
on_items_changed_cb (TpFollowUpQueue *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *items)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Loading state */

static void
update_loading (TpFollowUpQueue *self)
{
  gboolean loading = self->running || self->delay_id != 0;

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* One load */

/* One g_list_store_splice() that turns the queue shown into the new one:
 * at @position, @n_removed entries go and @n_added of the new queue, from
 * @added, come in. Positions count the splices before. */
typedef struct
{
  guint position;
  guint n_removed;
  guint added;
  guint n_added;
} Splice;

typedef struct
{
  GPtrArray  *items;    /* TpFollowUpItem: the whole new queue */
  GArray     *splices;  /* Splice, in order */
  GPtrArray  *fresh;    /* TpFollowUpItem: taken by the claim function */
  GHashTable *keys;     /* the key of each entry */
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_clear_pointer (&result->splices, g_array_unref);
  g_clear_pointer (&result->fresh, g_ptr_array_unref);
  g_clear_pointer (&result->keys, g_hash_table_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

typedef struct
{
  char                *path;
  gboolean             have_settings;  /* from the store; else read them */
  TpAnalyticsSettings  settings;
  GDateTime           *now;
  GPtrArray           *old;            /* the queue shown when the load started */
  Claimer             *claimer;        /* (nullable) */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_pointer (&load->path, g_free);
  g_clear_pointer (&load->now, g_date_time_unref);
  g_clear_pointer (&load->old, g_ptr_array_unref);
  g_clear_pointer (&load->claimer, claimer_release);
  g_free (load);
}

/* What a planned touch is: its channel, and its note. */
static char *
dup_planned_detail (TpStore *store,
                    gint64   touch_id)
{
  g_autoptr(TpTouch) touch = tp_store_get_touch (store, touch_id, NULL);
  const char *note;

  if (touch == NULL)
    return NULL;

  note = tp_touch_get_note (touch);
  if (note == NULL || note[0] == '\0')
    return g_strdup (tp_channel_get_label (tp_touch_get_channel (touch)));

  /* Translators: a planned touch's channel, then its note, as in "Call: ask about the fitting" */
  return g_strdup_printf (_("%s: %s"), tp_channel_get_label (tp_touch_get_channel (touch)), note);
}

static GPtrArray *
build_items (TpDatabase                 *db,
             TpStore                    *store,
             const TpAnalyticsSettings  *settings,
             GDateTime                  *now,
             GError                    **error)
{
  g_autoptr(GArray) queue = tp_analytics_follow_ups (db, settings, now, error);
  g_autoptr(TpStore) own_store = NULL;
  GPtrArray *items;

  if (queue == NULL)
    return NULL;

  items = g_ptr_array_new_full (queue->len, g_object_unref);
  for (guint i = 0; i < queue->len; i++)
    {
      const TpFollowUp *entry = &g_array_index (queue, TpFollowUp, i);
      g_autofree char *detail = NULL;

      if (entry->reason == TP_FOLLOW_UP_REASON_PLANNED_DUE)
        {
          if (store == NULL)
            store = own_store = tp_store_new (db);
          detail = dup_planned_detail (store, entry->planned_touch_id);
        }

      g_ptr_array_add (items, _tp_follow_up_item_new (entry, settings->followup_days, detail));
    }

  return items;
}

/* Adds one step to the splices: removing the old entry at @position,
 * inserting the new entry @added there, or both. */
static void
add_step (GArray *splices,
          guint   position,
          guint   n_removed,
          guint   added,
          guint   n_added)
{
  Splice *last = splices->len > 0 ? &g_array_index (splices, Splice, splices->len - 1) : NULL;

  if (last != NULL && last->position + last->n_added == position)
    {
      last->n_removed += n_removed;
      if (last->n_added == 0)
        last->added = added;
      last->n_added += n_added;
      return;
    }

  g_array_append_val (splices, ((Splice) { position, n_removed, added, n_added }));
}

/*
 * Compares the old queue with the new one as two sorted lists, so that
 * each change is its own small splice: logging a touch removes one row,
 * and a quiet spell that passes midnight redraws one row, even with tens
 * of thousands of entries in between. Whatever the order, applying the
 * splices gives the new queue: the first @position entries of the list
 * are always the new queue's.
 */
static GArray *
diff_queues (GPtrArray *old,
             GPtrArray *items)
{
  GArray *splices = g_array_new (FALSE, FALSE, sizeof (Splice));
  guint i = 0, j = 0;

  while (i < old->len || j < items->len)
    {
      TpFollowUpItem *a = i < old->len ? g_ptr_array_index (old, i) : NULL;
      TpFollowUpItem *b = j < items->len ? g_ptr_array_index (items, j) : NULL;

      if (a != NULL && b != NULL && _tp_follow_up_item_same (a, b))
        {
          if (!_tp_follow_up_item_equal (a, b))
            add_step (splices, j, 1, j, 1);
          else
            {
              /* Keep the shown object, and drop the new one here on the
               * worker rather than on the main thread later. */
              items->pdata[j] = g_object_ref (a);
              g_object_unref (b);
            }
          i++;
          j++;
        }
      else if (b == NULL || (a != NULL && _tp_follow_up_item_compare (a, b) < 0))
        {
          add_step (splices, j, 1, 0, 0);
          i++;
        }
      else
        {
          add_step (splices, j, 0, j, 1);
          j++;
        }
    }

  return splices;
}

static LoadResult *
run_load (LoadData    *load,
          TpDatabase  *db,
          TpStore     *store,
          GError     **error)
{
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);

  if (!load->have_settings)
    {
      tp_analytics_settings_init_defaults (&load->settings);
      if (!tp_analytics_settings_load (&load->settings, db, error))
        return NULL;
    }

  result->items = build_items (db, store, &load->settings, load->now, error);
  if (result->items == NULL)
    return NULL;

  result->splices = diff_queues (load->old, result->items);
  result->fresh = g_ptr_array_new_with_free_func (g_object_unref);
  result->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < result->items->len; i++)
    {
      TpFollowUpItem *item = g_ptr_array_index (result->items, i);
      char *key = tp_follow_up_item_dup_key (item);

      if (load->claimer != NULL && load->claimer->func (item, key, load->claimer->user_data))
        g_ptr_array_add (result->fresh, g_object_ref (item));

      g_hash_table_add (result->keys, key);
    }

  return g_steal_pointer (&result);
}

static void
apply_result (TpFollowUpQueue *self,
              LoadResult      *result)
{
  guint old_n = self->current->len;
  guint new_n = result->items->len;

  for (guint i = 0; i < result->splices->len; i++)
    {
      const Splice *splice = &g_array_index (result->splices, Splice, i);

      g_list_store_splice (self->items, splice->position, splice->n_removed,
                           result->items->pdata + splice->added, splice->n_added);
    }
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == new_n);

  g_clear_pointer (&self->current, g_ptr_array_unref);
  self->current = g_ptr_array_ref (result->items);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  if (result->keys != NULL)
    self->keys = g_hash_table_ref (result->keys);

  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (result->fresh != NULL)
    g_signal_emit (self, signals[LOADED], 0, result->fresh);
}

static void
clear_queue (TpFollowUpQueue *self)
{
  g_autoptr(LoadResult) empty = g_new0 (LoadResult, 1);

  empty->items = g_ptr_array_new ();
  empty->splices = diff_queues (self->current, empty->items);
  apply_result (self, empty);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;
  LoadResult *result;

  db = tp_database_open_full (load->path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = run_load (load, db, NULL, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, load_result_free);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TpFollowUpQueue) self = user_data;
  g_autoptr(LoadResult) load_result = NULL;
  g_autoptr(GError) error = NULL;

  load_result = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->running = FALSE;

  if (load_result != NULL)
    apply_result (self, load_result);
  else
    g_debug ("Could not build the follow-up queue: %s", error->message);

  if (self->dirty)
    {
      self->dirty = FALSE;
      start_load (self);
    }

  update_loading (self);
}

/* Builds the queue again now: on a worker for a file, here for a
 * database in memory, which no other connection can see. */
static void
run_load_now (TpFollowUpQueue *self)
{
  g_autoptr(GTask) task = NULL;
  TpDatabase *db = self->store != NULL ? tp_store_get_database (self->store) : NULL;
  LoadData *load;

  load = g_new0 (LoadData, 1);
  load->path = g_strdup (db != NULL ? tp_database_get_path (db) : self->path);
  load->now = tp_follow_up_queue_dup_now (self);
  load->old = g_ptr_array_ref (self->current);
  if (self->claimer != NULL)
    load->claimer = g_atomic_rc_box_acquire (self->claimer);
  if (self->store != NULL)
    {
      load->have_settings = TRUE;
      tp_analytics_settings_init_defaults (&load->settings);
      load->settings.band_low = tp_store_get_band_low (self->store);
      load->settings.band_high = tp_store_get_band_high (self->store);
      load->settings.followup_days = tp_store_get_followup_days (self->store);
    }

  if (db != NULL && !tp_database_path_can_reopen (load->path))
    {
      g_autoptr(LoadResult) result = NULL;
      g_autoptr(GError) error = NULL;

      result = run_load (load, db, self->store, &error);
      load_data_free (load);

      if (result != NULL)
        apply_result (self, result);
      else
        g_debug ("Could not build the follow-up queue: %s", error->message);
      return;
    }

  self->running = TRUE;

  /* The task holds no queue: the worker may drop it last, and the queue
   * must not be finalized on a worker thread. */
  task = g_task_new (NULL, self->cancellable, load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_load_now);
  g_task_set_name (task, "[touchpoint] follow-up queue");
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* Builds the queue again, unless a build is running: then once more when
 * it is done. */
static void
start_load (TpFollowUpQueue *self)
{
  if (self->store == NULL && self->path == NULL)
    return;

  if (self->running)
    {
      self->dirty = TRUE;
      return;
    }

  run_load_now (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  TpFollowUpQueue *self = user_data;

  self->refresh_id = 0;
  start_load (self);
  update_loading (self);

  return G_SOURCE_REMOVE;
}

static gboolean
delay_cb (gpointer user_data)
{
  TpFollowUpQueue *self = user_data;

  self->delay_id = 0;

  /* This load reads the changes made while it waited: they need no other. */
  self->dirty = FALSE;
  start_load (self);
  update_loading (self);

  return G_SOURCE_REMOVE;
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  TpFollowUpQueue *self = user_data;

  start_load (self);
  update_loading (self);

  return G_SOURCE_CONTINUE;
}

static void
on_store_changed_cb (TpFollowUpQueue *self)
{
  tp_follow_up_queue_refresh (self);
}

/* Stops whatever was loading or about to, for another source. */
static void
reset (TpFollowUpQueue *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = FALSE;
  self->dirty = FALSE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->delay_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
}

/* Public API */

/**
 * tp_follow_up_queue_new:
 *
 * Returns: (transfer full): an empty queue; give it a store with
 *   tp_follow_up_queue_set_store()
 */
TpFollowUpQueue *
tp_follow_up_queue_new (void)
{
  return g_object_new (TP_TYPE_FOLLOW_UP_QUEUE, NULL);
}

/**
 * tp_follow_up_queue_new_for_path:
 * @database_path: a database file
 *
 * A queue that reads @database_path on its own connections, with the
 * settings stored there, soon and then every minute: what watches a
 * database that no window has open.
 *
 * Returns: (transfer full): a new queue
 */
TpFollowUpQueue *
tp_follow_up_queue_new_for_path (const char *database_path)
{
  TpFollowUpQueue *self;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (TP_TYPE_FOLLOW_UP_QUEUE, NULL);
  self->path = g_strdup (database_path);
  self->timer_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_timeout_cb, self);
  tp_follow_up_queue_refresh (self);

  return self;
}

/**
 * tp_follow_up_queue_get_store:
 * @self: a #TpFollowUpQueue
 *
 * Returns: (transfer none) (nullable): the store whose follow-ups these are
 */
TpStore *
tp_follow_up_queue_get_store (TpFollowUpQueue *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_QUEUE (self), NULL);

  return self->store;
}

/**
 * tp_follow_up_queue_set_store:
 * @self: a #TpFollowUpQueue
 * @store: (nullable): a store
 *
 * Computes the follow-ups of @store soon (or when
 * tp_follow_up_queue_load_later() says), and again whenever it changes
 * and every minute. %NULL empties the queue.
 */
void
tp_follow_up_queue_set_store (TpFollowUpQueue *self,
                              TpStore         *store)
{
  g_return_if_fail (TP_IS_FOLLOW_UP_QUEUE (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  reset (self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::customers",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::touches",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::orders",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::band-high",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::followup-days",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

      self->timer_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_timeout_cb, self);
      tp_follow_up_queue_refresh (self);
    }
  else
    {
      clear_queue (self);
    }

  update_loading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_follow_up_queue_get_now:
 * @self: a #TpFollowUpQueue
 *
 * Returns: (transfer none) (nullable): the fixed time the queue is
 *   computed for, or %NULL for the clock's
 */
GDateTime *
tp_follow_up_queue_get_now (TpFollowUpQueue *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_QUEUE (self), NULL);

  return self->now;
}

/**
 * tp_follow_up_queue_set_now:
 * @self: a #TpFollowUpQueue
 * @now: (nullable): a fixed time, or %NULL to follow the clock
 *
 * Computes the queue as if it were @now: what tests use to build a queue
 * from fixed dates.
 */
void
tp_follow_up_queue_set_now (TpFollowUpQueue *self,
                            GDateTime       *now)
{
  g_return_if_fail (TP_IS_FOLLOW_UP_QUEUE (self));

  if (self->now == now ||
      (self->now != NULL && now != NULL && g_date_time_equal (self->now, now)))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  tp_follow_up_queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

/**
 * tp_follow_up_queue_dup_now:
 * @self: a #TpFollowUpQueue
 *
 * Returns: (transfer full): the time the queue is computed for: the fixed
 *   one, or the clock's now
 */
GDateTime *
tp_follow_up_queue_dup_now (TpFollowUpQueue *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_QUEUE (self), NULL);

  if (self->now != NULL)
    return g_date_time_ref (self->now);

  return g_date_time_new_now_utc ();
}

/**
 * tp_follow_up_queue_get_loading:
 * @self: a #TpFollowUpQueue
 *
 * Returns: whether the queue is being computed, or is about to be
 */
gboolean
tp_follow_up_queue_get_loading (TpFollowUpQueue *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_QUEUE (self), FALSE);

  return self->running || self->delay_id != 0 || self->refresh_id != 0;
}

/**
 * tp_follow_up_queue_refresh:
 * @self: a #TpFollowUpQueue
 *
 * Computes the queue again soon; several calls in a row compute it once.
 */
void
tp_follow_up_queue_refresh (TpFollowUpQueue *self)
{
  g_return_if_fail (TP_IS_FOLLOW_UP_QUEUE (self));

  /* A load that waits reads these changes too. */
  if (self->delay_id != 0)
    return;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

/**
 * tp_follow_up_queue_load:
 * @self: a #TpFollowUpQueue
 *
 * Computes the queue again now (once more after the load that runs),
 * also in place of a load that waits.
 */
void
tp_follow_up_queue_load (TpFollowUpQueue *self)
{
  g_return_if_fail (TP_IS_FOLLOW_UP_QUEUE (self));

  if (self->delay_id != 0)
    {
      g_clear_handle_id (&self->delay_id, g_source_remove);
      self->dirty = FALSE;
    }
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  start_load (self);
  update_loading (self);
}

/**
 * tp_follow_up_queue_load_later:
 * @self: a #TpFollowUpQueue
 * @delay_ms: how long to wait
 *
 * Computes the queue in @delay_ms, and not before, whatever changes
 * meanwhile: at start the window's first frame needs the processor more
 * than a queue nobody sees. The queue counts as loading meanwhile.
 */
void
tp_follow_up_queue_load_later (TpFollowUpQueue *self,
                               guint            delay_ms)
{
  g_return_if_fail (TP_IS_FOLLOW_UP_QUEUE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->delay_id, g_source_remove);
  self->delay_id = g_timeout_add (delay_ms, delay_cb, self);
  update_loading (self);
}

/**
 * tp_follow_up_queue_get_load_pending:
 * @self: a #TpFollowUpQueue
 *
 * Returns: whether a load waits for tp_follow_up_queue_load_later()'s time
 */
gboolean
tp_follow_up_queue_get_load_pending (TpFollowUpQueue *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_QUEUE (self), FALSE);

  return self->delay_id != 0;
}

/**
 * tp_follow_up_queue_set_claim_func:
 * @self: a #TpFollowUpQueue
 * @func: (nullable): what decides, on the worker, which entries came due
 * @user_data: data for @func; it must be safe to use from any thread
 * @destroy: (nullable): frees @user_data, on any thread
 *
 * Each load hands the entries @func takes to #TpFollowUpQueue::loaded.
 */
void
tp_follow_up_queue_set_claim_func (TpFollowUpQueue     *self,
                                   TpFollowUpClaimFunc  func,
                                   gpointer             user_data,
                                   GDestroyNotify       destroy)
{
  g_return_if_fail (TP_IS_FOLLOW_UP_QUEUE (self));

  g_clear_pointer (&self->claimer, claimer_release);
  if (func == NULL)
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  self->claimer = g_atomic_rc_box_new0 (Claimer);
  self->claimer->func = func;
  self->claimer->user_data = user_data;
  self->claimer->destroy = destroy;
}

/**
 * tp_follow_up_queue_contains_key:
 * @self: a #TpFollowUpQueue
 * @key: a key of tp_follow_up_item_dup_key()
 *
 * Returns: whether the last load found the follow-up @key is of
 */
gboolean
tp_follow_up_queue_contains_key (TpFollowUpQueue *self,
                                 const char      *key)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_QUEUE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return self->keys != NULL && g_hash_table_contains (self->keys, key);
}

/* GObject */

static void
tp_follow_up_queue_dispose (GObject *object)
{
  TpFollowUpQueue *self = TP_FOLLOW_UP_QUEUE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->delay_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->claimer, claimer_release);

  G_OBJECT_CLASS (tp_follow_up_queue_parent_class)->dispose (object);
}

static void
tp_follow_up_queue_finalize (GObject *object)
{
  TpFollowUpQueue *self = TP_FOLLOW_UP_QUEUE (object);

  g_clear_object (&self->items);
  g_clear_pointer (&self->current, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (tp_follow_up_queue_parent_class)->finalize (object);
}

static void
tp_follow_up_queue_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpFollowUpQueue *self = TP_FOLLOW_UP_QUEUE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, tp_follow_up_queue_get_loading (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->items)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_follow_up_queue_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpFollowUpQueue *self = TP_FOLLOW_UP_QUEUE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_follow_up_queue_set_store (self, g_value_get_object (value));
      break;

    case PROP_NOW:
      tp_follow_up_queue_set_now (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_follow_up_queue_class_init (TpFollowUpQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_follow_up_queue_dispose;
  object_class->finalize = tp_follow_up_queue_finalize;
  object_class->get_property = tp_follow_up_queue_get_property;
  object_class->set_property = tp_follow_up_queue_set_property;

  /**
   * TpFollowUpQueue:store:
   *
   * The store whose follow-ups the queue holds.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpFollowUpQueue:now:
   *
   * A fixed time to compute the queue for, or %NULL for the clock's.
   */
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpFollowUpQueue:loading:
   *
   * Whether the queue is being computed, or waits to be.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * TpFollowUpQueue:n-items:
   *
   * How many follow-ups are due; notified once per load.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpFollowUpQueue::loaded:
   * @self: a #TpFollowUpQueue
   * @came_due: (element-type TpFollowUpItem): the entries the claim
   *   function took
   *
   * Emitted after each load, once the queue shows its result.
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
tp_follow_up_queue_init (TpFollowUpQueue *self)
{
  self->items = g_list_store_new (TP_TYPE_FOLLOW_UP_ITEM);
  self->current = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->items, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
}
