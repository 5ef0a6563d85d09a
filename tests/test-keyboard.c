/* test-keyboard.c
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

#define G_LOG_DOMAIN "test-keyboard"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "tp-application.h"
#include "tp-customers-section.h"
#include "tp-customer-detail.h"
#include "tp-log-touch-dialog.h"
#include "tp-section-sidebar.h"
#include "tp-window-private.h"

/* The keyboard in the real window: where Tab, Shift+Tab and the arrow
 * keys take the focus (gtk_widget_child_focus() on the window is what a
 * Tab press does), and Ctrl+T (an application shortcut) from every page. */

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

/* Lets what the window does after it opens (it follows the tab kept in
 * the settings) happen before the test moves around. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    {
      drain ();
      g_usleep (G_USEC_PER_SEC / 100);
    }
}

static void
wait_until (gboolean (*done) (gpointer data),
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (data));
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

  tp_application_set_database_path (app, path);
  f->window = tp_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  settle ();
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (TP_IS_LOG_TOUCH_DIALOG (window))
        gtk_window_destroy (window);
    }
  drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  close_dialogs ();
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

static TpCustomer *
add_customer (Fixture    *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  TpCustomer *customer = tp_customer_new ();

  tp_customer_set_name (customer, name);
  g_assert_true (tp_store_add_customer (f->window->store, customer, &error));
  g_assert_no_error (error);
  drain ();

  return customer;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static const char *
focus_action (Fixture *f)
{
  GtkWidget *widget = focus (f);

  return GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;
}

static GtkListBoxRow *
focus_sidebar_row (GtkWidget *sidebar)
{
  GtkListBox *list = GTK_LIST_BOX (find_descendant (sidebar, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  drain ();

  return row;
}

static GtkWidget *
sales_sidebar (Fixture *f)
{
  return find_descendant (GTK_WIDGET (f->window->sales_page), TP_TYPE_SECTION_SIDEBAR);
}

static const char *
sales_section (Fixture *f)
{
  return adw_view_stack_get_visible_child_name (tp_sales_page_get_stack (f->window->sales_page));
}

static void
show_sales_section (Fixture    *f,
                    const char *name)
{
  adw_view_stack_set_visible_child_name (f->window->view_stack, "sales");
  adw_view_stack_set_visible_child_name (tp_sales_page_get_stack (f->window->sales_page), name);
  settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "sales");
  g_assert_true (gtk_widget_get_mapped (adw_view_stack_get_visible_child (tp_sales_page_get_stack (f->window->sales_page))));
}

/* Tab from the sidebar goes on into the section, which stays; Shift+Tab
 * comes back to the sidebar's selected row. */
static void
test_keyboard_sidebar_tab (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TpCustomer) customer = add_customer (f, "Jo Walker");
  GtkWidget *sidebar;
  GtkListBoxRow *row;
  gboolean add_customer_reached = FALSE;
  gboolean log_touch_reached = FALSE;

  show_sales_section (f, "customers");
  g_assert_true (tp_sales_page_show_customer (f->window->sales_page, tp_record_get_id (TP_RECORD (customer))));
  drain ();

  sidebar = sales_sidebar (f);
  row = focus_sidebar_row (sidebar);
  g_assert_true (focus (f) == GTK_WIDGET (row));

  /* The first Tab leaves the sidebar. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_ancestor (focus (f), sidebar));
  g_assert_cmpstr (sales_section (f), ==, "customers");

  /* Then through the section's controls, before the focus goes round the
   * window back to the sidebar. */
  for (guint i = 0; i < 60 && !gtk_widget_is_ancestor (focus (f), sidebar); i++)
    {
      const char *action = focus_action (f);


      add_customer_reached |= g_strcmp0 (action, "customers.add") == 0;
      log_touch_reached |= g_strcmp0 (action, "customer.log-touch") == 0;
      g_assert_cmpstr (sales_section (f), ==, "customers");
      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
    }
  g_assert_true (gtk_widget_is_ancestor (focus (f), sidebar));
  g_assert_cmpstr (sales_section (f), ==, "customers");
  g_assert_true (add_customer_reached);
  g_assert_true (log_touch_reached);

  /* Shift+Tab from after the sidebar lands on its selected row. */
  focus_sidebar_row (sidebar);
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focus (f) == GTK_WIDGET (row));
  g_assert_cmpstr (sales_section (f), ==, "customers");

  /* And Tab from before it too: on the selected row, not the first. */
  show_sales_section (f, "orders");
  row = focus_sidebar_row (sidebar);
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD);
  g_assert_false (gtk_widget_is_ancestor (focus (f), sidebar));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus (f) == GTK_WIDGET (row));
  g_assert_cmpstr (sales_section (f), ==, "orders");
}

/* What Down (1) or Up (-1) does in a list box: its key binding. */
static void
press_arrow (GtkWidget *sidebar,
             int        count)
{
  GtkWidget *list = find_descendant (sidebar, GTK_TYPE_LIST_BOX);
  GSignalQuery query;

  g_signal_query (g_signal_lookup ("move-cursor", GTK_TYPE_LIST_BOX), &query);
  if (query.n_params == 4)
    g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, count, FALSE, FALSE);
  else
    g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, count);
  drain ();
}

