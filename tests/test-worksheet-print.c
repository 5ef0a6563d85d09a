/* test-worksheet-print.c
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

#define G_LOG_DOMAIN "test-worksheet-print"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "tp-print-worksheets-dialog.h"
#include "tp-sample.h"
#include "tp-worksheet-print-operation.h"

/*
 * The real print pipeline: GtkPrintOperation exporting to a PDF file, as
 * "Print to File" does, and the Print Worksheets dialog.
 *
 * gtk_test_init() does not isolate the user's folders, and the print
 * operation remembers its settings there, so main() points
 * XDG_DATA_HOME at a temporary folder first.
 */

static char *data_home;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (data_home, name, NULL);
}

static char *
pdf_info (const char *path,
          const char *field)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], field))
        return g_strdup (g_strstrip (lines[i] + strlen (field)));
    }

  g_assert_not_reached ();
  return NULL;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static TpWorksheetData *
make_data (void)
{
  TpWorksheetData *data = tp_worksheet_data_new ();
  TpWorksheetAudience *audience;

  g_free (data->business_name);
  data->business_name = g_strdup ("Goldleaf Rings");
  g_free (data->positioning);
  data->positioning = g_strdup ("The workshop that designs the ring with you");
  g_ptr_array_add (data->brand_words, g_strdup ("Warm"));
  audience = tp_worksheet_data_add_audience (data, 3, "Brides-to-be", "Engaged couples",
                                             NULL, NULL, "Made with you", TRUE);
  tp_worksheet_data_add_tactic (data, audience, "Ring reels", TP_CHANNEL_SOCIAL_POST, 2,
                                TP_CADENCE_PERIOD_WEEK, TRUE);
  tp_worksheet_data_add_audience (data, 4, "Anniversary buyers", "Long married",
                                  NULL, NULL, NULL, FALSE);
  data->month_touches = 57;

  return data;
}

static void
run_export (GtkPrintOperation *operation,
            const char        *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static void
test_export (void)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *path = temp_path ("plan.pdf");
  g_autofree char *page_setup = g_build_filename (data_home, APP_ID, "page-setup.ini", NULL);
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;
  TpWorksheetPrintOperation *operation;

  operation = tp_worksheet_print_operation_new (data, TP_WORKSHEET_KIND_PLAN, FALSE);
  g_assert_true (gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation)) != NULL);
  run_export (GTK_PRINT_OPERATION (operation), path);
  g_assert_finalize_object (operation);

  pages = pdf_info (path, "Pages:");
  g_assert_cmpstr (pages, ==, "1");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Marketing Plan"));
  g_assert_nonnull (strstr (text, "Brides-to-be"));
  g_assert_nonnull (strstr (text, "Ring reels"));
  g_assert_nonnull (strstr (text, "57"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));

  /* Printing remembers the page setup for next time. */
  g_assert_true (g_file_test (page_setup, G_FILE_TEST_IS_REGULAR));
}

static void
test_page_setup_remembered (void)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autoptr(GtkPageSetup) letter = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autofree char *dir = g_build_filename (data_home, APP_ID, NULL);
  g_autofree char *file = g_build_filename (dir, "page-setup.ini", NULL);
  g_autofree char *path = temp_path ("brand-letter.pdf");
  g_autofree char *size = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) loaded = NULL;
  TpWorksheetPrintOperation *operation;

  gtk_page_setup_set_paper_size_and_default_margins (letter, paper);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  gtk_page_setup_to_file (letter, file, &error);
  g_assert_no_error (error);

  loaded = tp_worksheet_print_operation_load_page_setup ();
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (loaded)), ==,
                   GTK_PAPER_NAME_LETTER);

  operation = tp_worksheet_print_operation_new (data, TP_WORKSHEET_KIND_BRAND, TRUE);
  run_export (GTK_PRINT_OPERATION (operation), path);
  g_assert_finalize_object (operation);

  size = pdf_info (path, "Page size:");
  g_assert_true (g_str_has_prefix (size, "612 x 792"));
}

