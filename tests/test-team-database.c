/* test-team-database.c — Open Team Database in the window, on a real
 * throwaway server (tests/pg-cluster)
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

#define G_LOG_DOMAIN "test-team-database"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "tp-application.h"
#include "tp-competitor.h"
#include "tp-competitor-editor.h"
#include "tp-competitors-section.h"
#include "tp-customer.h"
#include "tp-customer-detail.h"
#include "tp-marketing-page.h"
#include "tp-database.h"
#include "tp-store.h"
#include "tp-team-database-dialog-private.h"
#include "tp-test-engine.h"
#include "tp-window-private.h"

static TpApplication *app;

typedef struct
{
  char     *dir;
  TpWindow *window;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
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

/* With TP_TEST_SCREENSHOT_DIR set, saves what @widget's window shows
 * as DIR/NAME.png: the states a person sees, for looking at them. */
static void
shot (GtkWidget  *widget,
      const char *name)
{
  const char *dir = g_getenv ("TP_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GtkWidget *root;
  int width, height;

  if (dir == NULL)
    return;

  root = GTK_WIDGET (gtk_widget_get_root (widget));
  gtk_test_widget_wait_for_draw (root);
  wait_ms (400);  /* revealers and spinners settle */
  width = gtk_widget_get_width (root);
  height = gtk_widget_get_height (root);
  paintable = gtk_widget_paintable_new (root);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (root)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  f->dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "touchpoint.db", NULL);
  tp_application_set_database_path (app, path);
  g_settings_reset (settings, "recent-team-databases");

  f->window = tp_window_new (app);
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

/* The dialog the menu's Open Team Database… shows */
static TpTeamDatabaseDialog *
open_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window),
                                             "window.open-team-database", NULL));
  drain ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TP_IS_TEAM_DATABASE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TP_TEAM_DATABASE_DIALOG (window);
    }
  g_assert_not_reached ();
}

static void
fill (TpTeamDatabaseDialog *dialog,
      const char           *host,
      const char           *database,
      const char           *user,
      const char           *password)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog->host_row), host);
  gtk_editable_set_text (GTK_EDITABLE (dialog->port_row), "");
  gtk_editable_set_text (GTK_EDITABLE (dialog->database_row), database);
  gtk_editable_set_text (GTK_EDITABLE (dialog->user_row), user);
  gtk_editable_set_text (GTK_EDITABLE (dialog->password_row), password != NULL ? password : "");
}

static const char *
server_host (void)
{
  const char *host = g_getenv ("TP_TEST_PG_HOST");

  g_assert_nonnull (host);
  return host;
}

/* The database name of a URI of the cluster */
static const char *
dbname_of (const char *uri)
{
  return strrchr (uri, '/') + 1;
}

static gboolean
is_busy (TpTeamDatabaseDialog *dialog)
{
  return gtk_widget_get_visible (dialog->progress_box);
}

/* Presses Connect (or Set Up) and waits for the answer, with the main
 * loop running all the while: while the worker connects, the dialog
 * shows the spinner and frames keep coming. */
static void
press (TpTeamDatabaseDialog *dialog,
       const char           *action)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action, NULL));
  g_assert_true (is_busy (dialog));
  g_assert_true (gtk_spinner_get_spinning (dialog->spinner));
  g_assert_false (gtk_widget_get_sensitive (dialog->fields_group));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  while (dialog != NULL && is_busy (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  drain ();
}

static const char *
message_of (TpTeamDatabaseDialog *dialog)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->message_label)));
  return gtk_label_get_text (dialog->message_label);
}

