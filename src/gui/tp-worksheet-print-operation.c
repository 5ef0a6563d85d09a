/* tp-worksheet-print-operation.c
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

#define G_LOG_DOMAIN "tp-worksheet-print-operation"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "tp-worksheet-print-operation.h"

/*
 * Prints a worksheet through GTK's print pipeline (dialog, preview,
 * printers, "Print to File"). TpWorksheetLayout in core does the work:
 * begin-print lays the pages out for the chosen paper with the print
 * context's Pango context, draw-page only paints one of them, end-print
 * lets the layout go.
 *
 * The print settings and the page setup the user last printed with are
 * kept as key files in $XDG_DATA_HOME/APP_ID/, and used again next time.
 */

#define PRINT_SETTINGS_FILE "print-settings.ini"
#define PAGE_SETUP_FILE     "page-setup.ini"
#define OUTPUT_FILE         "print-output.ini"  /* the file printed to, per database */
#define OUTPUT_GROUP        "output-uri"

struct _TpWorksheetPrintOperation
{
  GtkPrintOperation  parent_instance;

  TpWorksheetData   *data;
  TpWorksheetKind    kind;
  gboolean           blank;
  gint64             audience_id;
  char              *database;  /* its path; the key of the file printed to */

  TpWorksheetLayout *layout; /* from begin-print to end-print */
};

G_DEFINE_FINAL_TYPE (TpWorksheetPrintOperation, tp_worksheet_print_operation,
                     GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_DATA,
  PROP_KIND,
  PROP_BLANK,
  PROP_AUDIENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
settings_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, name, NULL);
}

/**
 * tp_worksheet_print_operation_load_settings:
 *
 * Returns: (transfer full) (nullable): the print settings last printed
 *   with, or %NULL if there are none
 */
GtkPrintSettings *
tp_worksheet_print_operation_load_settings (void)
{
  g_autofree char *path = settings_path (PRINT_SETTINGS_FILE);
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  settings = gtk_print_settings_new_from_file (path, &error);
  if (settings == NULL)
    g_debug ("Could not read %s: %s", path, error->message);

  return settings;
}

/**
 * tp_worksheet_print_operation_load_page_setup:
 *
 * Returns: (transfer full): the page setup last printed with, or the
 *   default one for the locale's paper
 */
GtkPageSetup *
tp_worksheet_print_operation_load_page_setup (void)
{
  g_autofree char *path = settings_path (PAGE_SETUP_FILE);
  g_autoptr(GError) error = NULL;
  GtkPageSetup *page_setup = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      page_setup = gtk_page_setup_new_from_file (path, &error);
      if (page_setup == NULL)
        g_debug ("Could not read %s: %s", path, error->message);
    }

  if (page_setup == NULL)
    page_setup = gtk_page_setup_new ();

  return page_setup;
}

/* A database's path can hold any character: its checksum is the key. */
static char *
output_key (const char *database)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, database, -1);
}

static void
save_output_uri (const char *database,
                 const char *uri)
{
  g_autofree char *path = settings_path (OUTPUT_FILE);
  g_autofree char *key = output_key (database);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  /* A missing or unreadable file starts empty. */
  g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL);
  if (uri != NULL)
    g_key_file_set_string (key_file, OUTPUT_GROUP, key, uri);
  else
    g_key_file_remove_key (key_file, OUTPUT_GROUP, key, NULL);

  if (!g_key_file_save_to_file (key_file, path, &error))
    g_debug ("Could not save %s: %s", path, error->message);
}

static char *
load_output_uri (const char *database)
{
  g_autofree char *path = settings_path (OUTPUT_FILE);
  g_autofree char *key = output_key (database);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;

  return g_key_file_get_string (key_file, OUTPUT_GROUP, key, NULL);
}

/**
 * tp_worksheet_print_operation_set_database:
 * @self: a #TpWorksheetPrintOperation
 * @database: the path of the database the worksheets come from
 *
 * Offers the file last printed to from @database, and no other
 * database's: the print dialog's file is remembered per database.
 */
void
tp_worksheet_print_operation_set_database (TpWorksheetPrintOperation *self,
                                           const char                *database)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (TP_IS_WORKSHEET_PRINT_OPERATION (self));
  g_return_if_fail (database != NULL);

  g_free (self->database);
  self->database = g_strdup (database);

  if (gtk_print_operation_get_print_settings (operation) != NULL)
    settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));
  else
    settings = gtk_print_settings_new ();

  uri = load_output_uri (database);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_operation_set_print_settings (operation, settings);
}

