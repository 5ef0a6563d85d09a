/* tp-print-worksheets-dialog.c
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

#define G_LOG_DOMAIN "tp-print-worksheets-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-print-worksheets-dialog.h"
#include "tp-worksheet-layout.h"
#include "tp-worksheet-print-operation.h"

/*
 * "Print Worksheets…": which worksheet, filled in or blank, and for the
 * audience worksheet which audience; then GTK's print dialog (with its
 * preview) or a PDF file. What the worksheets show is read on a worker
 * thread with its own connection while the dialog opens.
 */

struct _TpPrintWorksheetsDialog
{
  AdwWindow                 parent_instance;

  TpDatabase               *db;
  TpWorksheetData          *data;
  GCancellable             *cancellable;
  GArray                   *audience_ids;  /* gint64, one per row of audience_names */
  GtkPrintOperation        *operation;     /* the last one run */
  GtkNativeDialog          *file_chooser;
  TpWorksheetKind           kind;
  gboolean                  blank;
  gboolean                  ready;

  GtkLabel                 *status_label;
  GtkCheckButton           *brand_check;
  GtkCheckButton           *audience_check;
  GtkCheckButton           *plan_check;
  GtkCheckButton           *filled_check;
  GtkCheckButton           *blank_check;
  AdwComboRow              *audience_row;
  GtkStringList            *audience_names;
  GtkButton                *export_button;
  GtkButton                *print_button;
};

G_DEFINE_FINAL_TYPE (TpPrintWorksheetsDialog, tp_print_worksheets_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_KIND,
  PROP_BLANK,
  PROP_AUDIENCE,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The choice of audience matters only to a filled audience worksheet. It
 * stays in place otherwise, so that the dialog does not change size. */
static void
update_audience_row (TpPrintWorksheetsDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->audience_row),
                            self->kind == TP_WORKSHEET_KIND_AUDIENCE &&
                            !self->blank &&
                            self->audience_ids->len > 1);
}

static void
on_choice_toggled_cb (TpPrintWorksheetsDialog *self)
{
  TpWorksheetKind kind = TP_WORKSHEET_KIND_BRAND;
  gboolean blank;

  if (gtk_check_button_get_active (self->audience_check))
    kind = TP_WORKSHEET_KIND_AUDIENCE;
  else if (gtk_check_button_get_active (self->plan_check))
    kind = TP_WORKSHEET_KIND_PLAN;
  blank = gtk_check_button_get_active (self->blank_check);

  if (kind != self->kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }

  if (blank != self->blank)
    {
      self->blank = blank;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
    }

  update_audience_row (self);
}

static void
on_audience_row_selected_cb (TpPrintWorksheetsDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
}