static char *
count_objects (const char *uri)
{
  return tp_test_pg_query (uri, "SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                                "ON n.oid = c.relnamespace WHERE n.nspname = 'public'");
}

/* An empty database: the dialog asks before setting it up, and after
 * Set Up Touchpoint the window shows the team database's business. The
 * settings remember it, without a password. */
static void
test_open_and_set_up (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *n_objects = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GVariant) recent = NULL;
  g_autofree char *printed = NULL;
  TpTeamDatabaseDialog *dialog = open_dialog (f);
  const char *path;

  fill (dialog, server_host (), dbname_of (uri), "tp_owner", NULL);
  shot (GTK_WIDGET (dialog), "dialog");
  press (dialog, "team.connect");

  g_assert_nonnull (strstr (message_of (dialog), "is empty. Set up Touchpoint in it?"));
  shot (GTK_WIDGET (dialog), "dialog-set-up");
  g_assert_true (gtk_widget_get_visible (dialog->setup_button));
  n_objects = count_objects (uri);
  g_assert_cmpstr (n_objects, ==, "0");
  /* The window still shows its file */
  g_assert_false (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (dialog, "team.setup");
  g_assert_null (dialog);

  path = tp_window_get_database_path (f->window);
  g_assert_true (g_str_has_prefix (path, "postgresql://tp_owner@"));
  g_assert_true (g_str_has_suffix (path, dbname_of (uri)));
  g_assert_nonnull (tp_window_get_store (f->window));
  g_assert_true (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "content");
  g_free (n_objects);
  n_objects = tp_test_pg_query (uri, "SELECT count(*) FROM touchpoint_schema");
  g_assert_cmpstr (n_objects, ==, "1");

  recent = g_settings_get_value (settings, "recent-team-databases");
  g_assert_cmpuint (g_variant_n_children (recent), ==, 1);
  printed = g_variant_print (recent, FALSE);
  g_assert_nonnull (strstr (printed, dbname_of (uri)));
  g_assert_nonnull (strstr (printed, "'tp_owner'"));
  g_assert_nonnull (strstr (printed, "false"));

  /* The next time the dialog opens, it is filled in */
  dialog = open_dialog (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->database_row)), ==, dbname_of (uri));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->user_row)), ==, "tp_owner");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->password_row)), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "team.cancel", NULL);
  drain ();

  /* As narrow as the window goes */
  dialog = tp_team_database_dialog_new (f->window);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 340, 700);
  gtk_window_present (GTK_WINDOW (dialog));
  shot (GTK_WIDGET (dialog), "dialog-narrow");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

static void open_as (Fixture    *f,
                     const char *uri,
                     const char *user,
                     const char *password);

