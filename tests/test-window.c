/* test-window.c
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

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "tp-application.h"
#include "tp-cli.h"
#include "tp-database.h"
#include "tp-followups-section.h"
#include "tp-marketing-page.h"
#include "tp-sales-page.h"
#include "tp-sample.h"
#include "tp-store.h"
#include "tp-import-dialog.h"
#include "tp-print-worksheets-dialog.h"
#include "tp-results-section.h"
#include "tp-sales-util-private.h"
#include "tp-window-private.h"

/* One application for the whole program, as in the real app: it is
 * registered once, and each test opens its own window on its own file. */
static TpApplication *app;

typedef struct
{
  char          *dir;
  TpApplication *app;
  TpWindow      *window;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "touchpoint.db", NULL);

  f->app = app;
  tp_application_set_database_path (f->app, path);

  f->window = tp_window_new (f->app);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_window_tabs (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (f->window->view_stack);
  g_autoptr(AdwViewStackPage) first = g_list_model_get_item (G_LIST_MODEL (pages), 0);
  g_autoptr(AdwViewStackPage) second = g_list_model_get_item (G_LIST_MODEL (pages), 1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 2);
  g_assert_cmpstr (adw_view_stack_page_get_name (first), ==, "marketing");
  g_assert_cmpstr (adw_view_stack_page_get_title (first), ==, "_Marketing");
  g_assert_cmpstr (adw_view_stack_page_get_name (second), ==, "sales");
  g_assert_cmpstr (adw_view_stack_page_get_title (second), ==, "_Sales");

  /* The database opened, so the content shows, not the error page. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "content");
}

static void
test_window_switch_tabs (Fixture       *f,
                         gconstpointer  data)
{
  const struct {
    const char *action;
    const char *accel;
    const char *page;
  } tabs[] = {
    { "window.show-sales", "<Control>2", "sales" },
    { "window.show-marketing", "<Control>1", "marketing" },
    { "window.show-sales", "<Control>2", "sales" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                    tabs[i].action);

      g_assert_true (g_strv_contains ((const char * const *) accels, tabs[i].accel));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), tabs[i].action, NULL));
      drain ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, tabs[i].page);
    }
}

static void
test_window_last_tab_kept (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  TpWindow *second;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-sales", NULL);
  drain ();
  g_assert_cmpstr (g_settings_get_string (settings, "last-tab"), ==, "sales");

  /* A new window opens on the tab shown last. */
  second = tp_window_new (f->app);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (second->view_stack), ==, "sales");
  gtk_window_destroy (GTK_WINDOW (second));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-marketing", NULL);
  drain ();
  g_assert_cmpstr (g_settings_get_string (settings, "last-tab"), ==, "marketing");
}

static void
test_window_size_kept (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_close (GTK_WINDOW (f->window));
  drain ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The fixture destroys a new window instead. */
  f->window = tp_window_new (f->app);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
    g_assert_cmpint (width, ==, 800);
    g_assert_cmpint (height, ==, 600);
  }

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The first mapped descendant of @type, if any. */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_sections (AdwViewStack       *stack,
                 const char * const *names)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  g_assert_cmpuint (n, ==, g_strv_length ((char **) names));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);
      AdwStatusPage *empty;

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, names[i]);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));

      adw_view_stack_set_visible_child_name (stack, names[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (stack));
      drain ();
      g_assert_true (gtk_widget_get_mapped (child));

      /* An empty database: each list section says what it is for with a
       * status page; the Brand section is a form of one record, whose
       * groups say what each field is for. */
      if (g_str_equal (names[i], "brand"))
        {
          GtkWidget *group = find_mapped (child, ADW_TYPE_PREFERENCES_GROUP);

          g_assert_nonnull (group);
          g_assert_cmpuint (strlen (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group))), >, 20);
          continue;
        }

      /* Results adds up its figures on a worker after the first frame */
      if (TP_IS_RESULTS_SECTION (child))
        {
          gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

          while (tp_results_section_get_loading (TP_RESULTS_SECTION (child)) &&
                 g_get_monotonic_time () < until)
            g_main_context_iteration (NULL, TRUE);
          drain ();
        }

      empty = ADW_STATUS_PAGE (find_mapped (child, ADW_TYPE_STATUS_PAGE));
      g_assert_nonnull (empty);
      g_assert_cmpuint (strlen (adw_status_page_get_title (empty)), >, 0);
      g_assert_cmpuint (strlen (adw_status_page_get_description (empty)), >, 20);
    }
}

