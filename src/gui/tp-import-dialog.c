/* tp-import-dialog.c
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

#define G_LOG_DOMAIN "tp-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tp-backup.h"
#include "tp-import-dialog.h"

/*
 * Import… and Export… of the primary menu (DESIGN.md §6, issue 8).
 *
 * Importing: what (customers, touches, orders, or a full backup), then
 * the file through the file chooser portal, then for CSV or vCard the
 * mapping step (where the file comes from, as its header says, which also
 * decides the table of a shop's export; the order of day and month when
 * the dates do not say it, asked before Import can start; separator; what
 * to do with rows already there; a preview of the first rows as they will
 * be kept; and for each column of the file what it holds, with its first
 * values), or for a backup a
 * confirmation; then a progress bar with Cancel, and the report
 * ("412 customers imported, 3 rows skipped" and the reasons). A file with
 * rows that cannot be imported imports nothing at first: the report lists
 * those rows and offers to import the others, as `--skip-bad-rows` does
 * on the command line (the same tp_csv_importer_run() with its flag).
 *
 * Exporting: what, then where, then the same progress and report.
 *
 * The work runs on a worker thread with its own connection to the
 * database (tp_csv_importer_run_async() and friends), so the window never
 * freezes. After an import or a restore, ::imported tells the window to
 * reload what it shows (tp_store_notify_external_change()).
 */

struct _TpImportDialog
{
  AdwWindow             parent_instance;

  char                 *db_path;
  gboolean              export;
  TpImportKind          kind;
  GFile                *file;
  TpCsvImporter        *importer;
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  GPtrArray            *column_rows;   /* AdwComboRow, one per column of the file */

  AdwToastOverlay      *toast_overlay;
  GtkButton            *back_button;
  GtkButton            *start_button;
  GtkStack             *stack;
  AdwPreferencesGroup  *choose_group;
  AdwActionRow         *customers_row;
  AdwActionRow         *touches_row;
  AdwActionRow         *orders_row;
  AdwActionRow         *backup_row;
  AdwPreferencesGroup  *file_group;
  AdwActionRow         *format_row;
  AdwComboRow          *date_order_row;
  AdwComboRow          *separator_row;
  AdwComboRow          *duplicates_row;
  GtkGrid              *preview_grid;
  AdwPreferencesGroup  *columns_group;
  AdwStatusPage        *confirm_page;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  GtkButton            *cancel_button;
  AdwStatusPage        *report_page;
  GtkListBox           *messages_list;
  GtkButton            *skip_button;
};

G_DEFINE_FINAL_TYPE (TpImportDialog, tp_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_EXPORT,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char separators[] = { 0, ',', ';', '\t' };

static TpImportKind
table_to_kind (TpCsvTable table)
{
  switch (table)
    {
    case TP_CSV_TABLE_TOUCHES:
      return TP_IMPORT_KIND_TOUCHES;
    case TP_CSV_TABLE_ORDERS:
      return TP_IMPORT_KIND_ORDERS;
    case TP_CSV_TABLE_CUSTOMERS:
    default:
      return TP_IMPORT_KIND_CUSTOMERS;
    }
}

static TpCsvTable
kind_to_table (TpImportKind kind)
{
  switch (kind)
    {
    case TP_IMPORT_KIND_TOUCHES:
      return TP_CSV_TABLE_TOUCHES;
    case TP_IMPORT_KIND_ORDERS:
      return TP_CSV_TABLE_ORDERS;
    case TP_IMPORT_KIND_CUSTOMERS:
    case TP_IMPORT_KIND_BACKUP:
    default:
      return TP_CSV_TABLE_CUSTOMERS;
    }
}

static void
set_page (TpImportDialog *self,
          const char     *name)
{
  gboolean mapping = g_str_equal (name, "mapping");
  gboolean confirm = g_str_equal (name, "confirm");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), mapping || confirm);
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), mapping || confirm);
  gtk_button_set_label (self->start_button, confirm ? _("_Restore") : _("_Import"));
  if (confirm)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), TRUE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->start_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->start_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "suggested-action");
    }

  if (mapping || confirm)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
  else if (g_str_equal (name, "report"))
    gtk_window_set_default_widget (GTK_WINDOW (self), NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
clear_messages (TpImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->messages_list))) != NULL)
    gtk_list_box_remove (self->messages_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->messages_list), FALSE);
}