/* Each refusal is named in the dialog, which stays open to try again;
 * the password never shows, and a role without CREATE leaves the
 * database empty. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *empty = tp_test_pg_new_database ();
  g_autofree char *n_objects = NULL;
  g_autofree char *grants = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  TpTeamDatabaseDialog *dialog = open_dialog (f);

  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);

  /* The owner sets one up and lets tp_pw work in it */
  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  grants = g_strdup_printf ("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                            "TO tp_pw; GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "
                            "public TO tp_pw");
  tp_test_pg_admin (uri, grants);

  /* Nothing typed as database */
  fill (dialog, server_host (), "", "tp_pw", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "team.connect", NULL));
  g_assert_false (is_busy (dialog));
  g_assert_nonnull (strstr (message_of (dialog), "Type the name of the database"));

  /* A wrong password */
  fill (dialog, server_host (), dbname_of (uri), "tp_pw", "not-the-pw-42");
  press (dialog, "team.connect");
  g_assert_nonnull (strstr (message_of (dialog), "did not accept the password"));
  g_assert_null (strstr (message_of (dialog), "not-the-pw-42"));
  shot (GTK_WIDGET (dialog), "dialog-wrong-password");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog->message_label), "error"));
  g_assert_true (gtk_widget_get_sensitive (dialog->fields_group));

  /* No password at all, none in PGPASSWORD or ~/.pgpass */
  fill (dialog, server_host (), dbname_of (uri), "tp_pw", NULL);
  press (dialog, "team.connect");
  g_assert_nonnull (strstr (message_of (dialog), "did not accept the password"));

  /* A database that does not exist */
  fill (dialog, server_host (), "no_such_shop", "tp_owner", NULL);
  press (dialog, "team.connect");
  g_assert_nonnull (strstr (message_of (dialog), "no_such_shop"));
  g_assert_nonnull (strstr (message_of (dialog), "does not exist"));

  /* One that a newer Touchpoint wrote: the same words as for a file */
  {
    g_autofree char *newer = tp_test_pg_new_database ();

    db = tp_database_open (newer, &error);
    g_assert_no_error (error);
    g_clear_object (&db);
    tp_test_pg_admin (newer, "UPDATE touchpoint_schema SET version = 99");
    fill (dialog, server_host (), dbname_of (newer), "tp_owner", NULL);
    press (dialog, "team.connect");
    g_assert_nonnull (strstr (message_of (dialog), "was saved by a newer version of Touchpoint"));
    g_assert_false (gtk_widget_get_visible (dialog->setup_button));
  }

  /* A server that is not there */
  fill (dialog, "/nonexistent/socket", "shop", "tp_owner", NULL);
  press (dialog, "team.connect");
  g_assert_nonnull (strstr (message_of (dialog), "Could not reach the database server"));
  shot (GTK_WIDGET (dialog), "dialog-unreachable");

  /* A role without CREATE on an empty database: asked, then refused, and
   * the database stays empty */
  fill (dialog, server_host (), dbname_of (empty), "tp_reader", NULL);
  press (dialog, "team.connect");
  g_assert_true (gtk_widget_get_visible (dialog->setup_button));
  press (dialog, "team.setup");
  g_assert_nonnull (strstr (message_of (dialog), "may not create Touchpoint's tables"));
  shot (GTK_WIDGET (dialog), "dialog-no-create");
  n_objects = count_objects (empty);
  g_assert_cmpstr (n_objects, ==, "0");

  /* None of that changed the window */
  g_assert_false (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));

  /* Putting it right: the right password opens it */
  fill (dialog, server_host (), dbname_of (uri), "tp_pw", "tp-secret-pw");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (dialog, "team.connect");
  g_assert_null (dialog);
  g_assert_true (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));
  g_assert_null (strstr (tp_window_get_database_path (f->window), "tp-secret-pw"));

  /* A wrong password for the database the window shows is refused, and
   * leaves the one the window's workers connect with as it was */
  {
    g_autoptr(TpDatabase) worker = NULL;

    dialog = open_dialog (f);
    fill (dialog, server_host (), dbname_of (uri), "tp_pw", "not-the-pw-42");
    press (dialog, "team.connect");
    g_assert_nonnull (strstr (message_of (dialog), "did not accept the password"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    drain ();
    worker = tp_database_open_full (tp_window_get_database_path (f->window),
                                    TP_DATABASE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
  }

  /* No password typed: libpq's ~/.pgpass gives it */
  {
    g_autofree char *pgpass = g_build_filename (f->dir, "pgpass", NULL);
    g_autofree char *file = g_build_filename (f->dir, "touchpoint.db", NULL);

    g_assert_true (g_file_set_contents (pgpass, "*:*:*:tp_pw:tp-secret-pw\n", -1, NULL));
    g_assert_cmpint (g_chmod (pgpass, 0600), ==, 0);
    g_setenv ("PGPASSFILE", pgpass, TRUE);
    tp_window_open_database (f->window, file);  /* back to the file first */
    g_assert_false (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));
    open_as (f, uri, "tp_pw", NULL);
    g_setenv ("PGPASSFILE", "/nonexistent", TRUE);
  }
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_visible_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window))
        n++;
    }

  return n;
}

/* The toasts over the window's pages (children beside its content) */
static guint
n_toasts (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->window->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n - 1;
}

/* The first button (or other actionable widget) under @root whose action
 * is @action, or NULL */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the button of @action under @root takes clicks */
static gboolean
button_is_sensitive (GtkWidget  *root,
                     const char *action)
{
  GtkWidget *button = find_actionable (root, action);

  if (button == NULL)
    g_error ("no button for %s", action);
  return gtk_widget_get_sensitive (button);
}

/* Opens the team database @uri as @user through the dialog */
static void
open_as (Fixture    *f,
         const char *uri,
         const char *user,
         const char *password)
{
  TpTeamDatabaseDialog *dialog = open_dialog (f);

  fill (dialog, server_host (), dbname_of (uri), user, password);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (dialog, "team.connect");
  g_assert_null (dialog);
  g_assert_true (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));
}

/* Tries to add a competitor, as the section's + button does */
static void
add_competitor (Fixture *f)
{
  GtkWidget *section;

  tp_marketing_page_show_section (f->window->marketing_page, "competitors");
  drain ();
  section = find_widget (GTK_WIDGET (f->window->marketing_page), TP_TYPE_COMPETITORS_SECTION);
  g_assert_nonnull (section);
  g_assert_true (gtk_widget_activate_action (section, "competitors.add", NULL));
  drain ();
}