static void
test_window_empty_sections (Fixture       *f,
                            gconstpointer  data)
{
  const char *marketing[] = { "audiences", "brand", "competitors", "tactics", "plan", "results",
                              NULL };
  const char *sales[] = { "customers", "follow-ups", "activity", "chart", "orders", NULL };

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-marketing", NULL);
  drain ();
  assert_sections (tp_marketing_page_get_stack (f->window->marketing_page), marketing);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-sales", NULL);
  drain ();
  assert_sections (tp_sales_page_get_stack (f->window->sales_page), sales);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_window_about (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *about;

  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  drain ();

  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Touchpoint");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (f->window));
  gtk_window_destroy (about);
}

/* Any window GTK keeps, shown or not. */
static guint
count_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        n++;
    }

  return n;
}

static GtkShortcutsShortcut *
find_shortcut (GtkWidget  *widget,
               const char *action_name)
{
  g_autofree char *name = NULL;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_object_get (widget, "action-name", &name, NULL);
      if (g_strcmp0 (name, action_name) == 0)
        return GTK_SHORTCUTS_SHORTCUT (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkShortcutsShortcut *found = find_shortcut (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_shortcuts (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                "window.show-shortcuts");
  g_autofree char *accelerator = NULL;
  GtkShortcutsShortcut *shortcut;
  GtkWindow *overlay;

  /* No hidden shortcuts window waits at start-up: GTK 4.8 crashes when a
   * screen reader asks for a window past the last shown one while a
   * never-shown window ends the list. */
  g_assert_cmpuint (count_toplevels (GTK_TYPE_SHORTCUTS_WINDOW), ==, 0);

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-shortcuts", NULL));
  drain ();

  overlay = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_window_get_transient_for (overlay) == GTK_WINDOW (f->window));

  /* It shows the keys of the window's actions. */
  shortcut = find_shortcut (GTK_WIDGET (overlay), "window.show-sales");
  g_assert_nonnull (shortcut);
  g_object_get (shortcut, "accelerator", &accelerator, NULL);
  g_assert_cmpstr (accelerator, ==, "<Control>2");

  /* Closed, it is gone, not hidden. */
  gtk_window_close (overlay);
  drain ();
  g_assert_cmpuint (count_toplevels (GTK_TYPE_SHORTCUTS_WINDOW), ==, 0);

  /* And it comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-shortcuts", NULL));
  drain ();
  overlay = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  gtk_window_close (overlay);
  drain ();
}

static void
test_window_disabled_actions (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), "app.quit");

  g_assert_true (g_strv_contains ((const char * const *) quit, "<Control>q"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "quit"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "about"));
}

static void
test_window_print_worksheets (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                "window.print-worksheets");
  GtkWindow *dialog;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>p"));
  g_assert_null (find_toplevel (TP_TYPE_PRINT_WORKSHEETS_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.print-worksheets", NULL));
  drain ();

  dialog = find_toplevel (TP_TYPE_PRINT_WORKSHEETS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  gtk_window_destroy (dialog);
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  for (guint n = 0; n < 3000; n++)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
            g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
          return l->data;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_error ("no dialog “%s”", heading);
  return NULL;
}

/* Copy Business To…: an address enables the team database; a copy into
 * a new file holds the business; a server that is not there gets its
 * message, and the window goes on. */
static void
test_window_copy_business (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(TpDatabase) copied = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  TpStatement *stmt;

  /* New customers: none has been quiet long enough to come due, so
   * nothing is announced while the dialogs have the focus (the test bus
   * has no notification service) */
  tp_database_exec (tp_store_get_database (f->window->store),
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) "
                    "INSERT INTO customers (name, created_at, updated_at) SELECT 'Customer ' || i, "
                    "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                    "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') FROM n", &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.copy-business", NULL));
  dialog = find_message_dialog ("Copy Business To");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "file"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "server"));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "postgresql://ann@%2Fnonexistent%2Fsock/shop");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "server"));
  adw_message_dialog_response (dialog, "server");

  dialog = find_message_dialog ("Could Not Copy the Business");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Could not reach the database server of "
                            "“postgresql://ann@/nonexistent/sock/shop”"));
  adw_message_dialog_response (dialog, "close");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "content");

  _tp_window_copy_business_to (f->window, target);
  dialog = find_message_dialog ("Business Copied");
  adw_message_dialog_response (dialog, "close");

  copied = tp_database_open (target, &error);
  g_assert_no_error (error);
  stmt = tp_database_prepare (copied, "SELECT count(*) FROM customers", &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_cmpint (tp_statement_get_int64 (stmt, 0), ==, 30);
  tp_statement_reset (stmt);
  drain ();
}

