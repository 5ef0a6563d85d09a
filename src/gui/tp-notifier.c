/* tp-notifier.c
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

#define G_LOG_DOMAIN "tp-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-analytics.h"
#include "tp-database.h"
#include "tp-models.h"
#include "tp-notifier.h"
#include "tp-store.h"

/*
 * The follow-up notifications of the application. One notifier, owned by
 * TpApplication, remembers per database which follow-ups were announced
 * this session and which notifications still show, so that a follow-up
 * is announced once whether a window saw it come due or nobody did.
 *
 * While a window shows a database, its Follow-Ups section computes the
 * queue (it must, for its list) and hands what came due to
 * _tp_notifier_announce(). With no window, the notifier watches the
 * database itself (tp_notifier_set_watching()): it computes the queue on
 * a worker with its own read-only connection once at once and then every
 * minute, because time alone brings follow-ups due.
 */

#define SECONDS_PER_DAY        G_GINT64_CONSTANT (86400)
#define CHECK_INTERVAL_SECONDS 60

typedef struct
{
  GHashTable *notified;  /* keys announced this session (guarded by the lock) */
  GHashTable *sent;      /* notification id → key, still shown (main thread) */
} PathState;

static void
path_state_free (gpointer data)
{
  PathState *state = data;

  g_clear_pointer (&state->notified, g_hash_table_unref);
  g_clear_pointer (&state->sent, g_hash_table_unref);
  g_free (state);
}

struct _TpNotifier
{
  GObject       parent_instance;

  GApplication *application;  /* (weak) */
  GMutex        lock;
  GHashTable   *states;       /* database path → PathState */

  char         *watching;     /* (nullable): the database checked on a timer */
  guint         timer_id;
  GCancellable *cancellable;
  gboolean      loading;
  gboolean      dirty;
};

G_DEFINE_FINAL_TYPE (TpNotifier, tp_notifier, G_TYPE_OBJECT)

static PathState *
lookup_state (TpNotifier *self,
              const char *path)
{
  PathState *state = g_hash_table_lookup (self->states, path);

  if (state == NULL)
    {
      state = g_new0 (PathState, 1);
      state->notified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      state->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->states, g_strdup (path), state);
    }

  return state;
}

/**
 * _tp_notifier_dup_key:
 *
 * What identifies one follow-up for notifications: a quiet spell ends
 * with a touch, so a new one starts at another time; a new follow-up
 * interval does not make it another one.
 *
 * Returns: (transfer full): the key
 */