/* The roles of HACKING.md: a role that may only read gets the business
 * with a banner that says so, and a window that only reads: the ways to
 * change the business are off (their buttons insensitive, activating
 * them does nothing, not even a refusal from the server), the editors
 * show their values without taking typing, and nothing is written.
 * Staff may change rows (no banner, the buttons work). */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *grants = NULL;
  g_autofree char *n = NULL;
  g_autoptr(TpStore) store = NULL;
  g_autoptr(TpCompetitor) rival = tp_competitor_new ();
  g_autoptr(TpCustomer) ada = tp_customer_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *section;
  GtkWidget *editor;
  GtkWidget *detail;
  GtkWidget *name_row;
  const char *text;
  guint toasts;

  /* The owner sets it up, with one competitor, and grants as HACKING.md says */
  store = tp_store_open (uri, &error);
  g_assert_no_error (error);
  tp_competitor_set_name (rival, "Rival");
  g_assert_true (tp_store_add_competitor (store, rival, &error));
  g_assert_no_error (error);
  tp_customer_set_name (ada, "Ada");
  g_assert_true (tp_store_add_customer (store, ada, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  grants = g_strdup_printf ("GRANT CONNECT ON DATABASE %s TO tp_reader;"
                            "GRANT USAGE ON SCHEMA public TO tp_reader;"
                            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO tp_reader;"
                            "GRANT CONNECT ON DATABASE %s TO tp_pw;"
                            "GRANT USAGE ON SCHEMA public TO tp_pw;"
                            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tp_pw;"
                            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO tp_pw;",
                            dbname_of (uri), dbname_of (uri));
  tp_test_pg_admin (uri, grants);

  open_as (f, uri, "tp_reader", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (f->window->team_banner));
  text = gtk_label_get_text (f->window->team_banner_label);
  g_assert_nonnull (strstr (text, "You can read this business but not change it"));
  g_assert_nonnull (strstr (text, "“tp_reader”"));
  g_assert_nonnull (strstr (text, "no write rights"));
  shot (GTK_WIDGET (f->window), "window-read-only");
  g_assert_false (gtk_widget_has_css_class (f->window->team_banner_box, "tp-attention"));

  /* The window's ways to change the business are off: no dialog comes;
   * reading works */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.log-touch", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.import", NULL);
  drain ();
  g_assert_cmpuint (n_visible_toplevels (), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-sales", NULL));

  g_assert_false (button_is_sensitive (GTK_WIDGET (f->window), "window.start-plan"));

  /* The customer shows, its fields take no typing, its buttons are off */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-customer", "x",
                                             tp_record_get_id (TP_RECORD (ada))));
  drain ();
  detail = find_widget (GTK_WIDGET (f->window), TP_TYPE_CUSTOMER_DETAIL);
  g_assert_nonnull (detail);
  g_assert_true (tp_customer_detail_get_customer (TP_CUSTOMER_DETAIL (detail)) != NULL);
  name_row = find_widget (detail, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Ada");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (name_row)));
  g_assert_false (button_is_sensitive (detail, "customer.delete"));
  g_assert_false (button_is_sensitive (detail, "customer.log-touch"));
  g_assert_false (button_is_sensitive (detail, "customer.add-order"));
  shot (GTK_WIDGET (f->window), "window-read-only-customer");

  /* The competitor shows the same way; adding one does nothing, the
   * server is not even asked (the banner does not stand out), no toast;
   * twice */
  toasts = n_toasts (f);
  for (guint i = 0; i < 2; i++)
    {
      add_competitor (f);
      g_assert_false (gtk_widget_has_css_class (f->window->team_banner_box, "tp-attention"));
      g_assert_cmpuint (n_toasts (f), ==, toasts);
    }
  section = find_widget (GTK_WIDGET (f->window->marketing_page), TP_TYPE_COMPETITORS_SECTION);
  g_assert_false (button_is_sensitive (section, "competitors.add"));
  editor = find_widget (section, TP_TYPE_COMPETITOR_EDITOR);
  name_row = find_widget (editor, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Rival");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (name_row)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-marketing",
                                             NULL));
  drain ();
  shot (GTK_WIDGET (f->window), "window-read-only-competitor");
  n = tp_test_pg_query (uri, "SELECT count(*) FROM competitors");
  g_assert_cmpstr (n, ==, "1");

  /* Staff: no banner, and the edit is saved */
  open_as (f, uri, "tp_pw", "tp-secret-pw");
  g_assert_false (gtk_revealer_get_reveal_child (f->window->team_banner));
  g_assert_true (button_is_sensitive (GTK_WIDGET (f->window), "window.start-plan"));
  add_competitor (f);
  section = find_widget (GTK_WIDGET (f->window->marketing_page), TP_TYPE_COMPETITORS_SECTION);
  g_assert_true (button_is_sensitive (section, "competitors.add"));
  editor = find_widget (section, TP_TYPE_COMPETITOR_EDITOR);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (find_widget (editor,
                                                                      ADW_TYPE_ENTRY_ROW))));
  g_free (n);
  n = tp_test_pg_query (uri, "SELECT count(*) FROM competitors");
  g_assert_cmpstr (n, ==, "2");
}

