/* tp-read-only.c
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

#define G_LOG_DOMAIN "tp-read-only"

#include "config.h"

#include "tp-read-only-private.h"
#include "tp-text-area.h"

/**
 * _tp_store_can_write:
 * @store: (nullable): the store a widget shows
 *
 * Returns: %TRUE if there is a store and its role may change it
 */
gboolean
_tp_store_can_write (TpStore *store)
{
  return store != NULL && tp_database_can_write (tp_store_get_database (store));
}

/**
 * _tp_field_set_read_only:
 * @field: a field of an editor
 * @read_only: whether it only shows its value
 *
 * Text stays selectable (to copy it) but takes no typing (and an entry
 * row shows no pencil: style.css); a switch, a choice or a number that
 * has no such mode is made insensitive.
 */
void
_tp_field_set_read_only (GtkWidget *field,
                         gboolean   read_only)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  if (read_only)
    gtk_widget_add_css_class (field, "tp-read-only");
  else
    gtk_widget_remove_css_class (field, "tp-read-only");

  if (TP_IS_TEXT_AREA (field))
    field = GTK_WIDGET (tp_text_area_get_text_view (TP_TEXT_AREA (field)));

  if (GTK_IS_TEXT_VIEW (field))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (field), !read_only);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (field), !read_only);
    }
  /* A spin button's arrows change it even when it is not editable */
  else if (GTK_IS_EDITABLE (field) && !GTK_IS_SPIN_BUTTON (field))
    gtk_editable_set_editable (GTK_EDITABLE (field), !read_only);
  else
    gtk_widget_set_sensitive (field, !read_only);
}
