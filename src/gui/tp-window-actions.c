/* tp-window-actions.c
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

#include "tp-backup.h"
#include "tp-cli.h"
#include "tp-customer-detail.h"
#include "tp-customers-section.h"
#include "tp-log-touch-dialog.h"
#include "tp-preferences-window.h"
#include "tp-import-dialog.h"
#include "tp-print-worksheets-dialog.h"
#include "tp-sample.h"
#include "tp-team-database-dialog.h"
#include "tp-window-private.h"

static void
show_tab_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  /* "window.show-marketing" → "marketing" */
  adw_view_stack_set_visible_child_name (self->view_stack, action_name + strlen ("window.show-"));
}

static const char *
set_aside_reason (const GError *error)
{
  if (error == NULL || error->domain != TP_DATABASE_ERROR)
    return "unopenable";

  switch ((TpDatabaseError) error->code)
    {
    case TP_DATABASE_ERROR_NOT_DATABASE: return "damaged";
    case TP_DATABASE_ERROR_NEWER: return "newer-version";
    case TP_DATABASE_ERROR_PERMISSION: return "unreadable";
    case TP_DATABASE_ERROR_BUSY: return "locked";
    case TP_DATABASE_ERROR_FAILED:
    case TP_DATABASE_ERROR_FULL:
    case TP_DATABASE_ERROR_CONSTRAINT:
    case TP_DATABASE_ERROR_INVALID:
    default:
      return "unopenable";
    }
}

/*
 * Moves the database that could not be opened (and its WAL files) aside,
 * under a name that says why and when, so that a new database can take
 * its place. Nothing is deleted.
 */
static gboolean
set_database_aside (TpWindow  *self,
                    GError   **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%SZ");
  g_autofree char *base = NULL;
  const char *path = self->database_path;

  if (g_str_has_suffix (path, ".db"))
    base = g_strndup (path, strlen (path) - strlen (".db"));
  else
    base = g_strdup (path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strdup_printf ("%s.%s-%s.db%s", base,
                                             set_aside_reason (self->database_error),
                                             stamp, suffixes[i]);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (from);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       /* Translators: %s is a file name, then the system's reason */
                       _("Could not move “%s” aside: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!set_database_aside (self, &error))
    {
      tp_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  tp_window_open_database (self, self->database_path);
}

static void
retry_database_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  /* A server may take its time to answer: not on the main loop */
  if (tp_database_path_is_server (self->database_path))
    _tp_window_retry_server (self);
  else
    tp_window_open_database (self, self->database_path);
}

/*
 * Inside the Flatpak the file chooser is the portal's, and the document
 * portal hands the app one file in a folder of its own, where SQLite
 * cannot make the -wal and -shm it keeps beside a database. There the
 * app opens a copy in its own data folder instead (the original is read,
 * never written); backups and exports still go out through the portal as
 * one file each. See "Flatpak" in HACKING.md.
 */
static gboolean
in_sandbox (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static void
open_copy (TpWindow   *self,
           const char *path)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "touchpoint", NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_str_has_suffix (base, ".db") ? g_strndup (base, strlen (base) - 3)
                                                         : g_strdup (base);
  g_autofree char *dest = g_build_filename (dir, base, NULL);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 2; g_file_test (dest, G_FILE_TEST_EXISTS); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s (%u).db", stem, i);

      g_free (dest);
      dest = g_build_filename (dir, name, NULL);
    }

  if (!tp_database_copy_file (path, dest, &error))
    {
      tp_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  tp_window_open_database (self, dest);
  if (tp_window_get_store (self) != NULL)
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Opened a copy of “%s” in Touchpoint’s own folder; "
                                   "the original was not changed"), base);
      tp_window_add_toast (self, adw_toast_new (message));
    }
}

