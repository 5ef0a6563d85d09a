/* tp-worksheet-pdf.c
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

#define G_LOG_DOMAIN "tp-worksheet-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "tp-worksheet-layout-private.h"

/*
 * PDF output: a paginated worksheet written page by page to a cairo PDF
 * surface, replacing the file only once the whole PDF is written.
 */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *closure = user_data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (closure->stream, data, length, NULL, NULL, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * tp_worksheet_layout_write_pdf:
 * @self: a #TpWorksheetLayout
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes every page to a PDF file, paginating first if needed. The file
 * is replaced only once the whole PDF is written.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_worksheet_layout_write_pdf (TpWorksheetLayout  *self,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  WriteClosure closure = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (TP_IS_WORKSHEET_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->paginated)
    tp_worksheet_layout_paginate (self, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  closure.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure,
                                                 self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  tp_worksheet_kind_get_title (self->kind));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Touchpoint");

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      tp_worksheet_layout_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      /* Closing with a cancelled cancellable leaves the old file as it was. */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);

      if (closure.error != NULL)
        g_propagate_error (error, closure.error);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: the first %s is a file name, the second what went wrong */
                     _("Could not write the PDF “%s”: %s"),
                     path, cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/**
 * tp_worksheet_export_pdf:
 * @data: what the worksheet shows
 * @kind: which worksheet
 * @audience_id: for the audience worksheet, the audience to show, or 0
 *   for every audience
 * @blank: %TRUE for a blank worksheet with room to write by hand
 * @paper: the paper size
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Lays a worksheet out with the default margins and writes it to a PDF.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_worksheet_export_pdf (TpWorksheetData   *data,
                         TpWorksheetKind    kind,
                         gint64             audience_id,
                         gboolean           blank,
                         TpWorksheetPaper   paper,
                         const char        *path,
                         GError           **error)
{
  g_autoptr(TpWorksheetLayout) layout = NULL;
  double width, height;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = tp_worksheet_layout_new (data, kind, blank);
  tp_worksheet_layout_set_audience (layout, audience_id);
  tp_worksheet_paper_get_size (paper, &width, &height);
  tp_worksheet_layout_set_page_size (layout, width, height);

  return tp_worksheet_layout_write_pdf (layout, path, error);
}
