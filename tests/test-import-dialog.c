/* test-import-dialog.c
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

#define G_LOG_DOMAIN "test-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "tp-backup.h"
#include "tp-database.h"
#include "tp-import-dialog.h"
#include "tp-sample.h"

/* The Import and Export dialog on a temporary database: the mapping step
 * of a CSV file, the import on a worker with its report, a restore, an
 * export, a file that cannot be read, and a cancelled import. The file
 * chooser itself is the portal's and is left out: the tests hand the
 * dialog the file it would have chosen. */

typedef struct
{
  char       *dir;
  char       *path;
  TpDatabase *db;
  guint       n_imported;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tp-import-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "touchpoint.db", NULL);
  f->db = tp_database_open (f->path, &error);
  g_assert_no_error (error);
  tp_sample_fill (f->db, TP_SAMPLE_SIZE_SMALL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->db);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (f->db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  n = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  return n;
}

static void
imported_cb (TpImportDialog *dialog,
             Fixture        *f)
{
  f->n_imported++;
}

static TpImportDialog *
new_dialog (Fixture  *f,
            gboolean  export)
{
  TpImportDialog *dialog;

  if (export)
    dialog = tp_export_run (NULL, f->path);
  else
    dialog = tp_import_dialog_new (NULL, f->path);

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (tp_import_dialog_get_page (dialog), ==, "choose");

  return dialog;
}

/* The button with this label */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;

      found = find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
wait_for_report (TpImportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!g_str_equal (tp_import_dialog_get_page (dialog), "report"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  while (g_main_context_iteration (NULL, FALSE));
}

static GtkWidget *
find_child (GtkWidget  *widget,
            GType       type,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0) ||
           (ADW_IS_STATUS_PAGE (child) &&
            g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (child)), title) == 0)))
        return child;

      found = find_child (child, type, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A Google Contacts file: the columns are recognised and shown with their
 * values, a column the guess left out can be mapped, and the import runs
 * to a report that says what happened to each row. */
static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "contacts.csv",
                                      "Name,E-mail 1 - Value,Phone 1 - Value,Job\n"
                                      "Ada Lovelace,ada@example.org,+44 1,Analyst\n"
                                      ",nobody@example.org,,\n"
                                      "Grace Hopper,grace@example.org,,Admiral\n");
  TpImportDialog *dialog = new_dialog (f, FALSE);
  TpCsvImporter *importer;
  GtkWidget *row;
  gint64 before = count (f, "SELECT count(*) FROM customers");

  tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_CUSTOMERS, file);
  g_assert_cmpstr (tp_import_dialog_get_page (dialog), ==, "mapping");

  importer = tp_import_dialog_get_importer (dialog);
  g_assert_nonnull (importer);
  g_assert_cmpint (tp_csv_importer_get_column_field (importer, 0), ==, TP_CSV_FIELD_NAME);
  g_assert_cmpint (tp_csv_importer_get_column_field (importer, 1), ==, TP_CSV_FIELD_EMAIL);
  g_assert_cmpint (tp_csv_importer_get_column_field (importer, 3), ==, TP_CSV_FIELD_IGNORE);

  /* One row per column, with its first values */
  row = find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "E-mail 1 - Value");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "ada@example.org · nobody@example.org · grace@example.org");

  /* The owner keeps the job in the notes */
  row = find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Job");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 10);
  g_assert_cmpint (tp_csv_importer_get_column_field (importer, 3), ==, TP_CSV_FIELD_NOTES);

  /* A row without a name: nothing is imported, the row is named, and
   * the dialog offers to import the others */
  tp_import_dialog_start (dialog);
  wait_for_report (dialog);

  g_assert_cmpuint (f->n_imported, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers"), ==, before);
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE,
                                "Some Rows Cannot Be Imported"));
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                "line 3: field “Name”: no name"));
  g_assert_true (gtk_widget_get_visible (find_button (GTK_WIDGET (dialog),
                                                      "_Import the Other Rows")));

  tp_import_dialog_skip_bad_rows (dialog);
  wait_for_report (dialog);

  g_assert_cmpuint (f->n_imported, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers"), ==, before + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers WHERE name = 'Grace Hopper' "
                             "AND notes = 'Admiral'"), ==, 1);
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "Import Finished"));
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                "line 3: field “Name”: no name"));
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (dialog),
                                                       "_Import the Other Rows")));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A broken file is refused when it is opened; a bad value further on
 * when it is imported. Either way the message names the line and nothing
 * is changed. */