static void
save_settings (TpWorksheetPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (operation);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *settings_file = settings_path (PRINT_SETTINGS_FILE);
  g_autofree char *page_setup_file = settings_path (PAGE_SETUP_FILE);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Could not create %s: %s", dir, g_strerror (errno));
      return;
    }

  if (settings != NULL)
    {
      /* The printer and its options are shared; the file printed to
       * belongs to the database. */
      g_autoptr(GtkPrintSettings) shared = gtk_print_settings_copy (settings);

      if (self->database != NULL)
        save_output_uri (self->database, gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
      gtk_print_settings_unset (shared, GTK_PRINT_SETTINGS_OUTPUT_URI);

      if (!gtk_print_settings_to_file (shared, settings_file, &error))
        {
          g_debug ("Could not save %s: %s", settings_file, error->message);
          g_clear_error (&error);
        }
    }

  if (page_setup != NULL && !gtk_page_setup_to_file (page_setup, page_setup_file, &error))
    g_debug ("Could not save %s: %s", page_setup_file, error->message);
}

/**
 * tp_worksheet_print_operation_setup_layout:
 * @page_setup: a page setup
 * @layout: a worksheet layout
 *
 * Gives @layout the paper of @page_setup, in its orientation, and its
 * margins, or the worksheet's own where those are narrower: a printer's
 * smallest margins leave no room for the hand that holds the sheet.
 */
void
tp_worksheet_print_operation_setup_layout (GtkPageSetup      *page_setup,
                                           TpWorksheetLayout *layout)
{
  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));
  g_return_if_fail (TP_IS_WORKSHEET_LAYOUT (layout));

  tp_worksheet_layout_set_page_size (layout,
                                     gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS),
                                     gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS));
  tp_worksheet_layout_set_margins (layout,
                                   MAX (gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS),
                                        TP_WORKSHEET_DEFAULT_MARGIN),
                                   MAX (gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_POINTS),
                                        TP_WORKSHEET_DEFAULT_MARGIN),
                                   MAX (gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_POINTS),
                                        TP_WORKSHEET_DEFAULT_MARGIN),
                                   MAX (gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS),
                                        TP_WORKSHEET_DEFAULT_MARGIN));
}

static void
tp_worksheet_print_operation_begin_print (GtkPrintOperation *operation,
                                          GtkPrintContext   *context)
{
  TpWorksheetPrintOperation *self = TP_WORKSHEET_PRINT_OPERATION (operation);
  PangoContext *pango_context;

  g_clear_object (&self->layout);
  self->layout = tp_worksheet_layout_new (self->data, self->kind, self->blank);
  tp_worksheet_layout_set_audience (self->layout, self->audience_id);
  tp_worksheet_print_operation_setup_layout (gtk_print_context_get_page_setup (context),
                                             self->layout);

  /* With use-full-page and points as the unit, the context is the whole
   * sheet measured in points, as the layout expects; its Pango context
   * measures text the way the printer will draw it. */
  tp_worksheet_layout_set_page_size (self->layout,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
  pango_context = gtk_print_context_create_pango_context (context);
  tp_worksheet_layout_paginate (self->layout, pango_context);
  g_object_unref (pango_context);

  gtk_print_operation_set_n_pages (operation, tp_worksheet_layout_get_n_pages (self->layout));
}

static void
tp_worksheet_print_operation_draw_page (GtkPrintOperation *operation,
                                        GtkPrintContext   *context,
                                        int                page_nr)
{
  TpWorksheetPrintOperation *self = TP_WORKSHEET_PRINT_OPERATION (operation);

  g_return_if_fail (self->layout != NULL);

  tp_worksheet_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context),
                                 page_nr);
}

static void
tp_worksheet_print_operation_end_print (GtkPrintOperation *operation,
                                        GtkPrintContext   *context)
{
  TpWorksheetPrintOperation *self = TP_WORKSHEET_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);
}

static void
tp_worksheet_print_operation_done (GtkPrintOperation       *operation,
                                   GtkPrintOperationResult  result)
{
  TpWorksheetPrintOperation *self = TP_WORKSHEET_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self);

  if (GTK_PRINT_OPERATION_CLASS (tp_worksheet_print_operation_parent_class)->done != NULL)
    GTK_PRINT_OPERATION_CLASS (tp_worksheet_print_operation_parent_class)->done (operation, result);
}

static void
tp_worksheet_print_operation_constructed (GObject *object)
{
  TpWorksheetPrintOperation *self = (TpWorksheetPrintOperation *)object;
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *job_name = NULL;

  G_OBJECT_CLASS (tp_worksheet_print_operation_parent_class)->constructed (object);

  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, FALSE);

  if (self->data->business_name[0] != '\0')
    /* Translators: a print job's name: the worksheet's title, then the business's name */
    job_name = g_strdup_printf (_("%s – %s"), tp_worksheet_kind_get_title (self->kind),
                                self->data->business_name);
  else
    job_name = g_strdup (tp_worksheet_kind_get_title (self->kind));
  gtk_print_operation_set_job_name (operation, job_name);

  settings = tp_worksheet_print_operation_load_settings ();
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);

  page_setup = tp_worksheet_print_operation_load_page_setup ();
  gtk_print_operation_set_default_page_setup (operation, page_setup);
}

