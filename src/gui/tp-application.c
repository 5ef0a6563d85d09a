/* tp-application.c
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

#define G_LOG_DOMAIN "tp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-accessible-private.h"
#include "tp-application.h"
#include "tp-cli.h"
#include "tp-notifier.h"
#include "tp-window.h"

/*
 * Reminders with the window closed: while the preference
 * "remind-when-closed" is on, the application holds itself
 * (g_application_hold()), so that closing the last window leaves it
 * running, asks the Background portal to let it run in the background
 * and to start it with the session (`--background`: no window), and its
 * TpNotifier watches the database while no window shows it. Without the
 * portal (outside a sandbox, or a desktop without one) it runs on all the
 * same. app.quit ends it.
 */

struct _TpApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  TpNotifier     *notifier;
  GSettings      *settings;
  gboolean        held;
  gboolean        background_start;  /* started with --background: no window at first */
  gboolean        watch_allowed;     /* a window was shown, or none will be at first */
  gboolean        running;           /* activated: the reminders follow the setting */
};

G_DEFINE_FINAL_TYPE (TpApplication, tp_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * GSettings reads compiled schemas only from the XDG data folders and from
 * $GSETTINGS_SCHEMA_DIR. An installed Touchpoint finds its schema in
 * $prefix/share/glib-2.0/schemas; one run from a meson build tree
 * (`build/src/touchpoint`) takes the schema the build compiled into
 * `build/data`, as `meson devenv` would. A build tree is told by meson's
 * own folder beside the executable's: an installed binary never has one,
 * and nothing of the build's path is compiled in.
 */
static void
use_build_tree_schemas (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bin_dir = NULL;
  g_autofree char *root = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *compiled = NULL;
  g_autofree char *schema_dir = NULL;
  const char *current;

  if (exe == NULL)
    return;

  bin_dir = g_path_get_dirname (exe);
  root = g_path_get_dirname (bin_dir);
  marker = g_build_filename (root, "meson-private", NULL);
  schema_dir = g_build_filename (root, "data", NULL);
  compiled = g_build_filename (schema_dir, "gschemas.compiled", NULL);

  if (!g_file_test (marker, G_FILE_TEST_IS_DIR) ||
      !g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
    return;

  /* Folders named first there win over those named later, and over the
   * installed ones. */
  current = g_getenv ("GSETTINGS_SCHEMA_DIR");
  if (current == NULL || *current == '\0')
    g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  else
    {
      g_auto(GStrv) dirs = g_strsplit (current, G_SEARCHPATH_SEPARATOR_S, -1);

      if (!g_strv_contains ((const char * const *) dirs, schema_dir))
        {
          g_autofree char *value = g_strconcat (schema_dir, G_SEARCHPATH_SEPARATOR_S, current, NULL);

          g_setenv ("GSETTINGS_SCHEMA_DIR", value, TRUE);
        }
    }
}

TpApplication *
tp_application_new (void)
{
  use_build_tree_schemas ();

  return g_object_new (TP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/touchpoint/Touchpoint",
                       NULL);
}

/**
 * tp_application_get_database_path:
 * @self: a #TpApplication
 *
 * Returns: the database file the windows open: the `--database` option,
 *   or `$XDG_DATA_HOME/touchpoint/touchpoint.db`
 */
const char *
tp_application_get_database_path (TpApplication *self)
{
  g_return_val_if_fail (TP_IS_APPLICATION (self), NULL);

  if (self->database_path == NULL)
    self->database_path = tp_cli_get_default_database_path ();

  return self->database_path;
}

void
tp_application_set_database_path (TpApplication *self,
                                  const char    *path)
{
  g_return_if_fail (TP_IS_APPLICATION (self));

  if (g_strcmp0 (self->database_path, path) == 0)
    return;

  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

static int
tp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  TpApplication *self = TP_APPLICATION (app);
  g_autofree char *path = NULL;
  int status;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autofree char *absolute = g_file_get_path (file);

      tp_application_set_database_path (self, absolute != NULL ? absolute : path);

      /* A window on another database is its own instance, so that
       * `--database` is never handed to a running app with another file. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_contains (options, "background"))
    self->background_start = TRUE;

  status = tp_cli_run (options);
  if (status >= 0)
    return status;

  return G_APPLICATION_CLASS (tp_application_parent_class)->handle_local_options (app, options);
}

static void update_watching (TpApplication *self);
static void on_remind_changed_cb (TpApplication *self);

static void
tp_application_activate (GApplication *app)
{
  TpApplication *self = TP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* The reminders start with the app's first activation, not at startup:
   * a test that registers the app and makes windows itself keeps none. */
  if (!self->running)
    {
      self->running = TRUE;
      on_remind_changed_cb (self);
    }

  /* Started with the session: only the reminders, until asked for more. */
  if (self->background_start)
    {
      self->background_start = FALSE;
      if (self->held)
        {
          self->watch_allowed = TRUE;
          update_watching (self);
          return;
        }
    }

  if (window == NULL)
    window = GTK_WINDOW (tp_window_new (TP_APPLICATION (app)));

  gtk_window_present (window);
}

/**
 * tp_application_get_notifier:
 * @self: a #TpApplication
 *
 * Returns: (transfer none): what sends the follow-up notifications
 */
TpNotifier *
tp_application_get_notifier (TpApplication *self)
{
  g_return_val_if_fail (TP_IS_APPLICATION (self), NULL);

  return self->notifier;
}

/* The notifier watches the database itself while no window shows it:
 * after the last window closed, or from the start with --background (not
 * in the moment between startup and the first window). */
static void
update_watching (TpApplication *self)
{
  gboolean watch;

  if (gtk_application_get_windows (GTK_APPLICATION (self)) != NULL)
    self->watch_allowed = TRUE;

  watch = self->held && self->watch_allowed &&
          gtk_application_get_windows (GTK_APPLICATION (self)) == NULL;

  tp_notifier_set_watching (self->notifier, watch ? tp_application_get_database_path (self) : NULL);
}

static void
on_background_requested_cb (GObject      *source_object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source_object), result, &error);
  if (reply == NULL)
    g_debug ("No Background portal to ask: %s", error->message);
}

