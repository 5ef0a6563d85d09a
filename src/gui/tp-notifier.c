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

#include "tp-notifier.h"
#include "tp-store.h"

/*
 * The follow-up notifications of the application. One notifier, owned by
 * TpApplication, remembers per database which follow-ups were announced
 * this session and which notifications still show, so that a follow-up
 * is announced once whether a window saw it come due or nobody did.
 *
 * What came due comes from a TpFollowUpQueue: while a window shows a
 * database, its Follow-Ups section's queue (it must compute one for its
 * list) hands what came due to _tp_notifier_announce(). With no window,
 * the notifier keeps a queue of its own on the database
 * (tp_notifier_set_watching()), which reads it on a worker with a
 * read-only connection at once and then every minute, because time alone
 * brings follow-ups due. Either queue claims its entries through
 * _tp_notifier_attach(), on its worker.
 *
 * On a team database the same person may have windows open on several
 * desktops, each with its own notifier: a follow-up fresh to this
 * session is also claimed on the server for the person and the day
 * (tp_store_claim_notice_on()), and only the window whose claim made the
 * row announces it.
 */

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
  GObject          parent_instance;

  GApplication    *application;  /* (weak) */
  GMutex           lock;
  GHashTable      *states;       /* database path → PathState */

  GSettings       *settings;
  char            *person;       /* the name set in Preferences (guarded by the lock) */

  char            *watching;     /* (nullable): the database checked on its own */
  TpFollowUpQueue *queue;        /* (nullable): its queue */
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

/* On a team database: whether this window is the one to tell its
 * person of @key today. Any thread; a connection of its own, as the
 * queue's may only read. If the server cannot be asked, better told
 * twice than never. */
static gboolean
claim_on_server (TpNotifier *self,
                 const char *database_path,
                 const char *key)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *person = NULL;
  gboolean claimed = FALSE;

  db = tp_database_open_full (database_path, TP_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL)
    {
      g_debug ("Could not claim %s: %s", key, error->message);
      return TRUE;
    }

  g_mutex_lock (&self->lock);
  person = g_strdup (self->person);
  g_mutex_unlock (&self->lock);
  if (person == NULL || person[0] == '\0')
    {
      g_free (person);
      person = g_strdup (tp_store_default_person (db));
    }

  if (!tp_store_claim_notice_on (db, person, key, day, &claimed, &error))
    {
      g_debug ("Could not claim %s: %s", key, error->message);
      return TRUE;
    }

  return claimed;
}

/* Marks @key as announced for @database_path. Any thread. Returns
 * %TRUE when it was not announced before (and, on a team database, no
 * other window of the person announced it today): announce it now. */
static gboolean
claim (TpNotifier *self,
       const char *database_path,
       const char *key)
{
  PathState *state;
  gboolean fresh;

  g_mutex_lock (&self->lock);
  state = lookup_state (self, database_path);
  fresh = g_hash_table_add (state->notified, g_strdup (key));
  g_mutex_unlock (&self->lock);

  if (fresh && tp_database_path_is_server (database_path))
    return claim_on_server (self, database_path, key);

  return fresh;
}

typedef struct
{
  TpNotifier *notifier;
  char       *database_path;
} ClaimData;

static void
claim_data_free (gpointer data)
{
  ClaimData *claim_data = data;

  g_clear_object (&claim_data->notifier);
  g_clear_pointer (&claim_data->database_path, g_free);
  g_free (claim_data);
}

static gboolean
claim_cb (TpFollowUpItem *item,
          const char     *key,
          gpointer        user_data)
{
  ClaimData *claim_data = user_data;

  return claim (claim_data->notifier, claim_data->database_path, key);
}

/**
 * _tp_notifier_attach:
 * @self: a #TpNotifier
 * @queue: a follow-up queue
 * @database_path: what the notifier knows @queue's database by
 *
 * Has @queue claim, on its worker, what came due and was not announced
 * for @database_path this session: #TpFollowUpQueue::loaded then hands
 * it over, for _tp_notifier_announce(). The queue keeps @self alive.
 */