static void
show_error (TpPrintWorksheetsDialog *self,
            const char              *heading,
            const GError            *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_data (TpPrintWorksheetsDialog *self,
          TpWorksheetData         *data)
{
  gint64 all = 0;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->audience_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_clear_pointer (&self->data, tp_worksheet_data_unref);
  self->data = tp_worksheet_data_ref (data);

  g_array_set_size (self->audience_ids, 0);
  g_array_append_val (self->audience_ids, all);
  g_ptr_array_add (names, (gpointer)_("All Audiences"));
  for (guint i = 0; i < data->audiences->len; i++)
    {
      TpWorksheetAudience *audience = g_ptr_array_index (data->audiences, i);

      g_array_append_val (self->audience_ids, audience->id);
      g_ptr_array_add (names, audience->name);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->audience_names, 0, n_rows, (const char * const *)names->pdata);
  adw_combo_row_set_selected (self->audience_row, 0);

  self->ready = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  update_audience_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* Without the data only blank worksheets can be printed: say why, and
 * offer those. */
static void
set_load_error (TpPrintWorksheetsDialog *self,
                const GError            *error)
{
  g_autoptr(TpWorksheetData) empty = tp_worksheet_data_new ();
  g_autofree char *message = NULL;

  /* Translators: %s says why the database could not be read */
  message = g_strdup_printf (_("Only blank worksheets can be printed: %s"), error->message);
  gtk_label_set_text (self->status_label, message);

  tp_print_worksheets_dialog_set_blank (self, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filled_check), FALSE);
  set_data (self, empty);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TpPrintWorksheetsDialog) self = user_data;
  g_autoptr(TpWorksheetData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = tp_worksheet_data_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (data != NULL)
    set_data (self, data);
  else
    set_load_error (self, error);
}

static void
load_data (TpPrintWorksheetsDialog *self)
{
  const char *path = tp_database_get_path (self->db);

  if (g_strcmp0 (path, ":memory:") == 0)
    {
      /* A private in-memory database has no file a worker could open. */
      g_autoptr(TpWorksheetData) data = NULL;
      g_autoptr(GError) error = NULL;

      data = tp_worksheet_data_load (self->db, NULL, &error);
      if (data != NULL)
        set_data (self, data);
      else
        set_load_error (self, error);
      return;
    }

  tp_worksheet_data_load_async (path, NULL, self->cancellable, load_cb, g_object_ref (self));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
print_done_cb (TpPrintWorksheetsDialog *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        return;
      show_error (self, _("Could Not Print the Worksheet"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* Printing is under way: the dialog's work is done. Closing waits
       * for the operation to finish emitting this signal. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static void
on_print_button_clicked_cb (TpPrintWorksheetsDialog *self)
{
  TpWorksheetPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->data != NULL);

  operation = tp_worksheet_print_operation_new (self->data, self->kind, self->blank);
  tp_worksheet_print_operation_set_audience (operation,
                                             tp_print_worksheets_dialog_get_audience (self));
  tp_worksheet_print_operation_set_database (operation, tp_database_get_path (self->db));
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->operation);
  self->operation = GTK_PRINT_OPERATION (operation);

  gtk_print_operation_run (self->operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), &error);
}

static void
export_response_cb (TpPrintWorksheetsDialog *self,
                    int                      response,
                    GtkNativeDialog         *native)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (!tp_print_worksheets_dialog_export_pdf (self, file, &error))
    show_error (self, _("Could Not Export the Worksheet"), error);
}

static void
on_export_button_clicked_cb (TpPrintWorksheetsDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Export Worksheet as PDF"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  name = g_strdup_printf ("%s.pdf", tp_worksheet_kind_get_title (self->kind));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->file_chooser);
}

static void
tp_print_worksheets_dialog_constructed (GObject *object)
{
  TpPrintWorksheetsDialog *self = (TpPrintWorksheetsDialog *)object;

  G_OBJECT_CLASS (tp_print_worksheets_dialog_parent_class)->constructed (object);

  load_data (self);
}

static void
tp_print_worksheets_dialog_dispose (GObject *object)
{
  TpPrintWorksheetsDialog *self = (TpPrintWorksheetsDialog *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_object (&self->operation);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_PRINT_WORKSHEETS_DIALOG);

  G_OBJECT_CLASS (tp_print_worksheets_dialog_parent_class)->dispose (object);
}

static void
tp_print_worksheets_dialog_finalize (GObject *object)
{
  TpPrintWorksheetsDialog *self = (TpPrintWorksheetsDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_pointer (&self->data, tp_worksheet_data_unref);
  g_clear_pointer (&self->audience_ids, g_array_unref);

  G_OBJECT_CLASS (tp_print_worksheets_dialog_parent_class)->finalize (object);
}

static void
tp_print_worksheets_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  TpPrintWorksheetsDialog *self = TP_PRINT_WORKSHEETS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_BLANK:
      g_value_set_boolean (value, self->blank);
      break;

    case PROP_AUDIENCE:
      g_value_set_int64 (value, tp_print_worksheets_dialog_get_audience (self));
      break;

    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_print_worksheets_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  TpPrintWorksheetsDialog *self = TP_PRINT_WORKSHEETS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    case PROP_KIND:
      tp_print_worksheets_dialog_set_kind (self, g_value_get_uint (value));
      break;

    case PROP_BLANK:
      tp_print_worksheets_dialog_set_blank (self, g_value_get_boolean (value));
      break;

    case PROP_AUDIENCE:
      tp_print_worksheets_dialog_set_audience (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_print_worksheets_dialog_class_init (TpPrintWorksheetsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tp_print_worksheets_dialog_constructed;
  object_class->dispose = tp_print_worksheets_dialog_dispose;
  object_class->finalize = tp_print_worksheets_dialog_finalize;
  object_class->get_property = tp_print_worksheets_dialog_get_property;
  object_class->set_property = tp_print_worksheets_dialog_set_property;

  /**
   * TpPrintWorksheetsDialog:database:
   *
   * The database the worksheets are filled in from.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TP_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpPrintWorksheetsDialog:kind:
   *
   * The chosen worksheet: a #TpWorksheetKind.
   */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       TP_WORKSHEET_KIND_BRAND, TP_WORKSHEET_KIND_PLAN, TP_WORKSHEET_KIND_BRAND,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpPrintWorksheetsDialog:blank:
   *
   * Whether the worksheet is printed blank, to fill in by hand.
   */
  properties[PROP_BLANK] =
    g_param_spec_boolean ("blank", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpPrintWorksheetsDialog:audience:
   *
   * The audience the audience worksheet prints, or 0 for all of them.
   */
  properties[PROP_AUDIENCE] =
    g_param_spec_int64 ("audience", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpPrintWorksheetsDialog:ready:
   *
   * Whether what the worksheets show has been read, so that they can be
   * printed.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-print-worksheets-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, brand_check);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, audience_check);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, plan_check);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, filled_check);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, blank_check);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, audience_row);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, audience_names);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TpPrintWorksheetsDialog, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_audience_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
}