static void
add_message (TpImportDialog *self,
             const char     *message)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  gtk_list_box_append (self->messages_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->messages_list), TRUE);
}

static void
show_report (TpImportDialog *self,
             const char     *icon_name,
             const char     *title,
             const char     *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->report_page, icon_name);
  adw_status_page_set_title (self->report_page, title);
  adw_status_page_set_description (self->report_page, escaped);
  set_page (self, "report");
}

static void
show_failure (TpImportDialog *self,
              const char     *title,
              const GError   *error)
{
  clear_messages (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_report (self, "process-stop-symbolic", _("Cancelled"),
                 self->export ? _("No file was written.") : _("Nothing was changed."));
  else
    show_report (self, "dialog-error-symbolic", title, error->message);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  TpImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
start_progress (TpImportDialog *self,
                const char     *title)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  adw_status_page_set_title (self->progress_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  set_page (self, "progress");
}

/* Mapping */

static const TpCsvDateOrder date_orders[] = {
  TP_CSV_DATE_ORDER_UNKNOWN, TP_CSV_DATE_ORDER_DMY, TP_CSV_DATE_ORDER_MDY, TP_CSV_DATE_ORDER_YMD,
};

/* The first rows as they will be stored, a column per field */
static void
update_preview (TpImportDialog *self)
{
  g_autofree TpCsvField *fields = NULL;
  GtkWidget *child;
  guint n_fields = 0;
  guint n_rows;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  if (self->importer == NULL)
    return;

  fields = tp_csv_importer_get_preview_fields (self->importer, &n_fields);
  n_rows = tp_csv_importer_get_n_preview_rows (self->importer);

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *heading = gtk_label_new (tp_csv_field_get_label (fields[i]));
      int shown = 0;

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_grid_attach (self->preview_grid, heading, (int)i, 0, 1, 1);

      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *value = NULL;
          GtkWidget *label;

          /* Another item of the order above: shown with it */
          if (tp_csv_importer_get_preview_row_continues (self->importer, r))
            continue;

          value = tp_csv_importer_get_preview_field (self->importer, r, fields[i]);
          label = gtk_label_new (value);
          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int)g_utf8_strlen (value, -1), 28));
          gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
          gtk_grid_attach (self->preview_grid, label, (int)i, ++shown, 1, 1);
        }
    }

  if (n_fields == 0 || n_rows == 0)
    {
      GtkWidget *label = gtk_label_new (n_fields == 0 ? _("No column is imported yet")
                                                      : _("No rows after the column names"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->preview_grid, label, 0, n_fields > 0 ? 1 : 0, 1, 1);
    }
}

/* Asks the order of day and month when the file's dates do not say it */
static void
update_dates (TpImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->date_order_row);
  gboolean ambiguous;

  if (self->importer == NULL)
    return;

  tp_csv_importer_set_date_order (self->importer, TP_CSV_DATE_ORDER_UNKNOWN);
  ambiguous = tp_csv_importer_scan_dates (self->importer, NULL, NULL) &&
              tp_csv_importer_get_dates_ambiguous (self->importer);
  if (selected < G_N_ELEMENTS (date_orders))
    tp_csv_importer_set_date_order (self->importer, date_orders[selected]);

  gtk_widget_set_visible (GTK_WIDGET (self->date_order_row), ambiguous || selected > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), !ambiguous || selected > 0);
}

static void
on_date_order_row_selected_cb (TpImportDialog *self)
{
  update_dates (self);
  update_preview (self);
}

static void
on_column_row_selected_cb (AdwComboRow    *row,
                           GParamSpec     *pspec,
                           TpImportDialog *self)
{
  const TpCsvField *fields;
  guint n_fields;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "tp-column"));
  guint selected = adw_combo_row_get_selected (row);

  fields = tp_csv_table_get_fields (kind_to_table (self->kind), &n_fields);
  if (self->importer != NULL && selected < n_fields &&
      column < tp_csv_importer_get_n_columns (self->importer) &&
      tp_csv_importer_get_column_field (self->importer, column) != fields[selected])
    {
      tp_csv_importer_set_column_field (self->importer, column, fields[selected]);
      update_dates (self);
      update_preview (self);
    }
}

