/* tp-window.c
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

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tp-accessible-private.h"
#include "tp-cli.h"
#include "tp-sales-util-private.h"
#include "tp-sample.h"
#include "tp-window-private.h"

G_DEFINE_FINAL_TYPE (TpWindow, tp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

TpWindow *
tp_window_new (TpApplication *application)
{
  g_return_val_if_fail (TP_IS_APPLICATION (application), NULL);

  return g_object_new (TP_TYPE_WINDOW,
                       "application", application,
                       "database-path", tp_application_get_database_path (application),
                       NULL);
}

/**
 * tp_window_get_store:
 * @self: a #TpWindow
 *
 * Returns: (transfer none) (nullable): the open store, or %NULL while the
 *   window shows why its database could not be opened
 */
TpStore *
tp_window_get_store (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
tp_window_get_database_path (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);

  return self->database_path;
}

/**
 * tp_window_add_toast:
 * @self: a #TpWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
tp_window_add_toast (TpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "error") == 0)
    adw_toast_overlay_add_toast (self->error_toast_overlay, toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The pages show the store, or nothing while the error page shows. */
/* What this desktop logs records the name set in Preferences */
static void
apply_person (TpWindow *self)
{
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;

  name = g_settings_get_string (self->settings, "person-name");
  tp_store_set_person (self->store, name);
}

static void
set_store (TpWindow *self,
           TpStore  *store)
{
  g_set_object (&self->store, store);
  apply_person (self);
  _tp_window_team_update (self);
  tp_marketing_page_set_store (self->marketing_page, self->store);
  tp_sales_page_set_store (self->sales_page, self->store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  _tp_window_actions_update (self);
}

/* Shows the page that says what is wrong with @path, closes the store, and
 * keeps @error (transfer full) for the window's actions. */
static void
show_database_error (TpWindow   *self,
                     const char *path,
                     GError     *error)
{
  /* A team database is named without its password */
  gboolean server = tp_database_path_is_server (path);
  g_autofree char *display = server ? tp_database_name_for_path (path)
                                    : g_filename_display_name (path);
  g_autofree char *description = NULL;
  gboolean busy = g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_BUSY);
  const char *advice;

  if (busy)
    advice = _("Touchpoint opens it by itself as soon as the other program lets go of it.");
  else if (server)
    advice = _("Nothing was changed on the server. Try again once it can be reached, or "
               "choose a file.");
  else
    advice = _("The file has not been changed. Choose another file, or start a new database: "
               "the old file is then kept beside it under a name that says why and when.");

  /* Name the file once: most messages name it already. */
  if ((!server && strstr (error->message, path) != NULL) || strstr (error->message, display) != NULL)
    description = g_strdup_printf ("%s\n\n%s", error->message, advice);
  else
    /* Translators: the first %s is a file name, the second says what is wrong
     * with it, the third what to do about it */
    description = g_strdup_printf (_("“%s”: %s\n\n%s"), display, error->message, advice);

  adw_status_page_set_description (self->error_page, description);

  /* A file in use is not broken: setting it aside would take it from
   * under the program that holds it. */
  gtk_widget_set_visible (self->retry_button, busy || server);
  gtk_widget_set_visible (self->new_database_button, !busy && !server);
  if (busy || server)
    gtk_widget_remove_css_class (self->choose_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->choose_button, "suggested-action");
  gtk_stack_set_visible_child_name (self->main_stack, "error");

  g_clear_error (&self->database_error);
  self->database_error = error;
  set_store (self, NULL);
}

static void
on_pages_checked_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TpWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (tp_database_check_pages_finish (result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->pages_check);
  show_database_error (self, self->database_path, g_steal_pointer (&error));
}

/* Retrying a file in use: every two seconds, a worker tries to open it
 * (waiting as long as SQLite's busy timeout there, not on the main
 * loop); once it opens, the window opens it. */

#define RETRY_INTERVAL_S 2

static void schedule_retry (TpWindow *self);

static void
stop_retry (TpWindow *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_cancellable_cancel (self->retry_cancellable);
  g_clear_object (&self->retry_cancellable);
}

static void
probe_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean opened = tp_database_try_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->retry_cancellable);
  if (!opened && g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_BUSY))
    schedule_retry (self);
  else
    tp_window_open_database (self, self->database_path);
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  TpWindow *self = TP_WINDOW (user_data);

  self->retry_source = 0;
  self->retry_cancellable = g_cancellable_new ();
  tp_database_try_open_async (self->database_path, self->retry_cancellable,
                              probe_done_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_retry (TpWindow *self)
{
  stop_retry (self);
  self->retry_source = g_timeout_add_seconds (RETRY_INTERVAL_S, retry_timeout_cb, self);
  g_source_set_name_by_id (self->retry_source, "[touchpoint] retry database");
}

/* Try Again on a team database connects on a worker: the window stays
 * alive while a server that does not answer takes libpq's
 * connect_timeout. */

typedef struct
{
  TpWindow *self;
  char     *path;
} Reconnect;

static void
reconnect_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Reconnect *reconnect = user_data;
  g_autoptr(TpWindow) self = reconnect->self;
  g_autofree char *path = reconnect->path;
  g_autoptr(TpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_free (reconnect);
  store = tp_store_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->retry_cancellable);
  gtk_widget_set_sensitive (self->retry_button, TRUE);
  gtk_spinner_stop (self->connecting_spinner);
  if (store == NULL)
    show_database_error (self, path, g_steal_pointer (&error));
  else
    tp_window_open_store (self, path, store);
}