static void
tp_print_worksheets_dialog_init (TpPrintWorksheetsDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->audience_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A dialog to a screen reader: the role must be in place before the
   * template creates the accessible. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tp_print_worksheets_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @db: the database to fill the worksheets in from
 *
 * Creates the "Print Worksheets" dialog. Present it with
 * gtk_window_present().
 *
 * Returns: (transfer full): a new #TpPrintWorksheetsDialog
 */
TpPrintWorksheetsDialog *
tp_print_worksheets_dialog_new (GtkWindow  *parent,
                                TpDatabase *db)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TP_IS_DATABASE (db), NULL);

  return g_object_new (TP_TYPE_PRINT_WORKSHEETS_DIALOG,
                       "transient-for", parent,
                       "database", db,
                       NULL);
}

TpWorksheetKind
tp_print_worksheets_dialog_get_kind (TpPrintWorksheetsDialog *self)
{
  g_return_val_if_fail (TP_IS_PRINT_WORKSHEETS_DIALOG (self), TP_WORKSHEET_KIND_BRAND);

  return self->kind;
}

/**
 * tp_print_worksheets_dialog_set_kind:
 * @self: a #TpPrintWorksheetsDialog
 * @kind: the worksheet to choose
 */
void
tp_print_worksheets_dialog_set_kind (TpPrintWorksheetsDialog *self,
                                     TpWorksheetKind          kind)
{
  GtkCheckButton *check;

  g_return_if_fail (TP_IS_PRINT_WORKSHEETS_DIALOG (self));
  g_return_if_fail (kind <= TP_WORKSHEET_KIND_PLAN);

  switch (kind)
    {
    case TP_WORKSHEET_KIND_AUDIENCE:
      check = self->audience_check;
      break;

    case TP_WORKSHEET_KIND_PLAN:
      check = self->plan_check;
      break;

    case TP_WORKSHEET_KIND_BRAND:
    default:
      check = self->brand_check;
      break;
    }

  /* The toggled handler notifies. */
  gtk_check_button_set_active (check, TRUE);
}