static void
build_mapping (TpImportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *name = g_file_get_basename (self->file);
  const TpCsvField *fields;
  guint n_fields;
  guint n_columns = tp_csv_importer_get_n_columns (self->importer);
  guint n_rows = tp_csv_importer_get_n_preview_rows (self->importer);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  fields = tp_csv_table_get_fields (kind_to_table (self->kind), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    gtk_string_list_append (labels, tp_csv_field_get_label (fields[i]));

  adw_preferences_group_set_title (self->file_group, name);
  adw_preferences_group_set_description (self->file_group,
                                         tp_csv_importer_get_latin1 (self->importer)
                                         ? _("Not in UTF-8: read as Latin-1 (Windows-1252)")
                                         : NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GString) values = g_string_new (NULL);
      TpCsvField field = tp_csv_importer_get_column_field (self->importer, c);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      for (guint r = 0; r < n_rows; r++)
        {
          const char *value = tp_csv_importer_get_preview_value (self->importer, r, c);
          guint n_chars = 0;

          if (value[0] == '\0')
            continue;
          if (values->len > 0)
            g_string_append (values, " · ");

          /* One short line per value */
          for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar ch = g_utf8_get_char (p);

              if (++n_chars > 40)
                {
                  g_string_append (values, "…");
                  break;
                }
              g_string_append_unichar (values, g_unichar_iscntrl (ch) ? ' ' : ch);
            }
        }

      for (guint i = 0; i < n_fields; i++)
        {
          if (fields[i] == field)
            selected = i;
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     tp_csv_importer_get_header (self->importer, c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values->str);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "tp-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_row_selected_cb),
                               self, 0);

      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

static gboolean
load_preview (TpImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  TpCsvFormat format;

  if (!tp_csv_importer_load (self->importer, 5, NULL, &error))
    {
      show_failure (self, _("This File Cannot Be Imported"), error);
      return FALSE;
    }

  /* A shop's export says what it holds, whatever was chosen */
  format = tp_csv_importer_get_format (self->importer);
  if (format != TP_CSV_FORMAT_GENERIC && format != TP_CSV_FORMAT_TOUCHPOINT)
    {
      self->kind = table_to_kind (tp_csv_format_get_table (format));
      tp_csv_importer_set_table (self->importer, tp_csv_format_get_table (format));
    }
  adw_action_row_set_subtitle (self->format_row, tp_csv_format_get_label (format));
  /* A vCard file has no separator to choose */
  gtk_widget_set_visible (GTK_WIDGET (self->separator_row), format != TP_CSV_FORMAT_VCARD);

  build_mapping (self);
  update_dates (self);
  update_preview (self);
  return TRUE;
}

static void
on_separator_row_selected_cb (TpImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->separator_row);

  if (self->importer == NULL || selected >= G_N_ELEMENTS (separators) ||
      separators[selected] == tp_csv_importer_get_separator (self->importer))
    return;

  tp_csv_importer_set_separator (self->importer, separators[selected]);
  load_preview (self);
}

/**
 * tp_import_dialog_open_file:
 * @self: a #TpImportDialog
 * @kind: what @file holds
 * @file: the file to import
 *
 * Goes to the step after choosing a file: the mapping of a CSV file, or
 * the confirmation of a restore. The file chooser calls this; so may a
 * drop of a file on the window.
 */
void
tp_import_dialog_open_file (TpImportDialog *self,
                            TpImportKind    kind,
                            GFile          *file)
{
  g_return_if_fail (TP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  self->kind = kind;
  g_set_object (&self->file, file);
  g_clear_object (&self->importer);

  if (kind == TP_IMPORT_KIND_BACKUP)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *description = NULL;

      /* Translators: %s is a file name */
      description = g_strdup_printf (_("“%s” will replace everything in Touchpoint: customers, "
                                       "touches, orders, audiences, brand, competitors and "
                                       "tactics. A copy of the database as it is now is kept "
                                       "beside it."),
                                     name);
      adw_status_page_set_description (self->confirm_page, description);
      set_page (self, "confirm");
      return;
    }

  self->importer = tp_csv_importer_new (file, kind_to_table (kind));
  adw_combo_row_set_selected (self->separator_row, 0);
  adw_combo_row_set_selected (self->duplicates_row, 0);
  adw_combo_row_set_selected (self->date_order_row, 0);

  if (load_preview (self))
    set_page (self, "mapping");
}