void
_tp_notifier_attach (TpNotifier      *self,
                     TpFollowUpQueue *queue,
                     const char      *database_path)
{
  ClaimData *claim_data;

  g_return_if_fail (TP_IS_NOTIFIER (self));
  g_return_if_fail (TP_IS_FOLLOW_UP_QUEUE (queue));
  g_return_if_fail (database_path != NULL);

  claim_data = g_new0 (ClaimData, 1);
  claim_data->notifier = g_object_ref (self);
  claim_data->database_path = g_strdup (database_path);
  tp_follow_up_queue_set_claim_func (queue, claim_cb, claim_data, claim_data_free);
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
dup_body (TpFollowUpItem *item)
{
  guint days_quiet = tp_follow_up_item_get_days_quiet (item);

  if (tp_follow_up_item_get_planned (item))
    {
      const char *detail = tp_follow_up_item_get_planned_detail (item);

      if (detail == NULL)
        return g_strdup (_("A planned touch is due."));

      /* Translators: the body of a notification; %s is the planned touch's channel (and note) */
      return g_strdup_printf (_("A planned touch is due — %s"), detail);
    }

  if (tp_follow_up_item_get_touch_count (item) == 0)
    {
      /* Translators: the body of a notification about a customer never touched */
      return g_strdup_printf (ngettext ("Added %u day ago and not touched yet.",
                                        "Added %u days ago and not touched yet.",
                                        days_quiet),
                              days_quiet);
    }

  /* Translators: the body of a notification about a customer who has not bought */
  return g_strdup_printf (ngettext ("No touch for %u day, and no purchase yet.",
                                    "No touch for %u days, and no purchase yet.",
                                    days_quiet),
                          days_quiet);
}

static void
announce_one (TpNotifier           *self,
              PathState            *state,
              TpFollowUpItem       *item,
              TpFollowUpNotifyFunc  func,
              gpointer              user_data)
{
  gint64 customer_id = tp_follow_up_item_get_customer_id (item);
  g_autofree char *id = g_strdup_printf ("follow-up-%" G_GINT64_FORMAT, customer_id);
  /* Translators: the title of a notification; %s is a customer */
  g_autofree char *title = g_strdup_printf (_("Follow up with %s"), tp_follow_up_item_get_name (item));
  g_autofree char *body = dup_body (item);
  TpFollowUpNotice notice = { id, title, body, "app.show-customer", customer_id };

  send_notice (self, &notice, func, user_data);
  g_hash_table_replace (state->sent, g_steal_pointer (&id), tp_follow_up_item_dup_key (item));
}

static void
announce_summary (TpNotifier           *self,
                  GPtrArray            *came_due,
                  TpFollowUpNotifyFunc  func,
                  gpointer              user_data)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  TpFollowUpNotice notice = { "follow-ups", NULL, NULL, "app.show-follow-ups", 0 };
  guint n_due = came_due->len;
  guint shown = MIN (n_due, TP_NOTIFIER_MAX_SINGLE);
  guint rest = n_due - shown;

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: the separator between customer names in a list */
        g_string_append (names, _(", "));
      g_string_append (names, tp_follow_up_item_get_name (g_ptr_array_index (came_due, i)));
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
 * @database_path: what the notifier knows @queue's database by
 * @queue: the queue that loaded
 * @came_due: (element-type TpFollowUpItem): what it claimed, see
 *   _tp_notifier_attach()
 * @func: (nullable): a sender that records instead (tests)
 * @user_data: for @func
 *
 * Withdraws the notifications of follow-ups that are no longer in @queue
 * (they were answered), then announces what came due: one notification
 * each, or one that sums them up past %TP_NOTIFIER_MAX_SINGLE.
 */
void
_tp_notifier_announce (TpNotifier           *self,
                       const char           *database_path,
                       TpFollowUpQueue      *queue,
                       GPtrArray            *came_due,
                       TpFollowUpNotifyFunc  func,
                       gpointer              user_data)
{
  GHashTableIter iter;
  gpointer id, key;
  PathState *state;

  g_return_if_fail (TP_IS_NOTIFIER (self));
  g_return_if_fail (TP_IS_FOLLOW_UP_QUEUE (queue));
  g_return_if_fail (came_due != NULL);

  g_mutex_lock (&self->lock);
  state = lookup_state (self, database_path);
  g_mutex_unlock (&self->lock);

  /* A follow-up that was answered takes its notification with it. */
  g_hash_table_iter_init (&iter, state->sent);
  while (g_hash_table_iter_next (&iter, &id, &key))
    {
      if (!tp_follow_up_queue_contains_key (queue, key))
        {
          if (func == NULL && can_notify (self->application))
            g_application_withdraw_notification (self->application, id);
          g_hash_table_iter_remove (&iter);
        }
    }

  if (came_due->len == 0)
    return;

  if (came_due->len > TP_NOTIFIER_MAX_SINGLE)
    {
      announce_summary (self, came_due, func, user_data);
      return;
    }

  for (guint i = 0; i < came_due->len; i++)
    announce_one (self, state, g_ptr_array_index (came_due, i), func, user_data);
}

/* Watching a database without a window */

static void
on_watched_queue_loaded_cb (TpNotifier      *self,
                            GPtrArray       *came_due,
                            TpFollowUpQueue *queue)
{
  _tp_notifier_announce (self, self->watching, queue, came_due, NULL, NULL);
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

  if (self->queue != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->queue, self);
      /* The queue's claim function holds the notifier: let it go. */
      tp_follow_up_queue_set_claim_func (self->queue, NULL, NULL, NULL);
      g_clear_object (&self->queue);
    }

  g_free (self->watching);
  self->watching = g_strdup (database_path);
  if (database_path == NULL)
    return;

  self->queue = tp_follow_up_queue_new_for_path (database_path);
  _tp_notifier_attach (self, self->queue, database_path);
  g_signal_connect_object (self->queue, "loaded",
                           G_CALLBACK (on_watched_queue_loaded_cb), self, G_CONNECT_SWAPPED);
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

  if (self->queue != NULL)
    tp_follow_up_queue_load (self->queue);
}

