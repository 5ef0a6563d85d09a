/* tp-team-database-dialog.c
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

#define G_LOG_DOMAIN "tp-team-database-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tp-database.h"
#include "tp-store.h"
#include "tp-team-database-dialog-private.h"

/*
 * Open Team Database: the server, port, database, user and password of a
 * PostgreSQL database. Connecting runs on a worker (a server that does not
 * answer takes libpq's connect_timeout, never the main loop), with a
 * spinner and Cancel. An empty database is set up only after the owner
 * said so here; every other refusal is named in the dialog, which stays
 * open to try again.
 *
 * The password goes to tp_database_set_server_password(), this process's
 * memory, never into the URI, a setting or a message; the keyring keeps
 * it (libsecret, the Secret portal in the Flatpak) only when "Remember
 * Password" is on. An empty password leaves it to libpq: PGPASSWORD or
 * ~/.pgpass. The setting recent-team-databases keeps the last databases
 * without passwords, and whether the keyring holds one.
 */

#define MAX_RECENT 5

/* The encryption choices, in the order of the combo row's items */
static const char * const sslmodes[] = { "prefer", "require", "verify-full", "disable" };

G_DEFINE_FINAL_TYPE (TpTeamDatabaseDialog, tp_team_database_dialog, ADW_TYPE_WINDOW)

const SecretSchema *
_tp_team_database_secret_schema (void)
{
  static const SecretSchema schema = {
    "io.github.touchpoint.Touchpoint.TeamDatabase", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

GHashTable *
_tp_team_database_secret_attributes (const char *host,
                                     const char *port,
                                     const char *database,
                                     const char *user)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* The table owns its values: libsecret keeps a reference to it, not a
   * copy, until its answer comes. An empty one stands for libpq's
   * default. */
  g_hash_table_insert (attributes, (char *) "host", g_strdup (host != NULL ? host : ""));
  g_hash_table_insert (attributes, (char *) "port", g_strdup (port != NULL ? port : ""));
  g_hash_table_insert (attributes, (char *) "database", g_strdup (database != NULL ? database : ""));
  g_hash_table_insert (attributes, (char *) "user", g_strdup (user != NULL ? user : ""));

  return attributes;
}

static void
append_escaped (GString    *s,
                const char *text)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);

  g_string_append (s, escaped);
}

/* postgresql://user@host:port/database?sslmode=…, each part escaped (a
 * socket folder as host becomes %2F…); never with a password. */
char *
_tp_team_database_build_uri (const char *host,
                             const char *port,
                             const char *database,
                             const char *user,
                             const char *sslmode)
{
  GString *s = g_string_new ("postgresql://");

  if (user != NULL && user[0] != '\0')
    {
      append_escaped (s, user);
      g_string_append_c (s, '@');
    }
  if (host != NULL && host[0] != '\0')
    append_escaped (s, host);
  if (port != NULL && port[0] != '\0')
    {
      g_string_append_c (s, ':');
      append_escaped (s, port);
    }
  g_string_append_c (s, '/');
  append_escaped (s, database);
  if (sslmode != NULL && !g_str_equal (sslmode, "prefer"))
    g_string_append_printf (s, "?sslmode=%s", sslmode);

  return g_string_free (s, FALSE);
}

static char *
dup_field (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
get_sslmode (TpTeamDatabaseDialog *self)
{
  guint i = adw_combo_row_get_selected (self->sslmode_row);

  return i < G_N_ELEMENTS (sslmodes) ? sslmodes[i] : sslmodes[0];
}

static char *
build_uri (TpTeamDatabaseDialog *self)
{
  g_autofree char *host = dup_field (self->host_row);
  g_autofree char *port = dup_field (self->port_row);
  g_autofree char *database = dup_field (self->database_row);
  g_autofree char *user = dup_field (self->user_row);

  return _tp_team_database_build_uri (host, port, database, user, get_sslmode (self));
}

static GHashTable *
dup_attributes (TpTeamDatabaseDialog *self)
{
  g_autofree char *host = dup_field (self->host_row);
  g_autofree char *port = dup_field (self->port_row);
  g_autofree char *database = dup_field (self->database_row);
  g_autofree char *user = dup_field (self->user_row);

  return _tp_team_database_secret_attributes (host, port, database, user);
}

/* Above the fields, where it is seen without scrolling: the spinner,
 * the answer, the question. */
static void
update_status_box (TpTeamDatabaseDialog *self)
{
  gtk_widget_set_visible (self->status_box,
                          gtk_widget_get_visible (self->progress_box) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ||
                          gtk_widget_get_visible (self->setup_button));
}

/* What the dialog says above the fields: @text as a plain sentence or,
 * with @is_error, as an error. */
static void
show_message (TpTeamDatabaseDialog *self,
              const char           *text,
              gboolean              is_error)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  update_status_box (self);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_busy (TpTeamDatabaseDialog *self,
          gboolean              busy)
{
  /* The focus leaves the fields before they turn insensitive; Cancel
   * is what can be done meanwhile */
  if (busy)
    gtk_widget_grab_focus (self->cancel_button);
  gtk_widget_set_sensitive (self->fields_group, !busy);
  gtk_widget_set_sensitive (self->advanced_group, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.connect", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.setup", !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    {
      gtk_widget_set_visible (self->setup_button, FALSE);
      show_message (self, NULL, FALSE);
    }
  update_status_box (self);
}

/* The keyring ---------------------------------------------------------- */

static void
on_secret_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean stored = GPOINTER_TO_INT (user_data);

  if (stored)
    secret_password_store_finish (result, &error);
  else
    secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_debug ("The keyring did not %s the password: %s",
             stored ? "keep" : "forget", error->message);
}

static void
on_lookup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TpTeamDatabaseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No password from the keyring: %s", error->message);
      return;
    }
  if (password == NULL)
    return;

  /* Unless the person typed one meanwhile */
  if (gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_switch_set_active (self->remember_switch, TRUE);
  self->had_secret = TRUE;
  secret_password_free (password);
}