/* Asks the Background portal to let the app run without a window, and to
 * start it with the session while @autostart (the portal writes the
 * autostart entry). The portal answers on a Request object; the app runs
 * the same whatever the answer, so it is not waited for. */
static void
request_background (TpApplication *self,
                    gboolean       autostart)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autoptr(GPtrArray) command = g_ptr_array_new ();
  GVariantBuilder options;

  if (bus == NULL)
    return;

  g_ptr_array_add (command, (gpointer) "touchpoint");
  g_ptr_array_add (command, (gpointer) "--background");
  if (self->database_path != NULL)
    {
      g_ptr_array_add (command, (gpointer) "--database");
      g_ptr_array_add (command, self->database_path);
    }

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Remind you about follow-ups when Touchpoint is closed")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline",
                         g_variant_new_strv ((const char * const *) command->pdata, command->len));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (bus,
                          "org.freedesktop.portal.Desktop",
                          "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background",
                          "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START,
                          -1, NULL,
                          on_background_requested_cb, NULL);
}

static void
on_remind_changed_cb (TpApplication *self)
{
  gboolean remind = self->running && g_settings_get_boolean (self->settings, "remind-when-closed");

  if (remind == self->held)
    return;

  self->held = remind;
  request_background (self, remind);
  update_watching (self);

  /* Releasing the last hold with no window ends the app. */
  if (remind)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
tp_application_startup (GApplication *app)
{
  TpApplication *self = TP_APPLICATION (app);

  G_APPLICATION_CLASS (tp_application_parent_class)->startup (app);

  _tp_accessible_init ();
  gtk_window_set_default_icon_name (APP_ID);

  g_signal_connect_swapped (app, "window-added", G_CALLBACK (update_watching), app);
  g_signal_connect_swapped (app, "window-removed", G_CALLBACK (update_watching), app);

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::remind-when-closed",
                           G_CALLBACK (on_remind_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
tp_application_shutdown (GApplication *app)
{
  TpApplication *self = TP_APPLICATION (app);

  tp_notifier_set_watching (self->notifier, NULL);
  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (tp_application_parent_class)->shutdown (app);
}

static void
tp_application_finalize (GObject *object)
{
  TpApplication *self = (TpApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tp_application_parent_class)->finalize (object);
}

static void
tp_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpApplication *self = TP_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, tp_application_get_database_path (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpApplication *self = TP_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      tp_application_set_database_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_application_class_init (TpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tp_application_finalize;
  object_class->get_property = tp_application_get_property;
  object_class->set_property = tp_application_set_property;

  app_class->activate = tp_application_activate;
  app_class->startup = tp_application_startup;
  app_class->shutdown = tp_application_shutdown;
  app_class->handle_local_options = tp_application_handle_local_options;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window lets it save its state first. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static void
tp_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Touchpoint authors", NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Touchpoint"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, "The Touchpoint authors");
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about, _("Plan your marketing and run your sales: "
                                          "who you are for, what sets you apart, and "
                                          "every touch on the way to a purchase."));
  adw_about_window_set_website (about, "https://github.com/touchpoint/touchpoint");
  adw_about_window_set_issue_url (about, "https://github.com/touchpoint/touchpoint/issues");
  adw_about_window_set_developers (about, developers);
  /* Translators: Replace "translator-credits" with your names, one name per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_set_copyright (about, "© 2026 The Touchpoint authors");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);

  if (window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_present (GTK_WINDOW (about));
}

/* The window to show something in: the active one, or a new one. */
static GtkWidget *
present_window (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (app);
    }

  if (window != NULL)
    gtk_window_present (window);

  return GTK_WIDGET (window);
}

/* The default action of a follow-up notification: open that customer. */
static void
tp_application_show_customer_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  GtkWidget *window = present_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action_variant (window, "window.show-customer", parameter);
}

/* The default action of the notification that sums up several follow-ups. */
static void
tp_application_show_follow_ups_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GtkWidget *window = present_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (window, "window.show-follow-ups", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", tp_application_quit_action },
  { "about", tp_application_about_action },
  { "show-customer", tp_application_show_customer_action, "x" },
  { "show-follow-ups", tp_application_show_follow_ups_action },
};

static void
tp_application_init (TpApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.show-marketing",
                                         (const char *[]) { "<Control>1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.show-sales",
                                         (const char *[]) { "<Control>2", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.print-worksheets",
                                         (const char *[]) { "<Control>p", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.show-shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.log-touch",
                                         (const char *[]) { "<Control>t", NULL });

  self->notifier = tp_notifier_new (G_APPLICATION (self));

  g_application_add_main_option_entries (G_APPLICATION (self), tp_cli_get_option_entries ());
  g_application_add_main_option (G_APPLICATION (self), "background", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Start without a window, to send reminders (as the session does)"),
                                 NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan marketing and run sales for a small business."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Each command exits with status 0 when it "
                                                  "succeeds. On bad input it prints a line "
                                                  "naming the file, line and field of each "
                                                  "problem, exits with status 1 and leaves the "
                                                  "database as it was."));
}