static void on_startup_cb (TpNotifier *self);

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
  if (g_application_get_is_registered (application))
    on_startup_cb (self);
  else
    g_signal_connect_object (application, "startup", G_CALLBACK (on_startup_cb), self,
                             G_CONNECT_SWAPPED);

  return self;
}

static void
tp_notifier_dispose (GObject *object)
{
  TpNotifier *self = TP_NOTIFIER (object);

  tp_notifier_set_watching (self, NULL);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tp_notifier_parent_class)->dispose (object);
}

static void
tp_notifier_finalize (GObject *object)
{
  TpNotifier *self = TP_NOTIFIER (object);

  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->person, g_free);
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
on_person_changed_cb (TpNotifier *self)
{
  g_autofree char *person = g_settings_get_string (self->settings, "person-name");

  g_strstrip (person);
  g_mutex_lock (&self->lock);
  g_free (self->person);
  self->person = g_steal_pointer (&person);
  g_mutex_unlock (&self->lock);
}

static void
tp_notifier_init (TpNotifier *self)
{
  g_mutex_init (&self->lock);
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, path_state_free);

}

/* The person is read from the settings once the application starts, not
 * when it is made: a command such as --version answers before that, and
 * needs no installed settings schema. */
static void
on_startup_cb (TpNotifier *self)
{
  if (self->settings != NULL)
    return;

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::person-name",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);
  on_person_changed_cb (self);
}