static void
on_open_database_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              TpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && in_sandbox ())
        open_copy (self, path);
      else if (path != NULL)
        tp_window_open_database (self, path);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("Touchpoint Databases"));
  gtk_file_filter_add_suffix (databases, "db");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  native = gtk_file_chooser_native_new (_("Open a Database"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_open_database_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_team_database_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (tp_team_database_dialog_new (self)));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  TpPreferencesWindow *preferences;

  preferences = tp_preferences_window_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Opens a customer in the Sales tab: where a follow-up notification leads. */
static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "sales");
  gtk_widget_activate_action_variant (GTK_WIDGET (self->sales_page), "sales.show-customer", parameter);
}

static void
show_follow_ups_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "sales");
  adw_view_stack_set_visible_child_name (tp_sales_page_get_stack (self->sales_page), "follow-ups");
}

/* Ctrl+T from anywhere: the customer shown in Customers, or else the
 * dialog asks for one. (In Customers, the section's own shortcut comes
 * first; this is where it lands from every other place.) */
static void
log_touch_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  GtkWidget *section = adw_view_stack_get_visible_child (tp_sales_page_get_stack (self->sales_page));
  TpLogTouchDialog *dialog;

  if (self->store == NULL)
    return;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sales") == 0 &&
      TP_IS_CUSTOMERS_SECTION (section))
    {
      TpCustomerDetail *detail = tp_customers_section_get_detail (TP_CUSTOMERS_SECTION (section));

      if (tp_customer_detail_log_touch (detail) != NULL)
        return;
    }

  dialog = tp_log_touch_dialog_new (self->store, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An import or a restore wrote through its own connection: every view
 * re-reads what it shows. */
static void
on_import_dialog_imported_cb (TpWindow *self)
{
  if (self->store != NULL)
    tp_store_notify_external_change (self->store);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  TpImportDialog *dialog = tp_import_dialog_new (GTK_WINDOW (self), self->database_path);

  g_signal_connect_object (dialog, "imported",
                           G_CALLBACK (on_import_dialog_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  tp_export_run (GTK_WINDOW (self), self->database_path);
}

/* Copy Business To…: the whole business into a new file or an empty
 * team database (tp_backup_copy_async()), with progress and Stop. The
 * team database's own dialog, with its keyring, is the Open Team
 * Database dialog's; here an address is enough. */

typedef struct
{
  TpWindow       *window;
  GCancellable   *cancellable;
  AdwMessageDialog *progress_dialog;
  GtkProgressBar *bar;
  char           *target;
} CopyBusiness;

static void
copy_business_free (gpointer data)
{
  CopyBusiness *copy = data;

  g_clear_object (&copy->window);
  g_clear_object (&copy->cancellable);
  g_clear_object (&copy->progress_dialog);
  g_clear_object (&copy->bar);
  g_free (copy->target);
  g_free (copy);
}

static void
copy_business_progress_cb (double   fraction,
                           gpointer user_data)
{
  CopyBusiness *copy = user_data;

  gtk_progress_bar_set_fraction (copy->bar, fraction);
}

static void
copy_business_stop_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  CopyBusiness *copy = user_data;

  g_cancellable_cancel (copy->cancellable);
}

static void
copy_business_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  CopyBusiness *copy = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = tp_database_name_for_path (copy->target);
  GtkWidget *message;

  g_signal_handlers_disconnect_by_data (copy->progress_dialog, copy);
  gtk_window_destroy (GTK_WINDOW (copy->progress_dialog));

  if (tp_backup_copy_finish (result, &error))
    {
      g_autofree char *body = g_strdup_printf (/* Translators: %s is a database file or address */
                                               _("The whole business is now also in “%s”."),
                                               name);

      message = adw_message_dialog_new (GTK_WINDOW (copy->window), _("Business Copied"), body);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *body = g_strdup_printf (/* Translators: %s is a database file or address */
                                               _("Nothing was copied into “%s”."), name);

      message = adw_message_dialog_new (GTK_WINDOW (copy->window), _("Copy Stopped"), body);
    }
  else
    {
      message = adw_message_dialog_new (GTK_WINDOW (copy->window),
                                        _("Could Not Copy the Business"), error->message);
    }

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
  copy_business_free (copy);
}

void
_tp_window_copy_business_to (TpWindow   *self,
                             const char *target)
{
  CopyBusiness *copy = g_new0 (CopyBusiness, 1);
  GtkWidget *dialog;
  GtkWidget *bar;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Copying the Business"), NULL);
  bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copying the Business"), -1);
  gtk_widget_set_size_request (bar, 280, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "stop", _("_Stop"));

  copy->window = g_object_ref (self);
  copy->cancellable = g_cancellable_new ();
  copy->progress_dialog = ADW_MESSAGE_DIALOG (g_object_ref (dialog));
  copy->bar = GTK_PROGRESS_BAR (g_object_ref (bar));
  copy->target = g_strdup (target);
  g_signal_connect (dialog, "response", G_CALLBACK (copy_business_stop_cb), copy);
  gtk_window_present (GTK_WINDOW (dialog));

  tp_backup_copy_async (self->database_path, target, copy_business_progress_cb, copy, NULL,
                        copy->cancellable, copy_business_done_cb, copy);
}

static void
on_copy_file_response_cb (GtkNativeDialog *native,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(TpWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        _tp_window_copy_business_to (self, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static gboolean
is_team_address (const char *text)
{
  return g_str_has_prefix (text, "postgresql://") || g_str_has_prefix (text, "postgres://");
}

static void
on_copy_address_changed_cb (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "server",
                                           is_team_address (gtk_editable_get_text (entry)));
}

static void
on_copy_business_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              gpointer          user_data)
{
  TpWindow *self = user_data;

  if (g_str_equal (response, "file"))
    {
      GtkFileChooserNative *native;

      native = gtk_file_chooser_native_new (_("Copy the Business to a New File"),
                                            GTK_WINDOW (self),
                                            GTK_FILE_CHOOSER_ACTION_SAVE,
                                            _("_Copy"),
                                            _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "touchpoint-copy.db");
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
      g_signal_connect (native, "response", G_CALLBACK (on_copy_file_response_cb),
                        g_object_ref (self));
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
    }
  else if (g_str_equal (response, "server"))
    {
      GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

      _tp_window_copy_business_to (self, gtk_editable_get_text (entry));
    }
}

static void
copy_business_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Copy Business To"),
                                   _("Copy every customer, touch, order and plan into a new "
                                     "file, or into an empty team database on a server. This "
                                     "database stays as it is."));
  entry = gtk_entry_new ();
  /* Translators: an example of a team database's address; keep "postgresql://" */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("postgresql://user@server/database"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Team database address"), -1);
  /* room for a whole address */
  gtk_widget_set_size_request (entry, 280, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "file", _("To a _New File…"),
                                    "server", _("To the _Team Database"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "server", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "file");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_copy_address_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_business_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_worksheets_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  TpPrintWorksheetsDialog *dialog;

  dialog = tp_print_worksheets_dialog_new (GTK_WINDOW (self), tp_store_get_database (self->store));
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * The shortcuts window is built when it is asked for and destroyed when it
 * closes. GtkApplication would load it at start-up and keep it hidden, and
 * GTK 4.8 crashes when a screen reader asks for a window past the last
 * shown one while a never-shown window is last in its list (the question
 * races with any dialog that closes).
 */
static gboolean
drop_shortcuts_cb (gpointer data)
{
  GtkApplicationWindow *window = data;
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  /* Destroys the hidden shortcuts window, unless it was asked for again. */
  if (shortcuts != NULL && !gtk_widget_get_visible (GTK_WIDGET (shortcuts)))
    gtk_application_window_set_help_overlay (window, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_shortcuts_visible_cb (TpWindow   *self,
                         GParamSpec *pspec,
                         GtkWidget  *shortcuts)
{
  if (gtk_widget_get_visible (shortcuts))
    return;

  g_signal_handlers_disconnect_by_func (shortcuts, on_shortcuts_visible_cb, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, drop_shortcuts_cb, g_object_ref (self), g_object_unref);
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkShortcutsWindow *shortcuts;

  shortcuts = gtk_application_window_get_help_overlay (window);
  if (shortcuts == NULL || !gtk_widget_get_visible (GTK_WIDGET (shortcuts)))
    {
      builder = gtk_builder_new_from_resource ("/io/github/touchpoint/Touchpoint/tp-shortcuts-window.ui");
      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

      /* Modal and transient for the window, with the accelerators of
       * its actions. */
      gtk_application_window_set_help_overlay (window, shortcuts);
      g_signal_connect_object (shortcuts, "notify::visible",
                               G_CALLBACK (on_shortcuts_visible_cb), widget,
                               G_CONNECT_SWAPPED);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

/* The welcome: three ways in for a new owner. Choosing one turns the
 * welcome off for later starts. */

static void
leave_welcome (TpWindow   *self,
               const char *tab)
{
  g_settings_set_boolean (self->settings, "show-welcome", FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  adw_view_stack_set_visible_child_name (self->view_stack, tab);
}

/**
 * _tp_window_dup_sample_path:
 *
 * Returns: (transfer full): the file of the sample business the welcome
 *   offers, beside the default database and never the same file
 */
char *
_tp_window_dup_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "touchpoint", "sample.db", NULL);
}

/* The guided start of a plan: a bar over the Marketing tab says what each
 * step asks for and shows the editor it is done in, which keeps what is
 * typed as it is typed. Each step can be skipped. */
void
_tp_window_show_guide_step (TpWindow *self,
                            guint     step)
{
  self->guide_step = step;
  gtk_revealer_set_reveal_child (self->guide_bar, step > 0);
  if (step == 0)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "marketing");

  switch (step)
    {
    case 1:
      gtk_label_set_label (self->guide_title, _("Step 1 of 3: Your First Audience"));
      gtk_label_set_label (self->guide_description,
                           _("Who buys from you, and where do they spend their time? Give them a "
                             "name, describe them, and add the places where they are."));
      gtk_button_set_label (self->guide_next_button, _("_Next"));
      tp_marketing_page_show_section (self->marketing_page, "audiences");
      gtk_widget_activate_action (GTK_WIDGET (self->marketing_page), "marketing.add", NULL);
      break;

    case 2:
      gtk_label_set_label (self->guide_title, _("Step 2 of 3: Three Brand Words"));
      gtk_label_set_label (self->guide_description,
                           _("Three words you want customers to think of when they think of you."));
      gtk_button_set_label (self->guide_next_button, _("_Next"));
      tp_marketing_page_show_section (self->marketing_page, "brand");
      break;

    case 3:
      gtk_label_set_label (self->guide_title, _("Step 3 of 3: Three or Four Tactics"));
      gtk_label_set_label (self->guide_description,
                           _("What you will do again and again to be seen, such as a market stall "
                             "every Saturday or a post every week. Add three or four."));
      gtk_button_set_label (self->guide_next_button, _("_Done"));
      tp_marketing_page_show_section (self->marketing_page, "tactics");
      gtk_widget_activate_action (GTK_WIDGET (self->marketing_page), "marketing.add", NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
start_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  leave_welcome (self, "marketing");
  _tp_window_show_guide_step (self, 1);
}

/* Next and Skip both go on: what was typed is kept either way. After the
 * last step the plan's overview shows what came of it. */
static void
plan_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  if (self->guide_step == 0)
    return;

  if (self->guide_step >= 3)
    {
      _tp_window_show_guide_step (self, 0);
      tp_marketing_page_show_section (self->marketing_page, "plan");
      return;
    }

  _tp_window_show_guide_step (self, self->guide_step + 1);
}

/* The sample business lives in its own file: made and filled the first
 * time it is asked for, and kept (with whatever was tried in it) after. */
static void
explore_sample_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  g_autofree char *sample = _tp_window_dup_sample_path ();
  g_autoptr(GError) error = NULL;

  if (!g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (sample);
      g_autoptr(TpStore) store = NULL;

      g_mkdir_with_parents (dir, 0700);
      store = tp_store_open (sample, &error);
      if (store == NULL ||
          !tp_sample_fill (tp_store_get_database (store), TP_SAMPLE_SIZE_SMALL, &error))
        {
          g_clear_object (&store);
          g_remove (sample);
          tp_window_add_toast (self, adw_toast_new (error->message));
          return;
        }
    }

  leave_welcome (self, "sales");
  _tp_window_show_guide_step (self, 0);
  if (self->real_database_path == NULL)
    self->real_database_path = g_strdup (self->database_path);
  tp_window_open_database (self, sample);
}

static void
leave_sample_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  g_autofree char *path = g_steal_pointer (&self->real_database_path);

  if (path == NULL)
    path = tp_cli_get_default_database_path ();

  tp_window_open_database (self, path);
}

static void
welcome_import_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  leave_welcome (self, "sales");
  gtk_widget_activate_action (widget, "window.import", NULL);
}

/*
 * Enables what the current state allows: the data actions need an open
 * database; retrying only helps when another program holds the file, or
 * when a team database's server may answer now.
 */
void
_tp_window_actions_update (TpWindow *self)
{
  gboolean busy = g_error_matches (self->database_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_BUSY);
  /* A team database that could not be opened: the server may come back */
  gboolean server = self->database_error != NULL && tp_database_path_is_server (self->database_path);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.retry-database", busy || server);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.new-database", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.show-marketing", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.show-sales", self->store != NULL);

  /* A role that may only read imports nothing, logs no touch */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.import", _tp_window_can_change (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.export", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.print-worksheets", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.preferences", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.show-customer", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.show-follow-ups", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.log-touch", _tp_window_can_change (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.start-plan", _tp_window_can_change (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.explore-sample", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.welcome-import", _tp_window_can_change (self));
}

void
_tp_window_class_actions_init (TpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "window.show-marketing", NULL, show_tab_action);
  gtk_widget_class_install_action (widget_class, "window.show-sales", NULL, show_tab_action);
  gtk_widget_class_install_action (widget_class, "window.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "window.open-team-database", NULL,
                                   open_team_database_action);
  gtk_widget_class_install_action (widget_class, "window.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "window.retry-database", NULL, retry_database_action);
  gtk_widget_class_install_action (widget_class, "window.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "window.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "window.copy-business", NULL, copy_business_action);
  gtk_widget_class_install_action (widget_class, "window.print-worksheets", NULL, print_worksheets_action);
  gtk_widget_class_install_action (widget_class, "window.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "window.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "window.show-customer", "x", show_customer_action);
  gtk_widget_class_install_action (widget_class, "window.show-follow-ups", NULL, show_follow_ups_action);
  gtk_widget_class_install_action (widget_class, "window.log-touch", NULL, log_touch_action);
  gtk_widget_class_install_action (widget_class, "window.start-plan", NULL, start_plan_action);
  gtk_widget_class_install_action (widget_class, "window.plan-next", NULL, plan_next_action);
  gtk_widget_class_install_action (widget_class, "window.plan-skip", NULL, plan_next_action);
  gtk_widget_class_install_action (widget_class, "window.explore-sample", NULL, explore_sample_action);
  gtk_widget_class_install_action (widget_class, "window.leave-sample", NULL, leave_sample_action);
  gtk_widget_class_install_action (widget_class, "window.welcome-import", NULL, welcome_import_action);
}