char *
_tp_notifier_dup_key (gboolean planned,
                      gint64   planned_touch_id,
                      gint64   customer_id,
                      gint64   quiet_since)
{
  if (planned)
    return g_strdup_printf ("planned-%" G_GINT64_FORMAT, planned_touch_id);

  return g_strdup_printf ("quiet-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, customer_id, quiet_since);
}

/**
 * _tp_notifier_claim:
 *
 * Marks @key as announced for @database_path. Any thread.
 *
 * Returns: %TRUE when it was not announced before: announce it now
 */
gboolean
_tp_notifier_claim (TpNotifier *self,
                    const char *database_path,
                    const char *key)
{
  PathState *state;
  gboolean fresh;

  g_mutex_lock (&self->lock);
  state = lookup_state (self, database_path);
  fresh = g_hash_table_add (state->notified, g_strdup (key));
  g_mutex_unlock (&self->lock);

  return fresh;
}

/**
 * _tp_notifier_dup_sent_keys:
 *
 * Returns: (transfer full): the keys of @database_path's notifications
 *   that still show
 */
GStrv
_tp_notifier_dup_sent_keys (TpNotifier *self,
                            const char *database_path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;
  PathState *state;

  g_mutex_lock (&self->lock);
  state = lookup_state (self, database_path);
  g_mutex_unlock (&self->lock);

  g_hash_table_iter_init (&iter, state->sent);
  while (g_hash_table_iter_next (&iter, NULL, &key))
    g_strv_builder_add (builder, key);

  return g_strv_builder_end (builder);
}

/* Sending */

/* Without a session bus there is nobody to show a notification to, and
 * GLib would complain about the missing connection. */
static gboolean
can_notify (GApplication *app)
{
  return app != NULL &&
         g_application_get_is_registered (app) &&
         !g_application_get_is_remote (app) &&
         g_application_get_dbus_connection (app) != NULL;
}

static void
send_notice (TpNotifier             *self,
             const TpFollowUpNotice *notice,
             TpFollowUpNotifyFunc    func,
             gpointer                user_data)
{
  g_autoptr(GNotification) notification = g_notification_new (notice->title);

  g_notification_set_body (notification, notice->body);
  if (notice->customer_id > 0)
    g_notification_set_default_action_and_target (notification, notice->action, "x", notice->customer_id);
  else
    g_notification_set_default_action (notification, notice->action);

  if (func != NULL)
    {
      func (notification, notice, user_data);
      return;
    }

  if (can_notify (self->application))
    g_application_send_notification (self->application, notice->id, notification);
}

static char *
dup_body (const TpFollowUpDue *due)
{
  if (due->planned)
    {
      if (due->planned_detail == NULL)
        return g_strdup (_("A planned touch is due."));

      /* Translators: the body of a notification; %s is the planned touch's channel (and note) */
      return g_strdup_printf (_("A planned touch is due — %s"), due->planned_detail);
    }

  if (due->touch_count == 0)
    {
      /* Translators: the body of a notification about a customer never touched */
      return g_strdup_printf (ngettext ("Added %u day ago and not touched yet.",
                                        "Added %u days ago and not touched yet.",
                                        due->days_quiet),
                              due->days_quiet);
    }

  /* Translators: the body of a notification about a customer who has not bought */
  return g_strdup_printf (ngettext ("No touch for %u day, and no purchase yet.",
                                    "No touch for %u days, and no purchase yet.",
                                    due->days_quiet),
                          due->days_quiet);
}

static void
announce_one (TpNotifier           *self,
              PathState            *state,
              const TpFollowUpDue  *due,
              TpFollowUpNotifyFunc  func,
              gpointer              user_data)
{
  g_autofree char *id = g_strdup_printf ("follow-up-%" G_GINT64_FORMAT, due->customer_id);
  /* Translators: the title of a notification; %s is a customer */
  g_autofree char *title = g_strdup_printf (_("Follow up with %s"), due->name);
  g_autofree char *body = dup_body (due);
  TpFollowUpNotice notice = { id, title, body, "app.show-customer", due->customer_id };

  send_notice (self, &notice, func, user_data);
  g_hash_table_replace (state->sent, g_steal_pointer (&id), g_strdup (due->key));
}

static void
announce_summary (TpNotifier           *self,
                  const TpFollowUpDue  *due,
                  guint                 n_due,
                  TpFollowUpNotifyFunc  func,
                  gpointer              user_data)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  TpFollowUpNotice notice = { "follow-ups", NULL, NULL, "app.show-follow-ups", 0 };
  guint shown = MIN (n_due, TP_NOTIFIER_MAX_SINGLE);
  guint rest = n_due - shown;

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: the separator between customer names in a list */
        g_string_append (names, _(", "));
      g_string_append (names, due[i].name);
    }

  /* Translators: the title of a notification about several follow-ups at once */
  title = g_strdup_printf (ngettext ("%u follow-up is due", "%u follow-ups are due", n_due), n_due);
  /* Translators: the body of a notification; %s is a list of customer names, %u how many
   * more customers are due */
  body = g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", rest), names->str, rest);

  notice.title = title;
  notice.body = body;
  send_notice (self, &notice, func, user_data);
}

/**
 * _tp_notifier_announce:
 * @self: a #TpNotifier
 * @database_path: the database the follow-ups are in
 * @due: (array length=n_due): what came due and was claimed
 * @n_due: how many
 * @gone: (nullable): keys of shown notifications no longer due
 * @func: (nullable): a sender that records instead (tests)
 * @user_data: for @func
 *
 * Withdraws the notifications of follow-ups that were answered, then
 * announces what came due: one notification each, or one that sums them
 * up past %TP_NOTIFIER_MAX_SINGLE.
 */