/**
 * _tp_window_retry_server:
 * @self: a #TpWindow that could not open its team database
 *
 * Connects to it again on a worker; meanwhile Try Again is off.
 */
void
_tp_window_retry_server (TpWindow *self)
{
  Reconnect *reconnect;

  stop_retry (self);
  self->retry_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->retry_button, FALSE);

  reconnect = g_new0 (Reconnect, 1);
  reconnect->self = g_object_ref (self);
  reconnect->path = g_strdup (self->database_path);
  tp_store_open_async (reconnect->path, TP_DATABASE_OPEN_DEFAULT, self->retry_cancellable,
                       reconnect_done_cb, reconnect);
}

/* A team database opened at start (--database postgresql://…) or from a
 * list connects on a worker too: the window shows at once and says that
 * it is connecting, then shows the business or why not. */
static void
connect_server (TpWindow *self)
{
  g_autofree char *name = tp_database_name_for_path (self->database_path);
  g_autofree char *text = NULL;

  /* Translators: %s names a team database, as in postgresql://shop.example/shop */
  text = g_strdup_printf (_("Touchpoint is connecting to the team database “%s”."), name);
  adw_status_page_set_description (self->connecting_page, text);
  set_store (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "connecting");
  gtk_spinner_start (self->connecting_spinner);
  _tp_window_retry_server (self);
}

/*
 * The welcome greets a new owner: on the default database, while it holds
 * no business, until one of its three ways in was chosen (the setting
 * show-welcome). A file opened on purpose goes straight to its business.
 */
static gboolean
should_welcome (TpWindow *self,
                TpStore  *store)
{
  g_autofree char *default_path = tp_cli_get_default_database_path ();
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  if (!g_settings_get_boolean (self->settings, "show-welcome") ||
      g_strcmp0 (self->database_path, default_path) != 0)
    return FALSE;

  if (!tp_sample_database_is_empty (tp_store_get_database (store), &empty, &error))
    g_debug ("Could not tell whether the database is empty: %s", error->message);

  return empty;
}

/* The window is about to show @path: what it showed, and any wait for
 * it, end. */
static void
set_database_path (TpWindow   *self,
                   const char *path)
{
  if (g_strcmp0 (self->database_path, path) != 0)
    {
      g_free (self->database_path);
      self->database_path = g_strdup (path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
    }

  g_clear_error (&self->database_error);
  g_cancellable_cancel (self->pages_check);
  g_clear_object (&self->pages_check);
  stop_retry (self);
}

static void show_store (TpWindow   *self,
                        const char *path,
                        TpStore    *store);

/**
 * tp_window_open_database:
 * @self: a #TpWindow
 * @path: the database file
 *
 * Opens (or creates) the database at @path and shows it. When it cannot be
 * opened, the window shows a page that names the file and what is wrong,
 * and offers to choose another file or to start a new database; the file
 * itself is left as it is. When another program holds the file, the page
 * offers Try Again instead of a new database, and the window opens the
 * file by itself as soon as it is free. A team database (a postgresql://
 * URI) connects on a worker: meanwhile the window says it is connecting.
 */
void
tp_window_open_database (TpWindow   *self,
                         const char *path)
{
  g_autoptr(TpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_new;

  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  set_database_path (self, path);

  /* A server may take its time to answer: not on the main loop */
  if (tp_database_path_is_server (path))
    {
      connect_server (self);
      return;
    }

  /* The default database's folder is the app's own: on a new machine it
   * is made, not reported missing. */
  {
    g_autofree char *default_path = tp_cli_get_default_database_path ();

    if (g_strcmp0 (path, default_path) == 0)
      {
        g_autofree char *dir = g_path_get_dirname (path);

        g_mkdir_with_parents (dir, 0700);
      }
  }

  /* (a team database is set up by whoever opens it first, in any locale) */
  is_new = !tp_database_path_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS);
  store = tp_store_open (path, &error);
  if (store == NULL)
    {
      gboolean busy = g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_BUSY);

      show_database_error (self, path, g_steal_pointer (&error));
      if (busy)
        schedule_retry (self);
      return;
    }

  if (is_new)
    {
      g_autofree char *currency = _tp_locale_currency ();

      /* A new database takes the locale's currency, once: changing the
       * locale later does not change what the orders are counted in. */
      if (currency != NULL && !tp_store_set_currency (store, currency, &error))
        {
          g_debug ("Could not set the currency %s: %s", currency, error->message);
          g_clear_error (&error);
        }
    }

  show_store (self, path, store);
}

