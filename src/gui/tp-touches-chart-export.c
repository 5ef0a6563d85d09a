/* tp-touches-chart-export.c
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

#define G_LOG_DOMAIN "tp-touches-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tp-touches-chart-private.h"

/*
 * The touches chart saved as a picture (overview in tp-touches-chart.c):
 * PNG or SVG, through a file chooser.
 */

/* Save As… */

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(TpTouchesChart) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL)
    return;

  if (!tp_touches_chart_save (self, file, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("Could Not Save the Chart"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

void
_tp_touches_chart_save_as_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Save Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (png, _("PNG Image"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG Image"));
  gtk_file_filter_add_mime_type (svg, "image/svg+xml");
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), svg);
  /* Translators: the suggested file name of a saved chart */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("touches-chart.png"));

  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * tp_touches_chart_save:
 * @self: a chart
 * @file: a local file; a name ending in ".svg" gives SVG, any other PNG
 * @error: return location for a #GError
 *
 * Saves the chart as it is on screen, on an opaque background in the
 * current colours, at the screen's scale.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_touches_chart_save (TpTouchesChart  *self,
                       GFile           *file,
                       GError         **error)
{
  g_autofree char *path = NULL;
  TpChartColors colors;

  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a location, such as a web address */
                   _("Charts can only be saved to local files, not to “%s”"),
                   g_file_peek_path (file) != NULL ? g_file_peek_path (file) : "");
      return FALSE;
    }

  colors = self->colors;
  colors.background.alpha = 1;

  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    return tp_chart_save_svg (_tp_touches_chart_ensure_layout (self), &colors, path, error);

  return tp_chart_save_png (_tp_touches_chart_ensure_layout (self), &colors,
                            gtk_widget_get_scale_factor (GTK_WIDGET (self)), path, error);
}