void
_tp_notifier_announce (TpNotifier           *self,
                       const char           *database_path,
                       const TpFollowUpDue  *due,
                       guint                 n_due,
                       const char * const   *gone,
                       TpFollowUpNotifyFunc  func,
                       gpointer              user_data)
{
  GHashTableIter iter;
  gpointer id, key;
  PathState *state;

  g_return_if_fail (TP_IS_NOTIFIER (self));

  g_mutex_lock (&self->lock);
  state = lookup_state (self, database_path);
  g_mutex_unlock (&self->lock);

  /* A follow-up that was answered takes its notification with it. */
  if (gone != NULL && gone[0] != NULL)
    {
      g_hash_table_iter_init (&iter, state->sent);
      while (g_hash_table_iter_next (&iter, &id, &key))
        {
          if (g_strv_contains (gone, key))
            {
              if (func == NULL && can_notify (self->application))
                g_application_withdraw_notification (self->application, id);
              g_hash_table_iter_remove (&iter);
            }
        }
    }

  if (n_due == 0)
    return;

  if (n_due > TP_NOTIFIER_MAX_SINGLE)
    {
      announce_summary (self, due, n_due, func, user_data);
      return;
    }

  for (guint i = 0; i < n_due; i++)
    announce_one (self, state, &due[i], func, user_data);
}

/* Watching a database without a window */

typedef struct
{
  char       *path;
  TpNotifier *notifier;
  GStrv       sent_keys;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_clear_pointer (&check->path, g_free);
  g_clear_object (&check->notifier);
  g_clear_pointer (&check->sent_keys, g_strfreev);
  g_free (check);
}

typedef struct
{
  GArray    *due;      /* TpFollowUpDue, with strings of its own */
  GPtrArray *strings;  /* what the entries point to */
  GPtrArray *gone;     /* char *, NULL-terminated */
} CheckResult;

static void
check_result_free (gpointer data)
{
  CheckResult *result = data;

  g_clear_pointer (&result->due, g_array_unref);
  g_clear_pointer (&result->strings, g_ptr_array_unref);
  g_clear_pointer (&result->gone, g_ptr_array_unref);
  g_free (result);
}

static const char *
keep (CheckResult *result,
      char        *text)
{
  if (text != NULL)
    g_ptr_array_add (result->strings, text);
  return text;
}

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

/**
 * _tp_notifier_dup_planned_detail:
 *
 * Returns: (transfer full) (nullable): what a planned touch's notification
 *   says of it: its channel, and its note
 */