/* Running */

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TpImportDialog) self = user_data;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char * const *messages;
  char *dash;

  report = tp_csv_importer_run_finish (TP_CSV_IMPORTER (source), result, &error);
  if (g_error_matches (error, TP_CSV_ERROR, TP_CSV_ERROR_REJECTED))
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *prefix = g_strconcat (name, ": ", NULL);
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      /* A line for each row, under the file's name */
      clear_messages (self);
      for (guint i = 0; lines[i] != NULL; i++)
        add_message (self, g_str_has_prefix (lines[i], prefix) ? lines[i] + strlen (prefix)
                                                               : lines[i]);

      show_report (self, "dialog-warning-symbolic", _("Some Rows Cannot Be Imported"),
                   _("Nothing was imported. Import the other rows and leave these out, or "
                     "correct the file and import it again."));
      gtk_widget_set_visible (GTK_WIDGET (self->skip_button), TRUE);
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->skip_button));
      return;
    }

  if (report == NULL)
    {
      show_failure (self, _("Nothing Was Imported"), error);
      return;
    }

  /* The counts in the description, the reasons in the list */
  summary = tp_csv_report_to_string (report);
  dash = strstr (summary, " — ");
  if (dash != NULL)
    *dash = '\0';

  clear_messages (self);
  messages = tp_csv_report_get_messages (report);
  for (guint i = 0; messages[i] != NULL; i++)
    add_message (self, messages[i]);

  show_report (self, "object-select-symbolic", _("Import Finished"), summary);
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TpImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *description = NULL;

  if (!tp_backup_restore_finish (result, &copy, &error))
    {
      show_failure (self, _("Nothing Was Restored"), error);
      return;
    }

  clear_messages (self);
  /* Translators: %s is a file name */
  description = g_strdup_printf (_("Everything is as it was in the backup. The database as it "
                                   "was before is kept in %s."),
                                 copy != NULL ? copy : "");
  show_report (self, "object-select-symbolic", _("Backup Restored"), description);
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TpImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  if (self->kind == TP_IMPORT_KIND_BACKUP)
    ok = tp_backup_export_finish (result, &error);
  else
    ok = tp_csv_export_finish (result, &error);

  if (!ok)
    {
      show_failure (self, _("Nothing Was Exported"), error);
      return;
    }

  clear_messages (self);
  name = g_file_get_basename (self->file);
  /* Translators: %s is a file name */
  description = g_strdup_printf (_("Saved as “%s”."), name);
  show_report (self, "object-select-symbolic", _("Export Finished"), description);
}

/**
 * tp_import_dialog_start:
 * @self: a #TpImportDialog
 *
 * Starts the import or the restore of the file opened, as the Import or
 * Restore button does.
 */