static void
tp_worksheet_print_operation_finalize (GObject *object)
{
  TpWorksheetPrintOperation *self = (TpWorksheetPrintOperation *)object;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->data, tp_worksheet_data_unref);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (tp_worksheet_print_operation_parent_class)->finalize (object);
}

static void
tp_worksheet_print_operation_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TpWorksheetPrintOperation *self = TP_WORKSHEET_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_BLANK:
      g_value_set_boolean (value, self->blank);
      break;

    case PROP_AUDIENCE:
      g_value_set_int64 (value, self->audience_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_worksheet_print_operation_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TpWorksheetPrintOperation *self = TP_WORKSHEET_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DATA:
      self->data = g_value_dup_boxed (value);
      if (self->data == NULL)
        self->data = tp_worksheet_data_new ();
      break;

    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;

    case PROP_BLANK:
      self->blank = g_value_get_boolean (value);
      break;

    case PROP_AUDIENCE:
      tp_worksheet_print_operation_set_audience (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_worksheet_print_operation_class_init (TpWorksheetPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = tp_worksheet_print_operation_constructed;
  object_class->finalize = tp_worksheet_print_operation_finalize;
  object_class->get_property = tp_worksheet_print_operation_get_property;
  object_class->set_property = tp_worksheet_print_operation_set_property;

  operation_class->begin_print = tp_worksheet_print_operation_begin_print;
  operation_class->draw_page = tp_worksheet_print_operation_draw_page;
  operation_class->end_print = tp_worksheet_print_operation_end_print;
  operation_class->done = tp_worksheet_print_operation_done;

  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL,
                        TP_TYPE_WORKSHEET_DATA,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       TP_WORKSHEET_KIND_BRAND, TP_WORKSHEET_KIND_PLAN, TP_WORKSHEET_KIND_BRAND,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BLANK] =
    g_param_spec_boolean ("blank", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUDIENCE] =
    g_param_spec_int64 ("audience", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_worksheet_print_operation_init (TpWorksheetPrintOperation *self)
{
}

/**
 * tp_worksheet_print_operation_new:
 * @data: what the worksheet shows
 * @kind: which worksheet
 * @blank: %TRUE for a blank worksheet with room to write by hand
 *
 * Creates a print operation for a worksheet, with the print settings and
 * page setup last printed with. Run it with gtk_print_operation_run().
 *
 * Returns: (transfer full): a new #TpWorksheetPrintOperation
 */
TpWorksheetPrintOperation *
tp_worksheet_print_operation_new (TpWorksheetData *data,
                                  TpWorksheetKind  kind,
                                  gboolean         blank)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind <= TP_WORKSHEET_KIND_PLAN, NULL);

  return g_object_new (TP_TYPE_WORKSHEET_PRINT_OPERATION,
                       "data", data,
                       "kind", kind,
                       "blank", blank,
                       NULL);
}

/**
 * tp_worksheet_print_operation_get_data:
 * @self: a #TpWorksheetPrintOperation
 *
 * Returns: (transfer none): what the worksheet shows
 */
TpWorksheetData *
tp_worksheet_print_operation_get_data (TpWorksheetPrintOperation *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_PRINT_OPERATION (self), NULL);

  return self->data;
}

TpWorksheetKind
tp_worksheet_print_operation_get_kind (TpWorksheetPrintOperation *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_PRINT_OPERATION (self), TP_WORKSHEET_KIND_BRAND);

  return self->kind;
}

gboolean
tp_worksheet_print_operation_get_blank (TpWorksheetPrintOperation *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_PRINT_OPERATION (self), FALSE);

  return self->blank;
}

gint64
tp_worksheet_print_operation_get_audience (TpWorksheetPrintOperation *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_PRINT_OPERATION (self), 0);

  return self->audience_id;
}

/**
 * tp_worksheet_print_operation_set_audience:
 * @self: a #TpWorksheetPrintOperation
 * @audience_id: the audience the audience worksheet prints, or 0 for all
 */
void
tp_worksheet_print_operation_set_audience (TpWorksheetPrintOperation *self,
                                           gint64                     audience_id)
{
  g_return_if_fail (TP_IS_WORKSHEET_PRINT_OPERATION (self));
  g_return_if_fail (audience_id >= 0);

  if (self->audience_id == audience_id)
    return;

  self->audience_id = audience_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
}