static void
pg_ctl (const char *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strdup_printf ("\"%s\" %s", g_getenv ("TP_TEST_PG_CTL"), command);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (g_getenv ("TP_TEST_PG_CTL"));
  /* (its words stay out of the TAP output) */
  g_assert_true (g_spawn_command_line_sync (line, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* Runs the main loop until the team banner is shown (or hidden) */
static void
wait_for_banner (Fixture  *f,
                 gboolean  shown,
                 guint     seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (gtk_revealer_get_reveal_child (f->window->team_banner) != shown)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      wait_ms (50);
    }
}

/* The server stops while the window shows its business: a banner says
 * so and what still works, the window keeps what it shows, an edit is
 * refused (no toast each, nothing written later); when the server is
 * back, the window connects again by itself, the banner goes and an edit
 * is saved. */
static void
test_connection_lost (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *n = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  guint toasts;

  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  open_as (f, uri, "tp_owner", NULL);
  add_competitor (f);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->team_banner));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "content");

  pg_ctl ("stop -m fast");
  wait_for_banner (f, TRUE, 15);
  text = gtk_label_get_text (f->window->team_banner_label);
  g_assert_nonnull (strstr (text, "The connection to the team database was lost"));
  g_assert_nonnull (strstr (text, "What the window shows stays"));
  g_assert_nonnull (strstr (text, "reconnects by itself"));
  shot (GTK_WIDGET (f->window), "window-connection-lost");
  /* The window keeps what it shows */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "content");
  g_assert_nonnull (tp_window_get_store (f->window));

  /* An edit is refused with the banner, not a toast per click */
  toasts = n_toasts (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.log-touch", NULL);
  drain ();
  g_assert_cmpuint (n_visible_toplevels (), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      add_competitor (f);
      g_assert_true (gtk_widget_has_css_class (f->window->team_banner_box, "tp-attention"));
      wait_ms (800);
      g_assert_cmpuint (n_toasts (f), ==, toasts);
    }

  /* Back: the window reconnects by itself, and a write works */
  wait_ms (1500);
  pg_ctl ("start");
  wait_for_banner (f, FALSE, 45);
  n = tp_test_pg_query (uri, "SELECT count(*) FROM competitors");
  g_assert_cmpstr (n, ==, "1");
  add_competitor (f);
  g_free (n);
  n = tp_test_pg_query (uri, "SELECT count(*) FROM competitors");
  g_assert_cmpstr (n, ==, "2");
  g_assert_cmpuint (n_toasts (f), ==, toasts);
}

/* The window opened on a team database whose server is down shows why;
 * Try Again connects on a worker (the button is off meanwhile, the main
 * loop runs) and shows the business once the server is back. */
