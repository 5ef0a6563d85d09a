/* tp-window-team.c
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

#define G_LOG_DOMAIN "tp-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "tp-window-private.h"

/*
 * The window over a team database: the banner that says why nothing can
 * be changed, for one of two reasons.
 *
 * - A role that may only read: the banner names the role, the window's
 *   own ways to change the business (import, log a touch, the guided
 *   plan) are off.
 * - The connection was lost: the window watches the connection's socket
 *   on the main loop; when the server goes away (it says so before it
 *   closes the connection, or the socket just closes),
 *   tp_database_check_connection() notices without waiting, the banner
 *   says so and what still works, and a worker tries to connect again
 *   after 1, 2, 4 … up to 30 seconds. Edits meanwhile fail at once (libpq
 *   refuses statements on a lost connection) and are reported as such:
 *   nothing is accepted and then lost. When the server is back, the new
 *   connection takes the old one's place, the store listens to the other
 *   desktops' changes again and every view reloads (tp-store-feed.c), the
 *   banner goes.
 *
 * An edit that still reaches the server and is refused there makes no
 * toast per click: _tp_window_refuse_quietly(), which the sections'
 * error toasts call, lets the banner stand out for a moment instead.
 */

#define ATTENTION_MS 1200
#define RECONNECT_FIRST_S 1
#define RECONNECT_MAX_S 30

static TpDatabase *
get_database (TpWindow *self)
{
  return self->store != NULL ? tp_store_get_database (self->store) : NULL;
}

static gboolean
is_read_only (TpWindow *self)
{
  TpDatabase *db = get_database (self);

  return db != NULL && !tp_database_can_write (db);
}

gboolean
_tp_window_can_change (TpWindow *self)
{
  return self->store != NULL && !self->offline && !is_read_only (self);
}

static void
update_banner (TpWindow *self)
{
  g_autofree char *text = NULL;

  if (self->offline)
    {
      text = g_strdup (_("The connection to the team database was lost. What the window shows "
                         "stays, but nothing can be changed until the connection is back. "
                         "Touchpoint reconnects by itself."));
    }
  else if (is_read_only (self))
    {
      const char *user = tp_database_get_server_user (get_database (self));

      /* Translators: %s is the name of a database role (a user on the server) */
      text = g_strdup_printf (_("You can read this business but not change it: your role “%s” "
                                "has no write rights in this database. Ask its owner for them."),
                              user != NULL ? user : "");
    }

  if (text != NULL)
    gtk_label_set_text (self->team_banner_label, text);
  gtk_revealer_set_reveal_child (self->team_banner, text != NULL);
  /* A banner that slid away keeps its text; screen readers are told it
   * is gone */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->team_banner_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, text == NULL,
                               -1);
  _tp_window_actions_update (self);
}

static void go_offline (TpWindow *self);

static gboolean
on_connection_readable_cb (int           fd,
                           GIOCondition  condition,
                           gpointer      user_data)
{
  TpWindow *self = TP_WINDOW (user_data);
  TpDatabase *db = get_database (self);

  if (db != NULL && tp_database_check_connection (db))
    return G_SOURCE_CONTINUE;

  self->connection_watch = 0;
  go_offline (self);

  return G_SOURCE_REMOVE;
}

static void
watch_connection (TpWindow *self)
{
  int fd;

  g_clear_handle_id (&self->connection_watch, g_source_remove);
  fd = get_database (self) != NULL ? tp_database_get_server_socket (get_database (self)) : -1;
  if (fd < 0)
    return;

  self->connection_watch = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                          on_connection_readable_cb, self);
  g_source_set_name_by_id (self->connection_watch, "[touchpoint] team database connection");
}

static void schedule_reconnect (TpWindow *self);