static char *
offered_output (TpWorksheetData *data,
                const char      *database)
{
  TpWorksheetPrintOperation *operation = tp_worksheet_print_operation_new (data, TP_WORKSHEET_KIND_PLAN, FALSE);
  GtkPrintSettings *settings;
  char *uri = NULL;

  tp_worksheet_print_operation_set_database (operation, database);
  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
  if (settings != NULL)
    uri = g_strdup (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
  g_assert_finalize_object (operation);

  return uri;
}

static void
test_output_per_database (void)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *path = temp_path ("shop.pdf");
  g_autofree char *uri = NULL;
  TpWorksheetPrintOperation *operation;

  /* Printed to a file from the shop's database… */
  operation = tp_worksheet_print_operation_new (data, TP_WORKSHEET_KIND_PLAN, FALSE);
  tp_worksheet_print_operation_set_database (operation, "/home/jo/shop.db");
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, "file:///home/jo/shop-plan.pdf");
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  run_export (GTK_PRINT_OPERATION (operation), path);
  g_assert_finalize_object (operation);

  /* …the shop's is offered that file again, the club's database not. */
  uri = offered_output (data, "/home/jo/shop.db");
  g_assert_cmpstr (uri, ==, "file:///home/jo/shop-plan.pdf");
  g_clear_pointer (&uri, g_free);
  uri = offered_output (data, "/home/jo/club = [old].db");
  g_assert_null (uri);
}

static void
test_audience (void)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *path = temp_path ("audience.pdf");
  g_autofree char *text = NULL;
  TpWorksheetPrintOperation *operation;

  operation = tp_worksheet_print_operation_new (data, TP_WORKSHEET_KIND_AUDIENCE, FALSE);
  tp_worksheet_print_operation_set_audience (operation, 4);
  g_assert_cmpint (tp_worksheet_print_operation_get_audience (operation), ==, 4);
  run_export (GTK_PRINT_OPERATION (operation), path);
  g_assert_finalize_object (operation);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Anniversary buyers"));
  g_assert_null (strstr (text, "Brides-to-be"));
}