static void
test_window_import_export (Fixture       *f,
                           gconstpointer  data)
{
  GtkWindow *dialog;

  /* Import… opens the import dialog on the window's own database. */
  g_assert_null (find_toplevel (TP_TYPE_IMPORT_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.import", NULL));
  drain ();
  dialog = find_toplevel (TP_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (tp_import_dialog_get_export (TP_IMPORT_DIALOG (dialog)));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  gtk_window_destroy (dialog);
  drain ();

  /* Export… opens the same dialog, exporting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.export", NULL));
  drain ();
  dialog = find_toplevel (TP_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (tp_import_dialog_get_export (TP_IMPORT_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  drain ();
}

static char *
stored_currency (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = tp_database_open (path, &error);
  TpStatement *stmt;
  char *value = NULL;

  g_assert_no_error (error);
  stmt = tp_database_prepare (db, "SELECT value FROM settings WHERE key = 'currency'", &error);
  g_assert_no_error (error);
  if (tp_statement_step (stmt, &error))
    value = g_strdup (tp_statement_get_text (stmt, 0));
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return value;
}

static void
open_and_close (const char *path)
{
  TpWindow *window;

  tp_application_set_database_path (app, path);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_window_locale_currency (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_autofree char *swiss = g_build_filename (dir, "swiss.db", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *old = g_strdup (setlocale (LC_MONETARY, NULL));
  const char * const monetary_locales[] = { "de_CH.UTF-8", "en_US.UTF-8", "de_DE.UTF-8" };
  const char *monetary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *stored = NULL;

  g_assert_no_error (error);

  /* The code is the first three letters of the symbol, or none. */
  stored = _tp_currency_from_symbol ("CHF ");
  g_assert_cmpstr (stored, ==, "CHF");
  g_clear_pointer (&stored, g_free);
  stored = _tp_currency_from_symbol ("USD");
  g_assert_cmpstr (stored, ==, "USD");
  g_clear_pointer (&stored, g_free);
  g_assert_null (_tp_currency_from_symbol (""));
  g_assert_null (_tp_currency_from_symbol ("usd "));
  g_assert_null (_tp_currency_from_symbol ("EURO"));
  g_assert_null (_tp_currency_from_symbol (NULL));

  /* A new database takes the monetary locale's currency and stores it. */
  for (guint i = 0; i < G_N_ELEMENTS (monetary_locales) && monetary == NULL; i++)
    if (setlocale (LC_MONETARY, monetary_locales[i]) != NULL)
      monetary = monetary_locales[i];
  if (monetary != NULL)
    {
      expected = _tp_locale_currency ();
      g_assert_nonnull (expected);
      open_and_close (swiss);
      stored = stored_currency (swiss);
      g_assert_cmpstr (stored, ==, expected);
      g_clear_pointer (&stored, g_free);
    }

  /* The C locale has no currency: nothing is stored, EUR is the default. */
  g_assert_nonnull (setlocale (LC_MONETARY, "C"));
  g_assert_null (_tp_locale_currency ());
  open_and_close (plain);
  g_assert_null (stored_currency (plain));

  /* An existing database keeps what it had, whatever the locale. */
  if (expected != NULL)
    {
      g_assert_nonnull (setlocale (LC_MONETARY, monetary));
      open_and_close (plain);
      g_assert_null (stored_currency (plain));
    }

  setlocale (LC_MONETARY, old);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_window_locked_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *description = NULL;
  g_autofree char *twice = NULL;
  sqlite3 *holder = NULL;
  TpWindow *window;
  const char *rest;
  gint64 deadline;

  g_assert_no_error (error);
  open_and_close (path);

  /* Another program holds the file for itself. */
  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  tp_application_set_database_path (app, path);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");

  /* The page names the file once, offers Try Again, and no new database
   * that would set the file in use aside. */
  g_object_get (window->error_page, "description", &description, NULL);
  rest = strstr (description, path);
  g_assert_nonnull (rest);
  g_assert_null (strstr (rest + strlen (path), path));
  g_assert_true (gtk_widget_get_visible (window->retry_button));
  g_assert_false (gtk_widget_get_visible (window->new_database_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "window.new-database", NULL);
  drain ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");

  /* Try Again while it is still held: the same page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.retry-database", NULL));
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");

  /* Once the other program lets go, the window opens it by itself. */
  sqlite3_close (holder);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "content") != 0 &&
         g_get_monotonic_time () < deadline)
    wait_ms (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  g_assert_nonnull (tp_window_get_store (window));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  twice = g_strconcat (path, "-wal", NULL);
  g_unlink (twice);
  g_clear_pointer (&twice, g_free);
  twice = g_strconcat (path, "-shm", NULL);
  g_unlink (twice);
  g_unlink (path);
  g_rmdir (dir);
}

static void
collect_mapped (GtkWidget  *widget,
                GType       type,
                GPtrArray  *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mapped (child, type, found);
}

static guint
n_back_buttons (TpWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n = 0;

  collect_mapped (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "go-previous-symbolic") == 0)
        n++;
    }

  return n;
}

static void
wait_frames (TpWindow *window)
{
  for (guint i = 0; i < 10; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      wait_ms (30);
    }
}

static void
test_window_narrow (Fixture       *f,
                    gconstpointer  data)
{
  TpStore *store = tp_window_get_store (f->window);
  g_autoptr(TpCustomer) customer = tp_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *toast_label = NULL;
  graphene_rect_t toast_bounds, bar_bounds;

  tp_customer_set_name (customer, "Jo Walker");
  g_assert_true (tp_store_add_customer (store, customer, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "sales");
  wait_frames (f->window);

  /* Narrow Sales shows one back bar at a time: to the sections from the
   * list, to the list from a customer. */
  g_assert_true (tp_sales_page_show_customer (f->window->sales_page, tp_record_get_id (TP_RECORD (customer))));
  wait_frames (f->window);
  g_assert_cmpuint (n_back_buttons (f->window), ==, 1);

  /* A toast sits above the bottom view switcher, whole. */
  tp_window_add_toast (f->window, adw_toast_new ("Touch with Jo Walker logged"));
  wait_frames (f->window);
  collect_mapped (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR, bars);
  g_assert_cmpuint (bars->len, ==, 1);
  collect_mapped (GTK_WIDGET (f->window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), "Touch with Jo Walker logged") == 0)
      toast_label = g_ptr_array_index (labels, i);
  g_assert_nonnull (toast_label);
  g_assert_true (gtk_widget_compute_bounds (toast_label, GTK_WIDGET (f->window), &toast_bounds));
  g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (bars, 0), GTK_WIDGET (f->window), &bar_bounds));
  g_assert_cmpfloat (bar_bounds.size.height, >, 0);
  g_assert_cmpfloat (toast_bounds.origin.y + toast_bounds.size.height, <=, bar_bounds.origin.y);
  g_assert_cmpfloat (toast_bounds.origin.x, >=, 0);
  g_assert_cmpfloat (toast_bounds.origin.x + toast_bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (f->window)));
}