static void
remember_password (TpTeamDatabaseDialog *self,
                   const char           *uri)
{
  g_autoptr(GHashTable) attributes = dup_attributes (self);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *name = tp_database_name_for_path (uri);
  g_autofree char *label = NULL;

  if (gtk_switch_get_active (self->remember_switch) && password[0] != '\0')
    {
      /* Translators: the label of the keyring item; %s is a database address */
      label = g_strdup_printf (_("Touchpoint team database %s"), name);
      secret_password_storev (_tp_team_database_secret_schema (), attributes,
                              SECRET_COLLECTION_DEFAULT, label, password, NULL,
                              on_secret_done_cb, GINT_TO_POINTER (TRUE));
    }
  else if (self->had_secret)
    {
      secret_password_clearv (_tp_team_database_secret_schema (), attributes, NULL,
                              on_secret_done_cb, GINT_TO_POINTER (FALSE));
    }
}

/* Recent team databases ----------------------------------------------- */

static void
add_recent (TpTeamDatabaseDialog *self)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "recent-team-databases");
  g_autofree char *host = dup_field (self->host_row);
  g_autofree char *port = dup_field (self->port_row);
  g_autofree char *database = dup_field (self->database_row);
  g_autofree char *user = dup_field (self->user_row);
  const char *sslmode = get_sslmode (self);
  gboolean remembered = gtk_switch_get_active (self->remember_switch) &&
                        gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] != '\0';
  GVariantBuilder builder;
  GVariantIter iter;
  const char *h, *p, *d, *u, *m;
  gboolean r;
  guint n = 1;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sssssb)"));
  g_variant_builder_add (&builder, "(sssssb)", host, port, database, user, sslmode, remembered);
  g_variant_iter_init (&iter, old);
  while (n < MAX_RECENT && g_variant_iter_next (&iter, "(&s&s&s&s&sb)", &h, &p, &d, &u, &m, &r))
    {
      if (g_str_equal (h, host) && g_str_equal (p, port) && g_str_equal (d, database) &&
          g_str_equal (u, user))
        continue;
      g_variant_builder_add (&builder, "(sssssb)", h, p, d, u, m, r);
      n++;
    }
  g_settings_set_value (self->settings, "recent-team-databases", g_variant_builder_end (&builder));
}

/* The most recent team database fills the fields; its password comes
 * from the keyring if it was kept there. */
static void
fill_from_recent (TpTeamDatabaseDialog *self)
{
  g_autoptr(GVariant) recent = g_settings_get_value (self->settings, "recent-team-databases");
  const char *host, *port, *database, *user, *sslmode;
  gboolean remembered;

  if (g_variant_n_children (recent) == 0)
    return;

  g_variant_get_child (recent, 0, "(&s&s&s&s&sb)", &host, &port, &database, &user, &sslmode,
                       &remembered);
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  for (guint i = 0; i < G_N_ELEMENTS (sslmodes); i++)
    if (g_str_equal (sslmodes[i], sslmode))
      adw_combo_row_set_selected (self->sslmode_row, i);

  if (remembered)
    {
      g_autoptr(GHashTable) attributes = _tp_team_database_secret_attributes (host, port,
                                                                              database, user);

      self->lookup = g_cancellable_new ();
      secret_password_lookupv (_tp_team_database_secret_schema (), attributes, self->lookup,
                               on_lookup_done_cb, g_object_ref (self));
    }
}

/* Connecting ------------------------------------------------------------ */

typedef struct
{
  TpTeamDatabaseDialog *self;
  char                 *uri;
  char                 *password;  /* NULL: libpq's PGPASSWORD or ~/.pgpass */
} Connect;

static void
connect_free (gpointer data)
{
  Connect *connect = data;

  g_clear_object (&connect->self);
  g_free (connect->uri);
  if (connect->password != NULL)
    memset (connect->password, 0, strlen (connect->password));
  g_free (connect->password);
  g_free (connect);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Connect, connect_free)