char *
_tp_notifier_dup_planned_detail (TpStore *store,
                                 gint64   touch_id)
{
  return dup_planned_detail (store, touch_id);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *check = task_data;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(TpStore) store = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) touch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TpAnalyticsSettings settings;
  CheckResult *result;
  GError *error = NULL;

  db = tp_database_open_full (check->path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  tp_analytics_settings_init_defaults (&settings);
  if (!tp_analytics_settings_load (&settings, db, &error) ||
      (queue = tp_analytics_follow_ups (db, &settings, now, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (CheckResult, 1);
  result->due = g_array_new (FALSE, TRUE, sizeof (TpFollowUpDue));
  result->strings = g_ptr_array_new_with_free_func (g_free);
  result->gone = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < queue->len; i++)
    {
      const TpFollowUp *entry = &g_array_index (queue, TpFollowUp, i);
      gboolean planned = entry->reason == TP_FOLLOW_UP_REASON_PLANNED_DUE;
      gint64 quiet_since = planned ? 0 : entry->due_at - settings.followup_days * SECONDS_PER_DAY;
      char *key = _tp_notifier_dup_key (planned, entry->planned_touch_id, entry->customer_id,
                                        quiet_since);

      if (_tp_notifier_claim (check->notifier, check->path, key))
        {
          TpFollowUpDue due = {
            entry->customer_id,
            keep (result, g_strdup (entry->name)),
            keep (result, g_strdup (key)),
            planned,
            NULL,
            entry->touch_count,
            entry->days_quiet,
          };

          g_array_append_val (result->due, due);
          g_array_append_val (touch_ids, entry->planned_touch_id);
        }
      g_hash_table_add (current, key);
    }

  /* Only single notifications say what a planned touch is. */
  for (guint i = 0; result->due->len <= TP_NOTIFIER_MAX_SINGLE && i < result->due->len; i++)
    {
      TpFollowUpDue *due = &g_array_index (result->due, TpFollowUpDue, i);

      if (!due->planned)
        continue;

      if (store == NULL)
        store = tp_store_new (db);
      due->planned_detail = keep (result, dup_planned_detail (store, g_array_index (touch_ids, gint64, i)));
    }

  for (guint i = 0; check->sent_keys[i] != NULL; i++)
    {
      if (!g_hash_table_contains (current, check->sent_keys[i]))
        g_ptr_array_add (result->gone, g_strdup (check->sent_keys[i]));
    }
  g_ptr_array_add (result->gone, NULL);

  g_task_return_pointer (task, result, check_result_free);
}

static void start_check (TpNotifier *self);

static void
check_done_cb (GObject      *source_object,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(TpNotifier) self = user_data;
  CheckData *check = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  CheckResult *result;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;

  if (result != NULL)
    {
      _tp_notifier_announce (self, check->path,
                             (const TpFollowUpDue *) (gpointer) result->due->data, result->due->len,
                             (const char * const *) result->gone->pdata, NULL, NULL);
      check_result_free (result);
    }
  else
    g_debug ("Could not check %s for follow-ups: %s", check->path, error->message);

  if (self->dirty)
    {
      self->dirty = FALSE;
      start_check (self);
    }
}

static void
start_check (TpNotifier *self)
{
  g_autoptr(GTask) task = NULL;
  CheckData *check;

  if (self->watching == NULL)
    return;

  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }

  check = g_new0 (CheckData, 1);
  check->path = g_strdup (self->watching);
  check->notifier = g_object_ref (self);
  check->sent_keys = _tp_notifier_dup_sent_keys (self, self->watching);

  self->loading = TRUE;
  task = g_task_new (NULL, self->cancellable, check_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_check);
  g_task_set_name (task, "[touchpoint] follow-up check");
  g_task_set_task_data (task, check, check_data_free);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  start_check (TP_NOTIFIER (user_data));

  return G_SOURCE_CONTINUE;
}

/**
 * tp_notifier_set_watching:
 * @self: a #TpNotifier
 * @database_path: (nullable): the database to check on its own, or %NULL
 *
 * Checks @database_path for follow-ups that came due now and then every
 * minute, and announces them: what the application does while no window
 * shows the database. %NULL stops.
 */
void
tp_notifier_set_watching (TpNotifier *self,
                          const char *database_path)
{
  g_return_if_fail (TP_IS_NOTIFIER (self));

  if (g_strcmp0 (self->watching, database_path) == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->loading = FALSE;
  self->dirty = FALSE;

  g_free (self->watching);
  self->watching = g_strdup (database_path);
  if (database_path == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->timer_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_timeout_cb, self);
  start_check (self);
}

/**
 * tp_notifier_check:
 * @self: a #TpNotifier
 *
 * Checks the watched database now.
 */
void
tp_notifier_check (TpNotifier *self)
{
  g_return_if_fail (TP_IS_NOTIFIER (self));

  start_check (self);
}

/**
 * tp_notifier_new:
 * @application: the application that sends the notifications
 *
 * Returns: (transfer full): a new notifier
 */
TpNotifier *
tp_notifier_new (GApplication *application)
{
  TpNotifier *self = g_object_new (TP_TYPE_NOTIFIER, NULL);

  g_set_weak_pointer (&self->application, application);

  return self;
}

static void
tp_notifier_dispose (GObject *object)
{
  TpNotifier *self = TP_NOTIFIER (object);

  tp_notifier_set_watching (self, NULL);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (tp_notifier_parent_class)->dispose (object);
}

static void
tp_notifier_finalize (GObject *object)
{
  TpNotifier *self = TP_NOTIFIER (object);

  g_clear_pointer (&self->states, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tp_notifier_parent_class)->finalize (object);
}

static void
tp_notifier_class_init (TpNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_notifier_dispose;
  object_class->finalize = tp_notifier_finalize;
}

static void
tp_notifier_init (TpNotifier *self)
{
  g_mutex_init (&self->lock);
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, path_state_free);
}