static void
wait_ready (TpPrintWorksheetsDialog *dialog)
{
  while (!tp_print_worksheets_dialog_get_ready (dialog))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_dialog (void)
{
  g_autofree char *db_path = temp_path ("business.db");
  g_autofree char *filled = temp_path ("dialog-filled.pdf");
  g_autofree char *blank = temp_path ("dialog-blank.pdf");
  g_autoptr(GFile) filled_file = g_file_new_for_path (filled);
  g_autoptr(GFile) blank_file = g_file_new_for_path (blank);
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(TpWorksheetData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TpWorksheetAudience *first, *second;
  TpPrintWorksheetsDialog *dialog;

  db = tp_database_open (db_path, &error);
  g_assert_no_error (error);
  tp_sample_fill (db, TP_SAMPLE_SIZE_SMALL, &error);
  g_assert_no_error (error);
  data = tp_worksheet_data_load (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->audiences->len, >=, 2);
  first = g_ptr_array_index (data->audiences, 0);
  second = g_ptr_array_index (data->audiences, 1);

  dialog = tp_print_worksheets_dialog_new (NULL, db);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ready (dialog);

  g_assert_cmpint (tp_print_worksheets_dialog_get_kind (dialog), ==, TP_WORKSHEET_KIND_BRAND);
  g_assert_false (tp_print_worksheets_dialog_get_blank (dialog));

  tp_print_worksheets_dialog_set_kind (dialog, TP_WORKSHEET_KIND_AUDIENCE);
  g_assert_cmpint (tp_print_worksheets_dialog_get_kind (dialog), ==, TP_WORKSHEET_KIND_AUDIENCE);
  tp_print_worksheets_dialog_set_audience (dialog, second->id);
  g_assert_cmpint (tp_print_worksheets_dialog_get_audience (dialog), ==, second->id);
  tp_print_worksheets_dialog_set_audience (dialog, G_MAXINT64);
  g_assert_cmpint (tp_print_worksheets_dialog_get_audience (dialog), ==, 0);
  tp_print_worksheets_dialog_set_audience (dialog, second->id);

  /* "Export as PDF…" with the file the user chose. */
  tp_print_worksheets_dialog_export_pdf (dialog, filled_file, &error);
  g_assert_no_error (error);
  text = pdf_text (filled);
  g_assert_nonnull (strstr (text, "Audience Worksheet"));
  g_assert_nonnull (strstr (text, second->name));
  g_assert_null (strstr (text, first->name));
  g_clear_pointer (&text, g_free);

  /* It says so beside the buttons, covering none of them. */
  {
    GtkWidget *status = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                   TP_TYPE_PRINT_WORKSHEETS_DIALOG,
                                                                   "status_label"));
    const char * const buttons[] = { "export_button", "print_button" };
    g_autofree char *base = g_file_get_basename (filled_file);
    g_autofree char *saved = g_strdup_printf ("Saved “%s”", base);
    graphene_rect_t status_bounds;

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, saved);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
    g_assert_true (gtk_widget_get_mapped (status));
    g_assert_true (gtk_widget_compute_bounds (status, GTK_WIDGET (dialog), &status_bounds));
    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                       TP_TYPE_PRINT_WORKSHEETS_DIALOG,
                                                                       buttons[i]));
        graphene_rect_t button_bounds;
        GtkWidget *picked;

        g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (dialog), &button_bounds));
        g_assert_false (graphene_rect_intersection (&status_bounds, &button_bounds, NULL));
        /* Nothing is drawn over the button's middle. */
        picked = gtk_widget_pick (GTK_WIDGET (dialog),
                                  button_bounds.origin.x + button_bounds.size.width / 2,
                                  button_bounds.origin.y + button_bounds.size.height / 2,
                                  GTK_PICK_DEFAULT);
        g_assert_true (picked == button || gtk_widget_is_ancestor (picked, button));
      }
  }

  tp_print_worksheets_dialog_set_blank (dialog, TRUE);
  g_assert_true (tp_print_worksheets_dialog_get_blank (dialog));
  tp_print_worksheets_dialog_export_pdf (dialog, blank_file, &error);
  g_assert_no_error (error);
  text = pdf_text (blank);
  g_assert_nonnull (strstr (text, "Who they are"));
  g_assert_null (strstr (text, second->name));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_dialog_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = tp_database_open (":memory:", &error);
  TpPrintWorksheetsDialog *dialog;
  guint kind_notified = 0;

  g_assert_no_error (error);

  /* An in-memory database is read at once, on this thread. */
  dialog = tp_print_worksheets_dialog_new (NULL, db);
  g_object_ref_sink (dialog);
  g_assert_true (tp_print_worksheets_dialog_get_ready (dialog));

  g_signal_connect (dialog, "notify::kind", G_CALLBACK (count_notify_cb), &kind_notified);
  tp_print_worksheets_dialog_set_kind (dialog, TP_WORKSHEET_KIND_PLAN);
  tp_print_worksheets_dialog_set_kind (dialog, TP_WORKSHEET_KIND_PLAN);
  g_assert_cmpuint (kind_notified, ==, 1);
  g_assert_cmpint (tp_print_worksheets_dialog_get_audience (dialog), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  data_home = g_dir_make_tmp ("test-worksheet-print-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/worksheet-print/export", test_export);
  g_test_add_func ("/touchpoint/worksheet-print/page-setup-remembered", test_page_setup_remembered);
  g_test_add_func ("/touchpoint/worksheet-print/audience", test_audience);
  g_test_add_func ("/touchpoint/worksheet-print/output-per-database", test_output_per_database);
  g_test_add_func ("/touchpoint/worksheet-print/dialog", test_dialog);
  g_test_add_func ("/touchpoint/worksheet-print/dialog-memory", test_dialog_memory);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