void
tp_import_dialog_start (TpImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->file != NULL);

  if (self->kind == TP_IMPORT_KIND_BACKUP)
    {
      start_progress (self, _("Restoring…"));
      tp_backup_restore_async (self->db_path, self->file, progress_cb, g_object_ref (self),
                               g_object_unref, self->cancellable, restore_done_cb,
                               g_object_ref (self));
      return;
    }

  g_return_if_fail (self->importer != NULL);

  tp_csv_importer_set_skip_bad_rows (self->importer, FALSE);
  tp_csv_importer_set_duplicates (self->importer,
                                  adw_combo_row_get_selected (self->duplicates_row) == 1
                                  ? TP_CSV_DUPLICATES_MERGE : TP_CSV_DUPLICATES_SKIP);

  if (!tp_csv_importer_check_mapping (self->importer, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  start_progress (self, _("Importing…"));
  tp_csv_importer_run_async (self->importer, self->db_path, progress_cb, g_object_ref (self),
                             g_object_unref, self->cancellable, import_done_cb,
                             g_object_ref (self));
}

/**
 * tp_import_dialog_skip_bad_rows:
 * @self: a #TpImportDialog
 *
 * After an import that found rows it cannot import (and so imported
 * nothing), imports the other rows, as the Import the Other Rows button
 * does.
 */
void
tp_import_dialog_skip_bad_rows (TpImportDialog *self)
{
  g_return_if_fail (TP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->importer != NULL);

  tp_csv_importer_set_skip_bad_rows (self->importer, TRUE);
  start_progress (self, _("Importing…"));
  tp_csv_importer_run_async (self->importer, self->db_path, progress_cb, g_object_ref (self),
                             g_object_unref, self->cancellable, import_done_cb,
                             g_object_ref (self));
}

/**
 * tp_import_dialog_save_file:
 * @self: a #TpImportDialog
 * @kind: what to export
 * @file: the file to write
 *
 * Exports to @file, as choosing it in the file chooser does.
 */
void
tp_import_dialog_save_file (TpImportDialog *self,
                            TpImportKind    kind,
                            GFile          *file)
{
  g_return_if_fail (TP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  self->kind = kind;
  g_set_object (&self->file, file);

  start_progress (self, _("Exporting…"));

  if (kind == TP_IMPORT_KIND_BACKUP)
    tp_backup_export_async (self->db_path, file, progress_cb, g_object_ref (self),
                            g_object_unref, self->cancellable, export_done_cb,
                            g_object_ref (self));
  else
    tp_csv_export_async (self->db_path, kind_to_table (kind), file, progress_cb,
                         g_object_ref (self), g_object_unref, self->cancellable,
                         export_done_cb, g_object_ref (self));
}

/**
 * tp_import_dialog_cancel:
 * @self: a #TpImportDialog
 *
 * Cancels the import, restore or export running: nothing is changed.
 */
void
tp_import_dialog_cancel (TpImportDialog *self)
{
  g_return_if_fail (TP_IS_IMPORT_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

/* The file chooser */

static void
chooser_response_cb (TpImportDialog  *self,
                     int              response,
                     GtkNativeDialog *native)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file == NULL)
    return;

  if (self->export)
    tp_import_dialog_save_file (self, self->kind, file);
  else
    tp_import_dialog_open_file (self, self->kind, file);
}

static void
show_chooser (TpImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  gboolean backup = self->kind == TP_IMPORT_KIND_BACKUP;

  native = gtk_file_chooser_native_new (self->export ? _("Export To") : _("Import From"),
                                        GTK_WINDOW (self),
                                        self->export ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                     : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        self->export ? _("_Export") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (backup)
    {
      gtk_file_filter_set_name (filter, _("Touchpoint Backups (JSON)"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV) and Contacts (vCard)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_mime_type (filter, "text/vcard");
      gtk_file_filter_add_mime_type (filter, "text/x-vcard");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "tsv");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "vcf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  if (self->export)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *name = NULL;

      if (backup)
        name = g_strdup_printf ("touchpoint-backup-%s.json", date);
      else
        name = g_strdup_printf ("%s-%s.csv", tp_csv_table_to_string (kind_to_table (self->kind)),
                                date);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->chooser);
}

static void
on_kind_row_activated_cb (TpImportDialog *self,
                          AdwActionRow   *row)
{
  if (row == self->touches_row)
    self->kind = TP_IMPORT_KIND_TOUCHES;
  else if (row == self->orders_row)
    self->kind = TP_IMPORT_KIND_ORDERS;
  else if (row == self->backup_row)
    self->kind = TP_IMPORT_KIND_BACKUP;
  else
    self->kind = TP_IMPORT_KIND_CUSTOMERS;

  show_chooser (self);
}

static void
on_back_button_clicked_cb (TpImportDialog *self)
{
  g_clear_object (&self->importer);
  set_page (self, "choose");
}

static void
on_start_button_clicked_cb (TpImportDialog *self)
{
  tp_import_dialog_start (self);
}

static void
on_cancel_button_clicked_cb (TpImportDialog *self)
{
  tp_import_dialog_cancel (self);
}

static void
on_skip_button_clicked_cb (TpImportDialog *self)
{
  tp_import_dialog_skip_bad_rows (self);
}

/* GObject */

static void
tp_import_dialog_constructed (GObject *object)
{
  TpImportDialog *self = (TpImportDialog *)object;

  G_OBJECT_CLASS (tp_import_dialog_parent_class)->constructed (object);

  if (self->export)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Export"));
      adw_preferences_group_set_title (self->choose_group, _("What to Export"));
      adw_preferences_group_set_description (self->choose_group,
                                             _("A list for a spreadsheet or another program "
                                               "(CSV), or a backup of everything (JSON)"));
      adw_action_row_set_subtitle (self->customers_row,
                                   _("With how many touches and orders each has, and what they spent"));
      adw_action_row_set_subtitle (self->touches_row,
                                   _("Every touch, with the name and email of its customer"));
      adw_action_row_set_subtitle (self->orders_row,
                                   _("Every order, with the name and email of its customer"));
      adw_action_row_set_subtitle (self->backup_row,
                                   _("Everything, to restore here or on another computer"));
    }
}

static void
tp_import_dialog_dispose (GObject *object)
{
  TpImportDialog *self = (TpImportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->importer);
  g_clear_object (&self->file);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (tp_import_dialog_parent_class)->dispose (object);
}

static void
tp_import_dialog_finalize (GObject *object)
{
  TpImportDialog *self = (TpImportDialog *)object;

  g_free (self->db_path);

  G_OBJECT_CLASS (tp_import_dialog_parent_class)->finalize (object);
}

static void
tp_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpImportDialog *self = TP_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;

    case PROP_EXPORT:
      g_value_set_boolean (value, self->export);
      break;

    case PROP_PAGE:
      g_value_set_string (value, tp_import_dialog_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpImportDialog *self = TP_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;

    case PROP_EXPORT:
      self->export = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_import_dialog_class_init (TpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tp_import_dialog_constructed;
  object_class->dispose = tp_import_dialog_dispose;
  object_class->finalize = tp_import_dialog_finalize;
  object_class->get_property = tp_import_dialog_get_property;
  object_class->set_property = tp_import_dialog_set_property;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EXPORT] =
    g_param_spec_boolean ("export", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TpImportDialog:page:
   *
   * The step shown: "choose", "mapping", "confirm", "progress" or
   * "report".
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpImportDialog::imported:
   * @self: the dialog
   *
   * Emitted when an import or a restore has changed the database, from
   * another connection: whatever shows its data should reload.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, choose_group);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, customers_row);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, touches_row);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, orders_row);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, backup_row);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, confirm_page);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, report_page);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, skip_button);
  gtk_widget_class_bind_template_child (widget_class, TpImportDialog, messages_list);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_order_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_separator_row_selected_cb);
}