static void
on_connected_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Connect) connect = user_data;
  TpTeamDatabaseDialog *self = connect->self;
  g_autoptr(TpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = tp_store_open_finish (result, &error);
  /* Cancelled: the dialog went back to its fields already */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->connecting);
  set_busy (self, FALSE);

  if (g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_EMPTY))
    {
      g_autofree char *name = tp_database_name_for_path (connect->uri);
      g_autofree char *text = NULL;

      /* Translators: %s is a database address */
      text = g_strdup_printf (_("“%s” is empty. Set up Touchpoint in it? Touchpoint then "
                                "makes its tables there, and everyone who opens this "
                                "database works on the same business."), name);
      gtk_widget_set_visible (self->setup_button, TRUE);
      show_message (self, text, FALSE);
      gtk_widget_grab_focus (self->setup_button);
      return;
    }

  if (store == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says what went wrong */
      text = g_strdup_printf (_("%s\n\nChange what is wrong below and connect again."),
                              error->message);
      show_message (self, text, TRUE);
      return;
    }

  /* Only now, for the window's workers: a failed attempt left the
   * password of a database the window may show as it was */
  tp_database_set_server_password (connect->uri, connect->password);
  remember_password (self, connect->uri);
  add_recent (self);
  tp_window_open_store (self->window, connect->uri, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_connect (TpTeamDatabaseDialog *self,
               TpDatabaseOpenFlags   flags)
{
  g_autofree char *database = dup_field (self->database_row);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *name = NULL;
  g_autofree char *progress = NULL;
  Connect *connect;

  if (database[0] == '\0')
    {
      gtk_widget_set_visible (self->setup_button, FALSE);
      show_message (self, _("Type the name of the database on the server."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->database_row));
      return;
    }

  connect = g_new0 (Connect, 1);
  connect->self = g_object_ref (self);
  connect->uri = build_uri (self);
  /* In memory only; none: libpq's PGPASSWORD or ~/.pgpass */
  connect->password = password[0] != '\0' ? g_strdup (password) : NULL;

  name = tp_database_name_for_path (connect->uri);
  if (flags & TP_DATABASE_OPEN_NO_SETUP)
    /* Translators: %s is a database address */
    progress = g_strdup_printf (_("Connecting to %s…"), name);
  else
    /* Translators: %s is a database address */
    progress = g_strdup_printf (_("Setting up Touchpoint in %s…"), name);
  gtk_label_set_text (self->progress_label, progress);

  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  self->connecting = g_cancellable_new ();
  set_busy (self, TRUE);

  tp_store_open_server_async (connect->uri, connect->password, flags, self->connecting,
                              on_connected_cb, connect);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  start_connect (TP_TEAM_DATABASE_DIALOG (widget), TP_DATABASE_OPEN_NO_SETUP);
}

static void
setup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_connect (TP_TEAM_DATABASE_DIALOG (widget), TP_DATABASE_OPEN_DEFAULT);
}

/* Cancel stops a connection under way (the worker's result is dropped
 * when it comes); otherwise it closes the dialog. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpTeamDatabaseDialog *self = TP_TEAM_DATABASE_DIALOG (widget);

  if (self->connecting != NULL)
    {
      g_cancellable_cancel (self->connecting);
      g_clear_object (&self->connecting);
      set_busy (self, FALSE);
      show_message (self, _("Not connected."), FALSE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_field_changed_cb (TpTeamDatabaseDialog *self)
{
  /* A changed detail makes the last answer stale */
  gtk_widget_set_visible (self->setup_button, FALSE);
  update_status_box (self);
}

TpTeamDatabaseDialog *
tp_team_database_dialog_new (TpWindow *window)
{
  TpTeamDatabaseDialog *self;

  g_return_val_if_fail (TP_IS_WINDOW (window), NULL);

  self = g_object_new (TP_TYPE_TEAM_DATABASE_DIALOG,
                       "transient-for", window,
                       NULL);
  self->window = g_object_ref (window);

  return self;
}

static void
tp_team_database_dialog_dispose (GObject *object)
{
  TpTeamDatabaseDialog *self = TP_TEAM_DATABASE_DIALOG (object);

  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_TEAM_DATABASE_DIALOG);
  g_clear_object (&self->settings);
  /* A worker still connecting keeps the dialog until the server answers,
   * which may be after the window is gone: let go of it now. */
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (tp_team_database_dialog_parent_class)->dispose (object);
}

static void
tp_team_database_dialog_class_init (TpTeamDatabaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_team_database_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-team-database-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, sslmode_row);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, advanced_group);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, setup_button);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, TpTeamDatabaseDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "team.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "team.setup", NULL, setup_action);
  gtk_widget_class_install_action (widget_class, "team.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "team.cancel", NULL);
}

static void
tp_team_database_dialog_init (TpTeamDatabaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  fill_from_recent (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->host_row));
}