static void
test_try_again (void)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  TpWindow *window;
  gint64 deadline;

  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  pg_ctl ("stop -m fast");
  tp_application_set_database_path (app, uri);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "connecting") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_assert_true (gtk_widget_get_visible (window->retry_button));

  pg_ctl ("start");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.retry-database", NULL));
  g_assert_false (gtk_widget_get_sensitive (window->retry_button));
  g_assert_null (tp_window_get_store (window));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (tp_window_get_store (window) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  g_assert_true (tp_database_is_server (tp_store_get_database (tp_window_get_store (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* Waits (the main loop running) until @window shows a store */
static void
wait_for_store (TpWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (tp_window_get_store (window) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* --database postgresql://… at start: the window shows at once, saying
 * that it connects, while a worker connects; then the business. A
 * server that accepts the connection but never answers keeps the window
 * alive, and choosing another database meanwhile wins over the late
 * answer. */
static void
test_start_up (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *silent = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  TpWindow *window;
  gint64 start;
  guint16 port;

  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  tp_application_set_database_path (app, uri);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "connecting");
  g_assert_null (tp_window_get_store (window));
  g_assert_true (gtk_spinner_get_spinning (window->connecting_spinner));
  g_assert_nonnull (strstr (adw_status_page_get_description (window->connecting_page),
                            dbname_of (uri)));
  wait_for_store (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  g_assert_true (tp_database_is_server (tp_store_get_database (tp_window_get_store (window))));
  g_assert_false (gtk_spinner_get_spinning (window->connecting_spinner));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  /* The silent server: libpq gives up after 3 s; the window shows
   * before that, saying it connects */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  silent = g_strdup_printf ("postgresql://tp_owner@127.0.0.1:%u/shop?connect_timeout=3", port);
  tp_application_set_database_path (app, silent);
  start = g_get_monotonic_time ();
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "connecting");
  shot (GTK_WIDGET (window), "window-connecting");

  /* Another database chosen meanwhile stays when the answer comes */
  tp_window_open_database (window, file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  wait_ms (3500);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  g_assert_false (tp_database_is_server (tp_store_get_database (tp_window_get_store (window))));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_remove (file);
  g_rmdir (dir);
}

/* A server that accepts the connection but never answers: the main loop
 * keeps running, and Cancel gives the fields back at once. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL;
  TpTeamDatabaseDialog *dialog = open_dialog (f);
  guint16 number;

  number = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  port = g_strdup_printf ("%u", number);

  fill (dialog, "127.0.0.1", "shop", "tp_owner", NULL);
  gtk_editable_set_text (GTK_EDITABLE (dialog->port_row), port);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "team.connect", NULL));
  g_assert_true (is_busy (dialog));
  wait_ms (500);
  g_assert_true (is_busy (dialog));
  shot (GTK_WIDGET (dialog), "dialog-connecting");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "team.cancel", NULL));
  g_assert_false (is_busy (dialog));
  g_assert_true (gtk_widget_get_sensitive (dialog->fields_group));
  g_assert_cmpstr (message_of (dialog), ==, "Not connected.");
  g_assert_false (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));

  /* A second Cancel closes the dialog (the worker, still waiting for
   * the server, lets go of it when it gives up) */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "team.cancel", NULL);
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

/* The keyring as this test reads it, through libsecret and the Secret
 * Service of tests/keyring-session: an item of the dialog's schema for
 * the server's socket folder, no port, @database and @user. */
static const SecretSchema keyring_schema = {
  "io.github.touchpoint.Touchpoint.TeamDatabase", SECRET_SCHEMA_NONE,
  {
    { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static char *
keyring_lookup (const char *database,
                const char *user)
{
  g_autoptr(GError) error = NULL;
  char *password;
  char *copy;

  password = secret_password_lookup_sync (&keyring_schema, NULL, &error,
                                          "host", server_host (), "port", "",
                                          "database", database, "user", user, NULL);
  g_assert_no_error (error);
  copy = g_strdup (password);
  secret_password_free (password);

  return copy;
}

/* Runs the main loop until the keyring holds @expected for @database
 * (the dialog stores it without waiting) */
static void
wait_for_keyring (const char *database,
                  const char *user,
                  const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *password = keyring_lookup (database, user);

      if (g_strcmp0 (password, expected) == 0)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      wait_ms (50);
    }
}

/* Runs the main loop until the dialog's password comes from the keyring */
static void
wait_for_password_row (TpTeamDatabaseDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (gtk_editable_get_text (GTK_EDITABLE (dialog->password_row))[0] == '\0')
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      wait_ms (20);
    }
}

/* Every message logged in this process, debug ones included. A message
 * logged with g_log() reaches the default handler, which GLib's test
 * set-up replaces on newer GLib (2.84, Debian 13) with one that prints it
 * and never hands it to the log writer; so both the writer and the
 * default handler capture. */
static GString *log_text;
static GLogFunc previous_log_handler;

static void
capture_log_handler (const char     *log_domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        user_data)
{
  g_string_append_printf (log_text, "%s\n%s\n", log_domain != NULL ? log_domain : "", message);
  previous_log_handler (log_domain, level, message, NULL);  /* GLib's take no data */
}

static GLogWriterOutput
capture_log_writer (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") || g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      {
        if (fields[i].length < 0)
          g_string_append (log_text, fields[i].value);
        else
          g_string_append_len (log_text, fields[i].value, fields[i].length);
        g_string_append_c (log_text, '\n');
      }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* What the database holds, as pg_dump writes it */
static char *
dump_database (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pg_dump = g_build_filename (g_getenv ("TP_TEST_PG_BINDIR"), "pg_dump", NULL);
  const char *argv[] = { pg_dump, "-h", server_host (), "-U", "tp_owner", "-d", dbname_of (uri),
                         NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "CREATE TABLE public.customers"));

  return out;
}

static void
assert_not_in_file (const char *path,
                    const char *text)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (contents, text));
}

/* The dialog's Remember Password, with the real desktop keyring of
 * tests/keyring-session (gnome-keyring's Secret Service on the test's
 * own bus): opening a team database with a password puts it in the
 * keyring, and nowhere else (not the database, a log, a setting, the
 * address or the command line); the next time the dialog fills it in
 * from the keyring and connects without it being typed; when the
 * password changed on the server, the one from the keyring gets the
 * clear message, and the new one typed connects and takes its place in
 * the keyring. */
static void
test_keyring (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *file = g_build_filename (f->dir, "touchpoint.db", NULL);
  g_autofree char *server_log = g_build_filename (server_host (), "server.log", NULL);
  g_autofree char *dump = NULL;
  g_autofree char *cmdline = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *grants = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GVariant) recent = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *database = dbname_of (uri);
  TpTeamDatabaseDialog *dialog;

  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);

  /* The keyring is there and takes an item: without a Secret Service on
   * the bus this fails, it does not skip */
  g_assert_true (secret_password_store_sync (&keyring_schema, SECRET_COLLECTION_DEFAULT,
                                             "probe", "probe-value", NULL, &error,
                                             "host", "probe", "port", "", "database", "probe",
                                             "user", "probe", NULL));
  g_assert_no_error (error);
  g_assert_true (secret_password_clear_sync (&keyring_schema, NULL, &error, "host", "probe",
                                             "port", "", "database", "probe", "user", "probe",
                                             NULL));
  g_assert_no_error (error);
  g_assert_null (keyring_lookup (database, "tp_kr"));

  /* The owner sets the business up and lets tp_kr work in it */
  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  grants = g_strdup_printf ("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                            "TO tp_kr; GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "
                            "public TO tp_kr");
  tp_test_pg_admin (uri, grants);

  /* Opened with the password typed and Remember Password on */
  g_string_truncate (log_text, 0);
  dialog = open_dialog (f);
  fill (dialog, server_host (), database, "tp_kr", "tp-keyring-pw");
  gtk_switch_set_active (dialog->remember_switch, TRUE);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (dialog, "team.connect");
  g_assert_null (dialog);
  g_assert_true (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));
  wait_for_keyring (database, "tp_kr", "tp-keyring-pw");

  /* Nowhere else: the database, the server's log, this process's log,
   * the recent databases, the window's address, the command line */
  dump = dump_database (uri);
  g_assert_null (strstr (dump, "tp-keyring-pw"));
  assert_not_in_file (server_log, "tp-keyring-pw");
  g_debug ("Logged while a team database was open");  /* the capture works */
  g_assert_nonnull (strstr (log_text->str, "Logged while a team database was open"));
  g_assert_null (strstr (log_text->str, "tp-keyring-pw"));
  recent = g_settings_get_value (settings, "recent-team-databases");
  printed = g_variant_print (recent, FALSE);
  g_assert_nonnull (strstr (printed, "'tp_kr'"));
  g_assert_nonnull (strstr (printed, "true"));
  g_assert_null (strstr (printed, "tp-keyring-pw"));
  g_assert_null (strstr (tp_window_get_database_path (f->window), "tp-keyring-pw"));
  g_assert_true (g_file_get_contents ("/proc/self/cmdline", &cmdline, NULL, NULL));
  g_assert_null (strstr (cmdline, "tp-keyring-pw"));

  /* Back to the file, and the password this process kept for the
   * window's workers forgotten: only the keyring has it now */
  tp_window_open_database (f->window, file);
  g_assert_false (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));
  tp_database_set_server_password (uri, NULL);

  /* The next time, the dialog finds it in the keyring: nothing typed */
  dialog = open_dialog (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->database_row)), ==, database);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->user_row)), ==, "tp_kr");
  wait_for_password_row (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->password_row)), ==,
                   "tp-keyring-pw");
  g_assert_true (gtk_switch_get_active (dialog->remember_switch));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (dialog, "team.connect");
  g_assert_null (dialog);
  g_assert_true (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));

  /* The password changed on the server: the keyring's is refused with
   * the clear message, and the dialog stays to try again */
  tp_window_open_database (f->window, file);
  tp_test_pg_admin (uri, "ALTER ROLE tp_kr PASSWORD 'tp-keyring-pw-2'");
  dialog = open_dialog (f);
  wait_for_password_row (dialog);
  press (dialog, "team.connect");
  g_assert_nonnull (strstr (message_of (dialog), "did not accept the password"));
  g_assert_null (strstr (message_of (dialog), "tp-keyring-pw"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog->message_label), "error"));
  g_assert_true (gtk_widget_get_sensitive (dialog->fields_group));
  g_assert_false (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));

  /* The new one typed: connected, and it replaces the old one in the
   * keyring */
  gtk_editable_set_text (GTK_EDITABLE (dialog->password_row), "tp-keyring-pw-2");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (dialog, "team.connect");
  g_assert_null (dialog);
  g_assert_true (tp_database_is_server (tp_store_get_database (tp_window_get_store (f->window))));
  wait_for_keyring (database, "tp_kr", "tp-keyring-pw-2");
  g_free (dump);
  dump = dump_database (uri);
  g_assert_null (strstr (dump, "tp-keyring-pw"));
  assert_not_in_file (server_log, "tp-keyring-pw");
  g_assert_null (strstr (log_text->str, "tp-keyring-pw"));

  /* Remember Password off: the dialog takes it out of the keyring */
  tp_window_open_database (f->window, file);
  dialog = open_dialog (f);
  wait_for_password_row (dialog);
  gtk_switch_set_active (dialog->remember_switch, FALSE);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (dialog, "team.connect");
  g_assert_null (dialog);
  wait_for_keyring (database, "tp_kr", NULL);
  tp_test_pg_admin (uri, "ALTER ROLE tp_kr PASSWORD 'tp-keyring-pw'");
}