static void
test_window_damaged_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *description = NULL;
  const char *name;
  TpWindow *window;
  gsize len;

  g_assert_no_error (error);
  g_file_set_contents (path, "This is not a database, but a shopping list: eggs, flour, "
                             "butter and a great deal of sugar for the cakes.", -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &before, &len, NULL);

  tp_application_set_database_path (app, path);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  /* The error page names the file, and the file is untouched. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_object_get (window->error_page, "description", &description, NULL);
  g_assert_nonnull (strstr (description, path));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  /* Without a database the tab actions are disabled and do nothing. */
  {
    const char *shown = adw_view_stack_get_visible_child_name (window->view_stack);
    gboolean on_sales = g_strcmp0 (shown, "sales") == 0;

    gtk_widget_activate_action (GTK_WIDGET (window),
                                on_sales ? "window.show-marketing" : "window.show-sales", NULL);
    drain ();
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==,
                     on_sales ? "sales" : "marketing");
  }

  /* Starting a new database keeps the old file under a name that says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.new-database", NULL));
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    gboolean found = FALSE;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        if (g_str_has_prefix (name, "damaged.damaged-"))
          {
            g_autofree char *kept = NULL;

            g_file_get_contents (file, &kept, NULL, NULL);
            g_assert_cmpstr (kept, ==, before);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

/* Another program's SQLite file (one table, user_version 1): the error
 * page says so, and the file was not switched to WAL or changed. */