static void
tp_import_dialog_init (TpImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  set_page (self, "choose");
}

/**
 * tp_import_dialog_new:
 * @parent: (nullable): the window to stay above
 * @db_path: the database to import into
 *
 * Creates the Import dialog. Connect to #TpImportDialog::imported to
 * reload the views, then present it.
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of toplevels
 */
TpImportDialog *
tp_import_dialog_new (GtkWindow  *parent,
                      const char *db_path)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  return g_object_new (TP_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "db-path", db_path,
                       NULL);
}

/**
 * tp_export_run:
 * @parent: (nullable): the window to stay above
 * @db_path: the database to export
 *
 * Presents the Export dialog: what to export, then where (through the
 * file chooser portal), then the progress and the outcome.
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of toplevels
 */
TpImportDialog *
tp_export_run (GtkWindow  *parent,
               const char *db_path)
{
  TpImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (TP_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "db-path", db_path,
                       "export", TRUE,
                       NULL);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * tp_import_dialog_get_export:
 * @self: a #TpImportDialog
 *
 * Returns: %TRUE for the Export dialog
 */
gboolean
tp_import_dialog_get_export (TpImportDialog *self)
{
  g_return_val_if_fail (TP_IS_IMPORT_DIALOG (self), FALSE);

  return self->export;
}

/**
 * tp_import_dialog_get_page:
 * @self: a #TpImportDialog
 *
 * Returns: the step shown, see #TpImportDialog:page
 */
const char *
tp_import_dialog_get_page (TpImportDialog *self)
{
  g_return_val_if_fail (TP_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tp_import_dialog_get_importer:
 * @self: a #TpImportDialog
 *
 * Returns: (transfer none) (nullable): the importer of the CSV file opened
 */
TpCsvImporter *
tp_import_dialog_get_importer (TpImportDialog *self)
{
  g_return_val_if_fail (TP_IS_IMPORT_DIALOG (self), NULL);

  return self->importer;
}