gboolean
tp_print_worksheets_dialog_get_blank (TpPrintWorksheetsDialog *self)
{
  g_return_val_if_fail (TP_IS_PRINT_WORKSHEETS_DIALOG (self), FALSE);

  return self->blank;
}

/**
 * tp_print_worksheets_dialog_set_blank:
 * @self: a #TpPrintWorksheetsDialog
 * @blank: %TRUE to print the worksheet blank
 */
void
tp_print_worksheets_dialog_set_blank (TpPrintWorksheetsDialog *self,
                                      gboolean                 blank)
{
  g_return_if_fail (TP_IS_PRINT_WORKSHEETS_DIALOG (self));

  gtk_check_button_set_active (blank ? self->blank_check : self->filled_check, TRUE);
}

/**
 * tp_print_worksheets_dialog_get_audience:
 * @self: a #TpPrintWorksheetsDialog
 *
 * Returns: the audience the audience worksheet prints, or 0 for all
 */
gint64
tp_print_worksheets_dialog_get_audience (TpPrintWorksheetsDialog *self)
{
  guint selected;

  g_return_val_if_fail (TP_IS_PRINT_WORKSHEETS_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->audience_row);
  if (selected >= self->audience_ids->len)
    return 0;

  return g_array_index (self->audience_ids, gint64, selected);
}

/**
 * tp_print_worksheets_dialog_set_audience:
 * @self: a #TpPrintWorksheetsDialog
 * @audience_id: an audience, or 0 for all; an audience the dialog does
 *   not know (yet) chooses all
 */
void
tp_print_worksheets_dialog_set_audience (TpPrintWorksheetsDialog *self,
                                         gint64                   audience_id)
{
  guint selected = 0;

  g_return_if_fail (TP_IS_PRINT_WORKSHEETS_DIALOG (self));

  for (guint i = 0; i < self->audience_ids->len; i++)
    {
      if (g_array_index (self->audience_ids, gint64, i) == audience_id)
        selected = i;
    }

  /* The combo row's notify::selected notifies. */
  adw_combo_row_set_selected (self->audience_row, selected);
}

/**
 * tp_print_worksheets_dialog_get_ready:
 * @self: a #TpPrintWorksheetsDialog
 *
 * Returns: %TRUE once the worksheets can be printed
 */
gboolean
tp_print_worksheets_dialog_get_ready (TpPrintWorksheetsDialog *self)
{
  g_return_val_if_fail (TP_IS_PRINT_WORKSHEETS_DIALOG (self), FALSE);

  return self->ready;
}

/**
 * tp_print_worksheets_dialog_export_pdf:
 * @self: a ready #TpPrintWorksheetsDialog
 * @file: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the chosen worksheet to @file, on the paper last printed on.
 * This is what "Export as PDF…" does with the file the user chose.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_print_worksheets_dialog_export_pdf (TpPrintWorksheetsDialog  *self,
                                       GFile                    *file,
                                       GError                  **error)
{
  g_autoptr(TpWorksheetLayout) layout = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (TP_IS_PRINT_WORKSHEETS_DIALOG (self), FALSE);
  g_return_val_if_fail (self->data != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a location */
                   _("Cannot write to “%s”: choose a folder on this computer"), uri);
      return FALSE;
    }

  layout = tp_worksheet_layout_new (self->data, self->kind, self->blank);
  tp_worksheet_layout_set_audience (layout, tp_print_worksheets_dialog_get_audience (self));
  page_setup = tp_worksheet_print_operation_load_page_setup ();
  tp_worksheet_print_operation_setup_layout (page_setup, layout);

  if (!tp_worksheet_layout_write_pdf (layout, path, error))
    return FALSE;

  /* Beside the buttons, not over them as a toast would be. */
  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  gtk_label_set_text (self->status_label, message);

  return TRUE;
}