static void
test_window_foreign_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *description = NULL;
  sqlite3 *raw = NULL;
  TpWindow *window;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                                      "INSERT INTO notes (body) VALUES ('call the mill');"
                                      "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_file_get_contents (path, &before, NULL, NULL);

  tp_application_set_database_path (app, path);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_object_get (window->error_page, "description", &description, NULL);
  g_assert_nonnull (strstr (description, path));
  g_assert_nonnull (strstr (description, "another program"));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_remove (path);
  g_rmdir (dir);
}

/* A file too large to have every page read before the first frame opens,
 * and the damage a worker then finds beyond its first pages shows the
 * damaged-database page, with the file left as it was. */
static void
test_window_damaged_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "large.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *description = NULL;
  g_autoptr(TpStore) store = NULL;
  g_autoptr(TpDatabase) db = NULL;
  gsize size = 0;
  gint64 deadline;
  sqlite3 *raw = NULL;
  TpWindow *window;
  FILE *file;

  g_assert_no_error (error);
  store = tp_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* About 20 MiB of customers' notes, then a broken link at the end of
   * the file: the last page's pointer to the next overflow page. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "WITH RECURSIVE n (value) AS "
                                 "(SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 200) "
                                 "INSERT INTO customers (name, notes, created_at, updated_at) "
                                 "SELECT 'Big ' || value, replace (hex (zeroblob (50000)), '00', 'ab'), "
                                 "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' "
                                 "FROM n;"
                                 "PRAGMA wal_checkpoint(TRUNCATE);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (path, &before, &size, NULL));
  g_assert_cmpuint (size, >, 16 * 1024 * 1024);
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long)(size - 4096), SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite ("\xff\xff\xff\xf0", 1, 4, file), ==, 4);
  fclose (file);
  g_clear_pointer (&before, g_free);
  g_file_get_contents (path, &before, NULL, NULL);

  /* Opening alone does not read every page of so large a file. */
  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (tp_database_get_pages_checked (db));
  g_clear_object (&db);

  tp_application_set_database_path (app, path);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "error") != 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  drain ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_assert_null (window->store);
  g_assert_true (g_error_matches (window->database_error, TP_DATABASE_ERROR,
                                  TP_DATABASE_ERROR_NOT_DATABASE));
  g_object_get (window->error_page, "description", &description, NULL);
  g_assert_nonnull (strstr (description, path));
  g_assert_nonnull (strstr (description, "damaged"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_true (g_strcmp0 (before, after) == 0);

  g_remove (path);
  g_rmdir (dir);
}

static gboolean
store_is_empty (TpWindow *window)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  g_assert_true (tp_sample_database_is_empty (tp_store_get_database (tp_window_get_store (window)),
                                              &empty, &error));
  g_assert_no_error (error);
  return empty;
}