static void
test_import_bad_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) broken = write_file (f, "broken.csv", "name,email\nAda,ada@example.org\n\"Bob,\n");
  g_autoptr(GFile) bad = write_file (f, "people.csv",
                                     "name,email\nA,a@example.org\nB,b@example.org\n"
                                     "C,c@example.org\nD,d@example.org\nE,e at example\n");
  TpImportDialog *dialog = new_dialog (f, FALSE);
  gint64 before = count (f, "SELECT count(*) FROM customers");
  AdwStatusPage *page;

  tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_CUSTOMERS, broken);
  g_assert_cmpstr (tp_import_dialog_get_page (dialog), ==, "report");
  page = ADW_STATUS_PAGE (find_child (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE,
                                      "This File Cannot Be Imported"));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_description (page), ==,
                   "broken.csv: line 3: a quoted field is never closed");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = new_dialog (f, FALSE);
  tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_CUSTOMERS, bad);
  g_assert_cmpstr (tp_import_dialog_get_page (dialog), ==, "mapping");
  tp_import_dialog_start (dialog);
  wait_for_report (dialog);

  page = ADW_STATUS_PAGE (find_child (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE,
                                      "Some Rows Cannot Be Imported"));
  g_assert_nonnull (page);
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                "line 6: field “email”: “Email” is not an email address: "
                                "“e at example”."));
  g_assert_cmpuint (f->n_imported, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers"), ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Exporting a backup and restoring it through the dialog, with the
 * confirmation step and the copy of the database kept */
static void
test_export_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *backup_path = g_build_filename (f->dir, "backup.json", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "orders.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GFile) orders = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  TpImportDialog *dialog;
  gint64 n_customers = count (f, "SELECT count(*) FROM customers");

  dialog = new_dialog (f, TRUE);
  g_assert_true (tp_import_dialog_get_export (dialog));
  tp_import_dialog_save_file (dialog, TP_IMPORT_KIND_BACKUP, backup);
  wait_for_report (dialog);
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "Export Finished"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = new_dialog (f, TRUE);
  tp_import_dialog_save_file (dialog, TP_IMPORT_KIND_ORDERS, orders);
  wait_for_report (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "id,customer_id,customer_name,customer_email,"));

  tp_database_exec (f->db, "DELETE FROM customers", &error);
  g_assert_no_error (error);

  dialog = new_dialog (f, FALSE);
  tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_BACKUP, backup);
  g_assert_cmpstr (tp_import_dialog_get_page (dialog), ==, "confirm");
  tp_import_dialog_start (dialog);
  wait_for_report (dialog);

  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "Backup Restored"));
  g_assert_cmpuint (f->n_imported, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers"), ==, n_customers);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
cancel_on_progress_cb (TpImportDialog *dialog,
                       GParamSpec     *pspec,
                       gpointer        user_data)
{
  if (g_str_equal (tp_import_dialog_get_page (dialog), "progress"))
    tp_import_dialog_cancel (dialog);
}

/* Cancel at once: nothing is changed, and the dialog says so */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) contents = g_string_new ("name,email\n");
  g_autoptr(GFile) file = NULL;
  TpImportDialog *dialog = new_dialog (f, FALSE);
  gint64 before = count (f, "SELECT count(*) FROM customers");

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (contents, "Customer %u,c%u@example.org\n", i, i);
  file = write_file (f, "many.csv", contents->str);

  tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_CUSTOMERS, file);
  g_signal_connect (dialog, "notify::page", G_CALLBACK (cancel_on_progress_cb), NULL);
  tp_import_dialog_start (dialog);
  wait_for_report (dialog);

  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "Cancelled"));
  g_assert_cmpuint (f->n_imported, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers"), ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct
{
  GThread *thread;
  int      finalized;
} Finalized;

static void
finalized_cb (gpointer data)
{
  Finalized *finalized = data;

  finalized->thread = g_thread_self ();
  g_atomic_int_set (&finalized->finalized, TRUE);
}

/* Closing the dialog while its import runs, or just as it ends: the
 * import is abandoned or comes through whole, and the dialog is
 * finalised on the main thread, never on the worker that held the
 * import. */
static void
test_close_while_running (Fixture       *f,
                          gconstpointer  data)
{
  gint64 before = count (f, "SELECT count(*) FROM customers");

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GString) contents = g_string_new ("name,email\n");
      g_autoptr(GFile) file = NULL;
      TpImportDialog *dialog = new_dialog (f, FALSE);
      Finalized finalized = { NULL, FALSE };
      gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      for (guint i = 0; i < 2000; i++)
        g_string_append_printf (contents, "Customer %u,c%u.%u@example.org\n", i, round, i);
      file = write_file (f, "many.csv", contents->str);

      g_object_set_data_full (G_OBJECT (dialog), "test-finalized", &finalized, finalized_cb);
      tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_CUSTOMERS, file);
      tp_import_dialog_start (dialog);
      g_assert_cmpstr (tp_import_dialog_get_page (dialog), ==, "progress");

      /* Now, or after the worker has begun */
      for (guint i = 0; i < round % 4; i++)
        g_main_context_iteration (NULL, FALSE);
      g_usleep (round * 200);
      gtk_window_destroy (GTK_WINDOW (dialog));

      while (!g_atomic_int_get (&finalized.finalized))
        {
          g_assert_cmpint (g_get_monotonic_time (), <, end);
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (1000);
        }

      g_assert_true (finalized.thread == g_thread_self ());
    }

  /* Each import was abandoned whole or came through whole, and the
   * window heard of each that came through */
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers"), ==,
                   before + 2000 * (gint64)f->n_imported);
}