/* Up and Down move between the sections. */
static void
test_keyboard_sidebar_arrows (Fixture       *f,
                              gconstpointer  data)
{
  const char *sales[] = { "customers", "follow-ups", "activity", "chart", "orders" };
  GtkWidget *sidebar;

  show_sales_section (f, "customers");
  sidebar = sales_sidebar (f);
  focus_sidebar_row (sidebar);

  for (guint i = 1; i < G_N_ELEMENTS (sales); i++)
    {
      press_arrow (sidebar, 1);
      g_assert_cmpstr (sales_section (f), ==, sales[i]);
      g_assert_true (gtk_widget_is_ancestor (focus (f), sidebar));
    }
  for (guint i = G_N_ELEMENTS (sales) - 1; i > 0; i--)
    {
      press_arrow (sidebar, -1);
      g_assert_cmpstr (sales_section (f), ==, sales[i - 1]);
    }

  /* The Marketing tab's sidebar is the same. */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "marketing");
  settle ();
  sidebar = find_descendant (GTK_WIDGET (f->window->marketing_page), TP_TYPE_SECTION_SIDEBAR);
  focus_sidebar_row (sidebar);
  press_arrow (sidebar, 1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tp_marketing_page_get_stack (f->window->marketing_page)),
                   ==, "brand");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_ancestor (focus (f), sidebar));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tp_marketing_page_get_stack (f->window->marketing_page)),
                   ==, "brand");
}

static TpLogTouchDialog *
find_log_touch_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TP_IS_LOG_TOUCH_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TP_LOG_TOUCH_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_has_customer (gpointer data)
{
  TpLogTouchDialog *dialog = find_log_touch_dialog ();

  return dialog != NULL && tp_log_touch_dialog_get_customer (dialog) != NULL;
}

static void
type_and_enter (TpLogTouchDialog *dialog,
                const char       *text)
{
  GtkWidget *focus_widget = gtk_root_get_focus (GTK_ROOT (dialog));
  GtkWidget *row = gtk_widget_get_ancestor (focus_widget, ADW_TYPE_ENTRY_ROW);

  /* The search has the focus as the dialog opens. */
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "C_ustomer");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

/* Ctrl+T opens Log Touch from every page; without a customer shown, the
 * dialog searches for one, and offers the one logged last. */
static void
test_keyboard_log_touch_anywhere (Fixture       *f,
                                  gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.log-touch");
  g_autoptr(TpCustomer) jo = add_customer (f, "Jo Walker");
  g_autoptr(TpCustomer) ada = add_customer (f, "Ada Byron");
  const char *sales[] = { "follow-ups", "activity", "chart", "orders", "customers" };
  TpLogTouchDialog *dialog;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>t"));

  /* The Marketing tab: a search, empty the first time. */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "marketing");
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.log-touch", NULL));
  drain ();
  dialog = find_log_touch_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_null (tp_log_touch_dialog_get_customer (dialog));
  g_assert_false (tp_log_touch_dialog_save (dialog));

  /* A few letters and Enter take the first match. */
  type_and_enter (dialog, "wal");
  wait_until (dialog_has_customer, NULL);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_log_touch_dialog_get_customer (dialog))), ==, tp_record_get_id (TP_RECORD (jo)));
  g_assert_true (tp_log_touch_dialog_save (dialog));
  drain ();
  g_assert_null (find_log_touch_dialog ());

  /* Every Sales section: Jo, logged last, is offered. */
  for (guint i = 0; i < G_N_ELEMENTS (sales); i++)
    {
      show_sales_section (f, sales[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.log-touch", NULL));
      drain ();
      dialog = find_log_touch_dialog ();
      g_assert_nonnull (dialog);
      g_assert_nonnull (tp_log_touch_dialog_get_customer (dialog));
      g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_log_touch_dialog_get_customer (dialog))), ==, tp_record_get_id (TP_RECORD (jo)));
      gtk_window_destroy (GTK_WINDOW (dialog));
      drain ();
    }

  /* Another name typed over the offer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.log-touch", NULL));
  drain ();
  dialog = find_log_touch_dialog ();
  type_and_enter (dialog, "ada");
  wait_until (dialog_has_customer, NULL);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_log_touch_dialog_get_customer (dialog))), ==, tp_record_get_id (TP_RECORD (ada)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();

  /* In Customers with someone shown, Ctrl+T is for them, no search. */
  g_assert_true (tp_sales_page_show_customer (f->window->sales_page, tp_record_get_id (TP_RECORD (ada))));
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.log-touch", NULL));
  drain ();
  dialog = find_log_touch_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_log_touch_dialog_get_customer (dialog))), ==, tp_record_get_id (TP_RECORD (ada)));
  {
    GtkWidget *row = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), ADW_TYPE_ENTRY_ROW);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "_Note (optional)");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = tp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/touchpoint/keyboard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sidebar-tab", test_keyboard_sidebar_tab);
  ADD ("sidebar-arrows", test_keyboard_sidebar_arrows);
  ADD ("log-touch-anywhere", test_keyboard_log_touch_anywhere);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