static const char *
main_page (TpWindow *window)
{
  return gtk_stack_get_visible_child_name (window->main_stack);
}

static const char *
marketing_section (TpWindow *window)
{
  return adw_view_stack_get_visible_child_name (tp_marketing_page_get_stack (window->marketing_page));
}

static void
count_notice_cb (GNotification          *notification,
                 const TpFollowUpNotice *notice,
                 gpointer                user_data)
{
  (*(guint *) user_data)++;
}

/* A new owner, on the default database: the welcome and its three ways
 * in; after one of them, later starts go straight to the business. */
static void
test_window_welcome (void)
{
  g_autofree char *path = tp_cli_get_default_database_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sample = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GListModel) audiences = NULL;
  g_autoptr(GListModel) tactics = NULL;
  TpWindow *window;
  guint n_notices = 0;

  /* A new machine: not even the data folder is there yet. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_settings_reset (settings, "show-welcome");
  tp_application_set_database_path (app, path);

  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (main_page (window), ==, "welcome");

  /* A file named on purpose is its business, even an empty one. */
  {
    g_autofree char *other = g_build_filename (dir, "other.db", NULL);
    TpWindow *other_window;

    tp_application_set_database_path (app, other);
    other_window = tp_window_new (app);
    g_assert_cmpstr (main_page (other_window), ==, "content");
    gtk_window_destroy (GTK_WINDOW (other_window));
    tp_application_set_database_path (app, path);
  }
  g_assert_cmpstr (adw_status_page_get_title (window->welcome_page), ==, "Welcome to Touchpoint");

  /* Explore a Sample Business: its own file, marked, one click back. Its
   * follow-ups are due: their notifications are counted, not sent. */
  tp_followups_section_set_notify_func (TP_FOLLOWUPS_SECTION (adw_view_stack_get_child_by_name (tp_sales_page_get_stack (window->sales_page), "follow-ups")),
                                        count_notice_cb, &n_notices);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.explore-sample", NULL));
  drain ();
  g_assert_cmpstr (main_page (window), ==, "content");
  g_assert_cmpstr (tp_window_get_database_path (window), ==, sample);
  g_assert_true (gtk_revealer_get_reveal_child (window->sample_banner));
  g_assert_false (store_is_empty (window));
  g_assert_false (g_settings_get_boolean (settings, "show-welcome"));
  tp_followups_section_refresh (TP_FOLLOWUPS_SECTION (adw_view_stack_get_child_by_name (tp_sales_page_get_stack (window->sales_page), "follow-ups")));
  while (n_notices == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.leave-sample", NULL));
  drain ();
  g_assert_cmpstr (tp_window_get_database_path (window), ==, path);
  g_assert_false (gtk_revealer_get_reveal_child (window->sample_banner));
  g_assert_true (store_is_empty (window));
  g_assert_cmpstr (main_page (window), ==, "content");
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  /* A later start goes straight to the (still empty) business. */
  window = tp_window_new (app);
  g_assert_cmpstr (main_page (window), ==, "content");
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  /* Start Your Plan: audience, brand words, tactics, each in its editor,
   * each skippable, then the plan's overview. */
  g_settings_reset (settings, "show-welcome");
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (main_page (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.start-plan", NULL));
  drain ();
  g_assert_cmpstr (main_page (window), ==, "content");
  g_assert_true (gtk_revealer_get_reveal_child (window->guide_bar));
  g_assert_cmpstr (gtk_label_get_label (window->guide_title), ==, "Step 1 of 3: Your First Audience");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "marketing");
  g_assert_cmpstr (marketing_section (window), ==, "audiences");
  audiences = tp_store_list_audiences (tp_window_get_store (window));
  g_assert_cmpuint (g_list_model_get_n_items (audiences), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.plan-next", NULL));
  drain ();
  g_assert_cmpstr (gtk_label_get_label (window->guide_title), ==, "Step 2 of 3: Three Brand Words");
  g_assert_cmpstr (marketing_section (window), ==, "brand");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.plan-skip", NULL));
  drain ();
  g_assert_cmpstr (gtk_label_get_label (window->guide_title), ==, "Step 3 of 3: Three or Four Tactics");
  g_assert_cmpstr (marketing_section (window), ==, "tactics");
  tactics = tp_store_list_tactics (tp_window_get_store (window));
  g_assert_cmpuint (g_list_model_get_n_items (tactics), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.plan-next", NULL));
  drain ();
  g_assert_false (gtk_revealer_get_reveal_child (window->guide_bar));
  g_assert_cmpstr (marketing_section (window), ==, "plan");
  g_clear_object (&audiences);
  g_clear_object (&tactics);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  /* Bring In Your Customers… opens the import. */
  g_settings_reset (settings, "show-welcome");
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (main_page (window), ==, "welcome");
  g_assert_null (find_toplevel (TP_TYPE_IMPORT_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.welcome-import", NULL));
  drain ();
  g_assert_cmpstr (main_page (window), ==, "content");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "sales");
  g_assert_nonnull (find_toplevel (TP_TYPE_IMPORT_DIALOG));
  gtk_window_destroy (find_toplevel (TP_TYPE_IMPORT_DIALOG));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static gboolean
message_dialog_exists (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return TRUE;
    }
  return FALSE;
}

/* libadwaita 1.6 and later measure the large heading of a message dialog
 * at widths narrower than it while choosing between it and the small
 * heading, and GTK 4.18 warns about that. Not ours, and harmless: the one
 * warning written without the abort of G_DEBUG=fatal-warnings, and only
 * while a message dialog is up. */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) != 0 &&
      adw_get_minor_version () >= 6 &&
      g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to measure GtkLabel ") &&
      message_dialog_exists ())
    return g_log_writer_standard_streams (log_level & ~G_LOG_FLAG_FATAL, fields, n_fields,
                                          user_data);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("touchpoint-test-data-XXXXXX", NULL);
  int status;

  g_log_set_writer_func (write_log, NULL, NULL);

  /* The default database of the welcome test, away from the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = tp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/touchpoint/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("tabs", test_window_tabs);
  ADD ("switch-tabs", test_window_switch_tabs);
  ADD ("last-tab-kept", test_window_last_tab_kept);
  ADD ("size-kept", test_window_size_kept);
  ADD ("empty-sections", test_window_empty_sections);
  ADD ("about", test_window_about);
  ADD ("shortcuts", test_window_shortcuts);
  ADD ("app-actions", test_window_disabled_actions);
  ADD ("print-worksheets", test_window_print_worksheets);
  ADD ("import-export", test_window_import_export);
  ADD ("narrow", test_window_narrow);
  ADD ("copy-business", test_window_copy_business);
  g_test_add_func ("/touchpoint/window/damaged-database", test_window_damaged_database);
  g_test_add_func ("/touchpoint/window/foreign-database", test_window_foreign_database);
  g_test_add_func ("/touchpoint/window/damaged-large", test_window_damaged_large);
  g_test_add_func ("/touchpoint/window/locale-currency", test_window_locale_currency);
  g_test_add_func ("/touchpoint/window/locked-database", test_window_locked_database);
  g_test_add_func ("/touchpoint/window/welcome", test_window_welcome);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