/* The label with this text */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;

      found = find_label (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A Shopify orders export opened as customers: recognised, imported as
 * orders, with a preview of the rows as they will be kept (the time in
 * UTC, the two rows of one order as one) */
static void
test_import_shop (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "imports",
                                                 "shopify-orders.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpImportDialog *dialog = new_dialog (f, FALSE);
  GtkWidget *row;
  gint64 orders = count (f, "SELECT count(*) FROM orders");

  tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_CUSTOMERS, file);
  g_assert_cmpstr (tp_import_dialog_get_page (dialog), ==, "mapping");
  g_assert_cmpint (tp_csv_importer_get_table (tp_import_dialog_get_importer (dialog)), ==,
                   TP_CSV_TABLE_ORDERS);

  row = find_child (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Recognised As");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Shopify orders");
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                      "_Dates")));

  /* The preview: "2026-03-01 14:30:00 +0100" as it is kept, the amount
   * with its decimals */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Order date"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "2026-03-01T13:30:00Z"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Blue Mug, Poster"));
  g_assert_null (find_label (GTK_WIDGET (dialog), "Poster"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "54.00"));
  g_assert_null (find_label (GTK_WIDGET (dialog), "2026-03-01 14:30:00 +0100"));

  /* The owner moves the name from the billing to the shipping column:
   * the preview follows */
  row = find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Billing Name");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Ada Lovelace"));

  tp_import_dialog_start (dialog);
  wait_for_report (dialog);
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "Import Finished"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM orders"), ==, orders + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM orders WHERE item = 'Blue Mug, Poster'"
                             " AND amount_minor = 5400"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Dates that can be read day first or month first: the dialog asks, and
 * imports nothing until it is answered */
static void
test_import_date_order (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "signups.csv",
                                      "name,email,created_at\n"
                                      "Ada,ada.signup@example.org,03/04/2026\n"
                                      "Bea,bea.signup@example.org,05/06/2026\n");
  TpImportDialog *dialog = new_dialog (f, FALSE);
  GtkWidget *dates;
  GtkWidget *start;

  tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_CUSTOMERS, file);
  dates = find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Dates");
  start = find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_true (gtk_widget_get_visible (dates));
  g_assert_false (gtk_widget_get_sensitive (start));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "03/04/2026"));

  /* Day first: 3 April */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dates), 1);
  g_assert_true (gtk_widget_get_sensitive (start));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "2026-04-03T00:00:00Z"));

  /* Month first: 4 March */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dates), 2);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "2026-03-04T00:00:00Z"));
  g_assert_null (find_label (GTK_WIDGET (dialog), "2026-04-03T00:00:00Z"));

  tp_import_dialog_start (dialog);
  wait_for_report (dialog);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers WHERE name = 'Bea'"
                             " AND created_at = '2026-05-06T00:00:00Z'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A vCard file: recognised, previewed as customers, no separator to
 * choose */
static void
test_import_vcard (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "imports", "contacts.vcf",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpImportDialog *dialog = new_dialog (f, FALSE);
  GtkWidget *row;
  gint64 before = count (f, "SELECT count(*) FROM customers");

  tp_import_dialog_open_file (dialog, TP_IMPORT_KIND_ORDERS, file);
  g_assert_cmpstr (tp_import_dialog_get_page (dialog), ==, "mapping");
  row = find_child (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Recognised As");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "vCard contacts");
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                      "_Separator")));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Marie Curie"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "+43-1-555-0100"));

  tp_import_dialog_start (dialog);
  wait_for_report (dialog);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customers"), ==, before + 3);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/touchpoint/import-dialog/csv", test_import_csv);
  ADD ("/touchpoint/import-dialog/bad-file", test_import_bad_file);
  ADD ("/touchpoint/import-dialog/shop-export", test_import_shop);
  ADD ("/touchpoint/import-dialog/date-order", test_import_date_order);
  ADD ("/touchpoint/import-dialog/vcard", test_import_vcard);
  ADD ("/touchpoint/import-dialog/export-and-restore", test_export_and_restore);
  ADD ("/touchpoint/import-dialog/cancel", test_cancel);
  ADD ("/touchpoint/import-dialog/close-while-running", test_close_while_running);

#undef ADD

  return g_test_run ();
}