static void
on_reconnected_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  TpDatabase *db = TP_DATABASE (source);

  /* Cancelled (the window moved on): the new connection is closed */
  if (!tp_database_reconnect_finish (db, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->reconnecting);
      g_debug ("Not connected again: %s", error->message);
      schedule_reconnect (self);
      return;
    }
  g_clear_object (&self->reconnecting);

  self->offline = FALSE;
  self->reconnect_delay_s = 0;
  watch_connection (self);
  /* The store reads everything again (TpDatabase::reconnected): others
   * may have changed the business meanwhile */
  update_banner (self);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  TpWindow *self = TP_WINDOW (user_data);

  self->reconnect_source = 0;
  self->reconnecting = g_cancellable_new ();
  tp_database_reconnect_async (get_database (self), self->reconnecting,
                               on_reconnected_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (TpWindow *self)
{
  self->reconnect_delay_s = self->reconnect_delay_s == 0
                            ? RECONNECT_FIRST_S
                            : MIN (self->reconnect_delay_s * 2, RECONNECT_MAX_S);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  self->reconnect_source = g_timeout_add_seconds (self->reconnect_delay_s, reconnect_cb, self);
  g_source_set_name_by_id (self->reconnect_source, "[touchpoint] reconnect team database");
}

static void
go_offline (TpWindow *self)
{
  if (self->offline)
    return;

  g_debug ("The connection to %s was lost", tp_database_get_display_name (get_database (self)));
  self->offline = TRUE;
  g_clear_handle_id (&self->connection_watch, g_source_remove);
  update_banner (self);
  self->reconnect_delay_s = 0;
  schedule_reconnect (self);
}

/* Stops watching and reconnecting, as when the window leaves the store. */
void
_tp_window_team_stop (TpWindow *self)
{
  g_clear_handle_id (&self->connection_watch, g_source_remove);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  g_clear_handle_id (&self->attention_source, g_source_remove);
  g_cancellable_cancel (self->reconnecting);
  g_clear_object (&self->reconnecting);
  self->offline = FALSE;
  self->reconnect_delay_s = 0;
}

/* The window shows another store (or none). */
void
_tp_window_team_update (TpWindow *self)
{
  _tp_window_team_stop (self);
  if (self->store != NULL && tp_database_is_server (get_database (self)))
    watch_connection (self);
  gtk_widget_remove_css_class (self->team_banner_box, "tp-attention");
  update_banner (self);
}

static gboolean
attention_done_cb (gpointer user_data)
{
  TpWindow *self = TP_WINDOW (user_data);

  self->attention_source = 0;
  gtk_widget_remove_css_class (self->team_banner_box, "tp-attention");

  return G_SOURCE_REMOVE;
}

/**
 * _tp_window_refuse_quietly:
 * @widget: a widget in a #TpWindow (or in a dialog over one)
 * @error: why an edit failed
 *
 * While the window's banner already says why nothing can be changed,
 * the banner stands out for a moment instead of another message. An
 * edit that found the connection lost shows the banner first.
 *
 * Returns: %TRUE if @error needs no message of its own
 */
gboolean
_tp_window_refuse_quietly (GtkWidget    *widget,
                           const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  TpWindow *self;
  TpDatabase *db;

  if (GTK_IS_WINDOW (root) && !TP_IS_WINDOW (root))
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  if (!TP_IS_WINDOW (root))
    return FALSE;
  self = TP_WINDOW (root);
  db = get_database (self);

  if (!g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION) &&
      !g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_UNREACHABLE))
    return FALSE;

  if (g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_UNREACHABLE) &&
      db != NULL && !self->offline && !tp_database_check_connection (db))
    go_offline (self);

  if (!gtk_revealer_get_reveal_child (self->team_banner))
    return FALSE;

  g_debug ("Refused while the banner shows: %s", error->message);
  gtk_widget_add_css_class (self->team_banner_box, "tp-attention");
  g_clear_handle_id (&self->attention_source, g_source_remove);
  self->attention_source = g_timeout_add (ATTENTION_MS, attention_done_cb, self);
  g_source_set_name_by_id (self->attention_source, "[touchpoint] banner attention");

  return TRUE;
}