/**
 * tp_window_open_store:
 * @self: a #TpWindow
 * @path: the path or URI @store was opened from
 * @store: an open store (a team database's, connected on a worker)
 *
 * Shows @store, as tp_window_open_database() does once it opened @path.
 */
void
tp_window_open_store (TpWindow   *self,
                      const char *path,
                      TpStore    *store)
{
  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (TP_IS_STORE (store));

  set_database_path (self, path);
  show_store (self, path, store);
}

static void
show_store (TpWindow   *self,
            const char *path,
            TpStore    *store)
{
  gtk_stack_set_visible_child_name (self->main_stack,
                                    should_welcome (self, store) ? "welcome" : "content");
  set_store (self, store);

  /* The sample business says so, with the way back. */
  {
    g_autofree char *sample = _tp_window_dup_sample_path ();

    gtk_revealer_set_reveal_child (self->sample_banner, g_strcmp0 (path, sample) == 0);
  }

  /* A file too large to have every page read before the first frame is
   * read on a worker now; damage found there shows the same page as
   * damage found while opening. */
  if (!tp_database_get_pages_checked (tp_store_get_database (store)))
    {
      self->pages_check = g_cancellable_new ();
      tp_database_check_pages_async (path, self->pages_check,
                                     on_pages_checked_cb, g_object_ref (self));
    }
}

/*
 * TOUCHPOINT_QUIT_AFTER_FIRST_FRAME=1 (for benchmarks/bench-startup): print
 * the monotonic time at the end of the first painted frame, then quit. The
 * benchmark subtracts the time it started the process at. A team database
 * counts from the first frame after the connecting page.
 */
static void
on_first_frame_painted_cb (GdkFrameClock *frame_clock,
                           TpWindow      *self)
{
  /* A team database connecting: the first frame is the one of its business */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "connecting") == 0)
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted_cb, self);
  g_print ("first-frame-monotonic-us: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (g_application_get_default ());
}

static void
tp_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tp_window_parent_class)->map (widget);

  if (g_getenv ("TOUCHPOINT_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame_painted_cb), widget, 0);
}

static gboolean
tp_window_close_request (GtkWindow *window)
{
  TpWindow *self = TP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (tp_window_parent_class)->close_request (window);
}

static void
tp_window_constructed (GObject *object)
{
  TpWindow *self = TP_WINDOW (object);

  G_OBJECT_CLASS (tp_window_parent_class)->constructed (object);

  if (self->database_path != NULL)
    tp_window_open_database (self, self->database_path);
}

static void
tp_window_dispose (GObject *object)
{
  TpWindow *self = TP_WINDOW (object);

  stop_retry (self);
  _tp_window_team_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_WINDOW);

  g_cancellable_cancel (self->pages_check);
  g_clear_object (&self->pages_check);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_window_parent_class)->dispose (object);
}

static void
tp_window_finalize (GObject *object)
{
  TpWindow *self = TP_WINDOW (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->real_database_path, g_free);
  g_clear_error (&self->database_error);

  G_OBJECT_CLASS (tp_window_parent_class)->finalize (object);
}

static void
tp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpWindow *self = TP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpWindow *self = TP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      /* Construct-only: the database opens in constructed(). */
      self->database_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_window_class_init (TpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tp_window_constructed;
  object_class->dispose = tp_window_dispose;
  object_class->finalize = tp_window_finalize;
  object_class->get_property = tp_window_get_property;
  object_class->set_property = tp_window_set_property;

  widget_class->map = tp_window_map;

  window_class->close_request = tp_window_close_request;

  /**
   * TpWindow:database-path:
   *
   * The database file the window shows.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpWindow:store:
   *
   * The open store, or %NULL while the window shows why its database
   * could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, error_toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, marketing_page);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, sales_page);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, connecting_page);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, connecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, new_database_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, sample_banner);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, team_banner);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, team_banner_box);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, team_banner_label);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, guide_bar);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, guide_title);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, guide_description);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, guide_next_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, welcome_page);

  _tp_window_class_actions_init (klass);
}

static void
tp_window_init (TpWindow *self)
{
  g_type_ensure (TP_TYPE_MARKETING_PAGE);
  g_type_ensure (TP_TYPE_SALES_PAGE);

  gtk_widget_init_template (GTK_WIDGET (self));
  _tp_accessible_name_view_stack_pages (self->view_stack);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::person-name",
                           G_CALLBACK (apply_person), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "last-tab",
                   self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}