/* What the keyring keeps: one item per server, port, database and user,
 * never the password in an attribute; the address the dialog makes never
 * holds a password. (Storing and looking up: /touchpoint/team-database/keyring.) */
static void
test_secret_schema (void)
{
  const SecretSchema *schema = _tp_team_database_secret_schema ();
  g_autoptr(GHashTable) attributes = _tp_team_database_secret_attributes ("db.example.org", "",
                                                                          "shop", "anna");
  g_autofree char *uri = NULL;
  guint n = 0;

  g_assert_cmpstr (schema->name, ==, "io.github.touchpoint.Touchpoint.TeamDatabase");
  for (; schema->attributes[n].name != NULL; n++)
    {
      g_assert_cmpstr (schema->attributes[n].name, !=, "password");
      g_assert_true (g_hash_table_contains (attributes, schema->attributes[n].name));
    }
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (g_hash_table_size (attributes), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "host"), ==, "db.example.org");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "port"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "database"), ==, "shop");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "user"), ==, "anna");

  uri = _tp_team_database_build_uri ("/run/pg sock", "5433", "my shop", "anna@home", "require");
  g_assert_cmpstr (uri, ==, "postgresql://anna%40home@%2Frun%2Fpg%20sock:5433/my%20shop?sslmode=require");
  g_free (uri);
  uri = _tp_team_database_build_uri ("", "", "shop", "", "prefer");
  g_assert_cmpstr (uri, ==, "postgresql:///shop");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("touchpoint-test-data-XXXXXX", NULL);

  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_log_writer, NULL, NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  previous_log_handler = g_log_set_default_handler (capture_log_handler, NULL);
  adw_init ();

  app = tp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/touchpoint/team-database/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open-and-set-up", test_open_and_set_up);
  ADD ("refusals", test_refusals);
  ADD ("cancel", test_cancel);
  ADD ("read-only", test_read_only);
  ADD ("connection-lost", test_connection_lost);
  ADD ("keyring", test_keyring);
  g_test_add_func ("/touchpoint/team-database/secret-schema", test_secret_schema);
  g_test_add_func ("/touchpoint/team-database/try-again", test_try_again);
  g_test_add_func ("/touchpoint/team-database/start-up", test_start_up);

#undef ADD

  return g_test_run ();
}
